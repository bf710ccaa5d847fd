import { readFileSync, statSync } from 'node:fs';

/**
 * What the load run reads of the machine and the server process from /proc: the process's resident memory
 * (sampled for its peak, and the kernel's own high-water mark) and CPU time, the load average, the database file's size.
 */
export class ProcessSampler {
  peakKiB = 0;
  /** The CPU seconds the process had used at the last sample it was alive for. */
  cpuSeconds = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    everyMs = 200,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  /** The process's resident set now, in KiB (0 once it has gone). */
  sample(): number {
    const rss = statusField(this.pid, 'VmRSS');
    this.peakKiB = Math.max(this.peakKiB, rss, statusField(this.pid, 'VmHWM'));
    this.cpuSeconds = Math.max(this.cpuSeconds, cpuSeconds(this.pid));
    return rss;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

function statusField(pid: number, field: string): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${field}:`));
    return Number(line?.match(/(\d+)\s*kB/)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Linux's clock ticks per second for /proc's CPU times (USER_HZ, 100 on every Linux this runs on). */
const TICKS_PER_SECOND = 100;

/** CPU seconds a process has used, user and system together (0 once it has gone). */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command's name (which may hold spaces, inside parentheses): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The 1-, 5- and 15-minute load averages. */
export function loadAverage(): [number, number, number] {
  const [one, five, fifteen] = readFileSync('/proc/loadavg', 'utf8').split(' ').map(Number);
  return [one ?? 0, five ?? 0, fifteen ?? 0];
}

/** A file's size in bytes, 0 when there is none (SQLite's write-ahead log may not exist yet). */
export function fileBytes(path: string): number {
  return statSync(path, { throwIfNoEntry: false })?.size ?? 0;
}
