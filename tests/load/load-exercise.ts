import { STANCE_KINDS, type CouncilDeclarations, type Declaration } from '../../src/engine/core/declared.ts';
import type { MemberCode } from '../../src/engine/core/world.ts';
import type { Exercise, Team } from '../../src/engine/play/exercise.ts';

/**
 * What every class of the load run plays: Armenia 2022 with the Secretariat in the chair and four member
 * teams holding the six members, without advice (so every held member must declare on an option before
 * it can be chosen), every decision the class's. Each class has its own seed, so the tables of different
 * classes are different runs.
 */
export const LOAD_SCENARIO = 'armenia_2022';

export const LOAD_TEAMS: Team[] = [
  { name: 'Secretariat', roles: ['chair'] },
  { name: 'Yerevan', roles: ['AM'] },
  { name: 'Moscow', roles: ['RU'] },
  { name: 'Astana and Minsk', roles: ['KZ', 'BY'] },
  { name: 'Bishkek and Dushanbe', roles: ['KG', 'TJ'] },
];

export function loadExercise(classIndex: number): Exercise {
  return {
    format: 1,
    title: `Load class ${classIndex + 1}`,
    scenario: LOAD_SCENARIO,
    seed: `load class ${classIndex + 1}`,
    teams: LOAD_TEAMS,
    settings: { hideForecasts: true, showAdvice: false, timers: { briefing: 5, council: 10, aftermath: 5 }, classDecisions: 'all' },
  };
}

/** Where one student sits: its table (1-based), its team, and its place among its team's students at that table. */
export interface Seat {
  student: number;
  table: number;
  team: number;
  /** 0 for the team's first student at the table, 1 for the next... */
  placeInTeam: number;
}

/** The students dealt over the tables in turn, and at each table over the teams in turn, so every table has every team. */
export function seatsOf(students: number, tables: number): Seat[] {
  const seats: Seat[] = [];
  const taken = new Map<string, number>();
  for (let student = 0; student < students; student++) {
    const table = (student % tables) + 1;
    const team = Math.floor(student / tables) % LOAD_TEAMS.length;
    const key = `${table}/${team}`;
    const placeInTeam = taken.get(key) ?? 0;
    taken.set(key, placeInTeam + 1);
    seats.push({ student, table, team, placeInTeam });
  }
  return seats;
}

/** One stance to declare: which option, for which member, and what. */
export interface PlannedDeclaration {
  option: string;
  member: MemberCode;
  declaration: Declaration;
}

/**
 * What a team declares at a table: each member it holds on each option, a stance that varies with the class,
 * the table and the option (vetoes included, so some options are blocked as they would be in a class), with
 * a sentence of argument. Shared among the team's students at the table in turn.
 */
export function teamDeclarations(classIndex: number, table: number, team: number, options: string[]): PlannedDeclaration[] {
  const planned: PlannedDeclaration[] = [];
  for (const role of LOAD_TEAMS[team]?.roles ?? []) {
    if (role === 'chair') continue;
    for (const [o, option] of options.entries()) {
      const stance = STANCE_KINDS[(classIndex * 7 + table * 3 + o * 5 + role.charCodeAt(0) + role.charCodeAt(1)) % STANCE_KINDS.length] ?? 'accepts';
      const argument = `${LOAD_TEAMS[team]?.name}, for ${role} at table ${table}: what this costs us now weighs against what the alliance promised.`;
      planned.push({ option, member: role, declaration: { stance, argument } });
    }
  }
  return planned;
}

/** A student's share of its team's declarations. */
export function shareOf(planned: PlannedDeclaration[], placeInTeam: number, studentsInTeam: number): PlannedDeclaration[] {
  return planned.filter((_, i) => i % studentsInTeam === placeInTeam);
}

/** Everything a table's teams declare, as the engine records it with the chair's decision. */
export function declaredAtTable(planned: PlannedDeclaration[]): CouncilDeclarations {
  const declared: CouncilDeclarations = {};
  for (const { option, member, declaration } of planned) declared[option] = { ...declared[option], [member]: declaration };
  return declared;
}
