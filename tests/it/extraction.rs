//! Extraction quality, measured: every résumé under `tests/fixtures/resumes/` comes with an
//! `.expected.json` naming the skill ids a careful reader would extract, the ids and the words that
//! must not match, and the years of experience its dates give. This test extracts the skills of each
//! one, checks the must-nots, and computes precision and recall over the whole set (micro-averaged:
//! every expected or extracted skill counts once).
//!
//! Text and Markdown résumés (`*.md`, `*.txt`) go through the text scanner; JSON Resume files
//! (`*.resume.json`) through the JSON Resume reader.
//!
//! The figures are printed (`cargo test --test it extraction:: -- --nocapture`) and quoted in the README.

#![allow(clippy::print_stdout)] // printing the figures is the point

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde::Deserialize;
use skillgap::catalog::Catalog;
use skillgap::extract::Scanner;
use skillgap::input::{self, InputFormat};

use crate::common;

const FIXTURES: &str = "tests/fixtures/resumes";
const MIN_PRECISION: f64 = 0.95;
const MIN_RECALL: f64 = 0.90;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    /// The role the résumé was written for (one of the eight built-in ids).
    role: String,
    #[serde(default)]
    years_experience: Option<f64>,
    skills: Vec<String>,
    /// Skill ids that must not be extracted.
    #[serde(default)]
    not_skills: Vec<String>,
    /// Words of the text that must not match on their own: no match may lie within any of their
    /// occurrences ("sparked" must not give Spark; "Java" inside "JavaScript" may be part of the
    /// JavaScript match, which is larger).
    #[serde(default)]
    not_matched: Vec<String>,
}

fn fixtures() -> Vec<(PathBuf, InputFormat, PathBuf)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(FIXTURES).expect("fixtures folder") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let (stem, format) = if let Some(stem) = name.strip_suffix(".resume.json") {
            (stem, InputFormat::Jsonresume)
        } else if let Some(stem) = name
            .strip_suffix(".md")
            .or_else(|| name.strip_suffix(".txt"))
        {
            (stem, InputFormat::Text)
        } else {
            continue;
        };
        let expected = path.with_file_name(format!("{stem}.expected.json"));
        assert!(
            expected.exists(),
            "{} has no {}",
            path.display(),
            expected.display()
        );
        found.push((path, format, expected));
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

#[derive(Default)]
struct Tally {
    true_positives: usize,
    false_positives: usize,
    false_negatives: usize,
}

#[test]
fn extraction_precision_and_recall() {
    common::fix_today();
    let catalog = Catalog::builtin().expect("catalog");
    let scanner = Scanner::builtin().expect("scanner");
    let role_ids: BTreeSet<String> = skillgap::profile::builtin_profiles(catalog)
        .expect("profiles")
        .roles()
        .iter()
        .map(|r| r.profile.id.clone())
        .collect();
    let fixtures = fixtures();
    let mut total = Tally::default();
    let mut failures = Vec::new();
    let mut text_roles = BTreeSet::new();
    let mut text_count = 0;
    for (path, format, expected_path) in &fixtures {
        let name = path.display().to_string();
        let expected: Expected =
            serde_json::from_str(&std::fs::read_to_string(expected_path).expect("expected file"))
                .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
        assert!(
            role_ids.contains(&expected.role),
            "{name}: unknown role {}",
            expected.role
        );
        for id in expected.skills.iter().chain(&expected.not_skills) {
            assert!(
                catalog.index_of(id).is_some(),
                "{name}: `{id}` is not a catalog id"
            );
        }
        let text = std::fs::read_to_string(path).expect("fixture");
        let skills =
            input::parse(&name, &text, *format, catalog).unwrap_or_else(|e| panic!("{name}: {e}"));
        let extracted: BTreeSet<&str> = skills
            .skills
            .iter()
            .map(|s| catalog.skill(s.skill).id.as_str())
            .collect();
        let wanted: BTreeSet<&str> = expected.skills.iter().map(String::as_str).collect();
        let missed: Vec<&str> = wanted.difference(&extracted).copied().collect();
        let extra: Vec<&str> = extracted.difference(&wanted).copied().collect();
        total.true_positives += wanted.intersection(&extracted).count();
        total.false_positives += extra.len();
        total.false_negatives += missed.len();
        println!("{name}: missed {missed:?}, extra {extra:?}");

        for id in &expected.not_skills {
            if extracted.contains(id.as_str()) {
                failures.push(format!("{name}: extracted `{id}`, which must not match"));
            }
        }
        for claim in &skills.skills {
            if claim.evidence.as_deref().is_none_or(str::is_empty) {
                failures.push(format!(
                    "{name}: `{}` has no evidence",
                    catalog.skill(claim.skill).id
                ));
            }
        }
        if let Some(years) = expected.years_experience {
            match skills.years_experience {
                Some(found) if (found - years).abs() <= 0.1 + 1e-9 => {}
                found => failures.push(format!("{name}: years {found:?}, expected {years}")),
            }
        }
        if *format == InputFormat::Text {
            text_count += 1;
            text_roles.insert(expected.role.clone());
            let mentions = scanner.scan(&text);
            for word in &expected.not_matched {
                let occurrences: Vec<usize> =
                    text.match_indices(word.as_str()).map(|(i, _)| i).collect();
                assert!(
                    !occurrences.is_empty(),
                    "{name}: `{word}` does not occur in the text"
                );
                for start in occurrences {
                    let end = start + word.len();
                    if let Some(m) = mentions.iter().find(|m| start <= m.start && m.end <= end) {
                        failures.push(format!(
                            "{name}:{}: `{word}` matched as {} ({:?})",
                            m.line,
                            catalog.skill(m.skill).id,
                            m.matched
                        ));
                    }
                }
            }
        }
    }
    let precision =
        total.true_positives as f64 / (total.true_positives + total.false_positives).max(1) as f64;
    let recall =
        total.true_positives as f64 / (total.true_positives + total.false_negatives).max(1) as f64;
    println!(
        "{} résumés: precision {precision:.3}, recall {recall:.3} ({} correct, {} extra, {} missed)",
        fixtures.len(),
        total.true_positives,
        total.false_positives,
        total.false_negatives
    );
    assert!(text_count >= 12, "only {text_count} text résumés");
    assert_eq!(
        text_roles, role_ids,
        "text résumés must cover all eight roles"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        precision >= MIN_PRECISION,
        "precision {precision:.3} < {MIN_PRECISION}"
    );
    assert!(recall >= MIN_RECALL, "recall {recall:.3} < {MIN_RECALL}");
}
