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
pub mod scanner;
pub mod terms;

use std::collections::HashMap;

pub use scanner::Scanner;

use crate::catalog::{Catalog, CatalogError, SkillIdx};
use crate::skills::{ClaimedSkill, Skills};

/// Level of a skill named in an explicit skills list ("working").
pub const LISTED_LEVEL: u8 = 2;

/// Level of a skill only mentioned in prose ("aware").
pub const PROSE_LEVEL: u8 = 1;

/// A skill mentioned in prose on this many separate lines is taken as used: [`LISTED_LEVEL`].
pub const PROSE_LINES_FOR_LISTED: usize = 3;

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
