import type { Leader, Scenario } from '../../engine/core/scenario.ts';
import { type HistoricalDecision, historicalDecisions, leadersAtStart } from '../../engine/play/class-brief.ts';
import { type Exercise, isClassDecision, type Role } from '../../engine/play/exercise.ts';
import { h } from '../kit/dom.ts';
import { flagUrl } from '../members/flags.ts';

/** What every printable of an exercise reads: the exercise, its scenario, and the engine's facts for it. */
export interface PrintContext {
  exercise: Exercise;
  scenario: Scenario;
  /** The historical path's decisions on the exercise's seed. */
  decisions: HistoricalDecision[];
  /** Those the class takes. */
  classDecisions: HistoricalDecision[];
  leaders: Record<string, Leader>;
}

export function printContext(exercise: Exercise, scenario: Scenario): PrintContext {
  const decisions = historicalDecisions(scenario, exercise.seed);
  return {
    exercise,
    scenario,
    decisions,
    classDecisions: decisions.filter((d) => isClassDecision(exercise, d.development.id)),
    leaders: leadersAtStart(scenario),
  };
}

export function exerciseTitle(c: PrintContext): string {
  return c.exercise.title || c.scenario.title;
}

/** The date the scenario opens on: its first development's. */
export function startDate(scenario: Scenario): string {
  return scenario.developments[scenario.start]?.date ?? String(scenario.era);
}

export function teamName(c: PrintContext, role: Role): string | null {
  return c.exercise.teams.find((t) => t.roles.includes(role))?.name ?? null;
}

export function leaderText(c: PrintContext, member: string): string {
  const leader = c.leaders[member];
  return leader ? `${leader.title} ${leader.name}` : '';
}

/** A member's flag beside its name: decorative, since the name says the same. */
export function flag(member: string, size: 'small' | 'large' = 'small'): HTMLElement | null {
  const url = flagUrl(member);
  return url ? h('img', { class: `flag flag-${size}`, src: url, alt: '', width: size === 'large' ? 64 : 32, height: size === 'large' ? 48 : 24 }) : null;
}
