//! Job postings as ad-hoc roles (`skillgap assess … --job posting.json`).
//!
//! A posting in the JSON Resume job schema (`title`, `company`, `description`, `experience`,
//! `skills[].name/level/keywords`, `qualifications[]`, `responsibilities[]`) becomes a [`Role`]
//! scored like a built-in profile:
//!
//! - every skill resolved through the catalog; a `skills[].name` the catalog knows is
//!   **essential**, its keywords and the skills the scanner finds in the description,
//!   qualifications and responsibilities are **expected**;
//! - the required level is the block's `level` word when it has one, else working (2) for
//!   essential skills (proficient, 3, at senior) and aware (1) at entry, working (2) above, for
//!   expected ones;
//! - the tier comes from `experience` ("Mid-level", "Senior", "3+ years"), else from the title
//!   ("Senior ML Engineer"), else from "N+ years" in the qualifications; a posting that states none
//!   is scored at all three tiers like a built-in profile;
//! - requirements are grouped by the catalog category of their skill.
//!
//! A file may hold one posting, an array of postings, or `{"jobs": [...]}`. A posting whose skills
//! are mostly outside the catalog is still scored, with a warning that says how little of it the
//! score covers; one with none in the catalog is an error.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde_json::{Map, Value};

use crate::catalog::{Catalog, SkillIdx};
use crate::input::encoding::capped_prose;
use crate::input::{self, json_resume, lenient, InputError};
use crate::skills::level_from_word;

use super::load::compile;
use super::{Importance, Profile, ProfileCategory, Requirement, Role, Tier, TierBand, TierLevels};

/// A role made from a posting, with what was odd about the posting.
#[derive(Debug, Clone)]
pub struct JobRole {
    pub role: Role,
    pub warnings: Vec<String>,
    /// Skills a text posting names only where they are not requirements (About us, Benefits,
    /// EEO), by name.
    pub passed_over: Vec<String>,
}

/// The role ids already given out: the built-in and custom profiles' and every posting's so far,
/// so that no two roles of one run share an id, even from two `--job` files (or one file twice).
#[derive(Debug, Clone, Default)]
pub struct RoleIds {
    taken: HashSet<String>,
    /// For an id that was asked for more than once, the suffix its next copy gets tried with: the
    /// suffixes below it are taken (ids are never given back), so they are not tried again.
    next_suffix: HashMap<String, usize>,
}

impl RoleIds {
    /// Ids that are taken already (the profiles' ones).
    pub fn reserving<'a>(ids: impl IntoIterator<Item = &'a str>) -> RoleIds {
        RoleIds {
            taken: ids.into_iter().map(str::to_string).collect(),
            next_suffix: HashMap::new(),
        }
    }

    /// `base` when it is free, else the first of `base-2`, `base-3`, … that is; taken from now on.
    pub fn claim(&mut self, base: &str) -> String {
        let mut id = base.to_string();
        if self.taken.contains(&id) {
            let n = self.next_suffix.entry(base.to_string()).or_insert(2);
            loop {
                id = format!("{base}-{n}");
                *n += 1;
                if !self.taken.contains(&id) {
                    break;
                }
            }
        }
        self.taken.insert(id.clone());
        id
    }
}

/// How `--job` reads a posting file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum PostingFormat {
    /// JSON when the file opens with `{` or `[` (and is not named .txt/.md), else text.
    #[default]
    Auto,
    /// The JSON Resume job schema (one posting, an array, or {"jobs": […]}).
    Jsonresume,
    /// A plain-text or Markdown posting, as pasted from a careers page.
    Text,
}

/// Reads the postings in `path` (`-` for stdin; a folder: every `.json`, `.txt` and `.md` file in
/// it, in name order) as roles, with ids not in `ids` (which then holds theirs too).
pub fn load(
    path: &Path,
    format: PostingFormat,
    catalog: &Catalog,
    ids: &mut RoleIds,
) -> Result<Vec<JobRole>, InputError> {
    if path.is_dir() {
        return load_folder(path, format, catalog, ids);
    }
    let source_name = path.display().to_string();
    let bytes = input::read_source(path)?;
    let text = input::decode(&source_name, &bytes)?;
    if text.trim().is_empty() {
        return Err(InputError::invalid(
            &source_name,
            "the job posting is empty; expected a JSON Resume job ({\"title\": …, \"skills\": […]}) or the text of a posting",
        ));
    }
    if let Some(kind) = crate::generator::text_report_kind(&text) {
        return Err(not_a_posting_error(
            &source_name,
            &crate::generator::report_words(kind),
        ));
    }
    let text_posting = match format {
        PostingFormat::Auto => super::posting::looks_like_text(path, &text),
        PostingFormat::Jsonresume => false,
        PostingFormat::Text => true,
    };
    if text_posting {
        let read = super::posting::read(&source_name, &text, catalog)?;
        let mut job = super::posting::role_of(&source_name, &read, catalog)?;
        job.role.profile.id = ids.claim(&job.role.profile.id);
        return Ok(vec![job]);
    }
    let (value, cleaned) = lenient::parse_value(&source_name, &text)?;
    let postings: Vec<Posting> = match &value {
        Value::Object(object) => match object.get("jobs").and_then(Value::as_array) {
            Some(jobs) => objects(&source_name, jobs, "jobs")?,
            None => vec![(source_name.clone(), object)],
        },
        Value::Array(items) => objects(&source_name, items, "")?,
        _ => {
            return Err(InputError::invalid(
                &source_name,
                "expected a job posting object ({\"title\": …, \"skills\": […]}), an array of them, or {\"jobs\": […]}",
            ))
        }
    };
    for (name, posting) in &postings {
        if let Some(what) = not_a_posting(posting) {
            return Err(not_a_posting_error(name, what));
        }
    }
    let mut roles = Vec::with_capacity(postings.len());
    // In a file of many postings, one that cannot be scored is skipped rather than fatal, and the
    // coverage warnings are summed up in one line rather than repeated per posting.
    let total = postings.len();
    let several = total > 1;
    let mut skipped: Vec<String> = Vec::new();
    let mut mostly_outside: Vec<String> = Vec::new();
    let label = |name: &str| name.rsplit(": ").next().unwrap_or(name).to_string();
    for (name, posting) in postings {
        let (mut job, coverage) = match read_posting(&name, posting, catalog) {
            Ok(read) => read,
            Err(_) if several => {
                skipped.push(label(&name));
                continue;
            }
            Err(error) => return Err(error),
        };
        match coverage {
            Some(_) if several => mostly_outside.push(label(&name)),
            Some(coverage) => job.warnings.push(coverage),
            None => {}
        }
        // Two postings with the same title get distinct ids.
        job.role.profile.id = ids.claim(&job.role.profile.id);
        roles.push(job);
    }
    if roles.is_empty() {
        return Err(InputError::invalid(
            &source_name,
            format!("none of its {total} postings names a skill in the catalog; nothing to rank against"),
        ));
    }
    let mut warnings: Vec<String> = cleaned
        .warnings
        .iter()
        .map(|w| format!("{source_name}:{w}"))
        .collect();
    if !mostly_outside.is_empty() {
        warnings.push(format!(
            "{source_name}: {} of the {total} postings list mostly skills outside the catalog ({}); their scores cover only the skills it knows",
            mostly_outside.len(),
            list_some(&mostly_outside)
        ));
    }
    if !skipped.is_empty() {
        warnings.push(format!(
            "{source_name}: skipped {} of the {total} postings, which name no skill in the catalog ({})",
            skipped.len(),
            list_some(&skipped)
        ));
    }
    if let Some(first) = roles.first_mut() {
        warnings.append(&mut first.warnings);
        first.warnings = warnings;
    }
    Ok(roles)
}

/// Every posting file of a folder, in name order. A file that is not a posting (a README, a
/// posting that names no catalog skill) is passed over with a warning that names it; a folder
/// where no file is a posting is an error.
fn load_folder(
    dir: &Path,
    format: PostingFormat,
    catalog: &Catalog,
    ids: &mut RoleIds,
) -> Result<Vec<JobRole>, InputError> {
    let source_name = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|error| InputError::Io {
        source_name: source_name.clone(),
        error,
    })?;
    let mut files: Vec<std::path::PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.is_file()
                && path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                    matches!(e.to_ascii_lowercase().as_str(), "json" | "txt" | "md")
                })
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(InputError::invalid(
            &source_name,
            "the folder holds no job posting (.json, .txt or .md files)",
        ));
    }
    let mut roles: Vec<JobRole> = Vec::new();
    let mut skipped: Vec<String> = Vec::new();
    for file in &files {
        match load(file, format, catalog, ids) {
            Ok(loaded) => roles.extend(loaded),
            Err(error) => skipped.push(error.to_string()),
        }
    }
    if roles.is_empty() {
        return Err(InputError::invalid(
            &source_name,
            format!(
                "none of its {} files is a job posting that names a catalog skill: {}",
                files.len(),
                skipped.join("; ")
            ),
        ));
    }
    let warnings = skipped
        .into_iter()
        .map(|reason| format!("passed over, not a posting: {reason}"));
    roles[0].warnings.extend(warnings);
    Ok(roles)
}

/// One posting of a file, with the name used in messages.
type Posting<'v> = (String, &'v Map<String, Value>);

fn objects<'v>(
    source_name: &str,
    items: &'v [Value],
    field: &str,
) -> Result<Vec<Posting<'v>>, InputError> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let name = if field.is_empty() {
                format!("{source_name}[{i}]")
            } else {
                format!("{source_name}: {field}[{i}]")
            };
            item.as_object().map(|o| (name.clone(), o)).ok_or_else(|| {
                InputError::invalid(&name, "expected a job posting object ({\"title\": …})")
            })
        })
        .collect()
}

/// Fields of the JSON Resume job schema that only a posting has (`skills` a person's file has too).
const POSTING_FIELDS: &[&str] = &[
    "title",
    "company",
    "description",
    "responsibilities",
    "qualifications",
    "experience",
    "type",
    "location",
    "remote",
    "salary",
    "date",
];

/// The error for a file given as a posting that is `what` instead ("a skills file").
fn not_a_posting_error(name: &str, what: &str) -> InputError {
    InputError::invalid(
        name,
        format!(
            "is {what}, not a job posting; --job takes a JSON Resume job ({{\"title\": …, \"qualifications\": […], \"skills\": […]}}) or the text of a posting, and the person goes first: `skillgap assess PERSON --job POSTING`"
        ),
    )
}

/// Sections of a JSON Resume that the job schema does not have (both have `meta` and `skills`;
/// `experience` is a résumé section in some exporters and a posting's level in the job schema).
const RESUME_ONLY_FIELDS: &[&str] = &[
    "basics",
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "languages",
    "interests",
    "references",
    "projects",
];

/// What a JSON object given as a posting is instead, when it is no posting: a résumé or skills
/// file passed to `--job` by mistake was ranked as a role made of the person's own skills.
fn not_a_posting(object: &Map<String, Value>) -> Option<&'static str> {
    let has = |field: &str| object.contains_key(field);
    let posting = POSTING_FIELDS.iter().any(|f| has(f));
    if crate::generator::is_report_object(object) {
        Some("a JSON report written by skillgap")
    } else if RESUME_ONLY_FIELDS.iter().any(|f| has(f)) {
        Some("a JSON Resume (a person's résumé)")
    } else if has("$schema") && (has("properties") || has("$defs") || has("definitions")) {
        Some("a JSON Schema")
    } else if has("years_experience") || (has("skills") && !posting) {
        Some("a skills file (a person's own skills)")
    } else if !posting {
        Some("a JSON document with none of a posting's fields (title, company, description, qualifications, …)")
    } else {
        None
    }
}

/// A requirement being collected.
struct Wanted {
    skill: SkillIdx,
    importance: Importance,
    level: Option<u8>,
    source_text: String,
}

/// Builds the role for one posting. `name` is used in messages (the file, or `file: jobs[3]`).
pub fn from_posting(
    name: &str,
    posting: &Map<String, Value>,
    catalog: &Catalog,
) -> Result<JobRole, InputError> {
    let (mut job, coverage) = read_posting(name, posting, catalog)?;
    job.warnings.extend(coverage);
    Ok(job)
}

/// [`from_posting`], with the warning that most of the skills the posting lists are outside the
/// catalog apart (a file of many postings sums those up in one line).
fn read_posting(
    name: &str,
    posting: &Map<String, Value>,
    catalog: &Catalog,
) -> Result<(JobRole, Option<String>), InputError> {
    let text = |field: &str| {
        posting
            .get(field)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let title = text("title").unwrap_or("Job posting");
    let company = text("company").or_else(|| text("name"));
    let mut wanted: Vec<Wanted> = Vec::new();
    let mut listed_terms = 0usize;
    // In order of first appearance, for messages; the set answers "seen already?".
    let mut unknown_terms: Vec<String> = Vec::new();
    let mut unknown_seen: HashSet<String> = HashSet::new();
    let want = |wanted: &mut Vec<Wanted>,
                skill: SkillIdx,
                importance: Importance,
                level: Option<u8>,
                source_text: &str| {
        match wanted.iter_mut().find(|w: &&mut Wanted| w.skill == skill) {
            Some(existing) => {
                if importance < existing.importance {
                    existing.importance = importance;
                    existing.source_text = source_text.to_string();
                }
                existing.level = existing.level.max(level);
            }
            None => wanted.push(Wanted {
                skill,
                importance,
                level,
                source_text: source_text.to_string(),
            }),
        }
    };

    if let Some(blocks) = posting.get("skills").and_then(Value::as_array) {
        for block in blocks {
            let (block_name, level, keywords) = match block {
                Value::String(s) => (s.as_str(), None, Vec::new()),
                Value::Object(block) => (
                    block.get("name").and_then(Value::as_str).unwrap_or(""),
                    block
                        .get("level")
                        .and_then(Value::as_str)
                        .and_then(level_from_word)
                        .filter(|&l| l > 0),
                    block
                        .get("keywords")
                        .and_then(Value::as_array)
                        .map(|k| k.iter().filter_map(Value::as_str).collect())
                        .unwrap_or_else(Vec::new),
                ),
                _ => continue,
            };
            let source_text = if keywords.is_empty() {
                block_name.to_string()
            } else {
                format!("{block_name}: {}", keywords.join(", "))
            };
            let source_text = input::shorten(&source_text, 160);
            let mut add_term = |term: &str, importance: Importance, wanted: &mut Vec<Wanted>| {
                for part in json_resume::split_compound(term, catalog) {
                    match strict_skill(catalog, &part.name) {
                        Some(skill) => want(wanted, skill, importance, level, &source_text),
                        // "React (hooks, Redux)": unknown details are not counted against the
                        // posting's coverage.
                        None if part.detail => continue,
                        None => {
                            if unknown_seen.insert(part.name.clone()) {
                                unknown_terms.push(part.name);
                            }
                        }
                    }
                    listed_terms += 1;
                }
            };
            if !block_name.trim().is_empty() {
                add_term(block_name, Importance::Essential, &mut wanted);
            }
            for keyword in keywords {
                add_term(keyword, Importance::Expected, &mut wanted);
            }
        }
    }

    // Skills named in the prose: expected.
    let mut warnings = Vec::new();
    let scanner = crate::extract::scanner_for(catalog).map_err(|e| InputError::invalid(name, e))?;
    for field in ["description", "qualifications", "responsibilities"] {
        let texts: Vec<(String, &str)> = match posting.get(field) {
            Some(Value::String(s)) => vec![(field.to_string(), s.as_str())],
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| Some((format!("{field}[{i}]"), item.as_str()?)))
                .collect(),
            _ => Vec::new(),
        };
        for (field, text) in texts {
            let (text, cut) = capped_prose(text);
            if let Some(cut) = cut {
                warnings.push(format!("{name}: {field} {cut}"));
            }
            for mention in scanner.scan(text) {
                want(
                    &mut wanted,
                    mention.skill,
                    Importance::Expected,
                    None,
                    &mention.evidence,
                );
            }
        }
    }

    if wanted.is_empty() {
        return Err(InputError::invalid(
            name,
            format!(
                "none of the skills the posting “{title}” names is in the skills catalog{}; it cannot be scored (`skillgap skills` lists the catalog)",
                if unknown_terms.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", list_some(&unknown_terms))
                }
            ),
        ));
    }
    let known_terms = listed_terms - unknown_terms.len().min(listed_terms);
    let mut coverage = None;
    if listed_terms > 0 && known_terms * 2 < listed_terms {
        coverage = Some(format!(
            "{name}: only {known_terms} of the {listed_terms} skills the posting “{title}” lists are in the catalog (not: {}); its score covers only those and the skills found in its text",
            list_some(&unknown_terms)
        ));
    }

    let tier = posting_tier(posting);
    let profile = profile_for(name, title, company, posting, tier, &wanted, catalog);
    let role = compile(profile, name, None, catalog, true).map_err(|problems| {
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        InputError::invalid(name, text.join("; "))
    })?;
    Ok((
        JobRole {
            role,
            warnings,
            passed_over: Vec::new(),
        },
        coverage,
    ))
}

/// Exact names and aliases only: a posting's "Razor" must not become a skill by a near spelling.
fn strict_skill(catalog: &Catalog, term: &str) -> Option<SkillIdx> {
    catalog.resolve_exact(term).and_then(|r| r.skill())
}

fn list_some(items: &[String]) -> String {
    let shown: Vec<&str> = items.iter().take(6).map(String::as_str).collect();
    if items.len() > shown.len() {
        format!("{}, …", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

/// Default bands, as the built-in profiles use them.
pub(crate) fn band(tier: Tier) -> TierBand {
    let (min_years, max_years) = match tier {
        Tier::Entry => (0.0, Some(2.0)),
        Tier::Mid => (3.0, Some(5.0)),
        Tier::Senior => (6.0, None),
    };
    TierBand {
        id: tier,
        min_years,
        max_years,
        titles: Vec::new(),
        description: None,
    }
}

/// The tier a posting asks for, when it says.
pub fn posting_tier(posting: &Map<String, Value>) -> Option<Tier> {
    let field = |name: &str| match posting.get(name) {
        Some(Value::String(s)) => Some(s.to_lowercase()),
        Some(Value::Number(n)) => Some(format!("{n} years")),
        _ => None,
    };
    if let Some(tier) =
        field("experience").and_then(|e| tier_from_words(&e).or_else(|| tier_from_years(&e)))
    {
        return Some(tier);
    }
    if let Some(tier) = field("title").and_then(|t| tier_from_words(&t)) {
        return Some(tier);
    }
    let qualifications: Vec<String> = match posting.get("qualifications") {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_lowercase)
            .collect(),
        Some(Value::String(s)) => vec![s.to_lowercase()],
        _ => Vec::new(),
    };
    qualifications.iter().find_map(|q| tier_from_years(q))
}

pub(crate) fn tier_from_words(text: &str) -> Option<Tier> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    if has(&[
        "senior",
        "sr",
        "lead",
        "staff",
        "principal",
        "head",
        "director",
        "expert",
    ]) {
        Some(Tier::Senior)
    } else if has(&["mid", "intermediate", "experienced"]) {
        Some(Tier::Mid)
    } else if has(&[
        "entry",
        "junior",
        "jr",
        "intern",
        "internship",
        "graduate",
        "trainee",
        "apprentice",
    ]) {
        Some(Tier::Entry)
    } else {
        None
    }
}

/// "3+ years", "5 years of experience", "2-4 years": the first number before "year".
pub(crate) fn tier_from_years(text: &str) -> Option<Tier> {
    let at = text.find("year")?;
    let before = &text[..at];
    let digits: String = before
        .chars()
        .rev()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    // For a range ("2-4 years") the digits found are the upper end; take the lower one.
    let range_start: Option<f64> = before
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter(|s| !s.is_empty())
        .rev()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .filter(|_| before.trim_end().trim_end_matches('+').contains(['-', '–']));
    let years: f64 = range_start.or_else(|| digits.parse().ok())?;
    if !(0.0..=40.0).contains(&years) {
        return None;
    }
    Some(if years >= 6.0 {
        Tier::Senior
    } else if years >= 3.0 {
        Tier::Mid
    } else {
        Tier::Entry
    })
}

pub(crate) fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    slug.trim_end_matches('-').to_string()
}

fn profile_for(
    name: &str,
    title: &str,
    company: Option<&str>,
    posting: &Map<String, Value>,
    tier: Option<Tier>,
    wanted: &[Wanted],
    catalog: &Catalog,
) -> Profile {
    let tiers: Vec<Tier> = match tier {
        Some(tier) => vec![tier],
        None => Tier::ALL.to_vec(),
    };
    let mut categories: Vec<ProfileCategory> = Vec::new();
    for want in wanted {
        let category_id = &catalog.skill(want.skill).category;
        let levels = levels_for(want.importance, want.level, &tiers);
        let requirement = Requirement {
            skill: catalog.skill(want.skill).id.clone(),
            importance: want.importance,
            levels,
            source_text: Some(want.source_text.clone()),
        };
        match categories.iter_mut().find(|c| &c.id == category_id) {
            Some(category) => category.requirements.push(requirement),
            None => categories.push(ProfileCategory {
                elective: false,
                id: category_id.clone(),
                name: catalog.category_name(category_id).to_string(),
                requirements: vec![requirement],
            }),
        }
    }
    let slug = slug(title);
    let id = if slug.is_empty() {
        "job-posting".to_string()
    } else {
        format!("job-{slug}")
    };
    let description = posting
        .get("description")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let summary = match description {
        Some(description) => input::shorten(description, 300),
        None => format!("Job posting read from {name}."),
    };
    // A posting is text a person brought, not an authored profile: its control characters are
    // shown escaped (as on a terminal) rather than refused by the profile checks.
    use crate::render::escape::{terminal_line, terminal_text};
    let title = match company {
        Some(company) => format!("{title} ({company})"),
        None => title.to_string(),
    };
    Profile {
        id,
        title: terminal_line(&title).into_owned(),
        summary: terminal_text(&summary).into_owned(),
        source: Some(terminal_line(name).into_owned()),
        salary: None,
        tiers: tiers.iter().map(|&t| band(t)).collect(),
        related_roles: Vec::new(),
        electives: None,
        categories,
    }
}

/// The level wanted at each scored tier: the posting's own level word, else by importance
/// (working for essentials, proficient at senior; aware at entry and working above for the
/// rest). Text postings share it.
pub(crate) fn levels_for(importance: Importance, level: Option<u8>, tiers: &[Tier]) -> TierLevels {
    let default = |tier: Tier| match (importance, tier) {
        (Importance::Essential, Tier::Senior) => 3,
        (Importance::Essential, _) => 2,
        (_, Tier::Entry) => 1,
        _ => 2,
    };
    let mut levels = TierLevels::default();
    for &tier in tiers {
        let value = Some(level.unwrap_or_else(|| default(tier)));
        match tier {
            Tier::Entry => levels.entry = value,
            Tier::Mid => levels.mid = value,
            Tier::Senior => levels.senior = value,
        }
    }
    levels
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> &'static Catalog {
        Catalog::builtin().expect("builtin catalog")
    }

    fn posting(text: &str) -> Map<String, Value> {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn one_file_given_twice_gives_distinct_ids_and_none_a_profile_has() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jobs.json");
        std::fs::write(
            &path,
            r#"[{"title": "ML Engineer", "skills": ["PyTorch"]},
                {"title": "ML Engineer", "skills": ["JAX"]},
                {"title": "ML Engineer 2", "skills": ["Docker"]}]"#,
        )
        .unwrap();
        let mut ids = RoleIds::reserving(["job-ml-engineer-2"]);
        let mut read = || -> Vec<String> {
            load(&path, PostingFormat::Auto, catalog(), &mut ids)
                .unwrap()
                .into_iter()
                .map(|job| job.role.profile.id)
                .collect()
        };
        assert_eq!(
            read(),
            [
                "job-ml-engineer",
                "job-ml-engineer-3",
                "job-ml-engineer-2-2"
            ]
        );
        assert_eq!(
            read(),
            [
                "job-ml-engineer-4",
                "job-ml-engineer-5",
                "job-ml-engineer-2-3"
            ]
        );
    }

    #[test]
    fn listed_skills_are_essential_and_keywords_expected() {
        let job = from_posting(
            "job.json",
            &posting(
                r#"{"title": "Senior LLM Engineer", "company": "Acme", "experience": "Senior",
                    "skills": [{"name": "PyTorch", "keywords": ["FSDP", "DeepSpeed"]},
                               {"name": "Serving", "level": "Advanced", "keywords": ["vLLM"]}],
                    "qualifications": ["Experience with Kubernetes"]}"#,
            ),
            catalog(),
        )
        .unwrap();
        let role = &job.role;
        assert_eq!(role.profile.id, "job-senior-llm-engineer");
        assert_eq!(role.profile.title, "Senior LLM Engineer (Acme)");
        assert!(role.custom);
        assert_eq!(role.profile.tiers.len(), 1);
        assert_eq!(role.profile.tiers[0].id, Tier::Senior);
        let importance = |id: &str| {
            role.requirements
                .iter()
                .find(|r| catalog().skill(r.skill).id == id)
                .map(|r| (r.importance, r.levels.senior))
        };
        assert_eq!(
            importance("pytorch"),
            Some((Importance::Essential, Some(3)))
        );
        assert_eq!(importance("fsdp"), Some((Importance::Expected, Some(2))));
        assert_eq!(importance("vllm"), Some((Importance::Expected, Some(3))));
        assert_eq!(
            importance("kubernetes"),
            Some((Importance::Expected, Some(2)))
        );
        assert!(job.warnings.is_empty(), "{:?}", job.warnings);
    }

    #[test]
    fn postings_mostly_outside_the_catalog_say_so() {
        let job = from_posting(
            "job.json",
            &posting(
                r#"{"title": "Full-stack Developer",
                    "skills": [{"name": "C#", "keywords": ["LINQ", "WebForms"]}, {"name": "Razor"}, {"name": "Python"}]}"#,
            ),
            catalog(),
        )
        .unwrap();
        assert!(
            job.warnings[0].contains("only 2 of the 5 skills"),
            "{:?}",
            job.warnings
        );
        assert_eq!(job.role.profile.tiers.len(), 3);

        let error = from_posting(
            "job.json",
            &posting(r#"{"title": "Barista", "skills": [{"name": "Latte art"}]}"#),
            catalog(),
        )
        .unwrap_err()
        .to_string();
        assert!(
            error.contains("none of the skills the posting “Barista” names"),
            "{error}"
        );
    }

    #[test]
    fn tiers_from_experience_title_or_years() {
        let tier = |text: &str| posting_tier(&posting(text));
        assert_eq!(tier(r#"{"experience": "Mid-level"}"#), Some(Tier::Mid));
        assert_eq!(tier(r#"{"experience": "Entry level"}"#), Some(Tier::Entry));
        assert_eq!(
            tier(r#"{"title": "Staff ML Engineer"}"#),
            Some(Tier::Senior)
        );
        assert_eq!(
            tier(r#"{"qualifications": ["3+ years of experience in web development"]}"#),
            Some(Tier::Mid)
        );
        assert_eq!(
            tier(r#"{"qualifications": ["2-4 years with PyTorch"]}"#),
            Some(Tier::Entry)
        );
        assert_eq!(tier(r#"{"experience": "7 years"}"#), Some(Tier::Senior));
        assert_eq!(tier(r#"{"title": "ML Engineer"}"#), None);
    }

    #[test]
    fn slugs_are_kebab_case() {
        assert_eq!(
            slug("Multiple Roles — Prior Labs Open Positions"),
            "multiple-roles-prior-labs-open-positions"
        );
        assert_eq!(slug("C++ / CUDA Engineer!"), "c-cuda-engineer");
        assert_eq!(slug("—"), "");
    }
}
