import type { Scenario } from '../../engine/core/scenario.ts';
import type { TableAction, TableState } from '../../engine/play/class-table.ts';
import type { StudentView } from '../../live/messages.ts';
import { present } from '../app/page-layout.ts';
import { markScreen } from '../app/test-markers.ts';
import { announce } from '../kit/announce.ts';
import { h, replace } from '../kit/dom.ts';
import { liveHash } from '../kit/route.ts';
import type { Screen } from '../kit/screen.ts';
import type { Library } from '../state/library.ts';
import { LiveConnection } from './connection.ts';
import { connectionStatus } from './connection-status.ts';
import { liveBar, type LiveBar } from './live-bar.ts';
import type { LiveCouncil } from './live-council.ts';
import { forgetStudent, hasJoined, studentToken } from './live-keys.ts';
import { layOutLive } from './live-layout.ts';
import { liveMessageScreen } from './live-message-screen.ts';
import { classDecisionCount, tablePhaseText } from './live-phase.ts';
import { ServerClock } from './server-clock.ts';
import { TableVersions } from './table-versions.ts';
import { readUnsent, writeUnsent } from './unsent-declarations.ts';
import { tableAtPhase } from './table-screens.ts';

export interface LivePageHandle {
  dispose(): void;
}

/**
 * A student's table: on every (re)connection the page rejoins its team with its token, and shows the table
 * at its phase, rebuilt from the table's record by the engine. A newer state of the same phase updates the
 * screen in place (the Council keeps what is being typed); a new phase brings its own screen.
 */
export function openStudentTable(root: HTMLElement, library: Library, code: string, go: (hash: string) => void): LivePageHandle {
  if (!hasJoined(code)) {
    // After this page is in place, so that leaving it for the join screen closes the right one.
    queueMicrotask(() => go(liveHash({ kind: 'join', code })));
    return { dispose: () => {} };
  }
  const token = studentToken(code);
  const clock = new ServerClock();
  const versions = new TableVersions();
  let view: StudentView | null = null;
  let scenario: Scenario | null = null;
  /** The N of "decision n of N", counted once the scenario is known. */
  let decisionsOf = 0;
  let screen: Screen | null = null;
  let council: LiveCouncil | null = null;
  let shownKey = '';
  let bar: LiveBar | null = null;
  const said = { last: null as number | null };
  const barSlot = h('div', { class: 'live-bar-slot' });
  let gone = false;

  const connection = new LiveConnection(() => void rejoin());
  const status = connectionStatus(connection);

  const show = (next: Screen, marker: string) => {
    screen?.dispose?.();
    screen = next;
    layOutLive(root, status, barSlot, next);
    markScreen(marker, null);
    present(next);
  };

  const act = async (action: TableAction): Promise<string | null> => {
    if (!view) return 'The page is not at a table yet.';
    const reply = await connection.call('table.act', { table: view.table, action });
    return reply.ok ? null : reply.error;
  };

  async function rejoin() {
    const reply = await connection.call('student.rejoin', { code, student: token });
    if (gone) return;
    if (!reply.ok) {
      if (connection.status !== 'up') return;
      return show(
        liveMessageScreen('This laptop is not at the class', reply.error, [{ href: liveHash({ kind: 'join', code }), label: 'Join the class' }], 'not-joined'),
        'live-message',
      );
    }
    await arrive(reply.value);
    council?.flush();
  }

  async function arrive(next: StudentView) {
    const moved = view !== null && (view.table !== next.table || view.team !== next.team);
    view = next;
    clock.heard(next.serverNow);
    versions.reset(next.table, next.state);
    if (!scenario || scenario.id !== next.exercise.scenario) {
      const loaded = await library.load(next.exercise.scenario);
      if (gone) return;
      if (!loaded.ok) return show(liveMessageScreen('This class cannot be shown', loaded.error, [], 'scenario'), 'live-message');
      scenario = loaded.value;
      decisionsOf = classDecisionCount(scenario, next.exercise);
    }
    if (moved) shownKey = '';
    render();
    if (moved) announce(`The teacher moved you to table ${next.table}, ${next.exercise.teams[next.team]?.name ?? 'a team'}.`);
  }

  function render() {
    if (!view || !scenario) return;
    const state = versions.get(view.table) as TableState;
    bar?.stop();
    bar = liveBar(
      {
        title: view.exercise.title || scenario.title,
        table: view.table,
        team: view.exercise.teams[view.team]?.name ?? null,
        phase: tablePhaseText(scenario, view.exercise, state, decisionsOf),
        state,
        clock,
      },
      said,
    );
    replace(barSlot, bar.el);
    const key = `${state.phase}:${state.record.decisions.length}:${view.table}:${view.team}`;
    if (key === shownKey && screen) {
      council?.update(state);
      return;
    }
    shownKey = key;
    const place = { code, table: view.table, decision: state.record.decisions.length };
    const shown = tableAtPhase({
      scenario,
      exercise: view.exercise,
      state,
      team: view.team,
      act,
      keep: { read: () => readUnsent(place), write: (unsent) => writeUnsent(place, unsent) },
    });
    council = shown.council;
    const next = shown.screen;
    next.el.dataset.liveTeam = String(view.team);
    show(next, 'live-table');
  }

  connection.on('table.state', (message) => {
    if (!view || message.table !== view.table) return;
    clock.heard(message.serverNow);
    if (versions.offer(message.table, message.state)) render();
  });
  connection.on('table.roster', (message) => {
    if (view && message.table === view.table) view.students = message.students;
  });
  connection.on('student.moved', (message) => void arrive(message));
  connection.on('student.removed', () => {
    forgetStudent(code);
    connection.close();
    bar?.stop();
    replace(barSlot);
    show(
      liveMessageScreen(
        'You have been removed from the class',
        'The teacher has taken you off this class’s list. You can join it again with its code.',
        [{ href: liveHash({ kind: 'join', code }), label: 'Join again' }],
        'removed',
      ),
      'live-removed',
    );
  });

  show(liveMessageScreen('Joining your table…', 'Connecting to the class server.', [], 'connecting'), 'live-connecting');
  return {
    dispose() {
      gone = true;
      bar?.stop();
      screen?.dispose?.();
      connection.close();
    },
  };
}
