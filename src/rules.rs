//! Stage 3: token-pattern rules, read from rule files.
//!
//! A rule file holds word lists and rules (see `rules/README.md` for the
//! whole format). A rule matches a sequence of tokens against elements
//! that test token features, list membership or literal text, and marks
//! the entity part with brackets:
//!
//! ```text
//! list speech: said says told urged
//!
//! rule person.name_said
//!   type PERSON
//!   match [Cap&!Common Cap{1,2}] @speech
//!   example [Kivutha Kibwana] said the strike would go on.
//!   counter The Government said so.
//! ```
//!
//! `example` lines mark with brackets what the rule must find in them;
//! `counter` lines are sentences in which it must find nothing. Both run
//! as tests for the built-in rules and are checked when a user's rule
//! file is loaded, so a rule never ships with examples it fails.

use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;

use crate::annotation::EntityType;
use crate::error::{Error, ErrorKind, Result};
use crate::gazetteer::{load_le, lowercase, Gazetteer, WordKey};
use crate::segment::{Token, TokenKind};
use crate::span::Span;

/// The built-in rule files, compiled into the binary.
pub const DEFAULT_FILES: &[(&str, &str)] =
    &[("rules/entities.rules", include_str!("../rules/entities.rules"))];

/// Token features, one bit each.
pub mod feature {
    /// Starts with an uppercase letter and has a lowercase one (`Sharif`).
    pub const CAP: u64 = 1 << 0;
    /// Two or more letters, none lowercase (`UNHCR`, `ISLAMABAD`).
    pub const UPPER: u64 = 1 << 1;
    /// Starts with a lowercase letter.
    pub const LOWER: u64 = 1 << 2;
    /// A word token.
    pub const WORD: u64 = 1 << 3;
    /// A number token.
    pub const NUM: u64 = 1 << 4;
    /// A punctuation token.
    pub const PUNCT: u64 = 1 << 5;
    /// One uppercase letter followed directly by `.` (`J.`).
    pub const INITIAL: u64 = 1 << 6;
    /// The `.` right after an initial.
    pub const DOT: u64 = 1 << 7;
    /// A listed given name.
    pub const GIVEN: u64 = 1 << 8;
    /// A listed surname.
    pub const SURNAME: u64 = 1 << 9;
    /// A title or role word, or inside a multi-word title.
    pub const TITLE: u64 = 1 << 10;
    /// A name particle (`bin`, `al`, `van`).
    pub const PARTICLE: u64 = 1 << 11;
    /// A company legal suffix.
    pub const ORG_SUFFIX: u64 = 1 << 12;
    /// Lower-cased, a common English word.
    pub const COMMON: u64 = 1 << 13;
    /// The first token of a sentence (or of a line in it).
    pub const START: u64 = 1 << 14;
    /// Inside a gazetteer place.
    pub const LOC: u64 = 1 << 15;
    /// Inside a gazetteer organization.
    pub const ORG: u64 = 1 << 16;
    /// Inside a gazetteer person.
    pub const PER: u64 = 1 << 17;
    /// Inside a gazetteer nationality.
    pub const NAT: u64 = 1 << 18;
    /// Inside a date expression.
    pub const DATE: u64 = 1 << 19;
    /// A hyphenated word (`Timor-Leste`).
    pub const HYPHEN: u64 = 1 << 20;
    /// Directly after the previous token, no space (`’s` after a name).
    pub const ATTACHED: u64 = 1 << 21;
    /// The sentence is a headline: most words capitalized.
    pub const HEADLINE: u64 = 1 << 22;
    /// A whole number of one to three digits (a score, a small count).
    pub const SHORT_NUM: u64 = 1 << 23;
    /// Inside a gazetteer country (or continent).
    pub const COUNTRY: u64 = 1 << 24;
    /// The last token of a sentence (or of a line of a table).
    pub const END: u64 = 1 << 25;
    /// A word ending in a possessive `'s` or `’s` (`Flick's`).
    pub const POSS: u64 = 1 << 26;

    /// Names usable in `match` lines, and their bits.
    pub const NAMES: &[(&str, u64)] = &[
        ("Cap", CAP),
        ("Upper", UPPER),
        ("Lower", LOWER),
        ("Word", WORD),
        ("Num", NUM),
        ("Punct", PUNCT),
        ("Initial", INITIAL),
        ("Dot", DOT),
        ("Given", GIVEN),
        ("Surname", SURNAME),
        ("Title", TITLE),
        ("Particle", PARTICLE),
        ("OrgSuffix", ORG_SUFFIX),
        ("Common", COMMON),
        ("Start", START),
        ("Loc", LOC),
        ("Org", ORG),
        ("Per", PER),
        ("Nat", NAT),
        ("Date", DATE),
        ("Hyphen", HYPHEN),
        ("Attached", ATTACHED),
        ("Headline", HEADLINE),
        ("ShortNum", SHORT_NUM),
        ("Country", COUNTRY),
        ("End", END),
        ("Poss", POSS),
    ];
}

/// A test on one token.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Pred {
    /// All these feature bits set.
    Feat(u64),
    /// In this list.
    List(usize),
    /// Exactly this text (case-insensitive when written in lowercase).
    Lit(Box<str>),
    Not(Box<Pred>),
    And(Vec<Pred>),
    Or(Vec<Pred>),
}

/// A token's bits that compiled tests read: its features, its
/// membership in the first 64 lists, and which of the first 64 literals
/// it is.
type Bits = [u64; 3];
const FEATS: usize = 0;
const LISTS: usize = 1;
const LITS: usize = 2;

/// A [`Pred`] compiled to bit tests on a token's [`Bits`], so that a
/// rule test costs a few mask operations, not list lookups and string
/// comparisons.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Test {
    /// The bits under `care` equal `want`: required and excluded bits
    /// of a conjunction at once.
    Mask {
        care: Bits,
        want: Bits,
    },
    /// Some bit of the mask is set.
    Any(Bits),
    And(Vec<Test>),
    Or(Vec<Test>),
    Not(Box<Test>),
    /// A list or literal past the first 64, asked of the token's text.
    Text(Pred),
}

impl Test {
    fn bit(word: usize, bit: u64) -> Test {
        let mut m = [0; 3];
        m[word] = bit;
        Test::Mask { care: m, want: m }
    }

    /// Bits every token passing this test has.
    fn need(&self) -> Bits {
        match self {
            Test::Mask { want, .. } => *want,
            Test::Any(m) => {
                let ones: u32 = m.iter().map(|w| w.count_ones()).sum();
                if ones == 1 {
                    *m
                } else {
                    [0; 3]
                }
            }
            Test::And(ts) => ts.iter().fold([0; 3], |a, t| or3(a, t.need())),
            Test::Or(ts) => match ts.split_first() {
                Some((first, rest)) => {
                    rest.iter().fold(first.need(), |a, t| and3(a, t.need()))
                }
                None => [0; 3],
            },
            Test::Not(_) | Test::Text(_) => [0; 3],
        }
    }

    /// A mask every token passing this test has some bit of, when it
    /// has more than one bit (one bit is in [`Test::need`]).
    fn need_any(&self) -> Option<Bits> {
        match self {
            Test::Any(m)
                if m.iter().map(|w| w.count_ones()).sum::<u32>() > 1 =>
            {
                Some(*m)
            }
            Test::And(ts) => ts.iter().find_map(Test::need_any),
            // Alternatives that each need a word ("Free"&Cap|"liberal"):
            // one of their words, as a set of literals would.
            Test::Or(ts) if !ts.is_empty() => {
                let words = ts.iter().try_fold([0; 3], |acc, t| {
                    let word = t.need_word()?;
                    Some(or3(acc, word))
                })?;
                let ones: u32 = words.iter().map(|w| w.count_ones()).sum();
                (ones > 1).then_some(words)
            }
            _ => None,
        }
    }

    /// Words (of the lists' or the literals' bits) of which every token
    /// passing this test has one: a bit it needs, or a set of them.
    fn need_word(&self) -> Option<Bits> {
        let need = self.need();
        for w in [LITS, LISTS] {
            if need[w] != 0 {
                let mut bit = [0; 3];
                bit[w] = need[w] & need[w].wrapping_neg();
                return Some(bit);
            }
        }
        self.need_any().filter(|m| m[FEATS] == 0)
    }

    /// Bits no token passing this test has.
    fn forbid(&self) -> Bits {
        match self {
            Test::Mask { care, want } => {
                [care[0] & !want[0], care[1] & !want[1], care[2] & !want[2]]
            }
            Test::And(ts) => ts.iter().fold([0; 3], |a, t| or3(a, t.forbid())),
            Test::Or(ts) => match ts.split_first() {
                Some((first, rest)) => rest
                    .iter()
                    .fold(first.forbid(), |a, t| and3(a, t.forbid())),
                None => [0; 3],
            },
            Test::Any(_) | Test::Not(_) | Test::Text(_) => [0; 3],
        }
    }

    /// Every bit of a token this test reads (none of a text test).
    fn reads(&self) -> Bits {
        match self {
            Test::Mask { care, want } => or3(*care, *want),
            Test::Any(m) => *m,
            Test::And(ts) | Test::Or(ts) => {
                ts.iter().fold([0; 3], |a, t| or3(a, t.reads()))
            }
            Test::Not(t) => t.reads(),
            Test::Text(_) => [0; 3],
        }
    }

    /// Whether this test, or a part of it, asks the token's text.
    fn asks_text(&self) -> bool {
        match self {
            Test::Mask { .. } | Test::Any(_) => false,
            Test::And(ts) | Test::Or(ts) => ts.iter().any(Test::asks_text),
            Test::Not(t) => t.asks_text(),
            Test::Text(_) => true,
        }
    }

    /// The one bit this test requires, when that is all it does.
    fn single_bit(&self) -> Option<Bits> {
        match self {
            Test::Mask { care, want }
                if care == want
                    && care.iter().map(|w| w.count_ones()).sum::<u32>()
                        == 1 =>
            {
                Some(*care)
            }
            _ => None,
        }
    }
}

/// A token element of a rule, by its test's number in
/// [`RuleSet::tests`]: what matching on position masks reads.
#[derive(Clone, Copy, Debug)]
struct Step {
    id: usize,
    min: u8,
    max: u8,
}

/// A [`Step`] as [`Packed`] holds it: four bytes.
#[derive(Clone, Copy, Debug)]
struct PackedStep {
    id: u16,
    min: u8,
    max: u8,
}

/// What the rule filter and matching on position masks read of a rule,
/// in one cache line: a [`Rule`] spreads it over several lines beside
/// its id, pattern and examples, and three arrays of its own, which the
/// other stages' tables evict between documents. Offsets, lengths and
/// counts are clamped where a larger one would change nothing: a smaller
/// `min_len` only lets the filter pass a rule that then fails to match,
/// and key offsets past 255 reach past any row of masks as well.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C, align(64))]
struct RuleCore {
    need: Bits,
    forbid: Bits,
    /// [`Rule::key`]: its test's number, and its first and last offset;
    /// a last offset of 0 when the rule has no key (a key has one above
    /// 0).
    key_test: u16,
    /// Where the rule's steps, anchors and needed masks start in
    /// [`Packed`]'s arrays, and how many there are of each.
    starts: [u16; 3],
    lens: [u8; 3],
    key_lo: u8,
    key_hi: u8,
    /// [`Rule::min_len`], at most 255.
    min_len: u8,
    /// [`Rule::marks`].
    marks: [u8; 2],
}

const _: () = assert!(std::mem::size_of::<RuleCore>() == 64);

/// The [`RuleCore`] of every rule, and their steps, anchors (offset and
/// test) and needed masks, each rule's in a run.
#[derive(Clone, Debug, Default)]
struct Packed {
    cores: Vec<RuleCore>,
    steps: Vec<PackedStep>,
    anchors: Vec<(u16, u16)>,
    need_any: Vec<Bits>,
}

impl Packed {
    /// Packs `rules`; an error if a number outgrows its field (tests
    /// past 65,535, steps past 255, 65,535 steps in all).
    fn new(rules: &[Rule]) -> std::result::Result<Packed, String> {
        let mut p = Packed::default();
        let too_many = |what: &str| format!("too many {what} in the rules");
        let u16_of = |n: usize, what: &str| {
            u16::try_from(n).map_err(|_| too_many(what))
        };
        let clamp = |n: usize| u8::try_from(n).unwrap_or(u8::MAX);
        for r in rules {
            let starts = [
                u16_of(p.steps.len(), "steps")?,
                u16_of(p.anchors.len(), "anchors")?,
                u16_of(p.need_any.len(), "needed masks")?,
            ];
            for s in &r.steps {
                let id = u16_of(s.id, "tests")?;
                p.steps.push(PackedStep { id, min: s.min, max: s.max });
            }
            for &(offset, id) in &r.anchors {
                p.anchors
                    .push((u16_of(offset, "steps")?, u16_of(id, "tests")?));
            }
            p.need_any.extend_from_slice(&r.need_any);
            let len =
                |n: usize| u8::try_from(n).map_err(|_| too_many("steps"));
            let (key_test, key_lo, key_hi) = match r.key {
                Some((lo, hi, id)) => {
                    (u16_of(id, "tests")?, clamp(lo), clamp(hi))
                }
                None => (0, 0, 0),
            };
            p.cores.push(RuleCore {
                need: r.need,
                forbid: r.forbid,
                key_test,
                key_lo,
                key_hi,
                min_len: clamp(r.min_len),
                starts,
                lens: [
                    len(r.steps.len())?,
                    len(r.anchors.len())?,
                    len(r.need_any.len())?,
                ],
                marks: [len(r.marks.0)?, len(r.marks.1)?],
            });
        }
        u16_of(p.steps.len(), "steps")?;
        u16_of(p.anchors.len(), "anchors")?;
        u16_of(p.need_any.len(), "needed masks")?;
        Ok(p)
    }

    fn steps(&self, c: &RuleCore) -> &[PackedStep] {
        let at = usize::from(c.starts[0]);
        &self.steps[at..at + usize::from(c.lens[0])]
    }

    fn anchors(&self, c: &RuleCore) -> &[(u16, u16)] {
        let at = usize::from(c.starts[1]);
        &self.anchors[at..at + usize::from(c.lens[1])]
    }

    fn need_any(&self, c: &RuleCore) -> &[Bits] {
        let at = usize::from(c.starts[2]);
        &self.need_any[at..at + usize::from(c.lens[2])]
    }
}

/// One element of a pattern.
#[derive(Clone, Debug)]
enum Elem {
    /// `id`: the test's number in [`RuleSet::tests`].
    Tok {
        pred: Pred,
        test: Test,
        id: usize,
        min: u8,
        max: u8,
    },
    Open,
    Close,
}

/// A compiled rule.
#[derive(Clone, Debug)]
pub struct Rule {
    /// The rule id, written to the `source` column as `rule:ID`.
    pub id: String,
    /// The entity type it marks.
    pub kind: EntityType,
    /// Higher wins when rules overlap.
    pub priority: i32,
    elems: Vec<Elem>,
    /// Tests that tokens at fixed offsets from a match start must pass
    /// (the elements before them match a fixed number of tokens): a
    /// start failing one cannot match. Tests by their number in
    /// [`RuleSet::tests`].
    anchors: Vec<(usize, usize)>,
    /// The most selective element a match needs, with the first and last
    /// offset from the match start it can be at: starts with no token
    /// passing it in that window are skipped. The test by its number.
    key: Option<(usize, usize, usize)>,
    /// Bits that some token of a sentence must have for the rule to
    /// match there (each needed element requires them of its token).
    need: Bits,
    /// Bits that, set on every token of a sentence, rule it out (a
    /// needed element requires them clear).
    forbid: Bits,
    /// Masks some token of a sentence must have a bit of, one for each
    /// needed element passing on any of several bits (`("v"|"vs")`).
    need_any: Vec<Bits>,
    /// The fewest tokens a match spans.
    min_len: usize,
    /// The token elements, in order, for matching on position masks.
    steps: Vec<Step>,
    /// How many steps come before the `[` and before the `]`.
    marks: (usize, usize),
    /// Example sentences with bracketed expected entities.
    pub examples: Vec<String>,
    /// Sentences in which the rule must find nothing.
    pub counters: Vec<String>,
    /// Where it was defined, for messages.
    pub origin: (PathBuf, u64),
}

/// A rule's finding.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct RuleMatch {
    /// The marked span.
    pub span: Span,
    /// Its type.
    pub kind: EntityType,
    /// The rule's index in [`RuleSet::rules`].
    pub rule: u32,
    /// The rule's priority.
    pub priority: i32,
}

/// A word list from a rule file.
#[derive(Clone, Debug, Default)]
struct WordList {
    /// Entries written with a capital: matched exactly.
    exact: HashSet<Box<str>>,
    /// Entries written in lowercase: matched in any case.
    folded: HashSet<Box<str>>,
}

impl WordList {
    fn contains(&self, word: &str) -> bool {
        if self.exact.contains(word) {
            return true;
        }
        if self.folded.is_empty() {
            return false;
        }
        if word.bytes().all(|b| b.is_ascii_lowercase()) {
            return self.folded.contains(word);
        }
        self.folded.contains(word.to_lowercase().as_str())
    }
}

/// The words of the first 64 lists and the first 64 literals in one
/// map, so that a token's list and literal bits take one or two lookups,
/// not one per list and literal. Each word has four masks: lists holding
/// it as written with a capital (matched exactly), lists holding it in
/// lowercase (matched in any case), literals written with a capital
/// (exactly) and in lowercase (ignoring ASCII case).
///
/// Literals past the first 64 borrow the list bits no list has, from
/// bit 63 down (see [`TokenIndex::spilled`]): a literal without a bit
/// is a text test, asked of every token and keying no rule.
#[derive(Clone, Debug, Default)]
struct TokenIndex {
    words: FxHashMap<Box<[u8]>, [u64; 4]>,
    /// Literals numbered so far, and whether they match exactly.
    lits: Vec<(Box<str>, bool)>,
    /// How many lists have a bit: the first ones, up to where the
    /// literals' borrowed bits start.
    bit_lists: usize,
    /// The list bits lent to literals past the first 64: literal number
    /// `64 + k` has bit `63 - k`. Their words are in the lists' columns
    /// of `words`, which answer as literals do for ASCII words;
    /// [`TokenIndex::token_bits`] asks them as literals of other words.
    spilled: u64,
    /// The short ASCII words of `words`, by their lowercase form, for
    /// the common case of [`TokenIndex::token_bits`]: filled by
    /// [`TokenIndex::seal`] once every rule file is read.
    short: ShortWords,
    /// The list and literal bits of each one-byte ASCII token
    /// (punctuation, digits, `a`), many of all tokens, answered without
    /// hashing. Filled by [`TokenIndex::seal`].
    single: Vec<(u64, u64)>,
}

/// Short ASCII words keyed by their lowercase form, so that a token's
/// list and literal bits take one probe of a small open-addressing
/// table (its exact and case-folded entries share a slot), not two
/// general hash-map lookups.
#[derive(Clone, Debug, Default)]
struct ShortWords {
    /// Per slot, 0 when free, else a tag of the key's hash (high half)
    /// and the entry number plus one (low half).
    slots: Vec<u64>,
    /// How far to shift a hash right to get its slot.
    shift: u32,
    entries: Vec<ShortEntry>,
    /// Words written with a capital, matched exactly: their bytes,
    /// zero-padded, and their list and literal bits.
    exact: Vec<([u64; 4], u64, u64)>,
}

#[derive(Clone, Debug)]
struct ShortEntry {
    /// The lowercase word, zero-padded, as [`AsciiWord`] reads it.
    key: [u64; 4],
    len: usize,
    /// Bits of the lists and literals holding the word in lowercase.
    lists: u64,
    lits: u64,
    /// Its spellings with capitals: a range of [`ShortWords::exact`].
    exact: std::ops::Range<u32>,
}

/// Words up to this many bytes go in [`ShortWords`].
const SHORT_WORD: usize = 32;

impl ShortWords {
    /// The slot holding `key` (a lowercase word), or the free slot where
    /// it would go. Keys carry the gazetteer's word hash, so that a
    /// token hashed once is looked up in both.
    #[inline(always)]
    fn slot(&self, key: &WordKey) -> usize {
        let mask = self.slots.len() - 1;
        let h = key.hash;
        let mut at = (h >> self.shift) as usize & mask;
        loop {
            let s = self.slots[at];
            if s == 0 {
                return at;
            }
            if s >> 32 == h & 0xffff_ffff {
                let entry = &self.entries[(s & 0xffff_ffff) as usize - 1];
                if entry.len == key.len && entry.key == key.words {
                    return at;
                }
            }
            at = (at + 1) & mask;
        }
    }

    /// Builds the table from the index's words.
    fn new(words: &FxHashMap<Box<[u8]>, [u64; 4]>) -> ShortWords {
        let mut keys: Vec<(&[u8], &[u64; 4])> = words
            .iter()
            .filter(|(w, _)| w.len() <= SHORT_WORD && w.is_ascii())
            .map(|(w, bits)| (&**w, bits))
            .collect();
        // Sorted so that exact spellings of one word sit together.
        keys.sort_unstable_by_key(|&(w, _)| (w.to_ascii_lowercase(), w));
        let size = (keys.len() * 2).next_power_of_two().max(8);
        let mut short = ShortWords {
            slots: vec![0; size],
            shift: 64 - size.trailing_zeros(),
            ..ShortWords::default()
        };
        for (w, bits) in keys {
            let word = AsciiWord::read(w);
            if !word.ascii {
                continue;
            }
            let key = word.lower;
            let at = short.slot(&key);
            if short.slots[at] == 0 {
                let n = short.exact.len() as u32;
                short.entries.push(ShortEntry {
                    key: key.words,
                    len: w.len(),
                    lists: 0,
                    lits: 0,
                    exact: n..n,
                });
                short.slots[at] = key.hash << 32 | short.entries.len() as u64;
            }
            let e = (short.slots[at] & 0xffff_ffff) as usize - 1;
            let entry = &mut short.entries[e];
            entry.lists |= bits[1];
            entry.lits |= bits[3];
            if bits[0] | bits[2] != 0 {
                short.exact.push((word.bytes, bits[0], bits[2]));
                entry.exact.end = short.exact.len() as u32;
            }
        }
        short
    }

    /// The list and literal bits of a word (ASCII, at most
    /// [`SHORT_WORD`] bytes, zero-padded `word`), given the key of its
    /// lowercase form `lower`: the case-folded entries of `lower` and
    /// the exact ones of `word`.
    #[inline(always)]
    fn get(&self, word: &[u64; 4], lower: &WordKey) -> (u64, u64) {
        if self.slots.is_empty() {
            return (0, 0);
        }
        let s = self.slots[self.slot(lower)];
        if s == 0 {
            return (0, 0);
        }
        let entry = &self.entries[(s & 0xffff_ffff) as usize - 1];
        let (mut lists, mut lits) = (entry.lists, entry.lits);
        if !entry.exact.is_empty() {
            let exact = entry.exact.start as usize..entry.exact.end as usize;
            // A spelling of the same lowercase word has its length.
            for (w, l, t) in &self.exact[exact] {
                if w == word {
                    lists |= l;
                    lits |= t;
                }
            }
        }
        (lists, lits)
    }
}

impl TokenIndex {
    fn add_word(&mut self, list: usize, word: &str, exact: bool) {
        let bits = self.words.entry(word.as_bytes().into()).or_default();
        bits[usize::from(!exact)] |= 1 << list;
    }

    /// Gives the list just made, number `idx`, a bit when one is free
    /// (lists get bits in order, below those lent to literals).
    fn new_list(&mut self, idx: usize) {
        let lent = self.spilled.count_ones() as usize;
        if idx == self.bit_lists && idx + lent < 64 {
            self.bit_lists += 1;
        }
    }

    /// The literal's bit, as the word of a token's [`Bits`] and the bit
    /// in it: one of the literals' word for the first 64, a list bit no
    /// list has past them, `None` when no bit is left.
    fn lit(&mut self, lit: &str) -> Option<(usize, u64)> {
        let exact = lit.chars().any(char::is_uppercase);
        let at = match self.lits.iter().position(|l| &*l.0 == lit) {
            Some(at) => at,
            None => {
                self.lits.push((lit.into(), exact));
                self.lits.len() - 1
            }
        };
        let (word, bit) = if at < 64 {
            (LITS, 1 << at)
        } else {
            // Literals are numbered in order and lists take bits from
            // the bottom, so the lent bits stay one run from the top.
            let bit = 127usize.checked_sub(at)?;
            if self.spilled & 1 << bit == 0 {
                if bit < self.bit_lists
                    || at - 64 != self.spilled.count_ones() as usize
                {
                    return None;
                }
                self.spilled |= 1 << bit;
            }
            (LISTS, 1 << bit)
        };
        let bits = self.words.entry(lit.as_bytes().into()).or_default();
        // Exact and case-folded columns: the literals' or the lists'.
        let column = if word == LITS { 2 } else { 0 };
        bits[column + usize::from(!exact)] |= bit;
        Some((word, bit))
    }

    /// Builds the table of short words: call once every word and
    /// literal is in.
    fn seal(&mut self) {
        self.short = ShortWords::new(&self.words);
        self.single = (0..128u8)
            .map(|c| {
                let word = AsciiWord::read(&[c]);
                self.short.get(&word.bytes, &word.lower)
            })
            .collect();
    }

    fn get(&self, word: &str) -> [u64; 4] {
        self.get_bytes(word.as_bytes())
    }

    fn get_bytes(&self, word: &[u8]) -> [u64; 4] {
        self.words.get(word).copied().unwrap_or_default()
    }

    /// The bits of the lists that contain `word`, as
    /// [`WordList::contains`] answers for each.
    fn list_bits(&self, word: &str) -> u64 {
        let [exact, folded, ..] = self.get(word);
        let lower = lowercase(word);
        if &*lower == word {
            return exact | folded;
        }
        exact | self.get(&lower)[1]
    }

    /// [`TokenIndex::token_bits`] of a short ASCII token `b`, read as
    /// `word`.
    #[inline(always)]
    fn short_list_bits(&self, b: &[u8], word: &AsciiWord) -> ListBits {
        let lower = &word.lower;
        let (mut lists, mut lits) = self.short.get(&word.bytes, lower);
        if b.ends_with(b"'s") {
            let n = b.len() - 2;
            let bare = WordKey::new(truncate(lower.words, n), n);
            let (l, t) = self.short.get(&truncate(word.bytes, n), &bare);
            lists |= l;
            lits |= t;
        }
        ListBits { lists, lits }
    }

    /// [`TokenIndex::token_bits`] as [`ListBits`].
    fn list_bits_of(&self, w: &str) -> ListBits {
        let (lists, lits) = self.token_bits(w);
        ListBits { lists, lits }
    }

    /// [`TokenIndex::list_bits_of`] the token at `span`, without a call
    /// for a one-byte token (punctuation, most of the tokens not words).
    #[inline(always)]
    fn token_list_bits(&self, text: &str, span: Span) -> ListBits {
        if let [c] = text.as_bytes()[span.range()] {
            if let Some(&(lists, lits)) = self.single.get(usize::from(c)) {
                return ListBits { lists, lits };
            }
        }
        self.list_bits_of(span.of(text))
    }

    /// A token's list bits (its text's or, for a possessive, its bare
    /// word's) and literal bits, as `Ctx::text_test` answers them.
    fn token_bits(&self, w: &str) -> (u64, u64) {
        let b = w.as_bytes();
        if let [c] = *b {
            if let Some(&bits) = self.single.get(usize::from(c)) {
                return bits;
            }
        }
        // Short ASCII, nearly every token: lowercase once, on the stack,
        // and probe the short-word table once.
        let word = AsciiWord::read(b);
        if word.ascii {
            let l = self.short_list_bits(b, &word);
            return (l.lists, l.lits);
        }
        let e = self.get(w);
        let (mut lists, mut lits) = (e[0], e[2]);
        if w.is_ascii() {
            if w.bytes().any(|b| b.is_ascii_uppercase()) {
                // Unicode and ASCII lowercasing agree on ASCII.
                let l = self.get(&lowercase(w));
                lists |= l[1];
                lits |= l[3];
            } else {
                lists |= e[1];
                lits |= e[3];
            }
        } else {
            // Lent list bits match as literals: ignoring only ASCII case.
            let folded = self.get(&w.to_ascii_lowercase());
            let as_lits = (e[0] | folded[1]) & self.spilled;
            lists = self.list_bits(w) & !self.spilled | as_lits;
            lits |= folded[3];
        }
        let bare = strip_possessive(w);
        if bare.len() != w.len() {
            let (bare_lists, bare_lits) = self.token_bits(bare);
            lists |= self.list_bits(bare) & !self.spilled
                | bare_lists & self.spilled;
            lits |= bare_lits;
        }
        (lists, lits)
    }
}

/// Rules and lists, compiled.
#[derive(Clone, Debug, Default)]
pub struct RuleSet {
    rules: Vec<Rule>,
    lists: Vec<WordList>,
    list_names: HashMap<String, usize>,
    index: TokenIndex,
    filter: RuleFilter,
    packed: Packed,
    /// The distinct tests of all rules' elements, numbered, so that a
    /// sentence computes each one's position mask once for all rules.
    tests: Vec<Test>,
    /// The number of each test of `tests`.
    test_ids: FxHashMap<Test, usize>,
    /// The bits some test reads: position masks need rows for no
    /// others (no rule asks for `Word` or `Attached`, which most tokens
    /// have).
    reads: Bits,
    /// Whether some test asks a token's text: then sentences run one by
    /// one, not packed (a text test reads the sentence's own tokens).
    text_tests: bool,
}

/// A token's membership in the first 64 word lists and which of the
/// first 64 literals it is: what [`RuleSet::features_and_lists`] looks
/// up once per token for [`RuleSet::run_sentences`].
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub struct ListBits {
    lists: u64,
    lits: u64,
}

/// Builds a [`RuleSet`] from the built-in rules and user rule files.
#[derive(Clone, Debug)]
pub struct RuleSetBuilder {
    defaults: bool,
    files: Vec<(PathBuf, String)>,
}

impl Default for RuleSetBuilder {
    fn default() -> RuleSetBuilder {
        RuleSetBuilder::new()
    }
}

impl RuleSetBuilder {
    /// Feeds what this builder will build from into `h`: the default
    /// rule files' text when they are on, and every user file's name and
    /// text.
    pub fn digest_into(&self, h: &mut impl sha2::Digest) {
        let defaults = DEFAULT_FILES.iter().filter(|_| self.defaults);
        let user = self.files.iter().map(|(p, t)| (p.to_str(), t.as_str()));
        for (name, text) in defaults.map(|(n, t)| (Some(*n), *t)).chain(user) {
            h.update(b"\0rules\0");
            h.update(name.unwrap_or("?"));
            h.update(b"\0");
            h.update(text);
        }
    }

    /// A builder with the built-in rules.
    pub fn new() -> RuleSetBuilder {
        RuleSetBuilder { defaults: true, files: Vec::new() }
    }

    /// Whether to include the built-in rules (on by default).
    pub fn defaults(&mut self, yes: bool) -> &mut RuleSetBuilder {
        self.defaults = yes;
        self
    }

    /// Adds a rule file.
    ///
    /// # Errors
    ///
    /// Returns an error naming the file when it cannot be read.
    pub fn add_file(&mut self, path: &Path) -> Result<&mut RuleSetBuilder> {
        let text =
            std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        self.files.push((path.to_path_buf(), text));
        Ok(self)
    }

    /// Adds rules from a string named `name` in messages.
    pub fn add_str(
        &mut self,
        name: impl Into<PathBuf>,
        text: impl Into<String>,
    ) -> &mut RuleSetBuilder {
        self.files.push((name.into(), text.into()));
        self
    }

    /// Parses every file.
    ///
    /// # Errors
    ///
    /// Returns an error naming the file and line of the first bad line.
    pub fn build(&self) -> Result<RuleSet> {
        let mut set = RuleSet::default();
        if self.defaults {
            for (name, text) in DEFAULT_FILES {
                set.parse(Path::new(name), text)?;
            }
        }
        for (path, text) in &self.files {
            set.parse(path, text)?;
        }
        set.index.seal();
        set.filter = RuleFilter::new(&set.rules);
        set.packed = Packed::new(&set.rules).map_err(Error::config)?;
        set.reads = set.tests.iter().fold([0; 3], |a, t| or3(a, t.reads()));
        set.text_tests = set.tests.iter().any(Test::asks_text);
        Ok(set)
    }
}

fn rule_err(path: &Path, line: u64, message: impl Into<String>) -> Error {
    Error::from(ErrorKind::Rule {
        path: path.to_path_buf(),
        line,
        message: message.into(),
    })
}

impl RuleSet {
    /// The rules, in file order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    fn parse(&mut self, path: &Path, text: &str) -> Result<()> {
        let mut current: Option<(Rule, Option<String>)> = None;
        let mut current_list: Option<usize> = None;
        for (i, raw) in text.lines().enumerate() {
            let n = i as u64 + 1;
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let indented = raw.starts_with(' ') || raw.starts_with('\t');
            if !indented {
                self.finish_rule(current.take(), path)?;
                current_list = None;
                let (head, rest) = line.split_once(' ').unwrap_or((line, ""));
                match head {
                    "rule" => {
                        let id = rest.trim();
                        if id.is_empty() || id.contains(char::is_whitespace) {
                            return Err(rule_err(path, n, "a rule needs one id: `rule person.title_name`"));
                        }
                        if self.rules.iter().any(|r| r.id == id) {
                            return Err(rule_err(path, n, format!("rule {id:?} is defined twice")));
                        }
                        current = Some((
                            Rule {
                                id: id.to_string(),
                                kind: EntityType::Person,
                                priority: 0,
                                elems: Vec::new(),
                                anchors: Vec::new(),
                                key: None,
                                need: [0; 3],
                                forbid: [0; 3],
                                need_any: Vec::new(),
                                min_len: 0,
                                steps: Vec::new(),
                                marks: (0, 0),
                                examples: Vec::new(),
                                counters: Vec::new(),
                                origin: (path.to_path_buf(), n),
                            },
                            None,
                        ));
                    }
                    "list" => {
                        let (name, words) =
                            rest.split_once(':').unwrap_or((rest, ""));
                        let name = name.trim();
                        if name.is_empty() {
                            return Err(rule_err(path, n, "a list needs a name: `list speech: said told`"));
                        }
                        let idx = match self.list_names.get(name) {
                            Some(&i) => i,
                            None => {
                                self.lists.push(WordList::default());
                                let idx = self.lists.len() - 1;
                                self.list_names.insert(name.to_string(), idx);
                                self.index.new_list(idx);
                                idx
                            }
                        };
                        self.add_words(idx, words);
                        current_list = Some(idx);
                    }
                    _ => {
                        return Err(rule_err(path, n, format!("expected `rule ID` or `list NAME: words`, found {line:?}")))
                    }
                }
                continue;
            }
            if let Some(idx) = current_list {
                self.add_words(idx, line);
                continue;
            }
            let Some((rule, type_seen)) = current.as_mut() else {
                return Err(rule_err(
                    path,
                    n,
                    "indented line outside a rule or list",
                ));
            };
            let (key, value) =
                line.split_once(char::is_whitespace).unwrap_or((line, ""));
            let value = value.trim();
            match key {
                "type" => {
                    rule.kind = EntityType::parse(value).ok_or_else(|| {
                        rule_err(path, n, format!("unknown type {value:?}"))
                    })?;
                    *type_seen = Some(value.to_string());
                }
                "priority" => {
                    rule.priority = value.parse().map_err(|_| {
                        rule_err(path, n, format!("priority {value:?} is not an integer"))
                    })?;
                }
                "match" => {
                    rule.elems = self
                        .parse_pattern(value)
                        .map_err(|m| rule_err(path, n, m))?;
                }
                "example" => rule.examples.push(value.to_string()),
                "counter" => rule.counters.push(value.to_string()),
                _ => {
                    return Err(rule_err(path, n, format!("unknown key {key:?} (expected type, match, priority, example, counter)")))
                }
            }
        }
        self.finish_rule(current.take(), path)
    }

    fn add_words(&mut self, idx: usize, words: &str) {
        for w in words.split_whitespace() {
            let w = w.replace('_', " ");
            let exact = w.chars().any(char::is_uppercase);
            if idx < self.index.bit_lists {
                self.index.add_word(idx, &w, exact);
            }
            if exact {
                self.lists[idx].exact.insert(w.into());
            } else {
                self.lists[idx].folded.insert(w.into());
            }
        }
    }

    fn finish_rule(
        &mut self,
        rule: Option<(Rule, Option<String>)>,
        path: &Path,
    ) -> Result<()> {
        let Some((rule, type_seen)) = rule else { return Ok(()) };
        let line = rule.origin.1;
        if type_seen.is_none() {
            return Err(rule_err(
                path,
                line,
                format!("rule {:?} has no `type`", rule.id),
            ));
        }
        if rule.elems.is_empty() {
            return Err(rule_err(
                path,
                line,
                format!("rule {:?} has no `match`", rule.id),
            ));
        }
        let mut rule = rule;
        for e in &mut rule.elems {
            if let Elem::Tok { pred, test, id, .. } = e {
                *test = self.index.compile(pred);
                let next = self.tests.len();
                *id = *self.test_ids.entry(test.clone()).or_insert(next);
                if *id == next {
                    self.tests.push(test.clone());
                }
            }
        }
        for e in &rule.elems {
            match *e {
                Elem::Tok { id, min, max, .. } => {
                    rule.steps.push(Step { id, min, max });
                }
                Elem::Open => rule.marks.0 = rule.steps.len(),
                Elem::Close => rule.marks.1 = rule.steps.len(),
            }
        }
        let mut offset = 0;
        for e in &rule.elems {
            if let Elem::Tok { id, min, max, .. } = e {
                if *min >= 1 {
                    rule.anchors.push((offset, *id));
                }
                if min != max {
                    break;
                }
                offset += usize::from(*min);
            }
        }
        let tests = &self.tests;
        rule.anchors
            .sort_by_key(|&(_, t)| std::cmp::Reverse(selectivity(&tests[t])));
        let (mut lo, mut hi) = (0, 0);
        let mut best: Option<(u32, usize, usize, usize)> = None;
        for e in &rule.elems {
            if let Elem::Tok { test, id, min, max, .. } = e {
                let score = selectivity(test);
                let better = best.is_none_or(|b| {
                    score > b.0 || score == b.0 && hi - lo < b.2 - b.1
                });
                if *min >= 1 && better {
                    best = Some((score, lo, hi, *id));
                }
                lo += usize::from(*min);
                hi += usize::from(*max);
            }
        }
        for e in &rule.elems {
            if let Elem::Tok { test, min, .. } = e {
                if *min >= 1 {
                    let (need, forbid) = (test.need(), test.forbid());
                    for k in 0..3 {
                        rule.need[k] |= need[k];
                        rule.forbid[k] |= forbid[k];
                    }
                    if let Some(m) = test.need_any() {
                        rule.need_any.push(m);
                    }
                }
                rule.min_len += usize::from(*min);
            }
        }
        // A key at offset 0 is an anchor already.
        rule.key =
            best.filter(|b| b.2 > 0).map(|(_, lo, hi, id)| (lo, hi, id));
        self.rules.push(rule);
        Ok(())
    }

    fn parse_pattern(
        &self,
        src: &str,
    ) -> std::result::Result<Vec<Elem>, String> {
        let mut p = PatternParser { src: src.as_bytes(), at: 0, set: self };
        let mut elems = Vec::new();
        let (mut opens, mut closes) = (0, 0);
        loop {
            p.skip_space();
            let Some(c) = p.peek() else { break };
            match c {
                b'[' => {
                    p.at += 1;
                    opens += 1;
                    elems.push(Elem::Open);
                }
                b']' => {
                    p.at += 1;
                    closes += 1;
                    elems.push(Elem::Close);
                }
                _ => {
                    let pred = p.conj()?;
                    let (min, max) = p.quant()?;
                    // Compiled when the rule is complete.
                    let test = Test::And(Vec::new());
                    elems.push(Elem::Tok { pred, test, id: 0, min, max });
                }
            }
        }
        if opens > 1 || opens != closes {
            return Err("a pattern needs at most one `[ ... ]` pair marking the entity".into());
        }
        if opens == 0 {
            elems.insert(0, Elem::Open);
            elems.push(Elem::Close);
        }
        Ok(elems)
    }

    /// Computes token features for a document: `out[i]` for `tokens[i]`.
    pub fn features(
        &self,
        text: &str,
        tokens: &[Token],
        sentence_starts: &[usize],
        gazetteer: Option<&Gazetteer>,
        out: &mut Vec<u64>,
    ) {
        self.features_with(
            text,
            tokens,
            sentence_starts,
            gazetteer,
            out,
            None,
            None,
        );
    }

    /// [`RuleSet::features`], and each token's list and literal bits in
    /// `lists` for [`RuleSet::run_sentences`]: every word is looked up once
    /// per document, in the pass that lowercases it for the gazetteer.
    pub fn features_and_lists(
        &self,
        text: &str,
        tokens: &[Token],
        sentence_starts: &[usize],
        gazetteer: Option<&Gazetteer>,
        feats: &mut Vec<u64>,
        lists: &mut Vec<ListBits>,
    ) {
        lists.clear();
        lists.reserve(tokens.len());
        self.features_with(
            text,
            tokens,
            sentence_starts,
            gazetteer,
            feats,
            Some(lists),
            None,
        );
    }

    /// [`RuleSet::features_and_lists`] with `gazetteer`, answering words
    /// met before from `cache` instead of reading and looking them up
    /// again: most words of news text repeat (within an article and
    /// across articles), and a capitalized one costs two probes of
    /// multi-MB word tables. `cache` must only ever be used with this
    /// rule set and this gazetteer (see [`WordCache::claim`]).
    #[allow(clippy::too_many_arguments)]
    pub fn features_and_lists_cached(
        &self,
        text: &str,
        tokens: &[Token],
        sentence_starts: &[usize],
        gazetteer: &Gazetteer,
        feats: &mut Vec<u64>,
        lists: &mut Vec<ListBits>,
        cache: &mut WordCache,
    ) {
        lists.clear();
        lists.reserve(tokens.len());
        self.features_with(
            text,
            tokens,
            sentence_starts,
            Some(gazetteer),
            feats,
            Some(lists),
            Some(cache),
        );
    }

    #[allow(clippy::too_many_arguments)]
    fn features_with(
        &self,
        text: &str,
        tokens: &[Token],
        sentence_starts: &[usize],
        gazetteer: Option<&Gazetteer>,
        out: &mut Vec<u64>,
        mut lists: Option<&mut Vec<ListBits>>,
        mut cache: Option<&mut WordCache>,
    ) {
        use feature::*;
        out.clear();
        if let Some(cache) = cache.as_deref_mut() {
            cache.ready();
        }
        out.reserve(tokens.len());
        let bytes = text.as_bytes();
        for (i, t) in tokens.iter().enumerate() {
            // Bytes, without the char-boundary checks of a `str` slice
            // (spans are on boundaries): the text only where needed.
            let b = &bytes[t.span.range()];
            let attached = if i > 0 && !t.space_before { ATTACHED } else { 0 };
            let f = match t.kind {
                TokenKind::Word => match (&mut cache, &mut lists) {
                    (Some(cache), Some(lists)) => {
                        let key = CacheKey::read_in(bytes, t.span);
                        // The miss path inline: out of line, its captures
                        // were stored for every word, hits too.
                        cache.features(
                            key,
                            lists,
                            #[inline(always)]
                            |lists| {
                                let lists = Some(lists);
                                self.word_features(
                                    text, tokens, i, gazetteer, lists,
                                )
                            },
                        )
                    }
                    _ => {
                        let lists = lists.as_deref_mut();
                        self.word_features(text, tokens, i, gazetteer, lists).0
                    }
                },
                // A number of one digit is looked up in a small table
                // already.
                TokenKind::Number if b.len() > 1 => {
                    match (&mut cache, &mut lists) {
                        (Some(cache), Some(lists)) => {
                            let key = CacheKey::read_in(bytes, t.span)
                                .map(CacheKey::of_number);
                            cache.features(
                                key,
                                lists,
                                #[inline(always)]
                                |lists| {
                                    let lists = Some(lists);
                                    (
                                        self.number_features(
                                            text, t.span, lists,
                                        ),
                                        true,
                                    )
                                },
                            )
                        }
                        _ => {
                            let lists = lists.as_deref_mut();
                            self.number_features(text, t.span, lists)
                        }
                    }
                }
                TokenKind::Number => {
                    let lists = lists.as_deref_mut();
                    self.number_features(text, t.span, lists)
                }
                TokenKind::Punct => {
                    if let Some(lists) = lists.as_deref_mut() {
                        lists.push(self.index.token_list_bits(text, t.span));
                    }
                    if b == b"."
                        && i > 0
                        && tokens[i - 1].span.end == t.span.start
                    {
                        PUNCT | dot_after_initial(text, tokens[i - 1].span)
                    } else {
                        PUNCT
                    }
                }
            };
            out.push(f | attached);
        }
        if let Some(last) = out.last_mut() {
            *last |= END;
        }
        // Only sentence starts: in hard-wrapped copy a line start is not
        // one, and the segmenter has already split headlines. Marked
        // after the pass, not looked for at each token: a start below
        // one already met is passed over, as a walk along the tokens
        // would.
        let mut reached = 0;
        for &st in sentence_starts {
            if st < reached {
                continue;
            }
            reached = st;
            if st < out.len() {
                out[st] |= START;
                if st > 0 {
                    out[st - 1] |= END;
                }
            }
        }
        mark_headlines(text, tokens, sentence_starts, out);
    }

    /// The features of word token `i`, pushing its list and literal bits
    /// to `lists`, and whether they are its text's alone (every word's
    /// but a lone capital's, which asks whether a `.` follows).
    #[inline(always)]
    fn word_features(
        &self,
        text: &str,
        tokens: &[Token],
        i: usize,
        gazetteer: Option<&Gazetteer>,
        lists: Option<&mut Vec<ListBits>>,
    ) -> (u64, bool) {
        let span = tokens[i].span;
        let bytes = text.as_bytes();
        // Short ASCII, nearly every word: its shape and lowercase form
        // from one pass over its bytes.
        let word = AsciiWord::read_in(bytes, span);
        if word.ascii {
            let b = &bytes[span.range()];
            let lone_capital = (word.bytes[0] as u8).is_ascii_uppercase()
                && !word.has_lower
                && word.letters < 2;
            let f = self.ascii_word_features(
                text, tokens, i, b, &word, gazetteer, lists,
            );
            (f, !lone_capital)
        } else {
            let f =
                self.other_word_features(text, tokens, i, gazetteer, lists);
            (f, false)
        }
    }

    /// The features of the number token at `span`, pushing its list and
    /// literal bits to `lists`.
    #[inline(always)]
    fn number_features(
        &self,
        text: &str,
        span: Span,
        lists: Option<&mut Vec<ListBits>>,
    ) -> u64 {
        use feature::*;
        if let Some(lists) = lists {
            lists.push(self.index.token_list_bits(text, span));
        }
        let b = &text.as_bytes()[span.range()];
        let short = b.len() <= 3 && b.iter().all(u8::is_ascii_digit);
        NUM | if short { SHORT_NUM } else { 0 }
    }

    /// The features of word token `i`, of bytes `b` read as `word`
    /// (short ASCII), pushing its list and literal bits to `lists`: the
    /// path nearly every word takes, kept short, the rare cases out of
    /// line.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn ascii_word_features(
        &self,
        text: &str,
        tokens: &[Token],
        i: usize,
        b: &[u8],
        word: &AsciiWord,
        gazetteer: Option<&Gazetteer>,
        lists: Option<&mut Vec<ListBits>>,
    ) -> u64 {
        use feature::*;
        let span = tokens[i].span;
        let first = word.bytes[0] as u8;
        let mut f = WORD;
        if first.is_ascii_uppercase() {
            f |= if word.has_lower {
                CAP
            } else if word.letters >= 2 {
                UPPER
            } else {
                initial_or_cap(text, tokens, i)
            };
        } else if first.is_ascii_lowercase() {
            f |= LOWER;
        }
        if b.ends_with(b"'s") {
            f |= POSS;
        }
        if word.hyphen {
            let s = span.of(text);
            f = hyphenated(f, s);
            if let Some(g) = gazetteer {
                f |= hyphenated_title(g, s, f) | hyphenated_given(g, s, f);
            }
        }
        // One hash of the lowercase word, in `word`, for the lists and
        // the gazetteer.
        if let Some(lists) = lists {
            lists.push(self.index.short_list_bits(b, word));
        }
        if let Some(g) = gazetteer {
            // A lowercase word is asked only for title evidence.
            if f & LOWER != 0 && !b.ends_with(b"'s") {
                f |= evidence_bits(g.title_evidence_key(&word.lower), f);
            } else {
                f |= ascii_evidence(g, word, span.of(text), f);
            }
        }
        f
    }

    /// [`RuleSet::ascii_word_features`] of a word that is not short
    /// ASCII.
    #[cold]
    #[inline(never)]
    fn other_word_features(
        &self,
        text: &str,
        tokens: &[Token],
        i: usize,
        gazetteer: Option<&Gazetteer>,
        lists: Option<&mut Vec<ListBits>>,
    ) -> u64 {
        use feature::*;
        let s = tokens[i].span.of(text);
        let shape = WordShape::of(s);
        let mut f = WORD;
        if let Some(lists) = lists {
            lists.push(self.index.list_bits_of(s));
        }
        if shape.first_upper {
            f |= if shape.has_lower {
                CAP
            } else if shape.letters >= 2 {
                UPPER
            } else {
                initial_or_cap(text, tokens, i)
            };
        } else if shape.first_lower {
            f |= LOWER;
        }
        if shape.hyphen {
            f = hyphenated(f, s);
            if let Some(g) = gazetteer {
                f |= hyphenated_title(g, s, f) | hyphenated_given(g, s, f);
            }
        }
        if let Some(g) = gazetteer {
            let bare = strip_possessive(s);
            let e = if f & LOWER == 0 {
                g.evidence(bare)
            } else {
                g.title_evidence(bare)
            };
            let bits = evidence_bits(e, f);
            f |= possessive_title(bits, f, bare.len() < s.len());
        }
        if strip_possessive(s).len() < s.len() {
            f |= POSS;
        }
        f
    }

    /// Sets `bits` on every token inside one of `spans` (sorted by
    /// start): gazetteer types, dates, multi-word titles. Tokens are in
    /// order and do not overlap, as the segmenter makes them: those
    /// inside a span are one run from the first starting in it, so a
    /// span costs its own tokens, not a look at every token. A token
    /// that is the span's last word with a possessive ("NASA's" after
    /// the match "NASA") is inside it too, as the features read the word
    /// without its possessive.
    pub fn mark_spans(
        text: &str,
        tokens: &[Token],
        spans: &[(Span, u64)],
        feats: &mut [u64],
    ) {
        // The first token starting at or after the span's start: spans
        // come by start, so it only moves on.
        let mut first = 0;
        for &(span, bits) in spans {
            while tokens.get(first).is_some_and(|t| t.span.start < span.start)
            {
                first += 1;
            }
            let inside = tokens[first..].iter().zip(&mut feats[first..]);
            for (t, f) in inside {
                if t.span.end > span.end {
                    if ends_in_possessive(text, t.span, span) {
                        *f |= bits;
                    }
                    break;
                }
                *f |= bits;
            }
        }
    }

    /// The feature bit marking tokens inside an entity of type `kind`.
    pub fn type_bit(kind: EntityType) -> u64 {
        match kind {
            EntityType::Location => feature::LOC,
            EntityType::Organization => feature::ORG,
            EntityType::Person => feature::PER,
            EntityType::Nationality => feature::NAT,
            EntityType::Date => feature::DATE,
            _ => 0,
        }
    }

    /// Runs every rule over one sentence (`range` of token indices),
    /// appending matches to `out`.
    pub fn run(
        &self,
        text: &str,
        tokens: &[Token],
        feats: &[u64],
        range: std::ops::Range<usize>,
        out: &mut Vec<RuleMatch>,
    ) {
        let lists: Vec<ListBits> = range
            .clone()
            .map(|i| self.index.list_bits_of(tokens[i].span.of(text)))
            .collect();
        let mut masks = PosMasks::for_tests(self.tests.len());
        masks.reads = self.reads;
        self.run_with(
            text,
            tokens,
            feats,
            &lists,
            range,
            Some(&mut masks),
            out,
        );
    }

    /// [`RuleSet::run`] for each sentence of `sentences` in turn, with
    /// the tokens' list and literal bits that
    /// [`RuleSet::features_and_lists`] computed for the whole document
    /// (`lists[i]` for `tokens[i]`), so that no word is looked up again,
    /// and one scratch table for all the sentences.
    pub fn run_sentences(
        &self,
        text: &str,
        tokens: &[Token],
        feats: &[u64],
        lists: &[ListBits],
        sentences: impl IntoIterator<Item = std::ops::Range<usize>>,
        out: &mut Vec<RuleMatch>,
    ) {
        thread_local! {
            /// The position masks of the last document run on this
            /// thread, kept for the next: made once per thread, not
            /// zeroed and allocated again for every document.
            static MASKS: Cell<Option<Box<PosMasks>>> = const { Cell::new(None) };
        }
        let mut masks =
            MASKS.take().unwrap_or_else(|| Box::new(PosMasks::for_tests(0)));
        masks.reset(self.tests.len(), self.reads);
        self.run_sentences_with(
            text, tokens, feats, lists, sentences, &mut masks, out,
        );
        MASKS.set(Some(masks));
    }

    /// [`RuleSet::run_sentences`] with `masks` ready for this rule set.
    #[allow(clippy::too_many_arguments)]
    fn run_sentences_with(
        &self,
        text: &str,
        tokens: &[Token],
        feats: &[u64],
        lists: &[ListBits],
        sentences: impl IntoIterator<Item = std::ops::Range<usize>>,
        masks: &mut PosMasks,
        out: &mut Vec<RuleMatch>,
    ) {
        // Short sentences run packed together, up to 63 positions with
        // a free one between two sentences that no test passes, so that
        // no match runs on from one into the next: a rule is tried once
        // per pack, not once per sentence, and each mask operation
        // covers several sentences (most have far fewer than 64 tokens).
        let mut pack: Vec<std::ops::Range<usize>> = Vec::new();
        let mut used = 0;
        // For sentences of 65 to 128 tokens, made at the first.
        let mut wide: Option<WidePosMasks> = None;
        for range in sentences {
            if range.is_empty() {
                continue;
            }
            let fits = !self.text_tests && range.len() < 64;
            if !pack.is_empty() && (!fits || used + 1 + range.len() > 63) {
                self.run_pack(text, tokens, feats, lists, &pack, masks, out);
                pack.clear();
            }
            if !fits {
                let lists = &lists[range.clone()];
                if range.len() > 64 && range.len() <= 128 {
                    // Bit-parallel too, not token by token.
                    let wide = wide.get_or_insert_with(|| {
                        let mut wide =
                            WidePosMasks::for_tests(self.tests.len());
                        wide.reads = self.reads;
                        wide
                    });
                    self.run_wide(
                        text, tokens, feats, lists, range, wide, out,
                    );
                    continue;
                }
                let masks = Some(&mut *masks);
                self.run_with(text, tokens, feats, lists, range, masks, out);
                continue;
            }
            used = if pack.is_empty() { 0 } else { used + 1 };
            used += range.len();
            pack.push(range);
        }
        if !pack.is_empty() {
            self.run_pack(text, tokens, feats, lists, &pack, masks, out);
        }
    }

    /// Runs every rule over the sentences of `pack` at once, as
    /// [`RuleSet::run_sentences`] packs them (at most 63 positions, no
    /// text tests), appending matches to `out` rule by rule.
    #[allow(clippy::too_many_arguments)]
    fn run_pack(
        &self,
        text: &str,
        tokens: &[Token],
        feats: &[u64],
        lists: &[ListBits],
        pack: &[std::ops::Range<usize>],
        masks: &mut PosMasks,
        out: &mut Vec<RuleMatch>,
    ) {
        // Only emitting reads the context: its tokens and text.
        let ctx = Ctx {
            text,
            tokens,
            end: tokens.len(),
            lists: &self.lists,
            feats: &[],
            words: &[],
            start: 0,
        };
        let (any, all) = masks.fill_pack(feats, lists, pack);
        let longest = pack.iter().map(ExactSizeIterator::len).max();
        let n = longest.unwrap_or(0);
        self.filter.each_feasible(&self.packed, n, &any, &all, |ri| {
            masks.run_rule(&ctx, self, ri, out);
        });
    }

    /// [`RuleSet::run_with`] with position masks for one sentence of at
    /// most 128 tokens, `lists` starting at its first token.
    #[allow(clippy::too_many_arguments)]
    fn run_wide(
        &self,
        text: &str,
        tokens: &[Token],
        feats: &[u64],
        lists: &[ListBits],
        range: std::ops::Range<usize>,
        masks: &mut WidePosMasks,
        out: &mut Vec<RuleMatch>,
    ) {
        let n = range.len();
        let ctx = Ctx {
            text,
            tokens,
            end: range.end,
            lists: &self.lists,
            feats: &feats[range.clone()],
            words: lists,
            start: range.start,
        };
        let (any, all) = masks.fill(&ctx);
        self.filter.each_feasible(&self.packed, n, &any, &all, |ri| {
            masks.run_rule(&ctx, self, ri, out);
        });
    }

    /// [`RuleSet::run_sentences`] for one sentence, `lists` starting at its first
    /// token, with position masks for sentences of at most 64 tokens
    /// when `masks` is given (without, tests compare the two ways).
    #[allow(clippy::too_many_arguments)]
    fn run_with(
        &self,
        text: &str,
        tokens: &[Token],
        feats: &[u64],
        lists: &[ListBits],
        range: std::ops::Range<usize>,
        masks: Option<&mut PosMasks>,
        out: &mut Vec<RuleMatch>,
    ) {
        let n = range.len();
        let feats = &feats[range.clone()];
        let start = range.start;
        let ctx = Ctx {
            text,
            tokens,
            end: range.end,
            lists: &self.lists,
            feats,
            words: lists,
            start,
        };
        if let Some(masks) = masks.filter(|_| n <= 64) {
            // Nearly every sentence has a feasible rule: the masks are
            // filled in the pass that finds the sentence's bits.
            let (any, all) = masks.fill(&ctx);
            self.filter.each_feasible(&self.packed, n, &any, &all, |ri| {
                masks.run_rule(&ctx, self, ri, out);
            });
            return;
        }
        let (mut any, mut all) = ([0; 3], [!0; 3]);
        for (&f, l) in feats.iter().zip(lists) {
            let b = [f, l.lists, l.lits];
            any = or3(any, b);
            all = and3(all, b);
        }
        // next[j - start]: the first token from j passing the rule's key.
        let mut next = vec![usize::MAX; n + 1];
        self.filter.each_feasible(&self.packed, n, &any, &all, |ri| {
            let rule = &self.rules[ri];
            if let Some((_, _, id)) = rule.key {
                next[n] = usize::MAX;
                for j in range.clone().rev() {
                    next[j - start] = if ctx.test(&self.tests[id], j) {
                        j
                    } else {
                        next[j - start + 1]
                    };
                }
            }
            let mut i = range.start;
            'starts: while i < range.end {
                if let Some((lo, hi, _)) = &rule.key {
                    let Some(&p) = next.get(i + lo - start) else { break };
                    if p == usize::MAX {
                        break;
                    }
                    if p > i + hi {
                        i = p - hi;
                        continue;
                    }
                }
                for &(offset, id) in &rule.anchors {
                    let j = i + offset;
                    if j >= range.end || !ctx.test(&self.tests[id], j) {
                        i += 1;
                        continue 'starts;
                    }
                }
                i = ctx.attempt(rule, ri, i, out);
            }
        });
    }
}

/// Which rules a sentence's bits leave possible: a rule needing a bit
/// no token of the sentence has, or forbidding one every token has,
/// cannot match there. Each rule is filed under one bit it needs, its
/// key (a literal's or a list's before a feature's: those are rare), or
/// when it needs none but one of several words (`("v"|"vs")`), under
/// each of their bits, so that a sentence looks at the rules filed
/// under the few key bits it has, not at every rule.
#[derive(Clone, Debug, Default)]
struct RuleFilter {
    /// Words of rule sets: one per 64 rules.
    width: usize,
    /// The rules needing no bit at all, as a set (64 rules a word).
    unkeyed: Vec<u64>,
    /// The bits some rule is filed under.
    keys: Bits,
    /// For bit `b` of word `w` of a token's [`Bits`], at `(64 * w + b)
    /// * width`: the set of rules filed under it.
    keyed: Vec<u64>,
}

impl RuleFilter {
    fn new(rules: &[Rule]) -> RuleFilter {
        let width = rules.len().div_ceil(64);
        let mut f = RuleFilter {
            width,
            unkeyed: vec![0; width],
            keyed: vec![0; 3 * 64 * width],
            ..RuleFilter::default()
        };
        for (ri, r) in rules.iter().enumerate() {
            let (word, bit) = (ri / 64, 1u64 << (ri % 64));
            let one = |w: usize, bits: u64| {
                let mut key = [0; 3];
                key[w] = bits & bits.wrapping_neg();
                key
            };
            let rare = r.need[FEATS] & !PLAIN_FEATURES;
            // Words before features, one bit before a set of them.
            let words = r.need_any.iter().find(|m| m[FEATS] == 0);
            let key = [(LITS, r.need[LITS]), (LISTS, r.need[LISTS])]
                .into_iter()
                .chain([(FEATS, rare)])
                .find(|&(_, bits)| bits != 0)
                .map(|(w, bits)| one(w, bits))
                .or(words.copied())
                .or_else(|| {
                    (r.need[FEATS] != 0).then(|| one(FEATS, r.need[FEATS]))
                });
            let Some(key) = key else {
                f.unkeyed[word] |= bit;
                continue;
            };
            for (w, &bits) in key.iter().enumerate() {
                let mut rest = bits;
                while rest != 0 {
                    let b = rest.trailing_zeros() as usize;
                    f.keys[w] |= 1 << b;
                    f.keyed[(64 * w + b) * width + word] |= bit;
                    rest &= rest - 1;
                }
            }
        }
        f
    }

    /// Calls `each` with the index of every rule that can match in a
    /// sentence of `n` tokens whose bits have `any` set on some token and
    /// `all` on every token, in rule order.
    fn each_feasible(
        &self,
        packed: &Packed,
        n: usize,
        any: &Bits,
        all: &Bits,
        mut each: impl FnMut(usize),
    ) {
        for (k, &unkeyed) in self.unkeyed.iter().enumerate() {
            let mut maybe = unkeyed;
            for (w, (&keys, &any)) in self.keys.iter().zip(any).enumerate() {
                let mut present = keys & any;
                while present != 0 {
                    let b = present.trailing_zeros() as usize;
                    maybe |= self.keyed[(64 * w + b) * self.width + k];
                    present &= present - 1;
                }
            }
            while maybe != 0 {
                let ri = 64 * k + maybe.trailing_zeros() as usize;
                maybe &= maybe - 1;
                let r = &packed.cores[ri];
                let feasible = usize::from(r.min_len) <= n
                    && (0..3).all(|w| {
                        r.need[w] & !any[w] | r.forbid[w] & all[w] == 0
                    })
                    && packed
                        .need_any(r)
                        .iter()
                        .all(|m| (0..3).any(|w| m[w] & any[w] != 0));
                if feasible {
                    each(ri);
                }
            }
        }
    }
}

/// Defines `$name`, rows of type `$row`: where in a sentence of at most
/// as many tokens as a row has bits each bit is set: bit `k` of
/// `pos[w][b]` is bit `b` of word `w` of the sentence's `k`th token. A
/// mask test then costs a few operations per bit it cares about for the
/// whole sentence, not one test per token. Made once per document and
/// refilled per sentence. One body for both widths, so that the two
/// cannot drift apart (left unindented, as it read before).
macro_rules! position_masks {
    ($(#[$doc:meta])* $name:ident, $row:ty) => {
$(#[$doc])*
struct $name {
    pos: [[$row; 64]; 3],
    /// One bit per token of the sentence.
    valid: $row,
    /// The rows of `pos` the sentence set, to clear for the next one.
    rows: Bits,
    /// The bits whose rows are kept: those some test reads.
    reads: Bits,
    /// The mask of each test of [`RuleSet::tests`] in the sentence,
    /// computed once for all rules: valid where `known` has its bit.
    cache: Vec<$row>,
    known: Vec<u64>,
    /// For the rule being run, per step `k`: the positions from which
    /// `steps[k..]` can match (bit `n` is the sentence's end).
    done: Vec<$row>,
    /// The positions in use: one past the last.
    n: usize,
    /// The positions a match can end at: tokens, and the one after
    /// each sentence's last token.
    ends: $row,
    /// The token at each position.
    token: [u32; <$row>::BITS as usize],
}

impl $name {
    /// Empty masks, with a cache for `tests` tests.
    fn for_tests(tests: usize) -> $name {
        $name {
            pos: [[0; 64]; 3],
            valid: 0,
            rows: [0; 3],
            reads: [!0; 3],
            cache: vec![0; tests],
            known: vec![0; tests.div_ceil(64)],
            done: Vec::new(),
            n: 0,
            ends: 0,
            token: [0; <$row>::BITS as usize],
        }
    }

    /// Sets the masks of the sentence of `ctx`, clearing the previous
    /// sentence's: only the rows it set, not the whole table. Returns
    /// the bits some token of the sentence has and those all have.
    fn fill(&mut self, ctx: &Ctx<'_>) -> (Bits, Bits) {
        let n = ctx.feats.len();
        debug_assert!(n <= <$row>::BITS as usize);
        self.clear();
        let (mut any, mut all) = ([0; 3], [!0; 3]);
        self.mark(ctx.feats, ctx.words, 0, &mut any, &mut all);
        self.rows = any;
        let free = <$row>::BITS - n as u32;
        self.valid = <$row>::MAX.checked_shr(free).unwrap_or(0);
        self.n = n;
        let end = (1 as $row).checked_shl(n as u32).unwrap_or(0);
        self.ends = self.valid | end;
        for (k, t) in self.token.iter_mut().take(n).enumerate() {
            *t = (ctx.start + k) as u32;
        }
        self.known.fill(0);
        (any, all)
    }

    /// Clears the rows the last sentence set.
    fn clear(&mut self) {
        for (pos, &rows) in self.pos.iter_mut().zip(&self.rows) {
            let mut rest = rows;
            while rest != 0 {
                pos[rest.trailing_zeros() as usize] = 0;
                rest &= rest - 1;
            }
        }
    }

    /// Marks tokens of `feats` and `words` from position `from` on,
    /// gathering the bits some token has in `any` and those all have in
    /// `all`.
    #[inline(always)]
    fn mark(
        &mut self,
        feats: &[u64],
        words: &[ListBits],
        from: usize,
        any: &mut Bits,
        all: &mut Bits,
    ) {
        /// Marks token `at` in the rows of the bits of `word`.
        #[inline(always)]
        fn mark(rows: &mut [$row; 64], word: u64, at: $row) {
            let mut rest = word;
            while rest != 0 {
                rows[rest.trailing_zeros() as usize] |= at;
                rest &= rest - 1;
            }
        }
        let [fs, ls, ts] = &mut self.pos;
        let reads = self.reads;
        for (k, (&f, l)) in feats.iter().zip(words).enumerate() {
            // Bits no test reads change no mask, and no rule's
            // feasibility (it needs or forbids only bits tests read).
            let bits = and3([f, l.lists, l.lits], reads);
            *any = or3(*any, bits);
            *all = and3(*all, bits);
            let at = 1 << (from + k);
            mark(fs, bits[FEATS], at);
            mark(ls, bits[LISTS], at);
            mark(ts, bits[LITS], at);
        }
    }

    /// The tokens passing `tests[id]`, as a mask, computed once per
    /// sentence.
    #[inline(always)]
    fn mask(&mut self, ctx: &Ctx<'_>, tests: &[Test], id: usize) -> $row {
        let (w, bit) = (id / 64, 1 << (id % 64));
        if self.known[w] & bit == 0 {
            // Most tests are one mask: without a call.
            self.cache[id] = match &tests[id] {
                Test::Mask { care, want } => self.eval_mask(care, want),
                test => self.eval(ctx, test),
            };
            self.known[w] |= bit;
        }
        self.cache[id]
    }

    /// The positions from which `step` (passing at `passing`), then
    /// what can match from `next`, can match; `ends`: every position.
    fn can_from(passing: $row, next: $row, ends: $row, step: &PackedStep) -> $row {
        let (min, max) = (usize::from(step.min), usize::from(step.max));
        // `run`: the positions followed by `k` passing tokens.
        let (mut run, mut from) = (ends, 0);
        for k in 0..=max {
            if k >= min {
                from |= run & next >> k;
            }
            run &= passing >> k;
            if run == 0 {
                break;
            }
        }
        from
    }

    /// The tokens passing `test`, as a mask.
    fn eval(&self, ctx: &Ctx<'_>, test: &Test) -> $row {
        match test {
            Test::Mask { care, want } => self.eval_mask(care, want),
            Test::Any(care) => self.eval_any(care),
            // Masks and alternatives, most parts, without a call each.
            Test::And(ts) => ts.iter().fold(self.valid, |p, t| {
                p & match t {
                    Test::Mask { care, want } => self.eval_mask(care, want),
                    Test::Any(care) => self.eval_any(care),
                    Test::Or(ts) => self.eval_or(ctx, ts),
                    t => self.eval(ctx, t),
                }
            }),
            Test::Or(ts) => self.eval_or(ctx, ts),
            Test::Not(t) => self.valid & !self.eval(ctx, t),
            Test::Text(_) => (0..ctx.feats.len())
                .filter(|&k| ctx.test(test, ctx.start + k))
                .fold(0, |p, k| p | 1 << k),
        }
    }

    /// The tokens whose bits under `care` are `want`: having every
    /// wanted bit and none of the others, without a branch per bit.
    #[inline(always)]
    fn eval_mask(&self, care: &Bits, want: &Bits) -> $row {
        let (mut have, mut lack) = (self.valid, 0);
        for ((pos, &care), &want) in self.pos.iter().zip(care).zip(want) {
            let mut rest = want;
            while rest != 0 {
                have &= pos[rest.trailing_zeros() as usize];
                rest &= rest - 1;
            }
            let mut rest = care & !want;
            while rest != 0 {
                lack |= pos[rest.trailing_zeros() as usize];
                rest &= rest - 1;
            }
        }
        have & !lack
    }

    /// The tokens passing some test of `ts`.
    #[inline(always)]
    fn eval_or(&self, ctx: &Ctx<'_>, ts: &[Test]) -> $row {
        ts.iter().fold(0, |p, t| {
            p | match t {
                Test::Mask { care, want } => self.eval_mask(care, want),
                t => self.eval(ctx, t),
            }
        })
    }

    /// The tokens having some bit of `care`.
    #[inline(always)]
    fn eval_any(&self, care: &Bits) -> $row {
        let mut p = 0;
        for (pos, &word) in self.pos.iter().zip(care) {
            let mut rest = word;
            while rest != 0 {
                p |= pos[rest.trailing_zeros() as usize];
                rest &= rest - 1;
            }
        }
        p
    }

    /// Runs `rule` on the sentence, trying only starts that pass its
    /// anchors and have a token passing its key in reach.
    fn run_rule(
        &mut self,
        ctx: &Ctx<'_>,
        set: &RuleSet,
        ri: usize,
        out: &mut Vec<RuleMatch>,
    ) {
        let (tests, packed) = (&set.tests, &set.packed);
        let core = &packed.cores[ri];
        // The key first: the rarest test, it rules out most rules.
        let mut starts = self.valid;
        if core.key_hi > 0 {
            let key = self.mask(ctx, tests, usize::from(core.key_test));
            let mut reach = 0;
            let (lo, hi) = (usize::from(core.key_lo), usize::from(core.key_hi));
            for d in lo..=hi.min(<$row>::BITS as usize - 1) {
                reach |= key >> d;
            }
            starts &= reach;
        }
        for &(offset, id) in packed.anchors(core) {
            if starts == 0 {
                return;
            }
            let passing = self.mask(ctx, tests, usize::from(id));
            starts &= passing.checked_shr(u32::from(offset)).unwrap_or(0);
        }
        let n = self.n;
        if starts == 0 {
            return;
        }
        if n == <$row>::BITS as usize {
            // No bit left for the end position: token by token.
            let rule = &set.rules[ri];
            while starts != 0 {
                let i = ctx.start + starts.trailing_zeros() as usize;
                let next = ctx.attempt(rule, ri, i, out) - ctx.start;
                starts &= <$row>::MAX.checked_shl(next as u32).unwrap_or(0);
            }
            return;
        }
        // Where the rest of the pattern can match from, back to front:
        // then a start matches iff it is in the first set, and the
        // greedy, backtracking walk of `Ctx::match_at` is the walk that
        // takes at each quantifier the most tokens leaving a position
        // the rest can match from.
        let ends = self.ends;
        let steps = packed.steps(core);
        if self.done.len() <= steps.len() {
            self.done.resize(steps.len() + 1, 0);
        }
        let mut can = ends;
        self.done[steps.len()] = can;
        for (k, step) in steps.iter().enumerate().rev() {
            let passing = self.mask(ctx, tests, usize::from(step.id));
            can = if (step.min, step.max) == (1, 1) {
                passing & can >> 1
            } else {
                Self::can_from(passing, can, ends, step)
            };
            if can == 0 {
                // The rest matches nowhere: the steps before need no
                // masks.
                return;
            }
            self.done[k] = can;
        }
        starts &= can;
        let [open_at, close_at] = core.marks.map(usize::from);
        while starts != 0 {
            let first = starts.trailing_zeros() as usize;
            let (mut p, mut open, mut close) = (first, first, first);
            for (k, step) in steps.iter().enumerate() {
                if k == open_at {
                    open = p;
                }
                if k == close_at {
                    close = p;
                }
                if (step.min, step.max) == (1, 1) {
                    p += 1;
                    continue;
                }
                let run =
                    (!(self.cache[usize::from(step.id)] >> p)).trailing_zeros();
                let top = run.min(u32::from(step.max));
                let counts = <$row>::MAX >> (<$row>::BITS - 1 - top)
                    & <$row>::MAX.checked_shl(step.min.into()).unwrap_or(0);
                let fits = self.done[k + 1] >> p & counts;
                p += <$row>::BITS as usize - 1 - fits.leading_zeros() as usize;
            }
            if open_at == steps.len() {
                open = p;
            }
            if close_at == steps.len() {
                close = p;
            }
            let next = if open < close {
                // A match lies in one sentence: its tokens run on.
                let from = self.token[open] as usize;
                let to = self.token[close - 1] as usize + 1;
                ctx.emit(&set.rules[ri], ri, from, to, out);
                close.max(first + 1)
            } else {
                first + 1
            };
            starts &= <$row>::MAX.checked_shl(next as u32).unwrap_or(0);
        }
    }
}
    };
}

position_masks!(
    /// Position masks of sentences of up to 64 tokens, and of packs of
    /// shorter ones.
    PosMasks,
    u64
);
position_masks!(
    /// [`PosMasks`] for sentences of up to 128 tokens, for the few
    /// longer than 64.
    WidePosMasks,
    u128
);

impl PosMasks {
    /// Ready for a rule set of `tests` tests reading the bits `reads`,
    /// as [`PosMasks::for_tests`] makes them: the rows the last sentence set
    /// cleared, and no mask known.
    fn reset(&mut self, tests: usize, reads: Bits) {
        self.clear();
        self.rows = [0; 3];
        self.reads = reads;
        self.cache.resize(tests, 0);
        self.known.clear();
        self.known.resize(tests.div_ceil(64), 0);
    }

    /// [`PosMasks::fill`] for the sentences of `pack` (`feats[i]` and
    /// `lists[i]` for token `i`), one after the other with a free
    /// position between two, at most 63 positions in all.
    fn fill_pack(
        &mut self,
        feats: &[u64],
        lists: &[ListBits],
        pack: &[std::ops::Range<usize>],
    ) -> (Bits, Bits) {
        self.clear();
        let (mut any, mut all) = ([0; 3], [!0; 3]);
        let (mut at, mut valid, mut ends) = (0, 0u64, 0u64);
        for r in pack {
            let (feats, words) = (&feats[r.clone()], &lists[r.clone()]);
            self.mark(feats, words, at, &mut any, &mut all);
            let len = r.len();
            valid |= (u64::MAX >> (64 - len)) << at;
            for (k, t) in self.token[at..at + len].iter_mut().enumerate() {
                *t = (r.start + k) as u32;
            }
            at += len;
            ends |= 1 << at;
            at += 1;
        }
        debug_assert!(at <= 64);
        self.rows = any;
        self.valid = valid;
        self.n = at - 1;
        self.ends = valid | ends;
        self.known.fill(0);
        (any, all)
    }

    #[cfg(test)]
    fn new(ctx: &Ctx<'_>) -> PosMasks {
        let mut masks = PosMasks::for_tests(0);
        masks.fill(ctx);
        masks
    }
}

impl TokenIndex {
    /// Compiles `pred` to bit tests, numbering its literals.
    fn compile(&mut self, pred: &Pred) -> Test {
        match pred {
            Pred::Feat(bits) => Test::bit(FEATS, *bits),
            Pred::List(l) if *l < self.bit_lists => Test::bit(LISTS, 1 << l),
            Pred::List(_) => Test::Text(pred.clone()),
            Pred::Lit(lit) => match self.lit(lit) {
                Some((word, bit)) => Test::bit(word, bit),
                None => Test::Text(pred.clone()),
            },
            Pred::Not(p) => match self.compile(p) {
                t @ Test::Mask { .. } => match t.single_bit() {
                    Some(care) => Test::Mask { care, want: [0; 3] },
                    None => Test::Not(Box::new(t)),
                },
                Test::Any(care) => Test::Mask { care, want: [0; 3] },
                t => Test::Not(Box::new(t)),
            },
            Pred::And(ps) => {
                let (mut care, mut want) = ([0u64; 3], [0u64; 3]);
                let mut rest = Vec::new();
                let mut parts: Vec<Test> =
                    ps.iter().map(|p| self.compile(p)).collect();
                while let Some(t) = parts.pop() {
                    match t {
                        Test::Mask { care: c, want: w } => {
                            for k in 0..3 {
                                let both = care[k] & c[k];
                                if want[k] & both != w[k] & both {
                                    // Wants a bit both set and clear.
                                    return Test::Or(Vec::new());
                                }
                                care[k] |= c[k];
                                want[k] |= w[k];
                            }
                        }
                        Test::And(ts) => parts.extend(ts),
                        t => rest.push(t),
                    }
                }
                // Cheap masks first; the order of pure tests is free.
                rest.reverse();
                if care == [0; 3] && rest.len() == 1 {
                    return rest.remove(0);
                }
                if rest.is_empty() {
                    return Test::Mask { care, want };
                }
                if care != [0; 3] {
                    rest.insert(0, Test::Mask { care, want });
                }
                Test::And(rest)
            }
            Pred::Or(ps) => {
                let ts: Vec<Test> =
                    ps.iter().map(|p| self.compile(p)).collect();
                let mut any = [0u64; 3];
                for t in &ts {
                    let m = match t {
                        Test::Any(m) => *m,
                        t => match t.single_bit() {
                            Some(m) => m,
                            None => return Test::Or(ts),
                        },
                    };
                    for k in 0..3 {
                        any[k] |= m[k];
                    }
                }
                Test::Any(any)
            }
        }
    }
}

/// Features most sentences have some token with.
const PLAIN_FEATURES: u64 = {
    use feature::*;
    CAP | UPPER
        | LOWER
        | WORD
        | NUM
        | PUNCT
        | START
        | ATTACHED
        | HEADLINE
        | COMMON
        | HYPHEN
};

/// How much a test narrows where a rule can match, roughly: 3 for
/// lists and literals, 2 for rarer features (names, titles, places), 1
/// for common ones (capitalized, word), 0 for none.
fn selectivity(t: &Test) -> u32 {
    let of = |m: &Bits| {
        if m[LISTS] | m[LITS] != 0 {
            3
        } else if m[FEATS] & !PLAIN_FEATURES != 0 {
            2
        } else {
            u32::from(m[FEATS] != 0)
        }
    };
    match t {
        Test::Mask { want, .. } => of(want),
        // Any of several bits is as selective as the weakest.
        Test::Any(m) => {
            let plain = |w: usize, bits: u64| {
                let mut x = [0; 3];
                x[w] = bits;
                of(&x)
            };
            [
                plain(FEATS, m[FEATS] & PLAIN_FEATURES),
                plain(FEATS, m[FEATS] & !PLAIN_FEATURES),
                plain(LISTS, m[LISTS]),
                plain(LITS, m[LITS]),
            ]
            .into_iter()
            .zip([
                m[FEATS] & PLAIN_FEATURES,
                m[FEATS] & !PLAIN_FEATURES,
                m[LISTS],
                m[LITS],
            ])
            .filter(|(_, bits)| *bits != 0)
            .map(|(s, _)| s)
            .min()
            .unwrap_or(0)
        }
        Test::And(ts) => ts.iter().map(selectivity).max().unwrap_or(0),
        Test::Or(ts) => ts.iter().map(selectivity).min().unwrap_or(0),
        Test::Not(_) => 0,
        Test::Text(_) => 3,
    }
}

/// What [`RuleSet::features`] asks of a word's letters.
#[cfg_attr(test, derive(Debug, PartialEq))]
struct WordShape {
    first_upper: bool,
    first_lower: bool,
    has_lower: bool,
    /// Alphabetic characters, counted up to 2.
    letters: u8,
    hyphen: bool,
}

impl WordShape {
    fn of(s: &str) -> WordShape {
        if !s.is_ascii() {
            let first = s.chars().next().unwrap_or(' ');
            return WordShape {
                first_upper: first.is_uppercase(),
                first_lower: first.is_lowercase(),
                has_lower: s.chars().any(char::is_lowercase),
                letters: s
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .take(2)
                    .count() as u8,
                hyphen: s.contains('-'),
            };
        }
        // ASCII: the same answers from bytes, in one pass.
        let b = s.as_bytes();
        let first = b.first().copied().unwrap_or(b' ');
        let mut shape = WordShape {
            first_upper: first.is_ascii_uppercase(),
            first_lower: first.is_ascii_lowercase(),
            has_lower: false,
            letters: 0,
            hyphen: false,
        };
        for &c in b {
            shape.has_lower |= c.is_ascii_lowercase();
            shape.letters +=
                u8::from(c.is_ascii_alphabetic() && shape.letters < 2);
            shape.hyphen |= c == b'-';
        }
        shape
    }
}

/// Each byte's high bit.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// What [`AsciiWord`] reads from eight bytes below 0x80, zero-padded.
struct AsciiChunk {
    /// The bytes lowercased.
    lower: u64,
    /// The high bit of each lowercase letter.
    lowers: u64,
    /// Letters, counting up to two: all the shape asks.
    letters: u32,
    /// The high bit of each `-`.
    hyphens: u64,
}

impl AsciiChunk {
    #[inline(always)]
    fn of(x: u64) -> AsciiChunk {
        const ONES: u64 = 0x0101_0101_0101_0101;
        // For bytes below 0x80, adding at most 0x7f never carries into
        // the next byte: the high bit of `x + ONES * (0x80 - lo)` says
        // `byte >= lo`.
        let at_least =
            |x: u64, lo: u8| x.wrapping_add(ONES * u64::from(0x80 - lo));
        let upper = at_least(x, b'A') & !at_least(x, b'Z' + 1) & HIGH;
        let lowers = at_least(x, b'a') & !at_least(x, b'z' + 1) & HIGH;
        let letters = upper | lowers;
        AsciiChunk {
            lower: x | upper >> 2,
            lowers,
            letters: u32::from(letters != 0)
                + u32::from(letters & letters.wrapping_sub(1) != 0),
            // Zero padding is no hyphen: only a `-` byte xors to zero.
            hyphens: !at_least(x ^ (ONES * u64::from(b'-')), 1) & HIGH,
        }
    }
}

/// A short ASCII word read eight bytes at a time, without branches:
/// its lowercase form, as the key of the lowercased bytes, and what
/// [`WordShape`] asks of its letters.
struct AsciiWord {
    /// Whether the word is ASCII of at most [`SHORT_WORD`] bytes: the
    /// other fields mean nothing otherwise.
    ascii: bool,
    /// The bytes as written, zero-padded.
    bytes: [u64; 4],
    /// The key of its lowercase form, filled in place: a copy of words
    /// just written stalls.
    lower: WordKey,
    has_lower: bool,
    /// Letters, counting up to two in each eight bytes.
    letters: u32,
    hyphen: bool,
}

impl AsciiWord {
    /// Reads `b`, when it is short ASCII. Not an `Option`: moving the
    /// words just written into one costs a stalled copy.
    #[inline(always)]
    fn read(b: &[u8]) -> AsciiWord {
        let mut word = AsciiWord {
            ascii: false,
            bytes: [0; 4],
            lower: WordKey { words: [0; 4], len: b.len().min(32), hash: 0 },
            has_lower: false,
            letters: 0,
            hyphen: false,
        };
        let (mut high, mut lowers, mut hyphens) = (0, 0, 0);
        for (k, chunk) in b.chunks(8).take(4).enumerate() {
            let x = load_le(chunk);
            word.bytes[k] = x;
            high |= x;
            let c = AsciiChunk::of(x);
            word.lower.words[k] = c.lower;
            lowers |= c.lowers;
            word.letters += c.letters;
            hyphens |= c.hyphens;
        }
        word.has_lower = lowers != 0;
        word.hyphen = hyphens != 0;
        word.lower.hash = WordKey::hash_of(&word.lower.words, word.lower.len);
        word.ascii = high & HIGH == 0 && b.len() <= SHORT_WORD;
        word
    }

    /// [`AsciiWord::read`] of the bytes of `text` under `span`. A word of
    /// one to eight bytes (most words) is one load from the text when
    /// eight bytes from its start lie in it, not a load per length
    /// class, and one chunk, not a loop.
    #[inline(always)]
    fn read_in(text: &[u8], span: Span) -> AsciiWord {
        let len = span.end.wrapping_sub(span.start);
        if (1..=8).contains(&len) {
            if let Some(w) = text.get(span.start..span.start.saturating_add(8))
            {
                let x = u64::from_le_bytes(w.try_into().expect("8 bytes"))
                    & u64::MAX >> (64 - 8 * len);
                let c = AsciiChunk::of(x);
                let words = [c.lower, 0, 0, 0];
                return AsciiWord {
                    ascii: x & HIGH == 0,
                    bytes: [x, 0, 0, 0],
                    lower: WordKey {
                        words,
                        len,
                        hash: WordKey::hash_of_short(c.lower, len),
                    },
                    has_lower: c.lowers != 0,
                    letters: c.letters,
                    hyphen: c.hyphens != 0,
                };
            }
        }
        AsciiWord::read(&text[span.range()])
    }

    /// What [`WordShape::of`] answers for the word's bytes `b`.
    #[cfg(test)]
    fn shape(&self, b: &[u8]) -> WordShape {
        let first = b.first().copied().unwrap_or(b' ');
        WordShape {
            first_upper: first.is_ascii_uppercase(),
            first_lower: first.is_ascii_lowercase(),
            has_lower: self.has_lower,
            letters: self.letters.min(2) as u8,
            hyphen: self.hyphen,
        }
    }

    /// The lowercase form as bytes, zero-padded.
    fn lower_bytes(&self) -> [u8; 32] {
        let mut buf = [0u8; 32];
        for (out, w) in buf.chunks_exact_mut(8).zip(self.lower.words) {
            out.copy_from_slice(&w.to_le_bytes());
        }
        buf
    }
}

/// A word of one to [`CACHED_WORD`] bytes as [`WordCache`] keys it: its
/// bytes as two zero-padded little-endian words, and its length.
#[derive(Clone, Copy, Debug)]
struct CacheKey {
    words: [u64; 2],
    len: u32,
}

/// The longest word [`WordCache`] keeps: nearly every word, in two loads.
const CACHED_WORD: usize = 16;

impl CacheKey {
    /// The key of the word under `span` in `text`, when it is short
    /// enough. Two loads from the text when sixteen bytes from its start
    /// lie in it, bytes past the word masked off.
    #[inline(always)]
    fn read_in(text: &[u8], span: Span) -> Option<CacheKey> {
        let len = span.end.wrapping_sub(span.start);
        if !(1..=CACHED_WORD).contains(&len) {
            return None;
        }
        let end = span.start.saturating_add(CACHED_WORD);
        let words = match text.get(span.start..end) {
            Some(w) => {
                // One mask for both words: a shift of a u128.
                let w = u128::from_le_bytes(w.try_into().expect("16 bytes"))
                    & u128::MAX >> (128 - 8 * len);
                [w as u64, (w >> 64) as u64]
            }
            None => {
                let (lo, hi) = text[span.range()].split_at(len.min(8));
                [load_le(lo), load_le(hi)]
            }
        };
        Some(CacheKey { words, len: len as u32 })
    }

    /// The key of a number token of these bytes, which no word has.
    #[inline(always)]
    fn of_number(self) -> CacheKey {
        CacheKey { len: self.len | 1 << 8, ..self }
    }
}

/// A slot of [`WordCache`]: a word (the fields of its [`CacheKey`], side
/// by side with its features, in 40 bytes) and what the features pass
/// found for it.
#[derive(Clone, Copy, Debug, Default)]
struct CachedWord {
    words: [u64; 2],
    /// 0 in an empty slot: no word is empty.
    len: u32,
    /// Its features (all word features are in the low 32 bits).
    feats: u32,
    bits: ListBits,
}

impl CachedWord {
    /// Whether the slot holds the word of `key`.
    #[inline(always)]
    fn is(&self, key: &CacheKey) -> bool {
        self.words == key.words && self.len == key.len
    }
}

// The cache keeps a word's features in 32 bits.
const _: () = assert!(feature::POSS < 1 << 32);

/// Bits of the slot index of a [`WordCache`]: 16K slots, 640 KB. The
/// words of news text follow Zipf's law, so most occurrences are of the
/// few thousand most frequent words: four in five words of the bench
/// slice are answered from the cache.
const CACHE_BITS: u32 = 14;

/// The features and list bits of words already met, for
/// [`RuleSet::features_and_lists_cached`]: a table with one slot per
/// hash, where a new word takes the place of the one there. Empty (and
/// unallocated) until first used.
#[derive(Debug)]
pub struct WordCache {
    /// Who filled it: see [`WordCache::claim`].
    owner: Option<u64>,
    slots: Vec<CachedWord>,
    /// Bits of the slot index: [`CACHE_BITS`] unless a test asks for
    /// fewer.
    bits: u32,
}

impl Default for WordCache {
    fn default() -> WordCache {
        WordCache::new()
    }
}

impl WordCache {
    /// An empty cache.
    pub fn new() -> WordCache {
        WordCache::with_bits(CACHE_BITS)
    }

    /// An empty cache of `1 << bits` slots.
    fn with_bits(bits: u32) -> WordCache {
        WordCache { owner: None, slots: Vec::new(), bits: bits.clamp(1, 30) }
    }

    /// Empties the cache unless `owner` filled it. A cache is only right
    /// for the rule set and gazetteer it was filled with: callers name
    /// them by a number of their own (a pipeline's), unique to them.
    pub fn claim(&mut self, owner: u64) {
        if self.owner != Some(owner) {
            self.slots = Vec::new();
            self.owner = Some(owner);
        }
    }

    /// Allocates the slots when they are not yet.
    fn ready(&mut self) {
        if self.slots.is_empty() {
            self.slots = vec![CachedWord::default(); 1 << self.bits];
        }
    }

    /// The features of a token keyed `key` (none when it is too long to
    /// keep), pushing its list and literal bits to `lists`: from the
    /// cache when it holds the key, else from `compute`, which pushes
    /// them and says whether they are the token's text's alone (then
    /// kept).
    #[inline(always)]
    fn features(
        &mut self,
        key: Option<CacheKey>,
        lists: &mut Vec<ListBits>,
        compute: impl FnOnce(&mut Vec<ListBits>) -> (u64, bool),
    ) -> u64 {
        let Some(key) = key else {
            return compute(lists).0;
        };
        let slot = self.slot(&key);
        if slot.is(&key) {
            lists.push(slot.bits);
            return u64::from(slot.feats);
        }
        let (f, own) = compute(lists);
        // Token features fit in 32 bits (asserted by `CachedWord`).
        if let (true, Some(&bits)) = (own, lists.last()) {
            let (words, len) = (key.words, key.len);
            *slot = CachedWord { words, len, feats: f as u32, bits };
        }
        f
    }

    /// The slot of `key`: holding it, another word or none.
    #[inline(always)]
    fn slot(&mut self, key: &CacheKey) -> &mut CachedWord {
        const K: u64 = 0x9e37_79b9_7f4a_7c15;
        let [lo, hi] = key.words;
        let h = (lo ^ hi.rotate_left(29) ^ u64::from(key.len) << 55)
            .wrapping_mul(K);
        // The top bits, which the multiply mixes best.
        let at = (h >> (64 - self.bits)) as usize;
        &mut self.slots[at]
    }
}

/// Words that title-case headlines capitalize and running text does not.
const FUNCTION_WORDS: &[&str] = &[
    "To", "Of", "In", "On", "For", "And", "With", "At", "By", "From", "As",
    "Is", "Are", "Was", "Be", "Over", "After", "Into", "Its", "Their",
];

/// Splits an example line into its text (brackets removed) and the byte
/// spans the brackets mark.
pub fn parse_example(line: &str) -> (String, Vec<Span>) {
    let mut text = String::with_capacity(line.len());
    let mut spans = Vec::new();
    let mut open = None;
    for c in line.chars() {
        match c {
            '[' => open = Some(text.len()),
            ']' => {
                if let Some(start) = open.take() {
                    spans.push(Span::new(start, text.len()));
                }
            }
            _ => text.push(c),
        }
    }
    (text, spans)
}

/// Checks one rule's examples and counters with `find`, which returns
/// the spans rule `index` marks in a text: `Err` describes the first
/// failure.
pub fn check_examples(
    rule: &Rule,
    index: u32,
    find: impl Fn(&str) -> Vec<RuleMatch>,
) -> std::result::Result<(), String> {
    for ex in &rule.examples {
        let (text, want) = parse_example(ex);
        let got: Vec<Span> = find(&text)
            .into_iter()
            .filter(|m| m.rule == index)
            .map(|m| m.span)
            .collect();
        if got != want {
            let shown: Vec<&str> = got.iter().map(|s| s.of(&text)).collect();
            return Err(format!(
                "rule {}: example {ex:?} found {shown:?}",
                rule.id
            ));
        }
    }
    for counter in &rule.counters {
        let got: Vec<String> = find(counter)
            .into_iter()
            .filter(|m| m.rule == index)
            .map(|m| m.span.of(counter).to_string())
            .collect();
        if !got.is_empty() {
            return Err(format!(
                "rule {}: counter {counter:?} found {got:?}",
                rule.id
            ));
        }
    }
    Ok(())
}

/// `words` (a zero-padded word, as [`AsciiWord`] reads it) cut
/// to its first `len` bytes.
fn truncate(mut words: [u64; 4], len: usize) -> [u64; 4] {
    for (k, w) in words.iter_mut().enumerate() {
        let keep = len.saturating_sub(8 * k).min(8);
        *w &= u64::MAX.checked_shr(64 - 8 * keep as u32).unwrap_or(0);
    }
    words
}

/// `word` without a lowercase tail that makes it a modifier: "Ewing" of
/// "Ewing-oriented", "Kong" of "Kong-based"; other words whole, such as
/// romanized given names ("Young-hoon").
fn name_part(word: &str) -> &str {
    // Participles not ending in "-ed", and other modifier-making words.
    const MODIFIER_TAILS: &[&str] = &[
        "run", "born", "bound", "made", "built", "held", "driven", "grown",
        "stricken", "ridden", "torn", "hit", "style", "era", "speaking",
        "wide", "like",
    ];
    // A byte search: `-` is ASCII, and words are short.
    match word.bytes().rposition(|b| b == b'-') {
        Some(at)
            if at > 0
                && word.chars().next().is_some_and(char::is_uppercase)
                && word[at + 1..].len() >= 3
                && word[at + 1..].bytes().all(|b| b.is_ascii_lowercase())
                && (word.ends_with("ed")
                    || MODIFIER_TAILS.contains(&&word[at + 1..])) =>
        {
            &word[..at]
        }
        _ => word,
    }
}

/// [`feature::TITLE`] for a capitalized hyphenated word with features
/// `f` whose parts are all title words, 0 otherwise: "Lieutenant-Colonel",
/// "Major-General", "Secretary-General" (a possessive is left out).
fn hyphenated_title(g: &Gazetteer, word: &str, f: u64) -> u64 {
    use feature::*;
    let all_titles = f & (HYPHEN | CAP | TITLE) == HYPHEN | CAP
        && strip_possessive(word)
            .split('-')
            .all(|p| !p.is_empty() && g.title_evidence(p).title);
    if all_titles {
        TITLE
    } else {
        0
    }
}

/// [`feature::GIVEN`] for a hyphenated word of two capitalized given
/// names that no list holds whole ("Charles-Michael", "Anna-Lena"):
/// its parts alone are often places ("Charles", "Michael").
#[cold]
#[inline(never)]
fn hyphenated_given(g: &Gazetteer, word: &str, f: u64) -> u64 {
    use feature::*;
    if f & (HYPHEN | CAP | GIVEN) != HYPHEN | CAP {
        return 0;
    }
    // Words that open places' names are given names too ("San",
    // "Santa"): "Francisco-San Jose" is two cities.
    const PLACE_OPENERS: [&str; 9] = [
        "San", "Santa", "Santo", "Sao", "São", "Los", "Las", "Saint", "Sainte",
    ];
    let mut parts = strip_possessive(word).split('-');
    let given = |p: &str| {
        !PLACE_OPENERS.contains(&p)
            && p.chars().next().is_some_and(char::is_uppercase)
            && p.chars().skip(1).all(char::is_lowercase)
            && more_than_one_char(p)
            && {
                let e = g.evidence(p);
                e.given_name && !e.common_word
            }
    };
    match (parts.next(), parts.next(), parts.next()) {
        (Some(a), Some(b), None) if given(a) && given(b) => GIVEN,
        _ => 0,
    }
}

fn more_than_one_char(s: &str) -> bool {
    s.chars().nth(1).is_some()
}

/// The feature bits of a word's gazetteer evidence, given its other
/// features `f`.
#[inline(always)]
fn evidence_bits(e: crate::gazetteer::Evidence, f: u64) -> u64 {
    use feature::*;
    let bit = |yes: bool, bit: u64| if yes { bit } else { 0 };
    // Rules only ask capitalized words for name evidence and whether
    // they are common.
    let names = if f & LOWER == 0 {
        bit(e.given_name, GIVEN)
            | bit(e.surname, SURNAME)
            | bit(e.org_suffix, ORG_SUFFIX)
            | bit(e.common_word, COMMON)
    } else {
        0
    };
    names | bit(e.title, TITLE) | bit(e.particle, PARTICLE)
}

/// [`evidence_bits`] of a short ASCII word `s`, read as `w`, with
/// features `f`, other than a lowercase word that is no possessive (the
/// common case, inline in [`RuleSet::ascii_word_features`]).
#[inline(never)]
fn ascii_evidence(g: &Gazetteer, w: &AsciiWord, s: &str, f: u64) -> u64 {
    // An ASCII word's bare form is a prefix of it, and so is its
    // lowercase form (ASCII has no `’`: only "'s" is a possessive).
    let b = s.as_bytes();
    let possessive = b.ends_with(b"'s");
    let n = b.len() - 2 * usize::from(possessive);
    let mut lower = &w.lower;
    let mut words = w.bytes;
    let bare_lower;
    if possessive {
        bare_lower = WordKey::new(truncate(lower.words, n), n);
        lower = &bare_lower;
        words = truncate(words, n);
    }
    let e = if f & feature::LOWER != 0 {
        g.title_evidence_key(lower)
    } else if b[..n].ends_with(b".") {
        let bytes = w.lower_bytes();
        g.evidence_lowered(&s[..n], &bytes[..n])
    } else if words == lower.words {
        g.evidence_keys(lower, lower)
    } else {
        g.evidence_keys(&WordKey::new(words, n), lower)
    };
    possessive_title(evidence_bits(e, f), f, possessive)
}

/// Evidence `bits` of a word with features `f`, without
/// [`feature::TITLE`] for a capitalized possessive: "the Lord's Prayer",
/// "the President's Cup" name what the office holds, and no name follows
/// them as one follows a title.
fn possessive_title(bits: u64, f: u64, possessive: bool) -> u64 {
    if possessive && f & feature::LOWER == 0 {
        bits & !feature::TITLE
    } else {
        bits
    }
}

/// The class of a word of one uppercase letter (`J`, `A`): an initial
/// when a `.` follows it directly, else capitalized.
#[cold]
#[inline(never)]
fn initial_or_cap(text: &str, tokens: &[Token], i: usize) -> u64 {
    let end = tokens[i].span.end;
    let dot = tokens
        .get(i + 1)
        .is_some_and(|n| n.span.start == end && n.span.of(text) == ".");
    if dot {
        feature::INITIAL
    } else {
        feature::CAP
    }
}

/// `f`, the features of hyphenated word `s`, with [`feature::HYPHEN`],
/// and for a particle-prefixed name ("al-Abadi", "el-Sisi") capitalized
/// and a particle.
#[cold]
#[inline(never)]
fn hyphenated(f: u64, s: &str) -> u64 {
    use feature::*;
    const PREFIXES: [&str; 6] = ["al-", "el-", "ul-", "ud-", "bin-", "ibn-"];
    let prefixed = if s.is_ascii() {
        // Lowercasing ASCII keeps every byte in place: no copy needed.
        PREFIXES.iter().any(|p| {
            s.as_bytes()
                .get(..p.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()))
        })
    } else {
        let lower = s.to_lowercase();
        PREFIXES.iter().any(|p| lower.starts_with(p))
    };
    let capital_after = || {
        s.split('-')
            .nth(1)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase)
    };
    if prefixed && capital_after() {
        (f & !LOWER) | HYPHEN | CAP | PARTICLE
    } else if is_joined_name(s) {
        f | HYPHEN | GIVEN | SURNAME
    } else {
        f | HYPHEN
    }
}

/// Whether hyphenated word `s` is an Arabic-script name of two words
/// joined by the article ("Inzamam-ul-Haq", "Ata-ur-Rehman", "Salah-ud-Din"):
/// it is a person's given name and surname at once, as the lists have
/// no such forms.
pub(crate) fn is_joined_name(s: &str) -> bool {
    const JOINS: [&str; 8] = ["ul", "ur", "ud", "us", "uz", "un", "ush", "ut"];
    let mut parts = s.split('-');
    let (Some(head), Some(join), Some(tail), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let named = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).all(char::is_lowercase)
            && w.chars().count() >= 2
    };
    named(head) && JOINS.contains(&join) && named(tail)
}

/// Marks the sentences of `out`'s features that are headlines: mostly
/// ALL-CAPS words, or title case that capitalizes function words
/// ("Amnesty Urges Pakistan To Halt"). A list of names ("Tim Henman
/// (Britain) beat Doug Flach") is not one.
fn mark_headlines(
    text: &str,
    tokens: &[Token],
    sentence_starts: &[usize],
    out: &mut [u64],
) {
    use feature::*;
    for (k, &a) in sentence_starts.iter().enumerate() {
        let b = sentence_starts.get(k + 1).copied().unwrap_or(tokens.len());
        let (mut words, mut upper, mut caps) = (0, 0, 0);
        for &f in out.get(a..b).unwrap_or_default() {
            words += usize::from(f & WORD != 0);
            upper += usize::from(f & UPPER != 0);
            caps += usize::from(f & (CAP | UPPER) != 0 && f & WORD != 0);
        }
        // Function words only decide title-case headlines.
        let headline = words >= 3
            && (upper * 10 >= words * 6
                || caps * 10 >= words * 7
                    && (a + 1..b).any(|i| {
                        out[i] & CAP != 0
                            && FUNCTION_WORDS
                                .contains(&tokens[i].span.of(text))
                    }));
        if headline {
            for f in &mut out[a..b] {
                *f |= HEADLINE;
            }
        }
    }
}

/// [`feature::DOT`] for a `.` right after `prev`, when `prev` is one
/// uppercase letter; else nothing.
fn dot_after_initial(text: &str, prev: Span) -> u64 {
    let mut cs = prev.of(text).chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) if c.is_uppercase() => feature::DOT,
        _ => 0,
    }
}

/// Whether `token` is the end of `span` and a possessive after it
/// ("NASA's" over "NASA").
fn ends_in_possessive(text: &str, token: Span, span: Span) -> bool {
    token.start >= span.start
        && span.end < token.end
        && matches!(text.get(span.end..token.end), Some("'s" | "’s"))
}

/// `s` without a trailing possessive "'s" (or "’s").
pub(crate) fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("'s").or_else(|| s.strip_suffix("’s")).unwrap_or(s)
}

fn or3(a: Bits, b: Bits) -> Bits {
    [a[0] | b[0], a[1] | b[1], a[2] | b[2]]
}

fn and3(a: Bits, b: Bits) -> Bits {
    [a[0] & b[0], a[1] & b[1], a[2] & b[2]]
}

#[inline(always)]
fn mask_ok(b: &Bits, care: &Bits, want: &Bits) -> bool {
    // No short cut: three ands and compares beat two branches.
    ((b[0] & care[0]) ^ want[0])
        | ((b[1] & care[1]) ^ want[1])
        | ((b[2] & care[2]) ^ want[2])
        == 0
}

struct Ctx<'a> {
    text: &'a str,
    tokens: &'a [Token],
    end: usize,
    lists: &'a [WordList],
    /// The features of the sentence's tokens, from `start`.
    feats: &'a [u64],
    /// Their list and literal bits.
    words: &'a [ListBits],
    start: usize,
}

impl Ctx<'_> {
    /// The bits of the sentence's `k`th token.
    #[inline(always)]
    fn bits(&self, k: usize) -> Bits {
        let l = self.words[k];
        [self.feats[k], l.lists, l.lits]
    }

    /// Most tests are one mask or a set of words: inline, without a
    /// call.
    #[inline(always)]
    fn test(&self, test: &Test, i: usize) -> bool {
        match test {
            Test::Mask { care, want } => {
                mask_ok(&self.bits(i - self.start), care, want)
            }
            Test::Any(m) => {
                let b = self.bits(i - self.start);
                (b[0] & m[0]) | (b[1] & m[1]) | (b[2] & m[2]) != 0
            }
            _ => self.test_compound(test, i),
        }
    }

    fn test_compound(&self, test: &Test, i: usize) -> bool {
        let b = &self.bits(i - self.start);
        match test {
            Test::Mask { care, want } => mask_ok(b, care, want),
            Test::Any(m) => (b[0] & m[0]) | (b[1] & m[1]) | (b[2] & m[2]) != 0,
            Test::And(ts) => ts.iter().all(|t| self.test(t, i)),
            Test::Or(ts) => ts.iter().any(|t| self.test(t, i)),
            Test::Not(t) => !self.test(t, i),
            Test::Text(pred) => self.text_test(pred, i),
        }
    }

    /// A list or literal test, on the token's text.
    fn text_test(&self, pred: &Pred, i: usize) -> bool {
        let w = self.tokens[i].span.of(self.text);
        match pred {
            Pred::List(l) => {
                let list = &self.lists[*l];
                list.contains(w) || list.contains(strip_possessive(w))
            }
            Pred::Lit(lit) => [w, strip_possessive(w)].iter().any(|w| {
                if lit.chars().any(char::is_uppercase) {
                    *w == &**lit
                } else {
                    w.eq_ignore_ascii_case(lit)
                }
            }),
            // Only lists and literals are compiled to text tests.
            _ => false,
        }
    }

    /// Tries `rule` (number `ri`) at token `i`, appending a match to
    /// `out`: returns the next start to try.
    fn attempt(
        &self,
        rule: &Rule,
        ri: usize,
        i: usize,
        out: &mut Vec<RuleMatch>,
    ) -> usize {
        let mut cap = (usize::MAX, usize::MAX);
        if let Some(end) = self.match_at(&rule.elems, 0, i, &mut cap) {
            if cap.0 < cap.1 && cap.1 <= end {
                self.emit(rule, ri, cap.0, cap.1, out);
                return cap.1.max(i + 1);
            }
        }
        i + 1
    }

    /// Appends the match of `rule` (number `ri`) marking tokens
    /// `open..close`.
    fn emit(
        &self,
        rule: &Rule,
        ri: usize,
        open: usize,
        close: usize,
        out: &mut Vec<RuleMatch>,
    ) {
        // A name ends before its possessive ("the House's"), and before
        // a modifier made of it ("Patrick Ewing-oriented"); it starts
        // after a modifier made of another name ("the Iran-backed Islamic
        // Resistance Front").
        let first = self.tokens[open].span.of(self.text);
        let open = if close - open > 1 && name_part(first).len() < first.len()
        {
            open + 1
        } else {
            open
        };
        let last = self.tokens[close - 1].span;
        let word = strip_possessive(last.of(self.text));
        let end = last.start + name_part(word).len();
        let span = Span::new(self.tokens[open].span.start, end);
        out.push(RuleMatch {
            span,
            kind: rule.kind,
            rule: ri as u32,
            priority: rule.priority,
        });
    }

    /// Matches `elems[e..]` from token `i`; returns the end token index.
    /// Quantifiers are greedy with backtracking. Brackets and elements
    /// matching a fixed number of tokens leave no choice to go back to,
    /// so they are stepped over in a loop: only a quantifier recurses.
    fn match_at(
        &self,
        elems: &[Elem],
        mut e: usize,
        mut i: usize,
        cap: &mut (usize, usize),
    ) -> Option<usize> {
        let saved = *cap;
        loop {
            let Some(elem) = elems.get(e) else { return Some(i) };
            match elem {
                Elem::Open => cap.0 = i,
                Elem::Close => cap.1 = i,
                Elem::Tok { test, min, max, .. } => {
                    let (min, max) = (*min as usize, *max as usize);
                    let mut n = 0;
                    while n < max && i + n < self.end && self.test(test, i + n)
                    {
                        n += 1;
                    }
                    if n < min {
                        *cap = saved;
                        return None;
                    }
                    if min < max {
                        loop {
                            if let Some(end) =
                                self.match_at(elems, e + 1, i + n, cap)
                            {
                                return Some(end);
                            }
                            if n == min {
                                *cap = saved;
                                return None;
                            }
                            n -= 1;
                        }
                    }
                    i += n;
                }
            }
            e += 1;
        }
    }
}

struct PatternParser<'a> {
    src: &'a [u8],
    at: usize,
    set: &'a RuleSet,
}

impl PatternParser<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(|c| c == b' ' || c == b'\t') {
            self.at += 1;
        }
    }

    fn conj(&mut self) -> std::result::Result<Pred, String> {
        let mut parts = vec![self.term()?];
        while self.peek() == Some(b'&') {
            self.at += 1;
            parts.push(self.term()?);
        }
        Ok(if parts.len() == 1 { parts.remove(0) } else { Pred::And(parts) })
    }

    fn term(&mut self) -> std::result::Result<Pred, String> {
        if self.peek() == Some(b'!') {
            self.at += 1;
            return Ok(Pred::Not(Box::new(self.term()?)));
        }
        match self.peek() {
            Some(b'(') => {
                self.at += 1;
                let mut alts = vec![self.conj()?];
                while self.peek() == Some(b'|') {
                    self.at += 1;
                    alts.push(self.conj()?);
                }
                if self.peek() != Some(b')') {
                    return Err(format!(
                        "expected `)` at column {}",
                        self.at + 1
                    ));
                }
                self.at += 1;
                Ok(Pred::Or(alts))
            }
            Some(b'"') => {
                self.at += 1;
                let start = self.at;
                while self.peek().is_some_and(|c| c != b'"') {
                    self.at += 1;
                }
                if self.peek() != Some(b'"') {
                    return Err("unclosed `\"`".into());
                }
                let lit = String::from_utf8_lossy(&self.src[start..self.at]);
                self.at += 1;
                Ok(Pred::Lit(lit.into_owned().into()))
            }
            Some(b'@') => {
                self.at += 1;
                let name = self.ident();
                match self.set.list_names.get(&name) {
                    Some(&i) => Ok(Pred::List(i)),
                    None => Err(format!("unknown list @{name} (define it with `list {name}: ...` before the rule)")),
                }
            }
            _ => {
                let name = self.ident();
                if name.is_empty() {
                    return Err(format!(
                        "unexpected {:?} at column {}",
                        self.peek().map(char::from),
                        self.at + 1
                    ));
                }
                feature::NAMES
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|&(_, bits)| Pred::Feat(bits))
                    .ok_or_else(|| {
                        let known: Vec<&str> =
                            feature::NAMES.iter().map(|(n, _)| *n).collect();
                        format!(
                            "unknown feature {name:?} (known: {})",
                            known.join(", ")
                        )
                    })
            }
        }
    }

    fn ident(&mut self) -> String {
        let start = self.at;
        while self.peek().is_some_and(|c| {
            c.is_ascii_alphanumeric() || c == b'_' || c == b'.'
        }) {
            self.at += 1;
        }
        String::from_utf8_lossy(&self.src[start..self.at]).into_owned()
    }

    fn quant(&mut self) -> std::result::Result<(u8, u8), String> {
        Ok(match self.peek() {
            Some(b'?') => {
                self.at += 1;
                (0, 1)
            }
            Some(b'*') => {
                self.at += 1;
                (0, 8)
            }
            Some(b'+') => {
                self.at += 1;
                (1, 8)
            }
            Some(b'{') => {
                self.at += 1;
                let start = self.at;
                while self.peek().is_some_and(|c| c != b'}') {
                    self.at += 1;
                }
                let body = String::from_utf8_lossy(&self.src[start..self.at])
                    .into_owned();
                if self.peek() != Some(b'}') {
                    return Err("unclosed `{`".into());
                }
                self.at += 1;
                let (a, b) = body.split_once(',').unwrap_or((&body, &body));
                let parse = |s: &str| {
                    s.trim()
                        .parse::<u8>()
                        .map_err(|_| format!("bad count {{{body}}}"))
                };
                let (min, max) = (parse(a)?, parse(b)?);
                if min > max || max == 0 {
                    return Err(format!("bad count {{{body}}}"));
                }
                (min, max)
            }
            _ => (1, 1),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn default_gazetteer() -> crate::gazetteer::Gazetteer {
        crate::gazetteer::GazetteerBuilder::new()
            .build()
            .expect("default gazetteer")
    }

    /// A text segmented, with its tokens' features and list bits from
    /// the document pass.
    struct Analyzed {
        seg: Segmentation,
        starts: Vec<usize>,
        feats: Vec<u64>,
        lists: Vec<ListBits>,
    }

    fn analyzed(
        set: &RuleSet,
        g: &crate::gazetteer::Gazetteer,
        text: &str,
    ) -> Analyzed {
        let mut seg = Segmentation::default();
        Segmenter::new().segment(text, &mut seg);
        let starts: Vec<usize> =
            seg.sentences.iter().map(|s| s.tokens.start).collect();
        let (mut feats, mut lists) = (Vec::new(), Vec::new());
        set.features_and_lists(
            text,
            &seg.tokens,
            &starts,
            Some(g),
            &mut feats,
            &mut lists,
        );
        Analyzed { seg, starts, feats, lists }
    }

    /// One of the sample articles in `data/`: real news text.
    fn sample_article() -> String {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/amnesty-pakistan-deportations.txt"
        );
        std::fs::read_to_string(path).expect("sample text")
    }
    use crate::segment::{Segmentation, Segmenter};

    /// The meaning of a predicate, read off the token directly: what
    /// compiled tests must agree with.
    fn meaning(
        set: &RuleSet,
        text: &str,
        t: &Token,
        f: u64,
        p: &Pred,
    ) -> bool {
        let w = t.span.of(text);
        match p {
            Pred::Feat(bits) => f & bits == *bits,
            Pred::List(l) => {
                let list = &set.lists[*l];
                list.contains(w) || list.contains(strip_possessive(w))
            }
            Pred::Lit(lit) => [w, strip_possessive(w)].iter().any(|w| {
                if lit.chars().any(char::is_uppercase) {
                    *w == &**lit
                } else {
                    w.eq_ignore_ascii_case(lit)
                }
            }),
            Pred::Not(p) => !meaning(set, text, t, f, p),
            Pred::And(ps) => ps.iter().all(|p| meaning(set, text, t, f, p)),
            Pred::Or(ps) => ps.iter().any(|p| meaning(set, text, t, f, p)),
        }
    }

    /// The features pass as it was before its fast path: what the
    /// pass must still answer.
    #[allow(clippy::too_many_lines)]
    fn reference_features(
        set: &RuleSet,
        text: &str,
        tokens: &[Token],
        sentence_starts: &[usize],
        gazetteer: Option<&Gazetteer>,
        out: &mut Vec<u64>,
        mut lists: Option<&mut Vec<ListBits>>,
    ) {
        use feature::*;
        out.clear();
        out.reserve(tokens.len());
        let mut starts = sentence_starts.iter().peekable();
        for (i, t) in tokens.iter().enumerate() {
            // Bytes, without the char-boundary checks of a `str` slice
            // (spans are on boundaries): the text only where needed.
            let b = &text.as_bytes()[t.span.range()];
            let s = || t.span.of(text);
            let mut f = 0;
            while starts.peek().is_some_and(|&&st| st < i) {
                starts.next();
            }
            // Only sentence starts: in hard-wrapped copy a line start is
            // not one, and the segmenter has already split headlines.
            if starts.peek().is_some_and(|&&st| st == i) {
                f |= START;
                if let Some(prev) = out.last_mut() {
                    *prev |= END;
                }
            }
            if i > 0 && !t.space_before {
                f |= ATTACHED;
            }
            match t.kind {
                TokenKind::Word => {
                    f |= WORD;
                    // Short ASCII, nearly every word: its shape and
                    // lowercase form from one pass over its bytes.
                    let word = AsciiWord::read(b);
                    let ascii = word.ascii.then_some(&word);
                    let shape = match &ascii {
                        Some(w) => w.shape(b),
                        None => WordShape::of(s()),
                    };
                    // One hash of the lowercase word, in `ascii`, for the
                    // lists and the gazetteer.
                    if let Some(lists) = lists.as_deref_mut() {
                        lists.push(match &ascii {
                            Some(w) => set.index.short_list_bits(b, w),
                            None => set.index.list_bits_of(s()),
                        });
                    }
                    if shape.first_upper {
                        if shape.has_lower {
                            f |= CAP;
                        } else if shape.letters >= 2 {
                            f |= UPPER;
                        } else if tokens.get(i + 1).is_some_and(|n| {
                            n.span.start == t.span.end
                                && n.span.of(text) == "."
                        }) {
                            f |= INITIAL;
                        } else {
                            f |= CAP;
                        }
                    } else if shape.first_lower {
                        f |= LOWER;
                    }
                    if strip_possessive(s()).len() < b.len() {
                        f |= POSS;
                    }
                    if shape.hyphen {
                        f |= HYPHEN;
                        // "al-Abadi", "el-Sisi": a particle-prefixed name.
                        let lower = s().to_lowercase();
                        if ["al-", "el-", "ul-", "ud-", "bin-", "ibn-"]
                            .iter()
                            .any(|p| lower.starts_with(p))
                            && s()
                                .split('-')
                                .nth(1)
                                .and_then(|r| r.chars().next())
                                .is_some_and(char::is_uppercase)
                        {
                            f = (f & !LOWER) | CAP | PARTICLE;
                        } else if is_joined_name(s()) {
                            f |= GIVEN | SURNAME;
                        }
                    }
                    if let Some(g) = gazetteer {
                        let e = match &ascii {
                            // An ASCII word's bare form is a prefix of
                            // it, and so is its lowercase form (ASCII
                            // has no `’`: only "'s" is a possessive).
                            Some(w) => {
                                let possessive = b.ends_with(b"'s");
                                let n = b.len() - 2 * usize::from(possessive);
                                let mut lower = &w.lower;
                                let mut words = w.bytes;
                                let bare_lower;
                                if possessive {
                                    bare_lower = WordKey::new(
                                        truncate(lower.words, n),
                                        n,
                                    );
                                    lower = &bare_lower;
                                    words = truncate(words, n);
                                }
                                if f & LOWER != 0 {
                                    g.title_evidence_key(lower)
                                } else if b[..n].ends_with(b".") {
                                    let bytes = w.lower_bytes();
                                    g.evidence_lowered(&s()[..n], &bytes[..n])
                                } else {
                                    if words == lower.words {
                                        g.evidence_keys(lower, lower)
                                    } else {
                                        let word = WordKey::new(words, n);
                                        g.evidence_keys(&word, lower)
                                    }
                                }
                            }
                            None if f & LOWER == 0 => {
                                g.evidence(strip_possessive(s()))
                            }
                            None => g.title_evidence(strip_possessive(s())),
                        };
                        // Rules only ask capitalized words for name
                        // evidence and whether they are common.
                        if f & LOWER == 0 {
                            if e.given_name {
                                f |= GIVEN;
                            }
                            if e.surname {
                                f |= SURNAME;
                            }
                            if e.org_suffix {
                                f |= ORG_SUFFIX;
                            }
                            if e.common_word {
                                f |= COMMON;
                            }
                        }
                        // A capitalized possessive is no title ("the
                        // Lord's Prayer").
                        let possessive = strip_possessive(s()).len() < b.len();
                        if e.title && (f & LOWER != 0 || !possessive) {
                            f |= TITLE;
                        }
                        if e.particle {
                            f |= PARTICLE;
                        }
                        f |= hyphenated_title(g, s(), f)
                            | hyphenated_given(g, s(), f);
                    }
                }
                TokenKind::Number => {
                    f |= NUM;
                    if b.len() <= 3 && b.iter().all(u8::is_ascii_digit) {
                        f |= SHORT_NUM;
                    }
                }
                TokenKind::Punct => {
                    f |= PUNCT;
                    if b == b"."
                        && i > 0
                        && tokens[i - 1].span.end == t.span.start
                    {
                        let prev = tokens[i - 1].span.of(text);
                        let mut cs = prev.chars();
                        if let (Some(c), None) = (cs.next(), cs.next()) {
                            if c.is_uppercase() {
                                f |= DOT;
                            }
                        }
                    }
                }
            }
            if t.kind != TokenKind::Word {
                if let Some(lists) = lists.as_deref_mut() {
                    lists.push(set.index.list_bits_of(s()));
                }
            }
            out.push(f);
        }
        if let Some(last) = out.last_mut() {
            *last |= END;
        }
        mark_headlines(text, tokens, sentence_starts, out);
    }

    /// The sample article with cases off the common path: initials,
    /// hyphenated particles, possessives, non-ASCII and long words,
    /// abbreviations, numbers, headlines, text ending within eight bytes
    /// of a word.
    fn unusual_article() -> String {
        let mut text = sample_article();
        text.push_str(
            "\n\nJ. R. Smith and al-Abadi met El-Sisi, Ibn-Saud and bin-Laden. \
             The Minister\u{2019}s aide, Mr. O'Neill's wife, and Ms. Żaneta \
             Öztürk-Şahin said 42 of 1,200 Inc. and Co. staff left. \
             AMNESTY URGES PAKISTAN TO HALT DEPORTATIONS\n\
             Amnesty Urges Pakistan To Halt Deportations\n\
             Supercalifragilisticexpialidocious-ness and Well-Known \
             antidisestablishmentarianism-like A. B x-ray U.S.-based \
             President's J",
        );
        text
    }

    /// `text` segmented, with the first token of each sentence.
    fn segmented(text: &str) -> (Segmentation, Vec<usize>) {
        let mut seg = Segmentation::default();
        Segmenter::new().segment(text, &mut seg);
        let starts = seg.sentences.iter().map(|s| s.tokens.start).collect();
        (seg, starts)
    }

    #[test]
    fn features_agree_with_the_reference_pass() {
        let set = RuleSetBuilder::new().build().expect("default rules");
        let g = default_gazetteer();
        let text = unusual_article();
        let (seg, starts) = segmented(&text);
        for g in [Some(&g), None] {
            let (mut feats, mut lists) = (Vec::new(), Vec::new());
            set.features_and_lists(
                &text,
                &seg.tokens,
                &starts,
                g,
                &mut feats,
                &mut lists,
            );
            let (mut want, mut want_lists) = (Vec::new(), Vec::new());
            reference_features(
                &set,
                &text,
                &seg.tokens,
                &starts,
                g,
                &mut want,
                Some(&mut want_lists),
            );
            assert_eq!(feats, want);
            assert_eq!(lists, want_lists);
            let mut alone = Vec::new();
            set.features(&text, &seg.tokens, &starts, g, &mut alone);
            assert_eq!(alone, want);
        }
        // Sentence starts out of order or past the end, as a walk along
        // the tokens takes them.
        let n = seg.tokens.len();
        for starts in [vec![5, 3, 9, 9, 2, n + 4], vec![0, n - 1], vec![]] {
            let mut feats = Vec::new();
            set.features(&text, &seg.tokens, &starts, Some(&g), &mut feats);
            let mut want = Vec::new();
            reference_features(
                &set,
                &text,
                &seg.tokens,
                &starts,
                Some(&g),
                &mut want,
                None,
            );
            assert_eq!(feats, want);
        }
    }

    #[test]
    fn cached_features_agree_with_the_uncached() {
        let set = RuleSetBuilder::new().build().expect("default rules");
        let g = default_gazetteer();
        let text = unusual_article();
        let (seg, starts) = segmented(&text);
        let (mut want, mut want_lists) = (Vec::new(), Vec::new());
        set.features_and_lists(
            &text,
            &seg.tokens,
            &starts,
            Some(&g),
            &mut want,
            &mut want_lists,
        );
        // A full-size cache, and one of two slots where words keep
        // taking each other's place; each run twice, the second answered
        // from what the first left.
        for bits in [CACHE_BITS, 1] {
            let mut cache = WordCache::with_bits(bits);
            cache.claim(7);
            for pass in 0..2 {
                let (mut feats, mut lists) = (Vec::new(), Vec::new());
                set.features_and_lists_cached(
                    &text,
                    &seg.tokens,
                    &starts,
                    &g,
                    &mut feats,
                    &mut lists,
                    &mut cache,
                );
                assert_eq!(feats, want, "{bits} bits, pass {pass}");
                assert_eq!(lists, want_lists, "{bits} bits, pass {pass}");
            }
            let kept = cache.slots.iter().filter(|s| s.len != 0).count();
            assert!(kept > 0 && kept <= 1 << bits);
            // Numbers of two digits or more are kept too ("42", "1,200"),
            // under keys no word has.
            if bits == CACHE_BITS {
                assert!(cache.slots.iter().any(|s| s.len == 2 | 1 << 8));
            }
            // A lone capital's features depend on the next token: its
            // word is never kept ("J." and "J", "A." and "B").
            assert!(!cache.slots.iter().any(
                |s| s.len == 1 && (s.words[0] as u8).is_ascii_uppercase()
            ));
        }
    }

    #[test]
    fn word_cache_is_emptied_for_another_owner() {
        let set = RuleSetBuilder::new().build().expect("default rules");
        let g = default_gazetteer();
        let text = "Sharif said Sharif would go.";
        let mut seg = Segmentation::default();
        Segmenter::new().segment(text, &mut seg);
        let (mut feats, mut lists) = (Vec::new(), Vec::new());
        let mut cache = WordCache::new();
        let kept =
            |c: &WordCache| c.slots.iter().filter(|s| s.len != 0).count();
        cache.claim(1);
        set.features_and_lists_cached(
            text,
            &seg.tokens,
            &[0],
            &g,
            &mut feats,
            &mut lists,
            &mut cache,
        );
        // "Sharif", "said", "would", "go": the repeat is one word.
        assert_eq!(kept(&cache), 4);
        cache.claim(1);
        assert_eq!(kept(&cache), 4);
        cache.claim(2);
        assert_eq!(kept(&cache), 0);
    }

    #[test]
    fn cache_keys_are_the_word_bytes() {
        // Words of every length the cache keeps and past it, in the
        // middle of a text and ending at its end (fewer than sixteen
        // bytes left to load).
        let letters = "abcdefghijklmnopqrstuvwxyz";
        for len in 1..=CACHED_WORD + 2 {
            let word = &letters[..len];
            for text in
                [format!("{word} and more text after it"), format!("x {word}")]
            {
                let start = text.find(word).expect("word");
                let span = Span::new(start, start + len);
                let key = CacheKey::read_in(text.as_bytes(), span);
                if len > CACHED_WORD {
                    assert!(key.is_none());
                    continue;
                }
                let key = key.expect("short word");
                let (lo, hi) = word.as_bytes().split_at(len.min(8));
                assert_eq!(key.words, [load_le(lo), load_le(hi)], "{text:?}");
                assert_eq!(key.len as usize, len);
            }
        }
        assert!(CacheKey::read_in(b"ab", Span::new(1, 1)).is_none());
    }

    /// Asserts that each token's list and literal bits from the document
    /// pass are what the token alone has, and that every compiled test of
    /// `set` answers on every token as its predicate means, holding what
    /// the rule filter assumes of the tokens passing it. Returns how many
    /// answers were true and false.
    fn assert_tests_mean_their_predicates(
        set: &RuleSet,
        text: &str,
        seg: &Segmentation,
        feats: &[u64],
        lists: &[ListBits],
    ) -> (usize, usize) {
        let bits: Vec<Bits> = seg
            .tokens
            .iter()
            .zip(feats)
            .zip(lists)
            .map(|((t, &f), l)| {
                let (lists, lits) = set.index.token_bits(t.span.of(text));
                // The document pass finds what the token alone has.
                assert_eq!((l.lists, l.lits), (lists, lits), "{t:?}");
                [f, lists, lits]
            })
            .collect();
        let ctx = Ctx {
            text,
            tokens: &seg.tokens,
            end: seg.tokens.len(),
            lists: &set.lists,
            feats,
            words: lists,
            start: 0,
        };
        let (mut yes, mut no) = (0, 0);
        for rule in &set.rules {
            for e in &rule.elems {
                let Elem::Tok { pred, test, .. } = e else { continue };
                for (i, t) in seg.tokens.iter().enumerate() {
                    let want = meaning(set, text, t, feats[i], pred);
                    assert_eq!(
                        ctx.test(test, i),
                        want,
                        "rule {} token {:?} {pred:?}",
                        rule.id,
                        t.span.of(text)
                    );
                    if want {
                        yes += 1;
                        // What `run` skips sentences by must hold of
                        // every token passing the test.
                        let b = &bits[i];
                        let (need, forbid) = (test.need(), test.forbid());
                        assert_eq!(and3(*b, need), need, "{pred:?}");
                        assert_eq!(and3(*b, forbid), [0; 3], "{pred:?}");
                        if let Some(m) = test.need_any() {
                            assert_ne!(and3(*b, m), [0; 3], "{pred:?}");
                        }
                    } else {
                        no += 1;
                    }
                }
            }
        }
        (yes, no)
    }

    #[test]
    fn compiled_tests_agree_with_their_predicates() {
        // Past 64 lists, tests ask the text.
        let mut extra: String =
            (0..60).map(|i| format!("list many{i}: x{i} Y{i}\n")).collect();
        extra += "list late: Ahmad's said\n\
            rule t.late\n  type PERSON\n  match [@late \"U.N.\" \"said\"]\n";
        // And past 64 literals.
        let lits: Vec<String> = (0..70).map(|i| format!("\"l{i}\"")).collect();
        extra += &format!(
            "rule t.lits\n  type PERSON\n  match [({}|\"Said\"|\"the\")]\n",
            lits.join("|")
        );
        let mut b = RuleSetBuilder::new();
        b.add_str("extra.rules", extra);
        let set = b.build().expect("rules build");
        assert!(set.lists.len() > 64, "{} lists", set.lists.len());
        assert!(
            set.index.lits.len() > 64,
            "{} literals",
            set.index.lits.len()
        );
        let g = default_gazetteer();
        let sample = sample_article();
        let text = format!(
            "{sample}\nTHE Ahmad's SAID the U.N. vs. Élan ÉLAN said, van der Berg Ltd. ǅemal"
        );
        let Analyzed { seg, starts, feats, lists } = analyzed(&set, &g, &text);
        let mut alone = Vec::new();
        set.features(&text, &seg.tokens, &starts, Some(&g), &mut alone);
        assert_eq!(feats, alone);
        let (yes, no) = assert_tests_mean_their_predicates(
            &set, &text, &seg, &feats, &lists,
        );
        assert!(yes > 1000 && no > 1000, "{yes} true, {no} false");
        // Position masks agree with testing token by token.
        let mut sentences = 0;
        for s in &seg.sentences {
            let r = s.tokens.clone();
            if r.is_empty() || r.len() > 64 {
                continue;
            }
            sentences += 1;
            let ctx = Ctx {
                text: &text,
                tokens: &seg.tokens,
                end: r.end,
                lists: &set.lists,
                feats: &feats[r.clone()],
                words: &lists[r.clone()],
                start: r.start,
            };
            let masks = PosMasks::new(&ctx);
            for rule in &set.rules {
                for e in &rule.elems {
                    let Elem::Tok { pred, test, .. } = e else { continue };
                    let want = r
                        .clone()
                        .filter(|&i| ctx.test(test, i))
                        .fold(0u64, |m, i| m | 1 << (i - r.start));
                    assert_eq!(masks.eval(&ctx, test), want, "{pred:?}");
                }
            }
        }
        assert!(sentences > 10, "{sentences} sentences");
    }

    #[test]
    fn short_words_answer_as_the_word_map() {
        // The word map's answer for a short ASCII token, as it was
        // computed before the short-word table.
        fn by_map(index: &TokenIndex, b: &[u8]) -> (u64, u64) {
            let lower = b.to_ascii_lowercase();
            let upper = lower != b;
            let e = index.get_bytes(b);
            let l = if upper { index.get_bytes(&lower) } else { e };
            let (mut lists, mut lits) = (e[0] | l[1], e[2] | l[3]);
            if let Some(bare) = b.strip_suffix(b"'s") {
                let e = index.get_bytes(bare);
                let l = if upper {
                    index.get_bytes(&lower[..bare.len()])
                } else {
                    e
                };
                lists |= e[0] | l[1];
                lits |= e[2] | l[3];
            }
            (lists, lits)
        }
        let set = RuleSetBuilder::new().build().expect("rules build");
        let mut checked = 0;
        for word in set.index.words.keys() {
            let Ok(word) = std::str::from_utf8(word) else { continue };
            let title: String = word
                .chars()
                .enumerate()
                .map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c })
                .collect();
            for w in [
                word.to_string(),
                word.to_ascii_lowercase(),
                word.to_ascii_uppercase(),
                title,
            ] {
                for w in [w.clone(), format!("{w}'s"), format!("{w}x")] {
                    if w.len() > SHORT_WORD || !w.is_ascii() {
                        continue;
                    }
                    let want = by_map(&set.index, w.as_bytes());
                    assert_eq!(set.index.token_bits(&w), want, "{w:?}");
                    checked += usize::from(want != (0, 0));
                }
            }
        }
        for c in 0..128u8 {
            let w = char::from(c).to_string();
            let want = by_map(&set.index, w.as_bytes());
            assert_eq!(set.index.token_bits(&w), want, "{w:?}");
            checked += usize::from(want != (0, 0));
        }
        assert!(checked > 1000, "{checked} words with bits");
    }

    #[test]
    fn short_words_hash_as_their_keys_do() {
        for w in ["a", "of", "said", "Pakistan", "al-Abadi", "O'Neill"] {
            let key = WordKey::of(w.as_bytes()).expect("short");
            let one = WordKey::hash_of_short(key.words[0], key.len);
            assert_eq!(one, key.hash, "{w:?}");
            // And as the features pass reads them from the text.
            let text = format!("{w} and more");
            let word =
                AsciiWord::read_in(text.as_bytes(), Span::new(0, w.len()));
            assert_eq!(
                word.lower.hash,
                AsciiWord::read(w.as_bytes()).lower.hash
            );
            assert_eq!(word.bytes, key.words);
        }
    }

    #[test]
    fn ascii_words_read_as_the_byte_loop_does() {
        let all: Vec<u8> = (0u8..128).collect();
        let sizes = [32, 13, 12, 8, 7, 6, 5, 4, 3, 2, 1];
        let words = sizes
            .iter()
            .flat_map(|&n| all.chunks(n))
            .map(|w| std::str::from_utf8(w).expect("ASCII"))
            .chain(["al-Abadi", "Timor-Leste", "I", "UN", "x-", "-", "Aa"]);
        for w in words {
            let word = AsciiWord::read(w.as_bytes());
            assert!(word.ascii);
            assert_eq!(word.shape(w.as_bytes()), WordShape::of(w), "{w:?}");
            let lower = WordKey::of(w.to_ascii_lowercase().as_bytes());
            assert_eq!(Some(word.lower), lower, "{w:?}");
            let lower = word.lower_bytes();
            assert_eq!(&lower[..w.len()], w.to_lowercase().as_bytes());
        }
        assert!(!AsciiWord::read("Élan".as_bytes()).ascii);
        assert!(!AsciiWord::read(&[b'a'; SHORT_WORD + 1]).ascii);
    }

    /// Runs the built-in rules over the sample article's token windows
    /// (one start every `step` tokens, each of the `lens`, those of more
    /// than `min_len` tokens), once with `fast` and once token by token,
    /// asserting the same matches; returns how many windows ran, how many
    /// matches were found, and the article's tokens.
    fn compare_with_token_tests(
        step: usize,
        lens: &[usize],
        min_len: usize,
        mut fast: impl FnMut(
            &RuleSet,
            &str,
            &Analyzed,
            std::ops::Range<usize>,
            &mut Vec<RuleMatch>,
        ),
    ) -> (usize, usize, usize) {
        let set = RuleSetBuilder::new().build().expect("rules build");
        let g = default_gazetteer();
        let text = sample_article();
        let a = analyzed(&set, &g, &text);
        let n = a.seg.tokens.len();
        let (mut found, mut windows) = (0, 0);
        for start in (0..n.saturating_sub(min_len)).step_by(step) {
            for &len in lens {
                let r = start..(start + len).min(n);
                if r.len() <= min_len {
                    continue;
                }
                let (mut quick, mut slow) = (Vec::new(), Vec::new());
                fast(&set, &text, &a, r.clone(), &mut quick);
                let l = &a.lists[r.clone()];
                set.run_with(
                    &text,
                    &a.seg.tokens,
                    &a.feats,
                    l,
                    r.clone(),
                    None,
                    &mut slow,
                );
                assert_eq!(quick, slow, "tokens {r:?}");
                found += quick.len();
                windows += 1;
            }
        }
        (windows, found, n)
    }

    #[test]
    fn position_masks_find_what_token_tests_find() {
        // Every window of up to 64 tokens, run both ways, through one
        // scratch for all windows, as for a document's sentences.
        let mut scratch = None;
        let (windows, found, _) = compare_with_token_tests(
            7,
            &[1, 2, 5, 17, 40, 63, 64],
            0,
            |set, text, a, r, out| {
                let masks = scratch.get_or_insert_with(|| {
                    PosMasks::for_tests(set.tests.len())
                });
                let l = &a.lists[r.clone()];
                set.run_with(
                    text,
                    &a.seg.tokens,
                    &a.feats,
                    l,
                    r,
                    Some(masks),
                    out,
                );
            },
        );
        assert!(windows > 500 && found > 100, "{windows} windows, {found}");
    }

    #[test]
    fn wide_position_masks_find_what_token_tests_find() {
        // Windows of 65 to 128 tokens, run both ways, through one
        // scratch as for a document's long sentences.
        let mut scratch = None;
        let (windows, found, n) = compare_with_token_tests(
            5,
            &[65, 66, 80, 101, 127, 128],
            64,
            |set, text, a, r, out| {
                let wide = scratch.get_or_insert_with(|| {
                    let mut wide = WidePosMasks::for_tests(set.tests.len());
                    wide.reads = set.reads;
                    wide
                });
                let l = &a.lists[r.clone()];
                set.run_wide(text, &a.seg.tokens, &a.feats, l, r, wide, out);
            },
        );
        assert!(n > 128, "{n} tokens");
        assert!(windows > 100 && found > 100, "{windows} windows, {found}");
    }

    #[test]
    fn literal_alternatives_are_indexed_as_lists() {
        // New literals past the first 64 (however many the built-in
        // rules have), then rules needing no word but one of their first
        // element's: they must be filed under their bits and run only
        // where one of them is, with literal case rules ("Christian"
        // exactly, "social" in any ASCII case, "k" not the Kelvin sign),
        // also when the alternatives test more than the word.
        let built_in = RuleSetBuilder::new().build().expect("rules build");
        // The built-in rules leave list bits for users' rule files: past
        // them, a user's list or literal is a text test, asked of every
        // token. When this fails, widen `Bits` rather than squeeze.
        let index = &built_in.index;
        let left = 64 - index.bit_lists - index.spilled.count_ones() as usize;
        assert!(left >= 6, "{left} list bits left for user rules");
        // Just enough to spill the rules' own literals: spilled literals
        // borrow the list bits no list has, and those are few.
        let fill = 64usize.saturating_sub(built_in.index.lits.len()) + 1;
        let filler: Vec<String> =
            (0..fill).map(|i| format!("\"f{i}\"")).collect();
        let extra = format!(
            "rule t.filler\n  type PERSON\n  match [({}|\"k\")] !Cap&!Upper\n\
             rule t.creed\n  type ORGANIZATION\n  \
             match [(\"Christian\"|\"social\") Cap]\n\
             rule t.free\n  type ORGANIZATION\n  \
             match [(\"Free\"&Cap|\"liberal\"&!Headline) Cap]\n",
            filler.join("|")
        );
        let mut b = RuleSetBuilder::new();
        b.add_str("extra.rules", extra);
        let set = b.build().expect("rules build");
        assert!(set.index.lits.len() > 64, "{}", set.index.lits.len());
        assert_ne!(set.index.spilled, 0);
        let rule_number = |id: &str| {
            let ri = set.rules.iter().position(|r| r.id == id);
            let ri = ri.expect("rule");
            let rule = &set.rules[ri];
            // Compiled to bits, not text tests.
            for e in &rule.elems {
                if let Elem::Tok { test, .. } = e {
                    assert!(!matches!(test, Test::Text(_)), "{test:?}");
                }
            }
            let words = rule.need_any.iter().find(|m| m[FEATS] == 0);
            let words = *words.expect("a set of words");
            assert_ne!(and3(words, [0, set.index.spilled, 0]), [0; 3]);
            assert_eq!(set.filter.unkeyed[ri / 64] & 1 << (ri % 64), 0);
            ri
        };
        let (ri, free) = (rule_number("t.creed"), rule_number("t.free"));
        let g = default_gazetteer();
        let text = "The Christian Democrats won. The christian Democrats \
            lost. SOCIAL Democrats met. Social Democrats met. The Social's \
            Party met. No party word here at all. \u{212a} Lee, K Lee and \
            k zz met. Christian\u{e9} Nord met. ÉLAN social Élan. Free \
            Democrats met. LIBERAL Democrats met. The free Democrats met.";
        let Analyzed { seg, feats, lists, .. } = analyzed(&set, &g, text);
        let mut found = Vec::new();
        let sentences = seg.sentences.iter().map(|s| s.tokens.clone());
        set.run_sentences(
            text,
            &seg.tokens,
            &feats,
            &lists,
            sentences,
            &mut found,
        );
        let got: Vec<&str> = found
            .iter()
            .filter(|m| m.rule as usize == ri)
            .map(|m| m.span.of(text))
            .collect();
        let want = [
            "Christian Democrats",
            "SOCIAL Democrats",
            "Social Democrats",
            "Social's Party",
            "social \u{c9}lan",
        ];
        assert_eq!(got, want);
        let got: Vec<&str> = found
            .iter()
            .filter(|m| m.rule as usize == free)
            .map(|m| m.span.of(text))
            .collect();
        assert_eq!(got, ["Free Democrats", "LIBERAL Democrats"]);
        // The filter offers the rules only to sentences with their words.
        for s in &seg.sentences {
            let r = s.tokens.clone();
            let (mut any, mut all) = ([0; 3], [!0; 3]);
            for (&f, l) in feats[r.clone()].iter().zip(&lists[r.clone()]) {
                any = or3(any, [f, l.lists, l.lits]);
                all = and3(all, [f, l.lists, l.lits]);
            }
            let mut offered = [false; 2];
            set.filter.each_feasible(&set.packed, r.len(), &any, &all, |k| {
                offered[0] |= k == ri;
                offered[1] |= k == free;
            });
            let has = |exact: &str, folded: &str| {
                seg.tokens[r.clone()].iter().any(|t| {
                    let w = strip_possessive(t.span.of(text));
                    w == exact || w.eq_ignore_ascii_case(folded)
                })
            };
            let words = [has("Christian", "social"), has("Free", "liberal")];
            assert_eq!(offered, words, "{:?}", s.tokens);
        }
        // Every compiled test answers as its predicate, lent bits too.
        assert_tests_mean_their_predicates(&set, text, &seg, &feats, &lists);
    }

    #[test]
    fn packed_sentences_find_what_single_sentences_find() {
        // The sample article, and every rule's examples and counters as
        // one text: many short sentences run packed, a long one alone.
        let set = RuleSetBuilder::new().build().expect("rules build");
        assert!(!set.text_tests);
        let g = default_gazetteer();
        let mut text = sample_article();
        for rule in &set.rules {
            for line in rule.examples.iter().chain(&rule.counters) {
                text.push('\n');
                text.push_str(&parse_example(line).0);
            }
        }
        let long: Vec<String> =
            (0..40).map(|i| format!("Mr. John Smith{i} said,")).collect();
        text += &format!("\n{}.\n", long.join(" "));
        let Analyzed { seg, feats, lists, .. } = analyzed(&set, &g, &text);
        let ranges = || seg.sentences.iter().map(|s| s.tokens.clone());
        assert!(ranges().any(|r| r.len() > 64));
        let mut packed = Vec::new();
        let t = &seg.tokens;
        set.run_sentences(&text, t, &feats, &lists, ranges(), &mut packed);
        let mut single = Vec::new();
        let mut masks = PosMasks::for_tests(set.tests.len());
        masks.reads = set.reads;
        for r in ranges() {
            let (l, m) = (&lists[r.clone()], Some(&mut masks));
            set.run_with(&text, t, &feats, l, r, m, &mut single);
        }
        // Rule by rule in a pack, not sentence by sentence: the same
        // matches, each rule's in text order.
        let key = |m: &RuleMatch| (m.rule, m.span.start, m.span.end);
        assert!(packed.len() > 300, "{} matches", packed.len());
        packed.sort_by_key(key);
        single.sort_by_key(key);
        assert_eq!(packed, single);
    }

    #[test]
    fn masks_kept_on_a_thread_serve_any_rule_set() {
        // `run_sentences` keeps its position masks for the thread's next
        // document: a rule set with fewer tests and other bits read, run
        // after one with more, finds what it finds on a fresh thread, and
        // the other way round.
        let built_in = RuleSetBuilder::new().build().expect("rules build");
        let mut b = RuleSetBuilder::new();
        b.defaults(false).add_str(
            "small.rules",
            "rule t.creed\n  type ORGANIZATION\n  \
             match [(\"Christian\"|\"social\") Cap]\n",
        );
        let small = b.build().expect("rules build");
        assert!(small.tests.len() < built_in.tests.len());
        let g = default_gazetteer();
        let text = sample_article() + "\nThe Christian Democrats won.";
        let run = |set: &RuleSet| {
            let Analyzed { seg, feats, lists, .. } = analyzed(set, &g, &text);
            let mut found = Vec::new();
            let sentences = seg.sentences.iter().map(|s| s.tokens.clone());
            let t = &seg.tokens;
            set.run_sentences(&text, t, &feats, &lists, sentences, &mut found);
            found
        };
        let fresh = |set: &RuleSet| {
            std::thread::scope(|s| s.spawn(|| run(set)).join().expect("runs"))
        };
        let (big_alone, small_alone) = (fresh(&built_in), fresh(&small));
        assert!(!big_alone.is_empty(), "{big_alone:?}");
        assert_eq!(small_alone.len(), 1, "{small_alone:?}");
        for _ in 0..2 {
            assert_eq!(run(&built_in), big_alone);
            assert_eq!(run(&small), small_alone);
        }
    }

    #[test]
    fn spans_mark_the_tokens_inside_them() {
        // The token by token walk that marking span by span replaced.
        fn by_token(
            text: &str,
            tokens: &[Token],
            spans: &[(Span, u64)],
        ) -> Vec<u64> {
            let mut feats = vec![0; tokens.len()];
            for (t, f) in tokens.iter().zip(&mut feats) {
                for &(span, bits) in spans {
                    let bare_end =
                        t.span.start + strip_possessive(t.span.of(text)).len();
                    let possessive_of_span = bare_end < t.span.end
                        && bare_end == span.end
                        && t.span.start >= span.start;
                    if span.contains(t.span) || possessive_of_span {
                        *f |= bits;
                    }
                }
            }
            feats
        }
        let text = sample_article();
        let mut seg = Segmentation::default();
        Segmenter::new().segment(&text, &mut seg);
        let n = text.len();
        // Spans of every kind: nested, overlapping, empty, on and off
        // token edges, past the last token.
        let mut spans: Vec<(Span, u64)> = (0..n + 40)
            .step_by(7)
            .flat_map(|a| {
                [0, 1, 5, 13, 40]
                    .map(|len| (Span::new(a, a + len), 1 << (a % 5)))
            })
            .collect();
        // And the bare word of every possessive ("Pakistan" of
        // "Pakistan’s"), alone and with the word before it.
        let mut possessives = 0;
        for (i, t) in seg.tokens.iter().enumerate() {
            let bare = strip_possessive(t.span.of(&text)).len();
            if bare < t.span.len() {
                possessives += 1;
                let end = t.span.start + bare;
                spans.push((Span::new(t.span.start, end), 1 << 5));
                let before = seg.tokens[i.saturating_sub(1)].span.start;
                spans.push((Span::new(before, end), 1 << 6));
            }
        }
        assert!(possessives >= 3, "{possessives} possessives");
        spans.sort_by_key(|s| s.0);
        let mut feats = vec![0; seg.tokens.len()];
        RuleSet::mark_spans(&text, &seg.tokens, &spans, &mut feats);
        assert_eq!(feats, by_token(&text, &seg.tokens, &spans));
        assert!(feats.iter().filter(|&&f| f != 0).count() > 100);
    }
}
