//! What the integration tests share.

use std::path::{Path, PathBuf};

/// The third-party corpus beside the project (`../shared/corpus`), which CI has and a bare clone
/// does not.
pub const CORPUS: &str = "../shared/corpus";

/// The words a test prints when it skips for want of the corpus.
pub const SKIP_NOTE: &str = "skipping: ../shared/corpus not found (a bare clone has no ../shared)";

/// `CORPUS/sub`, or `None` after one printed line when the corpus is not there. Where it must be
/// (`SKILLGAP_REQUIRE_CORPUS=1`, which `.ci/run` sets), its absence fails the test instead.
#[allow(clippy::print_stdout)] // the note is the point: the test says it did not run
pub fn corpus(sub: &str) -> Option<PathBuf> {
    let path = Path::new(CORPUS).join(sub);
    if Path::new(CORPUS).is_dir() {
        Some(path)
    } else if std::env::var_os("SKILLGAP_REQUIRE_CORPUS").is_some_and(|v| v == "1") {
        panic!("{CORPUS} is required here (SKILLGAP_REQUIRE_CORPUS=1) but absent");
    } else {
        println!("{SKIP_NOTE}");
        None
    }
}

/// The day the in-process tests take as today, so that "Present" and the months it gives are the
/// same on every run. Set once for the whole binary (tests share the process environment, so they
/// must all agree on it), before any test that reads dates asks for it.
pub const TODAY: &str = "2026-11-28";

/// Fixes `SKILLGAP_TODAY` to [`TODAY`] for this process. Every in-process test that reads dates
/// calls it first; the value never changes, so the order in which threads call it does not matter.
pub fn fix_today() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| std::env::set_var(skillgap::input::dates::TODAY_VAR, TODAY));
}

/// The built binary run with `args`, without colour, to the end.
pub fn skillgap(args: &[&str]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("skillgap")
        .expect("binary builds")
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs")
}

/// The built-in catalog (loaded once).
pub fn catalog() -> &'static skillgap::catalog::Catalog {
    skillgap::catalog::Catalog::builtin()
        .expect("the built-in catalog loads: ids unique, references resolve, no cycles")
}

/// A temporary path as the `&str` an argument list wants.
pub fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}
