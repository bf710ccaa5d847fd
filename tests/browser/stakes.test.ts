import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { playOut } from '../../src/engine/play/batch.ts';
import { historicalPolicy } from '../../src/engine/play/policies.ts';
import { decide, parseDecision, startRun } from '../../src/engine/play/run.ts';
import { verdictAgainstHistory } from '../../src/engine/play/verdict.ts';
import { changeMeaning, meterBand } from '../../src/engine/rules/meter-meaning.ts';
import { currentScreen, describeBrowser, expectAccessible, fixtureScenario, openGame, screen, seedWhere, shot, tabTo, useBrowser } from './harness.ts';

const PLAY = 'button[aria-label="Play: A member asks for help"]';

async function startAt(page: Page, seed: string) {
  await page.fill('#seed', seed);
  await page.click(PLAY);
  await screen(page, 'briefing');
}

/** The stakes of a run (objective, bands, good and bad news, the endings and the verdict) and the Council at a glance. */
describeBrowser('stakes and the Council at a glance', () => {
  const browser = useBrowser();
  const scenario = fixtureScenario('request_for_help');

  it('should state the objective on the Choose screen and the briefing', async () => {
    const game = await openGame(browser());
    const { page } = game;
    await screen(page, 'choose');
    const card = page.locator('[data-scenario="request_for_help"]');
    await expect(card.locator('.objective').textContent()).resolves.toBe(`Your objective: ${scenario.objective}`);
    await startAt(page, 'objective-1');
    await expect(page.locator('.briefing .objective').textContent()).resolves.toContain(scenario.objective);
    await game.expectClean();
    await game.close();
  });

  it('should show the Council as a grid of stances that fits a 1366x768 screen, its details open from the keyboard', async () => {
    const game = await openGame(browser());
    const { page } = game;
    await startAt(page, 'grid-1');
    await page.click('[data-action="convene"]');
    await screen(page, 'council');
    const options = scenario.developments[scenario.start].options;
    // A row per option, a stance per member in each, as an icon and a word.
    await expect(page.locator('.council-grid tbody.option').count()).resolves.toBe(options.length);
    await expect(page.locator('.council-grid thead .member-col').count()).resolves.toBe(scenario.members.length);
    const cells = await page
      .locator('.council-grid td.stance')
      .evaluateAll((tds) => tds.map((td) => ({ mark: td.querySelector('.mark')?.textContent ?? '', word: td.querySelector('.word')?.textContent ?? '' })));
    expect(cells).toHaveLength(options.length * scenario.members.length);
    for (const cell of cells) {
      expect(cell.mark).toMatch(/^[✔○✖⊘]$/);
      expect(['supports', 'accepts', 'objects', 'vetoes', 'opposes', 'blocks']).toContain(cell.word);
    }
    // The overview and every Choose button are on the first screen.
    await page.evaluate(() => window.scrollTo(0, 0));
    const lowest = await page
      .locator('.council-grid button[data-option]')
      .evaluateAll((buttons) => Math.max(...buttons.map((b) => b.getBoundingClientRect().bottom)));
    expect(lowest).toBeLessThanOrEqual(768);
    await expect(page.locator('.option-details:visible').count()).resolves.toBe(0);
    await expectAccessible(page, 'the Council grid');

    // Details open by keyboard: each leader speaks, the numbers are one step further.
    await tabTo(page, '[data-option-card="send_troops"] .details-toggle');
    await page.keyboard.press('Enter');
    const details = page.locator('[data-option-card="send_troops"] .option-details');
    await expect(details.isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-option-card="send_troops"] .details-toggle').getAttribute('aria-expanded')).resolves.toBe('true');
    const voice = await details.locator('.voices li[data-member="AM"]').textContent();
    expect(voice).toMatch(new RegExp(`^. ${scenario.leaders.AM.name.split(' ').pop()} (supports|accepts|objects|vetoes|opposes|blocks) \\(Armenia\\): `));
    await expect(details.locator('table.stance-numbers').isVisible()).resolves.toBe(false);
    await tabTo(page, '[data-option-card="send_troops"] details.numbers > summary');
    await page.keyboard.press('Enter');
    await expect(details.locator('table.stance-numbers').isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'the Council with an option open');
    await shot(page, '20-council-details');
    // Escape closes the details and gives focus back to the button that opened them.
    await page.keyboard.press('Escape');
    await expect(details.isVisible()).resolves.toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('details-toggle'))).toBe(true);
    await game.expectClean();
    await game.close();
  });

  for (const viewport of [
    { width: 1024, height: 600 },
    { width: 390, height: 844 },
  ]) {
    it(`should keep the Council and the aftermath readable at ${viewport.width}x${viewport.height}, with no sideways scroll`, async () => {
      const game = await openGame(browser(), '', { viewport });
      const { page } = game;
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await startAt(page, 'narrow-1');
      await page.click('[data-action="convene"]');
      await screen(page, 'council');
      expect(await overflow()).toBeLessThanOrEqual(0);
      // Each stance names its member where there is no column header to read.
      const first = page.locator('.council-grid td.stance').first();
      expect(await first.evaluate((td) => getComputedStyle(td, '::before').content)).toContain(scenario.names.RU);
      await expectAccessible(page, `the Council at ${viewport.width}`);
      await shot(page, `21-council-${viewport.width}`);
      await page.locator('button[data-option][data-leverage="false"]').first().click();
      await screen(page, 'aftermath');
      expect(await overflow()).toBeLessThanOrEqual(0);
      await expectAccessible(page, `the aftermath at ${viewport.width}`);
      await game.expectClean();
      await game.close();
    });
  }

  it('should give every meter its band and colour each change by what it means for the alliance', async () => {
    // A seed on which Armenia hedges more after the fact-finding mission: a rise that is bad news.
    const seed = seedWhere(scenario, 'fact_finding', (run) => run.world.members.AM.hedging > run.world.initial['AM.hedging'] + 0.5);
    const game = await openGame(browser());
    const { page } = game;
    await startAt(page, seed);
    await page.click('[data-action="convene"]');
    await screen(page, 'council');
    await page.click('button[data-option="fact_finding"][data-leverage="false"]');
    await screen(page, 'aftermath');

    // The gauges and the members' table: a band word beside each number, the one the engine names.
    for (const meter of ['cohesion', 'credibility', 'moscowBandwidth'] as const) {
      const value = Number(await page.locator(`.gauge-${meter} .value`).textContent());
      await expect(page.locator(`.gauge-${meter} .band`).textContent()).resolves.toBe(meterBand(meter, value).word);
    }
    const bands = await page.locator('table.members td[data-value] .band').count();
    expect(bands).toBe(scenario.members.length * 3);

    // What changed: coloured and named by meaning, which is not the sign.
    const rows = await page.locator('table.changed tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        key: tr.getAttribute('data-key') ?? '',
        before: Number(tr.children[1]?.textContent),
        after: Number.parseFloat(tr.children[2]?.textContent ?? ''),
        classes: tr.children[3]?.className ?? '',
        text: tr.children[3]?.textContent ?? '',
      })),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows.filter((r) => !r.key.endsWith('.status'))) {
      const meaning = changeMeaning(scenario, row.key, row.after - row.before);
      expect(row.classes, row.key).toContain(meaning);
      if (meaning !== 'neutral') expect(row.text, row.key).toContain(`${meaning} for the alliance`);
    }
    const hedging = rows.find((r) => r.key === 'AM.hedging');
    expect(hedging?.text).toMatch(/^\+/);
    expect(hedging?.classes).toContain('bad');
    // The meters' trends say the same in words, not only in colour: Armenia hedging more is bad news.
    const hedgingTrend = page.locator('table.members tr[data-member="AM"] td[data-value="hedging"] .trend');
    await expect(hedgingTrend.textContent()).resolves.toMatch(/up \d+ since the start, bad for the alliance/);
    await expect(hedgingTrend.getAttribute('class')).resolves.toContain('bad');
    await expectAccessible(page, 'the aftermath with bands and meanings');
    await shot(page, '22-aftermath-meanings');
    await game.expectClean();
    await game.close();
  });

  it("should list every ending with the one reached marked, and judge the run against history's on the same seed", async () => {
    const seed = 'verdict-3';
    const game = await openGame(browser());
    const { page } = game;
    await startAt(page, seed);
    const taken: string[] = [];
    for (let guard = 0; guard < 20 && (await currentScreen(page)) !== 'debrief'; guard++) {
      const now = await currentScreen(page);
      if (now === 'briefing') await page.click('[data-action="convene"]');
      else if (now === 'aftermath') await page.click('[data-action="continue"]');
      else if (now === 'council') {
        // Send the troops, with leverage where it takes that; then the first option that passes.
        const troops = page.locator('button[data-option="send_troops"]').last();
        const button = (await troops.count()) ? troops : page.locator('button[data-option][data-leverage="false"]').first();
        const leverage = (await button.getAttribute('data-leverage')) === 'true';
        taken.push(`${await button.getAttribute('data-option')}${leverage ? '+leverage' : ''}`);
        await button.click();
      }
      await page.waitForFunction((was) => document.body.dataset.screen !== was, now);
    }
    await screen(page, 'debrief');

    const mine = startRun(scenario, seed, { recordCauses: false });
    for (const d of taken) decide(mine, parseDecision(d));
    const history = playOut(scenario, seed, historicalPolicy);
    const verdict = verdictAgainstHistory(scenario, mine.world, history.world);

    await expect(page.locator('.debrief .objective').textContent()).resolves.toContain(scenario.objective);
    const endings = await page
      .locator('.endings-list li')
      .evaluateAll((lis) => lis.map((li) => ({ id: li.getAttribute('data-ending-id'), current: li.getAttribute('aria-current'), text: li.textContent ?? '' })));
    expect(endings.map((e) => e.id)).toEqual(scenario.endings.map((e) => e.id));
    expect(endings.filter((e) => e.current === 'true').map((e) => e.id)).toEqual([verdict.mine.id]);
    expect(endings.find((e) => e.id === verdict.mine.id)?.text).toContain('Your ending');
    expect(endings.find((e) => e.id === verdict.history.id)?.text).toContain('History on this seed');

    const line = await page.locator('.history-verdict-line').textContent();
    expect(line).toContain(
      `History on this seed ended in “${verdict.history.title}”; you ended in “${verdict.mine.title}”: ${verdict.comparison} for the alliance`,
    );
    await expect(page.locator('.history-verdict').getAttribute('data-verdict')).resolves.toBe(verdict.comparison);
    const figures = await page.locator('.history-verdict-figures li').allTextContents();
    expect(figures[0]).toContain(`cohesion ${Math.round(verdict.figures.mine.cohesion)} (${meterBand('cohesion', verdict.figures.mine.cohesion).word})`);
    expect(figures[1]).toContain(`cohesion ${Math.round(verdict.figures.history.cohesion)}`);
    await expectAccessible(page, 'the debrief with its endings and verdict');
    await shot(page, '23-debrief-verdict');
    await game.expectClean();
    await game.close();
  });
});
