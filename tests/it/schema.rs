//! The JSON Schemas in `schema/` agree with the code: every built-in profile, example profile and
//! example skills file passes both the schema and the reader; known-bad documents fail both; and the
//! schema's lists (skill ids, importance words, tiers) are exactly the code's.
//!
//! `schema/report.schema.json` is generated from the report types (`skillgap::report::json_schema`);
//! a test fails when the checked-in file differs, and `SKILLGAP_BLESS=1 cargo test --test it schema::`
//! rewrites it. Real reports (`assess --format json` on every example, with and without `--job`
//! postings, and `batch --format jsonl`/`json` over the test résumés; the corpus too when it is
//! there) must pass it, and between them must use every field it declares.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use skillgap::profile::{compile, parse_profile, Importance, Tier};

use crate::common::{self, catalog};

fn schema(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(Path::new("schema").join(name)).expect("schema file");
    let value: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::draft202012::new(&value).expect("schema compiles")
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("readable");
    serde_json::from_str(&text).expect("JSON")
}

fn json_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// Whether the code accepts `value` as a profile named `stem`.json (parse, then validate).
fn code_accepts_profile(stem: &str, value: &Value) -> Result<(), String> {
    let file = format!("{stem}.json");
    let profile = parse_profile(&file, &value.to_string()).map_err(|e| e.to_string())?;
    compile(profile, &file, Some(stem), catalog(), true)
        .map(|_| ())
        .map_err(|problems| format!("{problems:?}"))
}

fn schema_errors(validator: &jsonschema::Validator, value: &Value) -> Vec<String> {
    validator
        .iter_errors(value)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn built_in_and_example_profiles_pass_the_schema() {
    let validator = schema("profile.schema.json");
    let mut files = json_files("profiles");
    files.extend(json_files("examples/profiles"));
    assert!(files.len() >= 9, "{files:?}");
    for path in files {
        let value = read_json(&path);
        let errors = schema_errors(&validator, &value);
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        let stem = path.file_stem().and_then(|s| s.to_str()).expect("stem");
        code_accepts_profile(stem, &value).expect("the code accepts it too");
    }
}

#[test]
fn schema_lists_match_the_code() {
    let value = read_json(Path::new("schema/profile.schema.json"));
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .expect("an enum")
            .iter()
            .map(|s| s.as_str().expect("string").to_string())
            .collect()
    };
    let mut catalog_ids: Vec<String> = catalog().skills().iter().map(|s| s.id.clone()).collect();
    catalog_ids.sort();
    assert_eq!(
        strings(&value["$defs"]["skill_id"]["enum"]),
        catalog_ids,
        "schema/profile.schema.json's skill ids differ from data/catalog.json"
    );
    assert_eq!(
        strings(&value["$defs"]["requirement"]["properties"]["importance"]["enum"]),
        Importance::WORDS.map(String::from)
    );
    assert_eq!(
        strings(&value["$defs"]["tier_id"]["enum"]),
        Tier::ALL.map(|t| t.as_str().to_string())
    );
    let level_words = read_json(Path::new("schema/skills.schema.json"))["$defs"]["level"]["anyOf"]
        [1]["enum"]
        .clone();
    for word in strings(&level_words) {
        assert!(
            skillgap::skills::level_from_word(&word).is_some() || word.parse::<u8>().is_ok(),
            "{word}"
        );
    }
    for word in skillgap::skills::LEVEL_WORDS {
        assert!(strings(&level_words).contains(&word.to_string()), "{word}");
    }
}

/// A valid profile to spoil one field at a time.
fn good_profile() -> Value {
    json!({
        "id": "probe-role",
        "title": "Probe Role",
        "summary": "A profile for tests.",
        "tiers": [{"id": "entry", "min_years": 0, "max_years": 2}, {"id": "mid", "min_years": 3}],
        "categories": [{
            "id": "frameworks",
            "name": "Frameworks",
            "requirements": [
                {"skill": "pytorch", "importance": "essential", "levels": {"entry": 2, "mid": 3}},
                {"skill": "jax", "importance": "expected", "levels": {"mid": 2}}
            ]
        }]
    })
}

#[test]
fn known_bad_profiles_fail_both_the_schema_and_the_code() {
    let validator = schema("profile.schema.json");
    let good = good_profile();
    assert!(schema_errors(&validator, &good).is_empty());
    code_accepts_profile("probe-role", &good).expect("the good profile is valid");

    // Sets the field at `pointer` (adding it to its object if missing).
    let spoil = |pointer: &str, value: Value| {
        let mut profile = good_profile();
        let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
        match profile.pointer_mut(parent).expect(parent) {
            Value::Object(map) => {
                map.insert(key.to_string(), value);
            }
            Value::Array(items) => items[key.parse::<usize>().expect("index")] = value,
            _ => panic!("{parent} holds no fields"),
        }
        profile
    };
    let without = |field: &str| {
        let mut profile = good_profile();
        profile.as_object_mut().expect("object").remove(field);
        profile
    };
    let cases: Vec<(&str, Value)> = vec![
        (
            "unknown skill id",
            spoil("/categories/0/requirements/0/skill", json!("pytroch")),
        ),
        (
            "unknown importance",
            spoil("/categories/0/requirements/0/importance", json!("crucial")),
        ),
        ("unknown tier", spoil("/tiers/0/id", json!("junior"))),
        (
            "level above 4",
            spoil("/categories/0/requirements/0/levels/entry", json!(5)),
        ),
        (
            "level 0",
            spoil("/categories/0/requirements/0/levels/mid", json!(0)),
        ),
        (
            "level as a word",
            spoil("/categories/0/requirements/0/levels/mid", json!("working")),
        ),
        (
            "level null",
            spoil("/categories/0/requirements/0/levels/mid", json!(null)),
        ),
        (
            "fractional level",
            spoil("/categories/0/requirements/0/levels/mid", json!(2.5)),
        ),
        (
            "levels for no tier",
            spoil("/categories/0/requirements/1/levels", json!({})),
        ),
        (
            "unknown tier in levels",
            spoil("/categories/0/requirements/1/levels", json!({"junior": 2})),
        ),
        (
            "empty category",
            spoil("/categories/0/requirements", json!([])),
        ),
        ("no categories", spoil("/categories", json!([]))),
        ("no tiers", spoil("/tiers", json!([]))),
        ("years out of range", spoil("/tiers/1/min_years", json!(99))),
        ("negative years", spoil("/tiers/0/min_years", json!(-1))),
        ("id not kebab-case", spoil("/id", json!("Probe Role"))),
        (
            "category id not kebab-case",
            spoil("/categories/0/id", json!("Frame works")),
        ),
        ("empty title", spoil("/title", json!(""))),
        ("blank summary", spoil("/summary", json!("   "))),
        ("title not a string", spoil("/title", json!(42))),
        (
            "unknown field",
            spoil("/categories/0/requirement", json!([])),
        ),
        ("missing title", without("title")),
        ("missing categories", without("categories")),
        (
            "requirement as a list",
            spoil(
                "/categories/0/requirements/0",
                json!(["pytorch", "essential", {"entry": 2}]),
            ),
        ),
        ("profile as a list", json!(["probe-role", "Probe Role"])),
        (
            "salary without currency",
            spoil("/salary", json!({"min": 1, "max": 2, "period": "year"})),
        ),
    ];
    for (what, profile) in cases {
        assert!(
            !schema_errors(&validator, &profile).is_empty(),
            "the schema accepts: {what}"
        );
        assert!(
            code_accepts_profile("probe-role", &profile).is_err(),
            "the code accepts: {what}"
        );
    }
}

#[test]
fn skills_files_agree_with_the_schema() {
    let validator = schema("skills.schema.json");
    // The skills files among the examples (not the JSON Resume files or job postings beside them).
    let mut files: Vec<_> = json_files("examples")
        .into_iter()
        .filter(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            !name.ends_with(".resume.json") && !name.ends_with(".job.json")
        })
        .collect();
    assert!(files.len() >= 2, "{files:?}");
    files.sort();
    for path in &files {
        let value = read_json(path);
        let errors = schema_errors(&validator, &value);
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        skillgap::input::skills_json::parse("x.json", &value.to_string(), catalog())
            .expect("the reader accepts it");
    }
    // What `skillgap init` writes.
    let init = assert_cmd::Command::cargo_bin("skillgap")
        .expect("binary")
        .args(["init", "-"])
        .output()
        .expect("runs");
    let value: Value = serde_json::from_slice(&init.stdout).expect("init writes JSON");
    assert!(schema_errors(&validator, &value).is_empty());

    let good: Vec<Value> = vec![
        json!({"skills": []}),
        json!({"skills": ["PyTorch", {"name": "JAX", "level": "aware"}, {"name": "CUDA", "level": 4, "years": 1.5}]}),
        json!({"name": null, "years_experience": 0, "skills": [{"name": "JAX", "level": null}], "roles": ["llm-engineer"]}),
        json!({"skills": [{"name": "JAX", "level": "2"}], "_note": "ignored"}),
    ];
    for value in good {
        assert!(
            schema_errors(&validator, &value).is_empty(),
            "schema rejects {value}"
        );
        skillgap::input::skills_json::parse("x.json", &value.to_string(), catalog())
            .unwrap_or_else(|e| panic!("reader rejects {value}: {e}"));
    }
    let bad: Vec<Value> = vec![
        json!({}),
        json!({"skills": "PyTorch"}),
        json!({"skills": null}),
        json!({"skills": [42]}),
        json!({"skills": [null]}),
        json!({"skills": [{"level": 2}]}),
        json!({"skills": [{"name": "JAX", "level": 5}]}),
        json!({"skills": [{"name": "JAX", "level": -1}]}),
        json!({"skills": [{"name": "JAX", "level": "guru"}]}),
        json!({"skills": [{"name": "JAX", "years": -2}]}),
        json!({"skills": [{"name": "JAX", "years": "two"}]}),
        json!({"skills": [], "years_experience": 71}),
        json!({"skills": [], "name": 7}),
        json!({"skills": [], "roles": "llm-engineer"}),
        json!(["PyTorch"]),
        json!("PyTorch"),
    ];
    for value in bad {
        assert!(
            !schema_errors(&validator, &value).is_empty(),
            "schema accepts {value}"
        );
        assert!(
            skillgap::input::skills_json::parse("x.json", &value.to_string(), catalog()).is_err(),
            "reader accepts {value}"
        );
    }
}

const REPORT_SCHEMA: &str = "schema/report.schema.json";

/// The report schema as the types generate it, written as the checked-in file is.
fn generated_report_schema() -> String {
    let mut text =
        serde_json::to_string_pretty(&skillgap::report::json_schema()).expect("serialisable");
    text.push('\n');
    text
}

#[test]
fn report_schema_is_the_one_the_types_generate() {
    let generated = generated_report_schema();
    if std::env::var_os("SKILLGAP_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(REPORT_SCHEMA, &generated).expect("writes the schema");
        return;
    }
    let checked_in = std::fs::read_to_string(REPORT_SCHEMA).unwrap_or_default();
    assert!(
        checked_in == generated,
        "{REPORT_SCHEMA} differs from what src/report.rs generates; if the report types changed on \
         purpose, regenerate it with `SKILLGAP_BLESS=1 cargo test --test it schema::` and review the diff"
    );
}

/// Runs the binary (dates fixed, so "present" does not move) and returns its standard output.
fn skillgap(args: &[&str], stdin: &str) -> String {
    let output = assert_cmd::Command::cargo_bin("skillgap")
        .expect("binary")
        .args(args)
        .env("SKILLGAP_TODAY", "2026-11-28")
        .write_stdin(stdin)
        .output()
        .expect("runs");
    assert!(
        output.status.code().is_some_and(|code| code <= 1),
        "skillgap {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// The files of `dir` that are résumés or skills files (not expected results, labels or postings).
fn resume_files(dir: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .expect("directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .map(|p| p.display().to_string())
        .filter(|name| {
            let kept = [".json", ".md", ".txt"]
                .iter()
                .any(|ext| name.ends_with(ext));
            let other = [".expected.json", ".label.json", ".job.json", "posting-"]
                .iter()
                .any(|mark| name.contains(mark));
            kept && !other
        })
        .collect();
    files.sort();
    files
}

/// Reports as the binary writes them: every example input with `--format json` (alone, beside the
/// example postings, and against the postings only), a skills file that names nothing known, a
/// JSON Resume read leniently (warnings), and every line of a batch over the test résumés, as
/// JSON Lines and as a JSON array.
fn real_reports() -> Vec<(String, Value)> {
    let mut reports = Vec::new();
    let mut push_one = |what: String, text: &str| {
        let value: Value =
            serde_json::from_str(text).unwrap_or_else(|e| panic!("{what}: not JSON: {e}"));
        reports.push((what, value));
    };
    let examples = resume_files("examples");
    assert!(examples.len() >= 5, "{examples:?}");
    let postings = [
        "--job",
        "examples/llm-platform.job.json",
        "--job",
        "examples/posting-ml-engineer.txt",
    ];
    for input in &examples {
        push_one(
            format!("assess {input}"),
            &skillgap(&["assess", input, "--format", "json"], ""),
        );
        let mut with_jobs = vec!["assess", input.as_str(), "--format", "json"];
        with_jobs.extend(postings);
        push_one(format!("assess {input} --job …"), &skillgap(&with_jobs, ""));
        with_jobs.push("--only-job");
        push_one(
            format!("assess {input} --job … --only-job"),
            &skillgap(&with_jobs, ""),
        );
    }
    push_one(
        "assess, nothing recognized".into(),
        &skillgap(
            &["assess", "-", "--format", "json"],
            r#"{"skills": ["Pytorhc", "basket weaving"]}"#,
        ),
    );
    push_one(
        "assess lenient JSON Resume".into(),
        &skillgap(
            &[
                "assess",
                "tests/cmd/lenient.resume.json",
                "--format",
                "json",
            ],
            "",
        ),
    );

    let mut batch_inputs = examples.clone();
    batch_inputs.extend(resume_files("tests/fixtures/resumes"));
    batch_inputs.extend(resume_files("tests/fixtures/labelled"));
    batch_inputs.push("tests/fixtures/batch/good".into());
    let mut args: Vec<&str> = vec!["batch", "--format", "jsonl", "--quiet"];
    args.extend(batch_inputs.iter().map(String::as_str));
    args.extend(postings);
    let lines = skillgap(&args, "");
    assert!(lines.lines().count() >= 60, "{lines}");
    for (index, line) in lines.lines().enumerate() {
        push_one(format!("batch --format jsonl, line {}", index + 1), line);
    }
    args[2] = "json";
    let array: Value = serde_json::from_str(&skillgap(&args, "")).expect("a JSON array");
    for (index, report) in array.as_array().expect("an array").iter().enumerate() {
        reports.push((format!("batch --format json, item {index}"), report.clone()));
    }
    reports
}

/// Reports of the third-party corpus (JSON Resume and Markdown CVs), built through the library and
/// written as the JSON renderer writes them; none without the corpus.
fn corpus_reports() -> Vec<(String, Value)> {
    use skillgap::assess::{assess, Options};
    use skillgap::input::{read, InputFormat};
    use skillgap::render::{Format, RenderOptions, ReportFormat};

    let mut reports = Vec::new();
    let profiles = skillgap::profile::builtin_profiles(catalog()).expect("profiles");
    let roles = profiles.select(&[]).expect("all roles");
    for (sub, format) in [
        ("jsonresume", InputFormat::Jsonresume),
        ("text", InputFormat::Text),
    ] {
        let Some(dir) = common::corpus(sub) else {
            return Vec::new();
        };
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .expect("corpus folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.is_file())
            .collect();
        paths.sort();
        for path in paths {
            let Ok(skills) = read(&path, format, catalog()) else {
                continue; // the corpus tests cover what cannot be read
            };
            let report = assess(&skills, &roles, catalog(), &Options::default());
            let mut out = Vec::new();
            ReportFormat::Json
                .renderer()
                .render(&report, &RenderOptions::default(), &mut out)
                .expect("renders");
            let value = serde_json::from_slice(&out).expect("JSON");
            reports.push((path.display().to_string(), value));
        }
    }
    reports
}

#[test]
fn real_reports_pass_the_report_schema_and_use_every_field() {
    let validator = schema("report.schema.json");
    let schema_value = read_json(Path::new(REPORT_SCHEMA));
    let mut reports = real_reports();
    reports.extend(corpus_reports());
    let mut seen = BTreeSet::new();
    for (what, report) in &reports {
        let errors = schema_errors(&validator, report);
        assert!(errors.is_empty(), "{what}: {errors:?}");
        field_paths(report, "", &mut seen);
    }
    let mut declared = BTreeSet::new();
    declared_paths(&schema_value, &schema_value, "", &mut declared);
    let never_written: Vec<_> = declared.difference(&seen).collect();
    assert!(
        never_written.is_empty(),
        "the schema declares fields no real report here writes (add an input that writes them): \
         {never_written:?}"
    );
    assert_eq!(
        seen, declared,
        "real reports write fields the schema does not declare"
    );
}

/// Every object field in `value`, as a path with arrays written `[]` (`roles[].matched[].via`).
fn field_paths(value: &Value, at: &str, paths: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, field) in map {
                let path = format!("{at}.{key}");
                field_paths(field, &path, paths);
                paths.insert(path);
            }
        }
        Value::Array(items) => {
            for item in items {
                field_paths(item, &format!("{at}[]"), paths);
            }
        }
        _ => {}
    }
}

/// Every property the schema declares, as [`field_paths`] writes them (`$ref`s to `$defs`
/// followed; `anyOf` branches and nullable types walked).
fn declared_paths(root: &Value, schema: &Value, at: &str, paths: &mut BTreeSet<String>) {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let pointer = reference.strip_prefix('#').expect("a local $ref");
        let target = root.pointer(pointer).expect("the $ref resolves");
        declared_paths(root, target, at, paths);
    }
    if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
        for (key, property) in properties {
            let path = format!("{at}.{key}");
            declared_paths(root, property, &path, paths);
            paths.insert(path);
        }
    }
    if let Some(items) = schema.get("items") {
        declared_paths(root, items, &format!("{at}[]"), paths);
    }
    for branches in ["anyOf", "oneOf", "allOf"] {
        for branch in schema
            .get(branches)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            declared_paths(root, branch, at, paths);
        }
    }
}

#[test]
fn report_schema_rejects_drift() {
    let validator = schema("report.schema.json");
    let good: Value = serde_json::from_str(&skillgap(
        &["assess", "examples/cv.md", "--format", "json"],
        "",
    ))
    .expect("JSON");
    assert!(schema_errors(&validator, &good).is_empty());
    assert!(good["roles"][0]["missing"][0].is_object(), "a gap to spoil");

    let spoil = |pointer: &str, value: Option<Value>| {
        let mut report = good.clone();
        let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
        let map = report
            .pointer_mut(parent)
            .and_then(Value::as_object_mut)
            .unwrap_or_else(|| panic!("{parent} is an object"));
        match value {
            Some(value) => map.insert(key.to_string(), value),
            None => map.remove(key),
        };
        report
    };
    let cases: Vec<(&str, Value)> = vec![
        ("unknown top-level field", spoil("/score", Some(json!(1)))),
        ("unknown role field", spoil("/roles/0/rank", Some(json!(1)))),
        (
            "unknown subject field",
            spoil("/subject/email", Some(json!("a@b.c"))),
        ),
        (
            "unknown gap field",
            spoil("/roles/0/missing/0/why", Some(json!(""))),
        ),
        ("schema_version 2", spoil("/schema_version", Some(json!(2)))),
        ("no schema_version", spoil("/schema_version", None)),
        ("no learning plan", spoil("/learning_plan", None)),
        ("role without a score", spoil("/roles/0/score", None)),
        (
            "score as text",
            spoil("/roles/0/score", Some(json!("78.5"))),
        ),
        (
            "score above 100",
            spoil("/roles/0/score", Some(json!(100.5))),
        ),
        (
            "negative gain",
            spoil("/roles/0/missing/0/gain", Some(json!(-1.0))),
        ),
        (
            "unknown tier",
            spoil("/roles/0/target_tier", Some(json!("junior"))),
        ),
        ("tier missing, not null", spoil("/roles/0/tier", None)),
        (
            "unknown importance",
            spoil("/roles/0/missing/0/importance", Some(json!("crucial"))),
        ),
        ("level above 4", spoil("/skills/0/level", Some(json!(5)))),
        (
            "fractional skill level",
            spoil("/skills/0/level", Some(json!(2.5))),
        ),
        (
            "last_used a word",
            spoil("/skills/0/last_used", Some(json!("recently"))),
        ),
        (
            "evidenced as text",
            spoil("/skills/0/evidenced", Some(json!("yes"))),
        ),
        (
            "subject source null",
            spoil("/subject/source", Some(Value::Null)),
        ),
        ("roles an object", spoil("/roles", Some(json!({})))),
    ];
    for (what, report) in cases {
        assert!(
            !schema_errors(&validator, &report).is_empty(),
            "the report schema accepts: {what}"
        );
    }
}
