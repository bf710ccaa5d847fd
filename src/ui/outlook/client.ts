import type { OutlookMessage, OutlookRequest, OutlookResult } from './protocol.ts';

export interface OutlookHandlers {
  progress(done: number, total: number): void;
  done(result: OutlookResult): void;
  failed(error: string): void;
}

export interface OutlookJob {
  /** Stops the runs at once: the worker is terminated, whatever it was doing. */
  cancel(): void;
}

/** Starts the runs in a worker of their own; one worker per request, ended when it answers or is cancelled. */
export function startOutlook(request: OutlookRequest, on: OutlookHandlers): OutlookJob {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'what-tends-to-happen' });
  let over = false;
  const stop = () => {
    over = true;
    worker.terminate();
  };
  worker.onmessage = ({ data }: MessageEvent<OutlookMessage>) => {
    if (over) return;
    if (data.type === 'progress') on.progress(data.done, data.total);
    else if (data.type === 'done') {
      stop();
      on.done({ report: data.report, csv: data.csv, ms: data.ms });
    } else {
      stop();
      on.failed(data.error);
    }
  };
  worker.onerror = (event) => {
    // Handled here and said on the page; not left to surface as an uncaught error.
    event.preventDefault();
    if (over) return;
    stop();
    on.failed(event.message || 'the background runs could not start');
  };
  worker.postMessage(request);
  return { cancel: stop };
}
