//! `factspan compare` on a small multi-source corpus in
//! `tests/data/compare/`: the two seed articles, a second report of
//! "nearly 1.4 million" returns, and one that agrees with the first
//! ("About 1.5 million") and with the peacekeeping figure ("some 240,000"
//! against "more than 235,000").

use std::collections::BTreeMap;
use std::path::Path;

use crate::util::{read_table, root, run};

type Row = BTreeMap<String, String>;

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

fn compare(claims: &Path) -> (Option<i32>, Vec<Row>, String) {
    let report = claims.with_extension("conflicts.csv");
    let o = run(&["compare", s(claims), "-o", s(&report)]);
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    let rows = if report.exists() { read_table(&report) } else { Vec::new() };
    (o.status.code(), rows, stderr)
}

fn corpus() -> std::path::PathBuf {
    root().join("tests/data/compare")
}

/// A hand-written claims table for the corpus. The figures, qualifiers,
/// counted nouns and subjects are what a reader finds in the articles;
/// offsets are computed here from the texts, in code points.
fn hand_fixture(path: &Path) {
    // (doc, id, phrase, value, qualifier, operator, counted, subject)
    let claims = [
        (
            "amnesty-pakistan-deportations",
            "a1",
            "nearly 1.5 million",
            "1500000",
            "nearly",
            "~",
            "Afghans",
            "",
        ),
        (
            "amnesty-pakistan-deportations",
            "a2",
            "more than 115,000",
            "115000",
            "more than",
            ">",
            "cases",
            "",
        ),
        (
            "afghan-returns-slow",
            "s1",
            "nearly 1.4 million",
            "1400000",
            "nearly",
            "~",
            "Afghans",
            "",
        ),
        (
            "afghan-returns-agency",
            "g1",
            "About 1.5 million",
            "1500000",
            "About",
            "~",
            "Afghans",
            "",
        ),
        (
            "afghan-returns-agency",
            "g2",
            "some 240,000",
            "240000",
            "some",
            "~",
            "peacekeepers",
            "Pakistan",
        ),
        (
            "pakistan-un-peacekeeping",
            "p1",
            "more than 235,000",
            "235000",
            "more than",
            ">",
            "peacekeepers",
            "Pakistan",
        ),
        (
            "pakistan-un-peacekeeping",
            "p2",
            "182",
            "182",
            "",
            "=",
            "peacekeepers",
            "Pakistan",
        ),
        (
            "pakistan-un-peacekeeping",
            "p3",
            "48",
            "48",
            "",
            "=",
            "UN missions",
            "Pakistan",
        ),
    ];
    let mut w = csv::Writer::from_path(path).expect("create fixture");
    w.write_record([
        "doc_id",
        "claim_id",
        "kind",
        "text",
        "start",
        "end",
        "value",
        "unit",
        "qualifier",
        "operator",
        "counted",
        "subject",
        "time",
    ])
    .expect("header");
    for (doc, id, phrase, value, qualifier, operator, counted, subject) in
        claims
    {
        let text =
            std::fs::read_to_string(corpus().join(format!("{doc}.txt")))
                .expect("read corpus");
        let at = text.find(phrase).unwrap_or_else(|| panic!("{phrase:?}"));
        let start = text[..at].chars().count();
        let end = start + phrase.chars().count();
        w.write_record([
            doc,
            &format!("{doc}#{id}"),
            "COUNT",
            phrase,
            &start.to_string(),
            &end.to_string(),
            value,
            "",
            qualifier,
            operator,
            counted,
            subject,
            "",
        ])
        .expect("row");
    }
    w.flush().expect("flush");
}

#[test]
fn compare_reports_the_returns_conflict_and_not_the_agreeing_figures() {
    let dir = tempfile::tempdir().expect("temp dir");
    let claims = dir.path().join("claims.csv");
    hand_fixture(&claims);
    // The fixture's quotes are where it says.
    let o = run(&["audit", s(&claims), "--sources", s(&corpus()), "-o", "-"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );

    let (code, rows, stderr) = compare(&claims);
    assert_eq!(code, Some(1), "conflicts exit 1: {stderr}");
    assert!(stderr.contains("1 in conflict"), "{stderr}");
    let ids: Vec<&str> = rows.iter().map(|r| r["claim_id"].as_str()).collect();
    let id = |doc: &str, n: &str| format!("{doc}#{n}");
    let a1 = id("amnesty-pakistan-deportations", "a1");
    let s1 = id("afghan-returns-slow", "s1");
    let g1 = id("afghan-returns-agency", "g1");
    // One group: every source row about returned Afghans, nothing else.
    assert_eq!(ids, [a1.as_str(), s1.as_str(), g1.as_str()], "{rows:#?}");
    assert!(rows
        .iter()
        .all(|r| r["group"] == "1" && r["counted"] == "afghan"));
    let by_id: BTreeMap<&str, &Row> =
        rows.iter().map(|r| (r["claim_id"].as_str(), r)).collect();
    // 1.4 million disagrees with both 1.5 millions, which agree.
    assert_eq!(by_id[a1.as_str()]["disagrees_with"], s1);
    assert_eq!(by_id[g1.as_str()]["disagrees_with"], s1);
    assert_eq!(by_id[s1.as_str()]["disagrees_with"], format!("{a1} {g1}"));
    // Each row keeps its span.
    for r in &rows {
        assert!(!r["start"].is_empty() && !r["end"].is_empty(), "{r:?}");
        assert!(!r["text"].is_empty());
    }
}

#[test]
fn compare_on_extracted_claims_lists_no_agreeing_figures() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    let o = run(&["extract", s(&corpus()), "-o", s(&out), "--quiet"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (code, rows, stderr) = compare(&out.join("claims.csv"));
    assert!(matches!(code, Some(0 | 1)), "{stderr}");
    let claims = read_table(&out.join("claims.csv"));
    let claim = |doc: &str, text: &str| {
        claims.iter().find(|r| r["doc_id"] == doc && r["text"] == text)
    };
    // "some 240,000" and "more than 235,000" peacekeepers agree.
    for r in &rows {
        assert_ne!(r["counted"], "peacekeeper", "{rows:#?}");
    }
    // When the claims stage gives the two returns figures the same key,
    // their conflict must be found.
    let (Some(a), Some(b)) = (
        claim("amnesty-pakistan-deportations", "nearly 1.5 million"),
        claim("afghan-returns-slow", "nearly 1.4 million"),
    ) else {
        return;
    };
    let same = ["counted", "subject", "time", "unit", "kind"]
        .iter()
        .all(|c| a[*c].to_lowercase() == b[*c].to_lowercase());
    if same {
        assert!(
            rows.iter().any(|r| r["claim_id"] == b["claim_id"]
                && r["disagrees_with"].contains(&a["claim_id"])),
            "{rows:#?}"
        );
    }
}

#[test]
fn compare_names_missing_columns() {
    let dir = tempfile::tempdir().expect("temp dir");
    let table = dir.path().join("t.csv");
    std::fs::write(&table, "doc_id,text\nd,x\n").expect("write");
    let (code, _, stderr) = compare(&table);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("columns: doc_id, text"), "{stderr}");
    assert!(stderr.contains("value"), "{stderr}");
}
