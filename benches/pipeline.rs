//! Criterion benches over the sample corpus in `data/`.

//!
//! One bench per stage plus the whole pipeline; each asserts its match
//! count inside the timed closure, so a broken stage cannot look fast.
//! `tools/bench` measures whole-corpus throughput, memory and start-up
//! time with the binary.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use factspan::claims::ClaimStage;
use factspan::output::{self, Outcome, RenderOptions};
use factspan::segment::{Segmentation, Segmenter};
use factspan::{Document, Entity, EntityType, PipelineBuilder};

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

/// Gazetteer matching: the form table probed at each token start of each
/// whole document, as the pipeline runs it.
fn gazetteer(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let pipeline = PipelineBuilder::new().build().expect("default pipeline");
    let g = pipeline.gazetteer();
    let mut grp = c.benchmark_group("stage");
    grp.throughput(Throughput::Bytes(bytes as u64));
    grp.bench_function("gazetteer", |b| {
        let mut found = Vec::new();
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                found.clear();
                g.find(&d.text, &mut found);
                n += found.len();
            }
            // Both samples name Pakistan, the UN and Afghans throughout.
            assert!(n >= 40, "{n} matches");
        })
    });
    grp.finish();
}

/// Pattern rules: token features (with the gazetteer's name evidence)
/// and every rule over every sentence of documents segmented beforehand.
fn rules(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let pipeline = PipelineBuilder::new().build().expect("default pipeline");
    let segmenter = Segmenter::new();
    let segs: Vec<Segmentation> = docs
        .iter()
        .map(|d| {
            let mut seg = Segmentation::default();
            segmenter.segment(&d.text, &mut seg);
            seg
        })
        .collect();
    let rules = pipeline.rule_set();
    let mut grp = c.benchmark_group("stage");
    grp.throughput(Throughput::Bytes(bytes as u64));
    grp.bench_function("rules", |b| {
        let (mut feats, mut lists) = (Vec::new(), Vec::new());
        let mut found = Vec::new();
        b.iter(|| {
            found.clear();
            // As the pipeline runs them: each word looked up once per
            // document, then every sentence.
            for (d, seg) in docs.iter().zip(&segs) {
                let (text, tokens) = (&d.text, &seg.tokens);
                let starts: Vec<usize> =
                    seg.sentences.iter().map(|s| s.tokens.start).collect();
                let g = Some(pipeline.gazetteer());
                rules.features_and_lists(
                    text, tokens, &starts, g, &mut feats, &mut lists,
                );
                let sentences = seg.sentences.iter().map(|s| s.tokens.clone());
                rules.run_sentences(
                    text, tokens, &feats, &lists, sentences, &mut found,
                );
            }
            // Titled names and "X said" people are in every sample.
            assert!(found.len() >= 10, "{} rule matches", found.len());
        })
    });
    grp.finish();
}

/// The number grammar and claim assembly, given each document's
/// segmentation and named entities from a run beforehand.
fn claims(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let pipeline = PipelineBuilder::new().build().expect("default pipeline");
    let segmenter = Segmenter::new();
    let stage = ClaimStage::new().expect("claim stage");
    let inputs: Vec<(Segmentation, Vec<Entity>)> = docs
        .iter()
        .map(|d| {
            let mut seg = Segmentation::default();
            segmenter.segment(&d.text, &mut seg);
            // What the claim stage sees: entities before numeric ones.
            let named = pipeline
                .process(d)
                .entities
                .into_iter()
                .filter(|e| {
                    !matches!(
                        e.kind,
                        EntityType::Count
                            | EntityType::Money
                            | EntityType::Percent
                            | EntityType::Quantity
                    )
                })
                .collect();
            (seg, named)
        })
        .collect();
    let mut grp = c.benchmark_group("stage");
    grp.throughput(Throughput::Bytes(bytes as u64));
    grp.bench_function("claims", |b| {
        let (mut claims, mut numeric) = (Vec::new(), Vec::new());
        b.iter(|| {
            claims.clear();
            numeric.clear();
            for (d, (seg, named)) in docs.iter().zip(&inputs) {
                stage.extract(&d.text, seg, named, &mut claims, &mut numeric);
            }
            // The samples report deportation and peacekeeping figures.
            assert!(claims.len() >= 5, "{} claims", claims.len());
            assert!(
                numeric.len() >= claims.len(),
                "{} numbers",
                numeric.len()
            );
        })
    });
    grp.finish();
}

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

criterion_group!(
    benches,
    segmentation,
    gazetteer,
    rules,
    claims,
    csv_writing,
    whole_pipeline
);
criterion_main!(benches);
