import { CLASS_PATH_ARM, HISTORY_ARM } from '../../engine/analysis/class-set.ts';
import { CompareMerge, type CompareReport } from '../../engine/analysis/compare.ts';
import { ForkError, type ForkReport, forkReport, forkStart, type ForkStart } from '../../engine/analysis/fork.ts';
import { runHeader } from '../../engine/analysis/run-rows.ts';
import { seedChunks } from '../../engine/analysis/seed-chunks.ts';
import type { Scenario } from '../../engine/core/scenario.ts';
import { ChunkOrder } from './chunk-order.ts';
import { startWorker, WarmWorkers } from './warm-workers.ts';
import type { ChunkPart, ClassPathRequest, OutlookMessage, OutlookOrder, OutlookRequest, OutlookResult, PoolRequest } from './protocol.ts';

export interface OutlookHandlers<Report extends CompareReport = ForkReport> {
  progress(done: number, total: number): void;
  done(result: OutlookResult<Report>): void;
  failed(error: string): void;
}

export interface OutlookJob {
  /** Stops the runs at once: every worker is terminated, whatever it was doing. */
  cancel(): void;
}

/**
 * Beyond eight, each worker's own compiled scenario and heap costs more than the little it adds: the
 * thousand seeds of a choice make only four chunks.
 */
export const MOST_OUTLOOK_WORKERS = 8;

/** One worker per core the browser reports, at most eight, at least one, and never more than there are chunks to play. */
export function outlookWorkerCount(cores: number | undefined, chunks: number): number {
  const reported = cores !== undefined && Number.isFinite(cores) && cores >= 1 ? Math.floor(cores) : 1;
  return Math.max(1, Math.min(reported, MOST_OUTLOOK_WORKERS, chunks));
}

export interface OutlookJobSpec<Request extends PoolRequest = OutlookRequest> {
  request: Request;
  /**
   * The page's own compiled scenario, which the parts are merged with: each worker compiles its own
   * copy from the same files and refuses if its content hash differs from this one's.
   */
  scenario: Scenario;
  /** The cores to use (`navigator.hardwareConcurrency`): see `outlookWorkerCount`. */
  cores: number | undefined;
  /** Workers already started on this very request, to take instead of starting new ones. */
  warm?: WarmWorkers;
}

/** Workers started ahead for a request, as many as a job of it will use (see WarmWorkers). */
export function warmWorkers(request: PoolRequest, cores: number | undefined, onReady?: () => void): WarmWorkers {
  return new WarmWorkers(request, outlookWorkerCount(cores, seedChunks(request.runs).length), onReady);
}

/** What a job plays, as the pool needs it: its arms (the same at every seed) and how the merged parts become its report. */
interface PoolJob<Report extends CompareReport> {
  arms: string[];
  header: string;
  report(merge: CompareMerge): Report;
}

/** A job that cannot start, said after the call returns, as a worker's answer would be. */
function refused(message: string, on: { failed(error: string): void }): OutlookJob {
  let cancelled = false;
  queueMicrotask(() => {
    if (!cancelled) on.failed(message);
  });
  return { cancel: () => (cancelled = true) };
}

/** "What tends to happen": each choice at one decision of a run, played on with the historical choices. */
export function startOutlook(spec: OutlookJobSpec, on: OutlookHandlers): OutlookJob {
  const { request, scenario } = spec;
  let start: ForkStart;
  try {
    start = forkStart(scenario, request.record, request.at, request.alternatives);
  } catch (error) {
    return refused(error instanceof ForkError ? error.message : `the runs could not start: ${(error as Error).message}`, on);
  }
  return startPool(spec, { arms: start.arms, header: 'option', report: (merge) => forkReport(start, merge) }, on);
}

/** A class's results against simulation: whole runs of history and of the class's most common path, on the same seeds. */
export function startClassPath(spec: OutlookJobSpec<ClassPathRequest>, on: OutlookHandlers<CompareReport>): OutlookJob {
  return startPool(spec, { arms: [HISTORY_ARM, CLASS_PATH_ARM], header: 'policy', report: (merge) => merge.report() }, on);
}

/**
 * Plays the runs over several workers, started together for this job and ended when it answers or is
 * cancelled. The seeds are cut into the engine's fixed chunks, handed out in order as workers free up,
 * and their parts merged here in chunk order by the engine's own merge: the result is the same, byte
 * for byte, with one worker or eight.
 */
function startPool<Report extends CompareReport>(spec: OutlookJobSpec<PoolRequest>, job: PoolJob<Report>, on: OutlookHandlers<Report>): OutlookJob {
  const started = performance.now();
  const { request, scenario } = spec;
  const chunks = seedChunks(request.runs);
  const total = request.runs * job.arms.length;
  const merge = new CompareMerge(scenario, job.arms, request.seed);
  const rows: string[] = [`${runHeader(scenario, job.header).join(',')}\n`];
  const inOrder = new ChunkOrder<ChunkPart>(chunks.length, ({ part, rows: chunkRows }) => {
    merge.add(part);
    rows.push(chunkRows);
  });
  // Runs finished in each chunk so far, as its worker last said: their sum is the progress shown.
  const doneIn = chunks.map(() => 0);
  let done = 0;
  // No chunks (no runs asked for), no worker: the empty result is said at once.
  const count = chunks.length === 0 ? 0 : outlookWorkerCount(spec.cores, chunks.length);
  const workers: Worker[] = [];
  let nextToSend = 0;
  let over = false;

  const stop = () => {
    over = true;
    for (const worker of workers) worker.terminate();
  };
  const fail = (error: string) => {
    if (over) return;
    stop();
    on.failed(error);
  };
  const progress = (index: number, doneInChunk: number) => {
    done += doneInChunk - (doneIn[index] ?? 0);
    doneIn[index] = doneInChunk;
    on.progress(done, total);
  };
  const sendNext = (worker: Worker) => {
    const range = chunks[nextToSend];
    if (range === undefined) return;
    const order: OutlookOrder = { type: 'play', index: nextToSend, range };
    nextToSend++;
    worker.postMessage(order);
  };
  const answered = (worker: Worker, data: OutlookMessage) => {
    if (data.type === 'failed') return fail(data.error);
    if (data.type === 'prepared') return;
    const range = chunks[data.index];
    if (range === undefined) return fail(`a worker answered for chunk ${data.index + 1}, of ${chunks.length}`);
    if (data.type === 'progress') return progress(data.index, data.done);
    sendNext(worker);
    progress(data.index, (range.to - range.from) * job.arms.length);
    inOrder.arrived(data.index, data);
    if (inOrder.complete) finish();
  };
  const finish = () => {
    if (over) return;
    const result: OutlookResult<Report> = { report: job.report(merge), csv: rows.join(''), ms: performance.now() - started, workers: count };
    stop();
    on.done(result);
  };

  const taken = count === 0 ? null : (spec.warm?.take(request, count) ?? null);
  for (let k = 0; k < count; k++) {
    const worker = taken?.workers[k] ?? startWorker(k);
    workers.push(worker);
    worker.onmessage = ({ data }: MessageEvent<OutlookMessage>) => {
      if (over) return;
      try {
        answered(worker, data);
      } catch (error) {
        fail(`the results could not be put together: ${(error as Error).message}`);
      }
    };
    worker.onerror = (event) => {
      // Handled here and said on the page; not left to surface as an uncaught error.
      event.preventDefault();
      fail(event.message || 'the background runs could not start');
    };
    worker.onmessageerror = () => fail('a worker’s answer could not be read');
    // A warm worker was told what to prepare when it started; its chunks queue behind that.
    if (!taken) {
      const prepare: OutlookOrder = { type: 'prepare', request };
      worker.postMessage(prepare);
    }
    sendNext(worker);
  }
  // Said after this returns, as a worker's answer would be.
  const failure = taken?.failure;
  if (failure) queueMicrotask(() => fail(failure));
  if (count === 0) queueMicrotask(finish);
  return { cancel: stop };
}
