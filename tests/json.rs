//! The JSON report contract (SPEC §6), pinned by typed structs that reject unknown fields: adding,
//! renaming or retyping a field fails here first, so it cannot happen by accident.

use assert_cmd::Command;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Report {
    schema_version: u32,
    subject: Subject,
    skills: Vec<Skill>,
    unrecognized: Vec<Unrecognized>,
    #[serde(default)]
    warnings: Vec<String>,
    roles: Vec<Role>,
    learning_plan: Vec<PlanItem>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Subject {
    name: Option<String>,
    source: String,
    years_experience: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Skill {
    id: String,
    name: String,
    level: u8,
    #[serde(default)]
    years: Option<f64>,
    evidence: Option<String>,
    via: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Unrecognized {
    input: String,
    suggestion: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Role {
    id: String,
    title: String,
    score: f64,
    tier: Option<String>,
    target_tier: String,
    tiers: Vec<TierScore>,
    categories: Vec<CategoryScore>,
    blocking: Vec<String>,
    matched: Vec<Matched>,
    missing: Vec<Missing>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TierScore {
    tier: String,
    score: f64,
    in_band: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoryScore {
    id: String,
    name: String,
    score: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Matched {
    skill: String,
    name: String,
    importance: String,
    level: f64,
    required_level: u8,
    via: String,
    #[serde(default)]
    evidence: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Missing {
    skill: String,
    name: String,
    category: String,
    importance: String,
    current_level: f64,
    required_level: u8,
    gain: f64,
    blocking: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanItem {
    skill: String,
    name: String,
    target_level: u8,
    roles_improved: Vec<String>,
    total_gain: f64,
    #[serde(default)]
    prerequisite_for: Vec<String>,
}

const TIERS: [&str; 3] = ["entry", "mid", "senior"];
const IMPORTANCE: [&str; 4] = ["essential", "expected", "situational", "differentiator"];

fn report_for(args: &[&str]) -> (Report, String) {
    let output = Command::cargo_bin("skillgap")
        .expect("binary builds")
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).expect("UTF-8 output");
    let report: Report = serde_json::from_str(&text).expect("the report follows the contract");
    (report, text)
}

#[test]
fn report_follows_the_contract() {
    let (report, _) = report_for(&["assess", "examples/jordan.json", "--format", "json"]);
    assert_eq!(report.schema_version, 1);
    assert_eq!(report.subject.name.as_deref(), Some("Jordan Alvarez"));
    assert_eq!(report.subject.source, "examples/jordan.json");
    assert_eq!(report.subject.years_experience, Some(3.5));
    assert!(report
        .skills
        .iter()
        .any(|s| s.id == "pytorch" && s.level == 3 && s.name == "PyTorch"));
    assert!(report
        .skills
        .iter()
        .all(|s| !s.via.is_empty() && s.level <= 4));
    let fsdp = report
        .skills
        .iter()
        .find(|s| s.id == "fsdp")
        .expect("FSDP listed");
    assert_eq!((fsdp.level, fsdp.years), (2, Some(1.0)));
    assert!(report
        .skills
        .iter()
        .all(|s| s.evidence.is_none() || !s.evidence.as_deref().unwrap_or("").is_empty()));
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    // Names it cannot match are reported, not silently dropped, with a suggestion when one is close.
    let typo = report
        .unrecognized
        .iter()
        .find(|u| u.input == "Kubeflo")
        .expect("reported");
    assert_eq!(typo.suggestion.as_deref(), Some("kubeflow"));
    let unknown = report
        .unrecognized
        .iter()
        .find(|u| u.input == "Jupyter")
        .expect("reported");
    assert_eq!(unknown.suggestion, None);

    // Every built-in role, sorted by score, highest first.
    let ids: Vec<&str> = report.roles.iter().map(|r| r.id.as_str()).collect();
    for id in [
        "deep-learning-engineer",
        "ml-engineer",
        "llm-engineer",
        "cuda-engineer",
        "distributed-training-engineer",
        "ai-safety-engineer",
        "data-labeling-specialist",
        "ai-strategy-director",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    assert!(
        report.roles.windows(2).all(|w| w[0].score >= w[1].score),
        "roles sorted by score"
    );

    for role in &report.roles {
        assert!(!role.title.is_empty());
        assert!(
            (0.0..=100.0).contains(&role.score),
            "{}: {}",
            role.id,
            role.score
        );
        assert!(TIERS.contains(&role.target_tier.as_str()));
        if let Some(tier) = &role.tier {
            assert!(TIERS.contains(&tier.as_str()));
        }
        let target = role
            .tiers
            .iter()
            .find(|t| t.tier == role.target_tier)
            .expect("target tier scored");
        assert_eq!(
            target.score, role.score,
            "{}: score is the target tier's",
            role.id
        );
        assert!(role
            .tiers
            .iter()
            .all(|t| TIERS.contains(&t.tier.as_str()) && (0.0..=100.0).contains(&t.score)));
        assert!(role
            .categories
            .iter()
            .all(|c| !c.id.is_empty() && !c.name.is_empty() && (0.0..=100.0).contains(&c.score)));
        assert!(role
            .matched
            .iter()
            .all(|m| IMPORTANCE.contains(&m.importance.as_str())
                && m.level > 0.0
                && (1..=4).contains(&m.required_level)
                && !m.via.is_empty()
                && !m.name.is_empty()
                && !m.skill.is_empty()
                && m.evidence.as_deref().is_none_or(|e| !e.is_empty())));
        assert!(
            role.missing.windows(2).all(|w| w[0].gain >= w[1].gain),
            "{}: missing sorted by gain",
            role.id
        );
        for gap in &role.missing {
            assert!(IMPORTANCE.contains(&gap.importance.as_str()));
            assert!(
                gap.current_level < f64::from(gap.required_level),
                "{}: {}",
                role.id,
                gap.skill
            );
            assert!(gap.gain >= 0.0);
            assert!(!gap.name.is_empty() && !gap.category.is_empty());
        }
        for id in &role.blocking {
            let gap = role
                .missing
                .iter()
                .find(|m| &m.skill == id)
                .expect("blocking skills are missing skills");
            assert!(gap.blocking && gap.importance == "essential");
        }
    }
    // 3.5 years reach the Deep Learning Engineer's entry (0–2) and mid (3–5) bands, not senior (6+).
    let dle = report
        .roles
        .iter()
        .find(|r| r.id == "deep-learning-engineer")
        .expect("present");
    let bands: Vec<(&str, bool)> = dle
        .tiers
        .iter()
        .map(|t| (t.tier.as_str(), t.in_band))
        .collect();
    assert_eq!(bands, [("entry", true), ("mid", true), ("senior", false)]);
    assert_eq!(dle.target_tier, "mid");
    assert!(!report.learning_plan.is_empty());
    for item in &report.learning_plan {
        assert!(!item.name.is_empty() && (1..=4).contains(&item.target_level));
        assert!(item.total_gain >= 0.0);
        assert!(
            !item.roles_improved.is_empty() || !item.prerequisite_for.is_empty(),
            "{}",
            item.skill
        );
        assert!(item
            .roles_improved
            .iter()
            .all(|r| ids.contains(&r.as_str())));
    }
}

#[test]
fn json_report_is_byte_identical_across_runs() {
    let (_, first) = report_for(&["assess", "examples/jordan.json", "--format", "json"]);
    let (_, second) = report_for(&["assess", "examples/jordan.json", "--format", "json"]);
    assert_eq!(first, second);
}

#[test]
fn role_filter_and_top_shape_the_report() {
    let (report, _) = report_for(&[
        "assess",
        "examples/jordan.json",
        "--format",
        "json",
        "--role",
        "llm-engineer",
        "--role",
        "cuda-engineer",
    ]);
    let mut ids: Vec<&str> = report.roles.iter().map(|r| r.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["cuda-engineer", "llm-engineer"]);
    assert!(report.learning_plan.iter().all(|p| p
        .roles_improved
        .iter()
        .all(|r| r == "llm-engineer" || r == "cuda-engineer")));

    let (report, _) = report_for(&[
        "assess",
        "examples/jordan.json",
        "--format",
        "json",
        "--top",
        "3",
    ]);
    assert_eq!(report.roles.len(), 3);

    let (report, _) = report_for(&[
        "assess",
        "examples/jordan.json",
        "--format",
        "json",
        "--tier",
        "senior",
    ]);
    assert!(report.roles.iter().all(|r| r.target_tier == "senior"));
}
