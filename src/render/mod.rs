//! Renderers: one file per format, all reading the one [`Report`] model. Nothing here computes a
//! score; adding a format is one file, one [`ReportFormat`] arm and one snapshot test.

mod csv;
pub mod diff;
pub mod escape;
mod html;
mod json;
mod jsonl;
mod junit;
mod markdown;
mod markup;
pub mod summary;
mod table;

use std::io::{self, Write};

use crate::catalog::{Catalog, SkillIdx};
use crate::gate::Verdict;
use crate::profile::job::JobRole;
use crate::profile::Role;
use crate::report::{Matched, Missing, Report, RoleFit};

pub use table::score_bar;

/// Display settings every renderer may use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderOptions {
    /// ANSI colour (only ever on a terminal, never with NO_COLOR, never in files).
    pub color: bool,
    /// Per-role detail: what matched, with its evidence.
    pub explain: bool,
    /// Width of the output in columns.
    pub width: u16,
    /// The document's title (HTML and Markdown), instead of "Skill-gap report: NAME".
    pub title: Option<String>,
    /// Who prepared the report (HTML and Markdown), shown under the title.
    pub prepared_by: Option<String>,
    /// The day the report was made, `YYYY-MM-DD` (HTML and Markdown); none in tests of the
    /// renderers unless they set one.
    pub date: Option<String>,
    /// The most roles the terminal table ranks (the rest are counted, "3 more roles: --top 8");
    /// None ranks all.
    pub max_roles: Option<usize>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            color: false,
            explain: false,
            width: 80,
            title: None,
            prepared_by: None,
            date: None,
            max_roles: None,
        }
    }
}

/// A way of writing one document (a report, a comparison, a list of roles …) in one format.
pub trait Render<D: ?Sized> {
    fn render(&self, document: &D, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()>;
}

/// A command's `--format` value: it names the renderer that writes the command's document `D`.
/// Every command goes out the same way: its format's renderer, [`to_bytes`], then
/// [`crate::output::emit`].
pub trait Format<D: ?Sized>: Copy {
    fn renderer(self) -> Box<dyn Render<D>>;
}

/// The formats `assess --format` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// A table for the terminal.
    Table,
    /// The JSON report (schema_version 1), one object.
    Json,
    /// A Markdown document: ranking, learning plan, each role's gaps and matches.
    Markdown,
    /// One self-contained HTML page (inline CSS), printable.
    Html,
}

impl<'a> Format<Report<'a>> for ReportFormat {
    fn renderer(self) -> Box<dyn Render<Report<'a>>> {
        match self {
            ReportFormat::Table => Box::new(table::Table),
            ReportFormat::Json => Box::new(json::Json),
            ReportFormat::Markdown => Box::new(markdown::Markdown),
            ReportFormat::Html => Box::new(html::Html),
        }
    }
}

/// The formats of the commands that list what skillgap knows (`roles`, `role`, `skills`, `job`):
/// a table, or JSON (the profiles or catalog entries as stored).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

impl<D: ?Sized> Format<D> for ListFormat
where
    table::Table: Render<D>,
    json::Json: Render<D>,
{
    fn renderer(self) -> Box<dyn Render<D>> {
        match self {
            ListFormat::Table => Box::new(table::Table),
            ListFormat::Json => Box::new(json::Json),
        }
    }
}

/// `skillgap roles`: every profile loaded. Its JSON is the list of profiles.
pub struct RoleList<'a>(pub &'a [Role]);

/// `skillgap role ID`: one profile, its requirements named from the catalog. Its JSON is the
/// profile.
pub struct RoleDetail<'a> {
    pub role: &'a Role,
    pub catalog: &'a Catalog,
}

/// `skillgap skills [QUERY]`: the catalog entries found. Its JSON is the list of entries.
pub struct SkillList<'a> {
    pub catalog: &'a Catalog,
    pub skills: &'a [SkillIdx],
}

/// `skillgap job POSTING`: the roles the postings became, with what was passed over. Its JSON is
/// the one profile of a single posting, or the list of them for several.
pub struct PostingList<'a> {
    pub jobs: &'a [JobRole],
    pub catalog: &'a Catalog,
}

impl serde::Serialize for RoleList<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|role| &role.profile))
    }
}

impl serde::Serialize for RoleDetail<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.role.profile.serialize(serializer)
    }
}

impl serde::Serialize for SkillList<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.skills.iter().map(|&i| self.catalog.skill(i)))
    }
}

impl serde::Serialize for PostingList<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.jobs {
            [job] => job.role.profile.serialize(serializer),
            jobs => serializer.collect_seq(jobs.iter().map(|job| &job.role.profile)),
        }
    }
}

/// The label of the skills a person only lists or names in a summary, shown apart from the rest.
const CLAIMED_LABEL: &str = "Claimed, not shown in any position";

/// The names of the skills the person claims without showing them in any position, in report
/// order (not escaped: each renderer escapes them for its format).
fn claimed_names<'r>(report: &'r Report<'_>) -> impl Iterator<Item = &'r str> {
    report
        .skills
        .iter()
        .filter(|skill| !skill.evidenced)
        .map(|skill| &*skill.name)
}

/// The legend of the ⚠ mark, as every renderer gives it.
const BLOCKING_LEGEND: &str = "an essential skill missing or only claimed: until it is shown the role's score is capped, below 60 and down to 20 when every essential is";

/// "80.7 uncapped, 1 blocking essential" for a role whose score is capped ("1 blocking essential"
/// when the cap is above what the credits earn); None when nothing blocks.
fn cap_words(role: &RoleFit) -> Option<String> {
    let n = role.blocking.len();
    let blocking = format!("{n} blocking essential{}", if n == 1 { "" } else { "s" });
    match n {
        0 => None,
        _ if role.uncapped_score > role.score => {
            Some(format!("{:.1} uncapped, {blocking}", role.uncapped_score))
        }
        _ => Some(blocking),
    }
}

/// "11.5 years of work, 2.1 relevant to this role" for a résumé; None for the person's own
/// statement (its years count as given).
fn years_words(report: &Report, role: &RoleFit) -> Option<String> {
    let relevant = role.relevant_years?;
    Some(match report.subject.years_experience {
        Some(total) => format!("{total:.1} years of work, {relevant:.1} relevant to this role"),
        None => "no dated work experience: scored at entry".to_string(),
    })
}

/// `text` with its first letter upper-cased, to open a sentence.
fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// How a matched requirement is marked: ✓ for a full match, "partial" for related credit, "claimed"
/// for a skill only listed.
fn match_mark(m: &Matched) -> &'static str {
    if m.partial {
        "partial"
    } else if !m.evidenced {
        "claimed"
    } else {
        "✓"
    }
}

/// How long and how lately the person used a skill, as every renderer shows it beside a matched
/// skill: "4.8 years, last used current", "8 months, last used 2023", and "claimed" when nothing
/// beyond a list or a summary shows what the role credits. None when the report knows none of
/// this. No input text reaches the words (numbers, a year, fixed words);
/// the markup renderers escape them all the same, as they do their other generated text.
fn usage_words(report: &Report, m: &Matched) -> Option<String> {
    let held = report.skills.iter().find(|s| s.id == m.skill);
    let mut parts = Vec::new();
    if let Some(months) = held.and_then(|h| h.months) {
        parts.push(if months < 12 {
            format!("{months} month{}", if months == 1 { "" } else { "s" })
        } else {
            format!("{:.1} years", f64::from(months) / 12.0)
        });
    }
    if let Some(last) = held.and_then(|h| h.last_used) {
        parts.push(format!("last used {last}"));
    }
    // Claimed when what the role credits is only claimed (a listed skill that a shown one implies
    // is credited as shown).
    if !m.evidenced {
        parts.push("claimed".to_string());
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The requirements a role credits that are not also among its gaps: a requirement met only in
/// part (proficient where expert is needed) is shown once, as a gap with its level now, never both
/// as a match and as a gap.
fn fully_matched<'r>(role: &'r RoleFit<'r>) -> impl Iterator<Item = &'r Matched<'r>> + 'r {
    role.matched
        .iter()
        .filter(|m| !role.missing.iter().any(|gap| gap.skill == m.skill))
}

/// Renders `document` in `format` into a byte buffer (for atomic file output and tests).
pub fn to_bytes<D: ?Sized>(
    format: impl Format<D>,
    document: &D,
    options: &RenderOptions,
) -> io::Result<Vec<u8>> {
    let mut buffer = Vec::new();
    format.renderer().render(document, options, &mut buffer)?;
    Ok(buffer)
}

/// What every batch renderer knows besides the record: the roles assessed (in column order) and the
/// gate.
#[derive(Debug, Clone, Default)]
pub struct BatchContext {
    /// (id, title) of every role assessed, in profile order.
    pub roles: Vec<(String, String)>,
    /// `--min-score`: a person whose best assessed role scores below it fails the gate.
    pub min_score: Option<f64>,
    /// ANSI colour (table only, on a terminal).
    pub color: bool,
}

/// One assessed person, as a batch renderer sees it.
#[derive(Debug, Clone, Copy)]
pub struct BatchRecord<'a> {
    /// The input's position, from 1, in input order (failed inputs count too).
    pub index: usize,
    pub report: &'a Report<'a>,
    /// The `--min-score` gate's verdict on the person ([`crate::gate`]); None without a gate.
    pub verdict: Option<Verdict<'a, 'a>>,
}

impl BatchRecord<'_> {
    /// Whether the person is below the `--min-score` gate.
    pub fn below(&self) -> bool {
        self.verdict.is_some_and(|verdict| verdict.below)
    }
}

/// What a batch run did, for the summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchSummary {
    pub assessed: usize,
    pub below: usize,
    pub failed: usize,
    /// Inputs passed over: not regular files, broken links, links to folders, reports skillgap
    /// wrote.
    pub skipped: usize,
    /// How many of `skipped` were reports skillgap wrote.
    pub skipped_reports: usize,
}

/// A way of writing many reports as a stream: a header, one record per input (rendered in the
/// worker threads, so this must be `Sync`), an optional entry for an input that failed, a footer.
pub trait BatchRender: Sync {
    fn header(&self, context: &BatchContext, out: &mut Vec<u8>) -> io::Result<()>;
    fn record(
        &self,
        record: BatchRecord<'_>,
        context: &BatchContext,
        out: &mut Vec<u8>,
    ) -> io::Result<()>;
    /// An input that could not be read. Formats that carry failures (CSV, JUnit, Markdown) write
    /// it; the others leave it to the message on stderr.
    fn failure(
        &self,
        _index: usize,
        _source: &str,
        _message: &str,
        _context: &BatchContext,
        _out: &mut Vec<u8>,
    ) -> io::Result<()> {
        Ok(())
    }
    /// Written between two consecutive entries (a JSON array's comma).
    fn separator(&self) -> &'static [u8] {
        b""
    }
    fn footer(
        &self,
        _summary: &BatchSummary,
        _context: &BatchContext,
        _out: &mut Vec<u8>,
    ) -> io::Result<()> {
        Ok(())
    }
}

/// The formats `batch --format` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BatchFormat {
    /// One line per person: score, tier, best role, name, first step of the plan.
    Table,
    /// A JSON array of reports.
    Json,
    /// JSON Lines: one report per line.
    Jsonl,
    /// One CSV row per person, with a score column per role.
    Csv,
    /// JUnit XML: one test suite per person, one test case (the --min-score gate) failing when the
    /// person is below it.
    Junit,
    /// A Markdown table, one row per person.
    Markdown,
}

impl BatchFormat {
    pub fn renderer(self) -> Box<dyn BatchRender> {
        match self {
            BatchFormat::Table => Box::new(table::BatchTable),
            BatchFormat::Json => Box::new(jsonl::JsonArray),
            BatchFormat::Jsonl => Box::new(jsonl::JsonLines),
            BatchFormat::Csv => Box::new(csv::Csv),
            BatchFormat::Junit => Box::new(junit::Junit),
            BatchFormat::Markdown => Box::new(markdown::BatchMarkdown),
        }
    }
}

impl BatchSummary {
    /// "12 assessed, 3 below 70, 1 failed", then what was skipped: "2 skipped (skillgap
    /// reports)", "3 skipped (1 skillgap report)" when other entries were passed over too.
    pub fn describe(&self, min_score: Option<f64>) -> String {
        let mut parts = vec![format!("{} assessed", self.assessed)];
        if let Some(min) = min_score {
            parts.push(format!("{} below {min}", self.below));
        }
        parts.push(format!("{} failed", self.failed));
        let reports = self.skipped_reports;
        let plural = if reports == 1 { "" } else { "s" };
        match (self.skipped, reports) {
            (0, _) => {}
            (skipped, 0) => parts.push(format!("{skipped} skipped")),
            (1, 1) => parts.push("1 skipped (a skillgap report)".to_string()),
            (skipped, reports) if skipped == reports => {
                parts.push(format!("{skipped} skipped (skillgap reports)"))
            }
            (skipped, reports) => parts.push(format!(
                "{skipped} skipped ({reports} skillgap report{plural})"
            )),
        }
        parts.join(", ")
    }
}

/// How many gaps a role's summary line names (the table's "Learn next", a JUnit case's text).
pub const GAPS_SHOWN: usize = 3;

/// The gaps a role's summary line names: the first [`GAPS_SHOWN`] by gain, without those worth
/// nothing now. While an essential blocks, the score sits at the cap and only clearing a blocking
/// gap raises it, so the other gaps would all read "+0.0"; the learning plan leaves them out too.
pub fn learn_next<'r>(role: &'r RoleFit<'r>) -> impl Iterator<Item = &'r Missing<'r>> + 'r {
    role.missing
        .iter()
        .filter(|m| m.gain > 0.0)
        .take(GAPS_SHOWN)
}

/// An input line as a report quotes it: without the Markdown marks that made it a heading, a list
/// item or a quote (`### `, `- `, `* `, `> `, `1. `) and without bold marks (`**`, `__`), so the
/// quote reads as the words the person wrote. Not escaped: each renderer escapes it.
fn quoted_line(line: &str) -> String {
    let mut rest = line.trim();
    loop {
        let before = rest;
        rest = rest.trim_start_matches('#').trim_start();
        for mark in ["- ", "* ", "+ ", "> ", "• "] {
            if let Some(after) = rest.strip_prefix(mark) {
                rest = after.trim_start();
            }
        }
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && digits < 4 {
            if let Some(after) = rest[digits..]
                .strip_prefix(". ")
                .or_else(|| rest[digits..].strip_prefix(") "))
            {
                rest = after.trim_start();
            }
        }
        if rest == before {
            break;
        }
    }
    rest.replace("**", "").replace("__", "")
}

#[cfg(test)]
mod tests {
    use super::quoted_line;

    #[test]
    fn quoted_lines_lose_their_markdown_marks() {
        assert_eq!(
            quoted_line("### ML Engineer, Brightline — Jan 2022 – present"),
            "ML Engineer, Brightline — Jan 2022 – present"
        );
        assert_eq!(
            quoted_line("- **Ops**: Docker, Kubernetes"),
            "Ops: Docker, Kubernetes"
        );
        assert_eq!(
            quoted_line("  2. Built a RAG service"),
            "Built a RAG service"
        );
        assert_eq!(quoted_line("> - nested"), "nested");
        // What is not a mark stays: a year, a C++ name, snake_case.
        assert_eq!(
            quoted_line("2021 rewrite of C++ kernels"),
            "2021 rewrite of C++ kernels"
        );
        assert_eq!(quoted_line("used torch_xla"), "used torch_xla");
    }
}
