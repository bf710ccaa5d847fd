import { ExpressionError, type Expr } from '../../language/ast.ts';
import { compileCondition, compileNumber } from '../../language/compile.ts';
import { parseExpression } from '../../language/parse.ts';
import type { World } from '../../core/world.ts';
import type { Condition } from '../../core/scenario.ts';
import type { Path } from './places.ts';
import type { Scope } from './scope.ts';

export interface Compiled<T> {
  fn: (w: World) => T;
  tree: Expr;
}

/** An expression's problem as a sentence: what is wrong, in which text, at which character. */
export function describeExpressionError(text: string, error: ExpressionError): string {
  return `${error.message} (in "${text}" at character ${error.at + 1})`;
}

/** Parsed and compiled with the names of `scope`; null, with the problem reported, when it does not compile. */
export function compileAt(scope: Scope, text: string | number, path: Path, type: 'number'): Compiled<number> | null;
export function compileAt(scope: Scope, text: string | number, path: Path, type: 'boolean'): Compiled<boolean> | null;
export function compileAt(scope: Scope, text: string | number, path: Path, type: 'number' | 'boolean'): Compiled<number> | Compiled<boolean> | null {
  if (typeof text === 'number') return { fn: () => text, tree: { kind: 'number', value: text, at: 0 } };
  try {
    const tree = parseExpression(text);
    if (type === 'number') return { fn: compileNumber(tree, scope.vocabulary, scope.binding), tree };
    return { fn: compileCondition(tree, scope.vocabulary, scope.binding), tree };
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    // On a one-line value the column points at the offending character itself.
    scope.problems.push(scope.places.problemWithin(path, describeExpressionError(text, error), error.at));
    return null;
  }
}

/** A condition that is not written is null; one that does not compile is reported and never holds. */
export function conditionAt(scope: Scope, text: string | undefined, path: Path): Condition | null {
  return text === undefined ? null : (compileAt(scope, text, path, 'boolean')?.fn ?? (() => false));
}
