//! The skills catalog: the one vocabulary every input and every profile is translated into.
//!
//! Résumés say "torch", "Py-Torch 2.1" or "k8s"; profiles say `pytorch` and `kubernetes`. The catalog
//! (`data/catalog.json`, compiled into the binary) holds the canonical ids, display names and aliases, and
//! the relations between skills that scoring needs: `implies` (knowing QLoRA means knowing LoRA),
//! `related` (TensorFlow earns partial credit towards JAX) and `prerequisites` (learn PyTorch before FSDP).
//!
//! Name resolution is deliberately conservative. A wrong match is worse than no match, because a false
//! "you have Spark" hides a real gap; an unrecognized name is reported with a "did you mean" instead.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Serialize};

/// The catalog as shipped in the binary.
const BUILTIN_CATALOG: &str = include_str!("../data/catalog.json");

/// Position of a skill in [`Catalog::skills`]; cheap to copy and compare.
pub type SkillIdx = usize;

/// A group of skills, e.g. `frameworks` or `distributed-training`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub name: String,
}

/// Partial credit from a neighbouring skill: knowing `skill` counts `credit` × its level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Related {
    pub skill: String,
    pub credit: f64,
}

/// One canonical skill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    pub id: String,
    pub name: String,
    pub category: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Terms (the name or an alias) that match free text only with exactly this capitalisation:
    /// "Spark" but not the verb "spark".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub case_sensitive: Vec<String>,
    /// Terms that match free text only as an item of a list ("Languages: Python, C, R"), never in
    /// prose; short ones (up to 5 characters: "C", "Go", "Julia") only with exactly this
    /// capitalisation, longer ones ("leadership") in any case.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub list_only: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub implies: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prerequisites: Vec<String>,
    /// A skill most technical jobs use (Python, SQL, Git, Docker, a cloud): it shows that a
    /// position was technical, not which role it was in, so it alone never makes a position count
    /// toward a role's experience.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub generic: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    categories: Vec<Category>,
    skills: Vec<Skill>,
}

/// How many misspelling-search answers a catalog keeps (then it starts over): enough for the
/// unknown names of a large batch to repeat, bounded so a batch's memory does not grow with it.
const FUZZY_CACHE_ENTRIES: usize = 4096;

/// How many times each character occurs in a string, characters folded into 64 buckets.
#[derive(Debug, Clone)]
struct CharCounts([u8; 64]);

impl CharCounts {
    fn of(text: &str) -> CharCounts {
        let mut counts = [0u8; 64];
        for c in text.chars() {
            let bucket = (c as usize) % 64;
            counts[bucket] = counts[bucket].saturating_add(1);
        }
        CharCounts(counts)
    }

    /// A lower bound of the edit distance (with transpositions) between the two strings: an
    /// insertion or a deletion changes the counts by one, a substitution by two, a transposition
    /// not at all, so the distance is at least half the counts' difference. (Folding characters
    /// into buckets, and capping counts, only lowers the difference, so the bound still holds.)
    fn distance_bound(&self, other: &CharCounts) -> usize {
        // At most 64 × 255, so a u16 holds the sum: narrow lanes, which the compiler vectorises.
        let difference: u16 = self
            .0
            .iter()
            .zip(&other.0)
            .map(|(a, b)| u16::from(a.abs_diff(*b)))
            .sum();
        usize::from(difference).div_ceil(2)
    }
}

/// A catalog key as the misspelling search reads it.
#[derive(Debug)]
struct FuzzyKey {
    chars: Vec<char>,
    counts: CharCounts,
}

/// Optimal-string-alignment distances (edits with adjacent transpositions, as
/// `strsim::osa_distance` computes them) from one name to many keys: rapidfuzz's bit-parallel
/// algorithm (Hyyrö 2003), with the name's bit masks built once.
struct OsaFrom(rapidfuzz::distance::osa::BatchComparator<char>);

impl OsaFrom {
    fn new(name: &[char]) -> OsaFrom {
        OsaFrom(rapidfuzz::distance::osa::BatchComparator::new(
            name.iter().copied(),
        ))
    }

    /// The distance to `key`, or `None` when it exceeds `bound`.
    fn within(&self, key: &[char], bound: usize) -> Option<usize> {
        self.0.distance_with_args(
            key.iter().copied(),
            &rapidfuzz::distance::osa::Args::default().score_cutoff(bound),
        )
    }
}

/// How a name was resolved to a skill.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolution {
    /// The id or display name, up to case and punctuation.
    Name(SkillIdx),
    /// One of the skill's aliases (the alias as written in the catalog).
    Alias(SkillIdx, String),
    /// A close misspelling of a name or alias; auto-corrected.
    Fuzzy(SkillIdx, String),
    /// Nothing close enough; `suggestion` is the nearest skill when one is near.
    Unrecognized { suggestion: Option<SkillIdx> },
}

impl Resolution {
    /// The resolved skill, if any.
    pub fn skill(&self) -> Option<SkillIdx> {
        match self {
            Resolution::Name(i) | Resolution::Alias(i, _) | Resolution::Fuzzy(i, _) => Some(*i),
            Resolution::Unrecognized { .. } => None,
        }
    }

    /// A short human description of how the name matched, used as a report's `via`.
    pub fn via(&self) -> String {
        match self {
            Resolution::Name(_) => "name".to_string(),
            Resolution::Alias(_, alias) => format!("alias {alias}"),
            Resolution::Fuzzy(_, term) => format!("spelling close to {term}"),
            Resolution::Unrecognized { .. } => "unrecognized".to_string(),
        }
    }
}

/// How a term may match free text (see [`Catalog::terms`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermPolicy {
    /// Case-insensitive, whole token.
    Anywhere,
    /// Exact capitalisation, whole token.
    CaseSensitive,
    /// Only as an item of a list; exact capitalisation for short terms (see `Skill::list_only`).
    ListOnly,
}

/// A name or alias of a skill, with the rule for matching it in prose.
#[derive(Debug, Clone)]
pub struct Term<'a> {
    pub text: &'a str,
    pub skill: SkillIdx,
    pub policy: TermPolicy,
}

/// Error in the catalog data itself (a build-time mistake, caught by the data tests).
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("the skills catalog is not valid JSON: {0}")]
    Parse(#[from] serde_json::Error),
    #[error("the skills catalog is inconsistent: {0}")]
    Invalid(String),
}

/// The loaded, indexed catalog.
#[derive(Debug)]
pub struct Catalog {
    categories: Vec<Category>,
    skills: Vec<Skill>,
    by_id: HashMap<String, SkillIdx>,
    /// Normalised name or alias → (skill, the term as written, true when it is an alias).
    by_key: HashMap<String, (SkillIdx, String, bool)>,
    /// For fuzzy matching: (normalised key, skill, term as written), sorted for determinism.
    fuzzy_keys: Vec<(String, SkillIdx, String)>,
    /// Each of `fuzzy_keys` prepared for the misspelling search, built at the first search (a
    /// run that resolves only known names never needs it).
    fuzzy_index: OnceLock<Vec<FuzzyKey>>,
    /// Answers of the misspelling search, by normalised key (emptied when full).
    fuzzy_cache: Mutex<HashMap<String, Resolution>>,
    /// implies/related/prerequisites as indices.
    implies: Vec<Vec<SkillIdx>>,
    related: Vec<Vec<(SkillIdx, f64)>>,
    prerequisites: Vec<Vec<SkillIdx>>,
    /// Everything each skill implies, directly or through other skills, in a stable order.
    implied_closure: Vec<Vec<SkillIdx>>,
    /// Each skill's prerequisites that are knowledge, not tools.
    known_prerequisites: Vec<Vec<SkillIdx>>,
}

/// Everything reachable from `start` along `next`, breadth first, without `start` itself.
fn closure<I: Iterator<Item = SkillIdx>>(
    start: SkillIdx,
    next: impl Fn(SkillIdx) -> I,
) -> Vec<SkillIdx> {
    let mut seen = vec![start];
    let mut at = 0;
    while at < seen.len() {
        for t in next(seen[at]) {
            if !seen.contains(&t) {
                seen.push(t);
            }
        }
        at += 1;
    }
    seen.remove(0);
    seen
}

/// The categories of tools (see [`Catalog::is_tool`]).
pub const TOOL_CATEGORIES: &[&str] = &[
    "programming",
    "frameworks",
    "software-engineering",
    "mlops",
    "cloud",
    "annotation-tools",
];

/// Normalises a skill name for lookup: drops a trailing version ("PyTorch 2.1", "Python 3.x"),
/// lowercases, and keeps only letters, digits and the characters that change meaning (`+`, `#`, `&`).
pub fn normalize(name: &str) -> String {
    let trimmed = strip_version_suffix(name.trim());
    trimmed
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric() || matches!(c, '+' | '#' | '&'))
        .collect()
}

fn strip_version_suffix(name: &str) -> &str {
    let Some((head, last)) = name.rsplit_once(char::is_whitespace) else {
        return name;
    };
    if head.trim().is_empty() || !looks_like_version(last) {
        return name;
    }
    head.trim_end()
}

fn looks_like_version(token: &str) -> bool {
    let token = token.strip_prefix(['v', 'V']).unwrap_or(token);
    let token = token.strip_suffix('+').unwrap_or(token);
    !token.is_empty()
        && token.starts_with(|c: char| c.is_ascii_digit())
        && token.split('.').all(|part| {
            part == "x" || (!part.is_empty() && part.chars().all(|c| c.is_ascii_digit()))
        })
}

static BUILTIN: OnceLock<Result<Catalog, String>> = OnceLock::new();

impl Catalog {
    /// The catalog compiled into the binary, parsed once per process.
    pub fn builtin() -> Result<&'static Catalog, CatalogError> {
        BUILTIN
            .get_or_init(|| Catalog::from_json(BUILTIN_CATALOG).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| CatalogError::Invalid(e.clone()))
    }

    /// Parses and indexes a catalog, checking that every reference resolves and no key is ambiguous.
    pub fn from_json(text: &str) -> Result<Catalog, CatalogError> {
        let file: CatalogFile = serde_json::from_str(text)?;
        Catalog::new(file.categories, file.skills)
    }

    fn new(categories: Vec<Category>, skills: Vec<Skill>) -> Result<Catalog, CatalogError> {
        let mut by_id = HashMap::new();
        for (idx, skill) in skills.iter().enumerate() {
            if by_id.insert(skill.id.clone(), idx).is_some() {
                return Err(CatalogError::Invalid(format!(
                    "duplicate skill id `{}`",
                    skill.id
                )));
            }
            if !categories.iter().any(|c| c.id == skill.category) {
                return Err(CatalogError::Invalid(format!(
                    "skill `{}` has unknown category `{}`",
                    skill.id, skill.category
                )));
            }
        }
        let mut by_key: HashMap<String, (SkillIdx, String, bool)> = HashMap::new();
        for (idx, skill) in skills.iter().enumerate() {
            let terms = std::iter::once((skill.id.as_str(), false))
                .chain(std::iter::once((skill.name.as_str(), false)))
                .chain(skill.aliases.iter().map(|a| (a.as_str(), true)));
            for (term, is_alias) in terms {
                let key = normalize(term);
                if key.is_empty() {
                    return Err(CatalogError::Invalid(format!(
                        "skill `{}` has a name or alias with no letters: `{term}`",
                        skill.id
                    )));
                }
                match by_key.get(&key) {
                    Some((other, other_term, _)) if *other != idx => {
                        return Err(CatalogError::Invalid(format!(
                            "`{term}` ({}) and `{other_term}` ({}) normalise to the same key `{key}`",
                            skill.id, skills[*other].id
                        )));
                    }
                    Some(_) => {}
                    None => {
                        by_key.insert(key, (idx, term.to_string(), is_alias));
                    }
                }
            }
        }
        let lookup = |from: &str, field: &str, id: &str| -> Result<SkillIdx, CatalogError> {
            by_id.get(id).copied().ok_or_else(|| {
                CatalogError::Invalid(format!("skill `{from}` {field} unknown skill `{id}`"))
            })
        };
        let mut implies = Vec::with_capacity(skills.len());
        let mut related = Vec::with_capacity(skills.len());
        let mut prerequisites = Vec::with_capacity(skills.len());
        for skill in &skills {
            implies.push(
                skill
                    .implies
                    .iter()
                    .map(|id| lookup(&skill.id, "implies", id))
                    .collect::<Result<Vec<_>, _>>()?,
            );
            prerequisites.push(
                skill
                    .prerequisites
                    .iter()
                    .map(|id| lookup(&skill.id, "has prerequisite", id))
                    .collect::<Result<Vec<_>, _>>()?,
            );
            let mut rel = Vec::new();
            for r in &skill.related {
                if !(r.credit > 0.0 && r.credit < 1.0) {
                    return Err(CatalogError::Invalid(format!(
                        "skill `{}` gives related credit {} to `{}`; credit must be between 0 and 1",
                        skill.id, r.credit, r.skill
                    )));
                }
                rel.push((lookup(&skill.id, "is related to", &r.skill)?, r.credit));
            }
            related.push(rel);
        }
        // Related credit works both ways: TensorFlow helps towards JAX as JAX helps towards TensorFlow.
        let mut symmetric = related.clone();
        for (from, list) in related.iter().enumerate() {
            for &(to, credit) in list {
                if !symmetric[to].iter().any(|&(s, _)| s == from) {
                    symmetric[to].push((from, credit));
                }
            }
        }
        for list in &mut symmetric {
            list.sort_by_key(|a| a.0);
        }
        let mut fuzzy_keys: Vec<(String, SkillIdx, String)> = by_key
            .iter()
            .map(|(key, (idx, term, _))| (key.clone(), *idx, term.clone()))
            .collect();
        fuzzy_keys.sort();
        let catalog = Catalog {
            categories,
            skills,
            by_id,
            by_key,
            fuzzy_keys,
            fuzzy_index: OnceLock::new(),
            fuzzy_cache: Mutex::new(HashMap::new()),
            implies,
            related: symmetric,
            prerequisites,
            implied_closure: Vec::new(),
            known_prerequisites: Vec::new(),
        };
        let mut catalog = catalog;
        if let Some(cycle) = catalog.find_cycle() {
            return Err(CatalogError::Invalid(format!(
                "implies/prerequisites form a cycle: {cycle}"
            )));
        }
        catalog.implied_closure = (0..catalog.skills.len())
            .map(|start| closure(start, |s| catalog.implies[s].iter().copied()))
            .collect();
        catalog.known_prerequisites = (0..catalog.skills.len())
            .map(|s| {
                catalog.prerequisites[s]
                    .iter()
                    .copied()
                    .filter(|&p| !catalog.is_tool(p))
                    .collect()
            })
            .collect();
        Ok(catalog)
    }

    /// A cycle through `implies` ∪ `prerequisites`, as "a → b → a", if there is one.
    fn find_cycle(&self) -> Option<String> {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            Active,
            Done,
        }
        fn visit(
            catalog: &Catalog,
            node: SkillIdx,
            marks: &mut [Mark],
            path: &mut Vec<SkillIdx>,
        ) -> bool {
            marks[node] = Mark::Active;
            path.push(node);
            let next = catalog.implies[node]
                .iter()
                .chain(&catalog.prerequisites[node]);
            for &n in next {
                match marks[n] {
                    Mark::Active => {
                        path.push(n);
                        return true;
                    }
                    Mark::New => {
                        if visit(catalog, n, marks, path) {
                            return true;
                        }
                    }
                    Mark::Done => {}
                }
            }
            path.pop();
            marks[node] = Mark::Done;
            false
        }
        let mut marks = vec![Mark::New; self.skills.len()];
        for start in 0..self.skills.len() {
            let mut path = Vec::new();
            if marks[start] == Mark::New && visit(self, start, &mut marks, &mut path) {
                let last = *path.last()?;
                let from = path.iter().position(|&n| n == last)?;
                return Some(
                    path[from..]
                        .iter()
                        .map(|&n| self.skills[n].id.as_str())
                        .collect::<Vec<_>>()
                        .join(" → "),
                );
            }
        }
        None
    }

    pub fn skills(&self) -> &[Skill] {
        &self.skills
    }

    pub fn categories(&self) -> &[Category] {
        &self.categories
    }

    pub fn skill(&self, idx: SkillIdx) -> &Skill {
        &self.skills[idx]
    }

    pub fn index_of(&self, id: &str) -> Option<SkillIdx> {
        self.by_id.get(id).copied()
    }

    pub fn category_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.categories
            .iter()
            .find(|c| c.id == id)
            .map_or(id, |c| c.name.as_str())
    }

    /// Skills that knowing `idx` implies directly.
    pub fn implies(&self, idx: SkillIdx) -> &[SkillIdx] {
        &self.implies[idx]
    }

    /// Skills that earn partial credit towards `idx` (both directions of `related`).
    pub fn related(&self, idx: SkillIdx) -> &[(SkillIdx, f64)] {
        &self.related[idx]
    }

    /// Everything `idx` implies, directly or transitively.
    pub fn implied_closure(&self, idx: SkillIdx) -> &[SkillIdx] {
        &self.implied_closure[idx]
    }

    pub fn prerequisites(&self, idx: SkillIdx) -> &[SkillIdx] {
        &self.prerequisites[idx]
    }

    /// Whether a skill is a tool (a language, framework, platform or service): something a person
    /// has to name to be credited with it. The other skills are knowledge (foundations,
    /// architectures, techniques), which work that needs them shows without naming them.
    pub fn is_tool(&self, idx: SkillIdx) -> bool {
        TOOL_CATEGORIES.contains(&self.skills[idx].category.as_str())
    }

    /// The prerequisites of `idx` that are knowledge, not tools: what showing `idx` in work shows
    /// too (training transformers shows deep learning; it does not show which language). One hop:
    /// taken transitively, every deep-learning line would credit the whole of mathematics, and
    /// measured on the labelled résumés that made more top roles wrong, not fewer.
    pub fn known_prerequisites(&self, idx: SkillIdx) -> &[SkillIdx] {
        &self.known_prerequisites[idx]
    }

    /// Resolves a skill name as a person wrote it in a list: exact id or name, alias, then a close
    /// misspelling; otherwise unrecognized with the nearest suggestion.
    pub fn resolve(&self, input: &str) -> Resolution {
        let key = normalize(input);
        if key.is_empty() {
            return Resolution::Unrecognized { suggestion: None };
        }
        self.resolve_key_exact(&key)
            .unwrap_or_else(|| self.fuzzy(&key))
    }

    /// [`Catalog::resolve`] without the misspelling step: the id, name or alias (a version glued
    /// to it allowed), or `None`. Cheap, for callers that must not guess (a JSON Resume category
    /// name, a job posting's keyword).
    pub fn resolve_exact(&self, input: &str) -> Option<Resolution> {
        let key = normalize(input);
        if key.is_empty() {
            return None;
        }
        self.resolve_key_exact(&key)
    }

    /// [`Catalog::resolve`] without the misspelling search, as a `Resolution`: `Unrecognized` with
    /// no suggestion when nothing matches exactly. For inputs too many or too long for the fuzzy
    /// search to be worth its cost.
    pub fn resolve_exactly(&self, input: &str) -> Resolution {
        self.resolve_exact(input)
            .unwrap_or(Resolution::Unrecognized { suggestion: None })
    }

    fn resolve_key_exact(&self, key: &str) -> Option<Resolution> {
        if key.is_empty() {
            return None;
        }
        if let Some(found) = self.lookup_key(key) {
            return Some(found);
        }
        // "Python3", "pytorch2": a version glued to the name.
        let unversioned = key.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
        if unversioned.len() >= 3 && unversioned.len() < key.len() {
            return self.lookup_key(unversioned);
        }
        None
    }

    fn lookup_key(&self, key: &str) -> Option<Resolution> {
        self.by_key.get(key).map(|(idx, term, is_alias)| {
            if *is_alias {
                Resolution::Alias(*idx, term.clone())
            } else {
                Resolution::Name(*idx)
            }
        })
    }

    /// Misspellings: auto-correct one edit (transpositions included) on keys of 8+ characters when
    /// exactly one skill is that close; otherwise suggest the nearest skill within a few edits.
    fn fuzzy(&self, key: &str) -> Resolution {
        // The same unknown names ("Terraform", "JIRA") come back in résumé after résumé.
        if let Ok(cache) = self.fuzzy_cache.lock() {
            if let Some(found) = cache.get(key) {
                return found.clone();
            }
        }
        let found = self.fuzzy_search(key);
        if let Ok(mut cache) = self.fuzzy_cache.lock() {
            if cache.len() >= FUZZY_CACHE_ENTRIES {
                cache.clear();
            }
            cache.insert(key.to_string(), found.clone());
        }
        found
    }

    fn fuzzy_search(&self, key: &str) -> Resolution {
        let key_chars: Vec<char> = key.chars().collect();
        let key_len = key_chars.len();
        let key_counts = CharCounts::of(key);
        // A nearest key farther than this gives no answer, whichever it is: none farther is looked at.
        let limit = plausible_distance_limit(key_len);
        // Keys of 4+ characters within 3 of the key's length, by a lower bound of their edit
        // distance to the key (from the characters they do not share): once the bound exceeds the
        // smallest distance found, no later key can be among the nearest.
        let index = self.fuzzy_index.get_or_init(|| {
            self.fuzzy_keys
                .iter()
                .map(|(key, _, _)| FuzzyKey {
                    chars: key.chars().collect(),
                    counts: CharCounts::of(key),
                })
                .collect()
        });
        let mut pool: Vec<(usize, usize)> = index
            .iter()
            .enumerate()
            .filter(|(_, k)| k.chars.len() >= 4 && key_len.abs_diff(k.chars.len()) <= 3)
            .map(|(i, k)| (key_counts.distance_bound(&k.counts), i))
            .filter(|&(bound, _)| bound <= limit)
            .collect();
        pool.sort_unstable();
        let mut min_distance = usize::MAX;
        let osa = OsaFrom::new(&key_chars);
        // Indices into `fuzzy_keys` of the keys at `min_distance`.
        let mut nearest: Vec<usize> = Vec::new();
        for (bound, i) in pool {
            if bound > min_distance {
                break;
            }
            // Only a distance up to the nearest so far (and the limit) matters.
            let Some(distance) = osa.within(&index[i].chars, min_distance.min(limit)) else {
                continue;
            };
            if distance < min_distance {
                min_distance = distance;
                nearest.clear();
            }
            if distance == min_distance {
                nearest.push(i);
            }
        }
        // Key order, as the tie-breaks below expect.
        nearest.sort_unstable();
        let Some(&first) = nearest.first() else {
            return Resolution::Unrecognized { suggestion: None };
        };
        let nearest: Vec<(f64, SkillIdx, &str)> = nearest
            .iter()
            .map(|&i| {
                let (candidate, idx, term) = &self.fuzzy_keys[i];
                (strsim::jaro_winkler(key, candidate), *idx, term.as_str())
            })
            .collect();
        let unique = nearest.iter().all(|c| c.1 == self.fuzzy_keys[first].1);
        // Highest similarity among the nearest; ties keep the first in key order (deterministic).
        let best = nearest
            .iter()
            .fold(nearest[0], |best, &c| if c.0 > best.0 { c } else { best });
        let (similarity, idx, term) = best;
        verdict(key_len, min_distance, similarity, idx, term, unique)
    }

    /// Every name and alias with its free-text matching policy, for the résumé scanner.
    pub fn terms(&self) -> impl Iterator<Item = Term<'_>> {
        self.skills.iter().enumerate().flat_map(|(idx, skill)| {
            std::iter::once(skill.name.as_str())
                .chain(skill.aliases.iter().map(String::as_str))
                .map(move |text| {
                    let policy = if skill.list_only.iter().any(|t| t == text) {
                        TermPolicy::ListOnly
                    } else if skill.case_sensitive.iter().any(|t| t == text) {
                        TermPolicy::CaseSensitive
                    } else {
                        TermPolicy::Anywhere
                    };
                    Term {
                        text,
                        skill: idx,
                        policy,
                    }
                })
        })
    }

    /// Skills whose id, name or an alias contains `query` (normalised), best matches first; with an
    /// empty query, every skill in catalog order.
    pub fn search(&self, query: &str) -> Vec<SkillIdx> {
        let query = normalize(query);
        if query.is_empty() {
            return (0..self.skills.len()).collect();
        }
        let mut hits: Vec<(u8, SkillIdx)> = Vec::new();
        for (idx, skill) in self.skills.iter().enumerate() {
            let keys = std::iter::once(normalize(&skill.id))
                .chain(std::iter::once(normalize(&skill.name)))
                .chain(skill.aliases.iter().map(|a| normalize(a)));
            let rank = keys
                .filter_map(|k| {
                    if k == query {
                        Some(0)
                    } else if k.starts_with(&query) {
                        Some(1)
                    } else if k.contains(&query) {
                        Some(2)
                    } else {
                        None
                    }
                })
                .min();
            if let Some(rank) = rank {
                hits.push((rank, idx));
            }
        }
        if hits.is_empty() {
            // No substring hit: fall back to what resolution would pick or suggest ("pytroch").
            let nearest = match self.resolve(&query) {
                Resolution::Unrecognized { suggestion } => suggestion,
                resolved => resolved.skill(),
            };
            hits.extend(nearest.map(|idx| (3, idx)));
        }
        hits.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| self.skills[a.1].id.cmp(&self.skills[b.1].id))
        });
        hits.into_iter().map(|(_, idx)| idx).collect()
    }
}

/// What the misspelling search concludes from the nearest key (`distance` edits, `similarity`
/// Jaro–Winkler, `unique` when every nearest key is the same skill): auto-correct one edit on a key of
/// 8+ characters, else suggest it when it is plausible, else nothing.
fn verdict(
    key_len: usize,
    distance: usize,
    similarity: f64,
    idx: SkillIdx,
    term: &str,
    unique: bool,
) -> Resolution {
    if distance == 1 && key_len >= 8 && unique {
        return Resolution::Fuzzy(idx, term.to_string());
    }
    let candidate_len = normalize(term).chars().count();
    let suggestion = is_plausible_suggestion(key_len, candidate_len, distance, similarity);
    Resolution::Unrecognized {
        suggestion: suggestion.then_some(idx),
    }
}

/// Whether the nearest term is close enough to offer as "did you mean": the allowed edits grow with
/// the input's length (1 up to 4 characters, 2 up to 7, 3 beyond), and the edits must leave most of
/// the longer string intact (normalised distance at most 0.4), so "HTML" never suggests "Helm"
/// (2 edits in 4) nor "GIF" "GGUF". Jaro-Winkler alone (common prefix) may vouch for longer inputs
/// only, and then still with at least half the characters in place.
fn is_plausible_suggestion(
    key_len: usize,
    candidate_len: usize,
    distance: usize,
    similarity: f64,
) -> bool {
    let normalised = distance as f64 / key_len.max(candidate_len).max(1) as f64;
    (distance <= allowed_edits(key_len) && normalised <= 0.4)
        || (key_len >= JARO_WINKLER_MIN_LEN && similarity >= 0.9 && normalised <= 0.5)
}

/// How many edits a suggestion for a name of `key_len` characters may be away, by distance alone.
fn allowed_edits(key_len: usize) -> usize {
    match key_len {
        0..=4 => 1,
        5..=7 => 2,
        _ => 3,
    }
}

/// The shortest name for which Jaro–Winkler may vouch for a suggestion.
const JARO_WINKLER_MIN_LEN: usize = 6;

/// The most edits the nearest key may be from a name of `key_len` characters and still give an
/// answer: [`allowed_edits`], or for Jaro–Winkler's path half the longer string, which is at most
/// 3 characters longer than the name (the search's length window). Auto-correction needs 1 edit.
fn plausible_distance_limit(key_len: usize) -> usize {
    if key_len >= JARO_WINKLER_MIN_LEN {
        allowed_edits(key_len).max((key_len + 3) / 2)
    } else {
        allowed_edits(key_len)
    }
}

#[cfg(test)]
mod tests {
    use super::{
        is_plausible_suggestion, looks_like_version, normalize, plausible_distance_limit, verdict,
        Catalog, OsaFrom, Resolution, SkillIdx,
    };

    /// The misspelling search as first written: every key within the length window compared with
    /// both measures. The pruned search must answer exactly as this does.
    fn brute_force(catalog: &Catalog, key: &str) -> Resolution {
        let key_len = key.chars().count();
        let candidates: Vec<(usize, f64, SkillIdx, &str)> = catalog
            .fuzzy_keys
            .iter()
            .filter(|(candidate, _, _)| {
                let candidate_len = candidate.chars().count();
                candidate_len >= 4 && key_len.abs_diff(candidate_len) <= 3
            })
            .map(|(candidate, idx, term)| {
                (
                    strsim::osa_distance(key, candidate),
                    strsim::jaro_winkler(key, candidate),
                    *idx,
                    term.as_str(),
                )
            })
            .collect();
        let Some(min_distance) = candidates.iter().map(|c| c.0).min() else {
            return Resolution::Unrecognized { suggestion: None };
        };
        let nearest: Vec<_> = candidates.iter().filter(|c| c.0 == min_distance).collect();
        let unique = nearest.iter().all(|c| c.2 == nearest[0].2);
        let best = nearest
            .iter()
            .fold(nearest[0], |best, c| if c.1 > best.1 { c } else { best });
        let (distance, similarity, idx, term) = *best;
        verdict(key_len, distance, similarity, idx, term, unique)
    }

    #[test]
    fn bounded_distance_is_strsims_within_the_bound() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "pytorch",
            "pyotrch",
            "pytroch",
            "torch",
            "tensorflow",
            "tensroflow",
            "kubernetes",
            "ñandú",
            "nandu",
            "日本語",
            "日語本",
            "ca",
            "abc",
            "cab",
            "deepspeed",
            "speed",
            "megatron-lm",
            "megatronlm",
            // Over 64 characters: the bit-parallel distance works in blocks.
            "distributed data parallel training of transformer models on gpu clusters",
            "distributed data parallel training of transfromer models on gpu clusters",
            "distributed data-parallel training of transformer models on tpu clusters!",
        ];
        for a in words {
            let a_chars: Vec<char> = a.chars().collect();
            let osa = OsaFrom::new(&a_chars);
            for b in words {
                let expected = strsim::osa_distance(a, b);
                let b_chars: Vec<char> = b.chars().collect();
                assert_eq!(
                    osa.within(&b_chars, usize::MAX),
                    Some(expected),
                    "{a} / {b}"
                );
                for bound in 0..6 {
                    assert_eq!(
                        osa.within(&b_chars, bound),
                        Some(expected).filter(|&d| d <= bound),
                        "{a} / {b} ≤ {bound}"
                    );
                }
            }
        }
    }

    #[test]
    fn pruned_misspelling_search_answers_as_the_full_one() {
        let catalog = Catalog::builtin().expect("builtin catalog");
        let mut names: Vec<String> = [
            "Pytorh",
            "pytroch",
            "tensorflw",
            "Terraform",
            "JIRA",
            "Ollama",
            "kubernets",
            "Dcoker",
            "HTML",
            "GIF",
            "Langchian",
            "deepspeeed",
            "Megatron",
            "cuda toolkit",
            "Excel",
            "Jupyter",
            "mlfow",
            "Weights and Biases",
            "scikit learn",
            "xgbost",
            "pandas",
            "Tableau",
            "PowerBI",
            "grafana",
            "promethus",
            "Airfow",
            "kafka",
            "numpy",
            "ñandú",
            "日本語",
            "C++17",
            "rustlang",
            "tpu v4",
            "Slrum",
            "infiniband",
            "tritonserver",
        ]
        .iter()
        .map(|s| normalize(s))
        .collect();
        // Names longer than a machine word (the bit-parallel distance then works in blocks).
        for long in [
            "pytorch".repeat(10),
            format!("{}x", "tensorflow".repeat(7)),
            "kubernetes distributed training on gpu clusters with slurm and ray".to_string(),
            "ñandú".repeat(15),
        ] {
            names.push(normalize(&long));
        }
        // Far misses of real keys, around the farthest that still gets an answer: two to six
        // characters replaced, and three added.
        for (key, _, _) in catalog.fuzzy_keys.iter().step_by(3) {
            let chars: Vec<char> = key.chars().collect();
            for replaced in 2..=6.min(chars.len()) {
                let mut far = chars.clone();
                for c in far.iter_mut().rev().take(replaced) {
                    *c = 'q';
                }
                names.push(far.into_iter().collect());
            }
            names.push(format!("{key}xyz"));
        }
        // Near misses of real keys: one character dropped, one replaced, two swapped.
        for (key, _, _) in catalog.fuzzy_keys.iter().step_by(5) {
            let chars: Vec<char> = key.chars().collect();
            if chars.len() > 4 {
                let middle = chars.len() / 2;
                let mut dropped = chars.clone();
                dropped.remove(middle);
                let mut replaced = chars.clone();
                replaced[middle] = 'q';
                let mut swapped = chars.clone();
                swapped.swap(middle - 1, middle);
                for variant in [dropped, replaced, swapped] {
                    names.push(variant.into_iter().collect());
                }
            }
        }
        for name in names.iter().filter(|n| !n.is_empty()) {
            assert_eq!(
                catalog.fuzzy_search(name),
                brute_force(catalog, name),
                "{name}"
            );
        }
    }

    #[test]
    fn no_key_beyond_the_distance_limit_gives_an_answer() {
        for key_len in 1..=40 {
            let limit = plausible_distance_limit(key_len);
            // The search's length window: candidates of 4+ characters, within 3 of the name.
            let window = key_len.saturating_sub(3).max(4)..=key_len + 3;
            for candidate_len in window.clone() {
                for distance in limit + 1..limit + 10 {
                    assert!(
                        !is_plausible_suggestion(key_len, candidate_len, distance, 1.0),
                        "{key_len} {candidate_len} {distance}"
                    );
                }
            }
            // And the limit is not looser than it needs to be.
            assert!(
                window
                    .into_iter()
                    .any(|c| is_plausible_suggestion(key_len, c, limit, 1.0)),
                "{key_len}"
            );
        }
    }

    #[test]
    fn normalize_folds_case_punctuation_and_versions() {
        assert_eq!(normalize("Py-Torch"), "pytorch");
        assert_eq!(normalize("PyTorch 2.1"), "pytorch");
        assert_eq!(normalize("Python 3.x"), "python");
        assert_eq!(normalize("C++"), "c++");
        assert_eq!(normalize("C#"), "c#");
        assert_eq!(normalize("W&B"), "w&b");
        assert_eq!(normalize("  scikit_learn "), "scikitlearn");
        // A lone number is not a version suffix of nothing.
        assert_eq!(normalize("3"), "3");
        assert_eq!(normalize("Llama 2"), "llama");
    }

    #[test]
    fn version_tokens() {
        assert!(looks_like_version("2.1"));
        assert!(looks_like_version("v3"));
        assert!(looks_like_version("3.x"));
        assert!(!looks_like_version("Transformers"));
        assert!(!looks_like_version("x"));
        assert!(!looks_like_version("4o"));
    }
}
