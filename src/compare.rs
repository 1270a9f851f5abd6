//! Finding figures that disagree across sources.
//!
//! Claims from different documents are grouped when they state the same
//! kind of figure about the same thing: the same kind and unit, the same
//! counted head noun (`Afghans`, `Afghan` → `afghan`), the same subject
//! where both name one, and the same time (both empty, or equal after
//! normalizing case and spacing). Each claim allows a range of values
//! that respects its qualifier, and a group is a conflict when two
//! documents in it disagree: no figure one of them gives for the thing
//! agrees with any figure the other gives. (A document that gives two
//! figures under one key, `235,000 peacekeepers` deployed and `182
//! peacekeepers` killed, is speaking of two things; agreeing with either
//! clears it.)
//!
//! The range of a claim, for a value `v` whose last significant digit
//! stands for `u` (`u` = 100,000 in `1.5 million`):
//!
//! | operator | range |
//! |---|---|
//! | `=` | `v ± t`, `t` = the smaller of `u/2` and 5% of `v` (the figure was rounded) |
//! | `~` | `v ± t`, `t` = the smaller of `u/2` and 10% of `v` (`about`, `some`) |
//! | `~` below | `v - t` to `v`, `t` = the smaller of `u` and 10% of `v` (`nearly`, `almost`, `close to`, `just under`) |
//! | `>`, `>=` | above `v` |
//! | `<`, `<=` | below `v` |
//! | range | `value_min - u/2` to `value_max + u/2` |
//!
//! So `more than 235,000` and `240,000` agree, `nearly 1.5 million` and
//! `nearly 1.4 million` do not (the first says 1.4 to 1.5 million, the
//! second 1.3 to 1.4 million), nor do `1.5 million` and `1.1 million`;
//! `about 1.5 million` (1.45 to 1.55 million) agrees with the first.
//!
//! The table is read twice: once to group the claims (keeping only their
//! keys and ranges in memory), once to collect the rows of the groups in
//! conflict.

use std::collections::HashMap;
use std::fs::File;
use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};
use crate::output::{format_value, neutralize, unneutralize};

/// Columns a claims table must have.
pub const REQUIRED_COLUMNS: &[&str] = &["doc_id", "value", "counted"];

/// Header of the conflicts report.
pub const CONFLICT_COLUMNS: &[&str] = &[
    "group",
    "kind",
    "counted",
    "subject",
    "unit",
    "time",
    "doc_id",
    "claim_id",
    "text",
    "value",
    "operator",
    "low",
    "high",
    "start",
    "end",
    "row",
    "disagrees_with",
];

/// How many disagreeing claims a row lists before `(+N more)`.
const MAX_LISTED: usize = 10;

/// Qualifiers that put the true value just below the figure.
const BELOW: &[&str] = &[
    "nearly",
    "almost",
    "close to",
    "just under",
    "just shy of",
    "approaching",
];

/// Words that end a counted phrase's head: `arrests of refugees` is about
/// arrests.
const HEAD_ENDS: &[&str] = &[
    "of", "who", "that", "which", "in", "at", "from", "to", "for", "on",
    "with", "across", "over", "under", "by", "since", "during", "into",
];

/// The values a claim allows, `[low, high]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    /// Lowest value allowed.
    pub low: f64,
    /// Highest value allowed.
    pub high: f64,
}

impl Range {
    /// Whether some value satisfies both.
    pub fn meets(&self, other: &Range) -> bool {
        self.low <= other.high && other.low <= self.high
    }
}

/// The range a claim allows; see the module docs.
pub fn range_of(
    value: f64,
    operator: &str,
    qualifier: &str,
    min_max: Option<(f64, f64)>,
) -> Range {
    // A strict bound excludes the figure itself.
    let just = |v: f64| v.abs().max(1.0) * 1e-9;
    let u = rounding_unit(value);
    if let Some((lo, hi)) = min_max {
        let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
        let (ulo, uhi) = (rounding_unit(lo), rounding_unit(hi));
        return Range { low: lo - ulo / 2.0, high: hi + uhi / 2.0 };
    }
    match operator.trim() {
        "~" => {
            let q = qualifier.trim().to_lowercase();
            if BELOW.contains(&q.as_str()) {
                // "nearly 1.5 million": the writer would have said "more
                // than 1.4 million" if it were not above that.
                let t = u.min(value.abs() * 0.1);
                Range { low: value - t + just(value), high: value }
            } else {
                let t = (u / 2.0).min(value.abs() * 0.1);
                Range { low: value - t, high: value + t }
            }
        }
        ">" => Range { low: value + just(value), high: f64::INFINITY },
        ">=" => Range { low: value, high: f64::INFINITY },
        "<" => Range { low: f64::NEG_INFINITY, high: value - just(value) },
        "<=" => Range { low: f64::NEG_INFINITY, high: value },
        _ => {
            let t = (u / 2.0).min(value.abs() * 0.05);
            Range { low: value - t, high: value + t }
        }
    }
}

/// What the last significant digit of `v` stands for: 100,000 for
/// 1,500,000, 1 for 48, 0.1 for 4.7.
pub fn rounding_unit(v: f64) -> f64 {
    let v = v.abs();
    if v == 0.0 || !v.is_finite() {
        return 1.0;
    }
    // Round to 12 significant digits to shed binary noise (0.1 + 0.2).
    let mut unit = 10f64.powi(v.log10().floor() as i32 - 11);
    let digits = (v / unit).round();
    let mut d = digits as u64;
    while d > 0 && d.is_multiple_of(10) {
        d /= 10;
        unit *= 10.0;
    }
    unit
}

/// The head noun of a counted phrase, lowercased and singular:
/// `UN missions` → `mission`, `arrests of refugees` → `arrest`.
pub fn head_noun(counted: &str) -> String {
    let lower = counted.to_lowercase();
    let mut head = "";
    for word in lower.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
        if word.is_empty() {
            continue;
        }
        if HEAD_ENDS.contains(&word) {
            break;
        }
        head = word;
    }
    singular(head)
}

fn singular(w: &str) -> String {
    const IRREGULAR: &[(&str, &str)] = &[
        ("people", "person"),
        ("children", "child"),
        ("men", "man"),
        ("women", "woman"),
        ("lives", "life"),
        ("feet", "foot"),
        ("teeth", "tooth"),
        ("mice", "mouse"),
        ("geese", "goose"),
        ("police", "police"),
    ];
    if let Some((_, s)) = IRREGULAR.iter().find(|(p, _)| *p == w) {
        return (*s).to_string();
    }
    if w.len() > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..w.len() - 3]);
    }
    for end in ["ches", "shes", "sses", "xes", "zes"] {
        if w.ends_with(end) {
            return w[..w.len() - 2].to_string();
        }
    }
    if w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// Case, spacing and a leading preposition aside: `In 2025` = `2025`.
fn normal(s: &str) -> String {
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let skip = usize::from(
        matches!(
            words.first(),
            Some(&("in" | "on" | "at" | "by" | "since" | "during"))
        ) && words.len() > 1,
    );
    words[skip..].join(" ")
}

/// What groups claims, except the subject.
#[derive(Clone, Debug, Eq, Hash, PartialEq, PartialOrd, Ord)]
struct Key {
    kind: String,
    unit: String,
    head: String,
    time: String,
}

/// One claim as the first pass keeps it.
#[derive(Clone, Copy, Debug)]
struct Entry {
    doc: u32,
    range: Range,
}

/// Column positions.
#[derive(Clone, Debug)]
struct Columns {
    doc_id: usize,
    value: usize,
    counted: usize,
    claim_id: Option<usize>,
    text: Option<usize>,
    operator: Option<usize>,
    qualifier: Option<usize>,
    value_min: Option<usize>,
    value_max: Option<usize>,
    unit: Option<usize>,
    subject: Option<usize>,
    time: Option<usize>,
    kind: Option<usize>,
    start: Option<usize>,
    end: Option<usize>,
}

/// One row read from the claims table.
#[derive(Clone, Debug)]
struct Claim {
    key: Key,
    subject: String,
    doc_id: String,
    range: Range,
}

/// A claim of a conflicting group, as written to the report.
#[derive(Clone, Debug, PartialEq)]
pub struct ConflictRow {
    /// 1-based number of the group in the report.
    pub group: usize,
    /// The claim kind (`COUNT`, ...), if the table has one.
    pub kind: String,
    /// The counted head noun shared by the group.
    pub counted: String,
    /// The subject of the group (empty when none).
    pub subject: String,
    /// The unit shared by the group.
    pub unit: String,
    /// The time shared by the group (normalized).
    pub time: String,
    /// The claim's document.
    pub doc_id: String,
    /// The claim's id.
    pub claim_id: String,
    /// The claim's phrase.
    pub text: String,
    /// The claim's value, as written.
    pub value: String,
    /// The claim's operator.
    pub operator: String,
    /// The range the claim allows.
    pub range: Range,
    /// The phrase's code-point offsets, as written.
    pub start: String,
    /// End offset, as written.
    pub end: String,
    /// 1-based data row of the claim in the table.
    pub row: u64,
    /// Claim ids (or rows) from other documents this claim disagrees with.
    pub disagrees_with: Vec<String>,
}

/// What `compare` found.
#[derive(Clone, Debug, Default)]
pub struct CompareSummary {
    /// Data rows read.
    pub rows: u64,
    /// Rows grouped (with a value and a counted noun).
    pub grouped: u64,
    /// Groups holding claims from two documents or more.
    pub groups: usize,
    /// Of those, groups whose figures disagree.
    pub conflicts: usize,
    /// Rows that could not be read, with their line numbers.
    pub bad_rows: Vec<String>,
}

/// Compares the claims of `table`, handing each row of each conflicting
/// group to `sink`, group by group.
///
/// # Errors
///
/// When the table cannot be read, lacks a required column (the message
/// names the columns it has), or `sink` fails.
pub fn compare<F>(table: &Path, mut sink: F) -> Result<CompareSummary>
where
    F: FnMut(&ConflictRow) -> Result<()>,
{
    let mut summary = CompareSummary::default();
    let mut reader = open(table)?;
    let columns = columns(table, &mut reader)?;
    // Pass 1: keys and ranges only.
    let mut docs: HashMap<String, u32> = HashMap::new();
    let mut groups: HashMap<Key, HashMap<String, Vec<Entry>>> = HashMap::new();
    each_row(table, &mut reader, &columns, &mut summary, true, |_, claim| {
        let next = u32::try_from(docs.len()).unwrap_or(u32::MAX);
        let doc = *docs.entry(claim.doc_id).or_insert(next);
        groups
            .entry(claim.key)
            .or_default()
            .entry(claim.subject)
            .or_default()
            .push(Entry { doc, range: claim.range });
    })?;
    // Which (key, subject) groups span documents, and which disagree.
    let mut conflicting: HashMap<(Key, String), usize> = HashMap::new();
    let mut order: Vec<(Key, String)> = Vec::new();
    let mut keys: Vec<&Key> = groups.keys().collect();
    keys.sort();
    for key in keys {
        let by_subject = &groups[key];
        let empty: &[Entry] = by_subject.get("").map_or(&[], |v| v.as_slice());
        let mut subjects: Vec<&String> =
            by_subject.keys().filter(|s| !s.is_empty()).collect();
        subjects.sort();
        let mut check = |subject: &str, entries: Vec<Entry>| {
            if spans_documents(&entries) {
                summary.groups += 1;
                if disagrees(&entries) {
                    order.push((key.clone(), subject.to_string()));
                }
            }
        };
        if subjects.is_empty() {
            check("", empty.to_vec());
        }
        for s in subjects {
            let mut entries = by_subject[s].clone();
            entries.extend_from_slice(empty);
            check(s, entries);
        }
    }
    drop(groups);
    summary.conflicts = order.len();
    for (i, g) in order.iter().enumerate() {
        conflicting.insert(g.clone(), i);
    }
    if order.is_empty() {
        return Ok(summary);
    }
    // Pass 2: the rows of the conflicting groups.
    let mut members: Vec<Vec<ConflictRow>> = vec![Vec::new(); order.len()];
    let mut reader = open(table)?;
    reader.read_byte_record(&mut csv::ByteRecord::new())?;
    let mut scratch = CompareSummary::default();
    let mut subjects_of: HashMap<Key, Vec<(String, usize)>> = HashMap::new();
    for ((key, subject), &i) in &conflicting {
        subjects_of.entry(key.clone()).or_default().push((subject.clone(), i));
    }
    each_row(
        table,
        &mut reader,
        &columns,
        &mut scratch,
        false,
        |r, claim| {
            let Some(targets) = subjects_of.get(&claim.key) else { return };
            for (subject, i) in targets {
                if claim.subject == *subject || claim.subject.is_empty() {
                    members[*i].push(ConflictRow {
                        group: i + 1,
                        kind: claim.key.kind.clone(),
                        counted: claim.key.head.clone(),
                        subject: subject.clone(),
                        unit: claim.key.unit.clone(),
                        time: claim.key.time.clone(),
                        doc_id: claim.doc_id.clone(),
                        claim_id: r.claim_id.clone(),
                        text: r.text.clone(),
                        value: r.value.clone(),
                        operator: r.operator.clone(),
                        range: claim.range,
                        start: r.start.clone(),
                        end: r.end.clone(),
                        row: r.row,
                        disagrees_with: Vec::new(),
                    });
                }
            }
        },
    )?;
    for rows in &mut members {
        let ids: Vec<String> = rows
            .iter()
            .map(|r| {
                if r.claim_id.is_empty() {
                    format!("row {}", r.row)
                } else {
                    r.claim_id.clone()
                }
            })
            .collect();
        // Which documents disagree, decided once per pair.
        let mut doc_of: HashMap<&str, usize> = HashMap::new();
        let mut ranges: Vec<Vec<Range>> = Vec::new();
        let row_doc: Vec<usize> = rows
            .iter()
            .map(|r| {
                let d =
                    *doc_of.entry(r.doc_id.as_str()).or_insert_with(|| {
                        ranges.push(Vec::new());
                        ranges.len() - 1
                    });
                ranges[d].push(r.range);
                d
            })
            .collect();
        for list in &mut ranges {
            dedup(list);
        }
        let n = ranges.len();
        let mut apart = vec![false; n * n];
        for a in 0..n {
            for b in a + 1..n {
                let d = documents_disagree(&ranges[a], &ranges[b]);
                apart[a * n + b] = d;
                apart[b * n + a] = d;
            }
        }
        let against: Vec<Vec<String>> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let mut out: Vec<String> = Vec::new();
                let mut more = 0usize;
                for (j, o) in rows.iter().enumerate() {
                    if apart[row_doc[i] * n + row_doc[j]]
                        && !o.range.meets(&r.range)
                    {
                        if out.len() < MAX_LISTED {
                            out.push(ids[j].clone());
                        } else {
                            more += 1;
                        }
                    }
                }
                if more > 0 {
                    out.push(format!("(+{more} more)"));
                }
                out
            })
            .collect();
        for (row, against) in rows.iter_mut().zip(against) {
            row.disagrees_with = against;
        }
        for row in rows.iter() {
            sink(row)?;
        }
    }
    Ok(summary)
}

fn spans_documents(entries: &[Entry]) -> bool {
    entries.iter().any(|e| e.doc != entries[0].doc)
}

/// Whether two documents of a group disagree: no figure one gives
/// agrees with any figure the other gives. A document that states several
/// figures under one key (`235,000 peacekeepers deployed`, `182
/// peacekeepers killed`) is speaking of several things, so one agreeing
/// figure is enough to clear it.
fn documents_disagree(a: &[Range], b: &[Range]) -> bool {
    a.iter().all(|x| b.iter().all(|y| !x.meets(y)))
}

/// The ranges of each document in `entries`.
fn by_document(entries: &[Entry]) -> Vec<(u32, Vec<Range>)> {
    let mut docs: Vec<(u32, Vec<Range>)> = Vec::new();
    let mut at: HashMap<u32, usize> = HashMap::new();
    for e in entries {
        let i = *at.entry(e.doc).or_insert_with(|| {
            docs.push((e.doc, Vec::new()));
            docs.len() - 1
        });
        docs[i].1.push(e.range);
    }
    docs
}

/// Sorts and drops repeated ranges (a document repeating a figure).
fn dedup(list: &mut Vec<Range>) {
    list.sort_by(|a, b| {
        a.low.total_cmp(&b.low).then(a.high.total_cmp(&b.high))
    });
    list.dedup();
}

/// Whether two documents of the group disagree.
fn disagrees(entries: &[Entry]) -> bool {
    let mut docs = by_document(entries);
    for (_, list) in &mut docs {
        dedup(list);
    }
    docs.iter().enumerate().any(|(i, (_, a))| {
        docs[i + 1..].iter().any(|(_, b)| documents_disagree(a, b))
    })
}

/// The cells of a row kept for the report.
#[derive(Debug, Default)]
struct Raw {
    row: u64,
    claim_id: String,
    text: String,
    value: String,
    operator: String,
    start: String,
    end: String,
}

fn each_row<F>(
    table: &Path,
    reader: &mut csv::Reader<File>,
    c: &Columns,
    summary: &mut CompareSummary,
    count: bool,
    mut f: F,
) -> Result<()>
where
    F: FnMut(&Raw, Claim),
{
    let mut record = csv::StringRecord::new();
    let mut row = 0u64;
    loop {
        let line = reader.position().line();
        match reader.read_record(&mut record) {
            Ok(false) => return Ok(()),
            Ok(true) => {}
            Err(e) if matches!(e.kind(), csv::ErrorKind::Io(_)) => {
                return Err(Error::table(table, e.to_string()))
            }
            Err(e) => {
                row += 1;
                if count {
                    summary.rows += 1;
                    let at = e.position().map_or(line, |p| p.line());
                    summary.bad_rows.push(format!("line {at}: {e}"));
                }
                continue;
            }
        }
        row += 1;
        if count {
            summary.rows += 1;
        }
        let get = |i: Option<usize>| {
            i.and_then(|i| record.get(i))
                .map_or("", |s| unneutralize(s.trim()))
        };
        // A repeated header from concatenated tables.
        if get(Some(c.doc_id)) == "doc_id" && get(Some(c.value)) == "value" {
            continue;
        }
        let value = get(Some(c.value));
        let counted = get(Some(c.counted));
        if value.is_empty() || counted.is_empty() {
            continue;
        }
        let line = record.position().map_or(line, |p| p.line());
        let num = |s: &str| s.replace(',', "").parse::<f64>().ok();
        let Some(v) = num(value).filter(|v| v.is_finite()) else {
            if count {
                summary.bad_rows.push(format!(
                    "line {line}: value {value:?} is not a number"
                ));
            }
            continue;
        };
        let min_max = match (num(get(c.value_min)), num(get(c.value_max))) {
            (Some(a), Some(b)) => Some((a, b)),
            _ => None,
        };
        let operator = get(c.operator);
        let range = range_of(v, operator, get(c.qualifier), min_max);
        let head = head_noun(counted);
        if head.is_empty() {
            continue;
        }
        if count {
            summary.grouped += 1;
        }
        let claim = Claim {
            key: Key {
                kind: get(c.kind).to_uppercase(),
                unit: get(c.unit).to_string(),
                head,
                time: normal(get(c.time)),
            },
            subject: normal(get(c.subject)),
            doc_id: get(Some(c.doc_id)).to_string(),
            range,
        };
        let raw = Raw {
            row,
            claim_id: get(c.claim_id).to_string(),
            text: get(c.text).to_string(),
            value: value.to_string(),
            operator: if operator.is_empty() {
                "=".into()
            } else {
                operator.into()
            },
            start: get(c.start).to_string(),
            end: get(c.end).to_string(),
        };
        f(&raw, claim);
    }
}

fn open(path: &Path) -> Result<csv::Reader<File>> {
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    Ok(csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(file))
}

fn columns(path: &Path, reader: &mut csv::Reader<File>) -> Result<Columns> {
    let mut record = csv::StringRecord::new();
    let header: Vec<String> = match reader.read_record(&mut record) {
        Ok(true) => record
            .iter()
            .map(|h| h.trim_start_matches('\u{FEFF}').trim().to_lowercase())
            .collect(),
        Ok(false) => {
            return Err(Error::table(path, "the table is empty: no header"))
        }
        Err(e) => return Err(Error::table(path, format!("header: {e}"))),
    };
    let find = |name: &str| header.iter().position(|h| h == name);
    let missing: Vec<&str> = REQUIRED_COLUMNS
        .iter()
        .copied()
        .filter(|c| find(c).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(Error::table(
            path,
            format!(
                "no {} column (columns: {})",
                missing.join(", "),
                header.join(", ")
            ),
        ));
    }
    let need = |name: &str| find(name).expect("checked above");
    Ok(Columns {
        doc_id: need("doc_id"),
        value: need("value"),
        counted: need("counted"),
        claim_id: find("claim_id"),
        text: find("text"),
        operator: find("operator"),
        qualifier: find("qualifier"),
        value_min: find("value_min"),
        value_max: find("value_max"),
        unit: find("unit"),
        subject: find("subject"),
        time: find("time"),
        kind: find("kind"),
        start: find("start"),
        end: find("end"),
    })
}

/// Writes the conflicts report as CSV, with spreadsheet-safe text cells.
#[derive(Debug)]
pub struct ConflictWriter<W: Write> {
    writer: csv::Writer<W>,
}

impl<W: Write> ConflictWriter<W> {
    /// Writes the header to `out`.
    ///
    /// # Errors
    ///
    /// When writing fails.
    pub fn new(out: W) -> Result<ConflictWriter<W>> {
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(CONFLICT_COLUMNS)?;
        Ok(ConflictWriter { writer })
    }

    /// Writes one row.
    ///
    /// # Errors
    ///
    /// When writing fails.
    pub fn write(&mut self, r: &ConflictRow) -> Result<()> {
        let bound = |v: f64| {
            if v.is_finite() {
                format_value(v)
            } else {
                String::new()
            }
        };
        self.writer.write_record([
            r.group.to_string().as_str(),
            &r.kind,
            &neutralize(&r.counted),
            &neutralize(&r.subject),
            &r.unit,
            &neutralize(&r.time),
            &neutralize(&r.doc_id),
            &neutralize(&r.claim_id),
            &neutralize(&r.text),
            &r.value,
            &r.operator,
            &bound(r.range.low),
            &bound(r.range.high),
            &r.start,
            &r.end,
            &r.row.to_string(),
            &neutralize(&r.disagrees_with.join(" ")),
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
    fn rounding_units() {
        let cases: &[(f64, f64)] = &[
            (1_500_000.0, 100_000.0),
            (235_000.0, 1000.0),
            (48.0, 1.0),
            (50.0, 10.0),
            (4.7, 0.1),
            (0.5, 0.1),
            (0.0, 1.0),
        ];
        for &(v, want) in cases {
            let got = rounding_unit(v);
            assert!((got - want).abs() < want * 1e-9, "{v}: {got} != {want}");
        }
    }

    #[test]
    fn agreement_respects_qualifiers() {
        // (value, operator, qualifier) pairs and whether they agree.
        type C = (f64, &'static str, &'static str);
        let cases: &[(C, C, bool)] = &[
            ((235_000.0, ">", "more than"), (240_000.0, "=", ""), true),
            ((235_000.0, ">", "more than"), (200_000.0, "=", ""), false),
            ((1_500_000.0, "=", ""), (1_100_000.0, "=", ""), false),
            ((1_500_000.0, "=", ""), (1_500_000.0, "=", ""), true),
            (
                (1_500_000.0, "~", "nearly"),
                (1_400_000.0, "~", "nearly"),
                false,
            ),
            ((1_500_000.0, "~", "nearly"), (1_450_000.0, "=", ""), true),
            ((1_500_000.0, "~", "about"), (1_520_000.0, "=", ""), true),
            ((1_500_000.0, "~", "about"), (1_500_000.0, "~", "nearly"), true),
            ((1_500_000.0, "~", "about"), (1_400_000.0, "~", "nearly"), false),
            ((2000.0, "~", "about"), (2150.0, "=", ""), true),
            ((2000.0, "~", "about"), (2500.0, "=", ""), false),
            ((50.0, "<", "fewer than"), (60.0, "=", ""), false),
            ((50.0, "<=", "up to"), (50.0, "=", ""), true),
        ];
        for &((v1, o1, q1), (v2, o2, q2), want) in cases {
            let a = range_of(v1, o1, q1, None);
            let b = range_of(v2, o2, q2, None);
            assert_eq!(
                a.meets(&b),
                want,
                "{q1} {v1} vs {q2} {v2}: {a:?} {b:?}"
            );
        }
    }

    #[test]
    fn head_nouns() {
        let cases = [
            ("Afghans", "afghan"),
            ("Afghan", "afghan"),
            ("UN missions", "mission"),
            ("arrests and detentions of Afghan refugees", "detention"),
            ("formed police units", "unit"),
            ("countries", "country"),
            ("people", "person"),
            ("houses", "house"),
            ("glasses", "glass"),
            ("", ""),
        ];
        for (counted, want) in cases {
            assert_eq!(head_noun(counted), want, "{counted:?}");
        }
    }

    #[test]
    fn conflicts_need_two_documents() {
        let e = |doc, low, high| Entry { doc, range: Range { low, high } };
        assert!(!disagrees(&[e(0, 1.0, 2.0), e(0, 5.0, 6.0)]));
        assert!(disagrees(&[e(0, 1.0, 2.0), e(1, 5.0, 6.0)]));
        assert!(!disagrees(&[e(0, 1.0, 2.0), e(1, 1.5, 6.0)]));
        // Document 0 states two figures; document 1 agrees with one.
        assert!(!disagrees(&[e(0, 1.0, 2.0), e(0, 9.0, 9.5), e(1, 9.2, 9.3)]));
        // A third document agrees with neither of document 0's.
        assert!(disagrees(&[e(0, 1.0, 2.0), e(0, 9.0, 9.5), e(1, 3.0, 4.0)]));
    }
}
