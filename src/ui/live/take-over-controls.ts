import type { TableState } from '../../engine/play/class-table.ts';
import { announce } from '../kit/announce.ts';
import { h } from '../kit/dom.ts';
import { liveHash } from '../kit/route.ts';
import type { TeacherAction } from './dashboard-screen.ts';
import { ADVANCE_LABELS } from './live-phase.ts';

/** The teacher at one table: the dashboard's controls for it, above its screen, and the way back. */
export function takeOverControls(code: string, table: number, state: TableState, act: (action: TeacherAction) => Promise<string | null>): HTMLElement {
  const message = h('span', { class: 'live-refusal', role: 'alert' });
  const run = (action: TeacherAction, done: string) => () =>
    void act(action).then((refused) => {
      message.textContent = refused ?? '';
      announce(refused ?? done);
    });
  const advance = ADVANCE_LABELS[state.phase];
  return h(
    'nav',
    { class: 'take-over-controls', 'aria-label': `Teacher’s controls for table ${table}` },
    h('a', { href: liveHash({ kind: 'teach', code }), 'data-action': 'dashboard' }, 'Back to the dashboard'),
    advance
      ? h('button', { type: 'button', class: 'primary', 'data-action': 'advance', onclick: run({ type: 'advance' }, `Table ${table} moves on.`) }, advance)
      : null,
    state.phase === 'debrief'
      ? null
      : h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            'data-action': state.paused ? 'resume' : 'pause',
            onclick: run({ type: state.paused ? 'resume' : 'pause' }, state.paused ? 'Running again.' : 'Paused.'),
          },
          state.paused ? 'Resume' : 'Pause',
        ),
    message,
  );
}
