//! Key dates: date expressions resolved against the publication date.

use chrono::NaiveDate;

use crate::model::KeyDate;
use crate::text::Doc;

/// Dates found in a text.
#[derive(Debug, Default)]
pub(crate) struct Dated {
    /// Every date expression, in text order.
    pub dates: Vec<KeyDate>,
    /// The date of a dateline ("DUBAI, June 9, 2023 (Reuters)"), if the text has one.
    pub dateline: Option<NaiveDate>,
}

/// Finds and resolves the dates of `doc`.
pub(crate) fn extract(_doc: &Doc<'_>, _published: Option<NaiveDate>) -> Dated {
    Dated::default()
}
