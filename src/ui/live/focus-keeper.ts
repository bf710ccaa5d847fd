/**
 * A part of the page rebuilt while someone works in it (the dashboard, as every table's state arrives) keeps
 * the keyboard's place: the element with focus is named by its `data-focus-key`, and the element of the same
 * name in the rebuilt part takes focus again. Where it is gone (a table's "move on" button while its Council
 * sits), the element its `data-focus-fallback` names does (the table's heading), never the page's top.
 */
export function rebuildKeepingFocus(container: HTMLElement, rebuild: () => void): void {
  const active = document.activeElement;
  const inside = active instanceof HTMLElement && container.contains(active);
  const key = inside ? active.dataset.focusKey : undefined;
  const fallback = inside ? active.dataset.focusFallback : undefined;
  rebuild();
  const find = (name: string | undefined) => (name === undefined ? null : container.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(name)}"]`));
  (find(key) ?? find(fallback))?.focus({ preventScroll: true });
}
