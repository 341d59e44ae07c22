//! The questionnaire in a real pseudo-terminal: the built binary driven key by key with expectrl,
//! waiting for each prompt's text (never sleeping). One whole session ends with the printed report
//! and the saved file, and the saved file assesses to the same report; another is cut with Ctrl-C
//! (exit 130, saved file whole) and resumed with `--from`, ending with the same answers.
//!
//! The plan below ticks items by position; which skills those are comes from the library's own
//! listing ([`questionnaire::category_items`]), so the test follows the data rather than copying it.

#![cfg(unix)]

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use expectrl::{Eof, Regex, Session, WaitStatus};
use skillgap::catalog::Catalog;
use skillgap::input::questionnaire::{self, Answers};
use skillgap::profile::builtin_profiles;

const ROLE: &str = "cuda-engineer";
const YEARS: &str = "4";
const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";
const ENTER: &str = "\r";
const CTRL_C: &str = "\x03";

/// Positions ticked in each category (by category id); other categories get none.
const TICKS: &[(&str, &[usize])] = &[
    ("frameworks", &[0]),
    ("programming", &[0, 1]),
    ("hardware", &[0, 2]),
];

/// The level chosen at the n-th level question (1-based); the rest keep `working`.
const LEVELS: &[(usize, u8)] = &[(1, 4), (2, 1), (4, 3)];

fn level_for(number: usize) -> u8 {
    LEVELS
        .iter()
        .find(|(n, _)| *n == number)
        .map_or(2, |(_, level)| *level)
}

fn spawn(dir: &Path, args: &[&str]) -> Session {
    let mut command = Command::new(env!("CARGO_BIN_EXE_skillgap"));
    command
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env_remove("COLUMNS");
    let mut session = Session::spawn(command).expect("the binary starts in a pseudo-terminal");
    session.set_expect_timeout(Some(Duration::from_secs(60)));
    session
}

fn send(session: &mut Session, keys: &str) {
    session.send(keys).expect("keys reach the terminal");
}

fn expect(session: &mut Session, pattern: &str) -> Vec<String> {
    let found = session
        .expect(Regex(pattern))
        .unwrap_or_else(|e| panic!("waiting for /{pattern}/: {e}"));
    found
        .matches()
        .map(|m| String::from_utf8_lossy(m).into_owned())
        .collect()
}

fn exit_code(session: &Session) -> i32 {
    match session
        .get_process()
        .wait()
        .expect("the process is waited for")
    {
        WaitStatus::Exited(_, code) => code,
        other => panic!("the process did not exit normally: {other:?}"),
    }
}

/// What the plan ticks, by name, in the order the questionnaire saves them (and asks their
/// levels): catalog category order, then catalog order.
fn planned_skills() -> Vec<String> {
    let catalog = Catalog::builtin().expect("catalog");
    let profiles = builtin_profiles(catalog).expect("profiles");
    let role = profiles.get(ROLE).expect("role");
    let sections = questionnaire::category_items(catalog, &[role], &Answers::default(), false);
    let mut ticked = Vec::new();
    for (position, (category, skills)) in sections.iter().enumerate() {
        if let Some((_, positions)) = TICKS.iter().find(|(id, _)| id == category) {
            ticked.extend(positions.iter().map(|&p| (position, skills[p])));
        }
    }
    ticked.sort_unstable();
    ticked
        .into_iter()
        .map(|(_, skill)| catalog.skill(skill).name.clone())
        .collect()
}

fn category_of(prompt_name: &str) -> String {
    let catalog = Catalog::builtin().expect("catalog");
    catalog
        .categories()
        .iter()
        .find(|c| c.name == prompt_name)
        .unwrap_or_else(|| panic!("`{prompt_name}` is no category name"))
        .id
        .clone()
}

/// Where a session starts and stops.
#[derive(Clone, Copy, PartialEq)]
enum Run {
    /// Fresh, to the end.
    Whole,
    /// Fresh, Ctrl-C at the given level question.
    InterruptAtLevel(usize),
    /// From a file saved by a session interrupted at the given level question.
    ResumeFromLevel(usize),
}

/// Answers every prompt per the plan. Returns after the last level question is answered, or after
/// Ctrl-C is sent.
fn answer(session: &mut Session, run: Run) {
    let resumed = matches!(run, Run::ResumeFromLevel(_));
    expect(session, r"Which roles are you aiming for\?");
    if resumed {
        send(session, ENTER); // the saved focus is ticked already
    } else {
        let catalog = Catalog::builtin().expect("catalog");
        let profiles = builtin_profiles(catalog).expect("profiles");
        let position = profiles
            .roles()
            .iter()
            .position(|r| r.id() == ROLE)
            .expect("role listed");
        send(session, &DOWN.repeat(position));
        send(session, " ");
        send(session, ENTER);
    }
    if resumed {
        expect(
            session,
            &format!(r"Years of professional experience \[{YEARS}\]"),
        );
        send(session, ENTER);
    } else {
        expect(session, "Years of professional experience");
        send(session, &format!("{YEARS}{ENTER}"));
    }

    let first = expect(
        session,
        r"\[1/(\d+)\] ([^:\r\n\x1b]+): which have you used\?",
    );
    let categories: usize = first[1].parse().expect("a count");
    let mut name = first[2].clone();
    for number in 1..=categories {
        if number > 1 {
            name = expect(
                session,
                &format!(r"\[{number}/{categories}\] ([^:\r\n\x1b]+): which have you used\?"),
            )[1]
            .clone();
        }
        let category = category_of(&name);
        if !resumed {
            let positions = TICKS
                .iter()
                .find(|(id, _)| *id == category)
                .map_or(&[][..], |(_, p)| *p);
            let mut at = 0;
            for &position in positions {
                send(session, &DOWN.repeat(position - at));
                send(session, " ");
                at = position;
            }
        }
        send(session, ENTER);
    }

    let first = expect(session, r"\[1/(\d+)\] ([^:\r\n\x1b]+): your level\?");
    let levels: usize = first[1].parse().expect("a count");
    assert_eq!(
        levels,
        planned_skills().len(),
        "one level question per ticked skill"
    );
    for number in 1..=levels {
        if number > 1 {
            expect(
                session,
                &format!(r"\[{number}/{levels}\] [^:\r\n\x1b]+: your level\?"),
            );
        }
        match run {
            Run::InterruptAtLevel(at) if at == number => {
                send(session, CTRL_C);
                return;
            }
            // Answered before the interruption: the saved level is the default.
            Run::ResumeFromLevel(at) if number < at => {
                send(session, ENTER);
                continue;
            }
            _ => {}
        }
        let target = level_for(number);
        // The default is `working` (2).
        let keys = match target {
            1 => UP.to_string(),
            level => DOWN.repeat(usize::from(level - 2)),
        };
        send(session, &keys);
        send(session, ENTER);
    }
}

/// The saved file's skills as (name, level word).
fn saved_skills(path: &Path) -> (serde_json::Value, Vec<(String, String)>) {
    let text = std::fs::read_to_string(path).expect("the answers were saved");
    let value: serde_json::Value = serde_json::from_str(&text).expect("a whole JSON document");
    let skills = value["skills"]
        .as_array()
        .expect("a skills list")
        .iter()
        .map(|s| {
            (
                s["name"].as_str().expect("name").to_string(),
                s["level"].as_str().expect("level word").to_string(),
            )
        })
        .collect();
    (value, skills)
}

fn level_word(level: u8) -> String {
    ["none", "aware", "working", "proficient", "expert"][usize::from(level)].to_string()
}

fn without_carriage_returns(text: &str) -> String {
    text.replace('\r', "")
}

#[test]
fn a_whole_session_prints_the_report_and_saves_a_file_that_assesses_the_same() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = spawn(dir.path(), &["assess", "--save", "me.json"]);
    answer(&mut session, Run::Whole);
    expect(
        &mut session,
        r"Saved your answers to me\.json; `skillgap assess me\.json` gives this report again\.\r?\n",
    );
    let rest = session.expect(Eof).expect("the program ends");
    let printed = without_carriage_returns(&String::from_utf8_lossy(rest.as_bytes()));
    assert_eq!(exit_code(&session), 0);

    let (value, skills) = saved_skills(&dir.path().join("me.json"));
    assert_eq!(value["roles"], serde_json::json!([ROLE]));
    assert_eq!(value["years_experience"], serde_json::json!(4.0));
    let expected: Vec<(String, String)> = planned_skills()
        .into_iter()
        .enumerate()
        .map(|(i, name)| (name, level_word(level_for(i + 1))))
        .collect();
    assert_eq!(skills, expected);

    // The report printed at the end is the one the saved file gives (terminal width 80, no colour).
    let again = assert_cmd::Command::cargo_bin("skillgap")
        .expect("binary")
        .args(["assess", "me.json"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert!(again.status.success());
    let again = String::from_utf8(again.stdout).expect("UTF-8");
    assert!(again.contains("CUDA Engineer"), "{again}");
    assert_eq!(printed, again);
}

#[test]
fn ctrl_c_exits_130_keeps_the_saved_file_and_from_resumes_to_the_same_answers() {
    let dir = tempfile::tempdir().expect("temp dir");

    // The answers of an uninterrupted session, for comparison.
    let mut whole = spawn(dir.path(), &["assess", "--save", "whole.json"]);
    answer(&mut whole, Run::Whole);
    whole.expect(Eof).expect("the program ends");
    assert_eq!(exit_code(&whole), 0);

    // Ctrl-C at the third level question: exit 130, the cursor shown again, the file whole.
    let mut cut = spawn(dir.path(), &["assess", "--save", "part.json"]);
    answer(&mut cut, Run::InterruptAtLevel(3));
    let message = cut
        .expect(Regex(
            r"Interrupted\. Your answers so far are in part\.json",
        ))
        .expect("the interruption is reported");
    cut.expect(Eof).expect("the program ends");
    assert_eq!(exit_code(&cut), 130);
    let tail = String::from_utf8_lossy(message.as_bytes()).into_owned();
    let shown = tail.rfind("\x1b[?25h");
    let hidden = tail.rfind("\x1b[?25l");
    assert!(
        shown.is_some() && shown > hidden,
        "cursor shown again: {tail:?}"
    );
    let (_, partial) = saved_skills(&dir.path().join("part.json"));
    let planned = planned_skills();
    assert_eq!(partial.len(), planned.len(), "every ticked skill was saved");
    assert_eq!(partial[0].1, level_word(level_for(1)));
    assert_eq!(partial[1].1, level_word(level_for(2)));
    assert_eq!(partial[2].1, "working", "not yet answered: the default");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("readable")
        .map(|e| e.expect("entry").file_name())
        .filter(|name| name.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");

    // Resumed from the saved file: Enter keeps what was answered; the rest as planned.
    let mut resumed = spawn(
        dir.path(),
        &["assess", "--from", "part.json", "--save", "part.json"],
    );
    answer(&mut resumed, Run::ResumeFromLevel(3));
    resumed.expect(Eof).expect("the program ends");
    assert_eq!(exit_code(&resumed), 0);
    let whole = std::fs::read_to_string(dir.path().join("whole.json")).expect("saved");
    let resumed = std::fs::read_to_string(dir.path().join("part.json")).expect("saved");
    assert_eq!(resumed, whole);
}

/// SIGINT that does not come through a prompt (Ctrl-C between two prompts, or `kill -INT`) ends
/// the session the same way, through the signal handler: 130, cursor shown, answers kept.
#[test]
fn sigint_between_prompts_exits_130_with_the_answers_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = spawn(dir.path(), &["assess", "--role", ROLE, "--save", "me.json"]);
    expect(&mut session, "Years of professional experience");
    send(&mut session, &format!("{YEARS}{ENTER}"));
    expect(
        &mut session,
        r"\[1/\d+\] [^:\r\n\x1b]+: which have you used\?",
    );
    session
        .get_process_mut()
        .signal(expectrl::Signal::SIGINT)
        .expect("signal sent");
    let message = session
        .expect(Regex(r"Interrupted\. Your answers so far are in me\.json"))
        .expect("the interruption is reported");
    session.expect(Eof).expect("the program ends");
    assert_eq!(exit_code(&session), 130);
    let text = String::from_utf8_lossy(message.as_bytes()).into_owned();
    assert!(text.contains("\x1b[?25h"), "cursor shown again: {text:?}");
    let (value, skills) = saved_skills(&dir.path().join("me.json"));
    assert_eq!(value["years_experience"], serde_json::json!(4.0));
    assert_eq!(value["roles"], serde_json::json!([ROLE]));
    assert!(skills.is_empty());
}
