import type { Run } from '../../engine/play/run.ts';
import type { OptionView } from '../../engine/rules/council.ts';
import { h, uid } from '../kit/dom.ts';
import { optionDetails } from './option-details.ts';
import { leaderShortName, outcomeOf, STANCE_MARKS, stanceWord } from './stance-text.ts';

export type Decide = (option: string, leverage: boolean) => void;

const OUTCOME_MARKS = { passes: '✔', blocked: '⊘', closed: '–' } as const;

/** The buttons that take an option: as it stands, and with Moscow's leverage where that is possible. */
function chooseButtons(view: OptionView, leverageId: string | null, onDecide: Decide): HTMLElement[] {
  const o = view.option;
  const buttons: HTMLElement[] = [];
  if (view.passable)
    buttons.push(
      h(
        'button',
        {
          type: 'button',
          class: 'primary compact',
          'data-option': o.id,
          'data-leverage': 'false',
          'aria-label': `Choose: ${o.label}`,
          onclick: () => onDecide(o.id, false),
        },
        'Choose',
      ),
    );
  if (view.leverage.possible)
    buttons.push(
      h(
        'button',
        {
          type: 'button',
          class: 'secondary compact',
          'data-option': o.id,
          'data-leverage': 'true',
          'aria-label': `With leverage, choose: ${o.label}`,
          'aria-describedby': leverageId,
          onclick: () => onDecide(o.id, true),
        },
        'With leverage',
      ),
    );
  return buttons;
}

/** One option: its row of stances, then its details, closed until asked for. */
function optionBody(run: Run, view: OptionView, index: number, onDecide: Decide): HTMLElement {
  const { scenario } = run;
  const o = view.option;
  const outcome = outcomeOf(run, view);
  const detailsId = uid(`details-${o.id}`);
  const details = optionDetails(run, view, outcome);
  const detailsRow = h('tr', { class: 'option-details', id: detailsId, hidden: true }, h('td', { colspan: String(scenario.members.length + 2) }, details.el));
  const toggle = h(
    'button',
    { type: 'button', class: 'link-button details-toggle', 'aria-expanded': 'false', 'aria-controls': detailsId, 'aria-label': `Details: ${o.label}` },
    'Details',
  );
  const setOpen = (open: boolean) => {
    detailsRow.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? 'Hide details' : 'Details';
    toggle.setAttribute('aria-label', `${open ? 'Hide details' : 'Details'}: ${o.label}`);
  };
  toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
  // Escape inside the open details closes them and returns to the button that opened them.
  detailsRow.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    setOpen(false);
    toggle.focus();
  });
  const cells = scenario.members.map((code) => {
    const s = view.stances.find((x) => x.member === code);
    if (!s) return h('td', { class: 'stance absent', 'data-member': code, 'data-name': scenario.names[code] }, h('span', { class: 'word' }, 'absent'));
    return h(
      'td',
      { class: `stance stance-${s.stance}`, 'data-member': code, 'data-stance': s.stance, 'data-name': scenario.names[code] },
      h('span', { class: 'mark', 'aria-hidden': 'true' }, STANCE_MARKS[s.stance]),
      ' ',
      h('span', { class: 'word' }, stanceWord(view, s)),
    );
  });
  return h(
    'tbody',
    { class: `option option-${outcome.kind}`, 'data-option-card': o.id },
    h(
      'tr',
      { class: 'option-row' },
      h(
        'th',
        { scope: 'row', class: 'option-name' },
        h('span', { class: 'option-number' }, `${index + 1}. `),
        o.label,
        o.consensus ? h('span', { class: 'tag consensus', title: 'Needs consensus: one veto blocks it' }, 'consensus') : null,
        ' ',
        toggle,
      ),
      cells,
      h(
        'td',
        { class: `outcome outcome-${outcome.kind}` },
        h('span', { class: 'outcome-word' }, h('span', { 'aria-hidden': 'true' }, `${OUTCOME_MARKS[outcome.kind]} `), outcome.short),
        h('span', { class: 'choose' }, chooseButtons(view, details.leverageId, onDecide)),
      ),
    ),
    detailsRow,
  );
}

/** Members across, options down: every stance at a glance, each option's reasons and numbers a click away. */
export function councilGrid(run: Run, views: OptionView[], onDecide: Decide): HTMLElement {
  const { scenario, world } = run;
  return h(
    'div',
    { class: 'grid-box' },
    h(
      'table',
      { class: `council-grid${scenario.members.length > 6 ? ' many-members' : ''}` },
      h('caption', { class: 'visually-hidden' }, 'Where each member stands on each option, and whether the option passes'),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, 'Option'),
          scenario.members.map((code) =>
            h(
              'th',
              { scope: 'col', class: 'member-col', 'data-member': code },
              h('span', { class: 'member-name' }, scenario.names[code]),
              h('span', { class: 'leader-name' }, world.members[code].status === 'member' ? leaderShortName(run, code) : world.members[code].status),
            ),
          ),
          h('th', { scope: 'col' }, 'Outcome'),
        ),
      ),
      views.map((view, i) => optionBody(run, view, i, onDecide)),
    ),
  );
}
