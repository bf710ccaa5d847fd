// The outlook's rules ship in the page's one stylesheet: its code is fetched when first opened, its look need not wait for it.
import '../outlook/outlook.css';
import { aftermathScreen } from '../aftermath/aftermath-screen.ts';
import { briefingScreen } from '../briefing/briefing-screen.ts';
import { chapterScreen } from '../chapter/chapter-screen.ts';
import { compareWith } from '../compare/compare-with.ts';
import { addClassParts, classScreen } from '../class-play/class-screens.ts';
import { councilScreen } from '../council/council-screen.ts';
import { debriefScreen } from '../debrief/debrief-screen.ts';
import { runHash, type RunView } from '../kit/route.ts';
import type { Screen } from '../kit/screen.ts';
import type { Library } from '../state/library.ts';
import type { Phase, Session } from '../state/session.ts';

export type OutlookModule = typeof import('../outlook/outlook-screen.ts');

const BACK: Record<Phase, string> = {
  chapter: 'Back to the end of the chapter',
  briefing: 'Back to the briefing',
  council: 'Back to the Council',
  aftermath: 'Back to the aftermath',
  debrief: 'Back to the debrief',
};

export interface RunScreenContext {
  library: Library;
  /** Loaded only when first opened. */
  outlook: OutlookModule | null;
  rewind(k: number): void;
  playAgain(id: string): void;
  go(hash: string): void;
  /** Shows the run's screen again (a class's reveal changes what shows without the turn machine moving). */
  refresh(): void;
}

/**
 * The screen a run shows: the one its phase calls for, or its comparison, or what tends to happen at a
 * decision. A class's run shows the class's own screens where it has them, and the solo ones with what a class adds.
 */
export function runScreen(s: Session, view: RunView, context: RunScreenContext): Screen {
  const exercise = s.meta.exercise;
  if (!exercise) return soloScreen(s, view, context);
  return classScreen(s, view, exercise, BACK[s.phase], context) ?? addClassParts(s, exercise, soloScreen(s, view, context));
}

function soloScreen(s: Session, view: RunView, context: RunScreenContext): Screen {
  const run = s.run;
  if (view.kind === 'compare') return compareWith(s, view.other, BACK[s.phase]);
  if (view.kind === 'outlook' && context.outlook) {
    return context.outlook.outlookScreen({
      run,
      record: s.record,
      at: view.at,
      sources: () => context.library.sources(s.scenario.id),
      backHref: runHash(s.slot),
      backLabel: BACK[s.phase],
      compareHref: runHash(s.slot, { kind: 'compare', other: null }),
    });
  }
  switch (s.phase) {
    case 'chapter':
      return chapterScreen(run, () => s.send({ type: 'chapter.done' }));
    case 'briefing':
      return briefingScreen(run, () => s.send({ type: 'briefing.done' }));
    case 'council':
      return councilScreen(
        run,
        (option, leverage) => s.send({ type: 'council.decide', option, leverage }),
        runHash(s.slot, { kind: 'outlook', at: run.world.decisions.length + 1 }),
      );
    case 'aftermath':
      return aftermathScreen(run, s.before, () => s.send({ type: 'aftermath.done' }));
    case 'debrief':
      return debriefScreen(run, s.historicalRun(), {
        onBranch: (k) => context.rewind(k),
        onAgain: () => context.playAgain(s.scenario.id),
        onChoose: () => context.go('#/'),
        compareHref: runHash(s.slot, { kind: 'compare', other: null }),
      });
  }
}
