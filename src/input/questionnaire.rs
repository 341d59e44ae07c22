//! The interactive questionnaire (SPEC §4): `skillgap assess` at a terminal, for a person with no
//! résumé at hand.
//!
//! The flow is a plain function, [`run`], over a small [`Prompter`] trait: the real prompter
//! (`prompter_dialoguer`) draws dialoguer prompts on the terminal, and a scripted one drives the unit
//! tests below through every branch. The flow never touches the terminal or the file system itself;
//! it hands its [`Answers`] to a `save` callback after every section, so that `--save FILE` loses
//! nothing when the session is interrupted.
//!
//! The questions, in SPEC §4's order, kept few and cheap in keys (the 14-skill session that
//! `tests/it/questionnaire_pty.rs` drives takes 34 key presses):
//!
//! 1. an optional role focus (none ticked = every role), skipped when `--role` was given;
//! 2. years of professional experience, re-asked until it is a number from 0 to 70;
//! 3. one multi-select per catalog category, listing only the skills the chosen roles ask for, most
//!    important first, a broad everyday skill followed by its concrete forms (AWS, Google Cloud,
//!    Microsoft Azure after "Cloud platforms"); a category none of them asks for is not shown;
//! 4. after a category with ticked skills, one level screen for them all: Enter keeps the levels
//!    shown (`working` for a new skill), Enter on a skill raises it a level, so changing one is a
//!    key or two and accepting a section is one;
//! 5. after the last category, a fuzzy search of the whole catalog for skills not listed, repeated
//!    until Enter on an empty search, and one level screen for what it found.
//!
//! Esc on any list (`<` at the years question, whose text prompt cannot read Esc) goes back one
//! question, which shows its answer as it now stands; the saved file always holds the answers as
//! they now stand, since every answer is saved when it is given.
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

/// The kinds of question the flow asks. Implementations draw them somewhere (a terminal) or
/// answer them from a script (tests). `None` from a list means the person asked to go back one
/// question (Esc).
pub trait Prompter {
    /// One of `items`; `default` is highlighted first. `None`: back.
    fn select(
        &mut self,
        prompt: &str,
        items: &[String],
        default: usize,
    ) -> Result<Option<usize>, PromptError>;

    /// Any number of `items` (the indices ticked); `checked` are ticked at first. `None`: back.
    fn multi_select(
        &mut self,
        prompt: &str,
        items: &[String],
        checked: &[bool],
    ) -> Result<Option<Vec<usize>>, PromptError>;

    /// A line of text that `validate` accepts; the prompter asks again until it does. `default` is
    /// what an empty answer means.
    fn input(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        validate: Validator<'_>,
    ) -> Result<String, PromptError>;

    /// One of `items` found by typing part of it; with nothing typed, Enter takes the first
    /// item. `None`: back.
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
/// ask for, most important first (then the ones more roles ask for, then catalog order), each broad
/// skill followed by its [`concrete_choices`] (AWS, Google Cloud, Microsoft Azure after "Cloud
/// platforms"), then any skill already answered in that category. With `core_only` (no role in
/// focus, so every role counts) only the core of the field is listed: what some role calls
/// essential, or at least two roles call essential or expected; the rest are one search away.
/// Categories with nothing to list are left out.
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
            let mut skills: Vec<SkillIdx> = Vec::new();
            for (_, skill) in needed {
                if !skills.contains(&skill) {
                    skills.push(skill);
                }
                for choice in concrete_choices(catalog, skill) {
                    if !skills.contains(&choice) && !needs.contains_key(&choice) {
                        skills.push(choice);
                    }
                }
            }
            for answer in &answers.skills {
                if in_category(answer.skill) && !skills.contains(&answer.skill) {
                    skills.push(answer.skill);
                }
            }
            (!skills.is_empty()).then(|| (category.id.clone(), skills))
        })
        .collect()
}

/// The concrete forms of a broad, everyday skill that the catalog holds in its category: AWS,
/// Google Cloud and Microsoft Azure for "Cloud platforms", NumPy and pandas for Python. A role
/// that asks for the broad skill is listed these too, right after it, since a person has used a
/// particular cloud rather than "cloud platforms"; each implies the broad skill when assessed.
/// Only skills the catalog marks generic (the tools most technical jobs use) on both sides, and
/// one step of `implies`, so the specialist families (PyTorch's extensions, CUDA's libraries)
/// stay with the roles that ask for them.
fn concrete_choices(catalog: &Catalog, broad: SkillIdx) -> Vec<SkillIdx> {
    let entry = catalog.skill(broad);
    if !entry.generic {
        return Vec::new();
    }
    (0..catalog.skills().len())
        .filter(|&skill| {
            let candidate = catalog.skill(skill);
            skill != broad
                && candidate.generic
                && candidate.category == entry.category
                && catalog.implies(skill).contains(&broad)
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

/// One question of the session. The questions are worked out again after every answer (a role
/// focus changes the lists, a skill added by search brings its category in), and the session
/// moves to the next or, on Esc, the previous one in that order: see [`Step::order`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Roles,
    Years,
    /// The multi-select of a catalog category (its position in the catalog).
    Section(usize),
    /// The level screen of the skills ticked in that category.
    Levels(usize),
    /// The catalog search, after the last section.
    Search,
    /// The level screen of the skills the search added.
    Found,
}

impl Step {
    /// Where the step stands in a session: a category's level screen right after its list.
    fn order(self) -> (usize, usize, usize) {
        match self {
            Step::Roles => (0, 0, 0),
            Step::Years => (1, 0, 0),
            Step::Section(category) => (2, category, 0),
            Step::Levels(category) => (2, category, 1),
            Step::Search => (3, 0, 0),
            Step::Found => (4, 0, 0),
        }
    }
}

/// What a question's answer does to the session.
enum Move {
    Next,
    Back,
}

/// First item of the search: Enter on an empty search ends it.
pub const SEARCH_DONE: &str = "✓ no other skill: finish";
/// First item of a level screen: Enter keeps the levels as shown.
pub const LEVELS_KEEP: &str = "✓ keep these levels";
/// What typed at the years question goes back one question (its prompt cannot read Esc).
pub const BACK_TEXT: &str = "<";

/// The next level when a skill is chosen on a level screen: up one, and from expert round to aware.
fn next_level(level: u8) -> u8 {
    if level >= MAX_LEVEL {
        1
    } else {
        level.max(1) + 1
    }
}

/// A level screen's item for one skill: `CUDA: proficient — owns it in production`.
fn level_screen_item(catalog: &Catalog, answer: &Answer) -> String {
    format!(
        "{}: {}",
        catalog.skill(answer.skill).name,
        level_item(answer.level)
    )
}

/// The session's state between questions.
struct Session<'s, 'p> {
    setup: &'s Setup<'s>,
    prompter: &'p mut dyn Prompter,
    save: &'p mut dyn FnMut(&Answers) -> anyhow::Result<()>,
    answers: Answers,
    /// Skills the search added in this session, in the order added.
    found: Vec<SkillIdx>,
}

impl Session<'_, '_> {
    fn catalog(&self) -> &Catalog {
        self.setup.catalog
    }

    /// The roles in focus: those chosen, or every role when none is.
    fn focus(&self) -> Vec<&Role> {
        let roles = &self.answers.roles;
        self.setup
            .roles
            .iter()
            .filter(|r| roles.is_empty() || roles.iter().any(|id| id == r.id()))
            .collect()
    }

    /// The category lists as the answers now stand.
    fn sections(&self) -> Vec<(String, Vec<SkillIdx>)> {
        let focus = self.focus();
        // No role in focus: every role's essentials and expected skills, not all 200-odd skills.
        let core_only = self.answers.roles.is_empty() && focus.len() > 1;
        category_items(self.catalog(), &focus, &self.answers, core_only)
    }

    fn category_position(&self, id: &str) -> usize {
        self.catalog()
            .categories()
            .iter()
            .position(|c| c.id == id)
            .unwrap_or(usize::MAX)
    }

    fn ticked_in(&self, category: usize) -> Vec<SkillIdx> {
        let Some(category) = self.catalog().categories().get(category) else {
            return Vec::new();
        };
        self.answers
            .skills
            .iter()
            .filter(|a| self.catalog().skill(a.skill).category == category.id)
            .map(|a| a.skill)
            .collect()
    }

    fn found_present(&self) -> Vec<SkillIdx> {
        self.found
            .iter()
            .copied()
            .filter(|&s| self.answers.has(s))
            .collect()
    }

    /// Every question of the session, in order, as the answers now stand.
    fn steps(&self) -> Vec<Step> {
        let mut steps = Vec::new();
        if self.setup.fixed_roles.is_none() && !self.setup.roles.is_empty() {
            steps.push(Step::Roles);
        }
        steps.push(Step::Years);
        for (id, _) in self.sections() {
            let category = self.category_position(&id);
            steps.push(Step::Section(category));
            if !self.ticked_in(category).is_empty() {
                steps.push(Step::Levels(category));
            }
        }
        steps.push(Step::Search);
        if !self.found_present().is_empty() {
            steps.push(Step::Found);
        }
        steps
    }

    fn after(&self, step: Step) -> Option<Step> {
        self.steps().into_iter().find(|s| s.order() > step.order())
    }

    fn before(&self, step: Step) -> Option<Step> {
        self.steps()
            .into_iter()
            .rev()
            .find(|s| s.order() < step.order())
    }

    fn save(&mut self) -> anyhow::Result<()> {
        (self.save)(&self.answers)
    }

    fn ask(&mut self, step: Step) -> anyhow::Result<Move> {
        match step {
            Step::Roles => self.ask_roles(),
            Step::Years => self.ask_years(),
            Step::Section(category) => self.ask_section(category),
            Step::Levels(category) => {
                let title = self
                    .catalog()
                    .categories()
                    .get(category)
                    .map_or_else(String::new, |c| c.name.clone());
                let skills = self.ticked_in(category);
                self.level_screen(&title, &skills)
            }
            Step::Search => self.search(),
            Step::Found => {
                let skills = self.found_present();
                self.level_screen("Skills found by search", &skills)
            }
        }
    }

    fn ask_roles(&mut self) -> anyhow::Result<Move> {
        let roles = self.setup.roles;
        let titles: Vec<String> = roles.iter().map(|r| r.profile.title.clone()).collect();
        let checked: Vec<bool> = roles
            .iter()
            .map(|r| self.answers.roles.iter().any(|id| id == r.id()))
            .collect();
        let Some(ticked) = self.prompter.multi_select(
            "Which roles are you aiming for? (none = all roles)",
            &titles,
            &checked,
        )?
        else {
            return Ok(Move::Back);
        };
        self.answers.roles = ticked
            .into_iter()
            .filter_map(|i| roles.get(i))
            .map(|r| r.id().to_string())
            .collect();
        self.save()?;
        Ok(Move::Next)
    }

    fn ask_years(&mut self) -> anyhow::Result<Move> {
        let default_years = self.answers.years_experience.map(format_years);
        let can_go_back = self.before(Step::Years).is_some();
        let validate = |text: &str| {
            if can_go_back && text.trim() == BACK_TEXT {
                Ok(())
            } else {
                parse_years(text).map(|_| ())
            }
        };
        let prompt = if can_go_back {
            format!("Years of professional experience ({BACK_TEXT} goes back)")
        } else {
            "Years of professional experience".to_string()
        };
        let typed = self
            .prompter
            .input(&prompt, default_years.as_deref(), &validate)?;
        if can_go_back && typed.trim() == BACK_TEXT {
            return Ok(Move::Back);
        }
        self.answers.years_experience = Some(parse_years(&typed).map_err(anyhow::Error::msg)?);
        self.save()?;
        Ok(Move::Next)
    }

    fn ask_section(&mut self, category: usize) -> anyhow::Result<Move> {
        let catalog = self.setup.catalog;
        let Some(category) = catalog.categories().get(category) else {
            return Ok(Move::Next);
        };
        let sections = self.sections();
        let total = sections.len();
        let Some(number) = sections.iter().position(|(id, _)| *id == category.id) else {
            return Ok(Move::Next);
        };
        let shown = &sections[number].1;
        let items: Vec<String> = shown
            .iter()
            .map(|&s| catalog.skill(s).name.clone())
            .collect();
        let checked: Vec<bool> = shown.iter().map(|&s| self.answers.has(s)).collect();
        let prompt = format!(
            "[{}/{total}] {}: which have you used?",
            number + 1,
            category.name
        );
        let Some(ticked) = self.prompter.multi_select(&prompt, &items, &checked)? else {
            return Ok(Move::Back);
        };
        let chosen: Vec<SkillIdx> = ticked
            .iter()
            .filter_map(|&i| shown.get(i).copied())
            .collect();
        self.answers.set_shown(shown, &chosen, catalog);
        self.save()?;
        Ok(Move::Next)
    }

    /// One screen for the levels of `skills`: Enter on the first item keeps them as shown; Enter
    /// on a skill raises its level one step (expert goes round to aware) and shows the screen
    /// again with the cursor back on "keep", so raising one skill a level is ↓…, Enter, Enter.
    /// (The cursor staying on the skill would make a second step one key cheaper but every
    /// finish dearer by as many ↑ as the skill is down the list; one step is the usual change.)
    fn level_screen(&mut self, title: &str, skills: &[SkillIdx]) -> anyhow::Result<Move> {
        let catalog = self.setup.catalog;
        let prompt = format!("{title}: your levels? (Enter on a skill raises it one level)");
        loop {
            let answers: Vec<Answer> = skills
                .iter()
                .filter_map(|&s| self.answers.skills.iter().find(|a| a.skill == s).cloned())
                .collect();
            let mut items = vec![LEVELS_KEEP.to_string()];
            items.extend(answers.iter().map(|a| level_screen_item(catalog, a)));
            let Some(chosen) = self.prompter.select(&prompt, &items, 0)? else {
                // Levels raised before Esc stand, and so does the file.
                self.save()?;
                return Ok(Move::Back);
            };
            let Some(skill) = chosen.checked_sub(1).and_then(|i| answers.get(i)) else {
                break;
            };
            if let Some(answer) = self
                .answers
                .skills
                .iter_mut()
                .find(|a| a.skill == skill.skill)
            {
                answer.level = next_level(answer.level);
            }
        }
        let summary: Vec<String> = skills
            .iter()
            .filter_map(|&s| self.answers.skills.iter().find(|a| a.skill == s))
            .map(|a| {
                format!(
                    "{} {}",
                    catalog.skill(a.skill).name,
                    LEVEL_WORDS[usize::from(a.level.min(MAX_LEVEL))]
                )
            })
            .collect();
        self.prompter
            .note(&format!("{title}: {}", summary.join(", ")))?;
        self.save()?;
        Ok(Move::Next)
    }

    /// The catalog search: adds skills one at a time until the person takes the first item
    /// (Enter on an empty search).
    fn search(&mut self) -> anyhow::Result<Move> {
        let catalog = self.setup.catalog;
        loop {
            let candidates: Vec<SkillIdx> = (0..catalog.skills().len())
                .filter(|&s| !self.answers.has(s))
                .collect();
            let mut items = vec![SEARCH_DONE.to_string()];
            items.extend(candidates.iter().map(|&s| search_item(catalog, s)));
            let picked = self.prompter.fuzzy_select(
                "Another skill not listed? Type to search the catalog, Enter adds it (Enter alone: finish)",
                &items,
            )?;
            let Some(picked) = picked else {
                return Ok(Move::Back);
            };
            let Some(&skill) = picked.checked_sub(1).and_then(|i| candidates.get(i)) else {
                return Ok(Move::Next);
            };
            self.answers.add(skill, catalog);
            self.found.push(skill);
            self.prompter
                .note(&format!("Added {}.", catalog.skill(skill).name))?;
            self.save()?;
        }
    }
}

/// Runs the questionnaire. `save` is called with the answers so far after every section (the role
/// focus, the years, each category list, each level screen, each skill found by search). Esc (or
/// `<` at the years question) goes back one question, whose answer shows as it now stands. Stops
/// with a [`PromptError`] in the error chain when the person interrupts; what was saved last
/// stays as it was.
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
    if let Some(ids) = setup.fixed_roles {
        answers.roles = ids.to_vec();
    } else if setup.roles.is_empty() {
        answers.roles.clear();
    } else {
        // Only roles that can be chosen stay ticked.
        answers
            .roles
            .retain(|id| setup.roles.iter().any(|r| r.id() == id));
    }

    prompter.note(if setup.prefill.is_some() {
        "Starting from your earlier answers: Enter keeps each one."
    } else {
        "About a minute of questions; ticking a role or two keeps it short."
    })?;
    prompter
        .note("Space ticks an item (a ticks all), Enter goes on, Esc goes back, Ctrl-C stops.")?;
    if let Some(path) = setup.save_path {
        prompter.note(&format!("Your answers are saved to {path} as you go."))?;
    }

    let mut session = Session {
        setup,
        prompter,
        save,
        answers,
        found: Vec::new(),
    };
    if setup.fixed_roles.is_some() || setup.roles.is_empty() {
        session.save()?;
    }
    let mut step = session.steps().first().copied().unwrap_or(Step::Years);
    loop {
        let next = match session.ask(step)? {
            Move::Next => session.after(step),
            Move::Back => Some(session.before(step).unwrap_or(step)),
        };
        match next {
            Some(next) => step = next,
            None => break,
        }
    }

    let Session {
        prompter, answers, ..
    } = session;
    if answers.skills.is_empty() {
        prompter.note("No skills chosen: the report will show every requirement as a gap.")?;
    }
    if let Some(path) = setup.save_path {
        prompter.note(&format!(
            "Saved your answers to {path}; `skillgap assess {path}` gives this report again."
        ))?;
    }
    Ok(answers)
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
        /// Tick exactly these items (by name).
        Tick(&'static [&'static str]),
        /// Type this text (input prompts).
        Type(&'static str),
        /// At a level screen: Enter on each named skill until it shows the level word given,
        /// then Enter on "keep".
        Levels(&'static [(&'static str, &'static str)]),
        /// Type this into the search and take the best item.
        Search(&'static str),
        /// Enter on an empty search: finish.
        Done,
        /// Esc: back one question.
        Back,
        /// Ctrl-C.
        Interrupt,
    }

    /// A prompter that answers from a script of (prompt words, reply) pairs, each used once in
    /// order; a prompt the script does not mention gets its default (Enter). It records what it was
    /// shown.
    struct Scripted {
        script: VecDeque<(&'static str, Reply)>,
        transcript: Vec<String>,
        /// Prompts shown, level-screen redraws included.
        prompts: usize,
    }

    impl Scripted {
        fn new(script: &[(&'static str, Reply)]) -> Scripted {
            Scripted {
                script: script.iter().cloned().collect(),
                transcript: Vec::new(),
                prompts: 0,
            }
        }

        fn peek(&mut self, prompt: &str) -> Option<Reply> {
            self.transcript.push(prompt.to_string());
            self.prompts += 1;
            match self.script.front() {
                Some((words, reply)) if prompt.contains(words) => Some(reply.clone()),
                _ => None,
            }
        }

        fn reply_for(&mut self, prompt: &str) -> Option<Reply> {
            let reply = self.peek(prompt);
            if reply.is_some() {
                self.script.pop_front();
            }
            reply
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

    fn ticked(items: &[String], names: &[&str]) -> Vec<usize> {
        names
            .iter()
            .map(|name| {
                items
                    .iter()
                    .position(|item| item == name)
                    .unwrap_or_else(|| panic!("`{name}` is not among {items:?}"))
            })
            .collect()
    }

    impl Prompter for Scripted {
        fn select(
            &mut self,
            prompt: &str,
            items: &[String],
            default: usize,
        ) -> Result<Option<usize>, PromptError> {
            self.transcript
                .push(format!("  items: {}", items.join(" | ")));
            self.transcript
                .push(format!("  default: {}", items[default]));
            match self.peek(prompt) {
                None => Ok(Some(default)),
                Some(Reply::Levels(targets)) => {
                    let unmet = targets.iter().find_map(|(name, word)| {
                        let position = items
                            .iter()
                            .position(|i| i.starts_with(&format!("{name}: ")))
                            .unwrap_or_else(|| panic!("no `{name}` in {items:?}"));
                        let at = items[position].starts_with(&format!("{name}: {word} "));
                        (!at).then_some(position)
                    });
                    if unmet.is_none() {
                        self.script.pop_front();
                    }
                    Ok(Some(unmet.unwrap_or(0)))
                }
                Some(Reply::Back) => {
                    self.script.pop_front();
                    Ok(None)
                }
                Some(Reply::Interrupt) => Err(PromptError::Interrupted),
                Some(other) => panic!("{other:?} at select `{prompt}`"),
            }
        }

        fn multi_select(
            &mut self,
            prompt: &str,
            items: &[String],
            checked: &[bool],
        ) -> Result<Option<Vec<usize>>, PromptError> {
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
                None => Ok(Some((0..items.len()).filter(|&i| checked[i]).collect())),
                Some(Reply::Tick(names)) => Ok(Some(ticked(items, names))),
                Some(Reply::Back) => Ok(None),
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
            self.transcript.push(format!("  first: {}", items[0]));
            match self.reply_for(prompt) {
                None | Some(Reply::Done) => Ok(Some(0)),
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
                Some(Reply::Back) => Ok(None),
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

    impl Outcome {
        fn transcript(&self) -> String {
            self.prompter.transcript.join("\n")
        }
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

    fn saved_ids(text: &str) -> Vec<(String, u8)> {
        let skills = parse(text);
        skills
            .skills
            .iter()
            .map(|c| (catalog().skill(c.skill).id.clone(), c.level))
            .collect()
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
                ("frameworks: which", Tick(&["PyTorch"])),
                (
                    "frameworks: your levels",
                    Levels(&[("PyTorch", "proficient")]),
                ),
                ("Fine-tuning & alignment: which", Tick(&["LoRA", "RLHF"])),
                (
                    "Fine-tuning & alignment: your levels",
                    Levels(&[("RLHF", "aware")]),
                ),
            ],
        );
        outcome.prompter.assert_script_used();
        let transcript = outcome.transcript();
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
        // Only the categories the LLM Engineer profile uses were asked; no list holds a search
        // entry: the search is asked once, after the last list.
        assert!(!transcript.contains("Annotation"), "{transcript}");
        assert!(!transcript.contains("CUTLASS"), "{transcript}");
        assert!(!transcript.contains("search the catalog…"), "{transcript}");
        assert_eq!(transcript.matches("Another skill not listed?").count(), 1);
        // Each level screen ends with a line of what it holds.
        assert!(
            transcript.contains("note: Fine-tuning & alignment: LoRA working, RLHF aware"),
            "{transcript}"
        );
        // The saved file reads back to the same skills and focus.
        let saved = parse(outcome.saves.last().expect("saved"));
        assert_eq!(saved.roles, ["llm-engineer"]);
        assert_eq!(saved.years_experience, Some(4.0));
        assert_eq!(saved.level_of(skill("pytorch")), 3);
        assert_eq!(saved.level_of(skill("rlhf")), 1);
        assert_eq!(saved.skills.len(), 3);
    }

    #[test]
    fn a_section_with_defaults_takes_two_prompts_and_unticked_sections_one() {
        // Role, years, 11 lists, 1 level screen (frameworks), the search.
        let outcome = session(
            None,
            None,
            &[
                ("roles", Tick(&["LLM Engineer"])),
                ("Years", Type("4")),
                (
                    "frameworks: which",
                    Tick(&["PyTorch", "Hugging Face Transformers"]),
                ),
            ],
        );
        outcome.prompter.assert_script_used();
        let answers = outcome.result.expect("completes");
        assert_eq!(
            levels(&answers),
            [
                ("pytorch".to_string(), 2),
                ("hugging-face-transformers".to_string(), 2)
            ]
        );
        assert_eq!(outcome.prompter.prompts, 2 + 11 + 1 + 1);
    }

    #[test]
    fn the_level_screen_raises_a_level_in_place_and_goes_round_from_expert() {
        let outcome = session(
            Some(&["cuda-engineer".to_string()]),
            None,
            &[
                ("Years", Type("3")),
                (
                    "GPU programming & accelerators: which",
                    Tick(&["CUDA", "NVIDIA Nsight", "cuBLAS"]),
                ),
                (
                    "accelerators: your levels",
                    Levels(&[("CUDA", "proficient"), ("NVIDIA Nsight", "aware")]),
                ),
            ],
        );
        outcome.prompter.assert_script_used();
        let transcript = outcome.transcript();
        let answers = outcome.result.expect("completes");
        assert_eq!(
            levels(&answers),
            [
                ("cuda".to_string(), 3),
                ("cublas".to_string(), 2),
                ("nsight".to_string(), 1)
            ]
        );
        // One screen, shown again after each Enter on a skill: CUDA once (working → proficient),
        // Nsight three times (→ proficient → expert → aware), then "keep".
        let screens: Vec<&String> = outcome
            .prompter
            .transcript
            .iter()
            .filter(|l| l.contains("your levels?"))
            .collect();
        assert_eq!(screens.len(), 1 + 3 + 1, "{screens:?}");
        // Nsight went round through expert; after each change the cursor is back on "keep".
        assert!(
            transcript.contains("NVIDIA Nsight: expert — teaches it"),
            "{transcript}"
        );
        assert_eq!(
            transcript
                .matches(&format!("  default: {LEVELS_KEEP}"))
                .count(),
            5
        );
        assert!(transcript.contains(&format!("  items: {LEVELS_KEEP} | CUDA: working")));
        assert_eq!(next_level(2), 3);
        assert_eq!(next_level(4), 1);
        assert_eq!(next_level(0), 2);
    }

    #[test]
    fn one_enter_keeps_every_level_of_a_section() {
        let earlier = parse(
            r#"{"years_experience": 2, "roles": ["cuda-engineer"],
                "skills": [{"name": "CUDA", "level": "expert"}, {"name": "cuBLAS", "level": 1}]}"#,
        );
        let outcome = session(None, Some(&earlier), &[]);
        outcome.prompter.assert_script_used();
        let transcript = outcome.transcript();
        let answers = outcome.result.expect("completes");
        assert_eq!(
            levels(&answers),
            [("cuda".to_string(), 4), ("cublas".to_string(), 1)]
        );
        assert!(transcript.contains("CUDA: expert"), "{transcript}");
        assert!(transcript.contains("cuBLAS: aware"), "{transcript}");
    }

    #[test]
    fn esc_goes_back_one_question_and_the_saved_file_follows_the_answers() {
        let outcome = session(
            None,
            None,
            &[
                // Esc on the first question has nowhere to go: asked again.
                ("roles", Back),
                ("roles", Tick(&["LLM Engineer"])),
                // `<` at the years goes back to the roles, which show the focus ticked.
                ("Years", Type("<")),
                ("roles", Tick(&["Machine Learning Engineer"])),
                ("Years", Type("6")),
                ("frameworks: which", Tick(&["PyTorch"])),
                ("frameworks: your levels", Levels(&[("PyTorch", "expert")])),
                // Back from the second list to the first list's level screen, then to the list.
                ("Inference", Back),
                ("frameworks: your levels", Back),
                ("frameworks: which", Tick(&[])),
                // With nothing ticked there is no level screen: on to the next list.
                ("Inference", Tick(&["Model serving & deployment"])),
            ],
        );
        outcome.prompter.assert_script_used();
        let transcript = outcome.transcript();
        let answers = outcome.result.expect("completes");
        assert_eq!(answers.roles, ["ml-engineer"]);
        assert_eq!(answers.years_experience, Some(6.0));
        assert_eq!(levels(&answers), [("model-serving".to_string(), 2)]);
        // Back at the roles, the focus chosen before showed ticked.
        assert!(
            transcript.contains("  ticked: LLM Engineer"),
            "{transcript}"
        );
        assert!(transcript.contains("(< goes back)"), "{transcript}");
        // Back at the first list, PyTorch showed ticked with the level it had.
        assert!(transcript.contains("  ticked: PyTorch"), "{transcript}");
        // The file saved after each answer: PyTorch expert, then gone once unticked.
        let with_pytorch = outcome
            .saves
            .iter()
            .position(|s| saved_ids(s) == [("pytorch".to_string(), 4)])
            .expect("saved with PyTorch expert");
        let without = outcome.saves[with_pytorch..]
            .iter()
            .position(|s| saved_ids(s).is_empty())
            .expect("saved without PyTorch");
        assert!(without > 0);
        let last = parse(outcome.saves.last().expect("saved"));
        assert_eq!(last.roles, ["ml-engineer"]);
        assert_eq!(
            saved_ids(outcome.saves.last().expect("saved")),
            levels(&answers)
        );
    }

    #[test]
    fn with_fixed_roles_the_years_cannot_go_back() {
        let outcome = session(
            Some(&["cuda-engineer".to_string()]),
            None,
            &[("Years", Type("<")), ("Years", Type("2"))],
        );
        outcome.prompter.assert_script_used();
        assert!(!outcome.transcript().contains("(< goes back)"));
        assert_eq!(
            outcome.result.expect("completes").years_experience,
            Some(2.0)
        );
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
    fn a_broad_skill_is_listed_with_its_concrete_choices() {
        let profiles = builtin_profiles(catalog()).expect("built-in profiles load");
        let llm = profiles.get("llm-engineer").expect("role");
        let sections = category_items(catalog(), &[llm], &Answers::default(), false);
        let listed = |category: &str| -> Vec<String> {
            sections
                .iter()
                .find(|(id, _)| id == category)
                .map(|(_, skills)| {
                    skills
                        .iter()
                        .map(|&s| catalog().skill(s).id.clone())
                        .collect()
                })
                .unwrap_or_default()
        };
        assert_eq!(listed("cloud"), ["cloud-platforms", "aws", "gcp", "azure"]);
        assert_eq!(listed("programming"), ["python", "numpy", "pandas"]);
        // Specialist families stay with the roles that ask for them.
        let cuda = profiles.get("cuda-engineer").expect("role");
        let hardware = category_items(catalog(), &[llm, cuda], &Answers::default(), false);
        let frameworks = &hardware
            .iter()
            .find(|(id, _)| id == "frameworks")
            .expect("listed")
            .1;
        assert!(!frameworks.contains(&skill("custom-autograd")));
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
        assert_eq!((everything.len(), count(&everything)), (22, 214));
        assert_eq!((core.len(), count(&core)), (20, 55));
        let listed = |id: &str| core.iter().any(|(_, skills)| skills.contains(&skill(id)));
        // Essential somewhere: listed. Expected by several roles: listed. Situational or expected
        // by one role only: reached through the search.
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
        assert_eq!(count(&focused), 111);
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
        let transcript = outcome.transcript();
        let answers = outcome.result.expect("completes");
        assert_eq!(answers.roles, ["data-labeling-specialist"]);
        assert!(answers.skills.is_empty());
        assert!(!transcript.contains("Which roles"), "{transcript}");
        assert!(transcript.contains("No skills chosen"), "{transcript}");
        // No level screens when nothing was ticked.
        assert!(!transcript.contains("your levels"), "{transcript}");
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
                ("Another skill", Search("torch")),
                ("Another skill", Search("k8s")),
                ("Another skill", Done),
                (
                    "found by search: your levels",
                    Levels(&[("Kubernetes", "proficient")]),
                ),
            ],
        );
        outcome.prompter.assert_script_used();
        let transcript = outcome.transcript();
        let answers = outcome.result.expect("completes");
        assert_eq!(
            levels(&answers),
            [("pytorch".to_string(), 2), ("kubernetes".to_string(), 3)]
        );
        assert!(transcript.contains("note: Added PyTorch."), "{transcript}");
        assert!(transcript.contains(&format!("  first: {SEARCH_DONE}")));
        // Each addition is saved at once.
        let after_first = outcome
            .saves
            .iter()
            .any(|s| saved_ids(s) == [("pytorch".to_string(), 2)]);
        assert!(after_first);
    }

    #[test]
    fn back_from_the_search_reaches_the_last_list_which_counts_the_categories_it_brought_in() {
        // The director's profile uses neither the frameworks nor the GPU category. The search
        // adds PyTorch and CUDA; Esc at the levels of what it found goes back to the search, Esc
        // there to the last list, which now counts the two categories the search brought in.
        let outcome = session(
            Some(&["ai-strategy-director".to_string()]),
            None,
            &[
                ("Years", Type("10")),
                ("Another skill", Search("pytorch")),
                ("Another skill", Search("cuda")),
                ("Another skill", Done),
                ("found by search", Back),
                ("Another skill", Back),
                ("[12/12] Leadership", Back),
                ("[11/12] Governance", Tick(&["AI governance"])),
                ("Governance", Levels(&[("AI governance", "proficient")])),
                ("[12/12] Leadership", Tick(&[])),
                ("Another skill", Search("jax")),
                ("Another skill", Done),
                ("found by search", Levels(&[("CUDA", "expert")])),
            ],
        );
        outcome.prompter.assert_script_used();
        let transcript = outcome.transcript();
        assert!(transcript.contains("[10/10] Leadership"), "{transcript}");
        let answers = outcome.result.expect("completes");
        assert_eq!(
            levels(&answers),
            [
                ("pytorch".to_string(), 2),
                ("jax".to_string(), 2),
                ("cuda".to_string(), 4),
                ("ai-governance".to_string(), 3),
            ]
        );
        assert_eq!(
            saved_ids(outcome.saves.last().expect("saved")),
            levels(&answers)
        );
        // What the search found is listed, ticked, in its own category when asked again.
        let again = session(
            Some(&["ai-strategy-director".to_string()]),
            Some(&parse(outcome.saves.last().expect("saved"))),
            &[("GPU programming & accelerators: which", Tick(&[]))],
        );
        again.prompter.assert_script_used();
        assert!(again.transcript().contains("  ticked: CUDA\n"));
        let answers = again.result.expect("completes");
        assert!(!answers.has(skill("cuda")));
        assert!(answers.has(skill("jax")));
    }

    #[test]
    fn saves_after_every_section() {
        let outcome = session(
            Some(&["cuda-engineer".to_string()]),
            None,
            &[
                ("Years", Type("3")),
                ("GPU programming", Tick(&["CUDA", "NVIDIA Nsight"])),
                ("your levels", Levels(&[("CUDA", "expert")])),
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
        // Role focus, years, each category, the one level screen.
        assert_eq!(outcome.saves.len(), 2 + categories + 1);
        let first = parse(&outcome.saves[0]);
        assert_eq!(first.roles, ["cuda-engineer"]);
        assert_eq!(first.years_experience, None);
        assert_eq!(parse(&outcome.saves[1]).years_experience, Some(3.0));
        // After the level screen, CUDA is expert; before it, CUDA was saved as working.
        let before_levels = parse(&outcome.saves[outcome.saves.len() - 2]);
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
                ("your levels", Interrupt),
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
        let transcript = outcome.transcript();
        let answers = outcome.result.expect("completes");
        // Role focus, years and ticks come from the file.
        assert!(transcript.contains("ticked: CUDA Engineer"), "{transcript}");
        assert!(transcript.contains("  default: 3.5"), "{transcript}");
        assert!(transcript.contains("  ticked: CUDA\n"), "{transcript}");
        // Labelbox is no CUDA requirement, yet it is listed (ticked) in its category.
        assert!(transcript.contains("ticked: Labelbox"), "{transcript}");
        // Level screens show the file's levels.
        assert!(transcript.contains("CUDA: proficient"), "{transcript}");
        assert!(transcript.contains("Labelbox: aware"), "{transcript}");
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
            ("Programming languages & libraries: which", Tick(&["C++"])),
            (
                "Programming languages & libraries: your levels",
                Levels(&[("C++", "proficient")]),
            ),
            (
                "GPU programming & accelerators: which",
                Tick(&["CUDA", "NVIDIA Nsight"]),
            ),
            ("accelerators: your levels", Levels(&[("CUDA", "expert")])),
        ];
        let fixed = ["cuda-engineer".to_string()];
        let whole = session(Some(&fixed), None, &script);
        whole.prompter.assert_script_used();
        let whole = whole.result.expect("completes");

        // Interrupted at the second level screen…
        let mut interrupted_script = script.to_vec();
        interrupted_script[4] = ("accelerators: your levels", Interrupt);
        let cut = session(Some(&fixed), None, &interrupted_script);
        assert!(is_interrupted(&cut.result.expect_err("interrupted")));
        let partial = parse(cut.saves.last().expect("saved"));
        // …then resumed from the saved file, pressing Enter except for the levels still to set.
        let resumed = session(
            Some(&fixed),
            Some(&partial),
            &[("accelerators: your levels", Levels(&[("CUDA", "expert")]))],
        );
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
        assert!(parse_years("<").is_err());
        assert_eq!(format_years(4.0), "4");
        assert_eq!(format_years(4.5), "4.5");
    }

    #[test]
    fn level_items_carry_the_spec_words_and_meanings() {
        assert_eq!(level_item(1), "aware — read about it, followed tutorials");
        assert_eq!(level_item(4), "expert — teaches it, contributes upstream");
    }
}
