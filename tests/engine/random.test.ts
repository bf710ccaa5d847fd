import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { createRandom, policyRandom, restoreRandom, type RandomState } from '../../src/engine/core/random.ts';

/**
 * A run is its seed and its decisions, so the numbers a seed gives must never change: not with a
 * refactoring of random.ts. Golden values pin them, and seedrandom's Alea, which the engine's is
 * written after, checks them seed by seed.
 */

const draw = (next: () => number, n: number) => Array.from({ length: n }, () => next());

describe('the seeded random stream', () => {
  it('should give the golden numbers for the seed "golden"', () => {
    const random = createRandom('golden');
    expect(draw(() => random.next(), 5)).toEqual([0.2551099988631904, 0.18230165145359933, 0.45072002662345767, 0.023332057520747185, 0.24406899302266538]);
  });

  it('should give the golden numbers for the empty seed', () => {
    const random = createRandom('');
    expect(draw(() => random.next(), 3)).toEqual([0.1666577742435038, 0.4869158477522433, 0.00011322717182338238]);
  });

  it("should give the number seedrandom's documentation publishes for alea('hello.')", () => {
    expect(createRandom('hello.').next()).toBe(0.4783254903741181);
  });

  it('should give a policy stream of its own, with golden numbers, unlike the run stream', () => {
    const policy = policyRandom('golden');
    expect(draw(() => policy.next(), 3)).toEqual([0.5826824323739856, 0.5421711637172848, 0.40908618411049247]);
    const run = createRandom('golden');
    expect(draw(() => run.next(), 3)).not.toEqual([0.5826824323739856, 0.5421711637172848, 0.40908618411049247]);
  });

  it("should give seedrandom's Alea numbers and states for five thousand seeds, a hundred numbers each", () => {
    const seeds = [
      '',
      ' ',
      '\u0000policy',
      'x'.repeat(200),
      '✓✓ ünicode 🙂',
      ...Array.from({ length: 4995 }, (_, i) => (i % 7 === 0 ? `seed with spaces ${i}` : `s${i}`)),
    ];
    for (const seed of seeds) {
      const random = createRandom(seed);
      const library = seedrandom.alea(seed, { state: true });
      for (let k = 0; k < 100; k++) {
        const a = random.next();
        const b = library();
        if (a !== b) expect({ seed, k, a }).toEqual({ seed, k, a: b });
      }
      expect(random.state()).toEqual(library.state());
    }
  });

  it('should resume from a state seedrandom saved, and seedrandom from one it saved', () => {
    const library = seedrandom.alea('handover', { state: true });
    for (let i = 0; i < 9; i++) library();
    const ours = restoreRandom(library.state() as RandomState);
    const resumed = seedrandom.alea('', { state: ours.state() });
    const expected = draw(() => library(), 20);
    expect(draw(() => ours.next(), 20)).toEqual(expected);
    expect(draw(() => resumed(), 20)).toEqual(expected);
  });

  it('should stay in [0, 1)', () => {
    const random = createRandom('bounds');
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < 100_000; i++) {
      const x = random.next();
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // A hundred thousand draws come within a thousandth of both ends, or the range is not what it says.
    expect(min).toBeLessThan(0.001);
    expect(max).toBeGreaterThan(0.999);
  });

  it('should continue with exactly the same numbers after its state is saved and restored', () => {
    const random = createRandom('resume');
    draw(() => random.next(), 17);
    const state = random.state();
    expect(Object.keys(state).sort()).toEqual(['c', 's0', 's1', 's2']);
    const saved = JSON.parse(JSON.stringify(state));
    const expected = draw(() => random.next(), 50);
    const resumed = restoreRandom(saved);
    expect(draw(() => resumed.next(), 50)).toEqual(expected);
  });

  it('should not share state between two streams of the same seed', () => {
    const a = createRandom('twins');
    const b = createRandom('twins');
    a.next();
    a.next();
    expect(b.next()).toBe(createRandom('twins').next());
    expect(a.state()).not.toEqual(b.state());
  });
});
