//! Drafting: the article in, the brief out, with progress on a channel.

use attache_engine::{Brief, DraftOptions, Progress};
use chrono::NaiveDate;
use serde::Deserialize;
use tauri::ipc::Channel;

use crate::error::AppError;

/// What the UI knows about the article besides its text (the source metadata fields).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase", default)]
pub struct DraftRequest {
    /// Publication date, `YYYY-MM-DD`; anchors relative dates.
    pub published: Option<String>,
    /// A title to use instead of the article's own.
    pub title: Option<String>,
    /// The article's URL.
    pub source_url: Option<String>,
    /// The outlet that published it.
    pub outlet: Option<String>,
}

impl DraftRequest {
    /// The engine's options; blank fields count as absent.
    ///
    /// # Errors
    /// `invalid_argument` when `published` is not a `YYYY-MM-DD` date.
    pub fn to_options(&self) -> Result<DraftOptions, AppError> {
        let published = match non_blank(&self.published) {
            None => None,
            Some(d) => Some(NaiveDate::parse_from_str(&d, "%Y-%m-%d").map_err(|_| {
                AppError::invalid_argument(format!(
                    "the published date “{d}” is not a date: write it as YYYY-MM-DD, e.g. 2025-10-16"
                ))
            })?),
        };
        Ok(DraftOptions {
            published,
            title: non_blank(&self.title),
            source_url: non_blank(&self.source_url),
            outlet: non_blank(&self.outlet),
        })
    }
}

fn non_blank(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// Drafts a brief from `text`, reporting each stage on `on_progress`.
#[tauri::command]
pub async fn draft(
    text: String,
    options: DraftRequest,
    on_progress: Channel<Progress>,
) -> Result<Brief, AppError> {
    let options = options.to_options()?;
    tauri::async_runtime::spawn_blocking(move || {
        attache_engine::draft_with_progress(&text, &options, &mut |p| {
            // A closed channel (the window went away) must not stop the draft.
            let _ = on_progress.send(p);
        })
    })
    .await
    .map_err(|e| AppError::internal(format!("the drafting worker failed: {e}")))?
    .map_err(AppError::from)
}

/// Reads pasted text as an opened file is read: HTML source through the import path (its
/// article, title, outlet, date and URL), front matter as a Markdown file's.
#[tauri::command]
pub async fn read_pasted(text: String) -> Result<attache_vault::import::ImportedText, AppError> {
    tauri::async_runtime::spawn_blocking(move || attache_vault::import::read_pasted(&text))
        .await
        .map_err(|e| AppError::internal(format!("the import worker failed: {e}")))
}

/// Our own sample article (written for Attaché), for the first-run "Try a sample article".
#[tauri::command]
pub fn sample_article() -> &'static str {
    attache_engine::SAMPLE_ARTICLE
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    #[test]
    fn blank_fields_are_absent_and_dates_parse() {
        let req = DraftRequest {
            published: Some("2025-10-16".into()),
            title: Some("  ".into()),
            source_url: None,
            outlet: Some(" Reuters ".into()),
        };
        let o = req.to_options().unwrap();
        assert_eq!(o.published, NaiveDate::from_ymd_opt(2025, 10, 16));
        assert_eq!(o.title, None);
        assert_eq!(o.outlet.as_deref(), Some("Reuters"));
    }

    #[test]
    fn a_bad_date_is_an_invalid_argument_that_shows_the_format() {
        let req = DraftRequest {
            published: Some("16/10/2025".into()),
            ..DraftRequest::default()
        };
        let e = req.to_options().unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidArgument);
        assert!(e.message.contains("YYYY-MM-DD"));
    }

    #[test]
    fn request_reads_camel_case_and_missing_fields() {
        let req: DraftRequest =
            serde_json::from_value(serde_json::json!({"sourceUrl": "https://x.test/a"})).unwrap();
        assert_eq!(req.source_url.as_deref(), Some("https://x.test/a"));
        assert_eq!(req.published, None);
    }
}
