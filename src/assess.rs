//! Scoring: a person's [`Skills`] against role profiles, producing the [`Report`]. Pure: no I/O, no
//! formatting, the same inputs always give the same report.
//!
//! The model, in the order it is applied (the README explains it with a worked example):
//!
//! 1. **Effective level** of each skill: the level the person gives, or the level of a skill that
//!    implies it (capped at 3, "proficient": nobody is an expert by implication), or a related skill's
//!    level × its credit (*partial*). The highest of the three counts. On a résumé, a skill only
//!    claimed (listed, never shown) counts as [`CLAIMED_LEVEL`].
//! 2. **Credit** of a requirement at a tier: effective level ÷ required level, capped at 1.
//! 3. **Tier score**: essentials (weight 3) count one by one. In each category, the expected (2) and
//!    situational (1) requirements form a *toolkit*: its credit is its weighted credit over
//!    [`TOOLKIT_BREADTH`] of its weight, at most 1, so covering half a category's tools earns it in
//!    full. Of a profile's elective categories only the best `electives` count. The score is 100 ×
//!    the weighted mean credit of essentials and toolkits, plus up to [`DIFFERENTIATOR_BONUS`] points
//!    for the mean credit of the differentiators; at most 100. An essential requirement the person
//!    does not *show* at half its level (a claim or related credit never does) is **blocking**, and
//!    the tier score is capped by [`blocking_cap`]: 60 less 40 × the share of the tier's essentials
//!    that block, so 20 when every one does.
//! 4. **Target tier**: the band of the years that place the person (`--tier` first): for a résumé
//!    the years relevant to the role (`relevant_years`; entry with no dated experience), for a
//!    statement its `years_experience`. The role's score is the target tier's score. The reported
//!    **tier** is the highest tier up to the target whose band the person meets and whose score
//!    reaches [`FIT_THRESHOLD`].
//! 5. **Gain** of a missing skill: how much the target-tier score really rises when it is raised
//!    to the required level (with what it implies): under the cap that still holds, lifted by the
//!    blocking gaps it clears.
//! 6. **Learning plan**: the gaps of the roles within [`PLAN_WINDOW`] points of the best (or those
//!    chosen), gains weighted by closeness, prerequisites first.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::catalog::{Catalog, SkillIdx};
use crate::input::dates::{self, Interval};
use crate::profile::{CompiledRequirement, Importance, Role, Tier};
use crate::report::{
    CategoryScore, Matched, Missing, PlanItem, Report, ReportSkill, RoleFit, Subject, Text,
    TierScore, SCHEMA_VERSION,
};
use crate::skills::{PositionKind, Skills, WorkPosition, DEFAULT_LEVEL};

/// A tier score at or above this is a fit.
pub const FIT_THRESHOLD: f64 = 60.0;
/// With a blocking essential gap a tier scores at most [`CAP_START`], lowered in proportion to the
/// share of its essentials that block, down to [`CAP_FLOOR`] when all do: one gap and five are not
/// the same, and one missing of a role's three essentials weighs as much as four of its twelve.
pub const CAP_START: f64 = 60.0;
pub const CAP_FLOOR: f64 = 20.0;
/// What a claimed-only skill of a résumé (listed, or named in a summary, but shown in no position,
/// project or publication) counts as, whatever level the list states: below *aware* (1), the
/// lowest level any evidence gives. It never satisfies an essential requirement.
pub const CLAIMED_LEVEL: f64 = 0.8;
/// A position counts toward a role's experience when its own text shows at least this many of the
/// role's skills.
pub const RELEVANT_SKILLS: usize = 2;
/// The share of an internship's months that count as experience.
pub const INTERNSHIP_SHARE: f64 = 0.5;
/// Without `--role`, the learning plan covers the roles within this many points of the best one.
pub const PLAN_WINDOW: f64 = 15.0;
/// An essential requirement with less credit than this is blocking.
pub const BLOCKING_CREDIT: f64 = 0.5;
/// The most that differentiators add to a tier score.
pub const DIFFERENTIATOR_BONUS: f64 = 10.0;
/// The highest level a skill reaches by implication.
pub const IMPLIED_LEVEL_CAP: f64 = 3.0;
/// The highest level knowledge reaches by being what a shown skill needs
/// ([`Catalog::known_prerequisites`]): working. Training transformers for years shows working
/// backpropagation, not a mathematician's.
pub const PREREQUISITE_LEVEL_CAP: f64 = crate::extract::levels::PREREQUISITE_LEVEL_CAP as f64;
/// The share of a category's expected and situational weight that earns the category in full: the
/// source lists toolkits ("W&B, MLflow, DVC, Ray, Kubeflow"), and nobody is expected to know all.
pub const TOOLKIT_BREADTH: f64 = 0.5;
/// The least share of a tier's weight its essential requirements carry (a toolkit weighs
/// [`TOOLKIT_BREADTH`] of its requirements' weights, what earns it in full).
pub const ESSENTIAL_SHARE: f64 = 0.30;

/// What the caller wants scored.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Score every role at this tier instead of the person's experience band.
    pub tier: Option<Tier>,
    /// Keep only the best N roles.
    pub top: Option<usize>,
    /// With `Some(n)`, the learning plan covers at most the n best roles that score within
    /// [`PLAN_WINDOW`] points of the best, each step's gain weighted by how close its role is; with
    /// `None`, every reported role in full (the roles chosen with `--role`). A plan summed over every
    /// role would send a deep-learning engineer to learn annotation tools first.
    pub plan_roles: Option<usize>,
}

/// How many near roles the command line's learning plan covers at most when no `--role` is given.
pub const DEFAULT_PLAN_ROLES: usize = 3;

/// How much a requirement of this importance weighs in the tier score (differentiators only add).
pub fn weight(importance: Importance) -> f64 {
    match importance {
        Importance::Essential => 3.0,
        Importance::Expected => 2.0,
        Importance::Situational => 1.0,
        Importance::Differentiator => 0.0,
    }
}

/// Rounds to one decimal, the precision of every score in a report, a half away from zero. A
/// score is a ratio of small sums, so a value that should be exactly a half (17.25) comes out of
/// floating point a hair either side of it; [`ROUNDING_SLACK`] puts it back on the half, so that
/// how a sum was added up never decides which way it rounds.
pub fn round1(value: f64) -> f64 {
    let tenths = value * 10.0;
    (tenths + ROUNDING_SLACK.copysign(tenths)).round() / 10.0
}

/// How far below a half (in tenths) a score still rounds up: far above floating-point noise
/// (about 10⁻¹²), far below any real difference between scores.
const ROUNDING_SLACK: f64 = 1e-6;

/// Where an effective level comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Source {
    /// The person's own entry (index into `Skills::skills`).
    Listed(usize),
    /// Implied by a skill the person has.
    Implied(SkillIdx),
    /// Knowledge a shown skill needs (its prerequisite, not a tool).
    Needed(SkillIdx),
    /// Partial credit from a related skill.
    Related(SkillIdx, f64),
}

#[derive(Debug, Clone, Copy)]
struct Held {
    level: f64,
    source: Source,
    /// Whether the skill it comes from is shown (always, for a person's own statement).
    evidenced: bool,
}

/// The person's effective level in every catalog skill.
struct Levels<'a> {
    held: Vec<Option<Held>>,
    /// `held`'s levels, 0 for a skill not held: what scoring reads.
    flat: Vec<f64>,
    /// The level each skill is *shown* at, by the person's own evidenced skills or what they
    /// imply (never by related credit or a claim alone): what satisfies an essential requirement.
    proof: Vec<f64>,
    /// Knowledge under what the person shows, however deep (deep learning → backpropagation →
    /// calculus): never scored beyond the one hop of [`PREREQUISITE_LEVEL_CAP`], but never a
    /// step the learning plan puts first either. Someone who trains models is not told to learn
    /// calculus before anything else.
    grounded: Vec<bool>,
    skills: &'a Skills,
}

fn set_max(
    held: &mut [Option<Held>],
    skill: SkillIdx,
    level: f64,
    source: Source,
    evidenced: bool,
) {
    if level <= 0.0 {
        return;
    }
    match held[skill] {
        Some(existing) if existing.level >= level => {}
        _ => {
            held[skill] = Some(Held {
                level,
                source,
                evidenced,
            })
        }
    }
}

impl<'a> Levels<'a> {
    fn new(skills: &'a Skills, catalog: &Catalog) -> Levels<'a> {
        let mut base = vec![None; catalog.skills().len()];
        let mut proof = vec![0.0f64; catalog.skills().len()];
        // A claim counts at its level when shown (or stated by the person), else as CLAIMED_LEVEL.
        let counted = |claim: &crate::skills::ClaimedSkill| {
            let shown = claim.evidenced || !skills.needs_evidence;
            let level = f64::from(claim.level);
            (
                if shown {
                    level
                } else {
                    level.min(CLAIMED_LEVEL)
                },
                shown,
            )
        };
        for (i, claim) in skills.skills.iter().enumerate() {
            let (level, shown) = counted(claim);
            set_max(&mut base, claim.skill, level, Source::Listed(i), shown);
            if shown {
                proof[claim.skill] = proof[claim.skill].max(level);
            }
        }
        for claim in &skills.skills {
            let (level, shown) = counted(claim);
            let implied_level = level.min(IMPLIED_LEVEL_CAP);
            for &target in catalog.implied_closure(claim.skill) {
                set_max(
                    &mut base,
                    target,
                    implied_level,
                    Source::Implied(claim.skill),
                    shown,
                );
                if shown {
                    proof[target] = proof[target].max(implied_level);
                }
            }
        }
        // Knowledge a shown skill needs is shown with it, at most at working level.
        for claim in &skills.skills {
            let (level, shown) = counted(claim);
            if !shown {
                continue;
            }
            let needed_level = level.min(PREREQUISITE_LEVEL_CAP);
            for &target in catalog.known_prerequisites(claim.skill) {
                set_max(
                    &mut base,
                    target,
                    needed_level,
                    Source::Needed(claim.skill),
                    true,
                );
                proof[target] = proof[target].max(needed_level);
            }
        }
        // Related credit is one hop from what the person has (listed or implied), never chained.
        let mut held = base.clone();
        for (skill, entry) in base.iter().enumerate() {
            let Some(entry) = entry else { continue };
            for &(other, credit) in catalog.related(skill) {
                set_max(
                    &mut held,
                    other,
                    entry.level * credit,
                    Source::Related(skill, credit),
                    entry.evidenced,
                );
            }
        }
        let mut grounded = vec![false; catalog.skills().len()];
        let mut stack: Vec<SkillIdx> = skills
            .skills
            .iter()
            .filter(|c| counted(c).1)
            .map(|c| c.skill)
            .collect();
        while let Some(skill) = stack.pop() {
            for &target in catalog.known_prerequisites(skill) {
                if !grounded[target] {
                    grounded[target] = true;
                    stack.push(target);
                }
            }
        }
        let flat = held.iter().map(|h| h.map_or(0.0, |h| h.level)).collect();
        Levels {
            held,
            flat,
            proof,
            grounded,
            skills,
        }
    }

    fn level(&self, skill: SkillIdx) -> f64 {
        self.flat[skill]
    }

    /// The levels that change if the person reaches `level` in `skill` and shows it: in `changed`,
    /// the skill itself, what it implies, and the related credit both give; in `proved`, the skill
    /// and what it implies (the levels it would be shown at).
    fn raised(
        &self,
        catalog: &Catalog,
        skill: SkillIdx,
        level: f64,
        changed: &mut Vec<(SkillIdx, f64)>,
        proved: &mut Vec<(SkillIdx, f64)>,
    ) {
        changed.clear();
        changed.push((skill, level));
        let implied = level.min(IMPLIED_LEVEL_CAP);
        changed.extend(catalog.implied_closure(skill).iter().map(|&s| (s, implied)));
        let needed = level.min(PREREQUISITE_LEVEL_CAP);
        changed.extend(
            catalog
                .known_prerequisites(skill)
                .iter()
                .map(|&s| (s, needed)),
        );
        proved.clear();
        proved.extend(changed.iter().copied().filter(|&(s, l)| l > self.proof[s]));
        let direct = changed.len();
        for i in 0..direct {
            let (from, from_level) = changed[i];
            for &(other, credit) in catalog.related(from) {
                changed.push((other, from_level * credit));
            }
        }
        changed.retain(|&(s, l)| l > self.level(s));
    }

    fn describe(&self, catalog: &'a Catalog, skill: SkillIdx) -> (Text<'a>, Option<Text<'a>>) {
        match self.held[skill].map(|h| h.source) {
            Some(Source::Listed(i)) => {
                let claim = &self.skills.skills[i];
                (
                    Cow::Borrowed(&claim.via),
                    claim.evidence.as_deref().map(Cow::Borrowed),
                )
            }
            Some(Source::Implied(from)) => (
                Cow::Owned(["implied by ", &catalog.skill(from).id].concat()),
                self.evidence_of(from),
            ),
            Some(Source::Needed(from)) => (
                Cow::Owned(["needed by ", &catalog.skill(from).id].concat()),
                self.evidence_of(from),
            ),
            Some(Source::Related(from, credit)) => (
                Cow::Owned(format!(
                    "partial, via {} ({}% credit)",
                    catalog.skill(from).name,
                    Percent(credit * 100.0)
                )),
                self.evidence_of(from),
            ),
            None => (Cow::Borrowed(""), None),
        }
    }

    fn evidence_of(&self, skill: SkillIdx) -> Option<Text<'a>> {
        self.skills
            .skills
            .iter()
            .find(|c| c.skill == skill)
            .and_then(|c| c.evidence.as_deref().map(Cow::Borrowed))
    }
}

/// A percentage shown as `{:.0}` shows it, without the slow exact float formatting when it is a
/// whole number (credits are round percentages: 0.5, 0.7).
struct Percent(f64);

impl std::fmt::Display for Percent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let whole = self.0.round();
        if (self.0 - whole).abs() < 1e-9 && whole.abs() < 1e15 {
            // Within 1e-9 of a whole number: `{:.0}` rounds to it (no tie to break).
            write!(f, "{}", whole as i64)
        } else {
            write!(f, "{:.0}", self.0)
        }
    }
}

/// The most a tier scores with `blocking` of its `essentials` blocking: 100 with none, else
/// [`CAP_START`] lowered toward [`CAP_FLOOR`] by the share that block.
pub fn blocking_cap(blocking: usize, essentials: usize) -> f64 {
    if blocking == 0 {
        100.0
    } else {
        CAP_START - (CAP_START - CAP_FLOOR) * blocking as f64 / essentials.max(blocking) as f64
    }
}

/// A tier's score, its per-category scores and its blocking requirements.
struct TierResult {
    /// The score, capped by [`blocking_cap`] while anything is blocking.
    score: f64,
    /// The score the credits earn, before the cap.
    uncapped: f64,
    /// Per profile category, its score at this tier (None when nothing in it applies).
    categories: Vec<Option<f64>>,
    /// Indices into `Role::requirements`.
    blocking: Vec<usize>,
    /// How many essential requirements apply at this tier.
    essentials: usize,
}

/// Credit sums of one category at one tier. The weights are sums of small integers, exact in
/// `f64`; the earned credits are sums in fixed point ([`Fixed`]), so that adding and taking away a
/// requirement's credit in any order gives the same sum to the last bit: a gain is computed by
/// changing only the requirements a raised skill touches, and still equals a full re-score.
#[derive(Debug, Clone, Copy, Default)]
struct CategoryCredit {
    essential_weight: f64,
    essential_credit: Fixed,
    toolkit_weight: f64,
    toolkit_credit: Fixed,
    differentiators: f64,
    differentiator_credit: Fixed,
}

/// An earned credit in fixed point: units of 2⁻⁴⁰ (about 10⁻¹²). A sum of a few thousand
/// requirements' credits stays far inside `i64`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Fixed(i64);

impl Fixed {
    const ONE: f64 = (1u64 << 40) as f64;

    fn from_f64(value: f64) -> Fixed {
        Fixed((value * Fixed::ONE).round() as i64)
    }

    fn to_f64(self) -> f64 {
        self.0 as f64 / Fixed::ONE
    }
}

impl std::ops::AddAssign for Fixed {
    fn add_assign(&mut self, other: Fixed) {
        self.0 += other.0;
    }
}

impl std::ops::SubAssign for Fixed {
    fn sub_assign(&mut self, other: Fixed) {
        self.0 -= other.0;
    }
}

impl CategoryCredit {
    /// The toolkit's credit: its weighted credit over [`TOOLKIT_BREADTH`] of its weight, at most 1.
    fn toolkit(&self) -> f64 {
        if self.toolkit_weight == 0.0 {
            0.0
        } else {
            (self.toolkit_credit.to_f64() / (TOOLKIT_BREADTH * self.toolkit_weight)).min(1.0)
        }
    }

    /// Weight and earned credit of the category's core (essentials and toolkit).
    fn core(&self) -> (f64, f64) {
        let sums = Sums::of(self);
        (
            sums.essential_weight + sums.toolkit_weight,
            sums.essential_credit + sums.toolkit_credit,
        )
    }

    fn score(&self) -> Option<f64> {
        let (weight, credit) = self.core();
        if weight > 0.0 {
            Some(100.0 * credit / weight)
        } else if self.differentiators > 0.0 {
            Some(100.0 * self.differentiator_credit.to_f64() / self.differentiators)
        } else {
            None
        }
    }
}

fn score_tier(role: &Role, tier: Tier, levels: &Levels) -> TierResult {
    let mut categories = vec![CategoryCredit::default(); role.profile.categories.len()];
    let mut blocking = Vec::new();
    accumulate(role, tier, levels, &mut categories, |i| blocking.push(i));
    let uncapped = total(role, &categories);
    let essentials = role
        .requirements
        .iter()
        .filter(|r| r.importance == Importance::Essential && r.levels.get(tier).is_some())
        .count();
    let score = uncapped.min(blocking_cap(blocking.len(), essentials));
    TierResult {
        essentials,
        score,
        uncapped,
        categories: categories.iter().map(CategoryCredit::score).collect(),
        blocking,
    }
}

/// What a gain compares against: a tier's per-category credit sums, each requirement's earned
/// credit now, and the requirements on each skill, so that raising a few skills changes only the
/// requirements on them: the cost of a gain does not grow with the size of its category. The sums
/// are fixed point ([`Fixed`]), so the changed totals are bit-for-bit those of a full re-score.
struct GainBase {
    tier: Tier,
    credits: Vec<CategoryCredit>,
    /// Per requirement, what it earns at the tier with the person's levels (unused when the
    /// requirement does not apply at the tier).
    requirement_earned: Vec<Fixed>,
    /// Per catalog skill, the requirements on it that apply at the tier.
    requirements_of: Vec<Vec<usize>>,
}

impl GainBase {
    fn new(role: &Role, tier: Tier, levels: &Levels) -> GainBase {
        let mut credits = vec![CategoryCredit::default(); role.profile.categories.len()];
        accumulate(role, tier, levels, &mut credits, |_| {});
        let mut requirements_of = vec![Vec::new(); levels.held.len()];
        let mut requirement_earned = vec![Fixed::default(); role.requirements.len()];
        for (i, req) in role.requirements.iter().enumerate() {
            if let Some(required) = req.levels.get(tier) {
                requirement_earned[i] =
                    earned(req.importance, credit(levels.level(req.skill), required));
                if let Some(list) = requirements_of.get_mut(req.skill) {
                    list.push(i);
                }
            }
        }
        GainBase {
            tier,
            credits,
            requirement_earned,
            requirements_of,
        }
    }

    /// The tier's score before the blocking cap with the levels in `trial`, which differ from the
    /// person's only for the skills in `changed` (a skill may appear more than once there): each
    /// requirement on a changed skill trades what it earns now for what it earns at the trial
    /// level, in a reused copy of the sums.
    fn uncapped_with(
        &self,
        role: &Role,
        changed: &[(SkillIdx, f64)],
        trial: &[f64],
        scratch: &mut Vec<CategoryCredit>,
    ) -> f64 {
        scratch.clear();
        scratch.extend_from_slice(&self.credits);
        for (n, &(skill, _)) in changed.iter().enumerate() {
            if changed[..n].iter().any(|&(earlier, _)| earlier == skill) {
                continue;
            }
            let Some(requirements) = self.requirements_of.get(skill) else {
                continue;
            };
            for &i in requirements {
                let req = &role.requirements[i];
                let Some(required) = req.levels.get(self.tier) else {
                    continue;
                };
                let now = self.requirement_earned[i];
                let then = earned(req.importance, credit(trial[skill], required));
                move_earned(&mut scratch[req.category], req.importance, now, then);
            }
        }
        total(role, scratch)
    }
}

/// Adds every requirement's credit at `tier` to its category; `blocking` hears of each essential
/// requirement the person does not *show* at half its level or more ([`BLOCKING_CREDIT`]): a claim
/// or related credit counts toward the score, never toward an essential.
fn accumulate(
    role: &Role,
    tier: Tier,
    levels: &Levels,
    categories: &mut [CategoryCredit],
    mut blocking: impl FnMut(usize),
) {
    for (i, req) in role.requirements.iter().enumerate() {
        let Some(required) = req.levels.get(tier) else {
            continue;
        };
        add_credit(
            &mut categories[req.category],
            req,
            required,
            levels.level(req.skill),
        );
        if is_blocking(req, required, levels.proof[req.skill]) {
            blocking(i);
        }
    }
}

/// Whether a requirement blocks: an essential one not shown at half its level.
fn is_blocking(req: &CompiledRequirement, required: u8, shown: f64) -> bool {
    req.importance == Importance::Essential && credit(shown, required) < BLOCKING_CREDIT
}

/// Adds one requirement's credit (the person at `level`, `required` asked) to its category's sums.
fn add_credit(category: &mut CategoryCredit, req: &CompiledRequirement, required: u8, level: f64) {
    add_earned(category, req.importance, credit(level, required));
}

/// A requirement's credit: the person at `level`, `required` asked.
fn credit(level: f64, required: u8) -> f64 {
    (level / f64::from(required)).min(1.0)
}

/// Adds a requirement's earned credit to its category's sums.
fn add_earned(category: &mut CategoryCredit, importance: Importance, credit: f64) {
    let earned = earned(importance, credit);
    match importance {
        Importance::Differentiator => {
            category.differentiators += 1.0;
            category.differentiator_credit += earned;
        }
        Importance::Essential => {
            category.essential_weight += weight(importance);
            category.essential_credit += earned;
        }
        Importance::Expected | Importance::Situational => {
            category.toolkit_weight += weight(importance);
            category.toolkit_credit += earned;
        }
    }
}

/// What a requirement of `importance` earns with `credit`: its weight × the credit (a
/// differentiator's credit alone), in fixed point.
fn earned(importance: Importance, credit: f64) -> Fixed {
    match importance {
        Importance::Differentiator => Fixed::from_f64(credit),
        _ => Fixed::from_f64(weight(importance) * credit),
    }
}

/// Changes a category's earned sums by one requirement's credit moving from `from` to `to`.
fn move_earned(category: &mut CategoryCredit, importance: Importance, from: Fixed, to: Fixed) {
    let sum = match importance {
        Importance::Differentiator => &mut category.differentiator_credit,
        Importance::Essential => &mut category.essential_credit,
        Importance::Expected | Importance::Situational => &mut category.toolkit_credit,
    };
    *sum -= from;
    *sum += to;
}

/// Weight and earned credit of a set of categories, essentials and toolkits apart.
#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    essential_weight: f64,
    essential_credit: f64,
    toolkit_weight: f64,
    toolkit_credit: f64,
}

impl Sums {
    fn of(category: &CategoryCredit) -> Sums {
        let toolkit = TOOLKIT_BREADTH * category.toolkit_weight;
        Sums {
            essential_weight: category.essential_weight,
            essential_credit: category.essential_credit.to_f64(),
            toolkit_weight: toolkit,
            toolkit_credit: toolkit * category.toolkit(),
        }
    }

    fn add(self, other: Sums) -> Sums {
        Sums {
            essential_weight: self.essential_weight + other.essential_weight,
            essential_credit: self.essential_credit + other.essential_credit,
            toolkit_weight: self.toolkit_weight + other.toolkit_weight,
            toolkit_credit: self.toolkit_credit + other.toolkit_credit,
        }
    }

    /// The mean credit, essentials weighing at least [`ESSENTIAL_SHARE`] of the whole: where the
    /// toolkits are long (a broad profile, a job posting listing twenty tools), each essential
    /// weighs more, so that a list of tools never outweighs what defines the role. None when
    /// nothing applies.
    fn mean(self) -> Option<f64> {
        let (e, t) = (self.essential_weight, self.toolkit_weight);
        if e + t <= 0.0 {
            return None;
        }
        let scale = self.essential_scale();
        Some((scale * self.essential_credit + self.toolkit_credit) / (scale * e + t))
    }
}

impl Sums {
    /// The scale [`Sums::mean`] gives the essentials' weight.
    fn essential_scale(self) -> f64 {
        let (e, t) = (self.essential_weight, self.toolkit_weight);
        if e > 0.0 {
            (ESSENTIAL_SHARE * t / ((1.0 - ESSENTIAL_SHARE) * e)).max(1.0)
        } else {
            1.0
        }
    }
}

/// The share of `role`'s weight at `tier` its essentials carry, with the heaviest elective
/// categories counted (the least share any choice gives): `(as written, as scored)`, the second
/// with the [`ESSENTIAL_SHARE`] floor. None when nothing applies at the tier.
pub fn essential_share(role: &Role, tier: Tier) -> Option<(f64, f64)> {
    let mut weights = vec![CategoryCredit::default(); role.profile.categories.len()];
    for req in &role.requirements {
        if req.levels.get(tier).is_some() {
            add_earned(&mut weights[req.category], req.importance, 0.0);
        }
    }
    let mut core = Sums::default();
    let mut electives: Vec<Sums> = Vec::new();
    for (category, credit) in role.profile.categories.iter().zip(&weights) {
        if category.elective {
            electives.push(Sums::of(credit));
        } else {
            core = core.add(Sums::of(credit));
        }
    }
    electives.sort_by(|a, b| {
        (b.essential_weight + b.toolkit_weight).total_cmp(&(a.essential_weight + a.toolkit_weight))
    });
    for elective in electives.iter().take(role.profile.electives.unwrap_or(0)) {
        core = core.add(*elective);
    }
    let (e, t) = (core.essential_weight, core.toolkit_weight);
    if e + t <= 0.0 {
        return None;
    }
    let scaled = core.essential_scale() * e;
    Some((e / (e + t), scaled / (scaled + t)))
}

/// The mean credit of the core with the `count` elective categories that give it the highest
/// one: every choice of `count` is tried (a profile has a handful), so that learning more never
/// lowers a score by changing the choice.
fn best_electives(core: Sums, electives: &[Sums], count: usize) -> Option<f64> {
    fn search(electives: &[Sums], left: usize, sums: Sums, best: &mut Option<f64>) {
        if left == 0 || electives.is_empty() {
            if let Some(mean) = sums.mean() {
                if best.is_none_or(|b| mean > b) {
                    *best = Some(mean);
                }
            }
            return;
        }
        // Take the first, or (when enough remain) skip it.
        search(&electives[1..], left - 1, sums.add(electives[0]), best);
        if electives.len() > left {
            search(&electives[1..], left, sums, best);
        }
    }
    let mut best = None;
    search(electives, count.min(electives.len()), core, &mut best);
    best
}

/// The score the categories' credits earn (at most 100), before any blocking cap: 100 × the mean
/// credit of essentials and toolkits ([`Sums::mean`]), of a profile's elective categories only the
/// best [`crate::profile::Profile::electives`] ([`best_electives`]), plus the differentiators'
/// bonus.
fn total(role: &Role, categories: &[CategoryCredit]) -> f64 {
    let profile = &role.profile;
    let mut core = Sums::default();
    let mut electives: Vec<Sums> = Vec::new();
    for (category, credit) in profile.categories.iter().zip(categories) {
        let sums = Sums::of(credit);
        if !category.elective {
            core = core.add(sums);
        } else if sums.essential_weight + sums.toolkit_weight > 0.0 {
            electives.push(sums);
        }
    }
    let mean = best_electives(core, &electives, profile.electives.unwrap_or(0));
    let differentiators: f64 = categories.iter().map(|c| c.differentiators).sum();
    let differentiator_credit = (categories.iter())
        .map(|c| c.differentiator_credit.0)
        .sum::<i64>();
    let differentiator_credit = Fixed(differentiator_credit).to_f64();
    let score = match (mean, differentiators > 0.0) {
        (Some(mean), true) => {
            100.0 * mean + DIFFERENTIATOR_BONUS * differentiator_credit / differentiators
        }
        (Some(mean), false) => 100.0 * mean,
        (None, true) => 100.0 * differentiator_credit / differentiators,
        (None, false) => 0.0,
    };
    score.min(100.0)
}

/// The tiers a role can be scored at: defined by the profile, with at least one requirement.
fn scored_tiers(role: &Role) -> Vec<Tier> {
    Tier::ALL
        .into_iter()
        .filter(|&t| {
            role.profile.band(t).is_some()
                && role.requirements.iter().any(|r| r.levels.get(t).is_some())
        })
        .collect()
}

/// The years of a résumé's positions that count toward `role`: the months of each position whose
/// own text shows at least [`RELEVANT_SKILLS`] of the role's skills, one of them not generic
/// (Python and Docker show a technical job, not which one), over the months it shows them;
/// overlaps once, an internship's at [`INTERNSHIP_SHARE`], tutoring and non-technical jobs not at
/// all.
fn relevant_years(relevant: &[(&WorkPosition, Vec<Interval>)]) -> f64 {
    // The months shown in jobs, and in internships.
    let mut jobs: Vec<Interval> = Vec::new();
    let mut internships: Vec<Interval> = Vec::new();
    for (position, shown) in relevant {
        let counted = match position.kind {
            PositionKind::Internship => &mut internships,
            _ => &mut jobs,
        };
        counted.extend(shown.iter().copied());
    }
    // A month counts once: in full under a job, else at the internship share.
    let months = |intervals: &[Interval]| -> i32 {
        dates::merge(intervals).iter().map(|i| i.months()).sum()
    };
    let in_jobs = months(&jobs);
    jobs.extend(internships);
    let internship_only = months(&jobs) - in_jobs;
    round1((f64::from(in_jobs) + INTERNSHIP_SHARE * f64::from(internship_only)) / 12.0)
}

/// The positions that count toward `role` (see [`relevant_years`]), each with the months it shows
/// the role's skills.
fn relevant_positions<'p>(
    role: &Role,
    positions: &'p [WorkPosition],
    catalog: &Catalog,
) -> Vec<(&'p WorkPosition, Vec<Interval>)> {
    let requires = |skill: SkillIdx| role.requirements.iter().any(|r| r.skill == skill);
    let mut relevant = Vec::new();
    for position in positions {
        if position.kind == PositionKind::NotCounted {
            continue;
        }
        let shown: Vec<&(SkillIdx, Interval)> = position
            .skills
            .iter()
            .filter(|(skill, _)| requires(*skill))
            .collect();
        let mut distinct: Vec<SkillIdx> = shown.iter().map(|(skill, _)| *skill).collect();
        distinct.sort_unstable();
        distinct.dedup();
        let specific = distinct.iter().any(|&s| !catalog.skill(s).generic);
        if distinct.len() < RELEVANT_SKILLS || !specific {
            continue;
        }
        relevant.push((
            position,
            shown.iter().map(|(_, interval)| *interval).collect(),
        ));
    }
    relevant
}

/// The highest tier whose band's `titles` name the title of the résumé's latest position that
/// shows the role's skills (a VP or a Chief AI Officer is an executive whatever the years).
fn titled_tier(role: &Role, relevant: &[(&WorkPosition, Vec<Interval>)]) -> Option<Tier> {
    let latest = relevant
        .iter()
        .map(|(position, _)| position)
        .max_by_key(|p| (p.interval.end, p.interval.start))?;
    let title = latest.title.to_lowercase();
    let words: Vec<&str> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let named = |term: &String| {
        if term.contains(' ') {
            title.contains(term.as_str())
        } else {
            words.contains(&term.as_str())
        }
    };
    role.profile
        .tiers
        .iter()
        .filter(|band| band.titles.iter().any(named))
        .map(|band| band.id)
        .max()
}

/// What places a person in a role's tiers: the years (for a résumé, those relevant to the role,
/// none when it has no dated experience at all; for the person's own statement, the years it
/// gives), and for a résumé the tier its latest relevant title names.
fn placement(role: &Role, skills: &Skills, catalog: &Catalog) -> (Option<f64>, Option<Tier>) {
    if !skills.needs_evidence {
        return (skills.years_experience, None);
    }
    let relevant = relevant_positions(role, &skills.positions, catalog);
    let years = match skills.years_experience {
        Some(_) => relevant_years(&relevant),
        None => 0.0,
    };
    (Some(years), titled_tier(role, &relevant))
}

/// A role's fit, with the catalog index of each of its missing skills (in the order of `missing`).
fn assess_role<'a>(
    role: &'a Role,
    levels: &Levels<'a>,
    options: &Options,
    catalog: &'a Catalog,
) -> (RoleFit<'a>, Vec<SkillIdx>) {
    let skills = levels.skills;
    let (years, titled) = placement(role, skills, catalog);
    let tiers: Vec<(Tier, TierResult, bool)> = scored_tiers(role)
        .into_iter()
        .map(|t| {
            let in_band = titled.is_some_and(|titled| t <= titled)
                || years.is_none_or(|y| role.profile.band(t).is_some_and(|b| y >= b.min_years));
            (t, score_tier(role, t, levels), in_band)
        })
        .collect();
    let fits = |r: &TierResult| round1(r.score) >= FIT_THRESHOLD;
    let lowest = tiers.first().map_or(Tier::Entry, |t| t.0);
    let target = options
        .tier
        .filter(|t| tiers.iter().any(|(x, _, _)| x == t))
        .unwrap_or_else(|| match years {
            Some(_) => tiers.iter().rev().find(|t| t.2).map_or(lowest, |t| t.0),
            // Only a statement without years: the highest tier its skills fit.
            None => tiers
                .iter()
                .rev()
                .find(|t| fits(&t.1))
                .map_or(lowest, |t| t.0),
        });
    let fit_tier = tiers
        .iter()
        .rev()
        .find(|(t, result, in_band)| *t <= target && *in_band && fits(result))
        .map(|t| t.0);
    let Some((_, target_result, _)) = tiers.iter().find(|t| t.0 == target) else {
        // Validation guarantees every profile has a scored tier; an empty one scores 0.
        return (empty_fit(role, target), Vec::new());
    };
    let score_now = target_result.score;

    let categories = role
        .profile
        .categories
        .iter()
        .zip(&target_result.categories)
        .filter_map(|(category, score)| {
            score.map(|score| CategoryScore {
                id: Cow::Borrowed(&category.id),
                name: Cow::Borrowed(&category.name),
                score: round1(score),
            })
        })
        .collect();

    let mut matched = Vec::new();
    let mut missing = Vec::new();
    // Reused by every gain computation below.
    let mut changed: Vec<(SkillIdx, f64)> = Vec::new();
    let mut proved: Vec<(SkillIdx, f64)> = Vec::new();
    let mut scratch: Vec<CategoryCredit> = Vec::new();
    let gain_base = GainBase::new(role, target, levels);
    // The person's levels with one gap raised at a time (restored after each).
    let mut trial = levels.flat.clone();
    for (i, req) in role.requirements.iter().enumerate() {
        let Some(required) = req.levels.get(target) else {
            continue;
        };
        let skill = catalog.skill(req.skill);
        let current = levels.level(req.skill);
        let blocking = target_result.blocking.contains(&i);
        if let Some(held) = levels.held[req.skill] {
            let (via, evidence) = levels.describe(catalog, req.skill);
            matched.push(Matched {
                skill: Cow::Borrowed(&skill.id),
                name: Cow::Borrowed(&skill.name),
                importance: req.importance,
                level: round1(current),
                required_level: required,
                via,
                evidence,
                partial: matches!(held.source, Source::Related(..)),
                evidenced: held.evidenced,
            });
        }
        if current < f64::from(required) || blocking {
            levels.raised(
                catalog,
                req.skill,
                f64::from(required),
                &mut changed,
                &mut proved,
            );
            for &(s, l) in &changed {
                trial[s] = trial[s].max(l);
            }
            let raised = gain_base.uncapped_with(role, &changed, &trial, &mut scratch);
            for &(s, _) in &changed {
                trial[s] = levels.flat[s];
            }
            // The blocking gaps that showing this skill would clear (itself, or what it implies).
            let cleared = target_result
                .blocking
                .iter()
                .filter(|&&b| {
                    let other = &role.requirements[b];
                    proved.iter().any(|&(s, l)| {
                        s == other.skill
                            && other
                                .levels
                                .get(target)
                                .is_some_and(|r| !is_blocking(other, r, l))
                    })
                })
                .count();
            missing.push((
                Missing {
                    skill: Cow::Borrowed(&skill.id),
                    name: Cow::Borrowed(&skill.name),
                    category: Cow::Borrowed(&role.profile.categories[req.category].id),
                    importance: req.importance,
                    current_level: round1(current),
                    required_level: required,
                    gain: round1(gain(target_result, raised, cleared)),
                    blocking,
                },
                req.skill,
            ));
        }
    }
    matched.sort_by(|a, b| {
        a.partial
            .cmp(&b.partial)
            .then(a.importance.cmp(&b.importance))
            .then(b.level.total_cmp(&a.level))
            .then_with(|| a.skill.cmp(&b.skill))
    });
    // By gain (SPEC §5), a blocking gap first among equal gains.
    missing.sort_by(|(a, _), (b, _)| {
        b.gain
            .total_cmp(&a.gain)
            .then(b.blocking.cmp(&a.blocking))
            .then(a.importance.cmp(&b.importance))
            .then_with(|| a.skill.cmp(&b.skill))
    });
    let (missing, missing_skills): (Vec<Missing>, Vec<SkillIdx>) = missing.into_iter().unzip();
    let blocking = missing
        .iter()
        .filter(|m| m.blocking)
        .map(|m| m.skill.clone())
        .collect();

    let fit = RoleFit {
        id: Cow::Borrowed(&role.profile.id),
        title: Cow::Borrowed(&role.profile.title),
        score: round1(score_now),
        uncapped_score: round1(target_result.uncapped),
        tier: fit_tier,
        target_tier: target,
        relevant_years: if skills.needs_evidence { years } else { None },
        tiers: tiers
            .iter()
            .map(|(tier, result, in_band)| TierScore {
                tier: *tier,
                score: round1(result.score),
                in_band: *in_band,
            })
            .collect(),
        categories,
        blocking,
        matched,
        missing,
    };
    (fit, missing_skills)
}

/// A missing skill's gain: how much the target-tier score really rises when the person reaches
/// the required level in it (with what that implies): its credit raises the uncapped score to
/// `raised_uncapped`, and the `cleared` blocking gaps it shows lift the cap. While other
/// essentials block, a skill that clears none gains only what fits under the cap: the blocking
/// gaps are what to learn first, and their gain is what lifting the cap is worth, computed.
fn gain(now: &TierResult, raised_uncapped: f64, cleared: usize) -> f64 {
    let cap = blocking_cap(now.blocking.len().saturating_sub(cleared), now.essentials);
    (raised_uncapped.min(cap) - now.score).max(0.0)
}

fn empty_fit(role: &Role, target: Tier) -> RoleFit<'_> {
    RoleFit {
        id: Cow::Borrowed(&role.profile.id),
        title: Cow::Borrowed(&role.profile.title),
        score: 0.0,
        uncapped_score: 0.0,
        tier: None,
        target_tier: target,
        relevant_years: None,
        tiers: Vec::new(),
        categories: Vec::new(),
        blocking: Vec::new(),
        matched: Vec::new(),
        missing: Vec::new(),
    }
}

/// Orders roles: highest score first, then the higher fitting tier, then the higher uncapped
/// score (of two roles capped alike, the one the person is otherwise closer to), then by id.
fn compare_roles(a: &RoleFit, b: &RoleFit) -> Ordering {
    b.score
        .total_cmp(&a.score)
        .then(b.tier.cmp(&a.tier))
        .then(b.uncapped_score.total_cmp(&a.uncapped_score))
        .then_with(|| a.id.cmp(&b.id))
}

/// How much each role's gains count in the learning plan (`roles` best first). With `near` =
/// `Some(n)`: the at most n roles within [`PLAN_WINDOW`] points of the best, each at 1 − its
/// distance from the best ÷ the window (the best at 1); the others at 0. With `None`, every role
/// at 1.
fn plan_weights(roles: &[RoleFit], near: Option<usize>) -> Vec<f64> {
    let Some(n) = near else {
        return vec![1.0; roles.len()];
    };
    let best = roles.first().map_or(0.0, |r| r.score);
    roles
        .iter()
        .enumerate()
        .map(|(i, role)| {
            let weight = 1.0 - (best - role.score) / PLAN_WINDOW;
            if i < n && weight > 0.0 {
                weight
            } else {
                0.0
            }
        })
        .collect()
}

/// The learning plan: every missing skill of the roles with a weight, by total weighted gain, with
/// each unlearned prerequisite placed before the skills that need it.
///
/// `missing_skills[r]` holds the catalog index of each of `roles[r].missing`, in the same order;
/// `weights[r]` is what `roles[r]`'s gains count for ([`plan_weights`]).
fn learning_plan<'a>(
    roles: &[RoleFit<'a>],
    missing_skills: &[Vec<SkillIdx>],
    weights: &[f64],
    levels: &Levels<'a>,
    catalog: &'a Catalog,
) -> Vec<PlanItem<'a>> {
    let mut items: Vec<PlanItem<'a>> = Vec::new();
    // The catalog index of each step's skill.
    let mut item_skills: Vec<SkillIdx> = Vec::new();
    // Where each skill's step is in `items`, by catalog index (a skill has at most one step).
    let mut position: Vec<Option<usize>> = vec![None; catalog.skills().len()];
    for ((role, skills), &weight) in roles.iter().zip(missing_skills).zip(weights) {
        if weight <= 0.0 {
            continue;
        }
        // A gap that would not raise the score (its toolkit is already covered) is no step to take.
        for (gap, &gap_skill) in role
            .missing
            .iter()
            .zip(skills)
            .filter(|(g, _)| round1(g.gain * weight) > 0.0)
        {
            let gain = round1(gap.gain * weight);
            match position[gap_skill] {
                Some(k) => {
                    let item = &mut items[k];
                    item.total_gain = round1(item.total_gain + gain);
                    item.target_level = item.target_level.max(gap.required_level);
                    item.roles_improved.push(role.id.clone());
                }
                None => {
                    position[gap_skill] = Some(items.len());
                    item_skills.push(gap_skill);
                    items.push(PlanItem {
                        skill: gap.skill.clone(),
                        name: gap.name.clone(),
                        target_level: gap.required_level,
                        roles_improved: vec![role.id.clone()],
                        total_gain: gain,
                        prerequisite_for: Vec::new(),
                    })
                }
            }
        }
    }
    // Unlearned prerequisites join the plan (transitively), so FSDP never comes before PyTorch.
    let mut i = 0;
    while i < items.len() {
        let skill = item_skills[i];
        // Someone who already works with a skill has, in practice, what it builds on: its
        // prerequisites gate only learning it from scratch.
        if levels.level(skill) >= f64::from(DEFAULT_LEVEL) {
            i += 1;
            continue;
        }
        for &pre in catalog.prerequisites(skill) {
            if levels.level(pre) >= f64::from(DEFAULT_LEVEL) || levels.grounded[pre] {
                continue;
            }
            let dependent = items[i].skill.clone();
            let pre_skill = catalog.skill(pre);
            match position[pre] {
                Some(k) => {
                    let existing = &mut items[k];
                    if !existing.prerequisite_for.contains(&dependent) {
                        existing.prerequisite_for.push(dependent);
                    }
                }
                None => {
                    position[pre] = Some(items.len());
                    item_skills.push(pre);
                    items.push(PlanItem {
                        skill: Cow::Borrowed(&pre_skill.id),
                        name: Cow::Borrowed(&pre_skill.name),
                        target_level: DEFAULT_LEVEL,
                        roles_improved: Vec::new(),
                        total_gain: 0.0,
                        prerequisite_for: vec![dependent],
                    })
                }
            }
        }
        i += 1;
    }
    // Priority: a skill's own gain, or that of anything waiting on it, whichever is higher. Only
    // an unlearned prerequisite of an unlearned skill makes it wait.
    let n = items.len();
    let unlearned = |s: SkillIdx| levels.level(s) < f64::from(DEFAULT_LEVEL) && !levels.grounded[s];
    let prereqs_in_plan: Vec<Vec<usize>> = item_skills
        .iter()
        .map(|&s| {
            if unlearned(s) {
                catalog
                    .prerequisites(s)
                    .iter()
                    .filter(|&&p| unlearned(p))
                    .filter_map(|&p| position[p])
                    .collect()
            } else {
                Vec::new()
            }
        })
        .collect();
    let mut priority: Vec<f64> = items.iter().map(|i| i.total_gain).collect();
    // Propagate down the prerequisite edges until stable (the graph is acyclic, so n rounds suffice).
    for _ in 0..n {
        let mut changed = false;
        for item in 0..n {
            for &pre in &prereqs_in_plan[item] {
                if priority[item] > priority[pre] {
                    priority[pre] = priority[item];
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    // Steps in order: of those whose prerequisites are all placed, the highest priority, then the
    // highest own gain, then by id (Kahn's algorithm with a heap).
    let mut waiting_on: Vec<usize> = prereqs_in_plan.iter().map(Vec::len).collect();
    let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (item, prereqs) in prereqs_in_plan.iter().enumerate() {
        for &pre in prereqs {
            dependents[pre].push(item);
        }
    }
    let ready = |i: usize| Ready {
        priority: priority[i],
        gain: items[i].total_gain,
        skill: &items[i].skill,
        index: i,
    };
    let mut heap: BinaryHeap<Ready> = (0..n).filter(|&i| waiting_on[i] == 0).map(ready).collect();
    let mut order = Vec::with_capacity(n);
    while let Some(next) = heap.pop() {
        order.push(next.index);
        for &dependent in &dependents[next.index] {
            waiting_on[dependent] -= 1;
            if waiting_on[dependent] == 0 {
                heap.push(ready(dependent));
            }
        }
    }
    // Each step is moved out of `items` once, in plan order.
    let mut steps: Vec<Option<PlanItem>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| steps[i].take()).collect()
}

/// A learning-plan step whose prerequisites are all placed; the greatest is placed next.
struct Ready<'a> {
    priority: f64,
    gain: f64,
    skill: &'a str,
    index: usize,
}

impl Ord for Ready<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.priority
            .total_cmp(&other.priority)
            .then(self.gain.total_cmp(&other.gain))
            .then_with(|| other.skill.cmp(self.skill))
            .then(other.index.cmp(&self.index))
    }
}

impl PartialOrd for Ready<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Ready<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Ready<'_> {}

/// Scores `skills` against `roles`.
pub fn assess<'a>(
    skills: &'a Skills,
    roles: &[&'a Role],
    catalog: &'a Catalog,
    options: &Options,
) -> Report<'a> {
    let levels = Levels::new(skills, catalog);
    let mut assessed: Vec<(RoleFit, Vec<SkillIdx>)> = roles
        .iter()
        .map(|role| assess_role(role, &levels, options, catalog))
        .collect();
    assessed.sort_by(|(a, _), (b, _)| compare_roles(a, b));
    if let Some(top) = options.top {
        assessed.truncate(top);
    }
    let (fits, missing_skills): (Vec<RoleFit>, Vec<Vec<SkillIdx>>) = assessed.into_iter().unzip();
    let weights = plan_weights(&fits, options.plan_roles);
    let learning_plan = learning_plan(&fits, &missing_skills, &weights, &levels, catalog);
    let mut warnings = skills.warnings.clone();
    if skills.skills.is_empty() {
        warnings.push(
            "no skills were recognized in this input: every score is 0 and every requirement is a gap".to_string(),
        );
    }
    Report {
        schema_version: SCHEMA_VERSION,
        subject: Subject {
            name: skills.name.clone(),
            source: skills.source.clone(),
            years_experience: skills.years_experience,
        },
        skills: skills
            .skills
            .iter()
            .map(|claim| {
                let skill = catalog.skill(claim.skill);
                ReportSkill {
                    id: Cow::Borrowed(&skill.id),
                    name: Cow::Borrowed(&skill.name),
                    level: claim.level,
                    years: claim.years,
                    evidence: claim.evidence.as_deref().map(Cow::Borrowed),
                    via: Cow::Borrowed(&claim.via),
                    months: claim.months,
                    last_used: claim.last_used,
                    positions: claim.positions,
                    evidenced: claim.evidenced,
                    level_reason: Cow::Borrowed(&claim.level_reason),
                }
            })
            .collect(),
        unrecognized: skills.unrecognized.clone(),
        warnings,
        roles: fits,
        learning_plan,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{
        CompiledRequirement, Profile, ProfileCategory, Requirement, TierBand, TierLevels,
    };
    use crate::skills::ClaimedSkill;

    #[test]
    fn percent_prints_as_the_precision_format_does() {
        for credit in [0.5, 0.7, 0.3, 0.35, 0.125, 0.9, 1.0, 0.333, 0.005] {
            let value = credit * 100.0;
            assert_eq!(
                Percent(value).to_string(),
                format!("{value:.0}"),
                "{value:?}"
            );
        }
    }

    /// A small catalog: python ← pytorch ← fsdp (implies), jax related to pytorch at 50%.
    const CATALOG: &str = r#"{
      "categories": [{"id": "frameworks", "name": "Frameworks"}, {"id": "programming", "name": "Programming"},
                     {"id": "distributed-training", "name": "Distributed training"}, {"id": "hardware", "name": "Hardware"}],
      "skills": [
        {"id": "python", "name": "Python", "category": "programming"},
        {"id": "pytorch", "name": "PyTorch", "category": "frameworks", "aliases": ["torch"], "implies": ["python"], "prerequisites": ["python"]},
        {"id": "jax", "name": "JAX", "category": "frameworks", "related": [{"skill": "pytorch", "credit": 0.5}]},
        {"id": "fsdp", "name": "PyTorch FSDP", "category": "distributed-training", "implies": ["pytorch"], "prerequisites": ["pytorch"]},
        {"id": "tpu", "name": "TPU", "category": "hardware"}
      ]}"#;

    fn catalog() -> Catalog {
        Catalog::from_json(CATALOG).expect("test catalog is valid")
    }

    fn levels(entry: Option<u8>, mid: Option<u8>, senior: Option<u8>) -> TierLevels {
        TierLevels { entry, mid, senior }
    }

    /// pytorch essential 2/3/4, jax expected 1/2/2, python situational 2/2/2, fsdp essential from mid
    /// (–/2/3), tpu differentiator 1/1/1.
    fn role(catalog: &Catalog) -> Role {
        let reqs = [
            (
                "pytorch",
                Importance::Essential,
                levels(Some(2), Some(3), Some(4)),
            ),
            (
                "jax",
                Importance::Expected,
                levels(Some(1), Some(2), Some(2)),
            ),
            (
                "python",
                Importance::Situational,
                levels(Some(2), Some(2), Some(2)),
            ),
            (
                "fsdp",
                Importance::Essential,
                levels(None, Some(2), Some(3)),
            ),
            (
                "tpu",
                Importance::Differentiator,
                levels(Some(1), Some(1), Some(1)),
            ),
        ];
        let profile = Profile {
            id: "test-role".into(),
            title: "Test Role".into(),
            summary: "For tests.".into(),
            source: None,
            salary: None,
            tiers: vec![
                TierBand {
                    id: Tier::Entry,
                    min_years: 0.0,
                    max_years: Some(2.0),
                    titles: Vec::new(),
                    description: None,
                },
                TierBand {
                    id: Tier::Mid,
                    min_years: 3.0,
                    max_years: Some(5.0),
                    titles: Vec::new(),
                    description: None,
                },
                TierBand {
                    id: Tier::Senior,
                    min_years: 6.0,
                    max_years: None,
                    titles: Vec::new(),
                    description: None,
                },
            ],
            related_roles: vec![],
            electives: None,
            categories: vec![ProfileCategory {
                id: "all".into(),
                name: "All".into(),
                elective: false,
                requirements: reqs
                    .iter()
                    .map(|(skill, importance, levels)| Requirement {
                        skill: (*skill).into(),
                        importance: *importance,
                        levels: *levels,
                        source_text: None,
                    })
                    .collect(),
            }],
        };
        let requirements = reqs
            .iter()
            .map(|(skill, importance, levels)| CompiledRequirement {
                skill: catalog.index_of(skill).expect("test skill exists"),
                category: 0,
                importance: *importance,
                levels: *levels,
            })
            .collect();
        Role {
            profile,
            requirements,
            custom: false,
        }
    }

    fn person(catalog: &Catalog, years: Option<f64>, held: &[(&str, u8)]) -> Skills {
        let mut skills = Skills::new("test");
        skills.years_experience = years;
        for (id, level) in held {
            skills.add(ClaimedSkill {
                evidence: Some(format!("line about {id}")),
                ..ClaimedSkill::stated(
                    catalog.index_of(id).expect("test skill exists"),
                    *level,
                    None,
                    "name".into(),
                )
            });
        }
        skills
    }

    fn assess_one(catalog: &Catalog, skills: &Skills, tier: Option<Tier>) -> RoleFit<'static> {
        let role = role(catalog);
        let report = assess(
            skills,
            &[&role],
            catalog,
            &Options {
                tier,
                top: None,
                plan_roles: None,
            },
        );
        report
            .roles
            .into_iter()
            .next()
            .expect("one role")
            .into_owned()
    }

    fn tier_score(fit: &RoleFit, tier: Tier) -> f64 {
        fit.tiers
            .iter()
            .find(|t| t.tier == tier)
            .expect("tier scored")
            .score
    }

    #[test]
    fn partial_credit_is_level_over_required_weighted_by_importance() {
        let c = catalog();
        // Entry: essential pytorch 1/2 → 0.5 (w3). Toolkit: jax related to pytorch at 50% → 0.5/1
        // (w2), python implied by pytorch at 1 → 1/2 (w1): (2·0.5 + 1·0.5) / (0.5 · 3) = 1, so the
        // toolkit earns its whole weight, half of 3. (3·0.5 + 1.5·1) / 4.5 = 66.7. Credit 0.5 is
        // not blocking.
        let fit = assess_one(&c, &person(&c, Some(1.0), &[("pytorch", 1)]), None);
        assert_eq!(fit.target_tier, Tier::Entry);
        assert_eq!(fit.score, 66.7);
        assert!(fit.blocking.is_empty());
        assert_eq!(fit.tier, Some(Tier::Entry));
        // The same at mid (4 years): pytorch 1/3 and fsdp 0 are both under half: blocking, capped.
        let fit = assess_one(&c, &person(&c, Some(4.0), &[("pytorch", 1)]), None);
        assert_eq!(
            fit.blocking,
            vec!["fsdp".to_string(), "pytorch".to_string()]
        );
        // Two blocking gaps: the cap is 60 − 2 × 8.
        assert!(fit.score <= 44.0, "{}", fit.score);
    }

    #[test]
    fn implied_and_related_skills_count() {
        let c = catalog();
        // fsdp 3 implies pytorch and python (capped at 3); jax gets 50% of pytorch's 3 = 1.5.
        // Mid: essentials pytorch 3/3 and fsdp 3/2 → 1 each (w3); toolkit jax 1.5/2 (w2) and python
        // 3/2 → 1 (w1): (1.5 + 1) / 1.5 → 1. (3 + 3 + 3) / 9 = 100; tpu 0 adds nothing.
        let fit = assess_one(&c, &person(&c, Some(4.0), &[("fsdp", 3)]), None);
        assert_eq!(fit.target_tier, Tier::Mid);
        assert_eq!(fit.score, 100.0);
        assert_eq!(fit.tier, Some(Tier::Mid));
        let pytorch = fit
            .matched
            .iter()
            .find(|m| m.skill == "pytorch")
            .expect("pytorch matched");
        assert_eq!(pytorch.via, "implied by fsdp");
        assert_eq!(pytorch.evidence.as_deref(), Some("line about fsdp"));
        let jax = fit
            .matched
            .iter()
            .find(|m| m.skill == "jax")
            .expect("jax matched");
        assert_eq!(jax.level, 1.5);
        assert!(jax.via.starts_with("partial, via PyTorch"), "{}", jax.via);
    }

    #[test]
    fn implication_never_makes_an_expert() {
        let c = catalog();
        // fsdp 4 implies pytorch at 3 only: senior pytorch needs 4 → credit .75.
        let fit = assess_one(&c, &person(&c, Some(7.0), &[("fsdp", 4)]), None);
        let pytorch = fit
            .matched
            .iter()
            .find(|m| m.skill == "pytorch")
            .expect("matched");
        assert_eq!(pytorch.level, 3.0);
        assert!(fit.missing.iter().any(|m| m.skill == "pytorch"));
    }

    #[test]
    fn missing_essential_blocks_and_caps_the_score() {
        let c = catalog();
        // Mid with everything but fsdp: pytorch 3 (w3), toolkit full (half of w3), fsdp 0 (w3):
        // 4.5/7.5 = 60, + tpu 1/1 → +10 = 70 uncapped; fsdp, one of mid's two essentials, missing →
        // capped at 60 − 40 × 1/2 = 40.
        let fit = assess_one(
            &c,
            &person(
                &c,
                Some(4.0),
                &[("pytorch", 3), ("jax", 2), ("python", 2), ("tpu", 1)],
            ),
            None,
        );
        assert_eq!(fit.score, 40.0);
        assert_eq!(fit.uncapped_score, 70.0);
        assert_eq!(fit.blocking, vec!["fsdp".to_string()]);
        let fsdp = &fit.missing[0];
        assert_eq!(fsdp.skill, "fsdp");
        assert!(fsdp.blocking);
        // Its gain: what the score really rises when it no longer blocks, 40 → 100.
        assert_eq!(fsdp.gain, 60.0);
        // Entry has no fsdp requirement: the person fits entry, not mid.
        assert_eq!(fit.tier, Some(Tier::Entry));
    }

    #[test]
    fn gains_are_what_the_score_really_rises() {
        let c = catalog();
        // Mid, pytorch 2: essential pytorch 2/3 (w3 → 2), fsdp 0 (w3, blocking); toolkit jax related
        // 1/2 (w2 → 1) and python implied 2/2 (w1 → 1): 2 / 1.5 → full, 1.5 (half of 3).
        // (2 + 0 + 1.5) / 7.5 = 46.7 uncapped, over the cap of 40 (one of two essentials blocks).
        let fit = assess_one(&c, &person(&c, Some(4.0), &[("pytorch", 2)]), None);
        assert_eq!((fit.score, fit.uncapped_score), (40.0, 46.7));
        let gain = |id: &str| {
            fit.missing
                .iter()
                .find(|m| m.skill == id)
                .expect("missing")
                .gain
        };
        // fsdp: +3/7.5 of its own (40), 86.7 with nothing blocking: 40 → 86.7, +46.7.
        assert_eq!(gain("fsdp"), 46.7);
        // pytorch 2→3: +1/7.5 (13.3) of its own, but fsdp still blocks and the score is at the
        // cap already: nothing. (The toolkit is already full, so jax's rise adds nothing.)
        assert_eq!(gain("pytorch"), 0.0);
        // jax 1→2: nothing, the toolkit is covered.
        assert_eq!(gain("jax"), 0.0);
        // tpu, the only differentiator: its bonus of 10 cannot pass the cap either.
        assert_eq!(gain("tpu"), 0.0);
        assert!(
            fit.missing.windows(2).all(|w| w[0].gain >= w[1].gain),
            "sorted by gain"
        );
    }

    /// Every gap's gain, computed by changing only the requirements the raised skill touches, is
    /// what a full re-score of the person with that skill at the required level gives, for every
    /// built-in role and the examples of each input kind.
    #[test]
    fn every_gain_is_what_a_full_rescore_gives() {
        let catalog = Catalog::builtin().expect("catalog");
        let profiles = crate::profile::builtin_profiles(catalog).expect("profiles");
        let roles: Vec<&Role> = profiles.roles().iter().collect();
        let mut checked = 0;
        for example in [
            "examples/jordan.json",
            "examples/priya.resume.json",
            "examples/cv.md",
        ] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(example);
            let skills = crate::input::read(&path, crate::input::InputFormat::Auto, catalog)
                .expect("the example reads");
            let report = assess(&skills, &roles, catalog, &Options::default());
            let now = Levels::new(&skills, catalog);
            for fit in &report.roles {
                let role = profiles.get(&fit.id).expect("a built-in role");
                let score_now = score_tier(role, fit.target_tier, &now).score;
                for gap in &fit.missing {
                    let mut raised = skills.clone();
                    raised.skills.push(ClaimedSkill::stated(
                        catalog.index_of(&gap.skill).expect("a catalog skill"),
                        gap.required_level,
                        None,
                        "raised".into(),
                    ));
                    let levels = Levels::new(&raised, catalog);
                    let score = score_tier(role, fit.target_tier, &levels).score;
                    assert_eq!(
                        gap.gain,
                        round1((score - score_now).max(0.0)),
                        "{example}: {} in {}",
                        gap.skill,
                        fit.id
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 500, "only {checked} gains checked");
    }

    #[test]
    fn gain_ordering_puts_blocking_essentials_first() {
        let c = catalog();
        // Mid, pytorch 3 only: (3 + 0 + 1.5) / 7.5 = 60 uncapped, capped at 40 by fsdp.
        // fsdp: 40 → 100 once it no longer blocks, 60; tpu: its bonus cannot pass the cap while
        // fsdp blocks, 0; jax: toolkit covered, 0.
        let fit = assess_one(&c, &person(&c, Some(4.0), &[("pytorch", 3)]), None);
        let order: Vec<(&str, f64)> = fit.missing.iter().map(|m| (&*m.skill, m.gain)).collect();
        assert_eq!(order, [("fsdp", 60.0), ("jax", 0.0), ("tpu", 0.0)]);
        assert_eq!((fit.score, fit.uncapped_score), (40.0, 60.0));
        // The README's last line: a résumé that only lists PyTorch has both mid essentials
        // blocking, and the floor of the cap.
        let listed = resume(&c, Some(4.0), &[("pytorch", 3, false)]);
        let fit = assess_one(&c, &listed, Some(Tier::Mid));
        assert_eq!(fit.blocking.len(), 2);
        assert!(fit.score <= CAP_FLOOR, "{}", fit.score);
    }

    #[test]
    fn a_toolkit_is_covered_at_half_its_weight() {
        let half = CategoryCredit {
            toolkit_weight: 6.0,
            toolkit_credit: Fixed::from_f64(1.5),
            ..CategoryCredit::default()
        };
        assert_eq!(half.toolkit(), 0.5);
        let full = CategoryCredit {
            toolkit_weight: 6.0,
            toolkit_credit: Fixed::from_f64(3.0),
            ..CategoryCredit::default()
        };
        assert_eq!(full.toolkit(), 1.0);
        let more = CategoryCredit {
            essential_weight: 3.0,
            essential_credit: Fixed::from_f64(1.5),
            toolkit_weight: 6.0,
            toolkit_credit: Fixed::from_f64(6.0),
            ..CategoryCredit::default()
        };
        // The toolkit weighs half its requirements' weight (3 of 6), what earns it in full.
        assert_eq!(more.score(), Some(100.0 * (1.5 + 3.0) / 6.0));
    }

    #[test]
    fn tier_is_the_highest_band_met_that_clears_the_threshold() {
        let c = catalog();
        let strong = [
            ("fsdp", 4),
            ("pytorch", 4),
            ("jax", 2),
            ("python", 3),
            ("tpu", 1),
        ];
        // 7 years: senior band, everything met → senior.
        let fit = assess_one(&c, &person(&c, Some(7.0), &strong), None);
        assert_eq!(
            (fit.target_tier, fit.tier),
            (Tier::Senior, Some(Tier::Senior))
        );
        assert_eq!(fit.score, 100.0);
        // The same skills at 1 year: the band caps the tier at entry, whatever the skills.
        let fit = assess_one(&c, &person(&c, Some(1.0), &strong), None);
        assert_eq!(
            (fit.target_tier, fit.tier),
            (Tier::Entry, Some(Tier::Entry))
        );
        // Unknown years: the highest tier that fits.
        let fit = assess_one(&c, &person(&c, None, &strong), None);
        assert_eq!(fit.tier, Some(Tier::Senior));
        assert!(fit.tiers.iter().all(|t| t.in_band));
        // --tier forces the target.
        let fit = assess_one(
            &c,
            &person(&c, Some(7.0), &[("pytorch", 2)]),
            Some(Tier::Entry),
        );
        assert_eq!(fit.target_tier, Tier::Entry);
        assert_eq!(fit.score, tier_score(&fit, Tier::Entry));
    }

    #[test]
    fn no_skills_is_said_plainly() {
        let c = catalog();
        let role = role(&c);
        let nobody = person(&c, None, &[]);
        let report = assess(&nobody, &[&role], &c, &Options::default());
        assert!(report.has_no_skills());
        assert!(report
            .warnings
            .iter()
            .any(|w| w.contains("no skills were recognized")));
        assert_eq!(report.roles[0].score, 0.0);
        assert!(!report.roles[0].missing.is_empty());
    }

    #[test]
    fn learning_plan_puts_prerequisites_first() {
        let c = catalog();
        // Nothing known: fsdp (big gain at mid) needs pytorch, which needs python.
        let role = role(&c);
        let nobody = person(&c, Some(4.0), &[]);
        let report = assess(&nobody, &[&role], &c, &Options::default());
        let order: Vec<&str> = report.learning_plan.iter().map(|p| &*p.skill).collect();
        let position = |id: &str| order.iter().position(|s| *s == id).expect("in plan");
        assert!(position("python") < position("pytorch"), "{order:?}");
        assert!(position("pytorch") < position("fsdp"), "{order:?}");
        let python = &report.learning_plan[position("python")];
        assert_eq!(python.prerequisite_for, vec!["pytorch".to_string()]);
    }

    #[test]
    fn prerequisites_of_a_skill_already_held_do_not_gate_the_plan() {
        let c = catalog();
        // PyTorch is held at working level: raising it, or learning FSDP on top of it, waits for
        // nothing, so the plan is ordered by gain alone and nothing is "needed before pytorch".
        let role = role(&c);
        let holder = person(&c, Some(4.0), &[("pytorch", 2)]);
        let report = assess(&holder, &[&role], &c, &Options::default());
        assert!(!report.learning_plan.is_empty());
        for item in &report.learning_plan {
            assert!(
                !item.prerequisite_for.iter().any(|s| s == "pytorch"),
                "{item:?}"
            );
        }
        let gains: Vec<f64> = report.learning_plan.iter().map(|p| p.total_gain).collect();
        assert!(gains.windows(2).all(|w| w[0] >= w[1]), "{gains:?}");
    }

    #[test]
    fn reports_are_deterministic() {
        let c = catalog();
        let role = role(&c);
        let skills = person(&c, Some(4.0), &[("pytorch", 2), ("jax", 1)]);
        let a = serde_json::to_string(&assess(&skills, &[&role], &c, &Options::default()))
            .expect("serializes");
        let b = serde_json::to_string(&assess(&skills, &[&role], &c, &Options::default()))
            .expect("serializes");
        assert_eq!(a, b);
    }

    /// A résumé's skills: (id, level, shown in a position?).
    fn resume(catalog: &Catalog, years: Option<f64>, held: &[(&str, u8, bool)]) -> Skills {
        let mut skills = person(catalog, years, &[]);
        skills.needs_evidence = true;
        for &(id, level, evidenced) in held {
            skills.add(ClaimedSkill {
                evidenced,
                ..ClaimedSkill::stated(
                    catalog.index_of(id).expect("exists"),
                    level,
                    None,
                    "text".into(),
                )
            });
        }
        skills
    }

    #[test]
    fn the_cap_falls_with_each_blocking_gap() {
        assert_eq!(blocking_cap(0, 10), 100.0);
        assert_eq!(blocking_cap(1, 10), 56.0);
        assert_eq!(blocking_cap(2, 10), 52.0);
        assert_eq!(blocking_cap(5, 10), 40.0);
        assert_eq!(blocking_cap(10, 10), CAP_FLOOR);
        // The same share of a shorter list caps the same.
        assert_eq!(blocking_cap(1, 4), blocking_cap(3, 12));
    }

    #[test]
    fn a_claimed_skill_never_satisfies_an_essential() {
        let c = catalog();
        // Entry: PyTorch listed at 3 but shown nowhere. Its essential requirement blocks; as a
        // claim it counts CLAIMED_LEVEL (0.8 of the 2 asked).
        let claimed = resume(&c, None, &[("pytorch", 3, false)]);
        let fit = assess_one(&c, &claimed, None);
        assert_eq!(fit.blocking, vec!["pytorch".to_string()]);
        assert_eq!(fit.tier, None);
        assert!(fit.score < CAP_START);
        let pytorch = fit
            .matched
            .iter()
            .find(|m| m.skill == "pytorch")
            .expect("matched");
        assert_eq!(pytorch.level, CLAIMED_LEVEL);
        assert!(!pytorch.evidenced);
        // Its gain is what showing it is worth: the cap lifts.
        let gap = fit
            .missing
            .iter()
            .find(|m| m.skill == "pytorch")
            .expect("a gap");
        assert!(gap.blocking && gap.gain > 0.0, "{gap:?}");
        // Shown in a position, the same level satisfies it.
        let shown = resume(&c, None, &[("pytorch", 3, true)]);
        let fit = assess_one(&c, &shown, None);
        assert!(fit.blocking.is_empty());
        assert_eq!(fit.tier, Some(Tier::Entry));
        // The person's own statement (a skills file) needs no proof.
        let stated = person(&c, None, &[("pytorch", 3)]);
        assert!(assess_one(&c, &stated, None).blocking.is_empty());
    }

    #[test]
    fn a_resume_without_dates_targets_entry() {
        let c = catalog();
        // Everything shown at expert, but no dated position: the target is entry, not "the highest
        // tier that fits".
        let strong = resume(
            &c,
            None,
            &[("pytorch", 4, true), ("fsdp", 4, true), ("jax", 2, true)],
        );
        let fit = assess_one(&c, &strong, None);
        assert_eq!(fit.target_tier, Tier::Entry);
        assert_eq!(fit.relevant_years, Some(0.0));
    }

    #[test]
    fn related_credit_is_partial_and_never_satisfies_an_essential() {
        let c = catalog();
        // A role where JAX is essential; the person shows PyTorch 4, related to JAX at 50 %: JAX
        // is credited 2 (partial), but its essential requirement still blocks.
        let mut role = role(&c);
        let jax = c.index_of("jax").expect("exists");
        for req in &mut role.requirements {
            if req.skill == jax {
                req.importance = Importance::Essential;
            }
        }
        let skills = person(&c, Some(1.0), &[("pytorch", 4)]);
        let report = assess(&skills, &[&role], &c, &Options::default());
        let fit = &report.roles[0];
        let matched = fit
            .matched
            .iter()
            .find(|m| m.skill == "jax")
            .expect("credited");
        assert!(matched.partial);
        assert_eq!(matched.level, 2.0);
        assert!(
            fit.blocking.contains(&Cow::Borrowed("jax")),
            "{:?}",
            fit.blocking
        );
    }

    fn interval(from: i32, to: i32) -> Interval {
        Interval {
            start: from * 12,
            end: to * 12,
        }
    }

    fn position(kind: PositionKind, span: Interval, skills: &[SkillIdx]) -> WorkPosition {
        WorkPosition {
            title: "a position".into(),
            interval: span,
            kind,
            skills: skills.iter().map(|&s| (s, span)).collect(),
        }
    }

    /// The years of `positions` relevant to `role`.
    fn relevant_years(role: &Role, positions: &[WorkPosition], catalog: &Catalog) -> f64 {
        super::relevant_years(&relevant_positions(role, positions, catalog))
    }

    /// The tier the latest of `positions` relevant to `role` is titled for.
    fn titled_tier(role: &Role, positions: &[WorkPosition], catalog: &Catalog) -> Option<Tier> {
        super::titled_tier(role, &relevant_positions(role, positions, catalog))
    }

    #[test]
    fn relevant_years_count_positions_that_show_two_of_the_roles_skills() {
        let c = catalog();
        let role = role(&c);
        let skill = |id: &str| c.index_of(id).expect("exists");
        let (pytorch, jax, fsdp) = (skill("pytorch"), skill("jax"), skill("fsdp"));
        let job = position(PositionKind::Job, interval(2018, 2022), &[pytorch, jax]);
        assert_eq!(relevant_years(&role, std::slice::from_ref(&job), &c), 4.0);
        // One role skill is not enough.
        let thin = position(PositionKind::Job, interval(2010, 2018), &[pytorch]);
        assert_eq!(relevant_years(&role, &[thin, job.clone()], &c), 4.0);
        // Overlaps count once; an internship counts half, where no job covers it.
        let overlap = position(PositionKind::Job, interval(2020, 2023), &[jax, fsdp]);
        let intern = position(PositionKind::Internship, interval(2016, 2018), &[jax, fsdp]);
        assert_eq!(
            relevant_years(&role, &[job.clone(), overlap, intern], &c),
            6.0
        );
        // Tutoring and non-technical jobs never count.
        let tutor = position(
            PositionKind::NotCounted,
            interval(2012, 2018),
            &[pytorch, jax],
        );
        assert_eq!(relevant_years(&role, &[tutor, job.clone()], &c), 4.0);
        // A sub-period narrows a position to the months it shows the skills.
        let mut narrowed = job;
        narrowed.skills = vec![(pytorch, interval(2021, 2022)), (jax, interval(2021, 2022))];
        assert_eq!(relevant_years(&role, &[narrowed], &c), 1.0);
    }

    #[test]
    fn the_plan_covers_only_roles_near_the_best() {
        let base = role(&catalog());
        let fit = |id: &'static str, score: f64| RoleFit {
            id: Cow::Borrowed(id),
            score,
            ..empty_fit(&base, Tier::Entry)
        };
        let roles = [
            fit("a", 80.0),
            fit("b", 74.0),
            fit("c", 60.0),
            fit("d", 79.0),
        ];
        let weights = plan_weights(&roles, Some(3));
        assert_eq!(weights[0], 1.0);
        assert!((weights[1] - 0.6).abs() < 1e-9, "{weights:?}");
        // 20 points behind: outside the window.
        assert_eq!(weights[2], 0.0);
        // Near, but past the three best.
        assert_eq!(weights[3], 0.0);
        assert_eq!(plan_weights(&roles, None), vec![1.0; 4]);
    }

    #[test]
    fn essentials_weigh_at_least_their_share() {
        // One essential (w3) against a toolkit of 21 effective: the essential is scaled to 9, so
        // that it carries 30 %: with the toolkit full and the essential missing, 21 / 30.
        let sums = Sums {
            essential_weight: 3.0,
            essential_credit: 0.0,
            toolkit_weight: 21.0,
            toolkit_credit: 21.0,
        };
        assert!((sums.mean().expect("applies") - 0.7).abs() < 1e-9);
        // Essentials already heavy enough are left as they are.
        let heavy = Sums {
            essential_weight: 6.0,
            essential_credit: 6.0,
            toolkit_weight: 2.0,
            toolkit_credit: 0.0,
        };
        assert_eq!(heavy.mean(), Some(0.75));
    }

    #[test]
    fn a_title_places_a_resume_in_the_tier_that_names_it() {
        let c = catalog();
        let mut role = role(&c);
        role.profile.tiers[2].titles = vec!["vp".into(), "head of ai".into()];
        let skill = |id: &str| c.index_of(id).expect("exists");
        let mut job = position(
            PositionKind::Job,
            interval(2024, 2026),
            &[skill("pytorch"), skill("jax")],
        );
        job.title = "VP, Machine Learning".into();
        assert_eq!(
            titled_tier(&role, std::slice::from_ref(&job), &c),
            Some(Tier::Senior)
        );
        // A word inside another word is no title: "VPN engineer".
        job.title = "VPN Engineer".into();
        assert_eq!(titled_tier(&role, std::slice::from_ref(&job), &c), None);
        // The latest relevant position decides: a later one without the title outranks it.
        job.title = "Head of AI".into();
        let mut later = position(
            PositionKind::Job,
            interval(2026, 2027),
            &[skill("pytorch"), skill("fsdp")],
        );
        later.title = "Staff Engineer".into();
        assert_eq!(titled_tier(&role, &[job, later], &c), None);
    }

    #[test]
    fn work_shows_the_knowledge_it_needs_at_working_level_and_the_plan_does_not_start_there() {
        let catalog = Catalog::builtin().expect("catalog");
        let profiles = crate::profile::builtin_profiles(catalog).expect("profiles");
        let roles = profiles
            .select(&["deep-learning-engineer".to_string()])
            .expect("role");
        let text = "## Experience\n\
                    ### ML Engineer — Acme (Jan 2022 – Dec 2025)\n\
                    - Trained CNN image classifiers in PyTorch with gradient checkpointing.\n";
        let today = crate::input::dates::Day {
            year: 2026,
            month: 12,
            day: 1,
        };
        let shown = crate::input::text::parse_at("cv.md", text, catalog, today).expect("parses");
        let report = assess(&shown, &roles, catalog, &Options::default());
        let role = &report.roles[0];
        // Backpropagation is what gradient checkpointing builds on: credited, shown, working.
        let backprop = role
            .matched
            .iter()
            .find(|m| m.skill == "backpropagation")
            .expect("backpropagation matched");
        assert_eq!(backprop.via, "needed by gradient-checkpointing");
        assert!(backprop.level <= PREREQUISITE_LEVEL_CAP);
        // Calculus, two hops down (checkpointing → backpropagation → calculus), is not scored, and
        // the plan never makes it a step someone who trains models must take first.
        assert!(role.matched.iter().all(|m| m.skill != "calculus"));
        assert!(report
            .learning_plan
            .iter()
            .all(|p| p.skill != "calculus" || p.prerequisite_for.is_empty()));

        // The same names in a bare list show nothing: no knowledge credit comes from a claim.
        let listed = crate::input::text::parse_at(
            "cv.md",
            "## Skills\nPyTorch, CNNs, Gradient checkpointing\n",
            catalog,
            today,
        )
        .expect("parses");
        let report = assess(&listed, &roles, catalog, &Options::default());
        assert!(report.roles[0]
            .matched
            .iter()
            .all(|m| !m.via.starts_with("needed by")));
    }
}
