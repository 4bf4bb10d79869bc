//! What the analyst knows about an article beyond its text: the flags `draft` and
//! `notes new` share.

use attache_engine::DraftOptions;
use chrono::NaiveDate;
use clap::Args;

#[derive(Debug, Args)]
pub(crate) struct SourceArgs {
    /// Publication date (YYYY-MM-DD): anchors relative dates.
    #[arg(long, value_parser = parse_date)]
    date: Option<NaiveDate>,
    /// Title of the brief.
    #[arg(long)]
    title: Option<String>,
    /// URL of the article.
    #[arg(long)]
    source_url: Option<String>,
    /// Outlet that published the article.
    #[arg(long)]
    outlet: Option<String>,
}

impl SourceArgs {
    /// The engine's options for these flags.
    pub(crate) fn draft_options(&self) -> DraftOptions {
        DraftOptions {
            published: self.date,
            title: self.title.clone(),
            source_url: self.source_url.clone(),
            outlet: self.outlet.clone(),
        }
    }
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("'{s}' is not a date: use YYYY-MM-DD"))
}
