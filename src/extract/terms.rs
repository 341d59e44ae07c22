//! Stage 3: the terms. The spellings searched for: every catalog name and alias, plus a few
//! unambiguous inflections (`CNNs`, `quantized`, `fine-tuned`, `mixed precision`).

use crate::catalog::{SkillIdx, TermPolicy};

/// A catalog term the automaton looks for (one per distinct lowercase spelling; several terms may
/// share a spelling and differ in case, like `Git` and `git`).
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    /// The spelling to match (a name, an alias, or an inflection of one).
    pub(crate) text: String,
    pub(crate) skill: SkillIdx,
    pub(crate) policy: TermPolicy,
}

/// Spellings of `term` that mean the same skill: hyphen/space swaps ("mixed-precision"), the plural
/// of an acronym or a noun ("CNNs", "vector stores"), and verb forms of "-ization" and "-tuning"
/// nouns ("quantized", "fine-tuned").
pub(crate) fn variants(term: &str, policy: TermPolicy) -> Vec<String> {
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
pub(crate) const AMBIGUOUS_STEMS: &[&str] = &["token"];

/// The plural of the last word of a term, where it is unambiguous: acronyms ("CNN" → "CNNs") and,
/// for case-insensitive terms, ordinary nouns ("store" → "stores", "strategy" → "strategies").
pub(crate) fn plural(word: &str, policy: TermPolicy) -> Option<String> {
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

/// Short list-only terms ("C", "R", "Go", "Julia") must be written exactly as in the catalog;
/// longer ones ("quality assurance") in any case, since lists capitalise freely.
pub(crate) fn list_case_matches(matched: &str, term: &str) -> bool {
    if term.chars().count() <= 5 {
        matched == term
    } else {
        matched.eq_ignore_ascii_case(term)
    }
}
