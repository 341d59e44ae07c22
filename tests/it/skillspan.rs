//! Precision of the skill finder on real job postings: the SkillSpan train and dev splits
//! (Zhang et al., NAACL 2022; `../shared/corpus/skillspan`, read from there when it is present).
//! Annotators tagged each posting's skill and knowledge spans; the tool never saw them, and they
//! are never edited to match its output.
//!
//! A skill the posting reader makes a requirement of (`profile::posting::read`, the reader behind
//! `--job posting.txt`; it takes the first line as the title, which the annotators skipped, and
//! passes over About-us, Benefits, EEO and application text) is **supported** when a tagged span contains one of the skill's catalog spellings (its name or an
//! alias), or a spelling contains the span, as whole words on normalised text (lowercase,
//! punctuation other than `+` and `#` as spaces). Each distinct skill counts once per posting.
//!
//! `cargo test --release --test it skillspan:: -- --nocapture` prints the precision of each split and
//! every unsupported find with the line it was found on. The spans are not exhaustive, so an
//! unsupported find is a candidate false match to judge, not a proven one: most of those left are
//! real mentions nobody tagged ("You are a skilled Java developer", "Python/Django experience
//! highly appreciated", "Support and mentor other engineers", a stack listed in a company
//! description), and a few are phrase signals reading a run-on line of a whole section as one
//! sentence.

#![allow(clippy::print_stdout)] // printing the figures is the point

use std::path::Path;

use serde::Deserialize;
use skillgap::catalog::{Catalog, SkillIdx};
use skillgap::profile::posting;

use crate::common;

const CORPUS: &str = "../shared/corpus/skillspan";

/// Train precision the test holds: the 0.92, met through the reader at 0.922 (448 of
/// 486; 0.907 before a bare "team of 22 developers" stopped reading as leading them, 0.893 before
/// section labels inside run-on lines and "At Acme, we …" clauses were read as what they are; the
/// bare scanner 0.883, 432 of 489). Most finds left unsupported are real mentions the annotators
/// did not tag (see the module docs).
const TARGET_TRAIN_PRECISION: f64 = 0.92;
/// Dev is held out and small: measured 0.852 (201 of 236) through the reader, asserted 0.05
/// lower so that one or two new finds do not fail it while a broken guard still does.
const FLOOR_DEV_PRECISION: f64 = 0.80;

#[derive(Debug, Deserialize)]
struct Labels {
    file: String,
    skill_spans: Vec<String>,
    knowledge_spans: Vec<String>,
}

/// What one split measured.
#[derive(Debug, Default)]
struct Split {
    postings: usize,
    /// Postings that became a role (those asking for a catalog skill).
    roles: usize,
    found: usize,
    supported: usize,
    /// `file: skill-id ("line")`, one per unsupported find.
    unsupported: Vec<String>,
}

impl Split {
    fn precision(&self) -> f64 {
        self.supported as f64 / self.found.max(1) as f64
    }
}

/// Lowercase, every character but letters, digits, `+` and `#` as a space, runs of spaces as
/// one, a space at each end: whole words then match as plain substrings (" r " not in " for ").
fn normalised(text: &str) -> String {
    let mapped: String = text
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '+' || c == '#' {
                c
            } else {
                ' '
            }
        })
        .collect();
    format!(
        " {} ",
        mapped.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}

/// The skill's catalog spellings, normalised.
fn spellings(catalog: &Catalog, skill: SkillIdx) -> Vec<String> {
    let skill = catalog.skill(skill);
    std::iter::once(&skill.name)
        .chain(&skill.aliases)
        .map(|s| normalised(s))
        .filter(|s| !s.trim().is_empty())
        .collect()
}

/// A span supports a skill when one contains the other as whole words.
fn supports(span: &str, spellings: &[String]) -> bool {
    spellings
        .iter()
        .any(|spelling| span.contains(spelling.as_str()) || spelling.contains(span))
}

/// At most `max` characters of `text`, an ellipsis when cut.
fn cut(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(max).collect::<String>())
    }
}

fn measure(split: &str, catalog: &Catalog) -> Split {
    let labels_path = Path::new(CORPUS).join(format!("{split}.labels.jsonl"));
    let labels = std::fs::read_to_string(&labels_path)
        .unwrap_or_else(|e| panic!("{}: {e}", labels_path.display()));
    let mut measured = Split::default();
    for (number, row) in labels.lines().enumerate() {
        if row.trim().is_empty() {
            continue;
        }
        let labels: Labels = serde_json::from_str(row)
            .unwrap_or_else(|e| panic!("{}:{}: {e}", labels_path.display(), number + 1));
        let path = Path::new(CORPUS).join(&labels.file);
        let posting =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        // The reader takes the first line as the title (which was not annotated) and finds
        // the requirements in the rest.
        let read = std::panic::catch_unwind(|| posting::read(&labels.file, &posting, catalog))
            .unwrap_or_else(|_| panic!("{}: the posting reader panicked", labels.file))
            .unwrap_or_else(|e| panic!("{}: {e}", labels.file));
        // A posting that asks for a catalog skill becomes a role.
        if !read.requirements.is_empty() {
            posting::role_of(&labels.file, &read, catalog)
                .unwrap_or_else(|e| panic!("{}: no role: {e}", labels.file));
            measured.roles += 1;
        }
        let spans: Vec<String> = labels
            .skill_spans
            .iter()
            .chain(&labels.knowledge_spans)
            .map(|s| normalised(s))
            .filter(|s| !s.trim().is_empty())
            .collect();
        measured.postings += 1;
        // One requirement per skill already.
        for requirement in &read.requirements {
            measured.found += 1;
            let mut spellings = spellings(catalog, requirement.skill);
            // The inflection the scanner matched ("attention to details", "CNNs") is one of
            // the skill's spellings too; a phrase signal has none.
            if !requirement.matched.starts_with("the phrase ") {
                spellings.push(normalised(&requirement.matched));
            }
            if spans.iter().any(|span| supports(span, &spellings)) {
                measured.supported += 1;
            } else {
                measured.unsupported.push(format!(
                    "{}: {} as {:?} ({:?})",
                    labels.file,
                    catalog.skill(requirement.skill).id,
                    requirement.matched,
                    cut(&requirement.sentence, 100)
                ));
            }
        }
    }
    measured
}

#[test]
fn skills_found_in_job_postings_are_ones_annotators_tagged() {
    if common::corpus("skillspan").is_none() {
        return;
    }
    let catalog = Catalog::builtin().expect("catalog");
    let train = measure("train", catalog);
    let dev = measure("dev", catalog);
    for (name, split) in [("train", &train), ("dev", &dev)] {
        println!(
            "{name}: precision {:.3} ({} supported of {} found, {} postings, {} roles)",
            split.precision(),
            split.supported,
            split.found,
            split.postings,
            split.roles
        );
        for line in &split.unsupported {
            println!("  unsupported {line}");
        }
    }
    assert_eq!(train.postings, 140, "the train split has 140 postings");
    assert_eq!(dev.postings, 58, "the dev split has 58 postings");
    assert!(
        train.precision() >= TARGET_TRAIN_PRECISION,
        "train precision {:.3} < {TARGET_TRAIN_PRECISION}: {:#?}",
        train.precision(),
        train.unsupported
    );
    assert!(dev.found > 0, "nothing found in the dev postings");
    assert!(
        dev.precision() >= FLOOR_DEV_PRECISION,
        "dev precision {:.3} < {FLOOR_DEV_PRECISION}: {:#?}",
        dev.precision(),
        dev.unsupported
    );
}

#[test]
fn support_is_on_whole_words() {
    let r = [normalised("R")];
    assert!(!supports(&normalised("looking for talent"), &r));
    assert!(supports(&normalised("statistics in R"), &r));
    let node = [normalised("Node.js")];
    assert!(supports(&normalised("node js"), &node));
    let cpp = [normalised("C++")];
    assert!(!supports(&normalised("C"), &cpp));
    assert!(supports(&normalised("modern c++ / python"), &cpp));
    // A span inside a longer spelling supports it too.
    let tensorflow = [normalised("TensorFlow Serving")];
    assert!(supports(&normalised("tensorflow"), &tensorflow));
}
