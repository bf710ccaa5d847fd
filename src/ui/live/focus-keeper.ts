/**
 * A part of the page rebuilt while someone works in it (the dashboard, as every table's state arrives) keeps
 * the keyboard's place: the element with focus is named by its `data-focus-key`, and the element of the same
 * name in the rebuilt part takes focus again.
 */
export function rebuildKeepingFocus(container: HTMLElement, rebuild: () => void): void {
  const active = document.activeElement;
  const key = active instanceof HTMLElement && container.contains(active) ? active.dataset.focusKey : undefined;
  rebuild();
  if (key === undefined) return;
  const again = container.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`);
  again?.focus({ preventScroll: true });
}
