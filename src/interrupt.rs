//! What SIGINT (Ctrl-C) and SIGTERM do once the program has something to clean up.
//!
//! Until then they keep their default action. A temporary file that will become a report
//! ([`create_removed_on_interrupt`]) or a hook that must run first ([`on_interrupt`], the questionnaire's
//! "your answers are in …" line) installs one handler thread for both signals; when a signal
//! arrives it runs the hook, removes the temporary files still registered and ends the process
//! with 128 + the signal's number (130 for SIGINT, 143 for SIGTERM), as a shell reports it.
//! The report being replaced is untouched: only its unfinished copy goes.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once, PoisonError};

type Hook = Box<dyn Fn() + Send>;

/// Temporary files to remove when a signal ends the run.
static TEMPORARY: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// What runs before the temporary files go.
static HOOK: Mutex<Option<Hook>> = Mutex::new(None);

static INSTALL: Once = Once::new();

/// Creates a temporary file with `create` and registers its path (`path_of`) for removal if a
/// signal ends the run before [`forget`] is called for it. The handler is installed first and the
/// list stays locked while the file is made, so a signal arriving in between waits for the
/// registration instead of ending the run with the file left behind.
pub fn create_removed_on_interrupt<T, E>(
    create: impl FnOnce() -> Result<T, E>,
    path_of: impl FnOnce(&T) -> &Path,
) -> Result<T, E> {
    install();
    let mut temporary = TEMPORARY.lock().unwrap_or_else(PoisonError::into_inner);
    let made = create()?;
    temporary.push(path_of(&made).to_path_buf());
    Ok(made)
}

/// Takes `path` off the list: it was renamed into place or removed already.
pub fn forget(path: &Path) {
    TEMPORARY
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .retain(|p| p != path);
}

/// Runs `hook` when a signal ends the run, before the temporary files are removed. A later call
/// replaces the hook.
pub fn on_interrupt(hook: impl Fn() + Send + 'static) {
    install();
    *HOOK.lock().unwrap_or_else(PoisonError::into_inner) = Some(Box::new(hook));
}

/// Starts the handler thread, once. If the signals cannot be taken they keep their default action:
/// the run still ends, only the clean-up is lost.
fn install() {
    INSTALL.call_once(|| {
        use signal_hook::consts::{SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    finish(signal);
                }
            });
    });
}

fn finish(signal: i32) -> ! {
    if let Some(hook) = HOOK.lock().unwrap_or_else(PoisonError::into_inner).as_ref() {
        hook();
    }
    let temporary = std::mem::take(&mut *TEMPORARY.lock().unwrap_or_else(PoisonError::into_inner));
    for path in temporary {
        // Gone already if the rename won the race: then the report is whole, which is fine.
        let _ = std::fs::remove_file(path);
    }
    std::process::exit(128 + signal);
}
