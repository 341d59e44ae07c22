//! The commands that set skillgap up and check its inputs rather than assess anyone: `profiles
//! validate`, `init`, `completions` and `man`. They need no profiles loaded, so they keep working when
//! a `--profiles DIR` is broken (which is when `profiles validate` is wanted).

use std::path::Path;

use anyhow::Context as _;
use clap::CommandFactory as _;

use crate::catalog::Catalog;
use crate::cli::{Cli, CompletionsArgs, InitArgs, ManArgs, ProfilesArgs, ProfilesCommand};
use crate::output;
use crate::profile::{builtin_profiles, load_dir};
use crate::Outcome;

/// The example `skillgap init` writes: every field of the skills JSON, each form of a skill entry,
/// and both ways of giving a level. Keys starting with `_` are ignored by the reader, so the notes
/// can stay in the file.
pub const EXAMPLE_SKILLS: &str = r#"{
  "_about": "A skillgap skills file. Edit it, then run: skillgap assess skills.json",
  "_levels": "0 none, 1 aware (read about it), 2 working (used it in a real project), 3 proficient (owns it in production), 4 expert (teaches it, contributes upstream)",
  "name": "Your Name",
  "years_experience": 3,
  "skills": [
    "Python",
    {"name": "PyTorch", "level": 3, "years": 2, "evidence": "trained and served an image classifier"},
    {"name": "Weights & Biases", "level": "working"},
    {"name": "Docker", "level": 2},
    {"name": "LoRA", "level": "aware"}
  ],
  "_roles": "Role ids to focus on (skillgap roles lists them), such as llm-engineer, as a list; empty means every role",
  "roles": []
}
"#;

/// Writes problem lines to stderr: one line per mistake.
fn print_problems(lines: &[String]) {
    for line in lines {
        output::note(line);
    }
}

/// A status line on stderr (stdout carries only the command's product).
fn note(message: &str) {
    output::note(message);
}

/// `skillgap profiles validate DIR`.
pub fn profiles_command(cli: &Cli, args: &ProfilesArgs) -> anyhow::Result<Outcome> {
    let ProfilesCommand::Validate { dir } = &args.command;
    let catalog = Catalog::builtin()?;
    let builtin = builtin_profiles(catalog).context("the built-in profiles are invalid")?;
    let (roles, problems) = load_dir(dir, catalog, (!cli.only_custom).then_some(&builtin))?;
    if problems.is_empty() {
        let ids: Vec<&str> = roles.iter().map(|r| r.id()).collect();
        let text = format!(
            "{}: {} valid profile{}: {}\n",
            dir.display(),
            roles.len(),
            if roles.len() == 1 { "" } else { "s" },
            ids.join(", ")
        );
        output::write_stdout(text.as_bytes())?;
        return Ok(Outcome::Success);
    }
    let mut files: Vec<&str> = problems.iter().map(|p| file_of(&p.file)).collect();
    files.sort_unstable();
    files.dedup();
    let mut lines: Vec<String> = problems.iter().map(|p| format!("error: {p}")).collect();
    lines.push(format!(
        "{} problem{} in {} file{}",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" },
        files.len(),
        if files.len() == 1 { "" } else { "s" },
    ));
    print_problems(&lines);
    Ok(Outcome::InputErrors)
}

/// The file of a problem's location, without a `:line:column` suffix.
fn file_of(location: &str) -> &str {
    let mut file = location;
    for _ in 0..2 {
        match file.rsplit_once(':') {
            Some((head, tail)) if !tail.is_empty() && tail.bytes().all(|b| b.is_ascii_digit()) => {
                file = head;
            }
            _ => break,
        }
    }
    file
}

/// `skillgap init [FILE]`: `skills.json` by default, `-` for stdout; never overwrites without
/// `--force`.
pub fn init_command(args: &InitArgs) -> anyhow::Result<Outcome> {
    if args.file == Path::new("-") {
        output::write_stdout(EXAMPLE_SKILLS.as_bytes())?;
        return Ok(Outcome::Success);
    }
    let path = &args.file;
    if path.is_dir() {
        anyhow::bail!(
            "{} is a directory; give a file name, e.g. skillgap init {}",
            path.display(),
            path.join("skills.json").display()
        );
    }
    if path.exists() && !args.force {
        anyhow::bail!(
            "{} already exists; use --force to overwrite it, or give another FILE",
            path.display()
        );
    }
    output::write_atomic(path, EXAMPLE_SKILLS.as_bytes())?;
    note(&format!(
        "wrote {0}: edit it, then run `skillgap assess {0}`",
        path.display()
    ));
    Ok(Outcome::Success)
}

/// `skillgap completions SHELL`.
pub fn completions_command(args: &CompletionsArgs) -> anyhow::Result<Outcome> {
    let mut command = Cli::command();
    let mut bytes = Vec::new();
    clap_complete::generate(args.shell, &mut command, "skillgap", &mut bytes);
    output::write_stdout(&bytes)?;
    Ok(Outcome::Success)
}

/// `skillgap man`: the man page in roff, for `man -l -` or a `man1` directory.
/// `skillgap man`: one page printed, or every page written into a folder.
pub fn man_command(args: &ManArgs) -> anyhow::Result<Outcome> {
    let pages = man_pages()?;
    if let Some(dir) = &args.dir {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        for (file, roff) in &pages {
            output::write_atomic(&dir.join(file), roff)?;
        }
        output::note(&format!(
            "wrote {} man pages to {}",
            pages.len(),
            dir.display()
        ));
        return Ok(Outcome::Success);
    }
    let file = match &args.command {
        None => "skillgap.1".to_string(),
        Some(command) => format!("skillgap-{}.1", command.to_lowercase()),
    };
    match pages.iter().find(|(name, _)| *name == file) {
        Some((_, roff)) => output::write_stdout(roff)?,
        None => {
            let commands: Vec<&str> = pages
                .iter()
                .filter_map(|(name, _)| name.strip_prefix("skillgap-")?.strip_suffix(".1"))
                .collect();
            anyhow::bail!(
                "no man page for `{}`; the commands are {}",
                args.command.as_deref().unwrap_or_default(),
                commands.join(", ")
            );
        }
    }
    Ok(Outcome::Success)
}

/// Every man page, as (file name, roff): skillgap.1 first, then skillgap-COMMAND.1 for each
/// command (and a subcommand's own, such as skillgap-profiles-validate.1).
fn man_pages() -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    fn collect(command: clap::Command, pages: &mut Vec<(String, Vec<u8>)>) -> anyhow::Result<()> {
        let man = clap_mangen::Man::new(command.clone())
            .source(format!("skillgap {}", env!("CARGO_PKG_VERSION")));
        let mut roff = Vec::new();
        man.render(&mut roff)
            .context("cannot render the man page")?;
        pages.push((man.get_filename(), roff));
        for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
            collect(sub.clone(), pages)?;
        }
        Ok(())
    }
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    let mut pages = Vec::new();
    collect(command, &mut pages)?;
    Ok(pages)
}

#[cfg(test)]
mod tests {
    use super::EXAMPLE_SKILLS;
    use crate::catalog::Catalog;

    #[test]
    fn example_reads_cleanly_with_every_skill_recognized() {
        let catalog = Catalog::builtin().expect("catalog");
        let skills = crate::input::skills_json::parse("skills.json", EXAMPLE_SKILLS, catalog)
            .expect("the example is valid");
        assert!(skills.warnings.is_empty(), "{:?}", skills.warnings);
        assert!(skills.unrecognized.is_empty(), "{:?}", skills.unrecognized);
        assert_eq!(skills.skills.len(), 5);
        assert_eq!(skills.years_experience, Some(3.0));
        assert!(
            skills.roles.is_empty(),
            "an example that narrows the roles hides most of them"
        );
    }
}
