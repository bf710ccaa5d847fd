import './live.css';
import type { Scenario } from '../../engine/core/scenario.ts';
import { type TableState, tableRun, timeLeft } from '../../engine/play/class-table.ts';
import type { Exercise } from '../../engine/play/exercise.ts';
import type { ClassView, RosterEntry } from '../../live/messages.ts';
import { clockText } from '../class-play/phase-timer.ts';
import { announce } from '../kit/announce.ts';
import { h, replace } from '../kit/dom.ts';
import { exerciseHash, liveHash, type Printable } from '../kit/route.ts';
import type { Screen } from '../kit/screen.ts';
import { rebuildKeepingFocus } from './focus-keeper.ts';
import { ADVANCE_LABELS, classDecisionAt, classDecisionCount, TABLE_PHASE_NAMES } from './live-phase.ts';
import { qrCode } from './qr-code.ts';
import type { ServerClock } from './server-clock.ts';
import { councilProgress } from './table-summary.ts';

export type TeacherAction = { type: 'advance' } | { type: 'pause' } | { type: 'resume' };

export interface DashboardActions {
  /** At one table, or at every table where it applies (null); the sentence why not, or null. */
  act(table: number | null, action: TeacherAction): Promise<string | null>;
  move(student: string, table: number, team: number): Promise<string | null>;
  remove(student: string): Promise<string | null>;
  openResults(): void;
}

export interface DashboardSpec {
  scenario: Scenario;
  view: ClassView;
  /** The address students open, from the server; null until it answers. */
  joinUrl: string | null;
  secret: string;
  states: () => { table: number; state: TableState }[];
  students: () => RosterEntry[];
  clock: ServerClock;
  actions: DashboardActions;
}

export interface Dashboard extends Screen {
  /** A table's state or the roster changed: the tables are shown again, focus where it was. */
  refresh(): void;
}

/** What "move every table on" does: named by the phase when the tables that can move on are all at the same one. */
export function advanceAllLabel(states: TableState[]): string {
  const labels = new Set(states.map((st) => ADVANCE_LABELS[st.phase]).filter((l): l is string => l !== null));
  const [only] = labels;
  return labels.size === 1 && only && only !== 'Next' ? `${only} at every table` : 'Move every table on';
}

/** "ABC 234": the code in two halves, easier to read from the back of a room. */
export function spacedCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}

/** The exercise's papers, as the setup screen prints them: the role cards, the handout and the facilitator's guide. */
function printables(exercise: Exercise): HTMLElement {
  const papers: [Printable, string][] = [
    ['roles', 'Role cards'],
    ['handout', 'Briefing handout'],
    ['guide', 'Facilitator’s guide'],
  ];
  return h(
    'section',
    { class: 'live-papers', 'aria-labelledby': 'live-papers-heading' },
    h('h2', { id: 'live-papers-heading' }, 'Papers for this class'),
    h(
      'div',
      { class: 'actions' },
      papers.map(([kind, label]) => h('a', { class: 'button secondary', href: exerciseHash(exercise, kind), 'data-printable': kind }, label)),
    ),
  );
}

/**
 * The teacher's dashboard: the address and QR code students join by, the code and the teacher's secret;
 * then each table, its phase, decision and clock, which teams have declared at its Council, who sits in
 * each team (and whether their laptop is connected), with the controls to move it on, pause it, take over
 * a missing team, and move or remove a student; controls for every table at once; the class's results.
 */
export function dashboardScreen(spec: DashboardSpec): Dashboard {
  const { scenario, view, clock, actions } = spec;
  const { exercise, code } = view;
  const of = classDecisionCount(scenario, exercise);
  const joinAt = spec.joinUrl ?? `${location.origin}${location.pathname}#/live`;
  const joinWithCode = `${joinAt}?code=${code}`;
  const message = h('p', { class: 'live-refusal', role: 'alert', 'data-dashboard-message': '' });
  const clocks: { el: HTMLElement; state: TableState }[] = [];
  const moveChoice = new Map<string, string>();

  const report = (done: string) => (refused: string | null) => {
    message.textContent = refused ?? '';
    announce(refused ?? done);
  };

  const secretField = h('input', { id: 'live-secret', type: 'text', readonly: true, value: spec.secret, class: 'live-secret', 'data-secret': '' });
  const secretNote = h(
    'p',
    { class: 'muted', id: 'live-secret-note', 'aria-live': 'polite' },
    'To open this dashboard on another computer, open this page there and type it.',
  );
  secretField.setAttribute('aria-describedby', secretNote.id);
  const copySecret = h('button', { type: 'button', class: 'secondary', 'data-action': 'copy-secret' }, 'Copy the secret');
  copySecret.addEventListener('click', () => {
    secretField.select();
    const done = (ok: boolean) => {
      secretNote.textContent = ok
        ? 'Copied. Keep it to yourself: it controls the class.'
        : 'Select it and copy it. Keep it to yourself: it controls the class.';
    };
    if (navigator.clipboard)
      navigator.clipboard.writeText(spec.secret).then(
        () => done(true),
        () => done(false),
      );
    else done(false);
  });

  const advanceAll = h(
    'button',
    {
      type: 'button',
      class: 'primary',
      'data-action': 'all-advance',
      onclick: () => void actions.act(null, { type: 'advance' }).then(report('Every table that could move on has.')),
    },
    'Move every table on',
  );
  const allControls = h(
    'div',
    { class: 'actions live-all' },
    advanceAll,
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        'data-action': 'all-pause',
        onclick: () => void actions.act(null, { type: 'pause' }).then(report('Every table is paused.')),
      },
      'Pause every table',
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        'data-action': 'all-resume',
        onclick: () => void actions.act(null, { type: 'resume' }).then(report('Every table is running again.')),
      },
      'Resume every table',
    ),
    h('button', { type: 'button', class: 'secondary', 'data-action': 'open-results', onclick: () => actions.openResults() }, 'Open the class results'),
  );

  const tablesBox = h('div', { class: 'live-tables' });

  const studentRow = (s: RosterEntry, tables: number[]) => {
    const selectId = `move-${s.student}`;
    const choices = tables.flatMap((t) => exercise.teams.map((team, i) => ({ value: `${t}:${i}`, label: `Table ${t} · ${team.name}` })));
    const select = h(
      'select',
      { id: selectId, 'data-focus-key': `move-select-${s.student}`, 'data-focus-fallback': `table-${s.table}`, 'data-move-to': s.student },
      choices.map((c) => h('option', { value: c.value, selected: (moveChoice.get(s.student) ?? `${s.table}:${s.team}`) === c.value }, c.label)),
    );
    select.addEventListener('change', () => moveChoice.set(s.student, select.value));
    const move = h(
      'button',
      {
        type: 'button',
        class: 'secondary compact',
        'data-action': 'move',
        'data-focus-key': `move-${s.student}`,
        'data-focus-fallback': `table-${s.table}`,
        'aria-label': `Move ${s.name}`,
      },
      'Move',
    );
    move.addEventListener('click', () => {
      const [t = '1', team = '0'] = select.value.split(':');
      moveChoice.delete(s.student);
      void actions.move(s.student, Number(t), Number(team)).then(report(`${s.name} is moved.`));
    });
    const remove = h(
      'button',
      {
        type: 'button',
        class: 'secondary compact',
        'data-action': 'remove',
        'data-focus-key': `remove-${s.student}`,
        'data-focus-fallback': `table-${s.table}`,
        'aria-label': `Remove ${s.name}`,
      },
      'Remove',
    );
    remove.addEventListener('click', () => void actions.remove(s.student).then(report(`${s.name} is removed.`)));
    return h(
      'li',
      { class: 'live-student', 'data-student': s.student, 'data-connected': s.connected ? 'yes' : 'no' },
      h('span', { class: 'student-name' }, s.name),
      h('span', { class: `presence presence-${s.connected ? 'on' : 'off'}` }, s.connected ? 'connected' : 'not connected'),
      h('span', { class: 'student-controls' }, h('label', { for: selectId, class: 'visually-hidden' }, `Move ${s.name} to`), select, move, remove),
    );
  };

  const tableRow = (table: number, state: TableState, students: RosterEntry[], tables: number[]) => {
    const run = tableRun(scenario, state, false);
    const n = classDecisionAt(run, exercise, state.phase);
    const progress = councilProgress(scenario, exercise, state);
    const clockEl = h('span', { class: 'clock' });
    if (state.timer.durationMs !== null) clocks.push({ el: clockEl, state });
    const advanceLabel = ADVANCE_LABELS[state.phase];
    const headingId = `live-table-${table}`;
    return h(
      'section',
      { class: 'live-table-row', 'data-table': String(table), 'data-phase': state.phase, 'aria-labelledby': headingId },
      h('h3', { id: headingId, tabindex: '-1', 'data-focus-key': `table-${table}` }, `Table ${table}`),
      h(
        'p',
        { class: 'table-status' },
        h('strong', { 'data-table-phase': state.phase }, TABLE_PHASE_NAMES[state.phase]),
        state.phase === 'debrief' ? ' · finished' : ` · decision ${n} of ${of}`,
        state.timer.durationMs !== null ? [' · ', clockEl, ' left'] : null,
        state.paused ? h('span', { class: 'live-paused', 'data-paused': '' }, ' Paused') : null,
      ),
      progress.length
        ? h(
            'ul',
            { class: 'table-progress', 'aria-label': 'Declarations at this Council' },
            progress.map((p) =>
              h('li', { 'data-team': p.name, 'data-declared': String(p.declared) }, `${p.name}: declared on ${p.declared} of ${p.of} options`),
            ),
          )
        : null,
      h(
        'div',
        { class: 'table-teams' },
        exercise.teams.map((team, i) => {
          const here = students.filter((s) => s.table === table && s.team === i);
          return h(
            'div',
            { class: 'table-team', 'data-team': team.name },
            h('p', { class: 'team-name' }, team.name),
            here.length
              ? h(
                  'ul',
                  { class: 'live-students' },
                  here.map((s) => studentRow(s, tables)),
                )
              : h('p', { class: 'muted' }, 'Nobody yet'),
          );
        }),
      ),
      h(
        'div',
        { class: 'actions table-controls' },
        advanceLabel
          ? h(
              'button',
              {
                type: 'button',
                class: 'primary',
                'data-action': 'advance',
                'data-focus-key': `advance-${table}`,
                'data-focus-fallback': `table-${table}`,
                onclick: () => void actions.act(table, { type: 'advance' }).then(report(`Table ${table} moves on.`)),
              },
              advanceLabel,
            )
          : state.phase === 'council'
            ? h('span', { class: 'muted' }, 'The chair’s team chooses.')
            : null,
        state.phase === 'debrief'
          ? null
          : h(
              'button',
              {
                type: 'button',
                class: 'secondary',
                'data-action': state.paused ? 'resume' : 'pause',
                'data-focus-key': `pause-${table}`,
                'data-focus-fallback': `table-${table}`,
                onclick: () =>
                  void actions
                    .act(table, { type: state.paused ? 'resume' : 'pause' })
                    .then(report(state.paused ? `Table ${table} is running again.` : `Table ${table} is paused.`)),
              },
              state.paused ? 'Resume' : 'Pause',
            ),
        h('a', { class: 'button secondary', href: liveHash({ kind: 'take-over', code, table }), 'data-action': 'take-over' }, 'Take over'),
      ),
    );
  };

  const showClocks = () => {
    for (const c of clocks) c.el.textContent = clockText(Math.max(0, timeLeft(c.state.timer, clock.now()) ?? 0));
  };

  const refresh = () =>
    rebuildKeepingFocus(tablesBox, () => {
      clocks.length = 0;
      const states = spec.states();
      const tables = states.map((s) => s.table);
      const students = spec.students();
      replace(
        tablesBox,
        states.map(({ table, state }) => tableRow(table, state, students, tables)),
      );
      showClocks();
      advanceAll.textContent = advanceAllLabel(states.map((x) => x.state));
    });

  const heading = h('h1', { tabindex: '-1', id: 'screen-heading' }, `Live class ${spacedCode(code)}`);
  const el = h(
    'section',
    { class: 'screen live-dashboard', 'aria-labelledby': 'screen-heading', 'data-screen': 'live-dashboard' },
    h('p', { class: 'kicker' }, h('a', { href: '#/' }, 'Article Four'), ' · ', exercise.title || scenario.title),
    heading,
    h(
      'section',
      { class: 'live-join-panel', 'aria-labelledby': 'live-join-heading' },
      h('h2', { id: 'live-join-heading' }, 'Students join here'),
      h(
        'div',
        { class: 'join-panel-body' },
        qrCode(joinWithCode, `QR code of the join address with the class code, ${joinWithCode}`),
        h(
          'div',
          { class: 'join-panel-text' },
          h('p', { class: 'join-url', 'data-join-url': joinAt }, joinAt),
          h('p', { class: 'join-code-big' }, h('span', { class: 'muted' }, 'Code '), h('strong', { 'data-code': code }, spacedCode(code))),
          h('label', { for: secretField.id }, 'The teacher’s secret'),
          h('div', { class: 'secret-row' }, secretField, copySecret),
          secretNote,
        ),
      ),
    ),
    h('section', { class: 'live-all-tables', 'aria-labelledby': 'live-all-heading' }, h('h2', { id: 'live-all-heading' }, 'Every table'), allControls, message),
    h('section', { 'aria-labelledby': 'live-tables-heading' }, h('h2', { id: 'live-tables-heading' }, 'The tables'), tablesBox),
    printables(exercise),
  );
  refresh();
  const ticking = window.setInterval(showClocks, 1000);
  return {
    el,
    heading,
    announcement: `Live class ${spacedCode(code)}. Students join at ${joinAt} with the code ${spacedCode(code)}. ${spec.states().length} tables.`,
    wide: true,
    refresh,
    dispose: () => window.clearInterval(ticking),
  };
}
