import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { decodeExerciseParams, type Exercise } from '../../src/engine/play/exercise.ts';
import { setUpThreeTeams } from './class-fixtures.ts';
import { describeBrowser, expectAccessible, openGame, screen, shot, tabTo, useBrowser } from './harness.ts';
import type { Page } from 'playwright-core';

/** A teacher prepares an exercise: link, file, printables, and the class's run that starts from it. */
describeBrowser('setting up a class', () => {
  const browser = useBrowser();

  /** The exercise of the brief: three teams on Armenia 2022, seed "Class 7B", settings changed. */
  async function setUp(page: Page) {
    await setUpThreeTeams(page);
    await page.fill('#class-title', 'Class 7B: Article 4');
    await page.fill('#class-seed', 'Class 7B');
    await page.press('#class-seed', 'Tab');
    await page.uncheck('#hide-forecasts');
    await page.check('#show-advice');
    await page.fill('#timer-council', '6');
    await page.check('#decisions-chosen');
    await page.check('#decision-1');
    await page.check('#decision-3');
  }

  const expected = (e: Exercise) => {
    expect(e.scenario).toBe('armenia_2022');
    expect(e.title).toBe('Class 7B: Article 4');
    expect(e.seed).toBe('class 7b');
    expect(e.teams).toEqual([
      { name: 'Secretariat', roles: ['chair'] },
      { name: 'Yerevan', roles: ['AM'] },
      { name: 'Astana and Minsk', roles: ['BY', 'KZ'] },
    ]);
    expect(e.settings).toEqual({
      hideForecasts: false,
      showAdvice: true,
      timers: { briefing: 5, council: 6, aftermath: 2 },
      classDecisions: ['article_four', 'yerevan_summit'],
    });
  };

  /** What the form shows, read back from its fields. */
  async function formState(page: Page) {
    return page.evaluate(() => {
      const value = (id: string) => (document.getElementById(id) as HTMLInputElement | HTMLSelectElement | null)?.value;
      const checked = (id: string) => (document.getElementById(id) as HTMLInputElement | null)?.checked;
      return {
        scenario: value('class-scenario'),
        title: value('class-title'),
        seed: value('class-seed'),
        teams: [0, 1, 2, 3].map((i) => value(`team-name-${i}`) ?? null),
        roles: ['chair', 'AM', 'KZ', 'BY', 'RU'].map((r) => value(`role-${r}`)),
        hide: checked('hide-forecasts'),
        advice: checked('show-advice'),
        council: value('timer-council'),
        chosen: [1, 2, 3].map((k) => checked(`decision-${k}`)),
      };
    });
  }
  const filledIn = {
    scenario: 'armenia_2022',
    title: 'Class 7B: Article 4',
    seed: 'class 7b',
    teams: ['Secretariat', 'Yerevan', 'Astana and Minsk', null],
    roles: ['0', '1', '2', '2', ''],
    hide: false,
    advice: true,
    council: '6',
    chosen: [true, false, true],
  };

  it('should travel as a link and as a file, refuse a bad file, and start the class on the normalised seed', async () => {
    const game = await openGame(browser(), '#/');
    const { page, context } = game;
    await page.click('[data-action="run-a-class"]');
    await screen(page, 'class-setup');
    await setUp(page);
    await expect.poll(() => page.textContent('#class-seed-normalised')).toContain('“class 7b”');

    // Copy link: the link it gives opens, in another page, the same exercise.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.click('[data-action="copy-link"]');
    const link = await page.inputValue('#class-link');
    expect(link).toContain('#/class/exercise?e=');
    const decoded = decodeExerciseParams(link);
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expected(decoded.value);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    const other = await context.newPage();
    await other.goto(link);
    await screen(other, 'class-setup');
    expect(await formState(other)).toEqual(filledIn);
    await other.close();

    // Save the file, then open it back on a fresh setup screen.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="save-exercise"]')]);
    expect(download.suggestedFilename()).toMatch(/\.exercise\.json$/);
    const saved = readFileSync((await download.path()) ?? '', 'utf8');
    expected(JSON.parse(saved));
    await page.goto(page.url().split('#')[0] ?? '');
    await page.evaluate(() => {
      location.hash = '#/class';
    });
    await screen(page, 'class-setup');
    expect((await formState(page)).seed).not.toBe('class 7b');
    await page.setInputFiles('#exercise-file', { name: 'class.exercise.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
    await expect.poll(() => formState(page)).toEqual(filledIn);

    // A bad file: the engine's sentence, and nothing changes.
    const before = page.url();
    await page.setInputFiles('#exercise-file', { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format":1,"title":"x"}') });
    await expect.poll(() => page.textContent('#exercise-file-message')).toContain('That file cannot be opened: not an exercise: it has no');
    expect(await page.textContent('#exercise-file-message')).toContain('Nothing has changed.');
    expect(page.url()).toBe(before);
    expect(await formState(page)).toEqual(filledIn);
    // Dropped on the page, a file that is not JSON at all gets its own sentence, and nothing changes either.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['not json'], 'notes.txt', { type: 'text/plain' }));
      document.querySelector('.classroom')?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => page.textContent('#exercise-file-message')).toContain('not an exercise: it is not readable data');
    expect(page.url()).toBe(before);
    expect(await formState(page)).toEqual(filledIn);

    // Start the class: a run of its own, whose save carries the exercise with the normalised seed.
    await page.click('[data-action="start-class"]');
    await page.waitForFunction(() => location.hash.startsWith('#/run/'));
    await screen(page, 'briefing');
    const slot = decodeURIComponent(new URL(page.url()).hash.slice('#/run/'.length));
    const save = await page.evaluate((key) => localStorage.getItem(key), `article-four.run.${slot}`);
    const data = JSON.parse(save ?? '{}');
    expected(data.exercise);
    expect(data.record.seed).toBe('class 7b');
    expect(data.record.scenario).toBe('armenia_2022');
    await game.expectClean();
    await game.close();
  });

  it('should say what is wrong beside the field and move focus there; a bad link says why and the way back', async () => {
    const game = await openGame(browser(), '#/');
    const { page } = game;
    // By keyboard from the scenarios to the setup, and to "Start the class".
    await tabTo(page, '[data-action="run-a-class"]');
    await page.keyboard.press('Enter');
    await screen(page, 'class-setup');
    await page.selectOption('#role-chair', '');
    await page.fill('#team-name-2', 'secretariat');
    await tabTo(page, '[data-action="start-class"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('team-name-2');
    expect(await page.textContent('#role-chair-problem')).toContain('No team holds the chair');
    expect(await page.getAttribute('#role-chair', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#team-name-2-problem')).toContain('Two teams are called "secretariat"');
    expect(await page.textContent('#class-problems')).toContain('2 problems');
    // A timer out of range is a problem of its own, not silently kept.
    await page.fill('#timer-council', '500');
    await page.click('[data-action="start-class"]');
    expect(await page.textContent('#timer-council-problem')).toContain('from 0 to 120');
    expect(await page.textContent('#class-problems')).toContain('3 problems');
    expect(await page.evaluate(() => location.hash.startsWith('#/class/exercise'))).toBe(true);
    expect(await page.evaluate(() => location.hash.startsWith('#/class/exercise'))).toBe(true);

    await page.goto(`${page.url().split('#')[0]}#/class/exercise?e=%7B%22format%22%3A1`);
    await screen(page, 'class-unreadable');
    await page.waitForSelector('[data-notice="error"]');
    expect(await page.textContent('[data-notice="error"]')).toContain('Not an exercise: it is not readable data.');
    expect(await page.getAttribute('a[href="#/class"]', 'href')).toBe('#/class');
    await game.expectClean();
    await game.close();
  });

  it('should print one role card a page, none split, on A4 and on Letter', async () => {
    const game = await openGame(browser(), '#/class');
    const { page } = game;
    await screen(page, 'class-setup');
    await setUp(page);
    await page.click('[data-printable="roles"]');
    await screen(page, 'class-print-roles');
    const cards = await page.locator('.role-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-role')));
    expect(cards).toEqual(['chair', 'BY', 'AM', 'KZ']);
    // "Print" asks the browser to print (stubbed here: a headless browser has no print dialog).
    await page.evaluate(() => {
      window.print = () => {
        document.body.dataset.printed = 'yes';
      };
    });
    await page.click('[data-action="print"]');
    expect(await page.getAttribute('body', 'data-printed')).toBe('yes');
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.print-bar')).toBe(false);
    expect(await page.isVisible('[data-action="print"]')).toBe(false);
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages, `pages on ${format}`).toBe(cards.length);
    }
    // In print media, at the width of the narrower page (A4 less its margins), each card is shorter than the
    // shorter page's printable height (Letter less its margins): it cannot cross a page break.
    const mm = 96 / 25.4;
    await page.setViewportSize({ width: Math.floor((210 - 24) * mm), height: 800 });
    const heights = await page.locator('.role-card').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    const firstTop = await page
      .locator('.role-card')
      .first()
      .evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
    const pageHeight = (279.4 - 24) * mm;
    expect(firstTop + (heights[0] ?? 0)).toBeLessThan(pageHeight);
    for (const h of heights) expect(h).toBeLessThan(pageHeight);
    await page.emulateMedia({ media: 'screen' });
    await game.expectClean();
    await game.close();
  });

  it("should print the campaign's cards a chapter at a time, every card on a page of its own", async () => {
    const game = await openGame(browser(), '#/class');
    const { page } = game;
    await screen(page, 'class-setup');
    await page.selectOption('#class-scenario', 'campaign_2020_2023');
    await page.waitForFunction(() => document.querySelectorAll('.decisions li').length > 10);
    for (const member of ['RU', 'BY', 'AM', 'KZ', 'KG', 'TJ']) await page.selectOption(`#role-${member}`, '1');
    await page.click('[data-printable="roles"]');
    await screen(page, 'class-print-roles');
    const cards = await page.locator('.role-card').count();
    // Six chapters, each with the chair's card and the six members'.
    expect(cards).toBe(6 * 7);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'Letter' });
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(cards);
    await game.expectClean();
    await game.close();
  });

  it('should have no accessibility violation on the setup screen and the printables, nor sideways scroll on a phone', async () => {
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 1024, height: 600 },
      { width: 390, height: 844 },
    ]) {
      const game = await openGame(browser(), '#/class', { viewport });
      const { page } = game;
      await screen(page, 'class-setup');
      await expectAccessible(page, `the setup screen at ${viewport.width}`);
      await setUp(page);
      await page.selectOption('#role-chair', '');
      await page.click('[data-action="start-class"]');
      await page.waitForSelector('#role-chair[aria-invalid="true"]');
      await expectAccessible(page, `the setup screen with a problem at ${viewport.width}`);
      await shot(page, `class-setup-error-${viewport.width}`);
      await page.selectOption('#role-chair', '0');
      const hash = await page.evaluate(() => location.hash);
      if (viewport.width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
      for (const kind of ['roles', 'handout', 'guide']) {
        await page.evaluate(
          (h) => {
            location.hash = h;
          },
          hash.replace('#/class/exercise', `#/class/print/${kind}`),
        );
        await screen(page, `class-print-${kind}`);
        await expectAccessible(page, `the ${kind} printable at ${viewport.width}`);
        if (viewport.width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), kind).toBe(0);
        await shot(page, `class-print-${kind}-${viewport.width}`, true);
      }
      await game.expectClean();
      await game.close();
    }
  });
});
