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
    #[error("{file}:{line}:{column}: {message}")]
    Parse {
        file: String,
        line: usize,
        column: usize,
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

fn format_problems(problems: &[Problem]) -> String {
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    lines.join("\n")
}

/// The roles a run scores against.
#[derive(Debug, Clone, Default)]
pub struct ProfileSet {
    roles: Vec<Role>,
}

/// Parses one profile file's text, with file, line and column on a syntax or type error.
pub fn parse_profile(file: &str, text: &str) -> Result<Profile, ProfileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| ProfileError::Parse {
        file: file.to_string(),
        line: e.line(),
        column: e.column().max(1),
        message: crate::input::describe_json_error(&e),
    })
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
        let text = match fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(_) => {
                    problems.push(Problem::new(file, "", "not UTF-8 text"));
                    continue;
                }
            },
            Err(e) => {
                problems.push(Problem::new(file, "", format!("cannot read: {e}")));
                continue;
            }
        };
        let profile = match parse_profile(&file, &text) {
            Ok(p) => p,
            Err(ProfileError::Parse {
                line,
                column,
                message,
                ..
            }) => {
                problems.push(Problem::new(format!("{file}:{line}:{column}"), "", message));
                continue;
            }
            Err(e) => return Err(e),
        };
        if let Some(existing) = roles.iter().find(|r| r.profile.id == profile.id) {
            problems.push(Problem::new(
                file.clone(),
                "id",
                format!(
                    "duplicate profile id `{}` (also in another file, title \"{}\")",
                    profile.id, existing.profile.title
                ),
            ));
            continue;
        }
        if builtin.is_some_and(|b| b.get(&profile.id).is_some()) {
            problems.push(Problem::new(
                file.clone(),
                "id",
                format!(
                    "`{}` is a built-in role id; choose another id, or use --only-custom to replace the built-ins",
                    profile.id
                ),
            ));
            continue;
        }
        match compile(profile, &file, stem.as_deref(), catalog, true) {
            Ok(role) => roles.push(role),
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

    /// The roles named by `ids` (all when empty), in set order; an unknown id is an error with the
    /// closest known id as a suggestion.
    pub fn select(&self, ids: &[String]) -> Result<Vec<&Role>, ProfileError> {
        for id in ids {
            if self.get(id).is_none() {
                let suggestion = self
                    .roles
                    .iter()
                    .map(|r| (strsim::jaro_winkler(id, &r.profile.id), &r.profile.id))
                    .filter(|(s, _)| *s > 0.7)
                    .max_by(|a, b| a.0.total_cmp(&b.0))
                    .map(|(_, id)| id.clone());
                return Err(ProfileError::UnknownRole {
                    id: id.clone(),
                    suggestion,
                });
            }
        }
        Ok(self
            .roles
            .iter()
            .filter(|r| ids.is_empty() || ids.contains(&r.profile.id))
            .collect())
    }
}
