import './printables.css';
import type { Scenario } from '../../engine/core/scenario.ts';
import { type Exercise, exerciseProblems } from '../../engine/play/exercise.ts';
import { h } from '../kit/dom.ts';
import { exerciseHash, type Printable } from '../kit/route.ts';
import type { Screen } from '../kit/screen.ts';
import { guide } from './guide.ts';
import { handout } from './handout.ts';
import { exerciseTitle, printContext } from './print-context.ts';
import { roleCards } from './role-cards.ts';

const TITLES: Record<Printable, string> = { roles: 'Role cards', handout: 'Briefing handout', guide: 'Facilitator’s guide' };

/**
 * A printable of an exercise: a real document for the printer, with a bar (hidden on paper) to print it and go
 * back to the exercise. The print stylesheet fits A4 and Letter, black on white.
 */
export function printableScreen(kind: Printable, exercise: Exercise, scenario: Scenario): Screen {
  const c = printContext(exercise, scenario);
  const heading = h('h1', { tabindex: '-1', id: 'screen-heading' }, `${TITLES[kind]}: ${exerciseTitle(c)}`);
  const print = h('button', { type: 'button', class: 'primary', 'data-action': 'print' }, 'Print');
  print.addEventListener('click', () => window.print());
  const problems = exerciseProblems(exercise, scenario);
  const body = kind === 'roles' ? roleCards(c) : kind === 'handout' ? handout(c) : guide(c);
  const el = h(
    'section',
    { class: `screen printable-screen printable-${kind}`, 'aria-labelledby': 'screen-heading', 'data-screen': `class-print-${kind}` },
    h(
      'nav',
      { class: 'print-bar', 'aria-label': 'This printable' },
      h('a', { href: exerciseHash(exercise), class: 'button secondary' }, 'Back to the exercise'),
      print,
      h(
        'span',
        { class: 'print-others' },
        (['roles', 'handout', 'guide'] as const).filter((k) => k !== kind).map((k) => h('a', { href: exerciseHash(exercise, k) }, TITLES[k])),
      ),
    ),
    problems.length ? h('p', { class: 'notice notice-error' }, `This exercise cannot start as it is: ${problems.join('; ')}.`) : null,
    heading,
    body,
  );
  return { el, heading, announcement: `${TITLES[kind]} for ${exerciseTitle(c)}, ready to print.` };
}
