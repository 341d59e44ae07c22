//! JSON Resume reading and job postings, timed: `cargo bench --bench jsonresume`.
//!
//! Reads every résumé of the shared corpus (`../shared/corpus/jsonresume`) many times over — parse
//! (lenient), skills, prose scan, dates — and turns the hundred postings of `jobs_eval_corpus.json`
//! into roles, then prints résumés and postings per second on one core. Figures go to
//! BENCHMARKS.md; nothing here asserts a speed.

#![allow(clippy::print_stdout)] // printing the figures is the point

use std::path::Path;
use std::time::Instant;

use skillgap::catalog::Catalog;
use skillgap::input::{self, InputFormat};
use skillgap::profile::job;

fn main() {
    let corpus = Path::new("../shared/corpus");
    let catalog = Catalog::builtin().expect("catalog");
    let mut resumes: Vec<(String, String)> = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(corpus.join("jsonresume"))
        .expect("the shared corpus beside the crate")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let text = std::fs::read_to_string(&path).expect("UTF-8");
        if !text.trim().is_empty() {
            resumes.push((path.display().to_string(), text));
        }
    }
    // Warm up the scanner (built once per process).
    input::json_resume::parse("warm-up", &resumes[0].1, catalog).expect("parses");

    let rounds = 100;
    let bytes: usize = resumes.iter().map(|(_, t)| t.len()).sum::<usize>() * rounds;
    let start = Instant::now();
    let mut skills_found = 0;
    for _ in 0..rounds {
        for (name, text) in &resumes {
            let skills = input::parse(name, text, InputFormat::Auto, catalog).expect("parses");
            skills_found += skills.skills.len();
        }
    }
    let elapsed = start.elapsed().as_secs_f64();
    let count = resumes.len() * rounds;
    println!(
        "JSON Resume: {count} résumés ({:.1} MB) in {elapsed:.2} s = {:.0} résumés/s on one core ({skills_found} skills)",
        bytes as f64 / 1e6,
        count as f64 / elapsed
    );

    // How much of that is the catalog's misspelling search for names it does not know.
    let mut unknown: Vec<String> = Vec::new();
    for (name, text) in &resumes {
        let skills = input::parse(name, text, InputFormat::Auto, catalog).expect("parses");
        unknown.extend(skills.unrecognized.into_iter().map(|u| u.input));
    }
    let start = Instant::now();
    for _ in 0..rounds {
        for name in &unknown {
            std::hint::black_box(catalog.resolve(name));
        }
    }
    println!(
        "  of which resolving the {} unrecognized names ({} per pass): {:.2} s",
        unknown.len() * rounds,
        unknown.len(),
        start.elapsed().as_secs_f64()
    );
    // The same names in a fresh catalog each time: the misspelling search itself, before the
    // catalog has cached its answers (the passes above mostly repeat names it has seen).
    let catalog_json = std::fs::read_to_string("data/catalog.json").expect("the crate's catalog");
    let cold_rounds = 10;
    let mut cold = 0.0;
    for _ in 0..cold_rounds {
        let fresh = Catalog::from_json(&catalog_json).expect("catalog");
        let start = Instant::now();
        for name in &unknown {
            std::hint::black_box(fresh.resolve(name));
        }
        cold += start.elapsed().as_secs_f64();
    }
    let searched = unknown.len() * cold_rounds;
    println!(
        "  the misspelling search uncached: {searched} names in {cold:.2} s = {:.0} µs a name",
        cold * 1e6 / searched as f64
    );

    let postings = corpus.join("schema/jobs_eval_corpus.json");
    let rounds = 20;
    let start = Instant::now();
    let mut roles = 0;
    for _ in 0..rounds {
        roles += job::load(
            &postings,
            job::PostingFormat::Auto,
            catalog,
            &mut job::RoleIds::default(),
        )
        .expect("postings load")
        .len();
    }
    let elapsed = start.elapsed().as_secs_f64();
    println!(
        "Job postings: {} postings read into {roles} roles in {elapsed:.2} s = {:.0} postings/s on one core",
        100 * rounds,
        (100 * rounds) as f64 / elapsed
    );
}
