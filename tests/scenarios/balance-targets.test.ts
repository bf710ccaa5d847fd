import { beforeAll, describe, expect, it } from 'vitest';
import { balance, type BalanceReport } from '../../src/engine/analysis/balance.ts';
import { libraryTargets, TARGETS, type LibraryTargets } from '../../src/engine/analysis/balance-targets.ts';
import { sized } from '../support/tier.ts';
import { library } from './library.ts';

/**
 * The library is a game, not a story that plays itself (design.md, "What makes it a game"): measured
 * with the balance report, on every file, against the targets it prints.
 */
const scenarios = library().flatMap((e) => (e.ok ? [e.value] : []));
const RUNS = sized(200, 1000);
const PLAN_SEEDS = sized(20, 100);
/** A campaign costs as much as all its chapters together: per commit it is measured on fewer seeds. */
const CAMPAIGN_RUNS = sized(40, 1000);

let reports: BalanceReport[] = [];
let lib: LibraryTargets;

beforeAll(() => {
  reports = scenarios.map((s) => balance(s, { runs: s.chapters.length ? CAMPAIGN_RUNS : RUNS, seed: 'balance', planSeeds: PLAN_SEEDS }));
  lib = libraryTargets(reports);
}, 600_000);

const figures = (pick: (f: LibraryTargets['files'][number]) => number) =>
  Object.fromEntries(lib.files.map((f) => [f.scenario, Math.round(pick(f) * 1000) / 1000]));

describe(`the library's balance, ${RUNS} seeds a file`, () => {
  it(`should give greedy a most frequent ending of at most ${TARGETS.greedyModalMax * 100}% in at least ${TARGETS.greedyFiles} files`, () => {
    expect(lib.greedyVaried, JSON.stringify(figures((f) => f.greedyModal))).toBeGreaterThanOrEqual(TARGETS.greedyFiles);
  });

  it(`should let planning beat greedy by ${TARGETS.planningGainMin} points of cohesion in at least ${TARGETS.greedyFiles} files`, () => {
    expect(lib.planningPays, JSON.stringify(figures((f) => f.planningGain))).toBeGreaterThanOrEqual(TARGETS.greedyFiles);
  });

  it(`should give the historical path its most frequent ending on at most ${TARGETS.historicalModalMax * 100}% of seeds in at least ${TARGETS.historicalFiles} files`, () => {
    expect(lib.historicalVaried, JSON.stringify(figures((f) => f.historicalModal))).toBeGreaterThanOrEqual(TARGETS.historicalFiles);
  });

  it('should leave at most a third of each file’s decisions with an option best on nearly every seed', () => {
    expect(lib.files.filter((f) => !f.every.dominance).map((f) => `${f.scenario} ${f.dominance}`)).toEqual([]);
  });

  it('should end with Russia the most loyal member under every policy, in every file', () => {
    expect(lib.files.filter((f) => !f.every.russiaTop).map((f) => `${f.scenario}: ${f.russiaNotTop.join(', ')}`)).toEqual([]);
  });

  it('should reach every ending of every file under one policy or another', () => {
    const unreached = reports.flatMap((r) =>
      (r.policies[0]?.endings ?? [])
        .filter((e) => r.policies.every((p) => (p.endings.find((x) => x.id === e.id)?.share ?? 0) === 0))
        .map((e) => `${r.scenario}/${e.id}`),
    );
    expect(unreached).toEqual([]);
  });

  it(`should end at most ${TARGETS.pinnedMax * 100}% of runs with a member value at exactly 0 or 100, under every policy`, () => {
    expect(lib.files.filter((f) => !f.every.pinned).map((f) => `${f.scenario} ${f.pinned}`)).toEqual([]);
  });
});
