import './class-play.css';
import type { CouncilDeclarations, Declaration } from '../../engine/core/declared.ts';
import { currentDevelopment } from '../../engine/core/development.ts';
import type { MemberCode } from '../../engine/core/world.ts';
import type { Exercise } from '../../engine/play/exercise.ts';
import type { Run } from '../../engine/play/run.ts';
import { councilView, type OptionView } from '../../engine/rules/council.ts';
import { councilGrid } from '../council/council-grid.ts';
import { leaderShortName, STANCE_MARKS, stanceWord } from '../council/stance-text.ts';
import { h, replace } from '../kit/dom.ts';
import type { Screen } from '../kit/screen.ts';
import { classOutcome, waitingFor } from './class-outcome.ts';
import { readDrafts, writeDrafts } from './declaration-drafts.ts';
import { stancePicker } from './stance-picker.ts';

export interface ClassCouncilActions {
  /** The chair's choice, with every declaration the teams made at this Council. */
  decide(option: string, leverage: boolean, declared: CouncilDeclarations): void;
  /** "What tends to happen", or null while the exercise hides forecasts. */
  outlookHref: string | null;
}

/** The members each team speaks for at this Council: those it holds that still sit in the alliance. */
function heldMembers(run: Run, exercise: Exercise): { team: string; members: string[] }[] {
  const seated = (code: MemberCode) => run.scenario.members.includes(code) && run.world.members[code]?.status === 'member';
  return exercise.teams
    .map((t) => ({ team: t.name, members: t.roles.filter((r): r is MemberCode => r !== 'chair').filter(seated) }))
    .filter((t) => t.members.length > 0);
}

function chairTeam(exercise: Exercise): string {
  return exercise.teams.find((t) => t.roles.includes('chair'))?.name ?? 'The chair';
}

/** What the model decides for the members no team holds: they play themselves, as in a solo run. */
function playingThemselves(run: Run, view: OptionView, held: Set<string>): HTMLElement | null {
  const own = view.stances.filter((s) => !held.has(s.member));
  if (!own.length) return null;
  return h(
    'div',
    { class: 'plays-itself' },
    h('p', { class: 'plays-itself-head' }, 'Playing themselves'),
    h(
      'ul',
      null,
      own.map((s) =>
        h(
          'li',
          { 'data-member': s.member, 'data-stance': s.stance },
          h(
            'strong',
            { class: `stance-${s.stance}` },
            h('span', { 'aria-hidden': 'true' }, `${STANCE_MARKS[s.stance]} `),
            `${run.scenario.names[s.member]} ${stanceWord(view, s)}`,
          ),
          ` (${leaderShortName(run, s.member)})`,
        ),
      ),
    ),
  );
}

/**
 * The class's Council on one screen, for the projector: for each option, each team declares the stance of
 * the members it holds, with a sentence of argument; the members no team holds show the model's stance.
 * Each option's outcome follows the declarations as they are made, from the engine. Then the chair's team
 * chooses in the solo Council's grid, showing every stance as declared, and the choice goes to the engine
 * with every declaration.
 */
export function classCouncilScreen(run: Run, exercise: Exercise, slot: string, actions: ClassCouncilActions): Screen {
  const { scenario, world } = run;
  const dev = currentDevelopment(scenario, world);
  const decision = world.decisions.length + 1;
  const declared: CouncilDeclarations = readDrafts(slot, decision);
  const teams = heldMembers(run, exercise);
  const held = new Set(teams.flatMap((t) => t.members));
  const chair = chairTeam(exercise);
  const viewsNow = () => councilView(scenario, world, dev, true, declared);
  let views = viewsNow();

  const outcomes = new Map<string, HTMLElement>();
  const themselves = new Map<string, HTMLElement>();
  const gridBox = h('div', { class: 'class-grid' });
  const onDecide = (option: string, leverage: boolean) => actions.decide(option, leverage, declaredOnly(declared));
  const refresh = () => {
    views = viewsNow();
    for (const view of views) {
      const outcome = classOutcome(run, exercise, view, held);
      const el = outcomes.get(view.option.id);
      if (el && el.dataset.outcome + el.textContent !== outcome.kind + outcome.text) {
        el.className = `class-outcome verdict verdict-${outcome.kind}`;
        el.dataset.outcome = outcome.kind;
        el.textContent = outcome.text;
      }
      const own = themselves.get(view.option.id);
      if (own) replace(own, playingThemselves(run, view, held));
    }
    const grid = councilGrid(run, views, onDecide);
    if (!exercise.settings.showAdvice) hideUndeclared(run, exercise, grid, views, held);
    replace(gridBox, grid);
  };
  const declare = (option: string, member: string, declaration: Declaration | undefined) => {
    const onOption = { ...declared[option] };
    if (declaration) onOption[member] = declaration;
    else delete onOption[member];
    if (Object.keys(onOption).length) declared[option] = onOption;
    else delete declared[option];
    writeDrafts(slot, decision, declared);
    refresh();
  };

  const options = views.map((view, i) => {
    const o = view.option;
    const outcome = classOutcome(run, exercise, view, held);
    const outcomeEl = h('p', { class: `class-outcome verdict verdict-${outcome.kind}`, 'data-outcome': outcome.kind, 'aria-live': 'polite' }, outcome.text);
    outcomes.set(o.id, outcomeEl);
    const own = h('div', { class: 'themselves' }, playingThemselves(run, view, held));
    themselves.set(o.id, own);
    const headingId = `class-option-${o.id}`;
    return h(
      'section',
      { class: 'class-option', 'data-option-card': o.id, 'aria-labelledby': headingId },
      h('h3', { id: headingId }, `${i + 1}. ${o.label}`, o.consensus ? h('span', { class: 'tag consensus' }, 'needs consensus') : null),
      h('p', { class: 'option-description' }, o.description),
      view.available
        ? h(
            'div',
            { class: 'team-declarations' },
            teams.map((t) =>
              h(
                'section',
                { class: 'team', 'aria-label': `${t.team} on ${o.label}`, 'data-team': t.team },
                h('p', { class: 'team-name' }, t.team),
                t.members.map((code) => {
                  const s = view.stances.find((x) => x.member === code);
                  return stancePicker(code, o.id, {
                    memberName: scenario.names[code] ?? code,
                    leaderName: leaderShortName(run, code),
                    optionLabel: o.label,
                    advice: exercise.settings.showAdvice && s ? (s.computed ?? s.stance) : null,
                    declared: declared[o.id]?.[code],
                    onChange: (d) => declare(o.id, code, d),
                  });
                }),
              ),
            ),
          )
        : null,
      own,
      outcomeEl,
    );
  });
  refresh();

  const heading = h('h2', { tabindex: '-1', id: 'screen-heading' }, `The class's Council: ${dev.title}`);
  const el = h(
    'section',
    { class: 'screen council class-council', 'aria-labelledby': 'screen-heading' },
    h('p', { class: 'kicker' }, `Decision ${decision} · ${dev.date} · ${dev.place}`),
    heading,
    h(
      'p',
      { class: 'lede' },
      exercise.settings.showAdvice
        ? 'Each team declares the stance of the members it holds on every option, and may give its argument in a sentence. Until a team declares, its member takes the model’s stance. One veto blocks a consensus option.'
        : 'Each team declares the stance of the members it holds on every option, and may give its argument in a sentence. An option’s outcome shows once every team has declared on it. One veto blocks a consensus option.',
    ),
    h('div', { class: 'class-options' }, options),
    h(
      'section',
      { class: 'chair-chooses', 'aria-labelledby': 'chair-heading' },
      h('h3', { id: 'chair-heading' }, `${chair} chooses`),
      h(
        'p',
        null,
        'Every stance as declared, with the outcome of each option. The chair takes one that passes, or uses Moscow’s leverage where it can carry one.',
      ),
      gridBox,
    ),
    actions.outlookHref
      ? h(
          'p',
          { class: 'outlook-link' },
          'Weighing the choices? ',
          h('a', { href: actions.outlookHref, 'data-action': 'outlook' }, 'See what tends to happen: each choice played 1,000 times'),
          '.',
        )
      : null,
  );
  const who = teams.map((t) => `${t.team} speaks for ${t.members.map((c) => scenario.names[c]).join(' and ')}`).join('. ');
  return {
    el,
    heading,
    announcement: `The class's Council: ${dev.title}. ${views.length} options. ${who}. Then ${chair} chooses.`,
    wide: true,
  };
}

/**
 * Without advice, a team does not see the model's stance for its member before declaring: in the chair's
 * grid, a held member nobody has declared for yet shows "not declared", not the model's stance, and an
 * option waiting for a declaration shows neither its outcome, nor its details (the model's numbers), nor
 * its Choose buttons, any of which would say what the model thinks.
 */
export function hideUndeclared(run: Run, exercise: Exercise, grid: HTMLElement, views: OptionView[], held: Set<string>): void {
  for (const view of views) {
    if (waitingFor(run, exercise, view, held).length > 0) {
      const card = grid.querySelector(`[data-option-card="${view.option.id}"]`);
      // Its colour, too, would say whether it passes.
      if (card) card.className = 'option option-closed';
      card?.querySelector('.details-toggle')?.remove();
      card?.querySelector('tr.option-details')?.remove();
      const outcome = card?.querySelector('td.outcome');
      if (outcome) {
        outcome.className = 'outcome outcome-closed';
        replace(outcome, h('span', { class: 'outcome-word' }, 'waiting for declarations'));
      }
    }
    for (const s of view.stances) {
      if (!held.has(s.member) || s.declared) continue;
      const card = grid.querySelector(`[data-option-card="${view.option.id}"]`);
      const cell = card?.querySelector(`td.stance[data-member="${s.member}"]`);
      if (cell) {
        cell.className = 'stance undeclared';
        cell.setAttribute('data-stance', 'undeclared');
        replace(cell, h('span', { class: 'word' }, 'not declared'));
      }
      const voice = card?.querySelector(`.voices li[data-member="${s.member}"]`);
      if (voice) {
        voice.setAttribute('data-stance', 'undeclared');
        replace(voice, h('strong', null, nameOf(cell)), ': not declared yet.');
      }
    }
  }
}

function nameOf(cell: Element | null | undefined): string {
  return cell?.getAttribute('data-name') ?? '';
}

/** The declarations with nothing empty in them, as the record keeps them. */
function declaredOnly(declared: CouncilDeclarations): CouncilDeclarations {
  const kept: CouncilDeclarations = {};
  for (const [option, onOption] of Object.entries(declared)) if (onOption && Object.keys(onOption).length) kept[option] = onOption;
  return kept;
}
