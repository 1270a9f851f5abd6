//! Checking a fact table against its sources, row by row.
//!
//! The table is one of factspan's own (`entities.csv`, `claims.csv`) or a
//! spreadsheet typed or edited by hand, with at least a `doc_id` column and
//! a quote column (`text`, `quote` or `claim`), optionally code-point
//! `start`/`end` offsets, a `value`, a `qualifier` and an `operator`. Each
//! row gets a [`Status`]: does the document exist and is it unchanged, is
//! the quote where the row says (or, without offsets, where is it), does
//! the figure in the source still parse to the row's value, and was a
//! qualifier (`nearly`) dropped on the way into the spreadsheet?
//!
//! Memory holds only the documents the table refers to: [`Audit::prepare`]
//! reads the table once for its `doc_id`s, [`Audit::run`] reads the
//! sources in one pass keeping only those documents, then streams the
//! table again and hands one [`AuditRow`] per input row to the caller.
//!
//! ```
//! use factspan::audit::{Audit, AuditOptions, Status};
//! use factspan::Document;
//!
//! let dir = tempfile::tempdir()?;
//! let table = dir.path().join("sheet.csv");
//! std::fs::write(&table, "doc_id,quote,value\nd1,1.4 million,1400000\n")?;
//! let doc = Document::new("d1", "inline", "Nearly 1.5 million returned.");
//! let audit = Audit::prepare(&table, &AuditOptions::default())?;
//! let mut rows = Vec::new();
//! audit.run([Ok(doc)], |row| {
//!     rows.push(row.status);
//!     Ok(())
//! })?;
//! assert_eq!(rows, [Status::QuoteNotFound]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::annotation::Operator;
use crate::document::{Document, Rejection};
use crate::error::{Error, Result};
use crate::numbers::{parse_figure, Figure};
use crate::output::{neutralize, sha256_hex, unneutralize};
use crate::segment::{Segmentation, Segmenter};
use crate::span::Span;

/// Quote columns tried in order when none is named.
pub const QUOTE_COLUMNS: &[&str] = &["text", "quote", "claim"];

/// Id columns copied to the report, tried in order.
pub const ID_COLUMNS: &[&str] = &["claim_id", "entity_id", "id"];

/// How many words before a quote are searched for a dropped qualifier
/// (`more than`, `as many as`).
const QUALIFIER_WORDS: usize = 4;

/// The outcome of auditing one row, from best to worst reported first.
///
/// When a row has several problems, the status is the one listed last
/// here (a missing document outranks everything) and `detail` names all.
#[derive(Clone, Copy, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
pub enum Status {
    /// Everything checks out.
    Ok,
    /// A qualifier before the quote in the source is missing from the row.
    QualifierDropped,
    /// The figure in the source does not parse to the row's value.
    ValueMismatch,
    /// Without offsets: the quote occurs more than once.
    Ambiguous,
    /// The offsets do not hold the quote (which occurs elsewhere).
    SpanMismatch,
    /// The quote occurs nowhere in the document.
    QuoteNotFound,
    /// The document differs from the one `documents.csv` hashed.
    SourceChanged,
    /// The document is not among the sources (or was rejected).
    MissingDocument,
    /// The row itself is unreadable: bad UTF-8, a non-numeric offset or
    /// value, an empty quote.
    BadRow,
}

impl Status {
    /// Every status, in the order of the summary.
    pub const ALL: [Status; 9] = [
        Status::Ok,
        Status::SpanMismatch,
        Status::QuoteNotFound,
        Status::Ambiguous,
        Status::ValueMismatch,
        Status::QualifierDropped,
        Status::MissingDocument,
        Status::SourceChanged,
        Status::BadRow,
    ];

    /// The name written to the `status` column.
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::QualifierDropped => "qualifier_dropped",
            Status::ValueMismatch => "value_mismatch",
            Status::Ambiguous => "ambiguous",
            Status::SpanMismatch => "span_mismatch",
            Status::QuoteNotFound => "quote_not_found",
            Status::SourceChanged => "source_changed",
            Status::MissingDocument => "missing_document",
            Status::BadRow => "bad_row",
        }
    }

    fn index(self) -> usize {
        Status::ALL.iter().position(|&s| s == self).expect("ALL lists all")
    }
}

/// Settings of an audit.
#[derive(Clone, Debug, Default)]
pub struct AuditOptions {
    /// The quote column; by default the first of [`QUOTE_COLUMNS`].
    pub quote_column: Option<String>,
}

/// The report of one input row.
#[derive(Clone, Debug, PartialEq)]
pub struct AuditRow {
    /// 1-based number of the row among the table's data rows.
    pub row: u64,
    /// 1-based line of the file where the row starts.
    pub line: u64,
    /// The row's document id.
    pub doc_id: String,
    /// The row's id (`claim_id`, `entity_id` or `id`), if the table has one.
    pub id: String,
    /// The verdict.
    pub status: Status,
    /// Where the quote is, in code points, when it was found once (or,
    /// after a span mismatch, the occurrence nearest the given offsets).
    pub span: Option<(usize, usize)>,
    /// How many times the quote occurs in the document.
    pub matches: usize,
    /// The row's quote, with spreadsheet safety undone.
    pub quote: String,
    /// The sentence around the located quote.
    pub sentence: String,
    /// What differs; empty when ok.
    pub detail: String,
}

/// Counts of rows by status.
#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub struct AuditSummary {
    /// Data rows read.
    pub rows: u64,
    counts: [u64; 9],
    /// Distinct documents the table refers to.
    pub documents_referenced: usize,
    /// Of those, documents found among the sources.
    pub documents_found: usize,
}

impl AuditSummary {
    /// Rows with `status`.
    pub fn count(&self, status: Status) -> u64 {
        self.counts[status.index()]
    }

    /// Whether every row is ok.
    pub fn all_ok(&self) -> bool {
        self.count(Status::Ok) == self.rows
    }

    fn add(&mut self, status: Status) {
        self.rows += 1;
        self.counts[status.index()] += 1;
    }
}

/// Where the columns the audit reads are in the table.
#[derive(Clone, Debug)]
struct Columns {
    doc_id: usize,
    quote: usize,
    id: Option<(usize, String)>,
    start: Option<usize>,
    end: Option<usize>,
    value: Option<usize>,
    qualifier: Option<usize>,
    operator: Option<usize>,
}

/// An audit of one table: its columns and the documents it refers to,
/// read by [`Audit::prepare`]; [`Audit::run`] does the checking.
#[derive(Debug)]
pub struct Audit {
    table: PathBuf,
    columns: Columns,
    referenced: HashSet<String>,
    /// `doc_id -> sha256` from a `documents.csv` beside the table.
    hashes: Option<(PathBuf, HashMap<String, String>)>,
    segmenter: Segmenter,
}

impl Audit {
    /// Reads `table`'s header and its `doc_id`s (one pass), and the hashes
    /// of those documents from a `documents.csv` in the same folder.
    ///
    /// # Errors
    ///
    /// When the table cannot be read, or lacks `doc_id` or a quote column
    /// (the message names the columns it has).
    pub fn prepare(table: &Path, options: &AuditOptions) -> Result<Audit> {
        let mut reader = open_csv(table)?;
        let header = read_header(table, &mut reader)?;
        let columns = find_columns(table, &header, options)?;
        let mut referenced = HashSet::new();
        let mut record = csv::ByteRecord::new();
        loop {
            match reader.read_byte_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {
                    if let Some(id) = cell(&record, columns.doc_id) {
                        if !referenced.contains(id) {
                            referenced.insert(id.to_string());
                        }
                    }
                }
                // A bad row is reported in the second pass.
                Err(e) if !is_io(&e) => {}
                Err(e) => return Err(Error::table(table, e.to_string())),
            }
        }
        let hashes = read_hashes(table, &referenced)?;
        Ok(Audit {
            table: table.to_path_buf(),
            columns,
            referenced,
            hashes,
            segmenter: Segmenter::new(),
        })
    }

    /// The name of the id column copied to the report (`claim_id`,
    /// `entity_id` or `id`).
    pub fn id_column(&self) -> &str {
        self.columns.id.as_ref().map_or("id", |(_, name)| name.as_str())
    }

    /// The `documents.csv` whose hashes are checked, if one was found.
    pub fn documents_table(&self) -> Option<&Path> {
        self.hashes.as_ref().map(|(p, _)| p.as_path())
    }

    /// Reads `sources` (as [`crate::input::Reader`] yields them) keeping
    /// the documents the table refers to, then checks every row of the
    /// table in order, handing each report row to `sink`.
    ///
    /// # Errors
    ///
    /// When the table cannot be read again, or `sink` fails. A bad row is
    /// not an error: it is reported with [`Status::BadRow`].
    pub fn run<I, F>(&self, sources: I, mut sink: F) -> Result<AuditSummary>
    where
        I: IntoIterator<Item = std::result::Result<Document, Rejection>>,
        F: FnMut(&AuditRow) -> Result<()>,
    {
        let mut docs: HashMap<String, Source> = HashMap::new();
        let mut rejected: HashMap<String, String> = HashMap::new();
        for item in sources {
            match item {
                Ok(doc) if self.referenced.contains(&doc.id) => {
                    let sha =
                        self.hashes.as_ref().map(|_| sha256_hex(&doc.text));
                    docs.insert(doc.id, Source::new(doc.text, sha));
                }
                Ok(_) => {}
                Err(r) if self.referenced.contains(&r.id) => {
                    rejected.entry(r.id).or_insert_with(|| {
                        format!("{} ({})", r.reason, r.source)
                    });
                }
                Err(_) => {}
            }
        }
        let mut summary = AuditSummary {
            documents_referenced: self.referenced.len(),
            documents_found: docs.len(),
            ..AuditSummary::default()
        };
        let mut reader = open_csv(&self.table)?;
        read_header(&self.table, &mut reader)?;
        let mut record = csv::ByteRecord::new();
        let mut row = 0u64;
        loop {
            let line = reader.position().line();
            let read = reader.read_byte_record(&mut record);
            let report = match read {
                Ok(false) => break,
                Ok(true) => {
                    row += 1;
                    let line = record.position().map_or(line, |p| p.line());
                    // A bug in a check (a panic) spoils its row only.
                    let check = std::panic::AssertUnwindSafe(|| {
                        self.check(&record, row, line, &docs, &rejected)
                    });
                    std::panic::catch_unwind(check).unwrap_or_else(|panic| {
                        AuditRow::bad(
                            row,
                            line,
                            format!(
                                "line {line}: internal error checking the row \
                                 (a bug: please report): {}",
                                crate::error::panic_message(&*panic)
                            ),
                        )
                    })
                }
                Err(e) if !is_io(&e) => {
                    row += 1;
                    let line = e.position().map_or(line, |p| p.line());
                    AuditRow::bad(row, line, format!("line {line}: {e}"))
                }
                Err(e) => {
                    return Err(Error::table(&self.table, e.to_string()))
                }
            };
            summary.add(report.status);
            sink(&report)?;
        }
        Ok(summary)
    }

    fn check(
        &self,
        record: &csv::ByteRecord,
        row: u64,
        line: u64,
        docs: &HashMap<String, Source>,
        rejected: &HashMap<String, String>,
    ) -> AuditRow {
        let c = &self.columns;
        let text_of =
            |i: usize, name: &str| -> std::result::Result<&str, String> {
                match record.get(i) {
                    None => Err(format!("line {line}: no {name} cell")),
                    Some(b) => std::str::from_utf8(b).map_err(|e| {
                        format!("line {line}: {name} is not UTF-8 ({e})")
                    }),
                }
            };
        // A short row (the table is read flexibly) has empty cells.
        let optional = |i: Option<usize>, name: &str| match i {
            Some(i) if record.get(i).is_some() => text_of(i, name),
            _ => Ok(""),
        };
        let parsed = (|| {
            let doc_id = unneutralize(text_of(c.doc_id, "doc_id")?.trim());
            let quote = unneutralize(text_of(c.quote, "quote")?);
            let id = match &c.id {
                Some((i, name)) => unneutralize(optional(Some(*i), name)?),
                None => "",
            };
            let start = optional(c.start, "start")?.trim();
            let end = optional(c.end, "end")?.trim();
            let value = optional(c.value, "value")?.trim();
            let qualifier = unneutralize(optional(c.qualifier, "qualifier")?);
            let operator = optional(c.operator, "operator")?.trim();
            Ok::<_, String>(Cells {
                doc_id,
                quote,
                id,
                start,
                end,
                value,
                qualifier,
                operator,
            })
        })();
        let cells = match parsed {
            Ok(cells) => cells,
            Err(detail) => return AuditRow::bad(row, line, detail),
        };
        let mut out = AuditRow {
            row,
            line,
            doc_id: cells.doc_id.to_string(),
            id: cells.id.to_string(),
            status: Status::Ok,
            span: None,
            matches: 0,
            quote: cells.quote.to_string(),
            sentence: String::new(),
            detail: String::new(),
        };
        let offsets = match parse_offsets(cells.start, cells.end) {
            Ok(o) => o,
            Err(e) => return out.into_bad(format!("line {line}: {e}")),
        };
        let value = match cells.value {
            "" => None,
            v => match parse_value(v) {
                Some(v) => Some(v),
                None => {
                    return out.into_bad(format!(
                        "line {line}: value {v:?} is not a number"
                    ))
                }
            },
        };
        if cells.quote.trim().is_empty() {
            return out.into_bad(format!("line {line}: the quote is empty"));
        }
        let Some(doc) = docs.get(cells.doc_id) else {
            let detail = match rejected.get(cells.doc_id) {
                Some(why) => format!("the source was rejected: {why}"),
                None => {
                    format!("no document {:?} in the sources", cells.doc_id)
                }
            };
            out.flag(Status::MissingDocument, detail);
            return out;
        };
        if let (Some((path, hashes)), Some(now)) = (&self.hashes, &doc.sha) {
            match hashes.get(cells.doc_id) {
                Some(then) if !then.is_empty() && then != now => out.flag(
                    Status::SourceChanged,
                    format!(
                        "sha256 {} in {} but {} now",
                        short(then),
                        path.display(),
                        short(now)
                    ),
                ),
                _ => {}
            }
        }
        let span = match self.locate(doc, &cells, offsets, &mut out) {
            Some(span) => span,
            None => return out,
        };
        out.span = Some((doc.chars_of(span.start), doc.chars_of(span.end)));
        let sentence = doc.sentence_around(&self.segmenter, span);
        out.sentence = sentence.of(&doc.text).to_string();
        if let Some(want) = value {
            self.check_value(doc, span, sentence, want, &cells, &mut out);
        }
        out
    }

    /// Finds the row's quote in the document; `None` when there is no
    /// single place to point at.
    fn locate(
        &self,
        doc: &Source,
        cells: &Cells<'_>,
        offsets: Option<(usize, usize)>,
        out: &mut AuditRow,
    ) -> Option<Span> {
        let quote = cells.quote;
        if let Some((start, end)) = offsets {
            let slice = match (doc.byte_of(start), doc.byte_of(end)) {
                (Some(s), Some(e)) if s <= e => Some(Span::new(s, e)),
                _ => None,
            };
            let held = slice.map(|s| s.of(&doc.text));
            if let Some(held) = held {
                if held == quote {
                    out.matches = 1;
                    return slice;
                }
                if normalize(held).0 == normalize(quote.trim()).0 {
                    out.matches = 1;
                    out.note("the quote matches after normalizing spaces, quote marks and dashes");
                    return slice;
                }
            }
            let what = match held {
                Some(h) => format!("offsets {start}-{end} hold {:?}", clip(h)),
                None => format!(
                    "offsets {start}-{end} are outside the document's {} code points",
                    doc.chars_of(doc.text.len())
                ),
            };
            let found = doc.find(quote);
            out.matches = found.len();
            let Some(nearest) = found
                .iter()
                .copied()
                .min_by_key(|s| doc.chars_of(s.start).abs_diff(start))
            else {
                out.flag(
                    Status::QuoteNotFound,
                    format!("{what}; the quote is nowhere in the document"),
                );
                return None;
            };
            let (s, e) =
                (doc.chars_of(nearest.start), doc.chars_of(nearest.end));
            let elsewhere = if found.len() == 1 {
                format!("the quote is at {s}-{e}")
            } else {
                format!(
                    "the quote occurs {} times: {}",
                    found.len(),
                    doc.list(&found)
                )
            };
            out.flag(Status::SpanMismatch, format!("{what}; {elsewhere}"));
            return Some(nearest);
        }
        let found = doc.find(quote);
        out.matches = found.len();
        match found.len() {
            0 => {
                out.flag(
                    Status::QuoteNotFound,
                    "the quote is nowhere in the document".to_string(),
                );
                None
            }
            1 => Some(found[0]),
            n => {
                out.flag(
                    Status::Ambiguous,
                    format!(
                        "the quote occurs {n} times: {}",
                        doc.list(&found)
                    ),
                );
                None
            }
        }
    }

    fn check_value(
        &self,
        doc: &Source,
        span: Span,
        sentence: Span,
        want: f64,
        cells: &Cells<'_>,
        out: &mut AuditRow,
    ) {
        let text = doc.text.as_str();
        let Some(figure) = figure_at(text, span, sentence) else {
            out.flag(
                Status::ValueMismatch,
                format!(
                    "the row says {} but no figure parses in {:?}",
                    fmt_value(want),
                    clip(span.of(text))
                ),
            );
            return;
        };
        if !same_value(figure.value, want) {
            out.flag(
                Status::ValueMismatch,
                format!(
                    "the row says {} but the source says {} ({:?})",
                    fmt_value(want),
                    fmt_value(figure.value),
                    clip(span.of(text))
                ),
            );
            return;
        }
        if figure.qualifier.is_some() {
            return;
        }
        let Some((qualifier, operator, from)) =
            self.qualifier_before(doc, span, sentence)
        else {
            return;
        };
        let kept = contains_words(cells.qualifier, &qualifier)
            || contains_words(cells.quote, &qualifier)
            || (!cells.operator.is_empty()
                && cells.operator == operator.as_str());
        if !kept {
            out.flag(
                Status::QualifierDropped,
                format!(
                    "the source says {:?}; the row drops {qualifier:?}",
                    clip(&text[from..span.end])
                ),
            );
        }
    }

    /// A qualifier just before `span` in its sentence that the number
    /// grammar attaches to the figure in `span`: its text, operator, and
    /// where it starts.
    fn qualifier_before(
        &self,
        doc: &Source,
        span: Span,
        sentence: Span,
    ) -> Option<(String, Operator, usize)> {
        let text = doc.text.as_str();
        let starts = doc.word_starts_before(
            &self.segmenter,
            span.start,
            sentence.start,
        );
        let prefix_figure = |from: usize| {
            let phrase = &text[from..span.end];
            let prefix = span.start - from;
            // The figure must be the quote's own, not one in the words
            // before it.
            parse_figure(phrase).filter(|f| f.value_span.start >= prefix)
        };
        for (k, &from) in starts.iter().enumerate().take(QUALIFIER_WORDS) {
            let Some(f) = prefix_figure(from) else { continue };
            let Some(q) = f.qualifier.filter(|q| from + q.start < span.start)
            else {
                continue;
            };
            // The grammar reads a qualifier in the light of the word
            // before it ("edged up to 4.7 percent" is a direction, not
            // "up to"), as the claims stage did when it read the sentence.
            if let Some(g) = starts.get(k + 1).and_then(|&w| prefix_figure(w))
            {
                g.qualifier?;
            }
            let q = text[from + q.start..from + q.end].trim().to_string();
            return Some((q, f.operator, from));
        }
        None
    }
}

/// The cells of one row the audit reads.
struct Cells<'r> {
    doc_id: &'r str,
    quote: &'r str,
    id: &'r str,
    start: &'r str,
    end: &'r str,
    value: &'r str,
    qualifier: &'r str,
    operator: &'r str,
}

impl AuditRow {
    fn bad(row: u64, line: u64, detail: String) -> AuditRow {
        AuditRow {
            row,
            line,
            doc_id: String::new(),
            id: String::new(),
            status: Status::BadRow,
            span: None,
            matches: 0,
            quote: String::new(),
            sentence: String::new(),
            detail,
        }
    }

    fn into_bad(mut self, detail: String) -> AuditRow {
        self.status = Status::BadRow;
        self.detail = detail;
        self
    }

    /// Records a problem: the worst status wins, every detail is kept.
    fn flag(&mut self, status: Status, detail: String) {
        self.status = self.status.max(status);
        self.note(&detail);
    }

    fn note(&mut self, detail: &str) {
        if !self.detail.is_empty() {
            self.detail.push_str("; ");
        }
        self.detail.push_str(detail);
    }
}

/// A source document kept for the audit, with indexes built on first use.
struct Source {
    text: String,
    sha: Option<String>,
    /// Byte offset of every 64th code point; empty for ASCII text.
    checkpoints: Vec<usize>,
    segmentation: OnceCell<Segmentation>,
    normalized: OnceCell<(String, Vec<usize>)>,
}

impl Source {
    fn new(text: String, sha: Option<String>) -> Source {
        let checkpoints = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices().step_by(64).map(|(i, _)| i).collect()
        };
        Source {
            text,
            sha,
            checkpoints,
            segmentation: OnceCell::new(),
            normalized: OnceCell::new(),
        }
    }

    /// The byte offset of code point `at`, if within the text.
    fn byte_of(&self, at: usize) -> Option<usize> {
        if self.checkpoints.is_empty() {
            return (at <= self.text.len()).then_some(at);
        }
        let base = *self.checkpoints.get(at / 64)?;
        let rest = at % 64;
        if rest == 0 {
            return Some(base);
        }
        let mut it = self.text[base..].char_indices().skip(rest);
        match it.next() {
            Some((i, _)) => Some(base + i),
            None => (self.text[base..].chars().count() == rest)
                .then_some(self.text.len()),
        }
    }

    /// The code-point offset of byte offset `at` (a char boundary).
    fn chars_of(&self, at: usize) -> usize {
        if self.checkpoints.is_empty() {
            return at;
        }
        let block = self.checkpoints.partition_point(|&b| b <= at) - 1;
        let base = self.checkpoints[block];
        block * 64 + self.text[base..at].chars().count()
    }

    fn segmentation(&self, segmenter: &Segmenter) -> &Segmentation {
        self.segmentation.get_or_init(|| {
            let mut seg = Segmentation::default();
            segmenter.segment(&self.text, &mut seg);
            seg
        })
    }

    /// The sentence (or run of sentences) holding `span`.
    fn sentence_around(&self, segmenter: &Segmenter, span: Span) -> Span {
        let seg = self.segmentation(segmenter);
        if seg.sentences.is_empty() {
            return span;
        }
        let first = seg.sentences[seg.sentence_at(span.start)].span;
        let last = seg.sentences
            [seg.sentence_at(span.end.saturating_sub(1).max(span.start))]
        .span;
        Span::new(first.start.min(span.start), last.end.max(span.end))
    }

    /// Starts of the words before byte `at` in the sentence starting at
    /// `floor`, nearest first.
    fn word_starts_before(
        &self,
        segmenter: &Segmenter,
        at: usize,
        floor: usize,
    ) -> Vec<usize> {
        let seg = self.segmentation(segmenter);
        let end = seg.tokens.partition_point(|t| t.span.end <= at);
        seg.tokens[..end]
            .iter()
            .rev()
            .take_while(|t| t.span.start >= floor)
            .take(QUALIFIER_WORDS + 1)
            .map(|t| t.span.start)
            .collect()
    }

    /// Every place `quote` occurs: exactly if it does, otherwise after
    /// normalizing whitespace, quote marks and dashes.
    fn find(&self, quote: &str) -> Vec<Span> {
        let exact = find_all(&self.text, quote);
        if !exact.is_empty() {
            return exact;
        }
        let (norm_quote, _) = normalize(quote.trim());
        if norm_quote.is_empty() {
            return Vec::new();
        }
        let (norm, map) =
            self.normalized.get_or_init(|| normalize(&self.text));
        find_all(norm, &norm_quote)
            .into_iter()
            .map(|s| Span::new(map[s.start], map[s.end]))
            .collect()
    }

    fn list(&self, spans: &[Span]) -> String {
        let mut out = Vec::new();
        for s in spans.iter().take(10) {
            out.push(format!(
                "{}-{}",
                self.chars_of(s.start),
                self.chars_of(s.end)
            ));
        }
        if spans.len() > 10 {
            out.push("...".to_string());
        }
        out.join(", ")
    }
}

/// Every occurrence of `needle` in `hay` that does not cut a word in two.
fn find_all(hay: &str, needle: &str) -> Vec<Span> {
    if needle.is_empty() {
        return Vec::new();
    }
    let first = needle.chars().next().is_some_and(char::is_alphanumeric);
    let last = needle.chars().next_back().is_some_and(char::is_alphanumeric);
    memchr::memmem::find_iter(hay.as_bytes(), needle.as_bytes())
        .map(|i| Span::new(i, i + needle.len()))
        .filter(|s| {
            let before = hay[..s.start].chars().next_back();
            let after = hay[s.end..].chars().next();
            let cuts_before =
                first && before.is_some_and(char::is_alphanumeric);
            let cuts_after = last && after.is_some_and(char::is_alphanumeric);
            !cuts_before && !cuts_after
        })
        .collect()
}

/// Folds what typing or a spreadsheet changes without changing meaning:
/// curly and straight quote marks, the dashes, and runs of whitespace.
/// Returns the folded text and, for each of its bytes (and its end), the
/// byte offset in `text` it came from.
fn normalize(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        let folded = match c {
            c if c.is_whitespace() => ' ',
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {
                ' '
            }
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}'
            | '`' | '\u{B4}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}'
            | '\u{AB}' | '\u{BB}' => '"',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}'
            | '\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => '-',
            c => c,
        };
        if folded == ' ' {
            if in_space {
                continue;
            }
            in_space = true;
        } else {
            in_space = false;
        }
        for _ in 0..folded.len_utf8() {
            map.push(i);
        }
        out.push(folded);
    }
    map.push(text.len());
    (out, map)
}

/// The figure the number grammar reads in `span`; when the quote alone
/// reads as none (the grammar looks at the next word to tell a count from
/// a code), the figure starting in it when read with the rest of its
/// sentence.
fn figure_at(text: &str, span: Span, sentence: Span) -> Option<Figure> {
    let quote = span.of(text);
    if let Some(f) = parse_figure(quote) {
        return Some(f);
    }
    let end = sentence.end.max(span.end);
    let rest = &text[span.start..end];
    parse_figure(rest).filter(|f| f.value_span.start < quote.len())
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// A value cell: a plain number (`1500000`, `1,500,000`) or a figure the
/// number grammar reads (`1.5 million`).
fn parse_value(cell: &str) -> Option<f64> {
    let plain: String =
        cell.chars().filter(|&c| c != ',' && c != '_').collect();
    if let Ok(v) = plain.trim().parse::<f64>() {
        return v.is_finite().then_some(v);
    }
    parse_figure(cell).map(|f| f.value)
}

fn parse_offsets(
    start: &str,
    end: &str,
) -> std::result::Result<Option<(usize, usize)>, String> {
    match (start, end) {
        ("", "") => Ok(None),
        (s, e) => {
            let num = |name: &str, v: &str| {
                v.parse::<usize>().map_err(|_| {
                    format!("{name} {v:?} is not a code-point offset")
                })
            };
            let (s, e) = (num("start", s)?, num("end", e)?);
            if s > e {
                return Err(format!("start {s} is after end {e}"));
            }
            Ok(Some((s, e)))
        }
    }
}

/// Whether `hay` holds the words of `needle` (case and spacing aside).
fn contains_words(hay: &str, needle: &str) -> bool {
    let hay = normalize(&hay.to_lowercase()).0;
    let needle = normalize(&needle.to_lowercase()).0;
    !needle.is_empty() && !find_all(&hay, needle.trim()).is_empty()
}

fn fmt_value(v: f64) -> String {
    crate::output::format_value(v)
}

fn short(sha: &str) -> &str {
    sha.get(..12).unwrap_or(sha)
}

/// A quote shortened for a message.
fn clip(s: &str) -> String {
    const MAX: usize = 80;
    if s.chars().count() <= MAX {
        return s.to_string();
    }
    let mut out: String = s.chars().take(MAX).collect();
    out.push('…');
    out
}

fn is_io(e: &csv::Error) -> bool {
    matches!(e.kind(), csv::ErrorKind::Io(_))
}

fn open_csv(path: &Path) -> Result<csv::Reader<File>> {
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    Ok(csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(file))
}

fn read_header(
    path: &Path,
    reader: &mut csv::Reader<File>,
) -> Result<Vec<String>> {
    let mut record = csv::StringRecord::new();
    match reader.read_record(&mut record) {
        Ok(true) => Ok(record
            .iter()
            .map(|h| h.trim_start_matches('\u{FEFF}').trim().to_lowercase())
            .collect()),
        Ok(false) => Err(Error::table(path, "the table is empty: no header")),
        Err(e) => Err(Error::table(path, format!("header: {e}"))),
    }
}

fn find_columns(
    path: &Path,
    header: &[String],
    options: &AuditOptions,
) -> Result<Columns> {
    let find = |name: &str| header.iter().position(|h| h == name);
    let found = || {
        if header.is_empty() {
            "none".to_string()
        } else {
            header.join(", ")
        }
    };
    let doc_id = find("doc_id").ok_or_else(|| {
        Error::table(path, format!("no doc_id column (columns: {})", found()))
    })?;
    let quote = match &options.quote_column {
        Some(name) => find(&name.trim().to_lowercase()).ok_or_else(|| {
            Error::table(
                path,
                format!("no {name} column (columns: {})", found()),
            )
        })?,
        None => {
            QUOTE_COLUMNS.iter().find_map(|c| find(c)).ok_or_else(|| {
                Error::table(
                    path,
                    format!(
                    "no quote column: expected one of {} or --quote-column \
                     (columns: {})",
                    QUOTE_COLUMNS.join(", "),
                    found()
                ),
                )
            })?
        }
    };
    let (start, end) = (find("start"), find("end"));
    if start.is_some() != end.is_some() {
        return Err(Error::table(
            path,
            format!("start and end go together (columns: {})", found()),
        ));
    }
    Ok(Columns {
        doc_id,
        quote,
        id: ID_COLUMNS
            .iter()
            .find_map(|c| find(c).map(|i| (i, c.to_string()))),
        start,
        end,
        value: find("value"),
        qualifier: find("qualifier"),
        operator: find("operator"),
    })
}

fn cell(record: &csv::ByteRecord, i: usize) -> Option<&str> {
    let s = std::str::from_utf8(record.get(i)?).ok()?;
    Some(unneutralize(s.trim()))
}

/// Reads `doc_id -> sha256` for `wanted` from a `documents.csv` beside
/// `table`, if there is one (and `table` is not it).
fn read_hashes(
    table: &Path,
    wanted: &HashSet<String>,
) -> Result<Option<(PathBuf, HashMap<String, String>)>> {
    let dir = match table.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let path = dir.join("documents.csv");
    if !path.is_file() || table.file_name() == path.file_name() {
        return Ok(None);
    }
    let mut reader = open_csv(&path)?;
    let header = read_header(&path, &mut reader)?;
    let (Some(id), Some(sha)) = (
        header.iter().position(|h| h == "doc_id"),
        header.iter().position(|h| h == "sha256"),
    ) else {
        // Someone else's documents.csv: nothing to check against.
        return Ok(None);
    };
    let mut hashes = HashMap::new();
    let mut record = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                if let (Some(i), Some(s)) =
                    (cell(&record, id), cell(&record, sha))
                {
                    if wanted.contains(i) {
                        hashes.insert(i.to_string(), s.to_lowercase());
                    }
                }
            }
            Err(e) if !is_io(&e) => {}
            Err(e) => return Err(Error::table(&path, e.to_string())),
        }
    }
    Ok(Some((path, hashes)))
}

/// Header of the audit report; the id column is named after the table's.
pub fn report_columns(id_column: &str) -> [&str; 10] {
    [
        "row", "doc_id", id_column, "status", "start", "end", "matches",
        "quote", "sentence", "detail",
    ]
}

/// Writes the audit report as CSV, with spreadsheet-safe text cells.
#[derive(Debug)]
pub struct ReportWriter<W: Write> {
    writer: csv::Writer<W>,
}

impl<W: Write> ReportWriter<W> {
    /// Writes the header to `out`.
    ///
    /// # Errors
    ///
    /// When writing fails.
    pub fn new(out: W, id_column: &str) -> Result<ReportWriter<W>> {
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(report_columns(id_column))?;
        Ok(ReportWriter { writer })
    }

    /// Writes one row.
    ///
    /// # Errors
    ///
    /// When writing fails.
    pub fn write(&mut self, row: &AuditRow) -> Result<()> {
        let (start, end) = match row.span {
            Some((s, e)) => (s.to_string(), e.to_string()),
            None => (String::new(), String::new()),
        };
        self.writer.write_record([
            row.row.to_string().as_str(),
            &neutralize(&row.doc_id),
            &neutralize(&row.id),
            row.status.as_str(),
            &start,
            &end,
            &row.matches.to_string(),
            &neutralize(&row.quote),
            &neutralize(&row.sentence),
            &neutralize(&row.detail),
        ])?;
        Ok(())
    }

    /// Flushes the writer and returns the output.
    ///
    /// # Errors
    ///
    /// When flushing fails.
    pub fn finish(self) -> Result<W> {
        self.writer.into_inner().map_err(|e| Error::from(e.into_error()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_point_offsets_round_trip() {
        let texts = [
            "plain ascii text",
            "Côte d’Ivoire — “quoted” ",
            &"é".repeat(200),
        ];
        for text in texts {
            let src = Source::new(text.to_string(), None);
            for (chars, (byte, _)) in text.char_indices().enumerate() {
                assert_eq!(
                    src.byte_of(chars),
                    Some(byte),
                    "{text:?} at {chars}"
                );
                assert_eq!(src.chars_of(byte), chars, "{text:?} at {byte}");
            }
            let n = text.chars().count();
            assert_eq!(src.byte_of(n), Some(text.len()));
            assert_eq!(src.chars_of(text.len()), n);
            assert_eq!(src.byte_of(n + 1), None);
        }
    }

    #[test]
    fn quotes_are_found_exactly_then_loosely() {
        let text = "He said “it’s 48” — twice: it’s 48.\nOf 1948 and 480.";
        let cases: &[(&str, usize)] = &[
            ("it’s 48", 2),
            ("it's 48", 2),
            ("“it's 48\" - twice", 1),
            ("48\" - twice:", 1),
            ("twice:   it’s", 1),
            ("48", 2), // not inside 1948 or 480
            ("Of 1948", 1),
            ("49", 0),
        ];
        let src = Source::new(text.to_string(), None);
        for (quote, want) in cases {
            let found = src.find(quote);
            assert_eq!(found.len(), *want, "{quote:?}: {found:?}");
            for s in found {
                let got = s.of(text);
                assert_eq!(
                    normalize(got).0,
                    normalize(quote).0,
                    "{quote:?} located as {got:?}"
                );
            }
        }
    }

    #[test]
    fn values_read_as_numbers_or_figures() {
        let cases: &[(&str, Option<f64>)] = &[
            ("1500000", Some(1_500_000.0)),
            ("1,500,000", Some(1_500_000.0)),
            ("0.5", Some(0.5)),
            ("1.5 million", Some(1_500_000.0)),
            ("many", None),
        ];
        for (cell, want) in cases {
            assert_eq!(parse_value(cell), *want, "{cell:?}");
        }
    }

    #[test]
    fn worst_status_wins_and_details_accumulate() {
        let mut row = AuditRow::bad(1, 2, String::new());
        row.status = Status::Ok;
        row.flag(Status::ValueMismatch, "a".into());
        row.flag(Status::QualifierDropped, "b".into());
        assert_eq!(row.status, Status::ValueMismatch);
        row.flag(Status::SourceChanged, "c".into());
        assert_eq!(row.status, Status::SourceChanged);
        assert_eq!(row.detail, "a; b; c");
    }

    #[test]
    fn offsets_cells() {
        assert_eq!(parse_offsets("", ""), Ok(None));
        assert_eq!(parse_offsets("3", "7"), Ok(Some((3, 7))));
        assert!(parse_offsets("7", "3").is_err());
        assert!(parse_offsets("x", "3").is_err());
        assert!(parse_offsets("3", "").is_err());
    }
}
