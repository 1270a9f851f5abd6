//! The command line: exit codes, stdout discipline, pipe mode.

use std::io::Write;
use std::process::Stdio;

use crate::util::{extract, factspan, root, run};

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["extract"]).status.code(), Some(2));
    assert_eq!(run(&["extract", "data/", "--bogus"]).status.code(), Some(2));
    assert_eq!(run(&["extract", "no/such/path"]).status.code(), Some(2));
    assert_eq!(
        run(&["extract", "data/", "--threads", "0", "-o", "/tmp/x"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn jsonl_pipe_mode_writes_one_line_per_document_in_order() {
    let mut child = factspan()
        .args(["extract", "-", "--format", "jsonl", "-o", "-", "--quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut input = String::new();
    for i in 0..50 {
        input.push_str(&format!(
            "{{\"id\": \"d{i}\", \"text\": \"Pakistan said {i} people came.\"}}\n"
        ));
    }
    input.push_str("not json\n");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(1), "one line was rejected");
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 51);
    for (i, line) in lines.iter().take(50).enumerate() {
        assert_eq!(line["id"], format!("d{i}"));
        assert_eq!(line["status"], "ok");
    }
    assert_eq!(lines[50]["id"], "-:51");
    assert!(lines[50]["status"].as_str().unwrap().starts_with("bad_json"));
}

#[test]
fn broken_pipe_ends_quietly() {
    let mut input = String::new();
    for i in 0..20000 {
        input.push_str(&format!(
            "{{\"id\": \"d{i}\", \"text\": \"Text {i}.\"}}\n"
        ));
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("many.jsonl");
    std::fs::write(&path, input).expect("write input");
    let mut child = factspan()
        .args([
            "extract",
            path.to_str().unwrap(),
            "--format",
            "jsonl",
            "--quiet",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // Read one line, then close the pipe, like `| head -1`.
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 16];
    std::io::Read::read_exact(&mut stdout, &mut first).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn csv_output_needs_a_folder() {
    let o = run(&["extract", "data/", "-o", "-"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--format jsonl"));
}

const GAZ_HEADER: &str =
    "canonical_id\tname\ttype\tsubtype\tcountry\tpopulation\taliases\tflags\tsource\n";

#[test]
fn user_gazetteer_adds_entities_and_bad_rows_name_file_and_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let gaz = dir.path().join("mine.tsv");
    std::fs::write(
        &gaz,
        format!("{GAZ_HEADER}my:org/1\tZorblax Collective\tORGANIZATION\tngo\t\t\tZorblax\t\tmy notes\n"),
    )
    .expect("write");
    let doc = dir.path().join("d.txt");
    std::fs::write(
        &doc,
        "The Zorblax Collective met in Kabul. Zorblax said no.",
    )
    .expect("write");
    let out = dir.path().join("out");
    let user_list = ["--gazetteer", gaz.to_str().expect("utf-8 path")];
    let o = extract(&[&doc], &out, &user_list);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rows = crate::util::read_table(&out.join("entities.csv"));
    let ids: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r["text"].as_str(), r["canonical_id"].as_str()))
        .collect();
    assert!(ids.contains(&("Zorblax Collective", "my:org/1")), "{ids:?}");
    assert!(ids.contains(&("Zorblax", "my:org/1")), "{ids:?}");
    assert!(ids.iter().any(|(t, _)| *t == "Kabul"), "defaults still on");

    // Only the user's list.
    let out2 = dir.path().join("out2");
    let only = [&user_list[..], &["--no-default-gazetteers"]].concat();
    let o = extract(&[&doc], &out2, &only);
    assert!(o.status.success());
    let rows = crate::util::read_table(&out2.join("entities.csv"));
    // Rules may still find Kabul ("in Kabul"), but no default list does.
    for r in &rows {
        let src = r["source"].as_str();
        assert!(
            !src.starts_with("gazetteer:") || src.contains("mine.tsv"),
            "{r:?}"
        );
    }

    // A bad row: exit 2, file and line named.
    std::fs::write(&gaz, format!("{GAZ_HEADER}x\tY\tTHING\t\t\t\t\t\t\n"))
        .expect("write");
    let o = run(&[
        "extract",
        doc.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--gazetteer",
        gaz.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("mine.tsv:2: unknown type"), "{err}");
}

/// Tables get the permissions of any new file (0666 less the umask), not
/// the owner-only mode of the temporary files they are written through.
#[cfg(unix)]
#[test]
fn tables_have_ordinary_file_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    let o = extract(&[&root().join("data")], &out, &[]);
    assert!(o.status.success(), "{o:?}");
    let plain = out.join("plain");
    std::fs::File::create(&plain).expect("plain file");
    let mode = |p: &std::path::Path| {
        std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777
    };
    for table in ["documents.csv", "entities.csv", "claims.csv"] {
        assert_eq!(mode(&out.join(table)), mode(&plain), "{table}");
    }
}
