//! Hostile inputs doubled four times, timed: `cargo bench --bench scaling`.
//!
//! For each input of issue 13 (unclosed markup of every kind in a text résumé, unclosed markup in
//! a JSON Resume summary, postings that share a title, a posting of unknown names, `diff` of two
//! big reports) it times the library at sizes n, 2n, 4n, 8n and 16n (the largest at the cap where
//! there is one), best of three, and prints the time per size and the ratio per doubling: about 2
//! when the work is linear, about 4 when it is quadratic. Figures go to BENCHMARKS.md; nothing
//! here asserts a speed.

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
        .map(|(&size, t)| format!("{}: {:.1} ms", shown(size), t * 1e3))
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
