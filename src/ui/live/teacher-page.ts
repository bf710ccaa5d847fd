import type { Scenario } from '../../engine/core/scenario.ts';
import type { TableAction } from '../../engine/play/class-table.ts';
import { encodeRunParams } from '../../engine/play/share-link.ts';
import type { ClassView, RosterEntry } from '../../live/messages.ts';
import { present } from '../app/page-layout.ts';
import { markScreen } from '../app/test-markers.ts';
import { handOverRuns } from '../class-results/handed-over-runs.ts';
import { h, replace } from '../kit/dom.ts';
import { CLASS_RESULTS_HASH, type LivePage, liveHash } from '../kit/route.ts';
import type { Screen } from '../kit/screen.ts';
import type { Library } from '../state/library.ts';
import { LiveConnection } from './connection.ts';
import { connectionStatus } from './connection-status.ts';
import { type Dashboard, dashboardScreen, type TeacherAction } from './dashboard-screen.ts';
import { liveBar, type LiveBar } from './live-bar.ts';
import type { LiveCouncil } from './live-council.ts';
import { keepTeacherSecret, teacherSecret } from './live-keys.ts';
import { layOutLive } from './live-layout.ts';
import { liveMessageScreen } from './live-message-screen.ts';
import { askClassServer } from './live-setup.ts';
import { classDecisionCount, tablePhaseText } from './live-phase.ts';
import { ServerClock } from './server-clock.ts';
import { TableVersions } from './table-versions.ts';
import { tableAtPhase } from './table-screens.ts';
import { takeOverControls } from './take-over-controls.ts';

export interface TeacherPages {
  /** Shows the dashboard, or the teacher at one table, on the same connection. */
  show(page: Extract<LivePage, { kind: 'teach' | 'take-over' }>): void;
  dispose(): void;
}

/**
 * The teacher's side of a live class: one connection, opened with the teacher's secret on every
 * (re)connection, which receives every table's state and the roster; the dashboard and "take over" (the
 * teacher at one table's Council, for a missing team) are shown on it.
 */
export function openTeacherPages(root: HTMLElement, library: Library, code: string, go: (hash: string) => void): TeacherPages {
  const clock = new ServerClock();
  const versions = new TableVersions();
  let view: ClassView | null = null;
  let students: RosterEntry[] = [];
  let scenario: Scenario | null = null;
  /** The N of "decision n of N", counted once the scenario is known. */
  let decisionsOf = 0;
  let address: string | null = null;
  let page: Extract<LivePage, { kind: 'teach' | 'take-over' }> = { kind: 'teach', code };
  let screen: Screen | null = null;
  let dashboard: Dashboard | null = null;
  let council: LiveCouncil | null = null;
  let shownKey = '';
  let bar: LiveBar | null = null;
  const said = { last: null as number | null };
  const barSlot = h('div', { class: 'live-bar-slot' });
  let gone = false;

  const connection = new LiveConnection(() => void open());
  const status = connectionStatus(connection);
  void askClassServer().then((server) => {
    address = server?.joinUrl ?? null;
    if (dashboard) render(true);
  });

  const show = (next: Screen, marker: string) => {
    screen?.dispose?.();
    screen = next;
    layOutLive(root, status, barSlot, next);
    markScreen(marker, null);
    present(next);
  };

  const askSecret = (why: string | null) => {
    const input = h('input', { id: 'teacher-secret', type: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'teacher-secret-problem' });
    const problem = h('p', { class: 'field-problem', id: 'teacher-secret-problem' }, why ?? '');
    const form = h(
      'form',
      { class: 'join-step', novalidate: true },
      h('div', { class: 'field' }, h('label', { for: input.id }, 'The teacher’s secret'), input, problem),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', 'data-action': 'open-class' }, 'Open the class')),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const typed = input.value.trim();
      if (!typed) {
        problem.textContent = 'Type the secret shown on the dashboard where the class was created.';
        return input.focus();
      }
      keepTeacherSecret(code, typed);
      void open();
    });
    const message = liveMessageScreen(
      `Live class ${code}`,
      'This browser does not hold the secret that controls this class. Type it, as the dashboard where the class was created shows it.',
      [],
      'teacher-secret',
    );
    message.el.classList.add('classroom');
    message.el.append(form);
    show(message, 'live-secret');
    if (why) {
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    }
  };

  async function open() {
    const secret = teacherSecret(code);
    if (!secret) return askSecret(null);
    const reply = await connection.call('teacher.open', { code, secret });
    if (gone) return;
    if (!reply.ok) {
      if (connection.status !== 'up') return;
      return askSecret(reply.error);
    }
    view = reply.value;
    students = view.students;
    clock.heard(view.serverNow);
    for (const t of view.tables) versions.reset(t.table, t.state);
    if (!scenario || scenario.id !== view.exercise.scenario) {
      const loaded = await library.load(view.exercise.scenario);
      if (gone) return;
      if (!loaded.ok) return show(liveMessageScreen('This class cannot be shown', loaded.error, [], 'scenario'), 'live-message');
      scenario = loaded.value;
      decisionsOf = classDecisionCount(scenario, view.exercise);
    }
    render(false);
    council?.flush();
  }

  const act = async (table: number | null, action: TeacherAction | TableAction): Promise<string | null> => {
    if (table === null) {
      const reply = await connection.call('teacher.all', { action: action as TeacherAction });
      if (!reply.ok) return reply.error;
      return reply.value.tables.length ? null : 'No table could do that now.';
    }
    const reply = await connection.call('table.act', { table, action });
    return reply.ok ? null : reply.error;
  };

  const openResults = () => {
    if (!scenario) return;
    const base = `${location.origin}${location.pathname}`;
    handOverRuns(versions.entries().map(({ table, state }) => ({ name: `Table ${table}`, link: `${base}#/share?${encodeRunParams(state.record)}` })));
    go(CLASS_RESULTS_HASH);
  };

  function render(force: boolean) {
    if (!view || !scenario) return;
    if (page.kind === 'teach') {
      bar?.stop();
      bar = null;
      replace(barSlot);
      if (dashboard && !force && shownKey === 'dashboard') return dashboard.refresh();
      shownKey = 'dashboard';
      council = null;
      dashboard = dashboardScreen({
        scenario,
        view,
        joinUrl: address,
        secret: teacherSecret(code) ?? '',
        states: () => versions.entries(),
        students: () => students,
        clock,
        actions: {
          act,
          move: async (student, table, team) => {
            const reply = await connection.call('teacher.move', { student, table, team });
            return reply.ok ? null : reply.error;
          },
          remove: async (student) => {
            const reply = await connection.call('teacher.remove', { student });
            return reply.ok ? null : reply.error;
          },
          openResults,
        },
      });
      return show(dashboard, 'live-dashboard');
    }
    dashboard = null;
    const table = page.table;
    const state = versions.get(table);
    if (!state) {
      shownKey = '';
      return show(
        liveMessageScreen(
          `There is no table ${table}`,
          `This class has ${versions.tables().length} tables.`,
          [{ href: liveHash({ kind: 'teach', code }), label: 'Back to the dashboard' }],
          'no-table',
        ),
        'live-message',
      );
    }
    bar?.stop();
    bar = liveBar(
      {
        title: view.exercise.title || scenario.title,
        table,
        team: 'Teacher',
        phase: tablePhaseText(scenario, view.exercise, state, decisionsOf),
        state,
        clock,
      },
      said,
    );
    const controls = takeOverControls(code, table, state, (action) => act(table, action));
    replace(barSlot, bar.el, controls);
    const key = `take-over:${table}:${state.phase}:${state.record.decisions.length}`;
    if (key === shownKey && screen && !force) {
      council?.update(state);
      return;
    }
    shownKey = key;
    const shown = tableAtPhase({ scenario, exercise: view.exercise, state, team: null, act: (action) => act(table, action) });
    council = shown.council;
    const next = shown.screen;
    show(next, 'live-take-over');
  }

  connection.on('table.state', (message) => {
    clock.heard(message.serverNow);
    if (!versions.offer(message.table, message.state)) return;
    if (page.kind === 'teach' || page.table === message.table) render(false);
  });
  connection.on('class.roster', (message) => {
    students = message.students;
    if (page.kind === 'teach') render(false);
  });

  show(liveMessageScreen(`Live class ${code}`, 'Connecting to the class server.', [], 'connecting'), 'live-connecting');
  return {
    show(next) {
      const changed = next.kind !== page.kind || (next.kind === 'take-over' && page.kind === 'take-over' && next.table !== page.table);
      page = next;
      if (changed) render(true);
    },
    dispose() {
      gone = true;
      bar?.stop();
      screen?.dispose?.();
      connection.close();
    },
  };
}
