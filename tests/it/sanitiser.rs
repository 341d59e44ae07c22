//! Issue 13: one sanitiser for every untrusted string, at every sink. Each source of untrusted text
//! (a résumé's name, skills and lines, a JSON Resume's entries, a file name, a job posting's title,
//! company, description and skills, a custom profile's fields) is fed an OSC window-title write,
//! a clear-screen, a NUL, a BEL and a C1 CSI; no sink (the terminal table, `--explain`, JSON,
//! Markdown, HTML, batch CSV / JSON Lines / JUnit / table, `diff`, stderr) may carry a raw control
//! character other than a line break or a tab.

use crate::common::skillgap;
use std::path::Path;
use std::process::Output;

use skillgap::catalog::Catalog;
use skillgap::profile::builtin_profiles;
use skillgap::render::{self, ListFormat, RenderOptions, RoleDetail, RoleList};

const HOSTILE: &str = "X\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{0}\u{9b}31mY";

/// The raw control characters in `bytes` other than a line break, a tab and the CR of a CRLF.
fn raw_controls(bytes: &[u8]) -> Vec<char> {
    let text = String::from_utf8_lossy(bytes);
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| {
            c.is_control()
                && c != '\n'
                && c != '\t'
                && !(c == '\r' && chars.get(i + 1) == Some(&'\n'))
        })
        .map(|(_, &c)| c)
        .collect()
}

fn assert_clean(what: &str, run: &Output) {
    for (stream, bytes) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        let raw = raw_controls(bytes);
        assert!(
            raw.is_empty(),
            "{what}: raw {raw:?} on {stream}:\n{}",
            String::from_utf8_lossy(bytes)
        );
    }
}

/// The hostile inputs, written into `dir`; returns (résumés, posting).
fn write_inputs(dir: &Path) -> (Vec<String>, String) {
    let json = |value: serde_json::Value| serde_json::to_string_pretty(&value).expect("JSON");
    let skills = json(serde_json::json!({
        "name": HOSTILE,
        "years_experience": 4,
        "skills": [
            {"name": "PyTorch", "level": "expert", "years": 4},
            {"name": "CUDA", "level": "working"},
            {"name": HOSTILE},
        ],
        "roles": [],
    }));
    let resume = json(serde_json::json!({
        "basics": {"name": HOSTILE, "summary": format!("PyTorch engineer. {HOSTILE}")},
        "work": [{
            "name": HOSTILE,
            "position": format!("ML Engineer {HOSTILE}"),
            "startDate": "2020-01",
            "endDate": HOSTILE,
            "highlights": [format!("Trained models with PyTorch and CUDA {HOSTILE}"), 5],
        }],
        "skills": [{"name": HOSTILE, "keywords": ["PyTorch", HOSTILE]}, 7],
    }));
    let text = format!(
        "# {HOSTILE}\n\nML Engineer at {HOSTILE}, 2020 – 2024\n- Trained PyTorch models on CUDA {HOSTILE}\n\nSkills: PyTorch, {HOSTILE}\n"
    )
    // A NUL makes a text file binary (refused); every other control stays.
    .replace('\u{0}', "");
    let posting = json(serde_json::json!({
        "title": format!("ML Engineer {HOSTILE}"),
        "company": HOSTILE,
        "description": format!("We use PyTorch and CUDA. {HOSTILE}"),
        "experience": HOSTILE,
        "skills": [{"name": "PyTorch", "keywords": [HOSTILE, "CUDA"]}, {"name": HOSTILE}],
        "qualifications": [HOSTILE],
    }));
    let files = [
        (format!("bad{HOSTILE}.json").replace('\u{0}', ""), skills),
        ("resume.json".to_string(), resume),
        (format!("text {HOSTILE}.md").replace('\u{0}', ""), text),
    ];
    let mut paths = Vec::new();
    for (name, content) in files {
        let path = dir.join(name);
        std::fs::write(&path, content).expect("write");
        paths.push(path.to_str().expect("UTF-8").to_string());
    }
    let posting_path = dir.join("posting.json");
    std::fs::write(&posting_path, posting).expect("write");
    (paths, posting_path.to_str().expect("UTF-8").to_string())
}

#[test]
fn assess_every_format_with_a_hostile_posting() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (resumes, posting) = write_inputs(dir.path());
    for resume in &resumes {
        for format in ["table", "json", "markdown", "html"] {
            for explain in [false, true] {
                let mut args = vec!["assess", resume, "--job", &posting, "--format", format];
                if explain {
                    args.push("--explain");
                }
                let run = skillgap(&args);
                assert!(
                    run.status.code().is_some_and(|c| c < 2),
                    "{args:?}: {run:?}"
                );
                assert_clean(&format!("{args:?}"), &run);
            }
        }
    }
    // The escaped form is visible, so a reader sees what the input held.
    let run = skillgap(&["assess", &resumes[0], "--job", &posting]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.contains("\\x1b]0;PWNED\\x07"), "{stdout}");
}

#[test]
fn batch_every_format_with_hostile_names_and_file_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, _) = write_inputs(dir.path());
    let folder = dir.path().to_str().expect("UTF-8");
    for format in ["table", "csv", "jsonl", "json", "junit", "markdown"] {
        let run = skillgap(&["batch", folder, "--format", format]);
        assert!(run.status.code().is_some(), "{format}: {run:?}");
        assert_clean(&format!("batch --format {format}"), &run);
    }
    // A failing input's message quotes its hostile file name on stderr and in the report.
    let broken = dir
        .path()
        .join(format!("broken{HOSTILE}.json").replace('\u{0}', ""));
    std::fs::write(&broken, "{\"name\": ").expect("write");
    for format in ["table", "csv", "junit", "markdown"] {
        let run = skillgap(&["batch", folder, "--format", format]);
        assert_eq!(run.status.code(), Some(2), "{format}: {run:?}");
        assert_clean(
            &format!("batch with a broken input, --format {format}"),
            &run,
        );
    }
}

#[test]
fn diff_every_format_and_errors_quoting_file_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (resumes, _) = write_inputs(dir.path());
    for format in ["table", "json", "markdown"] {
        let run = skillgap(&["diff", &resumes[0], &resumes[2], "--format", format]);
        assert!(
            run.status.code().is_some_and(|c| c < 2),
            "{format}: {run:?}"
        );
        assert_clean(&format!("diff --format {format}"), &run);
    }
    let missing = dir
        .path()
        .join(format!("gone{HOSTILE}.json").replace('\u{0}', ""));
    let run = skillgap(&["assess", missing.to_str().expect("UTF-8")]);
    assert_eq!(run.status.code(), Some(2));
    assert_clean("assess of a missing hostile file name", &run);
    let run = skillgap(&["role", HOSTILE.replace('\u{0}', "").as_str()]);
    assert_eq!(run.status.code(), Some(2));
    assert_clean("role with a hostile id", &run);
}

#[test]
fn a_custom_profile_with_control_characters_is_refused_cleanly() {
    let catalog = Catalog::builtin().expect("catalog");
    let set = builtin_profiles(catalog).expect("profiles");
    let mut profile = serde_json::to_value(&set.roles()[0].profile).expect("serializes");
    profile["title"] = serde_json::Value::String(HOSTILE.to_string());
    let dir = tempfile::tempdir().expect("temp dir");
    let id = profile["id"].as_str().expect("id").to_string();
    std::fs::write(
        dir.path().join(format!("{id}.json")),
        serde_json::to_string(&profile).expect("JSON"),
    )
    .expect("write");
    let folder = dir.path().to_str().expect("UTF-8");
    let run = skillgap(&["profiles", "validate", folder]);
    assert_ne!(run.status.code(), Some(0), "{run:?}");
    assert!(String::from_utf8_lossy(&run.stderr).contains("control character"));
    assert_clean("profiles validate", &run);
    for args in [
        vec!["roles", "--profiles", folder],
        vec!["role", &id, "--profiles", folder],
    ] {
        let run = skillgap(&args);
        assert_clean(&format!("{args:?}"), &run);
    }
}

/// `roles` and `role` render whatever profile they are given through the sanitiser, even one that
/// never passed validation.
#[test]
fn roles_and_role_tables_escape_every_profile_field() {
    let catalog = Catalog::builtin().expect("catalog");
    let set = builtin_profiles(catalog).expect("profiles");
    let mut role = set.roles()[0].clone();
    let p = &mut role.profile;
    p.id = format!("id{HOSTILE}");
    p.title = HOSTILE.to_string();
    p.summary = HOSTILE.to_string();
    p.related_roles = vec![HOSTILE.to_string()];
    p.categories[0].name = HOSTILE.to_string();
    if let Some(salary) = &mut p.salary {
        salary.currency = HOSTILE.to_string();
        salary.period = HOSTILE.to_string();
    }
    let options = RenderOptions::default();
    let list = RoleList(std::slice::from_ref(&role));
    let out = render::to_bytes(ListFormat::Table, &list, &options).expect("renders");
    assert!(
        raw_controls(&out).is_empty(),
        "{}",
        String::from_utf8_lossy(&out)
    );
    let detail = RoleDetail {
        role: &role,
        catalog,
    };
    let out = render::to_bytes(ListFormat::Table, &detail, &options).expect("renders");
    assert!(
        raw_controls(&out).is_empty(),
        "{}",
        String::from_utf8_lossy(&out)
    );
    assert!(String::from_utf8_lossy(&out).contains("\\x1b[2J"));
}

/// What a CommonMark reader (pulldown-cmark, with GitHub's tables, strikethrough and math) shows
/// for `markdown` placed where the reports place escaped text: as a table cell, and as a list
/// item. Only the text it would show is kept; any markup it found is kept as a marker, so a test
/// can see that none was made.
fn shown_by_commonmark(markdown: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_MATH;
    let mut shown = String::new();
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Text(text) => shown.push_str(&text),
            Event::Start(
                Tag::Paragraph
                | Tag::Table(_)
                | Tag::TableHead
                | Tag::TableRow
                | Tag::TableCell
                | Tag::List(None)
                | Tag::Item,
            )
            | Event::End(_) => {}
            other => shown.push_str(&format!("⟨{other:?}⟩")),
        }
    }
    shown
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config::with_cases(400))]

    /// Whatever a name holds, the escaped text reads back as the name (line breaks as spaces,
    /// leading space dropped), as a table cell and as a list item, and makes no markup.
    #[test]
    fn escaped_markdown_reads_back_as_the_text(
        text in "[a-zA-Z0-9 &;#<>/!?*_`~$|\\[\\]()\\\\.+=\\-\n:'\"@]{0,24}"
    ) {
        let escaped = skillgap::render::escape::markdown(&text);
        let expected: String = text.replace('\n', " ").trim().to_string();
        let cell = shown_by_commonmark(&format!("| HEAD |\n|---|\n| {escaped} |\n"));
        // A table's first row is its header; the cell sits in the body row after it.
        let cell = cell.strip_prefix("HEAD").unwrap_or(&cell);
        proptest::prop_assert_eq!(cell.trim(), expected.as_str(), "cell {:?}", escaped);
        let item = shown_by_commonmark(&format!("- {escaped}\n"));
        proptest::prop_assert_eq!(item.trim(), expected.as_str(), "item {:?}", escaped);
    }
}
