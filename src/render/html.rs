//! The HTML report: one self-contained file a coach can hand to a client. Inline CSS, no external
//! resource of any kind (no fonts, images or scripts fetched), a horizontal bar per role score,
//! collapsible per-role details (`<details>`), and a print style that opens every section.
//!
//! Every piece of text goes through [`escape::html`]: names, skills, evidence lines and file names
//! come from untrusted résumés, and role titles from custom profiles. Text a reader sees is also
//! wrapped in `<bdi>` where it is a name, so right-to-left overrides in a name cannot reorder the
//! text around it.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::escape::html as esc;
use super::markdown::{category_name, plan_reason, role_title};
use super::{
    cap_words, claimed_names, upper_first, usage_words, years_words, Render, RenderOptions,
    BLOCKING_LEGEND, CLAIMED_LABEL,
};
use crate::assess::FIT_THRESHOLD;
use crate::report::{Report, RoleFit};
use crate::skills::level_word;

pub struct Html;

const STYLE: &str = r#"
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --track: #eef1f4;
        --fit: #1a7f37; --near: #bf8700; --far: #cf222e; --accent: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
       font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2.2rem 0 .75rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
p { margin: .4rem 0; }
.facts { color: var(--muted); margin: 0; }
.note { border-left: 4px solid var(--near); background: #fff8c5; padding: .5rem .8rem; margin: 1rem 0; }
.ranking { list-style: none; padding: 0; margin: 0; }
.ranking li { display: grid; grid-template-columns: 1.6rem minmax(10rem, 16rem) 1fr 3.4rem 12.5rem;
              gap: .75rem; align-items: center; padding: .45rem 0; border-bottom: 1px solid var(--track); }
.rank { color: var(--muted); text-align: right; }
.role-title a { color: inherit; text-decoration: none; font-weight: 600; }
.role-title a:hover { text-decoration: underline; }
.bar { display: block; height: .85rem; background: var(--track); border-radius: .45rem; overflow: hidden; }
.fill { display: block; height: 100%; border-radius: .45rem; }
.fit .fill { background: var(--fit); } .near .fill { background: var(--near); } .far .fill { background: var(--far); }
.score { font-variant-numeric: tabular-nums; font-weight: 600; text-align: right; }
.tier { color: var(--muted); font-size: .9rem; white-space: nowrap; }
.legend { color: var(--muted); font-size: .85rem; margin-top: .5rem; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 .8rem; font-size: .92rem; }
th, td { text-align: left; padding: .3rem .55rem; border-bottom: 1px solid var(--track); vertical-align: top; }
th { color: var(--muted); font-weight: 600; border-bottom: 1px solid var(--line); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.evidence { color: var(--muted); font-size: .85rem; }
.nowrap { white-space: nowrap; }
.blocking { color: var(--far); font-weight: 600; }
.pill { display: inline-block; padding: 0 .45rem; border-radius: 1rem; background: var(--track); font-size: .8rem; }
details.more { border: none; padding: 0; margin: 0; }
details.more > summary { font-weight: 400; color: var(--accent); }
details { border: 1px solid var(--line); border-radius: .5rem; margin: .6rem 0; padding: 0 1rem; }
details[open] { padding-bottom: .6rem; }
summary { cursor: pointer; padding: .6rem 0; font-weight: 600; }
summary .summary-score { float: right; font-variant-numeric: tabular-nums; }
summary .summary-tier { color: var(--muted); font-weight: 400; }
footer { margin-top: 3rem; color: var(--muted); font-size: .8rem; }
@media (max-width: 40rem) {
  .ranking li { grid-template-columns: 1.4rem 1fr 3rem; }
  .ranking .bar-cell, .ranking .tier { grid-column: 2 / 4; }
}
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  details { border: none; padding: 0; break-inside: auto; }
  details::details-content { content-visibility: visible; display: contents; }
  details.more > summary { display: none; }
  summary { list-style: none; font-size: 1.1rem; border-bottom: 1px solid var(--line); }
  summary::-webkit-details-marker { display: none; }
  h2 { break-after: avoid; }
  tr, .ranking li { break-inside: avoid; }
}
"#;

/// Opens every collapsed section before printing (browsers without `::details-content`).
const PRINT_SCRIPT: &str = "addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true})});";

/// How many learning-plan steps show before the rest is folded away.
const PLAN_SHOWN: usize = 15;

/// The CSS class of a score: fit (at or above the fit threshold), near (40 or more), far.
fn band(score: f64) -> &'static str {
    if score >= FIT_THRESHOLD {
        "fit"
    } else if score >= 40.0 {
        "near"
    } else {
        "far"
    }
}

fn fits_text(role: &RoleFit) -> String {
    match role.tier {
        Some(tier) if tier == role.target_tier => format!("fits {tier}"),
        Some(tier) => format!("fits {tier} · target {}", role.target_tier),
        None => format!("no tier yet · target {}", role.target_tier),
    }
}

impl Render for Html {
    fn render(
        &self,
        report: &Report,
        _options: &RenderOptions,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let mut page = String::with_capacity(64 * 1024);
        write_page(&mut page, report).map_err(io::Error::other)?;
        out.write_all(page.as_bytes())
    }
}

fn write_page(h: &mut String, report: &Report) -> std::fmt::Result {
    let name = report.subject.name.as_deref();
    writeln!(h, "<!DOCTYPE html>")?;
    writeln!(h, "<html lang=\"en\">")?;
    writeln!(h, "<head>")?;
    writeln!(h, "<meta charset=\"utf-8\">")?;
    writeln!(
        h,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(h, "{}", crate::generator::HTML_MARK)?;
    writeln!(
        h,
        "<title>Skill-gap report{}</title>",
        name.map(|n| format!(": {}", esc(n))).unwrap_or_default()
    )?;
    writeln!(h, "<style>{STYLE}</style>")?;
    writeln!(h, "</head>")?;
    writeln!(h, "<body>")?;
    writeln!(h, "<main>")?;

    writeln!(h, "<header>")?;
    match name {
        Some(name) => writeln!(h, "<h1>Skill-gap report: <bdi>{}</bdi></h1>", esc(name))?,
        None => writeln!(h, "<h1>Skill-gap report</h1>")?,
    }
    let years = match report.subject.years_experience {
        Some(years) => format!("{years} years of experience"),
        None => "years of experience unknown".to_string(),
    };
    let count = report.skills.len();
    writeln!(
        h,
        "<p class=\"facts\">{years} · {count} skill{} recognized · from <bdi>{}</bdi></p>",
        if count == 1 { "" } else { "s" },
        esc(&report.subject.source)
    )?;
    writeln!(h, "</header>")?;
    for warning in &report.warnings {
        writeln!(
            h,
            "<p class=\"note\" role=\"note\"><strong>Note:</strong> {}</p>",
            esc(warning)
        )?;
    }

    write_ranking(h, report)?;
    write_plan(h, report)?;

    writeln!(h, "<section id=\"roles\">")?;
    writeln!(h, "<h2>Roles in detail</h2>")?;
    for (rank, role) in report.roles.iter().enumerate() {
        write_role(h, report, rank + 1, role)?;
    }
    writeln!(h, "</section>")?;

    write_skills(h, report)?;

    writeln!(
        h,
        "<footer>Made by skillgap, offline: nothing in this report was sent anywhere. Scores are 0–100 at the target tier; a role fits from {FIT_THRESHOLD:.0}.</footer>"
    )?;
    writeln!(h, "</main>")?;
    writeln!(h, "<script>{PRINT_SCRIPT}</script>")?;
    writeln!(h, "</body>")?;
    writeln!(h, "</html>")
}

fn write_ranking(h: &mut String, report: &Report) -> std::fmt::Result {
    writeln!(h, "<section id=\"ranking\">")?;
    writeln!(h, "<h2>Ranking</h2>")?;
    if report.roles.is_empty() {
        writeln!(h, "<p>No roles were assessed.</p>")?;
        return writeln!(h, "</section>");
    }
    writeln!(h, "<ol class=\"ranking\">")?;
    for (rank, role) in report.roles.iter().enumerate() {
        let score = role.score.clamp(0.0, 100.0);
        writeln!(
            h,
            "<li class=\"{band}\"><span class=\"rank\">{rank}</span>\
<span class=\"role-title\"><a href=\"#role-{id}\">{title}</a></span>\
<span class=\"bar-cell\"><span class=\"bar\" role=\"img\" aria-label=\"score {score:.1} of 100\">\
<span class=\"fill\" style=\"width: {score:.1}%\"></span></span></span>\
<span class=\"score\">{score:.1}</span><span class=\"tier\">{fits}</span></li>",
            band = band(role.score),
            rank = rank + 1,
            id = esc(&role.id),
            title = esc(&role.title),
            fits = esc(&fits_text(role)),
        )?;
    }
    writeln!(h, "</ol>")?;
    if report.roles.iter().any(|r| !r.blocking.is_empty()) {
        writeln!(
            h,
            "<p class=\"legend\"><span class=\"blocking\">⚠</span> marks {BLOCKING_LEGEND}.</p>"
        )?;
    }
    writeln!(h, "</section>")
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
        "<p>In this order: prerequisites come first. Gain is the sum of points over the roles improved.</p>"
    )?;
    let plan_head = "<thead><tr><th class=\"num\">Step</th><th>Skill</th><th>Reach</th><th class=\"num\">Gain</th><th>Roles improved</th></tr></thead>";
    writeln!(h, "<table>")?;
    writeln!(h, "{plan_head}")?;
    writeln!(h, "<tbody>")?;
    for (step, item) in report.learning_plan.iter().enumerate() {
        if step == PLAN_SHOWN {
            writeln!(h, "</tbody>")?;
            writeln!(h, "</table>")?;
            writeln!(
                h,
                "<details class=\"more\"><summary>Show the other {} steps</summary>",
                report.learning_plan.len() - PLAN_SHOWN
            )?;
            writeln!(h, "<table>")?;
            writeln!(h, "{plan_head}")?;
            writeln!(h, "<tbody>")?;
        }
        let roles: Vec<String> = item
            .roles_improved
            .iter()
            .map(|id| esc(role_title(report, id)).into_owned())
            .collect();
        let reason = plan_reason(report, item);
        writeln!(
            h,
            "<tr><td class=\"num\">{}</td><td>{}{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            step + 1,
            esc(&item.name),
            if reason.is_empty() {
                String::new()
            } else {
                format!(" <span class=\"evidence\">({})</span>", esc(&reason))
            },
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
            }
        )?;
    }
    writeln!(h, "</tbody>")?;
    writeln!(h, "</table>")?;
    if report.learning_plan.len() > PLAN_SHOWN {
        writeln!(h, "</details>")?;
    }
    writeln!(h, "</section>")
}

fn write_role(h: &mut String, report: &Report, rank: usize, role: &RoleFit) -> std::fmt::Result {
    writeln!(h, "<details id=\"role-{}\">", esc(&role.id))?;
    writeln!(
        h,
        "<summary>{rank}. {} <span class=\"summary-tier\">— {}</span><span class=\"summary-score\">{:.1}</span></summary>",
        esc(&role.title),
        esc(&fits_text(role)),
        role.score
    )?;
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
                    " (beyond your years)"
                }
            )
        })
        .collect();
    writeln!(
        h,
        "<p>Scored at <strong>{}</strong>{}. Tier scores: {}.{}</p>",
        role.target_tier,
        cap_words(role)
            .map(|w| format!(" ({})", esc(&w)))
            .unwrap_or_default(),
        tiers.join(" · "),
        years_words(report, role)
            .map(|w| format!(" {}.", esc(&upper_first(&w))))
            .unwrap_or_default()
    )?;
    if !role.categories.is_empty() {
        writeln!(h, "<h3>By category</h3>")?;
        writeln!(h, "<table>")?;
        writeln!(
            h,
            "<thead><tr><th>Category</th><th class=\"num\">Score</th><th></th></tr></thead>"
        )?;
        writeln!(h, "<tbody>")?;
        for category in &role.categories {
            let score = category.score.clamp(0.0, 100.0);
            writeln!(
                h,
                "<tr class=\"{}\"><td>{}</td><td class=\"num\">{:.0}</td><td style=\"width: 50%\"><span class=\"bar\"><span class=\"fill\" style=\"width: {score:.1}%\"></span></span></td></tr>",
                band(category.score),
                esc(&category.name),
                category.score
            )?;
        }
        writeln!(h, "</tbody>")?;
        writeln!(h, "</table>")?;
    }

    writeln!(h, "<h3>Missing skills, by gain</h3>")?;
    if role.missing.is_empty() {
        writeln!(h, "<p>None: every requirement at this tier is met.</p>")?;
    } else {
        writeln!(h, "<table>")?;
        writeln!(
            h,
            "<thead><tr><th>Skill</th><th>Category</th><th>Importance</th><th class=\"num\">Level</th><th class=\"num\">Required</th><th class=\"num\">Gain</th></tr></thead>"
        )?;
        writeln!(h, "<tbody>")?;
        for gap in &role.missing {
            writeln!(
                h,
                "<tr><td{}>{}{}</td><td>{}</td><td><span class=\"pill\">{}</span></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">+{:.1}</td></tr>",
                if gap.blocking { " class=\"blocking\"" } else { "" },
                if gap.blocking { "⚠ " } else { "" },
                esc(&gap.name),
                esc(category_name(role, &gap.category)),
                gap.importance,
                gap.current_level,
                gap.required_level,
                gap.gain
            )?;
        }
        writeln!(h, "</tbody>")?;
        writeln!(h, "</table>")?;
    }

    writeln!(h, "<h3>Matched</h3>")?;
    if role.matched.is_empty() {
        writeln!(h, "<p>Nothing matched yet.</p>")?;
    } else {
        writeln!(h, "<table>")?;
        writeln!(
            h,
            "<thead><tr><th>Skill</th><th>Importance</th><th class=\"num\">Level</th><th class=\"num\">Required</th><th>How</th></tr></thead>"
        )?;
        writeln!(h, "<tbody>")?;
        for m in &role.matched {
            let evidence = m
                .evidence
                .as_deref()
                .map(|e| {
                    format!(
                        "<br><span class=\"evidence\">“{}”</span>",
                        esc(&crate::input::shorten(e, 160))
                    )
                })
                .unwrap_or_default();
            let usage = usage_words(report, m)
                .map(|usage| format!(" <span class=\"evidence\">({})</span>", esc(&usage)))
                .unwrap_or_default();
            let usage = if m.partial {
                format!("{usage} <span class=\"evidence\">(partial)</span>")
            } else {
                usage
            };
            writeln!(
                h,
                "<tr><td>{}{usage}</td><td><span class=\"pill\">{}</span></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}{evidence}</td></tr>",
                esc(&m.name),
                m.importance,
                m.level,
                m.required_level,
                esc(&m.via)
            )?;
        }
        writeln!(h, "</tbody>")?;
        writeln!(h, "</table>")?;
    }
    writeln!(h, "</details>")
}

fn write_skills(h: &mut String, report: &Report) -> std::fmt::Result {
    writeln!(h, "<section id=\"skills\">")?;
    writeln!(h, "<h2>Skills recognized</h2>")?;
    if report.skills.is_empty() {
        writeln!(
            h,
            "<p><strong>None.</strong> No skill in this input matched the catalog, so every score is 0 and every requirement is a gap.</p>"
        )?;
    } else {
        let with_evidence = report.skills.iter().any(|s| s.evidence.is_some());
        writeln!(h, "<table>")?;
        writeln!(
            h,
            "<thead><tr><th>Skill</th><th>Level</th><th>Recognized as</th>{}</tr></thead>",
            if with_evidence {
                "<th>Evidence</th>"
            } else {
                ""
            }
        )?;
        writeln!(h, "<tbody>")?;
        for skill in &report.skills {
            let evidence = if with_evidence {
                format!(
                    "<td class=\"evidence\">{}</td>",
                    skill
                        .evidence
                        .as_deref()
                        .map(|e| esc(&crate::input::shorten(e, 160)).into_owned())
                        .unwrap_or_default()
                )
            } else {
                String::new()
            };
            writeln!(
                h,
                "<tr><td>{}</td><td class=\"nowrap\">{} ({})</td><td>{}</td>{evidence}</tr>",
                esc(&skill.name),
                skill.level,
                level_word(skill.level),
                esc(&skill.via),
            )?;
        }
        writeln!(h, "</tbody>")?;
        writeln!(h, "</table>")?;
    }
    let claimed: Vec<String> = claimed_names(report)
        .map(|name| esc(name).into_owned())
        .collect();
    if !claimed.is_empty() {
        writeln!(
            h,
            "<p><strong>{CLAIMED_LABEL}:</strong> {}</p>",
            claimed.join(", ")
        )?;
    }
    if !report.unrecognized.is_empty() {
        writeln!(h, "<h3>Not recognized</h3>")?;
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
    }
    writeln!(h, "</section>")
}
