import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ClassView } from '../../src/live/messages.ts';
import { type ClassServer, startClassServer } from '../support/class-server.ts';
import { createClass, teacher as teacherClient, threeTeams } from '../server/live-client.ts';
import { setUpThreeTeams } from './class-fixtures.ts';
import { describeBrowser, expectAccessible, type Game, openGame, screen, shot, tabTo, useBrowser } from './harness.ts';

/**
 * A live class on the real class server, each team at its own laptop (a browser context each): the teacher
 * creates the class from the setup screen, three teams join table 1 by its code, declare at the Council, the
 * chair chooses, and the teacher reveals and moves the table on, through two decisions to the aftermath.
 */
const TEAMS = ['Secretariat', 'Yerevan', 'Astana and Minsk'];
const NAMES = ['Ana', 'Bagrat', 'Dana'];

/** On a phone, the page keeps the screen's width (a wide table scrolls in its own box). */
async function expectPhoneWidth(page: Page, where: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(sideways, `${where} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1366, height: 768 });
}

const phase = (page: Page, name: string) => page.waitForSelector(`[data-live-phase="${name}"]`);
const picker = (page: Page, option: string, member: string) => page.locator(`.class-option[data-option-card="${option}"] fieldset[data-member="${member}"]`);

describeBrowser('a live class across laptops', () => {
  const browser = useBrowser();
  let server: ClassServer;
  const games: Game[] = [];

  beforeAll(async () => {
    server = await startClassServer({ site: inject('siteDir') });
  }, 60_000);
  afterAll(async () => {
    for (const g of games) await g.close();
    await server?.stop();
  });

  const open = async (path: string) => {
    const game = await openGame(browser(), path, { base: `${server.url}/` });
    games.push(game);
    return game;
  };

  it('should take a teacher and three teams through two decisions to the aftermath', async () => {
    // The teacher: the setup screen offers "Run it live" only because the class server answers.
    const teacher = await open('#/class');
    const t = teacher.page;
    await t.waitForSelector('[data-live-setup]:not([hidden])');
    await setUpThreeTeams(t);
    await t.fill('#live-tables', '1');
    await t.click('[data-action="start-live"]');
    await screen(t, 'live-dashboard');
    const code = (await t.getAttribute('[data-code]', 'data-code')) ?? '';
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    expect(await t.getAttribute('svg.qr-code', 'data-qr')).toMatch(new RegExp(`#/live\\?code=${code}$`));
    expect(await t.inputValue('[data-secret]')).not.toBe('');
    await expectAccessible(t, 'the dashboard');

    // Three teams join table 1, typing the code in small letters with a space, by keyboard.
    const students: Page[] = [];
    for (const [i, name] of NAMES.entries()) {
      const game = await open('#/live');
      const p = game.page;
      await screen(p, 'live-join');
      await p.focus('#join-code');
      await p.keyboard.type(`${code.slice(0, 3).toLowerCase()} ${code.slice(3).toLowerCase()}`);
      await p.keyboard.press('Enter');
      await p.waitForSelector('#join-name');
      // Each team shows who is already in it.
      if (i > 0) expect(await p.textContent(`.join-team[data-team="${TEAMS[i - 1]}"] .join-who`)).toContain(NAMES[i - 1]);
      await p.keyboard.type(name);
      await p.check(`#join-team-${i}`);
      if (i === 0) await expectAccessible(p, 'the join screen');
      await p.keyboard.press('Enter');
      await screen(p, 'live-table');
      await phase(p, 'briefing');
      students.push(p);
    }
    const [chair, yerevan, astana] = students as [Page, Page, Page];
    expect(await yerevan.textContent('[data-waiting]')).toContain('Waiting for the teacher to open the Council');
    expect(await yerevan.locator('.role-card[data-role="AM"]').count()).toBe(1);
    await t.waitForSelector('[data-table="1"] .live-student[data-connected="yes"] >> nth=2');

    const focusKey = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.focusKey ?? null);
    for (const decision of [1, 2]) {
      if (decision === 1) await t.click('[data-table="1"] [data-action="advance"]');
      else {
        // By keyboard: focus stayed on the table's button through the state's arrival, which rebuilt the dashboard.
        expect(await focusKey(t)).toBe('advance-1');
        await t.keyboard.press('Enter');
        // A sitting Council has no such button: focus goes to its table's heading, not the top of the page.
        await t.waitForSelector('[data-table="1"][data-phase="council"]');
        expect(await focusKey(t)).toBe('table-1');
      }
      for (const p of students) await phase(p, 'council');
      const options = await yerevan.$$eval('.class-option[data-option-card]', (els) => els.map((e) => e.getAttribute('data-option-card') ?? ''));
      expect(options.length).toBeGreaterThan(1);
      // Each member team declares on every option; the chair sees them arrive.
      for (const option of options) {
        await picker(yerevan, option, 'AM').locator('input[data-stance-choice="supports"]').check();
        await picker(astana, option, 'KZ').locator('input[data-stance-choice="supports"]').check();
        await picker(astana, option, 'BY').locator('input[data-stance-choice="accepts"]').check();
      }
      const argument = `Decision ${decision}: we asked for help, and this is what the treaty is for.`;
      await picker(yerevan, options[0] ?? '', 'AM')
        .locator('textarea')
        .fill(argument);
      await chair.waitForSelector(`.class-option[data-option-card="${options[0]}"] [data-team="Yerevan"] li[data-member="AM"]:has-text("${argument}")`);
      await chair.waitForSelector(
        `.class-option[data-option-card="${options.at(-1)}"] [data-team="Astana and Minsk"] li[data-member="BY"][data-stance="accepts"]`,
      );
      // A member team sees the others' declarations but has no choice to make.
      expect(await yerevan.locator('.council-grid').count()).toBe(0);
      expect(await astana.textContent(`.class-option[data-option-card="${options[0]}"] [data-team="Yerevan"]`)).toContain(argument);
      if (decision === 1) {
        await expectAccessible(yerevan, "a member team's Council");
        await expectAccessible(chair, "the chair's Council");
        await shot(chair, 'live-council-chair');
        await expectPhoneWidth(chair, "the chair's Council");
      }
      let chosen: string;
      if (decision === 1) {
        const choose = chair.locator('.council-grid button[data-leverage="false"]:not([disabled])').first();
        chosen = (await choose.getAttribute('data-option')) ?? '';
        await choose.click();
      } else {
        await tabTo(chair, '.council-grid button[data-leverage="false"]:not([disabled])');
        chosen = (await chair.evaluate(() => document.activeElement?.getAttribute('data-option'))) ?? '';
        await chair.keyboard.press('Enter');
      }
      for (const p of students) await phase(p, 'reveal');
      expect(await yerevan.getAttribute('[data-chosen]', 'data-chosen')).toBe(chosen);
      await t.waitForSelector('[data-table="1"][data-phase="reveal"]');
      await t.click('[data-table="1"] [data-action="advance"]');
      for (const p of students) await phase(p, 'aftermath');
      // "What changed" and "Why", and no Next: the teacher moves the table on.
      expect(await yerevan.locator('#changed-heading').count()).toBe(1);
      expect(await yerevan.locator('#why-heading').count()).toBe(1);
      expect(await yerevan.locator('[data-action="continue"]').count()).toBe(0);
      await t.waitForSelector('[data-table="1"][data-phase="aftermath"]');
      if (decision === 1) {
        await expectPhoneWidth(yerevan, 'the aftermath');
        await expectPhoneWidth(t, 'the dashboard');
        await t.click('[data-table="1"] [data-action="advance"]');
        for (const p of students) await phase(p, 'briefing');
      }
    }
    for (const g of games) await g.expectClean();
  });

  it.each([
    ['while the page stays open', false],
    ['after the page was left and opened again', true],
  ])(
    'should keep what a student types while the server is down, say it is reconnecting, and send it once the server is back, %s',
    async (_, leaves) => {
      const site = inject('siteDir');
      const first = await startClassServer({ site });
      let second: ClassServer | null = null;
      try {
        const { code, secret } = await createClass(first.url, threeTeams(), 1);
        const game = await openGame(browser(), `#/live?code=${code}`, { base: `${first.url}/` });
        games.push(game);
        const p = game.page;
        // Opened with the code, as from the QR code: the class is looked up without a click.
        await p.waitForSelector('#join-name');
        await p.fill('#join-name', 'Bagrat');
        await p.check('#join-team-1');
        await p.click('[data-action="join"]');
        await phase(p, 'briefing');
        const before = await teacherClient(first.url, code, secret);
        await before.client.must('teacher.all', { action: { type: 'advance' } });
        before.client.close();
        await phase(p, 'council');

        await first.kill();
        await p.waitForSelector('[data-connection="down"]');
        expect(await p.textContent('.live-status')).toContain('Reconnecting');
        await expectAccessible(p, 'a Council while reconnecting');
        const option = (await p.getAttribute('.class-option[data-option-card]', 'data-option-card')) ?? '';
        const argument = 'Typed while the Wi-Fi was down: we still ask for soldiers.';
        await picker(p, option, 'AM').locator('input[data-stance-choice="objects"]').check();
        await picker(p, option, 'AM').locator('textarea').fill(argument);

        if (leaves) await p.goto('about:blank');
        // The server comes back on the same address and data: the page rejoins and sends what was typed.
        second = await startClassServer({ site, data: first.dataFile, port: first.port });
        if (leaves) {
          await p.goto(`${second.url}/#/live/${code}`);
          await phase(p, 'council');
        }
        await p.waitForSelector('[data-connection="up"]', { state: 'attached' });
        expect(await picker(p, option, 'AM').locator('textarea').inputValue()).toBe(argument);
        const after = await teacherClient(second.url, code, secret);
        try {
          let drafts = {} as ClassView['tables'][number]['state']['drafts'];
          // Polled, with a bail-out: the page sends after its own reconnection and rejoining.
          for (let tries = 0; tries < 100 && drafts[option]?.AM?.argument !== argument; tries++) {
            drafts = (await after.client.must<ClassView>('teacher.open', { code, secret })).tables[0]?.state.drafts ?? {};
            await p.waitForTimeout(200);
          }
          expect(drafts[option]?.AM).toEqual({ stance: 'objects', argument });
        } finally {
          after.client.close();
        }
        // The browser itself logs each refused connection while the server is down: only the page's policy is checked here.
        expect(await p.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
      } finally {
        await first.stop();
        await second?.stop();
      }
    },
    90_000,
  );

  it('should open the dashboard on another computer with the secret, and move a student to another table and team, then remove it', async () => {
    const { code, secret } = await createClass(server.url, threeTeams(), 2);
    const teacher = await open(`#/live/${code}/teach`);
    const t = teacher.page;
    await t.waitForSelector('#teacher-secret');
    await t.fill('#teacher-secret', 'not the secret of this class');
    await t.keyboard.press('Enter');
    await t.waitForSelector('#teacher-secret-problem:has-text("not this class")');
    await t.fill('#teacher-secret', secret);
    await t.keyboard.press('Enter');
    await screen(t, 'live-dashboard');

    const student = await open(`#/live?code=${code}`);
    const p = student.page;
    await p.waitForSelector('#join-name');
    await p.fill('#join-name', 'Bagrat');
    await p.check('#join-team-1');
    await p.click('[data-action="join"]');
    await phase(p, 'briefing');
    expect(await p.textContent('.live-where')).toBe('Table 1 · Yerevan');

    const row = t.locator('[data-table="1"] .live-student:has-text("Bagrat")');
    await row.waitFor();
    const id = (await row.getAttribute('data-student')) ?? '';
    await t.selectOption(`[data-move-to="${id}"]`, '2:2');
    await t.click(`.live-student[data-student="${id}"] [data-action="move"]`);
    await p.waitForSelector('.live-where:has-text("Table 2 · Astana and Minsk")');
    // On its new table it speaks for its new team's members.
    expect(await p.locator('.role-card[data-role="KZ"]').count()).toBe(1);
    await t.waitForSelector(`[data-table="2"] .table-team[data-team="Astana and Minsk"] .live-student[data-student="${id}"]`);

    await t.click(`.live-student[data-student="${id}"] [data-action="remove"]`);
    await p.waitForSelector('[data-live-message="removed"]');
    await expectAccessible(p, 'a removed student');
    await t.waitForSelector(`.live-student[data-student="${id}"]`, { state: 'detached' });
    // Joining again is a new seat, with a new identity.
    await p.click('a:has-text("Join again")');
    await screen(p, 'live-join');
    await teacher.expectClean();
    await student.expectClean();
  });
});
