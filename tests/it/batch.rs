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

/// The JUnit schema Jenkins uses (see the comment at its top for where it comes from).
const JENKINS_XSD: &str = "tests/fixtures/junit/jenkins-junit.xsd";

/// `xmllint --schema JENKINS_XSD file`: Some(true) when the file validates, None (after a printed
/// note) when xmllint is not installed. Where it must be (`SKILLGAP_REQUIRE_XMLLINT=1`, which
/// `.ci/run` sets once it has installed it), its absence fails the test instead.
#[allow(clippy::print_stdout)] // the note is the point: the test says what it did not check
fn validates_against_jenkins_schema(file: &std::path::Path) -> Option<(bool, String)> {
    let run = std::process::Command::new("xmllint")
        .args(["--noout", "--schema", JENKINS_XSD])
        .arg(file)
        .output();
    match run {
        Ok(run) => Some((run.status.success(), text(&run.stderr))),
        Err(error) if std::env::var_os("SKILLGAP_REQUIRE_XMLLINT").is_some_and(|v| v == "1") => {
            panic!("xmllint is required here (SKILLGAP_REQUIRE_XMLLINT=1): {error}")
        }
        Err(_) => {
            println!(
                "skipping the XSD check: xmllint not found (Debian: apt-get install libxml2-utils)"
            );
            None
        }
    }
}

/// The value of attribute `name` in the start tag `tag` (`<testsuite name="…" tests="1">`).
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// One `<testsuite>` of skillgap's JUnit output, read by the few rules the schema and the CI
/// readers rely on.
#[derive(Debug)]
struct Suite {
    name: String,
    tests: usize,
    failures: usize,
    errors: usize,
    /// (classname, name, "failure" | "error" | "pass") per test case.
    cases: Vec<(String, String, &'static str)>,
}

/// The suites of a JUnit document, each checked for what the schema does not: its counts add up.
fn suites(xml: &str) -> Vec<Suite> {
    let mut suites = Vec::new();
    for chunk in xml.split("<testsuite ").skip(1) {
        let body = &chunk[..chunk.find("</testsuite>").expect("every suite is closed")];
        // A space first, as before every attribute, for `attribute`.
        let tag = &format!(" {}", &body[..body.find('>').expect("a start tag")]);
        let count = |name: &str| -> usize {
            attribute(tag, name)
                .unwrap_or_else(|| panic!("{name} on {tag}"))
                .parse()
                .expect("a count")
        };
        let cases: Vec<(String, String, &'static str)> = body
            .split("<testcase ")
            .skip(1)
            .map(|case| {
                let case_tag = &format!(" {}", &case[..case.find('>').expect("a start tag")]);
                let end = case.find("</testcase>").expect("every case is closed");
                let outcome = if case[..end].contains("<failure ") {
                    "failure"
                } else if case[..end].contains("<error ") {
                    "error"
                } else {
                    "pass"
                };
                (
                    attribute(case_tag, "classname")
                        .expect("classname")
                        .to_string(),
                    attribute(case_tag, "name").expect("name").to_string(),
                    outcome,
                )
            })
            .collect();
        let suite = Suite {
            name: attribute(tag, "name").expect("a suite name").to_string(),
            tests: count("tests"),
            failures: count("failures"),
            errors: count("errors"),
            cases,
        };
        assert_eq!(suite.tests, suite.cases.len(), "{suite:?}");
        let outcomes = |o: &str| suite.cases.iter().filter(|c| c.2 == o).count();
        assert_eq!(suite.failures, outcomes("failure"), "{suite:?}");
        assert_eq!(suite.errors, outcomes("error"), "{suite:?}");
        assert_eq!(count("skipped"), 0);
        suites.push(suite);
    }
    suites
}

/// "batch: 4 assessed, 3 below 70, 2 failed, …" → (assessed, below, failed).
fn summary_counts(stderr: &str) -> (usize, usize, usize) {
    let line = stderr
        .lines()
        .find_map(|l| l.strip_prefix("batch: "))
        .expect("a summary line");
    let number = |word: &str| -> usize {
        line.split(", ")
            .find(|part| part.contains(word))
            .and_then(|part| part.split(' ').next())
            .map_or(0, |n| n.parse().expect("a count"))
    };
    (number("assessed"), number("below"), number("failed"))
}

/// Issue 15 item 4: JUnit's output is valid against the schema Jenkins uses, for the GitLab
/// fixture pair's golden and for runs over every kind of input (people, a broken file, a JSON
/// Schema, JSON Lines, hostile names), and the schema rejects what it should.
#[test]
fn junit_validates_against_the_jenkins_schema() {
    let dir = tempfile::tempdir().expect("temp dir");
    let hostile = dir.path().join("hostile.json");
    std::fs::write(
        &hostile,
        "{\"name\": \"Ada <b>\\\"&\\\"</b> ]]> \\u0007\", \"skills\": [\"PyTorch\", \"CUDA\"]}",
    )
    .expect("write");
    let mut files = vec![std::path::PathBuf::from(
        "tests/cmd/batch-junit-gitlab.stdout",
    )];
    for (i, args) in [
        vec!["tests/fixtures/junit/batch", "--min-score", "70"],
        vec!["tests/fixtures/batch/mixed", "--role", "llm-engineer"],
        vec![
            "tests/fixtures/batch/good",
            "tests/fixtures/batch/people.jsonl",
            "--role",
            "llm-engineer",
            "--role",
            "cuda-engineer",
            "--min-score",
            "50",
        ],
        vec![hostile.to_str().expect("UTF-8"), "--min-score", "99"],
    ]
    .into_iter()
    .enumerate()
    {
        let out = dir.path().join(format!("run-{i}.xml"));
        let mut all = vec!["batch", "--format", "junit", "-q", "-o"];
        all.push(out.to_str().expect("UTF-8"));
        all.extend(args);
        let run = skillgap(&all, None);
        assert!(run.status.code().is_some_and(|c| c <= 2), "{run:?}");
        suites(&std::fs::read_to_string(&out).expect("written"));
        files.push(out);
    }
    for file in &files {
        match validates_against_jenkins_schema(file) {
            Some((valid, message)) => assert!(valid, "{}: {message}", file.display()),
            None => return,
        }
    }
    // The check can fail: a suite without its `tests` count, a failure after the output.
    for bad in [
        "<testsuites><testsuite name=\"a\"><testcase name=\"b\"/></testsuite></testsuites>",
        "<testsuites><testsuite name=\"a\" tests=\"1\"><testcase name=\"b\"><system-out/><failure/></testcase></testsuite></testsuites>",
    ] {
        let file = dir.path().join("bad.xml");
        std::fs::write(&file, bad).expect("write");
        let (valid, _) = validates_against_jenkins_schema(&file).expect("xmllint ran above");
        assert!(!valid, "the schema rejects {bad}");
    }
}

/// Issue 15 item 4: a person who passes the gate shows no failure however low their other roles
/// score (one test case per person, not per role), and the failing test cases are exactly the
/// people the summary and the exit code count below, for every threshold and role selection.
#[test]
fn junit_fails_exactly_the_people_the_exit_code_counts_below() {
    let inputs = [
        "tests/fixtures/batch/good",
        "tests/fixtures/junit/batch/people.jsonl",
    ];
    let role_choices: [&[&str]; 3] = [&[], &["llm-engineer"], &["llm-engineer", "cuda-engineer"]];
    let mut checked_a_pass_with_low_roles = false;
    for roles in role_choices {
        for min in ["0", "40", "70", "95.1", "96"] {
            let mut args = vec!["batch", "--format", "junit", "--min-score", min];
            args.extend(inputs);
            for role in roles {
                args.extend(["--role", role]);
            }
            let run = skillgap(&args, None);
            let stderr = text(&run.stderr);
            let (assessed, below, failed) = summary_counts(&stderr);
            assert_eq!(failed, 0, "{stderr}");
            let suites = suites(&text(&run.stdout));
            assert_eq!(suites.len(), assessed, "one suite per person");
            assert!(
                suites.iter().all(|s| s.tests == 1),
                "one test case per person"
            );
            let failing = suites.iter().filter(|s| s.failures == 1).count();
            assert_eq!(
                failing, below,
                "--role {roles:?} --min-score {min}: {stderr}"
            );
            let expected_code = if below > 0 { 1 } else { 0 };
            assert_eq!(run.status.code(), Some(expected_code), "{stderr}");
            // The CSV's status column reads the same verdict.
            let mut csv_args = args.clone();
            csv_args[2] = "csv";
            let csv = skillgap(&csv_args, None);
            let csv_below = text(&csv.stdout)
                .lines()
                .filter(|l| l.contains(",below,"))
                .count();
            assert_eq!(csv_below, below, "{}", text(&csv.stdout));
            // The test case names the gated roles.
            let expected_name = match roles {
                [] => "best of 8 roles".to_string(),
                [one] => (*one).to_string(),
                // In profile order (the built-ins sort by id), whatever the order of --role.
                many => {
                    let mut ids = many.to_vec();
                    ids.sort_unstable();
                    format!("best of {}", ids.join(", "))
                }
            };
            assert!(
                suites.iter().all(|s| s.cases[0].1 == expected_name),
                "{suites:?}"
            );
            // Priya (LLM Engineer 95.1, every other role under 70) passes at 70: no failure.
            if roles.is_empty() && min == "70" {
                let priya = suites
                    .iter()
                    .find(|s| s.name.starts_with("Priya Raman"))
                    .expect("Priya");
                assert_eq!(priya.failures, 0, "{priya:?}");
                checked_a_pass_with_low_roles = true;
            }
        }
    }
    assert!(checked_a_pass_with_low_roles);
    // Every person of a JSON Lines stream has a test case of their own in CI's eyes (GitLab
    // keeps one per suite name, class name and name).
    let run = skillgap(
        &[
            "batch",
            "tests/fixtures/batch/people.jsonl",
            "--format",
            "junit",
            "-q",
        ],
        None,
    );
    let suites = suites(&text(&run.stdout));
    let keys: std::collections::BTreeSet<_> = suites
        .iter()
        .map(|s| (s.name.clone(), s.cases[0].0.clone(), s.cases[0].1.clone()))
        .collect();
    assert_eq!(keys.len(), suites.len(), "{suites:?}");
}

/// Issue 15 item 5: `batch DIR` read its own earlier reports as people (an HTML report scored 100,
/// it lists every missing skill). Every report skillgap writes carries the generator mark, and a
/// batch passes them over, names them and says so in the summary line.
#[test]
fn a_batch_passes_over_the_reports_skillgap_wrote() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("people");
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::copy("examples/jordan.json", folder.join("jordan.json")).expect("copy");
    let in_folder = |name: &str| folder.join(name).to_str().expect("UTF-8").to_string();
    let elsewhere = |name: &str| dir.path().join(name).to_str().expect("UTF-8").to_string();
    for (format, name) in [
        ("markdown", "jordan-report.md"),
        ("json", "jordan-report.json"),
        ("html", "jordan-report.txt"),
    ] {
        let out = in_folder(name);
        let run = skillgap(
            &[
                "assess",
                "examples/jordan.json",
                "--format",
                format,
                "-o",
                &out,
            ],
            None,
        );
        assert_eq!(run.status.code(), Some(0));
    }
    let diff_out = in_folder("progress.md");
    let run = skillgap(
        &[
            "diff",
            "examples/new-grad.json",
            "examples/jordan.json",
            "--format",
            "markdown",
            "-o",
            &diff_out,
        ],
        None,
    );
    assert_eq!(run.status.code(), Some(0));
    // Batch outputs, written outside the folder first (a batch refuses to overwrite its input).
    for (format, name) in [
        ("markdown", "batch.md"),
        ("jsonl", "batch.jsonl"),
        ("json", "batch-array.json"),
        ("junit", "batch.xml"),
        ("csv", "batch.csv"),
    ] {
        let out = elsewhere(name);
        let run = skillgap(
            &[
                "batch",
                "examples/jordan.json",
                "--format",
                format,
                "-q",
                "-o",
                &out,
            ],
            None,
        );
        assert_eq!(run.status.code(), Some(0));
    }
    for name in ["batch.md", "batch.jsonl", "batch-array.json"] {
        std::fs::copy(elsewhere(name), in_folder(name)).expect("copy");
    }
    // The XML and CSV are not résumé extensions: they are read only when named.
    let run = skillgap(
        &[
            "batch",
            folder.to_str().expect("UTF-8"),
            &elsewhere("batch.xml"),
            &elsewhere("batch.csv"),
            "--format",
            "csv",
        ],
        None,
    );
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("batch: 1 assessed, 0 failed, 9 skipped (skillgap reports)"),
        "{stderr}"
    );
    for (name, kind) in [
        ("jordan-report.md", "a Markdown report"),
        ("jordan-report.json", "a JSON report"),
        ("jordan-report.txt", "an HTML report"),
        ("progress.md", "a Markdown report"),
        ("batch.md", "a Markdown report"),
        ("batch-array.json", "a JSON report"),
        ("batch.xml", "a JUnit XML report"),
        ("batch.csv", "a CSV report"),
    ] {
        assert!(
            stderr.contains(&format!("{name}: {kind} written by skillgap, not a résumé")),
            "{name}: {stderr}"
        );
    }
    assert!(
        stderr.contains("batch.jsonl: JSON Lines of reports written by skillgap"),
        "{stderr}"
    );
    assert_eq!(
        text(&run.stdout).lines().count(),
        2,
        "the header and Jordan's row"
    );
    // assess refuses a report, naming it.
    let run = skillgap(&["assess", &in_folder("jordan-report.txt")], None);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        text(&run.stderr).contains(
            "jordan-report.txt: this is an HTML report written by skillgap, not a résumé"
        ),
        "{}",
        text(&run.stderr)
    );
}

/// Issue 15 item 5: JSON that is neither a skills file nor a JSON Resume (a JSON Schema was
/// assessed as an empty person) is a failure with its reason; the files around it are assessed.
#[test]
fn json_that_is_no_person_is_a_failure_with_a_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy("examples/jordan.json", dir.path().join("jordan.json")).expect("copy");
    std::fs::copy(
        "schema/skills.schema.json",
        dir.path().join("skills.schema.json"),
    )
    .expect("copy");
    std::fs::write(
        dir.path().join("package.json"),
        r#"{"name": "web", "version": "1.0.0", "dependencies": {"react": "^18"}}"#,
    )
    .expect("write");
    std::fs::write(dir.path().join("numbers.json"), "[1, 2, 3]").expect("write");
    let run = skillgap(
        &[
            "batch",
            dir.path().to_str().expect("UTF-8"),
            "--format",
            "csv",
        ],
        None,
    );
    let stderr = text(&run.stderr);
    assert_eq!(
        run.status.code(),
        Some(2),
        "bad files exit 2 (SPEC §8): {stderr}"
    );
    assert!(stderr.contains("batch: 1 assessed, 3 failed"), "{stderr}");
    for (file, reason) in [
        ("skills.schema.json", "this is a JSON Schema"),
        (
            "package.json",
            "neither a skills file nor a JSON Resume (it has \"dependencies\", \"version\"",
        ),
        ("numbers.json", "expected a skills object"),
    ] {
        assert!(
            stderr
                .lines()
                .any(|l| l.starts_with("error: ") && l.contains(file) && l.contains(reason)),
            "{file}: {stderr}"
        );
    }
    let rows = text(&run.stdout);
    assert!(
        rows.lines()
            .any(|l| l.contains("Jordan Alvarez") && l.contains(",ok,")),
        "{rows}"
    );
}
