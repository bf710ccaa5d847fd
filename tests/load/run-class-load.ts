import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Scenario } from '../../src/engine/core/scenario.ts';
import { mustLoad, read } from '../support/scenarios.ts';
import { newLedger, runClass, type LoadLedger } from './load-class.ts';
import { LOAD_SCENARIO } from './load-exercise.ts';
import type { LoadSize } from './load-flags.ts';
import { spreadOf, type LoadReport } from './load-figures.ts';
import { startLoadServer, type LoadServer } from './load-server.ts';
import { fileBytes, loadAverage, ProcessSampler } from './server-probe.ts';
import { reachedEveryone, TIMED_MOVES, versionsMissed, type TimedMove } from './state-latency.ts';
import { tableProblems } from './table-check.ts';

const MiB = 1024;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The load run: the real class server in a process of its own on loopback with a fresh database, every
 * class through a whole decision at once, then the figures and the checks. It stops by itself at the
 * deadline (or at once if the server dies), whatever is unfinished, and the report says what that was; the
 * server is stopped either way.
 */
export async function runClassLoad(size: LoadSize, say: (line: string) => void = () => {}): Promise<LoadReport> {
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const deadline = started + size.deadlineSeconds * 1000;
  const before = loadAverage();
  const scenario = mustLoad(read(`scenarios/${LOAD_SCENARIO}.yaml`));
  const ledger = newLedger();
  const server = await startLoadServer();
  const sampler = new ProcessSampler(server.pid);
  const idle = { rssKiB: sampler.sample(), serverCpu: sampler.cpuSeconds, ownCpu: process.cpuUsage() };
  say(`Server ${server.url} (pid ${server.pid}); ${size.classes} classes x ${size.students + 1} clients, at most ${size.deadlineSeconds} s.`);
  const serverDied = server.died.then((how) => {
    ledger.problems.unshift(how);
    return 'server exited' as const;
  });
  try {
    const classes = Array.from({ length: size.classes }, (_, i) =>
      runClass(server.url, scenario, size, i, ledger).catch((error: unknown) => {
        ledger.problems.push(`class ${i + 1}: ${error instanceof Error ? error.message : String(error)}`);
      }),
    );
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, Math.max(0, deadline - performance.now()));
    });
    let endedBy = await Promise.race([Promise.all(classes).then(() => 'finished' as const), timedOut.then(() => 'deadline' as const), serverDied]);
    // Classes refused by a server that has just died may all fail before its exit is noticed: give it a moment.
    if (endedBy !== 'server exited' && ledger.problems.length) endedBy = await Promise.race([serverDied, pause(500).then(() => endedBy)]);
    clearTimeout(timer);
    return report(size, scenario, ledger, server, sampler, { startedAt, started, before, idle, endedBy });
  } finally {
    sampler.stop();
    for (const client of ledger.clients) client.close();
    await server.stop();
  }
}

function report(
  size: LoadSize,
  scenario: Scenario,
  ledger: LoadLedger,
  server: LoadServer,
  sampler: ProcessSampler,
  run: {
    startedAt: string;
    started: number;
    before: number[];
    idle: { rssKiB: number; serverCpu: number; ownCpu: NodeJS.CpuUsage };
    endedBy: LoadReport['endedBy'];
  },
): LoadReport {
  const durationMs = performance.now() - run.started;
  const rssEnd = sampler.sample();
  const serverCpu = sampler.cpuSeconds - run.idle.serverCpu;
  const ownCpu = process.cpuUsage(run.idle.ownCpu);
  const reach = Object.fromEntries(TIMED_MOVES.map((m) => [m, [] as number[]])) as Record<TimedMove, number[]>;
  let statesMissed = 0;
  for (const { sent, track } of ledger.moves) {
    const { latencyMs } = reachedEveryone(sent, track.clients);
    if (latencyMs !== null) reach[sent.move].push(latencyMs);
  }
  const finished = ledger.tables.filter((t) => t.done);
  const problems = [...ledger.problems];
  let replayedAsChosen = 0;
  for (const track of finished) {
    const last = track.final?.version ?? 0;
    for (const client of track.clients) statesMissed += versionsMissed(client, track.table, track.councilVersion ?? last, last);
    const found = tableProblems(scenario, track);
    if (!found.length) replayedAsChosen++;
    problems.push(...found);
  }
  return {
    size,
    clients: size.classes * (size.students + 1),
    startedAt: run.startedAt,
    durationMs,
    endedBy: run.endedBy,
    loadAverage: { before: run.before, after: loadAverage() },
    cores: availableParallelism(),
    server: {
      pid: server.pid,
      rssIdleMiB: run.idle.rssKiB / MiB,
      rssPeakMiB: sampler.peakKiB / MiB,
      rssEndMiB: rssEnd / MiB,
      databaseBytes: fileBytes(server.dataFile),
      walBytes: fileBytes(`${server.dataFile}-wal`),
      cpuSeconds: serverCpu,
    },
    loadClientCpuSeconds: (ownCpu.user + ownCpu.system) / 1e6,
    joinMs: spreadOf(ledger.joinMs),
    reachEveryoneMs: Object.fromEntries(TIMED_MOVES.map((m) => [m, spreadOf(reach[m])])) as LoadReport['reachEveryoneMs'],
    tables: { total: size.classes * size.tables, finished: finished.length, replayedAsChosen },
    statesMissed,
    connectionsDropped: ledger.clients.reduce((n, c) => n + c.dropped, 0),
    unfinished: unfinished(size, ledger),
    problems,
  };
}

/** Every table that did not reach the next briefing on every screen, and where it stood. */
function unfinished(size: LoadSize, ledger: LoadLedger): string[] {
  const lines: string[] = [];
  for (let c = 0; c < size.classes; c++) {
    for (let t = 1; t <= size.tables; t++) {
      const track = ledger.tables.find((x) => x.classIndex === c && x.table === t);
      if (!track?.done) lines.push(`class ${c + 1} table ${t}: ${track?.stage ?? 'class not started'}`);
    }
  }
  return lines;
}
