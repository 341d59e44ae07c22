//! Stage 6: experience. Years from the date ranges of the work sections.

use super::document::Document;
use super::layout::Layout;
use super::{Position, Seniority, Sighting, Strength};
use crate::input::dates::{self, Day, Interval};
use crate::skills::{PositionKind, WorkPosition};

/// Years covered by the date ranges of the résumé outside education-like sections ("2019 –
/// present", "Jan 2020 - Mar 2023", "09/2017–06/2019"), overlaps counted once; `None` when it has
/// no date range at all.
/// The ranges the layout already read for a line are reused.
pub(crate) fn years_of_experience(
    text: &str,
    document: &Document,
    layout: &Layout,
    today: Day,
    warnings: &mut Vec<String>,
) -> Option<f64> {
    let mut intervals = Vec::new();
    for (line, context) in document.lines.iter().zip(&layout.lines) {
        if line.skipped || line.not_work {
            continue;
        }
        if let Some(ranges) = &context.ranges {
            intervals.extend(ranges.iter().copied());
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

/// Keys that start and end a position in a static-site résumé's YAML ("date_start: '2021-10-20'").
pub(crate) const START_KEYS: &[&str] = &["date_start", "start_date", "startdate", "start", "from"];
pub(crate) const END_KEYS: &[&str] = &["date_end", "end_date", "enddate", "end", "to", "until"];

/// A cheap test before the date parser: a date range needs a year (`2019`, `'16`) and a dash or
/// "to"/"until"/"till" (most lines of a résumé have neither).
pub(crate) fn may_hold_date_range(line: &str) -> bool {
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
pub(crate) fn front_matter_intervals(
    yaml: &str,
    today: Day,
    warnings: &mut Vec<String>,
) -> Vec<Interval> {
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

/// Words of a title whose months are never experience in a technical role: tutoring and teaching
/// assistantships (they show a subject known, not work done with it), and jobs outside technology.
const NOT_COUNTED_TITLE_WORDS: &[&str] = &[
    "tutor",
    "tutoring",
    "ta",
    "grader",
    "cashier",
    "barista",
    "waiter",
    "waitress",
    "server",
    "bartender",
    "retail",
    "cook",
    "chef",
    "nanny",
    "babysitter",
    "lifeguard",
    "receptionist",
    "driver",
    "courier",
    "warehouse",
    "stocker",
    "housekeeper",
    "janitor",
    "store",
    "shop",
    "restaurant",
    "cafe",
    "café",
];
/// Phrases of a title with the same meaning as [`NOT_COUNTED_TITLE_WORDS`].
const NOT_COUNTED_TITLE_PHRASES: &[&str] = &[
    "teaching assistant",
    "teaching fellow",
    "sales associate",
    "customer service",
    "shift supervisor",
    "store manager",
];

/// How a position's months count toward experience in a role, from its title. A "server" in a
/// title that also names engineering ("Server Engineer", "Inference Server Developer") is a job.
pub fn position_kind(title: &str, seniority: Seniority) -> PositionKind {
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let technical = words.iter().any(|w| {
        matches!(
            *w,
            "engineer" | "engineering" | "developer" | "scientist" | "researcher" | "programmer"
        )
    });
    // A title that names research ("Research and Teaching Assistant") is research work, whatever
    // else it names.
    let research = words.iter().any(|w| w.starts_with("research"));
    let not_counted = !research
        && (NOT_COUNTED_TITLE_PHRASES.iter().any(|p| lower.contains(p))
            || (!technical && words.iter().any(|w| NOT_COUNTED_TITLE_WORDS.contains(w))));
    // A research assistantship or a PhD is research done while studying: it counts as an
    // internship does, at half.
    let studying = research
        && words.iter().any(|w| {
            matches!(
                *w,
                "assistant" | "assistantship" | "phd" | "doctoral" | "graduate" | "student"
            )
        });
    if not_counted {
        PositionKind::NotCounted
    } else if seniority == Seniority::Intern || studying {
        PositionKind::Internship
    } else {
        PositionKind::Job
    }
}

/// The dated positions with the skills their own text shows (header and bullets; a mention only
/// "familiar with" is not shown), each skill with its months: the position's range, narrowed by a
/// sub-period written beside it.
pub fn work_positions(sightings: &[Sighting], positions: &[Position]) -> Vec<WorkPosition> {
    let mut work: Vec<Option<WorkPosition>> = positions
        .iter()
        .map(|p| {
            p.interval.map(|interval| WorkPosition {
                title: p.title.clone(),
                interval,
                kind: position_kind(&p.title, p.seniority),
                skills: Vec::new(),
            })
        })
        .collect();
    for sighting in sightings {
        if !sighting.place.is_position() || sighting.strength == Strength::Aware {
            continue;
        }
        let Some(Some(position)) = sighting.position.and_then(|i| work.get_mut(i)) else {
            continue;
        };
        let range = position.interval;
        let months = match sighting.period {
            Some(period) => Interval {
                start: period.start.max(range.start),
                end: period.end.min(range.end).max(period.start.max(range.start)),
            },
            None => range,
        };
        if !position.skills.contains(&(sighting.skill, months)) {
            position.skills.push((sighting.skill, months));
        }
    }
    work.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tutoring_teaching_and_shop_work_do_not_count() {
        let kind = |title: &str| position_kind(title, Seniority::of_title(title));
        assert_eq!(kind("Math Tutor — Kumon"), PositionKind::NotCounted);
        assert_eq!(kind("Teaching Assistant, CS231n"), PositionKind::NotCounted);
        assert_eq!(
            kind("Research and Teaching Assistant"),
            PositionKind::Internship
        );
        assert_eq!(
            kind("Graduate Research Assistant"),
            PositionKind::Internship
        );
        assert_eq!(kind("PhD Researcher — UvA"), PositionKind::Internship);
        assert_eq!(kind("Research Scientist — Lattice"), PositionKind::Job);
        assert_eq!(kind("Barista — Blue Bottle"), PositionKind::NotCounted);
        assert_eq!(kind("Sales Associate"), PositionKind::NotCounted);
        assert_eq!(kind("Research Intern — DeepMind"), PositionKind::Internship);
        assert_eq!(kind("Inference Server Engineer"), PositionKind::Job);
        assert_eq!(kind("Senior ML Engineer"), PositionKind::Job);
    }
}
