import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, expect, inject, it } from 'vitest';
import { loadEntry } from '../../src/engine/authoring/library.ts';
import { tableRun } from '../../src/engine/play/class-table.ts';
import { decodeExerciseParams } from '../../src/engine/play/exercise.ts';
import { worldHash } from '../../src/engine/play/record.ts';
import type { ClassView } from '../../src/live/messages.ts';
import { readProjectFile, rulesFile } from '../../src/node/scenario-folder.ts';
import { runCli } from '../cli/run-cli.ts';
import { createClass, LiveClient, teacher as teacherClient, threeTeams, until } from '../server/live-client.ts';
import { type ClassServer, startClassServer } from '../support/class-server.ts';
import { describeBrowser, expectAccessible, type Game, openGame, screen, useBrowser } from './harness.ts';

/**
 * Two tables of one live class at the same time, each team at its own laptop: neither table sees the other's
 * Council; a student's own laptop, used to declare for another team or to move the class on, is refused; the
 * server is killed mid-Council and started again, and every screen comes back at the same phase with every
 * declaration; the tables play on to their debriefs, and the class results show each table's world as the
 * command line's `run --from <record> --json` rebuilds it from the table's record.
 */
const loaded = loadEntry(readProjectFile('scenarios/armenia_2022.yaml'), [], rulesFile());
if (!loaded.ok) throw new Error('armenia_2022 does not load');
const scenario = loaded.value;

const NAMES = [
  ['Ana', 'Bagrat', 'Dana'],
  ['Erik', 'Gohar', 'Murat'],
];
const phase = (page: Page, name: string) => page.waitForSelector(`[data-live-phase="${name}"]`);
const card = (page: Page, option: string) => page.locator(`.class-option[data-option-card="${option}"]`);
const picker = (page: Page, option: string, member: string) => card(page, option).locator(`fieldset[data-member="${member}"]`);
const declare = (page: Page, option: string, member: string, stance: string) =>
  picker(page, option, member).locator(`input[data-stance-choice="${stance}"]`).check();

describeBrowser('two tables of a live class, a restart mid-Council, and the class results', () => {
  const browser = useBrowser();
  const servers: ClassServer[] = [];
  const games: Game[] = [];
  afterAll(async () => {
    for (const g of games) await g.close();
    for (const s of servers) await s.stop();
  });

  it('should keep the tables apart, refuse a student acting beyond its team, resume after a restart, and give the class results the tables’ worlds', async () => {
    const site = inject('siteDir');
    let server = await startClassServer({ site });
    servers.push(server);
    const exercise = threeTeams({ classDecisions: ['article_four', 'yerevan_summit'] });
    const { code, secret } = await createClass(server.url, exercise, 2);
    const open = async (path: string) => {
      const game = await openGame(browser(), path, { base: `${server.url}/` });
      games.push(game);
      return game.page;
    };

    // The teacher, on a laptop that did not create the class, types the secret.
    const teacher = await open(`#/live/${code}/teach`);
    await teacher.fill('#teacher-secret', secret);
    await teacher.keyboard.press('Enter');
    await screen(teacher, 'live-dashboard');
    // The class's papers, for this exercise.
    const roles = (await teacher.getAttribute('a[data-printable="roles"]', 'href')) ?? '';
    const papers = decodeExerciseParams(roles);
    expect(roles.startsWith('#/class/print/roles?') && papers.ok && papers.value).toEqual(exercise);
    // This browser keeps the secret it was given: the setup screen leads back to the dashboard.
    await teacher.goto(`${server.url}/#/class`);
    await teacher.waitForSelector(`[data-live-class="${code}"]`);
    await expectAccessible(teacher, 'the setup screen with a live class of this browser');
    await teacher.click(`[data-live-class="${code}"]`);
    await screen(teacher, 'live-dashboard');

    // Three teams at each table, joined by the code from the QR code's address.
    const tables: Page[][] = [];
    for (const [t, names] of NAMES.entries()) {
      const seated: Page[] = [];
      for (const [team, name] of names.entries()) {
        // Opened from the QR code, the page looks the class up by itself.
        const p = await open(`#/live?code=${code}`);
        await p.fill('#join-name', name);
        await p.selectOption('#join-table', String(t + 1));
        await p.check(`#join-team-${team}`);
        if (t === 1 && team === 0) {
          // Continue pressed again looks the class up afresh (who sits where), keeping what was typed.
          const who = 'form[aria-label="Who you are"]';
          const form = await p.$(who);
          await p.click('[data-action="look"]');
          await p.waitForFunction(([selector, old]) => document.querySelector(selector as string) !== old, [who, form] as const);
          expect([await p.inputValue('#join-name'), await p.inputValue('#join-table'), await p.isChecked(`#join-team-${team}`)]).toEqual([name, '2', true]);
        }
        await p.click('[data-action="join"]');
        await phase(p, 'briefing');
        seated.push(p);
      }
      tables.push(seated);
    }
    const [[chair1, yerevan1, astana1], [chair2, yerevan2, astana2]] = tables as [[Page, Page, Page], [Page, Page, Page]];
    const everyone = [...tables.flat()];

    await teacher.click('[data-action="all-advance"]');
    for (const p of everyone) await phase(p, 'council');

    // Each table's Yerevan argues its own way; neither chair hears the other table.
    const argued = ['Observers are not soldiers.', 'A mission is better than nothing.'];
    await declare(yerevan1, 'sidorov_mission', 'AM', 'objects');
    await picker(yerevan1, 'sidorov_mission', 'AM').locator('textarea').fill(argued[0]!);
    await declare(yerevan2, 'sidorov_mission', 'AM', 'supports');
    await picker(yerevan2, 'sidorov_mission', 'AM').locator('textarea').fill(argued[1]!);
    await declare(astana1, 'sidorov_mission', 'KZ', 'supports');
    await declare(astana1, 'sidorov_mission', 'BY', 'accepts');
    const heard = (p: Page, text: string) =>
      p.waitForSelector(`.class-option[data-option-card="sidorov_mission"] [data-team="Yerevan"] li[data-member="AM"]:has-text("${text}")`);
    await heard(chair1, argued[0]!);
    await heard(chair2, argued[1]!);
    expect(await card(chair1, 'sidorov_mission').textContent()).not.toContain(argued[1]);
    expect(await card(chair2, 'sidorov_mission').textContent()).not.toContain(argued[0]);
    expect(await card(chair2, 'sidorov_mission').locator('[data-team="Astana and Minsk"] li[data-member="KZ"][data-stance="supports"]').count()).toBe(0);

    // Yerevan's page offers nothing beyond its team: no picker for Kazakhstan, no way to move the class on.
    expect(await picker(yerevan1, 'sidorov_mission', 'KZ').count()).toBe(0);
    expect(await yerevan1.locator('[data-action="advance"], [data-action="all-advance"]').count()).toBe(0);
    // And its own identity, used from another program, is refused at the server with a sentence, changing nothing.
    const before = await teacherClient(server.url, code, secret);
    const token = (await yerevan1.evaluate((c) => localStorage.getItem(`article-four.live.${c}.student`), code)) ?? '';
    const forged = new LiveClient(server.url);
    await forged.connected();
    await forged.must('student.rejoin', { code, student: token });
    const kz = { type: 'declare', option: 'sidorov_mission', member: 'KZ', declaration: { stance: 'vetoes' } };
    expect(await forged.refused('table.act', { table: 1, action: kz })).toMatch(/Your team does not speak for Kazakhstan/);
    expect(await forged.refused('table.act', { table: 2, action: { ...kz, member: 'AM' } })).toMatch(/table 1/);
    expect(await forged.refused('table.act', { table: 1, action: { type: 'advance' } })).toMatch(/Only the teacher/);
    expect(await forged.refused('teacher.all', { action: { type: 'advance' } })).toMatch(/Only the teacher/);
    forged.close();
    const after = await teacherClient(server.url, code, secret);
    expect(after.view.tables).toEqual(before.view.tables);
    before.client.close();
    after.client.close();

    // The server is killed mid-Council and started again on the same address and data file.
    await server.kill();
    for (const p of [teacher, ...everyone]) await p.waitForSelector('[data-connection="down"]', { state: 'attached' });
    server = await startClassServer({ site, data: server.dataFile, port: server.port });
    servers.push(server);
    for (const p of [teacher, ...everyone]) await p.waitForSelector('[data-connection="up"]', { state: 'attached' });
    for (const p of everyone) await phase(p, 'council');
    await heard(chair1, argued[0]!);
    await heard(chair2, argued[1]!);
    expect(await picker(yerevan1, 'sidorov_mission', 'AM').locator('input[data-stance-choice="objects"]').isChecked()).toBe(true);
    expect(await picker(yerevan1, 'sidorov_mission', 'AM').locator('textarea').inputValue()).toBe(argued[0]);
    expect(await picker(astana1, 'sidorov_mission', 'BY').locator('input[data-stance-choice="accepts"]').isChecked()).toBe(true);
    for (const table of ['1', '2']) await teacher.waitForSelector(`[data-table="${table}"][data-phase="council"]`);
    const resumed = await teacherClient(server.url, code, secret);
    expect(resumed.view.tables).toEqual(after.view.tables);
    resumed.client.close();

    // Both tables play on: table 1 sends the mission, table 2 condemns the attack; then the summit; then the debrief.
    for (const [p, member, stance] of [
      [yerevan2, 'AM', 'supports'],
      [astana2, 'KZ', 'accepts'],
      [astana2, 'BY', 'accepts'],
    ] as const)
      await declare(p, 'condemn_attack', member, stance);
    const choose = async (chair: Page, option: string) => {
      const button = chair.locator(`.council-grid button[data-option="${option}"][data-leverage="false"]:not([disabled])`);
      await button.waitFor();
      await button.click();
    };
    await choose(chair1, 'sidorov_mission');
    await choose(chair2, 'condemn_attack');
    for (const p of everyone) await phase(p, 'reveal');
    await teacher.click('[data-action="all-advance"]');
    for (const p of everyone) await phase(p, 'aftermath');
    await teacher.click('[data-action="all-advance"]');
    for (const p of everyone) await phase(p, 'briefing');
    await teacher.click('[data-action="all-advance"]');
    for (const p of everyone) await phase(p, 'council');
    const summit = scenario.developments.yerevan_summit!.options.find((o) => o.historical)!.id;
    for (const [yerevan, astana] of [
      [yerevan1, astana1],
      [yerevan2, astana2],
    ] as const) {
      await declare(yerevan, summit, 'AM', 'accepts');
      await declare(astana, summit, 'KZ', 'supports');
      await declare(astana, summit, 'BY', 'supports');
    }
    await choose(chair1, summit);
    await choose(chair2, summit);
    for (const p of everyone) await phase(p, 'reveal');
    await teacher.click('[data-action="all-advance"]');
    for (const p of everyone) await phase(p, 'aftermath');
    await teacher.click('[data-action="all-advance"]');
    for (const p of everyone) await phase(p, 'debrief');

    // The tables' records, as the server keeps them, replayed by the command line and by the engine.
    const final = await teacherClient(server.url, code, secret);
    final.client.close();
    const dir = mkdtempSync(join(tmpdir(), 'live-records-'));
    const expected = (final.view as ClassView).tables.map(({ table, state }) => {
      const file = join(dir, `table-${table}.json`);
      writeFileSync(file, JSON.stringify(state.record));
      const cli = runCli(['run', 'armenia_2022', '--from', file, '--json']);
      expect(cli.code, cli.stderr).toBe(0);
      const printed = JSON.parse(cli.stdout) as { ending: string; hash: string; world: { cohesion: number } };
      expect(printed.hash).toBe(worldHash(tableRun(scenario, state).world));
      return { ending: printed.ending, cohesion: Math.round(printed.world.cohesion) };
    });
    expect(expected[0]).not.toEqual(expected[1]);

    // Each laptop's debrief is the table's own ending beside what really happened, with what each team declared.
    expect(await yerevan2.getAttribute('section.debrief', 'data-ending')).toBe(expected[1]?.ending);
    expect(await yerevan2.textContent('section.debrief')).toContain(argued[1]);
    expect(await yerevan2.locator('#history-heading').count()).toBe(1);
    await expectAccessible(yerevan2, "a live table's debrief");
    // A student plays on alone from the table's second decision, in a run of this browser's own.
    await yerevan2.click('button[data-branch="1"]');
    await screen(yerevan2, 'briefing');
    expect(await yerevan2.textContent('.kicker')).toContain('Briefing 2');

    await teacher.click('[data-action="open-results"]');
    await screen(teacher, 'class-results');
    await teacher.waitForSelector('table.class-summary');
    const shown = await teacher.$$eval('table.class-summary tbody tr', (rows) =>
      rows.map((tr) => ({
        name: tr.querySelector('th')?.textContent?.trim(),
        ending: tr.querySelector('[data-ending]')?.getAttribute('data-ending'),
        cohesion: Number(tr.querySelector('[data-cohesion]')?.getAttribute('data-cohesion')),
      })),
    );
    expect(shown).toEqual(expected.map((e, i) => ({ name: `Table ${i + 1}`, ...e })));
    expect(await teacher.textContent('.class-arguments [data-group="Table 1"]')).toContain(argued[0]);
    expect(await teacher.textContent('.class-arguments [data-group="Table 2"]')).toContain(argued[1]);
  }, 400_000);

  it('should keep the laptops of one team in step: a teammate’s declaration shows on the other laptop once it is left', async () => {
    const server = await startClassServer({ site: inject('siteDir') });
    servers.push(server);
    const { code, secret } = await createClass(server.url, threeTeams(), 1);
    const laptops: Page[] = [];
    for (const name of ['Aram', 'Bella']) {
      const game = await openGame(browser(), `#/live?code=${code}`, { base: `${server.url}/` });
      games.push(game);
      await game.page.fill('#join-name', name);
      await game.page.check('#join-team-1');
      await game.page.click('[data-action="join"]');
      await phase(game.page, 'briefing');
      laptops.push(game.page);
    }
    const [aram, bella] = laptops as [Page, Page];
    const t = await teacherClient(server.url, code, secret);
    await t.client.must('teacher.all', { action: { type: 'advance' } });
    await phase(aram, 'council');
    await phase(bella, 'council');
    const stance = (p: Page, s: string) => picker(p, 'sidorov_mission', 'AM').locator(`input[data-stance-choice="${s}"]`);
    await stance(aram, 'objects').check();
    await picker(aram, 'sidorov_mission', 'AM').locator('textarea').fill('Words are not soldiers.');
    await bella.waitForFunction(
      () =>
        (document.querySelector('.class-option[data-option-card="sidorov_mission"] fieldset[data-member="AM"] textarea') as HTMLTextAreaElement | null)
          ?.value === 'Words are not soldiers.',
    );
    expect(await stance(bella, 'objects').isChecked()).toBe(true);
    // Bella changes the team's mind while Aram's cursor is still in the argument: his laptop waits, then shows it when he leaves.
    await stance(bella, 'supports').check();
    await until(
      () => (t.client.received['table.state'].at(-1)?.state.drafts.sidorov_mission?.AM?.stance === 'supports' ? true : undefined),
      "Bella's stance at the server",
    );
    await aram.waitForTimeout(500);
    expect(await stance(aram, 'objects').isChecked()).toBe(true);
    await aram.click('#screen-heading');
    await aram.waitForFunction(
      () =>
        (
          document.querySelector(
            '.class-option[data-option-card="sidorov_mission"] fieldset[data-member="AM"] input[data-stance-choice="supports"]',
          ) as HTMLInputElement | null
        )?.checked === true,
    );
  }, 120_000);
});
