//! The committed gazetteer files: their schema, the manifest the build
//! script writes, a few rows everyone relies on, and how the default
//! gazetteer behaves in the pipeline (common-word cities, canonical IDs).

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::sync::OnceLock;

use factspan::{Document, EntityType, Pipeline, PipelineBuilder};
use sha2::{Digest, Sha256};

use crate::util::{extract, read_table, root};

const HEADER: &str = "canonical_id\tname\ttype\tsubtype\tcountry\tpopulation\
                      \taliases\tflags\tsource";
const TYPES: &[&str] = &[
    "PERSON",
    "ORGANIZATION",
    "LOCATION",
    "NATIONALITY",
    "GIVEN_NAME",
    "SURNAME",
    "TITLE",
    "PARTICLE",
    "ORG_SUFFIX",
];
const FLAGS: &[&str] = &[
    "common_word",
    "ambiguous_alias",
    "historic",
    "low_priority",
    "section",
    "capital",
    "acronym",
];

/// One row of a gazetteer file, by column name.
type Row = BTreeMap<&'static str, String>;

/// Every data row of a committed TSV file, checked against the schema.
fn rows(path: &Path) -> Vec<Row> {
    let name = path.display();
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut lines = text.lines();
    // The nine columns, and the optional tenth, `admin1`.
    let header = lines.next().unwrap_or_default();
    let with_admin1 = format!("{HEADER}\tadmin1");
    assert!(
        header == HEADER || header == with_admin1,
        "{name}: header {header:?}"
    );
    let mut columns: Vec<&'static str> = HEADER.split('\t').collect();
    if header != HEADER {
        columns.push("admin1");
    }
    let mut ids = HashSet::new();
    let mut out = Vec::new();
    for (i, line) in lines.enumerate() {
        let at = format!("{name}:{}", i + 2);
        let cells: Vec<&str> = line.split('\t').collect();
        assert_eq!(cells.len(), columns.len(), "{at}: field count");
        let row: Row = columns
            .iter()
            .zip(&cells)
            .map(|(k, v)| (*k, v.to_string()))
            .collect();
        let id = &row["canonical_id"];
        assert!(
            id.split_once(':')
                .is_some_and(|(ns, rest)| !ns.is_empty() && !rest.is_empty()),
            "{at}: canonical_id {id:?} is not namespace:id"
        );
        assert!(ids.insert(id.clone()), "{at}: duplicate id {id}");
        assert!(!row["name"].trim().is_empty(), "{at}: empty name");
        assert!(TYPES.contains(&row["type"].as_str()), "{at}: type");
        let country = &row["country"];
        assert!(
            country.is_empty()
                || (country.len() == 2
                    && country.bytes().all(|b| b.is_ascii_uppercase())),
            "{at}: country {country:?} is not ISO 3166-1 alpha-2"
        );
        let population = &row["population"];
        assert!(
            population.is_empty() || population.parse::<u64>().is_ok(),
            "{at}: population {population:?}"
        );
        for flag in row["flags"].split(',').filter(|f| !f.is_empty()) {
            assert!(FLAGS.contains(&flag), "{at}: flag {flag:?}");
        }
        for alias in row["aliases"].split('|') {
            assert_eq!(alias.trim(), alias, "{at}: alias {alias:?} padded");
        }
        assert!(!row["source"].trim().is_empty(), "{at}: no source");
        if let Some(admin1) = row.get("admin1").filter(|a| !a.is_empty()) {
            assert!(admin1.contains(':'), "{at}: admin1 {admin1:?}");
        }
        out.push(row);
    }
    out
}

fn gazetteer_dir() -> std::path::PathBuf {
    root().join("gazetteers")
}

fn tsv_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("gazetteer folder")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
        .filter(|p| !p.ends_with("MANIFEST.tsv"))
        .collect();
    files.sort();
    files
}

/// The entities table of `text` extracted as the document `name` by the
/// binary, in a folder of `dir`.
fn entities_table(
    dir: &Path,
    name: &str,
    text: &str,
) -> Vec<BTreeMap<String, String>> {
    let input = dir.join(format!("{name}.txt"));
    std::fs::write(&input, text).expect("write input");
    let out = dir.join(format!("{name}-out"));
    let status = extract(&[&input], &out, &[]);
    assert!(status.status.success(), "{status:?}");
    read_table(&out.join("entities.csv"))
}

/// The first row of `table` whose quote is `quote`.
fn row_quoting<'t>(
    table: &'t [BTreeMap<String, String>],
    quote: &str,
) -> &'t BTreeMap<String, String> {
    table
        .iter()
        .find(|r| r["text"] == quote)
        .unwrap_or_else(|| panic!("{quote:?} not in {table:?}"))
}

#[test]
fn every_committed_file_follows_the_schema() {
    let mut files = tsv_files(&gazetteer_dir());
    files.extend(tsv_files(&gazetteer_dir().join("curated")));
    assert!(files.len() >= 15, "{files:?}");
    for file in files {
        assert!(!rows(&file).is_empty(), "{} is empty", file.display());
    }
}

/// The generated files are exactly what `tools/gazetteer/build.py` wrote:
/// the manifest's row counts and hashes match, and it lists every file.
#[test]
fn generated_files_match_their_manifest() {
    let dir = gazetteer_dir();
    let manifest = std::fs::read_to_string(dir.join("MANIFEST.tsv"))
        .expect("MANIFEST.tsv");
    let mut listed = HashSet::new();
    for line in manifest.lines().skip(1) {
        let cells: Vec<&str> = line.split('\t').collect();
        let [file, count, sha, sources] = cells[..] else {
            panic!("MANIFEST.tsv: bad line {line:?}");
        };
        assert!(!sources.is_empty(), "{file}: no sources");
        let bytes = std::fs::read(dir.join(file)).expect(file);
        let got = format!("{:x}", Sha256::digest(&bytes));
        assert_eq!(got, sha, "{file} changed since the build script wrote it");
        let text = String::from_utf8(bytes).expect("utf-8");
        let body = if file.ends_with(".tsv") {
            text.lines().count() - 1
        } else {
            text.lines().count()
        };
        assert_eq!(body.to_string(), count, "{file}: row count");
        listed.insert(file.to_string());
    }
    for file in tsv_files(&dir) {
        let name = file.file_name().expect("name").to_string_lossy();
        assert!(listed.contains(name.as_ref()), "{name} not in manifest");
    }
}

fn row_of(file: &str, id: &str) -> Row {
    rows(&gazetteer_dir().join(file))
        .into_iter()
        .find(|r| r["canonical_id"] == id)
        .unwrap_or_else(|| panic!("{id} not in {file}"))
}

#[test]
fn known_rows_are_listed() {
    let kabul = row_of("cities.tsv", "geonames:1138958");
    assert_eq!(
        (kabul["name"].as_str(), kabul["country"].as_str()),
        ("Kabul", "AF")
    );
    assert!(kabul["flags"].contains("capital"));
    // Springfield, Illinois: in the state's row of admin1.tsv.
    let springfield = row_of("cities.tsv", "geonames:4250542");
    assert_eq!(springfield["admin1"], "geonames:4896861");
    assert_eq!(row_of("admin1.tsv", "geonames:4896861")["name"], "Illinois");
    let sindh = row_of("admin1.tsv", "geonames:1164807");
    assert_eq!(
        (sindh["name"].as_str(), sindh["subtype"].as_str()),
        ("Sindh", "province")
    );
    assert_eq!(sindh["country"], "PK");
    let pakistan = row_of("countries.tsv", "geonames:1168579");
    assert_eq!(pakistan["name"], "Pakistan");
    let nice = row_of("cities.tsv", "geonames:2990440");
    assert!(nice["flags"].contains("common_word"), "{nice:?}");
    let unhcr = row_of("curated/orgs.tsv", "local:org/unhcr");
    let aliases: Vec<&str> = unhcr["aliases"].split('|').collect();
    assert!(aliases.contains(&"UNHCR"), "{aliases:?}");
    assert!(aliases.contains(&"UN Refugee Agency"), "{aliases:?}");
    let pakistani = row_of("curated/demonyms.tsv", "demonym:PK");
    assert_eq!(pakistani["name"], "Pakistani");
    assert_eq!(pakistani["country"], "PK");
    assert!(pakistani["aliases"].split('|').any(|a| a == "Pakistanis"));
}

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| PipelineBuilder::new().build().expect("default pipeline"))
}

fn places(text: &str) -> Vec<String> {
    let doc = Document::new("g", "test", text);
    pipeline()
        .process(&doc)
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::Location)
        .map(|e| e.span.of(text).to_string())
        .collect()
}

/// City names that are English words fire only as places.
#[test]
fn common_word_cities_need_place_context() {
    let cases: &[(&str, &[&str])] = &[
        ("Reading the report, officials said it was nice.", &[]),
        ("Nice weather helped the harvest.", &[]),
        ("Mobile phone use has doubled.", &[]),
        ("Hope faded as rescuers searched.", &[]),
        ("Male voters split evenly, the poll found.", &[]),
        ("The deal was a split decision.", &[]),
        // The place's own country after a comma is context too.
        ("Ferries left Split, Croatia, at dawn.", &["Split", "Croatia"]),
        ("Nice, France, was calm on Sunday.", &["Nice", "France"]),
        (
            "Police in Nice, France, said a truck hit the crowd.",
            &["Nice", "France"],
        ),
        ("He grew up in Reading, England.", &["Reading", "England"]),
        (
            "Ferries sailed from Split, Croatia, at dawn.",
            &["Split", "Croatia"],
        ),
        (
            "Families arrived in Male, the capital of the Maldives.",
            &["Male", "Maldives"],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(&places(text), want, "in {text:?}");
    }
}

/// Aliases, acronyms and descriptions of one listed entity share its
/// canonical name and ID in entities.csv, and places carry their GeoNames
/// IDs.
#[test]
fn aliases_group_under_one_canonical_id() {
    let text = "UNHCR said 500 families left. The UN refugee agency, \
                formally the United Nations High Commissioner for \
                Refugees, works in Kabul and Sindh. Pakistani officials \
                and Pakistanis in KABUL agreed. Talks moved from Islamabad to \
                Chittagong.";
    let dir = tempfile::tempdir().expect("temp dir");
    let table = entities_table(dir.path(), "doc", text);
    let id_of = |quote: &str| -> String {
        let row = row_quoting(&table, quote);
        format!("{}|{}", row["canonical_name"], row["canonical_id"])
    };
    let unhcr =
        "United Nations High Commissioner for Refugees|local:org/unhcr";
    assert_eq!(id_of("UNHCR"), unhcr);
    // The description keeps the described entity's ID on its name part,
    // as news annotation marks it ("the [UN] refugee agency").
    assert_eq!(id_of("UN"), unhcr);
    assert_eq!(id_of("United Nations High Commissioner for Refugees"), unhcr);
    assert_eq!(id_of("Kabul"), "Kabul|geonames:1138958");
    assert_eq!(id_of("KABUL"), "Kabul|geonames:1138958");
    assert_eq!(id_of("Sindh"), "Sindh|geonames:1164807");
    // The capital, not the Islamabad Capital Territory nor Chattogram,
    // whose old name it also is.
    assert_eq!(id_of("Islamabad"), "Islamabad|geonames:1176615");
    assert!(id_of("Chittagong").starts_with("Chattogram|geonames:"));
    assert_eq!(id_of("Pakistani"), "Pakistani|demonym:PK");
    assert_eq!(id_of("Pakistanis"), "Pakistani|demonym:PK");
}

/// A demonym written as itself outranks a country's alias of the same
/// form ("Saudi" is an alias of Saudi Arabia in the country lists, but
/// news writes the adjective: "Saudi officials"); the country's own name
/// and its other aliases stay places.
#[test]
fn demonyms_outrank_country_aliases_of_the_same_form() {
    let text = "Saudi officials met KSA delegates in Saudi Arabia. \
                Officials from the DRC also came.";
    let dir = tempfile::tempdir().expect("temp dir");
    let table = entities_table(dir.path(), "doc", text);
    let kind_id = |quote: &str| -> String {
        let row = row_quoting(&table, quote);
        format!("{}|{}", row["type"], row["canonical_id"])
    };
    assert_eq!(kind_id("Saudi"), "NATIONALITY|demonym:SA");
    assert_eq!(kind_id("KSA"), "LOCATION|geonames:102358");
    assert_eq!(kind_id("Saudi Arabia"), "LOCATION|geonames:102358");
    // An alias still outranks an organization's acronym of the same form.
    assert!(kind_id("DRC").starts_with("LOCATION|"), "{table:?}");
}

/// A listed person written with a double-barrelled surname is named
/// whole and keeps the listed entry ("Bilawal Bhutto" is listed); a
/// hyphen between places still splits them.
#[test]
fn listed_people_take_the_rest_of_a_double_barrelled_name() {
    let text = "Bilawal Bhutto-Zardari spoke on the Pakistan-Afghanistan \
                border.";
    let dir = tempfile::tempdir().expect("temp dir");
    let table = entities_table(dir.path(), "doc", text);
    let quotes: Vec<(&str, &str)> = table
        .iter()
        .map(|r| (r["text"].as_str(), r["canonical_id"].as_str()))
        .collect();
    assert_eq!(
        quotes,
        [
            ("Bilawal Bhutto-Zardari", "local:person/bilawal-bhutto-zardari"),
            ("Pakistan", "geonames:1168579"),
            ("Afghanistan", "geonames:1149361"),
        ]
    );
}

/// Parties and agencies that share an acronym across countries are linked
/// to the one of the country the document names: DPP in Malawi or Taiwan,
/// ANP the Pakistani party or the Dutch news agency, CSIR of India or
/// South Africa. Names with digits (D66, JA21) and possessive-shaped
/// names (Sotheby's) are matched whole.
#[test]
fn shared_acronyms_follow_the_documents_country() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "Voters in Malawi backed the Democratic Progressive Party (DPP) \
             in Blantyre. The DPP said it had won.",
            &[("DPP", "local:org/dpp-malawi")],
        ),
        (
            "Taiwan's ruling Democratic Progressive Party (DPP) met in \
             Taipei. The DPP said it would fight on.",
            &[("DPP", "local:org/dpp-taiwan")],
        ),
        (
            "The ANP said on Monday its workers marched in Peshawar, \
             Pakistan.",
            &[("ANP", "local:org/anp")],
        ),
        (
            "D66 won the most seats in the Netherlands, ANP projected, \
             while JA21 gained.",
            &[
                ("ANP", "local:org/anp-nl"),
                ("D66", "local:org/d66"),
                ("JA21", "local:org/ja21"),
            ],
        ),
        (
            "The CSIR opened a laboratory in Pretoria, South Africa.",
            &[("CSIR", "local:org/csir-south-africa")],
        ),
        (
            "The CSIR opened a laboratory in Lucknow, India.",
            &[("CSIR", "local:org/csir-india")],
        ),
        (
            "A Monet sold at Sotheby's in New York, and Christie's said \
             its sale raised more.",
            &[
                ("Sotheby's", "local:org/sothebys"),
                ("Christie's", "local:org/christies"),
            ],
        ),
    ];
    let dir = tempfile::tempdir().expect("temp dir");
    for (n, (text, want)) in cases.iter().enumerate() {
        let table = entities_table(dir.path(), &format!("doc{n}"), text);
        for (quote, id) in want.iter() {
            let ids: Vec<&str> = table
                .iter()
                .filter(|r| r["text"] == *quote)
                .map(|r| r["canonical_id"].as_str())
                .collect();
            assert!(
                !ids.is_empty() && ids.iter().all(|i| i == id),
                "{quote:?} in {text:?}: {ids:?}, want {id}"
            );
        }
    }
}

/// Airlines are listed under the names news uses whole, so a bare word
/// that is also a river, a nationality or a state keeps its own reading;
/// parties under their full names and acronyms, an acronym two countries
/// share (SPD, PS) following the document's country, and no generic
/// plural ("Liberals") on its own.
/// Text; listed names with their IDs; names of another type; words
/// that are no entity.
type Case = (
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static [(&'static str, &'static str)],
    &'static [&'static str],
);

#[test]
fn airlines_and_parties_are_listed() {
    let cases: &[Case] = &[
        (
            "Analysts said Qantas and Korean Air would order jets, while \
             JAL and IAG cut routes and Aeroflot stayed grounded.",
            &[
                ("Qantas", "local:org/qantas"),
                ("Korean Air", "local:org/korean-air"),
                ("JAL", "isin:JP3705200008"),
                ("IAG", "isin:ES0177542018"),
                ("Aeroflot", "local:org/aeroflot"),
            ],
            &[],
            &["Korean"],
        ),
        (
            "Farmers in the river delta said an American engineer and a \
             Delta Air Lines pilot had come to Alaska on American Airlines.",
            &[
                ("Delta Air Lines", "isin:US2473617023"),
                ("American Airlines", "local:org/american-airlines"),
            ],
            &[("American", "NATIONALITY"), ("Alaska", "LOCATION")],
            &["Delta"],
        ),
        (
            "In Prague, the SPD of Tomio Okamura backed ANO against the \
             ODS and the Mayors and Independents.",
            &[
                ("SPD", "local:org/spd-czech"),
                ("ANO", "local:org/ano"),
                ("ODS", "local:org/ods"),
                ("Mayors and Independents", "local:org/stan"),
            ],
            &[],
            &[],
        ),
        (
            "In Berlin, the SPD said it would back the budget.",
            &[("SPD", "local:org/spd")],
            &[],
            &[],
        ),
        (
            "In Lisbon, the PSD won more seats than the PS and Chega.",
            &[
                ("PSD", "local:org/psd-portugal"),
                ("PS", "local:org/ps-portugal"),
                ("Chega", "local:org/chega"),
            ],
            &[],
            &[],
        ),
        (
            "In Brussels, the PS, the N-VA and CD&V clashed over the \
             budget.",
            &[
                ("PS", "local:org/ps-belgium"),
                ("N-VA", "local:org/n-va"),
                ("CD&V", "local:org/cd-v"),
            ],
            &[],
            &[],
        ),
        (
            "In Vienna, the FPOe beat the OeVP, and in Stockholm the \
             Sweden Democrats backed the Moderate Party.",
            &[
                ("FPOe", "local:org/fpo"),
                ("OeVP", "local:org/ovp"),
                ("Sweden Democrats", "local:org/sweden-democrats"),
                ("Moderate Party", "local:org/moderates-sweden"),
            ],
            &[("Stockholm", "LOCATION")],
            &["Sweden"],
        ),
        (
            "In Dublin, Fianna Fail and Fine Gael agreed a deal, and Labour \
             stayed out.",
            &[
                ("Fianna Fail", "local:org/fianna-fail"),
                ("Fine Gael", "local:org/fine-gael"),
                ("Labour", "local:org/labour-ireland"),
            ],
            &[],
            &[],
        ),
        (
            "In Tokyo, Komeito left the coalition as the DPFP and Sanseito \
             gained.",
            &[
                ("Komeito", "local:org/komeito"),
                ("DPFP", "local:org/dpfp"),
                ("Sanseito", "local:org/sanseito"),
            ],
            &[],
            &[],
        ),
        (
            "In Ottawa, the Liberals, the NDP and the Bloc Quebecois \
             debated, and the Left was split.",
            &[
                ("NDP", "local:org/ndp"),
                ("Bloc Quebecois", "local:org/bloc-quebecois"),
            ],
            &[],
            &["Liberals", "Left"],
        ),
    ];
    check_listed(cases);
}

/// Runs the binary over each case's text, one document each, and checks
/// the listed organizations, the other entities and the absent words.
fn check_listed(cases: &[Case]) {
    let dir = tempfile::tempdir().expect("temp dir");
    let inputs: Vec<std::path::PathBuf> = (0..cases.len())
        .map(|n| {
            let input = dir.path().join(format!("doc{n}.txt"));
            std::fs::write(&input, cases[n].0).expect("write input");
            input
        })
        .collect();
    let out = dir.path().join("out");
    let paths: Vec<&Path> = inputs.iter().map(|p| p.as_path()).collect();
    let status = extract(&paths, &out, &[]);
    assert!(status.status.success(), "{status:?}");
    let table = read_table(&out.join("entities.csv"));
    for (n, (text, listed, others, absent)) in cases.iter().enumerate() {
        let doc = format!("doc{n}");
        let found: Vec<(&str, &str, &str)> = table
            .iter()
            .filter(|r| r["doc_id"] == doc)
            .map(|r| {
                (
                    r["text"].as_str(),
                    r["type"].as_str(),
                    r["canonical_id"].as_str(),
                )
            })
            .collect();
        for (quote, id) in listed.iter() {
            assert!(
                found.contains(&(quote, "ORGANIZATION", id)),
                "{quote:?} as {id} in {text:?}: {found:?}"
            );
        }
        for (quote, kind) in others.iter() {
            assert!(
                found.iter().any(|&(q, k, _)| q == *quote && k == *kind),
                "{quote:?} as {kind} in {text:?}: {found:?}"
            );
        }
        for quote in absent.iter() {
            assert!(
                !found.iter().any(|&(q, ..)| q == *quote),
                "{quote:?} alone in {text:?}: {found:?}"
            );
        }
    }
}

#[test]
fn team_nicknames_and_possessive_companies_are_listed() {
    // (text, quote, canonical id); an empty id wants no organization.
    let cases: &[(&str, &str, &str)] = &[
        (
            "The Wallabies lost to the Pumas in Mendoza, and a former \
             All Black prop now coaches in Tokyo.",
            "All Black",
            "local:org/team-all-blacks",
        ),
        (
            "The Wallabies lost to the Pumas in Mendoza on Sunday.",
            "Pumas",
            "local:org/team-pumas",
        ),
        (
            "Bafana Bafana drew with the Indomitable Lions in Durban.",
            "Indomitable Lions",
            "local:org/team-indomitable-lions",
        ),
        (
            "The BlackCaps beat the Proteas by four wickets in Napier.",
            "BlackCaps",
            "local:org/team-black-caps",
        ),
        (
            "Saracens hosted Exeter Chiefs while Stade Francais lost.",
            "Exeter Chiefs",
            "local:org/rugby-exeter-chiefs",
        ),
        (
            "Shoppers crowded Macy’s and Kellogg's raised prices.",
            "Macy’s",
            "local:org/macys",
        ),
        (
            "Shoppers crowded Macy’s and Kellogg's raised prices.",
            "Kellogg's",
            "local:org/kellogg",
        ),
        // New Zealanders abroad stay a nationality; a common word opening
        // a sentence is no team.
        ("Many Kiwis moved to Perth last year.", "Kiwis", "demonym:NZ"),
        ("Elephants roam the reserve near Tsavo.", "Elephants", ""),
    ];
    let dir = tempfile::tempdir().expect("temp dir");
    for (n, (text, quote, id)) in cases.iter().enumerate() {
        let table = entities_table(dir.path(), &format!("doc{n}"), text);
        let ids: Vec<&str> = table
            .iter()
            .filter(|r| r["text"] == *quote)
            .map(|r| r["canonical_id"].as_str())
            .collect();
        if id.is_empty() {
            assert!(ids.is_empty(), "{quote:?} in {text:?}: {ids:?}");
        } else {
            assert_eq!(ids, [*id], "{quote:?} in {text:?}");
        }
    }
}

#[test]
fn companies_unions_regulators_and_indices_are_listed() {
    let cases: &[Case] = &[
        (
            "In Mumbai, Bharti Airtel and Reliance Jio raised tariffs as \
             Vodafone Idea lost users; Airtel said Jio had cut prices \
             before the DoT ruled.",
            &[
                ("Bharti Airtel", "local:org/bharti-airtel"),
                ("Reliance Jio", "local:org/reliance-jio"),
                ("Vodafone Idea", "local:org/vodafone-idea"),
                ("Airtel", "local:org/bharti-airtel"),
                ("Jio", "local:org/reliance-jio"),
                ("DoT", "local:org/india-dot"),
            ],
            &[("Mumbai", "LOCATION")],
            &[],
        ),
        (
            "Reliance Industries rose while HDFC Bank, ICICI Bank, State \
             Bank of India, Tata Motors, Maruti Suzuki and Mahindra & \
             Mahindra fell; SBI and M&M led the losses.",
            &[
                ("Reliance Industries", "local:org/reliance-industries"),
                ("HDFC Bank", "local:org/hdfc-bank"),
                ("ICICI Bank", "local:org/icici-bank"),
                ("State Bank of India", "local:org/sbi"),
                ("Tata Motors", "local:org/tata-motors"),
                ("Maruti Suzuki", "local:org/maruti-suzuki"),
                ("Mahindra & Mahindra", "local:org/mahindra-mahindra"),
                ("SBI", "local:org/sbi"),
                ("M&M", "local:org/mahindra-mahindra"),
            ],
            &[],
            &["Suzuki", "India"],
        ),
        (
            "Vestas, Orsted and Siemens Gamesa fell, Hapag-Lloyd cut its \
             forecast and Kelley Blue Book said used car prices rose.",
            &[
                ("Vestas", "local:org/vestas"),
                ("Orsted", "local:org/orsted"),
                ("Siemens Gamesa", "local:org/siemens-gamesa"),
                ("Hapag-Lloyd", "local:org/hapag-lloyd"),
                ("Kelley Blue Book", "local:org/kelley-blue-book"),
            ],
            &[],
            &["Siemens", "Kelley"],
        ),
        (
            "IG Metall and the UAW called strikes; in Brussels the FGTB and \
             ACV-CSC unions halted SNCB trains, VRT reported.",
            &[
                ("IG Metall", "local:org/ig-metall"),
                ("UAW", "local:org/uaw"),
                ("FGTB", "local:org/fgtb"),
                ("ACV-CSC", "local:org/acv-csc"),
                ("SNCB", "local:org/sncb"),
                ("VRT", "local:org/vrt"),
            ],
            &[("Brussels", "LOCATION")],
            &["Metall"],
        ),
        (
            "In Washington, the U.S. Department of Transportation fined \
             the airline, and Ireland's Data Protection Commission (DPC) \
             fined Meta.",
            &[
                ("U.S. Department of Transportation", "local:org/us-dot"),
                ("Data Protection Commission", "local:org/dpc-ireland"),
                ("DPC", "local:org/dpc-ireland"),
            ],
            &[("Ireland", "LOCATION")],
            &["U.S."],
        ),
        (
            "The Baltic Dry Index fell, the Hang Seng rose, and the STOXX \
             600 and the EURO STOXX 50 were flat.",
            &[
                ("Baltic Dry Index", "local:org/baltic-dry-index"),
                ("Hang Seng", "local:org/hang-seng-index"),
                ("STOXX 600", "local:org/stoxx-600"),
                ("EURO STOXX 50", "local:org/euro-stoxx-50"),
            ],
            &[],
            &["Baltic", "STOXX"],
        ),
        (
            "Shares of Infineon, Heineken, Meituan, XPeng, Sberbank and \
             KKR rose; Michael Dell said Stripe and Grab would list.",
            &[
                ("Infineon", "isin:DE0006231004"),
                ("Heineken", "isin:NL0000009165"),
                ("Meituan", "local:org/meituan"),
                ("XPeng", "local:org/xpeng"),
                ("Sberbank", "local:org/sberbank"),
                ("KKR", "isin:US48251W1045"),
                ("Stripe", "local:org/stripe"),
                ("Grab", "local:org/grab"),
            ],
            &[("Michael Dell", "PERSON")],
            &["Dell"],
        ),
        (
            "The ZEW index fell, Sentix said, and house prices rose, \
             Nationwide said, as FinCEN fined a bank; unions called a \
             nationwide strike.",
            &[
                ("ZEW", "local:org/zew"),
                ("Sentix", "local:org/sentix"),
                ("Nationwide", "local:org/nationwide-bs"),
                ("FinCEN", "local:org/fincen"),
            ],
            &[],
            &["nationwide"],
        ),
        (
            "Typhoon Man-yi weakened, PAGASA and the Japan Meteorological \
             Agency said, and the Economist Intelligence Unit cut its \
             forecast.",
            &[
                ("PAGASA", "local:org/pagasa"),
                ("Japan Meteorological Agency", "local:org/jma"),
                ("Economist Intelligence Unit", "local:org/eiu"),
            ],
            &[],
            &["Man-yi", "Economist", "Japan"],
        ),
        // Acronyms that are also everyday terms stay unlisted; the
        // sweets' possessive is not the carmaker's acronym.
        (
            "Labour will raise CGT, miners buy ASIC chips, and sales of \
             M&M's rose while M&M shares fell.",
            &[
                ("M&M's", "local:org/m-ms"),
                ("M&M", "local:org/mahindra-mahindra"),
            ],
            &[],
            &["CGT", "ASIC"],
        ),
        // A common-word company opening a sentence needs a verb of saying.
        ("Grab the rope and tether the boat.", &[], &[], &["Grab"]),
    ];
    check_listed(cases);
}

#[test]
fn offices_before_names_are_titles() {
    // "Chief Economist" is an office, not the newspaper; the field of a
    // "Chief ... Officer" is no name.
    let cases: &[Case] = &[
        (
            "UBS Chief Economist Paul Donovan and Chief Medical Officer \
             Chris Whitty spoke, as did Senior Economist Jane Foley.",
            &[("UBS", "isin:CH0244767585")],
            &[
                ("Paul Donovan", "PERSON"),
                ("Chris Whitty", "PERSON"),
                ("Jane Foley", "PERSON"),
            ],
            &["Economist", "Medical", "Chief Economist"],
        ),
        (
            "Chief Technology Officer Mira Murati left, and Chief \
             Scientific Adviser Patrick Vallance stayed.",
            &[],
            &[("Mira Murati", "PERSON"), ("Patrick Vallance", "PERSON")],
            &["Technology", "Scientific"],
        ),
    ];
    check_listed(cases);
}

#[test]
fn grades_models_storms_and_long_place_names() {
    let cases: &[Case] = &[
        // A crude grade names no place; the country before it still does.
        (
            "U.S. West Texas Intermediate crude rose, as did Western \
             Canadian Select, while Texas refiners cut runs.",
            &[],
            &[("U.S.", "LOCATION"), ("Texas", "LOCATION")],
            &["West Texas", "Canadian"],
        ),
        // A model letter hyphened to a town's name is a product.
        (
            "Ford cut the price of the Mustang Mach-E in Texas.",
            &[],
            &[("Texas", "LOCATION")],
            &["Mach", "Mach-E"],
        ),
        // The town is not cut short at its first word.
        (
            "The pope spent the summer at Castel Gandolfo, south of Rome.",
            &[],
            &[("Castel Gandolfo", "LOCATION"), ("Rome", "LOCATION")],
            &["Castel"],
        ),
        // A storm's name is no person's.
        (
            "Tropical Storm Helene hit Florida days after Storm Darragh \
             and Typhoon Man-yi.",
            &[],
            &[("Florida", "LOCATION")],
            &["Storm Helene", "Helene", "Storm Darragh", "Man-yi"],
        ),
        (
            "Storm Bert brought floods to Wales.",
            &[],
            &[("Wales", "LOCATION")],
            &["Storm Bert", "Bert"],
        ),
    ];
    check_listed(cases);
}

#[test]
fn regional_reserve_banks_health_bodies_and_chapters_are_listed() {
    let cases: &[Case] = &[
        // A regional Reserve Bank is one organization, not its town and
        // the Fed.
        (
            "Atlanta Fed President Raphael Bostic and the Kansas City Fed \
             disagreed, while the Minneapolis Fed stayed quiet.",
            &[
                ("Atlanta Fed", "local:org/fed-atlanta"),
                ("Kansas City Fed", "local:org/fed-kansas-city"),
                ("Minneapolis Fed", "local:org/fed-minneapolis"),
            ],
            &[("Raphael Bostic", "PERSON")],
            &["Atlanta", "Kansas City", "Minneapolis", "Fed"],
        ),
        // Global health funds and agencies, and a name before its
        // lowercase description.
        (
            "Money from Gavi, the vaccine alliance, and from Unitaid \
             and the Pan American Health Organization ran short.",
            &[
                ("Gavi", "local:org/gavi"),
                ("Unitaid", "local:org/unitaid"),
                ("Pan American Health Organization", "local:org/paho"),
            ],
            &[],
            &[],
        ),
        // A charity's national chapter is the charity; a news agency
        // before a country in reported speech is not.
        (
            "Amnesty International Kenya and Oxfam India said the police \
             had lied. An officer told Reuters Kenya would send troops.",
            &[
                ("Amnesty International Kenya", "local:org/amnesty"),
                ("Oxfam India", "local:org/oxfam"),
                ("Reuters", "local:org/reuters"),
            ],
            &[("Kenya", "LOCATION")],
            &["India"],
        ),
    ];
    check_listed(cases);
}

/// A town written with its province or country after a comma is the
/// namesake there: "Victoria, British Columbia" is not the Seychelles'
/// capital, "Perth, Scotland" not Australia's Perth.
#[test]
fn a_place_followed_by_its_region_is_the_namesake_there() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "The ferry left Victoria, British Columbia, at dawn.",
            "Victoria",
            "geonames:6174041",
        ),
        (
            "She grew up in London, Ontario, before moving.",
            "London",
            "geonames:6058560",
        ),
        ("The festival in Perth, Scotland, drew crowds.", "Perth", {
            "geonames:2640358"
        }),
        ("A tornado hit Paris, Texas, overnight.", "Paris", {
            "geonames:4717560"
        }),
        (
            "Steelworkers in Birmingham, Alabama, walked out.",
            "Birmingham",
            "geonames:4049979",
        ),
        // The capital when the country says so.
        ("Talks in Paris, France, ended.", "Paris", "geonames:2988507"),
    ];
    let dir = tempfile::tempdir().expect("temp dir");
    for (n, &(text, quote, id)) in cases.iter().enumerate() {
        let table = entities_table(dir.path(), &format!("doc{n}"), text);
        assert!(
            table.iter().any(|r| r["text"] == quote
                && r["type"] == "LOCATION"
                && r["canonical_id"] == id),
            "{quote:?} as {id} in {text:?}: {table:?}"
        );
    }
}

#[test]
fn listed_teams_keep_their_link_and_leaders_go_by_short_names() {
    let cases: &[Case] = &[
        // The score rule finds the club as the list does: the list's link
        // stays.
        (
            "Real Madrid beat Getafe 2-1 on Sunday.",
            &[("Real Madrid", "local:org/football-real-madrid")],
            &[],
            &[],
        ),
        (
            "Lula told leaders at the BIMSTEC summit that trade mattered.",
            &[("BIMSTEC", "local:org/bimstec")],
            &[("Lula", "PERSON")],
            &[],
        ),
    ];
    check_listed(cases);
}

#[test]
fn decomposed_accents_give_the_entities_of_composed_ones() {
    // Text copied from PDFs and Mac files writes "é" as "e" and a
    // combining accent: names must come out the same, with their spans
    // over the text as written.
    use unicode_normalization::UnicodeNormalization;
    let composed = "José María Aznar met François Hollande and Recep Tayyip \
                    Erdoğan in São Paulo, then flew to Zürich and Côte \
                    d'Ivoire with Gabriel García Márquez's son.";
    let decomposed: String = composed.nfd().collect();
    assert_ne!(decomposed, composed);
    let entities = |text: &str| -> Vec<(EntityType, String)> {
        let doc = Document::new("d", "test", text);
        pipeline()
            .process(&doc)
            .entities
            .iter()
            .map(|e| (e.kind, e.span.of(text).nfc().collect()))
            .collect()
    };
    let want = entities(composed);
    assert!(
        want.contains(&(EntityType::Person, "François Hollande".into())),
        "{want:?}"
    );
    assert_eq!(entities(&decomposed), want);
}

#[test]
fn invisible_characters_inside_words_give_the_findings_of_plain_text() {
    // Web pages put soft hyphens and zero-width spaces inside words, and
    // some wires send fullwidth digits: the text reads the same on
    // screen, so the findings must be the same, quoted as written.
    let plain = "Finance Minister Giancarlo Giorgetti told reporters in \
                 Rome on Tuesday that 12,500 workers at Stellantis had lost \
                 their jobs, the Italian statistics office said.";
    let odd = plain
        .replace("Giorgetti", "Gior\u{ad}get\u{ad}ti")
        .replace("Rome", "\u{200b}Rome\u{200b}")
        .replace("12,500", "\u{ff11}\u{ff12},500")
        .replace("Stellantis", "Stel\u{200d}lantis")
        .replace("Italian", "\u{feff}Italian");
    let found = |text: &str| {
        let doc = Document::new("d", "test", text);
        let ex = pipeline().process(&doc);
        let unseen = |s: &str| {
            s.chars()
                .filter(|c| {
                    !matches!(
                        c,
                        '\u{ad}' | '\u{200b}' | '\u{200d}' | '\u{feff}'
                    )
                })
                .map(|c| match c {
                    '\u{ff11}' => '1',
                    '\u{ff12}' => '2',
                    c => c,
                })
                .collect::<String>()
        };
        let entities: Vec<(EntityType, String)> = ex
            .entities
            .iter()
            .map(|e| {
                let quote = e.span.of(text);
                // No quote starts or ends on an invisible character.
                assert!(
                    !quote.starts_with(['\u{ad}', '\u{200b}', '\u{feff}']),
                    "{quote:?}"
                );
                assert!(
                    !quote.ends_with(['\u{ad}', '\u{200b}', '\u{feff}']),
                    "{quote:?}"
                );
                (e.kind, unseen(quote))
            })
            .collect();
        let claims: Vec<(f64, String)> = ex
            .claims
            .iter()
            .map(|c| {
                (
                    c.value,
                    c.counted.map(|s| unseen(s.of(text))).unwrap_or_default(),
                )
            })
            .collect();
        (entities, claims)
    };
    let want = found(plain);
    assert!(
        want.0.contains(&(EntityType::Person, "Giancarlo Giorgetti".into())),
        "{want:?}"
    );
    assert!(want.1.contains(&(12_500.0, "workers".into())), "{want:?}");
    assert_eq!(found(&odd), want);
}

#[test]
fn html_markup_gives_the_findings_of_the_text_it_shows() {
    // Text scraped from web pages keeps its tags and character
    // references: the findings are those of the text a browser shows,
    // with sentences broken where its paragraphs are, quoted as written.
    let plain = "AT&T said on Monday it would cut 1,200 jobs in Dallas.\n\n\
                 \"We regret this,\" said Chief Executive John Stankey.\n\n\
                 Procter & Gamble's shares rose 2% in São Paulo.";
    let html = "<p>AT&amp;T said on Monday it would cut 1,200 jobs in \
                <a href=\"/dallas\">Dallas</a>.</p>\n<p>&quot;We regret \
                this,&quot; said Chief Executive <b>John Stankey</b>.</p>\
                <p>Procter &amp; Gamble&#39;s shares rose 2% in S&atilde;o \
                Paulo.</p>";
    let found = |text: &str| {
        let doc = Document::new("d", "test", text);
        let ex = pipeline().process(&doc);
        let entities: Vec<(EntityType, String)> = ex
            .entities
            .iter()
            .map(|e| {
                let name = match &e.canonical {
                    factspan::annotation::Canonical::Entry(i) => {
                        pipeline().entry_canonical(*i).0.to_string()
                    }
                    _ => e.span.of(text).to_string(),
                };
                (e.kind, name)
            })
            .collect();
        let sentences_of_claims: Vec<usize> = ex
            .claims
            .iter()
            .map(|c| {
                ex.sentences
                    .iter()
                    .position(|s| {
                        s.start <= c.span.start && c.span.end <= s.end
                    })
                    .expect("in a sentence")
            })
            .collect();
        (entities, sentences_of_claims, ex.sentences.len())
    };
    let want = found(plain);
    for name in ["AT&T", "Procter & Gamble", "John Stankey", "Dallas"] {
        assert!(want.0.iter().any(|(_, n)| n == name), "{name}: {want:?}");
    }
    assert_eq!(want.2, 3, "{want:?}");
    let got = found(html);
    assert_eq!(got.1, want.1);
    assert_eq!(got.2, want.2);
    // Listed names are the same; an unlisted one is quoted as written.
    assert_eq!(got.0.len(), want.0.len(), "{got:?}");
    for ((gk, gn), (wk, wn)) in got.0.iter().zip(&want.0) {
        assert_eq!(gk, wk);
        assert!(gn == wn || gn.contains('<') || gn.contains('&'), "{gn} {wn}");
    }
    let doc = Document::new("d", "test", html);
    let quotes: Vec<&str> = pipeline()
        .process(&doc)
        .entities
        .iter()
        .map(|e| e.span.of(html))
        .collect();
    assert!(quotes.contains(&"AT&amp;T"), "{quotes:?}");
    assert!(quotes.contains(&"Procter &amp; Gamble"), "{quotes:?}");
    assert!(quotes.contains(&"John Stankey"), "{quotes:?}");
}

#[test]
fn with_html_off_markup_is_text_like_any_other() {
    // `--no-html`: a text about markup keeps its tags and references;
    // the stages read them as written.
    let text = "The page wrote AT&amp;T in <b>bold</b>, said John Stankey.";
    let plain = PipelineBuilder::new()
        .html(false)
        .build()
        .expect("pipeline without HTML reading");
    let doc = Document::new("d", "test", text);
    let quotes = |p: &Pipeline| -> Vec<String> {
        p.process(&doc)
            .entities
            .iter()
            .map(|e| e.span.of(text).to_string())
            .collect()
    };
    let read = quotes(pipeline());
    assert!(read.iter().any(|q| q == "AT&amp;T"), "{read:?}");
    let as_text = quotes(&plain);
    assert!(!as_text.iter().any(|q| q.contains("&amp;")), "{as_text:?}");
    assert!(as_text.iter().any(|q| q == "John Stankey"), "{as_text:?}");
    // The switch is part of what the tables are made from.
    let mut off = PipelineBuilder::new();
    off.html(false);
    assert_ne!(off.fingerprint(), PipelineBuilder::new().fingerprint());
}

#[test]
fn a_listed_common_word_ending_a_longer_name_is_not_that_name() {
    let cases: &[Case] = &[
        // The last word of a capitalized name the lists lack.
        (
            "The chairman of the Joint Chiefs said drills would start at \
             noon Greenwich Mean Time.",
            &[],
            &[],
            &["Chiefs", "Time"],
        ),
        // Alone, after a town, or vouched for elsewhere, it is the team.
        (
            "The Chiefs signed a quarterback on Monday, the team said.",
            &[("Chiefs", "local:org/nfl-kansas-city-chiefs")],
            &[],
            &[],
        ),
        (
            "Mahomes and the Chiefs flew home; Kansas City Chiefs fans \
             waited.",
            &[("Chiefs", "local:org/nfl-kansas-city-chiefs")],
            &[],
            &[],
        ),
    ];
    check_listed(cases);
}
