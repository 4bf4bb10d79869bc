import { fireEvent, render } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { STANCE_LABELS } from "../../src/lib/bindings/stanceLabels";
import BriefView from "../../src/lib/components/BriefView.svelte";
import { Workspace } from "../../src/lib/stores/workspace.svelte";
import { FIXTURE_ARTICLE, fixtureBrief } from "../fixtures/mock-backend";

function shown(edit?: (b: ReturnType<typeof fixtureBrief>) => void) {
  const ws = new Workspace();
  const brief = fixtureBrief(FIXTURE_ARTICLE, "2026-03-03");
  edit?.(brief);
  ws.show(brief, FIXTURE_ARTICLE);
  render(BriefView, { ws });
  return ws;
}

const all = (sel: string) => [...document.querySelectorAll(sel)];
const texts = (sel: string) => all(sel).map((e) => e.textContent?.trim());

describe("BriefView", () => {
  it("groups positions under their issue, in the brief's issue order, each line Party — stance — content", () => {
    shown((b) => {
      // A second Moreau position on the budget: it joins that issue's group.
      b.positions.push({ ...b.positions[0], text: "the budget must come first", issue: "monitoring budget", issue_id: "i2" });
    });
    expect(texts("[data-testid=issue-heading]")).toEqual(["Danube corridor reopening", "monitoring budget"]);
    const groups = all("[data-testid=issue-group]");
    expect(groups[0].querySelectorAll("[data-testid=position]")).toHaveLength(2);
    expect(groups[1].querySelectorAll("[data-testid=position]")).toHaveLength(2);
    const first = groups[0].querySelector("[data-testid=position]")!;
    expect(first.querySelector("[data-testid=position-speaker]")?.textContent).toBe("Élise Moreau");
    expect(first.querySelector("[data-testid=stance]")?.textContent).toBe(STANCE_LABELS.conditional);
  });

  it("groups by label when a brief has no issues list (stored before issues existed)", () => {
    shown((b) => {
      b.issues = [];
      for (const p of b.positions) p.issue_id = null;
    });
    expect(texts("[data-testid=issue-heading]")).toEqual(["Danube corridor reopening", "monitoring budget"]);
  });

  it("shows where the parties stand: issues × principal parties, a stance word, empty where silent", () => {
    shown();
    const parties = texts("[data-testid=stance-party]");
    expect(parties).toEqual(["Élise Moreau", "Jonas Köhler", "unnamed senior official"]);
    const rows = all("[data-testid=stance-row]");
    expect(rows.map((r) => r.querySelector("[data-testid=stance-issue]")?.textContent)).toEqual([
      "Danube corridor reopening",
      "monitoring budget",
    ]);
    const cells = (r: Element) => [...r.querySelectorAll("[data-testid=stance-cell]")].map((c) => c.textContent?.trim());
    expect(cells(rows[0])).toEqual([STANCE_LABELS.conditional, STANCE_LABELS.support, ""]);
    expect(cells(rows[1])).toEqual(["", "", STANCE_LABELS.neutral]);
  });

  it("a stance cell shows that party's position in the article (provenance)", async () => {
    const ws = shown();
    const cell = all("[data-testid=stance-row]")[0].querySelectorAll("[data-testid=stance-cell] button")[1];
    await fireEvent.click(cell);
    expect(ws.selected).toEqual({ section: "positions", index: 1 });
  });

  it("filters positions by speaker, with counts", async () => {
    shown();
    const select = document.querySelector("[data-testid=position-filter]") as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      "All speakers (3)",
      "Élise Moreau (1)",
      "Jonas Köhler (1)",
      "unnamed senior official (1)",
    ]);
    select.value = "p2";
    await fireEvent.change(select);
    expect(texts("[data-testid=position-speaker]")).toEqual(["Jonas Köhler"]);
    expect(texts("[data-testid=issue-heading]")).toEqual(["Danube corridor reopening"]);
  });

  it("collapses and expands sections, announcing the state", async () => {
    shown();
    const toggle = document.querySelector("[data-testid=toggle-positions]")!;
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    await fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect((document.getElementById("positions-h-body") as HTMLElement).hidden).toBe(true);
    await fireEvent.click(document.querySelector("[data-testid=toggle-all]")!);
    expect(all("[aria-expanded=true]")).toHaveLength(0);
    await fireEvent.click(document.querySelector("[data-testid=toggle-all]")!);
    expect(all("[aria-expanded=false]")).toHaveLength(0);
  });

  it("orders key dates by resolved date, unresolved last, written as dates with the event", () => {
    shown((b) => {
      b.key_dates[1].resolved = "2026-03-01"; // "3 March" before "on Tuesday" (2026-03-03)
      b.key_dates.push({ ...b.key_dates[0], text: "next fortnight", resolved: "2025-10-16..2025-10-30", event: "talks" });
      b.key_dates.push({ ...b.key_dates[0], text: "soon", resolved: null, event: null });
    });
    expect(texts("[data-testid=date-resolved]")).toEqual([
      "Thu 16 Oct 2025 – 30 Oct 2025",
      "Sun 1 Mar 2026",
      "Tue 3 Mar 2026",
      "date not fixed by the text",
    ]);
    expect(texts("[data-testid=date-event]")).toEqual(["talks", "summit", "Moreau statement"]);
  });

  it("labels a quote only while its words are the article's", () => {
    shown((b) => {
      b.positions[1].text = "can reopen soon"; // edited elsewhere, kind still "quote"
    });
    const kinds = texts("[data-testid=position-kind]");
    expect(kinds[0]).toMatch(/^quote/);
    expect(kinds[1]).toMatch(/^paraphrase/);
    expect(all("[data-testid=position-text]")[1].textContent).toBe("can reopen soon");
  });

  it("shows text from the article as text, never as markup", () => {
    shown((b) => {
      b.positions[0].text = '<img src=x onerror="alert(1)">';
    });
    const pos = document.querySelector("[data-testid=position-text]")!;
    expect(pos.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(document.querySelector("[data-testid=brief] img")).toBeNull();
  });

  it("says so when a section is empty", () => {
    shown((b) => {
      b.open_questions = [];
    });
    expect(document.querySelector("[data-testid=questions]")!.textContent).toContain("No open questions found.");
  });
});
