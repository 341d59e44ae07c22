//! How skillgap marks the reports it writes, and knows them again when one is given as a résumé.
//!
//! A report read as a person is nonsense that looks like a result: an HTML report names every
//! missing skill, so it scored 100. So every report carries a mark, `batch` passes over a file
//! that has one (naming it, and counting it in the summary line), and `assess` refuses it. The
//! marks are part of the output contract and must stay as they are: a changed mark makes the
//! reports written before it people again.
//!
//! - HTML: `<meta name="generator" content="skillgap">` in the head ([`HTML_MARK`]);
//! - Markdown (`assess`, `batch`, `diff`): the comment [`COMMENT_MARK`] on the last line, which
//!   Markdown viewers do not show; JUnit XML: the same comment after the XML declaration;
//! - CSV (`batch`): the header row, whose first columns are fixed ([`CSV_MARK`]);
//! - JSON (`assess`, `diff`, a line of `batch --format jsonl`, `batch --format json`'s array): an
//!   object with both `schema_version` and `roles` ([`is_json_report`]).
//!
//! The terminal table has no mark: it is written for a person to read, not saved.

use serde_json::Value;

/// The generator mark of the HTML report.
pub const HTML_MARK: &str = "<meta name=\"generator\" content=\"skillgap\">";
/// The generator mark of the Markdown reports and of JUnit XML.
pub const COMMENT_MARK: &str = "<!-- generator: skillgap -->";
/// How `batch --format csv` output starts: its fixed header columns.
pub const CSV_MARK: &str = "index,source,name,years_experience,skills,best_role,";

/// The format of the skillgap report `text` is, if it is one: "HTML", "Markdown", "JUnit XML" or
/// "CSV". (JSON reports are told by their fields, see [`is_json_report`].)
pub fn text_report_kind(text: &str) -> Option<&'static str> {
    if text.contains(HTML_MARK) {
        Some("HTML")
    } else if text.contains(COMMENT_MARK) {
        Some(if text.trim_start().starts_with("<?xml") {
            "JUnit XML"
        } else {
            "Markdown"
        })
    } else if text.starts_with(CSV_MARK) {
        Some("CSV")
    } else {
        None
    }
}

/// "an HTML report written by skillgap", for a `kind` of [`text_report_kind`] or "JSON".
pub fn report_words(kind: &str) -> String {
    let article = if kind.starts_with(['A', 'E', 'H', 'I', 'O']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {kind} report written by skillgap")
}

/// True for the object of a skillgap JSON report: `schema_version` and `roles` side by side.
pub fn is_report_object(object: &serde_json::Map<String, Value>) -> bool {
    object.contains_key("schema_version") && object.contains_key("roles")
}

/// True for a skillgap JSON report (`schema_version` and `roles` side by side), or a list of them.
pub fn is_json_report(value: &Value) -> bool {
    match value {
        Value::Object(object) => is_report_object(object),
        Value::Array(items) => items.first().is_some_and(is_json_report),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_told_apart() {
        let html = format!("<!DOCTYPE html>\n<html><head>{HTML_MARK}</head></html>");
        assert_eq!(text_report_kind(&html), Some("HTML"));
        let markdown = format!("# Skill-gap report: A\n\n…\n{COMMENT_MARK}\n");
        assert_eq!(text_report_kind(&markdown), Some("Markdown"));
        let junit = format!("<?xml version=\"1.0\"?>\n{COMMENT_MARK}\n<testsuites/>");
        assert_eq!(text_report_kind(&junit), Some("JUnit XML"));
        assert_eq!(
            text_report_kind(&format!("{CSV_MARK}best_score\n")),
            Some("CSV")
        );
        assert_eq!(report_words("HTML"), "an HTML report written by skillgap");
        assert_eq!(report_words("JSON"), "a JSON report written by skillgap");
        // A résumé that merely names the tool is a résumé.
        assert_eq!(
            text_report_kind("# Ada\nBuilt skillgap, a generator of reports.\n"),
            None
        );
    }

    #[test]
    fn json_reports_are_told_by_their_fields() {
        let report: Value =
            serde_json::from_str(r#"{"schema_version": 1, "subject": {}, "roles": []}"#)
                .expect("JSON");
        assert!(is_json_report(&report));
        assert!(is_json_report(&Value::Array(vec![report])));
        let person: Value =
            serde_json::from_str(r#"{"skills": ["PyTorch"], "roles": ["llm-engineer"]}"#)
                .expect("JSON");
        assert!(!is_json_report(&person), "a skills file may name its roles");
        assert!(!is_json_report(&Value::Array(vec![])));
    }
}
