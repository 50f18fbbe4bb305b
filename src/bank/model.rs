//! The fact bank's data model: what `questions.json` holds. The format is
//! documented for bank authors in `docs/bank-format.md`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The newest schema version this binary reads; every older one loads too.
pub const SCHEMA_VERSION: u32 = 2;

/// A bank. `Q` is what its questions are read into: the questions
/// themselves, or [`serde::de::IgnoredAny`] for commands that never ask any.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(bound = "Q: JsonSchema + Default + Serialize")]
#[schemars(
    title = "factcheck fact bank",
    description = "One article, the facts it states and the quiz questions built on them; see docs/bank-format.md."
)]
pub struct Bank<Q = Vec<Question>> {
    /// Where editors find this format's JSON Schema, e.g.
    /// `https://…/bank.schema.json` or a local path; ignored by factcheck.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// `1` or `2`; a bank using measures, periods, durations or bounds says `2`.
    pub schema_version: u32,
    /// The article.
    pub source: Source,
    /// Named things: countries, cities, people, organisations, events, …
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// Dates known by name ("New Year's Day").
    #[serde(default)]
    pub named_dates: Vec<NamedDate>,
    /// Bank-specific words for the verifier.
    #[serde(default)]
    pub lexicon: Lexicon,
    /// Every checkable claim of the article.
    pub facts: Vec<Fact>,
    /// The quiz, each question tied to a fact.
    #[serde(default)]
    pub questions: Q,
    /// Id → position, for lookups that do not scan; filled on load.
    #[serde(skip)]
    pub(crate) ids: Ids,
}

/// Positions of entities and facts by id.
#[derive(Debug, Clone, Default)]
pub(crate) struct Ids {
    entities: rustc_hash::FxHashMap<String, usize>,
    facts: rustc_hash::FxHashMap<String, usize>,
}

/// Where the facts come from; `text` is the article itself, so every quote
/// can be checked against it.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    /// Publication date, `YYYY-MM-DD`.
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The article itself; every fact's `quote` must appear in it verbatim.
    pub text: String,
}

/// What an entity is; countries, cities and regions are places.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Country,
    City,
    Region,
    Organisation,
    Person,
    Event,
    Treaty,
    Other,
}

impl EntityKind {
    /// Kinds that can fill a "where" slot.
    pub fn is_place(self) -> bool {
        matches!(
            self,
            EntityKind::Country | EntityKind::City | EntityKind::Region
        )
    }
}

/// A named thing the article speaks of.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    /// Unique; facts, values and answers refer to it.
    pub id: String,
    /// How it is shown.
    pub name: String,
    pub kind: EntityKind,
    /// Every way the article or a reader may name it.
    pub aliases: Vec<String>,
    /// Names of its people ("Danes", "Norwegians"); they count as the
    /// entity, and a fact with `people` set only accepts those it lists.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub demonyms: Vec<String>,
    /// A capital that stands for its government ("Paris announced…").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stands_for: Option<String>,
    /// The larger place this one lies in, so "in the United States" holds
    /// for a fact placed in one of its cities.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
}

/// A date known by name ("New Year's Day"); without a year it matches that
/// day in any year, with a year in the statement it is that exact day.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NamedDate {
    pub names: Vec<String>,
    /// 1 to 12.
    pub month: u8,
    /// 1 to 31.
    pub day: u8,
}

/// Bank-specific words for the verifier, on top of its built-in English.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    /// Words that never change a statement's meaning for this bank.
    #[serde(default)]
    pub filler: Vec<String>,
    /// Pairs of words of opposite meaning.
    #[serde(default)]
    pub antonyms: Vec<[String; 2]>,
}

/// One checkable claim of the article.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// Unique; questions and the quiz history refer to it.
    pub id: String,
    /// A short word; `quiz --topic` and `facts --topic` filter on it.
    pub topic: String,
    /// The claim in plain words; `verify` must judge it SUPPORTED.
    pub statement: String,
    /// The article's own words, verbatim.
    pub quote: String,
    /// Ids of the entities the fact is about.
    #[serde(default)]
    pub entities: Vec<String>,
    /// Words a statement about this fact may use (synonyms, inflections).
    #[serde(default)]
    pub keywords: Vec<String>,
    /// If given, a statement must use one of these words to be about this
    /// fact: the fact's key verb, when its quote holds words that would
    /// otherwise let a different claim match ("invited to attend").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<String>,
    /// The entity the fact's values describe ("Denmark" is the 12th …): a
    /// statement giving the value to another of its entities ("Norway is
    /// the 12th …") is not covered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Entities whose people the fact is about ("Norwegians visited"):
    /// a statement about another people ("Danes visited") is not covered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<String>,
    /// Words that set the frame the fact holds in ("before" the pandemic):
    /// a statement using their opposite speaks of another frame, which the
    /// article does not cover (NOT_ENOUGH_INFO rather than REFUTED).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scope_words: Vec<String>,
    /// Typed values, compared by value rather than by wording.
    #[serde(default)]
    pub values: Vec<Value>,
}

/// Whether a value is what the fact asserts, or the frame it holds in (the
/// year a figure is for). A different claim value refutes; a different
/// scope means the article does not say.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    #[default]
    Claim,
    Scope,
}

impl Role {
    fn is_claim(&self) -> bool {
        *self == Role::Claim
    }
}

/// A typed value of a fact; `text` is how explanations and corrections
/// write it.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "lowercase", deny_unknown_fields)]
pub enum Value {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the precision is the form.
    Date {
        value: String,
        text: String,
        #[serde(default, skip_serializing_if = "Role::is_claim")]
        role: Role,
    },
    /// A rank: `value` 12 for "12th".
    Ordinal {
        value: u64,
        text: String,
        #[serde(default, skip_serializing_if = "Role::is_claim")]
        role: Role,
    },
    /// A number of things; `approx` when the article says "about".
    Count {
        value: f64,
        #[serde(default)]
        approx: bool,
        /// The figure is a bound ("more than 3,000"), not a point.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        bound: Option<Bound>,
        text: String,
        #[serde(default, skip_serializing_if = "Role::is_claim")]
        role: Role,
    },
    /// An amount of money.
    Money {
        value: f64,
        /// ISO 4217 code, e.g. `USD`.
        currency: String,
        #[serde(default)]
        approx: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        bound: Option<Bound>,
        text: String,
        #[serde(default, skip_serializing_if = "Role::is_claim")]
        role: Role,
    },
    /// An amount in a unit: `m`, `km`, `cm`, `mm`, `ft`, `in`, `mi`, `yd`,
    /// `kg`, `g`, `t`, `lb`, `K`, `C`, `F`, `m2`, `km2`, `m/s`, `km/h`,
    /// `mph`, `km/s`, `ft/s`, `kn`, `%`, or `clock` (a time of day in hours
    /// after midnight: 23.25 is 23:15).
    Measure {
        value: f64,
        #[schemars(extend("examples" = ["m", "km", "cm", "mm", "ft", "in", "mi", "yd", "kg", "g", "t", "lb", "K", "C", "F", "m2", "km2", "mi2", "ft2", "ha", "acre", "L", "mL", "m3", "km3", "kW", "MW", "GW", "kWh", "MWh", "GWh", "TWh", "m/s", "km/h", "mph", "km/s", "ft/s", "kn", "L/s", "L/min", "L/h", "m3/s", "m3/min", "m3/h", "%", "clock"]))]
        unit: String,
        #[serde(default)]
        approx: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        bound: Option<Bound>,
        text: String,
        #[serde(default, skip_serializing_if = "Role::is_claim")]
        role: Role,
    },
    /// A span of time, each end `YYYY[-MM[-DD]]`.
    Period {
        from: String,
        until: String,
        text: String,
        #[serde(default, skip_serializing_if = "Role::is_claim")]
        role: Role,
    },
    /// Elapsed time in a unit: `day`, `week`, `month`, `year`, `decade`,
    /// `century`.
    Duration {
        value: f64,
        #[schemars(extend("examples" = ["day", "week", "month", "year", "decade", "century"]))]
        unit: String,
        #[serde(default)]
        approx: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        bound: Option<Bound>,
        text: String,
        #[serde(default, skip_serializing_if = "Role::is_claim")]
        role: Role,
    },
    /// Where: `entity` is an entity id, also listed in the fact's `entities`.
    Place {
        entity: String,
        text: String,
        #[serde(default, skip_serializing_if = "Role::is_claim")]
        role: Role,
    },
    /// Who: `entity` is an entity id.
    Person {
        entity: String,
        text: String,
        #[serde(default, skip_serializing_if = "Role::is_claim")]
        role: Role,
    },
}

/// Which side of a figure a bounded value lies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Bound {
    /// Below: "under 50 kelvin".
    Lt,
    /// At most: "up to 57 metres".
    Le,
    /// Above: "more than 3,000".
    Gt,
    /// At least.
    Ge,
}

impl Value {
    pub fn text(&self) -> &str {
        match self {
            Value::Date { text, .. }
            | Value::Ordinal { text, .. }
            | Value::Count { text, .. }
            | Value::Money { text, .. }
            | Value::Measure { text, .. }
            | Value::Period { text, .. }
            | Value::Duration { text, .. }
            | Value::Place { text, .. }
            | Value::Person { text, .. } => text,
        }
    }

    pub fn role(&self) -> Role {
        match self {
            Value::Date { role, .. }
            | Value::Ordinal { role, .. }
            | Value::Count { role, .. }
            | Value::Money { role, .. }
            | Value::Measure { role, .. }
            | Value::Period { role, .. }
            | Value::Duration { role, .. }
            | Value::Place { role, .. }
            | Value::Person { role, .. } => *role,
        }
    }

    pub fn entity(&self) -> Option<&str> {
        match self {
            Value::Place { entity, .. } | Value::Person { entity, .. } => Some(entity),
            _ => None,
        }
    }
}

/// A quiz question on one fact: `choice`, `truefalse` or `open`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct Question {
    pub id: String,
    /// The fact this question teaches.
    pub fact: String,
    /// The question; for `truefalse`, a statement.
    pub prompt: String,
    /// Shown after the answer, with the fact's quote.
    pub explanation: String,
    #[serde(flatten)]
    pub body: QuestionBody,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    Choice,
    Truefalse,
    Open,
}

impl QuestionKind {
    pub fn name(self) -> &'static str {
        match self {
            QuestionKind::Choice => "choice",
            QuestionKind::Truefalse => "truefalse",
            QuestionKind::Open => "open",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum QuestionBody {
    Choice {
        choices: Vec<String>,
        answer: String,
    },
    Truefalse {
        answer: bool,
    },
    Open {
        answer: OpenAnswer,
    },
}

impl Question {
    pub fn kind(&self) -> QuestionKind {
        match self.body {
            QuestionBody::Choice { .. } => QuestionKind::Choice,
            QuestionBody::Truefalse { .. } => QuestionKind::Truefalse,
            QuestionBody::Open { .. } => QuestionKind::Open,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum AnswerType {
    Number,
    Ordinal,
    Date,
    Money,
    Place,
    Person,
    Text,
    Measure,
    Period,
    Duration,
}

impl AnswerType {
    /// The type's name as the bank writes it.
    pub fn name(self) -> &'static str {
        match self {
            AnswerType::Number => "number",
            AnswerType::Ordinal => "ordinal",
            AnswerType::Date => "date",
            AnswerType::Money => "money",
            AnswerType::Place => "place",
            AnswerType::Person => "person",
            AnswerType::Text => "text",
            AnswerType::Measure => "measure",
            AnswerType::Period => "period",
            AnswerType::Duration => "duration",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenAnswer {
    #[serde(rename = "type")]
    pub kind: AnswerType,
    /// Always a string. Number: `12500`; ordinal: `12`; date:
    /// `YYYY[-MM[-DD]]`; money: `5000000 USD`; measure: `6.5 m`; period:
    /// `1961/1968`; duration: `5 year`; place/person: an entity id; text:
    /// the answer.
    pub value: String,
    /// How to show the answer, when `value` is not made for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
    /// Other answers that count as right.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accept: Vec<String>,
}

/// What a bank's questions were read into: the questions, or nothing.
pub trait QuestionList {
    fn as_slice(&self) -> &[Question];
}

impl QuestionList for Vec<Question> {
    fn as_slice(&self) -> &[Question] {
        self
    }
}

impl QuestionList for serde::de::IgnoredAny {
    fn as_slice(&self) -> &[Question] {
        &[]
    }
}

impl<Q> Bank<Q> {
    /// Indexes entities and facts by id (the first of a duplicated id
    /// wins, as a scan would find it).
    pub fn index_ids(&mut self) {
        let mut ids = Ids::default();
        for (i, e) in self.entities.iter().enumerate() {
            ids.entities.entry(e.id.clone()).or_insert(i);
        }
        for (i, f) in self.facts.iter().enumerate() {
            ids.facts.entry(f.id.clone()).or_insert(i);
        }
        self.ids = ids;
    }

    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.fact_index(id).map(|i| &self.facts[i])
    }

    /// The index of the fact [`Bank::fact`] gives.
    pub fn fact_index(&self, id: &str) -> Option<usize> {
        if self.ids.facts.len() == self.facts.len() && !self.facts.is_empty() {
            return self.ids.facts.get(id).copied();
        }
        self.facts.iter().position(|f| f.id == id)
    }

    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entity_index(id).map(|i| &self.entities[i])
    }

    pub fn entity_index(&self, id: &str) -> Option<usize> {
        // A bank built in code, not loaded, has no index yet: scan.
        if self.ids.entities.len() == self.entities.len() && !self.entities.is_empty() {
            return self.ids.entities.get(id).copied();
        }
        self.entities.iter().position(|e| e.id == id)
    }

    /// Topics in first-seen order.
    pub fn topics(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for f in &self.facts {
            if !out.contains(&f.topic.as_str()) {
                out.push(&f.topic);
            }
        }
        out
    }
}
