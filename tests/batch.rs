//! `skillgap batch` and `skillgap diff` end to end (the binary, via assert_cmd): machine-readable
//! formats parse, the order is stable whatever the thread count, `--output` is atomic and plain, and
//! the JSON Lines map step splits and merges (the README's scale-out recipe).

use std::process::Output;

use skillgap::report::Report;

fn skillgap(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut command = assert_cmd::Command::cargo_bin("skillgap").expect("binary builds");
    command.args(args).env("NO_COLOR", "1");
    if let Some(bytes) = stdin {
        command.write_stdin(bytes.to_vec());
    }
    command.output().expect("runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

/// `count` skills-JSON records, one per line, varied enough that the reports differ.
fn jsonl_people(count: usize) -> String {
    const SKILLS: [&str; 12] = [
        "PyTorch",
        "CUDA",
        "RAG",
        "Docker",
        "Kubernetes",
        "FSDP",
        "vLLM",
        "LoRA",
        "SQL",
        "Spark",
        "W&B",
        "C++",
    ];
    let mut lines = String::new();
    for i in 0..count {
        let skills: Vec<String> = (0..1 + i % 7)
            .map(|k| {
                format!(
                    "{{\"name\": \"{}\", \"level\": {}}}",
                    SKILLS[(i * 5 + k * 3) % SKILLS.len()],
                    1 + (i + k) % 4
                )
            })
            .collect();
        lines.push_str(&format!(
            "{{\"name\": \"Person {i}\", \"years_experience\": {}, \"skills\": [{}]}}\n",
            i % 9,
            skills.join(", ")
        ));
    }
    lines
}

#[test]
fn jsonl_and_json_formats_are_reports() {
    let input = jsonl_people(5);
    let lines = skillgap(
        &["batch", "-", "--format", "jsonl", "-q"],
        Some(input.as_bytes()),
    );
    assert_eq!(lines.status.code(), Some(0), "{}", text(&lines.stderr));
    let reports: Vec<Report> = text(&lines.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is a SPEC §6 report"))
        .collect();
    assert_eq!(reports.len(), 5);
    let names: Vec<_> = reports.iter().map(|r| r.subject.name.clone()).collect();
    assert_eq!(names[0].as_deref(), Some("Person 0"));
    assert_eq!(names[4].as_deref(), Some("Person 4"));
    assert!(reports.iter().all(|r| r.roles.len() == 8));

    let array = skillgap(
        &["batch", "-", "--format", "json", "-q"],
        Some(input.as_bytes()),
    );
    let from_array: Vec<Report> = serde_json::from_slice(&array.stdout).expect("a JSON array");
    assert_eq!(from_array, reports);
}

#[test]
fn output_order_does_not_depend_on_the_number_of_threads() {
    let input = jsonl_people(300);
    let one = skillgap(
        &["batch", "-", "--format", "csv", "--jobs", "1", "-q"],
        Some(input.as_bytes()),
    );
    let many = skillgap(
        &["batch", "-", "--format", "csv", "--jobs", "4", "-q"],
        Some(input.as_bytes()),
    );
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(text(&one.stdout).lines().count(), 301);
    assert_eq!(one.stdout, many.stdout);
}

#[test]
fn summary_and_gate() {
    let input = jsonl_people(6);
    let gated = skillgap(
        &["batch", "-", "--role", "cuda-engineer", "--min-score", "99"],
        Some(input.as_bytes()),
    );
    assert_eq!(gated.status.code(), Some(1), "everyone is below 99");
    assert_eq!(
        text(&gated.stderr).trim(),
        "batch: 6 assessed, 6 below 99, 0 failed"
    );
    let quiet = skillgap(
        &["batch", "-", "--min-score", "99", "--quiet"],
        Some(input.as_bytes()),
    );
    assert_eq!(quiet.status.code(), Some(1));
    assert!(quiet.stderr.is_empty(), "--quiet hides the summary");
    // An input error (2) wins over a person below the gate (1).
    let mut broken = input.clone();
    broken.push_str("{\"skills\": [\n");
    let both = skillgap(
        &["batch", "-", "--min-score", "99", "--quiet"],
        Some(broken.as_bytes()),
    );
    assert_eq!(both.status.code(), Some(2));
    assert!(
        text(&both.stderr).starts_with("error: -:7:"),
        "{}",
        text(&both.stderr)
    );
    // Empty standard input (an empty partition of a distributed job) is not an error.
    let empty = skillgap(&["batch", "-", "--format", "jsonl", "-q"], Some(b""));
    assert_eq!(empty.status.code(), Some(0));
    assert!(empty.stdout.is_empty());
}

#[test]
fn output_file_is_atomic_and_plain() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("results.xml");
    let run = skillgap(
        &[
            "batch",
            "tests/fixtures/batch/mixed",
            "--format",
            "junit",
            "--min-score",
            "70",
            "--color",
            "always",
            "--output",
            path.to_str().expect("UTF-8 path"),
        ],
        None,
    );
    assert_eq!(run.status.code(), Some(2), "broken.json is in the folder");
    assert!(run.stdout.is_empty());
    let written = std::fs::read_to_string(&path).expect("written");
    assert!(!written.contains('\u{1b}'));
    assert!(written.starts_with("<?xml") && written.ends_with("</testsuites>\n"));
    let entries: Vec<_> = std::fs::read_dir(dir.path()).expect("readable").collect();
    assert_eq!(entries.len(), 1, "no temporary file left behind");

    // The table format with --color always still writes no colour into a file.
    let table = dir.path().join("table.txt");
    let run = skillgap(
        &[
            "batch",
            "tests/fixtures/batch/good",
            "--min-score",
            "50",
            "--color",
            "always",
            "-o",
            table.to_str().expect("UTF-8 path"),
        ],
        None,
    );
    assert_eq!(run.status.code(), Some(1));
    assert!(!std::fs::read_to_string(&table)
        .expect("written")
        .contains('\u{1b}'));
}

#[test]
fn every_report_format_of_assess() {
    for (format, starts) in [
        ("table", "Sam Okafor"),
        ("json", "{"),
        ("markdown", "# Skill-gap report: Sam Okafor"),
        ("html", "<!DOCTYPE html>"),
    ] {
        let run = skillgap(
            &[
                "assess",
                "tests/fixtures/batch/good/more/sam.json",
                "--format",
                format,
            ],
            None,
        );
        assert_eq!(run.status.code(), Some(0), "{format}");
        assert!(text(&run.stdout).starts_with(starts), "{format}");
    }
    let markdown = skillgap(
        &[
            "batch",
            "tests/fixtures/batch/good",
            "--format",
            "markdown",
            "-q",
        ],
        None,
    );
    let markdown = text(&markdown.stdout);
    assert!(markdown.starts_with("# Skill-gap batch report"));
    assert!(markdown.contains("| 2 | Priya Raman |"));
    assert!(markdown.contains("**Summary:** 2 assessed, 0 failed."));
}

#[test]
fn diff_of_saved_reports_equals_diff_of_inputs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let before = "tests/fixtures/batch/good/more/sam.json";
    let after = "tests/fixtures/batch/good/priya.json";
    let saved_before = dir.path().join("before.json");
    let saved_after = dir.path().join("after.json");
    for (input, saved) in [(before, &saved_before), (after, &saved_after)] {
        let run = skillgap(
            &[
                "assess",
                input,
                "--format",
                "json",
                "-o",
                saved.to_str().expect("UTF-8 path"),
            ],
            None,
        );
        assert_eq!(run.status.code(), Some(0));
    }
    let from_inputs = skillgap(&["diff", before, after, "--format", "json"], None);
    let from_reports = skillgap(
        &[
            "diff",
            saved_before.to_str().expect("UTF-8"),
            saved_after.to_str().expect("UTF-8"),
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(from_inputs.status.code(), Some(0));
    let a: serde_json::Value = serde_json::from_slice(&from_inputs.stdout).expect("JSON");
    let b: serde_json::Value = serde_json::from_slice(&from_reports.stdout).expect("JSON");
    assert_eq!(a["roles"], b["roles"]);
    assert_eq!(a["skills_gained"], b["skills_gained"]);
    let llm = a["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .find(|r| r["id"] == "llm-engineer")
        .expect("llm-engineer");
    assert!(llm["change"].as_f64().expect("a number") > 50.0);
    assert!(llm["gaps_closed"]
        .as_array()
        .expect("list")
        .iter()
        .any(|g| g["skill"] == "rag"));

    let markdown = skillgap(&["diff", before, after, "--format", "markdown"], None);
    // Two different people's files: the heading names both.
    let heading = text(&markdown.stdout);
    assert!(heading.starts_with("# Progress: Sam"), "{heading}");
    assert!(heading.contains(" → Priya Raman: "), "{heading}");
    // A saved report from a newer schema is refused with a clear message.
    std::fs::write(
        dir.path().join("future.json"),
        r#"{"schema_version": 9, "subject": {}}"#,
    )
    .expect("write");
    let future = skillgap(
        &[
            "diff",
            dir.path().join("future.json").to_str().expect("UTF-8"),
            after,
        ],
        None,
    );
    assert_eq!(future.status.code(), Some(2));
    assert!(text(&future.stderr).contains("saved skillgap report"));
}

/// The scale-out recipe of the README: split a JSON Lines input into chunks, run each chunk through
/// its own `skillgap batch -` process (as GNU parallel --pipe, Spark RDD.pipe or Hadoop Streaming
/// would, on other hosts), concatenate the outputs in chunk order, and get exactly what one run over
/// the whole input gives.
#[test]
fn chunked_runs_merge_into_the_whole() {
    let input = jsonl_people(120);
    let lines: Vec<&str> = input.lines().collect();
    for format in ["jsonl", "csv"] {
        let whole = skillgap(
            &["batch", "-", "--format", format, "-q"],
            Some(input.as_bytes()),
        );
        assert_eq!(whole.status.code(), Some(0));
        let mut merged = Vec::new();
        for (i, chunk) in lines.chunks(37).enumerate() {
            let mut chunk_input = chunk.join("\n");
            chunk_input.push('\n');
            let part = skillgap(
                &["batch", "-", "--format", format, "-q", "--jobs", "2"],
                Some(chunk_input.as_bytes()),
            );
            assert_eq!(part.status.code(), Some(0));
            let mut out = part.stdout;
            if format == "csv" && i > 0 {
                // Every process writes the header; a merge keeps the first.
                let header_end = out.iter().position(|&b| b == b'\n').expect("a header") + 1;
                out.drain(..header_end);
            }
            merged.extend_from_slice(&out);
        }
        if format == "csv" {
            // The index column counts within each process; compare everything else.
            let strip_index = |bytes: &[u8]| -> Vec<String> {
                text(bytes)
                    .lines()
                    .map(|l| l.split_once(',').map_or(l, |(_, rest)| rest).to_string())
                    .collect()
            };
            assert_eq!(strip_index(&merged), strip_index(&whole.stdout));
        } else {
            assert_eq!(text(&merged), text(&whole.stdout));
        }
    }
}

/// Issue 13's reproduction: a FIFO in a batch folder hung the run forever (no writer ever comes).
/// It is passed over and named; the regular file beside it is assessed.
#[cfg(unix)]
#[test]
fn a_fifo_in_a_folder_is_named_and_skipped_not_waited_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy("examples/jordan.json", dir.path().join("a.json")).expect("copy");
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("b.json"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let folder = dir.path().to_str().expect("UTF-8");
    let run = skillgap(&["batch", folder, "--format", "csv"], None);
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    let stderr = text(&run.stderr);
    assert!(
        stderr.contains("b.json: not a regular file"),
        "the FIFO is named: {stderr}"
    );
    assert!(
        stderr.contains("1 assessed, 0 failed, 1 skipped"),
        "{stderr}"
    );
    assert_eq!(
        text(&run.stdout).lines().count(),
        2,
        "header and Jordan's row"
    );
}

/// Issue 13: a line of JSON Lines that is not JSON was assessed as an empty text résumé with
/// status ok. It is a failure at its line, and the lines around it are assessed.
#[test]
fn a_non_json_line_in_json_lines_is_a_failure_at_its_line() {
    let stdin = "{\"name\":\"A\",\"skills\":[\"PyTorch\"]}\nPyTorch, CUDA and a lot of hope\n{\"name\":\"B\",\"skills\":[\"CUDA\"]}\n";
    let run = skillgap(&["batch", "-", "--format", "csv"], Some(stdin.as_bytes()));
    assert_eq!(run.status.code(), Some(2), "{run:?}");
    let stderr = text(&run.stderr);
    assert!(
        stderr.contains("error: -:2: not a JSON record"),
        "the line is named: {stderr}"
    );
    assert!(stderr.contains("2 assessed, 1 failed"), "{stderr}");
}

/// Issue 13: `--jobs 65535` started 65535 threads; it is capped at a few per core, with a warning.
#[test]
fn jobs_beyond_the_machine_are_capped_with_a_warning() {
    let run = skillgap(
        &[
            "batch",
            "tests/fixtures/batch/good",
            "--jobs",
            "65535",
            "--format",
            "csv",
        ],
        None,
    );
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    let stderr = text(&run.stderr);
    assert!(
        stderr.contains("warning: --jobs 65535 is more than this machine can use; running"),
        "{stderr}"
    );
}
