import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

/**
 * A batch's report is the same whatever the number of threads: the seeds are cut into fixed chunks
 * (250 seeds) and the parts merged in chunk order. 510 seeds make three chunks, the last one short, so
 * two threads hand their parts back out of order.
 */
const fixture = 'tests/fixtures/scenarios/request_for_help.yaml';
const dir = mkdtempSync(join(tmpdir(), 'article-four-workers-'));

/** Runs a command with 1 and 2 workers; returns the three results and any files each wrote (named by `files(workers)`). */
function acrossWorkers(args: (workers: number) => string[], files: (workers: number) => string[] = () => []) {
  return [1, 2].map((workers) => {
    const result = runCli([...args(workers), '--workers', String(workers)]);
    return { ...result, files: files(workers).map((f) => readFileSync(f, 'utf8')) };
  });
}

function expectIdentical(results: ReturnType<typeof acrossWorkers>) {
  const [one, ...others] = results;
  expect(one?.stdout.length).toBeGreaterThan(0);
  for (const other of others) {
    expect(other.code).toBe(one?.code);
    expect(other.stdout).toBe(one?.stdout);
    expect(other.files).toEqual(one?.files);
  }
}

describe('batch commands over threads', () => {
  it('fidelity: the same report (JSON, from which the text is written), with 1 and 2 workers', () => {
    expectIdentical(acrossWorkers(() => ['fidelity', fixture, '--runs', '510', '--json']));
  });

  it('fidelity and check of several scenarios, played as one batch: the same reports with 1 and 2 workers', () => {
    const both = [fixture, 'tests/fixtures/scenarios/border_clash.yaml'];
    expectIdentical(acrossWorkers(() => ['fidelity', ...both, '--runs', '300']));
    expectIdentical(acrossWorkers(() => ['check', ...both, '--plays', '300']));
  });

  it('check: the same report (JSON, from which the text is written), with 1 and 2 workers', () => {
    expectIdentical(acrossWorkers(() => ['check', fixture, '--plays', '510', '--json']));
  });

  it('compare: the same JSON, CSV and SVG with 1 and 2 workers', () => {
    const policies = ['--policy', 'historical', '--policy', 'random'];
    const file = (workers: number, ext: string) => join(dir, `compare-${workers}.${ext}`);
    const results = acrossWorkers(
      (w) => ['compare', fixture, ...policies, '--runs', '510', '--json', '--csv', file(w, 'csv'), '--svg', file(w, 'svg')],
      (w) => [file(w, 'csv'), file(w, 'svg')],
    );
    expectIdentical(results);
    expect(results[0]?.files[0]?.trim().split('\n')).toHaveLength(1 + 2 * 510);
  });

  it('fork: the same JSON and SVG, with 1 and 2 workers', () => {
    const record = join(dir, 'run.json');
    expect(runCli(['run', fixture, '--seed', '7', '--historical', '--record', record]).code).toBe(0);
    const fork = ['fork', record, '--scenario', fixture, '--at', '1', '--options', 'stay_silent', '--runs', '510'];
    const svg = (workers: number) => join(dir, `fork-${workers}.svg`);
    expectIdentical(
      acrossWorkers(
        (w) => [...fork, '--json', '--svg', svg(w)],
        (w) => [svg(w)],
      ),
    );
  });

  it('sensitivity: the same ranking as JSON and SVG, with 1 and 2 workers (a chunk per setting)', () => {
    const sensitivity = ['sensitivity', fixture, '--outcome', 'AM.loyalty', '--runs', '10'];
    const svg = (workers: number) => join(dir, `tornado-${workers}.svg`);
    expectIdentical(
      acrossWorkers(
        (w) => [...sensitivity, '--json', '--svg', svg(w)],
        (w) => [svg(w)],
      ),
    );
  });

  it('balance: the same report as JSON, with 1 and 2 workers (the plan search in the main thread)', () => {
    const balance = ['balance', fixture, '--runs', '510', '--plan-seeds', '20'];
    expectIdentical(acrossWorkers(() => [...balance, '--json']));
  }, 180_000);

  for (const bad of ['0', 'abc', '1e9']) {
    it(`should refuse --workers ${bad} with exit 2, naming the bounds`, () => {
      const result = runCli(['fidelity', fixture, '--runs', '10', '--workers', bad]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--workers must be a whole number from 1 to 256 (got '${bad}')`);
    });
  }
});
