//! Command-line behaviour pinned as data: `tests/cmd/*.toml` (arguments, exit code, stdout, stderr)
//! and the README's `console` examples, run by trycmd. Regenerate after a deliberate change with
//! `TRYCMD=overwrite cargo test --test it cli::`.

use std::process::Command;

use crate::common;

/// The cases that read `../shared/corpus`, skipped (with the note) on a bare clone.
const CORPUS_CASES: &[&str] = &["tests/cmd/assess-jobs-corpus.toml"];

#[test]
fn cli_cases() {
    let cases = trycmd::TestCases::new();
    cases
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        // Years of experience count up to "today": pinned so that "2019 – present" is stable.
        .env("SKILLGAP_TODAY", "2026-11-28")
        .case("tests/cmd/*.toml")
        .case("README.md")
        .case("profiles/README.md");
    if common::corpus("").is_none() {
        for case in CORPUS_CASES {
            cases.skip(case);
        }
    }
}

/// `skillgap role … | head -1` must not report an error when `head` closes the pipe.
#[test]
fn closed_stdout_pipe_is_not_an_error() {
    let binary = assert_cmd::cargo::cargo_bin("skillgap");
    let output = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "set -o pipefail; '{}' skills | head -1 >/dev/null",
            binary.display()
        ))
        .output()
        .expect("bash runs");
    assert!(
        output.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn run(args: &[&str]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("skillgap")
        .expect("binary builds")
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("runs")
}

#[test]
fn table_report_fits_an_80_column_terminal() {
    for input in [
        "examples/jordan.json",
        "examples/new-grad.json",
        "examples/cv.md",
    ] {
        let output = run(&["assess", input, "--explain"]);
        assert!(output.status.success());
        let text = String::from_utf8(output.stdout).expect("UTF-8");
        // The table and the plan fit; --explain's per-skill detail lines may be longer.
        for line in text.lines() {
            if ["  ✓", "  ~", "  ?", "  ✗", "  ⚠"]
                .iter()
                .any(|mark| line.starts_with(mark))
            {
                continue;
            }
            assert!(
                line.chars().count() <= 80,
                "{} columns: {line}",
                line.chars().count()
            );
        }
    }
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let plain = run(&["assess", "examples/jordan.json"]);
    assert!(
        !plain.stdout.contains(&0x1b),
        "no colour when stdout is not a terminal"
    );
    let forced = run(&["assess", "examples/jordan.json", "--color", "always"]);
    assert!(forced.stdout.contains(&0x1b), "--color always colours");
    let never = run(&["assess", "examples/jordan.json", "--color", "never"]);
    assert!(!never.stdout.contains(&0x1b));
}

#[test]
fn output_file_is_written_whole_and_without_colour() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.json");
    let output = run(&[
        "assess",
        "examples/jordan.json",
        "--format",
        "json",
        "--color",
        "always",
        "--output",
        path.to_str().expect("UTF-8 path"),
    ]);
    assert!(output.status.success());
    assert!(
        output.stdout.is_empty(),
        "the report goes to the file, not stdout"
    );
    let written = std::fs::read_to_string(&path).expect("written");
    assert!(!written.contains('\u{1b}'));
    let value: serde_json::Value = serde_json::from_str(&written).expect("a whole JSON document");
    assert_eq!(value["schema_version"], 1);
    // Nothing else was left behind (no temporary files).
    let entries: Vec<_> = std::fs::read_dir(dir.path()).expect("readable").collect();
    assert_eq!(entries.len(), 1);
}
