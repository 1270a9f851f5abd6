//! Embeds the default gazetteers: every `gazetteers/*.tsv` and
//! `gazetteers/curated/*.tsv` file (but `MANIFEST.tsv`) and
//! `gazetteers/common_words.txt`, in sorted order.
//!
//! Loading them (parsing ~16 MB of TSV, folding, ranking and building the
//! matcher's hash tables) took most of a second at every start-up, so it is done here
//! once, with the crate's own loader (`src/gazetteer/table.rs`): the
//! result goes to `OUT_DIR/default_gazetteer.bin`, which the crate embeds
//! and reads back in milliseconds. A bad row in a default file fails the
//! build with its file and line.

use std::fmt::Write;
use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/gazetteer/table.rs"]
mod table;

#[allow(dead_code)]
#[path = "src/gazetteer/matcher.rs"]
mod matcher;

fn main() {
    let root = PathBuf::from(
        std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"),
    );
    let dir = root.join("gazetteers");
    println!("cargo:rerun-if-changed=gazetteers");
    println!("cargo:rerun-if-changed=src/gazetteer/table.rs");
    println!("cargo:rerun-if-changed=src/gazetteer/matcher.rs");
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
    let mut loader = table::Loader::default();
    for p in &files {
        println!("cargo:rerun-if-changed={}", p.display());
        let rel = relative(&root, p);
        writeln!(
            code,
            "    ({rel:?}, include_str!({:?})),",
            p.display().to_string()
        )
        .expect("writing to a String");
        let text = std::fs::read_to_string(p)
            .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        if let Err(e) = loader.load(&rel, &text) {
            panic!("{rel}:{}: {}", e.line, e.message);
        }
    }
    code.push(']');
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"));
    std::fs::write(out.join("default_gazetteers.rs"), code)
        .expect("OUT_DIR is writable");
    let compiled = loader.finish();
    let bytes = table::encode(&compiled)
        .unwrap_or_else(|e| panic!("default gazetteers: {e}"));
    // A digest of the compiled defaults, so that `--resume` can tell
    // tables made with other gazetteer data apart (FNV-1a, 64 bits).
    let digest = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    std::fs::write(out.join("default_gazetteer.bin"), bytes)
        .expect("OUT_DIR is writable");
    std::fs::write(
        out.join("default_gazetteer.digest"),
        format!("\"{digest:016x}\""),
    )
    .expect("OUT_DIR is writable");
}

fn relative(root: &Path, p: &Path) -> String {
    p.strip_prefix(root).unwrap_or(p).to_string_lossy().replace('\\', "/")
}
