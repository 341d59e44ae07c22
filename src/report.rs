//! The report: the one model every renderer reads, and the JSON contract of SPEC §6
//! (`schema_version` 1). Deserialize is implemented too, so `skillgap diff` can read saved reports.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::profile::{Importance, Tier};
use crate::skills::{LastUsed, Unrecognized};

pub const SCHEMA_VERSION: u32 = 1;

/// Text in a report: borrowed from the catalog, the profiles and the person's skills while a
/// report is built (a batch builds thousands, each naming hundreds of skills), owned when a saved
/// report is read back.
pub type Text<'a> = Cow<'a, str>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Report<'a> {
    /// Always 1 for this shape; a change that breaks readers raises it.
    #[schemars(extend("const" = 1))]
    pub schema_version: u32,
    pub subject: Subject,
    /// The skills recognized in the input.
    pub skills: Vec<ReportSkill<'a>>,
    /// Names that matched no skill, with a "did you mean" suggestion when one is close.
    pub unrecognized: Vec<Unrecognized>,
    /// Notes about the input that did not stop it being read; absent when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// One entry per assessed role (or job posting), highest score first.
    pub roles: Vec<RoleFit<'a>>,
    /// The missing skills across the roles, ordered to learn: prerequisites first, then by gain.
    pub learning_plan: Vec<PlanItem<'a>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    /// The person's name, when the input gives one.
    pub name: Option<String>,
    /// Where the skills came from: a path, `-` for standard input, or `questionnaire`.
    pub source: String,
    /// Years of work experience (stated, or from a résumé's dated positions); null when unknown.
    #[schemars(range(min = 0))]
    pub years_experience: Option<f64>,
}

/// A skill the person has, as recognized.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportSkill<'a> {
    /// The catalog id (`skillgap skills` lists them).
    pub id: Text<'a>,
    pub name: Text<'a>,
    /// 0 none, 1 aware, 2 working, 3 proficient, 4 expert.
    #[schemars(range(max = 4))]
    pub level: u8,
    /// Years of use the person states; absent when none is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "f64", range(min = 0))]
    pub years: Option<f64>,
    /// The line of the input it was found in; null when the input gives none.
    pub evidence: Option<Text<'a>>,
    /// How the input named it ("alias torch", "mentioned in text as ML", …).
    pub via: Text<'a>,
    /// Months of use from the dated positions that show it (or the years the person gives); null
    /// when no dates support it.
    // Saved reports from before these fields read as unknown.
    #[serde(default)]
    pub months: Option<u32>,
    /// The year it was last used, or `"current"`; null when no dates say.
    #[serde(default)]
    pub last_used: Option<LastUsed>,
    /// How many dated positions show it.
    #[serde(default)]
    pub positions: u32,
    /// False when it is only listed or named in a summary: claimed, not shown.
    #[serde(default = "yes")]
    pub evidenced: bool,
    /// The rule that set the level, and the line that proves it.
    #[serde(default)]
    pub level_reason: Text<'a>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleFit<'a> {
    /// The role id; for a `--job` posting, the id made from its title (`job-…`).
    pub id: Text<'a>,
    pub title: Text<'a>,
    /// The score at `target_tier`, 0–100.
    #[schemars(range(min = 0, max = 100))]
    pub score: f64,
    /// What the credits earn at `target_tier` before the cap of the blocking gaps (equal to
    /// `score` when nothing blocks).
    // Saved reports from before it read as 0.
    #[serde(default)]
    #[schemars(range(min = 0, max = 100))]
    pub uncapped_score: f64,
    /// The highest tier (up to the target) whose band the person meets and whose score clears the
    /// fit threshold; null when none does.
    pub tier: Option<Tier>,
    /// The tier the score and the gaps refer to: the person's experience band, or `--tier`.
    pub target_tier: Tier,
    /// For a résumé, the years of its positions that show this role's skills (what places it in
    /// the role's tiers; `subject.years_experience` is all work); null for the person's own
    /// statement, whose years count as given.
    #[serde(default)]
    #[schemars(range(min = 0))]
    pub relevant_years: Option<f64>,
    /// The score at each of the role's tiers.
    pub tiers: Vec<TierScore>,
    /// The score per requirement category at `target_tier`.
    pub categories: Vec<CategoryScore<'a>>,
    /// Essential skills below half their required level at the target tier: they cap the score.
    pub blocking: Vec<Text<'a>>,
    /// The requirements the person meets, fully or in part.
    pub matched: Vec<Matched<'a>>,
    /// The requirements below their required level, highest gain first.
    pub missing: Vec<Missing<'a>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TierScore {
    pub tier: Tier,
    #[schemars(range(min = 0, max = 100))]
    pub score: f64,
    /// Whether the person's years of experience reach this tier's band (true when years are unknown).
    pub in_band: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryScore<'a> {
    pub id: Text<'a>,
    pub name: Text<'a>,
    #[schemars(range(min = 0, max = 100))]
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Matched<'a> {
    /// The catalog id of the required skill.
    pub skill: Text<'a>,
    pub name: Text<'a>,
    pub importance: Importance,
    /// The person's effective level (implied and related credit included).
    #[schemars(range(min = 0, max = 4))]
    pub level: f64,
    #[schemars(range(min = 1, max = 4))]
    pub required_level: u8,
    /// How the credit came: the person's own skill as named, "implied by …" (a skill it implies), "needed by …" (knowledge a shown skill needs) or "partial, via …".
    pub via: Text<'a>,
    /// The input line behind the credit; absent when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub evidence: Option<Text<'a>>,
    /// Credit from a related skill only ("partial, via TensorFlow"): never a full match, and never
    /// enough to satisfy an essential requirement.
    #[serde(default)]
    pub partial: bool,
    /// False when the level comes from a skill the résumé only claims (listed, never shown).
    #[serde(default = "yes")]
    pub evidenced: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Missing<'a> {
    /// The catalog id of the required skill.
    pub skill: Text<'a>,
    pub name: Text<'a>,
    /// The requirement's category id.
    pub category: Text<'a>,
    pub importance: Importance,
    /// The person's effective level now (0 when they do not have it).
    #[schemars(range(min = 0, max = 4))]
    pub current_level: f64,
    #[schemars(range(min = 1, max = 4))]
    pub required_level: u8,
    /// Points the role's score would rise if the person reached `required_level` in this skill.
    #[schemars(range(min = 0, max = 100))]
    pub gain: f64,
    /// An essential skill below half its required level: it caps the role's score.
    pub blocking: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanItem<'a> {
    /// The catalog id of the skill to learn.
    pub skill: Text<'a>,
    pub name: Text<'a>,
    /// The level to reach: the highest any improved role requires.
    #[schemars(range(min = 1, max = 4))]
    pub target_level: u8,
    /// The ids of the roles whose score it raises.
    pub roles_improved: Vec<Text<'a>>,
    /// The points it adds, summed over those roles.
    #[schemars(range(min = 0))]
    pub total_gain: f64,
    /// Skills in this plan that need this one first (it was added or moved up for them); absent
    /// when none does.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prerequisite_for: Vec<Text<'a>>,
}

fn owned(text: Text<'_>) -> Text<'static> {
    Cow::Owned(text.into_owned())
}

fn all_owned(texts: Vec<Text<'_>>) -> Vec<Text<'static>> {
    texts.into_iter().map(owned).collect()
}

impl ReportSkill<'_> {
    pub fn into_owned(self) -> ReportSkill<'static> {
        ReportSkill {
            id: owned(self.id),
            name: owned(self.name),
            level: self.level,
            years: self.years,
            evidence: self.evidence.map(owned),
            via: owned(self.via),
            months: self.months,
            last_used: self.last_used,
            positions: self.positions,
            evidenced: self.evidenced,
            level_reason: owned(self.level_reason),
        }
    }
}

impl RoleFit<'_> {
    /// The same fit, owning all its text.
    pub fn into_owned(self) -> RoleFit<'static> {
        RoleFit {
            id: owned(self.id),
            title: owned(self.title),
            score: self.score,
            uncapped_score: self.uncapped_score,
            tier: self.tier,
            target_tier: self.target_tier,
            relevant_years: self.relevant_years,
            tiers: self.tiers,
            categories: self
                .categories
                .into_iter()
                .map(|c| CategoryScore {
                    id: owned(c.id),
                    name: owned(c.name),
                    score: c.score,
                })
                .collect(),
            blocking: all_owned(self.blocking),
            matched: self
                .matched
                .into_iter()
                .map(|m| Matched {
                    skill: owned(m.skill),
                    name: owned(m.name),
                    importance: m.importance,
                    level: m.level,
                    required_level: m.required_level,
                    via: owned(m.via),
                    evidence: m.evidence.map(owned),
                    partial: m.partial,
                    evidenced: m.evidenced,
                })
                .collect(),
            missing: self
                .missing
                .into_iter()
                .map(|m| Missing {
                    skill: owned(m.skill),
                    name: owned(m.name),
                    category: owned(m.category),
                    importance: m.importance,
                    current_level: m.current_level,
                    required_level: m.required_level,
                    gain: m.gain,
                    blocking: m.blocking,
                })
                .collect(),
        }
    }
}

impl PlanItem<'_> {
    pub fn into_owned(self) -> PlanItem<'static> {
        PlanItem {
            skill: owned(self.skill),
            name: owned(self.name),
            target_level: self.target_level,
            roles_improved: all_owned(self.roles_improved),
            total_gain: self.total_gain,
            prerequisite_for: all_owned(self.prerequisite_for),
        }
    }
}

/// The JSON Schema (draft 2020-12) of the report as `--format json` and `batch --format jsonl`
/// write it, generated from these types: `schema/report.schema.json` is this, and `tests/it/schema.rs`
/// fails when the two differ. It describes what is written (the serialize side: a field with a
/// default for reading old reports is still required), not everything `diff` accepts.
pub fn json_schema() -> serde_json::Value {
    // The `default`s the derive copies from serde's are for reading old reports back; what is
    // written always has those fields, so the schema of the output leaves them out.
    let drop_defaults = RecursiveTransform(|schema: &mut schemars::Schema| {
        schema.remove("default");
    });
    let generator = SchemaSettings::draft2020_12()
        .for_serialize()
        .with_transform(drop_defaults)
        .into_generator();
    let mut schema = generator.into_root_schema_for::<Report<'static>>();
    schema.insert(
        "$id".into(),
        "https://skillgap.invalid/schema/report.schema.json".into(),
    );
    schema.insert("title".into(), "skillgap report".into());
    schema.insert(
        "description".into(),
        "The JSON report of `skillgap assess --format json` (SPEC §6, schema_version 1); each line \
         of `skillgap batch --format jsonl` is one. Generated from src/report.rs by tests/it/schema.rs."
            .into(),
    );
    schema.to_value()
}

impl<'a> Report<'a> {
    /// The same report, owning all its text (it no longer borrows the catalog, the profiles or
    /// the person's skills).
    pub fn into_owned(self) -> Report<'static> {
        Report {
            schema_version: self.schema_version,
            subject: self.subject,
            skills: self
                .skills
                .into_iter()
                .map(ReportSkill::into_owned)
                .collect(),
            unrecognized: self.unrecognized,
            warnings: self.warnings,
            roles: self.roles.into_iter().map(RoleFit::into_owned).collect(),
            learning_plan: self
                .learning_plan
                .into_iter()
                .map(PlanItem::into_owned)
                .collect(),
        }
    }

    /// The role with the highest score, if any.
    pub fn best_role(&self) -> Option<&RoleFit<'a>> {
        self.roles.first()
    }

    /// True when no skill was recognized: renderers must say so rather than show "no gaps".
    pub fn has_no_skills(&self) -> bool {
        self.skills.is_empty()
    }
}
