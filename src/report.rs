//! The report: the one model every renderer reads, and the JSON contract of SPEC §6
//! (`schema_version` 1). Deserialize is implemented too, so `skillgap diff` can read saved reports.

use serde::{Deserialize, Serialize};

use crate::profile::{Importance, Tier};
use crate::skills::Unrecognized;

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub schema_version: u32,
    pub subject: Subject,
    pub skills: Vec<ReportSkill>,
    pub unrecognized: Vec<Unrecognized>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    pub roles: Vec<RoleFit>,
    pub learning_plan: Vec<PlanItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    pub name: Option<String>,
    pub source: String,
    pub years_experience: Option<f64>,
}

/// A skill the person has, as recognized.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportSkill {
    pub id: String,
    pub name: String,
    pub level: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<f64>,
    pub evidence: Option<String>,
    pub via: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleFit {
    pub id: String,
    pub title: String,
    /// The score at `target_tier`, 0–100.
    pub score: f64,
    /// The highest tier (up to the target) whose band the person meets and whose score clears the
    /// fit threshold; null when none does.
    pub tier: Option<Tier>,
    /// The tier the score and the gaps refer to: the person's experience band, or `--tier`.
    pub target_tier: Tier,
    pub tiers: Vec<TierScore>,
    pub categories: Vec<CategoryScore>,
    /// Essential skills below half their required level at the target tier: they cap the score.
    pub blocking: Vec<String>,
    pub matched: Vec<Matched>,
    pub missing: Vec<Missing>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierScore {
    pub tier: Tier,
    pub score: f64,
    /// Whether the person's years of experience reach this tier's band (true when years are unknown).
    pub in_band: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryScore {
    pub id: String,
    pub name: String,
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Matched {
    pub skill: String,
    pub name: String,
    pub importance: Importance,
    /// The person's effective level (implied and related credit included).
    pub level: f64,
    pub required_level: u8,
    pub via: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Missing {
    pub skill: String,
    pub name: String,
    pub category: String,
    pub importance: Importance,
    pub current_level: f64,
    pub required_level: u8,
    /// Points the role's score would rise if the person reached `required_level` in this skill.
    pub gain: f64,
    pub blocking: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanItem {
    pub skill: String,
    pub name: String,
    /// The level to reach: the highest any improved role requires.
    pub target_level: u8,
    pub roles_improved: Vec<String>,
    pub total_gain: f64,
    /// Skills in this plan that need this one first (it was added or moved up for them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prerequisite_for: Vec<String>,
}

impl Report {
    /// The role with the highest score, if any.
    pub fn best_role(&self) -> Option<&RoleFit> {
        self.roles.first()
    }

    /// True when no skill was recognized: renderers must say so rather than show "no gaps".
    pub fn has_no_skills(&self) -> bool {
        self.skills.is_empty()
    }
}
