//! Where `-o`, `--save` and `diff -o` write: a regular file is replaced atomically (a temporary
//! file, then a rename, keeping the file's mode); a device node, a FIFO and a link to the process's
//! own standard output are written through, never replaced by a regular file; a symlink to a
//! regular file replaces its target and keeps the link; an interrupted `batch -o` leaves no
//! temporary file. Every node is private, in a temporary folder: never the machine's `/dev/null`
//! or `/dev/stdout`.

#![cfg(unix)]

use crate::common::{path_str, skillgap};
use std::fs;
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output};

/// What `assess examples/jordan.json --format json` prints.
fn jordan_report() -> Vec<u8> {
    let run = skillgap(&["assess", "examples/jordan.json", "--format", "json"]);
    assert!(run.status.success());
    run.stdout
}

/// `assess examples/jordan.json --format json -o PATH`.
fn jordan_json_to(path: &Path) -> Output {
    skillgap(&[
        "assess",
        "examples/jordan.json",
        "--format",
        "json",
        "-o",
        path_str(path),
    ])
}

fn no_temporary_files(dir: &Path) {
    let left: Vec<_> = fs::read_dir(dir)
        .expect("readable")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".skillgap-"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

#[test]
#[allow(clippy::print_stdout)]
fn a_device_node_stays_a_device() {
    let dir = tempfile::tempdir().expect("temp dir");
    let null = dir.path().join("null");
    // A private null device: creating one needs root (as in Docker and CI); elsewhere say so.
    let made = Command::new("mknod")
        .args(["-m", "666", path_str(&null), "c", "1", "3"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !made {
        println!("note: mknod is not permitted here (not root); the device-node case is skipped");
        return;
    }
    for args in [
        vec!["assess", "examples/jordan.json", "-o"],
        vec![
            "batch",
            "tests/fixtures/batch/good",
            "--format",
            "csv",
            "-o",
        ],
        vec![
            "diff",
            "examples/new-grad.json",
            "examples/jordan.json",
            "-o",
        ],
    ] {
        let mut args = args.clone();
        args.push(path_str(&null));
        let run = skillgap(&args);
        assert!(
            run.status.code().is_some_and(|c| c < 2),
            "{args:?}: {run:?}"
        );
        let kind = fs::symlink_metadata(&null)
            .expect("still there")
            .file_type();
        assert!(
            kind.is_char_device(),
            "{args:?} replaced the device with {kind:?}"
        );
    }
    no_temporary_files(dir.path());
}

#[test]
fn a_fifo_is_written_through_to_its_reader() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("report.fifo");
    let made = Command::new("mkfifo")
        .arg(path_str(&fifo))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let reader_path = fifo.clone();
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        fs::File::open(&reader_path)
            .and_then(|mut f| f.read_to_end(&mut bytes))
            .expect("reads the FIFO");
        bytes
    });
    let run = jordan_json_to(&fifo);
    assert!(run.status.success(), "{run:?}");
    let read = reader.join().expect("reader thread");
    assert_eq!(read, jordan_report());
    assert!(fs::symlink_metadata(&fifo)
        .expect("still there")
        .file_type()
        .is_fifo());
    no_temporary_files(dir.path());
}

#[test]
fn a_link_to_the_own_stdout_writes_to_stdout() {
    // What /dev/stdout is on Linux, made privately.
    if !Path::new("/proc/self/fd/1").exists() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let stdout = dir.path().join("stdout");
    std::os::unix::fs::symlink("/proc/self/fd/1", &stdout).expect("symlink");
    let run = jordan_json_to(&stdout);
    assert!(run.status.success(), "{run:?}");
    assert_eq!(run.stdout, jordan_report());
    assert!(fs::symlink_metadata(&stdout)
        .expect("still there")
        .file_type()
        .is_symlink());
}

#[test]
fn a_symlink_replaces_its_target_and_a_file_keeps_its_mode() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("report.json");
    fs::write(&target, "old").expect("write");
    fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).expect("chmod");
    let link = dir.path().join("latest.json");
    std::os::unix::fs::symlink("report.json", &link).expect("symlink");
    let run = jordan_json_to(&link);
    assert!(run.status.success(), "{run:?}");
    assert!(fs::symlink_metadata(&link)
        .expect("link")
        .file_type()
        .is_symlink());
    assert_eq!(fs::read(&target).expect("target"), jordan_report());
    let mode = fs::metadata(&target).expect("target").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the replaced file keeps its mode");

    // A dangling link: the report is created where it points.
    let dangling = dir.path().join("next.json");
    std::os::unix::fs::symlink("made-later.json", &dangling).expect("symlink");
    let run = skillgap(&["assess", "examples/jordan.json", "-o", path_str(&dangling)]);
    assert!(run.status.success(), "{run:?}");
    assert!(fs::symlink_metadata(&dangling)
        .expect("link")
        .file_type()
        .is_symlink());
    assert!(dir.path().join("made-later.json").is_file());
    no_temporary_files(dir.path());
}

/// Starts `batch - -o out.csv` with standard input held open, so the run waits with its temporary
/// file in place; sends `signal`; returns the exit code once it ends.
fn interrupted_batch(dir: &Path, signal: &str) -> Option<i32> {
    let out = dir.join("out.csv");
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("skillgap"))
        .args(["batch", "-", "--format", "csv", "-o", path_str(&out)])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("starts");
    let has_temporary = || {
        fs::read_dir(dir)
            .expect("readable")
            .filter_map(Result::ok)
            .any(|e| e.file_name().to_string_lossy().starts_with(".skillgap-"))
    };
    let mut waited = 0;
    while !has_temporary() {
        assert!(waited < 600, "no temporary file appeared within a minute");
        std::thread::sleep(std::time::Duration::from_millis(100));
        waited += 1;
    }
    let sent = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let status = child.wait().expect("ends");
    drop(child.stdin.take());
    status.code()
}

#[test]
fn an_interrupted_batch_leaves_no_temporary_file_and_the_old_report() {
    for (signal, code) in [("-TERM", 143), ("-INT", 130)] {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::write(dir.path().join("out.csv"), "old report\n").expect("write");
        assert_eq!(
            interrupted_batch(dir.path(), signal),
            Some(code),
            "{signal}"
        );
        no_temporary_files(dir.path());
        assert_eq!(
            fs::read_to_string(dir.path().join("out.csv")).expect("kept"),
            "old report\n"
        );
    }
}

/// `-o` never replaces an input, whatever name reaches it (the same path, a symlink, a hard
/// link), in assess, diff and job; the input is left as it was.
#[test]
fn an_output_that_is_an_input_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("me.json");
    fs::copy("examples/jordan.json", &input).expect("copies");
    let original = fs::read(&input).expect("reads");
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&input, &link).expect("symlink");
    let hard = dir.path().join("hard.json");
    fs::hard_link(&input, &hard).expect("hard link");
    for output in [&input, &link, &hard] {
        for args in [
            vec!["assess", path_str(&input), "-o", path_str(output)],
            vec![
                "diff",
                "examples/jordan.json",
                path_str(&input),
                "-o",
                path_str(output),
            ],
        ] {
            let run = skillgap(&args);
            assert_eq!(run.status.code(), Some(2), "{args:?}");
            let stderr = String::from_utf8_lossy(&run.stderr);
            assert!(
                stderr.contains("is the output and also an input"),
                "{stderr}"
            );
        }
    }
    let posting = dir.path().join("posting.txt");
    fs::copy("examples/posting-ml-engineer.txt", &posting).expect("copies");
    let run = skillgap(&["job", path_str(&posting), "-o", path_str(&posting)]);
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(
        fs::read(&input).expect("reads"),
        original,
        "the input is untouched"
    );
    assert!(fs::symlink_metadata(&link)
        .expect("link")
        .file_type()
        .is_symlink());
}

/// `-o -` is standard output, as `-` is for inputs: no file named `-` appears.
#[test]
fn dash_as_output_is_standard_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = assert_cmd::Command::cargo_bin("skillgap")
        .expect("binary")
        .current_dir(dir.path())
        .arg("assess")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/jordan.json"))
        .args(["--format", "json", "-o", "-"])
        .output()
        .expect("runs");
    assert!(run.status.success(), "{run:?}");
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON on stdout");
    assert_eq!(report["subject"]["name"], "Jordan Alvarez");
    assert!(!dir.path().join("-").exists());
}
