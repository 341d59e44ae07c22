//! The HTML report: one self-contained file a coach can hand to a client. Inline CSS, no external
//! resource of any kind (no fonts, images or scripts fetched). It opens with a one-screen summary
//! (the roles in focus, the strongest areas, the next steps), then the ranking, the first steps of
//! the learning plan, the roles in focus with an inline SVG chart of their category scores, and
//! what the résumé shows; the rest (other roles, the rest of the plan, every skill) is in a
//! collapsed appendix that is left out of print, so a typical person prints on at most four pages.
//! It reads on a phone (tables become one block per row), follows a dark colour scheme, and never
//! shows a verdict by colour alone (every bar carries its number).
//!
//! Every piece of text goes through [`escape::html`]: names, skills, evidence lines and file names
//! come from untrusted résumés, and role titles from custom profiles. Text a reader sees is also
//! wrapped in `<bdi>` where it is a name, so right-to-left overrides in a name cannot reorder the
//! text around it.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::escape::html as esc;
use super::markdown::{plan_reason, role_title};
use super::markup::{self, Cell, Column};
use super::summary::{
    evidence_lines, evidence_rows, fit_words, focus, level_reached, match_groups, missing_rows,
    next_steps, others, role_sentence, short_usage, split_gaps, strongest_areas, zero_gain_label,
    MatchGroups, EVIDENCE_SHOWN, MISSING_SHOWN, PLAN_SHOWN,
};
use super::{
    cap_words, claimed_names, match_mark, quoted_line, upper_first, years_words, Render,
    RenderOptions, BLOCKING_LEGEND, CLAIMED_LABEL,
};
use crate::assess::FIT_THRESHOLD;
use crate::report::{Report, ReportSkill, RoleFit};
use crate::skills::{level_word, LEVEL_MEANINGS, LEVEL_WORDS};

pub struct Html;

/// The report's tables: a block per row on a phone (`rows`), the plan's tighter (`compact`).
pub(super) const ROWS: markup::Html = markup::Html { class: "rows" };
const ROWS_COMPACT: markup::Html = markup::Html {
    class: "rows compact",
};

/// The page style, shared with the HTML of `skillgap diff`.
pub(super) const STYLE: &str = r#"
:root { color-scheme: light dark;
        --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --track: #e6eaef; --bg: #fff;
        --fit: #1a7f37; --near: #9a6700; --far: #cf222e; --accent: #0969da; --note: #fff8c5; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #e6edf3; --muted: #9198a1; --line: #3d444d; --track: #2a313c; --bg: #0d1117;
          --fit: #3fb950; --near: #d29922; --far: #f85149; --accent: #4493f8; --note: #2e2a1a; }
}
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: var(--bg); overflow-wrap: break-word;
       font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; line-height: 1.25; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .3rem; }
h4 { font-size: .95rem; margin: .9rem 0 .3rem; }
p { margin: .4rem 0; }
a { color: var(--accent); }
.facts { color: var(--muted); margin: 0; }
.note { border-left: 4px solid var(--near); background: var(--note); padding: .5rem .8rem; margin: 1rem 0; }
.best { list-style: none; padding: 0; margin: 0; }
.best li { padding: .5rem 0; border-bottom: 1px solid var(--track); }
.best .headline { display: flex; flex-wrap: wrap; gap: .2rem .7rem; align-items: baseline; }
.best .role { font-weight: 600; font-size: 1.05rem; color: inherit; }
.verdict { font-weight: 600; }
.verdict.fit { color: var(--fit); }
.score { font-variant-numeric: tabular-nums; font-weight: 600; }
.ranking { list-style: none; padding: 0; margin: 0; }
.ranking li { display: grid; grid-template-columns: 1.5rem minmax(9rem, 15rem) minmax(6rem, 1fr) 3rem minmax(9rem, 17rem);
              gap: .3rem .7rem; align-items: center; padding: .35rem 0; border-bottom: 1px solid var(--track); }
.rank { color: var(--muted); text-align: right; }
.ranking .role a { color: inherit; text-decoration: none; font-weight: 600; }
.ranking .score { text-align: right; }
.bar { display: block; height: .8rem; background: var(--track); border-radius: .4rem; overflow: hidden; }
.fill { display: block; height: 100%; border-radius: .4rem; background: var(--far); }
.fit .fill { background: var(--fit); } .near .fill { background: var(--near); }
.tier { color: var(--muted); font-size: .9rem; }
.legend { color: var(--muted); font-size: .85rem; margin-top: .4rem; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 .6rem; font-size: .92rem; }
th, td { text-align: left; padding: .28rem .5rem; border-bottom: 1px solid var(--track); vertical-align: top; }
th { color: var(--muted); font-weight: 600; border-bottom: 1px solid var(--line); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.nowrap { white-space: nowrap; }
.evidence, .muted { color: var(--muted); font-size: .86rem; }
.blocking { color: var(--far); font-weight: 600; }
.ranking .blocking { white-space: nowrap; }
.chart { display: block; width: 100%; max-width: 34rem; height: auto; margin: .4rem 0 .6rem; }
.chart text { fill: var(--ink); font-size: 12px; font-family: inherit; }
.chart .value { font-weight: 600; font-variant-numeric: tabular-nums; }
.chart .c-track { fill: var(--track); }
.chart.progress { max-width: 30rem; }
.chart .c-label { fill: var(--muted); font-size: 10px; }
.chart .c-before { fill: none; stroke: var(--muted); stroke-width: 1.2; stroke-dasharray: 3 2; }
.chart .c-fill { fill: var(--far); } .chart .fit .c-fill { fill: var(--fit); } .chart .near .c-fill { fill: var(--near); }
.role-grid { display: grid; grid-template-columns: minmax(0, 19rem) minmax(0, 1fr); gap: 0 1.4rem; align-items: start; }
.role-grid .chart { margin-top: .5rem; }
.matched-list { margin: .2rem 0 .5rem; padding-left: 1.1rem; }
details { border: 1px solid var(--line); border-radius: .5rem; margin: .6rem 0; padding: 0 1rem; }
details[open] { padding-bottom: .6rem; }
summary { cursor: pointer; padding: .55rem 0; font-weight: 600; }
.print-only { display: none; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .8rem; }
@media (max-width: 40rem) {
  main { padding: 1rem .9rem 2rem; }
  .role-grid { grid-template-columns: minmax(0, 1fr); }
  .ranking li { grid-template-columns: 1.3rem minmax(0, 1fr) 3rem;
                grid-template-areas: "rank role score" ". bar bar" ". tier tier"; }
  .ranking .rank { grid-area: rank; } .ranking .role { grid-area: role; }
  .ranking .score { grid-area: score; } .ranking .bar-cell { grid-area: bar; }
  .ranking .tier { grid-area: tier; }
  table.rows thead { display: none; }
  table.rows, table.rows tbody, table.rows tr, table.rows td { display: block; width: auto; }
  table.rows tr { border-bottom: 1px solid var(--line); padding: .35rem 0; }
  table.rows td { border: none; padding: .05rem 0; text-align: left; white-space: normal; }
  table.rows td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
  table.compact td { display: inline; padding: 0; }
  table.compact td[data-label]:nth-child(-n+2)::before { content: none; }
  table.compact td[data-label] + td[data-label]::before { content: " · "; color: var(--muted); }
  table.compact td:first-child::after { content: ". "; }
}
@page { size: auto; margin: 12mm 13mm 14mm;
        @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; color: #59636e; } }
@media print {
  :root { --ink: #000; --muted: #444; --line: #999; --track: #e4e4e4; --bg: #fff;
          --fit: #1a7f37; --near: #7d5400; --far: #b3261e; --note: #fff; }
  body { font-size: 9pt; line-height: 1.35; }
  main { max-width: none; padding: 0; }
  h2 { margin-top: .8rem; break-after: avoid; }
  h3 { margin-top: .9rem; }
  h3, h4 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .screen-only { display: none !important; }
  .print-only { display: block; }
  tr, li, .chart, .best li, p { break-inside: avoid; }
  .chart { max-width: none; margin: .2rem 0; }
  .role-grid { grid-template-columns: minmax(0, 16rem) minmax(0, 1fr); }
  .cat { display: none; }
  footer { margin-top: .8rem; font-size: 7.5pt; }
  .ranking li { padding: .15rem 0; }
  th, td { padding: .18rem .4rem; }
}
"#;

/// The CSS class of a score: fit (at or above the fit threshold), near (40 or more), far.
pub(super) fn band(score: f64) -> &'static str {
    if score >= FIT_THRESHOLD {
        "fit"
    } else if score >= 40.0 {
        "near"
    } else {
        "far"
    }
}

impl Render<Report<'_>> for Html {
    fn render(
        &self,
        report: &Report,
        options: &RenderOptions,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let mut page = String::with_capacity(64 * 1024);
        write_page(&mut page, report, options).map_err(io::Error::other)?;
        out.write_all(page.as_bytes())
    }
}

/// Whether any ⚠ mark shows in the page's body (the ranking marks every blocked role in focus
/// or not, and the role sections their blocking gaps).
fn shows_blocking(report: &Report) -> bool {
    report.roles.iter().any(|r| !r.blocking.is_empty())
}

fn write_page(h: &mut String, report: &Report, options: &RenderOptions) -> std::fmt::Result {
    let name = report.subject.name.as_deref();
    let title = match (&options.title, name) {
        (Some(title), _) => esc(title).into_owned(),
        (None, Some(name)) => format!("Skill-gap report: <bdi>{}</bdi>", esc(name)),
        (None, None) => "Skill-gap report".to_string(),
    };
    let head_title = match (&options.title, name) {
        (Some(title), _) => esc(title).into_owned(),
        (None, Some(name)) => format!("Skill-gap report: {}", esc(name)),
        (None, None) => "Skill-gap report".to_string(),
    };
    page_start(h, &head_title)?;

    writeln!(h, "<header>")?;
    writeln!(h, "<h1>{title}</h1>")?;
    let mut facts = Vec::new();
    if options.title.is_some() {
        if let Some(name) = name {
            facts.push(format!("<bdi>{}</bdi>", esc(name)));
        }
    }
    facts.push(match report.subject.years_experience {
        Some(years) => format!("{years:.1} years of work"),
        None => "years of work unknown".to_string(),
    });
    let count = report.skills.len();
    facts.push(format!(
        "{count} skill{} recognized",
        if count == 1 { "" } else { "s" }
    ));
    facts.push(format!("from <bdi>{}</bdi>", esc(&report.subject.source)));
    writeln!(h, "<p class=\"facts\">{}</p>", facts.join(" · "))?;
    let prepared = match (&options.date, &options.prepared_by) {
        (Some(date), Some(by)) => Some(format!(
            "Prepared on {} by <bdi>{}</bdi>",
            esc(date),
            esc(by)
        )),
        (Some(date), None) => Some(format!("Prepared on {}", esc(date))),
        (None, Some(by)) => Some(format!("Prepared by <bdi>{}</bdi>", esc(by))),
        (None, None) => None,
    };
    if let Some(prepared) = prepared {
        writeln!(h, "<p class=\"facts\">{prepared}</p>")?;
    }
    writeln!(h, "</header>")?;
    for warning in &report.warnings {
        writeln!(
            h,
            "<p class=\"note\" role=\"note\"><strong>Note:</strong> {}</p>",
            esc(warning)
        )?;
    }

    write_summary(h, report)?;
    write_ranking(h, report)?;
    write_plan(h, report)?;
    write_focus(h, report)?;
    write_evidence(h, report)?;
    write_appendix(h, report)?;

    writeln!(
        h,
        "<footer>Made by skillgap, offline: nothing in this report was sent anywhere. Scores are 0–100 at the tier each role is scored at; a role fits from {FIT_THRESHOLD:.0}. Levels: {}.</footer>",
        level_legend()
    )?;
    page_end(h)
}

/// A page's start, shared with the HTML of `skillgap diff`: the head (its `title`, already
/// escaped, the generator mark and the [`STYLE`]), then `<body><main>`.
pub(super) fn page_start(h: &mut String, title: &str) -> std::fmt::Result {
    writeln!(h, "<!DOCTYPE html>")?;
    writeln!(h, "<html lang=\"en\">")?;
    writeln!(h, "<head>")?;
    writeln!(h, "<meta charset=\"utf-8\">")?;
    writeln!(
        h,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(h, "<meta name=\"color-scheme\" content=\"light dark\">")?;
    writeln!(h, "{}", crate::generator::HTML_MARK)?;
    writeln!(h, "<title>{title}</title>")?;
    writeln!(h, "<style>{STYLE}</style>")?;
    writeln!(h, "</head>")?;
    writeln!(h, "<body>")?;
    writeln!(h, "<main>")
}

/// What closes a page that [`page_start`] opened.
pub(super) fn page_end(h: &mut String) -> std::fmt::Result {
    writeln!(h, "</main>")?;
    writeln!(h, "</body>")?;
    writeln!(h, "</html>")
}

/// "aware: read about it, followed tutorials; working: …", from the level meanings of SPEC §4.
fn level_legend() -> String {
    let levels: Vec<String> = (1..=4)
        .map(|l| format!("{}: {}", LEVEL_WORDS[l], LEVEL_MEANINGS[l]))
        .collect();
    levels.join("; ")
}

/// The one-screen summary: the roles in focus with a sentence each, the strongest areas, the
/// next steps.
fn write_summary(h: &mut String, report: &Report) -> std::fmt::Result {
    writeln!(h, "<section id=\"summary\">")?;
    writeln!(h, "<h2>Summary</h2>")?;
    let focus = focus(report);
    if focus.is_empty() {
        writeln!(h, "<p>No roles were assessed.</p>")?;
        return writeln!(h, "</section>");
    }
    if report.has_no_skills() {
        writeln!(
            h,
            "<p><strong>No skill in this input matched the catalog</strong>, so every score is 0. Check that the file is the résumé you meant, or list skills by their usual names.</p>"
        )?;
    }
    writeln!(h, "<ul class=\"best\">")?;
    for role in focus {
        let fit = band(role.score) == "fit" && role.tier.is_some();
        writeln!(
            h,
            "<li><div class=\"headline\"><a class=\"role\" href=\"#role-{id}\">{title}</a><span class=\"score\">{score:.1}</span><span class=\"verdict{class}\">{verdict}</span></div><div>{sentence}</div></li>",
            id = esc(&role.id),
            title = esc(&role.title),
            score = role.score,
            class = if fit { " fit" } else { "" },
            verdict = esc(&fit_words(role)),
            sentence = esc(&role_sentence(role)),
        )?;
    }
    writeln!(h, "</ul>")?;
    let areas = strongest_areas(report);
    if !report.skills.is_empty() && report.skills.iter().all(|s| !s.evidenced) {
        writeln!(
            h,
            "<p><strong>Every skill is claimed, not shown:</strong> the input lists them but no position shows any of them in use, so no role fits until work does.</p>"
        )?;
    } else if !areas.is_empty() {
        let areas: Vec<String> = areas
            .iter()
            .map(|(name, score)| format!("{} ({score:.0})", esc(name)))
            .collect();
        writeln!(
            h,
            "<p><strong>Strongest areas:</strong> {}.</p>",
            areas.join(", ")
        )?;
    }
    let steps = next_steps(report);
    if !steps.is_empty() {
        writeln!(h, "<p><strong>Next steps:</strong></p>")?;
        writeln!(h, "<ol>")?;
        for step in steps {
            writeln!(h, "<li>{}</li>", esc(&step))?;
        }
        writeln!(h, "</ol>")?;
    }
    writeln!(h, "</section>")
}

fn write_ranking(h: &mut String, report: &Report) -> std::fmt::Result {
    writeln!(h, "<section id=\"ranking\">")?;
    writeln!(h, "<h2>Every role, ranked</h2>")?;
    if report.roles.is_empty() {
        writeln!(h, "<p>No roles were assessed.</p>")?;
        return writeln!(h, "</section>");
    }
    writeln!(h, "<ol class=\"ranking\">")?;
    for (rank, role) in report.roles.iter().enumerate() {
        let score = role.score.clamp(0.0, 100.0);
        let blocked = if role.blocking.is_empty() {
            String::new()
        } else {
            format!(" <span class=\"blocking\">⚠ {}</span>", role.blocking.len())
        };
        writeln!(
            h,
            "<li class=\"{band}\"><span class=\"rank\">{rank}</span>\
<span class=\"role\"><a href=\"#role-{id}\">{title}</a></span>\
<span class=\"bar-cell\"><span class=\"bar\" role=\"img\" aria-label=\"score {score:.1} of 100\">\
<span class=\"fill\" style=\"width: {score:.1}%\"></span></span></span>\
<span class=\"score\">{score:.1}</span><span class=\"tier\">{fits}{blocked}</span></li>",
            band = band(role.score),
            rank = rank + 1,
            id = esc(&role.id),
            title = esc(&role.title),
            fits = esc(&fit_words(role)),
        )?;
    }
    writeln!(h, "</ol>")?;
    if shows_blocking(report) {
        writeln!(
            h,
            "<p class=\"legend\"><span class=\"blocking\">⚠</span> marks {BLOCKING_LEGEND}.</p>"
        )?;
    }
    writeln!(h, "</section>")
}

/// The one role every step of `items` raises, when they all raise the same one (then the table
/// says it once, above, instead of on every row).
fn only_role<'r>(items: &'r [crate::report::PlanItem]) -> Option<&'r str> {
    let first = items.first()?.roles_improved.first()?;
    items
        .iter()
        .all(|item| item.roles_improved.len() == 1 && item.roles_improved[0] == *first)
        .then_some(&**first)
}

fn write_plan_rows(
    h: &mut String,
    report: &Report,
    first: usize,
    items: &[crate::report::PlanItem],
) -> std::fmt::Result {
    let roles_column = only_role(items).is_none();
    let mut columns = vec![
        Column::number("Step"),
        Column::text("Skill"),
        Column::text("Learn to").header_class("nowrap"),
        Column::number("Gain"),
    ];
    if roles_column {
        columns.push(Column::text("Roles it raises").label("Raises"));
    }
    let rows: Vec<Vec<Cell>> = (items.iter().enumerate())
        .map(|(i, item)| {
            let reason = plan_reason(report, item);
            let mut row: Vec<Cell> = vec![
                (first + i + 1).to_string().into(),
                format!(
                    "{}{}",
                    esc(&item.name),
                    if reason.is_empty() {
                        String::new()
                    } else {
                        format!(" <span class=\"evidence\">({})</span>", esc(&reason))
                    }
                )
                .into(),
                level_word(item.target_level).into(),
                if item.total_gain > 0.0 {
                    format!("+{:.1}", item.total_gain).into()
                } else {
                    "—".into()
                },
            ];
            if roles_column {
                let roles: Vec<String> = (item.roles_improved.iter())
                    .map(|id| esc(role_title(report, id)).into_owned())
                    .collect();
                row.push(if roles.is_empty() {
                    "—".into()
                } else {
                    roles.join(", ").into()
                });
            }
            row
        })
        .collect();
    markup::table(&ROWS_COMPACT, &columns, &rows, h);
    Ok(())
}

fn write_plan(h: &mut String, report: &Report) -> std::fmt::Result {
    writeln!(h, "<section id=\"plan\">")?;
    writeln!(h, "<h2>Learning plan</h2>")?;
    if report.learning_plan.is_empty() {
        if report.has_no_skills() {
            writeln!(h, "<p>No plan: no skills were recognized to plan from.</p>")?;
        } else {
            writeln!(h, "<p>Nothing to learn: no gap would raise a score.</p>")?;
        }
        return writeln!(h, "</section>");
    }
    writeln!(
        h,
        "<p>In this order: what a later step needs comes first. The gain is the points the step adds to the roles it raises, weighted by how near each role is.</p>"
    )?;
    let shown = report.learning_plan.len().min(PLAN_SHOWN);
    if let Some(role) = only_role(&report.learning_plan[..shown]) {
        writeln!(
            h,
            "<p>Each of these steps raises <strong>{}</strong>.</p>",
            esc(role_title(report, role))
        )?;
    }
    write_plan_rows(h, report, 0, &report.learning_plan[..shown])?;
    let rest = report.learning_plan.len() - shown;
    if rest > 0 {
        writeln!(
            h,
            "<p class=\"muted\">{rest} more step{} in the <a href=\"#appendix\">appendix</a>.</p>",
            if rest == 1 { "" } else { "s" }
        )?;
    }
    writeln!(h, "</section>")
}

/// A horizontal bar chart of a role's category scores: one row per category, its name above the
/// bar and the score at the bar's end, so it reads in print and without colour. Self-contained
/// SVG, styled by the page's CSS.
fn write_chart(h: &mut String, role: &RoleFit) -> std::fmt::Result {
    const ROW: f64 = 27.0;
    const TRACK: f64 = 215.0;
    let height = ROW * role.categories.len() as f64 + 4.0;
    writeln!(
        h,
        "<svg class=\"chart\" viewBox=\"0 0 260 {height:.0}\" role=\"img\" aria-labelledby=\"chart-{id}\">",
        id = esc(&role.id)
    )?;
    writeln!(
        h,
        "<title id=\"chart-{}\">{}: score per category at {}</title>",
        esc(&role.id),
        esc(&role.title),
        role.target_tier
    )?;
    for (row, category) in role.categories.iter().enumerate() {
        let y = ROW * row as f64;
        let score = category.score.clamp(0.0, 100.0);
        let width = TRACK * score / 100.0;
        writeln!(
            h,
            "<g class=\"{band}\"><text x=\"0\" y=\"{label:.0}\">{name}</text><rect class=\"c-track\" x=\"0\" y=\"{bar:.0}\" width=\"{TRACK:.0}\" height=\"9\" rx=\"4\"/><rect class=\"c-fill\" x=\"0\" y=\"{bar:.0}\" width=\"{width:.1}\" height=\"9\" rx=\"4\"/><text class=\"value\" x=\"{value:.0}\" y=\"{value_y:.0}\">{score:.0}</text></g>",
            band = band(category.score),
            label = y + 12.0,
            bar = y + 16.0,
            value = TRACK + 8.0,
            value_y = y + 25.0,
            name = esc(&category.name),
        )?;
    }
    writeln!(h, "</svg>")
}

/// The roles in focus, each with its chart, its top gaps and what it credits.
fn write_focus(h: &mut String, report: &Report) -> std::fmt::Result {
    let focus = focus(report);
    if focus.is_empty() {
        return Ok(());
    }
    writeln!(h, "<section id=\"roles\">")?;
    writeln!(
        h,
        "<h2>{}</h2>",
        if focus.len() == 1 {
            "The role in focus"
        } else {
            "The roles in focus"
        }
    )?;
    for role in focus {
        writeln!(h, "<section id=\"role-{}\">", esc(&role.id))?;
        writeln!(
            h,
            "<h3>{} <span class=\"score\">{:.1}</span> <span class=\"tier\">{}</span></h3>",
            esc(&role.title),
            role.score,
            esc(&fit_words(role))
        )?;
        write_role_body(h, report, role, true)?;
        writeln!(h, "</section>")?;
    }
    writeln!(h, "</section>")
}

/// What a role's section holds after its heading. A role in focus has its chart beside the
/// facts and the matches, and keeps the table of every match, with its evidence, for the screen.
fn write_role_body(
    h: &mut String,
    report: &Report,
    role: &RoleFit,
    focus: bool,
) -> std::fmt::Result {
    if focus {
        writeln!(h, "<div class=\"role-grid\">")?;
        if !role.categories.is_empty() {
            writeln!(h, "<div>")?;
            write_chart(h, role)?;
            writeln!(h, "</div>")?;
        }
        writeln!(h, "<div>")?;
        write_role_facts(h, report, role)?;
        writeln!(h, "<p>{}</p>", esc(&role_sentence(role)))?;
        write_matched(h, report, role)?;
        writeln!(h, "</div>")?;
        writeln!(h, "</div>")?;
        write_missing(h, role)?;
        if !role.matched.is_empty() {
            writeln!(
                h,
                "<details class=\"screen-only\"><summary>{}</summary>",
                match role.matched.len() {
                    1 => "The match, with the line that shows it".to_string(),
                    n => format!("The {n} matches, with the line that shows each"),
                }
            )?;
            write_matched_table(h, role)?;
            writeln!(h, "</details>")?;
        }
        return Ok(());
    }
    write_role_facts(h, report, role)?;
    if !role.categories.is_empty() {
        let categories: Vec<String> = role
            .categories
            .iter()
            .map(|c| format!("{} {:.0}", esc(&c.name), c.score))
            .collect();
        writeln!(
            h,
            "<p class=\"muted\">By category: {}.</p>",
            categories.join(" · ")
        )?;
    }
    write_missing(h, role)?;
    write_matched(h, report, role)
}

/// The tier a role is scored at, the cap, each tier's score and the years that count.
fn write_role_facts(h: &mut String, report: &Report, role: &RoleFit) -> std::fmt::Result {
    let tiers: Vec<String> = role
        .tiers
        .iter()
        .map(|t| {
            format!(
                "{} {:.1}{}",
                t.tier,
                t.score,
                if t.in_band {
                    ""
                } else {
                    " (beyond the years shown)"
                }
            )
        })
        .collect();
    writeln!(
        h,
        "<p>Scored at <strong>{}</strong>{}. Each tier: {}.{}</p>",
        role.target_tier,
        cap_words(role)
            .map(|w| format!(" ({})", esc(&w)))
            .unwrap_or_default(),
        tiers.join(" · "),
        years_words(report, role)
            .map(|w| format!(" {}.", esc(&upper_first(&w))))
            .unwrap_or_default()
    )?;
    Ok(())
}

/// A role's gaps: those worth points now in a table (the first [`MISSING_SHOWN`]), then by name
/// those worth nothing until a blocking gap is cleared.
fn write_missing(h: &mut String, role: &RoleFit) -> std::fmt::Result {
    writeln!(h, "<h4>Missing, by what learning it would add</h4>")?;
    // The gaps worth points now, in a table; those worth nothing until a blocking gap is cleared,
    // by name after it.
    let (worth, later) = split_gaps(role);
    if role.missing.is_empty() {
        writeln!(h, "<p>None: every requirement at this tier is met.</p>")?;
    } else if !worth.is_empty() {
        let columns = [
            Column::text("Skill"),
            Column::text("Category").class("cat"),
            Column::text("Importance"),
            Column::text("Now"),
            Column::text("Needed"),
            Column::number("Gain"),
        ];
        let rows = missing_rows(role, &worth, &|text| esc(text).into_owned());
        markup::table(&ROWS, &columns, &rows, h);
        let rest = worth.len().saturating_sub(MISSING_SHOWN);
        if rest > 0 {
            writeln!(
                h,
                "<p class=\"muted\">and {rest} more, each adding less (the JSON report lists them all).</p>"
            )?;
        }
    }
    if !later.is_empty() {
        let names: Vec<String> = later
            .iter()
            .take(MISSING_SHOWN)
            .map(|m| esc(&m.name).into_owned())
            .collect();
        let rest = later.len().saturating_sub(MISSING_SHOWN);
        writeln!(
            h,
            "<p class=\"muted\">{}: {}{}.</p>",
            esc(zero_gain_label(role)),
            names.join(", "),
            if rest > 0 {
                format!(" and {rest} more")
            } else {
                String::new()
            }
        )?;
    }
    Ok(())
}

/// What a role credits, in words on one line: the level reached and how long and lately it was
/// used; then the skills credited only through a related one.
fn write_matched(h: &mut String, report: &Report, role: &RoleFit) -> std::fmt::Result {
    writeln!(h, "<h4>Matched</h4>")?;
    if super::fully_matched(role).next().is_none() {
        writeln!(h, "<p>Nothing matched in full yet.</p>")?;
        return Ok(());
    }
    // In words, one line: the level reached and how long and lately it was used; the skills
    // credited only through a related one are named after it.
    let MatchGroups {
        shown,
        claimed,
        partial,
    } = match_groups(role);
    let items: Vec<String> = shown
        .iter()
        .map(|m| {
            let mut words = vec![level_reached(m.level).to_string()];
            if let Some(skill) = report.skills.iter().find(|s| s.id == m.skill) {
                words.extend(short_usage(skill));
            }
            format!(
                "{} <span class=\"muted\">({})</span>",
                esc(&m.name),
                words.join(", ")
            )
        })
        .collect();
    if !items.is_empty() {
        writeln!(h, "<p>{}.</p>", items.join("; "))?;
    }
    for (label, group) in [
        ("Claimed, not shown in any position", claimed),
        ("Partly credited through a related skill", partial),
    ] {
        if !group.is_empty() {
            let names: Vec<String> = group.iter().map(|m| esc(&m.name).into_owned()).collect();
            writeln!(h, "<p class=\"muted\">{label}: {}.</p>", names.join(", "))?;
        }
    }
    Ok(())
}

fn write_matched_table(h: &mut String, role: &RoleFit) -> std::fmt::Result {
    let columns = [
        Column::text("Skill"),
        Column::text("Importance"),
        Column::text("Level"),
        Column::text("Needed"),
        Column::text("How"),
    ];
    let rows: Vec<Vec<Cell>> = (role.matched.iter())
        .map(|m| {
            let evidence = m
                .evidence
                .as_deref()
                .map(|e| {
                    format!(
                        "<br><span class=\"evidence\">“{}”</span>",
                        esc(&crate::input::shorten(&quoted_line(e), 160))
                    )
                })
                .unwrap_or_default();
            let mark = match match_mark(m) {
                "✓" => String::new(),
                mark => format!(" <span class=\"evidence\">({mark})</span>"),
            };
            vec![
                format!("{}{mark}", esc(&m.name)).into(),
                m.importance.to_string().into(),
                level_reached(m.level).into(),
                level_word(m.required_level).into(),
                format!("{}{evidence}", esc(&m.via)).into(),
            ]
        })
        .collect();
    markup::table(&ROWS, &columns, &rows, h);
    Ok(())
}

/// What the input shows: each line of the input that shows skills, with the skills it shows
/// (strongest first, with how long and lately each was used); the skills shown without a line;
/// then the skills only claimed.
fn write_evidence(h: &mut String, report: &Report) -> std::fmt::Result {
    writeln!(h, "<section id=\"skills\">")?;
    writeln!(h, "<h2>What the input shows</h2>")?;
    if report.skills.is_empty() {
        writeln!(
            h,
            "<p><strong>Nothing.</strong> No skill in this input matched the catalog, so every score is 0 and every requirement is a gap.</p>"
        )?;
        return writeln!(h, "</section>");
    }
    let (lines, hidden) = evidence_lines(report, EVIDENCE_SHOWN);
    if let [(None, skills)] = &lines[..] {
        // Nothing but the person's own statement: one list, no column of empty lines.
        let skills: Vec<String> = skills.iter().map(|skill| skill_words(skill)).collect();
        writeln!(h, "<p>As stated: {}.</p>", skills.join("; "))?;
    } else if !lines.is_empty() {
        let columns = [
            Column::text("Line of the input")
                .cell_class("evidence")
                .label("Line"),
            Column::text("Skills it shows").label("Shows"),
        ];
        let escape = |text: &str| esc(text).into_owned();
        let rows = evidence_rows(&lines, &escape, &skill_words);
        markup::table(&ROWS, &columns, &rows, h);
    }
    if hidden > 0 {
        writeln!(
            h,
            "<p class=\"muted\">These are the {EVIDENCE_SHOWN} strongest; {hidden} more shown skill{} in the <a href=\"#appendix\">appendix</a>.</p>",
            if hidden == 1 { " is" } else { "s are" }
        )?;
    }
    let claimed: Vec<String> = claimed_names(report)
        .map(|name| esc(name).into_owned())
        .collect();
    if !claimed.is_empty() {
        writeln!(
            h,
            "<p><strong>{CLAIMED_LABEL}:</strong> {}.</p>",
            claimed.join(", ")
        )?;
    }
    writeln!(h, "</section>")
}

/// "PyTorch (proficient, 4.9 yrs, current)", the name escaped.
fn skill_words(skill: &ReportSkill) -> String {
    let mut words = vec![level_word(skill.level).to_string()];
    words.extend(short_usage(skill));
    format!(
        "{} <span class=\"muted\">({})</span>",
        esc(&skill.name),
        words.join(", ")
    )
}

/// Everything the body leaves out, collapsed, on screen only: the other roles in detail, the rest
/// of the plan, what was not recognized and how each skill was named.
fn write_appendix(h: &mut String, report: &Report) -> std::fmt::Result {
    let others = others(report);
    let rest = report.learning_plan.get(PLAN_SHOWN..).unwrap_or_default();
    writeln!(h, "<section id=\"appendix\" class=\"screen-only\">")?;
    writeln!(h, "<h2>Appendix</h2>")?;
    if !others.is_empty() {
        writeln!(h, "<h3>The other roles</h3>")?;
        for role in others {
            writeln!(h, "<details id=\"role-{}\">", esc(&role.id))?;
            writeln!(
                h,
                "<summary>{} <span class=\"score\">{:.1}</span> <span class=\"tier\">{}</span></summary>",
                esc(&role.title),
                role.score,
                esc(&fit_words(role))
            )?;
            write_role_body(h, report, role, false)?;
            writeln!(h, "</details>")?;
        }
    }
    if !rest.is_empty() {
        writeln!(
            h,
            "<details><summary>The rest of the learning plan ({} step{})</summary>",
            rest.len(),
            if rest.len() == 1 { "" } else { "s" }
        )?;
        write_plan_rows(h, report, PLAN_SHOWN, rest)?;
        writeln!(h, "</details>")?;
    }
    if !report.skills.is_empty() {
        writeln!(
            h,
            "<details><summary>How each of the {} skills was recognized</summary>",
            report.skills.len()
        )?;
        let columns = [
            Column::text("Skill"),
            Column::text("Level"),
            Column::text("Recognized as"),
            Column::text("Why this level")
                .cell_class("evidence")
                .label("Why"),
        ];
        let rows: Vec<Vec<Cell>> = (report.skills.iter())
            .map(|skill| {
                let claimed = if skill.evidenced {
                    ""
                } else {
                    " <span class=\"evidence\">(claimed)</span>"
                };
                vec![
                    format!("{}{claimed}", esc(&skill.name)).into(),
                    level_word(skill.level).into(),
                    esc(&skill.via).into_owned().into(),
                    esc(&skill.level_reason).into_owned().into(),
                ]
            })
            .collect();
        markup::table(&ROWS, &columns, &rows, h);
        writeln!(h, "</details>")?;
    }
    if !report.unrecognized.is_empty() {
        writeln!(
            h,
            "<details><summary>Not recognized ({})</summary>",
            report.unrecognized.len()
        )?;
        writeln!(h, "<ul>")?;
        for item in &report.unrecognized {
            match &item.suggestion {
                Some(s) => writeln!(
                    h,
                    "<li><bdi>{}</bdi> <span class=\"evidence\">(did you mean {}?)</span></li>",
                    esc(&item.input),
                    esc(s)
                )?,
                None => writeln!(h, "<li><bdi>{}</bdi></li>", esc(&item.input))?,
            }
        }
        writeln!(h, "</ul>")?;
        writeln!(h, "</details>")?;
    }
    writeln!(h, "</section>")?;
    if !others.is_empty() || !rest.is_empty() {
        writeln!(
            h,
            "<p class=\"print-only muted\">The other roles and the rest of the plan are in the appendix of the on-screen report.</p>"
        )?;
    }
    Ok(())
}
