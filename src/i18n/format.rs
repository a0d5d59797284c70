//! Dates and numbers as each language writes them, from the Unicode CLDR data compiled
//! into ICU4X (`icu_datetime`, `icu_decimal`): "5 December 2026 at 15:47",
//! "5 décembre 2026 à 15:47", "2026年12月5日 15:47", "5 ديسمبر 2026 في 3:47 م".
//!
//! Times are stored and shown in UTC; the pages add "UTC" after the time. English uses
//! the `en-GB` forms (day before month, a 24-hour clock), as UN documents do.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use icu_datetime::fieldsets::{YMD, YMDT};
use icu_datetime::input::{Date, DateTime, Time};
use icu_datetime::options::TimePrecision;
use icu_datetime::{DateTimeFormatterPreferences, FixedCalendarDateTimeFormatter};
use icu_decimal::input::Decimal;
use icu_decimal::{DecimalFormatter, DecimalFormatterPreferences};
use icu_locale_core::Locale;

use super::{current, Lang};

use icu_calendar::Gregorian;

struct Formatters {
    date: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    date_time: FixedCalendarDateTimeFormatter<Gregorian, YMDT>,
    number: DecimalFormatter,
}

/// The CLDR locale whose forms a language's pages use.
fn locale(lang: Lang) -> Locale {
    let tag = match lang {
        Lang::En => "en-GB",
        other => other.code(),
    };
    tag.parse().unwrap_or(Locale::UNKNOWN)
}

/// One set of formatters per language, made on first use. The data is part of the
/// binary (`compiled_data`), so making them cannot fail for the six languages; if it
/// ever did, the English set is used.
static FORMATTERS: LazyLock<Vec<Option<Formatters>>> = LazyLock::new(|| {
    Lang::ALL
        .into_iter()
        .map(|lang| {
            let locale = locale(lang);
            let prefs = DateTimeFormatterPreferences::from(&locale);
            let made = (|| {
                Some(Formatters {
                    date: FixedCalendarDateTimeFormatter::try_new(prefs, YMD::long()).ok()?,
                    date_time: FixedCalendarDateTimeFormatter::try_new(
                        prefs,
                        YMDT::long().with_time_precision(TimePrecision::Minute),
                    )
                    .ok()?,
                    number: DecimalFormatter::try_new(
                        DecimalFormatterPreferences::from(&locale),
                        Default::default(),
                    )
                    .ok()?,
                })
            })();
            if made.is_none() {
                tracing::error!(language = lang.code(), "no CLDR formatters");
            }
            made
        })
        .collect()
});

fn formatters(lang: Lang) -> Option<&'static Formatters> {
    let all = &*FORMATTERS;
    all[lang as usize]
        .as_ref()
        .or(all[Lang::En as usize].as_ref())
}

fn icu_date(d: NaiveDate) -> Option<Date<Gregorian>> {
    let month = u8::try_from(d.month()).ok()?;
    let day = u8::try_from(d.day()).ok()?;
    Date::try_new_gregorian(d.year(), month, day).ok()
}

/// A day in the current language: "5 December 2026", "5 décembre 2026", "2026年12月5日".
pub fn date(d: NaiveDate) -> String {
    date_in(current(), d)
}

/// [`date`] in a named language.
pub fn date_in(lang: Lang, d: NaiveDate) -> String {
    match (formatters(lang), icu_date(d)) {
        (Some(f), Some(day)) => f.date.format(&day).to_string(),
        _ => d.format("%Y-%m-%d").to_string(),
    }
}

/// A moment in the current language, to the minute, in UTC: "5 December 2026 at 15:47 UTC".
pub fn date_time(t: NaiveDateTime) -> String {
    date_time_in(current(), t)
}

/// [`date_time`] in a named language.
pub fn date_time_in(lang: Lang, t: NaiveDateTime) -> String {
    let time = Time::try_new(t.hour() as u8, t.minute() as u8, 0, 0).ok();
    match (formatters(lang), icu_date(t.date()), time) {
        (Some(f), Some(date), Some(time)) => {
            format!("{} UTC", f.date_time.format(&DateTime { date, time }))
        }
        _ => t.format("%Y-%m-%d %H:%M UTC").to_string(),
    }
}

/// The day of an RFC 3339 time as the API writes it (`2026-12-05T15:47:00Z`), in the
/// current language; the text itself if it is not one.
pub fn day_of(rfc3339: &str) -> String {
    rfc3339
        .get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .map_or_else(|| rfc3339.to_string(), date)
}

/// An RFC 3339 time (`2026-12-05T15:47:00Z`) to the minute, in the current language;
/// the text itself if it is not one.
pub fn moment_of(rfc3339: &str) -> String {
    rfc3339
        .get(..16)
        .and_then(|t| NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M").ok())
        .map_or_else(|| rfc3339.to_string(), date_time)
}

/// A whole number in the current language: "12,345", "12 345", "12.345".
pub fn number(n: i64) -> String {
    number_in(current(), n)
}

/// [`number`] in a named language.
pub fn number_in(lang: Lang, n: i64) -> String {
    match formatters(lang) {
        Some(f) => f.number.format(&Decimal::from(n)).to_string(),
        None => n.to_string(),
    }
}

/// The number formatter of a Fluent bundle (`FluentBundle::set_formatter`): whole
/// numbers in messages (`{ $n } comments`) are written as the language writes them. A
/// plain function, so one per language (`L` is the `Lang` index).
pub(super) fn fluent_number<const L: usize, M>(
    value: &fluent_bundle::FluentValue<'_>,
    _: &M,
) -> Option<String> {
    let fluent_bundle::FluentValue::Number(n) = value else {
        return None;
    };
    let whole = n.value.fract() == 0.0 && n.value.abs() < 1e15;
    whole.then(|| number_in(Lang::ALL[L], n.value as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moment() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 5)
            .and_then(|d| d.and_hms_opt(15, 47, 0))
            .expect("a valid moment")
    }

    #[test]
    fn dates_are_written_as_each_language_writes_them() {
        let day = moment().date();
        assert_eq!(date_in(Lang::En, day), "5 December 2026");
        assert_eq!(date_in(Lang::Fr, day), "5 décembre 2026");
        assert_eq!(date_in(Lang::Es, day), "5 de diciembre de 2026");
        assert_eq!(date_in(Lang::Ru, day), "5 декабря 2026\u{202f}г.");
        assert_eq!(date_in(Lang::Zh, day), "2026年12月5日");
        assert!(
            date_in(Lang::Ar, day).contains("ديسمبر"),
            "{}",
            date_in(Lang::Ar, day)
        );
        assert_eq!(
            date_time_in(Lang::En, moment()),
            "5 December 2026 at 15:47 UTC"
        );
        assert!(date_time_in(Lang::Fr, moment()).starts_with("5 décembre 2026"));
        assert!(date_time_in(Lang::Zh, moment()).ends_with("15:47 UTC"));
    }

    #[test]
    fn numbers_are_grouped_as_each_language_groups_them() {
        assert_eq!(number_in(Lang::En, 12345), "12,345");
        assert_eq!(number_in(Lang::Fr, 12345), "12\u{202f}345");
        assert_eq!(number_in(Lang::Es, 12345), "12.345");
        assert_eq!(number_in(Lang::Zh, 12345), "12,345");
        assert_eq!(number_in(Lang::En, 7), "7");
    }

    #[test]
    fn an_api_time_becomes_a_day_and_other_text_is_kept() {
        assert_eq!(
            super::super::in_lang(Lang::Fr, || day_of("2026-12-05T15:47:00Z")),
            "5 décembre 2026"
        );
        assert_eq!(day_of("soon"), "soon");
    }
}
