import { ALLIANCE_FIELDS, MEMBER_FIELDS, STATUSES, memberSlot, statusAt, valueIndex, type MemberCode, type World } from '../core/world.ts';
import { ExpressionError, type Expr, type ValueType } from './ast.ts';
import { compileCall, type CallContext } from './calls.ts';
import { compileBinary, compileUnary } from './operators.ts';
import type { ConditionFn, Fn, NumberFn, Typed } from './typed.ts';

/** The names a scenario's expressions may use: only these, checked before anything runs. */
export interface Vocabulary {
  members: readonly MemberCode[];
  variables: readonly string[];
  reactions: readonly string[];
  options: readonly string[];
  developments: readonly string[];
  /** Whether `self.loyalty` etc. may be used (in standing rules that apply to each member). */
  allowSelf: boolean;
}

export interface Binding {
  /** The member `self` stands for, in rules applied member by member. */
  self?: MemberCode;
  cohesion: (world: World) => number;
}

/** Values read by alliance-wide names that are not stored but counted. */
const COUNTS: Record<string, (w: World) => number> = {
  turn: (w) => w.turn,
  activeMembers: (w) => countStatus(w, 'member'),
  suspendedMembers: (w) => countStatus(w, 'suspended'),
  withdrawnMembers: (w) => countStatus(w, 'withdrawn'),
};

function countStatus(w: World, status: string): number {
  let n = 0;
  for (const s of w.statuses) if (s === status) n++;
  return n;
}

/** Checks names and types and turns the tree into a closure. Throws ExpressionError with the offending offset. */
export function compileExpression(expr: Expr, vocabulary: Vocabulary, binding: Binding, expected: ValueType): Fn {
  const typed = compileNode(expr, vocabulary, binding);
  if (typed.type !== expected) {
    throw new ExpressionError(`expected a ${expected === 'boolean' ? 'condition' : expected} but this is a ${typed.type}`, expr.at);
  }
  return typed.fn;
}

/** compileExpression for a number: the closure typed as one. */
export function compileNumber(expr: Expr, vocabulary: Vocabulary, binding: Binding): NumberFn {
  const typed = compileNode(expr, vocabulary, binding);
  if (typed.type !== 'number') throw new ExpressionError(`expected a number but this is a ${typed.type}`, expr.at);
  return typed.fn;
}

/** compileExpression for a condition: the closure typed as one. */
export function compileCondition(expr: Expr, vocabulary: Vocabulary, binding: Binding): ConditionFn {
  const typed = compileNode(expr, vocabulary, binding);
  if (typed.type !== 'boolean') throw new ExpressionError(`expected a condition but this is a ${typed.type}`, expr.at);
  return typed.fn;
}

function memberOf(scope: string, at: number, vocabulary: Vocabulary, binding: Binding): MemberCode {
  if (scope === 'self') {
    if (!vocabulary.allowSelf) throw new ExpressionError("'self' is only allowed in rules that apply to every member", at);
    if (binding.self === undefined) throw new ExpressionError("'self' stands for no member here", at);
    return binding.self;
  }
  const code = vocabulary.members.find((m) => m === scope);
  if (code === undefined) {
    throw new ExpressionError(`unknown member '${scope}' (this scenario has ${vocabulary.members.join(', ')})`, at);
  }
  return code;
}

/** The key of a value as the change log and explain() name it, e.g. `AM.loyalty` or `credibility`. */
export function valueKey(expr: Expr & { kind: 'ref' }, binding: Binding): string {
  const scope = expr.scope === 'self' ? (binding.self ?? 'self') : expr.scope;
  return scope ? `${scope}.${expr.name}` : expr.name;
}

/** A member's value, read where the World keeps it by slot and field (see World.values). */
function memberValue(index: number): (w: World) => number {
  return (w) => w.values[index] as number;
}

function compileRef(expr: Expr & { kind: 'ref' }, vocabulary: Vocabulary, binding: Binding): Typed {
  if (expr.scope !== null) return compileMemberRef(expr, memberOf(expr.scope, expr.at, vocabulary, binding));
  const name = expr.name;
  if (name === 'cohesion') return { type: 'number', fn: binding.cohesion };
  if (name === 'credibility') return { type: 'number', fn: (w) => w.credibility };
  if (name === 'moscowBandwidth') return { type: 'number', fn: (w) => w.moscowBandwidth };
  // Own names only: `constructor` or `toString` must not reach Object.prototype.
  const count = Object.hasOwn(COUNTS, name) ? COUNTS[name] : undefined;
  if (count) return { type: 'number', fn: count };
  // A variable not yet set reads as NaN, as a missing one always has: false in every comparison, refused by effects.
  if (vocabulary.variables.includes(name)) return { type: 'number', fn: (w) => w.vars[name] ?? NaN };
  if (vocabulary.members.some((m) => m === name)) {
    throw new ExpressionError(`'${name}' is a member: name one of its values, as in ${name}.loyalty`, expr.at);
  }
  const known = ['cohesion', ...ALLIANCE_FIELDS, ...Object.keys(COUNTS), ...vocabulary.variables];
  throw new ExpressionError(`unknown name '${name}' (known: ${known.join(', ')})`, expr.at);
}

function compileMemberRef(expr: Expr & { kind: 'ref' }, code: MemberCode): Typed {
  if (expr.name === 'status') {
    const slot = memberSlot(code);
    return { type: 'status', fn: (w) => statusAt(w, slot) };
  }
  const field = MEMBER_FIELDS.find((f) => f === expr.name);
  if (field === undefined) {
    throw new ExpressionError(`unknown member value '${expr.name}' (one of ${[...MEMBER_FIELDS, 'status'].join(', ')})`, expr.at);
  }
  const index = valueIndex(memberSlot(code), field);
  return { type: 'number', fn: memberValue(index), member: { index } };
}

function compileNode(expr: Expr, vocabulary: Vocabulary, binding: Binding): Typed {
  switch (expr.kind) {
    case 'number': {
      const v = expr.value;
      return { type: 'number', fn: () => v };
    }
    case 'string': {
      if (!STATUSES.some((s) => s === expr.value)) {
        throw new ExpressionError(`the only strings are statuses: ${STATUSES.join(', ')}`, expr.at);
      }
      const v = expr.value;
      return { type: 'status', fn: () => v };
    }
    case 'ref':
      return compileRef(expr, vocabulary, binding);
    case 'call':
      return compileCall(expr, callContext(vocabulary, binding));
    case 'unary':
      return compileUnary(expr, compileNode(expr.operand, vocabulary, binding));
    case 'binary': {
      const left = compileNode(expr.left, vocabulary, binding);
      return compileBinary(expr, left, compileNode(expr.right, vocabulary, binding));
    }
  }
}

function callContext(vocabulary: Vocabulary, binding: Binding): CallContext {
  return {
    vocabulary,
    node: (expr) => compileNode(expr, vocabulary, binding),
    ref: (expr) => compileRef(expr, vocabulary, binding),
    member: (scope, at) => memberOf(scope, at, vocabulary, binding),
    key: (expr) => valueKey(expr, binding),
  };
}

/** The value keys an expression reads, so a rule that fires can cite the changes that made it fire. */
export function referencedKeys(expr: Expr, binding: Binding, into: Set<string> = new Set()): Set<string> {
  switch (expr.kind) {
    case 'ref':
      into.add(valueKey(expr, binding));
      break;
    case 'unary':
      referencedKeys(expr.operand, binding, into);
      break;
    case 'binary':
      referencedKeys(expr.left, binding, into);
      referencedKeys(expr.right, binding, into);
      break;
    case 'call':
      if (['min', 'max', 'abs', 'clamp'].includes(expr.fn)) for (const a of expr.args) referencedKeys(a, binding, into);
      break;
  }
  return into;
}
