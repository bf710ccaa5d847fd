import { ExpressionError } from '../language/ast.ts';
import { compileCondition, compileNumber } from '../language/compile.ts';
import { parseExpression } from '../language/parse.ts';
import { fail, ok, type Result } from '../core/result.ts';
import type { World } from '../core/world.ts';
import type { Scenario } from '../core/scenario.ts';
import { describeExpressionError } from './compile/expressions.ts';
import { scenarioBinding, vocabularyOf } from './compile/vocabulary.ts';

/**
 * An outcome asked of finished runs, in the scenario language: a condition ("AM.status == \"suspended\"")
 * is read as a probability, a number ("AM.loyalty") as a mean.
 */
export type Query = { kind: 'probability'; text: string; test: (w: World) => boolean } | { kind: 'mean'; text: string; read: (w: World) => number };

export function compileQuery(scenario: Scenario, text: string): Result<Query> {
  const binding = scenarioBinding(scenario.params);
  const vocabulary = vocabularyOf(scenario);
  try {
    const tree = parseExpression(text);
    try {
      return ok({ kind: 'mean', text, read: compileNumber(tree, vocabulary, binding) });
    } catch {
      return ok({ kind: 'probability', text, test: compileCondition(tree, vocabulary, binding) });
    }
  } catch (error) {
    if (error instanceof ExpressionError) return fail(describeExpressionError(text, error));
    throw error;
  }
}
