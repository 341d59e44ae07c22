//! JSON Resume files (jsonresume.org), as people really fill them in.
//!
//! The schema says `skills[].name` is a skill and `keywords` are details; in practice `name` is as
//! often a category ("Programming Languages") and the keywords are the skills, and a keyword may
//! pack several ("Deep Learning (CNN, RNN, Transformers)", "CUDA/cuDNN", "AWS (EC2, S3)"). So:
//!
//! - a listed skill is every keyword, split where it is compound, plus the entry's `name` when the
//!   catalog knows it as a skill (a category name is quietly passed over); its level is the entry's
//!   `level` word (Beginner → 1 … Master → 4), or *working* (2) when there is none;
//! - the prose — `basics.summary`, `work[]` positions, summaries, descriptions and highlights,
//!   `projects[]`, `certificates[]`, `publications[]`, course names — goes through the same
//!   [`Scanner`] as text résumés, and a skill found only there counts at the lower prose level,
//!   raised to *working* when several entries mention it. `projects[].keywords` are the tools a
//!   project used: *working*;
//! - years of experience are the `work[]` date ranges, merged so that overlapping jobs count once
//!   (see [`dates`]).
//!
//! The reader walks a [`serde_json::Value`] rather than deriving a schema: real files put a string
//! where an array belongs, a number where a string belongs, or add fields of their own, and none of
//! that should stop the skills being read. The old schema's `company`/`website`, and the
//! `experience`/`details` spelling some generators use, are read too.

use serde_json::{Map, Value};

use crate::catalog::Catalog;
use crate::extract::{
    levels, scanner_for, Place, Position, Scanner, Seniority, Sighting, Strength,
};
use crate::skills::{level_from_word, Skills, MAX_LEVEL};

use super::dates::{self, Day, Interval};
use super::encoding::capped_prose;
use super::{lenient, shorten, InputError};

/// Top-level fields that only a JSON Resume has (used by format detection).
pub const RESUME_FIELDS: &[&str] = &[
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
    "meta",
    "$schema",
    "experience",
];

/// The prose fields read in each section's entries.
const PROSE_FIELDS: &[(&str, &[&str])] = &[
    (
        "work",
        &[
            "position",
            "role",
            "summary",
            "description",
            "highlights",
            "details",
        ],
    ),
    (
        "experience",
        &[
            "position",
            "role",
            "title",
            "summary",
            "description",
            "highlights",
            "details",
        ],
    ),
    (
        "internships",
        &["position", "role", "summary", "description", "highlights"],
    ),
    ("volunteer", &["position", "summary", "highlights"]),
    (
        "projects",
        &["name", "description", "summary", "highlights", "details"],
    ),
    (
        "portfolio",
        &["name", "description", "summary", "highlights"],
    ),
    ("certificates", &["name", "title", "issuer"]),
    ("certifications", &["name", "title", "issuer"]),
    ("publications", &["name", "summary"]),
    ("education", &["area", "courses"]),
];

/// Evidence longer than this is cut.
const EVIDENCE_MAX: usize = 160;

/// A keyword with more words than this is a sentence, scanned as prose rather than resolved as a
/// name.
const MAX_NAME_WORDS: usize = 5;

/// Parses a JSON Resume text (comments and trailing commas accepted with a warning).
pub fn parse(source_name: &str, text: &str, catalog: &Catalog) -> Result<Skills, InputError> {
    let (value, cleaned) = lenient::parse_value(source_name, text)?;
    from_parsed(source_name, &value, cleaned.warnings, catalog)
}

/// [`parse`] of JSON already parsed leniently (`leniency` holds its leniency warnings).
pub(crate) fn from_parsed(
    source_name: &str,
    value: &Value,
    leniency: Vec<String>,
    catalog: &Catalog,
) -> Result<Skills, InputError> {
    let mut skills = from_value(source_name, value, catalog)?;
    let mut warnings = leniency;
    warnings.append(&mut skills.warnings);
    skills.warnings = warnings;
    Ok(skills)
}

/// Reads the skills of an already parsed JSON Resume.
pub fn from_value(
    source_name: &str,
    value: &Value,
    catalog: &Catalog,
) -> Result<Skills, InputError> {
    let Some(root) = value.as_object() else {
        return Err(InputError::invalid(
            source_name,
            format!(
                "expected a JSON Resume object ({{\"basics\": …, \"work\": […], \"skills\": […]}}), found {}",
                kind(value)
            ),
        ));
    };
    let scanner = scanner_for(catalog).map_err(|e| InputError::invalid(source_name, e))?;
    let today = dates::today();
    let mut reader = Reader {
        catalog,
        scanner: &scanner,
        skills: Skills::new(source_name),
        sightings: Vec::new(),
        positions: Vec::new(),
        today,
        context: String::new(),
    };
    reader.skills.name = root
        .get("basics")
        .and_then(|b| b.get("name"))
        .or_else(|| root.get("name"))
        .and_then(text_of)
        .map(str::to_string);
    warn_about_shapes(root, &mut reader.skills.warnings);
    reader.read_listed_skills(root);
    reader.read_project_keywords(root);
    reader.read_prose(root);
    for claim in levels::skills_from(&reader.sightings, &reader.positions, catalog, today) {
        reader.skills.add(claim);
    }
    reader.skills.needs_evidence = true;
    reader.skills.positions =
        crate::extract::experience::work_positions(&reader.sightings, &reader.positions);
    reader.skills.years_experience = years_of_experience(root, &mut reader.skills.warnings);
    Ok(reader.skills)
}

/// Where a prose field sits: its kind of place and the position it belongs to.
#[derive(Debug, Clone, Copy)]
struct FieldPlace {
    place: Place,
    position: Option<usize>,
}

struct Reader<'a> {
    catalog: &'a Catalog,
    scanner: &'a Scanner,
    skills: Skills,
    sightings: Vec<Sighting>,
    positions: Vec<Position>,
    today: Day,
    /// The title and summary of the entry whose fields are being scanned: the header its
    /// highlights sit under ("" outside an entry).
    context: String,
}

/// A JSON Resume entry's start and end, as written: the start and end fields, or one field
/// holding the whole range ("Dec 2024 - Present") as the start. `None` without a start.
fn date_fields(entry: &Map<String, Value>) -> Option<(String, Option<String>)> {
    let field = |names: &[&str]| -> Option<String> {
        names.iter().find_map(|n| match entry.get(*n) {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            Some(Value::Null) => Some(String::new()),
            _ => None,
        })
    };
    match field(&["startDate", "start_date", "start", "from"]) {
        Some(start) => Some((start, field(&["endDate", "end_date", "end", "to"]))),
        None => field(&["date", "dates", "period", "duration"]).map(|range| (range, None)),
    }
}

/// A JSON Resume entry's date range (its warnings are said once, by the years of experience).
fn entry_interval(entry: &Map<String, Value>, today: Day) -> Option<Interval> {
    let (start, end) = date_fields(entry)?;
    dates::interval(Some(&start), end.as_deref(), today)
        .interval
        .or_else(|| {
            end.is_none()
                .then(|| dates::ranges_in_line(&start, today).first().copied())
                .flatten()
        })
}

impl Reader<'_> {
    /// `skills[]` (or a `{"Category": ["Skill", …]}` object, as some generators write it).
    fn read_listed_skills(&mut self, root: &Map<String, Value>) {
        let Some(entries) = root.get("skills") else {
            return;
        };
        match entries {
            Value::Array(entries) => {
                for (i, entry) in entries.iter().enumerate() {
                    match entry {
                        Value::Object(entry) => {
                            self.read_skill_entry(&format!("skills[{i}]"), entry)
                        }
                        Value::String(name) => {
                            self.add_listed(name, None, 1, name, &|| format!("skills[{i}]"))
                        }
                        _ => {}
                    }
                }
            }
            Value::Object(categories) => {
                for (category, keywords) in categories {
                    let keywords = strings_of(keywords);
                    let evidence = format!("{category}: {}", keywords.join(", "));
                    for keyword in &keywords {
                        self.add_listed(keyword, None, keywords.len(), &evidence, &|| {
                            format!("skills.{category}")
                        });
                    }
                }
            }
            _ => {}
        }
    }

    fn read_skill_entry(&mut self, path: &str, entry: &Map<String, Value>) {
        let name = entry.get("name").and_then(text_of).unwrap_or("");
        let level = entry
            .get("level")
            .and_then(|level| self.level_of(path, name, level));
        let keywords: Vec<&str> = entry.get("keywords").map(strings_of).unwrap_or_default();
        if keywords.is_empty() {
            if !name.is_empty() {
                self.add_listed(name, level, 1, name, &|| path.to_string());
            }
            return;
        }
        let evidence = if name.is_empty() {
            keywords.join(", ")
        } else {
            format!("{name}: {}", keywords.join(", "))
        };
        // The name is a skill too when the catalog knows it exactly ("Python": numpy, pandas);
        // otherwise it is a category ("Programming Languages") and says nothing by itself.
        // A level written for the entry is the level of every name in it: a group level.
        let name_is_skill = self.catalog.resolve_exact(name).is_some();
        let group = keywords.len() + usize::from(name_is_skill);
        if name_is_skill {
            self.add_listed(name, level, group, &evidence, &|| path.to_string());
        }
        for keyword in keywords {
            self.add_listed(keyword, level, group, &evidence, &|| {
                format!("{path}.keywords")
            });
        }
    }

    /// The level an entry's `level` states; an unknown word is noted and ignored.
    fn level_of(&mut self, path: &str, name: &str, level: &Value) -> Option<u8> {
        match level {
            Value::Number(n) => match n.as_u64() {
                Some(n) if n <= u64::from(MAX_LEVEL) => Some(n as u8),
                _ => {
                    self.skills.warnings.push(format!(
                        "{path}.level {n} ({name}) is not a level 0–4; ignored it"
                    ));
                    None
                }
            },
            Value::String(word) if word.trim().is_empty() => None,
            Value::String(word) => {
                let found = level_from_word(word).or_else(|| {
                    // "Advanced / Expert", "Intermediate-Advanced": the first word that is a level.
                    word.split(|c: char| !c.is_alphanumeric())
                        .find_map(level_from_word)
                });
                if found.is_none() {
                    self.skills.warnings.push(format!(
                        "{path}.level {word:?} ({name}) is not a level word (Beginner, Intermediate, Advanced, Master/Expert); ignored it"
                    ));
                }
                found
            }
            _ => None,
        }
    }

    /// Adds a listed name, split where compound; long keywords are scanned as prose instead, at the
    /// field `path` names (written out only then).
    fn add_listed(
        &mut self,
        name: &str,
        level: Option<u8>,
        group: usize,
        evidence: &str,
        path: &dyn Fn() -> String,
    ) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        let list = FieldPlace {
            place: Place::SkillsList,
            position: None,
        };
        if name.split_whitespace().count() > MAX_NAME_WORDS {
            self.scan_field(name, list, path);
            return;
        }
        let evidence = shorten(evidence.trim(), EVIDENCE_MAX);
        for part in split_compound(name, self.catalog) {
            let found = if part.detail {
                // A known detail counts; an unknown one is a version or a sub-product.
                self.catalog
                    .resolve_exact(&part.name)
                    .and_then(|r| Some((r.skill()?, r.via())))
            } else {
                self.skills.resolve_named(self.catalog, &part.name)
            };
            if let Some((skill, via)) = found {
                self.sightings.push(Sighting {
                    skill,
                    place: Place::SkillsList,
                    position: None,
                    period: None,
                    evidence: evidence.clone(),
                    via,
                    stated_level: level,
                    group,
                    stated_years: None,
                    strength: Strength::Plain,
                });
            }
        }
    }

    /// `projects[].keywords`: tools used in a project (in its dates when it has them).
    fn read_project_keywords(&mut self, root: &Map<String, Value>) {
        for (i, project) in array_of(root, &["projects", "portfolio"])
            .iter()
            .enumerate()
        {
            let Some(keywords) = project.get("keywords").map(strings_of) else {
                continue;
            };
            let at = self.project_place(project);
            let title = project.get("name").and_then(text_of).unwrap_or("project");
            let evidence = format!("{title}: {}", keywords.join(", "));
            for keyword in keywords {
                let name = keyword.trim();
                if name.split_whitespace().count() > MAX_NAME_WORDS {
                    self.scan_field(name, at, || format!("projects[{i}].keywords"));
                    continue;
                }
                for part in split_compound(name, self.catalog) {
                    // A project keyword that names nothing known is a detail, not a claim.
                    if let Some(resolution) = self.catalog.resolve_exact(&part.name) {
                        let Some(skill) = resolution.skill() else {
                            continue;
                        };
                        self.sightings.push(Sighting {
                            skill,
                            place: at.place,
                            position: at.position,
                            period: None,
                            evidence: shorten(&evidence, EVIDENCE_MAX),
                            via: format!("projects[{i}].keywords ({})", resolution.via()),
                            stated_level: None,
                            group: 1,
                            stated_years: None,
                            strength: Strength::Plain,
                        });
                    }
                }
            }
        }
    }

    /// A project is a position when it has dates, else an undated project. The same project
    /// always gets the same position.
    fn project_place(&mut self, project: &Map<String, Value>) -> FieldPlace {
        let title = project.get("name").and_then(text_of).unwrap_or("project");
        match entry_interval(project, self.today) {
            Some(interval) => {
                let position = self
                    .positions
                    .iter()
                    .position(|p| p.title == title && p.interval == Some(interval))
                    .unwrap_or_else(|| {
                        self.positions.push(Position {
                            title: title.to_string(),
                            interval: Some(interval),
                            seniority: Seniority::Regular,
                        });
                        self.positions.len() - 1
                    });
                FieldPlace {
                    place: Place::PositionBullet,
                    position: Some(position),
                }
            }
            None => FieldPlace {
                place: Place::Project,
                position: None,
            },
        }
    }

    /// Every prose field, scanned, with the place it sits in.
    fn read_prose(&mut self, root: &Map<String, Value>) {
        let summary = FieldPlace {
            place: Place::Summary,
            position: None,
        };
        if let Some(basics) = root.get("basics").and_then(Value::as_object) {
            for field in ["label", "summary"] {
                self.scan_value(|| format!("basics.{field}"), summary, basics.get(field));
            }
        }
        for field in ["summary", "title"] {
            self.scan_value(|| field.to_string(), summary, root.get(field));
        }
        const HEADERS: &[&str] = &["position", "role", "title"];
        for (section, fields) in PROSE_FIELDS {
            let Some(entries) = root.get(*section).and_then(Value::as_array) else {
                continue;
            };
            for (i, entry) in entries.iter().enumerate() {
                match entry {
                    Value::Object(entry) => {
                        let at = self.entry_place(section, entry);
                        self.context = ["position", "role", "title", "name", "summary"]
                            .iter()
                            .filter_map(|field| entry.get(*field).and_then(text_of))
                            .collect::<Vec<_>>()
                            .join(". ");
                        for field in *fields {
                            let path = || format!("{section}[{i}].{field}");
                            let at = if HEADERS.contains(field) && at.position.is_some() {
                                FieldPlace {
                                    place: Place::PositionHeader,
                                    ..at
                                }
                            } else {
                                at
                            };
                            self.scan_value(path, at, entry.get(*field));
                        }
                    }
                    Value::String(text) => {
                        let at = self.entry_place(section, &Map::new());
                        self.scan_field(text, at, || format!("{section}[{i}]"))
                    }
                    _ => {}
                }
                self.context.clear();
            }
        }
    }

    /// The place of an entry of `section`: a dated position for work, internships and volunteering
    /// with dates (and dated projects); otherwise the section's own kind of place.
    fn entry_place(&mut self, section: &str, entry: &Map<String, Value>) -> FieldPlace {
        let place = match section {
            "work" | "experience" | "internships" | "volunteer" => Place::Project,
            "projects" | "portfolio" => return self.project_place(entry),
            "certificates" | "certifications" => Place::Certification,
            "publications" => Place::Publication,
            _ => Place::Education,
        };
        if place == Place::Project {
            if let Some(interval) = entry_interval(entry, self.today) {
                let title = ["position", "role", "title"]
                    .iter()
                    .find_map(|n| entry.get(*n).and_then(text_of))
                    .unwrap_or("");
                let employer = ["name", "company", "organization"]
                    .iter()
                    .find_map(|n| entry.get(*n).and_then(text_of))
                    .unwrap_or("");
                let mut seniority = Seniority::of_title(title);
                if section == "internships" {
                    seniority = Seniority::Intern;
                }
                self.positions.push(Position {
                    title: [title, employer]
                        .iter()
                        .filter(|t| !t.is_empty())
                        .copied()
                        .collect::<Vec<_>>()
                        .join(", "),
                    interval: Some(interval),
                    seniority,
                });
                return FieldPlace {
                    place: Place::PositionBullet,
                    position: Some(self.positions.len() - 1),
                };
            }
        }
        FieldPlace {
            place,
            position: None,
        }
    }

    /// Scans a string, or each string of an array, at the field `path` names (written out only
    /// when something is found there).
    fn scan_value(&mut self, path: impl Fn() -> String, at: FieldPlace, value: Option<&Value>) {
        match value {
            Some(Value::String(text)) => self.scan_field(text, at, path),
            Some(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    if let Value::String(text) = item {
                        self.scan_field(text, at, || format!("{}[{i}]", path()));
                    }
                }
            }
            _ => {}
        }
    }

    fn scan_field(&mut self, text: &str, at: FieldPlace, path: impl FnOnce() -> String) {
        let (text, cut) = capped_prose(text);
        let mentions = self.scanner.scan_in_context(text, &self.context);
        if mentions.is_empty() && cut.is_none() {
            return;
        }
        let field = path();
        if let Some(cut) = cut {
            self.skills.warnings.push(format!("{field} {cut}"));
        }
        for mention in mentions {
            self.sightings.push(Sighting {
                skill: mention.skill,
                place: if mention.listed && at.place == Place::Summary {
                    Place::SkillsList
                } else {
                    at.place
                },
                position: at.position,
                period: None,
                strength: mention.strength,
                evidence: mention.evidence,
                via: format!("mentioned in {field}"),
                stated_level: mention.stated_level,
                group: 1,
                stated_years: mention.stated_years,
            });
        }
    }
}

/// One skill name out of a compound one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    /// True for a part in parentheses ("EC2" in "AWS (EC2, S3)"): often a version or a
    /// sub-product, so one the catalog does not know is dropped rather than reported.
    pub detail: bool,
}

/// Splits a compound skill name: "Deep Learning (CNN, RNN)" → Deep Learning, CNN, RNN;
/// "CUDA/cuDNN" → CUDA, cuDNN; "AWS (EC2, S3)" → AWS, EC2, S3. A name the catalog knows as a whole
/// ("CI/CD", "C/C++" when listed as such) stays whole.
pub fn split_compound(name: &str, catalog: &Catalog) -> Vec<Part> {
    let mut parts = Vec::new();
    split_into(name, false, catalog, &mut parts);
    parts
}

fn split_into(name: &str, detail: bool, catalog: &Catalog, parts: &mut Vec<Part>) {
    let name = name
        .trim()
        .trim_start_matches(['-', '*', '•'])
        .trim_end_matches(['.', ':', '*'])
        .trim();
    if name.is_empty() {
        return;
    }
    let whole = Part {
        name: name.to_string(),
        detail,
    };
    if catalog.resolve_exact(name).is_some() {
        parts.push(whole);
        return;
    }
    if let (Some(open), Some(close)) = (name.find('('), name.rfind(')')) {
        if open < close {
            let outer = format!("{} {}", &name[..open], &name[close + 1..]);
            split_into(&outer, detail, catalog, parts);
            for inner in split_list(&name[open + 1..close]) {
                split_into(inner, true, catalog, parts);
            }
            return;
        }
    }
    let pieces = split_list(name);
    if pieces.len() > 1 {
        for piece in pieces {
            split_into(piece, detail, catalog, parts);
        }
        return;
    }
    parts.push(whole);
}

/// Splits on `,` `;` `/` `|` and the words " & " / " and ".
fn split_list(text: &str) -> Vec<&str> {
    let mut pieces = vec![text];
    for separator in [",", ";", "/", "|", " & ", " and ", "、", "，"] {
        pieces = pieces
            .into_iter()
            .flat_map(|p| p.split(separator))
            .collect();
    }
    pieces
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Years from the work history: every job's date range, overlaps merged. `None` when no job has
/// a usable start date (a bare `years_experience` number, if any, is used then).
fn years_of_experience(root: &Map<String, Value>, warnings: &mut Vec<String>) -> Option<f64> {
    let (today, today_warning) = dates::today_with_warning();
    let mut intervals: Vec<Interval> = Vec::new();
    let mut any_dates = false;
    for section in ["work", "experience", "internships"] {
        let Some(entries) = root.get(section).and_then(Value::as_array) else {
            continue;
        };
        for (i, entry) in entries.iter().enumerate() {
            let Some(entry) = entry.as_object() else {
                continue;
            };
            let Some((start, end)) = date_fields(entry) else {
                continue;
            };
            any_dates = true;
            let reading = dates::interval(Some(&start), end.as_deref(), today);
            let employer = ["name", "company", "organization"]
                .iter()
                .find_map(|n| entry.get(*n).and_then(text_of));
            for warning in reading.warnings {
                match employer {
                    Some(employer) => {
                        warnings.push(format!("{section}[{i}] ({employer}): {warning}"))
                    }
                    None => warnings.push(format!("{section}[{i}]: {warning}")),
                }
            }
            intervals.extend(reading.interval);
        }
    }
    if any_dates {
        if let Some(warning) = today_warning {
            warnings.push(warning);
        }
    }
    if !intervals.is_empty() {
        return Some(dates::total_years(&intervals));
    }
    // Some generators state the number outright.
    [
        root.get("years_experience"),
        root.get("stats").and_then(|s| s.get("years_experience")),
        root.get("basics").and_then(|b| b.get("yearsOfExperience")),
    ]
    .into_iter()
    .flatten()
    .find_map(Value::as_f64)
    .filter(|y| y.is_finite() && (0.0..=super::skills_json::MAX_YEARS).contains(y))
    // `-0` is in range; adding zero makes it 0, so it never prints as "-0 years".
    .map(|y| y + 0.0)
}

/// A non-empty, trimmed string.
fn text_of(value: &Value) -> Option<&str> {
    value.as_str().map(str::trim).filter(|s| !s.is_empty())
}

/// The strings of an array (non-strings skipped), or a comma-separated string's items.
fn strings_of(value: &Value) -> Vec<&str> {
    match value {
        Value::Array(items) => items.iter().filter_map(text_of).collect(),
        Value::String(text) => text
            .split([',', ';'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect(),
        _ => Vec::new(),
    }
}

/// The entries of the first of `names` that is an array of objects.
fn array_of<'v>(root: &'v Map<String, Value>, names: &[&str]) -> Vec<&'v Map<String, Value>> {
    names
        .iter()
        .filter_map(|n| root.get(*n).and_then(Value::as_array))
        .flatten()
        .filter_map(Value::as_object)
        .collect()
}

/// A warning for each known section whose value has the wrong type (`"basics": 5`, `"work": "x"`):
/// it is skipped, and the user should know why its skills or years are missing.
fn warn_about_shapes(root: &Map<String, Value>, warnings: &mut Vec<String>) {
    const LISTS: &[&str] = &[
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
        "experience",
        "internships",
    ];
    for (field, value) in root {
        let expected = match field.as_str() {
            "basics" if !value.is_object() => "an object",
            "skills" if !(value.is_array() || value.is_object()) => "an array of skill entries",
            f if LISTS.contains(&f) && !value.is_array() => "an array of entries",
            _ => continue,
        };
        if value.is_null() {
            continue;
        }
        warnings.push(format!(
            "\"{field}\" is {}, expected {expected}; ignored it",
            kind(value)
        ));
    }
    let mut types = TypeCheck::default();
    types.check_fields(root, warnings);
    if types.more > 0 {
        warnings.push(format!(
            "{} more fields of the wrong type were ignored",
            types.more
        ));
    }
}

/// How many wrong-type fields are named one by one; the rest are counted.
const WRONG_TYPES_NAMED: usize = 20;

/// Inside the sections: every field the reader would pass over for its type, named by its path
/// (`work[2].highlights[1] is a number, expected text; ignored it`). It mirrors what the reader
/// takes: text is a string (or, for prose, an array of strings), dates may be numbers, entries
/// may be objects or strings.
#[derive(Default)]
struct TypeCheck {
    named: usize,
    more: usize,
}

impl TypeCheck {
    fn wrong(
        &mut self,
        path: &dyn Fn() -> String,
        value: &Value,
        expected: &str,
        out: &mut Vec<String>,
    ) {
        if value.is_null() {
            return;
        }
        if self.named < WRONG_TYPES_NAMED {
            self.named += 1;
            out.push(format!(
                "{} is {}, expected {expected}; ignored it",
                path(),
                kind(value)
            ));
        } else {
            self.more += 1;
        }
    }

    /// A string.
    fn string(&mut self, path: &dyn Fn() -> String, value: &Value, out: &mut Vec<String>) {
        if !value.is_string() {
            self.wrong(path, value, "text", out);
        }
    }

    /// A string, or an array of strings (prose, keywords).
    fn texts(&mut self, path: &dyn Fn() -> String, value: &Value, out: &mut Vec<String>) {
        match value {
            Value::String(_) => {}
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.string(&|| format!("{}[{i}]", path()), item, out);
                }
            }
            other => self.wrong(path, other, "text or a list of texts", out),
        }
    }

    fn check_fields(&mut self, root: &Map<String, Value>, out: &mut Vec<String>) {
        if let Some(Value::Object(basics)) = root.get("basics") {
            if let Some(name) = basics.get("name") {
                self.string(&|| "basics.name".to_string(), name, out);
            }
            for field in ["label", "summary"] {
                if let Some(value) = basics.get(field) {
                    self.texts(&|| format!("basics.{field}"), value, out);
                }
            }
        }
        match root.get("skills") {
            Some(Value::Array(entries)) => {
                for (i, entry) in entries.iter().enumerate() {
                    let path = || format!("skills[{i}]");
                    match entry {
                        Value::String(_) => {}
                        Value::Object(entry) => self.skill_entry(&path, entry, out),
                        other => self.wrong(&path, other, "a skill entry or a name", out),
                    }
                }
            }
            Some(Value::Object(categories)) => {
                for (category, keywords) in categories {
                    self.texts(&|| format!("skills.{category}"), keywords, out);
                }
            }
            _ => {}
        }
        for (section, fields) in PROSE_FIELDS {
            let Some(Value::Array(entries)) = root.get(*section) else {
                continue;
            };
            for (i, entry) in entries.iter().enumerate() {
                let path = || format!("{section}[{i}]");
                let entry = match entry {
                    Value::String(_) => continue,
                    Value::Object(entry) => entry,
                    other => {
                        self.wrong(&path, other, "an entry object", out);
                        continue;
                    }
                };
                for (field, value) in entry {
                    let path = || format!("{section}[{i}].{field}");
                    if fields.contains(&field.as_str()) {
                        self.texts(&path, value, out);
                    } else if DATE_FIELDS.contains(&field.as_str()) {
                        if !(value.is_string() || value.is_number()) {
                            self.wrong(&path, value, "a date", out);
                        }
                    } else if matches!(field.as_str(), "name" | "company" | "organization") {
                        self.string(&path, value, out);
                    } else if field == "keywords" {
                        self.texts(&path, value, out);
                    }
                }
            }
        }
    }

    fn skill_entry(
        &mut self,
        path: &dyn Fn() -> String,
        entry: &Map<String, Value>,
        out: &mut Vec<String>,
    ) {
        if let Some(name) = entry.get("name") {
            self.string(&|| format!("{}.name", path()), name, out);
        }
        if let Some(keywords) = entry.get("keywords") {
            self.texts(&|| format!("{}.keywords", path()), keywords, out);
        }
        if let Some(level) = entry.get("level") {
            if !(level.is_string() || level.is_number()) {
                self.wrong(
                    &|| format!("{}.level", path()),
                    level,
                    "a level word or a number 0–4",
                    out,
                );
            }
        }
    }
}

/// The fields a JSON Resume entry's dates may be written in.
const DATE_FIELDS: &[&str] = &[
    "startDate",
    "start_date",
    "start",
    "from",
    "endDate",
    "end_date",
    "end",
    "to",
    "date",
    "dates",
    "period",
    "duration",
];

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> &'static Catalog {
        Catalog::builtin().expect("builtin catalog")
    }

    fn ids(skills: &Skills) -> Vec<String> {
        let mut ids: Vec<String> = skills
            .skills
            .iter()
            .map(|s| catalog().skill(s.skill).id.clone())
            .collect();
        ids.sort();
        ids
    }

    fn level(skills: &Skills, id: &str) -> u8 {
        skills.level_of(catalog().index_of(id).expect(id))
    }

    #[test]
    fn compound_keywords_are_split() {
        let parts = |s| {
            split_compound(s, catalog())
                .into_iter()
                .map(|p| {
                    if p.detail {
                        format!("({})", p.name)
                    } else {
                        p.name
                    }
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            parts("Deep Learning (CNN, RNN, Transformers)"),
            ["Deep Learning", "(CNN)", "(RNN)", "(Transformers)"]
        );
        assert_eq!(parts("CUDA/cuDNN"), ["CUDA", "cuDNN"]);
        assert_eq!(parts("AWS (EC2, S3)"), ["AWS", "(EC2)", "(S3)"]);
        assert_eq!(parts(".NET Framework"), [".NET Framework"]);
        assert_eq!(parts("- TensorFlow/Keras."), ["TensorFlow", "Keras"]);
        assert_eq!(parts("PyTorch"), ["PyTorch"]);
        assert_eq!(parts("W&B"), ["W&B"]);
        assert_eq!(parts(" - "), Vec::<String>::new());
    }

    #[test]
    fn keywords_are_the_skills_and_category_names_are_not() {
        let text = r#"{
          "basics": {"name": "Ada"},
          "skills": [
            {"name": "Programming Languages", "level": "Advanced", "keywords": ["Python", "C++"]},
            {"name": "Deep Learning", "level": "Master", "keywords": ["PyTorch", "CUDA/cuDNN", "LLM fine-tuning (LoRA, QLoRA)"]},
            {"name": "Docker", "level": "Ninja"},
            {"name": "Kubernetes", "level": ""}
          ]
        }"#;
        let skills = parse("r.json", text, catalog()).unwrap();
        assert_eq!(skills.name.as_deref(), Some("Ada"));
        for id in [
            "python",
            "cpp",
            "pytorch",
            "cuda",
            "lora",
            "qlora",
            "docker",
            "kubernetes",
        ] {
            assert!(
                ids(&skills).contains(&id.to_string()),
                "{id} in {:?}",
                ids(&skills)
            );
        }
        // Levels stated in skills[] with no position behind them: at most working, and claimed.
        for id in ["python", "pytorch", "docker", "kubernetes"] {
            assert_eq!(level(&skills, id), 2, "{id}");
        }
        assert!(skills.skills.iter().all(|s| !s.evidenced));
        assert!(
            skills
                .warnings
                .iter()
                .any(|w| w.contains("\"Ninja\"") && w.contains("skills[2].level")),
            "{:?}",
            skills.warnings
        );
        let pytorch = skills
            .skills
            .iter()
            .find(|s| catalog().skill(s.skill).id == "pytorch")
            .unwrap();
        assert!(pytorch
            .evidence
            .as_deref()
            .unwrap()
            .starts_with("Deep Learning: PyTorch"));
        assert!(!skills
            .unrecognized
            .iter()
            .any(|u| u.input == "Programming Languages"));
    }

    #[test]
    fn dated_positions_set_the_levels_of_what_they_mention() {
        let text = r#"{
          "skills": [{"name": "Tools", "keywords": ["Docker"]}],
          "work": [{
            "company": "Acme", "position": "ML Engineer",
            "startDate": "2019-01", "endDate": "2021-12",
            "highlights": ["Trained models with PyTorch and served them with vLLM", "Packaged them with Docker"]
          }],
          "certificates": [{"name": "Kubernetes Application Developer", "issuer": "CNCF"}]
        }"#;
        let skills = parse("r.json", text, catalog()).unwrap();
        // Three years in a dated position: proficient, evidenced, with its months.
        for id in ["pytorch", "vllm", "docker"] {
            assert_eq!(level(&skills, id), 3, "{id}");
        }
        // A certificate only: aware.
        assert_eq!(level(&skills, "kubernetes"), 1);
        let pytorch = skills
            .skills
            .iter()
            .find(|s| catalog().skill(s.skill).id == "pytorch")
            .unwrap();
        assert_eq!(pytorch.via, "mentioned in work[0].highlights[0]");
        assert_eq!(pytorch.months, Some(36));
        assert_eq!(pytorch.positions, 1);
        assert!(pytorch.evidenced);
        assert!(pytorch
            .level_reason
            .starts_with("3: used 3.0 years in 1 position, 2019–2021"));
        assert!(pytorch
            .evidence
            .as_deref()
            .unwrap()
            .contains("Trained models with PyTorch"));
        assert_eq!(skills.years_experience, Some(3.0));
    }

    #[test]
    fn overlapping_jobs_and_odd_dates() {
        std::env::set_var(dates::TODAY_VAR, "2026-11-28");
        let text = r#"{
          "work": [
            {"name": "A", "startDate": "2018-01", "endDate": "2020-12"},
            {"name": "B", "startDate": "2020-01", "endDate": "2021-12"},
            {"name": "C", "startDate": "'16", "endDate": "2016-13"},
            {"name": "D", "startDate": "2023-05", "endDate": "2022-01"},
            {"company": "E", "startDate": null}
          ]
        }"#;
        let skills = parse("r.json", text, catalog()).unwrap();
        // A and B merge to 2018-01..2021-12 (4 years); C's impossible end makes it ongoing.
        assert!(
            skills.years_experience.unwrap() >= 10.0,
            "{:?}",
            skills.years_experience
        );
        assert!(
            skills
                .warnings
                .iter()
                .any(|w| w.starts_with("work[2] (C): end date") && w.contains("month 13")),
            "{:?}",
            skills.warnings
        );
        assert!(
            skills
                .warnings
                .iter()
                .any(|w| w.starts_with("work[3] (D):") && w.contains("before start")),
            "{:?}",
            skills.warnings
        );
    }

    #[test]
    fn category_objects_and_odd_shapes_are_read() {
        let text = r#"{
          "name": "Person",
          "skills": {"Frameworks": ["PyTorch", "Keras"], "Cloud": "Docker, Kubernetes"},
          "experience": [{"company": "X", "date": "Jan 2020 - Dec 2021", "details": ["Wrote CUDA kernels"]}],
          "work": "not a list",
          "projects": [{"name": "P", "keywords": ["JAX", 3, null]}]
        }"#;
        let skills = parse("r.json", text, catalog()).unwrap();
        for id in ["pytorch", "keras", "docker", "kubernetes", "cuda", "jax"] {
            assert!(
                ids(&skills).contains(&id.to_string()),
                "{id} in {:?}",
                ids(&skills)
            );
        }
        assert_eq!(skills.years_experience, Some(2.0));
        assert_eq!(skills.name.as_deref(), Some("Person"));
        assert!(
            skills
                .warnings
                .iter()
                .any(|w| w == "\"work\" is a string, expected an array of entries; ignored it"),
            "{:?}",
            skills.warnings
        );
    }

    /// Issue 13: a field of the wrong type inside a section was dropped without a word.
    #[test]
    fn every_field_of_the_wrong_type_is_named_by_its_path() {
        let text = r#"{"basics": {"name": ["A"], "summary": {"x": 1}},
            "work": [{"name": 3, "position": ["ML"], "startDate": "2020-01", "endDate": true,
                      "highlights": ["Used PyTorch", 5, null]}, 7],
            "skills": [{"name": 5, "keywords": "PyTorch"}, "CUDA", false,
                       {"name": "JAX", "keywords": [1, "Flax"], "level": [3]}],
            "projects": [{"name": "P", "keywords": ["JAX", {"x": 1}]}]}"#;
        let skills = parse("r.json", text, catalog()).unwrap();
        let expected = [
            "basics.name is an array, expected text; ignored it",
            "basics.summary is an object, expected text or a list of texts; ignored it",
            "skills[0].name is a number, expected text; ignored it",
            "skills[2] is a boolean, expected a skill entry or a name; ignored it",
            "skills[3].keywords[0] is a number, expected text; ignored it",
            "skills[3].level is an array, expected a level word or a number 0–4; ignored it",
            "work[0].endDate is a boolean, expected a date; ignored it",
            "work[0].highlights[1] is a number, expected text; ignored it",
            "work[0].name is a number, expected text; ignored it",
            "work[1] is a number, expected an entry object; ignored it",
            "projects[0].keywords[1] is an object, expected text; ignored it",
        ];
        for warning in expected {
            assert!(
                skills.warnings.iter().any(|w| w == warning),
                "{warning} missing from {:#?}",
                skills.warnings
            );
        }
        // What the reader takes is not warned about: a position as a list, keywords as one
        // string, a null highlight.
        assert!(!skills.warnings.iter().any(|w| w.contains("position")
            || w.contains("skills[0].keywords")
            || w.contains("highlights[2]")));
        assert!(ids(&skills).contains(&"pytorch".to_string()));
    }

    #[test]
    fn a_flood_of_wrong_types_is_counted_not_listed() {
        let items: Vec<String> = (0..500).map(|i| i.to_string()).collect();
        let text = format!(r#"{{"work": [{{"highlights": [{}]}}]}}"#, items.join(","));
        let skills = parse("r.json", &text, catalog()).unwrap();
        assert_eq!(
            skills.warnings.len(),
            WRONG_TYPES_NAMED + 1,
            "{:?}",
            skills.warnings
        );
        assert_eq!(
            skills.warnings.last().map(String::as_str),
            Some("480 more fields of the wrong type were ignored")
        );
    }

    #[test]
    fn sections_of_the_wrong_type_are_reported() {
        let text = r#"{"basics": 5, "work": {"name": "X"}, "skills": "PyTorch", "education": null,
                       "projects": [{"name": "P", "keywords": ["JAX"]}]}"#;
        let skills = parse("r.json", text, catalog()).unwrap();
        assert_eq!(
            skills.warnings,
            [
                "\"basics\" is a number, expected an object; ignored it",
                "\"skills\" is a string, expected an array of skill entries; ignored it",
                "\"work\" is an object, expected an array of entries; ignored it",
            ]
        );
        assert_eq!(ids(&skills), ["jax"]);
    }

    #[test]
    fn not_an_object_is_a_clear_error() {
        let error = parse("r.json", "[1, 2]", catalog())
            .unwrap_err()
            .to_string();
        assert!(error.contains("expected a JSON Resume object"), "{error}");
        let error = parse("r.json", "{\"basics\": }", catalog())
            .unwrap_err()
            .to_string();
        assert!(error.starts_with("r.json:1:"), "{error}");
    }
}
