import { createRandom, policyRandom, type Random } from '../../src/engine/core/random.ts';

/**
 * The limit the engine is measured against: the bench's workload (tests/bench/workload: the
 * request_for_help crisis and its standing rules) written out by hand, every number a literal, plain
 * arrays, nothing interpreted: the fastest code that plays this one scenario. It keeps the same books
 * as the engine, in the same order, so its speed is a fair limit and not a shortcut: the Council's view
 * of every option (each active member's stance, score and stake, vetoes, what leverage would buy and
 * whether it can), `requires`, the decisions, tallies and reactions records, leverage and its debts,
 * drift, full waypoints (turn, development, cohesion, credibility, bandwidth, every member's loyalty),
 * branch conditions and chances, and the ending. Its records are numbers rather than the engine's
 * named objects; bareWorld turns them into the engine's shape so that engine.ts can check the two end
 * in the same world under three policies before it reports a figure. It draws from the engine's own
 * streams (src/engine/core/random.ts), the run's and the policy's, as the engine does. If the workload
 * changes, change these numbers with it.
 */

const MEMBERS = 6; // in the scenario's order
const CODES = ['RU', 'BY', 'AM', 'KZ', 'KG', 'TJ'];
const RU = 0;
const AM = 2;
const KG = 4;
const MEMBER = 0;
const SUSPENDED = 1;
const WITHDRAWN = 2;
const STATUS_NAMES = ['member', 'suspended', 'withdrawn'];

// Era 2022: each member's latest baseline and its ties (the sum of its holds).
const LOYALTY = [90, 80, 52, 64, 60, 60];
const PUBLIC = [60, 50, 22, 45, 25, 28];
const HEDGING = [5, 15, 42, 48, 35, 30];
const TIES = [100, 90, 80, 60, 80, 70];
const PRECEDENT_FEAR = [10, 40, 30, 55, 45, 45];
const BACKS_ADVERSARY = [false, true, false, true, false, false]; // BY and KZ side with Azerbaijan
const CREDIBILITY = 30;
const BANDWIDTH = 70 - 30; // the 2021 baseline, then the setup: Russia at war in Ukraine

// Developments, in the order the scenario lists them.
const THE_CALL = 0;
const CEASEFIRE = 1;
const SUMMIT = 2;
const END = -1;
const DEVELOPMENT_IDS = ['the_call', 'ceasefire', 'summit'];

// Options, numbered across the scenario.
const SEND_TROOPS = 0;
const FACT_FINDING = 1;
const STAY_SILENT = 2;
const MONITOR = 3;
const MOVE_ON = 4;
const STRONG_DECLARATION = 5;
const VAGUE_DECLARATION = 6;
const OPTIONS = 7;
const OPTION_IDS = ['send_troops', 'fact_finding', 'stay_silent', 'monitor', 'move_on', 'strong_declaration', 'vague_declaration'];
const FIRST_OPTION = [SEND_TROOPS, MONITOR, STRONG_DECLARATION];
const OPTION_COUNT = [3, 2, 2];
/** The historical option of each development; -1 where history has none. */
const HISTORICAL = [FACT_FINDING, -1, VAGUE_DECLARATION];

const CONSENSUS = [true, false, false, false, false, true, false];
const INTERVENTION = [0.3, 0, 0, 0, 0, 0, 0];
const CONFRONTS = [0.5, 0, 0, 0, 0, 0.6, 0];
const EFFORT = [0.8, 0, 0, 0, 0, 0, 0];
/** Authored interest by option and member; 0 where none. */
const INTEREST = [
  [0, 0, 90, 0, 0, 0],
  [0, 0, -40, 0, 0, 0],
  [0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0],
];
/** The precedent and adversary terms by option and member, and whether each applies: they owe nothing to the run. */
const PRECEDENT: number[] = [];
const HAS_PRECEDENT: boolean[] = [];
const ADVERSARY: number[] = [];
const HAS_ADVERSARY: boolean[] = [];
for (let o = 0; o < OPTIONS; o++) {
  for (let m = 0; m < MEMBERS; m++) {
    const p = INTERVENTION[o] > 0 ? -0.6 * PRECEDENT_FEAR[m] * INTERVENTION[o] : 0;
    PRECEDENT.push(p);
    HAS_PRECEDENT.push(p <= -0.5);
    HAS_ADVERSARY.push(CONFRONTS[o] > 0 && BACKS_ADVERSARY[m]);
    ADVERSARY.push(-60 * CONFRONTS[o]);
  }
}

// Stances.
const SUPPORTS = 3;
const ACCEPTS = 2;
const OBJECTS = 1;
const VETOES = 0;
const LEVERAGE_COST = 6; // bandwidth per member bought
const DEBT = 5; // loyalty each bought member takes back
const DUE_MONTHS = 3;
const OVERRULED = 3;

// Reactions, in the engine's order: the crisis's own, then the standing rules'.
const HOSTS_CANCEL = 0;
const PUBLIC_CRITICISM = 1;
const BOYCOTT_EXERCISE = 2;
const REFUSE_DECLARATION = 3;
const WESTERN_EXERCISE = 4;
const TURN_TO_CHINA = 5;
const SUSPEND = 6;
const WITHDRAW = 7;
const REJOIN = 8;
const REACTION_IDS = [
  'hosts_cancel',
  'public_criticism',
  'boycott_exercise',
  'refuse_declaration',
  'western_exercise',
  'turn_to_china',
  'suspend_participation',
  'withdraw',
  'rejoin',
];

// Endings.
const ANSWERED = 0;
const BROKEN = 1;
const HOLLOW = 2;
const ENDING_IDS = ['answered', 'broken', 'hollow'];

/** How the bare loop chooses, as the engine's policies of the same names do (see engine.ts). */
export const HISTORICAL_POLICY = 0;
export const RANDOM_POLICY = 1;
export const LEVERAGE_POLICY = 2;
export type BarePolicy = typeof HISTORICAL_POLICY | typeof RANDOM_POLICY | typeof LEVERAGE_POLICY;

const clamp = (x: number) => Math.min(100, Math.max(0, x));

/** A run's state and records. Plain module-level functions work on it: no closure is made per run. */
export interface BareRun {
  seed: string;
  random: Random;
  /** The policy's stream, made when first drawn from, as the engine does. */
  policyRandom: Random | null;
  turn: number;
  month: number;
  /** The development being played; END once the run is over. */
  development: number;
  loyalty: number[];
  publicSupport: number[];
  hedging: number[];
  status: number[];
  credibility: number;
  bandwidth: number;
  weeksOfTalks: number;
  /** How many times each option was chosen, each development visited, each reaction (by rule and member) fired. */
  chosen: number[];
  visited: number[];
  reacted: number[];
  /** option, leverage (0 or 1) for each decision. */
  decisions: number[];
  /** reaction, member, development, turn for each reaction. */
  reactions: number[];
  /** member, loyalty, due month, development for each debt still open. */
  debts: number[];
  /** turn, development, cohesion, credibility, bandwidth, then each member's loyalty, for each waypoint. */
  trajectory: number[];
  /** Where the chosen option leads. */
  pending: number;
  ending: number;
}
const WAYPOINT = 5 + MEMBERS;

/**
 * The Council's view of the options of the development being played, kept between calls rather than
 * made per run: by option and member, its stance (-1 for a member not taking part), stake and whether
 * leverage would buy it; by option, whether it is on the table, passes as it stands, or can pass with
 * leverage.
 */
const KIND = new Int8Array(OPTIONS * MEMBERS);
const STAKE = new Float64Array(OPTIONS * MEMBERS);
const BUYABLE = new Uint8Array(OPTIONS * MEMBERS);
const AVAILABLE = new Uint8Array(OPTIONS);
const VETOED = new Uint8Array(OPTIONS);
const PASSABLE = new Uint8Array(OPTIONS);
const POSSIBLE = new Uint8Array(OPTIONS);
/** What the Council can do: the option and whether with leverage, for each choice in the engine's order. */
const CHOICE_OPTION = new Int32Array(2 * OPTIONS);
const CHOICE_LEVERAGE = new Uint8Array(2 * OPTIONS);
let choices = 0;

function cohesionNow(s: BareRun): number {
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

function pushWaypoint(s: BareRun, development: number): void {
  const { trajectory, loyalty } = s;
  trajectory.push(s.turn, development, cohesionNow(s), s.credibility, s.bandwidth);
  for (let m = 0; m < MEMBERS; m++) trajectory.push(loyalty[m]);
}

/** One option's view: every active member's stance, the vetoes, and what leverage would do. */
function viewOption(s: BareRun, o: number): void {
  const available = o === MONITOR ? s.loyalty[AM] >= 30 : true;
  let vetoed = false;
  let buys = 0;
  let unbuyableVeto = false;
  for (let m = 0; m < MEMBERS; m++) {
    const at = o * MEMBERS + m;
    if (s.status[m] !== MEMBER) {
      KIND[at] = -1;
      continue;
    }
    let score = 0;
    if (INTEREST[o][m] !== 0) score += INTEREST[o][m];
    // Russia's stance owes nothing to its loyalty.
    const loyal = m === RU ? 0 : 0.6 * (s.loyalty[m] - 50);
    let fromLoyalty = 0;
    if (Math.abs(loyal) >= 0.5) {
      score += loyal;
      fromLoyalty = loyal;
    }
    if (HAS_PRECEDENT[at]) score += PRECEDENT[at];
    if (HAS_ADVERSARY[at]) score += ADVERSARY[at];
    if (m === RU && EFFORT[o] > 0) {
      const p = -0.8 * (100 - s.bandwidth) * EFFORT[o];
      if (p <= -0.5) score += p;
    }
    let kind = score >= 25 ? SUPPORTS : score >= 0 ? ACCEPTS : score >= -30 ? OBJECTS : VETOES;
    // Russia objecting to what needs its effort vetoes it.
    if (m === RU && EFFORT[o] > 0 && kind === OBJECTS) kind = VETOES;
    const buyable = kind <= OBJECTS && m !== RU && score >= -35;
    KIND[at] = kind;
    STAKE[at] = score - fromLoyalty;
    BUYABLE[at] = buyable ? 1 : 0;
    if (buyable) buys++;
    if ((CONSENSUS[o] || (m === RU && EFFORT[o] > 0)) && kind === VETOES) {
      vetoed = true;
      if (!buyable) unbuyableVeto = true;
    }
  }
  AVAILABLE[o] = available ? 1 : 0;
  VETOED[o] = vetoed ? 1 : 0;
  PASSABLE[o] = available && !vetoed ? 1 : 0;
  POSSIBLE[o] = available && buys > 0 && s.bandwidth >= LEVERAGE_COST * buys && !unbuyableVeto ? 1 : 0;
}

/** The Council's view of every option of the development, and the choices it leaves, in the engine's order. */
function viewCouncil(s: BareRun): void {
  choices = 0;
  const first = FIRST_OPTION[s.development];
  for (let o = first; o < first + OPTION_COUNT[s.development]; o++) {
    viewOption(s, o);
    if (PASSABLE[o]) {
      CHOICE_OPTION[choices] = o;
      CHOICE_LEVERAGE[choices++] = 0;
    }
    if (POSSIBLE[o]) {
      CHOICE_OPTION[choices] = o;
      CHOICE_LEVERAGE[choices++] = 1;
    }
  }
}

function drawForPolicy(s: BareRun): number {
  if (s.policyRandom === null) s.policyRandom = policyRandom(s.seed);
  return s.policyRandom.next();
}

/** The historical policy: history's option, else it with leverage, else a draw among the choices without leverage. */
function historicalChoice(s: BareRun): number {
  const historical = HISTORICAL[s.development];
  for (let c = 0; c < choices; c++) if (CHOICE_OPTION[c] === historical && !CHOICE_LEVERAGE[c]) return c;
  for (let c = 0; c < choices; c++) if (CHOICE_OPTION[c] === historical) return c;
  let plain = 0;
  for (let c = 0; c < choices; c++) if (!CHOICE_LEVERAGE[c]) plain++;
  const wanted = Math.floor(drawForPolicy(s) * (plain || choices));
  if (!plain) return wanted;
  for (let c = 0, i = 0; c < choices; c++) if (!CHOICE_LEVERAGE[c] && i++ === wanted) return c;
  throw new Error(`no choice ${wanted}`);
}

function choose(s: BareRun, policy: BarePolicy): number {
  if (policy === RANDOM_POLICY) return Math.floor(drawForPolicy(s) * choices);
  if (policy === LEVERAGE_POLICY) for (let c = 0; c < choices; c++) if (CHOICE_LEVERAGE[c]) return c;
  return historicalChoice(s);
}

/** A member's loyalty falls by `amount`, by a share of what is left below the middle of the scale. */
function chargeLoyalty(s: BareRun, m: number, amount: number): void {
  s.loyalty[m] = clamp(s.loyalty[m] - amount * Math.min(1, s.loyalty[m] / 50));
}

/** Resolution: the records, leverage and its debts, the overruled members' resentment, the option's effects, where it leads. */
function resolve(s: BareRun, o: number, leverage: boolean): void {
  s.decisions.push(o, leverage ? 1 : 0);
  s.chosen[o]++;
  if (leverage) {
    for (let m = 0; m < MEMBERS; m++) {
      if (KIND[o * MEMBERS + m] < 0 || !BUYABLE[o * MEMBERS + m]) continue;
      s.bandwidth = clamp(s.bandwidth - LEVERAGE_COST);
      s.debts.push(m, DEBT, s.month + DUE_MONTHS, s.development);
    }
  }
  for (let m = 0; m < MEMBERS; m++) {
    const at = o * MEMBERS + m;
    const kind = KIND[at];
    // Only an objection on the merits is resented; a member bought is not overruled.
    if ((kind === OBJECTS || kind === VETOES) && STAKE[at] < 0 && !(leverage && BUYABLE[at])) chargeLoyalty(s, m, kind === VETOES ? 2 * OVERRULED : OVERRULED);
  }
  const { loyalty, publicSupport, random } = s;
  switch (o) {
    case SEND_TROOPS:
      loyalty[AM] = clamp(loyalty[AM] + (20 + (random.next() * 2 - 1) * 5));
      s.credibility = clamp(s.credibility + 15);
      s.pending = CEASEFIRE;
      return;
    case FACT_FINDING:
      loyalty[AM] = clamp(loyalty[AM] + (-18 + (random.next() * 2 - 1) * 4));
      publicSupport[AM] = clamp(publicSupport[AM] + -10);
      s.credibility = clamp(s.credibility + -8);
      s.weeksOfTalks = Math.min(10, Math.max(0, s.weeksOfTalks + 2));
      s.pending = loyalty[AM] >= 28 && !(random.next() >= 0.5) ? CEASEFIRE : SUMMIT;
      return;
    case STAY_SILENT:
      loyalty[AM] = clamp(loyalty[AM] + -25);
      s.pending = SUMMIT;
      return;
    case MONITOR:
      loyalty[AM] = clamp(loyalty[AM] + 5);
      s.pending = SUMMIT;
      return;
    case MOVE_ON:
      s.pending = SUMMIT;
      return;
    case STRONG_DECLARATION:
      loyalty[AM] = clamp(loyalty[AM] + 10);
      s.pending = END;
      return;
    case VAGUE_DECLARATION:
      publicSupport[AM] = clamp(publicSupport[AM] + -5);
      s.pending = END;
      return;
  }
}

/** A reaction fires: its tally and its record. */
function fire(s: BareRun, reaction: number, m: number): void {
  s.reacted[reaction * MEMBERS + m]++;
  s.reactions.push(reaction, m, s.development, s.turn);
}

/** The crisis's own reaction first, then the standing ones in the rules' order, each once per member; the summit is also an exercise. */
function applyReactions(s: BareRun): void {
  const { loyalty, publicSupport, hedging, status, reacted, random } = s;
  const summit = s.development === SUMMIT;
  if (status[KG] === MEMBER && loyalty[KG] < 70 && s.visited[SUMMIT] > 0 && reacted[HOSTS_CANCEL * MEMBERS + KG] === 0 && !(random.next() >= 0.5)) {
    fire(s, HOSTS_CANCEL, KG);
    s.credibility = clamp(s.credibility + -3);
  }
  for (let m = 0; m < MEMBERS; m++) {
    if (status[m] === MEMBER && loyalty[m] < 45 && publicSupport[m] < 35 && reacted[PUBLIC_CRITICISM * MEMBERS + m] === 0 && !(random.next() >= 0.6)) {
      fire(s, PUBLIC_CRITICISM, m);
      s.credibility = clamp(s.credibility + -2);
    }
  }
  if (summit) {
    for (let m = 0; m < MEMBERS; m++) {
      if (status[m] === MEMBER && loyalty[m] < 40 && reacted[BOYCOTT_EXERCISE * MEMBERS + m] === 0 && !(random.next() >= 0.7)) {
        fire(s, BOYCOTT_EXERCISE, m);
        s.credibility = clamp(s.credibility + -3);
        hedging[m] = clamp(hedging[m] + 3);
      }
    }
    for (let m = 0; m < MEMBERS; m++) {
      if (status[m] === MEMBER && loyalty[m] < 32 && publicSupport[m] < 30 && reacted[REFUSE_DECLARATION * MEMBERS + m] === 0 && !(random.next() >= 0.85)) {
        fire(s, REFUSE_DECLARATION, m);
        s.credibility = clamp(s.credibility + -4);
      }
    }
    for (let m = 0; m < MEMBERS; m++) {
      if (status[m] === MEMBER && hedging[m] > 55 && loyalty[m] < 35 && reacted[WESTERN_EXERCISE * MEMBERS + m] === 0 && !(random.next() >= 0.5)) {
        fire(s, WESTERN_EXERCISE, m);
        hedging[m] = clamp(hedging[m] + 5);
        s.credibility = clamp(s.credibility + -2);
      }
    }
  }
  for (let m = 3; m < MEMBERS; m++) {
    // turn_to_china: KZ, KG, TJ
    if (status[m] === MEMBER && hedging[m] > 45 && loyalty[m] < 55 && reacted[TURN_TO_CHINA * MEMBERS + m] === 0 && !(random.next() >= 0.5)) {
      fire(s, TURN_TO_CHINA, m);
      hedging[m] = clamp(hedging[m] + 5);
    }
  }
  for (let m = 0; m < MEMBERS; m++) {
    if (status[m] === MEMBER && loyalty[m] < 15 && publicSupport[m] < 20 && TIES[m] < 85 && reacted[SUSPEND * MEMBERS + m] === 0 && !(random.next() >= 0.3)) {
      fire(s, SUSPEND, m);
      status[m] = SUSPENDED;
      s.credibility = clamp(s.credibility + -8);
    }
  }
  for (let m = 0; m < MEMBERS; m++) {
    if (status[m] === MEMBER && loyalty[m] < 8 && hedging[m] > 65 && TIES[m] < 60 && reacted[WITHDRAW * MEMBERS + m] === 0 && !(random.next() >= 0.5)) {
      fire(s, WITHDRAW, m);
      status[m] = WITHDRAWN;
      s.credibility = clamp(s.credibility + -10);
    }
  }
  for (let m = 0; m < MEMBERS; m++) {
    if (status[m] !== MEMBER && loyalty[m] > 55 && hedging[m] < 45 && reacted[REJOIN * MEMBERS + m] === 0 && !(random.next() >= 0.5)) {
      fire(s, REJOIN, m);
      status[m] = MEMBER;
      s.credibility = clamp(s.credibility + 4);
    }
  }
}

/**
 * Standing drift for every active member for the month until the next development (the workload is
 * undated: a month each), none after the last decision; then the debts due by then (all of them at
 * the end) and the trajectory's new point.
 */
function settleAftermath(s: BareRun): void {
  const { loyalty, publicSupport, hedging, status } = s;
  const ending = s.pending === END;
  const months = ending ? 0 : 1;
  for (let m = 0; m < MEMBERS && months > 0; m++) {
    if (status[m] !== MEMBER) continue;
    loyalty[m] = clamp(loyalty[m] + (publicSupport[m] - loyalty[m]) * 0.05);
    if (loyalty[m] < TIES[m] * 0.6) loyalty[m] = clamp(loyalty[m] + 1);
    if (loyalty[m] < 50) hedging[m] = clamp(hedging[m] + (50 - loyalty[m]) * 0.04);
  }
  s.turn++;
  const { debts } = s;
  if (debts.length) {
    const by = s.month + months;
    let kept = 0;
    for (let d = 0; d < debts.length; d += 4) {
      if (ending || debts[d + 2] <= by) chargeLoyalty(s, debts[d], debts[d + 1]);
      else for (let k = 0; k < 4; k++) debts[kept++] = debts[d + k];
    }
    debts.length = kept;
  }
  pushWaypoint(s, s.development);
}

/** A development arrives (undated: a month after the last): it is recorded as visited and its own effects apply. */
function arrive(s: BareRun, development: number): void {
  s.month++;
  s.development = development;
  s.visited[development]++;
  if (development === CEASEFIRE) s.publicSupport[AM] = clamp(s.publicSupport[AM] + 3);
}

function finish(s: BareRun): void {
  s.development = END;
  s.ending = s.chosen[SEND_TROOPS] > 0 ? ANSWERED : s.loyalty[AM] < 25 || s.status[AM] !== MEMBER ? BROKEN : HOLLOW;
}

/** Every run starts from the same world: the setup has no chance, and its first waypoint is made once, as the engine does. */
const START_WAYPOINT: number[] = [];

function startRun(seed: string): BareRun {
  const s: BareRun = {
    seed,
    random: createRandom(seed),
    policyRandom: null,
    turn: 0,
    month: 0,
    development: THE_CALL,
    loyalty: LOYALTY.slice(),
    publicSupport: PUBLIC.slice(),
    hedging: HEDGING.slice(),
    status: [MEMBER, MEMBER, MEMBER, MEMBER, MEMBER, MEMBER],
    credibility: CREDIBILITY,
    bandwidth: BANDWIDTH,
    weeksOfTalks: 0,
    chosen: [0, 0, 0, 0, 0, 0, 0],
    visited: [0, 0, 0],
    reacted: new Array(9 * MEMBERS).fill(0),
    decisions: [],
    reactions: [],
    debts: [],
    trajectory: START_WAYPOINT.slice(),
    pending: END,
    ending: -1,
  };
  return s;
}
{
  const s = startRun('');
  pushWaypoint(s, THE_CALL);
  START_WAYPOINT.push(...s.trajectory);
}

/** One run from this seed to its end, the policy choosing each decision. */
export function bareRun(seed: string, policy: BarePolicy): BareRun {
  const s = startRun(seed);
  arrive(s, THE_CALL);
  while (s.development !== END) {
    viewCouncil(s);
    const c = choose(s, policy);
    if (c < 0 || c >= choices) throw new Error(`there is no choice ${c + 1} of ${choices} here`);
    resolve(s, CHOICE_OPTION[c], CHOICE_LEVERAGE[c] === 1);
    applyReactions(s);
    settleAftermath(s);
    const next = s.pending;
    s.pending = END;
    if (next === END) finish(s);
    else arrive(s, next);
  }
  return s;
}

/** How many decisions a run took: what the figures count. */
export function bareDecisions(s: BareRun): number {
  return s.decisions.length / 2;
}

/**
 * A finished bare run in the engine's shape (the World's fields a run changes, and its start), so that
 * engine.ts can compare the two whole. Not timed: the engine keeps names, the bare loop numbers.
 */
export function bareWorld(s: BareRun): Record<string, unknown> {
  const members: Record<string, unknown> = {};
  for (let m = 0; m < MEMBERS; m++) {
    members[CODES[m]] = { loyalty: s.loyalty[m], publicSupport: s.publicSupport[m], hedging: s.hedging[m], ties: TIES[m], status: STATUS_NAMES[s.status[m]] };
  }
  const tally = (counts: number[], name: (i: number) => string) => {
    const out = new Map<string, number>();
    counts.forEach((n, i) => {
      if (n > 0) out.set(name(i), n);
    });
    return out;
  };
  const trajectory = [];
  for (let w = 0; w < s.trajectory.length; w += WAYPOINT) {
    const loyalty: Record<string, number> = {};
    for (let m = 0; m < MEMBERS; m++) loyalty[CODES[m]] = s.trajectory[w + 5 + m];
    trajectory.push({
      turn: s.trajectory[w],
      development: DEVELOPMENT_IDS[s.trajectory[w + 1]],
      cohesion: s.trajectory[w + 2],
      credibility: s.trajectory[w + 3],
      moscowBandwidth: s.trajectory[w + 4],
      loyalty,
    });
  }
  const decisions = [];
  for (let d = 0; d < s.decisions.length; d += 2) {
    const option = s.decisions[d];
    decisions.push({
      development: DEVELOPMENT_IDS[FIRST_OPTION.findLastIndex((first) => first <= option)],
      option: OPTION_IDS[option],
      leverage: s.decisions[d + 1] === 1,
    });
  }
  const reactions = [];
  for (let r = 0; r < s.reactions.length; r += 4) {
    reactions.push({
      member: CODES[s.reactions[r + 1]],
      reaction: REACTION_IDS[s.reactions[r]],
      development: DEVELOPMENT_IDS[s.reactions[r + 2]],
      turn: s.reactions[r + 3],
    });
  }
  const debts = [];
  for (let d = 0; d < s.debts.length; d += 4) {
    debts.push({ member: CODES[s.debts[d]], loyalty: s.debts[d + 1], dueMonth: s.debts[d + 2], development: DEVELOPMENT_IDS[s.debts[d + 3]] });
  }
  const initial: Record<string, number> = { credibility: CREDIBILITY, moscowBandwidth: BANDWIDTH, cohesion: START_WAYPOINT[2] };
  for (let m = 0; m < MEMBERS; m++) {
    initial[`${CODES[m]}.loyalty`] = LOYALTY[m];
    initial[`${CODES[m]}.publicSupport`] = PUBLIC[m];
    initial[`${CODES[m]}.hedging`] = HEDGING[m];
    initial[`${CODES[m]}.ties`] = TIES[m];
  }
  initial.weeks_of_talks = 0;
  return {
    turn: s.turn,
    month: s.month,
    development: s.development === END ? null : DEVELOPMENT_IDS[s.development],
    members,
    credibility: s.credibility,
    moscowBandwidth: s.bandwidth,
    vars: { weeks_of_talks: s.weeksOfTalks },
    chosen: tally(s.chosen, (o) => OPTION_IDS[o]),
    visited: tally(s.visited, (d) => DEVELOPMENT_IDS[d]),
    reacted: tally(s.reacted, (i) => `${CODES[i % MEMBERS]}:${REACTION_IDS[Math.floor(i / MEMBERS)]}`),
    reactions,
    decisions,
    debts,
    ending: s.ending < 0 ? null : ENDING_IDS[s.ending],
    initial,
    trajectory,
    changes: null,
  };
}
