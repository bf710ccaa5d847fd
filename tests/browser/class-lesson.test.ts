import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { loadEntry } from '../../src/engine/authoring/library.ts';
import { classSet } from '../../src/engine/analysis/class-set.ts';
import { decodeRunParams, encodeRunParams } from '../../src/engine/play/share-link.ts';
import { playOut } from '../../src/engine/play/batch.ts';
import { fixedPolicy, historicalPolicy } from '../../src/engine/play/policies.ts';
import { recordOf, replay } from '../../src/engine/play/record.ts';
import { readProjectFile, rulesFile } from '../../src/node/scenario-folder.ts';
import { classOption, pick, setUpThreeTeams } from './class-fixtures.ts';
import { describeBrowser, openGame, screen, useBrowser } from './harness.ts';

/**
 * A whole lesson through the screens a teacher uses: the exercise set up on the classroom's screen, the
 * class's two decisions on one screen with declared stances and a reveal, the debrief, and the class's
 * runs (this one and two other groups') side by side in Class results, agreeing with the engine.
 */
const loaded = loadEntry(readProjectFile('scenarios/armenia_2022.yaml'), [], rulesFile());
if (!loaded.ok) throw new Error('armenia_2022 does not load');
const scenario = loaded.value;

/** Through the reveal to the aftermath, then on. */
async function revealAndGoOn(page: Page) {
  await screen(page, 'reveal');
  await page.getByRole('button', { name: 'Reveal the consequences' }).click();
  await screen(page, 'aftermath');
  await page.click('[data-action="continue"]');
}

describeBrowser('a lesson, from the setup to the class results', () => {
  const browser = useBrowser();

  it("should set up three teams, play the class's two decisions on one screen, reach the debrief, and set the groups side by side", async () => {
    const game = await openGame(browser(), '#/');
    const { page } = game;
    await page.click('[data-action="run-a-class"]');
    await screen(page, 'class-setup');
    await setUpThreeTeams(page);
    await page.fill('#class-seed', 'Lesson 3');
    await page.check('#decisions-chosen');
    await page.check('#decision-1');
    await page.check('#decision-3');
    await page.click('[data-action="start-class"]');
    await screen(page, 'briefing');
    expect(await page.locator('.class-bar').count()).toBe(1);

    // Decision 1: the teams declare; Kazakhstan's declared veto blocks the condemnation; the chair sends observers.
    await page.click('[data-action="convene"]');
    await screen(page, 'council');
    await pick(page, 'condemn_attack', 'AM', 'supports');
    await pick(page, 'condemn_attack', 'KZ', 'vetoes');
    await pick(page, 'condemn_attack', 'BY', 'objects');
    expect(await classOption(page, 'condemn_attack').locator('.class-outcome').getAttribute('data-outcome')).toBe('blocked');
    for (const [member, stance] of [
      ['AM', 'objects'],
      ['KZ', 'supports'],
      ['BY', 'accepts'],
    ] as const)
      await pick(page, 'sidorov_mission', member, stance);
    await classOption(page, 'sidorov_mission').locator('fieldset[data-member="AM"] textarea').fill('Observers are not soldiers.');
    await page.click('.class-council button[data-option="sidorov_mission"][data-leverage="false"]');
    await revealAndGoOn(page);

    // Decision 2 is history's; decision 3 the class's again.
    await screen(page, 'briefing');
    await page.click('[data-action="convene"]');
    await screen(page, 'council');
    for (const [member, stance] of [
      ['AM', 'supports'],
      ['KZ', 'accepts'],
      ['BY', 'objects'],
    ] as const)
      await pick(page, 'name_the_aggression', member, stance);
    await page.click('.class-council button[data-option="name_the_aggression"][data-leverage="false"]');
    await revealAndGoOn(page);
    await screen(page, 'debrief');

    // The class's link, beside two other groups' runs on their own seeds.
    await page.click('button[aria-controls^="panel-share"]');
    const ours = await page.inputValue('.share-link');
    const decoded = decodeRunParams(ours);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.value.seed).toBe('lesson 3');
    expect(decoded.value.declared?.[0]?.sidorov_mission?.AM).toEqual({ stance: 'objects', argument: 'Observers are not soldiers.' });
    const others = [
      recordOf(playOut(scenario, 'lesson 3b', historicalPolicy)),
      recordOf(playOut(scenario, 'lesson 3c', fixedPolicy({ article_four: 'sidorov_mission' }))),
    ].map((r) => `http://school.example/#/share?${encodeRunParams(r)}`);
    await page.goto(`${page.url().split('#')[0]}#/class/results`);
    await screen(page, 'class-results');
    await page.fill('#class-links', [ours, ...others].join('\n'));
    await page.click('[data-action="add-links"]');
    await page.waitForSelector('table.class-summary');

    const records = [ours, ...others].map((link) => {
      const read = decodeRunParams(link);
      if (!read.ok) throw new Error(read.error);
      return read.value;
    });
    const set = classSet(
      scenario,
      records.map((record, k) => ({ name: `Group ${k + 1}`, record })),
    );
    if (!set.ok) throw new Error(set.error);
    const table = await page.$$eval('table.class-summary tbody tr', (rows) =>
      rows.map((tr) => ({
        ending: tr.querySelector('[data-ending]')?.getAttribute('data-ending'),
        cohesion: Number(tr.querySelector('[data-cohesion]')?.getAttribute('data-cohesion')),
      })),
    );
    expect(table).toEqual(set.value.map((g) => ({ ending: g.run.world.ending, cohesion: Math.round(g.cohesion) })));
    // The class's own run, replayed by the engine from its link, is the world the debrief showed.
    const replayed = replay(scenario, records[0]);
    if (!replayed.ok) throw new Error(replayed.error);
    expect(replayed.value.run.world.ending).toBe(table[0]?.ending);
    expect(await page.textContent('.class-arguments [data-group="Group 1"]')).toContain('Observers are not soldiers.');
    // The meters over time, read from the charts' table, are each group's trajectory and history's on its seed.
    const rows = await page.$$eval('.class-charts table.chart-data tbody tr', (trs) =>
      trs.map((tr) => [
        tr.querySelector('th')?.textContent ?? '',
        ...[...tr.querySelectorAll('td')].map((td) => td.textContent ?? '').filter((t) => t !== '–'),
      ]),
    );
    const expectedRows = set.value.flatMap((g) =>
      (['cohesion', 'credibility'] as const).flatMap((meter) => [
        [`${g.name}: ${meter}`, ...g.run.world.trajectory.map((w) => String(Math.round(w[meter])))],
        [`${g.name}: ${meter}, history on its seed`, ...g.history.world.trajectory.map((w) => String(Math.round(w[meter])))],
      ]),
    );
    expect(rows).toEqual(expectedRows);
    await game.expectClean();
    await game.close();
  }, 300_000);
});
