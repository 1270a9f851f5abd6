//! Bad input gets a clear reason in documents.csv, and nothing else is
//! lost.

use std::collections::BTreeMap;
use std::path::Path;

use crate::util::{read_table, run};

struct Run {
    code: Option<i32>,
    stderr: String,
    documents: Vec<BTreeMap<String, String>>,
    entities: Vec<BTreeMap<String, String>>,
}

fn extract(inputs: &[&Path], extra: &[&str]) -> Run {
    let out = tempfile::tempdir().expect("temp dir");
    let mut args: Vec<&str> = vec!["extract"];
    args.extend(inputs.iter().map(|p| p.to_str().expect("utf-8 path")));
    let out_path = out.path().to_str().expect("utf-8 path").to_string();
    args.extend(["-o", &out_path, "--quiet"]);
    args.extend(extra);
    let o = run(&args);
    Run {
        code: o.status.code(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        documents: read_table(&out.path().join("documents.csv")),
        entities: read_table(&out.path().join("entities.csv")),
    }
}

fn status_of<'a>(run: &'a Run, id: &str) -> &'a str {
    run.documents
        .iter()
        .find(|d| d["doc_id"] == id)
        .unwrap_or_else(|| panic!("no row for {id}: {:#?}", run.documents))
        ["status"]
        .as_str()
}

const GOOD: &str = "Pakistan has deployed more than 235,000 peacekeepers.";

/// A folder with one good document and one bad one.
fn folder_with(bad_name: &str, bad: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("good.txt"), GOOD).expect("write");
    std::fs::write(dir.path().join(bad_name), bad).expect("write");
    dir
}

#[test]
fn bad_text_files_are_rejected_with_their_reason() {
    let cases: &[(&str, &[u8], &str)] = &[
        ("bad.txt", b"abc\xFF\xFEdef", "invalid_utf8 at byte 3"),
        ("nul.txt", b"abc\0def", "nul_byte at byte 3"),
        ("empty.txt", b"  \n\t ", "empty"),
        (
            "lone.txt",
            &[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00],
            "invalid_utf16 at byte 2",
        ),
    ];
    for (name, bytes, want) in cases {
        let dir = folder_with(name, bytes);
        let run = extract(&[dir.path()], &[]);
        assert_eq!(run.code, Some(1), "{name}: {}", run.stderr);
        let id = name.trim_end_matches(".txt");
        assert_eq!(status_of(&run, id), *want);
        assert_eq!(status_of(&run, "good"), "ok");
        assert!(run.stderr.contains(want), "{name}: stderr {:?}", run.stderr);
    }
}

#[test]
fn bom_is_stripped_and_utf16_is_decoded() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(GOOD.as_bytes());
    std::fs::write(dir.path().join("bom.txt"), &bom).expect("write");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(GOOD.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(dir.path().join("utf16.txt"), &utf16).expect("write");
    let run = extract(&[dir.path()], &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    for id in ["bom", "utf16"] {
        let row = run.documents.iter().find(|d| d["doc_id"] == id).unwrap();
        assert_eq!(row["status"], "ok");
        assert_eq!(row["bytes"], GOOD.len().to_string());
        assert_eq!(row["sha256"], factspan::output::sha256_hex(GOOD));
    }
}

#[test]
fn too_large_documents_fail_alone() {
    let dir = folder_with("big.txt", &vec![b'a'; 5000]);
    let run = extract(&[dir.path()], &["--max-doc-bytes", "1000"]);
    assert_eq!(run.code, Some(1));
    assert_eq!(status_of(&run, "big"), "too_large: 5000 bytes > limit 1000");
    assert_eq!(status_of(&run, "good"), "ok");
}

#[test]
fn bad_jsonl_lines_are_rejected_and_the_rest_processed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let nested = "[".repeat(10_000) + &"]".repeat(10_000);
    let long_line = format!(
        "{{\"id\": \"long\", \"text\": \"{}\"}}",
        "word ".repeat(2_100_000)
    );
    let long_len = long_line.len();
    let lines = [
        format!("{{\"id\": \"a\", \"text\": \"{GOOD}\", \"entities\": []}}"),
        "{not json".to_string(),
        "{\"id\": \"notext\", \"body\": \"x\"}".to_string(),
        "[1, 2, 3]".to_string(),
        format!("{{\"id\": \"deep\", \"text\": \"x\", \"n\": {nested}}}"),
        format!("{{\"text\": \"{GOOD}\"}}"),
        long_line,
        "{\"id\": \"a\", \"text\": \"Duplicate id.\"}".to_string(),
        format!("{{\"id\": \"z\", \"text\": \"{GOOD}\"}}"),
    ];
    let mut bytes = lines.join("\n").into_bytes();
    bytes.extend_from_slice(b"\n{\"id\": \"bad8\", \"text\": \"\xFF\"}\n");
    let path = dir.path().join("docs.jsonl");
    std::fs::write(&path, bytes).expect("write");
    let run = extract(&[&path], &["--max-doc-bytes", "8000000"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let src = path.display().to_string();
    assert_eq!(status_of(&run, "a"), "ok");
    assert!(
        status_of(&run, &format!("{src}:2")).starts_with("bad_json at line 2")
    );
    assert_eq!(
        status_of(&run, "notext"),
        "missing_text at line 3: no string field \"text\" (string fields: \
         body, id; choose one with --text-field)"
    );
    assert_eq!(
        status_of(&run, &format!("{src}:4")),
        "bad_json at line 4: not a JSON object"
    );
    assert!(status_of(&run, &format!("{src}:5")).contains("recursion limit"));
    assert_eq!(
        status_of(&run, &format!("{src}:6")),
        "ok",
        "missing id becomes FILE:LINE"
    );
    assert_eq!(
        status_of(&run, &format!("{src}:7")),
        format!("too_large: {long_len} bytes > limit 8000000")
    );
    let dup = run
        .documents
        .iter()
        .find(|d| d["source"] == format!("{src}:8"))
        .unwrap();
    assert!(dup["status"].starts_with("duplicate_id"), "{dup:?}");
    assert_eq!(status_of(&run, "z"), "ok");
    assert_eq!(
        status_of(&run, &format!("{src}:10")),
        "invalid_utf8 at byte 24"
    );
    assert_eq!(run.documents.len(), 10);
}

#[test]
fn a_ten_megabyte_line_is_processed_under_the_default_limit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "Pakistan deployed peacekeepers. ".repeat(330_000);
    let line = format!("{{\"id\": \"huge\", \"text\": \"{text}\"}}\n");
    assert!(line.len() > 10_000_000);
    let path = dir.path().join("huge.jsonl");
    std::fs::write(&path, line).expect("write");
    let run = extract(&[&path], &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(status_of(&run, "huge"), "ok");
}

#[test]
fn formula_like_cells_are_neutralized_unless_raw() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("f.jsonl");
    std::fs::write(
        &path,
        "{\"id\": \"=HYPERLINK(1)\", \"text\": \"Pakistan said so.\"}\n",
    )
    .expect("write");
    let run = extract(&[&path], &[]);
    assert_eq!(run.code, Some(0));
    assert_eq!(run.documents[0]["doc_id"], "'=HYPERLINK(1)");
    for e in &run.entities {
        assert!(e["doc_id"].starts_with("'="), "{e:?}");
    }
    let raw = extract(&[&path], &["--raw-cells"]);
    assert_eq!(raw.documents[0]["doc_id"], "=HYPERLINK(1)");
}

#[test]
fn windows_1252_text_files_are_read_when_asked() {
    // An older archive file: curly quotes and accents in Windows-1252.
    let file: &[u8] = b"Z\xFCrich police said Andr\xE9 M\xFCller, 54, was \
        arrested on Friday. \x93We acted quickly,\x94 a spokesman said.";
    let dir = folder_with("archive.txt", file);
    let plain = extract(&[dir.path()], &[]);
    assert_eq!(status_of(&plain, "archive"), "invalid_utf8 at byte 1");
    assert!(
        plain.stderr.contains("--encoding windows-1252"),
        "{}",
        plain.stderr
    );
    let run = extract(&[dir.path()], &["--encoding", "windows-1252"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(status_of(&run, "archive"), "ok");
    assert_eq!(status_of(&run, "good"), "ok");
    let text: String = file
        .iter()
        .map(|&b| match b {
            0x93 => '“',
            0x94 => '”',
            b => char::from(b),
        })
        .collect();
    let found: Vec<(&str, &str)> = run
        .entities
        .iter()
        .filter(|e| e["doc_id"] == "archive")
        .map(|e| {
            let (start, end) = (&e["start"], &e["end"]);
            let (start, end) = (start.parse().unwrap(), end.parse().unwrap());
            // One character a byte: offsets are the file's byte offsets.
            assert_eq!(crate::util::slice_chars(&text, start, end), e["text"]);
            (e["type"].as_str(), e["text"].as_str())
        })
        .collect();
    assert!(found.contains(&("LOCATION", "Zürich")), "{found:?}");
    assert!(found.contains(&("PERSON", "André Müller")), "{found:?}");
}

#[test]
fn a_byte_order_mark_before_the_first_jsonl_line_is_skipped() {
    // As Windows tools write UTF-8 files; a mark on a later line is no
    // JSON and stays an error.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("docs.jsonl");
    let first =
        format!("\u{feff}{{\"id\": \"first\", \"text\": \"{GOOD}\"}}\r\n");
    let later =
        format!("\u{feff}{{\"id\": \"later\", \"text\": \"{GOOD}\"}}\r\n");
    std::fs::write(&path, first + &later).expect("write");
    let run = extract(&[&path], &[]);
    assert_eq!(status_of(&run, "first"), "ok");
    let src = path.display().to_string();
    assert!(
        status_of(&run, &format!("{src}:2")).starts_with("bad_json at line 2")
    );
    let entities: Vec<&str> = run
        .entities
        .iter()
        .filter(|e| e["doc_id"] == "first")
        .map(|e| e["text"].as_str())
        .collect();
    assert_eq!(entities, ["Pakistan", "235,000"]);
}

#[test]
fn inputs_without_documents_get_a_warning_and_a_missing_file_one_message() {
    let empty = tempfile::tempdir().expect("temp dir");
    std::fs::write(empty.path().join("notes.md"), "not an input")
        .expect("write");
    let run = extract(&[empty.path()], &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stderr.contains("warning: no documents in the inputs"),
        "{}",
        run.stderr
    );
    let missing = empty.path().join("missing.txt");
    let out = tempfile::tempdir().expect("temp dir");
    let o = crate::util::run(&[
        "extract",
        missing.to_str().unwrap(),
        "-o",
        out.path().to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    // The reason once, not once more for the error's source.
    assert_eq!(stderr.matches("os error 2").count(), 1, "{stderr}");
}
