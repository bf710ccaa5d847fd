import type { Binding, Vocabulary } from '../../language/compile.ts';
import { cohesion } from '../../rules/cohesion.ts';
import type { MemberCode } from '../../core/world.ts';
import type { Parameters, Scenario } from '../../core/scenario.ts';
import type { RulesFile, ScenarioFile } from '../format/schema.ts';

/** The names a scenario file's expressions may use: its members, variables, reactions (standing ones first), options and developments. */
export function fileVocabulary(file: ScenarioFile, rules: RulesFile, members: readonly MemberCode[]): Vocabulary {
  return {
    members,
    variables: (file.variables ?? []).map((v) => v.id),
    reactions: [...rules.reactions.map((r) => r.id), ...(file.reactions ?? []).map((r) => r.id)],
    options: file.developments.flatMap((d) => d.options.map((o) => o.id)),
    developments: file.developments.map((d) => d.id),
    allowSelf: false,
  };
}

/** The names a compiled scenario or campaign knows, for conditions written after loading (queries, endings of a campaign). */
export function vocabularyOf(scenario: Pick<Scenario, 'members' | 'variables' | 'reactions' | 'order' | 'developments'>): Vocabulary {
  return {
    members: scenario.members,
    variables: scenario.variables.map((v) => v.id),
    reactions: [...new Set(scenario.reactions.map((r) => r.id))],
    options: scenario.order.flatMap((d) => scenario.developments[d]?.options.map((o) => o.id) ?? []),
    developments: scenario.order,
    allowSelf: false,
  };
}

export function scenarioBinding(params: Parameters): Binding {
  return { cohesion: (w) => cohesion(w, params.cohesion) };
}
