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
    Cleaned {
        text: cleaned,
        warnings,
    }
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
    fn positions_count_characters() {
        assert_eq!(position("ab\ncé,", 5), (2, 3));
        assert_eq!(position("", 0), (1, 1));
    }
}
