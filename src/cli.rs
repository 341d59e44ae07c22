//! The command line, declared with clap's derive API. Parsing only: [`crate::run`] resolves these raw
//! arguments into what each command does.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::input::InputFormat;
use crate::profile::job::PostingFormat;
use crate::profile::Tier;
use crate::render::diff::DiffFormat;
use crate::render::{BatchFormat, ListFormat, ReportFormat};

const EXAMPLES: &str = "\
Examples:
  skillgap assess examples/jordan.json             ranked fit report for one person
  skillgap assess --save me.json                   answer a few questions at the terminal
  skillgap assess cv.md --role llm-engineer --explain
  skillgap assess me.json --format json --output report.json
  skillgap roles                                   the built-in role profiles
  skillgap role cuda-engineer                      one profile's requirements by tier
  skillgap skills torch                            search the skills catalog
  skillgap batch resumes/ --role llm-engineer --min-score 70 --format junit
  skillgap diff before.json after.json             progress between two assessments";

#[derive(Debug, Parser)]
#[command(
    name = "skillgap",
    version,
    about = "How far you are from a deep-learning role, and what to learn next",
    long_about = "skillgap matches a person's skills (skills JSON, JSON Resume, or a text/Markdown \
résumé) against deep-learning role profiles and prints a ranked fit report: a score and tier per \
role, what matched and why, and the missing skills ranked by how much learning each would raise the \
score. It works offline and never sends data anywhere.",
    after_help = EXAMPLES,
    max_term_width = 100
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// When to colour output: `auto` colours a terminal unless NO_COLOR is set or CLICOLOR=0
    /// (CLICOLOR_FORCE=1 colours a pipe too); files never get colour
    #[arg(long, value_enum, ignore_case = true, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    /// Also load the role profiles in DIR (one JSON file per role)
    #[arg(long, value_name = "DIR", global = true)]
    pub profiles: Option<PathBuf>,

    /// Use only the profiles from --profiles, not the built-in ones
    #[arg(long, global = true)]
    pub only_custom: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Rank one person's fit against the role profiles
    Assess(AssessArgs),
    /// List the role profiles
    Roles(RolesArgs),
    /// Show one role profile: requirements by category and the level per tier
    Role(RoleArgs),
    /// Search the skills catalog (names and aliases)
    Skills(SkillsArgs),
    /// Assess many résumés in parallel: one row per person, a gate for CI
    Batch(BatchArgs),
    /// Compare two assessments (inputs or saved JSON reports): progress per role
    Diff(DiffArgs),
    /// Read a job posting (pasted text, Markdown or JSON) and show the role it becomes; `--format
    /// json` writes it as a profile file
    ///
    /// The table shows each requirement with its importance, its level and the sentence it was
    /// read from; the JSON is a profile file that `--profiles DIR` and `profiles validate` accept.
    Job(JobArgs),
    /// Check custom role profiles
    Profiles(ProfilesArgs),
    /// Write an example skills JSON to start from
    Init(InitArgs),
    /// Print shell completions (bash, zsh, fish, powershell, elvish)
    Completions(CompletionsArgs),
    /// Print a man page (roff): skillgap(1), or skillgap-COMMAND(1); `--dir` writes them all
    Man(ManArgs),
}

/// What to score and how to read the input: shared by `assess`, `batch` and `diff`.
#[derive(Debug, Args)]
pub struct ScoringArgs {
    /// Force the input format instead of detecting it
    #[arg(help_heading = "Input", long, value_enum, ignore_case = true, default_value_t = InputFormat::Auto)]
    pub input_format: InputFormat,

    /// Only these roles (repeatable): an id or a title, in any case; `skillgap roles` lists them
    #[arg(help_heading = "Roles", long = "role", value_name = "ROLE")]
    pub roles: Vec<String>,

    /// Score every role at this tier instead of the one the person's years of experience place
    /// them in
    #[arg(help_heading = "Roles", long, value_enum, ignore_case = true)]
    pub tier: Option<Tier>,
}

/// Job postings to rank against besides the role profiles: shared by `assess` and `batch`.
#[derive(Debug, Args)]
pub struct PostingArgs {
    /// Also rank against the job posting in FILE: pasted text or Markdown, or the JSON Resume job
    /// schema; a folder reads every .txt, .md and .json posting in it; `-` reads standard input;
    /// repeatable
    #[arg(
        id = "postings",
        help_heading = "Input",
        long = "job",
        value_name = "FILE"
    )]
    pub files: Vec<PathBuf>,

    /// How to read the --job files instead of detecting it
    #[arg(help_heading = "Input", long, value_enum, ignore_case = true, default_value_t = PostingFormat::Auto)]
    pub job_format: PostingFormat,

    /// Rank only against the --job postings, not the built-in roles
    #[arg(
        help_heading = "Roles",
        long,
        requires = "postings",
        conflicts_with = "roles"
    )]
    pub only_job: bool,
}

/// How the listing commands (`roles`, `role`, `skills`, `job`) write.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Output format
    #[arg(long, value_enum, ignore_case = true, default_value_t = ListFormat::Table)]
    pub format: ListFormat,

    /// Write to FILE (atomically) instead of standard output; `-` is standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct AssessArgs {
    /// Skills JSON, JSON Resume or text/Markdown résumé; `-` reads standard input. Without it, a
    /// questionnaire asks (at a terminal only)
    #[arg(value_name = "INPUT")]
    pub input: Option<PathBuf>,

    #[command(flatten)]
    pub scoring: ScoringArgs,

    /// Show only the N best-fitting roles
    #[arg(help_heading = "Roles", long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub top: Option<u16>,

    /// Output format
    #[arg(help_heading = "Output", long, value_enum, ignore_case = true, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,

    /// Write the report to FILE (atomically) instead of standard output; `-` is standard output
    #[arg(help_heading = "Output", long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Exit with code 1 when the best selected role scores below N (0–100)
    #[arg(help_heading = "Roles", long, value_name = "N", value_parser = parse_score)]
    pub min_score: Option<f64>,

    /// In the table, list each role's matched skills with their evidence
    #[arg(help_heading = "Output", long)]
    pub explain: bool,

    /// The title of an HTML or Markdown report, instead of "Skill-gap report: NAME"
    #[arg(help_heading = "Output", long, value_name = "TEXT")]
    pub title: Option<String>,

    /// Who prepared an HTML or Markdown report (a coach's name), shown under its title with the
    /// date
    #[arg(help_heading = "Output", long, value_name = "TEXT")]
    pub prepared_by: Option<String>,

    #[command(flatten)]
    pub postings: PostingArgs,

    /// Answer the questionnaire (what no INPUT does at a terminal)
    #[arg(
        help_heading = "Questionnaire",
        long,
        short = 'i',
        conflicts_with = "input"
    )]
    pub interactive: bool,

    /// Questionnaire: start from the answers in FILE (e.g. one saved with --save)
    #[arg(
        help_heading = "Questionnaire",
        long,
        value_name = "FILE",
        conflicts_with = "input"
    )]
    pub from: Option<PathBuf>,

    /// Questionnaire: write the answers to FILE (skills JSON) after every section
    #[arg(
        help_heading = "Questionnaire",
        long,
        value_name = "FILE",
        conflicts_with = "input"
    )]
    pub save: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Résumé files, folders (searched recursively; hidden files skipped), or `-` for JSON Lines on
    /// standard input (one skills JSON or JSON Resume object per line)
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub scoring: ScoringArgs,

    /// Exit with code 1 when some person's best selected role scores below N (0–100)
    #[arg(help_heading = "Roles", long, value_name = "N", value_parser = parse_score)]
    pub min_score: Option<f64>,

    #[command(flatten)]
    pub postings: PostingArgs,

    /// Output format
    #[arg(help_heading = "Output", long, value_enum, ignore_case = true, default_value_t = BatchFormat::Table)]
    pub format: BatchFormat,

    /// Write the results to FILE (atomically) instead of standard output; `-` is standard output
    #[arg(help_heading = "Output", long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Worker threads [default: all cores; at most 4 per core]
    #[arg(long, short, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// No progress bar and no summary line (input errors are still reported)
    #[arg(help_heading = "Output", long, short)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier assessment: an input (skills JSON, JSON Resume, résumé) or a saved JSON report
    #[arg(value_name = "BEFORE")]
    pub before: PathBuf,

    /// The later assessment, likewise
    #[arg(value_name = "AFTER")]
    pub after: PathBuf,

    #[command(flatten)]
    pub scoring: ScoringArgs,

    /// Output format
    #[arg(help_heading = "Output", long, value_enum, ignore_case = true, default_value_t = DiffFormat::Table)]
    pub format: DiffFormat,

    /// Write the comparison to FILE (atomically) instead of standard output; `-` is standard output
    #[arg(help_heading = "Output", long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RolesArgs {
    #[command(flatten)]
    pub list: ListArgs,
}

#[derive(Debug, Args)]
pub struct RoleArgs {
    /// The role id, e.g. deep-learning-engineer
    pub id: String,

    #[command(flatten)]
    pub list: ListArgs,
}

#[derive(Debug, Args)]
pub struct JobArgs {
    /// The posting: a .txt or .md file as pasted from a careers page, or a JSON Resume job; `-`
    /// reads standard input
    #[arg(value_name = "POSTING")]
    pub posting: PathBuf,

    /// How to read the posting instead of detecting it
    #[arg(long, value_enum, ignore_case = true, default_value_t = PostingFormat::Auto)]
    pub job_format: PostingFormat,

    #[command(flatten)]
    pub list: ListArgs,
}

#[derive(Debug, Args)]
pub struct SkillsArgs {
    /// Part of a skill's id, name or alias; all skills when omitted
    pub query: Option<String>,

    #[command(flatten)]
    pub list: ListArgs,
}

#[derive(Debug, Args)]
pub struct ProfilesArgs {
    #[command(subcommand)]
    pub command: ProfilesCommand,
}

#[derive(Debug, Subcommand)]
pub enum ProfilesCommand {
    /// Check every profile in DIR and report each mistake with its file and field
    #[command(
        after_help = "Exits with 0 when every profile is valid, 2 when anything is wrong. With \
--only-custom a profile may reuse a built-in role id."
    )]
    Validate {
        /// A directory of profile files (*.json), one role per file
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  skillgap init                  writes skills.json here
  skillgap init me.json --force  overwrites me.json
  skillgap init -                prints the example")]
pub struct InitArgs {
    /// Where to write the example; `-` prints it
    #[arg(value_name = "FILE", default_value = "skills.json")]
    pub file: PathBuf,

    /// Overwrite FILE if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  skillgap completions bash > ~/.local/share/bash-completion/completions/skillgap
  skillgap completions zsh > ~/.zfunc/_skillgap
  skillgap completions fish > ~/.config/fish/completions/skillgap.fish")]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum, ignore_case = true, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  skillgap man | man -l -
  skillgap man assess | man -l -
  skillgap man --dir ~/.local/share/man/man1    # skillgap.1 and skillgap-COMMAND.1 for each command")]
pub struct ManArgs {
    /// The command whose page to print (assess, batch, …); none for skillgap(1)
    #[arg(value_name = "COMMAND", conflicts_with = "dir")]
    pub command: Option<String>,

    /// Write every page (skillgap.1 and skillgap-COMMAND.1) into DIR instead of printing one
    #[arg(long, value_name = "DIR")]
    pub dir: Option<std::path::PathBuf>,
}

/// A score threshold: a number from 0 to 100.
pub fn parse_score(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a number; expected a score from 0 to 100"))?;
    if (0.0..=100.0).contains(&value) {
        Ok(value)
    } else {
        Err(format!(
            "{value} is out of range; expected a score from 0 to 100"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }

    #[test]
    fn score_threshold_is_checked() {
        assert_eq!(super::parse_score("70"), Ok(70.0));
        assert!(super::parse_score("101").is_err());
        assert!(super::parse_score("abc").is_err());
    }
}
