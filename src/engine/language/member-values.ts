import type { World } from '../core/world.ts';

/**
 * The shapes a batch run evaluates most, compiled to one closure each rather than one per node: a
 * member's value compared with a number, alone or in a list joined by `and` or by `or` (the standing
 * reactions' conditions: `self.loyalty < 45 and self.publicSupport < 35`), and a member's value added
 * to, taken from or multiplied by a number or another member's value (the standing drift's amounts:
 * `(self.publicSupport - self.loyalty) * 0.05`). Node by node these cost three to five closure calls;
 * here they make the same operations on the same operands in the same order, stopping where `and` or
 * `or` would stop, so the result is the same.
 */

/** A member's value as compileRef resolves it: where the World keeps it (see World.values). */
export interface MemberValue {
  index: number;
}

export type Comparison = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type Arithmetic = '+' | '-' | '*';

export interface MemberTest extends MemberValue {
  op: Comparison;
  value: number;
}

export interface MemberTests {
  join: 'and' | 'or';
  list: [MemberTest, ...MemberTest[]];
}

/** An operand: a member's value, a number written out, or undefined for anything else. */
type Operand = MemberValue | number | undefined;

const FLIPPED: Record<Comparison, Comparison> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' };

/** `member.field op number`, or `number op member.field` turned round (`50 > x` is `x < 50`, NaN included); null otherwise. */
export function comparisonTests(op: Comparison, left: Operand, right: Operand): MemberTests | null {
  if (typeof left === 'object' && typeof right === 'number') return { join: 'and', list: [test(left, op, right)] };
  if (typeof left === 'number' && typeof right === 'object') return { join: 'and', list: [test(right, FLIPPED[op], left)] };
  return null;
}

/** A literal, not a spread of `member`: spread copies took another shape and made `passes` measurably slower. */
function test(member: MemberValue, op: Comparison, value: number): MemberTest {
  return { index: member.index, op: constant(op), value };
}

/** Two lists joined: one list when each side is a single test or a list joined the same way; null otherwise. */
export function joinTests(join: 'and' | 'or', left: MemberTests | undefined, right: MemberTests | undefined): MemberTests | null {
  if (!left || !right) return null;
  if ((left.list.length > 1 && left.join !== join) || (right.list.length > 1 && right.join !== join)) return null;
  return { join, list: [...left.list, ...right.list] };
}

/** The tests each fused condition was compiled from, by its closure: see conditionTests. */
const testsByCondition = new WeakMap<(w: World) => boolean, MemberTests>();

export function testsCondition(tests: MemberTests): (w: World) => boolean {
  const list = tests.list;
  const [first] = list;
  let fn: (w: World) => boolean;
  if (list.length === 1) fn = (w) => passes(w, first);
  else if (tests.join === 'and') fn = (w) => allPass(w, list);
  else {
    fn = (w) => {
      for (const t of list) if (passes(w, t)) return true;
      return false;
    };
  }
  testsByCondition.set(fn, tests);
  return fn;
}

/**
 * The tests a condition was fused from when it is a list joined by `and` (a single test is such a
 * list), else null: a loop that evaluates many conditions (a run's reactions) tests them in place with
 * allPass rather than calling each one's closure, and the result is the same.
 */
export function conjunctionOf(condition: (w: World) => boolean): MemberTest[] | null {
  const tests = testsByCondition.get(condition);
  return tests !== undefined && (tests.join === 'and' || tests.list.length === 1) ? tests.list : null;
}

/** Whether every test passes, stopping at the first that fails, as `and` does. */
export function allPass(w: World, list: readonly MemberTest[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const t = list[i] as MemberTest;
    if (!passes(w, t)) return false;
  }
  return true;
}

function passes(w: World, t: MemberTest): boolean {
  const x = w.values[t.index] as number;
  switch (t.op) {
    case '<':
      return x < t.value;
    case '<=':
      return x <= t.value;
    case '>':
      return x > t.value;
    case '>=':
      return x >= t.value;
    case '==':
      return x === t.value;
    case '!=':
      return x !== t.value;
  }
}

/** A member's value with a number, a number with a member's value, or two members' values; null otherwise. */
export function memberArithmetic(op: Arithmetic, left: Operand, right: Operand): ((w: World) => number) | null {
  const o = constant(op);
  if (typeof left === 'object' && typeof right === 'number') {
    const i = left.index;
    return (w) => arithmetic(o, w.values[i] as number, right);
  }
  if (typeof left === 'number' && typeof right === 'object') {
    const i = right.index;
    return (w) => arithmetic(o, left, w.values[i] as number);
  }
  if (typeof left === 'object' && typeof right === 'object') {
    const i = left.index;
    const j = right.index;
    return (w) => arithmetic(o, w.values[i] as number, w.values[j] as number);
  }
  return null;
}

function arithmetic(op: Arithmetic, x: number, y: number): number {
  return op === '+' ? x + y : op === '-' ? x - y : x * y;
}

const OPERATORS: readonly (Comparison | Arithmetic)[] = ['<', '<=', '>', '>=', '==', '!=', '+', '-', '*'];

/**
 * The operator as written in this file. The closures above compare fields and operators on every
 * call, and V8 compares two constants of the code by reference but a string made while reading a
 * file character by character: measured a fifth of a batch run's time before this.
 */
function constant<T extends Comparison | Arithmetic>(op: T): T {
  return OPERATORS.find((o): o is T => o === op) ?? op;
}
