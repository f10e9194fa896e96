//! Calendar dates as authors write them (`2026-11-01`) and as readers see
//! them ("1 November 2026").
//!
//! Front matter and `data/contacts.yaml` hold dates; checks compare them with
//! today. The YAML error for a bad date is raised inside the parser's visitor
//! so that it carries the line of the bad value.

use std::fmt;

use jiff::civil;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Prefix that marks our bad-date errors, so `yaml` can give them their own rule id.
pub const NOT_A_DATE: &str = "not a date:";

/// English month names, for dates in English and for titles made from
/// dated folders (`2025/06` → "June 2025").
pub const MONTHS: [&str; 12] = [
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub civil::Date);

impl Date {
    /// Parses exactly `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return None;
        }
        text.parse::<civil::Date>().ok().map(Date)
    }

    /// Today's date in the machine's time zone. `SIGNPOST_TODAY=YYYY-MM-DD`
    /// overrides it, so tests and reproducible CI runs can fix the day.
    pub fn today() -> Date {
        if let Some(fixed) = std::env::var("SIGNPOST_TODAY")
            .ok()
            .as_deref()
            .and_then(Date::parse)
        {
            return fixed;
        }
        Date(jiff::Zoned::now().date())
    }

    /// The day of this build, for pages that say when they were made (the
    /// accessibility statement): `SIGNPOST_TODAY` when set, else
    /// `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds
    /// convention) as a UTC date, else today.
    pub fn build_date() -> Date {
        let fixed = std::env::var("SIGNPOST_TODAY")
            .ok()
            .as_deref()
            .and_then(Date::parse);
        let from_epoch = || {
            let seconds: i64 = std::env::var("SOURCE_DATE_EPOCH")
                .ok()?
                .trim()
                .parse()
                .ok()?;
            let moment = jiff::Timestamp::from_second(seconds).ok()?;
            Some(Date(moment.to_zoned(jiff::tz::TimeZone::UTC).date()))
        };
        fixed.or_else(from_epoch).unwrap_or_else(Date::today)
    }

    /// "1 November 2026": the long form is unambiguous in every English locale.
    pub fn long(self) -> String {
        format!(
            "{} {} {}",
            self.0.day(),
            MONTHS[(self.0.month() - 1) as usize],
            self.0.year()
        )
    }

    /// Year, month (1–12) and day, for dates written in other languages.
    pub fn parts(self) -> (i16, i8, i8) {
        (self.0.year(), self.0.month(), self.0.day())
    }

    pub fn iso(self) -> String {
        self.to_string()
    }

    /// The date `months` calendar months earlier (clamped to the month's end).
    pub fn months_before(self, months: i32) -> Date {
        Date(
            self.0
                .checked_sub(jiff::Span::new().months(months))
                .unwrap_or(civil::Date::MIN),
        )
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl serde::de::Visitor<'_> for DateVisitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date written as YYYY-MM-DD")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Date, E> {
                Date::parse(text).ok_or_else(|| {
                    E::custom(format!(
                        "{NOT_A_DATE} `{text}` is not a real date in the form YYYY-MM-DD"
                    ))
                })
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Date, E> {
                self.visit_str(&n.to_string())
            }
            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Date, E> {
                self.visit_str(&n.to_string())
            }
        }
        deserializer.deserialize_str(DateVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_real_iso_dates() {
        assert!(Date::parse("2026-11-01").is_some());
        assert!(Date::parse("2026-02-30").is_none());
        assert!(Date::parse("2026-1-01").is_none());
        assert!(Date::parse("01/11/2026").is_none());
        assert!(Date::parse("1 Nov 2026").is_none());
    }

    #[test]
    fn long_form_reads_naturally() {
        assert_eq!(Date::parse("2026-11-01").unwrap().long(), "1 November 2026");
    }

    #[test]
    fn months_before_clamps_to_month_end() {
        let d = Date::parse("2027-03-31").unwrap();
        assert_eq!(d.months_before(1).iso(), "2027-02-28");
        assert_eq!(d.months_before(12).iso(), "2026-03-31");
    }
}
