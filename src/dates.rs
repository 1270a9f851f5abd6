//! DATE expressions: `Jan. 1`, `October 27, 2025`, `09 January 2026`,
//! `September 2023`, `Friday`, `last year`, `earlier this month`,
//! `1997-98`, `1990s`, `two years ago`, and bare years in date context
//! (`in 2025 alone`).
//!
//! Extents follow the seed and MUC/IE-ER convention: the bare expression,
//! without a preposition (`on Friday` gives `Friday`, `in 2025` gives
//! `2025`). Claims use these spans as time anchors, and the number grammar
//! skips numbers inside them, so that years and days of the month are never
//! counted as figures.

use std::sync::OnceLock;

use std::panic::{RefUnwindSafe, UnwindSafe};

use regex_automata::hybrid::{self, dfa::DFA};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::nfa::thompson::NFA;
use regex_automata::util::{pool::Pool, start};
use regex_automata::{Anchored, Input, MatchKind};

use crate::annotation::{Canonical, Entity, EntityType, Origin};
use crate::error::{Error, Result};
use crate::segment::Segmentation;
use crate::span::Span;

const MONTHS: &str = "January|February|March|April|May|June|July|August|\
                      September|October|November|December";
/// Month abbreviations, with their period ("Jan. 1") or without it ("Nov
/// 24", a wire-service dateline style); every pattern puts a day or a year
/// after them, where no other reading is likely.
const MONTH_ABBR: &str =
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?";
const WEEKDAYS: &str =
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
/// Month and day names as ALL-CAPS copy writes them (telex-era wires,
/// headlines): a month only with its day or year, since a bare "MAY" or
/// "MARCH" in a shouted headline is as likely the verb.
const MONTHS_CAPS: &str = "JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|\
                           AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER";
const WEEKDAYS_CAPS: &str =
    "MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY";
const YEAR: &str = r"(?:1[5-9]\d\d|20\d\d)";
const DAY: &str = r"(?:[0-3]?\d)(?:st|nd|rd|th)?";
const NUMBER_WORDS: &str = "a|an|one|two|three|four|five|six|seven|eight|\
                            nine|ten|eleven|twelve|several|a few|few|\\d+";

/// Finds DATE expressions in a document.
///
/// The patterns are compiled twice over: with ASCII digits for the texts
/// that hold no other digit (nearly all), as Unicode `\d` spends half of
/// the start-up on its UTF-8 ranges and makes the lazy DFA's first states
/// dearer; and with `\d` itself, on the first text that needs it. On a
/// text without a non-ASCII digit the two find the same matches.
#[derive(Clone, Debug)]
pub struct DateStage {
    ascii: DateRegex,
    /// The pattern with Unicode `\d`, and the regex once compiled.
    unicode_pattern: String,
    unicode: OnceLock<DateRegex>,
}

/// The date patterns compiled, with where a match can start.
///
/// A search over the whole text runs the regex's lazy DFA over every
/// byte, which is slow on a DFA this large; yet few places can start a
/// date. So `find` runs an anchored search only from the positions whose
/// first two bytes (after the byte before them) the pattern can begin
/// with, taken in order and skipping those inside the last match: as a
/// leftmost-first search finds the leftmost start with a match and that
/// start's anchored match, the matches are the same.
struct DateRegex {
    /// The lazy DFA of the pattern (leftmost-first, as the `regex` crate
    /// searches), run anchored: it needs no reverse pass for the start.
    dfa: DFA,
    /// The same NFA, should the lazy DFA give up: its configuration
    /// never does, but a search must not fail.
    pikevm: PikeVM,
    starts: StartTable,
    caches: Pool<Caches, CacheFn>,
}

/// A search's scratch space: the lazy DFA's states, the PikeVM's.
struct Caches {
    dfa: hybrid::dfa::Cache,
    pikevm: pikevm::Cache,
}

type CacheFn =
    Box<dyn Fn() -> Caches + Send + Sync + UnwindSafe + RefUnwindSafe>;

impl DateRegex {
    fn new(pattern: &str) -> Result<DateRegex> {
        let err = |e: &dyn std::fmt::Display| {
            Error::config(format!("date patterns: {e}"))
        };
        let nfa = NFA::new(pattern).map_err(|e| err(&e))?;
        let dfa = DFA::builder()
            .configure(DFA::config().match_kind(MatchKind::LeftmostFirst))
            .build_from_nfa(nfa.clone())
            .map_err(|e| err(&e))?;
        let pikevm = PikeVM::new_from_nfa(nfa.clone()).map_err(|e| err(&e))?;
        let starts = StartTable::new(nfa);
        Ok(DateRegex::with(dfa, pikevm, starts))
    }

    fn with(dfa: DFA, pikevm: PikeVM, starts: StartTable) -> DateRegex {
        let (d, p) = (dfa.clone(), pikevm.clone());
        let caches = Pool::new(Box::new(move || Caches {
            dfa: d.create_cache(),
            pikevm: p.create_cache(),
        }) as CacheFn);
        DateRegex { dfa, pikevm, starts, caches }
    }

    /// Calls `each` with the start and end of every match of a
    /// leftmost-first search over `text`, in order.
    fn find(&self, text: &str, mut each: impl FnMut(usize, usize)) {
        let mut caches = self.caches.get();
        let caches = &mut *caches;
        // The end of the last match: a later one starts there or after.
        let mut next = 0;
        self.starts.each(text.as_bytes(), |at| {
            if at < next {
                return;
            }
            let input = Input::new(text).range(at..).anchored(Anchored::Yes);
            let end = match self.dfa.try_search_fwd(&mut caches.dfa, &input) {
                Ok(found) => found.map(|m| m.offset()),
                Err(_) => self
                    .pikevm
                    .find(&mut caches.pikevm, input)
                    .map(|m| m.end()),
            };
            if let Some(end) = end {
                each(at, end);
                next = end;
            }
        });
    }
}

impl Clone for DateRegex {
    fn clone(&self) -> DateRegex {
        DateRegex::with(
            self.dfa.clone(),
            self.pikevm.clone(),
            self.starts.clone(),
        )
    }
}

impl std::fmt::Debug for DateRegex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DateRegex").field("dfa", &self.dfa).finish()
    }
}

/// Where an anchored match of a pattern can start: at a byte `b0`
/// followed by `b1` (or by the end of the text), after a byte `prev`
/// (or the start of the text), such that some match begins with `b0 b1`
/// there. Read off the pattern's own DFA, not listed by hand: the bytes
/// `prev` that give the same start state are one context, and a pair
/// the DFA goes dead on from that context starts no match. So a word's
/// inside, after an ASCII letter, is no start but for `'90s`, since every
/// other alternative opens with `\b` and a word character.
#[derive(Clone, Debug)]
struct StartTable {
    /// The context after each byte.
    context: [u8; 256],
    /// The context at the start of the text.
    text_context: u8,
    /// Per context and first byte: 0 if no match starts with that byte,
    /// or 1 + the row of `second` for the bytes that can follow it.
    first: Box<[[u16; 256]; CONTEXTS]>,
    /// Rows of 256 bits: the second bytes a match can have.
    second: Vec<[u64; 4]>,
}

/// The most contexts a [`StartTable`] tells apart; the date patterns
/// have three (the start of the text, after a word byte, after another).
const CONTEXTS: usize = 4;

impl StartTable {
    /// The table of `nfa`'s pattern, or, should the DFA not read it (no
    /// case of the date patterns), a table with every position a start.
    fn new(nfa: NFA) -> StartTable {
        StartTable::read(nfa).unwrap_or_else(|_| StartTable {
            context: [0; 256],
            text_context: 0,
            first: Box::new([[1; 256]; CONTEXTS]),
            second: vec![[!0; 4]],
        })
    }

    fn read(nfa: NFA) -> std::result::Result<StartTable, String> {
        // Every match, not only the leftmost-first ones: a pair is dead
        // only if no string beginning with it matches from there. The
        // cache is large enough never to be cleared while the table is
        // read, so that state ids stay valid.
        let dfa = DFA::builder()
            .configure(
                DFA::config()
                    .match_kind(MatchKind::All)
                    .cache_capacity(64 << 20),
            )
            .build_from_nfa(nfa)
            .map_err(|e| e.to_string())?;
        let mut cache = dfa.create_cache();
        let e = |e: &dyn std::fmt::Display| e.to_string();
        let mut ids = Vec::new();
        let mut context_of = |behind: Option<u8>, cache: &mut _| {
            let config = start::Config::new()
                .anchored(Anchored::Yes)
                .look_behind(behind);
            let id = dfa.start_state(cache, &config).map_err(|x| e(&x))?;
            let c = ids.iter().position(|&s| s == id).unwrap_or_else(|| {
                ids.push(id);
                ids.len() - 1
            });
            u8::try_from(c).map_err(|x| e(&x))
        };
        let mut context = [0u8; 256];
        for (b, c) in (0..=255u8).zip(&mut context) {
            *c = context_of(Some(b), &mut cache)?;
        }
        let text_context = context_of(None, &mut cache)?;
        if ids.len() > CONTEXTS {
            return Err(format!("{} start states", ids.len()));
        }
        let mut first = Box::new([[0u16; 256]; CONTEXTS]);
        // One row per state after the first byte: all digits share one.
        let (mut second, mut rows) = (Vec::new(), Vec::new());
        for (&id, row) in ids.iter().zip(first.iter_mut()) {
            for (b0, slot) in (0..=255u8).zip(row.iter_mut()) {
                let s1 =
                    dfa.next_state(&mut cache, id, b0).map_err(|x| e(&x))?;
                if s1.is_dead() {
                    continue;
                }
                let at = match rows.iter().position(|&s| s == s1) {
                    Some(at) => at,
                    None => {
                        let mut bits = [0u64; 4];
                        for b1 in 0..=255u8 {
                            let s2 = dfa
                                .next_state(&mut cache, s1, b1)
                                .map_err(|x| e(&x))?;
                            if !s2.is_dead() {
                                bits[usize::from(b1 / 64)] |= 1 << (b1 % 64);
                            }
                        }
                        rows.push(s1);
                        second.push(bits);
                        second.len() - 1
                    }
                };
                *slot = u16::try_from(at + 1).map_err(|x| e(&x))?;
            }
        }
        if cache.clear_count() != 0 {
            return Err("the start table's DFA cache was cleared".into());
        }
        Ok(StartTable { context, text_context, first, second })
    }

    /// Calls `each` with every position of `text` a match can start at,
    /// in order.
    #[inline]
    fn each(&self, text: &[u8], mut each: impl FnMut(usize)) {
        // In locals, so that calls to `each` leave them in registers.
        let (first, next, second) =
            (&*self.first, &self.context, &*self.second);
        let mut context = usize::from(self.text_context) % CONTEXTS;
        for (at, &b0) in text.iter().enumerate() {
            let row = first[context][usize::from(b0)];
            context = usize::from(next[usize::from(b0)]) % CONTEXTS;
            if row == 0 {
                continue;
            }
            let follows = match text.get(at + 1) {
                Some(&b1) => {
                    second.get(usize::from(row) - 1).is_some_and(|bits| {
                        bits[usize::from(b1 / 64)] >> (b1 % 64) & 1 != 0
                    })
                }
                // A match may end with the text.
                None => true,
            };
            if follows {
                each(at);
            }
        }
    }
}

impl DateStage {
    /// Compiles the date patterns.
    ///
    /// # Errors
    ///
    /// Returns an error if a built-in pattern fails to compile, which
    /// would be a bug.
    pub fn new() -> Result<DateStage> {
        // Every pattern with `month` has a space after it.
        let month = format!("(?:{MONTHS}|{MONTHS_CAPS}|{MONTH_ABBR})");
        // The unit as running text writes it, or in ALL-CAPS copy ("LAST
        // YEAR"), but not in title case: "This Week" names a programme.
        let rel_unit = format!(
            "year|month|week|weekend|quarter|decade|century|spring|summer|\
             autumn|fall|winter|season|{WEEKDAYS}|YEAR|MONTH|WEEK|WEEKEND|\
             QUARTER|DECADE|CENTURY|SPRING|SUMMER|AUTUMN|FALL|WINTER|SEASON|\
             {WEEKDAYS_CAPS}"
        );
        let pattern = [
            // ISO and numeric dates.
            r"\b\d{4}-[01]\d-[0-3]\d\b".to_string(),
            // 15/03/2024, 3/15/2024, 15.03.2024: day and month in either
            // order, with a four-digit year.
            format!(
                r"\b[0-3]?\d/[0-3]?\d/{YEAR}\b|\b[0-3]?\d\.[0-3]?\d\.{YEAR}\b"
            ),
            // Fiscal years with a span of years or a capital: FY 2024-25,
            // Fiscal Year 2023 (see the budget years below, date:fiscal).
            format!(r"\bFY\s?(?:\d\d|{YEAR})(?:[-–/]\d\d(?:\d\d)?)?\b"),
            format!(r"\b[Ff]iscal\s+(?:[Yy]ear\s+)?{YEAR}(?:[-–/]\d\d)?\b"),
            // the 4th of July, 1776
            format!(
                r"\b[0-3]?\d(?:st|nd|rd|th)\s+of\s+(?:{MONTHS})(?:,?\s+{YEAR})?\b"
            ),
            // Quarters and halves of a (fiscal) year: Q3, Q3 2025, H1 2026.
            format!(r"\bQ[1-4](?:\s+{YEAR})?\b|\bH[12]\s+{YEAR}\b"),
            // third-quarter, the second quarter of 2024, first half of 2025
            format!(
                r"(?i:\b(?:first|second|third|fourth)[-\s]quarter\b)(?:,?\s+(?:of\s+)?{YEAR}\b)?"
            ),
            format!(r"(?i:\b(?:first|second)[-\s]half\b)(?:\s+of\s+{YEAR}\b)?"),
            // A span of units counted from an end: the first ten months,
            // the past 12 months, the last six weeks of 2025.
            format!(
                "{}{}{}",
                r"(?i:\b(?:first|last|past|next|previous|coming)\s+",
                format_args!(r"(?:{NUMBER_WORDS})\s+"),
                format_args!(
                    r"(?:days|weeks|months|quarters|years)\b)(?:\s+of\s+(?:{YEAR}\b|(?i:the|this|last|next)\s+year\b))?"
                )
            ),
            // the April-June quarter, January–March 2024
            format!(r"\b(?:{MONTHS})[-–](?:{MONTHS})(?:,?\s+{YEAR})?\b"),
            // October 27, 2025 / Jan. 1 / Sept. 1, 1987 / May 1-31 /
            // March 24 and 25 / Nov. 21 to 23
            format!(
                r"\b{month}\s+{DAY}(?:[-–]{DAY}|\s+(?:and|to)\s+{DAY})?(?:,?\s+{YEAR})?\b"
            ),
            // 09 January 2026 / 27 October / 27-28 October / 4 and 5
            // December / 21 to 23 November
            format!(
                r"\b{DAY}(?:[-–]{DAY}|\s+(?:and|to)\s+{DAY})?\s+(?:{MONTHS}|{MONTHS_CAPS})(?:,?\s+{YEAR})?\b"
            ),
            // September 2023 / Jan. 1996
            format!(r"\b{month}\s+{YEAR}\b"),
            // 1997-98, 2019–2020
            format!(r"\b{YEAR}[-–/](?:\d\d|{YEAR})\b"),
            // 1990s, '90s
            format!(r"\b{YEAR}s\b|'\d0s\b"),
            // the last quarter of 1997
            format!(r"(?i:\b(?:last|final)\s+quarter\s+of\s+){YEAR}\b"),
            // this financial year, the current fiscal year, the 1999
            // fiscal year, fiscal 2025, fiscal year 2026, FY2025
            format!(
                "{}{}{}",
                r"(?i:\b(?:(?:earlier|later|early|late)\s+)?",
                r"(?:last|this|next|past|current|previous|coming)\s+",
                r"(?:fiscal|financial|tax|budget)\s+year\b)"
            ),
            format!(r"\b{YEAR}\s+(?i:fiscal|financial)\s+year\b"),
            format!(r"\b[Ff]iscal\s+(?:year\s+)?{YEAR}\b|\bFY\s?(?:{YEAR}|\d\d)\b"),
            // earlier this month, last year, next Friday
            format!(
                "{}{}",
                r"(?i:\b(?:(?:earlier|later|early|late)\s+)?",
                format_args!(r"(?:last|this|next|past)\s+)(?:{rel_unit})\b")
            ),
            // two years ago
            format!(
                "{}{}",
                format_args!(r"(?i:\b(?:{NUMBER_WORDS})\s+"),
                r"(?:days?|weeks?|months?|years?|decades?|hours?|minutes?|centuries)\s+(?:ago|earlier)\b)"
            ),
            // the previous month, the prior year
            r"(?i:\bthe\s+(?:previous|prior|preceding)\s+(?:year|month|quarter|week|day|session)\b)".to_string(),
            r"\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow)\b".to_string(),
            format!(r"\b(?:{WEEKDAYS}|{WEEKDAYS_CAPS})\b"),
            format!(r"\b(?:{MONTHS})\b"),
            format!(r"\b{YEAR}\b"),
        ]
        .join("|")
        // ASCII word boundaries: with Unicode ones the regex engine leaves
        // its fast DFA for any text with a curly quote or an accent, which
        // is most news. `extract` restores the Unicode rule at the edges.
        .replace(r"\b", r"(?-u:\b)");
        let ascii = DateRegex::new(&pattern.replace(r"\d", "[0-9]"))?;
        Ok(DateStage {
            ascii,
            unicode_pattern: pattern,
            unicode: OnceLock::new(),
        })
    }

    /// The regex for `text`: the ASCII-digit one unless `text` holds a
    /// digit only Unicode `\d` matches.
    fn regex_for(&self, text: &str) -> &DateRegex {
        if !has_other_digit(text) {
            return &self.ascii;
        }
        self.unicode.get_or_init(|| {
            // The same pattern but for `[0-9]` compiled in `new`, and a
            // test compiles it as it is.
            DateRegex::new(&self.unicode_pattern)
                .expect("the date pattern with Unicode digits compiles")
        })
    }

    /// Appends every DATE expression in `text` to `out`.
    pub fn extract(
        &self,
        text: &str,
        _seg: &Segmentation,
        out: &mut Vec<Entity>,
    ) {
        let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        self.regex_for(text).find(text, |start, end| {
            if word_char(text[..start].chars().next_back())
                || word_char(text[end..].chars().next())
            {
                return;
            }
            let span = Span::new(start, end);
            let s = &text[start..end];
            let Some(rule) = classify(text, span, s) else { return };
            out.push(Entity {
                span,
                kind: EntityType::Date,
                canonical: Canonical::None,
                origin: Origin::Builtin(rule),
            });
        });
    }
}

/// Whether `text` may hold a digit outside ASCII, which Unicode `\d`
/// matches and `[0-9]` does not. Such a digit's first UTF-8 byte is 0xD9
/// or more, and not 0xE2 (U+2000 to U+2FFF hold none): most texts have
/// no such byte but in curly quotes and dashes, and are read a block at a
/// time; a test checks every char `\d` matches against this.
fn has_other_digit(text: &str) -> bool {
    let b = text.as_bytes();
    // 1 for a byte that may start such a digit; a mask rather than a
    // `bool`, so the test of a block compiles to wide compares.
    let lead = |c: u8| u8::from(c >= 0xD9) & u8::from(c != 0xE2);
    let digit_from = |at: usize, block: &[u8]| {
        block.iter().enumerate().any(|(k, &c)| {
            lead(c) == 1
                && c >= 0xC0
                && text[at + k..].chars().next().is_some_and(char::is_numeric)
        })
    };
    let blocks = b.chunks_exact(32);
    let tail = blocks.remainder();
    for (n, block) in blocks.enumerate() {
        if block.iter().fold(0, |any, &c| any | lead(c)) != 0
            && digit_from(n * 32, block)
        {
            return true;
        }
    }
    digit_from(b.len() - tail.len(), tail)
}

/// Names the rule that matched, or rejects an ambiguous match (`May` the
/// verb, a count such as `2000 troops`).
fn classify(text: &str, span: Span, s: &str) -> Option<&'static str> {
    let before = &text[..span.start];
    let after = &text[span.end..];
    let first = s.chars().next()?;
    let is_year = s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
    if is_year {
        // Inside a bigger number ("12,2025", "2025.5") or after money.
        let prev = before.chars().next_back();
        let mut next = after.chars();
        let (next1, next2) = (next.next(), next.next());
        if prev.is_some_and(|c| matches!(c, ',' | '.' | '$' | '€' | '£'))
            || next1.is_some_and(|c| matches!(c, ',' | '.' | '%'))
                && next2.is_some_and(|c| c.is_ascii_digit())
            || next1 == Some('%')
        {
            return None;
        }
        // Compared without case rather than lowered into a new string:
        // every word listed is lowercase ASCII.
        let prev_word = last_word(before);
        if [
            "about",
            "some",
            "nearly",
            "almost",
            "than",
            "only",
            "least",
            "around",
            "approximately",
            "roughly",
            "estimated",
            "page",
            "resolution",
            "flight",
            "no",
            "number",
            "route",
        ]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(prev_word))
        {
            return None;
        }
        let next = next_word(after);
        let counted = next.len() > 3
            && next.ends_with('s')
            && next.chars().all(|c| c.is_ascii_lowercase())
            && !matches!(next, "this" | "was" | "has" | "its" | "plus" | "as");
        // "(1950 GMT)": a time of day on the 24-hour clock.
        let clock = matches!(
            next,
            "GMT"
                | "UTC"
                | "hrs"
                | "hours"
                | "IST"
                | "EDT"
                | "EST"
                | "CET"
                | "BST"
                | "PST"
                | "PDT"
                | "JST"
        ) && s[..2] < *"24"
            && s[2..] < *"60";
        // "below 2019 levels", "above 2008 highs": the year's levels.
        let of_the_year = matches!(
            next,
            "levels" | "highs" | "lows" | "peaks" | "figures" | "averages"
        );
        // "the 1800 MHz band", "a 2000 km border": a measure.
        let measure = matches!(
            next,
            "MHz"
                | "GHz"
                | "kHz"
                | "Hz"
                | "MW"
                | "GW"
                | "kW"
                | "km"
                | "kg"
                | "cc"
                | "mm"
                | "mph"
        );
        if counted && !of_the_year
            || clock
            || measure
            // "1600 Pennsylvania Avenue": a house number.
            || crate::numbers::opens_street_address(after)
            || matches!(
                next,
                "percent" | "people" | "troops" | "million" | "billion"
            )
        {
            return None;
        }
        return Some("date:year");
    }
    // "this financial year", "fiscal 2025", "FY2025": a budget's year.
    if s.starts_with("FY")
        || s.split_whitespace().any(|w| {
            w.eq_ignore_ascii_case("fiscal")
                || w.eq_ignore_ascii_case("financial")
                || w.eq_ignore_ascii_case("tax")
                || w.eq_ignore_ascii_case("budget")
        })
    {
        return Some("date:fiscal");
    }
    if first.is_ascii_digit() || first == '\'' {
        return Some("date:numeric");
    }
    if matches!(first, 'Q' | 'H')
        && s.as_bytes().get(1).is_some_and(u8::is_ascii_digit)
    {
        return Some("date:quarter");
    }
    // "third-quarter", "the first half of 2025": a part of a (fiscal) year.
    // Only those patterns start with an ordinal.
    // "the first ten months", "the past 12 months": a span of units,
    // the only pattern with a count after such a word.
    let mut words = s.split_whitespace();
    let (w0, w1) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let from_an_end = ["first", "last", "past", "next", "previous", "coming"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(w0));
    let count = !w1.is_empty() && w1.bytes().all(|b| b.is_ascii_digit())
        || NUMBER_WORDS.split('|').any(|w| w.eq_ignore_ascii_case(w1));
    if from_an_end && count {
        return Some("date:relative");
    }
    let starts =
        |w: &str| s.get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w));
    if ["first", "second", "third", "fourth"].into_iter().any(starts) {
        // "the first half of the race", "the third quarter of the game":
        // a part of an event, not of a year.
        if !s.ends_with(|c: char| c.is_ascii_digit()) && of_an_event(after) {
            return None;
        }
        return Some("date:quarter");
    }
    if s == "May" || s == "March" {
        // The verbs and nouns: only after a date preposition.
        let prev = last_word(before);
        if ![
            "in", "since", "until", "by", "of", "last", "next", "early",
            "late", "mid", "during", "before", "after", "from", "through",
            "till", "this", "and",
        ]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(prev))
            && !ends_a_period(before)
            && !before_figures_noun(after)
        {
            return None;
        }
    }
    if s.contains(char::is_whitespace) {
        let b = s.as_bytes();
        if b.len() >= 3 && b[b.len() - 3..].eq_ignore_ascii_case(b"ago") {
            return Some("date:ago");
        }
        if s.chars().last().is_some_and(|c| c.is_ascii_digit()) {
            return Some("date:month_day");
        }
        return Some("date:relative");
    }
    if ["yesterday", "today", "tomorrow"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(s))
    {
        return Some("date:deictic");
    }
    if s.ends_with("day") || s.ends_with("DAY") {
        return Some("date:weekday");
    }
    Some("date:month")
}

/// Whether `before` ends with a period of accounts that a month ends:
/// "the year to March", "the quarter ended May" (not "marched to March").
fn ends_a_period(before: &str) -> bool {
    let prev = last_word(before);
    let rest = before.trim_end();
    let rest = &rest[..rest.len() - prev.len()];
    ["to", "ended", "ending", "through"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(prev))
        && ["year", "quarter", "months", "half", "period"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(last_word(rest)))
}

/// Whether `after` opens with a noun of figures that a month dates:
/// "March sales rose 5%", "May exports", "March retail sales".
fn before_figures_noun(after: &str) -> bool {
    if !after.starts_with(' ') {
        return false;
    }
    let next = next_word(after);
    let next = if matches!(next, "retail" | "car" | "home" | "industrial") {
        next_word(&after.trim_start()[next.len()..])
    } else {
        next
    };
    matches!(
        next,
        "sales"
            | "exports"
            | "imports"
            | "output"
            | "inflation"
            | "payrolls"
            | "production"
            | "shipments"
            | "orders"
            | "revenue"
            | "deliveries"
            | "arrivals"
            | "prices"
    )
}

fn last_word(s: &str) -> &str {
    let t = s.trim_end();
    let start = t
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &t[start..]
}

/// Whether `after`, the text after "first half" or "third quarter",
/// goes on "of" a determiner and a noun that is no span of time ("of the
/// race", "of his career"): the part is of that event.
fn of_an_event(after: &str) -> bool {
    let Some(rest) = after.trim_start().strip_prefix("of") else {
        return false;
    };
    if !rest.starts_with(char::is_whitespace) {
        return false;
    }
    let determiner = next_word(rest);
    if !["the", "a", "his", "her", "its", "their", "this", "that"]
        .iter()
        .any(|d| d.eq_ignore_ascii_case(determiner))
    {
        return false;
    }
    let noun = next_word(&rest.trim_start()[determiner.len()..]);
    !noun.is_empty()
        && ![
            "year",
            "decade",
            "century",
            "month",
            "quarter",
            "fiscal",
            "financial",
            "calendar",
            "season",
            "current",
            "next",
            "last",
            "previous",
            "same",
            "millennium",
        ]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(noun))
}

fn next_word(s: &str) -> &str {
    let t = s.trim_start();
    let end = t.find(|c: char| !c.is_alphanumeric()).unwrap_or(t.len());
    &t[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn dates(text: &str) -> Vec<&str> {
        let stage = DateStage::new().expect("built-in patterns compile");
        let mut out = Vec::new();
        stage.extract(text, &Segmentation::default(), &mut out);
        out.iter().map(|e| e.span.of(text)).collect()
    }

    /// Matches as (start, end) pairs.
    type Matches = Vec<(usize, usize)>;

    /// The matches of [`DateRegex::find`] from the start table's
    /// positions and those of a leftmost-first search over the whole
    /// text, as the `regex` crate finds them, with ASCII and with Unicode
    /// digits: the two of each pair must be the same.
    fn both_searches(text: &str) -> [(Matches, Matches); 2] {
        static FIXTURES: OnceLock<(DateStage, Regex, Regex)> = OnceLock::new();
        let (stage, full_ascii, full_unicode) = FIXTURES.get_or_init(|| {
            let stage = DateStage::new().expect("built-in patterns compile");
            let ascii = stage.unicode_pattern.replace(r"\d", "[0-9]");
            let full_ascii = Regex::new(&ascii).expect("compiles");
            let full_unicode =
                Regex::new(&stage.unicode_pattern).expect("compiles");
            (stage, full_ascii, full_unicode)
        });
        let unicode = stage.regex_for("٢");
        [(&stage.ascii, full_ascii), (unicode, full_unicode)].map(
            |(ours, full)| {
                let want = full
                    .find_iter(text)
                    .map(|m| (m.start(), m.end()))
                    .collect();
                let mut got = Vec::new();
                ours.find(text, |start, end| got.push((start, end)));
                (got, want)
            },
        )
    }

    #[test]
    fn anchored_starts_find_what_a_full_search_does() {
        let mut texts: Vec<String> = [
            // Starts inside a word (an ASCII boundary after an accent),
            // next to each other, and swallowed by an earlier match.
            "é2025-26 and x2025, then 2025-26 and 2025 2026 2027.",
            "On May 5, 2025 and May 2025; 4 and 5 December 2024",
            "FY2025-26 FY 25 fiscal 2024-25 Fiscal Year 2023 FY",
            "in the 1990s'90s, it's '90s and ''90s",
            "last week of May 1-31, early next year, later this month",
            "a few days ago, an hour earlier, several decades ago",
            "Q3 2025Q4 H1 2026 Q5 H3 2026 q3",
            "MONDAY, AUGUST 30, 2025; THE PREVIOUS YEAR; the previous year",
            "Earlier THIS MONTH the first-half of 2025, Second Quarter",
            // Case folding reaches past ASCII: a long s, a Kelvin sign.
            "ſeven days ago, laſt year, two wee\u{212A}s ago",
            "20٢٥s, ٢٠٢٥ and 20\u{0660}\u{0661}",
            "1996-08-30, 15/03/2024, 3.15.2024, 12/31/1999x",
            "the 4th of July, 1776 and 2nd of March",
            "\r\nToday\nyesterday\ttomorrow",
            // Ends of text in the middle of a possible date.
            "May 5",
            "Q3",
            "20",
            "5",
            "'9",
            "",
        ]
        .map(String::from)
        .to_vec();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
        for entry in std::fs::read_dir(dir).expect("data/ exists") {
            let path = entry.expect("dir entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                texts.push(std::fs::read_to_string(path).expect("utf-8"));
            }
        }
        let mut found = 0;
        for text in &texts {
            for (got, want) in both_searches(text) {
                assert_eq!(got, want, "{text:?}");
                found += want.len();
            }
        }
        assert!(found > 100, "{found} matches");
    }

    #[test]
    fn the_start_table_is_read_off_the_dfa() {
        let stage = DateStage::new().expect("built-in patterns compile");
        let starts = &stage.ascii.starts;
        // Not the table of every position, which the DFA's failure gives.
        assert!(starts.second.len() > 1, "{starts:?}");
        let text = "Mr Xu met us after zoo visits in 1990s and '90s";
        let mut at = Vec::new();
        starts.each(text.as_bytes(), |p| at.push(&text[p..]));
        // Only a year, "an" (as in "an hour ago") and a decade can start
        // here; inside a word only the `'` of "'90s".
        assert_eq!(at, ["1990s and '90s", "and '90s", "'90s", "90s"]);
    }

    proptest::proptest! {
        /// Texts made of date words, digits and separators: the matches
        /// from the start table's positions are the full search's.
        #[test]
        fn anchored_starts_match_on_date_fragments(
            parts in proptest::collection::vec(
                proptest::sample::select(&[
                    "May", "MAY", "Jan.", "Sept", "5", "31st", "2025", "98",
                    "'", "90s", "-", "–", "/", ".", ",", " ", "  ", "\n",
                    "the", "previous", "last", "this", "year", "quarter",
                    "of", "a", "few", "two", "days", "ago", "FY", "Q3",
                    "H1", "fiscal", "first", "half", "é", "x", "٢", "ſ",
                    "Today", "Friday", "FRIDAY", "earlier", "and", "to",
                ][..]),
                0..14,
            ),
        ) {
            let text = parts.concat();
            for (got, want) in both_searches(&text) {
                proptest::prop_assert_eq!(got, want, "{:?}", text);
            }
        }
    }

    #[test]
    fn numeric_fiscal_and_of_month_dates() {
        assert_eq!(
            dates("Polls open on 09/10/2025 and close on 10.10.2025."),
            ["09/10/2025", "10.10.2025"]
        );
        assert_eq!(
            dates(
                "Profit rose in FY25 and FY 2025-26 but fell in fiscal 2024."
            ),
            ["FY25", "FY 2025-26", "fiscal 2024"]
        );
        assert_eq!(
            dates("Born on the 2nd of March, 1990, she left on 3rd of June."),
            ["2nd of March, 1990", "3rd of June"]
        );
        // Neither a fraction, a score nor a price is a date.
        assert_eq!(
            dates("It won 3/4 of seats at 12.50 a share."),
            [] as [&str; 0]
        );
        // The fiscal pattern leaves other words starting with F alone.
        assert_eq!(
            dates("In February 2024, on Friday"),
            ["February 2024", "Friday"]
        );
    }

    #[test]
    fn a_part_of_an_event_is_no_date() {
        assert!(dates("She ran the first half of the race fast.").is_empty());
        assert!(
            dates("He scored in the third quarter of the game.").is_empty()
        );
        assert_eq!(
            dates("Sales fell in the first half of the year."),
            ["first half"]
        );
        assert_eq!(
            dates("Profit rose in the second quarter."),
            ["second quarter"]
        );
    }

    #[test]
    fn a_house_number_is_no_year() {
        assert!(dates("They met at 1600 Pennsylvania Avenue.").is_empty());
        assert!(dates("He lived at 1910 Lake Shore Dr. for years.").is_empty());
        assert_eq!(dates("In 1600 Pennsylvania was a forest."), ["1600"]);
    }

    #[test]
    fn other_digits_are_all_found() {
        // Every char Unicode `\d` matches outside ASCII passes the test of
        // `has_other_digit`, so the ASCII-digit regex is only used where
        // it finds what the Unicode one does.
        let digit = Regex::new(r"^\d$").expect("compiles");
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.to_string();
            if !c.is_ascii() && digit.is_match(&s) {
                assert!(has_other_digit(&s), "{c:?} U+{:04X}", u32::from(c));
                assert!(has_other_digit(&format!("quote “{s}” 2025")));
            }
        }
        for text in ["", "in 2025 “alone” — ½ of €5", "Ünïcödé – ok"]
        {
            assert!(!has_other_digit(text), "{text}");
        }
        assert!(has_other_digit(&format!("{}٢٠٢٥", "x".repeat(63))));
        // Both compile; only Unicode `\d` reads the Arabic-Indic digits
        // of a decade.
        let stage = DateStage::new().expect("built-in patterns compile");
        assert!(std::ptr::eq(stage.regex_for("in 2025"), &stage.ascii));
        let find = |re: &DateRegex, text: &'static str| -> Vec<&'static str> {
            let mut found = Vec::new();
            re.find(text, |start, end| found.push(&text[start..end]));
            found
        };
        let text = "in the 20٢٥s and 2025";
        assert_eq!(find(stage.regex_for(text), text), ["20٢٥s", "2025"]);
        assert_eq!(find(&stage.ascii, text), ["2025"]);
    }

    #[test]
    fn date_expressions() {
        let cases: &[(&str, &[&str])] = &[
            ("on October 27, 2025. (AFP)", &["October 27, 2025"]),
            ("Updated 09 January 2026", &["09 January 2026"]),
            ("The letter, dated Jan. 1, was", &["Jan. 1"]),
            ("posted on X on Friday.", &["Friday"]),
            ("in September 2023, describing", &["September 2023"]),
            ("had increased tenfold last year, with", &["last year"]),
            // ALL-CAPS copy, but a title-case unit names something else.
            ("UP FROM $31 BILLION LAST YEAR.", &["LAST YEAR"]),
            // A span of units counted from an end.
            ("rose 14.9% in the first ten months to", &["first ten months"]),
            (
                "in the first nine months of 2025,",
                &["first nine months of 2025"],
            ),
            ("fell over the past 12 months", &["past 12 months"]),
            ("in the last two years", &["last two years"]),
            ("RAINS EXPECTED NEXT WEEK", &["NEXT WEEK"]),
            ("told ABC's This Week on Sunday", &["Sunday"]),
            ("taking place in 2025 alone.", &["2025"]),
            ("earlier this month", &["earlier this month"]),
            ("the 1997-98 season", &["1997-98"]),
            ("in the 1990s", &["1990s"]),
            ("on 1996-08-30 at", &["1996-08-30"]),
            ("he said yesterday", &["yesterday"]),
            ("next week", &["next week"]),
            ("will borrow more this financial year", &["this financial year"]),
            ("in the current fiscal year", &["current fiscal year"]),
            ("budget for the 2027 fiscal year is", &["2027 fiscal year"]),
            ("profit in fiscal 2024 rose", &["fiscal 2024"]),
            ("its FY2026 guidance", &["FY2026"]),
            ("two years ago", &["two years ago"]),
            ("up 4% from a year earlier", &["a year earlier"]),
            ("in the last quarter of 1997", &["last quarter of 1997"]),
            ("than in the previous quarter", &["the previous quarter"]),
            ("meets on March 24 and 25.", &["March 24 and 25"]),
            ("(0930 GMT Friday)", &["Friday"]),
            ("lowest since 5.79 percent on Feb. 17.", &["Feb. 17"]),
            ("In March, police", &["March"]),
            ("They may march. May we?", &[]),
            // ALL-CAPS copy: a day, and a month with its day or year;
            // a bare month is as likely a verb.
            (
                "BIDEN MET XI ON WEDNESDAY; TALKS ENDED IN AUGUST 2022.",
                &["WEDNESDAY", "AUGUST 2022"],
            ),
            ("PRICES MAY FALL IN MARCH, BUT MAY 5 IS SET.", &["MAY 5"]),
            ("LONDON, 29 NOVEMBER - TROOPS MARCH ON.", &["29 NOVEMBER"]),
            ("profit in the year to March rose", &["March"]),
            // Before a noun of figures, March and May date them.
            ("March retail sales rose 0.7%", &["March"]),
            ("May exports fell", &["May"]),
            ("May sales may rise", &["May"]),
            ("March sale", &[]),
            ("They marched to March Street.", &[]),
            ("some 2000 troops and 1500 people", &[]),
            ("paid $2025 for", &[]),
            ("Resolution 2401 says", &[]),
            ("GENEVA, Nov 24 (Reuters) - The", &["Nov 24"]),
            ("since Sept 2023, when", &["Sept 2023"]),
            ("Oct and Nov were dry", &[]),
            ("profit for the April-June quarter", &["April-June"]),
            ("in the January–March 2024 period", &["January–March 2024"]),
            // Ranges of days: the second day is no count.
            ("on sale from May 1-31. People", &["May 1-31"]),
            ("finals September 27-28)", &["September 27-28"]),
            ("held 27–28 October 2025 in", &["27–28 October 2025"]),
            ("runs from Nov. 21 to 23 in Lima", &["Nov. 21 to 23"]),
            ("runs from 21 to 23 November", &["21 to 23 November"]),
            ("votes on 4 and 5 December.", &["4 and 5 December"]),
            // Quarters and halves; not inside other codes.
            ("The deal, signed in Q3, takes", &["Q3"]),
            ("profit for Q4 2025 rose", &["Q4 2025"]),
            ("guidance for H1 2026 was", &["H1 2026"]),
            ("the H1N1 virus and the Q7 model", &[]),
            ("third-quarter profit rose", &["third-quarter"]),
            (
                "in the second quarter of 2024, sales",
                &["second quarter of 2024"],
            ),
            ("First-half revenue fell", &["First-half"]),
            ("a three-quarter share and half the votes", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(&dates(text), want, "{text:?}");
        }
    }
}
