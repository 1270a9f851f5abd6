//! The `factspan` command: thin glue over the library.

mod cli;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result};
use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};

use cli::{
    AuditArgs, Cli, Command, CompareArgs, Destination, EvalArgs, EvalMode,
    ExtractArgs, MergeArgs, ReviewArgs,
};
use factspan::input::{self, Reader};
use factspan::output::{self, Outcome, RenderOptions};
use factspan::shard::{self, RunSpec, Status};
use factspan::{RejectReason, RunOptions};

// Extraction allocates many small, short-lived vectors per document; mimalloc
// serves them from thread-local pages, which the system allocator does not.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("factspan: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || e.downcast_ref::<factspan::Error>()
                .is_some_and(factspan::Error::is_broken_pipe)
    })
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract(args) => extract(args),
        Command::Review(args) => review(args),
        Command::Audit(args) => audit(args),
        Command::Compare(args) => compare(args),
        Command::Eval(args) => eval(args),
        Command::Merge(args) => merge(args),
    }
}

fn progress_bar(quiet: bool, total: Option<u64>) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match total {
        Some(n) => ProgressBar::new(n).with_style(
            ProgressStyle::with_template(
                "{bar:30} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}",
            )
            .expect("the template is valid"),
        ),
        None => ProgressBar::no_length().with_style(
            ProgressStyle::with_template(
                "{spinner} {binary_bytes} {binary_bytes_per_sec} {msg}",
            )
            .expect("the template is valid"),
        ),
    };
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

fn extract(args: ExtractArgs) -> Result<ExitCode> {
    let destination = args.destination()?;
    let threads = args.threads()?;
    let sources = input::expand(&args.inputs)?;
    let render = RenderOptions { safe_cells: !args.raw_cells };
    let stages = args.stages.builder()?;
    let spec = RunSpec::new(
        &sources,
        &args.input.options(),
        render,
        stages.fingerprint(),
        args.shard,
    );
    let destination = match destination {
        Destination::CsvDir(dir) => match args.shard {
            Some(s) => Destination::CsvDir(dir.join(s.dir_name())),
            None => Destination::CsvDir(dir),
        },
        _ if args.shard.is_some() || args.resume => {
            anyhow::bail!(
                "--shard and --resume write CSV tables: drop --format jsonl"
            )
        }
        other => other,
    };
    if let (true, Destination::CsvDir(dir)) = (args.resume, &destination) {
        match shard::status(dir, &spec)? {
            Status::Done(m) => {
                if !args.quiet {
                    eprintln!(
                        "factspan: {} already done, skipped ({} documents)",
                        dir.display(),
                        m.counts.documents
                    );
                }
                return Ok(exit_code(m.counts.rejected));
            }
            Status::Stale(why) if !args.quiet => {
                eprintln!("factspan: {}: {why}; running again", dir.display())
            }
            _ => {}
        }
    }
    let started = std::time::Instant::now();
    let pipeline = stages.build()?;
    if args.timings {
        eprintln!(
            "factspan: timings: stages built in {:.1} ms",
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
    let total: Option<u64> = sources.iter().map(|s| s.file_size()).sum();
    let reader = Reader::new(sources, args.input.options());
    let run_options = RunOptions { threads, ..RunOptions::default() };
    let bar = progress_bar(args.quiet, total);
    let mut docs = 0u64;
    let mut hinted = false;
    let report = |outcome: &Outcome| {
        docs += 1;
        if let Outcome::Processed(doc, _) = outcome {
            bar.inc(doc.text.len() as u64);
        }
        bar.set_message(format!("{docs} docs"));
        if let Outcome::Rejected(r) = outcome {
            bar.suspend(|| {
                eprintln!(
                    "factspan: rejected {} ({}): {}",
                    r.id, r.source, r.reason
                );
                let not_utf8 =
                    matches!(r.reason, RejectReason::InvalidUtf8 { .. });
                if not_utf8 && !hinted {
                    hinted = true;
                    eprintln!(
                        "factspan: hint: .txt files in windows-1252 or \
                         Latin-1 are read with --encoding windows-1252"
                    );
                }
            });
        }
    };
    let stats = match destination {
        Destination::CsvDir(dir) => {
            let manifest = shard::run_tables(
                &pipeline,
                reader,
                &spec,
                &dir,
                &run_options,
                render,
                report,
            )?;
            let c = manifest.counts;
            factspan::RunStats {
                processed: c.processed,
                rejected: c.rejected,
                bytes: c.bytes,
                entities: c.entities,
                claims: c.claims,
            }
        }
        Destination::JsonlStdout => {
            let stdout = io::stdout();
            let out = io::BufWriter::new(stdout.lock());
            write_jsonl(&pipeline, reader, &run_options, report, out)?
        }
        Destination::JsonlFile(path) => {
            let dir = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => std::path::PathBuf::from("."),
            };
            let tmp = tempfile::NamedTempFile::new_in(&dir)
                .with_context(|| format!("{}", dir.display()))?;
            let out = io::BufWriter::new(tmp.reopen()?);
            let stats =
                write_jsonl(&pipeline, reader, &run_options, report, out)?;
            tmp.persist(&path)
                .with_context(|| format!("{}", path.display()))?;
            stats
        }
    };
    bar.finish_and_clear();
    if args.timings {
        eprintln!(
            "factspan: timings: run took {:.3} s",
            started.elapsed().as_secs_f64()
        );
    }
    if !args.quiet {
        eprintln!(
            "factspan: {} documents processed, {} rejected, {} entities, {} claims",
            stats.processed, stats.rejected, stats.entities, stats.claims
        );
    }
    if stats.processed + stats.rejected == 0 && spec.shard.is_none() {
        eprintln!(
            "factspan: warning: no documents in the inputs (folders are \
             searched for .txt, .text, .jsonl and .ndjson files)"
        );
    }
    Ok(exit_code(stats.rejected))
}

/// Runs `pipeline` over `reader`, writing one JSON line a document to
/// `out` in input order (pipe mode and `--format jsonl -o FILE`).
fn write_jsonl(
    pipeline: &factspan::Pipeline,
    reader: Reader,
    run_options: &RunOptions,
    mut report: impl FnMut(&Outcome),
    mut out: impl Write,
) -> Result<factspan::RunStats> {
    let stats = pipeline.run(
        reader,
        run_options,
        output::render_json,
        |outcome, line| {
            report(outcome);
            out.write_all(&line).map_err(factspan::Error::from)
        },
    )?;
    out.flush()?;
    Ok(stats)
}

fn exit_code(rejected: u64) -> ExitCode {
    if rejected > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn merge(args: MergeArgs) -> Result<ExitCode> {
    let dest = args.output.as_ref().unwrap_or(&args.dir);
    let manifest = shard::merge(&args.dir, dest)?;
    if !args.quiet {
        let c = &manifest.counts;
        eprintln!(
            "factspan: merged into {}: {} documents ({} rejected), {} entities, {} claims",
            dest.display(),
            c.documents,
            c.rejected,
            c.entities,
            c.claims
        );
    }
    // The shard runs reported their rejections; the merge itself is whole.
    Ok(ExitCode::SUCCESS)
}

fn review(args: ReviewArgs) -> Result<ExitCode> {
    let mut review = factspan::review::Review::from_dir(&args.out)?;
    let inputs = if args.sources.is_empty() {
        review.recorded_sources()
    } else {
        args.sources.clone()
    };
    let sources = input::expand(&inputs)?;
    let (mut unknown, mut rejected) = (0u64, 0u64);
    for item in Reader::new(sources, args.input.options()) {
        match item {
            Ok(doc) => unknown += u64::from(!review.add_text(&doc)),
            Err(_) => rejected += 1,
        }
    }
    let audit = match &args.audit {
        Some(path) => Some(review.read_audit(path)?),
        None => None,
    };
    let html = review.to_html();
    let path = args.output.unwrap_or_else(|| args.out.join("review.html"));
    if path.as_os_str() == "-" {
        io::stdout().lock().write_all(html.as_bytes())?;
    } else {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => std::path::PathBuf::from("."),
        };
        let tmp = tempfile::NamedTempFile::new_in(&dir)
            .with_context(|| format!("{}", dir.display()))?;
        std::fs::write(tmp.path(), html.as_bytes())
            .with_context(|| format!("{}", tmp.path().display()))?;
        tmp.persist(&path).with_context(|| format!("{}", path.display()))?;
    }
    if !args.quiet {
        let s = review.stats();
        eprintln!(
            "factspan: review of {} documents ({} with text, {} changed \
             since extraction), {} entities, {} claims",
            s.documents, s.with_text, s.changed, s.entities, s.claims
        );
        if s.missing_text > 0 {
            eprintln!(
                "factspan: {} documents have no text in the page: pass \
                 the extract inputs with --sources",
                s.missing_text
            );
        }
        if unknown + rejected > 0 {
            eprintln!(
                "factspan: {unknown} source documents not in the run, \
                 {rejected} unreadable"
            );
        }
        if let Some(a) = audit {
            eprintln!(
                "factspan: audit: {} rows, {} failed, {} matched no row",
                a.rows, a.failed, a.unmatched
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Opens the report destination: a file written through a temporary file
/// (renamed into place by `persist`), or standard output.
enum Report {
    File(tempfile::NamedTempFile, std::path::PathBuf),
    Stdout,
}

impl Report {
    fn open(
        path: Option<&std::path::Path>,
    ) -> Result<(Report, Box<dyn Write>)> {
        match path {
            None => Ok((Report::Stdout, Box::new(io::stdout().lock()))),
            Some(p) if p.as_os_str() == "-" => {
                Ok((Report::Stdout, Box::new(io::stdout().lock())))
            }
            Some(p) => {
                let dir = match p.parent() {
                    Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
                    _ => std::path::PathBuf::from("."),
                };
                let tmp = tempfile::NamedTempFile::new_in(&dir)
                    .with_context(|| format!("{}", dir.display()))?;
                let out = io::BufWriter::new(tmp.reopen()?);
                Ok((Report::File(tmp, p.to_path_buf()), Box::new(out)))
            }
        }
    }

    fn persist(self) -> Result<()> {
        if let Report::File(tmp, path) = self {
            tmp.persist(&path)
                .with_context(|| format!("{}", path.display()))?;
        }
        Ok(())
    }
}

fn audit(args: AuditArgs) -> Result<ExitCode> {
    use factspan::audit::{Audit, AuditOptions, ReportWriter, Status};

    let options = AuditOptions { quote_column: args.quote_column.clone() };
    let plan = Audit::prepare(&args.table, &options)?;
    let sources = input::expand(&args.sources)?;
    let reader = Reader::new(sources, args.input.options());
    let (report, out) = Report::open(args.output.as_deref())?;
    let mut writer = ReportWriter::new(out, plan.id_column())?;
    let quiet = args.quiet;
    let summary = plan.run(reader, |row| {
        if row.status == Status::BadRow && !quiet {
            eprintln!("factspan: {}: {}", args.table.display(), row.detail);
        }
        writer.write(row)
    })?;
    let mut out = writer.finish()?;
    out.flush()?;
    drop(out);
    report.persist()?;
    if !args.quiet {
        let counts: Vec<String> = Status::ALL
            .iter()
            .filter(|&&s| summary.count(s) > 0)
            .map(|&s| format!("{} {}", summary.count(s), s.as_str()))
            .collect();
        eprintln!(
            "factspan: audited {} rows against {} of {} documents: {}",
            summary.rows,
            summary.documents_found,
            summary.documents_referenced,
            if counts.is_empty() {
                "no rows".to_string()
            } else {
                counts.join(", ")
            }
        );
        if let Some(docs) = plan.documents_table() {
            eprintln!("factspan: hashes checked against {}", docs.display());
        }
    }
    Ok(if summary.all_ok() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn compare(args: CompareArgs) -> Result<ExitCode> {
    use factspan::compare::{compare, ConflictWriter};

    let (report, out) = Report::open(args.output.as_deref())?;
    let mut writer = ConflictWriter::new(out)?;
    let summary = compare(&args.claims, |row| writer.write(row))?;
    let mut out = writer.finish()?;
    out.flush()?;
    drop(out);
    report.persist()?;
    if !args.quiet {
        for bad in &summary.bad_rows {
            eprintln!("factspan: {}: {bad}", args.claims.display());
        }
        eprintln!(
            "factspan: {} rows, {} grouped; {} groups across documents, {} in conflict",
            summary.rows, summary.grouped, summary.groups, summary.conflicts
        );
    }
    Ok(if summary.conflicts == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn eval(args: EvalArgs) -> Result<ExitCode> {
    use factspan::eval::{self, Mode, TableOptions};
    let threads = args.threads()?;
    let options = args.input.options();
    let gold =
        eval::read_gold(&args.gold, &options.id_field, &options.text_field)?;
    let pipeline = args.stages.pipeline()?;
    // The documents as `extract` reads them, so ids and texts agree.
    let mut sources = input::expand(std::slice::from_ref(&args.gold))?;
    for s in &mut sources {
        // Gold is JSONL whatever its file name says.
        s.format = input::Format::Jsonl;
    }
    let reader = Reader::new(sources, options);
    let run_options = RunOptions { threads, ..RunOptions::default() };
    let predicted = eval::predict(&pipeline, reader, &run_options, &gold)?;
    let labels = args.labels.as_deref().map(eval::parse_labels);
    let mode = match args.mode {
        EvalMode::Exact => Mode::Exact,
        EvalMode::Overlap => Mode::Overlap,
    };
    let preds = &predicted.predictions;
    let ev = eval::evaluate(&gold, preds, labels.as_deref(), mode);
    let table = eval::render_table(
        &ev,
        &gold,
        preds,
        &TableOptions {
            gold_name: args.gold.display().to_string(),
            pred_name: "factspan".into(),
            errors: args.errors,
        },
    );
    io::stdout().lock().write_all(table.as_bytes())?;
    if !args.quiet {
        for r in &predicted.rejected {
            eprintln!(
                "factspan: rejected {} ({}): {} (scored as no entities)",
                r.id, r.source, r.reason
            );
        }
        if !predicted.mismatched.is_empty() {
            eprintln!(
                "factspan: {} documents read differently from the gold \
                 file, not scored: {}",
                predicted.mismatched.len(),
                predicted.mismatched.join(", ")
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
