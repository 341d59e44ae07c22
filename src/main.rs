// No `unwrap` or `expect`: bad input gets an error, never a panic.
#![warn(clippy::unwrap_used, clippy::expect_used)]

use std::process::ExitCode;

use clap::Parser;

/// A faster allocator than the system one: a report allocates many small strings (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = skillgap::cli::Cli::parse();
    match skillgap::run(cli) {
        Ok(outcome) => outcome.exit_code(),
        Err(error) if skillgap::is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            skillgap::output::error(&format!("{error:#}"));
            ExitCode::from(2)
        }
    }
}
