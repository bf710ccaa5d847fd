/**
 * Browser figures: how much JavaScript the first screen needs, and how soon it answers; how long "what
 * tends to happen" takes in the page's workers, with one and with one per core, beside the same batch
 * in Node. The site is built as it ships (no test scenarios), served on 127.0.0.1, and opened in
 * headless Chromium.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { fork } from '../../src/engine/analysis/fork.ts';
import { ENGINE_VERSION, RUN_FORMAT, type RunRecord } from '../../src/engine/play/record.ts';
import { encodeRunParams } from '../../src/engine/play/share-link.ts';
import { planOutlook, type OutlookPlan } from '../../src/engine/analysis/outlook-plan.ts';
import { findChromium, INSTALL_HINT, launch } from '../browser/chromium.ts';
import type { BrowserContext } from 'playwright-core';
import { serve } from '../browser/serve.ts';
import type { Figure } from './figure.ts';
import { benchCampaign } from './library.ts';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const RUNS = 7;
/** Rounds of "what tends to happen", each played with one worker then with the default. */
const OUTLOOK_ROUNDS = 5;

const gzipKB = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length / 1024;

/** The scripts the page loads before anything is asked of it: its entry and what the HTML preloads. */
function initialScripts(dir: string): string[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const found = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  return [...new Set(found)].map((src) => join(dir, src.replace(/^\.?\//, '')));
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The campaign's first decision, not yet taken: every choice there, 1,000 runs each, and the same batch played in Node. */
function outlookCase(): { record: RunRecord; plan: OutlookPlan; playInNode: () => number } {
  const campaign = benchCampaign();
  const record: RunRecord = {
    format: RUN_FORMAT,
    engine: ENGINE_VERSION,
    scenario: campaign.id,
    contentHash: campaign.contentHash,
    seed: 'bench',
    decisions: [],
  };
  const planned = planOutlook(campaign, record, 1);
  if (!planned.ok) throw new Error(planned.error);
  const plan = planned.value;
  const playInNode = () => {
    const start = performance.now();
    fork(campaign, plan.record, { at: plan.at, alternatives: plan.arms.slice(1).map((a) => a.decision), runs: plan.runs, seed: plan.seed });
    return performance.now() - start;
  };
  // Once before the rounds, so that Node's figure is of code already optimised, as in a long CLI batch.
  playInNode();
  return { record, plan, playInNode };
}

export async function browserBench(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'article-four-bench-'));
  try {
    await build({ root, logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } });
    const initial = initialScripts(dir).reduce((kb, file) => kb + gzipKB(file), 0);
    const all = readdirSync(join(dir, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .reduce((kb, f) => kb + gzipKB(join(dir, 'assets', f)), 0);
    const onDemand = readdirSync(join(dir, 'assets'))
      .filter((f) => /^(outlook|worker)-.*\.js$/.test(f))
      .reduce((kb, f) => kb + gzipKB(join(dir, 'assets', f)), 0);
    const figures: Figure[] = [
      { name: 'browser: initial JavaScript (gzip -9)', value: initial, unit: 'KB', goal: { kind: 'max', value: 350 } },
      { name: 'browser: all JavaScript, map and scenarios included (gzip -9)', value: all, unit: 'KB' },
      { name: 'browser: "what tends to happen" screen and worker, loaded on demand (gzip -9)', value: onDemand, unit: 'KB' },
    ];
    const chromium = findChromium();
    if (!chromium) {
      process.stderr.write(`${INSTALL_HINT}\n`);
      return figures;
    }
    const site = await serve(dir);
    const browser = await launch(chromium);
    try {
      const ready: number[] = [];
      const firstKey: number[] = [];
      const mapDrawn: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
        await context.addInitScript(() => {
          addEventListener('keydown', () => ((window as unknown as { __firstKey?: number }).__firstKey ??= performance.now()), { capture: true });
        });
        const page = await context.newPage();
        await page.goto(site.url);
        await page.waitForSelector('body[data-screen="choose"]');
        await page.keyboard.press('Tab');
        const times = await page.evaluate(() => ({
          ready: performance.getEntriesByName('choose-ready')[0]?.startTime ?? NaN,
          key: (window as unknown as { __firstKey?: number }).__firstKey ?? NaN,
        }));
        ready.push(times.ready);
        firstKey.push(times.key);
        // From a click on Play to the first briefing with the map drawn (Phaser loads after the first screen).
        const start = Date.now();
        await page.locator('button[data-action="play"]').first().click();
        await page.waitForSelector('body[data-screen="briefing"]');
        await page.waitForSelector('.map-canvas[data-map-ready="true"]', { timeout: 30_000 });
        mapDrawn.push(Date.now() - start);
        await context.close();
      }
      figures.push(
        { name: 'browser: navigation to the Choose screen ready (median)', value: median(ready), unit: 'ms', goal: { kind: 'max', value: 1000 } },
        { name: 'browser: navigation to the first key handled on Choose (median)', value: median(firstKey), unit: 'ms' },
        { name: 'browser: Play to the first briefing with the map (median)', value: median(mapDrawn), unit: 'ms' },
      );
      // What tends to happen: the workers start and compile the scenario as the screen opens, so a player
      // who reads the screen first meets workers ready; timed from the click, once they are, to the
      // results on the page (the runs, the merge, the tables), with one worker and with the default. And
      // for a player who clicks the moment the screen appears, in a new browser context as a first
      // visitor: from that click to the results (the workers' start and compiling included, as this
      // figure was measured before the workers were warmed). In alternate rounds so that the machine's other work
      // weighs on all alike; beside the same batch in Node, in the same rounds.
      const outlook = outlookCase();
      /** One round: the run opened from its link, its outlook at decision 1, and the time from the click to the results. */
      const outlookRound = async (context: BrowserContext, waitReady: boolean, times: { inWorkers: number[]; workers: number }) => {
        const page = await context.newPage();
        await page.goto(`${site.url}#/share?${encodeRunParams(outlook.record)}`);
        await page.waitForSelector('body[data-screen="briefing"]');
        const slot = (await page.getAttribute('body', 'data-slot'))!;
        await page.evaluate((hash) => (location.hash = hash), `#/run/${encodeURIComponent(slot)}/outlook/1`);
        await page.waitForSelector('body[data-screen="outlook"]');
        if (waitReady) await page.waitForSelector('body[data-outlook-workers="ready"]', { timeout: 120_000 });
        const clicked = Date.now();
        await page.click('[data-action="outlook-start"]');
        await page.waitForSelector('[data-outlook-state="done"]', { timeout: 120_000 });
        const ms = Date.now() - clicked;
        if (waitReady) {
          times.inWorkers.push(Number(await page.getAttribute('.outlook-results', 'data-elapsed-ms')));
          times.workers = Number(await page.getAttribute('.outlook-results', 'data-workers'));
        }
        return ms;
      };
      const label = `${outlook.plan.arms.length} x ${outlook.plan.runs.toLocaleString('en-US')} runs of ${outlook.record.scenario}`;
      const oneWorker = { clickToResults: [] as number[], openToResults: [] as number[], inWorkers: [] as number[], workers: 0 };
      const byDefault = { clickToResults: [] as number[], openToResults: [] as number[], inWorkers: [] as number[], workers: 0 };
      const inNode: number[] = [];
      for (let i = 0; i < OUTLOOK_ROUNDS; i++) {
        inNode.push(outlook.playInNode());
        for (const [times, cores] of [
          [oneWorker, 1],
          [byDefault, null],
        ] as const) {
          const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
          // One worker: the page is told the machine has one core, as the outlook reads it. (A string: tsx
          // wraps functions with a naming helper that the page does not have.)
          if (cores !== null)
            await context.addInitScript(`Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => ${cores}, configurable: true });`);
          // The player who reads first: the click once the workers are ready.
          times.clickToResults.push(await outlookRound(context, true, times));
          await context.close();
          // The player who clicks the moment the screen appears, in a context of its own as a new visitor.
          const fresh = await browser.newContext({ viewport: { width: 1366, height: 768 } });
          if (cores !== null)
            await fresh.addInitScript(`Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => ${cores}, configurable: true });`);
          times.openToResults.push(await outlookRound(fresh, false, times));
          await fresh.close();
        }
      }
      if (oneWorker.workers !== 1) throw new Error(`the one-worker rounds played on ${oneWorker.workers} workers`);
      figures.push(
        {
          name: `browser: what tends to happen, ${label}: click to results, workers ready, 1 worker (median)`,
          value: median(oneWorker.clickToResults),
          unit: 'ms',
        },
        {
          name: `browser: the same, click to results, workers ready, workers by default (median)`,
          value: median(byDefault.clickToResults),
          unit: 'ms',
          goal: { kind: 'max', value: 1200 },
        },
        { name: `browser: the same, clicking as the screen appears: to results, 1 worker (median)`, value: median(oneWorker.openToResults), unit: 'ms' },
        { name: `browser: the same, clicking as the screen appears: to results, by default (median)`, value: median(byDefault.openToResults), unit: 'ms' },
        { name: `browser: the same, workers by default here (a core each, at most 8 and one per chunk)`, value: byDefault.workers, unit: 'workers' },
        { name: `browser: the same, workers ready: the job's start to merged result, 1 worker`, value: median(oneWorker.inWorkers), unit: 'ms' },
        { name: `browser: the same, workers ready: the job's start to merged result, by default`, value: median(byDefault.inWorkers), unit: 'ms' },
        { name: `browser: the same batch in Node, fork() in one thread, in the same rounds (median)`, value: median(inNode), unit: 'ms' },
      );
    } finally {
      await browser.close();
      await site.close();
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
