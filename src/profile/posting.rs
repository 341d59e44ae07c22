//! Job postings as people paste them: plain text or Markdown copied from a careers page
//! (`skillgap assess cv.md --job posting.txt`, `skillgap job posting.txt`).
//!
//! The posting is read in sections, as a recruiter reads it:
//!
//! - a section starts at a heading: a Markdown `#` heading, a line in bold, a short line ending in
//!   a colon, or a short line that names a known section ("Requirements", "WHAT YOU BRING");
//! - *Requirements / Must have / What you bring / You have / Qualifications*: a skill is
//!   **essential** when its sentence says it is required ("must", "required", "N+ years of",
//!   "strong", "deep", "expert", "proven", "solid", "extensive") and **expected** otherwise;
//! - *Nice to have / Preferred / Bonus / Plus / Ideally* → **differentiator**, and so is a skill
//!   whose own part of a sentence says "a plus", "bonus", "preferred", "ideally";
//! - *Responsibilities / What you'll do* → **expected** ("must" and "required" still make it
//!   essential);
//! - *About us / Benefits / Perks / EEO / How to apply* never make a requirement: what the
//!   company builds, offers or is called is not what it asks for (the skills named there are
//!   reported as passed over);
//! - *Our stack / Tech stack / Tools* is context: **situational** at most;
//! - text under no heading, or under one the reader does not know, is read like requirements;
//! - alternatives ("PyTorch or JAX") form a toolkit, as in the built-in profiles: **situational**,
//!   where either one earns the credit.
//!
//! Levels come from the words of the skill's part of the sentence: "expert", "deep expertise",
//! "mastery" → expert (4); "strong", "deep", "extensive", "advanced", "proven", "solid" →
//! proficient (3); "hands-on", "working knowledge", "experience with" → working (2);
//! "familiarity", "exposure", "basic" → aware (1); "N+ years of X" → 2 below 3 years, 3 below 5,
//! 4 from 5. Unstated, the tier's default applies (as for JSON postings).
//!
//! The tier comes from the title ("Senior", "Staff", "Lead", "Junior", "Intern", "Graduate"),
//! else from the first "N+ years" of a requirement (which also sets the experience band), else
//! from "new grad", "internship", "entry-level" in the text; a posting that says none is scored at
//! all three tiers. The title is the first heading or line; the company comes from "… at Acme",
//! "… — Acme", "… | Acme" in it, or a "Company:" line.

use std::path::Path;

use crate::catalog::{Catalog, SkillIdx};
use crate::extract::layout::is_bullet;
use crate::input::{self, InputError};

use super::job::{tier_from_words, tier_from_years, JobRole};
use super::load::compile;
use super::{Importance, Profile, ProfileCategory, Requirement, Tier, TierBand};

/// What a section of a posting is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    /// Requirements, qualifications, what you bring.
    Requirements,
    /// Nice to have, preferred, bonus.
    NiceToHave,
    /// Responsibilities, what you'll do.
    Responsibilities,
    /// Our stack, tools we use.
    Stack,
    /// About us, benefits, perks, EEO, how to apply: never a requirement.
    Ignored,
    /// No heading, or one the reader does not know: read like requirements.
    General,
}

impl SectionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Requirements => "requirements",
            SectionKind::NiceToHave => "nice to have",
            SectionKind::Responsibilities => "responsibilities",
            SectionKind::Stack => "stack",
            SectionKind::Ignored => "about, benefits or EEO",
            SectionKind::General => "text",
        }
    }
}

/// Words of a heading that say what its section is, checked in this order (the first kind with
/// a match wins, so "Nice to have skills" is nice to have, not requirements).
const SECTION_WORDS: &[(SectionKind, &[&str])] = &[
    (
        SectionKind::Ignored,
        &[
            "about us",
            "about the company",
            "about the team",
            "who we are",
            "our mission",
            "our values",
            "why join",
            "why you'll love",
            "why work",
            "benefit",
            "perk",
            "what we offer",
            "we offer",
            "compensation",
            "salary",
            "equal opportunit",
            "eeo",
            "diversity",
            "how to apply",
            "to apply",
            "application process",
            "interview process",
            "location",
            "life at",
        ],
    ),
    (
        SectionKind::NiceToHave,
        &[
            "nice to have",
            "nice-to-have",
            "preferred",
            "bonus",
            "plus",
            "ideally",
            "desirable",
            "good to have",
            "would be great",
            "extra credit",
        ],
    ),
    (
        SectionKind::Stack,
        &[
            "our stack",
            "tech stack",
            "the stack",
            "tools we use",
            "technologies we use",
            "our tools",
            "our technology",
            "technology stack",
        ],
    ),
    (
        SectionKind::Responsibilities,
        &[
            "responsibilit",
            "what you'll do",
            "what you will do",
            "what you’ll do",
            "you will",
            "you'll",
            "you’ll",
            "your role",
            "the role",
            "in this role",
            "day to day",
            "day-to-day",
            "duties",
            "your impact",
            "what you'll work on",
            "the job",
        ],
    ),
    (
        SectionKind::Requirements,
        &[
            "requirement",
            "must have",
            "must-have",
            "what you bring",
            "you bring",
            "you have",
            "qualification",
            "looking for",
            "who you are",
            "about you",
            "you need",
            "you'll need",
            "skills",
            "experience",
            "what we need",
            "what we expect",
            "profile",
            "competenc",
        ],
    ),
];

/// The kind a heading's words name, if any. "About Acme" is about the company; "About you" and
/// "About the role" are not.
pub fn section_kind(heading: &str) -> Option<SectionKind> {
    let heading = heading.to_lowercase();
    if let Some(rest) = heading.trim().strip_prefix("about ") {
        let rest = rest.trim();
        if rest.starts_with("you") {
            return Some(SectionKind::Requirements);
        }
        if [
            "the role",
            "this role",
            "the job",
            "the position",
            "the opportunity",
        ]
        .iter()
        .any(|r| rest.starts_with(r))
        {
            return Some(SectionKind::General);
        }
        return Some(SectionKind::Ignored);
    }
    SECTION_WORDS
        .iter()
        .find(|(_, words)| words.iter().any(|w| contains_words(&heading, w)))
        .map(|(kind, _)| *kind)
}

/// Whether `phrase` is in `text` at word boundaries ("plus" not in "surplus").
fn contains_words(text: &str, phrase: &str) -> bool {
    let bytes = text.as_bytes();
    text.match_indices(phrase).any(|(at, _)| {
        let before = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        let end = at + phrase.len();
        // A phrase that ends mid-word on purpose ("responsibilit") may run on.
        let after = end == bytes.len()
            || !bytes[end].is_ascii_alphanumeric()
            || !phrase.as_bytes()[phrase.len() - 1].is_ascii_alphabetic()
            || PREFIXES.contains(&phrase);
        before && after
    })
}

/// Section words that are word beginnings ("benefit" → "benefits").
const PREFIXES: &[&str] = &[
    "responsibilit",
    "requirement",
    "qualification",
    "benefit",
    "perk",
    "equal opportunit",
    "competenc",
];

/// The cues of one part of a sentence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Cues {
    required: bool,
    /// "must", "required": required even among responsibilities.
    must: bool,
    nice: bool,
    level: Option<u8>,
}

const NICE_CUES: &[&str] = &[
    "nice to have",
    "nice-to-have",
    "a plus",
    "is a plus",
    "are a plus",
    "bonus",
    "preferred",
    "preferably",
    "ideally",
    "desirable",
    "good to have",
    "would be great",
    "not required",
    "a big plus",
];
const MUST_CUES: &[&str] = &["must", "required", "requires", "mandatory", "essential"];
/// The words that make a requirement essential (with "N+ years"): "solid", "extensive" and the
/// like only raise the level.
const REQUIRED_CUES: &[&str] = &["strong", "deep", "expert", "proven", "mastery"];
/// Names that hold a cue word without being one: "deep learning" is no "deep".
const NOT_CUES: &[&str] = &[
    "deep learning",
    "deep neural",
    "deep reinforcement",
    "deep-learning",
    "strongly typed",
];
const LEVEL_CUES: &[(u8, &[&str])] = &[
    (
        4,
        &[
            "expert",
            "deep expertise",
            "mastery",
            "world-class",
            "world class",
        ],
    ),
    (
        3,
        &[
            "strong",
            "deep",
            "extensive",
            "advanced",
            "proven",
            "solid",
            "in-depth",
            "proficiency",
            "proficient",
        ],
    ),
    (
        1,
        &[
            "familiarity",
            "familiar",
            "exposure",
            "basic",
            "awareness",
            "some experience",
            "interest in",
        ],
    ),
    (
        2,
        &[
            "hands-on",
            "working knowledge",
            "experience with",
            "experience in",
            "practical experience",
            "comfortable with",
        ],
    ),
];

fn cues_of(part: &str) -> Cues {
    let mut part = part.to_lowercase();
    for name in NOT_CUES {
        part = part.replace(name, " ");
    }
    let has = |cues: &[&str]| cues.iter().any(|c| contains_words(&part, c));
    let years = stated_years(&part);
    let level = LEVEL_CUES
        .iter()
        .find(|(_, cues)| has(cues))
        .map(|(level, _)| *level)
        .or(years.map(|y| match y {
            y if y >= 5.0 => 4,
            y if y >= 3.0 => 3,
            _ => 2,
        }));
    Cues {
        required: has(REQUIRED_CUES) || years.is_some(),
        must: has(MUST_CUES),
        nice: has(NICE_CUES),
        level,
    }
}

/// "3+ years", "5 years of": the number of years a part of a sentence asks for.
fn stated_years(part: &str) -> Option<f64> {
    let at = part.find("year")?;
    let before = part[..at].trim_end();
    let before = before.trim_end_matches(['+', ' ']);
    let digits: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits
        .parse::<f64>()
        .ok()
        .filter(|y| (0.0..=40.0).contains(y))
}

/// One requirement as the reader decided it, with why.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadRequirement {
    pub skill: SkillIdx,
    pub importance: Importance,
    /// The level the words ask for; `None` means the tier's default.
    pub level: Option<u8>,
    /// The sentence it came from.
    pub sentence: String,
    /// Its line in the posting (1-based).
    pub line: usize,
    /// The words that named it ("Pytorch", "the phrase 'wrote … kernels'").
    pub matched: String,
    pub section: SectionKind,
    /// Named as one of alternatives ("PyTorch or JAX"): then `importance` is situational (a
    /// toolkit, where either earns the credit) and this is what its sentence asked for.
    pub alternative: Option<Importance>,
}

/// A skill named where it is not a requirement (About us, Benefits, EEO).
#[derive(Debug, Clone, PartialEq)]
pub struct PassedOver {
    pub skill: SkillIdx,
    pub line: usize,
}

/// Everything the reader decided about a text posting.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadPosting {
    pub title: String,
    pub company: Option<String>,
    pub tier: Option<Tier>,
    /// What set the tier ("the title", "“5+ years” on line 12").
    pub tier_reason: Option<String>,
    /// The least years a stated "N+ years" asks for.
    pub min_years: Option<f64>,
    pub requirements: Vec<ReadRequirement>,
    pub passed_over: Vec<PassedOver>,
}

/// A line of the posting, as written, with its number (1-based).
struct PostingLine<'t> {
    number: usize,
    text: &'t str,
}

/// The heading a line is, if it is one: its words, without markup.
fn heading_of(line: &str) -> Option<String> {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return None;
    }
    if let Some(rest) = trimmed.strip_prefix('#') {
        return Some(clean_heading(rest.trim_start_matches('#')));
    }
    let unbolded = trimmed
        .strip_prefix("**")
        .and_then(|t| t.strip_suffix("**").or_else(|| t.strip_suffix("**:")))
        .or_else(|| {
            trimmed
                .strip_prefix("__")
                .and_then(|t| t.strip_suffix("__"))
        });
    if let Some(inner) = unbolded {
        if !inner.contains("**") && inner.len() <= 80 {
            return Some(clean_heading(inner));
        }
    }
    if is_bullet(trimmed) {
        return None;
    }
    let words = trimmed.split_whitespace().count();
    if trimmed.ends_with(':') && words <= 8 && trimmed.len() <= 70 {
        return Some(clean_heading(trimmed));
    }
    // A short line with no sentence punctuation that names a known section.
    if words <= 6
        && trimmed.len() <= 50
        && !trimmed.ends_with(['.', ',', ';'])
        && section_kind(trimmed).is_some()
    {
        return Some(clean_heading(trimmed));
    }
    None
}

/// A heading marked as one (`#`, bold, a closing colon), not only guessed from its words.
fn is_marked_heading(line: &str) -> bool {
    let trimmed = line.trim();
    trimmed.starts_with('#')
        || trimmed.starts_with("**")
        || trimmed.starts_with("__")
        || trimmed.ends_with(':')
}

fn clean_heading(text: &str) -> String {
    text.trim()
        .trim_matches(|c: char| c == '*' || c == '_' || c == ':' || c.is_whitespace())
        .to_string()
}

/// A line's text without its bullet and emphasis markers.
fn without_markup(line: &str) -> String {
    let mut text = line.trim();
    if is_bullet(text) {
        text = text
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start_matches(|c: char| !c.is_whitespace())
            .trim_start();
    }
    text.replace("**", "").replace("__", "")
}

/// Sentence-level lines that say nothing a posting asks for, wherever they stand.
const EEO_WORDS: &[&str] = &[
    "equal opportunity",
    "equal employment",
    "without regard to",
    "regardless of",
    "reasonable accommodation",
    "we are committed to",
    "e-verify",
];

/// Words of how to apply: what an application holds is not what the job asks for ("the file must
/// include … documentation of teaching").
const APPLYING_WORDS: &[&str] = &[
    "cover letter",
    "curriculum vitae",
    "your cv",
    "your résumé",
    "your resume",
    "to apply",
    "application deadline",
    "your application",
    "send in your",
    "assessment committee",
    "application documents",
];

/// The title (and company written with it) from the posting's first heading or line.
fn title_and_company(lines: &[PostingLine]) -> (String, Option<String>, usize) {
    let Some(first) = lines.iter().find(|l| !l.text.trim().is_empty()) else {
        return ("Job posting".to_string(), None, 0);
    };
    let mut title = clean_heading(first.text.trim().trim_start_matches('#'));
    for prefix in ["Job title:", "Title:", "Position:", "Role:"] {
        if let Some(rest) = title.strip_prefix(prefix) {
            title = rest.trim().to_string();
        }
    }
    let mut company = None;
    for separator in [" at ", " — ", " – ", " | ", " - ", " @ "] {
        if let Some((job, who)) = title.split_once(separator) {
            if !job.trim().is_empty() && !who.trim().is_empty() {
                company = Some(clean_heading(who));
                title = job.trim().to_string();
                break;
            }
        }
    }
    if company.is_none() {
        company = second_line_company(lines, first.number);
    }
    if company.is_none() {
        company = lines.iter().find_map(|l| {
            let text = without_markup(l.text);
            ["Company:", "Employer:", "Organization:"]
                .iter()
                .find_map(|p| text.trim().strip_prefix(p).map(clean_heading))
                .filter(|c| !c.is_empty())
        });
    }
    (title, company, first.number)
}

/// A heading, or a bullet with the lines that continue it, or a paragraph (wrapped lines joined).
struct Block {
    /// Its first line (1-based).
    number: usize,
    /// Without bullet and emphasis markers; a heading's words.
    text: String,
    heading: bool,
}

/// Why a text given as a posting is a résumé instead, when it is one: not one heading that only
/// postings have (Requirements, Responsibilities, Nice to have, Benefits …; "Experience" and
/// "Skills" head both), and two of: résumé sections, dated positions the résumé reader finds. One
/// date alone is not enough: "since our start in 2006" dates a company, not a person.
fn reads_as_resume(name: &str, text: &str, blocks: &[Block], catalog: &Catalog) -> Option<String> {
    use crate::extract::layout::Section;
    let mut resume_sections: Vec<&str> = Vec::new();
    for block in blocks.iter().filter(|b| b.heading) {
        let resume = Section::of_heading(&block.text.to_lowercase());
        // A heading is a few words; a long "# Required fields are …" line is a comment.
        let short = block.text.split_whitespace().count() <= 6 && !block.text.ends_with('.');
        if resume.is_none() && short && section_kind(&block.text).is_some() {
            return None;
        }
        let label = match resume {
            Some(Section::Work) => "work experience",
            Some(Section::Education) => "education",
            Some(Section::Projects) => "projects",
            Some(Section::Publications) => "publications",
            _ => continue,
        };
        if !resume_sections.contains(&label) {
            resume_sections.push(label);
        }
    }
    let positions = input::text::parse(name, text, catalog)
        .map(|person| person.positions.len())
        .unwrap_or(0);
    let sections = resume_sections.join(", ");
    match (positions, resume_sections.len()) {
        (0, 0 | 1) | (1, 0) => None,
        (_, 0) => Some(format!("{positions} dated positions")),
        (0, _) => Some(format!("sections {sections}")),
        _ => Some(format!("sections {sections}; {positions} dated positions")),
    }
}

/// `names_skill` tells a short line that names a skill ("Experience with Kubernetes") from a
/// heading ("Experience"); the title line stands alone.
fn blocks(
    lines: &[PostingLine],
    title_line: usize,
    names_skill: &dyn Fn(&str) -> bool,
) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut open = false;
    for line in lines {
        let trimmed = line.text.trim();
        if trimmed.is_empty() {
            open = false;
            continue;
        }
        let heading = heading_of(line.text)
            .filter(|_| is_marked_heading(line.text) || !names_skill(&without_markup(line.text)));
        if line.number == title_line {
            blocks.push(Block {
                number: line.number,
                text: without_markup(line.text),
                heading: false,
            });
            open = false;
            continue;
        }
        if let Some(words) = heading {
            blocks.push(Block {
                number: line.number,
                text: words,
                heading: true,
            });
            open = false;
            continue;
        }
        let text = without_markup(line.text);
        // "Location: Berlin", "Level: Mid": a labelled line stands alone.
        let labelled = text
            .split_once(':')
            .is_some_and(|(label, _)| label.split_whitespace().count() <= 3);
        match blocks.last_mut() {
            // A wrapped line continues a sentence: it goes on in lower case, or the line before
            // broke off mid-phrase. A line after a full stop, or one a sentence per line, stands
            // alone.
            Some(last)
                if open
                    && !is_bullet(trimmed)
                    && !labelled
                    && !last.text.trim_end().ends_with(['.', '!', '?', ':'])
                    && (trimmed.starts_with(char::is_lowercase)
                        || last.text.trim_end().ends_with([',', '(', '-', '&', '/'])) =>
            {
                last.text.push(' ');
                last.text.push_str(text.trim());
            }
            _ => blocks.push(Block {
                number: line.number,
                text,
                heading: false,
            }),
        }
        open = !labelled;
    }
    blocks
}

/// A run-on block split where a section label starts inside it: text pasted without line breaks
/// reads "Reference ID: 873 Job benefits: Flexible hours … cloud services", and what follows
/// "Job benefits:" is a benefit, not a requirement. A label is one to three words before a colon,
/// the first capitalised, that name a section ([`section_kind`]), and not at the block's start
/// (the label check of each sentence handles that one). Each part keeps the block's line number.
fn at_inline_labels(block: Block) -> Vec<Block> {
    if block.heading {
        return vec![block];
    }
    let text = &block.text;
    let mut starts: Vec<usize> = Vec::new();
    for (colon, _) in text.match_indices(':') {
        let before = &text[..colon];
        // The start of each of the last three words before the colon.
        let mut word_starts: Vec<usize> = Vec::new();
        let mut end = before.len();
        for _ in 0..3 {
            let head = before[..end].trim_end();
            if head.is_empty() {
                break;
            }
            let start = head.rfind(char::is_whitespace).map_or(0, |i| i + 1);
            word_starts.push(start);
            end = start;
        }
        // The shortest label that names a section, from the colon back.
        let label_start = word_starts.iter().copied().find(|&start| {
            let label = &before[start..];
            label.starts_with(char::is_uppercase)
                && !label.contains(['.', ',', ';', '(', ')'])
                && section_kind(label).is_some()
        });
        if let Some(start) = label_start.filter(|&start| start > 0) {
            starts.push(start);
        }
    }
    if starts.is_empty() {
        return vec![block];
    }
    let mut parts = Vec::with_capacity(starts.len() + 1);
    let mut from = 0;
    for start in starts.into_iter().chain(std::iter::once(text.len())) {
        let part = text[from..start].trim();
        if !part.is_empty() {
            parts.push(Block {
                number: block.number,
                text: part.to_string(),
                heading: false,
            });
        }
        from = start;
    }
    parts
}

/// Whether a clause is about the company rather than the job: it opens with the company's name,
/// "we", "our", "the company" or "our client", and does not address the reader ("you").
fn about_the_company(clause: &str, company: Option<&str>) -> bool {
    let lower = clause.trim().to_lowercase().replace('’', "'");
    let opens_with = |word: &str| {
        lower
            .strip_prefix(word)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\'', '’', ',']))
    };
    let company_first = company
        .and_then(|c| c.split_whitespace().next())
        .map(str::to_lowercase);
    let about = [
        "we",
        "we're",
        "we’re",
        "we've",
        "our",
        "the company",
        "our client",
    ]
    .iter()
    .any(|w| opens_with(w))
        || company_first.is_some_and(|c| opens_with(&c))
        || after_an_opening_phrase(&lower);
    // "We are looking for someone with …", "We expect …": a requirement said in the first person.
    const ASKING: &[&str] = &[
        "you",
        "your",
        "looking for",
        "seeking",
        "searching for",
        "hiring",
        "we need",
        "we expect",
        "we require",
        "we want",
        "we'd like",
        "we would like",
        "candidate",
        "ideal",
        "experience",
        "knowledge",
        "skills",
        "required",
        "must",
        // "We use / rely on / work with …": the stack, read as such.
        "we use",
        "we rely",
        "we work with",
        "our stack",
        "tech stack",
        "technologies",
    ];
    about && !ASKING.iter().any(|w| contains_words(&lower, w))
}

/// "At Acme, we build …", "In 14 technology hubs worldwide our team of 40,000+ …": a clause that
/// opens with a place or time phrase (a preposition first) and comes to "we" or "our" within its
/// first eight words, before any "you".
fn after_an_opening_phrase(lower: &str) -> bool {
    const OPENERS: &[&str] = &["at", "in", "across", "since", "for", "from", "with", "over"];
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .take(8)
        .collect();
    if !words.first().is_some_and(|w| OPENERS.contains(w)) {
        return false;
    }
    for word in &words[1..] {
        match *word {
            "you" | "your" | "you'll" | "you're" => return false,
            "we" | "we're" | "we've" | "our" => return true,
            _ => {}
        }
    }
    false
}

/// The company when the line after the title is just its name ("Corvid Labs", "Helix Compute Inc.
/// · Santa Clara, CA"): a few capitalised words, no label, no place or terms of work.
fn second_line_company(lines: &[PostingLine], title_line: usize) -> Option<String> {
    let line = lines
        .iter()
        .filter(|l| l.number > title_line)
        .find(|l| !l.text.trim().is_empty())?;
    if heading_of(line.text).is_some() {
        return None;
    }
    let text = without_markup(line.text);
    let name = [" · ", " | ", " — ", " – ", " - "]
        .iter()
        .fold(text.as_str(), |name, separator| {
            name.split(separator).next().unwrap_or(name)
        })
        .trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let plain = !name.contains([':', '(', ',', '$'])
        && !name.chars().any(|c| c.is_ascii_digit())
        && (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || *w == "&" || *w == "of")
        && ![
            "remote",
            "hybrid",
            "on-site",
            "onsite",
            "full-time",
            "part-time",
            "contract",
        ]
        .iter()
        .any(|w| name.to_lowercase().contains(w));
    plain.then(|| name.to_string())
}

/// Splits a sentence into its clauses (at `;` and sentence ends) and each clause into its
/// comma-separated parts.
fn clauses(text: &str) -> Vec<Vec<&str>> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest
            .char_indices()
            .find(|&(i, c)| {
                c == ';' || (c == '.' && rest[i + 1..].starts_with(' ') && i + 1 < rest.len())
            })
            .map_or(rest.len(), |(i, _)| i);
        let clause = &rest[..end];
        if !clause.trim().is_empty() {
            out.push(clause.split(',').filter(|p| !p.trim().is_empty()).collect());
        }
        rest = rest.get(end + 1..).unwrap_or("");
    }
    out
}

/// Reads a text or Markdown posting. `name` is used in messages and the role's source.
pub fn read(name: &str, text: &str, catalog: &Catalog) -> Result<ReadPosting, InputError> {
    let scanner = crate::extract::scanner_for(catalog).map_err(|e| InputError::invalid(name, e))?;
    let text = input::text::lone_carriage_returns_as_newlines(text);
    let lines: Vec<PostingLine> = text
        .split('\n')
        .enumerate()
        .map(|(i, line)| PostingLine {
            number: i + 1,
            text: line.trim_end_matches('\r'),
        })
        .collect();
    let (title, company, title_line) = title_and_company(&lines);
    let mut section = SectionKind::General;
    let mut heading = String::new();
    let mut requirements: Vec<ReadRequirement> = Vec::new();
    let mut passed_over: Vec<PassedOver> = Vec::new();
    let mut years_tier: Option<(Tier, f64, usize)> = None;
    let mut text_tier: Option<(Tier, usize)> = None;
    let names_skill = |text: &str| !scanner.scan(text).is_empty();
    let blocks: Vec<Block> = blocks(&lines, title_line, &names_skill)
        .into_iter()
        .flat_map(at_inline_labels)
        .collect();
    if let Some(why) = reads_as_resume(name, &text, &blocks, catalog) {
        return Err(InputError::invalid(
            name,
            format!(
                "reads as a résumé ({why}), not a job posting; the person goes first: `skillgap assess {name} --job POSTING`. If it is a posting, head what it asks for with Requirements, Responsibilities or Nice to have"
            ),
        ));
    }
    for block in blocks {
        if block.number == title_line {
            continue;
        }
        if block.heading {
            section = section_kind(&block.text).unwrap_or(SectionKind::General);
            heading = block.text.clone();
            continue;
        }
        let sentence = block.text.clone();
        // "Requirements: 3+ years of PyTorch" — a label that names its section, on the line.
        let mut kind = section;
        if let Some((label, _)) = sentence.split_once(':') {
            if label.split_whitespace().count() <= 4 {
                if let Some(named) = section_kind(label) {
                    kind = named;
                }
            }
        }
        let lower = sentence.to_lowercase();
        if kind == SectionKind::Ignored {
            for mention in scanner.scan_in_context(&sentence, &heading) {
                passed_over.push(PassedOver {
                    skill: mention.skill,
                    line: block.number,
                });
            }
            continue;
        }
        if matches!(kind, SectionKind::Requirements | SectionKind::General) && years_tier.is_none()
        {
            if let (Some(years), Some(tier)) = (stated_years(&lower), tier_from_years(&lower)) {
                years_tier = Some((tier, years, block.number));
            }
        }
        if text_tier.is_none() {
            for (words, tier) in [
                ("new grad", Tier::Entry),
                ("new graduate", Tier::Entry),
                ("recent graduate", Tier::Entry),
                ("internship", Tier::Entry),
                ("entry-level", Tier::Entry),
                ("entry level", Tier::Entry),
            ] {
                if contains_words(&lower, words) {
                    text_tier = Some((tier, block.number));
                }
            }
        }
        let context = format!("{title}. {heading}. {sentence}");
        for clause in clauses(&sentence) {
            let clause_lower = clause.join(",").to_lowercase();
            let equal_opportunity = EEO_WORDS.iter().any(|w| clause_lower.contains(w));
            let applying = APPLYING_WORDS
                .iter()
                .any(|w| contains_words(&clause_lower, w))
                && !contains_words(&clause_lower, "experience");
            if equal_opportunity
                || applying
                || (kind == SectionKind::General
                    && about_the_company(clause[0], company.as_deref()))
            {
                for mention in scanner.scan_in_context(&clause.join(","), &heading) {
                    passed_over.push(PassedOver {
                        skill: mention.skill,
                        line: block.number,
                    });
                }
                continue;
            }
            let leading = cues_of(clause[0]);
            let clause_text = clause.join(",");
            let clause_cues = cues_of(&clause_text);
            let listed_alternatives = clause
                .iter()
                .any(|p| p.trim_start().to_lowercase().starts_with("or "));
            // "Python, Go, Ray, Kubernetes": a list of names, where a name too short to find in
            // prose ("Go", "R", "Ray") is still a name.
            let name_list =
                clause.len() >= 3 && clause.iter().all(|p| p.split_whitespace().count() <= 3);
            for part in &clause {
                let own = cues_of(part);
                let mut mentions: Vec<(SkillIdx, String)> = scanner
                    .scan_in_context(part, &context)
                    .into_iter()
                    .map(|m| (m.skill, m.matched))
                    .collect();
                if name_list {
                    let names = part
                        .split(" and ")
                        .flat_map(|n| n.split(" or "))
                        .flat_map(|n| n.split(" & "));
                    for name in names {
                        let name = name.trim();
                        let name = name
                            .strip_prefix("and ")
                            .or_else(|| name.strip_prefix("or "))
                            .unwrap_or(name)
                            .trim_end_matches('.');
                        let skill = catalog.resolve_exact(name).and_then(|r| r.skill());
                        if let Some(skill) = skill.filter(|s| !mentions.iter().any(|(m, _)| m == s))
                        {
                            mentions.push((skill, name.to_string()));
                        }
                    }
                }
                if mentions.is_empty() {
                    continue;
                }
                // A part with a cue of its own ("and familiarity with Docker", "you should be
                // comfortable with OpenCV") keeps it; a bare one takes the clause's.
                let own_cue = own.level.is_some()
                    || own.nice
                    || own.required
                    || own.must
                    || contains_words(&part.to_lowercase(), "should");
                let (leading, clause_cues) = if own_cue {
                    (own, own)
                } else {
                    (leading, clause_cues)
                };
                // "TensorFlow or JAX", "TensorFlow, PyTorch, or JAX": either one will do.
                // The "or" must stand between two names: "deep learning for ranking or
                // retrieval" names no alternative.
                let or_between = mentions.len() > 1
                    && part.to_ascii_lowercase().find(" or ").is_some_and(|at| {
                        let (a, b) = (&part[..at], &part[at + 4..]);
                        !scanner.scan_in_context(a, &context).is_empty()
                            && !scanner.scan_in_context(b, &context).is_empty()
                    });
                let alternative = or_between || (clause.len() > 1 && listed_alternatives);
                let nice = own.nice || (leading.nice && !own.required);
                let must = own.must || clause_cues.must;
                let required = own.required || leading.required || must;
                let importance = match kind {
                    _ if nice => Importance::Differentiator,
                    SectionKind::NiceToHave => Importance::Differentiator,
                    SectionKind::Stack => Importance::Situational,
                    SectionKind::Responsibilities if must => Importance::Essential,
                    SectionKind::Responsibilities => Importance::Expected,
                    _ if required => Importance::Essential,
                    _ => Importance::Expected,
                };
                let (importance, alternative) = if alternative {
                    (importance.max(Importance::Situational), Some(importance))
                } else {
                    (importance, None)
                };
                let level = own.level.or(leading.level);
                for (skill, matched) in mentions {
                    add(
                        &mut requirements,
                        ReadRequirement {
                            skill,
                            matched,
                            importance,
                            level,
                            sentence: input::shorten(sentence.trim(), 200),
                            line: block.number,
                            section: kind,
                            alternative,
                        },
                    );
                }
            }
        }
    }
    // A skill that is also a requirement is not passed over.
    passed_over.retain(|p| !requirements.iter().any(|r| r.skill == p.skill));
    passed_over.dedup_by_key(|p| p.skill);
    let (tier, tier_reason, min_years) = if let Some(tier) = tier_from_words(&title.to_lowercase())
    {
        (Some(tier), Some("the title".to_string()), None)
    } else if let Some((tier, years, line)) = years_tier {
        (
            Some(tier),
            Some(format!("“{years}+ years” on line {line}")),
            Some(years),
        )
    } else if let Some((tier, line)) = text_tier {
        (
            Some(tier),
            Some(format!("the wording on line {line}")),
            None,
        )
    } else {
        (None, None, None)
    };
    Ok(ReadPosting {
        title: if title.is_empty() {
            "Job posting".to_string()
        } else {
            title
        },
        company,
        tier,
        tier_reason,
        min_years,
        requirements,
        passed_over,
    })
}

/// Adds `new`, or strengthens the requirement for its skill: the strongest importance (with its
/// sentence) and the highest level stated win.
fn add(requirements: &mut Vec<ReadRequirement>, new: ReadRequirement) {
    match requirements.iter_mut().find(|r| r.skill == new.skill) {
        Some(existing) => {
            let level = existing.level.max(new.level);
            if new.importance < existing.importance {
                *existing = new;
            }
            existing.level = level;
        }
        None => requirements.push(new),
    }
}

/// Whether `text` reads as a text posting rather than JSON: a file named `.txt`/`.md` is text, one
/// named `.json` is JSON; otherwise, text unless it opens as JSON does (`{`, `[`, or a comment).
pub fn looks_like_text(path: &Path, text: &str) -> bool {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("txt" | "md" | "markdown" | "text") => true,
        Some("json" | "jsonc" | "json5") => false,
        _ => {
            let start = text.trim_start();
            !(start.starts_with(['{', '[']) || start.starts_with("//") || start.starts_with("/*"))
        }
    }
}

/// The role a read posting becomes.
pub fn role_of(name: &str, read: &ReadPosting, catalog: &Catalog) -> Result<JobRole, InputError> {
    if read.requirements.is_empty() {
        return Err(InputError::invalid(
            name,
            format!(
                "no skill in the catalog is asked for in the posting “{}”; it cannot be scored (`skillgap skills` lists the catalog)",
                read.title
            ),
        ));
    }
    let profile = profile_of(name, read, catalog);
    let role = compile(profile, name, None, catalog, true).map_err(|problems| {
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        InputError::invalid(name, text.join("; "))
    })?;
    Ok(JobRole {
        role,
        warnings: Vec::new(),
        passed_over: read
            .passed_over
            .iter()
            .map(|p| catalog.skill(p.skill).name.clone())
            .collect(),
    })
}

/// The profile a read posting becomes: requirements grouped by catalog category, levels per
/// tier, the posting's tier (or all three) with its band.
pub fn profile_of(name: &str, read: &ReadPosting, catalog: &Catalog) -> Profile {
    use crate::render::escape::{terminal_line, terminal_text};
    let tiers: Vec<Tier> = match read.tier {
        Some(tier) => vec![tier],
        None => Tier::ALL.to_vec(),
    };
    let mut categories: Vec<ProfileCategory> = Vec::new();
    for want in &read.requirements {
        let skill = catalog.skill(want.skill);
        let requirement = Requirement {
            skill: skill.id.clone(),
            importance: want.importance,
            levels: super::job::levels_for(want.importance, want.level, &tiers),
            source_text: Some(terminal_line(&want.sentence).into_owned()),
        };
        match categories.iter_mut().find(|c| c.id == skill.category) {
            Some(category) => category.requirements.push(requirement),
            None => categories.push(ProfileCategory {
                id: skill.category.clone(),
                name: catalog.category_name(&skill.category).to_string(),
                elective: false,
                requirements: vec![requirement],
            }),
        }
    }
    let slug = super::job::slug(&read.title);
    let id = if slug.is_empty() {
        "job-posting".to_string()
    } else {
        format!("job-{slug}")
    };
    let title = match &read.company {
        Some(company) => format!("{} ({company})", read.title),
        None => read.title.clone(),
    };
    let tier_words = match (&read.tier, &read.tier_reason) {
        (Some(tier), Some(reason)) => format!("the {tier} tier, from {reason}"),
        _ => "all three tiers (it states none)".to_string(),
    };
    let summary = format!(
        "Read from the text posting {name}: {} requirements, importance from its sections and wording, levels from its words or the tier's default; scored at {tier_words}.",
        read.requirements.len()
    );
    Profile {
        id,
        title: terminal_line(&title).into_owned(),
        summary: terminal_text(&summary).into_owned(),
        source: Some(terminal_line(name).into_owned()),
        salary: None,
        tiers: tiers
            .iter()
            .map(|&tier| {
                let mut band = super::job::band(tier);
                if let Some(years) = read.min_years {
                    band.min_years = years;
                    band.max_years = None;
                }
                band
            })
            .collect::<Vec<TierBand>>(),
        related_roles: Vec::new(),
        electives: None,
        categories,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> &'static Catalog {
        Catalog::builtin().expect("builtin catalog")
    }

    fn importance_of(read: &ReadPosting, id: &str) -> Option<(Importance, Option<u8>)> {
        read.requirements
            .iter()
            .find(|r| catalog().skill(r.skill).id == id)
            .map(|r| (r.importance, r.level))
    }

    const POSTING: &str = "\
# Senior Machine Learning Engineer — Acme AI

## About us
Acme builds LLM-powered search on Kubernetes.

## What you'll do
- Train and ship ranking models with PyTorch
- Own our Airflow pipelines

## Requirements
- 5+ years of Python
- Strong experience with Docker, and familiarity with Terraform
- Experience with TensorFlow or JAX
- SQL

## Nice to have
- CUDA

## Benefits
- GPU credits and a MacBook

We are an equal opportunity employer.
";

    #[test]
    fn sections_and_wording_set_importance_and_level() {
        let read = read("p.md", POSTING, catalog()).unwrap();
        assert_eq!(read.title, "Senior Machine Learning Engineer");
        assert_eq!(read.company.as_deref(), Some("Acme AI"));
        assert_eq!(read.tier, Some(Tier::Senior));
        assert_eq!(
            importance_of(&read, "python"),
            Some((Importance::Essential, Some(4)))
        );
        assert_eq!(
            importance_of(&read, "docker"),
            Some((Importance::Essential, Some(3)))
        );
        assert_eq!(
            importance_of(&read, "sql"),
            Some((Importance::Expected, None))
        );
        assert_eq!(
            importance_of(&read, "pytorch").map(|i| i.0),
            Some(Importance::Expected)
        );
        assert_eq!(
            importance_of(&read, "cuda").map(|i| i.0),
            Some(Importance::Differentiator)
        );
        assert_eq!(
            importance_of(&read, "tensorflow").map(|i| i.0),
            Some(Importance::Situational)
        );
        assert_eq!(
            importance_of(&read, "jax").map(|i| i.0),
            Some(Importance::Situational)
        );
        // What the company builds is not what it asks for.
        assert_eq!(importance_of(&read, "kubernetes"), None);
        assert_eq!(importance_of(&read, "large-language-models"), None);
        assert!(read
            .passed_over
            .iter()
            .any(|p| catalog().skill(p.skill).id == "kubernetes"));
    }

    #[test]
    fn the_tier_comes_from_the_title_then_the_years_then_the_wording() {
        let tier = |text: &str| read("p.txt", text, catalog()).unwrap().tier;
        assert_eq!(
            tier("ML Engineer\n\nRequirements\n- 3+ years of PyTorch\n"),
            Some(Tier::Mid)
        );
        assert_eq!(
            tier("Junior ML Engineer\n\nRequirements\n- 6+ years of PyTorch\n"),
            Some(Tier::Entry)
        );
        assert_eq!(
            tier("ML Engineer\n\nA summer internship training models in PyTorch.\n"),
            Some(Tier::Entry)
        );
        assert_eq!(tier("ML Engineer\n\n- PyTorch\n"), None);
        let read = read(
            "p.txt",
            "ML Engineer\n\nRequirements\n- 4+ years of PyTorch\n",
            catalog(),
        )
        .unwrap();
        assert_eq!(read.min_years, Some(4.0));
    }

    #[test]
    fn plain_text_headings_are_found() {
        assert_eq!(heading_of("Requirements"), Some("Requirements".into()));
        assert_eq!(heading_of("WHAT YOU BRING"), Some("WHAT YOU BRING".into()));
        assert_eq!(heading_of("What you'll do:"), Some("What you'll do".into()));
        assert_eq!(heading_of("**Nice to have**"), Some("Nice to have".into()));
        assert_eq!(heading_of("- Python and PyTorch"), None);
        assert_eq!(heading_of("Strong PyTorch skills are required."), None);
        assert_eq!(
            section_kind("Nice to have skills"),
            Some(SectionKind::NiceToHave)
        );
        assert_eq!(section_kind("Perks & benefits"), Some(SectionKind::Ignored));
        assert_eq!(section_kind("Surplus"), None);
    }

    #[test]
    fn a_part_of_a_sentence_keeps_its_own_cue() {
        let read = read(
            "p.txt",
            "ML Engineer\n\nRequirements\n- Strong Python, CUDA a plus\n",
            catalog(),
        )
        .unwrap();
        assert_eq!(
            importance_of(&read, "python").map(|i| i.0),
            Some(Importance::Essential)
        );
        assert_eq!(
            importance_of(&read, "cuda").map(|i| i.0),
            Some(Importance::Differentiator)
        );
    }

    #[test]
    fn alternatives_need_an_or_between_two_names() {
        let read = read(
            "p.txt",
            "ML Engineer\n\nRequirements\n- Experience with PyTorch and deep learning for ranking or retrieval\n- Familiarity with AWS or GCP\n- Python, Go, Ray and SQL\n",
            catalog(),
        )
        .unwrap();
        assert_eq!(
            importance_of(&read, "deep-learning").map(|i| i.0),
            Some(Importance::Expected)
        );
        for id in ["aws", "gcp"] {
            assert_eq!(
                importance_of(&read, id),
                Some((Importance::Situational, Some(1))),
                "{id}"
            );
        }
        // In a list of names, a short one is a name too.
        for id in ["go", "ray", "sql"] {
            assert!(importance_of(&read, id).is_some(), "{id}");
        }
    }

    #[test]
    fn a_posting_written_one_sentence_a_line_is_read_line_by_line() {
        // SkillSpan's layout: no blank lines, a sentence per line, the title on the first.
        let read = read(
            "p.txt",
            "Site Reliability Engineer Kubernetes\nExperience with Kubernetes\nWe are an equal opportunity employer .\nProficient in golang .\nExpert knowledge of Linux .\n",
            catalog(),
        )
        .unwrap();
        let ids: Vec<&str> = read
            .requirements
            .iter()
            .map(|r| catalog().skill(r.skill).id.as_str())
            .collect();
        // "Experience with Kubernetes" is a requirement, not a heading; the EEO sentence does
        // not hide the rest of the text.
        assert_eq!(ids, ["kubernetes", "go", "linux"]);
        assert_eq!(read.title, "Site Reliability Engineer Kubernetes");
    }

    #[test]
    fn a_posting_that_asks_for_nothing_known_is_an_error() {
        let read = read("p.txt", "Barista\n\nMake great coffee.\n", catalog()).unwrap();
        let error = role_of("p.txt", &read, catalog()).unwrap_err().to_string();
        assert!(error.contains("no skill in the catalog"), "{error}");
    }

    #[test]
    fn its_profile_validates() {
        let read = read("p.md", POSTING, catalog()).unwrap();
        let job = role_of("p.md", &read, catalog()).unwrap();
        assert_eq!(job.role.profile.id, "job-senior-machine-learning-engineer");
        assert_eq!(job.role.profile.tiers.len(), 1);
    }

    #[test]
    fn a_section_label_inside_a_run_on_line_starts_that_section() {
        // Pasted without line breaks: the benefits after "Job benefits:" ask for nothing, the
        // requirement before them still counts.
        let text = "Backend Engineer\n\
                    Requirements: 3+ years of Python and Docker. Reference ID: 873 Job benefits: \
                    Flexible hours, free fruit, Kubernetes meet-ups and cloud services credits\n";
        let read = read("posting.txt", text, catalog()).expect("reads");
        assert!(importance_of(&read, "python").is_some());
        assert!(importance_of(&read, "docker").is_some());
        assert_eq!(importance_of(&read, "kubernetes"), None);
        assert_eq!(importance_of(&read, "cloud-platforms"), None);
        // A lowercase phrase before a colon is no label: "the stack: PyTorch" stays one part.
        let parts = at_inline_labels(Block {
            number: 1,
            text: "Our daily work: the stack: PyTorch and Ray".to_string(),
            heading: false,
        });
        assert_eq!(parts.len(), 1);
    }

    #[test]
    fn a_clause_about_the_company_may_open_with_a_place_or_time() {
        assert!(about_the_company(
            "In 14 technology hubs worldwide our team of 40,000+ technologists build machine learning",
            None
        ));
        assert!(about_the_company(
            "At Acme, we train models with PyTorch",
            None
        ));
        // Addressed to the reader, or asking for something: a requirement.
        assert!(!about_the_company(
            "At Acme, you will train models with PyTorch",
            None
        ));
        assert!(!about_the_company(
            "In this role we need strong PyTorch",
            None
        ));
        assert!(!about_the_company("In 2027 the team moves to JAX", None));
    }
}
