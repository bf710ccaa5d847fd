import type { OutlookMessage, OutlookOrder, PoolRequest } from './protocol.ts';

/**
 * Workers started and told what to prepare before anyone asks for the runs: starting a worker and
 * compiling the scenario in it (the whole campaign: most of a second on a school laptop) then happen
 * while the player reads the screen, and a click plays at once. A job takes the workers exactly once;
 * workers nobody took are ended when the screen goes.
 */
export class WarmWorkers {
  private workers: Worker[] = [];
  private preparedCount = 0;
  /** Why a worker could not prepare, said to the job that takes them. */
  private failure: string | null = null;
  private taken = false;

  constructor(
    readonly request: PoolRequest,
    count: number,
    private readonly onReady: () => void = () => {},
  ) {
    for (let k = 0; k < count; k++) {
      const worker = startWorker(k);
      this.workers.push(worker);
      // Until a job takes it, a worker's only news is that it has prepared or cannot.
      worker.onmessage = ({ data }: MessageEvent<OutlookMessage>) => {
        if (data.type === 'prepared' && ++this.preparedCount === count) this.onReady();
        else if (data.type === 'failed') this.failure ??= data.error;
      };
      worker.onerror = (event) => {
        event.preventDefault();
        this.failure ??= event.message || 'the background runs could not start';
      };
      const prepare: OutlookOrder = { type: 'prepare', request: this.request };
      worker.postMessage(prepare);
    }
  }

  /**
   * The workers, for a job of this very request and this many workers, with any failure so far; null when
   * they do not fit or were taken already (the job starts its own).
   */
  take(request: PoolRequest, count: number): { workers: Worker[]; failure: string | null } | null {
    if (this.taken || request !== this.request || count !== this.workers.length) return null;
    this.taken = true;
    return { workers: this.workers, failure: this.failure };
  }

  /** Ends the workers no job took. */
  dispose(): void {
    if (this.taken) return;
    this.taken = true;
    for (const worker of this.workers) worker.terminate();
  }
}

export function startWorker(k: number): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: `what-tends-to-happen-${k + 1}` });
}
