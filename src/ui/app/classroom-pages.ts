import { decodeExerciseParams, type Exercise } from '../../engine/play/exercise.ts';
import { classroomScreen } from '../classroom/classroom-screen.ts';
import { draftOf, newDraft } from '../classroom/exercise-draft.ts';
import { firstScenario } from '../classroom/scenario-choices.ts';
import { h } from '../kit/dom.ts';
import { type ClassPage, exerciseHash } from '../kit/route.ts';
import type { Screen } from '../kit/screen.ts';
import { printableScreen } from '../printables/printables-screen.ts';
import type { Library } from '../state/library.ts';
import { newSeed } from '../state/saves.ts';

/**
 * The classroom's pages that this module serves: the setup of an exercise (new, or from its link) and its
 * printables. Loaded when a teacher first opens one, so a student's first screen does not carry them.
 */
export interface ClassroomPageActions {
  start(exercise: Exercise): Promise<string | null>;
  go(hash: string): void;
  /** More ways to run the exercise, below its form (a live class, when the page is served by a class server). */
  more?(ready: () => Exercise | null): HTMLElement | null;
}

/** An exercise link that cannot be opened: the sentence why, and the ways on. */
function unreadable(why: string): Screen {
  const heading = h('h1', { tabindex: '-1', id: 'screen-heading' }, 'This exercise cannot be opened');
  const el = h(
    'section',
    { class: 'screen not-found', 'aria-labelledby': 'screen-heading', 'data-screen': 'class-unreadable' },
    heading,
    h('p', { 'data-notice': 'error' }, `${why[0]?.toUpperCase() ?? ''}${why.slice(1)}.`),
    h('p', null, 'Ask for the link again, or open the exercise’s file on the Classroom page.'),
    h(
      'p',
      { class: 'actions' },
      h('a', { href: '#/class', class: 'button primary' }, 'Set up a class'),
      h('a', { href: '#/', class: 'button secondary' }, 'Go to the scenarios'),
    ),
  );
  return { el, heading, announcement: `This exercise cannot be opened: ${why}.` };
}

export async function classroomPage(
  library: Library,
  page: ClassPage,
  hash: string,
  actions: ClassroomPageActions,
  isCurrent: () => boolean,
): Promise<Screen | null> {
  let exercise: Exercise | null = null;
  if (page.kind !== 'home') {
    const decoded = decodeExerciseParams(hash);
    if (!decoded.ok) return unreadable(decoded.error);
    exercise = decoded.value;
  }
  const id = exercise?.scenario ?? firstScenario(library);
  if (id === null) return unreadable('this version of the game has no scenario to play');
  const loaded = await library.load(id);
  if (!isCurrent()) return null;
  if (!loaded.ok) return unreadable(loaded.error);
  if (page.kind === 'print' && exercise) return printableScreen(page.printable, exercise, loaded.value);
  const draft = exercise ? draftOf(exercise) : newDraft(id, newSeed());
  return classroomScreen(library, loaded.value, draft, {
    start: actions.start,
    open: (opened) => actions.go(exerciseHash(opened)),
    more: actions.more,
  });
}
