import { ExpressionError, type Expr } from '../../language/ast.ts';
import { parseExpression } from '../../language/parse.ts';
import { ALLIANCE_FIELDS, MEMBER_FIELDS, memberSlot, valueIndex } from '../../core/world.ts';
import type { Target } from '../../core/scenario.ts';
import { canonical } from './canonical.ts';
import type { Path } from './places.ts';
import { report, type Scope } from './scope.ts';

/** What an effect's `change:` names, resolved once: a member's value or status, an alliance value, or a variable. */
export function targetAt(scope: Scope, change: string, path: Path): Target | null {
  const fail = (message: string) => {
    report(scope, path, message);
    return null;
  };
  let tree: Expr;
  try {
    tree = parseExpression(change);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    return fail(`${error.message} (in "${change}")`);
  }
  if (tree.kind !== 'ref') return fail(`'${change}' is not a value that can change`);
  if (tree.scope !== null) return memberTarget(scope, tree.scope, tree.name, fail);
  if (tree.name === 'cohesion') return fail('cohesion is derived from loyalty and credibility, never changed directly');
  const field = canonical(ALLIANCE_FIELDS, tree.name);
  if (field) return { key: field, kind: 'alliance', field, min: 0, max: 100 };
  const variable = scope.variables.find((v) => v.id === tree.name);
  if (variable) return { key: variable.id, kind: 'variable', field: variable.id, min: variable.min, max: variable.max };
  return fail(`unknown value '${change}' (a member value like AM.loyalty, ${ALLIANCE_FIELDS.join(', ')}, or a declared variable)`);
}

function memberTarget(scope: Scope, written: string, value: string, fail: (message: string) => null): Target | null {
  const name = written === 'self' ? scope.binding.self : written;
  if (written === 'self' && !scope.vocabulary.allowSelf) return fail("'self' is only allowed in rules that apply to every member");
  const member = name === undefined ? undefined : canonical(scope.members, name);
  if (!member) return fail(`unknown member '${written}'`);
  const slot = memberSlot(member);
  if (value === 'status') return { key: `${member}.status`, kind: 'status', member, slot, field: 'status', min: 0, max: 0 };
  const field = canonical(MEMBER_FIELDS, value);
  if (!field) return fail(`unknown member value '${value}' (one of ${[...MEMBER_FIELDS, 'status'].join(', ')})`);
  return { key: `${member}.${field}`, kind: 'member', member, slot, field, index: valueIndex(slot, field), min: 0, max: 100 };
}
