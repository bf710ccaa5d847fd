import './choose.css';
import { h } from '../kit/dom.ts';
import { listText } from '../kit/format.ts';
import type { Library } from '../state/library.ts';
import { MAX_NAME_LENGTH, nameOf, type SlotRead } from '../state/saves.ts';
import type { ScenarioIndexEntry } from '../../engine/authoring/library-index.ts';
import type { Screen } from '../kit/screen.ts';
import { compareText } from '../../engine/core/text-order.ts';
import { seedField, type SeedField } from './seed-field.ts';
import { CLASS_RESULTS_HASH } from '../kit/route.ts';

export interface Notice {
  kind: 'error' | 'info';
  text: string;
  /** A way to take back what the notice reports (a deletion), offered for a few seconds. */
  undo?: { label: string; run: () => void };
}

export interface ChooseActions {
  onPlay: (id: string, seed: string) => void;
  onContinue: (slot: string) => void;
  onDelete: (slot: string, name: string) => void;
  /** Gives a run a new name; the sentence why not, if it cannot. */
  onRename: (slot: string, name: string) => string | null;
}

/** How long the Undo of a deletion stays offered. */
export const UNDO_SECONDS = 10;

const when = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
};

/** The saved runs with the names they go by; two saves of older versions called alike are told apart by a number. */
function namedSaves(library: Library, slots: SlotRead[]): Map<string, string> {
  const names = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const read of slots) {
    if (!read.ok) continue;
    const base = nameOf(read.value, library.entry(read.value.record.scenario)?.title ?? read.value.record.scenario);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    names.set(read.value.slot, count === 1 ? base : `${base} (${count})`);
  }
  return names;
}

/** A run's name, and a form to rename it in place when asked. */
function nameLine(name: string, id: string, actions: ChooseActions): { line: HTMLElement; rename: HTMLButtonElement } {
  const line = h('p', { class: 'save-name' }, h('strong', null, name));
  const rename = h('button', { type: 'button', class: 'secondary', 'data-action': 'rename', 'aria-label': `Rename: ${name}` }, 'Rename');
  rename.addEventListener('click', () => {
    const inputId = `rename-${id}`;
    const input = h('input', { id: inputId, type: 'text', value: name, maxlength: String(MAX_NAME_LENGTH), autocomplete: 'off' });
    const problem = h('p', { class: 'field-problem', id: `${inputId}-problem`, role: 'alert' });
    const form = h(
      'form',
      { class: 'rename-form' },
      h('label', { for: inputId }, `New name for “${name}”`),
      input,
      h('button', { type: 'submit', class: 'primary' }, 'Save the name'),
      h('button', { type: 'button', class: 'secondary', 'data-action': 'cancel-rename', onclick: () => form.replaceWith(line) }, 'Cancel'),
      problem,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      // Renamed, the list is shown afresh; otherwise the form says why not.
      const why = actions.onRename(id, input.value);
      if (why === null) return;
      problem.textContent = why;
      input.setAttribute('aria-describedby', problem.id);
      input.focus();
    });
    form.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      form.replaceWith(line);
      rename.focus();
    });
    line.replaceWith(form);
    input.focus();
    input.select();
  });
  return { line, rename };
}

function savedList(library: Library, slots: SlotRead[], actions: ChooseActions): HTMLElement {
  const names = namedSaves(library, slots);
  return h(
    'ul',
    { class: 'saves' },
    slots.map((slot) => {
      if (!slot.ok) {
        return h(
          'li',
          { class: 'save broken', 'data-slot': slot.error.slot },
          h('p', null, h('strong', null, 'A saved run that cannot be opened: '), `${slot.error.reason}. It is kept as it is.`),
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              'data-action': 'delete',
              'aria-label': `Delete this save that cannot be opened (${slot.error.slot})`,
              onclick: () => actions.onDelete(slot.error.slot, 'A save that cannot be opened'),
            },
            'Delete this save',
          ),
        );
      }
      const { record, savedAt, slot: id, branch, label } = slot.value;
      const title = library.entry(record.scenario)?.title ?? record.scenario;
      const name = names.get(id) ?? title;
      const n = record.decisions.length;
      const origin = branch ? `branch of “${branch.of}” at decision ${branch.decision}` : label && label !== 'new run' ? label : '';
      // Saves older than names knew a branch only by its label.
      const isBranch = branch !== undefined || label.startsWith('branch');
      const { line, rename } = nameLine(name, id, actions);
      return h(
        'li',
        { class: `save${isBranch ? ' branch' : ''}`, 'data-slot': id },
        line,
        h(
          'p',
          { class: 'save-meta' },
          isBranch ? h('span', { class: 'tag branch-tag' }, 'Branch') : null,
          `${title} — ${n} ${n === 1 ? 'decision' : 'decisions'}, seed ${record.seed}${origin ? `, ${origin}` : ''}`,
          slot.value.at === 'aftermath' ? ', left on an aftermath' : '',
          savedAt ? h('span', { class: 'muted' }, ` · saved ${when(savedAt)}`) : null,
        ),
        h(
          'div',
          { class: 'actions' },
          h(
            'button',
            { type: 'button', class: 'primary', 'data-action': 'continue', 'aria-label': `Continue: ${name}`, onclick: () => actions.onContinue(id) },
            'Continue',
          ),
          rename,
          h(
            'button',
            { type: 'button', class: 'secondary', 'data-action': 'delete', 'aria-label': `Delete: ${name}`, onclick: () => actions.onDelete(id, name) },
            'Delete',
          ),
        ),
      );
    }),
  );
}

/** A notice, with its Undo while that is offered (it goes after UNDO_SECONDS; the notice stays). */
function noticeLine(n: Notice): HTMLElement {
  const p = h('p', { class: `notice notice-${n.kind}`, 'data-notice': n.kind }, n.text);
  if (n.undo) {
    const { run } = n.undo;
    const button = h('button', { type: 'button', class: 'secondary undo', 'data-action': 'undo' }, n.undo.label);
    button.addEventListener('click', run);
    p.append(' ', button);
    window.setTimeout(() => button.remove(), UNDO_SECONDS * 1000);
  }
  return p;
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
    h(
      'p',
      { class: 'class-link muted' },
      'Teaching? ',
      h('a', { href: '#/class', 'data-action': 'run-a-class' }, 'Run a class'),
      ': teams in roles, one seed, printed role cards.',
    ),
    notices.length ? h('div', { class: 'notices' }, notices.map(noticeLine)) : null,
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
    h(
      'p',
      { class: 'classroom-link' },
      'Teaching? ',
      h('a', { href: CLASS_RESULTS_HASH, 'data-action': 'class-results' }, 'Class results'),
      ': your groups’ runs side by side, from their share links or record files.',
    ),
  );
  return {
    el,
    heading,
    announcement: `Choose a crisis. ${crises.filter((c) => c.ok).length} crises${campaigns.length ? ` and ${campaigns.length} campaign` : ''} available.${notices.length ? ` ${notices.map((n) => n.text).join(' ')}` : ''}`,
  };
}
