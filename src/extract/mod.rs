//! Extraction: the skills a text names, with where and how it names them. Text and Markdown
//! résumés, the prose of JSON Resume files and job postings all go through it.
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
//!
//! The stages, one file each, in the order they run: [`document`] (lines, markup, front matter),
//! [`layout`] (headings, sections, lists), [`terms`] (the catalog's spellings), [`scanner`] (hits
//! and the false-match guards), [`evidence`] (the line that proves a mention), [`experience`]
//! (dates). This file holds what they produce: [`Mention`], and the one rule that turns mentions
//! into levels.

pub mod document;
pub mod evidence;
pub mod experience;
pub mod layout;
pub mod levels;
pub mod scanner;
pub mod signals;
pub mod terms;

pub use scanner::Scanner;

use crate::catalog::{Catalog, CatalogError, SkillIdx};
use crate::input::dates::Interval;

/// The kind of place a skill is seen in, from the weakest evidence to the strongest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    /// An explicit skills list ("Languages: Python, C++"), or a list of names anywhere.
    SkillsList,
    /// A row of a skills table (Skill | Level | Years).
    SkillsTable,
    /// A summary, a headline, or prose outside any section that shows work.
    Summary,
    /// Education: a degree, a course, coursework.
    Education,
    /// A certificate.
    Certification,
    /// A publication, a talk, a patent.
    Publication,
    /// An undated project, or work written without dates.
    Project,
    /// The header line of a dated position (its title).
    PositionHeader,
    /// A bullet or a sentence under a dated position.
    PositionBullet,
}

impl Place {
    /// A dated position's header or body.
    pub fn is_position(self) -> bool {
        matches!(self, Place::PositionHeader | Place::PositionBullet)
    }

    /// A list or table of names: a claim, not evidence.
    pub fn is_list(self) -> bool {
        matches!(self, Place::SkillsList | Place::SkillsTable)
    }

    /// A line that shows the skill in use or learnt (anything but a list or a summary).
    pub fn is_evidence(self) -> bool {
        !self.is_list() && self != Place::Summary
    }

    /// Which evidence outranks which when no dated position shows a skill.
    pub fn evidence_rank(self) -> u8 {
        match self {
            Place::SkillsList | Place::SkillsTable | Place::Summary => 0,
            Place::Education | Place::Certification => 1,
            Place::Publication => 2,
            Place::Project => 3,
            Place::PositionHeader | Place::PositionBullet => 4,
        }
    }
}

/// The seniority a job title reads as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Seniority {
    Intern,
    Junior,
    Regular,
    Senior,
    /// Staff, principal, lead, architect.
    Staff,
    /// Head, director, VP, chief.
    Head,
}

impl Seniority {
    /// The seniority of a title: "Senior ML Engineer" → senior, "Research Intern" → intern.
    pub fn of_title(title: &str) -> Seniority {
        let lower = title.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let has = |w: &str| words.contains(&w);
        if has("head")
            || has("director")
            || has("vp")
            || has("chief")
            || has("cto")
            || lower.contains("vice president")
        {
            Seniority::Head
        } else if has("staff") || has("principal") || has("lead") || has("architect") {
            Seniority::Staff
        } else if has("senior") || has("sr") {
            Seniority::Senior
        } else if has("intern") || has("internship") || has("trainee") || has("apprentice") {
            Seniority::Intern
        } else if has("junior") || has("jr") || has("graduate") || has("entry") {
            Seniority::Junior
        } else {
            Seniority::Regular
        }
    }
}

/// A dated (or undated) position: a job, an internship, a dated project.
#[derive(Debug, Clone, PartialEq)]
pub struct Position {
    /// The header as written, dates removed: "Senior Deep Learning Engineer — Lumen Vision".
    pub title: String,
    /// The months it covers (`None` when its dates could not be read).
    pub interval: Option<Interval>,
    pub seniority: Seniority,
}

/// What the verbs of a sentence say about the person's part in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Strength {
    /// "familiar with", "exposure to", "coursework", "currently learning".
    Aware,
    /// "helped", "assisted", "contributed to".
    Weak,
    /// Nothing either way.
    Plain,
    /// "led", "designed", "architected", "owned", "built", "wrote", "implemented", "optimized",
    /// "shipped", "maintained".
    Ownership,
}

/// Words that make a sentence [`Strength::Ownership`] (whole words).
pub(crate) const OWNERSHIP_VERBS: &[&str] = &[
    "led",
    "lead",
    "leading",
    "designed",
    "architected",
    "owned",
    "own",
    "owning",
    "built",
    "wrote",
    "implemented",
    "optimized",
    "optimised",
    "shipped",
    "maintained",
    "maintain",
    "authored",
    "introduced",
    "created",
    "drove",
    "founded",
    "scaled",
    "migrated",
];
/// Phrases that make a sentence [`Strength::Weak`].
pub(crate) const WEAK_PHRASES: &[&str] = &[
    "contributed to",
    "assisted",
    "helped",
    "supported the",
    "participated in",
];
/// Phrases that make a sentence [`Strength::Aware`]. The strength of a sentence is read with the
/// phrase signals, in the same pass ([`signals::Signals::strength`]): the weakest cue wins ("helped
/// design" is help).
pub(crate) const AWARE_PHRASES: &[&str] = &[
    "familiar with",
    "familiarity with",
    "exposure to",
    "exposed to",
    "coursework",
    "currently learning",
    "learning the basics",
    "started learning",
    "basic knowledge",
    "basic understanding",
    "basics of",
    "introduction to",
];

/// One sighting of a skill, as every reader records it: the input to [`levels::skills_from`].
#[derive(Debug, Clone, PartialEq)]
pub struct Sighting {
    pub skill: SkillIdx,
    pub place: Place,
    /// The position it sits under (an index into the reader's positions).
    pub position: Option<usize>,
    /// A sub-period written beside it, "(2024 – present)", which narrows the position's range.
    pub period: Option<Interval>,
    /// The line or entry that shows it.
    pub evidence: String,
    /// How it was recognized, for the report ("listed in text", "work[0].highlights[1]").
    pub via: String,
    /// A level written for it ("PyTorch (expert)", a table's Level column, a JSON Resume level).
    pub stated_level: Option<u8>,
    /// How many names share that stated level (1 for a level written for this one skill).
    pub group: usize,
    /// Years written beside it: "PyTorch (4 years)", "4+ years of CUDA", a Years column.
    pub stated_years: Option<f64>,
    pub strength: Strength,
}

/// One occurrence of a skill in a text.
#[derive(Debug, Clone, PartialEq)]
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
    /// Years written right beside the name: "PyTorch (4 years)", "5+ years of CUDA".
    pub stated_years: Option<f64>,
    /// What the verbs of its sentence (its whole bullet) say about the person's part in it.
    pub strength: Strength,
}

/// The sightings of a scanned text: each mention with the place, position and statements the
/// layout gives its line, and the strength the scanner read from its sentence.
pub(crate) fn text_sightings(
    layout: &layout::Layout,
    mentions: &[Mention],
    catalog: &Catalog,
) -> Vec<Sighting> {
    mentions
        .iter()
        .map(|mention| {
            let context = &layout.lines[mention.line - 1];
            let how = if context.place.is_list() {
                "listed"
            } else {
                "mentioned"
            };
            let name = &catalog.skill(mention.skill).name;
            let via = if mention.matched.starts_with("the phrase ") {
                format!("read from {}", mention.matched)
            } else if mention.matched == *name {
                format!("{how} in text")
            } else {
                format!("{how} in text as {}", mention.matched)
            };
            let (stated_level, group) = match (mention.stated_level, context.stated) {
                (Some(level), _) => (Some(level), 1),
                (None, Some((level, group))) => (Some(level), group),
                (None, None) => (None, 1),
            };
            Sighting {
                skill: mention.skill,
                place: context.place,
                position: context.position,
                period: context.period,
                evidence: mention.evidence.clone(),
                via,
                stated_level,
                group,
                stated_years: mention.stated_years.or(context.years),
                strength: mention.strength,
            }
        })
        .collect()
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
pub(crate) mod tests {
    /// Deterministic strings over `alphabet` (a 64-bit LCG), for comparing a fast path with the
    /// straightforward version it replaced on many more inputs than a hand-written list.
    pub(crate) fn generated(alphabet: &[&str], count: usize) -> Vec<String> {
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
}
