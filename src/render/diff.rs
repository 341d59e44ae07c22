//! `skillgap diff` output: a table for the terminal, Markdown for a coach's notes, an HTML page with
//! before/after bars per role, JSON for tools.
//! All read the one [`Diff`] model.

use std::io::{self, Write};

use comfy_table::{presets, Cell, CellAlignment, ContentArrangement, Table as ComfyTable};

use super::escape::{markdown as md, terminal_line};
use super::markup::{self, Cell as MarkupCell, Column};
use super::{Format, Render, RenderOptions};
use crate::diff::{Diff, LevelChange, RoleChange, SkillLevel};
use crate::profile::Tier;
use crate::skills::level_word;

/// The formats `diff --format` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// A table for the terminal.
    Table,
    /// A Markdown document.
    Markdown,
    /// One self-contained HTML page: before and after bars per role, then the table.
    Html,
    /// The comparison as JSON.
    Json,
}

/// The columns of the comparison in Markdown and HTML, one row per role.
const COLUMNS: [Column; 7] = [
    Column::text("Role"),
    Column::number("Before"),
    Column::number("After"),
    Column::number("Change"),
    Column::text("Fits"),
    Column::text("Gaps closed").label("Closed"),
    Column::text("Still open (by gain)").label("Open"),
];

/// The rows of [`COLUMNS`], their text escaped with `escape`.
fn rows(diff: &Diff, escape: &dyn Fn(&str) -> String) -> Vec<Vec<MarkupCell>> {
    (diff.roles.iter())
        .map(|role| {
            vec![
                escape(&role.title).into(),
                score(role.score_before).into(),
                score(role.score_after).into(),
                role.change.map_or("—".to_string(), signed).into(),
                tier_change(role).into(),
                closed_text(role, escape).into(),
                open_text(role, escape).into(),
            ]
        })
        .collect()
}

/// How many open gaps the table and the Markdown list per role.
const OPEN_SHOWN: usize = 3;

impl Format<Diff> for DiffFormat {
    fn renderer(self) -> Box<dyn Render<Diff>> {
        match self {
            DiffFormat::Table => Box::new(Table),
            DiffFormat::Markdown => Box::new(Markdown),
            DiffFormat::Html => Box::new(Html),
            DiffFormat::Json => Box::new(super::json::Json),
        }
    }
}

/// The comparison for the terminal.
struct Table;
/// The comparison as a Markdown document.
struct Markdown;
/// The comparison as one HTML page.
struct Html;

impl Render<Diff> for Table {
    fn render(&self, diff: &Diff, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
        table(diff, options, out)
    }
}

impl Render<Diff> for Markdown {
    fn render(&self, diff: &Diff, _: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
        markdown(diff, out)
    }
}

impl Render<Diff> for Html {
    fn render(&self, diff: &Diff, _: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
        let mut page = String::with_capacity(16 * 1024);
        html(diff, &mut page).map_err(io::Error::other)?;
        out.write_all(page.as_bytes())
    }
}

fn signed(value: f64) -> String {
    if value > 0.0 {
        format!("+{value:.1}")
    } else {
        format!("{value:.1}")
    }
}

fn score(value: Option<f64>) -> String {
    value.map_or("—".to_string(), |s| format!("{s:.1}"))
}

fn tier(value: Option<Tier>) -> &'static str {
    value.map_or("—", |t| t.as_str())
}

fn tier_change(role: &RoleChange) -> String {
    if role.tier_before == role.tier_after {
        tier(role.tier_after).to_string()
    } else {
        format!("{} → {}", tier(role.tier_before), tier(role.tier_after))
    }
}

fn years(value: Option<f64>) -> String {
    value.map_or("unknown".to_string(), |y| format!("{y}"))
}

fn gained_text(skills: &[SkillLevel], escape: impl Fn(&str) -> String) -> String {
    skills
        .iter()
        .map(|s| format!("{} ({})", escape(&s.name), level_word(s.level)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn level_text(changes: &[LevelChange], escape: impl Fn(&str) -> String) -> String {
    changes
        .iter()
        .map(|c| {
            format!(
                "{} {} → {}",
                escape(&c.name),
                level_word(c.before),
                level_word(c.after)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The facts about the person, one line each, as (label, text).
fn person_lines(diff: &Diff, escape: &dyn Fn(&str) -> String) -> Vec<(&'static str, String)> {
    let mut lines = Vec::new();
    if diff.before.years_experience != diff.after.years_experience {
        lines.push((
            "Years of experience",
            format!(
                "{} → {}",
                years(diff.before.years_experience),
                years(diff.after.years_experience)
            ),
        ));
    }
    lines.push((
        "Skills recognized",
        format!("{} → {}", diff.before.skills, diff.after.skills),
    ));
    if !diff.skills_gained.is_empty() {
        lines.push(("Skills gained", gained_text(&diff.skills_gained, escape)));
    }
    if !diff.levels_raised.is_empty() {
        lines.push(("Levels raised", level_text(&diff.levels_raised, escape)));
    }
    if !diff.levels_lowered.is_empty() {
        lines.push(("Levels lowered", level_text(&diff.levels_lowered, escape)));
    }
    if !diff.skills_lost.is_empty() {
        lines.push(("No longer listed", gained_text(&diff.skills_lost, escape)));
    }
    lines
}

fn open_text(role: &RoleChange, escape: &dyn Fn(&str) -> String) -> String {
    let mut parts: Vec<String> = role
        .gaps_open
        .iter()
        .chain(&role.gaps_new)
        .take(OPEN_SHOWN)
        .map(|g| {
            format!(
                "{}{} +{:.1}",
                if g.blocking { "⚠ " } else { "" },
                escape(&g.name),
                g.gain
            )
        })
        .collect();
    let total = role.gaps_open.len() + role.gaps_new.len();
    if total > OPEN_SHOWN {
        parts.push(format!("… {} more", total - OPEN_SHOWN));
    }
    if parts.is_empty() {
        "—".to_string()
    } else {
        parts.join(", ")
    }
}

/// How many closed gaps the table and the Markdown name per role.
const CLOSED_SHOWN: usize = 5;

fn closed_text(role: &RoleChange, escape: &dyn Fn(&str) -> String) -> String {
    if role.gaps_closed.is_empty() {
        return "—".to_string();
    }
    let mut names: Vec<String> = role
        .gaps_closed
        .iter()
        .take(CLOSED_SHOWN)
        .map(|g| escape(&g.name))
        .collect();
    if role.gaps_closed.len() > CLOSED_SHOWN {
        names.push(format!("… {} more", role.gaps_closed.len() - CLOSED_SHOWN));
    }
    names.join(", ")
}

fn heading(diff: &Diff, escape: &dyn Fn(&str) -> String) -> String {
    let sources = format!(
        "{} → {}",
        escape(&diff.before.source),
        escape(&diff.after.source)
    );
    let name = match (diff.before.name.as_deref(), diff.after.name.as_deref()) {
        // Two different people: say so rather than show one name for both.
        (Some(before), Some(after)) if !same_name(before, after) => {
            Some(format!("{} → {}", escape(before), escape(after)))
        }
        (before, after) => after.or(before).map(escape),
    };
    match name {
        Some(name) => format!("{name}: {sources}"),
        None => sources,
    }
}

/// The same name, written with other spacing or capitals.
fn same_name(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_lowercase).collect() };
    words(a) == words(b)
}

fn table(diff: &Diff, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let plain = |text: &str| terminal_line(text).into_owned();
    writeln!(out, "Progress: {}", heading(diff, &plain))?;
    for (label, text) in person_lines(diff, &plain) {
        writeln!(out, "{label}: {text}")?;
    }
    writeln!(out)?;
    let mut table = ComfyTable::new();
    table
        .load_preset(presets::UTF8_FULL_CONDENSED)
        .apply_modifier(comfy_table::modifiers::UTF8_ROUND_CORNERS)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(options.width);
    table.force_no_tty();
    table.set_header(vec![
        "Role",
        "Before",
        "After",
        "Change",
        "Fits",
        "Closed",
        "Still open",
    ]);
    for role in &diff.roles {
        table.add_row(vec![
            Cell::new(plain(&role.title)),
            Cell::new(score(role.score_before)).set_alignment(CellAlignment::Right),
            Cell::new(score(role.score_after)).set_alignment(CellAlignment::Right),
            Cell::new(role.change.map_or("—".to_string(), signed))
                .set_alignment(CellAlignment::Right),
            Cell::new(tier_change(role)),
            Cell::new(closed_text(role, &plain)),
            Cell::new(open_text(role, &plain)),
        ]);
    }
    writeln!(out, "{table}")
}

fn markdown(diff: &Diff, out: &mut dyn Write) -> io::Result<()> {
    let escape = |text: &str| md(text).into_owned();
    writeln!(out, "# Progress: {}", heading(diff, &escape))?;
    writeln!(out)?;
    for (label, text) in person_lines(diff, &escape) {
        writeln!(out, "- **{label}:** {text}")?;
    }
    writeln!(out)?;
    writeln!(out, "## Roles")?;
    writeln!(out)?;
    super::markdown::write_table(out, &COLUMNS, &rows(diff, &escape))?;
    let moved: Vec<&RoleChange> = diff
        .roles
        .iter()
        .filter(|r| r.target_tier_before.is_some() && r.target_tier_before != r.target_tier_after)
        .collect();
    if !moved.is_empty() {
        writeln!(out)?;
        for role in moved {
            writeln!(
                out,
                "- {}: now scored at **{}** (was {}); {} new gap{} at that tier.",
                escape(&role.title),
                tier(role.target_tier_after),
                tier(role.target_tier_before),
                role.gaps_new.len(),
                if role.gaps_new.len() == 1 { "" } else { "s" }
            )?;
        }
    }
    // The generator mark, which Markdown viewers do not show (see crate::generator).
    writeln!(out)?;
    writeln!(out, "{}", crate::generator::COMMENT_MARK)
}

/// The progress page: who and what changed, a chart with each role's score before (a dashed
/// outline) and after (filled), with both numbers and the change written beside the bars so it
/// reads in print and without colour, then the table of the Markdown.
fn html(diff: &Diff, h: &mut String) -> std::fmt::Result {
    use super::escape::html as esc;
    use std::fmt::Write as _;
    let escape = |text: &str| esc(text).into_owned();
    super::html::page_start(h, &format!("Progress: {}", heading(diff, &escape)))?;
    writeln!(h, "<h1>Progress: {}</h1>", heading(diff, &escape))?;
    writeln!(h, "<ul>")?;
    for (label, text) in person_lines(diff, &escape) {
        writeln!(h, "<li><strong>{label}:</strong> {text}</li>")?;
    }
    writeln!(h, "</ul>")?;

    writeln!(h, "<section id=\"roles\">")?;
    writeln!(h, "<h2>Each role, before and after</h2>")?;
    const ROW: f64 = 44.0;
    const TRACK: f64 = 200.0;
    let height = ROW * diff.roles.len() as f64 + 4.0;
    writeln!(
        h,
        "<svg class=\"chart progress\" viewBox=\"0 0 340 {height:.0}\" role=\"img\" aria-labelledby=\"progress-title\">"
    )?;
    writeln!(
        h,
        "<title id=\"progress-title\">Each role's score before (dashed) and after (filled)</title>"
    )?;
    for (row, role) in diff.roles.iter().enumerate() {
        let y = ROW * row as f64;
        let width = |score: Option<f64>| TRACK * score.unwrap_or(0.0).clamp(0.0, 100.0) / 100.0;
        let band = super::html::band(role.score_after.unwrap_or(0.0));
        writeln!(
            h,
            "<g class=\"{band}\"><text x=\"0\" y=\"{t:.0}\">{title}</text>\
<text x=\"0\" y=\"{b_text:.0}\" class=\"c-label\">before</text><rect class=\"c-track\" x=\"48\" y=\"{b:.0}\" width=\"{TRACK:.0}\" height=\"8\" rx=\"3\"/><rect class=\"c-before\" x=\"48\" y=\"{b:.0}\" width=\"{wb:.1}\" height=\"8\" rx=\"3\"/><text x=\"254\" y=\"{b_text:.0}\">{before}</text>\
<text x=\"0\" y=\"{a_text:.0}\" class=\"c-label\">after</text><rect class=\"c-track\" x=\"48\" y=\"{a:.0}\" width=\"{TRACK:.0}\" height=\"8\" rx=\"3\"/><rect class=\"c-fill\" x=\"48\" y=\"{a:.0}\" width=\"{wa:.1}\" height=\"8\" rx=\"3\"/><text x=\"254\" y=\"{a_text:.0}\" class=\"value\">{after} {change}</text></g>",
            t = y + 11.0,
            b = y + 15.0,
            b_text = y + 23.0,
            a = y + 27.0,
            a_text = y + 35.0,
            title = escape(&role.title),
            wb = width(role.score_before),
            wa = width(role.score_after),
            before = score(role.score_before),
            after = score(role.score_after),
            change = role.change.map_or(String::new(), |c| format!("({})", signed(c))),
        )?;
    }
    writeln!(h, "</svg>")?;
    markup::table(&super::html::ROWS, &COLUMNS, &rows(diff, &escape), h);
    writeln!(h, "</section>")?;
    writeln!(
        h,
        "<footer>Made by skillgap, offline: nothing in this report was sent anywhere.</footer>"
    )?;
    super::html::page_end(h)
}
