//! Stage 4b: phrase signals. People rarely write "GPU kernel optimization"; they write "wrote fused
//! softmax kernels in CUDA with shared-memory tiling". `data/signals.json` holds, per concept skill,
//! the word groups that together show it in one sentence, the context it needs, and the phrases
//! that rule it out. It also holds two guards that apply to every catalog term: sentences about
//! selling, recruiting or signing up for something (`not_work`) credit no skill, and per-skill
//! phrases in which a name means something else (`guards`: "Monty Python").
//!
//! Matching is on a normalised sentence: lowercase, every run of characters other than letters,
//! digits, `+` and `#` turned into one space, padded with a space at each end, so that a term
//! matches on whole words as a plain substring (`" kernels "`), and a term ending in `*` matches
//! the start of a word (`" fus"`). All the terms go into one Aho–Corasick automaton, so a sentence
//! is read in one pass: checking each rule's terms one by one cost half of a batch run.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::Deserialize;

use super::{Strength, AWARE_PHRASES, OWNERSHIP_VERBS, WEAK_PHRASES};
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

/// One compiled signal: term ids into [`Signals::needles`].
#[derive(Debug)]
struct Signal {
    skill: SkillIdx,
    all: Vec<Vec<usize>>,
    context: Vec<usize>,
    not: Vec<usize>,
}

/// A term as searched for in a normalised sentence: `" kernels "` for a whole word, `" fus"` for
/// a prefix (`fus*`).
fn needle(text: &str) -> String {
    match text.strip_suffix('*') {
        Some(body) => normalise(body).trim_end().to_string(),
        None => normalise(text),
    }
}

/// The compiled signals and guards: every term of every rule in one Aho–Corasick automaton, so a
/// sentence is read in one pass whatever the number of rules.
#[derive(Debug)]
pub struct Signals {
    signals: Vec<Signal>,
    not_work: Vec<usize>,
    /// The cues of [`Strength`]: aware, weak and ownership phrases.
    aware: Vec<usize>,
    weak: Vec<usize>,
    ownership: Vec<usize>,
    /// Per catalog skill (by index), its guard and domain terms (empty when it has none).
    guards: Vec<Vec<usize>>,
    domain: Vec<Vec<usize>>,
    /// The distinct needles, by term id.
    needles: Vec<String>,
    /// For each term id, the signals whose first group holds it: the only ones a sentence with
    /// that term can fire.
    first_group: Vec<Vec<usize>>,
    automaton: AhoCorasick,
}

/// Which terms a sentence holds: (term id, byte offset of its first match), sorted by term id.
/// A sentence holds a handful, so a short sorted list beats a table over every term.
#[derive(Debug, Clone, Default)]
pub struct Found {
    at: Vec<(usize, usize)>,
}

impl Found {
    fn at(&self, term: usize) -> Option<usize> {
        self.at
            .binary_search_by_key(&term, |&(t, _)| t)
            .ok()
            .map(|i| self.at[i].1)
    }

    fn has(&self, term: usize) -> bool {
        self.at(term).is_some()
    }

    fn any(&self, terms: &[usize]) -> bool {
        terms.iter().any(|&t| self.has(t))
    }
}

/// Lowercase, runs of other characters than letters, digits, `+` and `#` as one space, a space at
/// each end.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    push_normalised(&mut out, text);
    out
}

/// Appends `text`, normalised, to `out`, which ends with a space (lines of one sentence are
/// normalised one after the other into the same buffer).
pub fn push_normalised(out: &mut String, text: &str) {
    let mut space = out.ends_with(' ');
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() || c == '+' || c == '#' {
                out.push(c.to_ascii_lowercase());
                space = false;
            } else if !space {
                out.push(' ');
                space = true;
            }
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if !space {
        out.push(' ');
    }
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
        let mut needles: Vec<String> = Vec::new();
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut terms = |list: &[String]| -> Vec<usize> {
            list.iter()
                .map(|t| {
                    let text = needle(t);
                    *ids.entry(text.clone()).or_insert_with(|| {
                        needles.push(text);
                        needles.len() - 1
                    })
                })
                .collect()
        };
        let mut signals = Vec::new();
        for rule in &file.signals {
            signals.push(Signal {
                skill: skill(&rule.skill)?,
                all: rule.all.iter().map(|group| terms(group)).collect(),
                context: terms(&rule.context),
                not: terms(&rule.not),
            });
        }
        let mut guards = vec![Vec::new(); catalog.skills().len()];
        for (id, phrases) in &file.guards {
            guards[skill(id)?] = terms(phrases);
        }
        let mut domain = vec![Vec::new(); catalog.skills().len()];
        for (id, words) in &file.domain {
            domain[skill(id)?] = terms(words);
        }
        let not_work = terms(&file.not_work);
        let owned = |list: &[&str]| list.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        let aware = terms(&owned(AWARE_PHRASES));
        let weak = terms(&owned(WEAK_PHRASES));
        let ownership = terms(&owned(OWNERSHIP_VERBS));
        let mut first_group = vec![Vec::new(); needles.len()];
        for (i, signal) in signals.iter().enumerate() {
            for &term in signal.all.first().into_iter().flatten() {
                first_group[term].push(i);
            }
        }
        let automaton = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::NoncontiguousNFA))
            .match_kind(MatchKind::Standard)
            .build(&needles)
            .map_err(|e| format!("data/signals.json: its terms do not form an automaton: {e}"))?;
        Ok(Signals {
            signals,
            not_work,
            aware,
            weak,
            ownership,
            guards,
            domain,
            needles,
            first_group,
            automaton,
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

    /// The terms a normalised sentence holds, found in one pass.
    pub fn find(&self, sentence: &str) -> Found {
        let mut found = Found::default();
        self.find_into(sentence, &mut found);
        found
    }

    /// [`Signals::find`] into `found`, reusing its room.
    pub fn find_into(&self, sentence: &str, found: &mut Found) {
        found.at.clear();
        found.at.extend(
            self.automaton
                .find_overlapping_iter(sentence)
                .map(|m| (m.pattern().as_usize(), m.start())),
        );
        // Matches come in order of their end; keep each term's first start.
        found.at.sort_unstable();
        found.at.dedup_by_key(|&mut (term, _)| term);
    }

    /// What the verbs of the sentence say about the person's part: the weakest cue wins ("helped
    /// design" is help).
    pub fn strength(&self, found: &Found) -> Strength {
        if found.any(&self.aware) {
            Strength::Aware
        } else if found.any(&self.weak) {
            Strength::Weak
        } else if found.any(&self.ownership) {
            Strength::Ownership
        } else {
            Strength::Plain
        }
    }

    /// Whether the sentence is about selling, recruiting for or signing up for something: it
    /// credits no skill.
    pub fn is_not_work(&self, found: &Found) -> bool {
        found.any(&self.not_work)
    }

    /// Whether the sentence uses `skill`'s name in another sense ("Monty Python").
    pub fn is_guarded(&self, skill: SkillIdx, found: &Found) -> bool {
        self.guards.get(skill).is_some_and(|terms| found.any(terms))
    }

    /// Whether a prose sentence that names `skill` is in the field: for a skill whose names are
    /// everyday words ("business case", "guardrails", "fine-tuned"), one of its domain words must
    /// be there too.
    pub fn in_domain(&self, skill: SkillIdx, found: &Found) -> bool {
        self.domain
            .get(skill)
            .is_none_or(|terms| terms.is_empty() || found.any(terms))
    }

    /// The concept skills a sentence shows, each with the terms that matched ("wrote … kernels")
    /// and where the first of them is (a byte offset in the normalised sentence).
    pub fn skills_in(&self, found: &Found) -> Vec<(SkillIdx, String, usize)> {
        let mut candidates: Vec<usize> = found
            .at
            .iter()
            .flat_map(|&(term, _)| self.first_group[term].iter().copied())
            .collect();
        // In file order, so the first signal of a skill that fires is the one reported.
        candidates.sort_unstable();
        candidates.dedup();
        let mut shown: Vec<(SkillIdx, String, usize)> = Vec::new();
        for signal in candidates.iter().map(|&i| &self.signals[i]) {
            if shown.iter().any(|(s, _, _)| *s == signal.skill) {
                continue;
            }
            // The term each group matched, in the group's order, and where the first one is.
            let mut hits: Vec<(usize, usize)> = Vec::with_capacity(signal.all.len());
            let all = signal.all.iter().all(|group| {
                match group.iter().find_map(|&t| found.at(t).map(|at| (t, at))) {
                    Some(hit) => {
                        hits.push(hit);
                        true
                    }
                    None => false,
                }
            });
            if !all
                || hits.is_empty()
                || (!signal.context.is_empty() && !found.any(&signal.context))
                || found.any(&signal.not)
            {
                continue;
            }
            let at = hits.iter().map(|&(_, at)| at).min().unwrap_or(0);
            let words: Vec<&str> = hits.iter().map(|&(t, _)| self.needles[t].trim()).collect();
            shown.push((signal.skill, words.join(" … "), at));
        }
        shown
    }
}
