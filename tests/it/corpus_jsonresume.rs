//! Real-world robustness: every JSON Resume file of the shared corpus (odd dates, byte-order
//! marks, comments, trailing commas, an empty file, files of other generators) is either assessed
//! or rejected with a clear message, never a panic; résumés that list well-known skills yield
//! them. And every one of the hundred real job postings becomes a role, or is rejected with a
//! message saying its skills are not in the catalog.

use std::path::{Path, PathBuf};

use serde_json::Value;
use skillgap::assess::{self, Options};
use skillgap::catalog::Catalog;
use skillgap::input::{self, InputFormat};
use skillgap::profile::{builtin_profiles, job};

use crate::common;
use common::CORPUS;

fn corpus_files(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(CORPUS).join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e} (the corpus lives beside the crate)", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_json_resume_is_assessed_or_clearly_rejected() {
    if common::corpus("").is_none() {
        return;
    }
    common::fix_today();
    let catalog = Catalog::builtin().expect("catalog");
    let profiles = builtin_profiles(catalog).expect("profiles");
    let roles = profiles.select(&[]).expect("roles");
    let files = corpus_files("jsonresume");
    assert!(files.len() >= 20, "corpus has {} files", files.len());
    let mut assessed = 0;
    let mut with_many_skills = 0;
    for path in &files {
        let raw = std::fs::read_to_string(path).expect("readable");
        let result = std::panic::catch_unwind(|| input::read(path, InputFormat::Auto, catalog));
        let result = result.unwrap_or_else(|_| panic!("{}: panicked", path.display()));
        let skills = match result {
            Ok(skills) => skills,
            Err(error) => {
                // Only the empty file may be rejected, and it must say so.
                assert!(
                    raw.trim_start_matches('\u{feff}').trim().is_empty(),
                    "{}: {error}",
                    path.display()
                );
                let message = error.to_string();
                assert!(message.contains("empty"), "{message}");
                assert!(
                    message.starts_with(&path.display().to_string()),
                    "{message}"
                );
                continue;
            }
        };
        let report = assess::assess(&skills, &roles, catalog, &Options::default());
        assert_eq!(report.roles.len(), roles.len(), "{}", path.display());
        assessed += 1;
        if skills.skills.len() >= 5 {
            with_many_skills += 1;
        }
        // Every recognized skill carries its evidence.
        for claim in &skills.skills {
            assert!(
                claim
                    .evidence
                    .as_deref()
                    .is_some_and(|e| !e.trim().is_empty()),
                "{}: {} has no evidence",
                path.display(),
                catalog.skill(claim.skill).id
            );
        }
        // A résumé whose skills section names a well-known skill yields it.
        let skills_section = serde_json::from_str::<Value>(
            &input::lenient::clean(raw.trim_start_matches('\u{feff}')).text,
        )
        .ok()
        .and_then(|v| v.get("skills").cloned())
        .map(|v| v.to_string())
        .unwrap_or_default();
        for (word, id) in [
            ("PyTorch", "pytorch"),
            ("TensorFlow", "tensorflow"),
            ("\"Python\"", "python"),
        ] {
            if skills_section.contains(word) {
                let idx = catalog.index_of(id).expect("catalog id");
                assert!(
                    skills.level_of(idx) >= 2,
                    "{}: lists {word} but it was not read as a skill ({:?})",
                    path.display(),
                    skills
                        .skills
                        .iter()
                        .map(|s| &catalog.skill(s.skill).id)
                        .collect::<Vec<_>>()
                );
            }
        }
    }
    assert!(
        assessed >= files.len() - 1,
        "{assessed} of {} assessed",
        files.len()
    );
    assert!(
        with_many_skills >= 12,
        "only {with_many_skills} résumés yielded 5+ skills"
    );
}

#[test]
fn lenient_files_warn_and_keep_positions() {
    if common::corpus("").is_none() {
        return;
    }
    let catalog = Catalog::builtin().expect("catalog");
    // resume20 has a trailing comma at 66:6; resume13 has // comments with commas inside them, which
    // are not trailing commas; resume15 starts with a byte-order mark.
    let skills = input::read(
        Path::new(&format!("{CORPUS}/jsonresume/resume20.json")),
        InputFormat::Auto,
        catalog,
    )
    .expect("lenient read");
    assert!(
        skills
            .warnings
            .iter()
            .any(|w| w.starts_with("66:6:") && w.contains("trailing commas")),
        "{:?}",
        skills.warnings
    );
    let commented_only = input::read(
        Path::new(&format!("{CORPUS}/jsonresume/resume13.json")),
        InputFormat::Auto,
        catalog,
    )
    .expect("lenient read");
    assert!(
        commented_only
            .warnings
            .iter()
            .any(|w| w.starts_with("10:5:") && w.contains("comments are not JSON")),
        "{:?}",
        commented_only.warnings
    );
    assert!(
        !commented_only
            .warnings
            .iter()
            .any(|w| w.contains("trailing commas")),
        "{:?}",
        commented_only.warnings
    );
    let skills = input::read(
        Path::new(&format!("{CORPUS}/jsonresume/resume15.json")),
        InputFormat::Auto,
        catalog,
    )
    .expect("BOM read");
    assert!(
        skills
            .warnings
            .iter()
            .any(|w| w.contains("byte-order mark")),
        "{:?}",
        skills.warnings
    );
}

#[test]
fn schema_examples_are_json_resumes() {
    if common::corpus("").is_none() {
        return;
    }
    let catalog = Catalog::builtin().expect("catalog");
    for name in [
        "sample.resume.json",
        "career-changer.resume.json",
        "new-grad.resume.json",
        "senior-engineer.resume.json",
    ] {
        let path = Path::new(CORPUS).join("schema").join(name);
        let text = std::fs::read_to_string(&path).expect("readable");
        assert_eq!(
            input::detect(name, &text).expect("detects"),
            InputFormat::Jsonresume,
            "{name}"
        );
        let skills = input::read(&path, InputFormat::Auto, catalog).expect("reads");
        assert!(
            !skills.skills.is_empty() || !skills.unrecognized.is_empty(),
            "{name}"
        );
        assert!(
            skills.years_experience.is_some(),
            "{name}: work dates give years"
        );
    }
}

#[test]
fn every_job_posting_becomes_a_role() {
    if common::corpus("").is_none() {
        return;
    }
    let catalog = Catalog::builtin().expect("catalog");
    let path = Path::new(CORPUS).join("schema/jobs_eval_corpus.json");
    let value: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("readable")).expect("JSON");
    let postings = value["jobs"].as_array().expect("jobs array");
    assert_eq!(postings.len(), 100);
    let mut roles = 0;
    for (i, posting) in postings.iter().enumerate() {
        let name = format!("jobs[{i}]");
        let result = std::panic::catch_unwind(|| {
            job::from_posting(&name, posting.as_object().expect("object"), catalog)
        })
        .unwrap_or_else(|_| panic!("{name}: panicked"));
        match result {
            Ok(job) => {
                assert!(!job.role.requirements.is_empty(), "{name}");
                assert!(job.role.profile.id.starts_with("job-"), "{name}");
                roles += 1;
            }
            Err(error) => {
                let message = error.to_string();
                assert!(
                    message.contains("is in the skills catalog"),
                    "{name}: {message}"
                );
            }
        }
    }
    assert!(roles >= 80, "only {roles} of 100 postings became roles");

    // The whole file loads as many roles at once, postings without catalog skills skipped.
    let loaded = job::load(
        &path,
        job::PostingFormat::Auto,
        catalog,
        &mut job::RoleIds::default(),
    )
    .expect("loads");
    assert_eq!(loaded.len(), roles);
    let mut ids: Vec<&str> = loaded.iter().map(|j| j.role.profile.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), loaded.len(), "role ids are unique");

    let sample = job::load(
        &Path::new(CORPUS).join("schema/sample.job.json"),
        job::PostingFormat::Auto,
        catalog,
        &mut job::RoleIds::default(),
    )
    .expect("sample job");
    assert_eq!(sample.len(), 1);
    assert_eq!(
        sample[0].role.profile.tiers.len(),
        1,
        "Mid-level posting: one tier"
    );
}
