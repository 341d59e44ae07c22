//! Batch reports as JUnit XML, so CI systems show each person × role natively: one `<testsuite>` per
//! person (so its counts are known when it is written and the file streams), one `<testcase>` per
//! assessed role, failing when that role scores below `--min-score`. An input that could not be read
//! is a test suite with one `<error>`. All text is escaped for XML ([`escape::xml`]).

use std::io::{self, Write};

use super::escape::xml;
use super::{BatchContext, BatchRecord, BatchRender, BatchSummary};
use crate::report::RoleFit;

pub struct Junit;

/// How many gaps a failure message names.
const GAPS_SHOWN: usize = 3;
/// How many learning-plan steps a test suite's output lists.
const PLAN_SHOWN: usize = 10;

fn gaps(role: &RoleFit) -> String {
    let names: Vec<String> = role
        .missing
        .iter()
        .take(GAPS_SHOWN)
        .map(|m| format!("{} +{:.1}", m.name, m.gain))
        .collect();
    if names.is_empty() {
        "none".to_string()
    } else {
        names.join(", ")
    }
}

impl BatchRender for Junit {
    fn header(&self, _context: &BatchContext, out: &mut Vec<u8>) -> io::Result<()> {
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
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
        let suite_name = match &report.subject.name {
            Some(name) => format!("{name} ({source})"),
            None => source.clone(),
        };
        let below = |role: &RoleFit| context.min_score.is_some_and(|min| role.score < min);
        let failures = report.roles.iter().filter(|r| below(r)).count();
        writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">",
            xml(&suite_name),
            report.roles.len()
        )?;
        for role in &report.roles {
            let tier = role.tier.map_or("no tier fits", |t| t.as_str());
            write!(
                out,
                "    <testcase classname=\"{}\" name=\"{}\" time=\"0\">",
                xml(source),
                xml(&role.id)
            )?;
            if below(role) {
                let min = context.min_score.unwrap_or_default();
                write!(
                    out,
                    "<failure message=\"{}\" type=\"below-min-score\">{}</failure>",
                    xml(&format!(
                        "{}: score {:.1} is below {min}",
                        role.title, role.score
                    )),
                    xml(&format!(
                        "{} scores {:.1} at {} ({tier}); learn next: {}",
                        role.title,
                        role.score,
                        role.target_tier,
                        gaps(role)
                    ))
                )?;
            } else {
                write!(
                    out,
                    "<system-out>{}</system-out>",
                    xml(&format!(
                        "{} scores {:.1} at {} ({tier}); learn next: {}",
                        role.title,
                        role.score,
                        role.target_tier,
                        gaps(role)
                    ))
                )?;
            }
            writeln!(out, "</testcase>")?;
        }
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
            writeln!(
                out,
                "    <system-out>{}</system-out>",
                xml(&format!("Learning plan: {}", steps.join("; ")))
            )?;
        }
        writeln!(out, "  </testsuite>")
    }

    fn failure(
        &self,
        _index: usize,
        source: &str,
        message: &str,
        _context: &BatchContext,
        out: &mut Vec<u8>,
    ) -> io::Result<()> {
        writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">",
            xml(source)
        )?;
        writeln!(
            out,
            "    <testcase classname=\"{}\" name=\"read input\" time=\"0\"><error message=\"{}\" type=\"input-error\"/></testcase>",
            xml(source),
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
