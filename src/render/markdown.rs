//! The Markdown report, for coaches to paste into a document or an issue: a heading per section,
//! the ranking as a table, the learning plan, then each role's gaps (by gain) and matches. Every
//! piece of text from the input is escaped with [`escape::markdown`], so a hostile name cannot
//! inject links, HTML or table cells.

use std::io::{self, Write};

use super::escape::markdown as md;
use super::{
    cap_words, claimed_names, upper_first, usage_words, years_words, Render, RenderOptions,
    BLOCKING_LEGEND, CLAIMED_LABEL,
};
use crate::report::{PlanItem, Report, RoleFit};
use crate::skills::level_word;

pub struct Markdown;

impl Render for Markdown {
    fn render(
        &self,
        report: &Report,
        _options: &RenderOptions,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let title = report.subject.name.as_deref().unwrap_or("(no name given)");
        writeln!(out, "# Skill-gap report: {}", md(title))?;
        writeln!(out)?;
        writeln!(out, "{}", subject_facts(report))?;
        for warning in &report.warnings {
            writeln!(out)?;
            writeln!(out, "> **Note:** {}", md(warning))?;
        }
        writeln!(out)?;

        writeln!(out, "## Ranking")?;
        writeln!(out)?;
        if report.roles.is_empty() {
            writeln!(out, "No roles were assessed.")?;
        } else {
            writeln!(
                out,
                "| # | Role | Score | Fits | Target tier | Blocking gaps |"
            )?;
            writeln!(out, "|---:|---|---:|---|---|---|")?;
            for (rank, role) in report.roles.iter().enumerate() {
                writeln!(
                    out,
                    "| {} | {} | {:.1} | {} | {} | {} |",
                    rank + 1,
                    md(&role.title),
                    role.score,
                    role.tier.map_or("—", |t| t.as_str()),
                    role.target_tier,
                    blocking_names(role)
                )?;
            }
        }
        writeln!(out)?;

        writeln!(out, "## Learning plan")?;
        writeln!(out)?;
        write_plan(report, out)?;
        writeln!(out)?;

        for (rank, role) in report.roles.iter().enumerate() {
            write_role(report, rank + 1, role, out)?;
        }

        writeln!(out, "## Skills recognized")?;
        writeln!(out)?;
        if report.skills.is_empty() {
            writeln!(out, "None: no skill in this input matched the catalog.")?;
        } else {
            writeln!(out, "| Skill | Level | Recognized as | Evidence |")?;
            writeln!(out, "|---|---|---|---|")?;
            for skill in &report.skills {
                writeln!(
                    out,
                    "| {} | {} ({}) | {} | {} |",
                    md(&skill.name),
                    skill.level,
                    level_word(skill.level),
                    md(&skill.via),
                    skill.evidence.as_deref().map(md).unwrap_or_default()
                )?;
            }
        }
        let claimed: Vec<String> = claimed_names(report)
            .map(|name| md(name).into_owned())
            .collect();
        if !claimed.is_empty() {
            writeln!(out)?;
            writeln!(out, "**{CLAIMED_LABEL}:** {}", claimed.join(", "))?;
        }
        if !report.unrecognized.is_empty() {
            writeln!(out)?;
            writeln!(out, "## Not recognized")?;
            writeln!(out)?;
            for item in &report.unrecognized {
                match &item.suggestion {
                    Some(s) => writeln!(out, "- {} (did you mean {}?)", md(&item.input), md(s))?,
                    None => writeln!(out, "- {}", md(&item.input))?,
                }
            }
        }
        // The generator mark, which Markdown viewers do not show (see crate::generator).
        writeln!(out)?;
        writeln!(out, "{}", crate::generator::COMMENT_MARK)
    }
}

/// "**Source:** … · **Experience:** … · **Skills recognized:** …"
fn subject_facts(report: &Report) -> String {
    let years = match report.subject.years_experience {
        Some(years) => format!("{years} years"),
        None => "unknown".to_string(),
    };
    format!(
        "**Source:** {} · **Experience:** {} · **Skills recognized:** {}",
        md(&report.subject.source),
        years,
        report.skills.len()
    )
}

fn blocking_names(role: &RoleFit) -> String {
    let names: Vec<String> = role
        .missing
        .iter()
        .filter(|m| m.blocking)
        .map(|m| md(&m.name).into_owned())
        .collect();
    if names.is_empty() {
        "—".to_string()
    } else {
        names.join(", ")
    }
}

/// The display name of a category id of `role` (the id itself when the role does not list it).
pub(super) fn category_name<'a>(role: &'a RoleFit, id: &'a str) -> &'a str {
    role.categories
        .iter()
        .find(|c| c.id == id)
        .map_or(id, |c| &*c.name)
}

/// The title of a role id in this report (the id itself for a role not shown).
pub(super) fn role_title<'a>(report: &'a Report, id: &'a str) -> &'a str {
    report
        .roles
        .iter()
        .find(|r| r.id == id)
        .map_or(id, |r| &*r.title)
}

/// Why a plan step is there besides its own gain: the steps that need it first (the first two by
/// name).
pub(super) fn plan_reason(report: &Report, item: &PlanItem) -> String {
    const NAMED: usize = 2;
    let mut names: Vec<String> = item
        .prerequisite_for
        .iter()
        .take(NAMED)
        .map(|skill| {
            report
                .learning_plan
                .iter()
                .find(|p| p.skill == *skill)
                .map_or(&**skill, |p| &*p.name)
                .to_string()
        })
        .collect();
    if item.prerequisite_for.len() > NAMED {
        names.push(format!("{} more", item.prerequisite_for.len() - NAMED));
    }
    if item.prerequisite_for.is_empty() {
        String::new()
    } else if item.roles_improved.is_empty() {
        format!("needed before {}", names.join(", "))
    } else {
        format!("also needed before {}", names.join(", "))
    }
}

fn write_plan(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    if report.learning_plan.is_empty() {
        if report.has_no_skills() {
            writeln!(out, "No plan: no skills were recognized to plan from.")?;
        } else {
            writeln!(out, "Nothing to learn: no gap would raise a score.")?;
        }
        return Ok(());
    }
    writeln!(
        out,
        "In this order (prerequisites first); gain is the sum of points over the roles improved."
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "| Step | Skill | Reach | Gain | Roles improved | Note |"
    )?;
    writeln!(out, "|---:|---|---|---:|---|---|")?;
    for (step, item) in report.learning_plan.iter().enumerate() {
        let roles: Vec<String> = item
            .roles_improved
            .iter()
            .map(|id| md(role_title(report, id)).into_owned())
            .collect();
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            step + 1,
            md(&item.name),
            level_word(item.target_level),
            if item.total_gain > 0.0 {
                format!("+{:.1}", item.total_gain)
            } else {
                "—".to_string()
            },
            if roles.is_empty() {
                "—".to_string()
            } else {
                roles.join(", ")
            },
            md(&plan_reason(report, item))
        )?;
    }
    Ok(())
}

fn write_role(report: &Report, rank: usize, role: &RoleFit, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "## {rank}. {} — {:.1}", md(&role.title), role.score)?;
    writeln!(out)?;
    let fits = match role.tier {
        Some(tier) => format!("fits **{tier}**"),
        None => "no tier fits yet".to_string(),
    };
    let tiers: Vec<String> = role
        .tiers
        .iter()
        .map(|t| format!("{} {:.1}", t.tier, t.score))
        .collect();
    writeln!(
        out,
        "Scored at **{}** ({fits}{}). Tier scores: {}.{}",
        role.target_tier,
        cap_words(role)
            .map(|w| format!("; {w}"))
            .unwrap_or_default(),
        tiers.join(" · "),
        years_words(report, role)
            .map(|w| format!(" {}.", upper_first(&w)))
            .unwrap_or_default()
    )?;
    writeln!(out)?;
    if !role.categories.is_empty() {
        let categories: Vec<String> = role
            .categories
            .iter()
            .map(|c| format!("{} {:.0}", md(&c.name), c.score))
            .collect();
        writeln!(out, "Categories: {}.", categories.join(" · "))?;
        writeln!(out)?;
    }

    writeln!(out, "### Missing skills, by gain")?;
    writeln!(out)?;
    if role.missing.is_empty() {
        writeln!(out, "None: every requirement at this tier is met.")?;
    } else {
        writeln!(
            out,
            "| Skill | Category | Importance | Level | Required | Gain |"
        )?;
        writeln!(out, "|---|---|---|---:|---:|---:|")?;
        for gap in &role.missing {
            writeln!(
                out,
                "| {}{} | {} | {} | {} | {} | +{:.1} |",
                if gap.blocking { "⚠ " } else { "" },
                md(&gap.name),
                md(category_name(role, &gap.category)),
                gap.importance,
                gap.current_level,
                gap.required_level,
                gap.gain
            )?;
        }
        if role.missing.iter().any(|m| m.blocking) {
            writeln!(out)?;
            writeln!(out, "⚠ {BLOCKING_LEGEND}.")?;
        }
    }
    writeln!(out)?;

    writeln!(out, "### Matched")?;
    writeln!(out)?;
    if role.matched.is_empty() {
        writeln!(out, "Nothing matched yet.")?;
    } else {
        writeln!(
            out,
            "| Skill | Importance | Level | Required | Via | Evidence |"
        )?;
        writeln!(out, "|---|---|---:|---:|---|---|")?;
        for m in &role.matched {
            writeln!(
                out,
                "| {}{}{} | {} | {} | {} | {} | {} |",
                md(&m.name),
                usage_words(report, m)
                    .map(|usage| format!(" ({})", md(&usage)))
                    .unwrap_or_default(),
                if m.partial { " (partial)" } else { "" },
                m.importance,
                m.level,
                m.required_level,
                md(&m.via),
                m.evidence
                    .as_deref()
                    .map(|e| md(&crate::input::shorten(e, 120)).into_owned())
                    .unwrap_or_default()
            )?;
        }
    }
    writeln!(out)
}

/// `skillgap batch --format markdown`: one table row per person (failed inputs too), then the
/// summary.
pub struct BatchMarkdown;

impl super::BatchRender for BatchMarkdown {
    fn header(&self, context: &super::BatchContext, out: &mut Vec<u8>) -> io::Result<()> {
        writeln!(out, "# Skill-gap batch report")?;
        writeln!(out)?;
        match context.min_score {
            Some(min) => writeln!(
                out,
                "Gate: the best assessed role must score at least {min}."
            )?,
            None => writeln!(out, "No score gate (`--min-score`) was set.")?,
        }
        writeln!(out)?;
        writeln!(
            out,
            "| # | Person | Source | Best role | Score | Fits | Learn next | Status |"
        )?;
        writeln!(out, "|---:|---|---|---|---:|---|---|---|")
    }

    fn record(
        &self,
        record: super::BatchRecord<'_>,
        _context: &super::BatchContext,
        out: &mut Vec<u8>,
    ) -> io::Result<()> {
        let report = record.report;
        let best = report.best_role();
        let next: Vec<String> = report
            .learning_plan
            .iter()
            .take(3)
            .map(|p| md(&p.name).into_owned())
            .collect();
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            record.index,
            report.subject.name.as_deref().map(md).unwrap_or_default(),
            md(&report.subject.source),
            best.map_or("—".into(), |r| md(&r.title)),
            best.map_or("—".to_string(), |r| format!("{:.1}", r.score)),
            best.and_then(|r| r.tier).map_or("—", |t| t.as_str()),
            if report.has_no_skills() {
                "no skills recognized".to_string()
            } else if next.is_empty() {
                "—".to_string()
            } else {
                next.join(", ")
            },
            if record.below() { "**below**" } else { "ok" }
        )
    }

    fn failure(
        &self,
        index: usize,
        source: &str,
        message: &str,
        _context: &super::BatchContext,
        out: &mut Vec<u8>,
    ) -> io::Result<()> {
        writeln!(
            out,
            "| {index} | | {} | — | — | — | {} | **error** |",
            md(source),
            md(message)
        )
    }

    fn footer(
        &self,
        summary: &super::BatchSummary,
        context: &super::BatchContext,
        out: &mut Vec<u8>,
    ) -> io::Result<()> {
        writeln!(out)?;
        writeln!(out, "**Summary:** {}.", summary.describe(context.min_score))?;
        writeln!(out)?;
        writeln!(out, "{}", crate::generator::COMMENT_MARK)
    }
}
