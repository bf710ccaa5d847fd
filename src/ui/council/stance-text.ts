import type { Run } from '../../engine/play/run.ts';
import { leaderAt } from '../../engine/rules/member-face.ts';
import type { MemberStance, OptionView } from '../../engine/rules/council.ts';
import { listText, whole } from '../kit/format.ts';

/** The words and marks the Council shows: each stance as an icon and a word, each option's outcome as a sentence. */

export const STANCE_MARKS: Record<MemberStance['stance'], string> = { supports: '✔', accepts: '○', objects: '✖', vetoes: '⊘' };

/** A veto only blocks where consensus is needed (or Russia's means are): elsewhere the member merely opposes. */
export function stanceWord(view: OptionView, s: MemberStance): string {
  if (s.stance === 'vetoes' && !view.option.consensus && !view.vetoedBy.includes(s.member)) return 'opposes';
  if (s.stance === 'vetoes' && view.vetoedBy.includes(s.member) && !view.option.consensus) return 'blocks';
  return s.stance;
}

/** How the leader at the run's date is named at the table: "Tokayev" for Kassym-Jomart Tokayev. */
export function leaderShortName(run: Run, code: string): string {
  const name = run.scenario.faces[code] ? leaderAt(run.scenario, run.world, code).name : (run.scenario.names[code] ?? code);
  return name.split(' ').pop() ?? name;
}

export interface OptionOutcome {
  text: string;
  kind: 'passes' | 'blocked' | 'closed';
  /** A few words for the grid: "passes", "passes, 2 against", "blocked", "not on the table". */
  short: string;
}

export function outcomeOf(run: Run, view: OptionView): OptionOutcome {
  const names = (codes: string[]) => listText(codes.map((c) => run.scenario.names[c]));
  if (!view.available) return { text: 'Not on the table now: the situation rules it out.', kind: 'closed', short: 'not on the table' };
  if (view.vetoedBy.length) {
    const why = view.option.consensus ? 'the Council decides by consensus' : 'it needs Russian forces, money or arms, which only Moscow can give';
    return { text: `Blocked: ${names(view.vetoedBy)} ${view.vetoedBy.length > 1 ? 'veto' : 'vetoes'} it, and ${why}.`, kind: 'blocked', short: 'blocked' };
  }
  const against = view.stances.filter((s) => s.stance === 'objects' || s.stance === 'vetoes');
  // Only an objection on the merits is resented when overruled (the engine's rule in resolve()).
  const resent = against.filter((s) => s.stake < run.scenario.params.stance.accepts).map((s) => s.member);
  if (against.length) {
    const cost = resent.length ? ` ${names(resent)} ${resent.length > 1 ? 'lose' : 'loses'} loyalty for being overruled.` : '';
    return {
      text: `Passes, over the objections of ${names(against.map((s) => s.member))}.${cost}`,
      kind: 'passes',
      short: `passes, ${against.length} against`,
    };
  }
  return { text: 'Passes: no member stands in the way.', kind: 'passes', short: 'passes' };
}

export function leverageText(run: Run, view: OptionView): string | null {
  const { scenario, world } = run;
  const lev = view.leverage;
  if (!view.available || !lev.buys.length) return null;
  const who = listText(lev.buys.map((c) => scenario.names[c]));
  if (!lev.possible) {
    if (world.moscowBandwidth < lev.bandwidthCost)
      return `Moscow's leverage could bring ${who} round, but it would cost ${whole(lev.bandwidthCost)} of Moscow's bandwidth and only ${whole(world.moscowBandwidth)} is left.`;
    const unbought = view.vetoedBy.filter((c) => !lev.buys.includes(c));
    return `Moscow's leverage cannot move ${listText(unbought.map((c) => scenario.names[c]))}.`;
  }
  const after = world.moscowBandwidth - lev.bandwidthCost;
  return `Moscow's leverage can bring ${who} round: it costs ${whole(lev.bandwidthCost)} of Moscow's bandwidth now (${whole(world.moscowBandwidth)} → ${whole(after)}), and ${lev.buys.length > 1 ? 'each' : scenario.names[lev.buys[0]]} loses ${whole(lev.loyaltyCostEach)} loyalty within ${whole(scenario.params.leverage.dueMonths)} months or by the end, resenting the pressure.${lev.unblocks ? ' It is the only way this option passes.' : ''}`;
}
