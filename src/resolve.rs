//! Stage 4: per-document resolution of entity candidates.
//!
//! Gazetteer matches and rule matches are candidates. This stage filters
//! the risky ones (common-word place names without context), settles
//! overlaps (longer wins, then priority), then works across the document:
//! a later `Sharif` links to `Shehbaz Sharif`, an acronym defined as
//! `International Organization for Migration (IOM)` is an organization
//! everywhere, `Amnesty` links to `Amnesty International`, and a name typed
//! once gets the same type at its other mentions.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::annotation::{Canonical, Entity, EntityType, Origin};
use crate::gazetteer::{Entry, Flags, Gazetteer, GazetteerMatch};
use crate::rules::{feature, strip_possessive, RuleMatch};
use crate::segment::{Segmentation, Token, TokenKind};
use crate::span::Span;

/// A candidate entity before resolution.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// The entity.
    pub entity: Entity,
    /// Higher wins an overlap of equal length.
    pub priority: i32,
}

/// Words before a place name that make a risky one (a common word, a
/// small town) count: "in Reading", "near Split".
const PLACE_CONTEXT: &[&str] = &[
    "in", "at", "near", "from", "to", "into", "outside", "of", "across",
    "via", "toward", "towards", "around",
];

/// The words of [`PLACE_CONTEXT`] that come before a place far more than
/// before a company: a listed company yields to a town named like it
/// after them ("plants in Toyota").
const TOWN_CONTEXT: &[&str] = &["in", "at", "near", "outside"];

/// The words of [`PLACE_CONTEXT`] that as often come before a person.
const PERSON_CONTEXT_TOO: &[&str] = &["to", "from", "of"];

/// Turns gazetteer matches into candidates, dropping those whose entry
/// needs context that the text does not give.
pub fn gazetteer_candidates(
    text: &str,
    seg: &Segmentation,
    feats: &[u64],
    gazetteer: &Gazetteer,
    matches: &[GazetteerMatch],
    out: &mut Vec<Candidate>,
) {
    // Entries seen in a form that needs no context (several words, or
    // mid-sentence): they vouch for risky mentions elsewhere ("Amnesty
    // International ... Amnesty said").
    let mut vouched = Vec::with_capacity(matches.len());
    out.reserve(matches.len());
    // The token each match starts at, found once for both passes.
    let mut cursor = TokenCursor::default();
    let first_toks: Vec<Option<usize>> = matches
        .iter()
        .map(|m| cursor.token_at(&seg.tokens, m.span.start))
        .collect();
    // Whether each match has a space, read once for both passes.
    let spaced: Vec<bool> =
        matches.iter().map(|m| has_space(m.span.of(text))).collect();
    for ((m, &first_tok), &spaced) in
        matches.iter().zip(&first_toks).zip(&spaced)
    {
        let f = first_tok.map_or(0, |i| feats[i]);
        if spaced || f & (feature::START | feature::COMMON) == 0 {
            vouched.push(m.entry);
        }
    }
    // Searched once per risky match: a long report vouches for thousands.
    vouched.sort_unstable();
    vouched.dedup();
    // The countries of the listed places matched, but for compass
    // divisions ("Eastern Province"), made when first asked.
    let countries_placed: std::cell::OnceCell<FxHashSet<&str>> =
        std::cell::OnceCell::new();
    // Each match's entry and its subtype's class, looked up in one short
    // loop: entries lie scattered in memory (a slot, the entry, its
    // strings), and a short loop lets the CPU wait for several at once
    // where the long one below waited for each in turn.
    // The listed entries first, reading only their type: the shortest
    // loop has the most lookups in flight.
    let listed: Vec<(&Entry, bool)> = matches
        .iter()
        .map(|m| {
            let entry = gazetteer.entry(m.entry);
            (entry, entry.entity_type() == Some(EntityType::Location))
        })
        .collect();
    let entries: Vec<(u32, &Entry, Area)> = matches
        .iter()
        .zip(listed)
        .zip(&first_toks)
        .map(|((m, (first, place)), &first_tok)| {
            // A listed company outranks a town named like it, but not
            // after a word of TOWN_CONTEXT.
            let town = (!place
                && &*first.subtype == "company"
                && first_tok.and_then(|i| i.checked_sub(1)).is_some_and(
                    |p| TOWN_CONTEXT.contains(&seg.tokens[p].span.of(text)),
                ))
            .then(|| {
                gazetteer.match_entries(m).iter().copied().find(|&e| {
                    gazetteer.entry(e).entity_type()
                        == Some(EntityType::Location)
                })
            })
            .flatten();
            let (id, entry) = if let Some(e) = town {
                (e, gazetteer.entry(e))
            } else if place {
                let best = best_place(text, gazetteer, m, first);
                // In the country named after it, or in the province its
                // `admin1` names.
                let best =
                    placed_by_region(text, &seg.tokens, gazetteer, matches, m)
                        .filter(|&(_, e, held)| {
                            e.country != best.1.country || held == 2
                        })
                        .map_or(best, |(i, e, _)| (i, e));
                titled_place(
                    text,
                    &seg.tokens,
                    gazetteer,
                    m,
                    first_tok,
                    best.1,
                )
                .map_or(best, |o| (o, gazetteer.entry(o)))
            } else {
                (m.entry, first)
            };
            // Evidence rows (given names, titles) are passed over below.
            let area = match entry.entity_type() {
                Some(_) => Area::of(entry),
                None => Area::Other,
            };
            (id, entry, area)
        })
        .collect();
    for (((m, &first_tok), &(mut entry_id, mut entry, area)), &spaced) in
        matches.iter().zip(&first_toks).zip(&entries).zip(&spaced)
    {
        let m = &GazetteerMatch { entry: entry_id, ..*m };
        let Some(mut kind) = entry.entity_type() else { continue };
        let Some(span) = trim_description(
            text,
            &seg.tokens,
            feats,
            first_tok,
            m.span,
            |w| own_name_word(gazetteer, &entry.name, w),
        ) else {
            continue;
        };
        if span != m.span {
            // "the UN refugee agency": the name written is "UN", and it
            // must be a listed name of the same type itself; the mention
            // still refers to the described entity (UNHCR), so it keeps
            // that entry. "Sudanese" in "the Sudanese army" is only a
            // nationality.
            let mut sub = Vec::new();
            gazetteer.find(span.of(text), &mut sub);
            let Some(head) =
                sub.first().filter(|s| s.span.len() == span.len())
            else {
                continue;
            };
            let head_entries = gazetteer.match_entries(head);
            let type_of = |o: u32| gazetteer.entry(o).entity_type();
            if !head_entries.iter().any(|&o| type_of(o) == Some(kind)) {
                // Only a nationality: the mention is that.
                let Some(&o) = head_entries
                    .iter()
                    .find(|&&o| type_of(o) == Some(EntityType::Nationality))
                else {
                    continue;
                };
                (entry_id, entry, kind) =
                    (o, gazetteer.entry(o), EntityType::Nationality);
            }
        }
        if names_a_holiday(text, &seg.tokens, span) {
            continue;
        }
        // "Emirates airline said": a place or people named before a
        // lowercase "airline" or "bank" is the company listed under
        // both words capitalized ("Emirates Airline").
        if matches!(kind, EntityType::Location | EntityType::Nationality)
            && span == m.span
        {
            let alias = kind == EntityType::Location
                && !crate::gazetteer::own_form(&entry.name, span.of(text));
            if let Some(o) =
                company_named_with_kind(text, &seg.tokens, gazetteer, m, alias)
            {
                (entry_id, entry, kind) =
                    (o, gazetteer.entry(o), EntityType::Organization);
            }
        }
        // "across the Caribbean", "the Caribbean and the Pacific": a
        // demonym after "the" that describes no noun is the region
        // named alike ("the Caribbean nations" keeps the adjective).
        if kind == EntityType::Nationality && span == m.span {
            // A region, not a town named alike ("when the German, hurt,
            // lost": the player).
            let quote = m.span.of(text);
            if let Some(o) = place_after_the(
                text,
                &seg.tokens,
                gazetteer,
                m,
                first_tok,
                |e| {
                    matches!(&*e.subtype, "region" | "continent")
                        && e.name.eq_ignore_ascii_case(quote)
                },
            ) {
                (entry_id, entry, kind) =
                    (o, gazetteer.entry(o), EntityType::Location);
            }
        }
        // "deforestation in the Amazon": a company named alone after "the"
        // is the river, forest or region listed alike.
        if kind == EntityType::Organization
            && span == m.span
            && &*entry.subtype == "company"
        {
            if let Some(o) = place_after_the(
                text,
                &seg.tokens,
                gazetteer,
                m,
                first_tok,
                |e| matches!(&*e.subtype, "feature" | "region" | "continent"),
            ) {
                (entry_id, entry, kind) =
                    (o, gazetteer.entry(o), EntityType::Location);
            }
        }
        // "Typhoon Kong-rey", "Hurricane Florence": a storm's name.
        if kind == EntityType::Location
            && span == m.span
            && first_tok.and_then(|i| i.checked_sub(1)).is_some_and(|p| {
                STORM_WORDS.contains(&seg.tokens[p].span.of(text))
            })
        {
            continue;
        }
        // "West Texas Intermediate", "Western Canadian Select", "Mustang
        // Mach-E": a crude grade or a product model, not the place.
        if matches!(kind, EntityType::Location | EntityType::Nationality)
            && (names_a_grade(text, &seg.tokens, span)
                || names_a_model(text, span))
        {
            continue;
        }
        // "the Real-Time Crime Index": a common word ending a hyphenated
        // word is no listed organization ("Time" the magazine); an
        // acronym there is ("counter-ISIL").
        if kind == EntityType::Organization
            && span == m.span
            && !spaced
            && entry.flags.has(Flags::COMMON_WORD)
            // "counter-ISIL" is the group.
            && span.of(text).chars().any(char::is_lowercase)
            && text[..span.start].ends_with('-')
            && text[..span.start - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        // "US$ 145 million", "HK$": a currency, not the place.
        if text.as_bytes().get(span.end) == Some(&b'$') {
            continue;
        }
        let quote = span.of(text);
        // `span` starts where the match does.
        let single_word =
            if span == m.span { !spaced } else { !has_space(quote) };
        let f = first_tok.map_or(0, |i| feats[i]);
        // Countries and continents are safe whatever the word list says
        // ("Japan", "China", "Turkey" are also common nouns); provinces
        // and regions only carry the gazetteer's own flag.
        let common = match area {
            Area::Nation => false,
            // A short alias of a province that is a common word ("No"
            // for Nord) needs context like any common word.
            Area::Region => {
                entry.flags.has(Flags::COMMON_WORD)
                    || !quote.eq_ignore_ascii_case(&entry.name)
                        && !quote.ends_with('.')
                        && f & feature::COMMON != 0
            }
            _ => {
                f & feature::COMMON != 0 || entry.flags.has(Flags::COMMON_WORD)
            }
        };
        // A small place named like a person ("Adams", "Alan", "Stewart")
        // is more often the person; a city of half a million named like a
        // surname only ("Naples") is the city, as surnames are rarer
        // than given names.
        let person_like = kind == EntityType::Location
            && f & (feature::GIVEN | feature::SURNAME) != 0
            && area == Area::Other
            && !entry.flags.has(Flags::CAPITAL)
            && entry.population
                < if f & feature::GIVEN != 0 { 1_000_000 } else { 500_000 };
        // "coach Hansi Flick": a town of a few thousand before a
        // capitalized surname that no list places is a given name the
        // lists lack, unless a place word comes before it ("in Hansi
        // Flick's town" is rare).
        if kind == EntityType::Location
            && single_word
            && area == Area::Other
            && !entry.flags.has(Flags::CAPITAL)
            && entry.population < 100_000
            && first_tok.is_some_and(|i| {
                let surname = feats.get(i + 1).is_some_and(|&n| {
                    n & (feature::SURNAME | feature::CAP)
                        == feature::SURNAME | feature::CAP
                        && n & feature::TITLE == 0
                });
                let prev =
                    i.checked_sub(1).map(|p| seg.tokens[p].span.of(text));
                surname
                    && seg.tokens.get(i + 1).is_some_and(|t| {
                        t.space_before
                            && t.newlines_before == 0
                            && !matches
                                .iter()
                                .any(|o| o.span.start == t.span.start)
                    })
                    && !prev.is_some_and(|p| {
                        PLACE_CONTEXT.iter().any(|c| c.eq_ignore_ascii_case(p))
                    })
            })
        {
            continue;
        }
        // "went to Mass.", "said Ill.": a state's abbreviation that is
        // a word names the state only after a town and a comma
        // ("Worcester, Mass.", datelines too) or a party's letter ("Sen.
        // Trent Lott, R-Miss.").
        if kind == EntityType::Location
            && area == Area::Region
            && quote.len() > 1
            && quote.ends_with('.')
            && gazetteer.is_common_word(&quote[..quote.len() - 1])
            && !first_tok.is_some_and(|i| {
                after_a_place_and_comma(text, &seg.tokens, matches, i)
            })
            && !text[..span.start]
                .strip_suffix('-')
                .and_then(|t| t.chars().next_back())
                .is_some_and(|c| c.is_ascii_uppercase())
        {
            continue;
        }
        // "Michael said": a given name before a verb of saying is a
        // person, not a province or small capital named like one (an
        // Isle of Man sheading, Douglas), unless the document names
        // another place of that country ("Alberta said" in a story on
        // Canada). A word that is a given name only, never a surname
        // ("Texas", "Indiana"), is a person only when the document names
        // someone so ("Texas Jones ... Texas said"): "Texas said it
        // would appeal" is the state.
        if kind == EntityType::Location
            && single_word
            && (area == Area::Region
                || area == Area::Other
                    && entry.flags.has(Flags::CAPITAL)
                    && entry.population < 1_000_000)
            && f & feature::GIVEN != 0
            // Before the search of the whole document for the name.
            && speaks(text, span)
            && (f & feature::SURNAME != 0
                || names_someone_so(text, &seg.tokens, feats, quote))
            && !matches.iter().any(|o| {
                let e = gazetteer.entry(o.entry);
                // Another place, not the same word elsewhere ("Victoria
                // Lindqvist ... Victoria said").
                o.span.of(text) != quote
                    && e.entity_type() == Some(EntityType::Location)
                    && gazetteer
                        .match_entries(m)
                        .iter()
                        .any(|&n| *gazetteer.entry(n).country == *e.country)
            })
        {
            continue;
        }
        // A listed company named like a given name, before a capitalized
        // word, starts a person's name ("Lindsay Davenport", not Lindsay
        // Corp.): left to the name rules. So does an acronym written in
        // title case ("Gerd Mueller", not the dam GERD).
        if kind == EntityType::Organization
            && single_word
            && f & feature::GIVEN != 0
            && (&*entry.subtype == "company"
                || gazetteer.match_form(m) != quote)
            && first_tok.is_some_and(|i| {
                feats.get(i + 1).is_some_and(|n| n & feature::CAP != 0)
            })
        {
            continue;
        }
        let risky = single_word
            && (common
                || person_like
                || entry.flags.has(Flags::SECTION)
                || entry.flags.has(Flags::LOW_PRIORITY)
                || entry.flags.has(Flags::AMBIGUOUS_ALIAS)
                    && quote != &*entry.name);
        if risky && kind != EntityType::Nationality {
            let prev = first_tok
                .and_then(|i| i.checked_sub(1))
                .map(|i| seg.tokens[i].span.of(text));
            let start = f & feature::START != 0;
            // "spoke to Alan", "a letter from Alan", "the wife of
            // Stanley": these prepositions take people as often as
            // places, so a small town named like a person needs another
            // ("flights to Valencia" stays a place).
            let townlike_person = person_like && entry.population < 100_000;
            // "Bishop of Durham": a title held of a place names it.
            let in_context = prev.is_some_and(|p| {
                PLACE_CONTEXT.iter().any(|c| c.eq_ignore_ascii_case(p))
                    && !(townlike_person
                        && PERSON_CONTEXT_TOO
                            .iter()
                            .any(|c| c.eq_ignore_ascii_case(p))
                        && !held_by_a_title(text, &seg.tokens, first_tok))
            }) && !start
                || start
                    && kind == EntityType::Location
                    && first_tok.is_some_and(|i| {
                        is_dateline(text, &seg.tokens, gazetteer, matches, i)
                    });
            // "England and Wales", "Zagreb, Split": coordinated with
            // another listed place.
            // (The features have no place bits yet: the matches say.)
            let joins_a_place = |joiner: usize, other: usize| {
                let Some(other) = seg.tokens.get(other) else { return false };
                seg.tokens.get(joiner).is_some_and(|t| {
                    matches!(t.span.of(text), "and" | "or" | "," | "&")
                }) && matches.iter().zip(&entries).any(
                    |(o, &(_, entry, _))| {
                        (o.span.end == other.span.end
                            || o.span.start == other.span.start)
                            && entry.entity_type()
                                == Some(EntityType::Location)
                    },
                )
            };
            // Not a place named like a person: "Portugal and Pedro I".
            let in_context = in_context
                || kind == EntityType::Location
                    && single_word
                    && !person_like
                    && first_tok.is_some_and(|i| {
                        i >= 2 && joins_a_place(i - 1, i - 2)
                            || joins_a_place(i + 1, i + 2)
                    });
            // "across the Pacific", "the Amazon is": a sea, river or
            // forest that "the" names alone (not a region named by a
            // word, "the Northeast", which annotation leaves untagged).
            let in_context = in_context
                || kind == EntityType::Location
                    && &*entry.subtype == "feature"
                    && after_the_alone(text, &seg.tokens, first_tok, span.end);
            // "Split, Croatia", "Reading, England": the place's own
            // country or province after a comma.
            let in_context = in_context
                || kind == EntityType::Location
                    && in_its_region(
                        text,
                        &seg.tokens,
                        gazetteer,
                        matches,
                        span,
                        entry,
                    );
            let big = entry.flags.has(Flags::CAPITAL)
                || entry.population >= 1_000_000;
            let ok = match kind {
                EntityType::Location => in_context || big && !common,
                // A listed organization or person with a common-word name
                // counts mid-sentence, anywhere once vouched for, and at a
                // sentence start before a verb of saying ("Google said"):
                // the common word ("google", "apple") says nothing.
                // But not as the last word of a longer capitalized name
                // the lists lack ("the Joint Chiefs" is no football team,
                // "the Sunday Times" no "Times"), unless that name is
                // vouched for elsewhere.
                _ => {
                    (!start
                        || vouched.binary_search(&entry_id).is_ok()
                        || speaks(text, span))
                        && !(common
                            && ends_an_unlisted_name(seg, feats, first_tok)
                            && vouched.binary_search(&entry_id).is_err()
                            // "Bradford Bulls": a team, by town and name.
                            && !after_a_listed_place(
                                seg, gazetteer, matches, first_tok,
                            ))
                }
            };
            if !ok {
                continue;
            }
        }
        // "Eastern Division", "Central Province": a compass word and an
        // administrative word name a province of many countries (Fiji's,
        // Sri Lanka's, Zambia's...) and sections of leagues; the listed
        // one only in a story that names another place of its country.
        if kind == EntityType::Location
            && area != Area::Nation
            && names_a_compass_division(quote)
            && (entry.country.is_empty()
                || !countries_placed
                    .get_or_init(|| {
                        // Another division of the kind vouches for none.
                        matches
                            .iter()
                            .filter(|o| {
                                !names_a_compass_division(o.span.of(text))
                            })
                            .map(|o| gazetteer.entry(o.entry))
                            .filter(|e| {
                                e.entity_type() == Some(EntityType::Location)
                            })
                            .map(|e| &*e.country)
                            .collect()
                    })
                    .contains(&*entry.country))
        {
            continue;
        }
        // Acronyms inside ALL-CAPS headlines are mostly words ("THIS IS").
        if f & feature::HEADLINE != 0
            && f & feature::UPPER != 0
            && f & feature::COMMON != 0
            && quote.len() <= 4
        {
            continue;
        }
        // "Amnesty International Kenya", "Oxfam India": a listed
        // charity's national chapter is named with the country, and is
        // the charity. Not a news agency or company ("told Reuters Kenya
        // would"), which is the reported speech of two names.
        let span = if kind == EntityType::Organization
            && &*entry.subtype == "ngo"
            && span == m.span
        {
            chapter_end(text, gazetteer, matches, span)
                .map_or(span, |end| Span::new(span.start, end))
        } else {
            span
        };
        out.push(Candidate {
            entity: Entity {
                span,
                kind,
                canonical: Canonical::Entry(entry_id),
                origin: Origin::Gazetteer(entry_id),
            },
            priority: 3,
        });
    }
}

/// Where the country or region naming a charity's chapter ends, when
/// one follows the charity at `span` after a single space: "Amnesty
/// International Kenya", "Save the Children UK", "Greenpeace Southeast
/// Asia".
fn chapter_end(
    text: &str,
    gazetteer: &Gazetteer,
    matches: &[GazetteerMatch],
    span: Span,
) -> Option<usize> {
    let at = span.end + 1;
    if text.as_bytes().get(span.end) != Some(&b' ') {
        return None;
    }
    let i = matches.partition_point(|m| m.span.start < at);
    let m = matches.get(i).filter(|m| m.span.start == at)?;
    let e = gazetteer.entry(m.entry);
    (e.entity_type() == Some(EntityType::Location)
        && matches!(&*e.subtype, "country" | "continent" | "region")
        && m.span.of(text).starts_with(char::is_uppercase))
    .then_some(m.span.end)
}

/// Whether the place at `span` is followed by `, Region` where Region is
/// a listed country or province of the same country as `entry`.
fn in_its_region(
    text: &str,
    tokens: &[Token],
    gazetteer: &Gazetteer,
    matches: &[GazetteerMatch],
    span: Span,
    entry: &Entry,
) -> bool {
    if entry.country.is_empty() {
        return false;
    }
    let next = tokens.partition_point(|t| t.span.start < span.end);
    if tokens.get(next).is_none_or(|t| t.span.of(text) != ",") {
        return false;
    }
    let Some(regions) = tokens
        .get(next + 1)
        .and_then(|t| listed_at(gazetteer, matches, t.span.start))
    else {
        return false;
    };
    regions.iter().any(|&r| {
        let e = gazetteer.entry(r);
        holds(e, entry).is_some()
    })
}

/// How closely region `region` holds place `place`: 2 when it is the
/// province named in the place's `admin1` column, 1 when it is the
/// place's country or a province of it (a place without `admin1`), else
/// `None`.
fn holds(region: &Entry, place: &Entry) -> Option<u8> {
    if region.entity_type() != Some(EntityType::Location)
        || region.country.is_empty()
        || region.country != place.country
    {
        return None;
    }
    match &*region.subtype {
        "province" if *place.admin1 == *region.canonical_id => Some(2),
        "province" if place.admin1.is_empty() => Some(1),
        "country" => Some(1),
        _ => None,
    }
}

/// The namesake of the place match `m` in the country or province
/// named after it: "Victoria, British Columbia" is Canada's Victoria,
/// "Perth, Scotland" Scotland's Perth, "Springfield, Illinois" the city
/// of that state, not Missouri's larger one. Of several there, the most
/// populous; with how closely the region holds it (see [`holds`]).
fn placed_by_region<'g>(
    text: &str,
    tokens: &[Token],
    gazetteer: &'g Gazetteer,
    matches: &[GazetteerMatch],
    m: &GazetteerMatch,
) -> Option<(u32, &'g Entry, u8)> {
    let next = tokens.partition_point(|t| t.span.start < m.span.end);
    if tokens.get(next).is_none_or(|t| t.span.of(text) != ",") {
        return None;
    }
    let regions =
        listed_at(gazetteer, matches, tokens.get(next + 1)?.span.start)?;
    let quote = m.span.of(text);
    gazetteer
        .match_entries(m)
        .iter()
        .map(|&i| (i, gazetteer.entry(i)))
        .filter(|&(_, e)| {
            e.entity_type() == Some(EntityType::Location)
                && Area::of(e) == Area::Other
                && (e.name.eq_ignore_ascii_case(quote)
                    || !e.name.is_ascii()
                        && crate::gazetteer::fold(&e.name)
                            == crate::gazetteer::fold(quote))
        })
        .filter_map(|(i, e)| {
            // "Athens, Georgia": the state, of the places named Georgia.
            let held = regions
                .iter()
                .filter_map(|&r| holds(gazetteer.entry(r), e))
                .max()?;
            Some((held, e.population, std::cmp::Reverse(i), e))
        })
        .max_by_key(|&(held, population, i, _)| (held, population, i))
        .map(|(held, _, std::cmp::Reverse(i), e)| (i, e, held))
}

/// The entries of the gazetteer match starting at byte `start`
/// (`matches` is in text order), when it is a place.
fn listed_at<'g>(
    gazetteer: &'g Gazetteer,
    matches: &[GazetteerMatch],
    start: usize,
) -> Option<&'g [u32]> {
    let m = match_at(matches, start)?;
    let e = gazetteer.entry(m.entry);
    (e.entity_type() == Some(EntityType::Location))
        .then(|| gazetteer.match_entries(m))
}

/// The entry of the gazetteer place match starting at byte `start`
/// (`matches` is in text order).
fn listed_place_at<'g>(
    gazetteer: &'g Gazetteer,
    matches: &[GazetteerMatch],
    start: usize,
) -> Option<&'g Entry> {
    let e = gazetteer.entry(match_at(matches, start)?.entry);
    (e.entity_type() == Some(EntityType::Location)).then_some(e)
}

/// The gazetteer match starting at byte `start` (`matches` is in text
/// order).
fn match_at(
    matches: &[GazetteerMatch],
    start: usize,
) -> Option<&GazetteerMatch> {
    let at = matches.partition_point(|m| m.span.start < start);
    matches.get(at).filter(|m| m.span.start == start)
}

/// Whether the place name at token `i` (a sentence start) opens a
/// dateline: "BOSTON _", "BONN, Germany _", "LONDON (Reuters) -",
/// "GENEVA 1996-08-22".
fn is_dateline(
    text: &str,
    tokens: &[Token],
    gazetteer: &Gazetteer,
    matches: &[GazetteerMatch],
    i: usize,
) -> bool {
    let word = |k: usize| tokens.get(k).map(|t| t.span.of(text));
    // Datelines are written in capitals.
    if word(i).is_none_or(|w| w.chars().any(char::is_lowercase)) {
        return false;
    }
    match word(i + 1) {
        Some("_" | "--" | "—" | "–" | "(") => true,
        // "BONN 1996-08-30": wire datelines carry the date.
        Some(_) if iso_date_follows(text, tokens[i].span.end) => true,
        Some(",") => tokens.get(i + 2).is_some_and(|t| {
            listed_place_at(gazetteer, matches, t.span.start).is_some()
        }),
        _ => false,
    }
}

/// Whether a `YYYY-MM` date follows `at` after spaces on the same line.
fn iso_date_follows(text: &str, at: usize) -> bool {
    let b = text[at..].trim_start_matches([' ', '\t']).as_bytes();
    b.len() >= 7
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
}

/// The entry a match stands for. Entries are ranked by class (a province
/// before a city), but a place written with its own name is that place,
/// not one it is an alias of: "Moscow" is the city, not Moscow Oblast;
/// "Belgrade" the city, not the district Beograd.
///
/// `first` is the match's own entry, a place.
fn best_place<'g>(
    text: &str,
    gazetteer: &'g Gazetteer,
    m: &GazetteerMatch,
    first: &'g Entry,
) -> (u32, &'g Entry) {
    let quote = m.span.of(text);
    // Most places are written as listed: the plain comparison first.
    // "Sao Paulo" names São Paulo and "New York" New York City as their
    // own names (see `gazetteer::own_form`), as the ranking has it.
    let named = |e: &Entry| {
        e.entity_type() == Some(EntityType::Location)
            && (*e.name == *quote
                || e.name.eq_ignore_ascii_case(quote)
                || crate::gazetteer::own_form(&e.name, quote))
    };
    if named(first) {
        return (m.entry, first);
    }
    // A country goes by its short name more than a river or a mountain
    // does by its own: "Congo" is the country.
    let nation = Area::of(first) == Area::Nation;
    gazetteer
        .match_entries(m)
        .iter()
        .map(|&i| (i, gazetteer.entry(i)))
        .find(|&(_, e)| named(e) && !(nation && &*e.subtype == "feature"))
        .unwrap_or((m.entry, first))
}

/// Whether a comma and a listed name come before token `i` ("Worcester,
/// Mass."), `matches` being in order of start.
fn after_a_place_and_comma(
    text: &str,
    tokens: &[Token],
    matches: &[GazetteerMatch],
    i: usize,
) -> bool {
    let Some(place) = i.checked_sub(2).map(|p| tokens[p].span) else {
        return false;
    };
    if tokens[i - 1].span.of(text) != "," {
        return false;
    }
    let at = matches.partition_point(|o| o.span.start < place.end);
    at > 0 && matches[at - 1].span.end == place.end
}

/// Titles of nobility and of the church, held "of" a place: "Duke of
/// Orleans", "Archbishop of Canterbury".
const SEE_TITLES: &[&str] = &[
    "Archbishop",
    "Archduke",
    "Baron",
    "Baroness",
    "Bishop",
    "Count",
    "Countess",
    "Duchess",
    "Duke",
    "Earl",
    "Marchioness",
    "Marquess",
    "Marquis",
    "Prince",
    "Princess",
    "Viscount",
    "Viscountess",
];

/// The countries of Europe (ISO 3166-1 alpha-2, sorted), where the
/// titles of [`SEE_TITLES`] are mostly held.
const EUROPE: &[&str] = &[
    "AD", "AL", "AT", "BA", "BE", "BG", "BY", "CH", "CY", "CZ", "DE", "DK",
    "EE", "ES", "FI", "FO", "FR", "GB", "GG", "GI", "GR", "HR", "HU", "IE",
    "IM", "IS", "IT", "JE", "LI", "LT", "LU", "LV", "MC", "MD", "ME", "MK",
    "MT", "NL", "NO", "PL", "PT", "RO", "RS", "RU", "SE", "SI", "SK", "SM",
    "UA", "VA", "XK",
];

/// Whether a title of [`SEE_TITLES`] and "of" come before token
/// `first_tok`: "Bishop of Durham".
fn held_by_a_title(
    text: &str,
    tokens: &[Token],
    first_tok: Option<usize>,
) -> bool {
    first_tok.and_then(|i| i.checked_sub(2)).is_some_and(|t| {
        tokens[t + 1].span.of(text) == "of"
            && SEE_TITLES.contains(&tokens[t].span.of(text))
    })
}

/// The European place listed under the form of match `m` (`first_tok`
/// its first token) when a title of [`SEE_TITLES`] holds it ("Duke of
/// Orleans" is the French city, not the larger Canadian one;
/// "Archbishop of Canterbury" the English city, not New Zealand's
/// region), unless `chosen` is European already, a capital or a city
/// of half a million ("Archbishop of Boston").
fn titled_place(
    text: &str,
    tokens: &[Token],
    gazetteer: &Gazetteer,
    m: &GazetteerMatch,
    first_tok: Option<usize>,
    chosen: &Entry,
) -> Option<u32> {
    if !held_by_a_title(text, tokens, first_tok)
        || EUROPE.binary_search(&&*chosen.country).is_ok()
        || chosen.flags.has(Flags::CAPITAL)
        || chosen.population >= 500_000
    {
        return None;
    }
    let quote = m.span.of(text);
    gazetteer
        .match_entries(m)
        .iter()
        .copied()
        .filter(|&o| {
            let e = gazetteer.entry(o);
            e.entity_type() == Some(EntityType::Location)
                && EUROPE.binary_search(&&*e.country).is_ok()
                && crate::gazetteer::own_form(&e.name, quote)
        })
        .max_by_key(|&o| {
            let e = gazetteer.entry(o);
            (&*e.subtype == "city", e.population)
        })
}

/// Lowercase kind words that a company's listed name may end in.
const COMPANY_KINDS: &[&str] = &["airline", "airlines", "airways", "bank"];

/// The organization listed as place or demonym match `m` followed by a
/// lowercase word of [`COMPANY_KINDS`] capitalized: "Emirates airline"
/// is Emirates Airline, "Ethiopian airline" Ethiopian Airlines. Before
/// a company's title and a name, the match is the company listed under
/// it and any of those words: "Ethiopian CEO Mesfin Tasew", and, for a
/// place named by an alias (not a country's own name: "Kenya President
/// William Ruto"), "Emirates President Tim Clark".
fn company_named_with_kind(
    text: &str,
    tokens: &[Token],
    gazetteer: &Gazetteer,
    m: &GazetteerMatch,
    alias: bool,
) -> Option<u32> {
    let next = tokens.partition_point(|t| t.span.start < m.span.end);
    let word = tokens.get(next)?.span.of(text);
    let word_at =
        |i: usize| tokens.get(next + i).map_or("", |t| t.span.of(text));
    let quote = m.span.of(text);
    let names: Vec<String> = if COMPANY_KINDS.contains(&word) {
        let mut kind = word.to_string();
        kind[..1].make_ascii_uppercase();
        // "Ethiopian airline" names Ethiopian Airlines too.
        vec![format!("{quote} {kind}"), format!("{quote} {kind}s")]
    } else {
        let title_len = match word {
            "CEO" | "Chairman" | "Chairwoman" => 1,
            "Chief" if word_at(1) == "Executive" => 2,
            "President" if alias => 1,
            _ => return None,
        };
        if !word_at(title_len).starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        ["Airline", "Airlines", "Airways", "Bank"]
            .iter()
            .map(|kind| format!("{quote} {kind}"))
            .collect()
    };
    let mut found = Vec::new();
    names.iter().find_map(|name| {
        found.clear();
        gazetteer.find(name, &mut found);
        let hit = found.first().filter(|f| f.span.len() == name.len())?;
        gazetteer.match_entries(hit).iter().copied().find(|&o| {
            gazetteer.entry(o).entity_type() == Some(EntityType::Organization)
        })
    })
}

/// Words after a demonym that show it names no noun: "the Caribbean
/// and", "the Caribbean last year", "the Caribbean is".
const NOT_DESCRIBED: &[&str] = &[
    "and", "or", "but", "in", "on", "at", "to", "from", "with", "for", "by",
    "of", "last", "this", "next", "as", "is", "was", "were", "are", "has",
    "had", "have", "will", "would", "can", "could", "may", "might", "where",
    "which", "that", "than", "after", "before", "since", "during", "until",
    "while", "when", "rose", "fell", "saw", "remains", "remained", "faces",
];

/// Whether the match ending at `end` (`first_tok` its first token)
/// follows "the" and describes no noun after it: "tourism to the
/// Caribbean rose", "across the Pacific.", "the Amazon's rivers".
fn after_the_alone(
    text: &str,
    tokens: &[Token],
    first_tok: Option<usize>,
    end: usize,
) -> bool {
    let Some(before) = first_tok
        .and_then(|first| first.checked_sub(1))
        .and_then(|p| tokens.get(p))
    else {
        return false;
    };
    if !before.span.of(text).eq_ignore_ascii_case("the") {
        return false;
    }
    let rest = &text[end..];
    if rest.starts_with("'s") || rest.starts_with("’s") {
        return true;
    }
    let next = tokens.partition_point(|t| t.span.start < end);
    !tokens.get(next).is_some_and(|t| {
        let w = t.span.of(text);
        w.chars().next().is_some_and(char::is_alphanumeric)
            && !NOT_DESCRIBED.contains(&w)
    })
}

/// The place listed under the same form as match `m` (`first_tok` its
/// first token) that `named` accepts, where "the" comes before it and no
/// noun it could describe follows: a demonym's region ("tourism to the
/// Caribbean rose"), a company's river or forest ("deforestation in the
/// Amazon").
fn place_after_the(
    text: &str,
    tokens: &[Token],
    gazetteer: &Gazetteer,
    m: &GazetteerMatch,
    first_tok: Option<usize>,
    named: impl Fn(&Entry) -> bool,
) -> Option<u32> {
    if !after_the_alone(text, tokens, first_tok, m.span.end) {
        return None;
    }
    gazetteer.match_entries(m).iter().copied().find(|&o| {
        let e = gazetteer.entry(o);
        e.entity_type() == Some(EntityType::Location) && named(e)
    })
}

/// How broad an area an entry's subtype names, as the risk checks of
/// [`gazetteer_candidates`] tell them apart.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
enum Area {
    /// A country or continent.
    Nation,
    /// A province or region.
    Region,
    /// Anything else: a city, a company, a person.
    Other,
}

impl Area {
    fn of(entry: &Entry) -> Area {
        match &*entry.subtype {
            "country" | "continent" => Area::Nation,
            "province" | "region" => Area::Region,
            _ => Area::Other,
        }
    }
}

/// Heads of organization names that name an activity, which a ministry's
/// portfolio does too ("Disaster Management Minister").
const ACTIVITY_HEADS: &[&str] =
    &["Management", "Research", "Economics", "Analytics", "Consulting"];

/// Offices that "Cabinet" opens: "Cabinet Secretary", "Cabinet Minister".
const CABINET_TITLES: &[&str] =
    &["Secretary", "Secretaries", "Minister", "Ministers"];

/// Whether `after` starts with a space and then the word `word`, whole.
fn word_follows(after: &str, word: &str) -> bool {
    after.strip_prefix(' ').and_then(|a| a.strip_prefix(word)).is_some_and(
        |rest| !rest.chars().next().is_some_and(char::is_alphanumeric),
    )
}

/// Company suffixes written with a final period.
const ABBREVIATED_SUFFIXES: &[&str] =
    &["Corp", "Co", "Inc", "Ltd", "Bros", "Cos", "Mfg", "Assn", "Intl"];

/// The name of a company without its legal suffix, spaces normalized:
/// "Merrill Lynch" for "Merrill Lynch & Co.".
fn company_stem(name: &str) -> Option<String> {
    // Most names have no legal suffix: look at the last word before
    // collecting any.
    let last = last_word(name)?;
    if !is_company_suffix(last.trim_end_matches('.')) {
        return None;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let (&last, mut stem) = words.split_last()?;
    if !is_company_suffix(last.trim_end_matches('.')) {
        return None;
    }
    while let Some((&w, rest)) = stem.split_last() {
        if !matches!(w, "&" | "and" | ",") {
            break;
        }
        stem = rest;
    }
    let mut out = stem.join(" ");
    while out.ends_with(',') {
        out.pop();
    }
    // One word is left to the first-word alias, which needs more care.
    out.contains(' ').then_some(out)
}

/// Whether `word` is a legal suffix that ends a company's name ("Corp",
/// "Inc", "plc", "Corporation"), told by its length first: nearly every
/// organization's last word is none, and a scan of a list of them
/// compared each.
fn is_company_suffix(word: &str) -> bool {
    match word.len() {
        2 => matches!(word, "Co" | "AG" | "SA" | "NV"),
        3 => matches!(word, "Inc" | "Ltd" | "Cos" | "plc" | "PLC" | "LLC"),
        4 => matches!(word, "Corp" | "GmbH"),
        7 => word == "Company",
        9 => word == "Companies",
        11 => word == "Corporation",
        _ => false,
    }
}

/// The last word of `name` as `split_whitespace` has it, read back a
/// byte at a time while the bytes are ASCII (names nearly always are).
fn last_word(name: &str) -> Option<&str> {
    let b = name.as_bytes();
    let mut end = b.len();
    while end > 0 && is_ascii_space(b[end - 1]) {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && !is_ascii_space(b[start - 1]) {
        if !b[start - 1].is_ascii() {
            // A space beyond ASCII may end the word.
            return name.split_whitespace().next_back();
        }
        start -= 1;
    }
    (start < end).then(|| &name[start..end])
}

/// Generational suffixes after a person's name.
const NAME_SUFFIXES: &[&str] = &["Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"];

/// What the alias passes need of a name's words, taken in one pass
/// without collecting them: how many, the first, the last and the one
/// before it.
struct NameWords<'a> {
    count: usize,
    first: &'a str,
    last: &'a str,
    before_last: &'a str,
}

impl<'a> NameWords<'a> {
    /// No words.
    const NONE: NameWords<'static> =
        NameWords { count: 0, first: "", last: "", before_last: "" };

    fn of(quote: &'a str) -> NameWords<'a> {
        let mut words = NameWords::NONE;
        for_each_word(quote, |word| words.take(word));
        words
    }

    /// Takes the next word of the name.
    fn take(&mut self, word: &'a str) {
        if self.count == 0 {
            self.first = word;
        }
        self.before_last = self.last;
        self.last = word;
        self.count += 1;
    }

    /// The last word but a generational suffix: "King" of "Martin Luther
    /// King Jr.".
    fn surname(&self) -> &'a str {
        if self.count >= 3 && NAME_SUFFIXES.contains(&self.last) {
            self.before_last
        } else {
            self.last
        }
    }
}

/// `quote` with the first letter of its opening particle in the other
/// case ("De Moraes" for "de Moraes" and back), when a particle opens a
/// name of two words or more: news capitalizes a particle at a
/// sentence's start and often when the given name is left out.
fn particle_recased(gazetteer: &Gazetteer, quote: &str) -> Option<String> {
    let (first, _) = quote.split_once(' ')?;
    let c = first.chars().next()?;
    if !c.is_alphabetic() || !gazetteer.evidence(first).particle {
        return None;
    }
    let other: String = if c.is_uppercase() {
        c.to_lowercase().collect()
    } else {
        c.to_uppercase().collect()
    };
    Some(other + &quote[c.len_utf8()..])
}

/// The name particles and surname that end a person's name `quote` of
/// three words or more, after a given name: "De Wever" of "Bart De
/// Wever", "Van der Bellen" of "Alexander Van der Bellen".
fn particles_and_surname<'a>(
    gazetteer: &Gazetteer,
    quote: &'a str,
) -> Option<&'a str> {
    let quote = strip_possessive(quote);
    let surname = quote.rfind(' ')?;
    let mut start = None;
    let mut end = surname;
    // Back over the particles before the surname, one word at a time.
    while let Some(at) = quote[..end].rfind(' ') {
        let word = &quote[at + 1..end];
        if word.is_empty() || !gazetteer.evidence(word).particle {
            break;
        }
        start = Some(at + 1);
        end = at;
    }
    // A given name stays before them.
    let start = start.filter(|_| !quote[..end].trim().is_empty())?;
    Some(&quote[start..])
}

/// Where a later mention of a person's surname at token `i` starts: at
/// the name particles before it that the full name at `full` also has
/// before its surname ("Van der Berg said", after "Joop van der Berg"),
/// else at the surname. Particles inside another entity (the one at
/// `entities[k]` or after) are not taken.
fn particles_before(
    text: &str,
    seg: &Segmentation,
    feats: &[u64],
    i: usize,
    full: Span,
    k: usize,
    entities: &[Entity],
) -> usize {
    let surname_start = seg.tokens[i].span.start;
    let taken_before = k
        .checked_sub(1)
        .and_then(|p| entities.get(p))
        .map_or(0, |e| e.span.end);
    let mut start = surname_start;
    let mut j = i;
    while j > 0
        && feats[j - 1] & feature::PARTICLE != 0
        && seg.tokens[j - 1].span.start >= taken_before
        && seg.tokens[j].space_before
    {
        j -= 1;
        let written = &text[seg.tokens[j].span.start..seg.tokens[i].span.end];
        let full_name = full.of(text);
        // The particles and surname end the full name, after a space.
        let fits = full_name.len() > written.len()
            && full_name.is_char_boundary(full_name.len() - written.len())
            && full_name[full_name.len() - written.len()..]
                .eq_ignore_ascii_case(written)
            && full_name[..full_name.len() - written.len()].ends_with(' ');
        if !fits {
            break;
        }
        start = seg.tokens[j].span.start;
    }
    start
}

/// Calls `take` with each word of `quote`, as `split_whitespace` has
/// them.
fn for_each_word<'a>(quote: &'a str, mut take: impl FnMut(&'a str)) {
    if quote.is_ascii() {
        // `split_whitespace` a byte at a time: names are nearly always
        // ASCII, and decoding each char cost more than the rest of the
        // alias passes.
        let b = quote.as_bytes();
        let mut i = 0;
        while i < b.len() {
            while b.get(i).is_some_and(|&c| is_ascii_space(c)) {
                i += 1;
            }
            let start = i;
            while b.get(i).is_some_and(|&c| !is_ascii_space(c)) {
                i += 1;
            }
            if i > start {
                take(&quote[start..i]);
            }
        }
    } else {
        quote.split_whitespace().for_each(take);
    }
}

/// Whether an ASCII byte is whitespace as `char::is_whitespace` has it
/// (which, unlike `u8::is_ascii_whitespace`, counts the vertical tab).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// Whether `s` has more than `n` characters, counting no further.
fn more_chars_than(s: &str, n: usize) -> bool {
    s.len() > n && s.chars().nth(n).is_some()
}

/// Words that may stand lowercase inside a name ("Bank of England").
const NAME_CONNECTORS: &[&str] = &[
    "of", "for", "and", "the", "de", "du", "des", "da", "do", "dos", "del",
    "della", "di", "la", "le", "von", "van", "der", "den", "bin", "ibn", "al",
    "el", "on", "in", "y", "&", "-", "'s", "’s", "d'", "d’",
    // Place names: "Dar es Salaam", "Newcastle upon Tyne", "Frankfurt am
    // Main", "Bergen op Zoom", "Alphen aan den Rijn", "Saint Pierre et Miquelon".
    "es", "upon", "am", "op", "aan", "sur", "et",
];

/// A gazetteer form with lowercase description words ("UN refugee agency",
/// "UN peacekeeping") names an entity, but only its capitalized head is a
/// name: trims the span to that head. `None` when nothing capitalized
/// leads. A lowercase word for which `own_word` holds is the name's own
/// ("Infratest dimap") and stays.
fn trim_description(
    text: &str,
    tokens: &[Token],
    feats: &[u64],
    first: Option<usize>,
    span: Span,
    own_word: impl Fn(&str) -> bool,
) -> Option<Span> {
    let Some(first) = first else { return Some(span) };
    let mut end = span.start;
    let mut i = first;
    while i < tokens.len() && tokens[i].span.start < span.end {
        let t = tokens[i];
        // Most words of a name are capitalized: the word is read only
        // where the features say lowercase, and a lowercase word glued to
        // the one before ("Amazon.com") is part of it.
        let lower = feats[i] & feature::LOWER != 0 && t.space_before && {
            let w = t.span.of(text);
            // "d’Ivoire", "l'Aquila": an elided article starts the word.
            let elided = w
                .split(['\'', '’'])
                .nth(1)
                .and_then(|rest| rest.chars().next())
                .is_some_and(char::is_uppercase);
            if own_word(w) {
                false
            } else if !elided
                && !NAME_CONNECTORS.contains(&w)
                && !w.contains('-')
            {
                break;
            } else {
                !elided
            }
        };
        if !lower {
            // A token running past the match ("Afghanistan’s") ends it.
            end = t.span.end.min(span.end);
        }
        i += 1;
    }
    // "Gavi, the vaccine alliance": the name ends before its comma.
    if end < span.end {
        end = span.start
            + text[span.start..end].trim_end_matches([',', ';', ':']).len();
    }
    if end == span.end {
        Some(span)
    } else if end > span.start {
        Some(Span::new(span.start, end))
    } else {
        None
    }
}

/// Whether the lowercase `word` is written so in the entry's own `name`
/// and is no English word: part of the name ("Infratest dimap", "Pavlodar
/// oblysy"), where a description word ("Tidewater region", an alias "UN
/// refugee agency") is not.
fn own_name_word(gazetteer: &Gazetteer, name: &str, word: &str) -> bool {
    name.split(' ').any(|n| n == word) && !gazetteer.is_common_word(word)
}

/// Capitalized words after a person's name that make the whole a thing
/// named after them ("the James Webb Space Telescope", "the Nelson
/// Mandela Foundation"): the name rules' person is none.
const NAMED_AFTER: &[&str] = &[
    "Refinery",
    "Telescope",
    "Prize",
    "Award",
    "Awards",
    "Foundation",
    "Institute",
    "Center",
    "Centre",
    "Airport",
    "Stadium",
    "Bridge",
    "Hospital",
    "University",
    "College",
    "School",
    "Library",
    "Museum",
    "Trust",
    "Memorial",
    "Street",
    "Avenue",
    "Boulevard",
    "Square",
    "Tunnel",
    "Dam",
    "Station",
    "Highway",
    "Expressway",
    "Trophy",
    "Cup",
    "Medal",
    "Festival",
    "Lecture",
    "Fellowship",
    "Scholarship",
    "Gallery",
    "Arena",
    "Line",
];

/// Capitalized words that a letter follows as a label, not an initial:
/// "Group C", "Pool B", "Plan B".
const LETTERED: &[&str] = &[
    "Group",
    "Pool",
    "Division",
    "Section",
    "Class",
    "Category",
    "Type",
    "Plan",
    "Phase",
    "Grade",
    "Zone",
    "Block",
    "Level",
    "Part",
    "Annex",
    "Appendix",
    "Article",
    "Schedule",
    "Tier",
    "Stage",
    "Conference",
    "League",
    "Series",
    "Vitamin",
    "Hepatitis",
    "Gate",
    "Terminal",
];

/// Whether `word` is one of [`LETTERED`], capitalized or not ("vitamin
/// D", "terminal C").
fn lettered(word: &str) -> bool {
    LETTERED.iter().any(|l| l.eq_ignore_ascii_case(word))
}

/// Whether the word ending at token `last` is an abbreviation: a
/// period is attached to it and the sentence goes on after it ("the
/// Univ. of Sao Paulo", "near Mt. Kenya", "Approx. 1,500 soldiers").
/// The segmenter ends a sentence at the period of any other word, so a
/// word of two letters or more with a period inside its sentence is one
/// of its abbreviations; a name's suffix ("Jr.") is no such word.
fn abbreviated(
    text: &str,
    tokens: &[Token],
    feats: &[u64],
    last: usize,
) -> bool {
    let Some(dot) = tokens.get(last + 1) else { return false };
    let word = tokens[last].span.of(text);
    // The sentence goes on with a word or number, not a closing quote
    // ("please Douglas Cardinal.''").
    let goes_on = feats.get(last + 1).is_some_and(|f| f & feature::END == 0)
        && feats.get(last + 2).is_some_and(|f| {
            f & (feature::WORD | feature::NUM) != 0 && f & feature::START == 0
        });
    dot.span.start == tokens[last].span.end
        && dot.span.of(text) == "."
        && goes_on
        && word.chars().nth(1).is_some()
        && !matches!(word, "Jr" | "Sr")
}

/// Words that name a storm by the name after them.
const STORM_WORDS: &[&str] = &["Typhoon", "Hurricane", "Cyclone", "Storm"];

/// Capitalized last words that make a name a facility's, a place:
/// "Heathrow Airport", "Wembley Stadium".
const FACILITY_HEADS: &[&str] = &[
    "Palace",
    "Airport",
    "Stadium",
    "Station",
    "Dam",
    "Tunnel",
    "Highway",
    "Expressway",
    "Avenue",
    "Boulevard",
];

/// Words of [`NAMED_AFTER`] that are surnames too: "Picabo Street",
/// "Frank Bridge".
const FACILITY_SURNAMES: &[&str] = &["Street", "Bridge", "Square"];

/// Lowercase words after a name that make it a craft's or a space
/// mission's: "the Artemis II crew", "the Perseverance rover".
const CRAFT_AFTER: &[&str] = &[
    "mission",
    "crew",
    "rocket",
    "spacecraft",
    "probe",
    "rover",
    "lander",
    "capsule",
    "satellite",
    "orbiter",
];

/// Lowercase words after a name that make it a facility's, a place ("the
/// Amir Kabir dam"); not "camp", which follows politicians ("the Biden
/// camp").
const FACILITY_AFTER: &[&str] = &[
    "dam",
    "airport",
    "stadium",
    "bridge",
    "hospital",
    "mosque",
    "reservoir",
    "tunnel",
    "refinery",
    "mine",
];

/// The word after byte `at`, past spaces and tabs.
fn next_word(text: &str, at: usize) -> &str {
    let after = text[at..].trim_start_matches([' ', '\t']);
    after.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("")
}

/// Turns rule matches into candidates, but for a person's name that
/// begins the name of a thing ("the James Webb Space Telescope"), and
/// with an organization's name cut before a title and a person's name
/// that a rule took into it ("Bank of Japan Governor Kazuo Ueda").
pub fn rule_candidates(
    text: &str,
    tokens: &[Token],
    feats: &[u64],
    matches: &[RuleMatch],
    out: &mut Vec<Candidate>,
) {
    // The people found, by start, for the organizations to be cut.
    let mut people: Vec<Span> = matches
        .iter()
        .filter(|m| m.kind == EntityType::Person)
        .map(|m| m.span)
        .collect();
    people.sort_unstable_by_key(|s| (s.start, s.end));
    for m in matches {
        let mut kind = m.kind;
        let mut span = m.span;
        if kind == EntityType::Organization {
            if let Some(end) =
                end_before_titled_person(text, tokens, feats, span, &people)
            {
                span.end = end;
            }
            // "Sinner beat Alcaraz 6-4 6-4": a name before scores of
            // sets is a player's, not a team's.
            if before_set_scores(&text[span.end..]) {
                kind = EntityType::Person;
            }
        }
        // "at the Univ. of Sao Paulo", "near Mt. Kenya": a
        // name or place ends on no abbreviation.
        if matches!(kind, EntityType::Person | EntityType::Location) {
            let last = tokens.partition_point(|t| t.span.start < span.end);
            if last > 0 && abbreviated(text, tokens, feats, last - 1) {
                continue;
            }
        }
        if kind == EntityType::Person {
            // "Archbishop of York Stephen Cottrell": a listed place after
            // "of" or "in" is no given name opening a longer name.
            let first = tokens.partition_point(|t| t.span.start < span.start);
            let place_first = feats.get(first).is_some_and(|f| {
                f & feature::LOC != 0 && f & feature::PER == 0
            }) && first.checked_sub(1).is_some_and(|p| {
                matches!(tokens[p].span.of(text), "of" | "in")
            });
            if place_first
                && feats.get(first + 1).is_some_and(|f| f & feature::LOC == 0)
                && tokens
                    .get(first + 2)
                    .is_some_and(|t| t.span.end <= span.end)
            {
                span.start = tokens[first + 1].span.start;
            }
            // "posted on X. Approx. 1,500": the platform X after "on" is
            // no initial, and the word after it no name.
            if tokens.get(first).is_some_and(|t| t.span.of(text) == "X")
                && first
                    .checked_sub(1)
                    .is_some_and(|p| tokens[p].span.of(text) == "on")
            {
                continue;
            }
            // "Group C. Mbappe's goals": the letter of a group, pool or
            // class before a full stop is no initial of the name after.
            if feats.get(first).is_some_and(|f| f & feature::INITIAL != 0)
                && first
                    .checked_sub(1)
                    .is_some_and(|p| lettered(tokens[p].span.of(text)))
            {
                match tokens.get(first + 2) {
                    Some(t) if t.span.start < span.end => {
                        span.start = t.span.start;
                    }
                    _ => continue,
                }
            }
            let next = next_word(text, m.span.end);
            // "Dangote Refinery said": a plant or collection named after
            // its founder, whose head no organization rule reads, is the
            // organization.
            let plant =
                |w: &str| matches!(w, "Refinery" | "Refineries" | "Gallery");
            let ends_on_plant = plant(last_word(span.of(text)).unwrap_or(""))
                && has_space(span.of(text));
            if ends_on_plant
                || plant(next) && text[m.span.end..].starts_with(' ')
            {
                let end = if ends_on_plant {
                    span.end
                } else {
                    m.span.end + 1 + next.len()
                };
                out.push(Candidate {
                    entity: Entity {
                        span: Span::new(span.start, end),
                        kind: EntityType::Organization,
                        canonical: Canonical::None,
                        origin: Origin::Rule(m.rule),
                    },
                    priority: m.priority,
                });
                continue;
            }
            if NAMED_AFTER.contains(&next) || names_a_grade_whole(text, m.span)
            {
                continue;
            }
            // "the Martin Luther King Day parade", "on Presidents Day": a
            // name that a run of capitalized words ending in "Day"
            // holds names the holiday.
            // So does "Day" alone after two capitalized words ("Martin
            // Luther King Day", read as a title and a name); "Doris Day"
            // and "Mr Day" are people.
            let after = tokens.partition_point(|t| t.span.start < span.end);
            let mut end = after;
            let capital = |i: usize| {
                feats.get(i).is_some_and(|f| {
                    f & feature::CAP != 0 && f & feature::START == 0
                })
            };
            while capital(end) {
                end += 1;
            }
            let at = tokens.partition_point(|t| t.span.start < span.start);
            let day_alone = at + 1 == after
                && tokens[at].span.of(text) == "Day"
                && at >= 2
                && capital(at - 1)
                && capital(at - 2);
            if end > after && tokens[end - 1].span.of(text) == "Day"
                || day_alone
            {
                continue;
            }
            // "NASA's Artemis II crew", "the Hope probe": a craft or
            // mission named like a person is none.
            if CRAFT_AFTER.contains(&next) {
                continue;
            }
            // "the Charles de Gaulle airport": the name is the place's.
            if FACILITY_AFTER.contains(&next) {
                kind = EntityType::Location;
            }
            // "Heathrow Airport said": a name ending in a facility's
            // word is the facility's; one ending in an institution's
            // ("Mayo Clinic", "Wellcome Trust") is no person's.
            let last = last_word(m.span.of(text)).unwrap_or("");
            if FACILITY_HEADS.contains(&last) {
                kind = EntityType::Location;
            } else if NAMED_AFTER.contains(&last)
                && !FACILITY_SURNAMES.contains(&last)
            {
                continue;
            }
        }
        out.push(Candidate {
            entity: Entity {
                span,
                kind,
                canonical: Canonical::None,
                origin: Origin::Rule(m.rule),
            },
            priority: m.priority,
        });
    }
}

/// Whether `after` opens with two scores of tennis sets: "6-4 7-6(5)",
/// each side of a set at most 7 games (a team's score is one, and the
/// sets of volleyball or table tennis run past 7).
fn before_set_scores(after: &str) -> bool {
    fn set(s: &str) -> Option<&str> {
        let b = s.as_bytes();
        let game = |c: u8| (b'0'..=b'7').contains(&c);
        if b.len() < 3 || !game(b[0]) || b[1] != b'-' || !game(b[2]) {
            return None;
        }
        let mut rest = &s[3..];
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        // A tie-break's points: "7-6(5)".
        if let Some(tb) = rest.strip_prefix('(') {
            let close = tb.find(')')?;
            if close == 0 || !tb[..close].bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            rest = &tb[close + 1..];
        }
        Some(rest)
    }
    after
        .strip_prefix(' ')
        .and_then(set)
        .and_then(|rest| rest.strip_prefix(' '))
        .and_then(set)
        .is_some()
}

/// Where organization `org` ends when a person of `people` (sorted by
/// start) starts inside it after a title and runs to its end: "Bank of
/// England Governor Andrew Bailey" is the bank, "University of Oxford
/// Professor Jane Green" the university. A title after "of the" is the
/// organization's ("Office of the Prime Minister Shehbaz Sharif").
fn end_before_titled_person(
    text: &str,
    tokens: &[Token],
    feats: &[u64],
    org: Span,
    people: &[Span],
) -> Option<usize> {
    let at = people.partition_point(|p| p.start <= org.start);
    let person =
        people.get(at).filter(|p| p.start < org.end && p.end >= org.end)?;
    let first = tokens.partition_point(|t| t.span.start < person.start);
    // A name, not a head word a title rule took for one ("National
    // Guard"): a given name opens it, or a surname ends it.
    let last = tokens.partition_point(|t| t.span.start < person.end) - 1;
    if feats.get(first).is_none_or(|f| f & feature::GIVEN == 0)
        && (last == first || feats[last] & feature::SURNAME == 0)
    {
        return None;
    }
    let mut title = first;
    while title > 0
        && tokens[title - 1].span.start > org.start
        && (feats[title - 1] & feature::TITLE != 0
            || tokens[title - 1].span.of(text) == ".")
    {
        title -= 1;
    }
    if title == first || title == 0 || tokens[title - 1].span.start < org.start
    {
        return None;
    }
    let before = &tokens[title - 1];
    let end = if feats[title - 1] & feature::LOWER != 0 {
        tokens[first - 1].span.end
    } else {
        before.span.end
    };
    Some(end)
}

/// Whether a one-word listed name at `span` only names a holiday with
/// the word after it: "Labor Day" is not the Labor party, "Australia
/// Day" not the country.
fn names_a_holiday(text: &str, tokens: &[Token], span: Span) -> bool {
    if !text[span.end..].starts_with(" Day") {
        return false;
    }
    let next = tokens.partition_point(|t| t.span.start < span.end);
    tokens.get(next).is_some_and(|next| {
        next.span.start == span.end + 1
            && &text[span.end..next.span.end] == " Day"
            && !span.of(text).contains(' ')
    })
}

/// Capitalized words after a place or a nationality that make the whole
/// the name of a crude oil grade or benchmark: "West Texas
/// Intermediate", "Louisiana Light Sweet", "Western Canadian Select",
/// "Basrah Medium".
const GRADE_WORDS: &[&str] = &[
    "Intermediate",
    "Sweet",
    "Sour",
    "Light",
    "Heavy",
    "Medium",
    "Select",
    "Extra",
    "Blend",
];

/// Whether the listed name at `span` opens the name of a crude grade:
/// the next word, on the same line after one space, is a grade word.
fn names_a_grade(text: &str, tokens: &[Token], span: Span) -> bool {
    let next = tokens.partition_point(|t| t.span.start < span.end);
    tokens.get(next).is_some_and(|t| {
        t.space_before
            && t.newlines_before == 0
            && t.span.start == span.end + 1
            && GRADE_WORDS.contains(&t.span.of(text))
    })
}

/// Whether the name at `span` is a crude grade's ("Louisiana Light
/// Sweet", "Light Louisiana Sweet"): two grade words in a row, or a
/// grade word before it and one ending it. The name rules take the
/// grade words for a surname.
fn names_a_grade_whole(text: &str, span: Span) -> bool {
    let grade = |w: &str| GRADE_WORDS.contains(&w);
    let mut words = span.of(text).split_whitespace();
    let Some(mut prev) = words.next() else { return false };
    let mut last = prev;
    for w in words {
        if grade(prev) && grade(w) {
            return true;
        }
        (prev, last) = (w, w);
    }
    let before = text[..span.start].trim_end_matches(' ');
    let before = &before[before.rfind(' ').map_or(0, |i| i + 1)..];
    grade(last) && grade(before)
}

/// Whether the listed name at `span` is joined by a hyphen to a model
/// letter, maybe with digits, that ends the word: "Mach-E", "Kona-N".
fn names_a_model(text: &str, span: Span) -> bool {
    let Some(rest) = text[span.end..].strip_prefix('-') else {
        return false;
    };
    let mut chars = rest.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase()) && {
        let tail = chars.as_str();
        let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
        !tail[digits..].starts_with(|c: char| c.is_alphanumeric() || c == '-')
    }
}

/// [`token_at`] for offsets that mostly rise, as matches in text order
/// do: it steps on from the last answer instead of searching afresh.
#[derive(Default)]
struct TokenCursor {
    next: usize,
}

impl TokenCursor {
    fn token_at(&mut self, tokens: &[Token], at: usize) -> Option<usize> {
        let i = self.first_from(tokens, at);
        (i < tokens.len() && tokens[i].span.start == at).then_some(i)
    }

    /// The first token starting at `at` or later, as
    /// `tokens.partition_point(|t| t.span.start < at)` finds it.
    fn first_from(&mut self, tokens: &[Token], at: usize) -> usize {
        if self.next > 0 && tokens[self.next - 1].span.start >= at {
            // Gone back: search.
            self.next = tokens.partition_point(|t| t.span.start < at);
        }
        // Matches lie a dozen tokens or more apart: gallop ahead in
        // doubling steps, then search within the last step.
        let rest = &tokens[self.next..];
        let mut step = 1;
        while step < rest.len() && rest[step].span.start < at {
            step *= 2;
        }
        let (lo, hi) = (step / 2, step.min(rest.len()));
        self.next += lo + rest[lo..hi].partition_point(|t| t.span.start < at);
        self.next
    }
}

/// Finds the entity overlapping a span among a document's entities,
/// sorted by start, and those a pass has pushed after them since: a
/// binary search and a scan of the few that can reach the span, instead
/// of a scan of all, for passes that ask it of many spans (a long report
/// has thousands of entities). Spans must not change while it is used;
/// entities pushed since it was made are scanned in full.
struct EntityIndex {
    /// How many entities were there, sorted, when it was made.
    sorted: usize,
    /// The longest of those, in bytes: none starting further back
    /// reaches a span.
    longest: usize,
}

impl EntityIndex {
    fn new(entities: &[Entity]) -> EntityIndex {
        debug_assert!(entities.is_sorted_by_key(|e| e.span.start));
        let longest = entities.iter().map(|e| e.span.len()).max().unwrap_or(0);
        EntityIndex { sorted: entities.len(), longest }
    }

    /// The index of an entity overlapping `span` that `hit` accepts.
    fn overlapping(
        &self,
        entities: &[Entity],
        span: Span,
        hit: impl Fn(&Entity) -> bool,
    ) -> Option<usize> {
        let (old, new) = entities.split_at(self.sorted);
        let before = old.partition_point(|e| e.span.start < span.end);
        let reach = span.start.saturating_sub(self.longest);
        (0..before)
            .rev()
            .take_while(|&i| old[i].span.start >= reach)
            .find(|&i| old[i].span.overlaps(span) && hit(&old[i]))
            .or_else(|| {
                (0..new.len())
                    .find(|&i| new[i].span.overlaps(span) && hit(&new[i]))
                    .map(|i| self.sorted + i)
            })
    }
}

/// Sorts entities by start, then end; a pass that added nothing leaves
/// them sorted, and checking that is cheaper than a sort.
fn sort_by_start(entities: &mut [Entity]) {
    let key = |e: &Entity| (e.span.start, e.span.end);
    if !entities.is_sorted_by_key(key) {
        entities.sort_by_key(key);
    }
}

fn token_at(tokens: &[Token], at: usize) -> Option<usize> {
    let i = tokens.partition_point(|t| t.span.start < at);
    (i < tokens.len() && tokens[i].span.start == at).then_some(i)
}

/// Chooses non-overlapping candidates: longer spans win, then higher
/// priority, then earlier start.
pub fn settle_overlaps(text: &str, mut cands: Vec<Candidate>) -> Vec<Entity> {
    // A possessive is not part of the name: "Clinton's" is "Clinton"; the
    // period of an abbreviated company suffix is: "Sony Corp.".
    for c in &mut cands {
        if c.entity.kind == EntityType::Organization
            && text[c.entity.span.end..].starts_with('.')
        {
            let last = c
                .entity
                .span
                .of(text)
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("");
            if ABBREVIATED_SUFFIXES.contains(&last) {
                c.entity.span.end += 1;
            }
        }
        // A listed name ends where its form ends ("Moody's" keeps it).
        if matches!(c.entity.origin, Origin::Gazetteer(_)) {
            continue;
        }
        let quote = c.entity.span.of(text);
        if let Some(bare) = quote
            .strip_suffix("'s")
            .or_else(|| quote.strip_suffix("’s"))
            .filter(|b| !b.is_empty())
        {
            c.entity.span.end = c.entity.span.start + bare.len();
        }
        // "St. Louis-based Mercantile Bancorp Inc.": where a company is
        // based is not part of its name.
        let quote = c.entity.span.of(text);
        if let Some(at) = rfind_based(quote) {
            let rest = &quote[at + "-based".len()..];
            let name = rest.trim_start();
            if name.len() < rest.len() && !name.is_empty() {
                c.entity.span.start = c.entity.span.end - name.len();
            }
        }
    }
    // "Disaster Management Minister": a portfolio before a minister's
    // title, not an organization (which "Cabinet Office Minister" has).
    // "Interior Cabinet Secretary", "Cabinet Minister": Kenya's and
    // Britain's ministers are cabinet secretaries, and "Cabinet" opens
    // the title. "Head of Commodities Research Jeff Currie": a desk
    // named before its head, not a firm.
    cands.retain(|c| {
        if !matches!(c.entity.origin, Origin::Rule(_))
            || c.entity.kind != EntityType::Organization
        {
            return true;
        }
        let after = &text[c.entity.span.end..];
        let before = &text[..c.entity.span.start];
        let last = last_word(c.entity.span.of(text));
        let activity = last.is_some_and(|w| ACTIVITY_HEADS.contains(&w));
        let portfolio = activity && after.starts_with(" Minister")
            || last == Some("Cabinet")
                && CABINET_TITLES.iter().any(|t| word_follows(after, t));
        let desk = activity
            && (before.ends_with("Head of ") || before.ends_with("head of "))
            && (after.starts_with(" at ")
                || after.strip_prefix(' ').is_some_and(|a| {
                    a.chars().next().is_some_and(char::is_uppercase)
                }));
        !portfolio && !desk
    });
    // "Real Madrid beat Barcelona 2-1": a rule that finds a listed name
    // as the list types it adds nothing, and its candidate would win the
    // tie unlinked when its priority is higher.
    // Sorted, to be searched: a long report has thousands of each.
    let mut listed: Vec<(usize, usize, EntityType)> = cands
        .iter()
        .filter(|c| matches!(c.entity.origin, Origin::Gazetteer(_)))
        .map(|c| (c.entity.span.start, c.entity.span.end, c.entity.kind))
        .collect();
    if !listed.is_empty() {
        listed.sort_unstable();
        cands.retain(|c| {
            let (span, kind) = (c.entity.span, c.entity.kind);
            !matches!(c.entity.origin, Origin::Rule(_))
                || listed.binary_search(&(span.start, span.end, kind)).is_err()
        });
    }
    if split_possessives(text, &mut cands) {
        cands.retain(|c| !c.entity.span.is_empty());
    }
    // The order in which candidates claim text, as a stable sort of the
    // candidates would give it, sorting small keys rather than moving
    // whole candidates.
    let claim_key = |k: usize| {
        let c: &Candidate = &cands[k];
        let span = c.entity.span;
        (usize::MAX - span.len(), std::cmp::Reverse(c.priority), span.start, k)
    };
    if cands.iter().any(|c| c.entity.span.is_empty()) {
        // An empty span can fall inside a taken one: the plain scan.
        let mut order: Vec<_> = (0..cands.len()).map(claim_key).collect();
        order.sort_unstable();
        let mut taken: Vec<Span> = Vec::new();
        let mut out = Vec::new();
        for &(.., k) in &order {
            let s = cands[k].entity.span;
            if taken.iter().any(|t| t.overlaps(s)) {
                continue;
            }
            taken.push(s);
            out.push(cands[k].entity.clone());
        }
        out.sort_by_key(|e| (e.span.start, e.span.end));
        return out;
    }
    // A candidate is kept unless one that claims text before it, and
    // overlaps it, was kept; so candidates only settle one another
    // through chains of overlaps. In order of start, those chains are
    // runs of candidates that each start before the furthest end of the
    // run so far: most runs are a single candidate, kept as it is, and
    // only the others need the claim order. (The candidates come in
    // a few runs in order of start, which a stable sort merges.)
    let by_start = in_order_of_start(text, &cands);
    let mut out = Vec::with_capacity(cands.len());
    let mut order = Vec::new();
    let mut taken: Vec<(Span, usize)> = Vec::new();
    let mut i = 0;
    while i < by_start.len() {
        let mut end = cands[by_start[i].1].entity.span.end;
        let mut j = i + 1;
        while j < by_start.len() && by_start[j].0 < end {
            end = end.max(cands[by_start[j].1].entity.span.end);
            j += 1;
        }
        if j == i + 1 {
            out.push(cands[by_start[i].1].entity.clone());
            i = j;
            continue;
        }
        order.clear();
        order.extend(by_start[i..j].iter().map(|&(_, k)| claim_key(k)));
        order.sort_unstable();
        // Taken spans are disjoint and not empty, so in order of start
        // their ends rise too: a span overlaps one of them only if it
        // overlaps the last one starting before its end. Kept in that
        // order, with the candidate each came from, they need no sort.
        taken.clear();
        for &(.., k) in &order {
            let s = cands[k].entity.span;
            let at = taken.partition_point(|(t, _)| t.start < s.end);
            if at > 0 && taken[at - 1].0.end > s.start {
                continue;
            }
            taken.insert(at, (s, k));
        }
        out.extend(taken.iter().map(|&(_, k)| cands[k].entity.clone()));
        i = j;
    }
    out
}

/// Each candidate's start and index, in order of start, then index: the
/// order a stable sort by start gives. Sorted as single numbers, start
/// above index, where both fit in 32 bits (any text under 4 GiB): the
/// stable sort of pairs cost a fifth of the overlap pass.
fn in_order_of_start(text: &str, cands: &[Candidate]) -> Vec<(usize, usize)> {
    if text.len() > u32::MAX as usize || cands.len() > u32::MAX as usize {
        let mut by_start: Vec<(usize, usize)> = cands
            .iter()
            .enumerate()
            .map(|(k, c)| (c.entity.span.start, k))
            .collect();
        by_start.sort_by_key(|&(start, _)| start);
        return by_start;
    }
    let mut keys: Vec<u64> = cands
        .iter()
        .enumerate()
        .map(|(k, c)| (c.entity.span.start as u64) << 32 | k as u64)
        .collect();
    keys.sort_unstable();
    keys.iter()
        .map(|&key| {
            ((key >> 32) as usize, (key & u64::from(u32::MAX)) as usize)
        })
        .collect()
}

/// Where the last `-based` of `quote` starts, as `rfind("-based")`
/// finds it: from each `-`, last first. Few names have a hyphen, and a
/// substring search set up for each candidate cost more than the rest
/// of the overlap pass.
fn rfind_based(quote: &str) -> Option<usize> {
    let b = quote.as_bytes();
    // Most names have no hyphen: eight bytes at a time tell.
    if !has_byte(b, b'-') {
        return None;
    }
    let mut end = b.len();
    // A byte loop: names are short, and a vectorized search cost more
    // to set up than it saved.
    while let Some(at) = b[..end].iter().rposition(|&c| c == b'-') {
        if b[at + 1..].starts_with(b"based") {
            return Some(at);
        }
        end = at;
    }
    None
}

/// A rule match running through a possessive ("India's Leander Paes",
/// "Japan's Finance Ministry", "Joe Torre's Yankee cap") holds two names
/// or a name and a word: after a listed place, or after a person another
/// candidate names ("Prime Minister Narendra Modi's Bharatiya Janata
/// Party"), the name is what follows; otherwise a person is what comes
/// before. Names with a possessive inside ("Moody's Investors Service")
/// stay whole. What follows a place in lowercase ("Iran's second-largest
/// city") is no name: its span is emptied, and `true` returned.
fn split_possessives(text: &str, cands: &mut [Candidate]) -> bool {
    let mut dropped = false;
    let mut places: Option<Vec<Span>> = None;
    let mut persons: Option<Vec<Span>> = None;
    for k in 0..cands.len() {
        let c = &cands[k];
        if !matches!(c.entity.origin, Origin::Rule(_)) {
            continue;
        }
        let span = c.entity.span;
        let quote = span.of(text);
        // Most names have no possessive before their last byte, and the
        // word search below cost more than this byte scan.
        if !possessive_inside(quote) {
            continue;
        }
        // The first word ending in a possessive that is not the last.
        let Some((owner_end, rest)) = quote
            .split_whitespace()
            .map(|w| {
                let at = w.as_ptr() as usize - quote.as_ptr() as usize;
                (at, w)
            })
            .find_map(|(at, w)| {
                let bare = strip_possessive(w);
                let end = at + bare.len();
                (bare.len() < w.len() && at + w.len() < quote.len())
                    .then(|| (end, at + w.len()))
            })
        else {
            continue;
        };
        let owner = Span::new(span.start, span.start + owner_end);
        // "St Peter's Basilica", "St Mary's Hospital": a saint owns no
        // place of their own, though a parish or town is named so.
        if is_saint(owner.of(text)) {
            continue;
        }
        let after_start = span.start + rest + quote[rest..].len()
            - quote[rest..].trim_start().len();
        let after = Span::new(after_start, span.end);
        let after_words = after.of(text).split_whitespace().count();
        let places = places.get_or_insert_with(|| {
            cands
                .iter()
                .filter(|c| {
                    matches!(c.entity.origin, Origin::Gazetteer(_))
                        && c.entity.kind == EntityType::Location
                })
                .map(|c| c.entity.span)
                .collect()
        });
        let kind = cands[k].entity.kind;
        let owned_by_a_person = kind != EntityType::Person
            && persons
                .get_or_insert_with(|| {
                    cands
                        .iter()
                        .filter(|c| c.entity.kind == EntityType::Person)
                        .map(|c| c.entity.span)
                        .collect()
                })
                .iter()
                .any(|p| p.end == owner.end && p.start >= owner.start);
        // "the Bank of Japan's Policy Board": a listed organization
        // ending where the owner does, owns it.
        let owned_by_an_org = cands.iter().any(|o| {
            matches!(o.entity.origin, Origin::Gazetteer(_))
                && o.entity.kind == EntityType::Organization
                && o.entity.span.end == owner.end
                && o.entity.span.start <= owner.start
        });
        let c = &mut cands[k];
        if places.contains(&owner) || owned_by_a_person || owned_by_an_org {
            // "Iran's second-largest city": what the owner has is named
            // only if it is capitalized.
            if after.of(text).starts_with(|ch: char| ch.is_lowercase()) {
                c.entity.span = Span::new(after.start, after.start);
                dropped = true;
                continue;
            }
            c.entity.span = after;
        } else if c.entity.kind == EntityType::Person
            && after_words >= 2
            && !owner.of(text).contains(char::is_whitespace)
            && after.of(text).starts_with(char::is_uppercase)
        {
            // "Atlanta's Tom Glavine": one word owning a name of two is
            // a place or team the lists did not vouch for, and the
            // person is what follows. A day owns an event, no person:
            // "Sunday's Vancouver IndyCar race".
            const DAYS: [&str; 7] = [
                "Monday",
                "Tuesday",
                "Wednesday",
                "Thursday",
                "Friday",
                "Saturday",
                "Sunday",
            ];
            if DAYS.contains(&owner.of(text)) {
                c.entity.span = Span::new(after.start, after.start);
                dropped = true;
                continue;
            }
            c.entity.span = after;
        } else if c.entity.kind == EntityType::Person && after_words == 1
            || c.entity.kind == EntityType::Organization
                && after_words >= 2
                && owner.of(text).contains(" of ")
                && after.of(text).starts_with(char::is_uppercase)
        {
            // "the Central Bank of Kenya's Monetary Policy Committee":
            // an "X of Y" name owns the next one, and each is named (the
            // head rules find the second).
            c.entity.span = owner;
        }
    }
    dropped
}

/// Whether `name` is a saint's: "St Peter", "St. Mary", "Saint Mark".
fn is_saint(name: &str) -> bool {
    let mut words = name.split_whitespace();
    matches!(words.next(), Some("St" | "St." | "Saint" | "Ste" | "Ste."))
        && words.next().is_some()
        && words.next().is_none()
}

/// Whether `quote` has an `'s` or `’s` before its last byte: a word of
/// it that [`strip_possessive`] shortens and that is not its last word
/// has one.
fn possessive_inside(quote: &str) -> bool {
    let b = quote.as_bytes();
    // Most names have no apostrophe: eight bytes at a time tell.
    // `’` is E2 80 99 in UTF-8.
    if !has_byte(b, b'\'') && !has_byte(b, 0xE2) {
        return false;
    }
    (1..b.len().saturating_sub(1)).any(|i| {
        b[i] == b's'
            && (b[i - 1] == b'\''
                || i >= 3 && b[i - 3..i] == [0xE2, 0x80, 0x99])
    })
}

/// Document-level linking and consistency; `entities` sorted by start.
pub fn link_document(
    text: &str,
    seg: &Segmentation,
    feats: &[u64],
    gazetteer: &Gazetteer,
    entities: &mut Vec<Entity>,
) {
    link_names(text, seg, feats, gazetteer, entities);
    shouted_titled_names(text, seg, feats, gazetteer, entities);
}

/// ALL-CAPS copy names a person after a title in capitals too:
/// "PRESIDENT BIDEN SAID", "PRIME MINISTER SHARIF VOWS". The name rules
/// read capitalized words, and the lists answer for the name's written
/// form: a capitals word right after a title (or a run of them) that no
/// entity holds is a person when, written capitalized, the lists know it
/// as no common word nor title. Capitals hide what a capital tells in
/// running text, so a word that is a surname and a word both ("OFFICER
/// DOWN", "SAID", "HURT") ends the name ("PRESIDENT WARNS", "GENERAL
/// ELECTRIC" name no one). Up to three such words make
/// one name ("PRESIDENT JOE BIDEN"); the alias pass before has linked
/// those that repeat a name of the document.
fn shouted_titled_names(
    text: &str,
    seg: &Segmentation,
    feats: &[u64],
    gazetteer: &Gazetteer,
    entities: &mut Vec<Entity>,
) {
    use feature::{HEADLINE, TITLE, UPPER, WORD};
    let tokens = &seg.tokens;
    let shouted = |i: usize| {
        feats.get(i).is_some_and(|&f| {
            f & (UPPER | WORD | HEADLINE) == UPPER | WORD | HEADLINE
        })
    };
    let mut added = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !(shouted(i) && feats[i] & TITLE != 0) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < tokens.len() && shouted(j) && feats[j] & TITLE != 0 {
            j += 1;
        }
        // "GRAND PRIX", "NATIONAL GUARD": the word before the name must
        // be an office, not what qualifies one.
        let qualifier = tokens[j - 1].span.of(text);
        if TITLE_QUALIFIERS.iter().any(|q| q.eq_ignore_ascii_case(qualifier)) {
            i = j;
            continue;
        }
        let first = j;
        while j < tokens.len() && j - first < 3 && shouted(j) {
            let word = tokens[j].span.of(text);
            let mut written = String::with_capacity(word.len());
            for (k, c) in word.chars().enumerate() {
                if k == 0 {
                    written.push(c);
                } else {
                    written.extend(c.to_lowercase());
                }
            }
            let e = gazetteer.evidence(strip_possessive(&written));
            if e.common_word
                || e.title
                || word.chars().count() < 3
                || feats[j] & TITLE != 0
                || !tokens[j].space_before
            {
                break;
            }
            j += 1;
        }
        if j > first {
            let last = tokens[j - 1].span;
            let end = last.start + strip_possessive(last.of(text)).len();
            let span = Span::new(tokens[first].span.start, end);
            let at = entities.partition_point(|e| e.span.start < span.start);
            let held = entities[at.saturating_sub(1)..]
                .iter()
                .take(2)
                .any(|e| e.span.overlaps(span));
            if !held {
                added.push(Entity {
                    span,
                    kind: EntityType::Person,
                    canonical: Canonical::None,
                    origin: Origin::Builtin("resolve:caps_title"),
                });
            }
        }
        i = j.max(i + 1);
    }
    if !added.is_empty() {
        entities.extend(added);
        sort_by_start(entities);
    }
}

/// "in Northern Nigeria", "IN NORTHERN NIGERIA": a compass adjective
/// right before a place names the part of that place, not the region
/// listed under the adjective alone (Ghana's or Malawi's "Northern").
fn drop_compass_adjectives(text: &str, entities: &mut Vec<Entity>) {
    const COMPASS: &[&str] = &[
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
    ];
    let adjective = |k: usize| {
        let e = &entities[k];
        e.kind == EntityType::Location
            && matches!(e.origin, Origin::Gazetteer(_))
            && COMPASS.iter().any(|c| c.eq_ignore_ascii_case(e.span.of(text)))
            && entities.get(k + 1).is_some_and(|n| {
                n.kind == EntityType::Location
                    && n.span.start == e.span.end + 1
                    && text.as_bytes()[e.span.end] == b' '
            })
    };
    let drop: Vec<bool> = (0..entities.len()).map(adjective).collect();
    if drop.contains(&true) {
        let mut k = 0;
        entities.retain(|_| {
            k += 1;
            !drop[k - 1]
        });
    }
}

/// Whether `word` is written like a given name of two capitalized
/// parts, the first short: "DeShawn", "LaMelo", "MaliVai" (not "Mc" or
/// "Mac" surnames, nor names of three parts).
fn camel_given(word: &str) -> bool {
    let b = word.as_bytes();
    if !b.iter().all(u8::is_ascii_alphabetic)
        || word.starts_with("Mc")
        || word.starts_with("Mac")
    {
        return false;
    }
    let Some(&first) = b.first() else { return false };
    let head = b[1..].iter().take_while(|c| c.is_ascii_lowercase()).count();
    let tail = b.get(2 + head..).unwrap_or_default();
    first.is_ascii_uppercase()
        && (1..=3).contains(&head)
        && b.get(1 + head).is_some_and(u8::is_ascii_uppercase)
        && tail.len() >= 2
        && tail.iter().all(u8::is_ascii_lowercase)
}

/// A given name written in two capitalized parts before a listed
/// surname that is no English word is a person's name, over a place or
/// company named like the surname: "MaliVai Washington", "DeShawn
/// Holloway". Companies written so ("PayPal", "WeChat") come before no
/// such surname.
fn camel_given_names(
    text: &str,
    seg: &Segmentation,
    feats: &[u64],
    entities: &mut Vec<Entity>,
) {
    use feature::{CAP, COMMON, ORG_SUFFIX, SURNAME};
    let tokens = &seg.tokens;
    let mut found = Vec::new();
    for i in 0..tokens.len().saturating_sub(1) {
        let (t, n) = (&tokens[i], &tokens[i + 1]);
        if t.kind != TokenKind::Word
            || !camel_given(t.span.of(text))
            || !n.space_before
            || n.newlines_before > 0
            || feats[i + 1] & (CAP | SURNAME | COMMON | ORG_SUFFIX)
                != CAP | SURNAME
            || feats.get(i + 2).is_some_and(|f| f & CAP != 0)
        {
            continue;
        }
        let span = Span::new(t.span.start, n.span.end);
        // Every entity it meets lies inside it.
        if entities
            .iter()
            .any(|e| e.span.overlaps(span) && !span.contains(e.span))
        {
            continue;
        }
        found.push(span);
    }
    if found.is_empty() {
        return;
    }
    entities.retain(|e| !found.iter().any(|s| s.contains(e.span)));
    entities.extend(found.into_iter().map(|span| Entity {
        span,
        kind: EntityType::Person,
        canonical: Canonical::None,
        origin: Origin::Builtin("resolve:camel_name"),
    }));
    sort_by_start(entities);
}

/// Title words that qualify an office and are none (the modifiers of
/// gazetteers/titles.tsv that open names of things in capitals, as the
/// rules' list `titlemod` has them): no name follows them.
const TITLE_QUALIFIERS: &[&str] = &[
    "acting",
    "air",
    "army",
    "assistant",
    "associate",
    "british",
    "civil",
    "corporate",
    "credit",
    "customs",
    "district",
    "division",
    "executive",
    "federal",
    "field",
    "financial",
    "first",
    "flag",
    "foreign",
    "former",
    "grand",
    "group",
    "high",
    "interim",
    "judicial",
    "kingdom",
    "military",
    "municipal",
    "national",
    "navy",
    "police",
    "political",
    "prime",
    "pro",
    "royal",
    "security",
    "senior",
    "special",
    "staff",
    "state",
    "states",
    "superior",
    "supreme",
    "tax",
    "technical",
    "united",
    "us",
    "uk",
    "vice",
    "his",
    "her",
    "most",
    "right",
    "rt",
    "member",
];

/// [`link_document`] but for [`shouted_titled_names`].
fn link_names(
    text: &str,
    seg: &Segmentation,
    feats: &[u64],
    gazetteer: &Gazetteer,
    entities: &mut Vec<Entity>,
) {
    drop_event_names(text, seg, entities);
    drop_compass_adjectives(text, entities);
    camel_given_names(text, seg, feats, entities);
    leading_initials(text, seg, feats, entities);
    names_defined_by_their_acronym(text, seg, feats, entities);
    define_acronyms(text, seg, gazetteer, entities);
    companies_named_by_a_town(text, seg, feats, gazetteer, entities);
    companies_by_market_words(text, seg, feats, gazetteer, entities);
    companies_named_like_people(text, seg, entities);
    teams_keep_their_type(text, seg, feats, gazetteer, entities);
    clubs_by_their_side(text, seg, feats, gazetteer, entities);
    names_in_lists(text, seg, feats, entities, EntityType::Person);
    names_in_lists(text, seg, feats, entities, EntityType::Location);
    complete_names_written_in_full(text, entities);
    // The words of each person's and organization's name, read once for
    // the passes below (they take no other kind's).
    let names: Vec<NameWords> = entities
        .iter()
        .map(|e| match e.kind {
            EntityType::Person | EntityType::Organization => {
                NameWords::of(e.span.of(text))
            }
            _ => NameWords::NONE,
        })
        .collect();
    // Sized for every key the passes below can add (a name and one word
    // of it for each name of two words or more, and a given name for
    // each person's), so that the tables never grow: growing them rehashed
    // every key, which cost more than the lookups.
    let (mut named, mut long_names, mut people) = (0, 0, 0);
    for (e, words) in entities.iter().zip(&names) {
        let long = usize::from(words.count >= 2);
        match e.kind {
            EntityType::Person => {
                named += 1;
                long_names += long;
                people += long;
            }
            EntityType::Organization => {
                named += 1;
                long_names += long;
            }
            EntityType::Location => named += 1,
            _ => {}
        }
    }
    let mut aliases: FxHashMap<&str, (Span, EntityType)> =
        FxHashMap::with_capacity_and_hasher(
            named + long_names + people,
            Default::default(),
        );
    // The first byte and length of every alias, for the capitalized words
    // below: most are none, and the shapes turn them away unhashed.
    let mut shapes = AliasShapes::default();
    // Whether each entity's name, written without a possessive, is first
    // in the table as its own alias: the linking pass below would only
    // find the entity itself there, unless a guessed team's alias is
    // handed to a person (`handed_over`).
    let mut own_alias: Vec<bool> = Vec::with_capacity(entities.len());
    for (e, words) in entities.iter().zip(&names) {
        let quote = e.span.of(text);
        let mut own = false;
        // Names wrap across lines in wire copy: "Bjorn\nDahlie".
        match e.kind {
            EntityType::Person if words.count >= 2 => {
                // "Martin Luther King Jr." is "King" later on.
                let last = strip_possessive(words.surname());
                if more_chars_than(last, 2) {
                    shapes.mark(last);
                    aliases.entry(last).or_insert((e.span, e.kind));
                }
                // "Bart De Wever" is "De Wever", "Marine Le Pen" "Le Pen".
                if let Some(tail) = particles_and_surname(gazetteer, quote) {
                    shapes.mark(tail);
                    aliases.entry(tail).or_insert((e.span, e.kind));
                }
            }
            // A listed company is named by its first word too ("Ford"
            // after "Ford Motor Co."), other listed names by their
            // listed aliases only.
            EntityType::Organization
                if words.count >= 2
                    && (!matches!(e.canonical, Canonical::Entry(_))
                        || matches!(e.origin, Origin::Gazetteer(i)
                            if &*gazetteer.entry(i).subtype == "company")) =>
            {
                // "Amnesty" for "Amnesty International".
                let first = words.first;
                if first.chars().next().is_some_and(char::is_uppercase)
                    && more_chars_than(first, 3)
                {
                    shapes.mark(first);
                    aliases.entry(first).or_insert((e.span, e.kind));
                }
            }
            _ => {}
        }
        // "De Moraes" after "Alexandre de Moraes" is linked below, not
        // an alias of its own.
        let recased = e.kind == EntityType::Person
            && particle_recased(gazetteer, quote)
                .is_some_and(|q| aliases.contains_key(q.as_str()));
        if !recased
            && matches!(
                e.kind,
                EntityType::Person
                    | EntityType::Organization
                    | EntityType::Location
            )
        {
            shapes.mark(quote);
            if let std::collections::hash_map::Entry::Vacant(slot) =
                aliases.entry(quote)
            {
                slot.insert((e.span, e.kind));
                own = strip_possessive(quote).len() == quote.len();
            }
        }
        own_alias.push(own);
    }
    // A person is named by the given name alone too ("Harry Caray ...
    // fans loved Harry"), when only one person of the document has it.
    let mut given: FxHashMap<&str, Option<Span>> =
        FxHashMap::with_capacity_and_hasher(people, Default::default());
    for (e, words) in entities.iter().zip(&names) {
        if e.kind != EntityType::Person || words.count < 2 {
            continue;
        }
        let quote = e.span.of(text);
        let first = words.first;
        if first.chars().count() < 3
            || first.ends_with('.')
            || !first.chars().next().is_some_and(char::is_uppercase)
        {
            continue;
        }
        let same_person = |s: Span| s.of(text) == quote;
        given
            .entry(first)
            .and_modify(|seen| {
                if seen.is_some_and(|s| !same_person(s)) {
                    *seen = None;
                }
            })
            .or_insert(Some(e.span));
    }
    // The given names that became aliases: a listed place or
    // organization written so is not the person (below).
    let mut given_aliases: FxHashSet<&str> = FxHashSet::default();
    for (first, full) in given {
        if let Some(full) = full {
            shapes.mark(first);
            if let std::collections::hash_map::Entry::Vacant(slot) =
                aliases.entry(first)
            {
                slot.insert((full, EntityType::Person));
                given_aliases.insert(first);
            }
        }
    }
    // A one-word team guessed from a results line ("b Jayasuriya 50" in a
    // scorecard) that is the surname of a person in the document is that
    // person, wherever it came first.
    let mut handed_over: Vec<Span> = Vec::new();
    for (e, words) in entities.iter().zip(&names) {
        if e.kind != EntityType::Person || words.count < 2 {
            continue;
        }
        let last = strip_possessive(words.last);
        let Some(alias) = aliases.get_mut(last) else { continue };
        let guessed_team = alias.1 == EntityType::Organization
            && alias.0.of(text) == last
            && entities.iter().any(|t| {
                t.span == alias.0 && matches!(t.origin, Origin::Rule(_))
            });
        if guessed_team {
            handed_over.push(alias.0);
            *alias = (e.span, EntityType::Person);
        }
    }
    // Companies: listed ones, and names with a legal suffix, whose stem
    // ("Merrill Lynch" of "Merrill Lynch & Co.") names them too.
    let mut companies: Vec<Span> = Vec::new();
    let mut stems: FxHashMap<String, Span> = FxHashMap::default();
    for e in entities.iter() {
        if e.kind != EntityType::Organization {
            continue;
        }
        if matches!(e.origin, Origin::Gazetteer(i)
            if &*gazetteer.entry(i).subtype == "company")
        {
            companies.push(e.span);
        }
        if let Some(stem) = company_stem(e.span.of(text)) {
            companies.push(e.span);
            stems.entry(stem).or_insert(e.span);
        }
    }
    // "GM" for "General Motors Corp.": an organization is named by the
    // initials of its capitalized words, even undefined.
    let mut initials: Vec<(String, Span)> = Vec::new();
    let mut acr = String::new();
    for (e, words) in entities.iter().zip(&names) {
        // A name of one word has one initial at most.
        if e.kind != EntityType::Organization || words.count < 2 {
            continue;
        }
        // Built in one buffer: most organizations have too few initials
        // to keep.
        acr.clear();
        let mut letters = 0;
        for_each_word(e.span.of(text), |w| {
            let Some(c) = w.chars().next().filter(|c| c.is_uppercase()) else {
                return;
            };
            if !ABBREVIATED_SUFFIXES.contains(&w.trim_end_matches('.')) {
                acr.push(c);
                letters += 1;
            }
        });
        if (2..=5).contains(&letters) {
            initials.push((acr.clone(), e.span));
        }
    }
    if !initials.is_empty() {
        // Where each set of initials is first written, in one pass over
        // the tokens (a pass per organization was quadratic).
        let wanted: FxHashSet<&str> =
            initials.iter().map(|(acr, _)| acr.as_str()).collect();
        // Most tokens cannot be initials: a first byte and a length that
        // no set of initials has turn them away before any hashing.
        let mut first_bytes = [false; 256];
        let mut longest = 0;
        for acr in &wanted {
            first_bytes[usize::from(acr.as_bytes()[0])] = true;
            longest = longest.max(acr.len());
        }
        let mut written: FxHashMap<&str, &str> = FxHashMap::default();
        let bytes = text.as_bytes();
        for t in &seg.tokens {
            // The length and first byte are read off the span: slicing
            // every token (boundary checks) cost more than the test.
            // The possessive adds at most four bytes ("’s").
            // The first byte first: it turns most tokens away. One compare
            // for both length bounds: an empty token wraps around.
            if bytes
                .get(t.span.start)
                .is_none_or(|&b| !first_bytes[usize::from(b)])
                || t.span.len().wrapping_sub(1) >= longest + 4
            {
                continue;
            }
            let word = strip_possessive(t.span.of(text));
            if wanted.contains(word) {
                written.entry(word).or_insert(word);
            }
        }
        for (acr, full) in &initials {
            if let Some(&key) = written.get(acr.as_str()) {
                shapes.mark(key);
                aliases
                    .entry(key)
                    .or_insert((*full, EntityType::Organization));
            }
        }
    }
    if aliases.is_empty() {
        return;
    }
    // Link existing single mentions to their full forms. A one-word place
    // or organization that is a person's surname in this document is that
    // person ("Tony Adams ... Adams"), unless it is a country.
    for (e, &own) in entities.iter_mut().zip(&own_alias) {
        // An entity that is its own name's alias would find itself.
        let finds_itself = own && !handed_over.contains(&e.span);
        let may_be_a_stem = e.kind == EntityType::Person
            && matches!(e.origin, Origin::Rule(_))
            && !stems.is_empty();
        if finds_itself && !may_be_a_stem {
            continue;
        }
        // Aliases name people, organizations and places: an entity of
        // another kind can only be a listed name that a person's alias
        // takes over; a nationality only where it speaks, as the
        // surname of a person of the document ("Ian Fleming ... Fleming
        // said"; not "English teachers" after "Bill English").
        let may_link = match e.kind {
            EntityType::Person
            | EntityType::Organization
            | EntityType::Location => true,
            EntityType::Nationality => speaks(text, e.span),
            _ => matches!(e.origin, Origin::Gazetteer(_)),
        };
        if !may_link {
            continue;
        }
        let quote = strip_possessive(e.span.of(text));
        // A person pattern ("Merrill Lynch": given name and surname) that
        // is the stem of a company named in the document is the company.
        if may_be_a_stem {
            let norm = quote.split_whitespace().collect::<Vec<_>>().join(" ");
            if let Some(&full) = stems.get(&norm) {
                e.kind = EntityType::Organization;
                e.canonical = Canonical::Mention(full);
                e.origin = Origin::Builtin("resolve:company");
                continue;
            }
        }
        if finds_itself {
            continue;
        }
        // "De Moraes" opening a sentence names "Alexandre de Moraes".
        let found = aliases.get(quote).or_else(|| {
            particle_recased(gazetteer, quote)
                .and_then(|q| aliases.get(q.as_str()))
        });
        let Some(&(full, kind)) = found else { continue };
        if full == e.span {
            continue;
        }
        if kind == e.kind && e.canonical == Canonical::None {
            e.canonical = Canonical::Mention(full);
        } else if kind == EntityType::Person
            && e.kind != EntityType::Person
            && (e.kind != EntityType::Nationality
                || full.of(text).ends_with(quote))
            && !quote.contains(' ')
            // A listed place named like a person's given name stays the
            // place: "Chelsea Clinton ... in Chelsea".
            && (!given_aliases.contains(quote) || speaks(text, e.span))
            && match e.origin {
                Origin::Gazetteer(i) => match &*gazetteer.entry(i).subtype {
                    // A country or state named like a person of the
                    // document is the person where it speaks: "director
                    // Neil Jordan ... Jordan said".
                    "country" | "province" => speaks(text, e.span),
                    "continent" | "region" => false,
                    _ => true,
                },
                // A team guessed from a results line, a place guessed
                // from a preposition ("In Boehlert's district").
                Origin::Rule(_) => matches!(
                    e.kind,
                    EntityType::Organization | EntityType::Location
                ),
                _ => false,
            }
            && !full.contains(e.span)
        {
            e.kind = EntityType::Person;
            e.canonical = Canonical::Mention(full);
            e.origin = Origin::Builtin("resolve:surname");
        }
    }
    // ALL-CAPS headline words are matched against capitalized aliases in
    // upper case: "WOODS MAKES PRO DEBUT" after "Tiger Woods" (see
    // `shouted_alias`). Listed at the first shouted word: most documents
    // have none.
    let mut shout_list = None;
    // Unlabelled capitalized tokens that repeat a known name or alias.
    let mut added = Vec::new();
    let mut k = 0;
    // The features alone first: they are dense, and most tokens are
    // lowercase words or punctuation that they turn away.
    debug_assert_eq!(feats.len(), seg.tokens.len());
    for (i, &f) in feats.iter().enumerate() {
        if f & (feature::CAP | feature::UPPER) == 0 {
            continue;
        }
        let t = &seg.tokens[i];
        if t.kind != TokenKind::Word {
            continue;
        }
        while k < entities.len() && entities[k].span.end <= t.span.start {
            k += 1;
        }
        if k < entities.len() && entities[k].span.overlaps(t.span) {
            continue;
        }
        let word = t.span.of(text);
        let bare = strip_possessive(word);
        let shouted = feats[i] & feature::UPPER != 0
            && feats[i] & feature::HEADLINE != 0;
        let found = if shouted {
            shouted_alias(
                shout_list.get_or_insert_with(|| shout_candidates(&aliases)),
                bare,
            )
            .or_else(|| aliases.get(bare))
        } else if shapes.may_hold(bare) {
            aliases.get(bare)
        } else {
            None
        };
        let Some(&(full, kind)) = found else { continue };
        // Common words ("Will", "May") need more: being a word of a
        // longer name in this document ("Frank Lloyd Wright ... Wright
        // said", "Ford Motor Co. ... Ford said"). In an ALL-CAPS headline
        // the document's own names are trusted.
        let part_of_name = full.len() > bare.len()
            && bare.chars().count() > 3
            && feats[i] & feature::CAP != 0
            && !TITLE_WORDS_ALONE.contains(&bare)
            && match kind {
                EntityType::Person => feats[i] & feature::SURNAME != 0,
                _ => companies.contains(&full),
            };
        if !shouted
            && (feats[i] & feature::COMMON != 0 && !part_of_name
                || feats[i] & feature::HEADLINE != 0)
        {
            continue;
        }
        // "Chelsea Clinton visited Chelsea": a given name alone that is
        // also a listed place or organization (the place's mention was
        // dropped for want of context) is that, unless it speaks.
        if given_aliases.contains(bare)
            && listed_as_place_or_org(gazetteer, bare)
            && !speaks(text, t.span)
        {
            continue;
        }
        // "Storm Amy", "Hurricane Helene": a storm is no person of the
        // document.
        if kind == EntityType::Person
            && i.checked_sub(1).is_some_and(|p| {
                STORM_WORDS.contains(&seg.tokens[p].span.of(text))
            })
        {
            continue;
        }
        // A name followed by more capitalized words is another name.
        if seg.tokens.get(i + 1).is_some_and(|n| {
            n.kind == TokenKind::Word
                && feats[i + 1] & feature::CAP != 0
                && n.space_before
        }) {
            continue;
        }
        let mut span = Span::new(t.span.start, t.span.start + bare.len());
        if kind == EntityType::Person {
            span.start =
                particles_before(text, seg, feats, i, full, k, entities);
        }
        added.push(Entity {
            span,
            kind,
            canonical: if full == span {
                Canonical::None
            } else {
                Canonical::Mention(full)
            },
            origin: Origin::Builtin("resolve:alias"),
        });
    }
    // "FOR PAULA JONES, ...": the words of one name, each found alone in
    // a headline, are one mention of it.
    added.dedup_by(|next, prev| {
        let joined = prev.kind == next.kind
            && prev.canonical == next.canonical
            && matches!(prev.canonical, Canonical::Mention(_))
            && text[prev.span.end..next.span.start] == *" ";
        if joined {
            prev.span.end = next.span.end;
        }
        joined
    });
    if !added.is_empty() {
        // Both lists are in order: a merge, taking the earlier entity on
        // a tie, orders them as a stable sort of the two would.
        let key = |e: &Entity| (e.span.start, e.span.end);
        debug_assert!(entities.is_sorted_by_key(key));
        debug_assert!(added.is_sorted_by_key(key));
        let mut merged = Vec::with_capacity(entities.len() + added.len());
        let mut added = added.into_iter().peekable();
        for e in entities.drain(..) {
            while let Some(a) = added.next_if(|a| key(a) < key(&e)) {
                merged.push(a);
            }
            merged.push(e);
        }
        merged.extend(added);
        *entities = merged;
    }
    shared_aliases_by_country(text, gazetteer, entities);
    titled_namesakes_abroad(seg, feats, gazetteer, entities);
    bodies_of_the_country_named(text, gazetteer, entities);
    places_by_the_documents_country(text, gazetteer, entities);
}

/// A listed person of one country named after a title in a story that
/// names places of other countries and none of theirs is most likely a
/// namesake holding that office there: "Defense Minister Pedro Sanchez"
/// in a story on Colombia is not Spain's prime minister. The link is
/// dropped (a wrong link is worse than none); the person stays.
fn titled_namesakes_abroad(
    seg: &Segmentation,
    feats: &[u64],
    gazetteer: &Gazetteer,
    entities: &mut [Entity],
) {
    let country_of = |e: &Entity| match e.canonical {
        Canonical::Entry(id) => Some(&*gazetteer.entry(id).country),
        _ => None,
    };
    let places: FxHashSet<&str> = entities
        .iter()
        .filter(|e| {
            matches!(e.kind, EntityType::Location | EntityType::Nationality)
        })
        .filter_map(country_of)
        .filter(|c| !c.is_empty())
        .collect();
    if places.is_empty() {
        return;
    }
    for e in entities.iter_mut() {
        if e.kind != EntityType::Person {
            continue;
        }
        let Some(country) = country_of(e).filter(|c| !c.is_empty()) else {
            continue;
        };
        if places.contains(country) {
            continue;
        }
        let titled = token_at(&seg.tokens, e.span.start)
            .and_then(|i| i.checked_sub(1))
            .is_some_and(|p| {
                feats[p] & feature::TITLE != 0 && feats[p] & feature::CAP != 0
            });
        if titled {
            e.canonical = Canonical::None;
        }
    }
}

/// A national body named right after a country or people ("Peru's
/// Congress", "the Nigerian Labour Party") is that country's: linked to
/// the body listed alike for it, or to none when the list has only
/// another country's ("Labour Party" is listed as Britain's).
fn bodies_of_the_country_named(
    text: &str,
    gazetteer: &Gazetteer,
    entities: &mut [Entity],
) {
    let mut found = Vec::new();
    for i in 1..entities.len() {
        let (before, rest) = entities.split_at_mut(i);
        let (owner, e) = (&before[i - 1], &mut rest[0]);
        let Canonical::Entry(id) = e.canonical else { continue };
        if e.kind != EntityType::Organization
            || !matches!(
                owner.kind,
                EntityType::Location | EntityType::Nationality
            )
        {
            continue;
        }
        let body = gazetteer.entry(id);
        let Canonical::Entry(o) = owner.canonical else { continue };
        let country = &*gazetteer.entry(o).country;
        // A state's body, not a company: "Switzerland's Glencore" is
        // listed as Jersey's, and is the one company still.
        if !matches!(
            &*body.subtype,
            "party" | "government" | "court" | "military"
        ) || body.country.is_empty()
            || country.is_empty()
            || *body.country == *country
        {
            continue;
        }
        let between = &text[owner.span.end..e.span.start];
        if !matches!(between, " " | "'s " | "’s " | "' ") {
            continue;
        }
        let quote = e.span.of(text);
        let other = namesakes(gazetteer, quote, &mut found).find(|&n| {
            let entry = gazetteer.entry(n);
            entry.entity_type() == Some(EntityType::Organization)
                && *entry.country == *country
        });
        match other {
            Some(n) => {
                e.canonical = Canonical::Entry(n);
                e.origin = Origin::Gazetteer(n);
            }
            None => e.canonical = Canonical::None,
        }
    }
}

/// A place named as a place of another country is ("Georgia" the
/// country and the US state, "Savannah" the Ghanaian region and the
/// American city) is that other place where the document names towns
/// and provinces of its country: "Georgia" in a story that names Atlanta
/// and Florida is the state. A country gives way only to a province.
/// Only towns and provinces count as evidence, two or more of them and
/// none of the first reading's country, as a story on Georgia the
/// country may well name Washington.
fn places_by_the_documents_country(
    text: &str,
    gazetteer: &Gazetteer,
    entities: &mut [Entity],
) {
    let local = |e: &Entity| match (e.kind, &e.canonical) {
        (EntityType::Location, &Canonical::Entry(id)) => {
            let entry = gazetteer.entry(id);
            (Area::of(entry) != Area::Nation && !entry.country.is_empty())
                .then_some((id, &*entry.country))
        }
        _ => None,
    };
    // Distinct towns and provinces named, by country.
    let mut towns: Vec<(u32, &str)> =
        entities.iter().filter_map(local).collect();
    if towns.len() < 2 {
        return;
    }
    towns.sort_unstable();
    towns.dedup();
    // Other than the one in question.
    let towns_of = |country: &str, but: u32| {
        towns.iter().filter(|&&(t, c)| c == country && t != but).count()
    };
    // The countries with two or more towns named: the only ones a place
    // can be moved to, found before any gazetteer lookup.
    let mut evidenced: Vec<&str> = towns.iter().map(|&(_, c)| c).collect();
    evidenced.sort_unstable();
    evidenced.dedup();
    evidenced.retain(|&c| towns_of(c, u32::MAX) >= 2);
    if evidenced.is_empty() {
        return;
    }
    let mut found = Vec::new();
    // Countries' mentions moved to a province, with the country.
    let mut moved: Vec<(Span, &str)> = Vec::new();
    for e in entities.iter_mut() {
        let (EntityType::Location, &Canonical::Entry(id)) =
            (e.kind, &e.canonical)
        else {
            continue;
        };
        let chosen = gazetteer.entry(id);
        let country = &*chosen.country;
        if evidenced.iter().all(|&c| c == country) {
            continue;
        }
        // A capital of half a million or a city of millions is itself
        // wherever the story is: "Paris" in a story on American skaters is
        // still France's. A small capital is not: "Victoria" in a story
        // on Australian states is the state, not the Seychelles' capital.
        // Nor is a city written without its accents: "Cordoba" in a
        // story on Spanish towns is Spain's, not Argentina's million.
        let quote = e.span.of(text);
        let as_named = chosen.name.eq_ignore_ascii_case(quote);
        if country.is_empty()
            || chosen.flags.has(Flags::CAPITAL) && chosen.population >= 500_000
            || Area::of(chosen) == Area::Other
                && chosen.population >= 1_000_000
                && as_named
            || towns_of(country, id) > 0
        {
            continue;
        }
        let a_country = Area::of(chosen) == Area::Nation;
        let other = namesakes(gazetteer, quote, &mut found)
            .filter(|&o| {
                let entry = gazetteer.entry(o);
                // A country only gives way to a province: its name is a
                // town's too more often ("Jamaica", Queens), and a story
                // that names Atlanta may still be on Jamaica the country.
                entry.entity_type() == Some(EntityType::Location)
                    && (!a_country || Area::of(entry) == Area::Region)
                    && *entry.country != *country
                    && !entry.country.is_empty()
                    // "Cordoba" names "Córdoba": diacritics folded.
                    && (entry.name.eq_ignore_ascii_case(quote)
                        || !entry.name.is_ascii()
                            && crate::gazetteer::fold(&entry.name)
                                == crate::gazetteer::fold(quote))
            })
            // Of several in the country, one named elsewhere in the
            // document ("FLORENCE, Ala." names the town of the later
            // "Florence"), else the most populous.
            .filter(|&o| towns_of(&gazetteer.entry(o).country, o) >= 2)
            .map(|o| {
                let entry = gazetteer.entry(o);
                let named = towns.iter().any(|&(t, _)| t == o);
                let n = towns_of(&entry.country, u32::MAX);
                (n, named, entry.population, o)
            })
            .max_by_key(|&(n, named, population, o)| {
                (n, named, population, std::cmp::Reverse(o))
            });
        if let Some((.., o)) = other {
            e.canonical = Canonical::Entry(o);
            e.origin = Origin::Gazetteer(o);
            if a_country {
                moved.push((e.span, &*chosen.country));
            }
        }
    }
    // "Georgians" in a story on the state are its people, not the
    // country's: no link to that country's nationality.
    for e in entities.iter_mut() {
        let (EntityType::Nationality, &Canonical::Entry(id)) =
            (e.kind, &e.canonical)
        else {
            continue;
        };
        let country = &*gazetteer.entry(id).country;
        let of_moved = moved.iter().any(|&(place, c)| {
            c == country && e.span.of(text).starts_with(place.of(text))
        });
        if of_moved {
            e.canonical = Canonical::None;
        }
    }
}

/// The entries listed under the whole of `quote`, looked up with `found`
/// as the gazetteer's scratch list.
fn namesakes<'f>(
    gazetteer: &'f Gazetteer,
    quote: &str,
    found: &'f mut Vec<GazetteerMatch>,
) -> impl Iterator<Item = u32> + 'f {
    found.clear();
    gazetteer.find(quote, found);
    let whole = quote.len();
    found
        .iter()
        .filter(move |m| m.span.start == 0 && m.span.end == whole)
        .flat_map(|m| gazetteer.match_entries(m).iter().copied())
}

/// An organization named by an alias that others share is linked to the
/// listed one of a country the document names (one of its places or its
/// nationality): "RSF" in a story on Sudan is the Rapid Support Forces,
/// not Reporters Without Borders. A national party, body or newspaper
/// ("Congress", "Labor", "MIT", "The Daily Star") with no such namesake
/// is linked to none, as its alias
/// then most likely names another country's: a wrong link is worse than
/// none.
fn shared_aliases_by_country(
    text: &str,
    gazetteer: &Gazetteer,
    entities: &mut [Entity],
) {
    let shared_alias = |e: &Entity| {
        let Canonical::Entry(id) = e.canonical else { return None };
        let entry = gazetteer.entry(id);
        let quote = e.span.of(text);
        // Places have their own chooser (`best_place`).
        (e.kind != EntityType::Location
            && quote != &*entry.name
            && (entry.flags.has(Flags::AMBIGUOUS_ALIAS)
                || generic_body(entry, quote)))
        .then_some(id)
    };
    // A newspaper named alike in several countries ("The Daily Star" of
    // Bangladesh and of Lebanon) too.
    let national = |id: u32, quote: &str| {
        let entry = gazetteer.entry(id);
        !entry.country.is_empty()
            && match &*entry.subtype {
                "party" | "government" => true,
                // Not a wire's acronym ("AP").
                "news_agency" => quote.contains(' '),
                _ => false,
            }
    };
    if !entities.iter().any(|e| shared_alias(e).is_some()) {
        return;
    }
    // A country's body named by a generic alias ("National Security
    // Council", listed as the American one) is left unlinked only in a
    // document that names places, none of that country.
    let names_places = entities.iter().any(|e| {
        e.kind == EntityType::Location
            && matches!(e.canonical, Canonical::Entry(_))
    });
    // A listed person's country counts: "Lula's Workers' Party".
    let named: FxHashSet<&str> = entities
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                EntityType::Location
                    | EntityType::Nationality
                    | EntityType::Person
            )
        })
        .filter_map(|e| match e.canonical {
            Canonical::Entry(id) => Some(&*gazetteer.entry(id).country),
            _ => None,
        })
        .filter(|c| !c.is_empty())
        .collect();
    let of_named = |id: u32| named.contains(&*gazetteer.entry(id).country);
    let mut found = Vec::new();
    for e in entities.iter_mut() {
        let Some(id) = shared_alias(e) else { continue };
        if of_named(id) {
            continue;
        }
        let generic = !gazetteer.entry(id).flags.has(Flags::AMBIGUOUS_ALIAS);
        if generic && !names_places {
            continue;
        }
        let quote = e.span.of(text);
        let other = namesakes(gazetteer, quote, &mut found).find(|&o| {
            o != id
                && gazetteer.entry(o).entity_type() == Some(e.kind)
                && of_named(o)
        });
        match other {
            Some(o) => {
                e.canonical = Canonical::Entry(o);
                e.origin = Origin::Gazetteer(o);
            }
            None if generic || national(id, quote) => {
                e.canonical = Canonical::None;
            }
            None => {}
        }
    }
}

/// Whether `quote` names a country's listed state body or party by a
/// generic alias of several words that other countries' bodies share
/// ("National Security Council", "Supreme Court"): no word in capitals
/// ("US", "NSC") and not the entry's own name.
fn generic_body(entry: &Entry, quote: &str) -> bool {
    matches!(&*entry.subtype, "government" | "court" | "military" | "party")
        && !entry.country.is_empty()
        && has_space(quote)
        && !quote
            .split([' ', '.'])
            .any(|w| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase()))
}

/// The first bytes and lengths of a document's aliases: a word whose
/// first byte and length no alias has is none, whatever the table holds.
struct AliasShapes {
    /// Per first byte (0 for an empty name), a bit per length, the last
    /// bit for every length from 63 on.
    lengths: [u64; 256],
}

impl Default for AliasShapes {
    fn default() -> AliasShapes {
        AliasShapes { lengths: [0; 256] }
    }
}

impl AliasShapes {
    fn shape(name: &str) -> (usize, u64) {
        let first = name.as_bytes().first().copied().unwrap_or(0);
        (usize::from(first), 1 << name.len().min(63))
    }

    /// Notes an alias's shape.
    fn mark(&mut self, name: &str) {
        let (first, length) = AliasShapes::shape(name);
        self.lengths[first] |= length;
    }

    /// Whether some alias marked has the shape of `word`.
    fn may_hold(&self, word: &str) -> bool {
        let (first, length) = AliasShapes::shape(word);
        self.lengths[first] & length != 0
    }
}

/// Whether `word` alone is a listed organization or a place that news
/// names more than a person so: a city of 100,000, a section of one
/// (Chelsea), a province, a country. A town of a few thousand named
/// "Kim" is not: the Korean "Kim" is a person's.
fn listed_as_place_or_org(gazetteer: &Gazetteer, word: &str) -> bool {
    let mut found = Vec::new();
    gazetteer.find(word, &mut found);
    found.iter().filter(|m| m.span.len() == word.len()).any(|m| {
        gazetteer.match_entries(m).iter().any(|&i| {
            let e = gazetteer.entry(i);
            match e.entity_type() {
                Some(EntityType::Location) => {
                    !e.flags.has(Flags::LOW_PRIORITY)
                        && (&*e.subtype != "city"
                            || e.population >= 100_000
                            || e.flags.has(Flags::SECTION))
                }
                Some(EntityType::Organization) => true,
                _ => false,
            }
        })
    })
}

/// Whether `quote` is a compass word and an administrative word alone:
/// "Eastern Division", "CENTRAL PROVINCE", "Northern Region".
fn names_a_compass_division(quote: &str) -> bool {
    const COMPASS: &[&str] = &[
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
    ];
    const DIVISIONS: &[&str] = &[
        "division",
        "region",
        "province",
        "district",
        "department",
        "zone",
        "area",
    ];
    let mut words = quote.split_whitespace();
    let (Some(first), Some(last), None) =
        (words.next(), words.next(), words.next())
    else {
        return false;
    };
    let is = |list: &[&str], w: &str| {
        list.iter().any(|x| x.eq_ignore_ascii_case(w))
    };
    is(COMPASS, first) && is(DIVISIONS, last)
}

/// Whether the document writes `given` before a capitalized surname
/// somewhere ("Victoria Beckham"): it names a person so.
fn names_someone_so(
    text: &str,
    tokens: &[Token],
    feats: &[u64],
    given: &str,
) -> bool {
    tokens.windows(2).zip(feats.iter().skip(1)).any(|(pair, &next)| {
        pair[0].span.of(text) == given
            && pair[1].space_before
            && next & (feature::SURNAME | feature::CAP)
                == feature::SURNAME | feature::CAP
    })
}

/// Whether a verb of saying follows `span`: "Jordan said", "Jordan told
/// reporters".
fn speaks(text: &str, span: Span) -> bool {
    fn next_word(at: &str) -> (&str, &str) {
        let rest = at.trim_start_matches([' ', '\t', '\n']);
        let w = rest.split(|c: char| !c.is_ascii_alphabetic()).next();
        (w.unwrap_or(""), rest)
    }
    let (mut w, rest) = next_word(&text[span.end..]);
    // "Amazon.com Inc reported": past the legal suffix.
    if is_company_suffix(w) {
        let after =
            rest[w.len()..].strip_prefix('.').unwrap_or(&rest[w.len()..]);
        w = next_word(after).0;
    }
    [
        "said",
        "says",
        "told",
        "tells",
        "added",
        "reported",
        "reports",
        "announced",
        "announces",
    ]
    .contains(&w)
}

/// An alias that a word of an ALL-CAPS headline may write in capitals:
/// its name's first byte, the name, its full name and type.
type ShoutCandidate<'a> = (u8, &'a str, (Span, EntityType));

/// The aliases of people and organizations, each with its first byte:
/// the only ones [`shouted_alias`] can return, listed once for all the
/// words of a document's headlines.
fn shout_candidates<'a>(
    aliases: &FxHashMap<&'a str, (Span, EntityType)>,
) -> Vec<ShoutCandidate<'a>> {
    aliases
        .iter()
        .filter(|(name, value)| {
            !name.is_empty()
                && matches!(
                    value.1,
                    EntityType::Person | EntityType::Organization
                )
        })
        .map(|(&name, &value)| (name.as_bytes()[0], name, value))
        .collect()
}

/// The alias that `word`, a word of an ALL-CAPS headline, writes in
/// capitals: a one-word capitalized name of a person or organization
/// (of three characters or more). Two aliases can shout alike ("Woods",
/// "WOODS"): the name written first wins, whatever the hash order.
///
/// A headline has few words to look up, and each scans the candidates
/// rather than a table of them in capitals being built (a string for
/// each), with a test of the first letter turning most away.
fn shouted_alias<'s>(
    candidates: &'s [ShoutCandidate],
    word: &str,
) -> Option<&'s (Span, EntityType)> {
    let &first = word.as_bytes().first()?;
    let shouts = |name: &str| {
        let b = name.as_bytes();
        if name.is_ascii() {
            b.len() == word.len()
                && b.iter()
                    .zip(word.as_bytes())
                    .all(|(a, w)| a.to_ascii_uppercase() == *w)
        } else {
            name.chars().flat_map(char::to_uppercase).eq(word.chars())
        }
    };
    candidates
        .iter()
        // A capital letter is itself in capitals: an ASCII first letter
        // must be the word's.
        .filter(|&&(b, ..)| b == first || !b.is_ascii())
        .filter(|(_, name, _)| {
            shouts(name)
                && name.chars().next().is_some_and(char::is_uppercase)
                && more_chars_than(name, 2)
                && !has_space(name)
        })
        .min_by_key(|(_, name, value)| (value.0, *name))
        .map(|(.., value)| value)
}

/// A person's name that the document writes in full elsewhere keeps its
/// first words where the rules missed them: "Frank Lloyd Wright ...
/// Frank Lloyd Wright's Design", where "Frank" alone is a common word
/// and only "Lloyd Wright" was found.
fn complete_names_written_in_full(text: &str, entities: &mut [Entity]) {
    /// The end of a chain of names.
    const END: u32 = u32::MAX;
    let people = entities.iter().filter(|e| e.kind == EntityType::Person);
    let count = people.clone().count();
    if count == 0 {
        return;
    }
    // Full names by their last word, each name once: long documents name
    // thousands of people. A last word keeps the first and the last of
    // its names, which chain through `names` in the order first written:
    // one table lookup a name, and no list of its own for each word.
    let mut by_last: FxHashMap<&str, (u32, u32)> =
        FxHashMap::with_capacity_and_hasher(count, Default::default());
    let mut names: Vec<(Span, u32)> = Vec::new();
    // Each name of several words, by entity, with the first name of its
    // last word's chain: the pass below needs no second lookup for it.
    let mut full: Vec<(usize, u32)> = Vec::new();
    for (i, e) in entities.iter().enumerate() {
        if e.kind != EntityType::Person {
            continue;
        }
        let name = e.span.of(text);
        let Some(space) = last_space(name) else { continue };
        let chain = by_last.entry(&name[space + 1..]).or_insert((END, END));
        let mut at = chain.0;
        while at != END && names[at as usize].0.of(text) != name {
            at = names[at as usize].1;
        }
        if at == END {
            let new = names.len() as u32;
            names.push((e.span, END));
            if chain.0 == END {
                chain.0 = new;
            } else {
                names[chain.1 as usize].1 = new;
            }
            chain.1 = new;
        }
        full.push((i, chain.0));
    }
    if names.is_empty() {
        return;
    }
    let mut full = full.into_iter().peekable();
    for i in 0..entities.len() {
        let e = &entities[i];
        if e.kind != EntityType::Person {
            continue;
        }
        let quote = e.span.of(text);
        // A name of several words has its chain; one word is its own
        // last word.
        let first = match full.next_if(|&(k, _)| k == i) {
            Some((_, first)) => first,
            None => match by_last.get(quote) {
                Some(&(first, _)) => first,
                None => continue,
            },
        };
        let mut longer = None;
        let mut at = first;
        while at != END {
            let (f, next) = names[at as usize];
            let name = f.of(text);
            let head = name.len().saturating_sub(quote.len());
            if name.len() > quote.len()
                && name.ends_with(quote)
                && name.as_bytes()[head - 1] == b' '
                && e.span.start >= head
                && text.get(e.span.start - head..e.span.end) == Some(name)
            {
                longer = Some(f);
                break;
            }
            at = next;
        }
        let Some(longer) = longer else { continue };
        let start = e.span.end - longer.len();
        // The words taken must not belong to another entity.
        if i > 0 && entities[i - 1].span.end > start {
            continue;
        }
        let e = &mut entities[i];
        e.span = Span::new(start, e.span.end);
        e.canonical = Canonical::Mention(longer);
        e.origin = Origin::Builtin("resolve:full_name");
    }
}

/// Where the last ASCII space of `s` is: a byte search, which beats a
/// general pattern search on names of a few words.
fn last_space(s: &str) -> Option<usize> {
    s.bytes().rposition(|b| b == b' ')
}

/// Whether `s` has an ASCII space.
fn has_space(s: &str) -> bool {
    has_byte(s.as_bytes(), b' ')
}

/// Whether `bytes` holds `byte`, tested eight bytes at a time: names are
/// short, so a vectorized search cost more to set up than it saved, and
/// a byte loop cost a compare and a branch a byte.
fn has_byte(bytes: &[u8], byte: u8) -> bool {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let wanted = ONES * u64::from(byte);
    // A byte of `word ^ wanted` is zero where `byte` is; the classic
    // zero-byte test sees it.
    let holds = |word: [u8; 8]| {
        let x = u64::from_ne_bytes(word) ^ wanted;
        x.wrapping_sub(ONES) & !x & HIGHS != 0
    };
    if bytes.len() < 8 {
        // A plain loop: a copy into a word called `memcpy`, and a slice's
        // `contains` the vectorized search.
        for &b in bytes {
            if b == byte {
                return true;
            }
        }
        return false;
    }
    let mut chunks = bytes.chunks_exact(8);
    if chunks.any(|chunk| holds(chunk.try_into().unwrap_or_default())) {
        return true;
    }
    // The last eight bytes, overlapping the chunks read: the remainder.
    !bytes.len().is_multiple_of(8)
        && holds(bytes[bytes.len() - 8..].try_into().unwrap_or_default())
}

/// Capitalized words that name sports events and games after a place:
/// "the Kenya Open", "the Davis Cup", "the Nagano Games". They are no
/// places themselves either ("at the Olympics").
const EVENT_WORDS: &[&str] = &[
    "Open",
    "Cup",
    "Games",
    "Olympics",
    "Olympic",
    "Classic",
    "Masters",
    "Championships",
    "Championship",
    "Marathon",
    "Trophy",
    "Grand",
    // Not an event: "Greenwich Mean Time" names the hour, not the town.
    "Mean",
    "OPEN",
    "CUP",
    "GAMES",
];

/// The first bytes of [`EVENT_WORDS`].
const EVENT_WORD_STARTS: &[u8] = b"CGMOT";

/// The length of the longest of [`EVENT_WORDS`] ("Championships").
const EVENT_WORD_LONGEST: usize = 13;

/// Whether `word` is one of [`EVENT_WORDS`], possessive or not; its
/// first byte turns most words away before any comparison.
fn is_event_word(word: &str) -> bool {
    // Headlines shout: "BERLIN GRAND PRIX".
    // The possessive adds four bytes at most.
    (3..=EVENT_WORD_LONGEST + 4).contains(&word.len())
        && EVENT_WORD_STARTS.contains(&word.as_bytes()[0])
        && EVENT_WORDS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(strip_possessive(word)))
}

/// A person's name keeps the initials written before it: "C. Matthew
/// Gilmour", "J. Richard West".
fn leading_initials(
    text: &str,
    seg: &Segmentation,
    feats: &[u64],
    entities: &mut [Entity],
) {
    for k in 0..entities.len() {
        if entities[k].kind != EntityType::Person {
            continue;
        }
        let Some(mut first) = token_at(&seg.tokens, entities[k].span.start)
        else {
            continue;
        };
        while first >= 2
            && feats[first - 1] & feature::DOT != 0
            && feats[first - 2] & feature::INITIAL != 0
            && feats[first] & feature::START == 0
            && feats[first - 1] & feature::START == 0
            && !(first >= 3 && lettered(seg.tokens[first - 3].span.of(text)))
        {
            first -= 2;
        }
        let start = seg.tokens[first].span.start;
        if start == entities[k].span.start {
            continue;
        }
        // The entity before must not already hold those initials.
        let new = Span::new(start, entities[k].span.end);
        if k > 0 && entities[k - 1].span.overlaps(new) {
            continue;
        }
        entities[k].span = new;
    }
}

/// Drops places and organizations that are part of an event's name
/// ("Kenya Open", "UEFA Cup", "BERLIN GRAND PRIX") or that are an event
/// word.
fn drop_event_names(
    text: &str,
    seg: &Segmentation,
    entities: &mut Vec<Entity>,
) {
    // Entities come in order, so the token after each is found by
    // stepping on from the last rather than by a search.
    let mut cursor = TokenCursor::default();
    entities.retain(|e| {
        // "the Fed Cup", "the UEFA Cup" are events too, and "the
        // Australian Open", "the British Grand Prix" name no people.
        if !matches!(
            e.kind,
            EntityType::Location
                | EntityType::Organization
                | EntityType::Nationality
        ) {
            return true;
        }
        if is_event_word(e.span.of(text)) {
            return false;
        }
        let next = cursor.first_from(&seg.tokens, e.span.end);
        !seg.tokens.get(next).is_some_and(|t| {
            let word = t.span.of(text);
            t.space_before
                && t.newlines_before == 0
                && is_event_word(word)
                // "American Olympic champion Gail Devers" is American.
                && !(e.kind == EntityType::Nationality
                    && word.eq_ignore_ascii_case("Olympic"))
        })
    });
}

/// Whether token `i` can be a word of a person's name listed next to
/// another person: capitalized, no headline, not yet typed.
fn name_word(feats: &[u64], i: usize) -> bool {
    feats[i] & feature::CAP != 0
        && feats[i] & (feature::HEADLINE | feature::DATE | feature::TITLE) == 0
}

/// Whether the token at `i` separates items of a list.
fn list_separator(text: &str, seg: &Segmentation, i: usize) -> bool {
    // Compared as bytes: a `str` slice checks char boundaries first.
    seg.tokens.get(i).is_some_and(|t| {
        matches!(&text.as_bytes()[t.span.range()], b"," | b"and")
    })
}

/// In a list of names, an untyped item of two or three capitalized words
/// next to a person is a person too: "Payne Stewart, Billy Mayfair, Ken
/// Green"; an untyped item of one or two words next to a place is a
/// place: "the cities of Sidon and Tyre". Each new name can vouch for
/// its own neighbour.
fn names_in_lists(
    text: &str,
    seg: &Segmentation,
    feats: &[u64],
    entities: &mut Vec<Entity>,
    kind: EntityType,
) {
    let (min, max) = if kind == EntityType::Person { (2, 3) } else { (1, 2) };
    // A long report has thousands of names, each asked about its
    // neighbours: searched, not scanned.
    let index = EntityIndex::new(entities);
    let typed = |entities: &[Entity], i: usize| {
        index.overlapping(entities, seg.tokens[i].span, |_| true).is_some()
    };
    // A stack of names to look beside: the document's own, last first,
    // under the new ones, which are looked at first. The document's stay
    // where they are (new names go after them) and are taken from the
    // end, not copied into the stack.
    let mut queue: Vec<Span> = Vec::new();
    let mut own = entities.len();
    let mut added = 0;
    loop {
        let person = match queue.pop() {
            Some(span) => span,
            None => {
                let Some(k) =
                    entities[..own].iter().rposition(|e| e.kind == kind)
                else {
                    break;
                };
                own = k;
                entities[k].span
            }
        };
        if added > 64 {
            break;
        }
        let Some(first) = token_at(&seg.tokens, person.start) else {
            continue;
        };
        // The token after the name: a name has few tokens, so stepping
        // over them beats a search of the document's.
        let last = seg.tokens[first..]
            .iter()
            .position(|t| t.span.start >= person.end)
            .map_or(seg.tokens.len(), |k| first + k);
        let mut found = Vec::new();
        // The item after: ", Billy Mayfair," or "and Billy Mayfair."
        if list_separator(text, seg, last) {
            let a = last + 1;
            let mut b = a;
            while b < seg.tokens.len()
                && b - a < max
                && name_word(feats, b)
                && !typed(entities, b)
            {
                b += 1;
            }
            let closed = b == seg.tokens.len()
                || matches!(
                    seg.tokens[b].span.of(text),
                    "," | "and" | "." | "(" | ";" | ":"
                );
            if b - a >= min && closed {
                found.push((a, b));
            }
        }
        // The item before: "Payne Stewart, Billy Mayfair".
        if first >= 3 && list_separator(text, seg, first - 1) {
            let b = first - 1;
            let mut a = b;
            while a > 0
                && b - a < max
                && name_word(feats, a - 1)
                && !typed(entities, a - 1)
            {
                a -= 1;
            }
            let opened = a == 0
                || feats[a] & feature::START != 0
                || matches!(
                    seg.tokens[a - 1].span.of(text),
                    "," | "and" | ":" | "-" | "(" | ";"
                );
            if b - a >= min && opened {
                found.push((a, b));
            }
        }
        for (a, b) in found {
            let span = Span::new(
                seg.tokens[a].span.start,
                seg.tokens[b - 1].span.end,
            );
            // A common word leads no name unless it is a given name; a
            // place is no common word and no person's name.
            let person_word =
                feature::COMMON | feature::GIVEN | feature::SURNAME;
            let bad = if kind == EntityType::Person {
                feats[a] & feature::COMMON != 0
                    && feats[a] & feature::GIVEN == 0
            } else {
                (a..b).any(|i| feats[i] & person_word != 0)
            };
            if bad {
                continue;
            }
            entities.push(Entity {
                span,
                kind,
                canonical: Canonical::None,
                origin: Origin::Builtin("resolve:list"),
            });
            queue.push(span);
            added += 1;
        }
    }
    // The entities came sorted (by `define_acronyms`, and no pass since
    // moves a span): only new names need a sort.
    if added > 0 {
        sort_by_start(entities);
    }
    debug_assert!(entities.is_sorted_by_key(|e| (e.span.start, e.span.end)));
}

/// Words before a place name that keep it a place even where the same
/// name is a team elsewhere in the document: "in Cleveland".
const PLACE_PREPOSITIONS: &[&str] =
    &["in", "at", "near", "outside", "around", "In", "At", "Near", "AT", "IN"];

/// Whether token `at` follows one of [`PLACE_PREPOSITIONS`] in its
/// sentence ("in Cleveland").
fn after_place_preposition(
    text: &str,
    seg: &Segmentation,
    feats: &[u64],
    at: usize,
) -> bool {
    at.checked_sub(1).filter(|_| feats[at] & feature::START == 0).is_some_and(
        |k| PLACE_PREPOSITIONS.contains(&seg.tokens[k].span.of(text)),
    )
}

/// Whether the one-word match at token `first` comes right after a
/// capitalized word of the same line that starts no sentence: it ends a
/// longer name ("Joint Chiefs"). Headlines, where every word is
/// capitalized, say nothing.
fn ends_an_unlisted_name(
    seg: &Segmentation,
    feats: &[u64],
    first: Option<usize>,
) -> bool {
    let Some(i) = first.filter(|&i| i > 0) else { return false };
    let (prev, here) = (feats[i - 1], feats[i]);
    let token = &seg.tokens[i];
    prev & feature::CAP != 0
        && prev & (feature::START | feature::TITLE) == 0
        && here & feature::HEADLINE == 0
        && token.space_before
        && token.newlines_before == 0
}

/// Whether a listed place ends at the token before `first`.
fn after_a_listed_place(
    seg: &Segmentation,
    gazetteer: &Gazetteer,
    matches: &[GazetteerMatch],
    first: Option<usize>,
) -> bool {
    let Some(prev) = first.and_then(|i| i.checked_sub(1)) else {
        return false;
    };
    let end = seg.tokens[prev].span.end;
    matches.iter().any(|o| {
        o.span.end == end
            && gazetteer.match_entries(o).iter().any(|&e| {
                gazetteer.entry(e).entity_type() == Some(EntityType::Location)
            })
    })
}

/// A town's name that a rule has typed as an organization in this
/// document ("Cleveland 4 Detroit 2", "Leicester beat Sussex") names the
/// team at its other mentions too ("Cleveland's lead"), unless local
/// evidence says place: a place preposition before it, a date after it
/// (a dateline), or ", Country" after it. Countries keep their type.
fn teams_keep_their_type(
    text: &str,
    seg: &Segmentation,
    feats: &[u64],
    gazetteer: &Gazetteer,
    entities: &mut [Entity],
) {
    teams_in_lists(text, seg, gazetteer, entities);
    // Each team's name with whether it is ASCII, read once rather than
    // at each place compared with it.
    let teams: Vec<(&str, bool)> = entities
        .iter()
        .filter(|e| {
            e.kind == EntityType::Organization
                && matches!(
                    e.origin,
                    Origin::Rule(_) | Origin::Builtin("resolve:team")
                )
        })
        .map(|e| {
            let name = strip_possessive(e.span.of(text));
            (name, name.is_ascii())
        })
        .collect();
    if teams.is_empty() {
        return;
    }
    for e in entities.iter_mut() {
        if e.kind != EntityType::Location {
            continue;
        }
        let place = match e.origin {
            // England, Scotland and Wales field national sides; English
            // counties (regions) field county sides ("Kent 108-3").
            Origin::Gazetteer(i) => {
                let entry = gazetteer.entry(i);
                !matches!(
                    &*entry.subtype,
                    "city" | "province" | "district" | "region"
                ) || &*entry.subtype == "province" && &*entry.country == "GB"
            }
            Origin::Builtin("resolve:alias") => false,
            _ => true,
        };
        if place {
            continue;
        }
        let quote = e.span.of(text);
        // A team's name in lower case, compared ignoring ASCII case; an
        // ASCII name needs no lower-case copy for that.
        let same_name = |&(t, ascii): &(&str, bool)| {
            if ascii {
                t.eq_ignore_ascii_case(quote)
            } else {
                t.to_lowercase().eq_ignore_ascii_case(quote)
            }
        };
        if !teams.iter().any(same_name) {
            continue;
        }
        let Some(first) = token_at(&seg.tokens, e.span.start) else {
            continue;
        };
        let last = seg.tokens[first..]
            .iter()
            .position(|t| t.span.end >= e.span.end)
            .map_or(first, |k| first + k);
        if after_place_preposition(text, seg, feats, first) {
            continue;
        }
        let next = last + 1;
        let dateline = feats.get(next).is_some_and(|f| f & feature::DATE != 0)
            || seg.tokens.get(next).is_some_and(|t| t.span.of(text) == ",")
                && feats.get(next + 1).is_some_and(|f| f & feature::LOC != 0);
        if dateline {
            continue;
        }
        e.kind = EntityType::Organization;
        e.canonical = Canonical::None;
        e.origin = Origin::Builtin("resolve:team");
    }
}

/// Nouns for a club's team after its possessive: "Sassuolo's side".
const SIDE_NOUNS: &[&str] =
    &["side", "team", "squad", "players", "men", "outfit"];

/// Words of a sentence on a match that make a town's possessive before a
/// player's name the player's club: "Bournemouth's Antoine Semenyo
/// scored".
const MATCH_WORDS: &[&str] = &[
    "scored",
    "scores",
    "scoring",
    "goal",
    "goals",
    "penalty",
    "match",
    "striker",
    "midfielder",
    "winger",
    "defender",
    "goalkeeper",
    "minute",
    "hat-trick",
    "header",
    "equaliser",
    "equalizer",
    "substituted",
    "booked",
    "assist",
    "free-kick",
    "league",
    "season",
    "club",
    "transfer",
    "touchdown",
    "innings",
    "wicket",
    "wickets",
    "rebounds",
];

/// A town's possessive before its side ("Sassuolo's side looked tired")
/// or, in a sentence on a match, before a player's name ("Bournemouth's
/// Antoine Semenyo scored") names the club, not the place. A capital is
/// left alone ("Tehran's team" negotiates), and so is "side of" ("on
/// Gaza City's side of the line"). A lone word the rules took for a
/// coach's surname before "side" ("Girona's side") is the club when
/// the lists know it as a town (a surname too, it was no place without
/// context).
fn clubs_by_their_side(
    text: &str,
    seg: &Segmentation,
    feats: &[u64],
    gazetteer: &Gazetteer,
    entities: &mut Vec<Entity>,
) {
    let tokens = &seg.tokens;
    let mut found = Vec::new();
    for k in 0..entities.len() {
        let e = &entities[k];
        let rest = &text[e.span.end..];
        let Some(after) =
            rest.strip_prefix("'s ").or_else(|| rest.strip_prefix("’s "))
        else {
            continue;
        };
        let town = |id: u32| {
            let entry = gazetteer.entry(id);
            entry.entity_type() == Some(EntityType::Location)
                && matches!(&*entry.subtype, "city" | "district")
                && !entry.flags.has(Flags::CAPITAL)
        };
        let lone_coach = e.kind == EntityType::Person
            && matches!(e.origin, Origin::Rule(_))
            && !has_space(e.span.of(text))
            && e.canonical == Canonical::None;
        let placed = match e.origin {
            Origin::Gazetteer(i) => e.kind == EntityType::Location && town(i),
            _ => false,
        };
        if !placed && !lone_coach {
            continue;
        }
        let noun = after.split(|c: char| !c.is_alphanumeric()).next();
        let side = noun.is_some_and(|n| SIDE_NOUNS.contains(&n))
            && !word_follows(&after[noun.map_or(0, str::len)..], "of");
        let club = if side {
            placed
                || namesakes(gazetteer, e.span.of(text), &mut found).any(town)
        } else {
            // A player's name after it, in a sentence on a match.
            let at = e.span.end + (rest.len() - after.len());
            placed
                && entities.get(k + 1).is_some_and(|p| {
                    p.kind == EntityType::Person && p.span.start == at
                })
                && token_at(tokens, e.span.start).is_some_and(|first| {
                    !after_place_preposition(text, seg, feats, first)
                        && sentence_has(text, seg, first, MATCH_WORDS)
                })
        };
        if club {
            let e = &mut entities[k];
            e.kind = EntityType::Organization;
            e.canonical = Canonical::None;
            e.origin = Origin::Builtin("resolve:team");
        }
    }
    // A capitalized possessive that no entity holds, before a player's
    // name in a sentence on a match, is the club too: "Chelsea's Cole
    // Palmer missed a penalty".
    let mut added = Vec::new();
    let mut k = 0;
    for (i, t) in tokens.iter().enumerate() {
        if feats[i] & (feature::POSS | feature::CAP)
            != feature::POSS | feature::CAP
            || t.kind != TokenKind::Word
        {
            continue;
        }
        while k < entities.len() && entities[k].span.end <= t.span.start {
            k += 1;
        }
        let name = strip_possessive(t.span.of(text));
        let player = t.span.end + 1;
        let before_player = entities.get(k).is_some_and(|p| {
            p.kind == EntityType::Person
                && p.span.start == player
                && has_space(p.span.of(text))
        }) && text.as_bytes().get(t.span.end)
            == Some(&b' ');
        if !before_player
            || name.len() < 3
            || feats[i] & feature::TITLE != 0
            || !sentence_has(text, seg, i, MATCH_WORDS)
        {
            continue;
        }
        added.push(Entity {
            span: Span::new(t.span.start, t.span.start + name.len()),
            kind: EntityType::Organization,
            canonical: Canonical::None,
            origin: Origin::Builtin("resolve:team"),
        });
    }
    if !added.is_empty() {
        entities.extend(added);
        sort_by_start(entities);
    }
}

/// Whether the sentence holding token `at` has a word of `words`.
fn sentence_has(
    text: &str,
    seg: &Segmentation,
    at: usize,
    words: &[&str],
) -> bool {
    seg.tokens.get(at).is_some_and(|t| {
        seg.sentence_tokens(seg.sentence_at(t.span.start))
            .iter()
            .any(|t| words.contains(&t.span.of(text)))
    })
}

/// Whether the place at `e` may name a club: a town, district or county,
/// not a country or one of the home nations (their sides keep the place
/// type, as national teams do).
fn town_like(gazetteer: &Gazetteer, e: &Entity) -> bool {
    let Origin::Gazetteer(i) = e.origin else { return false };
    let entry = gazetteer.entry(i);
    e.kind == EntityType::Location
        && matches!(&*entry.subtype, "city" | "district" | "region")
}

/// In a list of clubs ("title rivals Essex, Derbyshire and Surrey"), a
/// town next to a club that a rule typed and that is named after its
/// town is a club too. Each new club vouches for its own neighbour.
fn teams_in_lists(
    text: &str,
    seg: &Segmentation,
    gazetteer: &Gazetteer,
    entities: &mut [Entity],
) {
    let separator = |i: usize| {
        seg.tokens
            .get(i)
            // Compared as bytes: a `str` slice checks char boundaries.
            .is_some_and(|t| {
                matches!(
                    &text.as_bytes()[t.span.range()],
                    b"," | b"and" | b"or"
                )
            })
    };
    // Whether the entity at `span` has a list separator on either side:
    // without one it has no neighbour to convert.
    let in_a_list = |span: Span| {
        let Some(first) = token_at(&seg.tokens, span.start) else {
            return false;
        };
        // A name has few tokens: stepping over them beats a search.
        let after = seg.tokens[first..]
            .iter()
            .position(|t| t.span.start >= span.end)
            .map_or(seg.tokens.len(), |k| first + k);
        separator(after) || first >= 2 && separator(first - 1)
    };
    let mut found = Vec::new();
    let mut queue: Vec<usize> = Vec::new();
    for (k, e) in entities.iter().enumerate() {
        if e.kind != EntityType::Organization
            || !matches!(e.origin, Origin::Rule(_))
            || !in_a_list(e.span)
        {
            continue;
        }
        let quote = e.span.of(text);
        found.clear();
        gazetteer.find(quote, &mut found);
        if found.iter().any(|m| {
            m.span.len() == quote.len()
                && gazetteer.entry(m.entry).entity_type()
                    == Some(EntityType::Location)
        }) {
            queue.push(k);
        }
    }
    let mut converted = 0;
    while let Some(k) = queue.pop() {
        // Lists are short; the cap keeps a long table linear.
        if converted > 64 {
            break;
        }
        let span = entities[k].span;
        let Some(first) = token_at(&seg.tokens, span.start) else {
            continue;
        };
        let after = seg.tokens.partition_point(|t| t.span.start < span.end);
        let mut neighbours = Vec::new();
        if separator(after) {
            if let Some(t) = seg.tokens.get(after + 1) {
                neighbours.push(
                    entities.partition_point(|e| e.span.start < t.span.start),
                );
            }
        }
        if first >= 2 && separator(first - 1) {
            let end = seg.tokens[first - 2].span.end;
            let j = entities.partition_point(|e| e.span.end < end);
            neighbours.push(j);
        }
        for j in neighbours {
            let Some(n) = entities.get(j) else { continue };
            // Only the separator between the two names.
            let adjacent = |a: Span, b: Span| {
                a.end <= b.start
                    && text[a.end..b.start].split_whitespace().count() == 1
            };
            let near = if n.span.start > span.start {
                adjacent(span, n.span)
            } else {
                adjacent(n.span, span)
            };
            if !near || !town_like(gazetteer, n) {
                continue;
            }
            let n = &mut entities[j];
            n.kind = EntityType::Organization;
            n.canonical = Canonical::None;
            n.origin = Origin::Builtin("resolve:team");
            queue.push(j);
            converted += 1;
        }
    }
}

/// "Toyota Motor Corp." names the company "Toyota" elsewhere in the
/// document, though a listed town is called Toyota too: a one-word town
/// that begins a company name with a legal suffix is the company, unless
/// a place preposition stands before it ("plants in Toyota"). Towns of a
/// million people and capitals keep their reading ("Detroit Edison Co."
/// does not make Detroit a company; "Chicago" stays Chicago).
fn companies_named_by_a_town(
    text: &str,
    seg: &Segmentation,
    feats: &[u64],
    gazetteer: &Gazetteer,
    entities: &mut [Entity],
) {
    let firsts: Vec<(&str, Span)> = entities
        .iter()
        .filter(|e| e.kind == EntityType::Organization)
        .filter_map(|e| {
            let name = e.span.of(text);
            company_stem(name)?;
            let first = name.split_whitespace().next()?;
            (first.len() > 3 && first != name).then_some((first, e.span))
        })
        .collect();
    if firsts.is_empty() {
        return;
    }
    for e in entities.iter_mut() {
        let Origin::Gazetteer(i) = e.origin else { continue };
        let entry = gazetteer.entry(i);
        let small_town = e.kind == EntityType::Location
            && &*entry.subtype == "city"
            && entry.population < 1_000_000
            && !entry.flags.has(Flags::CAPITAL);
        if !small_town {
            continue;
        }
        let quote = strip_possessive(e.span.of(text));
        let Some(&(_, full)) = firsts.iter().find(|(w, _)| *w == quote) else {
            continue;
        };
        let Some(at) = token_at(&seg.tokens, e.span.start) else {
            continue;
        };
        if after_place_preposition(text, seg, feats, at) {
            continue;
        }
        e.kind = EntityType::Organization;
        e.canonical = Canonical::Mention(full);
        e.origin = Origin::Builtin("resolve:company");
    }
}

/// Words right after a name that make it a company's ("Nokia shares",
/// "Santander's chief executive"), with the word that must follow them,
/// if any. A market is named by its country or financial centre ("Tokyo
/// shares"), and [`companies_by_market_words`] never retypes those.
const COMPANY_AFTER: &[(&str, &[&str])] = &[
    ("shares", &[]),
    ("stock", &[]),
    ("shareholders", &[]),
    ("share", &["price", "prices"]),
    ("CEO", &[]),
    ("chairman", &[]),
    ("chairwoman", &[]),
    // Not "chief minister".
    ("chief", &["executive", "financial", "operating"]),
    ("net", &["profit", "income", "loss"]),
    ("market", &["value", "capitalisation", "capitalization"]),
];

/// Lowercase words before a name that make it a company's ("Spanish bank
/// Santander"), as the rule `org.kind_name` reads them, and "shares in".
const COMPANY_BEFORE: &[&str] = &[
    "firm",
    "company",
    "bank",
    "lender",
    "insurer",
    "carmaker",
    "automaker",
    "drugmaker",
    "chipmaker",
    "retailer",
    "airline",
    "conglomerate",
    "miner",
    "brokerage",
    "manufacturer",
    "giant",
];

/// Market verbs after "X shares": "Louis Vuitton Moet Hennessy shares
/// fell" (not "Taylor Swift shares photos").
const MARKET_VERBS: &[&str] = &[
    "rose", "fell", "jumped", "slid", "climbed", "dropped", "gained", "lost",
    "closed", "ended", "tumbled", "surged", "slumped", "plunged", "soared",
    "rallied", "were", "have", "had",
];

/// Words after a possessive that make the owner a company: "Johnson
/// Matthey's shareholders", "Louis Vuitton Moet Hennessy's revenue".
/// (Not "shares", "stake" or "earnings": people hold and make them.)
const COMPANY_OWNS: &[&str] =
    &["shareholders", "CEO", "subsidiary", "revenue", "revenues"];

/// A name of given names and surnames that the market reads as a
/// company's: "Shares of Louis Vuitton Moet Hennessy rose", "a stake in
/// Johnson Matthey", "Johnson Matthey shares fell", "Johnson Matthey's
/// shareholders". The name rules took it for a person's; every mention of
/// it written alike is the company. An owner's name before what they own
/// ("shares of Elon Musk's Tesla") keeps its type.
fn companies_named_like_people(
    text: &str,
    seg: &Segmentation,
    entities: &mut [Entity],
) {
    let tokens = &seg.tokens;
    let mut named: Vec<&str> = Vec::new();
    for e in entities.iter() {
        if e.kind != EntityType::Person
            || !matches!(e.origin, Origin::Rule(_))
            || !has_space(e.span.of(text))
        {
            continue;
        }
        let rest = &text[e.span.end..];
        let owner =
            rest.strip_prefix("'s").or_else(|| rest.strip_prefix("’s"));
        let next = next_word(
            text,
            e.span.end + (rest.len() - owner.unwrap_or(rest).len()),
        );
        let after = match owner {
            Some(_) => COMPANY_OWNS.contains(&next),
            None => {
                let next_end = next.as_ptr() as usize - text.as_ptr() as usize
                    + next.len();
                matches!(next, "shares" | "stock")
                    && MARKET_VERBS.contains(&next_word(text, next_end))
                    || matches!(next, "shareholders" | "CEO")
            }
        };
        let before = owner.is_none()
            && token_at(tokens, e.span.start).is_some_and(|first| {
                let prev = |k: usize| {
                    first.checked_sub(k).map(|i| tokens[i].span.of(text))
                };
                matches!(prev(1), Some("of" | "in"))
                    && prev(2).is_some_and(|w| {
                        w.eq_ignore_ascii_case("shares")
                            || w.eq_ignore_ascii_case("stake")
                    })
            });
        if after || before {
            named.push(e.span.of(text));
        }
    }
    if named.is_empty() {
        return;
    }
    for e in entities.iter_mut() {
        if e.kind == EntityType::Person
            && matches!(e.origin, Origin::Rule(_))
            && named.contains(&e.span.of(text))
        {
            e.kind = EntityType::Organization;
            e.origin = Origin::Builtin("resolve:company");
        }
    }
}

/// "Nokia shares fell ... Shares in Nokia rose": a province or a town of
/// fewer than 300,000 people (not a capital) whose name a market word
/// follows in this document, or a kind of company precedes, is the
/// company, there and at its other mentions, unless a place preposition
/// stands before one ("plants in Nokia"). The mention links to a listed
/// company of that name where there is one.
fn companies_by_market_words(
    text: &str,
    seg: &Segmentation,
    feats: &[u64],
    gazetteer: &Gazetteer,
    entities: &mut [Entity],
) {
    let may_be_company = |e: &Entity| {
        let Origin::Gazetteer(i) = e.origin else { return false };
        let entry = gazetteer.entry(i);
        e.kind == EntityType::Location
            && !entry.flags.has(Flags::CAPITAL)
            && match &*entry.subtype {
                "province" => true,
                "city" => entry.population < 300_000,
                _ => false,
            }
    };
    let cued = |e: &Entity| {
        let quote = e.span.of(text);
        let mut at = e.span.end;
        if strip_possessive(quote).len() == quote.len() {
            at += ["'s", "’s"]
                .iter()
                .find(|p| text[at..].starts_with(*p))
                .map_or(0, |p| p.len());
        }
        let next = next_word(text, at);
        // Where `next` ends, as a byte offset of `text`.
        let next_end =
            next.as_ptr() as usize - text.as_ptr() as usize + next.len();
        let after = COMPANY_AFTER.iter().any(|&(w, then)| {
            w == next
                && (then.is_empty()
                    || then.contains(&next_word(text, next_end)))
        });
        if after {
            return true;
        }
        let Some(first) = token_at(&seg.tokens, e.span.start) else {
            return false;
        };
        let prev = |k: usize| {
            first.checked_sub(k).map(|i| seg.tokens[i].span.of(text))
        };
        prev(1).is_some_and(|p| {
            COMPANY_BEFORE.iter().any(|w| w.eq_ignore_ascii_case(p))
                && (p.starts_with(|c: char| c.is_ascii_lowercase())
                    || feats[first - 1] & feature::START != 0)
                || matches!(p, "in" | "of")
                    && prev(2).is_some_and(|s| {
                        s.eq_ignore_ascii_case("shares")
                            || s.eq_ignore_ascii_case("stake")
                    })
        })
    };
    // "The Commission fined Meta 800 million euros": a province or town
    // of a country the story names by no other place or nationality,
    // with a company of that name, is the company (Meta, Colombia's
    // province).
    // The countries that two or more differently written listed names
    // of the story lie in: there a place is at home ("Meta" beside
    // "Bogotá"). Made once, when first asked, not a scan of every name
    // per name.
    let at_home_in = std::cell::OnceCell::new();
    let countries_at_home = || {
        let mut names: FxHashMap<&str, (&str, bool)> = FxHashMap::default();
        for o in entities.iter() {
            let Canonical::Entry(c) = o.canonical else { continue };
            let name = strip_possessive(o.span.of(text));
            names
                .entry(&*gazetteer.entry(c).country)
                .and_modify(|(first, two)| *two |= *first != name)
                .or_insert((name, false));
        }
        names
    };
    let foreign = |e: &Entity| {
        let Canonical::Entry(id) = e.canonical else { return false };
        let country = &*gazetteer.entry(id).country;
        let at_home = at_home_in
            .get_or_init(countries_at_home)
            .get(country)
            .is_some_and(|&(_, two)| two);
        !country.is_empty()
            && !at_home
            && listed_company(gazetteer, strip_possessive(e.span.of(text)))
                .is_some()
    };
    let named: Vec<&str> = entities
        .iter()
        .filter(|e| may_be_company(e) && (cued(e) || foreign(e)))
        .map(|e| strip_possessive(e.span.of(text)))
        .collect();
    if named.is_empty() {
        return;
    }
    for e in entities.iter_mut() {
        let name = strip_possessive(e.span.of(text));
        if !may_be_company(e) || !named.contains(&name) {
            continue;
        }
        let placed = token_at(&seg.tokens, e.span.start)
            .is_some_and(|at| after_place_preposition(text, seg, feats, at));
        if placed && !cued(e) {
            continue;
        }
        let company = listed_company(gazetteer, name);
        e.kind = EntityType::Organization;
        (e.canonical, e.origin) = match company {
            Some(c) => (Canonical::Entry(c), Origin::Gazetteer(c)),
            None => (Canonical::None, Origin::Builtin("resolve:company")),
        };
    }
}

/// The listed or curated company written exactly `name`, if any.
fn listed_company(gazetteer: &Gazetteer, name: &str) -> Option<u32> {
    let mut listed = Vec::new();
    gazetteer.find(name, &mut listed);
    listed
        .iter()
        .filter(|m| m.span.len() == name.len())
        .flat_map(|m| gazetteer.match_entries(m).iter().copied())
        .find(|&c| {
            let entry = gazetteer.entry(c);
            entry.entity_type() == Some(EntityType::Organization)
                && &*entry.subtype == "company"
        })
}

/// "Integrated Food Security Phase Classification (IPC)": a capitalized
/// name no stage found, defined by an acronym of its initials that the
/// lists read as an organization, is that organization, so that
/// [`define_acronyms`] links the letters to it and not to the list's
/// reading (the International Paralympic Committee). Letters no list
/// reads as one ("Gross Domestic Product (GDP)") make no organization.
fn names_defined_by_their_acronym(
    text: &str,
    seg: &Segmentation,
    feats: &[u64],
    entities: &mut Vec<Entity>,
) {
    const JOINS: &[&str] = &["and", "of", "for", "the", "on", "in", "de", "&"];
    let toks = &seg.tokens;
    let mut found = Vec::new();
    // Asked for every "(ACR)" of a document: searched, not scanned (the
    // entities do not change until the loop ends).
    let index = EntityIndex::new(entities);
    let listed_orgs = std::cell::OnceCell::new();
    // Only where a "(" stands: found by a byte search, not by asking
    // every token of every document.
    for at in memchr::memchr_iter(b'(', text.as_bytes()) {
        let k = toks.partition_point(|t| t.span.start < at);
        if k == 0
            || toks.get(k).is_none_or(|t| t.span.start != at)
            || toks.get(k + 2).is_none_or(|c| c.span.of(text) != ")")
        {
            continue;
        }
        let acr = toks[k + 1].span.of(text);
        let letters = acr.len();
        if !(2..=8).contains(&letters)
            || !acr.bytes().all(|b| b.is_ascii_uppercase())
        {
            continue;
        }
        let end = toks[k - 1].span.end;
        // A person the name rules found may be part of a longer name
        // (below).
        if index
            .overlapping(entities, Span::new(end - 1, end), |e| {
                e.span.end == end
                    && !(e.kind == EntityType::Person
                        && matches!(e.origin, Origin::Rule(_)))
            })
            .is_some()
        {
            continue;
        }
        // Back over capitalized words and the joins between them; the
        // name starts at the furthest word whose initial is the
        // acronym's first letter and whose initials hold its letters.
        let first = acr.as_bytes()[0] as char;
        let mut start = None;
        let mut j = k;
        while j > 0 && k - j < 12 {
            let w = toks[j - 1].span.of(text);
            let cap = w.starts_with(|c: char| c.is_uppercase());
            if !cap && !JOINS.contains(&w) {
                break;
            }
            j -= 1;
            let candidate = Span::new(toks[j].span.start, end);
            if cap
                && w.starts_with(first)
                && candidate.of(text).split(' ').count() >= letters.min(3)
                && initials_match(candidate.of(text), acr)
            {
                start = Some(candidate);
            }
        }
        let Some(full) = start else { continue };
        if full.of(text).contains('\n') {
            continue;
        }
        // "Samagi Jana Balawegaya (SJB)": a name of words no English
        // list knows, each giving the acronym a letter, is a party's,
        // a movement's or a company's in its own language, even where
        // the name rules took two of its words for a person.
        let (mut words, mut foreign) = (0, true);
        let mut initials = String::new();
        for i in toks.partition_point(|t| t.span.start < full.start)..k {
            let w = toks[i].span.of(text);
            if w.starts_with(|c: char| c.is_uppercase()) {
                words += 1;
                initials.extend(w.chars().next());
                foreign &= feats[i] & (feature::COMMON | feature::LOC) == 0;
            }
        }
        let foreign = foreign && words >= 3 && initials == acr;
        // A whole name the rules took for a person stays one when it
        // opens with a given name ("Abdul Rashid Dostum (ARD)").
        let given_first = feats
            .get(toks.partition_point(|t| t.span.start < full.start))
            .is_some_and(|&f| f & feature::GIVEN != 0);
        let overlapped = index.overlapping(entities, full, |e| {
            !(foreign
                && full.contains(e.span)
                && (e.span != full || !given_first)
                && e.kind == EntityType::Person
                && matches!(e.origin, Origin::Rule(_)))
        });
        if overlapped.is_some() {
            continue;
        }
        // The letters must be an organization elsewhere in the document.
        let listed_org = listed_orgs
            .get_or_init(|| {
                entities
                    .iter()
                    .filter(|e| {
                        e.kind == EntityType::Organization
                            && matches!(e.origin, Origin::Gazetteer(_))
                    })
                    .map(|e| strip_possessive(e.span.of(text)))
                    .collect::<FxHashSet<&str>>()
            })
            .contains(acr);
        if listed_org || foreign {
            found.push(full);
        }
    }
    if found.is_empty() {
        return;
    }
    // The people the name rules found inside such names go.
    entities.retain(|e| !found.iter().any(|f| f.contains(e.span)));
    for span in found {
        entities.push(Entity {
            span,
            kind: EntityType::Organization,
            canonical: Canonical::Mention(span),
            origin: Origin::Builtin("resolve:acronym"),
        });
    }
    sort_by_start(entities);
}

/// "Full Name (ACRONYM)": the acronym becomes an organization linked to
/// the full name, wherever it appears.
///
/// An acronym whose letters are not the name's initials is still the
/// organization's when the name is an organization and the letters mean
/// nothing else in the document: names are often abbreviated in their own
/// language ("Party of Democratic Action (SDA)", "National Bank of
/// Romania (BNR)"). Such a loose definition never overrides another
/// reading of the letters ("Acme Corp (UK)" leaves the UK a place).
fn define_acronyms(
    text: &str,
    seg: &Segmentation,
    gazetteer: &Gazetteer,
    entities: &mut Vec<Entity>,
) {
    struct Definition {
        acr: String,
        full: Span,
        kind: EntityType,
        canonical: Canonical,
        loose: bool,
    }
    let mut defs: Vec<Definition> = Vec::new();
    for e in entities.iter() {
        if !matches!(e.kind, EntityType::Organization | EntityType::Location) {
            continue;
        }
        let rest = &text[e.span.end..];
        let Some(inner) = rest.strip_prefix(" (") else { continue };
        let Some(close) = inner.find(')') else { continue };
        let acr = &inner[..close];
        let letters = acr.chars().filter(|c| c.is_alphabetic()).count();
        if !(2..=8).contains(&letters)
            || !acr.chars().all(|c| {
                c.is_uppercase() || c == '-' || c == '&' || c.is_ascii_digit()
            })
        {
            continue;
        }
        let loose = !initials_match(e.span.of(text), acr);
        if loose && e.kind != EntityType::Organization {
            continue;
        }
        defs.push(Definition {
            acr: acr.to_string(),
            full: e.span,
            kind: e.kind,
            canonical: e.canonical.clone(),
            loose,
        });
    }
    if defs.is_empty() {
        return;
    }
    // Where each defined acronym is written, possessive or not ("the
    // BNR's offer" is one token): one pass over the tokens for all the
    // definitions, as a long report defines hundreds.
    let mut written: FxHashMap<String, Vec<Span>> =
        defs.iter().map(|d| (d.acr.clone(), Vec::new())).collect();
    let shortest = defs.iter().map(|d| d.acr.len()).min().unwrap_or(0);
    let mut first_bytes = [false; 256];
    for d in &defs {
        first_bytes[usize::from(d.acr.as_bytes()[0])] = true;
    }
    for t in &seg.tokens {
        // Most tokens are too short or start with no acronym's letter.
        if t.span.len() < shortest
            || !first_bytes[usize::from(text.as_bytes()[t.span.start])]
        {
            continue;
        }
        let letters = strip_possessive(t.span.of(text));
        if let Some(at) = written.get_mut(letters) {
            at.push(Span::new(t.span.start, t.span.start + letters.len()));
        }
    }
    let index = EntityIndex::new(entities);
    let mut pushed = false;
    for def in defs {
        let Definition { acr, full, kind, canonical: full_canonical, loose } =
            def;
        let mentions = &written[&acr];
        if loose
            && mentions
                .iter()
                .any(|&m| index.overlapping(entities, m, |_| true).is_some())
        {
            continue;
        }
        for &span in mentions {
            // The document's own definition beats a list's reading of the
            // same letters: "Rapid Support Forces (RSF)" is not Reporters
            // Without Borders.
            if let Some(e) = index
                .overlapping(entities, span, |e| e.span == span)
                .map(|i| &mut entities[i])
            {
                let same = match (&e.canonical, &full_canonical) {
                    (&Canonical::Entry(a), &Canonical::Entry(b)) => a == b,
                    (&Canonical::Entry(a), _) => gazetteer
                        .entry(a)
                        .name
                        .eq_ignore_ascii_case(full.of(text)),
                    _ => true,
                };
                if matches!(e.origin, Origin::Gazetteer(_)) && !same {
                    e.kind = kind;
                    e.canonical = match full_canonical {
                        Canonical::Entry(listed) => Canonical::Entry(listed),
                        _ => Canonical::Mention(full),
                    };
                    e.origin = Origin::Builtin("resolve:acronym");
                }
                continue;
            }
            if index.overlapping(entities, span, |_| true).is_some() {
                continue;
            }
            entities.push(Entity {
                span,
                kind,
                canonical: Canonical::Mention(full),
                origin: Origin::Builtin("resolve:acronym"),
            });
            pushed = true;
        }
    }
    // The entities came sorted: only new acronyms need a sort.
    if pushed {
        sort_by_start(entities);
    }
    debug_assert!(entities.is_sorted_by_key(|e| (e.span.start, e.span.end)));
}

/// Whether the acronym's letters are initials of the name's capitalized
/// words, in order (Schwartz–Hearst, simplified).
fn initials_match(name: &str, acr: &str) -> bool {
    let initials: String = name
        .split([' ', '-'])
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    let mut it = initials.chars();
    acr.chars().filter(|c| c.is_alphabetic()).all(|a| it.any(|i| i == a))
}

/// Common words that, standing alone, are more often a title or a word
/// than the name they end or begin: "the General said", "the Union".
const TITLE_WORDS_ALONE: &[&str] = &[
    "World",
    "Company",
    "Group",
    "Bank",
    "Trust",
    "Star",
    "Standard",
    "General",
    "President",
    "Minister",
    "Senator",
    "Governor",
    "Judge",
    "Union",
    "National",
    "International",
    "United",
    "American",
    "Royal",
    "First",
    "New",
    "North",
    "South",
    "East",
    "West",
    "Central",
    "Great",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The suffixes [`is_company_suffix`] knows, as a list.
    const COMPANY_SUFFIXES: &[&str] = &[
        "Corp",
        "Co",
        "Inc",
        "Ltd",
        "Cos",
        "AG",
        "SA",
        "plc",
        "PLC",
        "GmbH",
        "NV",
        "LLC",
        "Corporation",
        "Company",
        "Companies",
    ];

    #[test]
    fn company_suffixes_are_the_listed_ones() {
        for suffix in COMPANY_SUFFIXES {
            assert!(is_company_suffix(suffix), "{suffix}");
        }
        for word in [
            "",
            "C",
            "co",
            "CO",
            "Corp.",
            "Inc.",
            "inc",
            "Ltd.",
            "Plc",
            "Corporations",
            "Companys",
            "companies",
            "GMBH",
            "Bros",
            "LLP",
            "Motor",
            "AB",
            "S.A.",
        ] {
            assert_eq!(
                is_company_suffix(word),
                COMPANY_SUFFIXES.contains(&word),
                "{word}"
            );
        }
    }

    #[test]
    fn based_is_found_as_rfind_finds_it() {
        for quote in [
            "St. Louis-based Mercantile",
            "London-based Paris-based Acme",
            "-based",
            "x-base",
            "Acme -based",
            "a-b-based-",
            "",
            "Zürich-based Bank",
        ] {
            assert_eq!(rfind_based(quote), quote.rfind("-based"), "{quote}");
        }
    }

    #[test]
    fn candidates_in_order_of_start_as_a_stable_sort_has_them() {
        let text = "x".repeat(400);
        // Runs in order of start, as the stage's lists come, with ties
        // within and across runs.
        let starts = [
            3, 9, 9, 40, 41, 300, 0, 9, 10, 40, 40, 399, 1, 2, 3, 9, 400, 7,
            5, 5, 5, 0,
        ];
        let cands: Vec<Candidate> = starts
            .iter()
            .map(|&start| Candidate {
                entity: Entity {
                    span: Span::new(start, start),
                    kind: EntityType::Location,
                    canonical: Canonical::None,
                    origin: Origin::Builtin("test"),
                },
                priority: 0,
            })
            .collect();
        for n in 0..=cands.len() {
            let mut want: Vec<(usize, usize)> = cands[..n]
                .iter()
                .enumerate()
                .map(|(k, c)| (c.entity.span.start, k))
                .collect();
            want.sort_by_key(|&(start, _)| start);
            assert_eq!(in_order_of_start(&text, &cands[..n]), want);
        }
    }

    #[test]
    fn alias_shapes_hold_every_marked_name() {
        let marked = ["Woods", "Tiger Woods", "", "A", &"x".repeat(70)];
        let mut shapes = AliasShapes::default();
        for name in marked {
            shapes.mark(name);
        }
        for name in marked {
            assert!(shapes.may_hold(name), "{name}");
        }
        // Another name of a marked shape may be held; of another shape,
        // none is.
        assert!(shapes.may_hold("Wolfs"));
        assert!(shapes.may_hold(&"x".repeat(64)));
        for name in ["Wood", "Woodss", "Bush", "B", "x", "AA", "Tiger"] {
            assert!(!shapes.may_hold(name), "{name}");
        }
    }

    #[test]
    fn bytes_found_as_a_search_finds_them() {
        let texts: [&[u8]; 9] = [
            b"",
            b"-",
            b"Tony Adams",
            b"St. Louis-based",
            b"0123456-",
            b"01234567-",
            b"-1234567",
            b"Jos\xc3\xa9 Mar\xc3\xada\x80\xff\x7f\x01",
            b"\x00\x00\x00\x00\x00\x00\x00\x00\x00 abc",
        ];
        for text in texts {
            for byte in
                [b' ', b'-', b'\'', 0xE2, 0x00, 0x80, 0xff, 0x7f, 0x01, b'a']
            {
                assert_eq!(
                    has_byte(text, byte),
                    text.contains(&byte),
                    "{text:?} {byte}"
                );
            }
        }
        for n in 0..20 {
            let mut text = vec![b'x'; n];
            assert!(!has_byte(&text, b' '));
            for at in 0..n {
                text[at] = b' ';
                assert!(has_byte(&text, b' '), "{n} {at}");
                text[at] = b'x';
            }
        }
    }

    #[test]
    fn possessives_inside_a_name() {
        assert!(possessive_inside("India's Leander Paes"));
        assert!(possessive_inside("Japan’s Finance Ministry"));
        assert!(possessive_inside("Moody's Investors"));
        // At the end, or no possessive at all.
        assert!(!possessive_inside("Clinton's"));
        assert!(!possessive_inside("Clinton’s"));
        assert!(!possessive_inside("O'Brien"));
        assert!(!possessive_inside("Smith — Jones"));
        assert!(!possessive_inside(""));
    }

    #[test]
    fn event_words_start_with_a_listed_byte() {
        for w in EVENT_WORDS {
            assert!(EVENT_WORD_STARTS.contains(&w.as_bytes()[0]), "{w}");
            assert!(is_event_word(w));
            assert!(is_event_word(&format!("{w}'s")));
        }
        assert!(!is_event_word("Kenya"));
        assert!(!is_event_word("'s"));
        assert!(!is_event_word(""));
    }

    #[test]
    fn a_place_hyphened_to_a_model_letter_names_a_model() {
        // (text, the place's end, whether it opens a model's name)
        let cases = [
            ("Mustang Mach-E sales", 12, true),
            ("the Kona-N3 hatch", 8, true),
            ("Mach-E", 4, true),
            ("Dubai-based firm", 5, false),
            ("Baden-Baden spa", 5, false),
            ("the Paris-Dakar rally", 9, false),
            ("Mach-EV", 4, false),
            ("Mach-E-type", 4, false),
            ("Mach", 4, false),
        ];
        for (text, end, want) in cases {
            let start = text[..end].rfind(' ').map_or(0, |i| i + 1);
            let got = names_a_model(text, Span { start, end });
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn last_words() {
        for name in [
            "Merrill Lynch & Co.",
            "Sony Corp ",
            "  ",
            "",
            "Inc",
            "Soci\u{e9}t\u{e9} G\u{e9}n\u{e9}rale SA",
            "Acme\u{a0}Inc",
            "Acme Inc\u{a0}",
            "Acme\tLtd\n",
        ] {
            assert_eq!(
                last_word(name),
                name.split_whitespace().next_back(),
                "{name:?}"
            );
        }
    }

    /// The table in capitals that `shouted_alias` replaces: built from
    /// the aliases in order of their full names, first entry kept.
    fn shouted_table(
        aliases: &FxHashMap<&str, (Span, EntityType)>,
    ) -> FxHashMap<String, (Span, EntityType)> {
        let mut shouted: Vec<(&str, (Span, EntityType))> = aliases
            .iter()
            .filter(|(k, v)| {
                !k.contains(' ')
                    && more_chars_than(k, 2)
                    && k.chars().next().is_some_and(char::is_uppercase)
                    && matches!(
                        v.1,
                        EntityType::Person | EntityType::Organization
                    )
            })
            .map(|(k, v)| (*k, *v))
            .collect();
        shouted.sort_unstable_by_key(|&(k, (full, _))| (full, k));
        let mut upper = FxHashMap::default();
        for (k, v) in shouted {
            upper.entry(k.to_uppercase()).or_insert(v);
        }
        upper
    }

    #[test]
    fn shouted_aliases() {
        let names = [
            ("Woods", 30, EntityType::Person),
            ("WOODS", 10, EntityType::Organization),
            ("Wood", 5, EntityType::Person),
            ("M\u{fc}ller", 50, EntityType::Person),
            ("Stra\u{df}er", 55, EntityType::Organization),
            ("Stra\u{df}ER", 54, EntityType::Organization),
            ("\u{c9}ric", 60, EntityType::Person),
            ("Sm\u{131}th", 65, EntityType::Person),
            ("Paris", 70, EntityType::Location),
            ("Al", 75, EntityType::Person),
            ("Van Dyke", 80, EntityType::Person),
            ("woods", 2, EntityType::Person),
            ("", 1, EntityType::Person),
        ];
        let aliases: FxHashMap<&str, (Span, EntityType)> = names
            .iter()
            .map(|&(name, at, kind)| (name, (Span::new(at, at + 9), kind)))
            .collect();
        let table = shouted_table(&aliases);
        let candidates = shout_candidates(&aliases);
        for word in [
            "WOODS",
            "WOOD",
            "M\u{dc}LLER",
            "STRASSER",
            "\u{c9}RIC",
            "SMITH",
            "PARIS",
            "AL",
            "VAN DYKE",
            "Woods",
            "",
        ] {
            assert_eq!(
                shouted_alias(&candidates, word),
                table.get(word),
                "{word}"
            );
        }
        assert_eq!(
            shouted_alias(&candidates, "WOODS"),
            Some(&(Span::new(10, 19), EntityType::Organization))
        );
        assert_eq!(
            shouted_alias(&candidates, "SMITH").map(|v| v.0),
            Some(Span::new(65, 74))
        );
    }

    #[test]
    fn token_cursor_finds_what_a_search_finds() {
        let tokens: Vec<Token> = (0..40)
            .map(|k| Token {
                span: Span::new(k * 3, k * 3 + 2),
                kind: TokenKind::Word,
                newlines_before: 0,
                space_before: true,
            })
            .collect();
        let mut cursor = TokenCursor::default();
        for at in [0, 1, 3, 4, 30, 31, 33, 117, 119, 6, 7, 9, 60, 200, 0] {
            assert_eq!(cursor.token_at(&tokens, at), token_at(&tokens, at));
        }
        let mut cursor = TokenCursor::default();
        for at in [0, 1, 2, 3, 5, 5, 8, 40, 41, 119, 120, 121, 200, 4, 2, 0] {
            assert_eq!(
                cursor.first_from(&tokens, at),
                tokens.partition_point(|t| t.span.start < at)
            );
        }
    }

    #[test]
    fn acronym_initials() {
        assert!(initials_match(
            "International Organization for Migration",
            "IOM"
        ));
        assert!(initials_match("Human Rights Watch", "HRW"));
        assert!(!initials_match("Human Rights Watch", "UN"));
    }

    /// Names split into the words `split_whitespace` gives, ASCII or not.
    #[test]
    fn name_words_split_on_whitespace() {
        for quote in [
            "Martin Luther King Jr.",
            "  Bjorn\nDahlie ",
            "a\x0Bb\x0Cc\rd\te",
            "x\u{1F}y",
            "Jos\u{e9}\u{a0}Mar\u{ed}a  Aznar",
            "",
            " ",
            "Tony",
            " Tony\n",
            "Tony Adams",
            "Tony  Adams ",
            "Frank Lloyd Wright",
            "\tFrank Lloyd\n\nWright\t",
            "H. Norman Schwarzkopf Jr.",
            "a b c d e f",
            "a  b \t c\n d  e ",
        ] {
            let w = NameWords::of(quote);
            let want: Vec<&str> = quote.split_whitespace().collect();
            assert_eq!(w.count, want.len(), "{quote:?}");
            assert_eq!(w.first, want.first().copied().unwrap_or(""));
            assert_eq!(w.last, want.last().copied().unwrap_or(""));
            let before = want.len().checked_sub(2).map_or("", |i| want[i]);
            assert_eq!(w.before_last, before, "{quote:?}");
        }
    }
}
