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

/// Full month names: English; Russian in the nominative ("июль 2022") and genitive
/// ("4 июля 2022"); Kazakh.
const EN_LONG: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const RU_NOMINATIVE: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];
const RU_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const KK_LONG: [&str; 12] = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
];

/// A date at its own precision in the interface language, in CLDR's long date patterns
/// ("January 5, 2022", "5 января 2022 г.", "2022年1月5日", "2022 ж. 5 қаңтар"), as the
/// browser's `Intl.DateTimeFormat` writes them (a component test compares the two where the
/// browser has the language's month names). The shell writes every date with it.
pub fn format_date(lang: Lang, d: &PartialDate) -> String {
    let y = d.year;
    let time = d
        .time
        .map(|(h, m)| format!(" {h:02}:{m:02}"))
        .unwrap_or_default();
    let name = |names: [&'static str; 12], m: u8| {
        names
            .get(usize::from(m.clamp(1, 12) - 1))
            .copied()
            .unwrap_or_default()
    };
    match (d.month, d.day, lang) {
        (None, _, Lang::En) => y.to_string(),
        (None, _, Lang::Ru) => y.to_string(),
        (None, _, Lang::Zh) => format!("{y}年"),
        (None, _, Lang::Kk) => format!("{y} ж."),
        (Some(m), None, Lang::En) => format!("{} {y}", name(EN_LONG, m)),
        (Some(m), None, Lang::Ru) => format!("{} {y} г.", name(RU_NOMINATIVE, m)),
        (Some(m), None, Lang::Zh) => format!("{y}年{m}月"),
        (Some(m), None, Lang::Kk) => format!("{y} ж. {}", name(KK_LONG, m)),
        (Some(m), Some(day), Lang::En) => format!("{} {day}, {y}{time}", name(EN_LONG, m)),
        (Some(m), Some(day), Lang::Ru) => format!("{day} {} {y} г.{time}", name(RU_GENITIVE, m)),
        (Some(m), Some(day), Lang::Zh) => format!("{y}年{m}月{day}日{time}"),
        (Some(m), Some(day), Lang::Kk) => format!("{y} ж. {day} {}{time}", name(KK_LONG, m)),
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
        assert_eq!(format_date(Lang::En, &d), "January 5, 2022");
        assert_eq!(format_date(Lang::Zh, &d), "2022年1月5日");
        // Russian days take the genitive month; a month alone, the nominative.
        let jul = PartialDate::parse("2022-07-04").unwrap();
        assert_eq!(format_date(Lang::Ru, &jul), "4 июля 2022 г.");
        assert_eq!(format_date(Lang::Kk, &jul), "2022 ж. 4 шілде");
        let m = PartialDate::parse("2022-01").unwrap();
        assert_eq!(format_date(Lang::Ru, &m), "январь 2022 г.");
        assert_eq!(format_date(Lang::Zh, &m), "2022年1月");
        assert_eq!(format_date(Lang::Kk, &m), "2022 ж. қаңтар");
        let y = PartialDate::parse("2021").unwrap();
        assert_eq!(format_date(Lang::Kk, &y), "2021 ж.");
        assert_eq!(format_date(Lang::En, &y), "2021");
        assert_eq!(format_date(Lang::Ru, &y), "2021");
        let t = PartialDate::parse("2022-01-05T14:30").unwrap();
        assert_eq!(format_date(Lang::En, &t), "January 5, 2022 14:30");
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
