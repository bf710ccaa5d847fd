import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { currentScreen, describeBrowser, expectAccessible, openGame, screen, shot, useBrowser, visit } from './harness.ts';

const PHONE = { width: 390, height: 844 };

async function startRun(page: Page, seed: string) {
  await page.getByLabel('Seed').fill(seed);
  await page.getByRole('button', { name: 'Play: A member asks for help' }).click();
  await screen(page, 'briefing');
}

/** The page is no wider than the screen: anything wider scrolls inside its own box. */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const { scroll, viewport } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(scroll, `page width on ${where}`).toBeLessThanOrEqual(viewport);
}

/** The focused element is the screen's heading, and it is within the visible part of the page. */
async function expectHeadingFocusedInView(page: Page, where: string) {
  const seen = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const r = el.getBoundingClientRect();
    return { id: el.id, top: r.top, bottom: r.bottom, height: window.innerHeight };
  });
  expect(seen.id, `focus on ${where}`).toBe('screen-heading');
  expect(seen.top, `heading top on ${where}`).toBeGreaterThanOrEqual(0);
  expect(seen.bottom, `heading bottom on ${where}`).toBeLessThanOrEqual(seen.height);
}

/** The fixes a walk through the built game called for, each tried as a player would meet it. */
describeBrowser('what the walk found', () => {
  const browser = useBrowser();

  it('should bring each new heading into view on a phone, and never be wider than the phone', async () => {
    const game = await openGame(browser(), '', { viewport: PHONE });
    const { page } = game;
    await expectNoSidewaysScroll(page, 'the Choose screen');
    await startRun(page, 'phone-1');
    await expectHeadingFocusedInView(page, 'the briefing');
    await expectNoSidewaysScroll(page, 'the briefing');
    await page.getByRole('button', { name: 'Convene the Council' }).click();
    await screen(page, 'council');
    await expectHeadingFocusedInView(page, 'the Council');
    await expectNoSidewaysScroll(page, 'the Council');
    await shot(page, 'walk-phone-council');
    await page.getByRole('button', { name: 'Choose: Send a fact-finding mission' }).click();
    await screen(page, 'aftermath');
    await expectHeadingFocusedInView(page, 'the aftermath');
    await expectNoSidewaysScroll(page, 'the aftermath');
    await shot(page, 'walk-phone-aftermath');

    // What tends to happen, with its wide tables, in boxes that scroll sideways.
    await page.goto(page.url().replace(/#.*/, `#/run/${await page.getAttribute('body', 'data-slot')}/outlook/1`));
    await screen(page, 'outlook');
    await expectNoSidewaysScroll(page, 'what tends to happen, before it plays');
    await page.getByRole('button', { name: /^Play each choice/ }).click();
    await page.waitForSelector('table[data-table="endings"]', { timeout: 120_000 });
    await expectNoSidewaysScroll(page, 'what tends to happen');
    const box = page.getByRole('region', { name: /How the runs end/ });
    expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await expectAccessible(page, 'what tends to happen on a phone');
    await shot(page, 'walk-phone-outlook', true);
    await page.goBack();
    await screen(page, 'aftermath');

    for (let guard = 0; guard < 20 && (await currentScreen(page)) !== 'debrief'; guard++) {
      const now = await currentScreen(page);
      if (now === 'aftermath') await page.getByRole('button', { name: /^(Next: |See how it ends)/ }).click();
      else if (now === 'briefing') await page.getByRole('button', { name: 'Convene the Council' }).click();
      else if (now === 'council')
        await page
          .getByRole('button', { name: /^Choose: / })
          .first()
          .click();
      await page.waitForFunction((was) => document.body.dataset.screen !== was, now);
      const next = await currentScreen(page);
      await expectHeadingFocusedInView(page, next);
      await expectNoSidewaysScroll(page, next);
    }
    await page.getByRole('link', { name: 'Compare runs' }).click();
    await screen(page, 'compare');
    await expectNoSidewaysScroll(page, 'the comparison');
    await expectAccessible(page, 'the comparison on a phone');
    await game.expectClean();
    await game.close();
  }, 240_000);

  it('should come back to the aftermath, with what changed and why, after a reload there', async () => {
    const game = await openGame(browser());
    const { page } = game;
    await startRun(page, 'reload-aftermath');
    await page.getByRole('button', { name: 'Convene the Council' }).click();
    await page.getByRole('button', { name: 'Choose: Send a fact-finding mission' }).click();
    await screen(page, 'aftermath');
    const hash = await page.getAttribute('body', 'data-world-hash');
    const changed = await page.getByRole('table', { name: 'Values this decision changed' }).textContent();
    await page.reload();
    await screen(page, 'aftermath');
    expect(await page.getAttribute('body', 'data-world-hash')).toBe(hash);
    expect(await page.getByRole('heading', { name: 'What changed' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Why' }).isVisible()).toBe(true);
    expect(await page.getByRole('table', { name: 'Values this decision changed' }).textContent()).toBe(changed);
    // Gone on to the next briefing, a reload stays there.
    await page.getByRole('button', { name: /^Next: / }).click();
    await screen(page, 'briefing');
    await page.reload();
    await screen(page, 'briefing');
    expect(await page.getAttribute('body', 'data-decisions')).toBe('1');
    await game.expectClean();
    await game.close();
  });

  it('should say "back at decision N, on a new branch" on the screen after branching only', async () => {
    const game = await openGame(browser());
    const { page } = game;
    await startRun(page, 'banner-1');
    await page.getByRole('button', { name: 'Convene the Council' }).click();
    await page.getByRole('button', { name: 'Choose: Send a fact-finding mission' }).click();
    await screen(page, 'aftermath');
    await page.getByRole('button', { name: /^Decisions \(/ }).click();
    await page.getByRole('button', { name: 'Go back to decision 1' }).click();
    await screen(page, 'briefing');
    const banner = page.getByText('You are back at decision 1, on a new branch');
    expect(await banner.isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Convene the Council' }).click();
    await screen(page, 'council');
    expect(await banner.count()).toBe(0);
    await game.expectClean();
    await game.close();
  });

  it('should name saved runs, mark branches, let the player rename them and open the same link only once', async () => {
    const game = await openGame(browser());
    const { page } = game;
    await startRun(page, 'names-1');
    await page.getByRole('button', { name: 'Convene the Council' }).click();
    await page.getByRole('button', { name: 'Choose: Say nothing' }).click();
    await screen(page, 'aftermath');
    await page.getByRole('button', { name: 'Share link' }).click();
    const link = await page.getByLabel('Link to this run').inputValue();
    await page.getByRole('button', { name: /^Decisions \(/ }).click();
    await page.getByRole('button', { name: 'Go back to decision 1' }).click();
    await screen(page, 'briefing');
    const hash = link.slice(link.indexOf('#'));
    // The same link, opened twice in a fresh tab of this browser: one save, opened twice.
    await visit(page, hash);
    await page.waitForSelector('body[data-slot]');
    const first = await page.getAttribute('body', 'data-slot');
    await visit(page, hash);
    await page.waitForSelector('body[data-slot]');
    expect(await page.getAttribute('body', 'data-slot')).toBe(first);
    // An old save, from before runs had names, still opens, under a name of its own.
    await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('article-four.run.'))!;
      const data = JSON.parse(localStorage.getItem(key)!);
      localStorage.setItem(
        'article-four.run.old-shape',
        JSON.stringify({ save: 1, slot: 'old-shape', label: 'opened from a link', savedAt: '2024-05-01T10:00:00Z', record: data.record }),
      );
    });
    await visit(page, '#/');
    await screen(page, 'choose');
    const saves = page.getByRole('list').filter({ has: page.getByRole('button', { name: /^Continue: / }) });
    expect(await saves.getByRole('listitem').count()).toBe(3);
    const branch = saves.getByRole('listitem').filter({ hasText: 'Branch of A member asks for help, seed names-1' });
    expect(await branch.getByText('Branch', { exact: true }).isVisible()).toBe(true);
    expect(await saves.getByText(/A member asks for help, seed names-1, 2024-05-01/).count()).toBe(1);
    await expectAllButtonNamesDiffer(page);
    await expectAccessible(page, 'the saved runs');
    await shot(page, 'walk-saves');

    await saves.getByRole('button', { name: /^Rename: A member asks for help, seed names-1, 2024/ }).click();
    const field = page.getByLabel(/^New name for/);
    await field.fill('Team Blue');
    await page.getByRole('button', { name: 'Save the name' }).click();
    await screen(page, 'choose');
    expect(await page.getByRole('button', { name: 'Continue: Team Blue' }).count()).toBe(1);
    // A second run may not take a name already in use.
    await saves.getByRole('button', { name: /^Rename: Branch of/ }).click();
    await page.getByLabel(/^New name for/).fill('Team Blue');
    await page.getByRole('button', { name: 'Save the name' }).click();
    expect(await page.getByText('Another saved run is called “Team Blue”').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Continue: Team Blue' }).click();
    await page.waitForSelector('body[data-slot="old-shape"]');
    await game.expectClean();
    await game.close();
  });

  it('should show a page-not-found screen for an address the game does not know, with the way back', async () => {
    const game = await openGame(browser(), '#/nonsense');
    const { page } = game;
    await screen(page, 'not-found');
    expect(await page.getByRole('heading', { name: 'Page not found', level: 1 }).isVisible()).toBe(true);
    await expectAccessible(page, 'page not found');
    await page.getByRole('link', { name: 'Go to the scenarios' }).click();
    await screen(page, 'choose');
    // From inside a run, a wrong address does not leave the run's screen up; the way back leads to the run.
    await startRun(page, 'lost-1');
    const slot = await page.getAttribute('body', 'data-slot');
    await page.evaluate(() => (location.hash = '#/run'));
    await screen(page, 'not-found');
    await page.getByRole('link', { name: 'Back to your run' }).click();
    await screen(page, 'briefing');
    expect(await page.getAttribute('body', 'data-slot')).toBe(slot);
    await game.expectClean();
    await game.close();
  });

  it('should let a deletion be undone, and close the drawers with Escape, focus back on their buttons', async () => {
    const game = await openGame(browser());
    const { page } = game;
    await startRun(page, 'undo-1');
    // Escape on the button that opened a drawer, and from inside the open drawer.
    for (const [drawer, inside] of [
      [/^Decisions \(/, null],
      ['Share link', 'Link to this run'],
      [/^Sources \(/, null],
    ] as const) {
      const button = page.getByRole('button', { name: drawer });
      await button.click();
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      if (inside) await page.getByLabel(inside).focus();
      await page.keyboard.press('Escape');
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
      expect(await page.locator(`#${await button.getAttribute('aria-controls')}`).isHidden()).toBe(true);
    }
    // The sources the scenario cites, by title, a click away on every screen of the run.
    await page.getByRole('button', { name: 'Sources (2)' }).click();
    const list = page.getByRole('region', { name: 'Sources of this scenario' }).getByRole('listitem');
    expect(await list.allTextContents()).toEqual([
      "“It's not Nato but another key alliance that is faltering”, The National, 13 October 2022",
      '“Too early to call time on the CSTO”, Eurasianet, October 2022',
    ]);
    await expectAccessible(page, 'the run with its sources open');
    await page.getByRole('link', { name: 'All scenarios' }).click();
    await screen(page, 'choose');
    await page.getByRole('button', { name: /^Delete: A member asks for help, seed undo-1/ }).click();
    expect(await page.getByRole('button', { name: /^Continue: / }).count()).toBe(0);
    expect(
      await page
        .getByRole('main')
        .getByText(/is deleted\. You can undo this/)
        .isVisible(),
    ).toBe(true);
    await expectAccessible(page, 'the Choose screen with its Undo');
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await page.getByRole('button', { name: /^Continue: A member asks for help, seed undo-1/ }).count()).toBe(1);
    await game.expectClean();
    await game.close();
  });

  it('should label the Compare charts with decision numbers that do not run together', async () => {
    const game = await openGame(browser(), '', { viewport: { width: 1024, height: 600 } });
    const { page } = game;
    await page.getByLabel('Seed').fill('axis-1');
    await page.getByRole('button', { name: 'Play: The alliance under strain, 2020-2023' }).click();
    await screen(page, 'briefing');
    for (let i = 0; i < 12 && (await currentScreen(page)) !== 'debrief'; i++) {
      const now = await currentScreen(page);
      if (now === 'aftermath') await page.getByRole('button', { name: /^(Next: |See how it ends)/ }).click();
      else if (now === 'briefing') await page.getByRole('button', { name: 'Convene the Council' }).click();
      else if (now === 'council')
        await page
          .getByRole('button', { name: /^Choose: / })
          .first()
          .click();
      await page.waitForFunction((was) => document.body.dataset.screen !== was, now);
    }
    await page.getByRole('link', { name: 'Compare', exact: true }).click();
    await screen(page, 'compare');
    const charts = await page.locator('svg.chart').evaluateAll((svgs) =>
      svgs.map((svg) => {
        const boxes = [...svg.querySelectorAll('text.tick')].map((t) => t.getBoundingClientRect());
        const overlaps = boxes.some((b, i) => i > 0 && b.left < boxes[i - 1].right);
        return { ticks: boxes.length, overlaps, labels: [...svg.querySelectorAll('text.tick')].map((t) => t.textContent) };
      }),
    );
    expect(charts.length).toBeGreaterThan(1);
    for (const chart of charts) {
      expect(chart.ticks).toBeGreaterThan(1);
      expect(chart.overlaps, `ticks ${chart.labels.join(' ')}`).toBe(false);
      expect(chart.labels[0]).toBe('Start');
    }
    await shot(page, 'walk-compare-axis', true);
    await game.expectClean();
    await game.close();
  }, 120_000);
});

/** No two buttons on the page share an accessible name: a screen reader's list of buttons tells them apart. */
async function expectAllButtonNamesDiffer(page: Page) {
  const names = await page.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent?.trim() ?? ''));
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  expect(repeated).toEqual([]);
}
