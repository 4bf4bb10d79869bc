import { describe, expect, it } from "vitest";
import { moveFocus } from "../../src/lib/arrows";

function list(n: number, disabled: number[] = []) {
  const ul = document.createElement("ul");
  for (let i = 0; i < n; i++) {
    const b = document.createElement("button");
    b.className = "pick";
    b.textContent = `item ${i}`;
    if (disabled.includes(i)) b.setAttribute("disabled", "");
    ul.append(b);
  }
  document.body.append(ul);
  return [ul, [...ul.querySelectorAll("button")]] as const;
}

const press = (target: HTMLElement, key: string, container: HTMLElement) => {
  const e = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true });
  Object.defineProperty(e, "target", { value: target });
  moveFocus(e, container, "button.pick");
  return e.defaultPrevented;
};

describe("moveFocus", () => {
  it("moves with the arrows, Home and End, skipping disabled items", () => {
    const [ul, b] = list(4, [2]);
    b[1].focus();
    expect(press(b[1], "ArrowDown", ul)).toBe(true);
    expect(document.activeElement).toBe(b[3]);
    press(b[3], "Home", ul);
    expect(document.activeElement).toBe(b[0]);
    press(b[0], "End", ul);
    expect(document.activeElement).toBe(b[3]);
  });

  it("stays put at the ends and ignores other keys and modified arrows", () => {
    const [ul, b] = list(2);
    b[0].focus();
    expect(press(b[0], "ArrowUp", ul)).toBe(false);
    expect(document.activeElement).toBe(b[0]);
    expect(press(b[0], "x", ul)).toBe(false);
    const e = new KeyboardEvent("keydown", { key: "ArrowDown", ctrlKey: true, cancelable: true });
    Object.defineProperty(e, "target", { value: b[0] });
    moveFocus(e, ul, "button.pick");
    expect(document.activeElement).toBe(b[0]);
  });
});
