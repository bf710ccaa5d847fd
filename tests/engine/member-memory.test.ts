import { describe, expect, it } from 'vitest';
import { playOut } from '../../src/engine/play/batch.ts';
import { memberMemories, type Memory } from '../../src/engine/play/member-memory.ts';
import { randomPolicy, historicalPolicy } from '../../src/engine/play/policies.ts';
import type { Scenario } from '../../src/engine/core/scenario.ts';
import { allScenarios, fixture } from '../support/scenarios.ts';
import { sized } from '../support/tier.ts';

/**
 * What members remember of how they were treated, read from the decisions. request_for_help's call:
 * Armenia backs the troops (85 on its own stake), Kazakhstan vetoes them, Belarus, Kyrgyzstan and
 * Tajikistan object; the troops need consensus and leverage can buy all four. The fact-finding mission
 * needs no consensus, and Armenia vetoes it.
 */
const scenario = fixture();
const kinds = (memories: Memory[] | undefined) => (memories ?? []).map((m) => m.kind);

describe("members' memories of a decision", () => {
  it('should remember Moscow buying the objectors, and the troops Armenia backed and was helped by', () => {
    const memories = memberMemories(scenario, 'memory', [{ option: 'send_troops', leverage: true }]);
    for (const code of ['BY', 'KZ', 'KG', 'TJ']) expect(kinds(memories[code])).toEqual(['bought']);
    expect(kinds(memories.AM)).toEqual(['supported', 'helped']);
    expect(memories.RU).toEqual([]);
    expect(memories.KZ?.[0]).toMatchObject({ tone: 'slight', decision: 1, development: 'the_call', option: 'send_troops', chapter: 0 });
    expect(memories.AM?.every((m) => m.tone === 'favour')).toBe(true);
  });

  it('should remember a veto the Council went past, and nothing where nobody objected', () => {
    const overridden = memberMemories(scenario, 'memory', [{ option: 'fact_finding', leverage: false }]);
    expect(kinds(overridden.AM)).toEqual(['vetoIgnored']);
    expect(overridden.AM?.[0]?.text).toContain('Send a fact-finding mission');
    expect(Object.values(memberMemories(scenario, 'memory', [{ option: 'stay_silent', leverage: false }])).flat()).toEqual([]);
  });

  it('should remember nothing before the first decision, and refuse a decision the run cannot take', () => {
    expect(Object.values(memberMemories(scenario, 'memory', [])).flat()).toEqual([]);
    expect(() => memberMemories(scenario, 'memory', [{ option: 'send_troops', leverage: false }])).toThrow(/vetoed/);
  });
});

/** A run's decisions as the memory reads them. */
function decisionsOf(scenario: Scenario, seed: string, policy = randomPolicy) {
  const run = playOut(scenario, seed, policy, { recordCauses: true });
  return { run, decisions: run.world.decisions.map((d) => ({ option: d.option, leverage: d.leverage })) };
}

describe('memories and what the model charged', () => {
  // The memory of being overruled and the loyalty it cost come from the same test in resolution; a
  // memory without its charge, or a charge without its memory, would tell the player a different story
  // from the one the numbers tell.
  it.each(allScenarios().map((s) => [s.id, s] as const))('should remember each overruling and each purchase the run charged for, in %s', (_id, s) => {
    for (let seed = 0; seed < sized(6, 60); seed++) {
      const { run, decisions } = decisionsOf(s, `memory-${seed}`);
      const memories = memberMemories(s, run.seed, decisions);
      const remembered = new Set<string>();
      const charged = new Set<string>();
      for (const [code, list] of Object.entries(memories))
        for (const m of list)
          if (m.kind === 'overruled' || m.kind === 'vetoIgnored' || m.kind === 'bought')
            remembered.add(`${code}@${m.decision}:${m.kind === 'bought' ? 'bought' : 'overruled'}`);
      for (const c of run.world.changes ?? []) {
        if (c.cause.rule === 'overruled' && c.cause.member) charged.add(`${c.cause.member}@${c.turn + 1}:overruled`);
        if (c.cause.kind === 'leverage' && c.cause.member) charged.add(`${c.cause.member}@${c.turn + 1}:bought`);
      }
      expect([...remembered].sort()).toEqual([...charged].sort());
    }
  });
});

describe("a campaign's memories", () => {
  const campaign = allScenarios().find((s) => s.id === 'campaign_2020_2023');
  it('should keep what members remember of earlier chapters to the end of the campaign', () => {
    if (!campaign) throw new Error('no campaign in the library');
    const { decisions } = decisionsOf(campaign, 'chapters', historicalPolicy);
    const memories = Object.values(memberMemories(campaign, 'chapters', decisions)).flat();
    const chapters = new Set(memories.map((m) => m.chapter));
    expect(chapters.has(0)).toBe(true);
    expect(Math.max(...chapters)).toBeGreaterThan(0);
    // Each memory is dated to the chapter of its development: Belarus's chapter is the second.
    for (const m of memories) expect(campaign.chapters[m.chapter]).toBeDefined();
    for (const m of memories.filter((m) => m.development === 'isolated_minsk')) expect(m.chapter).toBe(1);
    const last = memories.reduce((n, m) => Math.max(n, m.decision), 0);
    expect(last).toBeLessThanOrEqual(decisions.length);
  });
});
