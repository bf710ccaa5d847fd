import { describe, expect, it } from 'vitest';
import { checkBareLoop, SOURCE_ROOT, workload } from '../bench/bare-loop-check.ts';

/**
 * The benchmark measures the engine against a hand-written loop that keeps the same books. That is only
 * a measure if the two agree: when the engine's rules of play change, this says so before the figures lie.
 */
describe("the benchmark's bare loop", () => {
  it("should end every run of the workload in the engine's whole world, under the historical and random policies and with leverage", () => {
    const coverage = checkBareLoop(workload(SOURCE_ROOT), 1000);
    expect(coverage.runs).toBe(3000);
    // The check means something only if the runs go through leverage and its debts, an option off the table, and both branches.
    expect(coverage.leverageTaken).toBeGreaterThan(100);
    expect(coverage.membersBought).toBeGreaterThan(coverage.leverageTaken);
    expect(coverage.optionOffTable).toBeGreaterThan(10);
    expect(coverage.ceasefires).toBeGreaterThan(100);
    expect(coverage.ceasefires).toBeLessThan(coverage.runs);
    expect(Object.keys(coverage.endings).length).toBeGreaterThan(1);
  });
});
