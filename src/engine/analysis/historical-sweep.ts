import { Council, choicesOf, type Choice } from '../play/choices.ts';
import { historicalPolicy } from '../play/policies.ts';
import { playToEnd } from '../play/batch.ts';
import { copyRun, decide, formatDecision, isOver, startRun, type Run } from '../play/run.ts';
import { currentDevelopment, developmentById } from '../core/development.ts';
import { cohesion } from '../rules/cohesion.ts';
import { councilView, type OptionView } from '../rules/council.ts';
import { policyRandom } from '../core/random.ts';
import type { Scenario } from '../core/scenario.ts';
import type { World } from '../core/world.ts';
import { Histogram } from './stats.ts';
import { endingReached } from '../core/ending.ts';

/**
 * The historical path, seed by seed, with every choice the Council had at each of its decisions taken
 * in turn and the rest of the run played historically: which choice ends with the best cohesion, which
 * choices end in the very same world as another, and where Russia stood on each option on the table.
 */
export const DOMINANT_SHARE = 0.95;
const EPSILON = 1e-9;

export interface ChoiceTally {
  decision: string;
  /** Visits at which it could be taken. */
  choosable: number;
  /** Visits at which it ended with the best final cohesion of the choices there (ties included). */
  best: number;
}

export interface DecisionBalance {
  development: string;
  /** Arrivals on the historical path at which the Council had more than one choice. */
  visits: number;
  /** Arrivals with a single choice: nothing to compare. */
  forced: number;
  choices: ChoiceTally[];
  /** Choices best on at least DOMINANT_SHARE of the visits. */
  dominant: string[];
  /** Pairs that ended in the same world on every visit where both could be taken. */
  same: { decision: string; as: string; visits: number }[];
}

export interface RussiaStance {
  development: string;
  option: string;
  /** Visits on which the option was on the table. */
  seen: number;
  /** Visits on which Russia was against it without blocking it (it passes over Russia's objection). */
  objects: number;
  /** Visits on which Russia's opposition blocked it: a veto of a consensus option, or any objection to what needs Russian effort. */
  vetoes: number;
}

export interface HistoricalSweep {
  seeds: number;
  decisions: DecisionBalance[];
  russia: RussiaStance[];
  cohesion: { p10: number; p50: number; p90: number; mean: number };
  endings: Record<string, number>;
}

export interface DecisionTally {
  development: string;
  decisions: string[];
  visits: number;
  forced: number;
  choosable: number[];
  best: number[];
  /** [a][b] for a < b: visits where both could be taken, and whether their worlds ever differed. */
  together: number[][];
  differ: boolean[][];
}

/** What a final world amounts to, leaving out the road taken (decisions, visits, turns). */
export function outcomeKey(world: World): string {
  const parts: (string | number)[] = [world.ending ?? '', world.credibility, world.moscowBandwidth];
  for (const [code, m] of Object.entries(world.members)) parts.push(code, m.loyalty, m.publicSupport, m.hedging, m.ties, m.status);
  for (const [id, value] of Object.entries(world.vars)) parts.push(id, value);
  for (const r of world.reactions) parts.push(`${r.member}:${r.reaction}`);
  return parts.join('|');
}

/**
 * The sweep of some of the seeds, as plain data: each decision's counts (developments in the order first
 * met), Russia's stances (in the order first seen), and each seed's final cohesion and ending in seed order.
 */
export interface SweepPart {
  tallies: DecisionTally[];
  russia: RussiaStance[];
  cohesion: number[];
  endings: string[];
}

export function sweepPart(scenario: Scenario, seeds: string[], onSeed?: () => void): SweepPart {
  const sweep: Sweep = { scenario, tallies: new Map(), russia: new Map() };
  const part: SweepPart = { tallies: [], russia: [], cohesion: [], endings: [] };
  for (const seed of seeds) {
    const world = sweepSeed(sweep, seed);
    part.cohesion.push(cohesion(world, scenario.params.cohesion));
    part.endings.push(endingReached(scenario, world).id);
    onSeed?.();
  }
  part.tallies = [...sweep.tallies.values()];
  part.russia = [...sweep.russia.values()];
  return part;
}

/** The parts of consecutive seeds, in order, as one sweep: counts added, differences or-ed, cohesion added seed by seed. */
export function mergeSweep(scenario: Scenario, parts: SweepPart[]): HistoricalSweep {
  const tallies = new Map<string, DecisionTally>();
  const russia = new Map<string, RussiaStance>();
  const final = new Histogram();
  const endings: Record<string, number> = {};
  let seeds = 0;
  for (const part of parts) {
    for (const t of part.tallies) addTally(tallyFor(tallies, scenario, t.development), t);
    for (const r of part.russia) {
      const key = `${r.development}/${r.option}`;
      const total = russia.get(key) ?? { development: r.development, option: r.option, seen: 0, objects: 0, vetoes: 0 };
      russia.set(key, { ...total, seen: total.seen + r.seen, objects: total.objects + r.objects, vetoes: total.vetoes + r.vetoes });
    }
    for (const c of part.cohesion) final.add(c);
    for (const ending of part.endings) endings[ending] = (endings[ending] ?? 0) + 1;
    seeds += part.cohesion.length;
  }
  return {
    seeds,
    decisions: scenario.order.flatMap((d) => {
      const tally = tallies.get(d);
      return tally ? [summarise(tally)] : [];
    }),
    russia: [...russia.values()],
    cohesion: { p10: final.quantile(0.1), p50: final.quantile(0.5), p90: final.quantile(0.9), mean: final.mean() },
    endings,
  };
}

function addTally(total: DecisionTally, part: DecisionTally): void {
  total.visits += part.visits;
  total.forced += part.forced;
  const add = (into: number[], from: number[]) => {
    for (const [i, n] of from.entries()) into[i] = (into[i] ?? 0) + n;
  };
  add(total.choosable, part.choosable);
  add(total.best, part.best);
  for (const [i, row] of part.together.entries()) add(total.together[i] ?? [], row);
  for (const [i, row] of part.differ.entries()) {
    const into = total.differ[i];
    for (const [j, differs] of row.entries()) if (differs && into) into[j] = true;
  }
}

export function sweepHistoricalPath(scenario: Scenario, seeds: string[], onSeed?: () => void): HistoricalSweep {
  return mergeSweep(scenario, [sweepPart(scenario, seeds, onSeed)]);
}

/** What the sweep gathers over the seeds, and what it plays with. */
interface Sweep {
  scenario: Scenario;
  tallies: Map<string, DecisionTally>;
  russia: Map<string, RussiaStance>;
}

/** One seed's historical path, every choice at each decision compared on the way; its final world. */
function sweepSeed(sweep: Sweep, seed: string): World {
  const { scenario } = sweep;
  const run = startRun(scenario, seed, { recordCauses: false });
  // The seed's own policy stream, as in every batch run: the historical policy draws from it where history
  // has no option, so the path is the one fidelity plays, whatever seeds came before.
  const random = policyRandom(seed);
  // Played by hand rather than by playToEnd: every option's view is wanted, not only the choosable ones.
  while (!isOver(run)) {
    const current = currentDevelopment(scenario, run.world);
    const development = current.id;
    const views = councilView(scenario, run.world, current, false);
    noteRussia(sweep.russia, development, views);
    const choices = choicesOf(run, views);
    const tally = tallyFor(sweep.tallies, scenario, development);
    if (choices.length < 2) tally.forced++;
    else compareChoices(sweep, tally, run, choices);
    const choice = historicalPolicy.choose(run, new Council(run, views, false), random);
    decide(run, choice, choice.view);
  }
  return run.world;
}

/** Russia's stance on each option on the table. */
function noteRussia(russia: Map<string, RussiaStance>, development: string, views: OptionView[]): void {
  for (const view of views) {
    if (!view.available) continue;
    const ru = view.stances.find((s) => s.member === 'RU');
    if (!ru) continue;
    const key = `${development}/${view.option.id}`;
    let r = russia.get(key);
    if (!r) {
      r = { development, option: view.option.id, seen: 0, objects: 0, vetoes: 0 };
      russia.set(key, r);
    }
    r.seen++;
    const blocks = view.vetoedBy.includes('RU');
    if (blocks) r.vetoes++;
    else if (ru.stance === 'objects' || ru.stance === 'vetoes') r.objects++;
  }
}

/** Each choice taken on a copy of the run and the rest played historically: which end best, and which end alike. */
function compareChoices(sweep: Sweep, tally: DecisionTally, run: Run, choices: Choice[]): void {
  tally.visits++;
  const arms = choices.map((choice) => {
    const trial = copyRun(run);
    decide(trial, choice, choice.view);
    const world = playHistorically(trial);
    return { index: tally.decisions.indexOf(formatDecision(choice)), cohesion: cohesion(world, sweep.scenario.params.cohesion), outcome: outcomeKey(world) };
  });
  const top = Math.max(...arms.map((a) => a.cohesion));
  for (const a of arms) {
    count(tally.choosable, a.index);
    if (a.cohesion >= top - EPSILON) count(tally.best, a.index);
  }
  for (const a of arms) {
    const together = tally.together[a.index];
    const differ = tally.differ[a.index];
    if (!together || !differ) continue;
    for (const b of arms) {
      if (a.index >= b.index) continue;
      count(together, b.index);
      if (a.outcome !== b.outcome) differ[b.index] = true;
    }
  }
}

/** The rest of a trial played historically, each trial from the same stream, so choices are compared on the same luck. */
function playHistorically(run: Run): World {
  return playToEnd(run, historicalPolicy, policyRandom(`${run.seed}\u0000trial\u0000${run.world.turn}`)).world;
}

/** One more in a tally's cell; a decision the tally does not list (index -1) counts nowhere. */
function count(cells: number[], i: number): void {
  if (i >= 0 && i < cells.length) cells[i] = (cells[i] ?? 0) + 1;
}

/** Every decision the development could ever offer: its options, each with and without leverage. */
function tallyFor(tallies: Map<string, DecisionTally>, scenario: Scenario, development: string): DecisionTally {
  let tally = tallies.get(development);
  if (!tally) {
    const options = developmentById(scenario, development).options.map((o) => o.id);
    const decisions = [...options, ...options.map((o) => `${o}+leverage`)];
    const square = () => decisions.map(() => decisions.map(() => 0));
    tally = {
      development,
      decisions,
      visits: 0,
      forced: 0,
      choosable: decisions.map(() => 0),
      best: decisions.map(() => 0),
      together: square(),
      differ: decisions.map(() => decisions.map(() => false)),
    };
    tallies.set(development, tally);
  }
  return tally;
}

function summarise(t: DecisionTally): DecisionBalance {
  const choices = t.decisions.map((decision, i) => ({ decision, choosable: t.choosable[i] ?? 0, best: t.best[i] ?? 0 })).filter((c) => c.choosable > 0);
  const same: DecisionBalance['same'] = [];
  t.decisions.forEach((as, i) => {
    t.decisions.forEach((decision, j) => {
      const visits = t.together[i]?.[j] ?? 0;
      if (j > i && visits > 0 && !t.differ[i]?.[j]) same.push({ decision, as, visits });
    });
  });
  return {
    development: t.development,
    visits: t.visits,
    forced: t.forced,
    choices,
    dominant: t.visits ? choices.filter((c) => c.best >= DOMINANT_SHARE * t.visits).map((c) => c.decision) : [],
    same,
  };
}
