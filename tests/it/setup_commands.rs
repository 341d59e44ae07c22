//! `skillgap init`, `completions` and `man` as a new user meets them: the example file is written
//! once and never over a file by accident; the completion scripts are valid for their shells; the
//! man page renders.

use std::io::Write as _;
use std::process::{Command, Stdio};

use clap::CommandFactory as _;

fn skillgap(args: &[&str]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("skillgap")
        .expect("binary")
        .args(args)
        .output()
        .expect("runs")
}

fn subcommand_names() -> Vec<String> {
    skillgap::cli::Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect()
}

fn tool_exists(name: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn man_page_is_roff_with_every_command() {
    let output = skillgap(&["man"]);
    assert!(output.status.success());
    let roff = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(roff.contains(".TH skillgap 1"), "a section-1 title line");
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH DESCRIPTION",
        ".SH OPTIONS",
        ".SH SUBCOMMANDS",
    ] {
        assert!(roff.contains(section), "missing {section}");
    }
    for name in subcommand_names() {
        assert!(
            roff.contains(&format!("skillgap\\-{}", name.replace('-', "\\-"))),
            "{name}"
        );
    }
}

/// Renders through `man -l -` where man is installed (it is on the CI image); the rendered page
/// has the headings and the subcommands.
#[test]
fn man_page_renders_with_man() {
    if !tool_exists("man") {
        // Without man, man_page_is_roff_with_every_command still checks the roff structure.
        return;
    }
    let roff = skillgap(&["man"]).stdout;
    let mut man = Command::new("man")
        .args(["-l", "-"])
        .env("MANWIDTH", "80")
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("man runs");
    man.stdin
        .take()
        .expect("stdin")
        .write_all(&roff)
        .expect("roff written");
    let rendered = man.wait_with_output().expect("man ends");
    let stderr = String::from_utf8_lossy(&rendered.stderr);
    assert!(rendered.status.success(), "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    let text = String::from_utf8_lossy(&rendered.stdout);
    for heading in ["NAME", "SYNOPSIS", "OPTIONS", "SUBCOMMANDS"] {
        assert!(text.contains(heading), "{heading} in {text}");
    }
    assert!(text.contains("deep-learning role") || text.contains("deep‐learning role"));
    for name in subcommand_names() {
        assert!(
            text.contains(&format!("skillgap-{name}"))
                || text.contains(&format!("skillgap‐{name}")),
            "{name}"
        );
    }
}

#[test]
fn completions_for_every_shell_name_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = skillgap(&["completions", shell]);
        assert!(output.status.success(), "{shell}");
        let script = String::from_utf8(output.stdout).expect("UTF-8");
        for name in subcommand_names() {
            assert!(script.contains(&name), "{shell} completion lacks {name}");
        }
        assert!(script.contains("--profiles"), "{shell}");
    }
}

/// The bash (and, where installed, zsh and fish) scripts parse in their own shell.
#[test]
fn completion_scripts_parse_in_their_shells() {
    for (shell, check) in [
        ("bash", &["-n"][..]),
        ("zsh", &["-n"]),
        ("fish", &["--no-execute"]),
    ] {
        if !tool_exists(shell) {
            assert_ne!(shell, "bash", "bash is always there");
            continue;
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("skillgap-completion");
        std::fs::write(&path, skillgap(&["completions", shell]).stdout).expect("write");
        let status = Command::new(shell)
            .args(check)
            .arg(&path)
            .status()
            .expect("shell runs");
        assert!(status.success(), "{shell} rejects its completion script");
    }
}

#[test]
fn init_writes_once_and_overwrites_only_with_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = |args: &[&str]| {
        assert_cmd::Command::cargo_bin("skillgap")
            .expect("binary")
            .current_dir(dir.path())
            .args(args)
            .output()
            .expect("runs")
    };
    let first = run(&["init"]);
    assert!(first.status.success());
    let path = dir.path().join("skills.json");
    let example = std::fs::read_to_string(&path).expect("skills.json written");

    // The example assesses cleanly: no warnings, no unrecognized names.
    let assessed = run(&["assess", "skills.json", "--format", "json"]);
    assert!(assessed.status.success());
    assert!(
        assessed.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&assessed.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&assessed.stdout).expect("report");
    assert_eq!(report["unrecognized"].as_array().map(Vec::len), Some(0));
    assert_eq!(report["skills"].as_array().map(Vec::len), Some(5));

    std::fs::write(&path, "{\"skills\": [\"mine\"]}").expect("edit");
    let again = run(&["init"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists; use --force"));
    assert_eq!(
        std::fs::read_to_string(&path).expect("kept"),
        "{\"skills\": [\"mine\"]}"
    );

    let forced = run(&["init", "--force"]);
    assert!(forced.status.success());
    assert_eq!(std::fs::read_to_string(&path).expect("rewritten"), example);

    let printed = run(&["init", "-"]);
    assert_eq!(String::from_utf8(printed.stdout).expect("UTF-8"), example);
    assert!(!dir.path().join("-").exists());

    std::fs::create_dir(dir.path().join("folder")).expect("mkdir");
    let into_dir = run(&["init", "folder"]);
    assert_eq!(into_dir.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&into_dir.stderr).contains("is a directory"));
}

/// Issue 13: a 600 MB file in a profiles folder took 1.2 GB of memory. A profile file over the cap
/// is a problem with its size, read no further, and the other files are still checked.
#[test]
fn a_huge_profile_file_is_refused_by_size() {
    let dir = tempfile::tempdir().expect("temp dir");
    let huge = std::fs::File::create(dir.path().join("huge.json")).expect("create");
    huge.set_len(600 * 1024 * 1024).expect("sparse file");
    std::fs::write(dir.path().join("small.json"), "{\"id\": ").expect("write");
    let run = skillgap(&["profiles", "validate", dir.path().to_str().expect("UTF-8")]);
    assert_eq!(run.status.code(), Some(2), "{run:?}");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("huge.json: is too large (600.0 MiB); a profile is at most 1.0 MiB"),
        "{stderr}"
    );
    assert!(
        stderr.contains("small.json"),
        "the other file is checked: {stderr}"
    );
}

/// Issue 15: the main page points to skillgap-assess(1) and the rest; each exists, as
/// `skillgap man COMMAND` and as a file of `skillgap man --dir`.
#[test]
fn every_command_has_its_own_man_page() {
    let main = String::from_utf8(skillgap(&["man"]).stdout).expect("UTF-8");
    let dir = tempfile::tempdir().expect("temp dir");
    let output = skillgap(&["man", "--dir", &dir.path().display().to_string()]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut written: Vec<String> = std::fs::read_dir(dir.path())
        .expect("pages")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert!(written.contains(&"skillgap.1".to_string()));
    for name in subcommand_names() {
        assert!(
            main.contains(&format!("skillgap\\-{}(1)", name.replace('-', "\\-"))),
            "the main page names skillgap-{name}(1)"
        );
        let file = format!("skillgap-{name}.1");
        assert!(written.contains(&file), "{file} in {written:?}");
        let page = String::from_utf8(skillgap(&["man", &name]).stdout).expect("UTF-8");
        assert!(
            page.starts_with(".ie") && page.contains(&format!(".TH skillgap-{name} 1")),
            "{name}: {}",
            page.lines().take(3).collect::<Vec<_>>().join(" | ")
        );
        assert!(
            page.contains(env!("CARGO_PKG_VERSION")),
            "{name}: the version"
        );
        let on_disk = std::fs::read_to_string(dir.path().join(&file)).expect("page");
        assert_eq!(on_disk, page, "{file}");
    }
    let output = skillgap(&["man", "nope"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no man page for `nope`; the commands are assess"),
        "{stderr}"
    );
}

/// Issue 15: help text names no document a user does not have ("SPEC §6").
#[test]
fn help_cites_no_internal_documents() {
    let mut commands: Vec<Vec<String>> = vec![Vec::new()];
    commands.extend(subcommand_names().into_iter().map(|name| vec![name]));
    commands.push(vec!["profiles".into(), "validate".into()]);
    for mut command in commands {
        command.push("--help".into());
        let args: Vec<&str> = command.iter().map(String::as_str).collect();
        let output = skillgap(&args);
        let help = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success() && help.contains("Usage:"),
            "{args:?}"
        );
        assert!(
            !help.contains("SPEC") && !help.contains('§'),
            "{args:?}: {help}"
        );
    }
}
