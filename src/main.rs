use std::process::ExitCode;

use clap::Parser;

/// A faster allocator than the system one: a report allocates many small strings (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[allow(clippy::print_stderr)]
fn main() -> ExitCode {
    let cli = skillgap::cli::Cli::parse();
    match skillgap::run(cli) {
        Ok(outcome) => outcome.exit_code(),
        Err(error) if skillgap::is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}
