import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { fork } from '../../src/engine/analysis/fork.ts';
import { runHeader } from '../../src/engine/analysis/run-rows.ts';
import { ENGINE_VERSION, RUN_FORMAT } from '../../src/engine/play/record.ts';
import { encodeRunParams } from '../../src/engine/play/share-link.ts';
import { loadEntry } from '../../src/engine/authoring/library.ts';
import type { Scenario } from '../../src/engine/core/scenario.ts';
import { planOutlook } from '../../src/engine/analysis/outlook-plan.ts';
import { libraryFiles, rulesFile } from '../../src/node/scenario-folder.ts';
import { SUMMARY_COLUMNS } from '../../src/ui/outlook/summary-csv.ts';
import { describeBrowser, expectAccessible, fixtureScenario, openGame, screen, shot, tabTo, useBrowser } from './harness.ts';

/** A scenario or campaign of the game's own library, loaded in Node as the command line loads it. */
function libraryScenario(id: string): Scenario {
  const files = libraryFiles();
  const entry = loadEntry(files.find((f) => f.file === `scenarios/${id}.yaml`)!, files, rulesFile());
  if (!entry.ok) throw new Error(`${id} does not load`);
  return entry.value;
}

function link(scenario: { id: string; contentHash: string }, seed: string, decisions: string[]): string {
  return `#/share?${encodeRunParams({ format: RUN_FORMAT, engine: ENGINE_VERSION, scenario: scenario.id, contentHash: scenario.contentHash, seed, decisions })}`;
}

/**
 * Chromium's console reports of any Content-Security-Policy violation, the worker's included (its
 * violations are not dispatched to the page's document, where the harness listens).
 */
function watchPolicy(page: Page): string[] {
  const reports: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) reports.push(message.text());
  });
  return reports;
}

/** A file the page offers for download, as saved. */
async function download(page: Page, kind: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-download="${kind}"]`)]);
  return readFileSync((await file.path())!);
}

/** Each option's share of the endings, from the table's cells. */
async function endingShares(page: Page): Promise<{ estimates: number[]; shown: number[] }> {
  return page.evaluate(() => {
    const estimates: number[] = [];
    const shown: number[] = [];
    for (const td of document.querySelectorAll<HTMLElement>('[data-table="endings"] tbody td')) {
      const k = Number(td.dataset.armIndex);
      estimates[k] = (estimates[k] ?? 0) + Number(td.dataset.estimate);
      shown[k] = (shown[k] ?? 0) + parseFloat(td.querySelector('.estimate')!.textContent!);
    }
    return { estimates, shown };
  });
}

function expectShares(shares: { estimates: number[]; shown: number[] }, arms: number) {
  expect(shares.estimates).toHaveLength(arms);
  for (const total of shares.estimates) expect(total).toBeCloseTo(1, 9);
  // As shown, to a tenth of a percent each, the endings add up to 100% give or take the rounding.
  for (const total of shares.shown) expect(Math.abs(total - 100)).toBeLessThanOrEqual(0.1 * 3);
}

const outlookState = (page: Page) => page.getAttribute('[data-outlook-state]', 'data-outlook-state');

/** The engine's own answer, in Node, to what the page asks its worker. */
function expectedReport(scenario: Scenario, seed: string, decisions: string[], at: number) {
  const planned = planOutlook(
    scenario,
    { format: RUN_FORMAT, engine: ENGINE_VERSION, scenario: scenario.id, contentHash: scenario.contentHash, seed, decisions },
    at,
  );
  if (!planned.ok) throw new Error(planned.error);
  const plan = planned.value;
  return { plan, report: fork(scenario, plan.record, { at, alternatives: plan.arms.slice(1).map((a) => a.decision), runs: plan.runs, seed: plan.seed }) };
}

/** Runs side by side, and what tends to happen at a decision, played a thousand times in a worker. */
describeBrowser('comparing runs', () => {
  const browser = useBrowser();
  const scenario = fixtureScenario('request_for_help');

  it('should set a run beside the historical path and beside a branch, marking where they part', async () => {
    const game = await openGame(browser(), link(scenario, 'compare-1', ['stay_silent', 'vague_declaration']));
    const { page } = game;
    await screen(page, 'debrief');
    // From the debrief, by keyboard.
    await tabTo(page, '.debrief a[data-action="compare"]');
    await page.keyboard.press('Enter');
    await screen(page, 'compare');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('screen-heading');
    expect(await page.getAttribute('.compare', 'data-parted')).toBe('1');
    const parted = page.locator('tr[data-diverges="true"]');
    await expect(parted.count()).resolves.toBe(1);
    expect(await parted.getAttribute('data-decision')).toBe('1');
    await expect(parted.locator('th').textContent()).resolves.toContain('first divergence');
    const summary = await page.locator('[data-divergence]').textContent();
    expect(summary).toContain('part at decision 1');
    expect(summary).toContain('your run chose “Say nothing”; the historical path chose “Send a fact-finding mission”');
    // The meters over time: cohesion, credibility, Moscow's bandwidth and each member's loyalty.
    await expect(page.locator('.compare svg.chart').count()).resolves.toBe(3 + scenario.members.length);
    await expectAccessible(page, 'the Compare screen');
    await shot(page, '13-compare-history', true);

    // A branch: back to decision 1 from the bar, the historical answer this time.
    await page.click('button[aria-controls^="panel-path"]');
    await page.click('button[data-rewind="0"]');
    await screen(page, 'briefing');
    await page.click('[data-action="convene"]');
    await screen(page, 'council');
    await page.click('button[data-option="fact_finding"][data-leverage="false"]');
    await screen(page, 'aftermath');
    await page.click('[data-action="continue"]');
    await page.waitForFunction(() => document.body.dataset.screen !== 'aftermath');

    // From the run bar, during the run: beside history it has not parted.
    await page.click('.bar a[data-action="compare"]');
    await screen(page, 'compare');
    expect(await page.getAttribute('.compare', 'data-parted')).toBe('none');
    await expect(page.locator('[data-divergence]').textContent()).resolves.toContain('have not parted');
    expect(await page.getAttribute('.bar a[data-action="compare"]', 'aria-current')).toBe('page');
    // Beside the run it branched from, kept in its own slot on the same seed: they part at decision 1.
    await page.click('.compare-with a:has-text("A member asks for help, seed")');
    await page.waitForSelector('.compare[data-parted="1"]');
    await expect(page.locator('[data-divergence]').textContent()).resolves.toMatch(
      /your run chose “Send a fact-finding mission”; the other run \(A member asks for help, seed [^)]*\) chose “Say nothing”/,
    );
    expect(await page.getAttribute('.compare-with a[aria-current="page"]', 'href')).toContain('/compare/');
    await page.locator('details.chart-details').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await expectAccessible(page, 'the Compare screen beside a branch, its table open');
    await shot(page, '14-compare-branch');
    await game.expectClean();
    await game.close();
  });

  it('should play every choice 1,000 times in a worker, show the distributions the engine gives, and export them', async () => {
    const seed = 'tends-1';
    const decisions = ['stay_silent', 'vague_declaration'];
    const { plan, report } = expectedReport(scenario, seed, decisions, 1);
    const game = await openGame(browser(), link(scenario, seed, decisions));
    const { page } = game;
    const policy = watchPolicy(page);
    await screen(page, 'debrief');
    await page.click('.debrief a[data-action="compare"]');
    await screen(page, 'compare');
    // From a decision in the run's history, by keyboard.
    await tabTo(page, 'tr[data-decision="1"] a.link-action');
    await page.keyboard.press('Enter');
    await screen(page, 'outlook');
    await expect(page.locator('.outlook-arms li').allTextContents()).resolves.toEqual([
      'Say nothing (chosen)',
      "Send troops, with Moscow's leverage",
      'Send a fact-finding mission (as in history)',
    ]);
    await expectAccessible(page, 'What tends to happen, before it is played');
    await tabTo(page, '[data-action="outlook-start"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-outlook-state="done"]', { timeout: 30_000 });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('results-heading');

    // Each choice is a column; the endings of each add up to all of its runs; the numbers are the engine's.
    await expect(page.locator('[data-table="endings"] thead th[data-arm]').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-arm')))).resolves.toEqual(
      plan.arms.map((a) => a.decision),
    );
    expectShares(await endingShares(page), plan.arms.length);
    const cells = await page.locator('[data-table="endings"] tbody td').evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset.estimate)));
    expect(cells).toEqual(report.outcomes.filter((o) => o.key.startsWith('ending:')).flatMap((o) => o.byPolicy.map((i) => i.estimate)));
    await expect(page.locator('[data-table="reactions"] tbody tr').count()).resolves.toBe(
      report.outcomes.filter((o) => !o.key.startsWith('ending:') && o.byPolicy.some((i) => i.estimate > 0)).length,
    );
    await expect(page.locator('[data-table="metrics"] tbody tr').count()).resolves.toBe(3 + scenario.members.length);
    await expect(page.locator('svg.outlook-chart [data-arm]').count()).resolves.toBe(plan.arms.length);
    expect(await page.locator('svg.outlook-chart desc').textContent()).toContain('final cohesion has a median of');

    // The files: every playthrough, the tables, the report, the chart.
    await page.waitForSelector('[data-download="png"]');
    const runs = download(page, 'runs-csv');
    const rows = (await runs).toString('utf8').trimEnd().split('\n');
    expect(rows[0]).toBe(runHeader(scenario, 'option').join(','));
    expect(rows).toHaveLength(1 + plan.runs * plan.arms.length);
    for (const arm of plan.arms) expect(rows.filter((r) => r.startsWith(`${arm.decision},`))).toHaveLength(plan.runs);
    expect(rows[1].startsWith(`stay_silent,0,${seed}-0,`)).toBe(true);
    const summary = (await download(page, 'summary-csv')).toString('utf8').trimEnd().split('\n');
    expect(summary[0]).toBe(SUMMARY_COLUMNS.join(','));
    expect(summary).toHaveLength(1 + (report.outcomes.length + report.metrics.length) * plan.arms.length);
    expect(JSON.parse((await download(page, 'json')).toString('utf8'))).toEqual(JSON.parse(JSON.stringify(report)));
    const svg = (await download(page, 'svg')).toString('utf8');
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('<title');
    expect(svg).not.toContain('<style');
    const png = await download(page, 'png');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const width = Number(await page.getAttribute('svg.outlook-chart', 'width'));
    const height = Number(await page.getAttribute('svg.outlook-chart', 'height'));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([width * 2, height * 2]);
    // Drawn, not blank: the PNG reads back in the page with the chart's dark marks on it.
    const inked = await page.evaluate(
      async (bytes) => {
        const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 300) dark++;
        return dark / (data.length / 4);
      },
      [...png],
    );
    expect(inked).toBeGreaterThan(0.005);

    await page.locator('.outlook-results details.chart-details').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await expectAccessible(page, 'What tends to happen, with its results and chart table');
    await page.locator('.outlook-results details.chart-details').evaluate((d) => ((d as HTMLDetailsElement).open = false));
    await shot(page, '15-outlook-results', true);
    await page.locator('svg.outlook-chart').scrollIntoViewIfNeeded();
    await shot(page, '16-outlook-chart');
    expect(policy).toEqual([]);
    await game.expectClean();
    await game.close();
  });

  it('should keep the page answering while the worker plays, cancel at once, and play the Council’s open decision', async () => {
    const campaign = libraryScenario('campaign_2020_2023');
    // On a machine of one core, as one worker: the slowest way, which leaves the time to look and cancel
    // (several workers may finish first; tests/browser/outlook-workers.test.ts cancels them).
    const context = await browser().newContext({ viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce' });
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 1, configurable: true }));
    const game = await openGame(browser(), link(campaign, 'busy-1', []), { context });
    const { page } = game;
    const policy = watchPolicy(page);
    await screen(page, 'briefing');
    await page.click('[data-action="convene"]');
    await screen(page, 'council');
    await tabTo(page, '.council a[data-action="outlook"]');
    await page.keyboard.press('Enter');
    await screen(page, 'outlook');
    await expect(page.locator('.outlook').textContent()).resolves.toContain('The Council has not decided yet');

    // A timer on the page's thread, to see it keep its beat while the runs go on elsewhere.
    await page.evaluate(() => {
      const w = window as unknown as { __beats: number[]; __beat: number };
      w.__beats = [performance.now()];
      w.__beat = window.setInterval(() => w.__beats.push(performance.now()), 20);
    });
    await page.click('[data-action="outlook-start"]');
    await page.waitForFunction(() => ((document.querySelector('.outlook-progress progress') as HTMLProgressElement | null)?.value ?? 0) > 0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('outlook-cancel');
    const arms = await page.locator('.outlook-arms li').count();
    const progress = page.locator('.outlook-progress progress');
    expect(await progress.evaluate((p) => ({ name: (p as HTMLProgressElement).labels[0]?.textContent, max: (p as HTMLProgressElement).max }))).toEqual({
      name: 'Playthroughs done',
      max: 1000 * arms,
    });
    expect(await progress.evaluate((p) => [getComputedStyle(p).animationName, getComputedStyle(p).transitionDuration])).toEqual(['none', '0s']);
    await shot(page, '17-outlook-running');

    // A disclosure opens while the worker is still playing.
    const asked = Date.now();
    await page.click('button[aria-controls^="panel-path"]');
    await page.waitForSelector('button[aria-controls^="panel-path"][aria-expanded="true"]');
    expect(Date.now() - asked).toBeLessThan(1000);
    expect(await outlookState(page)).toBe('running');
    const during = await progress.evaluate((p) => (p as HTMLProgressElement).value);
    expect(during).toBeLessThan(1000 * arms);
    expect(page.workers()).toHaveLength(1);

    // Cancel, by keyboard: the runs stop, nothing is shown, and the page offers to play them again.
    await page.focus('[data-action="outlook-cancel"]');
    await page.keyboard.press('Enter');
    expect(await outlookState(page)).toBe('cancelled');
    await expect(page.locator('[data-outlook-status]').textContent()).resolves.toContain('Cancelled');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('outlook-start');
    await expect(page.locator('.outlook-progress').isHidden()).resolves.toBe(true);
    // Terminated, not merely told to stop: the page has no worker left.
    await expect.poll(() => page.workers().length, { timeout: 2000 }).toBe(0);
    // The batch needs about a second more than it had: a worker that was only told to stop would answer by then.
    await page.waitForTimeout(1500);
    expect(await outlookState(page)).toBe('cancelled');
    await expect(page.locator('.outlook-results').isHidden()).resolves.toBe(true);
    const beats = await page.evaluate(() => {
      const w = window as unknown as { __beats: number[]; __beat: number };
      window.clearInterval(w.__beat);
      return w.__beats;
    });
    const gaps = beats.slice(1).map((t, i) => t - beats[i]);
    expect(gaps.length).toBeGreaterThan(20);
    // Never a long stall on the page's thread (the batch itself would be one of more than a second).
    expect(Math.max(...gaps)).toBeLessThan(500);

    // Played to the end, the open decision is measured against the historical choice.
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-outlook-state="done"]', { timeout: 30_000 });
    await expect(page.locator('[data-table="endings"] thead th[data-arm]').first().textContent()).resolves.toContain('(as in history)');
    await expect(page.locator('#announcer').textContent()).resolves.toContain(`Done: ${(1000 * arms).toLocaleString('en-US')} playthroughs`);
    expect(page.workers()).toHaveLength(0);
    expectShares(await endingShares(page), arms);
    await expectAccessible(page, 'What tends to happen at the open decision of the campaign');
    expect(policy).toEqual([]);
    await game.expectClean();
    await game.close();
  });
});
