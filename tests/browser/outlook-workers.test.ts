import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { fork } from '../../src/engine/analysis/fork.ts';
import { planOutlook } from '../../src/engine/analysis/outlook-plan.ts';
import { csvLine, runHeader, runRow } from '../../src/engine/analysis/run-rows.ts';
import { seedChunks } from '../../src/engine/analysis/seed-chunks.ts';
import { ENGINE_VERSION, RUN_FORMAT, type RunRecord } from '../../src/engine/play/record.ts';
import { encodeRunParams } from '../../src/engine/play/share-link.ts';
import { loadEntry } from '../../src/engine/authoring/library.ts';
import type { Scenario } from '../../src/engine/core/scenario.ts';
import { libraryFiles, rulesFile } from '../../src/node/scenario-folder.ts';
import { outlookWorkerCount } from '../../src/ui/outlook/client.ts';
import { describeBrowser, expectAccessible, fixtureScenario, type Game, openGame, screen, shot, useBrowser } from './harness.ts';

const scenario = fixtureScenario('request_for_help');

/** A scenario or campaign of the game's own library, loaded in Node as the command line loads it. */
function libraryScenario(id: string): Scenario {
  const files = libraryFiles();
  const entry = loadEntry(files.find((f) => f.file === `scenarios/${id}.yaml`)!, files, rulesFile());
  if (!entry.ok) throw new Error(`${id} does not load`);
  return entry.value;
}
const seed = 'cores-1';
const decisions = ['stay_silent', 'vague_declaration'];
const record: RunRecord = { format: RUN_FORMAT, engine: ENGINE_VERSION, scenario: scenario.id, contentHash: scenario.contentHash, seed, decisions };

/** The page as on a machine reporting `cores` processor cores (the outlook reads navigator.hardwareConcurrency). */
async function openWithCores(browser: Browser, cores: number, opened = record, serviceWorkers: 'allow' | 'block' = 'allow'): Promise<Game> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce', serviceWorkers });
  await context.addInitScript((reported) => {
    Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => reported, configurable: true });
  }, cores);
  return openGame(browser, `#/share?${encodeRunParams(opened)}`, { context });
}

/** From the run's debrief to "what tends to happen" at decision 1, by its address. */
async function openOutlook(page: Page): Promise<void> {
  await screen(page, 'debrief');
  await openOutlookFrom(page);
}

async function openOutlookFrom(page: Page): Promise<void> {
  const slot = (await page.getAttribute('body', 'data-slot')) ?? '';
  await page.evaluate((hash) => (location.hash = hash), `#/run/${encodeURIComponent(slot)}/outlook/1`);
  await screen(page, 'outlook');
}

async function download(page: Page, kind: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-download="${kind}"]`)]);
  return readFileSync((await file.path()) ?? '').toString('utf8');
}

/** Everything the results say, as a player or a spreadsheet reads it: each table's text and each file. */
async function results(page: Page) {
  return {
    tables: await page.locator('.outlook-results table').evaluateAll((tables) => tables.map((t) => t.textContent)),
    runs: await download(page, 'runs-csv'),
    summary: await download(page, 'summary-csv'),
    report: await download(page, 'json'),
  };
}

/** The engine's answer in Node, in one thread: its report, and every run as a CSV row in seed order. */
function engineAnswer() {
  const planned = planOutlook(scenario, record, 1);
  if (!planned.ok) throw new Error(planned.error);
  const plan = planned.value;
  const rows = [runHeader(scenario, 'option').join(',')];
  const report = fork(scenario, plan.record, {
    at: plan.at,
    alternatives: plan.arms.slice(1).map((a) => a.decision),
    runs: plan.runs,
    seed: plan.seed,
    onRun: (arm, index, runSeed, world) => rows.push(csvLine(runRow(scenario, arm, index, runSeed, world))),
  });
  return { plan, report, runs: `${rows.join('\n')}\n` };
}

/** What tends to happen, spread over the cores the browser reports, with the same answer as one worker. */
describeBrowser('what tends to happen over several workers', () => {
  const browser = useBrowser();

  it('should give the same tables and files, byte for byte, with one worker and with several', async () => {
    const expected = engineAnswer();
    const chunks = seedChunks(expected.plan.runs).length;
    // Three workers for four chunks: one of them plays two, so parts come back out of chunk order.
    expect(chunks).toBe(4);
    const played: Awaited<ReturnType<typeof results>>[] = [];
    for (const cores of [1, 3]) {
      const game = await openWithCores(browser(), cores);
      const { page } = game;
      await openOutlook(page);
      // Every value the progress bar takes, as the workers' counts are summed.
      await page.evaluate(() => {
        const seen: number[] = [];
        (window as unknown as { __progress: number[] }).__progress = seen;
        const bar = document.querySelector('.outlook-progress progress') as HTMLProgressElement;
        new MutationObserver(() => seen.push(bar.value)).observe(bar, { attributes: true, attributeFilter: ['value'] });
      });
      await page.click('[data-action="outlook-start"]');
      await page.waitForSelector('[data-outlook-state="done"]', { timeout: 30_000 });
      const progress = await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
      const total = expected.plan.runs * expected.plan.arms.length;
      expect(progress.length).toBeGreaterThan(4);
      expect(progress.slice(1).every((value, i) => value >= progress[i])).toBe(true);
      expect(progress.at(-1)).toBe(total);
      expect(await page.getAttribute('.outlook-results', 'data-workers')).toBe(String(outlookWorkerCount(cores, chunks)));
      await expect(page.locator('.outlook-results .how-to-read').textContent()).resolves.toMatch(
        cores === 1 ? /in the background\.$/ : /in the background, on 3 processor cores at once\.$/,
      );
      // Ended with the job: none is left to hold its memory.
      await expect.poll(() => page.workers().length, { timeout: 2000 }).toBe(0);
      played.push(await results(page));
      if (cores > 1) {
        await expectAccessible(page, 'What tends to happen, played on several cores');
        await shot(page, '18-outlook-several-cores', true);
      }
      await game.expectClean();
      await game.close();
    }
    const [one, several] = played;
    expect(several.tables.length).toBeGreaterThan(3);
    expect(several.tables).toEqual(one.tables);
    expect(several.runs).toBe(one.runs);
    expect(several.summary).toBe(one.summary);
    expect(several.report).toBe(one.report);
    // And both are the engine's own single-threaded answer.
    expect(one.runs).toBe(expected.runs);
    expect(JSON.parse(one.report)).toEqual(JSON.parse(JSON.stringify(expected.report)));
  });

  it('should start one worker per reported core, at most one per chunk, and end them all at once on cancel', async () => {
    // The campaign, whose compiling alone gives the time to cancel before any worker has played a run.
    const campaign = libraryScenario('campaign_2020_2023');
    const game = await openWithCores(browser(), 16, { ...record, scenario: campaign.id, contentHash: campaign.contentHash, seed: 'cores-2', decisions: [] });
    const { page } = game;
    await screen(page, 'briefing');
    await openOutlookFrom(page);
    await page.click('[data-action="outlook-start"]');
    // Four chunks of seeds: four workers, though sixteen cores are reported.
    await expect.poll(() => page.workers().length, { timeout: 5000, interval: 20 }).toBe(4);
    await page.click('[data-action="outlook-cancel"]');
    expect(await page.getAttribute('[data-outlook-state]', 'data-outlook-state')).toBe('cancelled');
    await expect.poll(() => page.workers().length, { timeout: 2000 }).toBe(0);
    await game.expectClean();
    await game.close();
  });

  it('should start its workers as the screen opens, so a click plays at once, and end them when the player leaves', async () => {
    const game = await openWithCores(browser(), 2, record);
    const { page } = game;
    await openOutlook(page);
    // Ready before any click: started and prepared while the player reads.
    await page.waitForSelector('body[data-outlook-workers="ready"]');
    expect(page.workers().length).toBe(2);
    // Left unplayed: no worker outlives the screen.
    await page.goBack();
    await screen(page, 'debrief');
    await expect.poll(() => page.workers().length, { timeout: 2000 }).toBe(0);
    expect(await page.getAttribute('body', 'data-outlook-workers')).toBeNull();

    await page.goForward();
    await screen(page, 'outlook');
    await page.waitForSelector('body[data-outlook-workers="ready"]');
    await page.click('[data-action="outlook-start"]');
    await page.waitForSelector('[data-outlook-state="done"]');
    expect(await page.getAttribute('.outlook-results', 'data-workers')).toBe('2');
    await expect.poll(() => page.workers().length, { timeout: 2000 }).toBe(0);
    // Opened again, the results kept from this visit are shown and no worker is started for them.
    await page.goBack();
    await screen(page, 'debrief');
    await page.goForward();
    await screen(page, 'outlook');
    await page.waitForSelector('[data-outlook-state="done"]');
    expect(page.workers().length).toBe(0);
    await game.expectClean();
    await game.close();
  });

  it('should fail the whole job with a sentence when one worker of several cannot start, stopping the others', async () => {
    // As at a first visit, before the offline cache holds the worker's script: once kept, the service
    // worker would answer for the server this test takes the file from.
    const game = await openWithCores(browser(), 2, record, 'block');
    const { page } = game;
    // The second worker's script is missing, as on a site copied without all its files. The workers
    // start as the screen opens, so the file is missing from before.
    let fetched = 0;
    await page.route(/\/assets\/worker-[^/]*\.js$/, (route) => (++fetched === 2 ? route.fulfill({ status: 404, body: 'not found' }) : route.continue()));
    await openOutlook(page);
    await page.click('[data-action="outlook-start"]');
    await page.waitForSelector('[data-outlook-state="failed"]', { timeout: 30_000 });
    await expect(page.locator('[data-outlook-status]').textContent()).resolves.toBe('The runs could not be played: the background runs could not start.');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('outlook-start');
    await expect.poll(() => page.workers().length, { timeout: 2000 }).toBe(0);
    await expect(page.locator('.outlook-results').isHidden()).resolves.toBe(true);
    await expectAccessible(page, 'What tends to happen, after its runs failed');

    // With the file back, the same button plays them.
    await page.unroute(/\/assets\/worker-[^/]*\.js$/);
    await page.click('[data-action="outlook-start"]');
    await page.waitForSelector('[data-outlook-state="done"]', { timeout: 30_000 });
    expect(await page.getAttribute('.outlook-results', 'data-workers')).toBe('2');
    await game.expectClean();
    await game.close();
  });
});
