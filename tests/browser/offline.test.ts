import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { scenarioIndex } from '../../src/build/scenario-index.ts';
import { UPDATE_READY_TEXT } from '../../src/ui/offline/update-banner.ts';
import { BROWSER_FIXTURES_FOLDER, FIXTURES_FOLDER, SCENARIOS_FOLDER } from '../../src/node/scenario-folder.ts';
import { BASE_URL, describeBrowser, expectAccessible, mapReady, openGame, ROOT, screen, shot, useBrowser } from './harness.ts';
import { serve } from './serve.ts';

const SITE_DIR = inject('siteDir');
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 600 },
  { width: 390, height: 844 },
];

/** Counts the page's Content-Security-Policy violations, as the harness's openGame does. */
async function watchPolicy(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));
  });
}

const policyViolations = (page: Page) => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

/** Waits until the service worker has kept the whole site (it takes the page only once its precache is complete). */
async function keptOffline(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
}

/** Every address the service worker's cache holds, as paths of the site. */
function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
}

describeBrowser('offline and installed', () => {
  const browser = useBrowser();

  it('should keep every scenario at the first visit, then play one never opened before with the network gone', async () => {
    const game = await openGame(browser());
    const { page, context } = game;
    await screen(page, 'choose');
    await keptOffline(page);

    // Every scenario of this build is in the cache, each one as the script chunk its text is bundled in.
    const cached = await cachedPaths(page);
    const files = scenarioIndex(ROOT, [SCENARIOS_FOLDER, FIXTURES_FOLDER, BROWSER_FIXTURES_FOLDER]).map((entry) => basename(entry.file, '.yaml'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files)
      expect(
        cached.some((path) => new RegExp(`/assets/${file}-[^/]+\\.js$`).test(path)),
        `${file} kept offline`,
      ).toBe(true);
    expect(
      cached.some((path) => /\/assets\/region-[^/]+\.json$/.test(path)),
      'the map kept offline',
    ).toBe(true);
    expect(
      cached.some((path) => /\/assets\/map-game-[^/]+\.js$/.test(path)),
      'the map drawing kept offline',
    ).toBe(true);

    // Installable: Chromium finds nothing missing (a Playwright context is incognito, where it never offers to).
    const devtools = await context.newCDPSession(page);
    const { installabilityErrors } = await devtools.send('Page.getInstallabilityErrors');
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
    expect((await devtools.send('Page.getAppManifest')).errors).toEqual([]);

    await context.setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await page.reload();
    await screen(page, 'choose');
    await page.click('button[aria-label="Play: Osh, June 2010"]');
    await screen(page, 'briefing');
    await mapReady(page);
    await page.click('[data-action="convene"]');
    await screen(page, 'council');
    await page.locator('[data-option][data-leverage="false"]').first().click();
    await screen(page, 'aftermath');
    expect(await page.locator('.map-canvas').getAttribute('data-map-ready')).toBe('true');
    await game.expectClean();
    await game.close();
  });

  it('should say a new version is ready, and reload only when the player asks', async () => {
    // A copy of the site of its own, so that a new version can be deployed under this test's feet.
    const dir = mkdtempSync(join(tmpdir(), 'article-four-update-'));
    cpSync(SITE_DIR, dir, { recursive: true });
    const site = await serve(dir);
    const context = await browser().newContext({ viewport: SIZES[0], reducedMotion: 'reduce' });
    await watchPolicy(context);
    try {
      const page = await context.newPage();
      await page.goto(site.url);
      await screen(page, 'choose');
      await keptOffline(page);
      await page.click('button[aria-label="Play: Osh, June 2010"]');
      await screen(page, 'briefing');
      await page.click('[data-action="convene"]');
      await screen(page, 'council');

      // A new version is deployed; the page finds it when it next asks (as it does every hour).
      appendFileSync(join(dir, 'sw.js'), '\n// the next version\n');
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      const banner = page.locator('.update-banner');
      await banner.waitFor();
      await expect(banner.locator('p').textContent()).resolves.toBe(UPDATE_READY_TEXT);
      // The run goes on where it was: no reload, the focus not taken.
      expect(await page.getAttribute('body', 'data-screen')).toBe('council');
      expect(await page.evaluate(() => document.activeElement?.closest('.update-banner') ?? null)).toBeNull();
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await expectAccessible(page, `the new-version banner at ${size.width}x${size.height}`);
        await shot(page, `offline-update-banner-${size.width}x${size.height}`);
      }

      // Later puts the note away; the new version still waits, and the next visit says so again.
      await page.click('[data-action="update-later"]');
      expect(await page.locator('.update-banner').count()).toBe(0);
      expect(await page.getAttribute('body', 'data-screen')).toBe('council');
      await page.reload();
      await page.waitForSelector('body[data-screen]');
      await banner.waitFor();

      // The page as it was before Reload, told apart from the one after.
      await page.evaluate(() => {
        (window as unknown as { beforeReload: boolean }).beforeReload = true;
      });
      await page.click('[data-action="update-reload"]');
      await page.waitForFunction(
        () =>
          !(window as unknown as { beforeReload?: boolean }).beforeReload &&
          navigator.serviceWorker.controller !== null &&
          document.body.dataset.screen !== undefined,
      );
      await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
      expect(await page.locator('.update-banner').count()).toBe(0);
      expect(await policyViolations(page)).toEqual([]);
    } finally {
      await context.close();
      await site.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should say the game could not start, not stay on "loading", when its scripts do not arrive', async () => {
    // A first visit (nothing kept yet) on a network that drops the game's entry script.
    const context = await browser().newContext({ viewport: SIZES[2], reducedMotion: 'reduce', serviceWorkers: 'block' });
    await watchPolicy(context);
    await context.route(/\/assets\/index-[^/]*\.js$/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(BASE_URL);
    await page.waitForSelector('body[data-start-problem="not-loaded"]');
    await expect(page.locator('h1').textContent()).resolves.toBe('Article Four could not start');
    expect(await page.locator('.loading').count()).toBe(0);
    await expectAccessible(page, 'the could-not-start message');
    expect(await policyViolations(page)).toEqual([]);
    await context.close();
  });

  it('should say in plain words how to start the game when its folder is opened from disk', async () => {
    for (const size of SIZES) {
      const context = await browser().newContext({ viewport: size, reducedMotion: 'reduce' });
      await watchPolicy(context);
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(pathToFileURL(join(SITE_DIR, 'index.html')).href);
      await page.waitForSelector('body[data-start-problem="file"]');
      await expect(page.locator('h1').textContent()).resolves.toBe('Article Four cannot start from a file');
      const text = (await page.locator('#app').textContent()) ?? '';
      expect(text).toContain('python3 -m http.server 8000');
      expect(text).toContain('the address your teacher gives');
      expect(text).not.toContain('loading');
      // Words for a teacher, not a stack trace.
      expect(text).not.toMatch(/Error|Exception|\bat \S+ \(|\.js:\d+/);
      await expectAccessible(page, `the start-from-a-file message at ${size.width}x${size.height}`);
      await shot(page, `offline-from-disk-${size.width}x${size.height}`, true);
      expect(await policyViolations(page)).toEqual([]);
      expect(pageErrors).toEqual([]);
      await context.close();
    }
  });
});
