import './member-panel.css';
import { developmentById } from '../../engine/core/development.ts';
import type { MemberField } from '../../engine/core/world.ts';
import type { Run } from '../../engine/play/run.ts';
import { lastMove } from '../../engine/rules/explain.ts';
import { h } from '../kit/dom.ts';
import { FIELD_LABELS, possessive, signed, whole } from '../kit/format.ts';

const SHOWN: MemberField[] = ['loyalty', 'hedging', 'publicSupport'];

/** A value's last move in words: by how much, and at which development. */
function lastChangeText(run: Run, code: string, field: MemberField): string {
  const move = lastMove(run.world, `${code}.${field}`);
  if (!move) return 'no change yet';
  const at = developmentById(run.scenario, move.development).title;
  return `last change ${signed(move.after - move.before)}, at “${at}”`;
}

/**
 * A member's details, opened from the map: its name, the era's leader, and its loyalty, hedging and
 * public support, each with its last change. Escape or Close puts it away.
 */
export function memberPanel(run: Run, code: string, onClose: () => void): HTMLElement {
  const { scenario, world } = run;
  const m = world.members[code];
  const name = scenario.names[code] ?? code;
  const leader = scenario.leaders[code];
  const headingId = `member-panel-${code}`;
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
    h('h2', { id: headingId, class: 'member-panel-name', tabindex: '-1' }, name, m.status === 'member' ? null : h('span', { class: 'status-tag' }, m.status)),
    leader ? h('p', { class: 'member-panel-leader' }, `${leader.title}: ${leader.name}`) : null,
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
    h('button', { type: 'button', class: 'secondary', 'data-action': 'close-member', onclick: onClose }, `Close ${possessive(name)} details`),
  );
  return panel;
}
