//! The text the stages read, when a document holds characters that do not
//! show: soft hyphens, zero-width spaces and joiners, direction marks, a
//! byte-order mark inside the text; and fullwidth forms of ASCII.
//!
//! Web pages and CMS exports put soft hyphens (`&shy;`) and zero-width
//! spaces inside words: "Ma\u{ad}cron" reads as "Macron" on screen, but a
//! tokenizer sees "Ma" and "cron", and "35\u{200b}000" becomes the figure
//! 35. The stages read a copy without those characters, and with fullwidth
//! letters and digits ("Ｔｏｋｙｏ", "１２") folded to ASCII; every span
//! they find is then mapped back to the document as written, so quotes and
//! offsets still point into the original text. A span never starts or ends
//! on a dropped character: "\u{200b}Berlin" quotes "Berlin".

use std::borrow::Cow;

use memchr::memchr3_iter;

use crate::annotation::{Canonical, Extraction};
use crate::span::Span;

/// A document's text as the stages read it, and the way back to the
/// original's byte offsets.
#[derive(Debug)]
pub struct Cleaned {
    /// The text with invisible characters dropped and fullwidth forms
    /// folded.
    pub text: String,
    /// Every change, in text order.
    edits: Vec<Edit>,
}

/// One dropped or folded character.
#[derive(Clone, Copy, Debug)]
struct Edit {
    /// Where it is (or would be) in the cleaned text.
    clean_at: usize,
    /// Its bytes in the cleaned text: 0 when dropped, 1 when folded.
    clean_len: usize,
    /// Where it is in the original.
    orig_at: usize,
    /// Its bytes in the original.
    orig_len: usize,
}

/// What becomes of a character: dropped, folded to an ASCII byte, or kept.
fn change(c: char) -> Option<Option<u8>> {
    match c {
        // Soft hyphen; zero-width space, non-joiner, joiner; left-to-right
        // and right-to-left marks; bidirectional embeddings and overrides;
        // word joiner; bidirectional isolates; zero-width no-break space
        // (a byte-order mark inside the text).
        '\u{ad}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}' => Some(None),
        // Fullwidth ASCII: U+FF01 '！' to U+FF5E '～'.
        '\u{ff01}'..='\u{ff5e}' => Some(Some((c as u32 - 0xfee0) as u8)),
        _ => None,
    }
}

/// The byte offsets of the characters [`change`] alters. Every one is
/// encoded from a lead byte 0xC2, 0xE2 or 0xEF; news has many 0xE2 (curly
/// quotes, dashes), so the character after each is decoded and checked.
fn changed_at(
    text: &str,
) -> impl Iterator<Item = (usize, char, Option<u8>)> + '_ {
    memchr3_iter(0xc2, 0xe2, 0xef, text.as_bytes()).filter_map(|at| {
        let c = text[at..].chars().next()?;
        change(c).map(|to| (at, c, to))
    })
}

/// A name as it reads: `s` without invisible characters and with
/// fullwidth forms folded, for the cells that name rather than quote (an
/// unlisted name's `canonical_name`, a claim's `subject`).
pub fn visible(s: &str) -> Cow<'_, str> {
    match clean(s) {
        None => Cow::Borrowed(s),
        Some(c) => Cow::Owned(c.text),
    }
}

/// `text` as the stages should read it, or `None` when it has nothing to
/// change (nearly every document).
pub fn clean(text: &str) -> Option<Cleaned> {
    let mut changes = changed_at(text).peekable();
    changes.peek()?;
    let mut out = String::with_capacity(text.len());
    let mut edits = Vec::new();
    let mut copied = 0;
    for (at, c, to) in changes {
        out.push_str(&text[copied..at]);
        edits.push(Edit {
            clean_at: out.len(),
            clean_len: usize::from(to.is_some()),
            orig_at: at,
            orig_len: c.len_utf8(),
        });
        if let Some(b) = to {
            out.push(char::from(b));
        }
        copied = at + c.len_utf8();
    }
    out.push_str(&text[copied..]);
    Some(Cleaned { text: out, edits })
}

impl Cleaned {
    /// The original offset of a span start at `p` in the cleaned text:
    /// past any dropped character just before `p`.
    fn start(&self, p: usize) -> usize {
        let k = self.edits.partition_point(|e| {
            e.clean_at < p || e.clean_at == p && e.clean_len == 0
        });
        self.after(k, p)
    }

    /// The original offset of a span end at `p` in the cleaned text:
    /// before any dropped character at `p`.
    fn end(&self, p: usize) -> usize {
        let k = self.edits.partition_point(|e| e.clean_at < p);
        self.after(k, p)
    }

    /// Where `p` is in the original, given that the first `k` edits come
    /// before it: the text since the last of them is copied unchanged.
    fn after(&self, k: usize, p: usize) -> usize {
        match k.checked_sub(1).map(|k| self.edits[k]) {
            None => p,
            Some(e) => e.orig_at + e.orig_len + (p - e.clean_at - e.clean_len),
        }
    }

    /// `span` of the cleaned text, as a span of the original.
    pub fn span(&self, span: Span) -> Span {
        let start = self.start(span.start);
        if span.is_empty() {
            return Span::new(start, start);
        }
        Span::new(start, self.end(span.end))
    }

    /// Moves every span of `ex`, found in the cleaned text, to the
    /// original.
    pub fn restore(&self, ex: &mut Extraction) {
        let map = |s: &mut Span| *s = self.span(*s);
        let map_opt = |s: &mut Option<Span>| {
            if let Some(s) = s {
                *s = self.span(*s);
            }
        };
        for e in &mut ex.entities {
            map(&mut e.span);
            if let Canonical::Mention(s) = &mut e.canonical {
                map(s);
            }
        }
        for c in &mut ex.claims {
            map(&mut c.span);
            map(&mut c.value_span);
            map_opt(&mut c.qualifier);
            map_opt(&mut c.counted);
            map_opt(&mut c.subject);
            map_opt(&mut c.attribution);
            map_opt(&mut c.time);
        }
        ex.sentences.iter_mut().for_each(map);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every span of the cleaned text, mapped back, quotes the original
    /// with the dropped characters inside it and none at its edges.
    fn quote<'a>(text: &'a str, word: &str) -> &'a str {
        let c = clean(text).expect("has something to clean");
        let at = c.text.find(word).expect("word in the cleaned text");
        &text[c.span(Span::new(at, at + word.len())).range()]
    }

    #[test]
    fn plain_text_is_left_alone() {
        assert!(
            clean("Plain text, with “curly quotes” — and dashes.").is_none()
        );
        assert!(clean("").is_none());
    }

    #[test]
    fn drops_invisible_characters_and_maps_spans_around_them() {
        let text =
            "Emmanuel Ma\u{ad}cron in \u{200b}Berlin\u{200b}, 35\u{200b}000";
        let c = clean(text).expect("changed");
        assert_eq!(c.text, "Emmanuel Macron in Berlin, 35000");
        assert_eq!(quote(text, "Emmanuel Macron"), "Emmanuel Ma\u{ad}cron");
        assert_eq!(quote(text, "Berlin"), "Berlin");
        assert_eq!(quote(text, "35000"), "35\u{200b}000");
        assert_eq!(quote(text, "in Berlin,"), "in \u{200b}Berlin\u{200b},");
    }

    #[test]
    fn folds_fullwidth_forms() {
        let text = "In \u{ff34}\u{ff4f}\u{ff4b}\u{ff59}\u{ff4f}, \u{ff11}\u{ff12} people";
        let c = clean(text).expect("changed");
        assert_eq!(c.text, "In Tokyo, 12 people");
        assert_eq!(
            quote(text, "Tokyo"),
            "\u{ff34}\u{ff4f}\u{ff4b}\u{ff59}\u{ff4f}"
        );
        assert_eq!(quote(text, "12 people"), "\u{ff11}\u{ff12} people");
        assert_eq!(quote(text, "k"), "\u{ff4b}");
    }

    #[test]
    fn dropped_and_folded_characters_next_to_each_other() {
        let text = "a\u{200b}\u{ff21}\u{ad}\u{ff22}\u{feff}b";
        let c = clean(text).expect("changed");
        assert_eq!(c.text, "aABb");
        assert_eq!(quote(text, "A"), "\u{ff21}");
        assert_eq!(quote(text, "B"), "\u{ff22}");
        assert_eq!(quote(text, "AB"), "\u{ff21}\u{ad}\u{ff22}");
        assert_eq!(quote(text, "aABb"), text);
        assert_eq!(c.span(Span::new(1, 1)), Span::new(4, 4));
    }
}
