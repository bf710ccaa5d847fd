import { isDeepStrictEqual } from 'node:util';
import type { Scenario } from '../../src/engine/core/scenario.ts';
import { replay } from '../../src/engine/play/record.ts';
import type { TableTrack } from './load-class.ts';

/**
 * Whether a finished table's record, as the server last sent it, replays with the engine to a run whose last
 * decision is the one its chair chose at the Council the load run sat, with exactly the stances its teams
 * declared; and whether the table stands at the next briefing. Each problem is a sentence.
 */
export function tableProblems(scenario: Scenario, track: TableTrack): string[] {
  const where = `class ${track.classIndex + 1} table ${track.table}`;
  const { final, decision, declared } = track;
  if (!final || !decision || !declared) return [`${where}: it did not finish`];
  const replayed = replay(scenario, final.record);
  if (!replayed.ok) return [`${where}: its record does not replay: ${replayed.error}`];
  const problems: string[] = [];
  const { decisions } = replayed.value.run.world;
  const last = decisions[decisions.length - 1];
  if (decisions.length !== decision.index + 1)
    problems.push(`${where}: ${decisions.length} decisions in the record, where the chair's was to be number ${decision.index + 1}`);
  if (last?.development !== decision.development || last.option !== decision.option || last.leverage) {
    problems.push(`${where}: the last decision is ${last?.development}/${last?.option}, not the chair's ${decision.development}/${decision.option}`);
  }
  if (!isDeepStrictEqual(last?.declared, declared)) problems.push(`${where}: the stances in the record are not those its teams declared`);
  if (final.phase !== 'briefing' && final.phase !== 'chapter') problems.push(`${where}: it ended at ${final.phase}, not the next briefing`);
  return problems;
}
