//! Stage 2: the layout. Which lines are headings, which are explicit skill lists, and which
//! sections hold dates that are not work (education, publications).

use super::document::Line;

/// A heading line, with its depth (1 = top) and its text.
pub(crate) fn heading(
    original: &str,
    display: &str,
    next_original: Option<&str>,
) -> Option<(usize, String)> {
    let trimmed = display.trim();
    if trimmed.is_empty() {
        return None;
    }
    // Markdown ATX heading.
    if let Some(rest) = trimmed.strip_prefix('#') {
        let depth = 1 + rest.chars().take_while(|&c| c == '#').count();
        let rest = rest.trim_start_matches('#');
        if rest.is_empty() || rest.starts_with(' ') {
            return Some((depth, rest.trim().to_string()));
        }
    }
    // HTML heading (the tags are blanked in `display`).
    let html = original.trim_start().as_bytes();
    if let [b'<', b'h' | b'H', digit @ b'1'..=b'6', ..] = html {
        let level = usize::from(digit - b'0');
        return Some((level, trimmed.to_string()));
    }
    // Setext heading: a line underlined with === or ---.
    if let Some(next) = next_original.map(str::trim) {
        if next.len() >= 3 && next.bytes().all(|b| b == b'=') {
            return Some((1, trimmed.to_string()));
        }
        if next.len() >= 3 && next.bytes().all(|b| b == b'-') && !trimmed.starts_with(['-', '*']) {
            return Some((2, trimmed.to_string()));
        }
    }
    // A short line that is all bold ("**Skills**") or a label alone ("Technical Skills:"), or an
    // all-capitals line ("SKILLS").
    // At most 5 words (counting stops at the sixth).
    if trimmed.split_whitespace().nth(5).is_none() {
        let bold = trimmed.len() > 4
            && ((trimmed.starts_with("**") && trimmed.ends_with("**"))
                || (trimmed.starts_with("__") && trimmed.ends_with("__")));
        let label = trimmed.ends_with(':') && !trimmed.starts_with(['-', '*', '+']);
        let capitals = all_capitals(trimmed);
        if bold || label || capitals {
            let text = trimmed.trim_matches(|c: char| matches!(c, '*' | '_' | ':' | ' '));
            return Some((7, text.to_string()));
        }
    }
    None
}

/// At least four letters, all of them capitals ("SKILLS").
pub(crate) fn all_capitals(text: &str) -> bool {
    let mut letters = 0;
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 4
}

/// Words in a heading that open a list of skills.
pub(crate) const SKILL_HEADINGS: &[&str] = &[
    "skill",
    "technolog",
    "tech stack",
    "toolkit",
    "tools",
    "languages",
    "frameworks",
    "libraries",
    "expertise",
    "competenc",
    "proficienc",
    "stack",
    "programming",
];

/// Words in a heading whose dates are not work experience.
pub(crate) const NOT_WORK_HEADINGS: &[&str] = &[
    "education",
    "academic background",
    "degree",
    "publication",
    "award",
    "honor",
    "honour",
    "certific",
    "course",
    "volunteer",
    "talks",
    "patent",
];

/// Decides, line by line, which lines are explicit skill lists and which sections are not work.
pub(crate) fn classify_lines(
    original: &str,
    search: &str,
    display: &str,
    ranges: &[(usize, usize)],
    skipped: &[bool],
) -> Vec<Line> {
    let mut lines = Vec::with_capacity(ranges.len());
    // (depth, is_skills, is_not_work) of the section we are in.
    let mut section: Option<(usize, bool, bool)> = None;
    for (i, &(start, end)) in ranges.iter().enumerate() {
        let text = &search[start..end];
        let next = ranges.get(i + 1).map(|r| &original[r.0..r.1]);
        let mut listed = false;
        if !skipped[i] {
            if let Some((depth, title)) = heading(&original[start..end], text, next) {
                let lower = title.to_ascii_lowercase();
                let is_skills = SKILL_HEADINGS.iter().any(|w| lower.contains(w));
                let is_not_work = NOT_WORK_HEADINGS.iter().any(|w| lower.contains(w));
                match section {
                    // A sub-heading inside a section keeps the section's nature unless it has its own.
                    Some((d, s, n)) if depth > d && !is_skills && !is_not_work => {
                        section = Some((d, s, n));
                    }
                    _ => section = Some((depth, is_skills, is_not_work)),
                }
                // "#### Technical Skills: Python, Go" is a heading and a list.
                listed = is_labelled_list(text);
            } else {
                let in_skills = section.is_some_and(|s| s.1);
                // "Engineer · Berlin · me@example.org · github.com/me" is a contact line: an
                // unlabelled enumeration with an address in it is not a skills list.
                let has_address = text != &display[start..end];
                listed = is_labelled_list(text)
                    || (is_enumeration(text, in_skills) && (in_skills || !has_address));
            }
        }
        lines.push(Line {
            start,
            end,
            skipped: skipped[i],
            listed,
            not_work: section.is_some_and(|s| s.2),
        });
    }
    lines
}

/// Splits a line into list items at commas, semicolons, pipes and bullets.
pub(crate) fn items(text: &str) -> Vec<&str> {
    item_iter(text).collect()
}

/// [`items`], one at a time.
pub(crate) fn item_iter(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', ';', '|', '•', '·'])
        .map(strip_markup)
        .filter(|item| !item.is_empty())
}

/// Whether `text` (no label) reads as an enumeration of names rather than a sentence: short items.
/// Inside a skills section one short item is enough; elsewhere three are needed.
pub(crate) fn is_enumeration(text: &str, in_skills_section: bool) -> bool {
    // Outside a skills section three items are needed, so two separators: most prose lines have
    // fewer.
    if !in_skills_section && !has_two_separators(text) {
        return false;
    }
    let text = strip_markup(text.trim());
    if text.is_empty() {
        return false;
    }
    // At most 4 words (counting stops at the fifth).
    let short = |item: &str| item.split_whitespace().nth(4).is_none();
    // The items are looked at until the first long one: after it the answer no longer depends on
    // how many there are.
    let mut count = 0;
    let mut all_short = true;
    for item in item_iter(text) {
        if !short(item) {
            all_short = false;
            break;
        }
        count += 1;
    }
    if in_skills_section {
        // Short items, or a short line ("- Deep learning with PyTorch and JAX").
        all_short || text.split_whitespace().nth(8).is_none()
    } else {
        count >= 3 && all_short
    }
}

/// Whether `text` holds at least two of the separators [`is_enumeration`] needs outside a skills
/// section: commas, semicolons, pipes and bullets (`•`, `·`), found with vectorised searches.
pub(crate) fn has_two_separators(text: &str) -> bool {
    let bytes = text.as_bytes();
    let ascii = memchr::memchr3_iter(b',', b';', b'|', bytes)
        .take(2)
        .count();
    if ascii >= 2 {
        return true;
    }
    let bullets = ["•", "·"]
        .iter()
        .map(|bullet| memchr::memmem::find_iter(bytes, bullet).take(2).count())
        .sum::<usize>();
    ascii + bullets >= 2
}

/// "Languages: Go, R, C", "**Tech Stack**: PyTorch, Triton", "Skills: Python".
pub(crate) fn is_labelled_list(text: &str) -> bool {
    let text = strip_markup(text.trim());
    let Some((label, rest)) = text.split_once(':') else {
        return false;
    };
    let label = strip_markup(label).to_ascii_lowercase();
    let label_words = label.split_whitespace().count();
    if label_words == 0 || label_words > 5 {
        return false;
    }
    let rest = strip_markup(rest);
    if rest.is_empty() {
        return false;
    }
    let items = items(rest);
    let all_short = items
        .iter()
        .all(|item| item.split_whitespace().count() <= 4);
    let skills_label = SKILL_HEADINGS.iter().any(|w| label.contains(w));
    all_short && (items.len() >= 2 || skills_label)
}

/// Separators between the items of a list: "Python, C++; Go | R / Julia".
pub(crate) fn is_item_separator(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | '|' | '/' | '(' | ')' | '[' | ']' | ':' | '•' | '·' | '–' | '—'
    )
}

/// Trims spaces, list bullets and Markdown emphasis from both ends.
pub(crate) fn strip_markup(text: &str) -> &str {
    text.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '*' | '_' | '`' | '-' | '+' | '>' | '"' | '\'' | '.' | '#'
            )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tests::generated;

    #[test]
    fn two_separators_are_counted_as_the_char_search_counts_them() {
        let texts = [
            "",
            "one, two",
            "one, two, three",
            "a; b | c",
            "PyTorch • JAX",
            "PyTorch • JAX · Triton",
            "Python, Go · Rust",
            "·",
            "•,",
            "a|b",
            "no separators at all",
            "é, ü; ñ",
        ];
        let alphabet = [",", ";", "|", "•", "·", "a", " ", "é", "\u{2022}\u{b7}"];
        let generated = generated(&alphabet, 5_000);
        for text in texts
            .iter()
            .copied()
            .chain(generated.iter().map(String::as_str))
        {
            let expected = text.matches([',', ';', '|', '•', '·']).count() >= 2;
            assert_eq!(has_two_separators(text), expected, "{text:?}");
        }
    }
}
