//! What the stages find: entities and numeric claims, as byte spans.

use crate::span::Span;

/// The type of an entity mention, as written to the `type` column.
#[derive(Clone, Copy, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
pub enum EntityType {
    /// A person: `Shehbaz Sharif`.
    Person,
    /// An organization: `Amnesty International`, `UN`.
    Organization,
    /// A place: `Pakistan`, `Kandahar`, `South Asia`.
    Location,
    /// A nationality or group adjective/noun: `Afghan`, `Pakistanis`.
    Nationality,
    /// A date or time expression: `Jan. 1`, `last year`, `Friday`.
    Date,
    /// A count: `235,000`, `four`.
    Count,
    /// An amount of money: `$5 million`.
    Money,
    /// A percentage: `5 percent`.
    Percent,
    /// A measure with a unit: `20 miles`.
    Quantity,
}

impl EntityType {
    /// Every type, in the order used in docs and tables.
    pub const ALL: [EntityType; 9] = [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Location,
        EntityType::Nationality,
        EntityType::Date,
        EntityType::Count,
        EntityType::Money,
        EntityType::Percent,
        EntityType::Quantity,
    ];

    /// The upper-case name written to the tables.
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Organization => "ORGANIZATION",
            EntityType::Location => "LOCATION",
            EntityType::Nationality => "NATIONALITY",
            EntityType::Date => "DATE",
            EntityType::Count => "COUNT",
            EntityType::Money => "MONEY",
            EntityType::Percent => "PERCENT",
            EntityType::Quantity => "QUANTITY",
        }
    }

    /// Parses an upper- or lower-case type name.
    pub fn parse(s: &str) -> Option<EntityType> {
        EntityType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s))
    }

    /// Whether this is one of the numeric mention types.
    pub const fn is_numeric(self) -> bool {
        matches!(
            self,
            EntityType::Count
                | EntityType::Money
                | EntityType::Percent
                | EntityType::Quantity
        )
    }
}

/// Which stage (and which entry or rule in it) produced a finding; written
/// to the `source` column.
#[derive(Clone, Debug, Eq, PartialEq)]
pub enum Origin {
    /// A gazetteer entry, by its index in the pipeline's gazetteer.
    Gazetteer(u32),
    /// A pattern rule, by its index in the pipeline's rule set.
    Rule(u32),
    /// A built-in stage or rule with a fixed name (`date:month_day`).
    Builtin(&'static str),
}

/// Where an entity's canonical name and id come from.
#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub enum Canonical {
    /// Not known: the mention's own text is its name, and it has no id.
    #[default]
    None,
    /// A gazetteer entry, by index.
    Entry(u32),
    /// Another mention in the same document (the full name that a later
    /// short form refers to), by span; the id is that mention's cluster id.
    Mention(Span),
}

/// One entity mention.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: EntityType,
    /// Its canonical name and id.
    pub canonical: Canonical,
    /// What found it.
    pub origin: Origin,
}

/// The kind of a numeric claim.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum ClaimKind {
    /// A count of things: `more than 235,000 peacekeepers`.
    Count,
    /// Money: `$2.3bn`.
    Money,
    /// A percentage: `5 percent`.
    Percent,
    /// A measure with a unit: `20 miles`.
    Quantity,
    /// A fraction: `almost half`.
    Fraction,
    /// A multiplier: `tenfold`, `doubled`.
    Multiplier,
    /// A length of time: `eight decades`.
    Duration,
}

impl ClaimKind {
    /// The upper-case name written to the tables.
    pub const fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Count => "COUNT",
            ClaimKind::Money => "MONEY",
            ClaimKind::Percent => "PERCENT",
            ClaimKind::Quantity => "QUANTITY",
            ClaimKind::Fraction => "FRACTION",
            ClaimKind::Multiplier => "MULTIPLIER",
            ClaimKind::Duration => "DURATION",
        }
    }
}

/// How a qualifier bounds a figure.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub enum Operator {
    /// Exactly, or no qualifier.
    #[default]
    Eq,
    /// About: `nearly`, `around`, `some`.
    Approx,
    /// More than: `over`, `more than`.
    Gt,
    /// At least.
    Ge,
    /// Less than: `under`, `fewer than`.
    Lt,
    /// At most: `up to`.
    Le,
}

impl Operator {
    /// The symbol written to the `operator` column.
    pub const fn as_str(self) -> &'static str {
        match self {
            Operator::Eq => "=",
            Operator::Approx => "~",
            Operator::Gt => ">",
            Operator::Ge => ">=",
            Operator::Lt => "<",
            Operator::Le => "<=",
        }
    }
}

/// One numeric claim: a figure with what it counts, who says so and when.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// What kind of figure.
    pub kind: ClaimKind,
    /// The whole claim phrase: qualifier and figure (`more than 235,000`).
    pub span: Span,
    /// The figure alone (`235,000`).
    pub value_span: Span,
    /// The value (for ranges, the lower end).
    pub value: f64,
    /// The lower end of a range.
    pub value_min: Option<f64>,
    /// The upper end of a range.
    pub value_max: Option<f64>,
    /// The unit: ISO 4217 code for money, the unit name for measures,
    /// `%` for percentages, empty for counts.
    pub unit: &'static str,
    /// The qualifier as written (`nearly`), if any.
    pub qualifier: Option<Span>,
    /// The qualifier as an operator.
    pub operator: Operator,
    /// What is counted or measured (`peacekeepers`).
    pub counted: Option<Span>,
    /// What is counted when no words near the figure name it, and
    /// `counted` is `None`: `vote` for the share a party "came second
    /// with".
    pub counted_implied: Option<&'static str>,
    /// The entity the figure is about (`Pakistan`), as a mention span.
    pub subject: Option<Span>,
    /// Who states it (`International Organization for Migration`).
    pub attribution: Option<Span>,
    /// The date expression the figure refers to (`last year`).
    pub time: Option<Span>,
    /// The rule that assembled it.
    pub rule: &'static str,
}

/// Everything found in one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extraction {
    /// Entities, sorted by start, then end, then type.
    pub entities: Vec<Entity>,
    /// Claims, sorted by start.
    pub claims: Vec<Claim>,
    /// Sentence spans, in order; `sentence_id` is the index here.
    pub sentences: Vec<Span>,
}

impl Extraction {
    /// The index of the sentence holding byte offset `at`.
    pub fn sentence_at(&self, at: usize) -> usize {
        self.sentences.partition_point(|s| s.start <= at).saturating_sub(1)
    }
}
