import type { ExerciseSettings } from './exercise.ts';

/**
 * A lesson's timetable for an exercise: the briefing, each class decision's Council and aftermath, and the
 * debrief, fitted into a lesson of so many minutes. The teacher's timers are kept where they fit; where they do
 * not, every phase shrinks by the same share (never below a minute), so the debrief is never what is lost.
 */
export interface LessonRow {
  phase: 'briefing' | 'council' | 'aftermath' | 'debrief';
  /** The decision's number (1-based) for a Council or an aftermath. */
  decision?: number;
  /** Minutes from the lesson's start. */
  start: number;
  minutes: number;
}

export interface LessonPlan {
  lesson: number;
  rows: LessonRow[];
  /** The phases were shortened to fit. */
  scaled: boolean;
  /** True when even a minute a phase does not fit: the class should take fewer decisions. */
  overrun: boolean;
}

/** What a phase without a timer is given in the plan (a designer's assumption: the length of a short class discussion). */
export const UNTIMED_MINUTES = { briefing: 5, council: 8, aftermath: 2 } as const;
/** The debrief's share of the lesson, and its least: a class needs time to set its run beside history. */
const DEBRIEF_SHARE = 0.2;
const LEAST_DEBRIEF = 5;

export function lessonPlan(timers: ExerciseSettings['timers'], decisions: readonly number[], lesson: number): LessonPlan {
  const wanted = {
    briefing: timers.briefing || UNTIMED_MINUTES.briefing,
    council: timers.council || UNTIMED_MINUTES.council,
    aftermath: timers.aftermath || UNTIMED_MINUTES.aftermath,
  };
  const debriefAtLeast = Math.max(LEAST_DEBRIEF, Math.round(lesson * DEBRIEF_SHARE));
  const forPlay = lesson - debriefAtLeast;
  const need = wanted.briefing + decisions.length * (wanted.council + wanted.aftermath);
  const scaled = need > forPlay;
  const shrink = (minutes: number) => (scaled ? Math.max(1, Math.floor((minutes * forPlay) / need)) : minutes);
  const phases: Omit<LessonRow, 'start'>[] = [{ phase: 'briefing', minutes: shrink(wanted.briefing) }];
  for (const decision of decisions) {
    phases.push({ phase: 'council', decision, minutes: shrink(wanted.council) });
    phases.push({ phase: 'aftermath', decision, minutes: shrink(wanted.aftermath) });
  }
  const played = phases.reduce((sum, p) => sum + p.minutes, 0);
  const overrun = played > forPlay;
  // What the play leaves of the lesson is the debrief's: the spare minutes of a short exercise go to talking it over.
  phases.push({ phase: 'debrief', minutes: overrun ? debriefAtLeast : lesson - played });
  let start = 0;
  const rows = phases.map((p) => {
    const row = { ...p, start };
    start += p.minutes;
    return row;
  });
  return { lesson, rows, scaled, overrun };
}
