//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The built `factspan` binary.
pub fn factspan() -> Command {
    Command::new(env!("CARGO_BIN_EXE_factspan"))
}

/// Runs the binary with `args`, returning its output.
pub fn run(args: &[&str]) -> Output {
    factspan().args(args).output().expect("the binary runs")
}

/// Runs `factspan extract INPUTS -o OUT --quiet EXTRA...`.
pub fn extract(inputs: &[&Path], out: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["extract"];
    args.extend(inputs.iter().map(|p| p.to_str().expect("utf-8 path")));
    args.extend(["-o", out.to_str().expect("utf-8 path"), "--quiet"]);
    args.extend(extra);
    run(&args)
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Reads a CSV table into rows of strings (header included).
pub fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    r.records()
        .map(|rec| rec.expect("valid csv").iter().map(String::from).collect())
        .collect()
}

/// A table as a list of maps from column name to cell.
pub fn read_table(
    path: &Path,
) -> Vec<std::collections::BTreeMap<String, String>> {
    let rows = read_csv(path);
    let header = &rows[0];
    rows[1..]
        .iter()
        .map(|r| header.iter().cloned().zip(r.iter().cloned()).collect())
        .collect()
}

/// Python-style code-point slicing.
pub fn slice_chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// Asserts two strings are equal, printing both in full when not.
#[macro_export]
macro_rules! eqnice {
    ($expected:expr, $got:expr, $what:expr) => {{
        let expected = &*$expected;
        let got = &*$got;
        if expected != got {
            panic!(
                "\n{} differs\n==== expected ====\n{}\n==== got ====\n{}\n",
                $what, expected, got
            );
        }
    }};
}
