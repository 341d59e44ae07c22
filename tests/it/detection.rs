//! Format detection (`--input-format auto`) and the no-panic promise on damaged JSON Resume files.

use crate::common;

use skillgap::catalog::Catalog;
use skillgap::input::{self, InputError, InputFormat};

fn detect(name: &str, text: &str) -> Result<InputFormat, InputError> {
    input::detect(name, text)
}

#[test]
fn formats_are_told_apart() {
    let resume = r#"{"basics": {"name": "A"}, "work": []}"#;
    let skills = r#"{"years_experience": 2, "skills": ["PyTorch"]}"#;
    assert_eq!(
        detect("cv.md", resume).unwrap(),
        InputFormat::Text,
        "the extension wins"
    );
    assert_eq!(detect("cv.TXT", "PyTorch").unwrap(), InputFormat::Text);
    assert_eq!(
        detect("cv", "# Ada\nPyTorch, JAX").unwrap(),
        InputFormat::Text
    );
    assert_eq!(detect("-", resume).unwrap(), InputFormat::Jsonresume);
    assert_eq!(detect("me.json", skills).unwrap(), InputFormat::Skillgap);
    assert_eq!(
        detect(
            "r.json",
            r#"{"skills": [{"name": "ML", "keywords": ["PyTorch"]}]}"#
        )
        .unwrap(),
        InputFormat::Jsonresume,
        "keywords are JSON Resume's"
    );
    assert_eq!(
        detect("r.json", "// exported\n{\"basics\": {},}").unwrap(),
        InputFormat::Jsonresume,
        "comments and trailing commas do not hide the format"
    );
}

#[test]
fn broken_json_is_a_syntax_error_not_a_text_resume() {
    let error = detect("r.json", "not json at all").unwrap_err().to_string();
    assert!(error.starts_with("r.json:1:"), "{error}");
    let error = detect("-", "{\n  \"basics\": {\n}")
        .unwrap_err()
        .to_string();
    assert!(error.starts_with("-:3:"), "{error}");
}

#[test]
fn a_job_posting_is_not_a_resume() {
    let posting = r#"{"title": "ML Engineer", "qualifications": ["PyTorch"], "skills": []}"#;
    let error = detect("job.json", posting).unwrap_err().to_string();
    assert!(error.contains("--job"), "{error}");
}

/// Every prefix of every corpus résumé (cut on a character boundary every few hundred bytes) is
/// read or rejected with an error that names the file: truncated downloads must never panic.
#[test]
fn truncated_resumes_never_panic() {
    let Some(dir) = common::corpus("jsonresume") else {
        return;
    };
    let catalog = Catalog::builtin().expect("catalog");
    let mut cuts = 0;
    for entry in std::fs::read_dir(&dir).expect("corpus") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("UTF-8 corpus file");
        let name = path.display().to_string();
        let mut at = 0;
        while at < text.len() {
            let prefix = &text[..at];
            let result = std::panic::catch_unwind(|| {
                input::parse(&name, prefix, InputFormat::Jsonresume, catalog)
            })
            .unwrap_or_else(|_| panic!("{name}: panicked on the first {at} bytes"));
            if let Err(error) = result {
                assert!(error.to_string().starts_with(&name), "{error}");
            }
            cuts += 1;
            at += 397;
            while !text.is_char_boundary(at.min(text.len())) {
                at += 1;
            }
        }
    }
    assert!(cuts > 100, "{cuts} cuts");
}

/// Issue 15 item 5: a JSON Schema (skillgap's own among them) was read as a JSON Resume with
/// nothing in it; JSON that is neither a skills file nor a JSON Resume says so; a report skillgap
/// wrote is told apart from a person.
#[test]
fn json_that_is_no_person_is_refused_with_a_reason() {
    for schema in ["schema/skills.schema.json", "schema/profile.schema.json"] {
        let text = std::fs::read_to_string(schema).expect("the schema is there");
        let error = detect(schema, &text).unwrap_err().to_string();
        assert!(error.contains("this is a JSON Schema"), "{error}");
    }
    let error = detect(
        "s.json",
        r#"{"type": "object", "properties": {"skills": {"type": "array"}}}"#,
    )
    .unwrap_err()
    .to_string();
    assert!(error.contains("looks like a JSON Schema"), "{error}");
    let error = detect("package.json", r#"{"name": "web", "version": "1.0.0"}"#)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("neither a skills file nor a JSON Resume (it has \"version\""),
        "{error}"
    );
    // A skills file missing its list is left to the skills reader, which names the field.
    assert_eq!(
        detect("me.json", r#"{"name": "Jordan"}"#).unwrap(),
        InputFormat::Skillgap
    );
    // A JSON Resume's own `$schema` is no JSON Schema.
    assert_eq!(
        detect(
            "r.json",
            r#"{"$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json", "basics": {}}"#
        )
        .unwrap(),
        InputFormat::Jsonresume
    );
    let report = r#"{"schema_version": 1, "subject": {"source": "a"}, "roles": []}"#;
    assert!(matches!(
        detect("old.json", report),
        Err(InputError::OwnReport { kind: "JSON", .. })
    ));
}
