//! Batch reports as CSV (RFC 4180, via the `csv` crate): one row per person with their best role, a
//! score column per assessed role, and the first steps of their learning plan; a failed input gets a
//! row with its error. Text cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) are
//! prefixed with `'`: names come from untrusted résumés.

use std::borrow::Cow;
use std::io;

use super::{BatchContext, BatchRecord, BatchRender};

pub struct Csv;

/// How many learning-plan steps the `learn_next` column lists.
const PLAN_STEPS: usize = 3;

const FIXED_COLUMNS: [&str; 11] = [
    "index",
    "source",
    "name",
    "years_experience",
    "skills",
    "best_role",
    "best_score",
    "best_tier",
    "target_tier",
    "status",
    "learn_next",
];

/// A text cell a spreadsheet will not evaluate, with no control characters but tab.
fn text_cell(text: &str) -> Cow<'_, str> {
    let text = super::escape::csv_cell(text);
    let risky = matches!(
        text.as_bytes(),
        [b'=' | b'+' | b'@' | b'\t' | b'\r', ..] | [b'-', _, ..]
    );
    if risky {
        Cow::Owned(format!("'{text}"))
    } else {
        text
    }
}

fn write_row(out: &mut Vec<u8>, row: &[Cow<'_, str>]) -> io::Result<()> {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .buffer_capacity(1024)
        .from_writer(out);
    writer.write_record(row.iter().map(|c| c.as_bytes()))?;
    writer.flush()
}

impl BatchRender for Csv {
    fn header(&self, context: &BatchContext, out: &mut Vec<u8>) -> io::Result<()> {
        let mut row: Vec<Cow<'_, str>> = FIXED_COLUMNS.iter().map(|c| Cow::Borrowed(*c)).collect();
        row.extend(context.roles.iter().map(|(id, _)| text_cell(id)));
        row.push(Cow::Borrowed("error"));
        write_row(out, &row)
    }

    fn record(
        &self,
        record: BatchRecord<'_>,
        context: &BatchContext,
        out: &mut Vec<u8>,
    ) -> io::Result<()> {
        let report = record.report;
        let best = report.best_role();
        let plan: Vec<&str> = report
            .learning_plan
            .iter()
            .take(PLAN_STEPS)
            .map(|p| &*p.name)
            .collect();
        let mut row: Vec<Cow<'_, str>> = vec![
            Cow::Owned(record.index.to_string()),
            text_cell(&report.subject.source),
            text_cell(report.subject.name.as_deref().unwrap_or("")),
            Cow::Owned(
                report
                    .subject
                    .years_experience
                    .map(|y| y.to_string())
                    .unwrap_or_default(),
            ),
            Cow::Owned(report.skills.len().to_string()),
            text_cell(best.map_or("", |r| &*r.id)),
            Cow::Owned(best.map(|r| format!("{:.1}", r.score)).unwrap_or_default()),
            Cow::Borrowed(best.and_then(|r| r.tier).map_or("", |t| t.as_str())),
            Cow::Borrowed(best.map_or("", |r| r.target_tier.as_str())),
            Cow::Borrowed(if record.below() { "below" } else { "ok" }),
            text_cell(&plan.join("; ")).into_owned().into(),
        ];
        for (id, _) in &context.roles {
            row.push(Cow::Owned(
                report
                    .roles
                    .iter()
                    .find(|r| &r.id == id)
                    .map(|r| format!("{:.1}", r.score))
                    .unwrap_or_default(),
            ));
        }
        row.push(Cow::Borrowed(""));
        write_row(out, &row)
    }

    fn failure(
        &self,
        index: usize,
        source: &str,
        message: &str,
        context: &BatchContext,
        out: &mut Vec<u8>,
    ) -> io::Result<()> {
        let mut row: Vec<Cow<'_, str>> = vec![Cow::Owned(index.to_string()), text_cell(source)];
        row.extend((2..FIXED_COLUMNS.len()).map(|i| {
            Cow::Borrowed(if FIXED_COLUMNS[i] == "status" {
                "error"
            } else {
                ""
            })
        }));
        row.extend(context.roles.iter().map(|_| Cow::Borrowed("")));
        row.push(text_cell(message));
        write_row(out, &row)
    }
}

#[cfg(test)]
mod tests {
    use super::{text_cell, FIXED_COLUMNS};

    #[test]
    fn the_header_carries_the_generator_mark() {
        let header = FIXED_COLUMNS.join(",");
        assert!(header.starts_with(crate::generator::CSV_MARK), "{header}");
    }

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(text_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(text_cell("+1"), "'+1");
        assert_eq!(text_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text_cell("-2+3"), "'-2+3");
        assert_eq!(text_cell("-"), "-", "stdin stays `-`");
        assert_eq!(text_cell("Jordan"), "Jordan");
    }
}
