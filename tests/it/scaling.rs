//! Hostile inputs at the size caps, end to end (the binary, via assert_cmd): unclosed markup in a
//! 2 MiB text résumé and in an 8 MiB JSON Resume's prose, thousands of postings with one title, a
//! posting of 160 000 unknown names, and `diff` of two 80 000-skill reports (issue 13). Each took
//! minutes to hours before the code was made linear; no test times anything (BENCHMARKS.md and
//! `cargo bench --bench scaling` do), a quadratic regression shows as a test that does not end.

use crate::common::path_str;
use std::path::Path;

use serde_json::{json, Value};

/// The cap on a text résumé (`input::encoding::MAX_TEXT_BYTES`).
const TEXT_CAP: usize = 2 * 1024 * 1024;
/// The cap on any input read (`input::encoding::MAX_INPUT_BYTES`).
const INPUT_CAP: usize = 8 * 1024 * 1024;

/// Runs the binary; asserts it succeeds and returns its stdout parsed as JSON, and its stderr.
fn skillgap_json(args: &[&str]) -> (Value, String) {
    let output = assert_cmd::Command::cargo_bin("skillgap")
        .expect("binary builds")
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{args:?} failed: {stderr}");
    let report = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    (report, stderr)
}

fn skill_ids(report: &Value) -> Vec<&str> {
    report["skills"]
        .as_array()
        .expect("skills")
        .iter()
        .map(|s| s["id"].as_str().expect("id"))
        .collect()
}

/// `unit` repeated to fill `len` bytes (cut at a whole repetition).
fn filled(unit: &str, len: usize) -> String {
    unit.repeat(len / unit.len())
}

#[test]
fn unclosed_markup_fills_a_text_resume_at_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let head = "# Dana Okafor\n\nSkills: PyTorch, Docker\n\n";
    // Every kind of opener with no closer, and a tag closed only after a blank line.
    for opener in [
        "<a", "<!--", "{%", "{{", "<style", "<script", "<a\n\n", "<a\n\n>",
    ] {
        let text = head.to_string() + &filled(opener, TEXT_CAP - head.len());
        assert!(text.len() <= TEXT_CAP);
        let path = dir.path().join("resume.md");
        std::fs::write(&path, &text).unwrap();
        let (report, _) = skillgap_json(&["assess", path_str(&path), "--format", "json"]);
        assert!(
            skill_ids(&report).contains(&"pytorch"),
            "{opener:?}: {:?}",
            skill_ids(&report)
        );
    }
}

#[test]
fn a_json_resume_summary_of_unclosed_markup_is_cut_at_the_text_cap() {
    let dir = tempfile::tempdir().unwrap();
    let lead = "I trained models in PyTorch and shipped Docker images. ";
    let summary = lead.to_string() + &filled("{{<a", INPUT_CAP - 4096);
    let resume = json!({"basics": {"name": "Dana Okafor", "summary": summary}});
    let text = resume.to_string();
    assert!(text.len() > INPUT_CAP - 8192 && text.len() <= INPUT_CAP);
    let path = dir.path().join("resume.json");
    std::fs::write(&path, text).unwrap();
    let (report, stderr) = skillgap_json(&["assess", path_str(&path), "--format", "json"]);
    assert!(skill_ids(&report).contains(&"pytorch"));
    let cut = "basics.summary is too long to scan whole (8.0 MiB); only its first 2.0 MiB was read";
    assert!(stderr.contains(cut), "{stderr}");
    assert!(report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w.as_str() == Some(cut)));
}

/// `assess examples/jordan.json --job POSTING --only-job --format json`.
fn jordan_against_only(posting: &Path) -> (serde_json::Value, String) {
    skillgap_json(&[
        "assess",
        "examples/jordan.json",
        "--job",
        path_str(posting),
        "--only-job",
        "--format",
        "json",
    ])
}

#[test]
fn a_posting_description_of_unclosed_markup_is_cut_at_the_text_cap() {
    let dir = tempfile::tempdir().unwrap();
    let description = "You will train models in JAX. ".to_string() + &filled("<!--", 3 * TEXT_CAP);
    let posting =
        json!({"title": "ML Engineer", "skills": ["PyTorch"], "description": description});
    let path = dir.path().join("job.json");
    std::fs::write(&path, posting.to_string()).unwrap();
    let (report, stderr) = jordan_against_only(&path);
    assert!(
        stderr.contains("description is too long to scan whole (6.0 MiB)"),
        "{stderr}"
    );
    let role = &report["roles"][0];
    assert_eq!(role["id"], "job-ml-engineer");
    assert!(
        role.to_string().contains("\"jax\""),
        "the description's JAX is wanted"
    );
}

#[test]
fn eight_thousand_postings_with_one_title_get_distinct_ids() {
    let dir = tempfile::tempdir().unwrap();
    let postings = vec![json!({"title": "ML Engineer", "skills": ["PyTorch"]}); 8000];
    let path = dir.path().join("jobs.json");
    std::fs::write(&path, Value::from(postings).to_string()).unwrap();
    let jobs = path_str(&path);
    // The same file twice: 16 000 roles, none sharing an id.
    let (report, _) = skillgap_json(&[
        "assess",
        "examples/jordan.json",
        "--job",
        jobs,
        "--job",
        jobs,
        "--only-job",
        "--format",
        "json",
    ]);
    let mut ids: Vec<&str> = report["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 16_000);
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 16_000);
    assert!(ids.contains(&"job-ml-engineer") && ids.contains(&"job-ml-engineer-16000"));
}

#[test]
fn a_posting_of_160_000_unknown_names_is_scored_on_the_one_it_knows() {
    let dir = tempfile::tempdir().unwrap();
    let mut skills = vec!["PyTorch".to_string()];
    skills.extend((0..160_000).map(|i| format!("Zq{i:06}")));
    let posting = json!({"title": "ML Engineer", "skills": skills});
    let text = posting.to_string();
    assert!(text.len() <= INPUT_CAP);
    let path = dir.path().join("job.json");
    std::fs::write(&path, text).unwrap();
    let (report, stderr) = jordan_against_only(&path);
    assert!(
        stderr.contains("only 1 of the 160001 skills the posting “ML Engineer” lists are in the catalog (not: Zq000000, Zq000001, Zq000002, Zq000003, Zq000004, Zq000005, …)"),
        "{stderr}"
    );
    assert_eq!(report["roles"].as_array().unwrap().len(), 1);
}

#[test]
fn diff_of_two_reports_of_80_000_skills() {
    let dir = tempfile::tempdir().unwrap();
    let (saved, _) = skillgap_json(&["assess", "examples/jordan.json", "--format", "json"]);
    // Before: s000000..s079999; after: s001000..s080999, levels shifted by one.
    let sides = [("before.json", 0), ("after.json", 1)];
    for (name, shift) in sides {
        let mut report = saved.clone();
        report["skills"] = (shift * 1000..80_000 + shift * 1000)
            .map(|i| {
                json!({"id": format!("s{i:06}"), "name": format!("S{i:06}"),
                       "level": 1 + (i + shift) % 4, "evidence": null, "via": "name"})
            })
            .collect();
        let text = report.to_string();
        assert!(text.len() <= INPUT_CAP);
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let before = dir.path().join("before.json");
    let after = dir.path().join("after.json");
    let (diff, _) = skillgap_json(&[
        "diff",
        path_str(&before),
        path_str(&after),
        "--format",
        "json",
    ]);
    let count = |field: &str| diff[field].as_array().unwrap().len();
    assert_eq!(count("skills_gained"), 1000);
    assert_eq!(count("skills_lost"), 1000);
    // Of the 79 000 in both, a level 4 became 1 in each run of four: one in four lowered.
    assert_eq!(count("levels_raised"), 59_250);
    assert_eq!(count("levels_lowered"), 19_750);
    assert_eq!(diff["skills_gained"][0]["skill"], "s080000");
    assert_eq!(diff["skills_lost"][0]["skill"], "s000000");
}
