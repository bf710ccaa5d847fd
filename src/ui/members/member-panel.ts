import './member-panel.css';
import { developmentById } from '../../engine/core/development.ts';
import type { MemberField } from '../../engine/core/world.ts';
import type { Run } from '../../engine/play/run.ts';
import { memberViews } from '../../engine/play/member-view.ts';
import { lastMove } from '../../engine/rules/explain.ts';
import { h } from '../kit/dom.ts';
import { FIELD_LABELS, possessive, signed, whole } from '../kit/format.ts';
import { memoryLine } from './member-card.ts';
import { openMemberCard } from './member-dialog.ts';
import { flagUrl } from './flags.ts';

const SHOWN: MemberField[] = ['loyalty', 'hedging', 'publicSupport'];

/** A value's last move in words: by how much, and at which development. */
function lastChangeText(run: Run, code: string, field: MemberField): string {
  const move = lastMove(run.world, `${code}.${field}`);
  if (!move) return 'no change yet';
  const at = developmentById(run.scenario, move.development).title;
  return `last change ${signed(move.after - move.before)}, at “${at}”`;
}

/**
 * A member's card, opened from the map: its flag, name and mood, its leader at the run's date, what it
 * wants, what it remembers, and its loyalty, hedging and public support, each with its last change; the
 * whole card (sources, every memory) one button away. Escape or Close puts it away.
 */
export function memberPanel(run: Run, code: string, onClose: () => void): HTMLElement {
  const { scenario, world } = run;
  const m = world.members[code];
  const name = scenario.names[code] ?? code;
  const view = memberViews(run).find((v) => v.code === code);
  const leader = view?.leader ?? scenario.leaders[code];
  const headingId = `member-panel-${code}`;
  const flag = flagUrl(code);
  const openFull = h('button', { type: 'button', class: 'secondary', 'aria-haspopup': 'dialog' }, `${possessive(name)} full card`);
  openFull.addEventListener('click', () => openMemberCard(run, code, openFull));
  const panel = h(
    'section',
    {
      class: 'member-panel',
      'data-member-panel': code,
      'aria-labelledby': headingId,
      onkeydown: (e) => {
        if ((e as KeyboardEvent).key === 'Escape') onClose();
      },
    },
    h(
      'h2',
      { id: headingId, class: 'member-panel-name', tabindex: '-1' },
      flag ? h('img', { class: 'flag', src: flag, alt: '', width: 32, height: 24 }) : null,
      name,
      m.status === 'member' ? null : h('span', { class: 'status-tag' }, m.status),
    ),
    view ? h('p', { class: `member-panel-mood mood-${view.mood.tone}` }, view.mood.word) : null,
    leader ? h('p', { class: 'member-panel-leader' }, `${leader.title}: ${leader.name}`) : null,
    view?.wants ? h('p', { class: 'member-panel-wants' }, `Wants: ${view.wants.text}`) : null,
    view ? h('p', { class: 'member-panel-memory' }, memoryLine(view)) : null,
    h(
      'dl',
      { class: 'member-panel-values' },
      SHOWN.map((field) =>
        h(
          'div',
          { 'data-value': field },
          h('dt', null, FIELD_LABELS[field].charAt(0).toUpperCase() + FIELD_LABELS[field].slice(1)),
          h('dd', null, h('span', { class: 'value' }, whole(m[field])), ' ', h('span', { class: 'last-change' }, lastChangeText(run, code, field))),
        ),
      ),
    ),
    h(
      'div',
      { class: 'actions' },
      view ? openFull : null,
      h('button', { type: 'button', class: 'secondary', 'data-action': 'close-member', onclick: onClose }, `Close ${possessive(name)} details`),
    ),
  );
  return panel;
}
