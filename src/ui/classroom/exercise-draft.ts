import { EXERCISE_FORMAT, normaliseSeed, type Exercise, type ExerciseSettings, type Role } from '../../engine/play/exercise.ts';

/**
 * The setup form's state: the exercise as the teacher is writing it. Roles are kept by team index, so that
 * renaming a team keeps what it holds; the exercise itself (teams holding roles) is made from it on demand.
 */
export interface Draft {
  scenario: string;
  title: string;
  /** As typed; the exercise keeps it normalised. */
  seed: string;
  teams: string[];
  /** The team (index) holding each role; a member missing here plays itself. */
  holders: Map<Role, number>;
  settings: ExerciseSettings;
}

export const DEFAULT_TEAMS = ['Secretariat', 'Delegation A', 'Delegation B'];
export const MIN_TEAMS = 2;

export function defaultSettings(): ExerciseSettings {
  return { hideForecasts: true, showAdvice: false, timers: { briefing: 5, council: 8, aftermath: 2 }, classDecisions: 'all' };
}

/** A new exercise: three teams, the first in the chair, every member playing itself until the teacher hands it out. */
export function newDraft(scenario: string, seed: string): Draft {
  return { scenario, title: '', seed, teams: DEFAULT_TEAMS.slice(), holders: new Map([['chair', 0]]), settings: defaultSettings() };
}

export function draftOf(exercise: Exercise): Draft {
  const holders = new Map<Role, number>();
  exercise.teams.forEach((team, i) => {
    for (const role of team.roles) if (!holders.has(role)) holders.set(role, i);
  });
  return {
    scenario: exercise.scenario,
    title: exercise.title,
    seed: exercise.seed,
    teams: exercise.teams.map((t) => t.name),
    holders,
    settings: structuredClone(exercise.settings),
  };
}

/** The exercise the draft describes, its seed normalised and its names trimmed; roles listed in `order`. */
export function exerciseOf(draft: Draft, order: readonly Role[]): Exercise {
  return {
    format: EXERCISE_FORMAT,
    title: draft.title.trim(),
    scenario: draft.scenario,
    seed: normaliseSeed(draft.seed),
    teams: draft.teams.map((name, i) => ({ name: name.trim().replace(/\s+/g, ' '), roles: order.filter((r) => draft.holders.get(r) === i) })),
    settings: structuredClone(draft.settings),
  };
}

/** A team leaves: what it held plays itself (or, for the chair, waits for another team); later teams move up. */
export function removeTeam(draft: Draft, index: number) {
  draft.teams.splice(index, 1);
  for (const [role, team] of [...draft.holders]) {
    if (team === index) draft.holders.delete(role);
    else if (team > index) draft.holders.set(role, team - 1);
  }
}

/** A name for a new team that no team has yet. */
export function nextTeamName(draft: Draft): string {
  const taken = new Set(draft.teams.map((t) => t.trim().toLowerCase()));
  for (let i = 0; i < 26; i++) {
    const name = `Delegation ${String.fromCharCode(65 + i)}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
  return `Team ${draft.teams.length + 1}`;
}
