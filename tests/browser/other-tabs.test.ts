import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, engineHash, expectAccessible, fixtureScenario, openGame, screen, shot, useBrowser } from './harness.ts';

const SLOT = 'article-four.run.';

async function startRun(page: Page, seed: string) {
  await page.fill('#seed', seed);
  await page.click('button[aria-label="Play: A member asks for help"]');
  await screen(page, 'briefing');
}

async function decide(page: Page, pick: (options: ReturnType<Page['locator']>) => ReturnType<Page['locator']>) {
  await page.click('[data-action="convene"]');
  await screen(page, 'council');
  await pick(page.locator('button[data-option][data-leverage="false"]')).click();
  await screen(page, 'aftermath');
}

const storedDecisions = async (page: Page, slot: string): Promise<string[]> =>
  JSON.parse((await page.evaluate((key) => localStorage.getItem(key), SLOT + slot)) ?? 'null')?.record.decisions;

/** Two tabs on one saved run: neither writes over the other, and the player chooses what to keep. */
describeBrowser('a run open in two tabs', () => {
  const browser = useBrowser();
  const scenario = fixtureScenario('request_for_help');

  it('should notice when another tab plays the run on, stop saving over it, and save this one as a new branch', async () => {
    const game = await openGame(browser());
    const first = game.page;
    await startRun(first, 'tabs-1');
    await decide(first, (options) => options.first());
    await first.click('[data-action="continue"]');
    const slot = (await first.getAttribute('body', 'data-slot'))!;

    const second = await game.context.newPage();
    await second.goto(first.url());
    await second.waitForSelector('body[data-decisions="1"]');
    await decide(second, (options) => options.first());
    const theirs = await storedDecisions(second, slot);
    expect(theirs).toHaveLength(2);

    // The first tab is told, without doing anything, by the browser's storage event.
    const notice = first.locator('[data-notice="changed-elsewhere"]');
    await notice.waitFor();
    expect(await notice.getAttribute('role')).toBe('alert');
    await expect(notice.textContent()).resolves.toContain('changed in another tab');
    await expect(first.locator('[data-save-status="error"]').textContent()).resolves.toContain('Not saved');
    await expectAccessible(first, 'a run changed in another tab');
    await shot(first, '19-run-changed-in-another-tab');

    // Played on here, it writes nothing over the other tab's save.
    await decide(first, (options) => options.last());
    expect(await storedDecisions(first, slot)).toEqual(theirs);
    await expect(notice.count()).resolves.toBe(1);

    // Kept as a new branch: both runs are saved, each whole.
    await first.click('[data-action="keep-ours"]');
    await first.waitForFunction((old) => document.body.dataset.slot !== old, slot);
    const branch = (await first.getAttribute('body', 'data-slot'))!;
    const ours = await storedDecisions(first, branch);
    expect(ours).toHaveLength(2);
    expect(ours).not.toEqual(theirs);
    expect(ours[0]).toBe(theirs[0]);
    expect(await first.getAttribute('body', 'data-world-hash')).toBe(engineHash(scenario, 'tabs-1', ours));
    expect(await storedDecisions(first, slot)).toEqual(theirs);
    await expect(first.locator('[data-notice="changed-elsewhere"]').count()).resolves.toBe(0);
    await expect(first.locator('[data-save-status="ok"]').textContent()).resolves.toContain('Saved after decision 2');
    await game.expectClean();
    await game.close();
  });

  it('should check the save before each autosave, even without word from the other tab, and open the other tab’s run', async () => {
    const game = await openGame(browser());
    const { page } = game;
    await startRun(page, 'tabs-2');
    const slot = (await page.getAttribute('body', 'data-slot'))!;
    // Another tab's save that this tab never heard of (a tab writes without telling itself).
    await page.evaluate((key) => {
      const saved = JSON.parse(localStorage.getItem(key)!);
      saved.record.decisions = ['stay_silent'];
      localStorage.setItem(key, JSON.stringify(saved));
    }, SLOT + slot);
    await decide(page, () => page.locator('button[data-option="fact_finding"][data-leverage="false"]'));
    await page.locator('[data-notice="changed-elsewhere"]').waitFor();
    expect(await storedDecisions(page, slot)).toEqual(['stay_silent']);

    await page.click('[data-action="open-theirs"]');
    await page.waitForFunction(() => document.body.dataset.decisions === '1' && document.body.dataset.screen === 'briefing');
    expect(await page.getAttribute('body', 'data-slot')).toBe(slot);
    expect(await page.getAttribute('body', 'data-world-hash')).toBe(engineHash(scenario, 'tabs-2', ['stay_silent']));
    await expect(page.locator('[data-notice="changed-elsewhere"]').count()).resolves.toBe(0);
    await game.expectClean();
    await game.close();
  });

  it('should not write back a save another tab deleted, unless the player asks', async () => {
    const game = await openGame(browser());
    const first = game.page;
    await startRun(first, 'tabs-3');
    await decide(first, (options) => options.first());
    await first.click('[data-action="continue"]');
    const slot = (await first.getAttribute('body', 'data-slot'))!;

    // The other tab deletes it from its list of saved runs.
    const second = await game.context.newPage();
    await second.goto(first.url().split('#')[0]);
    await screen(second, 'choose');
    await second.click(`[data-slot="${slot}"] [data-action="delete"]`);
    await second.waitForFunction((key) => localStorage.getItem(key) === null, SLOT + slot);

    const notice = first.locator('[data-notice="deleted-elsewhere"]');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain('deleted in another tab');
    await expectAccessible(first, 'a run deleted in another tab');
    await shot(first, '20-run-deleted-in-another-tab');

    // Played on here, the deletion stands.
    await decide(first, (options) => options.first());
    expect(await storedDecisions(first, slot)).toBeUndefined();
    await expect(first.locator('[data-save-status="error"]').textContent()).resolves.toContain('deleted');

    // Asked for, it is saved again, whole.
    await first.click('[data-action="save-again"]');
    expect(await storedDecisions(first, slot)).toHaveLength(2);
    await expect(first.locator('[data-notice="deleted-elsewhere"]').count()).resolves.toBe(0);
    await expect(first.locator('[data-save-status="ok"]').textContent()).resolves.toContain('Saved after decision 2');
    await game.expectClean();
    await game.close();
  });
});
