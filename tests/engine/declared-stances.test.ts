import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { CouncilDeclarations } from '../../src/engine/core/declared.ts';
import { checkDecision } from '../../src/engine/play/check-decision.ts';
import { turnMachine } from '../../src/engine/play/machine.ts';
import { readRunRecord, recordOf, replay, worldHash } from '../../src/engine/play/record.ts';
import { decide, resolveDecision, startRun } from '../../src/engine/play/run.ts';
import { decodeRunParams, encodeRunParams } from '../../src/engine/play/share-link.ts';
import { optionView } from '../../src/engine/rules/council.ts';
import { fixture, FIXTURE_PATH } from '../support/scenarios.ts';
import { runCli } from '../cli/run-cli.ts';

/**
 * In a classroom, teams declare their members' stances and the engine takes them in place of its own, with
 * the same consequences, and records them so that a replay, a link and the command line rebuild the same World.
 */
const scenario = fixture();
const optionAt = (development: string, id: string) => {
  const found = scenario.developments[development]?.options.find((o) => o.id === id);
  if (!found) throw new Error(`the fixture has no ${id} at ${development}`);
  return found;
};
/** Needs consensus; Belarus and Kazakhstan object on their own reckoning, and it passes. */
const strongDeclaration = optionAt('summit', 'strong_declaration');
/** Needs no consensus; every member accepts it on its own reckoning. */
const staySilent = optionAt('the_call', 'stay_silent');

/** A class that holds Armenia and Kazakhstan, declaring on two options at the first Council. */
const firstCouncil: CouncilDeclarations = {
  fact_finding: { AM: { stance: 'supports', argument: 'Observers first, then we will know.' } },
  stay_silent: { KZ: { stance: 'objects', argument: 'Silence tells every member it is on its own.' }, AM: { stance: 'vetoes' } },
};

/** A run at the summit, the development where the strong declaration is on the table. */
function atSummit(seed: string) {
  const run = startRun(scenario, seed);
  run.world.development = 'summit';
  return run;
}

describe('declared stances', () => {
  it('should take a declared stance in place of the computed one, keeping the computed one as advice', () => {
    const run = atSummit('declared');
    const computed = optionView(scenario, run.world, strongDeclaration);
    const declared = optionView(scenario, run.world, strongDeclaration, true, { BY: { stance: 'vetoes', argument: 'Minsk will not sign this.' } });
    const by = declared.stances.find((s) => s.member === 'BY');
    const byComputed = computed.stances.find((s) => s.member === 'BY');
    expect(by).toMatchObject({ stance: 'vetoes', declared: true, computed: byComputed?.stance, argument: 'Minsk will not sign this.' });
    // Members no team holds play themselves.
    for (const s of declared.stances.filter((s) => s.member !== 'BY')) {
      expect(s.declared).toBeUndefined();
      expect(s.stance).toBe(computed.stances.find((c) => c.member === s.member)?.stance);
    }
  });

  it('should block a consensus option with a declared veto, where the computed stances let it pass', () => {
    const run = atSummit('veto');
    expect(strongDeclaration.consensus).toBe(true);
    expect(optionView(scenario, run.world, strongDeclaration).passable).toBe(true);
    const declared: CouncilDeclarations = { strong_declaration: { TJ: { stance: 'vetoes' } } };
    const view = optionView(scenario, run.world, strongDeclaration, true, declared.strong_declaration);
    expect(view.vetoedBy).toEqual(['TJ']);
    expect(view.passable).toBe(false);
    const refused = checkDecision(scenario, run.world, { option: 'strong_declaration', leverage: false, declared });
    expect(refused).toEqual({ ok: false, error: expect.stringContaining("Tajikistan's team declared a veto") });
    // A declared veto on an option that needs no consensus blocks nothing: it is an objection, resented if overruled.
    expect(checkDecision(scenario, run.world, { option: 'stay_silent', leverage: false, declared: firstCouncil }).ok).toBe(false);
    expect(checkDecision(scenario, startRun(scenario, 'veto').world, { option: 'stay_silent', leverage: false, declared: firstCouncil }).ok).toBe(true);
    // The machine refuses a blocked option: it stays at the Council.
    const actor = createActor(turnMachine, { input: { scenario, seed: 'veto' } }).start();
    actor.send({ type: 'briefing.done' });
    const { run: machineRun } = actor.getSnapshot().context;
    machineRun.world.development = 'summit';
    actor.send({ type: 'council.decide', option: 'strong_declaration', leverage: false, declared });
    expect(actor.getSnapshot().value).toBe('council');
    expect(actor.getSnapshot().context.run.world.decisions).toEqual([]);
  });

  it('should make a member whose declared objection is overruled resent it, as a computed one would', () => {
    const plain = startRun(scenario, 'overruled');
    const objecting = startRun(scenario, 'overruled');
    const computedKz = optionView(scenario, plain.world, staySilent).stances.find((s) => s.member === 'KZ');
    expect(computedKz?.stance).toBe('accepts');
    // Resolution alone: the drift and reactions that follow would blur the charge.
    resolveDecision(plain, { option: 'stay_silent', leverage: false });
    resolveDecision(objecting, { option: 'stay_silent', leverage: false, declared: firstCouncil });
    expect(plain.world.members.KZ.loyalty - objecting.world.members.KZ.loyalty).toBeCloseTo(scenario.params.stance.overruled, 9);
    // A declared veto overruled costs twice an objection.
    expect(plain.world.members.AM.loyalty - objecting.world.members.AM.loyalty).toBeCloseTo(2 * scenario.params.stance.overruled, 9);
    const cause = objecting.world.changes?.find((c) => c.cause.rule === 'overruled' && c.cause.member === 'KZ');
    expect(cause?.cause).toMatchObject({ why: expect.stringContaining('(as its team declared)') });
  });

  it('should replay a run with declared stances identically through its record, its link and run --json', () => {
    const run = startRun(scenario, 'Class 7B');
    decide(run, { option: 'stay_silent', leverage: false, declared: firstCouncil });
    // On to the end: the first option that passes, the second time with a declared objection on it.
    const later: CouncilDeclarations = {};
    for (let k = 1; run.world.development !== null && k < 10; k++) {
      const development = scenario.developments[run.world.development];
      const option = development?.options.find((o) => optionView(scenario, run.world, o).passable);
      if (!option) throw new Error(`nothing passes at ${run.world.development}`);
      const declared = k === 1 ? { [option.id]: { KG: { stance: 'objects' as const } } } : undefined;
      if (declared) Object.assign(later, declared);
      decide(run, declared ? { option: option.id, leverage: false, declared } : { option: option.id, leverage: false });
    }
    const record = recordOf(run);
    expect(record.format).toBe(2);
    expect(record.declared?.slice(0, 2)).toEqual([firstCouncil, later]);
    expect(record.declared?.slice(2).every((d) => d === null)).toBe(true);

    const throughJson = readRunRecord(JSON.parse(JSON.stringify(record)));
    if (!throughJson.ok) throw new Error(throughJson.error);
    const fromRecord = replay(scenario, throughJson.value);
    if (!fromRecord.ok) throw new Error(fromRecord.error);
    expect(worldHash(fromRecord.value.run.world)).toBe(worldHash(run.world));

    const link = `https://example.org/#/share?${encodeRunParams(record)}`;
    const decoded = decodeRunParams(link);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.value.declared).toEqual(record.declared);
    const fromLink = replay(scenario, decoded.value);
    if (!fromLink.ok) throw new Error(fromLink.error);
    expect(worldHash(fromLink.value.run.world)).toBe(worldHash(run.world));

    // Without its declarations the same decisions give another world: they are not decoration.
    const bare = replay(scenario, { ...record, declared: undefined });
    if (!bare.ok) throw new Error(bare.error);
    expect(worldHash(bare.value.run.world)).not.toBe(worldHash(run.world));

    const dir = mkdtempSync(join(process.env.TMPDIR ?? '/tmp', 'declared-'));
    const file = join(dir, 'class.json');
    writeFileSync(file, JSON.stringify(record));
    const engineHash = worldHash(run.world);
    for (const from of [file, link]) {
      const cli = runCli(['run', FIXTURE_PATH, '--from', from, '--json']);
      expect(cli.code, cli.stderr).toBe(0);
      expect(JSON.parse(cli.stdout).hash).toBe(engineHash);
    }
  });

  it('should still load a record of format 1, and refuse declarations it cannot read with a sentence', () => {
    const old = readRunRecord({ format: 1, engine: '0.1.0', scenario: 'request_for_help', contentHash: '', seed: 'old', decisions: ['fact_finding'] });
    expect(old.ok).toBe(true);
    if (old.ok) expect(replay(scenario, old.value).ok).toBe(true);
    const damaged = readRunRecord({
      ...recordOf(startRun(scenario, 'x')),
      decisions: ['fact_finding'],
      declared: [{ fact_finding: { AM: { stance: 'maybe' } } }],
    });
    expect(damaged).toEqual({ ok: false, error: 'not a run record: the stances declared at decision 1 cannot be read' });
    const tooMany = readRunRecord({ ...recordOf(startRun(scenario, 'x')), decisions: [], declared: [null] });
    expect(tooMany.ok).toBe(false);
    expect(decodeRunParams('#/share?v=2&s=request_for_help&seed=1&d=fact_finding&x=%7Bnot')).toEqual({
      ok: false,
      error: "this link is damaged: its declared stances ('x') are not readable",
    });
  });

  it('should refuse an argument longer than a link can carry', () => {
    const record = {
      ...recordOf(startRun(scenario, 'x')),
      decisions: ['fact_finding'],
      declared: [{ fact_finding: { AM: { stance: 'objects', argument: 'x'.repeat(281) } } }],
    };
    expect(readRunRecord(record).ok).toBe(false);
  });
});
