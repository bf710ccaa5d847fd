import seedrandom from 'seedrandom';

/**
 * The one source of chance in the engine: seedrandom's Alea generator, whose whole state is a few
 * numbers. It is kept beside the World, so a run is its seed plus its decisions, replayable anywhere.
 */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
  state(): RandomState;
}

export interface RandomState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

export function createRandom(seed: string): Random {
  const prng = seedrandom.alea(seed, { state: true });
  return { next: () => prng(), state: () => prng.state() as RandomState };
}

export function restoreRandom(state: RandomState): Random {
  const prng = seedrandom.alea('', { state });
  return { next: () => prng(), state: () => prng.state() as RandomState };
}

/** A second, independent stream from the same seed, for policies that choose at random. */
export function policyRandom(seed: string): Random {
  return createRandom(`${seed}\u0000policy`);
}
