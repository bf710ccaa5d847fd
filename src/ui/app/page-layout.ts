import { announce } from '../kit/announce.ts';
import { h, replace } from '../kit/dom.ts';
import type { Screen } from '../kit/screen.ts';
import type { Notice } from '../choose/choose-screen.ts';

export function skipLink(): HTMLElement {
  const link = h('a', { class: 'skip-link', href: '#main' }, 'Skip to the game');
  link.addEventListener('click', (event) => {
    // The fragment belongs to the router: move focus by hand instead of following the link.
    event.preventDefault();
    (document.getElementById('screen-heading') ?? document.getElementById('main'))?.focus();
  });
  return link;
}

/** The Choose screen: the brand above a single column. */
export function layOutChoose(root: HTMLElement, screen: Screen) {
  replace(root, skipLink(), h('header', { class: 'bar' }, h('p', { class: 'brand' }, 'Article Four')), h('main', { id: 'main', class: 'single' }, screen.el));
}

export interface RunLayout {
  bar: HTMLElement;
  drawers: HTMLElement;
  /** A class's run: its exercise, phase and timer, under the run's bar on every screen. */
  classBar: HTMLElement | null;
  notices: Notice[];
  /** A notice that asks for a choice before the run is saved again, or none. */
  alert: HTMLElement | null;
  screen: Screen;
  /** The map and meters beside the screen, or none for the screens that need the page's whole width. */
  stage: HTMLElement | null;
}

/** A run's screens: its bar and drawers above, the map and meters beside the screen unless it is wide. */
export function layOutRun(root: HTMLElement, page: RunLayout) {
  const notices = page.notices.length
    ? h(
        'div',
        { class: 'notices' },
        page.notices.map((n) => h('p', { class: `notice notice-${n.kind}`, 'data-notice': n.kind }, n.text)),
      )
    : null;
  // Above the map rather than beside it: on a phone, where the map comes first, it is still the first thing seen.
  const alert = page.alert ? h('section', { class: 'run-alert', 'aria-label': 'Saving this run' }, page.alert) : null;
  const panel = h('main', { id: 'main', class: 'panel' }, notices, page.screen.el);
  replace(root, skipLink(), page.bar, page.drawers, page.classBar, alert, h('div', { class: `play ${page.stage ? '' : 'wide'}` }, page.stage, panel));
}

/**
 * Focus moves to the new screen's heading, and the live region reads what it says. The page starts at the
 * top, with the run's bar in view; where the heading lies below the first screenful (on a phone the map
 * and meters come first), the page scrolls to it, so what has focus is what the player sees.
 */
export function present(screen: Screen) {
  window.scrollTo(0, 0);
  screen.heading.focus({ preventScroll: true });
  const { top, bottom } = screen.heading.getBoundingClientRect();
  if (top < 0 || bottom > window.innerHeight) screen.heading.scrollIntoView({ block: 'start' });
  announce(screen.announcement);
}
