//! Loading profiles: the built-in set compiled into the binary, and custom ones from a directory.

use std::fs;
use std::path::{Path, PathBuf};

use crate::catalog::Catalog;

use super::validate::{validate, Problem};
use super::{CompiledRequirement, Profile, Role};

include!(concat!(env!("OUT_DIR"), "/builtin_profiles.rs"));

/// Why profiles could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("{file}:{line}:{column}: {}{message}", field_prefix(.field))]
    Parse {
        file: String,
        line: usize,
        column: usize,
        /// Where in the profile, e.g. `categories[0].requirements[2].importance`; empty at the top.
        field: String,
        message: String,
    },
    #[error("{}", format_problems(.0))]
    Invalid(Vec<Problem>),
    #[error("cannot read profiles from {}: {error}", .path.display())]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("unknown role `{id}`{}; `skillgap roles` lists them", .suggestion.as_ref().map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default())]
    UnknownRole {
        id: String,
        suggestion: Option<String>,
    },
}

fn field_prefix(field: &str) -> String {
    if field.is_empty() {
        String::new()
    } else {
        format!("{field}: ")
    }
}

/// One problem on one line; several as a count and then one indented line each.
fn format_problems(problems: &[Problem]) -> String {
    match problems {
        [one] => one.to_string(),
        many => {
            let mut text = format!("{} problems in the profiles:", many.len());
            for problem in many {
                text.push_str("\n  ");
                text.push_str(&problem.to_string());
            }
            text
        }
    }
}

/// The roles a run scores against.
#[derive(Debug, Clone, Default)]
pub struct ProfileSet {
    roles: Vec<Role>,
}

/// Parses one profile file's text, with file, line, column and the field's path on a syntax or type
/// error.
pub fn parse_profile(file: &str, text: &str) -> Result<Profile, ProfileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ProfileError::Parse {
            file: file.to_string(),
            line: 1,
            column: 1,
            field: String::new(),
            message:
                "the file is empty; expected a profile object {\"id\": …, \"categories\": […]}"
                    .to_string(),
        });
    }
    let parse_error = |field: String, error: &serde_json::Error| ProfileError::Parse {
        file: file.to_string(),
        line: error.line(),
        column: error.column().max(1),
        field,
        message: crate::input::describe_json_error(error),
    };
    // serde also accepts a list in place of an object (fields in order); a profile must name them.
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| parse_error(String::new(), &e))?;
    if let Some((field, kind)) = list_for_object(&value) {
        return Err(ProfileError::Invalid(vec![Problem::new(
            file,
            field,
            format!("expected an object with named fields, found {kind}"),
        )]));
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let profile: Profile = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let path = e.path().to_string();
        // The path of an error in the top-level object itself (a missing field) is "."; of a
        // syntax error, "?".
        let field = if path == "." || path == "?" {
            String::new()
        } else {
            path
        };
        parse_error(field, e.inner())
    })?;
    deserializer
        .end()
        .map_err(|e| parse_error(String::new(), &e))?;
    Ok(profile)
}

/// The first place where the profile format has an object but `value` has something else.
fn list_for_object(value: &serde_json::Value) -> Option<(String, &'static str)> {
    use serde_json::Value;
    let not_object =
        |v: &Value, field: String| (!v.is_object()).then(|| (field, super::json_kind(v)));
    fn items<'a>(value: &'a Value, key: &str) -> &'a [Value] {
        value
            .get(key)
            .and_then(Value::as_array)
            .map_or(&[], Vec::as_slice)
    }
    if let Some(found) = not_object(value, String::new()) {
        return Some(found);
    }
    if let Some(salary) = value.get("salary").filter(|v| !v.is_null()) {
        if let Some(found) = not_object(salary, "salary".into()) {
            return Some(found);
        }
    }
    for (t, tier) in items(value, "tiers").iter().enumerate() {
        if let Some(found) = not_object(tier, format!("tiers[{t}]")) {
            return Some(found);
        }
    }
    for (c, category) in items(value, "categories").iter().enumerate() {
        if let Some(found) = not_object(category, format!("categories[{c}]")) {
            return Some(found);
        }
        for (r, requirement) in items(category, "requirements").iter().enumerate() {
            let field = format!("categories[{c}].requirements[{r}]");
            if let Some(found) = not_object(requirement, field.clone()) {
                return Some(found);
            }
            if let Some(levels) = requirement.get("levels") {
                if let Some(found) = not_object(levels, format!("{field}.levels")) {
                    return Some(found);
                }
            }
        }
    }
    None
}

/// Checks a parsed profile and compiles it against the catalog.
pub fn compile(
    profile: Profile,
    file: &str,
    stem: Option<&str>,
    catalog: &Catalog,
    custom: bool,
) -> Result<Role, Vec<Problem>> {
    let problems = validate(&profile, file, stem, catalog);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut requirements = Vec::new();
    for (category, cat) in profile.categories.iter().enumerate() {
        for req in &cat.requirements {
            let Some(skill) = catalog.index_of(&req.skill) else {
                continue; // reported by validate
            };
            requirements.push(CompiledRequirement {
                skill,
                category,
                importance: req.importance,
                levels: req.levels,
            });
        }
    }
    Ok(Role {
        profile,
        requirements,
        custom,
    })
}

/// The profiles compiled into the binary.
pub fn builtin_profiles(catalog: &Catalog) -> Result<ProfileSet, ProfileError> {
    let mut roles = Vec::with_capacity(BUILTIN_PROFILES.len());
    let mut problems = Vec::new();
    for (stem, text) in BUILTIN_PROFILES {
        let file = format!("profiles/{stem}.json");
        let profile = parse_profile(&file, text)?;
        match compile(profile, &file, Some(stem), catalog, false) {
            Ok(role) => roles.push(role),
            Err(mut p) => problems.append(&mut p),
        }
    }
    if !problems.is_empty() {
        return Err(ProfileError::Invalid(problems));
    }
    Ok(ProfileSet { roles })
}

/// The largest profile file read. The built-in ones are under 40 KiB; this stops a stray huge file
/// from taking gigabytes of memory.
pub const MAX_PROFILE_BYTES: u64 = 1024 * 1024;

/// A profile file's bytes, or why they were not read (too large, unreadable).
fn read_capped(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read as _;
    let too_large = |size: u64| {
        format!(
            "is too large ({}); a profile is at most {}",
            crate::input::encoding::human_size(size),
            crate::input::encoding::human_size(MAX_PROFILE_BYTES)
        )
    };
    let file = fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let size = file.metadata().map_or(0, |m| m.len());
    if size > MAX_PROFILE_BYTES {
        return Err(too_large(size));
    }
    let mut bytes = Vec::new();
    file.take(MAX_PROFILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > MAX_PROFILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Every `*.json` file directly in `dir`, sorted by name.
fn json_files(dir: &Path) -> Result<Vec<PathBuf>, ProfileError> {
    let io_err = |error| ProfileError::Io {
        path: dir.to_path_buf(),
        error,
    };
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).map_err(io_err)? {
        let path = entry.map_err(io_err)?.path();
        if path.extension().is_some_and(|e| e == "json") && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Loads and checks every profile in `dir`, collecting all problems of all files (the `profiles
/// validate` command prints them). `builtin` is the set the custom profiles join, if any: a custom
/// profile may not reuse one of its ids.
pub fn load_dir(
    dir: &Path,
    catalog: &Catalog,
    builtin: Option<&ProfileSet>,
) -> Result<(Vec<Role>, Vec<Problem>), ProfileError> {
    let files = json_files(dir)?;
    let mut roles: Vec<Role> = Vec::new();
    let mut problems = Vec::new();
    // (id, file) of every profile parsed so far, valid or not.
    let mut seen_ids: Vec<(String, String)> = Vec::new();
    if files.is_empty() {
        problems.push(Problem::new(
            dir.display().to_string(),
            "",
            "no profile files (*.json) in this directory",
        ));
    }
    for path in files {
        let file = path.display().to_string();
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .map(str::to_string);
        let text = match read_capped(&path) {
            Ok(bytes) => match crate::input::decode(&file, &bytes) {
                Ok(text) => text,
                Err(crate::input::InputError::Syntax {
                    line,
                    column,
                    message,
                    ..
                }) => {
                    problems.push(Problem::new(format!("{file}:{line}:{column}"), "", message));
                    continue;
                }
                Err(e) => {
                    problems.push(Problem::new(file, "", e.to_string()));
                    continue;
                }
            },
            Err(e) => {
                problems.push(Problem::new(file, "", e));
                continue;
            }
        };
        let profile = match parse_profile(&file, &text) {
            Ok(p) => p,
            Err(ProfileError::Parse {
                line,
                column,
                field,
                message,
                ..
            }) => {
                problems.push(Problem::new(
                    format!("{file}:{line}:{column}"),
                    field,
                    message,
                ));
                continue;
            }
            Err(ProfileError::Invalid(mut found)) => {
                problems.append(&mut found);
                continue;
            }
            Err(e) => return Err(e),
        };
        // A duplicate or shadowing id is reported, and the profile is still checked so that all
        // of its mistakes come out in one round; it is not loaded.
        let mut loadable = true;
        if let Some((_, other)) = seen_ids.iter().find(|(id, _)| *id == profile.id) {
            problems.push(Problem::new(
                file.clone(),
                "id",
                format!(
                    "duplicate profile id `{}`: {other} has it too",
                    super::validate::short(&profile.id)
                ),
            ));
            loadable = false;
        } else {
            seen_ids.push((profile.id.clone(), file.clone()));
        }
        if builtin.is_some_and(|b| b.get(&profile.id).is_some()) {
            problems.push(Problem::new(
                file.clone(),
                "id",
                format!(
                    "`{}` is a built-in role id; choose another id, or use --only-custom to replace the built-ins",
                    super::validate::short(&profile.id)
                ),
            ));
            loadable = false;
        }
        match compile(profile, &file, stem.as_deref(), catalog, true) {
            Ok(role) if loadable => roles.push(role),
            Ok(_) => {}
            Err(mut p) => problems.append(&mut p),
        }
    }
    Ok((roles, problems))
}

impl ProfileSet {
    pub fn new(roles: Vec<Role>) -> ProfileSet {
        ProfileSet { roles }
    }

    /// The built-ins plus (or, with `only_custom`, replaced by) the profiles in `dir`.
    pub fn with_dir(
        self,
        dir: &Path,
        catalog: &Catalog,
        only_custom: bool,
    ) -> Result<ProfileSet, ProfileError> {
        let (custom, problems) = load_dir(dir, catalog, (!only_custom).then_some(&self))?;
        if !problems.is_empty() {
            return Err(ProfileError::Invalid(problems));
        }
        let mut roles = if only_custom { Vec::new() } else { self.roles };
        roles.extend(custom);
        Ok(ProfileSet { roles })
    }

    pub fn push(&mut self, role: Role) {
        self.roles.push(role);
    }

    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    pub fn get(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.profile.id == id)
    }

    /// The role `name` names: its id, or its id or title in any case with spaces, hyphens or
    /// underscores between the words (`LLM Engineer`, `LLM-Engineer`, `llm_engineer`).
    pub fn find(&self, name: &str) -> Option<&Role> {
        self.get(name).or_else(|| {
            let wanted = super::job::slug(name);
            self.roles
                .iter()
                .find(|r| r.profile.id == wanted || super::job::slug(&r.profile.title) == wanted)
        })
    }

    /// The roles named by `names` (all when empty; see [`RoleSet::find`]), in set order; an
    /// unknown name is an error with the closest known id as a suggestion.
    pub fn select(&self, names: &[String]) -> Result<Vec<&Role>, ProfileError> {
        let mut ids: Vec<&str> = Vec::with_capacity(names.len());
        for name in names {
            match self.find(name) {
                Some(role) => ids.push(role.id()),
                None => {
                    let wanted = super::job::slug(name);
                    let suggestion = self
                        .roles
                        .iter()
                        .map(|r| (strsim::jaro_winkler(&wanted, &r.profile.id), &r.profile.id))
                        .filter(|(s, _)| *s > 0.7)
                        .max_by(|a, b| a.0.total_cmp(&b.0))
                        .map(|(_, id)| id.clone());
                    return Err(ProfileError::UnknownRole {
                        id: name.clone(),
                        suggestion,
                    });
                }
            }
        }
        Ok(self
            .roles
            .iter()
            .filter(|r| ids.is_empty() || ids.contains(&r.id()))
            .collect())
    }
}
