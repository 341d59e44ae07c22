//! The Markdown report, for coaches to paste into a document or an issue: a heading per section,
//! the ranking as a table, the learning plan, then each role's gaps (by gain) and matches. Every
//! piece of text from the input is escaped with [`escape::markdown`], so a hostile name cannot
//! inject links, HTML or table cells.

use std::io::{self, Write};

use super::escape::markdown as md;
use super::markup::{self, Cell, Column, Markup};
use super::summary::{
    evidence_lines, evidence_rows, fit_words, focus, level_reached, match_groups, missing_rows,
    next_steps, others, role_sentence, short_usage, split_gaps, strongest_areas, zero_gain_label,
    MatchGroups, EVIDENCE_SHOWN, MISSING_SHOWN, PLAN_SHOWN,
};
use super::{
    cap_words, claimed_names, quoted_line, upper_first, years_words, Render, RenderOptions,
    BLOCKING_LEGEND, CLAIMED_LABEL,
};
use crate::report::{PlanItem, Report, ReportSkill, RoleFit};
use crate::skills::level_word;

pub struct Markdown;

impl Render<Report<'_>> for Markdown {
    fn render(
        &self,
        report: &Report,
        options: &RenderOptions,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        match (&options.title, report.subject.name.as_deref()) {
            (Some(title), _) => writeln!(out, "# {}", md(title))?,
            (None, Some(name)) => writeln!(out, "# Skill-gap report: {}", md(name))?,
            (None, None) => writeln!(out, "# Skill-gap report")?,
        }
        writeln!(out)?;
        writeln!(out, "{}", subject_facts(report, options))?;
        for warning in &report.warnings {
            writeln!(out)?;
            writeln!(out, "> **Note:** {}", md(warning))?;
        }
        writeln!(out)?;
        write_summary(report, out)?;

        writeln!(out, "## Every role, ranked")?;
        writeln!(out)?;
        if report.roles.is_empty() {
            writeln!(out, "No roles were assessed.")?;
        } else {
            let columns = [
                Column::number("#"),
                Column::text("Role"),
                Column::number("Score"),
                Column::text("Fit"),
                Column::text("Blocking gaps"),
            ];
            let rows: Vec<Vec<Cell>> = (report.roles.iter().enumerate())
                .map(|(rank, role)| {
                    vec![
                        (rank + 1).to_string().into(),
                        md(&role.title).into_owned().into(),
                        format!("{:.1}", role.score).into(),
                        fit_words(role).into(),
                        blocking_names(role).into(),
                    ]
                })
                .collect();
            write_table(out, &columns, &rows)?;
            if report.roles.iter().any(|r| !r.blocking.is_empty()) {
                writeln!(out)?;
                writeln!(out, "A blocking gap is {BLOCKING_LEGEND}.")?;
            }
        }
        writeln!(out)?;

        writeln!(out, "## Learning plan")?;
        writeln!(out)?;
        write_plan(report, out)?;
        writeln!(out)?;

        let focus = focus(report);
        if !focus.is_empty() {
            writeln!(
                out,
                "## {}",
                if focus.len() == 1 {
                    "The role in focus"
                } else {
                    "The roles in focus"
                }
            )?;
            writeln!(out)?;
            for role in focus {
                write_role(report, role, out)?;
            }
        }
        let others = others(report);
        if !others.is_empty() {
            writeln!(out, "## The other roles")?;
            writeln!(out)?;
            for role in others {
                let next: Vec<String> = super::learn_next(role)
                    .map(|m| format!("{} (+{:.1})", md(&m.name), m.gain))
                    .collect();
                writeln!(
                    out,
                    "- **{}**, {:.1}, {}{}",
                    md(&role.title),
                    role.score,
                    fit_words(role),
                    if next.is_empty() {
                        String::new()
                    } else {
                        format!(": learn {}", next.join(", "))
                    }
                )?;
            }
            writeln!(out)?;
        }

        writeln!(out, "## What the input shows")?;
        writeln!(out)?;
        write_evidence(report, out)?;
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

fn write_summary(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "## Summary")?;
    writeln!(out)?;
    let focus = focus(report);
    if focus.is_empty() {
        writeln!(out, "No roles were assessed.")?;
        return writeln!(out);
    }
    if report.has_no_skills() {
        writeln!(
            out,
            "**No skill in this input matched the catalog**, so every score is 0."
        )?;
        writeln!(out)?;
    }
    for role in focus {
        writeln!(
            out,
            "- **{}**, {:.1}, {}. {}",
            md(&role.title),
            role.score,
            fit_words(role),
            md(&role_sentence(role))
        )?;
    }
    writeln!(out)?;
    let areas = strongest_areas(report);
    if !report.skills.is_empty() && report.skills.iter().all(|s| !s.evidenced) {
        writeln!(
            out,
            "**Every skill is claimed, not shown:** the input lists them but no position shows any of them in use, so no role fits until work does."
        )?;
        writeln!(out)?;
    } else if !areas.is_empty() {
        let areas: Vec<String> = areas
            .iter()
            .map(|(name, score)| format!("{} ({score:.0})", md(name)))
            .collect();
        writeln!(out, "**Strongest areas:** {}.", areas.join(", "))?;
        writeln!(out)?;
    }
    let steps = next_steps(report);
    if !steps.is_empty() {
        writeln!(out, "**Next steps:**")?;
        writeln!(out)?;
        for (i, step) in steps.iter().enumerate() {
            writeln!(out, "{}. {}", i + 1, md(step))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn write_evidence(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    if report.skills.is_empty() {
        return writeln!(out, "Nothing: no skill in this input matched the catalog.");
    }
    let skill_words = |skill: &ReportSkill| {
        let mut words = vec![level_word(skill.level).to_string()];
        words.extend(short_usage(skill));
        format!("{} ({})", md(&skill.name), words.join(", "))
    };
    let (lines, hidden) = evidence_lines(report, EVIDENCE_SHOWN);
    if let [(None, skills)] = &lines[..] {
        let skills: Vec<String> = skills.iter().map(|s| skill_words(s)).collect();
        writeln!(out, "As stated: {}.", skills.join("; "))?;
    } else if !lines.is_empty() {
        let columns = [
            Column::text("Line of the input"),
            Column::text("Skills it shows"),
        ];
        let escape = |text: &str| md(text).into_owned();
        let rows = evidence_rows(&lines, &escape, &skill_words);
        write_table(out, &columns, &rows)?;
    }
    if hidden > 0 {
        writeln!(out)?;
        writeln!(
            out,
            "These are the {EVIDENCE_SHOWN} strongest; {hidden} more shown skill{} in the JSON report.",
            if hidden == 1 { " is" } else { "s are" }
        )?;
    }
    let claimed: Vec<String> = claimed_names(report)
        .map(|name| md(name).into_owned())
        .collect();
    if !claimed.is_empty() {
        writeln!(out)?;
        writeln!(out, "**{CLAIMED_LABEL}:** {}.", claimed.join(", "))?;
    }
    Ok(())
}

/// "**Source:** … · **Experience:** … · **Skills recognized:** …", then the date and who
/// prepared it.
fn subject_facts(report: &Report, options: &RenderOptions) -> String {
    let years = match report.subject.years_experience {
        Some(years) => format!("{years:.1} years"),
        None => "unknown".to_string(),
    };
    let mut facts = format!(
        "**Source:** {} · **Experience:** {} · **Skills recognized:** {}",
        md(&report.subject.source),
        years,
        report.skills.len()
    );
    if options.title.is_some() {
        if let Some(name) = &report.subject.name {
            facts = format!("**Person:** {} · {facts}", md(name));
        }
    }
    match (&options.date, &options.prepared_by) {
        (Some(date), Some(by)) => {
            facts.push_str(&format!(" · **Prepared:** {} by {}", md(date), md(by)))
        }
        (Some(date), None) => facts.push_str(&format!(" · **Prepared:** {}", md(date))),
        (None, Some(by)) => facts.push_str(&format!(" · **Prepared by:** {}", md(by))),
        (None, None) => {}
    }
    facts
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
        "In this order: what a later step needs comes first. The gain is the points the step adds to the roles it raises, weighted by how near each role is."
    )?;
    writeln!(out)?;
    let columns = [
        Column::number("Step"),
        Column::text("Skill"),
        Column::text("Learn to"),
        Column::number("Gain"),
        Column::text("Roles it raises"),
        Column::text("Note"),
    ];
    let steps = report.learning_plan.iter().take(PLAN_SHOWN).enumerate();
    let rows: Vec<Vec<Cell>> = steps
        .map(|(step, item)| {
            let roles: Vec<String> = item
                .roles_improved
                .iter()
                .map(|id| md(role_title(report, id)).into_owned())
                .collect();
            vec![
                (step + 1).to_string().into(),
                md(&item.name).into_owned().into(),
                level_word(item.target_level).into(),
                if item.total_gain > 0.0 {
                    format!("+{:.1}", item.total_gain).into()
                } else {
                    "—".into()
                },
                if roles.is_empty() {
                    "—".into()
                } else {
                    roles.join(", ").into()
                },
                md(&plan_reason(report, item)).into_owned().into(),
            ]
        })
        .collect();
    write_table(out, &columns, &rows)?;
    let rest = report.learning_plan.len().saturating_sub(PLAN_SHOWN);
    if rest > 0 {
        writeln!(out)?;
        writeln!(
            out,
            "{rest} more step{}: the JSON report (`--format json`) lists the whole plan.",
            if rest == 1 { "" } else { "s" }
        )?;
    }
    Ok(())
}

fn write_role(report: &Report, role: &RoleFit, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "### {}, {:.1}, {}",
        md(&role.title),
        role.score,
        fit_words(role)
    )?;
    writeln!(out)?;
    let tiers: Vec<String> = role
        .tiers
        .iter()
        .map(|t| format!("{} {:.1}", t.tier, t.score))
        .collect();
    writeln!(
        out,
        "Scored at **{}**{}. Each tier: {}.{}",
        role.target_tier,
        cap_words(role)
            .map(|w| format!(" ({w})"))
            .unwrap_or_default(),
        tiers.join(" · "),
        years_words(report, role)
            .map(|w| format!(" {}.", upper_first(&w)))
            .unwrap_or_default()
    )?;
    writeln!(out)?;
    writeln!(out, "{}", md(&role_sentence(role)))?;
    writeln!(out)?;
    if !role.categories.is_empty() {
        let categories: Vec<String> = role
            .categories
            .iter()
            .map(|c| format!("{} {:.0}", md(&c.name), c.score))
            .collect();
        writeln!(out, "By category: {}.", categories.join(" · "))?;
        writeln!(out)?;
    }

    writeln!(out, "#### Missing, by what learning it would add")?;
    writeln!(out)?;
    let (worth, later) = split_gaps(role);
    if role.missing.is_empty() {
        writeln!(out, "None: every requirement at this tier is met.")?;
    } else if !worth.is_empty() {
        let columns = [
            Column::text("Skill"),
            Column::text("Category"),
            Column::text("Importance"),
            Column::text("Now"),
            Column::text("Needed"),
            Column::number("Gain"),
        ];
        let rows = missing_rows(role, &worth, &|text| md(text).into_owned());
        write_table(out, &columns, &rows)?;
        let rest = worth.len().saturating_sub(MISSING_SHOWN);
        if rest > 0 {
            writeln!(out)?;
            writeln!(
                out,
                "and {rest} more, each adding less (the JSON report lists them all)."
            )?;
        }
        if worth.iter().any(|m| m.blocking) {
            writeln!(out)?;
            writeln!(out, "⚠ {BLOCKING_LEGEND}.")?;
        }
    }
    if !later.is_empty() {
        let names: Vec<String> = later
            .iter()
            .take(MISSING_SHOWN)
            .map(|m| md(&m.name).into_owned())
            .collect();
        let rest = later.len().saturating_sub(MISSING_SHOWN);
        writeln!(out)?;
        writeln!(
            out,
            "{}: {}{}.",
            zero_gain_label(role),
            names.join(", "),
            if rest > 0 {
                format!(" and {rest} more")
            } else {
                String::new()
            }
        )?;
    }
    writeln!(out)?;

    writeln!(out, "#### Matched")?;
    writeln!(out)?;
    if super::fully_matched(role).next().is_none() {
        writeln!(out, "Nothing matched in full yet.")?;
        return writeln!(out);
    }
    let MatchGroups {
        shown,
        claimed,
        partial,
    } = match_groups(role);
    if !shown.is_empty() {
        let columns = [
            Column::text("Skill"),
            Column::text("Importance"),
            Column::text("Level"),
            Column::text("Needed"),
            Column::text("Use"),
            Column::text("Shown by"),
        ];
        let rows: Vec<Vec<Cell>> = (shown.iter())
            .map(|m| {
                let usage = report
                    .skills
                    .iter()
                    .find(|s| s.id == m.skill)
                    .map(|s| short_usage(s).join(", "))
                    .unwrap_or_default();
                vec![
                    md(&m.name).into_owned().into(),
                    m.importance.to_string().into(),
                    level_reached(m.level).into(),
                    level_word(m.required_level).into(),
                    if usage.is_empty() {
                        "—".into()
                    } else {
                        usage.into()
                    },
                    m.evidence
                        .as_deref()
                        .map(|e| md(&crate::input::shorten(&quoted_line(e), 120)).into_owned())
                        .unwrap_or_else(|| md(&m.via).into_owned())
                        .into(),
                ]
            })
            .collect();
        write_table(out, &columns, &rows)?;
    }
    for (label, group) in [
        ("Claimed, not shown in any position", claimed),
        ("Partly credited through a related skill", partial),
    ] {
        if !group.is_empty() {
            let names: Vec<String> = group.iter().map(|m| md(&m.name).into_owned()).collect();
            writeln!(out)?;
            writeln!(out, "{label}: {}.", names.join(", "))?;
        }
    }
    writeln!(out)
}

/// `skillgap batch --format markdown`: one table row per person (failed inputs too), then the
/// summary.
pub struct BatchMarkdown;

/// The columns of `batch --format markdown`, one row per person.
const BATCH_COLUMNS: [Column; 8] = [
    Column::number("#"),
    Column::text("Person"),
    Column::text("Source"),
    Column::text("Best role"),
    Column::number("Score"),
    Column::text("Fits"),
    Column::text("Learn next"),
    Column::text("Status"),
];

/// Writes a table through the shared base ([`markup`]).
pub(super) fn write_table(
    out: &mut dyn Write,
    columns: &[Column],
    rows: &[Vec<Cell>],
) -> io::Result<()> {
    let mut text = String::new();
    markup::table(&markup::Markdown, columns, rows, &mut text);
    out.write_all(text.as_bytes())
}

/// Writes one row of a table whose start is already written.
fn write_row(out: &mut dyn Write, columns: &[Column], cells: &[Cell]) -> io::Result<()> {
    let mut text = String::new();
    markup::Markdown.table_row(columns, cells, &mut text);
    out.write_all(text.as_bytes())
}

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
        let mut text = String::new();
        Markup::table_start(&markup::Markdown, &BATCH_COLUMNS, &mut text);
        out.write_all(text.as_bytes())
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
        let cells: Vec<Cell> = vec![
            record.index.to_string().into(),
            (report.subject.name.as_deref().map(md))
                .unwrap_or_default()
                .into_owned()
                .into(),
            md(&report.subject.source).into_owned().into(),
            best.map_or("—".into(), |r| md(&r.title).into_owned().into()),
            best.map_or("—".into(), |r| format!("{:.1}", r.score).into()),
            best.and_then(|r| r.tier).map_or("—", |t| t.as_str()).into(),
            if report.has_no_skills() {
                "no skills recognized".into()
            } else if next.is_empty() {
                "—".into()
            } else {
                next.join(", ").into()
            },
            if record.below() { "**below**" } else { "ok" }.into(),
        ];
        write_row(out, &BATCH_COLUMNS, &cells)
    }

    fn failure(
        &self,
        index: usize,
        source: &str,
        message: &str,
        _context: &super::BatchContext,
        out: &mut Vec<u8>,
    ) -> io::Result<()> {
        let cells: Vec<Cell> = vec![
            index.to_string().into(),
            "".into(),
            md(source).into_owned().into(),
            "—".into(),
            "—".into(),
            "—".into(),
            md(message).into_owned().into(),
            "**error**".into(),
        ];
        write_row(out, &BATCH_COLUMNS, &cells)
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
