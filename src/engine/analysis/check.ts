import { playToEnd } from '../play/batch.ts';
import { choiceAt } from '../play/choices.ts';
import { randomPolicy, type Policy } from '../play/policies.ts';
import { startRun } from '../play/run.ts';
import { policyRandom } from '../core/random.ts';
import type { Scenario } from '../core/scenario.ts';
import { developmentById } from '../core/development.ts';
import { stanceNumbers, describeStanceNumbers } from '../rules/stance-numbers.ts';
import type { MemberStance } from '../rules/council.ts';
import { addCounts } from './counts.ts';
import { seedChunks, type SeedRange } from './seed-chunks.ts';

/**
 * A scenario author's check, in two halves: a walk of the scenario graph (which developments can be
 * reached at all), then seeded random plays counting what is actually reached (options, endings,
 * reactions), runs that never end, and whether the historical path can be played as it happened.
 */
export interface CheckReport {
  scenario: string;
  plays: number;
  developments: { id: string; linked: boolean; hits: number }[];
  options: { development: string; id: string; historical: boolean; hits: number; withLeverage: number; blocked: string }[];
  endings: { id: string; hits: number }[];
  reactions: { id: string; hits: number }[];
  historical: { plays: number; blocked: { development: string; option: string; count: number }[]; endings: Record<string, number> };
  endless: number;
  longest: number;
  problems: string[];
}

/** What the random plays of one seed range reached, as counts (keys in the order first met). */
export interface CheckPart {
  plays: number;
  devHits: Record<string, number>;
  optionHits: Record<string, number>;
  leverageHits: Record<string, number>;
  endingHits: Record<string, number>;
  reactionHits: Record<string, number>;
  /** For options left off the table: how often each was not on it, and each vetoing member's best score. */
  offTable: Record<string, number>;
  closestVeto: Record<string, Record<string, MemberStance>>;
  endless: number;
  longest: number;
}

function emptyCheckPart(): CheckPart {
  return { plays: 0, devHits: {}, optionHits: {}, leverageHits: {}, endingHits: {}, reactionHits: {}, offTable: {}, closestVeto: {}, endless: 0, longest: 0 };
}

/** Keeps, per option and member, the first stance with the highest score, as one pass over the runs would. */
function keepClosest(closestVeto: CheckPart['closestVeto'], option: string, stance: MemberStance): void {
  closestVeto[option] ??= {};
  const vetoes = closestVeto[option] ?? {};
  const best = vetoes[stance.member];
  if (best === undefined || stance.score > best.score) vetoes[stance.member] = stance;
}

export function checkPart(scenario: Scenario, range: SeedRange, seed: string): CheckPart {
  const part = emptyCheckPart();
  // The random policy, counting where it is asked and what it chooses.
  const counting: Policy = {
    name: randomPolicy.name,
    choose(run, council, random) {
      const current = council.development;
      const development = current.id;
      const choices = council.choices();
      part.devHits[development] = (part.devHits[development] ?? 0) + 1;
      for (const option of current.options) {
        if (choices.some((c) => c.option === option.id)) continue;
        const view = council.view(option);
        if (!view.available) part.offTable[option.id] = (part.offTable[option.id] ?? 0) + 1;
        for (const s of view.stances) if (view.vetoedBy.includes(s.member)) keepClosest(part.closestVeto, option.id, s);
      }
      const choice = randomPolicy.choose(run, council, random);
      part.optionHits[choice.option] = (part.optionHits[choice.option] ?? 0) + 1;
      if (choice.leverage) part.leverageHits[choice.option] = (part.leverageHits[choice.option] ?? 0) + 1;
      return choice;
    },
  };

  for (let i = range.from; i < range.to; i++) {
    const runSeed = `${seed}-${i}`;
    const run = playToEnd(startRun(scenario, runSeed, { recordCauses: false }), counting, policyRandom(runSeed));
    if (run.world.turn >= scenario.maxTurns) part.endless++;
    part.plays++;
    part.longest = Math.max(part.longest, run.world.turn);
    const ending = run.world.ending;
    if (ending !== null) part.endingHits[ending] = (part.endingHits[ending] ?? 0) + 1;
    for (const r of run.world.reactions) part.reactionHits[r.reaction] = (part.reactionHits[r.reaction] ?? 0) + 1;
  }
  return part;
}

/** The parts of consecutive seed ranges, in order, as one tally. */
function mergeCheckParts(parts: CheckPart[]): CheckPart {
  const total = emptyCheckPart();
  for (const part of parts) {
    addCounts(total.devHits, part.devHits);
    addCounts(total.optionHits, part.optionHits);
    addCounts(total.leverageHits, part.leverageHits);
    addCounts(total.endingHits, part.endingHits);
    addCounts(total.reactionHits, part.reactionHits);
    addCounts(total.offTable, part.offTable);
    for (const [option, vetoes] of Object.entries(part.closestVeto)) for (const stance of Object.values(vetoes)) keepClosest(total.closestVeto, option, stance);
    total.plays += part.plays;
    total.endless += part.endless;
    total.longest = Math.max(total.longest, part.longest);
  }
  return total;
}

export function checkScenario(scenario: Scenario, plays = 1000, seed = 'check'): CheckReport {
  return mergeCheck(
    scenario,
    seedChunks(plays).map((range) => checkPart(scenario, range, seed)),
    seed,
  );
}

/** The report from the random plays' parts in seed order; the walk of the graph and the historical plays (at most 200) are done here. */
export function mergeCheck(scenario: Scenario, parts: CheckPart[], seed: string): CheckReport {
  const plays = parts.reduce((sum, part) => sum + part.plays, 0);
  const total = mergeCheckParts(parts);
  const linked = linkedDevelopments(scenario);
  const historical = historicalPlays(scenario, Math.min(plays, 200), seed);
  const report: CheckReport = {
    scenario: scenario.id,
    plays,
    developments: scenario.order.map((id) => ({ id, linked: linked.has(id), hits: total.devHits[id] ?? 0 })),
    options: scenario.order.flatMap((d) =>
      developmentById(scenario, d).options.map((o) => ({
        development: d,
        id: o.id,
        historical: o.historical,
        hits: total.optionHits[o.id] ?? 0,
        withLeverage: total.leverageHits[o.id] ?? 0,
        blocked: blockedText(scenario, total.offTable[o.id] ?? 0, Object.values(total.closestVeto[o.id] ?? {})),
      })),
    ),
    endings: scenario.endings.map((e) => ({ id: e.id, hits: total.endingHits[e.id] ?? 0 })),
    reactions: [...new Set(scenario.reactions.map((r) => r.id))].map((id) => ({ id, hits: total.reactionHits[id] ?? 0 })),
    historical,
    endless: total.endless,
    longest: total.longest,
    problems: [],
  };
  for (const d of report.developments) {
    if (!d.linked) report.problems.push(`development '${d.id}' is not reachable from '${scenario.start}' by any option`);
    else if (d.hits === 0) report.problems.push(`development '${d.id}' was not reached in ${plays} random plays`);
  }
  for (const o of report.options)
    if (o.hits === 0)
      report.problems.push(`option '${o.id}' at '${o.development}' was never available to choose in ${plays} random plays${o.blocked ? `: ${o.blocked}` : ''}`);
  for (const e of report.endings) if (e.hits === 0) report.problems.push(`ending '${e.id}' was not reached in ${plays} random plays`);
  if (total.endless) report.problems.push(`${total.endless} of ${plays} plays did not end within ${scenario.maxTurns} decisions (a loop with no way out)`);
  for (const b of historical.blocked) {
    report.problems.push(`the historical option '${b.option}' at '${b.development}' could not be chosen in ${b.count} of ${historical.plays} historical plays`);
  }
  return report;
}

/** Why an option never came up: how often it was off the table, and each vetoing member at its closest to passing. */
function blockedText(scenario: Scenario, offTable: number, vetoes: MemberStance[]): string {
  const parts: string[] = [];
  if (offTable) parts.push(`not on the table ${offTable} times (its requires)`);
  if (vetoes.length) parts.push(`vetoed; at best ${vetoes.map((s) => describeStanceNumbers(scenario, stanceNumbers(scenario, s))).join('; ')}`);
  return parts.join('; ');
}

/** Developments some chain of options leads to from the start. */
export function linkedDevelopments(scenario: Scenario): Set<string> {
  const seen = new Set<string>([scenario.start]);
  const queue = [scenario.start];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    const development = developmentById(scenario, id);
    for (const option of development.options) {
      for (const branch of option.next) {
        if (branch.goto !== 'end' && !seen.has(branch.goto)) {
          seen.add(branch.goto);
          queue.push(branch.goto);
        }
      }
    }
  }
  return seen;
}

function historicalPlays(scenario: Scenario, plays: number, seed: string): CheckReport['historical'] {
  const blocked: Record<string, { development: string; option: string; count: number }> = {};
  const endings: Record<string, number> = {};
  // The historical option, with leverage where it needs it, counting where it could not be chosen at all.
  const historical: Policy = {
    name: 'historical',
    choose(_run, council) {
      const development = council.development;
      const wanted = development.options.find((o) => o.historical);
      const choice = wanted ? council.choiceEitherWay(wanted.id, false) : undefined;
      if (choice) return choice;
      if (wanted) {
        const key = `${development.id}:${wanted.id}`;
        blocked[key] ??= { development: development.id, option: wanted.id, count: 0 };
        blocked[key].count++;
      }
      return choiceAt(council.choices(), 0);
    },
  };
  for (let i = 0; i < plays; i++) {
    const runSeed = `${seed}-historical-${i}`;
    const run = playToEnd(startRun(scenario, runSeed, { recordCauses: false }), historical, policyRandom(runSeed));
    const ending = run.world.ending;
    if (ending !== null) endings[ending] = (endings[ending] ?? 0) + 1;
  }
  return { plays, blocked: Object.values(blocked), endings };
}
