import { h, replace } from '../kit/dom.ts';
import type { Screen } from '../kit/screen.ts';
import { skipLink } from '../app/page-layout.ts';

/**
 * A live class's page: the brand, then the connection's state (said aloud when it changes), the class's bar
 * when there is one, and the screen in a single column, as wide as the page for the Council and the dashboard.
 */
export function layOutLive(root: HTMLElement, status: HTMLElement, bar: HTMLElement | null, screen: Screen) {
  replace(
    root,
    skipLink(),
    h('header', { class: 'bar' }, h('p', { class: 'brand' }, 'Article Four')),
    status,
    bar,
    h('main', { id: 'main', class: screen.wide ? 'single live-page live-wide' : 'single live-page' }, screen.el),
  );
}
