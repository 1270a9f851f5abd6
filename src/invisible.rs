//! The text the stages read, when a document holds characters that do not
//! show: soft hyphens, zero-width spaces and joiners, direction marks, a
//! byte-order mark inside the text; fullwidth forms of ASCII; and the
//! markup of HTML that news scraped from the web keeps (`&amp;`, `&quot;`,
//! `<p>`, `<a href=...>`).
//!
//! Web pages and CMS exports put soft hyphens (`&shy;`) and zero-width
//! spaces inside words: "Ma\u{ad}cron" reads as "Macron" on screen, but a
//! tokenizer sees "Ma" and "cron", and "35\u{200b}000" becomes the figure
//! 35. The stages read a copy without those characters, and with fullwidth
//! letters and digits ("Ｔｏｋｙｏ", "１２") folded to ASCII; every span
//! they find is then mapped back to the document as written, so quotes and
//! offsets still point into the original text. A span never starts or ends
//! on a dropped character: "\u{200b}Berlin" quotes "Berlin".
//!
//! HTML is read as a browser shows it: a character reference is its
//! character ("AT&amp;T" is AT&T), a paragraph or line break tag breaks
//! the text as it does on screen (so that `</p><p>` ends a sentence), an
//! inline tag (`<a ...>`, `<b>`) and a comment are dropped, and a script
//! or style element is dropped whole. Only the tags and references HTML
//! defines count: "x < y", "R&D" and "AT&T" are plain text.

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

/// One dropped or replaced piece of the original: a character, a
/// character reference or a tag.
#[derive(Clone, Copy, Debug)]
struct Edit {
    /// Where it is (or would be) in the cleaned text.
    clean_at: usize,
    /// Its bytes in the cleaned text: 0 when dropped.
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
/// fullwidth forms folded (and, when `html`, HTML markup read), for the
/// cells that name rather than quote (an unlisted name's
/// `canonical_name`, a claim's `subject`).
pub fn visible(s: &str, html: bool) -> Cow<'_, str> {
    match clean(s, html) {
        None => Cow::Borrowed(s),
        Some(c) => Cow::Owned(c.text),
    }
}

/// What a piece of the original becomes in the cleaned text.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Replacement {
    Drop,
    Char(char),
    Text(&'static str),
}

/// One piece of the original to replace: its byte offset and length.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Change {
    at: usize,
    len: usize,
    to: Replacement,
}

/// `text` as the stages should read it, or `None` when it has nothing to
/// change (nearly every document). With `html` false, tags and character
/// references are text like any other (`--no-html`).
pub fn clean(text: &str, html: bool) -> Option<Cleaned> {
    let characters = changed_at(text).map(|(at, c, to)| Change {
        at,
        len: c.len_utf8(),
        to: to.map_or(Replacement::Drop, |b| Replacement::Char(char::from(b))),
    });
    let markup = if html { markup_changes(text) } else { Vec::new() };
    let mut changes = merge(characters, markup).peekable();
    changes.peek()?;
    let mut out = String::with_capacity(text.len());
    let mut edits = Vec::new();
    let mut copied = 0;
    for Change { at, len, to } in changes {
        out.push_str(&text[copied..at]);
        let clean_at = out.len();
        match to {
            Replacement::Drop => {}
            Replacement::Char(c) => out.push(c),
            Replacement::Text(t) => out.push_str(t),
        }
        edits.push(Edit {
            clean_at,
            clean_len: out.len() - clean_at,
            orig_at: at,
            orig_len: len,
        });
        copied = at + len;
    }
    out.push_str(&text[copied..]);
    Some(Cleaned { text: out, edits })
}

/// The changes of both lists in text order; a character inside a piece of
/// markup (a zero-width space in a dropped script) goes with it.
fn merge(
    characters: impl Iterator<Item = Change>,
    markup: Vec<Change>,
) -> impl Iterator<Item = Change> {
    let mut characters = characters.peekable();
    let mut markup = markup.into_iter().peekable();
    let mut done = 0;
    std::iter::from_fn(move || loop {
        let next = match (characters.peek(), markup.peek()) {
            (Some(c), Some(m)) if c.at < m.at => characters.next(),
            (_, Some(_)) => markup.next(),
            (Some(_), None) => characters.next(),
            (None, None) => return None,
        }?;
        if next.at >= done {
            done = next.at + next.len;
            return Some(next);
        }
    })
}

/// The character references and tags of HTML in `text`, in text order;
/// none (and no allocation) for text without `&` or `<`.
fn markup_changes(text: &str) -> Vec<Change> {
    let bytes = text.as_bytes();
    let mut changes = Vec::new();
    let mut from = 0;
    while let Some(i) = memchr::memchr2(b'&', b'<', &bytes[from..]) {
        let at = from + i;
        let change = if bytes[at] == b'&' {
            reference_at(text, at)
        } else {
            tag_at(text, at)
        };
        match change {
            Some(c) => {
                from = c.at + c.len;
                changes.push(c);
            }
            None => from = at + 1,
        }
    }
    changes
}

/// The character reference at `at` (`&amp;`, `&#8217;`, `&#x2019;`), if
/// HTML defines it. Those of characters [`change`] drops are dropped.
fn reference_at(text: &str, at: usize) -> Option<Change> {
    let rest = &text.as_bytes()[at + 1..];
    let semi = rest.iter().take(12).position(|&b| b == b';')?;
    let name = &text[at + 1..at + 1 + semi];
    let c = match name.strip_prefix('#') {
        Some(num) => {
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            // A control character or none at all is left as written.
            char::from_u32(code).filter(|c| !c.is_control() || *c == '\n')?
        }
        None => named_reference(name)?,
    };
    let to = match change(c) {
        Some(None) => Replacement::Drop,
        Some(Some(b)) => Replacement::Char(char::from(b)),
        // A no-break space reads as a space.
        None if c == '\u{a0}' => Replacement::Char(' '),
        None => Replacement::Char(c),
    };
    Some(Change { at, len: semi + 2, to })
}

/// The character of a named reference news copy uses (HTML defines some
/// two thousand; the rest are rare in text and left as written).
fn named_reference(name: &str) -> Option<char> {
    let c = match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "shy" => '\u{ad}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "times" => '×',
        "szlig" => 'ß',
        "zwj" => '\u{200d}',
        "zwnj" => '\u{200c}',
        _ => return accented(name),
    };
    Some(c)
}

/// A Latin letter with a diacritic by its reference name: `eacute` é,
/// `Ntilde` Ñ, `ouml` ö, `ccedil` ç, `aring` å, `oslash` ø.
fn accented(name: &str) -> Option<char> {
    const MARKS: &[(&str, &str, &str)] = &[
        // (mark, base letters, the letters with the mark, in order)
        ("acute", "aeiouyAEIOUY", "áéíóúýÁÉÍÓÚÝ"),
        ("grave", "aeiouAEIOU", "àèìòùÀÈÌÒÙ"),
        ("circ", "aeiouAEIOU", "âêîôûÂÊÎÔÛ"),
        ("uml", "aeiouyAEIOUY", "äëïöüÿÄËÏÖÜŸ"),
        ("tilde", "anoANO", "ãñõÃÑÕ"),
        ("cedil", "cC", "çÇ"),
        ("ring", "aA", "åÅ"),
        ("slash", "oO", "øØ"),
    ];
    let mut chars = name.chars();
    let base = chars.next()?;
    let mark = chars.as_str();
    let (_, bases, marked) = MARKS.iter().find(|(m, _, _)| *m == mark)?;
    let k = bases.chars().position(|b| b == base)?;
    marked.chars().nth(k)
}

/// The tag (or comment) at `at`, if it is one of HTML's: a block or line
/// break becomes one on screen, an inline tag goes; a script or style
/// element goes whole.
fn tag_at(text: &str, at: usize) -> Option<Change> {
    let rest = &text[at..];
    let b = rest.as_bytes();
    if rest.starts_with("<!--") {
        let end = rest.find("-->")? + 3;
        return Some(Change { at, len: end, to: Replacement::Drop });
    }
    let closing = b.get(1) == Some(&b'/');
    let name_start = 1 + usize::from(closing);
    let name_end = name_start
        + b[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
    // The longest name below is ten letters ("blockquote").
    let mut lower = [0u8; 10];
    let name = &b[name_start..name_end];
    if !name.first().is_some_and(u8::is_ascii_alphabetic) || name.len() > 10 {
        return None;
    }
    lower[..name.len()].copy_from_slice(name);
    lower.make_ascii_lowercase();
    let lower = std::str::from_utf8(&lower[..name.len()]).ok()?;
    // The tag ends at the next `>`, with attributes between: a space or
    // `/` after the name, and no `<` before the end.
    if !matches!(
        b.get(name_end),
        Some(b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/')
    ) {
        return None;
    }
    let close = b[name_end..]
        .iter()
        .take(2000)
        .position(|&c| c == b'>' || c == b'<')?;
    let close = name_end + close;
    if b[close] != b'>' {
        return None;
    }
    let len = close + 1;
    // Attributes are `name=value` pairs: "<b and c>" in plain text is no
    // tag.
    let attributes = rest[name_end..close].trim_end_matches('/').trim();
    if !attributes.is_empty() && !attributes.contains('=') {
        return None;
    }
    let to = match lower {
        "br" => Replacement::Text("\n"),
        "p" | "div" | "li" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4"
        | "h5" | "h6" | "blockquote" | "tr" | "table" | "section"
        | "article" | "header" | "footer" | "figure" | "figcaption" | "hr"
        | "dd" | "dt" | "dl" | "pre" | "aside" | "main" | "nav"
        | "caption" | "address" => Replacement::Text("\n\n"),
        "a" | "b" | "i" | "u" | "em" | "strong" | "span" | "small" | "sup"
        | "sub" | "abbr" | "cite" | "font" | "mark" | "time" | "q" | "s"
        | "ins" | "del" | "bdi" | "bdo" | "wbr" | "img" | "td" | "th"
        | "tbody" | "thead" | "tfoot" | "html" | "body" | "head" | "meta"
        | "link" | "source" | "picture" | "video" | "audio" | "iframe"
        | "label" | "button" | "svg" => Replacement::Drop,
        "script" | "style" | "noscript" | "template" if !closing => {
            // Up to and with the closing tag, in any case: code, not text.
            let end = memchr::memmem::find_iter(&b[len..], b"</")
                .map(|k| len + k)
                .find(|&k| {
                    b.get(k + 2..k + 2 + name.len())
                        .is_some_and(|n| n.eq_ignore_ascii_case(name))
                })?;
            let end = end + rest[end..].find('>')? + 1;
            return Some(Change { at, len: end, to: Replacement::Drop });
        }
        _ => return None,
    };
    Some(Change { at, len, to })
}

impl Cleaned {
    /// The original offset of a span start at `p` in the cleaned text:
    /// past any dropped character just before `p`.
    fn start(&self, p: usize) -> usize {
        let k = self.edits.partition_point(|e| {
            e.clean_at < p || e.clean_at == p && e.clean_len == 0
        });
        match k.checked_sub(1).map(|k| self.edits[k]) {
            // Inside a replacement: from its start.
            Some(e) if p < e.clean_at + e.clean_len => e.orig_at,
            _ => self.after(k, p),
        }
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
            // Inside a replacement (of several bytes: "&rsquo;" is "’"):
            // to the end of what it replaced.
            Some(e) if p < e.clean_at + e.clean_len => e.orig_at + e.orig_len,
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
        let c = clean(text, true).expect("has something to clean");
        let at = c.text.find(word).expect("word in the cleaned text");
        &text[c.span(Span::new(at, at + word.len())).range()]
    }

    #[test]
    fn plain_text_is_left_alone() {
        assert!(clean("Plain text, with “curly quotes” — and dashes.", true)
            .is_none());
        assert!(clean("", true).is_none());
    }

    #[test]
    fn drops_invisible_characters_and_maps_spans_around_them() {
        let text =
            "Emmanuel Ma\u{ad}cron in \u{200b}Berlin\u{200b}, 35\u{200b}000";
        let c = clean(text, true).expect("changed");
        assert_eq!(c.text, "Emmanuel Macron in Berlin, 35000");
        assert_eq!(quote(text, "Emmanuel Macron"), "Emmanuel Ma\u{ad}cron");
        assert_eq!(quote(text, "Berlin"), "Berlin");
        assert_eq!(quote(text, "35000"), "35\u{200b}000");
        assert_eq!(quote(text, "in Berlin,"), "in \u{200b}Berlin\u{200b},");
    }

    #[test]
    fn folds_fullwidth_forms() {
        let text = "In \u{ff34}\u{ff4f}\u{ff4b}\u{ff59}\u{ff4f}, \u{ff11}\u{ff12} people";
        let c = clean(text, true).expect("changed");
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
        let c = clean(text, true).expect("changed");
        assert_eq!(c.text, "aABb");
        assert_eq!(quote(text, "A"), "\u{ff21}");
        assert_eq!(quote(text, "B"), "\u{ff22}");
        assert_eq!(quote(text, "AB"), "\u{ff21}\u{ad}\u{ff22}");
        assert_eq!(quote(text, "aABb"), text);
        assert_eq!(c.span(Span::new(1, 1)), Span::new(4, 4));
    }

    #[test]
    fn reads_html_as_a_browser_shows_it() {
        let text = "<p>AT&amp;T said it would cut 1,200 jobs.</p><p>&quot;We \
                    regret this,&quot; said <a href=\"/people/js\">John \
                    Stankey</a>.<br>Procter &amp; Gamble&#39;s shares rose 2%.\
                    &nbsp;Caf&eacute; &#x2019;n&rsquo; <!-- ad --><script>var \
                    x = \"<p>\";</script>end</p>";
        let c = clean(text, true).expect("changed");
        assert_eq!(
            c.text,
            "\n\nAT&T said it would cut 1,200 jobs.\n\n\n\n\"We regret \
             this,\" said John Stankey.\nProcter & Gamble's shares rose 2%. \
             Café ’n’ end\n\n"
        );
        assert_eq!(quote(text, "AT&T"), "AT&amp;T");
        assert_eq!(quote(text, "John Stankey"), "John Stankey");
        assert_eq!(
            quote(text, "\"We regret this,\""),
            "&quot;We regret this,&quot;"
        );
        assert_eq!(quote(text, "Gamble's"), "Gamble&#39;s");
        assert_eq!(quote(text, "Café"), "Caf&eacute;");
        assert_eq!(quote(text, "’n’"), "&#x2019;n&rsquo;");
        assert_eq!(quote(text, "end"), "end");
    }

    #[test]
    fn text_that_only_looks_like_markup_is_left_alone() {
        for text in [
            "AT&T and R&D rose; x < y and y > z; S&P 500; Q&A; &c.",
            "a <b and c> d; <3; <https://example.com>; &#xZZ; &#0; &bogus;",
            "<unknown tag> and <p unfinished",
        ] {
            assert!(clean(text, true).is_none(), "{text:?}");
        }
        // A script ends at its closing tag in any case.
        assert_eq!(
            clean("a<SCRIPT>x</p></Script >b", true).expect("changed").text,
            "ab"
        );
        // Not decoded twice: "&amp;amp;" is "&amp;" as written.
        assert_eq!(clean("&amp;amp;", true).expect("changed").text, "&amp;");
        // Markup reading off: only invisible characters go.
        assert!(clean("<p>AT&amp;T</p>", false).is_none());
        let c = clean("<p>AT\u{200b}&amp;T</p>", false).expect("changed");
        assert_eq!(c.text, "<p>AT&amp;T</p>");
    }

    #[test]
    fn invisible_characters_inside_markup_go_with_it() {
        let text = "a\u{200b}b<script>\u{200b}</script>c\u{ad}d&shy;e";
        let c = clean(text, true).expect("changed");
        assert_eq!(c.text, "abcde");
        assert_eq!(quote(text, "abcde"), text);
        assert_eq!(quote(text, "e"), "e");
    }
}
