//! Working days for the debrief: three weeks after a session, moved off
//! weekends and the nationwide public holidays (and 24.12., 31.12.) to the
//! next working day. Easter by the Gregorian computus (Meeus/Jones/Butcher).

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Why a day is no working day (worded by `i18n::words`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOff {
    Saturday,
    Sunday,
    Holiday(Holiday),
}

/// The nationwide public holidays, with 24.12. and 31.12.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    NewYear,
    GoodFriday,
    EasterMonday,
    LabourDay,
    Ascension,
    WhitMonday,
    UnityDay,
    ChristmasEve,
    ChristmasDay,
    BoxingDay,
    NewYearsEve,
}

/// Easter Sunday of `year` (Gregorian calendar). The letters are those of the
/// published algorithm, so it can be checked against it line by line.
#[allow(clippy::many_single_char_names)]
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// Why `day` is no working day, or `None` when it is one.
pub fn day_off(day: NaiveDate) -> Option<DayOff> {
    let fixed = match (day.month(), day.day()) {
        (1, 1) => Some(Holiday::NewYear),
        (5, 1) => Some(Holiday::LabourDay),
        (10, 3) => Some(Holiday::UnityDay),
        (12, 24) => Some(Holiday::ChristmasEve),
        (12, 25) => Some(Holiday::ChristmasDay),
        (12, 26) => Some(Holiday::BoxingDay),
        (12, 31) => Some(Holiday::NewYearsEve),
        _ => None,
    };
    let movable = easter_sunday(day.year()).and_then(|easter| {
        let offset = (day - easter).num_days();
        match offset {
            -2 => Some(Holiday::GoodFriday),
            1 => Some(Holiday::EasterMonday),
            39 => Some(Holiday::Ascension),
            50 => Some(Holiday::WhitMonday),
            _ => None,
        }
    });
    if let Some(holiday) = fixed.or(movable) {
        return Some(DayOff::Holiday(holiday));
    }
    match day.weekday() {
        Weekday::Sat => Some(DayOff::Saturday),
        Weekday::Sun => Some(DayOff::Sunday),
        _ => None,
    }
}

/// The debrief date proposed for a session on `session_date`: three weeks
/// after, moved to the next working day; `skipped` says which days were no
/// working days and why (empty when the first date is one). Worded by
/// `i18n::words::debrief_moved`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DebriefProposal {
    pub date: NaiveDate,
    pub skipped: Vec<(NaiveDate, DayOff)>,
}

impl DebriefProposal {
    pub fn for_session(session_date: NaiveDate) -> Self {
        let mut date = session_date + Days::new(21);
        let mut skipped = Vec::new();
        while let Some(why) = day_off(date) {
            skipped.push((date, why));
            date = date + Days::new(1);
        }
        Self { date, skipped }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn easter_of_known_years() {
        assert_eq!(easter_sunday(2024), Some(d(2024, 3, 31)));
        assert_eq!(easter_sunday(2025), Some(d(2025, 4, 20)));
        assert_eq!(easter_sunday(2026), Some(d(2026, 4, 5)));
        assert_eq!(easter_sunday(2038), Some(d(2038, 4, 25)));
        assert_eq!(easter_sunday(2008), Some(d(2008, 3, 23)));
    }

    #[test]
    fn holidays_and_weekends() {
        assert_eq!(
            day_off(d(2025, 4, 18)),
            Some(DayOff::Holiday(Holiday::GoodFriday))
        );
        assert_eq!(
            day_off(d(2025, 5, 29)),
            Some(DayOff::Holiday(Holiday::Ascension))
        );
        assert_eq!(
            day_off(d(2025, 6, 9)),
            Some(DayOff::Holiday(Holiday::WhitMonday))
        );
        assert_eq!(day_off(d(2025, 12, 27)), Some(DayOff::Saturday));
        assert_eq!(day_off(d(2025, 12, 29)), None);
    }

    #[test]
    fn proposal_moves_over_the_turn_of_the_year() {
        // 10.12.2025 + 21 days = Wed 31.12. → Thu 01.01. → Fri 02.01.2026
        let p = DebriefProposal::for_session(d(2025, 12, 10));
        assert_eq!(p.date, d(2026, 1, 2));
        assert_eq!(p.skipped.len(), 2);
    }
}
