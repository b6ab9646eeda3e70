//! Partial calendar dates ("2022", "January 2022", "2022-01-05 14:30+06:00").
//!
//! Corpus dates are often partial and never need the reader's clock, so they are kept as
//! calendar fields, never shifted through UTC. Arithmetic uses days-from-civil
//! (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"), valid far before 1970
//! and after 2038.
#![cfg_attr(not(test), deny(clippy::arithmetic_side_effects))]

use crate::corpus::diagnostic::{Message, Msg};
use std::cmp::Ordering;
use std::fmt;

/// How precisely a date is known: the finest field present.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Month,
    Day,
    Minute,
}

/// A calendar date known to year, month, day or minute precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// Hour and minute, when known (requires `day`).
    pub time: Option<(u8, u8)>,
    /// UTC offset in minutes, when given with a time. Kept for display only.
    pub offset_minutes: Option<i16>,
}

/// Why a date is not valid; the message says what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// The field at fault: "year", "month", "day", "hour", "minute", "utc_offset" or "" for syntax.
    pub field: &'static str,
    pub message: Message,
}

impl DateError {
    fn new(field: &'static str, message: impl Into<Message>) -> Self {
        DateError {
            field,
            message: message.into(),
        }
    }
}

/// Years outside this range are rejected: they are typing mistakes in a news corpus,
/// and keeping them bounded keeps all arithmetic far from overflow.
pub const MIN_YEAR: i32 = -9999;
pub const MAX_YEAR: i32 = 9999;

/// Whether `year` is a Gregorian leap year.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1..=12) of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (negative before).
// Every step works in i64 on an i32 year, a u8 month and a u8 day: magnitudes stay below
// 2^31 * 146_097 / 400 < 2^40, far from overflow, for any input.
#[allow(clippy::arithmetic_side_effects)]
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Most days from 1970 [`civil_from_days`] reads (about ±1.9 billion years: the year still
/// fits an `i32`); further days are clamped to it.
pub const MAX_CIVIL_DAYS: i64 = 700_000_000_000;

/// The inverse of [`days_from_civil`]: (year, month, day).
// `days` is clamped to ±MAX_CIVIL_DAYS first, so every step stays below 2^41 and the
// year fits an i32; the casts narrow values already in range (day 1..=31, month 1..=12).
#[allow(clippy::arithmetic_side_effects)]
pub fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days.clamp(-MAX_CIVIL_DAYS, MAX_CIVIL_DAYS) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

/// Minutes in a day; the timeline works in minutes since 1970-01-01 (calendar time, no zone).
pub const DAY_MINUTES: i64 = 1440;

impl PartialDate {
    /// A date known to the year.
    pub fn year(year: i32) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
            time: None,
            offset_minutes: None,
        }
    }

    /// A date known to the day. Not validated: use [`PartialDate::validate`].
    pub fn ymd(year: i32, month: u8, day: u8) -> Self {
        PartialDate {
            year,
            month: Some(month),
            day: Some(day),
            time: None,
            offset_minutes: None,
        }
    }

    /// The finest field present.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day, self.time) {
            (_, Some(_), Some(_)) => Precision::Minute,
            (_, Some(_), None) => Precision::Day,
            (Some(_), None, _) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// Checks ranges and that finer fields only come with coarser ones (2022-02-30 fails).
    pub fn validate(&self) -> Result<(), DateError> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&self.year) {
            return Err(DateError::new(
                "year",
                Message::new(Msg::YearRange)
                    .arg("min", MIN_YEAR)
                    .arg("max", MAX_YEAR)
                    .arg("found", self.year),
            ));
        }
        if let Some(m) = self.month {
            if !(1..=12).contains(&m) {
                return Err(DateError::new(
                    "month",
                    Message::new(Msg::MonthRange).arg("found", m),
                ));
            }
        } else if self.day.is_some() {
            return Err(DateError::new("month", Msg::DayNeedsMonth));
        }
        if let Some(d) = self.day {
            let max = days_in_month(self.year, self.month.unwrap_or(1));
            if d < 1 || d > max {
                return Err(DateError::new(
                    "day",
                    Message::new(Msg::DaysInMonth)
                        .arg(
                            "month",
                            format!("{}-{:02}", self.year, self.month.unwrap_or(1)),
                        )
                        .arg("days", max)
                        .arg("found", d),
                ));
            }
        } else if self.time.is_some() {
            return Err(DateError::new("day", Msg::TimeNeedsDay));
        }
        if let Some((h, mi)) = self.time {
            if h > 23 {
                return Err(DateError::new(
                    "hour",
                    Message::new(Msg::HourRange).arg("found", h),
                ));
            }
            if mi > 59 {
                return Err(DateError::new(
                    "minute",
                    Message::new(Msg::MinuteRange).arg("found", mi),
                ));
            }
        }
        if let Some(o) = self.offset_minutes {
            if o.unsigned_abs() > 14 * 60 {
                return Err(DateError::new(
                    "utc_offset",
                    Message::new(Msg::OffsetRange).arg("found", o),
                ));
            }
        }
        Ok(())
    }

    /// Parses "YYYY", "YYYY-MM", "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" (seconds and their
    /// fraction may follow and are dropped: the finest precision is the minute) with an
    /// optional "Z" or "±HH:MM" offset, and validates the result. Anything else in the text
    /// is an error: "14:30junk" is not a time.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let syntax = || DateError::new("", Message::new(Msg::DateSyntax).quoted("found", text));
        let (date_part, time_part) = match text.split_once(['T', ' ']) {
            Some((d, t)) => (d, Some(t)),
            None => (text, None),
        };
        let (neg, body) = match date_part.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, date_part),
        };
        let mut fields = body.split('-');
        let year_s = fields.next().ok_or_else(syntax)?;
        if year_s.len() < 4 || year_s.len() > 5 || !all_digits(year_s) {
            return Err(syntax());
        }
        let year: i32 = year_s.parse().map_err(|_| syntax())?;
        let year = if neg {
            year.checked_neg().ok_or_else(syntax)?
        } else {
            year
        };
        let num2 = |s: Option<&str>| -> Result<Option<u8>, DateError> {
            match s {
                None => Ok(None),
                Some(s) => two_digits(s).map(Some).ok_or_else(syntax),
            }
        };
        let month = num2(fields.next())?;
        let day = num2(fields.next())?;
        if fields.next().is_some() {
            return Err(syntax());
        }
        let mut date = PartialDate {
            year,
            month,
            day,
            time: None,
            offset_minutes: None,
        };
        if let Some(t) = time_part {
            let (clock, offset) = split_offset(t).ok_or_else(syntax)?;
            let mut parts = clock.split(':');
            let h = two_digits(parts.next().unwrap_or_default()).ok_or_else(syntax)?;
            let m = two_digits(parts.next().ok_or_else(syntax)?).ok_or_else(syntax)?;
            if let Some(sec) = parts.next() {
                let (whole, fraction) = sec.split_once('.').unwrap_or((sec, "0"));
                let ok = two_digits(whole).is_some_and(|s| s <= 60)
                    && !fraction.is_empty()
                    && all_digits(fraction);
                if !ok {
                    return Err(syntax());
                }
            }
            if parts.next().is_some() {
                return Err(syntax());
            }
            date.time = Some((h, m));
            date.offset_minutes = offset;
        }
        date.validate()?;
        Ok(date)
    }

    /// A UTC offset alone: "Z" or "±HH:MM" (minutes 00 to 59), in minutes east of UTC.
    /// The range (±14:00) is checked by [`PartialDate::validate`].
    pub fn parse_offset(text: &str) -> Option<i16> {
        match split_offset(text)? {
            ("", Some(minutes)) => Some(minutes),
            _ => None,
        }
    }

    /// First minute covered, in minutes since 1970-01-01 (calendar time).
    pub fn start_minute(&self) -> i64 {
        let days = days_from_civil(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1));
        let (h, m) = self.time.unwrap_or((0, 0));
        let clock = i64::from(h).saturating_mul(60).saturating_add(i64::from(m));
        days.saturating_mul(DAY_MINUTES).saturating_add(clock)
    }

    /// One past the last minute covered: a month-precision date covers its whole month.
    pub fn end_minute(&self) -> i64 {
        match self.precision() {
            Precision::Year => {
                days_from_civil(self.year.saturating_add(1), 1, 1).saturating_mul(DAY_MINUTES)
            }
            Precision::Month => {
                let m = self.month.unwrap_or(1);
                let (y, m) = if m >= 12 {
                    (self.year.saturating_add(1), 1)
                } else {
                    (self.year, m.saturating_add(1))
                };
                days_from_civil(y, m, 1).saturating_mul(DAY_MINUTES)
            }
            Precision::Day => self.start_minute().saturating_add(DAY_MINUTES),
            Precision::Minute => self.start_minute().saturating_add(1),
        }
    }

    /// ISO-like text at the date's own precision ("2022-01", "2022-01-05T14:30+06:00").
    pub fn to_iso(&self) -> String {
        let mut s = if self.year < 0 {
            format!("-{:04}", self.year.unsigned_abs())
        } else {
            format!("{:04}", self.year)
        };
        if let Some(m) = self.month {
            s.push_str(&format!("-{m:02}"));
        }
        if let Some(d) = self.day {
            s.push_str(&format!("-{d:02}"));
        }
        if let Some((h, mi)) = self.time {
            s.push_str(&format!("T{h:02}:{mi:02}"));
            match self.offset_minutes {
                Some(0) => s.push('Z'),
                Some(o) => s.push_str(&format!(
                    "{}{:02}:{:02}",
                    if o < 0 { '-' } else { '+' },
                    o.unsigned_abs() / 60,
                    o.unsigned_abs() % 60
                )),
                None => {}
            }
        }
        s
    }
}

/// Splits a time of day from its offset: "14:30+06:00" is ("14:30", Some(360)); "14:30Z"
/// is ("14:30", Some(0)); "14:30" is ("14:30", None). A malformed offset is `None`.
fn split_offset(t: &str) -> Option<(&str, Option<i16>)> {
    if let Some(clock) = t.strip_suffix('Z') {
        return Some((clock, Some(0)));
    }
    let Some(pos) = t.rfind(['+', '-']) else {
        return Some((t, None));
    };
    let (clock, off) = t.split_at(pos);
    let negative = off.starts_with('-');
    let (h, m) = off.get(1..)?.split_once(':')?;
    let h = i16::from(two_digits(h)?);
    let m = i16::from(two_digits(m)?);
    if m > 59 {
        return None;
    }
    // Two digits each: at most 99 * 60 + 59, far inside i16.
    let minutes = h.checked_mul(60)?.checked_add(m)?;
    Some((
        clock,
        Some(if negative {
            minutes.checked_neg()?
        } else {
            minutes
        }),
    ))
}

fn all_digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

/// Exactly two ASCII digits, as a number.
fn two_digits(s: &str) -> Option<u8> {
    match s.as_bytes() {
        &[a, b] if a.is_ascii_digit() && b.is_ascii_digit() => Some(
            a.checked_sub(b'0')?
                .checked_mul(10)?
                .checked_add(b.checked_sub(b'0')?)?,
        ),
        _ => None,
    }
}

/// A date's place in the order of dates, worked out once: comparing keys is comparing the
/// dates, without converting calendar fields to minutes on every comparison (what a sort
/// of many dates would spend its time on).
pub type OrderKey = (i64, Precision, i64, Option<i16>);

impl PartialDate {
    /// This date's [`OrderKey`].
    pub fn order_key(&self) -> OrderKey {
        (
            self.start_minute(),
            self.precision(),
            self.end_minute(),
            self.offset_minutes,
        )
    }
}

impl Ord for PartialDate {
    /// Chronological by first minute; at a tie the coarser date (the wider span) comes first.
    fn cmp(&self, other: &Self) -> Ordering {
        self.order_key().cmp(&other.order_key())
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_iso())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip_over_wide_range() {
        for days in (-1_000_000..1_000_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(1969, 12, 31), -1);
        assert_eq!(civil_from_days(days_from_civil(2040, 2, 29)), (2040, 2, 29));
    }

    #[test]
    fn parses_each_precision() {
        assert_eq!(
            PartialDate::parse("2022").unwrap().precision(),
            Precision::Year
        );
        assert_eq!(
            PartialDate::parse("2022-01").unwrap().precision(),
            Precision::Month
        );
        assert_eq!(
            PartialDate::parse("2022-01-05").unwrap(),
            PartialDate::ymd(2022, 1, 5)
        );
        let t = PartialDate::parse("2022-01-05T14:30+06:00").unwrap();
        assert_eq!(t.time, Some((14, 30)));
        assert_eq!(t.offset_minutes, Some(360));
        assert_eq!(t.to_iso(), "2022-01-05T14:30+06:00");
        assert_eq!(
            PartialDate::parse("2022-01-05T14:30Z")
                .unwrap()
                .offset_minutes,
            Some(0)
        );
        assert_eq!(PartialDate::parse("-0044-03-15").unwrap().year, -44);
    }

    #[test]
    fn rejects_impossible_dates_with_the_field_at_fault() {
        assert_eq!(PartialDate::parse("2022-02-30").unwrap_err().field, "day");
        assert_eq!(PartialDate::parse("2021-02-29").unwrap_err().field, "day");
        assert!(PartialDate::parse("2020-02-29").is_ok());
        assert!(PartialDate::parse("2000-02-29").is_ok());
        assert!(PartialDate::parse("1900-02-29").is_err());
        assert_eq!(PartialDate::parse("2022-13").unwrap_err().field, "month");
        assert_eq!(
            PartialDate::parse("2022-01-05T24:00").unwrap_err().field,
            "hour"
        );
        for bad in [
            "",
            "22",
            "2022-1-5",
            "2022/01/05",
            "abcd",
            "2022-01-05T",
            "2022-01-05T1:00",
            "2022-01-05-01",
            "2022-01-05T14:30junk",
            "2022-01-05T14:30+05:99",
            "2022-01-05T14:30+0500",
            "2022-01-05T14:30+5:00",
            "2022-01-05T14:30:5",
            "2022-01-05T14:30:61",
            "2022-01-05T14:30:00.",
            "2022-01-05T14:30:00:00",
            "2022-01-05T14",
            "2022-01-05T14:3",
            "2022-01-05T１４:30",
            "2022-01-05T14:30ZZ",
            "2022-01-05T14:30+14:01",
            "-",
            "--2022",
            "2022-01-05T+06:00",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn accepts_seconds_and_offsets_strictly() {
        let d = PartialDate::parse("2022-01-05T14:30:59.123Z").unwrap();
        assert_eq!((d.time, d.offset_minutes), (Some((14, 30)), Some(0)));
        let d = PartialDate::parse("2022-01-05 14:30-05:30").unwrap();
        assert_eq!(d.offset_minutes, Some(-330));
        assert_eq!(PartialDate::parse_offset("+06:00"), Some(360));
        assert_eq!(PartialDate::parse_offset("Z"), Some(0));
        for bad in [
            "+05:99", "06:00", "+6:00", "+06:00x", "x+06:00", "", "+", "Zulu",
        ] {
            assert_eq!(PartialDate::parse_offset(bad), None, "{bad}");
        }
        let long = format!("2022-01-05T14:30{}", "x".repeat(100_000));
        let e = PartialDate::parse(&long).unwrap_err();
        assert!(e.message.to_string().len() < 200, "{}", e.message);
    }

    #[test]
    fn partial_dates_cover_their_whole_span() {
        let jan = PartialDate::parse("2022-01").unwrap();
        assert_eq!(jan.end_minute() - jan.start_minute(), 31 * DAY_MINUTES);
        let feb_leap = PartialDate::parse("2024-02").unwrap();
        assert_eq!(
            feb_leap.end_minute() - feb_leap.start_minute(),
            29 * DAY_MINUTES
        );
        let dec = PartialDate::parse("2021-12").unwrap();
        assert_eq!(
            dec.end_minute(),
            PartialDate::parse("2022-01-01").unwrap().start_minute()
        );
        let y = PartialDate::parse("2024").unwrap();
        assert_eq!(y.end_minute() - y.start_minute(), 366 * DAY_MINUTES);
        let old = PartialDate::parse("1914-07-28").unwrap();
        assert!(old.start_minute() < 0);
        let far = PartialDate::parse("2040-01-01").unwrap();
        assert!(far.start_minute() > i64::from(i32::MAX) / 60);
    }

    #[test]
    fn orders_chronologically_coarse_first() {
        let mut v: Vec<PartialDate> = [
            "2022-01-05",
            "2022-01",
            "2021",
            "2022-01-05T10:00",
            "2022-01-04",
        ]
        .iter()
        .map(|s| PartialDate::parse(s).unwrap())
        .collect();
        v.sort();
        let out: Vec<String> = v.iter().map(|d| d.to_iso()).collect();
        assert_eq!(
            out,
            [
                "2021",
                "2022-01",
                "2022-01-04",
                "2022-01-05",
                "2022-01-05T10:00"
            ]
        );
    }
}
