import { expect, it } from 'vitest';
import { describeBrowser, openGame, useBrowser } from './harness.ts';

/**
 * A scenario played from the Choose screen to the debrief by what a person sees and reads: roles, visible
 * names and labels only, no test ids, no CSS selectors, no state the page keeps for tools.
 */
describeBrowser('a person plays a crisis', () => {
  const browser = useBrowser();

  it('should take a person from the scenarios to the debrief by what is on the screen', async () => {
    const game = await openGame(browser());
    const { page } = game;
    expect(await page.getByRole('heading', { name: 'Article Four', level: 1 }).isVisible()).toBe(true);
    await page.getByLabel('Seed (optional)').fill('a-person-3');
    await page.getByRole('button', { name: 'Play: A member asks for help' }).click();

    const convene = page.getByRole('button', { name: 'Convene the Council' });
    const debrief = page.getByRole('heading', { name: /^Debrief: / });
    await convene.waitFor();
    const seen: string[] = [];
    for (let decision = 1; decision <= 10; decision++) {
      // A briefing: its heading has focus, and the one way on is to convene the Council.
      const briefing = await page.evaluate(() => document.activeElement?.textContent ?? '');
      seen.push(`briefing: ${briefing}`);
      await convene.click();
      await page.getByRole('heading', { name: /^The Council: / }).waitFor();
      const choices = page.getByRole('button', { name: /^Choose: / });
      expect(await choices.count()).toBeGreaterThan(0);
      // The person takes the last choice the Council can agree on.
      const choice = choices.last();
      // Its name as a screen reader says it: the grid shows "Choose" in the option's row and names the option to assistive technology.
      const label = ((await choice.getAttribute('aria-label')) ?? (await choice.textContent()) ?? '').replace(/^Choose: /, '');
      await choice.click();
      await page.getByRole('heading', { name: `Aftermath: ${label}` }).waitFor();
      seen.push(`chose: ${label}`);
      expect(await page.getByRole('heading', { name: 'What changed' }).isVisible()).toBe(true);
      expect(await page.getByRole('heading', { name: 'Why' }).isVisible()).toBe(true);
      const onward = page.getByRole('button', { name: /^(Next: |See how it ends)/ });
      const last = ((await onward.textContent()) ?? '') === 'See how it ends';
      await onward.click();
      if (last) break;
      await convene.waitFor();
    }
    await debrief.waitFor();
    // The debrief a person reads: how it ended, what really happened, their path beside history, questions, sources.
    for (const name of ['What really happened', 'Your path beside the historical one', 'For discussion', 'Sources']) {
      expect(await page.getByRole('heading', { name }).isVisible(), name).toBe(true);
    }
    expect(seen.filter((s) => s.startsWith('chose: ')).length).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Play again with a new seed' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Choose another crisis' }).click();
    await page.getByRole('heading', { name: 'Continue a saved run' }).waitFor();
    expect(await page.getByRole('button', { name: /^Continue: A member asks for help, seed a-person-3/ }).count()).toBe(1);
    await game.expectClean();
    await game.close();
  }, 120_000);
});
