//! One test per fixed error class of the entity stages, on sentences
//! written for the class (not copied from any evaluation set).

use std::sync::OnceLock;

use factspan::{Document, EntityType, Pipeline, PipelineBuilder};

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| PipelineBuilder::new().build().expect("default pipeline"))
}

fn found(text: &str) -> Vec<(String, EntityType)> {
    let doc = Document::new("r", "test", text);
    pipeline()
        .process(&doc)
        .entities
        .into_iter()
        .map(|e| (e.span.of(text).to_string(), e.kind))
        .collect()
}

fn has(text: &str, quote: &str, kind: EntityType) {
    let got = found(text);
    assert!(
        got.iter().any(|(q, k)| q == quote && *k == kind),
        "{quote:?} as {kind:?} in {text:?}: {got:?}"
    );
}

fn lacks(text: &str, quote: &str) {
    let got = found(text);
    assert!(!got.iter().any(|(q, _)| q == quote), "{quote:?} in {got:?}");
}

#[test]
fn possessives_and_elided_articles_keep_listed_names() {
    let text = "Talks aim to pressure Syria’s rulers. Troops served in \
                Mali and Côte d’Ivoire, officials said.";
    has(text, "Syria", EntityType::Location);
    has(text, "Côte d’Ivoire", EntityType::Location);
    has("The Kenya's budget grew.", "Kenya", EntityType::Location);
}

#[test]
fn countries_that_are_common_nouns_are_places() {
    has("Exports to Japan and China rose.", "Japan", EntityType::Location);
    has("Exports to Japan and China rose.", "China", EntityType::Location);
    has("Talks with Turkey resumed.", "Turkey", EntityType::Location);
}

#[test]
fn articles_are_not_part_of_listed_organizations() {
    has(
        "Aides at the White House said so.",
        "White House",
        EntityType::Organization,
    );
}

#[test]
fn possessive_is_trimmed_from_rule_spans() {
    has("It was President Obama's call.", "Obama", EntityType::Person);
}

#[test]
fn descriptions_keep_only_the_name() {
    has(
        "Agencies, including the UN refugee agency, urged calm.",
        "UN",
        EntityType::Organization,
    );
    lacks(
        "Agencies, including the UN refugee agency, urged calm.",
        "UN refugee agency",
    );
}

#[test]
fn surnames_of_people_in_the_document_are_people() {
    // "Adams" is also a small town: the person wins here.
    let text =
        "Captain Tony Adams led the side. Adams said the team was ready.";
    let got = found(text);
    let adams: Vec<_> = got.iter().filter(|(q, _)| q == "Adams").collect();
    assert!(!adams.is_empty(), "{got:?}");
    assert!(adams.iter().all(|(_, k)| *k == EntityType::Person), "{got:?}");
}

#[test]
fn dates_are_not_team_scores_or_places() {
    lacks("Short Url\nUpdated 09 January 2026\nFollow", "Updated");
    has(
        "It began in September 2023 with arrests.",
        "September 2023",
        EntityType::Date,
    );
    lacks("It began in September 2023 with arrests.", "September");
}

#[test]
fn headline_lists_of_names_are_not_headlines() {
    has(
        "Tim Henman (Britain) beat Doug Flach (U.S.) 6-3 6-4.",
        "Tim Henman",
        EntityType::Person,
    );
}

#[test]
fn descriptions_link_to_the_described_entity() {
    let text = "Agencies, including the UN refugee agency, urged calm. UNHCR said so.";
    let doc = Document::new("r", "test", text);
    let p = pipeline();
    let ex = p.process(&doc);
    let (entities, _) = factspan::output::rows(p, &doc, &ex);
    let ids: Vec<(&str, &str)> = entities
        .iter()
        .map(|e| (e.text.as_ref(), e.canonical_id.as_ref()))
        .collect();
    let un = ids.iter().find(|(t, _)| *t == "UN").expect("UN found");
    let unhcr = ids.iter().find(|(t, _)| *t == "UNHCR").expect("UNHCR found");
    assert_eq!(un.1, unhcr.1, "{ids:?}");
}
