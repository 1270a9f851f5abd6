//! `Pipeline::run`: chunks processed side by side still reach the sink in
//! input order, with the same findings as one document at a time, and a
//! failing sink or renderer stops the run with its error.

use factspan::document::{Document, RejectReason, Rejection};
use factspan::error::Error;
use factspan::input::Item;
use factspan::output::Outcome;
use factspan::{Pipeline, PipelineBuilder, RunOptions};

use crate::util::root;

/// Paragraphs of the sample articles as documents of very different
/// sizes (one paragraph to a whole article), with a rejection among them.
fn items() -> Vec<Item> {
    let mut items = Vec::new();
    for entry in std::fs::read_dir(root().join("data")).expect("data/") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("article");
        let name = path.display().to_string();
        let paragraphs: Vec<&str> =
            text.split("\n\n").filter(|p| !p.trim().is_empty()).collect();
        for (k, p) in paragraphs.iter().enumerate() {
            // Every fifth document is the whole article: slow beside the
            // single paragraphs around it.
            let text = if k % 5 == 0 { text.as_str() } else { p };
            items.push(Ok(Document::new(
                format!("{name}#{k}"),
                name.clone(),
                text,
            )));
        }
    }
    items.insert(
        3,
        Err(Rejection {
            id: "bad".into(),
            source: "test".into(),
            bytes: None,
            reason: RejectReason::Empty,
        }),
    );
    items
}

fn pipeline() -> Pipeline {
    PipelineBuilder::new().build().expect("default pipeline")
}

/// (tag, document id, entity and claim counts) as the sink saw them.
fn run_collect(
    pipeline: &Pipeline,
    options: &RunOptions,
) -> Vec<(usize, String, usize, usize)> {
    let mut seen = Vec::new();
    let tagged = items().into_iter().enumerate();
    pipeline
        .run_tagged(
            tagged,
            options,
            |_, outcome| Ok(outcome.id().to_owned()),
            |tag, outcome, id: String| {
                assert_eq!(outcome.id(), id, "rendered with its own outcome");
                let (e, c) = match outcome {
                    Outcome::Processed(_, ex) => {
                        (ex.entities.len(), ex.claims.len())
                    }
                    Outcome::Rejected(_) => (0, 0),
                };
                seen.push((tag, id, e, c));
                Ok(())
            },
        )
        .expect("run");
    seen
}

#[test]
fn chunks_in_parallel_reach_the_sink_in_input_order() {
    let pipeline = pipeline();
    let want: Vec<(usize, String, usize, usize)> = items()
        .into_iter()
        .enumerate()
        .map(|(tag, item)| match item {
            Ok(doc) => {
                let ex = pipeline.process(&doc);
                (tag, doc.id, ex.entities.len(), ex.claims.len())
            }
            Err(r) => (tag, r.id, 0, 0),
        })
        .collect();
    assert!(want.len() > 20, "enough documents to need many chunks");
    assert!(want.iter().any(|w| w.3 > 0), "some claims to compare");
    for threads in [1, 2, 4] {
        for chunk_docs in [1, 2, 7] {
            let options =
                RunOptions { threads, chunk_docs, chunk_bytes: 1 << 20 };
            let got = run_collect(&pipeline, &options);
            assert_eq!(got, want, "threads {threads}, chunk {chunk_docs}");
        }
    }
}

#[test]
fn a_failing_sink_stops_the_run_with_its_error() {
    let pipeline = pipeline();
    let options = RunOptions { threads: 2, chunk_docs: 1, chunk_bytes: 1 };
    let mut calls = 0;
    let err = pipeline
        .run(
            items().into_iter(),
            &options,
            |_, _| Ok(()),
            |_, ()| {
                calls += 1;
                if calls == 5 {
                    return Err(Error::config("disk full"));
                }
                Ok(())
            },
        )
        .expect_err("the sink's error");
    assert_eq!(calls, 5, "no sink call after the failing one");
    assert!(err.to_string().contains("disk full"), "{err}");
}

#[test]
fn a_failing_renderer_stops_the_run_with_its_error() {
    let pipeline = pipeline();
    let options = RunOptions { threads: 2, chunk_docs: 2, chunk_bytes: 1 };
    let mut sunk = Vec::new();
    let err = pipeline
        .run(
            items().into_iter(),
            &options,
            |_, outcome| {
                if outcome.id().ends_with("#6") {
                    return Err(Error::config("cannot render"));
                }
                Ok(outcome.id().to_owned())
            },
            |_, id| {
                sunk.push(id);
                Ok(())
            },
        )
        .expect_err("the renderer's error");
    assert!(err.to_string().contains("cannot render"), "{err}");
    assert!(
        sunk.iter().all(|id| !id.ends_with("#6")),
        "nothing after the failed document's chunk: {sunk:?}"
    );
}
