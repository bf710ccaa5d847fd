import '../class-play/class-play.css';
import './live.css';
import type { CouncilDeclarations, Declaration } from '../../engine/core/declared.ts';
import { currentDevelopment } from '../../engine/core/development.ts';
import type { Scenario } from '../../engine/core/scenario.ts';
import type { MemberCode } from '../../engine/core/world.ts';
import { type TableAction, type TableState, tableRun } from '../../engine/play/class-table.ts';
import type { Exercise } from '../../engine/play/exercise.ts';
import type { Run } from '../../engine/play/run.ts';
import { councilView, type OptionView } from '../../engine/rules/council.ts';
import { classOutcome } from '../class-play/class-outcome.ts';
import { hideUndeclared } from '../class-play/class-council-screen.ts';
import { stancePicker } from '../class-play/stance-picker.ts';
import { councilGrid } from '../council/council-grid.ts';
import { leaderShortName, STANCE_MARKS } from '../council/stance-text.ts';
import { announce } from '../kit/announce.ts';
import { h, replace } from '../kit/dom.ts';
import type { Screen } from '../kit/screen.ts';
import { DeclarationSender, type Outgoing, UNANSWERED } from './declaration-sender.ts';
import { NO_ANSWER } from './no-answer.ts';

export type Act = (action: TableAction) => Promise<string | null>;

export interface LiveCouncilSpec {
  scenario: Scenario;
  exercise: Exercise;
  state: TableState;
  /** The team at this laptop, or null for the teacher, who declares for any team and chooses ("take over"). */
  team: number | null;
  act: Act;
  /** Where what is not yet sent is kept across a reload: read once as the Council opens, written as it changes. */
  keep?: { read(): Outgoing[]; write(unsent: Outgoing[]): void };
}

export interface LiveCouncil extends Screen {
  /** The table's newer state: the declarations that arrived, each option's outcome. What is being typed here stays. */
  update(state: TableState): void;
  /** Sends again what could not be sent while the line was down. */
  flush(): void;
}

interface HeldTeam {
  index: number;
  name: string;
  members: MemberCode[];
}

/** The teams holding members that still sit at the Council, each with those members. */
function heldTeams(run: Run, exercise: Exercise): HeldTeam[] {
  const seated = (code: MemberCode) => run.scenario.members.includes(code) && run.world.members[code]?.status === 'member';
  return exercise.teams
    .map((t, index) => ({ index, name: t.name, members: t.roles.filter((r): r is MemberCode => r !== 'chair').filter(seated) }))
    .filter((t) => t.members.length > 0);
}

function chairIndex(exercise: Exercise): number | null {
  const i = exercise.teams.findIndex((t) => t.roles.includes('chair'));
  return i < 0 ? null : i;
}

/** Another team's declarations on an option, as they arrive: its stance and argument, or that it has not declared yet. */
function declaredLines(run: Run, team: HeldTeam, option: string, drafts: CouncilDeclarations): HTMLElement {
  return h(
    'ul',
    { class: 'declared-lines' },
    team.members.map((code) => {
      const said = drafts[option]?.[code];
      const name = run.scenario.names[code] ?? code;
      if (!said) return h('li', { 'data-member': code, 'data-stance': 'undeclared' }, h('strong', null, name), ': not declared yet.');
      return h(
        'li',
        { 'data-member': code, 'data-stance': said.stance },
        h('strong', { class: `stance-${said.stance}` }, h('span', { 'aria-hidden': 'true' }, `${STANCE_MARKS[said.stance]} `), `${name} ${said.stance}`),
        said.argument ? h('span', { class: 'argument' }, `: “${said.argument}”`) : '.',
      );
    }),
  );
}

/**
 * A live table's Council, on one laptop. A team declares its own members' stances on each option, each sent
 * as it changes (arguments after a pause in typing), and sees the other teams' declarations as they arrive.
 * The chair's team sees every declaration and each option's outcome as the class's Council gives it, and
 * chooses in the solo Council's grid; a choice the rules refuse says why. The teacher taking over does both,
 * for every team. The world is the engine's, rebuilt from the table's record; only choices are sent.
 */
export function liveCouncil(spec: LiveCouncilSpec): LiveCouncil {
  const { scenario, exercise, team } = spec;
  let state = spec.state;
  const run = tableRun(scenario, state);
  const { world } = run;
  const dev = currentDevelopment(scenario, world);
  const teams = heldTeams(run, exercise);
  const held = new Set<string>(teams.flatMap((t) => t.members));
  const chair = chairIndex(exercise);
  const chooses = team === null || team === chair;
  const mine = (t: HeldTeam) => team === null || t.index === team;
  const views = (): OptionView[] => councilView(scenario, world, dev, true, state.drafts);

  const refusal = h('p', { class: 'live-refusal', role: 'alert', 'data-refusal': '' });
  const sender = new DeclarationSender(
    async (o: Outgoing) => {
      const refused = await spec.act({ type: 'declare', option: o.option, member: o.member as MemberCode, declaration: o.declaration });
      return refused === NO_ANSWER ? UNANSWERED : refused;
    },
    (text) => {
      refusal.textContent = text;
    },
    600,
    (unsent) => spec.keep?.write(unsent),
  );
  /** What this laptop declared and the server never confirmed, before a reload: shown, and sent again. */
  const kept = (spec.keep?.read() ?? []).filter((o) => teams.some((t) => mine(t) && t.members.includes(o.member as MemberCode)));
  const keptAt = new Map(kept.map((o) => [`${o.option}/${o.member}`, o.declaration ?? undefined]));
  const localOr = (option: string, code: string) => {
    const key = `${option}/${code}`;
    return keptAt.has(key) ? keptAt.get(key) : state.drafts[option]?.[code];
  };

  /** The pickers of the members this laptop speaks for, by option and member, with what each last showed. */
  const pickers = new Map<string, { box: HTMLElement; shown: string }>();
  const others = new Map<string, HTMLElement>();
  const outcomes = new Map<string, HTMLElement>();
  const gridBox = h('div', { class: 'class-grid' });

  const pickerFor = (option: string, optionLabel: string, code: MemberCode, advice: OptionView['stances'][number] | undefined): HTMLElement => {
    const declared = localOr(option, code);
    let lastStance = declared?.stance ?? null;
    return stancePicker(code, option, {
      memberName: scenario.names[code] ?? code,
      leaderName: leaderShortName(run, code),
      optionLabel,
      advice: exercise.settings.showAdvice && advice ? (advice.computed ?? advice.stance) : null,
      declared,
      onChange: (d: Declaration | undefined) => {
        const entry = pickers.get(`${option}/${code}`);
        if (entry) entry.shown = JSON.stringify(d ?? null);
        const typing = (d?.stance ?? null) === lastStance;
        lastStance = d?.stance ?? null;
        refusal.textContent = '';
        sender.change({ option, member: code, declaration: d ?? null }, typing);
      },
    });
  };

  const onDecide = (option: string, leverage: boolean) => {
    refusal.textContent = '';
    void spec.act({ type: 'choose', option, leverage }).then((refused) => {
      if (refused) {
        refusal.textContent = refused;
        announce(refused);
      }
    });
  };

  /** Each picker shows what the server holds, unless this laptop is typing in it or has not sent it yet. */
  const syncPickers = (now: OptionView[]) => {
    for (const [key, entry] of pickers) {
      const [option = '', member = ''] = key.split('/');
      const server = JSON.stringify(state.drafts[option]?.[member] ?? null);
      // What the server holds came from another laptop of the same team (or the teacher): shown, unless this one is being typed in.
      if (server === entry.shown || sender.busy(option, member) || entry.box.contains(document.activeElement)) continue;
      const view = now.find((v) => v.option.id === option);
      const fresh = pickerFor(
        option,
        view?.option.label ?? option,
        member as MemberCode,
        view?.stances.find((s) => s.member === member),
      );
      entry.box.replaceChildren(fresh);
      entry.shown = server;
    }
  };

  const refresh = () => {
    const now = views();
    for (const view of now) {
      const id = view.option.id;
      const outcomeEl = outcomes.get(id);
      if (outcomeEl) {
        const outcome = classOutcome(run, exercise, view, held);
        if (outcomeEl.dataset.outcome + (outcomeEl.textContent ?? '') !== outcome.kind + outcome.text) {
          outcomeEl.className = `class-outcome verdict verdict-${outcome.kind}`;
          outcomeEl.dataset.outcome = outcome.kind;
          outcomeEl.textContent = outcome.text;
        }
      }
      for (const t of teams) {
        const box = others.get(`${id}/${t.index}`);
        if (box) replace(box, declaredLines(run, t, id, state.drafts));
      }
    }
    syncPickers(now);
    if (chooses) {
      const grid = councilGrid(run, now, onDecide);
      if (!exercise.settings.showAdvice) hideUndeclared(run, exercise, grid, now, held);
      replace(gridBox, grid);
    }
  };

  // A team's own members come first on its laptop, the others' declarations beside them.
  const shownOrder = team === null ? teams : [...teams.filter(mine), ...teams.filter((t) => !mine(t))];
  const options = views().map((view, i) => {
    const o = view.option;
    const headingId = `live-option-${o.id}`;
    const teamBlocks = view.available
      ? shownOrder.map((t) => {
          const content = mine(t)
            ? t.members.map((code) => {
                const box = h(
                  'div',
                  { class: 'picker-box' },
                  pickerFor(
                    o.id,
                    o.label,
                    code,
                    view.stances.find((s) => s.member === code),
                  ),
                );
                pickers.set(`${o.id}/${code}`, { box, shown: JSON.stringify(localOr(o.id, code) ?? null) });
                // Left, a picker catches up with what a teammate's laptop declared meanwhile.
                box.addEventListener('focusout', () => setTimeout(() => syncPickers(views()), 0));
                return box;
              })
            : (() => {
                const box = h('div', { class: 'others-said' }, declaredLines(run, t, o.id, state.drafts));
                others.set(`${o.id}/${t.index}`, box);
                return box;
              })();
          return h(
            'section',
            { class: `team${mine(t) ? ' own-team' : ''}`, 'aria-label': `${t.name} on ${o.label}`, 'data-team': t.name },
            h('p', { class: 'team-name' }, mine(t) && team !== null ? `${t.name} (your team)` : t.name),
            content,
          );
        })
      : [h('p', { class: 'muted' }, 'Not open to the Council at this moment.')];
    let outcomeEl: HTMLElement | null = null;
    if (chooses) {
      outcomeEl = h('p', { class: 'class-outcome', 'aria-live': 'polite' });
      outcomes.set(o.id, outcomeEl);
    }
    return h(
      'section',
      { class: 'class-option', 'data-option-card': o.id, 'aria-labelledby': headingId },
      h('h3', { id: headingId }, `${i + 1}. ${o.label}`, o.consensus ? h('span', { class: 'tag consensus' }, 'needs consensus') : null),
      h('p', { class: 'option-description' }, o.description),
      h('div', { class: 'team-declarations' }, teamBlocks),
      outcomeEl,
    );
  });
  for (const o of kept) sender.change(o, false);
  keptAt.clear();
  refresh();

  const chairName = chair === null ? 'The chair' : (exercise.teams[chair]?.name ?? 'The chair');
  const decision = world.decisions.length + 1;
  const heading = h('h2', { tabindex: '-1', id: 'screen-heading' }, `The Council: ${dev.title}`);
  const ownMembers = team === null ? [] : teams.filter((t) => t.index === team).flatMap((t) => t.members);
  const lede =
    team === null
      ? 'You are at this table as the teacher: declare for any team that is missing, and choose for the chair if its team cannot.'
      : ownMembers.length
        ? `Declare ${ownMembers.map((c) => scenario.names[c]).join(' and ')}’s stance on every option, with a sentence of argument if you like. Each declaration goes to the table as you make it. One veto blocks a consensus option.`
        : chooses
          ? 'Every team’s declarations arrive here as they are made, and each option’s outcome follows them. Once the teams have declared, choose below.'
          : 'Every team’s declarations arrive here as they are made.';
  const el = h(
    'section',
    { class: 'screen council class-council live-council', 'aria-labelledby': 'screen-heading', 'data-chooser': chooses ? 'yes' : 'no' },
    h('p', { class: 'kicker' }, `Decision ${decision} · ${dev.date} · ${dev.place}`),
    heading,
    h('p', { class: 'lede' }, lede),
    refusal,
    h('div', { class: 'class-options' }, options),
    chooses
      ? h(
          'section',
          { class: 'chair-chooses', 'aria-labelledby': 'chair-heading' },
          h('h3', { id: 'chair-heading' }, team === null ? `Choose for ${chairName}` : 'Your choice'),
          h('p', null, 'Every stance as declared, with the outcome of each option. Take one that passes, or use Moscow’s leverage where it can carry one.'),
          gridBox,
        )
      : h('p', { class: 'chair-waits' }, `${chairName} chooses once the teams have declared.`),
  );
  return {
    el,
    heading,
    announcement: `The Council: ${dev.title}. ${views().length} options. ${lede}`,
    wide: true,
    update(next: TableState) {
      state = next;
      refresh();
    },
    flush: () => sender.flush(),
    dispose: () => sender.stop(),
  };
}
