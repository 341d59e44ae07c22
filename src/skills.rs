//! What a person knows, as every input source produces it: catalog skills with a level and the
//! evidence for them, plus the names nothing in the catalog matched.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, Resolution, SkillIdx};

/// Levels of SPEC §4: 0 none, 1 aware, 2 working, 3 proficient, 4 expert.
pub const MAX_LEVEL: u8 = 4;
/// How many unrecognized names a report lists (each also costs a misspelling search).
pub const MAX_UNRECOGNIZED: usize = 500;
/// Names longer than this get no misspelling search: no skill name is that long.
const MAX_FUZZY_NAME: usize = 100;
/// A bare skill name in a list means "used it in a real project".
pub const DEFAULT_LEVEL: u8 = 2;
pub const LEVEL_WORDS: [&str; 5] = ["none", "aware", "working", "proficient", "expert"];

/// What each level means, for help texts and the questionnaire.
pub const LEVEL_MEANINGS: [&str; 5] = [
    "never used it",
    "read about it, followed tutorials",
    "used it in a real project",
    "owns it in production",
    "teaches it, contributes upstream",
];

/// The level named by a word: SPEC §4's own words and JSON Resume's (Beginner→1, Intermediate→2,
/// Advanced→3, Master/Expert→4), case-insensitively.
pub fn level_from_word(word: &str) -> Option<u8> {
    let word = word.trim().to_ascii_lowercase();
    if let Some(level) = LEVEL_WORDS.iter().position(|w| *w == word) {
        return Some(level as u8);
    }
    match word.as_str() {
        "beginner" | "novice" | "basic" | "elementary" => Some(1),
        "intermediate" | "competent" => Some(2),
        "advanced" | "experienced" | "fluent" => Some(3),
        "master" | "native" => Some(4),
        // The usual words of CVs written in other languages.
        "了解" | "入门" | "débutant" | "debutant" | "notions" | "grundkenntnisse" | "básico"
        | "basico" | "principiante" => Some(1),
        "熟悉" | "intermédiaire" | "intermediaire" | "gut" | "intermedio" | "medio" => Some(2),
        "熟练" | "掌握" | "avancé" | "avance" | "confirmé" | "fortgeschritten" | "sehr gut"
        | "avanzado" => Some(3),
        "精通" | "expert" | "experte" | "experto" | "maîtrise" | "verhandlungssicher" => Some(4),
        _ => None,
    }
}

pub fn level_word(level: u8) -> &'static str {
    LEVEL_WORDS
        .get(usize::from(level))
        .copied()
        .unwrap_or("expert")
}

/// One skill a person has, resolved against the catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimedSkill {
    pub skill: SkillIdx,
    pub level: u8,
    pub years: Option<f64>,
    /// The line of the résumé (trimmed) or the entry the skill came from.
    pub evidence: Option<String>,
    /// How the name was recognized: `name`, `alias torch`, `text`, …
    pub via: String,
    /// Months of use: the dated positions that show it, or the years the person gives.
    pub months: Option<u32>,
    /// When it was last used, where dates say so.
    pub last_used: Option<LastUsed>,
    /// How many dated positions show it.
    pub positions: u32,
    /// False for a skill only listed or named in a summary: claimed, not shown.
    pub evidenced: bool,
    /// One sentence: the rule that set the level, and the line that proves it.
    pub level_reason: String,
    /// The months of the dated positions that show it, merged (sorted, no overlaps): what an
    /// umbrella skill it implies inherits.
    pub periods: Vec<crate::input::dates::Interval>,
}

impl ClaimedSkill {
    /// A skill the person states themselves (a skills file, the questionnaire): its level counts as
    /// given, and its years fill its months.
    pub fn stated(skill: SkillIdx, level: u8, years: Option<f64>, via: String) -> ClaimedSkill {
        ClaimedSkill {
            skill,
            level,
            years,
            evidence: None,
            via,
            months: years.map(|y| (y * 12.0).round().max(0.0) as u32),
            last_used: None,
            positions: 0,
            evidenced: true,
            level_reason: format!("{level}: stated in the skills file"),
            periods: Vec::new(),
        }
    }
}

/// When a skill was last used: a year, or `"current"` in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LastUsed {
    Year(i32),
    /// In a position that is still going on.
    Current,
}

impl std::fmt::Display for LastUsed {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            LastUsed::Year(year) => write!(f, "{year}"),
            LastUsed::Current => f.write_str("current"),
        }
    }
}

impl Serialize for LastUsed {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            LastUsed::Year(year) => serializer.serialize_i32(*year),
            LastUsed::Current => serializer.serialize_str("current"),
        }
    }
}

impl JsonSchema for LastUsed {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "LastUsed".into()
    }

    fn json_schema(_generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "The year a skill was last used, or \"current\" for a position still going on.",
            "oneOf": [{"type": "integer"}, {"const": "current"}]
        })
    }
}

impl<'de> Deserialize<'de> for LastUsed {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Year(i32),
            Word(String),
        }
        match Written::deserialize(deserializer)? {
            Written::Year(year) => Ok(LastUsed::Year(year)),
            Written::Word(word) if word == "current" => Ok(LastUsed::Current),
            Written::Word(word) => Err(serde::de::Error::custom(format!(
                "last_used must be a year or \"current\", found {word:?}"
            ))),
        }
    }
}

/// A name that matched no skill.
// Reading a saved report allows other fields here; the schema of what is written does not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Unrecognized {
    pub input: String,
    #[serde(default)]
    pub suggestion: Option<String>,
}

/// A person's skills, whatever the source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Skills {
    pub name: Option<String>,
    /// Where the skills came from: a path, `-` for stdin, or `questionnaire`.
    pub source: String,
    pub years_experience: Option<f64>,
    pub skills: Vec<ClaimedSkill>,
    pub unrecognized: Vec<Unrecognized>,
    /// The unrecognized names past the [`MAX_UNRECOGNIZED`] listed ones, as written: not in a
    /// report, but kept, so that `--from F --save F` writes back every name F had.
    pub unrecognized_beyond: Vec<String>,
    /// Notes about the input that did not stop it being read (lenient JSON, ignored fields, …).
    pub warnings: Vec<String>,
    /// Role ids the person chose to focus on (saved by the questionnaire).
    pub roles: Vec<String>,
    /// True for a résumé (text, Markdown, JSON Resume): a skill only listed is claimed, not
    /// shown, and an essential requirement needs a skill that is shown. False for the person's own
    /// statement (a skills file, the questionnaire), where every entry counts as given.
    pub needs_evidence: bool,
    /// The dated positions of a résumé, with the skills each one's own text shows: what the years
    /// relevant to a role are counted from.
    pub positions: Vec<WorkPosition>,
}

/// A dated position of a résumé, as scoring reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkPosition {
    /// The header as written, dates removed.
    pub title: String,
    pub interval: crate::input::dates::Interval,
    pub kind: PositionKind,
    /// The skills found directly in its text (its header and bullets, not what they imply), each
    /// with the months it shows them: the position's range, or a sub-period written beside them.
    pub skills: Vec<(SkillIdx, crate::input::dates::Interval)>,
}

/// How a position's months count toward experience in a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PositionKind {
    /// A job: its months count in full.
    Job,
    /// An internship, a trainee or apprentice post: its months count half.
    Internship,
    /// Tutoring, a teaching assistantship, or a clearly non-technical job (retail, hospitality):
    /// its months are work, but never experience in a technical role.
    NotCounted,
}

impl Skills {
    pub fn new(source: impl Into<String>) -> Skills {
        Skills {
            source: source.into(),
            ..Skills::default()
        }
    }

    /// Adds a skill; a skill seen again keeps the higher level (with what set it), the first
    /// evidence and the larger number of years.
    pub fn add(&mut self, claim: ClaimedSkill) {
        if let Some(existing) = self.skills.iter_mut().find(|s| s.skill == claim.skill) {
            let years = match (existing.years, claim.years) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            };
            if claim.level > existing.level {
                let evidence = claim.evidence.clone().or(existing.evidence.take());
                *existing = ClaimedSkill { evidence, ..claim };
            } else if existing.evidence.is_none() {
                existing.evidence = claim.evidence;
            }
            existing.years = years;
        } else {
            self.skills.push(claim);
        }
    }

    /// Resolves `name` through the catalog and adds it as the person's own statement, or records
    /// it as unrecognized.
    pub fn add_named(
        &mut self,
        catalog: &Catalog,
        name: &str,
        level: u8,
        years: Option<f64>,
        evidence: Option<String>,
    ) -> Option<SkillIdx> {
        let (skill, via) = self.resolve_named(catalog, name)?;
        self.add(ClaimedSkill {
            evidence,
            ..ClaimedSkill::stated(skill, level, years, via)
        });
        Some(skill)
    }

    /// Resolves `name` through the catalog: the skill and how it was recognized, or `None` after
    /// recording it as unrecognized (with a suggestion when one is close).
    pub fn resolve_named(&mut self, catalog: &Catalog, name: &str) -> Option<(SkillIdx, String)> {
        // Past MAX_UNRECOGNIZED unknown names (a list of 100,000 made-up skills), names are only
        // looked up exactly: the misspelling search and the duplicate check would cost minutes.
        let flooded = self.unrecognized.len() >= MAX_UNRECOGNIZED;
        let resolution = if flooded || name.len() > MAX_FUZZY_NAME {
            catalog.resolve_exactly(name)
        } else {
            catalog.resolve(name)
        };
        match resolution.skill() {
            Some(skill) => Some((skill, resolution.via())),
            None => {
                let suggestion = match resolution {
                    Resolution::Unrecognized { suggestion } => {
                        suggestion.map(|i| catalog.skill(i).id.clone())
                    }
                    _ => None,
                };
                let input = name.trim().to_string();
                if flooded {
                    if !input.is_empty() {
                        if self.unrecognized_beyond.is_empty() {
                            self.warnings.push(format!(
                                "more than {MAX_UNRECOGNIZED} unrecognized names; only the first {MAX_UNRECOGNIZED} are listed"
                            ));
                        }
                        self.unrecognized_beyond.push(input);
                    }
                } else if !input.is_empty() && !self.unrecognized.iter().any(|u| u.input == input) {
                    self.unrecognized.push(Unrecognized { input, suggestion });
                }
                None
            }
        }
    }

    /// The level held in `skill`, 0 when not listed.
    pub fn level_of(&self, skill: SkillIdx) -> u8 {
        self.skills
            .iter()
            .find(|s| s.skill == skill)
            .map_or(0, |s| s.level)
    }
}

#[cfg(test)]
mod tests {
    use super::level_from_word;

    #[test]
    fn level_words() {
        assert_eq!(level_from_word("Working"), Some(2));
        assert_eq!(level_from_word("expert"), Some(4));
        assert_eq!(level_from_word("Master"), Some(4));
        assert_eq!(level_from_word("Beginner"), Some(1));
        assert_eq!(level_from_word("Advanced"), Some(3));
        assert_eq!(level_from_word("guru"), None);
    }
}
