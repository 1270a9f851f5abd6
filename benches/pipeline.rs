//! Criterion benches over the sample corpus in `data/`.

//!
//! One bench per stage plus the whole pipeline; each asserts its match
//! count inside the timed closure, so a broken stage cannot look fast.
//! The gazetteer, rules and claims stages get their benches where marked
//! below, once they land. `tools/bench` measures whole-corpus throughput,
//! memory and start-up time with the binary.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use factspan::output::{self, Outcome, RenderOptions};
use factspan::segment::{Segmentation, Segmenter};
use factspan::{Document, PipelineBuilder};

fn corpus() -> Vec<Document> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let mut docs = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("data/ exists")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    for p in paths {
        let text = std::fs::read_to_string(&p).expect("utf-8 sample");
        docs.push(Document::new(p.display().to_string(), "bench", text));
    }
    docs
}

fn segmentation(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let segmenter = Segmenter::new();
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("segment", |b| {
        let mut seg = Segmentation::default();
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                segmenter.segment(&d.text, &mut seg);
                n += seg.sentences.len();
            }
            assert!(n > 40, "{n} sentences");
        })
    });
    g.finish();
}

// TODO(gazetteer stage): `fn gazetteer(c: &mut Criterion)` goes here:
// build the default gazetteer once outside the timer, then in `b.iter`
// match every sentence of `corpus()` and assert the number of matches
// (`assert!(n >= MIN, "{n} matches")`). Add it to `criterion_group!`.

// TODO(rules stage): `fn rules(c: &mut Criterion)` goes here, the same
// way: pattern rules over every sentence, asserting the match count.

// TODO(claims stage): `fn claims(c: &mut Criterion)` goes here: the
// number grammar and claim assembly, asserting the number of claims.

/// Rendering CSV rows (code-point offsets, cell escaping, sha256) for
/// documents already processed.
fn csv_writing(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let pipeline = PipelineBuilder::new().build().expect("default pipeline");
    let outcomes: Vec<Outcome> = docs
        .iter()
        .map(|d| Outcome::Processed(d.clone(), pipeline.process(d)))
        .collect();
    let opts = RenderOptions::default();
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("csv", |b| {
        b.iter(|| {
            let mut rows = 0;
            let mut entities = 0;
            for o in &outcomes {
                let r = output::render_csv(&pipeline, o, opts)
                    .expect("rendering to memory");
                rows += r.document.iter().filter(|&&b| b == b'\n').count();
                entities += r.entities.len() + r.claims.len();
            }
            assert_eq!(rows, outcomes.len(), "one documents.csv row each");
            std::hint::black_box(entities);
        })
    });
    g.finish();
}

fn whole_pipeline(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let pipeline = PipelineBuilder::new().build().expect("default pipeline");
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("process", |b| {
        b.iter(|| {
            let n: usize =
                docs.iter().map(|d| pipeline.process(d).sentences.len()).sum();
            assert!(n > 40);
        })
    });
    g.finish();
}

criterion_group!(benches, segmentation, csv_writing, whole_pipeline);
criterion_main!(benches);
