//! Embeds the default gazetteers: every `gazetteers/*.tsv` and
//! `gazetteers/curated/*.tsv` file (but `MANIFEST.tsv`) and
//! `gazetteers/common_words.txt`, in sorted order.

use std::fmt::Write;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(
        std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"),
    );
    let dir = root.join("gazetteers");
    println!("cargo:rerun-if-changed=gazetteers");
    let mut files = Vec::new();
    for sub in [dir.clone(), dir.join("curated")] {
        println!("cargo:rerun-if-changed={}", sub.display());
        let Ok(entries) = std::fs::read_dir(&sub) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let wanted = (name.ends_with(".tsv") && name != "MANIFEST.tsv")
                || name == "common_words.txt";
            if wanted && p.is_file() {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut code = String::from("[\n");
    for p in &files {
        println!("cargo:rerun-if-changed={}", p.display());
        let rel = relative(&root, p);
        writeln!(
            code,
            "    ({rel:?}, include_str!({:?})),",
            p.display().to_string()
        )
        .expect("writing to a String");
    }
    code.push(']');
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"));
    std::fs::write(out.join("default_gazetteers.rs"), code)
        .expect("OUT_DIR is writable");
}

fn relative(root: &Path, p: &Path) -> String {
    p.strip_prefix(root).unwrap_or(p).to_string_lossy().replace('\\', "/")
}
