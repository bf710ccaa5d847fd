import { expect, it } from 'vitest';
import { describeBrowser, expectAccessible, openGame, screen, shot, useBrowser, visit } from './harness.ts';

const SLOT = 'article-four.run.';

/** Fills the origin's storage to its quota, as years of other pages' data might. */
function fillStorage() {
  const chunk = 'x'.repeat(256 * 1024);
  for (let i = 0; i < 200; i++) {
    try {
      localStorage.setItem(`filler-${i}`, chunk);
    } catch {
      let size = chunk.length;
      while (size > 16) {
        size = Math.floor(size / 2);
        try {
          localStorage.setItem(`filler-${i}-${size}`, chunk.slice(0, size));
        } catch {
          /* smaller still */
        }
      }
      return;
    }
  }
}

/** What goes wrong says so: damaged saves, broken links, a full storage, a broken scenario file. */
describeBrowser('messages instead of failures', () => {
  const browser = useBrowser();

  it('should list a damaged or newer-version save with a message, keep it, and still open the good ones', async () => {
    const game = await openGame(browser());
    const { page } = game;
    await page.fill('#seed', 'saves-1');
    await page.click('button[aria-label="Play: A member asks for help"]');
    await screen(page, 'briefing');
    const good = await page.getAttribute('body', 'data-slot');
    const record = { format: 1, engine: '0.1.0', scenario: 'request_for_help', contentHash: '', seed: 'x', decisions: [] };
    await page.evaluate(
      ({ prefix, record }) => {
        localStorage.setItem(`${prefix}damaged`, '{"save": 1, "record": {"format": 1, "scen');
        localStorage.setItem(
          `${prefix}future-record`,
          JSON.stringify({ save: 1, slot: 'future-record', label: '', savedAt: '2099-01-01T00:00:00Z', record: { ...record, format: 99 } }),
        );
        localStorage.setItem(`${prefix}future-save`, JSON.stringify({ save: 7, slot: 'future-save', label: '', savedAt: '2099-01-01T00:00:00Z', record }));
        localStorage.setItem(
          `${prefix}bad-name`,
          JSON.stringify({ save: 1, slot: 'bad-name', label: '', savedAt: '2099-01-01T00:00:00Z', record: { ...record, scenario: 'Request For Help' } }),
        );
      },
      { prefix: SLOT, record },
    );
    await visit(page, '');
    await screen(page, 'choose');
    await expect(page.locator('.save.broken').count()).resolves.toBe(4);
    const text = await page.locator('.saves').textContent();
    expect(text).toContain('this save is damaged');
    expect(text).toContain("its scenario's name is not one the game writes");
    expect(text).not.toMatch(/pattern|\/\^|expected|Invalid/);
    expect(text).toContain('saved by a newer version (format 99');
    expect(text).toContain('saved by a newer version of the game (save format 7');
    await expectAccessible(page, 'the Choose screen with damaged saves');
    await shot(page, '10-choose-damaged-saves');

    // Opening one directly says why, on the Choose screen, and leaves it as it was.
    await visit(page, '#/run/damaged');
    await screen(page, 'choose');
    await expect(page.locator('.notice-error').textContent()).resolves.toContain('cannot be opened');
    expect(await page.evaluate((key) => localStorage.getItem(key), `${SLOT}damaged`)).toBe('{"save": 1, "record": {"format": 1, "scen');

    await page.click(`.save[data-slot="${good}"] button[data-action="continue"]`);
    await screen(page, 'briefing');
    await game.expectClean();
    await game.close();
  });

  it('should answer a broken or tampered link with a message, not a blank page', async () => {
    const links: [string, string][] = [
      ['#/share?v=1&s=request_for_help', "it has no 'seed'"],
      ['#/share?v=1&s=request_for_help&seed=a&d=fact_finding,not_an_option', "decision 2: 'not_an_option' is not an option"],
      ['#/share?v=1&s=no_such_scenario&seed=a&d=', "there is no scenario 'no_such_scenario'"],
      ['#/share?v=99&s=request_for_help&seed=a&d=', 'newer version'],
      ['#/share?v=1&s=request_for_help&seed=a&d=%E0%A4%A', 'damaged'],
      ['#/share?v=1&s=Robert%27);DROP&seed=a', 'not a run record'],
      ['#/share?v=1&s=broken_scenario&seed=a', 'has problems'],
    ];
    const game = await openGame(browser(), links[0][0]);
    const { page } = game;
    for (const [link, message] of links) {
      await visit(page, link);
      await screen(page, 'choose');
      await expect(page.locator('.notice-error').textContent(), link).resolves.toContain(message);
      await expect(page.locator('.card button[data-action="play"]').count()).resolves.toBeGreaterThan(0);
    }
    await expectAccessible(page, 'the Choose screen with a broken link message');
    await shot(page, '11-choose-broken-link');
    await game.expectClean();
    await game.close();
  });

  it('should say so when storage is full, and keep the previous save', async () => {
    const game = await openGame(browser());
    const { page } = game;
    await page.fill('#seed', 'quota-1');
    await page.click('button[aria-label="Play: A member asks for help"]');
    await screen(page, 'briefing');
    const slot = (await page.getAttribute('body', 'data-slot'))!;
    const saved = await page.evaluate((key) => localStorage.getItem(key), SLOT + slot);
    expect(JSON.parse(saved!).record.decisions).toEqual([]);
    // Fill the origin's storage to its quota.
    await page.evaluate(fillStorage);
    await page.click('[data-action="convene"]');
    await screen(page, 'council');
    await page.click('button[data-option="fact_finding"][data-leverage="false"]');
    await screen(page, 'aftermath');
    await expect(page.locator('[data-save-status="error"]').textContent()).resolves.toContain('storage is full');
    await expect(page.locator('[data-save-status="error"]').textContent()).resolves.toContain('previous save');
    await shot(page, '12-storage-full');
    expect(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), SLOT + slot))!).record.decisions).toEqual([]);

    // Room again: the next decision saves, and nothing was lost.
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('filler-')) localStorage.removeItem(key);
    });
    await page.click('[data-action="continue"]');
    await page.click('[data-action="convene"]');
    await screen(page, 'council');
    await page.locator('button[data-option][data-leverage="false"]').first().click();
    await screen(page, 'aftermath');
    await expect(page.locator('[data-save-status="ok"]').textContent()).resolves.toContain('Saved after decision 2');
    expect(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), SLOT + slot))!).record.decisions).toHaveLength(2);
    await game.expectClean();
    await game.close();
  });

  it('should say a new run is not saved when storage is full from the start, with no previous save to speak of', async () => {
    const game = await openGame(browser());
    const { page } = game;
    await page.evaluate(fillStorage);
    await page.fill('#seed', 'quota-new');
    await page.click('button[aria-label="Play: A member asks for help"]');
    await screen(page, 'briefing');
    const status = page.locator('[data-save-status="error"]');
    await expect(status.textContent()).resolves.toContain('storage is full');
    await expect(status.textContent()).resolves.toContain('This run is not saved yet');
    await expect(status.textContent()).resolves.not.toContain('previous save');
    await expectAccessible(page, 'a new run that storage is too full to save');
    await shot(page, '20-storage-full-new-run');
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('filler-')) localStorage.removeItem(key);
    });
    await game.expectClean();
    await game.close();
  });

  it('should not count damaged saves among the twelve slots, and keep listing them until deleted', async () => {
    const game = await openGame(browser());
    const { page } = game;
    await page.evaluate((prefix) => {
      const record = { format: 1, engine: '0.1.0', scenario: 'request_for_help', contentHash: '', seed: 'x', decisions: [] };
      for (let i = 0; i < 11; i++) {
        localStorage.setItem(`${prefix}good-${i}`, JSON.stringify({ save: 1, slot: `good-${i}`, label: '', savedAt: '2020-01-01T00:00:00Z', record }));
      }
      for (let i = 0; i < 3; i++) localStorage.setItem(`${prefix}damaged-${i}`, '{"save": 1, "rec');
    }, SLOT);
    await page.fill('#seed', 'slots-12');
    await page.click('button[aria-label="Play: A member asks for help"]');
    await screen(page, 'briefing');
    await expect(page.locator('[data-save-status="ok"]').textContent()).resolves.toBe('Saved');
    await page.click('a.button[href="#/"]');
    await screen(page, 'choose');
    await expect(page.locator('.save:not(.broken)').count()).resolves.toBe(12);
    await expect(page.locator('.save.broken').count()).resolves.toBe(3);
    // Twelve runs that can be played are the limit.
    await page.fill('#seed', 'slots-13');
    await page.click('button[aria-label="Play: A member asks for help"]');
    await screen(page, 'briefing');
    await expect(page.locator('[data-save-status="error"]').textContent()).resolves.toContain('All 12 save slots are in use');
    await game.expectClean();
    await game.close();
  });

  it('should list a scenario file with problems, with its problems, among the playable ones', async () => {
    const game = await openGame(browser());
    const { page } = game;
    const card = page.locator('.card[data-scenario="broken_scenario"]');
    await expect(card.textContent()).resolves.toContain('cannot be played yet');
    await expect(card.locator('.problems li').first().textContent()).resolves.toMatch(/broken_scenario\.yaml:\d+:\d+/);
    await expect(card.locator('button').count()).resolves.toBe(0);
    await expect(page.locator('.card[data-scenario="request_for_help"] button[data-action="play"]').count()).resolves.toBe(1);
    await game.expectClean();
    await game.close();
  });

  it('should carry a strict Content-Security-Policy that refuses inline script', async () => {
    const game = await openGame(browser());
    const { page } = game;
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    for (const part of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "img-src 'self' data: blob:"])
      expect(policy).toContain(part);
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    // The listener the tests rely on does see a violation: an inline script is refused and reported.
    const blocked = await page.evaluate(async () => {
      const seen = (window as unknown as { __cspViolations: string[] }).__cspViolations;
      const before = seen.length;
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.appendChild(script);
      await new Promise((done) => setTimeout(done, 50));
      const result = { inline: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, reported: seen.slice(before) };
      seen.length = before;
      return result;
    });
    expect(blocked.inline).toBe(false);
    expect(blocked.reported).toHaveLength(1);
    expect(blocked.reported[0]).toContain('script-src');
    await game.expectClean();
    await game.close();
  });
});
