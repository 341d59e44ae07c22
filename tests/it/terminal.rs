//! Terminal etiquette: colour only on a terminal and never with NO_COLOR (an explicit `--color
//! always` still wins, as no-color.org asks of command-line flags); reports on stdout, errors and
//! notes on stderr; no escape codes in any file written with `--output`. The terminal cases run the
//! binary in a real pseudo-terminal.

use std::process::Command;
use std::time::Duration;

use clap::ValueEnum as _;
use skillgap::render::ReportFormat;

const ESC: char = '\u{1b}';

fn command(args: &[&str]) -> Command {
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("skillgap"));
    command
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env("SKILLGAP_TODAY", "2026-01-15");
    command
}

/// Everything the command writes to a pseudo-terminal (stdout and stderr both land there).
fn on_terminal(mut command: Command) -> String {
    command.env("TERM", "xterm-256color");
    let mut session = expectrl::Session::spawn(command).expect("a pseudo-terminal");
    session.set_expect_timeout(Some(Duration::from_secs(60)));
    // Expecting EOF reads everything; the text is in the match.
    let captured = session.expect(expectrl::Eof).expect("the command ends");
    let mut screen = String::from_utf8_lossy(captured.before()).into_owned();
    for part in captured.matches() {
        screen.push_str(&String::from_utf8_lossy(part));
    }
    screen
}

fn piped(mut command: Command) -> std::process::Output {
    command.output().expect("runs")
}

#[test]
fn colour_on_a_terminal_by_default() {
    let screen = on_terminal(command(&["assess", "examples/jordan.json", "--top", "2"]));
    assert!(screen.contains("Jordan Alvarez"), "{screen}");
    assert!(screen.contains(ESC), "a terminal gets colour");
}

#[test]
fn no_colour_on_a_terminal_with_no_color() {
    let mut cmd = command(&["assess", "examples/jordan.json", "--top", "2"]);
    cmd.env("NO_COLOR", "1");
    let screen = on_terminal(cmd);
    assert!(screen.contains("Jordan Alvarez"), "{screen}");
    assert!(
        !screen.contains(ESC),
        "NO_COLOR turns colour off: {screen:?}"
    );
}

#[test]
fn an_empty_no_color_does_not_count() {
    // no-color.org: only a NO_COLOR that is present and not empty disables colour.
    let mut cmd = command(&["roles"]);
    cmd.env("NO_COLOR", "");
    assert!(on_terminal(cmd).contains(ESC));
}

#[test]
fn color_never_on_a_terminal() {
    let screen = on_terminal(command(&["roles", "--color", "never"]));
    assert!(screen.contains("deep-learning-engineer"), "{screen}");
    assert!(!screen.contains(ESC));
}

#[test]
fn usage_errors_on_a_terminal_respect_no_color() {
    let mut cmd = command(&["assess", "examples/jordan.json", "--format", "nope"]);
    cmd.env("NO_COLOR", "1");
    let screen = on_terminal(cmd);
    assert!(screen.contains("invalid value 'nope'"), "{screen}");
    assert!(!screen.contains(ESC), "{screen:?}");
}

#[test]
fn no_colour_when_piped_for_every_command() {
    for args in [
        &["assess", "examples/jordan.json"][..],
        &["roles"],
        &["role", "llm-engineer"],
        &["skills", "torch"],
        &["profiles", "validate", "examples/profiles"],
    ] {
        let output = piped(command(args));
        assert!(output.status.success(), "{args:?}");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(!stdout.is_empty(), "{args:?}");
        assert!(!stdout.contains(ESC), "{args:?} coloured a pipe");
    }
}

#[test]
fn color_always_overrides_no_color() {
    let mut cmd = command(&["roles", "--color", "always"]);
    cmd.env("NO_COLOR", "1");
    let output = piped(cmd);
    assert!(String::from_utf8_lossy(&output.stdout).contains(ESC));
}

#[test]
fn reports_on_stdout_errors_on_stderr() {
    let good = piped(command(&[
        "assess",
        "examples/new-grad.json",
        "--format",
        "json",
    ]));
    assert!(good.status.success());
    assert!(
        good.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&good.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&good.stdout).expect("a JSON report");
    assert_eq!(report["schema_version"], 1);

    for args in [
        &["assess", "tests/cmd/bad-level.json"][..],
        &["assess", "no-such-file.json"],
        &["assess", "examples/jordan.json", "--role", "astronaut"],
        &["assess", "examples/jordan.json", "--format", "nope"],
        &["profiles", "validate", "tests/fixtures/bad-profiles"],
        &["init", "examples/jordan.json"],
        &["completions", "tcsh"],
        &["role", "nobody"],
    ] {
        let output = piped(command(args));
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?} wrote to stdout");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("error"), "{args:?}: {stderr}");
        assert!(!stderr.contains(ESC), "{args:?}: coloured stderr on a pipe");
    }

    // Warnings go to stderr and leave the report on stdout intact.
    let warned = piped(command(&[
        "assess",
        "tests/cmd/unknown-field.json",
        "--format",
        "json",
    ]));
    assert!(warned.status.success());
    assert!(String::from_utf8_lossy(&warned.stderr).contains("warning:"));
    serde_json::from_slice::<serde_json::Value>(&warned.stdout).expect("the report is whole");
}

#[test]
fn files_written_with_output_never_hold_escape_codes() {
    let dir = tempfile::tempdir().expect("temp dir");
    for format in ReportFormat::value_variants() {
        let name = format
            .to_possible_value()
            .expect("a named format")
            .get_name()
            .to_string();
        let path = dir.path().join(format!("report.{name}"));
        let path_text = path.to_str().expect("UTF-8 path");
        // On a terminal and with colour forced: the file still gets none.
        let screen = on_terminal(command(&[
            "assess",
            "examples/jordan.json",
            "--format",
            &name,
            "--color",
            "always",
            "--output",
            path_text,
        ]));
        let written = std::fs::read_to_string(&path).expect("the report was written");
        assert!(written.contains("Jordan"), "{name}");
        assert!(!written.contains(ESC), "{name}: escape codes in the file");
        assert!(
            !screen.contains("Jordan Alvarez ·"),
            "{name}: the report went to the terminal too"
        );
    }
}

#[test]
fn init_to_a_file_notes_on_stderr_only() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut cmd = command(&["init"]);
    cmd.current_dir(dir.path());
    let output = piped(cmd);
    assert!(output.status.success());
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8_lossy(&output.stderr).contains("wrote skills.json"));
    assert!(dir.path().join("skills.json").is_file());
}

/// Names, sources and evidence come from untrusted résumés: escape sequences and bidirectional
/// overrides in them must not reach the terminal through the table report.
#[test]
fn hostile_text_in_the_input_reaches_the_table_defused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hostile.json");
    std::fs::write(
        &path,
        serde_json::json!({
            "name": "Mallory\u{1b}[2J\u{1b}[31m \u{202E}rekcah",
            "skills": [{"name": "PyTorch", "level": 3}, "Totally\u{1b}]0;pwned\u{7}Unknown"]
        })
        .to_string(),
    )
    .expect("write input");
    let path = path.to_str().expect("utf-8 path");
    let output = piped(command(&["assess", path, "--explain", "--color", "never"]));
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).expect("utf-8");
    assert!(stdout.contains("Mallory"), "{stdout}");
    assert!(!stdout.contains(ESC), "{stdout:?}");
    assert!(!stdout.contains('\u{7}'), "{stdout:?}");
    assert!(!stdout.contains('\u{202E}'), "{stdout:?}");
}
