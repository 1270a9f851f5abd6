//! The tables for `data/` compared byte for byte with `tests/golden/`,
//! with one thread and with four. `BLESS=1 cargo test` rewrites them.

use crate::eqnice;
use crate::util::{root, run};

fn extract_with_threads(threads: &str) -> tempfile::TempDir {
    let out = tempfile::tempdir().expect("temp dir");
    let o = run(&[
        "extract",
        "data/",
        "-o",
        out.path().to_str().expect("utf-8 temp path"),
        "--threads",
        threads,
        "--quiet",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

#[test]
fn golden_tables_for_data_with_one_and_four_threads() {
    let golden = root().join("tests/golden");
    let bless = std::env::var_os("BLESS").is_some();
    for threads in ["1", "4"] {
        let out = extract_with_threads(threads);
        for table in factspan::output::TABLES {
            let got = std::fs::read_to_string(out.path().join(table))
                .expect("table written");
            let path = golden.join(table);
            if bless && threads == "1" {
                std::fs::create_dir_all(&golden).expect("golden dir");
                std::fs::write(&path, &got).expect("write golden");
                continue;
            }
            let want = std::fs::read_to_string(&path).unwrap_or_else(|e| {
                panic!("{}: {e} (run with BLESS=1 to create)", path.display())
            });
            eqnice!(want, got, format!("{table} with {threads} threads"));
        }
    }
}
