//! Partial calendar dates ("2022", "January 2022", "2022-01-05 14:30+06:00").
//!
//! Corpus dates are often partial and never need the reader's clock, so they are kept as
//! calendar fields, never shifted through UTC. Arithmetic uses days-from-civil
//! (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"), valid far before 1970
//! and after 2038.

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
    pub message: String,
}

impl DateError {
    fn new(field: &'static str, message: impl Into<String>) -> Self {
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
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`]: (year, month, day).
pub fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
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
                format!(
                    "expected a year from {MIN_YEAR} to {MAX_YEAR}, found {}",
                    self.year
                ),
            ));
        }
        if let Some(m) = self.month {
            if !(1..=12).contains(&m) {
                return Err(DateError::new(
                    "month",
                    format!("expected a month from 1 to 12, found {m}"),
                ));
            }
        } else if self.day.is_some() {
            return Err(DateError::new("month", "a day needs a month"));
        }
        if let Some(d) = self.day {
            let max = days_in_month(self.year, self.month.unwrap_or(1));
            if d < 1 || d > max {
                return Err(DateError::new(
                    "day",
                    format!(
                        "{}-{:02} has {max} days, found day {d}",
                        self.year,
                        self.month.unwrap_or(1)
                    ),
                ));
            }
        } else if self.time.is_some() {
            return Err(DateError::new("day", "a time needs a day"));
        }
        if let Some((h, mi)) = self.time {
            if h > 23 {
                return Err(DateError::new(
                    "hour",
                    format!("expected an hour from 0 to 23, found {h}"),
                ));
            }
            if mi > 59 {
                return Err(DateError::new(
                    "minute",
                    format!("expected a minute from 0 to 59, found {mi}"),
                ));
            }
        }
        if let Some(o) = self.offset_minutes {
            if o.abs() > 14 * 60 {
                return Err(DateError::new(
                    "utc_offset",
                    format!("expected an offset within ±14:00, found {o} minutes"),
                ));
            }
        }
        Ok(())
    }

    /// Parses "YYYY", "YYYY-MM", "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" with an optional
    /// "Z" or "±HH:MM" offset, and validates the result.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let syntax = || {
            DateError::new(
                "",
                format!("expected a date like 2022, 2022-01, 2022-01-05 or 2022-01-05T14:30+06:00, found {text:?}"),
            )
        };
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
        if year_s.len() < 4 || year_s.len() > 5 || !year_s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(syntax());
        }
        let mut year: i32 = year_s.parse().map_err(|_| syntax())?;
        if neg {
            year = -year;
        }
        let num2 = |s: Option<&str>| -> Result<Option<u8>, DateError> {
            match s {
                None => Ok(None),
                Some(s) if s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()) => {
                    Ok(Some(s.parse().map_err(|_| syntax())?))
                }
                Some(_) => Err(syntax()),
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
            let (h, m) = clock.split_once(':').ok_or_else(syntax)?;
            let h = num2(Some(h))?.ok_or_else(syntax)?;
            let m = num2(Some(m.get(..2).unwrap_or(m)))?.ok_or_else(syntax)?;
            date.time = Some((h, m));
            date.offset_minutes = offset;
        }
        date.validate()?;
        Ok(date)
    }

    /// First minute covered, in minutes since 1970-01-01 (calendar time).
    pub fn start_minute(&self) -> i64 {
        let days = days_from_civil(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1));
        let (h, m) = self.time.unwrap_or((0, 0));
        days * DAY_MINUTES + i64::from(h) * 60 + i64::from(m)
    }

    /// One past the last minute covered: a month-precision date covers its whole month.
    pub fn end_minute(&self) -> i64 {
        match self.precision() {
            Precision::Year => days_from_civil(self.year + 1, 1, 1) * DAY_MINUTES,
            Precision::Month => {
                let m = self.month.unwrap_or(1);
                let (y, m) = if m == 12 {
                    (self.year + 1, 1)
                } else {
                    (self.year, m + 1)
                };
                days_from_civil(y, m, 1) * DAY_MINUTES
            }
            Precision::Day => self.start_minute() + DAY_MINUTES,
            Precision::Minute => self.start_minute() + 1,
        }
    }

    /// ISO-like text at the date's own precision ("2022-01", "2022-01-05T14:30+06:00").
    pub fn to_iso(&self) -> String {
        let mut s = if self.year < 0 {
            format!("-{:04}", -self.year)
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
                    o.abs() / 60,
                    o.abs() % 60
                )),
                None => {}
            }
        }
        s
    }
}

fn split_offset(t: &str) -> Option<(&str, Option<i16>)> {
    if let Some(clock) = t.strip_suffix('Z') {
        return Some((clock, Some(0)));
    }
    if let Some(pos) = t.rfind(['+', '-']) {
        let (clock, off) = t.split_at(pos);
        let sign: i16 = if off.starts_with('-') { -1 } else { 1 };
        let (h, m) = off[1..].split_once(':')?;
        if h.len() != 2 || m.len() != 2 {
            return None;
        }
        let h: i16 = h.parse().ok()?;
        let m: i16 = m.parse().ok()?;
        return Some((clock, Some(sign * (h * 60 + m))));
    }
    Some((t, None))
}

impl Ord for PartialDate {
    /// Chronological by first minute; at a tie the coarser date (the wider span) comes first.
    fn cmp(&self, other: &Self) -> Ordering {
        self.start_minute()
            .cmp(&other.start_minute())
            .then(self.precision().cmp(&other.precision()))
            .then(self.end_minute().cmp(&other.end_minute()))
            .then(self.offset_minutes.cmp(&other.offset_minutes))
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
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad}");
        }
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
