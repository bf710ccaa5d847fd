import { describe, expect, it } from 'vitest';
import { compare } from '../../src/engine/analysis/compare.ts';
import { fork } from '../../src/engine/analysis/fork.ts';
import { Histogram, METER_DIFFERENCE, Moments, SHARE_DIFFERENCE, wilson } from '../../src/engine/analysis/stats.ts';
import { playOut } from '../../src/engine/play/batch.ts';
import { fixedPolicy, historicalPolicy, randomPolicy } from '../../src/engine/play/policies.ts';
import { loadPolicyFile } from '../../src/engine/play/policy-file.ts';
import { recordOf } from '../../src/engine/play/record.ts';
import { loadScenario } from '../../src/engine/authoring/load.ts';
import { formatProblem } from '../../src/engine/authoring/format/problem.ts';
import { readProjectFile, rulesFile } from '../../src/node/scenario-folder.ts';

const rules = rulesFile();
const fixturePath = 'tests/fixtures/scenarios/request_for_help.yaml';
const loaded = loadScenario(readProjectFile(fixturePath), rules);
if (!loaded.ok) throw new Error(loaded.error.map(formatProblem).join('\n'));
const scenario = loaded.value;

describe('intervals', () => {
  it('should give the Wilson interval of a known case', () => {
    // 50 of 100: the textbook Wilson 95% interval is 0.4038 to 0.5962.
    const i = wilson(50, 100);
    expect(i.estimate).toBe(0.5);
    expect(i.lo).toBeCloseTo(0.4038, 4);
    expect(i.hi).toBeCloseTo(0.5962, 4);
  });

  it('should keep the Wilson interval inside [0, 1] at the edges', () => {
    const none = wilson(0, 20);
    expect(none.lo).toBe(0);
    expect(none.hi).toBeCloseTo(0.1611, 4);
    const all = wilson(20, 20);
    expect(all.hi).toBe(1);
    expect(all.lo).toBeCloseTo(0.8389, 4);
  });

  it('should give the mean, sample variance and normal interval of known numbers', () => {
    const m = new Moments();
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) m.add(x);
    expect(m.mean).toBe(5);
    expect(m.variance()).toBeCloseTo(32 / 7, 10);
    const half = 1.959963984540054 * Math.sqrt(32 / 7 / 8);
    expect(m.interval().lo).toBeCloseTo(5 - half, 10);
    expect(m.interval().hi).toBeCloseTo(5 + half, 10);
  });

  it('should cut the interval of a difference of shares to what can happen, -1 to 1', () => {
    // 999 runs of 1,000 go from an ending to not reaching it, one stays: the difference is -0.999, and
    // the normal interval (about ±0.002) would reach below -1, a share falling by more than all of it.
    const m = new Moments();
    for (let i = 0; i < 1000; i++) m.add(i === 0 ? 0 : -1);
    expect(m.interval().lo).toBeLessThan(-1);
    const cut = m.interval(SHARE_DIFFERENCE);
    expect(cut.estimate).toBeCloseTo(-0.999, 12);
    expect(cut.lo).toBe(-1);
    expect(cut.hi).toBeGreaterThan(-0.999);
    expect(cut.hi).toBeLessThan(-0.99);
    const up = new Moments();
    for (let i = 0; i < 1000; i++) up.add(i === 0 ? 0 : 100);
    expect(up.interval(METER_DIFFERENCE).hi).toBe(100);
  });

  it('should read percentiles from the streaming histogram to a tenth', () => {
    const h = new Histogram();
    for (let i = 1; i <= 100; i++) h.add(i - 0.5);
    expect(h.quantile(0.1)).toBe(9.5);
    expect(h.quantile(0.5)).toBe(49.5);
    expect(h.quantile(0.9)).toBe(89.5);
    expect(h.mean()).toBeCloseTo(50, 10);
  });
});

describe('compare', () => {
  it('should give the identical report twice for the same seeds and policies', () => {
    const a = compare(scenario, [historicalPolicy, randomPolicy], { runs: 300, seed: 'twice' });
    const b = compare(scenario, [historicalPolicy, randomPolicy], { runs: 300, seed: 'twice' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('should keep every difference within what its quantities allow', () => {
    const report = compare(scenario, [historicalPolicy, randomPolicy, fixedPolicy({ the_call: 'send_troops+leverage' }, 'answer')], {
      runs: 200,
      seed: 'bounds',
    });
    for (const row of report.outcomes)
      for (const d of row.difference) {
        expect(d.lo).toBeGreaterThanOrEqual(-1);
        expect(d.hi).toBeLessThanOrEqual(1);
      }
    for (const row of report.metrics)
      for (const d of row.difference) {
        expect(d.lo).toBeGreaterThanOrEqual(-100);
        expect(d.hi).toBeLessThanOrEqual(100);
      }
  });

  it('should show zero difference between a policy and itself (common random numbers)', () => {
    const report = compare(scenario, [randomPolicy, { ...randomPolicy, name: 'random again' }], { runs: 300, seed: 'crn' });
    for (const row of [...report.outcomes, ...report.metrics]) {
      expect(row.difference[1]).toEqual({ estimate: 0, lo: 0, hi: 0 });
    }
  });

  it('should report the shares and means of the runs it plays, seed "<seed>-<i>" for run i', () => {
    const runs = 2000;
    const report = compare(scenario, [historicalPolicy], { runs, seed: 'half' });
    expect(report.runs).toBe(runs);
    // The same runs played here one by one, counted without compare's aggregation.
    const endings: Record<string, number> = {};
    let reachedCeasefire = 0;
    let loyaltySum = 0;
    for (let i = 0; i < runs; i++) {
      const world = playOut(scenario, `half-${i}`, historicalPolicy).world;
      endings[world.ending!] = (endings[world.ending!] ?? 0) + 1;
      if (world.visited.has('ceasefire')) reachedCeasefire++;
      loyaltySum += world.members.AM.loyalty;
    }
    // After a fact-finding mission, the fixture reaches its ceasefire with chance 0.5.
    expect(Math.abs(reachedCeasefire / runs - 0.5)).toBeLessThan(0.035);
    // More than one ending happens, so matching shares cannot come from a constant.
    expect(Object.keys(endings).length).toBeGreaterThan(1);
    for (const ending of scenario.endings) {
      const row = report.outcomes.find((o) => o.key === `ending:${ending.id}`)!;
      expect(row.byPolicy[0].estimate, ending.id).toBe((endings[ending.id] ?? 0) / runs);
    }
    const loyalty = report.metrics.find((m) => m.key === 'AM.loyalty')!;
    expect(loyalty.byPolicy[0].mean).toBeCloseTo(loyaltySum / runs, 9);
  });

  it('should move Armenia the way the mechanisms say when the Council answers its call, by the paired differences of its runs', () => {
    const runs = 500;
    const answer = fixedPolicy({ the_call: 'send_troops+leverage' }, 'answer');
    const report = compare(scenario, [historicalPolicy, answer], { runs, seed: 'answer' });
    // Each seed played under both policies here, and the differences averaged by hand.
    let loyaltyGain = 0;
    let refusalChange = 0;
    for (let i = 0; i < runs; i++) {
      const historical = playOut(scenario, `answer-${i}`, historicalPolicy).world;
      const answered = playOut(scenario, `answer-${i}`, answer).world;
      loyaltyGain += answered.members.AM.loyalty - historical.members.AM.loyalty;
      const refused = (w: typeof historical) => (w.reacted.has('AM:refuse_declaration') ? 1 : 0);
      refusalChange += refused(answered) - refused(historical);
    }
    const loyalty = report.metrics.find((m) => m.key === 'AM.loyalty')!;
    expect(loyalty.difference[1].estimate).toBeCloseTo(loyaltyGain / runs, 9);
    expect(loyalty.difference[1].lo).toBeGreaterThan(0);
    const refuses = report.outcomes.find((o) => o.key === 'reaction:AM:refuse_declaration')!;
    expect(refuses.difference[1].estimate).toBeCloseTo(refusalChange / runs, 9);
    expect(refuses.difference[1].hi).toBeLessThan(0);
  });
});

describe('fork', () => {
  it('should replay the chosen decision first and compare each alternative on the same futures', () => {
    const record = recordOf(playOut(scenario, 'fork-source', historicalPolicy, { recordCauses: false }));
    const report = fork(scenario, record, { at: 1, alternatives: ['stay_silent', 'send_troops+leverage'], runs: 200, seed: 'f' });
    expect(report.policies).toEqual(['fact_finding', 'stay_silent', 'send_troops+leverage']);
    expect(report.development).toBe('the_call');
    const held = report.outcomes.find((o) => o.key === 'ending:answered')!;
    expect(held.byPolicy[2].estimate).toBe(1);
    expect(held.byPolicy[0].estimate).toBe(0);
  });

  it('should refuse a decision number outside the run', () => {
    const record = recordOf(playOut(scenario, 'x', historicalPolicy));
    expect(() => fork(scenario, record, { at: 9, alternatives: ['stay_silent'], runs: 1, seed: 'f' })).toThrow(/from 1 to 3/);
  });
});

describe('policy files', () => {
  it('should read a three-line policy and play it', () => {
    const text = 'name: answer_armenia\nchoose:\n  the_call: send_troops+leverage\n';
    const policy = loadPolicyFile({ file: 'answer.yaml', text }, scenario);
    expect(policy.ok).toBe(true);
    if (!policy.ok) return;
    const run = playOut(scenario, '1', policy.value);
    expect(run.world.decisions[0]).toEqual({ development: 'the_call', option: 'send_troops', leverage: true });
    expect(run.world.ending).toBe('answered');
  });

  it.each([
    ['an unknown development', 'choose:\n  the_cal: send_troops\n', 2, 3, "no development 'the_cal'"],
    ['an unknown option', 'name: x\nchoose:\n  the_call: send_tanks\n', 3, 13, "no option 'send_tanks'"],
    ['an unknown fallback', 'choose: {}\notherwise: sometimes\n', 2, 12, 'Invalid option'],
    ['another scenario', 'scenario: osh_2010\nchoose: {}\n', 1, 11, "for 'osh_2010'"],
  ])('should point at the line of %s', (_, text, line, col, message) => {
    const result = loadPolicyFile({ file: 'p.yaml', text }, scenario);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error[0]).toMatchObject({ file: 'p.yaml', line, col });
    expect(result.error[0]?.message).toContain(message);
  });
});
