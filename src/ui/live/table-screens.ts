import '../printables/printables.css';
import './live.css';
import { playOut } from '../../engine/play/batch.ts';
import type { RunRecord } from '../../engine/play/record.ts';
import { encodeRunParams } from '../../engine/play/share-link.ts';
import { type TableState, tableRun } from '../../engine/play/class-table.ts';
import type { Exercise } from '../../engine/play/exercise.ts';
import { historicalPolicy } from '../../engine/play/policies.ts';
import type { Run } from '../../engine/play/run.ts';
import { tableAftermath } from '../../engine/play/table-aftermath.ts';
import type { Scenario } from '../../engine/core/scenario.ts';
import { aftermathScreen } from '../aftermath/aftermath-screen.ts';
import { briefingScreen } from '../briefing/briefing-screen.ts';
import { chapterScreen } from '../chapter/chapter-screen.ts';
import { classDebriefSection } from '../class-play/class-debrief.ts';
import { debriefScreen } from '../debrief/debrief-screen.ts';
import { historyTookLines, historyTookSection } from '../class-play/history-took.ts';
import { revealScreen } from '../class-play/reveal-screen.ts';
import { h } from '../kit/dom.ts';
import { scrollBox } from '../kit/scroll-box.ts';
import { type LiveCouncil, type LiveCouncilSpec, liveCouncil } from './live-council.ts';
import type { Screen } from '../kit/screen.ts';
import { printContext } from '../printables/print-context.ts';
import { teamRoleCards } from '../printables/role-cards.ts';

const nothing = () => {};

/** The screen's own button to move on gives way to a sentence: at a live table, the teacher moves every laptop on together. */
function waitForTeacher(screen: Screen, text: string): Screen {
  const waiting = h('p', { class: 'live-waiting', 'data-waiting': '' }, text);
  const actions = screen.el.querySelector(':scope > .actions');
  if (actions) actions.replaceWith(waiting);
  else screen.el.append(waiting);
  return { ...screen, announcement: `${screen.announcement} ${text}` };
}

/** The briefing with what history took since the last Council, and the team's own role cards. */
function liveBriefing(run: Run, exercise: Exercise, team: number | null): Screen {
  const screen = briefingScreen(run, nothing);
  const lines = historyTookLines(run, exercise);
  const took = historyTookSection(lines);
  if (took) screen.heading.after(took);
  const roles = team === null ? [] : (exercise.teams[team]?.roles ?? []);
  if (roles.length) {
    const cards = teamRoleCards(printContext(exercise, run.scenario), roles, run.world.development ?? '');
    screen.el.append(
      h(
        'section',
        { class: 'live-role-cards', 'aria-labelledby': 'live-cards-heading' },
        h('h3', { id: 'live-cards-heading' }, 'Your team’s role card'),
        cards,
      ),
    );
  }
  return waitForTeacher({ ...screen, announcement: `${lines.join(' ')} ${screen.announcement}` }, 'Waiting for the teacher to open the Council.');
}

/**
 * The table's debrief: the solo debrief (the ending, the verdict, the path beside history's, what really
 * happened, the charts, the questions and the sources) with what each team declared. Going back to a decision
 * opens the table's run to that point as a run of this browser's own, by its share link, to play on alone; the
 * table's own run is the server's and stays as the class left it.
 */
function liveDebrief(run: Run, exercise: Exercise, record: RunRecord): Screen {
  const history = playOut(run.scenario, run.seed, historicalPolicy, { recordCauses: true });
  const branch = (k: number) => {
    const upTo: RunRecord = { ...record, decisions: record.decisions.slice(0, k) };
    if (record.declared) upTo.declared = record.declared.slice(0, k);
    location.hash = `#/share?${encodeRunParams(upTo)}`;
  };
  const screen = debriefScreen(run, history, { onBranch: branch, onAgain: nothing, onChoose: nothing, compareHref: '#/' });
  // A table has no save of its own to compare or to play again: those are a solo run's.
  screen.el.querySelector('.compare-link')?.remove();
  screen.el.querySelector('.actions [data-action="again"]')?.remove();
  screen.el.querySelector('.actions [data-action="choose"]')?.remove();
  for (const button of screen.el.querySelectorAll('button[data-branch]'))
    button.textContent = `Play on alone from decision ${Number(button.getAttribute('data-branch')) + 1}`;
  const path = screen.el.querySelector('#path-heading')?.parentElement;
  const declared = classDebriefSection(run, history, exercise);
  if (path) path.after(declared);
  else screen.el.append(declared);
  screen.el.classList.add('live-debrief');
  return screen;
}

/**
 * What a live table shows at a phase other than the Council, rebuilt from its record by the engine: the
 * class's own screens (the solo ones where a class has none) with their buttons to move on replaced by the
 * sentence of what the table waits for. `team` is the team at this laptop, or null for the teacher.
 */
export function tableScreen(scenario: Scenario, exercise: Exercise, state: TableState, team: number | null): Screen {
  const run = tableRun(scenario, state);
  switch (state.phase) {
    case 'chapter':
      return waitForTeacher(chapterScreen(run, nothing), 'Waiting for the teacher to open the briefing.');
    case 'briefing':
    case 'council':
      return liveBriefing(run, exercise, team);
    case 'reveal': {
      const screen = revealScreen(run, exercise, nothing);
      // Its lede asks the one at the projector to reveal: here the teacher does, from the dashboard.
      screen.el.querySelector(':scope > p.lede')?.remove();
      return waitForTeacher(screen, 'Waiting for the teacher to reveal the consequences.');
    }
    case 'aftermath': {
      const after = tableAftermath(scenario, state);
      if (!after) return liveBriefing(run, exercise, team);
      const screen = aftermathScreen(after.run, after.before, nothing);
      // A laptop's page is narrower than the run's beside its map: on a phone the table scrolls, not the page.
      const changed = screen.el.querySelector<HTMLElement>('table.changed');
      if (changed) {
        // Its place is held while the box takes it in.
        const spot = h('div');
        changed.replaceWith(spot);
        spot.replaceWith(scrollBox(changed));
      }
      return waitForTeacher(screen, 'The teacher moves the class on from here.');
    }
    case 'debrief':
      return liveDebrief(run, exercise, state.record);
  }
}

/**
 * The screen of a table at its phase for the laptop of `team` (null: the teacher, taking over): the live
 * Council, which a newer state of the same Council updates in place, or the phase's own screen.
 */
export function tableAtPhase(spec: LiveCouncilSpec): { screen: Screen; council: LiveCouncil | null } {
  const council = spec.state.phase === 'council' ? liveCouncil(spec) : null;
  const screen = council ?? tableScreen(spec.scenario, spec.exercise, spec.state, spec.team);
  screen.el.dataset.livePhase = spec.state.phase;
  return { screen, council };
}
