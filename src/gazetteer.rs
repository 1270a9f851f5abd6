//! Stage 2: gazetteer matching over folded text.
//!
//! Every gazetteer file uses one TSV schema (see `gazetteers/README.md`):
//!
//! ```text
//! canonical_id  name  type  subtype  country  population  aliases  flags  source
//! ```
//!
//! Entity rows (PERSON, ORGANIZATION, LOCATION, NATIONALITY) and multi-word
//! titles go into one table of folded forms, matched leftmost-longest on
//! whole tokens (see `matcher`); name
//! evidence (given names, surnames, particles, company suffixes) goes into
//! hash sets that the pattern stage asks token by token.
//!
//! Folding makes `Côte d’Ivoire`, `Cote d'Ivoire` and `COTE D'IVOIRE` meet:
//! Latin letters lose their diacritics (any_ascii), curly apostrophes and
//! hyphen variants become ASCII, and matching ignores ASCII case. The
//! case policy of each form is then checked against the original text, and
//! matches map back to original byte offsets.

mod matcher;
mod table;

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use matcher::{HashSet64, Matcher};

use crate::annotation::EntityType;
use crate::error::{Error, ErrorKind, Result};
use crate::span::Span;

use table::{flag, Kind};
pub use table::{fold, own_form, COLUMNS};
pub(crate) use table::{load_le, lowercase, WordKey};

/// The default gazetteer files, compiled into the binary.
pub const DEFAULT_FILES: &[(&str, &str)] =
    &include!(concat!(env!("OUT_DIR"), "/default_gazetteers.rs"));

/// [`DEFAULT_FILES`] loaded, ranked and turned into the matcher's tables
/// by `build.rs` (see `table::encode`), so start-up only reads them back.
static DEFAULT_TABLE: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/default_gazetteer.bin"));

/// A digest of the compiled default gazetteers (hex), written by
/// `build.rs`: it changes whenever their data does.
pub const DEFAULT_DIGEST: &str =
    include!(concat!(env!("OUT_DIR"), "/default_gazetteer.digest"));

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

impl From<Kind> for EntryType {
    fn from(k: Kind) -> EntryType {
        match k {
            Kind::Person => EntryType::Entity(EntityType::Person),
            Kind::Organization => EntryType::Entity(EntityType::Organization),
            Kind::Location => EntryType::Entity(EntityType::Location),
            Kind::Nationality => EntryType::Entity(EntityType::Nationality),
            Kind::GivenName => EntryType::GivenName,
            Kind::Surname => EntryType::Surname,
            Kind::Title => EntryType::Title,
            Kind::Particle => EntryType::Particle,
            Kind::OrgSuffix => EntryType::OrgSuffix,
        }
    }
}

/// Flags on a gazetteer row.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub struct Flags(u16);

impl Flags {
    /// The name is a common English word (`Nice`, `Reading`): it needs
    /// context to count as an entity.
    pub const COMMON_WORD: Flags = Flags(flag::COMMON_WORD);
    /// An alias that is also another entity's name or a common word.
    pub const AMBIGUOUS_ALIAS: Flags = Flags(flag::AMBIGUOUS_ALIAS);
    /// A former entity (ISO 3166-3 country, renamed body).
    pub const HISTORIC: Flags = Flags(flag::HISTORIC);
    /// A small place or district: needs context or a multi-word name.
    pub const LOW_PRIORITY: Flags = Flags(flag::LOW_PRIORITY);
    /// A section of a city (GeoNames PPLX).
    pub const SECTION: Flags = Flags(flag::SECTION);
    /// A national capital.
    pub const CAPITAL: Flags = Flags(flag::CAPITAL);
    /// The row has acronym aliases.
    pub const ACRONYM: Flags = Flags(flag::ACRONYM);

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
    /// The `canonical_id` of the first-level division holding a place
    /// (the optional `admin1` column), or empty.
    pub admin1: Box<str>,
    /// Population, 0 when unknown.
    pub population: u64,
    /// Row flags.
    pub flags: Flags,
    /// Index of the file it came from, as given by [`Gazetteer::file_of`].
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
///
/// The default files are loaded at compile time. User files are compiled
/// at run time into a second, small table laid over the defaults (see
/// [`Gazetteer::find`] for how their matches combine), so a user list
/// costs milliseconds, not a rebuild of the defaults.
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

    /// Feeds what this builder will build from into `h`: whether the
    /// defaults are on (by their digest) and every user file's name and
    /// text.
    pub fn digest_into(&self, h: &mut impl sha2::Digest) {
        h.update(if self.defaults { DEFAULT_DIGEST } else { "none" });
        for (path, text) in &self.files {
            h.update(b"\0gazetteer\0");
            h.update(path.display().to_string());
            h.update(b"\0");
            h.update(text);
        }
    }

    /// Parses every file and builds the matcher.
    ///
    /// # Errors
    ///
    /// Returns an error naming the file and line of the first bad row, or
    /// a matcher build error.
    pub fn build(&self) -> Result<Gazetteer> {
        let bad_table = |e: String| {
            Error::from(ErrorKind::Build(format!("default gazetteer: {e}")))
        };
        if self.defaults && self.files.is_empty() {
            let d = table::decode(DEFAULT_TABLE).map_err(bad_table)?;
            return Ok(Gazetteer::new(d, Cow::Borrowed));
        }
        let user = self.load_files()?;
        if !self.defaults {
            return Ok(user);
        }
        let mut defaults = GazetteerBuilder::new().build()?;
        defaults.lay_over(user);
        Ok(defaults)
    }

    /// The user files alone, compiled at run time.
    fn load_files(&self) -> Result<Gazetteer> {
        let mut loader = table::Loader::default();
        for (path, text) in &self.files {
            loader.load(&path.display().to_string(), text).map_err(|e| {
                if e.line == 0 {
                    Error::config(e.message)
                } else {
                    Error::from(ErrorKind::Gazetteer {
                        path: path.to_path_buf(),
                        line: e.line as u64,
                        message: e.message,
                    })
                }
            })?;
        }
        let compiled = loader.finish();
        let bytes = table::encode(&compiled)
            .map_err(|e| Error::from(ErrorKind::Build(e)))?;
        let d = table::decode(&bytes)
            .map_err(|e| Error::from(ErrorKind::Build(e)))?;
        Ok(Gazetteer::new(d, |b: &[u8]| Cow::Owned(b.to_vec())))
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

/// The forms of the matcher: form `f` (its index there) has variants
/// `ends[f - 1]..ends[f]`, each a surface form as written with its case
/// policy and entries. Flat arrays over shared blobs, so that loading
/// the defaults allocates a handful of buffers, not one per form.
struct Forms {
    ends: Vec<u32>,
    text: Cow<'static, [u8]>,
    text_ends: Vec<u32>,
    exact: Vec<bool>,
    id_ends: Vec<u32>,
    ids: Vec<u32>,
}

impl Forms {
    fn variants(&self, f: usize) -> std::ops::Range<usize> {
        let start = if f == 0 { 0 } else { self.ends[f - 1] as usize };
        start..self.ends[f] as usize
    }

    fn text(&self, v: usize) -> &str {
        table::slice_checked(&self.text, &self.text_ends, v)
    }

    /// [`Forms::text`] as bytes, where it is only compared.
    fn text_bytes(&self, v: usize) -> &[u8] {
        table::slice_bytes(&self.text, &self.text_ends, v)
    }

    fn policy(&self, v: usize) -> CasePolicy {
        if self.exact[v] {
            CasePolicy::Exact
        } else {
            CasePolicy::Name
        }
    }

    /// Entries of variant `v`, best first.
    fn entries(&self, v: usize) -> &[u32] {
        let start = if v == 0 { 0 } else { self.id_ends[v - 1] as usize };
        &self.ids[start..self.id_ends[v] as usize]
    }
}

/// The entries of a layer as decoded columns, each [`Entry`] made on
/// first use: making all of them (four strings each) at start-up cost
/// more than a short run's matching, and a run touches few.
struct Entries {
    /// Id, name, subtype, country and admin1 of each entry.
    strs: Cow<'static, [u8]>,
    str_ends: Vec<u32>,
    kinds: Vec<Kind>,
    flags: Vec<u32>,
    files: Vec<u32>,
    populations: Vec<u64>,
    /// Added to each entry's file index: the layer's first file.
    first_file: u16,
    made: Vec<OnceLock<Box<Entry>>>,
}

impl Entries {
    fn len(&self) -> usize {
        self.made.len()
    }

    /// String `k` (id, name, subtype, country, admin1) of entry `i`.
    fn str(&self, i: usize, k: usize) -> &str {
        table::slice_checked(
            &self.strs,
            &self.str_ends,
            table::ENTRY_STRS * i + k,
        )
    }

    fn get(&self, i: usize) -> &Entry {
        self.made[i].get_or_init(|| {
            let s = |k: usize| Box::<str>::from(self.str(i, k));
            Box::new(Entry {
                canonical_id: s(0),
                name: s(1),
                kind: self.kinds[i].into(),
                subtype: s(2),
                country: s(3),
                admin1: s(4),
                population: self.populations[i],
                flags: Flags(self.flags[i] as u16),
                file: self.files[i] as u16 + self.first_file,
            })
        })
    }

    /// How strongly entry `i` wins a form shared with other entries,
    /// written as its own name or as an alias (see `table::rank`).
    fn rank(&self, i: usize, own_name: bool) -> (u8, u64) {
        table::rank(
            self.kinds[i],
            self.str(i, 2),
            self.flags[i] as u16,
            self.populations[i],
            own_name,
        )
    }
}

/// The compiled gazetteer: entries, the matcher and name-evidence sets.
pub struct Gazetteer {
    files: Vec<Box<str>>,
    entries: Entries,
    forms: Forms,
    matcher: Matcher,
    /// The first words (as the matcher hashes them) of forms with a
    /// variant that does not start with a capital: where the text starts
    /// with a lowercase letter, only those forms can be accepted (see
    /// `table::lower_starts`), and most words are lowercase. Computed
    /// with the table: a walk over every variant cost more at start-up
    /// than a short run's matching.
    lower_starts: HashSet64,
    /// Word sets, hashed (bits `1 << table::GIVEN`...).
    words: table::WordIndex,
    /// User files laid over the defaults. Their entries, forms and files
    /// are numbered after this layer's (`first_entry`...): indices stay
    /// unique across layers.
    overlay: Option<Box<Gazetteer>>,
    /// Index of this layer's first entry, form and file.
    first_entry: u32,
    first_form: u32,
    first_file: u16,
}

/// The length in bytes of the parts of a double-barrelled name that
/// open `rest`: each a hyphen, a capital and letters ("-Zardari" of
/// "Bhutto-Zardari"); 0 if none does.
fn hyphen_name_len(rest: &str) -> usize {
    let mut len = 0;
    loop {
        let part = &rest[len..];
        let mut chars = part.chars();
        if chars.next() != Some('-')
            || !chars.next().is_some_and(char::is_uppercase)
        {
            return len;
        }
        len += 1 + part[1..]
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(part.len() - 1);
    }
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("files", &self.files)
            .field("entries", &self.entries.len())
            .field("forms", &self.forms.ends.len())
            .finish_non_exhaustive()
    }
}

impl Gazetteer {
    /// Assembles tables read by `table::decode`; `bytes` keeps or copies
    /// their blobs and the matcher's tables (borrowed for the embedded
    /// defaults).
    fn new<'a>(
        d: table::Decoded<'a>,
        bytes: impl Fn(&'a [u8]) -> Cow<'static, [u8]>,
    ) -> Gazetteer {
        let kinds = (0..d.kinds.len()).map(|i| d.kind(i)).collect();
        let table::Decoded {
            entry_strs,
            flags,
            entry_files,
            populations,
            files,
            form_ends,
            var_text,
            var_exact,
            var_id_ends,
            ids,
            words,
            word_slots,
            title_slots,
            matcher,
            lower_starts,
            ..
        } = d;
        let forms = Forms {
            ends: form_ends,
            text: bytes(var_text.0),
            text_ends: var_text.1,
            exact: var_exact.iter().map(|&b| b != 0).collect(),
            id_ends: var_id_ends,
            ids,
        };
        let matcher = Matcher::new(matcher::Parts {
            keys: bytes(matcher.keys),
            key_ends: bytes(matcher.key_ends),
            slots: bytes(matcher.slots),
            filter: bytes(matcher.filter),
            odd: bytes(matcher.odd),
            max_len: matcher.max_len,
        });
        let lower_starts = HashSet64::new(lower_starts.into_iter());
        Gazetteer {
            files: files.into_iter().map(Box::from).collect(),
            entries: Entries {
                strs: bytes(entry_strs.0),
                str_ends: entry_strs.1,
                made: std::iter::repeat_with(OnceLock::new)
                    .take(flags.len())
                    .collect(),
                kinds,
                flags,
                files: entry_files,
                populations,
                first_file: 0,
            },
            forms,
            matcher,
            lower_starts,
            words: table::WordIndex::new(
                bytes(words),
                word_slots,
                title_slots,
            ),
            overlay: None,
            first_entry: 0,
            first_form: 0,
            first_file: 0,
        }
    }

    /// Lays `user` over this gazetteer, renumbering its entries, forms and
    /// files after ours.
    fn lay_over(&mut self, mut user: Gazetteer) {
        user.first_entry = self.entries.len() as u32;
        user.first_form = self.forms.ends.len() as u32;
        user.first_file = self.files.len() as u16;
        for id in &mut user.forms.ids {
            *id += user.first_entry;
        }
        user.entries.first_file = user.first_file;
        // Entries made before now have the old file index.
        for e in &mut user.entries.made {
            e.take();
        }
        self.overlay = Some(Box::new(user));
    }

    /// The layer holding entry `index` (global numbering).
    fn layer_of_entry(&self, index: u32) -> &Gazetteer {
        match &self.overlay {
            Some(o) if index >= o.first_entry => o,
            _ => self,
        }
    }

    /// Every match in `text`, leftmost-longest, on whole tokens, passing the
    /// case policy, appended to `out` in text order.
    ///
    /// With user files, both layers are searched and their matches
    /// combined leftmost-longest; on the very same span the user's entry
    /// wins: their list says what the name means to them.
    pub fn find(&self, text: &str, out: &mut Vec<GazetteerMatch>) {
        let Some(user) = &self.overlay else {
            return self.find_layer(text, out);
        };
        let from = out.len();
        self.find_layer(text, out);
        let mut theirs = Vec::new();
        user.find_layer(text, &mut theirs);
        if theirs.is_empty() {
            return;
        }
        let mut all: Vec<(GazetteerMatch, bool)> = out
            .drain(from..)
            .map(|m| (m, false))
            .chain(theirs.into_iter().map(|m| (m, true)))
            .collect();
        all.sort_by_key(|(m, user)| {
            (m.span.start, std::cmp::Reverse(m.span.end), !user)
        });
        let mut end = 0;
        for (m, _) in all {
            if m.span.start >= end {
                end = m.span.end;
                out.push(m);
            }
        }
    }

    /// [`Gazetteer::find`] in this layer alone.
    fn find_layer(&self, text: &str, out: &mut Vec<GazetteerMatch>) {
        if text.is_ascii() {
            // Folding ASCII only lowercases it and maps a few bytes to
            // others: offsets do not move.
            let folded: Vec<u8> =
                text.bytes().map(table::fold_ascii).collect();
            self.find_in(&folded, text, None, out);
        } else {
            let mut folded = Vec::with_capacity(text.len());
            let mut map = Vec::with_capacity(text.len() + 1);
            table::fold_into(text, &mut folded, &mut map, true);
            self.find_in(&folded, text, Some(&map), out);
        }
    }

    /// Leftmost-longest over `hay` (the folded text), keeping only matches
    /// on whole tokens whose written form passes its case policy. When the
    /// longest match at a position fails, the shorter forms starting there
    /// are tried, then the next token: a failed long form ("the White
    /// House" written in lower case, "Mobile Bay" as "mobile bay") never
    /// hides a good shorter or later one.
    fn find_in(
        &self,
        hay: &[u8],
        text: &str,
        map: Option<&[u32]>,
        out: &mut Vec<GazetteerMatch>,
    ) {
        let to_orig = |i: usize| map.map_or(i, |m| m[i] as usize);
        let may_start = |s: usize, first_word: u64| {
            !text.as_bytes()[to_orig(s)].is_ascii_lowercase()
                || self.lower_starts.contains(first_word)
        };
        self.matcher.scan(hay, may_start, |s, e, form| {
            match self.accept(text, map, s, e, form) {
                Some(hit) => {
                    out.push(hit);
                    true
                }
                None => false,
            }
        });
    }

    /// The match of form `form` at `hay[s..e]` (on whole tokens), if one
    /// of the form's variants fits the written case.
    fn accept(
        &self,
        text: &str,
        map: Option<&[u32]>,
        s: usize,
        e: usize,
        form: u32,
    ) -> Option<GazetteerMatch> {
        let to_orig = |i: usize| map.map_or(i, |m| m[i] as usize);
        let span = Span::new(to_orig(s), to_orig(e));
        let found = span.of(text);
        let variants = self.forms.variants(form as usize);
        // The variant written exactly so ("Kabul" the city, not "Kābul"
        // the province), else the best-ranked one whose case policy fits
        // ("KABUL" is the city).
        let best = |v: usize| {
            let id = (self.forms.entries(v)[0] - self.first_entry) as usize;
            let own_name =
                table::own_form(self.entries.str(id, 1), self.forms.text(v));
            self.entries.rank(id, own_name)
        };
        // Text starting with a lowercase letter fits no variant starting
        // with a capital under any case policy (see `case_ok`): most
        // refused matches are common words ("may", "reading") against
        // capitalized names, ruled out here without a walk over chars.
        let lower =
            found.as_bytes().first().is_some_and(u8::is_ascii_lowercase);
        let v = variants
            .clone()
            .find(|&v| self.forms.text_bytes(v) == found.as_bytes())
            .or_else(|| {
                variants
                    .clone()
                    .filter(|&v| {
                        let capital = self
                            .forms
                            .text_bytes(v)
                            .first()
                            .is_some_and(u8::is_ascii_uppercase);
                        !(lower && capital)
                            && (case_ok(
                                self.forms.text(v),
                                self.forms.policy(v),
                                found,
                            ) || self
                                .spoken_acronym(self.forms.text(v), found))
                    })
                    .max_by_key(|&v| (best(v), std::cmp::Reverse(v)))
            })?;
        // A person's name does not end inside a double-barrelled one:
        // "Bilawal Bhutto" listed, "Bilawal Bhutto-Zardari" written, is
        // the same person, named whole. A place does ("the
        // Pakistan-Afghanistan border").
        let entry = self.forms.entries(v)[0];
        let id = (entry - self.first_entry) as usize;
        let span = if self.entries.kinds[id] == table::Kind::Person {
            Span::new(
                span.start,
                span.end + hyphen_name_len(&text[span.end..]),
            )
        } else {
            span
        };
        Some(GazetteerMatch {
            span,
            entry,
            form: self.first_form + form,
            variant: (v - variants.start) as u32,
        })
    }

    /// Whether `found` writes the all-caps form `want` as British news
    /// writes an acronym said as a word, in title case: "Nato", "Unicef",
    /// "Opec", "Itar-Tass". Not when that title-case word is a common
    /// word or a surname of the lists ("Care", "Fico", "Rand"); one that
    /// is a given name ("Isis", "Gerd") is left to resolution, which
    /// gives it to a person's name when a capitalized word follows.
    fn spoken_acronym(&self, want: &str, found: &str) -> bool {
        let f = found.as_bytes();
        // Each part of `want` as written, or, if in capitals, in title
        // case ("ITAR-Tass" is written "Itar-Tass").
        let mut parts = want.split('-').zip(found.split('-'));
        let title_case = want.len() == found.len()
            && want.bytes().any(|b| b.is_ascii_uppercase())
            && parts.all(|(w, f)| {
                let (w, f) = (w.as_bytes(), f.as_bytes());
                w == f
                    || w.len() >= 2
                        && w.len() == f.len()
                        && w.iter().all(u8::is_ascii_uppercase)
                        && f[0] == w[0]
                        && f[1..]
                            .iter()
                            .zip(&w[1..])
                            .all(|(&f, &w)| f == w.to_ascii_lowercase())
            });
        title_case
            && want.len() >= 4
            && want != found
            && self.word_bits(f) & 1 << table::SURNAMES == 0
            && !self.is_common_word(found)
    }

    /// The written form of the gazetteer that match `m` is of: `NATO`
    /// for the text "Nato".
    pub fn match_form(&self, m: &GazetteerMatch) -> &str {
        let (layer, v) = self.variant_of(m);
        layer.forms.text(v)
    }

    /// The layer holding match `m`'s form, and the index of its variant
    /// there.
    fn variant_of(&self, m: &GazetteerMatch) -> (&Gazetteer, usize) {
        let layer = match &self.overlay {
            Some(o) if m.form >= o.first_form => o,
            _ => self,
        };
        let form = (m.form - layer.first_form) as usize;
        (layer, layer.forms.variants(form).start + m.variant as usize)
    }

    /// The entry at `index`.
    ///
    /// # Panics
    ///
    /// Panics if the index did not come from this gazetteer.
    pub fn entry(&self, index: u32) -> &Entry {
        let layer = self.layer_of_entry(index);
        layer.entries.get((index - layer.first_entry) as usize)
    }

    /// All entries a match's form names, best first.
    pub fn match_entries(&self, m: &GazetteerMatch) -> &[u32] {
        let (layer, v) = self.variant_of(m);
        layer.forms.entries(v)
    }

    /// The file name an entry came from.
    pub fn file_of(&self, entry: &Entry) -> &str {
        let layer = match &self.overlay {
            Some(o) if entry.file >= o.first_file => o,
            _ => self,
        };
        &layer.files[(entry.file - layer.first_file) as usize]
    }

    /// Number of entries (entity rows and multi-word titles).
    pub fn len(&self) -> usize {
        self.entries.len() + self.overlay.as_ref().map_or(0, |o| o.len())
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of surface forms matched.
    pub fn form_count(&self) -> usize {
        self.forms.ends.len()
            + self.overlay.as_ref().map_or(0, |o| o.form_count())
    }

    /// Size of the matcher's tables (forms and hash tables), in bytes:
    /// on the heap for user files, embedded in the binary for the
    /// defaults.
    pub fn matcher_memory(&self) -> usize {
        self.matcher.table_bytes()
            + self.overlay.as_ref().map_or(0, |o| o.matcher_memory())
    }

    /// The word-set bits of `word` (`1 << table::GIVEN`...) in every
    /// layer.
    fn word_bits(&self, word: &[u8]) -> u8 {
        self.words.get(word)
            | self.overlay.as_ref().map_or(0, |o| o.words.get(word))
    }

    /// [`Gazetteer::word_bits`] of a short word, by its key.
    #[inline(always)]
    fn key_bits(&self, key: &WordKey) -> u8 {
        self.words.get_key(key)
            | self.overlay.as_ref().map_or(0, |o| o.words.get_key(key))
    }

    /// Whether `word` is a listed given name (exact case).
    pub fn is_given_name(&self, word: &str) -> bool {
        self.in_set(table::GIVEN, word)
    }

    /// Whether `word` is a listed surname (exact case).
    pub fn is_surname(&self, word: &str) -> bool {
        self.in_set(table::SURNAMES, word)
    }

    /// Whether `word` is a name particle (`bin`, `al`, `van`), any case.
    pub fn is_particle(&self, word: &str) -> bool {
        self.in_set(table::PARTICLES, &table::lowercase(word))
    }

    /// Whether `word` is a company legal suffix (`Ltd`, `Inc.`).
    pub fn is_org_suffix(&self, word: &str) -> bool {
        self.in_set(
            table::SUFFIXES,
            &table::lowercase(word.trim_end_matches('.')),
        )
    }

    /// Whether `word` is a title or role (`President`, `Maulana`), any
    /// case.
    pub fn is_title(&self, word: &str) -> bool {
        self.in_set(table::TITLES, &table::lowercase(word))
    }

    /// Whether `word` (lower-cased) is a common English word.
    pub fn is_common_word(&self, word: &str) -> bool {
        self.in_set(table::COMMON, &table::lowercase(word))
    }

    fn in_set(&self, set: usize, word: &str) -> bool {
        self.word_bits(word.as_bytes()) >> set & 1 == 1
    }

    /// What the word-set questions (`is_given_name`...) answer for
    /// `word`, in one or two hash lookups instead of six.
    pub fn evidence(&self, word: &str) -> Evidence {
        if let Some(composed) = composed(word) {
            return self.evidence(&composed);
        }
        table::with_lowercase(word, |lower| self.evidence_lowered(word, lower))
    }

    /// [`Gazetteer::evidence`], given the bytes of `word.to_lowercase()`
    /// (for callers that have them already).
    pub fn evidence_lowered(&self, word: &str, lower: &[u8]) -> Evidence {
        let exact = self.word_bits(word.as_bytes());
        let folded = if lower == word.as_bytes() {
            exact
        } else {
            self.word_bits(lower)
        };
        let suffix = if word.ends_with('.') {
            table::with_lowercase(word.trim_end_matches('.'), |lower| {
                self.word_bits(lower)
            })
        } else {
            folded
        };
        let has = |bits: u8, set: usize| bits >> set & 1 == 1;
        Evidence {
            given_name: has(exact, table::GIVEN),
            surname: has(exact, table::SURNAMES),
            particle: has(folded, table::PARTICLES),
            org_suffix: has(suffix, table::SUFFIXES),
            title: has(folded, table::TITLES),
            common_word: has(folded, table::COMMON),
        }
    }
}

impl Gazetteer {
    /// [`Gazetteer::evidence`] of a word of at most 32 bytes that does
    /// not end with `.`, by the keys of it as written and of its
    /// lowercase form (equal when it is lowercase): for callers asking
    /// other tables about the same keys.
    #[inline]
    pub fn evidence_keys(&self, word: &WordKey, lower: &WordKey) -> Evidence {
        let exact = self.key_bits(word);
        let folded = if lower.words == word.words {
            exact
        } else {
            self.key_bits(lower)
        };
        let has = |bits: u8, set: usize| bits >> set & 1 == 1;
        Evidence {
            given_name: has(exact, table::GIVEN),
            surname: has(exact, table::SURNAMES),
            particle: has(folded, table::PARTICLES),
            // Without a final `.`, the suffix form is the lowercase one.
            org_suffix: has(folded, table::SUFFIXES),
            title: has(folded, table::TITLES),
            common_word: has(folded, table::COMMON),
        }
    }

    /// [`Gazetteer::title_evidence`] of a word of at most 32 bytes, by
    /// the key of its lowercase form.
    #[inline]
    pub fn title_evidence_key(&self, lower: &WordKey) -> Evidence {
        let bits = self.words.get_title_key(lower)
            | self
                .overlay
                .as_ref()
                .map_or(0, |o| o.words.get_title_key(lower));
        Evidence {
            particle: bits >> table::PARTICLES & 1 == 1,
            title: bits >> table::TITLES & 1 == 1,
            ..Evidence::default()
        }
    }

    /// The title and particle answers of [`Gazetteer::evidence`] alone
    /// (the other fields false), from a small table: for lowercase
    /// words, which are asked nothing else.
    pub fn title_evidence(&self, word: &str) -> Evidence {
        if let Some(composed) = composed(word) {
            return self.title_evidence(&composed);
        }
        let bits = table::with_lowercase(word, |lower| {
            self.words.get_title(lower)
                | self.overlay.as_ref().map_or(0, |o| o.words.get_title(lower))
        });
        Evidence {
            particle: bits >> table::PARTICLES & 1 == 1,
            title: bits >> table::TITLES & 1 == 1,
            ..Evidence::default()
        }
    }
}

/// A word's name evidence: [`Gazetteer::evidence`].
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub struct Evidence {
    /// [`Gazetteer::is_given_name`].
    pub given_name: bool,
    /// [`Gazetteer::is_surname`].
    pub surname: bool,
    /// [`Gazetteer::is_particle`].
    pub particle: bool,
    /// [`Gazetteer::is_org_suffix`].
    pub org_suffix: bool,
    /// [`Gazetteer::is_title`].
    pub title: bool,
    /// [`Gazetteer::is_common_word`].
    pub common_word: bool,
}

/// Whether `found` (the original text of a match) fits the form's case
/// policy.
fn case_ok(want: &str, policy: CasePolicy, found: &str) -> bool {
    if found == want {
        return true;
    }
    match policy {
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
            // A title-case description in sentence case, as news writes
            // it: "UN refugee agency" for "UN Refugee Agency". The first
            // word must agree; later words may only lose capitals.
            fn first_word(s: &str) -> &str {
                s.split(' ').next().unwrap_or("")
            }
            if want.split(' ').count() >= 3
                && same_case(first_word(want), first_word(found))
                && only_lost_capitals(want, found)
            {
                return true;
            }
            // An ALL-CAPS dateline or headline: ISLAMABAD, NEW YORK.
            let letters = found.chars().filter(|c| c.is_alphabetic()).count();
            letters >= 4 && !found.chars().any(char::is_lowercase)
        }
    }
}

/// Whether each letter of `s` is a capital, in order.
fn capitals(s: &str) -> impl Iterator<Item = bool> + '_ {
    s.chars().filter(|c| c.is_alphabetic()).map(char::is_uppercase)
}

/// Whether `found` has a capital only where `want` has one.
fn only_lost_capitals(want: &str, found: &str) -> bool {
    let (mut w, mut f) = (capitals(want), capitals(found));
    loop {
        match (w.next(), f.next()) {
            (None, None) => return true,
            (Some(wu), Some(fu)) if wu || !fu => {}
            _ => return false,
        }
    }
}

/// Whether two strings that fold alike have the same case pattern.
fn same_case(a: &str, b: &str) -> bool {
    capitals(a).eq(capitals(b))
}

/// `word` composed (NFC) when it holds a combining accent ("Jose\u{301}",
/// as text copied from PDFs and Mac files writes "José"), for the word
/// lists, which hold composed forms; `None` when it has none, so that
/// nearly every word is spared the copy.
fn composed(word: &str) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    // U+0300 to U+036F start with these bytes in UTF-8.
    if !word.bytes().any(|b| b == 0xCC || b == 0xCD) {
        return None;
    }
    let nfc: String = word.nfc().collect();
    (nfc != word).then_some(nfc)
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
geonames:1138958\tKabul\tLOCATION\tcity\tAF\t\t\tcapital\tt
wn30:kabul-river\tKabul River\tLOCATION\tfeature\t\t\t\t\tt
geonames:953987\tSouth Africa\tLOCATION\tcountry\tZA\t\t\t\tt
geonames:6255146\tAfrica\tLOCATION\tcontinent\t\t\t\t\tt
local:org/wh\tThe White House\tORGANIZATION\tgovernment\tUS\t\t\t\tt
local:org/ind\tThe Independent\tORGANIZATION\tnews_agency\tGB\t\t\t\tt
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
            // A leading "The" is dropped from a name of several words, and
            // kept on one word: bare "Independent" is an adjective.
            ("at the White House", &["White House=The White House"]),
            ("An Independent candidate", &[]),
            ("The Independent said", &["The Independent=The Independent"]),
            ("the U.N. and the UN refugee agency", &[
                "U.N.=United Nations",
                "UN refugee agency=United Nations High Commissioner for Refugees",
            ]),
        ];
        for (text, want) in cases {
            assert_eq!(&found(&g, text), want, "in {text:?}");
        }
    }

    /// A longest form whose case does not fit must not hide the shorter
    /// form at the same start, nor a form starting at a later token.
    #[test]
    fn failed_long_forms_do_not_hide_shorter_ones() {
        let g = gazetteer(ROWS);
        let cases: &[(&str, &[&str])] = &[
            ("along the Kabul River", &["Kabul River=Kabul River"]),
            ("along the Kabul river", &["Kabul=Kabul"]),
            ("trade with south Africa", &["Africa=Africa"]),
            ("Unicef in South Africa", &["South Africa=South Africa"]),
            ("Romania, Oman", &["Romania=Romania", "Oman=Oman"]),
            ("xOman Omanx Oman", &["Oman=Oman"]),
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

    const USER: &str = "\
my:kr\tKabul River Basin Authority\tORGANIZATION\tagency\tAF\t\tKRBA\t\tt
my:nice\tNice\tPERSON\t\t\t\t\t\tt
my:un\tUN Women\tORGANIZATION\tun_agency\t\t\t\t\tt
my:g\tKivutha\tGIVEN_NAME\t\t\t\t\t\tt
";

    /// User rows laid over the defaults: their own indices, file and
    /// forms; on the same span the user's entry wins, otherwise the
    /// longest match, whichever layer it comes from.
    #[test]
    fn user_files_lay_over_the_defaults() {
        let plain = gazetteer(ROWS);
        let mut b = GazetteerBuilder::new();
        b.defaults(false).add_tsv("test.tsv", format!("{HEADER}{ROWS}"));
        let mut layered = b.build().expect("base builds");
        let user = GazetteerBuilder::new()
            .defaults(false)
            .add_tsv("mine.tsv", format!("{HEADER}{USER}"))
            .build()
            .expect("user file builds");
        layered.lay_over(user);
        // Given names go to a word set, not the entries.
        assert_eq!(layered.len(), plain.len() + 3);
        let text = "In Nice, the Kabul River Basin Authority (KRBA) met \
                    UN Women, the UN and Kivutha Mutua near Kabul.";
        let mut out = Vec::new();
        layered.find(text, &mut out);
        let got: Vec<String> = out
            .iter()
            .map(|m| {
                let e = layered.entry(m.entry);
                let ids = layered.match_entries(m);
                assert_eq!(ids[0], m.entry);
                let file = layered.file_of(e);
                format!("{}={}@{file}", m.span.of(text), e.canonical_id)
            })
            .collect();
        assert_eq!(
            got,
            [
                "Nice=my:nice@mine.tsv",
                "Kabul River Basin Authority=my:kr@mine.tsv",
                "KRBA=my:kr@mine.tsv",
                "UN Women=my:un@mine.tsv",
                "UN=local:org/un@test.tsv",
                "Kabul=geonames:1138958@test.tsv",
            ]
        );
        assert!(layered.is_given_name("Kivutha"));
        assert!(!plain.is_given_name("Kivutha"));
        assert!(out.iter().all(|m| (m.entry as usize) < layered.len()));
    }

    /// A word-set question.
    type Ask = fn(&Gazetteer, &str) -> bool;

    #[test]
    fn word_sets_answer_by_their_case_rules() {
        let g = gazetteer(
            "g\tAhmed\tGIVEN_NAME\t\t\t\t\t\tt
s\tKhan\tSURNAME\t\t\t\t\t\tt
p\tbin\tPARTICLE\t\t\t\t\t\tt
o\tLtd.\tORG_SUFFIX\t\t\t\tLimited\t\tt
t\tMaulana\tTITLE\t\t\t\t\t\tt
",
        );
        let cases: &[(&str, Ask, bool)] = &[
            ("Ahmed", Gazetteer::is_given_name, true),
            ("ahmed", Gazetteer::is_given_name, false),
            ("Ahme", Gazetteer::is_given_name, false),
            ("Khan", Gazetteer::is_surname, true),
            ("Khanna", Gazetteer::is_surname, false),
            ("BIN", Gazetteer::is_particle, true),
            ("ltd", Gazetteer::is_org_suffix, true),
            ("LIMITED.", Gazetteer::is_org_suffix, true),
            ("maulana", Gazetteer::is_title, true),
            ("Khan", Gazetteer::is_title, false),
        ];
        for (word, ask, want) in cases {
            assert_eq!(ask(&g, word), *want, "{word}");
        }
    }

    /// `evidence` answers each word-set question as asking it does, in
    /// every case form (the lookups it shares between questions depend
    /// on the case of the word).
    #[test]
    fn evidence_agrees_with_each_question() {
        let g = GazetteerBuilder::new().build().expect("defaults build");
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/amnesty-pakistan-deportations.txt"
        );
        let text = std::fs::read_to_string(path).expect("sample text");
        let extra = ["bin", "Van", "LTD.", "Inc.", "inc..", "GmbH", "Élan"];
        let words = text.split(|c: char| !c.is_alphanumeric() && c != '.');
        let mut yes = 0;
        for word in words.chain(extra) {
            for w in
                [word.to_string(), word.to_lowercase(), word.to_uppercase()]
            {
                let e = g.evidence(&w);
                let want = [
                    g.is_given_name(&w),
                    g.is_surname(&w),
                    g.is_particle(&w),
                    g.is_org_suffix(&w),
                    g.is_title(&w),
                    g.is_common_word(&w),
                ];
                let got = [
                    e.given_name,
                    e.surname,
                    e.particle,
                    e.org_suffix,
                    e.title,
                    e.common_word,
                ];
                assert_eq!(got, want, "{w:?}");
                let t = g.title_evidence(&w);
                assert_eq!(
                    (t.title, t.particle),
                    (e.title, e.particle),
                    "{w:?}"
                );
                // By keys, for short ASCII words without a final dot.
                let lower = w.to_ascii_lowercase();
                let keys =
                    (WordKey::of(w.as_bytes()), WordKey::of(lower.as_bytes()));
                if let (Some(word), Some(lower)) = keys {
                    if w.is_ascii() && !w.ends_with('.') {
                        assert_eq!(g.evidence_keys(&word, &lower), e, "{w:?}");
                        assert_eq!(g.title_evidence_key(&lower), t, "{w:?}");
                    }
                }
                yes += got.iter().filter(|&&b| b).count();
            }
        }
        assert!(yes > 100, "only {yes} answers were yes");
    }

    /// The defaults `build.rs` precompiled must be what loading the same
    /// files at run time gives.
    #[test]
    fn precompiled_defaults_equal_a_rebuild() {
        let fast = GazetteerBuilder::new().build().expect("defaults build");
        let mut slow = GazetteerBuilder::new();
        slow.defaults(false);
        for (name, text) in DEFAULT_FILES {
            slow.add_tsv(*name, *text);
        }
        let slow = slow.build().expect("defaults load at run time");
        assert_eq!(fast.len(), slow.len());
        assert_eq!(fast.form_count(), slow.form_count());
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/amnesty-pakistan-deportations.txt"
        );
        let text = std::fs::read_to_string(path).expect("sample text");
        let (mut a, mut b) = (Vec::new(), Vec::new());
        fast.find(&text, &mut a);
        slow.find(&text, &mut b);
        assert!(a.len() > 20, "only {} matches", a.len());
        assert_eq!(a, b);
        for m in &a {
            assert_eq!(fast.match_entries(m), slow.match_entries(m));
            let (x, y) = (fast.entry(m.entry), slow.entry(m.entry));
            assert_eq!((&x.canonical_id, x.flags), (&y.canonical_id, y.flags));
            assert_eq!(fast.file_of(x), slow.file_of(y));
        }
        let asks: [Ask; 6] = [
            Gazetteer::is_given_name,
            Gazetteer::is_surname,
            Gazetteer::is_particle,
            Gazetteer::is_org_suffix,
            Gazetteer::is_title,
            Gazetteer::is_common_word,
        ];
        let mut yes = [0; 6];
        // Particles and company suffixes are rare in news prose.
        let extra = ["bin", "van", "Ltd", "GmbH", "Inc."];
        let words = text.split(|c: char| !c.is_alphanumeric());
        for word in words.chain(extra) {
            for (i, ask) in asks.iter().enumerate() {
                assert_eq!(ask(&fast, word), ask(&slow, word), "{word}");
                yes[i] += usize::from(ask(&fast, word));
            }
        }
        assert!(yes.iter().all(|&n| n > 0), "{yes:?}");
    }
}
