//! Stage 1: tokens and sentences, with byte spans, built for news text.
//!
//! News has shapes that general-purpose splitters get wrong: datelines
//! (`ISLAMABAD:`), headlines and bylines without final punctuation, bullet
//! lines, abbreviations (`Jan.`, `Gen.`, `U.S.`), initials (`J. R. R.`),
//! numbers with separators (`235,000`, `1.5`), and wire copy hard-wrapped
//! at 70 columns, where a newline is not a sentence break.

use std::ops::Range;

use crate::span::Span;

/// What a token is made of.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum TokenKind {
    /// Starts with a letter: `Pakistan`, `non-refoulement`, `U.S.`,
    /// `d’Ivoire`, `COVID-19`.
    Word,
    /// Starts with a digit: `235,000`, `1.5`, `5m`, `1990s`.
    Number,
    /// Any other single character: `.`, `“`, `(`, `•`, `$`.
    Punct,
}

/// A token: its span, kind, and the whitespace before it.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct Token {
    /// Where it is in the document.
    pub span: Span,
    /// What it is made of.
    pub kind: TokenKind,
    /// How many line breaks lie between this token and the previous one.
    pub newlines_before: u8,
    /// Whether any whitespace lies between this token and the previous one.
    pub space_before: bool,
}

/// Sentences and tokens of one document.
#[derive(Clone, Debug, Default)]
pub struct Segmentation {
    /// Every token of the document, in order.
    pub tokens: Vec<Token>,
    /// Every sentence: its span and the range of its tokens in `tokens`.
    pub sentences: Vec<Sentence>,
}

/// One sentence: its span and its tokens.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Sentence {
    /// From the first token's start to the last token's end.
    pub span: Span,
    /// Indices into [`Segmentation::tokens`].
    pub tokens: Range<usize>,
}

impl Segmentation {
    /// Empties both lists, keeping their memory for reuse.
    pub fn clear(&mut self) {
        self.tokens.clear();
        self.sentences.clear();
    }

    /// The tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        &self.tokens[self.sentences[i].tokens.clone()]
    }

    /// The index of the sentence holding byte offset `at` (the last
    /// sentence starting at or before it).
    pub fn sentence_at(&self, at: usize) -> usize {
        self.sentences
            .partition_point(|s| s.span.start <= at)
            .saturating_sub(1)
    }
}

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Maj", "Capt", "Sgt",
    "Cpl", "Pvt", "Adm", "Brig", "Cmdr", "Gov", "Sen", "Rep", "Rev", "Hon",
    "Pres", "Supt", "Insp", "Det", "Fr", "Sr", "Jr", "St", "Mt", "Ft", "No",
    "Nos", "Vol", "Fig", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu",
    "Thur", "Thurs", "Fri", "Sat", "Sun", "vs", "etc", "approx", "est", "Co",
    "Corp", "Ltd", "Inc", "Bros", "Dept", "Univ", "Assn", "Ave", "Blvd", "Rd",
    "Calif", "Mass", "Penn", "Conn", "Ariz", "Colo", "Fla", "Ill", "Mich",
    "Minn", "Tenn", "Wash", "Wis", "Okla", "Ore", "Pa", "Va", "Ky", "La",
    "Md", "Mo", "Neb", "Nev", "Ga", "Ala", "Ark", "Kan", "Del", "Wyo", "Op",
    "cf", "al", "ed", "eds", "p", "pp", "Rs",
];

/// Splits documents into tokens and sentences.
#[derive(Clone, Debug)]
pub struct Segmenter {
    /// [`ABBREVIATIONS`] as [`short_key`]s, sorted: a binary search over
    /// words in registers, where a `HashSet` of strings hashed each word
    /// with SipHash.
    abbreviations: Vec<u64>,
}

impl Default for Segmenter {
    fn default() -> Segmenter {
        Segmenter::new()
    }
}

impl Segmenter {
    /// Makes a segmenter with the built-in abbreviation list.
    pub fn new() -> Segmenter {
        let mut abbreviations: Vec<u64> = ABBREVIATIONS
            .iter()
            .map(|a| short_key(a).expect("abbreviations are short"))
            .collect();
        abbreviations.sort_unstable();
        Segmenter { abbreviations }
    }

    /// Segments `text` into `out` (cleared first).
    pub fn segment(&self, text: &str, out: &mut Segmentation) {
        out.clear();
        tokenize(text, &mut out.tokens);
        let width = wrap_width(text);
        // News sentences run about 25 tokens: one allocation, not a
        // handful of regrowths per document.
        out.sentences.reserve(out.tokens.len() / 16 + 1);
        self.split_sentences(text, width, out);
    }

    /// Splits the tokens into sentences; `width` is the wrap width of
    /// hard-wrapped text.
    fn split_sentences(
        &self,
        text: &str,
        width: Option<usize>,
        out: &mut Segmentation,
    ) {
        let Segmentation { tokens, sentences } = out;
        let tokens: &[Token] = tokens;
        let wrapped = width.is_some();
        let wrap_width = width.unwrap_or(0);
        let mut start = 0;
        let mut i = 0;
        let mut line_start_tok = 0;
        while i < tokens.len() {
            // Most tokens are words and numbers within a line, where no
            // sentence ends: step over them.
            while i + 1 < tokens.len()
                && tokens[i].kind != TokenKind::Punct
                && tokens[i + 1].newlines_before == 0
                && !ends_in_period(text, tokens[i])
            {
                i += 1;
            }
            // A break before token i+1?
            let tok = tokens[i];
            let next = tokens.get(i + 1).copied();
            let mut end_here = false;
            let mut extra = 0; // closing quotes/brackets absorbed
            if let Some(nx) = next {
                if nx.newlines_before > 0 {
                    if nx.newlines_before >= 2
                        || (!wrapped && !continues_line(text, tok, nx))
                        || starts_paragraph(text, tok.span.end, nx)
                        || self.ends_sentence_at(text, tokens, i, true)
                        || line_is_short(text, tok, wrap_width)
                    {
                        end_here = true;
                    }
                } else if tok.kind == TokenKind::Punct
                    // Only a Punct token can be exactly a terminal; most
                    // tokens are words, spared the string comparisons.
                    && is_terminal(tok.span.of(text))
                {
                    let mut j = i + 1;
                    while j < tokens.len()
                        && !tokens[j].space_before
                        && is_closer(tokens[j].span.of(text))
                    {
                        j += 1;
                    }
                    if j < tokens.len()
                        && tokens[j].space_before
                        && self.ends_sentence_at(text, tokens, i, false)
                        && starts_sentence(text, tokens, j)
                    {
                        end_here = true;
                        extra = j - i - 1;
                    }
                } else if tok.kind == TokenKind::Punct
                    && is_dateline_end(text, tokens, line_start_tok, i)
                {
                    end_here = true;
                } else if ends_in_period(text, tok)
                    && nx.space_before
                    && opens_sentence(text, tokens, i + 1)
                    && !matches!(
                        tok.span.of(text),
                        "e.g." | "i.e." | "a.k.a." | "viz."
                    )
                {
                    // A dotted abbreviation ends its sentence too: "jobs
                    // in the U.S. The move", "at 3 p.m. It was"; those
                    // that introduce a name do not ("e.g. The Times").
                    end_here = true;
                }
            } else {
                end_here = true;
            }
            if end_here {
                let last = i + extra;
                push_sentence(text, sentences, tokens, start, last + 1);
                start = last + 1;
                i = last + 1;
                if tokens.get(i).is_some_and(|t| t.newlines_before > 0) {
                    line_start_tok = i;
                }
                continue;
            }
            i += 1;
            if tokens.get(i).is_some_and(|t| t.newlines_before > 0) {
                line_start_tok = i;
            }
        }
    }

    /// Whether the terminal punctuation (or line end) at token `i` ends a
    /// sentence, judging by the word before it.
    fn ends_sentence_at(
        &self,
        text: &str,
        tokens: &[Token],
        i: usize,
        at_line_end: bool,
    ) -> bool {
        let tok = tokens[i];
        let s = tok.span.of(text);
        // A period at a line end is judged like one mid-line: "Ronald
        // L.\nZarrella", "Mrs.\nOkafor" and "General Motors\nCorp.
        // helped" go on; but "said Maria P.\nThe district" ends, as a
        // function word opening the next line starts a sentence.
        if at_line_end && s == "." && opens_sentence(text, tokens, i + 1) {
            return true;
        }
        if at_line_end && s != "." {
            return is_terminal(s)
                || is_closer(s)
                    && i > 0
                    && is_terminal(tokens[i - 1].span.of(text));
        }
        if s != "." {
            return true;
        }
        let Some(prev) = i.checked_sub(1).map(|p| tokens[p]) else {
            return true;
        };
        if prev.span.end != tok.span.start {
            return true;
        }
        let word = prev.span.of(text);
        if prev.kind == TokenKind::Word {
            // An initial: "J. R. R. Tolkien", "George W. Bush"; but a
            // letter can end a sentence ("posts on X. The company").
            let mut chars = word.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                if c.is_uppercase() {
                    return opens_sentence(text, tokens, i + 1);
                }
            }
            let known = short_key(word)
                .is_some_and(|k| self.abbreviations.binary_search(&k).is_ok());
            if known {
                // No name or date goes on with a function word: "in Jan.
                // The report", "Downing St. It said", "Apple Inc. The
                // company" end there; "Smith vs. The Times" does not.
                return !matches!(word, "vs" | "v")
                    && opens_sentence(text, tokens, i + 1);
            }
        }
        true
    }
}

/// A word of up to seven bytes as one number: its bytes, and its length
/// in the top byte, so that no two words share a key.
fn short_key(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    if bytes.len() > 7 {
        return None;
    }
    let mut key = [0u8; 8];
    key[..bytes.len()].copy_from_slice(bytes);
    key[7] = bytes.len() as u8;
    Some(u64::from_le_bytes(key))
}

fn push_sentence(
    text: &str,
    sentences: &mut Vec<Sentence>,
    tokens: &[Token],
    mut start: usize,
    end: usize,
) {
    // A run of text with no sentence end for hundreds of tokens is no
    // sentence but a table or list pasted in ("5% 6% 7% ..."), and the
    // later stages relate every figure and name of a sentence to the
    // others: it is cut into pieces, after a comma, semicolon or line
    // break where one comes late enough, so that no document costs
    // more than its length says.
    while start < end {
        let cut = if end - start > MAX_SENTENCE_TOKENS {
            let window =
                start + MAX_SENTENCE_TOKENS / 2..start + MAX_SENTENCE_TOKENS;
            window
                .clone()
                .rev()
                .find(|&k| {
                    tokens[k].newlines_before > 0
                        || matches!(tokens[k - 1].span.of(text), "," | ";")
                })
                .unwrap_or(window.end)
        } else {
            end
        };
        let span =
            Span::new(tokens[start].span.start, tokens[cut - 1].span.end);
        sentences.push(Sentence { span, tokens: start..cut });
        start = cut;
    }
}

/// The most tokens a sentence holds (see [`push_sentence`]): news
/// sentences run about 25 and rarely past 100.
const MAX_SENTENCE_TOKENS: usize = 250;

/// Whether token `j` is a capitalized function word that opens sentences
/// and never goes on a name or an abbreviation ("The", "It", "However"):
/// after a period that could be an abbreviation's, it starts a sentence.
fn opens_sentence(text: &str, tokens: &[Token], j: usize) -> bool {
    tokens.get(j).is_some_and(|t| {
        matches!(
            t.span.of(text),
            "The"
                | "It"
                | "He"
                | "She"
                | "They"
                | "We"
                | "But"
                | "In"
                | "This"
                | "There"
                | "Its"
                | "His"
                | "Their"
                | "However"
                | "Meanwhile"
        )
    })
}

/// Whether `tok` is a word written with its period ("U.S.", "p.m."), as
/// the tokenizer keeps dotted abbreviations whole.
fn ends_in_period(text: &str, tok: Token) -> bool {
    tok.kind == TokenKind::Word && text.as_bytes()[tok.span.end - 1] == b'.'
}

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…")
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "'" | "”" | "’" | ")" | "]" | "»")
}

/// Whether token `j` can start a sentence: an uppercase letter, a digit,
/// an opening quote or bracket, a bullet or a dash.
fn starts_sentence(text: &str, tokens: &[Token], j: usize) -> bool {
    let s = tokens[j].span.of(text);
    let Some(c) = s.chars().next() else { return false };
    if c.is_uppercase() || c.is_ascii_digit() {
        return true;
    }
    let opener = |c: char| {
        matches!(
            c,
            '"' | '\''
                | '`'
                | '“'
                | '‘'
                | '('
                | '['
                | '«'
                | '•'
                | '-'
                | '—'
                | '–'
        )
    };
    if opener(c) {
        // Past the opening marks (two for wire copy's ``): a capital or
        // a digit.
        return tokens[j + 1..]
            .iter()
            .take(2)
            .filter_map(|t| t.span.of(text).chars().next())
            .find(|&c| !opener(c))
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    }
    false
}

/// Whether a token at a line start begins a new paragraph: it is indented
/// or a bullet. `gap` is where the whitespace before it starts, which
/// holds the line break (unless the break is a Unicode line separator).
fn starts_paragraph(text: &str, gap: usize, tok: Token) -> bool {
    let bytes = text.as_bytes();
    let line_start = memchr::memrchr(b'\n', &bytes[gap..tok.span.start])
        .map(|i| gap + i)
        .or_else(|| memchr::memrchr(b'\n', &bytes[..gap]))
        .map_or(0, |i| i + 1);
    let indent = &text[line_start..tok.span.start];
    indent.contains('\t')
        || indent.len() >= 2
        || matches!(tok.span.of(text), "•" | "*" | "-" | "–" | "—" | "·")
}

/// Whether a single line break between `tok` and `next` in text that is
/// not hard-wrapped runs on inside a sentence: the line ends in a comma
/// or a joining word ("1,200 people died, and\nthe UN said"), or without
/// final punctuation before a lowercase word ("said on Monday\nthat"),
/// as a sentence broken by hand or by a PDF copy is. A headline, byline
/// or list item above a capitalized line still ends there.
fn continues_line(text: &str, tok: Token, next: Token) -> bool {
    if next.newlines_before != 1 {
        return false;
    }
    let s = tok.span.of(text);
    if s == "," || is_joining_word(s) {
        return true;
    }
    let ends_clause = tok.kind == TokenKind::Punct
        && !matches!(s, "(" | "[" | "“" | "‘" | "\"" | "'");
    let starts_lower = next.kind == TokenKind::Word
        && next.span.of(text).starts_with(|c: char| c.is_lowercase());
    !ends_clause && starts_lower
}

/// Whether token text `s` is a word that joins what follows to what came
/// before, so that a line ending in it runs on.
fn is_joining_word(s: &str) -> bool {
    matches!(s, "and" | "or" | "of" | "the" | "to")
}

/// Whether the line ending at `tok` is much shorter than the wrap width: a
/// headline, byline or list item in hard-wrapped copy.
fn line_is_short(text: &str, tok: Token, wrap_width: usize) -> bool {
    // A line ending in a comma or a joining word continues.
    let s = tok.span.of(text);
    if matches!(s, "," | ";" | "-") || is_joining_word(s) {
        return false;
    }
    let line_start =
        memchr::memrchr(b'\n', &text.as_bytes()[..tok.span.start])
            .map_or(0, |i| i + 1);
    let len = text[line_start..tok.span.end].trim().len();
    len * 2 < wrap_width
}

/// A dateline: one or more ALL-CAPS words at the start of a line, maybe
/// with a `, Country`, a date and an `(AGENCY)`, closed by `:`, `_`, `—`,
/// `–`, or a spaced `-` or `--` (`GENEVA, March 3 (Reuters) - The ...`).
fn is_dateline_end(
    text: &str,
    tokens: &[Token],
    line_start: usize,
    i: usize,
) -> bool {
    let s = tokens[i].span.of(text);
    let spaced = tokens[i].space_before
        && tokens.get(i + 1).is_some_and(|t| t.space_before);
    if !(matches!(s, ":" | "_" | "—" | "–")
        || matches!(s, "-" | "--") && spaced)
        || i == line_start
        || i - line_start > 10
    {
        return false;
    }
    let first = tokens[line_start];
    let w = first.span.of(text);
    if first.kind != TokenKind::Word
        || w.chars().count() < 2
        || !w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
    {
        return false;
    }
    // A dateline must be followed by more text on the same line.
    tokens.get(i + 1).is_some_and(|t| t.newlines_before == 0)
}

/// The wrap width of hard-wrapped wire copy, its longest line trimmed, in
/// bytes; `None` unless the text is hard-wrapped: most lines are long and
/// of similar length, with no line much longer than a terminal. One pass
/// finds both, as the width is only wanted for wrapped text.
fn wrap_width(text: &str) -> Option<usize> {
    // How many lines have each length, in characters: lines are at most
    // 100 characters here, and the median and maximum are read from the
    // counts, with no list of lengths to grow and sort.
    let mut lens = [0u32; 101];
    let mut lines = 0;
    let mut widest = 0;
    // Lines as `split('\n')` gives them, found with the vectorized memchr.
    let ends = memchr::memchr_iter(b'\n', text.as_bytes())
        .chain(std::iter::once(text.len()));
    let mut start = 0;
    for end in ends {
        let line = text[start..end].trim_end();
        start = end + 1;
        if line.is_empty() {
            continue;
        }
        // One line past 100 characters settles it: most news text has
        // long paragraph lines, so this spares counting the rest. A
        // character is at most four bytes.
        if line.len() > 400 {
            return None;
        }
        // The standard count, a word of bytes at a time.
        let chars = line.chars().count();
        if chars > 100 {
            return None;
        }
        lens[chars] += 1;
        lines += 1;
        widest = widest.max(line.trim_start().len());
    }
    if lines < 4 {
        return None;
    }
    let max = lens.iter().rposition(|&n| n > 0).unwrap_or(0);
    // The length at index `lines / 2` of the sorted lengths.
    let mut seen = 0;
    let median = lens
        .iter()
        .position(|&n| {
            seen += n;
            seen > lines / 2
        })
        .unwrap_or(0);
    (median * 2 >= max && median >= 30).then_some(widest)
}

/// What an ASCII byte starts, for the tokenizer's table lookup; bytes from
/// 0x80 up start a multi-byte character that is decoded instead.
#[derive(Clone, Copy, Eq, PartialEq)]
enum ByteClass {
    Newline,
    Space,
    Letter,
    Digit,
    Punct,
    NonAscii,
}

/// [`ByteClass`] of every byte: one load instead of a chain of compares
/// for the hundreds of thousands of bytes a corpus has.
static BYTE_CLASS: [ByteClass; 256] = {
    let mut table = [ByteClass::NonAscii; 256];
    let mut b = 0;
    while b < 0x80 {
        table[b] = match b as u8 {
            b'\n' => ByteClass::Newline,
            // The ASCII whitespace of `char::is_whitespace`.
            b' ' | b'\t' | b'\r' | 0x0B | 0x0C => ByteClass::Space,
            b'a'..=b'z' | b'A'..=b'Z' => ByteClass::Letter,
            b'0'..=b'9' => ByteClass::Digit,
            _ => ByteClass::Punct,
        };
        b += 1;
    }
    table
};

/// Splits `text` into tokens, appending them to `out`.
pub fn tokenize(text: &str, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    // News text runs five to six bytes a token: one allocation, not a
    // dozen reallocations and copies as the list grows.
    out.reserve(text.len() / 4 + 8);
    let mut i = 0;
    let mut newlines: u8 = 0;
    let mut space = false;
    while let Some(&b) = bytes.get(i) {
        let start = i;
        let kind = match BYTE_CLASS[usize::from(b)] {
            ByteClass::Letter => {
                // Words come in runs, one space apart: the run is taken in
                // a loop of its own, back here only at its end.
                i = ascii_words(text, i, newlines, space, out);
                newlines = 0;
                space = bytes.get(i) == Some(&b' ');
                i += usize::from(space);
                continue;
            }
            ByteClass::Newline => {
                newlines = newlines.saturating_add(1);
                space = true;
                i += 1;
                continue;
            }
            ByteClass::Space => {
                space = true;
                i += 1;
                continue;
            }
            ByteClass::Digit => {
                i = scan_number(text, i);
                TokenKind::Number
            }
            ByteClass::Punct => {
                // Every mark is outside ASCII, so only a following
                // non-ASCII byte can be one.
                i += 1;
                if bytes.get(i).is_some_and(|&b| !b.is_ascii()) {
                    i = skip_marks(text, i);
                }
                TokenKind::Punct
            }
            ByteClass::NonAscii => match non_ascii_token(text, i) {
                NonAscii::Space { end, newline } => {
                    newlines = newlines.saturating_add(u8::from(newline));
                    space = true;
                    i = end;
                    continue;
                }
                NonAscii::Token { end, kind } => {
                    i = end;
                    kind
                }
            },
        };
        out.push(Token {
            span: Span::new(start, i),
            kind,
            newlines_before: newlines,
            space_before: space,
        });
        newlines = 0;
        // Most tokens are followed by one space: skipped here, without a
        // pass through the class dispatch.
        space = bytes.get(i) == Some(&b' ');
        i += usize::from(space);
    }
}

/// Pushes the words from `start`, an ASCII letter, while they follow one
/// another one space apart; returns the end of the last. The first word
/// has `newlines` line breaks and `space` before it, the others one space.
///
/// Out of the class dispatch, the word-scan constants are loaded once a
/// run rather than once a word, the spacing of all words but the first is
/// known, and one table look-up tells that the next token is a word too.
#[inline(never)]
fn ascii_words(
    text: &str,
    start: usize,
    newlines: u8,
    space: bool,
    out: &mut Vec<Token>,
) -> usize {
    let bytes = text.as_bytes();
    let mut end = word_end(text, start);
    out.push(Token {
        span: Span::new(start, end),
        kind: TokenKind::Word,
        newlines_before: newlines,
        space_before: space,
    });
    while let [b' ', next, ..] = bytes[end..] {
        if BYTE_CLASS[usize::from(next)] != ByteClass::Letter {
            break;
        }
        let start = end + 1;
        end = word_end(text, start);
        out.push(Token {
            span: Span::new(start, end),
            kind: TokenKind::Word,
            newlines_before: 0,
            space_before: true,
        });
    }
    end
}

/// The end of the word at `start`, an ASCII letter.
#[inline(always)]
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    // Most words are a run of ASCII letters and digits ended by a space or
    // punctuation; only a joiner, a period or a non-ASCII character after
    // the run needs a closer look.
    let end = ascii_word_end(bytes, start + 1);
    // "Rs1.2 trillion", "PKR500": a currency glued to its figure is a
    // word of its own, so that the number is read whole.
    let digit_at = |k: usize| k < end && bytes[k].is_ascii_digit();
    let letter_sign = matches!(bytes[start], b'N' | b'R');
    if letter_sign && digit_at(start + 1)
        || digit_at(start + 2)
        || digit_at(start + 3)
    {
        if let Some(p) = glued_currency(text, start, end) {
            return start + p;
        }
    }
    match bytes.get(end) {
        Some(&next) if !ENDS_ASCII_WORD[usize::from(next)] => {
            word_end_after_run(text, start, end)
        }
        _ => end,
    }
}

/// The length of the currency that the run of letters and digits
/// `text[start..end]` starts with when a digit follows it: "Rs", an ISO
/// code ("PKR", "EUR"), or the letter news writes for the naira or the
/// rand ("N150 billion", "R2.5 million").
#[inline(never)]
fn glued_currency(text: &str, start: usize, end: usize) -> Option<usize> {
    let run = &text[start..end];
    let b = run.as_bytes();
    if b.len() > 2 && b.starts_with(b"Rs") && b[2].is_ascii_digit() {
        return Some(2);
    }
    if b.len() > 1 && matches!(b[0], b'N' | b'R') && b[1].is_ascii_digit() {
        return money_letter(text.as_bytes(), start + 1, end).then_some(1);
    }
    // The signs Gulf and Egyptian papers glue to sums ("SR101 billion",
    // "Dh10.4 billion", "QR2.5bn"), with the same sum shape as the naira's.
    let sign = GLUED_SIGNS
        .iter()
        .find(|s| b.len() > s.len() && b.starts_with(s.as_bytes()))
        .map(|s| s.len())
        .filter(|&n| b[n].is_ascii_digit());
    if let Some(n) = sign {
        return money_letter(text.as_bytes(), start + n, end).then_some(n);
    }
    (b.len() > 3
        && b[3].is_ascii_digit()
        && crate::numbers::currency_code(&run[..3]).is_some())
    .then_some(3)
}

/// Currency signs of letters glued to a sum that are no ISO code: the
/// Saudi and Qatari riyal, the UAE dirham, the Kuwaiti and Bahraini dinar
/// and the Egyptian pound ("LE"). `numbers` gives their codes.
pub const GLUED_SIGNS: [&str; 7] = ["SR", "QR", "Dhs", "Dh", "KD", "BD", "LE"];

/// Whether the digits from `from` (to the run's `end`) after a letter "N"
/// or "R" read as a sum of naira or rand: only when the figure has a
/// shape model names and codes never have ("N95 masks", "R2", "N1"): a
/// thousands group or decimals ("N70,000", "R1.5"), a scale glued on
/// ("N3bn") or a scale word after it ("N150 billion").
fn money_letter(b: &[u8], from: usize, end: usize) -> bool {
    let digits =
        from + b[from..end].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits < end {
        return matches!(&b[digits..end], b"bn" | b"tn" | b"m" | b"k");
    }
    let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    match b.get(end) {
        Some(b',') => (1..=3).all(|k| digit(end + k)) && !digit(end + 4),
        Some(b'.') => digit(end + 1),
        Some(b' ') => {
            let next = &b[end + 1..];
            let word = &next[..next
                .iter()
                .position(|c| !c.is_ascii_alphabetic())
                .unwrap_or(next.len())];
            matches!(word, b"million" | b"billion" | b"trillion" | b"bn")
        }
        _ => false,
    }
}

/// Whether an ASCII word run followed by a byte ends there, as
/// [`scan_word`] decides: every ASCII byte but a period or a joiner ends
/// it. A table, one load where the test took a handful of compares.
static ENDS_ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x80 {
        table[b] = !matches!(b as u8, b'.' | b'-' | b'\'');
        b += 1;
    }
    table
};

/// The end of a word whose ASCII run from `start` stops at `end` before a
/// period, a joiner or a non-ASCII byte; kept out of line, as most words
/// need none of it.
#[cold]
#[inline(never)]
fn word_end_after_run(text: &str, start: usize, mut end: usize) -> usize {
    let bytes = text.as_bytes();
    // As `scan_word` decides, without its decoding: a period after two or
    // more characters ends the word (only single letters take one, as in
    // `U.S.`).
    if bytes.get(end) == Some(&b'.') {
        return if end - start > 1 { end } else { scan_word(text, start) };
    }
    // A joiner between ASCII letters or digits (`all-rounder`, `O'Brien`,
    // `Pakistan’s`) joins the runs; past one, no period can join, as
    // only single letters take one. Other non-ASCII characters go to the
    // full scan.
    loop {
        let joiner = match bytes.get(end..) {
            Some([b'-' | b'\'', ..]) => 1,
            Some([0xE2, 0x80, 0x99, ..]) => "’".len(),
            Some([b, ..]) if !b.is_ascii() => return scan_word(text, start),
            _ => return end,
        };
        match bytes.get(end + joiner) {
            Some(a) if a.is_ascii_alphanumeric() => {
                end = ascii_word_end(bytes, end + joiner + 1);
            }
            Some(a) if !a.is_ascii() => return scan_word(text, start),
            _ => return end,
        }
    }
}

/// What a non-ASCII character at a token start is.
enum NonAscii {
    /// Whitespace or an invisible character, ending at `end`; `newline`
    /// when it is a line or paragraph separator.
    Space { end: usize, newline: bool },
    /// A token ending at `end`.
    Token { end: usize, kind: TokenKind },
}

/// Reads the non-ASCII character at `i`: space, or a word or punctuation
/// token with its end. Out of line, as most text is ASCII.
#[inline(never)]
fn non_ascii_token(text: &str, i: usize) -> NonAscii {
    let c = text[i..].chars().next().expect("i is on a char boundary");
    if c.is_whitespace() || is_invisible(c) {
        let newline = c == '\u{2028}' || c == '\u{2029}' || c == '\u{85}';
        return NonAscii::Space { end: i + c.len_utf8(), newline };
    }
    if c.is_alphabetic() {
        NonAscii::Token { end: scan_word(text, i), kind: TokenKind::Word }
    } else {
        // Keep combining marks with their base.
        let end = skip_marks(text, i + c.len_utf8());
        NonAscii::Token { end, kind: TokenKind::Punct }
    }
}

/// Zero-width and format characters count as (non-breaking) space.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

fn is_mark(c: char) -> bool {
    // Combining diacritical marks and their supplements; enough to keep
    // decomposed accents inside words.
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0670 | 0x06D6..=0x06ED | 0x0900..=0x0903 | 0x093A..=0x094F)
}

fn skip_marks(text: &str, mut i: usize) -> usize {
    // Every mark is outside ASCII: the common case needs no decoding.
    if text.as_bytes().get(i).is_none_or(u8::is_ascii) {
        return i;
    }
    while let Some(c) = text[i..].chars().next() {
        if is_mark(c) || c == '\u{FE0F}' || c == '\u{200D}' {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// The end of the run of ASCII letters and digits from `at`, found eight
/// bytes at a time: most words fit in one word-sized step, where a byte
/// loop paid a compare and branch per byte and a mispredicted exit per
/// word.
fn ascii_word_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(block) = bytes.get(at..).and_then(<[u8]>::first_chunk) {
        let block = u64::from_le_bytes(*block);
        let run = (ascii_word_bytes(block) ^ HIGH_BITS).trailing_zeros() / 8;
        at += run as usize;
        if run < 8 {
            return at;
        }
    }
    while at < bytes.len() && is_ascii_word_byte(bytes[at]) {
        at += 1;
    }
    at
}

/// The top bit of each byte.
const HIGH_BITS: u64 = u64::from_le_bytes([0x80; 8]);

/// The top bit of each byte of `block` that is an ASCII letter or digit.
fn ascii_word_bytes(block: u64) -> u64 {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    // With the top bits cleared no byte carries into the next: a byte
    // plus (0x80 - lo) has its top bit set when it is at least `lo`.
    let low7 = block & !HIGH_BITS;
    let at_least = |x: u64, lo: u8| x + ONES * u64::from(0x80 - lo);
    let in_range = |x: u64, lo: u8, hi: u8| {
        at_least(x, lo) & !at_least(x, hi + 1) & HIGH_BITS
    };
    // Setting bit 5 lowercases letters and makes no other byte one.
    let letters = in_range(low7 | (ONES * 0x20), b'a', b'z');
    let digits = in_range(low7, b'0', b'9');
    // Bytes from 0x80 up start or continue a multi-byte character.
    (letters | digits) & !block
}

/// Whether an ASCII byte is a letter or digit, by the tokenizer's table.
fn is_ascii_word_byte(b: u8) -> bool {
    matches!(BYTE_CLASS[usize::from(b)], ByteClass::Letter | ByteClass::Digit)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Scans a word from `i`: letters and digits, joined by single internal
/// hyphens or apostrophes (`Timor-Leste`, `O'Brien`, `d’Ivoire`), and
/// dotted acronyms (`U.S.`, `U.N.`) with their final period.
fn scan_word(text: &str, start: usize) -> usize {
    let mut i = start;
    let mut letters_dots = true; // shape so far is L.L.L.
    let mut last_was_dot = false;
    let mut count = 0;
    let bytes = text.as_bytes();
    loop {
        // ASCII letters and digits, the bulk of news text, skip decoding
        // and go a run at a time.
        let run_start = i;
        while i < bytes.len() && is_ascii_word_byte(bytes[i]) {
            i += 1;
        }
        let run = i - run_start;
        if run > 0 {
            // As for each character one at a time: only a lone one right
            // after a dot (or first) keeps the L.L.L. shape.
            if run > 1 || !last_was_dot && count > 0 {
                letters_dots = false;
            }
            last_was_dot = false;
            count += run;
        }
        // Other ASCII characters end the word, but for the joiners and the
        // acronym period handled below.
        match bytes.get(i) {
            None => break,
            Some(&b) if b.is_ascii() && !matches!(b, b'-' | b'\'' | b'.') => {
                break
            }
            _ => {}
        }
        let Some(c) = text[i..].chars().next() else { break };
        if is_word_char(c) {
            if !last_was_dot && count > 0 {
                letters_dots = false;
            }
            last_was_dot = false;
            count += 1;
            i += c.len_utf8();
            continue;
        }
        let after = text[i + c.len_utf8()..].chars().next();
        let joins = matches!(c, '-' | '‐' | '‑' | '\'' | '’')
            && after.is_some_and(|a| a.is_alphanumeric());
        if joins {
            letters_dots = false;
            i += c.len_utf8();
            continue;
        }
        // "U.S." / "U.N.": single letters each followed by a period.
        if c == '.' && letters_dots && !last_was_dot {
            let next_is_letter_dot = after.is_some_and(|a| a.is_alphabetic())
                && text[i + 1..]
                    .char_indices()
                    .nth(1)
                    .is_some_and(|(_, d)| d == '.');
            // Only this word can hold the dot: searching the whole text
            // before it made long documents quadratic.
            let closes_acronym = count >= 2 && text[start..i].contains('.');
            if next_is_letter_dot || closes_acronym && i > start {
                i += 1;
                last_was_dot = true;
                continue;
            }
        }
        break;
    }
    i
}

/// Scans a number from `i`: digits with `,` or `.` between digits, or
/// thousands groups set off by a no-break or thin space (`235 000`), then
/// any attached letters (`5m`, `2.3bn`, `1990s`, `3rd`).
fn scan_number(text: &str, start: usize) -> usize {
    let b = text.as_bytes();
    let mut i = start;
    // Digits since the last separator: a space-set group follows a group
    // of one to three digits only ("1990 300" is two numbers).
    let mut run = 0;
    while i < b.len() {
        let separator = (b[i] == b',' || b[i] == b'.')
            && i + 1 < b.len()
            && b[i + 1].is_ascii_digit();
        if b[i].is_ascii_digit() {
            i += 1;
            run += 1;
        } else if separator {
            i += 1;
            run = 0;
        } else if let Some(n) =
            space_group_separator(b, i).filter(|_| (1..=3).contains(&run))
        {
            i += n;
            run = 0;
        } else {
            break;
        }
    }
    while let Some(&byte) = b.get(i) {
        if byte.is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        if byte.is_ascii() {
            break;
        }
        match text[i..].chars().next() {
            Some(c) if c.is_alphabetic() => i += c.len_utf8(),
            _ => break,
        }
    }
    i
}

/// The length of a no-break, narrow no-break or thin space at `i` that
/// sets off a thousands group, as French and SI style write figures
/// ("235\u{a0}000"): it must be followed by exactly three digits.
pub(crate) fn space_group_separator(b: &[u8], i: usize) -> Option<usize> {
    let n = match b.get(i..i + 3)? {
        [0xC2, 0xA0, _] => 2,
        [0xE2, 0x80, 0xAF | 0x89] => 3,
        _ => return None,
    };
    let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    ((0..3).all(|k| digit(i + n + k)) && !digit(i + n + 3)).then_some(n)
}

/// The tokenizer as it stood before its current fast paths, kept as a
/// test oracle.
#[cfg(test)]
mod oracle {
    use super::*;

    /// The tokenizer as it was before the fast paths for plain words: the
    /// reference the current one must agree with, token for token.
    pub fn tokenize(text: &str, out: &mut Vec<Token>) {
        let bytes = text.as_bytes();
        // News text runs five to six bytes a token: one allocation, not a
        // dozen reallocations and copies as the list grows.
        out.reserve(text.len() / 4 + 8);
        let mut i = 0;
        let mut newlines: u32 = 0;
        let mut space = false;
        while i < bytes.len() {
            let start = i;
            let kind = match BYTE_CLASS[usize::from(bytes[i])] {
                ByteClass::Newline => {
                    newlines += 1;
                    space = true;
                    i += 1;
                    continue;
                }
                ByteClass::Space => {
                    space = true;
                    i += 1;
                    continue;
                }
                ByteClass::Letter => {
                    // Most words are a run of ASCII letters and digits ended by
                    // a space or punctuation; only a joiner, a period or a
                    // non-ASCII character after the run needs the full scan.
                    let end = ascii_word_end(bytes, i + 1);
                    // And a currency glued to its figure ("Rs1.2") is a
                    // word of its own.
                    let glued = super::glued_currency(text, i, end);
                    i = match bytes.get(end) {
                        _ if glued.is_some() => i + glued.unwrap_or(0),
                        // Most words end at a space: tested first, one
                        // compare instead of the chain below.
                        Some(b' ') => end,
                        // As `scan_word` decides, without its decoding: a
                        // period after two or more characters ends the word
                        // (only single letters take one, as in `U.S.`), and
                        // so does a joiner before no letter or digit.
                        Some(b'.') if end - i > 1 => end,
                        Some(b'-' | b'\'')
                            if bytes.get(end + 1).is_none_or(|&a| {
                                a.is_ascii() && !a.is_ascii_alphanumeric()
                            }) =>
                        {
                            end
                        }
                        Some(&b)
                            if !b.is_ascii()
                                || matches!(b, b'-' | b'\'' | b'.') =>
                        {
                            scan_word(text, i)
                        }
                        _ => end,
                    };
                    TokenKind::Word
                }
                ByteClass::Digit => {
                    i = scan_number(text, i);
                    TokenKind::Number
                }
                ByteClass::Punct => {
                    // Every mark is outside ASCII, so only a following
                    // non-ASCII byte can be one.
                    i = skip_marks(text, i + 1);
                    TokenKind::Punct
                }
                ByteClass::NonAscii => {
                    let c = text[i..]
                        .chars()
                        .next()
                        .expect("i is on a char boundary");
                    if c.is_whitespace() || is_invisible(c) {
                        if c == '\u{2028}' || c == '\u{2029}' || c == '\u{85}'
                        {
                            newlines += 1;
                        }
                        space = true;
                        i += c.len_utf8();
                        continue;
                    }
                    if c.is_alphabetic() {
                        i = scan_word(text, i);
                        TokenKind::Word
                    } else {
                        // Keep combining marks with their base.
                        i = skip_marks(text, i + c.len_utf8());
                        TokenKind::Punct
                    }
                }
            };
            out.push(Token {
                span: Span::new(start, i),
                kind,
                newlines_before: newlines.min(255) as u8,
                space_before: space,
            });
            newlines = 0;
            // Most tokens are followed by one space: skipped here, without a
            // pass through the class dispatch.
            space = bytes.get(i) == Some(&b' ');
            i += usize::from(space);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        toks.iter().map(|t| t.span.of(text)).collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        let mut seg = Segmentation::default();
        Segmenter::new().segment(text, &mut seg);
        seg.sentences.iter().map(|s| s.span.of(text)).collect()
    }

    /// Texts to compare the tokenizer with its oracle on: the sample
    /// corpus, and every string of up to three pieces of news shapes,
    /// non-ASCII letters, marks, spaces, digits, punctuation and
    /// abbreviations.
    fn oracle_texts() -> Vec<String> {
        let mut texts: Vec<String> = [
            include_str!("../data/amnesty-pakistan-deportations.txt"),
            include_str!("../data/pakistan-un-peacekeeping.txt"),
            include_str!("../tests/data/compare/afghan-returns-agency.txt"),
            include_str!("../tests/data/compare/afghan-returns-slow.txt"),
        ]
        .map(String::from)
        .to_vec();
        let pieces = [
            "a", "Zz", "U", "S", "Mr", "etc", "Pakistan", "x9", "é", "Côte",
            "d’", "ß", "Ω", "日本", "e\u{301}", "\u{301}", "\u{FE0F}", "1",
            "235,000", "1.5", "3rd", "9", ".", ",", "-", "--", "'", "’", "‐",
            "\"", "“", "(", "$", "•", "…", ":", "_", " ", "  ", "\n", "\r\n",
            "\t", "\u{A0}", "\u{2028}", "\u{200B}", "\u{85}", "\u{3000}",
            "😀", "\u{7F}", "\0", "\u{1}",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    texts.push(format!("{a}{b}{c}"));
                }
            }
        }
        // Long runs, cut at every length, so words end in every lane of
        // an eight-byte block and at the text's end.
        let long = "Leicestershire's all-rounder U.S.A. Inc. 1990s \
                    x-ray e\u{301}lan 2.3bn rock- 'n' roll J.R.R. ab.c";
        for end in 0..=long.len() {
            if long.is_char_boundary(end) {
                texts.push(long[..end].to_string());
                texts.push(long[end..].to_string());
            }
        }
        texts
    }

    #[test]
    fn tokenizer_agrees_with_its_oracle() {
        let (mut got, mut want) = (Vec::new(), Vec::new());
        for text in oracle_texts() {
            got.clear();
            want.clear();
            tokenize(&text, &mut got);
            oracle::tokenize(&text, &mut want);
            assert_eq!(got, want, "tokenizing {text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn tokenizer_agrees_with_its_oracle_on_any_text(
            text in "[a-zA-Z0-9 .,'’\\-\n\\PC]{0,40}"
        ) {
            let (mut got, mut want) = (Vec::new(), Vec::new());
            tokenize(&text, &mut got);
            oracle::tokenize(&text, &mut want);
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn tokens_of_news_shapes() {
        let cases: &[(&str, &[&str])] = &[
            (
                "more than 235,000 peacekeepers",
                &["more", "than", "235,000", "peacekeepers"],
            ),
            ("nearly 1.5 million", &["nearly", "1.5", "million"]),
            (
                "Timor-Leste and Côte d’Ivoire",
                &["Timor-Leste", "and", "Côte", "d’Ivoire"],
            ),
            (
                "the U.S. and U.N. said",
                &["the", "U.S.", "and", "U.N.", "said"],
            ),
            ("Pakistan’s UN mission.", &["Pakistan’s", "UN", "mission", "."]),
            (
                "$2.3bn (AFP/File)",
                &["$", "2.3bn", "(", "AFP", "/", "File", ")"],
            ),
            ("COVID-19 in 1990s", &["COVID-19", "in", "1990s"]),
            ("“Blue helmets”", &["“", "Blue", "helmets", "”"]),
            (
                "non-refoulement, multi-phase",
                &["non-refoulement", ",", "multi-phase"],
            ),
            ("10-20 km", &["10", "-", "20", "km"]),
            // Thousands set off by a no-break or thin space, but not a
            // year before a figure, nor a group of more than three.
            (
                "235\u{a0}000 troops in 71\u{a0}missions",
                &["235\u{a0}000", "troops", "in", "71", "missions"],
            ),
            (
                "1\u{2009}500\u{202f}000, 1990\u{a0}300, 12\u{a0}3456",
                &[
                    "1\u{2009}500\u{202f}000",
                    ",",
                    "1990",
                    "300",
                    ",",
                    "12",
                    "3456",
                ],
            ),
            ("a\u{200B}b e\u{301}t", &["a", "b", "e\u{301}t"]),
        ];
        for (text, want) in cases {
            assert_eq!(&words(text), want, "tokenizing {text:?}");
        }
    }

    #[test]
    fn abbreviations_are_found_by_their_keys() {
        let seg = Segmenter::new();
        let known = |w: &str| {
            short_key(w)
                .is_some_and(|k| seg.abbreviations.binary_search(&k).is_ok())
        };
        for a in ABBREVIATIONS {
            assert!(known(a), "{a}");
        }
        for w in ["", "M", "Mrs.", "mr", "MR", "Dr\0", "approxi", "Senator"] {
            assert_eq!(known(w), ABBREVIATIONS.contains(&w), "{w:?}");
        }
    }

    #[test]
    fn words_before_periods_and_joiners_end_as_scanned() {
        let text = "Mr. U.S. all-rounder O'Brien rock- 'n' roll so. A. \
                    ab.c d-é e'’ f-- g'. hi.\n jk-\n lm'";
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        for t in toks.iter().filter(|t| t.kind == TokenKind::Word) {
            assert_eq!(t.span.end, scan_word(text, t.span.start), "{t:?}");
        }
        assert_eq!(
            words("so. ab.c g'. rock- 'n' roll"),
            [
                "so", ".", "ab", ".", "c", "g", "'", ".", "rock", "-", "'",
                "n", "'", "roll"
            ]
        );
    }

    #[test]
    fn word_runs_end_at_the_first_other_byte() {
        for b in 0..=255u8 {
            let want = usize::from(b.is_ascii_alphanumeric());
            let block = u64::from(b);
            assert_eq!(
                (ascii_word_bytes(block) >> 7 & 1) as usize,
                want,
                "byte {b:#x}"
            );
        }
        let text =
            "Leicestershire beat Somerset by 39 runs, élan x".as_bytes();
        for at in 0..text.len() {
            let mut want = at;
            while want < text.len() && text[want].is_ascii_alphanumeric() {
                want += 1;
            }
            assert_eq!(ascii_word_end(text, at), want, "from {at}");
        }
    }

    #[test]
    fn sentences_of_news_shapes() {
        let cases: &[(&str, &[&str])] = &[
            (
                "The letter, dated Jan. 1, was addressed to PM Sharif. It said no.",
                &["The letter, dated Jan. 1, was addressed to PM Sharif.", "It said no."],
            ),
            (
                "ISLAMABAD: Amnesty International has urged Pakistan to act.",
                &["ISLAMABAD:", "Amnesty International has urged Pakistan to act."],
            ),
            (
                "Headline without stop\nShort Url\nUpdated 09 January 2026\n\nBody text here.",
                &["Headline without stop", "Short Url", "Updated 09 January 2026", "Body text here."],
            ),
            (
                "  • Rights group’s letter warns\n  • Pakistan says it has hosted Afghans",
                &["• Rights group’s letter warns", "• Pakistan says it has hosted Afghans"],
            ),
            (
                "“We are concerned,” he said. “Pakistan underscores it.”",
                &["“We are concerned,” he said.", "“Pakistan underscores it.”"],
            ),
            (
                "Col. John Dorrian and J. R. R. Tolkien met Gen. Smith in the U.S. on Friday.",
                &["Col. John Dorrian and J. R. R. Tolkien met Gen. Smith in the U.S. on Friday."],
            ),
            ("It rose 1.5 percent. Then it fell.", &["It rose 1.5 percent.", "Then it fell."]),
            ("It cost Rs. 50,000 in all. Then it fell.", &["It cost Rs. 50,000 in all.", "Then it fell."]),
            (
                "Police came on Monday. ``Some 20 died,'' he said.",
                &["Police came on Monday.", "``Some 20 died,'' he said."],
            ),
            ("One line.\r\nAnother line.\r\n", &["One line.", "Another line."]),
            // A sentence broken by hand in short, unwrapped text runs on
            // where the line ends in a joining word or comma, or before
            // a lowercase word; a headline above a capitalized line ends.
            (
                "Floods kill 1,200\nThe minister said on Monday\nthat 1,200 had died, and\nthe UN said so,\nLater, more.",
                &[
                    "Floods kill 1,200",
                    "The minister said on Monday\nthat 1,200 had died, and\nthe UN said so,\nLater, more.",
                ],
            ),
            ("Mr Khan said:\nwe will go.", &["Mr Khan said:", "we will go."]),
            // An abbreviation or a letter ends a sentence before a word
            // that only opens one, and not before a name or a figure.
            (
                "It cut 500 jobs in the U.S. The move follows a review.",
                &["It cut 500 jobs in the U.S.", "The move follows a review."],
            ),
            (
                "He spoke at 3 p.m. It was brief. He left at 4 p.m. Tuesday.",
                &["He spoke at 3 p.m.", "It was brief.", "He left at 4 p.m. Tuesday."],
            ),
            (
                "Users post on X. The firm said so in Jan. However, it did not.",
                &["Users post on X.", "The firm said so in Jan.", "However, it did not."],
            ),
            (
                "Papers, e.g. The Times, and Smith vs. The Herald. It ended.",
                &["Papers, e.g. The Times, and Smith vs. The Herald.", "It ended."],
            ),
            (
                "Apple Inc. rose. Shell Ltd. The company fell. Malcolm X. Little spoke.",
                &["Apple Inc. rose.", "Shell Ltd.", "The company fell.", "Malcolm X. Little spoke."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&sentences(text), want, "splitting {text:?}");
        }
    }

    #[test]
    fn a_run_of_hundreds_of_tokens_without_a_sentence_end_is_cut() {
        // A pasted table: pieces of at most MAX_SENTENCE_TOKENS tokens,
        // cut after a comma where one comes late enough, else at the cap.
        let text = "Rates rose 5%, 6% and 7% in turn, ".repeat(100);
        let mut out = Segmentation::default();
        Segmenter::new().segment(&text, &mut out);
        assert!(out.sentences.len() >= 4, "{}", out.sentences.len());
        for s in &out.sentences[..out.sentences.len() - 1] {
            assert!(s.tokens.len() <= MAX_SENTENCE_TOKENS, "{s:?}");
            assert!(s.tokens.len() > MAX_SENTENCE_TOKENS / 2, "{s:?}");
            assert!(s.span.of(&text).ends_with(','), "{s:?}");
        }
        // The pieces cover every token, in order.
        let covered: usize =
            out.sentences.iter().map(|s| s.tokens.len()).sum();
        assert_eq!(covered, out.tokens.len());
        let words = "word ".repeat(3 * MAX_SENTENCE_TOKENS);
        Segmenter::new().segment(&words, &mut out);
        let lens: Vec<usize> =
            out.sentences.iter().map(|s| s.tokens.len()).collect();
        assert_eq!(lens, [MAX_SENTENCE_TOKENS; 3]);
    }

    #[test]
    fn wrap_width_reads_the_median_and_longest_line_lengths() {
        // The lengths sorted, as the tally stands for.
        fn by_sorting(text: &str) -> Option<usize> {
            let lines: Vec<&str> = text
                .split('\n')
                .map(str::trim_end)
                .filter(|l| !l.is_empty())
                .collect();
            let mut lens: Vec<usize> =
                lines.iter().map(|l| l.chars().count()).collect();
            if lens.iter().any(|&n| n > 100) || lens.len() < 4 {
                return None;
            }
            lens.sort_unstable();
            let (max, median) = (lens[lens.len() - 1], lens[lens.len() / 2]);
            let widest = lines.iter().map(|l| l.trim_start().len()).max();
            (median * 2 >= max && median >= 30).then_some(widest?)
        }
        let line = |n: usize| "é".repeat(n);
        let cases = [
            vec![line(40), line(70), line(70), line(75)],
            vec![line(40), line(40), line(70), line(75), line(90)],
            vec![line(30), line(30), line(30), line(61)],
            vec![line(30), line(30), line(30), line(60)],
            vec![line(29), line(29), line(29), line(29)],
            vec![line(50), line(50), line(101)],
            vec![line(50), line(50), line(50)],
            vec![line(100), String::new(), line(60), line(99), line(80)],
        ];
        for lines in cases {
            let text = lines.join("\n");
            assert_eq!(wrap_width(&text), by_sorting(&text), "{lines:?}");
        }
    }

    #[test]
    fn hard_wrapped_wire_copy_joins_lines() {
        let text = "\t   NAIROBI, Kenya (AP) _ Thousands of laborers, students and\n\
                    opposition politicians on Saturday protested tax hikes imposed by\n\
                    their cash-strapped government, which they accused of failing to\n\
                    provide basic services.\n\
                    \t   Beneath a scorching sun, they sang anti-government songs and\n\
                    chanted slogans, showing their derision for President\n\
                    Daniel arap Moi, Kenya's ruler for 20 years.\n";
        let got = sentences(text);
        assert_eq!(got.len(), 3, "{got:#?}");
        assert_eq!(got[0], "NAIROBI, Kenya (AP) _");
        assert!(got[1].starts_with("Thousands of laborers"));
        assert!(got[1].ends_with("basic services."));
        assert!(got[2].ends_with("for 20 years."));
    }

    #[test]
    fn titles_and_initials_at_wrapped_line_ends_stay_in_the_sentence() {
        let text = "\t   ``We will rebuild the school by spring,'' Mrs.\n\
                    Okafor said on a tour of the damaged classrooms with\n\
                    the district engineer, Samuel T.\n\
                    Reyes, who estimated the repairs at $2 million.\n\
                    \t   The work starts next week, said Maria P.\n\
                    The district will pay for the rest of the repairs.\n";
        let got = sentences(text);
        assert_eq!(got.len(), 3, "{got:#?}");
        assert!(got[0].ends_with("at $2 million."), "{got:#?}");
        assert!(got[1].ends_with("said Maria P."), "{got:#?}");
    }
}
