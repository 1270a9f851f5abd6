//! Command-line arguments and their validation into settings.

use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};

/// factspan: news text in, span-exact fact tables out.
#[derive(Debug, Parser)]
#[command(name = "factspan", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract entities and numeric claims into CSV tables (or JSONL).
    Extract(ExtractArgs),
    /// Build a self-contained HTML page to review an extract run.
    Review(ReviewArgs),
    /// Check a fact table (ours or a spreadsheet) against its sources.
    Audit(AuditArgs),
    /// List claims whose figures disagree across documents.
    Compare(CompareArgs),
    /// Score the extracted entities against a gold JSONL file.
    Eval(EvalArgs),
    /// Merge the finished shards in a folder into the final tables.
    Merge(MergeArgs),
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The folder holding the `shard-K-of-N` folders.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Output folder for the merged tables (default: DIR itself).
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// No summary on standard error.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Output format of `extract`.
#[derive(Clone, Copy, Debug, Eq, PartialEq, ValueEnum)]
pub enum Format {
    /// Three CSV tables in a folder.
    Csv,
    /// One JSON line per document (use `-o -` for stdout).
    Jsonl,
}

/// Validates `--threads` (default: all cores).
fn thread_count(threads: Option<usize>) -> Result<usize> {
    match threads {
        Some(0) => bail!("--threads must be at least 1"),
        Some(n) => Ok(n),
        None => {
            Ok(std::thread::available_parallelism().map_or(1, |n| n.get()))
        }
    }
}

/// Which gazetteers and rules the pipeline uses; shared by the commands
/// that run it.
#[derive(Clone, Debug, Args)]
pub struct StageArgs {
    /// Add a gazetteer file (TSV, schema in gazetteers/README.md).
    #[arg(long = "gazetteer", value_name = "FILE")]
    pub gazetteers: Vec<PathBuf>,
    /// Use only the gazetteers given with --gazetteer.
    #[arg(long)]
    pub no_default_gazetteers: bool,
    /// Add a rule file (format in rules/README.md).
    #[arg(long = "rules", value_name = "FILE")]
    pub rules: Vec<PathBuf>,
    /// Use only the rules given with --rules.
    #[arg(long)]
    pub no_default_rules: bool,
    /// Read `<tags>` and `&amp;`-style references as text, not as HTML
    /// markup left in scraped text (the default reads them as a browser
    /// shows them).
    #[arg(long)]
    pub no_html: bool,
}

impl StageArgs {
    /// Builds the pipeline these settings describe.
    pub fn pipeline(&self) -> Result<factspan::Pipeline> {
        Ok(self.builder()?.build()?)
    }

    /// The pipeline builder these settings describe, files read.
    pub fn builder(&self) -> Result<factspan::PipelineBuilder> {
        let mut b = factspan::PipelineBuilder::new();
        b.gazetteer().defaults(!self.no_default_gazetteers);
        for g in &self.gazetteers {
            b.gazetteer().add_file(g)?;
        }
        b.rules().defaults(!self.no_default_rules);
        for r in &self.rules {
            b.rules().add_file(r)?;
        }
        b.html(!self.no_html);
        Ok(b)
    }
}

/// How documents are read; shared by every command that reads sources.
#[derive(Clone, Debug, Args)]
pub struct InputArgs {
    /// JSONL field holding the document id.
    #[arg(long, default_value = "id", value_name = "F")]
    pub id_field: String,
    /// JSONL field holding the document text.
    #[arg(long, default_value = "text", value_name = "F")]
    pub text_field: String,
    /// Reject documents larger than this many bytes.
    #[arg(long, default_value_t = factspan::input::DEFAULT_MAX_DOC_BYTES, value_name = "N")]
    pub max_doc_bytes: u64,
    /// Encoding of .txt files without a byte-order mark (JSONL is always
    /// UTF-8). Older Western archives are often windows-1252, which also
    /// reads Latin-1 (ISO-8859-1) text.
    #[arg(long, value_enum, default_value = "utf-8", value_name = "E")]
    pub encoding: EncodingArg,
}

/// The values of `--encoding`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum EncodingArg {
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    #[value(name = "windows-1252", aliases = ["cp1252", "latin-1", "latin1", "iso-8859-1"])]
    Windows1252,
}

impl InputArgs {
    pub fn options(&self) -> factspan::input::InputOptions {
        factspan::input::InputOptions {
            id_field: self.id_field.clone(),
            text_field: self.text_field.clone(),
            max_doc_bytes: self.max_doc_bytes,
            encoding: match self.encoding {
                EncodingArg::Utf8 => factspan::input::TextEncoding::Utf8,
                EncodingArg::Windows1252 => {
                    factspan::input::TextEncoding::Windows1252
                }
            },
        }
    }
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Inputs: .txt files, .jsonl/.ndjson files, folders, or `-` for JSONL
    /// on stdin.
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output folder for CSV; for JSONL a file, or `-` for stdout.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub stages: StageArgs,
    /// Do not neutralize spreadsheet formula cells (`=`, `+`, `-`, `@`).
    #[arg(long)]
    pub raw_cells: bool,
    /// No progress bar.
    #[arg(short, long)]
    pub quiet: bool,
    /// Process only shard K of N (documents assigned by a hash of their
    /// id), into OUT/shard-K-of-N; `factspan merge OUT` joins the shards.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<factspan::shard::Shard>,
    /// Skip the run when OUT (or its shard folder) already holds it,
    /// finished and matching its manifest's hashes.
    #[arg(long)]
    pub resume: bool,
    /// Print how long building the stages and the run took (stderr).
    #[arg(long, hide = true)]
    pub timings: bool,
}

/// Where `extract` writes.
#[derive(Debug)]
pub enum Destination {
    /// A folder of CSV tables.
    CsvDir(PathBuf),
    /// A JSONL file.
    JsonlFile(PathBuf),
    /// JSONL on stdout.
    JsonlStdout,
}

impl ExtractArgs {
    /// Validates the output settings.
    pub fn destination(&self) -> Result<Destination> {
        let out = self.output.clone();
        Ok(match (self.format, out) {
            (Format::Csv, None) => Destination::CsvDir(PathBuf::from("out")),
            (Format::Csv, Some(p)) if p.as_os_str() == "-" => {
                bail!("CSV output is three tables and needs a folder: use `--format jsonl -o -` for stdout")
            }
            (Format::Csv, Some(p)) => Destination::CsvDir(p),
            (Format::Jsonl, None) => Destination::JsonlStdout,
            (Format::Jsonl, Some(p)) if p.as_os_str() == "-" => {
                Destination::JsonlStdout
            }
            (Format::Jsonl, Some(p)) => Destination::JsonlFile(p),
        })
    }

    /// The worker thread count.
    pub fn threads(&self) -> Result<usize> {
        thread_count(self.threads)
    }
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The extract output folder (documents.csv, entities.csv,
    /// claims.csv).
    #[arg(value_name = "OUT")]
    pub out: PathBuf,
    /// The inputs of the extract run, read as `extract` reads them
    /// (default: the files named in documents.csv's `source` column).
    #[arg(long, value_name = "INPUT", num_args = 1..)]
    pub sources: Vec<PathBuf>,
    /// An audit report to show beside each row.
    #[arg(long, value_name = "REPORT.csv")]
    pub audit: Option<PathBuf>,
    /// The page to write, or `-` for stdout (default: OUT/review.html).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
    /// No summary on stderr.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// The table to check: entities.csv, claims.csv, or a CSV with
    /// doc_id and a quote column (optionally start/end, value, qualifier).
    #[arg(value_name = "TABLE")]
    pub table: PathBuf,
    /// The documents the table cites, read as `extract` reads them.
    #[arg(long, value_name = "INPUT", num_args = 1.., required = true)]
    pub sources: Vec<PathBuf>,
    /// The report (CSV); standard output by default.
    #[arg(short, long, value_name = "REPORT")]
    pub output: Option<PathBuf>,
    /// The column holding the quote (default: text, quote or claim).
    #[arg(long, value_name = "C")]
    pub quote_column: Option<String>,
    #[command(flatten)]
    pub input: InputArgs,
    /// No summary on standard error.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Matching mode of `eval`.
#[derive(Clone, Copy, Debug, Eq, PartialEq, ValueEnum)]
pub enum EvalMode {
    /// Same start, end and label.
    Exact,
    /// Same label and one shared character, one-to-one.
    Overlap,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold JSONL: one `{"id", "text", "entities": [{"start", "end",
    /// "label", "optional"}]}` per line, offsets in code points.
    #[arg(value_name = "GOLD.jsonl")]
    pub gold: PathBuf,
    /// Comma-separated labels to score (default: all seen).
    #[arg(long, value_name = "L1,L2,...")]
    pub labels: Option<String>,
    /// How predictions match gold entities.
    #[arg(long, value_enum, default_value_t = EvalMode::Exact)]
    pub mode: EvalMode,
    /// Also list up to N false positives and N false negatives.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub errors: usize,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub input: InputArgs,
    /// No summary on stderr.
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub stages: StageArgs,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// A claims table (claims.csv from `extract`, possibly concatenated
    /// runs).
    #[arg(value_name = "CLAIMS")]
    pub claims: PathBuf,
    /// The conflicts report (CSV); standard output by default.
    #[arg(short, long, value_name = "CONFLICTS")]
    pub output: Option<PathBuf>,
    /// No summary on standard error.
    #[arg(short, long)]
    pub quiet: bool,
}

impl EvalArgs {
    /// The worker thread count.
    pub fn threads(&self) -> Result<usize> {
        thread_count(self.threads)
    }
}
