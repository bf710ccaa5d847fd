import { describe, expect, it } from 'vitest';
import { playOut } from '../../src/engine/play/batch.ts';
import { randomPolicy, type Policy } from '../../src/engine/play/policies.ts';
import { currentDevelopment, recalledText } from '../../src/engine/core/development.ts';
import { isMemberField } from '../../src/engine/core/world.ts';
import type { Scenario } from '../../src/engine/core/scenario.ts';
import { library } from './library.ts';

const campaigns = library().flatMap((e) => (e.ok && e.value.kind === 'campaign' ? [e.value] : []));

/** The chapter each development belongs to: the campaign's order lists them chapter by chapter. */
function chapterOf(campaign: Scenario): Map<string, number> {
  const starts = campaign.chapters.map((c) => c.start);
  const found = new Map<string, number>();
  let chapter = -1;
  for (const id of campaign.order) {
    if (starts.includes(id)) chapter = starts.indexOf(id);
    found.set(id, chapter);
  }
  return found;
}

/** A random policy that notes, at every decision, what the briefing recalled. */
function recording(seen: Map<string, Set<string>>): Policy {
  return {
    name: 'recording',
    choose(run, choices, random) {
      const development = currentDevelopment(run.scenario, run.world);
      const texts = seen.get(development.id) ?? new Set<string>();
      texts.add(recalledText(development, run.world).join(' | '));
      seen.set(development.id, texts);
      return randomPolicy.choose(run, choices, random);
    },
  };
}

describe.each(campaigns.map((c) => [c.id, c] as const))('the campaign %s remembers', (_id, campaign) => {
  it('should brief at least two later chapters differently after different earlier choices', () => {
    const seen = new Map<string, Set<string>>();
    for (let i = 0; i < 200; i++) playOut(campaign, `memory-${i}`, recording(seen));
    const chapters = chapterOf(campaign);
    const differing = new Set([...seen].filter(([, texts]) => texts.size > 1).map(([id]) => chapters.get(id) ?? -1));
    differing.delete(0);
    expect(differing.size).toBeGreaterThanOrEqual(2);
  });

  it('should set no member value when a later chapter begins: no floor erases what earlier chapters did', () => {
    const later = campaign.chapters.slice(1).map((c) => campaign.developments[c.start]);
    for (const start of later) {
      expect(start).toBeDefined();
      for (const effect of start?.effects ?? []) {
        const onMember = effect.target.kind === 'member' && isMemberField(effect.target.field);
        expect(onMember && effect.mode === 'set', `${start?.id}: ${effect.id} sets ${effect.target.key}`).toBe(false);
      }
    }
  });
});
