import './meters.css';
import '../kit/changes.css';
import type { Run } from '../../engine/play/run.ts';
import { cohesion } from '../../engine/rules/cohesion.ts';
import { h, hidden, s } from '../kit/dom.ts';
import { direction, signed, whole } from '../kit/format.ts';
import type { Scenario } from '../../engine/core/scenario.ts';
import { changeMeaning, meterBand, type Meter } from '../../engine/rules/meter-meaning.ts';

/**
 * The change since the start: a symbol and number for the eye, coloured by whether it is good or bad for the
 * alliance (the engine says which way is good), and in words for a screen reader.
 */
export function trend(scenario: Scenario, key: string, delta: number): HTMLElement {
  const dir = direction(delta);
  const meaning = changeMeaning(scenario, key, delta, 0);
  const symbol = dir === 'up' ? '▲' : dir === 'down' ? '▼' : '•';
  const said = meaning === 'neutral' ? '' : `, ${meaning} for the alliance`;
  const words = dir === 'flat' ? 'unchanged since the start' : `${dir} ${Math.abs(Math.round(delta))} since the start${said}`;
  return h(
    'span',
    { class: `trend ${meaning}` },
    h('span', { 'aria-hidden': 'true' }, dir === 'flat' ? `${symbol} 0` : `${symbol} ${signed(delta, 0).slice(1)}`),
    hidden(` (${words})`),
  );
}

/** The band a meter's value sits in, as a word beside the number: "holding", "wavering". */
export function bandWord(meter: Meter, value: number): HTMLElement {
  const band = meterBand(meter, value);
  return h('span', { class: `band band-${band.tone}`, 'data-band': band.word }, band.word);
}

function bar(value: number): SVGSVGElement {
  const width = Math.max(0, Math.min(100, value));
  return s(
    'svg',
    { class: 'meter-bar', viewBox: '0 0 100 6', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' },
    s('rect', { class: 'bar-track', x: 0, y: 0, width: 100, height: 6 }),
    s('rect', { class: 'bar-fill', x: 0, y: 0, width, height: 6 }),
  );
}

export function metersPanel(run: Run): HTMLElement {
  const { scenario, world } = run;
  const initial = world.initial;
  const now: [Meter, string, number, string][] = [
    [
      'cohesion',
      'Cohesion',
      cohesion(world, scenario.params.cohesion),
      'How far the alliance holds together: from its members\u2019 loyalty, how far apart they are, and credibility.',
    ],
    ['credibility', 'Credibility', world.credibility, 'How far members believe the Article 4 guarantee.'],
    ['moscowBandwidth', "Moscow's bandwidth", world.moscowBandwidth, "Russia's capacity and attention to spare."],
  ];
  const gauges = h(
    'dl',
    { class: 'gauges' },
    now.map(([key, label, value, help]) =>
      h(
        'div',
        { class: `gauge gauge-${key}`, 'data-meter': key },
        h('dt', null, label, h('span', { class: 'help' }, help)),
        h(
          'dd',
          null,
          h('span', { class: 'value' }, whole(value)),
          ' ',
          bandWord(key, value),
          ' ',
          trend(scenario, key, value - (initial[key] ?? value)),
          bar(value),
        ),
      ),
    ),
  );
  const rows = scenario.members.map((code) => {
    const m = world.members[code];
    const cell = (field: 'loyalty' | 'publicSupport' | 'hedging') =>
      h(
        'td',
        { 'data-value': field },
        h('span', { class: 'value' }, whole(m[field])),
        ' ',
        bandWord(field, m[field]),
        ' ',
        trend(scenario, `${code}.${field}`, m[field] - (initial[`${code}.${field}`] ?? m[field])),
      );
    return h(
      'tr',
      { 'data-member': code, class: m.status === 'member' ? null : `status-${m.status}` },
      h('th', { scope: 'row' }, scenario.names[code], m.status !== 'member' ? h('span', { class: 'status-tag' }, m.status) : null),
      cell('loyalty'),
      cell('publicSupport'),
      cell('hedging'),
    );
  });
  return h(
    'section',
    { class: 'meters', 'aria-labelledby': 'meters-heading' },
    h('h2', { id: 'meters-heading' }, 'The alliance now'),
    gauges,
    h(
      'table',
      { class: 'members' },
      h('caption', null, 'Members, with the change since the start'),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, 'Member'),
          h('th', { scope: 'col' }, 'Loyalty'),
          h('th', { scope: 'col' }, 'Public support'),
          h('th', { scope: 'col' }, 'Hedging'),
        ),
      ),
      h('tbody', null, rows),
    ),
  );
}
