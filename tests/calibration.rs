//! Calibration of the levels read from résumés against what careful recruiters labelled
//! (`tests/fixtures/labelled/`: 40 résumés written for the project, and labels for real files of
//! `../shared/corpus`, read from there when it is present). Labels were written before the tool
//! was run on them and are never edited to match its output.
//!
//! `cargo test --test calibration -- --nocapture` prints, and holds at their floors:
//! - per-skill level over the labelled levels (a labelled skill the tool did not find counts as
//!   level 0; a skill's level is what scoring credits: its own, or what a found tool implies);
//! - months, within max(20 % of the label, 3 months);
//! - keyword-stuffed résumés: no skill above level 2, every stuffed skill claimed;
//! - extraction precision and recall over the labelled skills.
//!
//! The floors are what the reader reaches today (they only ever rise); the targets are
//! printed beside them and are not met yet.

#![allow(clippy::print_stdout)] // printing the figures is the point

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use skillgap::catalog::Catalog;
use skillgap::input::{self, InputFormat};
use skillgap::skills::Skills;

const LABELLED: &str = "tests/fixtures/labelled";
const CORPUS: &str = "../shared/corpus";
/// "Today" for every labelled résumé: the labels count "present" as December 2026.
const TODAY: &str = "2026-12-01";

/// Floors held by the test (what the reader reaches now), and the targets.
const FLOOR_EXACT: f64 = 0.60;
const FLOOR_WITHIN_ONE: f64 = 0.87;
const FLOOR_MONTHS: f64 = 0.65;
const FLOOR_PRECISION: f64 = 0.90;
const FLOOR_RECALL: f64 = 0.88;
/// Keyword-stuffed skills read above level 2 or as evidenced: the target is none.
const FLOOR_STUFFED_PROBLEMS: usize = 9;
const TARGET_EXACT: f64 = 0.70;
const TARGET_WITHIN_ONE: f64 = 0.95;
const TARGET_MONTHS: f64 = 0.90;
const TARGET_PRECISION: f64 = 0.95;
const TARGET_RECALL: f64 = 0.90;

#[derive(Debug, Deserialize)]
struct Label {
    #[serde(default)]
    file: Option<String>,
    kind: String,
    #[serde(default)]
    skills: Vec<String>,
    #[serde(default)]
    levels: BTreeMap<String, LevelLabel>,
    #[serde(default)]
    claimed: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct LevelLabel {
    level: u8,
    #[serde(default)]
    months: Option<u32>,
}

struct Case {
    name: String,
    path: PathBuf,
    label: Label,
}

fn format_of(path: &Path) -> InputFormat {
    let name = path.to_string_lossy();
    if name.ends_with(".json") {
        InputFormat::Jsonresume
    } else {
        InputFormat::Text
    }
}

fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(LABELLED)
        .expect("labelled folder")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let Some(stem) = name.strip_suffix(".label.json") else {
            continue;
        };
        let label: Label = serde_json::from_str(&std::fs::read_to_string(&path).expect("label"))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let resume = [".md", ".txt", ".resume.json"]
            .iter()
            .map(|ext| Path::new(LABELLED).join(format!("{stem}{ext}")))
            .find(|p| p.exists())
            .unwrap_or_else(|| panic!("{name} has no résumé beside it"));
        cases.push(Case {
            name: stem.to_string(),
            path: resume,
            label,
        });
    }
    let corpus_labels = Path::new(LABELLED).join("corpus");
    if !Path::new(CORPUS).is_dir() {
        println!("note: {CORPUS} is absent; the real-corpus labels are skipped");
        return cases;
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&corpus_labels)
        .expect("corpus labels")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let label: Label = serde_json::from_str(&std::fs::read_to_string(&path).expect("label"))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let file = label.file.clone().expect("a corpus label names its file");
        cases.push(Case {
            name: format!("corpus/{file}"),
            path: Path::new(CORPUS).join(file),
            label,
        });
    }
    cases
}

/// The level scoring credits for each skill: its own, or what a found skill implies (at most
/// proficient), transitively.
fn credited(skills: &Skills, catalog: &Catalog) -> BTreeMap<String, u8> {
    let mut levels: BTreeMap<String, u8> = BTreeMap::new();
    for claim in &skills.skills {
        let id = catalog.skill(claim.skill).id.clone();
        let level = levels.entry(id).or_insert(0);
        *level = (*level).max(claim.level);
    }
    let mut stack: Vec<(usize, u8)> = skills.skills.iter().map(|c| (c.skill, c.level)).collect();
    while let Some((skill, level)) = stack.pop() {
        for implied in &catalog.skill(skill).implies {
            let Some(idx) = catalog.index_of(implied) else {
                continue;
            };
            let level = level.min(3);
            let entry = levels.entry(implied.clone()).or_insert(0);
            if level > *entry {
                *entry = level;
                stack.push((idx, level));
            }
        }
    }
    levels
}

#[test]
fn levels_months_and_claims_match_the_labels() {
    // Every reader takes "today" from this variable.
    std::env::set_var("SKILLGAP_TODAY", TODAY);
    let catalog = Catalog::builtin().expect("catalog");
    let cases = cases();
    assert!(cases.len() >= 40, "{} labelled résumés", cases.len());
    let (mut exact, mut within_one, mut levelled) = (0usize, 0usize, 0usize);
    let (mut months_ok, mut months_total) = (0usize, 0usize);
    let (mut true_pos, mut found_total, mut labelled_total) = (0usize, 0usize, 0usize);
    let mut stuffed_problems: Vec<String> = Vec::new();
    let mut misses: Vec<String> = Vec::new();
    for case in &cases {
        let text = std::fs::read_to_string(&case.path)
            .unwrap_or_else(|e| panic!("{}: {e}", case.path.display()));
        let skills = input::parse(&case.name, &text, format_of(&case.path), catalog)
            .unwrap_or_else(|e| panic!("{}: {e}", case.name));
        let credit = credited(&skills, catalog);
        let months_of = |id: &str| {
            skills
                .skills
                .iter()
                .find(|s| catalog.skill(s.skill).id == id)
                .and_then(|s| s.months)
        };
        for (id, label) in &case.label.levels {
            levelled += 1;
            let found = credit.get(id).copied().unwrap_or(0);
            if found == label.level {
                exact += 1;
            } else {
                misses.push(format!(
                    "{}: {id} labelled {}, read {found}",
                    case.name, label.level
                ));
            }
            if found.abs_diff(label.level) <= 1 {
                within_one += 1;
            }
            if let Some(want) = label.months {
                months_total += 1;
                let tolerance = (f64::from(want) * 0.2).max(3.0);
                match months_of(id) {
                    Some(got) if (f64::from(got) - f64::from(want)).abs() <= tolerance => {
                        months_ok += 1
                    }
                    got => misses.push(format!(
                        "{}: {id} months labelled {want}, read {got:?}",
                        case.name
                    )),
                }
            }
        }
        if case.label.kind == "keyword-stuffed" {
            for claim in &skills.skills {
                let id = &catalog.skill(claim.skill).id;
                if claim.level > 2 {
                    stuffed_problems.push(format!("{}: {id} at level {}", case.name, claim.level));
                }
                if case.label.claimed.contains(id) && claim.evidenced {
                    stuffed_problems.push(format!("{}: {id} read as evidenced", case.name));
                }
            }
        }
        let labelled: HashSet<&String> = case.label.skills.iter().collect();
        let found: HashSet<&String> = credit.keys().collect();
        true_pos += labelled.intersection(&found).count();
        found_total += found.len();
        labelled_total += labelled.len();
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let exact_r = ratio(exact, levelled);
    let within_r = ratio(within_one, levelled);
    let months_r = ratio(months_ok, months_total);
    let precision = ratio(true_pos, found_total);
    let recall = ratio(true_pos, labelled_total);
    println!(
        "calibration over {} labelled résumés (today {TODAY}):",
        cases.len()
    );
    println!("  level exact      {exact}/{levelled} = {exact_r:.3} (floor {FLOOR_EXACT}, target {TARGET_EXACT})");
    println!("  level within one {within_one}/{levelled} = {within_r:.3} (floor {FLOOR_WITHIN_ONE}, target {TARGET_WITHIN_ONE})");
    println!("  months           {months_ok}/{months_total} = {months_r:.3} (floor {FLOOR_MONTHS}, target {TARGET_MONTHS})");
    println!("  precision        {true_pos}/{found_total} = {precision:.3} (floor {FLOOR_PRECISION}, target {TARGET_PRECISION})");
    println!("  recall           {true_pos}/{labelled_total} = {recall:.3} (floor {FLOOR_RECALL}, target {TARGET_RECALL})");
    println!(
        "  keyword-stuffed problems: {} (floor {FLOOR_STUFFED_PROBLEMS}, target 0)",
        stuffed_problems.len()
    );
    for problem in &stuffed_problems {
        println!("    {problem}");
    }
    println!("  level and months misses:");
    for miss in &misses {
        println!("    {miss}");
    }
    assert!(exact_r >= FLOOR_EXACT, "level exact {exact_r:.3}");
    assert!(
        within_r >= FLOOR_WITHIN_ONE,
        "level within one {within_r:.3}"
    );
    assert!(months_r >= FLOOR_MONTHS, "months {months_r:.3}");
    assert!(precision >= FLOOR_PRECISION, "precision {precision:.3}");
    assert!(recall >= FLOOR_RECALL, "recall {recall:.3}");
    assert!(
        stuffed_problems.len() <= FLOOR_STUFFED_PROBLEMS,
        "{stuffed_problems:?}"
    );
}
