//! Dates as résumés really write them, and years of experience from them.
//!
//! JSON Resume asks for ISO 8601 (`2020`, `2020-03`, `2020-03-15`), but real files hold `'16`,
//! `MAY 2021`, `09/2017`, `9 August 2022`, `Present`, `Ongoing`, `null`, an empty string, or a whole
//! range in one field (`Sep 2024 - Dec 2024`). This module reads all of them, turns a start and an
//! end into an [`Interval`] of months, merges overlapping intervals so that two jobs held at once are
//! not counted twice, and sums them into years.
//!
//! Nothing here fails hard: a date that cannot be read, a month 13, an end before its start or an
//! end far in the future becomes a warning (a plain sentence naming the value) and the interval is
//! dropped or clamped. "Today" comes from the clock, or from `SKILLGAP_TODAY=YYYY-MM-DD` so that
//! tests and reports are reproducible.

use std::fmt;

/// The environment variable that fixes "today" (`YYYY-MM-DD`).
pub const TODAY_VAR: &str = "SKILLGAP_TODAY";

/// How far past today an end date may lie before it is reported (an expected end of contract or
/// graduation is normal; ten years ahead is a typo).
const FUTURE_TOLERANCE_MONTHS: i32 = 24;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Words that mean "still going".
const PRESENT_WORDS: &[&str] = &[
    "present",
    "current",
    "currently",
    "now",
    "ongoing",
    "today",
    "to date",
    "till date",
    "till now",
    "until now",
    "to present",
    "still",
    "active",
];

/// Values that mean "no date given", which an end date reads as "still going".
const MISSING_WORDS: &[&str] = &[
    "null", "none", "n/a", "na", "nil", "tbd", "-", "--", "—", "–",
];

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Day {
    /// Reads `YYYY-MM-DD` strictly.
    pub fn parse_iso(text: &str) -> Option<Day> {
        let mut parts = text.trim().split('-');
        let year = parts.next()?.parse::<i32>().ok()?;
        let month = parts.next()?.parse::<u8>().ok()?;
        let day = parts.next()?.parse::<u8>().ok()?;
        if parts.next().is_some() || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Day { year, month, day })
    }

    /// The month this day falls in, as a [`month_index`].
    pub fn month_index(self) -> i32 {
        month_index(self.year, self.month)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Months counted from year 0: `year * 12 + (month - 1)`.
pub fn month_index(year: i32, month: u8) -> i32 {
    year * 12 + i32::from(month) - 1
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Today: from `SKILLGAP_TODAY` when it is set, else from the system clock (UTC). The second value
/// is a warning when the variable is set but is not a `YYYY-MM-DD` date (the clock is used then).
pub fn today_with_warning() -> (Day, Option<String>) {
    match std::env::var(TODAY_VAR) {
        Ok(value) if !value.trim().is_empty() => match Day::parse_iso(&value) {
            Some(day) => (day, None),
            None => (
                clock_today(),
                Some(format!(
                    "{TODAY_VAR}={value:?} is not a YYYY-MM-DD date; using the system clock"
                )),
            ),
        },
        _ => (clock_today(), None),
    }
}

/// Today, as [`today_with_warning`] without the warning.
pub fn today() -> Day {
    today_with_warning().0
}

fn clock_today() -> Day {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_from_days((seconds / 86_400) as i64)
}

/// The calendar day `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> Day {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Day { year, month, day }
}

/// A date as written: a year, maybe a month, maybe a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    fn year(year: i32) -> PartialDate {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    fn month(year: i32, month: u8) -> PartialDate {
        PartialDate {
            year,
            month: Some(month),
            day: None,
        }
    }
}

/// What one date field says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateValue {
    /// A date.
    Date(PartialDate),
    /// `Present`, `current`, `Ongoing`, …
    Present,
    /// Nothing: `null`, `""`, `None`, `--`.
    Missing,
    /// Two dates in one field: `Sep 2024 - Dec 2024`, `2017-2018`, `2019 – present`.
    Range(PartialDate, Option<PartialDate>),
}

/// Why a date could not be read; the message names the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DateError {}

/// Reads one date field. `today` decides the century of two-digit years (`'16` is 2016, `'98` is
/// 1998).
pub fn parse(text: &str, today: Day) -> Result<DateValue, DateError> {
    let trimmed = text.trim();
    let lower = trimmed.to_lowercase();
    if lower.is_empty() || MISSING_WORDS.contains(&lower.as_str()) {
        return Ok(DateValue::Missing);
    }
    if is_present_word(&lower) {
        return Ok(DateValue::Present);
    }
    match parse_single(&lower, today) {
        Ok(Some(date)) => return Ok(DateValue::Date(date)),
        Err(error) => return Err(error.with_value(trimmed)),
        Ok(None) => {}
    }
    if let Some(range) = parse_range_text(&lower, today)? {
        return Ok(range);
    }
    if let Some(word) = near_present_word(&lower) {
        return Err(DateError(format!(
            "{trimmed:?} is not a date (did you mean {word:?}?)"
        )));
    }
    Err(DateError(format!(
        "{trimmed:?} is not a date (expected YYYY, YYYY-MM, YYYY-MM-DD, \"Jan 2020\", \"09/2017\" or \"Present\")"
    )))
}

fn is_present_word(lower: &str) -> bool {
    let word = lower.trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
    PRESENT_WORDS.contains(&word)
}

/// A present word the text is a typo of (`Curremt`), if any.
fn near_present_word(lower: &str) -> Option<&'static str> {
    if lower.len() < 4 || lower.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    PRESENT_WORDS
        .iter()
        .copied()
        .filter(|w| w.len() >= 4)
        .find(|w| strsim::damerau_levenshtein(lower, w) <= 1 + usize::from(w.len() > 6))
}

/// A value out of range in an otherwise well-formed date.
enum SingleError {
    Impossible(String),
}

impl SingleError {
    fn with_value(self, value: &str) -> DateError {
        match self {
            SingleError::Impossible(why) => {
                DateError(format!("{value:?} is not a real date: {why}"))
            }
        }
    }
}

/// Reads one date (no range). `Ok(None)` when the text does not have the shape of a date at all.
fn parse_single(lower: &str, today: Day) -> Result<Option<PartialDate>, SingleError> {
    let tokens: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    match tokens.as_slice() {
        [one] => parse_compact(one, today),
        // "may 2021", "jan. 2020", "spring 2020", "2020 spring"
        [a, b] => {
            if let (Some(month), Some(year)) = (month_word(a), full_year(b)) {
                return Ok(Some(PartialDate::month(year, month)));
            }
            if let (Some(year), Some(month)) = (full_year(a), month_word(b)) {
                return Ok(Some(PartialDate::month(year, month)));
            }
            if let (Some(month), Some(year)) = (month_word(a), two_digit_year(b, today)) {
                return Ok(Some(PartialDate::month(year, month)));
            }
            Ok(None)
        }
        // "9 august 2022", "jun 15 2026" (the comma was a separator)
        [a, b, c] => {
            let Some(year) = full_year(c) else {
                return Ok(None);
            };
            let (month, day) = match (month_word(a), month_word(b)) {
                (Some(month), None) => (month, b),
                (None, Some(month)) => (month, a),
                _ => return Ok(None),
            };
            let Ok(day) = day
                .trim_end_matches(['.', 's', 't', 'h', 'n', 'd', 'r'])
                .parse::<u8>()
            else {
                return Ok(None);
            };
            checked(year, Some(month), Some(day)).map(Some)
        }
        _ => Ok(None),
    }
}

/// One token: `2020`, `2020-03`, `2020-3-15`, `2020/03`, `09/2017`, `9/2017`, `03/15/2020`, `'16`.
fn parse_compact(token: &str, today: Day) -> Result<Option<PartialDate>, SingleError> {
    let token = token.trim_end_matches('.');
    if let Some(rest) = token.strip_prefix(['\'', '’', '‘']) {
        return Ok(two_digit_year(rest, today).map(PartialDate::year));
    }
    let parts: Vec<&str> = token.split(['-', '/', '.']).collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Ok(None);
    }
    let numbers: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    if numbers.len() != parts.len() {
        return Ok(None);
    }
    let year_first = parts[0].len() == 4;
    let year_last = parts.last().is_some_and(|p| p.len() == 4);
    match (numbers.as_slice(), year_first, year_last) {
        ([year], true, _) => Ok(Some(PartialDate::year(*year as i32))),
        ([year, month], true, _) if parts[1].len() <= 2 => {
            checked(*year as i32, Some(*month as u8), None).map(Some)
        }
        ([year, month, day], true, _) if parts[1].len() <= 2 && parts[2].len() <= 2 => {
            checked(*year as i32, Some(*month as u8), Some(*day as u8)).map(Some)
        }
        ([month, year], false, true) if parts[0].len() <= 2 => {
            checked(*year as i32, Some(*month as u8), None).map(Some)
        }
        // 03/15/2020 (US) or 15/03/2020: whichever reading has a real month.
        ([a, b, year], false, true) if parts[0].len() <= 2 && parts[1].len() <= 2 => {
            let (month, day) = if *a <= 12 { (*a, *b) } else { (*b, *a) };
            checked(*year as i32, Some(month as u8), Some(day as u8)).map(Some)
        }
        _ => Ok(None),
    }
}

fn checked(year: i32, month: Option<u8>, day: Option<u8>) -> Result<PartialDate, SingleError> {
    if !(1900..=2200).contains(&year) {
        return Err(SingleError::Impossible(format!(
            "year {year} is out of range"
        )));
    }
    if let Some(month) = month {
        if !(1..=12).contains(&month) {
            return Err(SingleError::Impossible(format!(
                "month {month} does not exist"
            )));
        }
        if let Some(day) = day {
            if day == 0 || day > days_in_month(year, month) {
                return Err(SingleError::Impossible(format!(
                    "day {day} does not exist in {}",
                    capitalize(MONTHS[usize::from(month) - 1])
                )));
            }
        }
    }
    Ok(PartialDate { year, month, day })
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `jan`, `jan.`, `january`, `sept`, and the seasons (spring → March, summer → June,
/// fall/autumn → September, winter → December).
fn month_word(word: &str) -> Option<u8> {
    let word = word.trim_end_matches(['.', ',']);
    if word.len() < 3 {
        return None;
    }
    if let Some(i) = MONTHS.iter().position(|m| m.starts_with(word)) {
        return Some(i as u8 + 1);
    }
    match word {
        "sept" => Some(9),
        "spring" => Some(3),
        "summer" => Some(6),
        "fall" | "autumn" => Some(9),
        "winter" => Some(12),
        _ => None,
    }
}

fn full_year(word: &str) -> Option<i32> {
    let word = word.trim_end_matches(['.', ',']);
    if word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) {
        word.parse().ok()
    } else {
        None
    }
}

/// `16` → 2016; a two-digit year more than five years past today's belongs to the 1900s.
fn two_digit_year(word: &str, today: Day) -> Option<i32> {
    let word = word.trim_start_matches(['\'', '’', '‘']);
    if word.len() != 2 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let yy: i32 = word.parse().ok()?;
    let this_century = today.year - today.year.rem_euclid(100);
    let candidate = this_century + yy;
    Some(if candidate > today.year + 5 {
        candidate - 100
    } else {
        candidate
    })
}

/// Separators between the two ends of a range.
const RANGE_SEPARATORS: &[&str] = &[
    " - ", " – ", " — ", " ~ ", " to ", " until ", " till ", "–", "—", "~", ", ", "-",
];

/// `Sep 2024 - Dec 2024`, `2017-2018`, `2016 ~ 2020`, `2019 – present`, `2021, 2022`.
fn parse_range_text(lower: &str, today: Day) -> Result<Option<DateValue>, DateError> {
    for separator in RANGE_SEPARATORS {
        let Some((left, right)) = lower.split_once(separator) else {
            continue;
        };
        let (left, right) = (left.trim(), right.trim());
        let Ok(Some(start)) = parse_single(left, today) else {
            continue;
        };
        if right.is_empty() || is_present_word(right) || MISSING_WORDS.contains(&right) {
            return Ok(Some(DateValue::Range(start, None)));
        }
        match parse_single(right, today) {
            Ok(Some(end)) => return Ok(Some(DateValue::Range(start, Some(end)))),
            Ok(None) => continue,
            Err(error) => return Err(error.with_value(right)),
        }
    }
    Ok(None)
}

/// A span of whole months, `start` inclusive, `end` exclusive, both [`month_index`]es.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Interval {
    pub start: i32,
    pub end: i32,
}

impl Interval {
    pub fn months(self) -> i32 {
        (self.end - self.start).max(0)
    }
}

/// An interval read from a start and an end field, with what was odd about them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IntervalReading {
    /// `None` when the dates say nothing usable (no start, a start after today, an end before the
    /// start, …).
    pub interval: Option<Interval>,
    /// Sentences naming the values, for the user.
    pub warnings: Vec<String>,
}

/// The interval from `start` to `end` (a missing end, `null` or `Present` means today).
///
/// A start written as a year only counts from January, an end written as a year only up to the
/// start of that year (`2016`–`2018` is two years), or to the end of it when the job began that
/// same year. An end written with a month counts that whole month (`Jan 2020`–`Dec 2020` is one
/// year). A start with no end field at all that is itself a range (`Sep 2024 - Dec 2024`) is read
/// as that range.
pub fn interval(start: Option<&str>, end: Option<&str>, today: Day) -> IntervalReading {
    let mut reading = IntervalReading::default();
    let start_value = match start.map(|s| parse(s, today)) {
        Some(Ok(value)) => value,
        Some(Err(error)) => {
            reading.warnings.push(format!("start date {error}"));
            return reading;
        }
        None => DateValue::Missing,
    };
    let end_value = match end.map(|e| parse(e, today)) {
        Some(Ok(value)) => value,
        Some(Err(error)) => {
            reading
                .warnings
                .push(format!("end date {error}; counted as ongoing"));
            DateValue::Missing
        }
        None => DateValue::Missing,
    };
    let (start_date, range_end) = match start_value {
        DateValue::Date(date) => (date, None),
        DateValue::Range(date, range_end) => (date, Some(range_end)),
        DateValue::Missing | DateValue::Present => return reading,
    };
    let end_date = match (end_value, range_end) {
        (DateValue::Date(date), _) => Some(date),
        (DateValue::Range(_, date), _) => date,
        (DateValue::Present | DateValue::Missing, Some(range_end)) => range_end,
        (DateValue::Present | DateValue::Missing, None) => None,
    };
    let now = today.month_index();
    let start_index = month_index(start_date.year, start_date.month.unwrap_or(1));
    if start_index > now {
        if start_index - now > FUTURE_TOLERANCE_MONTHS {
            reading.warnings.push(format!(
                "start date {} is far in the future; not counted",
                show(start_date)
            ));
        }
        return reading;
    }
    let end_index = match end_date {
        None => now.max(start_index + 1),
        Some(date) => {
            let index = match date.month {
                Some(month) => month_index(date.year, month) + 1,
                None if date.year > start_date.year => month_index(date.year, 1),
                None => month_index(date.year, 12) + 1,
            };
            if index <= start_index {
                reading.warnings.push(format!(
                    "end date {} is before start date {}; not counted",
                    show(date),
                    show(start_date)
                ));
                return reading;
            }
            if index - now > FUTURE_TOLERANCE_MONTHS {
                reading.warnings.push(format!(
                    "end date {} is far in the future; counted up to today",
                    show(date)
                ));
            }
            index.min(now.max(start_index + 1))
        }
    };
    reading.interval = Some(Interval {
        start: start_index,
        end: end_index,
    });
    reading
}

fn show(date: PartialDate) -> String {
    match (date.month, date.day) {
        (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", date.year),
        (Some(m), None) => format!("{:04}-{m:02}", date.year),
        _ => format!("{:04}", date.year),
    }
}

/// Intervals sorted and merged where they overlap or touch.
pub fn merge(intervals: &[Interval]) -> Vec<Interval> {
    let mut sorted: Vec<Interval> = intervals
        .iter()
        .copied()
        .filter(|i| i.months() > 0)
        .collect();
    sorted.sort();
    let mut merged: Vec<Interval> = Vec::with_capacity(sorted.len());
    for interval in sorted {
        match merged.last_mut() {
            Some(last) if interval.start <= last.end => last.end = last.end.max(interval.end),
            _ => merged.push(interval),
        }
    }
    merged
}

/// Years covered by `intervals`, overlaps counted once, to one decimal.
pub fn total_years(intervals: &[Interval]) -> f64 {
    let months: i32 = merge(intervals).iter().map(|i| i.months()).sum();
    (f64::from(months) / 12.0 * 10.0).round() / 10.0
}

/// Date ranges written in a line of prose: `2019 – present`, `Jan 2020 - Mar 2023`,
/// `09/2017 to 06/2019`, `(2016-2018)`. Lines without a range give nothing; a range with an
/// impossible date is skipped.
pub fn ranges_in_line(line: &str, today: Day) -> Vec<Interval> {
    let lower = line.to_lowercase();
    // Tokens: runs of characters that can belong to a date, with dashes kept as their own tokens
    // unless they sit inside a compact date such as 2020-03.
    let mut tokens: Vec<String> = Vec::new();
    for word in lower.split(|c: char| c.is_whitespace() || "()[]|,;:*_".contains(c)) {
        if word.is_empty() {
            continue;
        }
        let word = word.trim_matches(|c: char| c == '.' || c == '"');
        if word.is_empty() {
            continue;
        }
        if matches!(parse_compact(word, today), Ok(Some(_))) {
            tokens.push(word.to_string());
            continue;
        }
        let mut current = String::new();
        for c in word.chars() {
            if matches!(c, '-' | '–' | '—' | '~') {
                if !current.is_empty() {
                    tokens.push(std::mem::take(&mut current));
                }
                tokens.push("-".to_string());
            } else {
                current.push(c);
            }
        }
        if !current.is_empty() {
            tokens.push(current);
        }
    }
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some(used) = date_at(&tokens, i, today) else {
            i += 1;
            continue;
        };
        let separator = i + used;
        let is_separator = tokens
            .get(separator)
            .is_some_and(|t| matches!(t.as_str(), "-" | "to" | "until" | "till"));
        if !is_separator {
            i += used;
            continue;
        }
        let end_at = separator + 1;
        // "2019 - present", "2019 to date"
        let ongoing = tokens
            .get(end_at)
            .is_some_and(|t| is_present_word(t) || (tokens[separator] == "to" && t == "date"));
        let end_text = if ongoing {
            Some(("present".to_string(), 1))
        } else {
            date_at(&tokens, end_at, today).map(|n| (tokens[end_at..end_at + n].join(" "), n))
        };
        let Some((end_text, end_used)) = end_text else {
            i += used;
            continue;
        };
        let start_text = tokens[i..i + used].join(" ");
        if let Some(interval) = interval(Some(&start_text), Some(&end_text), today).interval {
            found.push(interval);
        }
        i = end_at + end_used;
    }
    found
}

/// How many tokens (1 to 3) the date starting at token `i` takes, if one starts there.
fn date_at(tokens: &[String], i: usize, today: Day) -> Option<usize> {
    for used in (1..=3).rev() {
        if i + used > tokens.len() {
            continue;
        }
        let slice = &tokens[i..i + used];
        if slice.iter().any(|t| t == "-") {
            continue;
        }
        // Every date `parse_single` reads has a year, in ASCII digits.
        if !slice.iter().any(|t| t.bytes().any(|b| b.is_ascii_digit())) {
            continue;
        }
        let text = slice.join(" ");
        // A bare two-digit number is not a date in prose; '16 is.
        if used == 1 && text.len() == 2 {
            continue;
        }
        if let Ok(Some(_)) = parse_single(&text, today) {
            return Some(used);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: Day = Day {
        year: 2026,
        month: 11,
        day: 28,
    };

    fn date(year: i32, month: Option<u8>, day: Option<u8>) -> DateValue {
        DateValue::Date(PartialDate { year, month, day })
    }

    #[test]
    fn iso_forms() {
        assert_eq!(parse("2020", TODAY), Ok(date(2020, None, None)));
        assert_eq!(parse("2020-03", TODAY), Ok(date(2020, Some(3), None)));
        assert_eq!(
            parse("2020-03-15", TODAY),
            Ok(date(2020, Some(3), Some(15)))
        );
        assert_eq!(parse("2025-7-31", TODAY), Ok(date(2025, Some(7), Some(31))));
        assert_eq!(parse(" 2023-9 ", TODAY), Ok(date(2023, Some(9), None)));
    }

    #[test]
    fn real_world_forms() {
        assert_eq!(parse("'16", TODAY), Ok(date(2016, None, None)));
        assert_eq!(parse("'98", TODAY), Ok(date(1998, None, None)));
        assert_eq!(parse("MAY 2021", TODAY), Ok(date(2021, Some(5), None)));
        assert_eq!(parse("Jan 2020", TODAY), Ok(date(2020, Some(1), None)));
        assert_eq!(parse("Sept. 2019", TODAY), Ok(date(2019, Some(9), None)));
        assert_eq!(parse("JULY 2019", TODAY), Ok(date(2019, Some(7), None)));
        assert_eq!(parse("09/2017", TODAY), Ok(date(2017, Some(9), None)));
        assert_eq!(parse("9/2017", TODAY), Ok(date(2017, Some(9), None)));
        assert_eq!(
            parse("9 August 2022", TODAY),
            Ok(date(2022, Some(8), Some(9)))
        );
        assert_eq!(
            parse("Jun 15, 2026", TODAY),
            Ok(date(2026, Some(6), Some(15)))
        );
        assert_eq!(parse("2020 Spring", TODAY), Ok(date(2020, Some(3), None)));
        assert_eq!(
            parse("15/03/2020", TODAY),
            Ok(date(2020, Some(3), Some(15)))
        );
    }

    #[test]
    fn present_and_missing() {
        for word in ["Present", "Ongoing", "current", "NOW", "present."] {
            assert_eq!(parse(word, TODAY), Ok(DateValue::Present), "{word}");
        }
        for word in ["", "  ", "null", "None", " -- "] {
            assert_eq!(parse(word, TODAY), Ok(DateValue::Missing), "{word:?}");
        }
    }

    #[test]
    fn ranges_in_one_field() {
        let month = PartialDate::month;
        assert_eq!(
            parse("Sep 2024 - Dec 2024", TODAY),
            Ok(DateValue::Range(month(2024, 9), Some(month(2024, 12))))
        );
        assert_eq!(
            parse("2017-2018", TODAY),
            Ok(DateValue::Range(
                PartialDate::year(2017),
                Some(PartialDate::year(2018))
            ))
        );
        assert_eq!(
            parse("2016 ~ 2020", TODAY),
            Ok(DateValue::Range(
                PartialDate::year(2016),
                Some(PartialDate::year(2020))
            ))
        );
        assert_eq!(
            parse("Dec 2024 - Present", TODAY),
            Ok(DateValue::Range(month(2024, 12), None))
        );
    }

    #[test]
    fn impossible_and_unreadable_dates_are_errors_not_panics() {
        let error = parse("2020-13", TODAY).unwrap_err();
        assert!(error.0.contains("month 13 does not exist"), "{error}");
        let error = parse("2021-02-30", TODAY).unwrap_err();
        assert!(
            error.0.contains("day 30 does not exist in February"),
            "{error}"
        );
        let error = parse("Curremt", TODAY).unwrap_err();
        assert!(error.0.contains("did you mean \"current\""), "{error}");
        let error = parse("submitted", TODAY).unwrap_err();
        assert!(error.0.contains("is not a date"), "{error}");
        for odd in [
            "13/13/2020",
            "0000",
            "99999999",
            "2020--03",
            "'",
            "/",
            "-2020",
            "2020-",
            "💥",
        ] {
            let _ = parse(odd, TODAY);
            let _ = interval(Some(odd), Some(odd), TODAY);
            let _ = ranges_in_line(odd, TODAY);
        }
    }

    #[test]
    fn intervals_count_months() {
        let months = |s, e| interval(Some(s), e, TODAY).interval.map(Interval::months);
        assert_eq!(months("2020-01", Some("2020-12")), Some(12));
        assert_eq!(months("2016", Some("2018")), Some(24));
        assert_eq!(months("2020", Some("2020")), Some(12));
        assert_eq!(months("2020-01", None), Some(82));
        assert_eq!(months("2020-01", Some("Present")), Some(82));
        assert_eq!(months("2020-01", Some("")), Some(82));
        assert_eq!(months("Sep 2024 - Dec 2024", None), Some(4));
        assert_eq!(months("2026-11", None), Some(1));
    }

    #[test]
    fn odd_intervals_warn() {
        let reading = interval(Some("2020-05"), Some("2019-01"), TODAY);
        assert_eq!(reading.interval, None);
        assert!(
            reading.warnings[0].contains("before start date"),
            "{:?}",
            reading.warnings
        );

        let reading = interval(Some("2020-01"), Some("2040-01"), TODAY);
        assert_eq!(reading.interval.map(Interval::months), Some(82));
        assert!(reading.warnings[0].contains("far in the future"));

        // An expected end a few months ahead is normal: clamped, no warning.
        let reading = interval(Some("2025-01"), Some("2027-06"), TODAY);
        assert_eq!(reading.interval.map(Interval::months), Some(22));
        assert!(reading.warnings.is_empty());

        let reading = interval(Some("2020-13"), Some("2021-01"), TODAY);
        assert_eq!(reading.interval, None);
        assert!(reading.warnings[0].contains("month 13"));

        let reading = interval(Some("2020-01"), Some("2021-13"), TODAY);
        assert_eq!(reading.interval.map(Interval::months), Some(82));
        assert!(reading.warnings[0].contains("counted as ongoing"));

        assert_eq!(
            interval(None, Some("2020"), TODAY),
            IntervalReading::default()
        );
        assert_eq!(interval(Some("2035"), None, TODAY).interval, None);
    }

    #[test]
    fn overlapping_jobs_are_counted_once() {
        let a = interval(Some("2018-01"), Some("2020-12"), TODAY)
            .interval
            .unwrap();
        let b = interval(Some("2020-01"), Some("2021-12"), TODAY)
            .interval
            .unwrap();
        let c = interval(Some("2023-01"), Some("2023-12"), TODAY)
            .interval
            .unwrap();
        assert_eq!(merge(&[c, b, a]).len(), 2);
        assert_eq!(total_years(&[a, b, c]), 5.0);
        assert_eq!(total_years(&[a, a, a]), 3.0);
        assert_eq!(total_years(&[]), 0.0);
    }

    #[test]
    fn ranges_in_prose() {
        let ranges = |line| {
            ranges_in_line(line, TODAY)
                .into_iter()
                .map(Interval::months)
                .collect::<Vec<_>>()
        };
        assert_eq!(ranges("ML Engineer, Acme (Jan 2020 - Mar 2023)"), vec![39]);
        assert_eq!(ranges("Research intern | 2019 – present"), vec![94]);
        assert_eq!(ranges("2016-2018: PhD student"), vec![24]);
        assert_eq!(
            ranges("09/2017 to 06/2019, then 2020-01 – 2020-06"),
            vec![22, 6]
        );
        assert_eq!(ranges("**Jan 2020 – Present**"), vec![82]);
        assert_eq!(
            ranges("Trained a 7B model on 64 GPUs - 3 days"),
            Vec::<i32>::new()
        );
        assert_eq!(ranges("Published at NeurIPS 2021"), Vec::<i32>::new());
    }

    #[test]
    fn today_override_and_clock() {
        assert_eq!(
            Day::parse_iso("2026-11-28"),
            Some(Day {
                year: 2026,
                month: 11,
                day: 28
            })
        );
        assert_eq!(Day::parse_iso("2026-02-30"), None);
        assert_eq!(Day::parse_iso("tomorrow"), None);
        assert_eq!(civil_from_days(0).to_string(), "1970-01-01");
        assert_eq!(civil_from_days(20_420).to_string(), "2025-11-28");
        assert!(clock_today().year >= 2024);
    }
}
