//! The brushed date range and how it changes: from a drag on the strip, from the date
//! fields, and step by step while playing through time. Minutes since 1970-01-01.

use crate::time::date::PartialDate;
use crate::time::time_scale::TimeScale;

/// A date range `[start, end)` in minutes.
pub type Range = (i64, i64);

/// The range a drag from pixel `a` to pixel `b` covers, whole minutes; `None` for an empty one.
pub fn brushed(scale: &TimeScale, a: f64, b: f64) -> Option<Range> {
    let start = scale.invert(a.min(b)).round() as i64;
    let end = scale.invert(a.max(b)).round() as i64;
    (end > start).then_some((start, end))
}

/// Which end of the range a date field sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    From,
    To,
}

/// What typing into a date field does to the range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// A complete, valid date: the new range.
    Set(Range),
    /// The field was emptied: no range.
    Clear,
    /// Half typed, or after the other end: leave the range as it is.
    Keep,
}

/// The range after `text` is entered in the `end` field, with `current` the range now
/// (or, when there is none, `frame`, the timeline's default frame). A From date starts on
/// its day, a To date ends with its day. A year before 1000 is taken for one still being
/// typed (a date field reads "0002-01-05" after the first digit) and changes nothing; such
/// dates can still be brushed on the timeline.
pub fn edit(current: Option<Range>, frame: (f64, f64), end: End, text: &str) -> Edit {
    if text.trim().is_empty() {
        return Edit::Clear;
    }
    let Ok(date) = PartialDate::parse(text.trim()) else {
        return Edit::Keep;
    };
    if date.year < 1000 {
        return Edit::Keep;
    }
    let cur = current.unwrap_or((frame.0 as i64, frame.1 as i64));
    let next = match end {
        End::From => (date.start_minute(), cur.1),
        End::To => (cur.0, date.end_minute()),
    };
    if next.1 > next.0 {
        Edit::Set(next)
    } else {
        Edit::Keep
    }
}

/// Playing through time: a window that moves by `step` minutes every `every_ms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Play {
    pub window: Range,
    pub step: i64,
    pub every_ms: u32,
    /// Where the frame ends: the window stops before it passes this.
    pub until: i64,
}

impl Play {
    /// Starts from the brushed range if it is inside the frame, else from the frame's
    /// first eighth. Smooth: a twelfth of the window every 120 ms; with reduced motion, a
    /// whole window every 1.2 s (whole minutes, so each window starts where the last ended).
    pub fn start(frame: (f64, f64), range: Option<Range>, reduced_motion: bool) -> Play {
        let (f0, f1) = frame;
        let (a, b) = range
            .filter(|&(a, _)| (a as f64) < f1)
            .unwrap_or((f0.round() as i64, (f0 + (f1 - f0) / 8.0).round() as i64));
        let b = b.max(a + 1);
        let (step, every_ms) = if reduced_motion {
            (b - a, 1200)
        } else {
            (((b - a) / 12).max(1), 120)
        };
        Play {
            window: (a, b),
            step,
            every_ms,
            until: f1.round() as i64,
        }
    }

    /// The next window after `current`, or `None` when playing should stop.
    pub fn next(&self, current: Option<Range>) -> Option<Range> {
        let (a, b) = current?;
        (a + self.step < self.until).then_some((a + self.step, b + self.step))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::date::DAY_MINUTES;

    fn minute(s: &str) -> i64 {
        PartialDate::parse(s).unwrap().start_minute()
    }

    #[test]
    fn a_drag_covers_whole_minutes_either_way() {
        let s = TimeScale::new((0.0, 1000.0), (0.0, 100.0));
        assert_eq!(brushed(&s, 10.0, 20.0), Some((100, 200)));
        assert_eq!(brushed(&s, 20.0, 10.0), Some((100, 200)));
        assert_eq!(brushed(&s, 10.0, 10.01), None);
    }

    #[test]
    fn date_fields_set_complete_dates_only() {
        let frame = (minute("2022-01-01") as f64, minute("2022-02-01") as f64);
        let jan5 = minute("2022-01-05");
        assert_eq!(
            edit(None, frame, End::From, "2022-01-05"),
            Edit::Set((jan5, frame.1 as i64))
        );
        assert_eq!(
            edit(
                Some((jan5, jan5 + 10 * DAY_MINUTES)),
                frame,
                End::To,
                "2022-01-07"
            ),
            Edit::Set((jan5, minute("2022-01-08")))
        );
        // Half typed ("0002" while typing a year), garbage, and ends before starts: kept.
        assert_eq!(edit(None, frame, End::From, "0002-01-05"), Edit::Keep);
        assert_eq!(edit(None, frame, End::From, "0202-01-05"), Edit::Keep);
        assert_eq!(edit(None, frame, End::From, "2022-13-01"), Edit::Keep);
        assert_eq!(edit(None, frame, End::From, "soon"), Edit::Keep);
        assert_eq!(
            edit(
                Some((jan5, jan5 + DAY_MINUTES)),
                frame,
                End::To,
                "2022-01-01"
            ),
            Edit::Keep
        );
        assert_eq!(
            edit(Some((jan5, jan5 + 1)), frame, End::To, " "),
            Edit::Clear
        );
    }

    #[test]
    fn play_sweeps_to_the_end_of_the_frame() {
        let frame = (0.0, 800.0);
        let p = Play::start(frame, None, false);
        assert_eq!(p.window, (0, 100));
        assert_eq!((p.step, p.every_ms), (8, 120));
        let mut w = Some(p.window);
        let mut steps = 0;
        while let Some(next) = p.next(w) {
            w = Some(next);
            steps += 1;
        }
        assert_eq!(
            steps, 99,
            "until the window's start reaches the frame's end"
        );
        // Reduced motion jumps a whole window each step, and resumes from the range.
        let r = Play::start(frame, Some((200, 300)), true);
        assert_eq!((r.window, r.step, r.every_ms), ((200, 300), 100, 1200));
        assert_eq!(r.next(Some((200, 300))), Some((300, 400)));
        // A range past the frame restarts at the frame's beginning.
        assert_eq!(Play::start(frame, Some((900, 950)), true).window, (0, 100));
        assert_eq!(p.next(None), None);
    }
}
