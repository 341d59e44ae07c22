//! `skillgap assess` with no INPUT: the questionnaire at a terminal, with `--from` and `--save`.
//!
//! The questions need a person at a terminal. When standard input or standard error is not one
//! (`echo | skillgap assess`, a CI job, a pipe), the command fails at once with the file-based usage
//! instead of waiting for answers that will never come (dialoguer would otherwise read `/dev/tty`).

use std::io::IsTerminal;
use std::path::Path;

use anyhow::Context as _;

use crate::catalog::Catalog;
use crate::cli::{AssessArgs, ColorChoice};
use crate::input::prompter_dialoguer::{self, DialoguerPrompter};
use crate::input::questionnaire::{self, Setup};
use crate::input::{self, skills_json};
use crate::output;
use crate::profile::ProfileSet;
use crate::skills::Skills;

/// Runs the questionnaire and returns the answers as skills, read back from the very JSON `--save`
/// writes (so that assessing the saved file gives the same report), or `None` when the person
/// pressed Ctrl-C.
pub fn questionnaire(
    catalog: &Catalog,
    profiles: &ProfileSet,
    args: &AssessArgs,
    color: ColorChoice,
) -> anyhow::Result<Option<Skills>> {
    // File problems first: they are the same with or without a terminal.
    if let Some(path) = &args.save {
        check_writable(path)?;
    }
    let prefill = match &args.from {
        Some(path) if path.as_os_str() == "-" => anyhow::bail!(
            "--from needs a file: standard input is where the questionnaire's answers come from"
        ),
        Some(path) => {
            let skills = input::read(path, args.scoring.input_format, catalog)?;
            for warning in &skills.warnings {
                output::warn(&format!("{}: {warning}", skills.source));
            }
            Some(skills)
        }
        None => None,
    };
    require_terminal(args.interactive)?;
    let save_name = args.save.as_ref().map(|p| p.display().to_string());
    prompter_dialoguer::handle_ctrl_c(interrupted_message(save_name.as_deref()));

    let setup = Setup {
        catalog,
        roles: profiles.roles(),
        fixed_roles: (!args.scoring.roles.is_empty()).then_some(args.scoring.roles.as_slice()),
        prefill: prefill.as_ref(),
        save_path: save_name.as_deref(),
    };
    // The prompts are drawn on standard error, a terminal here.
    let color = match color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => output::auto_color(true),
    };
    let mut prompter = DialoguerPrompter::new(color);
    let mut save = |answers: &questionnaire::Answers| -> anyhow::Result<()> {
        if let Some(path) = &args.save {
            let text = answers.to_json(catalog)?;
            let _hold = prompter_dialoguer::hold_saves();
            output::write_atomic(path, text.as_bytes())?;
        }
        Ok(())
    };
    let answers = match questionnaire::run(&setup, &mut prompter, &mut save) {
        Ok(answers) => answers,
        Err(error) if questionnaire::is_interrupted(&error) => {
            prompter_dialoguer::finish_interrupted(&interrupted_message(save_name.as_deref()));
            return Ok(None);
        }
        Err(error) => return Err(error),
    };
    let source = save_name.as_deref().unwrap_or("questionnaire");
    let skills = skills_json::parse(source, &answers.to_json(catalog)?, catalog)
        .context("the questionnaire's answers do not read back")?;
    Ok(Some(skills))
}

fn interrupted_message(save: Option<&str>) -> String {
    match save {
        Some(path) => format!(
            "Interrupted. Your answers so far are in {path}; carry on with \
             `skillgap assess --from {path} --save {path}`."
        ),
        None => "Interrupted; nothing was saved (`--save FILE` keeps the answers as you go)."
            .to_string(),
    }
}

/// Fails unless both standard input and standard error are terminals.
fn require_terminal(asked_for: bool) -> anyhow::Result<()> {
    let not_terminal: Vec<&str> = [
        ("standard input", std::io::stdin().is_terminal()),
        ("standard error", std::io::stderr().is_terminal()),
    ]
    .into_iter()
    .filter(|(_, is_terminal)| !is_terminal)
    .map(|(name, _)| name)
    .collect();
    let what = match not_terminal.as_slice() {
        [] => return Ok(()),
        [one] => format!("{one} is not a terminal"),
        _ => "standard input and standard error are not terminals".to_string(),
    };
    let start = if asked_for {
        "the questionnaire needs a terminal"
    } else {
        "no INPUT given, and the questionnaire needs a terminal"
    };
    anyhow::bail!(
        "{start}, but {what}.\n\
         Give your skills as a file instead:\n  \
         skillgap assess me.json        a skills JSON, JSON Resume or text résumé\n  \
         skillgap assess - < me.json    the same, read from standard input\n\
         Run `skillgap assess` at a terminal for the questionnaire; `skillgap assess --help` lists the options."
    )
}

/// Fails before the first question when `--save FILE` could not be written.
fn check_writable(path: &Path) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        anyhow::bail!(
            "cannot save the answers to {}: the folder {} does not exist",
            path.display(),
            dir.display()
        );
    }
    if path.is_dir() {
        anyhow::bail!(
            "cannot save the answers to {}: it is a folder; give a file name",
            path.display()
        );
    }
    output::check_writable(path)
        .with_context(|| format!("cannot save the answers to {}", path.display()))
}
