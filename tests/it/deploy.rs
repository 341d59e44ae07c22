//! The container and CI samples say true things. The `Dockerfile` builds with the project's own
//! build command on its minimum Rust, from a context that holds what the build needs (with
//! `SKILLGAP_DOCKER_BUILD=1`, as `.ci/run` sets, that command really runs on a copy of the
//! context), ships the binary to a non-root user, and its default command parses with the real
//! command line and writes JUnit. The GitHub Actions and GitLab CI samples in `docs/ci/` parse as
//! YAML, publish the JUnit report even when the gate fails, and their `skillgap batch` line runs
//! through the real binary on a folder of résumés, writing the report they publish.
//!
//! Docker itself is not needed: the file is read, not built, unless a machine has a daemon to try
//! it by hand (`docker build -t skillgap .`).

use std::path::{Path, PathBuf};

use clap::Parser;
use skillgap::cli::{Cli, Command};
use skillgap::render::BatchFormat;
use yaml_rust2::{Yaml, YamlLoader};

// ---------------------------------------------------------------------------------------------
// The Dockerfile

/// One Dockerfile instruction: the keyword (upper case) and the rest of its line, continuations
/// joined.
#[derive(Debug)]
struct Instruction {
    keyword: String,
    arguments: String,
}

/// The Dockerfile's stages, each the instructions from one `FROM` to the next.
fn dockerfile_stages() -> Vec<Vec<Instruction>> {
    let text = std::fs::read_to_string("Dockerfile").expect("a Dockerfile at the project root");
    let mut logical = Vec::new();
    let mut pending = String::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if pending.is_empty() && (trimmed.is_empty() || trimmed.starts_with('#')) {
            continue;
        }
        match trimmed.strip_suffix('\\') {
            Some(head) => {
                pending.push_str(head);
                pending.push(' ');
            }
            None => {
                pending.push_str(trimmed);
                logical.push(std::mem::take(&mut pending));
            }
        }
    }
    assert!(
        pending.is_empty(),
        "the Dockerfile ends inside a continuation"
    );
    let mut stages: Vec<Vec<Instruction>> = Vec::new();
    for line in logical {
        let (keyword, arguments) = line.split_once(char::is_whitespace).unwrap_or((&line, ""));
        let instruction = Instruction {
            keyword: keyword.to_ascii_uppercase(),
            arguments: arguments.trim().to_string(),
        };
        if instruction.keyword == "FROM" {
            stages.push(Vec::new());
        }
        stages
            .last_mut()
            .expect("the first instruction is FROM")
            .push(instruction);
    }
    stages
}

fn arguments<'a>(stage: &'a [Instruction], keyword: &str) -> Vec<&'a str> {
    stage
        .iter()
        .filter(|i| i.keyword == keyword)
        .map(|i| i.arguments.as_str())
        .collect()
}

/// An exec-form (JSON array) ENTRYPOINT or CMD.
fn exec_form(stage: &[Instruction], keyword: &str) -> Vec<String> {
    let all = arguments(stage, keyword);
    let [only] = all.as_slice() else {
        panic!("the final stage has {} {keyword} instructions", all.len());
    };
    serde_json::from_str(only)
        .unwrap_or_else(|e| panic!("{keyword} {only} is not the exec (JSON array) form: {e}"))
}

/// `rust-version` from Cargo.toml, as (major, minor).
fn rust_version() -> (u32, u32) {
    let manifest = std::fs::read_to_string("Cargo.toml").expect("Cargo.toml");
    let line = manifest
        .lines()
        .find(|l| l.starts_with("rust-version"))
        .expect("Cargo.toml sets rust-version");
    let version = line.split('"').nth(1).expect("a quoted version");
    major_minor(version).expect("rust-version is MAJOR.MINOR")
}

fn major_minor(version: &str) -> Option<(u32, u32)> {
    let mut parts = version.split('.');
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

/// The command of the builder stage that builds skillgap, exactly as the project builds a release.
const BUILD_COMMAND: &str = "cargo build --release --locked";

#[test]
fn dockerfile_builds_the_release_on_the_projects_rust() {
    let stages = dockerfile_stages();
    assert_eq!(stages.len(), 2, "a builder stage and a runtime stage");
    let builder = &stages[0];
    let from = builder[0].arguments.as_str();
    let (image, alias) = from.split_once(" AS ").expect("the builder stage is named");
    assert_eq!(alias.trim(), "builder");
    let tag = image
        .strip_prefix("rust:")
        .unwrap_or_else(|| panic!("the builder is an official rust image, not {image}"));
    let pinned = major_minor(tag.split('-').next().expect("a version"))
        .unwrap_or_else(|| panic!("the rust image is pinned to a version: {tag}"));
    assert!(
        pinned >= rust_version(),
        "rust:{tag} is older than Cargo.toml's rust-version {:?}",
        rust_version()
    );
    assert!(
        arguments(builder, "RUN").contains(&BUILD_COMMAND),
        "the builder runs `{BUILD_COMMAND}`: {:?}",
        arguments(builder, "RUN")
    );
    let workdir = arguments(builder, "WORKDIR");
    let [workdir] = workdir.as_slice() else {
        panic!("the builder sets one WORKDIR: {workdir:?}")
    };
    let runtime = &stages[1];
    let copied =
        format!("--from=builder {workdir}/target/release/skillgap /usr/local/bin/skillgap");
    assert!(
        arguments(runtime, "COPY").contains(&copied.as_str()),
        "the runtime stage copies the built binary: {:?}",
        arguments(runtime, "COPY")
    );
    let base = runtime[0].arguments.as_str();
    assert!(
        base.starts_with("debian:") && base.ends_with("-slim")
            || base.starts_with("gcr.io/distroless/cc"),
        "a small runtime image: {base}"
    );
}

#[test]
fn dockerfile_runs_as_a_created_non_root_user() {
    let stages = dockerfile_stages();
    let runtime = stages.last().expect("stages");
    let users = arguments(runtime, "USER");
    let [user] = users.as_slice() else {
        panic!("the runtime stage sets one USER: {users:?}")
    };
    let name = user.split(':').next().expect("a user");
    assert!(
        !["root", "0", ""].contains(&name),
        "the image runs as {user}"
    );
    let position = |keyword: &str, needle: &str| {
        runtime
            .iter()
            .position(|i| i.keyword == keyword && i.arguments.contains(needle))
    };
    let created = position("RUN", "useradd").filter(|&at| {
        runtime[at]
            .arguments
            .split_whitespace()
            .any(|word| word == name)
    });
    let created = created.unwrap_or_else(|| panic!("no RUN useradd … {name} in the runtime stage"));
    assert!(
        created < position("USER", name).expect("USER"),
        "the user is created before USER"
    );
}

/// Copies of a few example résumés in a fresh folder.
fn resume_folder(root: &Path) -> PathBuf {
    let folder = root.join("resumes");
    std::fs::create_dir_all(&folder).expect("folder");
    for example in ["jordan.json", "cv.md", "priya.resume.json"] {
        std::fs::copy(Path::new("examples").join(example), folder.join(example)).expect("copy");
    }
    folder
}

#[test]
fn dockerfile_default_command_is_a_junit_batch_of_data() {
    let stages = dockerfile_stages();
    let runtime = stages.last().expect("stages");
    assert_eq!(exec_form(runtime, "ENTRYPOINT"), ["skillgap"]);
    let command = exec_form(runtime, "CMD");
    assert_eq!(command, ["batch", "/data", "--format", "junit"]);
    let cli = Cli::try_parse_from(std::iter::once("skillgap".to_string()).chain(command.clone()))
        .unwrap_or_else(|e| panic!("CMD {command:?} does not parse: {e}"));
    let Command::Batch(batch) = cli.command else {
        panic!("CMD is not a batch")
    };
    assert_eq!(batch.paths, [PathBuf::from("/data")]);
    assert_eq!(batch.format, BatchFormat::Junit);

    // What the container runs, with a mounted folder standing in for /data.
    let root = tempfile::tempdir().expect("temp folder");
    let data = resume_folder(root.path());
    let args: Vec<String> = command
        .iter()
        .map(|a| match a.as_str() {
            "/data" => data.display().to_string(),
            other => other.to_string(),
        })
        .collect();
    let output = assert_cmd::Command::cargo_bin("skillgap")
        .expect("binary")
        .args(&args)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "no --min-score, no gate");
    let xml = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(xml.starts_with("<?xml"), "{xml}");
    assert_eq!(xml.matches("<testsuite ").count(), 3, "{xml}");
}

/// The paths of the Docker build context: every file under the project root that `.dockerignore`
/// does not leave out. It holds plain paths (`target`, `fuzz/target`) and `**/*.ext` patterns only,
/// which this reads; anything else fails here rather than being misread.
fn docker_context() -> Vec<PathBuf> {
    let ignore = std::fs::read_to_string(".dockerignore").expect("a .dockerignore");
    let mut prefixes = Vec::new();
    let mut suffixes = Vec::new();
    for line in ignore.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(suffix) = line.strip_prefix("**/*") {
            suffixes.push(suffix.to_string());
        } else {
            assert!(
                !line.contains(['*', '?', '[', '!']),
                "tests/it/deploy.rs reads plain paths and **/*.ext only: {line}"
            );
            prefixes.push(PathBuf::from(line.trim_end_matches('/')));
        }
    }
    for needed in ["target", ".git"] {
        assert!(
            prefixes.contains(&PathBuf::from(needed)),
            ".dockerignore leaves out {needed}"
        );
    }
    let mut files = Vec::new();
    let mut folders = vec![PathBuf::new()];
    while let Some(folder) = folders.pop() {
        let listing = if folder.as_os_str().is_empty() {
            Path::new(".").to_path_buf()
        } else {
            folder.clone()
        };
        for entry in std::fs::read_dir(&listing).expect("readable") {
            let entry = entry.expect("entry");
            let path = folder.join(entry.file_name());
            let name = path.to_string_lossy().into_owned();
            if prefixes.iter().any(|p| path.starts_with(p))
                || suffixes.iter().any(|s| name.ends_with(s.as_str()))
            {
                continue;
            }
            let kind = entry.file_type().expect("file type");
            if kind.is_dir() {
                folders.push(path);
            } else if kind.is_file() {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn cargo() -> std::process::Command {
    std::process::Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

#[test]
fn the_docker_context_holds_what_the_build_needs() {
    let files = docker_context();
    for needed in [
        "Cargo.toml",
        "Cargo.lock",
        "build.rs",
        "src/main.rs",
        "data/catalog.json",
    ] {
        assert!(
            files.contains(&PathBuf::from(needed)),
            "the Docker context lacks {needed}"
        );
    }
    assert!(files.iter().any(|f| f.starts_with("profiles")));
    assert!(!files.iter().any(|f| f.starts_with("target")));

    // The context, copied: the manifest loads (every [[bench]] file is there) and Cargo.lock is
    // current, which is what `--locked` needs.
    let copy = tempfile::tempdir().expect("temp folder");
    for file in &files {
        let to = copy.path().join(file);
        std::fs::create_dir_all(to.parent().expect("a parent")).expect("folder");
        std::fs::copy(file, &to).expect("copy");
    }
    // For this machine's platform only: offline, the crates of other platforms (Windows console
    // support) need not be in the local registry.
    let rustc = std::process::Command::new("rustc")
        .arg("-vV")
        .output()
        .expect("rustc runs");
    let host = String::from_utf8_lossy(&rustc.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_string))
        .expect("rustc names its host");
    let metadata = cargo()
        .args(["metadata", "--locked", "--offline", "--format-version", "1"])
        .args(["--filter-platform", &host])
        .current_dir(copy.path())
        .output()
        .expect("cargo runs");
    assert!(
        metadata.status.success(),
        "cargo metadata --locked in the Docker context: {}",
        String::from_utf8_lossy(&metadata.stderr)
    );

    if std::env::var_os("SKILLGAP_DOCKER_BUILD").is_some_and(|v| v == "1") {
        // The builder stage's command itself, on the copy, in a target folder of its own. Minutes
        // on two cores: CI runs it (.ci/run), a developer's `cargo test` does not.
        let mut words = BUILD_COMMAND.split_whitespace();
        assert_eq!(words.next(), Some("cargo"));
        let build = cargo()
            .args(words)
            .current_dir(copy.path())
            .env("CARGO_TARGET_DIR", copy.path().join("target"))
            .env("CARGO_NET_OFFLINE", "true")
            .output()
            .expect("cargo runs");
        assert!(
            build.status.success(),
            "`{BUILD_COMMAND}` in the Docker context failed: {}",
            String::from_utf8_lossy(&build.stderr)
        );
        let binary = copy.path().join("target/release/skillgap");
        let version = std::process::Command::new(&binary)
            .arg("--version")
            .output()
            .expect("the built binary runs");
        assert!(String::from_utf8_lossy(&version.stdout).starts_with("skillgap "));
    } else {
        print_skip_note();
    }
}

#[allow(clippy::print_stdout)] // the note is the point: the test says what it did not run
fn print_skip_note() {
    println!("skipping the Docker build stage's cargo build (SKILLGAP_DOCKER_BUILD=1 runs it)");
}

// ---------------------------------------------------------------------------------------------
// The CI samples

fn load_yaml(path: &str) -> Yaml {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut documents =
        YamlLoader::load_from_str(&text).unwrap_or_else(|e| panic!("{path} is not YAML: {e}"));
    assert_eq!(documents.len(), 1, "{path}: one document");
    documents.remove(0)
}

fn text<'a>(node: &'a Yaml, what: &str) -> &'a str {
    node.as_str()
        .unwrap_or_else(|| panic!("{what} is not a string: {node:?}"))
}

/// The `skillgap batch` line of a script, as arguments. It must be plain words (no quotes, no
/// variables), so that splitting on spaces is what a shell does with it.
fn batch_arguments(line: &str) -> Vec<String> {
    assert!(
        !line.contains(['"', '\'', '$', '\\', '`', '|', ';', '&', '>', '<']),
        "keep the skillgap line plain words: {line}"
    );
    let words: Vec<String> = line.split_whitespace().map(String::from).collect();
    assert_eq!(words[..2], ["skillgap", "batch"], "{line}");
    words
}

/// What the CI samples promise of their `skillgap batch` line: it parses with the real command
/// line, gates with `--min-score`, and writes JUnit to a file, whose name it returns.
fn check_gate(words: &[String]) -> String {
    let cli = Cli::try_parse_from(words).unwrap_or_else(|e| panic!("{words:?}: {e}"));
    let Command::Batch(batch) = cli.command else {
        panic!("not a batch: {words:?}")
    };
    assert!(batch.min_score.is_some(), "the job gates: {words:?}");
    assert_eq!(batch.format, BatchFormat::Junit, "{words:?}");
    let output = batch.output.expect("the job writes the report to a file");
    let name = output.to_str().expect("UTF-8").to_string();
    assert!(
        output.is_relative() && name != "-",
        "the report lands in the job's folder: {name}"
    );
    name
}

/// Runs the sample's line in a folder that holds `resumes/` (as the job's checkout would), with a
/// résumé that cannot be read among them: the job fails, and the report it publishes is still
/// written, the bad résumé an error in it.
fn run_gate(words: &[String], report: &str) {
    let root = tempfile::tempdir().expect("temp folder");
    let folder = resume_folder(root.path());
    let run = || {
        assert_cmd::Command::cargo_bin("skillgap")
            .expect("binary")
            .args(&words[1..])
            .current_dir(root.path())
            .output()
            .expect("runs")
    };
    let output = run();
    assert_eq!(
        output.status.code(),
        Some(1),
        "the examples are below the sample's gate: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let xml = std::fs::read_to_string(root.path().join(report)).expect("the report is written");
    assert_eq!(xml.matches("<testsuite ").count(), 3, "{xml}");
    assert!(xml.contains("<failure "), "{xml}");

    std::fs::write(folder.join("broken.json"), "{\"skills\": [").expect("write");
    std::fs::remove_file(root.path().join(report)).expect("remove");
    let output = run();
    assert_eq!(output.status.code(), Some(2));
    let xml = std::fs::read_to_string(root.path().join(report)).expect("the report is written");
    assert!(xml.contains("<error "), "{xml}");
}

#[test]
fn github_actions_sample_gates_and_publishes_the_report_always() {
    let path = "docs/ci/github-actions.yml";
    let workflow = load_yaml(path);
    assert!(
        !workflow["on"].is_badvalue(),
        "{path}: a workflow has triggers"
    );
    let jobs = workflow["jobs"].as_hash().expect("jobs");
    assert_eq!(jobs.len(), 1, "{path}: one job");
    let (_, job) = jobs.iter().next().expect("a job");
    assert!(job["runs-on"].as_str().is_some(), "{path}: runs-on");
    let steps = job["steps"].as_vec().expect("steps");
    for step in steps {
        assert!(
            step["uses"].as_str().is_some() != step["run"].as_str().is_some(),
            "{path}: a step either uses an action or runs a command: {step:?}"
        );
        if let Some(action) = step["uses"].as_str() {
            assert!(
                action.contains('@'),
                "{path}: {action} is pinned to a version"
            );
        }
    }
    let gates: Vec<usize> = (0..steps.len())
        .filter(|&i| {
            steps[i]["run"]
                .as_str()
                .is_some_and(|r| r.contains("skillgap batch"))
        })
        .collect();
    let [gate] = gates.as_slice() else {
        panic!("{path}: one step runs skillgap batch")
    };
    let run = text(&steps[*gate]["run"], "run");
    assert_eq!(run.lines().count(), 1, "{path}: the gate step is one line");
    let words = batch_arguments(run);
    let report = check_gate(&words);

    let after = &steps[gate + 1..];
    let uses = |action: &str| {
        after
            .iter()
            .find(|s| s["uses"].as_str().is_some_and(|u| u.starts_with(action)))
            .unwrap_or_else(|| panic!("{path}: a {action} step after the gate"))
    };
    let upload = uses("actions/upload-artifact@");
    assert_eq!(text(&upload["with"]["path"], "upload path"), report);
    let publish = uses("mikepenz/action-junit-report@");
    assert_eq!(
        text(&publish["with"]["report_paths"], "report_paths"),
        report
    );
    for step in [upload, publish] {
        assert_eq!(
            step["if"].as_str(),
            Some("always()"),
            "{path}: the report publishes when the gate fails: {step:?}"
        );
    }
    assert_eq!(
        workflow["permissions"]["checks"].as_str(),
        Some("write"),
        "{path}: the test report action needs checks: write"
    );
    run_gate(&words, &report);
}

#[test]
fn gitlab_sample_gates_and_publishes_the_report_always() {
    let path = "docs/ci/gitlab-ci.yml";
    let pipeline = load_yaml(path);
    let top = pipeline.as_hash().expect("a mapping");
    let jobs: Vec<&Yaml> = top
        .iter()
        .filter(|(_, value)| !value["script"].is_badvalue())
        .map(|(_, value)| value)
        .collect();
    let [job] = jobs.as_slice() else {
        panic!("{path}: one job with a script")
    };
    let stages = pipeline["stages"].as_vec().expect("stages");
    assert!(
        stages.contains(&job["stage"]),
        "{path}: the job's stage is declared"
    );
    assert_eq!(
        job["image"]["entrypoint"],
        Yaml::Array(vec![Yaml::String(String::new())]),
        "{path}: the image's skillgap entrypoint is cleared so GitLab can run its shell"
    );
    let script = job["script"].as_vec().expect("script is a list");
    let lines: Vec<&str> = script
        .iter()
        .map(|l| text(l, "script line"))
        .filter(|l| l.contains("skillgap batch"))
        .collect();
    let [line] = lines.as_slice() else {
        panic!("{path}: one skillgap batch line")
    };
    let words = batch_arguments(line);
    let report = check_gate(&words);
    let artifacts = &job["artifacts"];
    assert_eq!(
        artifacts["when"].as_str(),
        Some("always"),
        "{path}: the report publishes when the gate fails"
    );
    assert_eq!(
        text(&artifacts["reports"]["junit"], "reports: junit"),
        report
    );
    run_gate(&words, &report);
}
