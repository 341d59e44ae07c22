//! Stage 2: the layout. Which lines are headings, which are explicit skill lists, and which
//! sections hold dates that are not work (education, publications).

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::document::{Document, Line};
use super::{Place, Position, Seniority};
use crate::input::dates::{self, Day, Interval};
use crate::skills::level_from_word;

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
        // A plain-text section heading: a short line that names a section ("Work experience",
        // "Education", "Skills"), with no digits and no sentence punctuation.
        let plain_section = || {
            trimmed.chars().next().is_some_and(char::is_uppercase)
                && !trimmed
                    .contains(|c: char| c.is_ascii_digit() || matches!(c, '.' | ',' | ';' | '|'))
                && Section::of_heading(&trimmed.to_lowercase()).is_some()
        };
        if bold || label || capitals || plain_section() {
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

/// The words that make a heading name a section, first row first ("Research publications" is
/// publications, not work).
const SECTION_WORDS: &[(Section, &[&str])] = &[
    (
        Section::Publications,
        &["publication", "paper", "patent", "talks", "presentations"],
    ),
    (Section::Certifications, &["certific", "licen"]),
    (
        Section::Education,
        &[
            "education",
            "academic background",
            "degree",
            "course",
            "training and",
        ],
    ),
    (Section::Skills, SKILL_HEADINGS),
    (
        Section::Projects,
        &["project", "portfolio", "open source", "open-source"],
    ),
    (
        Section::Other,
        &[
            "award",
            "honor",
            "honour",
            "interest",
            "hobbies",
            "reference",
        ],
    ),
    (
        Section::Work,
        &[
            "experience",
            "employment",
            "work",
            "career",
            "positions",
            "history",
            "volunteer",
            "internship",
            "research",
        ],
    ),
    (
        Section::Summary,
        &["summary", "profile", "about", "objective", "overview"],
    ),
    (Section::Other, &["language"]),
];

/// What a section holds, read from its heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Before any heading: the name, the contact line, often a summary.
    Top,
    Summary,
    Work,
    Skills,
    Projects,
    Education,
    Certifications,
    Publications,
    /// Awards, interests, references: nothing that shows a skill in use.
    Other,
}

impl Section {
    /// The section a heading (lowercase) opens, when it names one.
    pub fn of_heading(lower: &str) -> Option<Section> {
        // Every word of the table in one automaton (headings are looked at on every short
        // line); the first row with a word in the heading wins.
        static AUTOMATON: OnceLock<Option<(AhoCorasick, Vec<Section>)>> = OnceLock::new();
        let (automaton, sections) = AUTOMATON
            .get_or_init(|| {
                let mut words = Vec::new();
                let mut sections = Vec::new();
                for (section, list) in SECTION_WORDS {
                    for word in *list {
                        words.push(*word);
                        sections.push(*section);
                    }
                }
                let automaton = AhoCorasick::builder()
                    .kind(Some(AhoCorasickKind::NoncontiguousNFA))
                    .match_kind(MatchKind::Standard)
                    .build(&words)
                    .ok()?;
                Some((automaton, sections))
            })
            .as_ref()?;
        // Pattern ids follow the table's order: the smallest found is the first row.
        automaton
            .find_overlapping_iter(lower)
            .map(|m| m.pattern().as_usize())
            .min()
            .map(|pattern| sections[pattern])
    }
}

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
    let mut kind = Section::Top;
    for (i, &(start, end)) in ranges.iter().enumerate() {
        let text = &search[start..end];
        let next = ranges.get(i + 1).map(|r| &original[r.0..r.1]);
        let mut listed = false;
        let mut heading_depth = 0;
        if !skipped[i] {
            if let Some((depth, title)) = heading(&original[start..end], text, next) {
                heading_depth = depth as u8;
                let lower = title.to_ascii_lowercase();
                // A section heading is short and dateless ("Experience", "Technical Skills"), not
                // "Data Engineer, Education Startup (2019 – 2021)".
                let short = lower.split_whitespace().nth(5).is_none();
                if short && !lower.contains(|c: char| c.is_ascii_digit()) {
                    if let Some(found) = Section::of_heading(&lower) {
                        kind = found;
                    }
                }
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
            heading: heading_depth,
            section: kind,
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

/// What the layout says about one line: the kind of place it is, the dated position it belongs
/// to, and what it states for the skills on it.
#[derive(Debug, Clone, PartialEq)]
pub struct LineContext {
    pub place: Place,
    pub position: Option<usize>,
    /// A sub-period written on the line, inside its position's range.
    pub period: Option<Interval>,
    /// A level stated for the names on the line (a table's Level column, a "Strong:" label), with
    /// how many names share it.
    pub stated: Option<(u8, usize)>,
    /// Years stated for the names on the line (a table's Years column).
    pub years: Option<f64>,
    /// The first line of the bullet (or paragraph) this line belongs to: a bullet wrapped over
    /// several lines is one sentence.
    pub block_start: usize,
    /// The date ranges read on the line, when the layout read them (`None` when it did not look).
    pub ranges: Option<Vec<Interval>>,
}

/// The positions of a document and the context of each of its lines.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub positions: Vec<Position>,
    pub lines: Vec<LineContext>,
}

/// Whether `line` (its display text `text`) continues the bullet or paragraph above it: not a
/// bullet, a heading, a list of names, blank or skipped. A bullet wrapped over several lines is one
/// sentence (the scanner reads its phrasing whole, the layout its verbs and sub-periods).
pub(crate) fn continues_block(line: &Line, text: &str) -> bool {
    let trimmed = text.trim();
    !line.skipped && !line.listed && line.heading == 0 && !trimmed.is_empty() && !is_bullet(trimmed)
}

/// A list bullet: `- `, `* `, `+ `, `• `, `1. `, `2) `.
pub(crate) fn is_bullet(trimmed: &str) -> bool {
    let mut chars = trimmed.chars();
    match chars.next() {
        Some('-' | '*' | '+' | '•' | '▪' | '◦' | '‣' | '–' | '►' | '○' | '●') => {
            chars.next().is_some_and(char::is_whitespace)
        }
        Some(c) if c.is_ascii_digit() => {
            let rest = trimmed.trim_start_matches(|c: char| c.is_ascii_digit());
            (rest.starts_with(". ") || rest.starts_with(") ")) && trimmed.len() - rest.len() <= 2
        }
        _ => false,
    }
}

/// The header text with its dates taken out: "Senior ML Engineer — Acme (Mar 2021 – present)" →
/// "Senior ML Engineer — Acme".
fn without_dates(text: &str) -> String {
    const DATE_WORDS: &[&str] = &[
        "present",
        "current",
        "now",
        "today",
        "to",
        "until",
        "till",
        "since",
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "spring",
        "summer",
        "fall",
        "autumn",
        "winter",
    ];
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| {
            let bare = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            let datey = !bare.is_empty()
                && (DATE_WORDS.contains(&bare.trim_end_matches('.'))
                    || bare
                        .chars()
                        .all(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | '.' | '–')));
            // Punctuation between the title and the employer ("—", "|") stays; the ends are
            // trimmed below.
            !datey
        })
        .collect();
    strip_markup(words.join(" ").trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '|' | ',' | '·' | '—' | '–' | '-')
    }))
    .to_string()
}

/// "Since Jun 2026 also label chats" → "Since Jun 2026 - present …": a start written with "since"
/// is a range up to today.
fn since_as_range(text: &str) -> std::borrow::Cow<'_, str> {
    // Most lines have no "since": a plain search settles them before any copy.
    if !text.contains("ince ") {
        return std::borrow::Cow::Borrowed(text);
    }
    let lower = text.to_ascii_lowercase();
    let Some(at) = lower.find("since ") else {
        return std::borrow::Cow::Borrowed(text);
    };
    let after = at + "since ".len();
    // The year that ends the date: within the next three words.
    let mut offset = after;
    for word in text[after..].split_inclusive(' ').take(3) {
        offset += word.len();
        let bare = word.trim().trim_end_matches([',', '.', ';', ')']);
        if bare.len() == 4 && bare.bytes().all(|b| b.is_ascii_digit()) {
            let end = offset - (word.len() - word.trim_end().len());
            let end = end - (word.trim_end().len() - bare.len());
            return std::borrow::Cow::Owned(format!("{} - present{}", &text[..end], &text[end..]));
        }
    }
    std::borrow::Cow::Borrowed(text)
}

/// The level a list label or a table cell states: "Strong", "Familiar", "Expert", "熟练",
/// "avancé", "Grundkenntnisse", "3/4", "4".
pub fn level_in_words(text: &str) -> Option<u8> {
    let lower = text.trim().to_lowercase();
    if lower.is_empty() {
        return None;
    }
    if let Some(level) = level_from_word(&lower) {
        return Some(level);
    }
    let digits: String = lower.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() && lower[digits.len()..].trim().is_empty()
        || lower[digits.len()..].starts_with('/')
    {
        if let Ok(n) = digits.parse::<u8>() {
            if lower.contains("/5") || lower.contains("/ 5") {
                return Some(((u16::from(n) * 4 + 2) / 5).min(4) as u8);
            }
            if n <= 4 {
                return Some(n);
            }
        }
    }
    let stars = lower.chars().filter(|&c| c == '★' || c == '●').count();
    if stars > 0 {
        return Some(((stars * 4 + 2) / 5).min(4) as u8);
    }
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .find_map(level_from_word)
}

/// A number of years in a table cell or beside a name: "5", "5+", "3.5 yrs", "4 years".
pub fn years_in_words(text: &str) -> Option<f64> {
    let lower = text.trim().to_lowercase();
    let number: String = lower
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let years = number.parse::<f64>().ok()?;
    let rest = lower[number.len()..].trim_start_matches('+').trim();
    let unit_ok = rest.is_empty()
        || rest.starts_with("y")
        || rest.starts_with("year")
        || rest.starts_with("an");
    (unit_ok && (0.0..=50.0).contains(&years)).then_some(years)
}

/// The cells of a Markdown table row, `None` for a line that is not one (or is its `---` rule).
fn table_cells(text: &str) -> Option<Vec<&str>> {
    let trimmed = text.trim();
    let inner = trimmed.strip_prefix('|')?;
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let cells: Vec<&str> = inner.split('|').map(str::trim).collect();
    if cells.len() < 2 {
        return None;
    }
    Some(cells)
}

fn is_table_rule(cells: &[&str]) -> bool {
    cells
        .iter()
        .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
}

/// The label of a labelled list, when it states a level: "Strong: Python, SQL", "**Familiar
/// with**: Rust", "熟练: PyTorch" → the level and the number of names.
fn labelled_level(text: &str) -> Option<(u8, usize)> {
    let text = strip_markup(text.trim());
    let (label, rest) = text.split_once([':', '：'])?;
    let label = strip_markup(label).to_lowercase();
    let label = label.trim_end_matches(" with").trim_end_matches(" in");
    if label.split_whitespace().count() > 3 {
        return None;
    }
    let named = match label {
        "strong" | "strong in" | "primary" | "core" => Some(3),
        "familiar" | "familiarity" | "exposure" | "basic" | "learning" => Some(1),
        "working knowledge" | "working" | "intermediate" | "good" => Some(2),
        _ => None,
    };
    let level = level_in_words(label).or(named)?;
    Some((level, items(rest).len().max(1)))
}

/// The positions of a static-site "experience" widget, the front matter that is the whole page
/// (`- title: …`, `company: …`, `date_start: '2023-10-20'`, `date_end: ''`, `description: |-`):
/// for each line, the position its item is (`None` outside the widget's items).
fn front_matter_positions(
    document: &Document,
    text: &str,
    today: Day,
    positions: &mut Vec<Position>,
) -> Vec<Option<usize>> {
    use super::experience::{END_KEYS, START_KEYS};
    let mut of_line = vec![None; document.lines.len()];
    let Some(front) = document.front_matter.as_ref().filter(|f| f.is_whole_page) else {
        return of_line;
    };
    // (first line, title, start, end) of the item being read.
    let mut item: Option<(usize, String, Option<String>, Option<String>)> = None;
    let mut item_indent: Option<usize> = None;
    let mut flush = |item: &mut Option<(usize, String, Option<String>, Option<String>)>,
                     upto: usize,
                     of_line: &mut Vec<Option<usize>>| {
        let Some((first, title, Some(start), end)) = item.take() else {
            return;
        };
        let Some(interval) = dates::interval(Some(&start), end.as_deref(), today).interval else {
            return;
        };
        positions.push(Position {
            seniority: Seniority::of_title(&title),
            title,
            interval: Some(interval),
        });
        for slot in &mut of_line[first..upto] {
            *slot = Some(positions.len() - 1);
        }
    };
    for i in 1..front.end_line.min(document.lines.len()) {
        let line = &document.lines[i];
        let raw = text.get(line.start..line.end).unwrap_or("");
        let trimmed = raw.trim_start();
        let indent = raw.len() - trimmed.len();
        // A new item of the list (at the first item's indentation; a deeper "- " is a bullet of
        // a description): a new position when it carries dates.
        let starts_item = trimmed.starts_with("- ") && item_indent.is_none_or(|at| indent <= at);
        if let (true, Some(entry)) = (starts_item, trimmed.strip_prefix("- ")) {
            item_indent.get_or_insert(indent);
            flush(&mut item, i, &mut of_line);
            item = Some((i, String::new(), None, None));
            read_widget_key(entry, &mut item);
        } else {
            read_widget_key(trimmed, &mut item);
        }
    }
    flush(
        &mut item,
        front.end_line.min(document.lines.len()),
        &mut of_line,
    );
    return of_line;

    fn read_widget_key(
        entry: &str,
        item: &mut Option<(usize, String, Option<String>, Option<String>)>,
    ) {
        let Some((first, title, start, end)) = item.as_mut() else {
            return;
        };
        let _ = first;
        let Some((key, value)) = entry.split_once(':') else {
            return;
        };
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim().trim_matches(['\'', '"']).trim().to_string();
        if START_KEYS.contains(&key.as_str()) {
            if !value.is_empty() {
                *start = Some(value);
            }
        } else if END_KEYS.contains(&key.as_str()) {
            *end = Some(value);
        } else if matches!(key.as_str(), "title" | "position" | "role") && title.is_empty() {
            *title = value;
        }
    }
}

/// Reads the positions of a document (headed blocks and lines that carry a date range) and the
/// place of every line. "Today" ends an open range.
pub(crate) fn read_layout(document: &Document, text: &str, today: Day) -> Layout {
    let mut positions: Vec<Position> = Vec::new();
    let widget = front_matter_positions(document, text, today, &mut positions);
    let mut contexts: Vec<LineContext> = Vec::with_capacity(document.lines.len());
    let mut current: Option<usize> = None;
    // The line that opened the current position, and the previous non-blank line.
    let mut header_lines: Vec<usize> = Vec::new();
    let mut previous: Option<usize> = None;
    // The bullet or paragraph being read (its first line), and a sub-period written in it.
    let mut block: Option<usize> = None;
    let mut block_period: Option<Interval> = None;
    // Lines read under the current position after its header.
    let mut body_lines = 0usize;
    let mut section = Section::Top;
    // Whether a line of prose (not a list of names) has been read in this work or projects
    // section: a list of names after one is that entry's tools, not a skills list.
    let mut prose_in_section = false;
    // A skills table's columns: (level column, years column, skill column).
    let mut table: Option<(Option<usize>, Option<usize>, usize)> = None;
    for (i, line) in document.lines.iter().enumerate() {
        let text = &document.display[line.start..line.end];
        let trimmed = text.trim();
        // A bullet starts a block; a line that is neither a bullet nor a heading continues the
        // block above it; a blank line ends it.
        let continues = block.is_some() && continues_block(line, text);
        if !continues {
            block = (!trimmed.is_empty() && !line.skipped).then_some(i);
            block_period = None;
        }
        let mut context = LineContext {
            place: Place::Summary,
            position: None,
            period: block_period,
            stated: None,
            years: None,
            block_start: block.unwrap_or(i),
            ranges: None,
        };
        if let Some(position) = widget.get(i).copied().flatten() {
            context.position = Some(position);
            context.place = Place::PositionBullet;
            contexts.push(context);
            continue;
        }
        if line.skipped || trimmed.is_empty() {
            context.position = current;
            context.place = if current.is_some() {
                Place::PositionBullet
            } else {
                Place::Summary
            };
            contexts.push(context);
            continue;
        }
        if line.section != section {
            section = line.section;
            current = None;
            prose_in_section = false;
        }
        // A real heading starts a new block, and so does a bold line naming a section, except
        // one that names the section it is in under an open position: "**Experience:**" above
        // a position's bullets labels them.
        let is_heading = line.heading > 0;
        if is_heading
            && (line.heading < 7
                || Section::of_heading(&trimmed.to_lowercase())
                    .is_some_and(|named| current.is_none() || named != section))
        {
            current = None;
        }
        let cells = table_cells(trimmed);
        match &cells {
            Some(cells) if !is_table_rule(cells) => {
                let lower: Vec<String> = cells
                    .iter()
                    .map(|c| strip_markup(c).to_lowercase())
                    .collect();
                let level_col = lower.iter().position(|c| {
                    [
                        "level",
                        "proficiency",
                        "expertise",
                        "rating",
                        "self-assessment",
                    ]
                    .iter()
                    .any(|w| c.contains(w))
                });
                let years_col = lower
                    .iter()
                    .position(|c| c.contains("year") || c == "yrs" || c == "experience");
                let skill_col = lower.iter().position(|c| {
                    [
                        "skill",
                        "technolog",
                        "tool",
                        "framework",
                        "language",
                        "area",
                    ]
                    .iter()
                    .any(|w| c.contains(w))
                });
                if let (Some(skill), true) = (skill_col, level_col.is_some() || years_col.is_some())
                {
                    table = Some((level_col, years_col, skill));
                    contexts.push(LineContext {
                        place: Place::SkillsTable,
                        ..context
                    });
                    previous = Some(i);
                    continue;
                }
                if let Some((level_col, years_col, skill_col)) = table {
                    let names = cells.get(skill_col).map_or(1, |c| items(c).len().max(1));
                    context.stated = level_col
                        .and_then(|c| cells.get(c))
                        .and_then(|c| level_in_words(c))
                        .map(|l| (l, names));
                    context.years = years_col
                        .and_then(|c| cells.get(c))
                        .and_then(|c| years_in_words(c));
                    context.place = Place::SkillsTable;
                    contexts.push(context);
                    previous = Some(i);
                    continue;
                }
            }
            Some(_) => {
                contexts.push(LineContext {
                    place: Place::SkillsTable,
                    ..context
                });
                continue;
            }
            None => table = None,
        }
        let opens_positions = !matches!(
            section,
            Section::Skills
                | Section::Education
                | Section::Certifications
                | Section::Publications
                | Section::Other
        );
        let dated = since_as_range(text);
        let ranges = if opens_positions && super::experience::may_hold_date_range(&dated) {
            dates::ranges_in_line(&dated, today)
        } else {
            Vec::new()
        };
        if opens_positions {
            context.ranges = Some(ranges.clone());
        }
        if let Some(&range) = ranges.first() {
            let inside = current
                .and_then(|p| positions[p].interval)
                .is_some_and(|r| range.start >= r.start && range.end <= r.end);
            // A range inside the position's own, written in a bullet (or on a line that continues
            // one), is a sub-period of that bullet: "(2025 – present)".
            let in_bullet = is_bullet(trimmed)
                || (continues
                    && block.is_some_and(|b| {
                        is_bullet(
                            document.display[document.lines[b].start..document.lines[b].end].trim(),
                        )
                    }));
            // A dated line right under a position's header, before any bullet, is a note on it
            // ("*Senior DL Engineer 2021–2023, Staff since 2023.*"), not a position of its own.
            let note_on_header = inside && !in_bullet && body_lines == 0;
            if note_on_header {
                context.place = Place::PositionHeader;
                context.position = current;
                contexts.push(context);
                previous = Some(i);
                continue;
            }
            if in_bullet && inside {
                context.period = Some(range);
                block_period = Some(range);
                if let Some(first) = block {
                    for earlier in &mut contexts[first..] {
                        earlier.period = Some(range);
                    }
                }
            } else {
                // A new position. A header that is only dates takes its title from the line above
                // ("### Staff ML Engineer, Northwind" then "2019 – present").
                let mut title = without_dates(trimmed);
                header_lines.clear();
                header_lines.push(i);
                if title.chars().filter(|c| c.is_alphabetic()).count() < 3 {
                    if let Some(p) = previous {
                        let above =
                            &document.display[document.lines[p].start..document.lines[p].end];
                        if !is_bullet(above.trim()) && contexts[p].position.is_none() {
                            title = without_dates(above.trim());
                            header_lines.push(p);
                            contexts[p].place = Place::PositionHeader;
                            contexts[p].position = Some(positions.len());
                        }
                    }
                }
                // The title may be on the next line ("**Northwind** (2019 – present)" then
                // "*Staff ML Engineer*").
                let mut seniority_text = title.clone();
                if let Some(next) = document.lines.get(i + 1) {
                    let below = document.display[next.start..next.end].trim();
                    if !below.is_empty()
                        && !is_bullet(below)
                        && below.split_whitespace().count() <= 8
                    {
                        seniority_text.push(' ');
                        seniority_text.push_str(below);
                    }
                }
                if let Some(p) = previous.filter(|&p| p + 1 == i || header_lines.contains(&p)) {
                    let above =
                        document.display[document.lines[p].start..document.lines[p].end].trim();
                    if !is_bullet(above)
                        && contexts[p].position.is_none()
                        && above.split_whitespace().count() <= 8
                    {
                        seniority_text.push(' ');
                        seniority_text.push_str(above);
                    }
                }
                positions.push(Position {
                    title,
                    interval: Some(range),
                    seniority: Seniority::of_title(&seniority_text),
                });
                current = Some(positions.len() - 1);
                body_lines = 0;
                context.place = Place::PositionHeader;
                context.position = current;
                contexts.push(context);
                previous = Some(i);
                continue;
            }
        }
        context.position = current;
        if current.is_some() {
            body_lines += 1;
        }
        context.place = if current.is_some() {
            Place::PositionBullet
        } else {
            match section {
                Section::Skills => Place::SkillsList,
                Section::Projects => Place::Project,
                Section::Work => Place::Project,
                Section::Education => Place::Education,
                Section::Certifications => Place::Certification,
                Section::Publications => Place::Publication,
                Section::Top | Section::Summary | Section::Other => Place::Summary,
            }
        };
        if line.listed {
            context.stated = labelled_level(trimmed);
            // A list of names is a claim, except a "Tech stack:" line inside a position, or one
            // under an undated entry of a work or projects section (after that entry's prose).
            let entry_tools =
                matches!(section, Section::Work | Section::Projects) && prose_in_section;
            if (current.is_none() && !entry_tools) || section == Section::Skills {
                context.place = Place::SkillsList;
            }
        } else if is_heading || matches!(section, Section::Work | Section::Projects) {
            prose_in_section |= !is_heading && trimmed.split_whitespace().count() >= 3;
        }
        contexts.push(context);
        previous = Some(i);
    }
    Layout {
        positions,
        lines: contexts,
    }
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

    fn layout_of(text: &str) -> (Layout, Document) {
        let document = Document::new(text);
        let today = Day {
            year: 2026,
            month: 12,
            day: 1,
        };
        (read_layout(&document, text, today), document)
    }

    #[test]
    fn since_is_a_range_to_today() {
        assert_eq!(
            since_as_range("Since Jun 2026 also label chats"),
            "Since Jun 2026 - present also label chats"
        );
        assert_eq!(
            since_as_range("Staff since 2023."),
            "Staff since 2023 - present."
        );
        assert_eq!(since_as_range("no date here"), "no date here");
        assert_eq!(since_as_range("ever since we met"), "ever since we met");
    }

    #[test]
    fn positions_from_the_ways_people_write_them() {
        let text = "Work experience\n\nAnnotation Team Lead — Pixelgrove\nMarch 2024 – present\n• Lead a team of 12 annotators\n\nEducation\nB.A. Art History, 2017 – 2021\n";
        let (layout, _) = layout_of(text);
        // The dates-only line takes its title from the line above; "Education" is a heading, so
        // the degree is not a position.
        assert_eq!(layout.positions.len(), 1, "{:?}", layout.positions);
        assert_eq!(
            layout.positions[0].title,
            "Annotation Team Lead — Pixelgrove"
        );
        assert_eq!(layout.positions[0].seniority, Seniority::Staff);
        assert_eq!(layout.lines[4].place, Place::PositionBullet);
        assert_eq!(layout.lines[4].position, Some(0));
        assert_eq!(layout.lines[7].place, Place::Education);

        // A note under the header is not a position; a sub-period on a wrapped bullet narrows
        // that bullet only.
        let text = "## Experience\n### Staff Engineer — Acme (Jan 2021 – present)\n*Senior 2021–2023, Staff since 2023.*\n- Moved to FSDP2 with per-parameter sharding\n  (2024 – present), which cut memory.\n- Wrote the runbook.\n";
        let (layout, _) = layout_of(text);
        assert_eq!(layout.positions.len(), 1, "{:?}", layout.positions);
        let sub = layout.lines[3].period.expect("the bullet's sub-period");
        assert_eq!(layout.lines[4].period, Some(sub));
        assert_eq!(layout.lines[5].period, None);
        assert_eq!(layout.lines[3].block_start, 3);
        assert_eq!(layout.lines[4].block_start, 3);

        // "Company, Title, dates" reads as a list of three names, but it is a header.
        let (layout, _) = layout_of(
            "Experience\nTessellate, ML Engineer, Aug 2025 - present\n  * Keep jobs healthy\n",
        );
        assert_eq!(layout.positions.len(), 1);
        assert_eq!(layout.lines[2].position, Some(0));

        // A bold "Experience:" label under a position's dates labels its bullets; it does not
        // close the position (corpus cv02 writes every position so).
        let (layout, _) = layout_of(
            "## Experience\n### Acme Vision\nSeptember 2021 - February 2024\n**Experience:**\n- Trained vision transformers in PyTorch\n",
        );
        assert_eq!(layout.positions.len(), 1, "{:?}", layout.positions);
        assert_eq!(layout.lines[4].position, Some(0));
        assert_eq!(layout.lines[4].place, Place::PositionBullet);
    }

    #[test]
    fn skills_tables_and_group_levels() {
        let text = "## Skills\n| Skill | Level | Years |\n|---|---|---|\n| PyTorch | Expert | 6 |\n| SQL | Intermediate | 3 |\n\nStrong: Python, Go\nFamiliar: Rust\n";
        let (layout, _) = layout_of(text);
        assert_eq!(layout.lines[3].stated, Some((4, 1)));
        assert_eq!(layout.lines[3].years, Some(6.0));
        assert_eq!(layout.lines[4].stated, Some((2, 1)));
        assert_eq!(layout.lines[6].stated, Some((3, 2)));
        assert_eq!(layout.lines[7].stated, Some((1, 1)));
        assert_eq!(level_in_words("熟练"), Some(3));
        assert_eq!(level_in_words("avancé"), Some(3));
        assert_eq!(level_in_words("Grundkenntnisse"), Some(1));
        assert_eq!(level_in_words("4/5"), Some(3));
    }
}
