import { h } from '../kit/dom.ts';
import type { Screen } from '../kit/screen.ts';

/** A sentence in place of a live screen (removed, not joined, a secret refused, loading), with the ways on. */
export function liveMessageScreen(title: string, text: string, links: { href: string; label: string }[], kind = 'live-message'): Screen {
  const heading = h('h1', { tabindex: '-1', id: 'screen-heading' }, title);
  const el = h(
    'section',
    { class: 'screen live-message', 'aria-labelledby': 'screen-heading', 'data-live-message': kind },
    h('p', { class: 'kicker' }, h('a', { href: '#/' }, 'Article Four'), ' · Live class'),
    heading,
    h('p', { class: 'lede' }, text),
    links.length
      ? h(
          'p',
          { class: 'actions' },
          links.map((l, i) => h('a', { href: l.href, class: `button ${i === 0 ? 'primary' : 'secondary'}` }, l.label)),
        )
      : null,
  );
  return { el, heading, announcement: `${title}. ${text}` };
}
