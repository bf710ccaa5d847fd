import './aftermath.css';
import type { Run } from '../../engine/play/run.ts';
import { cohesion } from '../../engine/rules/cohesion.ts';
import type { Change, ReactionEvent, World } from '../../engine/core/world.ts';
import { h, type Child } from '../kit/dom.ts';
import { possessive, signed, tenth, valueName } from '../kit/format.ts';
import { sentence, sourceText } from '../kit/sources.ts';
import { changeLine, changesOfDecision, changeWithChain, meaningMark } from '../kit/changes.ts';
import { bandOfKey, changeMeaning, statusMeaning, type ChangeMeaning } from '../../engine/rules/meter-meaning.ts';
import type { Scenario } from '../../engine/core/scenario.ts';
import { optionLabel, reactionLabel } from '../../engine/core/labels.ts';
import type { Screen } from '../kit/screen.ts';
import { membersAroundTheTable } from '../members/member-dialog.ts';

interface Row {
  key: string;
  label: string;
  before: number | string;
  after: number | string;
}

/** Every value the decision moved, from the World the Council met in to the World after the aftermath. */
export function differences(run: Run, before: World): Row[] {
  const { scenario, world } = run;
  const rows: Row[] = [];
  const num = (key: string, label: string, a: number, b: number) => {
    if (Math.abs(b - a) >= 0.05) rows.push({ key, label, before: a, after: b });
  };
  num('cohesion', 'Cohesion', cohesion(before, scenario.params.cohesion), cohesion(world, scenario.params.cohesion));
  num('credibility', valueName(scenario, 'credibility'), before.credibility, world.credibility);
  num('moscowBandwidth', valueName(scenario, 'moscowBandwidth'), before.moscowBandwidth, world.moscowBandwidth);
  for (const code of scenario.members) {
    const a = before.members[code];
    const b = world.members[code];
    if (a.status !== b.status) rows.push({ key: `${code}.status`, label: `${possessive(scenario.names[code])} status`, before: a.status, after: b.status });
    for (const field of ['loyalty', 'publicSupport', 'hedging'] as const) num(`${code}.${field}`, valueName(scenario, `${code}.${field}`), a[field], b[field]);
  }
  for (const v of scenario.variables) num(v.id, v.label, before.vars[v.id], world.vars[v.id]);
  return rows;
}

const shown = (x: number | string) => (typeof x === 'number' ? tenth(x) : x);
const delta = (r: Row) => (typeof r.before === 'number' && typeof r.after === 'number' ? signed(r.after - r.before) : 'changed');

/** Good or bad for the alliance, as the engine reads the value's direction: "unrest −21.6" is good news. */
function meaningOfRow(scenario: Scenario, r: Row): ChangeMeaning {
  if (typeof r.before === 'number' && typeof r.after === 'number') return changeMeaning(scenario, r.key, r.after - r.before);
  return typeof r.after === 'string' ? statusMeaning(r.after) : 'neutral';
}

/** The band the value now sits in, beside the number, for the meters that have bands. */
function afterBand(r: Row): Child {
  const band = typeof r.after === 'number' ? bandOfKey(r.key, r.after) : null;
  return band ? [' ', h('span', { class: `band band-${band.tone}`, 'data-band': band.word }, band.word)] : null;
}

function changedTable(scenario: Scenario, rows: Row[]): HTMLElement {
  if (!rows.length) return h('p', null, 'Nothing measurable changed.');
  return h(
    'table',
    { class: 'changed' },
    h('caption', { class: 'visually-hidden' }, 'Values this decision changed'),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, 'Value'),
        h('th', { scope: 'col' }, 'Before'),
        h('th', { scope: 'col' }, 'After'),
        h('th', { scope: 'col' }, 'Change'),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map((r) =>
        h(
          'tr',
          { 'data-key': r.key },
          h('th', { scope: 'row' }, r.label),
          h('td', null, shown(r.before)),
          h('td', null, shown(r.after), afterBand(r)),
          h('td', { class: `amount ${meaningOfRow(scenario, r)}` }, delta(r), meaningMark(meaningOfRow(scenario, r))),
        ),
      ),
    ),
  );
}

/** A member's reaction, with the values it changed; the first opens on the chain that set it off. */
function reactionItem(run: Run, changes: Change[], r: ReactionEvent): HTMLElement {
  const { scenario } = run;
  const own = changes.filter((c) => c.cause.kind === 'reaction' && c.cause.id === r.reaction && c.cause.member === r.member);
  const rule = scenario.reactions.find((x) => x.id === r.reaction && x.member === r.member);
  const title = `${scenario.names[r.member]} ${reactionLabel(scenario, r.reaction)}`;
  const source = rule ? sourceText(scenario, rule.source, rule.assumption) : '';
  return h(
    'li',
    { class: 'reaction', 'data-reaction': `${r.member}:${r.reaction}` },
    h('p', { class: 'reaction-title' }, h('strong', null, title), source ? h('span', { class: 'source' }, ` Source: ${sentence(source)}`) : ''),
    own.length
      ? own.map((c, i) => (i === 0 ? changeWithChain(run, c, `Why did ${scenario.names[r.member]} do this?`) : changeLine(scenario, c, false)))
      : h('p', null, 'It changes no value by itself, but it is on the record.'),
  );
}

/** Why: the decision's own changes, the members' reactions, and the standing rules' slower currents. */
function whySection(run: Run, changes: Change[], reactions: ReactionEvent[]): HTMLElement {
  const { scenario } = run;
  const direct = changes.filter((c) => c.cause.kind === 'option' || c.cause.kind === 'leverage');
  const slow = changes.filter((c) => c.cause.kind === 'drift' || c.cause.kind === 'debt');
  const reactionItems: Child[] = reactions.map((r) => reactionItem(run, changes, r));
  return h(
    'section',
    { 'aria-labelledby': 'why-heading' },
    h('h3', { id: 'why-heading' }, 'Why'),
    h('h4', null, 'The decision itself'),
    direct.length ? direct.map((c) => changeLine(scenario, c)) : h('p', null, 'The decision changed no value directly.'),
    h('h4', null, 'How the members answered'),
    reactionItems.length ? h('ul', { class: 'reactions' }, reactionItems) : h('p', null, 'No member reacted beyond the Council table.'),
    slow.length
      ? h(
          'details',
          { class: 'slow' },
          h(
            'summary',
            null,
            `Slower currents: ${slow.length} ${slow.length === 1 ? 'change' : 'changes'} from ${slow.some((c) => c.cause.kind === 'debt') ? "standing rules and the price of Moscow's leverage" : 'standing rules'}`,
          ),
          slow.map((c) => changeWithChain(run, c, 'What set this off?')),
        )
      : null,
  );
}

/** What changed, by how much and why, with each reaction's chain open to follow back to the decision. */
export function aftermathScreen(run: Run, before: World | null, onDone: () => void): Screen {
  const { scenario, world } = run;
  const decision = world.decisions[world.decisions.length - 1];
  const dev = scenario.developments[decision.development];
  const label = optionLabel(scenario, decision.option);
  const t = world.decisions.length - 1;
  const changes = changesOfDecision(run, t);
  const heading = h('h2', { tabindex: '-1', id: 'screen-heading' }, `Aftermath: ${label}`);
  const rows = before ? differences(run, before) : [];
  const reactions = world.reactions.filter((r) => r.turn === t);
  const next = run.pending && run.pending !== 'end' && world.turn < scenario.maxTurns ? scenario.developments[run.pending] : null;
  const el = h(
    'section',
    { class: 'screen aftermath', 'aria-labelledby': 'screen-heading' },
    h('p', { class: 'kicker' }, `Decision ${world.decisions.length} · ${dev.date} · ${dev.place}`),
    heading,
    h('p', { class: 'lede' }, `The Council chose “${label}”${decision.leverage ? ", with Moscow's leverage" : ''}.`),
    h('section', { 'aria-labelledby': 'changed-heading' }, h('h3', { id: 'changed-heading' }, 'What changed'), changedTable(scenario, rows)),
    whySection(run, changes, reactions),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'primary', 'data-action': 'continue', onclick: onDone }, next ? `Next: ${next.title}` : 'See how it ends'),
    ),
    membersAroundTheTable(run),
  );
  const spokenRows = rows
    .map((r) => {
      const meaning = meaningOfRow(scenario, r);
      const band = typeof r.after === 'number' ? bandOfKey(r.key, r.after) : null;
      return `${r.label} ${delta(r)}${meaning === 'neutral' ? '' : ` (${meaning} for the alliance)`}, now ${shown(r.after)}${band ? `, ${band.word}` : ''}`;
    })
    .join('; ');
  const spokenReactions = reactions.map((r) => `${scenario.names[r.member]} ${reactionLabel(scenario, r.reaction)}`).join('; ');
  return {
    el,
    heading,
    announcement: `Aftermath. The Council chose ${label}. ${rows.length ? `Changes: ${spokenRows}.` : 'Nothing measurable changed.'} ${reactions.length ? `Reactions: ${spokenReactions}.` : ''}`,
  };
}
