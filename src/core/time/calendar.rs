//! Calendar text: month names and dates at their own precision, in the interface language.
//! The time scale's axis labels and every date the interface shows use these.

use crate::text::lang::Lang;
use crate::time::date::{civil_from_days, PartialDate, DAY_MINUTES};

/// Short month names for axis labels.
pub fn month_name(lang: Lang, month: u8) -> String {
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    const RU: [&str; 12] = [
        "янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
    ];
    const KK: [&str; 12] = [
        "қаң", "ақп", "нау", "сәу", "мам", "мау", "шіл", "там", "қыр", "қаз", "қар", "жел",
    ];
    let i = usize::from(month.clamp(1, 12) - 1);
    let short = |names: [&str; 12]| names.get(i).copied().unwrap_or_default().to_string();
    match lang {
        Lang::En => short(EN),
        Lang::Ru => short(RU),
        Lang::Kk => short(KK),
        Lang::Zh => format!("{}月", i + 1),
    }
}

/// A date at its own precision, in the interface language ("5 Jan 2022", "январь 2022"...).
pub fn format_date(lang: Lang, d: &PartialDate) -> String {
    let y = d.year;
    let time = d
        .time
        .map(|(h, m)| format!(" {h:02}:{m:02}"))
        .unwrap_or_default();
    match (d.month, d.day, lang) {
        (None, _, Lang::Zh) => format!("{y}年"),
        (None, _, _) => y.to_string(),
        (Some(m), None, Lang::Zh) => format!("{y}年{m}月"),
        (Some(m), None, _) => format!("{} {y}", month_name(lang, m)),
        (Some(m), Some(day), Lang::Zh) => format!("{y}年{m}月{day}日{time}"),
        (Some(m), Some(day), _) => format!("{day} {} {y}{time}", month_name(lang, m)),
    }
}

/// The day a minute (since 1970-01-01, calendar time) falls on.
pub fn day_of_minute(minute: i64) -> PartialDate {
    let (y, mo, d) = civil_from_days(minute.div_euclid(DAY_MINUTES));
    PartialDate::ymd(y, mo, d)
}

/// A minute as the shortest date that names it exactly: a day when it is midnight,
/// else the day with its time ("2022-01-05", "2022-01-05T14:30").
pub fn minute_date(minute: i64) -> PartialDate {
    let day = day_of_minute(minute);
    let rem = minute.rem_euclid(DAY_MINUTES);
    if rem == 0 {
        day
    } else {
        PartialDate {
            time: Some(((rem / 60) as u8, (rem % 60) as u8)),
            ..day
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_at_their_precision() {
        let d = PartialDate::parse("2022-01-05").unwrap();
        assert_eq!(format_date(Lang::En, &d), "5 Jan 2022");
        assert_eq!(format_date(Lang::Zh, &d), "2022年1月5日");
        let m = PartialDate::parse("2022-01").unwrap();
        assert_eq!(format_date(Lang::Ru, &m), "янв 2022");
        assert_eq!(format_date(Lang::Zh, &m), "2022年1月");
        let y = PartialDate::parse("2021").unwrap();
        assert_eq!(format_date(Lang::Kk, &y), "2021");
        assert_eq!(month_name(Lang::Kk, 12), "жел");
    }

    #[test]
    fn minutes_as_dates() {
        let d = PartialDate::parse("2022-01-05").unwrap();
        assert_eq!(day_of_minute(d.start_minute() + 600).to_iso(), "2022-01-05");
        assert_eq!(minute_date(d.start_minute()).to_iso(), "2022-01-05");
        assert_eq!(
            minute_date(d.start_minute() + 14 * 60 + 30).to_iso(),
            "2022-01-05T14:30"
        );
        assert_eq!(day_of_minute(-1).to_iso(), "1969-12-31");
    }
}
