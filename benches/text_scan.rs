//! Text-résumé throughput: generates a few thousand Markdown résumés (deterministically) and times
//! `input::text::parse` on one thread, so the figure is résumés per second per core.
//!
//! Run: `cargo bench --bench text_scan` (optionally `-- COUNT`). Figures go in BENCHMARKS.md.

#![allow(clippy::print_stdout)] // a benchmark reports on stdout

use std::hint::black_box;
use std::time::Instant;

use skillgap::catalog::Catalog;
use skillgap::extract::Scanner;
use skillgap::input::text;

/// A small deterministic generator (64-bit LCG), so every run times the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const VERBS: &[&str] = &[
    "Built",
    "Trained",
    "Shipped",
    "Optimised",
    "Designed",
    "Debugged",
    "Scaled",
    "Migrated",
];
const FILLER: &[&str] = &[
    "for the search team",
    "cutting latency by 40%",
    "across three regions",
    "with a team of five engineers",
    "which sparked a wider rewrite",
    "and wrote the on-call runbook",
    "(see https://example.com/pytorch-notes for details)",
    "reviewed by Ray, my manager, who let me go deep",
];
const MONTHS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn resume(rng: &mut Rng, terms: &[&str], index: usize) -> String {
    let mut out = String::new();
    if rng.below(3) == 0 {
        out.push_str("---\nlayout: page\ntitle: CV\ntags: [spark, kubernetes]\n---\n\n");
    }
    out.push_str(&format!(
        "# Person {index}\n\nEngineer · person{index}@example.org · [site](https://example.org/{index})\n\n## Experience\n\n"
    ));
    let mut year = 2010 + rng.below(10) as i32;
    for job in 0..2 + rng.below(3) {
        let end = year + 1 + rng.below(4) as i32;
        let end_text = if end >= 2026 {
            "present".to_string()
        } else {
            format!("{} {end}", rng.pick(MONTHS))
        };
        out.push_str(&format!(
            "### Engineer {job}, Company {} ({} {year} – {end_text})\n\n",
            rng.below(1000),
            rng.pick(MONTHS)
        ));
        for _ in 0..3 + rng.below(4) {
            out.push_str(&format!(
                "- {} the {} and {} pipeline {}.\n",
                rng.pick(VERBS),
                rng.pick(terms),
                rng.pick(terms),
                rng.pick(FILLER)
            ));
        }
        out.push('\n');
        year = end.min(2025);
    }
    out.push_str("## Skills\n\n");
    for label in ["Languages", "Frameworks", "Tools"] {
        let items: Vec<&str> = (0..4 + rng.below(5)).map(|_| *rng.pick(terms)).collect();
        out.push_str(&format!("- **{label}**: {}\n", items.join(", ")));
    }
    out.push_str("\n## Education\n\nMSc, Some University (2008 – 2010)\n");
    out
}

fn main() {
    let count: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(3000);
    let catalog = Catalog::builtin().expect("catalog");

    let started = Instant::now();
    let scanner = Scanner::new(catalog).expect("the builtin catalog builds a scanner");
    let build = started.elapsed();
    black_box(&scanner);

    let terms: Vec<&str> = catalog.terms().map(|t| t.text).collect();
    let mut rng = Rng(0x5eed);
    let corpus: Vec<String> = (0..count).map(|i| resume(&mut rng, &terms, i)).collect();
    let bytes: usize = corpus.iter().map(String::len).sum();

    // Warm up the cached builtin scanner (what `parse` uses) and the allocator.
    for cv in corpus.iter().take(50) {
        black_box(text::parse("warm-up.md", cv, catalog).expect("parses"));
    }

    let mut skills_found = 0;
    let cpu_before = thread_cpu_seconds();
    let started = Instant::now();
    for (i, cv) in corpus.iter().enumerate() {
        let skills = text::parse(&format!("cv{i}.md"), cv, catalog).expect("parses");
        skills_found += skills.skills.len();
        black_box(skills);
    }
    let elapsed = started.elapsed().as_secs_f64();
    let cpu = thread_cpu_seconds()
        .zip(cpu_before)
        .map(|(after, before)| after - before);

    println!(
        "text résumés: {count} generated, {:.1} KiB on average",
        bytes as f64 / count as f64 / 1024.0
    );
    println!(
        "scanner build (once per process): {:.1} ms",
        build.as_secs_f64() * 1000.0
    );
    println!(
        "parse, one thread: {:.3} s, {:.0} résumés/s/core, {:.1} MiB/s, {:.1} skills per résumé",
        elapsed,
        count as f64 / elapsed,
        bytes as f64 / elapsed / (1024.0 * 1024.0),
        skills_found as f64 / count as f64
    );
    // On a shared machine the wall clock includes time spent waiting for a core; the CPU time this
    // thread used does not.
    if let Some(cpu) = cpu.filter(|&c| c > 0.0) {
        println!(
            "parse, CPU time of the thread: {cpu:.2} s, {:.0} résumés per CPU-second",
            count as f64 / cpu
        );
    }
}

/// User + system CPU time of this thread, from `/proc/thread-self/stat` (Linux; clock ticks of
/// 1/100 s, the kernel's fixed USER_HZ).
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}
