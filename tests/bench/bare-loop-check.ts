import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { formatProblem } from '../../src/engine/authoring/format/problem.ts';
import { loadScenario, type TextFile } from '../../src/engine/authoring/load.ts';
import type { Scenario } from '../../src/engine/core/scenario.ts';
import type { World } from '../../src/engine/core/world.ts';
import { currentDevelopment } from '../../src/engine/core/development.ts';
import { playOut } from '../../src/engine/play/batch.ts';
import { councilView } from '../../src/engine/rules/council.ts';
import { historicalPolicy, randomPolicy, type Policy } from '../../src/engine/play/policies.ts';
import { bareRun, bareWorld, HISTORICAL_POLICY, LEVERAGE_POLICY, RANDOM_POLICY, type BarePolicy } from './bare-loop.ts';

/**
 * The bench's workload (tests/bench/workload), read from the project's folder: this module also runs
 * from the bench's bundle, so the folder is found from the working directory, the project's root.
 */
export function workload(root = process.cwd()): Scenario {
  const read = (name: string): TextFile => {
    const file = `tests/bench/workload/${name}`;
    return { file, text: readFileSync(join(root, file), 'utf8') };
  };
  const loaded = loadScenario(read('request_for_help.yaml'), read('rules.yaml'));
  if (!loaded.ok) throw new Error(loaded.error.map(formatProblem).join('\n'));
  return loaded.value;
}

/** The root above this module, for callers that run from the source rather than from a bundle. */
export const SOURCE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Moscow's leverage whenever it can carry an option (the first such choice the Council has), else the
 * historical choice: the bench's way to make runs buy members and pay debts.
 */
export const leveragePolicy: Policy = {
  name: 'leverage',
  choose(run, council, random) {
    return council.choices().find((c) => c.leverage) ?? historicalPolicy.choose(run, council, random);
  },
};

/** Each engine policy the bare loop is checked under, with the bare loop's own way of choosing the same. */
export const CHECKED_POLICIES: { policy: Policy; bare: BarePolicy }[] = [
  { policy: historicalPolicy, bare: HISTORICAL_POLICY },
  { policy: randomPolicy, bare: RANDOM_POLICY },
  { policy: leveragePolicy, bare: LEVERAGE_POLICY },
];

/** What the checked runs went through, so that a check that never reached leverage, a debt or a blocked option says so. */
export interface CheckCoverage {
  runs: number;
  decisions: number;
  /** Decisions where leverage could carry some option, and where it was taken. */
  leveragePossible: number;
  leverageTaken: number;
  /** Members bought, each a debt paid by the end. */
  membersBought: number;
  /** Decisions where some option was off the table (its `requires` false). */
  optionOffTable: number;
  /** Decisions where some option was vetoed. */
  vetoed: number;
  ceasefires: number;
  reactions: number;
  endings: Record<string, number>;
}

/** The policy, choosing as it does, with what it was offered counted. */
function counted(policy: Policy, coverage: CheckCoverage): Policy {
  return {
    name: policy.name,
    choose(run, council, random) {
      const views = councilView(run.scenario, run.world, currentDevelopment(run.scenario, run.world), false);
      if (views.some((v) => !v.available)) coverage.optionOffTable++;
      if (views.some((v) => v.vetoedBy.length > 0)) coverage.vetoed++;
      if (council.choices().some((c) => c.leverage)) coverage.leveragePossible++;
      const choice = policy.choose(run, council, random);
      if (choice.leverage) {
        coverage.leverageTaken++;
        coverage.membersBought += choice.view.leverage.buys.length;
      }
      return choice;
    },
  };
}

/** The World as its books read: each member's values and status as plain data, in place of the arrays that hold them. */
function books(world: World): Record<string, unknown> {
  const { values: _values, statuses: _statuses, memberCodes: _codes, members, ...rest } = world;
  return {
    ...rest,
    members: Object.fromEntries(
      Object.entries(members).map(([code, m]) => [
        code,
        { loyalty: m.loyalty, publicSupport: m.publicSupport, hedging: m.hedging, ties: m.ties, status: m.status },
      ]),
    ),
  };
}

function entriesOf(value: unknown): unknown {
  return value instanceof Map ? Object.fromEntries(value) : value;
}

/** The first place two values differ, as a path, for a message that says where. */
function firstDifference(a: unknown, b: unknown, path = 'world'): string {
  if (isDeepStrictEqual(a, b)) return '';
  // The World's tallies are Maps: compared entry by entry, as objects.
  if (a instanceof Map || b instanceof Map) return firstDifference(entriesOf(a), entriesOf(b), path);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path}: engine ${JSON.stringify(a)}, bare loop ${JSON.stringify(b)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (found) return found;
  }
  return `${path}: differ in kind`;
}

/**
 * The bare loop must keep the engine's books, or its speed means nothing: under each policy, for each
 * of `seeds` seeds, the engine's batch path and the bare loop must end in the same whole World (every
 * member's values and status, alliance values, variables, tallies, the decisions with their leverage,
 * the reactions, the debts, the trajectory, the ending). Throws at the first difference.
 */
export function checkBareLoop(scenario: Scenario, seeds: number): CheckCoverage {
  const coverage: CheckCoverage = {
    runs: 0,
    decisions: 0,
    leveragePossible: 0,
    leverageTaken: 0,
    membersBought: 0,
    optionOffTable: 0,
    vetoed: 0,
    ceasefires: 0,
    reactions: 0,
    endings: {},
  };
  for (const { policy, bare } of CHECKED_POLICIES) {
    for (let i = 0; i < seeds; i++) {
      const seed = `bare-${i}`;
      const run = playOut(scenario, seed, counted(policy, coverage));
      const engine = run.world;
      const world = bareWorld(bareRun(seed, bare));
      const difference = firstDifference(books(engine), world);
      if (difference) throw new Error(`the bare loop no longer keeps the engine's books (policy ${policy.name}, seed ${seed}): ${difference}`);
      coverage.runs++;
      coverage.decisions += engine.decisions.length;
      if (engine.trajectory.some((w) => w.development === 'ceasefire')) coverage.ceasefires++;
      coverage.reactions += engine.reactions.length;
      coverage.endings[engine.ending ?? 'none'] = (coverage.endings[engine.ending ?? 'none'] ?? 0) + 1;
    }
  }
  return coverage;
}
