// Markdown for CodeMirror straight from @lezer/markdown (with GitHub extensions). The
// @codemirror/lang-markdown package would also bundle the HTML, CSS and JavaScript modes
// (about 400 KB) for highlighting embedded code, which a briefing note does not need.
import { defineLanguageFacet, Language, LanguageSupport } from "@codemirror/language";
import { GFM, parser } from "@lezer/markdown";

const facet = defineLanguageFacet({ commentTokens: { block: { open: "<!--", close: "-->" } } });

const markdownLanguage = new Language(facet, parser.configure(GFM), [], "markdown");

/** Markdown mode with GFM (tables, strikethrough, task lists, autolinks). */
export function markdown(): LanguageSupport {
  return new LanguageSupport(markdownLanguage);
}
