import { describe, expect, it } from 'vitest';
import { createRandom, policyRandom, restoreRandom } from '../../src/engine/core/random.ts';

/**
 * A run is its seed and its decisions, so the numbers a seed gives must never change: not with a
 * seedrandom upgrade, not with a refactoring of random.ts. Golden values pin them.
 */

/** Johannes Baagøe's Alea and Mash, written out from his description, to check the library against. */
function referenceAlea(seed: string): () => number {
  let n = 0xefc8249d;
  const mash = (data: string) => {
    for (let i = 0; i < data.length; i++) {
      n += data.charCodeAt(i);
      let h = 0.02519603282416938 * n;
      n = h >>> 0;
      h -= n;
      h *= n;
      n = h >>> 0;
      h -= n;
      n += h * 0x100000000;
    }
    return (n >>> 0) * 2.3283064365386963e-10;
  };
  let c = 1;
  let s0 = mash(' ');
  let s1 = mash(' ');
  let s2 = mash(' ');
  s0 -= mash(seed);
  if (s0 < 0) s0 += 1;
  s1 -= mash(seed);
  if (s1 < 0) s1 += 1;
  s2 -= mash(seed);
  if (s2 < 0) s2 += 1;
  return () => {
    const t = 2091639 * s0 + c * 2.3283064365386963e-10;
    s0 = s1;
    s1 = s2;
    c = t | 0;
    s2 = t - c;
    return s2;
  };
}

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

  it('should agree with a reference Alea for a thousand seeds and a hundred numbers each', () => {
    for (let i = 0; i < 1000; i++) {
      const seed = i % 7 === 0 ? `seed with spaces and ünicode ${i} ✓` : `s${i}`;
      const random = createRandom(seed);
      const reference = referenceAlea(seed);
      for (let k = 0; k < 100; k++) {
        const a = random.next();
        const b = reference();
        if (a !== b) expect({ seed, k, a }).toEqual({ seed, k, a: b });
      }
    }
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
