//! Every check a profile must pass, reported together with the field it concerns, so that a person
//! writing a profile fixes all mistakes in one round.

use std::collections::HashSet;
use std::fmt;

use crate::catalog::{Catalog, Resolution};

use super::{Importance, Profile, Tier};

/// One mistake in a profile: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// A path into the profile, e.g. `categories[2].requirements[0].skill`; empty for the whole file.
    pub field: String,
    pub message: String,
}

impl Problem {
    pub fn new(
        file: impl Into<String>,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Problem {
        Problem {
            file: file.into(),
            field: field.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}: {}: {}", self.file, self.field, self.message)
        }
    }
}

/// A name from the profile as quoted in a message: at most 60 characters on one line (control
/// characters escaped).
pub(crate) fn short(text: &str) -> String {
    let head: String = text.chars().take(61).collect();
    crate::input::shorten(&head.escape_debug().to_string(), 60)
}

fn years(value: f64) -> String {
    crate::input::skills_json::compact_number(value)
}

fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Checks one parsed profile. `stem` is the file stem when the profile came from a file whose name
/// must match its id.
pub fn validate(
    profile: &Profile,
    file: &str,
    stem: Option<&str>,
    catalog: &Catalog,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report =
        |field: String, message: String| problems.push(Problem::new(file, field, message));

    if !is_kebab_case(&profile.id) {
        report(
            "id".into(),
            format!(
                "`{}` is not a kebab-case id (lowercase letters, digits and dashes)",
                short(&profile.id)
            ),
        );
    }
    if let Some(stem) = stem {
        if stem != profile.id {
            report(
                "id".into(),
                format!(
                    "`{}` does not match the file name `{}.json`",
                    short(&profile.id),
                    short(stem)
                ),
            );
        }
    }
    if profile.title.trim().is_empty() {
        report("title".into(), "is empty".into());
    }
    if profile.summary.trim().is_empty() {
        report(
            "summary".into(),
            "is empty; say what the role is and what the profile rests on".into(),
        );
    }
    if let Some(salary) = &profile.salary {
        if salary.min > salary.max {
            report(
                "salary".into(),
                format!("min {} is above max {}", salary.min, salary.max),
            );
        }
    }

    // Tiers.
    let mut seen_tiers = HashSet::new();
    if profile.tiers.is_empty() {
        report(
            "tiers".into(),
            "no tiers: define at least one of entry, mid, senior".into(),
        );
    }
    for (i, band) in profile.tiers.iter().enumerate() {
        let field = format!("tiers[{i}]");
        if !seen_tiers.insert(band.id) {
            report(
                field.clone(),
                format!("tier `{}` is defined twice", band.id),
            );
        }
        if !band.min_years.is_finite() || band.min_years < 0.0 || band.min_years > 60.0 {
            report(
                format!("{field}.min_years"),
                format!(
                    "{} is not a number of years between 0 and 60",
                    years(band.min_years)
                ),
            );
        }
        for (t, title) in band.titles.iter().enumerate() {
            if title.trim().is_empty() || *title != title.to_lowercase() {
                report(
                    format!("{field}.titles[{t}]"),
                    format!(
                        "`{}` must be a lowercase word or phrase of a job title",
                        short(title)
                    ),
                );
            }
        }
        if let Some(max) = band.max_years {
            if !max.is_finite() || max < band.min_years {
                report(
                    format!("{field}.max_years"),
                    format!(
                        "{} is below min_years {}",
                        years(max),
                        years(band.min_years)
                    ),
                );
            }
        }
    }
    let mut ordered: Vec<_> = profile.tiers.iter().collect();
    ordered.sort_by_key(|b| b.id);
    for pair in ordered.windows(2) {
        if pair[1].min_years <= pair[0].min_years {
            report(
                "tiers".into(),
                format!(
                    "tier `{}` starts at {} years, not after `{}` ({} years)",
                    pair[1].id,
                    years(pair[1].min_years),
                    pair[0].id,
                    years(pair[0].min_years)
                ),
            );
        }
    }

    // Categories and requirements.
    if profile.categories.is_empty() {
        report(
            "categories".into(),
            "no categories: a profile needs at least one requirement".into(),
        );
    }
    let mut seen_categories = HashSet::new();
    let mut seen_skills = HashSet::new();
    for (c, category) in profile.categories.iter().enumerate() {
        let field = format!("categories[{c}]");
        if !is_kebab_case(&category.id) {
            report(
                format!("{field}.id"),
                format!("`{}` is not a kebab-case id", short(&category.id)),
            );
        }
        if !seen_categories.insert(category.id.as_str()) {
            report(
                format!("{field}.id"),
                format!("category `{}` appears twice", short(&category.id)),
            );
        }
        if category.requirements.is_empty() {
            report(
                format!("{field}.requirements"),
                format!("category `{}` is empty", short(&category.id)),
            );
        }
        for (r, req) in category.requirements.iter().enumerate() {
            let field = format!("{field}.requirements[{r}]");
            match catalog.index_of(&req.skill) {
                Some(_) => {
                    if !seen_skills.insert(req.skill.as_str()) {
                        report(
                            format!("{field}.skill"),
                            format!("`{}` is required twice in this profile", short(&req.skill)),
                        );
                    }
                }
                None => {
                    // A name too long to be a skill gets no suggestion (and no slow fuzzy search).
                    let resolution = if req.skill.len() <= 100 {
                        catalog.resolve(&req.skill)
                    } else {
                        Resolution::Unrecognized { suggestion: None }
                    };
                    let hint = match resolution {
                        Resolution::Unrecognized { suggestion: None } => String::new(),
                        Resolution::Unrecognized {
                            suggestion: Some(i),
                        } => {
                            format!(" (did you mean `{}`?)", catalog.skill(i).id)
                        }
                        resolved => resolved
                            .skill()
                            .map(|i| format!(" (did you mean `{}`?)", catalog.skill(i).id))
                            .unwrap_or_default(),
                    };
                    report(
                        format!("{field}.skill"),
                        format!(
                            "unknown skill id `{}`{hint}; `skillgap skills` lists them",
                            short(&req.skill)
                        ),
                    );
                }
            }
            let mut previous: Option<(Tier, u8)> = None;
            let mut applies = false;
            for tier in Tier::ALL {
                let Some(level) = req.levels.get(tier) else {
                    continue;
                };
                applies = true;
                if !(1..=4).contains(&level) {
                    report(
                        format!("{field}.levels.{tier}"),
                        format!("level {level} is out of range: use 1 (aware) to 4 (expert)"),
                    );
                }
                if !seen_tiers.contains(&tier) && !profile.tiers.is_empty() {
                    report(
                        format!("{field}.levels.{tier}"),
                        format!("the profile defines no `{tier}` tier"),
                    );
                }
                if let Some((prev_tier, prev_level)) = previous {
                    if level < prev_level {
                        report(
                            format!("{field}.levels.{tier}"),
                            format!("level {level} is below the {prev_tier} level {prev_level}; levels never fall with seniority"),
                        );
                    }
                }
                previous = Some((tier, level));
            }
            if !applies {
                report(
                    format!("{field}.levels"),
                    "applies at no tier: give a level for entry, mid or senior".into(),
                );
            }
            if category.elective && req.importance == Importance::Essential {
                report(
                    format!("{field}.importance"),
                    format!(
                        "`{}` is essential in the elective category `{}`: an essential always counts, so it belongs in a core category",
                        short(&req.skill),
                        short(&category.id)
                    ),
                );
            }
        }
    }
    let electives = profile.categories.iter().filter(|c| c.elective).count();
    match profile.electives {
        Some(0) => report(
            "electives".into(),
            "is 0: give how many of the elective categories count (at least 1)".into(),
        ),
        Some(n) if n > electives => report(
            "electives".into(),
            format!("{n} elective categories count, but the profile marks {electives} as elective"),
        ),
        None if electives > 0 => report(
            "electives".into(),
            format!(
                "{electives} categories are elective: say how many of them count with `electives`"
            ),
        ),
        _ => {}
    }

    // Text is shown on terminals and in reports: no control characters (an escape sequence in a
    // title would write to the terminal of whoever lists the roles). Prose may break lines.
    for (field, text, prose) in text_fields(profile) {
        let allowed = |c: char| prose && matches!(c, '\n' | '\t');
        if let Some(c) = text.chars().find(|&c| c.is_control() && !allowed(c)) {
            report(
                field,
                format!(
                    "holds the control character U+{:04X}; use plain text{}",
                    u32::from(c),
                    if prose {
                        " (line breaks and tabs are fine)"
                    } else {
                        ""
                    }
                ),
            );
        }
    }
    problems
}

/// Every free-text field of a profile, with its path and whether it is prose (may break lines).
fn text_fields(profile: &Profile) -> Vec<(String, &str, bool)> {
    // Ids and skill references have rules of their own (kebab case, a catalog id).
    let mut fields = vec![
        ("title".to_string(), profile.title.as_str(), false),
        ("summary".to_string(), profile.summary.as_str(), true),
    ];
    if let Some(source) = &profile.source {
        fields.push(("source".to_string(), source, true));
    }
    if let Some(salary) = &profile.salary {
        fields.push(("salary.currency".to_string(), &salary.currency, false));
        fields.push(("salary.period".to_string(), &salary.period, false));
    }
    for (i, related) in profile.related_roles.iter().enumerate() {
        fields.push((format!("related_roles[{i}]"), related, false));
    }
    for (i, band) in profile.tiers.iter().enumerate() {
        for (t, title) in band.titles.iter().enumerate() {
            fields.push((format!("tiers[{i}].titles[{t}]"), title, false));
        }
        if let Some(description) = &band.description {
            fields.push((format!("tiers[{i}].description"), description, true));
        }
    }
    for (c, category) in profile.categories.iter().enumerate() {
        fields.push((format!("categories[{c}].name"), &category.name, false));
    }
    fields
}
