import { chapterIndex } from '../core/development.ts';
import type { Chapter, Development, Leader, Option, Quote, Scenario } from '../core/scenario.ts';
import { ownStance, type StanceKind } from '../rules/council.ts';
import { leaderAt, leaderInYear } from '../rules/member-face.ts';
import { playOut } from './batch.ts';
import { historicalPolicy } from './policies.ts';
import { startRun } from './run.ts';

/**
 * What a class is told before it plays an exercise, computed from the scenario and the exercise's seed: the
 * decisions of the historical path (which the teacher picks the class's decisions from, and the facilitator's
 * guide debriefs), and for each member its leader, its red lines, its leader's words and the questions it will face
 * (the role cards). All of it is the model's or the scenario's own; the page only lays it out.
 */

/** One decision of the historical path on a seed, numbered as the run numbers its decisions (1-based). */
export interface HistoricalDecision {
  number: number;
  development: Development;
  /** The option the path took: the historical one where history answered here. */
  option: Option;
  /** False where history never reached this development, or its answer could not pass: the path then drew one. */
  asInHistory: boolean;
}

/** The decisions history's own choices meet on this seed, in order. */
export function historicalDecisions(scenario: Scenario, seed: string): HistoricalDecision[] {
  const run = playOut(scenario, seed, historicalPolicy);
  return run.world.decisions.map((d, i) => {
    const development = scenario.developments[d.development];
    const option = development?.options.find((o) => o.id === d.option);
    if (development === undefined || option === undefined)
      throw new Error(`the historical path took ${d.development}/${d.option}, which ${scenario.id} does not have`);
    return { number: i + 1, development, option, asInHistory: option.historical };
  });
}

/** Each member's leader as the scenario begins. */
export function leadersAtStart(scenario: Scenario): Record<string, Leader> {
  const world = startRun(scenario, '').world;
  return Object.fromEntries(scenario.members.map((m) => [m, leaderAt(scenario, world, m)]));
}

/** A member's leader at a development's date (a campaign crosses years); the scenario's first leader when it is undated. */
export function leaderOn(scenario: Scenario, member: string, development: Development): Leader {
  const face = scenario.faces[member];
  if (face === undefined || development.month === null) return leadersAtStart(scenario)[member] ?? { name: member, title: '' };
  const term = leaderInYear(face.terms, Math.floor(development.month / 12));
  return { name: term.name, title: term.title };
}

/** Decisions of one campaign chapter (or of the whole scenario, which has none). */
export interface DecisionGroup {
  chapter: Chapter | null;
  decisions: HistoricalDecision[];
}

/**
 * The decisions by chapter, in order: a campaign's role cards are one per chapter, each the size of a page,
 * as a campaign is played a chapter a lesson. A single scenario is one group.
 */
export function byChapter(scenario: Scenario, decisions: readonly HistoricalDecision[]): DecisionGroup[] {
  if (scenario.chapters.length === 0) return [{ chapter: null, decisions: decisions.slice() }];
  const groups: DecisionGroup[] = [];
  for (const d of decisions) {
    const chapter = scenario.chapters[chapterIndex(scenario, d.development.id)] ?? null;
    const last = groups.at(-1);
    if (last && last.chapter === chapter) last.decisions.push(d);
    else groups.push({ chapter, decisions: [d] });
  }
  return groups;
}

/** An option a member would block or resent being overruled on, by its own interests. */
export interface RedLine {
  development: Development;
  option: Option;
  stance: Extract<StanceKind, 'objects' | 'vetoes'>;
  /** Whether its veto stops the option (a consensus option, or one Russia must carry out). */
  blocks: boolean;
  reason: string;
}

/** The options of these developments a member objects to or vetoes on its own interests, in order. */
export function redLines(scenario: Scenario, member: string, developments: readonly Development[]): RedLine[] {
  const lines: RedLine[] = [];
  for (const development of developments) {
    for (const option of development.options) {
      const own = ownStance(scenario, option, member);
      if (own.stance !== 'objects' && own.stance !== 'vetoes') continue;
      const blocks = own.stance === 'vetoes' && (option.consensus || (member === 'RU' && option.russianEffort > 0));
      lines.push({ development, option, stance: own.stance, blocks, reason: own.reason });
    }
  }
  return lines;
}

/** A decision a member will be asked about: where it has a stake, and where each answer stands for it. */
export interface MemberQuestion {
  decision: HistoricalDecision;
  question: string;
  stances: { option: Option; stance: StanceKind }[];
}

/**
 * The decisions where a member has a stake of its own (it supports, objects to or vetoes at least one answer
 * by its own interests, rather than merely accepting them all), put to its team as questions.
 */
export function questionsFor(scenario: Scenario, member: string, decisions: readonly HistoricalDecision[]): MemberQuestion[] {
  const name = scenario.names[member] ?? member;
  const found: MemberQuestion[] = [];
  for (const decision of decisions) {
    const stances = decision.development.options.map((option) => ({ option, stance: ownStance(scenario, option, member).stance }));
    if (stances.every((s) => s.stance === 'accepts')) continue;
    const question = `${decision.development.title} (${decision.development.date}): what will ${name} ask for, and what can it not accept?`;
    found.push({ decision, question, stances });
  }
  return found;
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The scenario's quotes spoken for a member: by one of its leaders (any year), or by an office of its state
 * ("President of Kyrgyzstan", "Armenia's Security Council", "Kazakhstan's authorities"), at these developments
 * (all of them unless told). Commentators writing about a member are not its voice and are left out. Each quote
 * once, in the scenario's order.
 */
export function quotesOf(scenario: Scenario, member: string, developments: readonly string[] = scenario.order): Quote[] {
  const name = scenario.names[member];
  const leaders = (scenario.faces[member]?.terms ?? []).map((t) => t.name);
  const office = name
    ? new RegExp(
        `\\b(President|Prime Minister|Minister|Foreign Minister|Ministry|Government|Parliament) of ${literal(name)}\\b|\\b${literal(name)}['’]s (authorities|government|Security Council|Foreign Ministry|Ministry|president|prime minister|parliament)\\b`,
      )
    : null;
  const seen = new Set<string>();
  const quotes: Quote[] = [];
  for (const id of developments) {
    for (const quote of scenario.developments[id]?.quotes ?? []) {
      const spoken = leaders.some((l) => quote.who.includes(l)) || office?.test(quote.who) === true;
      if (!spoken || seen.has(quote.text)) continue;
      seen.add(quote.text);
      quotes.push(quote);
    }
  }
  return quotes;
}
