//! Any string goes through the pipeline without panic, and every span is
//! in bounds, on char boundaries, and quotes its code-point slice.

use std::sync::OnceLock;

use factspan::output::{rows, CharIndex};
use factspan::{Document, Pipeline, PipelineBuilder};
use proptest::prelude::*;

use crate::util::slice_chars;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| PipelineBuilder::new().build().expect("default pipeline"))
}

fn check(text: &str) {
    let doc = Document::new("p", "prop", text);
    let ex = pipeline().process(&doc);
    let mut spans: Vec<factspan::Span> = ex.sentences.clone();
    spans.extend(ex.entities.iter().map(|e| e.span));
    for c in &ex.claims {
        spans.extend([c.span, c.value_span]);
        spans.extend(
            [c.qualifier, c.counted, c.subject, c.attribution, c.time]
                .into_iter()
                .flatten(),
        );
    }
    for s in spans {
        assert!(s.start <= s.end && s.end <= text.len(), "{s:?} in {text:?}");
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
        );
    }
    let (entities, claims) = rows(pipeline(), &doc, &ex);
    let idx = CharIndex::new(text);
    assert_eq!(idx.len(), text.chars().count());
    for e in entities {
        assert_eq!(slice_chars(text, e.start, e.end), e.text);
    }
    for c in claims {
        assert_eq!(slice_chars(text, c.start, c.end), c.text);
    }
}

/// Strings mixing news text with odd Unicode.
fn odd_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Pakistan",
        " ",
        "\n",
        "\n\n",
        "Amnesty International",
        "said",
        ".",
        ",",
        "1.5 million",
        "more than 235,000",
        "Afghans",
        "“",
        "”",
        "’s",
        "e\u{301}",
        "😀",
        "👩‍👩‍👧",
        "\u{200B}",
        "\u{200D}",
        "\u{00A0}",
        "مرحبا",
        "שלום",
        "\u{202E}",
        "\u{AD}",
        "\u{FEFF}",
        "\u{FF11}\u{FF12}",
        "\u{FF34}\u{FF4F}",
        "ISLAMABAD:",
        "•",
        "U.S.",
        "Jan. 1",
        "$2.3bn",
        "Côte d’Ivoire",
        "\r\n",
        "\t",
        "PM Sharif",
        "5%",
        "-",
        "—",
        "(",
        ")",
        "́",
        "ﬁ",
        "İ",
        "ß",
        "&amp;",
        "AT&amp;T",
        "&quot;",
        "&#8217;",
        "&eacute;",
        "&nbsp;",
        "&",
        "<p>",
        "</p>",
        "<br/>",
        "<a href=\"/x\">",
        "</a>",
        "<!-- c -->",
        "<script>x</script>",
        "<",
        ">",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_string_is_processed_with_exact_spans(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn odd_news_text_is_processed_with_exact_spans(text in odd_text()) {
        check(&text);
    }
}

/// `audit` reads a quote alone with the number grammar: every run of up
/// to eight words of the sample articles, cut anywhere between words,
/// reads without a panic (the grammar looks ahead past a figure).
#[test]
fn every_word_run_of_the_samples_reads_as_a_figure_without_panic() {
    for entry in
        std::fs::read_dir(crate::util::root().join("data")).expect("data/")
    {
        let text = std::fs::read_to_string(entry.expect("entry").path())
            .expect("read");
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices(char::is_whitespace).map(|(i, _)| i + 1))
            .collect();
        for (k, &a) in starts.iter().enumerate() {
            for &b in starts[k + 1..].iter().take(8) {
                let _ = factspan::numbers::parse_figure(text[a..b].trim_end());
            }
        }
    }
}
