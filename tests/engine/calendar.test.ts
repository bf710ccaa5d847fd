import { describe, expect, it } from 'vitest';
import { choiceAt, choicesOf } from '../../src/engine/play/choices.ts';
import { decide, isOver, startRun, type Run } from '../../src/engine/play/run.ts';
import { createRandom } from '../../src/engine/core/random.ts';
import type { Change } from '../../src/engine/core/world.ts';
import type { Scenario } from '../../src/engine/core/scenario.ts';
import { allScenarios, FIXTURE, mustLoad, RULES } from '../support/scenarios.ts';
import { sized } from '../support/tier.ts';
import { loadScenario } from '../../src/engine/authoring/load.ts';
import { calendarMonth } from '../../src/engine/core/calendar.ts';

/**
 * The run's calendar: standing drift for every month between one development's date and the next,
 * leverage debts due some months after the decision (and all of them when the run ends). The variants of
 * request_for_help below differ from the fixture in their developments' `time:` alone.
 */

/** The fixture with its three developments dated as given (null leaves one undated). */
function dated(times: { the_call: string | null; ceasefire: string | null; summit: string | null }, rules = RULES): Scenario {
  let text = FIXTURE.text;
  for (const [date, time] of [
    ['September 2022', times.the_call],
    ['Autumn 2022', times.ceasefire],
    ['November 2022', times.summit],
  ] as const) {
    const line = `    date: ${date}\n`;
    expect(text).toContain(line);
    if (time !== null) text = text.replace(line, `${line}    time: "${time}"\n`);
  }
  return mustLoad({ file: FIXTURE.file, text }, rules);
}

/** Troops with leverage at the call, then on to the summit by the ceasefire: every development, every gap. */
function playThrough(scenario: Scenario, seed = 'calendar', untilSummit = false): Run {
  const run = startRun(scenario, seed);
  decide(run, { option: 'send_troops', leverage: true });
  expect(run.world.development).toBe('ceasefire');
  decide(run, { option: 'move_on', leverage: false });
  expect(run.world.development).toBe('summit');
  if (!untilSummit) decide(run, { option: 'vague_declaration', leverage: false });
  return run;
}

const ofRule = (run: Run, rule: string): Change[] => (run.world.changes ?? []).filter((c) => c.cause.kind === 'drift' && c.cause.rule === rule);
const total = (changes: Change[]) => changes.reduce((sum, c) => sum + ((c.after as number) - (c.before as number)), 0);

/** The standing rules with two rules of constant rate: one on each member, one on the alliance. */
const CONSTANT = RULES.text.replace(
  '\ndrift:\n',
  `\ndrift:
  - { id: steady_hedge, change: self.hedging, by: 0.25, why: a test of a constant rate, assumption: true }
  - { id: steady_wear, change: credibility, by: -0.5, why: a test of a constant rate on the alliance, assumption: true }
`,
);
const CONSTANT_RULES = { file: RULES.file, text: CONSTANT };

describe('drift by the calendar', () => {
  it('should drift twice as far when the same developments are spread over twice the time', () => {
    expect(CONSTANT).not.toBe(RULES.text);
    const short = playThrough(dated({ the_call: '2022-01-01', ceasefire: '2022-03-01', summit: '2022-07-01' }, CONSTANT_RULES));
    const long = playThrough(dated({ the_call: '2022-01-01', ceasefire: '2022-05-01', summit: '2023-01-01' }, CONSTANT_RULES));
    const members = short.scenario.members.length;
    // Six months, then twelve: a constant rate adds up exactly.
    expect(total(ofRule(short, 'steady_wear'))).toBe(-0.5 * 6);
    expect(total(ofRule(long, 'steady_wear'))).toBe(-0.5 * 12);
    expect(total(ofRule(short, 'steady_hedge'))).toBeCloseTo(0.25 * 6 * members, 9);
    expect(total(ofRule(long, 'steady_hedge'))).toBeCloseTo(0.25 * 12 * members, 9);
    // The library's pull toward the public's mood goes the same way, further, but less than twice as far.
    for (const code of short.scenario.members) {
      const near = total(ofRule(short, 'public_pull').filter((c) => c.cause.member === code));
      const far = total(ofRule(long, 'public_pull').filter((c) => c.cause.member === code));
      if (Math.abs(near) < 0.5) continue;
      expect(Math.sign(far)).toBe(Math.sign(near));
      expect(Math.abs(far)).toBeGreaterThan(Math.abs(near));
      expect(Math.abs(far)).toBeLessThan(2.2 * Math.abs(near));
    }
    expect(short.scenario.members.some((code) => Math.abs(total(ofRule(short, 'public_pull').filter((c) => c.cause.member === code))) >= 0.5)).toBe(true);
  });

  it('should drift a month per development when the developments are undated, as drift once ran per decision', () => {
    const run = playThrough(mustLoad(FIXTURE, CONSTANT_RULES));
    expect(total(ofRule(run, 'steady_wear'))).toBe(-0.5 * 2);
  });

  it('should drift a fraction of a month for a gap of days, and at most a month at a time', () => {
    const run = playThrough(dated({ the_call: '2022-01-01', ceasefire: '2022-01-16', summit: '2022-04-16' }, CONSTANT_RULES));
    const wear = ofRule(run, 'steady_wear');
    expect(total(wear)).toBeCloseTo(-0.5 * 3.5, 9);
    for (const c of wear) expect((c.after as number) - (c.before as number)).toBeGreaterThanOrEqual(-0.5 - 1e-9);
  });

  it('should drift nothing into a development dated earlier than the one before', () => {
    const run = startRun(dated({ the_call: '2022-06-01', ceasefire: '2022-03-01', summit: '2022-07-01' }, CONSTANT_RULES), 'calendar');
    decide(run, { option: 'send_troops', leverage: true });
    expect(run.world.development).toBe('ceasefire');
    expect((run.world.changes ?? []).filter((c) => c.cause.kind === 'drift')).toEqual([]);
    // The calendar has moved back: from there, the next gap drifts as usual.
    decide(run, { option: 'move_on', leverage: false });
    expect(total(ofRule(run, 'steady_wear'))).toBe(-0.5 * 4);
  });

  it('should apply a rule on an alliance value once a month, not once for each member', () => {
    const run = playThrough(dated({ the_call: '2022-01-01', ceasefire: '2022-03-01', summit: '2022-07-01' }, CONSTANT_RULES));
    const members = run.scenario.members.length;
    expect(members).toBeGreaterThan(1);
    expect(ofRule(run, 'steady_wear').length).toBe(6);
    expect(ofRule(run, 'steady_wear').every((c) => c.target === 'credibility' && c.cause.member === undefined)).toBe(true);
    expect(ofRule(run, 'steady_hedge').length).toBe(6 * members);
  });
});

describe('dates as the loader reads them', () => {
  /** The fixture's problems with its developments dated as given. */
  function problemsWhenDated(times: [string | null, string | null, string | null]) {
    let text = FIXTURE.text;
    for (const [date, time] of [
      ['September 2022', times[0]],
      ['Autumn 2022', times[1]],
      ['November 2022', times[2]],
    ] as const) {
      if (time !== null) text = text.replace(`    date: ${date}\n`, `    date: ${date}\n    time: "${time}"\n`);
    }
    const loaded = loadScenario({ file: FIXTURE.file, text }, RULES);
    return loaded.ok ? [] : loaded.error.map((p) => `${p.path}: ${p.message}`);
  }

  it('should refuse a file that dates some developments and not others: the gap from an undated one cannot be measured', () => {
    expect(problemsWhenDated(['2022-09-13', null, '2022-11-23'])).toEqual([
      expect.stringMatching(/^developments\[1\]: date every development with time: or none \(the_call, summit are dated\)/),
    ]);
    expect(problemsWhenDated([null, null, null])).toEqual([]);
  });

  it('should refuse a day its month does not have, and count each day as its share of its own month', () => {
    expect(problemsWhenDated(['2022-02-30', '2022-03-01', '2022-04-01'])).toEqual([
      expect.stringMatching(/^developments\[0\]\.time: no such day in that month/),
    ]);
    expect(problemsWhenDated(['2024-02-29', '2024-03-01', '2024-04-01'])).toEqual([]);
    expect(calendarMonth('2022-01-31') - calendarMonth('2022-01')).toBeCloseTo(30 / 31, 9);
    expect(calendarMonth('2022-02-15') - calendarMonth('2022-02')).toBeCloseTo(14 / 28, 9);
    expect(calendarMonth('2022-03')).toBe(calendarMonth('2022-02') + 1);
  });
});

describe('leverage debts by the calendar', () => {
  const lev = () => mustLoad().params.leverage;
  const debtChanges = (run: Run) => (run.world.changes ?? []).filter((c) => c.cause.kind === 'debt');

  it('should charge a debt at the first development at least its months later, not before', () => {
    const due = lev().dueMonths;
    expect(due).toBe(3);
    // The call on 1 January: the debt is due on 1 April.
    const soon = startRun(dated({ the_call: '2022-01-01', ceasefire: '2022-02-01', summit: '2022-04-01' }), 'debts');
    decide(soon, { option: 'send_troops', leverage: true });
    const bought = soon.world.debts.map((d) => d.member);
    expect(bought.length).toBeGreaterThan(0);
    expect(soon.world.debts.every((d) => d.dueMonth === 2022 * 12 + 3)).toBe(true);
    // At the ceasefire, a month on: nothing paid yet.
    expect(debtChanges(soon)).toEqual([]);
    expect(soon.world.debts.length).toBe(bought.length);
    // The summit, exactly three months on: paid on the way there, before its Council sits.
    decide(soon, { option: 'move_on', leverage: false });
    expect(soon.world.development).toBe('summit');
    expect(soon.world.debts).toEqual([]);
    expect(
      debtChanges(soon)
        .map((c) => c.cause.member)
        .sort(),
    ).toEqual(bought.slice().sort());

    // The summit half a month short of three months: still open there, paid only when the run ends.
    const late = startRun(dated({ the_call: '2022-01-01', ceasefire: '2022-02-01', summit: '2022-03-15' }), 'debts');
    decide(late, { option: 'send_troops', leverage: true });
    decide(late, { option: 'move_on', leverage: false });
    expect(late.world.development).toBe('summit');
    expect(debtChanges(late)).toEqual([]);
    expect(late.world.debts.length).toBe(bought.length);
    decide(late, { option: 'vague_declaration', leverage: false });
    expect(late.world.debts).toEqual([]);
    expect(
      debtChanges(late)
        .map((c) => c.cause.member)
        .sort(),
    ).toEqual(bought.slice().sort());
  });

  it('should leave no debt open when a run ends, leverage spent at its last decision paid in loyalty', () => {
    let lastWithLeverage = 0;
    for (const scenario of allScenarios()) {
      for (let i = 0; i < sized(6, 60); i++) {
        const run = startRun(scenario, `debts-${i}`);
        const random = createRandom(`debts-${i}-choices`);
        let last: { bought: string[]; loyalty: Record<string, number> } | null = null;
        while (!isOver(run)) {
          const choices = choicesOf(run);
          // Leverage wherever it is offered, so that it is often spent at the last decision.
          const withLeverage = choices.filter((c) => c.leverage);
          const pool = withLeverage.length ? withLeverage : choices;
          const choice = choiceAt(pool, Math.floor(random.next() * pool.length));
          const bought = choice.leverage ? choice.view.leverage.buys : [];
          last = { bought, loyalty: Object.fromEntries(bought.map((m) => [m, run.world.members[m].loyalty])) };
          const seqBefore = run.world.changes!.length;
          decide(run, choice);
          if (isOver(run) && bought.length) {
            lastWithLeverage++;
            const paid = run.world.changes!.slice(seqBefore).filter((c) => c.cause.kind === 'debt');
            for (const m of bought) {
              // Paid unless its loyalty had nowhere lower to go.
              if (last.loyalty[m] > 0 && run.world.members[m].status === 'member')
                expect(paid.some((c) => c.cause.member === m && c.target === `${m}.loyalty`)).toBe(true);
            }
          }
        }
        expect(run.world.debts).toEqual([]);
      }
    }
    // Without runs that spend leverage at their last decision, this would prove nothing.
    expect(lastWithLeverage).toBeGreaterThan(0);
  });
});
