import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/node/scenario-folder.ts';
import { passed } from './load-figures.ts';
import { readLoadFlags } from './load-flags.ts';
import { runClassLoad } from './run-class-load.ts';

describe('the load run', () => {
  it('should take two classes of a teacher and six students through a whole decision, every state reaching every screen', async () => {
    const report = await runClassLoad({ classes: 2, students: 6, tables: 1, deadlineSeconds: 60 });
    expect(report.unfinished).toEqual([]);
    expect(report.problems).toEqual([]);
    expect(report.tables).toEqual({ total: 2, finished: 2, replayedAsChosen: 2 });
    expect(report.statesMissed).toBe(0);
    expect(report.connectionsDropped).toBe(0);
    expect(report.joinMs.count).toBe(12);
    // Four options, six members held by four teams: 24 declarations a table, each seen by the table's six students and the teacher.
    expect(report.reachEveryoneMs.declare.count).toBe(48);
    for (const move of ['council', 'choose', 'reveal', 'next'] as const) expect(report.reachEveryoneMs[move].count).toBe(2);
    expect(report.server.rssPeakMiB).toBeGreaterThan(0);
    expect(report.server.databaseBytes + report.server.walBytes).toBeGreaterThan(0);
    expect(passed(report)).toBe(true);
  });

  it('should refuse a bad flag with a sentence and exit 2', () => {
    expect(readLoadFlags(['--classes', 'many'])).toEqual({ ok: false, error: "--classes takes a whole number from 1 to 500, not 'many'." });
    expect(readLoadFlags(['--students', '8', '--tables', '2'])).toMatchObject({ ok: false, error: expect.stringMatching(/each table needs at least 5/) });
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'tests/load/class-load.ts', '--rooms', '3'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Unknown option '--rooms'/);
  });
});
