//! The questionnaire in a real pseudo-terminal: the built binary driven key by key with expectrl,
//! waiting for each prompt's text (never sleeping). One whole session ticks 14 skills (13 in five
//! lists, one found by search), raises two levels, and counts every key sent: it ends with the
//! printed report and the saved file, both holding exactly those skills at those levels, and the
//! saved file assesses to the same report. Another session is cut with Ctrl-C (exit 130, saved
//! file whole) and resumed with `--from`, ending with the same answers.
//!
//! The plan below ticks skills by id; where they are in each list comes from the library's own
//! listing ([`questionnaire::category_items`]), so the test follows the data rather than copying it.

#![cfg(unix)]

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use expectrl::{Eof, Regex, Session, WaitStatus};
use skillgap::catalog::{Catalog, SkillIdx};
use skillgap::input::questionnaire::{self, Answers};
use skillgap::profile::builtin_profiles;

const ROLE: &str = "cuda-engineer";
const YEARS: &str = "4";
const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";
const CTRL_C: &str = "\x03";
/// Ticks (or unticks) every item of a list.
const ALL: &str = "a";

/// What the person ticks in a list.
enum Ticks {
    /// Every item, with `a`: whole short lists a CUDA engineer has used all of.
    All,
    /// These skills, each reached with ↓ and ticked with Space.
    Some(&'static [&'static str]),
}

/// The lists ticked, by category id; the other lists are passed with Enter.
const PLAN: &[(&str, Ticks)] = &[
    ("frameworks", Ticks::All),
    ("distributed-training", Ticks::All),
    ("inference", Ticks::All),
    ("programming", Ticks::All),
    ("hardware", Ticks::Some(&["gpu-architecture"])),
];

/// The level screen where two levels are raised, and which of its skills (by their place on the
/// screen, catalog order) go up one level, working → proficient.
const RAISED_IN: &str = "programming";
const RAISED: &[usize] = &[0, 1];

/// Found with the search after the last list: what is typed, and the skill it adds.
const SEARCH: &str = "jax";
const SEARCHED: &str = "jax";

const KEY_BUDGET: usize = 35;

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

/// A session in a pseudo-terminal that counts the keys it sends and the prompts it answers.
struct Driver {
    session: Session,
    keys: usize,
    prompts: usize,
}

impl Driver {
    fn new(session: Session) -> Driver {
        Driver {
            session,
            keys: 0,
            prompts: 0,
        }
    }

    /// Sends one key press (an arrow's escape sequence is one key).
    fn press(&mut self, key: &str) {
        self.keys += 1;
        self.session.send(key).expect("keys reach the terminal");
    }

    fn press_n(&mut self, key: &str, times: usize) {
        for _ in 0..times {
            self.press(key);
        }
    }

    /// Types text, one key per character.
    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.press(&c.to_string());
        }
    }

    fn expect(&mut self, pattern: &str) -> Vec<String> {
        let found = self
            .session
            .expect(Regex(pattern))
            .unwrap_or_else(|e| panic!("waiting for /{pattern}/: {e}"));
        found
            .matches()
            .map(|m| String::from_utf8_lossy(m).into_owned())
            .collect()
    }

    /// Waits for a prompt (and counts it).
    fn prompt(&mut self, pattern: &str) -> Vec<String> {
        self.prompts += 1;
        self.expect(pattern)
    }
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

fn catalog() -> &'static Catalog {
    Catalog::builtin().expect("catalog")
}

/// The role's lists (category id, skills), as the questionnaire shows them before any answer.
fn sections() -> Vec<(String, Vec<SkillIdx>)> {
    let profiles = builtin_profiles(catalog()).expect("profiles");
    let role = profiles.get(ROLE).expect("role");
    questionnaire::category_items(catalog(), &[role], &Answers::default(), false)
}

fn skill(id: &str) -> SkillIdx {
    catalog().index_of(id).expect("catalog id")
}

fn category_index(id: &str) -> usize {
    catalog()
        .categories()
        .iter()
        .position(|c| c.id == id)
        .expect("category")
}

fn category_position(skill: SkillIdx) -> usize {
    category_index(&catalog().skill(skill).category)
}

fn ticks_for(category: &str) -> Option<&'static Ticks> {
    PLAN.iter().find(|(id, _)| *id == category).map(|(_, t)| t)
}

/// The skills the plan ticks in one list, in the order the level screen shows them (catalog
/// order).
fn ticked_in(category: &str, listed: &[SkillIdx]) -> Vec<SkillIdx> {
    let mut ticked: Vec<SkillIdx> = match ticks_for(category) {
        None => Vec::new(),
        Some(Ticks::All) => listed.to_vec(),
        Some(Ticks::Some(ids)) => ids.iter().map(|id| skill(id)).collect(),
    };
    ticked.sort_unstable();
    ticked
}

/// What the plan ends with: (skill, level) in the order the saved file holds them (catalog
/// category order, then catalog order).
fn planned() -> Vec<(SkillIdx, u8)> {
    let mut planned: Vec<(SkillIdx, u8)> = Vec::new();
    for (category, listed) in sections() {
        for (place, skill) in ticked_in(&category, &listed).into_iter().enumerate() {
            let raised = category == RAISED_IN && RAISED.contains(&place);
            planned.push((skill, if raised { 3 } else { 2 }));
        }
    }
    planned.push((skill(SEARCHED), 2));
    planned.sort_by_key(|&(skill, _)| (category_position(skill), skill));
    planned
}

fn planned_skills() -> Vec<(String, u8)> {
    planned()
        .into_iter()
        .map(|(skill, level)| (catalog().skill(skill).name.clone(), level))
        .collect()
}

fn category_of(prompt_name: &str) -> String {
    catalog()
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
    /// Fresh, Ctrl-C at the level screen where levels are raised.
    Interrupt,
    /// From the file saved by the interrupted session: Enter keeps what was answered.
    Resume,
}

/// Answers every prompt per the plan. Returns after the last level screen is answered, or after
/// Ctrl-C is sent.
fn answer(driver: &mut Driver, run: Run) {
    let resumed = run == Run::Resume;
    driver.prompt(r"Which roles are you aiming for\?");
    if resumed {
        driver.press(ENTER); // the saved focus is ticked already
    } else {
        let profiles = builtin_profiles(catalog()).expect("profiles");
        let position = profiles
            .roles()
            .iter()
            .position(|r| r.id() == ROLE)
            .expect("role listed");
        driver.press_n(DOWN, position);
        driver.press(" ");
        driver.press(ENTER);
    }
    if resumed {
        driver.prompt(&format!(
            r"Years of professional experience \(< goes back\) \[{YEARS}\]"
        ));
        driver.press(ENTER);
    } else {
        driver.prompt(r"Years of professional experience \(< goes back\)");
        driver.type_text(YEARS);
        driver.press(ENTER);
    }

    let lists = sections();
    for (number, (category, listed)) in lists.iter().enumerate() {
        let found = driver.prompt(&format!(
            r"\[{}/{}\] ([^:\r\n\x1b]+): which have you used\?",
            number + 1,
            lists.len()
        ));
        assert_eq!(&category_of(&found[1]), category, "lists in catalog order");
        // Resumed: the lists up to the interrupted level screen were answered and saved.
        let answered = resumed && category_index(category) <= category_index(RAISED_IN);
        if !answered {
            match ticks_for(category) {
                None => {}
                Some(Ticks::All) => driver.press(ALL),
                Some(Ticks::Some(ids)) => {
                    let mut at = 0;
                    for id in *ids {
                        let position = listed
                            .iter()
                            .position(|&s| s == skill(id))
                            .unwrap_or_else(|| panic!("{id} is not listed"));
                        driver.press_n(DOWN, position - at);
                        driver.press(" ");
                        at = position;
                    }
                }
            }
        }
        driver.press(ENTER);
        if ticks_for(category).is_none() {
            continue;
        }
        let name = &found[1];
        driver.prompt(&format!(r"{name}: your levels\?"));
        let raise_here = category == RAISED_IN;
        match run {
            Run::Interrupt if raise_here => {
                driver.press(CTRL_C);
                return;
            }
            Run::Whole | Run::Resume if raise_here => {
                // Enter on a skill raises it a level; the cursor goes back to "keep".
                for &place in RAISED {
                    driver.press_n(DOWN, place + 1);
                    driver.press(ENTER);
                    driver.prompt(&format!(r"{name}: your levels\?"));
                }
            }
            _ => {}
        }
        driver.press(ENTER);
    }

    driver.prompt(r"Another skill not listed\?");
    driver.type_text(SEARCH);
    driver.press(ENTER);
    driver.expect(&format!(
        r"Added {}\.",
        catalog().skill(skill(SEARCHED)).name
    ));
    driver.prompt(r"Another skill not listed\?");
    driver.press(ENTER); // nothing typed: finish
    driver.prompt(r"Skills found by search: your levels\?");
    driver.press(ENTER);
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

/// The skills a JSON report lists as the person's own (name, level), in its order.
fn reported_skills(report: &str) -> Vec<(String, u8)> {
    let value: serde_json::Value =
        serde_json::from_str(report).unwrap_or_else(|e| panic!("a JSON report ({e}): {report}"));
    let mut skills: Vec<(String, u8)> = value["skills"]
        .as_array()
        .expect("a skills list")
        .iter()
        .map(|s| {
            (
                s["name"].as_str().expect("name").to_string(),
                u8::try_from(s["level"].as_u64().expect("level")).expect("small"),
            )
        })
        .collect();
    skills.sort();
    skills
}

#[test]
#[allow(clippy::print_stdout)] // the key and prompt counts are the figures the README quotes
fn a_whole_session_of_14_skills_takes_at_most_35_keys_and_saves_exactly_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut driver = Driver::new(spawn(
        dir.path(),
        &["assess", "--save", "me.json", "--format", "json"],
    ));
    answer(&mut driver, Run::Whole);
    driver.expect(
        r"Saved your answers to me\.json; `skillgap assess me\.json` gives this report again\.\r?\n",
    );
    let rest = driver.session.expect(Eof).expect("the program ends");
    let printed = without_carriage_returns(&String::from_utf8_lossy(rest.as_bytes()));
    assert_eq!(exit_code(&driver.session), 0);

    let planned = planned_skills();
    // What the lists ticked with `a` would cost ticked item by item (Space, then ↓ and Space).
    let one_by_one: usize = sections()
        .iter()
        .filter(|(category, _)| matches!(ticks_for(category), Some(Ticks::All)))
        .map(|(_, listed)| 2 * listed.len() - 2)
        .sum::<usize>()
        + driver.keys;
    println!(
        "questionnaire: {} skills in {} keys and {} prompts ({} lists); {one_by_one} keys \
         ticking every item one by one",
        planned.len(),
        driver.keys,
        driver.prompts,
        sections().len()
    );
    assert_eq!(planned.len(), 14);
    assert!(
        sections()
            .iter()
            .all(|(_, listed)| !listed.contains(&skill(SEARCHED))),
        "the searched skill is one no list shows"
    );
    assert!(
        driver.keys <= KEY_BUDGET,
        "{} keys for 14 skills; the budget is {KEY_BUDGET}",
        driver.keys
    );

    let (value, skills) = saved_skills(&dir.path().join("me.json"));
    assert_eq!(value["roles"], serde_json::json!([ROLE]));
    assert_eq!(value["years_experience"], serde_json::json!(4.0));
    let expected: Vec<(String, String)> = planned
        .iter()
        .map(|(name, level)| (name.clone(), level_word(*level)))
        .collect();
    assert_eq!(skills, expected);

    // The printed report holds exactly those skills at those levels…
    let mut expected_report = planned.clone();
    expected_report.sort();
    assert_eq!(reported_skills(&printed), expected_report);
    // …and is the one the saved file gives.
    let again = assert_cmd::Command::cargo_bin("skillgap")
        .expect("binary")
        .args(["assess", "me.json", "--format", "json"])
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
    let mut whole = Driver::new(spawn(dir.path(), &["assess", "--save", "whole.json"]));
    answer(&mut whole, Run::Whole);
    whole.session.expect(Eof).expect("the program ends");
    assert_eq!(exit_code(&whole.session), 0);

    // Ctrl-C at a level screen: exit 130, the cursor shown again, the file whole.
    let mut cut = Driver::new(spawn(dir.path(), &["assess", "--save", "part.json"]));
    answer(&mut cut, Run::Interrupt);
    let message = cut
        .session
        .expect(Regex(
            r"Interrupted\. Your answers so far are in part\.json",
        ))
        .expect("the interruption is reported");
    cut.session.expect(Eof).expect("the program ends");
    assert_eq!(exit_code(&cut.session), 130);
    let tail = String::from_utf8_lossy(message.as_bytes()).into_owned();
    let shown = tail.rfind("\x1b[?25h");
    let hidden = tail.rfind("\x1b[?25l");
    assert!(
        shown.is_some() && shown > hidden,
        "cursor shown again: {tail:?}"
    );
    // Saved: every list up to the interrupted level screen, whose skills are still at working;
    // the search is still to come.
    let (_, partial) = saved_skills(&dir.path().join("part.json"));
    let raised_in = category_index(RAISED_IN);
    let planned: Vec<(String, String)> = planned()
        .into_iter()
        .filter(|&(s, _)| s != skill(SEARCHED) && category_position(s) <= raised_in)
        .map(|(s, _)| (catalog().skill(s).name.clone(), "working".to_string()))
        .collect();
    assert_eq!(partial, planned);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("readable")
        .map(|e| e.expect("entry").file_name())
        .filter(|name| name.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");

    // Resumed from the saved file: Enter keeps what was answered; the rest as planned.
    let mut resumed = Driver::new(spawn(
        dir.path(),
        &["assess", "--from", "part.json", "--save", "part.json"],
    ));
    answer(&mut resumed, Run::Resume);
    resumed.session.expect(Eof).expect("the program ends");
    assert_eq!(exit_code(&resumed.session), 0);
    let whole = std::fs::read_to_string(dir.path().join("whole.json")).expect("saved");
    let resumed = std::fs::read_to_string(dir.path().join("part.json")).expect("saved");
    assert_eq!(resumed, whole);
}

/// SIGINT that does not come through a prompt (Ctrl-C between two prompts, or `kill -INT`) ends
/// the session the same way, through the signal handler: 130, cursor shown, answers kept.
#[test]
fn sigint_between_prompts_exits_130_with_the_answers_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut driver = Driver::new(spawn(
        dir.path(),
        &["assess", "--role", ROLE, "--save", "me.json"],
    ));
    driver.prompt("Years of professional experience");
    driver.type_text(YEARS);
    driver.press(ENTER);
    driver.prompt(r"\[1/\d+\] [^:\r\n\x1b]+: which have you used\?");
    let mut session = driver.session;
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

/// Esc on a list goes back one question in the real terminal, and the saved file follows the
/// answers as they now stand.
#[test]
fn esc_goes_back_one_question_and_the_saved_file_follows() {
    const ESC: &str = "\x1b";
    let dir = tempfile::tempdir().expect("temp dir");
    let mut driver = Driver::new(spawn(
        dir.path(),
        &["assess", "--role", ROLE, "--save", "me.json"],
    ));
    let first_list = r"\[1/\d+\] Deep learning frameworks: which have you used\?";
    driver.prompt("Years of professional experience");
    driver.type_text(YEARS);
    driver.press(ENTER);
    // Esc at the first list: back to the years, which show the answer given.
    driver.prompt(first_list);
    driver.press(ESC);
    driver.prompt(&format!(r"Years of professional experience \[{YEARS}\]"));
    driver.press(ENTER);
    // Tick the whole list, then Esc at its level screen: back to the list, still ticked.
    driver.prompt(first_list);
    driver.press(ALL);
    driver.press(ENTER);
    driver.prompt(r"Deep learning frameworks: your levels\?");
    driver.press(ESC);
    driver.prompt(first_list);
    let listed = &sections()[0].1;
    let (_, saved) = saved_skills(&dir.path().join("me.json"));
    assert_eq!(saved.len(), listed.len(), "the ticks were saved: {saved:?}");
    // Untick the first item: the level screen and the file then hold the rest only.
    driver.press(" ");
    driver.press(ENTER);
    driver.prompt(r"Deep learning frameworks: your levels\?");
    driver.press(ENTER);
    driver.prompt(r"\[2/\d+\] [^:\r\n\x1b]+: which have you used\?");
    let (_, saved) = saved_skills(&dir.path().join("me.json"));
    let expected: Vec<(String, String)> = ticked_in("frameworks", &listed[1..])
        .into_iter()
        .map(|s| (catalog().skill(s).name.clone(), "working".to_string()))
        .collect();
    assert_eq!(saved, expected);
    driver.press(CTRL_C);
    driver.session.expect(Eof).expect("the program ends");
    assert_eq!(exit_code(&driver.session), 130);
}
