//! Large runs: shards, manifests, resuming and merging.
//!
//! A run over a big archive can be split into `N` shards, each run on its
//! own (one after another, or on `N` machines). Shard `K` of `N` takes the
//! documents whose id hashes to `K`: the 64-bit FNV-1a hash of the id's
//! UTF-8 bytes, modulo `N`, plus one. The hash depends only on the id, so
//! the split is the same on every machine and platform; all copies of one
//! id land in one shard, so duplicate ids are caught there exactly as in a
//! single run; and a text file whose id belongs elsewhere is not even
//! read. The documents of one JSONL file are spread over the shards, so
//! every shard reads (and parses) every JSONL file, and processes its part.
//!
//! Each run writes its tables into a folder, then a `manifest.json`
//! ([`Manifest`]): the inputs and settings, the shard, the counts, the
//! size and sha256 of every table, the tool version, and `"done": true`.
//! The manifest is written last and renamed into place, so it is the done
//! marker: a folder with a manifest whose hashes match its tables holds a
//! complete run, and a killed run leaves neither a manifest nor a table
//! under a final name. A shard also writes `order.tsv`, one line per
//! document: its input position (its index among all documents of the
//! inputs) and the byte length of its rows in each table. [`merge`] uses
//! it to interleave the shards' rows back into input order, so the merged
//! tables are byte for byte those of one uninterrupted run.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::input::{InputOptions, Item, Reader, Source};
use crate::output::{
    self, hex, AtomicFile, Outcome, RenderOptions, TableWriter, TABLES,
};
use crate::pipeline::{Pipeline, RunOptions, RunStats};

/// The manifest's file name; it is written last, as the done marker.
pub const MANIFEST: &str = "manifest.json";

/// The per-document order file of a shard.
pub const ORDER: &str = "order.tsv";

/// How documents are assigned to shards, as recorded in manifests.
pub const ASSIGNMENT: &str = "fnv1a64(utf8(doc_id)) mod N + 1";

/// One shard of a run: `index` (from 1) of `count`.
#[derive(Clone, Copy, Debug, Deserialize, Eq, PartialEq, Serialize)]
pub struct Shard {
    /// Which shard, from 1 to `count`.
    pub index: u32,
    /// How many shards the run is split into.
    pub count: u32,
}

impl Shard {
    /// Makes shard `index` of `count`.
    ///
    /// # Errors
    ///
    /// Unless `1 <= index <= count`.
    pub fn new(index: u32, count: u32) -> Result<Shard> {
        if count == 0 || index == 0 || index > count {
            return Err(Error::config(format!(
                "shard {index}/{count}: need 1 <= K <= N in K/N"
            )));
        }
        Ok(Shard { index, count })
    }

    /// Whether the document with this id belongs to this shard.
    pub fn owns(&self, id: &str) -> bool {
        shard_of(id, self.count) == self.index
    }

    /// The shard's folder name inside the output folder:
    /// `shard-K-of-N`.
    pub fn dir_name(&self) -> String {
        format!("shard-{}-of-{}", self.index, self.count)
    }

    /// Parses a folder name made by [`Shard::dir_name`].
    pub fn from_dir_name(name: &str) -> Option<Shard> {
        let rest = name.strip_prefix("shard-")?;
        let (k, n) = rest.split_once("-of-")?;
        Shard::new(k.parse().ok()?, n.parse().ok()?).ok()
    }
}

impl FromStr for Shard {
    type Err = Error;

    /// Parses `K/N`.
    fn from_str(s: &str) -> Result<Shard> {
        let bad = || Error::config(format!("shard {s:?}: expected K/N"));
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let k = k.trim().parse().map_err(|_| bad())?;
        let n = n.trim().parse().map_err(|_| bad())?;
        Shard::new(k, n)
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// The shard (from 1 to `count`) of a document id.
///
/// # Panics
///
/// If `count` is 0.
pub fn shard_of(id: &str, count: u32) -> u32 {
    assert!(count > 0, "at least one shard");
    // FNV-1a is fixed by its spec (no random seed, unlike std's hasher),
    // so every machine agrees.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in id.as_bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    // The remainder is below `count`, a u32.
    (hash % u64::from(count)) as u32 + 1
}

/// One input as recorded in a manifest.
#[derive(Clone, Debug, Deserialize, Eq, PartialEq, Serialize)]
pub struct InputFile {
    /// The path (`-` for standard input).
    pub path: String,
    /// Its size in bytes, when it is a file.
    pub bytes: Option<u64>,
}

/// The settings that change the tables, as recorded in a manifest.
#[derive(Clone, Debug, Deserialize, Eq, PartialEq, Serialize)]
pub struct Settings {
    /// The JSONL id field.
    pub id_field: String,
    /// The JSONL text field.
    pub text_field: String,
    /// The document size limit.
    pub max_doc_bytes: u64,
    /// Whether formula cells are left as they are.
    pub raw_cells: bool,
    /// The stages' fingerprint (`PipelineBuilder::fingerprint`): tool
    /// version, default data, user gazetteers and rules. Empty in
    /// manifests from before it was recorded, which never match.
    #[serde(default)]
    pub stages: String,
}

/// What a run is over: enough to tell whether a finished run in a folder
/// is the one asked for again.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct RunSpec {
    /// The inputs, in order.
    pub inputs: Vec<InputFile>,
    /// The settings.
    pub settings: Settings,
    /// The shard, or `None` for a whole run.
    pub shard: Option<Shard>,
}

impl RunSpec {
    /// The spec of a run over `sources`.
    pub fn new(
        sources: &[Source],
        input: &InputOptions,
        render: RenderOptions,
        stages: String,
        shard: Option<Shard>,
    ) -> RunSpec {
        RunSpec {
            inputs: sources
                .iter()
                .map(|s| InputFile { path: s.display(), bytes: s.file_size() })
                .collect(),
            settings: Settings {
                id_field: input.id_field.clone(),
                text_field: input.text_field.clone(),
                max_doc_bytes: input.max_doc_bytes,
                raw_cells: !render.safe_cells,
                stages,
            },
            shard,
        }
    }
}

/// Document and row counts of a run.
#[derive(Clone, Debug, Default, Deserialize, Eq, PartialEq, Serialize)]
pub struct Counts {
    /// Rows of `documents.csv`.
    pub documents: u64,
    /// Documents processed.
    pub processed: u64,
    /// Documents rejected.
    pub rejected: u64,
    /// Bytes of text processed.
    pub bytes: u64,
    /// Rows of `entities.csv`.
    pub entities: u64,
    /// Rows of `claims.csv`.
    pub claims: u64,
}

impl From<&RunStats> for Counts {
    fn from(s: &RunStats) -> Counts {
        Counts {
            documents: s.processed + s.rejected,
            processed: s.processed,
            rejected: s.rejected,
            bytes: s.bytes,
            entities: s.entities,
            claims: s.claims,
        }
    }
}

/// One file of a finished run, with its size and hash.
#[derive(Clone, Debug, Deserialize, Eq, PartialEq, Serialize)]
pub struct TableFile {
    /// The file name inside the run's folder.
    pub name: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// Its hex sha256.
    pub sha256: String,
}

/// `manifest.json`: what a finished run holds. Written last.
#[derive(Clone, Debug, Deserialize, Eq, PartialEq, Serialize)]
pub struct Manifest {
    /// Always `factspan`.
    pub tool: String,
    /// The version of the tool that wrote the tables.
    pub version: String,
    /// The shard, or `null` for a whole (or merged) run.
    pub shard: Option<Shard>,
    /// How documents are assigned to shards.
    pub assignment: String,
    /// The inputs, in order.
    pub inputs: Vec<InputFile>,
    /// The settings.
    pub settings: Settings,
    /// The counts.
    pub counts: Counts,
    /// The files written, with sizes and hashes.
    pub tables: Vec<TableFile>,
    /// Always true: a manifest exists only once its run is complete.
    pub done: bool,
}

impl Manifest {
    fn matches(&self, spec: &RunSpec) -> std::result::Result<(), String> {
        if self.version != env!("CARGO_PKG_VERSION") {
            return Err(format!("written by version {}", self.version));
        }
        if self.shard != spec.shard {
            return Err("written for another shard".into());
        }
        if spec.inputs.iter().any(|i| i.bytes.is_none()) {
            return Err("standard input cannot be compared with a run".into());
        }
        if self.inputs != spec.inputs {
            return Err("written for other inputs (paths or sizes)".into());
        }
        if self.settings.stages != spec.settings.stages {
            return Err("written with other gazetteers, rules or build".into());
        }
        if self.settings != spec.settings {
            return Err("written with other settings".into());
        }
        Ok(())
    }
}

/// What a folder holds, for `--resume`.
#[derive(Debug)]
pub enum Status {
    /// A complete run of this spec, every table matching its hash.
    Done(Box<Manifest>),
    /// No manifest: never run, or killed before the end.
    Missing,
    /// A manifest that does not fit: why.
    Stale(String),
}

/// Checks whether `dir` holds a complete run of `spec`: a manifest marked
/// done, for the same inputs, settings, shard and tool version, whose
/// tables all match their recorded size and sha256.
///
/// # Errors
///
/// Only when a file exists but cannot be read.
pub fn status(dir: &Path, spec: &RunSpec) -> Result<Status> {
    let manifest = match read_manifest(dir)? {
        Some(Ok(m)) => m,
        Some(Err(why)) => return Ok(Status::Stale(why)),
        None => return Ok(Status::Missing),
    };
    if let Err(why) = manifest.matches(spec) {
        return Ok(Status::Stale(why));
    }
    if let Err(why) = verify_tables(dir, &manifest)? {
        return Ok(Status::Stale(why));
    }
    Ok(Status::Done(Box::new(manifest)))
}

/// Reads `dir/manifest.json`: `None` when absent, `Some(Err(why))` when it
/// is not a done manifest.
fn read_manifest(
    dir: &Path,
) -> Result<Option<std::result::Result<Manifest, String>>> {
    let path = dir.join(MANIFEST);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(&path, e)),
    };
    Ok(Some(match serde_json::from_slice::<Manifest>(&bytes) {
        Ok(m) if m.done => Ok(m),
        Ok(_) => Err("manifest not marked done".into()),
        Err(e) => Err(format!("unreadable manifest: {e}")),
    }))
}

fn verify_tables(
    dir: &Path,
    manifest: &Manifest,
) -> Result<std::result::Result<(), String>> {
    for t in &manifest.tables {
        let path = dir.join(&t.name);
        let (bytes, sha) = match file_digest(&path) {
            Ok(d) => d,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(Err(format!("{} is missing", t.name)))
            }
            Err(e) => return Err(Error::io(&path, e)),
        };
        if bytes != t.bytes || sha != t.sha256 {
            return Ok(Err(format!("{} does not match its sha256", t.name)));
        }
    }
    Ok(Ok(()))
}

/// The size and hex sha256 of a file.
fn file_digest(path: &Path) -> io::Result<(u64, String)> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0; 1 << 16];
    let mut len = 0u64;
    loop {
        let n = match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&buf[..n]);
        len += n as u64;
    }
    Ok((len, hex(&hasher.finalize())))
}

/// Runs the pipeline over `reader` into the three CSV tables in `dir`,
/// then writes the manifest. With a shard in `spec`, only that shard's
/// documents are read, and `order.tsv` is written for [`merge`].
///
/// An earlier manifest in `dir` is removed first, so that it never vouches
/// for tables about to be replaced; in a shard's folder, so are temporary
/// files left by a killed run. `report` sees every outcome, in input
/// order.
///
/// # Errors
///
/// Returns an error naming the file when a table cannot be written.
pub fn run_tables(
    pipeline: &Pipeline,
    reader: Reader,
    spec: &RunSpec,
    dir: &Path,
    options: &RunOptions,
    render: RenderOptions,
    mut report: impl FnMut(&Outcome),
) -> Result<Manifest> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    remove_if_present(&dir.join(MANIFEST))?;
    if spec.shard.is_some() {
        // A shard folder is ours alone; a plain output folder may hold
        // another run's temporary files, still being written.
        remove_partials(dir)?;
    }
    let reader = match spec.shard {
        Some(shard) => reader.filter_ids(move |id| shard.owns(id)),
        None => reader,
    };
    let mut writer = TableWriter::create(dir)?;
    let mut order = match spec.shard {
        Some(_) => Some(AtomicFile::create(dir, ORDER)?),
        None => None,
    };
    let stats = pipeline.run_tagged(
        Positioned(reader),
        options,
        |p, o| output::render_csv(p, o, render),
        |position, outcome, rows| {
            report(outcome);
            if let Some(order) = &mut order {
                let line = format!(
                    "{position}\t{}\t{}\t{}\n",
                    rows.document.len(),
                    rows.entities.len(),
                    rows.claims.len()
                );
                order.write_all(line.as_bytes())?;
            }
            writer.write_owned(rows)
        },
    )?;
    let mut digests = writer.finish_digests()?;
    let mut names: Vec<&str> = TABLES.to_vec();
    if let Some(order) = order {
        digests.push(order.finish()?);
        names.push(ORDER);
    }
    let manifest = Manifest {
        tool: "factspan".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        shard: spec.shard,
        assignment: ASSIGNMENT.into(),
        inputs: spec.inputs.clone(),
        settings: spec.settings.clone(),
        counts: Counts::from(&stats),
        tables: table_files(&names, digests),
        done: true,
    };
    write_manifest(dir, &manifest)?;
    Ok(manifest)
}

/// Items tagged with their input position.
struct Positioned(Reader);

impl Iterator for Positioned {
    type Item = (u64, Item);

    fn next(&mut self) -> Option<(u64, Item)> {
        let item = self.0.next_item()?;
        Some((self.0.position(), item))
    }
}

/// Names the size and sha256 of each table, as written.
fn table_files(names: &[&str], digests: Vec<(u64, String)>) -> Vec<TableFile> {
    names
        .iter()
        .zip(digests)
        .map(|(name, (bytes, sha256))| TableFile {
            name: (*name).to_string(),
            bytes,
            sha256,
        })
        .collect()
}

fn write_manifest(dir: &Path, manifest: &Manifest) -> Result<()> {
    let mut json = serde_json::to_vec_pretty(manifest)
        .map_err(|e| Error::config(format!("manifest: {e}")))?;
    json.push(b'\n');
    let mut file = AtomicFile::create(dir, MANIFEST)?;
    file.write_all(&json)?;
    file.finish().map(drop)
}

fn remove_if_present(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => {
            Err(Error::io(path, e))
        }
        _ => Ok(()),
    }
}

/// Removes the temporary files (`.NAME.XXXXXX.partial`) that a killed run
/// left behind in a run folder.
fn remove_partials(dir: &Path) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let ours: Vec<String> = TABLES
        .iter()
        .chain(&[ORDER, MANIFEST])
        .map(|name| format!(".{name}."))
        .collect();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.ends_with(".partial")
            && ours.iter().any(|prefix| name.starts_with(prefix.as_str()))
        {
            remove_if_present(&entry.path())?;
        }
    }
    Ok(())
}

/// The complete shards in `dir` (folders `shard-K-of-N`), checked: one
/// `N`, every `K` present, each with a done manifest whose tables match
/// their hashes, all for the same inputs, settings and tool version.
///
/// # Errors
///
/// Names the first shard that is missing, unfinished or inconsistent.
pub fn finished_shards(dir: &Path) -> Result<Vec<(Shard, Manifest)>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut shards = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        if let Some(s) =
            Shard::from_dir_name(&entry.file_name().to_string_lossy())
        {
            shards.push(s);
        }
    }
    shards.sort_by_key(|s| (s.count, s.index));
    let Some(count) = shards.first().map(|s| s.count) else {
        return Err(Error::config(format!(
            "{}: no shard-K-of-N folders to merge",
            dir.display()
        )));
    };
    if shards.iter().any(|s| s.count != count) {
        return Err(Error::config(format!(
            "{}: shards of runs split differently (several N)",
            dir.display()
        )));
    }
    let mut out: Vec<(Shard, Manifest)> = Vec::new();
    for index in 1..=count {
        let shard = Shard { index, count };
        let sub = dir.join(shard.dir_name());
        let unfinished = |why: &str| {
            Error::config(format!(
                "{}: shard {shard} is not finished ({why}); run it with \
                 --shard {shard} --resume",
                sub.display()
            ))
        };
        if !shards.contains(&shard) {
            return Err(unfinished("missing"));
        }
        let manifest = match read_manifest(&sub)? {
            Some(Ok(m)) => m,
            Some(Err(why)) => return Err(unfinished(&why)),
            None => return Err(unfinished("no manifest")),
        };
        if manifest.shard != Some(shard) {
            return Err(unfinished("its manifest names another shard"));
        }
        if let Err(why) = verify_tables(&sub, &manifest)? {
            return Err(unfinished(&why));
        }
        if let Some((_, first)) = out.first() {
            if first.inputs != manifest.inputs
                || first.settings != manifest.settings
                || first.version != manifest.version
            {
                return Err(Error::config(format!(
                    "{}: shard {shard} was run over other inputs, settings \
                     or version than shard 1/{count}",
                    sub.display()
                )));
            }
        }
        out.push((shard, manifest));
    }
    Ok(out)
}

/// One shard's files, read in step during a merge.
struct ShardCursor {
    order: BufReader<File>,
    order_path: PathBuf,
    tables: Vec<BufReader<File>>,
    line: String,
}

impl ShardCursor {
    /// The next document: its position and row lengths per table.
    fn next_doc(&mut self) -> Result<Option<(u64, [u64; 3])>> {
        self.line.clear();
        let n = self
            .order
            .read_line(&mut self.line)
            .map_err(|e| Error::io(&self.order_path, e))?;
        if n == 0 {
            return Ok(None);
        }
        let bad = || Error::table(&self.order_path, "bad line");
        let mut fields = self.line.trim_end().split('\t').map(|f| f.parse());
        let mut next = || fields.next().and_then(|f| f.ok()).ok_or_else(bad);
        Ok(Some((next()?, [next()?, next()?, next()?])))
    }
}

/// Merges the finished shards in `dir` into the three tables in `dest`
/// (which may be `dir` itself), with a manifest: the rows of all shards
/// in input order, byte for byte what one uninterrupted run writes.
///
/// # Errors
///
/// Fails, writing nothing under a final name, when a shard is missing or
/// unfinished (see [`finished_shards`]) or a file cannot be read or
/// written.
pub fn merge(dir: &Path, dest: &Path) -> Result<Manifest> {
    let shards = finished_shards(dir)?;
    std::fs::create_dir_all(dest).map_err(|e| Error::io(dest, e))?;
    remove_if_present(&dest.join(MANIFEST))?;
    let mut cursors = Vec::new();
    for (shard, _) in &shards {
        let sub = dir.join(shard.dir_name());
        let open = |name: &str| {
            let path = sub.join(name);
            File::open(&path)
                .map(|f| BufReader::with_capacity(1 << 16, f))
                .map_err(|e| Error::io(&path, e))
        };
        let mut tables = Vec::new();
        for name in TABLES {
            tables.push(open(name)?);
        }
        cursors.push(ShardCursor {
            order: open(ORDER)?,
            order_path: sub.join(ORDER),
            tables,
            line: String::new(),
        });
    }
    let mut outs = Vec::new();
    for name in TABLES {
        outs.push(AtomicFile::create(dest, name)?);
    }
    // Every table starts with the same header line: keep the first
    // shard's, skip the others'.
    for (c, cursor) in cursors.iter_mut().enumerate() {
        for (t, table) in cursor.tables.iter_mut().enumerate() {
            let mut header = Vec::new();
            table
                .read_until(b'\n', &mut header)
                .map_err(|e| Error::io(outs[t].dest(), e))?;
            if c == 0 {
                outs[t].write_all(&header)?;
            }
        }
    }
    let mut heap = BinaryHeap::new();
    let mut pending = Vec::with_capacity(cursors.len());
    for (c, cursor) in cursors.iter_mut().enumerate() {
        let doc = cursor.next_doc()?;
        if let Some((position, _)) = doc {
            heap.push(Reverse((position, c)));
        }
        pending.push(doc);
    }
    let mut buf = Vec::new();
    while let Some(Reverse((_, c))) = heap.pop() {
        let (_, lens) =
            pending[c].expect("a shard is on the heap only with a document");
        for (t, &len) in lens.iter().enumerate() {
            buf.clear();
            let got = (&mut cursors[c].tables[t])
                .take(len)
                .read_to_end(&mut buf)
                .map_err(|e| Error::io(outs[t].dest(), e))?;
            if got as u64 != len {
                return Err(Error::table(
                    &cursors[c].order_path,
                    format!(
                        "{} is shorter than its order file says",
                        TABLES[t]
                    ),
                ));
            }
            outs[t].write_all(&buf)?;
        }
        pending[c] = cursors[c].next_doc()?;
        if let Some((position, _)) = pending[c] {
            heap.push(Reverse((position, c)));
        }
    }
    let digests = outs
        .into_iter()
        .map(AtomicFile::finish)
        .collect::<Result<Vec<_>>>()?;
    let mut counts = Counts::default();
    for (_, m) in &shards {
        counts.documents += m.counts.documents;
        counts.processed += m.counts.processed;
        counts.rejected += m.counts.rejected;
        counts.bytes += m.counts.bytes;
        counts.entities += m.counts.entities;
        counts.claims += m.counts.claims;
    }
    let first = &shards[0].1;
    let manifest = Manifest {
        tool: "factspan".into(),
        version: first.version.clone(),
        shard: None,
        assignment: ASSIGNMENT.into(),
        inputs: first.inputs.clone(),
        settings: first.settings.clone(),
        counts,
        tables: table_files(&TABLES, digests),
        done: true,
    };
    write_manifest(dest, &manifest)?;
    Ok(manifest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_published_test_vectors() {
        // From the FNV spec's test suite (draft-eastlake-fnv, FNV-1a 64).
        let cases: &[(&str, u64)] = &[
            ("", 0xcbf2_9ce4_8422_2325),
            ("a", 0xaf63_dc4c_8601_ec8c),
            ("foobar", 0x8594_4171_f739_67e8),
        ];
        for &(id, hash) in cases {
            for n in [1u32, 2, 7, 1000] {
                let want = (hash % u64::from(n)) as u32 + 1;
                assert_eq!(shard_of(id, n), want, "{id:?} mod {n}");
            }
        }
    }

    #[test]
    fn every_id_has_exactly_one_shard() {
        let shards: Vec<Shard> =
            (1..=4).map(|k| Shard::new(k, 4).expect("valid")).collect();
        let mut sizes = [0usize; 4];
        for i in 0..4000 {
            let id = format!("doc-{i}");
            let owners: Vec<usize> =
                (0..4).filter(|&s| shards[s].owns(&id)).collect();
            assert_eq!(owners.len(), 1, "{id}");
            sizes[owners[0]] += 1;
        }
        // A hash spreads sequential ids evenly enough to balance shards.
        for size in sizes {
            assert!((800..1200).contains(&size), "{sizes:?}");
        }
    }

    #[test]
    fn shard_specs_parse() {
        let cases: &[(&str, Option<(u32, u32)>)] = &[
            ("1/4", Some((1, 4))),
            ("4/4", Some((4, 4))),
            (" 2 / 3 ", Some((2, 3))),
            ("1/1", Some((1, 1))),
            ("0/4", None),
            ("5/4", None),
            ("1/0", None),
            ("1", None),
            ("a/b", None),
            ("-1/4", None),
        ];
        for &(s, want) in cases {
            let got = s.parse::<Shard>().ok().map(|s| (s.index, s.count));
            assert_eq!(got, want, "{s:?}");
        }
        let s = Shard::new(3, 8).expect("valid");
        assert_eq!(s.dir_name(), "shard-3-of-8");
        assert_eq!(Shard::from_dir_name(&s.dir_name()), Some(s));
        assert_eq!(Shard::from_dir_name("shard-9-of-8"), None);
        assert_eq!(Shard::from_dir_name("notes"), None);
    }

    #[test]
    fn hex_is_lowercase_and_padded() {
        assert_eq!(hex(&[0x00, 0x0f, 0xab, 0xff]), "000fabff");
    }
}
