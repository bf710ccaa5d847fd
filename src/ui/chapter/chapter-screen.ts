import './chapter.css';
import { monthName } from '../../engine/core/calendar.ts';
import { optionLabel } from '../../engine/core/labels.ts';
import { chapterAccount, type ChapterAccount } from '../../engine/play/chapter-account.ts';
import type { Scenario } from '../../engine/core/scenario.ts';
import type { Run } from '../../engine/play/run.ts';
import { changeMeaning } from '../../engine/rules/meter-meaning.ts';
import { meaningMark } from '../kit/changes.ts';
import { type Child, h, hidden } from '../kit/dom.ts';
import { listText, signed, whole } from '../kit/format.ts';
import type { Screen } from '../kit/screen.ts';
import { scrollBox } from '../kit/scroll-box.ts';
import { membersAroundTheTable } from '../members/member-dialog.ts';

/**
 * Between a campaign's chapters: what the chapter just played carries into the next (the meters as it
 * began and ended, debts still open, what is closed), and who remembers what.
 */
export function chapterScreen(run: Run, onDone: () => void): Screen {
  const account = chapterAccount(run);
  if (account === null) throw new Error('the run is not between two chapters');
  const { scenario } = run;
  const heading = h('h2', { tabindex: '-1', id: 'screen-heading' }, `End of chapter ${account.ended.index + 1}: ${account.ended.title}`);
  const el = h(
    'section',
    { class: 'screen chapter', 'aria-labelledby': 'screen-heading' },
    h('p', { class: 'kicker' }, `Chapter ${account.ended.index + 1} of ${scenario.chapters.length} ends · after decision ${run.world.decisions.length}`),
    heading,
    h('p', { class: 'lede' }, `What this chapter leaves to the next, “${account.next.title}”. The world carries over as it stands.`),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'primary', 'data-action': 'next-chapter', onclick: onDone }, `Begin chapter ${account.next.index + 1}`),
    ),
    metersSection(run, account),
    carriedSection(run, account),
    remembersSection(run, account),
    membersAroundTheTable(run),
  );
  const slights = Object.values(account.memories)
    .flat()
    .filter((m) => m.tone === 'slight').length;
  return {
    el,
    heading,
    announcement: `End of chapter ${account.ended.index + 1}, ${account.ended.title}. Cohesion went from ${whole(account.start.cohesion)} to ${whole(account.end.cohesion)}. ${account.debts.length} debts of leverage still open; members remember ${slights} slights. Next: ${account.next.title}.`,
  };
}

/**
 * A change over the chapter, coloured and marked by what it means for the alliance, as the aftermath's
 * are; `compact` for the members' table, where a tick or a cross stands for the word, so a phone's
 * column stays narrow (a screen reader still hears "good for the alliance").
 */
function change(scenario: Scenario, key: string, before: number, after: number, compact = false): Child[] {
  const meaning = changeMeaning(scenario, key, after - before, 0);
  const amount = h('span', { class: `amount ${meaning}` }, signed(after - before, 0));
  if (!compact || meaning === 'neutral') return [amount, meaningMark(meaning)];
  return [
    amount,
    h('span', { class: `meaning meaning-${meaning}`, 'aria-hidden': 'true' }, meaning === 'good' ? ' ✓' : ' ✗'),
    hidden(` ${meaning} for the alliance`),
  ];
}

/** A table's head: one row of column headers. */
function columns(...labels: string[]): HTMLElement {
  return h(
    'thead',
    null,
    h(
      'tr',
      null,
      labels.map((label) => h('th', { scope: 'col' }, label)),
    ),
  );
}

function row(scenario: Scenario, key: string, label: string, before: number, after: number): HTMLElement {
  return h(
    'tr',
    null,
    h('th', { scope: 'row' }, label),
    h('td', null, whole(before)),
    h('td', null, whole(after)),
    h('td', null, ...change(scenario, key, before, after)),
  );
}

function metersSection(run: Run, account: ChapterAccount): HTMLElement {
  const { scenario } = run;
  const { start, end } = account;
  const cell = (key: string, before: number, after: number) =>
    h('td', null, `${whole(before)} → ${whole(after)} `, h('span', { class: 'chapter-change' }, '(', ...change(scenario, key, before, after, true), ')'));
  return h(
    'section',
    { 'aria-labelledby': 'chapter-meters-heading' },
    h('h3', { id: 'chapter-meters-heading' }, 'As the chapter began, and as it ended'),
    scrollBox(
      h(
        'table',
        { class: 'chapter-meters', 'data-table': 'alliance' },
        columns('The alliance', 'Began', 'Ended', 'Change'),
        h(
          'tbody',
          null,
          row(scenario, 'cohesion', 'Cohesion', start.cohesion, end.cohesion),
          row(scenario, 'credibility', 'Credibility of the guarantee', start.credibility, end.credibility),
          row(scenario, 'moscowBandwidth', "Moscow's bandwidth", start.moscowBandwidth, end.moscowBandwidth),
        ),
      ),
      'The alliance, from the chapter’s start to its end',
    ),
    scrollBox(
      h(
        'table',
        { class: 'chapter-meters', 'data-table': 'members' },
        columns('Member', 'Loyalty', 'Public support', 'Hedging'),
        h(
          'tbody',
          null,
          account.members.map((m) =>
            h(
              'tr',
              { 'data-member': m.member },
              h('th', { scope: 'row' }, scenario.names[m.member] ?? m.member),
              cell(`${m.member}.loyalty`, m.began.loyalty, m.ended.loyalty),
              cell(`${m.member}.publicSupport`, m.began.publicSupport, m.ended.publicSupport),
              cell(`${m.member}.hedging`, m.began.hedging, m.ended.hedging),
            ),
          ),
        ),
      ),
      'The members, from the chapter’s start to its end',
    ),
  );
}

function carriedSection(run: Run, account: ChapterAccount): HTMLElement {
  const { scenario } = run;
  const debts = account.debts.map((d) =>
    h(
      'li',
      { 'data-debt': d.member },
      `${scenario.names[d.member]} will make Moscow pay for the pressure at “${scenario.developments[d.development]?.title ?? d.development}”: ${whole(d.loyalty)} loyalty, by ${monthName(d.dueMonth)} or the campaign's end.`,
    ),
  );
  const closed = account.closed.map((c) =>
    h(
      'li',
      { 'data-closed': c.option },
      `“${optionLabel(scenario, c.option)}” at “${scenario.developments[c.development]?.title ?? c.development}”: what it needs has not happened yet.`,
    ),
  );
  const absent = account.absent.map((code) => scenario.names[code] ?? code);
  return h(
    'section',
    { 'aria-labelledby': 'chapter-carried-heading' },
    h('h3', { id: 'chapter-carried-heading' }, 'Carried over'),
    h('h4', null, "Moscow's leverage still to be paid for"),
    debts.length ? h('ul', { class: 'chapter-debts' }, debts) : h('p', null, 'No debt of leverage is open.'),
    h('p', null, leverageText(account)),
    h('h4', null, 'Closed, or not open yet'),
    absent.length ? h('p', null, `${listText(absent)} no longer ${absent.length === 1 ? 'sits' : 'sit'} at the table.`) : null,
    closed.length
      ? h('ul', { class: 'chapter-closed' }, closed)
      : h('p', null, 'Every option of the chapters ahead is open to the Council, if the members let it pass.'),
  );
}

/** How far Moscow's leverage still reaches: the members it could buy at one decision, all of them at most. */
function leverageText(account: ChapterAccount): string {
  const bandwidth = `Moscow's bandwidth of ${whole(account.end.moscowBandwidth)}`;
  if (account.leverageReach === 0) return `${bandwidth} is too little to buy any member's consent.`;
  if (account.leverageReach >= account.buyable) return `${bandwidth} could still buy every member's consent at one decision.`;
  return `${bandwidth} could buy at most ${account.leverageReach} ${account.leverageReach === 1 ? "member's" : "members'"} consent at one decision.`;
}

function remembersSection(run: Run, account: ChapterAccount): HTMLElement {
  const { scenario } = run;
  const items = scenario.members.flatMap((code) => {
    const own = (account.memories[code] ?? []).filter((m) => m.chapter === account.ended.index);
    if (!own.length) return [];
    return [h('li', { 'data-member': code }, h('strong', null, `${scenario.names[code]}: `), own.map((m) => m.text).join(' '))];
  });
  const recalls = account.recalls.map((r) =>
    h('li', null, h('span', { class: 'recall-where' }, `${scenario.developments[r.development]?.title ?? r.development}: `), r.text),
  );
  return h(
    'section',
    { 'aria-labelledby': 'chapter-remembers-heading' },
    h('h3', { id: 'chapter-remembers-heading' }, 'Who remembers what'),
    h('h4', null, 'From this chapter'),
    items.length ? h('ul', { class: 'chapter-memories' }, items) : h('p', null, 'No member was slighted or favoured in this chapter.'),
    h('h4', null, 'What the briefings ahead will recall'),
    recalls.length ? h('ul', { class: 'chapter-recalls' }, recalls) : h('p', null, 'Nothing of this run, as things stand.'),
  );
}
