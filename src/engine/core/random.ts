/**
 * The one source of chance in the engine: Johannes Baagøe's Alea generator as seedrandom publishes it
 * (`seedrandom.alea`), whose whole state is four numbers. It is kept beside the World, so a run is its
 * seed plus its decisions, replayable anywhere.
 *
 * Written here as a class rather than called from seedrandom: a batch run seeds two streams, and
 * seedrandom's makes seven closures for each, which cost more than many short runs themselves. The
 * numbers are seedrandom's to the bit: tests/engine/random.test.ts holds them to the library's over
 * thousands of seeds, and to golden values.
 */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
  state(): RandomState;
}

/** The generator's state, in seedrandom's own shape (what `alea(seed, { state: true }).state()` gives). */
export interface RandomState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

/** 2^-32. */
const FRACTION = 2.3283064365386963e-10;

/** Baagøe's Mash hash, carried on from `n` over `data`: the new carry, and the hash as a fraction. */
function mash(n: number, data: string): { n: number; hash: number } {
  for (let i = 0; i < data.length; i++) {
    n += data.charCodeAt(i);
    let h = 0.02519603282416938 * n;
    n = h >>> 0;
    h -= n;
    h *= n;
    n = h >>> 0;
    h -= n;
    n += h * 0x100000000; // 2^32
  }
  return { n, hash: (n >>> 0) * FRACTION };
}

/** Alea's seeding starts from three hashes of a space, the same for every seed: made once. */
const SPACES = (() => {
  const first = mash(0xefc8249d, ' ');
  const second = mash(first.n, ' ');
  const third = mash(second.n, ' ');
  return { s0: first.hash, s1: second.hash, s2: third.hash, n: third.n };
})();

class Alea implements Random {
  constructor(
    private c: number,
    private s0: number,
    private s1: number,
    private s2: number,
  ) {}

  next(): number {
    const t = 2091639 * this.s0 + this.c * FRACTION;
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    this.s2 = t - this.c;
    return this.s2;
  }

  state(): RandomState {
    return { c: this.c, s0: this.s0, s1: this.s1, s2: this.s2 };
  }
}

export function createRandom(seed: string): Random {
  const first = mash(SPACES.n, seed);
  const second = mash(first.n, seed);
  const third = mash(second.n, seed);
  return new Alea(1, wrap(SPACES.s0 - first.hash), wrap(SPACES.s1 - second.hash), wrap(SPACES.s2 - third.hash));
}

function wrap(x: number): number {
  return x < 0 ? x + 1 : x;
}

export function restoreRandom(state: RandomState): Random {
  return new Alea(state.c, state.s0, state.s1, state.s2);
}

/** A second, independent stream from the same seed, for policies that choose at random. */
export function policyRandom(seed: string): Random {
  return createRandom(`${seed}\u0000policy`);
}
