//! Where bytes go: stdout (a closed pipe is not an error) or a file.
//!
//! A regular file is written atomically: a temporary file in the same folder, then a rename, so an
//! interrupted run never leaves half a report (and a signal removes the temporary file, see
//! [`crate::interrupt`]). What is not a regular file is written through instead, never replaced:
//! a device (`/dev/null`), a FIFO, a terminal, and any path into `/dev` or `/proc` such as
//! `/dev/stdout`. A symlink to a regular file keeps the link and replaces its target; a dangling
//! symlink gets the report created where it points.

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

/// How a report reaches a path.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// A regular file (or none yet) at this path, replaced by a rename.
    Replace(PathBuf),
    /// Something else, opened for writing and written in place.
    WriteThrough(PathBuf),
}

/// The system's own nodes: a path there is a device or a process's file, never replaced.
fn is_system_path(path: &Path) -> bool {
    path.starts_with("/dev") || path.starts_with("/proc")
}

/// Decides how to write `path`.
fn target(path: &Path) -> io::Result<Target> {
    let meta = match fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Ok(Target::Replace(path.to_path_buf()))
        }
        Err(e) => return Err(e),
    };
    if !meta.file_type().is_symlink() {
        return Ok(if meta.is_file() {
            Target::Replace(path.to_path_buf())
        } else {
            Target::WriteThrough(path.to_path_buf())
        });
    }
    // `/dev/stdout` is a link to `/proc/self/fd/1`, which may be a pipe, a terminal or the file
    // the shell redirected to: written through, the way `> /dev/stdout` is.
    if is_system_path(path) {
        return Ok(Target::WriteThrough(path.to_path_buf()));
    }
    match fs::metadata(path) {
        Ok(followed) if followed.is_file() => {
            let real = fs::canonicalize(path)?;
            Ok(if is_system_path(&real) {
                Target::WriteThrough(path.to_path_buf())
            } else {
                Target::Replace(real)
            })
        }
        Ok(_) => Ok(Target::WriteThrough(path.to_path_buf())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => link_destination(path),
        Err(e) => Err(e),
    }
}

/// Where a dangling symlink (or a chain of them) points: the path to create.
fn link_destination(link: &Path) -> io::Result<Target> {
    let mut at = link.to_path_buf();
    // The kernel's own limit on links followed in one path.
    for _ in 0..40 {
        let next = fs::read_link(&at)?;
        let next = match at.parent() {
            Some(dir) if next.is_relative() => dir.join(next),
            _ => next,
        };
        if is_system_path(&next) {
            return Ok(Target::WriteThrough(link.to_path_buf()));
        }
        match fs::symlink_metadata(&next) {
            Ok(meta) if meta.file_type().is_symlink() => at = next,
            Ok(_) => return Ok(Target::WriteThrough(link.to_path_buf())),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Target::Replace(next)),
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Opens a node that is written in place. Appending, so a `/dev/stdout` redirected by `>>` to a
/// file is added to, not overwritten from its start; a device or FIFO does not care.
fn open_through(path: &Path) -> anyhow::Result<fs::File> {
    fs::OpenOptions::new()
        .append(true)
        .open(path)
        .with_context(|| format!("cannot open {} for writing", path.display()))
}

/// The temporary file that becomes `path` on [`persist`]. A new report gets the mode a plain new
/// file gets (0666 less the umask), not tempfile's private 0600: a report is meant to be shared.
/// A report that replaces a file keeps that file's mode.
fn temp_file_for(path: &Path) -> anyhow::Result<tempfile::NamedTempFile> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".skillgap-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let temp = crate::interrupt::create_removed_on_interrupt(
        || builder.tempfile_in(dir),
        tempfile::NamedTempFile::path,
    )
    .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    if let Ok(existing) = fs::metadata(path) {
        // Best effort: a file we may not chmod is still replaced, with the default mode.
        let _ = fs::set_permissions(temp.path(), existing.permissions());
    }
    Ok(temp)
}

/// Syncs the temporary file and renames it to `path`.
fn persist(temp: tempfile::NamedTempFile, path: &Path) -> anyhow::Result<()> {
    let temp_path = temp.path().to_path_buf();
    let done = temp
        .as_file()
        .sync_all()
        .map_err(anyhow::Error::from)
        .and_then(|()| temp.persist(path).map(drop).map_err(|e| e.error.into()));
    crate::interrupt::forget(&temp_path);
    done.with_context(|| format!("cannot write {}", path.display()))
}

/// Writes `bytes` to `path`: atomically for a regular file, in place for anything else.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    match target(path).with_context(|| format!("cannot write {}", path.display()))? {
        Target::Replace(real) => {
            let mut temp = temp_file_for(&real)?;
            if let Err(e) = temp.write_all(bytes) {
                crate::interrupt::forget(temp.path());
                return Err(e).with_context(|| format!("cannot write {}", path.display()));
            }
            persist(temp, &real)
        }
        Target::WriteThrough(node) => open_through(&node)?
            .write_all(bytes)
            .with_context(|| format!("cannot write {}", path.display())),
    }
}

/// Checks, before any work, that `path` can be written: a new file is created and removed again
/// (so a name too long or a folder without write permission is found now, not after the work);
/// beside an existing file a temporary file is. A device or FIFO is not opened (a FIFO would wait
/// for a reader).
pub fn check_writable(path: &Path) -> anyhow::Result<()> {
    let cannot = || format!("cannot write {}", path.display());
    match target(path).with_context(cannot)? {
        Target::Replace(real) if real.exists() => {
            let temp = temp_file_for(&real)?;
            crate::interrupt::forget(temp.path());
            Ok(())
        }
        Target::Replace(real) => {
            fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&real)
                .with_context(cannot)?;
            fs::remove_file(&real).with_context(cannot)
        }
        Target::WriteThrough(_) => Ok(()),
    }
}

/// A file written in pieces (a streaming report) that appears at its path only when
/// [`AtomicFile::commit`] is called: until then the bytes go to a temporary file in the same folder,
/// which is removed if the run stops early. A path that is not a regular file is written through.
pub struct AtomicFile {
    path: PathBuf,
    inner: Inner,
}

enum Inner {
    Temp(io::BufWriter<tempfile::NamedTempFile>),
    Through(io::BufWriter<fs::File>),
}

impl AtomicFile {
    pub fn create(path: &Path) -> anyhow::Result<AtomicFile> {
        let (path, inner) =
            match target(path).with_context(|| format!("cannot write {}", path.display()))? {
                Target::Replace(real) => {
                    let temp = temp_file_for(&real)?;
                    (
                        real,
                        Inner::Temp(io::BufWriter::with_capacity(64 * 1024, temp)),
                    )
                }
                Target::WriteThrough(node) => {
                    let file = open_through(&node)?;
                    (
                        node,
                        Inner::Through(io::BufWriter::with_capacity(64 * 1024, file)),
                    )
                }
            };
        Ok(AtomicFile { path, inner })
    }

    /// Flushes, syncs and renames the file into place.
    pub fn commit(self) -> anyhow::Result<()> {
        let path = self.path;
        match self.inner {
            Inner::Temp(writer) => match writer.into_inner() {
                Ok(temp) => persist(temp, &path),
                Err(e) => {
                    let (error, writer) = e.into_parts();
                    crate::interrupt::forget(writer.get_ref().path());
                    Err(error).with_context(|| format!("cannot write {}", path.display()))
                }
            },
            Inner::Through(mut writer) => writer
                .flush()
                .with_context(|| format!("cannot write {}", path.display())),
        }
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.inner {
            Inner::Temp(w) => w.write(buf),
            Inner::Through(w) => w.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.inner {
            Inner::Temp(w) => w.flush(),
            Inner::Through(w) => w.flush(),
        }
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
/// Where `-o` sends the output: `None` for standard output (no `-o`, or `-o -`).
pub fn destination(output: &Option<std::path::PathBuf>) -> Option<&Path> {
    output.as_deref().filter(|path| *path != Path::new("-"))
}

/// Refuses an output that is one of the inputs (the same file, however it is named: device and
/// inode are compared), which writing the report would destroy.
pub fn refuse_overwriting_inputs<'a>(
    output: Option<&Path>,
    inputs: impl IntoIterator<Item = &'a Path>,
) -> anyhow::Result<()> {
    let Some(output) = output else {
        return Ok(());
    };
    let Some(written) = identity(output) else {
        return Ok(());
    };
    for input in inputs {
        if input != Path::new("-") && identity(input) == Some(written) {
            anyhow::bail!(
                "{} is the output and also an input ({}); writing the report there would destroy the input — choose another -o",
                output.display(),
                input.display()
            );
        }
    }
    Ok(())
}

/// A file's device and inode (following links), when it exists.
#[cfg(unix)]
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::hash::{Hash, Hasher};
    let real = std::fs::canonicalize(path).ok()?;
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    real.hash(&mut hasher);
    Some((0, hasher.finish()))
}

pub fn emit(path: Option<&Path>, bytes: &[u8]) -> anyhow::Result<()> {
    match path {
        Some(path) => write_atomic(path, bytes),
        None => write_stdout(bytes),
    }
}

/// A note on stderr that does not stop the run.
pub fn warn(message: &str) {
    note(&format!("warning: {message}"));
}

/// What stopped the run, on stderr.
pub fn error(message: &str) {
    note(&format!("error: {message}"));
}

/// A line of information on stderr (a summary), never mixed into a report on stdout. Messages
/// quote file names, entry names and titles from untrusted inputs: their control characters are
/// shown escaped ([`crate::render::escape::terminal_text`]), so a file named with an escape
/// sequence cannot write to the terminal or a CI log.
#[allow(clippy::print_stderr)]
pub fn note(message: &str) {
    let mut stderr = io::stderr().lock();
    // A closed stderr leaves nothing to report to.
    let _ = writeln!(stderr, "{}", crate::render::escape::terminal_text(message));
}

/// Whether to colour output for stdout, per `--color` and the environment (see [`auto_color`]).
pub fn use_color(choice: crate::cli::ColorChoice, to_file: bool) -> bool {
    use crate::cli::ColorChoice;
    if to_file {
        return false;
    }
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => auto_color(io::stdout().is_terminal()),
    }
}

/// `--color auto`: a non-empty `NO_COLOR` turns colour off (https://no-color.org); else
/// `CLICOLOR_FORCE` other than `0` turns it on, `CLICOLOR=0` off (https://bixense.com/clicolors);
/// else a terminal gets colour.
pub fn auto_color(is_terminal: bool) -> bool {
    auto_color_from(|name| std::env::var_os(name), is_terminal)
}

fn auto_color_from(var: impl Fn(&str) -> Option<std::ffi::OsString>, is_terminal: bool) -> bool {
    let set = |name: &str| var(name).filter(|value| !value.is_empty());
    if set("NO_COLOR").is_some() {
        false
    } else if set("CLICOLOR_FORCE").is_some_and(|value| value != "0") {
        true
    } else if set("CLICOLOR").is_some_and(|value| value == "0") {
        false
    } else {
        is_terminal
    }
}

/// The width to lay tables out in: the terminal's (at most 120); piped, `COLUMNS` (40 to 200); else 80.
pub fn terminal_width(to_file: bool) -> u16 {
    if to_file {
        return 80;
    }
    if !io::stdout().is_terminal() {
        // Piped: the width the caller asks for (`COLUMNS=120 skillgap … | less`), else 80.
        return columns_from(std::env::var("COLUMNS").ok().as_deref());
    }
    console::Term::stdout()
        .size_checked()
        .map_or(80, |(_, cols)| cols.clamp(40, 120))
}

/// The width `COLUMNS` gives (40 to 200), or 80 when it is unset or not a number.
fn columns_from(value: Option<&str>) -> u16 {
    value
        .and_then(|v| v.trim().parse::<u16>().ok())
        .map_or(80, |cols| cols.clamp(40, 200))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_sets_the_width_of_piped_output() {
        assert_eq!(columns_from(None), 80);
        assert_eq!(columns_from(Some("120")), 120);
        assert_eq!(columns_from(Some("10")), 40);
        assert_eq!(columns_from(Some("wide")), 80);
        assert_eq!(columns_from(Some("9999")), 200);
    }

    #[test]
    fn colour_follows_no_color_then_clicolor() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| std::ffi::OsString::from(value))
            }
        };
        assert!(auto_color_from(env(&[]), true));
        assert!(!auto_color_from(env(&[]), false));
        assert!(!auto_color_from(env(&[("NO_COLOR", "1")]), true));
        assert!(auto_color_from(env(&[("NO_COLOR", "")]), true));
        assert!(auto_color_from(env(&[("CLICOLOR_FORCE", "1")]), false));
        assert!(!auto_color_from(env(&[("CLICOLOR_FORCE", "0")]), false));
        assert!(!auto_color_from(
            env(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")]),
            false
        ));
        assert!(!auto_color_from(env(&[("CLICOLOR", "0")]), true));
        assert!(auto_color_from(env(&[("CLICOLOR", "1")]), true));
        assert!(auto_color_from(
            env(&[("CLICOLOR", "0"), ("CLICOLOR_FORCE", "1")]),
            false
        ));
    }
}
