//! The JSON Schemas in `schema/` agree with the code: every built-in profile, example profile and
//! example skills file passes both the schema and the reader; known-bad documents fail both; and the
//! schema's lists (skill ids, importance words, tiers) are exactly the code's.

use std::path::Path;

use serde_json::{json, Value};
use skillgap::catalog::Catalog;
use skillgap::profile::{compile, parse_profile, Importance, Tier};

fn schema(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(Path::new("schema").join(name)).expect("schema file");
    let value: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::draft202012::new(&value).expect("schema compiles")
}

fn catalog() -> &'static Catalog {
    Catalog::builtin().expect("catalog")
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("readable");
    serde_json::from_str(&text).expect("JSON")
}

fn json_files(dir: &str) -> Vec<std::path::PathBuf> {
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
