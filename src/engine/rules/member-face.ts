import type { Leader, Scenario } from '../core/scenario.ts';
import type { MemberState, World } from '../core/world.ts';

/**
 * What a member's card says of it beyond its numbers: who leads it at the run's date, and its mood, a
 * word for where its loyalty, hedging and public support stand together.
 */

/** The leader in office in a year: the first term that includes it, or the last term when none does. */
export function leaderInYear<T extends { from: number; to: number }>(terms: readonly T[], year: number): T {
  const found = terms.find((l) => l.from <= year && year <= l.to) ?? terms[terms.length - 1];
  if (found === undefined) throw new Error('a member has no leaders');
  return found;
}

/** The earliest month a dated development can have (1991, the first year a leader's term may start). */
const FIRST_DATED_MONTH = 1991 * 12;

/**
 * The member's leader at the date the run has reached: a campaign crosses years, and leaders change
 * (Kyrgyzstan's in 2021). An undated run keeps the era's leader.
 */
export function leaderAt(scenario: Scenario, world: World, member: string): Leader {
  const face = scenario.faces[member];
  if (face === undefined) throw new Error(`${member} is not a member of ${scenario.id}`);
  const year = world.month >= FIRST_DATED_MONTH ? Math.floor(world.month / 12) : scenario.era;
  const term = leaderInYear(face.terms, year);
  return { name: term.name, title: term.title };
}

export type MoodWord = 'steadfast' | 'cooperative' | 'wary' | 'hedging' | 'restive' | 'estranged' | 'suspended' | 'gone';

export interface Mood {
  word: MoodWord;
  /** Whether the mood is good, mixed or bad news for the alliance, for its colour. */
  tone: 'good' | 'mixed' | 'bad';
  /** Why this word, in a sentence naming the values it rests on. */
  why: string;
}

/**
 * A member's mood from its loyalty, hedging and public support, first rule that applies. The
 * thresholds are the designer's assumption, set around the stance rules' middle of 50 so that a
 * member read as "steadfast" or "estranged" is one whose stances show it, and checked against the
 * baselines: Belarus in 2020 is steadfast, Kazakhstan cooperative, Armenia in 2021 restive.
 */
export function memberMood(m: MemberState): Mood {
  const values = `loyalty ${round(m.loyalty)}, hedging ${round(m.hedging)}, public support ${round(m.publicSupport)}`;
  if (m.status === 'suspended') return { word: 'suspended', tone: 'bad', why: 'It has suspended its part in the alliance.' };
  if (m.status === 'withdrawn') return { word: 'gone', tone: 'bad', why: 'It has left the alliance.' };
  if (m.loyalty < 35) return { word: 'estranged', tone: 'bad', why: `Little loyalty left (${values}).` };
  if (m.loyalty >= 70 && m.hedging < 40 && m.publicSupport >= 40)
    return { word: 'steadfast', tone: 'good', why: `Loyal, with few other partners and its public behind it (${values}).` };
  if (m.hedging >= 55) return { word: 'hedging', tone: 'mixed', why: `It keeps other partners close (${values}).` };
  if (m.publicSupport < 30) return { word: 'restive', tone: 'mixed', why: `Its public has turned against the alliance (${values}).` };
  if (m.loyalty >= 55) return { word: 'cooperative', tone: 'good', why: `Loyal enough to go along (${values}).` };
  return { word: 'wary', tone: 'mixed', why: `Loyalty near the middle (${values}).` };
}

/** Whole numbers for a sentence: the engine never formats by locale. */
function round(value: number): string {
  return String(Math.round(value));
}
