import type { Scenario } from '../core/scenario.ts';

/**
 * What a meter's number means for the alliance: the band it sits in (holding, strained, breaking) and
 * which way it is good for it to move. The page shows both and never decides them itself.
 *
 * The bands are a designer's assumption, not the sources': each cut is placed on a threshold the rules or
 * the endings already use, so a band changes where play changes.
 * - Loyalty: below 55 a hedging member turns to China and a suspended one will not rejoin (rules.yaml
 *   `turn_to_china`, `rejoin`); below 40 members skip exercises (`boycott_exercise`) and the campaign's good
 *   ending asks 40 of Armenia and Kyrgyzstan. So loyal from 55, wavering from 40, estranged below.
 * - Cohesion: the library's crises start between about 48 and 59; the campaign holds only within 12 points
 *   of its start, and the test scenarios hold from 40. So holding from 50, strained from 35, breaking below:
 *   breaking is well past every "holds" ending.
 * - Credibility: believed from 50, doubted from 25, hollow below (Armenia's run after 2022 ends near 18).
 * - Moscow's bandwidth: Armenia 2022's "sent but silent" ending fires below 30; Russia objects to costly
 *   options as it falls. So ample from 60, stretched from 30, exhausted below.
 * - Public support: below 35 a member's public criticises the alliance, below 30 it refuses declarations
 *   (`public_criticism`, `refuse_declaration`). So favourable from 50, lukewarm from 35, hostile below.
 * - Hedging (lower is better): above 45 a member turns to China, above 65 one may withdraw (`withdraw`).
 *   So anchored up to 45, looking elsewhere up to 65, drifting away above.
 */

export type Good = 'up' | 'down';

/** A meter's bands, best first: the first whose bound the value reaches names it. */
interface Bands {
  good: Good;
  /** For good: up, the value must be at least `from`; for good: down, at most. The last band has no bound. */
  bands: { word: string; from: number | null; tone: BandTone }[];
}

/** How a band reads for the alliance, for the page's colour and for words a screen reader says. */
export type BandTone = 'good' | 'middling' | 'bad';

export const METERS = ['cohesion', 'credibility', 'moscowBandwidth', 'loyalty', 'publicSupport', 'hedging'] as const;
export type Meter = (typeof METERS)[number];

const BANDS: Record<Meter, Bands> = {
  cohesion: band('up', ['holding', 50], ['strained', 35], 'breaking'),
  credibility: band('up', ['believed', 50], ['doubted', 25], 'hollow'),
  moscowBandwidth: band('up', ['ample', 60], ['stretched', 30], 'exhausted'),
  loyalty: band('up', ['loyal', 55], ['wavering', 40], 'estranged'),
  publicSupport: band('up', ['favourable', 50], ['lukewarm', 35], 'hostile'),
  hedging: band('down', ['anchored', 45], ['looking elsewhere', 65], 'drifting away'),
};

function band(good: Good, best: [string, number], middle: [string, number], worst: string): Bands {
  return {
    good,
    bands: [
      { word: best[0], from: best[1], tone: 'good' },
      { word: middle[0], from: middle[1], tone: 'middling' },
      { word: worst, from: null, tone: 'bad' },
    ],
  };
}

export interface MeterBand {
  word: string;
  tone: BandTone;
}

/** The band a meter's value sits in: "holding", "wavering", "drifting away". Values are compared as shown, rounded to whole points. */
export function meterBand(meter: Meter, value: number): MeterBand {
  const { good, bands } = BANDS[meter];
  const shown = Math.round(value);
  for (const b of bands) {
    if (b.from === null || (good === 'up' ? shown >= b.from : shown <= b.from)) return { word: b.word, tone: b.tone };
  }
  // The last band has no bound, so the loop always returns; this satisfies the compiler.
  throw new Error(`no band for ${meter}`);
}

/** The bands of a meter, best first, with their cuts: for a legend. */
export function meterBands(meter: Meter): readonly { word: string; from: number | null; tone: BandTone }[] {
  return BANDS[meter].bands;
}

export function isMeter(name: string): name is Meter {
  return (METERS as readonly string[]).includes(name);
}

/** Ties hold a member in: more is good. A member's status is good while it is a member. */
const MEMBER_GOOD: Record<string, Good> = { loyalty: 'up', publicSupport: 'up', hedging: 'down', ties: 'up' };

/**
 * Which way a value is good for the alliance, by its key as changes name it (`AM.hedging`, `credibility`,
 * `unrest`): null for a value that is neither (a scenario's counter its author left without `good`).
 */
export function goodDirection(scenario: Scenario, key: string): Good | null {
  const dot = key.indexOf('.');
  if (dot > 0) return MEMBER_GOOD[key.slice(dot + 1)] ?? null;
  if (isMeter(key)) return BANDS[key].good;
  return scenario.variables.find((v) => v.id === key)?.good ?? null;
}

export type ChangeMeaning = 'good' | 'bad' | 'neutral';

/** Whether a change of `delta` to the value named `key` is good or bad for the alliance; a change that rounds to nothing is neutral. */
export function changeMeaning(scenario: Scenario, key: string, delta: number, digits: 0 | 1 = 1): ChangeMeaning {
  const shown = digits === 0 ? Math.round(delta) : Math.round(delta * 10) / 10;
  const good = goodDirection(scenario, key);
  if (shown === 0 || good === null) return 'neutral';
  return shown > 0 === (good === 'up') ? 'good' : 'bad';
}

/** A status change: back to member is good, suspending or withdrawing is bad. */
export function statusMeaning(after: string): ChangeMeaning {
  return after === 'member' ? 'good' : 'bad';
}

/** The band of a value by its key as changes name it (`AM.loyalty`, `cohesion`): null for a value that has no bands (a scenario's counter, ties). */
export function bandOfKey(key: string, value: number): MeterBand | null {
  const field = key.slice(key.indexOf('.') + 1);
  return isMeter(field) ? meterBand(field, value) : null;
}
