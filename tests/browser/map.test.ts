import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import region from '../../assets/map/region.json' with { type: 'json' };
import { reactionLabel } from '../../src/engine/core/labels.ts';
import type { MapData } from '../../src/formats/map-data.ts';
import {
  describeBrowser,
  expectAccessible,
  fixtureScenario,
  mapReady,
  openGame,
  screen,
  seedWhere,
  shot,
  tabTo,
  useBrowser,
  type GameOptions,
} from './harness.ts';

const map = region as unknown as MapData;
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 600 },
  { width: 390, height: 844 },
];

/** Starts the test scenario on a seed and waits for its briefing with the map drawn. */
async function briefing(page: Page, seed: string) {
  await page.fill('#seed', seed);
  await page.click('button[aria-label="Play: A member asks for help"]');
  await screen(page, 'briefing');
  await mapReady(page);
}

async function toAftermath(page: Page, option: string) {
  await page.click('[data-action="convene"]');
  await screen(page, 'council');
  await page.click(`[data-option="${option}"][data-leverage="false"]`);
  await screen(page, 'aftermath');
  await mapReady(page);
}

/** The point of the page over a member's land: the point its label names, on the map as drawn. */
async function landOf(page: Page, code: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator('.map-overlay').boundingBox())!;
  const [x, y] = map.members[code].anchor;
  return { x: box.x + (x * box.width) / map.width, y: box.y + (y * box.width) / map.width };
}

const memberButton = (page: Page, code: string) => page.locator(`button.map-member[data-member="${code}"]`);

/** Every word over the map, as laid out: its box on the page and its text's size. */
async function mapWords(page: Page) {
  return page.locator('.map-member, .map-mark, .map-crisis').evaluateAll((els) =>
    els
      .filter((e) => !e.classList.contains('crowded-out'))
      .map((e) => {
        const r = e.getBoundingClientRect();
        return { text: e.textContent ?? '', x: r.x, y: r.y, width: r.width, height: r.height, font: parseFloat(getComputedStyle(e).fontSize) };
      }),
  );
}

function overlapping(words: Awaited<ReturnType<typeof mapWords>>): string[] {
  const found: string[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length; j++) {
      const [a, b] = [words[i], words[j]];
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) found.push(`${a.text} / ${b.text}`);
    }
  }
  return found;
}

describeBrowser('the map', () => {
  const browser = useBrowser();
  const scenario = fixtureScenario('request_for_help');

  it('should select a member with the mouse, on its land or on its name, and open its details beside the map', async () => {
    const game = await openGame(browser());
    const { page } = game;
    await briefing(page, 'map-mouse');
    const armenia = await landOf(page, 'AM');
    await page.mouse.move(armenia.x, armenia.y);
    // Hovering the land lights its name too, which is how the canvas's outline is mirrored for the eye.
    await expect.poll(() => memberButton(page, 'AM').getAttribute('class')).toContain('lit');
    await page.mouse.click(armenia.x, armenia.y);
    const panel = page.locator('[data-member-panel="AM"]');
    await panel.waitFor();
    expect(await panel.locator('h2').textContent()).toBe('Armenia');
    expect(await panel.textContent()).toContain(scenario.leaders.AM.name);
    expect(await panel.locator('[data-value="loyalty"] .value').textContent()).toBe('52');
    expect(await memberButton(page, 'AM').getAttribute('aria-pressed')).toBe('true');
    await expectAccessible(page, 'the briefing with a member selected');
    // The details are the member's card: its flag, mood and what it wants, and the whole card one button away.
    expect(await panel.locator('img.flag').count()).toBe(1);
    expect(await panel.locator('.member-panel-wants').textContent()).toMatch(/^Wants: .{10,}/);
    await panel.getByRole('button', { name: "Armenia's full card" }).click();
    await page.locator('dialog.member-dialog').waitFor();
    await expectAccessible(page, "Armenia's full card opened from the map");
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog.member-dialog').count()).toBe(0);

    await memberButton(page, 'KZ').click();
    await page.locator('[data-member-panel="KZ"]').waitFor();
    expect(await page.locator('[data-member-panel]').count()).toBe(1);
    expect(await memberButton(page, 'AM').getAttribute('aria-pressed')).toBe('false');

    // The selection and its details stay open on the next screen, with the values of that screen.
    await toAftermath(page, 'fact_finding');
    await page.locator('[data-member-panel="KZ"]').waitFor();
    await memberButton(page, 'AM').click();
    expect(await page.locator('[data-member-panel="AM"] [data-value="loyalty"] .last-change').textContent()).toMatch(
      /^last change −\d+\.\d, at “Article 4 invoked”$/,
    );
    await page.click('[data-action="close-member"]');
    expect(await page.locator('[data-member-panel]').count()).toBe(0);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.member)).toBe('AM');
    await game.expectClean();
    await game.close();
  });

  it('should reach the members from the keyboard, one Tab stop and the arrow keys, and announce the one selected', async () => {
    const game = await openGame(browser());
    const { page } = game;
    await briefing(page, 'map-keys');
    expect(await page.locator('button.map-member[tabindex="0"]').count()).toBe(1);
    await tabTo(page, 'button.map-member');
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.member ?? null);
    expect(await focused()).toBe(scenario.members[0]);
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe(scenario.members[1]);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe(scenario.members[scenario.members.length - 1]);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const second = scenario.members[1];
    await page.locator(`[data-member-panel="${second}"]`).waitFor();
    await expect.poll(() => page.locator('#announcer').textContent()).toContain(`${scenario.names[second]} selected`);
    // Escape puts the details away and gives focus back to the member's name.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-member-panel]').count()).toBe(0);
    expect(await focused()).toBe(second);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press(' ');
    await page.locator(`[data-member-panel="${scenario.members[2]}"]`).waitFor();
    // The one Tab stop follows the selection, so Tab and Shift+Tab come back to it.
    expect(await memberButton(page, scenario.members[2]).getAttribute('tabindex')).toBe('0');
    // Escape on the names puts the details away too.
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-member-panel]').count()).toBe(0);
    expect(await memberButton(page, scenario.members[2]).getAttribute('aria-pressed')).toBe('false');
    expect(await focused()).toBe(scenario.members[2]);
    await game.expectClean();
    await game.close();
  });

  it('should keep the members selectable, as a row of names, where the map cannot be drawn', async () => {
    const context = await browser().newContext({ viewport: { width: 1024, height: 600 }, reducedMotion: 'reduce' });
    // As on a computer without WebGL or Canvas: Phaser's module never arrives.
    await context.route(/map-game-.*\.js$/, (route) => route.abort());
    const game = await openGame(browser(), '', { context });
    const { page } = game;
    await page.fill('#seed', 'map-failed');
    await page.click('button[aria-label="Play: A member asks for help"]');
    await screen(page, 'briefing');
    await page.waitForSelector('.map-canvas[data-map-ready="failed"]');
    expect(await page.locator('.map-failed').textContent()).toContain('The map cannot be drawn');
    expect(await page.locator('.map-overlay').evaluate((el) => getComputedStyle(el).position)).toBe('static');
    // Where Kazakhstan would be drawn there is only the message: a click there selects nobody.
    const box = (await page.locator('.map-frame').boundingBox())!;
    await page.mouse.click(box.x + (map.members.KZ.anchor[0] * box.width) / map.width, box.y + 20);
    expect(await page.locator('[data-member-panel]').count()).toBe(0);
    await tabTo(page, 'button.map-member');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.locator(`[data-member-panel="${scenario.members[1]}"]`).waitFor();
    await expectAccessible(page, 'the briefing without the map');
    await shot(page, 'map-failed-1024x600');
    await game.close();
  });

  it.each<[GameOptions['reducedMotion'], string]>([
    ['reduce', 'instant'],
    ['no-preference', 'transition'],
  ])('with motion %s, should move the loyalty shading %s after a decision', async (reducedMotion, move) => {
    const game = await openGame(browser(), '', { reducedMotion });
    const { page } = game;
    await briefing(page, 'map-motion');
    expect(await page.locator('.map-canvas').getAttribute('data-shading')).toBeNull();
    await toAftermath(page, 'fact_finding');
    await page.waitForSelector('.map-canvas[data-shading]');
    expect(await page.locator('.map-canvas').getAttribute('data-shading')).toBe(move);
    await game.expectClean();
    await game.close();
  });

  it('should mark a reaction on the member that made it, with the same words under the map', async () => {
    const seed = seedWhere(scenario, 'fact_finding', (run) => run.world.reactions.some((r) => r.turn === 0 && r.member === 'AM'));
    const game = await openGame(browser());
    const { page } = game;
    await briefing(page, seed);
    expect(await page.locator('.map-mark').count()).toBe(0);
    await toAftermath(page, 'fact_finding');
    const marks = await page.locator('.map-mark[data-mark="AM"]').allTextContents();
    expect(marks.some((m) => m.includes('Send a fact-finding mission'))).toBe(true);
    expect(marks.length).toBeGreaterThan(1);
    const words = await page.locator('.map-marks-words li').allTextContents();
    expect(words).toContain('Yerevan: the Council decided “Send a fact-finding mission”.');
    expect(words).toContain(`Armenia ${reactionLabel(scenario, 'public_criticism')}.`);
    await game.expectClean();
    await game.close();
  });

  it.each(SIZES)(
    'at $width x $height, should write every member and mark at 12px or more, none over another, and pass axe on the briefing, the Council and the aftermath',
    async (viewport) => {
      const seed = seedWhere(scenario, 'fact_finding', (run) => run.world.reactions.some((r) => r.turn === 0));
      const game = await openGame(browser(), '', { viewport });
      const { page } = game;
      await briefing(page, seed);
      const size = `${viewport.width}x${viewport.height}`;
      for (const [where, next] of [
        ['briefing', () => page.click('[data-action="convene"]').then(() => screen(page, 'council'))],
        ['council', () => page.click('[data-option="fact_finding"][data-leverage="false"]').then(() => screen(page, 'aftermath'))],
        ['aftermath', null],
      ] as const) {
        await mapReady(page);
        await page.locator('.stage').scrollIntoViewIfNeeded();
        const words = await mapWords(page);
        expect(words.filter((w) => w.text.length > 0).length).toBeGreaterThanOrEqual(scenario.members.length);
        for (const w of words) expect(w.font, `${w.text} at ${size}`).toBeGreaterThanOrEqual(12);
        expect(overlapping(words), `overlapping labels on the ${where} at ${size}`).toEqual([]);
        expect(await page.locator('.map-member.crowded-out').count()).toBe(0);
        await memberButton(page, 'AM').click();
        await expectAccessible(page, `the ${where} with a member's details at ${size}`);
        await shot(page, `map-${where}-${size}`);
        await page.click('[data-action="close-member"]');
        if (next) await next();
      }
      await game.expectClean();
      await game.close();
    },
  );
});
