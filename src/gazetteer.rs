//! Stage 2: gazetteer matching with aho-corasick.
//!
//! Every gazetteer file uses one TSV schema (see `gazetteers/README.md`):
//!
//! ```text
//! canonical_id  name  type  subtype  country  population  aliases  flags  source
//! ```
//!
//! Entity rows (PERSON, ORGANIZATION, LOCATION, NATIONALITY) and multi-word
//! titles go into one leftmost-longest automaton over folded text; name
//! evidence (given names, surnames, particles, company suffixes) goes into
//! hash sets that the pattern stage asks token by token.
//!
//! Folding makes `Côte d’Ivoire`, `Cote d'Ivoire` and `COTE D'IVOIRE` meet:
//! Latin letters lose their diacritics (any_ascii), curly apostrophes and
//! hyphen variants become ASCII, and the automaton ignores ASCII case. The
//! case policy of each form is then checked against the original text, and
//! matches map back to original byte offsets.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use daachorse::{
    DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder, MatchKind,
};

use crate::annotation::EntityType;
use crate::error::{Error, ErrorKind, Result};
use crate::span::Span;

/// The default gazetteer files, compiled into the binary.
pub const DEFAULT_FILES: &[(&str, &str)] =
    &include!(concat!(env!("OUT_DIR"), "/default_gazetteers.rs"));

/// The columns every gazetteer file has, in order.
pub const COLUMNS: [&str; 9] = [
    "canonical_id",
    "name",
    "type",
    "subtype",
    "country",
    "population",
    "aliases",
    "flags",
    "source",
];

/// What a gazetteer row lists.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum EntryType {
    /// An entity of this type.
    Entity(EntityType),
    /// A given name (evidence for the person rules).
    GivenName,
    /// A surname (evidence for the person rules).
    Surname,
    /// A title or role: `Prime Minister`, `Maulana`.
    Title,
    /// A name particle: `bin`, `al-`, `van`.
    Particle,
    /// A company legal suffix: `Ltd`, `GmbH`.
    OrgSuffix,
}

impl EntryType {
    fn parse(s: &str) -> Option<EntryType> {
        Some(match s {
            "GIVEN_NAME" => EntryType::GivenName,
            "SURNAME" => EntryType::Surname,
            "TITLE" => EntryType::Title,
            "PARTICLE" => EntryType::Particle,
            "ORG_SUFFIX" => EntryType::OrgSuffix,
            _ => match EntityType::parse(s)? {
                t @ (EntityType::Person
                | EntityType::Organization
                | EntityType::Location
                | EntityType::Nationality) => EntryType::Entity(t),
                _ => return None,
            },
        })
    }
}

/// Flags on a gazetteer row.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub struct Flags(u16);

impl Flags {
    /// The name is a common English word (`Nice`, `Reading`): it needs
    /// context to count as an entity.
    pub const COMMON_WORD: Flags = Flags(1);
    /// An alias that is also another entity's name or a common word.
    pub const AMBIGUOUS_ALIAS: Flags = Flags(2);
    /// A former entity (ISO 3166-3 country, renamed body).
    pub const HISTORIC: Flags = Flags(4);
    /// A small place or district: needs context or a multi-word name.
    pub const LOW_PRIORITY: Flags = Flags(8);
    /// A section of a city (GeoNames PPLX).
    pub const SECTION: Flags = Flags(16);
    /// A national capital.
    pub const CAPITAL: Flags = Flags(32);
    /// The row has acronym aliases.
    pub const ACRONYM: Flags = Flags(64);

    fn parse(s: &str) -> std::result::Result<Flags, String> {
        let mut f = Flags::default();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            f.0 |= match part {
                "common_word" => Flags::COMMON_WORD.0,
                "ambiguous_alias" => Flags::AMBIGUOUS_ALIAS.0,
                "historic" => Flags::HISTORIC.0,
                "low_priority" => Flags::LOW_PRIORITY.0,
                "section" => Flags::SECTION.0,
                "capital" => Flags::CAPITAL.0,
                "acronym" => Flags::ACRONYM.0,
                other => return Err(format!("unknown flag {other:?}")),
            };
        }
        Ok(f)
    }

    /// Whether every flag of `other` is set.
    pub const fn has(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }
}

/// One gazetteer row.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Namespaced id: `geonames:1168579`, `local:org/unhcr`.
    pub canonical_id: Box<str>,
    /// Canonical display name.
    pub name: Box<str>,
    /// What it lists.
    pub kind: EntryType,
    /// Finer type: `country`, `city`, `un_agency`, `office`...
    pub subtype: Box<str>,
    /// ISO 3166-1 alpha-2 code, or empty.
    pub country: Box<str>,
    /// Population, 0 when unknown.
    pub population: u64,
    /// Row flags.
    pub flags: Flags,
    /// Index of the file it came from, in [`Gazetteer::files`].
    pub file: u16,
}

impl Entry {
    /// The entity type, when this row is an entity.
    pub fn entity_type(&self) -> Option<EntityType> {
        match self.kind {
            EntryType::Entity(t) => Some(t),
            _ => None,
        }
    }

    /// How strongly this entry should win a form shared with others:
    /// curated people and organizations, then countries, provinces,
    /// regions and features, then cities by population, then the rest.
    fn rank(&self) -> (u8, u64) {
        let sub = &*self.subtype;
        let class: u8 = match self.kind {
            EntryType::Entity(EntityType::Location) => match sub {
                "country" => 9,
                "continent" | "region" => 8,
                "province" => 7,
                "feature" | "camp" | "crossing" | "place" => 6,
                "city" => 5,
                _ => 3,
            },
            EntryType::Entity(EntityType::Nationality) => 8,
            EntryType::Entity(EntityType::Organization) => {
                if sub == "company" {
                    4
                } else {
                    8
                }
            }
            EntryType::Entity(EntityType::Person) => 7,
            EntryType::Title => 2,
            _ => 1,
        };
        let class = if self.flags.has(Flags::HISTORIC)
            || self.flags.has(Flags::LOW_PRIORITY)
            || self.flags.has(Flags::SECTION)
        {
            class.saturating_sub(3)
        } else {
            class
        };
        (class, self.population)
    }
}

/// How the text of a match must look for a form to count.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
enum CasePolicy {
    /// An acronym (`UN`, `UNHCR`): exact case only.
    Exact,
    /// A name: as written, with a capitalized first letter, or in an
    /// ALL-CAPS line (datelines, headlines).
    Name,
}

/// One folded key in the automaton: the forms that fold to it, each with
/// the entries it names.
#[derive(Clone, Debug)]
struct Form {
    /// Forms as written, in gazetteer order.
    variants: Box<[Variant]>,
}

/// One surface form as written, its case policy and its entries.
#[derive(Clone, Debug)]
struct Variant {
    /// The form as written in the gazetteer (for the case check).
    text: Box<str>,
    policy: CasePolicy,
    /// Entries, best first.
    entries: Box<[u32]>,
}

/// A gazetteer match: a span of the original text and its entries.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct GazetteerMatch {
    /// Where it is.
    pub span: Span,
    /// The best entry for the form.
    pub entry: u32,
    /// The form's index (see [`Gazetteer::match_entries`]).
    pub form: u32,
    /// Which written variant of the form matched.
    pub variant: u32,
}

/// Builds a [`Gazetteer`] from the default files and user files.
#[derive(Clone, Debug)]
pub struct GazetteerBuilder {
    defaults: bool,
    files: Vec<(PathBuf, String)>,
}

impl Default for GazetteerBuilder {
    fn default() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }
}

impl GazetteerBuilder {
    /// A builder with the default gazetteers.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder { defaults: true, files: Vec::new() }
    }

    /// Whether to include the default gazetteers (on by default).
    pub fn defaults(&mut self, yes: bool) -> &mut GazetteerBuilder {
        self.defaults = yes;
        self
    }

    /// Adds a user gazetteer file.
    ///
    /// # Errors
    ///
    /// Returns an error naming the file when it cannot be read.
    pub fn add_file(&mut self, path: &Path) -> Result<&mut GazetteerBuilder> {
        let text =
            std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        self.files.push((path.to_path_buf(), text));
        Ok(self)
    }

    /// Adds gazetteer rows from a string, named `name` in messages and in
    /// the `source` column.
    pub fn add_tsv(
        &mut self,
        name: impl Into<PathBuf>,
        text: impl Into<String>,
    ) -> &mut GazetteerBuilder {
        self.files.push((name.into(), text.into()));
        self
    }

    /// Parses every file and builds the automaton.
    ///
    /// # Errors
    ///
    /// Returns an error naming the file and line of the first bad row, or
    /// an automaton build error.
    pub fn build(&self) -> Result<Gazetteer> {
        let mut g = Loader::default();
        if self.defaults {
            for (name, text) in DEFAULT_FILES {
                g.load(Path::new(name), text)?;
            }
        }
        for (path, text) in &self.files {
            g.load(path, text)?;
        }
        g.finish()
    }
}

/// Forms while loading: as written, policy, entries.
type PendingForm = Vec<(String, CasePolicy, Vec<u32>)>;

#[derive(Default)]
struct Loader {
    files: Vec<Box<str>>,
    entries: Vec<Entry>,
    /// Folded key -> forms as written, with policy and entries.
    forms: HashMap<String, PendingForm>,
    given: HashSet<Box<str>>,
    surnames: HashSet<Box<str>>,
    particles: HashSet<Box<str>>,
    suffixes: HashSet<Box<str>>,
    titles: HashSet<Box<str>>,
    common: HashSet<Box<str>>,
}

impl Loader {
    fn load(&mut self, path: &Path, text: &str) -> Result<()> {
        let file_name = path.display().to_string();
        if file_name.ends_with(".txt") {
            // A word list: one common word a line.
            for line in text.lines() {
                let w = line.trim();
                if !w.is_empty() {
                    self.common.insert(w.into());
                }
            }
            return Ok(());
        }
        let file = u16::try_from(self.files.len())
            .map_err(|_| Error::config("more than 65535 gazetteer files"))?;
        self.files.push(file_name.into());
        let err = |line: usize, message: String| {
            Error::from(ErrorKind::Gazetteer {
                path: path.to_path_buf(),
                line: line as u64,
                message,
            })
        };
        let mut lines = text.lines().enumerate();
        match lines.next() {
            Some((_, header)) => {
                let cols: Vec<&str> = header.split('\t').collect();
                if cols.len() < COLUMNS.len() || cols[..9] != COLUMNS {
                    return Err(err(
                        1,
                        format!(
                            "header must be the columns {} (tab-separated), found {:?}",
                            COLUMNS.join(", "),
                            header
                        ),
                    ));
                }
            }
            None => return Ok(()),
        }
        for (i, line) in lines {
            let n = i + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < COLUMNS.len() {
                return Err(err(
                    n,
                    format!(
                        "expected {} tab-separated fields, found {}",
                        COLUMNS.len(),
                        f.len()
                    ),
                ));
            }
            let name = f[1].trim();
            if name.is_empty() {
                return Err(err(n, "empty name".into()));
            }
            let kind = EntryType::parse(f[2].trim())
                .ok_or_else(|| err(n, format!("unknown type {:?}", f[2])))?;
            let population = match f[5].trim() {
                "" => 0,
                p => p.parse::<u64>().map_err(|_| {
                    err(n, format!("population {p:?} is not a number"))
                })?,
            };
            let flags = Flags::parse(f[7]).map_err(|m| err(n, m))?;
            let aliases =
                f[6].split('|').map(str::trim).filter(|a| !a.is_empty());
            match kind {
                EntryType::GivenName => {
                    self.given.insert(name.into());
                    continue;
                }
                EntryType::Surname => {
                    self.surnames.insert(name.into());
                    continue;
                }
                EntryType::Particle => {
                    self.particles.insert(name.to_lowercase().into());
                    continue;
                }
                EntryType::OrgSuffix => {
                    for a in std::iter::once(name).chain(aliases) {
                        let a = a.trim_end_matches('.').to_lowercase();
                        self.suffixes.insert(a.into());
                    }
                    continue;
                }
                EntryType::Title => {
                    for a in std::iter::once(name).chain(aliases.clone()) {
                        self.titles.insert(a.to_lowercase().into());
                    }
                }
                EntryType::Entity(_) => {}
            }
            let id = u32::try_from(self.entries.len())
                .map_err(|_| Error::config("too many gazetteer entries"))?;
            self.entries.push(Entry {
                canonical_id: f[0].trim().into(),
                name: name.into(),
                kind,
                subtype: f[3].trim().into(),
                country: f[4].trim().into(),
                population,
                flags,
                file,
            });
            // Titles are matched as single words by the rules; only
            // multi-word titles need the automaton.
            if kind == EntryType::Title && !name.contains(' ') {
                continue;
            }
            for form in std::iter::once(name).chain(aliases) {
                if form.chars().count() < 2 && kind != EntryType::Title {
                    continue;
                }
                let policy = if is_acronym(form) {
                    CasePolicy::Exact
                } else {
                    CasePolicy::Name
                };
                let key = fold(form);
                if key.trim().is_empty() {
                    continue;
                }
                let variants = self.forms.entry(key).or_default();
                let at = match variants.iter().position(|v| v.0 == form) {
                    Some(at) => at,
                    None => {
                        variants.push((form.to_string(), policy, Vec::new()));
                        variants.len() - 1
                    }
                };
                if !variants[at].2.contains(&id) {
                    variants[at].2.push(id);
                }
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<Gazetteer> {
        let Loader {
            files,
            entries,
            forms,
            given,
            surnames,
            particles,
            suffixes,
            titles,
            common,
        } = self;
        let mut forms: Vec<(String, PendingForm)> =
            forms.into_iter().collect();
        // A stable order keeps pattern ids, and so output, deterministic.
        forms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut patterns = Vec::with_capacity(forms.len());
        let mut table = Vec::with_capacity(forms.len());
        let rank = |a: &u32, b: &u32| {
            let (ea, eb) = (&entries[*a as usize], &entries[*b as usize]);
            eb.rank().cmp(&ea.rank()).then(a.cmp(b))
        };
        for (i, (key, variants)) in forms.into_iter().enumerate() {
            let variants = variants
                .into_iter()
                .map(|(text, policy, mut ids)| {
                    ids.sort_by(rank);
                    Variant { text: text.into(), policy, entries: ids.into() }
                })
                .collect();
            patterns.push((key, i as u32));
            table.push(Form { variants });
        }
        let automaton = DoubleArrayAhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build_with_values(patterns)
            .map_err(|e| {
                Error::from(ErrorKind::Build(format!(
                    "gazetteer automaton: {e}"
                )))
            })?;
        Ok(Gazetteer {
            files,
            entries,
            forms: table,
            automaton,
            given,
            surnames,
            particles,
            suffixes,
            titles,
            common,
        })
    }
}

/// Whether a form is an acronym: no lowercase letters and at most six
/// letters (`UN`, `UNHCR`, `U.S.`, `AFP`), or a mixed short form with
/// inner capitals (`ISIL`, `UNSC`).
fn is_acronym(form: &str) -> bool {
    let letters = form.chars().filter(|c| c.is_alphabetic()).count();
    let lower = form.chars().any(|c| c.is_lowercase());
    !lower && letters <= 6
        || (letters <= 6 && !form.contains(' ') && {
            let upper = form.chars().filter(|c| c.is_uppercase()).count();
            upper >= 2 && form.chars().next().is_some_and(char::is_uppercase)
        })
}

/// The compiled gazetteer: entries, the automaton and name-evidence sets.
pub struct Gazetteer {
    files: Vec<Box<str>>,
    entries: Vec<Entry>,
    forms: Vec<Form>,
    automaton: DoubleArrayAhoCorasick<u32>,
    given: HashSet<Box<str>>,
    surnames: HashSet<Box<str>>,
    particles: HashSet<Box<str>>,
    suffixes: HashSet<Box<str>>,
    titles: HashSet<Box<str>>,
    common: HashSet<Box<str>>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("files", &self.files)
            .field("entries", &self.entries.len())
            .field("forms", &self.forms.len())
            .finish_non_exhaustive()
    }
}

/// Placeholder bytes in folded text for characters that do not fold to
/// ASCII: a letter of another script (a word character) and anything else.
const OTHER_LETTER: u8 = 0x01;
const OTHER_SYMBOL: u8 = 0x02;

/// Folds a string for matching: see the module docs.
pub fn fold(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    let mut map = Vec::new();
    fold_into(s, &mut out, &mut map, false);
    // Only ASCII and placeholder bytes are pushed, so this is UTF-8.
    String::from_utf8(out).expect("folded text is ASCII")
}

/// Folds `text` into `out`; when `with_map`, `map[i]` is the original byte
/// offset of folded byte `i` (with one extra entry for the end).
fn fold_into(
    text: &str,
    out: &mut Vec<u8>,
    map: &mut Vec<u32>,
    with_map: bool,
) {
    for (i, c) in text.char_indices() {
        let at = i as u32;
        let push = |b: u8, out: &mut Vec<u8>, map: &mut Vec<u32>| {
            out.push(b);
            if with_map {
                map.push(at);
            }
        };
        if c.is_ascii() {
            push((c as u8).to_ascii_lowercase(), out, map);
            continue;
        }
        match c {
            '’' | '‘' | 'ʼ' | '`' | '´' | 'ʻ' | '′' => {
                push(b'\'', out, map)
            }
            '‐' | '‑' | '‒' => push(b'-', out, map),
            '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' => {
                push(b' ', out, map)
            }
            _ if is_latin(c) => {
                let folded = any_ascii::any_ascii_char(c);
                let mut any = false;
                for b in folded.bytes().filter(|b| b.is_ascii_alphanumeric()) {
                    push(b.to_ascii_lowercase(), out, map);
                    any = true;
                }
                if !any {
                    push(OTHER_LETTER, out, map);
                }
            }
            _ if c.is_alphanumeric() => push(OTHER_LETTER, out, map),
            // Combining marks fold away (`e` + U+0301 is `e`).
            '\u{300}'..='\u{36f}' => {}
            _ => push(OTHER_SYMBOL, out, map),
        }
    }
    if with_map {
        map.push(text.len() as u32);
    }
}

fn is_latin(c: char) -> bool {
    matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF)
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == OTHER_LETTER
}

impl Gazetteer {
    /// Every match in `text`, leftmost-longest, on whole tokens, passing the
    /// case policy, appended to `out`.
    pub fn find(&self, text: &str, out: &mut Vec<GazetteerMatch>) {
        if text.is_ascii() {
            // Folding ASCII only lowercases it: offsets do not move.
            let lower = text.to_ascii_lowercase();
            let folded = lower.replace('`', "'");
            self.find_in(folded.as_bytes(), text, None, out);
        } else {
            let mut folded = Vec::with_capacity(text.len());
            let mut map = Vec::with_capacity(text.len() + 1);
            fold_into(text, &mut folded, &mut map, true);
            self.find_in(&folded, text, Some(&map), out);
        }
    }

    fn find_in(
        &self,
        hay: &[u8],
        text: &str,
        map: Option<&[u32]>,
        out: &mut Vec<GazetteerMatch>,
    ) {
        let to_orig = |i: usize| map.map_or(i, |m| m[i] as usize);
        for m in self.automaton.leftmost_find_iter(hay) {
            let (s, e) = (m.start(), m.end());
            if s > 0 && is_word_byte(hay[s - 1]) && is_word_byte(hay[s]) {
                continue;
            }
            if e < hay.len()
                && is_word_byte(hay[e])
                && is_word_byte(hay[e - 1])
            {
                continue;
            }
            let span = Span::new(to_orig(s), to_orig(e));
            let form = &self.forms[m.value() as usize];
            let found = span.of(text);
            let Some(v) = form.variants.iter().position(|v| case_ok(v, found))
            else {
                continue;
            };
            out.push(GazetteerMatch {
                span,
                entry: form.variants[v].entries[0],
                form: m.value(),
                variant: v as u32,
            });
        }
    }

    /// The entry at `index`.
    ///
    /// # Panics
    ///
    /// Panics if the index did not come from this gazetteer.
    pub fn entry(&self, index: u32) -> &Entry {
        &self.entries[index as usize]
    }

    /// All entries a match's form names, best first.
    pub fn match_entries(&self, m: &GazetteerMatch) -> &[u32] {
        &self.forms[m.form as usize].variants[m.variant as usize].entries
    }

    /// The file name an entry came from.
    pub fn file_of(&self, entry: &Entry) -> &str {
        &self.files[entry.file as usize]
    }

    /// Number of entries (entity rows and multi-word titles).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of surface forms in the automaton.
    pub fn form_count(&self) -> usize {
        self.forms.len()
    }

    /// Heap memory used by the automaton, in bytes.
    pub fn automaton_memory(&self) -> usize {
        self.automaton.heap_bytes()
    }

    /// Whether `word` is a listed given name (exact case).
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given.contains(word)
    }

    /// Whether `word` is a listed surname (exact case).
    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
    }

    /// Whether `word` is a name particle (`bin`, `al`, `van`), any case.
    pub fn is_particle(&self, word: &str) -> bool {
        self.particles.contains(word.to_lowercase().as_str())
    }

    /// Whether `word` is a company legal suffix (`Ltd`, `Inc.`).
    pub fn is_org_suffix(&self, word: &str) -> bool {
        self.suffixes
            .contains(word.trim_end_matches('.').to_lowercase().as_str())
    }

    /// Whether `word` is a title or role (`President`, `Maulana`), any
    /// case.
    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains(word.to_lowercase().as_str())
    }

    /// Whether `word` (lower-cased) is a common English word.
    pub fn is_common_word(&self, word: &str) -> bool {
        if word.bytes().all(|b| b.is_ascii_lowercase()) {
            return self.common.contains(word);
        }
        self.common.contains(word.to_lowercase().as_str())
    }
}

/// Whether `found` (the original text of a match) fits the form's case
/// policy.
fn case_ok(form: &Variant, found: &str) -> bool {
    let want = &*form.text;
    if found == want {
        return true;
    }
    match form.policy {
        // Folding equalities (`Côte d’Ivoire` for `Cote d'Ivoire`) are
        // fine as long as case agrees letter by letter.
        CasePolicy::Exact => same_case(want, found),
        CasePolicy::Name => {
            if same_case(want, found) {
                return true;
            }
            // "al-Qaeda" at a sentence start: "Al-Qaeda".
            let mut w = want.chars();
            let mut f = found.chars();
            if let (Some(wc), Some(fc)) = (w.next(), f.next()) {
                if wc.is_lowercase()
                    && fc.is_uppercase()
                    && same_case(w.as_str(), f.as_str())
                {
                    return true;
                }
            }
            // An ALL-CAPS dateline or headline: ISLAMABAD, NEW YORK.
            let letters = found.chars().filter(|c| c.is_alphabetic()).count();
            letters >= 4 && !found.chars().any(char::is_lowercase)
        }
    }
}

/// Whether two strings that fold alike have the same case pattern.
fn same_case(a: &str, b: &str) -> bool {
    let case = |s: &str| -> Vec<bool> {
        s.chars()
            .filter(|c| c.is_alphabetic())
            .map(char::is_uppercase)
            .collect()
    };
    case(a) == case(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "canonical_id\tname\ttype\tsubtype\tcountry\tpopulation\taliases\tflags\tsource\n";

    fn gazetteer(rows: &str) -> Gazetteer {
        GazetteerBuilder::new()
            .defaults(false)
            .add_tsv("test.tsv", format!("{HEADER}{rows}"))
            .build()
            .expect("test gazetteer builds")
    }

    fn found(g: &Gazetteer, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        g.find(text, &mut out);
        out.iter()
            .map(|m| format!("{}={}", m.span.of(text), g.entry(m.entry).name))
            .collect()
    }

    const ROWS: &str = "\
geonames:1168579\tPakistan\tLOCATION\tcountry\tPK\t\t\t\tt
geonames:286963\tOman\tLOCATION\tcountry\tOM\t\t\t\tt
geonames:798549\tRomania\tLOCATION\tcountry\tRO\t\t\t\tt
geonames:2287781\tCôte d’Ivoire\tLOCATION\tcountry\tCI\t\tIvory Coast\t\tt
geonames:1176615\tIslamabad\tLOCATION\tcity\tPK\t\t\tcapital\tt
local:org/un\tUnited Nations\tORGANIZATION\tun_organ\t\t\tUN|U.N.\tacronym\tt
local:org/unhcr\tUnited Nations High Commissioner for Refugees\tORGANIZATION\tun_agency\t\t\tUNHCR|UN refugee agency\tacronym\tt
local:org/unsc\tUN Security Council\tORGANIZATION\tun_organ\t\t\tUnited Nations Security Council|Security Council\t\tt
local:org/aq\tal-Qaeda\tORGANIZATION\tarmed_group\t\t\tal Qaeda\t\tt
geonames:2990440\tNice\tLOCATION\tcity\tFR\t340000\t\tcommon_word\tt
";

    #[test]
    fn whole_tokens_only() {
        let g = gazetteer(ROWS);
        let cases: &[(&str, &[&str])] = &[
            ("Romania and Oman", &["Romania=Romania", "Oman=Oman"]),
            (
                "UNHCR said. Unlike the UN",
                &[
                    "UNHCR=United Nations High Commissioner for Refugees",
                    "UN=United Nations",
                ],
            ),
            (
                "Pakistan's and Pakistan’s",
                &["Pakistan=Pakistan", "Pakistan=Pakistan"],
            ),
            ("Pakistani", &[]),
            (
                "the UN Security Council met",
                &["UN Security Council=UN Security Council"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&found(&g, text), want, "in {text:?}");
        }
    }

    #[test]
    fn case_policy_and_folding() {
        let g = gazetteer(ROWS);
        let cases: &[(&str, &[&str])] = &[
            ("ISLAMABAD: talks", &["ISLAMABAD=Islamabad"]),
            ("islamabad", &[]),
            ("the un said", &[]),
            ("Cote d'Ivoire", &["Cote d'Ivoire=Côte d’Ivoire"]),
            ("Côte d’Ivoire and Côte d'Ivoire", &[
                "Côte d’Ivoire=Côte d’Ivoire",
                "Côte d'Ivoire=Côte d’Ivoire",
            ]),
            ("Al-Qaeda and al Qaeda", &["Al-Qaeda=al-Qaeda", "al Qaeda=al-Qaeda"]),
            ("the U.N. and the UN refugee agency", &[
                "U.N.=United Nations",
                "UN refugee agency=United Nations High Commissioner for Refugees",
            ]),
        ];
        for (text, want) in cases {
            assert_eq!(&found(&g, text), want, "in {text:?}");
        }
    }

    #[test]
    fn aliases_share_the_canonical_id() {
        let g = gazetteer(ROWS);
        let mut out = Vec::new();
        let text = "UNHCR, the UN refugee agency, and the United Nations High Commissioner for Refugees";
        g.find(text, &mut out);
        assert_eq!(out.len(), 3);
        for m in &out {
            assert_eq!(&*g.entry(m.entry).canonical_id, "local:org/unhcr");
        }
    }

    #[test]
    fn offsets_map_back_through_folding() {
        let g = gazetteer(ROWS);
        let text = "😀 Élan in Côte d’Ivoire, then Pakistan.";
        let mut out = Vec::new();
        g.find(text, &mut out);
        let spans: Vec<&str> = out.iter().map(|m| m.span.of(text)).collect();
        assert_eq!(spans, ["Côte d’Ivoire", "Pakistan"]);
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        let cases = [
            ("x\ty\n", "test.tsv:1: header must be"),
            ("\tPakistan\tPLACE\t\t\t\t\t\t\n", "test.tsv:2: unknown type"),
            (
                "a\tb\tLOCATION\n",
                "test.tsv:2: expected 9 tab-separated fields",
            ),
            ("a\tb\tLOCATION\tcity\t\tlots\t\t\t\n", "population \"lots\""),
            (
                "a\tb\tLOCATION\tcity\t\t\t\tshiny\t\n",
                "unknown flag \"shiny\"",
            ),
            ("a\t\tLOCATION\tcity\t\t\t\t\t\n", "test.tsv:2: empty name"),
        ];
        for (body, want) in cases {
            let text = if body.starts_with("x\t") {
                body.to_string()
            } else {
                format!("{HEADER}{body}")
            };
            let err = GazetteerBuilder::new()
                .defaults(false)
                .add_tsv("test.tsv", text)
                .build()
                .expect_err("bad row");
            assert!(err.to_string().contains(want), "{err} vs {want}");
        }
    }
}
