//! `factspan eval`: scoring against a gold file built here from a seed
//! article, cross-checked against what `extract` writes for the same file.

use std::path::Path;

use crate::util::{read_table, root, run};

/// Code-point spans of every whole-word `word` in `text`.
fn spans_of(text: &str, word: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let w: Vec<char> = word.chars().collect();
    let mut out = Vec::new();
    for i in 0..chars.len().saturating_sub(w.len() - 1) {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + w.len()).copied();
        if chars[i..i + w.len()] == w[..]
            && !before.is_some_and(char::is_alphanumeric)
            && !after.is_some_and(char::is_alphanumeric)
        {
            out.push((i, i + w.len()));
        }
    }
    out
}

/// Writes a one-document gold file; `optional` marks the first span so.
fn write_gold(
    path: &Path,
    text: &str,
    spans: &[(usize, usize)],
    optional: bool,
) {
    let entities: Vec<serde_json::Value> = spans
        .iter()
        .enumerate()
        .map(|(i, &(s, e))| {
            serde_json::json!({
                "start": s, "end": e, "label": "location",
                "optional": optional && i == 0,
            })
        })
        .collect();
    let line = serde_json::json!({
        "id": "peacekeeping", "text": text, "entities": entities,
    });
    std::fs::write(path, format!("{line}\n")).expect("write gold");
}

/// The numbers of one table row: gold, pred, tp, precision, recall, f1.
fn row(table: &str, label: &str) -> (usize, usize, usize, String, String) {
    let line = table
        .lines()
        .find(|l| l.split_whitespace().next() == Some(label))
        .unwrap_or_else(|| panic!("no {label} row in\n{table}"));
    let cells: Vec<&str> = line.split_whitespace().collect();
    let n = |i: usize| cells[i].parse::<usize>().expect("a count");
    (n(1), n(2), n(3), cells[4].to_string(), cells[5].to_string())
}

fn ratio(a: usize, b: usize) -> String {
    format!("{:.4}", if b == 0 { 0.0 } else { a as f64 / b as f64 })
}

#[test]
fn eval_scores_hand_marked_spans_like_extract_output() {
    let text = std::fs::read_to_string(
        root().join("data/pakistan-un-peacekeeping.txt"),
    )
    .expect("seed article");
    let gold_spans = spans_of(&text, "Pakistan");
    assert!(gold_spans.len() >= 5, "the article names Pakistan often");
    let dir = tempfile::tempdir().expect("temp dir");
    let gold = dir.path().join("gold.jsonl");
    write_gold(&gold, &text, &gold_spans, false);
    let gold_arg = gold.to_str().expect("utf-8 path");

    // What extract finds in the same file, scored here by hand.
    let out = dir.path().join("out");
    let ex =
        run(&["extract", gold_arg, "-o", out.to_str().expect("utf-8"), "-q"]);
    assert_eq!(ex.status.code(), Some(0));
    let found: Vec<(usize, usize)> = read_table(&out.join("entities.csv"))
        .iter()
        .filter(|r| r["type"] == "LOCATION")
        .map(|r| (r["start"].parse().unwrap(), r["end"].parse().unwrap()))
        .collect();
    let exact_tp = found.iter().filter(|s| gold_spans.contains(s)).count();
    assert!(exact_tp > 0, "extract finds some Pakistan mentions");

    let ev = run(&["eval", gold_arg, "--labels", "location,PERSON", "-q"]);
    assert_eq!(ev.status.code(), Some(0));
    let table = String::from_utf8(ev.stdout).expect("utf-8");
    assert!(table.contains("| mode exact | 1 docs, 1 with predictions"));
    let (g, p, tp, prec, rec) = row(&table, "LOCATION");
    assert_eq!(
        (g, p, tp),
        (gold_spans.len(), found.len(), exact_tp),
        "{table}"
    );
    assert_eq!(prec, ratio(exact_tp, found.len()));
    assert_eq!(rec, ratio(exact_tp, gold_spans.len()));
    // PERSON has no gold: its predictions are all false positives.
    let (g, _, tp, _, _) = row(&table, "PERSON");
    assert_eq!((g, tp), (0, 0));
    assert!(!table.contains("optional gold"));

    // Overlap mode never scores fewer hits than exact mode.
    let ev =
        run(&["eval", gold_arg, "--labels", "LOCATION", "--mode", "overlap"]);
    let table = String::from_utf8(ev.stdout).expect("utf-8");
    let (g, p, tp, _, _) = row(&table, "LOCATION");
    assert_eq!((g, p), (gold_spans.len(), found.len()));
    assert!(tp >= exact_tp && tp <= g, "{table}");

    // The first mention made optional: no longer counted on either side.
    write_gold(&gold, &text, &gold_spans, true);
    let ev = run(&["eval", gold_arg, "--labels", "LOCATION", "--errors", "3"]);
    let table = String::from_utf8(ev.stdout).expect("utf-8");
    let first_found = usize::from(found.contains(&gold_spans[0]));
    let (g, p, tp, _, _) = row(&table, "LOCATION");
    assert_eq!(
        (g, p, tp),
        (
            gold_spans.len() - 1,
            found.len() - first_found,
            exact_tp - first_found
        ),
        "{table}"
    );
    assert!(table.contains(&format!(
        "optional gold entities (not counted): 1, of which matched by a \
         prediction: {first_found}"
    )));
    let fps = found.len() - exact_tp;
    assert!(
        table.contains(&format!("false positives ({} of {fps})", fps.min(3)))
    );
}

#[test]
fn eval_rejects_a_bad_gold_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let gold = dir.path().join("gold.jsonl");
    std::fs::write(
        &gold,
        "{\"id\": \"a\", \"text\": \"Paris\", \"entities\": \
         [{\"start\": 0, \"end\": 9, \"label\": \"LOCATION\"}]}\n",
    )
    .expect("write");
    let out = run(&["eval", gold.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 1: bad gold span"), "{err}");
}
