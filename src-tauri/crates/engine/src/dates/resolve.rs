//! Resolving a date expression against the anchor (the publication date, else a dateline, else
//! a year the text states) into a day or a range of days.

use chrono::{Datelike, Days, Months, NaiveDate};

use super::scan::{Expr, Rel, Unit};
use super::tense::Tense;

/// What the resolver knows: the anchor day, if any, and the year context, if any.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Anchor {
    pub day: Option<NaiveDate>,
    pub year: Option<i32>,
}

/// A resolved date: one day or an inclusive range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Resolved {
    Day(NaiveDate),
    Range(NaiveDate, NaiveDate),
}

impl Resolved {
    /// The first day it covers.
    pub fn start(self) -> NaiveDate {
        match self {
            Self::Day(d) | Self::Range(d, _) => d,
        }
    }

    /// `YYYY-MM-DD` or `YYYY-MM-DD..YYYY-MM-DD`.
    pub fn render(self) -> String {
        match self {
            Self::Day(d) => d.format("%Y-%m-%d").to_string(),
            Self::Range(a, b) => format!("{}..{}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d")),
        }
    }
}

fn month_range(y: i32, m: u32) -> Option<Resolved> {
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
    Some(Resolved::Range(first, last))
}

fn year_range(y: i32) -> Option<Resolved> {
    Some(Resolved::Range(
        NaiveDate::from_ymd_opt(y, 1, 1)?,
        NaiveDate::from_ymd_opt(y, 12, 31)?,
    ))
}

fn week_start(d: NaiveDate) -> Option<NaiveDate> {
    d.checked_sub_days(Days::new(u64::from(d.weekday().num_days_from_monday())))
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn shift(d: NaiveDate, n: i64, unit: Unit) -> Option<NaiveDate> {
    let months = |k: i64| {
        let m = Months::new(u32::try_from(k.unsigned_abs()).ok()?);
        if k >= 0 {
            d.checked_add_months(m)
        } else {
            d.checked_sub_months(m)
        }
    };
    match unit {
        Unit::Day => add_days(d, n),
        Unit::Week => add_days(d, n.checked_mul(7)?),
        Unit::Month => months(n),
        Unit::Year => months(n.checked_mul(12)?),
        // "within 24 hours" lies within a day or two of the anchor.
        Unit::Hour => add_days(d, n / 24),
    }
}

/// The year of a month (and day) without one: the side of the anchor the tense says. With no
/// tense to go by, the nearer occurrence, with days ahead counting double: news mostly reports
/// what has happened ("given the attack on October 7"), but "on August 17" written on
/// August 16 is tomorrow.
fn year_for(anchor: &Anchor, m: u32, d: u32, tense: Tense) -> Option<i32> {
    let Some(a) = anchor.day else {
        return anchor.year;
    };
    let here = (m, d);
    let now = (a.month(), a.day());
    Some(match tense {
        Tense::Future if here < now => a.year() + 1,
        Tense::Future => a.year(),
        Tense::Past if here > now => a.year() - 1,
        Tense::Past => a.year(),
        Tense::Unknown => {
            // Day numbers are approximate (31-day months): only the comparison matters.
            let day_of_year = |(m, d): (u32, u32)| i64::from(m) * 31 + i64::from(d);
            let delta = day_of_year(here) - day_of_year(now);
            let (ahead, behind) = if delta >= 0 {
                (delta, 372 - delta)
            } else {
                (372 + delta, -delta)
            };
            let future = ahead * 2 < behind;
            match (future, delta >= 0) {
                (true, true) | (false, false) => a.year(),
                (true, false) => a.year() + 1,
                (false, true) => a.year() - 1,
            }
        }
    })
}

/// Resolves `expr`; `None` where the text and anchor do not fix it.
pub(crate) fn resolve(expr: Expr, anchor: &Anchor, tense: Tense) -> Option<Resolved> {
    match expr {
        Expr::Date { y, m, d } => {
            let y = y.or_else(|| year_for(anchor, m, d, tense))?;
            NaiveDate::from_ymd_opt(y, m, d).map(Resolved::Day)
        }
        Expr::Month { y, m } => {
            // A month named without a day: compare at month granularity.
            let y = y.or_else(|| {
                let day = match tense {
                    Tense::Past => 1,
                    Tense::Future => 31,
                    Tense::Unknown => 15,
                };
                year_for(anchor, m, day, tense)
            })?;
            month_range(y, m)
        }
        Expr::Year(y) => year_range(y),
        Expr::Weekday { wd, rel } => {
            let a = anchor.day?;
            let now = i64::from(a.weekday().num_days_from_monday());
            let wd = i64::from(wd);
            let back = (now - wd).rem_euclid(7); // days since the last such weekday (0 = today)
            let fwd = (wd - now).rem_euclid(7);
            let offset = match (rel, tense) {
                (Some(Rel::Last), _) => -(if back == 0 { 7 } else { back }),
                (Some(Rel::Next), _) => {
                    if fwd == 0 {
                        7
                    } else {
                        fwd
                    }
                }
                (Some(Rel::This), _) | (None, Tense::Future) => fwd,
                _ => -back,
            };
            add_days(a, offset).map(Resolved::Day)
        }
        Expr::DayOfMonth(d) => {
            let a = anchor.day?;
            let base = NaiveDate::from_ymd_opt(a.year(), a.month(), 1)?;
            let base = match tense {
                Tense::Past if d > a.day() => base.checked_sub_months(Months::new(1))?,
                Tense::Future if d < a.day() => base.checked_add_months(Months::new(1))?,
                _ => base,
            };
            NaiveDate::from_ymd_opt(base.year(), base.month(), d).map(Resolved::Day)
        }
        Expr::Offset(n) => add_days(anchor.day?, n).map(Resolved::Day),
        Expr::DaysAround(n) => {
            let agrees = (n > 0 && tense == Tense::Future) || (n < 0 && tense == Tense::Past);
            if agrees {
                add_days(anchor.day?, n).map(Resolved::Day)
            } else {
                None
            }
        }
        Expr::Period(rel, unit) => period(anchor.day?, rel, unit),
        Expr::Within(n, unit) => {
            let a = anchor.day?;
            Some(Resolved::Range(a, shift(a, i64::from(n), unit)?))
        }
        Expr::Shift(n, unit) => {
            let d = shift(anchor.day?, n, unit)?;
            Some(match unit {
                Unit::Month if n.abs() > 1 => month_range(d.year(), d.month())?,
                Unit::Year => year_range(d.year())?,
                _ => Resolved::Day(d),
            })
        }
        Expr::Stretch { n, unit, ahead } => {
            let a = anchor.day?;
            match (n, ahead) {
                (Some(n), true) => Some(Resolved::Range(a, shift(a, i64::from(n), unit)?)),
                (Some(n), false) => Some(Resolved::Range(shift(a, -i64::from(n), unit)?, a)),
                // "the coming days/weeks/months": a few of them, as analysts read it.
                (None, true) => Some(Resolved::Range(a, shift(a, a_few(unit), unit)?)),
                // "the past few months" does not say how far back.
                (None, false) => None,
            }
        }
        Expr::Duration(n, unit) => {
            let a = anchor.day?;
            let n = i64::from(n);
            Some(if tense == Tense::Future {
                Resolved::Range(a, shift(a, n, unit)?)
            } else {
                Resolved::Range(shift(a, -n, unit)?, a)
            })
        }
        Expr::Between(n, m, unit) => {
            let a = anchor.day?;
            Some(Resolved::Range(
                shift(a, i64::from(n), unit)?,
                shift(a, i64::from(m), unit)?,
            ))
        }
        Expr::EndOf { rel, unit, by } => {
            let a = anchor.day?;
            let Resolved::Range(s, e) = period(a, rel, unit)? else {
                return None;
            };
            Some(if by {
                Resolved::Range(a.max(s), e)
            } else {
                Resolved::Range(last_part(s, e, unit)?, e)
            })
        }
        Expr::Days { y, m, d1, d2 } => {
            let y = y.or_else(|| year_for(anchor, m, d1, tense))?;
            Some(Resolved::Range(
                NaiveDate::from_ymd_opt(y, m, d1)?,
                NaiveDate::from_ymd_opt(y, m, d2)?,
            ))
        }
        Expr::Vague => None,
    }
}

/// How many units "the coming days / weeks / months" covers: a week of days, a month of
/// weeks, a quarter of months, two years.
fn a_few(unit: Unit) -> i64 {
    match unit {
        Unit::Day => 7,
        Unit::Week => 4,
        Unit::Month => 3,
        Unit::Year => 2,
        Unit::Hour => 24,
    }
}

/// The last part of a period, for "at the end of": the weekend of a week (Friday on), the
/// last ten or so days of a month (the 21st on), December of a year.
fn last_part(start: NaiveDate, end: NaiveDate, unit: Unit) -> Option<NaiveDate> {
    match unit {
        Unit::Week => start.checked_add_days(Days::new(4)),
        Unit::Month => NaiveDate::from_ymd_opt(start.year(), start.month(), 21),
        Unit::Year => NaiveDate::from_ymd_opt(end.year(), 12, 1),
        Unit::Day | Unit::Hour => Some(start),
    }
}

/// "late October" (the 21st to the end), "early October" (1st to 10th), "mid-October"
/// (11th to 20th): the part of month range `r` that `word` names.
pub(crate) fn part_of_month(r: Resolved, word: &str) -> Resolved {
    let Resolved::Range(s, e) = r else {
        return r;
    };
    let day = |d: u32| NaiveDate::from_ymd_opt(s.year(), s.month(), d);
    let part = match word {
        "early" => day(1).zip(day(10)),
        "mid" => day(11).zip(day(20)),
        "late" => day(21).map(|d| (d, e)),
        _ => None,
    };
    match part {
        Some((a, b)) if s.month() == e.month() && s.year() == e.year() => Resolved::Range(a, b),
        _ => r,
    }
}

fn period(a: NaiveDate, rel: Rel, unit: Unit) -> Option<Resolved> {
    let whole = |d: NaiveDate| -> Option<(NaiveDate, NaiveDate)> {
        Some(match unit {
            Unit::Day | Unit::Hour => (d, d),
            Unit::Week => {
                let s = week_start(d)?;
                (s, s.checked_add_days(Days::new(6))?)
            }
            Unit::Month => {
                let s = NaiveDate::from_ymd_opt(d.year(), d.month(), 1)?;
                (s, s.checked_add_months(Months::new(1))?.pred_opt()?)
            }
            Unit::Year => (
                NaiveDate::from_ymd_opt(d.year(), 1, 1)?,
                NaiveDate::from_ymd_opt(d.year(), 12, 31)?,
            ),
        })
    };
    let (s, e) = match rel {
        Rel::This | Rel::EarlierThis | Rel::LaterThis => whole(a)?,
        Rel::Last => whole(shift(a, -1, unit)?)?,
        Rel::Next => whole(shift(a, 1, unit)?)?,
    };
    Some(match rel {
        Rel::EarlierThis => Resolved::Range(s, a),
        Rel::LaterThis => Resolved::Range(a, e),
        _ if s == e => Resolved::Day(s),
        _ => Resolved::Range(s, e),
    })
}
