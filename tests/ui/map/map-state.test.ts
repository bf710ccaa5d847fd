import { describe, expect, it } from 'vitest';
import { decide, parseDecision, startRun, type Run } from '../../../src/engine/play/run.ts';
import { mapStateOf } from '../../../src/ui/map/map-state.ts';
import { FIXTURE, mustLoad } from '../../support/scenarios.ts';

/**
 * What the map marks after a decision, read from the World: the decision where its crisis is, each
 * reaction on its member, and a reaction to an occasion (an exercise) also where the occasion is held.
 * The fixture's summit, which is also an exercise, moves to Kazakhstan, so that Armenia staying away from
 * it is marked on both members.
 */
const text = FIXTURE.text.replace(/(- id: summit\n(?:.*\n)*?\s+location: )AM/, '$1KZ');
const scenario = mustLoad({ file: 'tests/fixtures/scenarios/summit_in_kazakhstan.yaml', text });

function playTo(seed: string, decisions: string[]): Run {
  const run = startRun(scenario, seed, { recordCauses: true });
  for (const d of decisions) decide(run, parseDecision(d));
  return run;
}

/** A seed on which Armenia, estranged by the fact-finding mission, stays away from the summit's exercise. */
function boycottRun(): Run {
  for (let i = 0; i < 200; i++) {
    const run = startRun(scenario, `map-${i}`, { recordCauses: true });
    decide(run, parseDecision('fact_finding'));
    if (run.world.development !== 'summit') continue;
    decide(run, parseDecision('vague_declaration'));
    if (run.world.reactions.some((r) => r.member === 'AM' && r.reaction === 'boycott_exercise' && r.turn === 1)) return run;
  }
  throw new Error('no seed among 200 where Armenia stays away from the exercise');
}

describe('the map after a decision', () => {
  it('should mark the decision where the crisis is, and nothing before a decision or outside the aftermath', () => {
    expect(text).not.toBe(FIXTURE.text);
    const before = playTo('map-0', []);
    expect(mapStateOf(before, true).marks).toEqual([]);
    const after = playTo('map-0', ['send_troops+leverage']);
    expect(mapStateOf(after, false).marks).toEqual([]);
    const marks = mapStateOf(after, true).marks;
    expect(marks[0]).toMatchObject({ code: 'AM', kind: 'decision', word: 'Send troops' });
    expect(marks[0].text).toBe('Yerevan: the Council decided “Send troops”.');
  });

  it("should mark a boycott on the member and at the exercise's place, in the engine's words", () => {
    const run = boycottRun();
    const marks = mapStateOf(run, true).marks;
    expect(marks).toContainEqual({
      code: 'KZ',
      kind: 'decision',
      icon: '⚑',
      word: 'A vague declaration',
      text: 'Yerevan: the Council decided “A vague declaration”.',
    });
    expect(marks).toContainEqual({ code: 'AM', kind: 'reaction', icon: '⊘', word: 'Stays away', text: "Armenia skips the alliance's next exercise." });
    expect(marks).toContainEqual({
      code: 'KZ',
      kind: 'occasion',
      icon: '◎',
      word: 'Exercise: Armenia stays away',
      text: "At the exercise in Yerevan: Armenia skips the alliance's next exercise.",
    });
  });
});

describe('a member that suspends its participation', () => {
  // Armenia suspends as soon as the mission leaves it estranged: the fixture's own rule, certain to fire.
  const suspends = `
  - id: am_suspends
    label: suspends its participation in the alliance
    kind: suspend
    members: [AM]
    when: self.loyalty < 45
    effects:
      - { change: self.status, to: suspended, why: the member stops taking part, assumption: true }
    assumption: true
`;
  const withSuspension = mustLoad({ file: 'tests/fixtures/scenarios/suspends.yaml', text: FIXTURE.text.replace('\nreactions:\n', `\nreactions:${suspends}`) });

  it('should mark the suspension on the member and show it suspended, which the map hatches', () => {
    const run = startRun(withSuspension, 'map-suspends', { recordCauses: true });
    decide(run, parseDecision('fact_finding'));
    const state = mapStateOf(run, true);
    expect(state.members.find((m) => m.code === 'AM')?.status).toBe('suspended');
    expect(state.marks).toContainEqual({
      code: 'AM',
      kind: 'reaction',
      icon: '‖',
      word: 'Suspends',
      text: 'Armenia suspends its participation in the alliance.',
    });
    expect(state.members.filter((m) => m.status !== 'member').map((m) => m.code)).toEqual(['AM']);
  });
});
