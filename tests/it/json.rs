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
    months: Option<u32>,
    last_used: Option<serde_json::Value>,
    positions: u32,
    evidenced: bool,
    level_reason: String,
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
    /// Added by issue 12: the score before the blocking cap.
    uncapped_score: f64,
    tier: Option<String>,
    target_tier: String,
    /// Added by issue 12: for a résumé, the years relevant to the role.
    relevant_years: Option<f64>,
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
    /// Added by issue 12: credit from a related skill only.
    partial: bool,
    /// Added by issue 12: false when the level comes from a skill only claimed.
    evidenced: bool,
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

/// What holds in every report: roles sorted by score, every score in 0–100, a role's score is its
/// target tier's, gaps sorted by gain and below the required level, blocking skills are essential
/// gaps, and the learning plan only names roles in the report.
fn assert_contract_invariants(report: &Report) {
    let ids: Vec<&str> = report.roles.iter().map(|r| r.id.as_str()).collect();
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
        for m in &role.matched {
            // Related credit says so in its way; a claim alone counts 0.8 at most.
            assert_eq!(m.partial, m.via.starts_with("partial, via "), "{}", m.skill);
            assert!(
                m.evidenced || m.level <= 0.8,
                "{}: claimed at {}",
                m.skill,
                m.level
            );
        }
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

    // Every built-in role (sorted by score, highest first: checked with the other invariants).
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
    assert_contract_invariants(&report);

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

// The whole reports of the four inputs that `tests/cmd` shows only in part (`assess-jsonresume-json`,
// `assess-lenient-json`, `assess-markdown-json`, `stdin-detect`): the facts that matter in each,
// chosen to survive a change of the scoring formula (ids, evidence, ordering, what was read), with
// exact values where the input fixes them (names, years, level words, warnings). Scores are pinned
// by the table goldens in `tests/cmd`, not here.

/// Years count up to "today": pinned as in `tests/it/cli.rs`, so "… – present" is stable.
const TODAY: &str = "2026-11-28";

/// `skillgap assess ARGS --format json`, with `stdin` on standard input; the report and the stderr.
fn assess_json(args: &[&str], stdin: Option<&[u8]>) -> (Report, String, String) {
    let mut command = Command::cargo_bin("skillgap").expect("binary builds");
    command
        .arg("assess")
        .args(args)
        .args(["--format", "json"])
        .env("NO_COLOR", "1")
        .env("SKILLGAP_TODAY", TODAY);
    if let Some(stdin) = stdin {
        command.write_stdin(stdin);
    }
    let output = command.output().expect("runs");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8 stderr");
    assert!(output.status.success(), "{args:?}: {stderr}");
    let text = String::from_utf8(output.stdout).expect("UTF-8 output");
    let report: Report = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{args:?}: the report follows the contract: {e}"));
    (report, text, stderr)
}

impl Report {
    fn skill(&self, id: &str) -> &Skill {
        self.skills.iter().find(|s| s.id == id).unwrap_or_else(|| {
            let ids: Vec<&str> = self.skills.iter().map(|s| s.id.as_str()).collect();
            panic!("{id} not among the skills {ids:?}")
        })
    }

    fn skill_ids(&self) -> Vec<&str> {
        self.skills.iter().map(|s| s.id.as_str()).collect()
    }

    fn only_role(&self) -> &Role {
        let ids: Vec<&str> = self.roles.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids.len(), 1, "one role selected: {ids:?}");
        &self.roles[0]
    }
}

impl Role {
    fn matched(&self, id: &str) -> &Matched {
        self.matched
            .iter()
            .find(|m| m.skill == id)
            .unwrap_or_else(|| panic!("{}: {id} not matched", self.id))
    }

    fn gap(&self, id: &str) -> &Missing {
        self.missing
            .iter()
            .find(|m| m.skill == id)
            .unwrap_or_else(|| panic!("{}: {id} not missing", self.id))
    }
}

/// Recognized skills: (id, level, how it was recognized, a piece of the line it came from).
fn assert_skills(report: &Report, expected: &[(&str, u8, &str, &str)]) {
    for &(id, level, via, evidence) in expected {
        let skill = report.skill(id);
        assert_eq!((skill.level, skill.via.as_str()), (level, via), "{id}");
        let found = skill.evidence.as_deref().unwrap_or_default();
        assert!(found.contains(evidence), "{id}: evidence {found:?}");
    }
}

/// What ties the parts of one report together, whatever the scores: each skill once; a skill a role
/// matched directly is a recognized one, with the same evidence; one it matched by implication is
/// implied by a recognized one; a missing essential skill caps the score (below 60, at least 20); every gap is named
/// once and the plan works on gaps or their prerequisites.
fn assert_report_is_consistent(report: &Report) {
    assert_contract_invariants(report);
    let ids = report.skill_ids();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "each skill once: {ids:?}");
    for role in &report.roles {
        for m in &role.matched {
            if let Some(rest) = m
                .via
                .strip_prefix("implied by ")
                .or_else(|| m.via.strip_prefix("needed by "))
            {
                let source = rest.split(' ').next().unwrap_or(rest);
                assert!(
                    ids.contains(&source),
                    "{}: {} is implied or needed by {source}, which is not among the skills",
                    role.id,
                    m.skill
                );
            } else if !m.via.starts_with("partial, via ") {
                // A relation may start from an implied skill, which the report need not list.
                let skill = report.skill(&m.skill);
                assert_eq!(
                    (skill.via.as_str(), skill.evidence.as_deref()),
                    (m.via.as_str(), m.evidence.as_deref()),
                    "{}: {}",
                    role.id,
                    m.skill
                );
            }
        }
        if !role.blocking.is_empty() {
            // The cap: under 60 while anything blocks, 20 at the least; the uncapped score beside it.
            assert!(
                role.score < 60.0
                    && role.score <= role.uncapped_score
                    && role.score >= role.uncapped_score.min(20.0),
                "{}: {} with {} blocking gaps (uncapped {})",
                role.id,
                role.score,
                role.blocking.len(),
                role.uncapped_score
            );
        }
        let mut gaps: Vec<&str> = role.missing.iter().map(|m| m.skill.as_str()).collect();
        gaps.sort_unstable();
        let count = gaps.len();
        gaps.dedup();
        assert_eq!(gaps.len(), count, "{}: each gap once", role.id);
    }
    for item in &report.learning_plan {
        let is_gap = report
            .roles
            .iter()
            .any(|r| r.missing.iter().any(|m| m.skill == item.skill));
        assert!(
            is_gap || !item.prerequisite_for.is_empty(),
            "plan: {} is neither a gap nor a prerequisite",
            item.skill
        );
    }
}

#[test]
fn whole_reports_hold_what_each_input_says() {
    // A JSON Resume (`assess-jsonresume-json`): level words, keyword groups as evidence, skills found
    // in the work history with the field they were found in, years from the work dates.
    let (priya, _, stderr) = assess_json(
        &["examples/priya.resume.json", "--role", "llm-engineer"],
        None,
    );
    assert_eq!(stderr, "");
    assert_report_is_consistent(&priya);
    assert_eq!(priya.subject.name.as_deref(), Some("Priya Raman"));
    assert_eq!(priya.subject.source, "examples/priya.resume.json");
    assert_eq!(priya.subject.years_experience, Some(8.4));
    assert_skills(
        &priya,
        &[
            // Listed, and shown in a bullet of a dated position: the bullet is the evidence.
            (
                "python",
                3,
                "mentioned in work[0].highlights[3]",
                "LLM evaluation suite in Python",
            ),
            // 8.5 years in two positions, written at a senior title with an ownership verb
            // ("Wrote the LLM evaluation suite in Python and PyTorch"): expert.
            (
                "pytorch",
                4,
                "mentioned in work[0].highlights[3]",
                "in Python and PyTorch",
            ),
            // Shown in a dated position: the bullet is the evidence.
            (
                "fine-tuning",
                3,
                "mentioned in work[0].highlights[1]",
                "Fine-tuned 7B models with QLoRA",
            ),
            (
                "mmlu",
                3,
                "mentioned in work[0].highlights[3]",
                "(MMLU and custom benchmarks)",
            ),
            // Listed only: working at most, whatever the list's level says.
            ("wandb", 2, "alias W&B", "Evaluation: MMLU, W&B"),
            // One bullet of a five-year senior job: proficient (expert needs more lines or
            // ownership).
            (
                "vllm",
                3,
                "mentioned in work[0].highlights[2]",
                "Served the models with vLLM",
            ),
            (
                "machine-learning",
                3,
                "mentioned in work[1].position",
                "Machine Learning Engineer",
            ),
        ],
    );
    assert!(priya.unrecognized.is_empty() && priya.warnings.is_empty());
    // Each skill says how much it was used and why it has its level.
    let held = |id: &str| priya.skills.iter().find(|s| s.id == id).expect(id);
    let vllm = held("vllm");
    assert!(vllm.evidenced && vllm.positions == 1);
    assert_eq!(vllm.last_used, Some(serde_json::json!("current")));
    assert!(vllm.months.is_some_and(|m| m >= 60), "{:?}", vllm.months);
    assert!(
        vllm.level_reason.starts_with("3: used "),
        "{}",
        vllm.level_reason
    );
    let wandb = held("wandb");
    assert!(!wandb.evidenced && wandb.months.is_none() && wandb.positions == 0);
    assert!(wandb
        .level_reason
        .contains("listed, not shown in any position"));
    let llm = priya.only_role();
    assert_eq!(llm.id, "llm-engineer");
    // 8.4 years, all of them relevant (both positions show LLM Engineer skills), five of them as
    // a senior LLM engineer shown in dated bullets: senior.
    assert_eq!(
        (llm.tier.as_deref(), llm.target_tier.as_str()),
        (Some("senior"), "senior")
    );
    // "Served the models with vLLM" shows model serving itself, not only by implication.
    assert_eq!(
        llm.matched("model-serving").via,
        "mentioned in work[0].highlights[2]"
    );
    assert_eq!(llm.matched("quantization").via, "implied by qlora");
    assert!(!llm.blocking.iter().any(|b| b == "model-serving"));
    // Against every role: an LLM engineer's résumé ranks LLM Engineer first, and choosing the role
    // with --role does not change its score.
    let (all_roles, _, _) = assess_json(&["examples/priya.resume.json"], None);
    assert_report_is_consistent(&all_roles);
    assert!(all_roles.roles.len() > 1, "every built-in role");
    assert_eq!(all_roles.roles[0].id, "llm-engineer");
    assert_eq!(all_roles.roles[0].score, llm.score);

    // A hand-edited JSON Resume (`assess-lenient-json`): read in spite of a byte-order mark, comments,
    // trailing commas, a level word it does not know and a month 13, each said once as a warning.
    let (lee, _, stderr) = assess_json(
        &[
            "tests/cmd/lenient.resume.json",
            "--top",
            "1",
            "--role",
            "llm-engineer",
        ],
        None,
    );
    assert_report_is_consistent(&lee);
    let warnings = [
        "starts with a byte-order mark; ignored it",
        "2:3: comments are not JSON; ignored them (save the file without comments to silence this)",
        "6:65: trailing commas are not JSON; ignored them",
        "skills[1].level \"Wizard\" (CUDA/cuDNN) is not a level word (Beginner, Intermediate, \
         Advanced, Master/Expert); ignored it",
        "work[0] (Acme): end date \"2022-13\" is not a real date: month 13 does not exist; counted \
         as ongoing",
    ];
    assert_eq!(lee.warnings, warnings);
    let on_stderr: Vec<String> = warnings
        .iter()
        .map(|w| format!("warning: tests/cmd/lenient.resume.json: {w}\n"))
        .collect();
    assert_eq!(stderr, on_stderr.concat());
    assert_eq!(lee.subject.name.as_deref(), Some("Lee Park"));
    assert_eq!(lee.subject.source, "tests/cmd/lenient.resume.json");
    // Acme counted as ongoing: January 2020 to today.
    assert_eq!(lee.subject.years_experience, Some(6.8));
    assert_eq!(
        lee.skill_ids(),
        [
            "python",
            "sql",
            "cuda",
            "cudnn",
            "machine-learning",
            "cnn",
            "pytorch"
        ]
    );
    assert_skills(
        &lee,
        &[
            ("sql", 2, "name", "Languages: Python, SQL"),
            // The unknown level word is dropped, not the skill.
            ("cuda", 2, "name", "CUDA/cuDNN"),
            // A headline is a claim, not evidence: working at most.
            (
                "machine-learning",
                2,
                "mentioned in basics.label",
                "ML Engineer",
            ),
            // Used in a dated position since 2020: proficient.
            (
                "pytorch",
                3,
                "mentioned in work[0].highlights[0]",
                "Trained CNNs in PyTorch",
            ),
        ],
    );
    assert!(lee.unrecognized.is_empty());
    let llm = lee.only_role();
    // Years of computer-vision work, none showing LLM Engineer skills: scored at entry for it.
    assert_eq!(
        (llm.id.as_str(), llm.target_tier.as_str()),
        ("llm-engineer", "entry")
    );
    assert_eq!(llm.relevant_years, Some(0.0));
    assert_eq!(
        llm.matched("python").evidence.as_deref(),
        // Listed at working; PyTorch used since 2020 implies it at proficient.
        Some("Trained CNNs in PyTorch")
    );
    for essential in ["rag", "fine-tuning", "large-language-models"] {
        assert!(llm.gap(essential).blocking, "{essential}");
    }

    // A Markdown résumé (`assess-markdown-json`): the name from the heading, years from two date
    // styles, skills listed under "Skills" or mentioned in prose, each with the line it is on.
    let cv = std::fs::read_to_string("examples/cv.md").expect("examples/cv.md");
    let (alex, _, stderr) = assess_json(&["examples/cv.md", "--role", "llm-engineer"], None);
    assert_eq!(stderr, "");
    assert_report_is_consistent(&alex);
    assert_eq!(alex.subject.name.as_deref(), Some("Alex Kim"));
    assert_eq!(alex.subject.source, "examples/cv.md");
    assert_eq!(alex.subject.years_experience, Some(8.2));
    assert_skills(
        &alex,
        &[
            // Shown in a dated bullet by what was built with it, not only listed.
            (
                "python",
                3,
                "read from the phrase 'fastapi'",
                "behind FastAPI.",
            ),
            // Listed only: working, claimed.
            (
                "go",
                2,
                "listed in text",
                "- **Languages**: Python, SQL, Go",
            ),
            (
                "machine-learning",
                3,
                "mentioned in text as ML",
                "### ML Engineer, Brightline Retail",
            ),
            (
                "rest-apis",
                3,
                "mentioned in text as FastAPI",
                "behind FastAPI.",
            ),
            (
                "spark",
                3,
                "mentioned in text as PySpark",
                "Feature pipelines in PySpark",
            ),
            (
                "ci-cd",
                3,
                "mentioned in text as GitHub Actions",
                "via GitHub Actions",
            ),
            (
                "ab-testing",
                3,
                "mentioned in text as A/B tests",
                "A/B tests of every",
            ),
        ],
    );
    let lines: Vec<&str> = cv.lines().map(str::trim).collect();
    let evidence = alex.skills.iter().filter_map(|s| s.evidence.as_deref());
    let matched = alex.roles.iter().flat_map(|r| &r.matched);
    for line in evidence.chain(matched.filter_map(|m| m.evidence.as_deref())) {
        assert!(
            lines.contains(&line),
            "evidence is a whole line of cv.md: {line:?}"
        );
    }
    assert!(alex.unrecognized.is_empty() && alex.warnings.is_empty());
    let llm = alex.only_role();
    // 8.2 years of work, 4.8 of them in positions that show LLM Engineer skills: mid.
    assert_eq!(
        (llm.id.as_str(), llm.target_tier.as_str()),
        ("llm-engineer", "mid")
    );
    assert_eq!(llm.relevant_years, Some(4.8));
    assert_eq!(
        llm.matched("model-serving").via,
        "read from the phrase 'served … models'"
    );
    assert_eq!(llm.matched("llm-apis").via, "implied by langchain");
    assert!(llm.gap("llm-evaluation").blocking);
    assert!(llm.matched.iter().all(|m| m.skill != "llm-evaluation"));

    // A JSON Resume on stdin, its format detected (`stdin-detect`): the same report as when the format
    // is given.
    let stdin = std::fs::read("tests/cmd/stdin-detect.stdin").expect("the stdin of stdin-detect");
    let args = ["-", "--role", "deep-learning-engineer"];
    let (person, detected, stderr) = assess_json(&args, Some(&stdin));
    assert_eq!(stderr, "");
    let (_, forced, _) = assess_json(
        &[&args[..], &["--input-format", "jsonresume"]].concat(),
        Some(&stdin),
    );
    assert_eq!(detected, forced, "stdin detected as a JSON Resume");
    assert_report_is_consistent(&person);
    assert_eq!(person.subject.name.as_deref(), Some("Stdin Person"));
    assert_eq!(person.subject.source, "-");
    assert_eq!(person.subject.years_experience, None);
    assert_eq!(person.skill_ids(), ["pytorch", "jax"]);
    assert_skills(
        &person,
        &[
            ("pytorch", 2, "name", "Frameworks: PyTorch, JAX"),
            ("jax", 2, "name", "Frameworks: PyTorch, JAX"),
        ],
    );
    assert!(person.unrecognized.is_empty() && person.warnings.is_empty());
    let dle = person.only_role();
    assert_eq!(dle.id, "deep-learning-engineer");
    // No dated experience: scored at entry, the only band it reaches; only listed, PyTorch blocks.
    assert_eq!(
        (dle.tier.as_deref(), dle.target_tier.as_str()),
        (None, "entry")
    );
    let in_band: Vec<bool> = dle.tiers.iter().map(|t| t.in_band).collect();
    assert_eq!(in_band, [true, false, false]);
    assert!(dle.blocking.iter().any(|b| b == "pytorch"));
    assert_eq!(dle.matched("deep-learning").via, "implied by pytorch");
    assert_eq!(
        dle.matched("tensorflow").via,
        "partial, via PyTorch (50% credit)"
    );
    assert!(dle.gap("transformers-architecture").blocking);
}
