import { simulationPolicies } from '../../engine/analysis/class-set.ts';
import { comparePart, type ComparePart, type OnRun } from '../../engine/analysis/compare.ts';
import { ForkError, forkPart, forkStart } from '../../engine/analysis/fork.ts';
import type { SeedRange } from '../../engine/analysis/seed-chunks.ts';
import { csvLine, runRow } from '../../engine/analysis/run-rows.ts';
import { loadEntry } from '../../engine/authoring/library.ts';
import { historicalPolicy } from '../../engine/play/policies.ts';
import type { World } from '../../engine/core/world.ts';
import type { Scenario } from '../../engine/core/scenario.ts';
import type { OutlookMessage, OutlookOrder, PoolRequest } from './protocol.ts';

/**
 * Plays chunks of many runs ("what tends to happen", a class's results against history) off the page's thread: thousands of runs take a second or more,
 * and the page must keep answering meanwhile. Each worker compiles the scenario once, then plays each
 * chunk of seeds it is sent and hands back the chunk's part for the page to merge in chunk order.
 * Progress is posted about a hundred times over the whole job, not once a run. The page cancels by
 * terminating its workers, so nothing here needs to listen for a stop.
 */
const scope = self as unknown as { onmessage: ((event: MessageEvent<OutlookOrder>) => void) | null; postMessage(message: OutlookMessage): void };

/** A refusal the player can act on, said as it is (anything else is reported as the runs stopping). */
class Refusal extends Error {}

interface Prepared {
  request: PoolRequest;
  /** How many runs each seed gives: one per arm. */
  arms: number;
  /** Plays one range of seeds, every arm at each seed. */
  playRange: (range: SeedRange, onRun: OnRun) => ComparePart;
  /** The CSV row of one finished run. */
  row: (arm: string, index: number, seed: string, world: World) => string;
}

let prepared: Prepared | null = null;
/** Why this worker cannot play: said once, after which the page stops every worker. */
let refused: string | null = null;

/** What the request asks to be played: a fork's arms after a run's first decisions, or whole runs of each policy. */
function player(scenario: Scenario, request: PoolRequest): Pick<Prepared, 'arms' | 'playRange'> {
  if (request.kind === 'class-path') {
    const policies = simulationPolicies(request.path);
    return { arms: policies.length, playRange: (range, onRun) => comparePart(scenario, policies, range, request.seed, onRun) };
  }
  const start = forkStart(scenario, request.record, request.at, request.alternatives);
  return { arms: start.arms.length, playRange: (range, onRun) => forkPart(start, historicalPolicy, range, request.seed, onRun) };
}

function prepare(request: PoolRequest): Prepared {
  const entry = loadEntry(request.target, request.files, request.rules);
  if (!entry.ok) throw new Refusal(`the scenario has problems (${entry.error[0]?.message ?? 'unknown'})`);
  const scenario = entry.value;
  if (scenario.contentHash !== request.contentHash) throw new Refusal('the scenario changed while this page was open: reload the page');
  return { request, ...player(scenario, request), row: (arm, index, seed, world) => csvLine(runRow(scenario, arm, index, seed, world)) };
}

function play({ request, arms, playRange, row }: Prepared, index: number, range: SeedRange): OutlookMessage {
  const total = request.runs * arms;
  const step = Math.max(1, Math.floor(total / 100));
  let rows = '';
  let done = 0;
  const part = playRange(range, (arm, i, seed, world) => {
    rows += `${row(arm, i, seed, world)}\n`;
    if (++done % step === 0) scope.postMessage({ type: 'progress', index, done });
  });
  return { type: 'part', index, part, rows };
}

scope.onmessage = ({ data }) => {
  if (refused !== null) return;
  try {
    if (data.type === 'prepare') {
      prepared = prepare(data.request);
      scope.postMessage({ type: 'prepared' });
    } else if (prepared === null) throw new Error('a chunk came before the scenario');
    else scope.postMessage(play(prepared, data.index, data.range));
  } catch (error) {
    refused = error instanceof ForkError || error instanceof Refusal ? error.message : `the runs stopped: ${(error as Error).message}`;
    scope.postMessage({ type: 'failed', error: refused });
  }
};
