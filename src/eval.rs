//! Scoring entities against hand-annotated gold data.
//!
//! The gold format is one JSON document per line,
//! `{"id", "text", "entities": [{"start", "end", "label", "optional"}]}`,
//! offsets in code points. Scoring follows the project's reference scorer
//! (`score.py`) exactly, so numbers can be compared across tools:
//!
//! * labels are compared upper-cased, and only the chosen labels count;
//! * `exact`: a prediction is right when (doc, start, end, label) equals
//!   a gold entity, one-to-one;
//! * `overlap`: a maximum one-to-one matching of same-label spans that
//!   share a character, so one long prediction cannot take credit for two
//!   gold entities;
//! * an optional gold entity is never a miss, and a prediction that
//!   matches one is not a false positive.
//!
//! [`evaluate`] is pure; [`read_gold`] and [`predict`] gather its inputs.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use crate::document::Rejection;
use crate::error::{Error, Result};
use crate::input::Item;
use crate::output::{self, Outcome};
use crate::pipeline::{Pipeline, RunOptions};

/// Labels in the order the reference scorer lists them; other labels
/// follow in sorted order.
pub const CANONICAL: [&str; 13] = [
    "PERSON",
    "ORGANIZATION",
    "LOCATION",
    "NATIONALITY",
    "MISC",
    "COUNT",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "DATE",
    "TIME",
    "DURATION",
    "OTHER",
];

/// One annotated entity of a gold document (code-point offsets).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct GoldEntity {
    /// Code-point start.
    pub start: usize,
    /// Code-point end (exclusive).
    pub end: usize,
    /// The label, upper-cased.
    pub label: String,
    /// Whether finding it is allowed but not required.
    pub optional: bool,
}

/// One gold document.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct GoldDoc {
    /// The document id.
    pub id: String,
    /// The text the offsets refer to.
    pub text: String,
    /// The annotated entities, in file order.
    pub entities: Vec<GoldEntity>,
}

/// One predicted entity (code-point offsets).
#[derive(Clone, Debug, Eq, Ord, PartialEq, PartialOrd)]
pub struct Prediction {
    /// The document id.
    pub doc_id: String,
    /// Code-point start.
    pub start: usize,
    /// Code-point end (exclusive).
    pub end: usize,
    /// The label, upper-cased.
    pub label: String,
}

/// How predictions are matched to gold entities.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub enum Mode {
    /// Same start, end and label.
    #[default]
    Exact,
    /// Same label and at least one shared character, one-to-one.
    Overlap,
}

impl Mode {
    /// The mode's name: `exact` or `overlap`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Mode::Exact => "exact",
            Mode::Overlap => "overlap",
        }
    }
}

/// Counts for one label, or summed over labels.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub struct Counts {
    /// Required gold entities.
    pub gold: usize,
    /// Predictions, less those that matched an optional gold entity.
    pub pred: usize,
    /// Predictions matched to a required gold entity.
    pub tp: usize,
    /// Optional gold entities.
    pub optional_gold: usize,
    /// Optional gold entities matched by a prediction.
    pub optional_matched: usize,
}

impl Counts {
    /// `tp / pred`, 0 when there are no predictions.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.pred)
    }

    /// `tp / gold`, 0 when there is no gold entity.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.gold)
    }

    /// The harmonic mean of precision and recall, 0 when both are 0.
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }

    /// False positives and false negatives.
    pub fn fp_fn(&self) -> (usize, usize) {
        (self.pred - self.tp, self.gold - self.tp)
    }

    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.pred += o.pred;
        self.tp += o.tp;
        self.optional_gold += o.optional_gold;
        self.optional_matched += o.optional_matched;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// A false positive or false negative.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Miss {
    /// Index of the document in the gold list.
    pub doc: usize,
    /// Code-point start.
    pub start: usize,
    /// Code-point end.
    pub end: usize,
    /// The label.
    pub label: String,
}

/// What [`evaluate`] found.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// The matching mode.
    pub mode: Mode,
    /// Number of gold documents.
    pub docs: usize,
    /// Number of gold documents with at least one prediction (any label).
    pub docs_with_predictions: usize,
    /// Counts per scored label, in the scored order.
    pub per_label: Vec<(String, Counts)>,
    /// Unmatched predictions, in document order then by offsets.
    pub false_positives: Vec<Miss>,
    /// Unmatched required gold entities, in the same order.
    pub false_negatives: Vec<Miss>,
}

impl Evaluation {
    /// Counts summed over the scored labels.
    pub fn micro(&self) -> Counts {
        let mut tot = Counts::default();
        for (_, c) in &self.per_label {
            tot.add(c);
        }
        tot
    }

    /// Precision, recall and F1 averaged over the scored labels.
    pub fn macro_scores(&self) -> (f64, f64, f64) {
        let n = self.per_label.len().max(1) as f64;
        let sum = |f: fn(&Counts) -> f64| {
            self.per_label.iter().map(|(_, c)| f(c)).sum::<f64>() / n
        };
        (sum(Counts::precision), sum(Counts::recall), sum(Counts::f1))
    }
}

/// Normalizes a label as the reference scorer does: trimmed, upper-cased.
pub fn norm_label(label: &str) -> String {
    label.trim().to_uppercase()
}

/// Parses a comma-separated label list: normalized, empty items and
/// repeats dropped, order kept.
pub fn parse_labels(list: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in list.split(',').map(norm_label) {
        if !l.is_empty() && !out.contains(&l) {
            out.push(l);
        }
    }
    out
}

/// Every label seen in gold or predictions: [`CANONICAL`] ones first, in
/// that order, then the others sorted.
pub fn seen_labels(gold: &[GoldDoc], preds: &[Prediction]) -> Vec<String> {
    let seen: BTreeSet<&str> = gold
        .iter()
        .flat_map(|d| d.entities.iter().map(|e| e.label.as_str()))
        .chain(preds.iter().map(|p| p.label.as_str()))
        .collect();
    let mut out: Vec<String> = CANONICAL
        .iter()
        .filter(|l| seen.contains(*l))
        .map(|l| l.to_string())
        .collect();
    out.extend(
        seen.iter().filter(|l| !CANONICAL.contains(l)).map(|l| l.to_string()),
    );
    out
}

/// Scores `preds` against `gold` on `labels` (all labels seen when
/// `None`). Predictions for documents not in `gold` are ignored.
pub fn evaluate(
    gold: &[GoldDoc],
    preds: &[Prediction],
    labels: Option<&[String]>,
    mode: Mode,
) -> Evaluation {
    let labels: Vec<String> = match labels {
        Some(l) => l.to_vec(),
        None => seen_labels(gold, preds),
    };
    let scored: HashSet<&str> = labels.iter().map(String::as_str).collect();
    let mut by_doc: HashMap<&str, Vec<(usize, usize, &str)>> = HashMap::new();
    for p in preds {
        if scored.contains(p.label.as_str()) {
            by_doc
                .entry(&p.doc_id)
                .or_default()
                .push((p.start, p.end, &p.label));
        }
    }
    let mut counts: HashMap<&str, Counts> =
        labels.iter().map(|l| (l.as_str(), Counts::default())).collect();
    let (mut fps, mut fns) = (Vec::new(), Vec::new());
    for (di, doc) in gold.iter().enumerate() {
        let mut dp = by_doc.remove(doc.id.as_str()).unwrap_or_default();
        dp.sort();
        let mut dg: Vec<(usize, usize, &str, bool)> = doc
            .entities
            .iter()
            .filter(|e| scored.contains(e.label.as_str()))
            .map(|e| (e.start, e.end, e.label.as_str(), e.optional))
            .collect();
        dg.sort();
        let doc_labels: BTreeSet<&str> =
            dp.iter().map(|x| x.2).chain(dg.iter().map(|x| x.2)).collect();
        for lab in doc_labels {
            let p: Vec<(usize, usize)> =
                dp.iter().filter(|x| x.2 == lab).map(|x| (x.0, x.1)).collect();
            let g: Vec<(usize, usize)> = dg
                .iter()
                .filter(|x| x.2 == lab && !x.3)
                .map(|x| (x.0, x.1))
                .collect();
            let o: Vec<(usize, usize)> = dg
                .iter()
                .filter(|x| x.2 == lab && x.3)
                .map(|x| (x.0, x.1))
                .collect();
            let c = counts.get_mut(lab).expect("only scored labels are kept");
            c.gold += g.len();
            c.optional_gold += o.len();
            let (tp, leftover, missed) = match mode {
                Mode::Exact => match_exact(&p, &g, &o, c),
                Mode::Overlap => match_overlap(&p, &g, &o, c),
            };
            c.tp += tp;
            c.pred += tp + leftover.len();
            let miss = |&(start, end): &(usize, usize)| Miss {
                doc: di,
                start,
                end,
                label: lab.to_string(),
            };
            fps.extend(leftover.iter().map(miss));
            fns.extend(missed.iter().map(miss));
        }
    }
    let key = |m: &Miss| (m.doc, m.start, m.end, m.label.clone());
    fps.sort_by_key(key);
    fns.sort_by_key(key);
    let with_preds: HashSet<&str> =
        preds.iter().map(|p| p.doc_id.as_str()).collect();
    Evaluation {
        mode,
        docs: gold.len(),
        docs_with_predictions: gold
            .iter()
            .filter(|d| with_preds.contains(d.id.as_str()))
            .count(),
        per_label: labels
            .iter()
            .map(|l| (l.clone(), counts[l.as_str()]))
            .collect(),
        false_positives: fps,
        false_negatives: fns,
    }
}

type Spans = Vec<(usize, usize)>;

/// Exact matching of one label in one document: returns the true
/// positives, the unmatched predictions and the missed gold spans.
fn match_exact(
    p: &[(usize, usize)],
    g: &[(usize, usize)],
    o: &[(usize, usize)],
    c: &mut Counts,
) -> (usize, Spans, Spans) {
    let mut avail: HashMap<(usize, usize), usize> = HashMap::new();
    for sp in g {
        *avail.entry(*sp).or_default() += 1;
    }
    let mut avail_o: HashMap<(usize, usize), usize> = HashMap::new();
    for sp in o {
        *avail_o.entry(*sp).or_default() += 1;
    }
    let mut matched: HashMap<(usize, usize), usize> = HashMap::new();
    let mut tp = 0;
    let mut leftover = Vec::new();
    for sp in p {
        if let Some(n) = avail.get_mut(sp).filter(|n| **n > 0) {
            *n -= 1;
            *matched.entry(*sp).or_default() += 1;
            tp += 1;
        } else if let Some(n) = avail_o.get_mut(sp).filter(|n| **n > 0) {
            *n -= 1;
            c.optional_matched += 1;
        } else {
            leftover.push(*sp);
        }
    }
    let mut missed = Vec::new();
    for sp in g {
        match matched.get_mut(sp).filter(|n| **n > 0) {
            Some(n) => *n -= 1,
            None => missed.push(*sp),
        }
    }
    (tp, leftover, missed)
}

/// Overlap matching of one label in one document, as [`match_exact`].
fn match_overlap(
    p: &[(usize, usize)],
    g: &[(usize, usize)],
    o: &[(usize, usize)],
    c: &mut Counts,
) -> (usize, Spans, Spans) {
    let m1 = overlap_match(p, g);
    let tp = m1.iter().flatten().count();
    let rest: Vec<(usize, usize)> = p
        .iter()
        .zip(&m1)
        .filter(|(_, m)| m.is_none())
        .map(|(sp, _)| *sp)
        .collect();
    let m2 = overlap_match(&rest, o);
    c.optional_matched += m2.iter().flatten().count();
    let leftover = rest
        .iter()
        .zip(&m2)
        .filter(|(_, m)| m.is_none())
        .map(|(sp, _)| *sp)
        .collect();
    let hit: HashSet<usize> = m1.iter().flatten().copied().collect();
    let missed =
        (0..g.len()).filter(|j| !hit.contains(j)).map(|j| g[j]).collect();
    (tp, leftover, missed)
}

/// A maximum matching of predictions to overlapping gold spans: for each
/// prediction, the gold index it is matched to. Each prediction prefers
/// the gold span it overlaps most, then the one nearest in offsets.
pub fn overlap_match(
    preds: &[(usize, usize)],
    golds: &[(usize, usize)],
) -> Vec<Option<usize>> {
    let edges: Vec<Vec<usize>> = preds
        .iter()
        .map(|&(ps, pe)| {
            let mut cands: Vec<(isize, usize, usize)> = golds
                .iter()
                .enumerate()
                .filter(|(_, &(gs, ge))| ps < ge && gs < pe)
                .map(|(j, &(gs, ge))| {
                    let shared = pe.min(ge) - ps.max(gs);
                    (-(shared as isize), ps.abs_diff(gs) + pe.abs_diff(ge), j)
                })
                .collect();
            cands.sort();
            cands.into_iter().map(|c| c.2).collect()
        })
        .collect();
    max_matching(&edges, golds.len())
}

/// Kuhn's augmenting paths with an explicit stack. `edges[u]` lists the
/// right vertices of left vertex `u` in preference order; returns the
/// right vertex matched to each left vertex. Left vertices are tried in
/// order and edges in preference order, so the result is deterministic
/// (and the same as the reference scorer's).
fn max_matching(edges: &[Vec<usize>], n_right: usize) -> Vec<Option<usize>> {
    let mut match_r: Vec<Option<usize>> = vec![None; n_right];
    let mut match_l: Vec<Option<usize>> = vec![None; edges.len()];
    for root in 0..edges.len() {
        let mut seen = vec![false; n_right];
        let mut parent = vec![0usize; n_right];
        // (left vertex, next edge to try)
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        let mut found = None;
        while found.is_none() {
            let Some((u, next)) = stack.last_mut() else { break };
            let u = *u;
            let mut step = None;
            while let Some(&v) = edges[u].get(*next) {
                *next += 1;
                if !seen[v] {
                    seen[v] = true;
                    parent[v] = u;
                    step = Some(v);
                    break;
                }
            }
            match step {
                None => {
                    stack.pop();
                }
                Some(v) => match match_r[v] {
                    Some(l) => stack.push((l, 0)),
                    None => found = Some(v),
                },
            }
        }
        let mut v = found;
        while let Some(right) = v {
            let u = parent[right];
            let prev = match_l[u];
            match_r[right] = Some(u);
            match_l[u] = Some(right);
            v = if u == root { None } else { prev };
        }
    }
    match_l
}

/// Reads a gold JSONL file. `id_field` and `text_field` name the id and
/// text fields as for [`crate::input::InputOptions`]; blank lines are
/// skipped.
///
/// # Errors
///
/// A line that is not a JSON object with an id, a text and an `entities`
/// list, a repeated id, or an entity span outside its text.
pub fn read_gold(
    path: &Path,
    id_field: &str,
    text_field: &str,
) -> Result<Vec<GoldDoc>> {
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut docs = Vec::new();
    let mut ids = HashSet::new();
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| Error::io(path, e))?;
        if line.trim().is_empty() {
            continue;
        }
        let bad =
            |m: String| Error::table(path, format!("line {}: {m}", n + 1));
        let doc = parse_gold_line(&line, id_field, text_field).map_err(bad)?;
        if !ids.insert(doc.id.clone()) {
            return Err(bad(format!("duplicate doc id {:?}", doc.id)));
        }
        docs.push(doc);
    }
    Ok(docs)
}

fn parse_gold_line(
    line: &str,
    id_field: &str,
    text_field: &str,
) -> std::result::Result<GoldDoc, String> {
    use serde_json::Value;
    let value: Value =
        serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    // Ids as the input reader makes them, so predictions find their doc.
    let id = match value.get(id_field) {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => return Err(format!("no `{id_field}`")),
    };
    let Some(Value::String(text)) = value.get(text_field) else {
        return Err(format!("no string `{text_field}`"));
    };
    let Some(Value::Array(items)) = value.get("entities") else {
        return Err("no `entities` list".into());
    };
    let len = text.chars().count();
    let mut entities = Vec::with_capacity(items.len());
    for e in items {
        let int = |k: &str| -> Option<usize> {
            match e.get(k)? {
                Value::Number(n) => n.as_u64().map(|v| v as usize),
                Value::String(s) => s.trim().parse().ok(),
                _ => None,
            }
        };
        let label = match e.get("label") {
            Some(Value::String(s)) => norm_label(s),
            Some(v @ Value::Number(_)) => norm_label(&v.to_string()),
            _ => String::new(),
        };
        let optional = match e.get("optional") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(Value::Number(n)) => n.as_f64() != Some(0.0),
            Some(Value::String(s)) => !s.is_empty(),
            Some(Value::Array(a)) => !a.is_empty(),
            Some(Value::Object(o)) => !o.is_empty(),
        };
        match (int("start"), int("end")) {
            (Some(start), Some(end))
                if start < end && end <= len && !label.is_empty() =>
            {
                entities.push(GoldEntity { start, end, label, optional })
            }
            _ => return Err(format!("bad gold span {e}")),
        }
    }
    Ok(GoldDoc { id, text: text.clone(), entities })
}

/// What [`predict`] gathered from a pipeline run.
#[derive(Debug, Default)]
pub struct Predicted {
    /// Every entity found, with code-point offsets and upper-case labels.
    pub predictions: Vec<Prediction>,
    /// Documents the reader rejected (they count as having no entity).
    pub rejected: Vec<Rejection>,
    /// Ids of processed documents missing from the gold file or whose text
    /// differs from the gold text; their entities are dropped.
    pub mismatched: Vec<String>,
}

/// Runs `pipeline` over `items` (read from the gold file by the input
/// reader) and converts its entities to predictions on `gold`.
///
/// # Errors
///
/// Only errors of the run itself (a thread pool that cannot start).
pub fn predict<I>(
    pipeline: &Pipeline,
    items: I,
    options: &RunOptions,
    gold: &[GoldDoc],
) -> Result<Predicted>
where
    I: Iterator<Item = Item> + Send,
{
    let texts: HashMap<&str, &str> =
        gold.iter().map(|d| (d.id.as_str(), d.text.as_str())).collect();
    let mut out = Predicted::default();
    pipeline.run(
        items,
        options,
        |p, outcome| {
            Ok(match outcome {
                Outcome::Processed(doc, ex) => output::rows(p, doc, ex)
                    .0
                    .into_iter()
                    .map(|r| (r.start, r.end, r.kind))
                    .collect(),
                Outcome::Rejected(_) => Vec::new(),
            })
        },
        |outcome, rows| {
            match outcome {
                Outcome::Processed(doc, _) => {
                    if texts.get(doc.id.as_str()) != Some(&doc.text.as_str()) {
                        out.mismatched.push(doc.id.clone());
                        return Ok(());
                    }
                    out.predictions.extend(rows.into_iter().map(
                        |(start, end, kind)| Prediction {
                            doc_id: doc.id.clone(),
                            start,
                            end,
                            label: kind.to_string(),
                        },
                    ));
                }
                Outcome::Rejected(r) => out.rejected.push(r.clone()),
            }
            Ok(())
        },
    )?;
    Ok(out)
}

/// What [`render_table`] prints besides the scores.
#[derive(Clone, Debug, Default)]
pub struct TableOptions {
    /// The gold file as named in the header line.
    pub gold_name: String,
    /// The predictions as named in the header line.
    pub pred_name: String,
    /// List up to this many false positives and false negatives.
    pub errors: usize,
}

/// The score table in the reference scorer's layout: a header line,
/// a row per label, micro and macro rows, the optional-gold line, and
/// the error lists when asked for.
pub fn render_table(
    ev: &Evaluation,
    gold: &[GoldDoc],
    preds: &[Prediction],
    opts: &TableOptions,
) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "gold {} | pred {} | mode {} | {} docs, {} with predictions",
        opts.gold_name,
        opts.pred_name,
        ev.mode.as_str(),
        ev.docs,
        ev.docs_with_predictions
    );
    let w = ev
        .per_label
        .iter()
        .map(|(l, _)| l.chars().count())
        .chain([5])
        .max()
        .unwrap_or(5);
    let head = format!(
        "{:<w$} {:>7} {:>7} {:>7} {:>9} {:>9} {:>9}",
        "label", "gold", "pred", "tp", "precision", "recall", "f1"
    );
    let rule = "-".repeat(head.chars().count());
    let _ = writeln!(s, "{head}\n{rule}");
    let row = |s: &mut String, name: &str, c: &Counts| {
        let _ = writeln!(
            s,
            "{name:<w$} {:>7} {:>7} {:>7} {:>9.4} {:>9.4} {:>9.4}",
            c.gold,
            c.pred,
            c.tp,
            c.precision(),
            c.recall(),
            c.f1()
        );
    };
    for (label, c) in &ev.per_label {
        row(&mut s, label, c);
    }
    let _ = writeln!(s, "{rule}");
    let micro = ev.micro();
    row(&mut s, "micro", &micro);
    let (p, r, f) = ev.macro_scores();
    let _ = writeln!(
        s,
        "{:<w$} {:>7} {:>7} {:>7} {p:>9.4} {r:>9.4} {f:>9.4}",
        "macro", "", "", ""
    );
    if micro.optional_gold > 0 {
        let _ = writeln!(
            s,
            "optional gold entities (not counted): {}, of which matched by \
             a prediction: {}",
            micro.optional_gold, micro.optional_matched
        );
    }
    if opts.errors > 0 {
        render_errors(&mut s, ev, gold, preds, opts.errors);
    }
    s
}

fn render_errors(
    s: &mut String,
    ev: &Evaluation,
    gold: &[GoldDoc],
    preds: &[Prediction],
    n: usize,
) {
    let index: HashMap<&str, usize> =
        gold.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
    // Hints: the other side's spans that overlap each listed error, every
    // label, gold in file order and predictions sorted.
    let mut sorted: Vec<&Prediction> = preds.iter().collect();
    sorted.sort();
    let mut pred_spans: HashMap<usize, Vec<(usize, usize, &str, bool)>> =
        HashMap::new();
    for p in sorted {
        if let Some(&d) = index.get(p.doc_id.as_str()) {
            pred_spans
                .entry(d)
                .or_default()
                .push((p.start, p.end, &p.label, false));
        }
    }
    let gold_spans = |d: usize| -> Vec<(usize, usize, &str, bool)> {
        gold[d]
            .entities
            .iter()
            .map(|e| (e.start, e.end, e.label.as_str(), e.optional))
            .collect()
    };
    let lists = [
        ("false positives", &ev.false_positives, "gold"),
        ("false negatives", &ev.false_negatives, "pred"),
    ];
    for (title, items, other) in lists {
        let shown = items.len().min(n);
        let _ = write!(s, "\n{title} ({shown} of {}):\n", items.len());
        for m in &items[..shown] {
            let doc = &gold[m.doc];
            let text: Vec<char> = doc.text.chars().collect();
            let quote: String = text[m.start..m.end].iter().collect();
            let others = if other == "gold" {
                gold_spans(m.doc)
            } else {
                pred_spans.get(&m.doc).cloned().unwrap_or_default()
            };
            let near: Vec<String> = others
                .iter()
                .filter(|(os, ot, _, _)| *os < m.end && m.start < *ot)
                .map(|&(os, ot, ol, opt)| {
                    let t: String = text[os..ot].iter().collect();
                    let tag = if opt { " (optional)" } else { "" };
                    format!("{ol} {}{tag}", py_repr(&t))
                })
                .collect();
            let hint = if near.is_empty() {
                String::new()
            } else {
                format!("   <- {other}: {}", near.join("; "))
            };
            let _ = writeln!(
                s,
                "  {} {}-{} {} {}  {}{hint}",
                doc.id,
                m.start,
                m.end,
                m.label,
                py_repr(&quote),
                context(&text, m.start, m.end, 40)
            );
        }
    }
}

/// `...left [[mention]] right...` on one line, whitespace runs as one
/// space.
fn context(text: &[char], s: usize, t: usize, width: usize) -> String {
    let left = squeeze(&text[s.saturating_sub(width)..s]);
    let right = squeeze(&text[t..(t + width).min(text.len())]);
    let mention = squeeze(&text[s..t]);
    format!(
        "{}{left}[[{mention}]]{right}{}",
        if s > width { "..." } else { "" },
        if t + width < text.len() { "..." } else { "" }
    )
}

/// Python's `\s`: Unicode white space plus the separators U+001C..U+001F.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

fn squeeze(chars: &[char]) -> String {
    let mut out = String::with_capacity(chars.len());
    let mut in_space = false;
    for &c in chars {
        if is_py_space(c) {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

/// A string quoted the way Python's `repr` quotes it (close enough for
/// display: control characters escaped, the rest kept).
fn py_repr(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || ('\u{7f}'..='\u{a0}').contains(&c) => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A gold doc from `(start, end, label, optional)` tuples.
    fn doc(
        id: &str,
        len: usize,
        ents: &[(usize, usize, &str, bool)],
    ) -> GoldDoc {
        GoldDoc {
            id: id.into(),
            text: "x".repeat(len),
            entities: ents
                .iter()
                .map(|&(start, end, label, optional)| GoldEntity {
                    start,
                    end,
                    label: label.into(),
                    optional,
                })
                .collect(),
        }
    }

    fn preds(items: &[(&str, usize, usize, &str)]) -> Vec<Prediction> {
        items
            .iter()
            .map(|&(d, start, end, label)| Prediction {
                doc_id: d.into(),
                start,
                end,
                label: label.into(),
            })
            .collect()
    }

    /// (gold, pred, tp, optional_gold, optional_matched) of one label.
    fn counts(
        ev: &Evaluation,
        label: &str,
    ) -> (usize, usize, usize, usize, usize) {
        let c = ev
            .per_label
            .iter()
            .find(|(l, _)| l == label)
            .map(|(_, c)| *c)
            .unwrap_or_else(|| panic!("{label} not scored"));
        (c.gold, c.pred, c.tp, c.optional_gold, c.optional_matched)
    }

    #[test]
    fn exact_and_overlap_counts() {
        let gold = vec![
            doc(
                "a",
                100,
                &[(0, 8, "PERSON", false), (20, 30, "LOCATION", false)],
            ),
            doc("b", 100, &[(5, 10, "PERSON", false)]),
        ];
        // (case, predictions, mode, PERSON counts, LOCATION counts)
        type Row<'a> = (
            &'a str,
            Vec<Prediction>,
            Mode,
            (usize, usize, usize),
            (usize, usize, usize),
        );
        let table: Vec<Row> = vec![
            (
                "all exact",
                preds(&[
                    ("a", 0, 8, "PERSON"),
                    ("a", 20, 30, "LOCATION"),
                    ("b", 5, 10, "PERSON"),
                ]),
                Mode::Exact,
                (2, 2, 2),
                (1, 1, 1),
            ),
            (
                "boundary off by one is wrong in exact mode",
                preds(&[("a", 0, 7, "PERSON"), ("a", 20, 30, "LOCATION")]),
                Mode::Exact,
                (2, 1, 0),
                (1, 1, 1),
            ),
            (
                "... and right in overlap mode",
                preds(&[("a", 0, 7, "PERSON"), ("a", 20, 30, "LOCATION")]),
                Mode::Overlap,
                (2, 1, 1),
                (1, 1, 1),
            ),
            (
                "a duplicate prediction is a false positive",
                preds(&[("a", 0, 8, "PERSON"), ("a", 0, 8, "PERSON")]),
                Mode::Exact,
                (2, 2, 1),
                (1, 0, 0),
            ),
            (
                "wrong label does not match",
                preds(&[("a", 20, 30, "PERSON")]),
                Mode::Overlap,
                (2, 1, 0),
                (1, 0, 0),
            ),
            (
                "touching spans do not overlap",
                preds(&[("a", 8, 20, "PERSON")]),
                Mode::Overlap,
                (2, 1, 0),
                (1, 0, 0),
            ),
            (
                "a prediction in another doc does not match",
                preds(&[("b", 0, 8, "PERSON")]),
                Mode::Exact,
                (2, 1, 0),
                (1, 0, 0),
            ),
        ];
        for (case, p, mode, person, location) in table {
            let ev = evaluate(&gold, &p, None, mode);
            let (g, pr, tp, _, _) = counts(&ev, "PERSON");
            assert_eq!((g, pr, tp), person, "{case}: PERSON");
            let (g, pr, tp, _, _) = counts(&ev, "LOCATION");
            assert_eq!((g, pr, tp), location, "{case}: LOCATION");
            let micro = ev.micro();
            assert_eq!(
                micro.fp_fn(),
                (ev.false_positives.len(), ev.false_negatives.len()),
                "{case}"
            );
        }
    }

    #[test]
    fn one_long_prediction_takes_credit_for_one_gold_span_only() {
        // "New York and New Jersey" predicted as one LOCATION.
        let gold = vec![doc(
            "a",
            40,
            &[(0, 8, "LOCATION", false), (13, 23, "LOCATION", false)],
        )];
        let p = preds(&[("a", 0, 23, "LOCATION")]);
        let ev = evaluate(&gold, &p, None, Mode::Overlap);
        assert_eq!(counts(&ev, "LOCATION"), (2, 1, 1, 0, 0));
        // It goes to the gold span it shares most with.
        assert_eq!(ev.false_negatives.len(), 1);
        assert_eq!(
            (ev.false_negatives[0].start, ev.false_negatives[0].end),
            (0, 8)
        );
        // With a second prediction both gold spans are found, whatever
        // order the matching meets them in.
        let p = preds(&[("a", 0, 23, "LOCATION"), ("a", 14, 20, "LOCATION")]);
        let ev = evaluate(&gold, &p, None, Mode::Overlap);
        assert_eq!(counts(&ev, "LOCATION"), (2, 2, 2, 0, 0));
        assert!(
            ev.false_negatives.is_empty() && ev.false_positives.is_empty()
        );
    }

    #[test]
    fn maximum_matching_reassigns_earlier_choices() {
        // Pred 0 prefers gold 0 but must yield it to pred 1, which overlaps
        // only gold 0.
        let m = overlap_match(&[(0, 10), (0, 3)], &[(0, 8), (9, 20)]);
        assert_eq!(m, vec![Some(1), Some(0)]);
        let m = overlap_match(&[(0, 5)], &[]);
        assert_eq!(m, vec![None]);
    }

    #[test]
    fn optional_gold_is_neither_miss_nor_false_positive() {
        let gold = vec![doc(
            "a",
            50,
            &[
                (0, 5, "ORGANIZATION", false),
                (10, 15, "ORGANIZATION", true),
                (20, 25, "ORGANIZATION", true),
            ],
        )];
        for mode in [Mode::Exact, Mode::Overlap] {
            // One required found, one optional found, one optional not.
            let p = preds(&[
                ("a", 0, 5, "ORGANIZATION"),
                ("a", 10, 15, "ORGANIZATION"),
            ]);
            let ev = evaluate(&gold, &p, None, mode);
            assert_eq!(
                counts(&ev, "ORGANIZATION"),
                (1, 1, 1, 2, 1),
                "{mode:?}"
            );
            assert_eq!(ev.micro().f1(), 1.0, "{mode:?}");
            let table = render_table(&ev, &gold, &p, &TableOptions::default());
            assert!(
                table.contains("optional gold entities (not counted): 2, of which matched by a prediction: 1"),
                "{table}"
            );
        }
        // A prediction that matches a required span is not spent on an
        // optional one that it also overlaps.
        let p = preds(&[("a", 3, 12, "ORGANIZATION")]);
        let ev = evaluate(&gold, &p, None, Mode::Overlap);
        assert_eq!(counts(&ev, "ORGANIZATION"), (1, 1, 1, 2, 0));
    }

    #[test]
    fn only_chosen_labels_are_scored() {
        let gold = vec![doc(
            "a",
            50,
            &[(0, 5, "PERSON", false), (10, 15, "DATE", false)],
        )];
        let p = preds(&[
            ("a", 0, 5, "PERSON"),
            ("a", 20, 25, "COUNT"),
            ("a", 30, 35, "ZZZ"),
        ]);
        // Default: every label seen, canonical ones first, others sorted.
        let ev = evaluate(&gold, &p, None, Mode::Exact);
        let names: Vec<&str> =
            ev.per_label.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(names, ["PERSON", "COUNT", "DATE", "ZZZ"]);
        // Chosen labels: others ignored on both sides; unseen ones are rows.
        let labels = parse_labels(" person, LOCATION,,Person");
        assert_eq!(labels, ["PERSON", "LOCATION"]);
        let ev = evaluate(&gold, &p, Some(&labels), Mode::Exact);
        assert_eq!(counts(&ev, "PERSON"), (1, 1, 1, 0, 0));
        assert_eq!(counts(&ev, "LOCATION"), (0, 0, 0, 0, 0));
        assert_eq!(ev.micro().precision(), 1.0);
        // The macro average includes the empty LOCATION row.
        assert_eq!(ev.macro_scores(), (0.5, 0.5, 0.5));
        assert!(ev.false_positives.is_empty());
        // Documents with predictions count any label.
        assert_eq!(ev.docs_with_predictions, 1);
    }

    #[test]
    fn table_layout_and_rounding() {
        let gold = vec![doc(
            "a",
            50,
            &[
                (0, 5, "PERSON", false),
                (6, 9, "PERSON", false),
                (10, 12, "PERSON", false),
            ],
        )];
        let p = preds(&[("a", 0, 5, "PERSON"), ("a", 40, 45, "PERSON")]);
        let ev = evaluate(&gold, &p, None, Mode::Exact);
        let opts = TableOptions {
            gold_name: "g.jsonl".into(),
            pred_name: "p".into(),
            errors: 0,
        };
        let table = render_table(&ev, &gold, &p, &opts);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(
            lines[0],
            "gold g.jsonl | pred p | mode exact | 1 docs, 1 with predictions"
        );
        assert_eq!(
            lines[1],
            "label     gold    pred      tp precision    recall        f1"
        );
        assert_eq!(lines[2], "-".repeat(lines[1].len()));
        // The layout of score.py's `%-*s %7d ... %9s` rows, label
        // column as wide as the longest label; p = 1/2, r = 1/3, f1 = 2/5.
        assert_eq!(
            lines[3],
            "PERSON       3       2       1    0.5000    0.3333    0.4000"
        );
        assert_eq!(
            lines[5],
            "micro        3       2       1    0.5000    0.3333    0.4000"
        );
        assert_eq!(
            lines[6],
            "macro                             0.5000    0.3333    0.4000"
        );
        assert_eq!(lines.len(), 7, "no optional line without optional gold");
    }

    #[test]
    fn error_lists_show_context_and_hints() {
        let mut gold = vec![doc(
            "a",
            0,
            &[(0, 8, "PERSON", false), (14, 20, "LOCATION", false)],
        )];
        gold[0].text = "Jane Doe went\nto Paris.".into();
        let p = preds(&[("a", 0, 4, "PERSON"), ("a", 17, 22, "LOCATION")]);
        let ev = evaluate(&gold, &p, None, Mode::Exact);
        let opts = TableOptions { errors: 1, ..TableOptions::default() };
        let table = render_table(&ev, &gold, &p, &opts);
        assert!(
            table.contains("\nfalse positives (1 of 2):\n  a 0-4 PERSON 'Jane'  [[Jane]] Doe went to Paris.   <- gold: PERSON 'Jane Doe'\n"),
            "{table}"
        );
        assert!(table.contains("\nfalse negatives (1 of 2):\n  a 0-8 PERSON 'Jane Doe'  [[Jane Doe]] went to Paris.   <- pred: PERSON 'Jane'\n"), "{table}");
        assert_eq!(py_repr("it's"), "\"it's\"");
        assert_eq!(py_repr("a\\b'\""), "'a\\\\b\\'\"'");
    }

    #[test]
    fn gold_lines_are_validated() {
        let table: &[(&str, std::result::Result<usize, &str>)] = &[
            (
                r#"{"id": "a", "text": "Hé Paris", "entities": [{"start": 3, "end": 8, "label": "location"}]}"#,
                Ok(1),
            ),
            (r#"{"id": 7, "text": "abc", "entities": []}"#, Ok(0)),
            (
                r#"{"id": "a", "text": "Hé Paris", "entities": [{"start": 3, "end": 9, "label": "LOCATION"}]}"#,
                Err("bad gold span"),
            ),
            (
                r#"{"id": "a", "text": "abc", "entities": [{"start": 2, "end": 2, "label": "X"}]}"#,
                Err("bad gold span"),
            ),
            (r#"{"id": "a", "text": "abc"}"#, Err("no `entities`")),
            (r#"{"text": "abc", "entities": []}"#, Err("no `id`")),
            ("[1]", Err("no `id`")),
            ("{", Err("not JSON")),
        ];
        for (line, want) in table {
            let got = parse_gold_line(line, "id", "text");
            match (want, got) {
                (Ok(n), Ok(d)) => {
                    assert_eq!(d.entities.len(), *n, "{line}");
                    if let Some(e) = d.entities.first() {
                        assert_eq!(e.label, "LOCATION");
                        let quote: String = d
                            .text
                            .chars()
                            .skip(e.start)
                            .take(e.end - e.start)
                            .collect();
                        assert_eq!(quote, "Paris");
                    }
                }
                (Err(w), Err(e)) => assert!(e.contains(w), "{line}: {e}"),
                (w, g) => panic!("{line}: wanted {w:?}, got {g:?}"),
            }
        }
    }
}
