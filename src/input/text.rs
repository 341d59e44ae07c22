//! Plain-text and Markdown résumés: skills found by scanning the prose for catalog names and aliases.
//!
//! People write "trained CNNs with PyTorch on 64 GPUs", not `{"name": "PyTorch"}`. The [`Scanner`]
//! looks for every catalog name and alias (plus a few unambiguous inflections: `CNNs`, `quantized`,
//! `fine-tuned`, `mixed-precision`/`mixed precision`) in one pass of a prebuilt Aho–Corasick automaton,
//! built once per process. A raw hit only counts when:
//!
//! - it is a whole token: "sparked" is not Spark, "Javascript" is not Java, "C" in "C++" is not C;
//! - its capitalisation is allowed: terms the catalog marks `case_sensitive` ("Spark", "JAX",
//!   "LoRA") match only as written there, so the verb "spark" is not Apache Spark;
//! - terms the catalog marks `list_only` ("C", "R", "Go", "Ray", "Julia", "leadership") are a whole
//!   item of an explicit list such as "Languages: Go, R, C", never a word of a sentence;
//! - it is not inside a URL, an e-mail address, an HTML tag or comment, Liquid `{% %}`/`{{ }}`, or
//!   the front matter (YAML `---` / TOML `+++`) of a static-site page. When the front matter is the
//!   whole page (a Hugo "experience" widget), its values are read and its keys and comments skipped.
//!
//! Every mention keeps its **evidence**: the line it was found on, trimmed (and cut around the match
//! when long). A skill in an explicit list (a "Skills" section, or a labelled enumeration such as
//! "**Tech stack**: PyTorch, Triton, NCCL") gets level 2, *working*; a skill only mentioned in prose
//! gets level 1, *aware*, raised to 2 when it is mentioned on three or more separate lines.
//!
//! Years of experience come from date ranges ("2019 – present", "Jan 2020 - Mar 2023",
//! "09/2017–06/2019") outside education-like sections, merged so overlapping jobs count once.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::catalog::{Catalog, CatalogError, SkillIdx, TermPolicy};
use crate::input::dates::{self, Day, Interval};
use crate::input::InputError;
use crate::skills::{ClaimedSkill, Skills};

/// Level of a skill named in an explicit skills list ("working").
pub const LISTED_LEVEL: u8 = 2;
/// Level of a skill only mentioned in prose ("aware").
pub const PROSE_LEVEL: u8 = 1;
/// A skill mentioned in prose on this many separate lines is taken as used: [`LISTED_LEVEL`].
pub const PROSE_LINES_FOR_LISTED: usize = 3;
/// Evidence longer than this many characters is cut to a window around the match.
pub const EVIDENCE_MAX_CHARS: usize = 160;

/// One occurrence of a skill in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub skill: SkillIdx,
    /// 1-based line number in the scanned text.
    pub line: usize,
    /// Byte range of the match in the scanned text.
    pub start: usize,
    pub end: usize,
    /// The line, trimmed, markup removed, cut around the match when long.
    pub evidence: String,
    /// The text as it appears in the line ("torch", "CNNs").
    pub matched: String,
    /// True when the line is an explicit skills list rather than prose.
    pub listed: bool,
    /// A level written in parentheses right after the name: "Python (expert)", "SQL (basic)",
    /// "JAX (learning)".
    pub stated_level: Option<u8>,
}

/// A catalog term the automaton looks for (one per distinct lowercase spelling; several terms may
/// share a spelling and differ in case, like `Git` and `git`).
#[derive(Debug, Clone)]
struct Candidate {
    /// The spelling to match (a name, an alias, or an inflection of one).
    text: String,
    skill: SkillIdx,
    policy: TermPolicy,
}

/// The prebuilt matcher over every name and alias of a catalog.
#[derive(Debug)]
pub struct Scanner {
    automaton: AhoCorasick,
    /// For each automaton pattern id, its spelling's index in `candidates`.
    automaton_spellings: Vec<usize>,
    /// Per distinct lowercase spelling, the terms written that way.
    candidates: Vec<Vec<Candidate>>,
    /// Spellings that only ever count as a whole list item ("C", "R", "Go", "Ray"), one word
    /// without separators: looked up among the items of list lines instead of searched for in
    /// the whole text, where "c" and "r" would hit inside nearly every word (lowercase → index in
    /// `candidates`).
    list_items: HashMap<String, usize>,
    /// The longest of `list_items`, in bytes.
    list_item_max_len: usize,
}

static BUILTIN_SCANNER: OnceLock<Scanner> = OnceLock::new();

impl Scanner {
    /// Builds the automaton for `catalog`. Costs tens of milliseconds (BENCHMARKS.md): build it once
    /// and reuse it (the builtin catalog's scanner is cached by [`Scanner::builtin`]).
    pub fn new(catalog: &Catalog) -> Result<Scanner, CatalogError> {
        let mut by_lower: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut candidates: Vec<Vec<Candidate>> = Vec::new();
        let mut add = |candidate: Candidate, is_variant: bool| {
            let lower = candidate.text.to_ascii_lowercase();
            match by_lower.get(&lower) {
                Some(&id) => {
                    let slot: &mut Vec<Candidate> = &mut candidates[id];
                    // A generated variant never shadows another skill's own term.
                    if is_variant && slot.iter().any(|c| c.skill != candidate.skill) {
                        return;
                    }
                    if !slot.iter().any(|c| c.text == candidate.text) {
                        slot.push(candidate);
                    }
                }
                None => {
                    by_lower.insert(lower.clone(), patterns.len());
                    patterns.push(lower);
                    candidates.push(vec![candidate]);
                }
            }
        };
        let terms: Vec<_> = catalog.terms().collect();
        for term in &terms {
            add(
                Candidate {
                    text: term.text.to_string(),
                    skill: term.skill,
                    policy: term.policy,
                },
                false,
            );
        }
        for term in &terms {
            for variant in variants(term.text, term.policy) {
                add(
                    Candidate {
                        text: variant,
                        skill: term.skill,
                        policy: term.policy,
                    },
                    true,
                );
            }
        }
        let mut list_items = HashMap::new();
        let mut automaton_spellings = Vec::new();
        let mut automaton_patterns = Vec::new();
        for (spelling, pattern) in patterns.iter().enumerate() {
            let item_only = candidates[spelling]
                .iter()
                .all(|c| c.policy == TermPolicy::ListOnly)
                && !pattern
                    .chars()
                    .any(|c| c.is_whitespace() || is_item_separator(c));
            if item_only {
                list_items.insert(pattern.clone(), spelling);
            } else {
                automaton_spellings.push(spelling);
                automaton_patterns.push(pattern);
            }
        }
        let list_item_max_len = list_items.keys().map(String::len).max().unwrap_or(0);
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&automaton_patterns)
            .map_err(|e| {
                CatalogError::Invalid(format!(
                    "its names and aliases do not form a search automaton: {e}"
                ))
            })?;
        Ok(Scanner {
            automaton,
            automaton_spellings,
            candidates,
            list_items,
            list_item_max_len,
        })
    }

    /// The scanner for the builtin catalog, built once per process.
    pub fn builtin() -> Result<&'static Scanner, CatalogError> {
        let catalog = Catalog::builtin()?;
        if let Some(scanner) = BUILTIN_SCANNER.get() {
            return Ok(scanner);
        }
        let scanner = Scanner::new(catalog)?;
        Ok(BUILTIN_SCANNER.get_or_init(|| scanner))
    }

    /// Every skill mentioned in `text`, in order of appearance, at most once per skill and line.
    pub fn scan(&self, text: &str) -> Vec<Mention> {
        let document = Document::new(text);
        self.scan_document(&document)
    }

    /// The lowercase spellings the automaton searches for (each catalog name, alias and inflection,
    /// without the list-only one-word terms), in pattern order. `benches/batch.rs` builds its own
    /// automata from them to measure the bare search: the least any term search costs.
    pub fn spellings(&self) -> impl Iterator<Item = String> + '_ {
        self.automaton_spellings
            .iter()
            .map(|&spelling| self.candidates[spelling][0].text.to_ascii_lowercase())
    }

    fn scan_document(&self, document: &Document) -> Vec<Mention> {
        let search = document.search.as_str();
        let flat = document.flat.as_str();
        let mut hits: Vec<Hit> = Vec::new();
        for found in self.automaton.find_overlapping_iter(flat) {
            let (flat_start, flat_end) = (found.start(), found.end());
            if !is_token_boundary(flat, flat_start, flat_end) {
                continue;
            }
            let matched = &flat[flat_start..flat_end];
            let start = document.search_offset(flat_start);
            let end = document.search_offset(flat_end - 1) + 1;
            let line_idx = document.line_of(start);
            let line = &document.lines[line_idx];
            if line.skipped {
                continue;
            }
            let spelling = self.automaton_spellings[found.pattern().as_usize()];
            hits.extend(self.hit(spelling, matched, search, line_idx, line, start..end));
        }
        if !self.list_items.is_empty() {
            for (line_idx, line) in document.lines.iter().enumerate() {
                if line.listed && !line.skipped {
                    self.list_item_hits(search, line_idx, line, &mut hits);
                }
            }
        }
        // Leftmost-longest among the hits that passed: "C++" wins over "C", "PyTorch FSDP" over
        // "PyTorch", "NVIDIA Triton" over "Triton".
        hits.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut mentions: Vec<Mention> = Vec::new();
        let mut taken_until = 0;
        // Hits come in text order: the previous line's evidence is reused for the next hit on it.
        let mut last_evidence: Option<(usize, String)> = None;
        for hit in hits {
            if hit.start < taken_until {
                continue;
            }
            taken_until = hit.end;
            let line = &document.lines[hit.line];
            let line_number = hit.line + 1;
            // Mentions are in text order: only the ones on this line need checking.
            if mentions
                .iter()
                .rev()
                .take_while(|m| m.line == line_number)
                .any(|m| m.skill == hit.candidate.skill)
            {
                continue;
            }
            mentions.push(Mention {
                skill: hit.candidate.skill,
                line: line_number,
                start: hit.start,
                end: hit.end,
                evidence: evidence_cached(
                    &mut last_evidence,
                    document,
                    hit.line,
                    hit.start,
                    hit.end,
                ),
                matched: hit.matched.to_string(),
                listed: line.listed,
                stated_level: stated_level(&search[hit.end.min(line.end)..line.end]),
            });
        }
        mentions
    }
}

impl Scanner {
    /// The first term spelled `matched` (candidate spelling `spelling`, found at `start..end` on
    /// `line`) whose policy allows it there.
    fn allowed(
        &self,
        spelling: usize,
        matched: &str,
        search: &str,
        line: &Line,
        start: usize,
        end: usize,
    ) -> Option<&Candidate> {
        self.candidates[spelling]
            .iter()
            .find(|candidate| match candidate.policy {
                TermPolicy::Anywhere => true,
                TermPolicy::CaseSensitive => matched == candidate.text,
                TermPolicy::ListOnly => {
                    list_case_matches(matched, &candidate.text)
                        && line.listed
                        && end <= line.end
                        && is_whole_item(search, line.start, line.end, start, end)
                }
            })
    }

    /// The hit of `matched` (candidate spelling `spelling`, at `range` of `search`, on line
    /// `line_idx`), when a term spelled so is allowed there.
    fn hit<'a>(
        &'a self,
        spelling: usize,
        matched: &'a str,
        search: &str,
        line_idx: usize,
        line: &Line,
        range: std::ops::Range<usize>,
    ) -> Option<Hit<'a>> {
        let (start, end) = (range.start, range.end);
        self.allowed(spelling, matched, search, line, start, end)
            .map(|candidate| Hit {
                start,
                end,
                line: line_idx,
                matched,
                candidate,
            })
    }

    /// The hits of [`Scanner::list_items`] on a list line: each item of the line, cut out as
    /// [`is_whole_item`] cuts it, that is one of them. (They are exactly the hits the automaton
    /// would have found and the policy allowed: such a spelling has no separator, so its item is
    /// the text between the separators around it.)
    fn list_item_hits<'a>(
        &'a self,
        search: &'a str,
        line_idx: usize,
        line: &Line,
        hits: &mut Vec<Hit<'a>>,
    ) {
        let text = &search[line.start..line.end];
        let mut segment_start = 0;
        let ends = text
            .char_indices()
            .filter(|&(_, c)| is_item_separator(c))
            .map(|(i, c)| (i, i + c.len_utf8()))
            .chain(std::iter::once((text.len(), text.len())));
        for (segment_end, next_start) in ends {
            let segment = &text[segment_start..segment_end];
            segment_start = next_start;
            let item = item_text(segment);
            if item.is_empty() || item.len() > self.list_item_max_len {
                continue;
            }
            let Some(&spelling) = self.list_items.get(&item.to_ascii_lowercase()) else {
                continue;
            };
            // `item` is a slice of `search`: its offset there.
            let start = item.as_ptr() as usize - search.as_ptr() as usize;
            let end = start + item.len();
            if !is_token_boundary(search, start, end) {
                continue;
            }
            let matched = &search[start..end];
            hits.extend(self.hit(spelling, matched, search, line_idx, line, start..end));
        }
    }
}

struct Hit<'a> {
    /// Byte range in [`Document::search`] (it may span a line break).
    start: usize,
    end: usize,
    line: usize,
    /// The text matched, whitespace collapsed.
    matched: &'a str,
    candidate: &'a Candidate,
}

/// Short list-only terms ("C", "R", "Go", "Julia") must be written exactly as in the catalog;
/// longer ones ("quality assurance") in any case, since lists capitalise freely.
fn list_case_matches(matched: &str, term: &str) -> bool {
    if term.chars().count() <= 5 {
        matched == term
    } else {
        matched.eq_ignore_ascii_case(term)
    }
}

/// Spellings of `term` that mean the same skill: hyphen/space swaps ("mixed-precision"), the plural
/// of an acronym or a noun ("CNNs", "vector stores"), and verb forms of "-ization" and "-tuning"
/// nouns ("quantized", "fine-tuned").
fn variants(term: &str, policy: TermPolicy) -> Vec<String> {
    if policy == TermPolicy::ListOnly {
        return Vec::new();
    }
    let mut spellings = vec![term.to_string()];
    if term.contains('-') {
        spellings.push(term.replace('-', " "));
    }
    if term.contains(' ') {
        spellings.push(term.replace(' ', "-"));
    }
    let mut out = Vec::new();
    for spelling in spellings {
        let last_word_start = spelling.rfind([' ', '-']).map_or(0, |p| p + 1);
        let (head, last) = spelling.split_at(last_word_start);
        let inflections: &[(&str, &[&str])] = &[
            ("ization", &["ized", "ize", "izing", "isation", "ised"]),
            ("isation", &["ised", "ization", "ized"]),
            ("tuning", &["tuned"]),
            ("pruning", &["pruned"]),
        ];
        for (suffix, replacements) in inflections {
            if let Some(stem) = last
                .strip_suffix(suffix)
                .filter(|stem| !AMBIGUOUS_STEMS.contains(&stem.to_ascii_lowercase().as_str()))
            {
                for replacement in *replacements {
                    out.push(format!("{head}{stem}{replacement}"));
                }
            }
        }
        if let Some(plural) = plural(last, policy) {
            out.push(format!("{head}{plural}"));
        }
        if spelling != term {
            out.push(spelling);
        }
    }
    out
}

/// Stems whose verb forms mean something else: "tokenized incentives" are crypto tokens, not
/// tokenization of text.
const AMBIGUOUS_STEMS: &[&str] = &["token"];

/// The plural of the last word of a term, where it is unambiguous: acronyms ("CNN" → "CNNs") and,
/// for case-insensitive terms, ordinary nouns ("store" → "stores", "strategy" → "strategies").
fn plural(word: &str, policy: TermPolicy) -> Option<String> {
    let last = word.chars().last()?;
    if word.chars().count() < 2 || word.contains('.') {
        return None;
    }
    if last.is_ascii_uppercase() {
        return Some(format!("{word}s"));
    }
    if policy != TermPolicy::Anywhere || !last.is_ascii_lowercase() {
        return None;
    }
    // "tool use" → "tool uses" would be a verb ("the tool uses OpenCV"); short words are often verbs.
    if matches!(last, 's' | 'x' | 'z') || word.ends_with("ing") || word.chars().count() <= 3 {
        return None;
    }
    if let Some(stem) = word.strip_suffix('y') {
        if !stem.ends_with(['a', 'e', 'i', 'o', 'u']) {
            return Some(format!("{stem}ies"));
        }
    }
    Some(format!("{word}s"))
}

/// A character that continues a word: a hit next to one is part of a longer word.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether `bytes[start..end]` is a whole token: no letter or digit glued on either side, and not
/// followed by `+` or `#` ("C" in "C#").
fn is_token_boundary(text: &str, start: usize, end: usize) -> bool {
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return false;
    }
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let matched_first = text[start..end].chars().next();
    let matched_last = text[start..end].chars().next_back();
    let glued_before = before.is_some_and(is_word_char) && matched_first.is_some_and(is_word_char);
    let glued_after = after.is_some_and(|c| {
        (is_word_char(c) && matched_last.is_some_and(is_word_char))
            || (matches!(c, '+' | '#') && matched_last.is_some_and(|m| m.is_alphanumeric()))
    });
    !glued_before && !glued_after
}

/// The level in a parenthesis that opens `after` (the text following a match): "(advanced)",
/// "(basic, 2 years)", "(learning)"; `None` for "(Pandas, NumPy)", "(Master's thesis)" or no
/// parenthesis.
fn stated_level(after: &str) -> Option<u8> {
    let rest = after.trim_start().strip_prefix('(')?;
    let inside = &rest[..rest.find(')')?];
    if inside.len() > 40 {
        return None;
    }
    // Only a level word on its own: "(advanced)", "(basic, 2 years)"; not "(Master's thesis)".
    let first = inside.split([',', ';', '/']).next()?.trim().to_lowercase();
    match first.as_str() {
        "learning" | "familiar" | "exposure" => Some(1),
        word => crate::skills::level_from_word(word),
    }
}

/// Separators between the items of a list: "Python, C++; Go | R / Julia".
fn is_item_separator(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | '|' | '/' | '(' | ')' | '[' | ']' | ':' | '•' | '·' | '–' | '—'
    )
}

/// Whether the hit `[start, end)` is a whole item of the list on its line: "Go" in
/// "Languages: Python, Go (Golang), R" but not in "Go to market".
fn is_whole_item(
    search: &str,
    line_start: usize,
    line_end: usize,
    start: usize,
    end: usize,
) -> bool {
    let left = search[line_start..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_item_separator(c))
        .map_or(line_start, |(i, c)| line_start + i + c.len_utf8());
    let right = search[end..line_end]
        .char_indices()
        .find(|&(_, c)| is_item_separator(c))
        .map_or(line_end, |(i, _)| end + i);
    item_text(&search[left..right]) == &search[start..end]
}

/// The name a list item holds: markup and a leading "and", "or" or "&" taken off (a slice of
/// `segment`).
fn item_text(segment: &str) -> &str {
    let item = strip_markup(segment);
    let item = item
        .strip_prefix("and ")
        .or_else(|| item.strip_prefix("or "))
        .or_else(|| item.strip_prefix("& "))
        .unwrap_or(item)
        .trim();
    strip_markup(item)
}

/// Trims spaces, list bullets and Markdown emphasis from both ends.
fn strip_markup(text: &str) -> &str {
    text.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '*' | '_' | '`' | '-' | '+' | '>' | '"' | '\'' | '.' | '#'
            )
    })
}

/// [`evidence`], reusing the last line's when it was short enough to be shown whole.
fn evidence_cached(
    last: &mut Option<(usize, String)>,
    document: &Document,
    line_idx: usize,
    start: usize,
    end: usize,
) -> String {
    if let Some((cached_line, text)) = last {
        if *cached_line == line_idx {
            return text.clone();
        }
    }
    let line = &document.lines[line_idx];
    let text = evidence(&document.display, line.start, line.end, start, end);
    // A windowed (cut) evidence depends on where the match is; a whole line does not.
    *last = (!text.starts_with('…') && !text.ends_with('…')).then(|| (line_idx, text.clone()));
    text
}

/// Cuts the display form of the line to the evidence: trimmed, whitespace collapsed, and no longer
/// than [`EVIDENCE_MAX_CHARS`] characters (a window around the match).
fn evidence(display: &str, line_start: usize, line_end: usize, start: usize, end: usize) -> String {
    // A term wrapped onto the next line: the evidence is its first line.
    let start = start.clamp(line_start, line_end);
    let end = end.clamp(start, line_end);
    let line = &display[line_start..line_end];
    let collapsed = collapse_whitespace(line);
    if collapsed.chars().count() <= EVIDENCE_MAX_CHARS {
        return collapsed;
    }
    // A window around the match: about a third of the room before it, the rest after.
    let before_room = EVIDENCE_MAX_CHARS / 3;
    let before = collapse_whitespace(&display[line_start..start]);
    let matched = collapse_whitespace(&display[start..end]);
    let after = collapse_whitespace(&display[end..line_end]);
    let before_chars = before.chars().count();
    let (mut window, cut_front) = if before_chars > before_room {
        let skip = before_chars - before_room;
        let tail: String = before.chars().skip(skip).collect();
        let tail = match tail.find(' ') {
            Some(p) if p + 1 < tail.len() => tail[p + 1..].to_string(),
            _ => tail,
        };
        (tail, true)
    } else {
        (before, false)
    };
    if !window.is_empty() && !window.ends_with(' ') {
        let separated = display[..start].ends_with(char::is_whitespace);
        if separated {
            window.push(' ');
        }
    }
    window.push_str(&matched);
    let room = EVIDENCE_MAX_CHARS.saturating_sub(window.chars().count());
    let after_separated = display[end..line_end].starts_with(char::is_whitespace);
    let mut rest = String::new();
    if after_separated && !after.is_empty() {
        rest.push(' ');
    }
    rest.push_str(&after);
    let cut_back = rest.chars().count() > room;
    let mut rest: String = rest.chars().take(room).collect();
    if cut_back {
        if let Some(p) = rest.rfind(' ') {
            if p > 0 {
                rest.truncate(p);
            }
        }
    }
    window.push_str(&rest);
    let mut out = String::new();
    if cut_front {
        out.push('…');
    }
    out.push_str(window.trim());
    if cut_back {
        out.push('…');
    }
    out
}

fn collapse_whitespace(text: &str) -> String {
    if text.is_ascii() {
        // The same on bytes, copying the text between runs that are not a lone space.
        let bytes = text.as_bytes();
        let is_space = |b: u8| ASCII_WHITESPACE[usize::from(b)];
        let Some(first) = bytes.iter().position(|&b| !is_space(b)) else {
            return String::new();
        };
        let last = bytes.iter().rposition(|&b| !is_space(b)).unwrap_or(first);
        // Starts and ends with a non-space byte, so every run of spaces is followed by one.
        let body = &bytes[first..=last];
        // The usual case, found with vectorised searches: nothing but single spaces to keep.
        if memchr::memchr3(b'\t', b'\n', b'\r', body).is_none()
            && memchr::memchr2(0x0B, 0x0C, body).is_none()
            && memchr::memmem::find(body, b"  ").is_none()
        {
            return text[first..=last].to_string();
        }
        let mut out = Vec::with_capacity(body.len());
        let mut copied = 0;
        let mut i = 0;
        while i < body.len() {
            if !is_space(body[i]) || (body[i] == b' ' && !is_space(body[i + 1])) {
                i += 1;
                continue;
            }
            out.extend_from_slice(&body[copied..i]);
            while is_space(body[i]) {
                i += 1;
            }
            out.push(b' ');
            copied = i;
        }
        out.extend_from_slice(&body[copied..]);
        // Only ASCII bytes were copied.
        return String::from_utf8(out).unwrap_or_default();
    }
    // The words joined by one space, built in place (no intermediate list of words).
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// One line of a document, by byte range into [`Document::search`].
#[derive(Debug, Clone)]
struct Line {
    start: usize,
    end: usize,
    /// Front matter (not the page's content) and the like: never matched.
    skipped: bool,
    /// An explicit list of skills rather than prose.
    listed: bool,
    /// Inside a section whose dates are not work (education, publications, awards).
    not_work: bool,
}

/// A text prepared for scanning: markup and addresses blanked out, byte offsets unchanged.
#[derive(Debug)]
struct Document {
    /// What is matched: HTML, Liquid, URLs and e-mail addresses replaced by spaces.
    search: String,
    /// What evidence is cut from: HTML and Liquid removed, URLs kept.
    display: String,
    /// `search` with each run of whitespace within a paragraph collapsed to one space, so that a
    /// term wrapped across two lines ("tensor\n  parallelism") still matches.
    flat: String,
    /// Where `flat` and `search` offsets stop being the same: from flat offset `.0` on, a byte's
    /// offset in `search` is its flat offset plus `.1` (sorted, one entry per collapsed run).
    flat_shifts: Vec<(usize, usize)>,
    lines: Vec<Line>,
    front_matter: Option<FrontMatter>,
}

impl Document {
    fn new(text: &str) -> Document {
        let mut display = text.as_bytes().to_vec();
        let line_ranges = line_ranges(text);
        let front_matter = front_matter(text, &line_ranges);
        let mut skipped = vec![false; line_ranges.len()];
        if let Some(fm) = &front_matter {
            for (i, range) in line_ranges.iter().enumerate().take(fm.end_line + 1) {
                let is_delimiter = i == 0 || i == fm.end_line;
                if fm.is_whole_page && !is_delimiter {
                    blank_yaml_keys(&mut display, range.0, range.1);
                } else {
                    skipped[i] = true;
                }
            }
        }
        blank_markup(&mut display);
        let mut search = display.clone();
        blank_addresses(&mut search);
        // Blanking replaces whole UTF-8 sequences with ASCII spaces, so both stay valid UTF-8.
        let display = String::from_utf8(display).unwrap_or_else(|_| text.to_string());
        let search = String::from_utf8(search).unwrap_or_else(|_| text.to_string());
        let lines = classify_lines(text, &search, &display, &line_ranges, &skipped);
        let (flat, flat_shifts) = flatten_whitespace(&search);
        Document {
            search,
            display,
            flat,
            flat_shifts,
            lines,
            front_matter,
        }
    }

    /// The offset in `search` of byte `flat_offset` of `flat`.
    fn search_offset(&self, flat_offset: usize) -> usize {
        let shifts = self
            .flat_shifts
            .partition_point(|&(from, _)| from <= flat_offset);
        flat_offset + shifts.checked_sub(1).map_or(0, |k| self.flat_shifts[k].1)
    }

    /// The index of the line holding byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.end < offset)
            .min(self.lines.len().saturating_sub(1))
    }
}

/// Collapses each run of whitespace holding at most one line break to a single space (a run with a
/// blank line, a paragraph break, becomes one `\n`), with the shifts that map each output byte back
/// to its offset in `text` (see [`Document::flat_shifts`]; a run's space maps to the run's start).
fn flatten_whitespace(text: &str) -> (String, Vec<(usize, usize)>) {
    let bytes = text.as_bytes();
    let mut flat = String::with_capacity(text.len());
    let mut shifts = Vec::new();
    // Start of the text not yet copied (it has no whitespace).
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let width = if b < 0x80 {
            if !ASCII_WHITESPACE[usize::from(b)] {
                i += 1;
                continue;
            }
            // A lone space stays as it is: nothing to copy out yet.
            if b == b' ' {
                let next_is_space = match bytes.get(i + 1) {
                    Some(&n) if n < 0x80 => ASCII_WHITESPACE[usize::from(n)],
                    Some(_) => char_at(text, i + 1).is_some_and(char::is_whitespace),
                    None => false,
                };
                if !next_is_space {
                    i += 1;
                    continue;
                }
            }
            1
        } else {
            match char_at(text, i) {
                Some(c) if c.is_whitespace() => c.len_utf8(),
                Some(c) => {
                    i += c.len_utf8();
                    continue;
                }
                None => break,
            }
        };
        flat.push_str(&text[copied..i]);
        let run_start = i;
        let mut newlines = usize::from(b == b'\n');
        i += width;
        while let Some(next) = char_at(text, i) {
            if !next.is_whitespace() {
                break;
            }
            newlines += usize::from(next == '\n');
            i += next.len_utf8();
        }
        flat.push(if newlines >= 2 { '\n' } else { ' ' });
        if i - run_start > 1 {
            shifts.push((flat.len(), i - flat.len()));
        }
        copied = i;
    }
    flat.push_str(&text[copied..]);
    (flat, shifts)
}

/// ASCII whitespace as `char::is_whitespace` sees it (with the vertical tab, unlike
/// `u8::is_ascii_whitespace`).
static ASCII_WHITESPACE: [bool; 256] = byte_table(b" \t\n\x0B\x0C\r");

/// A lookup table that is true for the bytes in `set`.
const fn byte_table(set: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < set.len() {
        table[set[i] as usize] = true;
        i += 1;
    }
    table
}

/// The character starting at byte `i` of `text` (an ASCII byte without decoding).
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text.get(i..).and_then(|rest| rest.chars().next()),
        None => None,
    }
}

/// Byte ranges of each line, without the line break.
fn line_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        let end = if i > start && text.as_bytes()[i - 1] == b'\r' {
            i - 1
        } else {
            i
        };
        ranges.push((start, end));
        start = i + 1;
    }
    ranges.push((start, text.len()));
    ranges
}

#[derive(Debug)]
struct FrontMatter {
    /// Index of the closing delimiter line.
    end_line: usize,
    /// Nothing but blank lines follows it: the front matter *is* the page.
    is_whole_page: bool,
}

/// YAML (`---` … `---` or `...`) or TOML (`+++` … `+++`) front matter at the top of a page.
fn front_matter(text: &str, ranges: &[(usize, usize)]) -> Option<FrontMatter> {
    let first = ranges.first()?;
    let opener = text[first.0..first.1].trim_end();
    let closers: &[&str] = match opener.trim_start_matches('\u{feff}') {
        "---" => &["---", "..."],
        "+++" => &["+++"],
        _ => return None,
    };
    let end_line = ranges
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, r)| closers.contains(&text[r.0..r.1].trim_end()))?
        .0;
    let is_whole_page = ranges[end_line + 1..]
        .iter()
        .all(|r| text[r.0..r.1].trim().is_empty());
    Some(FrontMatter {
        end_line,
        is_whole_page,
    })
}

fn blank(bytes: &mut [u8], start: usize, end: usize) {
    for b in &mut bytes[start..end] {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

/// In front matter that is the page itself: blanks comments and `key:` prefixes, keeps values.
fn blank_yaml_keys(bytes: &mut [u8], start: usize, end: usize) {
    let line = &bytes[start..end];
    let indent = line.iter().take_while(|b| b.is_ascii_whitespace()).count();
    let rest = &line[indent..];
    if rest.first() == Some(&b'#') {
        blank(bytes, start, end);
        return;
    }
    let mut key_start = indent;
    if rest.starts_with(b"- ") {
        key_start += 2;
    }
    let key_len = line[key_start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
        .count();
    let after_key = key_start + key_len;
    if key_len > 0
        && line.get(after_key) == Some(&b':')
        && line.get(after_key + 1).is_none_or(|b| *b == b' ')
    {
        blank(bytes, start, start + after_key + 1);
        // Block scalar markers (`|-`, `>`) and quotes around the value are not content either.
        let value = &bytes[start + after_key + 1..end];
        let trimmed: Vec<u8> = value.iter().copied().filter(|b| *b != b' ').collect();
        if matches!(
            trimmed.as_slice(),
            b"|" | b"|-" | b"|+" | b">" | b">-" | b"''" | b"\"\""
        ) {
            blank(bytes, start, end);
        }
    }
}

/// Blanks HTML comments, `<style>`/`<script>` blocks, HTML tags and Liquid `{% %}` / `{{ }}`.
fn blank_markup(bytes: &mut [u8]) {
    let mut i = 0;
    while i < bytes.len() {
        // Every span starts at a `<` or a `{`.
        match memchr::memchr2(b'<', b'{', &bytes[i..]) {
            Some(p) => i += p,
            None => break,
        }
        let rest = &bytes[i..];
        let span_end = if rest.starts_with(b"<!--") {
            find(bytes, i + 4, b"-->").map(|e| e + 3)
        } else if rest.starts_with(b"{%") {
            find(bytes, i + 2, b"%}").map(|e| e + 2)
        } else if rest.starts_with(b"{{") {
            find(bytes, i + 2, b"}}").map(|e| e + 2)
        } else if starts_with_ignore_case(rest, b"<style")
            || starts_with_ignore_case(rest, b"<script")
        {
            let closer: &[u8] = if starts_with_ignore_case(rest, b"<style") {
                b"</style"
            } else {
                b"</script"
            };
            find_ignore_case(bytes, i + 1, closer)
                .and_then(|e| find(bytes, e, b">"))
                .map(|e| e + 1)
        } else if rest.first() == Some(&b'<')
            && rest
                .get(1)
                .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!'))
        {
            // A tag: up to the next `>` (tags may span lines, but not paragraphs).
            find(bytes, i + 1, b">")
                .filter(|&e| e - i < 2000 && !bytes[i..e].windows(2).any(|w| w == b"\n\n"))
                .map(|e| e + 1)
        } else {
            None
        };
        match span_end {
            Some(end) => {
                blank(bytes, i, end);
                i = end;
            }
            None => i += 1,
        }
    }
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let haystack = bytes.get(from..)?;
    let (&first, rest) = needle.split_first()?;
    // Candidates are the places of the needle's first byte; each is checked in full.
    let mut at = 0;
    while let Some(p) = haystack.get(at..)?.iter().position(|&b| b == first) {
        let candidate = at + p;
        if haystack[candidate + 1..].starts_with(rest) {
            return Some(candidate + from);
        }
        at = candidate + 1;
    }
    None
}

fn find_ignore_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Blanks URLs (`https://…`, `www.…`, `example.com/path`, Markdown link targets) and e-mail
/// addresses: "github.com/ray-project" does not mention Ray.
fn blank_addresses(bytes: &mut [u8]) {
    // Markdown link targets: `](target)`.
    let mut i = 0;
    while let Some(p) = find(bytes, i, b"](") {
        let close = bytes[p + 2..]
            .iter()
            .position(|b| matches!(b, b')' | b'\n'))
            .map_or(bytes.len(), |q| p + 2 + q);
        blank(bytes, p + 2, close);
        i = close;
    }
    // Tokens (runs without spaces or brackets) that are URLs, domains with a path, or e-mails.
    // Only a token with `:`, `@` or `/` in it, or starting with "www.", can be one: the tokens
    // around those bytes, found with vectorised searches, are the only ones looked at.
    let is_delimiter = |b: u8| TOKEN_DELIMITERS[usize::from(b)];
    let token_around = |bytes: &[u8], p: usize| {
        let start = bytes[..p]
            .iter()
            .rposition(|&b| is_delimiter(b))
            .map_or(0, |d| d + 1);
        let end = bytes[p..]
            .iter()
            .position(|&b| is_delimiter(b))
            .map_or(bytes.len(), |d| p + d);
        (start, end)
    };
    let mut from = 0;
    while let Some(p) = memchr::memchr3(b':', b'@', b'/', &bytes[from..]).map(|p| from + p) {
        let (start, end) = token_around(bytes, p);
        if is_address(&bytes[start..end]) {
            blank(bytes, start, end);
        }
        from = end.max(p + 1);
    }
    // "www.example.org": the token starts three bytes before a dot.
    let mut from = 0;
    while let Some(p) = memchr::memchr(b'.', &bytes[from..]).map(|p| from + p) {
        from = p + 1;
        if p < 3 || (p > 3 && !is_delimiter(bytes[p - 4])) {
            continue;
        }
        let (start, end) = token_around(bytes, p);
        if starts_with_ignore_case(&bytes[start..end], b"www.") {
            blank(bytes, start, end);
            from = end.max(from);
        }
    }
}

/// The bytes that end a token for [`blank_addresses`]: ASCII whitespace, brackets and quotes.
static TOKEN_DELIMITERS: [bool; 256] = byte_table(b" \t\n\x0C\r()[]<>\"'");

fn is_address(token: &[u8]) -> bool {
    if find(token, 0, b"://").is_some() || starts_with_ignore_case(token, b"www.") {
        return true;
    }
    // e-mail: something@domain.tld
    if let Some(at) = token.iter().position(|&b| b == b'@') {
        let domain = &token[at + 1..];
        if at > 0 && domain.contains(&b'.') && domain.first().is_some_and(u8::is_ascii_alphanumeric)
        {
            return true;
        }
    }
    // A domain with a path: "github.com/user/repo".
    if let Some(slash) = token.iter().position(|&b| b == b'/') {
        let host = &token[..slash];
        if let Some(dot) = host.iter().rposition(|&b| b == b'.') {
            let tld = &host[dot + 1..];
            return dot > 0 && tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic);
        }
    }
    false
}

/// A heading line, with its depth (1 = top) and its text.
fn heading(original: &str, display: &str, next_original: Option<&str>) -> Option<(usize, String)> {
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
fn all_capitals(text: &str) -> bool {
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
const SKILL_HEADINGS: &[&str] = &[
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
const NOT_WORK_HEADINGS: &[&str] = &[
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
fn classify_lines(
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
fn items(text: &str) -> Vec<&str> {
    item_iter(text).collect()
}

/// [`items`], one at a time.
fn item_iter(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', ';', '|', '•', '·'])
        .map(strip_markup)
        .filter(|item| !item.is_empty())
}

/// Whether `text` (no label) reads as an enumeration of names rather than a sentence: short items.
/// Inside a skills section one short item is enough; elsewhere three are needed.
fn is_enumeration(text: &str, in_skills_section: bool) -> bool {
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
fn has_two_separators(text: &str) -> bool {
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
fn is_labelled_list(text: &str) -> bool {
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
    let document = Document::new(text);
    let mentions = scanner.scan_document(&document);
    let mut skills = Skills::new(source_name);
    skills.name = person_name(&document, &mentions);
    add_mentions(&mut skills, catalog, &mentions);
    skills.years_experience = years_of_experience(text, &document, today, &mut skills.warnings);
    Ok(skills)
}

/// Years covered by the date ranges of the résumé outside education-like sections ("2019 –
/// present", "Jan 2020 - Mar 2023", "09/2017–06/2019"), overlaps counted once; `None` when it has
/// no date range at all.
fn years_of_experience(
    text: &str,
    document: &Document,
    today: Day,
    warnings: &mut Vec<String>,
) -> Option<f64> {
    let mut intervals = Vec::new();
    for line in &document.lines {
        if line.skipped || line.not_work {
            continue;
        }
        let text = &document.display[line.start..line.end];
        if may_hold_date_range(text) {
            intervals.extend(dates::ranges_in_line(text, today));
        }
    }
    if let Some(front_matter) = &document.front_matter {
        if front_matter.is_whole_page {
            let end = document.lines[front_matter.end_line].start;
            intervals.extend(front_matter_intervals(&text[..end], today, warnings));
        }
    }
    (!intervals.is_empty()).then(|| dates::total_years(&intervals))
}

/// A cheap test before the date parser: a date range needs a year (`2019`, `'16`) and a dash or
/// "to"/"until"/"till" (most lines of a résumé have neither).
fn may_hold_date_range(line: &str) -> bool {
    let bytes = line.as_bytes();
    let mut has_year = false;
    let mut run = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b.is_ascii_digit() {
            run += 1;
            continue;
        }
        if run == 4 || (run == 2 && i >= 3 && matches!(bytes[i - 3], b'\'' | 0x99)) {
            has_year = true;
            break;
        }
        run = 0;
    }
    has_year |= run == 4;
    if !has_year {
        return false;
    }
    line.contains(['-', '–', '—', '~'])
        || line.split_whitespace().any(|w| {
            w.eq_ignore_ascii_case("to")
                || w.eq_ignore_ascii_case("until")
                || w.eq_ignore_ascii_case("till")
        })
}

/// Start/end pairs in YAML front matter that holds the page ("date_start: '2021-10-20'",
/// "date_end: ''"), as static-site résumé widgets write them.
fn front_matter_intervals(yaml: &str, today: Day, warnings: &mut Vec<String>) -> Vec<Interval> {
    const START_KEYS: &[&str] = &["date_start", "start_date", "startdate", "start", "from"];
    const END_KEYS: &[&str] = &["date_end", "end_date", "enddate", "end", "to", "until"];
    let mut intervals = Vec::new();
    let mut pending: Option<(String, Option<String>)> = None;
    let mut flush = |pending: &mut Option<(String, Option<String>)>| {
        if let Some((start, end)) = pending.take() {
            let reading = dates::interval(Some(&start), end.as_deref(), today);
            warnings.extend(reading.warnings);
            intervals.extend(reading.interval);
        }
    };
    for line in yaml.lines() {
        let trimmed = line.trim_start();
        let item_start = trimmed.starts_with("- ");
        let entry = trimmed.trim_start_matches("- ");
        if item_start {
            flush(&mut pending);
        }
        let Some((key, value)) = entry.split_once(':') else {
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim().trim_matches(['\'', '"']).trim().to_string();
        if START_KEYS.contains(&key.as_str()) {
            flush(&mut pending);
            if !value.is_empty() {
                pending = Some((value, None));
            }
        } else if END_KEYS.contains(&key.as_str()) {
            if let Some((_, end)) = pending.as_mut() {
                *end = Some(value);
            }
        }
    }
    flush(&mut pending);
    intervals
}

/// Turns mentions into claimed skills: listed → [`LISTED_LEVEL`], prose → [`PROSE_LEVEL`] (or
/// listed level when mentioned on [`PROSE_LINES_FOR_LISTED`] lines). The evidence is the first list
/// line naming the skill, else its first mention.
pub fn add_mentions(skills: &mut Skills, catalog: &Catalog, mentions: &[Mention]) {
    let mut groups: Vec<(SkillIdx, Vec<&Mention>)> = Vec::new();
    let mut group_of: HashMap<SkillIdx, usize> = HashMap::new();
    for mention in mentions {
        let group = *group_of.entry(mention.skill).or_insert_with(|| {
            groups.push((mention.skill, Vec::new()));
            groups.len() - 1
        });
        groups[group].1.push(mention);
    }
    for (skill, of_skill) in groups {
        let listed = of_skill.iter().find(|m| m.listed);
        let mut lines: Vec<usize> = of_skill.iter().map(|m| m.line).collect();
        lines.dedup();
        let (mut level, chosen, how) = match listed {
            Some(m) => (LISTED_LEVEL, *m, "listed"),
            None if lines.len() >= PROSE_LINES_FOR_LISTED => {
                (LISTED_LEVEL, of_skill[0], "mentioned")
            }
            None => (PROSE_LEVEL, of_skill[0], "mentioned"),
        };
        // A level the résumé states ("PyTorch (expert)") wins over the list/prose rule.
        if let Some(stated) = of_skill.iter().find_map(|m| m.stated_level) {
            if stated == 0 {
                continue;
            }
            level = stated;
        }
        let name = &catalog.skill(skill).name;
        let via = if chosen.matched == *name {
            format!("{how} in text")
        } else {
            format!("{how} in text as {}", chosen.matched)
        };
        skills.add(ClaimedSkill {
            skill,
            level,
            years: None,
            evidence: Some(chosen.evidence.clone()),
            via,
        });
    }
}

/// The person's name: a top-level heading of two to four capitalised words that names no skill.
fn person_name(document: &Document, mentions: &[Mention]) -> Option<String> {
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

/// The scanner for `catalog`: the process-wide one for the builtin catalog, else a new one.
pub(crate) enum ScannerRef {
    Builtin(&'static Scanner),
    Owned(Box<Scanner>),
}

impl std::ops::Deref for ScannerRef {
    type Target = Scanner;
    fn deref(&self) -> &Scanner {
        match self {
            ScannerRef::Builtin(scanner) => scanner,
            ScannerRef::Owned(scanner) => scanner,
        }
    }
}

pub(crate) fn scanner_for(catalog: &Catalog) -> Result<ScannerRef, CatalogError> {
    match Catalog::builtin() {
        Ok(builtin) if std::ptr::eq(builtin, catalog) => {
            Ok(ScannerRef::Builtin(Scanner::builtin()?))
        }
        _ => Ok(ScannerRef::Owned(Box::new(Scanner::new(catalog)?))),
    }
}

#[cfg(test)]
mod tests {
    use super::{flatten_whitespace, Document, Mention, Scanner};
    use crate::catalog::Catalog;

    fn ids(text: &str) -> Vec<String> {
        let catalog = Catalog::builtin().expect("catalog");
        let scanner = Scanner::builtin().expect("scanner");
        scanner
            .scan(text)
            .iter()
            .map(|m: &Mention| catalog.skill(m.skill).id.clone())
            .collect()
    }

    #[test]
    fn spellings_are_the_searched_terms_without_the_list_only_words() {
        let scanner = Scanner::builtin().expect("scanner");
        let spellings: Vec<String> = scanner.spellings().collect();
        for term in [
            "pytorch",
            "javascript",
            "java",
            "spark",
            "c++",
            "pytorch fsdp",
        ] {
            assert!(spellings.iter().any(|s| s == term), "{term}");
        }
        // Looked up among list items instead: "c" and "r" would hit inside nearly every word.
        for term in ["c", "r", "go", "ray"] {
            assert!(!spellings.iter().any(|s| s == term), "{term}");
        }
        assert!(spellings.iter().all(|s| *s == s.to_ascii_lowercase()));
        let mut distinct = spellings.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), spellings.len());
    }

    #[test]
    fn whole_tokens_only() {
        assert_eq!(ids("The project sparked interest."), Vec::<String>::new());
        assert_eq!(ids("Built the UI in Javascript."), vec!["javascript"]);
        assert_eq!(ids("Backend in Java and Spark."), vec!["java", "spark"]);
        assert!(ids("I used C++ daily").contains(&"cpp".to_string()));
        assert!(!ids("I used C++ daily").contains(&"c".to_string()));
        assert_eq!(ids("Wrote C# services"), vec!["c-sharp"]);
    }

    #[test]
    fn short_tokens_only_in_lists() {
        assert_eq!(
            ids("I go to work and see R2-D2 in a C-grade film."),
            Vec::<String>::new()
        );
        assert_eq!(ids("Ray led the team."), Vec::<String>::new());
        assert_eq!(ids("Languages: Go, R, C"), vec!["go", "r", "c"]);
        assert_eq!(
            ids("- **Languages**: Python, Go (Golang), C/C++"),
            vec!["python", "go", "cpp"]
        );
        // Whole items only, written as the catalog writes them.
        assert_eq!(ids("Languages: C++, C#, R"), vec!["cpp", "c-sharp", "r"]);
        assert_eq!(ids("Languages: c, r, go"), Vec::<String>::new());
        assert_eq!(
            ids("Tools: **C**, `R`, and Go; Julia | Ray"),
            vec!["c", "r", "go", "julia", "ray"]
        );
        assert_eq!(
            ids("Skills: array programming, gray-box testing, Go-to-market"),
            Vec::<String>::new()
        );
        assert_eq!(ids("Languages: R2, C-grade, Go!"), Vec::<String>::new());
    }

    #[test]
    fn generic_words_only_in_lists() {
        assert_eq!(ids("Escalated to leadership weekly."), Vec::<String>::new());
        assert_eq!(
            ids("Skills: Leadership, Python"),
            vec!["team-leadership", "python"]
        );
        assert_eq!(ids("The tool uses OpenCV."), vec!["computer-vision"]);
        assert_eq!(
            ids("Tokenized incentives for clients."),
            Vec::<String>::new()
        );
        assert_eq!(
            ids("Automatic data quality controls."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn names_inside_other_names_are_not_skills_in_prose() {
        // A platform is not its flagship library; a vision model is not an LLM; an institute's
        // name is not HPC experience; public speaking is not executive communication.
        assert_eq!(
            ids("Deployed demos on Hugging Face Spaces."),
            Vec::<String>::new()
        );
        assert_eq!(
            ids("Benchmarked vision foundation models and vision-language models."),
            vec!["vision-language-models"]
        );
        assert_eq!(
            ids("Intern at the National Center for Supercomputing Applications."),
            Vec::<String>::new()
        );
        assert_eq!(ids("Enjoys public speaking."), Vec::<String>::new());
        // What must keep working.
        assert_eq!(
            ids("Evaluated large language models."),
            vec!["large-language-models"]
        );
        assert_eq!(
            ids("Skills: Hugging Face, Supercomputing"),
            vec!["hugging-face-transformers", "parallel-programming"]
        );
        assert_eq!(
            ids("Used Hugging Face Transformers daily."),
            vec!["hugging-face-transformers"]
        );
    }

    #[test]
    fn lists_and_prose() {
        let scanner = Scanner::builtin().expect("scanner");
        let listed =
            |text: &str| -> Vec<bool> { scanner.scan(text).iter().map(|m| m.listed).collect() };
        assert_eq!(
            listed("**Tech stack**: PyTorch, Triton, NCCL"),
            vec![true; 3]
        );
        assert_eq!(
            listed("## Skills\n- Deep learning with PyTorch"),
            vec![true; 2]
        );
        assert_eq!(listed("- PyTorch, Docker, Kubernetes, Git"), vec![true; 4]);
        assert_eq!(
            listed("Trained models with PyTorch and Docker."),
            vec![false; 2]
        );
        assert_eq!(
            listed("Deep learning engineer · Berlin · me@example.org · github.com/me"),
            vec![false]
        );
    }

    #[test]
    fn levels_stated_in_parentheses() {
        let catalog = Catalog::builtin().expect("catalog");
        let skills = super::parse(
            "cv.md",
            "## Skills\nPython (expert), SQL (basic), JAX (learning), Pandas (3 years), Rust (none), Keras (Master's thesis)\nUsed PyTorch (advanced) daily.\nDocker\n",
            catalog,
        )
        .expect("parses");
        let level = |id: &str| {
            skills
                .skills
                .iter()
                .find(|s| catalog.skill(s.skill).id == id)
                .map(|s| s.level)
        };
        assert_eq!(level("python"), Some(4));
        assert_eq!(level("sql"), Some(1));
        assert_eq!(level("jax"), Some(1));
        assert_eq!(level("pandas"), Some(super::LISTED_LEVEL));
        assert_eq!(level("keras"), Some(super::LISTED_LEVEL));
        assert_eq!(level("rust"), None);
        assert_eq!(level("pytorch"), Some(3));
        assert_eq!(level("docker"), Some(super::LISTED_LEVEL));
    }

    #[test]
    fn inflections() {
        assert_eq!(ids("Trained CNNs."), vec!["cnn"]);
        assert_eq!(ids("Quantized models to INT4."), vec!["quantization"]);
        assert_eq!(
            ids("We fine-tuned and pruned models."),
            vec!["fine-tuning", "pruning"]
        );
        assert_eq!(ids("mixed precision"), vec!["mixed-precision"]);
    }

    #[test]
    fn no_matches_in_addresses_or_markup() {
        assert_eq!(
            ids("see https://github.com/pytorch/pytorch"),
            Vec::<String>::new()
        );
        assert_eq!(ids("mail spark@python.org"), Vec::<String>::new());
        assert_eq!(
            ids("[my repo](https://example.com/kubernetes)"),
            Vec::<String>::new()
        );
        assert_eq!(ids("github.com/ray-project/ray"), Vec::<String>::new());
        assert_eq!(ids("<div class=\"python\">Docker</div>"), vec!["docker"]);
        assert_eq!(ids("{% include pytorch.html %}"), Vec::<String>::new());
        assert_eq!(ids("<!-- Kubernetes -->"), Vec::<String>::new());
        assert_eq!(
            ids("---\ntitle: PyTorch\n---\nUsed Docker."),
            vec!["docker"]
        );
        assert_eq!(
            ids("+++\ntitle = \"PyTorch\"\n+++\nUsed Docker."),
            vec!["docker"]
        );
    }

    #[test]
    fn front_matter_that_is_the_page_is_read() {
        let text = "---\n# PyTorch comment\nexperience:\n  - title: Engineer\n    description: |-\n      Built Kubernetes operators\n---\n";
        assert_eq!(ids(text), vec!["kubernetes"]);
    }

    /// Random mixtures of markup, addresses, dates, multi-byte text and skill names, long lines and
    /// terms wrapped across lines: scanning and parsing never panic, and evidence stays short.
    #[test]
    fn arbitrary_text_never_panics() {
        let catalog = Catalog::builtin().expect("catalog");
        let scanner = Scanner::builtin().expect("scanner");
        let pieces = [
            "PyTorch",
            "tensor\n  parallelism",
            "C",
            "Go",
            "R",
            ", ",
            ": ",
            "\n",
            "\n\n",
            "- ",
            "# ",
            "**",
            "<",
            ">",
            "<p>",
            "</h2>",
            "<!--",
            "-->",
            "{%",
            "%}",
            "{{",
            "}}",
            "---\n",
            "+++\n",
            "https://",
            "x@y.io",
            "](",
            ")",
            "Zürich ",
            "日本語",
            "’16",
            "2019 – present",
            "Jan 2020 - Mar 2023",
            "09/2017–06/2019",
            "2030-13-45 - 1999",
            "é",
            "\t",
            "word ",
            "Languages: ",
            "|",
            "·",
            "CNNs",
            "quantized",
            "date_start: '2020-01-01'\n",
            "  - ",
        ];
        let mut state: u64 = 42;
        for _ in 0..400 {
            let mut text = String::new();
            let length = 1 + (state % 120) as usize;
            for _ in 0..length {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let piece = pieces[((state >> 33) % pieces.len() as u64) as usize];
                text.push_str(piece);
                if state % 7 == 0 {
                    text.push_str(&"long filler words ".repeat(12));
                }
            }
            for mention in scanner.scan(&text) {
                assert!(mention.evidence.chars().count() <= super::EVIDENCE_MAX_CHARS + 2);
                assert!(mention.start < mention.end && mention.end <= text.len());
            }
            let skills = super::parse("fuzz.md", &text, catalog).expect("text always parses");
            if let Some(years) = skills.years_experience {
                assert!(years >= 0.0, "{years} in {text:?}");
            }
        }
    }

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

    /// Deterministic strings over `alphabet` (a 64-bit LCG), for comparing a fast path with the
    /// straightforward version it replaced on many more inputs than a hand-written list.
    fn generated(alphabet: &[&str], count: usize) -> Vec<String> {
        let mut state: u64 = 0x5eed;
        let mut next = move |n: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((state >> 33) % n as u64) as usize
        };
        (0..count)
            .map(|_| {
                let len = next(24);
                (0..len).map(|_| alphabet[next(alphabet.len())]).collect()
            })
            .collect()
    }

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
            assert_eq!(super::has_two_separators(text), expected, "{text:?}");
        }
    }

    #[test]
    fn addresses_are_blanked_as_a_token_by_token_walk_blanks_them() {
        // The reference: every token looked at in turn.
        fn walk(text: &str) -> Vec<u8> {
            let mut bytes = text.as_bytes().to_vec();
            let mut start = 0;
            while start < bytes.len() {
                if super::TOKEN_DELIMITERS[usize::from(bytes[start])] {
                    start += 1;
                    continue;
                }
                let mut end = start;
                while end < bytes.len() && !super::TOKEN_DELIMITERS[usize::from(bytes[end])] {
                    end += 1;
                }
                if super::is_address(&bytes[start..end]) {
                    super::blank(&mut bytes, start, end);
                }
                start = end;
            }
            bytes
        }
        let texts = [
            "",
            "www.example.org",
            "see WWW.Example.com/x and (www.a.io) or \"www.b.io\"",
            "awww.x.org is not, www. alone is",
            "mail me@example.org, not me@ or @home",
            "github.com/ray-project/ray and CI/CD with TensorFlow/Keras",
            "https://x.y/z?q=1 http:// ftp://a",
            "Languages: Python, Go",
            "a:b c@d e/f.g h.ij/k",
            "é www.x.org ü github.com/é",
            "end with www.x.org",
            "ww.x.org w.x.org",
        ];
        let alphabet = [
            "w", "W", "ww", "www.", ".", ":", "//", "@", "/", " ", "(", ")", "\"", "a", "io", "é",
            "\n",
        ];
        let generated = generated(&alphabet, 20_000);
        for text in texts
            .iter()
            .copied()
            .chain(generated.iter().map(String::as_str))
        {
            let mut bytes = text.as_bytes().to_vec();
            super::blank_addresses(&mut bytes);
            // Markdown link targets aside (no "](" in these), the two agree.
            assert_eq!(
                String::from_utf8_lossy(&bytes),
                String::from_utf8_lossy(&walk(text)),
                "{text:?}"
            );
        }
    }

    #[test]
    fn collapsed_whitespace_is_the_words_joined_by_one_space() {
        let texts = [
            "",
            "   ",
            "one",
            " a b ",
            "a  b",
            "a\tb",
            "a\nb",
            "a\r\nb",
            "a\u{b}b\u{c}c",
            "Served models with vLLM on Kubernetes, cutting p99 latency by 40%.",
            "two  spaces only here",
            "  trailing and leading  ",
            "nbsp\u{a0}and\u{2003}em  spaces",
            "é è\n\n ü",
        ];
        let alphabet = [
            " ", "  ", "\t", "\n", "\r", "\u{b}", "\u{c}", "a", "b", "é", "\u{a0}",
        ];
        let generated = generated(&alphabet, 5_000);
        for text in texts
            .iter()
            .copied()
            .chain(generated.iter().map(String::as_str))
        {
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(super::collapse_whitespace(text), expected, "{text:?}");
        }
    }

    #[test]
    fn flattened_offsets_map_back_to_the_text() {
        // The reference: collapse char by char, recording every output byte's source offset.
        fn naive(text: &str) -> (String, Vec<usize>) {
            let mut flat = String::new();
            let mut map = Vec::new();
            let mut chars = text.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                if c.is_whitespace() {
                    let mut newlines = usize::from(c == '\n');
                    while let Some(&(_, next)) = chars.peek() {
                        if !next.is_whitespace() {
                            break;
                        }
                        newlines += usize::from(next == '\n');
                        chars.next();
                    }
                    flat.push(if newlines >= 2 { '\n' } else { ' ' });
                    map.push(i);
                } else {
                    flat.push(c);
                    map.extend(i..i + c.len_utf8());
                }
            }
            (flat, map)
        }
        let texts = [
            "",
            " ",
            "a b",
            "tensor\n  parallelism",
            "one\r\n\r\ntwo  three\tfour",
            "nbsp\u{a0}here and\u{2003}\u{2003}em spaces",
            "  lead and trail  ",
            "é è\n\n\n ü\u{b}x\u{c}y",
        ];
        for text in texts {
            let (expected_flat, expected_map) = naive(text);
            let (flat, shifts) = flatten_whitespace(text);
            assert_eq!(flat, expected_flat, "{text:?}");
            let document = Document {
                search: text.to_string(),
                display: text.to_string(),
                flat,
                flat_shifts: shifts,
                lines: Vec::new(),
                front_matter: None,
            };
            for (offset, &expected) in expected_map.iter().enumerate() {
                assert_eq!(
                    document.search_offset(offset),
                    expected,
                    "{text:?} at {offset}"
                );
            }
        }
    }

    #[test]
    fn evidence_is_the_trimmed_line() {
        let scanner = Scanner::builtin().expect("scanner");
        let mentions =
            scanner.scan("# CV\n\n   - Trained models with <b>PyTorch</b> on GPUs.   \n");
        assert_eq!(mentions.len(), 1);
        assert_eq!(mentions[0].line, 3);
        assert_eq!(
            mentions[0].evidence,
            "- Trained models with PyTorch on GPUs."
        );
        let long = format!("{} PyTorch {}", "word ".repeat(60), "more ".repeat(60));
        let mention = &scanner.scan(&long)[0];
        assert!(mention.evidence.contains("PyTorch"));
        assert!(mention.evidence.chars().count() <= super::EVIDENCE_MAX_CHARS + 2);
        assert!(mention.evidence.starts_with('…') && mention.evidence.ends_with('…'));
    }
}
