import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { nodeBundleConfig } from '../../src/build/cli-bundle.ts';
import { SOURCE_ROOT } from './bare-loop-check.ts';
import type { EngineFigures } from './engine-figures.ts';
import type { Figure } from './figure.ts';

/**
 * The engine's figures (see engine-figures.ts), measured from a plain bundle run by `node`, as the
 * command line runs, not under tsx, whose function-name wrapping slows the hot loops. The bundle is
 * built the way the command line's is, into a folder of its own under dist/ (inside the project, where
 * the bundle finds the scenario library), and removed afterwards.
 */
export async function engineBench(): Promise<Figure[]> {
  mkdirSync(join(SOURCE_ROOT, 'dist'), { recursive: true });
  const folder = mkdtempSync(join(SOURCE_ROOT, 'dist/bench-'));
  try {
    await build({ ...nodeBundleConfig(SOURCE_ROOT, 'tests/bench/engine-figures.ts', folder, 'engine-figures.js'), configFile: false });
    const measured = spawnSync(process.execPath, [join(folder, 'engine-figures.js')], { cwd: SOURCE_ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
    if (measured.status !== 0) throw new Error(`the engine's bench failed: ${measured.stderr.slice(0, 2000)}`);
    const f = JSON.parse(measured.stdout) as EngineFigures;
    const c = f.coverage;
    process.stderr.write(
      `bare loop checked equal to the engine on ${c.runs.toLocaleString('en-US')} runs (historical, random, leverage): ` +
        `${c.decisions.toLocaleString('en-US')} decisions, leverage possible at ${c.leveragePossible.toLocaleString('en-US')} and taken at ${c.leverageTaken.toLocaleString('en-US')} ` +
        `(${c.membersBought.toLocaleString('en-US')} members bought), an option off the table at ${c.optionOffTable.toLocaleString('en-US')}, ` +
        `vetoes at ${c.vetoed.toLocaleString('en-US')}, ${c.ceasefires.toLocaleString('en-US')} ceasefires, ${c.reactions.toLocaleString('en-US')} reactions, endings ${JSON.stringify(c.endings)}\n`,
    );
    return [
      { name: 'engine: decisions/s, batch path (playOut, no causes)', value: f.batch, unit: '/s', goal: { kind: 'min', value: 300_000 } },
      { name: `engine: decisions/s, batch path on ${f.campaignId}`, value: f.campaign, unit: '/s', goal: { kind: 'min', value: 220_000 } },
      { name: 'engine: decisions/s, xstate machine', value: f.machine, unit: '/s' },
      { name: 'engine: decisions/s, bare loop (the limit)', value: f.bare, unit: '/s' },
      { name: 'engine: bare loop / batch path', value: f.bare / f.batch, unit: 'x', goal: { kind: 'max', value: 2 } },
      { name: 'engine: batch path / xstate machine', value: f.batch / f.machine, unit: 'x' },
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
