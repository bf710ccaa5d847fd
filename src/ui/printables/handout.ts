import { h } from '../kit/dom.ts';
import { sourceRef } from '../kit/sources.ts';
import { exerciseTitle, flag, leaderText, type PrintContext, startDate, teamName } from './print-context.ts';

/** The briefing every student reads: the crisis, its date, the objective, the members and who plays them, the sources. */
export function handout(c: PrintContext): HTMLElement {
  const { scenario } = c;
  const first = scenario.developments[scenario.start];
  const sources = [...new Set(scenario.sources.map((s) => sourceRef(scenario, s).title))];
  return h(
    'div',
    { class: 'printable handout' },
    h('p', { class: 'doc-kicker' }, `${c.exercise.title ? `${scenario.title} · ` : ''}${startDate(scenario)}`),
    h('p', { class: 'premise' }, scenario.premise),
    h('section', { class: 'doc-part' }, h('h2', null, 'Your objective'), h('p', null, scenario.objective)),
    first
      ? h(
          'section',
          { class: 'doc-part' },
          h('h2', null, `The briefing: ${first.title}`),
          h('p', { class: 'muted' }, `${first.date}${first.place ? ` · ${first.place}` : ''}`),
          first.briefing
            .split(/\n\s*\n/)
            .filter((p) => p.trim())
            .map((p) => h('p', null, p.trim())),
        )
      : null,
    h(
      'section',
      { class: 'doc-part' },
      h('h2', null, 'The members and their leaders'),
      h(
        'table',
        { class: 'doc-table' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Member'), h('th', { scope: 'col' }, 'Leader'), h('th', { scope: 'col' }, 'Played by'))),
        h(
          'tbody',
          null,
          scenario.members.map((m) =>
            h(
              'tr',
              null,
              h('th', { scope: 'row' }, flag(m), ' ', scenario.names[m] ?? m),
              h('td', null, leaderText(c, m)),
              h('td', null, teamName(c, m) ?? 'plays itself'),
            ),
          ),
          h('tr', null, h('th', { scope: 'row' }, 'The chair'), h('td', null, 'the Secretary General'), h('td', null, teamName(c, 'chair') ?? 'no team')),
        ),
      ),
    ),
    h(
      'section',
      { class: 'doc-part' },
      h('h2', null, 'Sources'),
      h(
        'ul',
        null,
        sources.map((s) => h('li', null, s)),
      ),
    ),
    h('p', { class: 'muted' }, `Exercise: ${exerciseTitle(c)}, seed “${c.exercise.seed}”.`),
  );
}
