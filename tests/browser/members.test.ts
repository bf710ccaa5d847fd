import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { loadEntry } from '../../src/engine/authoring/library.ts';
import type { Scenario } from '../../src/engine/core/scenario.ts';
import { playOut } from '../../src/engine/play/batch.ts';
import { memberViews } from '../../src/engine/play/member-view.ts';
import { historicalPolicy } from '../../src/engine/play/policies.ts';
import { ENGINE_VERSION, RUN_FORMAT } from '../../src/engine/play/record.ts';
import { decide, formatDecision, startRun, type Run } from '../../src/engine/play/run.ts';
import { encodeRunParams } from '../../src/engine/play/share-link.ts';
import { libraryFiles, rulesFile } from '../../src/node/scenario-folder.ts';
import { currentScreen, describeBrowser, expectAccessible, openGame, screen, shot, tabTo, useBrowser, visit } from './harness.ts';

/**
 * The members' cards on the briefing and the aftermath, each opening the member's full card, and the
 * account between a campaign's chapters; at the three sizes the game is played at. The campaign's
 * first chapter (Karabakh, 2020) is played on its historical path: four decisions, in which Armenia is
 * overruled and Belarus backs the calls for calm.
 */
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 600 },
  { width: 390, height: 844 },
];

function libraryScenario(id: string): Scenario {
  const files = libraryFiles();
  const entry = loadEntry(files.find((f) => f.file === `scenarios/${id}.yaml`)!, files, rulesFile());
  if (!entry.ok) throw new Error(`${id} does not load`);
  return entry.value;
}

const campaign = libraryScenario('campaign_2020_2023');
const SEED = 'faces-1';
const historical = playOut(campaign, SEED, historicalPolicy, { recordCauses: false }).world.decisions;

/** The campaign after its first n historical decisions, as the engine plays it. */
function runAfter(n: number): Run {
  const run = startRun(campaign, SEED);
  for (const d of historical.slice(0, n)) decide(run, d);
  return run;
}

function link(run: Run): string {
  const decisions = run.world.decisions.map(formatDecision);
  return `#/share?${encodeRunParams({ format: RUN_FORMAT, engine: ENGINE_VERSION, scenario: campaign.id, contentHash: campaign.contentHash, seed: SEED, decisions })}`;
}

/** The page is no wider than the window: a card strip that overflows scrolls inside its own box. */
async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.window);
}

async function expectCards(page: Page, run: Run) {
  const views = memberViews(run);
  const cards = page.locator('.member-card');
  await expect(cards.count()).resolves.toBe(views.length);
  for (const view of views) {
    const card = page.locator(`.member-card[data-member="${view.code}"]`);
    await expect(card.locator('.member-name').textContent()).resolves.toBe(view.name);
    await expect(card.locator('.member-leader').textContent()).resolves.toBe(view.leader.name);
    await expect(card.locator('.member-mood').textContent()).resolves.toBe(view.mood.word);
  }
  // Every flag loaded, from the page's own origin or a data: address, as the CSP allows.
  const flags = await page
    .locator('.member-card img.flag')
    .evaluateAll((imgs) => imgs.map((i) => ({ loaded: (i as HTMLImageElement).naturalWidth > 0, alt: i.getAttribute('alt') })));
  expect(flags).toHaveLength(views.length);
  for (const f of flags) expect(f).toEqual({ loaded: true, alt: '' });
}

describeBrowser("members' cards", () => {
  const browser = useBrowser();

  it.each(SIZES)('should show the six members on the briefing and the aftermath and open a full card by keyboard at $width x $height', async (size) => {
    const run = runAfter(3);
    const game = await openGame(browser(), link(run), { viewport: size });
    const { page } = game;
    await screen(page, 'briefing');
    await expectCards(page, run);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, `the briefing with its members at ${size.width}`);
    await shot(page, `members-briefing-${size.width}`, true);

    // Armenia's card by keyboard: the dialog takes focus, says what Armenia remembers, and Escape gives focus back.
    const armenia = memberViews(run).find((v) => v.code === 'AM')!;
    expect(armenia.slights).toBeGreaterThan(0);
    await tabTo(page, '.member-card[data-member="AM"]');
    await expect(page.locator('.member-card[data-member="AM"] .member-memory').textContent()).resolves.toContain(`${armenia.slights} slight`);
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog.member-dialog[open]');
    await dialog.waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Armenia');
    await expect(dialog.textContent()).resolves.toContain('Prime Minister Nikol Pashinyan');
    await expect(dialog.textContent()).resolves.toContain(armenia.wants!.text);
    await expect(dialog.locator('[data-memory]').allTextContents()).resolves.toEqual(armenia.memories.map((m) => expect.stringContaining(m.text)));
    await expectAccessible(page, `Armenia's card at ${size.width}`);
    await shot(page, `members-card-${size.width}`);
    await page.keyboard.press('Escape');
    // The dialog's close event comes as a task of its own, after the key.
    await page.locator('dialog.member-dialog').waitFor({ state: 'detached', timeout: 5000 });
    await expect(page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.member)).resolves.toBe('AM');
    // By mouse too, closed by its button; and a card left open closes when the page moves on.
    await page.click('.member-card[data-member="KZ"]');
    await expect(page.locator('dialog.member-dialog[open] h2').textContent()).resolves.toBe('Kazakhstan');
    await page.click('dialog.member-dialog .dialog-close');
    await page.locator('dialog.member-dialog').waitFor({ state: 'detached', timeout: 5000 });
    await page.click('.member-card[data-member="KZ"]');
    await page.evaluate(() => {
      location.hash = '#/';
    });
    await screen(page, 'choose');
    await page.locator('dialog.member-dialog').waitFor({ state: 'detached', timeout: 5000 });
    await page.goBack();
    await screen(page, 'briefing');

    // The aftermath of the chapter's last decision: the cards again, Armenia's memories one decision on.
    await tabTo(page, '[data-action="convene"]');
    await page.keyboard.press('Enter');
    await screen(page, 'council');
    const taken = historical[3]!;
    await page.click(`button[data-option="${taken.option}"][data-leverage="${taken.leverage}"]`);
    await screen(page, 'aftermath');
    await expectCards(page, runAfter(4));
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, `the aftermath with its members at ${size.width}`);
    await shot(page, `members-aftermath-${size.width}`, true);
    await game.expectClean();
    await game.close();
  });
});

describeBrowser('between chapters', () => {
  const browser = useBrowser();

  it.each(SIZES)('should take stock between the first and second chapters at $width x $height, and keep the place on reload', async (size) => {
    const run = runAfter(3);
    const game = await openGame(browser(), link(run), { viewport: size });
    const { page } = game;
    await screen(page, 'briefing');
    await page.click('[data-action="convene"]');
    await screen(page, 'council');
    const taken = historical[3]!;
    await page.click(`button[data-option="${taken.option}"][data-leverage="${taken.leverage}"]`);
    await screen(page, 'aftermath');
    await page.click('[data-action="continue"]');

    // After the Karabakh chapter's last aftermath, and before Belarus's first briefing.
    await screen(page, 'chapter');
    const heading = page.locator('#screen-heading');
    await expect(heading.textContent()).resolves.toBe(`End of chapter 1: ${campaign.chapters[0]!.title}`);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('screen-heading');
    const end = runAfter(4);
    const first = end.world.trajectory[0]!;
    const last = end.world.trajectory.at(-1)!;
    const cohesion = page.locator('.chapter-meters tbody tr').first();
    await expect(cohesion.locator('td').allTextContents()).resolves.toEqual([
      String(Math.round(first.cohesion)),
      String(Math.round(last.cohesion)),
      expect.any(String),
    ]);
    const armeniaValues = page.locator('[data-table="members"] tr[data-member="AM"] td').first();
    await expect(armeniaValues.textContent()).resolves.toContain(`${Math.round(first.loyalty.AM!)} → ${Math.round(last.loyalty.AM!)}`);
    // Armenia, overruled in Karabakh, remembers it here; the briefings ahead recall the run's answer to Armenia.
    await expect(page.locator('.chapter-memories li[data-member="AM"]').textContent()).resolves.toContain('overruled');
    await expect(page.locator('.chapter-recalls li').count()).resolves.toBeGreaterThan(0);
    await expectCards(page, end);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, `the end of a chapter at ${size.width}`);
    await shot(page, `chapter-${size.width}`, true);

    // A reload comes back to the same account, not past it.
    const url = page.url();
    await visit(page, url.slice(url.indexOf('#')));
    await screen(page, 'chapter');
    await expect(page.locator('#screen-heading').textContent()).resolves.toBe(`End of chapter 1: ${campaign.chapters[0]!.title}`);

    await tabTo(page, '[data-action="next-chapter"]');
    await page.keyboard.press('Enter');
    await screen(page, 'briefing');
    await expect(page.locator('#screen-heading').textContent()).resolves.toBe(campaign.developments[end.world.development!]!.title);
    expect(await currentScreen(page)).toBe('briefing');
    await game.expectClean();
    await game.close();
  });
});
