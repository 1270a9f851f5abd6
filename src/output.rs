//! The last stage: rows for `documents.csv`, `entities.csv` and
//! `claims.csv` (or one JSON line per document), with code-point offsets.
//!
//! Rows are rendered to bytes on the worker threads, then written in input
//! order by one writer, so the output does not depend on the thread count.
//! Tables are written to temporary files in the output folder and renamed
//! into place only when complete: a killed run leaves no half-written
//! table under a final name.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::annotation::{Canonical, EntityType, Extraction, Origin};
use crate::document::{Document, Rejection};
use crate::error::{Error, Result};
use crate::pipeline::Pipeline;
use crate::span::Span;

/// Header of `documents.csv`.
pub const DOCUMENT_COLUMNS: &[&str] = &[
    "doc_id", "source", "chars", "bytes", "sha256", "status", "entities",
    "claims",
];

/// Header of `entities.csv`.
pub const ENTITY_COLUMNS: &[&str] = &[
    "doc_id",
    "entity_id",
    "type",
    "text",
    "start",
    "end",
    "byte_start",
    "byte_end",
    "sentence_id",
    "canonical_name",
    "canonical_id",
    "source",
];

/// Header of `claims.csv`.
pub const CLAIM_COLUMNS: &[&str] = &[
    "doc_id",
    "claim_id",
    "kind",
    "text",
    "start",
    "end",
    "value_start",
    "value_end",
    "value",
    "value_min",
    "value_max",
    "unit",
    "unit_symbol",
    "qualifier",
    "operator",
    "counted",
    "counted_start",
    "counted_end",
    "subject",
    "attribution",
    "time",
    "sentence_id",
    "sentence_start",
    "sentence_end",
    "source",
];

/// The table file names, in the order they are written.
pub const TABLES: [&str; 3] = ["documents.csv", "entities.csv", "claims.csv"];

/// Converts byte offsets of one text into code-point offsets.
///
/// Built once per document in O(n) with a checkpoint every 64 bytes; each
/// lookup then counts at most 63 bytes.
#[derive(Debug)]
pub struct CharIndex<'t> {
    text: &'t str,
    /// Code points before each 64-byte block; empty for ASCII text.
    blocks: Vec<u32>,
}

impl<'t> CharIndex<'t> {
    /// Indexes `text`.
    pub fn new(text: &'t str) -> CharIndex<'t> {
        if text.is_ascii() {
            return CharIndex { text, blocks: Vec::new() };
        }
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / 64 + 1);
        let mut count: u32 = 0;
        for chunk in bytes.chunks(64) {
            blocks.push(count);
            count += count_chars(chunk) as u32;
        }
        CharIndex { text, blocks }
    }

    /// The code-point offset of byte offset `at` (a char boundary).
    /// Inlined for ASCII text, where it is `at`: the call cost more than
    /// the answer, for several cells of every row.
    #[inline]
    pub fn chars(&self, at: usize) -> usize {
        if self.blocks.is_empty() {
            return at;
        }
        self.counted(at)
    }

    /// [`CharIndex::chars`] of text with non-ASCII characters.
    #[inline(never)]
    fn counted(&self, at: usize) -> usize {
        let block = at / 64;
        let base = self.blocks.get(block).copied().unwrap_or_else(|| {
            // `at == len` on a 64-byte multiple: one past the last block.
            let last = self.blocks.len() - 1;
            self.blocks[last]
                + count_chars(&self.text.as_bytes()[last * 64..]) as u32
        });
        let from = (block * 64).min(self.text.len());
        base as usize + count_chars(&self.text.as_bytes()[from..at.max(from)])
    }

    /// The code-point length of the whole text.
    pub fn len(&self) -> usize {
        self.chars(self.text.len())
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

fn is_continuation(b: u8) -> bool {
    (b & 0xC0) == 0x80
}

/// The code points starting in `bytes`, eight bytes at a time: offsets
/// are looked up for every cell of every row.
fn count_chars(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    let mut chunks = bytes.chunks_exact(8);
    let mut count = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        // A byte starts a code point unless it is 0b10xxxxxx: its top bit
        // is clear or the next one set. One bit per byte, summed by the
        // multiplication into the top byte.
        let starts = ((!word >> 7) | (word >> 6)) & ONES;
        count += (starts.wrapping_mul(ONES) >> 56) as usize;
    }
    count + chunks.remainder().iter().filter(|&&b| !is_continuation(b)).count()
}

/// Makes a free-text cell safe to open in a spreadsheet: a cell starting
/// with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`
/// (OWASP CSV-injection guidance). Numeric columns never pass through
/// here.
pub fn neutralize(cell: &str) -> Cow<'_, str> {
    if starts_formula(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Whether [`neutralize`] changes a cell.
fn starts_formula(cell: &str) -> bool {
    bytes_start_formula(cell.as_bytes())
}

/// [`starts_formula`] of a cell's bytes: the bytes a spreadsheet reads
/// as the start of a formula.
fn bytes_start_formula(cell: &[u8]) -> bool {
    matches!(cell.first(), Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r'))
}

/// Undoes [`neutralize`]: strips the leading `'` it adds.
pub fn unneutralize(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if starts_formula(rest) => rest,
        _ => cell,
    }
}

/// Formats a value without exponent or trailing `.0`.
pub fn format_value(v: f64) -> String {
    let mut out = Vec::new();
    push_value(&mut out, v);
    String::from_utf8(out).expect("digits, sign and point are ASCII")
}

/// Appends [`format_value`]'s text. Whole numbers, most values, are
/// written as integers: the same digits as `{v}` without its float
/// formatting, which showed up in profiles.
fn push_value(out: &mut Vec<u8>, v: f64) {
    // Below 2^53 every whole f64 is exact, and its shortest form is its
    // integer digits.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    if !v.is_finite() {
        return;
    }
    let abs = v.abs();
    // Whole: its integer part is itself (exact below 2^53), a test
    // cheaper than `fract`'s call to `trunc`.
    if abs < EXACT && (abs as u64) as f64 == abs {
        if v.is_sign_negative() {
            out.push(b'-');
        }
        let n = abs as u64;
        match usize::try_from(n).ok().and_then(packed_digits) {
            Some((word, len)) => {
                let start = out.len();
                out.extend_from_slice(&word.to_le_bytes());
                out.truncate(start + len);
            }
            None => out.extend_from_slice(Num::new(n).as_bytes()),
        }
    } else if !push_short_decimal(out, v) {
        write!(out, "{v}").expect("writing to memory");
    }
}

/// Appends `v` as `{v}` writes it when it is a decimal of at most six
/// places and fifteen digits (`2.5`, `0.75`, `1.25`), most values that
/// are not whole; false, with nothing written, for any other. The float
/// formatting this spares showed up in profiles.
///
/// `{v}` writes the shortest digits that read back as `v`. A decimal of
/// fifteen digits or fewer that reads back as `v` is those digits: two
/// such decimals never read back as the same `f64`, and a shorter one
/// would be such a decimal too.
fn push_short_decimal(out: &mut Vec<u8>, v: f64) -> bool {
    const SCALES: [f64; 6] = [1e1, 1e2, 1e3, 1e4, 1e5, 1e6];
    const POWERS: [u64; 6] = [10, 100, 1_000, 10_000, 100_000, 1_000_000];
    let abs = v.abs();
    if abs >= 1e8 {
        return false;
    }
    for (places, (&scale, &power)) in SCALES.iter().zip(&POWERS).enumerate() {
        // The nearest whole number of `places + 1` decimal places; `v`
        // is that decimal when dividing it back gives `v` exactly (the
        // division rounds as reading the decimal does).
        let n = (abs * scale + 0.5) as u64;
        if n as f64 / scale != abs {
            continue;
        }
        if n.is_multiple_of(power) {
            // Whole: written without a point, by `push_value`.
            return false;
        }
        if v.is_sign_negative() {
            out.push(b'-');
        }
        push_digits(out, (n / power) as usize);
        out.push(b'.');
        // The fraction's digits, the leading `1` of `power` dropped to
        // keep its zeros.
        let (digits, len) = packed_digits((n % power + power) as usize)
            .expect("a fraction below 10^7");
        let start = out.len();
        out.extend_from_slice(&(digits >> 8).to_le_bytes());
        out.truncate(start + len - 1);
        debug_assert!(places < 6 && out.last() != Some(&b'0'));
        return true;
    }
    false
}

/// Options for rendering rows.
#[derive(Clone, Copy, Debug)]
pub struct RenderOptions {
    /// Neutralize free-text cells that a spreadsheet would run (default).
    pub safe_cells: bool,
}

impl Default for RenderOptions {
    fn default() -> RenderOptions {
        RenderOptions { safe_cells: true }
    }
}

/// The outcome of one input document.
#[derive(Debug)]
pub enum Outcome {
    /// Processed: the document and what was found in it.
    Processed(Document, Extraction),
    /// Rejected, with the reason.
    Rejected(Rejection),
}

impl Outcome {
    /// The document id.
    pub fn id(&self) -> &str {
        match self {
            Outcome::Processed(d, _) => &d.id,
            Outcome::Rejected(r) => &r.id,
        }
    }
}

/// One document's rows, rendered to CSV bytes (without headers).
#[derive(Debug, Default)]
pub struct RenderedCsv {
    /// Its `documents.csv` row.
    pub document: Vec<u8>,
    /// Its `entities.csv` rows.
    pub entities: Vec<u8>,
    /// Its `claims.csv` rows.
    pub claims: Vec<u8>,
}

/// One entity as a row of `entities.csv` (and an item of the JSONL output).
#[derive(Debug, Serialize)]
pub struct EntityRow<'a> {
    /// The document id.
    #[serde(skip_serializing)]
    pub doc_id: Cow<'a, str>,
    /// `DOC#eN`, numbered from 1 in row order.
    pub entity_id: RowId<'a>,
    /// The entity type.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The quote.
    pub text: Cow<'a, str>,
    /// Code-point start.
    pub start: usize,
    /// Code-point end (exclusive).
    pub end: usize,
    /// Byte start.
    pub byte_start: usize,
    /// Byte end (exclusive).
    pub byte_end: usize,
    /// Index of the sentence.
    pub sentence_id: usize,
    /// Canonical name.
    pub canonical_name: Cow<'a, str>,
    /// Canonical id (gazetteer id, or the cluster's first entity id).
    pub canonical_id: Cow<'a, str>,
    /// The stage and entry or rule that found it.
    pub source: Cow<'a, str>,
}

/// One claim as a row of `claims.csv` (and an item of the JSONL output).
#[derive(Debug, Serialize)]
pub struct ClaimRow<'a> {
    /// The document id.
    #[serde(skip_serializing)]
    pub doc_id: Cow<'a, str>,
    /// `DOC#cN`, numbered from 1 in row order.
    pub claim_id: RowId<'a>,
    /// The claim kind.
    pub kind: &'static str,
    /// The claim phrase (qualifier and figure).
    pub text: Cow<'a, str>,
    /// Code-point start of the phrase.
    pub start: usize,
    /// Code-point end of the phrase.
    pub end: usize,
    /// Code-point start of the figure.
    pub value_start: usize,
    /// Code-point end of the figure.
    pub value_end: usize,
    /// The value.
    pub value: String,
    /// Range lower end.
    pub value_min: String,
    /// Range upper end.
    pub value_max: String,
    /// The unit: ISO 4217 code, unit name (`kilometer`), `%`, `pp`.
    pub unit: &'static str,
    /// The unit's symbol (`km` for `kilometer`).
    pub unit_symbol: &'static str,
    /// The qualifier as written.
    pub qualifier: Cow<'a, str>,
    /// The qualifier as an operator.
    pub operator: &'static str,
    /// What is counted.
    pub counted: Cow<'a, str>,
    /// Code-point start of `counted`, when there is one.
    pub counted_start: Option<usize>,
    /// Code-point end of `counted`, when there is one.
    pub counted_end: Option<usize>,
    /// What the figure is about.
    pub subject: Cow<'a, str>,
    /// Who states it.
    pub attribution: Cow<'a, str>,
    /// When.
    pub time: Cow<'a, str>,
    /// Index of the sentence.
    pub sentence_id: usize,
    /// Code-point start of the sentence.
    pub sentence_start: usize,
    /// Code-point end of the sentence.
    pub sentence_end: usize,
    /// The rule that assembled it.
    pub source: Cow<'a, str>,
}

/// Builds the entity and claim rows of a processed document.
pub fn rows<'a>(
    pipeline: &'a Pipeline,
    doc: &'a Document,
    ex: &'a Extraction,
) -> (Vec<EntityRow<'a>>, Vec<ClaimRow<'a>>) {
    let text = doc.text.as_str();
    let idx = CharIndex::new(text);
    let id = doc.id.as_str();
    let entity_id = |i: usize| numbered(id, "#e", i + 1);
    let mut entities = Vec::with_capacity(ex.entities.len());
    for (i, e) in ex.entities.iter().enumerate() {
        let (name, cid): (Cow<str>, Cow<str>) =
            match canonical_cells(pipeline, text, &ex.entities, i) {
                CanonicalCells::Entry(n, c) => {
                    (Cow::Borrowed(n), Cow::Borrowed(c))
                }
                CanonicalCells::Entity(n, target) => {
                    (n, Cow::Owned(entity_id(target)))
                }
                CanonicalCells::Empty => {
                    (Cow::Borrowed(""), Cow::Borrowed(""))
                }
            };
        entities.push(EntityRow {
            doc_id: Cow::Borrowed(id),
            entity_id: RowId { doc: id, tag: "#e", n: i + 1 },
            kind: e.kind.as_str(),
            text: Cow::Borrowed(e.span.of(text)),
            start: idx.chars(e.span.start),
            end: idx.chars(e.span.end),
            byte_start: e.span.start,
            byte_end: e.span.end,
            sentence_id: ex.sentence_at(e.span.start),
            canonical_name: name,
            canonical_id: cid,
            source: pipeline.origin_name(&e.origin),
        });
    }
    let quote = |s: Option<Span>| Cow::Borrowed(quoted(text, s));
    let mut claims = Vec::with_capacity(ex.claims.len());
    for (i, c) in ex.claims.iter().enumerate() {
        let sid = ex.sentence_at(c.span.start);
        let sentence = ex.sentences.get(sid).copied().unwrap_or(c.span);
        claims.push(ClaimRow {
            doc_id: Cow::Borrowed(id),
            claim_id: RowId { doc: id, tag: "#c", n: i + 1 },
            kind: c.kind.as_str(),
            text: Cow::Borrowed(c.span.of(text)),
            start: idx.chars(c.span.start),
            end: idx.chars(c.span.end),
            value_start: idx.chars(c.value_span.start),
            value_end: idx.chars(c.value_span.end),
            value: format_value(c.value),
            value_min: c.value_min.map(format_value).unwrap_or_default(),
            value_max: c.value_max.map(format_value).unwrap_or_default(),
            unit: c.unit,
            unit_symbol: crate::numbers::unit_symbol(c.unit),
            qualifier: quote(c.qualifier),
            operator: c.operator.as_str(),
            counted: match c.counted_implied {
                Some(implied) if c.counted.is_none() => Cow::Borrowed(implied),
                _ => quote(c.counted),
            },
            counted_start: c.counted.map(|s| idx.chars(s.start)),
            counted_end: c.counted.map(|s| idx.chars(s.end)),
            subject: subject_of(pipeline, text, ex, c),
            attribution: quote(c.attribution),
            time: quote(c.time),
            sentence_id: sid,
            sentence_start: idx.chars(sentence.start),
            sentence_end: idx.chars(sentence.end),
            source: Cow::Borrowed(c.rule),
        });
    }
    (entities, claims)
}

/// An entity's `canonical_name` and `canonical_id`, shared by the CSV and
/// JSON rows.
enum CanonicalCells<'a> {
    /// A gazetteer entry's name and id.
    Entry(&'a str, &'a str),
    /// A name, and the index of the entity whose row id (`DOC#eN`) is the
    /// canonical id.
    Entity(Cow<'a, str>, usize),
    /// Neither: numbers and dates.
    Empty,
}

fn canonical_cells<'a>(
    pipeline: &'a Pipeline,
    text: &'a str,
    entities: &[crate::annotation::Entity],
    i: usize,
) -> CanonicalCells<'a> {
    let e = &entities[i];
    match &e.canonical {
        Canonical::Entry(entry) => {
            let (n, c) = pipeline.entry_canonical(*entry);
            CanonicalCells::Entry(n, c)
        }
        Canonical::Mention(span) => CanonicalCells::Entity(
            pipeline.visible(span.of(text)),
            first_at(entities, *span).unwrap_or(i),
        ),
        Canonical::None if has_no_canonical(e.kind) => CanonicalCells::Empty,
        Canonical::None => {
            CanonicalCells::Entity(pipeline.visible(e.span.of(text)), i)
        }
    }
}

/// Whether an entity of `kind` with no canonical reference has empty
/// canonical cells (numbers and dates), not its own name and row id.
fn has_no_canonical(kind: EntityType) -> bool {
    kind.is_numeric() || kind == EntityType::Date
}

/// A claim's `subject` cell: the canonical name of the entity it names,
/// else its quote, as it reads.
fn subject_of<'a>(
    pipeline: &'a Pipeline,
    text: &'a str,
    ex: &Extraction,
    c: &crate::annotation::Claim,
) -> Cow<'a, str> {
    let Some(span) = c.subject else { return Cow::Borrowed("") };
    first_at(&ex.entities, span)
        .and_then(|i| match &ex.entities[i].canonical {
            Canonical::Entry(entry) => {
                Some(Cow::Borrowed(pipeline.entry_canonical(*entry).0))
            }
            Canonical::Mention(m) => Some(pipeline.visible(m.of(text))),
            Canonical::None => None,
        })
        .unwrap_or_else(|| pipeline.visible(span.of(text)))
}

/// The quote of an optional span, empty without one.
fn quoted(text: &str, span: Option<Span>) -> &str {
    span.map_or("", |s| s.of(text))
}

/// A row id, `DOC#eN` or `DOC#cN`, kept in its parts: a `String` per row
/// showed up in profiles. Displayed and serialized as the joined text.
#[derive(Clone, Copy, Debug)]
pub struct RowId<'a> {
    /// The document id.
    pub doc: &'a str,
    /// `#e` or `#c`.
    pub tag: &'static str,
    /// The row number, from 1.
    pub n: usize,
}

impl std::fmt::Display for RowId<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}{}", self.doc, self.tag, self.n)
    }
}

impl Serialize for RowId<'_> {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// `DOC#eN`: by hand, as `format!` per row showed up in profiles.
fn numbered(id: &str, tag: &str, n: usize) -> String {
    let mut out = String::with_capacity(id.len() + tag.len() + 8);
    out.push_str(id);
    out.push_str(tag);
    match packed_digits(n) {
        // Byte by byte: a `from_utf8` call cost more than the pushes.
        Some((word, len)) => out
            .extend(word.to_le_bytes()[..len].iter().map(|&b| char::from(b))),
        None => out.push_str(&Num::new(n as u64)),
    }
    out
}

/// The index of the first entity with exactly `span`, in entities sorted
/// by start and end (as [`Extraction`] keeps them): a binary search, as
/// long documents have thousands of entities.
fn first_at(
    entities: &[crate::annotation::Entity],
    span: Span,
) -> Option<usize> {
    let key = (span.start, span.end);
    let i = entities.partition_point(|e| (e.span.start, e.span.end) < key);
    (entities.get(i)?.span == span).then_some(i)
}

/// The hex sha256 of a text.
pub fn sha256_hex(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// Bytes in lowercase hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    let mut out = Vec::with_capacity(bytes.len() * 2);
    push_hex(&mut out, bytes);
    String::from_utf8(out).expect("hex digits are ASCII")
}

/// Appends [`hex`]'s digits: by hand, as a `format!` per byte showed up
/// in profiles, and as bytes, as a `String::push` per digit encoded each
/// as a `char`.
fn push_hex(out: &mut Vec<u8>, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for &b in bytes {
        out.extend_from_slice(&[
            DIGITS[usize::from(b >> 4)],
            DIGITS[usize::from(b & 15)],
        ]);
    }
}

/// Numbers below 10^8 (nearly all offsets and counts) as up to eight
/// ASCII digits packed into one word, the first digit in the lowest byte,
/// and how many there are: written with one 8-byte store and cut back to
/// length, with no digit count up front and no stack buffer to copy.
///
/// All eight digits are found at once, lanes of one word split in halves
/// by multiplications (x / 100 is x * 10486 >> 20 below 10^4, x / 10 is
/// x * 103 >> 10 below 100): a division per digit in a loop cost twice as
/// much, and offsets fill a third of the output.
#[inline(always)]
fn packed_digits(n: usize) -> Option<(u64, usize)> {
    if n >= 100_000_000 {
        return None;
    }
    let n = n as u64;
    // Two 32-bit lanes: the first four digits, then the last four. Most
    // offsets and counts are below 10^4, with no first four to split off.
    let quads =
        if n < 10_000 { n << 32 } else { (n / 10_000) | ((n % 10_000) << 32) };
    // Four 16-bit lanes: each quad's first two digits, then its last two.
    let high = ((quads * 10_486) >> 20) & 0x0000_007F_0000_007F;
    let pairs = ((quads - high * 100) << 16) | high;
    // Eight bytes: each pair's tens, then its units.
    let tens = ((pairs * 103) >> 10) & 0x000F_000F_000F_000F;
    let digits = ((pairs - tens * 10) << 8) | tens;
    // Leading zeros are the low zero bytes; zero keeps one digit.
    let skip = (digits.trailing_zeros() / 8).min(7);
    let word = (digits | 0x3030_3030_3030_3030) >> (skip * 8);
    Some((word, 8 - skip as usize))
}

/// A number written in decimal on the stack, for those too long for
/// [`packed_digits`] (and JSONL line numbers): a `to_string` allocation
/// per cell showed up in profiles.
pub(crate) struct Num {
    buf: [u8; 20],
    at: usize,
}

impl Num {
    pub(crate) fn new(mut n: u64) -> Num {
        let mut buf = [0; 20];
        let mut at = buf.len();
        loop {
            at -= 1;
            buf[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        Num { buf, at }
    }
}

impl std::ops::Deref for Num {
    type Target = str;

    fn deref(&self) -> &str {
        // Only ASCII digits are written.
        std::str::from_utf8(&self.buf[self.at..]).expect("ASCII digits")
    }
}

/// Whether the `csv` crate would quote a field: it holds `,`, `"`, CR or
/// LF. Eight bytes at a time: most fields are short and plain, and a
/// table lookup per byte was most of the cost of writing a row. Inlined
/// into the few cell writers: the call cost a third as much as the check.
#[inline(always)]
fn needs_quotes(field: &[u8]) -> bool {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    // Nonzero exactly when a byte of `word` is `byte` (borrows only make
    // false hits above a true one). Zero padding never hits: no special
    // byte is 0.
    let has = |word: u64, byte: u8| {
        let v = word ^ (ONES * u64::from(byte));
        v.wrapping_sub(ONES) & !v & HIGHS
    };
    let special = |word: u64| {
        (has(word, b',')
            | has(word, b'"')
            | has(word, b'\r')
            | has(word, b'\n'))
            != 0
    };
    let u32_at = |at: usize| {
        u64::from(u32::from_le_bytes(
            field[at..at + 4].try_into().expect("four bytes"),
        ))
    };
    let u64_at = |at: usize| {
        u64::from_le_bytes(field[at..at + 8].try_into().expect("eight bytes"))
    };
    match field.len() {
        0..=3 => {
            field.iter().any(|&b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
        }
        // The first and last four bytes (overlapping) in one word.
        4..=7 => special(u32_at(0) | u32_at(field.len() - 4) << 32),
        // The first and last eight (overlapping), with no loop: ids and
        // names of this length are common.
        len @ 8..=16 => special(u64_at(0)) | special(u64_at(len - 8)),
        len => {
            (0..len / 8).any(|i| special(u64_at(i * 8)))
                || special(u64_at(len - 8))
        }
    }
}

/// Which table a row id (`DOC#eN`, `DOC#cN`) numbers rows of.
#[derive(Clone, Copy, Debug)]
enum RowTag {
    /// `#e`: `entities.csv`.
    Entity = 0,
    /// `#c`: `claims.csv`.
    Claim = 1,
}

impl RowTag {
    fn as_str(self) -> &'static str {
        match self {
            RowTag::Entity => "#e",
            RowTag::Claim => "#c",
        }
    }
}

/// A document id as every row of the document repeats it: the `doc_id`
/// cell escaped once, and whether row ids built from it (`DOC#eN`) are
/// plain, so that they can be written in parts. Checking the id on every
/// row showed up in profiles.
struct DocId<'a> {
    id: &'a str,
    cell: Vec<u8>,
    /// Neither neutralized nor quoted: only the document id can start a
    /// formula or hold a special byte, and it rarely does.
    plain: bool,
    /// For a plain id, the first cells of a row up to its number,
    /// `DOC,DOC#e` and `DOC,DOC#c` (by [`RowTag`]): written with one
    /// copy, where the cells in parts took three.
    row_starts: [Vec<u8>; 2],
}

impl<'a> DocId<'a> {
    fn new(id: &'a str, opts: RenderOptions) -> DocId<'a> {
        let mut cell = Vec::with_capacity(id.len() + 1);
        Record::new(&mut cell, opts).text(id);
        let formula = opts.safe_cells && starts_formula(id);
        let plain = !formula && !needs_quotes(id.as_bytes());
        let row_start = |tag: RowTag| {
            if plain {
                [id, ",", id, tag.as_str()].concat().into_bytes()
            } else {
                Vec::new()
            }
        };
        let row_starts = [row_start(RowTag::Entity), row_start(RowTag::Claim)];
        DocId { id, cell, plain, row_starts }
    }

    /// For a plain id, `DOC,DOC#e` (or `#c`).
    fn row_start(&self, tag: RowTag) -> &[u8] {
        &self.row_starts[tag as usize]
    }

    /// For a plain id, `DOC#e` (or `#c`).
    fn tagged(&self, tag: RowTag) -> &[u8] {
        &self.row_start(tag)[self.id.len() + 1..]
    }
}

/// The sentence of each row of a table, found by stepping on from the
/// previous row's: rows come in text order, and a binary search per row
/// showed up in profiles.
struct SentenceCursor<'a> {
    ex: &'a Extraction,
    /// The previous row's sentence.
    at: usize,
}

impl<'a> SentenceCursor<'a> {
    fn new(ex: &'a Extraction) -> SentenceCursor<'a> {
        SentenceCursor { ex, at: 0 }
    }

    /// [`Extraction::sentence_at`] of `offset`.
    #[inline(always)]
    fn sentence_at(&mut self, offset: usize) -> usize {
        let sentences = &self.ex.sentences;
        let mut i = self.at;
        if i > 0 && sentences[i].start > offset {
            // Before the previous row's sentence: out of text order.
            i = self.ex.sentence_at(offset);
        }
        while sentences.get(i + 1).is_some_and(|s| s.start <= offset) {
            i += 1;
        }
        self.at = i;
        i
    }
}

/// One CSV record written straight into a buffer, quoted as the `csv`
/// crate quotes (`QuoteStyle::Necessary`): a field holding `,`, `"`, CR or
/// LF is put in quotes with its quotes doubled. A `csv::Writer` per table
/// per document, with its per-field state machine, cost more than
/// building the rows.
///
/// The rare cases are written out of line by functions of the buffer, not
/// methods: a record passed to no call stays in registers, where its
/// field count is known at each cell of a row and the separator checks
/// fold away.
struct Record<'b> {
    buf: &'b mut Vec<u8>,
    fields: usize,
    opts: RenderOptions,
}

impl<'b> Record<'b> {
    fn new(buf: &'b mut Vec<u8>, opts: RenderOptions) -> Record<'b> {
        Record { buf, fields: 0, opts }
    }

    fn separate(&mut self) {
        if self.fields > 0 {
            self.buf.push(b',');
        }
        self.fields += 1;
    }

    /// A field written as is: numbers, and names of our own vocabulary.
    /// Inlined into the row writers, with quoting out of line: the call
    /// cost a good part of a short cell.
    #[inline(always)]
    fn raw(&mut self, s: &str) -> &mut Self {
        self.separate();
        self.cell(s);
        self
    }

    /// [`Record::raw`] after the separator.
    #[inline(always)]
    fn cell(&mut self, s: &str) {
        push_cell(self.buf, s);
    }

    /// A free-text field: neutralized for spreadsheets unless turned off.
    #[inline(always)]
    fn text(&mut self, s: &str) -> &mut Self {
        if self.opts.safe_cells && starts_formula(s) {
            self.separate();
            push_neutralized(self.buf, s);
            return self;
        }
        self.raw(s)
    }

    /// A field of our own vocabulary (entity and claim kinds, operators),
    /// none of which needs quotes: spared the check.
    fn plain(&mut self, s: &'static str) -> &mut Self {
        debug_assert!(!needs_quotes(s.as_bytes()), "{s:?}");
        self.separate();
        self.buf.extend_from_slice(s.as_bytes());
        self
    }

    /// A mid-row cell of our vocabulary, with its separator, as
    /// [`short_cell_of`] lays it out: one 16-byte store and a cut back
    /// to length, where copying the name took a `memcpy` call.
    #[inline(always)]
    fn short_cell(&mut self, cell: &ShortCell) -> &mut Self {
        debug_assert!(self.fields > 0);
        self.fields += 1;
        let start = self.buf.len();
        self.buf.extend_from_slice(&cell.0);
        self.buf.truncate(start + usize::from(cell.1));
        self
    }

    /// A number cell. Inlined into the row writers, with the rare cases
    /// out of line: the call and its register saves cost as much as the
    /// digits.
    #[inline(always)]
    fn num(&mut self, n: usize) -> &mut Self {
        match packed_digits(n) {
            // The separator and up to seven digits in one store, as most
            // numbers are mid-row.
            Some((word, len)) if len < 8 && self.fields > 0 => {
                self.packed_cell(word, len);
            }
            _ => {
                self.separate();
                push_digits_out_of_line(self.buf, n);
            }
        }
        self
    }

    /// A mid-row number cell of [`packed_digits`] `word` and `len` (below
    /// eight): the separator and the digits in one store.
    #[inline(always)]
    fn packed_cell(&mut self, word: u64, len: usize) {
        self.fields += 1;
        let start = self.buf.len();
        let cell = (word << 8) | u64::from(b',');
        self.buf.extend_from_slice(&cell.to_le_bytes());
        self.buf.truncate(start + len + 1);
    }

    /// The mid-row cells `start,end,byte_start,byte_end` of a span whose
    /// code-point offsets are `chars` and byte offsets `bytes`. They are
    /// the same in ASCII text, most news, and before a text's first other
    /// character: then their digits are found once and written twice.
    #[inline(always)]
    fn offsets(&mut self, chars: Span, bytes: Span) -> &mut Self {
        if chars == bytes && self.fields > 0 {
            if let (Some((start, start_len)), Some((end, end_len))) =
                (packed_digits(bytes.start), packed_digits(bytes.end))
            {
                if start_len < 8 && end_len < 8 {
                    // Both cells, separators and digits, in one 16-byte
                    // store, written twice.
                    let comma = u128::from(b',');
                    let cells = comma
                        | u128::from(start) << 8
                        | comma << (8 * (start_len + 1))
                        | u128::from(end) << (8 * (start_len + 2));
                    let len = start_len + end_len + 2;
                    for _ in 0..2 {
                        let at = self.buf.len();
                        self.buf.extend_from_slice(&cells.to_le_bytes());
                        self.buf.truncate(at + len);
                    }
                    self.fields += 4;
                    return self;
                }
            }
        }
        self.num(chars.start).num(chars.end).num(bytes.start).num(bytes.end)
    }

    /// A mid-row number cell that often repeats the previous row's (a
    /// sentence index): its digits are found again only when it changes.
    #[inline(always)]
    fn repeated_num(&mut self, n: usize, last: &mut LastNum) -> &mut Self {
        if last.n != n {
            match packed_digits(n) {
                Some((word, len)) if len < 8 => {
                    *last = LastNum { n, word, len };
                }
                _ => return self.num(n),
            }
        }
        debug_assert!(self.fields > 0);
        self.packed_cell(last.word, last.len);
        self
    }

    #[inline(always)]
    fn digits(&mut self, n: usize) {
        push_digits(self.buf, n);
    }

    /// A cell escaped beforehand.
    fn escaped(&mut self, cell: &[u8]) -> &mut Self {
        self.separate();
        self.buf.extend_from_slice(cell);
        self
    }

    /// A row's first two cells, its document id and its row id
    /// (`DOC,DOC#eN`): for a plain id, one copy and the digits.
    #[inline(always)]
    fn row_start(
        &mut self,
        doc: &DocId<'_>,
        tag: RowTag,
        n: usize,
    ) -> &mut Self {
        if !doc.plain || self.fields > 0 {
            return self.escaped(&doc.cell).row_id(doc, tag, n);
        }
        self.fields = 2;
        self.buf.extend_from_slice(doc.row_start(tag));
        self.digits(n);
        self
    }

    /// A row id (`DOC#eN`), a free-text field written in parts when the
    /// document id allows. Inlined, as the other cells.
    #[inline(always)]
    fn row_id(&mut self, doc: &DocId<'_>, tag: RowTag, n: usize) -> &mut Self {
        self.separate();
        if !doc.plain {
            push_joined_row_id(self.buf, self.opts, doc, tag, n);
            return self;
        }
        self.buf.extend_from_slice(doc.tagged(tag));
        self.digits(n);
        self
    }

    /// A free-text field that is `parts` joined: written in parts, then
    /// checked as a whole (a special byte in a part is one in the whole),
    /// and rewritten only when it needs quotes or neutralizing. Checking
    /// each part first cost a length dispatch per part.
    fn joined(&mut self, parts: &[&str]) -> &mut Self {
        self.separate();
        let start = self.buf.len();
        for part in parts {
            self.buf.extend_from_slice(part.as_bytes());
        }
        let cell = &self.buf[start..];
        let formula = self.opts.safe_cells && bytes_start_formula(cell);
        if formula || needs_quotes(cell) {
            self.buf.truncate(start);
            push_rewritten_joined(self.buf, self.opts, parts);
        }
        self
    }

    /// A digest cell in hex, as [`sha256_hex`] writes it.
    fn digest(&mut self, bytes: &[u8]) -> &mut Self {
        self.separate();
        push_hex(self.buf, bytes);
        self
    }

    /// A claim value, as [`format_value`] writes it.
    fn value(&mut self, v: f64) -> &mut Self {
        self.separate();
        push_value(self.buf, v);
        self
    }

    #[inline(always)]
    fn opt_value(&mut self, v: Option<f64>) -> &mut Self {
        match v {
            Some(v) => self.value(v),
            None => self.raw(""),
        }
    }

    #[inline(always)]
    fn opt_num(&mut self, n: Option<usize>) -> &mut Self {
        match n {
            Some(n) => self.num(n),
            None => self.raw(""),
        }
    }

    fn end(&mut self) {
        self.buf.push(b'\n');
    }
}

/// The last number written by [`Record::repeated_num`], and its
/// [`packed_digits`].
struct LastNum {
    n: usize,
    word: u64,
    len: usize,
}

impl LastNum {
    /// None yet.
    fn new() -> LastNum {
        LastNum { n: usize::MAX, word: 0, len: 0 }
    }
}

/// A mid-row cell of up to 15 bytes that needs no quotes, with its
/// separator, padded to 16 bytes, and its length with the separator.
type ShortCell = ([u8; 16], u8);

/// `,` and `s`, as [`Record::short_cell`] writes them.
const fn short_cell_of(s: &str) -> ShortCell {
    let b = s.as_bytes();
    assert!(b.len() < 16, "a short cell");
    let mut cell = [0; 16];
    cell[0] = b',';
    let mut i = 0;
    while i < b.len() {
        cell[i + 1] = b[i];
        i += 1;
    }
    (cell, b.len() as u8 + 1)
}

/// The `type` cell of each entity type, by its discriminant.
static KIND_CELLS: [ShortCell; EntityType::ALL.len()] = {
    let mut cells = [([0; 16], 0); EntityType::ALL.len()];
    let mut k = 0;
    while k < cells.len() {
        let kind = EntityType::ALL[k];
        cells[kind as usize] = short_cell_of(kind.as_str());
        k += 1;
    }
    cells
};

/// A cell's text after its separator, quoted if it needs to be.
#[inline(always)]
fn push_cell(buf: &mut Vec<u8>, s: &str) {
    if needs_quotes(s.as_bytes()) {
        push_quoted(buf, s);
    } else {
        buf.extend_from_slice(s.as_bytes());
    }
}

/// `s` in quotes, its quotes doubled.
#[inline(never)]
fn push_quoted(buf: &mut Vec<u8>, s: &str) {
    buf.push(b'"');
    for b in s.bytes() {
        if b == b'"' {
            buf.push(b'"');
        }
        buf.push(b);
    }
    buf.push(b'"');
}

/// A free-text cell that [`neutralize`] changes, after its separator.
#[inline(never)]
fn push_neutralized(buf: &mut Vec<u8>, s: &str) {
    push_cell(buf, &neutralize(s));
}

/// A number's digits.
#[inline(always)]
fn push_digits(buf: &mut Vec<u8>, n: usize) {
    match packed_digits(n) {
        Some((word, len)) => {
            let start = buf.len();
            buf.extend_from_slice(&word.to_le_bytes());
            buf.truncate(start + len);
        }
        None => push_long_digits(buf, n),
    }
}

/// [`push_digits`] where [`Record::num`]'s one store does not do: kept
/// out of line, as the row writers inline every number cell.
#[inline(never)]
fn push_digits_out_of_line(buf: &mut Vec<u8>, n: usize) {
    push_digits(buf, n);
}

/// [`push_digits`] past eight digits, kept out of line: its stack buffer
/// made every call save registers and reserve stack.
#[cold]
#[inline(never)]
fn push_long_digits(buf: &mut Vec<u8>, n: usize) {
    buf.extend_from_slice(Num::new(n as u64).as_bytes());
}

/// A row id whose document id needs quotes or neutralizing, after its
/// separator, as [`Record::text`] writes it.
#[inline(never)]
fn push_joined_row_id(
    buf: &mut Vec<u8>,
    opts: RenderOptions,
    doc: &DocId<'_>,
    tag: RowTag,
    n: usize,
) {
    let id = RowId { doc: doc.id, tag: tag.as_str(), n }.to_string();
    push_text_cell(buf, opts, &id);
}

/// [`Record::joined`]'s cell, as [`Record::text`] writes it, in place of
/// the parts.
#[inline(never)]
fn push_rewritten_joined(
    buf: &mut Vec<u8>,
    opts: RenderOptions,
    parts: &[&str],
) {
    push_text_cell(buf, opts, &parts.concat());
}

/// A free-text cell after its separator, as [`Record::text`] writes it.
fn push_text_cell(buf: &mut Vec<u8>, opts: RenderOptions, s: &str) {
    if opts.safe_cells {
        push_cell(buf, &neutralize(s));
    } else {
        push_cell(buf, s);
    }
}

/// Renders one outcome's CSV rows.
///
/// # Errors
///
/// Only on a CSV serialization failure, which writing to memory does not
/// produce in practice.
pub fn render_csv(
    pipeline: &Pipeline,
    outcome: &Outcome,
    opts: RenderOptions,
) -> Result<RenderedCsv> {
    let mut out = RenderedCsv::default();
    match outcome {
        Outcome::Rejected(r) => {
            let bytes = r.bytes.map(|b| b.to_string()).unwrap_or_default();
            Record::new(&mut out.document, opts)
                .text(&r.id)
                .text(&r.source)
                .raw("")
                .raw(&bytes)
                .raw("")
                .text(&r.reason.to_string())
                .raw("0")
                .raw("0")
                .end();
        }
        Outcome::Processed(doc, ex) => {
            render_processed(pipeline, doc, ex, opts, &mut out);
        }
    }
    Ok(out)
}

/// Renders a processed document's rows straight from its extraction: the
/// row structs of [`rows`], with a `String` for some cells, cost more than
/// writing the cells.
fn render_processed(
    pipeline: &Pipeline,
    doc: &Document,
    ex: &Extraction,
    opts: RenderOptions,
    out: &mut RenderedCsv,
) {
    let text = doc.text.as_str();
    let idx = CharIndex::new(text);
    // Room for every row up front: growing the buffers copied them over
    // and over. An entity row holds the document id two or three times
    // and about 100 other bytes, a claim row about 120.
    let id_len = doc.id.len();
    out.document.reserve(doc.id.len() + doc.source.len() + 128);
    out.entities.reserve(ex.entities.len() * (2 * id_len + 100));
    out.claims.reserve(ex.claims.len() * (2 * id_len + 120));
    Record::new(&mut out.document, opts)
        .text(&doc.id)
        .text(&doc.source)
        .num(idx.len())
        .num(text.len())
        .digest(&Sha256::digest(text.as_bytes()))
        .raw("ok")
        .num(ex.entities.len())
        .num(ex.claims.len())
        .end();
    let doc_id = DocId::new(&doc.id, opts);
    let mut sentences = SentenceCursor::new(ex);
    let mut sentence_cell = LastNum::new();
    for (i, e) in ex.entities.iter().enumerate() {
        let chars = Span::new(idx.chars(e.span.start), idx.chars(e.span.end));
        let mut row = Record::new(&mut out.entities, opts);
        row.row_start(&doc_id, RowTag::Entity, i + 1)
            .short_cell(&KIND_CELLS[e.kind as usize])
            .text(e.span.of(text))
            .offsets(chars, e.span)
            .repeated_num(
                sentences.sentence_at(e.span.start),
                &mut sentence_cell,
            );
        // As `canonical_cells` writes them, with the entry of a listed
        // name looked up once for its cells and its source.
        let mut listed = None;
        match &e.canonical {
            &Canonical::Entry(c) => {
                let entry = pipeline.gazetteer().entry(c);
                row.text(&entry.name).text(&entry.canonical_id);
                listed = Some((c, entry));
            }
            Canonical::Mention(span) => {
                let target = first_at(&ex.entities, *span).unwrap_or(i);
                row.text(&pipeline.visible(span.of(text))).row_id(
                    &doc_id,
                    RowTag::Entity,
                    target + 1,
                );
            }
            Canonical::None if has_no_canonical(e.kind) => {
                row.plain("").plain("");
            }
            Canonical::None => {
                row.text(&pipeline.visible(e.span.of(text))).row_id(
                    &doc_id,
                    RowTag::Entity,
                    i + 1,
                );
            }
        }
        // The source cell, as `Pipeline::origin_name` has it: rules' and
        // built-in names are one part, with nothing to join.
        match e.origin {
            Origin::Gazetteer(g) => {
                let entry = match listed {
                    Some((c, entry)) if c == g => entry,
                    _ => pipeline.gazetteer().entry(g),
                };
                row.joined(&pipeline.entry_source_parts(entry))
            }
            Origin::Rule(r) => row.text(pipeline.rule_source(r)),
            Origin::Builtin(name) => row.text(name),
        }
        .end();
    }
    let mut sentences = SentenceCursor::new(ex);
    for (i, c) in ex.claims.iter().enumerate() {
        let sid = sentences.sentence_at(c.span.start);
        let sentence = ex.sentences.get(sid).copied().unwrap_or(c.span);
        Record::new(&mut out.claims, opts)
            .row_start(&doc_id, RowTag::Claim, i + 1)
            .plain(c.kind.as_str())
            .text(c.span.of(text))
            .num(idx.chars(c.span.start))
            .num(idx.chars(c.span.end))
            .num(idx.chars(c.value_span.start))
            .num(idx.chars(c.value_span.end))
            .value(c.value)
            .opt_value(c.value_min)
            .opt_value(c.value_max)
            .raw(c.unit)
            .raw(crate::numbers::unit_symbol(c.unit))
            .text(quoted(text, c.qualifier))
            .plain(c.operator.as_str())
            .text(
                c.counted_implied
                    .filter(|_| c.counted.is_none())
                    .unwrap_or(quoted(text, c.counted)),
            )
            .opt_num(c.counted.map(|s| idx.chars(s.start)))
            .opt_num(c.counted.map(|s| idx.chars(s.end)))
            .text(&subject_of(pipeline, text, ex, c))
            .text(quoted(text, c.attribution))
            .text(quoted(text, c.time))
            .num(sid)
            .num(idx.chars(sentence.start))
            .num(idx.chars(sentence.end))
            .text(c.rule)
            .end();
    }
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    id: &'a str,
    source: &'a str,
    status: Cow<'a, str>,
    chars: Option<usize>,
    bytes: Option<u64>,
    sha256: Option<String>,
    entities: Vec<EntityRow<'a>>,
    claims: Vec<ClaimRow<'a>>,
}

/// Renders one outcome as a JSON line (with its `\n`): the pipe mode.
///
/// # Errors
///
/// Only on a serialization failure.
pub fn render_json(pipeline: &Pipeline, outcome: &Outcome) -> Result<Vec<u8>> {
    let doc = match outcome {
        Outcome::Rejected(r) => JsonDoc {
            id: &r.id,
            source: &r.source,
            status: Cow::Owned(r.reason.to_string()),
            chars: None,
            bytes: r.bytes,
            sha256: None,
            entities: Vec::new(),
            claims: Vec::new(),
        },
        Outcome::Processed(doc, ex) => {
            let (entities, claims) = rows(pipeline, doc, ex);
            JsonDoc {
                id: &doc.id,
                source: &doc.source,
                status: Cow::Borrowed("ok"),
                chars: Some(doc.text.chars().count()),
                bytes: Some(doc.text.len() as u64),
                sha256: Some(sha256_hex(&doc.text)),
                entities,
                claims,
            }
        }
    };
    let mut line = serde_json::to_vec(&doc)
        .map_err(|e| Error::config(format!("json: {e}")))?;
    line.push(b'\n');
    Ok(line)
}

/// Writes the three CSV tables into a folder, atomically.
pub struct TableWriter {
    dir: PathBuf,
    files: Vec<AtomicFile>,
}

impl TableWriter {
    /// Creates the folder if needed and opens temporary files in it, with
    /// headers written.
    ///
    /// # Errors
    ///
    /// Returns an error naming the folder when it cannot be created or
    /// written.
    pub fn create(dir: &Path) -> Result<TableWriter> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let mut files = Vec::new();
        let headers = [DOCUMENT_COLUMNS, ENTITY_COLUMNS, CLAIM_COLUMNS];
        for (name, header) in TABLES.iter().zip(headers) {
            let mut file = AtomicFile::create(dir, name)?;
            let mut line = Vec::new();
            {
                let mut csv = csv::Writer::from_writer(&mut line);
                csv.write_record(header)?;
                csv.flush()?;
            }
            file.write_all(&line)?;
            files.push(file);
        }
        Ok(TableWriter { dir: dir.to_path_buf(), files })
    }

    /// Appends one document's rendered rows.
    ///
    /// # Errors
    ///
    /// Returns an I/O error naming the table.
    pub fn write(&mut self, rows: &RenderedCsv) -> Result<()> {
        let parts = [&rows.document, &rows.entities, &rows.claims];
        for (file, bytes) in self.files.iter_mut().zip(parts) {
            file.write_all(bytes)?;
        }
        Ok(())
    }

    /// As [`TableWriter::write`], keeping the rows' buffers until they
    /// are written out together, without copying them into a buffer of
    /// the file's first: the tables are several times the input.
    ///
    /// # Errors
    ///
    /// Returns an I/O error naming the table.
    pub fn write_owned(&mut self, rows: RenderedCsv) -> Result<()> {
        let RenderedCsv { document, entities, claims } = rows;
        let parts = [document, entities, claims];
        for (file, bytes) in self.files.iter_mut().zip(parts) {
            file.write_owned(bytes)?;
        }
        Ok(())
    }

    /// Flushes, syncs and renames every table into place.
    ///
    /// # Errors
    ///
    /// Returns an I/O error naming the table that failed.
    pub fn finish(self) -> Result<Vec<PathBuf>> {
        let dir = self.dir.clone();
        self.finish_digests()?;
        Ok(TABLES.iter().map(|name| dir.join(name)).collect())
    }

    /// As [`TableWriter::finish`], returning each table's size and sha256
    /// (hashed as it was written: reading the tables back cost a second
    /// pass over them).
    pub(crate) fn finish_digests(self) -> Result<Vec<(u64, String)>> {
        self.files.into_iter().map(AtomicFile::finish).collect()
    }
}

/// A file written under a temporary name and renamed into place by
/// [`AtomicFile::finish`]; dropped unfinished, it disappears.
pub(crate) struct AtomicFile {
    tmp: tempfile::NamedTempFile,
    file: File,
    dest: PathBuf,
    sha256: Sha256,
    len: u64,
    /// Bytes not yet written, in order: buffers handed over whole, and
    /// small writes gathered into buffers of their own.
    pending: Vec<Vec<u8>>,
    pending_bytes: usize,
    /// Whether the last of `pending` gathers small writes.
    gathering: bool,
}

/// Bytes held before a write to the file, about: as a `BufWriter`'s
/// buffer was.
const PENDING_BYTES: usize = 1 << 17;

/// Buffers held before a write to the file, at most: the system takes
/// about a thousand in one call.
const PENDING_BUFFERS: usize = 512;

/// Writes shorter than this are gathered into one buffer, not held as
/// buffers of their own.
const GATHERED_BELOW: usize = 2048;

impl AtomicFile {
    /// Opens `.NAME.*.partial` in `dir`, to become `dir/NAME`.
    pub(crate) fn create(dir: &Path, name: &str) -> Result<AtomicFile> {
        let prefix = format!(".{name}.");
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".partial");
        // As `File::create` would: 0666 less the umask, not the 0600 of a
        // temporary file, so colleagues can read the tables.
        #[cfg(unix)]
        builder
            .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let tmp = builder.tempfile_in(dir).map_err(|e| Error::io(dir, e))?;
        let file = tmp.reopen().map_err(|e| Error::io(tmp.path(), e))?;
        Ok(AtomicFile {
            tmp,
            file,
            dest: dir.join(name),
            sha256: Sha256::new(),
            len: 0,
            pending: Vec::new(),
            pending_bytes: 0,
            gathering: false,
        })
    }

    /// The final path.
    pub(crate) fn dest(&self) -> &Path {
        &self.dest
    }

    /// Appends bytes.
    pub(crate) fn write_all(&mut self, bytes: &[u8]) -> Result<()> {
        if bytes.is_empty() {
            return Ok(());
        }
        self.sha256.update(bytes);
        self.len += bytes.len() as u64;
        match self.pending.last_mut() {
            Some(gathered) if self.gathering => {
                gathered.extend_from_slice(bytes);
            }
            _ => {
                let mut gathered =
                    Vec::with_capacity(bytes.len().max(PENDING_BYTES / 8));
                gathered.extend_from_slice(bytes);
                self.pending.push(gathered);
                self.gathering = true;
            }
        }
        self.pending_bytes += bytes.len();
        self.write_out_if_full()
    }

    /// Appends a buffer's bytes, holding the buffer itself until it is
    /// written out with others (a small one is copied, as by
    /// [`AtomicFile::write_all`]).
    pub(crate) fn write_owned(&mut self, bytes: Vec<u8>) -> Result<()> {
        if bytes.len() < GATHERED_BELOW {
            return self.write_all(&bytes);
        }
        self.sha256.update(&bytes);
        self.len += bytes.len() as u64;
        self.pending_bytes += bytes.len();
        self.pending.push(bytes);
        self.gathering = false;
        self.write_out_if_full()
    }

    fn write_out_if_full(&mut self) -> Result<()> {
        if self.pending_bytes >= PENDING_BYTES
            || self.pending.len() >= PENDING_BUFFERS
        {
            self.write_out()?;
        }
        Ok(())
    }

    /// Writes the pending buffers to the file, as many per call as the
    /// system takes.
    fn write_out(&mut self) -> Result<()> {
        let mut slices: Vec<io::IoSlice<'_>> =
            self.pending.iter().map(|b| io::IoSlice::new(b)).collect();
        let mut rest = &mut slices[..];
        while !rest.is_empty() {
            match self.file.write_vectored(rest) {
                Ok(0) => {
                    let e = io::Error::from(io::ErrorKind::WriteZero);
                    return Err(Error::io(&self.dest, e));
                }
                Ok(n) => io::IoSlice::advance_slices(&mut rest, n),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(Error::io(&self.dest, e)),
            }
        }
        self.pending.clear();
        self.pending_bytes = 0;
        self.gathering = false;
        Ok(())
    }

    /// Flushes, syncs and renames the file into place; returns its size
    /// and hex sha256.
    pub(crate) fn finish(mut self) -> Result<(u64, String)> {
        self.write_out()?;
        let AtomicFile { tmp, file, dest, sha256, len, .. } = self;
        file.sync_all().map_err(|e| Error::io(&dest, e))?;
        tmp.persist(&dest).map_err(|e| Error::io(&dest, e.error))?;
        Ok((len, hex(&sha256.finalize())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_decimals_are_written_as_display_writes_them() {
        let mut values = vec![
            0.5,
            -0.5,
            2.5,
            0.75,
            1.25,
            0.1,
            0.2,
            0.3,
            0.7,
            1.1,
            2.675,
            99.99,
            0.000001,
            0.0000015,
            1234567.891,
            99999999.5,
            1e-7,
            0.30000000000000004,
            1.0000001,
            12.3456789,
            5e7 + 0.25,
            1.05,
            4.35,
            0.045,
            1e8 - 0.5,
            123456.7,
            7.12345,
        ];
        // Decimals of up to seven places over a range of magnitudes, and
        // the floats either side of some.
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let places = (seed % 8) as i32;
            let digits = (seed >> 8) % 10u64.pow((seed >> 40) as u32 % 10);
            let v = digits as f64 / 10f64.powi(places);
            values.extend([v, -v, f64::from_bits(v.to_bits() + 1)]);
        }
        for v in values {
            let mut out = Vec::new();
            if push_short_decimal(&mut out, v) {
                assert_eq!(String::from_utf8(out).unwrap(), format!("{v}"));
            }
            assert_eq!(format_value(v), format!("{v}"), "{v:?}");
        }
    }

    #[test]
    fn kind_cells_hold_the_type_names() {
        for kind in EntityType::ALL {
            let mut buf = b"x".to_vec();
            let mut row = Record::new(&mut buf, RenderOptions::default());
            row.raw("a").short_cell(&KIND_CELLS[kind as usize]).raw("b");
            assert_eq!(buf, format!("xa,{},b", kind.as_str()).into_bytes());
        }
    }

    #[test]
    fn atomic_files_write_owned_and_copied_bytes_in_order() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut file = AtomicFile::create(dir.path(), "t.csv").expect("file");
        let mut want = Vec::new();
        // Small, large, empty and gathered writes, past a write-out.
        for i in 0..400usize {
            let big = vec![b'a' + (i % 26) as u8; 100 + i * 7];
            let small = format!("row {i}\n").into_bytes();
            want.extend_from_slice(&big);
            file.write_owned(big).expect("written");
            want.extend_from_slice(&small);
            file.write_all(&small).expect("written");
            file.write_owned(Vec::new()).expect("written");
            want.extend_from_slice(&small);
            file.write_owned(small).expect("written");
        }
        let (len, sha256) = file.finish().expect("finished");
        let got = std::fs::read(dir.path().join("t.csv")).expect("read");
        assert!(want.len() > PENDING_BYTES * 2);
        assert_eq!(got, want);
        assert_eq!(len, want.len() as u64);
        assert_eq!(sha256, hex(&Sha256::digest(&want)));
    }

    /// The CSV rows are written by hand, cell by cell; they must hold the
    /// same cells as `rows()`, which the JSONL output serializes.
    #[test]
    fn csv_rows_hold_the_cells_of_rows() {
        let pipeline =
            crate::PipelineBuilder::new().build().expect("default pipeline");
        let data =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let mut checked = (0, 0);
        for entry in std::fs::read_dir(data).expect("data/") {
            let path = entry.expect("entry").path();
            let text = std::fs::read_to_string(&path).expect("article");
            let doc = Document::new("d,1", path.display().to_string(), text);
            let ex = pipeline.process(&doc);
            let outcome = Outcome::Processed(doc.clone(), ex.clone());
            let opts = RenderOptions { safe_cells: false };
            let ours = render_csv(&pipeline, &outcome, opts).expect("render");
            let (entities, claims) = rows(&pipeline, &doc, &ex);
            // The CSV tables start each row with the doc_id cell, which
            // the JSONL output carries once per line instead.
            fn csv_of<T: Serialize>(rows: &[T]) -> String {
                let mut out = String::new();
                for r in rows {
                    let mut w = csv::WriterBuilder::new()
                        .has_headers(false)
                        .from_writer(Vec::new());
                    w.serialize(r).expect("serialize");
                    out.push_str("\"d,1\",");
                    out.push_str(
                        std::str::from_utf8(&w.into_inner().expect("flush"))
                            .expect("utf-8"),
                    );
                }
                out
            }
            let (want_entities, want_claims) =
                (csv_of(&entities), csv_of(&claims));
            assert_eq!(String::from_utf8_lossy(&ours.entities), want_entities);
            assert_eq!(String::from_utf8_lossy(&ours.claims), want_claims);
            checked.0 += entities.len();
            checked.1 += claims.len();
        }
        assert!(checked.0 > 50 && checked.1 > 5, "{checked:?}");
    }

    proptest::proptest! {
        /// Rows are written by hand; they must read back as the `csv`
        /// crate would have written them.
        #[test]
        fn records_quote_as_the_csv_crate(
            fields in proptest::collection::vec("[a-z,\"\r\n ']{0,6}", 2..6),
            safe in proptest::bool::ANY,
        ) {
            let mut ours = Vec::new();
            let mut record =
                Record::new(&mut ours, RenderOptions { safe_cells: safe });
            for f in &fields {
                record.raw(f);
            }
            record.num(42).end();
            let mut theirs = Vec::new();
            {
                let mut w = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(&mut theirs);
                let mut all: Vec<&str> =
                    fields.iter().map(String::as_str).collect();
                all.push("42");
                w.write_record(&all).expect("writing to memory");
            }
            proptest::prop_assert_eq!(
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&theirs)
            );
        }
    }

    #[test]
    fn quoting_is_found_at_any_position_and_length() {
        for len in 0..20 {
            let plain = "ab cd-ef'".repeat(3)[..len].to_string();
            assert!(!needs_quotes(plain.as_bytes()), "{plain:?}");
            for at in 0..len {
                for special in [b',', b'"', b'\r', b'\n'] {
                    let mut field = plain.clone().into_bytes();
                    field[at] = special;
                    assert!(needs_quotes(&field), "{field:?}");
                }
            }
        }
    }

    #[test]
    fn record_numbers_are_written_in_decimal() {
        let mut ours = Vec::new();
        let numbers =
            [0, 7, 10, 99, 100, 12_345, 99_999_999, 100_000_000, usize::MAX];
        let mut record = Record::new(&mut ours, RenderOptions::default());
        for n in numbers {
            record.num(n);
        }
        record.end();
        let theirs: Vec<String> = numbers.map(|n| n.to_string()).to_vec();
        assert_eq!(String::from_utf8_lossy(&ours), theirs.join(",") + "\n");
    }

    #[test]
    fn vocabulary_written_plain_needs_no_quotes() {
        use crate::annotation::{ClaimKind, EntityType, Operator};
        let kinds = [
            ClaimKind::Count,
            ClaimKind::Money,
            ClaimKind::Percent,
            ClaimKind::Quantity,
            ClaimKind::Fraction,
            ClaimKind::Multiplier,
            ClaimKind::Duration,
        ];
        let operators = [
            Operator::Eq,
            Operator::Approx,
            Operator::Gt,
            Operator::Ge,
            Operator::Lt,
            Operator::Le,
        ];
        let names = EntityType::ALL.map(EntityType::as_str).into_iter();
        let names = names
            .chain(kinds.map(ClaimKind::as_str))
            .chain(operators.map(Operator::as_str));
        for name in names {
            assert!(!needs_quotes(name.as_bytes()), "{name:?}");
        }
    }

    #[test]
    fn joined_cells_are_written_as_their_text() {
        let cases: &[&[&str]] = &[
            &["gazetteer:", "cities.tsv", ":", "geonames:1"],
            &["rule:", "a,b", "", ""],
            &["", "=x", "", ""],
            &["-", "say \"hi\"", "\n", ""],
            &["", "", "", ""],
            &["@home", "", "", ""],
        ];
        for parts in cases {
            for safe_cells in [true, false] {
                let opts = RenderOptions { safe_cells };
                let (mut ours, mut theirs) = (Vec::new(), Vec::new());
                Record::new(&mut ours, opts).raw("x").joined(parts).end();
                Record::new(&mut theirs, opts)
                    .raw("x")
                    .text(&parts.concat())
                    .end();
                assert_eq!(ours, theirs, "{parts:?} {safe_cells}");
            }
        }
    }

    #[test]
    fn chars_are_counted_as_code_points() {
        let text =
            "Côte d’Ivoire — 東京 🙂 plain ASCII, then é́ and ß.".repeat(3);
        for from in 0..text.len() {
            for to in from..=text.len() {
                let bytes = &text.as_bytes()[from..to];
                let want = bytes.iter().filter(|&&b| !is_continuation(b));
                assert_eq!(count_chars(bytes), want.count(), "{from}..{to}");
            }
        }
        let idx = CharIndex::new(&text);
        for (chars, (at, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.chars(at), chars);
        }
        assert_eq!(idx.len(), text.chars().count());
    }

    #[test]
    fn packed_digits_are_the_decimal_digits() {
        let check = |n: usize| {
            let (word, len) = packed_digits(n).expect("below 10^8");
            let bytes = word.to_le_bytes();
            assert_eq!(&bytes[..len], n.to_string().as_bytes(), "{n}");
            assert!(bytes[len..].iter().all(|&b| b == 0), "{n}");
        };
        (0..100_000).for_each(check);
        (0..100_000_000).step_by(997).for_each(check);
        for p in 1..8 {
            let power = 10usize.pow(p);
            (power - 2..power + 2).for_each(check);
        }
        check(99_999_999);
        assert_eq!(packed_digits(100_000_000), None);
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        for n in [0, 7, 10, 99, 12_345, usize::MAX] {
            assert_eq!(&*Num::new(n as u64), n.to_string());
        }
        for n in [0, 9, 10, 4_321, 99_999_999, 100_000_000, usize::MAX] {
            assert_eq!(numbered("d", "#e", n), format!("d#e{n}"));
        }
    }

    #[test]
    fn row_ids_are_written_as_their_text() {
        for doc in ["d1", "", "=x", "-", "a,b", "say \"hi\"", "\tx"] {
            for safe_cells in [true, false] {
                let opts = RenderOptions { safe_cells };
                let id = RowId { doc, tag: "#e", n: 12 };
                let (mut ours, mut theirs) = (Vec::new(), Vec::new());
                let doc_id = DocId::new(doc, opts);
                Record::new(&mut ours, opts)
                    .raw("x")
                    .escaped(&doc_id.cell)
                    .row_id(&doc_id, RowTag::Entity, 12)
                    .joined(&[doc, "#e", "", "12"])
                    .end();
                Record::new(&mut theirs, opts)
                    .raw("x")
                    .text(doc)
                    .text(&format!("{doc}#e12"))
                    .text(&format!("{doc}#e12"))
                    .end();
                assert_eq!(ours, theirs, "{doc:?}");
                assert_eq!(
                    serde_json::to_string(&id).expect("to memory"),
                    serde_json::to_string(&format!("{doc}#e12"))
                        .expect("to memory")
                );
            }
        }
    }

    #[test]
    fn char_index_matches_python_slicing() {
        let text = "a€😀b".repeat(40) + "é";
        let idx = CharIndex::new(&text);
        for (chars, (bytes, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.chars(bytes), chars);
        }
        assert_eq!(idx.len(), text.chars().count());
        let ascii = CharIndex::new("plain");
        assert_eq!(ascii.chars(3), 3);
    }

    #[test]
    fn formula_cells_are_neutralized_and_restored() {
        for bad in ["=1+1", "+x", "-5", "@SUM(A1)", "\tx", "\rx"] {
            let safe = neutralize(bad);
            assert!(safe.starts_with('\''), "{bad:?}");
            assert_eq!(unneutralize(&safe), bad);
        }
        assert_eq!(neutralize("Pakistan"), "Pakistan");
        assert_eq!(unneutralize("'quoted"), "'quoted");
    }

    #[test]
    fn values_print_as_display_does() {
        let values = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            -2.25,
            1e15,
            9_007_199_254_740_991.0,
            9_007_199_254_740_992.0,
            -9_007_199_254_740_993.0,
            1e21,
            1e-7,
            123_456.789,
            f64::MAX,
            f64::MIN_POSITIVE,
        ];
        for v in values {
            assert_eq!(format_value(v), format!("{v}"), "{v:?}");
        }
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(format_value(v), "");
        }
    }

    #[test]
    fn whole_values_print_as_display_does_around_eight_digits() {
        for n in [9_999_999_u64, 10_000_000, 99_999_999, 100_000_000] {
            for v in [n as f64, -(n as f64), n as f64 + 0.5] {
                assert_eq!(format_value(v), format!("{v}"), "{v:?}");
            }
        }
    }

    #[test]
    fn values_print_without_exponent() {
        assert_eq!(format_value(1_500_000.0), "1500000");
        assert_eq!(format_value(0.5), "0.5");
        assert_eq!(format_value(1e21), "1000000000000000000000");
    }
}
