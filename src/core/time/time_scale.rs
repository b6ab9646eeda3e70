//! A linear time scale over calendar minutes, with ticks that adapt to the zoom.
//!
//! Like d3-scale's time scale: a value with a domain, a range, `map`, `invert` and
//! `ticks`; intervals step from minutes to centuries, always on calendar boundaries.

use crate::text::lang::Lang;
use crate::time::calendar::month_name;
use crate::time::date::{civil_from_days, days_from_civil, DAY_MINUTES};

/// Maps minutes since 1970 (`domain`) to pixels (`range`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeScale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

/// The calendar unit a tick interval is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    Minute,
    Day,
    Month,
    Year,
}

/// A tick interval: `step` of `unit` (e.g. 6 hours = 360 minutes; 3 months).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub unit: Unit,
    pub step: i64,
}

/// One axis tick.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub minute: i64,
    pub x: f64,
    pub label: String,
}

const INTERVALS: &[(Unit, i64)] = &[
    (Unit::Minute, 1),
    (Unit::Minute, 5),
    (Unit::Minute, 15),
    (Unit::Minute, 30),
    (Unit::Minute, 60),
    (Unit::Minute, 180),
    (Unit::Minute, 360),
    (Unit::Minute, 720),
    (Unit::Day, 1),
    (Unit::Day, 2),
    (Unit::Day, 7),
    (Unit::Day, 14),
    (Unit::Month, 1),
    (Unit::Month, 3),
    (Unit::Month, 6),
    (Unit::Year, 1),
    (Unit::Year, 2),
    (Unit::Year, 5),
    (Unit::Year, 10),
    (Unit::Year, 25),
    (Unit::Year, 50),
    (Unit::Year, 100),
    (Unit::Year, 250),
    (Unit::Year, 500),
    (Unit::Year, 1000),
];

impl Interval {
    /// Approximate length in minutes (months as 30.44 days), to choose an interval.
    fn approx_minutes(self) -> f64 {
        let unit = match self.unit {
            Unit::Minute => 1.0,
            Unit::Day => DAY_MINUTES as f64,
            Unit::Month => 30.436_875 * DAY_MINUTES as f64,
            Unit::Year => 365.2425 * DAY_MINUTES as f64,
        };
        unit * self.step as f64
    }

    /// The first boundary of this interval at or after `minute`.
    fn ceil(self, minute: i64) -> i64 {
        let day = minute.div_euclid(DAY_MINUTES);
        let (y, m, d) = civil_from_days(day);
        match self.unit {
            Unit::Minute => {
                let s = self.step;
                minute.div_euclid(s) * s + if minute.rem_euclid(s) == 0 { 0 } else { s }
            }
            Unit::Day => {
                // Weeks start on Mondays (1970-01-05 was one); other day steps count from the 1st.
                let start = if self.step % 7 == 0 {
                    let off = (day - 4).rem_euclid(self.step);
                    day - off
                } else {
                    days_from_civil(y, m, 1) + (i64::from(d) - 1) / self.step * self.step
                };
                let mut t = start * DAY_MINUTES;
                if t < minute {
                    t += self.step * DAY_MINUTES;
                }
                // Day steps restart at each month's first.
                if self.step % 7 != 0 {
                    let (ty, tm, _) = civil_from_days(t.div_euclid(DAY_MINUTES));
                    if (ty, tm) != (y, m) {
                        t = days_from_civil(ty, tm, 1) * DAY_MINUTES;
                    }
                }
                t
            }
            Unit::Month => {
                let months = i64::from(y) * 12 + i64::from(m) - 1;
                let mut k = months.div_euclid(self.step) * self.step;
                if month_start(k) < minute {
                    k += self.step;
                }
                month_start(k)
            }
            Unit::Year => {
                let mut k = i64::from(y).div_euclid(self.step) * self.step;
                if days_from_civil(k as i32, 1, 1) * DAY_MINUTES < minute {
                    k += self.step;
                }
                days_from_civil(k as i32, 1, 1) * DAY_MINUTES
            }
        }
    }

    /// The boundary after `minute` (which must be a boundary).
    fn next(self, minute: i64) -> i64 {
        match self.unit {
            Unit::Minute => minute + self.step,
            Unit::Year | Unit::Month | Unit::Day => self.ceil(minute + 1),
        }
    }
}

fn month_start(months_since_year0: i64) -> i64 {
    let y = months_since_year0.div_euclid(12) as i32;
    let m = months_since_year0.rem_euclid(12) as u8 + 1;
    days_from_civil(y, m, 1) * DAY_MINUTES
}

fn year_text(y: i32) -> String {
    if y < 0 {
        format!("{} BCE", 1 - y)
    } else {
        y.to_string()
    }
}

impl TimeScale {
    /// A scale from `domain` minutes to `range` pixels. An empty domain is widened by a day.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        let (a, mut b) = domain;
        if !(b - a).is_finite() || b - a <= 0.0 {
            b = a + DAY_MINUTES as f64;
        }
        TimeScale {
            domain: (a, b),
            range,
        }
    }

    /// Pixel position of `minute`.
    pub fn map(&self, minute: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        r0 + (minute - d0) / (d1 - d0) * (r1 - r0)
    }

    /// Minute at pixel `x`.
    pub fn invert(&self, x: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if r1 == r0 {
            d0
        } else {
            d0 + (x - r0) / (r1 - r0) * (d1 - d0)
        }
    }

    /// Minutes per pixel.
    pub fn minutes_per_px(&self) -> f64 {
        (self.domain.1 - self.domain.0) / (self.range.1 - self.range.0).abs().max(1.0)
    }

    /// Zooms by `factor` (> 1 zooms in) keeping the minute under pixel `x` fixed.
    pub fn zoomed(&self, factor: f64, x: f64) -> Self {
        let at = self.invert(x);
        let (d0, d1) = self.domain;
        let f = factor.clamp(0.01, 100.0);
        // Between one minute and ten thousand years across the axis.
        let width = ((d1 - d0) / f).clamp(10.0, 5.3e9);
        let left = at - (at - d0) / (d1 - d0) * width;
        TimeScale {
            domain: (left, left + width),
            range: self.range,
        }
    }

    /// Shifts the domain by `dx` pixels (positive moves later in time into view).
    pub fn panned(&self, dx: f64) -> Self {
        let dm = dx * self.minutes_per_px();
        TimeScale {
            domain: (self.domain.0 + dm, self.domain.1 + dm),
            range: self.range,
        }
    }

    /// The calendar interval giving about `count` ticks over the domain.
    pub fn interval(&self, count: usize) -> Interval {
        let target = (self.domain.1 - self.domain.0) / count.max(1) as f64;
        // The interval nearest the target on a log scale, as d3's time ticks choose.
        let dist = |&(u, st): &(Unit, i64)| {
            (Interval { unit: u, step: st }.approx_minutes() / target)
                .ln()
                .abs()
        };
        let (unit, step) = INTERVALS
            .iter()
            .copied()
            .min_by(|a, b| dist(a).total_cmp(&dist(b)))
            .unwrap_or((Unit::Year, 1000));
        Interval { unit, step }
    }

    /// About `count` ticks on calendar boundaries, labelled for `lang` at the interval's grain.
    pub fn ticks(&self, count: usize, lang: Lang) -> Vec<Tick> {
        let iv = self.interval(count);
        let start = self.domain.0.ceil() as i64;
        let end = self.domain.1.floor() as i64;
        let mut out = Vec::new();
        let mut t = iv.ceil(start);
        while t <= end && out.len() < 1000 {
            out.push(Tick {
                minute: t,
                x: self.map(t as f64),
                label: label(t, iv, lang, out.is_empty()),
            });
            let n = iv.next(t);
            if n <= t {
                break;
            }
            t = n;
        }
        out
    }
}

/// Labels say just what changes at this grain, plus the coarser context at the first tick
/// and at the coarser boundaries (the year on January, the month on its first day).
fn label(minute: i64, iv: Interval, lang: Lang, first: bool) -> String {
    let day = minute.div_euclid(DAY_MINUTES);
    let (y, m, d) = civil_from_days(day);
    let mins = minute.rem_euclid(DAY_MINUTES);
    match iv.unit {
        Unit::Year => year_text(y),
        Unit::Month => {
            if m == 1 || first {
                format!("{} {}", month_name(lang, m), year_text(y))
            } else {
                month_name(lang, m)
            }
        }
        Unit::Day => {
            let dm = match lang {
                Lang::Zh => format!("{m}月{d}日"),
                _ => format!("{d} {}", month_name(lang, m)),
            };
            if first || (m == 1 && d <= iv.step as u8) {
                format!("{dm} {}", year_text(y))
            } else {
                dm
            }
        }
        Unit::Minute => {
            let hm = format!("{:02}:{:02}", mins / 60, mins % 60);
            if first || mins == 0 {
                let dm = match lang {
                    Lang::Zh => format!("{m}月{d}日"),
                    _ => format!("{d} {}", month_name(lang, m)),
                };
                format!("{dm} {hm}")
            } else {
                hm
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::date::PartialDate;

    fn at(s: &str) -> f64 {
        PartialDate::parse(s).unwrap().start_minute() as f64
    }

    fn scale(a: &str, b: &str) -> TimeScale {
        TimeScale::new((at(a), at(b)), (0.0, 1000.0))
    }

    fn labels(s: &TimeScale, n: usize) -> Vec<String> {
        s.ticks(n, Lang::En).into_iter().map(|t| t.label).collect()
    }

    #[test]
    fn maps_and_inverts() {
        let s = scale("2022-01-01", "2022-01-11");
        assert_eq!(s.map(at("2022-01-06")), 500.0);
        assert_eq!(s.invert(500.0), at("2022-01-06"));
        let z = s.zoomed(2.0, 500.0);
        assert_eq!(z.invert(500.0), at("2022-01-06"));
        assert_eq!(z.domain.1 - z.domain.0, 5.0 * 1440.0);
        let p = s.panned(100.0);
        assert_eq!(p.domain.0, at("2022-01-02"));
    }

    #[test]
    fn ticks_at_every_zoom_level() {
        assert_eq!(
            labels(&scale("1990-01-01", "2030-01-01"), 5),
            ["1990", "2000", "2010", "2020", "2030"]
        );
        assert_eq!(
            labels(&scale("2021-11-01", "2022-03-01"), 5),
            ["Nov 2021", "Dec", "Jan 2022", "Feb", "Mar"]
        );
        assert_eq!(
            labels(&scale("2022-01-01", "2022-01-08"), 7),
            [
                "1 Jan 2022",
                "2 Jan",
                "3 Jan",
                "4 Jan",
                "5 Jan",
                "6 Jan",
                "7 Jan",
                "8 Jan"
            ]
        );
        assert_eq!(
            labels(&scale("2022-01-05T00:00", "2022-01-06T00:00"), 4),
            ["5 Jan 00:00", "06:00", "12:00", "18:00", "6 Jan 00:00"]
        );
        let s = scale("2022-01-05T10:00", "2022-01-05T11:00");
        assert_eq!(
            labels(&s, 4),
            ["5 Jan 10:00", "10:15", "10:30", "10:45", "11:00"]
        );
    }

    #[test]
    fn ticks_across_year_ends_and_leap_days() {
        let s = scale("2023-12-28", "2024-01-04");
        let l = labels(&s, 7);
        assert_eq!(l[0], "28 Dec 2023");
        assert!(l.contains(&"1 Jan 2024".to_string()), "{l:?}");
        let leap = scale("2024-02-27", "2024-03-02");
        assert_eq!(
            labels(&leap, 4),
            ["27 Feb 2024", "28 Feb", "29 Feb", "1 Mar", "2 Mar"]
        );
        let not_leap = scale("2023-02-27", "2023-03-02");
        assert_eq!(
            labels(&not_leap, 3),
            ["27 Feb 2023", "28 Feb", "1 Mar", "2 Mar"]
        );
    }

    #[test]
    fn before_1970_and_after_2038() {
        assert_eq!(
            labels(&scale("1914-01-01", "1918-01-01"), 4),
            ["1914", "1915", "1916", "1917", "1918"]
        );
        assert_eq!(
            labels(&scale("2040-01-01", "2040-04-01"), 3),
            ["Jan 2040", "Feb", "Mar", "Apr"]
        );
        assert_eq!(
            labels(&scale("1969-12-31", "1970-01-02"), 2),
            ["31 Dec 1969", "1 Jan 1970", "2 Jan"]
        );
    }

    #[test]
    fn weeks_start_on_monday_and_partial_dates_span() {
        let s = scale("2022-01-01", "2022-03-01");
        let iv = s.interval(8);
        assert_eq!(
            iv,
            Interval {
                unit: Unit::Day,
                step: 7
            }
        );
        let t = s.ticks(8, Lang::En);
        assert_eq!(t[0].minute as f64, at("2022-01-03")); // a Monday
        let month = PartialDate::parse("2022-01").unwrap();
        let (x0, x1) = (
            s.map(month.start_minute() as f64),
            s.map(month.end_minute() as f64),
        );
        assert!((x1 - x0 - 1000.0 * 31.0 / 59.0).abs() < 1e-9);
    }

    #[test]
    fn localized_labels() {
        let s = scale("2021-12-01", "2022-02-01");
        let zh: Vec<String> = s.ticks(3, Lang::Zh).into_iter().map(|t| t.label).collect();
        assert_eq!(zh, ["12月 2021", "1月 2022", "2月"]);
        let ru: Vec<String> = s.ticks(3, Lang::Ru).into_iter().map(|t| t.label).collect();
        assert_eq!(ru, ["дек 2021", "янв 2022", "фев"]);
    }

    #[test]
    fn degenerate_domains_do_not_hang() {
        let s = TimeScale::new((5.0, 5.0), (0.0, 100.0));
        assert!(s.domain.1 > s.domain.0);
        assert!(s.ticks(5, Lang::En).len() <= 1000);
        let huge = TimeScale::new((-5e9, 5e9), (0.0, 100.0));
        assert!(huge.ticks(5, Lang::En).len() < 50);
    }
}
