import { compareText } from '../../engine/core/text-order.ts';
import type { Library } from '../state/library.ts';

/** The playable scenarios as the Choose screen lists them: the campaign first, then the crises by era. */
export function scenarioChoices(library: Library): { id: string; label: string }[] {
  const playable = library.entries.flatMap((e) => (e.ok ? [e] : []));
  const campaigns = playable.filter((e) => e.kind === 'campaign');
  const crises = playable.filter((e) => e.kind !== 'campaign').sort((a, b) => (a.era ?? 9999) - (b.era ?? 9999) || compareText(a.id, b.id));
  return [
    ...campaigns.map((e) => ({ id: e.id, label: `The campaign: ${e.title} (${e.chapters} chapters)` })),
    ...crises.map((e) => ({ id: e.id, label: `${e.title} (${e.length})` })),
  ];
}

/** The scenario a new exercise starts on: the first crisis listed, one lesson long, rather than the campaign. */
export function firstScenario(library: Library): string | null {
  const choices = scenarioChoices(library);
  const crisis = choices.find((c) => library.entry(c.id)?.kind !== 'campaign');
  return (crisis ?? choices[0])?.id ?? null;
}
