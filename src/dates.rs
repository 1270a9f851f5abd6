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

use regex::Regex;

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
const YEAR: &str = r"(?:1[5-9]\d\d|20\d\d)";
const DAY: &str = r"(?:[0-3]?\d)(?:st|nd|rd|th)?";
const NUMBER_WORDS: &str = "a|an|one|two|three|four|five|six|seven|eight|\
                            nine|ten|eleven|twelve|several|a few|few|\\d+";

/// Finds DATE expressions in a document.
#[derive(Clone, Debug)]
pub struct DateStage {
    re: Regex,
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
        let month = format!("(?:{MONTHS}|{MONTH_ABBR})");
        let rel_unit = format!(
            "year|month|week|weekend|quarter|decade|century|spring|summer|\
             autumn|fall|winter|season|{WEEKDAYS}"
        );
        let pattern = [
            // ISO and numeric dates.
            r"\b\d{4}-[01]\d-[0-3]\d\b".to_string(),
            // the April-June quarter, January–March 2024
            format!(r"\b(?:{MONTHS})[-–](?:{MONTHS})(?:,?\s+{YEAR})?\b"),
            // October 27, 2025 / Jan. 1 / Sept. 1, 1987
            format!(r"\b{month}\s+{DAY}(?:,?\s+{YEAR})?\b"),
            // 09 January 2026 / 27 October
            format!(r"\b{DAY}\s+(?:{MONTHS})(?:,?\s+{YEAR})?\b"),
            // September 2023 / Jan. 1996
            format!(r"\b{month}\s+{YEAR}\b"),
            // 1997-98, 2019–2020
            format!(r"\b{YEAR}[-–/](?:\d\d|{YEAR})\b"),
            // 1990s, '90s
            format!(r"\b{YEAR}s\b|'\d0s\b"),
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
                r"(?:days?|weeks?|months?|years?|decades?|hours?|minutes?|centuries)\s+ago\b)"
            ),
            r"\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow)\b".to_string(),
            format!(r"\b(?:{WEEKDAYS})\b"),
            format!(r"\b(?:{MONTHS})\b"),
            format!(r"\b{YEAR}\b"),
        ]
        .join("|")
        // ASCII word boundaries: with Unicode ones the regex engine leaves
        // its fast DFA for any text with a curly quote or an accent, which
        // is most news. `extract` restores the Unicode rule at the edges.
        .replace(r"\b", r"(?-u:\b)");
        let re = Regex::new(&pattern)
            .map_err(|e| Error::config(format!("date patterns: {e}")))?;
        Ok(DateStage { re })
    }

    /// Appends every DATE expression in `text` to `out`.
    pub fn extract(
        &self,
        text: &str,
        _seg: &Segmentation,
        out: &mut Vec<Entity>,
    ) {
        let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        for m in self.re.find_iter(text) {
            if word_char(text[..m.start()].chars().next_back())
                || word_char(text[m.end()..].chars().next())
            {
                continue;
            }
            let span = Span::new(m.start(), m.end());
            let s = m.as_str();
            let Some(rule) = classify(text, span, s) else { continue };
            out.push(Entity {
                span,
                kind: EntityType::Date,
                canonical: Canonical::None,
                origin: Origin::Builtin(rule),
            });
        }
    }
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
        let next2: Vec<char> = after.chars().take(2).collect();
        if prev.is_some_and(|c| matches!(c, ',' | '.' | '$' | '€' | '£'))
            || next2.first().is_some_and(|c| matches!(c, ',' | '.' | '%'))
                && next2.get(1).is_some_and(char::is_ascii_digit)
            || next2.first() == Some(&'%')
        {
            return None;
        }
        let prev_word = last_word(before).to_ascii_lowercase();
        if matches!(
            prev_word.as_str(),
            "about"
                | "some"
                | "nearly"
                | "almost"
                | "than"
                | "only"
                | "least"
                | "around"
                | "approximately"
                | "roughly"
                | "estimated"
                | "page"
                | "resolution"
                | "flight"
                | "no"
                | "number"
                | "route"
        ) {
            return None;
        }
        let next = next_word(after);
        let counted = next.len() > 3
            && next.ends_with('s')
            && next.chars().all(|c| c.is_ascii_lowercase())
            && !matches!(next, "this" | "was" | "has" | "its" | "plus" | "as");
        if counted
            || matches!(
                next,
                "percent" | "people" | "troops" | "million" | "billion"
            )
        {
            return None;
        }
        return Some("date:year");
    }
    if first.is_ascii_digit() || first == '\'' {
        return Some("date:numeric");
    }
    if s == "May" || s == "March" {
        // The verbs and nouns: only after a date preposition.
        let prev = last_word(before).to_ascii_lowercase();
        if !matches!(
            prev.as_str(),
            "in" | "since"
                | "until"
                | "by"
                | "of"
                | "last"
                | "next"
                | "early"
                | "late"
                | "mid"
                | "during"
                | "before"
                | "after"
                | "from"
                | "through"
                | "till"
                | "this"
                | "and"
        ) {
            return None;
        }
    }
    if s.contains(char::is_whitespace) {
        if s.to_ascii_lowercase().ends_with("ago") {
            return Some("date:ago");
        }
        if s.chars().last().is_some_and(|c| c.is_ascii_digit()) {
            return Some("date:month_day");
        }
        return Some("date:relative");
    }
    let lower = s.to_ascii_lowercase();
    if matches!(lower.as_str(), "yesterday" | "today" | "tomorrow") {
        return Some("date:deictic");
    }
    if s.ends_with("day") {
        return Some("date:weekday");
    }
    Some("date:month")
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

fn next_word(s: &str) -> &str {
    let t = s.trim_start();
    let end = t.find(|c: char| !c.is_alphanumeric()).unwrap_or(t.len());
    &t[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<&str> {
        let stage = DateStage::new().expect("built-in patterns compile");
        let mut out = Vec::new();
        stage.extract(text, &Segmentation::default(), &mut out);
        out.iter().map(|e| e.span.of(text)).collect()
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
            ("taking place in 2025 alone.", &["2025"]),
            ("earlier this month", &["earlier this month"]),
            ("the 1997-98 season", &["1997-98"]),
            ("in the 1990s", &["1990s"]),
            ("on 1996-08-30 at", &["1996-08-30"]),
            ("he said yesterday", &["yesterday"]),
            ("next week", &["next week"]),
            ("two years ago", &["two years ago"]),
            ("lowest since 5.79 percent on Feb. 17.", &["Feb. 17"]),
            ("In March, police", &["March"]),
            ("They may march. May we?", &[]),
            ("some 2000 troops and 1500 people", &[]),
            ("paid $2025 for", &[]),
            ("Resolution 2401 says", &[]),
            ("GENEVA, Nov 24 (Reuters) - The", &["Nov 24"]),
            ("since Sept 2023, when", &["Sept 2023"]),
            ("Oct and Nov were dry", &[]),
            ("profit for the April-June quarter", &["April-June"]),
            ("in the January–March 2024 period", &["January–March 2024"]),
        ];
        for (text, want) in cases {
            assert_eq!(&dates(text), want, "{text:?}");
        }
    }
}
