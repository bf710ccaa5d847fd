import { h } from '../kit/dom.ts';
import type { Screen } from '../kit/screen.ts';

/**
 * An address the game does not know (a mistyped or cut-off link): said plainly, with the way to the
 * scenarios and, when a run was on show, the way back to it.
 */
export function notFoundScreen(address: string, backToRun: string | null): Screen {
  const heading = h('h1', { tabindex: '-1', id: 'screen-heading' }, 'Page not found');
  const el = h(
    'section',
    { class: 'screen not-found', 'aria-labelledby': 'screen-heading' },
    heading,
    h('p', null, 'There is no page of the game at this address: ', h('code', null, address.slice(0, 200)), '. The link may be mistyped or cut short.'),
    h(
      'p',
      { class: 'actions' },
      backToRun ? h('a', { href: backToRun, class: 'button primary' }, 'Back to your run') : null,
      ' ',
      h('a', { href: '#/', class: `button ${backToRun ? 'secondary' : 'primary'}` }, 'Go to the scenarios'),
    ),
  );
  return { el, heading, announcement: 'Page not found. There is no page of the game at this address.' };
}
