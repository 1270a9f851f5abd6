//! Large runs: shards merge to the bytes of one run, a killed shard leaves
//! no table and no done marker, `--resume` skips finished shards and redoes
//! the rest.

use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

use factspan::output::TABLES;

use crate::util::{extract, factspan, root, run};

/// A JSONL corpus of `docs` news documents made from the articles in
/// `data/`, with a duplicate id and a bad line among them.
fn corpus(dir: &Path, docs: usize) -> std::path::PathBuf {
    let mut articles = Vec::new();
    for name in
        ["amnesty-pakistan-deportations.txt", "pakistan-un-peacekeeping.txt"]
    {
        let text = std::fs::read_to_string(root().join("data").join(name))
            .expect("sample article");
        articles.push(text);
    }
    let mut out = String::new();
    for i in 0..docs {
        let text = &articles[i % articles.len()];
        let line = serde_json::json!({"id": format!("n{i}"), "text": text});
        out.push_str(&line.to_string());
        out.push('\n');
        if i == docs / 3 {
            out.push_str("{\"id\": \"n1\", \"text\": \"Duplicate of n1.\"}\n");
            out.push_str("{not json\n");
        }
    }
    let path = dir.join("corpus.jsonl");
    std::fs::write(&path, out).expect("write corpus");
    path
}

fn ok(o: &Output) {
    assert!(
        o.status.code().is_some_and(|c| c <= 1),
        "exit {:?}: {}",
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
}

fn merge(dir: &Path, out: &Path) -> Output {
    run(&[
        "merge",
        dir.to_str().expect("utf-8 path"),
        "-o",
        out.to_str().expect("utf-8 path"),
    ])
}

fn assert_same_tables(want: &Path, got: &Path) {
    for table in TABLES {
        let w = std::fs::read(want.join(table)).expect("table");
        let g = std::fs::read(got.join(table)).expect("table");
        assert!(w == g, "{table} differs from the single run");
    }
}

fn rows(path: &Path) -> usize {
    std::fs::read_to_string(path).expect("table").lines().count()
}

#[test]
fn shards_merge_to_the_bytes_of_a_single_run() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let jsonl = corpus(tmp.path(), 300);
    let data = root().join("data");
    let inputs = [jsonl.as_path(), data.as_path()];
    let single = tmp.path().join("single");
    ok(&extract(&inputs, &single, &["--threads", "2"]));
    let shards = tmp.path().join("shards");
    for k in 1..=3 {
        ok(&extract(&inputs, &shards, &["--shard", &format!("{k}/3")]));
    }
    // Every document lands in exactly one shard.
    let per_shard: usize = (1..=3)
        .map(|k| {
            rows(&shards.join(format!("shard-{k}-of-3/documents.csv"))) - 1
        })
        .sum();
    assert_eq!(per_shard, rows(&single.join("documents.csv")) - 1);
    for k in 1..=3 {
        let n = rows(&shards.join(format!("shard-{k}-of-3/documents.csv")));
        assert!(n > 50, "shard {k} has {n} rows: the hash spreads ids");
    }
    let merged = tmp.path().join("merged");
    let o = merge(&shards, &merged);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_same_tables(&single, &merged);
    let manifest: serde_json::Value = serde_json::from_slice(
        &std::fs::read(merged.join("manifest.json")).expect("manifest"),
    )
    .expect("json");
    assert_eq!(manifest["done"], true);
    assert_eq!(manifest["counts"]["documents"], 300 + 2 + 2);
    assert_eq!(manifest["counts"]["rejected"], 2);
}

#[test]
fn a_killed_shard_leaves_nothing_final_and_resume_completes_it() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let jsonl = corpus(tmp.path(), 4000);
    let inputs = [jsonl.as_path()];
    let shards = tmp.path().join("shards");
    ok(&extract(&inputs, &shards, &["--shard", "1/2"]));
    let first = shards.join("shard-1-of-2");
    let first_manifest =
        std::fs::read(first.join("manifest.json")).expect("shard 1 done");

    let second = shards.join("shard-2-of-2");
    let mut child = factspan()
        .args(["extract", jsonl.to_str().expect("utf-8 path"), "-o"])
        .arg(&shards)
        .args(["--shard", "2/2", "--threads", "1", "--quiet"])
        .spawn()
        .expect("spawn");
    // Kill it once rows have reached its temporary documents table.
    let started = Instant::now();
    let partial_has_rows = || {
        std::fs::read_dir(&second).ok().is_some_and(|entries| {
            entries.flatten().any(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.starts_with(".documents.csv.")
                    && e.metadata().is_ok_and(|m| m.len() > 0)
            })
        })
    };
    // Generous: a loaded machine may run the (debug-profile) child slowly.
    while !partial_has_rows() {
        let exited = child.try_wait().expect("child status");
        assert!(exited.is_none(), "shard 2 ended before it could be killed");
        assert!(started.elapsed() < Duration::from_secs(300), "no progress");
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().expect("kill");
    let status = child.wait().expect("wait");
    assert!(!status.success(), "the run was killed mid-way, not finished");
    for name in TABLES.iter().chain(&["order.tsv", "manifest.json"]) {
        assert!(!second.join(name).exists(), "{name} under its final name");
    }
    let o = merge(&shards, &tmp.path().join("early"));
    assert_eq!(o.status.code(), Some(2), "a merge needs every shard done");
    assert!(String::from_utf8_lossy(&o.stderr).contains("shard 2/2"));

    // Resume: shard 1 is skipped untouched, shard 2 is run again.
    for k in 1..=2 {
        let o = run(&[
            "extract",
            jsonl.to_str().expect("utf-8 path"),
            "-o",
            shards.to_str().expect("utf-8 path"),
            "--shard",
            &format!("{k}/2"),
            "--resume",
        ]);
        ok(&o);
        let said = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_eq!(said.contains("already done"), k == 1, "{said}");
    }
    assert_eq!(
        std::fs::read(first.join("manifest.json")).expect("manifest"),
        first_manifest
    );
    let leftovers: Vec<String> = std::fs::read_dir(&second)
        .expect("shard dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let merged = tmp.path().join("merged");
    let o = merge(&shards, &merged);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let single = tmp.path().join("single");
    ok(&extract(&inputs, &single, &[]));
    assert_same_tables(&single, &merged);
}

#[test]
fn resume_redoes_a_tampered_shard_and_merge_refuses_it() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let jsonl = corpus(tmp.path(), 60);
    let inputs = [jsonl.as_path()];
    let shards = tmp.path().join("shards");
    for k in 1..=2 {
        ok(&extract(&inputs, &shards, &["--shard", &format!("{k}/2")]));
    }
    let table = shards.join("shard-2-of-2/documents.csv");
    let good = std::fs::read(&table).expect("table");
    let mut bad = good.clone();
    bad.extend_from_slice(b"n0,extra,1,1,,ok,0,0\n");
    std::fs::write(&table, &bad).expect("tamper");

    let o = merge(&shards, &tmp.path().join("merged"));
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("sha256"));

    let o = run(&[
        "extract",
        jsonl.to_str().expect("utf-8 path"),
        "-o",
        shards.to_str().expect("utf-8 path"),
        "--shard",
        "2/2",
        "--resume",
    ]);
    ok(&o);
    assert!(String::from_utf8_lossy(&o.stderr).contains("running again"));
    assert_eq!(std::fs::read(&table).expect("table"), good, "no duplicate");
    let o = merge(&shards, &tmp.path().join("merged"));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn resume_runs_again_when_the_inputs_changed() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let jsonl = corpus(tmp.path(), 20);
    let out = tmp.path().join("out");
    ok(&extract(&[&jsonl], &out, &[]));
    let resume = || {
        run(&[
            "extract",
            jsonl.to_str().expect("utf-8 path"),
            "-o",
            out.to_str().expect("utf-8 path"),
            "--resume",
        ])
    };
    let o = resume();
    assert_eq!(o.status.code(), Some(1), "the same rejections as the run");
    assert!(String::from_utf8_lossy(&o.stderr).contains("already done"));
    corpus(tmp.path(), 21);
    let o = resume();
    ok(&o);
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(said.contains("other inputs"), "{said}");
    assert_eq!(rows(&out.join("documents.csv")), 1 + 21 + 2);
}

/// Tables made with other gazetteers or rules are not "done" for a run
/// with these: the manifest records the stages' fingerprint.
#[test]
fn resume_runs_again_when_the_gazetteers_or_rules_changed() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let jsonl = corpus(tmp.path(), 5);
    let out = tmp.path().join("out");
    let list = tmp.path().join("mine.tsv");
    std::fs::write(
        &list,
        "canonical_id\tname\ttype\tsubtype\tcountry\tpopulation\t\
         aliases\tflags\tsource\nmy:1\tBlue Lantern Trust\tORGANIZATION\t\
         ngo\t\t\t\t\ttest\n",
    )
    .expect("write list");
    let resume = |extra: &[&str]| {
        let mut args = vec![
            "extract",
            jsonl.to_str().expect("utf-8 path"),
            "-o",
            out.to_str().expect("utf-8 path"),
            "--resume",
        ];
        args.extend(extra);
        run(&args)
    };
    let list_arg = ["--gazetteer", list.to_str().expect("utf-8 path")];
    resume(&[]);
    let o = resume(&list_arg);
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(said.contains("other gazetteers, rules"), "{said}");
    let o = resume(&list_arg);
    assert!(String::from_utf8_lossy(&o.stderr).contains("already done"));
    std::fs::write(&list, "changed").expect("rewrite list");
    let o = resume(&list_arg);
    assert!(!String::from_utf8_lossy(&o.stderr).contains("already done"));
    assert_eq!(o.status.code(), Some(2), "the bad list is an error");
    let o = resume(&["--no-default-rules"]);
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(said.contains("other gazetteers, rules"), "{said}");
}

#[test]
fn shards_need_csv_tables_and_a_valid_spec() {
    for args in [
        &["extract", "data/", "--shard", "1/2", "--format", "jsonl"][..],
        &["extract", "data/", "--resume", "--format", "jsonl", "-o", "-"],
        &["extract", "data/", "--shard", "3/2", "-o", "/tmp/unused"],
        &["extract", "data/", "--shard", "0/2", "-o", "/tmp/unused"],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(!o.stderr.is_empty(), "{args:?} says why");
    }
}
