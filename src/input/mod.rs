//! Reading a person's skills from any source: the tool's own skills JSON, a JSON Resume file, a
//! plain-text or Markdown résumé, or the interactive questionnaire.
//!
//! Each source lives in its own file and produces the same [`Skills`]. This module reads the bytes,
//! decides the format (or takes the one forced with `--input-format`) and turns every failure into an
//! [`InputError`] that names the file, the line and column where there is one, and what was expected.

pub mod dates;
pub mod encoding;
pub mod json_resume;
pub mod lenient;
pub mod prompter_dialoguer;
pub mod questionnaire;
pub mod skills_json;
pub mod text;

use std::fmt;
use std::io::Read;
use std::path::Path;

use crate::catalog::Catalog;
use crate::skills::Skills;

/// The input formats `--input-format` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum InputFormat {
    /// Decide from the content: skills JSON, JSON Resume, or text.
    #[default]
    Auto,
    /// skillgap's own skills JSON.
    Skillgap,
    /// A JSON Resume (jsonresume.org) file.
    Jsonresume,
    /// A plain-text or Markdown résumé.
    Text,
}

/// Why an input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{source_name}: cannot read: {error}")]
    Io {
        source_name: String,
        error: std::io::Error,
    },
    #[error("{source_name}:{line}:{column}: {message}")]
    Syntax {
        source_name: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{source_name}: {message}")]
    Invalid {
        source_name: String,
        message: String,
    },
    #[error(
        "{source_name}: the input is empty; expected a skills JSON, a JSON Resume or a text résumé"
    )]
    Empty { source_name: String },
    /// A report skillgap wrote (it carries the generator mark, see [`crate::generator`]): `batch`
    /// passes over it, `assess` refuses it.
    #[error("{source_name}: {}", own_report_words(kind))]
    OwnReport {
        source_name: String,
        /// "HTML", "Markdown", "JUnit XML", "CSV" or "JSON".
        kind: &'static str,
    },
}

/// "this is a Markdown report written by skillgap, not a résumé; …", for [`InputError::OwnReport`].
fn own_report_words(kind: &str) -> String {
    format!(
        "this is {}, not a résumé; assess the résumé it was made from",
        crate::generator::report_words(kind)
    )
}

impl InputError {
    pub fn invalid(source_name: &str, message: impl fmt::Display) -> InputError {
        InputError::Invalid {
            source_name: source_name.to_string(),
            message: message.to_string(),
        }
    }

    /// A serde_json error, with its position.
    pub fn json(source_name: &str, error: &serde_json::Error) -> InputError {
        InputError::Syntax {
            source_name: source_name.to_string(),
            line: error.line(),
            // serde_json counts a position before a line's first character as column 0.
            column: error.column().max(1),
            message: describe_json_error(error),
        }
    }
}

/// A serde_json error message without its " at line L column C" tail (callers print the position
/// themselves, in `file:line:column` form), kept short.
pub fn describe_json_error(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let text = match text.rfind(" at line ") {
        Some(pos) => &text[..pos],
        None => &text,
    };
    let text = if error.is_eof() {
        format!("{text} (the JSON ends early: is the file truncated?)")
    } else {
        plain_json_message(text)
    };
    // One line: a key or value quoted by serde may hold escaped newlines.
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    shorten(&text, 300)
}

/// serde_json's terse syntax messages, said so that someone who does not write parsers follows.
fn plain_json_message(text: &str) -> String {
    match text {
        "expected ident" | "expected value" => {
            format!(
                "not valid JSON ({text}): expected an object, a list, a string or a number here"
            )
        }
        "recursion limit exceeded" => {
            "the JSON is nested more than 128 levels deep; expected a skills file or résumé"
                .to_string()
        }
        "trailing characters" => {
            "trailing characters after the JSON document (two documents in one file?)".to_string()
        }
        other => other.to_string(),
    }
}

/// Cuts `text` to at most `max` characters, marking the cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max).collect();
    cut.push('…');
    cut
}

/// Reads all of `path` (or stdin for `-`) as bytes.
pub fn read_source(path: &Path) -> Result<Vec<u8>, InputError> {
    let source_name = path.display().to_string();
    let mut bytes = Vec::new();
    let limit = encoding::MAX_INPUT_BYTES;
    let result = if source_name == "-" {
        std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map(|_| ())
    } else if path.is_dir() {
        return Err(InputError::invalid(
            &source_name,
            "is a directory; give a file (or use `skillgap batch` for a folder of résumés)",
        ));
    } else {
        std::fs::File::open(path).and_then(|file| {
            let size = file.metadata().map_or(0, |m| m.len());
            if size > limit {
                return Err(std::io::Error::other(encoding::too_large(
                    &source_name,
                    size,
                )));
            }
            file.take(limit + 1).read_to_end(&mut bytes).map(|_| ())
        })
    };
    result.map_err(|error| match error.downcast::<InputError>() {
        Ok(too_large) => too_large,
        Err(error) => InputError::Io {
            source_name: source_name.clone(),
            error,
        },
    })?;
    if bytes.len() as u64 > limit {
        return Err(encoding::too_large(&source_name, bytes.len() as u64));
    }
    Ok(bytes)
}

/// Decodes input bytes as text (see [`encoding::decode`]).
pub fn decode(source_name: &str, bytes: &[u8]) -> Result<String, InputError> {
    encoding::decode(source_name, bytes)
}

/// Reads skills from `text` in `format` (`Auto` detects it, see [`detect`]).
pub fn parse(
    source_name: &str,
    text: &str,
    format: InputFormat,
    catalog: &Catalog,
) -> Result<Skills, InputError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(InputError::Empty {
            source_name: source_name.to_string(),
        });
    }
    if let Some(kind) = crate::generator::text_report_kind(text) {
        return Err(InputError::OwnReport {
            source_name: source_name.to_string(),
            kind,
        });
    }
    // Detection parses JSON; the JSON Resume reader reuses that parse rather than repeating it.
    let (format, parsed) = match format {
        InputFormat::Auto => detect_parsed(source_name, text)?,
        forced => (forced, None),
    };
    match format {
        InputFormat::Text => {
            encoding::check_text_size(source_name, text)?;
            text::parse(source_name, text, catalog)
        }
        InputFormat::Jsonresume => match parsed {
            Some((value, leniency)) => {
                json_resume::from_parsed(source_name, &value, leniency, catalog)
            }
            None => json_resume::parse(source_name, text, catalog),
        },
        InputFormat::Skillgap | InputFormat::Auto => {
            let cleaned = lenient::clean(text);
            let mut skills = skills_json::parse(source_name, &cleaned.text, catalog)?;
            let mut warnings = cleaned.warnings;
            warnings.append(&mut skills.warnings);
            skills.warnings = warnings;
            Ok(skills)
        }
    }
}

/// File extensions that always mean a text résumé.
const TEXT_EXTENSIONS: &[&str] = &["md", "markdown", "txt", "text", "rst", "org", "adoc"];

/// Decides the format of a non-empty input: a text extension (`.md`, `.txt`, …) or content that
/// is not JSON means text; JSON with JSON Resume's sections (`basics`, `work`, …) or skills with
/// `keywords` means JSON Resume; other JSON is skills JSON. A `.json` file, or text starting with
/// `{` or `[`, that is not valid JSON is a syntax error with its position, not a text résumé. A job
/// posting given as a résumé is an error that points to `--job`; a JSON report skillgap wrote is
/// [`InputError::OwnReport`]; JSON that is neither a skills file nor a JSON Resume (a JSON Schema,
/// a package.json) is an error that says so.
pub fn detect(source_name: &str, text: &str) -> Result<InputFormat, InputError> {
    detect_parsed(source_name, text).map(|(format, _)| format)
}

/// JSON that format detection parsed, with the warnings its leniency gave.
type Parsed = (serde_json::Value, Vec<String>);

/// [`detect`], with the JSON it parsed (and its leniency warnings) when it parsed any.
fn detect_parsed(
    source_name: &str,
    text: &str,
) -> Result<(InputFormat, Option<Parsed>), InputError> {
    let extension = Path::new(source_name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if extension
        .as_deref()
        .is_some_and(|e| TEXT_EXTENSIONS.contains(&e))
    {
        return Ok((InputFormat::Text, None));
    }
    // Strict JSON has no comments or trailing commas for the lenient reader to blank: it is parsed
    // once, as it is. Anything else goes through the lenient reader.
    let strict = text
        .trim_start()
        .starts_with(['{', '['])
        .then(|| serde_json::from_str::<serde_json::Value>(text).ok())
        .flatten();
    let (value, leniency) = match strict {
        Some(value) => (value, lenient::duplicate_keys(text)),
        None => {
            let cleaned = lenient::clean(text);
            let looks_like_json = cleaned.text.trim_start().starts_with(['{', '[']);
            if !looks_like_json && extension.as_deref() != Some("json") {
                return Ok((InputFormat::Text, None));
            }
            let value: serde_json::Value = serde_json::from_str(&cleaned.text)
                .map_err(|e| InputError::json(source_name, &e))?;
            (value, cleaned.warnings)
        }
    };
    if crate::generator::is_json_report(&value) {
        return Err(InputError::OwnReport {
            source_name: source_name.to_string(),
            kind: "JSON",
        });
    }
    let Some(object) = value.as_object() else {
        return Ok((InputFormat::Skillgap, None));
    };
    let has = |field: &str| object.contains_key(field);
    let resume_sections = json_resume::RESUME_FIELDS.iter().any(|f| has(f));
    let job_posting = has("title")
        && (has("responsibilities") || has("qualifications"))
        && !has("basics")
        && !has("work");
    if job_posting || (has("jobs") && !resume_sections) {
        return Err(InputError::invalid(
            source_name,
            "this is a job posting, not a résumé; rank a résumé against it with `skillgap assess RESUME --job POSTING`",
        ));
    }
    if let Some(why) = neither_skills_nor_resume(object) {
        return Err(InputError::invalid(source_name, why));
    }
    let skills_look_like_resume = match object.get("skills") {
        Some(serde_json::Value::Object(_)) => true,
        Some(serde_json::Value::Array(entries)) => {
            entries.iter().any(|e| e.get("keywords").is_some())
        }
        _ => false,
    };
    if resume_sections || skills_look_like_resume {
        Ok((InputFormat::Jsonresume, Some((value, leniency))))
    } else {
        Ok((InputFormat::Skillgap, None))
    }
}

/// What a skills file or a JSON Resume may hold, in one line, for messages.
const EXPECTED_PERSON: &str =
    "expected a skills file ({\"skills\": [\"PyTorch\"]}) or a JSON Resume ({\"basics\": …, \"work\": […]})";

/// Why a JSON object is neither a skills file nor a JSON Resume, when it is neither: a JSON
/// Schema (its `$schema` is a json-schema.org draft, or it has a schema's `type` and
/// `properties`), or an object (a package.json, a config) with no `skills` list, none of JSON
/// Resume's sections, and fields that belong to neither. An object of a skills file's own fields
/// but no `skills` is left to the skills reader, which says the list is missing.
fn neither_skills_nor_resume(
    object: &serde_json::Map<String, serde_json::Value>,
) -> Option<String> {
    let has = |field: &str| object.contains_key(field);
    let person_fields = has("skills")
        || json_resume::RESUME_FIELDS
            .iter()
            .any(|f| *f != "$schema" && has(f));
    let meta_schema = object
        .get("$schema")
        .and_then(serde_json::Value::as_str)
        .filter(|url| url.contains("json-schema.org"));
    if let Some(url) = meta_schema {
        return Some(format!(
            "this is a JSON Schema (its \"$schema\" is {}), not a person's skills; {EXPECTED_PERSON}",
            shorten(url, 80)
        ));
    }
    if person_fields {
        return None;
    }
    if has("type")
        && object
            .get("properties")
            .is_some_and(serde_json::Value::is_object)
    {
        return Some(format!(
            "this looks like a JSON Schema (it has \"type\" and \"properties\"), not a person's skills; {EXPECTED_PERSON}"
        ));
    }
    let foreign: Vec<&str> = object
        .keys()
        .map(String::as_str)
        .filter(|key| !skills_json::FIELDS.contains(key) && !key.starts_with(['_', '$']))
        .collect();
    if foreign.is_empty() {
        return None;
    }
    const KEYS_SHOWN: usize = 5;
    let mut keys: Vec<String> = foreign
        .iter()
        .take(KEYS_SHOWN)
        .map(|key| format!("\"{}\"", shorten(key, 40)))
        .collect();
    if foreign.len() > KEYS_SHOWN {
        keys.push(format!("{} more", foreign.len() - KEYS_SHOWN));
    }
    Some(format!(
        "neither a skills file nor a JSON Resume (it has {} but no \"skills\" list and no JSON Resume section); {EXPECTED_PERSON}",
        keys.join(", ")
    ))
}

/// Reads a person's skills from `path` (`-` for stdin).
pub fn read(path: &Path, format: InputFormat, catalog: &Catalog) -> Result<Skills, InputError> {
    let source_name = path.display().to_string();
    let bytes = read_source(path)?;
    let text = decode(&source_name, &bytes)?;
    let mut skills = parse(&source_name, &text, format, catalog)?;
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        skills
            .warnings
            .insert(0, "starts with a byte-order mark; ignored it".to_string());
    }
    Ok(skills)
}
