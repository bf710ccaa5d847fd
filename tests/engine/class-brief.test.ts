import { describe, expect, it } from 'vitest';
import { byChapter, historicalDecisions, leaderOn, leadersAtStart, questionsFor, quotesOf, redLines } from '../../src/engine/play/class-brief.ts';
import { loadLibrary } from '../../src/engine/authoring/library.ts';
import { libraryFiles } from '../../src/node/scenario-folder.ts';
import { RULES } from '../support/scenarios.ts';
import { playOut } from '../../src/engine/play/batch.ts';
import { historicalPolicy } from '../../src/engine/play/policies.ts';
import { ownStance } from '../../src/engine/rules/council.ts';
import { mustLoad, read } from '../support/scenarios.ts';

/** What a class is told before an exercise: the historical path's decisions, and each member's role card. */
const loadShipped = (id: string) => mustLoad(read(`scenarios/${id}.yaml`));
const armenia = loadShipped('armenia_2022');

describe("an exercise's briefing facts", () => {
  it('should list the decisions of the historical path on the seed, numbered as the run numbers them', () => {
    const decisions = historicalDecisions(armenia, 'class 7b');
    const run = playOut(armenia, 'class 7b', historicalPolicy);
    expect(decisions.map((d) => `${d.development.id}:${d.option.id}`)).toEqual(run.world.decisions.map((d) => `${d.development}:${d.option}`));
    expect(decisions.map((d) => d.number)).toEqual(decisions.map((_, i) => i + 1));
    expect(decisions[0]?.development.id).toBe(armenia.order[0]);
    expect(decisions[0]?.asInHistory).toBe(true);
    expect(decisions.every((d) => d.asInHistory === d.option.historical)).toBe(true);
  });

  it("should name each member's leader at the scenario's start", () => {
    expect(leadersAtStart(armenia).AM?.name).toBe('Nikol Pashinyan');
    expect(leadersAtStart(armenia).KG?.name).toBe('Sadyr Japarov');
  });

  it("should give a member's red lines as the options its own interests object to or veto, with the scenario's reasons", () => {
    const developments = historicalDecisions(armenia, 'class 7b').map((d) => d.development);
    for (const member of armenia.members) {
      for (const line of redLines(armenia, member, developments)) {
        const own = ownStance(armenia, line.option, member);
        expect(own.score).toBeLessThan(armenia.params.stance.accepts);
        expect(line.stance).toBe(own.stance);
        expect(line.blocks).toBe(line.stance === 'vetoes' && (line.option.consensus || (member === 'RU' && line.option.russianEffort > 0)));
        const authored = line.option.stances[member];
        if (authored?.reason) expect(line.reason).toBe(authored.reason);
      }
    }
    // Belarus and Kazakhstan side with Azerbaijan: an answer that confronts it crosses their lines.
    const confronting = developments.flatMap((d) => d.options).filter((o) => o.confrontsAdversary > 0);
    expect(confronting.length).toBeGreaterThan(0);
    const belarus = redLines(armenia, 'BY', developments).map((l) => l.option.id);
    expect(confronting.some((o) => belarus.includes(o.id))).toBe(true);
  });

  it('should ask a member only about decisions where it has a stake of its own', () => {
    const decisions = historicalDecisions(armenia, 'class 7b');
    for (const member of armenia.members) {
      const questions = questionsFor(armenia, member, decisions);
      const asked = new Set(questions.map((q) => q.decision.number));
      for (const d of decisions) {
        const stake = d.development.options.some((o) => ownStance(armenia, o, member).stance !== 'accepts');
        expect(asked.has(d.number)).toBe(stake);
      }
      for (const q of questions) expect(q.question).toContain(armenia.names[member]);
    }
    expect(questionsFor(armenia, 'AM', decisions).length).toBeGreaterThan(0);
  });

  it("should attribute to a member only the quotes its leaders or its state's offices spoke", () => {
    const kyrgyz = quotesOf(armenia, 'KG').concat(quotesOf(loadShipped('kyrgyz_tajik_2022'), 'KG'));
    expect(kyrgyz.length).toBeGreaterThan(0);
    for (const q of kyrgyz) expect(q.who).toMatch(/Japarov|of Kyrgyzstan/);
    const armenian = quotesOf(armenia, 'AM');
    for (const q of armenian) expect(q.who).toMatch(/Pashinyan|Armenia's/);
    expect(quotesOf(armenia, 'AM').some((q) => q.who.startsWith('Armen Grigoryan'))).toBe(true);
    // A commentator on Armenia is not Armenia's voice.
    expect(quotesOf(armenia, 'AM').some((q) => q.who.startsWith('Dmitri Stratievski'))).toBe(false);
  });

  it("should group a campaign's decisions by chapter, in order, each with the leaders of its years", () => {
    const campaign = loadLibrary(libraryFiles(), RULES).flatMap((e) => (e.ok && e.value.kind === 'campaign' ? [e.value] : []))[0];
    expect(campaign).toBeDefined();
    if (!campaign) return;
    const decisions = historicalDecisions(campaign, 'class 7b');
    const groups = byChapter(campaign, decisions);
    expect(groups.map((g) => g.chapter?.scenario)).toEqual(campaign.chapters.map((c) => c.scenario));
    expect(groups.flatMap((g) => g.decisions)).toEqual(decisions);
    // Kyrgyzstan's leader changed in 2021: the Karabakh chapter (2020) and the Batken chapter (2022) differ.
    const first = (chapter: string) => groups.find((g) => g.chapter?.scenario === chapter)?.decisions[0]?.development;
    const karabakh = first('karabakh_2020');
    const batken = first('kyrgyz_tajik_2022');
    expect(karabakh && leaderOn(campaign, 'KG', karabakh).name).toBe('Sooronbay Jeenbekov');
    expect(batken && leaderOn(campaign, 'KG', batken).name).toBe('Sadyr Japarov');
    // A single scenario is one group.
    expect(byChapter(armenia, historicalDecisions(armenia, 'x')).map((g) => g.chapter)).toEqual([null]);
  });
});
