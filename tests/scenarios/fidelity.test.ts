import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/engine/analysis/check.ts';
import { fidelity } from '../../src/engine/analysis/fidelity.ts';
import { formatProblem } from '../../src/engine/authoring/format/problem.ts';
import { library } from './library.ts';

const entries = library();

describe('the scenario library', () => {
  it('should load every file without a problem', () => {
    const problems = entries.flatMap((e) => (e.ok ? [] : e.error.map(formatProblem)));
    expect(problems).toEqual([]);
    expect(entries.length).toBeGreaterThanOrEqual(8);
  });

  it('should have at least three options at every decision and a historical one at most decisions', () => {
    for (const entry of entries) {
      if (!entry.ok) throw new Error(`${entry.file} does not load`);
      const s = entry.value;
      for (const id of s.order) {
        const d = s.developments[id];
        expect(d.options.length, `${s.id}/${id}`).toBeGreaterThanOrEqual(3);
      }
      const marked = s.order.filter((id) => s.developments[id].options.some((o) => o.historical)).length;
      expect(marked / s.order.length, s.id).toBeGreaterThanOrEqual(0.5);
    }
  });

  for (const entry of entries) {
    if (!entry.ok) continue;
    const scenario = entry.value;
    describe(scenario.id, () => {
      it('should reach every development, option and ending, with no dead end', () => {
        const report = checkScenario(scenario, 1000, 'library');
        expect(report.problems).toEqual([]);
      });

      it('should reproduce each documented outcome in at least 80% of 1,000 historical runs', () => {
        const report = fidelity(scenario, 1000, 'library');
        expect(report.expectations.length).toBeGreaterThan(0);
        for (const e of report.expectations) expect(e.share, `${e.id}: ${e.text}`).toBeGreaterThanOrEqual(0.8);
      });
    });
  }
});
