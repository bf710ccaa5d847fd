import { ForkError, forkPart, forkStart, type ForkStart } from '../../engine/analysis/fork.ts';
import { csvLine, runRow } from '../../engine/analysis/run-rows.ts';
import { loadEntry } from '../../engine/authoring/library.ts';
import { historicalPolicy } from '../../engine/play/policies.ts';
import type { World } from '../../engine/core/world.ts';
import type { OutlookMessage, OutlookOrder, OutlookRequest } from './protocol.ts';

/**
 * Plays chunks of "what tends to happen" off the page's thread: thousands of runs take a second or more,
 * and the page must keep answering meanwhile. Each worker compiles the scenario once, then plays each
 * chunk of seeds it is sent and hands back the chunk's part for the page to merge in chunk order.
 * Progress is posted about a hundred times over the whole job, not once a run. The page cancels by
 * terminating its workers, so nothing here needs to listen for a stop.
 */
const scope = self as unknown as { onmessage: ((event: MessageEvent<OutlookOrder>) => void) | null; postMessage(message: OutlookMessage): void };

/** A refusal the player can act on, said as it is (anything else is reported as the runs stopping). */
class Refusal extends Error {}

interface Prepared {
  request: OutlookRequest;
  start: ForkStart;
  /** The CSV row of one finished run. */
  row: (arm: string, index: number, seed: string, world: World) => string;
}

let prepared: Prepared | null = null;
/** Why this worker cannot play: said once, after which the page stops every worker. */
let refused: string | null = null;

function prepare(request: OutlookRequest): Prepared {
  const entry = loadEntry(request.target, request.files, request.rules);
  if (!entry.ok) throw new Refusal(`the scenario has problems (${entry.error[0]?.message ?? 'unknown'})`);
  const scenario = entry.value;
  if (scenario.contentHash !== request.contentHash) throw new Refusal('the scenario changed while this page was open: reload the page');
  const start = forkStart(scenario, request.record, request.at, request.alternatives);
  return { request, start, row: (arm, index, seed, world) => csvLine(runRow(scenario, arm, index, seed, world)) };
}

function play({ request, start, row }: Prepared, index: number, range: { from: number; to: number }): OutlookMessage {
  const total = request.runs * start.arms.length;
  const step = Math.max(1, Math.floor(total / 100));
  let rows = '';
  let done = 0;
  const part = forkPart(start, historicalPolicy, range, request.seed, (arm, i, seed, world) => {
    rows += `${row(arm, i, seed, world)}\n`;
    if (++done % step === 0) scope.postMessage({ type: 'progress', index, done });
  });
  return { type: 'part', index, part, rows };
}

scope.onmessage = ({ data }) => {
  if (refused !== null) return;
  try {
    if (data.type === 'prepare') prepared = prepare(data.request);
    else if (prepared === null) throw new Error('a chunk came before the scenario');
    else scope.postMessage(play(prepared, data.index, data.range));
  } catch (error) {
    refused = error instanceof ForkError || error instanceof Refusal ? error.message : `the runs stopped: ${(error as Error).message}`;
    scope.postMessage({ type: 'failed', error: refused });
  }
};
