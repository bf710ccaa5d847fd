import './council.css';
import type { Run } from '../../engine/play/run.ts';
import { councilView, type MemberStance, type OptionView } from '../../engine/rules/council.ts';
import { currentDevelopment } from '../../engine/core/development.ts';
import { h } from '../kit/dom.ts';
import { listText, signed, whole } from '../kit/format.ts';
import type { Screen } from '../kit/screen.ts';

const STANCE_WORDS: Record<MemberStance['stance'], string> = { supports: 'supports', accepts: 'accepts', objects: 'objects', vetoes: 'vetoes' };
const STANCE_MARKS: Record<MemberStance['stance'], string> = { supports: '✔', accepts: '○', objects: '✖', vetoes: '⊘' };

function stanceWord(view: OptionView, s: MemberStance): string {
  if (s.stance === 'vetoes' && !view.option.consensus && !view.vetoedBy.includes(s.member)) return 'opposes';
  return STANCE_WORDS[s.stance];
}

function verdict(run: Run, view: OptionView): { text: string; kind: 'passes' | 'blocked' | 'closed' } {
  const names = (codes: string[]) => listText(codes.map((c) => run.scenario.names[c]));
  if (!view.available) return { text: 'Not on the table now: the situation rules it out.', kind: 'closed' };
  if (view.vetoedBy.length) {
    const why = view.option.consensus ? 'the Council decides by consensus' : 'it needs Russian forces, money or arms, which only Moscow can give';
    return { text: `Blocked: ${names(view.vetoedBy)} ${view.vetoedBy.length > 1 ? 'veto' : 'vetoes'} it, and ${why}.`, kind: 'blocked' };
  }
  const against = view.stances.filter((s) => s.stance === 'objects' || s.stance === 'vetoes');
  // Only an objection on the merits is resented when overruled (the engine's rule in resolve()).
  const resent = against.filter((s) => s.stake < run.scenario.params.stance.accepts).map((s) => s.member);
  if (against.length) {
    const cost = resent.length ? ` ${names(resent)} ${resent.length > 1 ? 'lose' : 'loses'} loyalty for being overruled.` : '';
    return { text: `Passes, over the objections of ${names(against.map((s) => s.member))}.${cost}`, kind: 'passes' };
  }
  return { text: 'Passes: no member stands in the way.', kind: 'passes' };
}

function leverageText(run: Run, view: OptionView): string | null {
  const { scenario, world } = run;
  const lev = view.leverage;
  if (!view.available || !lev.buys.length) return null;
  const who = listText(lev.buys.map((c) => scenario.names[c]));
  if (!lev.possible) {
    if (world.moscowBandwidth < lev.bandwidthCost)
      return `Moscow's leverage could bring ${who} round, but it would cost ${whole(lev.bandwidthCost)} of Moscow's bandwidth and only ${whole(world.moscowBandwidth)} is left.`;
    const unbought = view.vetoedBy.filter((c) => !lev.buys.includes(c));
    return `Moscow's leverage cannot move ${listText(unbought.map((c) => scenario.names[c]))}.`;
  }
  const after = world.moscowBandwidth - lev.bandwidthCost;
  return `Moscow's leverage can bring ${who} round: it costs ${whole(lev.bandwidthCost)} of Moscow's bandwidth now (${whole(world.moscowBandwidth)} → ${whole(after)}), and ${lev.buys.length > 1 ? 'each' : scenario.names[lev.buys[0]]} loses ${whole(lev.loyaltyCostEach)} loyalty within ${whole(scenario.params.leverage.dueMonths)} months or by the end, resenting the pressure.${lev.unblocks ? ' It is the only way this option passes.' : ''}`;
}

function optionCard(run: Run, view: OptionView, index: number, onDecide: (option: string, leverage: boolean) => void): HTMLElement {
  const { scenario } = run;
  const o = view.option;
  const id = `option-${o.id}`;
  const v = verdict(run, view);
  const lev = leverageText(run, view);
  const rows = view.stances.map((s) => {
    const factors = s.factors.map((f) => `${f.label} ${signed(f.points, 0)}`).join('; ');
    return h(
      'tr',
      { 'data-member': s.member, 'data-stance': s.stance },
      h('th', { scope: 'row' }, scenario.names[s.member]),
      h('td', { class: `stance stance-${s.stance}` }, h('span', { 'aria-hidden': 'true', class: 'mark' }, STANCE_MARKS[s.stance]), ' ', stanceWord(view, s)),
      h('td', null, s.reason, factors ? h('span', { class: 'factors' }, ` (${factors})`) : null),
    );
  });
  const buttons: HTMLElement[] = [];
  if (view.passable) {
    buttons.push(
      h(
        'button',
        { type: 'button', class: 'primary', 'data-option': o.id, 'data-leverage': 'false', onclick: () => onDecide(o.id, false) },
        `Choose: ${o.label}`,
      ),
    );
  }
  if (view.leverage.possible) {
    buttons.push(
      h(
        'button',
        { type: 'button', class: 'secondary', 'data-option': o.id, 'data-leverage': 'true', onclick: () => onDecide(o.id, true) },
        `Choose with Moscow's leverage: ${o.label}`,
      ),
    );
  }
  return h(
    'article',
    { class: `option option-${v.kind}`, 'aria-labelledby': `${id}-title`, 'data-option-card': o.id },
    h('h3', { id: `${id}-title` }, h('span', { class: 'option-number' }, `${index + 1}. `), o.label),
    h('p', null, o.description),
    h(
      'p',
      { class: 'tags' },
      o.consensus ? h('span', { class: 'tag consensus' }, 'Needs consensus: one veto blocks it') : h('span', { class: 'tag' }, 'No consensus needed'),
    ),
    h(
      'table',
      { class: 'stances' },
      h('caption', { class: 'visually-hidden' }, `Where the members stand on “${o.label}”`),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Member'), h('th', { scope: 'col' }, 'Stance'), h('th', { scope: 'col' }, 'Why'))),
      h('tbody', null, rows),
    ),
    h('p', { class: `verdict verdict-${v.kind}` }, v.text),
    lev ? h('p', { class: 'leverage' }, lev) : null,
    buttons.length ? h('div', { class: 'actions' }, buttons) : h('p', { class: 'cannot' }, 'This option cannot be chosen now.'),
  );
}

/** The options, each with every member's stance and reason, what blocks it, and what leverage would cost. */
export function councilScreen(run: Run, onDecide: (option: string, leverage: boolean) => void, outlookHref: string): Screen {
  const { scenario, world } = run;
  const dev = currentDevelopment(scenario, world);
  const views = councilView(scenario, world);
  const heading = h('h2', { tabindex: '-1', id: 'screen-heading' }, `The Council: ${dev.title}`);
  const leaders = scenario.members.filter((c) => world.members[c].status === 'member').map((c) => `${scenario.leaders[c].name} (${scenario.names[c]})`);
  const el = h(
    'section',
    { class: 'screen council', 'aria-labelledby': 'screen-heading' },
    h('p', { class: 'kicker' }, `Decision ${world.decisions.length + 1} · ${dev.date} · ${dev.place}`),
    heading,
    h(
      'p',
      { class: 'lede' },
      `Around the table: ${listText(leaders)}. Choose the alliance's answer. A member who vetoes an option that needs consensus blocks it; Moscow can lean on some members, at a price.`,
    ),
    h(
      'p',
      { class: 'outlook-link' },
      'Weighing the choices? ',
      h('a', { href: outlookHref, 'data-action': 'outlook' }, 'See what tends to happen: each choice played 1,000 times'),
      '.',
    ),
    views.map((view, i) => optionCard(run, view, i, onDecide)),
  );
  const spoken = views.map((v, i) => `Option ${i + 1}: ${v.option.label}. ${verdict(run, v).text}`).join(' ');
  return { el, heading, announcement: `The Council: ${dev.title}. ${views.length} options. ${spoken}` };
}
