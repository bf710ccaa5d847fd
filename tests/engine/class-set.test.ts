import { expect, it } from 'vitest';
import {
  classPathPolicyArgument,
  classRows,
  classSet,
  CLASS_COLUMNS,
  CLASS_PATH_ARM,
  commonPath,
  commonPathSteps,
  groupRun,
  HISTORY_ARM,
  simulationPolicies,
} from '../../src/engine/analysis/class-set.ts';
import { playOut } from '../../src/engine/play/batch.ts';
import { fixedPolicy, historicalPolicy, policyFor } from '../../src/engine/play/policies.ts';
import { formatDecision, parseDecision } from '../../src/engine/play/run.ts';
import { recordOf, replay, worldHash } from '../../src/engine/play/record.ts';
import { verdictAgainstHistory } from '../../src/engine/play/verdict.ts';
import { cohesion } from '../../src/engine/rules/cohesion.ts';
import { createRandom } from '../../src/engine/core/random.ts';
import type { CouncilDeclarations } from '../../src/engine/core/declared.ts';
import { decide, startRun } from '../../src/engine/play/run.ts';
import { playToEnd } from '../../src/engine/play/batch.ts';
import { declaredOnChoice } from '../../src/engine/analysis/class-set.ts';
import { readRunRecord } from '../../src/engine/play/record.ts';
import { fixture } from '../support/scenarios.ts';

const scenario = fixture();
const played = (seed: string, plan: Record<string, string>) => recordOf(playOut(scenario, seed, fixedPolicy(plan)));

const troops = { the_call: 'send_troops', ceasefire: 'monitor', summit: 'strong_declaration' };
const silence = { the_call: 'stay_silent', ceasefire: 'move_on', summit: 'vague_declaration' };

it('should set each group beside history on its own seed, marking the decisions taken otherwise', () => {
  const record = played('7', troops);
  const got = groupRun(scenario, { name: 'Group 1', record });
  if (!got.ok) throw new Error(got.error);
  const group = got.value;
  const history = playOut(scenario, '7', historicalPolicy);
  const replayed = replay(scenario, record);
  if (!replayed.ok) throw new Error(replayed.error);
  expect(worldHash(group.run.world)).toBe(worldHash(replayed.value.run.world));
  expect(worldHash(group.history.world)).toBe(worldHash(history.world));
  expect(group.ending?.id).toBe(group.run.world.ending);
  expect(group.verdict).toEqual(verdictAgainstHistory(scenario, group.run.world, history.world));
  expect(group.cohesion).toBe(cohesion(group.run.world, scenario.params.cohesion));
  const first = group.decisions[0];
  expect(first).toMatchObject({ at: 1, development: 'the_call', decision: record.decisions[0], option: 'send_troops', differs: true });
  expect(first.history).toBe(formatDecision(history.world.decisions[0]));
  // A decision history took too is not marked.
  const same = groupRun(scenario, { name: 'History', record: recordOf(history) });
  if (!same.ok) throw new Error(same.error);
  expect(same.value.decisions.every((d) => !d.differs)).toBe(true);
  expect(same.value.verdict?.comparison).toBe('the same');
});

it('should refuse a record of another scenario, naming the group', () => {
  const record = { ...played('1', troops), scenario: 'another_crisis' };
  const got = classSet(scenario, [
    { name: 'Group 1', record: played('1', troops) },
    { name: 'Group 2', record },
  ]);
  expect(got.ok).toBe(false);
  if (!got.ok) expect(got.error).toMatch(/^Group 2: .*another_crisis/);
});

it("should take as the class's path the decision most groups took at each development, ties to the earlier group", () => {
  const set = classSet(scenario, [
    { name: 'A', record: played('1', troops) },
    { name: 'B', record: played('2', silence) },
    { name: 'C', record: played('3', troops) },
  ]);
  if (!set.ok) throw new Error(set.error);
  const plan = commonPath(set.value);
  expect(parseDecision(plan.the_call ?? '').option).toBe('send_troops');
  // Where the groups reached a development, the plan names a decision one of them took there.
  for (const [development, decision] of Object.entries(plan)) {
    const taken = set.value.flatMap((g) => g.decisions.filter((d) => d.development === development).map((d) => d.decision));
    expect(taken).toContain(decision);
    const count = (x: string) => taken.filter((t) => t === x).length;
    expect(taken.every((t) => count(t) <= count(decision))).toBe(true);
  }
  // A tie: one group each way; the first group's choice wins.
  const tied = classSet(scenario, [
    { name: 'B', record: played('2', silence) },
    { name: 'A', record: played('1', troops) },
  ]);
  if (!tied.ok) throw new Error(tied.error);
  expect(commonPath(tied.value).the_call).toBe(tied.value[0].decisions[0].decision);
  expect(commonPathSteps(tied.value)[0]).toEqual({ development: 'the_call', decision: tied.value[0].decisions[0].decision, took: 1, came: 2, tied: true });
  const [first] = commonPathSteps(set.value);
  expect(first).toMatchObject({ development: 'the_call', took: 2, came: 3, tied: false });
  expect(tied.value[0].decisions[0].decision).not.toBe(tied.value[1].decisions[0].decision);
});

it('should simulate history and the class path, the path played as a plan with history elsewhere', () => {
  const plan = { the_call: 'send_troops' };
  const [history, path] = simulationPolicies(plan);
  expect(history.name).toBe(HISTORY_ARM);
  expect(path.name).toBe(CLASS_PATH_ARM);
  expect(worldHash(playOut(scenario, '5', history).world)).toBe(worldHash(playOut(scenario, '5', historicalPolicy).world));
  const world = playOut(scenario, '5', path).world;
  expect(world.decisions[0]?.option).toBe('send_troops');
  expect(worldHash(world)).toBe(worldHash(playOut(scenario, '5', fixedPolicy(plan)).world));
  // The command line's policy argument for the same path plays the same runs.
  const argument = classPathPolicyArgument({ the_call: 'send_troops+leverage', summit: 'vague_declaration' });
  expect(argument).toBe('fixed:the_call=send_troops+leverage,summit=vague_declaration');
  const [, leveraged] = simulationPolicies({ the_call: 'send_troops+leverage', summit: 'vague_declaration' });
  for (const seed of ['1', '2', '3']) {
    expect(worldHash(playOut(scenario, seed, policyFor(argument, scenario)).world)).toBe(worldHash(playOut(scenario, seed, leveraged).world));
  }
});

it('should write a row per group per decision and a summary row per group, in the columns given', () => {
  const set = classSet(scenario, [
    { name: 'Group 1', record: played('1', troops) },
    { name: 'Group, "two"', record: played('2', silence) },
  ]);
  if (!set.ok) throw new Error(set.error);
  const rows = classRows(set.value);
  const expected = set.value.reduce((n, g) => n + g.decisions.length + 1, 0);
  expect(rows).toHaveLength(expected);
  for (const row of rows) expect(row).toHaveLength(CLASS_COLUMNS.length);
  const col = (name: (typeof CLASS_COLUMNS)[number]) => CLASS_COLUMNS.indexOf(name);
  for (const group of set.value) {
    const mine = rows.filter((r) => r[col('group')] === group.name);
    const decisions = mine.filter((r) => r[col('row')] === 'decision');
    expect(decisions.map((r) => r[col('chosen')])).toEqual(group.decisions.map((d) => d.decision));
    expect(decisions.map((r) => r[col('differs')])).toEqual(group.decisions.map((d) => (d.differs ? 'yes' : 'no')));
    const [summary] = mine.filter((r) => r[col('row')] === 'summary');
    expect(summary[col('ending')]).toBe(group.run.world.ending);
    expect(summary[col('cohesion')]).toBe(cohesion(group.run.world, scenario.params.cohesion));
    expect(summary[col('verdict')]).toBe(group.verdict?.comparison);
    expect(summary[col('differ')]).toBe(group.decisions.filter((d) => d.differs).length);
    // The summary row follows the group's decisions.
    expect(mine[mine.length - 1]).toBe(summary);
  }
});

it("should carry each Council's declared stances and arguments into the group's decisions and the CSV, and read a format 1 record as declaring none", () => {
  const declared: CouncilDeclarations = {
    fact_finding: { AM: { stance: 'supports', argument: 'Observers first, then we will know.' }, KZ: { stance: 'objects' } },
    stay_silent: { KZ: { stance: 'vetoes', argument: 'Silence tells every member it is on its own.' } },
  };
  const run = startRun(scenario, 'declared-1');
  decide(run, { option: 'fact_finding', leverage: false, declared });
  playToEnd(run, historicalPolicy, createRandom('declared-1'));
  const record = recordOf(run);
  expect(record.declared?.[0]).toEqual(declared);
  const oldFormat = readRunRecord({ ...played('2', silence), format: 1 });
  if (!oldFormat.ok) throw new Error(oldFormat.error);
  const set = classSet(scenario, [
    { name: 'Declaring', record },
    { name: 'Old', record: oldFormat.value },
  ]);
  if (!set.ok) throw new Error(set.error);
  const [declaring, old] = set.value;
  expect(worldHash(declaring.run.world)).toBe(worldHash(run.world));
  expect(declaring.decisions[0].declared).toEqual(declared);
  expect(declaredOnChoice(declaring.decisions[0])).toEqual(declared.fact_finding);
  expect(declaring.decisions[1].declared).toBeNull();
  expect(old.decisions.every((d) => d.declared === null)).toBe(true);
  const rows = classRows(set.value);
  const col = (name: (typeof CLASS_COLUMNS)[number]) => CLASS_COLUMNS.indexOf(name);
  // Members in the scenario's order; only the chosen option's declarations, and only the sentences given.
  expect(rows[0][col('declared')]).toBe('AM:supports KZ:objects');
  expect(rows[0][col('arguments')]).toBe('AM: Observers first, then we will know.');
  expect(rows.filter((r) => r[col('group')] === 'Old').every((r) => r[col('declared')] === '' && r[col('arguments')] === '')).toBe(true);
});
