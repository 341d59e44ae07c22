//! Many résumés at once: `skillgap batch PATH...`.
//!
//! Inputs are files, folders (searched recursively in name order, hidden entries skipped, only
//! résumé-like extensions taken) and JSON Lines (`-` for standard input, or a `.jsonl` file), one
//! person per line. The work is per person and independent, so it runs on a rayon pool of `--jobs`
//! threads, and it streams:
//!
//! - one producer thread walks the inputs and hands each one to the pool;
//! - a worker reads, parses, assesses and *renders* its input into bytes;
//! - the calling thread writes the rendered results in input order, holding back any that finish
//!   early in a reorder buffer.
//!
//! A fixed number of tokens bounds how many inputs may be in flight or waiting in that buffer, so
//! memory depends on `--jobs`, never on the number of inputs. An input that cannot be read is
//! reported (stderr, and in the formats that carry failures) and counted; the others go on.

use std::collections::BTreeMap;
use std::io::{self, BufRead, BufReader, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use anyhow::Context as _;

use crate::assess::{self, Options};
use crate::catalog::Catalog;
use crate::input::{self, InputError, InputFormat};
use crate::profile::Role;
use crate::render::{BatchContext, BatchRecord, BatchRender, BatchSummary};
use crate::report::Report;

/// File extensions taken from a folder (any file named on the command line is read whatever its
/// name). `.jsonl` and `.ndjson` files hold one person per line.
pub const RESUME_EXTENSIONS: [&str; 5] = ["json", "md", "markdown", "txt", "text"];
pub const JSON_LINES_EXTENSIONS: [&str; 2] = ["jsonl", "ndjson"];

/// Everything a batch run needs, resolved from the command line.
pub struct BatchConfig<'a> {
    pub catalog: &'a Catalog,
    /// The roles to assess (all, or those named with `--role`).
    pub roles: Vec<&'a Role>,
    pub options: Options,
    pub input_format: InputFormat,
    /// A person whose best assessed role scores below this fails the gate.
    pub min_score: Option<f64>,
    /// Worker threads.
    pub jobs: usize,
    /// Show a progress bar (only ever on a terminal).
    pub progress: bool,
}

/// One thing to assess.
enum Job {
    /// A résumé file.
    File(PathBuf),
    /// One line of a JSON Lines stream: `stream` is `-` or the file's path, `line` counts from 1.
    Line {
        stream: String,
        line: usize,
        bytes: Vec<u8>,
    },
}

impl Job {
    /// Where it came from, for messages: the path, or `stream:line`.
    fn location(&self) -> String {
        match self {
            Job::File(path) => path.display().to_string(),
            Job::Line { stream, line, .. } => format!("{stream}:{line}"),
        }
    }
}

/// An input that could not be assessed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Failure {
    /// The path, or `-` / the `.jsonl` file for a line of JSON Lines.
    source: String,
    line: Option<usize>,
    column: Option<usize>,
    message: String,
}

impl Failure {
    fn new(source: impl Into<String>, message: impl Into<String>) -> Failure {
        Failure {
            source: source.into(),
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// `source:line:column` as far as known, for stderr.
    fn location(&self) -> String {
        match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{}:{line}:{column}", self.source),
            (Some(line), None) => format!("{}:{line}", self.source),
            _ => self.source.clone(),
        }
    }

    /// The message with its position in words, for a report row that has the source beside it.
    fn detail(&self) -> String {
        match (self.line, self.column) {
            (Some(line), Some(column)) => format!("line {line}, column {column}: {}", self.message),
            (Some(line), None) => format!("line {line}: {}", self.message),
            _ => self.message.clone(),
        }
    }
}

/// What the producer hands on: a job, an input that failed before it became one, or an entry of a
/// folder passed over (a FIFO, a device, a broken or folder link; a JSON Lines file of skillgap's
/// own reports), named on stderr.
enum Item {
    Job(Job),
    Failed(Failure),
    Skipped {
        path: String,
        reason: &'static str,
        own_report: bool,
    },
}

/// A finished input, rendered.
struct Done {
    index: usize,
    bytes: Vec<u8>,
    status: Status,
}

enum Status {
    Assessed {
        below: bool,
    },
    Failed(Failure),
    /// Passed over: the warning, and whether it was a report skillgap wrote.
    Skipped {
        message: String,
        own_report: bool,
    },
}

/// How many inputs may be in flight or waiting to be written per worker thread (plus a constant).
const WINDOW_PER_JOB: usize = 8;
const WINDOW_BASE: usize = 16;

/// Assesses every input under `paths`, writing the rendered reports to `out` in input order.
/// Returns the summary; failures of single inputs are in it (and were reported on stderr), while
/// an error is returned only when the output itself cannot be written.
pub fn run(
    config: &BatchConfig<'_>,
    paths: &[PathBuf],
    renderer: &dyn BatchRender,
    context: &BatchContext,
    out: &mut dyn Write,
) -> anyhow::Result<BatchSummary> {
    let jobs = config.jobs.max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("skillgap-batch-{i}"))
        .build()
        .context("cannot start the worker threads")?;
    let window = jobs * WINDOW_PER_JOB + WINDOW_BASE;
    let progress = Progress::new(config.progress);

    let mut head = Vec::new();
    renderer.header(context, &mut head)?;
    out.write_all(&head)?;

    let (token_tx, token_rx) = mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        token_tx
            .send(())
            .map_err(|_| anyhow::anyhow!("the batch's work queue closed before it started"))?;
    }
    let (done_tx, done_rx) = mpsc::channel::<Done>();

    let progress = &progress;
    let writer = &mut *out;
    let result = std::thread::scope(move |scope| -> anyhow::Result<BatchSummary> {
        // Both channel ends below are owned by this closure: when it returns, early on a write
        // error too, the producer's next wait for a token fails and it stops.
        let token_tx = token_tx;
        let done_rx = done_rx;
        let producer_done_tx = done_tx.clone();
        scope.spawn(move || {
            pool.in_place_scope(|pool_scope| {
                let mut index = 0;
                walk(paths, &mut |item| {
                    // Wait for room in the window; the writer gave up when the tokens are gone.
                    if token_rx.recv().is_err() {
                        return false;
                    }
                    index += 1;
                    let index = index;
                    match item {
                        Item::Failed(failure) => producer_done_tx
                            .send(Done {
                                index,
                                bytes: Vec::new(),
                                status: Status::Failed(failure),
                            })
                            .is_ok(),
                        Item::Skipped {
                            path,
                            reason,
                            own_report,
                        } => producer_done_tx
                            .send(Done {
                                index,
                                bytes: Vec::new(),
                                status: Status::Skipped {
                                    message: format!("skipped {path}: {reason}"),
                                    own_report,
                                },
                            })
                            .is_ok(),
                        Item::Job(job) => {
                            let done_tx = producer_done_tx.clone();
                            pool_scope.spawn(move |_| {
                                let done = process(index, job, config, renderer, context);
                                // The writer may have stopped (closed pipe): nothing to do then.
                                let _ = done_tx.send(done);
                            });
                            true
                        }
                    }
                });
            });
        });
        drop(done_tx);

        let mut summary = BatchSummary::default();
        let mut next = 1;
        let mut pending: BTreeMap<usize, Done> = BTreeMap::new();
        let mut wrote_entry = false;
        for done in &done_rx {
            pending.insert(done.index, done);
            while let Some(done) = pending.remove(&next) {
                next += 1;
                let mut bytes = done.bytes;
                match done.status {
                    Status::Assessed { below } => {
                        summary.assessed += 1;
                        summary.below += usize::from(below);
                    }
                    Status::Failed(failure) => {
                        summary.failed += 1;
                        progress.report_error(&format!(
                            "{}: {}",
                            failure.location(),
                            failure.message
                        ));
                        renderer.failure(
                            done.index,
                            &failure.source,
                            &failure.detail(),
                            context,
                            &mut bytes,
                        )?;
                    }
                    Status::Skipped {
                        message,
                        own_report,
                    } => {
                        summary.skipped += 1;
                        summary.skipped_reports += usize::from(own_report);
                        progress.report_warning(&message);
                    }
                }
                if !bytes.is_empty() {
                    if wrote_entry {
                        writer.write_all(renderer.separator())?;
                    }
                    writer.write_all(&bytes)?;
                    wrote_entry = true;
                }
                progress.advance(&summary);
                // Room for one more input; the producer may have finished already.
                let _ = token_tx.send(());
            }
        }
        Ok(summary)
    });
    progress.finish();
    let summary = result?;

    let mut tail = Vec::new();
    renderer.footer(&summary, context, &mut tail)?;
    out.write_all(&tail)?;
    out.flush()?;
    Ok(summary)
}

/// Reads, assesses and renders one input.
fn process(
    index: usize,
    job: Job,
    config: &BatchConfig<'_>,
    renderer: &dyn BatchRender,
    context: &BatchContext,
) -> Done {
    let failed = |failure: Failure| Done {
        index,
        bytes: Vec::new(),
        status: Status::Failed(failure),
    };
    let skills = match &job {
        Job::File(path) => input::read(path, config.input_format, config.catalog),
        Job::Line { stream, bytes, .. } => input::decode(stream, bytes)
            .and_then(|text| {
                // A line of JSON Lines is one JSON record: anything else is a broken line, not
                // a text résumé of one line (unless `--input-format text` says so).
                let json = text.trim_start().starts_with(['{', '[']);
                if !json && config.input_format != InputFormat::Text {
                    return Err(InputError::invalid(
                        stream,
                        "not a JSON record: each line of JSON Lines holds one JSON object (a skills JSON or a JSON Resume)",
                    ));
                }
                input::parse(stream, &text, config.input_format, config.catalog)
            }),
    };
    let skills = match (skills, &job) {
        (Ok(skills), _) => skills,
        // A report skillgap wrote is no person: passed over and named, not failed.
        (Err(InputError::OwnReport { kind, .. }), _) => {
            return Done {
                index,
                bytes: Vec::new(),
                status: Status::Skipped {
                    message: format!(
                        "skipped {}: {}, not a résumé",
                        job.location(),
                        crate::generator::report_words(kind)
                    ),
                    own_report: true,
                },
            }
        }
        (Err(error), Job::File(_)) => return failed(file_error(&error, &job.location())),
        (Err(error), Job::Line { stream, line, .. }) => {
            return failed(line_error(&error, stream, *line))
        }
    };
    let report: Report = assess::assess(&skills, &config.roles, config.catalog, &config.options);
    // One verdict per person, from the one gate: the summary, the exit code and the renderer
    // (JUnit's test case, the CSV status) all read this.
    let verdict = crate::gate::judge(&report, config.min_score);
    let below = verdict.is_some_and(|v| v.below);
    let mut bytes = Vec::with_capacity(1024);
    if let Err(e) = renderer.record(
        BatchRecord {
            index,
            report: &report,
            verdict,
        },
        context,
        &mut bytes,
    ) {
        return failed(Failure::new(
            job.location(),
            format!("cannot render the report: {e}"),
        ));
    }
    Done {
        index,
        bytes,
        status: Status::Assessed { below },
    }
}

/// An input error's message without the `location: ` it starts with (the caller prints it).
fn strip_location(message: &str, location: &str) -> String {
    message
        .strip_prefix(location)
        .and_then(|rest| rest.strip_prefix(": "))
        .unwrap_or(message)
        .to_string()
}

/// An error in a file, with its position when it has one.
fn file_error(error: &InputError, path: &str) -> Failure {
    match error {
        InputError::Syntax {
            line,
            column,
            message,
            ..
        } => Failure {
            source: path.to_string(),
            line: Some(*line),
            column: Some(*column),
            message: message.clone(),
        },
        other => Failure::new(path, strip_location(&other.to_string(), path)),
    }
}

/// An error in one JSON Lines record, placed in the stream: the record's line 1 is the stream's
/// line `line`, so a syntax error reads `-:12:5: …` rather than `-:1:5: …`.
fn line_error(error: &InputError, stream: &str, line: usize) -> Failure {
    match error {
        InputError::Syntax {
            line: 1,
            column,
            message,
            ..
        } => Failure {
            source: stream.to_string(),
            line: Some(line),
            column: Some(*column),
            message: message.clone(),
        },
        InputError::Syntax {
            line: inner,
            column,
            message,
            ..
        } => Failure {
            source: stream.to_string(),
            line: Some(line + inner - 1),
            column: Some(*column),
            message: message.clone(),
        },
        other => Failure {
            line: Some(line),
            ..Failure::new(stream, strip_location(&other.to_string(), stream))
        },
    }
}

/// Walks `paths` in order, calling `emit` for every input; stops early when `emit` returns false.
fn walk(paths: &[PathBuf], emit: &mut dyn FnMut(Item) -> bool) {
    for path in paths {
        if path.as_os_str() == "-" {
            let stdin = io::stdin();
            if !read_lines("-", stdin.lock(), emit) {
                return;
            }
            continue;
        }
        let keep_going = match std::fs::metadata(path) {
            Err(error) => emit(Item::Failed(Failure::new(
                path.display().to_string(),
                format!("cannot read: {error}"),
            ))),
            Ok(meta) if meta.is_dir() => {
                let mut found = false;
                let keep_going = walk_dir(path, &mut found, emit);
                if keep_going && !found {
                    emit(Item::Failed(Failure::new(
                        path.display().to_string(),
                        format!(
                            "no résumé files found in this folder (looked for .{} and .{})",
                            RESUME_EXTENSIONS.join(", ."),
                            JSON_LINES_EXTENSIONS.join(", .")
                        ),
                    )))
                } else {
                    keep_going
                }
            }
            Ok(_) => emit_file(path, emit),
        };
        if !keep_going {
            return;
        }
    }
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// A file: one job, or one per line for JSON Lines.
fn emit_file(path: &Path, emit: &mut dyn FnMut(Item) -> bool) -> bool {
    if !has_extension(path, &JSON_LINES_EXTENSIONS) {
        return emit(Item::Job(Job::File(path.to_path_buf())));
    }
    match std::fs::File::open(path) {
        Ok(file) => read_lines(&path.display().to_string(), BufReader::new(file), emit),
        Err(error) => emit(Item::Failed(Failure::new(
            path.display().to_string(),
            format!("cannot read: {error}"),
        ))),
    }
}

/// What a folder entry is to the walk.
enum Entry {
    Folder,
    File,
    Skipped(&'static str),
}

/// A folder, recursively, entries in name order. Hidden entries (a name starting with `.`) are
/// passed over silently; a link to a folder (which could loop), a broken link and what is not a
/// regular file (under a résumé-like name) are passed over and named.
fn walk_dir(dir: &Path, found: &mut bool, emit: &mut dyn FnMut(Item) -> bool) -> bool {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            return emit(Item::Failed(Failure::new(
                dir.display().to_string(),
                format!("cannot read the folder: {error}"),
            )))
        }
    };
    let mut children: Vec<(PathBuf, Entry)> = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                if !emit(Item::Failed(Failure::new(
                    dir.display().to_string(),
                    format!("cannot read the folder: {error}"),
                ))) {
                    return false;
                }
                continue;
            }
        };
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let taken = has_extension(&path, &RESUME_EXTENSIONS)
            || has_extension(&path, &JSON_LINES_EXTENSIONS);
        let is_link = entry.file_type().is_ok_and(|kind| kind.is_symlink());
        // Only regular files are read: a FIFO would wait for a writer forever, a device never
        // ends. A link is followed to a file, never to a folder (which could loop).
        let kind = match entry.file_type() {
            Ok(kind) if kind.is_dir() => Entry::Folder,
            Ok(kind) if kind.is_file() => Entry::File,
            Ok(kind) if kind.is_symlink() => match std::fs::metadata(&path) {
                Ok(meta) if meta.is_file() => Entry::File,
                Ok(meta) if meta.is_dir() => Entry::Skipped("a link to a folder, not followed"),
                Ok(_) => Entry::Skipped("a link to something that is not a regular file"),
                Err(_) => Entry::Skipped("a broken link"),
            },
            Ok(_) => Entry::Skipped("not a regular file (a FIFO, socket or device)"),
            Err(_) => Entry::Skipped("its type cannot be read"),
        };
        match kind {
            Entry::Folder => children.push((path, kind)),
            Entry::File if taken => children.push((path, kind)),
            Entry::Skipped(_) if taken || is_link => children.push((path, kind)),
            _ => {}
        }
    }
    children.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, kind) in children {
        let keep_going = match kind {
            Entry::Folder => walk_dir(&path, found, emit),
            Entry::File => {
                *found = true;
                emit_file(&path, emit)
            }
            Entry::Skipped(reason) => emit(Item::Skipped {
                path: path.display().to_string(),
                reason,
                own_report: false,
            }),
        };
        if !keep_going {
            return false;
        }
    }
    true
}

/// JSON Lines: one job per non-blank line. A stream whose first record is a skillgap report (the
/// output of `batch --format jsonl`) is passed over whole, with one warning; a report on a later
/// line is passed over on its own.
fn read_lines(stream: &str, mut reader: impl BufRead, emit: &mut dyn FnMut(Item) -> bool) -> bool {
    let mut line = 0;
    let mut first_record = true;
    loop {
        let mut bytes = Vec::new();
        match reader.read_until(b'\n', &mut bytes) {
            Ok(0) => return true,
            Ok(_) => {
                line += 1;
                if bytes.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                // The line ending is not part of the record (a cut-off record then ends on its
                // own line, where the error points).
                while bytes.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
                    bytes.pop();
                }
                if std::mem::take(&mut first_record) && is_report_record(&bytes) {
                    return emit(Item::Skipped {
                        path: stream.to_string(),
                        reason: "JSON Lines of reports written by skillgap, not résumés",
                        own_report: true,
                    });
                }
                let item = Item::Job(Job::Line {
                    stream: stream.to_string(),
                    line,
                    bytes,
                });
                if !emit(item) {
                    return false;
                }
            }
            Err(error) => {
                emit(Item::Failed(Failure {
                    line: Some(line + 1),
                    ..Failure::new(stream, format!("cannot read: {error}"))
                }));
                return false;
            }
        }
    }
}

/// Whether one line of JSON Lines is a skillgap JSON report.
fn is_report_record(bytes: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(bytes)
        .is_ok_and(|value| crate::generator::is_json_report(&value))
}

/// The progress bar: on stderr, only when asked for and stderr is a terminal.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    fn new(wanted: bool) -> Progress {
        let bar = (wanted && io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} {pos} assessed · {msg} · {rate} · {elapsed}",
                )
                .map(|style| {
                    style.with_key(
                        "rate",
                        |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                            let _ = write!(w, "{:.0}/s", state.per_sec());
                        },
                    )
                })
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Progress { bar }
    }

    fn advance(&self, summary: &BatchSummary) {
        if let Some(bar) = &self.bar {
            bar.set_position(summary.assessed as u64);
            bar.set_message(format!(
                "{} below · {} failed",
                summary.below, summary.failed
            ));
        }
    }

    /// An input error, above the bar.
    fn report_error(&self, message: &str) {
        self.above_bar(&format!("error: {message}"));
    }

    /// An entry passed over, above the bar.
    fn report_warning(&self, message: &str) {
        self.above_bar(&format!("warning: {message}"));
    }

    fn above_bar(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| crate::output::note(line)),
            None => crate::output::note(line),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`collect`] of one folder, its paths relative to it.
    fn collect_relative(root: &Path) -> Vec<String> {
        collect(&[root.to_path_buf()])
            .iter()
            .map(|s| s.replace(&format!("{}/", root.display()), ""))
            .collect()
    }

    fn collect(paths: &[PathBuf]) -> Vec<String> {
        let mut seen = Vec::new();
        walk(paths, &mut |item| {
            seen.push(match item {
                Item::Job(job) => job.location(),
                Item::Failed(failure) => format!("failed {}", failure.location()),
                Item::Skipped { path, reason, .. } => format!("skipped {path}: {reason}"),
            });
            true
        });
        seen
    }

    #[test]
    fn folders_are_walked_in_order_skipping_hidden_and_other_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/nested")).expect("mkdir");
        std::fs::create_dir_all(root.join(".git")).expect("mkdir");
        for file in [
            "z.json",
            "a.md",
            "b/nested/c.txt",
            "b/photo.png",
            ".hidden.json",
            ".git/config.json",
        ] {
            std::fs::write(root.join(file), "{}").expect("write");
        }
        std::fs::write(root.join("b/people.jsonl"), "{}\n\n{}\n").expect("write");
        let rel = collect_relative(root);
        assert_eq!(
            rel,
            [
                "a.md",
                "b/nested/c.txt",
                "b/people.jsonl:1",
                "b/people.jsonl:3",
                "z.json"
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn fifos_and_broken_or_folder_links_are_named_and_passed_over() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        std::fs::write(root.join("a.json"), "{}").expect("write");
        let fifo = root.join("b.json");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        std::os::unix::fs::symlink("missing.json", root.join("c.json")).expect("symlink");
        std::fs::create_dir(root.join("d")).expect("mkdir");
        std::os::unix::fs::symlink("d", root.join("e")).expect("symlink");
        std::os::unix::fs::symlink("a.json", root.join("f.json")).expect("symlink");
        let rel = collect_relative(root);
        assert_eq!(
            rel,
            [
                "a.json",
                "skipped b.json: not a regular file (a FIFO, socket or device)",
                "skipped c.json: a broken link",
                "skipped e: a link to a folder, not followed",
                "f.json",
            ]
        );
    }

    #[test]
    fn missing_paths_and_empty_folders_are_failures_not_stops() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("ok.json"), "{}").expect("write");
        let empty = dir.path().join("empty");
        std::fs::create_dir(&empty).expect("mkdir");
        let seen = collect(&[
            dir.path().join("nope.json"),
            empty.clone(),
            dir.path().join("ok.json"),
        ]);
        assert_eq!(seen.len(), 3);
        assert!(seen[0].starts_with("failed") && seen[0].ends_with("nope.json"));
        assert!(seen[1].starts_with("failed") && seen[1].ends_with("empty"));
        assert!(seen[2].ends_with("ok.json"));
    }

    #[test]
    fn a_stopped_writer_stops_the_walk() {
        let dir = tempfile::tempdir().expect("temp dir");
        for i in 0..5 {
            std::fs::write(dir.path().join(format!("{i}.json")), "{}").expect("write");
        }
        let mut count = 0;
        walk(&[dir.path().to_path_buf()], &mut |_| {
            count += 1;
            count < 2
        });
        assert_eq!(count, 2);
    }

    #[test]
    fn record_errors_are_placed_in_the_stream() {
        let error = InputError::Syntax {
            source_name: "-".into(),
            line: 1,
            column: 7,
            message: "expected `:`".into(),
        };
        let failure = line_error(&error, "-", 12);
        assert_eq!(failure.location(), "-:12:7");
        assert_eq!(failure.detail(), "line 12, column 7: expected `:`");
        let error = InputError::invalid("-", "level 99 is out of range");
        let failure = line_error(&error, "-", 3);
        assert_eq!(failure.location(), "-:3");
        assert_eq!(failure.message, "level 99 is out of range");
    }
}
