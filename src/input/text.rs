//! Plain-text and Markdown résumés: the text goes through [`crate::extract`], and the résumé's
//! name and years of experience are read around it.

use crate::catalog::Catalog;
use crate::extract::document::Document;
use crate::extract::experience::{work_positions, years_of_experience};
use crate::extract::layout::read_layout;
use crate::extract::{levels, scanner_for, text_sightings, Mention};
use crate::input::dates::{self, Day};
use crate::input::InputError;
use crate::skills::Skills;

/// Reads a whole plain-text or Markdown résumé: the skills it names, with their evidence, and the
/// years of experience its date ranges cover.
/// "Present" is today, or `SKILLGAP_TODAY`.
pub fn parse(source_name: &str, text: &str, catalog: &Catalog) -> Result<Skills, InputError> {
    let (today, today_warning) = dates::today_with_warning();
    let mut skills = parse_at(source_name, text, catalog, today)?;
    skills.warnings.extend(today_warning);
    Ok(skills)
}

/// [`parse`] with "present" fixed to `today`.
pub fn parse_at(
    source_name: &str,
    text: &str,
    catalog: &Catalog,
    today: Day,
) -> Result<Skills, InputError> {
    let scanner = scanner_for(catalog).map_err(|e| InputError::invalid(source_name, e))?;
    let text = &*lone_carriage_returns_as_newlines(text);
    let document = Document::new(text);
    let mentions = scanner.scan_document(&document);
    let layout = read_layout(&document, text, today);
    let sightings = text_sightings(&layout, &mentions, catalog);
    let mut skills = Skills::new(source_name);
    skills.name = person_name(&document, &mentions);
    for claim in levels::skills_from(&sightings, &layout.positions, catalog, today) {
        skills.add(claim);
    }
    skills.needs_evidence = true;
    skills.positions = work_positions(&sightings, &layout.positions);
    skills.years_experience =
        years_of_experience(text, &document, &layout, today, &mut skills.warnings);
    Ok(skills)
}

/// Classic Mac OS line endings (a carriage return alone) as line breaks, so a file saved that way
/// has lines at all; a CRLF stays. Byte for byte, so positions in the text do not move.
pub(crate) fn lone_carriage_returns_as_newlines(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    if !memchr::memchr_iter(b'\r', bytes).any(lone) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut fixed = bytes.to_vec();
    for i in memchr::memchr_iter(b'\r', bytes).filter(|&i| lone(i)) {
        fixed[i] = b'\n';
    }
    // One ASCII byte for another: still UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(fixed).unwrap_or_else(|_| text.to_string()))
}

/// The person's name: a top-level heading of two to four capitalised words that names no skill.
pub(crate) fn person_name(document: &Document, mentions: &[Mention]) -> Option<String> {
    for (i, line) in document.lines.iter().enumerate() {
        if line.skipped {
            continue;
        }
        let text = document.search[line.start..line.end].trim();
        if text.is_empty() {
            continue;
        }
        let title = text.strip_prefix("# ")?.trim();
        let words: Vec<&str> = title.split_whitespace().collect();
        let looks_like_name = (2..=4).contains(&words.len())
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
            });
        let lower = title.to_ascii_lowercase();
        let generic = [
            "resume",
            "résumé",
            "curriculum",
            "vitae",
            "cv",
            "engineer",
            "scientist",
        ]
        .iter()
        .any(|w| lower.split_whitespace().any(|t| t == *w));
        let names_skill = mentions.iter().any(|m| m.line == i + 1);
        return (looks_like_name && !generic && !names_skill).then(|| title.to_string());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(text: &str) -> Option<f64> {
        let catalog = Catalog::builtin().expect("catalog");
        let today = crate::input::dates::Day {
            year: 2026,
            month: 11,
            day: 28,
        };
        super::parse_at("cv.md", text, catalog, today)
            .expect("parses")
            .years_experience
    }

    /// Issue 13: a file saved with lone carriage returns had one line, so its name and years were
    /// lost.
    #[test]
    fn lone_carriage_returns_are_line_breaks() {
        let catalog = Catalog::builtin().expect("catalog");
        let today = crate::input::dates::Day {
            year: 2026,
            month: 11,
            day: 28,
        };
        let unix = "# Ada Lovelace\n\n## Experience\nML Engineer, Acme, Jan 2020 - Mar 2023\n- Trained PyTorch models\n";
        let mac = unix.replace('\n', "\r");
        let windows = unix.replace('\n', "\r\n");
        for text in [unix.to_string(), mac, windows] {
            let skills = super::parse_at("cv.md", &text, catalog, today).expect("parses");
            assert_eq!(skills.name.as_deref(), Some("Ada Lovelace"), "{text:?}");
            assert_eq!(skills.years_experience, Some(3.3), "{text:?}");
        }
    }

    #[test]
    fn years_from_date_ranges() {
        // Jan 2020 up to and including Mar 2023: three years and three months.
        assert_eq!(
            years(
                "## Work
Acme, Jan 2020 - Mar 2023
"
            ),
            Some(3.3)
        );
        // Overlapping jobs count once: 2018–2021 and 2020–2022 cover four years, not five.
        assert_eq!(
            years(
                "## Work
- A (2018 – 2021)
- B (2020 – 2022)
"
            ),
            Some(4.0)
        );
        // "present" is today (Nov 2026, exclusive): Sep 2017 to Oct 2026.
        assert_eq!(years("Engineer, 09/2017 – present"), Some(9.2));
        // Education is not work experience.
        assert_eq!(
            years(
                "## Education
BSc (2012 - 2016)
## Experience
Dev 2016 - 2018
"
            ),
            Some(2.0)
        );
        assert_eq!(
            years(
                "## Education
BSc (2012 - 2016)
"
            ),
            None
        );
        // No date range at all: unknown, not zero.
        assert_eq!(years("Python developer since forever."), None);
        // A Hugo experience widget in front matter: start/end pairs, an empty end is today.
        let widget = "---\nexperience:\n  - title: Engineer\n    date_start: '2021-10-20'\n    date_end: ''\n  - title: Intern\n    date_start: '2021-06-01'\n    date_end: '2021-09-11'\n---\n";
        assert_eq!(years(widget), Some(5.4));
    }
}
