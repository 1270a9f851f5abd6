//! The `factspan` command: thin glue over the library.

mod cli;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result};
use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};

use cli::{Cli, Command, Destination, ExtractArgs, MergeArgs};
use factspan::input::{self, Reader};
use factspan::output::{self, Outcome, RenderOptions};
use factspan::shard::{self, RunSpec, Status};
use factspan::{PipelineBuilder, RunOptions};

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
    let spec =
        RunSpec::new(&sources, &args.input.options(), render, args.shard);
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
    let pipeline = PipelineBuilder::new().build()?;
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
    let mut report = |outcome: &Outcome| {
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
                )
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
            let mut out = io::BufWriter::new(stdout.lock());
            let stats = pipeline.run(
                reader,
                &run_options,
                output::render_json,
                |outcome, line| {
                    report(outcome);
                    out.write_all(&line).map_err(factspan::Error::from)
                },
            )?;
            out.flush()?;
            stats
        }
        Destination::JsonlFile(path) => {
            let dir = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => std::path::PathBuf::from("."),
            };
            let tmp = tempfile::NamedTempFile::new_in(&dir)
                .with_context(|| format!("{}", dir.display()))?;
            let mut out = io::BufWriter::new(tmp.reopen()?);
            let stats = pipeline.run(
                reader,
                &run_options,
                output::render_json,
                |outcome, line| {
                    report(outcome);
                    out.write_all(&line).map_err(factspan::Error::from)
                },
            )?;
            out.flush()?;
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
    Ok(exit_code(stats.rejected))
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
