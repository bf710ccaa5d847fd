import './choose.css';
import { h } from '../kit/dom.ts';
import { listText } from '../kit/format.ts';
import type { Library } from '../state/library.ts';
import type { SlotRead } from '../state/saves.ts';
import type { ScenarioIndexEntry } from '../../engine/authoring/library-index.ts';
import type { Screen } from '../kit/screen.ts';
import { compareText } from '../../engine/core/text-order.ts';
import { seedField, type SeedField } from './seed-field.ts';

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

export interface ChooseActions {
  onPlay: (id: string, seed: string) => void;
  onContinue: (slot: string) => void;
  onDelete: (slot: string) => void;
}

const when = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
};

function savedList(library: Library, slots: SlotRead[], actions: ChooseActions): HTMLElement {
  return h(
    'ul',
    { class: 'saves' },
    slots.map((slot) => {
      if (!slot.ok) {
        return h(
          'li',
          { class: 'save broken', 'data-slot': slot.error.slot },
          h('p', null, h('strong', null, 'A saved run that cannot be opened: '), `${slot.error.reason}. It is kept as it is.`),
          h('button', { type: 'button', class: 'secondary', 'data-action': 'delete', onclick: () => actions.onDelete(slot.error.slot) }, 'Delete this save'),
        );
      }
      const { record, label, savedAt, slot: id } = slot.value;
      const title = library.entry(record.scenario)?.title ?? record.scenario;
      const n = record.decisions.length;
      return h(
        'li',
        { class: 'save', 'data-slot': id },
        h(
          'p',
          null,
          h('strong', null, title),
          ` — ${n} ${n === 1 ? 'decision' : 'decisions'}, seed ${record.seed}${label && label !== 'new run' ? `, ${label}` : ''}`,
          savedAt ? h('span', { class: 'muted' }, ` · saved ${when(savedAt)}`) : null,
        ),
        h(
          'div',
          { class: 'actions' },
          h(
            'button',
            {
              type: 'button',
              class: 'primary',
              'data-action': 'continue',
              'aria-label': `Continue: ${title}, ${n} decisions`,
              onclick: () => actions.onContinue(id),
            },
            'Continue',
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              'data-action': 'delete',
              'aria-label': `Delete: ${title}, ${n} decisions`,
              onclick: () => actions.onDelete(id),
            },
            'Delete',
          ),
        ),
      );
    }),
  );
}

function card(entry: ScenarioIndexEntry, seed: SeedField, actions: ChooseActions): HTMLElement {
  if (!entry.ok) {
    return h(
      'li',
      { class: 'card broken', 'data-scenario': entry.id },
      h('h3', null, entry.id.replace(/_/g, ' ')),
      h('p', null, 'This scenario file has problems, so it cannot be played yet:'),
      h(
        'ul',
        { class: 'problems' },
        entry.problems.slice(0, 3).map((p) => h('li', null, h('code', null, p))),
      ),
      entry.problems.length > 3 ? h('p', null, `…and ${entry.problems.length - 3} more. Check it with: npm run cli -- validate ${entry.file}`) : null,
    );
  }
  return h(
    'li',
    { class: `card ${entry.kind}`, 'data-scenario': entry.id },
    h('h3', null, entry.title),
    h(
      'p',
      { class: 'meta' },
      `${entry.era} · ${entry.length} · ${entry.kind === 'campaign' ? `${entry.chapters} chapters · ` : ''}${listText(entry.members.map((c) => entry.names[c] ?? c))}`,
    ),
    h('p', null, entry.premise),
    h('p', { class: 'objective' }, h('strong', null, 'Your objective: '), entry.objective),
    h(
      'button',
      {
        type: 'button',
        class: 'primary',
        'data-action': 'play',
        'aria-label': `Play: ${entry.title}`,
        onclick: () => {
          const value = seed.read();
          if (value !== null) actions.onPlay(entry.id, value);
        },
      },
      'Play',
    ),
  );
}

/** The scenarios and the campaign, each with era, length and premise; saved runs to continue. */
export function chooseScreen(library: Library, slots: SlotRead[], notices: Notice[], actions: ChooseActions): Screen {
  const heading = h('h1', { tabindex: '-1', id: 'screen-heading' }, 'Article Four');
  const seed = seedField();
  const campaigns = library.entries.filter((e) => e.kind === 'campaign');
  const crises = library.entries.filter((e) => e.kind !== 'campaign').sort((a, b) => (a.era ?? 9999) - (b.era ?? 9999) || compareText(a.id, b.id));
  const el = h(
    'section',
    { class: 'screen choose', 'aria-labelledby': 'screen-heading' },
    heading,
    h(
      'p',
      { class: 'lede' },
      'You lead the Collective Security Treaty Organization: Russia, Belarus, Armenia, Kazakhstan, Kyrgyzstan, Tajikistan, and in earlier years Uzbekistan, Azerbaijan and Georgia. Crises from the documented record arrive; the Council must agree on an answer; the members react. When does the alliance answer?',
    ),
    h(
      'p',
      { class: 'article' },
      h(
        'q',
        null,
        'In the event of an act of aggression against any of the participating states, all other participating states will provide him with the necessary assistance, including military.',
      ),
      ' — Article 4 of the Collective Security Treaty',
    ),
    notices.length
      ? h(
          'div',
          { class: 'notices' },
          notices.map((n) => h('p', { class: `notice notice-${n.kind}`, 'data-notice': n.kind }, n.text)),
        )
      : null,
    slots.length
      ? h('section', { 'aria-labelledby': 'saves-heading' }, h('h2', { id: 'saves-heading' }, 'Continue a saved run'), savedList(library, slots, actions))
      : null,
    seed.el,
    campaigns.length
      ? h(
          'section',
          { 'aria-labelledby': 'campaign-heading' },
          h('h2', { id: 'campaign-heading' }, 'The campaign'),
          h(
            'ul',
            { class: 'cards' },
            campaigns.map((e) => card(e, seed, actions)),
          ),
        )
      : null,
    h(
      'section',
      { 'aria-labelledby': 'crises-heading' },
      h('h2', { id: 'crises-heading' }, 'Crises'),
      crises.length
        ? h(
            'ul',
            { class: 'cards' },
            crises.map((e) => card(e, seed, actions)),
          )
        : h('p', null, 'No scenarios are installed.'),
    ),
  );
  return {
    el,
    heading,
    announcement: `Choose a crisis. ${crises.filter((c) => c.ok).length} crises${campaigns.length ? ` and ${campaigns.length} campaign` : ''} available.${notices.length ? ` ${notices.map((n) => n.text).join(' ')}` : ''}`,
  };
}
