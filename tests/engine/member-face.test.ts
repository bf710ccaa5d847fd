import { describe, expect, it } from 'vitest';
import { leaderAt, memberMood } from '../../src/engine/rules/member-face.ts';
import { arrive, startRun } from '../../src/engine/play/run.ts';
import type { MemberState } from '../../src/engine/core/world.ts';
import { allScenarios, fixture } from '../support/scenarios.ts';

const member = (values: Partial<MemberState>): MemberState => ({ loyalty: 60, publicSupport: 50, hedging: 30, ties: 50, status: 'member', ...values });

describe("a member's mood", () => {
  it('should read the baselines as the sources tell them: Belarus steadfast, Kazakhstan cooperative, Armenia restive', () => {
    expect(memberMood(member({ loyalty: 80, publicSupport: 50, hedging: 15 })).word).toBe('steadfast');
    expect(memberMood(member({ loyalty: 64, publicSupport: 45, hedging: 48 })).word).toBe('cooperative');
    expect(memberMood(member({ loyalty: 52, publicSupport: 22, hedging: 42 })).word).toBe('restive');
  });

  it('should move with each of the three values', () => {
    const base = { loyalty: 72, publicSupport: 50, hedging: 20 };
    expect(memberMood(member(base)).word).toBe('steadfast');
    expect(memberMood(member({ ...base, hedging: 60 })).word).toBe('hedging');
    expect(memberMood(member({ ...base, publicSupport: 20 })).word).toBe('restive');
    expect(memberMood(member({ ...base, loyalty: 50 })).word).toBe('wary');
    expect(memberMood(member({ ...base, loyalty: 30 })).word).toBe('estranged');
  });

  it('should say a member that left is gone, and name the values it rests on', () => {
    expect(memberMood(member({ status: 'suspended' }))).toMatchObject({ word: 'suspended', tone: 'bad' });
    expect(memberMood(member({ status: 'withdrawn' }))).toMatchObject({ word: 'gone', tone: 'bad' });
    expect(memberMood(member({ loyalty: 50.4, hedging: 33.6, publicSupport: 41 })).why).toContain('loyalty 50, hedging 34, public support 41');
  });
});

describe("a member's leader and interests", () => {
  const campaign = allScenarios().find((s) => s.id === 'campaign_2020_2023');
  it("should name the leader in office at the run's date, changing within a campaign", () => {
    if (!campaign) throw new Error('no campaign');
    const run = startRun(campaign, 'leaders');
    expect(leaderAt(campaign, run.world, 'KG').name).toBe('Sooronbay Jeenbekov');
    arrive(run, 'clash_2021');
    expect(leaderAt(campaign, run.world, 'KG').name).toBe('Sadyr Japarov');
    expect(leaderAt(campaign, run.world, 'AM')).toEqual({ name: 'Nikol Pashinyan', title: 'Prime Minister' });
  });

  it("should keep the era's leader in a run without dates", () => {
    const scenario = fixture();
    const run = startRun(scenario, 'leaders');
    for (const code of scenario.members) expect(leaderAt(scenario, run.world, code)).toEqual(scenario.leaders[code]);
  });

  it('should give every member of every scenario a sourced line of what it wants', () => {
    for (const scenario of allScenarios())
      for (const code of scenario.members) {
        const wants = scenario.faces[code]?.wants;
        expect(wants?.text, `${scenario.id} ${code}`).toBeTruthy();
        expect(wants?.source !== undefined || wants?.assumption === true).toBe(true);
      }
  });
});
