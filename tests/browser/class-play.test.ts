import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { loadEntry } from '../../src/engine/authoring/library.ts';
import { summarize } from '../../src/engine/play/batch.ts';
import type { Exercise } from '../../src/engine/play/exercise.ts';
import { recordOf, replay, type RunRecord } from '../../src/engine/play/record.ts';
import { startRun } from '../../src/engine/play/run.ts';
import { cohesion } from '../../src/engine/rules/cohesion.ts';
import { banded } from '../../src/ui/kit/banded.ts';
import { readProjectFile, rulesFile } from '../../src/node/scenario-folder.ts';
import { classOption, pick } from './class-fixtures.ts';
import { describeBrowser, expectAccessible, openGame, screen, shot, useBrowser, visit } from './harness.ts';

const loaded = loadEntry(readProjectFile('scenarios/armenia_2022.yaml'), [], rulesFile());
if (!loaded.ok) throw new Error('armenia_2022 does not load');
const scenario = loaded.value;

const SLOT = 'class-7b';
const SEED = 'class 7b';
/** The class takes decisions 1 and 3 (Article 4 and the summit); history plays 2 and everything after 3. */
const exercise: Exercise = {
  format: 1,
  title: 'Class 7B: Armenia asks for help',
  scenario: 'armenia_2022',
  seed: SEED,
  teams: [
    { name: 'Secretariat', roles: ['chair'] },
    { name: 'Yerevan', roles: ['AM'] },
    { name: 'Astana and Minsk', roles: ['KZ', 'BY'] },
  ],
  settings: { hideForecasts: true, showAdvice: true, timers: { briefing: 2, council: 10, aftermath: 0 }, classDecisions: ['article_four', 'yerevan_summit'] },
};

const SIZES = [
  { name: '1366', width: 1366, height: 768 },
  { name: '1024', width: 1024, height: 600 },
  { name: '390', width: 390, height: 844 },
];

/** The class's run as the setup screen leaves it: a save of its own that carries the exercise. */
async function seedClassRun(page: Page, seeded: Exercise = exercise) {
  const record = recordOf(startRun(scenario, SEED, { recordCauses: true }));
  await page.evaluate(
    ({ slot, record, exercise }) => {
      localStorage.setItem(
        `article-four.run.${slot}`,
        JSON.stringify({ save: 1, slot, label: 'class exercise', name: 'Class 7B', exercise, savedAt: '2026-12-03T09:00:00Z', record }),
      );
    },
    { slot: SLOT, record, exercise: seeded },
  );
}

/** At each size: axe finds nothing, the page does not scroll sideways, and a screenshot to look at. */
async function atEverySize(page: Page, where: string, name: string) {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await expectAccessible(page, `${where} at ${size.name}`);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(sideways, `${where} scrolls sideways at ${size.name}`).toBeLessThanOrEqual(0);
    await shot(page, `class-${name}-${size.name}`, true);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

async function forecastsShown(page: Page) {
  return {
    outlook: await page.locator('a[href*="/outlook/"]').count(),
    compare: await page.locator('[data-action="compare"]').count(),
    asInHistory: await page.getByText(/as in history/i).count(),
  };
}

describeBrowser("the class's Council on one screen", () => {
  const browser = useBrowser();

  it('should let a class declare stances, choose, reveal and reach a debrief that the engine replays to the same world', async () => {
    const game = await openGame(browser());
    const { page } = game;
    await seedClassRun(page);
    await visit(page, `#/run/${SLOT}`);
    await screen(page, 'briefing');

    // The class bar: the title, the phase and its timer; paused, it stays paused at the same time through a reload.
    const bar = page.locator('.class-bar');
    expect(await bar.locator('.class-title').textContent()).toBe(exercise.title);
    expect(await bar.locator('[data-class-phase]').getAttribute('data-class-phase')).toBe('briefing');
    expect(await bar.locator('.clock').textContent()).toMatch(/^[12]:\d\d$/);
    await page.getByRole('button', { name: 'Pause timer' }).click();
    const pausedAt = await bar.locator('.clock').textContent();
    expect(await bar.locator('.class-timer').getAttribute('data-timer')).toBe('paused');
    await visit(page, `#/run/${SLOT}`);
    await screen(page, 'briefing');
    expect(await page.locator('.class-bar .clock').textContent()).toBe(pausedAt);
    expect(await page.locator('.class-bar .class-timer').getAttribute('data-timer')).toBe('paused');
    await atEverySize(page, 'the class bar on the briefing', 'bar-briefing');
    await page.getByRole('button', { name: 'Resume timer' }).click();
    expect(await page.locator('.class-bar .class-timer').getAttribute('data-timer')).toBe('running');

    // Forecasts and the historical path are out of sight, and their addresses closed, until the debrief.
    expect(await forecastsShown(page)).toEqual({ outlook: 0, compare: 0, asInHistory: 0 });
    await page.getByRole('button', { name: /^Decisions \(/ }).click();
    expect(await page.getByText('What tends to happen').count()).toBe(0);
    await visit(page, `#/run/${SLOT}/outlook/1`);
    await page.locator('[data-closed="outlook"]').waitFor();
    expect(await page.locator('#screen-heading').textContent()).toContain('closed for this exercise until the debrief');
    await visit(page, `#/run/${SLOT}`);
    await screen(page, 'briefing');

    await page.click('[data-action="convene"]');
    await screen(page, 'council');
    // Six members: two teams speak for three of them, the other three play themselves; the model's stance is advice.
    expect(await classOption(page, 'condemn_attack').locator('fieldset.member-declaration').count()).toBe(3);
    expect(await classOption(page, 'condemn_attack').locator('.plays-itself li').count()).toBe(3);
    expect(await classOption(page, 'condemn_attack').locator('[data-team="Astana and Minsk"] fieldset').count()).toBe(2);
    expect(await classOption(page, 'condemn_attack').locator('fieldset[data-member="KZ"] [data-advice]').getAttribute('data-advice')).toBe('objects');
    expect(await forecastsShown(page)).toEqual({ outlook: 0, compare: 0, asInHistory: 0 });
    expect(await page.locator('.class-bar [data-class-phase]').getAttribute('data-class-phase')).toBe('council');
    expect(await page.locator('.stage').count()).toBe(0);

    // A declared veto blocks the consensus option that would pass, and the screen says whose team declared it.
    expect(await classOption(page, 'condemn_attack').locator('.class-outcome').getAttribute('data-outcome')).toBe('passes');
    expect(await page.locator('.class-council button[data-option="condemn_attack"][data-leverage="false"]').count()).toBe(1);
    await pick(page, 'condemn_attack', 'KZ', 'vetoes');
    const blocked = classOption(page, 'condemn_attack').locator('.class-outcome');
    expect(await blocked.getAttribute('data-outcome')).toBe('blocked');
    expect(await blocked.textContent()).toContain('The veto was declared by Astana and Minsk for Kazakhstan');
    expect(await page.locator('.class-council button[data-option="condemn_attack"][data-leverage="false"]').count()).toBe(0);
    await pick(page, 'sidorov_mission', 'AM', 'objects');
    const argument = 'We asked for troops, not observers.';
    await classOption(page, 'sidorov_mission').locator('fieldset[data-member="AM"] textarea').fill(argument);
    expect(await classOption(page, 'sidorov_mission').locator('fieldset[data-member="AM"] .argument-count').textContent()).toBe(
      `${argument.length} of 280 characters`,
    );
    await pick(page, 'sidorov_mission', 'KZ', 'supports');

    // A reload mid-Council keeps what the teams declared.
    await visit(page, `#/run/${SLOT}`);
    await screen(page, 'council');
    expect(await classOption(page, 'condemn_attack').locator('fieldset[data-member="KZ"] input[data-stance-choice="vetoes"]').isChecked()).toBe(true);
    expect(await classOption(page, 'sidorov_mission').locator('fieldset[data-member="AM"] textarea').inputValue()).toBe(argument);
    expect(await classOption(page, 'condemn_attack').locator('.class-outcome').getAttribute('data-outcome')).toBe('blocked');
    // Projector legibility: the Council's text is at least 16px at 1366x768.
    const smallest = await page.evaluate(() => {
      let min = { size: 100, text: '' };
      for (const el of document.querySelectorAll('.class-council *')) {
        if (!(el as HTMLElement).offsetParent || !el.childNodes.length || ![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim())) continue;
        if (el.closest('.visually-hidden, [hidden]')) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < min.size) min = { size, text: `${el.tagName}.${el.className}: ${el.textContent?.slice(0, 40)}` };
      }
      return min;
    });
    expect(smallest.size, `the smallest text on the class's Council: ${smallest.text}`).toBeGreaterThanOrEqual(16);
    await atEverySize(page, "the class's Council", 'council');

    // The chair's team chooses another option; the screen says so and waits for the teacher.
    await page.click('.class-council button[data-option="sidorov_mission"][data-leverage="false"]');
    await screen(page, 'reveal');
    expect(await page.locator('[data-chosen]').getAttribute('data-chosen')).toBe('sidorov_mission');
    // The room hears what the teams declared on the option chosen, before its consequences.
    expect(await page.locator('.reveal-said [data-team="Yerevan"] li[data-member="AM"]').textContent()).toContain(argument);
    expect(await page.locator('.reveal-said li').count()).toBe(2);
    expect(await page.locator('.stage').count()).toBe(0);
    expect(await page.locator('.class-bar [data-class-phase]').getAttribute('data-class-phase')).toBe('reveal');
    await visit(page, `#/run/${SLOT}`);
    await screen(page, 'reveal');
    await atEverySize(page, 'the reveal', 'reveal');
    await page.getByRole('button', { name: 'Reveal the consequences' }).click();
    await screen(page, 'aftermath');
    expect(await forecastsShown(page)).toEqual({ outlook: 0, compare: 0, asInHistory: 0 });
    await visit(page, `#/run/${SLOT}`);
    await screen(page, 'aftermath');
    await page.click('[data-action="continue"]');

    // Decision 2 is history's: played through, and said in a line on the class's next briefing.
    await screen(page, 'briefing');
    expect(await page.getAttribute('body', 'data-decisions')).toBe('2');
    expect(await page.locator('[data-history-took]').textContent()).toMatch(/^Decision 2, .+, was played as history did: the Council chose .+\.$/);
    expect(await forecastsShown(page)).toEqual({ outlook: 0, compare: 0, asInHistory: 0 });
    await page.click('[data-action="convene"]');
    await screen(page, 'council');
    // A consensus option Kazakhstan's model would veto passes when its team declares that it accepts.
    expect(await classOption(page, 'name_the_aggression').locator('.class-outcome').getAttribute('data-outcome')).toBe('blocked');
    await pick(page, 'name_the_aggression', 'KZ', 'accepts');
    await classOption(page, 'name_the_aggression').locator('fieldset[data-member="KZ"] textarea').fill('Astana will not shield an aggressor.');
    await pick(page, 'name_the_aggression', 'BY', 'objects');
    expect(await classOption(page, 'name_the_aggression').locator('.class-outcome').getAttribute('data-outcome')).toBe('passes');
    await page.click('.class-council button[data-option="name_the_aggression"][data-leverage="false"]');
    await screen(page, 'reveal');
    await page.getByRole('button', { name: 'Reveal the consequences' }).click();
    await screen(page, 'aftermath');
    await page.click('[data-action="continue"]');

    // History plays the rest; at the debrief everything shows, with what each team declared and argued.
    await screen(page, 'debrief');
    const declaredSection = page.locator('.class-declared');
    expect(await declaredSection.locator('[data-decision="1"] [data-team="Yerevan"]').textContent()).toContain(argument);
    expect(
      await declaredSection.locator('[data-decision="1"] [data-team="Astana and Minsk"] li[data-option="condemn_attack"]').getAttribute('data-stance'),
    ).toBe('vetoes');
    expect(await declaredSection.locator('[data-decision="2"]').textContent()).toContain('Played as history did');
    expect(await declaredSection.locator('[data-decision="3"]').textContent()).toContain('Astana will not shield an aggressor.');
    const shown = await forecastsShown(page);
    expect(shown.compare).toBeGreaterThan(0);
    expect(shown.asInHistory).toBeGreaterThan(0);
    await page.getByRole('button', { name: /^Decisions \(/ }).click();
    expect(await page.getByText('What tends to happen').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: /^Decisions \(/ }).click();
    await atEverySize(page, 'the class debrief', 'debrief');

    // The record is format 2 with the declarations, and the engine's replay of it is the world on the page.
    const saved = await page.evaluate((slot) => JSON.parse(localStorage.getItem(`article-four.run.${slot}`)!), SLOT);
    const record = saved.record as RunRecord;
    expect(record.format).toBe(2);
    expect(record.decisions.slice(0, 3)).toEqual(['sidorov_mission', 'exercises_as_planned', 'name_the_aggression']);
    expect(record.declared?.[0]).toEqual({
      condemn_attack: { KZ: { stance: 'vetoes' } },
      sidorov_mission: { AM: { stance: 'objects', argument }, KZ: { stance: 'supports' } },
    });
    expect(record.declared?.[1] ?? null).toBeNull();
    expect(record.declared?.[2]?.name_the_aggression?.KZ).toEqual({ stance: 'accepts', argument: 'Astana will not shield an aggressor.' });
    const replayed = replay(scenario, record, { recordCauses: true });
    if (!replayed.ok) throw new Error(replayed.error);
    const world = replayed.value.run.world;
    expect(await page.getAttribute('body', 'data-world-hash')).toBe(summarize(replayed.value.run).hash);
    // Cohesion and each member's loyalty, in the debrief's table of where the class's path ended.
    const yours = (label: string) =>
      page
        .locator('table.final tr', { has: page.getByRole('rowheader', { name: label, exact: true }) })
        .locator('td')
        .first()
        .textContent();
    expect(await yours('Cohesion')).toBe(banded('cohesion', cohesion(world, scenario.params.cohesion)));
    for (const code of scenario.members) {
      const m = world.members[code];
      const loyalty = banded('loyalty', m.loyalty);
      expect(await yours(`${scenario.names[code]}: loyalty`)).toBe(m.status === 'member' ? loyalty : `${loyalty}, ${m.status}`);
    }
    await game.expectClean();
    await game.close();
  }, 300_000);

  it('should keep the model’s stance from teams without advice, show forecasts when allowed, and say plainly when time is up', async () => {
    const open: Exercise = { ...exercise, settings: { ...exercise.settings, hideForecasts: false, showAdvice: false } };
    const game = await openGame(browser());
    const { page } = game;
    await seedClassRun(page, open);
    // The briefing's timer, as a reload finds it when its minutes ran out while the page was closed.
    await page.evaluate((slot) => {
      localStorage.setItem(`article-four.class.${slot}.timer`, JSON.stringify({ phase: '1:briefing', minutes: 2, endsAt: 1, left: null }));
    }, SLOT);
    await visit(page, `#/run/${SLOT}`);
    await screen(page, 'briefing');
    const timer = page.locator('.class-bar .class-timer');
    expect(await timer.getAttribute('data-timer')).toBe('up');
    expect(await timer.textContent()).toContain('Time is up');
    expect(await page.locator('[data-action="timer-toggle"]').isHidden()).toBe(true);
    // Nothing is forced: the class goes on when the teacher says.
    expect(await page.locator('[data-action="convene"]').isEnabled()).toBe(true);
    expect(await page.locator('[data-action="compare"]').count()).toBe(1);
    await page.click('[data-action="convene"]');
    await screen(page, 'council');
    expect(await page.locator('.class-council [data-advice]').count()).toBe(0);
    const armenia = page.locator('.class-council tbody[data-option-card="condemn_attack"] td.stance[data-member="AM"]');
    expect(await armenia.textContent()).toBe('not declared');
    // Nor does an option's outcome, its details or its Choose buttons say what the model thinks, until
    // every team holding a member has declared on it.
    const row = page.locator('.class-council tbody[data-option-card="condemn_attack"]');
    const said = page.locator('section[data-option-card="condemn_attack"] .class-outcome');
    expect(await row.locator('td.outcome').textContent()).toBe('waiting for declarations');
    expect(await row.locator('button[data-option]').count()).toBe(0);
    expect(await row.locator('.details-toggle').count()).toBe(0);
    expect(await row.getAttribute('class')).toBe('option option-closed');
    expect(await said.textContent()).toMatch(/^Waiting for Astana and Minsk for Belarus, Yerevan for Armenia and Astana and Minsk for Kazakhstan to declare/);
    await atEverySize(page, "the class's Council waiting for declarations", 'council-waiting');
    await pick(page, 'condemn_attack', 'AM', 'supports');
    expect(await armenia.getAttribute('data-stance')).toBe('supports');
    await pick(page, 'condemn_attack', 'BY', 'accepts');
    await pick(page, 'condemn_attack', 'KZ', 'objects');
    expect(await said.textContent()).not.toContain('Waiting');
    expect(await row.locator('button[data-option]').count()).toBeGreaterThan(0);
    // Members no team holds still show the model's stance; forecasts are a link away.
    expect(await page.locator('.class-council tbody[data-option-card="condemn_attack"] td.stance[data-member="RU"]').getAttribute('data-stance')).toBe(
      'objects',
    );
    expect(await page.locator('.class-council [data-action="outlook"]').count()).toBe(1);
    await game.expectClean();
    await game.close();
  }, 120_000);
});
