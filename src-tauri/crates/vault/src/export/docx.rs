//! The note as a Word document (docx-rs): the marking in every page's header and footer, the
//! note's headings, paragraphs, lists and tables with Word's own styles (so the navigation
//! pane and a table of contents work), and each source sentence as one real footnote.
//!
//! Word gives a footnote exactly one reference. A sentence cited again (two positions from
//! one sentence) is marked with the same number in the footnote-reference style, so the
//! reader finds the one note; numbers follow the order of first citation, as Word counts.

use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, AlignmentType, Docx, Footer, Footnote, Header, Hyperlink, HyperlinkType,
    IndentLevel, Level, LevelJc, LevelOverride, LevelText, LineSpacing, NumberFormat, Numbering,
    NumberingId, PageMargin, Paragraph, Run, RunFonts, RunProperty, SpecialIndentType, Start,
    Style, StyleType, Table, TableCell, TableRow, VertAlignType,
};
use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

use super::footnotes;
use super::note::Note;
use super::safe_html::{self, TooComplex};

/// The abstract numbering of bullet lists; ordered lists use `ORDERED`, one instance each.
const BULLETS: usize = 1;
const ORDERED: usize = 2;

/// The Word document of `note`.
pub(crate) fn document(note: &Note<'_>) -> Result<Vec<u8>, TooComplex> {
    let body = note.body_flat();
    let numbered = footnotes::number(safe_html::parse(&body, false)?);
    let notes: Vec<Vec<Paragraph>> = numbered
        .notes
        .iter()
        .map(|events| {
            let mut w = Writer::new(Vec::new());
            w.footnote = true;
            w.events(events.iter().cloned());
            w.finish()
                .0
                .into_iter()
                .filter_map(|b| match b {
                    Block::Paragraph(p) => Some(p.style("FootnoteText")),
                    Block::Table(_) => None,
                })
                .collect()
        })
        .collect();
    let mut w = Writer::new(notes);
    w.events(numbered.body.into_iter());
    let uncited = w.uncited_notes();
    let (blocks, numberings) = w.finish();

    let mut docx = base(note);
    for n in numberings {
        docx = docx.add_numbering(n);
    }
    for block in blocks.into_iter().chain(uncited) {
        match block {
            Block::Paragraph(p) => docx = docx.add_paragraph(*p),
            Block::Table(t) => docx = docx.add_table(*t),
        }
    }
    let mut xml = docx.build();
    xml.doc_props.core = core_properties(note).into_bytes();
    if !xml.footnotes.is_empty() {
        xml.footnotes = numbered_footnotes(&String::from_utf8_lossy(&xml.footnotes)).into_bytes();
    }
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out)
        .expect("writing a zip archive into memory cannot fail");
    Ok(out.into_inner())
}

/// Page, styles, numbering, header and footer.
fn base(note: &Note<'_>) -> Docx {
    let mut docx = Docx::new()
        .default_fonts(
            RunFonts::new()
                .ascii("Calibri")
                .hi_ansi("Calibri")
                .east_asia("Calibri")
                .cs("Calibri"),
        )
        .default_size(21)
        .page_margin(PageMargin {
            top: 1134,
            left: 1134,
            bottom: 1134,
            right: 1134,
            header: 567,
            footer: 567,
            gutter: 0,
        });
    for style in styles() {
        docx = docx.add_style(style);
    }
    docx = docx
        .add_abstract_numbering(list_numbering(BULLETS, "bullet", "•"))
        .add_abstract_numbering(list_numbering(ORDERED, "decimal", "%1."))
        .add_numbering(Numbering::new(BULLETS, BULLETS));
    if let Some(m) = &note.marking {
        docx = docx
            .header(Header::new().add_paragraph(marking_paragraph(m)))
            .footer(Footer::new().add_paragraph(marking_paragraph(m)))
            .custom_property("Classification", clean(m));
    }
    docx
}

fn marking_paragraph(marking: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Center)
        .add_run(Run::new().add_text(clean(marking)).bold().size(18))
}

fn styles() -> Vec<Style> {
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .bold()
            .size(size)
            .color("1F2937")
            .outline_lvl(level)
            .line_spacing(LineSpacing::new().before(200).after(60))
    };
    let mut footnote_ref = Style::new("FootnoteReference", StyleType::Character)
        .name("footnote reference")
        .ui_priority(99);
    footnote_ref.run_property = RunProperty::new().vert_align(VertAlignType::SuperScript);
    vec![
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .bold()
            .size(36)
            .line_spacing(LineSpacing::new().after(160)),
        heading("Heading1", "heading 1", 28, 0),
        heading("Heading2", "heading 2", 24, 1),
        heading("Heading3", "heading 3", 22, 2),
        heading("Heading4", "heading 4", 21, 3),
        Style::new("Quote", StyleType::Paragraph)
            .name("Quote")
            .based_on("Normal")
            .italic()
            .indent(Some(567), None, None, None),
        Style::new("SourceCode", StyleType::Paragraph)
            .name("Source Code")
            .based_on("Normal")
            .fonts(RunFonts::new().ascii("Consolas").hi_ansi("Consolas"))
            .size(18),
        Style::new("FootnoteText", StyleType::Paragraph)
            .name("footnote text")
            .based_on("Normal")
            .size(17)
            .line_spacing(LineSpacing::new().after(0)),
        footnote_ref,
    ]
}

fn list_numbering(id: usize, format: &str, text: &str) -> AbstractNumbering {
    let mut n = AbstractNumbering::new(id);
    for level in 0..9 {
        let text = if format == "decimal" {
            format!("%{}.", level + 1)
        } else {
            text.to_owned()
        };
        let indent = 360 * (i32::try_from(level).unwrap_or(0) + 1);
        n = n.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new(format),
                LevelText::new(text),
                LevelJc::new("left"),
            )
            .indent(
                Some(indent),
                Some(SpecialIndentType::Hanging(360)),
                None,
                None,
            ),
        );
    }
    n
}

/// `docProps/core.xml`, written here because docx-rs offers no setter for the author and
/// the title: what Word shows under File → Info.
fn core_properties(note: &Note<'_>) -> String {
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">",
    );
    let el = |x: &mut String, tag: &str, v: &str| {
        x.push_str(&format!("<{tag}>{}</{tag}>", xml_escape(v)));
    };
    el(&mut x, "dc:title", &note.title);
    if let Some(a) = &note.author {
        el(&mut x, "dc:creator", a);
        el(&mut x, "cp:lastModifiedBy", a);
    }
    if let Some(m) = &note.marking {
        el(&mut x, "cp:keywords", m);
    }
    if let Some(s) = &note.status {
        el(&mut x, "cp:contentStatus", s);
    }
    for (tag, value) in [
        ("dcterms:created", &note.created),
        ("dcterms:modified", &note.updated),
    ] {
        if let Some(v) = value.as_deref().filter(|v| is_w3c_date(v)) {
            x.push_str(&format!("<{tag} xsi:type=\"dcterms:W3CDTF\">{v}</{tag}>"));
        }
    }
    x.push_str("</cp:coreProperties>");
    x
}

/// `2025-10-16` or `2025-10-16T13:56:19Z`: the forms W3CDTF allows that front matter uses.
fn is_w3c_date(v: &str) -> bool {
    chrono::DateTime::parse_from_rfc3339(v).is_ok()
        || chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").is_ok()
}

fn xml_escape(s: &str) -> String {
    clean(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Text without the control characters XML 1.0 cannot hold.
fn clean(s: &str) -> String {
    s.chars()
        .filter(|&c| !c.is_control() || c == '\t' || c == '\n')
        .collect()
}

enum Block {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

/// Inline formatting in force.
#[derive(Default, Clone)]
struct Format {
    bold: usize,
    italic: usize,
    strike: usize,
    superscript: usize,
    subscript: usize,
}

struct ListState {
    numbering: usize,
}

/// Turns Markdown events into Word paragraphs and tables.
struct Writer {
    blocks: Vec<Block>,
    paragraph: Option<Paragraph>,
    /// Whether the open paragraph holds anything yet.
    has_content: bool,
    format: Format,
    link: Option<Hyperlink>,
    lists: Vec<ListState>,
    /// A list item opened whose first paragraph has not been started.
    item_pending: bool,
    quote: usize,
    code: bool,
    heading: Option<HeadingLevel>,
    table: Option<TableBuild>,
    /// Footnote contents by number − 1, taken when first cited.
    notes: Vec<Option<Vec<Paragraph>>>,
    /// Numbers of ordered-list instances made so far (each restarts at its start).
    next_numbering: usize,
    extra_numberings: Vec<Numbering>,
    footnote: bool,
}

#[derive(Default)]
struct TableBuild {
    rows: Vec<TableRow>,
    cells: Vec<TableCell>,
    head: bool,
}

impl Writer {
    fn new(notes: Vec<Vec<Paragraph>>) -> Self {
        Self {
            blocks: Vec::new(),
            paragraph: None,
            has_content: false,
            format: Format::default(),
            link: None,
            lists: Vec::new(),
            item_pending: false,
            quote: 0,
            code: false,
            heading: None,
            table: None,
            notes: notes.into_iter().map(Some).collect(),
            next_numbering: BULLETS + 1,
            extra_numberings: Vec::new(),
            footnote: false,
        }
    }

    fn events<'a>(&mut self, events: impl Iterator<Item = Event<'a>>) {
        for event in events {
            self.event(event);
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t),
            Event::Code(t) => {
                let run = self
                    .run(&t)
                    .fonts(RunFonts::new().ascii("Consolas").hi_ansi("Consolas"));
                self.push_run(run);
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                let text = strip_tags(&h);
                if !text.trim().is_empty() {
                    self.text(&text);
                }
            }
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => {
                let run = Run::new().add_break(docx_rs::BreakType::TextWrapping);
                self.push_run(run);
            }
            Event::Rule => {
                self.close_paragraph();
                self.blocks.push(Block::Paragraph(Box::new(
                    Paragraph::new()
                        .align(AlignmentType::Center)
                        .add_run(Run::new().add_text("* * *")),
                )));
            }
            Event::TaskListMarker(done) => self.text(if done { "☒ " } else { "☐ " }),
            Event::FootnoteReference(n) => self.footnote_reference(&n),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => self.open_paragraph(),
            Tag::Heading { level, .. } => {
                self.close_paragraph();
                self.heading = Some(level);
                self.open_paragraph();
            }
            Tag::BlockQuote(_) => {
                self.close_paragraph();
                self.quote += 1;
            }
            Tag::CodeBlock(_) => {
                self.close_paragraph();
                self.code = true;
                self.open_paragraph();
            }
            Tag::List(start) => {
                self.close_paragraph();
                let numbering = match start {
                    None => BULLETS,
                    Some(first) => {
                        let id = self.next_numbering;
                        self.next_numbering += 1;
                        let start = usize::try_from(first).unwrap_or(1);
                        self.extra_numberings.push(
                            Numbering::new(id, ORDERED)
                                .add_override(LevelOverride::new(0).start(start)),
                        );
                        id
                    }
                };
                self.lists.push(ListState { numbering });
            }
            Tag::Item => {
                self.close_paragraph();
                self.item_pending = true;
            }
            Tag::Table(_) => {
                self.close_paragraph();
                self.table = Some(TableBuild::default());
            }
            Tag::TableHead => {
                if let Some(t) = &mut self.table {
                    t.head = true;
                }
            }
            Tag::TableRow | Tag::TableCell => {}
            Tag::Emphasis => self.format.italic += 1,
            Tag::Strong => self.format.bold += 1,
            Tag::Strikethrough => self.format.strike += 1,
            Tag::Superscript => self.format.superscript += 1,
            Tag::Subscript => self.format.subscript += 1,
            Tag::Link { dest_url, .. } => {
                let url = dest_url.trim().to_ascii_lowercase();
                if url.starts_with("https://")
                    || url.starts_with("http://")
                    || url.starts_with("mailto:")
                {
                    self.link = Some(Hyperlink::new(clean(&dest_url), HyperlinkType::External));
                }
            }
            Tag::Image { .. } => self.text("[image: "),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock => {
                self.close_paragraph();
                self.heading = None;
                self.code = false;
            }
            TagEnd::BlockQuote(_) => {
                self.close_paragraph();
                self.quote = self.quote.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.close_paragraph();
                self.lists.pop();
            }
            TagEnd::Item => {
                self.close_paragraph();
                self.item_pending = false;
            }
            TagEnd::TableCell => {
                let p = self.take_paragraph().unwrap_or_default();
                if let Some(t) = &mut self.table {
                    let p = if t.head { p.bold() } else { p };
                    t.cells.push(TableCell::new().add_paragraph(p));
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(t) = &mut self.table {
                    let cells = std::mem::take(&mut t.cells);
                    if !cells.is_empty() {
                        t.rows.push(TableRow::new(cells));
                    }
                    t.head = false;
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    self.blocks.push(Block::Table(Box::new(Table::new(t.rows))));
                }
            }
            TagEnd::Emphasis => self.format.italic = self.format.italic.saturating_sub(1),
            TagEnd::Strong => self.format.bold = self.format.bold.saturating_sub(1),
            TagEnd::Strikethrough => self.format.strike = self.format.strike.saturating_sub(1),
            TagEnd::Superscript => {
                self.format.superscript = self.format.superscript.saturating_sub(1);
            }
            TagEnd::Subscript => self.format.subscript = self.format.subscript.saturating_sub(1),
            TagEnd::Link => {
                if let Some(link) = self.link.take() {
                    self.ensure_paragraph();
                    if let Some(p) = self.paragraph.take() {
                        self.paragraph = Some(p.add_hyperlink(link));
                    }
                }
            }
            TagEnd::Image => self.text("]"),
            _ => {}
        }
    }

    fn open_paragraph(&mut self) {
        if self.paragraph.is_some() && !self.has_content {
            return; // a tight list item's paragraph, already opened
        }
        self.close_paragraph();
        let mut p = Paragraph::new();
        if let Some(level) = self.heading {
            p = p.style(match level {
                HeadingLevel::H1 => "Title",
                HeadingLevel::H2 => "Heading1",
                HeadingLevel::H3 => "Heading2",
                HeadingLevel::H4 => "Heading3",
                _ => "Heading4",
            });
        } else if self.code {
            p = p.style("SourceCode");
        } else if self.quote > 0 {
            p = p.style("Quote");
        }
        if !self.footnote {
            p = p.line_spacing(LineSpacing::new().after(80));
        }
        if let Some(list) = self.lists.last() {
            let level = self.lists.len() - 1;
            if self.item_pending {
                p = p.numbering(NumberingId::new(list.numbering), IndentLevel::new(level));
                self.item_pending = false;
            } else {
                let indent = 360 * (i32::try_from(level).unwrap_or(0) + 1);
                p = p.indent(Some(indent), None, None, None);
            }
            p = p.line_spacing(LineSpacing::new().after(20));
        }
        self.paragraph = Some(p);
        self.has_content = false;
    }

    fn ensure_paragraph(&mut self) {
        if self.paragraph.is_none() {
            self.open_paragraph();
        }
    }

    fn take_paragraph(&mut self) -> Option<Paragraph> {
        self.has_content = false;
        self.paragraph.take()
    }

    fn close_paragraph(&mut self) {
        if self.table.is_some() {
            return; // cells close their own paragraphs
        }
        if let Some(p) = self.take_paragraph() {
            self.blocks.push(Block::Paragraph(Box::new(p)));
        }
    }

    fn run(&self, text: &str) -> Run {
        let mut run = Run::new().add_text(clean(text));
        if self.format.bold > 0 {
            run = run.bold();
        }
        if self.format.italic > 0 {
            run = run.italic();
        }
        if self.format.strike > 0 {
            run = run.strike();
        }
        if self.format.superscript > 0 {
            run.run_property = run.run_property.vert_align(VertAlignType::SuperScript);
        } else if self.format.subscript > 0 {
            run.run_property = run.run_property.vert_align(VertAlignType::SubScript);
        }
        if self.link.is_some() {
            run = run.color("1D4ED8").underline("single");
        }
        run
    }

    fn text(&mut self, text: &str) {
        if self.code {
            // A code block keeps its lines: one paragraph each.
            let mut lines = text.split('\n').peekable();
            while let Some(line) = lines.next() {
                if !line.is_empty() {
                    let run = self.run(line);
                    self.push_run(run);
                }
                if lines.peek().is_some() {
                    self.close_paragraph();
                    self.open_paragraph();
                }
            }
            return;
        }
        let run = self.run(text);
        self.push_run(run);
    }

    fn push_run(&mut self, run: Run) {
        if let Some(link) = self.link.take() {
            self.link = Some(link.add_run(run));
            return;
        }
        self.ensure_paragraph();
        if let Some(p) = self.paragraph.take() {
            self.paragraph = Some(p.add_run(run));
            self.has_content = true;
        }
    }

    /// The first citation of note `n` is a real footnote; later ones repeat its number.
    fn footnote_reference(&mut self, n: &str) {
        let Ok(number) = n.parse::<usize>() else {
            return;
        };
        let slot = self.notes.get_mut(number.wrapping_sub(1));
        let run = match slot.and_then(Option::take) {
            Some(content) => Run::new().add_footnote_reference(Footnote {
                id: number,
                content: if content.is_empty() {
                    vec![Paragraph::new().style("FootnoteText")]
                } else {
                    content
                },
            }),
            None => Run::new().style("FootnoteReference").add_text(n),
        };
        self.push_run(run);
    }

    /// Footnotes no text cites (a definition left behind after an edit), as a short list, so
    /// nothing in the note is lost.
    fn uncited_notes(&mut self) -> Vec<Block> {
        let left: Vec<(usize, Vec<Paragraph>)> = self
            .notes
            .iter_mut()
            .enumerate()
            .filter_map(|(i, n)| n.take().map(|p| (i + 1, p)))
            .collect();
        if left.is_empty() {
            return Vec::new();
        }
        let mut out = vec![Block::Paragraph(Box::new(
            Paragraph::new()
                .style("Heading1")
                .add_run(Run::new().add_text("Notes cited nowhere")),
        ))];
        for (n, paragraphs) in left {
            out.push(Block::Paragraph(Box::new(
                Paragraph::new().add_run(Run::new().add_text(format!("{n}.")).bold()),
            )));
            out.extend(
                paragraphs
                    .into_iter()
                    .map(|p| Block::Paragraph(Box::new(p))),
            );
        }
        out
    }

    fn finish(mut self) -> (Vec<Block>, Vec<Numbering>) {
        self.close_paragraph();
        (self.blocks, self.extra_numberings)
    }
}

/// Word's footnote part as Word writes it: the separator notes Word expects first, and each
/// note opening with its own number (`<w:footnoteRef/>`), which docx-rs leaves out.
fn numbered_footnotes(xml: &str) -> String {
    const SEPARATORS: &str = "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>\
        <w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>";
    const NUMBER: &str = "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>";
    let mut out = String::with_capacity(xml.len() + 256);
    let mut rest = xml;
    // After the opening <w:footnotes …> tag (not a self-closed empty one).
    if let Some(open) = rest.find("<w:footnotes ")
        && let Some(end) = rest[open..].find('>')
        && !rest[..open + end + 1].ends_with("/>")
    {
        let at = open + end + 1;
        out.push_str(&rest[..at]);
        out.push_str(SEPARATORS);
        rest = &rest[at..];
    }
    while let Some(note) = rest.find("<w:footnote ") {
        let Some(p) = rest[note..].find("<w:p").map(|i| note + i) else {
            break;
        };
        let Some(p_end) = rest[p..].find('>').map(|i| p + i + 1) else {
            break;
        };
        let at = if rest[p_end..].starts_with("<w:pPr>") {
            rest[p_end..]
                .find("</w:pPr>")
                .map_or(p_end, |i| p_end + i + "</w:pPr>".len())
        } else {
            p_end
        };
        out.push_str(&rest[..at]);
        out.push_str(NUMBER);
        rest = &rest[at..];
    }
    out.push_str(rest);
    out
}

/// The text of raw HTML with its tags left out (Word does not read HTML).
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}
