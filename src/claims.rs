//! Numeric claims: every figure in a sentence as a fact row, with what it
//! counts, what it is about, who states it and when.
//!
//! The number grammar ([`crate::numbers`]) finds the figures; this stage
//! reads the sentence around each one:
//!
//! * counted: the noun phrase after the figure (`235,000 peacekeepers`,
//!   `half of those returns`), or for a change (`sales rose 5 percent`,
//!   `arrests had increased tenfold`) the noun phrase before the verb;
//! * subject: the first entity (or capitalized phrase) before the figure;
//!   `its`/`their` send it back to the previous sentence's subject;
//! * attribution: `according to X`, `X said`, `said X`, `data from X`,
//!   `a report by X`, `X's data`;
//! * time: the DATE expression nearest the figure in the sentence.

use std::cell::RefCell;
use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::annotation::{
    Canonical, Claim, ClaimKind, Entity, EntityType, Origin,
};
use crate::error::Result;
use crate::gazetteer::lowercase;
use crate::numbers::{
    currency_code, currency_sign, is_number_word, letter_bit, number_words,
    DocumentCurrency, Mention, Scanner, PERSON_NOUNS,
};
use crate::rules::strip_possessive;
use crate::segment::{Segmentation, Token, TokenKind};
use crate::span::Span;

/// Assembles numeric claims and numeric entities.
#[derive(Clone, Debug, Default)]
pub struct ClaimStage {
    _private: (),
}

/// Verbs that introduce a statement: `X said`, `said X`.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "reported",
    "reports",
    "estimated",
    "estimates",
    "stated",
    "states",
    "added",
    "noted",
    "notes",
    "warned",
    "announced",
    "announces",
    "claimed",
    "claims",
    "wrote",
    "writes",
    "explained",
    "confirmed",
    "recalled",
    "insisted",
    "argued",
    "acknowledged",
    "predicted",
    "projected",
    "cautioned",
    "expects",
    "expect",
    "expected",
    "calculated",
    "counted",
    "showed",
    "shows",
    "found",
    "finds",
];

/// Nouns for sources: `data from X`, `a report by X`, `X's figures`.
const SOURCE_NOUNS: &[&str] = &[
    "data",
    "figures",
    "statistics",
    "report",
    "estimates",
    "estimate",
    "survey",
    "count",
    "tally",
    "study",
    "census",
    "records",
    "numbers",
    "analysis",
    "assessment",
];

/// Verbs of change: the counted noun phrase comes before them.
const CHANGE_VERBS: &[&str] = &[
    "rose",
    "rise",
    "rises",
    "risen",
    "rising",
    "fell",
    "fall",
    "falls",
    "fallen",
    "falling",
    "increased",
    "increase",
    "increases",
    "increasing",
    "decreased",
    "decrease",
    "declined",
    "decline",
    "declines",
    "grew",
    "grow",
    "grows",
    "grown",
    "jumped",
    "jumps",
    "dropped",
    "drops",
    "drop",
    "climbed",
    "climbs",
    "surged",
    "surges",
    "soared",
    "plunged",
    "slipped",
    "slid",
    "shed",
    "sank",
    "dipped",
    "eased",
    "rallied",
    "rebounded",
    "retreated",
    "skidded",
    "edged",
    "gained",
    "gains",
    "lost",
    "shrank",
    "shrink",
    "slumped",
    "tumbled",
    "advanced",
    "doubled",
    "tripled",
    "quadrupled",
    "halved",
    "was",
    "were",
    "is",
    "are",
    "reached",
    "stood",
    "totaled",
    "totalled",
    "hit",
    "averaged",
    "expanded",
    "contracted",
    "accounted",
    "represented",
    "made",
    "make",
    "makes",
    "comprised",
    "be",
    "been",
];

/// Words that end a noun phrase.
const STOP: &[&str] = &[
    // "1.5 million and 800,000 respectively": no noun.
    "respectively",
    "a",
    "an",
    "the",
    // "closed 0.6% higher": comparatives after a figure count nothing.
    "higher",
    "lower",
    "stronger",
    "weaker",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "and",
    "or",
    "but",
    "as",
    "than",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "do",
    "does",
    "did",
    "said",
    "says",
    "say",
    "told",
    "according",
    "since",
    "last",
    "this",
    "these",
    "those",
    "it",
    "its",
    "they",
    "their",
    "them",
    "he",
    "she",
    "his",
    "her",
    "we",
    "our",
    "you",
    "your",
    "i",
    "per",
    "each",
    "every",
    "all",
    "over",
    "under",
    "about",
    "into",
    "during",
    "after",
    "before",
    "while",
    "when",
    "where",
    "also",
    "not",
    "no",
    "so",
    "such",
    "there",
    "here",
    "alone",
    "only",
    "just",
    "ago",
    "later",
    "earlier",
    "up",
    "down",
    "out",
    "off",
    "if",
    "because",
    "including",
    "across",
    "between",
    "among",
    "through",
    "against",
    "toward",
    "towards",
    "until",
    "within",
    "without",
    "again",
    "now",
    "then",
    "yet",
    "still",
    "each",
    "both",
    "either",
    "neither",
    "own",
    "too",
    "very",
    "year",
    "years",
    "apiece",
    "more",
    "less",
    "most",
    "least",
    "what",
    "how",
    "why",
    "whether",
    "him",
    "me",
    "us",
    "my",
    "compared",
    "versus",
    "vs",
    "plus",
    "minus",
    "above",
    "below",
    "ahead",
    "behind",
];

/// Comparatives, which may stand before a counted noun ("a 47% lower
/// risk") but count nothing alone ("closed 0.6% higher").
const COMPARATIVES: &[&str] =
    &["higher", "lower", "stronger", "weaker", "more", "fewer", "less"];

/// Prepositions of place and time that a participle standing for its
/// verb may take ("five wounded outside a nightclub").
const PLACE_TIME_PREPOSITIONS: &[&str] = &[
    "outside",
    "inside",
    "near",
    "after",
    "before",
    "during",
    "when",
    "while",
    "following",
    "across",
    "around",
];

/// Common irregular verb forms, which end a noun phrase.
const IRREGULAR_VERBS: &[&str] = &[
    "took", "came", "went", "made", "left", "fled", "died", "got", "saw",
    "gave", "began", "became", "fell", "rose", "grew", "lost", "won", "held",
    "paid", "ran", "met", "kept", "brought", "bought", "sought", "fought",
    "thought", "sent", "spent", "built", "stood", "put", "set", "cut", "hit",
    "remain", "remained", "live", "lived", "need", "face", "took", "take",
    "get", "go", "come", "became", "knew", "felt", "told", "led", "won",
    "tore", "swept", "threw", "drew", "flew", "sank", "shook", "wore", "rode",
    "wrote", "spoke", "chose", "froze", "drove", "dealt", "meant", "heard",
    "withdrew", "overtook", "forgot",
];

/// Irregular past forms and participles that end a noun phrase after its
/// noun ("earthquake struck", "cocaine hidden in", "weapons found") but
/// may stand before one as adjectives ("three stolen cars", "$6 billion
/// of frozen assets"), so only after the phrase's first word.
const PAST_AFTER_NOUN: &[&str] = &[
    "struck",
    "hidden",
    "shot",
    "found",
    "seen",
    "known",
    "taken",
    "given",
    "stolen",
    "written",
    "broken",
    "driven",
    "chosen",
    "beaten",
    "fallen",
    "sold",
    "caught",
    "spread",
    "stuck",
    "hung",
    "hurt",
    "thrown",
    "drawn",
    "worn",
    "eaten",
    "spoken",
    "frozen",
    "forgotten",
    "forbidden",
    "shaken",
    "sworn",
    "torn",
    "sunk",
    "swept",
    "taught",
    "understood",
    "withdrawn",
    "undertaken",
    "overtaken",
    "blown",
    "fed",
    "laid",
    "lent",
    "bound",
];

/// Determiners skipped between `of` and a counted noun phrase.
const DETERMINERS: &[&str] = &[
    "the", "those", "these", "its", "their", "his", "her", "our", "all",
    "such", "this", "that", "my", "your", "them",
];

/// Whether `w` is a function word of [`STOP`]. The list ignores case,
/// but an all-caps word of two letters or more is an acronym that names
/// something ("WHO said", "the US said"), not the pronoun or preposition
/// it spells.
fn is_function_word(w: &str) -> bool {
    STOP_WORDS.has(w) && !is_acronym(w)
}

/// Whether `w` is written in capitals only, as an acronym is (`WHO`).
fn is_acronym(w: &str) -> bool {
    w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase())
}

fn lower_in(s: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(s))
}

/// [`lower_in`] of a word's bytes.
fn lower_in_bytes(b: &[u8], list: &[&str]) -> bool {
    list.iter().any(|w| w.as_bytes().eq_ignore_ascii_case(b))
}

/// A word list asked case-insensitively (as [`lower_in`] does) in one
/// hash lookup: the long lists are asked about every word of a sentence.
struct Words {
    list: &'static [&'static str],
    set: OnceLock<WordSet>,
}

/// A hashed word list, with the first, last and second letters of its
/// words of each length: most words fail those bit tests and are never
/// hashed. Words of up to [`PACKED`] bytes are hashed as one number (see
/// [`packed`]); longer ones, in no list today, are compared in turn.
struct WordSet {
    first: [u32; 32],
    last: [u32; 32],
    /// Asked only of the words that pass the other two, as few do: it
    /// turns away about half of those ("the" and "him" for "told").
    second: [u32; 32],
    words: FxHashSet<u128>,
}

/// The longest word [`packed`] holds.
const PACKED: usize = 15;

/// A word of at most [`PACKED`] bytes ASCII-lowercased into one number,
/// its length in the top byte: a key hashed without a copy.
fn packed(b: &[u8]) -> u128 {
    // Byte `i` of the key is byte `i` of the word: a little-endian load
    // of a lowercased copy, rather than a shift per byte.
    let mut bytes = [0u8; 16];
    for (k, &c) in bytes.iter_mut().zip(b) {
        *k = c.to_ascii_lowercase();
    }
    u128::from_le_bytes(bytes) | (b.len() as u128) << 120
}

impl WordSet {
    /// The set of `list`, ASCII case ignored.
    fn of<'a>(list: impl IntoIterator<Item = &'a &'a str>) -> WordSet {
        let mut set = WordSet {
            first: [0; 32],
            last: [0; 32],
            second: [0; 32],
            words: FxHashSet::default(),
        };
        for w in list {
            let w = w.to_ascii_lowercase().into_bytes();
            if let (Some(&a), Some(&z)) = (w.first(), w.last()) {
                if w.len() < 32 {
                    set.first[w.len()] |= letter_bit(a);
                    set.last[w.len()] |= letter_bit(z);
                    // A one-letter word's second letter is its last.
                    let b = w.get(1).copied().unwrap_or(z);
                    set.second[w.len()] |= letter_bit(b);
                }
            }
            if w.len() <= PACKED {
                set.words.insert(packed(&w));
            }
        }
        set
    }

    /// The bit tests of [`Words::has_bytes`]: `false` means the word is
    /// not in the list.
    #[inline]
    fn may_hold(&self, b: &[u8]) -> bool {
        let n = b.len();
        match (b.first(), b.last()) {
            (Some(&a), Some(&z)) if n < 32 => {
                self.first[n] & letter_bit(a) != 0
                    && self.last[n] & letter_bit(z) != 0
                    && self.second[n] & letter_bit(*b.get(1).unwrap_or(&z))
                        != 0
            }
            _ => true,
        }
    }
}

impl Words {
    const fn new(list: &'static [&'static str]) -> Words {
        Words { list, set: OnceLock::new() }
    }

    fn set(&self) -> &WordSet {
        self.set.get_or_init(|| WordSet::of(self.list))
    }

    /// Whether `w` is in the list, ASCII case ignored. Lowercasing both
    /// sides byte by byte is what `eq_ignore_ascii_case` compares, so
    /// non-ASCII words need no special case.
    #[inline]
    fn has(&self, w: &str) -> bool {
        self.has_bytes(w.as_bytes())
    }

    /// [`Words::has`] of a word's bytes: the bit tests here, the probe
    /// apart, as few words get that far.
    #[inline]
    fn has_bytes(&self, b: &[u8]) -> bool {
        let set = self.set();
        set.may_hold(b) && self.probe(set, b)
    }

    #[inline(never)]
    fn probe(&self, set: &WordSet, b: &[u8]) -> bool {
        if b.len() > PACKED {
            return self
                .list
                .iter()
                .any(|w| w.as_bytes().eq_ignore_ascii_case(b));
        }
        set.words.contains(&packed(b))
    }
}

static STOP_WORDS: Words = Words::new(STOP);
static SPEECH_VERB_WORDS: Words = Words::new(SPEECH_VERBS);
static SOURCE_NOUN_WORDS: Words = Words::new(SOURCE_NOUNS);
static CHANGE_VERB_WORDS: Words = Words::new(CHANGE_VERBS);
static IRREGULAR_VERB_WORDS: Words = Words::new(IRREGULAR_VERBS);
static PAST_AFTER_NOUN_WORDS: Words = Words::new(PAST_AFTER_NOUN);
/// What a level verb's object may be left at ("held its rate steady").
/// Plurals that mostly modify a noun after them ("sports car", "news
/// reports", "arms deal", "savings account").
const ATTRIBUTIVE_PLURALS: &[&str] = &[
    "sports",
    "news",
    "arms",
    "savings",
    "customs",
    "goods",
    "earnings",
    "sales",
    "communications",
    "electronics",
    "economics",
    "physics",
];

const LEVEL_COMPLEMENTS: &[&str] =
    &["steady", "unchanged", "flat", "stable", "constant"];

/// Words of time, which a verb's object that is counted never holds.
static TIME_WORDS: Words = Words::new(&[
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "quarter",
    "quarters",
    "season",
    "time",
    "morning",
    "afternoon",
    "evening",
    "night",
    "today",
    "yesterday",
    "weekend",
]);
/// Adverbs of time, which never join what a figure counts ("33 people
/// overnight").
const TIME_ADVERBS: &[&str] = &[
    "overnight",
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "meanwhile",
    "annually",
    "nowadays",
];
/// Words that name a kind of company (or group), which a story uses for
/// one it has named ("the chipmaker said"). Not "ministry" or "agency":
/// a story names many of those, and the nearest may be the wrong one.
static ORGANIZATION_KIND_WORDS: Words = Words::new(&[
    "company",
    "firm",
    "group",
    "automaker",
    "carmaker",
    "chipmaker",
    "drugmaker",
    "lender",
    "bank",
    "insurer",
    "retailer",
    "airline",
    "conglomerate",
    "miner",
    "manufacturer",
    "giant",
    "startup",
]);
/// Verbs that set a level for their object: "kept rates at 4%", "raised
/// the toll to 300".
static LEVEL_VERB_WORDS: Words = Words::new(&[
    "kept", "keeps", "keep", "keeping", "held", "holds", "hold", "holding",
    "left", "leaves", "leave", "leaving", "raised", "raises", "raise",
    "raising", "lowered", "lowers", "lowering", "cut", "cuts", "cutting",
    "pushed", "pushes", "push", "pushing", "lifted", "lifts", "lift",
    "lifting", "reduced", "reduces", "reduce", "reducing", "revised",
    "revises", "revise", "revising", "brought", "brings", "bring", "bringing",
    "took", "takes", "take", "taking", "sent", "sends", "sending", "drove",
    "drives", "driving", "boosted", "boosts", "boost", "boosting", "trimmed",
    "trims", "trim", "trimming",
]);
static DETERMINER_WORDS: Words = Words::new(DETERMINERS);
static PARTICIPLE_WORDS: Words = Words::new(PARTICIPLES);
/// The plain verbs of saying, looked for before the others.
static PRIMARY_SAYING: Words =
    Words::new(&["said", "says", "say", "told", "tells"]);
/// Verbs whose pronoun subject is a speaker; "he found a job" is not.
static PRONOUN_SAYING: Words = Words::new(&[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "noted",
    "wrote",
    "writes",
    "explained",
    "insisted",
    "argued",
    "acknowledged",
    "recalled",
    "warned",
    "estimated",
    "estimates",
    "predicted",
    "confirmed",
    "projected",
    "cautioned",
    "expects",
    "expected",
]);
/// Present-tense verbs whose subject may be a bare figure standing for a
/// noun named before ("2.2 million people face hunger and 400,000 lack
/// clean water"): after a figure they are no nouns it counts.
static PLURAL_VERBS: Words = Words::new(&[
    "lack", "depend", "rely", "risk", "live", "need", "face", "remain",
    "require", "suffer", "stay", "survive", "struggle", "continue", "must",
    "cannot", "receive", "die",
]);
/// Verbs in the present tense that take what a sum or share measures as
/// their object ("the budget sets defence spending of $850 billion"):
/// inside a noun phrase before a figure, they end it.
static OBJECT_VERBS: Words = Words::new(&[
    "sets",
    "plans",
    "proposes",
    "envisages",
    "envisions",
    "includes",
    "allocates",
    "earmarks",
    "provides",
    "foresees",
    "projects",
    "forecasts",
    "predicts",
    "sees",
    "targets",
    "requires",
    "seeks",
    "offers",
    "gives",
    "contains",
    "promises",
    "pledges",
    "announces",
    "unveils",
    "outlines",
    "estimates",
    "expects",
    "shows",
    "reports",
    "posts",
    "approves",
    "authorizes",
    "authorises",
    "raises",
    "lifts",
    "boosts",
    "needs",
    "pays",
    "spends",
    "receives",
    "imposes",
    "introduces",
    "demands",
    "grants",
    "secures",
    "commits",
    "assumes",
    "mandates",
    "generates",
    // Plural subjects' forms that are no nouns: "Officials propose
    // spending of", "Analysts warn of an economy".
    "propose",
    "envisage",
    "include",
    "allocate",
    "earmark",
    "provide",
    "foresee",
    "require",
    "seek",
    "give",
    "announce",
    "unveil",
    "approve",
    "spend",
    "receive",
    "impose",
    "introduce",
    "secure",
    "commit",
    "assume",
    "generate",
    "warn",
    "warns",
    "speak",
    "speaks",
]);
/// Participles that name those a poll asked ("economists polled by
/// Reuters").
const POLLED: &[&str] =
    &["polled", "surveyed", "questioned", "interviewed", "consulted"];
/// Auxiliaries and adverbs skipped before a verb: "had increased", "has
/// been", "reportedly rose".
static AUXILIARIES: Words = Words::new(&[
    "had",
    "has",
    "have",
    "was",
    "were",
    "is",
    "are",
    "been",
    "be",
    "being",
    "also",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "reportedly",
    "still",
    "actually",
    "already",
    "recently",
    "previously",
    "now",
    "just",
]);
/// The words a verb of change may stand before a figure across: "rose
/// by nearly 5", "fell to about 30".
static BEFORE_FIGURE: Words = Words::new(&[
    "by", "to", "up", "down", "about", "nearly", "still", "some", "almost",
    "roughly", "around", "an", "a", "just", "only", "at", "from", "than",
    "more", "less", "of", "record", "further", "off", "only",
]);
/// Forms of `be` that make a verb after them passive.
static BE_FORMS: Words =
    Words::new(&["were", "was", "been", "be", "is", "are", "being"]);

/// Who has spoken so far in a document: the state that resolves `he
/// said` and a quote running over several sentences.
#[derive(Default)]
struct Speakers {
    /// The last speaker named (`Ali Khan said`, `the ministry said`).
    named: Option<Span>,
    /// The first person named in the last sentence that named one.
    person: Option<Span>,
    /// Whether a quotation is open at the end of the last sentence.
    quote_open: bool,
    /// The speaker of the open quotation, once known.
    quote_speaker: Option<Span>,
    /// How many sentences the open quotation has run.
    quote_len: usize,
}

impl Speakers {
    /// The speaker of sentence `si`: named in it, a pronoun resolved to
    /// the last name, the speaker of the quotation it continues (one
    /// still open after the sentence before), or the speaker named next
    /// to a quoted sentence.
    fn of_sentence(
        &self,
        text: &str,
        seg: &Segmentation,
        si: usize,
        toks: &[Token],
        dates: &[Span],
        cues: &Cues,
    ) -> Option<Span> {
        let inside = self.quote_open;
        attribution_of(text, toks, dates, cues)
            .or_else(|| {
                let p = pronoun_speaker(text, toks, cues)?;
                self.resolve(p)
            })
            .or(if inside { self.quote_speaker } else { None })
            .or_else(|| quote_speaker(text, seg, si, dates))
    }

    /// What a pronoun speaker refers to: `he`/`she`/`I` to the later of
    /// the last named speaker and the last person named (`He identified
    /// himself as Chen Jin. ... he said`); `it`/`they` to the last named
    /// speaker.
    fn resolve(&self, pronoun: &str) -> Option<Span> {
        if lower_in(pronoun, &["he", "she", "i"]) {
            match (self.named, self.person) {
                // A person named after the speaker, not inside the
                // speaker's own name ("Mrs. Adeyemi" holds "Adeyemi").
                (Some(n), Some(p)) => {
                    Some(if p.start >= n.end { p } else { n })
                }
                (n, p) => n.or(p),
            }
        } else {
            self.named
        }
    }

    /// A speaker found in the text as the table writes it: without a
    /// leading article, as entities are written ("The International
    /// Organization for Migration estimated"), and a kind of company
    /// ("the chipmaker said", "the lender also reported") as the
    /// organization named last before it in its sentence (`here`), else
    /// the last speaker if that is an organization (of `entities`, the
    /// document's); a kind written before an organization's name ("Rival
    /// Standard Chartered said") is left out.
    fn as_written(
        &self,
        text: &str,
        here: &[Entity],
        entities: &[Entity],
        speaker: Span,
    ) -> Span {
        let speaker = without_article(text, speaker);
        // "Save the Children said": a name the speaker ends is the
        // speaker whole, where the capitals before "said" stopped short.
        let whole = here.iter().find(|e| {
            matches!(e.kind, EntityType::Organization | EntityType::Person)
                && e.span.end == speaker.end
                && e.span.start < speaker.start
        });
        if let Some(e) = whole {
            return e.span;
        }
        // "Rival Standard Chartered said", "Chipmaker Nvidia said": the
        // kind written before an organization's name is not part of it.
        let named = here.iter().find(|e| {
            e.kind == EntityType::Organization
                && e.span.end == speaker.end
                && e.span.start > speaker.start
        });
        if let Some(e) = named {
            let lead = text[speaker.start..e.span.start].trim_end();
            if ORGANIZATION_KIND_WORDS.has(lead)
                || lead.eq_ignore_ascii_case("rival")
            {
                return e.span;
            }
        }
        if !ORGANIZATION_KIND_WORDS.has(speaker.of(text)) {
            return speaker;
        }
        let is_organization = |s: Span| {
            let at = entities.partition_point(|e| e.span.start < s.start);
            entities[at..]
                .iter()
                .take_while(|e| e.span.start == s.start)
                .any(|e| e.span == s && e.kind == EntityType::Organization)
        };
        here.iter()
            .rev()
            .find(|e| {
                e.kind == EntityType::Organization
                    && e.span.end <= speaker.start
            })
            .map(|e| e.span)
            .or(self.named.filter(|&n| is_organization(n)))
            .unwrap_or(speaker)
    }

    /// Updates the state after a sentence with its speaker and person
    /// entities (`here`).
    fn after_sentence(
        &mut self,
        text: &str,
        here: &[Entity],
        speaker: Option<Span>,
        quote_after: bool,
    ) {
        if let Some(a) = speaker.filter(|a| !is_pronoun(a.of(text))) {
            self.named = Some(a);
        }
        if let Some(p) = here.iter().find(|e| e.kind == EntityType::Person) {
            self.person = Some(p.span);
        }

        if quote_after {
            if !self.quote_open {
                self.quote_speaker = speaker;
                self.quote_len = 0;
            } else {
                self.quote_speaker = self.quote_speaker.or(speaker);
            }
            self.quote_len += 1;
            // An unbalanced quote mark must not lend a speaker to the
            // rest of the document.
            self.quote_open = self.quote_len <= 6;
        } else {
            self.quote_open = false;
            self.quote_speaker = None;
        }
    }
}

/// Whether a quotation is open at the end of a sentence that starts
/// inside one (`open`) or not: [`glance`] answers it.
#[cfg(test)]
fn quote_open_after(text: &str, toks: &[Token], open: bool) -> bool {
    glance(text, toks, open, &mut Vec::new()).quote_after
}

/// A worker thread's buffers for [`ClaimStage::extract`], kept from one
/// document to the next: fresh ones were allocated and grown a doubling
/// at a time in every document, and its claims and numeric entities
/// grew so in the caller's new lists, where a copy at the end costs one
/// allocation each.
#[derive(Default)]
struct Scratch {
    scanner: Scanner,
    mentions: Vec<Mention>,
    dates: Vec<Span>,
    pending: Vec<usize>,
    clause: Clauses,
    cues: Cues,
    openers: Openers,
    numbers: Vec<usize>,
    claims: Vec<Claim>,
    numeric: Vec<Entity>,
}

/// Claims and numeric entities past which [`SCRATCH`]'s lists are let go
/// after a document rather than kept: about 2 MB of claims.
const KEPT_CLAIMS: usize = 1 << 13;

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// What one sentence offers every claim in it.
struct SentenceInfo {
    attribution: Option<Span>,
    subject: Option<Span>,
}

impl ClaimStage {
    /// Makes the stage.
    ///
    /// # Errors
    ///
    /// None today; the signature leaves room for user-supplied rules.
    pub fn new() -> Result<ClaimStage> {
        Ok(ClaimStage::default())
    }

    /// Appends the claims of `text` to `claims` and its numeric mentions
    /// (COUNT, MONEY, PERCENT, QUANTITY) to `numeric_entities`.
    /// `entities` are the entities found so far (DATE included), sorted
    /// by start.
    pub fn extract(
        &self,
        text: &str,
        seg: &Segmentation,
        entities: &[Entity],
        claims: &mut Vec<Claim>,
        numeric_entities: &mut Vec<Entity>,
    ) {
        SCRATCH.with(|cell| {
            // A call made while the thread's buffers are in use (none
            // today) takes fresh ones.
            let mut fresh = None;
            let mut kept = cell.try_borrow_mut().ok();
            let scratch = match kept.as_deref_mut() {
                Some(s) => s,
                None => fresh.insert(Scratch::default()),
            };
            self.extract_with(text, seg, entities, scratch);
            claims.append(&mut scratch.claims);
            numeric_entities.append(&mut scratch.numeric);
            if scratch.claims.capacity() > KEPT_CLAIMS {
                scratch.claims = Vec::new();
            }
            if scratch.numeric.capacity() > KEPT_CLAIMS {
                scratch.numeric = Vec::new();
            }
        });
    }

    /// [`ClaimStage::extract`] with the thread's buffers, into
    /// `scratch.claims` and `scratch.numeric`.
    fn extract_with(
        &self,
        text: &str,
        seg: &Segmentation,
        entities: &[Entity],
        scratch: &mut Scratch,
    ) {
        let Scratch {
            scanner,
            mentions,
            dates,
            pending,
            clause,
            cues,
            openers,
            numbers,
            claims,
            numeric: numeric_entities,
        } = scratch;
        let money = DocumentCurrency::of(text);
        // The last document's figures, whose entity lists are kept.
        scanner.recycle(mentions);
        let mut prev_subject: Option<Span> = None;
        // The last count's counted noun in an earlier sentence, for
        // "3.1 million of them" opening the next.
        let mut earlier_count: Option<Span> = None;
        // The sentences whose subject, if they have one, would have
        // replaced `prev_subject` (the latest first): they are read only
        // for a claim that uses "its", which few do.
        pending.clear();
        let mut speakers = Speakers::default();
        // `numbers` holds the number tokens of a sentence, by index.
        // The end of the last sentence's run of entities, and of its span.
        let (mut run_end, mut last_end) = (0, 0);
        for (si, sentence) in seg.sentences.iter().enumerate() {
            let toks = seg.sentence_tokens(si);
            let sspan = sentence.span;
            // Entities are sorted by start: the sentence's are one run.
            // It starts at or after the last sentence's when the sentence
            // does (every entity there starts before it), and is walked
            // to rather than searched for: runs are short.
            let from = if sspan.start >= last_end { run_end } else { 0 };
            let lo = from
                + entities[from..]
                    .iter()
                    .take_while(|e| e.span.start < sspan.start)
                    .count();
            let hi = lo
                + entities[lo..]
                    .iter()
                    .take_while(|e| e.span.start < sspan.end)
                    .count();
            (run_end, last_end) = (hi, sspan.end);
            let here = &entities[lo..hi];
            let inside = speakers.quote_open;
            let Glance { quote_after, saying } =
                glance(text, toks, inside, numbers);
            let number = !numbers.is_empty();
            let figures = may_hold_figure(text, toks, number);
            dates.clear();
            if saying || figures || quote_after && !inside {
                dates.extend(
                    here.iter()
                        .filter(|e| {
                            e.kind == EntityType::Date
                                && sspan.contains(e.span)
                        })
                        .map(|e| e.span),
                );
            }
            // The cues of a sentence with figures serve its claims too.
            let attribution = if saying || figures || quote_after && !inside {
                cues.read(text, toks);
                speakers.of_sentence(text, seg, si, toks, dates, cues)
            } else {
                None
            };
            let attribution = attribution
                .map(|a| speakers.as_written(text, here, entities, a));
            speakers.after_sentence(text, here, attribution, quote_after);
            if !figures {
                // A sentence without figures still sets the subject that
                // "its" refers to in the next one.
                pending.push(si);
                continue;
            }
            // A sentence whose numbers are all parts of dates ("On May
            // 5, 2021, ...") has no figure unless a word starts one.
            if number
                && !dates.is_empty()
                && !may_hold_figure_outside(text, toks, numbers, dates)
            {
                pending.push(si);
                continue;
            }
            scanner.recycle(mentions);
            scanner.scan(text, toks, dates, &money, mentions);
            // "over the past eight decades": a span of time back from
            // now dates the figures, though no DATE entity.
            if !mentions.is_empty() {
                recent_spans(text, toks, dates);
            }
            // Clauses only bound dates: without one, no figure has a time.
            if !mentions.is_empty() && !dates.is_empty() {
                // Only the clauses of the figures and dates are asked for
                // (by `time_of`): the tokens after the last of them are
                // not numbered.
                let upto = mentions
                    .iter()
                    .map(|m| m.span.start)
                    .chain(dates.iter().map(|d| d.start))
                    .map(|at| toks.partition_point(|t| t.span.start < at))
                    .max()
                    .map_or(0, |k| k + 1);
                clauses(
                    text,
                    &toks[..upto.min(toks.len())],
                    toks,
                    dates,
                    clause,
                );
            }
            if mentions.is_empty() {
                pending.push(si);
                continue;
            }
            let scene = scene_end(text, toks);
            let info = SentenceInfo {
                attribution,
                subject: subject_of(text, toks, here, attribution, scene),
            };
            // A figure inside the opening scene is said of its names.
            let scene_subject = (scene > 0
                && mentions.first().is_some_and(|m| m.span.start < scene))
            .then(|| subject_of(text, toks, here, attribution, 0))
            .flatten();
            let mut prev_counted: Option<(ClaimKind, Span)> = None;
            // The same, of the last figure that is no modifier ("the
            // 400-member assembly").
            let mut prev_main: Option<(ClaimKind, Span)> = None;
            // Where the sentence's last claim ends, and its kind.
            let mut prev_end: Option<usize> = None;
            let mut prev_kind: Option<ClaimKind> = None;
            // What the sentence's last claim counted, if anything.
            let mut last_counted: Option<Span> = None;
            // A stock index whose move the sentence's last claim gave, and
            // where that claim ends.
            let mut index_move: Option<(Span, usize)> = None;
            // The sentence's last claim if it is a share (a change), by
            // its index in `claims`, and where it ends.
            let mut last_share: Option<(usize, usize)> = None;
            // The clause openers are read at the sentence's first claim.
            let mut openers_read = false;
            for m in mentions.iter() {
                for &(kind, span) in &m.entities {
                    numeric_entities.push(Entity {
                        span,
                        kind,
                        canonical: Canonical::None,
                        origin: Origin::Builtin(entity_rule(kind)),
                    });
                }
                if !m.claim {
                    continue;
                }
                let place = Place::of(toks, m.span);
                // "5.35 trillion yen ($34.6 billion)": the figure before,
                // restated in another currency or unit.
                let restates = converts(text, prev_end, prev_kind, m)
                    .then(|| claims.last().cloned())
                    .flatten();
                let direct = counted_of(text, toks, dates, m, place)
                    .map(|c| through_of(text, toks, c))
                    .and_then(|c| past_contract_month(text, toks, c));
                // "1.1 million 60-kg bags", "two 500-pound bombs": a count
                // before a measure that modifies its noun counts the noun.
                let direct = direct.or_else(|| {
                    let next = toks.get(place.after)?;
                    (m.figure.kind == ClaimKind::Count && !m.age)
                        .then(|| {
                            let n = mentions
                                .iter()
                                .find(|n| n.span.start == next.span.start)?;
                            let w = n.span.of(text);
                            let modifier = w.contains('-')
                                && w.ends_with(|c: char| c.is_alphabetic());
                            modifier
                                .then(|| {
                                    np_after(
                                        text,
                                        toks,
                                        Place::of(toks, n.span).after,
                                    )
                                })
                                .flatten()
                        })
                        .flatten()
                });
                // "while those from the EU fell 3%", "that of France": a
                // pronoun standing for what the figure before counted.
                let pronoun = direct.filter(|c| {
                    lower_in(c.of(text), &["those", "that", "these"])
                });
                let direct = direct.filter(|_| pronoun.is_none());
                let counted = direct.or_else(|| {
                    // Ellipsis: "killing nine people and injuring 45",
                    // "rose 4 cents, to $12.63": a bare figure counts what
                    // the figure before it in the sentence counted.
                    // "Of those, about 2.1 million crossed into Chad": a
                    // part of what the sentence before counted.
                    let opening_of = m.figure.kind == ClaimKind::Count
                        && toks.len() > 3
                        && word(text, &toks[0])
                            .is_some_and(|w| w.eq_ignore_ascii_case("of"))
                        && word(text, &toks[1]).is_some_and(|w| {
                            lower_in(w, &["them", "those", "these"])
                        })
                        && toks[2].span.of(text) == ","
                        && place.first >= 3;
                    let of_them = m.figure.kind == ClaimKind::Count
                        && of_pronoun(text, toks, place.after)
                        || opening_of;
                    let (kind, c) = prev_counted.or_else(|| {
                        earlier_count
                            .filter(|_| of_them)
                            .map(|c| (ClaimKind::Count, c))
                    })?;
                    // "15.6 million people in 2025, up from 12.4 million
                    // the year before": a comparison counts the same.
                    let before = text[sspan.start..m.span.start].trim_end();
                    let compared = before
                        .strip_suffix("from")
                        .map(str::trim_end)
                        .is_some_and(|b| {
                            b.ends_with(" up") || b.ends_with(" down")
                        });
                    // "159 seats in the 400-member assembly, down from
                    // 230": what the figure compared counted, not a
                    // modifier's noun.
                    let (kind, c) = match prev_main {
                        Some(p) if compared => p,
                        _ => (kind, c),
                    };
                    // "800 tickets, compared with 2,000 last year", "as
                    // against the 2.5 million for": the same again.
                    let before = before
                        .strip_suffix("the")
                        .map_or(before, str::trim_end);
                    let compared = compared
                        || [
                            "compared with",
                            "compared to",
                            "as against",
                            "versus",
                            "against",
                        ]
                        .iter()
                        .any(|c| {
                            before.ends_with(c)
                                && before[..before.len() - c.len()].ends_with(
                                    |ch: char| !ch.is_alphanumeric(),
                                )
                        });
                    // "fell to 4.1% in March from 4.3%": the level it
                    // came from, a few words after the figure before.
                    let compared = compared
                        || prev_kind == Some(m.figure.kind)
                            && prev_end.is_some_and(|e| {
                                text.get(e..m.span.start).is_some_and(|b| {
                                    b.trim_end().ends_with(" from")
                                        && b.split_whitespace().count() <= 4
                                        && !b.split_whitespace().any(|w| {
                                            matches!(w, "and" | "or" | "one")
                                        })
                                        && !b.contains([',', ';', '('])
                                })
                            });
                    let bare = m.modifier_noun.is_none()
                        && !m.age
                        && (compared
                            || pronoun.is_some()
                            || opening_of
                            || elliptic(text, toks, dates, place.after)
                            || expected_by(text, toks, place));
                    // "Revenue rose 13% to $143.1 billion": the level a
                    // change reached counts what changed.
                    // "rose 1.1% to a record 37.4 billion tonnes",
                    // "fell 10% last year to 673 million tonnes".
                    // Only the noun the change itself counted: "were off
                    // 13 bps at 93.72" after another's change counts no
                    // noun of that one.
                    let level_reached = matches!(
                        kind,
                        ClaimKind::Percent | ClaimKind::Fraction
                    ) && last_counted == Some(c)
                        && prev_end.is_some_and(|e| {
                            // ", to 1.89 euros": maybe after a comma.
                            let to = |t: &str| {
                                matches!(
                                    t.trim()
                                        .trim_start_matches(',')
                                        .trim_start(),
                                    "to" | "at"
                                        | "to a record"
                                        | "to a new record"
                                        | "to a record high of"
                                        | "to a record low of"
                                )
                            };
                            text.get(e..m.span.start)
                                .map(past_period_basis)
                                .is_some_and(to)
                                || dates.iter().any(|d| {
                                    d.start >= e
                                        && d.end <= m.span.start
                                        && matches!(
                                            past_period_basis(
                                                &text[e..d.start]
                                            )
                                            .trim(),
                                            "" | "since" | "in" | "on"
                                        )
                                        && to(&text[d.end..m.span.start])
                                })
                        });
                    // "up 85 cents, or 1.1%": the same change restated.
                    let restated = prev_end.is_some_and(|e| {
                        text.get(e..m.span.start)
                            .is_some_and(|t| matches!(t.trim(), ", or" | "or"))
                    });
                    // "a profit of 1.2 billion euros, up 15% from a year
                    // earlier": the change of the figure before.
                    let change_of_it = m.figure.kind == ClaimKind::Percent
                        && last_counted == Some(c)
                        && prev_end.is_some_and(|e| {
                            text.get(e..m.span.start).is_some_and(|t| {
                                let t = t.trim_start_matches(|c: char| {
                                    c.is_whitespace() || c == ','
                                });
                                let t = t.trim_end();
                                // "66,000 migrants arrived in Italy by sea
                                // this year, down 60%": past the rest of
                                // its clause, but not another clause.
                                matches!(t, "up" | "down")
                                    || [", up", ", down"]
                                        .iter()
                                        .any(|c| t.ends_with(c))
                                        && t.len() < 90
                                        && !t.contains(';')
                                        && !t.split_whitespace().any(|w| {
                                            matches!(
                                                w,
                                                "and"
                                                    | "but"
                                                    | "while"
                                                    | "whereas"
                                                    | "which"
                                                    | "who"
                                            )
                                        })
                            })
                        });
                    // "about a third of whom", "40% of them": a part of
                    // what the figure before counted.
                    let same_kind = kind == m.figure.kind
                        || of_pronoun(text, toks, place.after)
                        || level_reached
                        || restated
                        || change_of_it;
                    // "left 45 dead and 106 injured": a state that
                    // stood for its noun is not the next figure's.
                    let state = lower_in(
                        c.of(text),
                        &[
                            "dead", "injured", "wounded", "missing", "hurt",
                            "killed", "homeless",
                        ],
                    );
                    // "the index, which weighs the dollar against six
                    // peers, was flat at 106.3": a noun counted inside
                    // an aside that closed is not the later figure's.
                    let aside_closed =
                        text.get(sspan.start..c.start).is_some_and(|b| {
                            last_comma_opens(
                                b,
                                &[", which ", ", who ", ", whose "],
                            )
                        }) && text
                            .get(c.end..m.span.start)
                            .is_some_and(|a| a.contains(','));
                    (bare
                        && same_kind
                        && !state
                        && !aside_closed
                        && c.end < m.span.start)
                        .then_some(c)
                });
                // "Of the cases, 22 were reported in Balochistan", "Of the
                // 300 detainees, 40 were freed": the noun the sentence
                // opens with.
                let counted = counted.or_else(|| {
                    if m.figure.kind != ClaimKind::Count
                        || m.modifier_noun.is_some()
                        || toks.len() < 5
                        || !word(text, &toks[0])
                            .is_some_and(|w| w.eq_ignore_ascii_case("of"))
                        || !word(text, &toks[1]).is_some_and(|w| {
                            matches!(w, "the" | "those" | "these")
                        })
                    {
                        return None;
                    }
                    let comma = (3..toks.len().min(7))
                        .find(|&k| toks[k].span.of(text) == ",")?;
                    let from = (2..comma)
                        .find(|&k| toks[k].kind != TokenKind::Number)?;
                    let words = (from..comma).all(|k| {
                        word(text, &toks[k]).is_some_and(|w| {
                            w.starts_with(char::is_lowercase)
                                && !STOP_WORDS.has(w)
                        })
                    });
                    // "Of those arrested, 120": with its "those".
                    let from =
                        if toks[1].span.of(text) == "the" { from } else { 1 };
                    (words && place.first > comma).then(|| {
                        Span::new(
                            toks[from].span.start,
                            toks[comma - 1].span.end,
                        )
                    })
                });
                // "Manager Pep Guardiola, 53": an age counts the person,
                // not the title written before the name.
                let counted = counted.map(|c| match m.age {
                    true => here
                        .iter()
                        .find(|e| {
                            e.kind == EntityType::Person
                                && e.span.end == c.end
                                && e.span.start > c.start
                        })
                        .map_or(c, |e| e.span),
                    false => c,
                });
                // "China pledged 100 million yuan": a sum is paid by a
                // name, never a count of it.
                let counted = counted.filter(|&c| {
                    m.figure.kind != ClaimKind::Money
                        || !here.iter().any(|e| {
                            e.span == c
                                && matches!(
                                    e.kind,
                                    EntityType::Location
                                        | EntityType::Organization
                                        | EntityType::Person
                                )
                        })
                });
                // "The Greens came second with 21.8%": a share of the
                // vote, named in the sentence or understood.
                let vote = (counted.is_none()
                    && m.figure.kind == ClaimKind::Percent
                    && vote_share(text, toks, seg, si, place))
                .then(|| vote_word(text, toks, m.span));
                let (counted, counted_implied) = match vote {
                    Some(Some(v)) => (Some(v), None),
                    Some(None) => (None, Some("vote")),
                    None => (counted, None),
                };
                // "The Dow fell 696.75 points, or 1.6%, to 41,938.45": a
                // move restated as a share, and the level it reached, are
                // the index's, as is a move in points after its share.
                let in_points = direct.is_some_and(|c| {
                    lower_in(c.of(text), &["points", "point", "pts"])
                });
                let moved = index_move
                    .filter(|&(_, e)| {
                        text.get(e..m.span.start).is_some_and(|t| {
                            // "or", "to", ", to end at", "up at".
                            let t = t.trim().trim_start_matches(',');
                            let t = t.split_whitespace().collect::<Vec<_>>();
                            matches!(
                                t[..],
                                ["or" | "to" | "at"]
                                    | ["to", "a", "record"]
                                    | [
                                        "to",
                                        "a",
                                        "record",
                                        "high" | "low",
                                        "of"
                                    ]
                                    | [
                                        "to",
                                        "end" | "close" | "finish" | "settle",
                                        "at"
                                    ]
                                    | [
                                        "up" | "down" | "higher" | "lower",
                                        "at"
                                    ]
                            )
                        })
                    })
                    .map(|(i, _)| i);
                let index_counted = moved.is_some() && !in_points;
                let counted = match moved {
                    Some(i) if !in_points => Some(i),
                    _ => counted,
                };
                index_move = moved
                    .or_else(|| {
                        index_moved_by(text, toks, place.first, in_points)
                            .filter(|_| {
                                in_points
                                    || m.figure.kind == ClaimKind::Percent
                            })
                    })
                    .map(|i| {
                        // "696.75 points, or 1.6%": past the word "points".
                        let end = direct
                            .filter(|_| in_points)
                            .map_or(m.span.end, |c| c.end.max(m.span.end));
                        (i, end)
                    });
                // "the broader Topix slid 2.2%": the index's name.
                let counted = match index_move {
                    Some((i, _))
                        if !in_points
                            && counted.is_some_and(|c| c.contains(i)) =>
                    {
                        Some(i)
                    }
                    _ => counted,
                };
                let (counted, counted_implied) = match restates {
                    Some(ref r)
                        if r.counted.is_some()
                            || r.counted_implied.is_some() =>
                    {
                        (r.counted, r.counted_implied)
                    }
                    _ => (counted, counted_implied),
                };
                prev_end = Some(m.span.end);
                prev_kind = Some(m.figure.kind);
                last_counted = counted;
                // A noun carried over keeps the kind of the figure that
                // counted it first ("up 85 cents, or 1.1%, at $78.40").
                prev_counted = counted
                    .map(|c| match prev_counted {
                        Some((k, p)) if p == c && direct.is_none() => (k, c),
                        _ => (m.figure.kind, c),
                    })
                    .or(prev_counted);
                if m.modifier_noun.is_none() && counted.is_some() {
                    prev_main = prev_counted;
                }
                if m.figure.kind == ClaimKind::Count {
                    earlier_count = counted.or(earlier_count);
                }
                let uses_its = counted.is_some_and(|c| {
                    // A count of an earlier sentence's noun has no "its".
                    let Some(before) = text.get(sspan.start..c.start) else {
                        return false;
                    };
                    let before = before.trim_end();
                    // "Its exports rose 3%": at the sentence's start too.
                    let opening = before.trim_start();
                    before.ends_with(" its")
                        || before.ends_with(" their")
                        || matches!(opening, "Its" | "Their")
                });
                if uses_its {
                    settle_subject(
                        text,
                        seg,
                        entities,
                        pending,
                        &mut prev_subject,
                    );
                }
                let sentence_subject = if m.span.start < scene {
                    scene_subject
                } else {
                    info.subject
                };
                // "The company plans to double its workforce", "10% of
                // its employees": a company's "its" after a sentence
                // about a place is the company's.
                // "Toyota said its global sales fell 3.7%": the "its" of
                // a speaker right before its verb of saying is the
                // speaker's.
                let speaker_its = counted.filter(|_| uses_its).and_then(|c| {
                    let at = toks.partition_point(|t| t.span.start < c.start);
                    let its = at.checked_sub(1)?;
                    let verb = its.checked_sub(1)?;
                    let said = word(text, &toks[its])
                        .is_some_and(|w| lower_in(w, &["its", "their"]))
                        && word(text, &toks[verb])
                            .is_some_and(|w| SPEECH_VERB_WORDS.has(w));
                    let a = info.attribution?;
                    (said
                        && a.end <= toks[verb].span.start
                        && text[a.end..toks[verb].span.start]
                            .trim()
                            .is_empty())
                    .then(|| full_name(entities, a))
                });
                let its_subject = if let Some(s) = speaker_its {
                    Some(s)
                } else if uses_its {
                    company_its(
                        text,
                        seg,
                        entities,
                        si,
                        toks,
                        m,
                        counted,
                        prev_subject,
                    )
                    .or(prev_subject)
                } else {
                    None
                };
                let subject = match sentence_subject {
                    Some(s) if s.start < m.span.start => Some(s),
                    _ => its_subject,
                };
                // "..., and Britain committed 160 million pounds": a clause
                // with its own subject and verb is its subject's, not the
                // earlier clause's subject's or speaker's.
                if !openers_read {
                    openers.read(text, toks);
                    openers_read = true;
                }
                let own = own_clause(
                    text,
                    toks,
                    here,
                    mentions,
                    openers,
                    place.first,
                );
                // "2.1 million crossed into Chad, where aid groups say
                // camps are full": a speaker inside a relative clause
                // after the figure says nothing of it.
                let relative_after = |a: Span| {
                    a.start > m.span.end
                        && text.get(m.span.end..a.start).is_some_and(|b| {
                            // Inside it: no comma closes it before.
                            last_comma_opens(
                                b,
                                &[
                                    ", where ", ", which ", ", who ",
                                    ", whose ",
                                ],
                            )
                        })
                };
                let sentence_source = info.attribution.filter(|&a| {
                    !relative_after(a)
                        && (!sspan.contains(a)
                            || !speaker_elsewhere(
                                text, toks, here, mentions, openers, place,
                                own, a,
                            ))
                });
                let attribution =
                    own_source(text, toks, &cues.according, place, dates)
                        .or_else(|| {
                            nearer_source(
                                text,
                                toks,
                                &cues.verbs,
                                m.span,
                                place.first,
                                dates,
                                info.attribution,
                            )
                        })
                        .map(|a| speakers.as_written(text, here, entities, a))
                        .or(sentence_source)
                        .map(|a| full_name(entities, a));
                let subject = match own {
                    Some((k, s))
                        if subject
                            .is_none_or(|e| e.end <= toks[k].span.start) =>
                    {
                        attribution.is_none_or(|a| !a.overlaps(s)).then_some(s)
                    }
                    _ => subject,
                };
                let subject = listed_owner(text, here, m)
                    .or_else(|| share_owner(text, toks, dates, m, place))
                    .or_else(|| relative_owner(text, toks, here, place.first))
                    .or_else(|| {
                        won_by(text, toks, dates, m, place, subject.is_none())
                    })
                    .or_else(|| {
                        clause_owner(
                            text,
                            toks,
                            here,
                            &openers.at,
                            place.first,
                        )
                    })
                    .or(subject)
                    // "Turnout was 67.4%": what is counted is no subject,
                    // unless it names someone ("Okello, 26,").
                    .filter(|&s| {
                        counted != Some(s)
                            || m.age
                            || index_counted
                            || here.iter().any(|e| e.span == s)
                    });
                let (subject, attribution) = match restates {
                    Some(ref r) => {
                        (r.subject.or(subject), r.attribution.or(attribution))
                    }
                    None => (subject, attribution),
                };
                let time = match restates {
                    Some(ref r) => r.time,
                    None => time_of(
                        text, toks, clause, dates, mentions, m.span, place,
                    ),
                };
                // "rose 274% to 9.18 trillion won in the third quarter":
                // the date after the level reached dates the change too.
                if let (Some((ci, e)), Some(d)) = (last_share, time) {
                    let to = text.get(e..m.span.start).is_some_and(|t| {
                        matches!(
                            t.trim().trim_start_matches(',').trim_start(),
                            "to" | "to a record" | "to a record high of"
                        )
                    });
                    if to && d.start >= m.span.end && claims[ci].time.is_none()
                    {
                        claims[ci].time = Some(d);
                    }
                }
                last_share = (m.figure.kind == ClaimKind::Percent)
                    .then_some((claims.len(), m.span.end));
                let f = &m.figure;
                claims.push(Claim {
                    kind: f.kind,
                    span: m.span,
                    value_span: f.value_span,
                    value: f.value,
                    value_min: f.value_min,
                    value_max: f.value_max,
                    unit: f.unit,
                    qualifier: f.qualifier,
                    operator: f.operator,
                    counted,
                    counted_implied,
                    subject,
                    attribution,
                    time,
                    rule: claim_rule(m),
                });
            }
            if info.subject.is_some() {
                prev_subject = info.subject;
                pending.clear();
            }
        }
    }
}

/// Whether the last comma in `b` opens one of `asides` (each a comma
/// and more): whether the last of them in `b` has no comma after it,
/// asked with one backward search for a comma rather than a search for
/// each.
fn last_comma_opens(b: &str, asides: &[&str]) -> bool {
    let b = b.as_bytes();
    memchr::memrchr(b',', b).is_some_and(|at| {
        asides.iter().any(|o| b[at..].starts_with(o.as_bytes()))
    })
}

/// `between` (the text between a change and what follows it) past the
/// basis the change is reckoned on: "grew 8.7% year-on-year in September
/// to $303.7 billion" reaches its level as "grew 8.7% to" does.
fn past_period_basis(between: &str) -> &str {
    let t = between.trim_start();
    [
        "year-on-year",
        "year on year",
        "year-over-year",
        "month-on-month",
        "quarter-on-quarter",
        "on the year",
        "on the month",
        "y/y",
    ]
    .iter()
    .find_map(|p| {
        t.get(..p.len())
            .filter(|h| h.eq_ignore_ascii_case(p))
            .map(|_| &t[p.len()..])
    })
    .unwrap_or(between)
}

/// Whether figure `m` restates, in parentheses right after it, the
/// sentence's figure before (which ends at `prev_end`) in another currency
/// or unit: "5.35 trillion yen ($34.6 billion)", "200 km (124 miles)". It
/// is the same claim, with the same noun, subject, source and time.
fn converts(
    text: &str,
    prev_end: Option<usize>,
    prev_kind: Option<ClaimKind>,
    m: &Mention,
) -> bool {
    let kind = m.figure.kind;
    matches!(kind, ClaimKind::Money | ClaimKind::Quantity)
        && prev_kind == Some(kind)
        && prev_end.is_some_and(|e| {
            text.get(e..m.span.start).is_some_and(|b| b.trim() == "(")
        })
        && text
            .get(m.span.end..)
            .is_some_and(|a| a.trim_start().starts_with(')'))
}

/// Nouns that only measure a sum, and give way to what it is in ("a
/// total of $5 million in aid").
const GENERIC_SUM_NOUNS: &[&str] = &[
    "total",
    "sum",
    "amount",
    "tally",
    "value",
    "figure",
    "average",
    "maximum",
    "minimum",
    "additional",
    "further",
    "extra",
    "combined",
    "aggregate",
    "excess",
    "package",
    "tune",
    "upwards",
    "range",
    "high",
    "low",
    "level",
    "record",
];

/// Ordinals of a place in a race ("came second with 21.8%").
const PLACINGS: &[&str] =
    &["first", "second", "third", "fourth", "fifth", "sixth", "last"];

/// Words of an election, one of which a sentence about a vote share, or
/// the one before it, holds.
static ELECTION_WORDS: Words = Words::new(&[
    "vote",
    "votes",
    "voters",
    "voted",
    "voting",
    "ballot",
    "ballots",
    "election",
    "elections",
    "electoral",
    "poll",
    "polls",
    "runoff",
    "run-off",
    "referendum",
    "primary",
    "party",
    "parties",
    "candidate",
    "candidates",
    "seats",
    "parliamentary",
    "presidential",
    "turnout",
    "constituency",
]);

/// Whether a share at `place` that counts nothing is a party's or a
/// candidate's share of the vote: "came second with 21.8%", "finished a
/// distant third on 9%", and in a sentence about an election (or after
/// one) "the Greens on 12%", "won 27 percent", "took 11.2%".
fn vote_share(
    text: &str,
    toks: &[Token],
    seg: &Segmentation,
    si: usize,
    place: Place,
) -> bool {
    let w = |k: usize| toks.get(k).and_then(|t| word(text, t)).unwrap_or("");
    let Some(p) = place.first.checked_sub(1) else { return false };
    let with_on = lower_in(w(p), &["with", "on"]);
    let placed =
        with_on && (p.saturating_sub(2)..p).any(|k| lower_in(w(k), PLACINGS));
    if placed {
        return true;
    }
    // "Labour on 31%", "the conservatives on 24 percent", "Ruto led with
    // 42%": a name, a party or a verb of standing before.
    let standing = with_on
        && p > 0
        && (is_cap(text, &toks[p - 1])
            || lower_in(
                w(p - 1),
                &[
                    "party",
                    "parties",
                    "conservatives",
                    "liberals",
                    "democrats",
                    "republicans",
                    "socialists",
                    "greens",
                    "candidate",
                    "alliance",
                    "coalition",
                    "bloc",
                    "led",
                    "leads",
                    "trailed",
                    "trails",
                    "finished",
                    "came",
                    "ended",
                ],
            ));
    let won = lower_in(
        w(p),
        &[
            "won",
            "wins",
            "win",
            "took",
            "takes",
            "got",
            "gets",
            "secured",
            "garnered",
            "polled",
            "received",
            "captured",
            "obtained",
            "drew",
            "attracted",
            "scored",
        ],
    );
    if !standing && !won {
        return false;
    }
    let election = |toks: &[Token]| {
        toks.iter().any(|t| ELECTION_WORDS.has(t.span.of(text)))
    };
    election(toks) || si > 0 && election(seg.sentence_tokens(si - 1))
}

/// The word "vote" or "votes" in the sentence `toks`, nearest before the
/// figure at `at`, else after it.
fn vote_word(text: &str, toks: &[Token], at: Span) -> Option<Span> {
    let vote =
        |t: &&Token| lower_in(t.span.of(text), &["vote", "votes", "ballots"]);
    toks.iter()
        .filter(|t| t.span.end <= at.start)
        .rev()
        .find(vote)
        .or_else(|| toks.iter().filter(|t| t.span.start >= at.end).find(vote))
        .map(|t| t.span)
}

/// Adds to `dates` (sorted by start) the spans of time back from or on
/// from now of the sentence `toks`: "the past eight decades", "the last
/// two years", "the next five years", "the coming few months". The
/// entity tables leave them out (a duration is no DATE); a figure they
/// stand in the clause of is dated by them.
fn recent_spans(text: &str, toks: &[Token], dates: &mut Vec<Span>) {
    let w = |k: usize| toks.get(k).and_then(|t| word(text, t)).unwrap_or("");
    let b = text.as_bytes();
    for k in 0..toks.len() {
        // Most tokens fail on their first letter or their length, with
        // no word compared.
        let Span { start, end } = toks[k].span;
        if !(4..=6).contains(&(end - start))
            || !matches!(b[start] | 0x20, b'p' | b'l' | b'n' | b'c')
            || !lower_in(w(k), &["past", "last", "next", "coming"])
        {
            continue;
        }
        let mut n = k + 1;
        if lower_in(w(n), &["few", "several"])
            || toks.get(n).is_some_and(|t| t.kind == TokenKind::Number)
            || is_number_word_ci(w(n))
        {
            n += 1;
        } else {
            continue;
        }
        if !lower_in(w(n), &["days", "weeks", "months", "years", "decades"]) {
            continue;
        }
        let start =
            if k > 0 && lower_in(w(k - 1), &["the"]) { k - 1 } else { k };
        let span = Span::new(toks[start].span.start, toks[n].span.end);
        if dates.iter().any(|d| d.overlaps(span)) {
            continue;
        }
        let at = dates.partition_point(|d| d.start < span.start);
        dates.insert(at, span);
    }
}

/// `span` without a leading "the" ("the judge said").
fn without_article(text: &str, span: Span) -> Span {
    let s = span.of(text);
    match s.get(..4) {
        Some(the) if the.eq_ignore_ascii_case("the ") && s.len() > 4 => {
            let rest = s[4..].trim_start();
            Span::new(span.end - rest.len(), span.end)
        }
        _ => span,
    }
}

/// A person named by a short form ("Zarrella said") as the full name
/// it refers to ("Ronald L. Zarrella"), as resolution linked them;
/// any other span as it is.
fn full_name(entities: &[Entity], span: Span) -> Span {
    let at = entities.partition_point(|e| e.span.start < span.start);
    entities[at..]
        .iter()
        .take_while(|e| e.span.start == span.start)
        .find_map(|e| match e.canonical {
            Canonical::Mention(full)
                if e.span == span && e.kind == EntityType::Person =>
            {
                Some(full)
            }
            _ => None,
        })
        .unwrap_or(span)
}

/// Sets `prev` to the subject of the latest `pending` sentence that has
/// one (the subject each would have set in turn), and empties `pending`.
fn settle_subject(
    text: &str,
    seg: &Segmentation,
    entities: &[Entity],
    pending: &mut Vec<usize>,
    prev: &mut Option<Span>,
) {
    for &si in pending.iter().rev() {
        let sspan = seg.sentences[si].span;
        let lo = entities.partition_point(|e| e.span.start < sspan.start);
        let hi =
            lo + entities[lo..].partition_point(|e| e.span.start < sspan.end);
        let toks = seg.sentence_tokens(si);
        if let Some(s) = subject_of(
            text,
            toks,
            &entities[lo..hi],
            None,
            scene_end(text, toks),
        ) {
            *prev = Some(s);
            break;
        }
    }
    pending.clear();
}

/// Nouns a company has, which "its" before them makes a company's.
static COMPANY_NOUN_WORDS: Words = Words::new(&[
    "workforce",
    "employees",
    "staff",
    "workers",
    "shares",
    "stock",
    "revenue",
    "revenues",
    "profit",
    "profits",
    "earnings",
    "sales",
    "customers",
    "stores",
    "shops",
    "branches",
    "fleet",
    "dividend",
    "payroll",
    "headcount",
    "subscribers",
    "users",
    "plants",
    "factories",
    "deliveries",
    "orders",
    "valuation",
    "capitalisation",
    "capitalization",
]);

/// The company "its" refers to in sentence `si`, when the subject it
/// would otherwise take, `prev`, is a place: the sentence speaks of a
/// company ("The company plans to double its workforce") or what "its"
/// owns, the `counted` phrase of figure `m`, is a company's ("10% of its
/// global workforce"). The company is the subject of one of the few
/// sentences before.
#[allow(clippy::too_many_arguments)]
fn company_its(
    text: &str,
    seg: &Segmentation,
    entities: &[Entity],
    si: usize,
    toks: &[Token],
    m: &Mention,
    counted: Option<Span>,
    prev: Option<Span>,
) -> Option<Span> {
    let kind_of = |s: Span| {
        let at = entities.partition_point(|e| e.span.start < s.start);
        entities[at..]
            .iter()
            .take_while(|e| e.span.start == s.start)
            .find(|e| e.span == s)
            .map(|e| e.kind)
    };
    if kind_of(prev?) != Some(EntityType::Location) {
        return None;
    }
    let first = toks.partition_point(|t| t.span.start < m.span.start);
    // "The company", "the planemaker" before the figure.
    let company_word = (1..first).any(|k| {
        word(text, &toks[k]).is_some_and(|w| ORGANIZATION_KIND_WORDS.has(w))
            && word(text, &toks[k - 1]).is_some_and(|a| lower_in(a, &["the"]))
    });
    // "its global workforce", "its employees": what is counted.
    let owned = counted.is_some_and(|c| {
        c.of(text)
            .rsplit(|ch: char| ch.is_whitespace())
            .next()
            .is_some_and(|w| COMPANY_NOUN_WORDS.has(w))
    });
    if !company_word && !owned {
        return None;
    }
    // The latest of the few sentences before whose subject is a company.
    (si.saturating_sub(6)..si).rev().find_map(|sj| {
        let sspan = seg.sentences[sj].span;
        let lo = entities.partition_point(|e| e.span.start < sspan.start);
        let hi =
            lo + entities[lo..].partition_point(|e| e.span.start < sspan.end);
        let st = seg.sentence_tokens(sj);
        let s = subject_of(
            text,
            st,
            &entities[lo..hi],
            None,
            scene_end(text, st),
        )?;
        (kind_of(s) == Some(EntityType::Organization)).then_some(s)
    })
}

/// Whether a sentence holds `said`, `says` or `told` after a space or a
/// line break: [`glance`] answers it.
#[cfg(test)]
fn has_saying(text: &str, toks: &[Token]) -> bool {
    glance(text, toks, false, &mut Vec::new()).saying
}

fn entity_rule(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Money => "number:money",
        EntityType::Percent => "number:percent",
        EntityType::Quantity => "number:quantity",
        _ => "number:count",
    }
}

fn claim_rule(m: &Mention) -> &'static str {
    if m.age {
        return "claim:age";
    }
    if m.figure.value_max.is_some() {
        return "claim:range";
    }
    match m.figure.kind {
        ClaimKind::Count => "claim:count",
        ClaimKind::Money => "claim:money",
        ClaimKind::Percent => "claim:percent",
        ClaimKind::Quantity => "claim:quantity",
        ClaimKind::Fraction => "claim:fraction",
        ClaimKind::Multiplier => "claim:multiplier",
        ClaimKind::Duration => "claim:duration",
    }
}

/// The cheap prefilter: only sentences with a digit, a number word or a
/// noun a figure can start before (`a fifth of`) go through the grammar.
/// A word is asked about its part before a hyphen (`-` or `‐`), which is
/// where the grammar starts reading it. `digit` is whether the sentence
/// has a number token (one [`glance`] notes), which settles it before any
/// word is looked at.
#[inline(never)]
fn may_hold_figure(text: &str, toks: &[Token], digit: bool) -> bool {
    if digit {
        return true;
    }
    let b = text.as_bytes();
    let last = toks.last().map_or(0, |t| t.span.end);
    let words = number_words();
    // The first hyphen at or after where it was last looked for: hyphens
    // are rare, and words are not searched one by one for them.
    let mut hyphen: Option<usize> = None;
    // A loop of its own, out of line: asked about every word of every
    // sentence without a digit, and most fail the bit tests at once.
    for t in toks {
        if t.kind != TokenKind::Word {
            continue;
        }
        let Span { start, end } = t.span;
        let at = match hyphen {
            Some(h) if h >= start => h,
            _ => *hyphen.insert(next_hyphen(b, start, last)),
        };
        let cut = at.min(end);
        // "in her mid-20s": a word with digits after its hyphen.
        if at < end && b[at..end].iter().any(u8::is_ascii_digit) {
            return true;
        }
        if words.may_hold(&b[start..cut])
            && words.may_begin_figure_ci(&text[start..cut])
        {
            return true;
        }
    }
    false
}

/// Whether the number grammar may find a figure in a sentence with
/// `dates`: `false` only when it cannot. The grammar skips a number
/// token inside a date, so the question is asked of the words when every
/// number token lies in one: an ASCII word without a hyphen is one piece
/// of the grammar, which starts a figure only if it is a number word or
/// a noun after `a` (one of [`NumberWords::may_begin_figure_ci`]'s
/// words); other words are not looked into.
/// `numbers` are the indices of the number tokens.
fn may_hold_figure_outside(
    text: &str,
    toks: &[Token],
    numbers: &[usize],
    dates: &[Span],
) -> bool {
    let outside = |&i: &usize| !dates.iter().any(|d| d.overlaps(toks[i].span));
    if numbers.iter().any(outside) {
        return true;
    }
    let b = text.as_bytes();
    let words = number_words();
    toks.iter().any(|t| {
        let s = &b[t.span.range()];
        // Not ASCII or with a hyphen: one pass over a short word's bytes
        // rather than an ASCII test and a memchr call.
        t.kind == TokenKind::Word
            && (s.iter().any(|&c| c == b'-' || c >= 0x80)
                || words.may_hold(s)
                    && words.may_begin_figure_ci(t.span.of(text)))
    })
}

/// Where the first hyphen (`-` or `‐`) in `b[from..to]` starts, or `to`.
/// `‐` is the only one of the two that starts with 0xE2, as curly quotes
/// do.
fn next_hyphen(b: &[u8], from: usize, to: usize) -> usize {
    let mut at = from;
    while let Some(k) = memchr::memchr2(b'-', 0xE2, &b[at..to]) {
        let p = at + k;
        if b[p] == b'-' || b[p..to].starts_with("‐".as_bytes()) {
            return p;
        }
        at = p + 1;
    }
    to
}

/// Whether `w` ends with the lowercase `suffix`, ASCII case ignored:
/// `w.to_ascii_lowercase().ends_with(suffix)` without the copy.
/// The token after up to three lowercase words from `from` (before
/// `end`) that describe the name after them, as "ruling" and "main
/// opposition" do: no stop word, no verb.
fn past_describing_words(
    text: &str,
    toks: &[Token],
    from: usize,
    end: usize,
) -> usize {
    let mut k = from;
    while k < end
        && k < from + 3
        && word(text, &toks[k]).is_some_and(|x| {
            x.starts_with(char::is_lowercase)
                && !STOP_WORDS.has(x)
                && !ends_with_ci(x, "ed")
                && !IRREGULAR_VERB_WORDS.has(x)
                && !CHANGE_VERB_WORDS.has(x)
        })
    {
        k += 1;
    }
    k
}

fn ends_with_ci(w: &str, suffix: &str) -> bool {
    let (w, suffix) = (w.as_bytes(), suffix.as_bytes());
    w.len() >= suffix.len()
        && w[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// Whether token `t` is the one byte `c` (`,`, `"`): `t.span.of(text)
/// == ","` without slicing the text.
#[inline]
fn token_is_byte(bytes: &[u8], t: &Token, c: u8) -> bool {
    t.span.end == t.span.start + 1 && bytes[t.span.start] == c
}

/// [`is_number_word`] of `w` lowercased, without allocating for short
/// ASCII words.
fn is_number_word_ci(w: &str) -> bool {
    // The bit tests first, on the word as it is (they ignore ASCII case):
    // most words fail them. A non-ASCII word is lowercased first, as its
    // lowercase can differ in length.
    (number_words().may_hold(w.as_bytes()) || !w.is_ascii())
        && is_number_word(&lowercase(w))
}

fn word<'t>(text: &'t str, t: &Token) -> Option<&'t str> {
    (t.kind == TokenKind::Word).then(|| t.span.of(text))
}

fn is_cap(text: &str, t: &Token) -> bool {
    word(text, t)
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// A name-like phrase starting at token `i`: capitalized words, joined by
/// `of`, `for`, `and`, `the`, `on`, `de` when a capitalized word follows
/// (`United Nations High Commissioner for Refugees`); a trailing
/// possessive phrase keeps its lowercase head (`Pakistan’s UN mission`).
fn name_at(text: &str, toks: &[Token], i: usize) -> Option<(Span, usize)> {
    let mut j = i;
    if j < toks.len()
        && word(text, &toks[j]).is_some_and(|w| w.eq_ignore_ascii_case("the"))
    {
        j += 1;
    }
    let start = j;
    let mut end = j;
    while end < toks.len() {
        let name_word =
            is_cap(text, &toks[end]) && !is_pronoun(toks[end].span.of(text));
        let abbrev_dot = end > start
            && toks[end].span.of(text) == "."
            && is_abbrev(text, &toks[end - 1])
            && end + 1 < toks.len()
            && is_cap(text, &toks[end + 1]);
        let link = end > start
            && end + 1 < toks.len()
            && word(text, &toks[end]).is_some_and(|w| {
                matches!(w, "of" | "for" | "and" | "on" | "de" | "the")
            })
            && is_cap(text, &toks[end + 1]);
        if name_word || abbrev_dot || link {
            end += 1;
        } else {
            break;
        }
    }
    if end == start {
        return None;
    }
    // "Pakistan’s UN mission": a possessive name with a lowercase head.
    let last = toks[end - 1].span.of(text);
    let possessive = (start..end).any(|k| {
        toks[k].span.of(text).ends_with("’s")
            || toks[k].span.of(text).ends_with("'s")
    });
    if possessive || last.ends_with("’s") || last.ends_with("'s") {
        let mut e = end;
        while e < toks.len()
            && e < end + 3
            && word(text, &toks[e]).is_some_and(|w| {
                // "Milei's government posted": not its verb.
                w.chars().all(|c| c.is_lowercase())
                    && !STOP_WORDS.has(w)
                    && (e == end || !finite_verb(w))
                    && !AUXILIARIES.has(w)
            })
        {
            e += 1;
        }
        end = e;
    }
    Some((Span::new(toks[start].span.start, toks[end - 1].span.end), end))
}

/// A noun phrase ending right before token `i` (for `X said`, `sales
/// rose`): walks back over words that are not stop words.
fn phrase_before(text: &str, toks: &[Token], i: usize) -> Option<Span> {
    let mut j = i;
    // Skip auxiliaries: "had increased", "has been".
    while j > 0 && word(text, &toks[j - 1]).is_some_and(|w| AUXILIARIES.has(w))
    {
        j -= 1;
    }
    // "The S&P 500 closed up 1.2%", "the FTSE 100 fell": a stock index
    // named by its size.
    if let Some(k) = index_named_before(text, toks, j) {
        return Some(Span::new(toks[k].span.start, toks[j - 1].span.end));
    }
    // "The yield, which moves against the price, dropped": the subject
    // stands before the aside.
    if j > 1 && toks[j - 1].span.of(text) == "," {
        let open = (j.saturating_sub(20)..j - 1)
            .rev()
            .find(|&k| toks[k].span.of(text) == ",");
        if let Some(k) = open {
            let aside = toks.get(k + 1).and_then(|t| word(text, t));
            if aside.is_some_and(|w| {
                lower_in(w, &["which", "who", "whose"])
                    || w.chars().all(char::is_lowercase)
            }) {
                j = k;
            }
        }
    }
    let end = j;
    let mut k = j;
    while k > 0 {
        let t = &toks[k - 1];
        // "Shares of Toyota, Honda and Nissan fell": a list of names
        // after "of" is the noun's before it.
        if k < end && t.span.of(text) == "," {
            if let Some(of) = names_listed_after_of(text, toks, k - 1, end) {
                k = of + 1;
                continue;
            }
        }
        let Some(w) = word(text, t) else { break };
        // Stop words end the phrase, but for its linkers; not "and"
        // between a common noun and a name ("scored 23 points and Kevin
        // Durant added 19": a new clause).
        if is_function_word(w) {
            let new_subject = k >= 2
                && k < end
                && is_cap(text, &toks[k])
                && word(text, &toks[k - 2])
                    .is_some_and(|p| p.starts_with(char::is_lowercase));
            // "GDP per capita": "per" inside the noun.
            let per_capita = lower_in(w, &["per"])
                && toks.get(k).is_some_and(|t| {
                    t.span.of(text).eq_ignore_ascii_case("capita")
                });
            // "output was 2.4 million tonnes and rice exports were": the
            // word before "and" is the unit or noun of another figure,
            // whose clause ends there.
            let figure_before = |at: usize| {
                toks[at].kind == TokenKind::Number
                    || word(text, &toks[at]).is_some_and(is_number_word_ci)
            };
            let after_figure = k >= 2
                && (figure_before(k - 2) || k >= 3 && figure_before(k - 3));
            let linker = (lower_in(w, &["of"])
                || lower_in(w, &["and"]) && !new_subject && !after_figure
                || per_capita)
                && k < end;
            // "member of the group": an article after "of" links too.
            let linked_article = lower_in(w, &["the", "a", "an"])
                && k >= 2
                && k < end
                && word(text, &toks[k - 2])
                    .is_some_and(|p| lower_in(p, &["of"]));
            if !linker && !linked_article {
                break;
            }
        }
        // A figure ends the phrase: "28 percent of the respondents said"
        // names the respondents; so does its scale word ("spending of
        // $1.3 trillion and revenues of": the revenues).
        if is_number_word_ci(w)
            || lower_in(
                w,
                &[
                    "percent", "trillion", "bn", "mn", "tn", "lakh", "lakhs",
                    "crore", "crores",
                ],
            )
        {
            break;
        }
        // "the index of leading indicators": an -ing word after an
        // article or "of" modifies the noun ("including" does not).
        let modifier = k >= 2
            && word(text, &toks[k - 2])
                .is_some_and(|p| lower_in(p, &["of", "the", "a", "an"]));
        // "Manufacturing growth slowed", "housing starts": an -ing noun
        // naming a sector modifies the noun after it, as does one
        // opening the sentence.
        let sector = k == 1
            && is_cap(text, t)
            && toks.get(k).and_then(|n| word(text, n)).is_some_and(|n| {
                n.starts_with(char::is_lowercase) && !is_function_word(n)
            })
            || lower_in(
                w,
                &[
                    "manufacturing",
                    "housing",
                    "lending",
                    "spending",
                    "shipping",
                    "mining",
                    "banking",
                    "building",
                    "farming",
                    "advertising",
                    "clothing",
                    "borrowing",
                    "refining",
                    "fishing",
                    "processing",
                    "trading",
                    "funding",
                ],
            );
        if SPEECH_VERB_WORDS.has(w)
            || w.ends_with("ing") && k < end && !modifier && !sector
        {
            break;
        }
        // "Analysts polled by Reuters expected growth of 2.1%", "the
        // firm forecast revenue of": a past tense after a noun is its
        // verb, not part of the phrase (but "the revised budget",
        // "seasonally adjusted sales", "its increased spending" are).
        if k < end
            && k >= 2
            && w.starts_with(char::is_lowercase)
            && (w.ends_with("ed") || lower_in(w, &["forecast", "set", "cut"]))
            && word(text, &toks[k - 2]).is_some_and(|p| {
                !is_function_word(p)
                    && !DETERMINER_WORDS.has(p)
                    && !ends_with_ci(p, "ly")
                    && !ends_with_ci(p, "ed")
                    && !p.ends_with("'s")
                    && !p.ends_with("’s")
                    && !is_number_word_ci(p)
            })
        {
            break;
        }
        // "The draft budget sets defence spending of": a verb in the
        // present tense.
        if k < end && w.starts_with(char::is_lowercase) && OBJECT_VERBS.has(w)
        {
            break;
        }
        // "killed 12 people and caused damage of": a past tense after
        // "and" is a verb of its own (but "injured and displaced
        // people" joins two participles).
        let past = |x: &str| {
            x.starts_with(char::is_lowercase)
                && (ends_with_ci(x, "ed") || IRREGULAR_VERB_WORDS.has(x))
        };
        if past(w)
            && k < end
            && k >= 3
            && word(text, &toks[k - 2]) == Some("and")
            && word(text, &toks[k - 3]).is_none_or(|p| !past(p))
        {
            break;
        }
        // "we won't just be": a contracted verb ends the phrase. Each
        // ends in `t`, `e` or `l`, which most words do not.
        if matches!(w.as_bytes().last(), Some(b't' | b'e' | b'l'))
            && ["n't", "n’t", "'re", "’re", "'ll", "’ll", "'ve", "’ve"]
                .iter()
                .any(|c| w.ends_with(c))
        {
            break;
        }
        k -= 1;
        if end - k > 8 {
            break;
        }
    }
    // "those surveyed said": the participle names people with its
    // "those".
    if k + 1 == end
        && k > 0
        && lower_in(toks[k - 1].span.of(text), &["those", "these"])
        && word(text, &toks[k]).is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_lowercase())
                && (ends_with_ci(w, "ed")
                    || ends_with_ci(w, "ing")
                    || PAST_AFTER_NOUN_WORDS.has(w))
        })
    {
        return Some(Span::new(toks[k - 1].span.start, toks[k].span.end));
    }
    // Don't start on a linker or its article.
    while k < end
        && word(text, &toks[k])
            .is_some_and(|w| lower_in(w, &["of", "and", "the", "a", "an"]))
    {
        k += 1;
    }
    (k < end).then(|| Span::new(toks[k].span.start, toks[end - 1].span.end))
}

/// Words that name a stock index: "the Dow", "the benchmark Nikkei share
/// average", "the Nasdaq Composite", "the main index".
const INDEX_WORDS: &[&str] = &[
    "index",
    "indexes",
    "indices",
    "average",
    "composite",
    "dow",
    "nasdaq",
    "ftse",
    "dax",
    "cac",
    "nikkei",
    "topix",
    "kospi",
    "sensex",
    "nifty",
    "seng",
    "stoxx",
    "ibovespa",
    "gauge",
    "tasi",
    "msci",
    "asx",
    "jse",
];

/// The stock index whose move a figure at token `first` gives: the index
/// named before a verb of change right before it ("the Dow fell 696.75
/// points", "the Nikkei slid 2.4%", "the Nasdaq closed down 1.2%").
fn index_moved_by(
    text: &str,
    toks: &[Token],
    first: usize,
    in_points: bool,
) -> Option<Span> {
    let mut v = first.checked_sub(1)?;
    if v > 0
        && word(text, &toks[v]).is_some_and(|w| matches!(w, "up" | "down"))
    {
        v -= 1;
    }
    let w = word(text, &toks[v])?;
    let verb = (CHANGE_VERB_WORDS.has(w) && !BE_FORMS.has(w))
        || lower_in(w, &["added", "closed", "ended", "finished", "opened"])
        || in_points && lower_in(w, &["was", "is", "were"]);
    if !verb {
        return None;
    }
    let p = phrase_before(text, toks, v)?;
    if !p
        .of(text)
        .split([' ', '\n'])
        .any(|w| lower_in(w, INDEX_WORDS) || w.starts_with("S&P"))
    {
        return None;
    }
    // "the broader Topix", "the key 225-share Nikkei average": from the
    // index's name.
    let from = toks.partition_point(|t| t.span.start < p.start);
    let to = toks.partition_point(|t| t.span.start < p.end);
    let name = (from..to).find(|&k| is_cap(text, &toks[k]));
    Some(match name {
        Some(n)
            if n > from
                && (from..n).all(|k| {
                    word(text, &toks[k])
                        .is_some_and(|w| w.starts_with(char::is_lowercase))
                }) =>
        {
            Span::new(toks[n].span.start, p.end)
        }
        _ => p,
    })
}

/// The first token of a stock index's name whose size ends just before
/// token `j`: "S&P 500", "FTSE 100", "Nikkei 225".
fn index_named_before(text: &str, toks: &[Token], j: usize) -> Option<usize> {
    let n = j.checked_sub(2)?;
    if toks[j - 1].kind != TokenKind::Number {
        return None;
    }
    let at = |k: usize| toks[k].span.of(text);
    if n >= 2
        && at(n).eq_ignore_ascii_case("p")
        && at(n - 1) == "&"
        && at(n - 2).eq_ignore_ascii_case("s")
    {
        return Some(n - 2);
    }
    let name = at(n).to_ascii_lowercase();
    crate::numbers::STOCK_INDEXES.contains(&name.as_bytes()).then_some(n)
}

/// The index of the "of" that opens a list of names whose comma is token
/// `comma` and which ends with "and" and a name at `end` ("of Toyota,
/// Honda and Nissan"), when a common noun stands before the "of".
fn names_listed_after_of(
    text: &str,
    toks: &[Token],
    comma: usize,
    end: usize,
) -> Option<usize> {
    let names = |from: usize, to: usize| {
        (from..to).all(|k| {
            is_cap(text, &toks[k]) || word(text, &toks[k]) == Some("and")
        })
    };
    let joined = (comma + 1..end).any(|k| word(text, &toks[k]) == Some("and"));
    if !joined || !names(comma + 1, end) {
        return None;
    }
    let mut k = comma;
    while k > 0 {
        let t = &toks[k - 1];
        if t.span.of(text) == "," || is_cap(text, t) {
            k -= 1;
            continue;
        }
        let of = k - 1;
        let noun = of > 0
            && word(text, &toks[of - 1]).is_some_and(|w| {
                (w.starts_with(char::is_lowercase) || of == 1)
                    && !is_function_word(w)
            });
        return (word(text, t) == Some("of") && of + 1 < comma && noun)
            .then_some(of);
    }
    None
}

/// What the searches for a sentence's speaker look for, noted in one
/// pass over its tokens: a search whose word the sentence lacks is
/// skipped, and the verbs of saying are visited by index.
#[derive(Default)]
struct Cues {
    /// The words `according` (any case), by token index.
    according: Vec<usize>,
    /// The words `from` and `by`, by token index.
    from_by: Vec<usize>,
    /// The tokens ending in `’s` or `'s`, by index.
    possessive: Vec<usize>,
    /// The comma tokens, by index.
    commas: Vec<usize>,
    /// The speech verbs, by token index.
    verbs: Vec<usize>,
    /// The verbs whose pronoun subject is a speaker, by token index.
    pronoun_verbs: Vec<usize>,
    /// The words `poll`, `polls`, `survey`, `surveys` (any case), by
    /// token index.
    polls: Vec<usize>,
}

/// The words [`Cues::read`] looks for, as bit tests only: most words
/// fail them and are asked nothing else.
fn cue_words() -> &'static WordSet {
    static CUE_WORDS: OnceLock<WordSet> = OnceLock::new();
    CUE_WORDS.get_or_init(|| {
        WordSet::of(
            SPEECH_VERBS
                .iter()
                .chain(&[
                    "according",
                    "from",
                    "by",
                    "adds",
                    "forecast",
                    "forecasts",
                    "forecasted",
                ])
                .chain(POLL_WORDS),
        )
    })
}

/// The words of a poll, whose pollster [`attribution_of`] names.
const POLL_WORDS: &[&str] = &["poll", "polls", "survey", "surveys"];

/// What one pass over a sentence's tokens ([`glance`]) finds that
/// decides whether it is read further.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Glance {
    /// Whether a quotation is open at the sentence's end: opening marks
    /// are “ and ``, closing marks ” and '', and a straight " toggles.
    quote_after: bool,
    /// Whether the sentence holds `said`, `says` or `told` after a space
    /// or a line break: the cheap test before looking for its speaker.
    /// Such a word starts a token (no token holds whitespace), so only
    /// the first bytes of the tokens after the sentence's first are read.
    saying: bool,
}

/// The [`Glance`] at a sentence that starts inside a quotation if `open`,
/// with the indices of its number tokens put in `numbers`: one pass, as
/// every sentence is asked all three.
#[inline(never)]
fn glance(
    text: &str,
    toks: &[Token],
    open: bool,
    numbers: &mut Vec<usize>,
) -> Glance {
    // Bytes: asked of every sentence, with no char boundary to check.
    let b = text.as_bytes();
    numbers.clear();
    let (mut open, mut saying) = (open, false);
    let end = toks.last().map_or(0, |t| t.span.end);
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        match t.kind {
            // Most marks (commas, periods) start with none of the quotes'
            // first bytes and are passed over with one test.
            TokenKind::Punct
                if !matches!(b[t.span.start], b'"' | b'`' | b'\'' | 0xE2) => {}
            TokenKind::Punct => {
                let s = &b[t.span.range()];
                let doubled = |c: &[u8]| {
                    s == c
                        && toks.get(i + 1).is_some_and(|n| {
                            n.span.start == t.span.end
                                && &b[n.span.range()] == c
                        })
                };
                if s == "“".as_bytes() {
                    open = true;
                } else if s == "”".as_bytes() {
                    open = false;
                } else if s == b"\"" {
                    open = !open;
                } else if doubled(b"`") {
                    open = true;
                    i += 1;
                } else if doubled(b"'") {
                    open = false;
                    i += 1;
                }
            }
            TokenKind::Number => numbers.push(i),
            TokenKind::Word => {
                // Only a word can start with `s` or `t`.
                let at = t.span.start;
                if !saying
                    && i > 0
                    && matches!(b[at], b's' | b't')
                    && b[at - 1].is_ascii_whitespace()
                {
                    let w = &b[at..end];
                    saying = w.starts_with(b"said")
                        || w.starts_with(b"says")
                        || w.starts_with(b"told");
                }
            }
        }
        i += 1;
    }
    Glance { quote_after: open, saying }
}

impl Cues {
    /// Notes the cues of a sentence, in place of the last one's.
    #[inline(never)]
    fn read(&mut self, text: &str, toks: &[Token]) {
        self.according.clear();
        self.from_by.clear();
        self.possessive.clear();
        self.commas.clear();
        self.verbs.clear();
        self.pronoun_verbs.clear();
        self.polls.clear();
        // Bytes: no char boundary to check on every token.
        let bytes = text.as_bytes();
        // Fetched once, not once per word.
        let speech = SPEECH_VERB_WORDS.set();
        let cue = cue_words();
        for (i, t) in toks.iter().enumerate() {
            // A punctuation token is one character: a comma or no cue,
            // told without slicing the text.
            if t.kind == TokenKind::Punct {
                if token_is_byte(bytes, t, b',') {
                    self.commas.push(i);
                }
                continue;
            }
            let s = &bytes[t.span.start..t.span.end];
            if s.ends_with(b"s")
                && (s.ends_with("’s".as_bytes()) || s.ends_with(b"'s"))
            {
                self.possessive.push(i);
            }
            if t.kind != TokenKind::Word || !cue.may_hold(s) {
                continue;
            }
            if s.eq_ignore_ascii_case(b"according") {
                self.according.push(i);
            }
            if matches!(s, b"from" | b"by") {
                self.from_by.push(i);
            }
            if lower_in_bytes(s, POLL_WORDS) {
                self.polls.push(i);
            }
            // Every plain verb of saying is a speech verb too, and so is
            // every pronoun speaker's verb but `adds`: one probe settles
            // most words for both.
            // "Analysts had forecast a 0.3% rise": a verb of saying
            // here, though not one that ends a noun phrase ("growth
            // forecasts").
            let forecast =
                lower_in_bytes(s, &["forecast", "forecasts", "forecasted"]);
            let verb = forecast
                || speech.may_hold(s) && SPEECH_VERB_WORDS.probe(speech, s);
            // Only a verb or `adds` is noted: the tests below, which
            // turn one away, are asked of those alone.
            if !verb && !s.eq_ignore_ascii_case(b"adds") {
                continue;
            }
            // "added" says something only before a pause or "that":
            // "employers added 431,000 jobs" adds, it does not say.
            let adding = matches!(s, b"added" | b"adds" | b"add")
                && toks.get(i + 1).is_some_and(|n| {
                    n.kind != TokenKind::Punct
                        && !bytes[n.span.range()].eq_ignore_ascii_case(b"that")
                });
            if adding
                || reported_of_a_thing(text, toks, i)
                || states_a_noun(text, toks, i)
                || forecast_as_an_adjective(text, toks, i)
            {
                continue;
            }
            // `adds` is a pronoun speaker's verb, though no speech verb.
            let pronoun_verb = if verb {
                self.verbs.push(i);
                PRONOUN_SAYING.has_bytes(s)
            } else {
                true
            };
            if pronoun_verb {
                self.pronoun_verbs.push(i);
            }
        }
    }
}

/// Whether a past participle of saying at token `i` describes the
/// thing before it ("5,000 cases of cholera reported in March", "the
/// number of deaths recorded since June", "losses estimated at $2
/// billion"): what is reported says nothing.
fn reported_of_a_thing(text: &str, toks: &[Token], i: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| t.span.of(text));
    i > 0
        && matches!(
            w(i),
            "reported"
                | "recorded"
                | "confirmed"
                | "registered"
                | "documented"
                | "counted"
                | "estimated"
                | "found"
        )
        && lower_in(
            w(i - 1),
            &[
                "case",
                "cases",
                "death",
                "deaths",
                "infection",
                "infections",
                "incident",
                "incidents",
                "attack",
                "attacks",
                "casualties",
                "crimes",
                "fatalities",
                "injuries",
                "outbreaks",
                "arrests",
                "violations",
                "damage",
                "losses",
                "cost",
                "costs",
                "cholera",
                "measles",
                "dengue",
                "malaria",
            ],
        )
}

/// Whether "states" at token `i` is the plural noun ("member states
/// agreed", "a coastal states deal"), as it mostly is in news: the verb
/// states something, so "that", an article, a colon or a quotation
/// follows it ("the report states that", "the law states the limit").
fn states_a_noun(text: &str, toks: &[Token], i: usize) -> bool {
    toks[i].span.of(text).eq_ignore_ascii_case("states")
        && toks.get(i + 1).is_none_or(|n| {
            let n = n.span.of(text);
            !(lower_in(n, &["that", "the", "a", "an", "its", "their"])
                || matches!(n, ":" | "\"" | "“"))
        })
}

/// Whether "expected" or "projected" at token `i` describes a noun or
/// stands as a passive ("the expected rise", "than expected", "sales
/// expected to rise", "the 2% expected in March") rather than saying
/// who expects: "economists had expected a rise of 2.3%", "the agency
/// projected growth of 3.1%".
fn forecast_as_an_adjective(text: &str, toks: &[Token], i: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| t.span.of(text));
    if !matches!(
        w(i),
        "expected" | "projected" | "forecast" | "forecasts" | "forecasted"
    ) {
        return false;
    }
    // "the bank's forecast", "a forecast of 2%", "growth forecasts": the
    // noun.
    let noun = w(i).starts_with("forecast")
        && (i > 0 && (w(i - 1).ends_with("'s") || w(i - 1).ends_with("’s"))
            || lower_in(w(i + 1), &["of", "for", "is", "was", "were", "are"])
            || w(i) == "forecasts"
                && i > 0
                && word(text, &toks[i - 1]).is_some_and(|p| {
                    p.starts_with(char::is_lowercase) && !STOP_WORDS.has(p)
                }));
    if noun {
        return true;
    }
    let perfect = i > 0 && lower_in(w(i - 1), &["had", "has", "have"]);
    // "..., ANP projected.": a name before a pause says.
    let named = i > 0 && is_cap(text, &toks[i - 1]);
    i == 0
        || lower_in(
            w(i - 1),
            &["than", "as", "the", "a", "an", "its", "their", "his", "her"],
        )
        || !perfect
            && lower_in(w(i + 1), &["to", "in", "by", "for", "on", "at", "as"])
        || !perfect && !named && matches!(w(i + 1), "," | "." | ")" | ";")
}

/// The source named by "according to X" if token `i` opens it: the
/// phrase up to the next comma, period or function word.
fn according_to(text: &str, toks: &[Token], i: usize) -> Option<Span> {
    let n = toks.len();
    let w = |i: usize| word(text, &toks[i]).unwrap_or("");
    if i + 2 >= n
        || !w(i).eq_ignore_ascii_case("according")
        || w(i + 1) != "to"
    {
        return None;
    }
    let mut j = i + 2;
    if let Some(s) = whose_figures(text, toks, j) {
        return Some(s);
    }
    if w(j).eq_ignore_ascii_case("the") {
        j += 1;
    }
    // Whether a name follows token `e`, maybe after "the".
    let name_after = |e: usize| {
        toks.get(e + 1).is_some_and(|n| {
            is_cap(text, n)
                || n.span.of(text) == "the"
                    && toks.get(e + 2).is_some_and(|n| is_cap(text, n))
        })
    };
    let mut e = j;
    while e < n && e < j + 10 {
        let t = toks[e].span.of(text);
        // A period after an abbreviation belongs to it ("Reuters
        // Inc. data"), but the one that ends the sentence does not.
        let abbrev_dot =
            t == "." && e > j && e + 1 < n && is_abbrev(text, &toks[e - 1]);
        // "a study published in The Lancet": a name after "in" or "by"
        // says whose the source is.
        let before_name = lower_in(t, &["in", "by"]) && name_after(e);
        // "and" joins sources ("the health and interior ministries"),
        // but not before a figure or a function word: "the ministry
        // and about 4,400 were wounded" goes on with the sentence.
        let joins = t == "and"
            && toks.get(e + 1).and_then(|n| word(text, n)).is_some_and(|n| {
                (!is_function_word(n) || lower_in(n, &["the"]))
                    && !is_number_word_ci(n)
            });
        if toks[e].kind == TokenKind::Punct
            && !abbrev_dot
            && !matches!(t, "-" | "’" | "'" | "&")
            || STOP_WORDS.has(t)
                && !is_acronym(t)
                && e > j
                && !lower_in(t, &["of", "for", "the"])
                && !before_name
                && !joins
        {
            break;
        }
        e += 1;
    }
    // Not ending on a linker: "the Ministry of" before a line's end.
    while e > j && lower_in(w(e - 1), &["of", "for", "and", "the", "in", "by"])
    {
        e -= 1;
    }
    (e > j).then(|| Span::new(toks[j].span.start, toks[e - 1].span.end))
}

/// The name whose figures the source noun phrase at token `j` are:
/// "figures from the Office for National Statistics", "a census
/// released on Tuesday by the National Tiger Conservation Authority",
/// "the latest data compiled by Eurostat". The noun alone says nothing.
fn whose_figures(text: &str, toks: &[Token], j: usize) -> Option<Span> {
    let w = |k: usize| toks.get(k).and_then(|t| word(text, t)).unwrap_or("");
    // The noun, after an article and up to two modifiers.
    let noun = (j..j + 4).find(|&k| {
        SOURCE_NOUN_WORDS.has(w(k)) || lower_in(w(k), &["results", "poll"])
    })?;
    let modifiers = (j..noun).all(|k| w(k).starts_with(char::is_lowercase));
    if !modifiers {
        return None;
    }
    let mut k = noun + 1;
    if lower_in(
        w(k),
        &[
            "released",
            "published",
            "compiled",
            "issued",
            "collected",
            "gathered",
            "provided",
        ],
    ) {
        // "released on Tuesday by": up to a few words of time between.
        k = (k + 1..k + 5)
            .take_while(|&m| {
                toks.get(m).is_some_and(|t| t.kind == TokenKind::Word)
            })
            .find(|&m| matches!(w(m), "by" | "from"))?;
    }
    if !matches!(w(k), "by" | "from") {
        return None;
    }
    if let Some((s, _)) = name_at(text, toks, k + 1) {
        return (!is_stop_cap(text, s)).then_some(s);
    }
    // "figures released on Friday by the labour ministry": a body named
    // in lowercase after "the".
    if w(k + 1) != "the" {
        return None;
    }
    let start = k + 2;
    let end = (start..toks.len().min(start + 4))
        .take_while(|&m| {
            word(text, &toks[m]).is_some_and(|x| {
                x.starts_with(char::is_lowercase) && !STOP_WORDS.has(x)
            })
        })
        .last()?;
    Some(Span::new(toks[start].span.start, toks[end].span.end)).filter(|p| {
        let head = p.of(text).rsplit(' ').next().unwrap_or("");
        lower_in(
            head,
            &[
                "ministry",
                "office",
                "agency",
                "bureau",
                "department",
                "commission",
                "authority",
                "service",
                "institute",
                "council",
                "bank",
                "board",
                "committee",
                "government",
            ],
        )
    })
}

/// Who states the figures of a sentence.
fn attribution_of(
    text: &str,
    toks: &[Token],
    dates: &[Span],
    cues: &Cues,
) -> Option<Span> {
    let n = toks.len();
    let w = |i: usize| word(text, &toks[i]).unwrap_or("");
    // The scans below read every token: bytes, with no char boundary to
    // check; `w_bytes(i)` is `w(i)` as bytes.
    let bytes = text.as_bytes();
    let w_bytes = |i: usize| {
        let t = &toks[i];
        if t.kind == TokenKind::Word {
            &bytes[t.span.start..t.span.end]
        } else {
            b""
        }
    };
    // "according to X": the phrase up to the next comma or period.
    // The searches visit the tokens `cues` noted, in order.
    if let Some(s) =
        cues.according.iter().find_map(|&i| according_to(text, toks, i))
    {
        return Some(s);
    }
    // "data from X", "a report by X"
    // `from` or `by` at `i + 1`, for `i` below `n - 2`.
    for i in cues.from_by.iter().filter_map(|&k| k.checked_sub(1)) {
        if i + 2 >= n {
            break;
        }
        if matches!(w_bytes(i + 1), b"from" | b"by")
            && SOURCE_NOUN_WORDS.has_bytes(w_bytes(i))
        {
            if let Some((s, _)) = name_at(text, toks, i + 2) {
                return Some(s);
            }
        }
    }
    // "X’s data"
    for i in cues.possessive.iter().map(|&k| k + 1).filter(|&i| i < n) {
        let prev = &bytes[toks[i - 1].span.range()];
        let apostrophe_s =
            prev.ends_with("’s".as_bytes()) || prev.ends_with(b"'s");
        // "Ireland's Data Protection Commission" is a name, not data.
        let in_a_name = is_cap(text, &toks[i])
            && toks.get(i + 1).is_some_and(|t| is_cap(text, t));
        if apostrophe_s
            && SOURCE_NOUN_WORDS.has_bytes(w_bytes(i))
            && !in_a_name
        {
            let mut k = i - 1;
            while k > 0 && is_cap(text, &toks[k - 1]) {
                k -= 1;
            }
            let p = &toks[i - 1];
            let cut = if prev.ends_with("’s".as_bytes()) { 4 } else { 2 };
            return Some(Span::new(toks[k].span.start, p.span.end - cut));
        }
    }
    // "X said" / "said X": the plain verbs of saying first.
    for pass in 0..2 {
        // "she said, the Council expects job growth to slow": a pronoun
        // saying is the sentence's speaker, resolved later, before any
        // other verb's subject.
        if pass == 1
            && cues.verbs.iter().any(|&i| {
                // "..., said he." ends the clause; "said it was" reports.
                let after = i + 1 < n
                    && is_pronoun(w(i + 1))
                    && toks
                        .get(i + 2)
                        .is_none_or(|t| t.kind == TokenKind::Punct);
                PRIMARY_SAYING.has(w(i))
                    && (i > 0 && is_pronoun(w(i - 1)) || after)
            })
        {
            return None;
        }
        for &i in &cues.verbs {
            let v = w(i);
            // A capitalized "States" or "Reports" mid-sentence is part of
            // a name ("the United States"), not a verb.
            // In ALL-CAPS copy ("THE WHITE HOUSE SAID") a plain verb of
            // saying is a verb still.
            let caps_saying = v.len() > 1
                && v.bytes().all(|b| b.is_ascii_uppercase())
                && PRIMARY_SAYING.has(v);
            if i > 0
                && v.starts_with(|c: char| c.is_uppercase())
                && !caps_saying
            {
                continue;
            }
            let primary = PRIMARY_SAYING.has(v);
            if pass == 0 && !primary
                || pass == 1 && (primary || !SPEECH_VERB_WORDS.has(v))
            {
                continue;
            }
            // Passives: "no injuries were reported"; participles before
            // a figure: "a crowd estimated at 5,000", "first reported as
            // 8 cents" (but "said at a news conference" says).
            let figure_at = |k: usize| {
                k < n
                    && (toks[k].kind == TokenKind::Number
                        || is_number_word_ci(w(k))
                        || lower_in(
                            w(k),
                            &["about", "around", "some", "nearly"],
                        ))
            };
            if i > 0 && BE_FORMS.has(w(i - 1))
                || i + 2 < n
                    && matches!(w(i + 1), "at" | "as")
                    && figure_at(i + 2)
                || participle_after_a_figure(text, toks, i)
            {
                continue;
            }
            if let Some(s) = speaker_at(text, toks, i, dates) {
                return Some(s);
            }
        }
    }
    // "The IMF has demanded cuts, warning that the deficit will reach
    // 3.9 percent": a participle of saying after a comma takes the
    // sentence's subject as speaker.
    for i in cues.commas.iter().map(|&k| k + 1).filter(|&i| i < n) {
        if !token_is_byte(bytes, &toks[i - 1], b',') {
            continue;
        }
        // "saying" always reports; "adding" or "noting" only with a
        // "that" ("adding a complication" reports nothing).
        let reports = lower_in(w(i), &["saying", "telling"])
            || PARTICIPLE_WORDS.has(w(i))
                && i + 1 < n
                && (w(i + 1) == "that"
                    || matches!(toks[i + 1].span.of(text), "“" | "\"" | "`"));
        if reports {
            return subject_name(text, &toks[..i - 1], dates);
        }
    }
    // "A YouGov poll put Reform UK on 29%": a poll names its pollster.
    for &i in cues.polls.iter().filter(|&&i| i >= 1) {
        let k = caps_back(text, toks, i);
        if k < i {
            let s = Span::new(toks[k].span.start, toks[i - 1].span.end);
            if !dates.iter().any(|d| d.overlaps(s)) && !is_pronoun(s.of(text))
            {
                return Some(s);
            }
        }
    }
    None
}

/// Participles that report a statement when a `that` follows:
/// `..., warning that`.
const PARTICIPLES: &[&str] = &[
    "warning",
    "adding",
    "noting",
    "arguing",
    "claiming",
    "insisting",
    "explaining",
    "estimating",
    "stating",
    "reporting",
    "predicting",
    "acknowledging",
];

/// The name a clause opens with, after leading function words and
/// quotes (`But Anna Braghetti, ...`, `The International Monetary Fund
/// has ...`); `None` when the clause opens with anything else.
fn subject_name(text: &str, toks: &[Token], dates: &[Span]) -> Option<Span> {
    let mut i = 0;
    while i < toks.len() && i < 4 {
        let t = toks[i].span.of(text);
        let skip = toks[i].kind == TokenKind::Punct
            || lower_in(t, &["but", "and", "yet", "so", "still"]);
        if !skip {
            break;
        }
        i += 1;
    }
    if i >= toks.len() || is_pronoun(toks[i].span.of(text)) {
        return None;
    }
    let (s, _) = name_at(text, toks, i)?;
    let ok = !dates.iter().any(|d| d.overlaps(s))
        && !is_stop_cap(text, s)
        && !is_pronoun(s.of(text));
    ok.then_some(s)
}

/// Whether a token is a short capitalized abbreviation (`Co`, `L`, `Jr`)
/// that a period may follow inside a name.
fn is_abbrev(text: &str, t: &Token) -> bool {
    let s = t.span.of(text);
    is_cap(text, t) && s.len() <= 4
}

/// A run of capitalized words (with abbreviation periods: `Robert L.
/// Rewey`, `Ford Motor Co.`) ending right before token `i`: its first
/// token.
fn caps_back(text: &str, toks: &[Token], i: usize) -> usize {
    let mut k = i;
    loop {
        let name_word = k > 0
            && is_cap(text, &toks[k - 1])
            && !is_pronoun(toks[k - 1].span.of(text));
        let abbrev_dot = k > 1
            && toks[k - 1].span.of(text) == "."
            && is_abbrev(text, &toks[k - 2]);
        // "Abdulaziz bin Salman": a particle between two names.
        let particle = k > 1
            && k < i
            && lower_in(
                toks[k - 1].span.of(text),
                &["bin", "bint", "ibn", "al", "el", "de", "van", "von", "da"],
            )
            && is_cap(text, &toks[k - 2]);
        // "Amazon.com Inc": a domain name's lowercase end.
        let domain = k > 2
            && !toks[k - 1].space_before
            && toks[k - 2].span.of(text) == "."
            && !toks[k - 2].space_before
            && is_cap(text, &toks[k - 3])
            && word(text, &toks[k - 1]).is_some_and(|w| {
                w.bytes().all(|b| b.is_ascii_lowercase()) && w.len() <= 4
            });
        if domain {
            k -= 3;
        } else if name_word || abbrev_dot || particle {
            k -= 1;
        } else {
            break;
        }
    }
    // Don't start on a period, nor on a capitalized function word that
    // opens the sentence ("But Maria Okafor").
    while k < i
        && (toks[k].kind == TokenKind::Punct
            || is_function_word(toks[k].span.of(text)))
    {
        k += 1;
    }
    k
}

/// Whether the verb at token `i` is a participle after a counted noun
/// ("some 500 billion tonnes estimated in 2020", "40 cases reported
/// last week"): it describes the figure, and the noun says nothing; or
/// "added" before a figure ("the firm added $5 million"), which adds it.
fn participle_after_a_figure(text: &str, toks: &[Token], i: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| t.span.of(text));
    // "The company added $73.6 million", "the economy added 200,000
    // jobs": "added" before a figure adds it and says nothing.
    if lower_in(w(i), &["added", "adds", "add"]) {
        let mut k = i + 1;
        if lower_in(
            w(k),
            &[
                "another", "nearly", "about", "almost", "around", "some",
                "over", "more", "roughly", "just", "an", "a", "up",
            ],
        ) {
            k += 1;
            if lower_in(w(k), &["than", "to"]) {
                k += 1;
            }
        }
        let t = w(k);
        if toks.get(k).is_some_and(|t| t.kind == TokenKind::Number)
            || is_number_word_ci(t)
            || t.starts_with(['$', '€', '£', '¥', '₹'])
            || lower_in(t, &["us$", "rs", "rs."])
        {
            return true;
        }
    }
    let noun = |k: usize| {
        toks.get(k).is_some_and(|t| t.kind == TokenKind::Word)
            && w(k).starts_with(|c: char| c.is_ascii_lowercase())
    };
    let figure = |k: usize| {
        toks.get(k).is_some_and(|t| t.kind == TokenKind::Number)
            || lower_in(w(k), &["hundred", "thousand", "million", "billion"])
            || is_number_word_ci(w(k))
    };
    i >= 2
        && w(i).ends_with("ed")
        && noun(i - 1)
        && figure(i - 2)
        && (i + 1 >= toks.len()
            || lower_in(
                w(i + 1),
                &[
                    "in", "for", "by", "at", "as", "last", "earlier", "since",
                    ",", ".", ";", ")",
                ],
            ))
}

/// The speaker of the verb at token `i`: the name before it (`Police
/// said`, `X, a spokesman, said`), a noun phrase before it (`the company
/// said`), or a name after it (`said Ali Khan`).
/// A source named between the sentence's speaker and a figure: "The
/// Pentagon has said ..., and the Institute for the Study of War estimated
/// Russia fires five shells" gives the figure to the institute, and "X
/// estimates ... $1 billion, said Y" to X. The verb of saying nearest
/// before the figure, after the sentence's own speaker, names it.
/// `at` is the figure's first token.
fn nearer_source(
    text: &str,
    toks: &[Token],
    verbs: &[usize],
    figure: Span,
    at: usize,
    dates: &[Span],
    sentence: Option<Span>,
) -> Option<Span> {
    // A speaker named after the figure ("..., said Y") does not bound
    // the search.
    let after =
        sentence.filter(|s| s.end <= figure.start).map_or(0, |s| s.end);
    // Back from the figure over the sentence's speech verbs (`verbs`,
    // ascending) rather than over every word: token starts ascend, so the
    // first verb before `after` ends the search as the first token there
    // would.
    for &i in verbs.iter().rev().filter(|&&i| (1..at).contains(&i)) {
        let t = &toks[i];
        if t.span.start < after {
            return None;
        }
        let v = t.span.of(text);
        if v.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        // Passives and participles name no speaker: "originally reported
        // as 8 cents", "a crowd estimated at 5,000".
        let participle = toks
            .get(i + 1)
            .and_then(|t| word(text, t))
            .is_some_and(|n| matches!(n, "as" | "at" | "by"));
        // "initial estimates put ...", "the latest reports show": a
        // plural noun after a modifier, not a verb with a subject.
        let before = word(text, &toks[i - 1]).unwrap_or("");
        let noun = v.ends_with('s')
            && lower_in(
                before,
                &[
                    "initial",
                    "preliminary",
                    "official",
                    "early",
                    "earlier",
                    "latest",
                    "new",
                    "previous",
                    "independent",
                    "rough",
                    "unofficial",
                    "final",
                    "revised",
                    "first",
                    "its",
                    "their",
                    "the",
                    "these",
                    "those",
                    "some",
                    "media",
                    "news",
                ],
            );
        if participle
            || noun
            || BE_FORMS.has(before)
            || participle_after_a_figure(text, toks, i)
        {
            continue;
        }
        let s = speaker_at(text, toks, i, dates)?;
        let named = !is_pronoun(s.of(text)) && s.end <= figure.start;
        return (named && Some(s) != sentence && s.start >= after)
            .then_some(s);
    }
    None
}

/// The source a figure has of its own, when its sentence names more than
/// one: whoever "put the toll at" it ("..., while the Taliban put the toll
/// at over 2,000"), or else the nearest "according to" after it ("3,000
/// killed, according to the ministry, and 4,400 wounded, according to the
/// White Helmets"). `place` is the figure's.
fn own_source(
    text: &str,
    toks: &[Token],
    according: &[usize],
    place: Place,
    dates: &[Span],
) -> Option<Span> {
    forecast_by(text, toks, place.after, dates)
        .or_else(|| whose_forecast(text, toks, place.first))
        .or_else(|| valued_by(text, toks, place.first, dates))
        .or_else(|| {
            according
                .iter()
                .find(|&&i| i >= place.after)
                .and_then(|&i| according_to(text, toks, i))
        })
}

/// Whose forecast a figure starting at token `first` is: "compared with
/// economists' expectations of 0.2%", "the IMF's forecast of 3.1%". The
/// figure is theirs, not the sentence's speaker's, who reports the
/// actual one.
fn whose_forecast(text: &str, toks: &[Token], first: usize) -> Option<Span> {
    let w = |k: usize| toks.get(k).and_then(|t| word(text, t)).unwrap_or("");
    if first < 3 || w(first - 1) != "of" {
        return None;
    }
    let mut k = first - 2;
    // "analysts' average forecast of", "the bank's own estimate of".
    if !lower_in(
        w(k),
        &[
            "forecast",
            "forecasts",
            "expectation",
            "expectations",
            "estimate",
            "estimates",
            "projection",
            "projections",
            "prediction",
            "predictions",
            "consensus",
            "target",
            "guidance",
        ],
    ) {
        return None;
    }
    if k >= 1
        && lower_in(
            w(k - 1),
            &["average", "median", "own", "consensus", "earlier", "previous"],
        )
    {
        k -= 1;
    }
    // "economists' expectations": the apostrophe is a token of its own.
    let owner_end = if toks[k - 1].span.of(text) == "'"
        || toks[k - 1].span.of(text) == "’"
    {
        k - 1
    } else {
        let o = w(k - 1);
        return (o.ends_with("'s") || o.ends_with("’s")).then(|| {
            let t = toks[k - 1].span;
            let cut = if o.ends_with("’s") { "’s".len() } else { 2 };
            let mut j = k - 1;
            // "the central bank's": the owner's words of one case, back
            // to a function word.
            while j > 0
                && k - 1 - j < 4
                && word(text, &toks[j - 1]).is_some_and(|p| {
                    !STOP_WORDS.has(p)
                        && !DETERMINER_WORDS.has(p)
                        && is_cap(text, &toks[j - 1]) == is_cap(text, &toks[j])
                })
            {
                j -= 1;
            }
            Span::new(toks[j].span.start, t.end - cut)
        });
    };
    let o = w(owner_end - 1);
    (owner_end >= 1
        && o.ends_with('s')
        && toks[owner_end].span.start == toks[owner_end - 1].span.end)
        .then(|| toks[owner_end - 1].span)
}

/// Who forecast a figure that a participle follows at token `k`: "the
/// 32.2% forecast in a Reuters poll" (the pollster), "the 1.5% expected
/// by economists", "2% predicted by analysts polled by Reuters". The
/// figure is theirs, not the sentence's speaker's.
fn forecast_by(
    text: &str,
    toks: &[Token],
    k: usize,
    dates: &[Span],
) -> Option<Span> {
    let w = |k: usize| toks.get(k).and_then(|t| word(text, t)).unwrap_or("");
    let forecast = matches!(
        w(k),
        "forecast"
            | "forecasted"
            | "expected"
            | "predicted"
            | "projected"
            | "estimated"
            | "anticipated"
    );
    if !forecast {
        return None;
    }
    match w(k + 1) {
        "by" => agent(text, toks, k + 1, dates),
        "in" => {
            // "in a Reuters poll", "in a poll by Bloomberg".
            let mut j = k + 2;
            if lower_in(w(j), &["a", "an", "the"]) {
                j += 1;
            }
            let names = j;
            while is_cap(text, toks.get(j)?) {
                j += 1;
            }
            if !lower_in(w(j), &["poll", "survey"]) {
                return None;
            }
            if j > names {
                let s =
                    Span::new(toks[names].span.start, toks[j - 1].span.end);
                return (!dates.iter().any(|d| d.overlaps(s))).then_some(s);
            }
            (w(j + 1) == "by").then(|| agent(text, toks, j + 1, dates))?
        }
        _ => None,
    }
}

/// The agent named after "by" at token `k`: a name ("by Reuters", "by
/// the Space Foundation") or a few lowercase words ("by economists"),
/// and the pollster of those polled ("economists polled by Reuters").
/// No date: "expected by 2026" names no one.
fn agent(
    text: &str,
    toks: &[Token],
    k: usize,
    dates: &[Span],
) -> Option<Span> {
    let w = |k: usize| toks.get(k).and_then(|t| word(text, t)).unwrap_or("");
    let j = k + 1;
    let first = toks.get(j)?;
    if dates.iter().any(|d| d.overlaps(first.span)) {
        return None;
    }
    if let Some((s, _)) = name_at(text, toks, j) {
        return (!is_stop_cap(text, s) && !is_pronoun(s.of(text)))
            .then_some(s);
    }
    let mut e = j;
    while e < j + 3
        && word(text, toks.get(e)?).is_some_and(|v| {
            v.starts_with(char::is_lowercase) && !STOP_WORDS.has(v)
        })
    {
        e += 1;
    }
    if e == j {
        return None;
    }
    // "economists polled by Reuters": those polled, with their pollster.
    let by = if lower_in(w(e - 1), POLLED) && w(e) == "by" {
        Some(e)
    } else if lower_in(w(e), POLLED) && w(e + 1) == "by" {
        Some(e + 1)
    } else {
        None
    };
    if let Some(by) = by {
        let pollster = agent(text, toks, by, dates)?;
        return Some(Span::new(first.span.start, pollster.end));
    }
    Some(Span::new(first.span.start, toks[e - 1].span.end))
}

/// The name a figure is listed after, which the figure is said of:
/// "Kenya reported 120 cases, Uganda 85 and Tanzania 40", "followed by
/// Turkey with 3.1 million", "Labour on 24%", "France at 3.6 billion",
/// "Karnataka (563)", "Britain's about 45%". Only a name that itself
/// follows a comma, "and", "by" or "those of" (an item of a list), so
/// that a sentence's own subject ("Kenya reported 120") stays the
/// sentence's.
fn listed_owner(text: &str, here: &[Entity], m: &Mention) -> Option<Span> {
    let named = |e: &&Entity| {
        matches!(
            e.kind,
            EntityType::Location
                | EntityType::Organization
                | EntityType::Person
        )
    };
    let mut owner = here
        .iter()
        .rev()
        .filter(named)
        .find(|e| e.span.end <= m.span.start)?;
    let mut between = text.get(owner.span.end..m.span.start)?.trim();
    // "the Christian Democrats (CDA) 18": the name before its acronym.
    if between == ")" {
        let open = text[..owner.span.start].trim_end();
        if let Some(outer) = open.strip_suffix('(').map(str::trim_end) {
            owner = here
                .iter()
                .filter(named)
                .find(|e| e.span.end == outer.len())?;
            between = "";
        }
    }
    // "followed by Kerala (412)": the figure in brackets after the name.
    let bracketed =
        between == "(" && text[m.span.end..].trim_start().starts_with(')');
    // "cases in Europe and Central Asia doubled": a figure that is a
    // verb follows its subject, not an item's name.
    let verb = {
        let w = m.span.of(text);
        m.figure.kind == ClaimKind::Multiplier
            && (ends_with_ci(w, "ed") || ends_with_ci(w, "ing"))
    };
    let joined = match between {
        "" => !verb,
        // "France at 3.6 billion euros", "Denmark's about 38%".
        "with" | "at" | "'s" | "’s" => true,
        "on" => m.figure.kind == ClaimKind::Percent,
        _ => bracketed,
    };
    let before = text[..owner.span.start].trim_end();
    let before = ["the", "The"]
        .iter()
        .find_map(|a| before.strip_suffix(a))
        .filter(|b| b.ends_with(char::is_whitespace))
        .map_or(before, str::trim_end);
    let item = before.ends_with(',')
        || before.ends_with(" and")
        || before.ends_with(" by")
        // "and those of the United States 1.9%".
        || before.ends_with(" those of")
        || before.ends_with(" that of");
    (joined && item).then_some(owner.span)
}

/// Whether `t` starts as a clause opener of [`opens_a_clause`] or
/// [`coordinate_subject`] can: "while", "whereas", "and", "but", ";".
fn may_open_a_clause(text: &str, t: &Token) -> bool {
    let first = text.as_bytes()[t.span.start];
    matches!(first | 0x20, b'w' | b'a' | b'b') || first == b';'
}

/// "X had 1.9 million votes against 1,602,554, or 42.1 percent, for
/// incumbent Lazarus Chakwera": the name after "for" that a figure (or
/// the figure it is restated as, ", or N%,") is won by, when the figure
/// is the other side of "against" or nothing before names a subject
/// (`no_subject`).
fn won_by(
    text: &str,
    toks: &[Token],
    dates: &[Span],
    m: &Mention,
    place: Place,
    no_subject: bool,
) -> Option<Span> {
    if !matches!(m.figure.kind, ClaimKind::Count | ClaimKind::Percent) {
        return None;
    }
    let w = |k: usize| toks.get(k).map_or("", |t| t.span.of(text));
    // "against 1,602,554, or 42.1 percent": the contrast opens the
    // figure or the one it restates.
    let mut k = place.first;
    if k >= 2 && w(k - 1) == "or" && w(k - 2) == "," {
        k = (k.saturating_sub(6)..k - 2)
            .rev()
            .find(|&j| lower_in(w(j), &["against", "for", "or", ","]))
            .map_or(k, |j| j + 1);
    }
    let against = k > 0 && w(k - 1) == "against";
    if !against && !no_subject {
        return None;
    }
    // Past a restatement (", or 42.1 percent,") to "for".
    let mut j = place.after;
    if w(j) == "," && w(j + 1) == "or" {
        j = (j + 2..j + 8).find(|&e| w(e) == ",").map(|e| e + 1)?;
    } else if w(j) == "," {
        j += 1;
    }
    if w(j) != "for" {
        return None;
    }
    j += 1;
    // "for incumbent Lazarus Chakwera": a title before the name.
    while j < place.after + 12
        && word(text, toks.get(j)?)?.starts_with(char::is_lowercase)
        && !STOP_WORDS.has(w(j))
    {
        j += 1;
    }
    let (s, _) = name_at(text, toks, j)?;
    (!dates.iter().any(|d| d.overlaps(s)) && !is_stop_cap(text, s))
        .then_some(s)
}

/// "Labour on 24%", "Reform UK on 29%": the name a share is put on,
/// whether or not an earlier stage found it.
fn share_owner(
    text: &str,
    toks: &[Token],
    dates: &[Span],
    m: &Mention,
    place: Place,
) -> Option<Span> {
    let first = place.first;
    if m.figure.kind != ClaimKind::Percent
        || first < 2
        || word(text, &toks[first - 1]) != Some("on")
    {
        return None;
    }
    let k = caps_back(text, toks, first - 1);
    if k >= first - 1 {
        return None;
    }
    let s = Span::new(toks[k].span.start, toks[first - 2].span.end);
    (!dates.iter().any(|d| d.overlaps(s)) && !is_stop_cap(text, s))
        .then_some(s)
}

/// The name a relative clause holding the figure at token `first` is
/// about: "'Salvator Mundi', which fetched $450.3 million" (a quoted
/// title), "Sotheby's, which sold $1.2 billion" (a name). Only when the
/// clause runs from ", which" to the figure without another comma.
fn relative_owner(
    text: &str,
    toks: &[Token],
    here: &[Entity],
    first: usize,
) -> Option<Span> {
    let w = |k: usize| toks[k].span.of(text);
    let which = (1..first)
        .rev()
        .take_while(|&k| !matches!(w(k), "," | ";" | "(" | ")"))
        .find(|&k| lower_in(w(k), &["which", "that"]))?;
    if w(which - 1) != "," || which < 2 {
        return None;
    }
    let before = which - 2;
    // A quoted title: the text between the quotation marks.
    if matches!(w(before), "\"" | "”" | "'" | "’") {
        let open = (before.saturating_sub(12)..before)
            .rev()
            .find(|&k| matches!(w(k), "\"" | "“" | "'" | "‘" | "`"))?;
        return (open + 1 < before).then(|| {
            Span::new(toks[open + 1].span.start, toks[before - 1].span.end)
        });
    }
    let end = toks[before].span.end;
    // "attacks in Hasaka Province, which killed scores": a place after
    // "in" may only say where what the clause is about happened.
    let where_something_is = |e: &Entity| {
        let k = toks.partition_point(|t| t.span.start < e.span.start);
        e.kind == EntityType::Location
            && k > 0
            && lower_in(w(k - 1), &["in", "at", "near", "from"])
    };
    here.iter()
        .find(|e| {
            e.span.end == end
                && matches!(
                    e.kind,
                    EntityType::Location
                        | EntityType::Organization
                        | EntityType::Person
                )
                && !where_something_is(e)
        })
        .map(|e| e.span)
}

/// Whether token `k` opens a clause of its own: "while", "whereas",
/// ";", or "and"/"but" after a comma.
fn opens_a_clause(text: &str, toks: &[Token], k: usize) -> bool {
    // Asked of every token before every figure: most start with none of
    // the openers' first bytes and are done with one test.
    if !toks.get(k).is_some_and(|t| may_open_a_clause(text, t)) {
        return false;
    }
    let w = |k: usize| toks.get(k).map_or("", |t| t.span.of(text));
    lower_in(w(k), &["while", "whereas"])
        || w(k) == ";"
        || k > 0 && w(k - 1) == "," && lower_in(w(k), &["and", "but"])
}

/// The name that opens the clause a figure stands in, when a contrast
/// or a new clause starts there: "Ohio spent $3 billion, while Texas
/// spent $9 billion", "while Chicago's total fell to 573", "whereas the
/// Greens won 12%", "; Peru exported 2 million tonnes". `first` is the
/// figure's first token.
fn clause_owner(
    text: &str,
    toks: &[Token],
    here: &[Entity],
    openers: &[usize],
    first: usize,
) -> Option<Span> {
    let w = |k: usize| toks.get(k).map_or("", |t| t.span.of(text));
    // Only a token of `openers` (those of [`Openers::at`]) opens one.
    let below = openers.partition_point(|&k| k < first);
    let open = openers[..below]
        .iter()
        .rev()
        .copied()
        .find(|&k| opens_a_clause(text, toks, k))?;
    let mut k = open + 1;
    if w(k).eq_ignore_ascii_case("the") {
        k += 1;
        // "while the main opposition SJB won": a name after a few
        // lowercase words that describe it heads the clause too.
        let d = past_describing_words(text, toks, k, first);
        if d > k && d < first && is_cap(text, &toks[d]) {
            k = d;
        }
    }
    if k >= first {
        return None;
    }
    let head = toks[k].span.start;
    if let Some(e) = here.iter().find(|e| {
        e.span.start == head
            && matches!(
                e.kind,
                EntityType::Location
                    | EntityType::Organization
                    | EntityType::Person
            )
    }) {
        return Some(e.span);
    }
    // A name the gazetteer stage did not find: its capitalized words,
    // but no date ("while the October contract fell").
    if here.iter().any(|e| e.span.contains(toks[k].span)) {
        return None;
    }
    let mut end = k;
    while end < first
        && is_cap(text, &toks[end])
        && !is_pronoun(w(end))
        && !STOP_WORDS.has(w(end))
    {
        end += 1;
    }
    if end == k {
        return None;
    }
    let name = Span::new(head, toks[end - 1].span.end);
    let name = ["'s", "’s"]
        .iter()
        .find_map(|p| name.of(text).strip_suffix(p))
        .map_or(name, |n| Span::new(head, head + n.len()));
    Some(name)
}

/// Present forms of verbs of giving and committing, which the tests of
/// [`finite_verb`] by ending and by list leave out.
static GIVING_VERBS: Words = Words::new(&[
    "pledges",
    "commits",
    "offers",
    "promises",
    "gives",
    "sends",
    "plans",
    "provides",
    "contributes",
    "donates",
    "spends",
    "pays",
    "seeks",
    "wants",
    "expects",
    "give",
    "send",
    "spend",
    "pay",
    "offer",
    "pledge",
]);

/// Whether `w` is a verb its subject governs: a past form, or a verb of
/// saying, change or giving.
fn finite_verb(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_lowercase())
        && (w.len() > 4 && w.ends_with("ed") && !STOP_WORDS.has(w)
            || SPEECH_VERB_WORDS.has(w)
            || CHANGE_VERB_WORDS.has(w)
            || IRREGULAR_VERB_WORDS.has(w)
            || PAST_AFTER_NOUN_WORDS.has(w)
            || GIVING_VERBS.has(w))
}

/// The subject of a coordinated clause that token `k` opens, and its
/// verb's token: "; X VERB", "while X VERB", ", and X VERB", or "and X
/// VERB" after a figure ("Canada offered $10 million and Australia
/// announced $5 million"), where X is a name. Without the comma or the
/// figure, "and" joins names ("sales at Ford and GM rose"), not clauses.
fn coordinate_subject(
    text: &str,
    toks: &[Token],
    here: &[Entity],
    figures: &[Mention],
    k: usize,
) -> Option<(Span, usize)> {
    let t = toks.get(k)?;
    if !may_open_a_clause(text, t) {
        return None;
    }
    // Or "and" after a figure: "Canada offered $10 million and Australia
    // announced $5 million".
    let opens = opens_a_clause(text, toks, k)
        || lower_in(t.span.of(text), &["and", "but"])
            && figures.iter().any(|f| f.span.end <= t.span.start);
    if !opens {
        return None;
    }
    let mut j = k + 1;
    // "while those from the EU fell 3%": the name a pronoun's phrase
    // places.
    let w_at = |j: usize| toks.get(j).and_then(|t| word(text, t));
    if w_at(j).is_some_and(|w| lower_in(w, &["those", "that", "these"]))
        && w_at(j + 1).is_some_and(|w| {
            matches!(w, "from" | "in" | "to" | "of" | "for" | "at")
        })
    {
        j += 2;
    }
    if w_at(j) == Some("the") {
        j += 1;
    }
    let first = toks.get(j)?;
    let named = here.iter().find(|e| {
        e.span.start == first.span.start
            && matches!(
                e.kind,
                EntityType::Location
                    | EntityType::Organization
                    | EntityType::Person
            )
    });
    let (name, end) = match named {
        Some(e) => (
            e.span,
            j + toks[j..].partition_point(|t| t.span.end <= e.span.end),
        ),
        None => match name_at(text, toks, j) {
            Some((n, end)) => {
                if is_stop_cap(text, n) || is_pronoun(n.of(text)) {
                    return None;
                }
                (n, end)
            }
            // "..., and the ruling party won 211 seats": a definite
            // common noun right before its verb.
            None if j > k + 1 => {
                let noun = |x: usize| {
                    w_at(x).is_some_and(|w| {
                        w.starts_with(|c: char| c.is_ascii_lowercase())
                            && !STOP_WORDS.has(w)
                            && !finite_verb(w)
                            && !AUXILIARIES.has(w)
                            && !TIME_WORDS.has(w)
                    })
                };
                let mut e = j;
                while e < j + 3 && noun(e) {
                    e += 1;
                }
                let verb = w_at(e).is_some_and(|w| {
                    finite_verb(w)
                        && !BE_FORMS.has(w)
                        && !ends_with_ci(w, "ing")
                });
                if e == j || !verb {
                    return None;
                }
                return Some((
                    Span::new(toks[j].span.start, toks[e - 1].span.end),
                    e,
                ));
            }
            None => return None,
        },
    };
    let mut v = end;
    while v < toks.len()
        && word(text, &toks[v]).is_some_and(|w| AUXILIARIES.has(w))
    {
        v += 1;
    }
    let w = word(text, toks.get(v)?)?;
    let verb = finite_verb(w)
        || v > end && w.starts_with(|c: char| c.is_ascii_lowercase());
    verb.then_some((name, v))
}

/// The coordinated clause a figure at token `first` stands in, when it
/// has a subject of its own ([`coordinate_subject`]) whose verb comes
/// before the figure: the opening token and the subject.
fn own_clause(
    text: &str,
    toks: &[Token],
    here: &[Entity],
    figures: &[Mention],
    openers: &mut Openers,
    first: usize,
) -> Option<(usize, Span)> {
    // Only an opener starts such a clause: the others are not asked.
    let below = openers.at.partition_point(|&k| k < first);
    for n in (0..below).rev() {
        let k = openers.at[n];
        if k == 0 {
            break;
        }
        match openers.subject(n, text, toks, here, figures) {
            Some((s, v)) if v < first => return Some((k, s)),
            _ => {}
        }
    }
    None
}

/// The tokens of a sentence that may open a clause
/// ([`may_open_a_clause`]), and the [`coordinate_subject`] of each once
/// asked: every claim asks about the tokens before its figure, and
/// most tokens open nothing, so they are tested once per sentence
/// rather than once per claim.
#[derive(Default)]
struct Openers {
    /// The token indices, in order.
    at: Vec<usize>,
    /// [`coordinate_subject`] at each of `at`, once asked.
    subjects: Vec<Option<Option<(Span, usize)>>>,
}

impl Openers {
    /// Notes the openers of a sentence, in place of the last one's.
    fn read(&mut self, text: &str, toks: &[Token]) {
        self.at.clear();
        self.subjects.clear();
        self.at.extend(
            toks.iter()
                .enumerate()
                .filter(|(_, t)| may_open_a_clause(text, t))
                .map(|(k, _)| k),
        );
        self.subjects.resize(self.at.len(), None);
    }

    /// [`coordinate_subject`] at the `n`th opener of the sentence that
    /// `figures` and `here` are of.
    fn subject(
        &mut self,
        n: usize,
        text: &str,
        toks: &[Token],
        here: &[Entity],
        figures: &[Mention],
    ) -> Option<(Span, usize)> {
        let k = self.at[n];
        *self.subjects[n].get_or_insert_with(|| {
            coordinate_subject(text, toks, here, figures, k)
        })
    }
}

/// Whether the speaker `a` of a sentence belongs to another clause than
/// the figure at `place`: an earlier one, when the figure's clause has
/// a subject of its own (`own`, from [`own_clause`]) ("Germany announced
/// 300 million euros, and Britain committed 160 million pounds"), or a
/// later coordinated one that has figures of its own ("Canada offered
/// $10 million and Australia announced $5 million").
#[allow(clippy::too_many_arguments)]
fn speaker_elsewhere(
    text: &str,
    toks: &[Token],
    here: &[Entity],
    figures: &[Mention],
    openers: &mut Openers,
    place: Place,
    own: Option<(usize, Span)>,
    a: Span,
) -> bool {
    if let Some((k, _)) = own {
        if a.end <= toks[k].span.start {
            return true;
        }
    }
    let Some(after) = toks.get(place.after) else {
        return false;
    };
    if a.start < after.span.start {
        return false;
    }
    let at = toks.partition_point(|t| t.span.start < a.start);
    // The opening token is right before the speaker, or before its
    // article.
    let from = at.saturating_sub(2).max(place.after);
    let lo = openers.at.partition_point(|&k| k < from);
    let hi = openers.at.partition_point(|&k| k < at);
    (lo..hi).any(|n| {
        openers.subject(n, text, toks, here, figures).is_some_and(|(s, v)| {
            s.overlaps(a)
                && figures.iter().any(|f| f.span.start >= toks[v].span.end)
        })
    })
}

/// The verb of `verbs` within `reach` tokens before a figure at token
/// `first` that "at" precedes, with a noun phrase between them: "put the
/// death toll at", "estimated losses at".
fn verb_before_at(
    text: &str,
    toks: &[Token],
    first: usize,
    reach: usize,
    verbs: &[&str],
) -> Option<usize> {
    if first < 3 || word(text, &toks[first - 1]) != Some("at") {
        return None;
    }
    (first.saturating_sub(reach)..first - 2)
        .rev()
        .find(|&k| word(text, &toks[k]).is_some_and(|w| lower_in(w, verbs)))
}

/// "X put the death toll at N", "X estimated the damage at N": the one
/// who values the figure at token `first`, named before the verb. A
/// passive ("was put at", "a crowd estimated at") names no one.
fn valued_by(
    text: &str,
    toks: &[Token],
    first: usize,
    dates: &[Span],
) -> Option<Span> {
    // "put the figure at \"nearly half\"": the quotation opens the figure.
    let quoted = first > 0
        && matches!(toks[first - 1].span.of(text), "\"" | "“" | "`" | "'");
    let first = first - usize::from(quoted);
    // The verb, with the valued noun phrase between it and "at".
    let verb = verb_before_at(
        text,
        toks,
        first,
        7,
        &[
            "put",
            "puts",
            "putting",
            "estimated",
            "estimates",
            "estimate",
            "placed",
            "places",
            "pegged",
            "pegs",
            "quoted",
            "quotes",
        ],
    )?;
    let object = (verb + 1..first - 1).all(|k| {
        word(text, &toks[k]).is_some_and(|w| !lower_in(w, &["that", "to"]))
    });
    // "initial estimates put the damage at": numbers put a figure, not
    // a source; the sentence's speaker stays its source.
    let numbers = verb > 0
        && word(text, &toks[verb - 1]).is_some_and(|w| {
            lower_in(
                w,
                &[
                    "estimates",
                    "figures",
                    "data",
                    "tallies",
                    "calculations",
                    "counts",
                ],
            )
        });
    // "..., according to UN figures, though some estimates put the toll
    // at 150,000": estimates set against the sentence's source are
    // their own.
    let contrast = if numbers {
        (verb.saturating_sub(4)..verb - 1).find(|&k| {
            toks[k].span.of(text) == ","
                && word(text, &toks[k + 1]).is_some_and(|w| {
                    lower_in(
                        w,
                        &["though", "although", "but", "while", "whereas"],
                    )
                })
        })
    } else {
        None
    };
    if let Some(comma) = contrast {
        return Some(Span::new(
            toks[comma + 2].span.start,
            toks[verb - 1].span.end,
        ));
    }
    if verb == 0
        || !object
        || numbers
        || word(text, &toks[verb - 1]).is_some_and(|w| BE_FORMS.has(w))
    {
        return None;
    }
    speaker_at(text, toks, verb, dates)
        .filter(|s| s.end <= toks[verb].span.start && !is_pronoun(s.of(text)))
}

fn speaker_at(
    text: &str,
    toks: &[Token],
    i: usize,
    dates: &[Span],
) -> Option<Span> {
    if i > 0 {
        // "The WMO separately said", "Ann Lee, who has said": the name
        // stands before the verb's adverbs and auxiliaries.
        let mut v = i;
        while v > 1
            && word(text, &toks[v - 1]).is_some_and(|w| {
                w.starts_with(char::is_lowercase)
                    && (AUXILIARIES.has(w) || looks_like_adverb(w))
            })
        {
            v -= 1;
        }
        // "Rishi Sunak, who said": the name before the relative pronoun.
        if v >= 3
            && word(text, &toks[v - 1]) == Some("who")
            && toks[v - 2].span.of(text) == ","
        {
            let k = caps_back(text, toks, v - 2);
            if k < v - 2 {
                let start = name_start(text, toks, k);
                let span =
                    Span::new(toks[start].span.start, toks[v - 3].span.end);
                if !dates.iter().any(|d| d.overlaps(span)) {
                    return Some(span);
                }
            }
        }
        // "The World Food Programme (WFP) said", "Ali Khan (PPP) told":
        // the name before a short parenthesis is the speaker.
        if toks[v - 1].span.of(text) == ")" {
            let open = (v.saturating_sub(5)..v - 1)
                .rev()
                .find(|&j| toks[j].span.of(text) == "(");
            if let Some(open) = open.filter(|&o| o > 0) {
                let k = caps_back(text, toks, open);
                if k < open {
                    let start = name_start(text, toks, k);
                    let span = Span::new(
                        toks[start].span.start,
                        toks[open - 1].span.end,
                    );
                    if !dates.iter().any(|d| d.overlaps(span)) {
                        return Some(span);
                    }
                }
            }
        }
        let k = caps_back(text, toks, v);
        if k < v {
            let start = name_start(text, toks, k);
            // "Health officials in Nigeria said", "analysts at Counterpoint
            // Research estimated": the noun before a preposition and the
            // name says.
            let mut at = start;
            if at >= 1
                && word(text, &toks[at - 1])
                    .is_some_and(|w| lower_in(w, &["the"]))
            {
                at -= 1;
            }
            // "Economists polled by Reuters expect": those polled, with
            // their pollster.
            let polled = at >= 3
                && word(text, &toks[at - 1]) == Some("by")
                && word(text, &toks[at - 2])
                    .is_some_and(|w| lower_in(w, POLLED));
            let noun_before = if polled {
                phrase_before(text, toks, at - 2)
                    .filter(|h| !dates.iter().any(|d| d.overlaps(*h)))
            } else {
                None
            };
            let noun_before = noun_before.or_else(|| {
                (at >= 2
                    && word(text, &toks[at - 1])
                        .is_some_and(|w| matches!(w, "in" | "at" | "from")))
                .then(|| phrase_before(text, toks, at - 1))
                .flatten()
                .filter(|h| {
                    let head = h.of(text).rsplit(' ').next().unwrap_or("");
                    head.starts_with(char::is_lowercase)
                        && !ends_with_ci(head, "ed")
                        && !ends_with_ci(head, "ing")
                        && !dates.iter().any(|d| d.overlaps(*h))
                        && toks[..at - 1]
                            .iter()
                            .all(|t| t.kind != TokenKind::Number)
                })
            });
            let span = Span::new(
                noun_before.map_or(toks[start].span.start, |h| h.start),
                toks[v - 1].span.end,
            );
            if !dates.iter().any(|d| d.overlaps(span)) {
                return Some(span);
            }
        }
        // "The mayor of Bucha, Anatoliy Fedoruk, said": the name set off
        // by commas just before the verb is the speaker.
        if i >= 3 && toks[i - 1].span.of(text) == "," {
            let k = caps_back(text, toks, i - 1);
            if k + 1 < i - 1 && k > 0 && toks[k - 1].span.of(text) == "," {
                let span = Span::new(toks[k].span.start, toks[i - 2].span.end);
                if !dates.iter().any(|d| d.overlaps(span)) {
                    return Some(span);
                }
            }
        }
        // "X, a spokesman for Y, said"
        if toks[i - 1].span.of(text) == "," {
            let mut j = i - 1;
            while j > 1 && i - j < 30 {
                j -= 1;
                // The comma must open an appositive ("a spokesman",
                // "the director", "Oxfam's head"), not a measure or a
                // clause ("Linden, 70 miles south of ..., say").
                let appositive = || {
                    toks.get(j + 1).is_some_and(|t| {
                        t.kind == TokenKind::Word
                            && !lower_in(
                                t.span.of(text),
                                &["who", "which", "where", "when", "whose"],
                            )
                    })
                };
                if toks[j].span.of(text) == "," && j > 0 && appositive() {
                    let k = caps_back(text, toks, j);
                    if k < j {
                        let k = name_start(text, toks, k);
                        return Some(Span::new(
                            toks[k].span.start,
                            toks[j - 1].span.end,
                        ));
                    }
                }
            }
        }
        // ", says Mrs. Adeyemi": after a comma, a name after the verb is
        // the speaker, before any phrase the comma closes.
        if toks[i - 1].span.of(text) == "," {
            if let Some(s) = name_after(text, toks, i, dates) {
                return Some(s);
            }
        }
        // "5,000 new cases were being reported": the passive's subject
        // is what is said, not who says it.
        let passive =
            word(text, &toks[i - 1]).is_some_and(|w| BE_FORMS.has(w));
        // "tally sheets from 3,500 centres showed": the centres are what
        // a figure after a preposition counts, and say nothing; "a
        // consortium of 130 scientists said": the group before "of" says.
        let p =
            phrase_before(text, toks, v).filter(|_| !passive).and_then(|p| {
                match preposition_before_figure(text, toks, p) {
                    None => Some(p),
                    Some(of) if toks[of].span.of(text) == "of" => {
                        phrase_before(text, toks, of)
                    }
                    Some(_) => None,
                }
            });
        // "Trial data for its experimental drug showed", "officials in
        // the province said": the object of a preposition says nothing;
        // the noun before it does, with its object.
        let p = p.map(|p| {
            let mut at = toks.partition_point(|t| t.span.start < p.start);
            if at >= 2
                && word(text, &toks[at - 1])
                    .is_some_and(|w| DETERMINER_WORDS.has(w) || w == "a")
            {
                at -= 1;
            }
            let prep = at >= 2
                && word(text, &toks[at - 1]).is_some_and(|w| {
                    matches!(w, "for" | "on" | "in" | "from" | "at" | "with")
                });
            // "60% of respondents in a Gallup poll said": the poll says,
            // and the respondents a figure counts say nothing (but
            // "Economists in a Reuters poll expected" are those polled).
            prep.then(|| phrase_before(text, toks, at - 1))
                .flatten()
                .filter(|h| {
                    let k = toks.partition_point(|t| t.span.start < h.start);
                    let counted = k >= 1
                        && (toks[k - 1].kind == TokenKind::Number
                            || word(text, &toks[k - 1]).is_some_and(|w| {
                                w == "of" || is_number_word_ci(w)
                            }));
                    !counted
                })
                .filter(|h| {
                    let head = h.of(text).rsplit(' ').next().unwrap_or("");
                    // "Officials in the province said": capitalized
                    // only as the sentence's first word.
                    let opening = toks
                        .iter()
                        .find(|t| t.kind == TokenKind::Word)
                        .is_some_and(|t| t.span == *h);
                    (head.starts_with(char::is_lowercase) || opening)
                        && !dates.iter().any(|d| d.overlaps(*h))
                })
                .map_or(p, |h| Span::new(h.start, p.end))
        });
        if let Some(p) = p {
            let p = who_knows(text, toks, p).unwrap_or(p);
            let w = p.of(text);
            // "originally reported as 8 cents": an adverb names no one.
            let adverb = w.bytes().all(|b| b.is_ascii_lowercase())
                && looks_like_adverb(w);
            if !is_pronoun(w)
                && !adverb
                && !dates.iter().any(|d| d.overlaps(p))
            {
                return Some(p);
            }
        }
    }
    name_after(text, toks, i, dates)
}

/// The preposition that governs a figure counting the phrase `p` before
/// a verb ("tally sheets from some 3,500 centres showed", "results from
/// 90% of polling stations showed"): `p` is then the preposition's
/// object, not the verb's subject. A figure that opens the subject
/// ("three officials said", "28 percent of the respondents said")
/// counts the speakers themselves.
fn preposition_before_figure(
    text: &str,
    toks: &[Token],
    p: Span,
) -> Option<usize> {
    let w = |k: usize| toks[k].span.of(text);
    let start = toks.partition_point(|t| t.span.start < p.start);
    // Back over the lowercase words of the noun phrase ("of polling")
    // to the figure.
    let mut k = start;
    while k > 0
        && start - k < 4
        && word(text, &toks[k - 1]).is_some_and(|v| {
            v.starts_with(char::is_lowercase) && !is_number_word_ci(v)
        })
    {
        k -= 1;
    }
    let figure = |k: usize| {
        toks[k].kind == TokenKind::Number
            || is_number_word_ci(w(k))
            || matches!(w(k), "%" | "percent")
    };
    if k == 0 || !figure(k - 1) {
        return None;
    }
    // Back over the figure's own tokens and its hedge ("some", "more
    // than", "at least", "up to") to the word that governs it.
    let mut k = k - 1;
    loop {
        let hedge = k > 0
            && (figure(k - 1)
                || matches!(w(k - 1), "$" | "€" | "£")
                || lower_in(
                    w(k - 1),
                    &[
                        "some", "about", "around", "nearly", "almost",
                        "roughly", "more", "than", "over", "least", "just",
                    ],
                ));
        let two_words = k > 1
            && (lower_in(w(k - 2), &["at"]) && lower_in(w(k - 1), &["least"])
                || lower_in(w(k - 2), &["up"]) && lower_in(w(k - 1), &["to"]));
        if two_words {
            k -= 2;
        } else if hedge {
            k -= 1;
        } else {
            break;
        }
    }
    (k > 0
        && lower_in(
            w(k - 1),
            &[
                "from", "of", "in", "at", "across", "among", "for", "with",
                "on", "by", "to",
            ],
        ))
    .then(|| k - 1)
}

/// "turnout in the August 9 presidential election reached 65.4%": what
/// changed is the noun before a phrase of place or time (`p`, after "in
/// the" and a date), not that phrase.
fn head_before_place_or_time(
    text: &str,
    toks: &[Token],
    dates: &[Span],
    p: Span,
) -> Span {
    let mut k = toks.partition_point(|t| t.span.start < p.start);
    // "... in February rose": the phrase may be the date itself.
    let mut dated = dates.iter().any(|d| d.contains(p));
    while k > 0 && dates.iter().any(|d| d.contains(toks[k - 1].span)) {
        k -= 1;
        dated = true;
    }
    if k > 0 && lower_in(word(text, &toks[k - 1]).unwrap_or(""), &["the"]) {
        k -= 1;
    }
    let prep = k > 1
        && word(text, &toks[k - 1])
            .is_some_and(|w| lower_in(w, &["in", "at", "during", "for"]));
    if !(prep && dated) {
        return p;
    }
    phrase_before(text, toks, k - 1)
        .and_then(|h| past_relative(text, toks, h))
        .filter(|h| common_or_opening(text, toks, *h))
        .unwrap_or(p)
}

/// Phrase `h`, or for the verb of a relative clause the noun before the
/// clause: "the death toll from the earthquake that struck in February
/// rose" counts the toll, not "struck" ([`phrase_before`] of the toll's
/// phrase gives the earthquake, which the caller takes further).
fn past_relative(text: &str, toks: &[Token], h: Span) -> Option<Span> {
    let k = toks.partition_point(|t| t.span.start < h.start);
    let verb = h.of(text);
    let past = !verb.contains(' ')
        && verb.starts_with(|c: char| c.is_ascii_lowercase())
        && (verb.len() > 4 && verb.ends_with("ed")
            || IRREGULAR_VERB_WORDS.has(verb)
            || PAST_AFTER_NOUN_WORDS.has(verb));
    if !past {
        return Some(h);
    }
    let mut r = k;
    while r > 0 && toks[r - 1].span.of(text).len() > 1 && {
        let a = toks[r - 1].span.of(text);
        AUXILIARIES.has(a)
    } {
        r -= 1;
    }
    let relative = r > 1
        && lower_in(toks[r - 1].span.of(text), &["that", "which", "who"]);
    if !relative {
        return Some(h);
    }
    phrase_before(text, toks, r - 1)
}

/// "The death toll in Gaza since Oct. 7 has risen to": the noun before
/// the phrases of place and time that end just before the verb at
/// token `verb` (where [`phrase_before`] finds nothing, as a date or a
/// name ends them).
fn noun_before_place_and_time(
    text: &str,
    toks: &[Token],
    dates: &[Span],
    verb: usize,
) -> Option<Span> {
    let mut j = verb;
    while j > 0 && word(text, &toks[j - 1]).is_some_and(|w| AUXILIARIES.has(w))
    {
        j -= 1;
    }
    let mut skipped = false;
    for _ in 0..3 {
        // A date, or a capitalized name, after its preposition.
        let mut k = j;
        while k > 0
            && (dates.iter().any(|d| d.contains(toks[k - 1].span))
                || is_cap(text, &toks[k - 1]))
        {
            k -= 1;
        }
        // "for the 2025 fiscal year", "in the United States".
        if k < j && k > 2 && word(text, &toks[k - 1]) == Some("the") {
            k -= 1;
        }
        let prep = k < j
            && k > 1
            && word(text, &toks[k - 1]).is_some_and(|w| {
                lower_in(
                    w,
                    &["in", "at", "since", "on", "during", "from", "for"],
                )
            });
        if !prep {
            break;
        }
        j = k - 1;
        skipped = true;
    }
    if !skipped {
        return None;
    }
    phrase_before(text, toks, j)
        .and_then(|h| past_relative(text, toks, h))
        .filter(|h| common_or_opening(text, toks, *h))
}

/// Whether phrase `h` is a common noun, or any that opens the sentence
/// (`toks`): no name, which would be where, not what.
fn common_or_opening(text: &str, toks: &[Token], h: Span) -> bool {
    let s = h.of(text);
    // "Kenya's overall budget deficit": a common noun a name owns.
    let owned = s
        .split_whitespace()
        .next()
        .is_some_and(|w| w.ends_with("'s") || w.ends_with("’s"))
        && s.split_whitespace()
            .last()
            .is_some_and(|w| w.starts_with(char::is_lowercase));
    s.starts_with(char::is_lowercase)
        || owned
        || toks.first().is_some_and(|t| t.span.start == h.start)
}

/// "three people familiar with the matter said", "sources briefed on
/// the talks said": the speakers are those who know about `p` (the
/// matter, the talks), named before the words that say they know.
fn who_knows(text: &str, toks: &[Token], p: Span) -> Option<Span> {
    let mut k = toks.partition_point(|t| t.span.start < p.start);
    let w = |k: usize| word(text, &toks[k]).unwrap_or("");
    if k > 0 && lower_in(w(k - 1), &["the", "a", "an", "this", "its"]) {
        k -= 1;
    }
    if k < 2 || !lower_in(w(k - 1), &["with", "on", "of", "about", "to"]) {
        return None;
    }
    let knowing = lower_in(
        w(k - 2),
        &["familiar", "briefed", "knowledge", "close", "involved", "privy"],
    );
    if !knowing {
        return None;
    }
    // "people with knowledge of the matter"
    let mut k = k - 2;
    if k > 0 && w(k) == "knowledge" && lower_in(w(k - 1), &["with"]) {
        k -= 1;
    }
    let who = phrase_before(text, toks, k)?;
    Some(Span::new(who.start, p.end))
}

/// The speaker named after the verb at token `i` (`said Ali Khan`,
/// `said Friday Ali Khan`), when the name ends a clause.
fn name_after(
    text: &str,
    toks: &[Token],
    i: usize,
    dates: &[Span],
) -> Option<Span> {
    let n = toks.len();
    // "said Friday that": skip the date.
    let mut j = i + 1;
    while j < n && dates.iter().any(|d| d.overlaps(toks[j].span)) {
        j += 1;
    }
    if j < n && !is_pronoun(toks[j].span.of(text)) {
        if let Some((s, e)) = name_at(text, toks, j) {
            // "said Ali Khan, the minister" names the speaker; "said the
            // Jews cannot be blamed" starts the reported clause.
            let clause_end = e >= n
                || toks[e].kind == TokenKind::Punct
                || word(text, &toks[e]).is_some_and(|w| {
                    lower_in(w, &["in", "on", "at", "during", "after"])
                })
                || dates.iter().any(|d| d.overlaps(toks[e].span));
            if clause_end
                && !dates.iter().any(|d| d.overlaps(s))
                && !is_stop_cap(text, s)
            {
                return Some(s);
            }
        }
    }
    None
}

fn is_stop_cap(text: &str, s: Span) -> bool {
    is_function_word(s.of(text))
}

/// The speaker of a quoted sentence, named in the sentence after it or
/// before it (`“...,” he said. “We counted 50.”`).
fn quote_speaker(
    text: &str,
    seg: &Segmentation,
    si: usize,
    dates: &[Span],
) -> Option<Span> {
    // Only a sentence that opens with a quotation is one; a quoted term
    // inside a sentence (scare quotes: a ``drastic action'') is not.
    let s = seg.sentences[si].span.of(text);
    if !s.starts_with(['“', '"', '`']) {
        return None;
    }
    let mut found = None;
    for other in [si + 1, si.wrapping_sub(1)] {
        if other >= seg.sentences.len() {
            continue;
        }
        let toks = seg.sentence_tokens(other);
        // Only a statement verb names a speaker here.
        for i in 0..toks.len() {
            let Some(v) = word(text, &toks[i]) else { continue };
            if SPEECH_VERB_WORDS.has(v)
                && !participle_after_a_figure(text, toks, i)
                && !states_a_noun(text, toks, i)
                && !forecast_as_an_adjective(text, toks, i)
            {
                if let Some(sp) = speaker_at(text, toks, i, dates) {
                    found = Some(sp);
                    break;
                }
            }
        }
        if found.is_some() {
            break;
        }
    }
    found
}

/// Walks a name back over `of`/`for` links: `Organization for Migration`.
fn name_start(text: &str, toks: &[Token], mut k: usize) -> usize {
    let w = |i: usize| word(text, &toks[i]).unwrap_or("");
    loop {
        // "Bank of England", "Institute for the Study of War".
        let the = usize::from(k >= 1 && w(k - 1) == "the");
        let joined = k >= 2 + the
            && matches!(w(k - 1 - the), "of" | "for" | "and")
            && is_cap(text, &toks[k - 2 - the]);
        if !joined {
            return k;
        }
        k -= 2 + the;
        while k > 0 && is_cap(text, &toks[k - 1]) {
            k -= 1;
        }
    }
}

/// Whether a word reads as an "-ly" adverb ("originally", "Nearly"),
/// not a noun in "-ly" that names a paper ("the daily said").
fn looks_like_adverb(w: &str) -> bool {
    w.len() > 3
        && ends_with_ci(w, "ly")
        && !lower_in(w, &["daily", "weekly", "monthly", "quarterly"])
}

fn is_pronoun(s: &str) -> bool {
    static PRONOUNS: Words = Words::new(&[
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "everybody",
        "everyone",
        "nobody",
        "someone",
        "somebody",
        "others",
        "one",
    ]);
    PRONOUNS.has(uncontracted(s))
}

/// A word without a verb contracted on: "I'd", "we'll", "they’re" are
/// "I", "we", "they".
fn uncontracted(s: &str) -> &str {
    // Bytes, not a search for either char: `’` is the only char of the
    // two that starts with 0xE2, and most words hold neither.
    let b = s.as_bytes();
    let at = (0..b.len()).find(|&k| {
        b[k] == b'\'' || b[k] == 0xE2 && b[k..].starts_with("’".as_bytes())
    });
    match at {
        Some(at) if at > 0 => &s[..at],
        _ => s,
    }
}

/// The pronoun subject of the sentence's statement verb ("he said",
/// "said she"), whose referent is an earlier name.
fn pronoun_speaker<'t>(
    text: &'t str,
    toks: &[Token],
    cues: &Cues,
) -> Option<&'t str> {
    // The pronoun and verb at `i` and `i + 1`, in either order.
    let at = |i: usize| {
        let (a, b) = (word(text, &toks[i])?, word(text, &toks[i + 1])?);
        if is_pronoun(a) && PRONOUN_SAYING.has(b) {
            Some(a)
        } else if is_pronoun(b)
            && PRONOUN_SAYING.has(a)
            // "..., said he." ends the clause; "said they had" reports.
            && toks.get(i + 2).is_none_or(|t| t.kind == TokenKind::Punct)
        {
            Some(b)
        } else {
            None
        }
    };
    // Both patterns need one of the verbs at `i` or `i + 1`: only the
    // indices next to one are tried, in order (most sentences have none).
    let last = toks.len().saturating_sub(1);
    // The least index not tried yet.
    let mut next = 0;
    // "``I'd say 40 left,'' he told": a first or second person inside a
    // quote is the speaker talking; a third person outside names them.
    let mut first_person = None;
    for &v in &cues.pronoun_verbs {
        let (lo, hi) = (v.saturating_sub(1).max(next), (v + 1).min(last));
        for p in (lo..hi).filter_map(at) {
            let third = !lower_in(uncontracted(p), &["i", "we", "you"]);
            if third {
                return Some(p);
            }
            first_person = first_person.or(Some(p));
        }
        next = next.max(hi);
    }
    first_person
}

/// A noun phrase starting at token `i` (determiners skipped).
fn np_after(text: &str, toks: &[Token], i: usize) -> Option<Span> {
    let mut j = i;
    // A possessive name determines too: "11 of Sudan's 18 states".
    // Only a name's ("Sudan's", "Ruch's"): "children's lives" counts the
    // children's lives, and "Men's 100 metres" is a category.
    // Any possessive before a figure does too: "the country's 40 million
    // people".
    let possessive_before_word = |j: usize| {
        let Some(w) = word(text, &toks[j]) else { return false };
        let figure_next = toks.get(j + 1).is_some_and(|n| {
            n.kind == TokenKind::Number
                || word(text, n).is_some_and(is_number_word_ci)
        });
        let name = w.starts_with(|c: char| c.is_uppercase())
            && toks.get(j + 1).is_some_and(|n| word(text, n).is_some());
        (w.ends_with("'s") || w.ends_with("’s"))
            && (figure_next || name)
            && !lower_in(
                strip_possessive(w),
                &["men", "women", "boys", "girls"],
            )
    };
    // "11 of their previous 12 matches", "two of the remaining 10
    // seats": an adjective of order before the other figure.
    let order_before_figure = |j: usize| {
        word(text, &toks[j]).is_some_and(|w| {
            lower_in(
                w,
                &[
                    "previous",
                    "last",
                    "past",
                    "next",
                    "first",
                    "final",
                    "remaining",
                    "other",
                    "opening",
                ],
            )
        }) && toks.get(j + 1).is_some_and(|n| {
            n.kind == TokenKind::Number
                || word(text, n).is_some_and(is_number_word_ci)
        })
    };
    // A currency sign before a number at token `k`: "$2.7".
    let sum_at = |k: usize| {
        toks.get(k).is_some_and(|t| currency_sign(t.span.of(text)).is_some())
            && toks.get(k + 1).is_some_and(|n| n.kind == TokenKind::Number)
    };
    // "38% of the UN's $2.7 billion appeal": a possessive before a sum.
    let possessive_before_sum = |j: usize| {
        word(text, &toks[j])
            .is_some_and(|w| w.ends_with("'s") || w.ends_with("’s"))
            && sum_at(j + 1)
    };
    while j < toks.len()
        && (word(text, &toks[j]).is_some_and(|w| DETERMINER_WORDS.has(w))
            || possessive_before_word(j)
            || possessive_before_sum(j)
            || order_before_figure(j))
    {
        j += 1;
    }
    // "60% of those crossing the border", "half of those killed", "those
    // who fled": the people a participle or relative clause names, with
    // its "those" (the participle alone is no noun).
    if j > i && lower_in(toks[j - 1].span.of(text), &["those", "these"]) {
        let w_at = |k: usize| toks.get(k).and_then(|t| word(text, t));
        let participle = |w: &str| {
            w.starts_with(|c: char| c.is_ascii_lowercase())
                && !STOP_WORDS.has(w)
                && (ends_with_ci(w, "ing")
                    || ends_with_ci(w, "ed")
                    || PAST_AFTER_NOUN_WORDS.has(w)
                    || IRREGULAR_VERB_WORDS.has(w))
        };
        let those = toks[j - 1].span.start;
        if w_at(j).is_some_and(participle) {
            return Some(Span::new(those, toks[j].span.end));
        }
        if w_at(j).is_some_and(|w| lower_in(w, &["who", "whose"])) {
            let mut v = j + 1;
            while v < j + 3 && w_at(v).is_some_and(|w| AUXILIARIES.has(w)) {
                v += 1;
            }
            if w_at(v).is_some_and(|w| {
                w.starts_with(|c: char| c.is_ascii_lowercase())
                    && !STOP_WORDS.has(w)
            }) {
                return Some(Span::new(those, toks[v].span.end));
            }
        }
    }
    // "two of the three judges", "of the 146 players"; a scale word
    // after a number is part of it ("for 5 lakh farmers", "of 2
    // trillion yen").
    let figure_from = j;
    while j < toks.len()
        && (toks[j].kind == TokenKind::Number
            // A currency sign before the number: "the UN's $2.7 billion".
            || j == figure_from && j > i && sum_at(j)
            || word(text, &toks[j]).is_some_and(|w| {
                is_number_word_ci(w)
                    || j > figure_from
                        && lower_in(
                            w,
                            &[
                                "trillion", "lakh", "lakhs", "lac", "crore",
                                "crores",
                            ],
                        )
            }))
    {
        j += 1;
    }
    let start = j;
    // "borrow 127.5 billion pounds this financial year": a time, no noun.
    let this_time = start > i
        && word(text, &toks[start - 1])
            .is_some_and(|w| lower_in(w, &["this", "that", "next", "last"]))
        && (start..toks.len().min(start + 2))
            .any(|k| word(text, &toks[k]).is_some_and(|w| TIME_WORDS.has(w)));
    if this_time {
        return None;
    }
    let mut end = j;
    // "internally displaced people": an adverb, a participle and the
    // noun they describe.
    let w_at = |k: usize| toks.get(k).and_then(|t| word(text, t));
    let adverb_participle_noun =
        w_at(start).is_some_and(|w| {
            ends_with_ci(w, "ly") && w.starts_with(char::is_lowercase)
        }) && w_at(start + 1).is_some_and(|n| {
            ends_with_ci(n, "ed")
                || PAST_AFTER_NOUN_WORDS.has(n)
                || IRREGULAR_VERB_WORDS.has(n)
        }) && toks.get(start + 2).is_some_and(|t| t.space_before)
            && w_at(start + 2).is_some_and(|n| {
                n.starts_with(char::is_lowercase)
                    && !STOP_WORDS.has(n)
                    && !lower_in(n, PLACE_TIME_PREPOSITIONS)
                    && !lower_in(n, TIME_ADVERBS)
                    && !ends_with_ci(n, "ly")
                    && !ends_with_ci(n, "ed")
                    && !ends_with_ci(n, "ing")
            });
    while end < toks.len() && end < start + 5 {
        let t = &toks[end];
        let Some(w) = word(text, t) else { break };
        // "a 47% lower risk", "200 more detectives": a comparative
        // before a noun is part of the phrase ("0.6% higher at" is not).
        // "the most expensive seat": a superlative's "most" too.
        let comparative_before_noun = end == start
            && (lower_in(w, COMPARATIVES) || lower_in(w, &["most", "least"]))
            && toks.get(end + 1).and_then(|n| word(text, n)).is_some_and(
                |n| !STOP_WORDS.has(n) && n.starts_with(char::is_lowercase),
            );
        if STOP_WORDS.has(w) && !comparative_before_noun {
            break;
        }
        // "at least 33 people overnight", "12 people yesterday": an
        // adverb of time is no part of the noun (nor one alone).
        if lower_in(w, TIME_ADVERBS) {
            break;
        }
        // "and 400,000 lack clean water": a verb after a bare figure.
        if end == start
            && w.starts_with(|c: char| c.is_ascii_lowercase())
            && PLURAL_VERBS.has(w)
        {
            break;
        }
        // "one in three people already relies on aid", "200 families
        // still live there": an auxiliary or an adverb before a verb ends
        // the noun.
        if end > start && AUXILIARIES.has(w) {
            break;
        }
        // "a new plant near the border": a preposition of place or time
        // ends the phrase.
        if end > start && lower_in(w, PLACE_TIME_PREPOSITIONS) {
            break;
        }
        // "2.5% of GDP next year": a time to come ends it too ("last"
        // and "this" are stop words).
        if end > start && lower_in(w, &["next"]) {
            break;
        }
        // "fell 34.5% year-on-year": how a change is measured, no noun.
        if end == start
            && ["year-on-year", "month-on-month", "quarter-on-quarter"]
                .iter()
                .chain(&["year-over-year", "month-over-month"])
                .any(|p| w.eq_ignore_ascii_case(p))
        {
            break;
        }
        // "five of their last six overall," but "overall champion".
        if end == start
            && w.eq_ignore_ascii_case("overall")
            && toks.get(end + 1).is_none_or(|n| n.kind != TokenKind::Word)
        {
            break;
        }
        // "6ft 2in tall", "3 inches thick": a dimension after a measure
        // is no noun, unless a noun follows ("a 10ft high wall").
        if end == start
            && lower_in(
                w,
                &[
                    "tall", "high", "long", "wide", "deep", "thick", "away",
                    "across", "apart",
                ],
            )
            && toks.get(end + 1).and_then(|n| word(text, n)).is_none_or(|n| {
                STOP_WORDS.has(n) || !n.starts_with(char::is_lowercase)
            })
        {
            break;
        }
        if end > start {
            // "two people dead": a predicative adjective ends it.
            if lower_in(w, &["dead", "alive", "missing", "homeless"]) {
                break;
            }
            // "a large parking lot", "new housing units": an -ing noun
            // after an adjective, modifying the noun after it.
            let ing_modifier = ends_with_ci(w, "ing")
                && elided_noun_adjective(text, toks, end - 1)
                && toks.get(end + 1).is_some_and(|n| {
                    n.space_before
                        && word(text, n).is_some_and(|n| {
                            n.starts_with(char::is_lowercase)
                                && !STOP_WORDS.has(n)
                                && !ends_with_ci(n, "ing")
                                && !ends_with_ci(n, "ed")
                                && !ends_with_ci(n, "ly")
                        })
                });
            // A participle or adverb after a noun ends the phrase:
            // "115,000 cases recorded", "people killed".
            let kept =
                ing_modifier || adverb_participle_noun && end == start + 1;
            if !kept
                && (ends_with_ci(w, "ed")
                    || ends_with_ci(w, "ing")
                    || ends_with_ci(w, "ly")
                    || PAST_AFTER_NOUN_WORDS.has(w))
            {
                break;
            }
        }
        if end > start && !t.space_before {
            break;
        }
        if IRREGULAR_VERB_WORDS.has(w)
            && !(adverb_participle_noun && end == start + 1)
        {
            break;
        }
        // "29,500 partially damaged": an adverb before a participle,
        // unless a noun follows it ("10 million internally displaced
        // people", "200 newly built homes").
        if end == start
            && ends_with_ci(w, "ly")
            && toks.get(end + 1).and_then(|t| word(text, t)).is_some_and(|n| {
                ends_with_ci(n, "ed") || PAST_AFTER_NOUN_WORDS.has(n)
            })
            && !adverb_participle_noun
        {
            break;
        }
        // "25 people were killed and 60 injured when ...": a participle
        // standing for its verb is no noun phrase, so the figure counts
        // what the one before it did.
        if end == start && stands_for_its_verb(text, toks, end) {
            break;
        }
        // "the other eight placed her first": a verb with its object.
        if end == start
            && ends_with_ci(w, "ed")
            && toks.get(end + 1).and_then(|t| word(text, t)).is_some_and(|n| {
                lower_in(
                    n,
                    &[
                        "her", "him", "them", "it", "the", "a", "an", "his",
                        "their",
                    ],
                )
            })
        {
            break;
        }
        end += 1;
        // A plural noun is the head: "returns took place", "people live".
        // A name goes on: "43-year-old Thomas Hamilton".
        let name_goes_on = is_cap(text, t)
            && toks
                .get(end)
                .is_some_and(|n| is_cap(text, n) && n.space_before);
        // "a £95,000 sports car", "300 news reports": a plural that
        // modifies the noun after it.
        let modifies_next = lower_in(w, ATTRIBUTIVE_PLURALS)
            && toks.get(end).is_some_and(|n| {
                n.space_before
                    // "a 1.7 percent sales drop": the change is no noun
                    // the plural modifies.
                    && word(text, n).is_some_and(|n| {
                        n.starts_with(|c: char| c.is_lowercase())
                            && !STOP_WORDS.has(n)
                            && !CHANGE_VERB_WORDS.has(n)
                    })
            });
        if !name_goes_on
            && !modifies_next
            && ends_with_ci(w, "s")
            && !ends_with_ci(w, "ss")
            && !ends_with_ci(w, "us")
            && !ends_with_ci(w, "is")
            && !ends_with_ci(w, "’s")
            && !ends_with_ci(w, "'s")
            && w.len() > 3
        {
            break;
        }
    }
    // "52 domestic and five international flights": an adjective whose
    // noun is left for the figure after "and" or "or" to name.
    if end == start + 1 && elided_noun_adjective(text, toks, start) {
        let and = toks.get(end).and_then(|t| word(text, t));
        let figure_next = toks.get(end + 1).is_some_and(|n| {
            n.kind == TokenKind::Number
                || word(text, n).is_some_and(is_number_word_ci)
        });
        if and.is_some_and(|a| matches!(a, "and" | "or")) && figure_next {
            if let Some(other) = np_after(text, toks, end + 1) {
                let head = toks.partition_point(|t| t.span.end < other.end);
                if toks[head].span.start > other.start {
                    return Some(toks[head].span);
                }
            }
        }
    }
    (end > start)
        .then(|| Span::new(toks[start].span.start, toks[end - 1].span.end))
}

/// Whether token `k` reads as an adjective whose noun may be left out
/// before "and" ("domestic", "international", "full-time", "new").
fn elided_noun_adjective(text: &str, toks: &[Token], k: usize) -> bool {
    let Some(w) = word(text, &toks[k]) else { return false };
    if !w.starts_with(char::is_lowercase) {
        return false;
    }
    let hyphenated = w.contains('-')
        && ["time", "term", "year", "old", "scale", "level", "class"]
            .iter()
            .any(|s| ends_with_ci(w, s));
    hyphenated
        || ["ic", "al", "ish", "ese", "ive", "ous", "ian", "ary", "ern"]
            .iter()
            .any(|s| ends_with_ci(w, s))
            && w.len() > 4
        || lower_in(
            w,
            &[
                "new", "old", "small", "large", "big", "private", "public",
                "male", "female", "foreign", "senior", "junior", "adult",
                "young", "single", "double", "major", "minor", "full", "part",
                "short", "long", "other",
            ],
        )
}

/// Whether the one word `w` after a figure at tokens `first..after` is
/// the verb of a subject the figure stands in ("Tariffs of 10% to 15%
/// apply to steel", "A tax of 20 percent applies", "Inflation at 5%
/// remains"): the figure follows its head noun and "of" or "at" (or a
/// range's "between"), and `w` agrees with that head as a verb would:
/// a plural head takes a form without "-s" where a counted noun would be
/// plural, and a figure with its own unit takes a form in "-s" where a
/// noun would not follow.
fn verb_after_figure(
    text: &str,
    toks: &[Token],
    first: usize,
    count: bool,
    w: &str,
) -> bool {
    let w_at = |k: usize| toks.get(k).and_then(|t| word(text, t));
    let Some(lead) = w_at(first) else {
        // A figure opening on a symbol ("$5") has its preposition before.
        return first >= 2
            && w_at(first - 1).is_some_and(|p| matches!(p, "of" | "at"))
            && head_agrees(w_at(first - 2), count, w);
    };
    let head = if lower_in(lead, &["between"]) {
        first.checked_sub(1).and_then(w_at)
    } else if first >= 2
        && w_at(first - 1).is_some_and(|p| matches!(p, "of" | "at"))
    {
        w_at(first - 2)
    } else {
        None
    };
    head_agrees(head, count, w)
}

/// [`verb_after_figure`]'s agreement test of the word `w` after a figure
/// with the head noun before it.
fn head_agrees(head: Option<&str>, count: bool, w: &str) -> bool {
    let Some(head) = head.filter(|h| !STOP_WORDS.has(h)) else {
        return false;
    };
    let plural = |x: &str| {
        x.len() > 3
            && ends_with_ci(x, "s")
            && !ends_with_ci(x, "ss")
            && !ends_with_ci(x, "us")
            && !ends_with_ci(x, "is")
    };
    if !w.starts_with(|c: char| c.is_ascii_lowercase())
        || ends_with_ci(w, "ing")
    {
        return false;
    }
    if plural(head) {
        !plural(w) && !ends_with_ci(w, "ed")
    } else {
        !count && plural(w)
    }
}

/// Whether token `k` is a participle standing for its verb ("and 60
/// injured when", "five wounded outside a nightclub"): nothing follows
/// it that it could describe, only an end, a mark, a stop word or a
/// preposition of place or time.
fn stands_for_its_verb(text: &str, toks: &[Token], k: usize) -> bool {
    toks.get(k).and_then(|t| word(text, t)).is_some_and(|w| {
        ends_with_ci(w, "ed")
            && toks.get(k + 1).is_none_or(|n| {
                word(text, n).is_none_or(|n| {
                    STOP_WORDS.has(n) || lower_in(n, PLACE_TIME_PREPOSITIONS)
                })
            })
            // "the 3.0% forecast by economists": an irregular participle
            // with its agent.
            || lower_in(w, &["forecast", "forecasts", "seen", "foreseen"])
                && toks.get(k + 1).and_then(|n| word(text, n)) == Some("by")
            // "and 251 taken hostage": a participle with its complement.
            || lower_in(w, &["taken", "held"])
                && toks.get(k + 1).and_then(|n| word(text, n)).is_some_and(
                    |n| {
                        lower_in(
                            n,
                            &["hostage", "hostages", "captive", "prisoner"],
                        )
                    },
                )
    })
}

/// Whether nothing that could say what a figure counts follows it: a
/// punctuation mark, the sentence end, a date, or a preposition of
/// place or time (`and 43,000 in restaurants`, `to $12.63.`). `k` is
/// the first token after the figure.
fn elliptic(text: &str, toks: &[Token], dates: &[Span], k: usize) -> bool {
    let Some(t) = toks.get(k) else { return true };
    // "and 60 injured when ...": a participle standing for its verb,
    // with nothing after it that it could describe; "and 29,500
    // partially damaged", after an adverb.
    let adverb = word(text, t).is_some_and(|w| ends_with_ci(w, "ly"));
    let bare_participle =
        stands_for_its_verb(text, toks, k + usize::from(adverb));
    // "and 200,000 remain homeless", "of whom 400,000 need help", "and
    // 300 fled to Chad": a bare figure as the subject of a verb.
    let verb = word(text, t).is_some_and(|w| {
        w.starts_with(|c: char| c.is_ascii_lowercase())
            && (PLURAL_VERBS.has(w)
                || AUXILIARIES.has(w) && !looks_like_adverb(w)
                // Not a noun it may be: "one hit", "4,000 put spreads".
                || IRREGULAR_VERB_WORDS.has(w)
                    && !lower_in(w, &["put", "set", "cut", "hit"])
                || w.len() > 4 && w.ends_with("ed") && !STOP_WORDS.has(w))
    });
    t.kind == TokenKind::Punct
        || bare_participle
        || verb
        || of_pronoun(text, toks, k)
        || dates.iter().any(|d| d.contains(t.span))
        || word(text, t).is_some_and(|w| {
            lower_in(
                w,
                &[
                    "and", "or", "in", "on", "at", "from", "last", "was",
                    "were", "since", "during", "across", "as", "who", "have",
                    "had", "are",
                ],
            )
        })
}

/// "fewer than the 170,000 economists had expected": a plural noun right
/// after a figure, with a verb of expecting after it, is the subject of a
/// relative clause on the figure, not what the figure counts. Only after
/// "than" or a mid-clause "the", not where the figure opens its clause
/// ("30 economists had expected a cut", "of the 30 economists had").
fn expected_by(text: &str, toks: &[Token], place: Place) -> bool {
    let Place { first, after } = place;
    let w = |k: usize| toks.get(k).and_then(|t| word(text, t)).unwrap_or("");
    let relative = first >= 2
        && (lower_in(w(first - 1), &["than"])
            || lower_in(w(first - 1), &["the"])
                && !lower_in(w(first - 2), &["of"]));
    let noun = w(after);
    let plural = noun.len() > 3
        && noun.ends_with('s')
        && noun.bytes().all(|b| b.is_ascii_lowercase())
        && !is_function_word(noun);
    let verb = after
        + usize::from(lower_in(w(after + 1), &["had", "have", "has"]))
        + 1;
    relative
        && plural
        && lower_in(
            w(verb),
            &[
                "expected",
                "forecast",
                "forecasted",
                "predicted",
                "estimated",
                "projected",
                "anticipated",
                "hoped",
                "feared",
                "wanted",
                "targeted",
                "priced",
            ],
        )
}

/// Whether "of" and a pronoun start at token `k`: "About 3.1 million of
/// them", a part of what was counted before.
fn of_pronoun(text: &str, toks: &[Token], k: usize) -> bool {
    toks.get(k).and_then(|t| word(text, t)) == Some("of")
        && toks.get(k + 1).and_then(|n| word(text, n)).is_some_and(|w| {
            lower_in(w, &["them", "those", "these", "whom", "which"])
        })
}

/// "cut the number of ministers to 60": a counted "number" (or total)
/// runs on to what it numbers.
fn through_of(text: &str, toks: &[Token], c: Span) -> Span {
    if !lower_in(c.of(text), &["number", "total", "tally"]) {
        return c;
    }
    let k = toks.partition_point(|t| t.span.start < c.end);
    if toks.get(k).is_none_or(|t| t.span.of(text) != "of") {
        return c;
    }
    np_after(text, toks, k + 1).map_or(c, |n| Span::new(c.start, n.end))
}

/// Whether `w` is a form of a verb that stands at a level named after
/// "at" ("prices start at $45", "the index closed at 1,200", "rates
/// range at"), which has no object of its own.
fn stands_at(w: &str) -> bool {
    const BASES: &[&str] = &[
        "start", "begin", "stand", "remain", "stay", "hover", "sit", "settle",
        "trade", "close", "open", "peak", "bottom", "retail", "sell", "cost",
    ];
    if !w.starts_with(|c: char| c.is_ascii_lowercase()) {
        return false;
    }
    let base = |x: &str| lower_in(x, BASES);
    // The stem left by "-ing" or "-ed": the base itself ("opening"), the
    // base less its "e" ("closing") or with its last consonant doubled
    // ("sitting").
    let stem = |x: &str| {
        base(x)
            || BASES.iter().any(|b| {
                b.strip_suffix('e').is_some_and(|b| b.eq_ignore_ascii_case(x))
            })
            || x.len() > 2
                && x.as_bytes()[x.len() - 1] == x.as_bytes()[x.len() - 2]
                && base(&x[..x.len() - 1])
    };
    base(w)
        || lower_in(w, &["began", "begun", "stood", "sat", "sold"])
        || w.strip_suffix('s').is_some_and(base)
        || w.strip_suffix("ing").is_some_and(stem)
        || w.strip_suffix("ed").is_some_and(stem)
}

/// Where a figure's phrase lies among its sentence's tokens, found once
/// for the questions asked of the figure rather than by each.
#[derive(Clone, Copy, Debug)]
struct Place {
    /// The phrase's first token.
    first: usize,
    /// The first token after the phrase.
    after: usize,
}

impl Place {
    fn of(toks: &[Token], span: Span) -> Place {
        let first = toks.partition_point(|t| t.span.start < span.start);
        let after =
            first + toks[first..].partition_point(|t| t.span.start < span.end);
        Place { first, after }
    }
}

/// What a figure counts or measures (its phrase at `place`).
fn counted_of(
    text: &str,
    toks: &[Token],
    dates: &[Span],
    m: &Mention,
    place: Place,
) -> Option<Span> {
    if let Some(n) = m.modifier_noun {
        return Some(n);
    }
    if expected_by(text, toks, place) {
        return None;
    }
    let f = &m.figure;
    // The first token after the phrase, and the first of the phrase.
    let Place { first, mut after } = place;
    // "the 6,250-meter (6,836-yard) course": the noun is after the
    // parenthesis, whether the figure is before it or inside it.
    // Only a noun right after the parenthesis counts ("dlrs 36 (...) for
    // the events" leaves the events to the preposition rules).
    let noun_at =
        |k: usize| word(text, &toks[k]).is_some_and(|w| !STOP_WORDS.has(w));
    if after < toks.len() && toks[after].span.of(text) == "(" {
        if let Some(k) = (after + 1..toks.len().min(after + 8))
            .find(|&k| toks[k].span.of(text) == ")")
        {
            // "900,000 pounds (408 tonnes) of fuel": or "of" and its noun.
            if k + 1 < toks.len()
                && (noun_at(k + 1)
                    || word(text, &toks[k + 1]) == Some("of")
                        && k + 2 < toks.len()
                        && noun_at(k + 2)
                        // "within 10 km (six miles) of Arbil": a place.
                        && !is_cap(text, &toks[k + 2]))
            {
                after = k + 1;
            }
        }
    } else if after + 1 < toks.len()
        && toks[after].span.of(text) == ")"
        && first > 0
        && toks[first - 1].span.of(text) == "("
        && noun_at(after + 1)
    {
        after += 1;
    }
    if m.age {
        // The capitalized words before the comma at `comma`.
        let name_before = |comma: usize| {
            let mut k = comma;
            while k > 0 && is_cap(text, &toks[k - 1]) {
                k -= 1;
            }
            (k < comma).then(|| {
                Span::new(toks[k].span.start, toks[comma - 1].span.end)
            })
        };
        // "Okello, 26," counts Okello's years; "a 19-year-old man" the man.
        if first >= 2 && toks[first - 1].span.of(text) == "," {
            if let Some(name) = name_before(first - 1) {
                return Some(name);
            }
            // "The suspect, 34,": the noun naming the person.
            if word(text, &toks[first - 2])
                .is_some_and(|w| lower_in(w, PERSON_NOUNS))
                && toks.get(after).is_some_and(|t| t.span.of(text) == ",")
            {
                return Some(toks[first - 2].span);
            }
        }
        let is_at = |k: usize, words: &[&str]| {
            word(text, &toks[k]).is_some_and(|w| lower_in(w, words))
        };
        if first >= 1 && is_at(first - 1, &["aged"]) {
            // "men aged 40 to 70" counts the men: the words before "aged"
            // back to a stop word or a verb ("the study followed women").
            // "her two children, aged 8": the noun before the comma.
            if first >= 3 && toks[first - 2].span.of(text) == "," {
                return phrase_before(text, toks, first - 2);
            }
            let end = first - 1;
            let mut k = end;
            while k > 0 && end - k < 4 {
                match word(text, &toks[k - 1]) {
                    Some(w)
                        if !STOP_WORDS.has(w)
                            && !ends_with_ci(w, "ed")
                            && !SPEECH_VERB_WORDS.has(w) =>
                    {
                        k -= 1
                    }
                    _ => break,
                }
            }
            return (k < end).then(|| {
                Span::new(toks[k].span.start, toks[end - 1].span.end)
            });
        }
        // "his mother, who turned 80", "Kwan, who is 17": the one the
        // relative clause is about.
        if first >= 3
            && is_at(first - 1, &["turned", "turns", "is", "was"])
            && is_at(first - 2, &["who"])
            && toks[first - 3].span.of(text) == ","
        {
            let comma = first - 3;
            return name_before(comma)
                .or_else(|| phrase_before(text, toks, comma));
        }
        let mut a = after;
        while a < toks.len()
            && matches!(toks[a].span.of(text), "-" | "old" | "‐")
        {
            a += 1;
        }
        return np_after(text, toks, a);
    }
    let of_np = |a: usize| {
        if a < toks.len() && word(text, &toks[a]).is_some_and(|w| w == "of") {
            np_after(text, toks, a + 1)
        } else {
            None
        }
    };
    // "unemployment (among youths) in Spain stood at 11.8%" counts the
    // unemployment, "orders for manufactured goods climbed 1.8%" the
    // orders: the head of subject `p` before a place, group or purpose.
    let head_of = |mut p: Span| {
        for _ in 0..3 {
            let mut at = toks.partition_point(|t| t.span.start < p.start);
            // "the yield on the 10-year note": past a figure's modifier.
            let glued = |k: usize| !toks[k].space_before;
            if at >= 4
                && toks[at - 1].kind == TokenKind::Word
                && glued(at - 1)
                && toks[at - 2].span.of(text) == "-"
                && glued(at - 2)
                && toks[at - 3].kind == TokenKind::Number
            {
                at -= 3;
            } else if at >= 3
                && toks[at - 1].span.of(text) == "-"
                && glued(at - 1)
                && toks[at - 2].kind == TokenKind::Number
            {
                at -= 2;
            }
            // "trade between the two neighbours": past a figure.
            if at >= 4
                && (toks[at - 1].kind == TokenKind::Number
                    || word(text, &toks[at - 1])
                        .is_some_and(is_number_word_ci))
            {
                at -= 1;
            }
            // "the death toll from the floods": past an article.
            if at >= 3
                && word(text, &toks[at - 1])
                    .is_some_and(|w| lower_in(w, &["the", "a", "an"]))
            {
                at -= 1;
            }
            let prep = at >= 2
                && word(text, &toks[at - 1]).is_some_and(|w| {
                    matches!(
                        w,
                        "in" | "on"
                            | "among"
                            | "across"
                            | "at"
                            | "from"
                            | "for"
                            | "to"
                            | "into"
                            | "through"
                            | "between"
                            | "of"
                    )
                });
            // "while those from the EU fell 3%": the pronoun, which
            // stands for a noun counted before.
            if prep
                && word(text, &toks[at - 2])
                    .is_some_and(|w| lower_in(w, &["those", "that", "these"]))
            {
                p = toks[at - 2].span;
                break;
            }
            let head = prep
                && word(text, &toks[at - 1]) != Some("of")
                && word(text, &toks[at - 2])
                    .is_some_and(|w| !STOP_WORDS.has(w));
            match head
                .then(|| phrase_before(text, toks, at - 1))
                .flatten()
                .map(|h| past_relative(text, toks, h))
            {
                Some(Some(h)) => p = h,
                _ => break,
            }
        }
        p
    };
    let before_verb = || {
        // "sales rose 5 percent", "arrests had increased tenfold",
        // "market share skidded to 28.7 percent"
        let mut k = first;
        let mut steps = 0;
        while k > 0 && steps < 4 {
            let w = word(text, &toks[k - 1])?;
            let change = CHANGE_VERB_WORDS.has(w)
                || lower_in(
                    w,
                    &[
                        "crossed",
                        "topped",
                        "surpassed",
                        "exceeded",
                        "passed",
                        "totals",
                        "totaled",
                        "totalled",
                        "reached",
                        "reaches",
                        "reach",
                        "reaching",
                        "top",
                        "exceed",
                        "surpass",
                        "total",
                    ],
                )
                // "the rate held at 6.3%": a level kept; "prices start
                // at $45": one stood at.
                || steps > 0 && lower_in(w, &["held", "stood", "came", "come", "comes"])
                || steps > 0
                    && lower_in(w, &["account", "accounts", "accounting"])
                    && word(text, &toks[k]) == Some("for")
                // "forecasts were cut to 1.3%": a passive that sets a level.
                || steps > 0
                    && lower_in(w, &["cut", "set", "put"])
                    && k >= 2
                    && word(text, &toks[k - 2]).is_some_and(|b| BE_FORMS.has(b))
                || steps == 1
                    && word(text, &toks[k]) == Some("at")
                    && stands_at(w);
            // "fare increases of 3%", "a rise of 2%": a noun of change,
            // which the noun before it does not measure.
            if change && word(text, &toks[k]) == Some("of") {
                return None;
            }
            if change || w.ends_with("ed") && k >= 2 {
                // "The quake killed 40": a count right after any other
                // verb is its object, which its subject does not count
                // (but "the index crossed 9,000" is the index's level).
                // "The agency needed $120 million": nor is a sum
                // right after one a measure of the subject (but "oil
                // closed 1.6 cents higher" is the price's change).
                let priced =
                    stands_at(w) || lower_in(w, &["finished", "ended"]);
                if !change
                    && steps == 0
                    && (f.kind == ClaimKind::Count
                        || f.kind == ClaimKind::Money && !priced)
                {
                    return None;
                }
                // A name after "and" starts a clause of its own: it is
                // who acts, not what is counted ("23 points and Kevin
                // Durant added 19").
                let named = |p: &Span| {
                    let at = toks.partition_point(|t| t.span.start < p.start);
                    at >= 1
                        && word(text, &toks[at - 1]) == Some("and")
                        && p.of(text)
                            .split(' ')
                            .all(|w| w.starts_with(char::is_uppercase))
                };
                // "Analysts had on average expected $64.5 billion": an
                // adverbial phrase is no subject.
                let adverbial = |p: &Span| {
                    let at = toks.partition_point(|t| t.span.start < p.start);
                    at >= 1
                        && word(text, &toks[at - 1])
                            .is_some_and(|w| lower_in(w, &["on", "in", "at"]))
                        && lower_in(
                            p.of(text),
                            &[
                                "average", "total", "all", "sum", "fact",
                                "turn",
                            ],
                        )
                };
                // "expects the economy to shrink 0.2%", "sales are
                // expected to rise 3%": the subject of the infinitive.
                let mut v = k - 1;
                if change && v >= 2 && word(text, &toks[v - 1]) == Some("to") {
                    v -= 1;
                    if word(text, &toks[v - 1]).is_some_and(|w| {
                        lower_in(
                            w,
                            &[
                                "expected",
                                "forecast",
                                "projected",
                                "predicted",
                                "estimated",
                                "seen",
                                "set",
                                "likely",
                                "due",
                                "poised",
                                "going",
                            ],
                        )
                    }) {
                        v -= 1;
                    }
                }
                // "Remittances, which account for 10% of GDP", "an
                // economy that could shrink by 2%": the noun the relative
                // clause is on.
                let mut r = v;
                while r > 1
                    && word(text, &toks[r - 1])
                        .is_some_and(|w| AUXILIARIES.has(w))
                {
                    r -= 1;
                }
                if r >= 2
                    && word(text, &toks[r - 1])
                        .is_some_and(|w| lower_in(w, &["which", "that"]))
                {
                    v = r - 1;
                    if toks[v - 1].span.of(text) == "," {
                        v -= 1;
                    }
                }
                return phrase_before(text, toks, v)
                    .map(|p| head_before_place_or_time(text, toks, dates, p))
                    .or_else(|| {
                        noun_before_place_and_time(text, toks, dates, k - 1)
                    })
                    .map(head_of)
                    // "while France's rose to 7.4%": a possessive standing
                    // for its noun counts what the figure before did.
                    .filter(|p| {
                        let w = p.of(text);
                        !named(p)
                            && !adverbial(p)
                            && !w.ends_with("'s")
                            && !w.ends_with("’s")
                    });
            }
            // "inflation came in at 2.9%": the verb's particle.
            let came_in = w == "in"
                && k >= 2
                && word(text, &toks[k - 2]).is_some_and(|v| {
                    lower_in(v, &["came", "come", "comes", "coming"])
                });
            // "Remittances, which account for nearly 10% of GDP".
            let accounts_for = w == "for"
                && k >= 2
                && word(text, &toks[k - 2]).is_some_and(|v| {
                    lower_in(v, &["account", "accounts", "accounting"])
                });
            if !BEFORE_FIGURE.has(w) && !came_in && !accounts_for {
                return None;
            }
            k -= 1;
            steps += 1;
        }
        None
    };
    // "grew revenue 19%", "cut costs by 10%", "raised prices 5 percent":
    // the object between a verb of change and its figure.
    let object_changed = || {
        let mut end = first;
        if end > 0 && word(text, &toks[end - 1]) == Some("by") {
            end -= 1;
        }
        let noun = |k: usize| {
            word(text, &toks[k]).is_some_and(|w| {
                w.starts_with(|c: char| c.is_ascii_lowercase())
                    && !STOP_WORDS.has(w)
                    && !TIME_WORDS.has(w)
                    && !lower_in(w, TIME_ADVERBS)
                    && !ends_with_ci(w, "ly")
                    && !ends_with_ci(w, "ing")
                    && !ends_with_ci(w, "ed")
                    && !CHANGE_VERB_WORDS.has(w)
            }) && !dates.iter().any(|d| d.contains(toks[k].span))
        };
        let mut s = end;
        // "shifts annual operating profit by": up to three words, and a
        // modifier in -ing before the head.
        let modifier = |k: usize| {
            word(text, &toks[k]).is_some_and(|w| {
                ends_with_ci(w, "ing")
                    && w.starts_with(|c: char| c.is_ascii_lowercase())
                    && !STOP_WORDS.has(w)
            })
        };
        while s > 0
            && end - s < 3
            && (noun(s - 1) || s < end && modifier(s - 1))
        {
            s -= 1;
        }
        // "lifted its forecast 2%": past a determiner.
        let v = if s > 1
            && word(text, &toks[s - 1]).is_some_and(|w| {
                lower_in(w, &["its", "their", "the", "his", "her"])
            }) {
            s - 1
        } else {
            s
        };
        (s < end
            && v > 0
            && word(text, &toks[v - 1]).is_some_and(|v| {
                lower_in(
                    v,
                    &[
                        "grew",
                        "grow",
                        "grows",
                        "increased",
                        "increase",
                        "increases",
                        "raised",
                        "raise",
                        "raises",
                        "cut",
                        "cuts",
                        "boosted",
                        "boost",
                        "boosts",
                        "lifted",
                        "lift",
                        "lifts",
                        "reduced",
                        "reduce",
                        "reduces",
                        "lowered",
                        "lower",
                        "lowers",
                        "slashed",
                        "slash",
                        "slashes",
                        "trimmed",
                        "trim",
                        "trims",
                        "expanded",
                        "expand",
                        "expands",
                        "hiked",
                        "hike",
                        "hikes",
                        "shifted",
                        "shift",
                        "shifts",
                    ],
                )
            }))
        .then(|| Span::new(toks[s].span.start, toks[end - 1].span.end))
    };
    // "an appeal for $2.7 billion", "an order for 50 jets": what is
    // asked for is the request's.
    let asked_for = || {
        (first >= 2
            && word(text, &toks[first - 1]) == Some("for")
            && word(text, &toks[first - 2]).is_some_and(|w| {
                lower_in(
                    w,
                    &[
                        "appeal", "appeals", "request", "requests", "bid",
                        "bids", "offer", "order", "orders", "tender", "call",
                        "demand", "demands", "claim", "claims", "lawsuit",
                        "suit",
                    ],
                )
            }))
        .then(|| phrase_before(text, toks, first - 1))
        .flatten()
    };
    // "a cost of $2 million", "a population of 175,000"
    let of_before = || {
        (first > 0 && word(text, &toks[first - 1]).is_some_and(|w| w == "of"))
            .then(|| phrase_before(text, toks, first - 1))
            .flatten()
    };
    // "estimated losses at $10 billion", "put the death toll at 300": the
    // noun phrase between a verb of valuing and "at".
    let valued_at = || {
        let verb = verb_before_at(
            text,
            toks,
            first,
            // "estimates its own purchases of Nazi gold at".
            9,
            &[
                "estimated",
                "estimates",
                "estimate",
                "put",
                "puts",
                "valued",
                "values",
                "pegged",
                "pegs",
                "priced",
                "prices",
                "set",
                "sets",
                "placed",
                "places",
            ],
        )?;
        let mut s = verb + 1;
        while s < first - 1
            && word(text, &toks[s]).is_some_and(|w| {
                lower_in(w, &["the", "a", "an", "its", "their", "his", "her"])
            })
        {
            s += 1;
        }
        let words = (s..first - 1).all(|k| toks[k].kind == TokenKind::Word);
        // "Ticket prices start at $45": a noun before a verb that stands
        // at a level, no verb of valuing and its object.
        let stands = word(text, &toks[first - 2]).is_some_and(stands_at);
        (s < first - 1 && words && !stands)
            .then(|| Span::new(toks[s].span.start, toks[first - 2].span.end))
    };
    // "The deal, valued at about $2.1 billion,": the noun a participle
    // of valuing describes from a comma.
    let valued_aside = || {
        (first >= 4
            && word(text, &toks[first - 1]) == Some("at")
            && word(text, &toks[first - 2]).is_some_and(|w| {
                lower_in(
                    w,
                    &["valued", "estimated", "priced", "put", "pegged"],
                )
            })
            && toks[first - 3].span.of(text) == ",")
            .then(|| phrase_before(text, toks, first - 3))
            .flatten()
    };
    // "kept interest rates at 4 percent", "raised the death toll to 300",
    // "cut its policy rate by 100 basis points", "pushed the yield on the 30-year bond down to 5.79 percent": the
    // object of a verb that sets a level, up to its first function word.
    let set_to = || {
        if first < 3
            || !matches!(
                word(text, &toks[first - 1]),
                Some("at" | "to" | "by")
            )
        {
            return None;
        }
        let mut end = first - 1;
        if matches!(word(text, &toks[end - 1]), Some("down" | "up")) {
            end -= 1;
        }
        let verb = (first.saturating_sub(14)..end.saturating_sub(1))
            .rev()
            .find(|&k| {
                word(text, &toks[k]).is_some_and(|w| LEVEL_VERB_WORDS.has(w))
            })?;
        let mut s = verb + 1;
        while s < end
            && word(text, &toks[s]).is_some_and(|w| DETERMINER_WORDS.has(w))
        {
            s += 1;
        }
        // "raised its 2025 growth forecast to 3.2%": the object after
        // the year that dates it (the figure's time).
        if s + 1 < end
            && toks[s].kind == TokenKind::Number
            && dates.iter().any(|d| d.contains(toks[s].span))
            && word(text, &toks[s + 1]).is_some_and(|w| !STOP_WORDS.has(w))
        {
            s += 1;
        }
        let mut e = s;
        // "held its rate steady at 4.25%": the object ends before its
        // complement.
        while e < end
            && word(text, &toks[e]).is_some_and(|w| {
                !(STOP_WORDS.has(w) || e > s && lower_in(w, LEVEL_COMPLEMENTS))
            })
            && (e == s || toks[e].space_before)
        {
            e += 1;
        }
        // Only if the object reaches the preposition or stops at one
        // ("the yield on ..."), never across a verb or a clause; and only
        // a common noun that is no time ("lifted this week to 50%",
        // "reducing Worcestershire to 133").
        let stops_well = e == end
            || word(text, &toks[e]).is_some_and(|w| {
                matches!(w, "of" | "on" | "in" | "for" | "by")
                    || lower_in(w, LEVEL_COMPLEMENTS)
            });
        // A name may modify the head: "held its Selic rate at 10.5%".
        let common_noun = e > s
            && word(text, &toks[e - 1])
                .is_some_and(|w| !w.starts_with(|c: char| c.is_uppercase()))
            // Its head no time: "lifted this week" (but "her season
            // tally").
            && word(text, &toks[e - 1]).is_some_and(|w| !TIME_WORDS.has(w));
        (e > s && stops_well && common_noun)
            .then(|| Span::new(toks[s].span.start, toks[e - 1].span.end))
    };
    // "two or three games", "five to 10 branches", "a few hundred or a
    // few thousand people": the noun after the other figure.
    // Counts only: not money paid to people ("pay $148 million to two
    // workers"), nor a change to a level ("rose 27% to 9.18 billion
    // euros").
    let after = if f.kind == ClaimKind::Count
        && after + 1 < toks.len()
        && word(text, &toks[after]).is_some_and(|w| w == "or" || w == "to")
    {
        let mut k = after + 1;
        let mut figure = false;
        while k < toks.len() && k < after + 6 {
            let number = toks[k].kind == TokenKind::Number
                || word(text, &toks[k]).is_some_and(is_number_word_ci);
            let vague = word(text, &toks[k])
                .is_some_and(|w| lower_in(w, &["a", "an", "few", "several"]));
            if !number && !vague {
                break;
            }
            figure |= number;
            k += 1;
        }
        if figure {
            k
        } else {
            after
        }
    } else {
        after
    };
    // "rise 3% next year": a date after the figure is no noun.
    // "the world record Saturday": the phrase ends before one.
    let np_here = |a: usize| {
        let p = np_after(text, toks, a)?;
        match dates.iter().find(|d| d.overlaps(p)) {
            None => Some(p),
            Some(d) if d.start > p.start => {
                let mut k = toks.partition_point(|t| t.span.start < d.start);
                // "late Thursday": the date's own modifier goes too.
                while k > 0
                    && toks[k - 1].span.start >= p.start
                    && word(text, &toks[k - 1]).is_some_and(|w| {
                        lower_in(w, &["late", "early", "mid", "until"])
                    })
                {
                    k -= 1;
                }
                (k > 0 && toks[k - 1].span.start >= p.start)
                    .then(|| Span::new(p.start, toks[k - 1].span.end))
            }
            // "a C$1.15 billion second quarter surplus": the noun after.
            Some(d) if d.end < p.end => {
                let k = toks.partition_point(|t| t.span.start < d.end);
                toks.get(k)
                    .filter(|t| t.kind == TokenKind::Word)
                    .map(|t| Span::new(t.span.start, p.end))
            }
            Some(_) => None,
        }
    };
    // "The vaccine was 92% effective", "51% owned by": a predicate
    // adjective or participle after a share is no noun it counts.
    let not_adjective = |p: &Span| {
        let w = p.of(text);
        f.kind != ClaimKind::Percent
            || w.contains(' ')
            || !(["ive", "ful", "able", "ible", "ed"]
                .iter()
                .any(|s| ends_with_ci(w, s))
                || lower_in(
                    w,
                    &[
                        "complete", "full", "likely", "sure", "certain",
                        "accurate", "correct", "higher", "lower",
                    ],
                ))
    };
    // "Tariffs of 10% apply to steel": the subject's verb counts nothing.
    let not_verb = |p: &Span| {
        p.of(text).contains(' ')
            || !verb_after_figure(
                text,
                toks,
                first,
                f.kind == ClaimKind::Count,
                p.of(text),
            )
    };
    let found = match f.kind {
        // "borrowing would fall to 2.5% of GDP", "a deficit of 3% of
        // GDP": a share of the economy measures what is before it.
        ClaimKind::Percent
            if of_np(after).is_some_and(|p| {
                lower_in(
                    p.of(text),
                    &[
                        "gdp",
                        "gross domestic product",
                        "economic output",
                        "national output",
                        "national income",
                    ],
                )
            }) =>
        {
            set_to()
                .or_else(before_verb)
                .or_else(object_changed)
                .or_else(of_before)
                .or_else(|| of_np(after))
        }
        ClaimKind::Percent => of_np(after)
            .or_else(|| np_here(after).filter(not_verb).filter(not_adjective))
            .or_else(set_to)
            .or_else(before_verb)
            .or_else(object_changed)
            .or_else(of_before),
        ClaimKind::Multiplier => {
            // "Wheat prices have doubled": the figure is the verb, and
            // its subject is counted.
            // Not "doubling as", nor after an adverb ("was easily
            // doubled off second base").
            let verb = {
                let w = m.span.of(text);
                (ends_with_ci(w, "ed") || ends_with_ci(w, "ing"))
                    && word(text, &toks[after.min(toks.len() - 1)])
                        != Some("as")
                    && first > 0
                    && word(text, &toks[first - 1])
                        .is_none_or(|w| !ends_with_ci(w, "ly"))
            };
            // A common noun: "flights in northern Iraq doubled" does not
            // count Iraq.
            let subject = || {
                verb.then(|| phrase_before(text, toks, first).map(head_of))
                    .flatten()
                    .filter(|p| {
                        p.of(text)
                            .rsplit(' ')
                            .next()
                            .is_some_and(|w| w.starts_with(char::is_lowercase))
                    })
            };
            of_np(after).or_else(before_verb).or_else(subject).or_else(|| {
                if f.kind == ClaimKind::Multiplier {
                    np_here(after)
                } else {
                    None
                }
            })
        }
        // "Diesel prices have risen by a third": what changed.
        ClaimKind::Fraction => {
            of_np(after).or_else(|| np_here(after)).or_else(before_verb)
        }
        ClaimKind::Money => {
            let prep = after < toks.len()
                && word(text, &toks[after])
                    .is_some_and(|w| matches!(w, "in" | "for" | "on" | "of"));
            // "rose to $74.50 in New York": a place is not what is paid,
            // nor is a time ("$65.6 billion in the first quarter").
            // "$1.2 billion in a new plant": past an article.
            let article = toks
                .get(after + 1)
                .and_then(|t| word(text, t))
                .is_some_and(|w| lower_in(w, &["a", "an"]));
            let via_prep = if prep {
                np_after(text, toks, after + 1 + usize::from(article)).filter(
                    |p| {
                        let phrase = p.of(text);
                        // "$3 billion in the current fiscal year": nor a
                        // date.
                        !dates.iter().any(|d| d.overlaps(*p)) &&
                        // "$5.2 billion in the fiscal year that ended in
                        // June": nor a period that is no DATE.
                        !phrase.split(' ').any(|w| {
                            lower_in(w, &["fiscal", "financial"])
                        }) &&
                        !toks
                            .get(toks.partition_point(|t| t.span.start < p.end))
                            .and_then(|t| word(text, t))
                            .is_some_and(|w| TIME_WORDS.has(w)) &&
                        // "$45.60 in early trading": nor a session.
                        !phrase.starts_with(char::is_uppercase)
                            && !phrase
                                .rsplit(' ')
                                .next()
                                .is_some_and(|w| TIME_WORDS.has(w))
                            && !phrase.split(' ').any(|w| {
                                lower_in(w, &["early", "late", "trading"])
                            })
                    },
                )
            } else {
                None
            };
            // "$389 million worth of gold" counts the gold.
            let worth = after + 1 < toks.len()
                && word(text, &toks[after]) == Some("worth")
                && word(text, &toks[after + 1]) == Some("of");
            let worth_of =
                if worth { np_after(text, toks, after + 2) } else { None };
            // "tax rises worth 40 billion pounds", "a deal worth $2
            // billion": the noun before "worth".
            let worth_before = || {
                // Not after a verb ("would be worth $1 billion").
                (first >= 2
                    && word(text, &toks[first - 1]) == Some("worth")
                    && word(text, &toks[first - 2])
                        .is_some_and(|w| !AUXILIARIES.has(w)))
                .then(|| phrase_before(text, toks, first - 1))
                .flatten()
            };
            // "investments of 2 trillion yen in software", "spending of
            // $3 billion on roads": the noun before "of" is what is paid
            // (but "a total of $5 million in aid" is aid).
            let of_named = || {
                of_before().filter(|p| {
                    !p.of(text)
                        .rsplit(' ')
                        .next()
                        .is_some_and(|h| lower_in(h, GENERIC_SUM_NOUNS))
                })
            };
            worth_of
                .or_else(asked_for)
                .or_else(valued_at)
                .or_else(valued_aside)
                .or_else(worth_before)
                .or_else(|| np_here(after).filter(not_verb))
                .or_else(set_to)
                .or_else(object_changed)
                .or_else(|| via_prep.and(of_named()))
                .or(via_prep)
                .or_else(before_verb)
                .or_else(of_before)
        }
        _ => of_np(after)
            .or_else(|| np_here(after).filter(not_verb))
            .or_else(valued_at)
            .or_else(valued_aside)
            .or_else(set_to)
            .or_else(before_verb)
            .or_else(of_before)
            .or_else(|| {
                // "Of those, nearly 35,000 were children": a count with
                // no noun of its own names it after its verb "to be".
                let be = word(text, toks.get(after)?)?;
                if f.kind != ClaimKind::Count
                    || !lower_in(be, &["were", "are", "was", "is"])
                {
                    return None;
                }
                let p = np_after(text, toks, after + 1)?;
                let head = p.of(text).rsplit(' ').next()?;
                let plural = head.len() > 3
                    && head.ends_with('s')
                    && !head.ends_with("ss")
                    && !head.ends_with("us")
                    && !head.ends_with("is");
                let people = lower_in(
                    head,
                    &["children", "women", "men", "people", "police", "staff"],
                );
                let describes = p.of(text).split(' ').any(|w| {
                    ends_with_ci(w, "ed")
                        || ends_with_ci(w, "ing")
                        || ends_with_ci(w, "ly")
                        || TIME_WORDS.has(w)
                        || lower_in(w, &["dead", "alive", "missing"])
                });
                ((plural || people) && !describes).then_some(p)
            }),
    };
    found
}

/// Where the opening phrase of time or contrast of a sentence ends (its
/// comma's offset), or 0: "After the COVID-19 pandemic, coverage dropped
/// to 93%" sets the scene with a name that is not the subject. Only a
/// phrase without a verb ("After Parnevik started off, the Swede ..."
/// is a clause whose subject may be the sentence's).
fn scene_end(text: &str, toks: &[Token]) -> usize {
    let opens = toks.first().and_then(|t| word(text, t)).is_some_and(|w| {
        lower_in(
            w,
            &[
                "after",
                "before",
                "since",
                "during",
                "amid",
                "following",
                "despite",
                "until",
                "unlike",
                "like",
            ],
        )
    });
    if !opens {
        return 0;
    }
    let Some(comma) =
        toks.iter().take(16).position(|t| t.span.of(text) == ",")
    else {
        return 0;
    };
    let verb = toks[1..comma].iter().any(|t| {
        word(text, t).is_some_and(|w| {
            w.starts_with(char::is_lowercase)
                && (ends_with_ci(w, "ed")
                    || IRREGULAR_VERB_WORDS.has(w)
                    || AUXILIARIES.has(w)
                    || BE_FORMS.has(w))
        })
    });
    if verb {
        0
    } else {
        toks[comma].span.start
    }
}

/// The subject of a sentence: its first entity (not the attribution, not
/// a date or number), or its first capitalized phrase. `here` are the
/// entities of the sentence.
fn subject_of(
    text: &str,
    toks: &[Token],
    here: &[Entity],
    attribution: Option<Span>,
    scene_end: usize,
) -> Option<Span> {
    // "jumped 9% in Frankfurt trading": a place after a figure and a
    // preposition, describing a noun after it.
    let describes_after_figure = |e: &Entity| {
        let k = toks.partition_point(|t| t.span.start < e.span.start);
        let n = toks.partition_point(|t| t.span.start < e.span.end);
        k >= 2
            && word(text, &toks[k - 1])
                .is_some_and(|w| matches!(w, "in" | "at" | "from" | "near"))
            && (toks[k - 2].kind == TokenKind::Number
                || toks[k - 2].span.of(text) == "%")
            && toks.get(n).and_then(|t| word(text, t)).is_some_and(|w| {
                w.starts_with(|c: char| c.is_lowercase()) && !STOP_WORDS.has(w)
            })
    };
    // "a federal judge in Manhattan ordered": a place after a noun and
    // its preposition only says where the subject is.
    let where_of_a_noun = |e: &Entity| {
        let mut k = toks.partition_point(|t| t.span.start < e.span.start);
        // "cases in Europe and Central Asia": each place of a list.
        for _ in 0..4 {
            // "Hungary, Poland and the Czech Republic".
            if k >= 3 && lower_in(toks[k - 1].span.of(text), &["the"]) {
                k -= 1;
            }
            let listed = k >= 2
                && matches!(toks[k - 1].span.of(text), "and" | "or" | ",");
            let Some(p) = listed
                .then(|| {
                    here.iter().find(|p| {
                        p.kind == EntityType::Location
                            && p.span.end == toks[k - 2].span.end
                    })
                })
                .flatten()
            else {
                break;
            };
            k = toks.partition_point(|t| t.span.start < p.span.start);
        }
        k >= 2
            && word(text, &toks[k - 1])
                .is_some_and(|w| matches!(w, "in" | "at" | "from" | "near"))
            && (word(text, &toks[k - 2])
                .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()))
                || describes_after_figure(e))
    };
    let named = |e: &Entity| {
        matches!(
            e.kind,
            EntityType::Person
                | EntityType::Organization
                | EntityType::Location
        )
    };
    // "Andhra Pradesh's Telugu Desam Party won": the owner before a
    // possessive only says whose the subject is.
    let owner_of_a_name = |e: &Entity| {
        let after = &text[e.span.end..];
        let Some(rest) =
            after.strip_prefix("'s").or_else(|| after.strip_prefix("’s"))
        else {
            return false;
        };
        let next = e.span.end + (after.len() - rest.trim_start().len());
        // "Sri Lanka's ruling NPP won": past a few lowercase words that
        // describe the name.
        let first_word = toks.partition_point(|t| t.span.start < next);
        let k = past_describing_words(text, toks, first_word, toks.len());
        // Not a place: "Boehlert's upstate New York district".
        let named_at = |at: usize, place: bool| {
            here.iter().any(|o| {
                named(o)
                    && o.span.start == at
                    && (place || o.kind != EntityType::Location)
            })
        };
        named_at(next, true)
            || k > first_word
                && toks.get(k).is_some_and(|t| named_at(t.span.start, false))
    };
    // "The FCA fined Barclays £42 million": the one fined is what the
    // figure is about, not who fines.
    let fines_a_name = |e: &Entity| {
        let w = |k: usize| toks.get(k).and_then(|t| word(text, t));
        let mut k = toks.partition_point(|t| t.span.start < e.span.end);
        if w(k).is_some_and(|w| lower_in(w, &["has", "have", "had"])) {
            k += 1;
        }
        w(k).is_some_and(|w| lower_in(w, &["fined", "fines"]))
            && toks.get(k + 1).is_some_and(|n| {
                here.iter().any(|o| named(o) && o.span.start == n.span.start)
            })
    };
    // "Analysts surveyed by Bloomberg had forecast": a pollster is no
    // subject.
    let pollster = |start: usize| {
        let k = toks.partition_point(|t| t.span.start < start);
        k >= 2
            && word(text, &toks[k - 1]) == Some("by")
            && word(text, &toks[k - 2]).is_some_and(|w| lower_in(w, POLLED))
    };
    let ent = here.iter().find(|e| {
        named(e)
            && !pollster(e.span.start)
            && e.span.start >= scene_end
            && attribution.is_none_or(|a| !a.overlaps(e.span))
            && !(e.kind == EntityType::Location && where_of_a_noun(e))
            && !owner_of_a_name(e)
            && !fines_a_name(e)
    });
    if let Some(e) = ent {
        return Some(e.span);
    }
    // Fallback: the first capitalized phrase that is not a sentence-initial
    // function word, within the first few tokens.
    let mut i = toks.partition_point(|t| t.span.start <= scene_end);
    let i_end = toks.len().min(if scene_end > 0 { i + 8 } else { 8 });
    if scene_end == 0 {
        i = 0;
    }
    // The sentence's first word, after any opening quotation mark.
    let opening =
        toks.iter().position(|t| t.kind == TokenKind::Word).unwrap_or(0);
    while i < i_end {
        if is_cap(text, &toks[i]) {
            let w = toks[i].span.of(text);
            // Not a date ("said on Monday"), nor an adverb that starts
            // the sentence ("Nearly half of ...").
            // A month the date stage left untagged is no name either
            // ("The March contract", "coffee for May").
            let in_date = here.iter().any(|e| {
                e.kind == EntityType::Date && e.span.contains(toks[i].span)
            }) || lower_in(w, MONTHS)
                && toks.get(i + 1).is_none_or(|n| !is_cap(text, n));
            // "Nearly half", "Meanwhile, ...": an adverb or a word set off
            // at the start.
            let adverb = i == opening
                && (looks_like_adverb(w)
                    || toks
                        .get(i + 1)
                        .is_some_and(|n| n.span.of(text) == ","));
            // "Some 12 of its 27 members", "Around 40": a quantifier.
            let quantifier = lower_in(
                w,
                &[
                    "some",
                    "around",
                    "about",
                    "another",
                    "nearly",
                    "almost",
                    "roughly",
                    "over",
                    "under",
                    "more",
                    "fewer",
                    "less",
                    "most",
                    "many",
                    "only",
                    "just",
                    "all",
                    "each",
                    "both",
                    "several",
                    "up",
                    "at",
                    "approximately",
                    "estimated",
                ],
            );
            // "Rs 500 crore", "INR 40": a currency before its figure.
            let currency = (lower_in(w, &["rs", "re", "tk", "sh", "ksh"])
                || currency_code(w).is_some())
                && toks.get(i + 1).is_some_and(|n| {
                    n.kind == TokenKind::Number
                        || n.span.of(text) == "."
                            && toks
                                .get(i + 2)
                                .is_some_and(|n| n.kind == TokenKind::Number)
                });
            // "jumped 9% in Frankfurt trading": a place the entity pass
            // read as where something is stays no subject.
            let where_of = here.iter().any(|e| {
                e.kind == EntityType::Location
                    && e.span.contains(toks[i].span)
                    && describes_after_figure(e)
            });
            if STOP_WORDS.has(w)
                || lower_in(w, &["a", "an", "the"])
                || pollster(toks[i].span.start)
                || in_date
                || where_of
                || adverb
                || quantifier
                || currency
            {
                i += 1;
                continue;
            }
            let (s, end) = name_at(text, toks, i)?;
            // "Annual inflation stood at": one capitalized word opening
            // the sentence before a lowercase one is a common word, no
            // name, unless a verb follows ("Pakistan is", which the
            // gazetteer stage had not found).
            if i == opening
                && end == i + 1
                && toks.get(i + 1).is_some_and(|n| {
                    word(text, n).is_some_and(|w| {
                        w.starts_with(|c: char| c.is_lowercase())
                            && !AUXILIARIES.has(w)
                            && (!SPEECH_VERB_WORDS.has(w)
                                || states_a_noun(text, toks, i + 1))
                    })
                })
            {
                i += 1;
                continue;
            }
            let s = if s.of(text).ends_with("’s") {
                Span::new(s.start, s.end - "’s".len())
            } else {
                s
            };
            if attribution.is_some_and(|a| a.overlaps(s)) {
                return None;
            }
            // Drop a possessive tail: "Pakistan’s UN mission" -> subject is
            // the whole name; keep it simple.
            return Some(s);
        }
        i += 1;
    }
    None
}

/// Numbers the clauses of a sentence, one number per token in `out`, so
/// that a date anchors only the figures of its own clause. A clause
/// ends at `;`, at `, and`/`, but`/`, while`, at `and he`, and at `that`
/// after a verb of saying; a relative clause (`, who ...,`), a `, with`
/// phrase, a participle between commas (`, opened in 1998,`), a
/// parenthesis and a dash aside (`_ ... _`) are clauses of
/// their own, after which the enclosing clause resumes. `toks` are the
/// first tokens of the sentence's tokens `all`, which the numbering reads
/// ahead in.
fn clauses(
    text: &str,
    toks: &[Token],
    all: &[Token],
    dates: &[Span],
    out: &mut Clauses,
) {
    out.of_token.clear();
    // One allocation for the longest sentence so far, not one per
    // doubling.
    out.of_token.reserve(toks.len());
    out.parent.clear();
    out.parent.push(None);
    out.comparison.clear();
    out.comparison.push(false);
    let mut next = 0u32;
    let mut current = 0u32;
    // The clause to resume when an aside closes, and what closes it.
    let mut resume: Option<(u32, &[u8])> = None;
    // Whether the token before is a comma, carried over rather than
    // sliced out of the text again.
    let mut after_comma = false;
    // Bytes: every token is read, with no char boundary to check.
    let bytes = text.as_bytes();
    for (i, t) in toks.iter().enumerate() {
        let s = &bytes[t.span.range()];
        let prev_comma = std::mem::replace(&mut after_comma, s == b",");
        if let Some((back, closer)) = resume {
            if s == closer {
                // The closing mark belongs to the aside; the next token
                // is back in the enclosing clause.
                out.of_token.push(current);
                current = back;
                resume = None;
                continue;
            }
        }
        let comparison = prev_comma
            && lower_in_bytes(s, &["up", "down"])
            && all
                .get(i + 1)
                .is_some_and(|n| &bytes[n.span.range()] == b"from")
            || s == b"compared"
                && all.get(i + 1).is_some_and(|n| {
                    lower_in_bytes(&bytes[n.span.range()], &["with", "to"])
                });
        // An aside opens (with what closes it), or a new clause starts.
        let dash = || s == "—".as_bytes() || s == b"--" || s == "–".as_bytes();
        let (aside, new_clause): (Option<&[u8]>, bool) = match s {
            b"(" | b"[" => (Some(b")".as_slice()), false),
            b"_" if t.space_before => (Some(b"_".as_slice()), false),
            _ if t.space_before && dash() => (Some(s), false),
            b";" => (None, true),
            // "Then, with prices slumping in 1925, two companies ...": a
            // fronted phrase dates the clause it opens.
            _ if prev_comma
                && lower_in_bytes(s, &["with", "including"])
                && i < 4 =>
            {
                (None, false)
            }
            _ if prev_comma
                && lower_in_bytes(
                    s,
                    &[
                        "who",
                        "which",
                        "whom",
                        "whose",
                        "where",
                        "when",
                        // ", with almost half of them in 2025": the date
                        // of the aside stays in it.
                        "with",
                        "including",
                    ],
                ) =>
            {
                (Some(b",".as_slice()), false)
            }
            // ", a record that eclipsed the 3.9 million who voted in
            // 2020": an appositive on the clause keeps its date.
            // ", the highest since 1988": so is a superlative's.
            _ if prev_comma
                && (lower_in_bytes(s, &["a", "an"])
                    || s.eq_ignore_ascii_case(b"the")
                        && all.get(i + 1).is_some_and(|n| {
                            let n = &bytes[n.span.range()];
                            n.ends_with(b"est")
                                || lower_in_bytes(
                                    n,
                                    &["most", "least", "first"],
                                )
                        })) =>
            {
                (Some(b",".as_slice()), false)
            }
            // ", down from 24 percent in 2019", ", compared with ...": the
            // earlier figure's date is not the clause's.
            _ if comparison => (Some(b",".as_slice()), false),
            // "The airport, opened in 1998, handles 1,100 flights": a
            // participle set off between commas keeps its date.
            _ if prev_comma && participle_aside(text, all, i) => {
                (Some(b",".as_slice()), false)
            }
            _ if prev_comma
                && lower_in_bytes(
                    s,
                    &["and", "but", "while", "whereas", "although", "though"],
                ) =>
            {
                (None, true)
            }
            b"that" if after_saying(text, all, dates, i) => (None, true),
            // "rose 4% after falling 23% last week": a clause of time
            // after the figure's own is one of its own.
            _ if i > 0
                && lower_in_bytes(
                    s,
                    &["after", "before", "since", "while"],
                )
                && all.get(i + 1).is_some_and(|n| {
                    let next = &bytes[n.span.range()];
                    next.len() > 5
                        && next.ends_with(b"ing")
                        && next[0].is_ascii_lowercase()
                }) =>
            {
                (None, true)
            }
            // "employs 12,500 staff and plans to cut 2,000 jobs by
            // 2027": a second verb of intent with its infinitive.
            _ if s.eq_ignore_ascii_case(b"and")
                && all.get(i + 1).is_some_and(|n| {
                    let verb = &bytes[n.span.range()];
                    let after = all.get(i + 2).map(|a| &bytes[a.span.range()]);
                    let plans = lower_in_bytes(
                        verb,
                        &[
                            "plans",
                            "planned",
                            "expects",
                            "expected",
                            "aims",
                            "aimed",
                            "intends",
                            "intended",
                            "hopes",
                            "hoped",
                            "wants",
                            "wanted",
                            "seeks",
                            "sought",
                            "promised",
                            "pledged",
                            "vowed",
                            "agreed",
                            "decided",
                            "proposed",
                            "announced",
                            "forecast",
                            "warned",
                        ],
                    );
                    plans && after.is_some_and(|a| a == b"to")
                }) =>
            {
                (None, true)
            }
            // "... in Sweden and he had ...": a new subject, a new clause.
            _ if (s.eq_ignore_ascii_case(b"and")
                || s.eq_ignore_ascii_case(b"but"))
                && all.get(i + 1).is_some_and(|n| {
                    let next = &bytes[n.span.range()];
                    lower_in_bytes(next, &["he", "she", "they", "we"])
                }) =>
            {
                (None, true)
            }
            _ => (None, false),
        };
        if let Some(closer) = aside {
            let parent = if resume.is_none() {
                resume = Some((current, closer));
                Some(current)
            } else {
                out.parent.get(current as usize).copied().flatten()
            };
            next += 1;
            current = next;
            out.parent.push(parent);
            out.comparison.push(comparison);
        } else if new_clause {
            // A clause inside an aside keeps the aside's parent.
            let parent = if resume.is_some() {
                out.parent.get(current as usize).copied().flatten()
            } else {
                None
            };
            next += 1;
            current = next;
            out.parent.push(parent);
            out.comparison.push(false);
        }
        out.of_token.push(current);
    }
}

/// Whether token `i`, after a comma, opens a participle phrase that
/// another comma closes within a few words: ", opened in 1998,", ", built
/// by the state in 2010,".
fn participle_aside(text: &str, all: &[Token], i: usize) -> bool {
    let bytes = text.as_bytes();
    let at = |k: usize| all.get(k).map(|t| &bytes[t.span.range()]);
    let participle = all.get(i).and_then(|t| word(text, t)).is_some_and(|w| {
        w.starts_with(|c: char| c.is_ascii_lowercase())
            && (w.len() > 4 && w.ends_with("ed")
                || IRREGULAR_VERB_WORDS.has(w)
                || PAST_AFTER_NOUN_WORDS.has(w))
    });
    // "set up in 1949": past its particle.
    let i = i + usize::from(
        at(i + 1).is_some_and(|n| lower_in_bytes(n, &["up", "out", "off"])),
    );
    participle
        && at(i + 1).is_some_and(|n| {
            lower_in_bytes(n, &["in", "on", "by", "at", "during", "since"])
        })
        && (i + 2..all.len().min(i + 10))
            .any(|k| at(k) == Some(b",".as_slice()))
}

/// The clauses of a sentence: a clause number per token, and for each
/// clause the clause it is an aside of.
#[derive(Default)]
struct Clauses {
    of_token: Vec<u32>,
    parent: Vec<Option<u32>>,
    /// For each clause, whether it is a comparison set off after a
    /// figure (", down from 303", ", compared with ...").
    comparison: Vec<bool>,
}

/// Whether token `i` follows a verb of saying, maybe with a date between
/// (`said Friday that`).
fn after_saying(text: &str, toks: &[Token], dates: &[Span], i: usize) -> bool {
    let mut k = i;
    while k > 0 && dates.iter().any(|d| d.contains(toks[k - 1].span)) {
        k -= 1;
    }
    if k < i && k > 0 && toks[k - 1].span.of(text) == "on" {
        k -= 1;
    }
    let saying = |k: usize| {
        k > 0
            && word(text, &toks[k - 1])
                .is_some_and(|w| SPEECH_VERB_WORDS.has(w))
    };
    // "told lawmakers last Tuesday that", "told the committee that": the
    // one told stands between.
    saying(k)
        || (1..=3).any(|n| {
            k > n
                && toks[k - n - 1].span.of(text).eq_ignore_ascii_case("told")
                && toks[k - n..k].iter().all(|t| word(text, t).is_some())
        })
}

/// The date a figure refers to: the nearest one in the figure's clause
/// (or, for an aside without one, in the clause it stands in), leaving
/// out the time of a statement (`said Friday`).
/// `figures` are the sentence's, the one asked about at `at`.
fn time_of(
    text: &str,
    toks: &[Token],
    clauses: &Clauses,
    dates: &[Span],
    figures: &[Mention],
    at: Span,
    place: Place,
) -> Option<Span> {
    // No date, no time; `clauses` were not even numbered then.
    if dates.is_empty() {
        return None;
    }
    let clause_at = |start: usize| {
        let k = toks.partition_point(|t| t.span.start < start);
        clauses.of_token.get(k).copied()
    };
    // "fell to 410 from 525 in 2019", "from July's 51.2": the figure
    // compared with is dated only inside its comparison, not by the date
    // of the figure before it ("to 32.9% in October from 33.3% a month
    // earlier").
    let from = place.first.checked_sub(1).filter(|&f| {
        f > 0 && toks[f].span.of(text) == "from" && {
            let b = toks[f - 1].span;
            figures.iter().any(|m| m.span.contains(b))
                || dates.iter().any(|d| d.contains(b))
        }
    });
    let from = from.or_else(|| {
        // "from Thursday's $4.58": the date between.
        let d = dates.iter().find(|d| {
            d.end < at.start
                && matches!(text[d.end..at.start].trim(), "'s" | "’s")
        })?;
        let f = toks.partition_point(|t| t.span.start < d.start);
        let f = f.checked_sub(1)?;
        (toks[f].span.of(text) == "from").then_some(f)
    });
    // "up 12.9% from 2023", "fell to 250 from 303 in 2019", "below the
    // 2024 figure": the date of a comparison dates only what it compares
    // with, the figure inside it, not one before or after it.
    let own = |d: &Span| {
        let c = comparison_before(text, toks, figures, *d);
        match from {
            // After the figure, with no other figure between ("from 81
            // points at the close on Wednesday").
            Some(f) => {
                d.start > toks[f].span.start && d.end <= at.start
                    || d.start >= at.end
                        && !figures.iter().any(|m| {
                            m.span.start >= at.end && m.span.end <= d.start
                        })
            }
            None => c.is_none_or(|c| {
                toks[c].span.start < at.end && at.end <= d.start
            }),
        }
    };
    // `clause_at(at.start)`, its token found already.
    let here = clauses.of_token.get(place.first).copied()?;
    let own_date =
        date_in_clause(text, toks, &clause_at, dates, &own, here, at);
    // "since April, when they hit $90": the "when" clause is at the date,
    // not since it.
    let when = own_date
        .is_none()
        .then(|| when_of(text, toks, clauses, dates, place.first))
        .flatten();
    let found = own_date.or(when);
    // ", up from its current target of 2%": the figure compared with
    // has no date of the clause it is compared to.
    let found = if clauses.comparison.get(here as usize) == Some(&true)
        || describes_in_present(text, toks, clauses, place.first)
    {
        found
    } else {
        found.or_else(|| {
            let parent =
                clauses.parent.get(here as usize).copied().flatten()?;
            date_in_clause(text, toks, &clause_at, dates, &own, parent, at)
        })
    };
    found.map(|d| whole_date(text, toks, dates, d, when.is_none()))
}

/// Whether token `first` stands in a relative clause in the present
/// tense ("Pakistan, which hosts 2.8 million Afghans, began ... in
/// November", "The fund, which manages $1.4 trillion, was set up in
/// 1990"): it tells what holds now, which the date of the clause it
/// describes does not date (but "The storm, which killed 40 people, hit
/// the coast on Monday" does).
fn describes_in_present(
    text: &str,
    toks: &[Token],
    clauses: &Clauses,
    first: usize,
) -> bool {
    let Some(here) = clauses.of_token.get(first) else { return false };
    let mut k = first;
    while k > 0 && clauses.of_token.get(k - 1) == Some(here) {
        k -= 1;
    }
    let w = |k: usize| toks.get(k).and_then(|t| word(text, t)).unwrap_or("");
    if !lower_in(w(k), &["which", "who", "that"]) {
        return false;
    }
    let mut v = k + 1;
    if ends_with_ci(w(v), "ly") || lower_in(w(v), &["now", "still", "also"]) {
        v += 1;
    }
    let verb = w(v);
    lower_in(verb, &["is", "are", "has", "have"])
        && !lower_in(w(v + 1), &["been"])
        && !(lower_in(verb, &["has", "have"]) && ends_with_ci(w(v + 1), "ed"))
        || verb.len() > 3
            && verb.bytes().all(|b| b.is_ascii_lowercase())
            && verb.ends_with('s')
            && !verb.ends_with("ss")
            && !verb.ends_with("us")
            && v < first
        // "which account for 10%", "who live in camps": a plural present.
        || v < first
            && verb.len() > 2
            && verb.bytes().all(|b| b.is_ascii_lowercase())
            && !verb.ends_with("ed")
            && !verb.ends_with("ing")
            && !AUXILIARIES.has(verb)
            && !STOP_WORDS.has(verb)
            && !PAST_AFTER_NOUN_WORDS.has(verb)
            && (!IRREGULAR_VERB_WORDS.has(verb)
                || lower_in(
                    verb,
                    &["remain", "live", "need", "face", "take", "get", "come"],
                ))
}

/// The date a `, when` clause holding token `first` hangs on: "than in
/// September, when it cut by 250 points" dates the 250 by September,
/// not by the date of the clause the aside stands in.
fn when_of(
    text: &str,
    toks: &[Token],
    clauses: &Clauses,
    dates: &[Span],
    first: usize,
) -> Option<Span> {
    let here = clauses.of_token.get(first)?;
    let mut k = first;
    while k > 0 && clauses.of_token.get(k - 1) == Some(here) {
        k -= 1;
    }
    // The clause opens with "when" after a comma after the date, or after
    // a noun it dates ("the 2014 level, when").
    if k < 2
        || toks[k].span.of(text) != "when"
        || toks[k - 1].span.of(text) != ","
    {
        return None;
    }
    (k.saturating_sub(4)..k - 1).rev().find_map(|j| {
        let d = dates.iter().find(|d| d.end == toks[j].span.end)?;
        toks[j + 1..k - 1]
            .iter()
            .all(|t| {
                word(text, t)
                    .is_some_and(|w| !w.starts_with(char::is_uppercase))
            })
            .then_some(*d)
    })
}

/// Date `d` with the dates that run on from it or into it as one
/// expression: "May last year", "between 2022 and 2031", "from 2019 to
/// 2023", "between January and March 2024", and with `since` the time
/// from it on ("since 2011"); the date entities cut them apart, and the
/// first alone would misdate the figure.
fn whole_date(
    text: &str,
    toks: &[Token],
    dates: &[Span],
    d: Span,
    since: bool,
) -> Span {
    let at = |start: usize| toks.partition_point(|t| t.span.start < start);
    let w = |k: usize| toks.get(k).and_then(|t| word(text, t)).unwrap_or("");
    let mut whole = d;
    // A date and the relative one that places it ("May last year",
    // "Thursday this week"), with nothing but a space between.
    let relative = |n: &Span| {
        let w = n.of(text);
        ["last ", "this ", "next "].iter().any(|p| {
            w.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p))
        })
    };
    let beside = |a: &Span, b: &Span| {
        a.end < b.start
            && text[a.end..b.start].trim().is_empty()
            && relative(b)
    };
    if let Some(p) = dates.iter().find(|p| beside(p, &whole)) {
        whole = Span::new(p.start, whole.end);
    } else if let Some(n) = dates.iter().find(|n| beside(&whole, n)) {
        whole = Span::new(whole.start, n.end);
    }
    // "the fiscal year ended March 31", "the three months to June": the
    // period that ends at the date, written whole.
    if let Some(k) = period_before(text, toks, whole) {
        return Span::new(toks[k].span.start, whole.end);
    }
    // "Thursday night": a day with its part (the DATE entity is the
    // day's alone).
    let next = at(whole.end);
    if w(next).len() > 4
        && lower_in(w(next), &["night", "morning", "afternoon", "evening"])
        && whole.of(text).ends_with(|c: char| c.is_ascii_alphabetic())
        && !whole.of(text).contains(' ')
    {
        whole = Span::new(whole.start, toks[next].span.end);
    }
    // A span of time, "between A and B" or "from A to B", with its
    // preposition: without it "2022 and 2031" reads as two dates.
    let first = at(whole.start);
    let opens = first.checked_sub(1).map(w);
    let (from, to) = match opens {
        Some(o) if o.eq_ignore_ascii_case("between") => ("between", "and"),
        Some(o) if o.eq_ignore_ascii_case("from") => ("from", "to"),
        _ => ("", ""),
    };
    if !from.is_empty() {
        let link = at(whole.end);
        let ends = dates.iter().find(|n| {
            toks.get(link + 1).is_some_and(|t| t.span.start == n.start)
        });
        // "from Sunday until Tuesday" spans as "from ... to" does.
        let links = w(link) == to
            || to == "to" && lower_in(w(link), &["until", "till", "through"]);
        if let Some(n) = ends.filter(|_| links) {
            return Span::new(toks[first - 1].span.start, n.end);
        }
    }
    // "killed 400 since 2011": the time from a date on, with its "since"
    // (a "since" compared with, "the highest since 1991", dates no figure).
    if since && opens.is_some_and(|o| o.eq_ignore_ascii_case("since")) {
        return Span::new(toks[first - 1].span.start, whole.end);
    }
    // "between 2022 and 2031" asked from its end.
    let link = first.checked_sub(1);
    if let Some(link) = link.filter(|&l| {
        l >= 2 && matches!(w(l), "and" | "to" | "until" | "till" | "through")
    }) {
        let opener = if w(link) == "and" { "between" } else { "from" };
        if let Some(p) =
            dates.iter().find(|p| p.end == toks[link - 1].span.end)
        {
            let o = at(p.start);
            if o > 0 && w(o - 1).eq_ignore_ascii_case(opener) {
                return Span::new(toks[o - 1].span.start, whole.end);
            }
        }
    }
    whole
}

/// Period nouns of accounts, which a date ends: "the year ended March
/// 31", "the quarter to June".
const PERIOD_NOUNS: &[&str] =
    &["year", "quarter", "half", "half-year", "months", "weeks", "period"];

/// The first token of the period that date `d` ends, if it ends one:
/// "fiscal year ended March 31", "three months to June", "the year
/// through September" (from the period's modifier or count, without its
/// article).
fn period_before(text: &str, toks: &[Token], d: Span) -> Option<usize> {
    let at = toks.partition_point(|t| t.span.start < d.start);
    let w = |k: usize| word(text, &toks[k]).unwrap_or("");
    if at < 2
        || !lower_in(w(at - 1), &["ended", "ending", "to", "through"])
        || !lower_in(w(at - 2), PERIOD_NOUNS)
    {
        return None;
    }
    let mut k = at - 2;
    // "the three months", "the 12 months", "the fiscal year".
    let months = lower_in(w(k), &["months", "weeks"]);
    if k > 0
        && (months
            && (toks[k - 1].kind == TokenKind::Number
                || is_number_word_ci(w(k - 1)))
            || lower_in(w(k - 1), &["fiscal", "financial", "business"]))
    {
        k -= 1;
    }
    // Bare "months to June" or "year to March" needs its article or
    // modifier: "rose 3% year to date" is no period.
    (k < at - 2 || k > 0 && lower_in(w(k - 1), &["the", "a"])).then_some(k)
}

/// The first token of the comparison that date `d` ends, if it ends one:
/// "from 2023", "from 303 in 2019", "compared with 2.1% in 2022", "the
/// biggest majority since 1943", "than in 2019", "below the 2024 figure",
/// with at most a figure of `figures` and a few linking words between. A
/// span of time ("from 2019 to 2023") or a "since" of no superlative
/// ("killed 400 since 2011") compares nothing.
fn comparison_before(
    text: &str,
    toks: &[Token],
    figures: &[Mention],
    d: Span,
) -> Option<usize> {
    let w = |k: usize| word(text, &toks[k]).unwrap_or("");
    let first = toks.partition_point(|t| t.span.start < d.start);
    let mut k = first;
    let mut figure = false;
    while k > 0 && first - k < 8 {
        let t = toks[k - 1].span;
        if figures.iter().any(|m| m.span.contains(t)) {
            figure = true;
        } else if !lower_in(
            w(k - 1),
            &[
                "in", "the", "a", "same", "period", "levels", "level", "end",
                "of", "at",
            ],
        ) {
            break;
        }
        k -= 1;
    }
    let c = k.checked_sub(1)?;
    let after = toks.partition_point(|t| t.span.start < d.end);
    let span_of_time = !figure
        && toks.get(after).and_then(|t| word(text, t)).is_some_and(|n| {
            // Not "and": "down 4 points from 2018 and 12 below 1994".
            lower_in(n, &["to", "through", "until", "till"])
        });
    let compares = match w(c) {
        "from" => !span_of_time,
        // "slightly below the 2024 figure", "higher than two years ago",
        // "10 points below 1992".
        "than" | "below" | "above" => true,
        "with" | "to" => c > 0 && w(c - 1) == "compared",
        // "the deadliest in the state since January": back over a few
        // words, never a verb or a figure ("the first group has killed
        // 400 since 2011" dates the 400).
        "since" => (c.saturating_sub(6)..c)
            .rev()
            .take_while(|&j| {
                let x = w(j);
                let past_tense = x.len() > 4 && x.ends_with("ed");
                !(x.is_empty() || past_tense || AUXILIARIES.has(x))
            })
            .any(|j| lower_in(w(j), SUPERLATIVES)),
        _ => false,
    };
    // Lazily: "c - 1" is asked only when "compared" stands before.
    let found =
        compares
            .then(|| if matches!(w(c), "with" | "to") { c - 1 } else { c });
    // "30% more than at the last ministerial meeting in 2022": a "than"
    // a few lowercase words before (no figure's own "more than").
    found.or_else(|| {
        (c.saturating_sub(6)..=c)
            .rev()
            .take_while(|&j| {
                w(j).starts_with(char::is_lowercase)
                    && !figures.iter().any(|m| m.span.contains(toks[j].span))
            })
            .find(|&j| w(j) == "than")
    })
}

/// Words after which "since" a date compares ("the biggest majority since
/// 1943", "the first time since 2008").
const SUPERLATIVES: &[&str] = &[
    "biggest",
    "largest",
    "highest",
    "lowest",
    "greatest",
    "strongest",
    "weakest",
    "fastest",
    "slowest",
    "smallest",
    "worst",
    "best",
    "deepest",
    "sharpest",
    "steepest",
    "heaviest",
    "deadliest",
    "longest",
    "shortest",
    "widest",
    "narrowest",
    "hottest",
    "coldest",
    "warmest",
    "wettest",
    "driest",
    "busiest",
    "cheapest",
    "fewest",
    "oldest",
    "youngest",
    "most",
    "least",
    "first",
    "record",
];

/// The date of clause `here` nearest to `at`.
fn date_in_clause(
    text: &str,
    toks: &[Token],
    clause_at: &dyn Fn(usize) -> Option<u32>,
    dates: &[Span],
    own: &dyn Fn(&Span) -> bool,
    here: u32,
    at: Span,
) -> Option<Span> {
    dates
        .iter()
        .copied()
        .filter(|d| {
            clause_at(d.start) == Some(here)
                && own(d)
                && !names_a_contract(text, toks, *d)
        })
        .filter(|d| {
            // "said Friday", "said on Friday": when it was said.
            let mut k = toks.partition_point(|t| t.span.start < d.start);
            if k > 0 && toks[k - 1].span.of(text) == "on" {
                k -= 1;
            }
            // "told parliament on Thursday": past the one told.
            let mut j = k;
            while j > 0
                && k - j < 3
                && word(text, &toks[j - 1]).is_some_and(|w| {
                    !STOP_WORDS.has(w)
                        && !lower_in(w, &["told", "tells", "briefed"])
                })
            {
                j -= 1;
            }
            let told = j < k
                && j > 0
                && word(text, &toks[j - 1]).is_some_and(|w| {
                    lower_in(w, &["told", "tells", "briefed"])
                });
            let said = k > 0
                && word(text, &toks[k - 1])
                    .is_some_and(|w| SPEECH_VERB_WORDS.has(w));
            !(told || said)
        })
        .filter(|d| !until(text, toks, dates, *d))
        .filter(|d| !dates_another_noun(text, toks, *d, at))
        .min_by_key(|d| {
            // "rose 1.2% in June after a 2.8% fall in May": a date right
            // after the figure's own noun dates it first.
            let own_noun = d.start >= at.end
                && text.get(at.end..d.start).is_some_and(|b| {
                    // Two or three words: a fourth is not looked for
                    // past, and the words need no list of their own.
                    let mut four = [""; 4];
                    let mut n = 0;
                    for (slot, w) in four.iter_mut().zip(b.split_whitespace())
                    {
                        *slot = w;
                        n += 1;
                    }
                    let words = &four[..n];
                    (2..=3).contains(&words.len())
                        && words
                            .iter()
                            .all(|w| w.bytes().all(|c| c.is_ascii_lowercase()))
                        && matches!(
                            words.last(),
                            Some(&("in" | "on" | "during"))
                        )
                        && !words[..words.len() - 1]
                            .iter()
                            .any(|w| STOP_WORDS.has(w))
                });
            // "a profit of 5.35 trillion yen for the fiscal year ended
            // March 31", reported "on Wednesday": the period's end dates
            // the figure before it, not the day of the report.
            let period = d.start >= at.end
                && period_before(text, toks, *d).is_some()
                && text
                    .get(at.end..d.start)
                    .is_some_and(|b| !b.contains([',', ';']));
            if own_noun || period {
                return 0;
            }
            if d.end <= at.start {
                at.start - d.end
            } else {
                d.start.saturating_sub(at.end)
            }
        })
}

/// Whether date `d` dates a participle or relative clause that describes
/// another noun than the figure at `at` counts: "hosts 2.8 million
/// Afghans under the programme, launched in November 2023", "700,000
/// refugees, many in camps opened in 1992", "cut its forecast to 2.1%,
/// citing tariffs that took effect in April". The date is that noun's
/// (when the plan began), not the figure's. A participle on the figure's
/// own noun dates it ("80 people killed on Friday", "5,000 cases of
/// cholera reported in March"), and so may a verb after a figure that
/// opens its clause ("300 families in the village fled in March").
fn dates_another_noun(text: &str, toks: &[Token], d: Span, at: Span) -> bool {
    let w = |k: usize| toks.get(k).and_then(|t| word(text, t)).unwrap_or("");
    let mut k = toks.partition_point(|t| t.span.start < d.start);
    // "in early 2023", "at the end of March".
    let mut steps = 0;
    while k > 0
        && steps < 3
        && lower_in(
            w(k - 1),
            &["the", "early", "late", "mid", "end", "start", "middle", "of"],
        )
    {
        k -= 1;
        steps += 1;
    }
    if k > 0 && lower_in(w(k - 1), &["in", "on", "during", "since", "at"]) {
        k -= 1;
    }
    // "the three months ended in March" dates the figure of the period.
    let past = |verb: &str| {
        verb.starts_with(|c: char| c.is_ascii_lowercase())
            && (verb.len() > 4 && verb.ends_with("ed")
                || PAST_AFTER_NOUN_WORDS.has(verb)
                || IRREGULAR_VERB_WORDS.has(verb)
                    && !lower_in(
                        verb,
                        &[
                            "remain", "live", "need", "face", "take", "get",
                            "go", "come",
                        ],
                    ))
            && !lower_in(verb, &["ended", "compared", "expected", "forecast"])
    };
    // The verb, past its particle ("set up in 1949") or, in a clause of
    // its own, its object ("that took effect in April").
    let Some(mut v) = k.checked_sub(1) else { return false };
    let mut object = false;
    if v > 0 && lower_in(w(v), &["up", "out", "off", "down"]) {
        v -= 1;
    } else if v > 1 && !past(w(v)) {
        let plain = |x: &str| {
            x.starts_with(|c: char| c.is_ascii_lowercase())
                && !is_function_word(x)
        };
        if plain(w(v)) && past(w(v - 1)) {
            v -= 1;
            object = true;
        }
    }
    if !past(w(v))
        || v == 0
        || toks[v].span.end > at.start && toks[v].span.start < at.end
    {
        return false;
    }
    // What the verb hangs on: a comma, a relative pronoun (past any
    // auxiliary: "that was launched in"), or a noun right before it.
    let mut q = v - 1;
    while q > 0 && AUXILIARIES.has(w(q)) {
        q -= 1;
    }
    let comma = toks[q].span.of(text) == ",";
    let relative = lower_in(w(q), &["that", "which", "who"]) && q < v;
    // The figure after the verb is its own clause's, but for a relative
    // clause in the subject, closed by the main verb before the figure:
    // "the toll from the quake that struck in February rose to 50,000".
    if at.start >= toks[v].span.end {
        let d_end = toks.partition_point(|t| t.span.start < d.end);
        let f = toks.partition_point(|t| t.span.start < at.start);
        return relative
            && q > 0
            && word(text, &toks[q - 1]).is_some_and(|n| !is_function_word(n))
            && (d_end..f).any(|j| {
                let x = w(j);
                finite_verb(x) || AUXILIARIES.has(x) && !looks_like_adverb(x)
            });
    }
    if object && !relative && !comma {
        return false;
    }
    let noun_end = if comma || relative {
        match q.checked_sub(1) {
            Some(n) => n,
            None => return false,
        }
    } else {
        if q + 1 != v {
            return false;
        }
        q
    };
    let noun = w(noun_end);
    if noun.is_empty()
        || is_function_word(noun)
        || AUXILIARIES.has(noun)
        || SPEECH_VERB_WORDS.has(noun)
        || relative && finite_verb(noun)
        || !comma && ends_with_ci(noun, "ly")
    {
        return false;
    }
    // The figure's own noun, maybe with an "of" phrase, right before.
    let after = toks.partition_point(|t| t.span.start < at.end);
    if after > noun_end {
        return false;
    }
    let own = (after..=noun_end).all(|j| {
        let x = w(j);
        !x.is_empty()
            && (!is_function_word(x) || lower_in(x, &["of", "the", "a", "an"]))
    });
    if own {
        return false;
    }
    if comma {
        return true;
    }
    // "since the liberation of the city began Oct. 17": the verb of a
    // clause of time, which dates the figure.
    let time_clause = (noun_end.saturating_sub(6)..noun_end).rev().any(|j| {
        lower_in(w(j), &["since", "after", "before", "when", "until", "as"])
    });
    if time_clause && !relative {
        return false;
    }
    // A figure that opens its clause is the subject the verb may be the
    // main verb of: "300 families in the village fled in March".
    let mut f = toks.partition_point(|t| t.span.start < at.start);
    while f > 0 && lower_in(w(f - 1), &["the", "all", "some", "of", "whom"]) {
        f -= 1;
    }
    let opens = f == 0
        || toks[f - 1].kind != TokenKind::Word
        || lower_in(
            w(f - 1),
            &["that", "and", "but", "while", "whereas", "as", "when", "where"],
        )
        || SPEECH_VERB_WORDS.has(w(f - 1));
    !opens
}

/// Whether date `d` ends a time to come or a span ("until the end of the
/// first quarter of 2026", "till March"): how long something lasts, not
/// when a figure held.
fn until(text: &str, toks: &[Token], dates: &[Span], d: Span) -> bool {
    let mut k = toks.partition_point(|t| t.span.start < d.start);
    while k > 0
        && word(text, &toks[k - 1]).is_some_and(|w| {
            lower_in(
                w,
                &[
                    "the",
                    "end",
                    "of",
                    "start",
                    "beginning",
                    "middle",
                    "early",
                    "late",
                    "mid",
                ],
            )
        })
    {
        k -= 1;
    }
    // "from Sunday until Tuesday" is a span, written whole.
    let span_end =
        k >= 2 && dates.iter().any(|p| p.end == toks[k - 2].span.end);
    k > 0
        && !span_end
        && word(text, &toks[k - 1])
            .is_some_and(|w| lower_in(w, &["until", "till", "til"]))
}

/// The months' names, which the date stage leaves untagged where they
/// may be other words ("the March contract", "coffee for May").
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Words that make the month before them a futures contract's: "for
/// December delivery", "the March contract", "June futures".
const CONTRACT_WORDS: &[&str] =
    &["delivery", "contract", "contracts", "futures", "options"];

/// Whether the date `d` (its whole span, or a month's word) names a
/// futures contract ("Brent crude for December delivery", "the December
/// 2026 contract", "U.S. crude futures for January") or a debt by the
/// year it matures ("the 2053 bond") rather than when a figure holds: the
/// time is the story's own.
fn names_a_contract(text: &str, toks: &[Token], d: Span) -> bool {
    let w = |k: usize| toks.get(k).and_then(|t| word(text, t)).unwrap_or("");
    let first = toks.partition_point(|t| t.span.start < d.start);
    let after = toks.partition_point(|t| t.span.start < d.end);
    // "the 2053 bond yielded 4.9%": a year that names a maturity.
    let maturity = d.len() == 4
        && d.of(text).bytes().all(|b| b.is_ascii_digit())
        && lower_in(
            w(after),
            &[
                "bond",
                "bonds",
                "note",
                "notes",
                "maturity",
                "maturities",
                "paper",
                "bill",
                "bills",
                "debt",
                "securities",
                "issue",
                "tranche",
                "yield",
            ],
        );
    maturity
        || lower_in(w(after), CONTRACT_WORDS)
        || first >= 2
            && w(first - 1) == "for"
            && lower_in(w(first - 2), &["crude", "futures", "contract"])
}

/// What a figure counts when its noun names a futures contract by its
/// month (`c`): "Brent crude for December delivery rose 2%" counts the
/// crude, "the March contract settled at $4.12" the contract; a month
/// alone counts nothing ("raised to A$2,000 this July").
fn past_contract_month(text: &str, toks: &[Token], c: Span) -> Option<Span> {
    let first = toks.partition_point(|t| t.span.start < c.start);
    let end = toks.partition_point(|t| t.span.start < c.end);
    let w = |k: usize| toks.get(k).map_or("", |t| t.span.of(text));
    if first >= end || !lower_in(w(first), MONTHS) {
        return Some(c);
    }
    // The month, maybe a year, maybe a contract word: nothing else.
    let mut k = first + 1;
    if toks.get(k).is_some_and(|t| t.kind == TokenKind::Number) {
        k += 1;
    }
    let contract = k < end && lower_in(w(k), CONTRACT_WORDS);
    if k + usize::from(contract) != end {
        return Some(c);
    }
    let after_for = first >= 2 && w(first - 1) == "for";
    if after_for {
        if let Some(p) = phrase_before(text, toks, first - 1) {
            return Some(p);
        }
    }
    contract.then(|| toks[k].span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::DateStage;
    use crate::segment::Segmenter;

    struct Row {
        text: String,
        value: f64,
        counted: String,
        attribution: String,
        subject: String,
        time: String,
    }

    /// The row of `rows` whose figure is quoted `text`.
    fn row<'r>(rows: &'r [Row], text: &str) -> &'r Row {
        rows.iter()
            .find(|r| r.text == text)
            .unwrap_or_else(|| panic!("no claim {text:?}"))
    }

    fn claims(text: &str) -> Vec<Row> {
        let mut seg = Segmentation::default();
        Segmenter::new().segment(text, &mut seg);
        let mut ents = Vec::new();
        DateStage::new()
            .expect("dates compile")
            .extract(text, &seg, &mut ents);
        let mut out = Vec::new();
        let mut nums = Vec::new();
        ClaimStage::new()
            .expect("stage builds")
            .extract(text, &seg, &ents, &mut out, &mut nums);
        let q = |s: Option<Span>| {
            s.map_or(String::new(), |s| s.of(text).to_string())
        };
        out.iter()
            .map(|c| Row {
                text: c.span.of(text).to_string(),
                value: c.value,
                counted: match c.counted_implied {
                    Some(w) if c.counted.is_none() => w.to_string(),
                    _ => q(c.counted),
                },
                attribution: q(c.attribution),
                subject: q(c.subject),
                time: q(c.time),
            })
            .collect()
    }

    #[test]
    fn claim_assembly_on_sentence_shapes() {
        // (sentence, claim text, value, counted, attribution, time)
        let cases: &[(&str, &str, f64, &str, &str, &str)] = &[
            (
                "According to the International Organization for Migration, \
                 nearly 1.5 million Afghans have returned since the drive began.",
                "nearly 1.5 million", 1.5e6, "Afghans",
                "International Organization for Migration", "",
            ),
            (
                "The group cited data from the United Nations High \
                 Commissioner for Refugees, saying arrests and detentions of \
                 refugees had increased tenfold last year, with more than \
                 115,000 cases recorded.",
                "more than 115,000", 115000.0, "cases",
                "United Nations High Commissioner for Refugees", "last year",
            ),
            (
                "Police said at least 80 protesters were killed on Friday.",
                "at least 80", 80.0, "protesters", "Police", "Friday",
            ),
            (
                "Sales rose 3.7 percent in March, the company said.",
                "3.7 percent", 3.7, "Sales", "company", "March",
            ),
            (
                "The ministry spent $2.3bn on 48 new hospitals, said Ali Khan.",
                "48", 48.0, "new hospitals", "Ali Khan", "",
            ),
            (
                "Almost half of those returns took place in 2025 alone.",
                "Almost half", 0.5, "returns", "", "2025",
            ),
            (
                "A total of 182 of its peacekeepers have lost their lives.",
                "182", 182.0, "peacekeepers", "", "",
            ),
            (
                "Oxfam's data show 2,000 families were displaced.",
                "2,000", 2000.0, "families", "Oxfam", "",
            ),
        ];
        for &(s, text, value, counted, attr, time) in cases {
            let rows = claims(s);
            let r = rows
                .iter()
                .find(|r| r.text == text)
                .unwrap_or_else(|| panic!("{text:?} in {s:?}"));
            assert_eq!(r.value, value, "{s:?}");
            assert_eq!(r.counted, counted, "{s:?}");
            assert_eq!(r.attribution, attr, "{s:?}");
            assert_eq!(r.time, time, "{s:?}");
        }
    }

    /// One case per error class of attribution that was fixed:
    /// (text, claim text, expected attribution).
    #[test]
    fn attribution_error_classes() {
        let cases: &[(&str, &str, &str)] = &[
            // A source nearer the figure than the sentence's speaker.
            (
                "The ministry has said supplies are short, and the Centre \
                 for the Study of Trade, a Berlin think tank, estimated \
                 that 40 ships were waiting.",
                "40",
                "Centre for the Study of Trade",
            ),
            (
                "The Tea Growers Union estimates the crop will be worth \
                 $3 billion this year, said Ana Ruiz, its director.",
                "$3 billion",
                "Tea Growers Union",
            ),
            // A speaker that opens the sentence, without its article.
            (
                "The International Organization for Migration estimated \
                 that about 1.5 million people had returned.",
                "about 1.5 million",
                "International Organization for Migration",
            ),
            // ... but a participle names no source.
            (
                "Ana Ruiz said the rise, first reported as 8 cents, was \
                 revised.",
                "8 cents",
                "Ana Ruiz",
            ),
            // A short parenthesis between the speaker and the verb.
            (
                "The Asian Development Bank (ADB) said it would lend \
                 $2 billion to the region.",
                "$2 billion",
                "Asian Development Bank",
            ),
            // A participle of saying after a comma: the subject speaks.
            (
                "The World Bank cut its forecast, warning that growth \
                 would slow to 2.1 percent.",
                "2.1 percent",
                "World Bank",
            ),
            (
                "But Maria Okafor, a farmer, told a different story, \
                 saying 40 families had left.",
                "40",
                "Maria Okafor",
            ),
            // ... but not a participle that reports nothing.
            (
                "The agency cut 300 jobs, adding a burden to the region.",
                "300",
                "",
            ),
            // A capitalized "States" is a name part, not a verb.
            (
                "Aid groups flew in 300 tonnes of food from the United \
                 States.",
                "300 tonnes",
                "",
            ),
            // "said the X cannot": the reported clause, not the speaker.
            (
                "The council rejected the plan and said the Riverside \
                 Mill cannot employ more than 200 workers.",
                "more than 200",
                "",
            ),
            // A comma before a measure opens no appositive.
            (
                "Residents of Linden, 70 miles south of the capital, say \
                 3,000 homes lost power.",
                "3,000",
                "",
            ),
            // Scare quotes inside a sentence make it no quotation.
            (
                "``We are broke,'' the mayor said. The city called the \
                 cuts a ``painful necessity'' and laid off 300 workers.",
                "300",
                "",
            ),
            // "he found a job", "said they had": no pronoun speakers.
            (
                "Okoye said the move paid off. He went to Lagos, where he \
                 found a job paying 50,000 naira.",
                "50,000 naira",
                "",
            ),
            (
                "The ministry said rain was late. Twenty percent of them, \
                 a record, said they had lost cattle.",
                "Twenty percent",
                "",
            ),
            // A quotation running over sentences keeps its speaker.
            (
                "Amina Yusuf said the river rose overnight. ``By morning,'' \
                 she said, ``the water was everywhere. We counted 35 \
                 flooded houses on our street.'' Help came later.",
                "35",
                "Amina Yusuf",
            ),
        ];
        for &(s, text, attr) in cases {
            let rows = claims(s);
            let r = rows
                .iter()
                .find(|r| r.text == text)
                .unwrap_or_else(|| panic!("{text:?} in {s:?}"));
            assert_eq!(r.attribution, attr, "{s:?}");
        }
    }

    /// One case per error class of time anchoring that was fixed:
    /// (text, claim text, expected time).
    #[test]
    fn time_stays_in_its_clause() {
        let cases: &[(&str, &str, &str)] = &[
            // A ", with" phrase keeps its date to itself ...
            (
                "Officials said 2 million people have fled since the war \
                 began, with almost a third of them leaving in 2024 alone.",
                "2 million",
                "",
            ),
            (
                "Officials said 2 million people have fled since the war \
                 began, with almost a third of them leaving in 2024 alone.",
                "almost a third",
                "2024",
            ),
            // ... but takes the date of its clause when it has none.
            (
                "Arrests rose fivefold last year, with more than 9,000 \
                 cases recorded.",
                "more than 9,000",
                "last year",
            ),
            // A relative clause keeps its date.
            (
                "Kim, who joined the club last season, scored 12 goals.",
                "12",
                "",
            ),
            // A relative clause without a date takes its clause's.
            (
                "Sales peaked in 2019, when the firm sold 40,000 cars.",
                "40,000",
                "2019",
            ),
            // A coordinate clause with a new subject.
            (
                "The team won the cup on Sunday and they now face 14 \
                 away games.",
                "14",
                "",
            ),
            ("Prices fell in March; exports rose 4 percent.", "4 percent", ""),
            // The time of a statement is not the figure's.
            (
                "The ministry said on Monday that 300 schools had closed.",
                "300",
                "",
            ),
            // A parenthesis keeps its date to itself.
            (
                "The index fell 3 percent in March (its worst month since \
                 2008).",
                "3 percent",
                "March",
            ),
            // A fronted phrase dates the clause it opens.
            (
                "Then, with prices falling in 1998, two mills closed.",
                "two",
                "1998",
            ),
            // A participle or relative clause on another noun dates that
            // noun, not the figure ...
            (
                "Chad, which shelters about 1.2 million Sudanese, has \
                 sought funds for the appeal, issued in May 2024.",
                "about 1.2 million",
                "",
            ),
            (
                "The clinic treated 900 patients in tents set up in \
                 January.",
                "900",
                "",
            ),
            (
                "The bank trimmed its outlook to 1.8%, blaming duties that \
                 took effect in April.",
                "1.8%",
                "",
            ),
            ("The board, set up in 2011, oversees 40 ports.", "40", ""),
            // ... nor does the time of the clause a present-tense
            // relative clause describes.
            (
                "The trust, which owns 3,000 acres, was founded in 1952.",
                "3,000 acres",
                "",
            ),
            // The figure's own noun, a clause of time and a verb after a
            // figure opening its clause still date it.
            (
                "Rescuers recovered 60 bodies of miners trapped on Sunday.",
                "60",
                "Sunday",
            ),
            (
                "Troops retook 30 villages after the offensive began on \
                 Monday.",
                "30",
                "Monday",
            ),
            (
                "Aid workers said 500 families in the valley fled in June.",
                "500",
                "June",
            ),
            (
                "The cyclone, which killed 70 people, struck on Tuesday.",
                "70",
                "Tuesday",
            ),
            // A superlative's "since" a few words back compares.
            (
                "The clash, 20 km from the border, was the worst in the \
                 region since March.",
                "20 km",
                "",
            ),
            // A relative clause in the subject keeps its date, and so
            // does one that tells what holds now.
            (
                "The toll from the storm that hit in June rose to 1,300.",
                "1,300",
                "",
            ),
            (
                "Since 2019, 12 hikers have died on trails, which climb \
                 up to 3,000 metres.",
                "up to 3,000 metres",
                "",
            ),
            // A span of time back from now dates the figures of its
            // clause, and a day keeps its part.
            (
                "Over the past six years the charity has planted 90,000 \
                 trees.",
                "90,000",
                // The DATE the date stage finds, without its article.
                "past six years",
            ),
            (
                "The striker scored twice on Saturday night, taking his \
                 tally to 14.",
                "14",
                "Saturday night",
            ),
            // A budget's year is a time.
            (
                "Borrowing will fall to 3.1% of output next financial year.",
                "3.1%",
                "next financial year",
            ),
            (
                "The ministry's budget for the 2027 fiscal year is $9 \
                 billion.",
                "$9 billion",
                "2027 fiscal year",
            ),
        ];
        for &(s, text, time) in cases {
            let rows = claims(s);
            let r = rows
                .iter()
                .find(|r| r.text == text)
                .unwrap_or_else(|| panic!("{text:?} in {s:?}"));
            assert_eq!(r.time, time, "{text:?} in {s:?}");
        }
    }

    /// One case per error class of `counted` that was fixed:
    /// (text, claim text, expected counted).
    #[test]
    fn counted_error_classes() {
        let cases: &[(&str, &str, &str)] = &[
            // A lowercase head before "in X" is what is counted.
            (
                "Unemployment among youths in Greece stood at 21.5% in May.",
                "21.5%",
                "Unemployment",
            ),
            ("Prices in Tokyo rose 2.8% last year.", "2.8%", "Prices"),
            // A verb of valuing: the noun phrase before "at".
            (
                "The governor put the damage at $4 million on Friday.",
                "$4 million",
                "damage",
            ),
            (
                "Insurers estimated claims at 12,000 by the end of May.",
                "12,000",
                "claims",
            ),
            // A verb that sets a level: its object, up to a function
            // word, unless it is a time or a name.
            (
                "The central bank kept interest rates at 4 percent, while \
                 prices rose.",
                "4 percent",
                "interest rates",
            ),
            (
                "Selling pushed the yield on the 10-year note down to 4.1 \
                 percent.",
                "4.1 percent",
                "yield",
            ),
            ("The rate was lifted this week to 50 percent.", "50 percent", ""),
            (
                "The bank held its benchmark rate steady at 4.25%.",
                "4.25%",
                "benchmark rate",
            ),
            (
                "The bank cut its policy rate by 100 basis points to 11%.",
                "100 basis points",
                "policy rate",
            ),
            // A name's possessive determines; a common noun's does not.
            ("Nine of Kenya's 47 counties voted.", "Nine", "counties"),
            (
                "It saved millions of children's lives.",
                "millions",
                "children's lives",
            ),
            (
                "Roughly a third of the country's 40 million people need aid.",
                "Roughly a third",
                "people",
            ),
            // The head before "from": "the death toll from the floods".
            (
                "The death toll from the floods has risen to 312, officials \
                 said.",
                "312",
                "death toll",
            ),
            // A verb that is the figure counts its subject.
            (
                "Wheat prices have doubled since the war began.",
                "doubled",
                "Wheat prices",
            ),
            // A bare participle after a figure stands for its verb.
            (
                "At least 25 people were killed and 60 injured when a bus \
                 crashed.",
                "60",
                "people",
            ),
            // A participle after the noun ends the phrase.
            (
                "Agents seized 3.5 tonnes of cocaine hidden in coffee.",
                "3.5 tonnes",
                "cocaine",
            ),
            (
                "A magnitude 6.2 earthquake struck on Monday.",
                "6.2",
                "earthquake",
            ),
            // Ellipsis: the figure counts what the one before it counted.
            ("The blast killed 12 workers and injured 30.", "30", "workers"),
            (
                "Aid reached 15.6 million people in 2025, up from 12.4 \
                 million the year before.",
                "12.4 million",
                "people",
            ),
            (
                "Storms killed 40 people and displaced 9,000 since May.",
                "9,000",
                "people",
            ),
            (
                "Exporters shipped 9,000 tonnes of tea in May and 400 \
                 tonnes in June.",
                "400 tonnes",
                "tea",
            ),
            (
                "Hourly wages rose 7 cents last month, to $15.20.",
                "$15.20",
                "Hourly wages",
            ),
            // ... but not when the figure has its own phrase after it
            // (a superlative's "most" opens it).
            (
                "Seats cost from $20 for the upper deck to $90 for the \
                 most central box.",
                "$90",
                "most central box",
            ),
            // The subject before a relative clause or aside.
            (
                "The jobless rate, which had been at a record low, rose \
                 to 6.1 percent.",
                "6.1 percent",
                "jobless rate",
            ),
            (
                "Farm output, hit by two droughts in a row, actually grew \
                 by 2 percent.",
                "2 percent",
                "Farm output",
            ),
            // A modal passive: "would be multiplied".
            (
                "At today's prices, those losses would be multiplied \
                 roughly tenfold.",
                "roughly tenfold",
                "losses",
            ),
            // A parenthesis between the figure and its noun.
            (
                "They paved a 4,000-meter (13,123-foot) runway.",
                "4,000-meter",
                "runway",
            ),
            (
                "They paved a 4,000-meter (13,123-foot) runway.",
                "13,123-foot",
                "runway",
            ),
            // "worth of" counts what comes after it.
            (
                "Police seized $3 million worth of heroin.",
                "$3 million",
                "heroin",
            ),
            // "above" and "below" are not counted nouns.
            (
                "Rents are still 8 percent above last year's level.",
                "8 percent",
                "Rents",
            ),
            // A name may modify the head of a level verb's object.
            (
                "The central bank held its Selic rate at 10.50%.",
                "10.50%",
                "Selic rate",
            ),
            // A name after "and" starts a clause: the figure after its
            // verb counts what the figure before did.
            (
                "James scored 23 points and Kevin Durant added 19 as the \
                 team won.",
                "19",
                "points",
            ),
            // A predicative adjective ends the phrase, and a participle
            // before a preposition stands for its verb.
            (
                "The shooting left two people dead and five wounded \
                 outside a nightclub.",
                "two",
                "people",
            ),
            (
                "The shooting left two people dead and five wounded \
                 outside a nightclub.",
                "five",
                "people",
            ),
            // A comparative before a noun belongs to the phrase.
            (
                "He pledged to hire 200 more detectives.",
                "200",
                "more detectives",
            ),
            (
                "Walkers had a 47% lower risk of dying than those who \
                 walked 7,000 steps or fewer than 2,000.",
                "47%",
                "lower risk",
            ),
            // A change to a level in another unit is no range.
            ("Profit rose 27% to 9.18 billion euros.", "27%", "Profit"),
            // A counted "number of X" runs on to what it numbers.
            (
                "He promised to cut the number of ministers to 60.",
                "60",
                "number of ministers",
            ),
            // An adverb before a participle is no noun: the figure
            // counts what the one before it did.
            (
                "More than 2,100 homes were flattened and some 29,500 \
                 partially damaged.",
                "some 29,500",
                "homes",
            ),
            // An irregular past verb ends the phrase after a measure.
            (
                "Winds of up to 111 kilometers per hour tore roofs off.",
                "up to 111 kilometers per hour",
                "Winds",
            ),
            // A bare figure as the subject of a verb counts the noun of
            // the figure before it.
            (
                "Some 1.9 million farmers lost their crops and 350,000 \
                 lack seed for the next season.",
                "350,000",
                "farmers",
            ),
            (
                "About 640,000 pupils sat the exam, of whom 12,000 must \
                 retake it.",
                "12,000",
                "pupils",
            ),
            (
                "The storm cut power to 90,000 homes; 20,000 remain dark.",
                "20,000",
                "homes",
            ),
            // "those" and a participle or relative clause name people;
            // the participle alone names nothing.
            (
                "Roughly 45% of those boarding the ferries were minors.",
                "Roughly 45%",
                "those boarding",
            ),
            (
                "Over a third of those injured needed surgery.",
                "Over a third",
                "those injured",
            ),
            (
                "About 30% of those who have been evacuated are elderly.",
                "About 30%",
                "those who have been evacuated",
            ),
            (
                "Of those detained, 75 were released on bail.",
                "75",
                "those detained",
            ),
            // A budget's year is no noun counted.
            (
                "The ministry's budget for the 2027 fiscal year is $9 \
                 billion.",
                "$9 billion",
                "ministry's budget",
            ),
            (
                "The firm expects orders of $2 billion in the current \
                 fiscal year.",
                "$2 billion",
                "orders",
            ),
            // A verb before the noun is no part of it.
            (
                "The spending review sets road maintenance funding of \
                 4 billion pounds.",
                "4 billion pounds",
                "road maintenance funding",
            ),
            (
                "The utility forecast capital spending of $6 billion.",
                "$6 billion",
                "capital spending",
            ),
            (
                "The regulator approved fare increases of 3%.",
                "3%",
                "fare increases",
            ),
            // The noun before a phrase that names two or more with a
            // figure.
            (
                "Traffic across the three borders climbed 14% in May.",
                "14%",
                "Traffic",
            ),
            // A pronoun standing for a noun counted before.
            (
                "Arrivals from Kenya rose 8%, while those from Uganda \
                 dipped 2%.",
                "2%",
                "Arrivals",
            ),
            // The verb of a relative clause in the subject is no noun.
            (
                "The toll from the storm that hit in June rose to 1,300.",
                "1,300",
                "toll",
            ),
            // A share of the economy measures the subject of "account
            // for", past its relative pronoun.
            (
                "Tourism, which accounts for 12% of GDP, slowed.",
                "12%",
                "Tourism",
            ),
            // A predicate adjective after a share is no noun.
            ("The new test was 97% accurate in trials.", "97%", "new test"),
            // A stock index named by its size, and the level its change
            // reached.
            (
                "The FTSE 100 ended down 0.8% at 8,120.4.",
                "8,120.4",
                "FTSE 100",
            ),
            (
                "Shares were off 3% at $41.10, while bonds slipped.",
                "3%",
                "Shares",
            ),
            // "take ... to": the object of a verb that sets a level.
            (
                "Her two goals take her season tally to 19.",
                "19",
                "season tally",
            ),
            // A fraction of change counts what changed, and so does the
            // level it reached, past a date and a comma.
            (
                "Bus fares have risen by a quarter since May, to 2.40 \
                 pounds.",
                "a quarter",
                "Bus fares",
            ),
            (
                "Bus fares have risen by a quarter since May, to 2.40 \
                 pounds.",
                "2.40 pounds",
                "Bus fares",
            ),
            // The noun before "the 10-year" and a preposition.
            (
                "The yield on the 30-year bond fell 4 basis points.",
                "4 basis points",
                "yield",
            ),
            // A relative clause's antecedent, past its auxiliaries.
            (
                "Forecasters warn of an economy that could shrink by 0.7%.",
                "0.7%",
                "economy",
            ),
            // A verb of valuing some words before "at".
            (
                "The audit office puts the ministry's total overspend on \
                 the project at $95 million.",
                "$95 million",
                "ministry's total overspend on the project",
            ),
            // A bare figure compared with another counts its noun.
            (
                "The fair drew 42,000 visitors, compared with the 55,000 \
                 of the year before.",
                "55,000",
                "visitors",
            ),
            // What is asked for is the request's.
            (
                "The agency issued an appeal for $410 million on Monday.",
                "$410 million",
                "appeal",
            ),
            // A part of what the figure before counted.
            (
                "Rebels hold 64 soldiers, about half of whom are wounded.",
                "about half",
                "soldiers",
            ),
            // A party's share counts the vote, named or understood.
            ("The Pirate Party came fourth with 8.6%.", "8.6%", "vote"),
            (
                "In the mayoral election, Okafor won 44% of votes and \
                 Mensah took 39%.",
                "39%",
                "votes",
            ),
            (
                "Polls show the Liberals on 33%, ahead of Reform on 29%.",
                "29%",
                "vote",
            ),
            // A level is no vote.
            (
                "The yield, a campaign issue, began the year at 4.2%.",
                "4.2%",
                "",
            ),
        ];
        for &(s, text, counted) in cases {
            let rows = claims(s);
            let r = rows
                .iter()
                .find(|r| r.text == text)
                .unwrap_or_else(|| panic!("{text:?} in {s:?}"));
            assert_eq!(r.counted, counted, "{text:?} in {s:?}");
        }
    }

    #[test]
    fn quotation_marks_open_and_close() {
        // (sentence, open before, open after)
        let cases: &[(&str, bool, bool)] = &[
            ("``We will stay,'' he said.", false, false),
            ("``On Monday,'' she said, ``the calls began.", false, true),
            ("We counted 35 houses.", true, true),
            ("All of them were empty.''", true, false),
            ("“It is over,” she said.", false, false),
            ("He said: \"We lost", false, true),
            ("The town's 'old' bridge fell.", false, false),
        ];
        for &(s, before, after) in cases {
            let mut toks = Vec::new();
            crate::segment::tokenize(s, &mut toks);
            assert_eq!(quote_open_after(s, &toks, before), after, "{s:?}");
        }
    }

    #[test]
    fn word_lists_ignore_ascii_case_at_any_length() {
        static LIST: Words =
            Words::new(&["said", "a", "acknowledgements-of-receipt", "café"]);
        for w in ["said", "SAID", "Said", "a", "A", "CAFé"] {
            assert!(LIST.has(w), "{w}");
        }
        assert!(LIST.has("Acknowledgements-Of-Receipt"));
        for w in ["", "sai", "saids", "b", "CAFÉ", "acknowledgements"] {
            assert!(!LIST.has(w), "{w}");
        }
        static EMPTY: Words = Words::new(&[""]);
        assert!(EMPTY.has("") && !EMPTY.has("a"));
    }

    #[test]
    fn contractions_come_off_at_either_apostrophe() {
        for (w, want) in [
            ("they’re", "they"),
            ("I'd", "I"),
            ("we’ll've", "we"),
            ("'tis", "'tis"),
            ("’tis", "’tis"),
            ("plain", "plain"),
            ("—dash", "—dash"),
            ("x’", "x"),
            ("", ""),
        ] {
            assert_eq!(uncontracted(w), want, "{w}");
        }
    }

    #[test]
    fn pronoun_speaker_verbs_are_speech_verbs_but_adds() {
        // `Cues::read` asks about them only for speech verbs.
        for w in PRONOUN_SAYING.list {
            assert!(*w == "adds" || SPEECH_VERB_WORDS.has(w), "{w}");
        }
    }

    #[test]
    fn numbers_only_in_dates_skip_the_scan_only_without_figures() {
        let date = "May 5, 2021";
        let cases = [
            ("On May 5, 2021, the minister spoke.", false),
            ("On May 5, 2021, the first minister spoke.", false),
            ("On May 5, 2021, three ministers spoke.", true),
            ("On May 5, 2021, the COVID-19 ward shut.", true),
            ("On May 5, 2021, a fifth of them left.", true),
            ("On May 5, 2021, a tenfold rise came.", true),
            ("Sales rose 5 percent on May 5, 2021.", true),
        ];
        let mut scanner = Scanner::default();
        for (text, outside) in cases {
            let mut toks = Vec::new();
            crate::segment::tokenize(text, &mut toks);
            let at = text.find(date).expect("a date");
            let dates = [Span::new(at, at + date.len())];
            let numbers: Vec<usize> = (0..toks.len())
                .filter(|&i| toks[i].kind == TokenKind::Number)
                .collect();
            assert_eq!(
                may_hold_figure_outside(text, &toks, &numbers, &dates),
                outside,
                "{text}"
            );
            let mut mentions = Vec::new();
            let money = DocumentCurrency::of(text);
            scanner.scan(text, &toks, &dates, &money, &mut mentions);
            // Skipped only where the scan finds nothing; "COVID-19" is
            // looked into and found to be a code.
            assert!(outside || mentions.is_empty(), "{text}");
        }
    }

    #[test]
    fn saying_verbs_after_any_space() {
        let saying = |s: &str| {
            let mut toks = Vec::new();
            crate::segment::tokenize(s, &mut toks);
            has_saying(s, &toks)
        };
        assert!(saying("the party member\nsaid."));
        assert!(saying("Ali Khan told reporters"));
        assert!(saying("Ali Khan\tsaidso"));
        assert!(!saying("said Ali Khan"));
        assert!(!saying("the Saidabad district"));
        assert!(!saying("the essays were read"));
        assert!(!saying("the “said” word"));
    }

    #[test]
    fn dates_codes_and_ordinals_are_not_claims() {
        let s = "The letter, dated Jan. 1, 2025, cites Resolution 2401 and \
                 COVID-19 for the third time since 09 January 2026.";
        assert!(claims(s).is_empty());
    }

    #[test]
    fn a_comparison_keeps_its_own_date() {
        let rows = claims("Turnout was 18.9%, down from 24 percent in 2019.");
        let time = |t: &str| &row(&rows, t).time;
        assert_eq!(time("18.9%"), "");
        assert_eq!(time("24 percent"), "2019");
    }

    #[test]
    fn an_appositive_after_a_comma_keeps_its_own_date() {
        let rows = claims(
            "More than 5.2 million voters cast ballots early, a record that \
             eclipsed the 3.9 million who voted early in 2020.",
        );
        let time = |t: &str| &row(&rows, t).time;
        assert_eq!(time("More than 5.2 million"), "");
        assert_eq!(time("3.9 million"), "2020");
    }

    #[test]
    fn a_time_after_money_is_not_what_is_paid() {
        let rows = claims(
            "Revenue rose to $65.6 billion in the first quarter. The \
             donors pledged $600 million in aid.",
        );
        let counted = |t: &str| &row(&rows, t).counted;
        assert_ne!(counted("$65.6 billion"), "first quarter");
        assert_ne!(counted("$65.6 billion"), "quarter");
        assert_eq!(counted("$600 million"), "aid");
    }

    #[test]
    fn a_plural_that_modifies_a_noun_is_no_head() {
        let rows = claims(
            "The money went on a £95,000 sports car. He filed 300 news \
             reports. The 52 sports were listed. It saw a 2.6 percent \
             sales decline.",
        );
        let counted = |t: &str| &row(&rows, t).counted;
        assert_eq!(counted("£95,000"), "sports car");
        assert_eq!(counted("300"), "news reports");
        assert_eq!(counted("52"), "sports");
        assert_eq!(counted("2.6 percent"), "sales");
    }

    #[test]
    fn a_part_of_them_counts_what_was_counted_before() {
        let rows = claims(
            "Nearly 12 million people have fled. About 3.1 million of them \
             have crossed into Chad.",
        );
        assert_eq!(rows[1].text, "About 3.1 million");
        assert_eq!(rows[1].counted, "people");
    }

    #[test]
    fn the_owner_before_a_possessive_name_is_not_the_subject() {
        let text = "Andhra Pradesh's Telugu Desam Party won 16 seats.";
        let owner = Span::new(0, "Andhra Pradesh".len());
        let party = Span::new(owner.end + 3, text.find(" won").unwrap());
        let mut seg = Segmentation::default();
        Segmenter::new().segment(text, &mut seg);
        let entity = |span, kind| Entity {
            span,
            kind,
            canonical: Canonical::None,
            origin: Origin::Builtin("test"),
        };
        let here = [
            entity(owner, EntityType::Location),
            entity(party, EntityType::Organization),
        ];
        let got = subject_of(text, &seg.tokens, &here, None, 0);
        assert_eq!(got.map(|s| s.of(text)), Some("Telugu Desam Party"));
        // An owner before a common noun is the subject still.
        let text = "India's economy grew 7%.";
        let here = [entity(Span::new(0, 5), EntityType::Location)];
        let mut seg = Segmentation::default();
        Segmenter::new().segment(text, &mut seg);
        let got = subject_of(text, &seg.tokens, &here, None, 0);
        assert_eq!(got.map(|s| s.of(text)), Some("India"));
    }

    #[test]
    fn a_phrase_after_a_preposition_is_no_subject_and_who_is_elliptic() {
        let rows = claims(
            "Analysts had on average expected $64.5 billion. More than 5.2 \
             million voters cast ballots, beating the 3.9 million who voted \
             in 2020.",
        );
        let counted = |t: &str| &row(&rows, t).counted;
        assert_eq!(counted("$64.5 billion"), "");
        assert_eq!(counted("3.9 million"), "voters");
    }

    #[test]
    fn the_level_a_change_reached_counts_what_changed() {
        let rows = claims("Revenue rose 13% to $143.1 billion.");
        assert_eq!(rows[1].text, "$143.1 billion");
        assert_eq!(rows[1].counted, "Revenue");
    }

    #[test]
    fn per_capita_is_part_of_the_noun() {
        let rows = claims("GDP per capita reached $12,400 last year.");
        assert_eq!(rows[0].counted, "GDP per capita");
    }

    #[test]
    fn what_changed_is_the_noun_before_a_dated_event() {
        let rows = claims(
            "Turnout in the August 9 presidential election reached 65.4%.",
        );
        assert_eq!(rows[0].counted, "Turnout");
    }

    #[test]
    fn what_changed_is_the_noun_before_its_place_and_time() {
        let rows = claims(
            "The death toll in Gaza since Oct. 7 has risen to 34,049, the \
             ministry said.",
        );
        assert_eq!(rows[0].counted, "death toll");
    }

    #[test]
    fn compared_with_keeps_its_own_date() {
        let rows = claims(
            "Shootings fell 24 percent in the first nine months compared \
             with the same period in 2023.",
        );
        assert_eq!(rows[0].text, "24 percent");
        // The figure's own period, not the compared one's year.
        assert_eq!(rows[0].time, "first nine months");
    }

    #[test]
    fn a_capitalized_common_word_opening_a_sentence_is_no_subject() {
        let rows = claims("Annual inflation still stood at 276.4%.");
        assert_eq!(rows[0].subject, "");
        assert_eq!(rows[0].counted, "Annual inflation");
    }

    #[test]
    fn money_paid_to_people_is_no_range() {
        let rows =
            claims("A judge ordered him to pay $148 million to two workers.");
        assert_eq!(rows[0].text, "$148 million");
        assert_eq!(rows[0].counted, "");
        assert_eq!(rows[1].counted, "workers");
    }

    #[test]
    fn an_all_caps_acronym_is_a_name_not_a_function_word() {
        // "WHO" is no pronoun, nor "US" a preposition's object.
        for (s, source) in [
            ("Cholera has killed 120 people in the camps, WHO said.", "WHO"),
            (
                "Cholera has killed 120 people in the camps, the WHO said.",
                "WHO",
            ),
            ("The army has 120 people in the camps, the US said.", "US"),
        ] {
            assert_eq!(row(&claims(s), "120").attribution, source, "{s:?}");
        }
    }

    #[test]
    fn a_figure_takes_the_source_that_puts_it_or_follows_it() {
        let s = "Officials counted 900 dead, according to the Red Cross, \
                 while the militia put the figure at nearly 1,500.";
        let rows = claims(s);
        assert_eq!(row(&rows, "900").attribution, "Red Cross");
        assert_eq!(row(&rows, "nearly 1,500").attribution, "militia");
        let rows = claims("The navy puts the death toll at 46.");
        assert_eq!(row(&rows, "46").attribution, "navy");
        // A passive values nothing for anyone.
        let rows = claims("The damage was put at 300 homes.");
        assert_eq!(row(&rows, "300").attribution, "");
        // Each figure takes the nearest "according to" after it, whose
        // source does not run on into the next clause.
        let s = "At least 300 homes were destroyed, according to the \
                 regional governor and about 1,200 were damaged, according \
                 to the Red Crescent.";
        let rows = claims(s);
        assert_eq!(
            row(&rows, "At least 300").attribution,
            "regional governor"
        );
        assert_eq!(row(&rows, "about 1,200").attribution, "Red Crescent");
    }

    #[test]
    fn a_participle_before_a_figure_names_no_source() {
        let rows = claims("A crowd estimated at 5,000 marched to the square.");
        assert_eq!(row(&rows, "5,000").attribution, "");
        // "said at" a place still says.
        let s = "The minister said at a briefing that 40 schools had shut.";
        assert_eq!(row(&claims(s), "40").attribution, "minister");
    }

    #[test]
    fn the_date_of_a_comparison_is_not_the_figure_before_it() {
        let time =
            |s: &str, figure: &str| row(&claims(s), figure).time.clone();
        assert_eq!(time("Exports rose 8.4% from 2022.", "8.4%"), "");
        let s = "The school roll fell to 410 from 525 in 2018.";
        assert_eq!(time(s, "410"), "");
        assert_eq!(time(s, "525"), "2018");
        let s = "The party won 312 seats, its largest majority since 1987.";
        assert_eq!(time(s, "312"), "");
        let s = "Spending will rise to 3% by 2030, up from a current 1.8%.";
        assert_eq!(time(s, "3%"), "2030");
        assert_eq!(time(s, "1.8%"), "");
        // A "since" of no superlative dates the figure, written whole.
        let s = "The war has killed 400 people since 2011.";
        assert_eq!(time(s, "400"), "since 2011");
    }

    #[test]
    fn a_compared_date_dates_only_what_it_compares_with() {
        let time =
            |s: &str, figure: &str| row(&claims(s), figure).time.clone();
        for (s, figure) in [
            (
                "Spending per guest was about 180 dollars, slightly below \
                 the 2023 figure.",
                "about 180 dollars",
            ),
            (
                "Attendance was 61.2%, slightly higher than two years ago.",
                "61.2%",
            ),
            (
                "The league sold 1.2 million tickets, fewer than in 2019.",
                "1.2 million",
            ),
            (
                "Spending is about 25% more than at the last summit in 2021.",
                "about 25%",
            ),
            (
                "The average mark fell to 241, down 4 points from 2018 and \
                 12 points below 1994.",
                "241",
            ),
            (
                "The average mark fell to 241, down 4 points from 2018 and \
                 12 points below 1994.",
                "12",
            ),
        ] {
            assert_eq!(time(s, figure), "", "{figure:?} in {s:?}");
        }
        // A figure compared with is dated inside its comparison only.
        let s = "The jobless rate eased to 4.2% in May from 4.5% a month \
                 earlier.";
        assert_eq!(time(s, "4.2%"), "May");
        assert_eq!(time(s, "4.5%"), "a month earlier");
        let s = "Reserves fell to $21.5 billion on June 3 from $23.8 billion \
                 at the end of April.";
        assert_eq!(time(s, "$21.5 billion"), "June 3");
        assert_eq!(time(s, "$23.8 billion"), "April");
        let s = "The index rose to 53.1 on Monday from July's 51.4.";
        assert_eq!(time(s, "51.4"), "July");
        let s = "The yield rose to 4.1 percent from 3.9 percent late Friday.";
        assert_eq!(time(s, "3.9 percent"), "Friday");
    }

    #[test]
    fn a_span_of_dates_is_written_whole() {
        let time =
            |s: &str, figure: &str| row(&claims(s), figure).time.clone();
        let s = "Floods killed 210 people between 2015 and 2020.";
        assert_eq!(time(s, "210"), "between 2015 and 2020");
        let s = "Prices rose 3% between April and June 2024.";
        assert_eq!(time(s, "3%"), "between April and June 2024");
        let s = "Fares rose 40% from 2016 to 2021.";
        assert_eq!(time(s, "40%"), "from 2016 to 2021");
        let s = "Sales reached 12,000 units in May last year.";
        assert_eq!(time(s, "12,000"), "May last year");
        // Two dates side by side that are no one expression stay apart.
        let s = "The index posted its steepest drop since early June Friday \
                 after yields climbed above 5 percent.";
        assert_eq!(time(s, "above 5 percent"), "Friday");
    }

    #[test]
    fn an_aside_or_a_statement_lends_no_date() {
        let time =
            |s: &str, figure: &str| row(&claims(s), figure).time.clone();
        // The date of the telling is not the figure's.
        let s = "The minister told parliament last Wednesday that the \
                 treasury had raised roughly $800 million from bond sales \
                 to pension funds in March alone.";
        assert_eq!(time(s, "roughly $800 million"), "March");
        // A ", when" clause takes the date it hangs on.
        let s = "The bank cut rates by 50 basis points on Nov. 4, a smaller \
                 move than in June, when it lowered rates by 150 basis points.";
        assert_eq!(time(s, "50 basis points"), "Nov. 4");
        assert_eq!(time(s, "150 basis points"), "June");
        let s = "The count stays well below the 2016 level, when police \
                 logged 41,000 thefts.";
        assert_eq!(time(s, "41,000"), "2016");
        // A participle between commas keeps its date.
        let s = "The airport, opened in 2004, handles 900 flights a day.";
        assert_eq!(time(s, "900 flights a day"), "");
        let s = "It was the busiest day at the old terminal, built in 1975, \
                 which handles about 600 flights a day.";
        assert_eq!(time(s, "about 600 flights a day"), "");
    }

    #[test]
    fn who_expected_a_figure_is_not_what_it_counts() {
        let s = "Employers added 95,000 jobs in June, below the 150,000 \
                 analysts had forecast.";
        assert_eq!(row(&claims(s), "150,000").counted, "jobs");
        let s = "Only 12 of the 30 economists had expected a cut.";
        assert_eq!(row(&claims(s), "30").counted, "economists");
    }

    #[test]
    fn its_refers_to_the_previous_subject() {
        let s = "Pakistan is a top contributor. A total of 182 of its \
                 peacekeepers died.";
        let rows = claims(s);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].subject, "Pakistan");
    }

    #[test]
    fn a_coordinated_clause_with_its_own_subject_is_its_own() {
        // A later clause's subject and verb: the earlier speaker and
        // subject are not the later figure's.
        let s = "Freedonia announced 300 million euros in aid, and \
                 Sylvania committed up to 160 million pounds.";
        let rows = claims(s);
        assert_eq!(row(&rows, "300 million euros").attribution, "Freedonia");
        let later = row(&rows, "up to 160 million pounds");
        assert_eq!(
            (later.attribution.as_str(), later.subject.as_str()),
            ("", "Sylvania")
        );
        let s = "Ruritania said it would send 200 troops, and Elbonia \
                 pledged 150 soldiers.";
        assert_eq!(row(&claims(s), "150").attribution, "");
        // What is reported says nothing.
        let s = "The clinic logged 700 cases of measles reported in May.";
        assert_eq!(row(&claims(s), "700").attribution, "");
        // What is counted is no subject.
        let s = "Attendance was 81.2%, the league said.";
        assert_eq!(row(&claims(s), "81.2%").subject, "");
        // "those from X": the name the pronoun's phrase places.
        let s = "Arrivals from Kenya rose 8%, while those from Uganda \
                 dipped 2%.";
        assert_eq!(row(&claims(s), "2%").subject, "Uganda");
        // A speaker of a later clause with a figure of its own is not the
        // earlier figure's.
        for s in [
            "Freedonia offered 10 million dollars and Sylvania announced \
             5 million dollars in support.",
            "Freedonia pledged $50 million on Monday, while Sylvania said \
             it would give $20 million.",
        ] {
            let rows = claims(s);
            assert_eq!(rows[0].attribution, "", "{s:?}");
            assert_eq!(rows[1].attribution, "Sylvania", "{s:?}");
        }
        // Without a subject of its own, a clause keeps the speaker; "and"
        // between names joins them.
        for (s, figure) in [
            ("Police said 12 people died, while 30 were hurt.", "30"),
            ("Police said sales at Acme and Globex rose 5%.", "5%"),
            ("Police said 12 people died, and 30 were hurt later.", "30"),
        ] {
            assert_eq!(row(&claims(s), figure).attribution, "Police", "{s:?}");
        }
    }

    #[test]
    fn the_verb_after_a_subject_with_a_figure_counts_nothing() {
        for (s, figure, counted) in [
            ("Tariffs of 10% to 15% apply to steel.", "10% to 15%", "Tariffs"),
            ("Levies of 25% apply to imports.", "25%", "Levies"),
            ("A tax of 20 percent applies to all sales.", "20 percent", "tax"),
            (
                "A budget of $5 million funds the program.",
                "$5 million",
                "budget",
            ),
            ("Crowds of 5,000 gather in the square.", "5,000", "Crowds"),
            // Nouns stay: a plural after a count, a singular after a
            // percentage.
            ("A crowd of 5,000 fans in the stadium cheered.", "5,000", "fans"),
            ("A rate of 5% interest was charged.", "5%", "interest"),
            ("Sales of 5 million units were recorded.", "5 million", "units"),
        ] {
            assert_eq!(row(&claims(s), figure).counted, counted, "{s:?}");
        }
    }

    #[test]
    fn a_count_a_verb_takes_as_its_object_counts_no_subject() {
        for (s, figure, counted) in [
            ("The 7.2 magnitude quake killed 40.", "40", ""),
            ("The storm destroyed 300 and damaged 1,200 homes.", "300", ""),
            ("Police arrested 12 on Friday.", "12", ""),
            ("The quake killed 40 people.", "40", "people"),
            // A level passed, or a change, is the subject's.
            ("The index crossed 9,000 in May.", "9,000", "index"),
            ("Exports totaled 40 last month.", "40", "Exports"),
            ("Membership rose by 3,000 last month.", "3,000", "Membership"),
        ] {
            assert_eq!(row(&claims(s), figure).counted, counted, "{s:?}");
        }
        // "magnitude-6.4" is one magnitude, not a code and a 4.
        let rows = claims("A magnitude-6.4 earthquake struck the coast.");
        assert_eq!(rows.len(), 1);
        assert_eq!((rows[0].text.as_str(), rows[0].value), ("6.4", 6.4));
    }

    #[test]
    fn a_bare_figure_with_its_own_participle_counts_the_noun_not_a_state() {
        // The noun before "killed" is the wounded's too; the table has no
        // column for the state, which the quote "106,962 wounded" keeps.
        let s = "Officials said 45,028 people had been killed and 106,962 \
                 wounded.";
        let rows = claims(s);
        assert_eq!(row(&rows, "45,028").counted, "people");
        assert_eq!(row(&rows, "106,962").counted, "people");
        // A state that stood for its noun ("45 dead") is not the next
        // figure's.
        let rows = claims("The clashes left 45 dead and 106 injured.");
        assert_eq!(row(&rows, "45").counted, "dead");
        assert_eq!(row(&rows, "106").counted, "");
    }

    #[test]
    fn what_a_figure_after_a_preposition_counts_says_nothing() {
        let attribution = |s: &str, figure: &str| {
            row(&claims(s), figure).attribution.clone()
        };
        let s = "Returns from some 2,000 precincts showed the senator \
                 ahead by at least 9,000 votes.";
        assert_eq!(attribution(s, "at least 9,000"), "");
        let s = "Results from 90% of polling stations showed the party \
                 with 61% of the vote.";
        assert_eq!(attribution(s, "61%"), "");
        // The sentence's own speaker stays the figure's.
        let s = "Ann Lee said tallies from 300 towns showed a lead of 4,000 \
                 votes.";
        assert_eq!(attribution(s, "4,000"), "Ann Lee");
        // A figure opening the subject counts the speakers themselves.
        let s = "Three officials said 40 people died.";
        assert_eq!(attribution(s, "40"), "officials");
        let s = "The bonds closed at 7.12 percent, one trader said.";
        assert_eq!(attribution(s, "7.12 percent"), "trader");
        // A group of them says.
        let s = "Prices will rise 3%, a panel of some 40 economists said.";
        assert_eq!(attribution(s, "3%"), "panel");
    }

    #[test]
    fn states_is_a_noun_unless_it_states_something() {
        let attribution = |s: &str, figure: &str| {
            row(&claims(s), figure).attribution.clone()
        };
        let s = "Sardines, managed under a regional states pact, were cut by \
                 30%.";
        assert_eq!(attribution(s, "30%"), "");
        let s = "Member states agreed to a budget of 9 billion euros.";
        assert_eq!(attribution(s, "9 billion euros"), "");
        assert_eq!(row(&claims(s), "9 billion euros").subject, "");
        let s = "The audit states that 700 posts were never filled.";
        assert_eq!(attribution(s, "700"), "audit");
    }

    #[test]
    fn a_forecast_figure_is_its_forecasters() {
        let attribution = |s: &str, figure: &str| {
            row(&claims(s), figure).attribution.clone()
        };
        let s = "Prices rose 4.1% in May, the office said, above the 3.8% \
                 forecast in a Bloomberg poll.";
        assert_eq!(attribution(s, "4.1%"), "office");
        assert_eq!(attribution(s, "3.8%"), "Bloomberg");
        let s = "Output grew 0.8%, the agency said, short of the 1.1% \
                 expected by analysts.";
        assert_eq!(attribution(s, "1.1%"), "analysts");
        let s = "Sales fell 2%, the firm said, below the 1% predicted by \
                 analysts polled by Reuters.";
        assert_eq!(attribution(s, "1%"), "analysts polled by Reuters");
        // Those polled say, with their pollster.
        let s = "Economists polled by Ipsos expect unemployment of 6.1%.";
        assert_eq!(attribution(s, "6.1%"), "Economists polled by Ipsos");
        let s = "Strategists surveyed by Nomura had forecast a 1.4% gain.";
        let rows = claims(s);
        let r = row(&rows, "1.4%");
        assert_eq!(
            (r.attribution.as_str(), r.subject.as_str()),
            ("Strategists surveyed by Nomura", "")
        );
        let s = "Traders in a Kyodo poll had expected a rate of 0.75%.";
        assert_eq!(attribution(s, "0.75%"), "Traders in a Kyodo poll");
        // A noun "forecast" says nothing.
        let s = "Growth forecasts for 2026 were cut to 1.3%.";
        assert_eq!(row(&claims(s), "1.3%").counted, "Growth forecasts");
        // A date after "by" names no one.
        let s = "The group said a 5% rise is expected by 2027.";
        assert_eq!(attribution(s, "5%"), "group");
    }

    #[test]
    fn forecasts_quotes_and_cautions_name_their_source() {
        let attribution = |s: &str, figure: &str| {
            row(&claims(s), figure).attribution.clone()
        };
        let s =
            "Labour won 31.2% of the vote, Ipsos projected, while turnout \
                 fell.";
        assert_eq!(attribution(s, "31.2%"), "Ipsos");
        let s = "The agency projected growth of 2.4%.";
        assert_eq!(attribution(s, "2.4%"), "agency");
        let s = "The researchers cautioned that 12% of wells were dry.";
        assert_eq!(attribution(s, "12%"), "researchers");
        let s = "Analysts expect a surplus of 3 billion euros.";
        assert_eq!(attribution(s, "3 billion euros"), "Analysts");
        let s = "Traders had expected a rise of 0.4%.";
        assert_eq!(attribution(s, "0.4%"), "Traders");
        let s = "Money changers quoted the rand at 19.2 to the dollar.";
        assert_eq!(attribution(s, "19.2 to the dollar"), "Money changers");
        let s = "Greenpeace put the figure at \"nearly half\".";
        assert_eq!(attribution(s, "nearly half"), "Greenpeace");
        // A forecast that describes or stands passive names no one.
        for s in [
            "Exports rose 4%, more than expected.",
            "Exports rose a higher than expected 4%.",
            "Exports expected to rise 4% fell.",
            "The projected 4% rise did not come.",
        ] {
            assert_eq!(attribution(s, "4%"), "", "{s}");
        }
    }

    #[test]
    fn a_speaker_across_an_adverb_or_a_relative_pronoun() {
        let attribution = |s: &str, figure: &str| {
            row(&claims(s), figure).attribution.clone()
        };
        let s = "The Met Office (MO) separately said May was 2.1 degrees \
                 warmer.";
        assert_eq!(attribution(s, "2.1 degrees"), "Met Office");
        let s = "The plan was backed by Ann Lee, who said it would cost \
                 $4 billion.";
        assert_eq!(attribution(s, "$4 billion"), "Ann Lee");
        let s = "Port officials had repeatedly said 300 ships were waiting.";
        assert_eq!(attribution(s, "300"), "Port officials");
    }

    #[test]
    fn according_to_figures_from_a_name_is_the_name() {
        let attribution = |s: &str, figure: &str| {
            row(&claims(s), figure).attribution.clone()
        };
        let s = "Thefts fell 6%, according to figures from the Home Office.";
        assert_eq!(attribution(s, "6%"), "Home Office");
        let s = "There are 912 lions, according to a census released on \
                 Friday by the Wildlife Service.";
        assert_eq!(attribution(s, "912"), "Wildlife Service");
        let s = "Fares rose 3%, according to the regulator.";
        assert_eq!(attribution(s, "3%"), "regulator");
    }

    #[test]
    fn a_pronoun_saying_comes_before_what_others_expect() {
        // The speaker of "she said" is the one named before, not the
        // council that expects.
        let s = "Ann Lee said on Monday that the outlook was weak. Like \
                 most forecasters, she said, the Economic Council expects slower growth. \"We will see \
                 numbers in the hundreds,\" she said.";
        assert_eq!(row(&claims(s), "hundreds").attribution, "Ann Lee");
    }

    #[test]
    fn a_contract_month_is_no_time_and_counts_nothing() {
        let s = "Brent crude for June delivery rose 2% to $81 a barrel.";
        let rows = claims(s);
        assert_eq!(row(&rows, "2%").time, "");
        assert_eq!(row(&rows, "2%").counted, "Brent crude");
        let s = "The benchmark December 2027 contract rose 1.4% to 70 euros.";
        let rows = claims(s);
        assert_eq!(row(&rows, "1.4%").time, "");
        assert_eq!(row(&rows, "1.4%").counted, "contract");
        let s = "U.S. crude futures for August fell 45 cents.";
        assert_eq!(row(&claims(s), "45 cents").time, "");
        let s = "The March contract settled at $4.12 a bushel.";
        assert_eq!(row(&claims(s), "$4.12 a bushel").subject, "");
        // A month of the story stays its time.
        let s = "Retail sales for June rose 2%.";
        assert_eq!(row(&claims(s), "2%").time, "June");
        let s = "Oil prices rose 2% in June.";
        assert_eq!(row(&claims(s), "2%").time, "June");
    }

    #[test]
    fn a_share_put_on_a_name_and_a_relative_clause_name_their_subject() {
        let subject =
            |s: &str, figure: &str| row(&claims(s), figure).subject.clone();
        let s = "Reform UK on 29%, the Greens on 12%, a survey showed.";
        assert_eq!(subject(s, "29%"), "Reform UK");
        assert_eq!(subject(s, "12%"), "Greens");
        let s = "It beat Monet's \"Water Lilies\", which fetched $80 million \
                 in 2008.";
        assert_eq!(subject(s, "$80 million"), "Water Lilies");
        // A clause with a comma before the figure is not the relative's.
        let s = "It beat Monet's \"Water Lilies\", which sold, in the end, \
                 for $80 million.";
        assert_ne!(subject(s, "$80 million"), "Water Lilies");
    }

    #[test]
    fn the_other_side_of_against_is_won_by_the_name_after_for() {
        let subject =
            |s: &str, figure: &str| row(&claims(s), figure).subject.clone();
        let s = "Ana Ruiz had 812,400 votes, or 50.4 percent, against \
                 760,210, or 47.2 percent, for incumbent Tomas Vidal.";
        assert_eq!(subject(s, "812,400"), "Ana Ruiz");
        assert_eq!(subject(s, "760,210"), "Tomas Vidal");
        assert_eq!(subject(s, "47.2 percent"), "Tomas Vidal");
        let s = "The count gave 44%, for challenger Tomas Vidal.";
        assert_eq!(subject(s, "44%"), "Tomas Vidal");
        // A subject before, with no contrast, stays the figure's.
        let s = "Ana Ruiz sold 40% for Tomas Vidal.";
        assert_eq!(subject(s, "40%"), "Ana Ruiz");
    }

    #[test]
    fn an_index_move_its_share_and_its_level_are_the_index() {
        let rows = claims(
            "The Nasdaq Composite shed 318.2 points, or 1.9%, to 16,720.5, \
             and the broader Topix slid 2.2% to end at 2,481.6.",
        );
        assert_eq!(row(&rows, "318.2").counted, "points");
        assert_eq!(row(&rows, "1.9%").counted, "Nasdaq Composite");
        assert_eq!(row(&rows, "16,720.5").counted, "Nasdaq Composite");
        assert_eq!(row(&rows, "2.2%").counted, "Topix");
        assert_eq!(row(&rows, "2,481.6").counted, "Topix");
        // Not an index: the level keeps its own reading.
        let rows = claims("Harvest volumes fell 41 points in the survey.");
        assert_eq!(row(&rows, "41").counted, "points");
    }

    #[test]
    fn a_unit_before_and_ends_the_noun_of_the_next_clause() {
        let rows = claims(
            "Copper output was 3.1 million tonnes and cobalt exports were \
             92,000 tonnes in the year.",
        );
        assert_eq!(row(&rows, "92,000 tonnes").counted, "cobalt exports");
        let rows = claims(
            "Gas flows hit 140 mcm and power demand rose 4% on Monday.",
        );
        assert_eq!(row(&rows, "4%").counted, "power demand");
    }

    #[test]
    fn a_coordinated_clause_with_a_common_noun_subject_is_its_own() {
        let rows = claims(
            "Participation was 48.9%, Elections Malawi said, and the \
             governing coalition took 97 seats.",
        );
        assert_eq!(row(&rows, "97").subject, "governing coalition");
        // No verb after the noun: no clause of its own.
        let rows = claims(
            "Kamala Diallo won 52.3%, and the margin of 8 points was wide.",
        );
        assert_eq!(row(&rows, "8").subject, "Kamala Diallo");
    }

    #[test]
    fn all_caps_copy_says_with_its_verb_of_saying() {
        let rows = claims("THE DEFENSE MINISTRY SAID 320 SOLDIERS WERE SENT.");
        assert_eq!(row(&rows, "320").attribution, "DEFENSE MINISTRY");
        // "STATES" in caps is still a name's word, not a verb.
        let rows = claims("THE UNITED STATES SENT 90 TONNES OF AID.");
        assert_eq!(row(&rows, "90 TONNES").attribution, "");
    }

    #[test]
    fn a_speakers_its_is_the_speakers() {
        let rows = claims(
            "Norway grew quickly. Equinor said its gas output rose 4.2% \
             in the quarter.",
        );
        assert_eq!(row(&rows, "4.2%").subject, "Equinor");
        // Another's "its", with no verb of saying before it, stays.
        let rows = claims(
            "Chile reported a surplus. Its copper exports rose 6.1% in May.",
        );
        assert_eq!(row(&rows, "6.1%").subject, "Chile");
    }

    #[test]
    fn down_from_compares_with_the_figure_not_a_modifier() {
        let rows = claims(
            "The party will hold 71 seats in the 300-member parliament, \
             down from 96.",
        );
        assert_eq!(row(&rows, "96").counted, "seats");
    }

    #[test]
    fn a_change_after_the_rest_of_its_clause_is_the_figures() {
        let rows = claims(
            "Some 31,000 asylum seekers reached Spain by boat this year, \
             down 18% from a year earlier.",
        );
        assert_eq!(row(&rows, "18%").counted, "asylum seekers");
        // Another clause between: not the figure's change.
        let rows = claims(
            "Some 31,000 asylum seekers reached Spain, and the ministry \
             said costs were high, down 18% from a year earlier.",
        );
        assert_ne!(row(&rows, "18%").counted, "asylum seekers");
    }

    #[test]
    fn a_sum_in_a_period_that_is_no_date_is_no_noun() {
        let rows = claims(
            "Exports reached $7.4 billion in the fiscal year that ended \
             in June.",
        );
        assert_eq!(row(&rows, "$7.4 billion").counted, "Exports");
    }

    #[test]
    fn the_date_after_a_level_reached_dates_the_change() {
        let rows = claims(
            "Net profit jumped 61% to 4.2 billion rand in the first half.",
        );
        assert_eq!(row(&rows, "61%").time, "first half");
        // A change with its own date keeps it.
        let rows = claims(
            "Net profit jumped 61% in 2024 to 4.2 billion rand in the \
             first half.",
        );
        assert_eq!(row(&rows, "61%").time, "2024");
    }

    #[test]
    fn a_count_before_a_measure_modifier_counts_its_noun() {
        let rows = claims("Farmers shipped 2.4 million 50-kg sacks of maize.");
        assert_eq!(row(&rows, "2.4 million").counted, "sacks");
        let rows = claims("She has had two 30-point games this month.");
        assert_eq!(row(&rows, "two").counted, "games");
    }

    #[test]
    fn a_possessive_names_head_stops_before_its_verb() {
        let rows = claims(
            "Lula's government posted a primary deficit of 0.4% of GDP.",
        );
        assert_eq!(row(&rows, "0.4%").subject, "Lula's government");
    }
}
