import { describe, expect, it } from 'vitest';
import { playOut } from '../../src/engine/play/batch.ts';
import { historicalPolicy } from '../../src/engine/play/policies.ts';
import { describeChange, explain, explainCohesion, explanationLines, lastMove, type ExplainedChange } from '../../src/engine/rules/explain.ts';
import { FIXTURE, mustLoad } from '../support/scenarios.ts';

/**
 * "Why did Armenia's loyalty fall 18 points?": every change with its cause, and the changes that made
 * a reaction or a standing rule fire, down the chain. The fixture gains one reaction of Armenia's own,
 * set off by its public's support, so that a reaction changes its loyalty.
 */
const sulks = `
  - id: sulks
    label: sulks
    kind: protest
    members: [AM]
    when: self.publicSupport < 15
    effects:
      - { change: self.loyalty, by: -2, why: its public has turned against the alliance, assumption: true }
    assumption: true
`;
const text = FIXTURE.text.replace('\nreactions:\n', `\nreactions:${sulks}`);
const scenario = mustLoad({ file: 'tests/fixtures/scenarios/sulks.yaml', text });
const run = playOut(scenario, 'explain', historicalPolicy, { recordCauses: true });
const world = run.world;

const flatten = (items: ExplainedChange[]): ExplainedChange[] => items.flatMap((e) => [e, ...flatten(e.because)]);

describe('explaining a value', () => {
  const why = explain(world, 'AM.loyalty');

  it('should list every change to the value, in order, from its start to its end', () => {
    expect(text).not.toBe(FIXTURE.text);
    expect(why.changes.length).toBeGreaterThan(3);
    expect(why.start).toBe(world.initial['AM.loyalty']);
    expect(why.end).toBe(world.members.AM.loyalty);
    for (let i = 1; i < why.changes.length; i++) expect(why.changes[i].change.before).toBe(why.changes[i - 1].change.after);
    expect(why.changes[0].change.before).toBe(why.start);
    expect(why.changes[why.changes.length - 1].change.after).toBe(why.end);
    const total = why.changes.reduce((s, e) => s + e.delta!, 0);
    expect(total).toBeCloseTo((why.end as number) - (why.start as number), 9);
    expect(why.changes.every((e) => e.change.target === 'AM.loyalty')).toBe(true);
  });

  it('should name the option, its rule and its source for a change an option made', () => {
    const fact = why.changes.find((e) => e.change.cause.kind === 'option' && e.change.cause.id === 'fact_finding' && e.change.cause.rule !== 'overruled');
    expect(fact).toBeDefined();
    expect(fact!.change.cause).toMatchObject({ rule: 'fact_finding.1', why: 'Article 4 went unanswered' });
    expect(fact!.change.cause.source).toMatch(/^003_5a98e20ee2fbc50d\.txt/);
    expect(fact!.delta!).toBeGreaterThanOrEqual(-22);
    expect(fact!.delta!).toBeLessThanOrEqual(-14);
    expect(describeChange(scenario, fact!)).toMatch(
      /AM\.loyalty at Article 4 invoked: the Council's decision "Send a fact-finding mission": Article 4 went unanswered \[003_5a98e20ee2fbc50d\.txt/,
    );
  });

  it("should trace a reaction's change to the changes that set it off", () => {
    const reaction = why.changes.find((e) => e.change.cause.kind === 'reaction' && e.change.cause.id === 'sulks');
    expect(reaction, 'the reaction changed AM.loyalty').toBeDefined();
    expect(reaction!.change.cause.member).toBe('AM');
    expect(reaction!.delta).toBe(-2);
    // It fired because fact-finding cost Armenia's public support: that change is its reason.
    const triggers = reaction!.change.cause.triggeredBy!.map((seq) => world.changes![seq]);
    expect(triggers.map((c) => c.target)).toEqual(['AM.publicSupport']);
    expect(reaction!.because.map((b) => [b.change.target, b.change.cause.kind, b.change.cause.id, b.delta])).toEqual([
      ['AM.publicSupport', 'option', 'fact_finding', -10],
    ]);
    const lines = explanationLines(scenario, why);
    const at = lines.findIndex((l) => l.includes('Armenia sulks'));
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1].trim()).toBe('because:');
    expect(lines[at + 2]).toMatch(/−10\.0 AM\.publicSupport at Article 4 invoked: the Council's decision "Send a fact-finding mission"/);
  });

  it("should trace the standing drift of loyalty to the public's support that pulls it", () => {
    const drift = why.changes.filter((e) => e.change.cause.kind === 'drift' && e.change.cause.rule === 'public_pull');
    // A month of drift between each development and the next (the fixture is undated); none after the last.
    expect(world.decisions.length).toBeGreaterThan(1);
    expect(drift.length).toBe(world.decisions.length - 1);
    for (const d of drift) {
      expect(d.because.length).toBeGreaterThan(0);
      // A drift of loyalty is never explained by loyalty's own last change.
      expect(d.because.every((b) => b.change.target === 'AM.publicSupport')).toBe(true);
    }
  });

  it('should not loop, however the causes refer to one another', () => {
    for (const key of Object.keys(world.members)
      .flatMap((m) => [`${m}.loyalty`, `${m}.hedging`, `${m}.publicSupport`, `${m}.status`])
      .concat(['credibility', 'moscowBandwidth'])) {
      const all = flatten(explain(world, key).changes);
      for (const e of all) expect(e.because.every((b) => b.change.seq < e.change.seq)).toBe(true);
    }
  });

  it('should explain a value that never changed by its value alone', () => {
    const ties = explain(world, 'RU.ties');
    expect(ties.changes).toEqual([]);
    expect(ties.start).toBe(world.members.RU.ties);
    expect(ties.end).toBe(world.members.RU.ties);
  });
});

describe('explaining cohesion', () => {
  it('should split the change in cohesion into terms that add up to it, from the changes behind them', () => {
    const why = explainCohesion(scenario, world);
    expect(why.start).toBeCloseTo(world.trajectory[0].cohesion, 9);
    expect(why.end).toBeCloseTo(world.trajectory[world.trajectory.length - 1].cohesion, 9);
    const sum = (k: 'from' | 'to') => why.terms.reduce((s, t) => s + t[k], 0);
    expect(Math.min(100, Math.max(0, sum('from')))).toBeCloseTo(why.start, 9);
    expect(Math.min(100, Math.max(0, sum('to')))).toBeCloseTo(why.end, 9);
    expect(why.inputs.map((e) => e.key)).toContain('AM.loyalty');
    expect(why.inputs.map((e) => e.key)).toContain('credibility');
    expect(why.inputs.every((e) => e.changes.length > 0)).toBe(true);
  });
});

describe("a value's last move", () => {
  it('should give the net change over the last turn in which the value moved, whatever moved it in that turn', () => {
    const move = lastMove(world, 'AM.loyalty')!;
    expect(move).not.toBeNull();
    const ofTurn = world.changes!.filter((c) => c.target === 'AM.loyalty' && c.turn === move.turn && c.cause.kind !== 'setup');
    expect(ofTurn.length).toBeGreaterThan(0);
    expect(move.before).toBe(ofTurn[0].before);
    expect(move.after).toBe(ofTurn[ofTurn.length - 1].after);
    expect(move.development).toBe(ofTurn[0].development);
    // Nothing moved it in a later turn.
    expect(world.changes!.some((c) => c.target === 'AM.loyalty' && c.turn > move.turn)).toBe(false);
  });

  it('should give nothing for a value only the setup or nothing has moved', () => {
    expect(lastMove(world, 'RU.ties')).toBeNull();
  });
});
