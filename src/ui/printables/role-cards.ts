import type { MemberCode } from '../../engine/core/world.ts';
import { questionsFor, quotesOf, redLines } from '../../engine/play/class-brief.ts';
import type { StanceKind } from '../../engine/rules/council.ts';
import { h } from '../kit/dom.ts';
import { sourceRef } from '../kit/sources.ts';
import { flag, leaderText, type PrintContext, startDate, teamName } from './print-context.ts';

const STANCE_WORDS: Record<StanceKind, string> = { supports: 'supports', accepts: 'accepts', objects: 'objects to', vetoes: 'vetoes' };

function part(title: string, ...children: HTMLElement[]): HTMLElement {
  return h('section', { class: 'card-part' }, h('h3', null, title), children);
}

/** The chair's card: what the Secretary General wants, how the Council decides, and the decisions it will take. */
function chairCard(c: PrintContext): HTMLElement {
  const { scenario } = c;
  return h(
    'article',
    { class: 'role-card', 'data-role': 'chair', 'aria-labelledby': 'card-chair' },
    h(
      'header',
      { class: 'card-head' },
      h(
        'div',
        null,
        h('h2', { id: 'card-chair' }, 'The chair: the Secretary General'),
        h('p', { class: 'held' }, `Held by ${teamName(c, 'chair') ?? 'no team'}`),
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
      h(
        'ol',
        null,
        c.classDecisions.map((d) =>
          h(
            'li',
            { value: d.number },
            h('strong', null, `${d.development.title} (${d.development.date}).`),
            ' Which answer can the Council agree on, and what will it cost?',
          ),
        ),
      ),
    ),
  );
}

/** A member's card: flag, leader, what it wants, its red lines, its leaders' words, the questions it will face. */
function memberCard(c: PrintContext, member: MemberCode): HTMLElement {
  const { scenario } = c;
  const name = scenario.names[member] ?? member;
  const lines = redLines(
    scenario,
    member,
    c.classDecisions.map((d) => d.development),
  );
  const questions = questionsFor(scenario, member, c.classDecisions);
  const quotes = quotesOf(scenario, member);
  const wants = scenario.faces[member]?.wants;
  const id = `card-${member}`;
  return h(
    'article',
    { class: 'role-card', 'data-role': member, 'aria-labelledby': id },
    h(
      'header',
      { class: 'card-head' },
      flag(member, 'large'),
      h('div', null, h('h2', { id }, name), h('p', { class: 'held' }, `${leaderText(c, member)} · held by ${teamName(c, member) ?? 'no team'}`)),
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
            questions.map((q) =>
              h(
                'li',
                { value: q.decision.number },
                q.question,
                h(
                  'span',
                  { class: 'stances' },
                  ` By its own interests it ${q.stances.map((s) => `${STANCE_WORDS[s.stance]} “${s.option.label}”`).join('; ')}.`,
                ),
              ),
            ),
          )
        : h('p', null, `No decision the class takes touches ${name}’s own interests: it can weigh the alliance as a whole.`),
    ),
  );
}

/** One card for the chair and one for each member a team holds, each printed on a page of its own. */
export function roleCards(c: PrintContext): HTMLElement {
  const held = c.scenario.members.filter((m) => teamName(c, m) !== null);
  return h(
    'div',
    { class: 'printable role-cards' },
    h('p', { class: 'doc-kicker' }, `${c.exercise.title ? `${c.scenario.title} · ` : ''}${startDate(c.scenario)} · seed “${c.exercise.seed}”`),
    chairCard(c),
    held.map((m) => memberCard(c, m)),
  );
}
