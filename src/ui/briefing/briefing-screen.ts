import './briefing.css';
import type { Run } from '../../engine/play/run.ts';
import { h } from '../kit/dom.ts';
import { sourceRef } from '../kit/sources.ts';
import { changeLine, changesOfArrival } from '../kit/changes.ts';
import type { Screen } from '../kit/screen.ts';
import { membersAroundTheTable } from '../members/member-dialog.ts';
import { currentDevelopment, recalledText } from '../../engine/core/development.ts';

/** The development: what happened, when and where, who asks for what, in the sources' own words. */
export function briefingScreen(run: Run, onDone: () => void): Screen {
  const { scenario, world } = run;
  const dev = currentDevelopment(scenario, world);
  const arrival = changesOfArrival(run);
  const heading = h('h2', { tabindex: '-1', id: 'screen-heading' }, dev.title);
  const chapter = scenario.chapters.length ? chapterOf(run) : null;
  const recalled = recalledText(dev, world);
  const quotes = dev.quotes.map((q) => {
    const ref = sourceRef(scenario, q.source);
    return h(
      'figure',
      { class: 'quote' },
      h('blockquote', null, h('p', null, `“${q.text}”`)),
      h('figcaption', null, `— ${q.who}, `, h('cite', null, ref.title), ref.detail ? ` (${ref.detail})` : ''),
    );
  });
  const el = h(
    'section',
    { class: 'screen briefing', 'aria-labelledby': 'screen-heading' },
    h('p', { class: 'kicker' }, `Briefing ${world.decisions.length + 1}`, chapter ? ` · ${chapter}` : '', ` · ${dev.date} · ${dev.place}`),
    heading,
    h('p', { class: 'lede' }, dev.briefing),
    h('p', { class: 'objective' }, h('strong', null, 'Your objective: '), scenario.objective),
    recalled.length
      ? h(
          'section',
          { class: 'recalled', 'aria-label': 'What they remember' },
          h('h3', null, 'What they remember'),
          recalled.map((t) => h('p', null, t)),
        )
      : null,
    arrival.length
      ? h(
          'section',
          { class: 'arrival', 'aria-label': 'As this begins' },
          h('h3', null, 'As this begins'),
          arrival.map((c) => changeLine(scenario, c, false)),
        )
      : null,
    quotes.length ? h('section', { class: 'quotes', 'aria-label': 'In their words' }, h('h3', null, 'In their words'), quotes) : null,
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', 'data-action': 'convene', onclick: onDone }, 'Convene the Council')),
    // After the main action, so it stays one Tab from the heading.
    membersAroundTheTable(run),
  );
  const said = dev.quotes.map((q) => `${q.who}: “${q.text}”`).join(' ');
  return { el, heading, announcement: `Briefing: ${dev.title}. ${dev.date}, ${dev.place}. ${dev.briefing} ${recalled.join(' ')} ${said}` };
}

function chapterOf(run: Run): string | null {
  const { scenario, world } = run;
  const index = scenario.order.indexOf(currentDevelopment(scenario, world).id);
  let current: string | null = null;
  for (const ch of scenario.chapters) if (scenario.order.indexOf(ch.start) <= index) current = ch.title;
  return current;
}
