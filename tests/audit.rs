//! `factspan audit`: our own tables pass, every tampered row is caught,
//! and a hand-made spreadsheet without offsets gets its quotes located.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::util::{read_table, root, run, slice_chars};

type Row = BTreeMap<String, String>;

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

/// Copies `data/` into `dir/src` and extracts it into `dir/out`.
fn extract_copy(dir: &Path) -> (PathBuf, PathBuf) {
    let src = dir.join("src");
    let out = dir.join("out");
    std::fs::create_dir_all(&src).expect("mkdir");
    for entry in std::fs::read_dir(root().join("data")).expect("data/") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let name = path.file_name().expect("file name");
            std::fs::copy(&path, src.join(name)).expect("copy");
        }
    }
    let o = run(&["extract", s(&src), "-o", s(&out), "--quiet"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (src, out)
}

/// Runs `audit TABLE --sources SRC -o REPORT` with `extra` arguments;
/// returns the exit code, the report rows and stderr.
fn audit(
    table: &Path,
    src: &Path,
    extra: &[&str],
) -> (Option<i32>, Vec<Row>, String) {
    let report = table.with_extension("report.csv");
    let mut args =
        vec!["audit", s(table), "--sources", s(src), "-o", s(&report)];
    args.extend_from_slice(extra);
    let o = run(&args);
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    let rows = if report.exists() { read_table(&report) } else { Vec::new() };
    (o.status.code(), rows, stderr)
}

fn write_table(path: &Path, header: &[String], rows: &[Row]) {
    let mut w = csv::Writer::from_path(path).expect("create table");
    w.write_record(header).expect("header");
    for r in rows {
        w.write_record(header.iter().map(|h| r[h].as_str())).expect("row");
    }
    w.flush().expect("flush");
}

fn header_of(path: &Path) -> Vec<String> {
    crate::util::read_csv(path).remove(0)
}

fn texts(src: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(src).expect("src") {
        let path = entry.expect("entry").path();
        let id = path.file_stem().expect("stem").to_string_lossy().into();
        out.insert(id, std::fs::read_to_string(&path).expect("read"));
    }
    out
}

#[test]
fn our_own_tables_for_data_pass_on_every_row() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (src, out) = extract_copy(dir.path());
    let texts = texts(&src);
    for (table, id) in
        [("claims.csv", "claim_id"), ("entities.csv", "entity_id")]
    {
        let rows = read_table(&out.join(table));
        assert!(!rows.is_empty(), "{table} has rows");
        let (code, report, stderr) = audit(&out.join(table), &src, &[]);
        assert_eq!(code, Some(0), "{table}: {stderr}");
        assert!(stderr.contains("hashes checked"), "{stderr}");
        assert_eq!(report.len(), rows.len(), "{table}: one report row each");
        for (i, (r, got)) in rows.iter().zip(&report).enumerate() {
            assert_eq!(got["status"], "ok", "{table} row {}: {got:?}", i + 1);
            assert_eq!(got["row"], (i + 1).to_string());
            assert_eq!(got[id], r[id]);
            assert_eq!((&got["start"], &got["end"]), (&r["start"], &r["end"]));
            let text = &texts[&r["doc_id"]];
            assert!(got["sentence"].contains(&got["quote"]), "{got:?}");
            if table == "claims.csv" {
                let sentence = slice_chars(
                    text,
                    r["sentence_start"].parse().expect("number"),
                    r["sentence_end"].parse().expect("number"),
                );
                assert_eq!(got["sentence"], sentence, "{table} row {}", i + 1);
            }
        }
    }
}

/// Tampers every row of a copy of claims.csv with `edit` (which returns
/// false to leave a row out), audits it, and returns the edited rows with
/// their report rows.
fn tamper(
    name: &str,
    edit: impl Fn(&mut Row, &str) -> bool,
) -> Vec<(Row, Row)> {
    let dir = tempfile::tempdir().expect("temp dir");
    let (src, out) = extract_copy(dir.path());
    let texts = texts(&src);
    let claims = out.join("claims.csv");
    let header = header_of(&claims);
    let mut rows = read_table(&claims);
    rows.retain_mut(|r| {
        let text = &texts[&r["doc_id"]];
        edit(r, text)
    });
    assert!(!rows.is_empty(), "{name}: some rows to tamper with");
    let table = out.join(format!("{name}.csv"));
    write_table(&table, &header, &rows);
    let (code, report, stderr) = audit(&table, &src, &[]);
    assert_eq!(code, Some(1), "{name}: {stderr}");
    assert_eq!(report.len(), rows.len(), "{name}");
    rows.into_iter().zip(report).collect()
}

fn cp(r: &Row, col: &str) -> usize {
    r[col].parse().expect("a number")
}

#[test]
fn a_changed_value_is_caught() {
    for (row, got) in tamper("value", |r, _| {
        let v: f64 = r["value"].parse().expect("value");
        r.insert("value".into(), format!("{}", v * 1.07 + 1.0));
        true
    }) {
        assert_eq!(got["status"], "value_mismatch", "{row:?} {got:?}");
        assert!(got["detail"].contains(&row["value"]), "{got:?}");
    }
}

#[test]
fn a_shifted_offset_is_caught_and_the_quote_found() {
    for (row, got) in tamper("shift", |r, _| {
        for col in ["start", "end"] {
            let v = cp(r, col) + 1;
            r.insert(col.into(), v.to_string());
        }
        true
    }) {
        assert_eq!(got["status"], "span_mismatch", "{row:?} {got:?}");
        assert_eq!(cp(&got, "start") + 1, cp(&row, "start"), "{got:?}");
        assert_eq!(cp(&got, "end") + 1, cp(&row, "end"), "{got:?}");
    }
}

#[test]
fn a_changed_quote_is_caught() {
    let rows = tamper("quote", |r, text| {
        // Bump the first digit: "1.5 million" becomes "2.5 million".
        let quote = r["text"].clone();
        let Some(at) = quote.find(|c: char| c.is_ascii_digit()) else {
            return false;
        };
        let d = quote.as_bytes()[at] - b'0';
        let mut changed = quote.clone();
        changed.replace_range(at..at + 1, &((d + 1) % 10).to_string());
        if text.contains(&changed) {
            return false;
        }
        r.insert("text".into(), changed);
        true
    });
    for (row, got) in rows {
        assert_eq!(got["status"], "quote_not_found", "{row:?} {got:?}");
        assert_eq!(got["start"], "", "{got:?}");
    }
}

#[test]
fn a_removed_qualifier_is_caught() {
    let rows = tamper("qualifier", |r, text| {
        if r["qualifier"].is_empty() {
            return false;
        }
        // Keep the figure alone, as a hand-typed sheet would.
        let start = cp(r, "value_start");
        let quote = slice_chars(text, start, cp(r, "end"));
        r.insert("text".into(), quote);
        r.insert("start".into(), start.to_string());
        r.insert("qualifier".into(), String::new());
        r.insert("operator".into(), "=".into());
        true
    });
    for (row, got) in rows {
        assert_eq!(got["status"], "qualifier_dropped", "{row:?} {got:?}");
    }
}

#[test]
fn a_wrong_doc_id_is_caught() {
    for (row, got) in tamper("doc", |r, _| {
        let wrong = format!("{}-2", r["doc_id"]);
        r.insert("doc_id".into(), wrong);
        true
    }) {
        assert_eq!(got["status"], "missing_document", "{row:?} {got:?}");
    }
}

#[test]
fn an_edited_source_is_caught() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (src, out) = extract_copy(dir.path());
    let edited = "pakistan-un-peacekeeping";
    let path = src.join(format!("{edited}.txt"));
    let text = std::fs::read_to_string(&path).expect("read");
    // Offsets still hold; only the hash tells.
    std::fs::write(&path, format!("{text}\nA sentence added later.\n"))
        .expect("write");
    let rows = read_table(&out.join("claims.csv"));
    let (code, report, stderr) = audit(&out.join("claims.csv"), &src, &[]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(rows.iter().any(|r| r["doc_id"] == edited));
    for (row, got) in rows.iter().zip(&report) {
        let want =
            if row["doc_id"] == edited { "source_changed" } else { "ok" };
        assert_eq!(got["status"], want, "{got:?}");
    }
    // Without documents.csv beside the table there is nothing to compare.
    std::fs::remove_file(out.join("documents.csv")).expect("rm");
    let (code, _, stderr) = audit(&out.join("claims.csv"), &src, &[]);
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn a_sheet_without_offsets_gets_its_quotes_located() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = root().join("data");
    let amnesty =
        std::fs::read_to_string(src.join("amnesty-pakistan-deportations.txt"))
            .expect("read");
    let doc = "amnesty-pakistan-deportations";
    let sheet = dir.path().join("sheet.csv");
    std::fs::write(
        &sheet,
        format!(
            "id,doc_id,claim,value\n\
             r1,{doc},nearly 1.5 million Afghans,1500000\n\
             r2,{doc},1.5 million,1500000\n\
             r3,{doc},Pakistan,\n\
             r4,{doc},\"the \"\"Illegal Foreigners Repatriation Plan\"\"\",\n\
             r5,{doc},nearly 1.4 million Afghans,1400000\n\
             r6,{doc},\"more than 115,000\",1.5e5\n\
             r7,{doc},\"more than 115,000 cases\",oops\n\
             r8,{doc},,\n"
        ),
    )
    .expect("write sheet");
    let (code, report, stderr) = audit(&sheet, &src, &[]);
    assert_eq!(code, Some(1), "{stderr}");
    let status: Vec<&str> =
        report.iter().map(|r| r["status"].as_str()).collect();
    assert_eq!(
        status,
        [
            "ok",
            "qualifier_dropped",
            "ambiguous",
            "ok",
            "quote_not_found",
            "value_mismatch",
            "bad_row",
            "bad_row"
        ],
        "{report:#?}"
    );
    // Located spans are code points into the source.
    for got in [&report[0], &report[1], &report[3]] {
        let span = slice_chars(&amnesty, cp(got, "start"), cp(got, "end"));
        let quote = got["quote"].replace('"', "");
        assert_eq!(span.replace(['“', '”'], ""), quote, "{got:?}");
        assert_eq!(got["matches"], "1");
    }
    assert!(cp(&report[2], "matches") > 1, "{:?}", report[2]);
    assert_eq!(report[2]["start"], "");
    assert!(report[1]["detail"].contains("nearly"), "{:?}", report[1]);
    assert_eq!(report[0]["id"], "r1");
    // Bad rows name their line and the run goes on.
    assert!(report[6]["detail"].contains("line 8"), "{:?}", report[6]);
    assert!(stderr.contains("line 8"), "{stderr}");
}

#[test]
fn the_quote_column_can_be_chosen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = root().join("data");
    let sheet = dir.path().join("sheet.csv");
    std::fs::write(
        &sheet,
        "doc_id,note,figure\n\
         pakistan-un-peacekeeping,x,\"more than 235,000 peacekeepers\"\n",
    )
    .expect("write");
    let (code, _, stderr) = audit(&sheet, &src, &[]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("columns: doc_id, note, figure"),
        "missing columns name the columns found: {stderr}"
    );
    let (code, report, stderr) =
        audit(&sheet, &src, &["--quote-column", "figure"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(report[0]["status"], "ok");
}

#[test]
fn claims_whose_quote_ends_at_a_fraction_pass() {
    // The grammar looks past "a third" for "lower" or "of": the quote
    // alone ends there, and audit read past its end.
    let dir = tempfile::tempdir().expect("temp dir");
    let src = dir.path().join("src");
    std::fs::create_dir_all(&src).expect("mkdir");
    std::fs::write(
        src.join("cuts.txt"),
        "Acme cut its staff by a third in 2024, the company said. \
         Deaths fell by a quarter, and half of the 40 plants closed.",
    )
    .expect("write");
    let out = dir.path().join("out");
    let o = run(&["extract", s(&src), "-o", s(&out), "--quiet"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rows = read_table(&out.join("claims.csv"));
    let quotes: Vec<&str> = rows.iter().map(|r| r["text"].as_str()).collect();
    assert!(quotes.contains(&"a third") && quotes.contains(&"a quarter"));
    let (code, report, stderr) = audit(&out.join("claims.csv"), &src, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(report.len(), rows.len());
    assert!(report.iter().all(|r| r["status"] == "ok"), "{report:?}");
}
