//! Every output format, snapshotted (insta) from one hand-built report, so a change to any renderer
//! shows up as a reviewed diff; plus the HTML opened in headless Chromium when it is installed.
//!
//! Review changed snapshots with `cargo insta review`, or accept them with
//! `INSTA_UPDATE=always cargo test --test it render::` and read the diff in git.

use skillgap::diff;
use skillgap::gate;
use skillgap::profile::{Importance, Tier};
use skillgap::render::diff::DiffFormat;
use skillgap::render::{
    self, BatchContext, BatchFormat, BatchRecord, BatchSummary, RenderOptions, ReportFormat,
};
use skillgap::report::{
    CategoryScore, Matched, Missing, PlanItem, Report, ReportSkill, RoleFit, Subject, TierScore,
    SCHEMA_VERSION,
};
use skillgap::skills::Unrecognized;

/// A name and evidence written to break markup: every renderer must show them as text.
const HOSTILE_NAME: &str = "Ada <b>\"Bold\"</b> & 'Co' | =cmd";
const HOSTILE_EVIDENCE: &str =
    "Built <script>alert(1)</script> pipelines with *PyTorch* | [link](x)";

fn tier_scores(entry: f64, mid: f64, senior: f64) -> Vec<TierScore> {
    vec![
        TierScore {
            tier: Tier::Entry,
            score: entry,
            in_band: true,
        },
        TierScore {
            tier: Tier::Mid,
            score: mid,
            in_band: true,
        },
        TierScore {
            tier: Tier::Senior,
            score: senior,
            in_band: false,
        },
    ]
}

fn report() -> Report<'static> {
    Report {
        schema_version: SCHEMA_VERSION,
        subject: Subject {
            name: Some(HOSTILE_NAME.to_string()),
            source: "cv & notes/ada.md".to_string(),
            years_experience: Some(4.0),
        },
        skills: vec![
            ReportSkill {
                id: "pytorch".into(),
                name: "PyTorch".into(),
                level: 3,
                years: Some(2.0),
                evidence: Some(HOSTILE_EVIDENCE.into()),
                via: "alias torch".into(),
                months: Some(26),
                last_used: Some(skillgap::skills::LastUsed::Current),
                positions: 1,
                evidenced: true,
                level_reason: "3: used 2.2 years in 1 position, 2024–current".into(),
            },
            ReportSkill {
                id: "python".into(),
                name: "Python".into(),
                level: 2,
                years: None,
                evidence: None,
                via: "name".into(),
                months: None,
                last_used: None,
                positions: 0,
                evidenced: false,
                level_reason: "2: listed, not shown in any position".into(),
            },
        ],
        unrecognized: vec![Unrecognized {
            input: "<img src=x onerror=alert(1)>".into(),
            suggestion: None,
        }],
        warnings: vec!["level \"guru\" is not a level word; read as working".into()],
        roles: vec![
            RoleFit {
                id: "deep-learning-engineer".into(),
                title: "Deep Learning Engineer".into(),
                score: 72.5,
                uncapped_score: 72.5,
                tier: Some(Tier::Mid),
                target_tier: Tier::Mid,
                relevant_years: None,
                tiers: tier_scores(88.0, 72.5, 51.0),
                categories: vec![
                    CategoryScore {
                        id: "frameworks".into(),
                        name: "Deep learning frameworks".into(),
                        score: 100.0,
                    },
                    CategoryScore {
                        id: "distributed-training".into(),
                        name: "Distributed training".into(),
                        score: 25.0,
                    },
                ],
                blocking: vec![],
                matched: vec![Matched {
                    skill: "pytorch".into(),
                    name: "PyTorch".into(),
                    importance: Importance::Essential,
                    level: 3.0,
                    required_level: 3,
                    via: "alias torch".into(),
                    evidence: Some(HOSTILE_EVIDENCE.into()),
                    partial: false,
                    evidenced: true,
                }],
                missing: vec![Missing {
                    skill: "fsdp".into(),
                    name: "PyTorch FSDP".into(),
                    category: "distributed-training".into(),
                    importance: Importance::Expected,
                    current_level: 0.0,
                    required_level: 2,
                    gain: 9.1,
                    blocking: false,
                }],
            },
            RoleFit {
                id: "llm-engineer".into(),
                title: "LLM Engineer".into(),
                score: 38.0,
                uncapped_score: 61.3,
                tier: None,
                target_tier: Tier::Mid,
                relevant_years: None,
                tiers: tier_scores(45.0, 38.0, 20.0),
                categories: vec![CategoryScore {
                    id: "llm-apps".into(),
                    name: "LLM applications".into(),
                    score: 10.0,
                }],
                blocking: vec!["rag".into()],
                matched: vec![Matched {
                    skill: "python".into(),
                    name: "Python".into(),
                    importance: Importance::Expected,
                    level: 2.0,
                    required_level: 2,
                    via: "name".into(),
                    evidence: None,
                    partial: false,
                    // Python is only listed: claimed.
                    evidenced: false,
                }],
                missing: vec![
                    Missing {
                        skill: "rag".into(),
                        name: "Retrieval-augmented generation (RAG)".into(),
                        category: "llm-apps".into(),
                        importance: Importance::Essential,
                        current_level: 0.0,
                        required_level: 3,
                        gain: 14.6,
                        blocking: true,
                    },
                    Missing {
                        skill: "fsdp".into(),
                        name: "PyTorch FSDP".into(),
                        category: "distributed-training".into(),
                        importance: Importance::Situational,
                        current_level: 0.0,
                        required_level: 1,
                        gain: 1.2,
                        blocking: false,
                    },
                ],
            },
        ],
        learning_plan: vec![
            PlanItem {
                skill: "embeddings".into(),
                name: "Embeddings".into(),
                target_level: 2,
                roles_improved: vec![],
                total_gain: 0.0,
                prerequisite_for: vec!["rag".into()],
            },
            PlanItem {
                skill: "rag".into(),
                name: "Retrieval-augmented generation (RAG)".into(),
                target_level: 3,
                roles_improved: vec!["llm-engineer".into()],
                total_gain: 14.6,
                prerequisite_for: vec![],
            },
            PlanItem {
                skill: "fsdp".into(),
                name: "PyTorch FSDP".into(),
                target_level: 2,
                roles_improved: vec!["deep-learning-engineer".into(), "llm-engineer".into()],
                total_gain: 10.3,
                prerequisite_for: vec![],
            },
        ],
    }
}

fn render_report(format: ReportFormat) -> String {
    let bytes = render::to_bytes(format, &report(), &RenderOptions::default()).expect("renders");
    String::from_utf8(bytes).expect("UTF-8")
}

fn batch_context(min_score: Option<f64>) -> BatchContext {
    BatchContext {
        roles: vec![
            (
                "deep-learning-engineer".into(),
                "Deep Learning Engineer".into(),
            ),
            ("llm-engineer".into(), "LLM Engineer".into()),
        ],
        min_score,
        color: false,
    }
}

/// A whole batch stream as `skillgap batch` writes it: header, the report, a failed input, a
/// second (below the gate) report, footer.
fn render_batch(format: BatchFormat) -> String {
    let renderer = format.renderer();
    let context = batch_context(Some(70.0));
    let first = report();
    let mut second = report();
    second.subject.name = None;
    second.subject.source = "people.jsonl".into();
    second.roles.retain(|r| r.id == "llm-engineer");
    let mut out = Vec::new();
    renderer.header(&context, &mut out).expect("header");
    let mut entries = Vec::new();
    let mut entry = Vec::new();
    renderer
        .record(
            BatchRecord {
                index: 1,
                report: &first,
                verdict: gate::judge(&first, context.min_score),
            },
            &context,
            &mut entry,
        )
        .expect("record");
    entries.push(entry);
    let mut entry = Vec::new();
    renderer
        .failure(
            2,
            "broken <1>.json",
            "line 3, column 7: expected `,` or `}`",
            &context,
            &mut entry,
        )
        .expect("failure");
    entries.push(entry);
    let mut entry = Vec::new();
    renderer
        .record(
            BatchRecord {
                index: 3,
                report: &second,
                verdict: gate::judge(&second, context.min_score),
            },
            &context,
            &mut entry,
        )
        .expect("record");
    entries.push(entry);
    // As the batch writer does: the separator only between entries that wrote something.
    let mut wrote = false;
    for entry in entries.into_iter().filter(|e| !e.is_empty()) {
        if wrote {
            out.extend_from_slice(renderer.separator());
        }
        out.extend_from_slice(&entry);
        wrote = true;
    }
    let summary = BatchSummary {
        assessed: 2,
        below: 1,
        failed: 1,
        skipped: 0,
        skipped_reports: 0,
    };
    renderer
        .footer(&summary, &context, &mut out)
        .expect("footer");
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn table() {
    insta::assert_snapshot!(render_report(ReportFormat::Table));
}

/// A requirement met only in part (a match below its level, so also a gap) shows once, among the
/// gaps, in the Markdown and the HTML, as `--explain` does.
#[test]
fn a_requirement_met_in_part_is_a_gap_not_also_a_match() {
    let mut report = report();
    report.roles[0].matched.push(Matched {
        skill: "fsdp".into(),
        name: "PyTorch FSDP".into(),
        importance: Importance::Expected,
        level: 1.0,
        required_level: 2,
        via: "name".into(),
        evidence: None,
        partial: false,
        evidenced: true,
    });
    for format in [ReportFormat::Markdown, ReportFormat::Html] {
        let bytes = render::to_bytes(format, &report, &RenderOptions::default()).expect("renders");
        let text = String::from_utf8(bytes).expect("UTF-8");
        let role = &text[text
            .find("Deep Learning Engineer, 72.5")
            .or_else(|| text.find("<section id=\"role-deep-learning-engineer\">"))
            .expect("the role")..];
        let role = &role[..role.find("LLM Engineer").expect("the next role")];
        // The Matched part runs to the Missing part that follows it (HTML) or to the role's end.
        let matched = &role[role.find("Matched").expect("a Matched part")..];
        let matched = &matched[..matched.find("Missing").unwrap_or(matched.len())];
        assert!(!matched.contains("PyTorch FSDP"), "{format:?}: {matched}");
        assert!(role.contains("PyTorch FSDP"), "{format:?}: still a gap");
    }
}

/// From 100 columns the ranking is a table with a bar per score; at 80 it is one block per role
/// (the `table` snapshot), with nothing wrapped mid-name.
#[test]
fn table_on_a_wide_terminal() {
    let options = RenderOptions {
        width: 120,
        ..RenderOptions::default()
    };
    let bytes = render::to_bytes(ReportFormat::Table, &report(), &options).expect("renders");
    let text = String::from_utf8(bytes).expect("UTF-8");
    assert!(text.contains("╭───┬"), "a table: {text}");
    let narrow = render_report(ReportFormat::Table);
    assert!(!narrow.contains("╭───┬"), "blocks: {narrow}");
    // The ranking's lines (a rank, or indented under one) fit 80 columns.
    let ranking = narrow
        .lines()
        .skip_while(|l| !l.starts_with(" 1. "))
        .take_while(|l| !l.starts_with('⚠'));
    assert!(ranking.clone().count() >= 4);
    assert!(ranking.clone().all(|l| l.chars().count() <= 80), "{narrow}");
    insta::assert_snapshot!(text);
}

/// Without `--top` the table ranks at most `max_roles` and counts the rest; the ⚠ legend only
/// shows when a shown role has a ⚠.
#[test]
fn table_shows_one_screen_and_counts_the_rest() {
    let options = RenderOptions {
        max_roles: Some(1),
        ..RenderOptions::default()
    };
    let bytes = render::to_bytes(ReportFormat::Table, &report(), &options).expect("renders");
    let text = String::from_utf8(bytes).expect("UTF-8");
    assert!(text.contains("1 more role: --top 2"), "{text}");
    assert!(!text.contains("LLM Engineer"), "{text}");
    // The shown role has no blocking essential, so no ⚠ and no legend.
    assert!(!text.contains('⚠'), "{text}");
}

#[test]
fn json() {
    let text = render_report(ReportFormat::Json);
    let back: Report = serde_json::from_str(&text).expect("the JSON reads back");
    assert_eq!(back, report());
    insta::assert_snapshot!(text);
}

#[test]
fn markdown() {
    let text = render_report(ReportFormat::Markdown);
    // The generator mark is the last line, after a blank one (a comment no viewer shows).
    let mark = format!("\n\n{}\n", skillgap::generator::COMMENT_MARK);
    let body = text
        .strip_suffix(&mark)
        .expect("the generator mark ends the report");
    // No raw HTML and no link can come from the input: every `<`, `[` and `|` in text is escaped.
    for (i, c) in body.char_indices() {
        if matches!(c, '<' | '[') {
            assert!(body[..i].ends_with('\\'), "unescaped {c} at {i}");
        }
    }
    // Table rows keep their column count despite the `|` in the name and the evidence.
    let ranking_row = text
        .lines()
        .find(|l| l.starts_with("| 1 | Deep Learning Engineer"))
        .expect("ranking row");
    assert_eq!(ranking_row.matches(" | ").count(), 4);
    insta::assert_snapshot!(text);
}

/// The HTML report with a title, a coach's name (hostile too) and a date, as `--title` and
/// `--prepared-by` give them.
fn render_html_document() -> String {
    let options = RenderOptions {
        title: Some("Progress review <Q3>".to_string()),
        prepared_by: Some("Coach <i>Kim</i> & Co".to_string()),
        date: Some("2026-12-04".to_string()),
        ..RenderOptions::default()
    };
    let bytes = render::to_bytes(ReportFormat::Html, &report(), &options).expect("renders");
    String::from_utf8(bytes).expect("UTF-8")
}

#[test]
fn html() {
    let text = render_html_document();
    // No script at all, and the only markup is ours.
    assert!(!text.contains("<script"));
    assert!(!text.contains("<i>") && text.contains("Coach &lt;i&gt;Kim&lt;/i&gt; &amp; Co"));
    assert!(text.contains("<h1>Progress review &lt;Q3&gt;</h1>"));
    assert!(text.contains("Prepared on 2026-12-04 by"));
    // The summary comes first, then the ranking, the plan and the roles.
    let order: Vec<usize> = [
        "id=\"summary\"",
        "id=\"ranking\"",
        "id=\"plan\"",
        "id=\"roles\"",
    ]
    .iter()
    .map(|id| text.find(id).expect(id))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert!(text.contains("@media (prefers-color-scheme: dark)"));
    assert!(text.contains("@page"));
    assert!(!text.contains("<b>") && !text.contains("<img"));
    assert!(text.contains("&lt;b&gt;&quot;Bold&quot;&lt;/b&gt; &amp; &#39;Co&#39;"));
    assert!(
        !text.contains("http://") && !text.contains("https://"),
        "self-contained"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn batch_table() {
    insta::assert_snapshot!(render_batch(BatchFormat::Table));
}

#[test]
fn batch_json() {
    let text = render_batch(BatchFormat::Json);
    let reports: Vec<Report> = serde_json::from_str(&text).expect("a JSON array of reports");
    assert_eq!(reports.len(), 2);
    insta::assert_snapshot!(text);
}

#[test]
fn batch_jsonl() {
    let text = render_batch(BatchFormat::Jsonl);
    for line in text.lines() {
        let _: Report = serde_json::from_str(line).expect("each line is a report");
    }
    assert_eq!(text.lines().count(), 2);
    insta::assert_snapshot!(text);
}

#[test]
fn batch_csv() {
    let text = render_batch(BatchFormat::Csv);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("a header row").clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.len() == headers.len()));
    let name = headers
        .iter()
        .position(|h| h == "name")
        .expect("name column");
    assert_eq!(&rows[0][name], HOSTILE_NAME, "quotes and commas survive");
    let status = headers.iter().position(|h| h == "status").expect("status");
    let statuses: Vec<&str> = rows.iter().map(|r| &r[status]).collect();
    assert_eq!(statuses, ["ok", "error", "below"]);
    insta::assert_snapshot!(text);
}

#[test]
fn batch_junit() {
    let text = render_batch(BatchFormat::Junit);
    assert!(!text.contains("<b>") && !text.contains("<1>"));
    // One test case per person (the gate) and one for the failed input.
    assert_eq!(text.matches("<testcase ").count(), 1 + 1 + 1);
    // The first person's LLM Engineer scores 38, below 70, but their best role (72.5) clears the
    // gate: no failure for them. The second person's only role is below.
    assert_eq!(text.matches("<failure ").count(), 1, "one person below 70");
    let first = &text[..text.find("broken").expect("the failed input")];
    assert!(!first.contains("<failure"), "{first}");
    assert!(first.contains("<property name=\"score.llm-engineer\" value=\"38.0\"/>"));
    assert_eq!(text.matches("<error ").count(), 1);
    insta::assert_snapshot!(text);
}

#[test]
fn batch_markdown() {
    insta::assert_snapshot!(render_batch(BatchFormat::Markdown));
}

fn render_progress(format: DiffFormat) -> String {
    let before = report();
    let mut after = report();
    after.subject.years_experience = Some(5.0);
    after.skills[1].level = 3;
    after.skills.push(ReportSkill {
        id: "rag".into(),
        name: "Retrieval-augmented generation (RAG)".into(),
        level: 3,
        years: None,
        evidence: None,
        via: "name".into(),
        months: Some(12),
        last_used: Some(skillgap::skills::LastUsed::Year(2026)),
        positions: 1,
        evidenced: true,
        level_reason: "3: stated in the skills file".into(),
    });
    let llm = &mut after.roles[1];
    llm.score = 64.0;
    llm.tier = Some(Tier::Mid);
    llm.missing.remove(0);
    llm.blocking.clear();
    let comparison = diff::compare(&before, &after);
    let out = render::to_bytes(format, &comparison, &RenderOptions::default()).expect("renders");
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn diff_table() {
    insta::assert_snapshot!(render_progress(DiffFormat::Table));
}

/// The progress page: self-contained, the hostile name escaped, a before and an after bar per role.
#[test]
fn diff_html() {
    let text = render_progress(DiffFormat::Html);
    assert!(!text.contains("<b>") && !text.contains("<script"));
    assert!(!text.contains("http://") && !text.contains("https://"));
    let roles = text.matches("<rect class=\"c-before\"").count();
    assert!(roles > 0);
    assert_eq!(text.matches("<rect class=\"c-fill\"").count(), roles);
    insta::assert_snapshot!(text);
}

#[test]
fn diff_markdown() {
    insta::assert_snapshot!(render_progress(DiffFormat::Markdown));
}

/// Two files that name different people: the heading shows both names, not the later one alone;
/// the same name written differently is one person.
#[test]
fn diff_of_two_people_names_both() {
    let named = |name: &str| {
        let mut r = report();
        r.subject.name = Some(name.to_string());
        r
    };
    let first_line = |a: &Report, b: &Report| {
        let out = render::to_bytes(
            DiffFormat::Table,
            &diff::compare(a, b),
            &RenderOptions::default(),
        )
        .expect("renders");
        let text = String::from_utf8(out).expect("UTF-8");
        text.lines().next().unwrap_or_default().to_string()
    };
    let two = first_line(&named("Sam Lee"), &named("Alex Kim"));
    assert!(two.starts_with("Progress: Sam Lee → Alex Kim: "), "{two}");
    let one = first_line(&named("Sam Lee"), &named("sam  lee"));
    assert!(one.starts_with("Progress: sam  lee: "), "{one}");
}

#[test]
fn diff_json() {
    let text = render_progress(DiffFormat::Json);
    let back: diff::Diff = serde_json::from_str(&text).expect("reads back");
    assert_eq!(back.roles[1].change, Some(26.0));
    insta::assert_snapshot!(text);
}

/// Opens the HTML report in headless Chromium and checks the DOM it built: the escaping held (no
/// element came from the input), a section and a chart per role in focus, one bar per role. Skipped, with
/// a note, where Chromium is not installed (`apt-get install chromium`).
#[test]
fn html_renders_in_chromium() {
    let Some(chromium) = crate::browser::chromium() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("report.html");
    std::fs::write(&page, render_report(ReportFormat::Html)).expect("written");
    let output = crate::browser::run(&chromium, dir.path(), &page, &["--dump-dom"]);
    let dom = String::from_utf8_lossy(&output.stdout);
    assert!(dom.contains("<h1>Skill-gap report: <bdi>"), "{dom}");
    // The DOM serialiser re-escapes text: had the input become markup, these would be elements.
    assert!(
        !dom.contains("<b>") && !dom.contains("<img"),
        "markup from the input: {dom}"
    );
    assert!(
        dom.contains("Ada &lt;b&gt;\"Bold\"&lt;/b&gt; &amp; 'Co'"),
        "{dom}"
    );
    // Both roles are in focus: a section and a chart each; a bar per role in the ranking.
    assert_eq!(dom.matches("<section id=\"role-").count(), 2);
    assert_eq!(dom.matches("<svg class=\"chart\"").count(), 2);
    assert_eq!(dom.matches("class=\"fill\" style=\"width: ").count(), 2);
    assert!(!dom.contains("<script"));
}
