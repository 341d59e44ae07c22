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
