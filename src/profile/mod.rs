//! Role profiles: what a role needs, how much each thing matters, and at which level per tier.
//!
//! A profile is data (`profiles/<id>.json`, compiled in; more with `--profiles DIR`). Loading checks
//! it against the catalog and compiles each requirement to catalog indices, so scoring never looks a
//! name up twice. [`validate`] is the same check, reporting every problem with file and field rather
//! than stopping at the first.

pub mod job;
mod load;
pub mod posting;
mod validate;

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::catalog::SkillIdx;

pub use load::{builtin_profiles, compile, load_dir, parse_profile, ProfileError, ProfileSet};
pub use validate::{validate, Problem};

/// An experience tier. The default bands (entry 0–2 years, mid 3–5, senior 6+) come from the source
/// document's experience benchmarks; a profile may override them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, clap::ValueEnum, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    Entry,
    Mid,
    Senior,
}

impl Tier {
    pub const ALL: [Tier; 3] = [Tier::Entry, Tier::Mid, Tier::Senior];

    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Entry => "entry",
            Tier::Mid => "mid",
            Tier::Senior => "senior",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// Deserialized by hand so that a wrong word gets a plain message.
impl<'de> Deserialize<'de> for Tier {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let expected = "expected one of entry, mid, senior";
        let word = String::deserialize(deserializer)
            .map_err(|_| serde::de::Error::custom(format!("expected a tier: {expected}")))?;
        Tier::ALL
            .into_iter()
            .find(|t| t.as_str() == word)
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "unknown tier `{}`: {expected}",
                    crate::input::shorten(&word, 40)
                ))
            })
    }
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How much a requirement matters, in the source document's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Importance {
    /// "essential": missing it blocks the role.
    Essential,
    /// "increasingly expected", "expected".
    Expected,
    /// "situational": useful in some teams.
    Situational,
    /// "a differentiator": only ever adds.
    Differentiator,
}

impl Importance {
    pub fn as_str(self) -> &'static str {
        match self {
            Importance::Essential => "essential",
            Importance::Expected => "expected",
            Importance::Situational => "situational",
            Importance::Differentiator => "differentiator",
        }
    }

    pub const WORDS: [&'static str; 4] = ["essential", "expected", "situational", "differentiator"];
    pub const ALL: [Importance; 4] = [
        Importance::Essential,
        Importance::Expected,
        Importance::Situational,
        Importance::Differentiator,
    ];

    /// The importance named by `word` (exactly, as written in profiles).
    pub fn from_word(word: &str) -> Option<Importance> {
        Importance::ALL.into_iter().find(|i| i.as_str() == word)
    }
}

/// Deserialized by hand so that a wrong word gets the list of right ones and a "did you mean".
impl<'de> Deserialize<'de> for Importance {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let word = String::deserialize(deserializer).map_err(|_| {
            serde::de::Error::custom(format!(
                "expected an importance word: one of {}",
                Importance::WORDS.join(", ")
            ))
        })?;
        Importance::from_word(&word).ok_or_else(|| {
            let suggestion = Importance::WORDS
                .iter()
                .map(|w| (strsim::jaro_winkler(&word.to_lowercase(), w), *w))
                .filter(|(score, _)| *score > 0.8)
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, w)| format!(" (did you mean `{w}`?)"))
                .unwrap_or_default();
            serde::de::Error::custom(format!(
                "unknown importance `{}`{suggestion}: expected one of {}",
                crate::input::shorten(&word, 40),
                Importance::WORDS.join(", ")
            ))
        })
    }
}

/// A level in a profile: a whole number (1–4 is checked by validation, with every other mistake).
fn deserialize_level<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<u8>, D::Error> {
    // A tier the requirement does not apply at is left out; `null` is a mistake like any other.
    match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::Number(n) => match n.as_u64().and_then(|v| u8::try_from(v).ok()) {
            Some(level) => Ok(Some(level)),
            None => Err(serde::de::Error::custom(format!(
                "level {} is not allowed: expected a whole level from 1 (aware) to 4 (expert)",
                crate::input::shorten(&n.to_string(), 20)
            ))),
        },
        other => Err(serde::de::Error::custom(format!(
            "expected a level from 1 (aware) to 4 (expert), found {}",
            json_kind(&other)
        ))),
    }
}

/// "a string", "an object", … for messages.
pub(crate) fn json_kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "a list",
        serde_json::Value::Object(_) => "an object",
    }
}

impl fmt::Display for Importance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A salary band as the source states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Salary {
    pub min: u32,
    pub max: u32,
    pub currency: String,
    pub period: String,
}

/// The years of experience that place a person in a tier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierBand {
    pub id: Tier,
    pub min_years: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_years: Option<f64>,
    /// Words or phrases of a job title that place a résumé in this tier whatever its years, when
    /// its latest position that shows the role's skills has that title ("vp", "head", "chief" for
    /// an executive role). Lowercase; a single word matches a whole word of the title.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub titles: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// Minimum level per tier; a missing tier means the requirement does not apply there.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierLevels {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "deserialize_level"
    )]
    pub entry: Option<u8>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "deserialize_level"
    )]
    pub mid: Option<u8>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "deserialize_level"
    )]
    pub senior: Option<u8>,
}

impl TierLevels {
    pub fn get(&self, tier: Tier) -> Option<u8> {
        match tier {
            Tier::Entry => self.entry,
            Tier::Mid => self.mid,
            Tier::Senior => self.senior,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    pub skill: String,
    pub importance: Importance,
    pub levels: TierLevels,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileCategory {
    pub id: String,
    pub name: String,
    /// An elective category: only the profile's best [`Profile::electives`] elective categories
    /// (by the person's score in them) count toward the tier score. It holds no essential.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub elective: bool,
    pub requirements: Vec<Requirement>,
}

/// A role profile as written in its JSON file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub id: String,
    pub title: String,
    pub summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salary: Option<Salary>,
    pub tiers: Vec<TierBand>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related_roles: Vec<String>,
    /// How many of the elective categories count: the person's best ones. A specialist is not
    /// expected to cover every specialty of a broad role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub electives: Option<usize>,
    pub categories: Vec<ProfileCategory>,
}

impl Profile {
    /// The band for `tier`, if the profile defines one.
    pub fn band(&self, tier: Tier) -> Option<&TierBand> {
        self.tiers.iter().find(|b| b.id == tier)
    }
}

/// A requirement compiled against the catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledRequirement {
    pub skill: SkillIdx,
    /// Index into `Profile::categories`.
    pub category: usize,
    pub importance: Importance,
    pub levels: TierLevels,
}

/// A profile ready for scoring.
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    pub profile: Profile,
    pub requirements: Vec<CompiledRequirement>,
    /// True for profiles loaded from `--profiles DIR` or a job posting.
    pub custom: bool,
}

impl Role {
    pub fn id(&self) -> &str {
        &self.profile.id
    }
}
