//! The review page: one self-contained HTML file that shows every entity
//! and claim of an extract run in its sentence.
//!
//! [`Review::from_dir`] reads an output folder (`documents.csv`,
//! `entities.csv`, `claims.csv`), [`Review::add_text`] attaches the
//! documents' texts, [`Review::read_audit`] attaches an audit report, and
//! [`Review::to_html`] builds the page as a string.
//!
//! The page has no external resources (inline CSS and JS, no fonts, no
//! network) so it opens from disk. All data travels as one JSON block that
//! the script reads with `JSON.parse`; the script builds the DOM with
//! `textContent` and text nodes only, so no document text or cell is ever
//! parsed as HTML. A Content-Security-Policy allows only the page's own
//! script (by hash), as a second line of defence. Only the selected
//! document's text is put into the DOM, so a corpus of thousands of
//! documents stays responsive.
//!
//! ```
//! use factspan::review::Review;
//!
//! let dir = tempfile::tempdir()?;
//! std::fs::write(
//!     dir.path().join("documents.csv"),
//!     "doc_id,source,chars,bytes,sha256,status,entities,claims\n\
//!      d1,d1.txt,16,16,,ok,1,0\n",
//! )?;
//! std::fs::write(
//!     dir.path().join("entities.csv"),
//!     "doc_id,entity_id,type,text,start,end\nd1,d1#e1,LOCATION,Pakistan,0,8\n",
//! )?;
//! std::fs::write(dir.path().join("claims.csv"), "doc_id,claim_id,text\n")?;
//! let mut review = Review::from_dir(dir.path())?;
//! let doc = factspan::Document::new("d1", "d1.txt", "Pakistan spoke.");
//! assert!(review.add_text(&doc));
//! let html = review.to_html();
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::document::Document;
use crate::error::{Error, Result};
use crate::output::unneutralize;

/// The page's stylesheet.
const CSS: &str = include_str!("review.css");
/// The page's script.
const JS: &str = include_str!("review.js");

/// Columns of `entities.csv` shown in the entity table, after the quote.
const ENTITY_CELLS: &[&str] =
    &["canonical_name", "canonical_id", "sentence_id", "source"];

/// Columns of `claims.csv` shown in the claim table, after the quote.
const CLAIM_CELLS: &[&str] = &[
    "value",
    "value_min",
    "value_max",
    "unit",
    "qualifier",
    "operator",
    "counted",
    "subject",
    "attribution",
    "time",
    "sentence_id",
    "source",
];

/// Names a report may give the detail of a failed audit row.
const AUDIT_DETAIL: &[&str] =
    &["detail", "differs", "what_differs", "message", "note", "reason"];

/// An extract run, its texts and optionally its audit, ready to render.
#[derive(Debug)]
pub struct Review {
    title: String,
    docs: Vec<Doc>,
    doc_index: HashMap<String, usize>,
    /// documents.csv `source` column -> document, for text files read
    /// again from the paths the run recorded.
    by_source: HashMap<String, usize>,
    entities: Vec<Row>,
    claims: Vec<Row>,
    audit: Option<AuditSummary>,
}

/// What [`Review::read_audit`] matched.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub struct AuditSummary {
    /// Rows in the report.
    pub rows: usize,
    /// Rows matched to an entity or claim row.
    pub matched: usize,
    /// Rows about a whole document (no row id), attached to it.
    pub documents: usize,
    /// Rows that matched nothing.
    pub unmatched: usize,
    /// Rows whose status is not `ok`.
    pub failed: usize,
}

/// Counts describing a review, for the command's summary line.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub struct ReviewStats {
    /// Documents in the page.
    pub documents: usize,
    /// Documents with a text attached.
    pub with_text: usize,
    /// Documents whose attached text differs from the extracted one.
    pub changed: usize,
    /// Documents processed by the run (status `ok`) without a text.
    pub missing_text: usize,
    /// Entity rows.
    pub entities: usize,
    /// Claim rows.
    pub claims: usize,
}

#[derive(Debug, Serialize)]
struct Doc {
    id: String,
    source: String,
    status: String,
    sha256: String,
    text: Option<String>,
    /// Set when the attached text's sha256 differs from documents.csv.
    changed: bool,
    /// Audit statuses about the whole document (`missing_document`, ...).
    audit: Vec<AuditMark>,
}

#[derive(Debug, Serialize)]
struct Row {
    /// Index of the document.
    d: usize,
    id: String,
    /// The entity type or claim kind.
    t: String,
    /// The quote.
    q: String,
    s: Option<u64>,
    e: Option<u64>,
    /// The cells named by [`ENTITY_CELLS`] or [`CLAIM_CELLS`].
    c: Vec<String>,
    a: Option<AuditMark>,
}

#[derive(Clone, Debug, Serialize)]
struct AuditMark {
    status: String,
    detail: String,
}

#[derive(Serialize)]
struct PageData<'a> {
    title: &'a str,
    ecols: &'a [&'a str],
    ccols: &'a [&'a str],
    docs: &'a [Doc],
    ents: &'a [Row],
    claims: &'a [Row],
    audit: Option<AuditSummary>,
}

impl Serialize for AuditSummary {
    fn serialize<S: serde::Serializer>(
        &self,
        s: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("AuditSummary", 5)?;
        st.serialize_field("rows", &self.rows)?;
        st.serialize_field("matched", &self.matched)?;
        st.serialize_field("documents", &self.documents)?;
        st.serialize_field("unmatched", &self.unmatched)?;
        st.serialize_field("failed", &self.failed)?;
        st.end()
    }
}

/// A CSV table read as strings, with its header.
struct Table {
    path: PathBuf,
    header: Vec<String>,
    rows: Vec<csv::StringRecord>,
}

impl Table {
    fn read(path: &Path) -> Result<Table> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_path(path)
            .map_err(|e| Error::table(path, e.to_string()))?;
        let header = reader
            .headers()
            .map_err(|e| Error::table(path, e.to_string()))?
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_lowercase())
            .collect();
        let mut rows = Vec::new();
        for (i, rec) in reader.records().enumerate() {
            let rec = rec.map_err(|e| {
                Error::table(path, format!("line {}: {e}", i + 2))
            })?;
            rows.push(rec);
        }
        Ok(Table { path: path.to_path_buf(), header, rows })
    }

    fn col(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    fn require(&self, name: &str) -> Result<usize> {
        self.col(name).ok_or_else(|| {
            Error::table(
                &self.path,
                format!(
                    "no `{name}` column (found: {})",
                    self.header.join(", ")
                ),
            )
        })
    }
}

/// The cell at `col` of `rec`, or "" when the column or cell is absent.
fn cell(rec: &csv::StringRecord, col: Option<usize>) -> &str {
    col.and_then(|c| rec.get(c)).unwrap_or("")
}

impl Review {
    /// Reads the tables of an extract output folder.
    ///
    /// # Errors
    ///
    /// Returns an error naming the file when a table is missing, is not
    /// CSV, or lacks a `doc_id` column (entity and claim tables also need
    /// `text`).
    pub fn from_dir(dir: &Path) -> Result<Review> {
        let docs = Table::read(&dir.join("documents.csv"))?;
        let ents = Table::read(&dir.join("entities.csv"))?;
        let claims = Table::read(&dir.join("claims.csv"))?;
        let mut review = Review {
            title: dir.display().to_string(),
            docs: Vec::new(),
            doc_index: HashMap::new(),
            by_source: HashMap::new(),
            entities: Vec::new(),
            claims: Vec::new(),
            audit: None,
        };
        let id = docs.require("doc_id")?;
        let (source, status, sha) =
            (docs.col("source"), docs.col("status"), docs.col("sha256"));
        for rec in &docs.rows {
            let i = review.doc(cell(rec, Some(id)));
            let doc = &mut review.docs[i];
            doc.source = cell(rec, source).to_string();
            doc.status = cell(rec, status).to_string();
            doc.sha256 = cell(rec, sha).to_ascii_lowercase();
            review.by_source.insert(doc.source.clone(), i);
        }
        review.entities =
            review.rows(&ents, "entity_id", "type", ENTITY_CELLS)?;
        review.claims =
            review.rows(&claims, "claim_id", "kind", CLAIM_CELLS)?;
        Ok(review)
    }

    /// The index of document `id`, adding it when documents.csv lacks it.
    fn doc(&mut self, id: &str) -> usize {
        if let Some(&i) = self.doc_index.get(id) {
            return i;
        }
        let i = self.docs.len();
        self.docs.push(Doc {
            id: id.to_string(),
            source: String::new(),
            status: "not in documents.csv".to_string(),
            sha256: String::new(),
            text: None,
            changed: false,
            audit: Vec::new(),
        });
        self.doc_index.insert(id.to_string(), i);
        i
    }

    fn rows(
        &mut self,
        table: &Table,
        id_col: &str,
        kind_col: &str,
        cells: &[&str],
    ) -> Result<Vec<Row>> {
        let doc = table.require("doc_id")?;
        let text = table.require("text")?;
        let id = table.col(id_col);
        let kind = table.col(kind_col);
        let (start, end) = (table.col("start"), table.col("end"));
        let cols: Vec<Option<usize>> =
            cells.iter().map(|c| table.col(c)).collect();
        let mut out = Vec::with_capacity(table.rows.len());
        for (n, rec) in table.rows.iter().enumerate() {
            let d = self.doc(cell(rec, Some(doc)));
            let id = match cell(rec, id) {
                "" => format!("row {}", n + 1),
                id => id.to_string(),
            };
            out.push(Row {
                d,
                id,
                t: cell(rec, kind).to_string(),
                q: unneutralize(cell(rec, Some(text))).to_string(),
                s: cell(rec, start).trim().parse().ok(),
                e: cell(rec, end).trim().parse().ok(),
                c: cols
                    .iter()
                    .map(|&c| unneutralize(cell(rec, c)).to_string())
                    .collect(),
                a: None,
            });
        }
        Ok(out)
    }

    /// The files named in documents.csv's `source` column that exist,
    /// in first-seen order (`FILE:LINE` sources name `FILE`). Reading them
    /// again is how the page finds its texts when no sources are given;
    /// the sha256 check in [`Review::add_text`] catches any that changed.
    pub fn recorded_sources(&self) -> Vec<PathBuf> {
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for doc in &self.docs {
            let mut path = PathBuf::from(&doc.source);
            if !path.is_file() {
                match doc.source.rsplit_once(':') {
                    Some((file, line))
                        if line.bytes().all(|b| b.is_ascii_digit()) =>
                    {
                        path = PathBuf::from(file);
                    }
                    _ => continue,
                }
            }
            if path.is_file() && seen.insert(path.clone()) {
                out.push(path);
            }
        }
        out
    }

    /// Attaches a document's text, matched by id (or, for a text file
    /// read again, by its path as recorded in the `source` column).
    /// Returns whether a document of the run matched. A text whose
    /// sha256 differs from documents.csv is kept and flagged on the page,
    /// since its spans may no longer line up.
    pub fn add_text(&mut self, doc: &Document) -> bool {
        let i = match self.doc_index.get(&doc.id) {
            Some(&i) => i,
            None => match self.by_source.get(&doc.source) {
                Some(&i) if !doc.source.is_empty() => i,
                _ => return false,
            },
        };
        let d = &mut self.docs[i];
        if !d.sha256.is_empty() {
            d.changed = hex_sha256(&doc.text) != d.sha256;
        }
        d.text = Some(doc.text.clone());
        true
    }

    /// Attaches an audit report: each row's `status` goes to the entity
    /// or claim row it names, matched by `claim_id`, `entity_id` or `id`,
    /// else by `doc_id` with `start` and `end`, else by a 1-based `row`
    /// number into claims.csv (or entities.csv when a `table` column says
    /// so). Rows with only a `doc_id` describe the whole document.
    ///
    /// # Errors
    ///
    /// Returns an error naming the file when it cannot be read or has no
    /// `status` column.
    pub fn read_audit(&mut self, path: &Path) -> Result<AuditSummary> {
        let table = Table::read(path)?;
        let status = table.require("status")?;
        let detail = AUDIT_DETAIL.iter().find_map(|c| table.col(c));
        let ids: Vec<usize> = ["claim_id", "entity_id", "id"]
            .iter()
            .filter_map(|c| table.col(c))
            .collect();
        let doc_col = table.col("doc_id");
        let (start, end) = (table.col("start"), table.col("end"));
        let row_col = table.col("row");
        let table_col = table.col("table");
        let mut by_id: HashMap<&str, (bool, usize)> = HashMap::new();
        let mut by_span: HashMap<(usize, u64, u64), (bool, usize)> =
            HashMap::new();
        for (claim, rows) in [(false, &self.entities), (true, &self.claims)] {
            for (i, r) in rows.iter().enumerate() {
                by_id.insert(&r.id, (claim, i));
                if let (Some(s), Some(e)) = (r.s, r.e) {
                    by_span.entry((r.d, s, e)).or_insert((claim, i));
                }
            }
        }
        let mut summary = AuditSummary::default();
        let mut marks: Vec<((bool, usize), AuditMark)> = Vec::new();
        let mut doc_marks: Vec<(usize, AuditMark)> = Vec::new();
        for rec in &table.rows {
            summary.rows += 1;
            let mark = AuditMark {
                status: cell(rec, Some(status)).trim().to_string(),
                detail: unneutralize(cell(rec, detail)).to_string(),
            };
            if mark.status != "ok" {
                summary.failed += 1;
            }
            let doc = self.doc_index.get(cell(rec, doc_col)).copied();
            let by_row = || {
                let n: usize = cell(rec, row_col).trim().parse().ok()?;
                let entities = cell(rec, table_col).contains("entit");
                let len = if entities {
                    self.entities.len()
                } else {
                    self.claims.len()
                };
                (n >= 1 && n <= len).then(|| (!entities, n - 1))
            };
            let found = ids
                .iter()
                .find_map(|&c| by_id.get(cell(rec, Some(c))).copied())
                .or_else(|| {
                    let s = cell(rec, start).trim().parse().ok()?;
                    let e = cell(rec, end).trim().parse().ok()?;
                    by_span.get(&(doc?, s, e)).copied()
                })
                .or_else(by_row);
            let has_row_id =
                ids.iter().any(|&c| !cell(rec, Some(c)).is_empty())
                    || !cell(rec, row_col).trim().is_empty();
            match (found, doc) {
                (Some(key), _) => {
                    summary.matched += 1;
                    marks.push((key, mark));
                }
                (None, Some(d)) if !has_row_id => {
                    summary.documents += 1;
                    doc_marks.push((d, mark));
                }
                _ => summary.unmatched += 1,
            }
        }
        for ((claim, i), mark) in marks {
            let rows =
                if claim { &mut self.claims } else { &mut self.entities };
            let slot = &mut rows[i].a;
            // Several report rows on one table row: a failure wins.
            if slot.as_ref().is_none_or(|m| m.status == "ok") {
                *slot = Some(mark);
            }
        }
        for (d, mark) in doc_marks {
            self.docs[d].audit.push(mark);
        }
        self.audit = Some(summary);
        Ok(summary)
    }

    /// Counts for a summary line.
    pub fn stats(&self) -> ReviewStats {
        ReviewStats {
            documents: self.docs.len(),
            with_text: self.docs.iter().filter(|d| d.text.is_some()).count(),
            changed: self.docs.iter().filter(|d| d.changed).count(),
            missing_text: self
                .docs
                .iter()
                .filter(|d| d.status == "ok" && d.text.is_none())
                .count(),
            entities: self.entities.len(),
            claims: self.claims.len(),
        }
    }

    /// Sets the page title (by default the output folder's path).
    pub fn set_title(&mut self, title: impl Into<String>) {
        self.title = title.into();
    }

    /// Builds the page.
    pub fn to_html(&self) -> String {
        let data = PageData {
            title: &self.title,
            ecols: ENTITY_CELLS,
            ccols: CLAIM_CELLS,
            docs: &self.docs,
            ents: &self.entities,
            claims: &self.claims,
            audit: self.audit,
        };
        let json = serde_json::to_string(&data)
            .expect("serializing strings and numbers cannot fail");
        let script_hash = base64(&Sha256::digest(JS.as_bytes()));
        let mut html = String::with_capacity(json.len() + 64 * 1024);
        html.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n");
        html.push_str("<meta charset=\"utf-8\">\n");
        // Only the page's own script may run, identified by its hash: even
        // a bug that let markup from a document into the page could not
        // run a script, load an image or reach the network.
        html.push_str(&format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"\
             default-src 'none'; script-src 'sha256-{script_hash}'; \
             style-src 'unsafe-inline'; img-src data:; base-uri 'none'; \
             form-action 'none'\">\n"
        ));
        html.push_str(
            "<meta name=\"viewport\" content=\"width=device-width, \
             initial-scale=1\">\n",
        );
        html.push_str("<title>factspan review: ");
        html.push_str(&escape_html(&self.title));
        html.push_str("</title>\n<style>\n");
        html.push_str(CSS);
        html.push_str("</style>\n</head>\n<body>\n");
        html.push_str(BODY);
        html.push_str("<script type=\"application/json\" id=\"data\">");
        html.push_str(&escape_json_for_script(&json));
        html.push_str("</script>\n<script>");
        html.push_str(JS);
        html.push_str("</script>\n</body>\n</html>\n");
        html
    }
}

/// The page's static markup; the script fills it in.
const BODY: &str = r#"<header id="top">
<h1>factspan review <span id="title"></span></h1>
<p id="summary"></p>
<div id="legend" aria-label="legend"></div>
</header>
<main>
<nav id="docs" aria-label="documents">
<input id="docfilter" type="search" placeholder="filter documents" aria-label="filter documents">
<label id="onlyfailbox" hidden><input id="onlyfail" type="checkbox"> only with audit failures</label>
<ol id="doclist"></ol>
</nav>
<section id="reader" aria-label="document text">
<h2 id="doctitle"></h2>
<p id="docmeta"></p>
<p id="docwarn" class="warn" hidden></p>
<div id="text" class="text"></div>
</section>
<section id="tables" aria-label="tables">
<div class="tablebox" id="cbox"></div>
<div class="tablebox" id="ebox"></div>
</section>
</main>
<noscript>This page needs JavaScript to show the tables.</noscript>
"#;

/// Makes JSON safe inside `<script type="application/json">`: `<`, `>`
/// and `&` become `\u` escapes, so no `</script>` or `<!--` in a document
/// can end the block; U+2028 and U+2029 are escaped for older parsers.
/// The escapes only occur inside JSON strings, so the JSON is unchanged.
fn escape_json_for_script(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for an HTML text node or attribute value.
fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn hex_sha256(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Standard base64 with padding (RFC 4648), for the CSP script hash.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] =
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n =
            (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (k, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if k <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> shift) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCS: &str =
        "doc_id,source,chars,bytes,sha256,status,entities,claims\n";

    /// An output folder with `docs` rows, and entity and claim rows.
    fn folder(docs: &str, ents: &str, claims: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        let write = |name: &str, body: &str| {
            std::fs::write(dir.path().join(name), body).expect("write table")
        };
        write("documents.csv", &format!("{DOCS}{docs}"));
        write(
            "entities.csv",
            &format!("doc_id,entity_id,type,text,start,end\n{ents}"),
        );
        write(
            "claims.csv",
            &format!("doc_id,claim_id,kind,text,start,end,value\n{claims}"),
        );
        dir
    }

    fn sha(text: &str) -> String {
        hex_sha256(text)
    }

    #[test]
    fn script_block_escaping_keeps_the_json() {
        for s in [
            "</script><script>alert(1)</script>",
            "<!-- <script>",
            "a & b > c",
            "line\u{2028}sep\u{2029}",
            "\u{1F600} plain",
        ] {
            let json = serde_json::to_string(s).expect("json");
            let escaped = escape_json_for_script(&json);
            assert!(!escaped.contains(['<', '>', '&', '\u{2028}']), "{s}");
            let back: String =
                serde_json::from_str(&escaped).expect("still json");
            assert_eq!(back, s);
        }
    }

    #[test]
    fn base64_matches_rfc_4648() {
        use base64::Engine;
        let std = base64::engine::general_purpose::STANDARD;
        for (input, want) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), want);
        }
        let bytes: Vec<u8> = (0..=255).collect();
        for n in 0..bytes.len() {
            assert_eq!(base64(&bytes[..n]), std.encode(&bytes[..n]));
        }
    }

    #[test]
    fn the_csp_hash_is_the_hash_of_the_inline_script() {
        let dir = folder("d1,d1.txt,1,1,,ok,0,0\n", "", "");
        let html = Review::from_dir(dir.path()).expect("review").to_html();
        let open = "</script>\n<script>";
        let at = html.find(open).expect("the script") + open.len();
        let len = html[at..].find("</script>").expect("its end");
        let hash = base64(&Sha256::digest(&html.as_bytes()[at..at + len]));
        assert!(html.contains(&format!("script-src 'sha256-{hash}'")));
    }

    #[test]
    fn no_text_or_cell_can_close_the_data_block() {
        let evil = "</script><script>alert(1)</script><img src=x>";
        let dir = folder(
            "d1,d1.txt,1,1,,ok,1,1\n",
            &format!("d1,d1#e1,PERSON,\"{evil}\",0,3\n"),
            &format!("d1,d1#c1,COUNT,\"{evil}\",0,3,1\n"),
        );
        let mut review = Review::from_dir(dir.path()).expect("review");
        review.set_title(evil);
        assert!(review.add_text(&Document::new("d1", "d1.txt", evil)));
        let html = review.to_html();
        // The data block's own end and the script's end, nothing else.
        assert_eq!(html.matches("</script").count(), 2);
        assert_eq!(html.matches("<img").count(), 0);
        assert_eq!(html.matches("<script").count(), 2);
    }

    #[test]
    fn texts_match_by_id_or_recorded_source_and_changes_are_flagged() {
        let dir = folder(
            &format!(
                "a,in/a.txt,5,5,{},ok,0,0\nb,in/sub/b.txt,5,5,{},ok,0,0\n",
                sha("alpha"),
                sha("bravo")
            ),
            "",
            "",
        );
        let mut review = Review::from_dir(dir.path()).expect("review");
        // (id, source, text, matched)
        let cases = [
            ("a", "elsewhere", "alpha", true),
            ("sub/b", "in/sub/b.txt", "BRAVO", true),
            ("c", "in/c.txt", "charlie", false),
        ];
        for (id, source, text, matched) in cases {
            let doc = Document::new(id, source, text);
            assert_eq!(review.add_text(&doc), matched, "{id}");
        }
        assert!(!review.docs[0].changed);
        assert!(review.docs[1].changed, "BRAVO is not the extracted text");
        let stats = review.stats();
        assert_eq!(
            (stats.documents, stats.with_text, stats.changed),
            (2, 2, 1)
        );
    }

    #[test]
    fn audit_rows_match_by_id_span_row_or_document() {
        let dir = folder(
            "d1,d1.txt,9,9,,ok,2,2\nd2,d2.txt,9,9,,ok,0,0\n",
            "d1,d1#e1,PERSON,Ann,0,3\nd1,d1#e2,DATE,May,4,7\n",
            "d1,d1#c1,COUNT,5 cats,0,6,5\nd1,d1#c2,COUNT,'=7,8,10,7\n",
        );
        let mut review = Review::from_dir(dir.path()).expect("review");
        assert_eq!(review.claims[1].q, "=7", "spreadsheet quote undone");
        let report = dir.path().join("report.csv");
        std::fs::write(
            &report,
            "doc_id,claim_id,entity_id,row,start,end,status,detail\n\
             d1,d1#c1,,,,,value_mismatch,5 != 6\n\
             d1,,d1#e1,,,,ok,\n\
             d1,,,,4,7,span_mismatch,moved\n\
             d1,,,2,,,quote_not_found,\n\
             d2,,,,,,missing_document,\n\
             d3,d3#c9,,,,,ok,\n",
        )
        .expect("report");
        let summary = review.read_audit(&report).expect("audit");
        assert_eq!(
            summary,
            AuditSummary {
                rows: 6,
                matched: 4,
                documents: 1,
                unmatched: 1,
                failed: 4
            }
        );
        fn status(r: &Row) -> Option<&str> {
            r.a.as_ref().map(|a| a.status.as_str())
        }
        assert_eq!(status(&review.claims[0]), Some("value_mismatch"));
        assert_eq!(
            review.claims[0].a.as_ref().map(|a| &*a.detail),
            Some("5 != 6")
        );
        assert_eq!(status(&review.entities[0]), Some("ok"));
        assert_eq!(status(&review.entities[1]), Some("span_mismatch"));
        assert_eq!(status(&review.claims[1]), Some("quote_not_found"));
        assert_eq!(review.docs[1].audit[0].status, "missing_document");
    }

    #[test]
    fn missing_columns_and_tables_are_named() {
        let dir = tempfile::tempdir().expect("temp dir");
        let err = Review::from_dir(dir.path()).expect_err("no tables");
        assert!(err.to_string().contains("documents.csv"), "{err}");
        let dir = folder("d1,d1.txt,1,1,,ok,0,0\n", "", "");
        std::fs::write(dir.path().join("claims.csv"), "id,quote\n")
            .expect("write");
        let err = Review::from_dir(dir.path()).expect_err("no doc_id");
        let msg = err.to_string();
        assert!(
            msg.contains("claims.csv") && msg.contains("found: id, quote"),
            "{msg}"
        );
        let mut review =
            Review::from_dir(folder("d1,d1.txt,1,1,,ok,0,0\n", "", "").path())
                .expect("review");
        let report = dir.path().join("r.csv");
        std::fs::write(&report, "doc_id,verdict\n").expect("write");
        let err = review.read_audit(&report).expect_err("no status");
        assert!(err.to_string().contains("`status`"), "{err}");
    }
}
