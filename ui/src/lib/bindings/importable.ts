// Generated from IMPORTABLE_EXTENSIONS in attache-vault (files.rs). Do not edit.

/** Extensions (lower case) of the article files the app imports. */
export const IMPORTABLE_EXTENSIONS: readonly string[] = ["txt", "text", "md", "markdown", "html", "htm"];
