import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { classPathPolicyArgument, classSet, commonPath, simulationPolicies } from '../../src/engine/analysis/class-set.ts';
import { compare } from '../../src/engine/analysis/compare.ts';
import { playOut, playToEnd } from '../../src/engine/play/batch.ts';
import type { CouncilDeclarations } from '../../src/engine/core/declared.ts';
import { createRandom } from '../../src/engine/core/random.ts';
import { decide, startRun } from '../../src/engine/play/run.ts';
import { fixedPolicy, historicalPolicy } from '../../src/engine/play/policies.ts';
import { recordOf, type RunRecord } from '../../src/engine/play/record.ts';
import { encodeRunParams } from '../../src/engine/play/share-link.ts';
import { classCsv } from '../../src/ui/class-results/class-exports.ts';
import { SIMULATED_RUNS, SIMULATION_SEED } from '../../src/ui/class-results/class-simulation.ts';
import { BASE_URL, describeBrowser, expectAccessible, fixtureScenario, openGame, screen, shot, tabTo, useBrowser } from './harness.ts';

const scenario = fixtureScenario('request_for_help');

/** What the third group's teams declared at its first Council (record format 2). */
const DECLARED: CouncilDeclarations = {
  fact_finding: { AM: { stance: 'supports', argument: 'Observers first, then we will know.' }, KZ: { stance: 'objects' } },
  stay_silent: { KZ: { stance: 'vetoes', argument: 'Silence tells every member it is on its own.' } },
};

function declaringRun(seed: string): RunRecord {
  const run = startRun(scenario, seed, { recordCauses: false });
  decide(run, { option: 'fact_finding', leverage: false, declared: DECLARED });
  return recordOf(playToEnd(run, historicalPolicy, createRandom(seed)));
}

/** Three groups' runs, played by the engine with different decisions on their own seeds, the third with declared stances. */
const records: RunRecord[] = [
  recordOf(playOut(scenario, 'class 7b-1', fixedPolicy({ the_call: 'send_troops', ceasefire: 'monitor', summit: 'strong_declaration' }))),
  recordOf(playOut(scenario, 'class 7b-2', fixedPolicy({ the_call: 'stay_silent', ceasefire: 'move_on', summit: 'vague_declaration' }))),
  declaringRun('class 7b-3'),
];
const links = records.map((r) => `${BASE_URL}#/share?${encodeRunParams(r)}`);
const BAD_LINK = `${BASE_URL}#/share?v=1&s=request_for_help`;

function engineSet() {
  const set = classSet(
    scenario,
    records.map((record, k) => ({ name: `Group ${k + 1}`, record })),
  );
  if (!set.ok) throw new Error(set.error);
  return set.value;
}

async function download(page: Page, kind: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-download="${kind}"]`)]);
  return readFileSync((await file.path())!, 'utf8');
}

async function pasteLinks(page: Page, text: string) {
  await page.fill('#class-links', text);
  await page.click('[data-action="add-links"]');
  await page.waitForSelector('table.class-summary');
}

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describeBrowser('Class results', () => {
  const browser = useBrowser();

  it("should load three groups' links pasted at once, with the engine's endings and cohesion, and say why a fourth cannot be used", async () => {
    const game = await openGame(browser(), '#/');
    const { page } = game;
    // From the Choose screen, by its link, and on by keyboard.
    await tabTo(page, '[data-action="class-results"]');
    await page.keyboard.press('Enter');
    await screen(page, 'class-results');
    await tabTo(page, '#class-links');
    await page.keyboard.insertText(`${links[0]}\n${links[1]}  ${BAD_LINK}\n${links[2]}`);
    await tabTo(page, '[data-action="add-links"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('table.class-summary');
    // What could not be read is left in the box, to be mended.
    expect(await page.inputValue('#class-links')).toBe(BAD_LINK);

    const groups = engineSet();
    const table = await page.$$eval('table.class-summary tbody tr', (rows) =>
      rows.map((tr) => ({
        group: tr.getAttribute('data-group'),
        ending: tr.querySelector('[data-ending]')?.getAttribute('data-ending'),
        cohesion: Number(tr.querySelector('[data-cohesion]')?.getAttribute('data-cohesion')),
      })),
    );
    expect(table).toEqual(groups.map((g) => ({ group: g.name, ending: g.run.world.ending, cohesion: Math.round(g.cohesion) })));
    // The decisions, each marked where it differs from history on the group's own seed.
    const decisions = await page.$$eval('table.class-decisions tbody tr', (rows) =>
      rows.map((tr) => [...tr.querySelectorAll('td[data-decision]')].map((td) => `${td.getAttribute('data-decision')}:${td.getAttribute('data-differs')}`)),
    );
    const expected = Array.from({ length: Math.max(...groups.map((g) => g.decisions.length)) }, (_, i) =>
      groups.flatMap((g) => (g.decisions[i] ? [`${g.decisions[i].decision}:${g.decisions[i].differs}`] : [])),
    );
    expect(decisions).toEqual(expected);
    expect(records[2].format).toBe(2);

    // The third group's declared stances and their sentences, on the option chosen and on the one it spoke against.
    const argued = (option: string, member: string) =>
      page.textContent(`.class-arguments [data-group="Group 3"] [data-option="${option}"] [data-member="${member}"]`);
    expect(await argued('fact_finding', 'AM')).toBe('Armenia supports: “Observers first, then we will know.”');
    expect(await argued('fact_finding', 'KZ')).toBe('Kazakhstan objects (no argument given)');
    expect(await argued('stay_silent', 'KZ')).toBe('Kazakhstan vetoes: “Silence tells every member it is on its own.”');
    expect(await page.$$eval('.class-arguments [data-group]', (els) => els.map((e) => e.getAttribute('data-group')))).toEqual(['Group 3']);

    // The bad link has its own sentence; the three still loaded.
    const problems = await page.$$eval('[data-problems] li', (items) => items.map((li) => li.textContent ?? ''));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Link 3 .*cannot be used: this link is incomplete: it has no 'seed'/);

    // The CSV is the engine's class rows, and agrees with the table on screen.
    const csv = await download(page, 'csv');
    expect(csv).toBe(classCsv(groups));
    const summaries = csv
      .trim()
      .split('\n')
      .map((line) => line.split(','))
      .filter((cells) => cells[3] === 'summary');
    expect(summaries.map((c) => ({ group: c[0], ending: c[9], cohesion: Math.round(Number(c[11])) }))).toEqual(table);

    // The same links again: nothing is added twice.
    await pasteLinks(page, links[0]);
    expect(await page.$$eval('table.class-summary tbody tr', (rows) => rows.length)).toBe(3);
    expect(await page.textContent('[data-problems] li')).toMatch(/^Link 1 is the same run as “Group 1”/);

    await expectAccessible(page, 'class results, three groups');
    await game.expectClean();
    await game.close();
  });

  it("should set the class against the engine's simulation of history and of its most common path, and rename a group everywhere", async () => {
    const game = await openGame(browser(), '#/class/results');
    const { page } = game;
    await screen(page, 'class-results');
    await pasteLinks(page, links.join(' '));
    await page.click('[data-action="simulate"]');
    await page.waitForSelector('[data-simulation="done"]', { timeout: 60_000 });

    const groups = engineSet();
    const report = compare(scenario, simulationPolicies(commonPath(groups)), { runs: SIMULATED_RUNS, seed: SIMULATION_SEED });
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    for (const ending of scenario.endings) {
      const outcome = report.outcomes.find((o) => o.key === `ending:${ending.id}`)!;
      const cells = await page.$$eval(`table.class-endings tr[data-ending="${ending.id}"] td`, (tds) => tds.map((td) => td.textContent ?? ''));
      expect(cells.slice(0, 2)).toEqual(outcome.byPolicy.map((s) => `${pct(s.estimate)} (${pct(s.lo)}–${pct(s.hi)})`));
      const reached = groups.filter((g) => g.ending?.id === ending.id).map((g) => g.name);
      expect(cells[2]).toBe(reached.length ? reached.join(', ') : '–');
    }
    // The command line's equivalent, with the class's path as its fixed policy.
    expect(await page.textContent('[data-command]')).toBe(
      `npm run cli -- compare request_for_help --policy historical --policy '${classPathPolicyArgument(commonPath(groups))}' --runs ${SIMULATED_RUNS} --seed ${SIMULATION_SEED}`,
    );
    // Each group is marked on the chart of final cohesion, under both rows.
    expect(await page.$$eval('svg.outlook-chart path', (marks) => marks.length)).toBe(groups.length * 2);

    // Renamed, the group is called so in the table and the CSV.
    await page.fill('#group-name-2', 'The Hawks');
    await page.press('#group-name-2', 'Enter');
    await page.waitForSelector('table.class-summary tr[data-group="The Hawks"]');
    // The class's path is unchanged by a name: its results stay, under the new name.
    expect(await page.getAttribute('[data-simulation]', 'data-simulation')).toBe('done');
    expect(await page.textContent('.class-marks')).toContain('2. The Hawks');
    expect(await download(page, 'csv')).toBe(classCsv(groups.map((g, k) => (k === 1 ? { ...g, name: 'The Hawks' } : g))));

    for (const [width, height] of [
      [1366, 768],
      [1024, 600],
      [390, 844],
    ]) {
      await page.setViewportSize({ width, height });
      expect(await sideways(page), `sideways scroll at ${width}`).toBe(0);
      await expectAccessible(page, `class results at ${width}x${height}`);
      await shot(page, `class-results-${width}`, true);
    }
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.class-input')).toBe(false);
    expect(await page.isVisible('.bar')).toBe(false);
    expect(await page.isVisible('table.class-decisions')).toBe(true);
    await game.expectClean();
    await game.close();
  });

  it("should read record files (the command line's, and its own JSON back, with the groups' names) and this browser's saves, saying why a file cannot be used", async () => {
    const game = await openGame(browser(), '#/');
    const { page } = game;
    await page.evaluate((record) => {
      const save = { save: 1, slot: 'saved-1', label: 'New game', name: 'Period 3, table 2', savedAt: '2026-01-01T00:00:00.000Z', record };
      localStorage.setItem('article-four.run.saved-1', JSON.stringify(save));
    }, records[1]);
    await page.goto(`${BASE_URL}#/class/results`);
    await screen(page, 'class-results');

    const json = (data: unknown) => Buffer.from(JSON.stringify(data));
    await page.setInputFiles('#class-files', [
      { name: 'group-a.json', mimeType: 'application/json', buffer: json({ ...records[0], contentHash: 'an-older-version' }) },
      { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('these are not runs') },
    ]);
    await page.waitForSelector('table.class-summary');
    expect(await page.$$eval('[data-problems] li', (items) => items.map((li) => li.textContent))).toEqual([
      'File notes.json cannot be used: it is not a run record (not JSON data).',
    ]);
    // Played on another version of the scenario: replayed on this one, and the page says so.
    expect(await page.textContent('.replay-notes')).toBe(
      'Group 1: the scenario has changed since this run was recorded; it is replayed on the current version.',
    );
    await page.click('[data-action="add-saved"]');
    await page.waitForSelector('table.class-summary tr[data-group="Period 3, table 2"]');
    await page.fill('#group-name-1', 'The Doves');
    await page.press('#group-name-1', 'Enter');
    await page.waitForSelector('table.class-summary tr[data-group="The Doves"]');

    // Its own JSON, brought back after the page forgot the runs, gives the same groups under the same names.
    const exported = await download(page, 'json');
    await page.click('[data-action="clear-groups"]');
    expect(await page.$$('table.class-summary')).toHaveLength(0);
    await page.setInputFiles('#class-files', [{ name: 'class.json', mimeType: 'application/json', buffer: Buffer.from(exported) }]);
    await page.waitForSelector('table.class-summary');
    expect(await page.$$eval('table.class-summary tbody tr', (rows) => rows.map((tr) => tr.getAttribute('data-group')))).toEqual([
      'The Doves',
      'Period 3, table 2',
    ]);

    // A run of another scenario: each scenario's groups on their own, and the page says so.
    const other = fixtureScenario('border_clash');
    await pasteLinks(page, `${BASE_URL}#/share?${encodeRunParams(recordOf(playOut(other, 'class 7b-9', historicalPolicy)))}`);
    await page.waitForSelector('[data-mixed="2"]');
    expect(
      await page.$$eval('.class-set', (sets) => sets.map((s) => [s.getAttribute('data-scenario'), s.querySelectorAll('table.class-summary tbody tr').length])),
    ).toEqual([
      ['request_for_help', 2],
      ['border_clash', 1],
    ]);
    await expectAccessible(page, 'class results from files and saves');
    await game.expectClean();
    await game.close();
  });
});
