//! Where bytes go: stdout (a closed pipe is not an error) or a file written atomically (a temporary
//! file in the same folder, then a rename), so an interrupted run never leaves half a report.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use anyhow::Context;

/// The temporary file a report is written to before the rename. It is created with the mode a
/// plain new file gets (0666 less the umask), not tempfile's private 0600: a report is meant to be
/// shared.
fn temp_builder() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".skillgap-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder
}

/// Writes `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = temp_builder()
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", path.display()))?;
    temp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// A file written in pieces (a streaming report) that appears at `path` only when
/// [`AtomicFile::commit`] is called: until then the bytes go to a temporary file in the same folder,
/// which is removed if the run stops early.
pub struct AtomicFile {
    path: std::path::PathBuf,
    temp: io::BufWriter<tempfile::NamedTempFile>,
}

impl AtomicFile {
    pub fn create(path: &Path) -> anyhow::Result<AtomicFile> {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let temp = temp_builder()
            .tempfile_in(dir)
            .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
        Ok(AtomicFile {
            path: path.to_path_buf(),
            temp: io::BufWriter::with_capacity(64 * 1024, temp),
        })
    }

    /// Flushes, syncs and renames the file into place.
    pub fn commit(self) -> anyhow::Result<()> {
        let path = self.path;
        let temp = self
            .temp
            .into_inner()
            .map_err(|e| e.into_error())
            .with_context(|| format!("cannot write {}", path.display()))?;
        temp.as_file()
            .sync_all()
            .with_context(|| format!("cannot write {}", path.display()))?;
        temp.persist(&path)
            .map_err(|e| e.error)
            .with_context(|| format!("cannot write {}", path.display()))?;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.temp.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.temp.flush()
    }
}

/// Writes `bytes` to stdout; a reader that went away (`| head`) is fine.
pub fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to standard output"),
    }
}

/// Writes to `path` when given, else to stdout.
pub fn emit(path: Option<&Path>, bytes: &[u8]) -> anyhow::Result<()> {
    match path {
        Some(path) => write_atomic(path, bytes),
        None => write_stdout(bytes),
    }
}

/// A note on stderr that does not stop the run.
#[allow(clippy::print_stderr)]
pub fn warn(message: &str) {
    eprintln!("warning: {message}");
}

/// A line of information on stderr (a summary), never mixed into a report on stdout.
#[allow(clippy::print_stderr)]
pub fn note(message: &str) {
    eprintln!("{message}");
}

/// Whether to colour output for stdout, per `--color` and `NO_COLOR` (https://no-color.org).
pub fn use_color(choice: crate::cli::ColorChoice, to_file: bool) -> bool {
    use crate::cli::ColorChoice;
    if to_file {
        return false;
    }
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal()
        }
    }
}

/// The width to lay tables out in: the terminal's (at most 120), else 80.
pub fn terminal_width(to_file: bool) -> u16 {
    if to_file || !io::stdout().is_terminal() {
        return 80;
    }
    console::Term::stdout()
        .size_checked()
        .map_or(80, |(_, cols)| cols.clamp(40, 120))
}
