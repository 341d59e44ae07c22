//! Stage 7: levels. Every sighting of a skill (where it was found, in what kind of place, under
//! which dated position, with which verbs) becomes one [`ClaimedSkill`]: its level, its months of
//! use, when it was last used, in how many positions, whether anything beyond a list shows it, and
//! the sentence that says why. Text, Markdown and JSON Resume all go through [`skills_from`], so the
//! rule exists once; the README's "How levels are read" table is this file.
//!
//! The rule, in order (the constants below hold its numbers):
//!
//! 1. **Used in dated positions** (a bullet or the header of a position with a date range): under
//!    [`YEARS_FOR_PROFICIENT`] years of use → 2; up to [`YEARS_FOR_EXPERT`] → 3; beyond it 3, or 4
//!    when at least [`LINES_AT_SENIOR_FOR_EXPERT`] lines of a senior-or-above position show it, or
//!    one such line has ownership verbs and another position shows it too, or ownership verbs
//!    (led, designed, built, …) do in at least [`OWNERSHIP_BULLETS_FOR_EXPERT`] bullets. Months are the union of the positions' ranges (a sub-period written beside the
//!    mention narrows it), or years stated beside the name when more.
//!    - A level stated for that one skill wins, capped at 3 unless the usage alone reaches 4; a
//!      level stated for a group of names lifts use to at most 3 ([`GROUP_LEVEL_CAP`]), at most 2
//!      for a group of more than [`LARGE_GROUP`], and never lowers what use shows.
//!    - Only weak verbs ("helped", "assisted", "contributed to") → at most 2; only "familiar with",
//!      "exposure to", "coursework", "learning" → at most 1.
//!    - Last used more than [`STALE_YEARS`] years ago (a skills list, a claim, does not renew it): one lower, but
//!      never below working (2), what a list of names alone would claim.
//! 2. **An undated project or undated work**: 2 (a stated level may lower it).
//! 3. **A publication**: 2; **education, coursework or a certificate only**: 1, and still
//!    claimed (it shows learning, not use).
//! 4. **A skills list or table, or a summary, only**: 2 (a stated level may lower it), and
//!    **claimed, not evidenced**.

use std::collections::HashMap;

use super::{Place, Position, Sighting, Strength};
use crate::catalog::{Catalog, SkillIdx};
use crate::input::dates::{self, Day, Interval};
use crate::skills::{ClaimedSkill, LastUsed};

/// Years of use in dated positions from which a skill is *proficient* (3).
pub const YEARS_FOR_PROFICIENT: f64 = 2.5;
/// Years of use beyond which a skill can be *expert* (4), with a senior title or ownership verbs.
pub const YEARS_FOR_EXPERT: f64 = 5.0;
/// Bullets with ownership verbs that make long use *expert* without a senior title.
pub const OWNERSHIP_BULLETS_FOR_EXPERT: usize = 3;
/// Lines of senior-or-above positions that make long use *expert*: a senior title with one passing
/// mention is not ownership.
pub const LINES_AT_SENIOR_FOR_EXPERT: usize = 2;
/// A stated level is at most this unless usage alone reaches 4.
pub const STATED_LEVEL_CAP: u8 = 3;
/// A level written for a group of names ("Advanced: ten tools") is at most this.
pub const GROUP_LEVEL_CAP: u8 = 3;
/// A group of more than this many names gets at most [`LISTED_LEVEL`].
pub const LARGE_GROUP: usize = 8;
/// The level of a skill that is only listed, or only shown in an undated project.
pub const LISTED_LEVEL: u8 = 2;
/// The level of a skill only met in education, coursework or a certificate.
pub const COURSEWORK_LEVEL: u8 = 1;
/// Weak verbs cap a level at this.
pub const WEAK_VERB_CAP: u8 = 2;
/// "Familiar with", "exposure to", "learning" cap a level at this.
pub const AWARE_CAP: u8 = 1;
/// Last used longer ago than this (and not in the skills list): one level lower.
pub const STALE_YEARS: i32 = 10;

/// The skills the sightings show, in order of first sighting. `positions` are the ones the
/// sightings point into; `today` ends an open range.
pub fn skills_from(
    sightings: &[Sighting],
    positions: &[Position],
    catalog: &Catalog,
    today: Day,
) -> Vec<ClaimedSkill> {
    let mut order: Vec<SkillIdx> = Vec::new();
    // Sightings per catalog skill (indexed by skill: a catalog holds a few hundred).
    let mut by_skill: Vec<Vec<&Sighting>> = vec![Vec::new(); catalog.skills().len()];
    for sighting in sightings {
        let Some(slot) = by_skill.get_mut(sighting.skill) else {
            continue;
        };
        if slot.is_empty() {
            order.push(sighting.skill);
        }
        slot.push(sighting);
    }
    let mut skills: Vec<ClaimedSkill> = order
        .into_iter()
        .filter_map(|skill| level_of(skill, &by_skill[skill], positions, catalog, today))
        .collect();
    corroborate(&mut skills, catalog);
    skills
}

/// A claimed tool (a language, framework or platform: [`Catalog::is_tool`]) that a shown skill
/// cannot be used without is shown too:
/// "Python" in a skills list beside a position that ran Ray Tune, "PyTorch" listed beside FSDP
/// work. The shown skill must have the claimed one among its prerequisites (the catalog's "learn
/// this first"); the claim keeps its listed level and gains no months (the work shows it was used,
/// not for how long). One hop from what the résumé itself shows, never from another corroborated
/// claim, and it never adds a skill the person did not name: a list of names with no work behind
/// it stays claimed.
fn corroborate(skills: &mut [ClaimedSkill], catalog: &Catalog) {
    let shown: Vec<SkillIdx> = skills
        .iter()
        .filter(|c| c.evidenced)
        .map(|c| c.skill)
        .collect();
    let corroborable = |c: &ClaimedSkill| !c.evidenced && c.level > 1 && catalog.is_tool(c.skill);
    for claim in skills.iter_mut().filter(|c| corroborable(c)) {
        let Some(&by) = shown
            .iter()
            .find(|&&s| catalog.prerequisites(s).contains(&claim.skill))
        else {
            continue;
        };
        claim.evidenced = true;
        let rule = format!(
            "; used by {} shown in the work, which needs it",
            catalog.skill(by).name
        );
        // After the rule ("listed, not shown in any position"), before the quoted line.
        let at = claim
            .level_reason
            .find("; '")
            .unwrap_or(claim.level_reason.len());
        claim.level_reason.insert_str(at, &rule);
        claim.level_reason = claim
            .level_reason
            .replacen("listed, not shown in any position", "listed", 1)
            .replacen(
                "named in a summary, not shown in any position",
                "named in a summary",
                1,
            );
    }
}

/// The months a set of positions covers (with each sighting's sub-period), overlaps once.
fn intervals_of(of_skill: &[&Sighting], positions: &[Position]) -> Vec<Interval> {
    of_skill
        .iter()
        .filter(|s| s.place.is_position())
        .filter_map(|s| {
            let position = positions.get(s.position?)?;
            let range = position.interval?;
            Some(match s.period {
                Some(period) => Interval {
                    start: period.start.max(range.start),
                    end: period.end.min(range.end).max(period.start.max(range.start)),
                },
                None => range,
            })
        })
        .collect()
}

fn level_of(
    skill: SkillIdx,
    of_skill: &[&Sighting],
    positions: &[Position],
    catalog: &Catalog,
    today: Day,
) -> Option<ClaimedSkill> {
    // "Python (none)" says the person does not have it.
    if of_skill.iter().any(|s| s.stated_level == Some(0)) {
        return None;
    }
    let now = today.month_index();
    let in_position: Vec<&Sighting> = of_skill
        .iter()
        .copied()
        .filter(|s| s.place.is_position() && s.position.is_some())
        .collect();
    let listed = of_skill.iter().any(|s| s.place.is_list());
    // A level stated for this one skill, and one stated for a group it is in.
    let stated_alone = of_skill
        .iter()
        .filter(|s| s.group <= 1)
        .filter_map(|s| s.stated_level)
        .max();
    let stated_group = of_skill
        .iter()
        .filter(|s| s.group > 1)
        .filter_map(|s| {
            let cap = if s.group > LARGE_GROUP {
                LISTED_LEVEL
            } else {
                GROUP_LEVEL_CAP
            };
            s.stated_level.map(|l| l.min(cap))
        })
        .max();
    let stated_years = of_skill
        .iter()
        .filter_map(|s| s.stated_years)
        .fold(None, |a: Option<f64>, y| Some(a.map_or(y, |a| a.max(y))));

    let merged = dates::merge(&intervals_of(of_skill, positions));
    let position_months: i32 = merged.iter().map(|i| i.months()).sum();
    let mut position_ids: Vec<usize> = in_position.iter().filter_map(|s| s.position).collect();
    position_ids.sort_unstable();
    position_ids.dedup();
    let last_end = merged.last().map(|i| i.end);
    let first_start = merged.first().map(|i| i.start);

    let chosen = best_sighting(of_skill, positions);
    let evidence = chosen.map(|s| s.evidence.clone());
    let via = chosen.map_or_else(String::new, |s| s.via.clone());

    let (level, evidenced, reason, months) = if !in_position.is_empty() {
        // Months from the positions' dates; years written beside the name count when more, but
        // never beyond the positions' own span.
        let mut months = position_months.max(0);
        if let Some(years) = stated_years {
            let stated = (years * 12.0).round() as i32;
            let span = match (first_start, last_end) {
                (Some(s), Some(e)) => e - s,
                _ => stated,
            };
            months = months.max(stated.min(span.max(months)));
        }
        let years = f64::from(months) / 12.0;
        let senior_lines = in_position
            .iter()
            .filter(|s| {
                s.position
                    .and_then(|p| positions.get(p))
                    .is_some_and(|p| p.seniority >= super::Seniority::Senior)
            })
            .count();
        let owned_at_senior = in_position.iter().any(|s| {
            s.strength == Strength::Ownership
                && s.position
                    .and_then(|p| positions.get(p))
                    .is_some_and(|p| p.seniority >= super::Seniority::Senior)
        });
        let senior_title = senior_lines >= LINES_AT_SENIOR_FOR_EXPERT
            || (owned_at_senior && position_ids.len() >= 2);
        let ownership_bullets = in_position
            .iter()
            .filter(|s| s.strength == Strength::Ownership)
            .count();
        let usage = if years < YEARS_FOR_PROFICIENT {
            2
        } else if years <= YEARS_FOR_EXPERT {
            3
        } else if senior_title || ownership_bullets >= OWNERSHIP_BULLETS_FOR_EXPERT {
            4
        } else {
            3
        };
        let mut level = usage;
        let mut why = String::with_capacity(96);
        why.push_str("used ");
        push_duration(&mut why, months);
        why.push_str(" in ");
        push_count(&mut why, position_ids.len(), "position");
        if let (Some(start), Some(end)) = (first_start, last_end) {
            why.push_str(", ");
            push_span(&mut why, start, end, now);
        }
        if usage == 4 {
            why.push_str(if senior_title {
                ", at a senior title"
            } else {
                ", with ownership verbs"
            });
        }
        if let Some(stated) = stated_alone {
            let cap = if usage >= 4 { 4 } else { STATED_LEVEL_CAP };
            level = stated.min(cap);
            why.push_str("; stated as ");
            why.push_str(crate::skills::level_word(stated));
        } else if let Some(group) = stated_group {
            // A group's level can lift use up to its cap; it never lowers what use shows.
            level = level.max(group.min(GROUP_LEVEL_CAP));
        }
        // Verbs: the strongest sighting in a position decides.
        let strongest = in_position
            .iter()
            .map(|s| s.strength)
            .max()
            .unwrap_or(Strength::Plain);
        match strongest {
            Strength::Aware => {
                level = level.min(AWARE_CAP);
                why.push_str("; only as familiarity or learning");
            }
            Strength::Weak => {
                level = level.min(WEAK_VERB_CAP);
                why.push_str("; only helped or contributed");
            }
            _ => {}
        }
        if let Some(end) = last_end {
            // Never below working: old use shows no less than a list of names would claim.
            if now - end > STALE_YEARS * 12 && level > LISTED_LEVEL {
                level -= 1;
                why.push_str(&format!("; last used over {STALE_YEARS} years ago"));
            }
        }
        (level.max(1), true, why, Some(months.max(0) as u32))
    } else if let Some(place) = of_skill
        .iter()
        .map(|s| s.place)
        .filter(|p| p.is_evidence())
        .max_by_key(|p| p.evidence_rank())
    {
        let (base, why) = match place {
            Place::Publication => (LISTED_LEVEL, "shown in a publication"),
            Place::Project | Place::PositionBullet | Place::PositionHeader => {
                (LISTED_LEVEL, "shown in an undated project or role")
            }
            _ => (
                COURSEWORK_LEVEL,
                "met in education, coursework or a certificate",
            ),
        };
        let strongest = of_skill
            .iter()
            .filter(|s| s.place.is_evidence())
            .map(|s| s.strength)
            .max()
            .unwrap_or(Strength::Plain);
        let mut level = base;
        if strongest == Strength::Aware {
            level = level.min(AWARE_CAP);
        }
        if let Some(stated) = stated_alone.or(stated_group) {
            level = level.min(stated.max(1));
        }
        let months = stated_years.map(|y| (y * 12.0).round() as u32);
        // A course or a certificate shows learning, not use: still a claim.
        let shows_use = !matches!(place, Place::Education | Place::Certification);
        (level, shows_use, why.to_string(), months)
    } else {
        let stated = stated_alone.or(stated_group);
        let level = stated.map_or(LISTED_LEVEL, |s| s.min(LISTED_LEVEL)).max(1);
        let mut why = if listed {
            "listed, not shown in any position".to_string()
        } else {
            "named in a summary, not shown in any position".to_string()
        };
        if let Some(stated) = stated {
            why.push_str("; stated as ");
            why.push_str(crate::skills::level_word(stated));
        }
        (level, false, why, None)
    };
    let last_used = last_end.map(|end| {
        if end >= now {
            LastUsed::Current
        } else {
            LastUsed::Year((end - 1).div_euclid(12))
        }
    });
    let mut level_reason =
        String::with_capacity(reason.len() + evidence.as_ref().map_or(0, String::len) + 8);
    level_reason.push(char::from(b'0' + level.min(9)));
    level_reason.push_str(": ");
    level_reason.push_str(&reason);
    if let Some(evidence) = &evidence {
        level_reason.push_str("; '");
        level_reason.push_str(evidence);
        level_reason.push('\'');
    }
    let _ = catalog;
    Some(ClaimedSkill {
        skill,
        level,
        years: stated_years,
        evidence,
        via,
        months: if evidenced { months } else { None },
        last_used,
        positions: position_ids.len() as u32,
        evidenced,
        level_reason,
        periods: if evidenced { merged } else { Vec::new() },
    })
}

/// The sighting to quote: an ownership bullet of the latest position, else any position
/// sighting, else the strongest other evidence, else the first list.
fn best_sighting<'a>(of_skill: &[&'a Sighting], positions: &[Position]) -> Option<&'a Sighting> {
    let end_of = |s: &Sighting| {
        s.position
            .and_then(|p| positions.get(p))
            .and_then(|p| p.interval)
            .map_or(i32::MIN, |i| i.end)
    };
    // `max_by_key` keeps the last of equal keys: reversed, that is the first sighting.
    of_skill.iter().rev().copied().max_by_key(|s| {
        (
            s.place.is_position() && s.position.is_some(),
            s.place.is_evidence(),
            // A line that names the skill proves it better than one whose phrasing implies it.
            !s.via.starts_with("read from"),
            s.strength,
            s.place == Place::PositionBullet,
            end_of(s),
        )
    })
}

// The reason is written for every skill of every résumé: these append to it without float
// formatting or intermediate strings.

/// "4.8 years", "9 months" (tenths of a year rounded half up, in whole numbers).
fn push_duration(out: &mut String, months: i32) {
    use std::fmt::Write;
    if months < 12 {
        push_count(out, months.max(0) as usize, "month");
    } else {
        let tenths = (months * 10 + 6) / 12;
        let _ = write!(out, "{}.{} years", tenths / 10, tenths % 10);
    }
}

/// "1 position", "3 positions".
fn push_count(out: &mut String, n: usize, what: &str) {
    use std::fmt::Write;
    let _ = write!(out, "{n} {what}");
    if n != 1 {
        out.push('s');
    }
}

/// "2019–current", "2016–2019", "2021" (month indexes; `end` exclusive).
fn push_span(out: &mut String, start: i32, end: i32, now: i32) {
    use std::fmt::Write;
    let first = start.div_euclid(12);
    let last = (end - 1).div_euclid(12);
    if end >= now {
        let _ = write!(out, "{first}–current");
    } else if last == first {
        let _ = write!(out, "{last}");
    } else {
        let _ = write!(out, "{first}–{last}");
    }
}

/// What a person is credited with in one skill: their own level in it, or the level a skill
/// they have implies (at most [`IMPLIED_LEVEL_CAP`]) or, for knowledge, needs (at most
/// [`PREREQUISITE_LEVEL_CAP`]), with that skill's months and kind (implied
/// by an evidenced tool is evidenced; by a claimed one, claimed).
#[derive(Debug, Clone, PartialEq)]
pub struct Credit {
    pub level: u8,
    pub months: Option<u32>,
    pub evidenced: bool,
    /// The skill it is implied by, `None` for the person's own.
    pub implied_by: Option<SkillIdx>,
}

/// The highest level a skill reaches by implication.
pub const IMPLIED_LEVEL_CAP: u8 = 3;
/// The highest level knowledge reaches by being what a shown skill needs (its prerequisite that
/// is not a tool: [`Catalog::known_prerequisites`]).
pub const PREREQUISITE_LEVEL_CAP: u8 = 2;

/// Every skill a person is credited with: their own, and what those imply, transitively, at the
/// higher of the two levels (as scoring takes it). Months are those of every position that shows
/// the skill or a skill implying it, merged.
pub fn credited(skills: &crate::skills::Skills, catalog: &Catalog) -> HashMap<SkillIdx, Credit> {
    let mut credits: HashMap<SkillIdx, Credit> = HashMap::new();
    // The periods every credited skill is shown in: its own and those of the skills implying it.
    let mut periods: HashMap<SkillIdx, Vec<Interval>> = HashMap::new();
    for claim in &skills.skills {
        credits.insert(
            claim.skill,
            Credit {
                level: claim.level,
                months: claim.months,
                evidenced: claim.evidenced,
                implied_by: None,
            },
        );
    }
    for claim in &skills.skills {
        // The implied closure of this claim, each target offered this claim's level and kind.
        let mut stack = vec![claim.skill];
        let mut seen = vec![claim.skill];
        while let Some(skill) = stack.pop() {
            periods
                .entry(skill)
                .or_default()
                .extend(claim.periods.iter().copied());
            for implied in &catalog.skill(skill).implies {
                let Some(target) = catalog.index_of(implied) else {
                    continue;
                };
                if seen.contains(&target) {
                    continue;
                }
                seen.push(target);
                stack.push(target);
                let offered = Credit {
                    level: claim.level.min(IMPLIED_LEVEL_CAP),
                    months: None,
                    evidenced: claim.evidenced,
                    implied_by: Some(claim.skill),
                };
                // Scoring takes the higher of a skill's own level and what implies it.
                let better = match credits.get(&target) {
                    None => true,
                    Some(held) => {
                        offered.level > held.level
                            || (held.implied_by.is_some()
                                && offered.level == held.level
                                && offered.evidenced
                                && !held.evidenced)
                    }
                };
                if better {
                    credits.insert(target, offered);
                }
            }
        }
    }
    // Knowledge a shown skill builds on, at most at working level, never from a claim.
    for claim in skills.skills.iter().filter(|c| c.evidenced) {
        for &target in catalog.known_prerequisites(claim.skill) {
            let offered = Credit {
                level: claim.level.min(PREREQUISITE_LEVEL_CAP),
                months: None,
                evidenced: true,
                implied_by: Some(claim.skill),
            };
            let better = match credits.get(&target) {
                None => true,
                Some(held) => {
                    offered.level > held.level
                        || (held.implied_by.is_some()
                            && offered.level == held.level
                            && !held.evidenced)
                }
            };
            if better {
                credits.insert(target, offered);
            }
        }
    }
    for (skill, credit) in &mut credits {
        let shown: i32 = dates::merge(periods.get(skill).map_or(&[][..], Vec::as_slice))
            .iter()
            .map(|i| i.months())
            .sum();
        if shown > 0 {
            let shown = shown as u32;
            credit.months = Some(credit.months.map_or(shown, |own| own.max(shown)));
        }
    }
    credits
}

#[cfg(test)]
mod tests {
    use crate::catalog::Catalog;
    use crate::input::dates::Day;
    use crate::skills::{LastUsed, Skills};

    const TODAY: Day = Day {
        year: 2026,
        month: 12,
        day: 1,
    };

    fn read(text: &str) -> Skills {
        crate::input::text::parse_at("cv.md", text, Catalog::builtin().expect("catalog"), TODAY)
            .expect("parses")
    }

    fn held<'a>(skills: &'a Skills, id: &str) -> &'a crate::skills::ClaimedSkill {
        let catalog = Catalog::builtin().expect("catalog");
        skills
            .skills
            .iter()
            .find(|s| catalog.skill(s.skill).id == id)
            .unwrap_or_else(|| panic!("{id} not found"))
    }

    #[test]
    fn levels_follow_the_evidence() {
        let skills = read(
            "## Experience\n\
             ### Senior ML Engineer — Acme (Jan 2019 – present)\n\
             - Led the migration of our training stack to PyTorch FSDP on 256 GPUs.\n\
             - Designed the FSDP wrap policy and wrote the checkpointing for it.\n\
             - Owned the FSDP upgrade path and its on-call.\n\
             - Helped the data team with Airflow DAGs.\n\
             ### Data Analyst — Beta (2014 – 2016)\n\
             - Wrote reports in SQL.\n\
             ## Skills\n\
             Kubernetes, Docker\n\
             ## Education\n\
             - Coursework: Reinforcement learning\n",
        );
        // Eight years in a senior position, owned in several bullets: expert, current.
        let fsdp = held(&skills, "fsdp");
        assert_eq!(fsdp.level, 4, "{}", fsdp.level_reason);
        assert!(fsdp.evidenced);
        assert_eq!(fsdp.months, Some(95));
        assert_eq!(fsdp.last_used, Some(LastUsed::Current));
        assert_eq!(fsdp.positions, 1);
        assert!(fsdp
            .level_reason
            .starts_with("4: used 7.9 years in 1 position, 2019–current"));
        // Only helped with: at most working, though used for years.
        assert_eq!(held(&skills, "airflow").level, 2);
        // Listed only: working, claimed.
        let kubernetes = held(&skills, "kubernetes");
        assert_eq!((kubernetes.level, kubernetes.evidenced), (2, false));
        assert_eq!(kubernetes.months, None);
        // Two years, last used in 2015, over ten years ago: staleness never takes a level below
        // working, what a list of names alone would claim.
        let sql = held(&skills, "sql");
        assert_eq!(sql.level, 2, "{}", sql.level_reason);
        assert!(!sql.level_reason.contains("last used over 10 years ago"));
        assert_eq!(sql.last_used, Some(LastUsed::Year(2015)));
    }

    #[test]
    fn long_owned_work_at_a_senior_title_is_expert_and_a_group_level_never_lowers_it() {
        let text = r#"{
          "skills": [
            {"name": "Distributed training", "level": "Expert",
              "keywords": ["Megatron-LM", "DeepSpeed", "NCCL"]}
          ],
          "work": [
            {"name": "Acme", "position": "Principal Engineer", "startDate": "2021-05",
              "highlights": ["Architected the distributed training stack for our 400B model."]},
            {"name": "Beta", "position": "Research Engineer", "startDate": "2017-03",
              "endDate": "2021-04",
              "highlights": ["Moved distributed training from Horovod to DDP."]},
            {"name": "Gamma", "position": "Engineer", "startDate": "2014-01",
              "endDate": "2017-02",
              "highlights": ["Ran Megatron-LM jobs on the cluster."]}
          ]
        }"#;
        let catalog = Catalog::builtin().expect("catalog");
        let skills = crate::input::json_resume::parse("r.json", text, catalog).expect("parses");
        // Over five years in two positions, one an ownership line at a senior title: expert,
        // and the group's "Expert" (capped at proficient for a group) does not pull it down.
        let dt = held(&skills, "distributed-training");
        assert_eq!(dt.level, 4, "{}", dt.level_reason);
        // One plain line at a senior title in one position, long use: proficient, not expert.
        let megatron = held(&skills, "megatron-lm");
        assert_eq!(megatron.level, 3, "{}", megatron.level_reason);
    }

    #[test]
    fn group_levels_are_capped_and_claims_stay_claims() {
        let text = r#"{
          "skills": [
            {"name": "MLOps", "level": "Master", "keywords": ["Docker", "Kubernetes", "MLflow",
              "Airflow", "Kubeflow", "DVC", "Ray", "Spark", "Terraform"]},
            {"name": "PyTorch", "level": "Expert"}
          ],
          "work": [{"name": "Acme", "position": "ML Engineer", "startDate": "2021-01",
            "highlights": ["Trained ranking models in PyTorch and shipped them with Docker."]}]
        }"#;
        let catalog = Catalog::builtin().expect("catalog");
        let skills = crate::input::json_resume::parse("r.json", text, catalog).expect("parses");
        // A group of nine names at "Master": at most working, claimed, unless shown.
        assert_eq!(held(&skills, "kubernetes").level, 2);
        assert!(!held(&skills, "kubernetes").evidenced);
        assert!(held(&skills, "docker").evidenced);
        // "Expert" for one skill, supported by a position: the stated level, capped at
        // proficient since the usage alone does not reach expert.
        assert_eq!(held(&skills, "pytorch").level, 3);
    }

    #[test]
    fn work_corroborates_the_tools_it_needs_never_concepts_or_bare_lists() {
        // Ray Tune in a dated position needs Python: the listed Python is shown, at its listed
        // level and with no months. Calculus is knowledge, not a tool: still claimed.
        let skills = read(
            "## Experience\n\
             ### ML Intern — Lab (Jun 2025 – Dec 2025)\n\
             - Ran multi-GPU hyperparameter sweeps with Ray Tune on our cluster.\n\n\
             ## Skills\n\
             Python, Calculus\n",
        );
        let python = held(&skills, "python");
        assert!(python.evidenced, "{}", python.level_reason);
        assert_eq!((python.level, python.months), (2, None));
        assert!(
            python
                .level_reason
                .contains("shown in the work, which needs it"),
            "{}",
            python.level_reason
        );
        assert!(!held(&skills, "calculus").evidenced);
        // The same names as a bare list: nothing is shown, so nothing corroborates.
        let listed = read("## Skills\nPython, Ray Tune, Calculus\n");
        assert!(listed.skills.iter().all(|s| !s.evidenced));
    }
}
