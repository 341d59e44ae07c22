//! Batch reports as JUnit XML, so that CI (Jenkins, GitLab, …) shows the `--min-score` gate natively.
//!
//! One `<testsuite>` per person (its counts are known when it is written, so the file streams)
//! holding **one** `<testcase>`: the gate, failing exactly when [`crate::gate`] counts the person
//! below, which is the verdict the summary line and the exit code read too. A person who passes
//! the gate shows no failure, however low their other roles score. The test case is named for the
//! gated roles (the role's id when one is assessed, as with `--role ID`), its class name is the
//! input's path (and the suite's name the person, with their position in a JSON Lines stream). Every assessed role's score is a suite `<property>` and a line of the test case's
//! text, which sits in the `<failure>` when the gate fails (the only text GitLab's test report
//! shows) and in `<system-out>` when it passes. An input that could not be read is a suite with one
//! `<error>`, its message as the text. A file starts with skillgap's generator mark
//! ([`crate::generator`]). All text is escaped for XML ([`escape::xml`]).
//!
//! The shape follows the JUnit schema Jenkins uses; `tests/it/batch.rs` validates the output against
//! it (`tests/fixtures/junit/jenkins-junit.xsd`).

use std::io::{self, Write};

use super::escape::xml;
use super::{BatchContext, BatchRecord, BatchRender, BatchSummary};
use crate::gate::Verdict;
use crate::report::{Report, RoleFit};

pub struct Junit;

/// How many learning-plan steps a test case's text lists.
const PLAN_SHOWN: usize = 10;
/// Up to this many gated roles, the test case's name lists their ids; beyond, it counts them.
const ROLES_NAMED: usize = 3;

fn gaps(role: &RoleFit) -> String {
    let names: Vec<String> = super::learn_next(role)
        .map(|m| format!("{} +{:.1}", m.name, m.gain))
        .collect();
    if names.is_empty() {
        "none".to_string()
    } else {
        names.join(", ")
    }
}

/// The suite's name: the person and their input. The records of a JSON Lines stream (`-`, a
/// `.jsonl` file) share one source, so theirs adds the input's position: GitLab keeps only one
/// test case per suite name, class name and name.
fn suite_name(person: Option<&str>, source: &str, index: usize) -> String {
    let stream = source == "-"
        || std::path::Path::new(source)
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| {
                crate::batch::JSON_LINES_EXTENSIONS
                    .iter()
                    .any(|x| e.eq_ignore_ascii_case(x))
            });
    let place = if stream {
        format!("{source}, input {index}")
    } else {
        source.to_string()
    };
    match person {
        Some(name) => format!("{name} ({place})"),
        None => place,
    }
}

/// The test case's name: what the gate looks at. The same for every person of a run, so that CI
/// tracks each person's gate from run to run.
fn gate_name(context: &BatchContext) -> String {
    let ids: Vec<&str> = context.roles.iter().map(|(id, _)| id.as_str()).collect();
    match ids.as_slice() {
        [] => "no role".to_string(),
        [id] => (*id).to_string(),
        ids if ids.len() <= ROLES_NAMED => format!("best of {}", ids.join(", ")),
        ids => format!("best of {} roles", ids.len()),
    }
}

/// The verdict in one sentence (the `<failure>`'s message when below).
fn verdict_words(verdict: &Verdict, roles_gated: usize) -> String {
    let whose = match verdict.role {
        Some(role) if roles_gated > 1 => format!("best role {} scores", role.title),
        Some(role) => format!("{} scores", role.title),
        None => "no role was assessed: the score is".to_string(),
    };
    let against = if verdict.below {
        "below"
    } else {
        "at or above"
    };
    format!(
        "{whose} {:.1}, {against} the minimum {}",
        verdict.score, verdict.min_score
    )
}

/// One role's line: "LLM Engineer (llm-engineer): 95.1 at mid, fits mid; learn next: …".
fn role_line(role: &RoleFit) -> String {
    let fits = role
        .tier
        .map_or("no tier fits".to_string(), |t| format!("fits {t}"));
    format!(
        "{} ({}): {:.1} at {}, {fits}; learn next: {}",
        role.title,
        role.id,
        role.score,
        role.target_tier,
        gaps(role)
    )
}

/// The test case's text, one escaped line each: who (GitLab shows no suite name), the verdict, the
/// notes, every role, the plan.
fn case_text(who: &str, report: &Report, verdict: Option<&Verdict>, roles_gated: usize) -> String {
    let mut lines = vec![
        who.to_string(),
        match verdict {
            Some(verdict) => format!("Gate: {}.", verdict_words(verdict, roles_gated)),
            None => "No gate: --min-score was not given.".to_string(),
        },
    ];
    lines.extend(report.warnings.iter().map(|w| format!("Note: {w}")));
    lines.push("Scores:".to_string());
    lines.extend(report.roles.iter().map(|r| format!("  {}", role_line(r))));
    if !report.learning_plan.is_empty() {
        let mut steps: Vec<String> = report
            .learning_plan
            .iter()
            .take(PLAN_SHOWN)
            .enumerate()
            .map(|(i, p)| format!("{}. {}", i + 1, p.name))
            .collect();
        if report.learning_plan.len() > PLAN_SHOWN {
            steps.push(format!(
                "… {} more",
                report.learning_plan.len() - PLAN_SHOWN
            ));
        }
        lines.push(format!("Learning plan: {}", steps.join("; ")));
    }
    let escaped: Vec<String> = lines.iter().map(|l| xml(l).into_owned()).collect();
    escaped.join("\n")
}

/// The suite's properties: the minimum, then each assessed role's score, in profile order.
fn write_properties(report: &Report, context: &BatchContext, out: &mut Vec<u8>) -> io::Result<()> {
    let mut properties: Vec<(String, String)> = Vec::new();
    if let Some(min) = context.min_score {
        properties.push(("min-score".to_string(), min.to_string()));
    }
    for (id, _) in &context.roles {
        if let Some(role) = report.roles.iter().find(|r| r.id == *id) {
            properties.push((format!("score.{id}"), format!("{:.1}", role.score)));
        }
    }
    // The schema wants at least one property in a `<properties>`.
    if properties.is_empty() {
        return Ok(());
    }
    writeln!(out, "    <properties>")?;
    for (name, value) in &properties {
        writeln!(
            out,
            "      <property name=\"{}\" value=\"{}\"/>",
            xml(name),
            xml(value)
        )?;
    }
    writeln!(out, "    </properties>")
}

impl BatchRender for Junit {
    fn header(&self, _context: &BatchContext, out: &mut Vec<u8>) -> io::Result<()> {
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(out, "{}", crate::generator::COMMENT_MARK)?;
        writeln!(out, "<testsuites name=\"skillgap\">")
    }

    fn record(
        &self,
        record: BatchRecord<'_>,
        context: &BatchContext,
        out: &mut Vec<u8>,
    ) -> io::Result<()> {
        let report = record.report;
        let source = &report.subject.source;
        let suite_name = suite_name(report.subject.name.as_deref(), source, record.index);
        let verdict = record.verdict.as_ref();
        let below = record.below();
        writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"1\" failures=\"{}\" errors=\"0\" skipped=\"0\">",
            xml(&suite_name),
            usize::from(below)
        )?;
        write_properties(report, context, out)?;
        write!(
            out,
            "    <testcase classname=\"{}\" name=\"{}\" time=\"0\">",
            xml(source),
            xml(&gate_name(context))
        )?;
        let text = case_text(&suite_name, report, verdict, context.roles.len());
        match verdict {
            Some(verdict) if below => write!(
                out,
                "<failure message=\"{}\" type=\"below-min-score\">{text}</failure>",
                xml(&verdict_words(verdict, context.roles.len()))
            )?,
            _ => write!(out, "<system-out>{text}</system-out>")?,
        }
        writeln!(out, "</testcase>")?;
        writeln!(out, "  </testsuite>")
    }

    fn failure(
        &self,
        index: usize,
        source: &str,
        message: &str,
        _context: &BatchContext,
        out: &mut Vec<u8>,
    ) -> io::Result<()> {
        writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">",
            xml(&suite_name(None, source, index))
        )?;
        writeln!(
            out,
            "    <testcase classname=\"{}\" name=\"read input\" time=\"0\"><error message=\"{}\" type=\"input-error\">{}</error></testcase>",
            xml(source),
            xml(message),
            xml(message)
        )?;
        writeln!(out, "  </testsuite>")
    }

    fn footer(
        &self,
        _summary: &BatchSummary,
        _context: &BatchContext,
        out: &mut Vec<u8>,
    ) -> io::Result<()> {
        writeln!(out, "</testsuites>")
    }
}
