import { describe, expect, it } from "vitest";
import { frontMatterRange, readProperties, setProperty, unlink, yamlScalar } from "../../src/lib/properties";

const NOTE = [
  "---",
  "id: 6f1c0d1e-0000-4000-8000-000000000001",
  "title: Talks resume",
  "# analyst comment",
  "classification: TLP:AMBER",
  'published: "2025-10-16"',
  "parties:",
  '  - "[[Vladimir Putin]]"',
  '  - "[[UN|United Nations]]"',
  "tags: [brief, 'country/ua']",
  "custom: kept",
  "---",
  "",
  "# Talks resume",
  "",
  "Body with --- inside.",
  "",
].join("\n");

describe("front matter as properties", () => {
  it("finds the block and the body after it", () => {
    const r = frontMatterRange(NOTE)!;
    expect(NOTE.slice(0, r.yamlStart)).toBe("---\n");
    expect(NOTE.slice(r.yamlEnd, r.bodyStart)).toBe("---\n");
    expect(NOTE.slice(r.bodyStart)).toBe("\n# Talks resume\n\nBody with --- inside.\n");
    expect(frontMatterRange("# No front matter\n")).toBeNull();
    expect(frontMatterRange("---\ntitle: never closed\n")).toBeNull();
  });

  it("reads scalars, quoted values, block and flow lists, wikilinks as names", () => {
    const p = readProperties(NOTE);
    expect(p.get("title")).toBe("Talks resume");
    expect(p.get("classification")).toBe("TLP:AMBER");
    expect(p.get("published")).toBe("2025-10-16");
    expect(p.get("parties")).toEqual(["Vladimir Putin", "UN"]);
    expect(p.get("tags")).toEqual(["brief", "country/ua"]);
    expect(unlink("[[A|B]]")).toBe("A");
  });

  it("changes only the edited key's lines: comments, other keys and the body stay byte for byte", () => {
    const out = setProperty(NOTE, "title", "Talks resume: day two");
    expect(out).toBe(NOTE.replace("title: Talks resume\n", 'title: "Talks resume: day two"\n'));
    expect(readProperties(out).get("title")).toBe("Talks resume: day two");
  });

  it("keeps unchanged list items as written and links new ones like the rest", () => {
    const out = setProperty(NOTE, "parties", ["Vladimir Putin", "Volodymyr Zelensky"]);
    expect(out).toContain('parties:\n  - "[[Vladimir Putin]]"\n  - "[[Volodymyr Zelensky]]"\ntags:');
    expect(readProperties(out).get("parties")).toEqual(["Vladimir Putin", "Volodymyr Zelensky"]);
    expect(setProperty(NOTE, "parties", [])).toContain("parties: []\ntags:");
  });

  it("adds a missing key at the end of the block, and a block to a note without one", () => {
    const out = setProperty(NOTE, "outlet", "Reuters");
    expect(out).toContain("custom: kept\noutlet: Reuters\n---\n");
    expect(setProperty("# Body\n", "title", "T")).toBe("---\ntitle: T\n---\n# Body\n");
  });

  it("quotes any value YAML would read as something else, and every edit reads back", () => {
    for (const v of ["yes", "2025-10-16", "12", "a: b", "#tag", "- dash", "x ", "“quoted” ’", "line\nbreak", "TLP:CLEAR", "O'Brien"]) {
      const out = setProperty(NOTE, "title", v);
      expect(readProperties(out).get("title"), v).toBe(v);
    }
    expect(yamlScalar("Talks resume")).toBe("Talks resume");
    expect(yamlScalar("true")).toBe('"true"');
  });

  it("keeps CRLF notes CRLF", () => {
    const crlf = NOTE.replace(/\n/g, "\r\n");
    const out = setProperty(crlf, "status", "final");
    expect(out.includes("\n") && !/[^\r]\n/.test(out)).toBe(true);
    expect(readProperties(out).get("status")).toBe("final");
  });
});
