import { h } from '../kit/dom.ts';
import type { Screen } from '../kit/screen.ts';

/**
 * In an exercise that hides forecasts, "What tends to happen" and the comparison with the historical path
 * stay closed until the debrief, whoever types their address: history must not decide for the class.
 */
export function forecastsClosedScreen(what: 'outlook' | 'compare', backHref: string, backLabel: string): Screen {
  const name = what === 'outlook' ? 'What tends to happen' : 'Comparing runs';
  const heading = h('h2', { tabindex: '-1', id: 'screen-heading' }, `${name} is closed for this exercise until the debrief`);
  const el = h(
    'section',
    { class: 'screen forecasts-closed', 'aria-labelledby': 'screen-heading', 'data-closed': what },
    heading,
    h(
      'p',
      { class: 'lede' },
      'The teacher has chosen to keep forecasts and what history did out of sight while the class decides, so that the class weighs the choices itself. Everything opens at the debrief.',
    ),
    h('p', null, h('a', { href: backHref, class: 'button primary' }, backLabel)),
  );
  return { el, heading, announcement: `${name} is closed for this exercise until the debrief.`, wide: true };
}
