import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { monthName } from '../../src/engine/core/calendar.ts';
import { chapterAccount } from '../../src/engine/play/chapter-account.ts';
import { councilView } from '../../src/engine/rules/council.ts';
import { turnMachine } from '../../src/engine/play/machine.ts';
import { recordOf, replay } from '../../src/engine/play/record.ts';
import { decide, startRun } from '../../src/engine/play/run.ts';
import { allScenarios, fixture } from '../support/scenarios.ts';

/**
 * Between a campaign's chapters. two_crises plays request_for_help (the call, perhaps a ceasefire, the
 * summit), then border_clash from its clash. At the call, Moscow buys four objectors to send troops.
 */
const campaign = allScenarios().find((s) => s.id === 'two_crises');
if (!campaign) throw new Error('no two_crises fixture');
/** The first chapter's choices, by development: Moscow buys the troops, then monitors and declares. */
const FIRST_CHAPTER: Record<string, { option: string; leverage: boolean }> = {
  the_call: { option: 'send_troops', leverage: true },
  ceasefire: { option: 'monitor', leverage: false },
  summit: { option: 'vague_declaration', leverage: false },
};
const choiceAt = (development: string | null) => {
  const choice = FIRST_CHAPTER[development ?? ''];
  if (!choice) throw new Error(`no choice planned at ${development}`);
  return choice;
};
function playFirstChapter(run: ReturnType<typeof startRun>) {
  while (run.world.development !== 'clash') decide(run, choiceAt(run.world.development));
}

describe('the turn machine between chapters', () => {
  it('should stop between the last aftermath of a chapter and the next briefing, and only there', () => {
    const actor = createActor(turnMachine, { input: { scenario: campaign, seed: 'chapters' } }).start();
    const states: string[] = [];
    while (actor.getSnapshot().value === 'briefing' && actor.getSnapshot().context.run.world.development !== 'clash') {
      actor.send({ type: 'briefing.done' });
      actor.send({ type: 'council.decide', ...choiceAt(actor.getSnapshot().context.run.world.development) });
      states.push(String(actor.getSnapshot().value));
      actor.send({ type: 'aftermath.done' });
      states.push(String(actor.getSnapshot().value));
    }
    expect(states.at(-1)).toBe('chapter');
    expect(states.slice(0, -1)).not.toContain('chapter');
    expect(actor.getSnapshot().context.run.world.development).toBe('clash');
    actor.send({ type: 'briefing.done' });
    expect(actor.getSnapshot().value).toBe('chapter');
    actor.send({ type: 'chapter.done' });
    expect(actor.getSnapshot().value).toBe('briefing');
  });

  it('should reopen a run saved between chapters on the account of the chapter, not past it', () => {
    const run = startRun(campaign, 'reopen');
    playFirstChapter(run);
    const replayed = replay(campaign, recordOf(run));
    if (!replayed.ok) throw new Error(replayed.error);
    const actor = createActor(turnMachine, { input: { run: replayed.value.run } }).start();
    expect(actor.getSnapshot().value).toBe('chapter');
  });

  it('should never stop between chapters in a scenario, nor before the first decision of a campaign', () => {
    const scenario = fixture();
    expect(
      createActor(turnMachine, { input: { scenario, seed: 'x' } })
        .start()
        .getSnapshot().value,
    ).toBe('briefing');
    expect(
      createActor(turnMachine, { input: { scenario: campaign, seed: 'x' } })
        .start()
        .getSnapshot().value,
    ).toBe('briefing');
  });
});

describe("a chapter's account", () => {
  it('should give the meters as the chapter began and ended, its memories, and nothing elsewhere', () => {
    const run = startRun(campaign, 'account');
    expect(chapterAccount(run)).toBeNull();
    decide(run, choiceAt('the_call'));
    expect(chapterAccount(run)).toBeNull();
    playFirstChapter(run);
    const account = chapterAccount(run);
    if (!account) throw new Error('no account at the start of the second chapter');
    expect(account.ended).toMatchObject({ index: 0, title: 'A member asks for help' });
    expect(account.next).toMatchObject({ index: 1, title: 'Batken' });
    expect(account.start).toBe(run.world.trajectory[0]);
    expect(account.end).toBe(run.world.trajectory.at(-1));
    // The members' values, found by replay, agree with the loyalty the trajectory kept at the same points.
    for (const m of account.members) {
      expect(m.began.loyalty).toBeCloseTo(account.start.loyalty[m.member]!, 9);
      expect(m.ended.loyalty).toBeCloseTo(account.end.loyalty[m.member]!, 9);
    }
    expect(account.members.map((m) => m.member)).toEqual(campaign.members);
    // The four members Moscow bought at the call remember it into the next chapter.
    for (const code of ['BY', 'KZ', 'KG', 'TJ']) expect(account.memories[code]?.map((m) => [m.kind, m.chapter])).toContainEqual(['bought', 0]);
    expect(account.debts).toEqual(run.world.debts);
    expect(account.buyable).toBe(5);
    expect(account.leverageReach).toBe(Math.min(5, Math.floor(run.world.moscowBandwidth / campaign.params.leverage.bandwidthCost)));
    decide(run, { option: campaign.developments.clash!.options[0]!.id, leverage: false });
    expect(chapterAccount(run)).toBeNull();
  });

  it('should give what the briefings of the chapters ahead will recall, in the library campaign', () => {
    const library = allScenarios().find((s) => s.id === 'campaign_2020_2023');
    if (!library) throw new Error('no campaign');
    const run = startRun(library, 'account');
    // Karabakh, 2020: the alliance calls for calm each time.
    while (run.world.development !== 'stability_threatened') {
      const development = library.developments[run.world.development ?? '']!;
      const calm = development.options.find((o) => o.historical) ?? development.options[0]!;
      decide(run, { option: calm.id, leverage: false });
    }
    const account = chapterAccount(run);
    if (!account) throw new Error('no account after the Karabakh chapter');
    expect(account.recalls.map((r) => r.development)).toContain('clash_2021');
    // Belarus's own briefing recalls the marches of its own chapter, not yet played: not a memory of this run.
    expect(account.recalls.map((r) => r.development)).not.toContain('isolated_minsk');
    expect(library.developments.isolated_minsk?.recalls.some((r) => r.when(run.world))).toBe(true);
    for (const r of account.recalls) expect(library.order.indexOf(r.development)).toBeGreaterThan(library.order.indexOf('stability_threatened') - 1);
  });

  it("should carry the prices of Moscow's leverage still open into the next chapter", () => {
    const library = allScenarios().find((s) => s.id === 'campaign_2020_2023');
    if (!library) throw new Error('no campaign');
    const run = startRun(library, 'debts');
    // Karabakh, 2020, with Moscow buying consent wherever it can: the Belarus chapter begins earlier in 2020.
    while (run.world.development !== 'stability_threatened') {
      const views = councilView(library, run.world);
      const bought = views.find((v) => v.leverage.possible);
      decide(run, bought ? { option: bought.option.id, leverage: true } : { option: views.find((v) => v.passable)!.option.id, leverage: false });
    }
    const account = chapterAccount(run);
    if (!account) throw new Error('no account after the Karabakh chapter');
    expect(account.debts.length).toBeGreaterThan(0);
    const before = run.world.decisions.filter((d) => library.order.indexOf(d.development) < library.order.indexOf('stability_threatened')).length;
    for (const m of account.members) {
      expect(m.began.loyalty).toBeCloseTo(account.start.loyalty[m.member]!, 9);
      expect(m.ended.loyalty).toBeCloseTo(run.world.trajectory[before]!.loyalty[m.member]!, 9);
    }
    expect(account.debts).toEqual(run.world.debts);
    for (const debt of account.debts) expect(debt.dueMonth).toBeGreaterThan(run.world.month);
    expect(monthName(account.debts[0]!.dueMonth)).toMatch(/^[A-Z][a-z]+ 202[01]$/);
  });
});

describe('month names', () => {
  it('should name a calendar position in English, whatever the locale', () => {
    expect(monthName(2021 * 12)).toBe('January 2021');
    expect(monthName(2022 * 12 + 8 + 0.5)).toBe('September 2022');
    expect(monthName(2020 * 12 + 11 + 0.99)).toBe('December 2020');
  });
});
