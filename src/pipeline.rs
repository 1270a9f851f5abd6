//! The pipeline: stages built once, then run over documents in parallel.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;

use rayon::prelude::*;

use crate::annotation::{Canonical, Entity, Extraction, Origin};
use crate::claims::ClaimStage;
use crate::dates::DateStage;
use crate::document::{Document, RejectReason, Rejection};
use crate::error::{Error, Result};
use crate::gazetteer::{Entry, EntryType, Gazetteer, GazetteerBuilder};
use crate::input::Item;
use crate::output::Outcome;
use crate::resolve;
use crate::rules::{feature, RuleMatch, RuleSet, RuleSetBuilder, WordCache};
use crate::segment::{Segmentation, Segmenter};

/// Builds a [`Pipeline`], validating everything up front.
#[derive(Clone, Debug)]
pub struct PipelineBuilder {
    gazetteer: GazetteerBuilder,
    rules: RuleSetBuilder,
    /// Whether HTML tags and character references are read as markup.
    html: bool,
}

impl Default for PipelineBuilder {
    fn default() -> PipelineBuilder {
        PipelineBuilder {
            gazetteer: GazetteerBuilder::default(),
            rules: RuleSetBuilder::default(),
            html: true,
        }
    }
}

impl PipelineBuilder {
    /// A builder with the default gazetteers and rules.
    pub fn new() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// A fingerprint (sha256, hex) of everything the stages are built
    /// from: tool version, default data, user gazetteers and rules. Two
    /// runs with the same fingerprint and inputs write the same tables.
    pub fn fingerprint(&self) -> String {
        use sha2::Digest;
        let mut h = sha2::Sha256::new();
        h.update(env!("CARGO_PKG_VERSION"));
        self.gazetteer.digest_into(&mut h);
        self.rules.digest_into(&mut h);
        // Only when off, so that the default fingerprint (in the
        // manifests of runs to resume) is what it was before the switch.
        if !self.html {
            h.update("html:off");
        }
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The gazetteer settings (add user files, drop the defaults).
    pub fn gazetteer(&mut self) -> &mut GazetteerBuilder {
        &mut self.gazetteer
    }

    /// The rule settings (add user rule files, drop the built-ins).
    pub fn rules(&mut self) -> &mut RuleSetBuilder {
        &mut self.rules
    }

    /// Whether HTML tags and character references left in the text are
    /// read as a browser shows them (the default; see
    /// [`crate::invisible`]), or as text like any other.
    pub fn html(&mut self, read: bool) -> &mut PipelineBuilder {
        self.html = read;
        self
    }

    /// Builds the pipeline.
    ///
    /// # Errors
    ///
    /// Returns an error naming the file and line of a bad gazetteer or
    /// rule file.
    pub fn build(&self) -> Result<Pipeline> {
        let rules = self.rules.build()?;
        let rule_sources = rules
            .rules()
            .iter()
            .map(|r| format!("rule:{}", r.id).into())
            .collect();
        let pipeline = Pipeline {
            id: NEXT_PIPELINE.fetch_add(1, Ordering::Relaxed),
            segmenter: Segmenter::new(),
            gazetteer: self.gazetteer.build()?,
            rules,
            rule_sources,
            dates: DateStage::new()?,
            claims: ClaimStage::new()?,
            html: self.html,
        };
        pipeline.check_user_rules()?;
        Ok(pipeline)
    }
}

/// The first stages' findings in one text, before resolution.
struct Analysis {
    dates: Vec<crate::annotation::Entity>,
    feats: Vec<u64>,
    cands: Vec<resolve::Candidate>,
    found: Vec<RuleMatch>,
}

/// All stages, compiled: immutable and shared read-only across threads.
#[derive(Debug)]
pub struct Pipeline {
    /// A number no other pipeline of the process has: what a thread's
    /// [`WORD_CACHE`] is filled for.
    id: u64,
    segmenter: Segmenter,
    gazetteer: Gazetteer,
    rules: RuleSet,
    /// The `source` cell of each rule's findings, `rule:ID`, joined once:
    /// several rows of every document are a rule's.
    rule_sources: Vec<Box<str>>,
    dates: DateStage,
    claims: ClaimStage,
    /// See [`PipelineBuilder::html`].
    html: bool,
}

impl Pipeline {
    /// `s` as it reads, for the cells that name rather than quote: see
    /// [`crate::invisible::visible`].
    pub(crate) fn visible<'a>(&self, s: &'a str) -> std::borrow::Cow<'a, str> {
        crate::invisible::visible(s, self.html)
    }

    /// Dates, token features, gazetteer candidates and rule matches of a
    /// segmented text: everything before resolution.
    fn analyze(&self, text: &str, seg: &Segmentation) -> Analysis {
        let mut dates = Vec::new();
        self.dates.extract(text, seg, &mut dates);
        dates.sort_by_key(|e| (e.span.start, e.span.end));
        let starts: Vec<usize> =
            seg.sentences.iter().map(|s| s.tokens.start).collect();
        let (mut feats, mut lists) = (Vec::new(), Vec::new());
        WORD_CACHE.with_borrow_mut(|cache| {
            cache.claim(self.id);
            self.rules.features_and_lists_cached(
                text,
                &seg.tokens,
                &starts,
                &self.gazetteer,
                &mut feats,
                &mut lists,
                cache,
            );
        });
        let mut matches = Vec::new();
        self.gazetteer.find(text, &mut matches);
        let mut cands = Vec::new();
        resolve::gazetteer_candidates(
            text,
            seg,
            &feats,
            &self.gazetteer,
            &matches,
            &mut cands,
        );
        // Features see dates, the gazetteer's types and multi-word titles.
        let mut marks: Vec<(crate::span::Span, u64)> = cands
            .iter()
            .map(|c| {
                let mut bits = RuleSet::type_bit(c.entity.kind);
                if let Canonical::Entry(i) = c.entity.canonical {
                    let sub = &*self.gazetteer.entry(i).subtype;
                    if matches!(sub, "country" | "continent") {
                        bits |= feature::COUNTRY;
                    }
                }
                (c.entity.span, bits)
            })
            .collect();
        marks.extend(dates.iter().map(|d| (d.span, feature::DATE)));
        for m in &matches {
            if self.gazetteer.entry(m.entry).kind == EntryType::Title {
                marks.push((m.span, feature::TITLE));
            }
        }
        marks.sort_by_key(|m| m.0);
        RuleSet::mark_spans(text, &seg.tokens, &marks, &mut feats);
        let mut found = Vec::new();
        self.rules.run_sentences(
            text,
            &seg.tokens,
            &feats,
            &lists,
            seg.sentences.iter().map(|s| s.tokens.clone()),
            &mut found,
        );
        Analysis { dates, feats, cands, found }
    }

    /// Runs the examples of rules from user files, so that a rule never
    /// loads with examples it fails. (The built-in rules' examples run as
    /// tests instead, to keep start-up fast.)
    fn check_user_rules(&self) -> Result<()> {
        for (i, rule) in self.rules.rules().iter().enumerate() {
            let builtin = crate::rules::DEFAULT_FILES
                .iter()
                .any(|(name, _)| rule.origin.0 == std::path::Path::new(name));
            if builtin {
                continue;
            }
            crate::rules::check_examples(rule, i as u32, |t| {
                self.rule_matches(t)
            })
            .map_err(|message| {
                Error::from(crate::error::ErrorKind::Rule {
                    path: rule.origin.0.clone(),
                    line: rule.origin.1,
                    message,
                })
            })?;
        }
        Ok(())
    }

    /// What every rule finds in `text` (for testing rule examples).
    pub fn rule_matches(&self, text: &str) -> Vec<RuleMatch> {
        let mut seg = Segmentation::default();
        self.segmenter.segment(text, &mut seg);
        self.analyze(text, &seg).found
    }

    /// Runs every stage over one document.
    ///
    /// A text with invisible characters or fullwidth forms is read as
    /// [`crate::invisible`] cleans it, and the spans found are moved back
    /// to the text as written.
    pub fn process(&self, doc: &Document) -> Extraction {
        SEGMENTATION.with_borrow_mut(|seg| {
            let ex = match crate::invisible::clean(&doc.text, self.html) {
                None => self.process_with(&doc.text, seg),
                Some(cleaned) => {
                    let mut ex = self.process_with(&cleaned.text, seg);
                    cleaned.restore(&mut ex);
                    ex
                }
            };
            // A huge document's tokens are not kept for the next one.
            if seg.tokens.capacity() > KEPT_TOKENS {
                *seg = Segmentation::default();
            }
            ex
        })
    }

    /// [`Pipeline::process`] with a panic in a stage (a bug) caught:
    /// the document is then rejected with the panic's message, so that
    /// one document never loses the run its others are in.
    fn outcome_of(&self, doc: Document) -> Outcome {
        outcome_with(doc, |doc| self.process(doc))
    }

    /// [`Pipeline::process`] of a document's `text`, with `seg`'s lists
    /// reused.
    fn process_with(&self, text: &str, seg: &mut Segmentation) -> Extraction {
        self.segmenter.segment(text, seg);
        let seg = &*seg;
        let Analysis { dates, feats, mut cands, found } =
            self.analyze(text, seg);
        // The rule and date candidates in one growth, not a doubling at
        // a time as they are pushed.
        cands.reserve(found.len() + dates.len());
        resolve::rule_candidates(
            text,
            &seg.tokens,
            &feats,
            &found,
            &mut cands,
        );
        // Dates win ties: "September 2023" is a date, not a place.
        cands.extend(
            dates
                .into_iter()
                .map(|entity| resolve::Candidate { entity, priority: 5 }),
        );
        let mut entities = resolve::settle_overlaps(text, cands);
        resolve::link_document(
            text,
            seg,
            &feats,
            &self.gazetteer,
            &mut entities,
        );
        let mut claims = Vec::new();
        let mut numeric = Vec::new();
        self.claims.extract(text, seg, &entities, &mut claims, &mut numeric);
        let entities = merge_by_span(entities, numeric);
        claims.sort_by_key(|c| c.span.start);
        Extraction {
            entities,
            claims,
            sentences: seg.sentences.iter().map(|s| s.span).collect(),
        }
    }

    /// The gazetteer.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The rules.
    pub fn rule_set(&self) -> &RuleSet {
        &self.rules
    }

    /// The canonical name and id of a gazetteer entry.
    pub fn entry_canonical(&self, entry: u32) -> (&str, &str) {
        let e = self.gazetteer.entry(entry);
        (&e.name, &e.canonical_id)
    }

    /// The `source` column for a finding's origin.
    pub fn origin_name(&self, origin: &Origin) -> Cow<'_, str> {
        let parts = self.origin_parts(origin);
        if parts[1..].iter().all(|p| p.is_empty()) {
            Cow::Borrowed(parts[0])
        } else {
            Cow::Owned(parts.concat())
        }
    }

    /// [`Pipeline::origin_name`] in parts, to be written one after
    /// another: a `String` per output row showed up in profiles.
    pub fn origin_parts(&self, origin: &Origin) -> [&str; 4] {
        match origin {
            Origin::Gazetteer(i) => {
                self.entry_source_parts(self.gazetteer.entry(*i))
            }
            Origin::Rule(i) => [self.rule_source(*i), "", "", ""],
            Origin::Builtin(name) => [name, "", "", ""],
        }
    }

    /// [`Pipeline::origin_parts`] of a finding of gazetteer entry `e`,
    /// for a caller that has looked the entry up already.
    pub(crate) fn entry_source_parts<'a>(
        &'a self,
        e: &'a Entry,
    ) -> [&'a str; 4] {
        let file = self.gazetteer.file_of(e);
        // The name after the last `/`, as `rsplit('/')` gives it: its
        // char searcher cost a `memcmp` call per row.
        let file = memchr::memrchr(b'/', file.as_bytes())
            .map_or(file, |i| &file[i + 1..]);
        ["gazetteer:", file, ":", &e.canonical_id]
    }

    /// [`Pipeline::origin_name`] of a finding of rule `i`: `rule:ID`.
    pub(crate) fn rule_source(&self, i: u32) -> &str {
        &self.rule_sources[i as usize]
    }

    /// Processes a stream of input items in chunks: each chunk in parallel,
    /// rendered by `render` on the worker threads, then handed to `sink` in
    /// input order on the calling thread, while the workers go on with the
    /// next chunk. Memory is bounded by the chunk size.
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
            // Chunks are processed as tasks in the pool, up to
            // `CHUNKS_IN_FLIGHT` at once, so that a worker done with its
            // share of one chunk starts on the next instead of waiting
            // for the chunk's slowest document; the sink below puts the
            // chunks back in input order. A chunk's permit comes back
            // when the sink has written it, which bounds memory.
            let (done_tx, done_rx) = mpsc::channel::<(
                u64,
                std::thread::Result<Vec<Result<(T, Outcome, R)>>>,
            )>();
            let (permit_tx, permit_rx) =
                mpsc::sync_channel::<()>(CHUNKS_IN_FLIGHT);
            for _ in 0..CHUNKS_IN_FLIGHT {
                let _ = permit_tx.send(());
            }
            let (pool, render) = (&pool, &render);
            scope.spawn(move || {
                pool.in_place_scope(|tasks| {
                    for (seq, chunk) in (0u64..).zip(rx) {
                        if permit_rx.recv().is_err() {
                            return;
                        }
                        let done_tx = done_tx.clone();
                        tasks.spawn(move |_| {
                            // A panic is carried to the sink, which
                            // raises it again: a lost chunk would leave
                            // the sink waiting for it.
                            let work = std::panic::AssertUnwindSafe(|| {
                                chunk
                                    .into_par_iter()
                                    .map(|(tag, item)| {
                                        let outcome = match item {
                                            Ok(doc) => self.outcome_of(doc),
                                            Err(rejection) => {
                                                Outcome::Rejected(rejection)
                                            }
                                        };
                                        let rendered = render(self, &outcome)?;
                                        Ok((tag, outcome, rendered))
                                    })
                                    .collect::<Vec<_>>()
                            });
                            let done = std::panic::catch_unwind(work);
                            let _ = done_tx.send((seq, done));
                        });
                    }
                });
            });
            // On an error the receivers and the permits drop, and the
            // threads above stop at their next send or permit.
            let mut waiting = std::collections::BTreeMap::new();
            let mut next_seq = 0;
            for (seq, done) in done_rx {
                waiting.insert(seq, done);
                while let Some(done) = waiting.remove(&next_seq) {
                    let done = done.unwrap_or_else(|panic| {
                        std::panic::resume_unwind(panic)
                    });
                    for result in done {
                        let (tag, outcome, rendered) = result?;
                        stats.add(&outcome);
                        sink(tag, &outcome, rendered)?;
                    }
                    next_seq += 1;
                    let _ = permit_tx.send(());
                }
            }
            Ok(stats)
        })
    }
}

thread_local! {
    /// A worker thread's token and sentence lists, reused from one
    /// document to the next: a fresh pair per document cost two
    /// allocations and frees, the token list a few bytes per text byte.
    static SEGMENTATION: RefCell<Segmentation> =
        RefCell::new(Segmentation::default());
}

thread_local! {
    /// A worker thread's words already met, with their features, kept
    /// from one document to the next: most words of news text are met
    /// again, in the same article or later ones.
    static WORD_CACHE: RefCell<WordCache> = RefCell::new(WordCache::new());
}

/// The next [`Pipeline::id`].
static NEXT_PIPELINE: AtomicU64 = AtomicU64::new(0);

/// Token capacity past which [`SEGMENTATION`] is let go after a
/// document: about 1.5 MB, for texts of some 250 KB.
const KEPT_TOKENS: usize = 1 << 16;

/// `entities` then `more`, in the order a stable sort of the two together
/// by start and end gives: merged when each is in that order already, as
/// the stages return them, where the sort took a scratch buffer and more
/// compares.
/// [`Pipeline::outcome_of`] with the processing as a function.
fn outcome_with(
    doc: Document,
    process: impl FnOnce(&Document) -> Extraction,
) -> Outcome {
    let work = std::panic::AssertUnwindSafe(|| process(&doc));
    match std::panic::catch_unwind(work) {
        Ok(ex) => Outcome::Processed(doc, ex),
        Err(panic) => {
            // The thread's reused state may be half-written.
            SEGMENTATION.with_borrow_mut(|seg| *seg = Segmentation::default());
            WORD_CACHE.with_borrow_mut(|cache| *cache = WordCache::new());
            let message = crate::error::panic_message(&*panic);
            Outcome::Rejected(Rejection {
                bytes: Some(doc.text.len() as u64),
                id: doc.id,
                source: doc.source,
                reason: RejectReason::InternalError { message },
            })
        }
    }
}

fn merge_by_span(entities: Vec<Entity>, more: Vec<Entity>) -> Vec<Entity> {
    let key = |e: &Entity| (e.span.start, e.span.end);
    if !entities.is_sorted_by_key(key) || !more.is_sorted_by_key(key) {
        let mut all = entities;
        all.extend(more);
        all.sort_by_key(key);
        return all;
    }
    if more.is_empty() {
        return entities;
    }
    // Copied a run at a time, each list's run ending where the other's
    // next entity goes: an entity at a time through iterators cost a
    // check and a move of each.
    let (a, b) = (&entities[..], &more[..]);
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while j < b.len() {
        // Equal keys keep `entities` first, as the stable sort does.
        let before = key(&b[j]);
        let run = a[i..].iter().take_while(|e| key(e) <= before).count();
        out.extend_from_slice(&a[i..i + run]);
        i += run;
        let next = a.get(i).map(key);
        let run = b[j..]
            .iter()
            .take_while(|m| next.is_none_or(|next| key(m) < next))
            .count();
        out.extend_from_slice(&b[j..j + run]);
        j += run;
    }
    out.extend_from_slice(&a[i..]);
    out
}

/// Chunks being processed or waiting to be written, at most: enough for
/// the workers to go on with the next chunk while the sink writes one.
const CHUNKS_IN_FLIGHT: usize = 3;

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
            chunk_docs: 256,
            chunk_bytes: 1 << 20,
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

    /// Entities at `(start, end, tag)`, the tag kept in the origin so
    /// that the order of equal spans shows.
    fn entities(spans: &[(usize, usize, u32)]) -> Vec<Entity> {
        spans
            .iter()
            .map(|&(start, end, tag)| Entity {
                span: crate::span::Span::new(start, end),
                kind: crate::annotation::EntityType::Count,
                canonical: Canonical::None,
                origin: Origin::Rule(tag),
            })
            .collect()
    }

    #[test]
    fn a_panic_in_a_stage_rejects_only_its_document() {
        let pipeline = PipelineBuilder::new().build().expect("pipeline");
        let doc = |id: &str| {
            Document::new(id, "test", "Kenya said 12 people died in Nairobi.")
        };
        let bad = outcome_with(doc("bad"), |d| {
            let words: Vec<&str> = d.text.split(' ').collect();
            let _ = words[words.len()];
            unreachable!()
        });
        let Outcome::Rejected(r) = bad else { panic!("not rejected") };
        assert_eq!((r.id.as_str(), r.source.as_str()), ("bad", "test"));
        let RejectReason::InternalError { message } = &r.reason else {
            panic!("{:?}", r.reason)
        };
        assert!(message.contains("index out of bounds"), "{message}");
        assert!(r.reason.to_string().starts_with("internal_error: "));
        // The thread goes on to the next document as before.
        let Outcome::Processed(_, ex) = pipeline.outcome_of(doc("good"))
        else {
            panic!("not processed")
        };
        assert_eq!(ex, pipeline.process(&doc("good")));
    }

    #[test]
    fn merging_by_span_orders_as_the_stable_sort() {
        type Spans = &'static [(usize, usize, u32)];
        let cases: [(Spans, Spans); 10] = [
            (&[(0, 2, 0), (5, 7, 1), (9, 9, 2)], &[(1, 3, 3), (5, 7, 4)]),
            (&[], &[(1, 3, 0), (2, 3, 1)]),
            (&[(4, 5, 0)], &[]),
            (&[(4, 5, 0), (4, 5, 1)], &[(4, 5, 2), (0, 1, 3), (9, 9, 4)]),
            (&[(8, 9, 0), (1, 2, 1)], &[(3, 4, 2)]),
            (&[(1, 2, 0), (3, 4, 1)], &[(5, 6, 2), (0, 9, 3), (0, 9, 4)]),
            // Interleaved runs.
            (
                &[(1, 2, 0), (3, 4, 1), (3, 4, 2), (8, 9, 3)],
                &[(0, 1, 4), (3, 4, 5), (5, 6, 6), (9, 9, 7), (9, 12, 8)],
            ),
            (&[(5, 6, 0), (7, 8, 1)], &[(0, 1, 2), (2, 3, 3)]),
            (&[(0, 1, 0), (2, 3, 1)], &[(5, 6, 2), (7, 8, 3)]),
            (&[(2, 3, 0), (2, 3, 1), (2, 4, 2)], &[(2, 3, 3), (2, 3, 4)]),
        ];
        for (a, b) in cases {
            let mut want = entities(a);
            want.extend(entities(b));
            want.sort_by_key(|e| (e.span.start, e.span.end));
            assert_eq!(merge_by_span(entities(a), entities(b)), want);
        }
    }

    #[test]
    fn pipeline_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Pipeline>();
    }
}
