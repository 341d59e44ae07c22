//! Batch throughput and memory, against a parse-only floor.
//!
//! `cargo bench --bench batch -- [COUNT] [--keep]` generates COUNT résumés (default 20 000; half JSON
//! Resume, half Markdown, 2–8 KB each, deterministic) under `target/bench-corpus-COUNT/`, then
//! measures, single-threaded in this process, the *floor*: walking the folder, reading every file
//! and parsing the JSON ones into `serde_json::Value` (nothing else), and the floor plus the bare
//! Aho–Corasick search of the catalog's terms over the text, with skillgap's automaton and with a
//! DFA (the least any term search costs). It then runs the release `skillgap batch` over the same
//! folder at `--jobs 1` and at every core (CSV to /dev/null, and JSON Lines at every core), each
//! under `/usr/bin/time -v` when present for the CPU time and peak memory, and prints a Markdown
//! table for BENCHMARKS.md. Each batch figure is the best of three runs (warm cache); the floors are
//! measured in turn over five rounds, the best of each. `--memory` measures the floor and makes one
//! run at every core only (for the 100k memory check); `--count-floors` runs each floor once and
//! nothing else, to be counted by callgrind.
//!
//! This is a measurement, not a test: nothing here asserts a speed.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use skillgap::extract::Scanner;

/// A small deterministic generator (xorshift64*), so every run measures the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SKILLS: &[&str] = &[
    "PyTorch",
    "TensorFlow",
    "JAX",
    "Keras",
    "CUDA",
    "Triton",
    "NCCL",
    "FSDP",
    "DeepSpeed",
    "Megatron-LM",
    "vLLM",
    "TensorRT",
    "ONNX Runtime",
    "bitsandbytes",
    "FlashAttention",
    "LoRA",
    "QLoRA",
    "RLHF",
    "DPO",
    "Hugging Face Transformers",
    "Weights & Biases",
    "MLflow",
    "DVC",
    "Ray",
    "Kubeflow",
    "Docker",
    "Kubernetes",
    "Python",
    "C++",
    "Git",
    "SQL",
    "Spark",
    "scikit-learn",
    "Slurm",
    "RAG",
    "LangChain",
    "prompt engineering",
    "mixed precision",
    "gradient checkpointing",
    "linear algebra",
    "statistics",
    "A/B testing",
    "Airflow",
    "AWS",
    "GCP",
    "Linux",
    "XGBoost",
    "Nsight",
    "CUTLASS",
    "InfiniBand",
    "red teaming",
    "interpretability",
    "CVAT",
    "Labelbox",
];

const VERBS: &[&str] = &[
    "Built",
    "Designed",
    "Led",
    "Shipped",
    "Scaled",
    "Maintained",
    "Optimized",
    "Migrated",
    "Owned",
    "Introduced",
];

const OBJECTS: &[&str] = &[
    "the training pipeline for a 7B-parameter language model",
    "an inference service handling 3,000 requests per second",
    "evaluation harnesses for ranking and retrieval models",
    "a feature store used by four product teams",
    "the data labeling workflow for a vision dataset of 2M images",
    "distributed training jobs on a 64-GPU cluster",
    "model monitoring dashboards and drift alerts",
    "a recommendation model serving 20M users",
];

const COMPANIES: &[&str] = &[
    "Acme AI",
    "Northwind Labs",
    "Globex Research",
    "Initech",
    "Umbrella Analytics",
    "Stark Industries",
    "Wayne Robotics",
    "Hooli",
    "Pied Piper",
    "Vandelay Data",
];

fn sentence(rng: &mut Rng) -> String {
    format!(
        "{} {} using {} and {}, cutting cost by {}% and latency by {} ms.",
        rng.pick(VERBS),
        rng.pick(OBJECTS),
        rng.pick(SKILLS),
        rng.pick(SKILLS),
        5 + rng.below(40),
        10 + rng.below(200)
    )
}

fn json_escape(text: &str) -> String {
    serde_json::to_string(text).expect("a string serialises")
}

fn json_resume(rng: &mut Rng, i: usize, target: usize) -> String {
    let mut work = Vec::new();
    let mut year = 2008 + rng.below(10);
    let mut size = 600;
    while size < target || work.is_empty() {
        let span = 1 + rng.below(4);
        let highlights: Vec<String> = (0..3 + rng.below(4))
            .map(|_| json_escape(&sentence(rng)))
            .collect();
        let entry = format!(
            "{{\"name\": {}, \"position\": \"Machine Learning Engineer\", \"startDate\": \"{year}-{:02}\", \"endDate\": \"{}-{:02}\", \"summary\": {}, \"highlights\": [{}]}}",
            json_escape(rng.pick(COMPANIES)),
            1 + rng.below(12),
            year + span,
            1 + rng.below(12),
            json_escape(&sentence(rng)),
            highlights.join(", ")
        );
        size += entry.len();
        work.push(entry);
        year += span;
    }
    let keywords: Vec<String> = (0..6 + rng.below(10))
        .map(|_| json_escape(rng.pick(SKILLS)))
        .collect();
    let tools: Vec<String> = (0..3 + rng.below(6))
        .map(|_| json_escape(rng.pick(SKILLS)))
        .collect();
    format!(
        "{{\n  \"basics\": {{\"name\": \"Person {i}\", \"label\": \"ML Engineer\", \"summary\": {}}},\n  \"work\": [\n    {}\n  ],\n  \"skills\": [\n    {{\"name\": \"Machine Learning\", \"level\": \"Advanced\", \"keywords\": [{}]}},\n    {{\"name\": \"Tools\", \"level\": \"Intermediate\", \"keywords\": [{}]}}\n  ]\n}}\n",
        json_escape(&sentence(rng)),
        work.join(",\n    "),
        keywords.join(", "),
        tools.join(", ")
    )
}

fn markdown_resume(rng: &mut Rng, i: usize, target: usize) -> String {
    let mut text = format!(
        "# Person {i}\n\nMachine learning engineer. {}\n\n## Experience\n\n",
        sentence(rng)
    );
    let mut year = 2008 + rng.below(10);
    while text.len() < target.saturating_sub(300) {
        let span = 1 + rng.below(4);
        text.push_str(&format!(
            "### {} — ML Engineer ({year} – {})\n\n",
            rng.pick(COMPANIES),
            year + span
        ));
        for _ in 0..3 + rng.below(4) {
            text.push_str(&format!("- {}\n", sentence(rng)));
        }
        text.push('\n');
        year += span;
    }
    let skills: Vec<&str> = (0..8 + rng.below(10)).map(|_| rng.pick(SKILLS)).collect();
    text.push_str(&format!("## Skills\n\n{}\n", skills.join(", ")));
    text
}

/// Writes the corpus unless a complete one is already there.
fn corpus(count: usize) -> PathBuf {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-corpus-{count}"));
    let done = dir.join(".complete");
    if done.exists() {
        return dir;
    }
    let _ = std::fs::remove_dir_all(&dir);
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let mut bytes = 0usize;
    for i in 0..count {
        // 100 files per folder, as a real archive of résumés might be sorted.
        let sub = dir.join(format!("{:04}", i / 100));
        if i % 100 == 0 {
            std::fs::create_dir_all(&sub).expect("create the corpus folder");
        }
        let target = 2048 + rng.below(6 * 1024);
        let (name, text) = if i % 2 == 0 {
            (format!("{i:06}.json"), json_resume(&mut rng, i, target))
        } else {
            (format!("{i:06}.md"), markdown_resume(&mut rng, i, target))
        };
        bytes += text.len();
        std::fs::write(sub.join(name), text).expect("write a résumé");
    }
    std::fs::write(&done, format!("{count} files, {bytes} bytes\n")).expect("mark complete");
    dir
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// One pass of a floor: walk, read every file and parse the JSON ones; with an automaton, also run
/// it over the text (every string of a JSON file, a Markdown file whole), counting raw overlapping
/// hits and applying none of the rules. Any design that searches the text for the catalog's terms
/// pays at least the second.
fn floor_pass(dir: &Path, automaton: Option<&AhoCorasick>) -> Duration {
    fn hits(value: &serde_json::Value, automaton: &AhoCorasick) -> usize {
        match value {
            serde_json::Value::String(text) => automaton
                .find_overlapping_iter(&text.to_ascii_lowercase())
                .count(),
            serde_json::Value::Array(items) => items.iter().map(|v| hits(v, automaton)).sum(),
            serde_json::Value::Object(map) => map.values().map(|v| hits(v, automaton)).sum(),
            _ => 0,
        }
    }
    let start = Instant::now();
    let mut paths = Vec::new();
    files(dir, &mut paths);
    let (mut parsed, mut found) = (0usize, 0usize);
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("readable");
        if path.extension().is_some_and(|e| e == "json") {
            let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
            parsed += usize::from(value.is_object());
            found += automaton.map_or(0, |a| hits(&value, a));
        } else {
            parsed += usize::from(!text.is_empty());
            found += automaton.map_or(0, |a| {
                a.find_overlapping_iter(&text.to_ascii_lowercase()).count()
            });
        }
    }
    assert_eq!(parsed, paths.len());
    if automaton.is_some() {
        assert!(found > paths.len(), "every generated résumé names skills");
    }
    start.elapsed()
}

/// The floor and, unless `floor_only`, the floor with each automaton's bare search, measured in
/// turn over five rounds (so that a busy moment of the machine hits them alike); the best of each.
fn floors(dir: &Path, floor_only: bool) -> (Duration, Vec<(&'static str, Duration)>) {
    let automata = if floor_only { Vec::new() } else { automata() };
    let mut floor = Duration::MAX;
    let mut searches = vec![Duration::MAX; automata.len()];
    for _ in 0..5 {
        floor = floor.min(floor_pass(dir, None));
        for (best, (_, automaton)) in searches.iter_mut().zip(&automata) {
            *best = (*best).min(floor_pass(dir, Some(automaton)));
        }
    }
    let searches = automata.iter().map(|a| a.0).zip(searches).collect();
    (floor, searches)
}

/// The automaton `skillgap` searches with (a noncontiguous NFA, case-sensitive over the lowercase
/// spellings, run over lowercased text), and a DFA, the fastest kind to search with, over the same
/// spellings.
fn automata() -> Vec<(&'static str, AhoCorasick)> {
    let scanner = Scanner::builtin().expect("the builtin catalog builds");
    let spellings: Vec<String> = scanner.spellings().collect();
    [
        ("as skillgap builds it", AhoCorasickKind::NoncontiguousNFA),
        ("DFA", AhoCorasickKind::DFA),
    ]
    .into_iter()
    .map(|(name, kind)| {
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(kind))
            .build(&spellings)
            .expect("the spellings build an automaton");
        (name, automaton)
    })
    .collect()
}

struct Run {
    elapsed: Duration,
    /// User + system CPU seconds, from /usr/bin/time: unlike the wall clock, not inflated by other
    /// processes competing for the cores.
    cpu: Option<f64>,
    peak_kb: Option<u64>,
}

/// `skillgap batch DIR --jobs N --format F`, stdout to /dev/null; the best of `repeat` runs.
fn batch(dir: &Path, jobs: usize, format: &str, repeat: usize) -> Run {
    let binary = env!("CARGO_BIN_EXE_skillgap");
    let time = Path::new("/usr/bin/time");
    let mut best: Option<Run> = None;
    for _ in 0..repeat {
        let mut command = if time.exists() {
            let mut c = Command::new(time);
            c.arg("-v").arg(binary);
            c
        } else {
            Command::new(binary)
        };
        command
            .args(["batch", "--quiet", "--format", format, "--jobs"])
            .arg(jobs.to_string())
            .arg(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let start = Instant::now();
        let output = command.output().expect("skillgap runs");
        let elapsed = start.elapsed();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success(),
            "skillgap batch failed: {}",
            stderr.lines().take(5).collect::<Vec<_>>().join("\n")
        );
        let field = |name: &str| -> Option<f64> {
            stderr
                .lines()
                .find_map(|l| l.trim().strip_prefix(name))
                .and_then(|v| v.trim().parse().ok())
        };
        let peak_kb = field("Maximum resident set size (kbytes): ").map(|kb| kb as u64);
        let cpu = field("User time (seconds): ")
            .zip(field("System time (seconds): "))
            .map(|(user, system)| user + system);
        if best.as_ref().is_none_or(|b| elapsed < b.elapsed) {
            best = Some(Run {
                elapsed,
                cpu,
                peak_kb,
            });
        }
    }
    best.expect("at least one run")
}

/// One floor pass, in a function of its own that callgrind counts at each call site.
#[inline(never)]
fn count_floor(dir: &Path, automaton: Option<&AhoCorasick>) -> Duration {
    floor_pass(dir, automaton)
}

/// `--count-floors`: each floor once and nothing else, to be run under callgrind, whose counts
/// (unlike the clock) do not move with the load on the machine. The inclusive count under each of
/// the three calls below is one floor:
///
/// ```sh
/// valgrind --tool=callgrind --callgrind-out-file=floors.out target/release/deps/batch-* 10000 --count-floors
/// callgrind_annotate --auto=yes --inclusive=yes floors.out | grep -A1 "count_floor(dir"
/// ```
fn count_floors(dir: &Path) {
    let automata = automata();
    count_floor(dir, None);
    count_floor(dir, Some(&automata[0].1));
    count_floor(dir, Some(&automata[1].1));
}

#[allow(clippy::print_stdout)]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let count = args
        .iter()
        .find_map(|a| a.parse::<usize>().ok())
        .unwrap_or(20_000);
    if args.iter().any(|a| a == "--count-floors") {
        count_floors(&corpus(count));
        return;
    }
    // `--memory`: one run at every core only (the 100k peak-memory check).
    let memory_only = args.iter().any(|a| a == "--memory");
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let dir = corpus(count);
    let per_sec = |d: Duration| count as f64 / d.as_secs_f64();

    let (floor, searches) = floors(&dir, memory_only);
    println!("corpus: {count} résumés in {}", dir.display());
    println!(
        "{}",
        std::fs::read_to_string(dir.join(".complete"))
            .unwrap_or_default()
            .trim()
    );
    println!();
    println!(
        "| run | wall (s) | résumés/s | × floor (wall) | CPU (s) | × floor (CPU) | peak RSS (MB) |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    println!(
        "| floor: read + parse JSON, 1 thread | {:.2} | {:.0} | 1.00 | {:.2} | 1.00 | — |",
        floor.as_secs_f64(),
        per_sec(floor),
        floor.as_secs_f64()
    );
    for (name, search) in searches {
        let ratio = search.as_secs_f64() / floor.as_secs_f64();
        println!(
            "| floor + the bare term search ({name}), 1 thread | {:.2} | {:.0} | {ratio:.2} | {:.2} | {ratio:.2} | — |",
            search.as_secs_f64(),
            per_sec(search),
            search.as_secs_f64()
        );
    }
    let mut runs = Vec::new();
    if !memory_only {
        runs.push((1, "csv"));
        if cores > 1 {
            runs.push((cores, "csv"));
        }
    }
    runs.push((cores, "jsonl"));
    for (jobs, format) in runs {
        let run = batch(&dir, jobs, format, if memory_only { 1 } else { 3 });
        println!(
            "| `batch --jobs {jobs} --format {format}` | {:.2} | {:.0} | {:.2} | {} | {} | {} |",
            run.elapsed.as_secs_f64(),
            per_sec(run.elapsed),
            run.elapsed.as_secs_f64() / floor.as_secs_f64(),
            run.cpu.map_or("—".to_string(), |c| format!("{c:.2}")),
            run.cpu.map_or("—".to_string(), |c| format!(
                "{:.2}",
                c / floor.as_secs_f64()
            )),
            run.peak_kb
                .map_or("—".to_string(), |kb| format!("{:.1}", kb as f64 / 1024.0))
        );
    }
}
