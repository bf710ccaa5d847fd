import { h } from './dom.ts';

/**
 * A wide table in a box of its own that scrolls sideways, so that on a phone the table scrolls and the
 * page keeps the screen's width. The box is a named region that takes focus, so a keyboard can scroll it.
 */
export function scrollBox(table: HTMLElement, label?: string): HTMLElement {
  const caption = table.querySelector('caption')?.textContent?.trim();
  return h('div', { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-label': label || caption || 'Table' }, table);
}
