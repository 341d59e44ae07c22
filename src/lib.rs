//! skillgap: how far a person is from a deep-learning role, and what to learn next.
//!
//! The flow reads left to right: an input (skills JSON, JSON Resume, text résumé, questionnaire)
//! becomes [`skills::Skills`]; [`assess::assess`] scores them against [`profile::Role`]s into a
//! [`report::Report`]; a renderer in [`render`] writes it. Each stage knows only the type on its
//! left, and nothing but the binary and the renderers writes to the terminal.
//!
//! ```
//! use skillgap::{assess, catalog::Catalog, input, profile};
//!
//! let catalog = Catalog::builtin()?;
//! let profiles = profile::builtin_profiles(catalog)?;
//! let skills = input::skills_json::parse(
//!     "me.json",
//!     r#"{"years_experience": 4, "skills": [{"name": "PyTorch", "level": 3}, "FSDP", "W&B"]}"#,
//!     catalog,
//! )?;
//! let roles = profiles.select(&[])?;
//! let report = assess::assess(&skills, &roles, catalog, &assess::Options::default());
//! assert_eq!(report.roles.len(), roles.len());
//! assert!(report.roles.windows(2).all(|w| w[0].score >= w[1].score));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![warn(clippy::print_stdout, clippy::print_stderr)]
// No `unwrap` or `expect` outside the unit tests: bad input gets an error, never a panic.
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

pub mod assess;
pub mod batch;
pub mod catalog;
pub mod cli;
mod commands;
pub mod diff;
pub mod extract;
pub mod gate;
pub mod generator;
mod housekeeping;
pub mod input;
mod interactive;
mod interrupt;
pub mod output;
pub mod profile;
pub mod render;
pub mod report;
pub mod skills;

use std::process::ExitCode;

/// How a successful run ended, for the exit code (SPEC §8).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything assessed; every subject at or above `--min-score`.
    Success,
    /// Some subject scored below `--min-score`.
    BelowThreshold,
    /// Some input could not be read (the others were still reported), or a check found problems.
    InputErrors,
    /// The person stopped the questionnaire with Ctrl-C (130, as for SIGINT).
    Interrupted,
}

impl Outcome {
    pub fn exit_code(self) -> ExitCode {
        match self {
            Outcome::Success => ExitCode::SUCCESS,
            Outcome::BelowThreshold => ExitCode::from(1),
            Outcome::InputErrors => ExitCode::from(2),
            Outcome::Interrupted => ExitCode::from(130),
        }
    }
}

/// Runs one command line.
pub fn run(cli: cli::Cli) -> anyhow::Result<Outcome> {
    commands::run(cli)
}

/// True when an error is only a closed stdout pipe (`skillgap roles | head -1`), which is not a failure.
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
