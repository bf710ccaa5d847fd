import seedrandom from 'seedrandom';

/**
 * The limit the engine is measured against: the historical path of the benchmark's workload
 * (tests/bench/workload: the request_for_help fixture and its standing rules) written out by hand,
 * every number a literal, with nothing interpreted. It does the same arithmetic as the engine in the
 * same order (the Council's stances on every option, resolution, reactions, drift, the trajectory's
 * cohesion) and draws the same random numbers, so it ends in the same world; engine.ts checks that
 * before it reports any figure. If the workload changes, change these numbers with it.
 */

const MEMBERS = 6; // RU, BY, AM, KZ, KG, TJ, in the scenario's order
const RU = 0;
const AM = 2;
const KG = 4;
const MEMBER = 0;
const SUSPENDED = 1;
const WITHDRAWN = 2;

// Era 2022: each member's latest baseline (loyalty, publicSupport, hedging) and its ties (the sum of its holds).
const LOYALTY = [90, 80, 52, 64, 60, 60];
const PUBLIC = [60, 50, 22, 45, 25, 28];
const HEDGING = [5, 15, 42, 48, 35, 30];
const TIES = [100, 90, 80, 60, 80, 70];
const PRECEDENT_FEAR = [10, 40, 30, 55, 45, 45];
const BACKS_ADVERSARY = [false, true, false, true, false, false]; // BY and KZ side with Azerbaijan

interface OptionNumbers {
  consensus: boolean;
  intervention: number;
  confronts: number;
  effort: number;
  /** Authored interest per member; 0 where none. */
  interest: number[];
}

const NO_INTEREST = [0, 0, 0, 0, 0, 0];
const THE_CALL: OptionNumbers[] = [
  { consensus: true, intervention: 0.3, confronts: 0.5, effort: 0.8, interest: [0, 0, 90, 0, 0, 0] }, // send_troops
  { consensus: false, intervention: 0, confronts: 0, effort: 0, interest: [0, 0, -40, 0, 0, 0] }, // fact_finding (historical)
  { consensus: false, intervention: 0, confronts: 0, effort: 0, interest: NO_INTEREST }, // stay_silent
];
const CEASEFIRE: OptionNumbers[] = [
  // No historical option: the policy draws between the two from its own stream.
  { consensus: false, intervention: 0, confronts: 0, effort: 0, interest: NO_INTEREST }, // monitor
  { consensus: false, intervention: 0, confronts: 0, effort: 0, interest: NO_INTEREST }, // move_on
];
const SUMMIT: OptionNumbers[] = [
  { consensus: true, intervention: 0, confronts: 0.6, effort: 0, interest: NO_INTEREST }, // strong_declaration
  { consensus: false, intervention: 0, confronts: 0, effort: 0, interest: NO_INTEREST }, // vague_declaration (historical)
];

const clamp = (x: number) => Math.min(100, Math.max(0, x));

export interface BareResult {
  decisions: number;
  amLoyalty: number;
  credibility: number;
  moscowBandwidth: number;
  weeksOfTalks: number;
  ending: 'answered' | 'broken' | 'hollow';
  /** Cohesion at each point of the trajectory, as the engine's waypoints record it. */
  cohesion: number[];
  /** Vetoes counted while viewing the Council's options: used, so the work cannot be optimised away. */
  vetoes: number;
}

/** A run's state. Plain module-level functions work on it: no closure is created per run. */
interface State {
  random: () => number;
  loyalty: number[];
  publicSupport: number[];
  hedging: number[];
  status: number[];
  reacted: Uint8Array;
  credibility: number;
  bandwidth: number;
  visitedSummit: boolean;
  vetoes: number;
  cohesion: number[];
}

function cohesionNow(s: State): number {
  let n = 0;
  let sum = 0;
  let allies = 0;
  let alliesSum = 0;
  let squares = 0;
  let absent = 0;
  for (let m = 0; m < MEMBERS; m++) {
    if (s.status[m] !== MEMBER) {
      absent++;
      continue;
    }
    n++;
    sum += s.loyalty[m];
    // Russia counts in the mean, not in the spread.
    if (m === RU) continue;
    allies++;
    alliesSum += s.loyalty[m];
    squares += s.loyalty[m] * s.loyalty[m];
  }
  const mean = n ? sum / n : 0;
  const alliesMean = allies ? alliesSum / allies : 0;
  const spread = allies ? Math.sqrt(Math.max(0, squares / allies - alliesMean * alliesMean)) : 0;
  return clamp(0.6 * mean + -0.4 * spread + 0.4 * s.credibility + -6 * absent);
}

/** What the member last assessed has at stake in the option itself, its loyalty aside. */
let stake = 0;

/** Stance class: 3 supports, 2 accepts, 1 objects, 0 vetoes; sets `stake`. */
function stance(s: State, o: OptionNumbers, m: number): number {
  let score = 0;
  if (o.interest[m] !== 0) score += o.interest[m];
  // Russia's stance owes nothing to its loyalty.
  const loyal = m === RU ? 0 : 0.6 * (s.loyalty[m] - 50);
  let fromLoyalty = 0;
  if (Math.abs(loyal) >= 0.5) {
    score += loyal;
    fromLoyalty = loyal;
  }
  if (o.intervention > 0) {
    const p = -0.6 * PRECEDENT_FEAR[m] * o.intervention;
    if (p <= -0.5) score += p;
  }
  if (o.confronts > 0 && BACKS_ADVERSARY[m]) score += -60 * o.confronts;
  if (m === RU && o.effort > 0) {
    const p = -0.8 * (100 - s.bandwidth) * o.effort;
    if (p <= -0.5) score += p;
  }
  stake = score - fromLoyalty;
  const kind = score >= 25 ? 3 : score >= 0 ? 2 : score >= -30 ? 1 : 0;
  // Russia objecting to what needs its effort vetoes it.
  return m === RU && o.effort > 0 && kind === 1 ? 0 : kind;
}

/** The Council's view of every option, then the chosen one resolved: members overruled on the merits lose loyalty. */
function council(s: State, options: OptionNumbers[], chosen: number): void {
  for (let i = 0; i < options.length; i++) {
    if (i === chosen) continue;
    for (let m = 0; m < MEMBERS; m++) {
      if (s.status[m] === MEMBER && (options[i].consensus || (m === RU && options[i].effort > 0)) && stance(s, options[i], m) === 0) s.vetoes++;
    }
  }
  const kinds = [-1, -1, -1, -1, -1, -1];
  for (let m = 0; m < MEMBERS; m++) {
    if (s.status[m] !== MEMBER) continue;
    const kind = stance(s, options[chosen], m);
    // An objection that is only disaffection, with nothing at stake in the option, is not resented.
    if (stake < 0) kinds[m] = kind;
  }
  for (let m = 0; m < MEMBERS; m++) {
    // Below the middle of the scale a charge is a share of what is left.
    const share = Math.min(1, s.loyalty[m] / 50);
    if (kinds[m] === 1) s.loyalty[m] = clamp(s.loyalty[m] - 3 * share);
    else if (kinds[m] === 0) s.loyalty[m] = clamp(s.loyalty[m] - 6 * share);
  }
}

/** Whether a once-only reaction (by rule and member) may still fire, and marks it fired when it does. */
function fresh(s: State, rule: number, m: number): boolean {
  return s.reacted[rule * MEMBERS + m] === 0;
}

function fire(s: State, rule: number, m: number): void {
  s.reacted[rule * MEMBERS + m] = 1;
}

/** The scenario's own reaction first, then the standing ones in the rules' order; each fires at most once per member. */
function applyReactions(s: State, exercise: boolean, summit: boolean): void {
  const { loyalty, publicSupport, hedging, status, random } = s;
  if (status[KG] === MEMBER && loyalty[KG] < 70 && s.visitedSummit && fresh(s, 8, KG) && !(random() >= 0.5)) {
    // hosts_cancel: Kyrgyzstan calls off the exercise it was to host
    fire(s, 8, KG);
    s.credibility = clamp(s.credibility + -3);
  }
  for (let m = 0; m < MEMBERS; m++) {
    if (status[m] === MEMBER && fresh(s, 0, m) && loyalty[m] < 45 && publicSupport[m] < 35 && !(random() >= 0.6)) {
      fire(s, 0, m);
      s.credibility = clamp(s.credibility + -2);
    }
  }
  if (exercise) {
    for (let m = 0; m < MEMBERS; m++) {
      if (status[m] === MEMBER && fresh(s, 1, m) && loyalty[m] < 40 && !(random() >= 0.7)) {
        fire(s, 1, m);
        s.credibility = clamp(s.credibility + -3);
        hedging[m] = clamp(hedging[m] + 3);
      }
    }
  }
  if (summit) {
    for (let m = 0; m < MEMBERS; m++) {
      if (status[m] === MEMBER && fresh(s, 2, m) && loyalty[m] < 32 && publicSupport[m] < 30 && !(random() >= 0.85)) {
        fire(s, 2, m);
        s.credibility = clamp(s.credibility + -4);
      }
    }
  }
  if (exercise) {
    for (let m = 0; m < MEMBERS; m++) {
      if (status[m] === MEMBER && fresh(s, 3, m) && hedging[m] > 55 && loyalty[m] < 35 && !(random() >= 0.5)) {
        fire(s, 3, m);
        hedging[m] = clamp(hedging[m] + 5);
        s.credibility = clamp(s.credibility + -2);
      }
    }
  }
  for (let m = 3; m < MEMBERS; m++) {
    // turn_to_china: KZ, KG, TJ
    if (status[m] === MEMBER && fresh(s, 4, m) && hedging[m] > 45 && loyalty[m] < 55 && !(random() >= 0.5)) {
      fire(s, 4, m);
      hedging[m] = clamp(hedging[m] + 5);
    }
  }
  for (let m = 0; m < MEMBERS; m++) {
    if (status[m] === MEMBER && fresh(s, 5, m) && loyalty[m] < 15 && publicSupport[m] < 20 && TIES[m] < 85 && !(random() >= 0.3)) {
      fire(s, 5, m);
      status[m] = SUSPENDED;
      s.credibility = clamp(s.credibility + -8);
    }
  }
  for (let m = 0; m < MEMBERS; m++) {
    if (status[m] === MEMBER && fresh(s, 6, m) && loyalty[m] < 8 && hedging[m] > 65 && TIES[m] < 60 && !(random() >= 0.5)) {
      fire(s, 6, m);
      status[m] = WITHDRAWN;
      s.credibility = clamp(s.credibility + -10);
    }
  }
  for (let m = 0; m < MEMBERS; m++) {
    if (status[m] !== MEMBER && fresh(s, 7, m) && loyalty[m] > 55 && hedging[m] < 45 && !(random() >= 0.5)) {
      fire(s, 7, m);
      status[m] = MEMBER;
      s.credibility = clamp(s.credibility + 4);
    }
  }
}

/**
 * Standing drift for every active member for the month until the next development (the workload is
 * undated: a month each), none after the last decision, then the trajectory's new point.
 */
function settleAftermath(s: State, last: boolean): void {
  const { loyalty, publicSupport, hedging, status } = s;
  for (let m = 0; m < MEMBERS && !last; m++) {
    if (status[m] !== MEMBER) continue;
    loyalty[m] = clamp(loyalty[m] + (publicSupport[m] - loyalty[m]) * 0.05);
    if (loyalty[m] < TIES[m] * 0.6) loyalty[m] = clamp(loyalty[m] + 1);
    if (loyalty[m] < 50) hedging[m] = clamp(hedging[m] + (50 - loyalty[m]) * 0.04);
  }
  s.cohesion.push(cohesionNow(s));
}

/** One run of the historical path from this seed. */
export function bareRun(seed: string): BareResult {
  const s: State = {
    random: seedrandom.alea(seed),
    loyalty: LOYALTY.slice(),
    publicSupport: PUBLIC.slice(),
    hedging: HEDGING.slice(),
    status: [MEMBER, MEMBER, MEMBER, MEMBER, MEMBER, MEMBER],
    reacted: new Uint8Array(9 * MEMBERS),
    credibility: 30,
    bandwidth: 70,
    visitedSummit: false,
    vetoes: 0,
    cohesion: [],
  };
  let weeksOfTalks = 0;
  s.bandwidth = clamp(s.bandwidth + -30); // setup: Russia at war in Ukraine
  s.cohesion.push(cohesionNow(s));

  // The call: the fact-finding mission.
  council(s, THE_CALL, 1);
  s.loyalty[AM] = clamp(s.loyalty[AM] + (-18 + (s.random() * 2 - 1) * 4));
  s.publicSupport[AM] = clamp(s.publicSupport[AM] + -10);
  s.credibility = clamp(s.credibility + -8);
  weeksOfTalks = Math.min(10, Math.max(0, weeksOfTalks + 2));
  const ceasefire = !(s.random() >= 0.5);
  applyReactions(s, false, false);
  settleAftermath(s, false);
  let decisions = 1;

  if (ceasefire) {
    s.publicSupport[AM] = clamp(s.publicSupport[AM] + 3);
    const monitor = Math.floor(seedrandom.alea(`${seed}\u0000policy`)() * CEASEFIRE.length) === 0;
    council(s, CEASEFIRE, monitor ? 0 : 1);
    if (monitor) s.loyalty[AM] = clamp(s.loyalty[AM] + 5);
    applyReactions(s, false, false);
    settleAftermath(s, false);
    decisions++;
  }

  // The summit: a vague declaration.
  s.visitedSummit = true;
  council(s, SUMMIT, 1);
  s.publicSupport[AM] = clamp(s.publicSupport[AM] + -5);
  applyReactions(s, true, true);
  settleAftermath(s, true);
  decisions++;

  const ending = s.loyalty[AM] < 25 || s.status[AM] !== MEMBER ? 'broken' : 'hollow';
  return {
    decisions,
    amLoyalty: s.loyalty[AM],
    credibility: s.credibility,
    moscowBandwidth: s.bandwidth,
    weeksOfTalks,
    ending,
    cohesion: s.cohesion,
    vetoes: s.vetoes,
  };
}
