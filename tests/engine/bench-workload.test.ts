import { describe, expect, it } from 'vitest';
import { checkBareLoop, workload } from '../bench/engine.ts';

/**
 * The benchmark measures the engine against a hand-written loop over the same arithmetic. That is only
 * a measure if the two agree: when the engine's rules of play change, this says so before the figures lie.
 */
describe("the benchmark's bare loop", () => {
  it("should end every run of the workload's historical path in the engine's world", () => {
    expect(() => checkBareLoop(workload(), 2000)).not.toThrow();
  });
});
