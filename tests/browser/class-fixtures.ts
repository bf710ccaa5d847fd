import type { Page } from 'playwright-core';

/**
 * What the classroom's browser tests share: the class of three teams they set up on Armenia 2022 (the
 * Secretariat in the chair, Yerevan for Armenia, Astana and Minsk for Kazakhstan and Belarus), and the
 * class's Council's stance pickers.
 */
export async function setUpThreeTeams(page: Page): Promise<void> {
  await page.selectOption('#class-scenario', 'armenia_2022');
  await page.waitForSelector('#role-AM');
  await page.fill('#team-name-0', 'Secretariat');
  await page.fill('#team-name-1', 'Yerevan');
  await page.fill('#team-name-2', 'Astana and Minsk');
  await page.selectOption('#role-chair', '0');
  await page.selectOption('#role-AM', '1');
  await page.selectOption('#role-KZ', '2');
  await page.selectOption('#role-BY', '2');
}

/** An option's block on the class's Council. */
export const classOption = (page: Page, id: string) => page.locator(`.class-option[data-option-card="${id}"]`);

/** A team declares a member's stance on an option. */
export const pick = (page: Page, id: string, member: string, stance: string) =>
  classOption(page, id).locator(`fieldset[data-member="${member}"] input[data-stance-choice="${stance}"]`).check();
