import type { MemberCode } from '../../engine/core/world.ts';
import { byChapter, type DecisionGroup, leaderOn, questionsFor, quotesOf, redLines } from '../../engine/play/class-brief.ts';
import type { StanceKind } from '../../engine/rules/council.ts';
import { h } from '../kit/dom.ts';
import { sourceRef } from '../kit/sources.ts';
import { flag, type PrintContext, startDate, teamName } from './print-context.ts';

function part(title: string, ...children: HTMLElement[]): HTMLElement {
  return h('section', { class: 'card-part' }, h('h3', null, title), children);
}

/** The chair's card: what the Secretary General wants, how the Council decides, and the decisions it will take. */
function chairCard(c: PrintContext, group: DecisionGroup, n: number): HTMLElement {
  const { scenario } = c;
  const id = `card-chair-${n}`;
  return h(
    'article',
    { class: 'role-card', 'data-role': 'chair', 'aria-labelledby': id },
    h(
      'header',
      { class: 'card-head' },
      h(
        'div',
        null,
        h('h2', { id }, 'The chair: the Secretary General'),
        h('p', { class: 'held' }, `${chapterText(group)}Held by ${teamName(c, 'chair') ?? 'no team'}`),
      ),
    ),
    part('What you want', h('p', null, scenario.objective)),
    part(
      'How the Council decides',
      h(
        'ul',
        null,
        h('li', null, 'You choose the alliance’s answer among the options before the Council, after every team has declared its member’s stance.'),
        h('li', null, 'An option that needs consensus is blocked by one veto; an option Russia must carry out is blocked by Russia’s objection.'),
        h('li', null, 'A member you overrule remembers it: its commitment to the alliance falls.'),
        h('li', null, 'Moscow’s leverage can turn an objection into acceptance, at a price in Moscow’s attention and the members’ goodwill.'),
      ),
    ),
    part(
      'The questions you will face',
      h('p', null, 'At each, which answer can the Council agree on, and what will it cost?'),
      h(
        'ol',
        null,
        group.decisions.map((d) => h('li', { value: d.number }, `${d.development.title} (${d.development.date})`)),
      ),
    ),
  );
}

/** A member's card: flag, leader, what it wants, its red lines, its leaders' words, the questions it will face. */
function memberCard(c: PrintContext, member: MemberCode, group: DecisionGroup, n: number): HTMLElement {
  const { scenario } = c;
  const name = scenario.names[member] ?? member;
  const developments = group.decisions.map((d) => d.development);
  const lines = redLines(scenario, member, developments);
  const questions = questionsFor(scenario, member, group.decisions);
  const quotes = quotesOf(
    scenario,
    member,
    developments.map((d) => d.id),
  );
  const wants = scenario.faces[member]?.wants;
  const first = developments[0];
  const leader = first ? leaderOn(scenario, member, first) : null;
  const id = `card-${member}-${n}`;
  return h(
    'article',
    { class: 'role-card', 'data-role': member, 'aria-labelledby': id },
    h(
      'header',
      { class: 'card-head' },
      flag(member, 'large'),
      h(
        'div',
        null,
        h('h2', { id }, name),
        h('p', { class: 'held' }, `${chapterText(group)}${leader ? `${leader.title} ${leader.name} · ` : ''}held by ${teamName(c, member) ?? 'no team'}`),
      ),
    ),
    part('What it wants', h('p', null, wants?.text ?? 'The standing rules say nothing of it.')),
    part(
      'Its red lines',
      lines.length
        ? h(
            'ul',
            null,
            lines.map((l) =>
              h(
                'li',
                null,
                h('strong', null, `${l.stance === 'vetoes' ? 'Vetoes' : 'Objects to'}: ${l.option.label}`),
                ` (${l.development.title})${l.blocks ? ', and its veto blocks it' : ''}. `,
                l.reason,
              ),
            ),
          )
        : h('p', null, `None of the answers before the class crosses ${name}’s own interests; its loyalty decides how it stands.`),
    ),
    part(
      'What its leaders said',
      quotes.length
        ? h(
            'div',
            null,
            quotes.map((q) =>
              h(
                'figure',
                { class: 'said' },
                h('blockquote', null, `“${q.text}”`),
                h('figcaption', null, `${q.who}. Source: ${sourceRef(scenario, q.source).title}`),
              ),
            ),
          )
        : h('p', null, `The sources of this scenario quote no leader or office of ${name}.`),
    ),
    part(
      'The questions it will face',
      questions.length
        ? h(
            'ol',
            null,
            questions.map((q) => h('li', { value: q.decision.number }, q.question, supportText(q.stances))),
          )
        : h('p', null, `No decision the class takes touches ${name}’s own interests: it can weigh the alliance as a whole.`),
    ),
  );
}

/** What the member would back by its own interests; its objections and vetoes are its red lines, above. */
function supportText(stances: { option: { label: string }; stance: StanceKind }[]): HTMLElement | null {
  const backed = stances.filter((s) => s.stance === 'supports').map((s) => `“${s.option.label}”`);
  return backed.length ? h('span', { class: 'stances' }, ` It would back ${backed.join(' or ')}.`) : null;
}

/** The chapter a campaign's card belongs to, before the rest of its subtitle. */
function chapterText(group: DecisionGroup): string {
  return group.chapter ? `${group.chapter.title} · ` : '';
}

/**
 * One card for the chair and one for each member a team holds, each printed on a page of its own; in a
 * campaign, one set a chapter, so that no card outgrows its page.
 */
export function roleCards(c: PrintContext): HTMLElement {
  const held = c.scenario.members.filter((m) => teamName(c, m) !== null);
  const groups = byChapter(c.scenario, c.classDecisions);
  return h(
    'div',
    { class: 'printable role-cards' },
    h('p', { class: 'doc-kicker' }, `${c.exercise.title ? `${c.scenario.title} · ` : ''}${startDate(c.scenario)} · seed “${c.exercise.seed}”`),
    groups.map((group, n) => [chairCard(c, group, n), held.map((m) => memberCard(c, m, group, n))]),
  );
}

/**
 * A team's own cards, for the chapter of the development it is at: what a live class shows each team on its
 * briefing, the same cards the printables give on paper.
 */
export function teamRoleCards(c: PrintContext, roles: readonly string[], development: string): HTMLElement {
  const groups = byChapter(c.scenario, c.classDecisions);
  const n = Math.max(
    0,
    groups.findIndex((g) => g.decisions.some((d) => d.development.id === development)),
  );
  const group = groups[n] ?? { chapter: null, decisions: [] };
  const members = c.scenario.members.filter((m) => roles.includes(m));
  return h(
    'div',
    { class: 'printable role-cards team-cards' },
    roles.includes('chair') ? chairCard(c, group, n) : null,
    members.map((m) => memberCard(c, m, group, n)),
  );
}
