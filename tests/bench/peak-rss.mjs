// This process's peak resident memory in MB (threads included: they share it), from /proc's VmHWM, which
// starts afresh with each program. getrusage's maxRSS does not on Linux: a spawned process keeps the peak of
// the one that spawned it, so after the bench's other suites had grown the bench's own process, every probe
// measured that instead of itself (a 400 MB parent made a 79 MB command read 404 MB).
import { readFileSync } from 'node:fs';

export function peakMegabytes() {
  try {
    const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
    if (Number.isFinite(kb) && kb > 0) return kb / 1024;
  } catch {
    // Not Linux: getrusage is the best there is.
  }
  return process.resourceUsage().maxRSS / 1024;
}
