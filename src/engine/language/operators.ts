import { ExpressionError, type Expr } from './ast.ts';
import { comparisonTests, joinTests, memberArithmetic, testsCondition, type Comparison, type MemberTests, type MemberValue } from './member-values.ts';
import type { NumberFn, Typed } from './typed.ts';

type Unary = Expr & { kind: 'unary' };
type Binary = Expr & { kind: 'binary' };

export function compileUnary(expr: Unary, operand: Typed): Typed {
  if (expr.op === '-') {
    if (operand.type !== 'number') throw new ExpressionError("'-' needs a number", expr.at);
    const f = operand.fn;
    return { type: 'number', fn: (w) => -f(w) };
  }
  if (operand.type !== 'boolean') throw new ExpressionError("'not' needs a condition", expr.at);
  const f = operand.fn;
  return { type: 'boolean', fn: (w) => !f(w) };
}

export function compileBinary(expr: Binary, left: Typed, right: Typed): Typed {
  switch (expr.op) {
    case 'and':
    case 'or':
      return logical(expr, expr.op, left, right);
    case '==':
    case '!=':
      return equality(expr, expr.op, left, right);
    default:
      if (left.type !== 'number' || right.type !== 'number') throw new ExpressionError(`'${expr.op}' needs numbers on both sides`, expr.at);
      return numeric(expr, expr.op, left, right);
  }
}

function logical(expr: Binary, op: 'and' | 'or', left: Typed, right: Typed): Typed {
  if (left.type !== 'boolean' || right.type !== 'boolean') throw new ExpressionError(`'${op}' joins two conditions`, expr.at);
  const tests = joinTests(op, left.tests, right.tests);
  if (tests) return { type: 'boolean', fn: testsCondition(tests), tests };
  const l = left.fn;
  const r = right.fn;
  return op === 'and' ? { type: 'boolean', fn: (w) => l(w) && r(w) } : { type: 'boolean', fn: (w) => l(w) || r(w) };
}

function equality(expr: Binary, op: '==' | '!=', left: Typed, right: Typed): Typed {
  if (left.type !== right.type) throw new ExpressionError(`cannot compare a ${left.type} with a ${right.type}`, expr.at);
  if (left.type === 'boolean' || right.type === 'boolean') throw new ExpressionError('compare numbers or statuses, not conditions', expr.at);
  const tests = memberComparison(expr, op, left, right);
  if (tests) return { type: 'boolean', fn: testsCondition(tests), tests };
  const l = left.fn;
  const r = right.fn;
  return op === '==' ? { type: 'boolean', fn: (w) => l(w) === r(w) } : { type: 'boolean', fn: (w) => l(w) !== r(w) };
}

type NumericOp = '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=';
type NumberTyped = Extract<Typed, { type: 'number' }>;

function numeric(expr: Binary, op: NumericOp, left: NumberTyped, right: NumberTyped): Typed {
  const tests = memberComparison(expr, op, left, right);
  if (tests) return { type: 'boolean', fn: testsCondition(tests), tests };
  if (op === '+' || op === '-' || op === '*') {
    const fused = memberArithmetic(op, operand(expr.left, left), operand(expr.right, right));
    if (fused) return { type: 'number', fn: fused };
  }
  // A number on the right (`self.loyalty < 45`, `x * 0.05`) is read once, not called each time.
  if (expr.right.kind === 'number' && op !== '/') return withConstant(op, left.fn, expr.right.value);
  return withFunction(op, left.fn, right.fn);
}

function withConstant(op: Exclude<NumericOp, '/'>, ln: NumberFn, c: number): Typed {
  switch (op) {
    case '+':
      return { type: 'number', fn: (w) => ln(w) + c };
    case '-':
      return { type: 'number', fn: (w) => ln(w) - c };
    case '*':
      return { type: 'number', fn: (w) => ln(w) * c };
    case '<':
      return { type: 'boolean', fn: (w) => ln(w) < c };
    case '<=':
      return { type: 'boolean', fn: (w) => ln(w) <= c };
    case '>':
      return { type: 'boolean', fn: (w) => ln(w) > c };
    case '>=':
      return { type: 'boolean', fn: (w) => ln(w) >= c };
  }
}

function withFunction(op: NumericOp, ln: NumberFn, rn: NumberFn): Typed {
  switch (op) {
    case '+':
      return { type: 'number', fn: (w) => ln(w) + rn(w) };
    case '-':
      return { type: 'number', fn: (w) => ln(w) - rn(w) };
    case '*':
      return { type: 'number', fn: (w) => ln(w) * rn(w) };
    // Division by zero gives 0, not Infinity: a scenario value must never become NaN or unbounded.
    case '/':
      return {
        type: 'number',
        fn: (w) => {
          const d = rn(w);
          return d === 0 ? 0 : ln(w) / d;
        },
      };
    case '<':
      return { type: 'boolean', fn: (w) => ln(w) < rn(w) };
    case '<=':
      return { type: 'boolean', fn: (w) => ln(w) <= rn(w) };
    case '>':
      return { type: 'boolean', fn: (w) => ln(w) > rn(w) };
    case '>=':
      return { type: 'boolean', fn: (w) => ln(w) >= rn(w) };
  }
}

const COMPARISONS: readonly string[] = ['<', '<=', '>', '>=', '==', '!='];
const isComparison = (op: string): op is Comparison => COMPARISONS.includes(op);

/** A member's value compared with a number, as one test (see member-values.ts); null for any other comparison. */
function memberComparison(expr: Binary, op: string, left: Typed, right: Typed): MemberTests | null {
  if (!isComparison(op)) return null;
  return comparisonTests(op, operand(expr.left, left), operand(expr.right, right));
}

/** A member's value or a number written out, as member-values.ts takes them. */
function operand(expr: Expr, typed: Typed): MemberValue | number | undefined {
  return (typed.type === 'number' ? typed.member : undefined) ?? (expr.kind === 'number' ? expr.value : undefined);
}
