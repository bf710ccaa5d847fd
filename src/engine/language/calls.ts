import type { MemberCode, World } from '../core/world.ts';
import { ExpressionError, type Expr } from './ast.ts';
import type { Vocabulary } from './compile.ts';
import type { NumberFn, Typed } from './typed.ts';

type Call = Expr & { kind: 'call' };
type Ref = Expr & { kind: 'ref' };

/** What a function's arguments are compiled with: the node compiler, and how names and members resolve. */
export interface CallContext {
  vocabulary: Vocabulary;
  node(expr: Expr): Typed;
  ref(expr: Ref): Typed;
  member(scope: string, at: number): MemberCode;
  /** The key of a value as the change log names it (see valueKey). */
  key(expr: Ref): string;
}

export const FUNCTIONS = ['min', 'max', 'abs', 'clamp', 'initial', 'reacted', 'count_reacted', 'chose', 'visited', 'at'];

const CALLS: Record<string, (expr: Call, context: CallContext) => Typed> = {
  min: (expr, context) => extreme(expr, context, Math.min),
  max: (expr, context) => extreme(expr, context, Math.max),
  abs: (expr, context) => {
    arity(expr, 1, 1);
    const x = numberAt(expr, 0, context);
    return { type: 'number', fn: (w) => Math.abs(x(w)) };
  },
  clamp: (expr, context) => {
    arity(expr, 3, 3);
    const [x, lo, hi] = [numberAt(expr, 0, context), numberAt(expr, 1, context), numberAt(expr, 2, context)];
    return { type: 'number', fn: (w) => Math.min(hi(w), Math.max(lo(w), x(w))) };
  },
  initial,
  reacted,
  count_reacted: countReacted,
  chose: (expr, context) => {
    arity(expr, 1, 1);
    const option = identifierArg(expr, 0, 'option', context.vocabulary.options);
    return { type: 'boolean', fn: (w) => w.chosen.has(option) };
  },
  visited: (expr, context) => {
    arity(expr, 1, 1);
    const development = identifierArg(expr, 0, 'development', context.vocabulary.developments);
    return { type: 'boolean', fn: (w) => w.visited.has(development) };
  },
  // The development being played: lets a reaction or effect belong to one moment of a crisis.
  at: (expr, context) => {
    arity(expr, 1, 1);
    const development = identifierArg(expr, 0, 'development', context.vocabulary.developments);
    return { type: 'boolean', fn: (w) => w.development === development };
  },
};

export function compileCall(expr: Call, context: CallContext): Typed {
  // Own names only: `constructor` or `toString` must not reach Object.prototype.
  const compile = Object.hasOwn(CALLS, expr.fn) ? CALLS[expr.fn] : undefined;
  if (!compile) throw new ExpressionError(`unknown function '${expr.fn}' (known: ${FUNCTIONS.join(', ')})`, expr.at);
  return compile(expr, context);
}

function extreme(expr: Call, context: CallContext, pick: (...values: number[]) => number): Typed {
  arity(expr, 2, Infinity);
  const parts = expr.args.map((_, i) => numberAt(expr, i, context));
  return { type: 'number', fn: (w) => pick(...parts.map((p) => p(w))) };
}

function initial(expr: Call, context: CallContext): Typed {
  arity(expr, 1, 1);
  const arg = argAt(expr, 0);
  if (arg.kind !== 'ref') throw new ExpressionError('initial() takes a value name, as in initial(AM.loyalty)', arg.at);
  const t = context.ref(arg);
  if (t.type !== 'number') throw new ExpressionError('initial() takes a numeric value', arg.at);
  const key = context.key(arg);
  if (key === 'cohesion') return { type: 'number', fn: (w) => w.initial.cohesion ?? NaN };
  // A value not recorded reads as NaN, as a missing one always has: false in every comparison, refused by effects.
  return { type: 'number', fn: (w) => w.initial[key] ?? NaN };
}

function reacted(expr: Call, context: CallContext): Typed {
  arity(expr, 2, 2);
  const a = argAt(expr, 0);
  if (a.kind !== 'ref' || a.scope !== null) throw new ExpressionError('reacted() takes a member code first, as in reacted(AM, boycott_exercise)', a.at);
  const code = context.member(a.name, a.at);
  const reaction = identifierArg(expr, 1, 'reaction', context.vocabulary.reactions);
  const key = `${code}:${reaction}`;
  return { type: 'boolean', fn: (w) => w.reacted.has(key) };
}

function countReacted(expr: Call, context: CallContext): Typed {
  arity(expr, 1, 1);
  const reaction = identifierArg(expr, 0, 'reaction', context.vocabulary.reactions);
  const suffix = `:${reaction}`;
  return {
    type: 'number',
    fn: (w: World) => {
      let n = 0;
      for (const key of w.reacted.keys()) if (key.endsWith(suffix)) n++;
      return n;
    },
  };
}

function arity(expr: Call, min: number, max: number): void {
  if (expr.args.length < min || expr.args.length > max) {
    const count = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    throw new ExpressionError(`${expr.fn}() takes ${count} argument${min === 1 && max === 1 ? '' : 's'}`, expr.at);
  }
}

/** Argument `index`, which arity() has made sure of. */
function argAt(expr: Call, index: number): Expr {
  const arg = expr.args[index];
  if (!arg) throw new ExpressionError(`${expr.fn}() needs argument ${index + 1}`, expr.at);
  return arg;
}

function numberAt(expr: Call, index: number, context: CallContext): NumberFn {
  const a = argAt(expr, index);
  const t = context.node(a);
  if (t.type !== 'number') throw new ExpressionError(`expected a number, got a ${t.type}`, a.at);
  return t.fn;
}

function identifierArg(expr: Call, index: number, what: string, allowed: readonly string[]): string {
  const arg = expr.args[index];
  if (arg?.kind !== 'ref' || arg.scope !== null) {
    throw new ExpressionError(`${expr.fn}() takes ${what} as argument ${index + 1}`, arg?.at ?? 0);
  }
  if (!allowed.includes(arg.name)) throw new ExpressionError(`unknown ${what} '${arg.name}'`, arg.at);
  return arg.name;
}
