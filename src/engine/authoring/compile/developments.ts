import type { Branch, Development, Option, Scenario } from '../../core/scenario.ts';
import type { BranchSpec, DevelopmentSpec, OptionSpec } from '../format/schema.ts';
import { calendarMonth } from '../../core/calendar.ts';
import { effectsAt } from './effects.ts';
import { conditionAt } from './expressions.ts';
import type { Path } from './places.ts';
import { checkMember, report, type Scope } from './scope.ts';

type Adversary = Scenario['adversary'];

/** The developments by id, each with its options, their branches and effects. */
export function developmentsAt(scope: Scope, specs: DevelopmentSpec[], adversary: Adversary): Record<string, Development> {
  const ids = specs.map((d) => d.id);
  const developments: Record<string, Development> = {};
  specs.forEach((d, di) => {
    developments[d.id] = developmentAt(scope, d, ['developments', di], ids, adversary);
  });
  // Drift runs by the gaps between dates: an undated development among dated ones has no gap to measure.
  const dated = specs.filter((d) => d.time !== undefined);
  if (dated.length > 0 && dated.length < specs.length) {
    const di = specs.findIndex((d) => d.time === undefined);
    report(
      scope,
      ['developments', di],
      `date every development with time: or none (${dated.map((d) => d.id).join(', ')} ${dated.length === 1 ? 'is' : 'are'} dated): drift runs by the gaps between them`,
    );
  }
  return developments;
}

function developmentAt(scope: Scope, d: DevelopmentSpec, path: Path, ids: string[], adversary: Adversary): Development {
  if (d.location) checkMember(scope, d.location, [...path, 'location']);
  const options = d.options.map((o, oi) => optionAt(scope, o, [...path, 'options', oi], ids, adversary));
  // A way out: at least one option needs no consensus and has no precondition, so no development can trap a run.
  if (!d.options.some((o) => !o.consensus && o.requires === undefined)) {
    report(scope, [...path, 'options'], 'every development needs at least one option without consensus and without requires, so the Council can always act');
  }
  if (d.options.filter((o) => o.historical).length > 1) report(scope, [...path, 'options'], 'at most one option may be historical');
  return {
    id: d.id,
    title: d.title,
    date: d.date,
    month: d.time === undefined ? null : calendarMonth(d.time),
    place: d.place,
    location: d.location ?? null,
    briefing: d.briefing,
    recalls: (d.recalls ?? []).flatMap((r, ri) => {
      const when = conditionAt(scope, r.when, [...path, 'recalls', ri, 'when']);
      return when ? [{ when, text: r.text, fromCampaign: false }] : [];
    }),
    quotes: d.quotes ?? [],
    effects: effectsAt(scope, d.effects, [...path, 'effects'], `${d.id}.`),
    history: d.history,
    occasions: d.occasions ?? [],
    options,
  };
}

function optionAt(scope: Scope, o: OptionSpec, path: Path, ids: string[], adversary: Adversary): Option {
  for (const code of Object.keys(o.stances ?? {})) checkMember(scope, code, [...path, 'stances'], code);
  const next = typeof o.next === 'string' ? [directly(scope, o.next, [...path, 'next'], ids)] : branchesAt(scope, o.next, [...path, 'next'], ids);
  return {
    id: o.id,
    label: o.label,
    description: o.description,
    historical: o.historical ?? false,
    consensus: o.consensus ?? false,
    intervention: o.intervention ?? 0,
    confrontsAdversary: o.confrontsAdversary ?? 0,
    russianEffort: o.russianEffort ?? 0,
    requires: conditionAt(scope, o.requires, [...path, 'requires']),
    adversary,
    stances: Object.fromEntries(
      Object.entries(o.stances ?? {}).flatMap(([code, s]) =>
        s ? [[code, { interest: s.interest, reason: s.reason, source: s.source, assumption: s.assumption }]] : [],
      ),
    ),
    effects: effectsAt(scope, o.effects, [...path, 'effects'], `${o.id}.`),
    next,
    source: o.source,
    assumption: o.assumption,
  };
}

function checkGoto(scope: Scope, goto: string, path: Path, ids: string[]): void {
  if (goto !== 'end' && !ids.includes(goto)) report(scope, path, `no development '${goto}' (known: ${[...ids, 'end'].join(', ')})`);
}

function directly(scope: Scope, goto: string, path: Path, ids: string[]): Branch {
  checkGoto(scope, goto, path, ids);
  return { when: null, chance: null, goto };
}

function branchesAt(scope: Scope, specs: BranchSpec[], path: Path, ids: string[]): Branch[] {
  const branches = specs.map((b, bi) => {
    checkGoto(scope, b.goto, [...path, bi, 'goto'], ids);
    return { when: conditionAt(scope, b.when, [...path, bi, 'when']), chance: b.chance ?? null, goto: b.goto };
  });
  const last = specs[specs.length - 1];
  if (last && (last.when !== undefined || last.chance !== undefined)) {
    report(scope, [...path, specs.length - 1], 'the last branch must have no when or chance, so there is always a way on');
  }
  return branches;
}
