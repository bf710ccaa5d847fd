import type { Parameters } from '../../core/scenario.ts';
import type { Problem } from '../format/problem.ts';
import type { RulesFile } from '../format/schema.ts';
import type { Places } from './places.ts';
import { checkSourcesIn } from './sources.ts';

/** What the schema cannot say of the standing rules: holds within 100, baselines in year order, sources that exist. */
export function checkRules(rules: RulesFile, places: Places): Problem[] {
  const problems: Problem[] = [];
  for (const [code, member] of Object.entries(rules.members)) {
    if (!member) continue;
    const total = member.holds.reduce((s, h) => s + h.weight, 0);
    if (total > 100) problems.push(places.problem(['members', code, 'holds'], `holds add up to ${total}; at most 100`));
    const years = member.baselines.map((b) => b.year);
    if (years.some((y, i) => i > 0 && y <= (years[i - 1] ?? y))) {
      problems.push(places.problem(['members', code, 'baselines'], 'baselines must be in increasing year order'));
    }
  }
  checkSourcesIn(
    rules,
    [],
    rules.sources.map((s) => s.file),
    places,
    problems,
  );
  return problems;
}

export function parameters(rules: RulesFile): Parameters {
  const v = <T extends Record<string, { value: number }>>(o: T) =>
    Object.fromEntries(Object.entries(o).map(([k, x]) => [k, x.value])) as { [K in keyof T]: number };
  return { cohesion: v(rules.cohesion), stance: v(rules.stance), leverage: v(rules.leverage) };
}
