//! The number grammar: figures in news text, with their qualifier, unit and
//! kind, and the bare numeric mentions (COUNT, MONEY, PERCENT, QUANTITY)
//! written to `entities.csv`.
//!
//! The grammar works on tokens from [`crate::segment`], with hyphenated
//! words split into their parts (`twenty-five`, `three-judge`,
//! `19-year-old`). It reads, in order: a qualifier (`nearly`, `more
//! than`), a currency (`$`, `US$`, `Rs`, `dlrs`), the number itself
//! (digits, words, scale words, vague plurals, fractions, multipliers), a
//! range (`10-20`, `10 to 20`, `between 10 and 20`), a unit (`percent`,
//! `dollars`, `km`, a hyphenated modifier) and a rate (`a day`). Then the
//! surrounding tokens decide whether it is a figure at all: years, times,
//! codes (`Resolution 2401`, `COVID-19`), phone numbers, ordinals,
//! durations and page references are not.
//!
//! No regex is involved: the tables below are matched token by token, so a
//! sentence costs one pass.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::annotation::{ClaimKind, EntityType, Operator};
use crate::segment::{tokenize, Token, TokenKind};
use crate::span::Span;

/// A figure parsed from a short phrase such as "nearly 1.5 million" or
/// "$2.3bn".
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// The value (for ranges, the lower end; for percentages, the number
    /// of percent; for multipliers, the factor; for fractions, the
    /// fraction).
    pub value: f64,
    /// The lower end of a range.
    pub value_min: Option<f64>,
    /// The upper end of a range.
    pub value_max: Option<f64>,
    /// ISO 4217 code for money, the unit's name for measures
    /// (`kilometer`; [`unit_symbol`] gives `km`), `%` for percentages
    /// (`pp` for percentage points), `year` for ages, empty for counts.
    pub unit: &'static str,
    /// What kind of figure.
    pub kind: ClaimKind,
    /// The qualifier as an operator.
    pub operator: Operator,
    /// The span of the qualifier within the phrase (`nearly`), if any.
    pub qualifier: Option<Span>,
    /// The span of the figure within the phrase, without the qualifier
    /// (`1.5 million`, `$2.3bn`, `5 percent`).
    pub value_span: Span,
}

/// Parses the first figure in `phrase` (qualifier included), or `None`
/// when the phrase holds no figure (only a year, a code, an ordinal...).
///
/// ```
/// use factspan::annotation::{ClaimKind, Operator};
/// use factspan::numbers::parse_figure;
///
/// let f = parse_figure("nearly 1.5 million").expect("a figure");
/// assert_eq!(f.value, 1_500_000.0);
/// assert_eq!(f.operator, Operator::Approx);
/// assert_eq!(f.kind, ClaimKind::Count);
/// assert!(parse_figure("Resolution 2401").is_none());
/// ```
pub fn parse_figure(phrase: &str) -> Option<Figure> {
    let mut toks = Vec::new();
    tokenize(phrase, &mut toks);
    let mut out = Vec::new();
    let mut scanner = Scanner::default();
    scanner.scan(
        phrase,
        &toks,
        &[],
        &DocumentCurrency::fixed(Currency::Inr),
        &mut out,
    );
    out.into_iter().find(|m| m.claim).map(|m| m.figure)
}

/// Which currency a bare `Rs`/`rupees` means, chosen per document.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub enum Currency {
    /// Indian rupee.
    #[default]
    Inr,
    /// Pakistani rupee.
    Pkr,
    /// Sri Lankan rupee.
    Lkr,
    /// Nepalese rupee.
    Npr,
}

impl Currency {
    fn code(self) -> &'static str {
        match self {
            Currency::Inr => "INR",
            Currency::Pkr => "PKR",
            Currency::Lkr => "LKR",
            Currency::Npr => "NPR",
        }
    }

    /// The rupee a document most likely means: the country it names most.
    pub fn rupee_for(text: &str) -> Currency {
        if !text.contains("Rs") && !text.contains("upee") {
            return Currency::Inr;
        }
        named_most(
            text,
            &[
                ("India", Currency::Inr),
                ("Pakistan", Currency::Pkr),
                ("Sri Lanka", Currency::Lkr),
                ("Nepal", Currency::Npr),
            ],
        )
        .unwrap_or(Currency::Inr)
    }
}

/// Of `countries` (as their names start, or their capitals), the value
/// `text` names most, if it names any, each value's names counted
/// together ("Manila" and "Philippines" both for the peso of the
/// Philippines), as written or in an ALL-CAPS dateline ("MANILA"); on a
/// tie, the last listed.
fn named_most<T: Copy + PartialEq>(
    text: &str,
    countries: &[(&str, T)],
) -> Option<T> {
    let named = |name: &str| {
        let caps = name.to_ascii_uppercase();
        text.matches(name).count()
            + if caps != name {
                text.matches(caps.as_str()).count()
            } else {
                0
            }
    };
    let counts: Vec<(usize, T)> =
        countries.iter().map(|&(name, v)| (named(name), v)).collect();
    counts
        .iter()
        .enumerate()
        .filter(|&(i, &(_, v))| !counts[..i].iter().any(|&(_, w)| w == v))
        .map(|(_, &(_, v))| {
            let n: usize =
                counts.iter().filter(|&&(_, w)| w == v).map(|&(n, _)| n).sum();
            (n, v)
        })
        .filter(|&(n, _)| n > 0)
        .max_by_key(|&(n, _)| n)
        .map(|(_, v)| v)
}

/// What a document's bare currency words mean: the rupee of `Rs`
/// ([`Currency::rupee_for`]), the country of names several currencies
/// share ("pesos", "francs") and whether its `pounds` are sterling, each
/// found when a figure first asks, since finding it reads the whole text
/// and most documents need none.
pub struct DocumentCurrency<'t> {
    text: &'t str,
    found: std::cell::OnceCell<Currency>,
    british: std::cell::OnceCell<bool>,
}

impl<'t> DocumentCurrency<'t> {
    /// The currencies of document `text`, not looked for yet.
    pub fn of(text: &'t str) -> DocumentCurrency<'t> {
        DocumentCurrency {
            text,
            found: std::cell::OnceCell::new(),
            british: std::cell::OnceCell::new(),
        }
    }

    /// A document whose rupee is known already.
    pub fn fixed(currency: Currency) -> DocumentCurrency<'static> {
        DocumentCurrency {
            text: "",
            found: std::cell::OnceCell::from(currency),
            british: std::cell::OnceCell::new(),
        }
    }

    /// The code of the document's rupee.
    fn rupee_code(&self) -> &'static str {
        self.found.get_or_init(|| Currency::rupee_for(self.text)).code()
    }

    /// The code of currency word `word` (listed as `listed`): for a name
    /// several countries' currencies share ("pesos", "shillings",
    /// "francs", "dinars"), that of the country the document names most,
    /// else the listed one; `None` listed is the document's rupee.
    fn currency(
        &self,
        word: &str,
        listed: Option<&'static str>,
    ) -> &'static str {
        let Some(listed) = listed else { return self.rupee_code() };
        let Some(&(_, countries)) =
            SHARED_CURRENCY_NAMES.iter().find(|(w, _)| w.contains(&word))
        else {
            return listed;
        };
        named_most(self.text, countries).unwrap_or(listed)
    }

    /// Whether the document is British, so that "10 billion pounds" is
    /// money: it names Britain, its nations or capital, or sterling.
    fn british(&self) -> bool {
        *self.british.get_or_init(|| {
            [
                "Britain", "British", "UK", "U.K.", "London", "LONDON",
                "England", "Scotland", "Wales", "sterling", "FTSE",
            ]
            .iter()
            .any(|w| self.text.contains(w))
        })
    }
}

/// One figure found in a sentence, with absolute spans.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// The figure; its spans are absolute byte offsets.
    pub figure: Figure,
    /// The claim phrase: qualifier and figure (and a trailing `or more`).
    pub span: Span,
    /// Numeric entities for `entities.csv`: one, or two for a range or a
    /// score (IE-ER marks each end), or none (multipliers).
    pub entities: Vec<(EntityType, Span)>,
    /// Whether it is a checkable claim (a score, `one of the` or a
    /// pronoun `one` are entities but not claims).
    pub claim: bool,
    /// The noun of a hyphenated modifier (`judge` in `three-judge`), or
    /// the person an age belongs to is left to the claims stage.
    pub modifier_noun: Option<Span>,
    /// Whether the figure is a person's age.
    pub age: bool,
}

#[derive(Clone, Copy, Debug, Eq, PartialEq)]
enum PK {
    Word,
    Num,
    Punct,
}

/// A piece: a token, or a part of a hyphenated word.
#[derive(Clone, Copy, Debug)]
struct P {
    span: Span,
    kind: PK,
    /// No whitespace before it.
    glued: bool,
    /// Where its lowercase lies in [`Scanner::low`]: kept with the piece,
    /// so adding one is a single push.
    lo: (u32, u32),
}

/// Reusable buffers for scanning sentences.
#[derive(Debug, Default)]
pub struct Scanner {
    p: Vec<P>,
    /// The scanned stretch of text ASCII-lowercased, then the lowercase
    /// of each non-ASCII piece.
    low: String,
    /// Where the stretch copied into `low` starts in the text, and how
    /// long it is.
    base: usize,
    stretch: usize,
    /// Whether the whole stretch is ASCII, so no piece needs a test.
    ascii: bool,
    /// Emptied entity lists of mentions handed back by
    /// [`Scanner::recycle`], reused rather than allocated per figure.
    spare: Vec<Vec<(EntityType, Span)>>,
}

const UNITS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
];

const TENS: &[(&str, f64)] = &[
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// Scale words after a number (`1.5 million`), and their abbreviations.
const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    // The British and European word for a thousand million.
    ("milliard", 1e9),
    ("milliards", 1e9),
    ("lakh", 1e5),
    ("lakhs", 1e5),
    ("lac", 1e5),
    ("crore", 1e7),
    ("crores", 1e7),
    ("mln", 1e6),
    ("mn", 1e6),
    ("bln", 1e9),
    ("bn", 1e9),
    ("tn", 1e12),
    ("trn", 1e12),
];

/// `value` times a scale word's factor, as the decimal the text writes:
/// in f64 arithmetic 65.6 × 1e9 is 65599999999.99999, which a fact table
/// must never show. A figure holds few significant digits and a scale is a
/// small integer or a power of ten, so their product read back at 15
/// significant digits is the f64 nearest the written decimal.
fn times_scale(value: f64, scale: f64) -> f64 {
    let product = value * scale;
    // Most products are whole, and one below 1e15 has at most 15
    // significant digits: written at 15 it reads back as itself, with no
    // string to format and parse.
    if product.fract() == 0.0 && product.abs() < 1e15 {
        return product;
    }
    format!("{product:.14e}").parse().unwrap_or(product)
}

/// "Nickel rose by 500 to 39,200 rupees": a bare change written before
/// the level it reached is in the level's unit. `out` ends with the
/// figure before `level`, if any.
fn shares_the_levels_unit(text: &str, out: &mut [Mention], level: &Mention) {
    let Some(change) = out.last_mut() else { return };
    let f = &level.figure;
    let bare = change.figure.kind == ClaimKind::Count
        && change.figure.unit.is_empty()
        && change.claim
        && !change.age;
    let priced = matches!(f.kind, ClaimKind::Money | ClaimKind::Quantity);
    if !bare || !priced || change.span.end > level.span.start {
        return;
    }
    let between = &text[change.span.end..level.span.start];
    let before = text[..change.span.start].trim_end();
    let changed = before.ends_with(" by")
        || before
            .rsplit(' ')
            .next()
            .is_some_and(|w| CHANGE_VERBS.contains(&w));
    // The level's hundredths or scale would apply to the change too
    // ("rose 5 to 62 cents", "by 2 to 40 billion"): left as written.
    let written = f.value_span.of(text);
    let rescaled = ["cent", "pence", "illion", "bn", "lakh", "crore"]
        .iter()
        .any(|w| written.contains(w));
    if between.trim() != "to" || !changed || rescaled {
        return;
    }
    change.figure.kind = f.kind;
    change.figure.unit = f.unit;
    let kind = match f.kind {
        ClaimKind::Money => EntityType::Money,
        _ => EntityType::Quantity,
    };
    for e in &mut change.entities {
        e.0 = kind;
    }
}

/// Nouns of sums of money that "of" and a figure follow.
const MONEY_NOUNS: &[&str] = &[
    "loss",
    "losses",
    "profit",
    "profits",
    "revenue",
    "revenues",
    "sales",
    "income",
    "deficit",
    "surplus",
    "debt",
    "debts",
    "budget",
    "cost",
    "costs",
    "spending",
    "investment",
    "earnings",
    "turnover",
    "value",
    "fine",
    "bid",
    "offer",
    "price",
    "payout",
    "dividend",
    "funding",
];

/// "a loss of 1.3 billion euros, compared with a loss of 1.96 billion a
/// year earlier": a bare scaled figure that counts nothing, after a sum
/// of money in the same stretch, is money in the same currency. `m` is
/// the new figure, `stretch` where the scanned stretch starts.
fn takes_the_money_unit(
    text: &str,
    out: &[Mention],
    stretch: usize,
    m: &mut Mention,
) {
    let f = &m.figure;
    let bare =
        f.kind == ClaimKind::Count && f.unit.is_empty() && m.claim && !m.age;
    let written = f.value_span.of(text);
    let scaled = ["million", "billion", "trillion", "bn"]
        .iter()
        .any(|w| written.ends_with(w));
    if !bare || !scaled {
        return;
    }
    // Nothing counted after it: punctuation, or a word that starts no
    // noun phrase of its own ("a year earlier", "in 2023", "from").
    let next = text[m.span.end..]
        .split(|c: char| c.is_whitespace())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let counts_nothing = next.is_empty()
        || next.starts_with(|c: char| c.is_ascii_punctuation())
        || matches!(
            next,
            "a" | "in"
                | "from"
                | "to"
                | "on"
                | "for"
                | "last"
                | "this"
                | "the"
                | "and"
                | "or"
                | "but"
                | "while"
                | "when"
                | "after"
                | "before"
        );
    // And set against the sum, or a sum by its noun: "up from 1.9
    // billion", "compared with 1.7 billion", "a loss of 1.96 billion".
    let mut before = text[..m.span.start].split_whitespace().rev();
    let (w1, w2) = (before.next().unwrap_or(""), before.next().unwrap_or(""));
    let set_against = matches!(w1, "from" | "to" | "versus" | "vs" | "with")
        || w1 == "of"
            && MONEY_NOUNS.contains(&w2.to_ascii_lowercase().as_str());
    if !set_against {
        return;
    }
    let money =
        out.iter().rev().take_while(|e| e.span.start >= stretch).find(|e| {
            e.figure.kind == ClaimKind::Money && !e.figure.unit.is_empty()
        });
    let Some(money) = money.filter(|_| counts_nothing) else { return };
    m.figure.kind = ClaimKind::Money;
    m.figure.unit = money.figure.unit;
    for e in &mut m.entities {
        e.0 = EntityType::Money;
    }
}

/// A figure and its range ends in hundredths (cents, basis points), each
/// the decimal written: 62.85 cents is 0.6285, not 0.6285000000000001.
fn hundredths(value: &mut f64, min: &mut Option<f64>, max: &mut Option<f64>) {
    *value = times_scale(*value, 0.01);
    *min = min.map(|v| times_scale(v, 0.01));
    *max = max.map(|v| times_scale(v, 0.01));
}

/// A scale of a thousand or more spelled out (`million`, `crore`), not
/// an abbreviation (`mn`, `bn`), which is also a word.
fn spelled_scale(w: &str) -> Option<f64> {
    lookup(SCALES, w).filter(|s| {
        *s >= 1e3 && w.len() > 3 && !w.starts_with('m') || w == "million"
    })
}

/// Stock indexes named by how many shares they hold (`FTSE 100`,
/// `Nikkei 225`), lowercase: the number is part of the name.
pub(crate) const STOCK_INDEXES: &[&[u8]] = &[
    b"ftse", b"nikkei", b"stoxx", b"cac", b"dax", b"nasdaq", b"russell",
    b"nifty", b"asx", b"ibex", b"kospi", b"tsx", b"aex", b"smi",
];

/// Suffixes glued to digits (`5m`, `2.3bn`, `10k`).
const SUFFIX_SCALES: &[(&str, f64)] = &[
    ("k", 1e3),
    ("m", 1e6),
    ("mn", 1e6),
    ("mln", 1e6),
    ("b", 1e9),
    ("bn", 1e9),
    ("bln", 1e9),
    ("tn", 1e12),
    ("trn", 1e12),
    ("million", 1e6),
    ("billion", 1e9),
];

/// Vague plurals: a lower bound (`thousands of`).
const VAGUE: &[(&str, f64)] = &[
    ("dozens", 12.0),
    ("scores", 20.0),
    ("hundreds", 1e2),
    ("thousands", 1e3),
    ("millions", 1e6),
    ("billions", 1e9),
    ("tens", 10.0),
];

/// Qualifiers before a figure, longest first within a shared start.
const QUALIFIERS: &[(&[&str], Operator)] = &[
    (&["nearly", "as", "many", "as"], Operator::Approx),
    (&["as", "many", "as"], Operator::Le),
    (&["as", "much", "as"], Operator::Le),
    (&["as", "high", "as"], Operator::Le),
    (&["as", "large", "as"], Operator::Le),
    (&["as", "low", "as"], Operator::Ge),
    (&["as", "few", "as"], Operator::Ge),
    (&["as", "little", "as"], Operator::Ge),
    (&["no", "fewer", "than"], Operator::Ge),
    (&["no", "less", "than"], Operator::Ge),
    (&["no", "more", "than"], Operator::Le),
    (&["not", "more", "than"], Operator::Le),
    (&["a", "minimum", "of"], Operator::Ge),
    (&["a", "maximum", "of"], Operator::Le),
    (&["in", "excess", "of"], Operator::Gt),
    (&["upwards", "of"], Operator::Gt),
    (&["well", "over"], Operator::Gt),
    (&["just", "over"], Operator::Gt),
    (&["well", "above"], Operator::Gt),
    (&["just", "above"], Operator::Gt),
    (&["just", "under"], Operator::Lt),
    (&["just", "below"], Operator::Lt),
    (&["well", "below"], Operator::Lt),
    (&["well", "under"], Operator::Lt),
    (&["more", "than"], Operator::Gt),
    (&["greater", "than"], Operator::Gt),
    (&["higher", "than"], Operator::Gt),
    (&["less", "than"], Operator::Lt),
    (&["fewer", "than"], Operator::Lt),
    (&["lower", "than"], Operator::Lt),
    (&["at", "least"], Operator::Ge),
    (&["at", "most"], Operator::Le),
    (&["up", "to"], Operator::Le),
    (&["close", "to"], Operator::Approx),
    (&["closer", "to"], Operator::Approx),
    (&["an", "estimated"], Operator::Approx),
    (&["approx", "."], Operator::Approx),
    (&["over"], Operator::Gt),
    (&["above"], Operator::Gt),
    (&["exceeding"], Operator::Gt),
    (&["exceeded"], Operator::Gt),
    (&["surpassed"], Operator::Gt),
    (&["surpassing"], Operator::Gt),
    (&["topped"], Operator::Gt),
    (&["tops"], Operator::Gt),
    (&["exceed"], Operator::Gt),
    (&["exceeds"], Operator::Gt),
    (&["surpass"], Operator::Gt),
    (&["surpasses"], Operator::Gt),
    (&["within"], Operator::Le),
    (&["beyond"], Operator::Gt),
    (&["under"], Operator::Lt),
    (&["below"], Operator::Lt),
    (&["nearly"], Operator::Approx),
    (&["almost"], Operator::Approx),
    (&["about"], Operator::Approx),
    (&["around"], Operator::Approx),
    (&["approximately"], Operator::Approx),
    (&["roughly"], Operator::Approx),
    (&["some"], Operator::Approx),
    (&["circa"], Operator::Approx),
    (&["maximum"], Operator::Le),
    (&["minimum"], Operator::Ge),
];

/// Currency words after a number, with their ISO 4217 code; `None` means
/// the document's rupee.
const CURRENCY_WORDS: &[(&str, Option<&str>)] = &[
    ("dollars", Some("USD")),
    ("dollar", Some("USD")),
    ("cents", Some("USD")),
    ("cent", Some("USD")),
    ("pence", Some("GBP")),
    ("euros", Some("EUR")),
    ("euro", Some("EUR")),
    ("yen", Some("JPY")),
    ("yuan", Some("CNY")),
    ("renminbi", Some("CNY")),
    ("rupees", None),
    ("rupee", None),
    ("afghanis", Some("AFN")),
    ("afghani", Some("AFN")),
    ("rubles", Some("RUB")),
    ("roubles", Some("RUB")),
    ("dirhams", Some("AED")),
    ("riyals", Some("SAR")),
    ("francs", Some("CHF")),
    ("marks", Some("DEM")),
    ("pesos", Some("MXN")),
    ("taka", Some("BDT")),
    ("naira", Some("NGN")),
    ("rand", Some("ZAR")),
    ("shillings", Some("KES")),
    ("lira", Some("TRY")),
    ("liras", Some("TRY")),
    ("hryvnias", Some("UAH")),
    // Plurals and invariable names that are no other English word ("won"
    // and "real" are, and "dinars" and "kroner" name several currencies).
    ("reais", Some("BRL")),
    ("rials", Some("IRR")),
    ("riyal", Some("SAR")),
    ("dirham", Some("AED")),
    ("shekels", Some("ILS")),
    ("zlotys", Some("PLN")),
    ("zloty", Some("PLN")),
    ("ringgit", Some("MYR")),
    ("rupiah", Some("IDR")),
    ("baht", Some("THB")),
    ("kronor", Some("SEK")),
    ("forints", Some("HUF")),
    ("birr", Some("ETB")),
    ("cedis", Some("GHS")),
];

/// Countries, as their names start, and their currency's code.
type CountryCodes = &'static [(&'static str, &'static str)];

/// Currency names several countries share, and the countries (as their
/// names start) whose currency each then is; the first is the listed
/// default's. A document that names none keeps the listed code.
const SHARED_CURRENCY_NAMES: &[(&[&str], CountryCodes)] = &[
    (
        &["pesos", "peso"],
        &[
            ("Mexic", "MXN"),
            ("Argentin", "ARS"),
            ("Colombia", "COP"),
            ("Chile", "CLP"),
            ("Philippin", "PHP"),
            ("Filipino", "PHP"),
            ("Uruguay", "UYU"),
            ("Dominican", "DOP"),
            ("Cuba", "CUP"),
            ("Buenos Aires", "ARS"),
            ("Bogot", "COP"),
            ("Manila", "PHP"),
            ("Montevideo", "UYU"),
            ("Santo Domingo", "DOP"),
            ("Havana", "CUP"),
        ],
    ),
    (
        &["shillings", "shilling"],
        &[
            ("Kenya", "KES"),
            ("Uganda", "UGX"),
            ("Tanzania", "TZS"),
            ("Somali", "SOS"),
            ("Nairobi", "KES"),
            ("Kampala", "UGX"),
            ("Dar es Salaam", "TZS"),
            ("Dodoma", "TZS"),
            ("Mogadishu", "SOS"),
        ],
    ),
    (
        &["francs", "franc"],
        &[
            ("Swiss", "CHF"),
            ("Switzerland", "CHF"),
            ("Rwanda", "RWF"),
            ("Congo", "CDF"),
            ("Burundi", "BIF"),
            ("Guinea", "GNF"),
            ("Geneva", "CHF"),
            ("Zurich", "CHF"),
            ("Kigali", "RWF"),
            ("Kinshasa", "CDF"),
            ("Bujumbura", "BIF"),
            ("Conakry", "GNF"),
        ],
    ),
];

/// A nationality and a currency word after a number, and their code:
/// "2.3 billion Swiss francs", "500 Hong Kong dollars".
const NATIONAL_CURRENCIES: &[(&str, &str, &str)] = &[
    ("swiss", "francs", "CHF"),
    ("swiss", "franc", "CHF"),
    ("mexican", "pesos", "MXN"),
    ("argentine", "pesos", "ARS"),
    ("argentinian", "pesos", "ARS"),
    ("colombian", "pesos", "COP"),
    ("chilean", "pesos", "CLP"),
    ("philippine", "pesos", "PHP"),
    ("kenyan", "shillings", "KES"),
    ("ugandan", "shillings", "UGX"),
    ("tanzanian", "shillings", "TZS"),
    ("canadian", "dollars", "CAD"),
    ("australian", "dollars", "AUD"),
    ("singapore", "dollars", "SGD"),
    ("taiwan", "dollars", "TWD"),
    ("kong", "dollars", "HKD"),
    ("zealand", "dollars", "NZD"),
    ("egyptian", "pounds", "EGP"),
    ("lebanese", "pounds", "LBP"),
    ("sudanese", "pounds", "SDG"),
    ("syrian", "pounds", "SYP"),
    ("jordanian", "dinars", "JOD"),
    ("kuwaiti", "dinars", "KWD"),
    ("iraqi", "dinars", "IQD"),
    ("saudi", "riyals", "SAR"),
    ("qatari", "riyals", "QAR"),
    ("danish", "kroner", "DKK"),
    ("norwegian", "kroner", "NOK"),
    ("swedish", "kronor", "SEK"),
];

/// ISO 4217 codes written before or after a number (`PKR 5 billion`).
const CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "INR", "PKR", "AFN", "BDT", "LKR",
    "NPR", "AED", "SAR", "CHF", "CAD", "AUD", "RUB", "TRY", "IRR", "EGP",
    "NGN", "KES", "ZAR", "BRL", "MXN", "KRW", "HKD", "SGD", "UAH", "QAR",
    "ILS", "PLN", "MYR", "IDR", "THB", "SEK", "NOK", "DKK", "HUF", "ETB",
    "GHS", "ARS", "CLP", "VND", "TWD", "NZD", "KWD", "IQD", "BHD", "OMR",
    "JOD", "LBP", "SDG", "SYP", "YER", "LYD", "TND", "MAD", "DZD",
];

/// The listed code `w` is, if any. Every code is three capitals, which
/// most words before and after a number are not: they skip the list.
/// What a price is quoted per: "$75 a barrel", "$2,950 an ounce".
const PRICED_UNITS: &[&str] = &[
    "barrel", "ounce", "share", "tonne", "ton", "gallon", "litre", "liter",
    "kilogram", "kg", "pound", "bushel", "unit", "night", "dose", "ticket",
    "square",
];

/// Nouns for people that an age limit can follow ("children under five").
const PEOPLE: &[&str] = &[
    "children",
    "child",
    "kids",
    "people",
    "persons",
    "adults",
    "women",
    "men",
    "girls",
    "boys",
    "those",
    "anyone",
    "infants",
    "babies",
    "teenagers",
    "youths",
    "minors",
    "students",
    "patients",
    "everyone",
    "residents",
    "citizens",
    "workers",
    "voters",
    "players",
    "migrants",
    "refugees",
    "pupils",
];

/// Verbs of change in the past: a figure after one is the change, and a
/// figure after its "to" the level reached.
const CHANGE_VERBS: &[&str] = &[
    "rose",
    "fell",
    "gained",
    "lost",
    "climbed",
    "dropped",
    "added",
    "jumped",
    "slipped",
    "slid",
    "eased",
    "edged",
    "declined",
    "increased",
    "decreased",
    "surged",
    "plunged",
    "tumbled",
    "shed",
    "grew",
    "soared",
    "sank",
    "dipped",
    "slumped",
    "rebounded",
    "widened",
    "narrowed",
    "shrank",
    "contracted",
    "expanded",
    "swelled",
];

/// The code of a currency sign written before a figure. `¥` is the yen,
/// as news in English writes yuan out.
pub(crate) fn currency_sign(sign: &str) -> Option<&'static str> {
    Some(match sign {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₹" => "INR",
        "₦" => "NGN",
        "₱" => "PHP",
        "₩" => "KRW",
        "₺" => "TRY",
        "₽" => "RUB",
        "₪" => "ILS",
        "₫" => "VND",
        "₴" => "UAH",
        "₵" => "GHS",
        "৳" => "BDT",
        "฿" => "THB",
        _ => return None,
    })
}

pub(crate) fn currency_code(w: &str) -> Option<&'static str> {
    let b = w.as_bytes();
    if b.len() != 3 || !b.iter().all(u8::is_ascii_uppercase) {
        return None;
    }
    CODES.iter().find(|c| **c == w).copied()
}

/// Measure units after a number (or after a hyphen: `3,000-meter`), with
/// the unit's name written to the `unit` column: one spelling whatever
/// the text wrote (`km`, `kilometres` and `kilometers` are all
/// `kilometer`). Names, not symbols, because news writes `m` for million
/// (`$5m`): a `unit` column of `m` would read as a scale word.
const MEASURES: &[(&str, &str)] = &[
    ("km", "kilometer"),
    ("kms", "kilometer"),
    ("kilometer", "kilometer"),
    ("kilometers", "kilometer"),
    ("kilometre", "kilometer"),
    ("kilometres", "kilometer"),
    ("meter", "meter"),
    ("meters", "meter"),
    ("metre", "meter"),
    ("metres", "meter"),
    ("cm", "centimeter"),
    ("centimeter", "centimeter"),
    ("centimeters", "centimeter"),
    ("centimetre", "centimeter"),
    ("centimetres", "centimeter"),
    ("mm", "millimeter"),
    ("millimeter", "millimeter"),
    ("millimeters", "millimeter"),
    ("millimetre", "millimeter"),
    ("millimetres", "millimeter"),
    ("mile", "mile"),
    ("miles", "mile"),
    ("foot", "foot"),
    ("feet", "foot"),
    ("ft", "foot"),
    ("yard", "yard"),
    ("yards", "yard"),
    ("inch", "inch"),
    ("inches", "inch"),
    ("kg", "kilogram"),
    ("kgs", "kilogram"),
    ("kilogram", "kilogram"),
    ("kilograms", "kilogram"),
    ("kilogramme", "kilogram"),
    ("kilogrammes", "kilogram"),
    ("kilo", "kilogram"),
    ("kilos", "kilogram"),
    ("gram", "gram"),
    ("grams", "gram"),
    // A US "ton" is 2,000 pounds; a "tonne" is 1,000 kg: kept apart.
    ("ton", "ton"),
    ("tons", "ton"),
    ("tonne", "tonne"),
    ("tonnes", "tonne"),
    ("pound", "pound"),
    ("pounds", "pound"),
    ("lb", "pound"),
    ("lbs", "pound"),
    ("ounce", "ounce"),
    ("ounces", "ounce"),
    ("oz", "ounce"),
    ("litre", "liter"),
    ("litres", "liter"),
    ("liter", "liter"),
    ("liters", "liter"),
    ("gallon", "gallon"),
    ("gallons", "gallon"),
    ("barrel", "barrel"),
    ("barrels", "barrel"),
    // Oil and commodity wire copy: "4.5 mln bbl", "500,000 mt of wheat"
    // (metric tonnes).
    ("bbl", "barrel"),
    ("bbls", "barrel"),
    ("mt", "tonne"),
    // Barrels per day, as oil news abbreviates them.
    ("bpd", "barrel per day"),
    ("hectare", "hectare"),
    ("hectares", "hectare"),
    ("acre", "acre"),
    ("acres", "acre"),
    ("degree", "degree"),
    ("magnitude", "magnitude"),
    ("degrees", "degree"),
    ("mph", "mile per hour"),
    ("kph", "kilometer per hour"),
    ("km/h", "kilometer per hour"),
    ("megawatt", "megawatt"),
    ("megawatts", "megawatt"),
    ("mw", "megawatt"),
    ("gigawatt", "gigawatt"),
    ("gigawatts", "gigawatt"),
    ("kilowatt", "kilowatt"),
    ("kilowatts", "kilowatt"),
    ("gw", "gigawatt"),
    ("kw", "kilowatt"),
    ("terawatt", "terawatt"),
    ("terawatts", "terawatt"),
    // Energy, as power sector news abbreviates it ("megawatt-hours" in
    // words is a power unit and `-hour`, read after it).
    ("kwh", "kilowatt-hour"),
    ("mwh", "megawatt-hour"),
    ("gwh", "gigawatt-hour"),
    ("twh", "terawatt-hour"),
    ("knot", "knot"),
    ("knots", "knot"),
    ("ppm", "part per million"),
    ("ppb", "part per billion"),
    // Containers: twenty-foot equivalent units.
    ("teu", "TEU"),
    ("teus", "TEU"),
    // Frequencies: radio spectrum, processors.
    ("hz", "hertz"),
    ("hertz", "hertz"),
    ("khz", "kilohertz"),
    ("kilohertz", "kilohertz"),
    ("mhz", "megahertz"),
    ("megahertz", "megahertz"),
    ("ghz", "gigahertz"),
    ("gigahertz", "gigahertz"),
    // Electric potential: batteries, power lines.
    ("volt", "volt"),
    ("volts", "volt"),
    ("kilovolt", "kilovolt"),
    ("kilovolts", "kilovolt"),
    ("kv", "kilovolt"),
];

/// The symbol of each unit name in [`MEASURES`] (`kilometer` -> `km`),
/// written to the `unit_symbol` column.
const SYMBOLS: &[(&str, &str)] = &[
    ("kilometer", "km"),
    ("meter", "m"),
    ("centimeter", "cm"),
    ("millimeter", "mm"),
    ("mile", "mi"),
    ("foot", "ft"),
    ("yard", "yd"),
    ("inch", "in"),
    ("kilogram", "kg"),
    ("gram", "g"),
    ("ton", "ton"),
    ("tonne", "t"),
    ("pound", "lb"),
    ("ounce", "oz"),
    ("liter", "L"),
    ("gallon", "gal"),
    ("barrel", "bbl"),
    ("barrel per day", "bbl/d"),
    ("hectare", "ha"),
    ("acre", "ac"),
    ("degree", "°"),
    ("magnitude", "M"),
    ("mile per hour", "mph"),
    ("kilometer per hour", "km/h"),
    ("meter per second", "m/s"),
    ("megawatt", "MW"),
    ("gigawatt", "GW"),
    ("kilowatt", "kW"),
    ("terawatt", "TW"),
    ("kilowatt-hour", "kWh"),
    ("megawatt-hour", "MWh"),
    ("gigawatt-hour", "GWh"),
    ("terawatt-hour", "TWh"),
    ("knot", "kn"),
    ("part per million", "ppm"),
    ("part per billion", "ppb"),
    ("TEU", "TEU"),
    ("hertz", "Hz"),
    ("kilohertz", "kHz"),
    ("megahertz", "MHz"),
    ("gigahertz", "GHz"),
    ("volt", "V"),
    ("kilovolt", "kV"),
    ("degree Celsius", "°C"),
    ("degree Fahrenheit", "°F"),
    ("nautical mile", "nmi"),
    ("light-year", "ly"),
    ("per USD", "/USD"),
    ("per EUR", "/EUR"),
    ("per GBP", "/GBP"),
    ("per JPY", "/JPY"),
    ("per CNY", "/CNY"),
    ("per CHF", "/CHF"),
    ("cubic meter", "m³"),
    ("cubic foot", "ft³"),
    ("cubic kilometer", "km³"),
    ("square foot", "ft²"),
    ("square mile", "mi²"),
    ("square kilometer", "km²"),
    ("square meter", "m²"),
    ("square yard", "yd²"),
    ("square inch", "in²"),
    ("square centimeter", "cm²"),
];

/// The speed of a length unit per a time unit (`kilometer`, `hour`), or
/// the flow of a volume (`barrel`, `day`), where [`SYMBOLS`] has one.
fn speed(length: &str, time: &str) -> Option<&'static str> {
    match (length, time) {
        ("kilometer", "hour") => Some("kilometer per hour"),
        ("mile", "hour") => Some("mile per hour"),
        ("meter", "second") => Some("meter per second"),
        ("barrel", "day") => Some("barrel per day"),
        _ => None,
    }
}

/// The energy unit of a power unit (`megawatt` before `-hours`).
fn energy(power: &str) -> Option<&'static str> {
    match power {
        "kilowatt" => Some("kilowatt-hour"),
        "megawatt" => Some("megawatt-hour"),
        "gigawatt" => Some("gigawatt-hour"),
        "terawatt" => Some("terawatt-hour"),
        _ => None,
    }
}

/// The volume unit of a length unit (`cubic` before `metres`); none for
/// the others.
fn cubic(length: Option<&'static str>) -> Option<&'static str> {
    match length {
        Some("meter") => Some("cubic meter"),
        Some("foot") => Some("cubic foot"),
        Some("kilometer") => Some("cubic kilometer"),
        _ => None,
    }
}

/// The temperature scale a word after `degrees` names, if any.
fn temperature_scale(w: &str) -> Option<&'static str> {
    match w {
        "celsius" | "c" | "centigrade" => Some("degree Celsius"),
        "fahrenheit" | "f" => Some("degree Fahrenheit"),
        _ => None,
    }
}

/// The area unit of a length unit (`square` before `foot`).
fn square(length: Option<&'static str>) -> &'static str {
    match length {
        Some("kilometer") => "square kilometer",
        Some("mile") => "square mile",
        Some("meter") => "square meter",
        Some("foot") => "square foot",
        Some("yard") => "square yard",
        Some("inch") => "square inch",
        Some("centimeter") => "square centimeter",
        Some(u) => u,
        None => "",
    }
}

/// The symbol of a unit written in the `unit` column: `km` for
/// `kilometer`, `°` for `degree`. Currency codes, `%`, `pp` and `year`
/// are their own symbols; an empty unit has none.
///
/// ```
/// use factspan::numbers::unit_symbol;
///
/// assert_eq!(unit_symbol("kilometer"), "km");
/// assert_eq!(unit_symbol("USD"), "USD");
/// assert_eq!(unit_symbol(""), "");
/// ```
pub fn unit_symbol(unit: &'static str) -> &'static str {
    lookup(SYMBOLS, unit).unwrap_or(unit)
}

/// Whether `after`, the text after a house number, names its street:
/// up to three capitalized words ending in a street word ("601 Riverview
/// Dr.", "10 Downing Street", "1600 Pennsylvania Avenue"). Not when a
/// plural noun follows, as a count of the street's kind ("5 Wall Street
/// banks") does.
pub(crate) fn opens_street_address(after: &str) -> bool {
    const STREET_WORDS: &[&str] = &[
        "Street",
        "St",
        "Avenue",
        "Ave",
        "Road",
        "Rd",
        "Drive",
        "Dr",
        "Boulevard",
        "Blvd",
        "Lane",
        "Ln",
        "Parkway",
        "Pkwy",
        "Terrace",
        "Place",
        "Square",
        "Way",
        "Court",
        "Crescent",
        "Row",
    ];
    let mut rest = after;
    for k in 0..4 {
        // One space or line break (wrapped text) between words: a comma
        // or a blank line ends a name.
        let Some(r) = rest.strip_prefix([' ', '\n']) else {
            return false;
        };
        let end = r.find(|c: char| !c.is_alphanumeric()).unwrap_or(r.len());
        let word = &r[..end];
        if !word.starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
        rest = &r[end..];
        if k > 0 && STREET_WORDS.contains(&word) {
            let rest = rest.strip_prefix('.').unwrap_or(rest).trim_start();
            let next = rest
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let plural_noun = next.len() > 3
                && next.ends_with('s')
                && next.bytes().all(|b| b.is_ascii_lowercase());
            return !plural_noun;
        }
    }
    false
}

/// Units of time: a number before one is a duration, not a claim.
const TIME_UNITS: &[&str] = &[
    "year",
    "years",
    "yr",
    "yrs",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "hr",
    "hrs",
    "minute",
    "minutes",
    "min",
    "mins",
    "second",
    "seconds",
    "sec",
    "secs",
    "decade",
    "decades",
    "century",
    "centuries",
    "night",
    "nights",
    "fortnight",
    "fortnights",
    "millennia",
    "weekend",
    "weekends",
    "season",
    "seasons",
    "term",
    "terms",
];

/// Fraction nouns: `a third`, `two-thirds`.
const FRACTIONS: &[(&str, f64)] = &[
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("quarter", 4.0),
    ("quarters", 4.0),
    ("fourth", 4.0),
    ("fourths", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
    ("sixth", 6.0),
    ("sixths", 6.0),
    ("seventh", 7.0),
    ("sevenths", 7.0),
    ("eighth", 8.0),
    ("eighths", 8.0),
    ("ninth", 9.0),
    ("ninths", 9.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
    ("hundredth", 100.0),
    ("hundredths", 100.0),
];

/// Multiplier verbs and adverbs.
const MULTIPLIERS: &[(&str, f64)] = &[
    ("twice", 2.0),
    ("double", 2.0),
    ("doubled", 2.0),
    ("doubling", 2.0),
    ("triple", 3.0),
    ("tripled", 3.0),
    ("tripling", 3.0),
    ("trebled", 3.0),
    ("quadrupled", 4.0),
    ("quadrupling", 4.0),
    ("halved", 0.5),
];

/// Nouns naming a person, after which a number set off by commas is an
/// age ("The suspect, 34, was arrested").
pub(crate) const PERSON_NOUNS: &[&str] = &[
    "man",
    "woman",
    "boy",
    "girl",
    "suspect",
    "victim",
    "driver",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "teenager",
    "pilot",
    "officer",
    "soldier",
    "player",
    "actor",
    "actress",
    "singer",
    "founder",
    "student",
    "worker",
    "nurse",
    "doctor",
    "teacher",
    "farmer",
    "owner",
    "resident",
    "passenger",
    "survivor",
    "gunman",
    "attacker",
    "defendant",
    "rapper",
    "mayor",
    "widow",
    "grandmother",
    "grandfather",
    "pensioner",
];

/// Words before a number that make it a reference or a name part.
const REFERENCE_WORDS: &[&str] = &[
    "no",
    "no.",
    "nos",
    "number",
    "page",
    "pages",
    "p",
    "pp",
    "para",
    "paragraph",
    "chapter",
    "section",
    "article",
    "clause",
    "item",
    "line",
    "verse",
    "table",
    "figure",
    "fig",
    "rule",
    "resolution",
    "flight",
    "route",
    "highway",
    "room",
    "ward",
    "sector",
    "phase",
    "vol",
    "volume",
    "issue",
    "episode",
    "season",
    "level",
    "grade",
    "class",
    "category",
    "platform",
    "gate",
    "block",
    "unit",
    "lot",
    "apartment",
    "suite",
    "bus",
    "channel",
    "model",
    "version",
    "size",
    "code",
    "id",
    "tier",
    "stage",
    "round",
    "game",
    "hole",
    "race",
    "act",
    "scene",
    "step",
];

/// Function words that may be capitalized at a sentence start without
/// making the next number a name part (`In 48 hours`).
const FUNCTION_WORDS: &[&str] = &[
    "in",
    "on",
    "at",
    "by",
    "for",
    "of",
    "to",
    "from",
    "with",
    "about",
    "the",
    "a",
    "an",
    "and",
    "but",
    "or",
    "since",
    "after",
    "before",
    "some",
    "nearly",
    "almost",
    "around",
    "over",
    "under",
    "more",
    "less",
    "fewer",
    "only",
    "just",
    "all",
    "another",
    "those",
    "these",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "while",
    "when",
    "as",
    "than",
    "up",
    "down",
    "until",
    "till",
    "during",
    "within",
    "between",
    "among",
    "per",
    "into",
    "across",
    "through",
    "every",
    "each",
    "only",
    "approximately",
    "roughly",
    "least",
    "most",
    "estimated",
    "total",
    "another",
    "killing",
    "including",
    "are",
    "were",
    "was",
    "is",
    "be",
    "had",
    "has",
    "have",
    "said",
    "says",
    "says",
    "according",
    "then",
    "if",
    "so",
    "that",
    "which",
    "who",
    "where",
    "nor",
    "yet",
    "also",
];

/// Whether `w` is the last word of some [`QUALIFIERS`] entry (a test
/// checks the table against it); bytes, as [`Scanner::w_bytes`] gives.
/// A qualifier's words and operator, as [`QUALIFIERS`] lists them.
type Qualifier = (&'static [&'static str], Operator);

/// [`QUALIFIERS`] grouped by their last word, in table order within a
/// group: a figure's qualifier is looked for among those ending with the
/// word before it, not the whole table.
fn qualifiers_by_last_word(
) -> &'static FxHashMap<&'static [u8], Vec<Qualifier>> {
    static BY_LAST: OnceLock<FxHashMap<&[u8], Vec<Qualifier>>> =
        OnceLock::new();
    BY_LAST.get_or_init(|| {
        let mut by_last: FxHashMap<&[u8], Vec<Qualifier>> =
            FxHashMap::default();
        for &(words, op) in QUALIFIERS {
            if let Some(last) = words.last() {
                by_last.entry(last.as_bytes()).or_default().push((words, op));
            }
        }
        by_last
    })
}

fn ends_qualifier(w: impl AsRef<[u8]>) -> bool {
    matches!(
        w.as_ref(),
        b"as"
            | b"than"
            | b"of"
            | b"over"
            | b"above"
            | b"under"
            | b"below"
            | b"least"
            | b"most"
            | b"to"
            | b"estimated"
            | b"."
            | b"exceeding"
            | b"exceeded"
            | b"surpassed"
            | b"surpassing"
            | b"topped"
            | b"tops"
            | b"exceed"
            | b"exceeds"
            | b"surpass"
            | b"surpasses"
            | b"within"
            | b"beyond"
            | b"nearly"
            | b"almost"
            | b"about"
            | b"around"
            | b"approximately"
            | b"roughly"
            | b"some"
            | b"circa"
            | b"maximum"
            | b"minimum"
    )
}

/// A word table hashed on first use, for the long tables asked about
/// every unit after a figure: `get` agrees with [`lookup`] (the first
/// entry wins).
struct Table<T: 'static> {
    list: &'static [(&'static str, T)],
    map: OnceLock<(Ends, FxHashMap<&'static str, T>)>,
}

impl<T: Copy> Table<T> {
    const fn new(list: &'static [(&'static str, T)]) -> Table<T> {
        Table { list, map: OnceLock::new() }
    }

    fn get(&self, w: &str) -> Option<T> {
        let (ends, map) = self.map.get_or_init(|| {
            let mut map = FxHashMap::default();
            for &(k, v) in self.list {
                map.entry(k).or_insert(v);
            }
            (Ends::of(self.list.iter().map(|e| e.0)), map)
        });
        if !ends.may_hold(w) {
            return None;
        }
        map.get(w).copied()
    }
}

/// A word list hashed on first use: `has` agrees with `contains`.
struct List {
    list: &'static [&'static str],
    set: OnceLock<(Ends, FxHashSet<&'static str>)>,
}

impl List {
    const fn new(list: &'static [&'static str]) -> List {
        List { list, set: OnceLock::new() }
    }

    fn has(&self, w: &str) -> bool {
        let (ends, set) = self.set.get_or_init(|| {
            let words = self.list.iter().copied();
            (Ends::of(words.clone()), words.collect())
        });
        ends.may_hold(w) && set.contains(w)
    }
}

/// The first and last bytes of a list's words of each length, by
/// [`letter_bit`]: a word that fails this test is not in the list, and
/// most words asked about are not hashed. Words of 32 bytes or more
/// always pass.
struct Ends {
    first: [u32; 32],
    last: [u32; 32],
}

impl Ends {
    fn of<'a>(words: impl Iterator<Item = &'a str>) -> Ends {
        let mut ends = Ends { first: [0; 32], last: [0; 32] };
        for w in words {
            let b = w.as_bytes();
            if let (Some(&a), Some(&z)) = (b.first(), b.last()) {
                if b.len() < 32 {
                    ends.first[b.len()] |= letter_bit(a);
                    ends.last[b.len()] |= letter_bit(z);
                }
            }
        }
        ends
    }

    #[inline]
    fn may_hold(&self, w: &str) -> bool {
        let b = w.as_bytes();
        match (b.first(), b.last()) {
            (Some(&a), Some(&z)) if b.len() < 32 => {
                self.first[b.len()] & letter_bit(a) != 0
                    && self.last[b.len()] & letter_bit(z) != 0
            }
            // The empty word is asked of the set itself.
            _ => true,
        }
    }
}

static MEASURE_TABLE: Table<&str> = Table::new(MEASURES);
static CURRENCY_TABLE: Table<Option<&str>> = Table::new(CURRENCY_WORDS);
static TIME_UNIT_LIST: List = List::new(TIME_UNITS);
static FUNCTION_WORD_LIST: List = List::new(FUNCTION_WORDS);

/// Adjectives news puts before "one" standing for a noun said before
/// ("the current one", "a bigger one", "the only one").
const PRONOUN_ONE_ADJECTIVES: &[&str] = &[
    "new",
    "old",
    "current",
    "previous",
    "last",
    "next",
    "first",
    "second",
    "third",
    "final",
    "only",
    "same",
    "other",
    "big",
    "bigger",
    "biggest",
    "small",
    "smaller",
    "smallest",
    "large",
    "larger",
    "largest",
    "little",
    "long",
    "longer",
    "short",
    "shorter",
    "good",
    "better",
    "best",
    "bad",
    "worse",
    "worst",
    "real",
    "similar",
    "different",
    "single",
    "recent",
    "latest",
    "earlier",
    "later",
    "original",
    "existing",
    "local",
    "national",
    "younger",
    "older",
    "main",
    "major",
    "cheaper",
    "modern",
    "typical",
    "whole",
    "separate",
    "serious",
    "fresh",
    "right",
    "wrong",
    "easy",
    "hard",
    "tough",
    "close",
    "special",
    "permanent",
    "temporary",
];
static REFERENCE_WORD_LIST: List = List::new(REFERENCE_WORDS);

fn lookup<T: Copy>(table: &[(&str, T)], w: &str) -> Option<T> {
    table.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

fn small_number(w: &str) -> Option<f64> {
    lookup(UNITS, w).or_else(|| lookup(TENS, w))
}

/// The number words of [`is_number_word`] and the nouns a figure can
/// start before ([`NumberWords::starts`]), with the first, second and
/// last letters of the words of each length.
pub(crate) struct NumberWords {
    first: [u32; 16],
    second: [u32; 16],
    last: [u32; 16],
    /// The third letters (of the words of three letters or more) and the
    /// letters before the last: most words that pass the first three
    /// tests fail one of these, before any hashing.
    third: [u32; 16],
    penult: [u32; 16],
    words: FxHashSet<&'static str>,
    /// `words` and the scale words and fractions, which start a figure
    /// after `a`, `an`, `several` or `few` ("a fifth of", "a trillion",
    /// "a crore"; see [`Scanner::may_start`]), as bytes in one set: the
    /// sentence prefilter must let them all by, and probes once.
    starts: FxHashSet<&'static [u8]>,
}

pub(crate) fn number_words() -> &'static NumberWords {
    static WORDS: OnceLock<NumberWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let tables = [UNITS, TENS, VAGUE, MULTIPLIERS];
        let listed = tables.into_iter().flatten().map(|(w, _)| *w);
        let scales =
            ["dozen", "half", "hundred", "thousand", "million", "billion"];
        let words: FxHashSet<&'static str> = listed.chain(scales).collect();
        let nouns: FxHashSet<&'static str> = [SCALES, FRACTIONS]
            .into_iter()
            .flatten()
            .map(|(w, _)| *w)
            .chain(["dozen"])
            .collect();
        let mut first = [0u32; 16];
        let mut second = [0u32; 16];
        let mut last = [0u32; 16];
        let mut third = [0u32; 16];
        let mut penult = [0u32; 16];
        for w in words.iter().chain(&nouns) {
            let b = w.as_bytes();
            first[b.len()] |= letter_bit(b[0]);
            second[b.len()] |= letter_bit(b[1]);
            last[b.len()] |= letter_bit(b[b.len() - 1]);
            if let Some(&c) = b.get(2) {
                third[b.len()] |= letter_bit(c);
            }
            penult[b.len()] |= letter_bit(b[b.len() - 2]);
        }
        let starts =
            words.iter().chain(&nouns).map(|w| w.as_bytes()).collect();
        NumberWords { first, second, last, third, penult, words, starts }
    })
}

/// The bit of a byte in a first/last-letter filter ([`NumberWords`],
/// the claims stage's word lists): the same for both cases of a letter,
/// so a filter, never a false miss.
pub(crate) fn letter_bit(b: u8) -> u32 {
    // The bit of `b.to_ascii_lowercase()`: lowercasing a capital adds 32,
    // which leaves the remainder by 32 as it is.
    1 << (b % 32)
}

/// Whether `w`, in any ASCII case, may be a number word: `false` means
/// [`is_number_word`] of it lowercased is false. Bit tests, no hashing:
/// the sentence prefilter asks it about every word.
#[inline]
pub(crate) fn may_be_number_word(w: &str) -> bool {
    number_words().may_hold(w.as_bytes())
}

impl NumberWords {
    /// [`may_be_number_word`] of a word's bytes, with the list at hand;
    /// `false` also means the word is none of the nouns.
    #[inline(always)]
    pub(crate) fn may_hold(&self, b: &[u8]) -> bool {
        // Every listed word has two letters or more (`bn`).
        let (&[a, second, ..], Some(&z)) = (b, b.last()) else {
            return false;
        };
        // The last letter first: most words do not end in `d`.
        let fold = matches!(z, b'd' | b'D')
            && b.len() >= 4
            && b[b.len() - 4..].eq_ignore_ascii_case(b"fold");
        if fold || b.len() >= 16 {
            return true;
        }
        let n = b.len();
        self.first[n] & letter_bit(a) != 0
            && self.second[n] & letter_bit(second) != 0
            && self.last[n] & letter_bit(z) != 0
            && self.penult[n] & letter_bit(b[n - 2]) != 0
            && b.get(2).is_none_or(|&c| self.third[n] & letter_bit(c) != 0)
    }

    /// Whether `w`, lowercased, may begin a figure, as the number grammar
    /// reads it: a number word, or a noun that one does after `a`, `an`,
    /// `several` or `few`. The claims prefilter asks this of each word
    /// that passes the bit tests: a short ASCII word is lowercased on the
    /// stack, with no copy to allocate or check.
    pub(crate) fn may_begin_figure_ci(&self, w: &str) -> bool {
        let b = w.as_bytes();
        let mut buf = [0u8; 16];
        if b.len() <= buf.len() && b.is_ascii() {
            let low = &mut buf[..b.len()];
            low.copy_from_slice(b);
            low.make_ascii_lowercase();
            return self.begins_figure(low);
        }
        self.begins_figure(crate::gazetteer::lowercase(w).as_bytes())
    }

    /// Whether lowercase bytes may begin a figure: one probe for both sets.
    #[inline]
    fn begins_figure(&self, w: &[u8]) -> bool {
        w.ends_with(b"fold") || self.starts.contains(w)
    }
}

/// Whether a lowercase word can start a figure; the sentence prefilter.
#[inline]
pub fn is_number_word(w: &str) -> bool {
    // Called for every word of every sentence with a digit or number
    // word: two bit tests, then one hash probe, instead of scanning the
    // tables.
    // A word ending in `fold` passes the filter too: the rest need not
    // be asked about when it fails.
    may_be_number_word(w)
        && (number_words().words.contains(w) || w.ends_with("fold"))
}

/// A number read from pieces.
#[derive(Clone, Copy, Debug)]
struct Core {
    /// First and one-past-last piece.
    start: usize,
    end: usize,
    value: f64,
    /// Made of digits (not words).
    digits: bool,
    /// A scale word or suffix applied (`million`, `bn`).
    scaled: bool,
    /// A vague plural (`thousands`): a lower bound.
    vague: bool,
    kind: ClaimKind,
    /// A unit from a digit suffix (`30K`, `100km`).
    unit: Option<&'static str>,
    /// Whether the number looks like a year (4 digits, no separator).
    year_like: bool,
    /// Whether the entity extent starts after the first piece (`a dozen`).
    skip_first: bool,
    /// A decade of someone's age ("in his early 50s"): ages `value` to
    /// `value + 9`.
    age_decade: bool,
}

/// Parses a digit token: `235,000`, `1.5`, `5m`, `2.3bn`; rejects
/// ordinals, decades, times and codes.
fn parse_digits(s: &str) -> Option<(f64, &str, bool)> {
    let b = s.as_bytes();
    // One pass over the run of digits, commas and points: its length,
    // whether it has a comma, its points, its digits as an integer (while
    // they fit) and how many of them follow the point.
    let (mut end, mut sep, mut dots) = (0, false, 0);
    let (mut digits, mut m, mut decimals) = (0, 0u64, 0);
    // Commas, and the digits since the last one.
    let (mut commas, mut grouped) = (0, 0);
    while let Some(&c) = b.get(end) {
        match c {
            b'0'..=b'9' => {
                m = m.wrapping_mul(10).wrapping_add(u64::from(c - b'0'));
                digits += 1;
                decimals += usize::from(dots > 0);
                grouped += 1;
            }
            b',' => {
                sep = true;
                commas += 1;
                grouped = 0;
            }
            b'.' => dots += 1,
            // A thousands group set off by a no-break or thin space, as
            // the segmenter reads one into the token ("235 000").
            _ => match crate::segment::space_group_separator(b, end) {
                Some(n) => {
                    sep = true;
                    end += n;
                    continue;
                }
                None => break,
            },
        }
        end += 1;
    }
    if dots > 1 {
        return None;
    }
    // One comma before one or two digits sets off no thousands group: it
    // is a decimal comma, as European style writes figures ("€2,5
    // milliards", "2,5%"). Read as a separator, it made the figure 25.
    let decimal_comma = commas == 1 && dots == 0 && (1..=2).contains(&grouped);
    if decimal_comma {
        decimals = grouped;
    }
    let v = if (1..=15).contains(&digits) {
        // Up to 15 digits make an integer that an f64 holds exactly, as it
        // does every power of ten up to 1e15: one division rounds once, to
        // the nearest f64, which is what `parse` gives (the fast path of
        // float parsers), without building a string.
        m as f64 / POW10[decimals]
    } else {
        // No digit ("." fails as `parse` would), or a longer number than
        // news prints.
        let clean: String = b[..end]
            .iter()
            .filter(|&&c| c.is_ascii_digit() || c == b'.')
            .map(|&c| char::from(c))
            .collect();
        let v: f64 = clean.parse().ok()?;
        if decimal_comma {
            v / POW10[decimals]
        } else {
            v
        }
    };
    Some((v, &s[end..], sep))
}

/// Where the first `-` or non-ASCII byte in `b[from..to]` is, or `to`:
/// eight bytes at a time, as most tokens are read for neither.
fn next_special(b: &[u8], from: usize, to: usize) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    const DASH: u64 = u64::from_ne_bytes([b'-'; 8]);
    let mut at = from;
    while at + 8 <= to {
        let mut word = [0u8; 8];
        word.copy_from_slice(&b[at..at + 8]);
        let x = u64::from_le_bytes(word);
        // A byte of `x ^ DASH` is zero where `x` has a `-`: the lowest
        // set high bit of the zero test is the first one (a borrow only
        // marks bytes after a zero), as is that of a non-ASCII byte.
        let d = x ^ DASH;
        let hits = (x | (d.wrapping_sub(ONES) & !d)) & HIGH;
        if hits != 0 {
            return at + (hits.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    b[at..to]
        .iter()
        .position(|&c| c == b'-' || c >= 0x80)
        .map_or(to, |k| at + k)
}

/// The powers of ten an f64 holds exactly that [`parse_digits`] divides by.
const POW10: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
    1e14, 1e15,
];

impl Scanner {
    fn raw<'t>(&self, text: &'t str, i: usize) -> &'t str {
        self.p[i].span.of(text)
    }

    #[inline]
    fn w(&self, i: usize) -> &str {
        let (a, b) = self.p[i].lo;
        &self.low[a as usize..b as usize]
    }

    /// [`Scanner::w`] as bytes: no char boundary to check, for the
    /// comparisons asked about many pieces.
    #[inline]
    fn w_bytes(&self, i: usize) -> &[u8] {
        let (a, b) = self.p[i].lo;
        &self.low.as_bytes()[a as usize..b as usize]
    }

    #[inline]
    fn is(&self, i: usize, w: &str) -> bool {
        i < self.p.len() && self.w_bytes(i) == w.as_bytes()
    }

    /// Whether `digits` at piece `i`, written with a glued `p` ("412p"),
    /// are pence: a price reached or quoted ("to 412p", "at 52.3p", "fell
    /// 12p") in a sentence about shares or prices. Not a video's lines
    /// ("1080p") nor a page.
    fn pence(&self, digits: &str, i: usize) -> bool {
        let lines = [
            "144p", "240p", "360p", "480p", "576p", "720p", "1080p", "1440p",
            "2160p", "4320p",
        ];
        if lines.contains(&digits) {
            return false;
        }
        let quoted = i > 0
            && matches!(
                self.w(i - 1),
                "to" | "at"
                    | "from"
                    | "by"
                    | "rose"
                    | "fell"
                    | "gained"
                    | "lost"
                    | "added"
                    | "shed"
                    | "up"
                    | "down"
                    | "climbed"
                    | "dropped"
                    | "slipped"
                    | "jumped"
            );
        quoted
            && (0..self.p.len()).any(|k| {
                matches!(
                    self.w(k),
                    "shares"
                        | "share"
                        | "stock"
                        | "stocks"
                        | "price"
                        | "prices"
                        | "priced"
                        | "dividend"
                        | "ftse"
                        | "pence"
                        | "traded"
                )
            })
    }

    /// Whether `digits` at piece `i` ("50s") is a decade of someone's
    /// age: "in his early 50s", "women in their 30s", not the 1990s.
    fn decade_of_age(&self, digits: &str, i: usize) -> bool {
        let b = digits.as_bytes();
        let decade = b.len() == 3 && b[0] != b'0' && b[1] == b'0';
        let mut k = i;
        if k >= 1 && matches!(self.w(k - 1), "early" | "mid" | "late") {
            k -= 1;
        } else if k >= 2
            && self.is_hyphen(k - 1)
            && matches!(self.w(k - 2), "mid")
        {
            k -= 2;
        }
        decade
            && k >= 1
            && matches!(
                self.w(k - 1),
                "his" | "her" | "their" | "my" | "your" | "our"
            )
    }

    /// The word after the next figure's hyphen when the hyphen at piece
    /// `at`, glued to the figure before it, is left hanging before
    /// "and", "or" or "to" and that figure ("7- and 8-year-old"): the
    /// unit both figures share.
    fn suspended_hyphen(&self, at: usize, glued: bool) -> Option<usize> {
        let m = at + 4;
        (glued
            && self.is_hyphen(at)
            && m < self.p.len()
            && !self.p[at + 1].glued
            && matches!(self.w(at + 1), "and" | "or" | "to")
            && (self.p[at + 2].kind == PK::Num
                || is_number_word(self.w(at + 2)))
            && self.is_hyphen(at + 3)
            && self.p[at + 3].glued
            && self.p[m].glued
            && self.p[m].kind == PK::Word)
            .then_some(m)
    }

    /// A rate of a noun after a count, from piece `at`: one or two
    /// lowercase words, then "a"/"per" and a unit of time ("games a
    /// year", "new jobs a month", not "jobs a year earlier"). The end of
    /// the noun and of the rate.
    fn noun_rate(&self, text: &str, at: usize) -> Option<(usize, usize)> {
        let n = self.p.len();
        let noun = |k: usize| {
            k < n
                && self.p[k].kind == PK::Word
                && !self.is_cap(text, k)
                && !FUNCTION_WORD_LIST.has(self.w(k))
                && !matches!(self.w(k), "a" | "per" | "an" | "times")
        };
        let words = (0..2).take_while(|&k| noun(at + k)).count();
        let per = at + words;
        let rate = words > 0
            && per + 1 < n
            && matches!(self.w(per), "a" | "per")
            && matches!(self.w(per + 1), "day" | "week" | "month" | "year")
            && !(per + 2 < n
                && matches!(
                    self.w(per + 2),
                    "earlier" | "later" | "ago" | "before" | "after"
                ));
        rate.then_some((per, per + 2))
    }

    /// Whether the fraction in pieces `first..end` is of a unit of
    /// time: one after it ("half an hour", "a quarter of a century")
    /// or before "and" ("an hour and a half", "a decade and a half").
    fn fraction_of_time(&self, first: usize, end: usize) -> bool {
        let unit_at =
            |k: usize| k < self.p.len() && TIME_UNIT_LIST.has(self.w(k));
        let article = |k: usize| self.is(k, "a") || self.is(k, "an");
        let after = end + usize::from(self.is(end, "of"));
        if article(after) && unit_at(after + 1) {
            return true;
        }
        let first =
            if first > 0 && article(first - 1) { first - 1 } else { first };
        first >= 2 && self.is(first - 1, "and") && unit_at(first - 2)
    }

    /// Whether "band" or "bands" follows piece `from`, past only other
    /// frequencies of a list ("900 MHz, 1800 MHz and 2100 MHz bands").
    fn names_a_band(&self, from: usize) -> bool {
        let n = self.p.len();
        for k in from..n.min(from + 12) {
            let w = self.w(k);
            if matches!(w, "band" | "bands") {
                return true;
            }
            let listed = self.p[k].kind == PK::Num
                || matches!(w, "," | "and" | "or")
                || lookup(MEASURES, w).is_some();
            if !listed {
                return false;
            }
        }
        false
    }

    /// Whether the "one" at piece `one` follows a determiner and one or
    /// two adjectives ("the current one", "an old one", "a six-story
    /// Albanian one", "a striped one"): a pronoun standing for a noun
    /// said before. A noun between them is not passed over, so "the army
    /// killed one" stays a count.
    fn pronoun_one_after_adjectives(&self, text: &str, one: usize) -> bool {
        let mut i = one;
        let mut adjectives = 0;
        while i > 0 && adjectives <= 2 {
            i -= 1;
            let w = self.w(i);
            if matches!(
                w,
                "the"
                    | "a"
                    | "an"
                    | "this"
                    | "that"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
                    | "our"
                    | "my"
                    | "your"
                    | "another"
            ) {
                return adjectives > 0;
            }
            // A hyphenated compound ("six-story", "state-run") is one
            // adjective, read from its last part back.
            let mut first = i;
            while first >= 2
                && self.is_hyphen(first - 1)
                && self.p[first].glued
                && self.p[first - 1].glued
            {
                first -= 2;
            }
            let compound = first < i;
            let raw = self.raw(text, first);
            let capitalized = raw.starts_with(|c: char| c.is_uppercase());
            let participle = (w.ends_with("ed") || w.ends_with("ing"))
                && first > 0
                && matches!(self.w(first - 1), "a" | "an" | "the");
            if self.p[i].kind != PK::Word && !compound
                || !(compound
                    || capitalized
                    || participle
                    || PRONOUN_ONE_ADJECTIVES.contains(&w))
            {
                return false;
            }
            adjectives += 1;
            i = first;
        }
        false
    }

    #[inline]
    fn is_hyphen(&self, i: usize) -> bool {
        i < self.p.len()
            && self.p[i].kind == PK::Punct
            // `-`, `‐`, `‑` and `–`.
            && matches!(
                self.w_bytes(i),
                b"-" | b"\xE2\x80\x90" | b"\xE2\x80\x91" | b"\xE2\x80\x93"
            )
    }

    fn is_cap(&self, text: &str, i: usize) -> bool {
        i < self.p.len()
            && self.p[i].kind == PK::Word
            && self.raw(text, i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Splits tokens into pieces, lower-casing words once.
    fn load(&mut self, text: &str, toks: &[Token]) {
        self.p.clear();
        self.low.clear();
        self.p.reserve(toks.len());
        // Lowercasing the sentence once costs less than lowercasing each
        // token into its own place: an ASCII piece's lowercase is then
        // its own bytes of the copy.
        let (start, end) = match (toks.first(), toks.last()) {
            (Some(a), Some(z)) if a.span.start <= z.span.end => {
                (a.span.start, z.span.end)
            }
            _ => (0, 0),
        };
        let stretch = &text[start..end];
        self.low.push_str(stretch);
        self.low.make_ascii_lowercase();
        self.base = start;
        self.stretch = stretch.len();
        // The first `-` or non-ASCII byte: most sentences have none, and
        // then no token needs a test.
        let b = text.as_bytes();
        let first_special = next_special(b, start, end);
        // Most sentences: ASCII with no dash, every token a piece of the
        // stretch (tokens come in order), pushed in one run without a test
        // of each.
        if first_special == end
            && toks.iter().all(|t| start <= t.span.start && t.span.end <= end)
        {
            self.ascii = true;
            self.p.extend(toks.iter().map(|t| P {
                span: t.span,
                kind: match t.kind {
                    TokenKind::Word => PK::Word,
                    TokenKind::Number => PK::Num,
                    TokenKind::Punct => PK::Punct,
                },
                glued: !t.space_before,
                lo: (
                    (t.span.start - start) as u32,
                    (t.span.end - start) as u32,
                ),
            }));
            return;
        }
        self.ascii = stretch.is_ascii();
        // `-` and the byte 0xE2 that `‐` and `‑` start with (as curly
        // quotes do): only a word holding one is asked for a hyphen.
        let dashes = memchr::memchr2(b'-', 0xE2, &b[start..end]).is_some();
        // The rest: a token with no `-` and no non-ASCII byte (most, even
        // in a sentence with curly quotes or a dash) is a piece of the
        // stretch as it is; the next such byte is looked for only once a
        // token starts past the last one found.
        let (mut from, mut special) = (start, first_special);
        for t in toks {
            let kind = match t.kind {
                TokenKind::Word => PK::Word,
                TokenKind::Number => PK::Num,
                TokenKind::Punct => PK::Punct,
            };
            let (a, z) = (t.span.start, t.span.end);
            let inside = start <= a && z <= end;
            if inside {
                // `special` is the first one at or after `from`, so at or
                // after any token start between the two.
                if !(from <= a && a <= special) {
                    (from, special) = (a, next_special(b, a, end));
                }
                if z <= special {
                    let lo = ((a - start) as u32, (z - start) as u32);
                    let glued = !t.space_before;
                    self.p.push(P { span: t.span, kind, glued, lo });
                    continue;
                }
            }
            let hyphen = dashes
                && kind == PK::Word
                && b[a..z].iter().any(|&b| b == b'-' || b == 0xE2)
                && t.span.of(text).contains(['-', '‐', '‑']);
            if hyphen {
                self.push_parts(text, t);
            } else if inside && (self.ascii || b[a..z].is_ascii()) {
                // `push`'s common case, with `inside` as its stretch test.
                let lo = ((a - start) as u32, (z - start) as u32);
                let glued = !t.space_before;
                self.p.push(P { span: t.span, kind, glued, lo });
            } else {
                self.push_lowered(text, t.span, kind, !t.space_before);
            }
        }
        if dashes {
            self.join_decimals_after_hyphens();
        }
    }

    /// "magnitude-6.4": the tokenizer ends a hyphenated word before a
    /// period, so its last part's decimals come as a period and a number
    /// of their own; they are joined back into one number piece.
    #[inline(never)]
    fn join_decimals_after_hyphens(&mut self) {
        let mut i = 1;
        while i + 2 < self.p.len() {
            let (num, dot, decimals) =
                (self.p[i], self.p[i + 1], self.p[i + 2]);
            let joined = num.kind == PK::Num
                && num.glued
                && self.is_hyphen(i - 1)
                && dot.kind == PK::Punct
                && dot.glued
                && self.w_bytes(i + 1) == b"."
                && decimals.kind == PK::Num
                && decimals.glued
                && num.lo.1 == dot.lo.0
                && dot.lo.1 == decimals.lo.0
                && self.w_bytes(i).iter().all(u8::is_ascii_digit)
                && self.w_bytes(i + 2).iter().all(u8::is_ascii_digit);
            if joined {
                self.p[i].span.end = decimals.span.end;
                self.p[i].lo.1 = decimals.lo.1;
                self.p.drain(i + 1..i + 3);
            }
            i += 1;
        }
    }

    /// Pushes the parts of a hyphenated word and its hyphens.
    #[inline(never)]
    fn push_parts(&mut self, text: &str, t: &Token) {
        let s = t.span.of(text);
        let mut first = true;
        let mut at = t.span.start;
        for part in s.split_inclusive(['-', '‐', '‑']) {
            let h = part
                .chars()
                .last()
                .filter(|c| matches!(c, '-' | '‐' | '‑'))
                .map_or(0, char::len_utf8);
            let body = Span::new(at, at + part.len() - h);
            if !body.is_empty() {
                let k = if body.of(text).as_bytes()[0].is_ascii_digit() {
                    PK::Num
                } else {
                    PK::Word
                };
                self.push(text, body, k, !first || !t.space_before);
            }
            if h > 0 {
                let hs = Span::new(body.end, body.end + h);
                self.push(text, hs, PK::Punct, true);
            }
            first = false;
            at += part.len();
        }
    }

    /// Adds a piece; most are ASCII pieces of the lowercased stretch,
    /// inlined into the loop over tokens (`inline` alone leaves a call
    /// per token), and the rest go out of line.
    #[inline(always)]
    fn push(&mut self, text: &str, span: Span, kind: PK, glued: bool) {
        let in_stretch =
            span.start >= self.base && span.end - self.base <= self.stretch;
        if in_stretch
            && (self.ascii || text.as_bytes()[span.start..span.end].is_ascii())
        {
            let a = (span.start - self.base) as u32;
            let lo = (a, (span.end - self.base) as u32);
            self.p.push(P { span, kind, glued, lo });
            return;
        }
        self.push_lowered(text, span, kind, glued);
    }

    /// [`Scanner::push`] of a piece lowercased into its own place.
    #[inline(never)]
    fn push_lowered(&mut self, text: &str, span: Span, kind: PK, glued: bool) {
        let s = span.of(text);
        let a = self.low.len() as u32;
        if s.is_ascii() {
            self.low.push_str(s);
            self.low[a as usize..].make_ascii_lowercase();
        } else {
            for c in s.chars() {
                if c == '’' {
                    self.low.push('\'');
                } else {
                    self.low.extend(c.to_lowercase());
                }
            }
        }
        let lo = (a, self.low.len() as u32);
        self.p.push(P { span, kind, glued, lo });
    }

    /// Finds every figure in `toks` (one sentence, or a phrase), skipping
    /// numbers inside `dates`, and appends them to `out`.
    pub fn scan(
        &mut self,
        text: &str,
        toks: &[Token],
        dates: &[Span],
        money: &DocumentCurrency<'_>,
        out: &mut Vec<Mention>,
    ) {
        self.load(text, toks);
        let words = number_words();
        // Apart from `self`, which `figure_at` only reads.
        let mut spare = std::mem::take(&mut self.spare);
        let mut i = 0;
        while i < self.p.len() {
            // Most pieces start no number: skip them before the call.
            if !self.may_start(i, words) {
                i += 1;
                continue;
            }
            let in_date = |s: Span| dates.iter().any(|d| d.overlaps(s));
            // A later part of a hyphenated word after a word part
            // ("top-three", "best-of-five", "multi-billion") starts no
            // figure, as the claims prefilter never sees it.
            let inner = i >= 2
                && self.p[i].kind == PK::Word
                && self.p[i].glued
                && self.is_hyphen(i - 1)
                && self.p[i - 1].glued
                && self.p[i - 2].kind == PK::Word;
            if inner || in_date(self.p[i].span) {
                i += 1;
                continue;
            }
            match self.figure_at(text, i, money, &mut spare) {
                Some((m, next)) => {
                    let skip = m.entities.iter().any(|e| in_date(e.1))
                        || in_date(m.figure.value_span);
                    if skip {
                        let mut entities = m.entities;
                        entities.clear();
                        spare.push(entities);
                    } else {
                        let mut m = m;
                        shares_the_levels_unit(text, out, &m);
                        let stretch = self.p[0].span.start;
                        takes_the_money_unit(text, out, stretch, &mut m);
                        out.push(m);
                    }
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
        self.spare = spare;
    }

    /// Empties `mentions` (of an earlier [`Scanner::scan`]), keeping
    /// their entity lists for the figures of later scans.
    pub fn recycle(&mut self, mentions: &mut Vec<Mention>) {
        for m in mentions.drain(..) {
            let mut entities = m.entities;
            entities.clear();
            self.spare.push(entities);
        }
    }

    /// The core number starting at piece `i`.
    fn core(&self, text: &str, i: usize) -> Option<Core> {
        let n = self.p.len();
        let p = self.p[i];
        let mut c = Core {
            start: i,
            end: i + 1,
            value: 0.0,
            digits: false,
            scaled: false,
            vague: false,
            kind: ClaimKind::Count,
            unit: None,
            year_like: false,
            skip_first: false,
            age_decade: false,
        };
        match p.kind {
            PK::Num => {
                // "N2.5 trillion" (naira), "v2.5": digits after a point
                // glued to a word are the decimals of a code, never a
                // figure of their own (5 trillion).
                if i >= 2
                    && p.glued
                    && self.p[i - 1].glued
                    && self.w_bytes(i - 1) == b"."
                    && self.p[i - 2].kind == PK::Word
                {
                    return None;
                }
                // The minutes and seconds of a coordinate ("51°30′N").
                if i >= 1
                    && p.glued
                    && matches!(self.w(i - 1), "°" | "º" | "′")
                {
                    return None;
                }
                let s = self.raw(text, i);
                let (v, suffix, sep) = parse_digits(s)?;
                c.value = v;
                c.digits = true;
                let digits_only =
                    suffix.is_empty() && !sep && !s.contains('.');
                c.year_like = digits_only
                    && s.len() == 4
                    && (1000.0..=2100.0).contains(&v);
                if !suffix.is_empty() {
                    let suf = suffix.to_ascii_lowercase();
                    if let Some(scale) = lookup(SUFFIX_SCALES, &suf) {
                        // A bare `30K` is a race distance in sports copy;
                        // a currency before it makes it thousands.
                        if suffix == "K" && !self.currency_before(text, i) {
                            c.unit = Some("kilometer");
                            c.kind = ClaimKind::Quantity;
                        } else {
                            c.value = times_scale(c.value, scale);
                            c.scaled = true;
                        }
                    } else if let Some(u) = MEASURE_TABLE.get(&suf) {
                        c.unit = Some(u);
                        c.kind = ClaimKind::Quantity;
                    } else if let Some(scale) = (matches!(suffix, "C" | "F")
                        && v < 1000.0)
                        .then(|| temperature_scale(&suf))
                        .flatten()
                    {
                        // "45.8C (114.4F)": wire copy writes temperatures
                        // with the scale's capital glued on.
                        c.unit = Some(scale);
                        c.kind = ClaimKind::Quantity;
                    } else if suf == "fold" {
                        c.kind = ClaimKind::Multiplier;
                    } else if suf == "pc" {
                        c.kind = ClaimKind::Percent;
                        c.unit = Some("%");
                    } else if suffix == "p" && self.pence(s, i) {
                        // "Shares rose 3% to 412p": pence, in UK market
                        // copy.
                        c.kind = ClaimKind::Money;
                        c.unit = Some("GBP");
                        // As a scale word would: "12.3p" is 0.123, not
                        // 0.12300000000000001.
                        c.value = times_scale(c.value, 0.01);
                    } else if suffix == "s" && self.decade_of_age(s, i) {
                        c.age_decade = true;
                    } else {
                        // Ordinals (3rd), decades (1990s), times (10am),
                        // codes (4G).
                        return None;
                    }
                }
                // A leading zero marks a code or a date part (`09`).
                if s.len() > 1 && s.starts_with('0') && !s.starts_with("0.") {
                    return None;
                }
                // `104 23/32`: a whole number and a fraction.
                if !c.scaled
                    && i + 3 < n
                    && self.p[i + 1].kind == PK::Num
                    && !self.p[i + 1].glued
                    && self.w(i + 2) == "/"
                    && self.p[i + 2].glued
                    && self.p[i + 3].glued
                    && self.p[i + 3].kind == PK::Num
                {
                    let a = parse_digits(self.raw(text, i + 1));
                    let b = parse_digits(self.raw(text, i + 3));
                    if let (Some((a, "", _)), Some((b, "", _))) = (a, b) {
                        if b > a && a > 0.0 {
                            c.value += a / b;
                            c.end = i + 4;
                        }
                    }
                }
            }
            PK::Word => {
                let w = self.w(i);
                // "7-Eleven": the capitalized number word ends a name.
                if i >= 2
                    && p.glued
                    && self.is_hyphen(i - 1)
                    && self.p[i - 1].glued
                    && self.p[i - 2].kind == PK::Num
                    && self.is_cap(text, i)
                {
                    return None;
                }
                if w.ends_with("fold") && w.len() > 4 {
                    let v = small_number(&w[..w.len() - 4])?;
                    c.value = v;
                    c.kind = ClaimKind::Multiplier;
                    return Some(c);
                }
                if let Some(v) = lookup(MULTIPLIERS, w) {
                    c.value = v;
                    c.kind = ClaimKind::Multiplier;
                    return Some(c);
                }
                // "test scores fell": only "scores of" is a number.
                if w == "scores" && !self.is(i + 1, "of") {
                    return None;
                }
                if let Some(v) = lookup(VAGUE, w) {
                    c.value = v;
                    c.vague = true;
                    // "tens of thousands", "hundreds of millions"
                    if i + 2 < n && self.is(i + 1, "of") {
                        if let Some(v2) = lookup(VAGUE, self.w(i + 2)) {
                            if v2 > v {
                                c.value = v * v2;
                                c.end = i + 3;
                            }
                        }
                    }
                    if w == "tens" && c.end == i + 1 {
                        return None;
                    }
                    return Some(c);
                }
                let mut j = i;
                if matches!(w, "a" | "an" | "one") {
                    // "a dozen", "a million", "a half", "a third"
                    let next = if i + 1 < n { self.w(i + 1) } else { "" };
                    if next == "dozen" {
                        c.value = 12.0;
                        c.end = i + 2;
                        c.skip_first = true;
                        return Some(c);
                    }
                    // "a half million": a count, as "half a million" is.
                    let half_scale = (next == "half" && w != "one")
                        .then(|| self.spelled_scale_at(i + 2))
                        .flatten();
                    if let Some(s) = half_scale {
                        c.value = s / 2.0;
                        c.scaled = true;
                        c.end = i + 3;
                        c.skip_first = true;
                        return Some(c);
                    }
                    if w != "one" && lookup(SCALES, next).is_some() {
                        j = i + 1;
                        c.skip_first = true;
                    } else if let Some(d) = lookup(FRACTIONS, next) {
                        // "a third of", but "a third-round", "a fifth
                        // title" are ordinals.
                        let of_or_end = i + 2 >= n
                            || self.is(i + 2, "of")
                            || self.p[i + 2].kind == PK::Punct
                                && !self.is_hyphen(i + 2);
                        // "a third lower", "fell by roughly a fifth to
                        // 178,000": a share of change.
                        let by = i >= 1
                            && (self.is(i - 1, "by")
                                || i >= 2
                                    && self.is(i - 2, "by")
                                    && matches!(
                                        self.w(i - 1),
                                        "roughly"
                                            | "about"
                                            | "nearly"
                                            | "almost"
                                            | "around"
                                            | "some"
                                            | "just"
                                    ));
                        // Nothing after it when the phrase ends there
                        // (`parse_figure` of an audited "a third").
                        let after = if i + 2 < n { self.w(i + 2) } else { "" };
                        let compared = matches!(
                            after,
                            "lower"
                                | "higher"
                                | "more"
                                | "less"
                                | "fewer"
                                | "smaller"
                                | "larger"
                                | "bigger"
                                | "cheaper"
                        ) || by
                            && matches!(
                                after,
                                "to" | "from"
                                    | "since"
                                    | "in"
                                    | "over"
                                    | "on"
                                    | "last"
                                    | "this"
                                    | "next"
                                    | "during"
                                    | "between"
                                    | "and"
                                    | "but"
                                    | "within"
                                    | "after"
                                    | "before"
                                    | "compared"
                                    | "against"
                                    | "as"
                                    | "while"
                                    | "with"
                                    | "for"
                                    | "at"
                                    | "under"
                            );
                        let of_or_end = of_or_end || compared;
                        if next.ends_with('s') || !of_or_end {
                            return None;
                        }
                        c.value = 1.0 / d;
                        c.kind = ClaimKind::Fraction;
                        c.end = i + 2;
                        c.skip_first = w != "one";
                        self.fraction_of_scale(&mut c);
                        return Some(c);
                    } else if w != "one" {
                        return None;
                    }
                }
                if matches!(w, "several" | "few") {
                    // "several million", "a few hundred"
                    let next = if i + 1 < n { self.w(i + 1) } else { "" };
                    let s = lookup(SCALES, next)?;
                    c.value = s;
                    c.vague = true;
                    c.end = i + 2;
                    return Some(c);
                }
                if w == "dozen" {
                    c.value = 12.0;
                    return Some(c);
                }
                if w == "half" {
                    // "half a dozen", "half-dozen"
                    let h = usize::from(self.is_hyphen(i + 1));
                    if self.is(i + 1 + h, "dozen") {
                        c.value = 6.0;
                        c.end = i + 2 + h;
                        return Some(c);
                    }
                    if self.is(i + 1, "a") && self.is(i + 2, "dozen") {
                        c.value = 6.0;
                        c.end = i + 3;
                        return Some(c);
                    }
                    // "half a million", "half-a-billion": a count.
                    let a = i + 1 + h;
                    let at = a + 1 + usize::from(self.is_hyphen(a + 1));
                    let half_scale = self
                        .is(a, "a")
                        .then(|| self.spelled_scale_at(at))
                        .flatten();
                    if let Some(s) = half_scale {
                        c.value = s / 2.0;
                        c.scaled = true;
                        c.end = at + 1;
                        return Some(c);
                    }
                    // "half a percentage point": the unit follows.
                    if self.is(a, "a")
                        && self.is(a + 1, "percentage")
                        && (self.is(a + 2, "point")
                            || self.is(a + 2, "points"))
                    {
                        c.value = 0.5;
                        c.end = a + 1;
                        return Some(c);
                    }
                    c.value = 0.5;
                    c.kind = ClaimKind::Fraction;
                    return Some(c);
                }
                // Number words: "three hundred", "twenty-five",
                // "two hundred and fifty thousand", "two-thousand-strong".
                let mut total = 0.0;
                let mut cur = 0.0;
                let mut any = false;
                let mut last = j;
                while j < n {
                    let w = self.w(j);
                    if let Some(v) = small_number(w) {
                        let after_tens = any
                            && cur % 100.0 >= 20.0
                            && cur % 10.0 == 0.0
                            && v < 10.0;
                        let after_hundred = any && cur % 100.0 == 0.0;
                        if any && !after_tens && !after_hundred {
                            break;
                        }
                        if any && after_tens && !self.is_hyphen(j - 1) {
                            // "twenty five" written apart is rare; allow
                        }
                        cur += v;
                        any = true;
                        last = j;
                        j += 1;
                    } else if w == "hundred" {
                        if cur == 0.0 {
                            cur = 1.0;
                        }
                        cur *= 100.0;
                        any = true;
                        last = j;
                        j += 1;
                    } else if let Some(s) = spelled_scale(w) {
                        if cur == 0.0 {
                            cur = 1.0;
                        }
                        total += cur * s;
                        cur = 0.0;
                        any = true;
                        last = j;
                        j += 1;
                    } else if any && (w == "-" || w == "and") && j + 1 < n {
                        // A hyphen also joins a scale word, as the words
                        // written apart are joined.
                        let next = self.w(j + 1);
                        // "two-hundred-and-fifty": "and" between hyphens.
                        let hyphened_and = w == "-"
                            && next == "and"
                            && j + 3 < n
                            && self.is_hyphen(j + 2)
                            && small_number(self.w(j + 3)).is_some();
                        if hyphened_and {
                            j += 3;
                        } else if small_number(next).is_some()
                            || w == "-"
                                && (next == "hundred"
                                    || spelled_scale(next).is_some())
                        {
                            j += 1;
                        } else {
                            break;
                        }
                    } else {
                        break;
                    }
                }
                if !any {
                    return None;
                }
                c.value = total + cur;
                c.end = last + 1;
                c.scaled = total > 0.0;
                // "two-thirds", "three quarters", "seven-tenths"
                if c.end < n {
                    let h = usize::from(self.is_hyphen(c.end));
                    let k = c.end + h;
                    if k < n && (h == 1 || !self.p[k].glued) {
                        if let Some(d) = lookup(FRACTIONS, self.w(k)) {
                            let plural = self.w(k).ends_with('s');
                            if plural == (c.value > 1.0) && c.value < d {
                                c.value /= d;
                                c.kind = ClaimKind::Fraction;
                                c.end = k + 1;
                            }
                        }
                    }
                }
            }
            PK::Punct => return None,
        }
        // "two dozen", "3 dozen": twelve times the number, a count.
        if c.kind == ClaimKind::Count && !c.scaled && c.value >= 2.0 {
            let h = usize::from(self.is_hyphen(c.end));
            if self.is(c.end + h, "dozen") {
                c.value *= 12.0;
                c.scaled = true;
                c.end += h + 1;
            }
        }
        // Scale words after digits: "1.5 million", "$180-million".
        if c.kind == ClaimKind::Count && c.digits {
            let mut k = c.end;
            loop {
                let h = usize::from(self.is_hyphen(k) && self.p[k].glued);
                let j = k + h;
                if j >= n || (h == 1 && !self.p[j].glued) {
                    break;
                }
                let Some(s) = lookup(SCALES, self.w(j)) else { break };
                if self.p[j].kind != PK::Word {
                    break;
                }
                c.value = times_scale(c.value, s);
                c.scaled = true;
                c.end = j + 1;
                k = c.end;
            }
        }
        // "three and a half", "three-and-a-half-game"
        if c.kind == ClaimKind::Count {
            // The first three pieces that are not hyphens; most figures
            // have no "and" next, and the other two are not looked for.
            let mut words =
                (c.end..n.min(c.end + 6)).filter(|&k| !self.is_hyphen(k));
            if words.next().is_some_and(|and| self.is(and, "and")) {
                if let (Some(a), Some(half)) = (words.next(), words.next()) {
                    if self.is(a, "a")
                        && self.is(half, "half")
                        && half - c.end <= 5
                    {
                        c.value += 0.5;
                        c.end = half + 1;
                        // "one and a half million"
                        if let Some(s) =
                            self.spelled_scale_at(c.end).filter(|_| !c.scaled)
                        {
                            c.value = times_scale(c.value, s);
                            c.scaled = true;
                            c.end += 1;
                        }
                    }
                }
            }
        }
        self.fraction_of_scale(&mut c);
        // "seven-tenths of 1 percent"
        if c.kind == ClaimKind::Fraction
            && c.end + 2 < n
            && self.is(c.end, "of")
            && matches!(self.w(c.end + 1), "1" | "one")
            && matches!(self.w(c.end + 2), "percent" | "%")
        {
            c.kind = ClaimKind::Percent;
            c.unit = Some("%");
            c.end += 3;
        }
        Some(c)
    }

    /// The scale that piece `i` spells out (see [`spelled_scale`]).
    fn spelled_scale_at(&self, i: usize) -> Option<f64> {
        if i >= self.p.len() || self.p[i].kind != PK::Word {
            return None;
        }
        spelled_scale(self.w(i))
    }

    /// Reads "a quarter of a million" as the count it is, 250,000.
    fn fraction_of_scale(&self, c: &mut Core) {
        if c.kind != ClaimKind::Fraction
            || !self.is(c.end, "of")
            || !self.is(c.end + 1, "a")
        {
            return;
        }
        if let Some(s) = self.spelled_scale_at(c.end + 2) {
            c.kind = ClaimKind::Count;
            c.value = times_scale(c.value, s);
            c.scaled = true;
            c.end += 3;
        } else if self.is(c.end + 2, "percentage")
            && (self.is(c.end + 3, "point") || self.is(c.end + 3, "points"))
        {
            // "a quarter of a percentage point"
            c.kind = ClaimKind::Percent;
            c.unit = Some("pp");
            c.end += 4;
        }
    }

    /// The piece of a minus sign before the digits at piece `i`: a `-` or
    /// `−` glued to them but not to what comes before ("-0.5%", not the
    /// "-1" of "3-1" or "COVID-19"), or the word "minus" (not in "plus or
    /// minus 3", a margin).
    fn minus_before(&self, i: usize) -> Option<usize> {
        let k = i.checked_sub(1)?;
        let sign = &self.p[k];
        let dash = sign.kind == PK::Punct
            && matches!(self.w_bytes(k), b"-" | b"\xE2\x88\x92")
            && self.p[i].glued
            && !sign.glued;
        let word = self.is(k, "minus")
            && !(k > 0 && (self.is(k - 1, "or") || self.is(k - 1, "plus")));
        (dash || word).then_some(k)
    }

    /// A nationality and a currency word at piece `i` ("Swiss francs",
    /// "Hong Kong dollars"): the code and how many pieces they take.
    fn national_currency(
        &self,
        text: &str,
        i: usize,
    ) -> Option<(&'static str, usize)> {
        let n = self.p.len();
        // "Hong Kong", "New Zealand": the nationality's last word.
        let two = i + 2 < n && (self.is(i, "hong") || self.is(i, "new"));
        let (adj, money) = if two { (i + 1, i + 2) } else { (i, i + 1) };
        if money >= n || !self.raw(text, i).starts_with(char::is_uppercase) {
            return None;
        }
        NATIONAL_CURRENCIES
            .iter()
            .find(|&&(a, m, _)| self.is(adj, a) && self.is(money, m))
            .map(|&(.., code)| (code, money + 1 - i))
    }

    /// The unit of an exchange rate written from piece `i` ("per dollar",
    /// "per U.S. dollar", "to the euro", "against the yen"), and the
    /// piece after it. The quoted currency is named; the other one, which
    /// the story names elsewhere ("the naira"), is not.
    fn per_currency(&self, i: usize) -> Option<(&'static str, usize)> {
        let n = self.p.len();
        let mut k = if self.is(i, "per") {
            i + 1
        } else if (self.is(i, "to") || self.is(i, "against"))
            && self.is(i + 1, "the")
        {
            i + 2
        } else {
            return None;
        };
        // "U.S.", "US", "American" before "dollar".
        while k < n
            && k < i + 7
            && matches!(
                self.w(k),
                "u" | "s" | "." | "us" | "u.s" | "u.s." | "american"
            )
        {
            k += 1;
        }
        if k >= n {
            return None;
        }
        let unit = match self.w(k) {
            "dollar" => "per USD",
            "euro" => "per EUR",
            "pound" => "per GBP",
            "yen" => "per JPY",
            "yuan" => "per CNY",
            "franc" => "per CHF",
            _ => return None,
        };
        Some((unit, k + 1))
    }

    /// A unit written in two words from piece `i`, with how many pieces
    /// it takes: a metric ton is a tonne; light-years; nautical miles.
    fn two_word_measure(&self, i: usize) -> Option<(&'static str, usize)> {
        let either =
            |k: usize, a: &str, b: &str| self.is(k, a) || self.is(k, b);
        if self.is(i, "metric") && either(i + 1, "tons", "ton") {
            Some(("tonne", 2))
        } else if self.is(i, "nautical") && either(i + 1, "miles", "mile") {
            Some(("nautical mile", 2))
        } else if self.is(i, "light")
            && self.is_hyphen(i + 1)
            && either(i + 2, "years", "year")
        {
            Some(("light-year", 3))
        } else {
            None
        }
    }

    /// Whether a word of voting stands in the three pieces before `i`
    /// ("by a vote of", "voted").
    fn vote_before(&self, i: usize) -> bool {
        (i.saturating_sub(3)..i).any(|k| {
            matches!(
                self.w_bytes(k),
                b"vote" | b"votes" | b"voted" | b"voting"
            )
        })
    }

    /// Whether pieces `i..i + 3` are a score like "6-4" after a comma at
    /// `i - 1` or before one at `i + 3`: a neighbour in a list of scores.
    fn score_at(&self, i: usize) -> bool {
        let small = |k: usize| {
            self.p.get(k).is_some_and(|p| {
                p.kind == PK::Num && self.w_bytes(k).len() <= 2
            })
        };
        let comma = |k: usize| {
            self.p.get(k).is_some_and(|p| p.kind == PK::Punct)
                && self.w_bytes(k) == b","
        };
        small(i)
            && self.is_hyphen(i + 1)
            && self.p.get(i + 1).is_some_and(|p| p.glued)
            && small(i + 2)
            && self.p.get(i + 2).is_some_and(|p| p.glued)
            && (i > 0 && comma(i - 1) || comma(i + 3))
    }

    /// Whether a tennis tie-break ("(4)" in "7-6(4)") or another set's
    /// score without a comma ("6-7 6-4") starts at piece `i`, after a
    /// score: the score before it is a score, no range.
    fn set_score_follows(&self, i: usize) -> bool {
        let small = |k: usize| {
            self.p.get(k).is_some_and(|p| {
                p.kind == PK::Num && self.w_bytes(k).len() <= 2
            })
        };
        // "(4)", "(7-5)", "(4- 7)".
        let tie_break = self.is(i, "(")
            && small(i + 1)
            && (self.is(i + 2, ")")
                || self.is_hyphen(i + 2)
                    && small(i + 3)
                    && self.is(i + 4, ")"));
        let next_score = small(i)
            && self.p.get(i).is_some_and(|p| !p.glued)
            && self.is_hyphen(i + 1)
            && self.p.get(i + 1).is_some_and(|p| p.glued)
            && small(i + 2)
            && self.p.get(i + 2).is_some_and(|p| p.glued);
        tie_break || next_score
    }

    /// Whether a verb of paying comes right before piece `i` (the start
    /// of a figure's qualifier, if it has one): "cost 5.4 billion pounds",
    /// "paid about 2 million".
    /// Whether a verb of weighing ends right before piece `i`.
    fn weighed_before(&self, i: usize) -> bool {
        (1..=3).any(|k| {
            i >= k
                && matches!(
                    self.w(i - k),
                    "weigh"
                        | "weighs"
                        | "weighed"
                        | "weighing"
                        | "lost"
                        | "lose"
                        | "gained"
                        | "gain"
                        | "heavier"
                        | "lighter"
                )
        })
    }

    /// Whether piece `i`, after a figure, prices it: "a share", "per
    /// share", "each", "a year", "a month".
    fn priced(&self, i: usize) -> bool {
        let per = self.is(i, "a") || self.is(i, "per") || self.is(i, "an");
        self.is(i, "each")
            || per
                && matches!(
                    self.p.get(i + 1).map(|_| self.w(i + 1)),
                    Some("share" | "year" | "month" | "week" | "head")
                )
    }

    /// Whether piece `k` opens a parenthesis that converts the figure
    /// before into another currency: "45 billion pounds ($57 billion)",
    /// "(about 1.2 billion euros)" is money restated, never a weight.
    fn converted(&self, text: &str, k: usize) -> bool {
        let n = self.p.len();
        self.is(k, "(")
            && (k + 1..n.min(k + 6)).take_while(|&j| !self.is(j, ")")).any(
                |j| {
                    currency_sign(self.raw(text, j)).is_some()
                        || currency_code(self.raw(text, j)).is_some()
                        || j > k + 1
                            && matches!(
                                self.w(j),
                                "euros"
                                    | "dollars"
                                    | "yen"
                                    | "yuan"
                                    | "rupees"
                            )
                },
            )
    }

    fn paid_before(&self, i: usize) -> bool {
        const PAYING: &[&str] = &[
            "cost",
            "costs",
            "costing",
            "paid",
            "pay",
            "pays",
            "paying",
            "spent",
            "spend",
            "spends",
            "spending",
            "worth",
            "fined",
            "invest",
            "invested",
            "investing",
            "raised",
            "owed",
            "owes",
            "valued",
            "borrowed",
            "lent",
        ];
        let sold_for = i > 1
            && self.is(i - 1, "for")
            && matches!(
                self.w(i - 2),
                "sold" | "bought" | "sell" | "buy" | "auctioned" | "fetched"
            );
        i > 0 && PAYING.contains(&self.w(i - 1)) || sold_for
    }

    /// The pieces of a percent sign or word at piece `i` ("%", "percent",
    /// "per cent"), 0 when there is none.
    fn percent_sign_len(&self, i: usize) -> usize {
        match self.p.get(i).map(|_| self.w(i)) {
            Some("%" | "percent" | "pct") => 1,
            Some("per") if self.is(i + 1, "cent") => 2,
            _ => 0,
        }
    }

    fn currency_before(&self, text: &str, i: usize) -> bool {
        i > 0 && currency_sign(self.raw(text, i - 1)).is_some()
    }

    /// A currency written before piece `i`: its code and first piece.
    fn currency_prefix(
        &self,
        text: &str,
        i: usize,
        money: &DocumentCurrency<'_>,
    ) -> Option<(&'static str, usize)> {
        if i == 0 {
            return None;
        }
        let prev = self.raw(text, i - 1);
        if let Some(code) = currency_sign(prev) {
            // "US$", "C$", "A$", "HK$", "R$"
            if i >= 2 && self.p[i - 1].glued && self.p[i - 2].kind == PK::Word
            {
                let c = match self.raw(text, i - 2) {
                    "US" => Some("USD"),
                    "C" | "CA" => Some("CAD"),
                    "A" | "AU" => Some("AUD"),
                    "HK" => Some("HKD"),
                    "NZ" => Some("NZD"),
                    "S" => Some("SGD"),
                    "R" => Some("BRL"),
                    _ => None,
                };
                if let Some(c) = c.filter(|_| prev == "$") {
                    return Some((c, i - 2));
                }
            }
            return Some((code, i - 1));
        }
        if self.p[i - 1].kind == PK::Word {
            if let Some(c) = currency_code(prev) {
                return Some((c, i - 1));
            }
            match self.w(i - 1) {
                "dlrs" | "dlr" => return Some(("USD", i - 1)),
                // The tokenizer splits these off a figure only when it
                // reads as a sum ("N150 billion", "R1,500").
                "n" if prev == "N" && self.p[i].glued => {
                    return Some(("NGN", i - 1))
                }
                "r" if prev == "R" && self.p[i].glued => {
                    return Some(("ZAR", i - 1))
                }
                // Split off only when glued to a sum (`segment`'s
                // `GLUED_SIGNS`): "SR101 billion", "Dh10.4 billion".
                "sr" | "qr" | "dh" | "dhs" | "kd" | "bd" | "le"
                    if self.p[i].glued
                        && crate::segment::GLUED_SIGNS.contains(&prev) =>
                {
                    let code = match self.w(i - 1) {
                        "sr" => "SAR",
                        "qr" => "QAR",
                        "dh" | "dhs" => "AED",
                        "kd" => "KWD",
                        "bd" => "BHD",
                        _ => "EGP",
                    };
                    return Some((code, i - 1));
                }
                "rs" | "inr" => {
                    let code =
                        if prev == "INR" { "INR" } else { money.rupee_code() };
                    return Some((code, i - 1));
                }
                _ => {}
            }
            // "Rs." is a word and a period.
        } else if prev == "." && i >= 2 && self.w(i - 2) == "rs" {
            return Some((money.rupee_code(), i - 2));
        }
        None
    }

    /// The qualifier ending right before piece `i`: first piece and
    /// operator.
    fn qualifier_before(&self, i: usize) -> Option<(usize, Operator)> {
        // Every qualifier ends with one of these words: most figures have
        // none of them before, and skip the table.
        if i == 0 || !ends_qualifier(self.w_bytes(i - 1)) {
            return None;
        }
        let last = self.w_bytes(i - 1);
        let ending = qualifiers_by_last_word().get(last)?;
        let mut best: Option<(usize, Operator)> = None;
        for &(words, op) in ending {
            let k = words.len();
            if k > i {
                continue;
            }
            let s = i - k;
            if words
                .iter()
                .enumerate()
                .all(|(o, w)| self.w_bytes(s + o) == w.as_bytes())
                && best.is_none_or(|b| s < b.0)
            {
                best = Some((s, op));
            }
        }
        best
    }

    /// Whether a figure's number can start at piece `i`: a number, or a
    /// number word (`a`, `several` and `few` before a scale word or a
    /// fraction).
    #[inline]
    fn may_start(&self, i: usize, words: &NumberWords) -> bool {
        let n = self.p.len();
        match self.p[i].kind {
            PK::Punct => false,
            PK::Num => true,
            PK::Word => {
                // `is_number_word`, with the word list fetched once per
                // sentence: this is asked about every word of it.
                let b = self.w_bytes(i);
                if words.may_hold(b) {
                    let w = self.w(i);
                    if words.words.contains(w) || w.ends_with("fold") {
                        return true;
                    }
                }
                matches!(b, b"a" | b"an" | b"several" | b"few")
                    && i + 1 < n
                    && (lookup(SCALES, self.w(i + 1)).is_some()
                        || self.w(i + 1) == "dozen"
                        || lookup(FRACTIONS, self.w(i + 1)).is_some())
            }
        }
    }

    /// Whether the digits at piece `i` are no figure for what stands
    /// right before or after them, as [`Scanner::is_figure`] finds after
    /// the whole figure is read: digits after digits ("+92 51 1234567",
    /// a list of scores), after `#` or `+`, after a glued `:` or `/`
    /// ("2:30", "9/11"), or before one with digits glued after it. No
    /// currency stands between digits and such a piece, and digits that
    /// a glued `:`, `/` or `.` follows end their number there, so these
    /// are the pieces `is_figure` reads.
    fn not_a_figure(&self, i: usize) -> bool {
        let p = &self.p;
        if p[i].kind != PK::Num {
            return false;
        }
        if i > 0 {
            let before = self.w_bytes(i - 1);
            if p[i - 1].kind == PK::Num && !p[i].glued
                || matches!(before, b"#" | b"+")
                || p[i].glued && matches!(before, b":" | b"/")
            {
                return true;
            }
            // A stock index named by its size: "FTSE 100", "S&P 500",
            // "Nikkei 225".
            let sp = before == b"p"
                && i >= 3
                && self.w_bytes(i - 2) == b"&"
                && self.w_bytes(i - 3) == b"s";
            if sp || STOCK_INDEXES.contains(&before) {
                return true;
            }
            // A wire service's version slug: "UPDATE 2-Oil prices climb".
            if matches!(before, b"update" | b"wrapup" | b"rpt" | b"refile")
                && i + 1 < p.len()
                && p[i + 1].glued
                && self.is_hyphen(i + 1)
            {
                return true;
            }
        }
        i + 2 < p.len()
            && p[i + 1].glued
            && matches!(self.w_bytes(i + 1), b":" | b"/" | b".")
            && p[i + 2].glued
            && p[i + 2].kind == PK::Num
    }

    /// A figure whose number starts at piece `i`, and the next piece;
    /// [`Scanner::scan`] asks only where [`Scanner::may_start`] holds.
    /// Its entity list is an empty one from `spare` when there is one.
    fn figure_at(
        &self,
        text: &str,
        i: usize,
        money: &DocumentCurrency<'_>,
        spare: &mut Vec<Vec<(EntityType, Span)>>,
    ) -> Option<(Mention, usize)> {
        if self.not_a_figure(i) {
            return None;
        }
        self.read_figure(text, i, money, spare)
    }

    /// [`Scanner::figure_at`] read in full.
    #[inline]
    fn read_figure(
        &self,
        text: &str,
        i: usize,
        money: &DocumentCurrency<'_>,
        spare: &mut Vec<Vec<(EntityType, Span)>>,
    ) -> Option<(Mention, usize)> {
        let n = self.p.len();
        let c = self.core(text, i)?;
        // "zero-point", "zero-sum": compounds, not counts.
        if !c.digits && c.value == 0.0 && self.is_hyphen(c.end) {
            return None;
        }
        let mut end = c.end;
        let mut kind = c.kind;
        let mut unit: &'static str = c.unit.unwrap_or("");
        let mut value = c.value;
        let mut value_min = None;
        let mut value_max = None;
        let mut claim = true;
        let mut age = false;
        let mut modifier_noun = None;
        let mut modifier = false;
        let mut has_unit = c.unit.is_some();
        // Currency before.
        let cur = if c.kind == ClaimKind::Count && c.digits {
            self.currency_prefix(text, i, money)
        } else {
            None
        };
        // A sign before the digits: "-0.5%", "−1.2%", "minus 0.1%".
        let sign = (cur.is_none() && c.digits && !c.skip_first)
            .then(|| self.minus_before(c.start))
            .flatten();
        if sign.is_some() {
            value = -value;
        }
        let vstart = sign
            .or(cur.map(|x| x.1))
            .unwrap_or(c.start + usize::from(c.skip_first));
        let phrase_start = sign.or(cur.map(|x| x.1)).unwrap_or(c.start);
        if let Some((code, _)) = cur {
            kind = ClaimKind::Money;
            unit = code;
            has_unit = true;
        }
        // Qualifier before; "rose up to 5", "fell under 30" keep "up to"
        // as a direction after a verb of change.
        let qual = self.qualifier_before(phrase_start).filter(|q| {
            let directional = matches!(
                self.w(q.0),
                "up" | "under" | "over" | "above" | "below"
            );
            // "went up to 50" moved; "pledged up to $50 million" capped.
            let after_verb = q.0 > 0 && {
                let v = self.w(q.0 - 1);
                CHANGE_VERBS.contains(&v)
                    || matches!(
                        v,
                        "grew" | "went" | "came" | "rise" | "fall" | "moved"
                    )
            };
            !(directional && after_verb && self.w(q.0) == "up")
        });
        let mut operator = qual.map_or(Operator::Eq, |q| q.1);
        let mut qual_span = qual.map(|q| {
            Span::new(
                self.p[q.0].span.start,
                self.p[phrase_start - 1].span.end,
            )
        });
        let between = phrase_start > 0 && self.is(phrase_start - 1, "between");
        let from = phrase_start > 0 && self.is(phrase_start - 1, "from");
        // "gained $1.95 to $70.80": a change, then the level it reached,
        // not a range.
        // "fell by 3,000 to 45,000" too.
        let change_at = |k: usize| {
            CHANGE_VERBS.contains(&self.w(k))
                || matches!(
                    self.w(k),
                    "up" | "down"
                        | "rising"
                        | "falling"
                        | "gaining"
                        | "losing"
                )
        };
        // "fell by a record 837,000 to 124.3 million": past the words
        // that describe the change.
        let mut before = phrase_start;
        while before > 1
            && phrase_start - before < 3
            && matches!(
                self.w(before - 1),
                "a" | "an" | "record" | "further" | "another" | "additional"
            )
        {
            before -= 1;
        }
        let change_before = before > 0
            && (change_at(before - 1)
                || before > 1
                    && self.is(before - 1, "by")
                    && change_at(before - 2));
        let mut low_end: Option<usize> = None; // piece after the low end
        let mut score = false;
        // Range: "10-20", "10 to 20", "10- to 18-foot", "between 10 and
        // 20", "$5 to $7 million".
        // "10% to 15%", "between 3 percent and 4 percent": the percent
        // sign of the low end is passed over when the high end has one.
        let pct = match kind {
            ClaimKind::Count => self.percent_sign_len(end),
            _ => 0,
        };
        if matches!(kind, ClaimKind::Count | ClaimKind::Money)
            && !c.vague
            && end + pct < n
        {
            let mut k = end + pct;
            let dash = self.is_hyphen(k) || self.w(k) == "–";
            let glued_dash = dash && self.p[k].glued;
            let mut ok = false;
            if dash {
                k += 1;
                if k < n && self.is(k, "to") {
                    k += 1;
                }
                ok = glued_dash || self.p.get(k).is_some_and(|p| p.glued);
            } else if self.is(k, "to") && !between && !change_before
                || between && self.is(k, "and")
            {
                k += 1;
                ok = true;
            }
            if ok && k < n {
                // "$5 to $7": the same currency symbol again is passed
                // over; another is not, and the second figure then starts
                // on no number: "rose by $2.98 billion to ₹53.4 lakh crore"
                // is two sums.
                // "A$1 billion to A$1.5 billion": a prefix of two pieces.
                if let Some((code, _)) = cur {
                    let same = |j: usize| {
                        j < n
                            && self.currency_prefix(text, j, money)
                                == Some((code, k))
                    };
                    if self.p[k].kind == PK::Punct && same(k + 1) {
                        k += 1;
                    } else if same(k + 2) {
                        k += 2;
                    }
                }
                // Two percentages going down are two figures ("won 52% to
                // 48%"), not a score.
                let percents = |c2: &Core| {
                    pct == 0
                        || self.percent_sign_len(c2.end) > 0
                            && (c.value < c2.value || between)
                };
                if let Some(c2) = self.core(text, k).filter(|c2| {
                    (c2.digits == c.digits || between)
                        && c2.kind == ClaimKind::Count
                        && !c2.vague
                        && !c2.year_like
                        && percents(c2)
                }) {
                    let mut lo = c.value;
                    let hi = c2.value;
                    if c2.scaled && !c.scaled {
                        let s = hi / self.core_unscaled(text, &c2);
                        if s.is_finite() && lo * s <= hi {
                            lo = times_scale(lo, s);
                        }
                    }
                    // "3-6, 3-6, 6-4": a list of set scores, whichever
                    // way each goes.
                    // "6-7(5)", "4-6 6-3 6-4": a tie-break or another
                    // set after it.
                    // "6-7 (1-7)": the tie-break's own score.
                    let tie_break = c.start >= 4
                        && self.is(c.start - 1, "(")
                        && self.p[c.start - 2].kind == PK::Num
                        && self.is_hyphen(c.start - 3)
                        && self.p[c.start - 4].kind == PK::Num;
                    let in_score_list = tie_break
                        || glued_dash
                            && c.value <= 7.0
                            && c2.value <= 7.0
                            && (self.score_at(c2.end + 1)
                                || c.start >= 4 && self.score_at(c.start - 4)
                                || self.set_score_follows(c2.end));
                    // "fell from 303 to 240": a change, two figures
                    // ("from 40-0" is a score still).
                    let falling = from && !glued_dash && lo >= hi;
                    // "a vote of 323 to 272", "voted 52-48": each side's
                    // votes are a figure.
                    let falling =
                        falling || lo >= hi && self.vote_before(c.start);
                    if (lo < hi || between) && !in_score_list {
                        value = lo;
                        value_min = Some(lo);
                        value_max = Some(hi);
                    } else if !falling {
                        // "6-4", "337-80": a score or a vote.
                        score = true;
                        claim = false;
                    }
                    if !falling {
                        low_end = Some(end + pct);
                        end = c2.end;
                    }
                }
            }
        }
        // "one in five children", "1 in every 3 adults", "2 of every 5
        // quotas": a share.
        if kind == ClaimKind::Count
            && value_max.is_none()
            && !score
            && !c.vague
            && !c.scaled
            && value >= 1.0
            && value.fract() == 0.0
            && (self.is(end, "in")
                || self.is(end, "of") && self.is(end + 1, "every"))
        {
            let k = end + 1 + usize::from(self.is(end + 1, "every"));
            let whole =
                (k < n).then(|| self.core(text, k)).flatten().filter(|c2| {
                    c2.kind == ClaimKind::Count
                        && !c2.vague
                        && !c2.scaled
                        && !c2.year_like
                        && c2.value > value
                        && c2.value <= 1000.0
                        && c2.value.fract() == 0.0
                });
            // Not a count of things done in a time or a number of
            // tries: "scored 2 in 5 minutes", "4 in 12 balls".
            let of_events = whole.is_some_and(|c2| {
                c2.end < n
                    && matches!(
                        self.w(c2.end),
                        "seconds"
                            | "minutes"
                            | "hours"
                            | "days"
                            | "weeks"
                            | "months"
                            | "years"
                            | "games"
                            | "matches"
                            | "balls"
                            | "overs"
                            | "innings"
                            | "attempts"
                            | "starts"
                            | "races"
                            | "seasons"
                            | "tries"
                            | "shots"
                            | "rounds"
                            | "laps"
                            | "holes"
                    )
            });
            if let Some(c2) = whole.filter(|_| value <= 9.0 && !of_events) {
                value /= c2.value;
                kind = ClaimKind::Fraction;
                end = c2.end;
            }
        }
        // "a magnitude 7.8 earthquake", "magnitude-6.1".
        if kind == ClaimKind::Count
            && !has_unit
            && vstart > 0
            && (self.is(vstart - 1, "magnitude")
                || vstart > 1
                    && self.is_hyphen(vstart - 1)
                    && self.is(vstart - 2, "magnitude"))
        {
            kind = ClaimKind::Quantity;
            unit = "magnitude";
            has_unit = true;
        }
        // "half an hour", "a quarter of a century", "a year and a half":
        // a stretch of time, a duration as "five years" is.
        if kind == ClaimKind::Fraction && self.fraction_of_time(vstart, end) {
            return None;
        }
        // Unit after the number (or the range).
        let mut rate = false;
        if end < n && !has_unit && kind != ClaimKind::Multiplier {
            let w = self.w(end);
            let glued = self.p[end].glued;
            if w == "%" {
                kind = ClaimKind::Percent;
                unit = "%";
                end += 1;
            } else if matches!(w, "percent" | "pct" | "pc")
                || w == "per" && self.is(end + 1, "cent")
            {
                kind = ClaimKind::Percent;
                unit = "%";
                end += if w == "per" { 2 } else { 1 };
                if self.is(end, "point") || self.is(end, "points") {
                    unit = "pp";
                    end += 1;
                }
            } else if w == "percentage"
                && (self.is(end + 1, "point") || self.is(end + 1, "points"))
            {
                kind = ClaimKind::Percent;
                unit = "pp";
                end += 2;
            } else if w == "basis"
                && (self.is(end + 1, "point") || self.is(end + 1, "points"))
            {
                kind = ClaimKind::Percent;
                unit = "pp";
                hundredths(&mut value, &mut value_min, &mut value_max);
                end += 2;
            } else if w == "bps" {
                kind = ClaimKind::Percent;
                unit = "pp";
                hundredths(&mut value, &mut value_min, &mut value_max);
                end += 1;
            } else if let Some((code, words)) = self
                .national_currency(text, end)
                .filter(|_| kind == ClaimKind::Count)
            {
                kind = ClaimKind::Money;
                unit = code;
                end += words;
            } else if let Some(code) = CURRENCY_TABLE
                .get(w)
                .filter(|_| kind == ClaimKind::Count && !glued)
            {
                kind = ClaimKind::Money;
                unit = money.currency(w, code);
                if matches!(w, "cents" | "cent" | "pence") {
                    hundredths(&mut value, &mut value_min, &mut value_max);
                }
                end += 1;
            } else if w == "of"
                && c.vague
                && end + 1 < n
                && CURRENCY_TABLE.get(self.w(end + 1)).is_some()
            {
                kind = ClaimKind::Money;
                unit = CURRENCY_TABLE
                    .get(self.w(end + 1))
                    .flatten()
                    .unwrap_or_else(|| money.rupee_code());
                end += 2;
            } else if let Some(code) = currency_code(self.raw(text, end))
                .filter(|_| {
                    self.p[end].kind == PK::Word && kind == ClaimKind::Count
                })
            {
                kind = ClaimKind::Money;
                unit = code;
                end += 1;
            } else if (w == "pounds" || w == "pound")
                && self.is(end + 1, "sterling")
            {
                kind = ClaimKind::Money;
                unit = "GBP";
                end += 2;
            } else if w == "won"
                && (c.scaled
                    || phrase_start > 0
                        && matches!(
                            self.w(phrase_start - 1),
                            "at" | "to" | "from"
                        ))
            {
                // "9.18 trillion won", "closed at 81,300 won": after a
                // scale word or a price's preposition, "won" is the Korean
                // currency, never the verb.
                kind = ClaimKind::Money;
                unit = "KRW";
                end += 1;
            } else if (w == "pounds" || w == "pound")
                && !self.is(end + 1, "of")
                && (self.paid_before(qual.map_or(phrase_start, |q| q.0))
                    || self.converted(text, end + 1)
                    || money.british()
                        && (c.scaled
                            || self.priced(end + 1)
                            || !self.weighed_before(phrase_start)))
            {
                // "return 10 billion pounds to shareholders" in a British
                // story is money, as are "cost 5.4 billion pounds" and
                // "sold for 450,000 pounds" in any, and "29.34 pounds a
                // share" in a British one; "2 billion pounds of cheese" is
                // weight, and so is "lost 20 pounds".
                kind = ClaimKind::Money;
                unit = "GBP";
                end += 1;
            } else if let Some(u) = MEASURE_TABLE
                .get(w)
                .filter(|_| self.p[end].kind == PK::Word && !glued)
            {
                kind = ClaimKind::Quantity;
                unit = u;
                end += 1;
                // "111 kilometers per hour" is a speed, not a distance,
                // and "2 million barrels a day" a flow.
                let per_time = (self.is(end, "per")
                    || self.is(end, "a")
                    || self.is(end, "an"))
                    && end + 1 < n
                    && matches!(self.w(end + 1), "hour" | "second" | "day");
                if let Some(speed) =
                    per_time.then(|| speed(u, self.w(end + 1))).flatten()
                {
                    unit = speed;
                    end += 2;
                }
                // "1.5 degrees Celsius", "90 degrees F": a temperature,
                // where a bare "degrees" may be an angle.
                if let Some(scale) = (u == "degree" && end < n)
                    .then(|| temperature_scale(self.w(end)))
                    .flatten()
                {
                    unit = scale;
                    end += 1;
                }
                // "2,300 megawatt-hours", "5 gigawatt hours": energy.
                let hour_at = end + usize::from(self.is_hyphen(end));
                if let Some(energy) = energy(u).filter(|_| {
                    matches!(self.w_bytes(hour_at), b"hour" | b"hours")
                }) {
                    unit = energy;
                    end = hour_at + 1;
                }
            } else if let Some(u) = (w == "cubic" && end + 1 < n)
                .then(|| cubic(MEASURE_TABLE.get(self.w(end + 1))))
                .flatten()
            {
                // "115 million cubic metres".
                kind = ClaimKind::Quantity;
                unit = u;
                end += 2;
            } else if let Some((u, width)) = self.two_word_measure(end) {
                // "458,500 metric tons", "130 light-years", "200 nautical
                // miles".
                kind = ClaimKind::Quantity;
                unit = u;
                end += width;
            } else if w == "parts"
                && self.is(end + 1, "per")
                && (self.is(end + 2, "million") || self.is(end + 2, "billion"))
            {
                // "425.7 parts per million" of carbon dioxide.
                kind = ClaimKind::Quantity;
                unit = if self.is(end + 2, "million") {
                    "part per million"
                } else {
                    "part per billion"
                };
                end += 3;
            } else if w == "square"
                && end + 1 < n
                && MEASURE_TABLE.get(self.w(end + 1)).is_some()
            {
                kind = ClaimKind::Quantity;
                unit = square(MEASURE_TABLE.get(self.w(end + 1)));
                end += 2;
            } else if w == "on"
                && self.is(end + 1, "the")
                && self.is(end + 2, "richter")
            {
                // "5.9 on the Richter scale".
                kind = ClaimKind::Quantity;
                unit = "magnitude";
                end += 3 + usize::from(self.is(end + 3, "scale"));
            } else if matches!(w, "°" | "º") {
                // "33°47′N", "33.783°N", "13° East": a coordinate, no
                // figure.
                let compass = end + 1 < n
                    && (matches!(
                        self.w(end + 1),
                        "n" | "s"
                            | "e"
                            | "w"
                            | "north"
                            | "south"
                            | "east"
                            | "west"
                    ) || self.p[end + 1].kind == PK::Num
                        && self.p[end + 1].glued);
                if compass {
                    return None;
                }
                // "45°C", "12 °F", "30°".
                kind = ClaimKind::Quantity;
                unit = "degree";
                end += 1;
                if let Some(scale) =
                    (end < n).then(|| temperature_scale(self.w(end))).flatten()
                {
                    unit = scale;
                    end += 1;
                }
            } else if (w == "twenty" || w == "20")
                && self.is_hyphen(end + 1)
                && self.is(end + 2, "foot")
                && self.is(end + 3, "equivalent")
            {
                // "24,000 twenty-foot equivalent units": containers.
                kind = ClaimKind::Quantity;
                unit = "TEU";
                end += 4 + usize::from(self.is(end + 4, "units"));
            } else if let Some(m) = self.suspended_hyphen(end, glued) {
                // "7- and 8-year-old boys", "10- and 20-kilometre races":
                // the figure is the number alone, in the next one's unit.
                let mw = self.w(m);
                if let Some(u) = MEASURE_TABLE.get(mw) {
                    kind = ClaimKind::Quantity;
                    unit = u;
                } else if matches!(mw, "year" | "years")
                    && (self.is(m + 1, "old")
                        || self.is_hyphen(m + 1) && self.is(m + 2, "old"))
                {
                    age = true;
                    kind = ClaimKind::Quantity;
                    unit = "year";
                } else if TIME_UNIT_LIST.has(mw) {
                    // "two- and five-year bonds": durations.
                    return None;
                }
            } else if self.is_hyphen(end)
                && glued
                && end + 1 < n
                && self.p[end + 1].glued
                && self.p[end + 1].kind == PK::Word
            {
                // A hyphenated modifier: "3,000-meter", "19-year-old",
                // "three-judge", "five-year".
                let m = end + 1;
                let mw = self.w(m);
                if mw == "foot" && self.is(m + 1, "equivalent") {
                    // "twenty-foot equivalent units" names a unit.
                    return None;
                }
                if self.is_cap(text, m) && is_number_word(mw) {
                    // "7-Eleven": a name.
                    return None;
                }
                if let Some(u) = MEASURE_TABLE.get(mw) {
                    kind = ClaimKind::Quantity;
                    unit = u;
                    end = m + 1;
                } else if let Some(code) =
                    CURRENCY_TABLE.get(mw).filter(|_| kind == ClaimKind::Count)
                {
                    // "a 10-dollar fee", "a five-million-euro grant": money,
                    // as "10 dollars" is.
                    kind = ClaimKind::Money;
                    unit = code.unwrap_or_else(|| money.rupee_code());
                    if matches!(mw, "cents" | "cent") {
                        hundredths(&mut value, &mut value_min, &mut value_max);
                    }
                    end = m + 1;
                } else if mw == "square"
                    && self.is_hyphen(m + 1)
                    && m + 2 < n
                    && MEASURE_TABLE.get(self.w(m + 2)).is_some()
                {
                    // "a 250,000-square-foot mall"
                    kind = ClaimKind::Quantity;
                    unit = square(MEASURE_TABLE.get(self.w(m + 2)));
                    end = m + 3;
                } else if matches!(mw, "year" | "years")
                    && (self.is_hyphen(m + 1) && self.is(m + 2, "old")
                        // "8-year old boys", the second hyphen left out.
                        || self.is(m + 1, "old"))
                {
                    age = true;
                    kind = ClaimKind::Quantity;
                    unit = "year";
                    end = m + 1;
                } else if TIME_UNIT_LIST.has(mw) {
                    // "five-year term": a duration.
                    return None;
                } else if mw == "fold" {
                    kind = ClaimKind::Multiplier;
                    end = m + 1;
                } else if mw == "old" || mw == "odd" || mw == "plus" {
                    end = m + 1;
                } else if kind == ClaimKind::Count
                    && !c.year_like
                    && c.value > 0.0
                    && mw.chars().all(char::is_alphabetic)
                {
                    // The modifier runs to the end of the hyphenated word.
                    let mut e = m + 1;
                    while e + 1 < n
                        && self.is_hyphen(e)
                        && self.p[e].glued
                        && self.p[e + 1].glued
                        && self.p[e + 1].kind == PK::Word
                    {
                        e += 2;
                    }
                    // "252 on a 500-point scale": the scale's top is no
                    // figure.
                    if self.is(e, "scale") {
                        return None;
                    }
                    // The counted noun is the modifier's last part
                    // ("par" in "six-under-par"); "five-time" counts the
                    // noun after it instead.
                    modifier = true;
                    if !matches!(self.w(e - 1), "time" | "times") {
                        modifier_noun = Some(self.p[e - 1].span);
                    }
                    has_unit = true;
                    end = e;
                    // Entity type QUANTITY below (IE-ER marks modifiers so).
                }
            } else if TIME_UNIT_LIST.has(w) && self.p[end].kind == PK::Word {
                // "N years old" is an age; otherwise a duration.
                if matches!(w, "year" | "years") && self.is(end + 1, "old") {
                    age = true;
                    kind = ClaimKind::Quantity;
                    unit = "year";
                    end += 1;
                } else {
                    return None;
                }
            }
        }
        let _ = has_unit;
        // "6ft 2in", "6 feet 2 inches": a height in feet and inches, in
        // feet.
        if unit == "foot"
            && low_end.is_none()
            && end < n
            && self.p[end].kind == PK::Num
        {
            if let Some((v, suffix, _)) = parse_digits(self.raw(text, end)) {
                let inches = match suffix {
                    "in" => Some(end + 1),
                    "" if end + 1 < n
                        && matches!(self.w(end + 1), "inches" | "inch") =>
                    {
                        Some(end + 2)
                    }
                    _ => None,
                };
                if let Some(e) = inches.filter(|_| v < 12.0) {
                    // Rounded to hundredths of a foot (an eighth of an
                    // inch), not written as 6.166666666666667.
                    value = ((value + v / 12.0) * 100.0).round() / 100.0;
                    end = e;
                }
            }
        }
        // An exchange rate: "1,612 per U.S. dollar", "4.25 to the euro".
        if kind == ClaimKind::Count && unit.is_empty() && !c.scaled {
            if let Some((per, after)) = self.per_currency(end) {
                kind = ClaimKind::Quantity;
                unit = per;
                end = after;
            }
        }
        // Rate: "$250 a day", "300,000 a month", "$100-a-month".
        if end + 1 < n
            && matches!(kind, ClaimKind::Count | ClaimKind::Money)
            && (self.is(end, "a") || self.is(end, "per") || self.is(end, "an"))
            && matches!(
                self.w(end + 1),
                "day" | "week" | "month" | "year" | "hour" | "head" | "person"
            )
            // "1.2 million a week earlier" is a time, not a rate.
            && !(end + 2 < n
                && matches!(
                    self.w(end + 2),
                    "earlier" | "later" | "ago" | "before" | "after"
                ))
            && !modifier
        {
            rate = true;
            end += 2;
        } else if end + 3 < n
            && kind == ClaimKind::Money
            && self.is_hyphen(end)
            && self.is(end + 1, "a")
            && self.is_hyphen(end + 2)
            && matches!(self.w(end + 3), "day" | "week" | "month" | "year")
        {
            rate = true;
            end += 4;
        } else if let Some((noun_end, after)) =
            (kind == ClaimKind::Count && !modifier && !c.year_like)
                .then(|| self.noun_rate(text, end))
                .flatten()
        {
            // "three games a year", "20 typhoons a year": a rate of the
            // noun, which it counts.
            rate = true;
            modifier_noun = Some(Span::new(
                self.p[end].span.start,
                self.p[noun_end - 1].span.end,
            ));
            end = after;
        }
        // Trailing qualifier: "or more", "or so".
        let mut phrase_end = end;
        if end + 1 < n && self.is(end, "or") {
            let op = match self.w(end + 1) {
                "more" => Some(Operator::Ge),
                "so" => Some(Operator::Approx),
                "less" | "fewer" => Some(Operator::Le),
                _ => None,
            };
            if let (Some(op), None) = (op, qual) {
                operator = op;
                qual_span = Some(Span::new(
                    self.p[end].span.start,
                    self.p[end + 1].span.end,
                ));
                phrase_end = end + 2;
            }
        }
        // A price per unit: "$75 a barrel", "$55 per share". The quote
        // says what the sum buys; the figure and its entity stay the sum.
        if kind == ClaimKind::Money
            && phrase_end == end
            && end + 1 < n
            && (self.is(end, "a") || self.is(end, "per") || self.is(end, "an"))
            && PRICED_UNITS.contains(&self.w(end + 1))
        {
            phrase_end = end + 2;
        }
        // A rate per a round number: "23 per 100,000 inhabitants". The
        // quote runs through the base, which is an entity but no claim.
        let mut per_base = None;
        if matches!(kind, ClaimKind::Count | ClaimKind::Percent)
            && phrase_end == end
            && end + 1 < n
            && self.is(end, "per")
            && self.p[end + 1].kind == PK::Num
        {
            per_base = self.core(text, end + 1).filter(|b| {
                b.kind == ClaimKind::Count
                    && b.value >= 100.0
                    && !b.year_like
                    && b.value.fract() == 0.0
            });
            if let Some(b) = &per_base {
                // Through the noun of the base ("inhabitants", "live
                // births"): what the rate is of is the noun before it.
                phrase_end = b.end;
                while phrase_end < n
                    && phrase_end < b.end + 2
                    && self.p[phrase_end].kind == PK::Word
                    && !self.is_cap(text, phrase_end)
                    && !FUNCTION_WORD_LIST.has(self.w(phrase_end))
                    && !matches!(self.w(phrase_end), "last" | "this" | "next")
                {
                    phrase_end += 1;
                    // A plural ends the noun ("inhabitants", "births").
                    if self.w(phrase_end - 1).ends_with('s') {
                        break;
                    }
                }
            }
        }
        // ... and a number after "per" alone is a base too.
        if vstart > 0 && self.is(vstart - 1, "per") && qual.is_none() {
            claim = false;
        }
        if c.vague && qual.is_none() {
            operator = Operator::Ge;
        }
        // Not figures: decide by the surrounding pieces.
        if !self.is_figure(text, &c, vstart, end, kind, qual.is_some(), score)
        {
            return None;
        }
        // Ages: "Okello, 26, said", "aged 40", "turned 50"; a range only
        // after "aged" ("aged 40 to 70").
        let prev = if vstart > 0 { self.w(vstart - 1) } else { "" };
        // "aged between 3 and 11".
        let aged_between =
            prev == "between" && vstart >= 2 && self.w(vstart - 2) == "aged";
        // "raise the pension age from 65 to 67", "a retirement age of
        // 60", "retiring at 63": an age limit or an age at a step of life.
        let age_limit = vstart >= 2
            && c.value <= 120.0
            && match prev {
                "to" | "from" | "of" => matches!(self.w(vstart - 2), "age"),
                "at" => matches!(
                    self.w(vstart - 2),
                    "retire"
                        | "retires"
                        | "retired"
                        | "retiring"
                        | "retirement"
                ),
                _ => false,
            };
        if kind == ClaimKind::Count
            && c.digits
            && !c.scaled
            && (low_end.is_none()
                || matches!(prev, "aged" | "ages")
                || aged_between
                || age_limit)
        {
            let next_ok = end >= n
                || matches!(self.w(end), "," | "." | ";" | ")" | "and");
            // "The suspect, 34, was": a person named by a noun, with the
            // age set off by commas on both sides.
            let person_noun = vstart >= 2
                && PERSON_NOUNS.iter().any(|p| self.is(vstart - 2, p))
                && self.is(end, ",");
            let appositive = prev == ","
                && vstart >= 2
                && (self.is_cap(text, vstart - 2) || person_noun)
                && next_ok
                && c.value <= 120.0
                && c.value >= 1.0;
            // "at the age of 26", "died at 91" (a whole number, ending the
            // phrase).
            let before_prev =
                if vstart >= 2 { self.w(vstart - 2) } else { "" };
            // "aged 8 and 11": the next age of a list after "aged".
            let aged_list = matches!(prev, "and" | ",")
                && vstart >= 3
                && self.p[vstart - 2].kind == PK::Num
                && matches!(self.w(vstart - 3), "aged" | "ages")
                && c.value <= 120.0
                && c.value.fract() == 0.0;
            let aged = aged_list
                || matches!(
                    prev,
                    "aged" | "age" | "ages" | "turned" | "turns"
                )
                || prev == "of" && before_prev == "age"
                || prev == "at"
                    && matches!(
                        before_prev,
                        "died" | "dies" | "die" | "dying"
                    )
                    && next_ok
                    && c.value <= 120.0
                    && c.value.fract() == 0.0;
            // "Kwan, who is 17 and lives ...", "when he's 67,": a bare
            // number said of a person is their age.
            let who_is = (matches!(prev, "is" | "was" | "'s" | "’s")
                && matches!(before_prev, "who" | "he" | "she")
                || matches!(prev, "he's" | "she's" | "he’s" | "she’s"))
                && next_ok
                && c.value <= 120.0;
            if appositive
                || aged
                || who_is
                || aged_between
                || age_limit
                || c.age_decade
            {
                age = true;
                kind = ClaimKind::Quantity;
                unit = "year";
                if c.age_decade {
                    value_min = Some(c.value);
                    value_max = Some(c.value + 9.0);
                }
            }
        }
        // "the 900 MHz and 1800 MHz bands": frequencies that name a band
        // are no claim, as "Flight 370" is none.
        if matches!(unit, "hertz" | "kilohertz" | "megahertz" | "gigahertz")
            && self.names_a_band(end)
        {
            claim = false;
        }
        // "children under five", "people over 65", "those younger than
        // 15": an age limit of the people named before it, which says who
        // is counted but is no claim of its own.
        if kind == ClaimKind::Count
            && !c.scaled
            && low_end.is_none()
            && c.value <= 120.0
            && c.value.fract() == 0.0
        {
            let limit = match prev {
                "under" | "below" => Some((Operator::Lt, 1)),
                "over" | "above" => Some((Operator::Gt, 1)),
                "than" if vstart >= 2 => match self.w(vstart - 2) {
                    "younger" => Some((Operator::Lt, 2)),
                    "older" => Some((Operator::Gt, 2)),
                    _ => None,
                },
                _ => None,
            };
            let of_people = limit.is_some_and(|(_, words)| {
                vstart > words && PEOPLE.contains(&self.w(vstart - words - 1))
            });
            if let Some((op, _)) = limit.filter(|_| of_people) {
                age = true;
                claim = false;
                kind = ClaimKind::Quantity;
                unit = "year";
                operator = op;
            }
        }
        if c.kind == ClaimKind::Fraction && !c.digits {
            // A lone "half" needs "of" or a determiner after it, or a
            // qualifier before it ("almost half"); "the first half" and
            // "half-time" are not figures.
            let w0 = self.w(c.start);
            if w0 == "half" {
                let next = if end < n { self.w(end) } else { "" };
                let det = matches!(
                    next,
                    "of" | "the"
                        | "his"
                        | "her"
                        | "its"
                        | "their"
                        | "our"
                        | "those"
                        | "these"
                        | "a"
                        | "an"
                        | "all"
                );
                let glued_next = end < n && self.is_hyphen(end);
                let prev = if c.start > 0 { self.w(c.start - 1) } else { "" };
                let ordinal_before = matches!(
                    prev,
                    "first"
                        | "second"
                        | "last"
                        | "other"
                        | "latter"
                        | "former"
                        | "and"
                        | "a"
                );
                if glued_next || ordinal_before || !(det || qual.is_some()) {
                    return None;
                }
            }
        }
        // "twice"/"double" as multipliers only when they compare.
        if kind == ClaimKind::Multiplier && !c.digits {
            let w0 = self.w(c.start);
            if matches!(w0, "double" | "triple") {
                let next = if end < n { self.w(end) } else { "" };
                // "..., more than double." compares with the figure before.
                let closing = qual.is_some() && matches!(next, "." | "" | ";");
                if !matches!(next, "the" | "that" | "its" | "their")
                    && !closing
                {
                    return None;
                }
            }
            // "scored twice", "twice a week": how often, not how much.
            if w0 == "twice" {
                let next = if end < n { self.w(end) } else { "" };
                if !matches!(
                    next,
                    "as" | "the"
                        | "that"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "this"
                        | "what"
                        | "more"
                        | "higher"
                        | "larger"
                        | "bigger"
                        | "greater"
                        | "faster"
                        | "lower"
                        | "smaller"
                ) {
                    return None;
                }
            }
        }
        // "three times as many", "five times higher"
        if kind == ClaimKind::Count
            && !c.vague
            && end + 1 < n
            && self.is(end, "times")
            && matches!(
                self.w(end + 1),
                "as" | "more"
                    | "higher"
                    | "larger"
                    | "bigger"
                    | "greater"
                    | "the"
                    | "faster"
                    | "lower"
                    | "smaller"
                    | "that"
            )
        {
            kind = ClaimKind::Multiplier;
            end += 1;
            phrase_end = phrase_end.max(end);
        }
        // "one" as a pronoun or in "one of the largest" is an entity
        // (IE-ER counts it) but not a claim; "(that) one in three (of)"
        // is a share.
        if !c.digits && c.value == 1.0 && kind == ClaimKind::Count {
            let next = if end < n { self.w(end) } else { "" };
            if next == "of"
                || next == "another"
                || self.p.get(end).is_none_or(|p| p.kind != PK::Word)
                || FUNCTION_WORD_LIST.has(next)
                // "the current one without him": a preposition ends the
                // noun phrase as a function word does.
                || matches!(
                    next,
                    "without" | "against" | "like" | "near" | "beyond"
                )
            {
                claim = false;
                // "the current one", "a six-story Albanian one, she said":
                // a determiner and adjectives before a "one" that no noun
                // follows make it a pronoun, no figure at all.
                if self.pronoun_one_after_adjectives(text, c.start) {
                    return None;
                }
            }
            let prev = if c.start > 0 { self.w(c.start - 1) } else { "" };
            if matches!(prev, "no" | "any" | "every" | "the" | "this" | "that")
            {
                return None;
            }
            // "Formula One", "Banc One", "a Primary One classroom": a
            // capitalized "One" after a capitalized word ends a name.
            if self.raw(text, c.start) == "One"
                && c.start > 0
                && self.is_cap(text, c.start - 1)
            {
                return None;
            }
        }
        let value_span =
            Span::new(self.p[vstart].span.start, self.p[end - 1].span.end);
        let start = qual.map_or(phrase_start, |q| q.0);
        let start = if (between || from) && low_end.is_some() && qual.is_none()
        {
            phrase_start - 1
        } else {
            start
        };
        let span = Span::new(
            self.p[start].span.start,
            self.p[phrase_end.max(end) - 1].span.end,
        );
        // Entities, IE-ER style: bare extent, each end of a range apart.
        let etype = if age || modifier || rate {
            Some(EntityType::Quantity)
        } else {
            match kind {
                ClaimKind::Count | ClaimKind::Fraction => {
                    Some(EntityType::Count)
                }
                ClaimKind::Money => Some(EntityType::Money),
                ClaimKind::Percent => Some(EntityType::Percent),
                ClaimKind::Quantity => Some(EntityType::Quantity),
                ClaimKind::Multiplier | ClaimKind::Duration => None,
            }
        };
        let mut entities = spare.pop().unwrap_or_default();
        // An age "19-year-old" is written as "19-year" (IE-ER).
        let ent_end = end;
        if let Some(t) = etype {
            match low_end {
                Some(le) => {
                    let lo = Span::new(
                        self.p[vstart].span.start,
                        self.p[le - 1].span.end,
                    );
                    // The high end starts after "-", "to" or "and".
                    let mut hs = le;
                    while hs < ent_end
                        && (self.p[hs].kind == PK::Punct
                            && currency_sign(self.raw(text, hs)).is_none()
                            || matches!(self.w(hs), "to" | "and"))
                    {
                        hs += 1;
                    }
                    entities.push((t, lo));
                    if hs < ent_end {
                        entities.push((
                            t,
                            Span::new(
                                self.p[hs].span.start,
                                self.p[ent_end - 1].span.end,
                            ),
                        ));
                    }
                }
                None => entities.push((t, value_span)),
            }
        }
        if let Some(b) = per_base {
            let base = Span::new(
                self.p[b.start].span.start,
                self.p[b.end - 1].span.end,
            );
            entities.push((EntityType::Count, base));
        }
        let figure = Figure {
            value,
            value_min,
            value_max,
            unit,
            kind,
            operator,
            qualifier: qual_span,
            value_span,
        };
        Some((
            Mention { figure, span, entities, claim, modifier_noun, age },
            phrase_end.max(end),
        ))
    }

    /// The value of a scaled core before its scale words.
    fn core_unscaled(&self, text: &str, c: &Core) -> f64 {
        if c.digits {
            if let Some((v, suffix, _)) = parse_digits(self.raw(text, c.start))
            {
                if suffix.is_empty() {
                    return v;
                }
            }
        }
        c.value
    }

    /// Whether the number between `vstart` and `end` is a figure, judged
    /// by its neighbours: not a year, time, code, phone number, page or
    /// name part.
    #[allow(clippy::too_many_arguments)]
    fn is_figure(
        &self,
        text: &str,
        c: &Core,
        vstart: usize,
        end: usize,
        kind: ClaimKind,
        qualified: bool,
        score: bool,
    ) -> bool {
        let n = self.p.len();
        let plain = kind == ClaimKind::Count && c.digits && !c.scaled;
        let prev = if vstart > 0 { Some(vstart - 1) } else { None };
        let next = if c.end < n { Some(c.end) } else { None };
        if c.year_like && plain && !qualified {
            return false;
        }
        // "the Group of Eight", "the Gang of Four": a capitalized number
        // word after "of" and a name is part of the name.
        if !c.digits
            && vstart >= 2
            && self.is(vstart - 1, "of")
            && self.is_cap(text, vstart)
            && self.is_cap(text, vstart - 2)
        {
            return false;
        }
        if c.digits
            && c.end > 0
            && opens_street_address(&text[self.p[c.end - 1].span.end..])
        {
            return false;
        }
        if c.digits {
            // Times and dates: "2:30", "10 a.m.", "9/11", "1.41.2".
            if let Some(j) = next {
                let w = self.w_bytes(j);
                let digit_after = j + 1 < n
                    && self.p[j + 1].glued
                    && self.p[j + 1].kind == PK::Num;
                // "104 23/32" consumed its slash already.
                if self.p[j].glued
                    && matches!(w, b":" | b"/" | b".")
                    && digit_after
                    && !(w == b"/" && c.end > c.start + 1)
                {
                    return false;
                }
                if matches!(
                    w,
                    b"a.m." | b"p.m." | b"am" | b"pm" | b"gmt" | b"utc"
                ) || w == b"a" && self.is(j + 1, ".") && self.is(j + 2, "m")
                    || w == b"o'clock"
                {
                    return false;
                }
            }
            if let Some(j) = prev {
                let w = self.w_bytes(j);
                if self.p[c.start].glued
                    && matches!(w, b":" | b"/" | b"#" | b"+")
                {
                    return false;
                }
                if matches!(w, b"#" | b"+") {
                    return false;
                }
                // "6-4 7-5": the second half of a score or range whose
                // first half was no figure (digits after digits).
                if self.is_hyphen(j)
                    && self.p[j].glued
                    && self.p[c.start].glued
                    && j > 0
                    && self.p[j - 1].kind == PK::Num
                    && !self.vote_before(c.start)
                {
                    return false;
                }
                // "7-6(4)", "7-6 (4)": a tie-break's points after a set
                // score; "Section 5(3)": a subsection.
                if w == b"("
                    && j > 0
                    && self.p[j - 1].kind == PK::Num
                    && next.is_some_and(|k| self.is(k, ")"))
                    && (self.p[j].glued
                        || j >= 3
                            && self.is_hyphen(j - 2)
                            && self.p[j - 3].kind == PK::Num)
                {
                    return false;
                }
                // "+92 51 1234567": digits after digits are a phone
                // number or a list of codes.
                if self.p[j].kind == PK::Num && !self.p[c.start].glued {
                    return false;
                }
                // "COVID-19", "F-16", "G-7": a code glued to a word; but
                // "magnitude-6.4" is a magnitude.
                if self.is_hyphen(j)
                    && self.p[j].glued
                    && self.p[c.start].glued
                    && j > 0
                    && self.p[j - 1].kind == PK::Word
                    && !self.is(j - 1, "magnitude")
                    && !c.age_decade
                {
                    return false;
                }
            }
            let s = self.raw(text, c.start);
            let digits = s.bytes().filter(u8::is_ascii_digit).count();
            if digits >= 7
                && !s.contains([',', '.'])
                && kind == ClaimKind::Count
            {
                return false; // phone numbers and ids
            }
        }
        // "the world number one", "rose to number two", "No. three
        // seed": a rank, written in words as in digits.
        if kind == ClaimKind::Count && !c.digits && !c.scaled && !qualified {
            if let Some(j) = prev {
                if self.is(j, "number")
                    || self.is(j, ".") && j > 0 && self.is(j - 1, "no")
                {
                    return false;
                }
            }
        }
        if !plain || score {
            return true;
        }
        // References and name parts: "page 5", "Resolution 2401",
        // "Flight 370", "Boeing 737".
        if let Some(j) = prev {
            let w = self.w(j);
            if REFERENCE_WORD_LIST.has(w) && !qualified {
                // "No. 1" and friends; "round 3" too.
                return false;
            }
            if w == "." && j > 0 && matches!(self.w(j - 1), "no" | "p" | "pp")
            {
                return false;
            }
            if self.is_cap(text, j)
                && !FUNCTION_WORD_LIST.has(w)
                && !qualified
                && self.p[j].kind == PK::Word
            {
                // A score after a name is still a figure ("Denmark 6-4").
                let range_follows = end > c.end;
                let all_caps =
                    self.raw(text, j).chars().all(|ch| !ch.is_lowercase())
                        && self.raw(text, j).len() > 1;
                // "NATO's 32 members": a possessive owns the figure.
                let possessive = w.ends_with("'s") || w.ends_with("’s");
                // "Kenya reported 120 cases, Uganda 85 and Tanzania 40":
                // a name and a figure listed after a figure are an item
                // of the list, gapped.
                let gapped = j > 0
                    && matches!(self.w(j - 1), "," | "and")
                    && (end >= self.p.len()
                        || matches!(self.w(end), "," | "and" | "." | ";"))
                    && (1..j - 1).any(|k| {
                        // The first item counts a noun ("120 cases"), as
                        // a scorecard's "Somerset 83 and 174" does not.
                        self.p[k - 1].kind == PK::Num
                            && self.p[k].kind == PK::Word
                            && !self.is_cap(text, k)
                            && !FUNCTION_WORD_LIST.has(self.w(k))
                    });
                if !range_follows && !all_caps && !gapped && !possessive {
                    return false;
                }
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(s: &str) -> Option<Figure> {
        parse_figure(s)
    }

    #[test]
    fn a_hyphen_joins_number_and_scale_words_as_a_space_does() {
        for (joined, apart) in [
            ("two-thousand-strong force", "two thousand strong force"),
            ("a three-hundred-year-old church", "a three hundred year old"),
            ("five-million-dollar grants", "five million dollar grants"),
            ("twenty-five-thousand people", "twenty-five thousand people"),
            ("a thousand-strong crowd", "a thousand strong crowd"),
        ] {
            let (a, b) = (fig(joined), fig(apart));
            assert_eq!(a.map(|f| f.value), b.map(|f| f.value), "{joined}");
        }
        // A word that is no number still ends one.
        assert_eq!(
            fig("two-thirds of voters").map(|f| f.value),
            Some(2.0 / 3.0)
        );
    }

    #[test]
    fn values_units_kinds_and_operators() {
        use ClaimKind::*;
        use Operator::*;
        // (phrase, value, unit, kind, operator, value text)
        let cases: &[(&str, f64, &str, ClaimKind, Operator, &str)] = &[
            ("235,000", 235000.0, "", Count, Eq, "235,000"),
            ("1.5", 1.5, "", Count, Eq, "1.5"),
            ("0.75", 0.75, "", Count, Eq, "0.75"),
            ("1,234.5", 1234.5, "", Count, Eq, "1,234.5"),
            ("nearly 1.5 million", 1.5e6, "", Count, Approx, "1.5 million"),
            ("$2.3bn", 2.3e9, "USD", Money, Eq, "$2.3bn"),
            ("5m people", 5e6, "", Count, Eq, "5m"),
            ("Rs 3 lakh", 3e5, "INR", Money, Eq, "Rs 3 lakh"),
            (
                "nearly three dozen boats",
                36.0,
                "",
                Count,
                Approx,
                "three dozen",
            ),
            ("some 4 dozen eggs", 48.0, "", Count, Approx, "4 dozen"),
            (
                "a two-dozen-strong crew",
                24.0,
                "",
                Count,
                Eq,
                "two-dozen-strong",
            ),
            ("€3,5 milliards", 3.5e9, "EUR", Money, Eq, "€3,5 milliards"),
            ("inflation of 2,75%", 2.75, "%", Percent, Eq, "2,75%"),
            ("Rs1,25,000 each", 125_000.0, "INR", Money, Eq, "Rs1,25,000"),
            ("14,250 troops", 14_250.0, "", Count, Eq, "14,250"),
            ("Rs. 2 crore", 2e7, "INR", Money, Eq, "Rs. 2 crore"),
            ("PKR 5 billion", 5e9, "PKR", Money, Eq, "PKR 5 billion"),
            ("a 10-dollar fee", 10.0, "USD", Money, Eq, "10-dollar"),
            ("a 50-cent stamp", 0.5, "USD", Money, Eq, "50-cent"),
            ("a 2 cent coin", 0.02, "USD", Money, Eq, "2 cent"),
            (
                "two-hundred-and-fifty people",
                250.0,
                "",
                Count,
                Eq,
                "two-hundred-and-fifty",
            ),
            (
                "a five-million-euro grant",
                5e6,
                "EUR",
                Money,
                Eq,
                "five-million-euro",
            ),
            ("four continents", 4.0, "", Count, Eq, "four"),
            ("twenty-five", 25.0, "", Count, Eq, "twenty-five"),
            ("three hundred", 300.0, "", Count, Eq, "three hundred"),
            (
                "two hundred and fifty",
                250.0,
                "",
                Count,
                Eq,
                "two hundred and fifty",
            ),
            ("more than a dozen", 12.0, "", Count, Gt, "dozen"),
            ("hundreds of people", 100.0, "", Count, Ge, "hundreds"),
            ("thousands of", 1000.0, "", Count, Ge, "thousands"),
            ("tens of thousands of", 1e4, "", Count, Ge, "tens of thousands"),
            (
                "almost half of those returns",
                0.5,
                "",
                Fraction,
                Approx,
                "half",
            ),
            ("two-thirds", 2.0 / 3.0, "", Fraction, Eq, "two-thirds"),
            ("a quarter of", 0.25, "", Fraction, Eq, "quarter"),
            ("one in five children", 0.2, "", Fraction, Eq, "one in five"),
            ("could be as high as 500", 500.0, "", Count, Le, "500"),
            ("23 of NATO's 32 members", 23.0, "", Count, Eq, "23"),
            ("prices as low as $2", 2.0, "USD", Money, Ge, "$2"),
            ("the toll surpassed 20,000", 20000.0, "", Count, Gt, "20,000"),
            ("sales topped $3 billion", 3e9, "USD", Money, Gt, "$3 billion"),
            ("closer to 15 people", 15.0, "", Count, Approx, "15"),
            ("within 100 metres", 100.0, "meter", Quantity, Le, "100 metres"),
            ("a magnitude 7.8 quake", 7.8, "magnitude", Quantity, Eq, "7.8"),
            ("a magnitude-6 quake", 6.0, "magnitude", Quantity, Eq, "6"),
            ("a magnitude-6.4 quake", 6.4, "magnitude", Quantity, Eq, "6.4"),
            (
                "a 6.1-magnitude quake",
                6.1,
                "magnitude",
                Quantity,
                Eq,
                "6.1-magnitude",
            ),
            (
                "5.9 on the Richter scale",
                5.9,
                "magnitude",
                Quantity,
                Eq,
                "5.9 on the Richter scale",
            ),
            (
                "said that one in three",
                1.0 / 3.0,
                "",
                Fraction,
                Eq,
                "one in three",
            ),
            ("One in five of those", 0.2, "", Fraction, Eq, "One in five"),
            ("gained $1.95 to $70.80", 1.95, "USD", Money, Eq, "$1.95"),
            ("1 in every 4 adults", 0.25, "", Fraction, Eq, "1 in every 4"),
            ("2 of every 5 quotas", 0.4, "", Fraction, Eq, "2 of every 5"),
            (
                "fell to 1,612 per U.S. dollar",
                1612.0,
                "per USD",
                Quantity,
                Eq,
                "1,612 per U.S. dollar",
            ),
            (
                "at 4.2510 to the euro",
                4.251,
                "per EUR",
                Quantity,
                Eq,
                "4.2510 to the euro",
            ),
            (
                "arrivals were more than double.",
                2.0,
                "",
                Multiplier,
                Gt,
                "double",
            ),
            (
                "a third lower than planned",
                1.0 / 3.0,
                "",
                Fraction,
                Eq,
                "third",
            ),
            (
                "fell by roughly a fifth to 178,000",
                0.2,
                "",
                Fraction,
                Approx,
                "fifth",
            ),
            ("tenfold", 10.0, "", Multiplier, Eq, "tenfold"),
            ("10-fold", 10.0, "", Multiplier, Eq, "10-fold"),
            ("doubled", 2.0, "", Multiplier, Eq, "doubled"),
            ("twice as many", 2.0, "", Multiplier, Eq, "twice"),
            ("three times as many", 3.0, "", Multiplier, Eq, "three times"),
            ("5%", 5.0, "%", Percent, Eq, "5%"),
            ("5 percent", 5.0, "%", Percent, Eq, "5 percent"),
            ("5 per cent", 5.0, "%", Percent, Eq, "5 per cent"),
            (
                "2 percentage points",
                2.0,
                "pp",
                Percent,
                Eq,
                "2 percentage points",
            ),
            ("3 basis points", 0.03, "pp", Percent, Eq, "3 basis points"),
            ("US$40 million", 4e7, "USD", Money, Eq, "US$40 million"),
            ("USD 3 million", 3e6, "USD", Money, Eq, "USD 3 million"),
            ("€7 billion", 7e9, "EUR", Money, Eq, "€7 billion"),
            ("£300", 300.0, "GBP", Money, Eq, "£300"),
            ("5,000 rupees", 5000.0, "INR", Money, Eq, "5,000 rupees"),
            (
                "2 million Afghanis",
                2e6,
                "AFN",
                Money,
                Eq,
                "2 million Afghanis",
            ),
            ("700 million reais", 7e8, "BRL", Money, Eq, "700 million reais"),
            // A currency glued to the figure: the figure read whole.
            ("Rs1.2 trillion", 1.2e12, "INR", Money, Eq, "Rs1.2 trillion"),
            ("PKR1.5 million", 1.5e6, "PKR", Money, Eq, "PKR1.5 million"),
            ("EUR5m", 5e6, "EUR", Money, Eq, "EUR5m"),
            ("SR101 billion", 1.01e11, "SAR", Money, Eq, "SR101 billion"),
            ("Dh10.4 billion", 1.04e10, "AED", Money, Eq, "Dh10.4 billion"),
            ("QR2.5bn", 2.5e9, "QAR", Money, Eq, "QR2.5bn"),
            ("KD1,500", 1500.0, "KWD", Money, Eq, "KD1,500"),
            ("NOK 12 billion", 1.2e10, "NOK", Money, Eq, "NOK 12 billion"),
            ("dlrs 220 million", 2.2e8, "USD", Money, Eq, "dlrs 220 million"),
            ("4 cents", 0.04, "USD", Money, Eq, "4 cents"),
            (
                "tens of thousands of dollars",
                1e4,
                "USD",
                Money,
                Ge,
                "tens of thousands of dollars",
            ),
            ("$180-million fund", 1.8e8, "USD", Money, Eq, "$180-million"),
            ("20 miles", 20.0, "mile", Quantity, Eq, "20 miles"),
            (
                "200 kilometers",
                200.0,
                "kilometer",
                Quantity,
                Eq,
                "200 kilometers",
            ),
            ("100km", 100.0, "kilometer", Quantity, Eq, "100km"),
            ("5 tons", 5.0, "ton", Quantity, Eq, "5 tons"),
            ("30 kg", 30.0, "kilogram", Quantity, Eq, "30 kg"),
            ("10 litres", 10.0, "liter", Quantity, Eq, "10 litres"),
            ("400 hectares", 400.0, "hectare", Quantity, Eq, "400 hectares"),
            ("7 degrees", 7.0, "degree", Quantity, Eq, "7 degrees"),
            ("a high of 38.2C", 38.2, "degree Celsius", Quantity, Eq, "38.2C"),
            (
                "NZ$4 million to NZ$6 million",
                4e6,
                "NZD",
                Money,
                Eq,
                "NZ$4 million to NZ$6 million",
            ),
            ("between six and 12 flights", 6.0, "", Count, Eq, "six and 12"),
            ("he died at 84.", 84.0, "year", Quantity, Eq, "84"),
            ("at the age of 19", 19.0, "year", Quantity, Eq, "19"),
            ("the pension age to 67.", 67.0, "year", Quantity, Eq, "67"),
            ("a nurse retiring at 63 ", 63.0, "year", Quantity, Eq, "63"),
            (
                "bought 97 megahertz",
                97.0,
                "megahertz",
                Quantity,
                Eq,
                "97 megahertz",
            ),
            ("a 3.5 GHz chip", 3.5, "gigahertz", Quantity, Eq, "3.5 GHz"),
            ("the 12-volt battery", 12.0, "volt", Quantity, Eq, "12-volt"),
            ("a 400 kV line", 400.0, "kilovolt", Quantity, Eq, "400 kV"),
            (
                "fines now exceed $10 billion",
                1e10,
                "USD",
                Money,
                Gt,
                "$10 billion",
            ),
            ("12 metric tons", 12.0, "tonne", Quantity, Eq, "12 metric tons"),
            (
                "about 40 light-years",
                40.0,
                "light-year",
                Quantity,
                Approx,
                "40 light-years",
            ),
            ("it hit 101F", 101.0, "degree Fahrenheit", Quantity, Eq, "101F"),
            ("at 27°C", 27.0, "degree Celsius", Quantity, Eq, "27°C"),
            (
                "2 degrees Celsius",
                2.0,
                "degree Celsius",
                Quantity,
                Eq,
                "2 degrees Celsius",
            ),
            ("a 3.5 GW plant", 3.5, "gigawatt", Quantity, Eq, "3.5 GW"),
            ("used 12 TWh", 12.0, "terawatt-hour", Quantity, Eq, "12 TWh"),
            (
                "stored 900 megawatt-hours",
                900.0,
                "megawatt-hour",
                Quantity,
                Eq,
                "900 megawatt-hours",
            ),
            (
                "40 million cubic metres",
                4e7,
                "cubic meter",
                Quantity,
                Eq,
                "40 million cubic metres",
            ),
            ("gusts of 65 knots", 65.0, "knot", Quantity, Eq, "65 knots"),
            (
                "200 nautical miles off",
                200.0,
                "nautical mile",
                Quantity,
                Eq,
                "200 nautical miles",
            ),
            (
                "at 419 parts per million",
                419.0,
                "part per million",
                Quantity,
                Eq,
                "419 parts per million",
            ),
            (
                "moved 8 million twenty-foot equivalent units",
                8e6,
                "TEU",
                Quantity,
                Eq,
                "8 million twenty-foot equivalent units",
            ),
            (
                "the 3,000-meter race",
                3000.0,
                "meter",
                Quantity,
                Eq,
                "3,000-meter",
            ),
            ("the 30K race", 30.0, "kilometer", Quantity, Eq, "30K"),
            ("12 tonnes of grain", 12.0, "tonne", Quantity, Eq, "12 tonnes"),
            (
                "40 square miles",
                40.0,
                "square mile",
                Quantity,
                Eq,
                "40 square miles",
            ),
            (
                "a 90,000-square-foot warehouse",
                90000.0,
                "square foot",
                Quantity,
                Eq,
                "90,000-square-foot",
            ),
            ("a 19-year-old man", 19.0, "year", Quantity, Eq, "19-year"),
            ("some 25,000 troops", 25000.0, "", Count, Approx, "25,000"),
            ("roughly 40", 40.0, "", Count, Approx, "40"),
            ("an estimated 3 million", 3e6, "", Count, Approx, "3 million"),
            ("around 70", 70.0, "", Count, Approx, "70"),
            ("about 200", 200.0, "", Count, Approx, "200"),
            ("more than 235,000", 235000.0, "", Count, Gt, "235,000"),
            ("over 50", 50.0, "", Count, Gt, "50"),
            ("above 90", 90.0, "", Count, Gt, "90"),
            ("exceeding 100", 100.0, "", Count, Gt, "100"),
            (
                "in excess of $600 billion",
                6e11,
                "USD",
                Money,
                Gt,
                "$600 billion",
            ),
            ("at least 80", 80.0, "", Count, Ge, "80"),
            ("up to 300", 300.0, "", Count, Le, "300"),
            ("at most 9", 9.0, "", Count, Le, "9"),
            ("less than 10 percent", 10.0, "%", Percent, Lt, "10 percent"),
            ("fewer than 600", 600.0, "", Count, Lt, "600"),
            ("under 18", 18.0, "", Count, Lt, "18"),
            ("as many as 1,000", 1000.0, "", Count, Le, "1,000"),
            ("500 or more", 500.0, "", Count, Ge, "500"),
            ("$250 a day", 250.0, "USD", Money, Eq, "$250 a day"),
            ("had 2 million a week earlier", 2e6, "", Count, Eq, "2 million"),
            ("104 23/32", 104.71875, "", Count, Eq, "104 23/32"),
            ("three and a half", 3.5, "", Count, Eq, "three and a half"),
            ("a million", 1e6, "", Count, Eq, "million"),
            ("several million", 1e6, "", Count, Ge, "several million"),
            ("injuring 45.", 45.0, "", Count, Eq, "45"),
            (
                "seven-tenths of 1 percent",
                0.7,
                "%",
                Percent,
                Eq,
                "seven-tenths of 1 percent",
            ),
            (
                "a three-and-a-half-game lead",
                3.5,
                "",
                Count,
                Eq,
                "three-and-a-half-game",
            ),
            ("half a dozen", 6.0, "", Count, Eq, "half a dozen"),
            (
                "by a quarter of a percentage point",
                0.25,
                "pp",
                Percent,
                Eq,
                "quarter of a percentage point",
            ),
            (
                "by half a percentage point",
                0.5,
                "pp",
                Percent,
                Eq,
                "half a percentage point",
            ),
            // Halves and quarters of a scale are counts, not fractions.
            ("half a million people", 5e5, "", Count, Eq, "half a million"),
            ("half-a-billion", 5e8, "", Count, Eq, "half-a-billion"),
            ("about a half million", 5e5, "", Count, Approx, "half million"),
            (
                "one and a half million",
                1.5e6,
                "",
                Count,
                Eq,
                "one and a half million",
            ),
            (
                "nearly a quarter of a million",
                2.5e5,
                "",
                Count,
                Approx,
                "quarter of a million",
            ),
            (
                "three-quarters of a million",
                7.5e5,
                "",
                Count,
                Eq,
                "three-quarters of a million",
            ),
            // "pounds" after a scale and a verb of paying are sterling.
            (
                "The plant cost 5.4 billion pounds",
                5.4e9,
                "GBP",
                Money,
                Eq,
                "5.4 billion pounds",
            ),
            // A nationality before a currency word names it.
            (
                "2.3 billion Swiss francs",
                2.3e9,
                "CHF",
                Money,
                Eq,
                "2.3 billion Swiss francs",
            ),
            (
                "500 Hong Kong dollars",
                500.0,
                "HKD",
                Money,
                Eq,
                "500 Hong Kong dollars",
            ),
            // "won" after a scale is the Korean currency.
            (
                "9.18 trillion won",
                9.18e12,
                "KRW",
                Money,
                Eq,
                "9.18 trillion won",
            ),
            (
                "output of 3.3 million bpd",
                3.3e6,
                "barrel per day",
                Quantity,
                Eq,
                "3.3 million bpd",
            ),
            (
                "shares closed at 81,300 won",
                81300.0,
                "KRW",
                Money,
                Eq,
                "81,300 won",
            ),
            // A length per a time is a speed.
            (
                "winds of 111 kilometers per hour",
                111.0,
                "kilometer per hour",
                Quantity,
                Eq,
                "111 kilometers per hour",
            ),
            (
                "200 miles per hour",
                200.0,
                "mile per hour",
                Quantity,
                Eq,
                "200 miles per hour",
            ),
        ];
        for &(phrase, value, unit, kind, op, vtext) in cases {
            let f = fig(phrase).unwrap_or_else(|| panic!("{phrase:?}"));
            assert!(
                (f.value - value).abs() <= 1e-9 * value.abs().max(1.0),
                "{phrase:?}: value {} != {value}",
                f.value
            );
            assert_eq!(f.unit, unit, "{phrase:?}: unit");
            assert_eq!(f.kind, kind, "{phrase:?}: kind");
            assert_eq!(f.operator, op, "{phrase:?}: operator");
            assert_eq!(f.value_span.of(phrase), vtext, "{phrase:?}: span");
        }
    }

    /// A scaled decimal is the number the text writes, to the last bit:
    /// 65.6 × 1e9 in f64 arithmetic is 65599999999.99999.
    #[test]
    fn scaled_decimals_are_exact() {
        let cases: [(&str, f64); 10] = [
            ("62.85 cents", 0.6285),
            ("77.06 cents", 0.7706),
            ("$65.6 billion", 65_600_000_000.0),
            ("$56.5 billion", 56_500_000_000.0),
            ("4.1 million people", 4_100_000.0),
            ("0.7 million barrels", 700_000.0),
            ("1.15 trillion yen", 1_150_000_000_000.0),
            ("$2.3bn", 2_300_000_000.0),
            ("3.3 crore", 33_000_000.0),
            ("between 1.1 and 1.3 million", 1_100_000.0),
        ];
        for (phrase, want) in cases {
            let f = fig(phrase).unwrap_or_else(|| panic!("{phrase:?}"));
            assert_eq!(
                f.value.to_bits(),
                want.to_bits(),
                "{phrase:?}: {}",
                f.value
            );
        }
    }

    /// A whole product below 1e15 skips the string round trip, which
    /// would give it back unchanged.
    #[test]
    fn whole_products_need_no_round_trip() {
        let values = [0.0, -0.0, 1.0, 2.5, 1.2, 65.6, 0.7, 123.45, 999.999];
        let scales = [0.01, 1e3, 1e5, 1e6, 1e7, 1e9, 1e12, 12.0];
        let mut whole = 0;
        for v in values {
            for scale in scales {
                let product = v * scale;
                let slow: f64 =
                    format!("{product:.14e}").parse().unwrap_or(product);
                whole += usize::from(product.fract() == 0.0);
                assert_eq!(
                    times_scale(v, scale).to_bits(),
                    slow.to_bits(),
                    "{v} x {scale}"
                );
            }
        }
        // Both paths are taken.
        assert!(whole > 10 && whole < values.len() * scales.len());
    }

    /// A minus sign or the word "minus" before the digits makes the value
    /// negative; a hyphen inside a score or a name does not.
    #[test]
    fn signed_values() {
        let cases: [(&str, f64, &str); 6] = [
            ("Growth was -0.5% last year", -0.5, "-0.5%"),
            ("Inflation was \u{2212}1.2%", -1.2, "\u{2212}1.2%"),
            ("its rate rose from minus 0.1%", -0.1, "minus 0.1%"),
            ("a margin of plus or minus 3 points", 3.0, "3"),
            ("COVID-19 cases hit 4,000", 4000.0, "4,000"),
            ("Wages rose 4%", 4.0, "4%"),
        ];
        for (phrase, want, quote) in cases {
            let f = fig(phrase).unwrap_or_else(|| panic!("{phrase:?}"));
            assert_eq!(f.value, want, "{phrase:?}");
            assert_eq!(f.value_span.of(phrase), quote, "{phrase:?}");
        }
    }

    #[test]
    fn qualifier_spans() {
        let cases = [
            ("nearly 1.5 million", Some("nearly")),
            ("more than 235,000 peacekeepers", Some("more than")),
            ("an estimated 3,000", Some("an estimated")),
            ("in excess of $600 billion", Some("in excess of")),
            ("500 or more", Some("or more")),
            ("48 UN missions", None),
        ];
        for (phrase, want) in cases {
            let f = fig(phrase).unwrap_or_else(|| panic!("{phrase:?}"));
            assert_eq!(f.qualifier.map(|q| q.of(phrase)), want, "{phrase:?}");
        }
    }

    /// The mentions of `text` read as a whole document, whose words
    /// (countries, currencies) settle what its bare currency words mean.
    fn document_mentions(text: &str) -> Vec<Mention> {
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        let mut out = Vec::new();
        Scanner::default().scan(
            text,
            &toks,
            &[],
            &DocumentCurrency::of(text),
            &mut out,
        );
        out
    }

    /// A currency name several countries share is the one of the country
    /// the document names.
    #[test]
    fn shared_currency_names_follow_the_documents_country() {
        let unit = |text: &str| {
            let m = document_mentions(text).into_iter().find(|m| m.claim);
            m.expect("a figure").figure.unit
        };
        assert_eq!(unit("The state paid 500,000 pesos."), "MXN");
        assert_eq!(unit("Argentina will pay 500,000 pesos."), "ARS");
        assert_eq!(unit("Uganda spent 2 billion shillings."), "UGX");
        assert_eq!(unit("Kenya spent 2 billion shillings."), "KES");
        assert_eq!(unit("Rwanda raised 90 billion francs."), "RWF");
        // A capital, in a caps dateline too, names its country; its names
        // are counted together against another country's.
        assert_eq!(
            unit("MANILA (AFP) - Crop damage reached 2.1 billion pesos."),
            "PHP"
        );
        assert_eq!(
            unit(
                "Manila bought Mexican corn. Manila, the Philippines, paid \
                 40 million pesos, Mexico said."
            ),
            "PHP"
        );
        assert_eq!(
            unit("KAMPALA, May 2 - The board lent 4 billion shillings."),
            "UGX"
        );
    }

    #[test]
    fn set_scores_in_a_list_are_no_ranges() {
        let claims = |text: &str| {
            document_mentions(text)
                .into_iter()
                .filter(|m| m.claim)
                .map(|m| m.figure.value_span.of(text).to_string())
                .collect::<Vec<_>>()
        };
        let got = claims("Sinner beat Medvedev 3-6, 3-6, 6-4, 6-4, 6-3.");
        assert!(got.is_empty(), "{got:?}");
        // A range alone is one still.
        assert_eq!(claims("Prices rose 3-6 percent."), ["3-6 percent"]);
    }

    #[test]
    fn each_side_of_a_vote_is_a_figure() {
        let claims = |text: &str| {
            document_mentions(text)
                .into_iter()
                .filter(|m| m.claim)
                .map(|m| m.figure.value_span.of(text).to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            claims("The motion carried by a vote of 211 to 190."),
            ["211", "190"]
        );
        assert_eq!(claims("The council voted 7-2 to approve it."), ["7", "2"]);
        // A score is still none.
        assert!(claims("Leeds won 3-1 at home.").is_empty());
    }

    #[test]
    fn twice_is_a_multiplier_only_when_it_compares() {
        assert_eq!(fig("Saka scored twice in the first half."), None);
        assert_eq!(fig("They meet twice a week."), None);
        let f = fig("Prices are twice as high.").expect("a multiplier");
        assert_eq!((f.kind, f.value), (ClaimKind::Multiplier, 2.0));
    }

    #[test]
    fn decimals_glued_to_a_word_are_no_figure() {
        assert_eq!(fig("Version v2.5 shipped."), None);
        assert_eq!(fig("The RTX4090 v2.5 shipped."), None);
    }

    /// Naira and rand written with a letter are sums only in the shapes
    /// of a sum, so that model names stay words.
    #[test]
    fn sums_after_a_currency_letter_or_sign() {
        let cases: &[(&str, f64, &str)] = &[
            ("It will spend N2.5 trillion on roads.", 2.5e12, "N2.5 trillion"),
            ("It sold N150 billion in bills.", 1.5e11, "N150 billion"),
            ("The wage rose to N70,000.", 7e4, "N70,000"),
            ("Eskom sought R254 billion.", 2.54e11, "R254 billion"),
            ("Tolls rose to R1,500.", 1500.0, "R1,500"),
            ("The state spent ₦2.5 billion.", 2.5e9, "₦2.5 billion"),
            ("Manila allotted ₱5.2 billion.", 5.2e9, "₱5.2 billion"),
            ("Petrobras paid R$2.3 billion.", 2.3e9, "R$2.3 billion"),
            ("Seoul set aside ₩3 trillion.", 3e12, "₩3 trillion"),
        ];
        for &(text, value, quote) in cases {
            let f = fig(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!((f.value, f.value_span.of(text)), (value, quote));
        }
        let unit = |text: &str| fig(text).map(|f| f.unit);
        assert_eq!(unit("It will spend N2.5 trillion."), Some("NGN"));
        assert_eq!(unit("Tolls rose to R1,500."), Some("ZAR"));
        assert_eq!(unit("Petrobras paid R$2.3 billion."), Some("BRL"));
        assert_eq!(unit("Manila allotted ₱5.2 billion."), Some("PHP"));
        for text in [
            "Staff wore N95 masks.",
            "The R2 road closed.",
            "Take the N1.",
            "The SR71 jet flew.",
            "A KD9 tank rolled.",
        ] {
            assert_eq!(fig(text), None, "{text:?}");
        }
    }

    #[test]
    fn two_currencies_make_no_range() {
        let text = "reserves rose by $2.98 billion to ₹53.4 lakh crore";
        let f = fig(text).expect("a figure");
        assert_eq!(f.value_span.of(text), "$2.98 billion");
        assert_eq!(f.value_max, None);
    }

    #[test]
    fn ranges() {
        let cases: &[(&str, f64, f64, &str)] = &[
            ("between 10 and 20", 10.0, 20.0, ""),
            ("10-20", 10.0, 20.0, ""),
            ("10 to 20", 10.0, 20.0, ""),
            ("from 5 to 7 percent", 5.0, 7.0, "%"),
            ("5-15 percent discount", 5.0, 15.0, "%"),
            ("15 to 15.5 million", 15e6, 15.5e6, ""),
            ("$5 to $7 million", 5e6, 7e6, "USD"),
            ("10- to 18-foot jumpers", 10.0, 18.0, "foot"),
            ("10% to 15%", 10.0, 15.0, "%"),
            ("between 3 percent and 4 percent", 3.0, 4.0, "%"),
            ("5%-6%", 5.0, 6.0, "%"),
            ("10-20 cents", 0.1, 0.2, "USD"),
            ("between 25 and 50 basis points", 0.25, 0.5, "pp"),
        ];
        for &(phrase, lo, hi, unit) in cases {
            let f = fig(phrase).unwrap_or_else(|| panic!("{phrase:?}"));
            assert_eq!(f.value_min, Some(lo), "{phrase:?}");
            assert_eq!(f.value_max, Some(hi), "{phrase:?}");
            assert_eq!(f.value, lo, "{phrase:?}");
            assert_eq!(f.unit, unit, "{phrase:?}");
        }
    }

    /// A change and the level it reached are two figures, also with "by".
    #[test]
    fn a_change_by_a_figure_to_another_is_no_range() {
        for text in [
            "Vacancies dropped by 56,000 to 727,000.",
            "Exports rose by $2 billion to $40 billion.",
            "Sales rose 5% to $3 billion.",
        ] {
            let got: Vec<_> = document_mentions(text)
                .into_iter()
                .filter(|m| m.claim)
                .map(|m| {
                    (m.figure.value_max, m.figure.value_span.of(text).len())
                })
                .collect();
            assert_eq!(got.len(), 2, "{text:?}: {got:?}");
            assert!(got.iter().all(|g| g.0.is_none()), "{text:?}: {got:?}");
        }
    }

    /// Pounds are sterling in a British story unless weighed, and when
    /// paid or sold for in any; pence are hundredths of a pound.
    #[test]
    fn pounds_and_pence() {
        let unit = |text: &str| {
            let m = document_mentions(text).into_iter().find(|m| m.claim);
            let f = m.expect("a figure").figure;
            (f.unit, f.value)
        };
        let uk = "LONDON - ";
        let cases: &[(&str, &str, f64)] = &[
            ("The average price rose to 290,000 pounds.", "GBP", 290_000.0),
            ("Shares closed at 29.34 pounds per share.", "GBP", 29.34),
            ("A stamp costs 75 pence.", "GBP", 0.75),
            ("The boxer weighed in at 200 pounds.", "pound", 200.0),
            ("The ship carried 5,000 pounds of fish.", "pound", 5000.0),
        ];
        for &(text, want, value) in cases {
            assert_eq!(
                unit(&format!("{uk}{text}")),
                (want, value),
                "{text:?}"
            );
        }
        assert_eq!(
            unit("A house sold for 300,000 pounds."),
            ("GBP", 300_000.0)
        );
        assert_eq!(unit("He weighs 180 pounds."), ("pound", 180.0));
    }

    /// "from" a figure down to a smaller one is a change: two figures.
    #[test]
    fn a_fall_from_one_figure_to_another_is_no_range() {
        for text in
            ["Seats fell from 303 to 240.", "It fell from 34.6% to 15%."]
        {
            let got: Vec<_> = document_mentions(text)
                .into_iter()
                .filter(|m| m.claim)
                .map(|m| m.figure.value_max)
                .collect();
            assert_eq!(got, [None, None], "{text:?}");
        }
    }

    /// A name and a figure listed after a figure and its noun are an
    /// item of the list; a scorecard's names and totals are not.
    #[test]
    fn gapped_list_items_are_figures() {
        let values = |text: &str| -> Vec<f64> {
            document_mentions(text)
                .into_iter()
                .filter(|m| m.claim)
                .map(|m| m.figure.value)
                .collect()
        };
        assert_eq!(
            values("Kenya reported 120 cases, Uganda 85 and Tanzania 40."),
            [120.0, 85.0, 40.0]
        );
        let card = values("Somerset 83 and 174, Leicestershire 296.");
        assert!(!card.contains(&296.0), "{card:?}");
        assert_eq!(values("They flew Boeing 737 jets."), [] as [f64; 0]);
    }

    /// A possessive name owns the figure after it; a bare name's number
    /// is part of the name.
    #[test]
    fn a_figure_after_a_possessive_is_one() {
        let values = |text: &str| -> Vec<f64> {
            document_mentions(text)
                .into_iter()
                .map(|m| m.figure.value)
                .collect()
        };
        assert_eq!(
            values("Only 23 of NATO's 32 members agreed."),
            [23.0, 32.0]
        );
        assert_eq!(values("It rose from July's 51.2 reading."), [51.2]);
        assert_eq!(values("Boeing 737 jets flew."), [] as [f64; 0]);
    }

    /// A rate per a round number quotes its base, which is no claim.
    #[test]
    fn a_rate_per_a_base_quotes_the_base() {
        let text =
            "The rate was roughly 23 per 100,000 inhabitants last year.";
        let got: Vec<_> = document_mentions(text)
            .into_iter()
            .map(|m| (m.span.of(text).to_string(), m.claim, m.entities.len()))
            .collect();
        assert_eq!(
            got,
            [("roughly 23 per 100,000 inhabitants".to_string(), true, 2)]
        );
        let base = "There were 12 deaths per 1,000 live births.";
        let claims: Vec<_> = document_mentions(base)
            .into_iter()
            .filter(|m| m.claim)
            .map(|m| m.figure.value)
            .collect();
        assert_eq!(claims, [12.0]);
    }

    /// A price per unit quotes the unit; its figure is the sum alone.
    #[test]
    fn a_price_per_unit_quotes_the_unit() {
        for (text, quote, value) in [
            ("Oil traded at $75 a barrel.", "$75 a barrel", "$75"),
            (
                "Gold hit $2,956.15 an ounce.",
                "$2,956.15 an ounce",
                "$2,956.15",
            ),
            (
                "Earnings were 89 cents per share.",
                "89 cents per share",
                "89 cents",
            ),
        ] {
            let m = document_mentions(text).into_iter().find(|m| m.claim);
            let m = m.unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(m.span.of(text), quote);
            assert_eq!(m.figure.value_span.of(text), value);
            assert_eq!(m.entities.len(), 1);
            assert_eq!(m.entities[0].1.of(text), value);
        }
    }

    /// Two percentages going down are two figures, neither a range nor
    /// a score.
    #[test]
    fn falling_percentages_are_two_figures() {
        let text = "He won 52% to 48%.";
        let got: Vec<_> = document_mentions(text)
            .into_iter()
            .filter(|m| m.claim)
            .map(|m| m.figure.value_span.of(text).to_string())
            .collect();
        assert_eq!(got, ["52%", "48%"]);
    }

    /// A bare change before the level it reached takes the level's unit,
    /// unless the level's hundredths or scale would have to apply too.
    #[test]
    fn a_bare_change_takes_the_levels_unit() {
        let units = |text: &str| -> Vec<&str> {
            document_mentions(text)
                .into_iter()
                .map(|m| m.figure.unit)
                .collect()
        };
        assert_eq!(
            units("Nickel rose by 500 to 39,200 rupees."),
            ["INR", "INR"]
        );
        assert_eq!(
            units("Stocks fell 3,000 to 45,000 tonnes."),
            ["tonne", "tonne"]
        );
        assert_eq!(units("Gasoline rose 5 to 62 cents."), ["", "USD"]);
        assert_eq!(units("He scored 3 to win $5."), ["", "USD"]);
    }

    /// "up to" caps a figure after any verb but one of change, where "up"
    /// says which way it went.
    #[test]
    fn up_to_caps_a_figure_unless_it_follows_a_change() {
        let op = |text: &str| fig(text).map(|f| f.operator);
        assert_eq!(op("Japan pledged up to $50 million."), Some(Operator::Le));
        assert_eq!(
            op("The strike killed up to 30 people."),
            Some(Operator::Le)
        );
        assert_eq!(
            op("Britain committed up to 160 million pounds."),
            Some(Operator::Le)
        );
        assert_eq!(op("Prices went up to $50."), Some(Operator::Eq));
    }

    #[test]
    fn digits_turned_away_early_are_no_figures_read_in_full() {
        let text = "Scores: 6 4, 7 5 and 10 8 at 2:30 p.m. on 9/11 and \
                    11/9; call +92 51 1234567 or #5 on version 1.41.2, or \
                    2.5.1 by 3 p.m. with 3/4 of 10 people and 104 23/32.";
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        let mut scanner = Scanner::default();
        scanner.load(text, &toks);
        let money = DocumentCurrency::fixed(Currency::Inr);
        let mut turned = 0;
        for i in 0..scanner.p.len() {
            if scanner.not_a_figure(i) {
                turned += 1;
                let read = scanner.read_figure(text, i, &money, &mut vec![]);
                assert!(read.is_none(), "{:?}", scanner.raw(text, i));
            }
        }
        assert!(turned >= 10, "{turned}");
    }

    #[test]
    fn not_figures() {
        let cases = [
            "in 2025",
            "since 1978",
            "Resolution 2401",
            "Flight 370",
            "COVID-19",
            "the F-16",
            "at 10:30",
            "at 10 a.m.",
            "the third round",
            "the 1990s",
            "his 3rd goal",
            "call 5551234567",
            "call +92 51",
            "see page 12",
            "No. 1",
            "code 09",
            "in the first half",
            "half-time",
            "for five years",
            "a five-year term",
            "two decades",
            "no one",
            "G-7 summit",
            "a third-round match",
            "a fifth title",
            "exam scores fell",
            "a meeting of the Group of Seven",
            "a 500-point scale",
            "at 51°30′N",
            "at 48.85°N",
            "the satellite at 19° East",
        ];
        for phrase in cases {
            assert_eq!(fig(phrase), None, "{phrase:?} is not a figure");
        }
    }

    #[test]
    fn entities_of_ranges_scores_and_modifiers() {
        fn ents(s: &str) -> Vec<(&'static str, &str)> {
            let mut toks = Vec::new();
            tokenize(s, &mut toks);
            let mut out = Vec::new();
            Scanner::default().scan(
                s,
                &toks,
                &[],
                &DocumentCurrency::fixed(Currency::Inr),
                &mut out,
            );
            out.iter()
                .flat_map(|m| m.entities.iter())
                .map(|(t, sp)| (t.as_str(), sp.of(s)))
                .collect()
        }
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "beat him 6-4, 5-7",
                &[
                    ("COUNT", "6"),
                    ("COUNT", "4"),
                    ("COUNT", "5"),
                    ("COUNT", "7"),
                ],
            ),
            (
                "a 5-15 percent discount",
                &[("PERCENT", "5"), ("PERCENT", "15 percent")],
            ),
            ("more than $5 million", &[("MONEY", "$5 million")]),
            ("a three-judge panel", &[("QUANTITY", "three-judge")]),
            ("a 19-year-old man", &[("QUANTITY", "19-year")]),
            ("Okello, 26, said", &[("QUANTITY", "26")]),
            ("when he's 67, the house", &[("QUANTITY", "67")]),
            (
                "She was 9 and he is 12.",
                &[("QUANTITY", "9"), ("QUANTITY", "12")],
            ),
            ("the score is 12, he said", &[("COUNT", "12")]),
            ("one of the largest", &[("COUNT", "one")]),
            // "one" standing for a noun said before is no figure; a noun
            // between the determiner and "one" is not an adjective.
            ("a new one, he said", &[]),
            (
                "replaced by a two-storey Georgian one.",
                &[("QUANTITY", "two-storey")],
            ),
            ("a forged one and", &[]),
            ("the rebels killed one.", &[("COUNT", "one")]),
            ("the Formula One season", &[]),
            // A bare sum set against one in a currency is in it.
            (
                "a loss of 1.3 billion euros, compared with a loss of 1.96 billion a year earlier",
                &[("MONEY", "1.3 billion euros"), ("MONEY", "1.96 billion")],
            ),
            (
                "raised $500 million, and donors reached 1.5 million.",
                &[("MONEY", "$500 million"), ("COUNT", "1.5 million")],
            ),
            ("at Banc One Investment Advisors", &[]),
            ("said. One soldier died", &[("COUNT", "One")]),
            ("more than a dozen", &[("COUNT", "dozen")]),
            ("doubled", &[]),
        ];
        for (s, want) in cases {
            assert_eq!(&ents(s), want, "{s:?}");
        }
    }

    #[test]
    fn the_number_word_prefilter_passes_every_number_word() {
        let words = number_words();
        for w in words.starts.iter().map(|w| std::str::from_utf8(w).unwrap()) {
            assert!(w.len() >= 2, "{w}");
            assert!(may_be_number_word(w), "{w}");
            assert!(may_be_number_word(&w.to_ascii_uppercase()), "{w}");
            assert!(words.may_begin_figure_ci(w), "{w}");
            assert!(words.may_begin_figure_ci(&w.to_ascii_uppercase()), "{w}");
        }
        assert!(is_number_word("tenfold") && !is_number_word("the"));
        assert!(
            !is_number_word("fifth") && words.may_begin_figure_ci("Fifth")
        );
        assert!(!words.may_begin_figure_ci("the"));
    }

    #[test]
    fn digit_runs_parse_at_any_length() {
        let ones = "1".repeat(50);
        let long = format!("{ones}.5x");
        let want: f64 = format!("{ones}.5").parse().expect("a float");
        assert_eq!(parse_digits(&long), Some((want, "x", false)));
        assert_eq!(parse_digits("235,000km"), Some((235_000.0, "km", true)));
        assert_eq!(parse_digits("1.2.3"), None);
        // Thousands set off by a no-break or thin space.
        assert_eq!(
            parse_digits("235\u{a0}000 peacekeepers"),
            Some((235_000.0, " peacekeepers", true))
        );
        assert_eq!(
            parse_digits("1\u{2009}500\u{202f}000"),
            Some((1_500_000.0, "", true))
        );
        assert_eq!(
            parse_digits("71\u{a0}missions"),
            Some((71.0, "\u{a0}missions", false))
        );
    }

    #[test]
    fn digit_runs_parse_as_str_parse_does() {
        // Runs of up to 17 digits with a point anywhere or none, from a
        // fixed linear congruential sequence: the integer fast path and
        // the fallback must both give `parse`'s f64 bit for bit.
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            x >> 33
        };
        for _ in 0..200_000 {
            let len = 1 + (next() % 17) as usize;
            let mut run: String = (0..len)
                .map(|_| char::from(b'0' + (next() % 10) as u8))
                .collect();
            if next() % 4 != 0 {
                run.insert((next() as usize) % (len + 1), '.');
            }
            let want: Option<f64> = run.parse().ok();
            let got = parse_digits(&run).map(|(v, rest, _)| {
                assert_eq!(rest, "");
                v
            });
            assert_eq!(got.map(f64::to_bits), want.map(f64::to_bits), "{run}");
        }
        for (s, want) in [(".", None), ("5.", Some(5.0)), (".5", Some(0.5))] {
            assert_eq!(parse_digits(s).map(|r| r.0), want, "{s}");
        }
        assert_eq!(parse_digits(",,"), None);
        assert_eq!(
            parse_digits("1,000,000.25m"),
            Some((1e6 + 0.25, "m", true))
        );
    }

    #[test]
    fn codes_are_three_capitals_and_tables_find_their_words() {
        for c in CODES {
            assert_eq!(currency_code(c), Some(*c));
        }
        assert_eq!(currency_code("usd"), None);
        // The first entry of a word wins in both.
        for &(w, _) in MEASURES {
            assert_eq!(MEASURE_TABLE.get(w), lookup(MEASURES, w));
        }
        for &(w, _) in CURRENCY_WORDS {
            assert_eq!(CURRENCY_TABLE.get(w), lookup(CURRENCY_WORDS, w));
        }
        for (list, words) in [
            (&TIME_UNIT_LIST, TIME_UNITS),
            (&FUNCTION_WORD_LIST, FUNCTION_WORDS),
            (&REFERENCE_WORD_LIST, REFERENCE_WORDS),
        ] {
            for w in words {
                assert!(list.has(w), "{w}");
            }
            assert!(!list.has("zzz") && !list.has(""));
        }
    }

    #[test]
    fn every_qualifier_ends_with_a_listed_word() {
        for (words, _) in QUALIFIERS {
            let last = words.last().expect("a word");
            assert!(ends_qualifier(last), "{last}");
        }
    }

    #[test]
    fn a_phrase_cut_after_any_word_reads_without_a_panic() {
        // `audit` reads a claim's quote alone, which may end where the
        // grammar looks one or two words further.
        let phrases = [
            "cut its staff by a third in 2024",
            "fell by roughly a fifth to 178,000",
            "a third lower than a year ago",
            "one in three adults and 2 of every 5 quotas",
            "between eight and 10 people",
            "a vote of 323 to 272",
            "A$1 billion to A$1.5 billion",
            "45.8C (114.4F) and 2 degrees Celsius",
            "1,612 per U.S. dollar",
            "at the age of 26 and died at 91",
            "a magnitude-6.4 quake",
            "more than double the 1.5 million",
            "4.3 million twenty-foot equivalent units",
            "half a million people a year",
        ];
        for p in phrases {
            for (i, _) in p.match_indices(' ') {
                let _ = fig(&p[..i]);
            }
            assert!(fig(p).is_some(), "{p:?}");
        }
        let third = fig("a third").expect("a third");
        assert!((third.value - 1.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn a_share_of_change_before_a_time_is_a_fraction() {
        for s in [
            "Acme cut its staff by a third last year.",
            "Sales fell by a quarter this year.",
            "Exports rose by a fifth during the war.",
            "He pledged to cut taxes by a fifth within 12 months.",
            "Profits rose by a quarter after the merger.",
        ] {
            let f = fig(s).expect(s);
            assert_eq!(f.kind, ClaimKind::Fraction, "{s:?}");
        }
        // "a third party" is an ordinal.
        assert!(fig("It was sold by a third party.").is_none());
    }

    #[test]
    fn a_fraction_of_a_unit_of_time_is_a_duration() {
        for s in [
            "They talked for half an hour.",
            "The city was divided for nearly half a century.",
            "It lasted over a quarter of a century.",
            "The wait took an hour and a half.",
            "The war lasted a decade and a half.",
        ] {
            assert!(fig(s).is_none(), "{s:?}");
        }
        for s in ["Half of the staff left.", "He ate half a pizza."] {
            let f = fig(s).expect(s);
            assert_eq!(f.kind, ClaimKind::Fraction, "{s:?}");
        }
    }

    #[test]
    fn a_change_by_a_record_figure_to_a_level_is_two_figures() {
        let s = "The herd shrank by a record 41,000 to 2.6 million.";
        let f = fig(s).expect(s);
        assert_eq!(f.value, 41_000.0);
        assert_eq!(f.value_max, None);
    }

    #[test]
    fn feet_and_inches_are_one_height_in_feet() {
        for (s, v, quote) in [
            ("The centre is 6ft 9in and quick.", 6.75, "6ft 9in"),
            ("She stands 5 feet 6 inches tall.", 5.5, "5 feet 6 inches"),
            ("The suspect is 6ft 2in tall.", 6.17, "6ft 2in"),
            ("He is 5 feet 11 inches.", 5.92, "5 feet 11 inches"),
        ] {
            let f = fig(s).expect(s);
            assert_eq!(f.unit, "foot", "{s:?}");
            assert!((f.value - v).abs() < 1e-9, "{s:?}: {}", f.value);
            assert_eq!(&s[f.value_span.range()], quote, "{s:?}");
        }
        // Inches that measure something else stay apart.
        let f =
            fig("The wall is 10ft high and 3 inches thick.").expect("10ft");
        assert_eq!(f.value, 10.0);
    }

    #[test]
    fn a_decade_of_someone_s_age_is_an_age_range() {
        for (s, lo) in [
            ("The man appeared to be in his early 50s, police said.", 50.0),
            ("Women in their 30s moved first.", 30.0),
        ] {
            let f = fig(s).expect(s);
            assert_eq!(f.unit, "year", "{s:?}");
            assert_eq!((f.value_min, f.value_max), (Some(lo), Some(lo + 9.0)));
        }
        // A decade of the calendar or of a temperature is no age.
        assert!(fig("Prices rose in the 90s.").is_none());
        assert!(fig("Highs in the 80s are expected.").is_none());
    }

    #[test]
    fn a_hyphen_left_hanging_shares_the_next_figure_s_unit() {
        let f =
            fig("She is the mother of 7- and 8-year old boys.").expect("7");
        assert_eq!((f.value, f.unit), (7.0, "year"));
        let f = fig("the 10- and 20-kilometre races").expect("10");
        assert_eq!((f.value, f.unit), (10.0, "kilometer"));
        assert!(fig("It sold two- and five-year bonds.").is_none());
        let f = fig("an 8-year old boy").expect("8");
        assert_eq!((f.value, f.unit), (8.0, "year"));
    }

    #[test]
    fn a_count_of_a_noun_per_unit_of_time_is_a_rate() {
        let text = "The country is hit by about 20 typhoons a year.";
        let m = document_mentions(text).into_iter().find(|m| m.claim);
        let m = m.expect("a rate");
        assert_eq!(m.span.of(text), "about 20 typhoons a year");
        assert_eq!(m.entities[0].0, EntityType::Quantity);
        assert_eq!(m.modifier_noun.map(|s| s.of(text)), Some("typhoons"));
        // A time a year before is no rate.
        let text = "They sold 3 million cars a year earlier.";
        let m = document_mentions(text).into_iter().find(|m| m.claim);
        assert_eq!(m.expect("a count").span.of(text), "3 million");
    }

    #[test]
    fn a_number_before_a_capitalized_number_word_is_a_name() {
        assert_eq!(fig("A 7-Eleven store opened."), None);
        assert!(fig("a seven-year term").is_none());
        assert!(fig("a 7-metre wall").is_some());
    }

    #[test]
    fn a_house_number_is_no_figure() {
        for s in [
            "The couple live at 601 Riverview Dr. in Florence.",
            "He lives at 10 Downing Street, London.",
            "The office at 221\nBaker Street closed.",
        ] {
            assert!(fig(s).is_none(), "{s:?}");
        }
        // A count of the street's kind, or a count before a name.
        for s in [
            "She met 5 Wall Street bankers.",
            "The firm hired 40 Goldman Sachs analysts.",
        ] {
            assert!(fig(s).is_some(), "{s:?}");
        }
    }

    #[test]
    fn a_pronoun_one_before_a_preposition_is_no_figure() {
        assert!(fig("the current one without him").is_none());
        assert!(fig("They paid one dollar without a receipt.").is_some());
    }

    #[test]
    fn frequencies_that_name_a_band_are_no_claim() {
        assert!(fig("bids in the 900 MHz and 2100 MHz bands").is_none());
        assert!(fig("the 700 MHz band").is_none());
        assert!(fig("it bought 97 megahertz of spectrum").is_some());
    }

    #[test]
    fn one_of_is_not_a_claim() {
        assert_eq!(fig("one of the largest"), None);
        assert!(fig("one witness").is_some());
    }

    #[test]
    fn words_split_at_every_hyphen_after_quotes_and_dashes() {
        // Curly quotes and dashes share the byte `‐` and `‑` start with:
        // the words after them are still read for hyphens, each one.
        let text = "“Well-known” — a 19-year-old co‑chair’s three‐way “x” \
                    mid-2020 and well‐off";
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        let mut scanner = Scanner::default();
        scanner.load(text, &toks);
        let pieces: Vec<&str> =
            (0..scanner.p.len()).map(|i| scanner.raw(text, i)).collect();
        // The pieces, token by token, split as `split_inclusive` does.
        let mut want = Vec::new();
        for t in &toks {
            let s = t.span.of(text);
            if t.kind != TokenKind::Word || !s.contains(['-', '‐', '‑']) {
                want.push(s);
                continue;
            }
            for part in s.split_inclusive(['-', '‐', '‑']) {
                let h = part.chars().last().filter(|c| "-‐‑".contains(*c));
                let cut = part.len() - h.map_or(0, char::len_utf8);
                want.extend(
                    [&part[..cut], &part[cut..]]
                        .iter()
                        .filter(|p| !p.is_empty()),
                );
            }
        }
        assert_eq!(pieces, want);
        assert!(pieces.contains(&"2020") && pieces.contains(&"chair’s"));
    }

    #[test]
    fn the_next_dash_or_non_ascii_byte_is_found_at_any_offset() {
        let text = "plain words only, then well-known “quotes” and 5-6 \
                    ‐ done";
        let b = text.as_bytes();
        for from in 0..b.len() {
            for to in from..=b.len() {
                let want = (from..to)
                    .find(|&k| b[k] == b'-' || b[k] >= 0x80)
                    .unwrap_or(to);
                assert_eq!(next_special(b, from, to), want, "{from}..{to}");
            }
        }
    }

    #[test]
    fn rupee_follows_the_document() {
        assert_eq!(Currency::rupee_for("Pakistan paid Rs 5"), Currency::Pkr);
        assert_eq!(Currency::rupee_for("India paid Rs 5"), Currency::Inr);
        assert_eq!(Currency::rupee_for("no currency here"), Currency::Inr);
    }

    #[test]
    fn every_unit_name_has_a_symbol() {
        for &(_, name) in MEASURES {
            assert!(lookup(SYMBOLS, name).is_some(), "{name}: no symbol");
        }
        for name in ["square foot", "square kilometer", "square meter"] {
            assert_ne!(unit_symbol(name), name, "{name}: no symbol");
        }
        assert_eq!(unit_symbol("tonne"), "t");
        assert_eq!(unit_symbol("ton"), "ton");
        assert_eq!(unit_symbol("EUR"), "EUR");
        assert_eq!(unit_symbol("%"), "%");
    }
}
