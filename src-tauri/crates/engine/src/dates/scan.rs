//! Finding date expressions: a tokeniser and a left-to-right matcher over the tokens of one
//! sentence. Each position is tried once and a match skips past itself, so a sentence is
//! scanned in linear time.

use std::sync::LazyLock;

use crate::lexicon;
use crate::model::Span;

/// A token: a run of letters and digits, or one other non-space character.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok<'a> {
    pub s: &'a str,
    pub span: Span,
}

impl Tok<'_> {
    fn is(&self, word: &str) -> bool {
        self.s.eq_ignore_ascii_case(word)
    }
    fn is_any(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.is(w))
    }
    fn num(&self) -> Option<u32> {
        if self.s.len() <= 4 && self.s.bytes().all(|b| b.is_ascii_digit()) {
            self.s.parse().ok()
        } else {
            None
        }
    }
    fn capitalised(&self) -> bool {
        self.s.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Splits `text[span]` into tokens with absolute spans.
pub(crate) fn tokens(text: &str, span: Span) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let s = &text[span.range()];
    let mut run: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if c.is_alphanumeric() {
            run.get_or_insert(i);
            continue;
        }
        if let Some(st) = run.take() {
            out.push(tok(text, span.start + st, span.start + i));
        }
        if !c.is_whitespace() {
            out.push(tok(text, span.start + i, span.start + i + c.len_utf8()));
        }
    }
    if let Some(st) = run {
        out.push(tok(text, span.start + st, span.end));
    }
    out
}

fn tok(text: &str, start: usize, end: usize) -> Tok<'_> {
    Tok {
        s: &text[start..end],
        span: Span::new(start, end),
    }
}

/// A unit of calendar time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Year,
    Hour,
}

/// Which way a relative expression points from the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rel {
    Last,
    This,
    Next,
    /// "earlier this year": from the start of the period to the anchor.
    EarlierThis,
    /// "later this year": from the anchor to the end of the period.
    LaterThis,
}

/// What a date expression means, before it is resolved against an anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expr {
    /// A calendar day; the year may be missing.
    Date { y: Option<i32>, m: u32, d: u32 },
    /// A month; the year may be missing.
    Month { y: Option<i32>, m: u32 },
    /// A year.
    Year(i32),
    /// A weekday (0 = Monday), with an optional last/this/next.
    Weekday { wd: u32, rel: Option<Rel> },
    /// A day of the anchor's month ("the 24th").
    DayOfMonth(u32),
    /// The anchor day plus `n` days (today, tomorrow, yesterday, "right now", a clock time).
    Offset(i64),
    /// This/last/next week, month or year.
    Period(Rel, Unit),
    /// From the anchor to `n` units after it ("within two weeks").
    Within(u32, Unit),
    /// `n` units after (positive) or before (negative) the anchor ("in two weeks", "two days ago").
    Shift(i64, Unit),
    /// "a day before" a coming event (`n` > 0) or "a day after" a past one (`n` < 0): the
    /// anchor plus `n` days when the tense agrees.
    DaysAround(i64),
    /// A stretch of `n` units (or, without a count, a few) reaching from the anchor ahead
    /// ("in the next two months", "over the coming weeks") or back ("over the last three
    /// months", "in the past few days").
    Stretch {
        n: Option<u32>,
        unit: Unit,
        ahead: bool,
    },
    /// "for 15 months": a duration ending at the anchor, or starting there when the tense
    /// looks ahead.
    Duration(u32, Unit),
    /// "in three to four weeks' time": from `n` to `m` units after the anchor.
    Between(u32, u32, Unit),
    /// "by the end of this month" (from the anchor to the end, `by`) or "at the end of the
    /// week" (the last part of the period).
    EndOf { rel: Rel, unit: Unit, by: bool },
    /// Two days of one month ("on 2 and 3 November", "October 15-16"); the year may be missing.
    Days {
        y: Option<i32>,
        m: u32,
        d1: u32,
        d2: u32,
    },
    /// A time expression the text does not fix ("soon", "almost two months", "in recent days").
    Vague,
}

/// A date expression found in a sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    pub expr: Expr,
    /// Token range of the whole expression (with any leading preposition).
    pub first: usize,
    pub last: usize,
}

/// The words of `data/date_words.tsv` with list `list`, in file order, with their values.
pub(super) fn words(list: &str) -> Vec<(&'static str, u32)> {
    lexicon::rows(lexicon::files::DATE_WORDS)
        .into_iter()
        .filter(|r| r.get(1) == Some(&list))
        .map(|r| (r[0], r.get(2).and_then(|v| v.parse().ok()).unwrap_or(0)))
        .collect()
}

/// A word list of `data/date_words.tsv`.
macro_rules! date_list {
    ($(#[$doc:meta])* $name:ident = $list:literal) => {
        $(#[$doc])*
        pub(super) fn $name() -> &'static [(&'static str, u32)] {
            static LIST: LazyLock<Vec<(&'static str, u32)>> = LazyLock::new(|| words($list));
            &LIST
        }
    };
}

date_list!(
    /// Month names with their number.
    months = "month"
);
date_list!(
    /// Weekday names with their number (0 = Monday).
    weekdays = "weekday"
);
date_list!(
    /// Number words with their value.
    number_words = "number"
);
date_list!(
    /// Words that may open a date expression and belong in its text.
    leads = "lead"
);
date_list!(
    /// Time zones after a clock time.
    zones = "zone"
);

fn month_of(t: &Tok<'_>) -> Option<u32> {
    // "DEC.1" in a document code is no month; "DECEMBER 14" in a headline is.
    if !t.capitalised() || (t.s.len() <= 4 && t.s.chars().all(|c| c.is_uppercase())) {
        return None;
    }
    let w = t.s.to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let short = matches!(w.as_str(), "sept");
    months()
        .iter()
        .find(|(m, _)| *m == w || (w.len() == 3 && m.starts_with(&w)))
        .map(|&(_, n)| n)
        .or_else(|| short.then_some(9))
}

fn weekday_of(t: &Tok<'_>) -> Option<u32> {
    if !t.capitalised() {
        return None;
    }
    weekdays().iter().find(|(d, _)| t.is(d)).map(|&(_, n)| n)
}

fn count_of(t: &Tok<'_>) -> Option<u32> {
    if t.is("a") || t.is("an") {
        return Some(1);
    }
    if let Some(n) = t.num() {
        return (n > 0 && n < 1000).then_some(n);
    }
    number_words()
        .iter()
        .find(|(w, _)| t.is(w))
        .map(|&(_, n)| n)
}

fn unit_of(t: &Tok<'_>) -> Option<Unit> {
    let w = t.s.to_ascii_lowercase();
    Some(match w.trim_end_matches('s') {
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "year" => Unit::Year,
        "hour" => Unit::Hour,
        _ => return None,
    })
}

fn year_of(t: &Tok<'_>) -> Option<i32> {
    let n = t.num()?;
    (t.s.len() == 4 && (1900..=2099).contains(&n)).then(|| i32::try_from(n).ok())?
}

/// A day number, with an optional ordinal suffix as its own token or glued on ("5th").
fn day_of(t: &Tok<'_>) -> Option<u32> {
    let digits = t.s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &t.s[digits.len()..];
    if !(suffix.is_empty() || ["st", "nd", "rd", "th"].iter().any(|s| t.s.ends_with(s))) {
        return None;
    }
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// Finds every date expression in the tokens of one sentence, in order.
pub(crate) fn scan(toks: &[Tok<'_>]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match core_at(toks, i) {
            Some((end, expr)) => {
                let (end, expr) = absorb_time_day(toks, end, expr);
                // "last Friday", "next Friday": the word that places the day is part of it.
                let start = if matches!(expr, Expr::Weekday { rel: Some(_), .. }) && i > 0 {
                    i - 1
                } else {
                    i
                };
                let first = lead_start(toks, start);
                out.push(Found {
                    expr,
                    first,
                    last: end - 1,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// A clock time followed by a day ("6 a.m. (0400 GMT) on Saturday") is one expression, dated
/// by its day.
fn absorb_time_day(toks: &[Tok<'_>], end: usize, expr: Expr) -> (usize, Expr) {
    if expr != Expr::Offset(0) {
        return (end, expr);
    }
    let mut j = end;
    if toks.get(j).is_some_and(|t| t.is("on")) {
        j += 1;
    }
    match core_at(toks, j) {
        Some((e2, x2)) if !matches!(x2, Expr::Vague) => (e2, x2),
        _ => (end, expr),
    }
}

/// Extends a match leftwards over a leading preposition ("on", "until") and "earlier"/"later".
fn lead_start(toks: &[Tok<'_>], i: usize) -> usize {
    let mut first = i;
    if first > 0 && leads().iter().any(|(w, _)| toks[first - 1].is(w)) {
        first -= 1;
    }
    if first > 0 && toks[first - 1].is_any(&["earlier", "later", "late", "early", "just"]) {
        first -= 1;
    }
    first
}

/// The core expression starting at token `i`: (end token, meaning).
fn core_at(toks: &[Tok<'_>], i: usize) -> Option<(usize, Expr)> {
    let t = toks.get(i)?;
    let at = |k: usize| toks.get(k);
    let is = |k: usize, w: &str| at(k).is_some_and(|t| t.is(w));

    // ISO date: 2025-10-16.
    if let (Some(y), true, Some(m), true, Some(d)) = (
        year_of(t),
        is(i + 1, "-"),
        at(i + 2).and_then(Tok::num),
        is(i + 3, "-"),
        at(i + 4).and_then(Tok::num),
    ) {
        return Some((i + 5, Expr::Date { y: Some(y), m, d }));
    }
    if let Some(m) = month_of(t) {
        return month_expr(toks, i, m);
    }
    if let Some(d) = day_of(t)
        && let Some(r) = day_month(toks, i, d)
    {
        return Some(r);
    }
    if let Some(r) = clock_time(toks, i) {
        return Some(r);
    }
    if let Some(wd) = weekday_of(t) {
        // "on Saturday, September 21": the date names the day.
        if is(i + 1, ",")
            && let Some(m) = at(i + 2).and_then(month_of)
            && let Some((end, e @ (Expr::Date { .. } | Expr::Days { .. }))) =
                month_expr(toks, i + 2, m)
        {
            return Some((end, e));
        }
        let rel = i.checked_sub(1).and_then(|k| rel_word(&toks[k]));
        let end = if (is(i + 1, "'") || is(i + 1, "’")) && is(i + 2, "s") {
            i + 3
        } else {
            i + 1
        };
        return Some((end.min(toks.len()), Expr::Weekday { wd, rel }));
    }
    if let Some(y) = year_of(t) {
        // Not a number in a sum ("2,025") or a measure ("2025 people" is rare; "2025-26" is a season).
        let prev_digit = i >= 2 && toks[i - 1].s == "," && toks[i - 2].num().is_some();
        if !prev_digit && !is(i + 1, "-") && !is(i + 1, "%") && !in_number_list(toks, i) {
            return Some((i + 1, Expr::Year(y)));
        }
    }
    let w = t.s.to_ascii_lowercase();
    match w.as_str() {
        "today" | "tonight" => return Some((i + 1, Expr::Offset(0))),
        "tomorrow" => return Some((i + 1, Expr::Offset(1))),
        "yesterday" => return Some((i + 1, Expr::Offset(-1))),
        // "as soon as" is a conjunction, not a date.
        "soon" if i > 0 && toks[i - 1].is("as") => return None,
        "soon" | "shortly" => return Some((i + 1, Expr::Vague)),
        // "recent talks" and "recently" date nothing; "in recent days" is a stretch of time.
        "recent"
            if i > 0
                && toks[i - 1].is("in")
                && at(i + 1).and_then(unit_of).is_some_and(|u| u != Unit::Hour) =>
        {
            return Some((i + 2, Expr::Vague));
        }
        "right" if is(i + 1, "now") => return Some((i + 2, Expr::Offset(0))),
        "right" | "just"
            if (is(i + 1, "before") || is(i + 1, "after"))
                && is(i + 2, "the")
                && at(i + 3).is_some_and(|t| t.is_any(&["holiday", "holidays", "weekend"])) =>
        {
            return Some((i + 4, Expr::Offset(0)));
        }
        "this" if at(i + 1).is_some_and(|t| t.is_any(&["morning", "afternoon", "evening"])) => {
            return Some((i + 2, Expr::Offset(0)));
        }
        "last" if is(i + 1, "night") => return Some((i + 2, Expr::Offset(-1))),
        "the"
            if at(i + 1).and_then(day_of).is_some()
                && at(i + 1).is_some_and(|t| t.s.len() > 2)
                && !at(i + 2).is_some_and(|t| t.is("century") || t.is("centuries")) =>
        {
            let d = at(i + 1).and_then(day_of)?;
            return Some((i + 2, Expr::DayOfMonth(d)));
        }
        _ => {}
    }
    if let Some(r) = period(toks, i) {
        return Some(r);
    }
    stretch(toks, i)
        .or_else(|| end_of(toks, i))
        .or_else(|| between(toks, i))
        .or_else(|| counted(toks, i))
}

/// A year in a list of numbers ("resolutions 1718, 1874, 2087 and 2094") is a number.
fn in_number_list(toks: &[Tok<'_>], i: usize) -> bool {
    let mut k = i;
    let mut numbers = 0;
    let mut not_years = 0;
    while k >= 2
        && (toks[k - 1].s == "," || toks[k - 1].is("and") || toks[k - 1].is("or"))
        && numbers < 8
    {
        let j = if toks[k - 1].s == "," || toks[k - 2].s != "," {
            k - 2
        } else {
            k - 3
        };
        let Some(n) = toks.get(j).and_then(Tok::num) else {
            break;
        };
        numbers += 1;
        if year_of(&toks[j]).is_none() || n < 1900 {
            not_years += 1;
        }
        k = j;
    }
    not_years > 0
}

/// "in the next two months", "over the last three months", "the coming weeks", "in the
/// past few days": a stretch from the anchor, ahead or back.
fn stretch(toks: &[Tok<'_>], i: usize) -> Option<(usize, Expr)> {
    let at = |k: usize| toks.get(k);
    let mut j = i;
    if at(j).is_some_and(|t| t.is("the")) {
        j += 1;
    }
    let ahead = match at(j)? {
        t if t.is("next") || t.is("coming") => true,
        t if t.is("last") || t.is("past") => false,
        _ => return None,
    };
    if j == i && !(i > 0 && toks[i - 1].is_any(&["over", "in", "during", "for", "within"])) {
        return None;
    }
    j += 1;
    let n = at(j).and_then(count_of);
    let vague_count = at(j).is_some_and(|t| t.is_any(&["few", "several", "many"]));
    if n.is_some() || vague_count {
        j += 1;
    }
    let unit = at(j).filter(|u| u.s.ends_with('s')).and_then(unit_of)?;
    if unit == Unit::Hour && n.is_none() {
        return None;
    }
    Some((j + 1, Expr::Stretch { n, unit, ahead }))
}

/// "by the end of this month", "at the end of the week", "until the end of next year".
fn end_of(toks: &[Tok<'_>], i: usize) -> Option<(usize, Expr)> {
    let at = |k: usize| toks.get(k);
    let by = toks[i].is_any(&["by", "until", "till", "before"]);
    let j = if by || toks[i].is("at") {
        i + 1
    } else {
        return None;
    };
    if !(at(j)?.is("the") && at(j + 1)?.is("end") && at(j + 2)?.is("of")) {
        return None;
    }
    let rel = match at(j + 3)? {
        t if t.is("this") || t.is("the") => Rel::This,
        t if t.is("next") => Rel::Next,
        _ => return None,
    };
    let unit = at(j + 4)
        .filter(|u| !u.s.ends_with('s'))
        .and_then(unit_of)?;
    if matches!(unit, Unit::Hour | Unit::Day) {
        return None;
    }
    Some((j + 5, Expr::EndOf { rel, unit, by }))
}

/// "in three to four weeks' time", "in two weeks' time", "two weeks from now".
fn between(toks: &[Tok<'_>], i: usize) -> Option<(usize, Expr)> {
    let at = |k: usize| toks.get(k);
    let times = |k: usize| -> usize {
        // "weeks’ time" / "weeks' time"
        if at(k).is_some_and(|t| t.s == "’" || t.s == "'")
            && at(k + 1).is_some_and(|t| t.is("time"))
        {
            k + 2
        } else {
            k
        }
    };
    if toks[i].is("in") {
        let n = at(i + 1).and_then(count_of)?;
        if at(i + 2).is_some_and(|t| t.is("to")) {
            let m = at(i + 3).and_then(count_of)?;
            let unit = at(i + 4).and_then(unit_of)?;
            return Some((times(i + 5), Expr::Between(n, m, unit)));
        }
        let unit = at(i + 2).and_then(unit_of)?;
        let end = times(i + 3);
        return (end > i + 3).then_some((end, Expr::Shift(i64::from(n), unit)));
    }
    let n = count_of(&toks[i])?;
    let unit = at(i + 1).and_then(unit_of)?;
    if at(i + 2).is_some_and(|t| t.is("from")) && at(i + 3).is_some_and(|t| t.is("now")) {
        return Some((i + 4, Expr::Shift(i64::from(n), unit)));
    }
    None
}

fn rel_word(t: &Tok<'_>) -> Option<Rel> {
    if t.is("last") || t.is("past") {
        Some(Rel::Last)
    } else if t.is("next") || t.is("coming") {
        Some(Rel::Next)
    } else if t.is("this") {
        Some(Rel::This)
    } else {
        None
    }
}

/// "June 9, 2023", "Jan. 5", "June 2026", "in January", "August 17th".
fn month_expr(toks: &[Tok<'_>], i: usize, m: u32) -> Option<(usize, Expr)> {
    let at = |k: usize| toks.get(k);
    let mut j = i + 1;
    // "Jan." keeps its dot; "January." ends a sentence.
    if toks[i].s.len() <= 4 && at(j).is_some_and(|t| t.s == ".") {
        j += 1;
    }
    if let Some(d) = at(j).and_then(day_of) {
        let mut k = j + 1;
        // "October 15-16": two days.
        let d2 = (at(k).is_some_and(|t| t.s == "-" || t.s == "–"))
            .then(|| at(k + 1).and_then(day_of))
            .flatten()
            .filter(|&e| e > d);
        if d2.is_some() {
            k += 2;
        }
        if at(k).is_some_and(|t| t.s == ",") && at(k + 1).and_then(year_of).is_some() {
            k += 1;
        }
        let (y, end) = match at(k).and_then(year_of) {
            Some(y) => (Some(y), k + 1),
            None => (None, if d2.is_some() { k } else { j + 1 }),
        };
        return Some((
            end,
            match d2 {
                Some(d2) => Expr::Days { y, m, d1: d, d2 },
                None => Expr::Date { y, m, d },
            },
        ));
    }
    let mut k = j;
    if at(k).is_some_and(|t| t.s == ",") {
        k += 1;
    }
    if let Some(y) = at(k).and_then(year_of) {
        return Some((k + 1, Expr::Month { y: Some(y), m }));
    }
    // A bare month name: "May" is also a verb and "March" a noun, so they need a preposition.
    let prev_lead = i > 0
        && toks[i - 1].is_any(&[
            "in", "since", "until", "till", "by", "from", "early", "late", "mid", "of", "before",
            "after", "through", "last", "next", "this",
        ]);
    if (m == 5 || m == 3) && !prev_lead {
        return None;
    }
    if toks[i].s.len() <= 4 && !prev_lead {
        return None; // "Jan" alone is more likely a name
    }
    Some((j, Expr::Month { y: None, m }))
}

/// "15 April", "9 June 2023", "15th of April".
fn day_month(toks: &[Tok<'_>], i: usize, d: u32) -> Option<(usize, Expr)> {
    let at = |k: usize| toks.get(k);
    let mut j = i + 1;
    if at(j).is_some_and(|t| t.is("of")) {
        j += 1;
    }
    // "2 and 3 November", "15-16 October": two days of one month.
    let mut d2 = None;
    if at(j).is_some_and(|t| t.is("and") || t.s == "-" || t.s == "–")
        && let Some(e) = at(j + 1).and_then(day_of)
        && e > d
    {
        d2 = Some(e);
        j += 2;
    }
    let m = at(j).and_then(month_of)?;
    let mut k = j + 1;
    let comma_year = at(k).is_some_and(|t| t.s == ",") && at(k + 1).and_then(year_of).is_some();
    if comma_year || at(k).is_some_and(|t| t.s == ".") {
        k += 1;
    }
    let (y, end) = match at(k).and_then(year_of) {
        Some(y) => (Some(y), k + 1),
        None => (None, j + 1),
    };
    Some((
        end,
        match d2 {
            Some(d2) => Expr::Days { y, m, d1: d, d2 },
            None => Expr::Date { y, m, d },
        },
    ))
}

/// "6 a.m.", "1:27 p.m. EST", "10:30 GMT", "0400 GMT", with an optional bracketed
/// equivalent ("6 a.m. (0400 GMT)"). A clock time alone is the anchor day.
fn clock_time(toks: &[Tok<'_>], i: usize) -> Option<(usize, Expr)> {
    let end = time_end(toks, i)?;
    let mut j = end;
    if toks.get(j).is_some_and(|t| t.s == "(")
        && let Some(e) = time_end(toks, j + 1)
        && toks.get(e).is_some_and(|t| t.s == ")")
    {
        j = e + 1;
    }
    Some((j, Expr::Offset(0)))
}

fn time_end(toks: &[Tok<'_>], i: usize) -> Option<usize> {
    let at = |k: usize| toks.get(k);
    let h = at(i)?.num()?;
    let mut j = i + 1;
    let four_digit = at(i)?.s.len() == 4;
    if !four_digit && h > 24 {
        return None;
    }
    if at(j).is_some_and(|t| t.s == ":") && at(j + 1).and_then(Tok::num).is_some() {
        j += 2;
    }
    let mut marked = false;
    // "a.m." tokenises as a . m . ; "am"/"pm" as one word.
    if at(j).is_some_and(|t| t.is("a") || t.is("p"))
        && at(j + 1).is_some_and(|t| t.s == ".")
        && at(j + 2).is_some_and(|t| t.is("m"))
    {
        j += 3;
        if at(j).is_some_and(|t| t.s == ".") {
            j += 1;
        }
        marked = true;
    } else if at(j).is_some_and(|t| t.is("am") || t.is("pm")) {
        j += 1;
        marked = true;
    }
    if let Some(t) = at(j)
        && zones().iter().any(|(z, _)| *z == t.s)
    {
        j += 1;
        marked = true;
    }
    (marked && (!four_digit || h <= 2400)).then_some(j)
}

/// "this week", "next month", "earlier this year", "last week", "the coming weeks".
fn period(toks: &[Tok<'_>], i: usize) -> Option<(usize, Expr)> {
    let at = |k: usize| toks.get(k);
    let t = &toks[i];
    let (rel, j) = if t.is("earlier") || t.is("later") {
        if !at(i + 1).is_some_and(|t| t.is("this")) {
            return None;
        }
        let r = if t.is("earlier") {
            Rel::EarlierThis
        } else {
            Rel::LaterThis
        };
        (r, i + 2)
    } else {
        (rel_word(t)?, i + 1)
    };
    let u = at(j).filter(|u| !u.s.ends_with('s')).and_then(unit_of)?;
    if u == Unit::Hour || (t.is("past") || t.is("coming")) {
        return None;
    }
    Some((j + 1, Expr::Period(rel, u)))
}

/// "within two weeks (or so)", "in two weeks", "two days ago", "a day before",
/// "almost two months". A "within 24 hours of taking office" is anchored elsewhere: skipped.
fn counted(toks: &[Tok<'_>], i: usize) -> Option<(usize, Expr)> {
    let at = |k: usize| toks.get(k);
    let t = &toks[i];
    let lead_within = t.is("within");
    let lead_in = t.is("in");
    // "in a matter of days": soon, but not fixed.
    if lead_in
        && at(i + 1).is_some_and(|t| t.is("a"))
        && at(i + 2).is_some_and(|t| t.is("matter"))
        && at(i + 3).is_some_and(|t| t.is("of"))
        && at(i + 4).and_then(unit_of).is_some()
    {
        return Some((i + 5, Expr::Vague));
    }
    // "less than six weeks to go": the time left from the anchor.
    if t.is("less")
        && at(i + 1).is_some_and(|t| t.is("than"))
        && let Some(n) = at(i + 2).and_then(count_of)
        && let Some(unit) = at(i + 3).and_then(unit_of)
        && at(i + 4).is_some_and(|t| t.is("to"))
        && at(i + 5).is_some_and(|t| t.is("go"))
    {
        return Some((i + 6, Expr::Within(n, unit)));
    }
    // "for 15 months", "for eight years" (not "for 24 hours from 6 a.m.").
    if t.is("for")
        && let Some(n) = at(i + 1).and_then(count_of)
        && let Some(unit) = at(i + 2).and_then(unit_of)
        && unit != Unit::Hour
        && !at(i + 3).is_some_and(|t| t.is("from") || t.is("of"))
    {
        return Some((i + 3, Expr::Duration(n, unit)));
    }
    let qualifier = t.is_any(&[
        "almost", "nearly", "about", "around", "some", "over", "several", "few",
    ]) || (t.is("more") && at(i + 1).is_some_and(|t| t.is("than")));
    let q = if t.is("more") { 2 } else { 1 };
    let n_at = if lead_within || lead_in || qualifier {
        i + q
    } else {
        i
    };
    let n = at(n_at).and_then(count_of)?;
    let unit = at(n_at + 1).and_then(unit_of)?;
    let mut end = n_at + 2;
    // A closing quote may sit between the duration and its "of": "within 24 hours” of".
    let mut after = end;
    while at(after).is_some_and(|t| matches!(t.s, "”" | "\"" | "’" | "'")) {
        after += 1;
    }
    if at(after).is_some_and(|t| t.is("of")) && (lead_within || lead_in) {
        return None;
    }
    let signed = i64::from(n);
    if lead_within {
        if at(end).is_some_and(|t| t.is("or")) && at(end + 1).is_some_and(|t| t.is("so")) {
            end += 2;
        }
        return Some((end, Expr::Within(n, unit)));
    }
    if lead_in {
        return Some((end, Expr::Shift(signed, unit)));
    }
    if at(end).is_some_and(|t| t.is("ago")) {
        return Some((end + 1, Expr::Shift(-signed, unit)));
    }
    if at(end).is_some_and(|t| t.is("before") || t.is("after")) && unit == Unit::Day {
        // "a day before Trump is set to host": the event is `n` days after the anchor; "a day
        // after" a past event: `n` days before. Direction comes from tense in the resolver.
        let n = if toks[end].is("before") {
            signed
        } else {
            -signed
        };
        return Some((end + 1, Expr::DaysAround(n)));
    }
    if qualifier && unit != Unit::Hour {
        return Some((end, Expr::Vague));
    }
    None
}
