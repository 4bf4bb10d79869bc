//! The publication day of a page from its metadata's timestamp, however the site wrote it.

use chrono::{DateTime, NaiveDate};

/// `YYYY-MM-DD` of an ISO 8601 / RFC 3339 timestamp (the day as the publisher wrote it, not
/// moved to UTC), an RFC 2822 date, or a date written out ("January 12, 2017", "12 Jan 2017").
#[must_use]
pub fn day(stamp: &str) -> Option<String> {
    let s = stamp.trim();
    let iso = s
        .get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    iso.or_else(|| DateTime::parse_from_rfc2822(s).ok().map(|d| d.date_naive()))
        .or_else(|| {
            ["%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d"]
                .iter()
                .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
        })
        .map(|d| d.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::day;

    #[test]
    fn timestamps_in_the_forms_sites_use() {
        for (stamp, want) in [
            ("2017-01-12T21:34:00+00:00", Some("2017-01-12")),
            ("2015-03-05T23:59:00-05:00", Some("2015-03-05")),
            ("2016-07-01", Some("2016-07-01")),
            ("Thu, 12 Jan 2017 10:00:00 GMT", Some("2017-01-12")),
            ("January 12, 2017", Some("2017-01-12")),
            ("12 Jan 2017", Some("2017-01-12")),
            ("yesterday", None),
            ("", None),
            ("2017-13-45T00:00", None),
        ] {
            assert_eq!(day(stamp).as_deref(), want, "{stamp}");
        }
    }
}
