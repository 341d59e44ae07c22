//! skillgap's own skills JSON (SPEC §4):
//!
//! ```json
//! {"name": "Jordan", "years_experience": 3.5,
//!  "skills": [{"name": "PyTorch", "level": 3}, {"name": "FSDP", "level": "working", "years": 1}, "W&B"]}
//! ```
//!
//! The reader is hand-written over serde's visitor API rather than derived, so that every mistake
//! (a level of 99, negative years, a number where a name belongs) is reported at its own line and
//! column with what was expected, and so that unknown fields are a warning rather than an error.

use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;

use crate::catalog::Catalog;
use crate::skills::{level_from_word, Skills, DEFAULT_LEVEL, LEVEL_WORDS, MAX_LEVEL};

use super::InputError;

/// The most years anyone can claim; more is a typo.
pub const MAX_YEARS: f64 = 70.0;

/// The top-level fields of a skills file, for messages.
pub(crate) const FIELDS: &[&str] = &["name", "years_experience", "skills", "roles"];
const ENTRY_FIELDS: &[&str] = &["name", "level", "years", "evidence"];

#[derive(Debug, Default)]
struct SkillsFile {
    name: Option<String>,
    years_experience: Option<f64>,
    skills: Vec<Entry>,
    roles: Vec<String>,
    unknown_fields: Vec<String>,
}

#[derive(Debug)]
struct Entry {
    name: String,
    level: u8,
    years: Option<f64>,
    evidence: Option<String>,
    unknown_fields: Vec<String>,
}

/// A level: 0–4 or one of the level words.
struct Level(u8);

/// Years: a finite number from 0 to [`MAX_YEARS`].
struct Years(f64);

/// A number for a message: `2.5`, `-3`, but `1e300` rather than three hundred digits.
pub(crate) fn compact_number(value: f64) -> String {
    if value.is_finite() && value.abs() < 1e9 {
        format!("{value}")
    } else {
        format!("{value:e}")
    }
}

fn level_expectation() -> String {
    format!("a level 0–4 or one of {}", LEVEL_WORDS.join(", "))
}

impl<'de> Deserialize<'de> for Level {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LevelVisitor;
        impl Visitor<'_> for LevelVisitor {
            type Value = Level;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(&level_expectation())
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Level, E> {
                if v <= u64::from(MAX_LEVEL) {
                    Ok(Level(v as u8))
                } else {
                    Err(E::custom(format!(
                        "level {v} is out of range: expected {}",
                        level_expectation()
                    )))
                }
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Level, E> {
                match u64::try_from(v) {
                    Ok(v) => self.visit_u64(v),
                    Err(_) => Err(E::custom(format!(
                        "level {v} is out of range: expected {}",
                        level_expectation()
                    ))),
                }
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Level, E> {
                if v.fract() == 0.0 && (0.0..=f64::from(MAX_LEVEL)).contains(&v) {
                    Ok(Level(v as u8))
                } else {
                    Err(E::custom(format!(
                        "level {} is not allowed: expected {}",
                        compact_number(v),
                        level_expectation()
                    )))
                }
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Level, E> {
                if let Ok(n) = v.trim().parse::<u64>() {
                    return self.visit_u64(n);
                }
                level_from_word(v).map(Level).ok_or_else(|| {
                    E::custom(format!(
                        "unknown level `{}`: expected {}",
                        super::shorten(v, 40),
                        level_expectation()
                    ))
                })
            }
        }
        deserializer.deserialize_any(LevelVisitor)
    }
}

impl<'de> Deserialize<'de> for Years {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = f64::deserialize(deserializer).map_err(|_| {
            de::Error::custom(format!("expected a number of years from 0 to {MAX_YEARS}"))
        })?;
        if value.is_finite() && (0.0..=MAX_YEARS).contains(&value) {
            // `-0` is in range; adding zero makes it 0, so it never prints as "-0 years".
            Ok(Years(value + 0.0))
        } else {
            Err(de::Error::custom(format!(
                "{} years is out of range: expected a number from 0 to {MAX_YEARS}",
                compact_number(value)
            )))
        }
    }
}

fn optional<'de, T: Deserialize<'de>, A: MapAccess<'de>>(
    map: &mut A,
) -> Result<Option<T>, A::Error> {
    map.next_value::<Option<T>>()
}

impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntryVisitor;
        impl<'de> Visitor<'de> for EntryVisitor {
            type Value = Entry;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a skill name, or an object like {\"name\": \"PyTorch\", \"level\": 3}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Entry, E> {
                Ok(Entry {
                    name: v.to_string(),
                    level: DEFAULT_LEVEL,
                    years: None,
                    evidence: None,
                    unknown_fields: Vec::new(),
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entry, A::Error> {
                let mut name = None;
                let mut level = None;
                let mut years = None;
                let mut evidence = None;
                let mut unknown_fields = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "name" => name = Some(map.next_value::<String>()?),
                        "level" => level = optional::<Level, _>(&mut map)?.map(|l| l.0),
                        "years" => years = optional::<Years, _>(&mut map)?.map(|y| y.0),
                        "evidence" => evidence = optional::<String, _>(&mut map)?,
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                            unknown_fields.push(key);
                        }
                    }
                }
                let name =
                    name.ok_or_else(|| de::Error::custom("a skill object needs a \"name\""))?;
                Ok(Entry {
                    name,
                    level: level.unwrap_or(DEFAULT_LEVEL),
                    years,
                    evidence,
                    unknown_fields,
                })
            }
        }
        deserializer.deserialize_any(EntryVisitor)
    }
}

impl<'de> Deserialize<'de> for SkillsFile {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FileVisitor;
        impl<'de> Visitor<'de> for FileVisitor {
            type Value = SkillsFile;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a skills object like {\"skills\": [\"PyTorch\"]}")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<SkillsFile, A::Error> {
                let mut file = SkillsFile::default();
                let mut saw_skills = false;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "name" => file.name = optional::<String, _>(&mut map)?,
                        "years_experience" => {
                            file.years_experience = optional::<Years, _>(&mut map)?.map(|y| y.0)
                        }
                        "skills" => {
                            file.skills = map.next_value::<SkillList>()?.0;
                            saw_skills = true;
                        }
                        "roles" => {
                            file.roles = optional::<Vec<String>, _>(&mut map)?.unwrap_or_default()
                        }
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                            if !key.starts_with('$') && !key.starts_with('_') {
                                file.unknown_fields.push(key);
                            }
                        }
                    }
                }
                if !saw_skills {
                    return Err(de::Error::custom(
                        "missing field \"skills\": expected a list of skills, e.g. \"skills\": [\"PyTorch\"]",
                    ));
                }
                Ok(file)
            }
        }
        deserializer.deserialize_map(FileVisitor)
    }
}

/// The `skills` array, reported as such when it is something else.
struct SkillList(Vec<Entry>);

impl<'de> Deserialize<'de> for SkillList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListVisitor;
        impl<'de> Visitor<'de> for ListVisitor {
            type Value = SkillList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "\"skills\" to be a list of skill names or {\"name\", \"level\"} objects",
                )
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<SkillList, A::Error> {
                let mut entries = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
                while let Some(entry) = seq.next_element::<Entry>()? {
                    entries.push(entry);
                }
                Ok(SkillList(entries))
            }
        }
        deserializer.deserialize_seq(ListVisitor)
    }
}

fn did_you_mean(field: &str, known: &[&str]) -> String {
    known
        .iter()
        .map(|k| {
            // "year_experience" is close by Jaro-Winkler; "lvl" only by edit distance.
            let close = strsim::jaro_winkler(field, k).max(if strsim::levenshtein(field, k) <= 2 {
                0.81
            } else {
                0.0
            });
            (close, *k)
        })
        .filter(|(s, _)| *s > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| format!(" (did you mean \"{k}\"?)"))
        .unwrap_or_default()
}

/// Reads a skills JSON document.
pub fn parse(source_name: &str, text: &str, catalog: &Catalog) -> Result<Skills, InputError> {
    let file: SkillsFile =
        serde_json::from_str(text).map_err(|e| InputError::json(source_name, &e))?;
    Ok(from_file(source_name, file, catalog))
}

/// Reads a skills JSON document already parsed into a value (batch JSON Lines; format detection).
pub fn from_value(
    source_name: &str,
    value: Value,
    catalog: &Catalog,
) -> Result<Skills, InputError> {
    let file = SkillsFile::deserialize(value).map_err(|e| InputError::invalid(source_name, e))?;
    Ok(from_file(source_name, file, catalog))
}

fn from_file(source_name: &str, file: SkillsFile, catalog: &Catalog) -> Skills {
    let mut skills = Skills::new(source_name);
    skills.name = file.name.filter(|n| !n.trim().is_empty());
    skills.years_experience = file.years_experience;
    skills.roles = file.roles;
    for field in &file.unknown_fields {
        skills.warnings.push(format!(
            "ignored unknown field \"{}\"{}",
            super::shorten(field, 60),
            did_you_mean(field, FIELDS)
        ));
    }
    for entry in file.skills {
        for field in &entry.unknown_fields {
            skills.warnings.push(format!(
                "skill \"{}\": ignored unknown field \"{}\"{}",
                super::shorten(&entry.name, 60),
                super::shorten(field, 60),
                did_you_mean(field, ENTRY_FIELDS)
            ));
        }
        let name = super::shorten(&entry.name, 200);
        let evidence = entry.evidence.map(|e| super::shorten(&e, 300));
        skills.add_named(catalog, &name, entry.level, entry.years, evidence);
    }
    skills
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> &'static Catalog {
        Catalog::builtin().expect("built-in catalog loads")
    }

    fn error_of(text: &str) -> String {
        parse("me.json", text, catalog())
            .expect_err("input is invalid")
            .to_string()
    }

    #[test]
    fn reads_objects_strings_and_level_words() {
        let skills = parse(
            "me.json",
            r#"{"name": "Jordan", "years_experience": 3.5,
                "skills": [{"name": "PyTorch", "level": 3}, {"name": "FSDP", "level": "working", "years": 1}, "Weights & Biases"]}"#,
            catalog(),
        )
        .expect("valid");
        assert_eq!(skills.name.as_deref(), Some("Jordan"));
        assert_eq!(skills.years_experience, Some(3.5));
        let c = catalog();
        assert_eq!(skills.level_of(c.index_of("pytorch").unwrap()), 3);
        assert_eq!(skills.level_of(c.index_of("fsdp").unwrap()), 2);
        assert_eq!(skills.level_of(c.index_of("wandb").unwrap()), 2);
    }

    #[test]
    fn out_of_range_level_names_line_and_column() {
        let message =
            error_of("{\n  \"skills\": [\n    {\"name\": \"PyTorch\", \"level\": 99}\n  ]\n}");
        assert!(message.starts_with("me.json:3:"), "{message}");
        assert!(message.contains("level 99 is out of range"), "{message}");
    }

    #[test]
    fn negative_years_and_wrong_types() {
        assert!(error_of(r#"{"years_experience": -1, "skills": []}"#).contains("out of range"));
        assert!(error_of(r#"{"skills": [42]}"#).contains("a skill name, or an object"));
        assert!(error_of(r#"{"skills": "PyTorch"}"#).contains("list of skill names"));
        assert!(error_of(r#"{"skills": [{"level": 2}]}"#).contains("needs a \"name\""));
        assert!(
            error_of(r#"{"skills": [{"name": "JAX", "level": "guru"}]}"#)
                .contains("unknown level `guru`")
        );
        assert!(error_of(r#"{"name": "x"}"#).contains("missing field \"skills\""));
        assert!(error_of(r#"{"skills": [1.5]}"#).contains("a skill name"));
        assert!(error_of(r#"{"skills": [{"name": "JAX", "level": 2.5}]}"#)
            .contains("level 2.5 is not allowed"));
    }

    #[test]
    fn minus_zero_years_is_zero() {
        let skills = parse(
            "me.json",
            r#"{"years_experience": -0, "skills": [{"name": "PyTorch", "years": -0.0}]}"#,
            catalog(),
        )
        .expect("valid");
        let years = skills.years_experience.expect("stated");
        assert!(years == 0.0 && years.is_sign_positive(), "{years}");
        assert_eq!(format!("{years}"), "0");
    }

    #[test]
    fn truncated_json_says_so() {
        let message = error_of("{\"skills\": [\"PyTorch\"");
        assert!(message.contains("ends early"), "{message}");
    }

    #[test]
    fn unknown_fields_warn_with_suggestion() {
        let skills = parse(
            "me.json",
            r#"{"year_experience": 3, "skills": []}"#,
            catalog(),
        )
        .expect("valid");
        assert_eq!(skills.warnings.len(), 1);
        assert!(
            skills.warnings[0].contains("did you mean \"years_experience\""),
            "{:?}",
            skills.warnings
        );
    }
}
