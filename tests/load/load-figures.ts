import type { LoadSize } from './load-flags.ts';
import type { TimedMove } from './state-latency.ts';

/** A distribution of times in milliseconds: how many, the median, the 95th percentile and the slowest. */
export interface Spread {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentiles, so every figure is one that was measured. */
export function spreadOf(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
  return { count: sorted.length, p50: rank(0.5), p95: rank(0.95), max: sorted[sorted.length - 1] ?? 0 };
}

/** What a load run measured and found, as printed and as written to JSON. */
export interface LoadReport {
  size: LoadSize;
  clients: number;
  startedAt: string;
  durationMs: number;
  /** Whether every class finished, or the deadline or the server's death stopped the run. */
  endedBy: 'finished' | 'deadline' | 'server exited';
  /** The machine's load average (1, 5, 15 minutes) before the run and as it ended. */
  loadAverage: { before: number[]; after: number[] };
  cores: number;
  /** The server process: its resident memory once listening, at its peak and at the end; its files; the CPU it used during the run. */
  server: { pid: number; rssIdleMiB: number; rssPeakMiB: number; rssEndMiB: number; databaseBytes: number; walBytes: number; cpuSeconds: number };
  /** CPU the load run's own process used (every client's sockets and the engine's replays for the chairs' choices), on the same cores. */
  loadClientCpuSeconds: number;
  /** A student's `student.join`, from sending to acknowledgement. */
  joinMs: Spread;
  /** Each move, from sending to the moment the last client at its table (and the teacher) held its state. */
  reachEveryoneMs: Record<TimedMove, Spread>;
  tables: { total: number; finished: number; replayedAsChosen: number };
  /** Clients that never received a state of their table (from the Council's opening on), counted once per state. */
  statesMissed: number;
  connectionsDropped: number;
  /** What did not finish by the deadline, table by table. */
  unfinished: string[];
  problems: string[];
}

export function passed(report: LoadReport): boolean {
  return !report.unfinished.length && !report.problems.length && report.statesMissed === 0 && report.connectionsDropped === 0;
}

const MOVE_NAMES: Record<TimedMove, string> = {
  council: 'Council opened (all tables)',
  declare: 'a declaration',
  choose: "the chair's choice",
  reveal: 'reveal',
  next: 'on to the next briefing',
};

/** The report as a table for a terminal. */
export function reportLines(report: LoadReport): string[] {
  const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(11);
  const row = (name: string, s: Spread) =>
    `  ${name.padEnd(44)}${String(s.count).padStart(7)}${s.count ? `${ms(s.p50)}${ms(s.p95)}${ms(s.max)}` : '-'.padStart(11).repeat(3)}`;
  const { size, server } = report;
  return [
    `${size.classes} classes x ${size.students + 1} clients (${size.tables} tables a class): ${report.clients} clients, ${(report.durationMs / 1000).toFixed(1)} s (${report.endedBy})`,
    `  ${'time from sending to everyone at the table'.padEnd(44)}${'count'.padStart(7)}${'p50'.padStart(11)}${'p95'.padStart(11)}${'max'.padStart(11)}`,
    row('a student joins (to its acknowledgement)', report.joinMs),
    ...(Object.keys(MOVE_NAMES) as TimedMove[]).map((m) => row(MOVE_NAMES[m], report.reachEveryoneMs[m])),
    `  server memory (RSS): ${server.rssIdleMiB.toFixed(1)} MiB listening, peak ${server.rssPeakMiB.toFixed(1)} MiB, at the end ${server.rssEndMiB.toFixed(1)} MiB (every client still connected)`,
    `  CPU: server ${server.cpuSeconds.toFixed(1)} s, load clients ${report.loadClientCpuSeconds.toFixed(1)} s, in ${(report.durationMs / 1000).toFixed(1)} s: ${((server.cpuSeconds + report.loadClientCpuSeconds) / (report.durationMs / 1000)).toFixed(1)} of ${report.cores} cores (the rest went to other work, or waiting)`,
    `  database: ${(server.databaseBytes / 1024).toFixed(0)} KiB, write-ahead log ${(server.walBytes / 1024).toFixed(0)} KiB`,
    `  load average (1, 5, 15 min) on ${report.cores} cores: before ${report.loadAverage.before.join(' ')}, after ${report.loadAverage.after.join(' ')}`,
    `  tables finished ${report.tables.finished} of ${report.tables.total}, replayed as chosen ${report.tables.replayedAsChosen}; states missed ${report.statesMissed}; connections dropped ${report.connectionsDropped}`,
    ...unfinishedLines(report.unfinished),
    ...report.problems.slice(0, 10).map((p) => `  problem: ${p}`),
    ...(report.problems.length > 10 ? [`  ... and ${report.problems.length - 10} more problems (in the JSON)`] : []),
  ];
}

/** The unfinished tables by where they stood, a few named each: a stalled run can leave hundreds. */
function unfinishedLines(unfinished: string[]): string[] {
  const byStage = new Map<string, string[]>();
  for (const line of unfinished) {
    const [table, stage] = line.split(': ', 2) as [string, string];
    byStage.set(stage, [...(byStage.get(stage) ?? []), table]);
  }
  return [...byStage].map(
    ([stage, tables]) => `  unfinished, ${stage}: ${tables.length} (${tables.slice(0, 4).join(', ')}${tables.length > 4 ? ', ...' : ''})`,
  );
}
