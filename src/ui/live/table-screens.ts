import '../printables/printables.css';
import './live.css';
import { playOut } from '../../engine/play/batch.ts';
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
import { historyTookLines, historyTookSection } from '../class-play/history-took.ts';
import { revealScreen } from '../class-play/reveal-screen.ts';
import { h } from '../kit/dom.ts';
import { scrollBox } from '../kit/scroll-box.ts';
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

function liveDebrief(run: Run, exercise: Exercise): Screen {
  const history = playOut(run.scenario, run.seed, historicalPolicy, { recordCauses: true });
  const ending = run.scenario.endings.find((e) => e.id === run.world.ending);
  const heading = h('h2', { tabindex: '-1', id: 'screen-heading' }, 'Debrief');
  const el = h(
    'section',
    { class: 'screen live-debrief', 'aria-labelledby': 'screen-heading' },
    h('p', { class: 'kicker' }, run.scenario.title),
    heading,
    ending ? h('p', { class: 'lede', 'data-ending': ending.id }, h('strong', null, `${ending.title}. `), ending.text) : null,
    classDebriefSection(run, history, exercise),
  );
  return { el, heading, announcement: `Debrief. ${ending ? `${ending.title}. ${ending.text}` : ''}`, wide: true };
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
      return liveDebrief(run, exercise);
  }
}
