//! One test per fixed error class of claim assembly that needs the whole
//! pipeline (person names, segmentation), on sentences written for the
//! class (not copied from any evaluation set).

use std::sync::OnceLock;

use factspan::{Document, Pipeline, PipelineBuilder};

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| PipelineBuilder::new().build().expect("default pipeline"))
}

/// The attribution of the claim whose phrase is `figure`.
fn attribution(text: &str, figure: &str) -> String {
    let doc = Document::new("c", "test", text);
    let ex = pipeline().process(&doc);
    let c = ex
        .claims
        .iter()
        .find(|c| c.span.of(text) == figure)
        .unwrap_or_else(|| panic!("no claim {figure:?} in {text:?}"));
    c.attribution.map_or(String::new(), |a| a.of(text).to_string())
}

#[test]
fn he_said_refers_to_the_person_named_since_the_last_speaker() {
    let text = "Flood relief was slow, a district official said. The man \
                gave his name as Peter Mwangi, a teacher from the valley. \
                He said 40 families had lost their homes.";
    assert_eq!(attribution(text, "40"), "Peter Mwangi");
}

#[test]
fn a_title_before_a_wrapped_line_break_keeps_the_speakers_name() {
    let text = "\t   Shops stayed shut all week in the old town, and\n\
                traders counted their losses after the floods of the spring\n\
                season, which hit the market hardest, says Mrs.\n\
                Adeyemi. ``We lost 300 sacks of rice in one night,'' she\n\
                said, ``and nobody came to help us with the cleanup.''\n";
    assert_eq!(attribution(text, "300"), "Mrs.\nAdeyemi");
}
