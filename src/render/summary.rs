//! What the HTML and Markdown reports open with, in plain words: the roles in focus with a
//! sentence each, the person's strongest areas and the first steps of the plan. Both renderers
//! read these functions, so the two reports say the same thing in the same words. The text is not
//! escaped here; each renderer escapes it for its format.

use crate::assess::{FIT_THRESHOLD, PLAN_WINDOW};
use crate::profile::Importance;
use crate::report::{Matched, Missing, PlanItem, Report, ReportSkill, RoleFit};
use crate::skills::level_word;

use super::markdown::role_title;
use super::markup::Cell;
use super::quoted_line;

/// How many roles the summary, the charts and the printed detail cover at most.
pub const FOCUS_ROLES: usize = 3;

/// How many learning-plan steps the reports show before the rest goes to an appendix.
pub const PLAN_SHOWN: usize = 10;

/// How many missing skills a role's section lists, by gain, before "and N more".
pub const MISSING_SHOWN: usize = 10;

/// How many shown skills "What the input shows" lists in the body, strongest first (the HTML
/// appendix and the JSON report have them all).
pub const EVIDENCE_SHOWN: usize = 10;

/// How many plan steps the summary names.
pub const NEXT_STEPS: usize = 5;

/// How many strongest areas the summary names.
pub const STRONGEST: usize = 3;

/// The least category score the summary calls a strong area.
pub const STRONG_AREA: f64 = 50.0;

/// The roles in focus: the best two, and a third when it is within [`PLAN_WINDOW`] points of the
/// best (the window the learning plan uses too).
pub fn focus<'r, 'a>(report: &'r Report<'a>) -> &'r [RoleFit<'a>] {
    let best = report.roles.first().map_or(0.0, |r| r.score);
    let n = report
        .roles
        .iter()
        .take(FOCUS_ROLES)
        .enumerate()
        .take_while(|(i, role)| *i < 2 || best - role.score < PLAN_WINDOW)
        .count();
    &report.roles[..n]
}

/// The roles after those in focus.
pub fn others<'r, 'a>(report: &'r Report<'a>) -> &'r [RoleFit<'a>] {
    &report.roles[focus(report).len()..]
}

/// Whether a role fits, in the one vocabulary every report uses: "fits senior", "fits entry
/// (scored at mid)", "not a fit yet (scored at mid)".
pub fn fit_words(role: &RoleFit) -> String {
    match role.tier {
        Some(tier) if tier == role.target_tier => format!("fits {tier}"),
        Some(tier) => format!("fits {tier} (scored at {})", role.target_tier),
        None => format!("not a fit yet (scored at {})", role.target_tier),
    }
}

/// A level the person has reached, as a word: "none", "aware", …; a level between two words
/// reads as the lower one ("aware" for 1.4: working is not reached yet), and one above none but
/// below aware (a skill only claimed) reads "claimed only".
pub fn level_reached(level: f64) -> &'static str {
    if level <= 0.0 {
        "none"
    } else if level < 1.0 {
        "claimed only"
    } else {
        // In 1..=4 after the clamp, so the cast keeps the value.
        level_word(level.clamp(1.0, 4.0).floor() as u8)
    }
}

/// The names of a role's blocking gaps, in gain order.
fn blocking_names<'r>(role: &'r RoleFit) -> Vec<&'r str> {
    role.missing
        .iter()
        .filter(|m| m.blocking)
        .map(|m| &*m.name)
        .collect()
}

/// "A", "A and B", "A, B and C".
pub fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The one sentence the summary says of a role: whether and where it fits, and what stands
/// between the person and the tier it is scored at.
pub fn role_sentence(role: &RoleFit) -> String {
    let essentials = role
        .matched
        .iter()
        .filter(|m| m.importance == Importance::Essential)
        .count()
        + role
            .missing
            .iter()
            .filter(|m| m.importance == Importance::Essential)
            .count();
    let target = role.target_tier;
    let blocking = blocking_names(role);
    let blockers = match blocking.len() {
        0 => None,
        1 => Some(format!(
            "{} is essential and not yet shown",
            and_list(&blocking)
        )),
        n if n <= 3 => Some(format!(
            "{} are essential and not yet shown",
            and_list(&blocking)
        )),
        n => Some(format!(
            "{n} essential skills are not yet shown ({} first)",
            blocking[0]
        )),
    };
    let next = role
        .missing
        .iter()
        .find(|m| m.gain > 0.0)
        .map(|gap| format!("; the largest gain now is {}", gap_words(gap)))
        .unwrap_or_default();
    let short = (FIT_THRESHOLD - role.score).max(0.0);
    match (role.tier, blockers) {
        (Some(tier), _) if tier == target => match essentials {
            0 => format!("Fits at {tier} level{next}."),
            1 => format!("Fits at {tier} level, its essential requirement shown{next}."),
            n => format!("Fits at {tier} level, all {n} essential requirements shown{next}."),
        },
        (Some(tier), Some(blockers)) => format!(
            "Fits at {tier} level; at {target}, {blockers} (it would score {:.0} without that cap).",
            role.uncapped_score
        ),
        (Some(tier), None) => format!(
            "Fits at {tier} level; at {target} it scores {:.0}, {short:.0} short of the {FIT_THRESHOLD:.0} a fit needs{next}.",
            role.score
        ),
        (None, Some(blockers)) => format!(
            "Not a fit yet at {target}: {blockers} (it would score {:.0} without that cap).",
            role.uncapped_score
        ),
        (None, None) => format!(
            "Not a fit yet at {target}: {short:.0} points short of the {FIT_THRESHOLD:.0} a fit needs{next}."
        ),
    }
}

/// What the gaps that add nothing now are called: while an essential blocks, the score sits at the
/// cap and only clearing it raises the score; otherwise what the gap would add is already covered
/// (a toolkit or an elective is met by other skills).
pub fn zero_gain_label(role: &RoleFit) -> &'static str {
    match role.blocking.len() {
        0 => "Also missing, adding nothing now (other skills already cover their place)",
        1 => "Also missing, worth points once the blocking gap is shown",
        _ => "Also missing, worth points once the blocking gaps are shown",
    }
}

/// A role's gaps as the reports list them: those worth points now (by gain, as the report holds
/// them), and those worth nothing until a blocking gap is cleared or whose place other skills fill.
#[allow(clippy::type_complexity)]
pub fn split_gaps<'r>(role: &'r RoleFit<'r>) -> (Vec<&'r Missing<'r>>, Vec<&'r Missing<'r>>) {
    role.missing.iter().partition(|m| m.gain > 0.0)
}

/// What a role credits in full, as the reports group it (a requirement met only in part is a gap,
/// not in any group).
pub struct MatchGroups<'r> {
    /// Shown in a position.
    pub shown: Vec<&'r Matched<'r>>,
    /// Only listed or named in a summary.
    pub claimed: Vec<&'r Matched<'r>>,
    /// Credited through a related skill.
    pub partial: Vec<&'r Matched<'r>>,
}

pub fn match_groups<'r>(role: &'r RoleFit<'r>) -> MatchGroups<'r> {
    let (partial, full): (Vec<&Matched>, Vec<&Matched>) =
        super::fully_matched(role).partition(|m| m.partial);
    let (shown, claimed) = full.into_iter().partition(|m| m.evidenced);
    MatchGroups {
        shown,
        claimed,
        partial,
    }
}

/// "Apache Airflow (+7.8)"
fn gap_words(gap: &Missing) -> String {
    format!("{} (+{:.1})", gap.name, gap.gain)
}

/// The person's strongest areas: the categories of the roles in focus with the highest scores
/// (each name once, at its best score), strongest first; none below [`STRONG_AREA`].
pub fn strongest_areas<'r>(report: &'r Report) -> Vec<(&'r str, f64)> {
    let mut areas: Vec<(&str, f64)> = Vec::new();
    for category in focus(report).iter().flat_map(|r| &r.categories) {
        match areas.iter_mut().find(|(name, _)| *name == category.name) {
            Some(area) => area.1 = area.1.max(category.score),
            None => areas.push((&category.name, category.score)),
        }
    }
    areas.retain(|(_, score)| *score >= STRONG_AREA);
    // Stable: equal scores keep the order the roles list them in.
    areas.sort_by(|a, b| b.1.total_cmp(&a.1));
    areas.truncate(STRONGEST);
    areas
}

/// A plan step in plain words: "Learn Apache Airflow to working level: +7.8 for Machine Learning
/// Engineer", "Learn Linear algebra to working level: needed before PyTorch".
pub fn step_words(report: &Report, item: &PlanItem) -> String {
    let roles: Vec<&str> = item
        .roles_improved
        .iter()
        .map(|id| role_title(report, id))
        .collect();
    let mut why = Vec::new();
    if !roles.is_empty() && item.total_gain > 0.0 {
        why.push(format!("+{:.1} for {}", item.total_gain, and_list(&roles)));
    }
    let before = super::markdown::plan_reason(report, item);
    if !before.is_empty() {
        why.push(before);
    }
    let level = level_word(item.target_level);
    if why.is_empty() {
        format!("Learn {} to {level} level", item.name)
    } else {
        format!("Learn {} to {level} level: {}", item.name, why.join("; "))
    }
}

/// The first steps of the plan, in plain words.
pub fn next_steps(report: &Report) -> Vec<String> {
    report
        .learning_plan
        .iter()
        .take(NEXT_STEPS)
        .map(|item| step_words(report, item))
        .collect()
}

/// The input's lines that show skills, each once with every skill it shows, over the `max`
/// strongest shown skills (by level, then months of use); the skills stated with no line come
/// last, as one entry with no line. The second value is how many shown skills were left out.
#[allow(clippy::type_complexity)]
pub fn evidence_lines<'r, 'a>(
    report: &'r Report<'a>,
    max: usize,
) -> (Vec<(Option<&'r str>, Vec<&'r ReportSkill<'a>>)>, usize) {
    let mut shown: Vec<&ReportSkill> = report.skills.iter().filter(|s| s.evidenced).collect();
    // Strongest first, then the longest used; the report's order breaks ties.
    shown.sort_by(|a, b| b.level.cmp(&a.level).then(b.months.cmp(&a.months)));
    let hidden = shown.len().saturating_sub(max);
    shown.truncate(max);
    let mut lines: Vec<(Option<&str>, Vec<&ReportSkill>)> = Vec::new();
    for skill in shown {
        let line = skill.evidence.as_deref();
        match lines.iter_mut().find(|(l, _)| *l == line) {
            Some((_, skills)) => skills.push(skill),
            None => lines.push((line, vec![skill])),
        }
    }
    lines.sort_by_key(|(line, _)| line.is_none());
    (lines, hidden)
}

/// How long and how lately a skill was used, briefly: `["4.9 yrs", "current"]`, `["8 mo",
/// "2021"]`; empty when no dates say.
pub fn short_usage(skill: &ReportSkill) -> Vec<String> {
    let mut parts = Vec::new();
    if let Some(months) = skill.months {
        parts.push(if months < 12 {
            format!("{months} mo")
        } else {
            format!("{:.1} yrs", f64::from(months) / 12.0)
        });
    }
    if let Some(last) = skill.last_used {
        parts.push(last.to_string());
    }
    parts
}

/// The rows of a role's gap table (the first [`MISSING_SHOWN`] of `gaps`) for the Markdown and
/// HTML reports, their text escaped with `escape`: skill (⚠ when it blocks, its cell classed
/// `blocking`), category, importance, level now, level needed, gain.
pub fn missing_rows(
    role: &RoleFit,
    gaps: &[&Missing],
    escape: &dyn Fn(&str) -> String,
) -> Vec<Vec<Cell>> {
    (gaps.iter().take(MISSING_SHOWN))
        .map(|gap| {
            vec![
                Cell::marked(
                    format!(
                        "{}{}",
                        if gap.blocking { "⚠ " } else { "" },
                        escape(&gap.name)
                    ),
                    gap.blocking.then_some("blocking"),
                ),
                escape(super::markdown::category_name(role, &gap.category)).into(),
                gap.importance.to_string().into(),
                level_reached(gap.current_level).into(),
                level_word(gap.required_level).into(),
                format!("+{:.1}", gap.gain).into(),
            ]
        })
        .collect()
}

/// The rows of the "what the input shows" table: each line of the input, quoted and escaped with
/// `escape`, and the skills it shows as `skill_words` writes them.
pub fn evidence_rows(
    lines: &[(Option<&str>, Vec<&ReportSkill>)],
    escape: &dyn Fn(&str) -> String,
    skill_words: &dyn Fn(&ReportSkill) -> String,
) -> Vec<Vec<Cell>> {
    (lines.iter())
        .map(|(line, skills)| {
            let skills: Vec<String> = skills.iter().map(|skill| skill_words(skill)).collect();
            vec![
                line.map_or("(stated, no line)".to_string(), |l| {
                    format!("“{}”", escape(&crate::input::shorten(&quoted_line(l), 140)))
                })
                .into(),
                skills.join("; ").into(),
            ]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_between_words_read_as_the_lower_one() {
        assert_eq!(level_reached(0.0), "none");
        assert_eq!(level_reached(0.8), "claimed only");
        assert_eq!(level_reached(1.4), "aware");
        assert_eq!(level_reached(2.0), "working");
        assert_eq!(level_reached(3.99), "proficient");
        assert_eq!(level_reached(4.0), "expert");
        assert_eq!(level_reached(7.0), "expert");
    }

    #[test]
    fn lists_read_as_prose() {
        assert_eq!(and_list(&[]), "");
        assert_eq!(and_list(&["A"]), "A");
        assert_eq!(and_list(&["A", "B"]), "A and B");
        assert_eq!(and_list(&["A", "B", "C"]), "A, B and C");
    }
}
