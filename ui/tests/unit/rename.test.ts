import { mockIPC } from "@tauri-apps/api/mocks";
import { render } from "@testing-library/svelte";
import { fireEvent } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import PropertiesPanel from "../../src/lib/components/PropertiesPanel.svelte";
import { noteRename } from "../../src/lib/ipc";
import { NoteSession } from "../../src/lib/stores/note.svelte";
import { createMockBackend, FIXTURE_ARTICLE, fixtureBrief, type MockBackend } from "../fixtures/mock-backend";

let backend: MockBackend;
let sent: { cmd: string; args: Record<string, unknown> }[];
beforeEach(() => {
  backend = createMockBackend();
  sent = [];
  mockIPC((cmd, args) => {
    sent.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
    return backend.handle(cmd, (args ?? {}) as Record<string, unknown>);
  });
});

const meta = { title: null, classification: "OFFICIAL", link_style: null, markdown: null };

describe("rename", () => {
  it("noteRename sends the path, the title and the stamp to note_rename", async () => {
    const note = new NoteSession();
    await note.create(fixtureBrief(FIXTURE_ARTICLE, null), FIXTURE_ARTICLE, meta);
    const out = await noteRename(note.path!, "Geneva round", note.stamp!);
    expect(sent.at(-1)).toEqual({ cmd: "note_rename", args: { path: note.path, title: "Geneva round", stamp: note.stamp } });
    expect(out.kind).toBe("saved");
  });

  it("a session rename saves typing first, then follows the new path, stamp and text", async () => {
    const note = new NoteSession();
    await note.create(fixtureBrief(FIXTURE_ARTICLE, null), FIXTURE_ARTICLE, meta);
    const old = note.path!;
    const oldTitle = note.summary!.title;
    expect(note.markdown).toContain(`# ${oldTitle}`);
    note.setMarkdown(note.markdown + "\nTyped just now.");
    const path = await note.rename("Geneva round");
    expect(path).not.toBeNull();
    expect(path).not.toBe(old);
    expect(path!.endsWith("Geneva round.md")).toBe(true);
    expect(backend.calls.indexOf("note_save")).toBeLessThan(backend.calls.indexOf("note_rename"));
    expect(note.path).toBe(path);
    expect(note.state).toBe("saved");
    expect(note.markdown).toContain("title: Geneva round");
    expect(note.markdown).toContain("# Geneva round");
    expect(note.markdown).toContain("Typed just now.");
    expect(backend.notes.has(old)).toBe(false);
    expect(backend.notes.get(path!)!.markdown).toBe(note.markdown);
  });

  it("a second commit while the rename runs is not sent again", async () => {
    const note = new NoteSession();
    await note.create(fixtureBrief(FIXTURE_ARTICLE, null), FIXTURE_ARTICLE, meta);
    const [first, second] = await Promise.all([note.rename("Geneva round"), note.rename("Geneva round")]);
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    expect(backend.calls.filter((c) => c === "note_rename")).toHaveLength(1);
    expect(note.state).toBe("saved");
  });

  it("does nothing for a draft not yet saved or an empty title", async () => {
    const note = new NoteSession();
    await note.preview(fixtureBrief(FIXTURE_ARTICLE, null), FIXTURE_ARTICLE);
    expect(await note.rename("Geneva round")).toBeNull();
    expect(backend.calls).not.toContain("note_rename");
  });

  it("the Properties panel hands a committed title to onRename, other fields to onEdit", async () => {
    const onEdit = vi.fn();
    const onRename = vi.fn();
    const markdown = "---\ntitle: Talks in Geneva\nstatus: draft\n---\n# Talks in Geneva\n";
    const { getByTestId } = render(PropertiesPanel, { props: { markdown, onEdit, onRename } });
    const title = getByTestId("prop-title") as HTMLInputElement;
    title.value = "Geneva round";
    await fireEvent.change(title);
    expect(onRename).toHaveBeenCalledWith("Geneva round");
    expect(onEdit).not.toHaveBeenCalled();
    const status = getByTestId("prop-status") as HTMLInputElement;
    status.value = "final";
    await fireEvent.change(status);
    expect(onEdit).toHaveBeenCalledTimes(1);
    expect(onRename).toHaveBeenCalledTimes(1);
  });
});
