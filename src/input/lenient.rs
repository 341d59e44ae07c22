//! Reading the JSON that people really write: comments and trailing commas, which JSON forbids but
//! hand-edited `resume.json` files contain, are accepted with a warning.
//!
//! The work of finding comments and trailing commas is done by `json-strip-comments`, which blanks
//! them out with spaces in place. That keeps every byte where it was, so when the text is still not
//! JSON the line and column serde_json reports point into the user's own file. (The crate also blanks
//! the line breaks inside a `/* … */` comment; they are put back, for the same reason.)

use serde_json::Value;

use super::InputError;

/// JSON text with comments and trailing commas blanked out, and what was blanked.
#[derive(Debug, Clone, PartialEq)]
pub struct Cleaned {
    /// Same length and line structure as the input.
    pub text: String,
    /// One sentence per kind of leniency used, naming the first place it was needed.
    pub warnings: Vec<String>,
}

/// Blanks out comments and trailing commas. Never fails: text the stripper cannot make sense of
/// (a lone `/`) is returned unchanged, so that the JSON parser reports it with its position.
pub fn clean(text: &str) -> Cleaned {
    let mut stripped = text.to_string();
    if json_strip_comments::strip(&mut stripped).is_err() {
        return Cleaned {
            text: text.to_string(),
            warnings: Vec::new(),
        };
    }
    // Put back the line breaks blanked inside block comments, so positions stay true, and find
    // the first comment and the first trailing comma.
    let original = text.as_bytes();
    let mut bytes = stripped.into_bytes();
    let mut first_comment = None;
    let mut first_comma = None;
    // A blanked run of bytes is a trailing comma, a comment, or a comma with a comment right after
    // it; commas inside a comment are part of the comment.
    let mut run_start = true;
    for (i, (&before, after)) in original.iter().zip(bytes.iter_mut()).enumerate() {
        if before == *after {
            run_start = true;
            continue;
        }
        if matches!(before, b'\n' | b'\r') {
            *after = before;
            run_start = true;
            continue;
        }
        if run_start && before == b',' {
            first_comma.get_or_insert(i);
        } else if run_start || original.get(i.wrapping_sub(1)) == Some(&b',') {
            first_comment.get_or_insert(i);
        }
        run_start = false;
    }
    // Only ASCII bytes were replaced, by ASCII spaces, and whole characters at that: the text is
    // still UTF-8. Fall back to the original text if that ever were not so.
    let Ok(cleaned) = String::from_utf8(bytes) else {
        return Cleaned {
            text: text.to_string(),
            warnings: Vec::new(),
        };
    };
    let mut warnings = Vec::new();
    if let Some(at) = first_comment {
        let (line, column) = position(text, at);
        warnings.push(format!(
            "{line}:{column}: comments are not JSON; ignored them (save the file without comments to silence this)"
        ));
    }
    if let Some(at) = first_comma {
        let (line, column) = position(text, at);
        warnings.push(format!(
            "{line}:{column}: trailing commas are not JSON; ignored them"
        ));
    }
    warnings.extend(duplicate_keys(&cleaned));
    Cleaned {
        text: cleaned,
        warnings,
    }
}

/// How many duplicate keys are named one by one; the rest are counted.
const DUPLICATES_NAMED: usize = 3;

/// Warnings for keys that appear twice in one object: JSON parsers keep the last value, so the
/// first is silently lost (`"skills"` written twice drops the first list). One linear pass over
/// text that is JSON (or nearly: garbage in, a parse error out, and these warnings do not matter).
pub fn duplicate_keys(text: &str) -> Vec<String> {
    use std::collections::HashSet;
    enum Frame {
        Object {
            keys: HashSet<String>,
            expect_key: bool,
        },
        Array,
    }
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut found: Vec<(usize, String)> = Vec::new();
    let mut more = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                let end = (i + 1).min(bytes.len());
                if let Some(Frame::Object { keys, expect_key }) = stack.last_mut() {
                    if *expect_key {
                        *expect_key = false;
                        let raw = &text[start..end];
                        let key = if raw.contains('\\') {
                            serde_json::from_str::<String>(raw).unwrap_or_else(|_| raw.to_string())
                        } else {
                            raw.trim_matches('"').to_string()
                        };
                        if !keys.insert(key.clone()) {
                            if found.len() < DUPLICATES_NAMED {
                                found.push((start, key));
                            } else {
                                more += 1;
                            }
                        }
                    }
                }
            }
            b'{' => stack.push(Frame::Object {
                keys: HashSet::new(),
                expect_key: true,
            }),
            b'[' => stack.push(Frame::Array),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => {
                if let Some(Frame::Object { expect_key, .. }) = stack.last_mut() {
                    *expect_key = true;
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut warnings: Vec<String> = found
        .into_iter()
        .map(|(at, key)| {
            let (line, column) = position(text, at);
            format!(
                "{line}:{column}: the key \"{}\" appears twice in one object; the last value is used",
                super::shorten(&key, 60)
            )
        })
        .collect();
    if more > 0 {
        warnings.push(format!("{more} more keys appear twice in their objects"));
    }
    warnings
}

/// 1-based line and column (in characters) of byte offset `at`.
pub fn position(text: &str, at: usize) -> (usize, usize) {
    byte_position(text.as_bytes(), at)
}

/// [`position`] in bytes that are UTF-8 (or nearly: invalid sequences count as one character each)
/// up to `at`.
pub fn byte_position(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Parses lenient JSON into a value: the cleaned text and its warnings, or a syntax error with the
/// line and column in the original text.
pub fn parse_value(source_name: &str, text: &str) -> Result<(Value, Cleaned), InputError> {
    let cleaned = clean(text);
    match serde_json::from_str::<Value>(&cleaned.text) {
        Ok(value) => Ok((value, cleaned)),
        Err(error) => Err(InputError::json(source_name, &error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_trailing_commas_are_blanked_with_warnings() {
        let text = "{\n  // who, what\n  \"a\": [1, 2,], /* multi,\n line */ \"b\": 3,\n}\n";
        let cleaned = clean(text);
        assert_eq!(cleaned.text.len(), text.len());
        assert_eq!(cleaned.text.lines().count(), text.lines().count());
        let value: Value = serde_json::from_str(&cleaned.text).unwrap();
        assert_eq!(value["a"][1], 2);
        assert_eq!(value["b"], 3);
        assert_eq!(cleaned.warnings.len(), 2);
        assert!(
            cleaned.warnings[0].starts_with("2:3: comments"),
            "{:?}",
            cleaned.warnings
        );
        assert!(
            cleaned.warnings[1].starts_with("3:13: trailing commas"),
            "{:?}",
            cleaned.warnings
        );
    }

    #[test]
    fn clean_json_is_untouched() {
        let text = "{\"url\": \"https://example.org/a//b\", \"note\": \"/* not a comment */\"}";
        let cleaned = clean(text);
        assert_eq!(cleaned.text, text);
        assert!(cleaned.warnings.is_empty());
    }

    #[test]
    fn errors_point_into_the_original_file() {
        // A block comment spanning lines before the error must not shift the line number.
        let text = "{\n/* one\ntwo\nthree */\n\"a\": 1\n\"b\": 2\n}";
        let error = parse_value("r.json", text).unwrap_err().to_string();
        assert!(error.starts_with("r.json:6:1:"), "{error}");

        let error = parse_value("r.json", "{\"a\": 1 / 2}")
            .unwrap_err()
            .to_string();
        assert!(error.starts_with("r.json:1:"), "{error}");
    }

    #[test]
    fn duplicate_keys_are_named_with_their_position() {
        let text = "{\n  \"name\": \"A\",\n  \"skills\": [{\"name\": \"x\", \"level\": 1}],\n  \"skills\": []\n}";
        let cleaned = clean(text);
        assert_eq!(
            cleaned.warnings,
            ["4:3: the key \"skills\" appears twice in one object; the last value is used"]
        );
        // The same key in different objects, and an escaped spelling of the same key.
        assert!(duplicate_keys(r#"[{"a": 1}, {"a": 2}, {"b": {"a": 3}}]"#).is_empty());
        assert_eq!(duplicate_keys(r#"{"a": 1, "\u0061": 2}"#).len(), 1);
        // A string value that looks like a key is not one.
        assert!(duplicate_keys(r#"{"a": "a", "b": ["a", "a"]}"#).is_empty());
        let many: String = format!(
            "{{{}}}",
            (0..10).map(|_| "\"k\": 1").collect::<Vec<_>>().join(", ")
        );
        let warnings = duplicate_keys(&many);
        assert_eq!(warnings.len(), DUPLICATES_NAMED + 1);
        assert!(warnings[3].starts_with("6 more keys"), "{warnings:?}");
    }

    #[test]
    fn positions_count_characters() {
        assert_eq!(position("ab\ncé,", 5), (2, 3));
        assert_eq!(position("", 0), (1, 1));
    }
}
