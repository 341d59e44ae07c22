//! The terminal report: a ranked comfy-table that fits 80 columns, then the learning plan, then
//! what was not recognized. `--explain` adds each role's matches with their evidence.

use std::io::{self, Write};

use comfy_table::{
    presets, Attribute, Cell, CellAlignment, Color, ColumnConstraint, ContentArrangement,
    Table as ComfyTable,
};

use super::escape::terminal_line as safe;
use super::{
    cap_words, claimed_names, match_mark, usage_words, years_words, PostingList, Render,
    RenderOptions, RoleDetail, RoleList, SkillList, BLOCKING_LEGEND, CLAIMED_LABEL,
};
use crate::assess::FIT_THRESHOLD;
use crate::catalog::Catalog;
use crate::profile::Role;
use crate::report::{Missing, Report, RoleFit};
use crate::skills::level_word;

pub struct Table;

/// How many learning-plan steps the table shows.
const PLAN_SHOWN: usize = 8;

/// A 10-cell bar for a 0–100 score, in eighths: `███████▊░░`.
pub fn score_bar(score: f64) -> String {
    const PARTIAL: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let eighths = (score.clamp(0.0, 100.0) * 0.8).round() as usize; // 80 eighths in 10 cells
    let full = eighths / 8;
    let mut bar: String = "█".repeat(full);
    if full < 10 {
        let part = eighths % 8;
        if part > 0 {
            bar.push(PARTIAL[part]);
        }
        let used = full + usize::from(part > 0);
        bar.push_str(&"░".repeat(10 - used));
    }
    bar
}

fn new_table(options: &RenderOptions) -> ComfyTable {
    let mut table = ComfyTable::new();
    table
        .load_preset(presets::UTF8_FULL_CONDENSED)
        .apply_modifier(comfy_table::modifiers::UTF8_ROUND_CORNERS)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(options.width);
    if options.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

fn header(options: &RenderOptions, titles: &[&str]) -> Vec<Cell> {
    titles
        .iter()
        .map(|t| {
            let cell = Cell::new(t);
            if options.color {
                cell.add_attribute(Attribute::Bold)
            } else {
                cell
            }
        })
        .collect()
}

fn score_color(score: f64) -> Color {
    if score >= FIT_THRESHOLD {
        Color::Green
    } else if score >= 40.0 {
        Color::Yellow
    } else {
        Color::Red
    }
}

fn gap_line(gap: &Missing) -> String {
    let mark = if gap.blocking { "⚠ " } else { "" };
    format!("{mark}{} +{:.1}", gap.name, gap.gain)
}

fn tier_cell(report: &Report, role: &RoleFit) -> String {
    let tier = match role.tier {
        Some(tier) if tier == role.target_tier => tier.to_string(),
        Some(tier) => format!("{tier}\n(scored at {})", role.target_tier),
        None => format!("not yet\n(scored at {})", role.target_tier),
    };
    match (role.relevant_years, report.subject.years_experience) {
        (Some(years), Some(_)) => format!("{tier}\n{years:.1} yrs relevant"),
        (Some(_), None) => format!("{tier}\nno dated work"),
        (None, _) => tier,
    }
}

/// The score cell: the score and its bar, and under it, when the score is capped, the uncapped
/// score and how many essentials block.
fn score_text(role: &RoleFit) -> String {
    let score = format!("{:>5.1} {}", role.score, score_bar(role.score));
    match role.blocking.len() {
        0 => score,
        n if role.uncapped_score > role.score => format!(
            "{score}\n{:.1} uncapped\n⚠ {n} blocking",
            role.uncapped_score
        ),
        n => format!("{score}\n⚠ {n} blocking"),
    }
}

fn paint(options: &RenderOptions, text: &str, style: console::Style) -> String {
    if options.color {
        style.force_styling(true).apply_to(text).to_string()
    } else {
        text.to_string()
    }
}

fn subject_line(report: &Report) -> String {
    let mut parts = Vec::new();
    if let Some(name) = &report.subject.name {
        parts.push(safe(name).into_owned());
    }
    match report.subject.years_experience {
        Some(years) => parts.push(format!("{years} years")),
        None => parts.push("years of experience unknown".to_string()),
    }
    let count = report.skills.len();
    parts.push(format!(
        "{count} skill{} recognized",
        if count == 1 { "" } else { "s" }
    ));
    parts.push(safe(&report.subject.source).into_owned());
    parts.join(" · ")
}

impl Render<Report<'_>> for Table {
    fn render(
        &self,
        report: &Report,
        options: &RenderOptions,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        writeln!(
            out,
            "{}",
            paint(options, &subject_line(report), console::Style::new().bold())
        )?;
        for warning in &report.warnings {
            writeln!(
                out,
                "{}",
                paint(
                    options,
                    &format!("note: {}", safe(warning)),
                    console::Style::new().yellow()
                )
            )?;
        }
        writeln!(out)?;

        let shown = options
            .max_roles
            .map_or(report.roles.len(), |n| n.min(report.roles.len()));
        let roles = &report.roles[..shown];
        if usize::from(options.width) >= WIDE {
            write_ranking_table(out, report, roles, options)?;
        } else {
            write_ranking_blocks(out, report, roles, options)?;
        }
        let width = usize::from(options.width.max(40));
        if shown < report.roles.len() {
            writeln!(
                out,
                "{} more role{}: --top {}",
                report.roles.len() - shown,
                if report.roles.len() - shown == 1 {
                    ""
                } else {
                    "s"
                },
                report.roles.len()
            )?;
        }
        if roles.iter().any(|r| !r.blocking.is_empty()) {
            for line in wrap(&format!("⚠ = {BLOCKING_LEGEND}."), width) {
                writeln!(out, "{line}")?;
            }
        }
        let claimed: Vec<String> = claimed_names(report)
            .map(|name| safe(name).into_owned())
            .collect();
        if !claimed.is_empty() {
            let text = format!(
                "{CLAIMED_LABEL} (below anything shown, never enough for an essential): {}",
                claimed.join(", ")
            );
            for line in wrap(&text, width) {
                writeln!(out, "{line}")?;
            }
        }

        if !report.learning_plan.is_empty() {
            writeln!(out)?;
            let covered = plan_roles(report);
            let heading = if covered > 1 && covered < report.roles.len() {
                format!("Learning plan for the {covered} roles you are nearest")
            } else {
                "Learning plan".to_string()
            };
            writeln!(
                out,
                "{}",
                paint(options, &heading, console::Style::new().bold())
            )?;
            for (step, item) in report.learning_plan.iter().take(PLAN_SHOWN).enumerate() {
                let prerequisite_for = || {
                    let first = &item.prerequisite_for[0];
                    report
                        .learning_plan
                        .iter()
                        .find(|p| p.skill == *first)
                        .map_or(&**first, |p| &*p.name)
                };
                let n = item.roles_improved.len();
                let why = match (n, item.prerequisite_for.is_empty()) {
                    (0, _) => format!("needed before {}", prerequisite_for()),
                    (_, true) => format!(
                        "+{:.1}, {n} role{}",
                        item.total_gain,
                        if n == 1 { "" } else { "s" }
                    ),
                    (_, false) => format!(
                        "+{:.1}, {n} role{}; needed first",
                        item.total_gain,
                        if n == 1 { "" } else { "s" }
                    ),
                };
                let line = format!(
                    "{:>3}. {} → {} ({})",
                    step + 1,
                    item.name,
                    level_word(item.target_level),
                    why
                );
                writeln!(out, "{}", fit_width(&line, usize::from(options.width)))?;
            }
            if report.learning_plan.len() > PLAN_SHOWN {
                writeln!(
                    out,
                    "     … {} more (see --format json)",
                    report.learning_plan.len() - PLAN_SHOWN
                )?;
            }
        }

        if !report.unrecognized.is_empty() {
            writeln!(out)?;
            let names: Vec<String> = report
                .unrecognized
                .iter()
                .map(|u| match &u.suggestion {
                    Some(s) => format!("{} (did you mean {s}?)", safe(&u.input)),
                    None => safe(&u.input).into_owned(),
                })
                .collect();
            writeln!(out, "Unrecognized: {}", names.join(", "))?;
        }

        if options.explain {
            for role in &report.roles {
                explain_role(out, report, role, options)?;
            }
        }
        Ok(())
    }
}

/// The width from which the ranking is a table with a bar per score; below it, one block per role,
/// so that titles and gains never wrap mid-name at 80 columns.
const WIDE: usize = 100;

/// The ranking as a table: a row per role with its score bar, fit and what to learn next.
fn write_ranking_table(
    out: &mut dyn Write,
    report: &Report,
    roles: &[RoleFit],
    options: &RenderOptions,
) -> io::Result<()> {
    let mut table = new_table(options);
    table.set_header(header(
        options,
        &["#", "Role", "Score", "Fits", "Learn next (+points)"],
    ));
    for (rank, role) in roles.iter().enumerate() {
        let mut score = Cell::new(score_text(role));
        if options.color {
            score = score.fg(score_color(role.score));
        }
        let gaps: Vec<String> = super::learn_next(role)
            .map(|gap| paint_gap(options, gap))
            .collect();
        let gaps = if gaps.is_empty() {
            "—".to_string()
        } else {
            gaps.join("\n")
        };
        table.add_row(vec![
            Cell::new(rank + 1).set_alignment(CellAlignment::Right),
            Cell::new(safe(&role.title)),
            score,
            Cell::new(tier_cell(report, role)),
            Cell::new(gaps),
        ]);
    }
    writeln!(out, "{table}")
}

/// A gap as "Learn next" names it, the blocking ones (and only they) in red.
fn paint_gap(options: &RenderOptions, gap: &Missing) -> String {
    let line = safe(&gap_line(gap)).into_owned();
    if gap.blocking {
        paint(options, &line, console::Style::new().red())
    } else {
        line
    }
}

/// The ranking for a narrow terminal: per role a line with its rank, title, score and fit, then
/// what caps it and the years that count, then what to learn next, each wrapped at the width.
fn write_ranking_blocks(
    out: &mut dyn Write,
    report: &Report,
    roles: &[RoleFit],
    options: &RenderOptions,
) -> io::Result<()> {
    let width = usize::from(options.width.max(40));
    for (rank, role) in roles.iter().enumerate() {
        let score = paint(
            options,
            &format!("{:.1}", role.score),
            console::Style::new().fg(match score_color(role.score) {
                Color::Green => console::Color::Green,
                Color::Yellow => console::Color::Yellow,
                _ => console::Color::Red,
            }),
        );
        let title = paint(options, &safe(&role.title), console::Style::new().bold());
        writeln!(
            out,
            "{:>2}. {title}  {score}  {}",
            rank + 1,
            super::summary::fit_words(role)
        )?;
        let mut facts = Vec::new();
        if let Some(cap) = cap_words(role) {
            facts.push(format!("⚠ {cap}"));
        }
        match (role.relevant_years, report.subject.years_experience) {
            (Some(years), Some(_)) => facts.push(format!("{years:.1} years relevant")),
            (Some(_), None) => facts.push("no dated work".to_string()),
            (None, _) => {}
        }
        if !facts.is_empty() {
            for line in wrap_indented(&facts.join(" · "), width, "    ") {
                writeln!(out, "{line}")?;
            }
        }
        let gaps: Vec<&Missing> = super::learn_next(role).collect();
        if !gaps.is_empty() {
            // Wrapped on the plain text, so that the colour codes never count as width; a gap
            // is never split across lines.
            let mut lines: Vec<String> = vec!["    learn next:".to_string()];
            let mut plain_len = lines[0].chars().count();
            for (i, gap) in gaps.iter().enumerate() {
                let plain = safe(&gap_line(gap)).into_owned();
                let sep = if i == 0 { " " } else { " · " };
                let needed = plain_len + sep.chars().count() + plain.chars().count();
                let last = lines.len() - 1;
                if i > 0 && needed > width {
                    lines.push(format!("      {}", paint_gap(options, gap)));
                    plain_len = 6 + plain.chars().count();
                } else {
                    lines[last].push_str(sep);
                    lines[last].push_str(&paint_gap(options, gap));
                    plain_len = needed;
                }
            }
            for line in lines {
                writeln!(out, "{line}")?;
            }
        }
    }
    Ok(())
}

/// [`wrap`] with every line indented by `indent`.
fn wrap_indented(text: &str, width: usize, indent: &str) -> Vec<String> {
    wrap(text, width.saturating_sub(indent.len()).max(20))
        .into_iter()
        .map(|line| format!("{indent}{line}"))
        .collect()
}

/// Breaks `text` at spaces into lines of at most `width` columns (a longer word stays whole),
/// the lines after the first indented by two spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let needed = line.chars().count() + 1 + word.chars().count();
        if !line.trim().is_empty() && needed > width {
            lines.push(std::mem::replace(&mut line, "  ".to_string()));
        } else if !line.is_empty() && !line.ends_with("  ") {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.trim().is_empty() {
        lines.push(line);
    }
    lines
}

/// Cuts a line to `width` columns, marking the cut.
fn fit_width(line: &str, width: usize) -> String {
    if line.chars().count() <= width {
        return line.to_string();
    }
    let mut cut: String = line.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// How many roles the learning plan covers (the roles any step improves).
fn plan_roles(report: &Report) -> usize {
    report
        .roles
        .iter()
        .filter(|r| {
            report
                .learning_plan
                .iter()
                .any(|p| p.roles_improved.contains(&r.id))
        })
        .count()
}

fn explain_role(
    out: &mut dyn Write,
    report: &Report,
    role: &RoleFit,
    options: &RenderOptions,
) -> io::Result<()> {
    writeln!(out)?;
    let heading = format!(
        "{} — {:.1} at {}{}",
        safe(&role.title),
        role.score,
        role.target_tier,
        role.tier
            .map(|t| format!(", fits {t}"))
            .unwrap_or_else(|| ", no tier fits yet".to_string())
    );
    writeln!(
        out,
        "{}",
        paint(options, &heading, console::Style::new().bold())
    )?;
    let tiers: Vec<String> = role
        .tiers
        .iter()
        .map(|t| format!("{} {:.1}", t.tier, t.score))
        .collect();
    if let Some(cap) = cap_words(role) {
        writeln!(out, "  {cap}")?;
    }
    writeln!(out, "  tiers: {}", tiers.join(" · "))?;
    if let Some(years) = years_words(report, role) {
        writeln!(out, "  {years}")?;
    }
    // A requirement met only in part is listed once, with the gaps (its partial credit beside it).
    let in_missing = |skill: &str| role.missing.iter().any(|gap| gap.skill == skill);
    for m in role.matched.iter().filter(|m| !in_missing(&m.skill)) {
        let evidence = m
            .evidence
            .as_deref()
            .map(|e| format!(" — “{}”", safe(&crate::input::shorten(e, 100))))
            .unwrap_or_default();
        writeln!(
            out,
            "  {} {} {}/{} [{}]{} via {}{evidence}",
            match match_mark(m) {
                "partial" => "~",
                "claimed" => "?",
                mark => mark,
            },
            m.name,
            m.level,
            m.required_level,
            m.importance,
            usage_words(report, m)
                .map(|usage| format!(" ({usage})"))
                .unwrap_or_default(),
            safe(&m.via)
        )?;
    }
    for m in &role.missing {
        let credit = role
            .matched
            .iter()
            .find(|matched| matched.skill == m.skill)
            .map(|matched| format!(" ({})", safe(&matched.via)))
            .unwrap_or_default();
        writeln!(
            out,
            "  {} {} {}/{} [{}] +{:.1}{credit}",
            if m.blocking { "⚠" } else { "✗" },
            m.name,
            m.current_level,
            m.required_level,
            m.importance,
            m.gain
        )?;
    }
    Ok(())
}

/// Ids are copied into commands: never wrap them.
fn keep_first_column_whole(table: &mut ComfyTable, ids: impl Iterator<Item = usize>) {
    // The fixed width counts the cell padding too.
    let widest = ids.max().unwrap_or(2).max(2) as u16 + 2;
    if let Some(column) = table.column_mut(0) {
        column.set_constraint(ColumnConstraint::LowerBoundary(comfy_table::Width::Fixed(
            widest,
        )));
    }
}

/// `skillgap roles`: one line per profile.
impl Render<RoleList<'_>> for Table {
    fn render(
        &self,
        list: &RoleList,
        options: &RenderOptions,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let roles = list.0;
        let mut table = new_table(options);
        table.set_header(header(
            options,
            &["Id", "Role", "Salary (USD/yr)", "Skills (essential)"],
        ));
        for role in roles {
            let p = &role.profile;
            let salary = p
                .salary
                .as_ref()
                .map(|s| format!("${}K–${}K", s.min / 1000, s.max / 1000))
                .unwrap_or_else(|| "—".to_string());
            let essentials = role
                .requirements
                .iter()
                .filter(|r| r.importance == crate::profile::Importance::Essential)
                .count();
            table.add_row(vec![
                Cell::new(safe(&p.id)),
                Cell::new(safe(&p.title)),
                Cell::new(salary),
                Cell::new(format!("{} ({essentials})", role.requirements.len())),
            ]);
        }
        keep_first_column_whole(
            &mut table,
            roles.iter().map(|r| r.profile.id.chars().count()),
        );
        writeln!(out, "{table}")
    }
}

/// What `skillgap job` shows: the role a posting became, each requirement with its importance,
/// level and the sentence it was read from, and the skills passed over (named in About us,
/// Benefits or EEO text).
impl Render<PostingList<'_>> for Table {
    fn render(
        &self,
        list: &PostingList,
        options: &RenderOptions,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        for (i, job) in list.jobs.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            posting_detail(&job.role, &job.passed_over, list.catalog, options, out)?;
        }
        Ok(())
    }
}

fn posting_detail(
    role: &Role,
    passed_over: &[String],
    catalog: &Catalog,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let p = &role.profile;
    write_title_and_summary(p, options, out)?;
    writeln!(out, "Tiers: {}", bands(p))?;
    let mut requirements: Vec<_> = p
        .categories
        .iter()
        .flat_map(|c| c.requirements.iter())
        .collect();
    // Stable: within an importance, in the order the posting names them.
    requirements.sort_by_key(|r| r.importance);
    let mut table = new_table(options);
    table.set_header(header(
        options,
        &["Skill", "Importance", "Level", "Read from"],
    ));
    for req in requirements {
        let name = catalog
            .index_of(&req.skill)
            .map_or(req.skill.as_str(), |s| catalog.skill(s).name.as_str());
        let levels: Vec<String> = p
            .tiers
            .iter()
            .filter_map(|band| {
                let level = req.levels.get(band.id)?;
                Some(if p.tiers.len() == 1 {
                    level_word(level).to_string()
                } else {
                    format!("{} {}", band.id, level_word(level))
                })
            })
            .collect();
        table.add_row(vec![
            Cell::new(safe(name)),
            Cell::new(req.importance),
            Cell::new(levels.join("\n")),
            Cell::new(safe(req.source_text.as_deref().unwrap_or(""))),
        ]);
    }
    writeln!(out, "{table}")?;
    if !passed_over.is_empty() {
        writeln!(
            out,
            "Not requirements (named in About us, Benefits or EEO text): {}",
            safe(&passed_over.join(", "))
        )?;
    }
    Ok(())
}

/// A profile's bold title with its id, then its summary.
fn write_title_and_summary(
    p: &crate::profile::Profile,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "{}",
        paint(
            options,
            &format!("{} ({})", safe(&p.title), safe(&p.id)),
            console::Style::new().bold()
        )
    )?;
    writeln!(out, "{}", safe(&p.summary))
}

/// "entry 0–2 years · mid 3–5 years · senior 6+ years".
fn bands(p: &crate::profile::Profile) -> String {
    let bands: Vec<String> = p
        .tiers
        .iter()
        .map(|b| match b.max_years {
            Some(max) => format!("{} {}–{} years", b.id, b.min_years, max),
            None => format!("{} {}+ years", b.id, b.min_years),
        })
        .collect();
    bands.join(" · ")
}

/// `skillgap role ID`: the profile's requirements by category, with the level per tier.
impl Render<RoleDetail<'_>> for Table {
    fn render(
        &self,
        detail: &RoleDetail,
        options: &RenderOptions,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let (role, catalog) = (detail.role, detail.catalog);
        let p = &role.profile;
        write_title_and_summary(p, options, out)?;
        if let Some(s) = &p.salary {
            writeln!(
                out,
                "Salary: ${}K–${}K {} per {}",
                s.min / 1000,
                s.max / 1000,
                safe(&s.currency),
                safe(&s.period)
            )?;
        }
        writeln!(out, "Tiers: {}", bands(p))?;
        if !p.related_roles.is_empty() {
            writeln!(out, "Related roles: {}", safe(&p.related_roles.join(", ")))?;
        }
        writeln!(
            out,
            "Levels: 1 aware · 2 working · 3 proficient · 4 expert · – not required at that tier"
        )?;
        let mut table = new_table(options);
        table.set_header(header(
            options,
            &["Category", "Skill", "Importance", "Entry", "Mid", "Senior"],
        ));
        for category in &p.categories {
            for (i, req) in category.requirements.iter().enumerate() {
                let name = catalog
                    .index_of(&req.skill)
                    .map_or(req.skill.as_str(), |s| catalog.skill(s).name.as_str());
                let level = |l: Option<u8>| l.map_or("–".to_string(), |l| l.to_string());
                table.add_row(vec![
                    Cell::new(if i == 0 {
                        safe(&category.name)
                    } else {
                        "".into()
                    }),
                    Cell::new(safe(name)),
                    Cell::new(req.importance),
                    Cell::new(level(req.levels.entry)).set_alignment(CellAlignment::Center),
                    Cell::new(level(req.levels.mid)).set_alignment(CellAlignment::Center),
                    Cell::new(level(req.levels.senior)).set_alignment(CellAlignment::Center),
                ]);
            }
        }
        writeln!(out, "{table}")
    }
}

/// `skillgap skills [QUERY]`: matching catalog entries with their aliases.
impl Render<SkillList<'_>> for Table {
    fn render(
        &self,
        list: &SkillList,
        options: &RenderOptions,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let (catalog, skills) = (list.catalog, list.skills);
        let mut table = new_table(options);
        table.set_header(header(options, &["Id", "Name", "Category", "Aliases"]));
        for &idx in skills {
            let skill = catalog.skill(idx);
            table.add_row(vec![
                Cell::new(&skill.id),
                Cell::new(&skill.name),
                Cell::new(&skill.category),
                Cell::new(skill.aliases.join(", ")),
            ]);
        }
        keep_first_column_whole(
            &mut table,
            skills.iter().map(|&i| catalog.skill(i).id.chars().count()),
        );
        writeln!(out, "{table}")
    }
}

/// `skillgap batch --format table`: one line per person, written as each result arrives, so the
/// columns have fixed widths rather than a comfy-table laid out over all rows.
pub struct BatchTable;

impl BatchTable {
    fn role_width(context: &super::BatchContext) -> usize {
        context
            .roles
            .iter()
            .map(|(id, _)| id.chars().count())
            .max()
            .unwrap_or(4)
            .max("best role".len())
    }
}

impl super::BatchRender for BatchTable {
    fn header(&self, context: &super::BatchContext, out: &mut Vec<u8>) -> io::Result<()> {
        let gate = if context.min_score.is_some() {
            "   "
        } else {
            ""
        };
        let line = format!(
            "{gate}score  fits    {:<width$}  person · source · learn next",
            "best role",
            width = Self::role_width(context)
        );
        let line = if context.color {
            console::Style::new()
                .bold()
                .force_styling(true)
                .apply_to(line)
                .to_string()
        } else {
            line
        };
        writeln!(out, "{line}")
    }

    fn record(
        &self,
        record: super::BatchRecord<'_>,
        context: &super::BatchContext,
        out: &mut Vec<u8>,
    ) -> io::Result<()> {
        use super::escape::terminal_line;
        let report = record.report;
        let gate = match context.min_score {
            None => String::new(),
            Some(_) if record.below() => {
                let mark = "✗  ";
                if context.color {
                    console::Style::new()
                        .red()
                        .force_styling(true)
                        .apply_to(mark)
                        .to_string()
                } else {
                    mark.to_string()
                }
            }
            Some(_) => "✓  ".to_string(),
        };
        let best = report.best_role();
        let score = best.map_or("    —".to_string(), |r| format!("{:>5.1}", r.score));
        let tier = best.and_then(|r| r.tier).map_or("—", |t| t.as_str());
        let role = best.map_or("—", |r| &*r.id);
        let mut person = Vec::new();
        if let Some(name) = &report.subject.name {
            person.push(terminal_line(name).into_owned());
        }
        person.push(terminal_line(&report.subject.source).into_owned());
        if report.has_no_skills() {
            person.push("no skills recognized".to_string());
        } else if let Some(step) = report.learning_plan.first() {
            person.push(format!("next: {}", step.name));
        }
        writeln!(
            out,
            "{gate}{score}  {tier:<6}  {:<width$}  {}",
            terminal_line(role),
            person.join(" · "),
            width = Self::role_width(context)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::score_bar;

    #[test]
    fn bars_are_ten_cells() {
        for score in [0.0, 3.0, 49.9, 50.0, 78.5, 99.9, 100.0] {
            assert_eq!(score_bar(score).chars().count(), 10, "{score}");
        }
        assert_eq!(score_bar(100.0), "██████████");
        assert_eq!(score_bar(0.0), "░░░░░░░░░░");
        assert_eq!(score_bar(50.0), "█████░░░░░");
    }
}
