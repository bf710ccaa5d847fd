import './members.css';
import type { Scenario } from '../../engine/core/scenario.ts';
import type { Memory } from '../../engine/play/member-memory.ts';
import type { MemberView } from '../../engine/play/member-view.ts';
import { h } from '../kit/dom.ts';
import { sentence, sourceText } from '../kit/sources.ts';
import { flagUrl } from './flags.ts';

/**
 * A member's card: its flag, its leader, what it wants, its mood and what it remembers of the run, from
 * the engine's view of it. Compact, it is a button among the others around the table; full, it is the
 * content of the member's dialog.
 */

/** The flag beside the member's name: decorative, since the name says the same. */
function flag(code: string): HTMLElement | null {
  const url = flagUrl(code);
  return url ? h('img', { class: 'flag', src: url, alt: '', width: 32, height: 24 }) : null;
}

function countText(n: number, one: string, many: string): string {
  return n === 0 ? `no ${many}` : n === 1 ? `1 ${one}` : `${n} ${many}`;
}

/** What the member remembers, in a few words: the compact card's last line. */
export function memoryLine(view: MemberView): string {
  if (view.slights === 0 && view.favours === 0) return 'No slights or favours';
  return `${countText(view.slights, 'slight', 'slights')} · ${countText(view.favours, 'favour', 'favours')}`;
}

/** One member's compact card: a button that opens its full card. */
export function memberCard(view: MemberView, open: (code: string, opener: HTMLElement) => void): HTMLElement {
  const button = h(
    'button',
    {
      type: 'button',
      class: `member-card mood-${view.mood.tone}`,
      'data-member': view.code,
      'aria-haspopup': 'dialog',
    },
    h('span', { class: 'member-head' }, flag(view.code), h('span', { class: 'member-name' }, view.name), h('span', { class: 'member-mood' }, view.mood.word)),
    h('span', { class: 'member-leader' }, view.leader.name),
    view.wants ? h('span', { class: 'member-wants' }, view.wants.text) : null,
    h('span', { class: 'member-memory' }, memoryLine(view)),
  );
  button.addEventListener('click', () => open(view.code, button));
  return h('li', null, button);
}

/** The six (or more) cards around the table, in a grid that becomes a scrolling strip on a phone. */
export function memberCards(views: MemberView[], open: (code: string, opener: HTMLElement) => void): HTMLElement {
  return h(
    'section',
    { class: 'members', 'aria-labelledby': 'members-heading' },
    h('h3', { id: 'members-heading' }, 'Around the table'),
    h(
      'ul',
      { class: 'member-cards' },
      views.map((v) => memberCard(v, open)),
    ),
  );
}

function memoryItem(scenario: Scenario, m: Memory): HTMLElement {
  const development = scenario.developments[m.development];
  const chapter = scenario.chapters.length ? scenario.chapters[m.chapter]?.title : null;
  const where = [`decision ${m.decision}`, development?.title, chapter ? `chapter ${m.chapter + 1}` : null].filter(Boolean).join(', ');
  return h('li', { class: `memory memory-${m.tone}`, 'data-memory': m.kind }, m.text, h('span', { class: 'memory-where' }, ` (${where})`));
}

function memoryList(scenario: Scenario, memories: Memory[], tone: Memory['tone'], title: string, none: string): HTMLElement {
  const own = memories.filter((m) => m.tone === tone);
  return h(
    'section',
    { class: `memories memories-${tone}` },
    h('h4', null, `${title} (${own.length})`),
    own.length
      ? h(
          'ul',
          null,
          own.map((m) => memoryItem(scenario, m)),
        )
      : h('p', null, none),
  );
}

/** The full card, for the dialog: everything the compact card shortens, with the source of what it wants. */
export function fullMemberCard(scenario: Scenario, view: MemberView, headingId: string): HTMLElement {
  const wantsSource = view.wants ? sourceText(scenario, view.wants.source, view.wants.assumption) : '';
  return h(
    'article',
    { class: 'member-full', 'data-member': view.code },
    h('header', { class: 'member-head' }, flag(view.code), h('h2', { id: headingId, tabindex: '-1' }, view.name)),
    h('p', { class: 'member-leader' }, `${view.leader.title} ${view.leader.name}`),
    h(
      'dl',
      { class: 'member-facts' },
      h('dt', null, 'Wants'),
      h('dd', null, view.wants ? view.wants.text : 'Not recorded.', wantsSource ? h('span', { class: 'source' }, ` Source: ${sentence(wantsSource)}`) : ''),
      h('dt', null, 'Mood'),
      h('dd', null, h('strong', { class: 'member-mood' }, view.mood.word), ` — ${view.mood.why}`),
    ),
    memoryList(scenario, view.memories, 'slight', 'Slights it remembers', 'No slight so far.'),
    memoryList(scenario, view.memories, 'favour', 'Favours it remembers', 'No favour so far.'),
  );
}
