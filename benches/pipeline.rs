//! Criterion benches over the sample corpus in `data/`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
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

criterion_group!(benches, segmentation, whole_pipeline);
criterion_main!(benches);
