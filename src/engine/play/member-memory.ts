import { chapterIndex, developmentById } from '../core/development.ts';
import type { Option, Scenario } from '../core/scenario.ts';
import { optionView, type MemberStance } from '../rules/council.ts';
import { applyReactions, advanceToNext, isOver, resolveDecision, settleAftermath, startRun } from './run.ts';

/**
 * What each member remembers of how the player treated it, read from the run's decisions: the slights
 * (overruled, bought with Moscow's leverage, its veto ignored, made to swallow what crosses its red
 * line) and the favours (an option it backed was taken, an option's own effects helped it). The run is
 * replayed from its seed, so each decision is judged by the stances members held when it was taken,
 * and a campaign's memories run across its chapters.
 */

export type SlightKind = 'overruled' | 'vetoIgnored' | 'bought' | 'redLine';
export type FavourKind = 'supported' | 'helped';

export interface Memory {
  kind: SlightKind | FavourKind;
  tone: 'slight' | 'favour';
  /** The decision's place in the run, from 1. */
  decision: number;
  development: string;
  option: string;
  /** The campaign chapter, from 0 (always 0 for a scenario). */
  chapter: number;
  /** What the member remembers, in a sentence for the player. */
  text: string;
}

export type Memories = Record<string, Memory[]>;

/** Every member's memories, in the order of the decisions. */
export function memberMemories(scenario: Scenario, seed: string, decisions: readonly { option: string; leverage: boolean }[]): Memories {
  const memories: Memories = {};
  for (const code of scenario.members) memories[code] = [];
  const run = startRun(scenario, seed, { recordCauses: true });
  decisions.forEach((choice, i) => {
    if (isOver(run)) throw new Error(`decision ${i + 1} comes after the run has ended`);
    const development = developmentById(scenario, run.world.development ?? '');
    const option = development.options.find((o) => o.id === choice.option);
    if (option === undefined) throw new Error(`no option '${choice.option}' at ${development.id}`);
    const view = optionView(scenario, run.world, option);
    const bought = choice.leverage ? view.leverage.buys : [];
    const seen = run.world.changes?.length ?? 0;
    resolveDecision(run, choice, view);
    const helped = helpedMembers(run.world.changes?.slice(seen) ?? [], option.id);
    const at = { decision: i + 1, development: development.id, option: option.id, chapter: chapterIndex(scenario, development.id) };
    for (const s of view.stances) {
      const remembered = memoriesOf(scenario, option, s, bought.includes(s.member), helped.has(s.member));
      memories[s.member]?.push(...remembered.map((m) => ({ ...m, ...at })));
    }
    applyReactions(run);
    settleAftermath(run);
    advanceToNext(run);
  });
  return memories;
}

/** Members whose loyalty the option's own effects raised (not the Council's charges for overruling). */
function helpedMembers(
  changes: readonly { target: string; before: number | string; after: number | string; cause: { kind: string; id: string; rule: string } }[],
  option: string,
): Set<string> {
  const helped = new Set<string>();
  for (const c of changes) {
    if (c.cause.kind !== 'option' || c.cause.id !== option || c.cause.rule === 'overruled') continue;
    const [member, field] = c.target.split('.');
    if (field === 'loyalty' && member && typeof c.after === 'number' && typeof c.before === 'number' && c.after > c.before) helped.add(member);
  }
  return helped;
}

function memoriesOf(scenario: Scenario, option: Option, s: MemberStance, bought: boolean, helped: boolean): Pick<Memory, 'kind' | 'tone' | 'text'>[] {
  const t = scenario.params.stance;
  const label = `"${option.label}"`;
  const found: Pick<Memory, 'kind' | 'tone' | 'text'>[] = [];
  // The same test resolution uses to charge an overruled member: only an objection on the merits is
  // resented, so the memory and the loyalty it cost always go together.
  const onTheMerits = s.stake < t.accepts;
  if (bought) found.push({ kind: 'bought', tone: 'slight', text: `Moscow leaned on it to accept ${label}.` });
  else if (s.stance === 'vetoes' && onTheMerits) found.push({ kind: 'vetoIgnored', tone: 'slight', text: `Its veto of ${label} was overridden.` });
  else if (s.stance === 'objects' && onTheMerits) found.push({ kind: 'overruled', tone: 'slight', text: `It objected to ${label} and was overruled.` });
  else if ((s.stance === 'accepts' || s.stance === 'supports') && s.stake < t.objects)
    // Loyalty carried it past an option its own interest alone would have vetoed.
    found.push({ kind: 'redLine', tone: 'slight', text: `It went along with ${label}, against its own red line.` });
  else if (s.stance === 'supports') found.push({ kind: 'supported', tone: 'favour', text: `It backed ${label}, and the Council took it.` });
  if (helped) found.push({ kind: 'helped', tone: 'favour', text: `${label} helped it.` });
  return found;
}
