//! Hostile inputs doubled four times, timed: `cargo bench --bench scaling`.
//!
//! For each input of issue 13 (unclosed markup of every kind in a text résumé, unclosed markup in
//! a JSON Resume summary, postings that share a title, a posting of unknown names, `diff` of two
//! big reports) it times the library at sizes n, 2n, 4n, 8n and 16n (the largest at the cap where
//! there is one), best of three, and prints the time per size and the ratio per doubling: about 2
//! when the work is linear, about 4 when it is quadratic. Figures go to BENCHMARKS.md; nothing
//! here asserts a speed. `cargo bench --bench scaling -- WORD` runs only the rows whose name holds
//! WORD (`-- requirements`: assessing against one category of 25 to 200 requirements).

#![allow(clippy::print_stdout)] // printing the figures is the point

use std::time::Instant;

use serde_json::{json, Value};
use skillgap::catalog::Catalog;
use skillgap::input::{self, InputError, InputFormat};
use skillgap::profile::job;
use skillgap::report::Report;

const KIB: usize = 1024;

fn main() {
    let catalog = Catalog::builtin().expect("catalog");
    let dir = tempfile::tempdir().expect("temp dir");
    // Warm up the scanner (built once per process).
    input::parse("warm-up", "Skills: PyTorch", InputFormat::Auto, catalog).expect("parses");

    let text_sizes = [128 * KIB, 256 * KIB, 512 * KIB, 1024 * KIB, 2048 * KIB];
    for opener in ["<a", "<!--", "{%", "{{", "<style", "<script", "<a\n\n"] {
        row(
            &format!("text résumé of {opener:?}"),
            "KiB",
            &text_sizes,
            |size| {
                let text = filled("Skills: PyTorch, Docker\n\n", opener, size);
                timed(|| input::parse("bench.md", &text, InputFormat::Text, catalog))
            },
        );
    }
    row(
        "JSON Resume summary of \"{{<a\"",
        "KiB",
        &text_sizes,
        |size| {
            let summary = filled("I trained models in PyTorch. ", "{{<a", size);
            let resume = json!({"basics": {"name": "Dana Okafor", "summary": summary}}).to_string();
            timed(|| input::parse("bench.json", &resume, InputFormat::Jsonresume, catalog))
        },
    );
    let posting_file = dir.path().join("jobs.json");
    row(
        "postings with one title",
        "postings",
        &[1000, 2000, 4000, 8000, 16_000],
        |count| {
            let postings = vec![json!({"title": "ML Engineer", "skills": ["PyTorch"]}); count];
            std::fs::write(&posting_file, Value::from(postings).to_string()).expect("writes");
            timed(|| load_postings(&posting_file, catalog))
        },
    );
    row(
        "a posting's unknown names",
        "names",
        &[10_000, 20_000, 40_000, 80_000, 160_000],
        |count| {
            let mut skills = vec!["PyTorch".to_string()];
            skills.extend((0..count).map(|i| format!("Zq{i:06}")));
            let posting = json!({"title": "ML Engineer", "skills": skills});
            std::fs::write(&posting_file, posting.to_string()).expect("writes");
            timed(|| load_postings(&posting_file, catalog))
        },
    );
    row(
        "requirements in one category",
        "requirements",
        &[25, 50, 100, 200],
        |count| {
            let role = one_category_role(catalog, count);
            let person = half_known(catalog, count);
            let options = skillgap::assess::Options::default();
            // Each assessment takes well under a millisecond: the mean of 200.
            let rounds = 200;
            let total = timed(|| {
                for _ in 0..rounds {
                    std::hint::black_box(skillgap::assess::assess(
                        &person,
                        &[&role],
                        catalog,
                        &options,
                    ));
                }
                Ok::<_, ()>(())
            });
            total / f64::from(rounds)
        },
    );
    let saved = saved_report(catalog);
    row(
        "diff of two reports",
        "skills",
        &[5000, 10_000, 20_000, 40_000, 80_000],
        |count| {
            let before = with_skills(&saved, count, 0);
            let after = with_skills(&saved, count, 1);
            timed(|| Ok::<_, ()>(skillgap::diff::compare(&before, &after)))
        },
    );
}

/// A custom role whose one category requires the first `count` catalog skills (expected, working
/// at entry, proficient above): the shape of a posting that lists many tools.
fn one_category_role(catalog: &Catalog, count: usize) -> skillgap::profile::Role {
    let requirements: Vec<Value> = (catalog.skills().iter().take(count))
        .map(|skill| {
            json!({"skill": skill.id, "importance": "expected",
                   "levels": {"entry": 2, "mid": 3, "senior": 3}})
        })
        .collect();
    let profile = json!({
        "id": "wide-role", "title": "Wide role", "summary": "A bench profile.",
        "tiers": [{"id": "entry", "min_years": 0, "max_years": 2},
                  {"id": "mid", "min_years": 3, "max_years": 5},
                  {"id": "senior", "min_years": 6}],
        "categories": [{"id": "tools", "name": "Tools", "requirements": requirements}]
    });
    let text = profile.to_string();
    let parsed = skillgap::profile::parse_profile("wide-role.json", &text).expect("parses");
    skillgap::profile::compile(parsed, "wide-role.json", None, catalog, true).expect("valid")
}

/// A person who holds every other one of the first `count` catalog skills at working level.
fn half_known(catalog: &Catalog, count: usize) -> skillgap::skills::Skills {
    let skills: Vec<Value> = (catalog.skills().iter().take(count).step_by(2))
        .map(|skill| json!({"name": skill.name, "level": 2}))
        .collect();
    let text = json!({"years_experience": 4, "skills": skills}).to_string();
    input::parse("person.json", &text, InputFormat::Skillgap, catalog).expect("parses")
}

/// The roles the posting file at `path` becomes, with fresh ids.
fn load_postings(
    path: &std::path::Path,
    catalog: &Catalog,
) -> Result<Vec<job::JobRole>, InputError> {
    job::load(
        path,
        job::PostingFormat::Auto,
        catalog,
        &mut job::RoleIds::default(),
    )
}

/// The seconds `work` takes (which must succeed).
fn timed<T, E: std::fmt::Debug>(work: impl FnOnce() -> Result<T, E>) -> f64 {
    let start = Instant::now();
    let result = work();
    let seconds = start.elapsed().as_secs_f64();
    result.expect("the library call succeeds");
    seconds
}

/// Runs `run` (which makes the input of a size and returns the seconds the work on it took) at
/// each size, best of three, and prints one line: time per size, ratio per doubling.
fn row(name: &str, unit: &str, sizes: &[usize], mut run: impl FnMut(usize) -> f64) {
    // `cargo bench --bench scaling -- WORD` runs only the rows whose name holds WORD.
    let only = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    if only.is_some_and(|word| !name.contains(&word)) {
        return;
    }
    let times: Vec<f64> = sizes
        .iter()
        .map(|&size| (0..3).map(|_| run(size)).fold(f64::INFINITY, f64::min))
        .collect();
    let shown = |size: usize| {
        if unit == "KiB" {
            format!("{} KiB", size / KIB)
        } else {
            format!("{size} {unit}")
        }
    };
    let cells: Vec<String> = sizes
        .iter()
        .zip(&times)
        .map(|(&size, t)| match t * 1e3 {
            ms if ms < 1.0 => format!("{}: {:.0} µs", shown(size), t * 1e6),
            ms => format!("{}: {ms:.1} ms", shown(size)),
        })
        .collect();
    let ratios: Vec<String> = times
        .windows(2)
        .map(|w| format!("{:.2}", w[1] / w[0]))
        .collect();
    println!(
        "{name:<34} {} | ratios {}",
        cells.join(", "),
        ratios.join(" ")
    );
}

/// `head`, then `unit` repeated up to `size` bytes in all.
fn filled(head: &str, unit: &str, size: usize) -> String {
    head.to_string() + &unit.repeat((size - head.len()) / unit.len())
}

/// A report of the example résumé, to copy with other skills (the roles stay its own).
fn saved_report(catalog: &Catalog) -> Value {
    let text = std::fs::read_to_string("examples/jordan.json").expect("the example résumé");
    let skills = input::parse("jordan.json", &text, InputFormat::Auto, catalog).expect("parses");
    let profiles = skillgap::profile::builtin_profiles(catalog).expect("profiles");
    let roles: Vec<_> = profiles.roles().iter().collect();
    let report = skillgap::assess::assess(&skills, &roles, catalog, &Default::default());
    serde_json::to_value(&report).expect("serializes")
}

/// `saved` with `count` made-up skills, shifted by `shift` thousand ids and one level.
fn with_skills(saved: &Value, count: usize, shift: usize) -> Report<'static> {
    let mut report = saved.clone();
    report["skills"] = (shift * 1000..count + shift * 1000)
        .map(|i| {
            json!({"id": format!("s{i:06}"), "name": format!("S{i:06}"),
                   "level": 1 + (i + shift) % 4, "evidence": null, "via": "name"})
        })
        .collect();
    serde_json::from_value(report).expect("a report")
}
