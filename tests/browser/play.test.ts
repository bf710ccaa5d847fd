import { expect, it } from 'vitest';
import { explain } from '../../src/engine/rules/explain.ts';
import type { ReactionEvent } from '../../src/engine/core/world.ts';
import type { Run } from '../../src/engine/play/run.ts';
import {
  currentScreen,
  describeBrowser,
  engineHash,
  expectAccessible,
  fixtureScenario,
  mapReady,
  openGame,
  screen,
  seedWhere,
  shot,
  tabTo,
  useBrowser,
} from './harness.ts';

/** The changes a reaction made that can be traced back to what set it off. */
function reactionChanges(run: Run, r: ReactionEvent) {
  return (run.world.changes ?? []).filter(
    (c) =>
      c.cause.kind === 'reaction' &&
      c.cause.id === r.reaction &&
      c.cause.member === r.member &&
      explain(run.world, c.target).changes.some((e) => e.change.seq === c.seq && e.because.length > 0),
  );
}

/** Playing a scenario to its debrief, by keyboard alone and by mouse, checking every screen on the way. */
describeBrowser('playing to the debrief', () => {
  const browser = useBrowser();
  const scenario = fixtureScenario('request_for_help');

  it('should play a scenario to its debrief with the keyboard alone, every screen accessible', async () => {
    // A seed on which the first decision sets off a member's reaction, so there is a chain to follow.
    const seed = seedWhere(scenario, 'fact_finding', (run) => run.world.reactions.some((r) => r.turn === 0 && reactionChanges(run, r).length > 0));
    const game = await openGame(browser());
    const { page } = game;
    await screen(page, 'choose');
    await expectAccessible(page, 'the Choose screen');
    await shot(page, '01-choose');

    await tabTo(page, '#seed');
    await page.keyboard.type(seed);
    await tabTo(page, 'button[aria-label="Play: A member asks for help"]');
    await page.keyboard.press('Enter');

    await screen(page, 'briefing');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('screen-heading');
    // Nothing decided yet, nothing remembered.
    expect(await page.locator('.recalled').count()).toBe(0);
    await mapReady(page);
    await expectAccessible(page, 'the briefing');
    await shot(page, '02-briefing');
    await tabTo(page, '[data-action="convene"]');
    await page.keyboard.press('Enter');

    await screen(page, 'council');
    await expectAccessible(page, 'the Council');
    await shot(page, '03-council');
    await shot(page, '03-council-full', true);
    await tabTo(page, '[data-option="fact_finding"][data-leverage="false"]');
    await page.keyboard.press('Enter');

    await screen(page, 'aftermath');
    await mapReady(page);
    await shot(page, '04-aftermath');
    // The chain behind a reaction (option -> effect -> reaction) opens from the keyboard.
    expect(await page.locator('.reactions details.why').count()).toBeGreaterThan(0);
    await tabTo(page, '.reactions details.why > summary');
    await page.keyboard.press('Enter');
    await expect(page.locator('.reactions details.why[open] .chain').first().textContent()).resolves.toContain('Send a fact-finding mission');
    await tabTo(page, 'details.slow > summary');
    await page.keyboard.press('Enter');
    await expectAccessible(page, 'the aftermath with its chains open');
    await shot(page, '04-aftermath-chain');
    await shot(page, '04-aftermath-full', true);

    // The drawers above the run: the decisions so far and the share link.
    await tabTo(page, 'button[aria-controls^="panel-path"]');
    await page.keyboard.press('Enter');
    await tabTo(page, 'button[aria-controls^="panel-share"]');
    await page.keyboard.press('Enter');
    await expectAccessible(page, 'the run bar with its drawers open');
    await shot(page, '05-drawers');

    const taken = ['fact_finding'];
    const recalled: string[] = [];
    for (let guard = 0; guard < 20 && (await currentScreen(page)) !== 'debrief'; guard++) {
      const now = await currentScreen(page);
      if (now === 'aftermath') {
        await tabTo(page, '[data-action="continue"]');
        await page.keyboard.press('Enter');
      } else if (now === 'briefing') {
        for (const text of await page.locator('.recalled p').allTextContents()) recalled.push(text);
        await tabTo(page, '[data-action="convene"]');
        await page.keyboard.press('Enter');
      } else if (now === 'council') {
        const option = await page.locator('button[data-option][data-leverage="false"]').first().getAttribute('data-option');
        await tabTo(page, `button[data-option="${option}"][data-leverage="false"]`);
        await page.keyboard.press('Enter');
        taken.push(option!);
      }
      await page.waitForFunction((was) => document.body.dataset.screen !== was, now);
    }

    await screen(page, 'debrief');
    expect(await page.getAttribute('body', 'data-world-hash')).toBe(engineHash(scenario, seed, taken));
    // The summit's briefing remembered the observers sent instead of troops, and only that.
    expect(recalled).toEqual(['Yerevan remembers asking for troops and getting observers.']);
    await expectAccessible(page, 'the debrief');
    await page.locator('details.chart-details').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await expectAccessible(page, 'the debrief with its chart table open');
    await page.locator('details.chart-details').evaluate((d) => ((d as HTMLDetailsElement).open = false));
    await shot(page, '06-debrief');
    await shot(page, '06-debrief-full', true);
    await page.emulateMedia({ media: 'print' });
    await shot(page, '07-debrief-print', true);
    expect(await page.locator('.stage, .bar nav, button').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length)).toBe(0);
    await game.expectClean();
    await game.close();
  });

  it('should play a scenario to its debrief with the mouse, spending leverage', async () => {
    const game = await openGame(browser(), '', { reducedMotion: 'no-preference' });
    const { page } = game;
    await page.fill('#seed', 'mouse-7');
    await page.click('button[aria-label="Play: A member asks for help"]');
    await screen(page, 'briefing');
    await page.click('[data-action="convene"]');
    await screen(page, 'council');
    // Kazakhstan vetoes sending troops; Moscow's leverage carries it, at a price in bandwidth.
    const card = page.locator('[data-option-card="send_troops"]');
    await expect(card.locator('.verdict').textContent()).resolves.toContain('Blocked');
    await expect(card.locator('.leverage').textContent()).resolves.toContain("Moscow's bandwidth");
    await card.locator('button[data-leverage="true"]').click();
    await screen(page, 'aftermath');
    await expect(page.locator('table.changed').textContent()).resolves.toContain("Moscow's bandwidth");
    const taken = ['send_troops+leverage'];
    const recalled: string[] = [];
    for (let guard = 0; guard < 20 && (await currentScreen(page)) !== 'debrief'; guard++) {
      const now = await currentScreen(page);
      if (now === 'aftermath') await page.click('[data-action="continue"]');
      else if (now === 'briefing') {
        recalled.push(...(await page.locator('.recalled p').allTextContents()));
        await page.click('[data-action="convene"]');
      } else if (now === 'council') {
        const button = page.locator('button[data-option][data-leverage="false"]').last();
        taken.push((await button.getAttribute('data-option'))!);
        await button.click();
      }
      await page.waitForFunction((was) => document.body.dataset.screen !== was, now);
    }
    await screen(page, 'debrief');
    expect(await page.getAttribute('body', 'data-world-hash')).toBe(engineHash(scenario, 'mouse-7', taken));
    expect(recalled).toEqual(['Yerevan remembers the allies who came.']);
    await expect(page.locator('.questions li').count()).resolves.toBe(scenario.debrief.questions.length);
    await game.expectClean();
    await game.close();
  });

  it('should fit a projector at 1920x1080 and keep the Council readable', async () => {
    const game = await openGame(browser(), '', { viewport: { width: 1920, height: 1080 } });
    const { page } = game;
    await page.fill('#seed', 'projector');
    await page.click('button[aria-label="Play: A member asks for help"]');
    await page.click('[data-action="convene"]');
    await screen(page, 'council');
    await mapReady(page);
    await shot(page, '08-council-1920x1080');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await game.expectClean();
    await game.close();
  });
});
