import { fork, ForkError } from '../../engine/analysis/fork.ts';
import { csvLine, runHeader, runRow } from '../../engine/analysis/run-rows.ts';
import { loadEntry } from '../../engine/authoring/library.ts';
import type { OutlookMessage, OutlookRequest } from './protocol.ts';

/**
 * Plays "what tends to happen" off the page's thread: thousands of runs take a second or more, and the
 * page must keep answering meanwhile. Progress is posted about a hundred times, not once a run. The
 * page cancels by terminating this worker, so nothing here needs to listen for a stop.
 */
const scope = self as unknown as { onmessage: ((event: MessageEvent<OutlookRequest>) => void) | null; postMessage(message: OutlookMessage): void };

scope.onmessage = ({ data }) => {
  const started = performance.now();
  try {
    const entry = loadEntry(data.target, data.files, data.rules);
    if (!entry.ok) return scope.postMessage({ type: 'failed', error: `the scenario has problems (${entry.error[0]?.message ?? 'unknown'})` });
    const scenario = entry.value;
    if (scenario.contentHash !== data.contentHash)
      return scope.postMessage({ type: 'failed', error: 'the scenario changed while this page was open: reload the page' });
    const lines = [runHeader(scenario, 'option').join(',')];
    const total = data.runs * (data.alternatives.length + 1);
    const step = Math.max(1, Math.floor(total / 100));
    const report = fork(scenario, data.record, {
      at: data.at,
      alternatives: data.alternatives,
      runs: data.runs,
      seed: data.seed,
      onRun: (arm, index, seed, world) => lines.push(csvLine(runRow(scenario, arm, index, seed, world))),
      onProgress: (done, all) => {
        if (done % step === 0 || done === all) scope.postMessage({ type: 'progress', done, total: all });
      },
    });
    scope.postMessage({ type: 'done', report, csv: `${lines.join('\n')}\n`, ms: performance.now() - started });
  } catch (error) {
    scope.postMessage({ type: 'failed', error: error instanceof ForkError ? error.message : `the runs stopped: ${(error as Error).message}` });
  }
};
