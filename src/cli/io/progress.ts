import { SingleBar, Presets } from 'cli-progress';

/** A progress bar on stderr for long runs; silent when stderr is not a terminal (logs, pipes, CI). */
export function progressBar(total: number, unit: string): { update: (done: number) => void; stop: () => void } {
  if (!process.stderr.isTTY || total < 2000) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar(
    { stream: process.stderr, format: `{bar} {percentage}% | {value}/{total} ${unit} | {eta_formatted} left`, hideCursor: true, clearOnComplete: true },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  let last = 0;
  return {
    update(done) {
      // Redrawing on every run would cost more than the runs: every 1% is enough.
      if (done - last >= total / 100 || done === total) {
        bar.update(done);
        last = done;
      }
    },
    stop: () => bar.stop(),
  };
}
