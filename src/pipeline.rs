//! The pipeline: stages built once, then run over documents in parallel.

use std::borrow::Cow;
use std::sync::mpsc;

use rayon::prelude::*;

use crate::annotation::{Extraction, Origin};
use crate::document::Document;
use crate::error::{Error, Result};
use crate::input::Item;
use crate::output::Outcome;
use crate::segment::{Segmentation, Segmenter};

/// Builds a [`Pipeline`], validating everything up front.
#[derive(Clone, Debug, Default)]
pub struct PipelineBuilder {
    _private: (),
}

impl PipelineBuilder {
    /// A builder with the default settings.
    pub fn new() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// Builds the pipeline.
    ///
    /// # Errors
    ///
    /// Returns an error naming the file and line of a bad gazetteer or
    /// rule file.
    pub fn build(&self) -> Result<Pipeline> {
        Ok(Pipeline { segmenter: Segmenter::new() })
    }
}

/// All stages, compiled: immutable and shared read-only across threads.
#[derive(Debug)]
pub struct Pipeline {
    segmenter: Segmenter,
}

impl Pipeline {
    /// Runs every stage over one document.
    pub fn process(&self, doc: &Document) -> Extraction {
        let mut seg = Segmentation::default();
        self.segmenter.segment(&doc.text, &mut seg);
        Extraction {
            entities: Vec::new(),
            claims: Vec::new(),
            sentences: seg.sentences.iter().map(|s| s.span).collect(),
        }
    }

    /// The canonical name and id of a gazetteer entry.
    pub fn entry_canonical(&self, _entry: u32) -> (&str, &str) {
        ("", "")
    }

    /// The `source` column for a finding's origin.
    pub fn origin_name(&self, origin: &Origin) -> Cow<'_, str> {
        match origin {
            Origin::Gazetteer(i) => Cow::Owned(format!("gazetteer:{i}")),
            Origin::Rule(i) => Cow::Owned(format!("rule:{i}")),
            Origin::Builtin(name) => Cow::Borrowed(name),
        }
    }

    /// Processes a stream of input items in chunks: each chunk in parallel,
    /// rendered by `render` on the worker threads, then handed to `sink` in
    /// input order. Memory is bounded by the chunk size.
    ///
    /// # Errors
    ///
    /// Returns the first error from `render` or `sink` (for example a
    /// failed write); per-document problems are outcomes, not errors.
    pub fn run<I, R, F, S>(
        &self,
        items: I,
        options: &RunOptions,
        render: F,
        mut sink: S,
    ) -> Result<RunStats>
    where
        I: Iterator<Item = Item> + Send,
        R: Send,
        F: Fn(&Pipeline, &Outcome) -> Result<R> + Sync,
        S: FnMut(&Outcome, R) -> Result<()>,
    {
        let tagged = items.map(|item| ((), item));
        self.run_tagged(tagged, options, render, |(), o, r| sink(o, r))
    }

    /// Like [`Pipeline::run`], with a tag carried beside each item to its
    /// sink call (a shard tags items with their input position).
    ///
    /// # Errors
    ///
    /// As [`Pipeline::run`].
    pub fn run_tagged<T, I, R, F, S>(
        &self,
        items: I,
        options: &RunOptions,
        render: F,
        mut sink: S,
    ) -> Result<RunStats>
    where
        T: Send,
        I: Iterator<Item = (T, Item)> + Send,
        R: Send,
        F: Fn(&Pipeline, &Outcome) -> Result<R> + Sync,
        S: FnMut(T, &Outcome, R) -> Result<()>,
    {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(options.threads.max(1))
            .build()
            .map_err(|e| Error::config(format!("thread pool: {e}")))?;
        let mut stats = RunStats::default();
        let chunk_docs = options.chunk_docs.max(1);
        let chunk_bytes = options.chunk_bytes.max(1);
        std::thread::scope(|scope| {
            // Reading runs beside processing, two chunks ahead at most.
            let (tx, rx) = mpsc::sync_channel::<Vec<(T, Item)>>(2);
            scope.spawn(move || {
                let mut chunk = Vec::new();
                let mut bytes = 0;
                for (tag, item) in items {
                    bytes += match &item {
                        Ok(d) => d.text.len(),
                        Err(_) => 0,
                    };
                    chunk.push((tag, item));
                    if chunk.len() >= chunk_docs || bytes >= chunk_bytes {
                        if tx.send(std::mem::take(&mut chunk)).is_err() {
                            return;
                        }
                        bytes = 0;
                    }
                }
                if !chunk.is_empty() {
                    let _ = tx.send(chunk);
                }
            });
            for chunk in rx {
                let done: Vec<Result<(T, Outcome, R)>> = pool.install(|| {
                    chunk
                        .into_par_iter()
                        .map(|(tag, item)| {
                            let outcome = match item {
                                Ok(doc) => {
                                    let ex = self.process(&doc);
                                    Outcome::Processed(doc, ex)
                                }
                                Err(rejection) => Outcome::Rejected(rejection),
                            };
                            let rendered = render(self, &outcome)?;
                            Ok((tag, outcome, rendered))
                        })
                        .collect()
                });
                for result in done {
                    let (tag, outcome, rendered) = result?;
                    stats.add(&outcome);
                    sink(tag, &outcome, rendered)?;
                }
            }
            Ok(stats)
        })
    }
}

/// How [`Pipeline::run`] processes a stream.
#[derive(Clone, Debug)]
pub struct RunOptions {
    /// Worker threads.
    pub threads: usize,
    /// Documents per chunk, at most.
    pub chunk_docs: usize,
    /// Bytes of text per chunk, about.
    pub chunk_bytes: usize,
}

impl Default for RunOptions {
    fn default() -> RunOptions {
        RunOptions {
            threads: std::thread::available_parallelism()
                .map_or(1, |n| n.get()),
            chunk_docs: 1024,
            chunk_bytes: 8 << 20,
        }
    }
}

/// Counts over a run.
#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub struct RunStats {
    /// Documents processed.
    pub processed: u64,
    /// Documents rejected.
    pub rejected: u64,
    /// Bytes of text processed.
    pub bytes: u64,
    /// Entities found.
    pub entities: u64,
    /// Claims found.
    pub claims: u64,
}

impl RunStats {
    fn add(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Processed(doc, ex) => {
                self.processed += 1;
                self.bytes += doc.text.len() as u64;
                self.entities += ex.entities.len() as u64;
                self.claims += ex.claims.len() as u64;
            }
            Outcome::Rejected(_) => self.rejected += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipeline_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Pipeline>();
    }
}
