import type { Run } from '../../engine/play/run.ts';
import type { OptionView } from '../../engine/rules/council.ts';
import { h, uid } from '../kit/dom.ts';
import { signed, whole } from '../kit/format.ts';
import { leaderShortName, leverageText, type OptionOutcome, STANCE_MARKS, stanceWord } from './stance-text.ts';

export interface OptionDetails {
  el: HTMLElement;
  /** The id of the sentence on what leverage costs, which the leverage button points to; null when there is none. */
  leverageId: string | null;
}

/**
 * What an option means, opened on demand from the grid: its description, each leader's stance in their own
 * voice ("Tokayev objects: ..."), the outcome and what leverage would cost; the numbers behind the stances
 * one more step away.
 */
export function optionDetails(run: Run, view: OptionView, outcome: OptionOutcome): OptionDetails {
  const { scenario } = run;
  const o = view.option;
  const lev = leverageText(run, view);
  const leverageId = lev ? uid(`leverage-${o.id}`) : null;
  const voices = view.stances.map((s) =>
    h(
      'li',
      { 'data-member': s.member, 'data-stance': s.stance },
      h(
        'strong',
        { class: `stance-${s.stance}` },
        h('span', { 'aria-hidden': 'true' }, `${STANCE_MARKS[s.stance]} `),
        `${leaderShortName(run, s.member)} ${stanceWord(view, s)}`,
      ),
      h('span', { class: 'muted' }, ` (${scenario.names[s.member]})`),
      `: ${s.reason}`,
    ),
  );
  const numbers = h(
    'details',
    { class: 'numbers' },
    h('summary', null, 'The numbers behind each stance'),
    h(
      'p',
      { class: 'muted' },
      `A stance is the sum of these points: ${whole(scenario.params.stance.supports)} or more supports, ${whole(scenario.params.stance.accepts)} or more accepts, ${whole(scenario.params.stance.objects)} or more objects, below that vetoes.`,
    ),
    h(
      'table',
      { class: 'stance-numbers' },
      h('caption', { class: 'visually-hidden' }, `The points behind each stance on “${o.label}”`),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Member'), h('th', { scope: 'col' }, 'Points'), h('th', { scope: 'col' }, 'From'))),
      h(
        'tbody',
        null,
        view.stances.map((s) =>
          h(
            'tr',
            { 'data-member': s.member },
            h('th', { scope: 'row' }, scenario.names[s.member]),
            h('td', null, signed(s.score, 0)),
            h('td', { class: 'factors' }, s.factors.length ? s.factors.map((f) => `${f.label} ${signed(f.points, 0)}`).join('; ') : 'nothing either way'),
          ),
        ),
      ),
    ),
  );
  const el = h(
    'div',
    { class: 'option-detail' },
    h('p', null, o.description),
    h(
      'p',
      { class: 'tags' },
      o.consensus ? h('span', { class: 'tag consensus' }, 'Needs consensus: one veto blocks it') : h('span', { class: 'tag' }, 'No consensus needed'),
    ),
    h('ul', { class: 'voices' }, voices),
    numbers,
    h('p', { class: `verdict verdict-${outcome.kind}` }, outcome.text),
    lev ? h('p', { class: 'leverage', id: leverageId }, lev) : null,
    view.passable || view.leverage.possible ? null : h('p', { class: 'cannot' }, 'This option cannot be chosen now.'),
  );
  return { el, leverageId };
}
