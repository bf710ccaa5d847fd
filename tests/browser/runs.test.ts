import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { encodeRunParams } from '../../src/engine/play/share-link.ts';
import { RUN_FORMAT, ENGINE_VERSION, MAX_SEED_LENGTH } from '../../src/engine/play/record.ts';
import {
  currentScreen,
  describeBrowser,
  engineHash,
  expectAccessible,
  fixtureScenario,
  type Game,
  openGame,
  ROOT,
  screen,
  shot,
  useBrowser,
} from './harness.ts';
import type { Page } from 'playwright-core';
import { CLI } from '../cli/run-cli.ts';

async function startRun(page: Page, seed: string) {
  await page.fill('#seed', seed);
  await page.click('button[aria-label="Play: A member asks for help"]');
  await screen(page, 'briefing');
}

async function decideOnce(page: Page, option: string) {
  await page.click('[data-action="convene"]');
  await screen(page, 'council');
  await page.click(`button[data-option="${option}"][data-leverage="false"]`);
  await screen(page, 'aftermath');
  await page.click('[data-action="continue"]');
  await page.waitForFunction(() => document.body.dataset.screen === 'briefing' || document.body.dataset.screen === 'debrief');
}

/** Runs that are never lost and can be shared: autosave and resume, share links, going back. */
describeBrowser('saved, shared and branched runs', () => {
  const browser = useBrowser();

  /** The run's share link, opened in a browser of its own (no save there), reaches the same world; both pages clean. */
  async function expectLinkOpensSameWorld(game: Game, shared: string, hash: string | null): Promise<void> {
    const other = await openGame(browser(), shared.slice(shared.indexOf('#')));
    await other.page.waitForSelector('body[data-world-hash]');
    expect(await other.page.getAttribute('body', 'data-world-hash')).toBe(hash);
    await game.expectClean();
    await other.expectClean();
    await game.close();
    await other.close();
  }
  const scenario = fixtureScenario('request_for_help');

  it('should resume at the same decision after a reload', async () => {
    const game = await openGame(browser());
    const { page } = game;
    await startRun(page, 'reload-1');
    await decideOnce(page, 'fact_finding');
    const before = { hash: await page.getAttribute('body', 'data-world-hash'), decisions: await page.getAttribute('body', 'data-decisions'), url: page.url() };
    expect(before.decisions).toBe('1');
    await page.reload();
    await page.waitForSelector('body[data-decisions]');
    expect(before.url).toContain('#/run/');
    expect(page.url()).toBe(before.url);
    expect(await page.getAttribute('body', 'data-world-hash')).toBe(before.hash);
    expect(await page.getAttribute('body', 'data-decisions')).toBe('1');
    expect(await currentScreen(page)).toBe('briefing');
    // Reloaded in the middle of the Council, it comes back to the same decision.
    await page.click('[data-action="convene"]');
    await screen(page, 'council');
    await page.reload();
    await page.waitForSelector('body[data-decisions]');
    expect(await page.getAttribute('body', 'data-decisions')).toBe('1');
    expect(await page.getAttribute('body', 'data-world-hash')).toBe(before.hash);
    // And from the list of saved runs, after leaving it.
    await page.click('a.button[href="#/"]');
    await screen(page, 'choose');
    await page.click('.save button[data-action="continue"]');
    await screen(page, 'briefing');
    expect(await page.getAttribute('body', 'data-world-hash')).toBe(before.hash);
    await game.expectClean();
    await game.close();
  });

  it('should keep a seed within what a run record holds, say so, and save, reload and share a run at the limit', async () => {
    const game = await openGame(browser());
    const { page } = game;
    await page.fill('#seed', 'x'.repeat(MAX_SEED_LENGTH + 50));
    expect((await page.inputValue('#seed')).length).toBe(MAX_SEED_LENGTH);
    await expect(page.locator('#seed-message').textContent()).resolves.toContain(`at most ${MAX_SEED_LENGTH} characters`);

    // A longer seed put past the field's limit (by a script, say) is refused with the reason, and no run begins.
    await page.evaluate(
      (seed) => {
        (document.getElementById('seed') as HTMLInputElement).value = seed;
      },
      'y'.repeat(MAX_SEED_LENGTH + 1),
    );
    await page.click('button[aria-label="Play: A member asks for help"]');
    await expect(page.locator('#seed-message').textContent()).resolves.toContain('This seed cannot be played');
    expect(await currentScreen(page)).toBe('choose');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('seed');
    expect(await page.getAttribute('#seed', 'aria-invalid')).toBe('true');
    await expectAccessible(page, 'the Choose screen refusing a seed');
    await shot(page, '18-choose-seed-too-long');

    const seed = 'z'.repeat(MAX_SEED_LENGTH);
    await startRun(page, seed);
    await decideOnce(page, 'fact_finding');
    const hash = await page.getAttribute('body', 'data-world-hash');
    expect(hash).toBe(engineHash(scenario, seed, ['fact_finding']));
    await page.reload();
    await page.waitForSelector('body[data-world-hash]');
    expect(await page.getAttribute('body', 'data-world-hash')).toBe(hash);
    await page.click('button[aria-controls^="panel-share"]');
    const shared = await page.inputValue('.share-link');
    await expectLinkOpensSameWorld(game, shared, hash);
  });

  it('should give the seed a class copies from the board one world, however it was capitalised or spaced', async () => {
    const { page } = await openGame(browser());
    await startRun(page, '  Class   7B ');
    await decideOnce(page, 'fact_finding');
    expect(await page.getAttribute('body', 'data-world-hash')).toBe(engineHash(scenario, 'class 7b', ['fact_finding']));
  });

  it('should open a share link on another machine in the same world as the engine and the command line', async () => {
    const decisions = ['fact_finding'];
    const seed = 'share-42';
    // The command line's own `run`, as a person would type it.
    const cli = JSON.parse(
      execFileSync(
        process.execPath,
        [CLI, 'run', 'tests/fixtures/scenarios/request_for_help.yaml', '--seed', seed, '--decisions', decisions.join(','), '--json'],
        { cwd: ROOT, encoding: 'utf8' },
      ),
    );
    expect(cli.hash).toBe(engineHash(scenario, seed, decisions));

    const link = `#/share?${encodeRunParams({ format: RUN_FORMAT, engine: ENGINE_VERSION, scenario: scenario.id, contentHash: scenario.contentHash, seed, decisions })}`;
    const game = await openGame(browser(), link);
    const { page } = game;
    await page.waitForSelector('body[data-world-hash]');
    expect(await page.getAttribute('body', 'data-world-hash')).toBe(cli.hash);
    expect(page.url()).toContain('#/run/');

    // The link the game itself offers, played on: it opens on a second machine in the same world.
    await page.click('[data-action="convene"]');
    await screen(page, 'council');
    const option = (await page.locator('button[data-option][data-leverage="false"]').first().getAttribute('data-option'))!;
    await page.click(`button[data-option="${option}"][data-leverage="false"]`);
    await screen(page, 'aftermath');
    await page.click('[data-action="continue"]');
    await page.waitForFunction(() => document.body.dataset.screen !== 'aftermath');
    await page.click('button[aria-controls^="panel-share"]');
    const shared = await page.inputValue('.share-link');
    const hash = await page.getAttribute('body', 'data-world-hash');
    expect(hash).toBe(engineHash(scenario, seed, [...decisions, option]));
    await expectLinkOpensSameWorld(game, shared, hash);
  });

  it('should go back to an earlier decision and branch, keeping the run it left', async () => {
    const game = await openGame(browser());
    const { page } = game;
    await startRun(page, 'branch-3');
    await decideOnce(page, 'fact_finding');
    for (let guard = 0; guard < 10 && (await currentScreen(page)) !== 'debrief'; guard++) {
      await page.click('[data-action="convene"]');
      await screen(page, 'council');
      await page.locator('button[data-option][data-leverage="false"]').first().click();
      await screen(page, 'aftermath');
      await page.click('[data-action="continue"]');
      await page.waitForFunction(() => document.body.dataset.screen !== 'aftermath');
    }
    await screen(page, 'debrief');
    const original = { slot: await page.getAttribute('body', 'data-slot'), decisions: Number(await page.getAttribute('body', 'data-decisions')) };

    // From the debrief: back to decision 1, then another answer.
    await page.click('button[data-branch="0"]');
    await screen(page, 'briefing');
    expect(await page.getAttribute('body', 'data-decisions')).toBe('0');
    const branch = await page.getAttribute('body', 'data-slot');
    expect(branch).not.toBe(original.slot);
    await expect(page.locator('.notice').first().textContent()).resolves.toContain('new branch');
    await decideOnce(page, 'stay_silent');
    expect(await page.getAttribute('body', 'data-world-hash')).toBe(engineHash(scenario, 'branch-3', ['stay_silent']));

    // From the run bar: back to decision 1 of the branch, again.
    await page.click('button[aria-controls^="panel-path"]');
    await page.click('button[data-rewind="0"]');
    await screen(page, 'briefing');
    expect(await page.getAttribute('body', 'data-decisions')).toBe('0');

    // Every run is still there to continue: the original, the branch, and the branch of the branch.
    await page.click('a.button[href="#/"]');
    await screen(page, 'choose');
    await expect(page.locator('.save:not(.broken)').count()).resolves.toBe(3);
    await page.click(`.save[data-slot="${original.slot}"] button[data-action="continue"]`);
    await screen(page, 'debrief');
    expect(Number(await page.getAttribute('body', 'data-decisions'))).toBe(original.decisions);
    await page.click('a.button[href="#/"]');
    await screen(page, 'choose');
    await expectAccessible(page, 'the Choose screen with saved runs');
    await shot(page, '09-choose-saved-runs');
    await game.expectClean();
    await game.close();
  });
});
