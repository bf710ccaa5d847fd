import { describe, expect, it } from 'vitest';
import { fork } from '../../src/engine/analysis/fork.ts';
import { runHeader } from '../../src/engine/analysis/run-rows.ts';
import { recordOf } from '../../src/engine/play/record.ts';
import { decide, parseDecision, startRun } from '../../src/engine/play/run.ts';
import { loadScenario } from '../../src/engine/authoring/load.ts';
import { formatProblem } from '../../src/engine/authoring/format/problem.ts';
import { firstDivergence } from '../../src/ui/compare/divergence.ts';
import { planOutlook } from '../../src/engine/analysis/outlook-plan.ts';
import { SUMMARY_COLUMNS, summaryCsv } from '../../src/ui/outlook/summary-csv.ts';
import { readProjectFile, rulesFile } from '../../src/node/scenario-folder.ts';

const rules = rulesFile();
const path = 'tests/fixtures/scenarios/request_for_help.yaml';
const loaded = loadScenario(readProjectFile(path), rules);
if (!loaded.ok) throw new Error(loaded.error.map(formatProblem).join('\n'));
const scenario = loaded.value;

function played(seed: string, decisions: string[]) {
  const run = startRun(scenario, seed, { recordCauses: false });
  for (const d of decisions) decide(run, parseDecision(d));
  return run;
}

describe('the first divergence', () => {
  it('should find the first decision taken differently, leverage included', () => {
    const a = played('d', ['stay_silent', 'vague_declaration']).world.decisions;
    const b = played('d', ['fact_finding']).world.decisions;
    expect(firstDivergence(a, b)).toBe(0);
    expect(firstDivergence(a, a)).toBeNull();
    expect(firstDivergence(a, a.slice(0, 1))).toBeNull();
    expect(firstDivergence(a, [{ ...a[0], leverage: true }])).toBe(0);
    expect(firstDivergence([], a)).toBeNull();
  });
});

describe('what tends to happen: the plan', () => {
  it('should put what the run chose first at a decision it took, then every other choice the Council had', () => {
    const record = recordOf(played('p', ['stay_silent', 'vague_declaration']));
    const planned = planOutlook(scenario, record, 1);
    if (!planned.ok) throw new Error(planned.error);
    const plan = planned.value;
    expect(plan.pending).toBe(false);
    expect(plan.arms.map((a) => a.decision)).toEqual(['stay_silent', 'send_troops+leverage', 'fact_finding']);
    expect(plan.arms[0].chosen).toBe(true);
    expect(plan.arms.find((a) => a.decision === 'fact_finding')?.historical).toBe(true);
    expect(plan.arms[1].label).toBe("Send troops, with Moscow's leverage");
    // Sending troops is vetoed as it stands but passes with leverage: played that way, not left out.
    expect(plan.leftOut).toEqual([]);
    expect(plan.record.decisions).toEqual(['stay_silent']);
    expect(plan.seed).toBe('p');
  });

  it('should measure against the historical choice at the decision being taken now', () => {
    const record = recordOf(played('q', []));
    const planned = planOutlook(scenario, record, 1);
    if (!planned.ok) throw new Error(planned.error);
    expect(planned.value.pending).toBe(true);
    expect(planned.value.arms[0]).toMatchObject({ decision: 'fact_finding', chosen: false, historical: true });
    expect(planned.value.record.decisions).toEqual(['fact_finding']);
  });

  it.each([
    [0, /no decision 0/],
    [4, /no decision 4/],
    [3, /ended after decision 2/],
  ])('should refuse decision %i of a two-decision run that has ended', (at, error) => {
    const record = recordOf(played('r', ['stay_silent', 'vague_declaration']));
    const planned = planOutlook(scenario, record, at);
    expect(planned.ok).toBe(false);
    if (!planned.ok) expect(planned.error).toMatch(error);
  });

  it('should feed the engine’s fork exactly, and export a row per quantity and choice', () => {
    const record = recordOf(played('s', ['stay_silent', 'vague_declaration']));
    const planned = planOutlook(scenario, record, 1, 50);
    if (!planned.ok) throw new Error(planned.error);
    const plan = planned.value;
    let rows = 0;
    const report = fork(scenario, plan.record, {
      at: plan.at,
      alternatives: plan.arms.slice(1).map((a) => a.decision),
      runs: plan.runs,
      seed: plan.seed,
      onRun: () => rows++,
    });
    expect(report.policies).toEqual(plan.arms.map((a) => a.decision));
    expect(rows).toBe(50 * plan.arms.length);
    const csv = summaryCsv(report).trim().split('\n');
    expect(csv[0]).toBe(SUMMARY_COLUMNS.join(','));
    expect(csv.length - 1).toBe((report.outcomes.length + report.metrics.length) * plan.arms.length);
    expect(runHeader(scenario, 'option').slice(0, 4)).toEqual(['option', 'run', 'seed', 'ending']);
  });
});
