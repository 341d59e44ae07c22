//! The interactive questionnaire (SPEC §4): `skillgap assess` at a terminal, for a person with no
//! résumé at hand.
//!
//! The flow is a plain function, [`run`], over a small [`Prompter`] trait: the real prompter
//! (`prompter_dialoguer`) draws dialoguer prompts on the terminal, and a scripted one drives the unit
//! tests below through every branch. The flow never touches the terminal or the file system itself;
//! it hands its [`Answers`] to a `save` callback after every section, so that `--save FILE` loses
//! nothing when the session is interrupted.
//!
//! The questions, in SPEC §4's order, kept few so that a typical person is done in about two minutes:
//!
//! 1. an optional role focus (none ticked = every role), skipped when `--role` was given;
//! 2. years of professional experience, re-asked until it is a number from 0 to 70;
//! 3. one multi-select per catalog category, listing only the skills the chosen roles ask for, most
//!    important first (a category none of them asks for is not shown), with an entry that opens a
//!    fuzzy search of the whole catalog for a skill not listed;
//! 4. a level for each chosen skill only, with the level words and meanings of SPEC §4.
//!
//! Every prompt can be pre-filled from an earlier file (`--from`): ticked roles and skills, years and
//! levels become the defaults, so a resumed session is mostly Enter presses. A skill of that file is
//! always shown in its category even when the chosen roles do not ask for it, so it is never dropped
//! unseen.

use std::collections::HashMap;

use serde::Serialize;

use crate::catalog::{Catalog, SkillIdx};
use crate::profile::{Importance, Role};
use crate::skills::{Skills, DEFAULT_LEVEL, LEVEL_MEANINGS, LEVEL_WORDS, MAX_LEVEL};

use super::skills_json::MAX_YEARS;

/// Why a prompt returned no answer.
#[derive(Debug, thiserror::Error)]
pub enum PromptError {
    /// The person pressed Ctrl-C.
    #[error("interrupted")]
    Interrupted,
    /// The terminal failed.
    #[error("the terminal failed: {0}")]
    Io(#[from] std::io::Error),
}

/// Checks a typed answer; `Err` holds the message shown before asking again.
pub type Validator<'a> = &'a dyn Fn(&str) -> Result<(), String>;

/// The four kinds of question the flow asks. Implementations draw them somewhere (a terminal) or
/// answer them from a script (tests).
pub trait Prompter {
    /// One of `items`; `default` is highlighted first.
    fn select(
        &mut self,
        prompt: &str,
        items: &[String],
        default: usize,
    ) -> Result<usize, PromptError>;

    /// Any number of `items` (the indices ticked); `checked` are ticked at first.
    fn multi_select(
        &mut self,
        prompt: &str,
        items: &[String],
        checked: &[bool],
    ) -> Result<Vec<usize>, PromptError>;

    /// A line of text that `validate` accepts; the prompter asks again until it does. `default` is
    /// what an empty answer means.
    fn input(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        validate: Validator<'_>,
    ) -> Result<String, PromptError>;

    /// One of `items` found by typing part of it, or `None` when the person is done (Esc).
    fn fuzzy_select(
        &mut self,
        prompt: &str,
        items: &[String],
    ) -> Result<Option<usize>, PromptError>;

    /// A line of information between questions.
    fn note(&mut self, message: &str) -> Result<(), PromptError>;
}

/// One chosen skill.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub skill: SkillIdx,
    /// 1–4 (`aware` to `expert`).
    pub level: u8,
    /// Years with this skill, carried over from a `--from` file (the questionnaire does not ask).
    pub years: Option<f64>,
}

/// Everything answered so far; what `--save` writes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answers {
    /// Carried over from a `--from` file.
    pub name: Option<String>,
    /// The role focus (role ids); empty means every role.
    pub roles: Vec<String>,
    pub years_experience: Option<f64>,
    /// In catalog category order, then catalog order, whatever order they were chosen in.
    pub skills: Vec<Answer>,
    /// Names from a `--from` file that match no catalog skill, kept as written.
    pub unrecognized: Vec<String>,
}

/// What the flow needs to know besides the prompter.
pub struct Setup<'a> {
    pub catalog: &'a Catalog,
    /// Every role that can be chosen (built-in and custom profiles).
    pub roles: &'a [Role],
    /// Roles given with `--role`: the role question is skipped and these are the focus.
    pub fixed_roles: Option<&'a [String]>,
    /// Earlier answers to start from (`--from`).
    pub prefill: Option<&'a Skills>,
    /// Where the answers are saved, for the notes shown to the person.
    pub save_path: Option<&'a str>,
}

/// Item text of the multi-select entry that opens the catalog search.
pub const SEARCH_ENTRY: &str = "+ another skill: search the catalog…";

impl Answers {
    /// Earlier answers read from a skills file (or any input), as the starting point of a session.
    pub fn from_skills(skills: &Skills, catalog: &Catalog) -> Answers {
        let mut answers = Answers {
            name: skills.name.clone(),
            roles: skills.roles.clone(),
            years_experience: skills.years_experience,
            skills: Vec::new(),
            // Every name, also those past the report's list: saving over the file loses none.
            unrecognized: skills
                .unrecognized
                .iter()
                .map(|u| u.input.clone())
                .chain(skills.unrecognized_beyond.iter().cloned())
                .collect(),
        };
        for claim in &skills.skills {
            // Level 0 ("none") is not a skill the person has: it stays unticked.
            if claim.level > 0 {
                answers.skills.push(Answer {
                    skill: claim.skill,
                    level: claim.level.min(MAX_LEVEL),
                    years: claim.years,
                });
            }
        }
        answers.sort(catalog);
        answers
    }

    fn has(&self, skill: SkillIdx) -> bool {
        self.skills.iter().any(|a| a.skill == skill)
    }

    /// Adds `skill` at the default level unless it is already there.
    fn add(&mut self, skill: SkillIdx, catalog: &Catalog) {
        if !self.has(skill) {
            self.skills.push(Answer {
                skill,
                level: DEFAULT_LEVEL,
                years: None,
            });
            self.sort(catalog);
        }
    }

    /// Makes `chosen` the person's skills among `shown`, keeping the levels already known.
    fn set_shown(&mut self, shown: &[SkillIdx], chosen: &[SkillIdx], catalog: &Catalog) {
        self.skills
            .retain(|a| !shown.contains(&a.skill) || chosen.contains(&a.skill));
        for &skill in chosen {
            self.add(skill, catalog);
        }
    }

    fn sort(&mut self, catalog: &Catalog) {
        let position: HashMap<&str, usize> = catalog
            .categories()
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        self.skills.sort_by_key(|a| {
            let category = &catalog.skill(a.skill).category;
            (
                position
                    .get(category.as_str())
                    .copied()
                    .unwrap_or(usize::MAX),
                a.skill,
            )
        });
    }

    /// The answers as a skills JSON document (SPEC §4), which `skillgap assess FILE` and `--from`
    /// read back. Levels are written as words, so the file reads well and can be edited by hand.
    pub fn to_json(&self, catalog: &Catalog) -> serde_json::Result<String> {
        #[derive(Serialize)]
        struct Document<'a> {
            #[serde(skip_serializing_if = "Option::is_none")]
            name: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            years_experience: Option<f64>,
            #[serde(skip_serializing_if = "<[String]>::is_empty")]
            roles: &'a [String],
            skills: Vec<Entry<'a>>,
        }
        #[derive(Serialize)]
        #[serde(untagged)]
        enum Entry<'a> {
            Skill {
                name: &'a str,
                level: &'static str,
                #[serde(skip_serializing_if = "Option::is_none")]
                years: Option<f64>,
            },
            Unrecognized(&'a str),
        }
        let skills = self
            .skills
            .iter()
            .map(|a| Entry::Skill {
                name: &catalog.skill(a.skill).name,
                level: LEVEL_WORDS[usize::from(a.level.min(MAX_LEVEL))],
                years: a.years,
            })
            .chain(self.unrecognized.iter().map(|u| Entry::Unrecognized(u)))
            .collect();
        let document = Document {
            name: self.name.as_deref(),
            years_experience: self.years_experience,
            roles: &self.roles,
            skills,
        };
        let mut text = serde_json::to_string_pretty(&document)?;
        text.push('\n');
        Ok(text)
    }
}

/// Reads a number of years as people type it: `4`, `4.5`, `4,5`, `4 years`.
pub fn parse_years(text: &str) -> Result<f64, String> {
    let trimmed = text.trim().to_ascii_lowercase();
    let number = ["years", "year", "yrs", "yr", "y"]
        .iter()
        .find_map(|unit| trimmed.strip_suffix(unit))
        .unwrap_or(&trimmed)
        .trim()
        .replace(',', ".");
    if number.is_empty() {
        return Err("enter a number of years, e.g. 3 or 4.5 (0 if you are starting out)".into());
    }
    let years: f64 = number.parse().map_err(|_| {
        format!(
            "`{}` is not a number; enter years like 3 or 4.5",
            text.trim()
        )
    })?;
    if !years.is_finite() || years < 0.0 {
        Err("years cannot be negative; enter 0 if you are starting out".into())
    } else if years > MAX_YEARS {
        Err(format!("enter a number from 0 to {MAX_YEARS}"))
    } else {
        // "-0" passes the checks; adding zero makes it 0.
        Ok(years + 0.0)
    }
}

/// Formats years without a needless `.0`: 4 → "4", 4.5 → "4.5".
fn format_years(years: f64) -> String {
    if years.fract() == 0.0 {
        format!("{years:.0}")
    } else {
        format!("{years}")
    }
}

/// How much the chosen roles need a skill: the highest importance any of them gives it, and how
/// many of them ask for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Need {
    importance: Importance,
    roles: usize,
    /// How many of them call it essential or expected.
    core_roles: usize,
}

fn needs(roles: &[&Role]) -> HashMap<SkillIdx, Need> {
    let mut needs: HashMap<SkillIdx, Need> = HashMap::new();
    for role in roles {
        let mut seen = Vec::new();
        for requirement in &role.requirements {
            if seen.contains(&requirement.skill) {
                continue;
            }
            seen.push(requirement.skill);
            let core = usize::from(requirement.importance <= Importance::Expected);
            needs
                .entry(requirement.skill)
                .and_modify(|need| {
                    need.importance = need.importance.min(requirement.importance);
                    need.roles += 1;
                    need.core_roles += core;
                })
                .or_insert(Need {
                    importance: requirement.importance,
                    roles: 1,
                    core_roles: core,
                });
        }
    }
    needs
}

/// The skills to list for each catalog category, in catalog category order: the ones the `roles`
/// ask for, most important first (then the ones more roles ask for, then catalog order), followed by
/// any skill already answered in that category. With `core_only` (no role in focus, so every role
/// counts) only the core of the field is listed: what some role calls essential, or at least two
/// roles call essential or expected (64 skills in 20 lists rather than 210 in 22); the rest are one
/// search away. Categories with nothing to list are left out.
pub fn category_items(
    catalog: &Catalog,
    roles: &[&Role],
    answers: &Answers,
    core_only: bool,
) -> Vec<(String, Vec<SkillIdx>)> {
    let mut needs = needs(roles);
    if core_only {
        needs.retain(|_, need| need.importance == Importance::Essential || need.core_roles >= 2);
    }
    catalog
        .categories()
        .iter()
        .filter_map(|category| {
            let in_category = |skill: SkillIdx| catalog.skill(skill).category == category.id;
            let mut needed: Vec<(Need, SkillIdx)> = needs
                .iter()
                .filter(|(&skill, _)| in_category(skill))
                .map(|(&skill, &need)| (need, skill))
                .collect();
            needed.sort_by_key(|(need, skill)| (need.importance, usize::MAX - need.roles, *skill));
            let mut skills: Vec<SkillIdx> = needed.into_iter().map(|(_, skill)| skill).collect();
            for answer in &answers.skills {
                if in_category(answer.skill) && !skills.contains(&answer.skill) {
                    skills.push(answer.skill);
                }
            }
            (!skills.is_empty()).then(|| (category.id.clone(), skills))
        })
        .collect()
}

/// Text of a level choice: `proficient — owns it in production`.
pub fn level_item(level: u8) -> String {
    let level = usize::from(level.min(MAX_LEVEL));
    format!("{} — {}", LEVEL_WORDS[level], LEVEL_MEANINGS[level])
}

/// A catalog skill as the search lists it: its name and a couple of aliases to type (`k8s`,
/// `W&B`), kept to one short line.
fn search_item(catalog: &Catalog, skill: SkillIdx) -> String {
    let entry = catalog.skill(skill);
    let mut item = entry.name.clone();
    let mut aliases = entry
        .aliases
        .iter()
        .filter(|a| !a.eq_ignore_ascii_case(&entry.name))
        .take(2)
        .peekable();
    if aliases.peek().is_some() {
        let aliases: Vec<&str> = aliases.map(String::as_str).collect();
        item.push_str(&format!(" ({})", aliases.join(", ")));
    }
    item
}

/// Runs the questionnaire. `save` is called with the answers so far after every section (the role
/// focus, the years, each category, each level). Stops with a [`PromptError`] in the error chain
/// when the person interrupts; what was saved last stays as it was.
pub fn run(
    setup: &Setup<'_>,
    prompter: &mut dyn Prompter,
    save: &mut dyn FnMut(&Answers) -> anyhow::Result<()>,
) -> anyhow::Result<Answers> {
    let catalog = setup.catalog;
    let mut answers = setup
        .prefill
        .map(|skills| Answers::from_skills(skills, catalog))
        .unwrap_or_default();

    prompter.note(if setup.prefill.is_some() {
        "Starting from your earlier answers: Enter keeps each one."
    } else {
        "About two minutes of questions; ticking a role or two keeps it short."
    })?;
    prompter.note("Space ticks an item, Enter goes on, Ctrl-C stops.")?;
    if let Some(path) = setup.save_path {
        prompter.note(&format!("Your answers are saved to {path} as you go."))?;
    }

    // 1. Role focus.
    match setup.fixed_roles {
        Some(ids) => answers.roles = ids.to_vec(),
        None if setup.roles.is_empty() => answers.roles.clear(),
        None => {
            let titles: Vec<String> = setup
                .roles
                .iter()
                .map(|r| r.profile.title.clone())
                .collect();
            let checked: Vec<bool> = setup
                .roles
                .iter()
                .map(|r| answers.roles.iter().any(|id| id == r.id()))
                .collect();
            let ticked = prompter.multi_select(
                "Which roles are you aiming for? (none = all roles)",
                &titles,
                &checked,
            )?;
            answers.roles = ticked
                .into_iter()
                .filter_map(|i| setup.roles.get(i))
                .map(|r| r.id().to_string())
                .collect();
        }
    }
    save(&answers)?;
    let focus: Vec<&Role> = setup
        .roles
        .iter()
        .filter(|r| answers.roles.is_empty() || answers.roles.iter().any(|id| id == r.id()))
        .collect();

    // 2. Years of experience.
    let default_years = answers.years_experience.map(format_years);
    let validate = |text: &str| parse_years(text).map(|_| ());
    let typed = prompter.input(
        "Years of professional experience",
        default_years.as_deref(),
        &validate,
    )?;
    answers.years_experience = Some(parse_years(&typed).map_err(anyhow::Error::msg)?);
    save(&answers)?;

    // 3. One multi-select per category. The list is worked out again before each question: a
    // skill added by search shows up (ticked) in its own category if that is still to come.
    let mut asked = 0;
    // No role in focus: every role's essentials and expected skills, not all 200-odd skills.
    let core_only = answers.roles.is_empty() && focus.len() > 1;
    for category in catalog.categories() {
        let sections = category_items(catalog, &focus, &answers, core_only);
        let remaining = sections
            .iter()
            .skip_while(|(id, _)| *id != category.id)
            .count();
        let Some((_, shown)) = sections.into_iter().find(|(id, _)| *id == category.id) else {
            continue;
        };
        asked += 1;
        let mut items: Vec<String> = shown
            .iter()
            .map(|&s| catalog.skill(s).name.clone())
            .collect();
        items.push(SEARCH_ENTRY.to_string());
        let mut checked: Vec<bool> = shown.iter().map(|&s| answers.has(s)).collect();
        checked.push(false);
        let prompt = format!(
            "[{asked}/{}] {}: which have you used?",
            asked - 1 + remaining,
            category.name
        );
        let ticked = prompter.multi_select(&prompt, &items, &checked)?;
        let chosen: Vec<SkillIdx> = ticked
            .iter()
            .filter_map(|&i| shown.get(i).copied())
            .collect();
        answers.set_shown(&shown, &chosen, catalog);
        if ticked.contains(&shown.len()) {
            search(catalog, prompter, &mut answers)?;
        }
        save(&answers)?;
    }

    // 4. A level per chosen skill.
    let levels: Vec<String> = (1..=MAX_LEVEL).map(level_item).collect();
    let total = answers.skills.len();
    for number in 0..total {
        let answer = &answers.skills[number];
        let prompt = format!(
            "[{}/{total}] {}: your level?",
            number + 1,
            catalog.skill(answer.skill).name
        );
        let default = usize::from(answer.level.clamp(1, MAX_LEVEL) - 1);
        let chosen = prompter.select(&prompt, &levels, default)?;
        answers.skills[number].level = u8::try_from(chosen + 1)
            .unwrap_or(DEFAULT_LEVEL)
            .min(MAX_LEVEL);
        save(&answers)?;
    }
    if total == 0 {
        prompter.note("No skills chosen: the report will show every requirement as a gap.")?;
    }
    if let Some(path) = setup.save_path {
        prompter.note(&format!(
            "Saved your answers to {path}; `skillgap assess {path}` gives this report again."
        ))?;
    }
    Ok(answers)
}

/// The catalog search: adds skills one at a time until the person presses Esc.
fn search(
    catalog: &Catalog,
    prompter: &mut dyn Prompter,
    answers: &mut Answers,
) -> anyhow::Result<()> {
    loop {
        let candidates: Vec<SkillIdx> = (0..catalog.skills().len())
            .filter(|&s| !answers.has(s))
            .collect();
        if candidates.is_empty() {
            return Ok(());
        }
        let items: Vec<String> = candidates
            .iter()
            .map(|&s| search_item(catalog, s))
            .collect();
        let picked = prompter.fuzzy_select(
            "Type to search the catalog; Enter adds the skill, Esc when done",
            &items,
        )?;
        match picked.and_then(|i| candidates.get(i)) {
            Some(&skill) => {
                answers.add(skill, catalog);
                prompter.note(&format!("Added {}.", catalog.skill(skill).name))?;
            }
            None => return Ok(()),
        }
    }
}

/// True when `error` is the person interrupting the questionnaire.
pub fn is_interrupted(error: &anyhow::Error) -> bool {
    error
        .chain()
        .any(|cause| matches!(cause.downcast_ref(), Some(PromptError::Interrupted)))
}

#[cfg(test)]
mod tests {
    use std::collections::VecDeque;

    use super::*;
    use crate::profile::builtin_profiles;

    fn catalog() -> &'static Catalog {
        Catalog::builtin().expect("built-in catalog loads")
    }

    /// What the script does at a prompt whose text contains the given words.
    #[derive(Debug, Clone)]
    enum Reply {
        /// Tick exactly these items (by name), plus the search entry when `search` is set.
        Tick(&'static [&'static str]),
        /// Tick these and the search entry.
        TickAndSearch(&'static [&'static str]),
        /// Type this text (input prompts).
        Type(&'static str),
        /// Choose the item starting with this word (select prompts).
        Choose(&'static str),
        /// Type this into the search and take the best item; the item must contain `expect`.
        Search(&'static str),
        /// Esc in the search.
        Done,
        /// Ctrl-C.
        Interrupt,
    }

    /// A prompter that answers from a script of (prompt words, reply) pairs, each used once in
    /// order; a prompt the script does not mention gets its default (Enter). It records what it was
    /// shown.
    struct Scripted {
        script: VecDeque<(&'static str, Reply)>,
        transcript: Vec<String>,
    }

    impl Scripted {
        fn new(script: &[(&'static str, Reply)]) -> Scripted {
            Scripted {
                script: script.iter().cloned().collect(),
                transcript: Vec::new(),
            }
        }

        fn reply_for(&mut self, prompt: &str) -> Option<Reply> {
            self.transcript.push(prompt.to_string());
            match self.script.front() {
                Some((words, _)) if prompt.contains(words) => self.script.pop_front().map(|s| s.1),
                _ => None,
            }
        }

        fn assert_script_used(&self) {
            assert!(
                self.script.is_empty(),
                "unused replies {:?}; prompts seen:\n{}",
                self.script,
                self.transcript.join("\n")
            );
        }
    }

    fn ticked(items: &[String], names: &[&str], search: bool) -> Vec<usize> {
        let mut picked: Vec<usize> = names
            .iter()
            .map(|name| {
                items
                    .iter()
                    .position(|item| item == name)
                    .unwrap_or_else(|| panic!("`{name}` is not among {items:?}"))
            })
            .collect();
        if search {
            picked.push(items.len() - 1);
        }
        picked
    }

    impl Prompter for Scripted {
        fn select(
            &mut self,
            prompt: &str,
            items: &[String],
            default: usize,
        ) -> Result<usize, PromptError> {
            self.transcript
                .push(format!("  default: {}", items[default]));
            match self.reply_for(prompt) {
                None => Ok(default),
                Some(Reply::Choose(word)) => Ok(items
                    .iter()
                    .position(|i| i.starts_with(word))
                    .unwrap_or_else(|| panic!("no `{word}` in {items:?}"))),
                Some(Reply::Interrupt) => Err(PromptError::Interrupted),
                Some(other) => panic!("{other:?} at select `{prompt}`"),
            }
        }

        fn multi_select(
            &mut self,
            prompt: &str,
            items: &[String],
            checked: &[bool],
        ) -> Result<Vec<usize>, PromptError> {
            let defaults: Vec<&str> = items
                .iter()
                .zip(checked)
                .filter(|(_, c)| **c)
                .map(|(i, _)| i.as_str())
                .collect();
            self.transcript
                .push(format!("  items: {}", items.join(" | ")));
            self.transcript
                .push(format!("  ticked: {}", defaults.join(" | ")));
            match self.reply_for(prompt) {
                None => Ok((0..items.len()).filter(|&i| checked[i]).collect()),
                Some(Reply::Tick(names)) => Ok(ticked(items, names, false)),
                Some(Reply::TickAndSearch(names)) => Ok(ticked(items, names, true)),
                Some(Reply::Interrupt) => Err(PromptError::Interrupted),
                Some(other) => panic!("{other:?} at multi-select `{prompt}`"),
            }
        }

        fn input(
            &mut self,
            prompt: &str,
            default: Option<&str>,
            validate: Validator<'_>,
        ) -> Result<String, PromptError> {
            self.transcript
                .push(format!("  default: {}", default.unwrap_or("-")));
            loop {
                let text = match self.reply_for(prompt) {
                    None => default
                        .unwrap_or_else(|| panic!("no reply and no default at `{prompt}`"))
                        .to_string(),
                    Some(Reply::Type(text)) => text.to_string(),
                    Some(Reply::Interrupt) => return Err(PromptError::Interrupted),
                    Some(other) => panic!("{other:?} at input `{prompt}`"),
                };
                match validate(&text) {
                    Ok(()) => return Ok(text),
                    Err(message) => self.transcript.push(format!("  rejected: {message}")),
                }
            }
        }

        fn fuzzy_select(
            &mut self,
            prompt: &str,
            items: &[String],
        ) -> Result<Option<usize>, PromptError> {
            match self.reply_for(prompt) {
                None | Some(Reply::Done) => Ok(None),
                Some(Reply::Search(query)) => {
                    // The best match: the skill of that name, else the first item mentioning it.
                    let query = query.to_lowercase();
                    let named =
                        |item: &String| item.to_lowercase().starts_with(&format!("{query} "));
                    let found = items
                        .iter()
                        .position(named)
                        .or_else(|| items.iter().position(|i| i.to_lowercase().contains(&query)))
                        .unwrap_or_else(|| panic!("nothing matches `{query}`"));
                    Ok(Some(found))
                }
                Some(Reply::Interrupt) => Err(PromptError::Interrupted),
                Some(other) => panic!("{other:?} at search `{prompt}`"),
            }
        }

        fn note(&mut self, message: &str) -> Result<(), PromptError> {
            self.transcript.push(format!("note: {message}"));
            Ok(())
        }
    }

    struct Outcome {
        result: anyhow::Result<Answers>,
        saves: Vec<String>,
        prompter: Scripted,
    }

    fn session(
        fixed_roles: Option<&[String]>,
        prefill: Option<&Skills>,
        script: &[(&'static str, Reply)],
    ) -> Outcome {
        let profiles = builtin_profiles(catalog()).expect("built-in profiles load");
        let setup = Setup {
            catalog: catalog(),
            roles: profiles.roles(),
            fixed_roles,
            prefill,
            save_path: Some("me.json"),
        };
        let mut prompter = Scripted::new(script);
        let mut saves = Vec::new();
        let result = run(&setup, &mut prompter, &mut |answers| {
            saves.push(answers.to_json(catalog())?);
            Ok(())
        });
        Outcome {
            result,
            saves,
            prompter,
        }
    }

    fn skill(id: &str) -> SkillIdx {
        catalog().index_of(id).expect("catalog id")
    }

    fn levels(answers: &Answers) -> Vec<(String, u8)> {
        answers
            .skills
            .iter()
            .map(|a| (catalog().skill(a.skill).id.clone(), a.level))
            .collect()
    }

    fn parse(text: &str) -> Skills {
        crate::input::skills_json::parse("me.json", text, catalog()).expect("saved JSON reads")
    }

    use Reply::*;

    #[test]
    fn a_whole_session_with_role_focus() {
        let outcome = session(
            None,
            None,
            &[
                ("roles", Tick(&["LLM Engineer"])),
                ("Years", Type("4")),
                ("frameworks:", Tick(&["PyTorch"])),
                ("Fine-tuning &", Tick(&["LoRA", "RLHF"])),
                ("PyTorch", Choose("proficient")),
                ("RLHF", Choose("aware")),
            ],
        );
        outcome.prompter.assert_script_used();
        let answers = outcome.result.expect("completes");
        assert_eq!(answers.roles, ["llm-engineer"]);
        assert_eq!(answers.years_experience, Some(4.0));
        assert_eq!(
            levels(&answers),
            [
                ("pytorch".to_string(), 3),
                ("lora".to_string(), 2),
                ("rlhf".to_string(), 1)
            ]
        );
        // Only the categories the LLM Engineer profile uses were asked, each with the search entry.
        let transcript = outcome.prompter.transcript.join("\n");
        assert!(!transcript.contains("Annotation"), "{transcript}");
        assert!(!transcript.contains("CUTLASS"), "{transcript}");
        assert!(transcript.contains(SEARCH_ENTRY));
        // The saved file reads back to the same skills and focus.
        let saved = parse(outcome.saves.last().expect("saved"));
        assert_eq!(saved.roles, ["llm-engineer"]);
        assert_eq!(saved.years_experience, Some(4.0));
        assert_eq!(saved.level_of(skill("pytorch")), 3);
        assert_eq!(saved.level_of(skill("rlhf")), 1);
        assert_eq!(saved.skills.len(), 3);
    }

    #[test]
    fn skills_are_listed_most_important_first() {
        let outcome = session(
            Some(&["deep-learning-engineer".to_string()]),
            None,
            &[("Years", Type("1"))],
        );
        outcome.result.expect("completes");
        let transcript = &outcome.prompter.transcript;
        let frameworks = transcript
            .iter()
            .position(|line| line.contains("frameworks:"))
            .expect("frameworks asked");
        // The line before a prompt's text holds its items (the transcript records them first).
        let items = &transcript[frameworks - 2];
        let pytorch = items.find("PyTorch").expect("PyTorch listed");
        let keras = items.find("Keras").expect("Keras listed");
        assert!(
            pytorch < keras,
            "essential PyTorch before situational Keras: {items}"
        );
    }

    #[test]
    fn without_a_role_focus_only_the_core_is_listed() {
        let profiles = builtin_profiles(catalog()).expect("built-in profiles load");
        let all: Vec<&Role> = profiles.roles().iter().collect();
        let count = |sections: &[(String, Vec<SkillIdx>)]| -> usize {
            sections.iter().map(|(_, skills)| skills.len()).sum()
        };
        let everything = category_items(catalog(), &all, &Answers::default(), false);
        let core = category_items(catalog(), &all, &Answers::default(), true);
        assert_eq!((everything.len(), count(&everything)), (22, 210));
        assert_eq!((core.len(), count(&core)), (20, 49));
        let listed = |id: &str| core.iter().any(|(_, skills)| skills.contains(&skill(id)));
        // Essential somewhere: listed. Expected by several roles: listed. Situational or expected
        // by one role only: reached through the search entry.
        assert!(listed("cuda") && listed("python") && listed("pytorch"));
        assert!(listed("docker"));
        assert!(!listed("keras"));
        assert!(!listed("cutlass"));
        // A skill already answered stays listed in its category.
        let mut answers = Answers::default();
        answers.add(skill("keras"), catalog());
        let with_answer = category_items(catalog(), &all, &answers, true);
        assert!(with_answer
            .iter()
            .any(|(_, skills)| skills.contains(&skill("keras"))));
        // With a role in focus every skill that role asks for is listed.
        let dl = profiles.get("deep-learning-engineer").expect("role");
        let focused = category_items(catalog(), &[dl], &Answers::default(), false);
        assert_eq!(count(&focused), 109);
    }

    #[test]
    fn bad_years_are_asked_again() {
        let outcome = session(
            Some(&["cuda-engineer".to_string()]),
            None,
            &[
                ("Years", Type("")),
                ("Years", Type("three")),
                ("Years", Type("-2")),
                ("Years", Type("120")),
                ("Years", Type("4,5 years")),
            ],
        );
        outcome.prompter.assert_script_used();
        let answers = outcome.result.expect("completes");
        assert_eq!(answers.years_experience, Some(4.5));
        let rejected: Vec<&String> = outcome
            .prompter
            .transcript
            .iter()
            .filter(|l| l.starts_with("  rejected"))
            .collect();
        assert_eq!(rejected.len(), 4, "{rejected:?}");
        assert!(rejected[1].contains("`three` is not a number"));
        assert!(rejected[2].contains("cannot be negative"));
        assert!(rejected[3].contains("from 0 to 70"));
    }

    #[test]
    fn fixed_roles_skip_the_role_question_and_skipped_categories_add_nothing() {
        let outcome = session(
            Some(&["data-labeling-specialist".to_string()]),
            None,
            &[("Years", Type("0"))],
        );
        outcome.prompter.assert_script_used();
        let answers = outcome.result.expect("completes");
        assert_eq!(answers.roles, ["data-labeling-specialist"]);
        assert!(answers.skills.is_empty());
        let transcript = outcome.prompter.transcript.join("\n");
        assert!(!transcript.contains("Which roles"), "{transcript}");
        assert!(transcript.contains("No skills chosen"), "{transcript}");
        // No level questions when nothing was ticked.
        assert!(!transcript.contains("your level"), "{transcript}");
        let saved = parse(outcome.saves.last().expect("saved"));
        assert!(saved.skills.is_empty());
        assert_eq!(saved.years_experience, Some(0.0));
    }

    #[test]
    fn search_adds_skills_not_listed() {
        let outcome = session(
            Some(&["data-labeling-specialist".to_string()]),
            None,
            &[
                ("Years", Type("2")),
                // The first category listed for this role gets the search entry ticked.
                ("[1/", TickAndSearch(&[])),
                ("search", Search("torch")),
                ("search", Search("k8s")),
                ("search", Done),
            ],
        );
        outcome.prompter.assert_script_used();
        let answers = outcome.result.expect("completes");
        let ids: Vec<String> = levels(&answers).into_iter().map(|(id, _)| id).collect();
        assert!(ids.contains(&"pytorch".to_string()), "{ids:?}");
        assert!(ids.contains(&"kubernetes".to_string()), "{ids:?}");
        let transcript = outcome.prompter.transcript.join("\n");
        assert!(transcript.contains("note: Added PyTorch."), "{transcript}");
        assert!(
            transcript.contains("Kubernetes: your level?"),
            "{transcript}"
        );
    }

    #[test]
    fn an_added_skill_shows_ticked_in_its_own_category_and_can_be_unticked() {
        // The director's first category is Model evaluation. Search there adds PyTorch (whose
        // category is already past) and CUDA (whose category comes later and is not one the
        // director's profile uses): the GPU question is then asked, with CUDA ticked, and
        // unticking it there removes it.
        let outcome = session(
            Some(&["ai-strategy-director".to_string()]),
            None,
            &[
                ("Years", Type("10")),
                ("[1/", TickAndSearch(&[])),
                ("search", Search("pytorch")),
                ("search", Search("cuda")),
                ("search", Done),
                ("GPU programming", Tick(&[])),
            ],
        );
        outcome.prompter.assert_script_used();
        let transcript = outcome.prompter.transcript.join("\n");
        assert!(transcript.contains("  ticked: CUDA\n"), "{transcript}");
        let answers = outcome.result.expect("completes");
        assert_eq!(levels(&answers), [("pytorch".to_string(), 2)]);
    }

    #[test]
    fn saves_after_every_section() {
        let outcome = session(
            Some(&["cuda-engineer".to_string()]),
            None,
            &[
                ("Years", Type("3")),
                ("GPU programming", Tick(&["CUDA", "NVIDIA Nsight"])),
                ("CUDA:", Choose("expert")),
            ],
        );
        outcome.prompter.assert_script_used();
        outcome.result.expect("completes");
        let categories = outcome
            .prompter
            .transcript
            .iter()
            .filter(|l| l.contains("which have you used?"))
            .count();
        // Role focus, years, each category, each of the two levels.
        assert_eq!(outcome.saves.len(), 2 + categories + 2);
        let first = parse(&outcome.saves[0]);
        assert_eq!(first.roles, ["cuda-engineer"]);
        assert_eq!(first.years_experience, None);
        assert_eq!(parse(&outcome.saves[1]).years_experience, Some(3.0));
        // After the levels, CUDA is expert; before its level question it was saved as working.
        let before_levels = parse(&outcome.saves[outcome.saves.len() - 3]);
        assert_eq!(before_levels.level_of(skill("cuda")), 2);
        let last = parse(outcome.saves.last().expect("saved"));
        assert_eq!(last.level_of(skill("cuda")), 4);
        assert_eq!(last.level_of(skill("nsight")), 2);
    }

    #[test]
    fn interruption_stops_with_the_last_section_saved() {
        let outcome = session(
            Some(&["cuda-engineer".to_string()]),
            None,
            &[
                ("Years", Type("3")),
                ("GPU programming", Tick(&["CUDA"])),
                ("CUDA:", Interrupt),
            ],
        );
        let error = outcome.result.expect_err("interrupted");
        assert!(is_interrupted(&error), "{error:#}");
        let last = parse(outcome.saves.last().expect("saved"));
        assert_eq!(last.years_experience, Some(3.0));
        assert_eq!(last.level_of(skill("cuda")), 2);
    }

    #[test]
    fn from_prefills_every_prompt_and_keeps_what_is_not_listed() {
        let earlier = parse(
            r#"{"name": "Jordan", "years_experience": 3.5, "roles": ["cuda-engineer"],
                "skills": [{"name": "CUDA", "level": "proficient", "years": 2},
                           {"name": "LabelBox", "level": 1},
                           {"name": "JAX", "level": 0},
                           "Pytorhc"]}"#,
        );
        let outcome = session(None, Some(&earlier), &[]);
        outcome.prompter.assert_script_used();
        let answers = outcome.result.expect("completes");
        let transcript = outcome.prompter.transcript.join("\n");
        // Role focus, years and ticks come from the file.
        assert!(transcript.contains("ticked: CUDA Engineer"), "{transcript}");
        assert!(transcript.contains("  default: 3.5"), "{transcript}");
        assert!(transcript.contains("  ticked: CUDA\n"), "{transcript}");
        // Labelbox is no CUDA requirement, yet it is listed (ticked) in its category.
        assert!(transcript.contains("ticked: Labelbox"), "{transcript}");
        // Levels default to the file's.
        assert!(transcript.contains("default: proficient"), "{transcript}");
        assert!(transcript.contains("default: aware"), "{transcript}");
        assert_eq!(answers.name.as_deref(), Some("Jordan"));
        assert_eq!(answers.roles, ["cuda-engineer"]);
        // The level-0 skill is not carried as a skill; the unrecognized name is kept as written.
        assert_eq!(
            levels(&answers),
            [("cuda".to_string(), 3), ("labelbox".to_string(), 1)]
        );
        assert_eq!(answers.unrecognized, ["Pytorhc"]);
        let saved = parse(outcome.saves.last().expect("saved"));
        assert_eq!(saved.name.as_deref(), Some("Jordan"));
        assert_eq!(saved.skills[0].years, Some(2.0));
        assert_eq!(saved.unrecognized[0].input, "Pytorhc");
    }

    /// Issue 13: `--from F --save F` with more than 500 unrecognized names wrote back only the
    /// first 500 (the rest were dropped when F was read).
    #[test]
    fn every_unrecognized_name_survives_a_save_over_the_file() {
        let names: Vec<String> = (0..700).map(|i| format!("madeup-tool-{i}")).collect();
        let file = serde_json::json!({"skills": names}).to_string();
        let earlier = parse(&file);
        assert_eq!(earlier.unrecognized.len(), crate::skills::MAX_UNRECOGNIZED);
        let answers = Answers::from_skills(&earlier, catalog());
        assert_eq!(answers.unrecognized, names);
        let saved = parse(&answers.to_json(catalog()).expect("serializes"));
        let back: Vec<String> = saved
            .unrecognized
            .iter()
            .map(|u| u.input.clone())
            .chain(saved.unrecognized_beyond.iter().cloned())
            .collect();
        assert_eq!(back, names);
    }

    #[test]
    fn resuming_a_partial_file_reaches_the_same_answers() {
        let script = [
            ("Years", Type("5")),
            ("Programming languages", Tick(&["C++"])),
            ("GPU programming", Tick(&["CUDA", "NVIDIA Nsight"])),
            ("C++:", Choose("proficient")),
            ("CUDA:", Choose("expert")),
        ];
        let fixed = ["cuda-engineer".to_string()];
        let whole = session(Some(&fixed), None, &script);
        whole.prompter.assert_script_used();
        let whole = whole.result.expect("completes");

        // Interrupted at the second level question…
        let mut interrupted_script = script.to_vec();
        interrupted_script[4] = ("CUDA:", Interrupt);
        let cut = session(Some(&fixed), None, &interrupted_script);
        assert!(is_interrupted(&cut.result.expect_err("interrupted")));
        let partial = parse(cut.saves.last().expect("saved"));
        // …then resumed from the saved file, pressing Enter except for the level still to answer.
        let resumed = session(Some(&fixed), Some(&partial), &[("CUDA:", Choose("expert"))]);
        resumed.prompter.assert_script_used();
        assert_eq!(resumed.result.expect("completes"), whole);
    }

    #[test]
    fn unknown_roles_in_a_file_are_not_ticked() {
        let earlier = parse(r#"{"roles": ["astronaut"], "skills": []}"#);
        let outcome = session(None, Some(&earlier), &[("Years", Type("1"))]);
        let answers = outcome.result.expect("completes");
        assert!(answers.roles.is_empty(), "{:?}", answers.roles);
    }

    #[test]
    fn years_parse_as_people_type_them() {
        assert_eq!(parse_years("4"), Ok(4.0));
        assert_eq!(parse_years(" 4.5 "), Ok(4.5));
        assert_eq!(parse_years("4,5"), Ok(4.5));
        assert_eq!(parse_years("10 years"), Ok(10.0));
        assert_eq!(parse_years("1 yr"), Ok(1.0));
        assert_eq!(parse_years("0"), Ok(0.0));
        assert!(parse_years("NaN").is_err());
        assert!(parse_years("inf").is_err());
        assert!(parse_years("70.5").is_err());
        assert!(parse_years("years").is_err());
        assert_eq!(format_years(4.0), "4");
        assert_eq!(format_years(4.5), "4.5");
    }

    #[test]
    fn level_items_carry_the_spec_words_and_meanings() {
        assert_eq!(level_item(1), "aware — read about it, followed tutorials");
        assert_eq!(level_item(4), "expert — teaches it, contributes upstream");
    }
}
