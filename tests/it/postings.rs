//! The text-posting reader against postings labelled by hand (`tests/fixtures/postings/`, whose
//! README says how the labels were written: before the reader was run, as a recruiter reads).
//!
//! Held: the importance of at least 90 % of the labelled requirements (a requirement the reader
//! does not find counts as wrong; for alternatives, "PyTorch or JAX", what the sentence asked for
//! is compared, since the reader then makes them a situational toolkit on purpose), the tier of
//! every posting, its title, and no skill named only in About us / Benefits / EEO text becoming a
//! requirement. Printed: the level agreement, what the reader missed and what it added.

#![allow(clippy::print_stdout)] // printing the figures is the point

use crate::common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use skillgap::catalog::Catalog;
use skillgap::profile::{job, posting};
use skillgap::profile::{Importance, Tier};

const FIXTURES: &str = "tests/fixtures/postings";
const TARGET_IMPORTANCE: f64 = 0.90;

#[derive(Deserialize)]
struct Label {
    file: String,
    title: String,
    tier: Tier,
    requirements: Vec<LabelledRequirement>,
    #[serde(default)]
    not_requirements: Vec<String>,
}

#[derive(Deserialize)]
struct LabelledRequirement {
    skill: String,
    importance: Importance,
    level: Option<u8>,
}

fn labels() -> Vec<(PathBuf, Label)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(FIXTURES)
        .expect("the postings fixtures")
        .map(|entry| entry.expect("a fixture").path())
        .filter(|path| path.to_string_lossy().ends_with(".label.json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("a label");
            let label: Label =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (Path::new(FIXTURES).join(&label.file), label)
        })
        .collect()
}

#[test]
fn the_reader_agrees_with_the_labelled_postings() {
    let catalog = Catalog::builtin().expect("catalog");
    let labels = labels();
    assert!(labels.len() >= 10, "at least 10 labelled postings");
    let (mut importance_right, mut labelled, mut level_right, mut levelled) = (0, 0, 0, 0);
    let mut problems = Vec::new();
    let mut misses = Vec::new();
    for (path, label) in &labels {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(path).expect("the posting");
        let read = posting::read(&name, &text, catalog).expect("a posting reads");
        if read.tier != Some(label.tier) {
            problems.push(format!(
                "{name}: tier {:?} ({:?}), labelled {}",
                read.tier, read.tier_reason, label.tier
            ));
        }
        if read.title != label.title {
            problems.push(format!(
                "{name}: title {:?}, labelled {:?}",
                read.title, label.title
            ));
        }
        let found: HashMap<&str, &posting::ReadRequirement> = read
            .requirements
            .iter()
            .map(|r| (catalog.skill(r.skill).id.as_str(), r))
            .collect();
        for want in &label.requirements {
            labelled += 1;
            let Some(got) = found.get(want.skill.as_str()) else {
                misses.push(format!("{name}: {} not found", want.skill));
                continue;
            };
            let asked = got.alternative.unwrap_or(got.importance);
            if asked == want.importance {
                importance_right += 1;
            } else {
                misses.push(format!(
                    "{name}: {} read {} (line {}: “{}”), labelled {}",
                    want.skill, asked, got.line, got.sentence, want.importance
                ));
            }
            if let Some(level) = want.level {
                levelled += 1;
                if got.level == Some(level) {
                    level_right += 1;
                } else {
                    misses.push(format!(
                        "{name}: {} level {:?}, labelled {level}",
                        want.skill, got.level
                    ));
                }
            }
        }
        for skill in &label.not_requirements {
            if let Some(got) = found.get(skill.as_str()) {
                problems.push(format!(
                    "{name}: {skill} made a requirement from line {} (“{}”), which only names it",
                    got.line, got.sentence
                ));
            }
        }
        let wanted: Vec<&str> = label
            .requirements
            .iter()
            .map(|r| r.skill.as_str())
            .collect();
        for (id, got) in &found {
            if !wanted.contains(id) {
                misses.push(format!(
                    "{name}: added {id} ({}, line {}: “{}”)",
                    got.importance, got.line, got.sentence
                ));
            }
        }
    }
    let ratio = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    let importance = ratio(importance_right, labelled);
    println!("labelled postings: {}", labels.len());
    println!(
        "  importance {importance_right}/{labelled} = {importance:.3} (target {TARGET_IMPORTANCE})"
    );
    println!(
        "  level      {level_right}/{levelled} = {:.3} (where a level is labelled)",
        ratio(level_right, levelled)
    );
    misses.sort();
    for miss in &misses {
        println!("    {miss}");
    }
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(
        importance >= TARGET_IMPORTANCE,
        "importance {importance:.3} below {TARGET_IMPORTANCE}"
    );
}

/// `skillgap job --format json` writes a profile file that `profiles validate` accepts and
/// `--profiles` scores against.
#[test]
fn the_json_of_a_read_posting_is_a_valid_profile() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("job-machine-learning-engineer.json");
    assert_cmd::Command::cargo_bin("skillgap")
        .expect("binary")
        .args([
            "job",
            "examples/posting-ml-engineer.txt",
            "--format",
            "json",
            "-o",
        ])
        .arg(&file)
        .assert()
        .success();
    assert_cmd::Command::cargo_bin("skillgap")
        .expect("binary")
        .args(["profiles", "validate"])
        .arg(dir.path())
        .assert()
        .success();
    let output = assert_cmd::Command::cargo_bin("skillgap")
        .expect("binary")
        .arg("--profiles")
        .arg(dir.path())
        .args([
            "assess",
            "examples/cv.md",
            "--role",
            "job-machine-learning-engineer",
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    assert!(output.status.success(), "{output:?}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a report");
    assert_eq!(report["roles"][0]["id"], "job-machine-learning-engineer");
}

/// A folder of postings (text, Markdown and JSON alike) becomes one role each, with ids that do
/// not collide; a file in it that is no posting is passed over, named in a warning.
#[test]
fn a_folder_of_postings_is_every_posting_in_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (from, to) in [
        ("examples/posting-ml-engineer.txt", "a.txt"),
        ("examples/posting-ml-engineer.txt", "b.txt"),
        ("tests/fixtures/postings/llm-engineer-quillpoint.md", "c.md"),
        ("examples/llm-platform.job.json", "d.json"),
    ] {
        std::fs::copy(from, dir.path().join(to)).expect("copies");
    }
    std::fs::write(
        dir.path().join("README.md"),
        "# Postings\n\nThe jobs we track.\n",
    )
    .unwrap();
    let output = assert_cmd::Command::cargo_bin("skillgap")
        .expect("binary")
        .args([
            "assess",
            "examples/cv.md",
            "--only-job",
            "--format",
            "json",
            "--job",
        ])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert!(output.status.success(), "{output:?}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a report");
    let mut ids: Vec<&str> = report["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        [
            "job-llm-engineer",
            "job-machine-learning-engineer",
            "job-machine-learning-engineer-2",
            "job-senior-llm-platform-engineer"
        ]
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("passed over, not a posting") && stderr.contains("README.md"),
        "{stderr}"
    );
}

/// What `job::load` says about `path` given as a posting: `Ok` when it became roles.
fn as_posting(path: &Path) -> Result<usize, String> {
    let catalog = Catalog::builtin().expect("catalog");
    let mut ids = job::RoleIds::default();
    job::load(path, job::PostingFormat::Auto, catalog, &mut ids)
        .map(|roles| roles.len())
        .map_err(|e| e.to_string())
}

/// `assess examples/jordan.json --format FORMAT`, written to `name` in `dir`.
fn write_report(dir: &Path, name: &str, format: &str) -> PathBuf {
    let output = assert_cmd::Command::cargo_bin("skillgap")
        .expect("binary")
        .args(["assess", "examples/jordan.json", "--format", format])
        .output()
        .expect("runs");
    let path = dir.join(name);
    std::fs::write(&path, &output.stdout).expect("write the report");
    path
}

/// Issue 15: a skills file, a résumé or a report passed to `--job` was ranked as a role made of
/// the person's own skills. Each is refused, saying what it is.
#[test]
fn resumes_skills_files_and_reports_are_not_postings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let report = write_report(dir.path(), "report.json", "json");
    let markdown = write_report(dir.path(), "report.md", "markdown");
    let package = dir.path().join("package.json");
    std::fs::write(&package, r#"{"name": "web", "version": "1.0.0"}"#).expect("write");
    let json = [
        (PathBuf::from("examples/jordan.json"), "is a skills file"),
        (
            PathBuf::from("examples/priya.resume.json"),
            "is a JSON Resume",
        ),
        (
            PathBuf::from("schema/skills.schema.json"),
            "is a JSON Schema",
        ),
        (report, "is a JSON report written by skillgap"),
        (markdown, "is a Markdown report written by skillgap"),
        (package, "with none of a posting's fields"),
    ];
    for (path, says) in &json {
        let error = as_posting(path).expect_err(&path.display().to_string());
        assert!(
            error.contains(says) && error.contains("not a job posting"),
            "{error}"
        );
    }
    // Every labelled text résumé but one: a bare list of tool names under "Core Competencies" and
    // "Professional Summary" has no dated position and one résumé section, which a posting's
    // "Skills" list has too; it is then read as a posting (and, with no requirement wording, its
    // names are expected skills).
    let mut resumes: Vec<PathBuf> = std::fs::read_dir("tests/fixtures/labelled")
        .expect("labelled résumés")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "md" || e == "txt"))
        .filter(|path| !path.ends_with("a-stuffed-buzzword.md"))
        .collect();
    resumes.push(PathBuf::from("examples/cv.md"));
    // In the corpus, cv04 is a site generator's YAML page (`experience:` items with `date_start:`
    // keys), which the text reader does not take apart.
    if let Some(text) = common::corpus("text") {
        for entry in std::fs::read_dir(text).expect("corpus") {
            let path = entry.expect("entry").path();
            if !path.ends_with("cv04.md") {
                resumes.push(path);
            }
        }
    }
    assert!(resumes.len() >= 29, "{}", resumes.len());
    for path in &resumes {
        let error = as_posting(path).expect_err(&path.display().to_string());
        assert!(error.contains("reads as a résumé ("), "{error}");
    }
    // And every posting is still one.
    for path in [
        Path::new("examples/posting-ml-engineer.txt"),
        Path::new("examples/llm-platform.job.json"),
    ] {
        assert!(as_posting(path).is_ok(), "{}", path.display());
    }
    for (path, _) in labels() {
        assert!(as_posting(&path).is_ok(), "{}", path.display());
    }
}
