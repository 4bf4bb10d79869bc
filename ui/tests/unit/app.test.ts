import { mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import App from "../../src/App.svelte";
import { STANCE_LABELS } from "../../src/lib/bindings/stanceLabels";
import { createMockBackend, FIXTURE_ARTICLE, type MockBackend } from "../fixtures/mock-backend";

let backend: MockBackend;
beforeEach(() => {
  backend = createMockBackend();
  mockIPC((cmd, args) => backend.handle(cmd, (args ?? {}) as Record<string, unknown>));
});

const q = (sel: string) => document.querySelector(sel);
const qa = (sel: string) => [...document.querySelectorAll(sel)];

async function draftFixture() {
  render(App);
  const input = screen.getByTestId("article-input") as HTMLTextAreaElement;
  await fireEvent.input(input, { target: { value: FIXTURE_ARTICLE } });
  await fireEvent.click(screen.getByTestId("draft-button"));
  await waitFor(() => expect(q("[data-testid=brief]")?.getAttribute("data-state")).toBe("ready"));
}

describe("App", () => {
  it("drafts on click and renders parties, positions, questions and dates with the contract's hooks", async () => {
    await draftFixture();
    const parties = qa("[data-testid=parties] [data-testid=party]");
    expect(parties).toHaveLength(3);
    expect(parties[0].textContent).toContain("Élise Moreau");
    expect(parties[0].textContent).toContain("Foreign Minister, France");
    const positions = qa("[data-testid=positions] [data-testid=position]");
    expect(positions).toHaveLength(3);
    // One stance vocabulary: the words the note uses (Stance::label in Rust).
    expect(positions[1].querySelector("[data-testid=stance]")?.textContent).toBe(STANCE_LABELS.support);
    // Positions sit under their issue; two speakers share the first one.
    const headings = qa("[data-testid=positions] [data-testid=issue-heading]").map((h) => h.textContent);
    expect(headings).toEqual(["Danube corridor reopening", "monitoring budget"]);
    expect(qa("[data-testid=issue-group]")[0].querySelectorAll("[data-testid=position]")).toHaveLength(2);
    expect(qa("[data-testid=questions] [data-testid=question]")).toHaveLength(1);
    expect(qa("[data-testid=dates] [data-testid=date]")).toHaveLength(2);
    // The unsaved draft is shown as a note preview, not written to the vault.
    await waitFor(() => expect(q("[data-testid=save-state]")?.getAttribute("data-state")).toBe("draft"));
    expect(backend.calls).not.toContain("note_create");
  });

  it("drafts with Ctrl+Enter in the article", async () => {
    render(App);
    const input = screen.getByTestId("article-input");
    await fireEvent.input(input, { target: { value: FIXTURE_ARTICLE } });
    await fireEvent.keyDown(input, { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(q("[data-testid=brief]")?.getAttribute("data-state")).toBe("ready"));
  });

  it("loads the sample article", async () => {
    render(App);
    await fireEvent.click(screen.getByTestId("sample-button"));
    await waitFor(() => expect((screen.getByTestId("article-input") as HTMLTextAreaElement).value).toBe(FIXTURE_ARTICLE));
  });

  it("asks before the sample replaces an article of the analyst's", async () => {
    render(App);
    const input = screen.getByTestId("article-input") as HTMLTextAreaElement;
    await fireEvent.input(input, { target: { value: "My own article." } });
    await fireEvent.click(screen.getByTestId("sample-button"));
    await fireEvent.click(await waitFor(() => screen.getByTestId("confirm-cancel")));
    expect(input.value).toBe("My own article.");
    await fireEvent.click(screen.getByTestId("sample-button"));
    await fireEvent.click(await waitFor(() => screen.getByTestId("confirm-ok")));
    await waitFor(() => expect(input.value).toBe(FIXTURE_ARTICLE));
  });

  it("shows an engine error in the brief container", async () => {
    render(App);
    await fireEvent.click(screen.getByTestId("draft-button"));
    await waitFor(() => expect(q("[data-testid=brief]")?.getAttribute("data-state")).toBe("error"));
    expect(screen.getByTestId("error").textContent).toContain("The article is empty");
    expect(screen.getByTestId("error").getAttribute("data-code")).toBe("empty_input");
  });

  it("highlights a position's source sentence in the article when selected", async () => {
    await draftFixture();
    const pos = qa("[data-testid=positions] [data-testid=position]")[0];
    await fireEvent.click(pos.querySelector("button.pick")!);
    const mark = await waitFor(() => screen.getByTestId("source-highlight"));
    expect(mark.textContent).toBe(
      "GENÈVE — Foreign Minister Élise Moreau of France said on Tuesday that “there will be no deal without monitors on the river.”",
    );
    expect(pos.getAttribute("data-selected")).toBe("true");
  });

  it("removes an item before it goes into the note, and the draft note follows", async () => {
    await draftFixture();
    const before = qa("[data-testid=positions] [data-testid=position]");
    await fireEvent.click(before[2].querySelector("[data-testid=remove-item]")!);
    await waitFor(() => expect(qa("[data-testid=positions] [data-testid=position]")).toHaveLength(2));
    await fireEvent.keyDown(window, { key: "s", ctrlKey: true });
    await waitFor(() => expect(q("[data-testid=save-state]")?.getAttribute("data-state")).toBe("saved"));
    const [stored] = [...backend.notes.values()];
    expect(stored.brief.positions).toHaveLength(2);
    expect(stored.markdown).not.toContain("monitoring budget");
    await waitFor(() => expect(qa("[data-testid=note-item]")).toHaveLength(1));
  });

  it("asks before Ctrl+N throws away an unsaved draft, and keeps everything on Cancel", async () => {
    await draftFixture();
    await waitFor(() => expect(q("[data-testid=save-state]")?.getAttribute("data-state")).toBe("draft"));
    await fireEvent.keyDown(window, { key: "n", ctrlKey: true });
    await waitFor(() => expect(q("[data-testid=confirm-dialog]")?.hasAttribute("open")).toBe(true));
    await fireEvent.click(screen.getByTestId("confirm-cancel"));
    expect((screen.getByTestId("article-input") as HTMLTextAreaElement).value).toBe(FIXTURE_ARTICLE);
    expect(q("[data-testid=save-state]")?.getAttribute("data-state")).toBe("draft");
    await fireEvent.keyDown(window, { key: "n", ctrlKey: true });
    await fireEvent.click(await waitFor(() => screen.getByTestId("confirm-ok")));
    await waitFor(() => expect((screen.getByTestId("article-input") as HTMLTextAreaElement).value).toBe(""));
    expect(q("[data-testid=save-state]")?.getAttribute("data-state")).toBe("none");
  });

  it("opens the help panel with F1 and lists the shortcuts", async () => {
    render(App);
    await fireEvent.keyDown(window, { key: "F1" });
    await waitFor(() => expect(screen.getByTestId("shortcut-list").textContent).toContain("Ctrl+Shift+F"));
  });
});
