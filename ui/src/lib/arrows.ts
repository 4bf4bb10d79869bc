// Up/Down arrows move focus between the items of a list (draft items, library notes), so a
// keyboard user does not have to Tab through every Edit and Remove button on the way.

/** Handles ArrowUp/ArrowDown/Home/End on an element matching `selector` inside `container`. */
export function moveFocus(e: KeyboardEvent, container: HTMLElement, selector: string): void {
  const keys = ["ArrowDown", "ArrowUp", "Home", "End"];
  if (!keys.includes(e.key) || e.altKey || e.ctrlKey || e.metaKey) return;
  const target = e.target as HTMLElement | null;
  if (!target?.matches(selector)) return;
  const items = [...container.querySelectorAll<HTMLElement>(selector)].filter((el) => !el.hasAttribute("disabled"));
  const i = items.indexOf(target);
  if (i < 0) return;
  const next =
    e.key === "ArrowDown" ? items[i + 1] : e.key === "ArrowUp" ? items[i - 1] : e.key === "Home" ? items[0] : items.at(-1);
  if (!next) return;
  e.preventDefault();
  next.focus();
  next.scrollIntoView?.({ block: "nearest" }); // absent in jsdom
}
