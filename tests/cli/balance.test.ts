import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';
import { FIXTURE } from '../support/scenarios.ts';
import { libraryFiles } from '../../src/node/scenario-folder.ts';

const probe = 'tests/fixtures/balance/balance_probe.yaml';

/** request_for_help with Russia given no interest in sending troops: at war, it refuses them (a veto, as they need its effort). */
const russiaRefuses = join(mkdtempSync(join(tmpdir(), 'article-four-balance-')), 'request_for_help.yaml');
const refusingText = FIXTURE.text.replace(/^( {10}RU: \{ interest: )\d+,/m, '$10,');
writeFileSync(russiaRefuses, refusingText);

describe('balance', () => {
  it("should print each scenario's balance as a table, then a summary line for each", () => {
    expect(refusingText).not.toBe(FIXTURE.text);
    const result = runCli(['balance', probe, russiaRefuses, '--runs', '40', '--plan-seeds', '20']);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(/^balance_probe: A probe of balance \(40 seeds, balance-0 \.\.\. balance-39; plans scored on 20 other seeds\)/);
    expect(out).toMatch(/holds\s+rewarded\s+0\.0%\s+[\d.]+%\s+0\.0%\s+100\.0%/);
    expect(out).toMatch(/planning: the best of all 6 plans/);
    expect(out).toMatch(/first=invest, second=reap/);
    expect(out).toMatch(/first=invest, second=reap\n\s+followed to the letter on every seed/);
    expect(out).toMatch(/historical plan: [\d.]+ on the search seeds, rank 5 of 6/);
    expect(out).toMatch(/decisions with an option best on >= 95% of seeds: 2 of 2/);
    expect(out).toMatch(/second: stall ends as wait does \(40 seeds\)/);
    expect(out).toMatch(
      /Russia on the historical path: objects to 0 and vetoes 1 of \d+ options on the table\n\s+the_call\/send_troops: vetoes on 100\.0% of 40 seeds/,
    );
    expect(out).toMatch(/\nrequest_for_help: A member asks for help/);
    const summary = out.slice(out.indexOf('Summary (40 seeds each)'));
    expect(summary).toMatch(/\nbalance_probe\s+100\.0%\s+[\d.]+-[\d.]+\s+5\/6\s+66\.7% all\s+2\/2\s/);
    expect(summary).toMatch(/\nrequest_for_help\s/);
  });

  it('should print the reports as JSON with --json', () => {
    const result = runCli(['balance', probe, '--runs', '30', '--plan-seeds', '10', '--seed', 'j', '--json']);
    expect(result.code).toBe(0);
    const reports = JSON.parse(result.stdout);
    expect(reports).toHaveLength(1);
    const [report] = reports;
    expect(report).toMatchObject({ scenario: 'balance_probe', runs: 30, seed: 'j' });
    expect(report.plan).toMatchObject({ method: 'exhaustive', space: 6, seeds: 10, best: { first: 'invest', second: 'reap' }, historicalRank: 5 });
    expect(report.inert).toEqual([{ development: 'second', decision: 'stall', as: 'wait', visits: 30 }]);
    expect(report.policies.map((p: { policy: string }) => p.policy)).toEqual(['historical', 'random', 'greedy', 'planning']);
  });

  it('should balance the whole library when no scenario is named', () => {
    const result = runCli(['balance', '--runs', '2', '--plan-seeds', '2', '--json']);
    expect(result.code).toBe(0);
    const library = libraryFiles().map((f) => f.file.replace(/^.*\//, '').replace(/\.yaml$/, ''));
    expect(JSON.parse(result.stdout).map((r: { scenario: string }) => r.scenario)).toEqual(library);
  });

  it.each([
    [['--runs', '0'], /--runs must be a whole number from 1/],
    [['--runs', 'many'], /--runs must be a whole number from 1/],
    [['--plan-seeds', '2.5'], /--plan-seeds must be a whole number from 1/],
    [['no_such_scenario'], /no_such_scenario: no such file, and no scenario with that id/],
  ])('should exit 2 with a message and no stack trace on %j', (args, message) => {
    const result = runCli(['balance', ...(args[0].startsWith('-') ? [probe] : []), ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });
});
