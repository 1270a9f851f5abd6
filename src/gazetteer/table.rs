//! Gazetteer tables: row parsing, folding, ranking and the compact binary
//! form of the default gazetteer.
//!
//! This file uses only std, the `any_ascii` crate and `matcher.rs`,
//! because `build.rs` includes it too (`#[path]`): the build script loads
//! the default files with the same code the crate uses for user files, and
//! writes the result with [`encode`]; at run time [`decode`] reads it back
//! without parsing, folding, sorting or building the matcher's tables.

use std::collections::{HashMap, HashSet};

use super::matcher;

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

/// The optional column after [`COLUMNS`]: the `canonical_id` of the
/// first-level division holding a place (a city's state or province).
pub const ADMIN1_COLUMN: &str = "admin1";

/// What a row lists (the `type` column).
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum Kind {
    /// `PERSON`.
    Person,
    /// `ORGANIZATION`.
    Organization,
    /// `LOCATION`.
    Location,
    /// `NATIONALITY`.
    Nationality,
    /// `GIVEN_NAME`.
    GivenName,
    /// `SURNAME`.
    Surname,
    /// `TITLE`.
    Title,
    /// `PARTICLE`.
    Particle,
    /// `ORG_SUFFIX`.
    OrgSuffix,
}

impl Kind {
    const ALL: [Kind; 9] = [
        Kind::Person,
        Kind::Organization,
        Kind::Location,
        Kind::Nationality,
        Kind::GivenName,
        Kind::Surname,
        Kind::Title,
        Kind::Particle,
        Kind::OrgSuffix,
    ];

    /// Parses the `type` column: evidence types exactly, entity types in
    /// either case (as `EntityType::parse`).
    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "GIVEN_NAME" => Kind::GivenName,
            "SURNAME" => Kind::Surname,
            "TITLE" => Kind::Title,
            "PARTICLE" => Kind::Particle,
            "ORG_SUFFIX" => Kind::OrgSuffix,
            _ => {
                [
                    ("PERSON", Kind::Person),
                    ("ORGANIZATION", Kind::Organization),
                    ("LOCATION", Kind::Location),
                    ("NATIONALITY", Kind::Nationality),
                ]
                .into_iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(s))?
                .1
            }
        })
    }

    fn code(self) -> u8 {
        Kind::ALL.iter().position(|k| *k == self).expect("listed in ALL") as u8
    }

    fn from_code(c: u8) -> Option<Kind> {
        Kind::ALL.get(c as usize).copied()
    }
}

/// Flag bits, as in `gazetteer::Flags`.
pub mod flag {
    /// `common_word`.
    pub const COMMON_WORD: u16 = 1;
    /// `ambiguous_alias`.
    pub const AMBIGUOUS_ALIAS: u16 = 2;
    /// `historic`.
    pub const HISTORIC: u16 = 4;
    /// `low_priority`.
    pub const LOW_PRIORITY: u16 = 8;
    /// `section`.
    pub const SECTION: u16 = 16;
    /// `capital`.
    pub const CAPITAL: u16 = 32;
    /// `acronym`.
    pub const ACRONYM: u16 = 64;
}

/// Parses the `flags` column.
pub fn parse_flags(s: &str) -> Result<u16, String> {
    let mut f = 0;
    for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        f |= match part {
            "common_word" => flag::COMMON_WORD,
            "ambiguous_alias" => flag::AMBIGUOUS_ALIAS,
            "historic" => flag::HISTORIC,
            "low_priority" => flag::LOW_PRIORITY,
            "section" => flag::SECTION,
            "capital" => flag::CAPITAL,
            "acronym" => flag::ACRONYM,
            other => return Err(format!("unknown flag {other:?}")),
        };
    }
    Ok(f)
}

/// How strongly an entry should win a form shared with others: curated
/// people and organizations, then countries, provinces, regions and
/// features, then cities by population, then the rest. Written as its own
/// name (`own_name`, not an alias: see [`own_form`]), a capital or a city of a million
/// people outranks the province named after it: news "in Kabul" or "in
/// New York" means the city far more often. Aliases do not get this: the
/// old name "Islamabad" of Chattogram must not beat Islamabad.
pub fn rank(
    kind: Kind,
    subtype: &str,
    flags: u16,
    population: u64,
    own_name: bool,
) -> (u8, u64) {
    let class: u8 = match kind {
        Kind::Location => match subtype {
            "country" if own_name => 9,
            // Below a demonym written as itself: "Saudi officials" is the
            // adjective; news writes the country in full.
            "country" => 8,
            "continent" | "region" => 8,
            "province" => 7,
            "feature" | "camp" | "crossing" | "place" => 6,
            "city"
                if own_name
                    && (flags & flag::CAPITAL != 0
                        || population >= 1_000_000) =>
            {
                7
            }
            "city" => 5,
            _ => 3,
        },
        // Written as itself, a demonym outranks a country's alias of the
        // same form ("Saudi"), and a region named alike ("Caribbean", a
        // demonym before a noun; "the Caribbean" with none after it is
        // the region again, see `resolve::region_after_the`).
        Kind::Nationality if own_name => 9,
        Kind::Nationality => 8,
        // A listed company outranks a town or city of under a million
        // named like it ("Toyota", "Nokia", "Hitachi" in business news),
        // not a capital, a big city, a province or a country.
        Kind::Organization => {
            if subtype == "company" {
                6
            } else {
                8
            }
        }
        Kind::Person => 7,
        Kind::Title => 2,
        _ => 1,
    };
    let demoted = flag::HISTORIC | flag::LOW_PRIORITY | flag::SECTION;
    let class =
        if flags & demoted != 0 { class.saturating_sub(3) } else { class };
    (class, population)
}

/// Whether `text`, a written form of an entry named `name`, counts as the
/// entry's own name for `rank`: written so, or so but for accents and
/// case ("Sao Paulo" is São Paulo's own name as much as the state's), or
/// without the " City" of a city's name ("New York" for New York City,
/// as datelines and news write it).
pub fn own_form(name: &str, text: &str) -> bool {
    if name == text {
        return true;
    }
    if name.is_ascii() && text.is_ascii() {
        // ASCII folds byte for byte: compared in place, without the
        // three folded copies below (this runs for most matches).
        let same = |n: &str| {
            n.len() == text.len()
                && n.bytes()
                    .zip(text.bytes())
                    .all(|(a, b)| fold_ascii(a) == fold_ascii(b))
        };
        return same(name) || name.strip_suffix(" City").is_some_and(same);
    }
    let text = fold(text);
    fold(name) == text
        || name.strip_suffix(" City").is_some_and(|n| fold(n) == text)
}

/// Placeholder bytes in folded text for characters that do not fold to
/// ASCII: a letter of another script (a word character) and anything else.
pub const OTHER_LETTER: u8 = 0x01;
const OTHER_SYMBOL: u8 = 0x02;

/// Folds a string for matching: Latin letters lose their diacritics,
/// curly apostrophes and hyphen variants become ASCII, ASCII is
/// lower-cased (see the `gazetteer` module docs).
pub fn fold(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    let mut map = Vec::new();
    fold_into(s, &mut out, &mut map, false);
    // Only ASCII and placeholder bytes are pushed, so this is UTF-8.
    String::from_utf8(out).expect("folded text is ASCII")
}

/// Words that British and American spelling write differently inside
/// the names of bodies. ("Labour" and "Labor" stay apart: the parties
/// keep their own spelling.)
const SPELLINGS: &[(&str, &str)] = &[
    ("Organisation", "Organization"),
    ("Organisations", "Organizations"),
    ("Co-operation", "Cooperation"),
    ("Programme", "Program"),
    ("Centre", "Center"),
    ("Defence", "Defense"),
];

/// The other spellings of a name of several words, in every combination
/// of its words that `SPELLINGS` pairs ("Organisation for Security and
/// Co-operation in Europe" gives three more); none for one word, which
/// the alias lists name themselves.
fn other_spellings(form: &str) -> Vec<String> {
    if !form.contains(' ') {
        return Vec::new();
    }
    let mut out = vec![String::new()];
    for (i, word) in form.split(' ').enumerate() {
        let other = SPELLINGS.iter().find_map(|&(a, b)| {
            (word == a).then_some(b).or((word == b).then_some(a))
        });
        let sep = if i == 0 { "" } else { " " };
        let mut more = Vec::new();
        if let Some(other) = other {
            for o in &out {
                more.push(format!("{o}{sep}{other}"));
            }
        }
        for o in &mut out {
            o.push_str(sep);
            o.push_str(word);
        }
        out.extend(more);
    }
    // The first is the form as written.
    out.remove(0);
    out
}

/// An ASCII byte folded: lowercase; a backtick is an apostrophe; a line
/// break is a space, as wire copy wraps lines inside names ("the
/// Federal\nReserve").
pub fn fold_ascii(b: u8) -> u8 {
    match b {
        b'`' => b'\'',
        b'\n' => b' ',
        _ => b.to_ascii_lowercase(),
    }
}

/// Folds `text` into `out`; when `with_map`, `map[i]` is the original byte
/// offset of folded byte `i` (with one extra entry for the end).
pub fn fold_into(
    text: &str,
    out: &mut Vec<u8>,
    map: &mut Vec<u32>,
    with_map: bool,
) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // A run of ASCII at once: most of any text is.
        let run = bytes[i..]
            .iter()
            .position(|b| !b.is_ascii())
            .map_or(bytes.len(), |n| i + n);
        out.extend(bytes[i..run].iter().map(|&b| fold_ascii(b)));
        if with_map {
            map.extend(i as u32..run as u32);
        }
        i = run;
        // The run ends at a character's first byte.
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next())
        else {
            break;
        };
        let at = i as u32;
        i += c.len_utf8();
        let push = |b: u8, out: &mut Vec<u8>, map: &mut Vec<u32>| {
            out.push(b);
            if with_map {
                map.push(at);
            }
        };
        match c {
            '’' | '‘' | 'ʼ' | '´' | 'ʻ' | '′' => {
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

/// Whether a form is an acronym: no lowercase letters and at most six
/// letters (`UN`, `UNHCR`, `U.S.`, `AFP`), or a mixed short form with
/// inner capitals (`ISIL`, `UNSC`).
pub fn is_acronym(form: &str) -> bool {
    let letters = form.chars().filter(|c| c.is_alphabetic()).count();
    let lower = form.chars().any(|c| c.is_lowercase());
    !lower && letters <= 6
        || (letters <= 6 && !form.contains(' ') && {
            let upper = form.chars().filter(|c| c.is_uppercase()).count();
            upper >= 2 && form.chars().next().is_some_and(char::is_uppercase)
        })
}

/// A loading error: `line` is 0 when no line is to blame.
#[derive(Debug)]
pub struct LoadError {
    /// The 1-based line, or 0.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// One entity row (or multi-word title) of a gazetteer.
#[derive(Clone, Debug)]
pub struct Row {
    /// `canonical_id` column.
    pub canonical_id: String,
    /// `name` column.
    pub name: String,
    /// `type` column.
    pub kind: Kind,
    /// `subtype` column.
    pub subtype: String,
    /// `country` column.
    pub country: String,
    /// The optional `admin1` column, or empty.
    pub admin1: String,
    /// `population` column, 0 when empty.
    pub population: u64,
    /// `flags` column.
    pub flags: u16,
    /// Index of its file in [`Loader::files`].
    pub file: u16,
}

/// Forms while loading: as written, whether acronym (exact case), entries.
pub type Variants = Vec<(String, bool, Vec<u32>)>;

/// The word sets, in this order, in [`Loader::sets`], and their bits in
/// [`WordIndex::get`].
pub const GIVEN: usize = 0;
/// Surnames.
pub const SURNAMES: usize = 1;
/// Particles, lower-cased.
pub const PARTICLES: usize = 2;
/// Company suffixes, lower-cased, without final dots.
pub const SUFFIXES: usize = 3;
/// Titles, lower-cased.
pub const TITLES: usize = 4;
/// Common words.
pub const COMMON: usize = 5;

/// Gazetteer files being loaded.
#[derive(Default)]
pub struct Loader {
    /// File names, for the `source` column.
    pub files: Vec<String>,
    /// Entity rows.
    pub entries: Vec<Row>,
    /// Folded key -> forms as written, in gazetteer order.
    pub forms: HashMap<String, Variants>,
    /// Word sets, indexed by [`GIVEN`]...
    pub sets: [HashSet<String>; 6],
}

impl Loader {
    /// Loads one file; `name` ending in `.txt` is a common-word list.
    pub fn load(&mut self, name: &str, text: &str) -> Result<(), LoadError> {
        if name.ends_with(".txt") {
            // A word list: one common word a line.
            for line in text.lines() {
                let w = line.trim();
                if !w.is_empty() {
                    self.sets[COMMON].insert(w.into());
                }
            }
            return Ok(());
        }
        let file = u16::try_from(self.files.len()).map_err(|_| LoadError {
            line: 0,
            message: "more than 65535 gazetteer files".into(),
        })?;
        self.files.push(name.into());
        let err = |line: usize, message: String| LoadError { line, message };
        let mut lines = text.lines().enumerate();
        // Where the optional `admin1` column is, if the file has it.
        let admin1_at = match lines.next() {
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
                cols.iter().position(|&c| c == ADMIN1_COLUMN)
            }
            None => return Ok(()),
        };
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
            let kind = Kind::parse(f[2].trim())
                .ok_or_else(|| err(n, format!("unknown type {:?}", f[2])))?;
            let population = match f[5].trim() {
                "" => 0,
                p => p.parse::<u64>().map_err(|_| {
                    err(n, format!("population {p:?} is not a number"))
                })?,
            };
            let flags = parse_flags(f[7]).map_err(|m| err(n, m))?;
            let aliases =
                f[6].split('|').map(str::trim).filter(|a| !a.is_empty());
            match kind {
                Kind::GivenName => {
                    self.sets[GIVEN].insert(name.into());
                    continue;
                }
                Kind::Surname => {
                    self.sets[SURNAMES].insert(name.into());
                    continue;
                }
                Kind::Particle => {
                    self.sets[PARTICLES].insert(name.to_lowercase());
                    continue;
                }
                Kind::OrgSuffix => {
                    for a in std::iter::once(name).chain(aliases) {
                        let a = a.trim_end_matches('.').to_lowercase();
                        self.sets[SUFFIXES].insert(a);
                    }
                    continue;
                }
                Kind::Title => {
                    for a in std::iter::once(name).chain(aliases.clone()) {
                        self.sets[TITLES].insert(a.to_lowercase());
                    }
                }
                _ => {}
            }
            let id = u32::try_from(self.entries.len())
                .map_err(|_| err(0, "too many gazetteer entries".into()))?;
            self.entries.push(Row {
                canonical_id: f[0].trim().into(),
                name: name.into(),
                kind,
                subtype: f[3].trim().into(),
                country: f[4].trim().into(),
                admin1: admin1_at
                    .and_then(|i| f.get(i))
                    .map_or_else(String::new, |a| a.trim().into()),
                population,
                flags,
                file,
            });
            // Titles are matched as single words by the rules; only
            // multi-word titles need the matcher.
            if kind == Kind::Title && !name.contains(' ') {
                continue;
            }
            let subtype = f[3].trim();
            let forms = || {
                std::iter::once(name).chain(aliases.clone().filter(|a| {
                    // A town's nickname "The Bank" (Portsmouth, N.H.),
                    // "The Bridge", "The Hub": as a match at a sentence's
                    // "The" it hides the name that starts on the next
                    // word ("The Bank of England said").
                    !(kind == Kind::Location
                        && subtype == "city"
                        && a.strip_prefix("The ").is_some_and(|w| {
                            !w.contains(' ') && !w.contains('-')
                        }))
                }))
            };
            // A body's name is written in British and American spelling
            // alike ("Organisation for Security and Cooperation in
            // Europe"): each written form, and its other spellings.
            let spelled: Vec<String> = if kind == Kind::Organization {
                forms().flat_map(other_spellings).collect()
            } else {
                Vec::new()
            };
            let forms = || forms().chain(spelled.iter().map(String::as_str));
            for written in forms() {
                // "The White House": news writes "the White House", and the
                // article is not part of the name; register the bare form.
                // Not for one word: bare "National", "Independent" or
                // "Hindu" is an adjective, not the newspaper (unless the
                // row lists the bare word too: "Pentagon").
                let bare = match written.strip_prefix("The ") {
                    Some(bare)
                        if kind == Kind::Organization
                            && (bare.contains(' ')
                                || forms().any(|f| f == bare)) =>
                    {
                        Some(bare)
                    }
                    _ => None,
                };
                // A publication keeps its article where news capitalizes
                // it ("in The Lancet", "The Washington Post said"): both
                // forms.
                let with_the = (bare.is_some() && subtype == "news_agency")
                    .then_some(written);
                for form in
                    std::iter::once(bare.unwrap_or(written)).chain(with_the)
                {
                    if form.chars().count() < 2 && kind != Kind::Title {
                        continue;
                    }
                    let key = fold(form);
                    if key.trim().is_empty() {
                        continue;
                    }
                    let variants = self.forms.entry(key).or_default();
                    let at = match variants.iter().position(|v| v.0 == form) {
                        Some(at) => at,
                        None => {
                            let exact = is_acronym(form);
                            variants.push((
                                form.to_string(),
                                exact,
                                Vec::new(),
                            ));
                            variants.len() - 1
                        }
                    };
                    if !variants[at].2.contains(&id) {
                        variants[at].2.push(id);
                    }
                }
            }
        }
        Ok(())
    }

    /// Sorts and ranks what was loaded into its final order.
    pub fn finish(self) -> Compiled {
        let Loader { files, entries, forms, sets } = self;
        let mut forms: Vec<(String, Variants)> = forms.into_iter().collect();
        // A stable order keeps pattern ids, and so output, deterministic.
        forms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        // Provinces have no population listed: of two named alike, the
        // one of the more populous country goes first ("Florida" is the
        // US state before Uruguay's department), as news names it more.
        // Other entries keep the lists' order.
        // The largest figure of each country: a curated supplement row
        // of a country (an extra alias) has no population.
        let mut nations: HashMap<&str, u64> = HashMap::new();
        for e in &entries {
            if e.kind == Kind::Location && e.subtype == "country" {
                let size = nations.entry(e.country.as_str()).or_default();
                *size = (*size).max(e.population);
            }
        }
        let nation_size = |e: &Row| match (e.kind, e.subtype.as_str()) {
            (Kind::Location, "province") => {
                nations.get(e.country.as_str()).copied().unwrap_or(0)
            }
            _ => 0,
        };
        for (_, variants) in &mut forms {
            for (text, _, ids) in variants {
                let ranked = |i: &u32| {
                    let e = &entries[*i as usize];
                    let own = own_form(&e.name, text);
                    let rank =
                        rank(e.kind, &e.subtype, e.flags, e.population, own);
                    (rank, nation_size(e))
                };
                ids.sort_by(|a, b| ranked(b).cmp(&ranked(a)).then(a.cmp(b)));
            }
        }
        let sets = sets.map(|s| {
            let mut v: Vec<String> = s.into_iter().collect();
            v.sort_unstable();
            v
        });
        Compiled { files, entries, forms, sets }
    }
}

/// Loaded gazetteers in final order: forms sorted by folded key (their
/// indices in the matcher), entries of each variant best first.
pub struct Compiled {
    /// File names.
    pub files: Vec<String>,
    /// Entity rows.
    pub entries: Vec<Row>,
    /// Folded key and its variants.
    pub forms: Vec<(String, Variants)>,
    /// Sorted word sets.
    pub sets: [Vec<String>; 6],
}

const MAGIC: &[u8; 8] = b"FSGAZ\0\0\x08";

/// The strings of each entry in the table: id, name, subtype, country,
/// admin1.
pub const ENTRY_STRS: usize = 5;

/// Writes `c` and its matcher's tables as bytes.
///
/// The format is columnar so that [`decode`] only slices and copies:
/// strings are concatenated into blobs with a `u32` end offset each,
/// numbers are little-endian arrays, each section prefixed with its
/// length. The matcher's tables are not even copied: they are read in
/// place.
///
/// # Errors
///
/// Fails when the matcher cannot hold the forms.
pub fn encode(c: &Compiled) -> Result<Vec<u8>, String> {
    let built = matcher::build(c.forms.iter().map(|(k, _)| k.as_bytes()))?;
    let mut w = Writer(MAGIC.to_vec());
    w.strs(c.files.iter().map(String::as_str));
    let e = &c.entries;
    w.strs(e.iter().flat_map(|e| {
        [&*e.canonical_id, &*e.name, &*e.subtype, &*e.country, &*e.admin1]
    }));
    w.bytes(&e.iter().map(|e| e.kind.code()).collect::<Vec<u8>>());
    w.u32s(e.iter().map(|e| u32::from(e.flags)));
    w.u32s(e.iter().map(|e| u32::from(e.file)));
    w.u64s(e.iter().map(|e| e.population));
    let variants = || c.forms.iter().flat_map(|(_, v)| v);
    let mut n = 0;
    w.u32s(c.forms.iter().map(|(_, v)| {
        n += v.len() as u32;
        n
    }));
    w.strs(variants().map(|v| v.0.as_str()));
    w.bytes(&variants().map(|v| u8::from(v.1)).collect::<Vec<u8>>());
    let mut n = 0;
    w.u32s(variants().map(|v| {
        n += v.2.len() as u32;
        n
    }));
    w.u32s(variants().flat_map(|v| v.2.iter().copied()));
    // The word sets as one sorted list of words, each with the bits of
    // the sets holding it, and an open-addressing hash table over it.
    let mut words: Vec<(&str, u8)> = c
        .sets
        .iter()
        .enumerate()
        .flat_map(|(i, set)| set.iter().map(move |w| (w.as_str(), 1 << i)))
        .collect();
    words.sort_unstable();
    words.dedup_by(|b, a| {
        let same = a.0 == b.0;
        if same {
            a.1 |= b.1;
        }
        same
    });
    w.strs(words.iter().map(|x| x.0));
    w.bytes(&words.iter().map(|x| x.1).collect::<Vec<u8>>());
    w.u64s(hash_slots(&words, u8::MAX).into_iter());
    // Lowercase words are only asked whether they are titles or
    // particles: a table of those alone stays in cache.
    let few = 1 << TITLES | 1 << PARTICLES;
    w.u64s(hash_slots(&words, few).into_iter());
    w.bytes(
        c.forms.iter().map(|(k, _)| k.as_str()).collect::<String>().as_bytes(),
    );
    let mut n = 0;
    w.u32s(c.forms.iter().map(|(k, _)| {
        n += k.len() as u32;
        n
    }));
    w.u64s(built.slots.into_iter());
    w.u64s(built.filter.into_iter());
    w.u64s(built.odd.into_iter());
    w.u64s(std::iter::once(built.max_len));
    w.u64s(lower_starts(&c.forms));
    Ok(w.0)
}

/// The first words, as [`matcher::first_word_hash`] gives them, of the
/// forms with a variant that does not start with a capital, sorted.
/// Text starting with a lowercase letter fits no variant starting with a
/// capital: its first letter's case differs under every case policy
/// (see `gazetteer::case_ok`), so the matcher skips a lowercase word
/// that is none of these.
fn lower_starts(forms: &[(String, Variants)]) -> impl Iterator<Item = u64> {
    let mut starts: Vec<u64> = forms
        .iter()
        .filter(|(_, variants)| {
            variants.iter().any(|(text, _, _)| {
                !text.chars().next().is_some_and(char::is_uppercase)
            })
        })
        .filter_map(|(key, _)| matcher::first_word_hash(key.as_bytes()))
        .collect();
    starts.sort_unstable();
    starts.dedup();
    starts.into_iter()
}

struct Writer(Vec<u8>);

impl Writer {
    fn bytes(&mut self, b: &[u8]) {
        self.0.extend_from_slice(&(b.len() as u64).to_le_bytes());
        self.0.extend_from_slice(b);
    }

    fn u32s(&mut self, v: impl Iterator<Item = u32>) {
        let b: Vec<u8> = v.flat_map(u32::to_le_bytes).collect();
        self.bytes(&b);
    }

    fn u64s(&mut self, v: impl Iterator<Item = u64>) {
        let b: Vec<u8> = v.flat_map(u64::to_le_bytes).collect();
        self.bytes(&b);
    }

    /// A blob of concatenated strings, then their end offsets.
    fn strs<'s>(&mut self, v: impl Iterator<Item = &'s str>) {
        let mut blob = String::new();
        let mut ends = Vec::new();
        for s in v {
            blob.push_str(s);
            ends.push(blob.len() as u32);
        }
        self.bytes(blob.as_bytes());
        self.u32s(ends.into_iter());
    }
}

/// String `i` of a blob with end offsets.
pub fn slice<'a>(blob: &'a str, ends: &[u32], i: usize) -> &'a str {
    let start = if i == 0 { 0 } else { ends[i - 1] as usize };
    &blob[start..ends[i] as usize]
}

/// The bytes of string `i` of a blob with end offsets, or none when the
/// offsets are out of bounds.
pub fn slice_bytes<'a>(blob: &'a [u8], ends: &[u32], i: usize) -> &'a [u8] {
    let start = match i.checked_sub(1) {
        Some(prev) => ends.get(prev).map_or(0, |&e| e as usize),
        None => 0,
    };
    let end = ends.get(i).map_or(0, |&e| e as usize);
    blob.get(start..end).unwrap_or_default()
}

/// String `i` of a blob with end offsets, checked where it is read (a
/// run reads few of them): a bad one reads as empty.
pub fn slice_checked<'a>(blob: &'a [u8], ends: &[u32], i: usize) -> &'a str {
    std::str::from_utf8(slice_bytes(blob, ends, i)).unwrap_or_default()
}

/// Gazetteer tables read back from [`encode`]'s bytes, borrowing them.
pub struct Decoded<'a> {
    /// File names.
    pub files: Vec<&'a str>,
    /// Entry strings: id, name, subtype, country, admin1 for each entry
    /// ([`ENTRY_STRS`] each).
    /// Checked where read (see [`slice_checked`]).
    pub entry_strs: (&'a [u8], Vec<u32>),
    /// Entry kinds ([`Kind`] codes).
    pub kinds: &'a [u8],
    /// Entry flags.
    pub flags: Vec<u32>,
    /// Entry file indices.
    pub entry_files: Vec<u32>,
    /// Entry populations.
    pub populations: Vec<u64>,
    /// End index in the variant arrays of each form.
    pub form_ends: Vec<u32>,
    /// Variant texts as written.
    /// Checked where read (see [`slice_checked`]).
    pub var_text: (&'a [u8], Vec<u32>),
    /// Whether each variant is an acronym (exact case).
    pub var_exact: &'a [u8],
    /// End index in `ids` of each variant.
    pub var_id_ends: Vec<u32>,
    /// Entry ids of the variants, best first.
    pub ids: Vec<u32>,
    /// The words of all word sets, sorted, concatenated: only compared
    /// as bytes, so neither checked as UTF-8 nor cut at their ends.
    pub words: &'a [u8],
    /// Their end offsets, `u32`: only counted.
    pub word_ends: &'a [u8],
    /// For each word, the sets holding it: bit `1 << GIVEN`...
    pub word_bits: &'a [u8],
    /// The hash table over `words` (see [`WordIndex`]).
    pub word_slots: Vec<u64>,
    /// The hash table over the titles and particles among `words`.
    pub title_slots: Vec<u64>,
    /// The matcher's tables, read in place.
    pub matcher: matcher::Parts<&'a [u8]>,
    /// The first-word hashes of forms that lowercase text may match
    /// (see `lower_starts`).
    pub lower_starts: Vec<u64>,
}

/// Reads the bytes [`encode`] wrote.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, String> {
    let mut r =
        Reader(bytes.strip_prefix(MAGIC).ok_or("not a gazetteer table")?);
    let files = {
        let (blob, ends) = r.strs()?;
        (0..ends.len()).map(|i| slice(blob, &ends, i)).collect()
    };
    let d = Decoded {
        files,
        entry_strs: (r.bytes()?, r.u32s()?),
        kinds: r.bytes()?,
        flags: r.u32s()?,
        entry_files: r.u32s()?,
        populations: r.u64s()?,
        form_ends: r.u32s()?,
        var_text: (r.bytes()?, r.u32s()?),
        var_exact: r.bytes()?,
        var_id_ends: r.u32s()?,
        ids: r.u32s()?,
        words: r.bytes()?,
        word_ends: r.bytes()?,
        word_bits: r.bytes()?,
        word_slots: r.u64s()?,
        title_slots: r.u64s()?,
        matcher: matcher::Parts {
            keys: r.bytes()?,
            key_ends: r.bytes()?,
            slots: r.bytes()?,
            filter: r.bytes()?,
            odd: r.bytes()?,
            max_len: match r.u64s()?[..] {
                [n] => n,
                _ => return Err("bad gazetteer matcher table".into()),
            },
        },
        lower_starts: r.u64s()?,
    };
    d.check()?;
    Ok(d)
}

impl Decoded<'_> {
    /// Checks that every index is in bounds, so that lookups cannot panic.
    ///
    /// It runs at every start-up over the default table's hundreds of
    /// thousands of offsets, so each test is a fold over all of them
    /// (`max`, an or of compares), which the compiler vectorizes, not a
    /// short-circuiting `all`, which it does not.
    fn check(&self) -> Result<(), String> {
        let n = self.kinds.len();
        let ascending = |v: &[u32], max: usize| {
            rises(v, |a, b| a <= b)
                && v.last().is_none_or(|&l| l as usize <= max)
        };
        let below = |v: &[u32], n: usize| {
            v.iter().copied().max().is_none_or(|m| (m as usize) < n)
        };
        let ok = self.entry_strs.1.len() == ENTRY_STRS * n
            // Kind codes run from 0: the largest one decides.
            && self
                .kinds
                .iter()
                .copied()
                .max()
                .is_none_or(|k| Kind::from_code(k).is_some())
            && self.flags.len() == n
            && self.entry_files.len() == n
            && below(&self.entry_files, self.files.len())
            && self.populations.len() == n
            && ascending(&self.form_ends, self.var_exact.len())
            && self.variants_nonempty()
            && self.var_text.1.len() == self.var_exact.len()
            && self.var_id_ends.len() == self.var_exact.len()
            && ascending(&self.var_id_ends, self.ids.len())
            && below(&self.ids, n)
            && self.word_ends.len() == 4 * self.word_bits.len()
            && slots_ok(&self.word_slots)
            && slots_ok(&self.title_slots)
            && self.matcher.check(self.form_ends.len());
        if ok {
            Ok(())
        } else {
            Err("inconsistent gazetteer table".into())
        }
    }

    /// The kind of entry `i`.
    pub fn kind(&self, i: usize) -> Kind {
        Kind::from_code(self.kinds[i]).expect("checked by decode")
    }

    fn variants_nonempty(&self) -> bool {
        self.form_ends.first().is_none_or(|&e| e > 0)
            && rises(&self.form_ends, |a, b| a < b)
    }
}

/// Whether `ok(a, b)` holds for each value `a` of `v` and the next, `b`:
/// a fold over every pair, not a short-circuit (see [`Decoded::check`]).
fn rises(v: &[u32], ok: impl Fn(u32, u32) -> bool) -> bool {
    let bad = v
        .iter()
        .zip(v.iter().skip(1))
        .fold(false, |bad, (&a, &b)| bad | !ok(a, b));
    !bad
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn bytes(&mut self) -> Result<&'a [u8], String> {
        let short = || "truncated gazetteer table".to_string();
        let (len, rest) = self.0.split_first_chunk::<8>().ok_or_else(short)?;
        let len =
            usize::try_from(u64::from_le_bytes(*len)).map_err(|_| short())?;
        if rest.len() < len {
            return Err(short());
        }
        let (b, rest) = rest.split_at(len);
        self.0 = rest;
        Ok(b)
    }

    fn u32s(&mut self) -> Result<Vec<u32>, String> {
        let b = self.bytes()?;
        if b.len() % 4 != 0 {
            return Err("bad u32 array in gazetteer table".into());
        }
        Ok(b.chunks_exact(4)
            .map(|c| {
                u32::from_le_bytes(c.try_into().expect("chunks of 4 bytes"))
            })
            .collect())
    }

    fn u64s(&mut self) -> Result<Vec<u64>, String> {
        let b = self.bytes()?;
        if b.len() % 8 != 0 {
            return Err("bad u64 array in gazetteer table".into());
        }
        Ok(b.chunks_exact(8)
            .map(|c| {
                u64::from_le_bytes(c.try_into().expect("chunks of 8 bytes"))
            })
            .collect())
    }

    fn strs(&mut self) -> Result<(&'a str, Vec<u32>), String> {
        let blob = std::str::from_utf8(self.bytes()?)
            .map_err(|_| "gazetteer table is not UTF-8")?;
        Ok((blob, self.u32s()?))
    }
}

/// A hash of a word that does not change between the build script, which
/// writes the table, and the crate, which reads it: FxHash's mixing
/// step over 8-byte chunks.
pub fn word_hash(word: &[u8]) -> u64 {
    let mut h = mix(0, word.len() as u64);
    let mut chunks = word.chunks_exact(8);
    for c in &mut chunks {
        h = mix(h, u64::from_le_bytes(c.try_into().expect("8 bytes")));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // The rest zero-padded, little-endian, without a copy.
        let x = rest
            .iter()
            .enumerate()
            .fold(0, |x, (i, &b)| x | u64::from(b) << (8 * i));
        h = mix(h, x);
    }
    h
}

/// One step of [`word_hash`].
#[inline(always)]
fn mix(h: u64, x: u64) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    (h.rotate_left(26) ^ x).wrapping_mul(K)
}

/// A word of at most 32 bytes as four little-endian words, zero-padded,
/// with its length and [`word_hash`]: what [`WordIndex::get_key`]
/// probes with. A caller asking several tables about one word hashes it
/// once, and probing compares words, not bytes with `memcmp`.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct WordKey {
    /// The bytes, zero-padded.
    pub words: [u64; 4],
    /// How many bytes.
    pub len: usize,
    /// Their [`word_hash`].
    pub hash: u64,
}

impl WordKey {
    /// The key of the `len` bytes (at most 32) whose zero-padded words
    /// are `words`: [`word_hash`] over whole words, as the padding of
    /// its last chunk is zeros too.
    #[inline(always)]
    pub fn new(words: [u64; 4], len: usize) -> WordKey {
        WordKey { words, len, hash: WordKey::hash_of(&words, len) }
    }

    /// The hash of a key's `words` and `len`: for callers filling a key
    /// in place.
    #[inline(always)]
    pub fn hash_of(words: &[u64; 4], len: usize) -> u64 {
        debug_assert!(len <= 32);
        let mut hash = mix(0, len as u64);
        for &w in &words[..len.div_ceil(8).min(4)] {
            hash = mix(hash, w);
        }
        hash
    }

    /// [`WordKey::hash_of`] a word of one to eight bytes, `word`
    /// zero-padded: one step, not a loop over its words.
    #[inline(always)]
    pub fn hash_of_short(word: u64, len: usize) -> u64 {
        debug_assert!((1..=8).contains(&len));
        mix(mix(0, len as u64), word)
    }

    /// The key of `word`, when it has at most 32 bytes.
    pub fn of(word: &[u8]) -> Option<WordKey> {
        if word.len() > 32 {
            return None;
        }
        let mut words = [0; 4];
        for (w, chunk) in words.iter_mut().zip(word.chunks(8)) {
            *w = load_le(chunk);
        }
        Some(WordKey::new(words, word.len()))
    }

    /// Whether `bytes` are the key's bytes.
    #[inline(always)]
    fn is(&self, bytes: &[u8]) -> bool {
        bytes.len() == self.len
            && bytes.chunks(8).zip(self.words).all(|(c, w)| load_le(c) == w)
    }
}

/// Up to eight bytes as a little-endian word, zero-padded: two
/// overlapping loads for short ones, not a loop over bytes.
#[inline(always)]
pub fn load_le(b: &[u8]) -> u64 {
    fn word<const N: usize>(b: &[u8]) -> [u8; N] {
        b[..N].try_into().expect("callers pass at least N bytes")
    }
    let n = b.len();
    match n {
        8.. => u64::from_le_bytes(word(b)),
        4..=7 => {
            let lo = u64::from(u32::from_le_bytes(word(b)));
            let hi = u64::from(u32::from_le_bytes(word(&b[n - 4..])));
            lo | hi << (8 * (n - 4))
        }
        2..=3 => {
            let lo = u64::from(u16::from_le_bytes(word(b)));
            let hi = u64::from(u16::from_le_bytes(word(&b[n - 2..])));
            lo | hi << (8 * (n - 2))
        }
        1 => u64::from(b[0]),
        _ => 0,
    }
}

/// The slot where probing for a hash starts, in a table of `len` slots
/// (a power of two): the top bits, which the multiply mixes best.
fn first_slot(hash: u64, len: usize) -> usize {
    let bits = len.trailing_zeros();
    if bits == 0 {
        0
    } else {
        (hash >> (64 - bits)) as usize
    }
}

/// An open-addressing table over `words` with linear probing. A slot
/// holds all a lookup needs, so that it touches one slot and, for a word
/// that is there, its text: the word's start in the blob (32 bits), its
/// length (16), its sets (8) and 8 more bits of its hash, to skip most
/// comparisons with other words. 0 is an empty slot: a slot's length is
/// stored plus one. Twice as many slots as words keep probes short.
/// Only words in some set of `sets` are in the table (their bits are
/// all kept).
fn hash_slots(words: &[(&str, u8)], sets: u8) -> Vec<u64> {
    let count = words.iter().filter(|w| w.1 & sets != 0).count();
    let len = (count * 2).next_power_of_two().max(2);
    let mut slots = vec![0u64; len];
    let mut start = 0u64;
    for &(w, bits) in words {
        let n = w.len() as u64 + 1;
        let at_start = start;
        start += w.len() as u64;
        // No token is that long: such a word is never asked for.
        if n > 0xffff || bits & sets == 0 {
            continue;
        }
        let h = word_hash(w.as_bytes());
        let mut at = first_slot(h, len);
        while slots[at] != 0 {
            at = (at + 1) & (len - 1);
        }
        slots[at] =
            at_start << 32 | n << 16 | u64::from(bits) << 8 | (h & 0xff);
    }
    slots
}

/// Whether a hash table over a blob of words is usable: a power-of-two
/// size with an empty slot, so that probing ends. A slot outside the
/// blob matches no word ([`WordIndex`] reads the blob with `get`), so
/// slots are checked where they are read, not each at start-up.
fn slots_ok(slots: &[u64]) -> bool {
    slots.len().is_power_of_two() && slots.contains(&0)
}

/// The word sets of a gazetteer, answered by hashing: each word with the
/// bits of the sets holding it (`1 << GIVEN`...).
pub struct WordIndex {
    blob: std::borrow::Cow<'static, [u8]>,
    slots: Vec<u64>,
    titles: Vec<u64>,
    /// A bit for the top bits of the hash of each word in `titles`:
    /// nearly every lowercase word is asked about and is not there, and
    /// one bit tells it in a few instructions, where a probe of the
    /// table reads a slot or two.
    title_filter: Vec<u64>,
}

/// Bits of [`WordIndex::title_filter`] (8 KiB): a few thousand titles
/// and particles set about one in twenty of them.
const TITLE_FILTER_BITS: usize = 1 << 16;

/// The bit of [`WordIndex::title_filter`] for a word hashing to `h`: its
/// top bits, which the multiply mixes best.
fn title_filter_bit(h: u64) -> usize {
    (h >> (64 - TITLE_FILTER_BITS.trailing_zeros())) as usize
}

impl WordIndex {
    /// The index over [`Decoded`]'s words; `blob` is its word blob, kept
    /// or copied.
    pub fn new(
        blob: std::borrow::Cow<'static, [u8]>,
        slots: Vec<u64>,
        titles: Vec<u64>,
    ) -> WordIndex {
        let mut title_filter = vec![0u64; TITLE_FILTER_BITS / 64];
        for &slot in titles.iter().filter(|&&s| s != 0) {
            let start = (slot >> 32) as usize;
            let len = (slot >> 16 & 0xffff) as usize - 1;
            // A slot outside the blob matches no word.
            if let Some(word) = blob.get(start..start + len) {
                let bit = title_filter_bit(word_hash(word));
                title_filter[bit / 64] |= 1 << (bit % 64);
            }
        }
        WordIndex { blob, slots, titles, title_filter }
    }

    /// Whether the titles table may hold a word hashing to `h`.
    #[inline(always)]
    fn may_be_title(&self, h: u64) -> bool {
        let bit = title_filter_bit(h);
        self.title_filter[bit / 64] >> (bit % 64) & 1 == 1
    }

    /// The sets holding `word` exactly as written, as bits.
    pub fn get(&self, word: &[u8]) -> u8 {
        self.probe(&self.slots, word)
    }

    /// Like [`WordIndex::get`], for the title and particle bits only:
    /// other bits may be missing.
    pub fn get_title(&self, word: &[u8]) -> u8 {
        let h = word_hash(word);
        if !self.may_be_title(h) {
            return 0;
        }
        self.probe_hashed(&self.titles, h, word.len(), |b| b == word)
    }

    /// [`WordIndex::get`] of a short word, by its key.
    #[inline]
    pub fn get_key(&self, key: &WordKey) -> u8 {
        self.probe_key(&self.slots, key)
    }

    /// [`WordIndex::get_title`] of a short word, by its key: the filter
    /// where it is asked (nearly every lowercase word), the table out of
    /// line.
    #[inline(always)]
    pub fn get_title_key(&self, key: &WordKey) -> u8 {
        if !self.may_be_title(key.hash) {
            return 0;
        }
        self.probe_title_key(key)
    }

    #[inline(never)]
    fn probe_title_key(&self, key: &WordKey) -> u8 {
        self.probe_key(&self.titles, key)
    }

    /// [`WordIndex::probe`] with the hash given, comparing words.
    #[inline(always)]
    fn probe_key(&self, slots: &[u64], key: &WordKey) -> u8 {
        self.probe_hashed(slots, key.hash, key.len, |b| key.is(b))
    }

    #[inline]
    fn probe(&self, slots: &[u64], word: &[u8]) -> u8 {
        self.probe_hashed(slots, word_hash(word), word.len(), |b| b == word)
    }

    /// The bits of the word of `len` bytes hashing to `h` for which
    /// `is` holds, if `slots` has it.
    #[inline(always)]
    fn probe_hashed(
        &self,
        slots: &[u64],
        h: u64,
        len: usize,
        is: impl Fn(&[u8]) -> bool,
    ) -> u8 {
        let n = len as u64 + 1;
        if n > 0xffff {
            return 0;
        }
        let tag = n << 16 | (h & 0xff);
        let mask = slots.len() - 1;
        let mut at = first_slot(h, slots.len());
        loop {
            let s = slots[at];
            if s == 0 {
                return 0;
            }
            if s & 0xffff_00ff == tag {
                let start = (s >> 32) as usize;
                if self.blob.get(start..start + len).is_some_and(&is) {
                    return (s >> 8) as u8;
                }
            }
            at = (at + 1) & mask;
        }
    }
}

/// `f` of the bytes of `s.to_lowercase()`: for a short ASCII word,
/// lowercased on the stack in one pass, with no check that it is UTF-8
/// (word-set lookups compare bytes).
pub fn with_lowercase<R>(s: &str, f: impl FnOnce(&[u8]) -> R) -> R {
    let word = s.as_bytes();
    let mut buf = [0u8; 32];
    if let Some(buf) = buf.get_mut(..word.len()) {
        let mut ascii = true;
        for (to, &b) in buf.iter_mut().zip(word) {
            ascii &= b.is_ascii();
            *to = b.to_ascii_lowercase();
        }
        if ascii {
            return f(buf);
        }
    }
    f(lowercase(s).as_bytes())
}

/// `s.to_lowercase()`, without allocating for the most common words:
/// lowercase ASCII (borrowed) and short ASCII (on the stack).
pub fn lowercase(s: &str) -> Lower<'_> {
    if !s.is_ascii() {
        Lower::Owned(s.to_lowercase())
    } else if !s.bytes().any(|b| b.is_ascii_uppercase()) {
        Lower::Borrowed(s)
    } else if s.len() <= 32 {
        let mut buf = [0; 32];
        buf[..s.len()].copy_from_slice(s.as_bytes());
        buf[..s.len()].make_ascii_lowercase();
        Lower::Inline(buf, s.len() as u8)
    } else {
        Lower::Owned(s.to_ascii_lowercase())
    }
}

/// A lowercased word: see [`lowercase`].
pub enum Lower<'a> {
    /// The word was lowercase already.
    Borrowed(&'a str),
    /// A short ASCII word, lowercased: bytes and length.
    Inline([u8; 32], u8),
    /// Any other word, lowercased.
    Owned(String),
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Lower::Borrowed(s) => s,
            // Lowercasing ASCII bytes keeps them ASCII.
            Lower::Inline(buf, n) => std::str::from_utf8(&buf[..*n as usize])
                .expect("ASCII stays ASCII"),
            Lower::Owned(s) => s,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_forms_of_ascii_names_agree_with_folding() {
        // The in-place ASCII comparison against the folded copies.
        let slow = |name: &str, text: &str| {
            name == text
                || fold(name) == fold(text)
                || name
                    .strip_suffix(" City")
                    .is_some_and(|n| fold(n) == fold(text))
        };
        let names = [
            "New York City",
            "Kabul",
            "KABUL",
            "Sao Paulo",
            "O`Hare",
            "Kansas City",
            "City",
        ];
        let texts = [
            "New York",
            "new york city",
            "Kabul",
            "kabul",
            "Kabu",
            "SAO PAULO",
            "São Paulo",
            "O'Hare",
            "Kansas",
            "",
            "City",
        ];
        for name in names {
            for text in texts {
                assert_eq!(
                    own_form(name, text),
                    slow(name, text),
                    "{name:?} as {text:?}"
                );
            }
        }
        assert!(own_form("New York City", "NEW YORK"));
        assert!(!own_form("Kabul", "Kabuls"));
    }

    #[test]
    fn word_keys_hash_and_compare_as_bytes_do() {
        for len in 0..=32 {
            let w: Vec<u8> =
                (0..len).map(|i| b'a' + (i * 7 % 26) as u8).collect();
            let key = WordKey::of(&w).expect("short");
            assert_eq!(key.hash, word_hash(&w), "{len}");
            assert!(key.is(&w));
            let mut other = w.clone();
            if let Some(last) = other.last_mut() {
                *last ^= 1;
                assert!(!key.is(&other));
                assert!(!key.is(&w[..len - 1]));
            }
        }
        assert!(WordKey::of(&[b'a'; 33]).is_none());
    }

    #[test]
    fn names_of_bodies_get_their_other_spellings() {
        let mut got = other_spellings(
            "Organization for Security and Co-operation in Europe",
        );
        got.sort();
        assert_eq!(
            got,
            [
                "Organisation for Security and Co-operation in Europe",
                "Organisation for Security and Cooperation in Europe",
                "Organization for Security and Cooperation in Europe",
            ]
        );
        assert_eq!(
            other_spellings("Israel Defense Forces"),
            ["Israel Defence Forces"]
        );
        assert!(other_spellings("Centre").is_empty());
        assert!(other_spellings("Australian Labor Party").is_empty());
    }
}
