//! Progress between two assessments: `skillgap diff BEFORE AFTER`.
//!
//! Each side is an input (skills JSON, JSON Resume, text résumé) assessed now, or a JSON report saved
//! earlier with `--format json`. The comparison is pure: two [`Report`]s in, one [`Diff`] out. Per
//! role it gives the score and tier change, the gaps closed, those still open and those that appeared
//! (a higher target tier asks for more); for the person, the skills gained or lost and the levels
//! raised or lowered.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::assess::{self, round1, Options};
use crate::catalog::Catalog;
use crate::input::{self, InputError, InputFormat};
use crate::profile::{Role, Tier};
use crate::report::{Report, RoleFit};

/// The JSON shape of `diff --format json` (its own `schema_version`).
pub const DIFF_SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Diff {
    pub schema_version: u32,
    pub before: Side,
    pub after: Side,
    pub skills_gained: Vec<SkillLevel>,
    pub skills_lost: Vec<SkillLevel>,
    pub levels_raised: Vec<LevelChange>,
    pub levels_lowered: Vec<LevelChange>,
    /// Roles in the after report's order (best first), then any only the before report has.
    pub roles: Vec<RoleChange>,
}

/// One side of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Side {
    pub name: Option<String>,
    pub source: String,
    pub years_experience: Option<f64>,
    pub skills: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkillLevel {
    pub skill: String,
    pub name: String,
    pub level: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelChange {
    pub skill: String,
    pub name: String,
    pub before: u8,
    pub after: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleChange {
    pub id: String,
    pub title: String,
    /// None when the role is not in that report.
    pub score_before: Option<f64>,
    pub score_after: Option<f64>,
    /// after − before, when both are there.
    pub change: Option<f64>,
    pub tier_before: Option<Tier>,
    pub tier_after: Option<Tier>,
    pub target_tier_before: Option<Tier>,
    pub target_tier_after: Option<Tier>,
    /// Missing before, not any more.
    pub gaps_closed: Vec<Gap>,
    /// Missing in both, by gain now (`level_before` < `level` when it improved).
    pub gaps_open: Vec<OpenGap>,
    /// Missing now, not before: the target tier rose, or a level fell.
    pub gaps_new: Vec<OpenGap>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gap {
    pub skill: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenGap {
    pub skill: String,
    pub name: String,
    pub level_before: Option<f64>,
    pub level: f64,
    pub required_level: u8,
    pub gain: f64,
    pub blocking: bool,
}

fn side(report: &Report) -> Side {
    Side {
        name: report.subject.name.clone(),
        source: report.subject.source.clone(),
        years_experience: report.subject.years_experience,
        skills: report.skills.len(),
    }
}

/// The first of `items` with each key: what a linear `find` by key would give, in one pass.
fn first_by_key<T>(items: &[T], key: impl Fn(&T) -> &str) -> HashMap<&str, &T> {
    let mut by_key = HashMap::with_capacity(items.len());
    for item in items {
        by_key.entry(key(item)).or_insert(item);
    }
    by_key
}

/// Compares two reports. Output order follows the reports' own; lookups across them go through
/// maps by id, so a report of 80 000 skills is compared in linear time.
pub fn compare(before: &Report, after: &Report) -> Diff {
    let mut skills_gained = Vec::new();
    let mut levels_raised = Vec::new();
    let mut levels_lowered = Vec::new();
    let before_skills = first_by_key(&before.skills, |s| &s.id);
    for skill in &after.skills {
        match before_skills.get(&*skill.id) {
            None => skills_gained.push(SkillLevel {
                skill: skill.id.to_string(),
                name: skill.name.to_string(),
                level: skill.level,
            }),
            Some(old) if old.level != skill.level => {
                let change = LevelChange {
                    skill: skill.id.to_string(),
                    name: skill.name.to_string(),
                    before: old.level,
                    after: skill.level,
                };
                if skill.level > old.level {
                    levels_raised.push(change);
                } else {
                    levels_lowered.push(change);
                }
            }
            Some(_) => {}
        }
    }
    let after_skills: HashSet<&str> = after.skills.iter().map(|s| &*s.id).collect();
    let skills_lost = before
        .skills
        .iter()
        .filter(|s| !after_skills.contains(&*s.id))
        .map(|s| SkillLevel {
            skill: s.id.to_string(),
            name: s.name.to_string(),
            level: s.level,
        })
        .collect();

    let before_roles = first_by_key(&before.roles, |r| &r.id);
    let mut roles: Vec<RoleChange> = after
        .roles
        .iter()
        .map(|role| role_change(role, before_roles.get(&*role.id).copied(), Some(role)))
        .collect();
    let after_roles: HashSet<&str> = after.roles.iter().map(|r| &*r.id).collect();
    roles.extend(
        before
            .roles
            .iter()
            .filter(|r| !after_roles.contains(&*r.id))
            .map(|r| role_change(r, Some(r), None)),
    );

    Diff {
        schema_version: DIFF_SCHEMA_VERSION,
        before: side(before),
        after: side(after),
        skills_gained,
        skills_lost,
        levels_raised,
        levels_lowered,
        roles,
    }
}

/// How `role` (present in `before`, `after` or both) changed.
fn role_change(role: &RoleFit, before: Option<&RoleFit>, after: Option<&RoleFit>) -> RoleChange {
    let any = role;
    let mut gaps_closed = Vec::new();
    let mut gaps_open = Vec::new();
    let mut gaps_new = Vec::new();
    let missing_before = before.map(|b| first_by_key(&b.missing, |m| &m.skill));
    let missing_after: Option<HashSet<&str>> =
        after.map(|a| a.missing.iter().map(|m| &*m.skill).collect());
    if let Some(before) = before {
        for gap in &before.missing {
            let closed = missing_after
                .as_ref()
                .is_some_and(|missing| !missing.contains(&*gap.skill));
            if closed {
                gaps_closed.push(Gap {
                    skill: gap.skill.to_string(),
                    name: gap.name.to_string(),
                });
            }
        }
    }
    if let Some(after) = after {
        for gap in &after.missing {
            let old = missing_before
                .as_ref()
                .and_then(|missing| missing.get(&*gap.skill).copied());
            let open = OpenGap {
                skill: gap.skill.to_string(),
                name: gap.name.to_string(),
                level_before: old.map(|o| o.current_level),
                level: gap.current_level,
                required_level: gap.required_level,
                gain: gap.gain,
                blocking: gap.blocking,
            };
            if old.is_some() || before.is_none() {
                gaps_open.push(open);
            } else {
                gaps_new.push(open);
            }
        }
    }
    let score_before = before.map(|r| r.score);
    let score_after = after.map(|r| r.score);
    RoleChange {
        id: any.id.to_string(),
        title: any.title.to_string(),
        score_before,
        score_after,
        change: score_before.zip(score_after).map(|(b, a)| round1(a - b)),
        tier_before: before.and_then(|r| r.tier),
        tier_after: after.and_then(|r| r.tier),
        target_tier_before: before.map(|r| r.target_tier),
        target_tier_after: after.map(|r| r.target_tier),
        gaps_closed,
        gaps_open,
        gaps_new,
    }
}

/// What `diff` needs to assess a side that is an input rather than a saved report.
pub struct DiffConfig<'a> {
    pub catalog: &'a Catalog,
    pub roles: Vec<&'a Role>,
    pub options: Options,
    pub input_format: InputFormat,
    /// Role ids chosen with `--role` (saved reports are narrowed to them too).
    pub role_filter: Vec<String>,
}

/// Why a side could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum DiffError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error("{source_name}: this looks like a saved skillgap report (it has `schema_version`), but it is not one this version reads: {message}")]
    Report {
        source_name: String,
        message: String,
    },
}

/// Reads one side: a saved JSON report when the file is a JSON object with `schema_version`,
/// otherwise an input assessed now with `config`.
pub fn load(path: &Path, config: &DiffConfig<'_>) -> Result<Report<'static>, DiffError> {
    let source_name = path.display().to_string();
    let bytes = input::read_source(path)?;
    let text = input::decode(&source_name, &bytes)?;
    if is_saved_report(&text) {
        let mut report: Report = serde_json::from_str(&text).map_err(|e| DiffError::Report {
            source_name: source_name.clone(),
            message: format!(
                "line {}, column {}: {}",
                e.line(),
                e.column(),
                input::describe_json_error(&e)
            ),
        })?;
        if report.schema_version != crate::report::SCHEMA_VERSION {
            return Err(DiffError::Report {
                source_name,
                message: format!(
                    "schema_version {} (expected {})",
                    report.schema_version,
                    crate::report::SCHEMA_VERSION
                ),
            });
        }
        if !config.role_filter.is_empty() {
            report
                .roles
                .retain(|r| config.role_filter.iter().any(|id| *id == r.id));
        }
        return Ok(report);
    }
    let skills = input::parse(&source_name, &text, config.input_format, config.catalog)?;
    Ok(assess::assess(&skills, &config.roles, config.catalog, &config.options).into_owned())
}

/// A JSON object whose top level has a `schema_version` key: a report, not an input.
fn is_saved_report(text: &str) -> bool {
    #[derive(Deserialize)]
    struct Probe {
        schema_version: Option<serde::de::IgnoredAny>,
    }
    let trimmed = text.trim_start();
    trimmed.starts_with('{')
        && serde_json::from_str::<Probe>(trimmed).is_ok_and(|p| p.schema_version.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Importance;
    use crate::report::{Missing, ReportSkill, Subject, SCHEMA_VERSION};

    fn skill(id: &str, level: u8) -> ReportSkill<'static> {
        ReportSkill {
            id: id.to_string().into(),
            name: id.to_uppercase().into(),
            level,
            years: None,
            evidence: None,
            via: "name".into(),
            months: None,
            last_used: None,
            positions: 0,
            evidenced: true,
            level_reason: "".into(),
        }
    }

    fn gap(id: &str, current: f64, gain: f64) -> Missing<'static> {
        Missing {
            skill: id.to_string().into(),
            name: id.to_uppercase().into(),
            category: "frameworks".into(),
            importance: Importance::Essential,
            current_level: current,
            required_level: 3,
            gain,
            blocking: false,
        }
    }

    fn role(
        id: &str,
        score: f64,
        tier: Option<Tier>,
        target: Tier,
        missing: Vec<Missing<'static>>,
    ) -> RoleFit<'static> {
        RoleFit {
            id: id.to_string().into(),
            title: id.to_string().into(),
            score,
            uncapped_score: score,
            tier,
            target_tier: target,
            relevant_years: None,
            tiers: Vec::new(),
            categories: Vec::new(),
            blocking: Vec::new(),
            matched: Vec::new(),
            missing,
        }
    }

    fn report(skills: Vec<ReportSkill<'static>>, roles: Vec<RoleFit<'static>>) -> Report<'static> {
        Report {
            schema_version: SCHEMA_VERSION,
            subject: Subject {
                name: Some("Sam".into()),
                source: "sam.json".into(),
                years_experience: Some(3.0),
            },
            skills,
            unrecognized: Vec::new(),
            warnings: Vec::new(),
            roles,
            learning_plan: Vec::new(),
        }
    }

    #[test]
    fn skills_and_gaps_are_compared() {
        let before = report(
            vec![skill("pytorch", 2), skill("docker", 3), skill("keras", 2)],
            vec![
                role(
                    "dle",
                    40.0,
                    None,
                    Tier::Mid,
                    vec![
                        gap("fsdp", 0.0, 10.0),
                        gap("pytorch", 2.0, 5.0),
                        gap("cuda", 0.0, 2.0),
                    ],
                ),
                role("old", 10.0, None, Tier::Mid, Vec::new()),
            ],
        );
        let after = report(
            vec![skill("pytorch", 3), skill("docker", 2), skill("fsdp", 2)],
            vec![role(
                "dle",
                62.5,
                Some(Tier::Mid),
                Tier::Senior,
                vec![gap("cuda", 1.0, 3.0), gap("nccl", 0.0, 1.0)],
            )],
        );
        let diff = compare(&before, &after);
        let ids = |v: &[SkillLevel]| v.iter().map(|s| s.skill.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&diff.skills_gained), ["fsdp"]);
        assert_eq!(ids(&diff.skills_lost), ["keras"]);
        assert_eq!(diff.levels_raised[0].skill, "pytorch");
        assert_eq!(
            (diff.levels_raised[0].before, diff.levels_raised[0].after),
            (2, 3)
        );
        assert_eq!(diff.levels_lowered[0].skill, "docker");

        let dle = &diff.roles[0];
        assert_eq!(dle.change, Some(22.5));
        assert_eq!((dle.tier_before, dle.tier_after), (None, Some(Tier::Mid)));
        let closed: Vec<&str> = dle.gaps_closed.iter().map(|g| g.skill.as_str()).collect();
        assert_eq!(closed, ["fsdp", "pytorch"]);
        assert_eq!(dle.gaps_open.len(), 1);
        assert_eq!(dle.gaps_open[0].level_before, Some(0.0));
        assert_eq!(dle.gaps_open[0].level, 1.0);
        assert_eq!(dle.gaps_new[0].skill, "nccl");

        // A role only the before report has is kept, with no after score and nothing "closed".
        let old = &diff.roles[1];
        assert_eq!(
            (old.score_before, old.score_after, old.change),
            (Some(10.0), None, None)
        );
        assert!(old.gaps_closed.is_empty());
    }

    #[test]
    fn saved_reports_are_told_from_inputs() {
        assert!(is_saved_report(r#"{"schema_version": 1, "roles": []}"#));
        assert!(!is_saved_report(r#"{"name": "x", "skills": ["PyTorch"]}"#));
        assert!(!is_saved_report("# CV\nPyTorch"));
        assert!(!is_saved_report("{ truncated"));
    }
}
