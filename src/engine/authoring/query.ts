import { ExpressionError } from '../language/ast.ts';
import { compileExpression, type Binding, type Vocabulary } from '../language/compile.ts';
import { parseExpression } from '../language/parse.ts';
import { cohesion } from '../rules/cohesion.ts';
import { fail, ok, type Result } from '../core/result.ts';
import type { World } from '../core/world.ts';
import type { Scenario } from '../core/scenario.ts';

/**
 * An outcome asked of finished runs, in the scenario language: a condition ("AM.status == \"suspended\"")
 * is read as a probability, a number ("AM.loyalty") as a mean.
 */
export type Query = { kind: 'probability'; text: string; test: (w: World) => boolean } | { kind: 'mean'; text: string; read: (w: World) => number };

export function vocabularyOf(scenario: Scenario): Vocabulary {
  return {
    members: scenario.members,
    variables: scenario.variables.map((v) => v.id),
    reactions: [...new Set(scenario.reactions.map((r) => r.id))],
    options: scenario.order.flatMap((d) => scenario.developments[d].options.map((o) => o.id)),
    developments: scenario.order,
    allowSelf: false,
  };
}

export function compileQuery(scenario: Scenario, text: string): Result<Query> {
  const binding: Binding = { cohesion: (w) => cohesion(w, scenario.params.cohesion) };
  const vocabulary = vocabularyOf(scenario);
  try {
    const tree = parseExpression(text);
    try {
      return ok({ kind: 'mean', text, read: compileExpression(tree, vocabulary, binding, 'number') as (w: World) => number });
    } catch {
      return ok({ kind: 'probability', text, test: compileExpression(tree, vocabulary, binding, 'boolean') as (w: World) => boolean });
    }
  } catch (error) {
    if (error instanceof ExpressionError) return fail(`${error.message} (in "${text}" at character ${error.at + 1})`);
    throw error;
  }
}
