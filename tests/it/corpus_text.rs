//! Real-world robustness: every Markdown CV in `../shared/corpus/text/` (third-party pages with
//! front matter, HTML, Liquid, Hugo widgets) is read and assessed without a panic; an empty file is
//! rejected with a message that says so; every CV that names skills yields skills, each with its
//! evidence line.

use skillgap::assess::{self, Options};
use skillgap::catalog::Catalog;
use skillgap::input::{self, InputError, InputFormat};
use skillgap::profile::builtin_profiles;

use crate::common;

#[test]
fn every_corpus_cv_is_assessed() {
    let Some(dir) = common::corpus("text") else {
        return;
    };
    let catalog = Catalog::builtin().expect("catalog");
    let profiles = builtin_profiles(catalog).expect("profiles");
    let roles = profiles.select(&[]).expect("all roles");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 8,
        "expected the corpus CVs, found {}",
        paths.len()
    );
    for path in &paths {
        let bytes = std::fs::read(path).expect("readable");
        let result = input::read(path, InputFormat::Text, catalog);
        if String::from_utf8_lossy(&bytes).trim().is_empty() {
            let error = result.expect_err("an empty file is rejected");
            assert!(matches!(error, InputError::Empty { .. }), "{error}");
            assert!(error.to_string().contains("empty"), "{error}");
            continue;
        }
        let skills = result.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            !skills.skills.is_empty(),
            "{}: a CV that names skills yielded none",
            path.display()
        );
        for claim in &skills.skills {
            let evidence = claim.evidence.as_deref().unwrap_or_default();
            assert!(
                !evidence.is_empty() && evidence.chars().count() <= 165,
                "{}: evidence of {}: {evidence:?}",
                path.display(),
                catalog.skill(claim.skill).id
            );
            assert!(
                !evidence.contains("<p") && !evidence.contains("<li") && !evidence.contains("{%"),
                "{}: markup left in evidence {evidence:?}",
                path.display()
            );
        }
        if let Some(years) = skills.years_experience {
            assert!(
                (0.0..=60.0).contains(&years),
                "{}: {years} years",
                path.display()
            );
        }
        let report = assess::assess(&skills, &roles, catalog, &Options::default());
        assert_eq!(report.roles.len(), roles.len());
        assert!(
            report.roles.iter().any(|r| r.score > 0.0),
            "{}",
            path.display()
        );
    }
}

#[test]
fn an_empty_text_resume_is_rejected_clearly() {
    let catalog = Catalog::builtin().expect("catalog");
    let error = input::parse("cv.md", "  \n\n", InputFormat::Text, catalog).expect_err("empty");
    assert_eq!(
        error.to_string(),
        "cv.md: the input is empty; expected a skills JSON, a JSON Resume or a text résumé"
    );
}
