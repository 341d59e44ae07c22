//! Stage 4b: phrase signals. People rarely write "GPU kernel optimization"; they write "wrote fused
//! softmax kernels in CUDA with shared-memory tiling". `data/signals.json` holds, per concept skill,
//! the word groups that together show it in one sentence, the context it needs, and the phrases
//! that rule it out. It also holds two guards that apply to every catalog term: sentences about
//! selling, recruiting or signing up for something (`not_work`) credit no skill, and per-skill
//! phrases in which a name means something else (`guards`: "Monty Python").
//!
//! Matching is on a normalised sentence: lowercase, every run of characters other than letters,
//! digits, `+` and `#` turned into one space, padded with a space at each end, so that a term
//! matches on whole words by a plain substring search (`" kernels "`), and a term ending in `*`
//! matches the start of a word (`" fus"`).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::catalog::{Catalog, SkillIdx};

const SIGNALS_JSON: &str = include_str!("../../data/signals.json");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SignalsFile {
    #[allow(dead_code)]
    about: String,
    #[allow(dead_code)]
    version: u32,
    not_work: Vec<String>,
    guards: HashMap<String, Vec<String>>,
    domain: HashMap<String, Vec<String>>,
    signals: Vec<SignalRule>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct SignalRule {
    skill: String,
    all: Vec<Vec<String>>,
    #[serde(default)]
    context: Vec<String>,
    #[serde(default)]
    not: Vec<String>,
}

/// One compiled signal.
#[derive(Debug)]
struct Signal {
    skill: SkillIdx,
    all: Vec<Vec<Term>>,
    context: Vec<Term>,
    not: Vec<Term>,
}

/// A term, ready for a substring search in a normalised sentence.
#[derive(Debug)]
struct Term {
    /// `" kernels "` for a whole word, `" fus"` for a prefix.
    needle: String,
}

impl Term {
    fn new(text: &str) -> Term {
        let (body, prefix) = match text.strip_suffix('*') {
            Some(body) => (body, true),
            None => (text, false),
        };
        let normal = normalise(body);
        let needle = if prefix {
            normal.trim_end().to_string()
        } else {
            normal
        };
        Term { needle }
    }

    fn found_in(&self, sentence: &str) -> bool {
        sentence.contains(&self.needle)
    }
}

/// The compiled signals and guards.
#[derive(Debug)]
pub struct Signals {
    signals: Vec<Signal>,
    not_work: Vec<Term>,
    guards: HashMap<SkillIdx, Vec<Term>>,
    domain: HashMap<SkillIdx, Vec<Term>>,
}

/// Lowercase, runs of other characters than letters, digits, `+` and `#` as one space, a space at
/// each end.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    for c in text.chars() {
        if c.is_alphanumeric() || c == '+' || c == '#' {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

static BUILTIN: OnceLock<Result<Signals, String>> = OnceLock::new();

impl Signals {
    /// The signals of `data/signals.json` for `catalog` (skills it does not know are an error).
    pub fn new(catalog: &Catalog) -> Result<Signals, String> {
        let file: SignalsFile =
            serde_json::from_str(SIGNALS_JSON).map_err(|e| format!("data/signals.json: {e}"))?;
        let skill = |id: &str| {
            catalog
                .index_of(id)
                .ok_or_else(|| format!("data/signals.json names the unknown skill {id:?}"))
        };
        let terms = |list: &[String]| list.iter().map(|t| Term::new(t)).collect::<Vec<_>>();
        let mut signals = Vec::new();
        for rule in &file.signals {
            signals.push(Signal {
                skill: skill(&rule.skill)?,
                all: rule.all.iter().map(|group| terms(group)).collect(),
                context: terms(&rule.context),
                not: terms(&rule.not),
            });
        }
        let mut guards = HashMap::new();
        for (id, phrases) in &file.guards {
            guards.insert(skill(id)?, terms(phrases));
        }
        let mut domain = HashMap::new();
        for (id, words) in &file.domain {
            domain.insert(skill(id)?, terms(words));
        }
        Ok(Signals {
            signals,
            not_work: terms(&file.not_work),
            guards,
            domain,
        })
    }

    /// The signals for the builtin catalog, compiled once per process.
    pub fn builtin() -> Result<&'static Signals, String> {
        let catalog = Catalog::builtin().map_err(|e| e.to_string())?;
        BUILTIN
            .get_or_init(|| Signals::new(catalog))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Whether a normalised sentence is about selling, recruiting for or signing up for something:
    /// it credits no skill.
    pub fn is_not_work(&self, sentence: &str) -> bool {
        self.not_work.iter().any(|t| t.found_in(sentence))
    }

    /// Whether a normalised sentence uses `skill`'s name in another sense ("Monty Python").
    pub fn is_guarded(&self, skill: SkillIdx, sentence: &str) -> bool {
        self.guards
            .get(&skill)
            .is_some_and(|terms| terms.iter().any(|t| t.found_in(sentence)))
    }

    /// Whether a prose sentence that names `skill` is in the field: for a skill whose names are
    /// everyday words ("business case", "guardrails", "fine-tuned"), one of its domain words must
    /// be there too.
    pub fn in_domain(&self, skill: SkillIdx, sentence: &str) -> bool {
        self.domain
            .get(&skill)
            .is_none_or(|terms| terms.iter().any(|t| t.found_in(sentence)))
    }

    /// The concept skills a normalised sentence shows, each with the first term that matched.
    pub fn skills_in(&self, sentence: &str) -> Vec<(SkillIdx, String)> {
        let mut found: Vec<(SkillIdx, String)> = Vec::new();
        for signal in &self.signals {
            if found.iter().any(|(s, _)| *s == signal.skill) {
                continue;
            }
            let mut first = None;
            let all =
                signal
                    .all
                    .iter()
                    .all(|group| match group.iter().find(|t| t.found_in(sentence)) {
                        Some(term) => {
                            first.get_or_insert_with(|| term.needle.trim().to_string());
                            true
                        }
                        None => false,
                    });
            if !all {
                continue;
            }
            if !signal.context.is_empty() && !signal.context.iter().any(|t| t.found_in(sentence)) {
                continue;
            }
            if signal.not.iter().any(|t| t.found_in(sentence)) {
                continue;
            }
            found.push((signal.skill, first.unwrap_or_default()));
        }
        found
    }
}
