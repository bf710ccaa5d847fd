import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { summarize } from '../../src/engine/play/batch.ts';
import { decide, parseDecision, startRun, type Run } from '../../src/engine/play/run.ts';
import { loadEntry } from '../../src/engine/authoring/library.ts';
import type { Scenario } from '../../src/engine/core/scenario.ts';
import { FIXTURES_FOLDER, readProjectFile, rulesFile } from '../../src/node/scenario-folder.ts';
import { launch } from './chromium.ts';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
export const BASE_URL = inject('baseURL');
const CHROMIUM = inject('chromium');

/** Browser tests run only where Chromium is installed; elsewhere the global setup says how to install it. */
export const describeBrowser = describe.skipIf(!CHROMIUM);

/** One Chromium per test file, started before its tests and closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | null = null;
  beforeAll(async () => {
    if (CHROMIUM) browser = await launch(CHROMIUM);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

export interface Game {
  page: Page;
  context: BrowserContext;
  /** Fails the test on any Content-Security-Policy violation, page error or console error. */
  expectClean(): Promise<void>;
  close(): Promise<void>;
}

export interface GameOptions {
  viewport?: { width: number; height: number };
  reducedMotion?: 'reduce' | 'no-preference';
  /** Another machine: a context of its own (storage is per context). */
  context?: BrowserContext;
  /** Another server of the built site than the tests' static one (the class server, for a live class). */
  base?: string;
}

export async function openGame(browser: Browser, path = '', options: GameOptions = {}): Promise<Game> {
  const context =
    options.context ??
    (await browser.newContext({ viewport: options.viewport ?? { width: 1366, height: 768 }, reducedMotion: options.reducedMotion ?? 'reduce' }));
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // Chromium also logs each CSP violation here; the securitypolicyviolation listener counts those.
    // The classroom asks `/api/live` whether a class server serves it; a static server's 404 is the answer "no".
    const askedForLive = message.location().url.endsWith('/api/live') && message.text().includes('404');
    if (message.type() === 'error' && !message.text().includes('Content Security Policy') && !askedForLive) errors.push(`console error: ${message.text()}`);
  });
  await page.goto((options.base ?? BASE_URL) + path);
  await page.waitForSelector('body[data-screen]');
  return {
    page,
    context,
    async expectClean() {
      const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
      expect(errors, 'errors on the page').toEqual([]);
    },
    close: () => context.close(),
  };
}

/** A fresh load of the site at a path or fragment, as when a link is opened or the page reloaded. */
export async function visit(page: Page, path: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(BASE_URL + path);
  await page.waitForSelector('body[data-screen]');
}

export async function screen(page: Page, name: string): Promise<void> {
  await page.waitForSelector(`body[data-screen="${name}"]`);
}

export async function currentScreen(page: Page): Promise<string> {
  return (await page.getAttribute('body', 'data-screen')) ?? '';
}

/** Waits until the map has been drawn (Phaser and the borders load after the first screen). */
export async function mapReady(page: Page): Promise<void> {
  await page.waitForSelector('.map-canvas[data-map-ready="true"]', { timeout: 20_000 });
  // Two frames, so the last state is on the canvas.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core on the page as it stands, with the rules the project holds itself to: no violation allowed. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const found = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
  expect(found, `accessibility violations on ${where}`).toEqual([]);
}

/**
 * Presses Tab until the focused element matches the selector, as a keyboard user would, and checks the
 * focus is visible there (an outline of at least 2px).
 */
export async function tabTo(page: Page, selector: string, limit = 250): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector);
    if (found) {
      const outline = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
      expect(outline.style, `focus outline on ${selector}`).not.toBe('none');
      expect(outline.width, `focus outline width on ${selector}`).toBeGreaterThanOrEqual(2);
      return;
    }
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** A test scenario loaded in Node, as the command line loads it. */
export function fixtureScenario(id: string): Scenario {
  const entry = loadEntry(readProjectFile(`${FIXTURES_FOLDER}/${id}.yaml`), [], rulesFile());
  if (!entry.ok) throw new Error(`fixture ${id} does not load: ${entry.error.map((p) => p.message).join('; ')}`);
  return entry.value;
}

/** The first of a list of seeds on which a decision leads to what a test needs (found by the engine, in Node). */
export function seedWhere(scenario: Scenario, decision: string, wanted: (run: Run) => boolean): string {
  for (let i = 1; i <= 500; i++) {
    const seed = `class-${i}`;
    const run = startRun(scenario, seed, { recordCauses: true });
    decide(run, parseDecision(decision));
    if (wanted(run)) return seed;
  }
  throw new Error(`no seed among 500 where ${decision} leads to what the test needs`);
}

/** What the engine's `run` gives for a seed and decisions: the World's hash. */
export function engineHash(scenario: Scenario, seed: string, decisions: string[]): string {
  const run = startRun(scenario, seed, { recordCauses: false });
  for (const d of decisions) decide(run, parseDecision(d));
  return summarize(run).hash;
}
