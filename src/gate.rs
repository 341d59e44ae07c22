//! The `--min-score` gate, decided here and nowhere else.
//!
//! A person is *below* the gate when the best of the roles they were assessed against (all the
//! profiles, those named with `--role`, and any `--job` postings) scores under the minimum; a
//! person assessed against no role scores 0. `assess` turns that into its exit code, `batch`
//! counts it for the summary and the exit code, and each batch renderer shows the same
//! [`Verdict`] (the CSV status, the JUnit test case), so what CI shows and what the exit code
//! says cannot drift apart.

use crate::report::{Report, RoleFit};

/// `--min-score N`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gate {
    pub min_score: f64,
}

/// What the gate decided for one person.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdict<'r, 'a> {
    /// The role that decided: the best assessed one (None when no role was assessed).
    pub role: Option<&'r RoleFit<'a>>,
    /// Its score (0 when no role was assessed).
    pub score: f64,
    pub min_score: f64,
    /// True when `score` is under `min_score`.
    pub below: bool,
}

impl Gate {
    /// The gate of `--min-score`, when one was given.
    pub fn new(min_score: Option<f64>) -> Option<Gate> {
        min_score.map(|min_score| Gate { min_score })
    }

    /// The verdict on one person's report.
    pub fn judge<'r, 'a>(&self, report: &'r Report<'a>) -> Verdict<'r, 'a> {
        let role = report.best_role();
        let score = role.map_or(0.0, |r| r.score);
        Verdict {
            role,
            score,
            min_score: self.min_score,
            below: score < self.min_score,
        }
    }
}

/// The verdict of `min_score` on `report`: None when there is no gate.
pub fn judge<'r, 'a>(report: &'r Report<'a>, min_score: Option<f64>) -> Option<Verdict<'r, 'a>> {
    Gate::new(min_score).map(|gate| gate.judge(report))
}

/// Whether `report` is below `min_score` (never, without a gate).
pub fn is_below(report: &Report, min_score: Option<f64>) -> bool {
    judge(report, min_score).is_some_and(|verdict| verdict.below)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Tier;
    use crate::report::Subject;

    fn role(id: &str, score: f64) -> RoleFit<'static> {
        RoleFit {
            id: id.to_string().into(),
            title: id.to_uppercase().into(),
            score,
            uncapped_score: score,
            tier: None,
            target_tier: Tier::Entry,
            relevant_years: None,
            tiers: vec![],
            categories: vec![],
            blocking: vec![],
            matched: vec![],
            missing: vec![],
        }
    }

    fn report(scores: &[f64]) -> Report<'static> {
        Report {
            schema_version: crate::report::SCHEMA_VERSION,
            subject: Subject {
                name: None,
                source: "a.json".into(),
                years_experience: None,
            },
            skills: vec![],
            unrecognized: vec![],
            warnings: vec![],
            // Sorted by score, highest first, as assess leaves them.
            roles: scores
                .iter()
                .enumerate()
                .map(|(i, &s)| role(&format!("role-{i}"), s))
                .collect(),
            learning_plan: vec![],
        }
    }

    #[test]
    fn the_best_role_decides() {
        let passing = report(&[80.0, 40.0, 10.0]);
        let verdict = Gate { min_score: 70.0 }.judge(&passing);
        assert!(
            !verdict.below,
            "one role at 80 clears 70, whatever the others score"
        );
        assert_eq!(verdict.role.map(|r| &*r.id), Some("role-0"));
        assert_eq!(verdict.score, 80.0);
        let failing = report(&[69.9, 40.0]);
        assert!(is_below(&failing, Some(70.0)));
        assert!(!is_below(&failing, None), "no gate, nobody below");
    }

    #[test]
    fn the_minimum_itself_passes_and_no_role_scores_zero() {
        assert!(!is_below(&report(&[70.0]), Some(70.0)));
        let none = report(&[]);
        let verdict = Gate { min_score: 0.0 }.judge(&none);
        assert_eq!(
            (verdict.role, verdict.score, verdict.below),
            (None, 0.0, false)
        );
        assert!(is_below(&none, Some(0.1)));
    }
}
