import type { Exercise } from '../../engine/play/exercise.ts';
import { runHash, type RunView } from '../kit/route.ts';
import type { Screen } from '../kit/screen.ts';
import type { Session } from '../state/session.ts';
import { classCouncilScreen } from './class-council-screen.ts';
import { classDebriefSection } from './class-debrief.ts';
import { classPhaseOf } from './class-phase.ts';
import { noteCouncilReached } from './council-reached.ts';
import { forecastsClosedScreen } from './forecasts-closed.ts';
import { historyTookLines, historyTookSection } from './history-took.ts';
import { reveal } from './reveal-state.ts';
import { revealScreen } from './reveal-screen.ts';

/** Forecasts and what history did are out of sight until the debrief, when the exercise says so. */
export function forecastsHidden(exercise: Exercise | undefined, s: Session): boolean {
  return Boolean(exercise?.settings.hideForecasts) && s.phase !== 'debrief';
}

export interface ClassScreenActions {
  /** Shows the run's screen again: after the reveal, which the turn machine does not know of. */
  refresh(): void;
}

/**
 * The screens a class's run shows in place of the solo ones: the class's Council, the reveal, and the
 * closed forecasts. Null where the solo screen serves (the briefing, the aftermath once revealed, the debrief).
 */
export function classScreen(s: Session, view: RunView, exercise: Exercise, backLabel: string, actions: ClassScreenActions): Screen | null {
  if ((view.kind === 'outlook' || view.kind === 'compare') && forecastsHidden(exercise, s)) {
    return forecastsClosedScreen(view.kind, runHash(s.slot), backLabel);
  }
  if (view.kind !== 'play') return null;
  const phase = classPhaseOf(s);
  if (phase === 'council') {
    const run = s.run;
    noteCouncilReached(s.slot, run.world.decisions.length + 1);
    return classCouncilScreen(run, exercise, s.slot, {
      decide: (option, leverage, declared) => s.send({ type: 'council.decide', option, leverage, ...(Object.keys(declared).length ? { declared } : {}) }),
      outlookHref: forecastsHidden(exercise, s) ? null : runHash(s.slot, { kind: 'outlook', at: run.world.decisions.length + 1 }),
    });
  }
  if (phase === 'reveal') {
    return revealScreen(s.run, exercise, () => {
      reveal(s.slot, s.run.world.decisions.length);
      actions.refresh();
    });
  }
  return null;
}

/** The solo screens, with what a class adds: on a briefing, the decisions history took since; on the debrief, what each team declared. */
export function addClassParts(s: Session, exercise: Exercise, screen: Screen): Screen {
  if (s.phase === 'briefing') {
    const lines = historyTookLines(s.run, exercise);
    const section = historyTookSection(lines);
    if (!section) return screen;
    screen.heading.after(section);
    return { ...screen, announcement: `${lines.join(' ')} ${screen.announcement}` };
  }
  if (s.phase === 'debrief') {
    const path = screen.el.querySelector('#path-heading')?.parentElement;
    const section = classDebriefSection(s.run, s.historicalRun(), exercise);
    if (path) path.after(section);
    else screen.el.append(section);
  }
  return screen;
}
