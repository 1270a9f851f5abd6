//! Every built-in rule finds exactly what its `example` lines mark, and
//! nothing in its `counter` lines; user rule files load with clear errors.

use factspan::rules::check_examples;
use factspan::PipelineBuilder;

#[test]
fn every_builtin_rule_passes_its_examples() {
    let pipeline = PipelineBuilder::new().build().expect("default pipeline");
    let rules = pipeline.rule_set().rules();
    assert!(rules.len() >= 10, "{} rules", rules.len());
    let mut failures = Vec::new();
    for (i, rule) in rules.iter().enumerate() {
        assert!(!rule.examples.is_empty(), "rule {} has no example", rule.id);
        if let Err(e) =
            check_examples(rule, i as u32, |t| pipeline.rule_matches(t))
        {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn user_rules_with_failing_examples_are_refused() {
    let mut b = PipelineBuilder::new();
    b.rules().add_str(
        "mine.rules",
        "list verbs: whispered\n\nrule person.whisper\n  type PERSON\n  match [Cap&!Common Cap] @verbs\n  example Then [Ana Lopez] whispered it.\n",
    );
    let p = b.build().expect("a passing user rule loads");
    let doc =
        factspan::Document::new("d", "t", "Then Ana Lopez whispered it.");
    let ex = p.process(&doc);
    assert!(ex.entities.iter().any(|e| e.span.of(&doc.text) == "Ana Lopez"));

    let mut bad = PipelineBuilder::new();
    bad.rules().add_str(
        "bad.rules",
        "rule x.y\n  type PERSON\n  match [Cap Cap]\n  example nothing [here] at all\n",
    );
    let err = bad.build().expect_err("a failing example is refused");
    assert!(
        err.to_string().starts_with("bad.rules:1: rule x.y: example"),
        "{err}"
    );
}

#[test]
fn rule_file_errors_name_file_and_line() {
    let cases = [
        ("rule a\n  match Cap\n", "r.rules:1: rule \"a\" has no `type`"),
        (
            "rule a\n  type PERSON\n  match Capp\n",
            "r.rules:3: unknown feature \"Capp\"",
        ),
        ("rule a\n  type THING\n", "r.rules:2: unknown type \"THING\""),
        (
            "rule a\n  type PERSON\n  match @nolist\n",
            "r.rules:3: unknown list @nolist",
        ),
        ("banana\n", "r.rules:1: expected `rule ID` or `list NAME: words`"),
    ];
    for (src, want) in cases {
        let mut b = PipelineBuilder::new();
        b.rules().add_str("r.rules", src);
        let err = b.build().expect_err(src);
        assert!(err.to_string().starts_with(want), "{err} vs {want}");
    }
}

/// The entities of `text` as (quote, type) pairs.
fn entities(p: &factspan::Pipeline, text: &str) -> Vec<(String, String)> {
    let doc = factspan::Document::new("d", "t", text);
    p.process(&doc)
        .entities
        .iter()
        .map(|e| (e.span.of(&doc.text).to_string(), format!("{:?}", e.kind)))
        .collect()
}

#[test]
fn a_cited_employer_is_an_organization_not_a_person() {
    let p = PipelineBuilder::new().build().expect("default pipeline");
    // A surname-like or given-name-like employer after "analysts at",
    // and its later mention before "said".
    let text = "Freight rates fell 3%, analysts at Jefferies said. \
                Jefferies said demand was weak. Economists at Raymond \
                James expect a cut.";
    let found = entities(&p, text);
    let orgs: Vec<&str> = found
        .iter()
        .filter(|(_, k)| k == "Organization")
        .map(|(q, _)| q.as_str())
        .collect();
    assert_eq!(orgs, ["Jefferies", "Jefferies", "Raymond James"], "{found:?}");
    assert!(!found.iter().any(|(_, k)| k == "Person"), "{found:?}");
}

#[test]
fn a_home_town_company_before_a_verb_of_saying_is_no_place() {
    let p = PipelineBuilder::new().build().expect("default pipeline");
    let found = entities(
        &p,
        "Shenzhen Velomax said it would build a plant, and in Shenzhen \
         officials said they welcomed it.",
    );
    assert_eq!(
        found,
        [
            ("Shenzhen Velomax".to_string(), "Organization".to_string()),
            ("Shenzhen".to_string(), "Location".to_string()),
        ],
    );
}
