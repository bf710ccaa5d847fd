import { ALLIANCE_FIELDS, MEMBER_FIELDS, STATUSES, memberAt, memberSlot, type MemberCode, type World } from '../core/world.ts';
import { ExpressionError, type Expr, type ValueType } from './ast.ts';
import { comparisonTests, joinTests, memberArithmetic, testsCondition, type Comparison, type MemberTests, type MemberValue } from './member-values.ts';

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

type Fn = (world: World) => number | boolean | string;
interface Typed {
  type: ValueType;
  fn: Fn;
  /** Set when this is a member's value, such as `self.loyalty`. */
  member?: MemberValue;
  /** Set when this is a condition on members' values that compiles to one closure (see member-values.ts). */
  tests?: MemberTests;
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
  for (const code in w.members) if (w.members[code].status === status) n++;
  return n;
}

export const FUNCTIONS = ['min', 'max', 'abs', 'clamp', 'initial', 'reacted', 'count_reacted', 'chose', 'visited', 'at'];

/** Checks names and types and turns the tree into a closure. Throws ExpressionError with the offending offset. */
export function compileExpression(expr: Expr, vocabulary: Vocabulary, binding: Binding, expected: ValueType): Fn {
  const typed = compileNode(expr, vocabulary, binding);
  if (typed.type !== expected) {
    throw new ExpressionError(`expected a ${expected === 'boolean' ? 'condition' : expected} but this is a ${typed.type}`, expr.at);
  }
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

/**
 * One closure per field, so each reads a named property (much faster than a computed one in a hot loop),
 * and the member found by its slot rather than by its code (see memberAt).
 */
function memberValue(code: string, field: (typeof MEMBER_FIELDS)[number]): (w: World) => number {
  const slot = memberSlot(code);
  switch (field) {
    case 'loyalty':
      return (w) => memberAt(w, slot).loyalty;
    case 'publicSupport':
      return (w) => memberAt(w, slot).publicSupport;
    case 'hedging':
      return (w) => memberAt(w, slot).hedging;
    case 'ties':
      return (w) => memberAt(w, slot).ties;
  }
}

function compileRef(expr: Expr & { kind: 'ref' }, vocabulary: Vocabulary, binding: Binding): Typed {
  if (expr.scope !== null) {
    const code = memberOf(expr.scope, expr.at, vocabulary, binding);
    if (expr.name === 'status') {
      const slot = memberSlot(code);
      return { type: 'status', fn: (w) => memberAt(w, slot).status };
    }
    if (!(MEMBER_FIELDS as readonly string[]).includes(expr.name)) {
      throw new ExpressionError(`unknown member value '${expr.name}' (one of ${[...MEMBER_FIELDS, 'status'].join(', ')})`, expr.at);
    }
    // The field as the constant of MEMBER_FIELDS, not the parser's string (see member-values.ts).
    const field = MEMBER_FIELDS.find((f) => f === expr.name)!;
    return { type: 'number', fn: memberValue(code, field), member: { slot: memberSlot(code), field } };
  }
  const name = expr.name;
  if (name === 'cohesion') return { type: 'number', fn: binding.cohesion };
  if (name === 'credibility') return { type: 'number', fn: (w) => w.credibility };
  if (name === 'moscowBandwidth') return { type: 'number', fn: (w) => w.moscowBandwidth };
  // Own names only: `constructor` or `toString` must not reach Object.prototype.
  if (Object.hasOwn(COUNTS, name)) return { type: 'number', fn: COUNTS[name] };
  if (vocabulary.variables.includes(name)) return { type: 'number', fn: (w) => w.vars[name] };
  if (vocabulary.members.some((m) => m === name)) {
    throw new ExpressionError(`'${name}' is a member: name one of its values, as in ${name}.loyalty`, expr.at);
  }
  const known = ['cohesion', ...ALLIANCE_FIELDS, ...Object.keys(COUNTS), ...vocabulary.variables];
  throw new ExpressionError(`unknown name '${name}' (known: ${known.join(', ')})`, expr.at);
}

function identifierArg(args: Expr[], index: number, what: string, allowed: readonly string[], fn: string): string {
  const arg = args[index];
  if (!arg || arg.kind !== 'ref' || arg.scope !== null) {
    throw new ExpressionError(`${fn}() takes ${what} as argument ${index + 1}`, arg?.at ?? 0);
  }
  if (!allowed.includes(arg.name)) throw new ExpressionError(`unknown ${what} '${arg.name}'`, arg.at);
  return arg.name;
}

function arity(expr: Expr & { kind: 'call' }, min: number, max: number) {
  if (expr.args.length < min || expr.args.length > max) {
    const count = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    throw new ExpressionError(`${expr.fn}() takes ${count} argument${min === 1 && max === 1 ? '' : 's'}`, expr.at);
  }
}

function numbers(args: Expr[], vocabulary: Vocabulary, binding: Binding): ((w: World) => number)[] {
  return args.map((a) => {
    const t = compileNode(a, vocabulary, binding);
    if (t.type !== 'number') throw new ExpressionError(`expected a number, got a ${t.type}`, a.at);
    return t.fn as (w: World) => number;
  });
}

function compileCall(expr: Expr & { kind: 'call' }, vocabulary: Vocabulary, binding: Binding): Typed {
  const { fn, args } = expr;
  switch (fn) {
    case 'min':
    case 'max': {
      arity(expr, 2, Infinity);
      const parts = numbers(args, vocabulary, binding);
      const pick = fn === 'min' ? Math.min : Math.max;
      return { type: 'number', fn: (w) => pick(...parts.map((p) => p(w))) };
    }
    case 'abs': {
      arity(expr, 1, 1);
      const [x] = numbers(args, vocabulary, binding);
      return { type: 'number', fn: (w) => Math.abs(x(w)) };
    }
    case 'clamp': {
      arity(expr, 3, 3);
      const [x, lo, hi] = numbers(args, vocabulary, binding);
      return { type: 'number', fn: (w) => Math.min(hi(w), Math.max(lo(w), x(w))) };
    }
    case 'initial': {
      arity(expr, 1, 1);
      const arg = args[0];
      if (arg.kind !== 'ref') throw new ExpressionError('initial() takes a value name, as in initial(AM.loyalty)', arg.at);
      const t = compileRef(arg, vocabulary, binding);
      if (t.type !== 'number') throw new ExpressionError('initial() takes a numeric value', arg.at);
      const key = valueKey(arg, binding);
      if (key === 'cohesion') return { type: 'number', fn: (w) => w.initial.cohesion };
      return { type: 'number', fn: (w) => w.initial[key] };
    }
    case 'reacted': {
      arity(expr, 2, 2);
      const a = args[0];
      if (a.kind !== 'ref' || a.scope !== null) throw new ExpressionError('reacted() takes a member code first, as in reacted(AM, boycott_exercise)', a.at);
      const code = memberOf(a.name, a.at, vocabulary, binding);
      const reaction = identifierArg(args, 1, 'reaction', vocabulary.reactions, fn);
      const key = `${code}:${reaction}`;
      return { type: 'boolean', fn: (w) => (w.reacted[key] ?? 0) > 0 };
    }
    case 'count_reacted': {
      arity(expr, 1, 1);
      const reaction = identifierArg(args, 0, 'reaction', vocabulary.reactions, fn);
      const suffix = `:${reaction}`;
      return {
        type: 'number',
        fn: (w) => {
          let n = 0;
          for (const key in w.reacted) if (key.endsWith(suffix)) n++;
          return n;
        },
      };
    }
    case 'chose': {
      arity(expr, 1, 1);
      const option = identifierArg(args, 0, 'option', vocabulary.options, fn);
      return { type: 'boolean', fn: (w) => (w.chosen[option] ?? 0) > 0 };
    }
    case 'visited': {
      arity(expr, 1, 1);
      const development = identifierArg(args, 0, 'development', vocabulary.developments, fn);
      return { type: 'boolean', fn: (w) => (w.visited[development] ?? 0) > 0 };
    }
    case 'at': {
      // The development being played: lets a reaction or effect belong to one moment of a crisis.
      arity(expr, 1, 1);
      const development = identifierArg(args, 0, 'development', vocabulary.developments, fn);
      return { type: 'boolean', fn: (w) => w.development === development };
    }
    default:
      throw new ExpressionError(`unknown function '${fn}' (known: ${FUNCTIONS.join(', ')})`, expr.at);
  }
}

function compileNode(expr: Expr, vocabulary: Vocabulary, binding: Binding): Typed {
  switch (expr.kind) {
    case 'number': {
      const v = expr.value;
      return { type: 'number', fn: () => v };
    }
    case 'string': {
      if (!(STATUSES as readonly string[]).includes(expr.value)) {
        throw new ExpressionError(`the only strings are statuses: ${STATUSES.join(', ')}`, expr.at);
      }
      const v = expr.value;
      return { type: 'status', fn: () => v };
    }
    case 'ref':
      return compileRef(expr, vocabulary, binding);
    case 'call':
      return compileCall(expr, vocabulary, binding);
    case 'unary': {
      const operand = compileNode(expr.operand, vocabulary, binding);
      if (expr.op === '-') {
        if (operand.type !== 'number') throw new ExpressionError("'-' needs a number", expr.at);
        const f = operand.fn as (w: World) => number;
        return { type: 'number', fn: (w) => -f(w) };
      }
      if (operand.type !== 'boolean') throw new ExpressionError("'not' needs a condition", expr.at);
      const f = operand.fn as (w: World) => boolean;
      return { type: 'boolean', fn: (w) => !f(w) };
    }
    case 'binary': {
      const left = compileNode(expr.left, vocabulary, binding);
      const right = compileNode(expr.right, vocabulary, binding);
      const l = left.fn as (w: World) => never;
      const r = right.fn as (w: World) => never;
      switch (expr.op) {
        case 'and':
        case 'or': {
          if (left.type !== 'boolean' || right.type !== 'boolean') throw new ExpressionError(`'${expr.op}' joins two conditions`, expr.at);
          const tests = joinTests(expr.op, left.tests, right.tests);
          if (tests) return { type: 'boolean', fn: testsCondition(tests), tests };
          return expr.op === 'and' ? { type: 'boolean', fn: (w) => l(w) && r(w) } : { type: 'boolean', fn: (w) => l(w) || r(w) };
        }
        case '==':
        case '!=': {
          if (left.type !== right.type) throw new ExpressionError(`cannot compare a ${left.type} with a ${right.type}`, expr.at);
          if (left.type === 'boolean') throw new ExpressionError('compare numbers or statuses, not conditions', expr.at);
          const tests = memberComparison(expr, left, right);
          if (tests) return { type: 'boolean', fn: testsCondition(tests), tests };
          return expr.op === '==' ? { type: 'boolean', fn: (w) => l(w) === r(w) } : { type: 'boolean', fn: (w) => l(w) !== r(w) };
        }
        default: {
          if (left.type !== 'number' || right.type !== 'number') throw new ExpressionError(`'${expr.op}' needs numbers on both sides`, expr.at);
          const ln = left.fn as (w: World) => number;
          const rn = right.fn as (w: World) => number;
          const tests = memberComparison(expr, left, right);
          if (tests) return { type: 'boolean', fn: testsCondition(tests), tests };
          if (expr.op === '+' || expr.op === '-' || expr.op === '*') {
            const fused = memberArithmetic(expr.op, operand(expr.left, left), operand(expr.right, right));
            if (fused) return { type: 'number', fn: fused };
          }
          // A number on the right (`self.loyalty < 45`, `x * 0.05`) is read once, not called each time.
          if (expr.right.kind === 'number' && expr.op !== '/') {
            const c = expr.right.value;
            switch (expr.op) {
              case '+': return { type: 'number', fn: (w) => ln(w) + c };
              case '-': return { type: 'number', fn: (w) => ln(w) - c };
              case '*': return { type: 'number', fn: (w) => ln(w) * c };
              case '<': return { type: 'boolean', fn: (w) => ln(w) < c };
              case '<=': return { type: 'boolean', fn: (w) => ln(w) <= c };
              case '>': return { type: 'boolean', fn: (w) => ln(w) > c };
              case '>=': return { type: 'boolean', fn: (w) => ln(w) >= c };
            }
          }
          switch (expr.op) {
            case '+': return { type: 'number', fn: (w) => ln(w) + rn(w) };
            case '-': return { type: 'number', fn: (w) => ln(w) - rn(w) };
            case '*': return { type: 'number', fn: (w) => ln(w) * rn(w) };
            // Division by zero gives 0, not Infinity: a scenario value must never become NaN or unbounded.
            case '/': return { type: 'number', fn: (w) => { const d = rn(w); return d === 0 ? 0 : ln(w) / d; } };
            case '<': return { type: 'boolean', fn: (w) => ln(w) < rn(w) };
            case '<=': return { type: 'boolean', fn: (w) => ln(w) <= rn(w) };
            case '>': return { type: 'boolean', fn: (w) => ln(w) > rn(w) };
            case '>=': return { type: 'boolean', fn: (w) => ln(w) >= rn(w) };
          }
        }
      }
    }
  }
}

/** A member's value compared with a number, as one test (see member-values.ts); null for any other comparison. */
function memberComparison(expr: Expr & { kind: 'binary' }, left: Typed, right: Typed): MemberTests | null {
  if (!['<', '<=', '>', '>=', '==', '!='].includes(expr.op)) return null;
  return comparisonTests(expr.op as Comparison, operand(expr.left, left), operand(expr.right, right));
}

/** A member's value or a number written out, as member-values.ts takes them. */
function operand(expr: Expr, typed: Typed): MemberValue | number | undefined {
  return typed.member ?? (expr.kind === 'number' ? expr.value : undefined);
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
