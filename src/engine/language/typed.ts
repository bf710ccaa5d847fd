import type { World } from '../core/world.ts';
import type { ValueType } from './ast.ts';
import type { MemberTests, MemberValue } from './member-values.ts';

export type Fn = (world: World) => number | boolean | string;
export type NumberFn = (world: World) => number;
export type ConditionFn = (world: World) => boolean;

/** A node compiled: its type, its closure and, for the shapes member-values.ts fuses, what it reads. */
export type Typed =
  | { type: 'number'; fn: NumberFn /** Set when this is a member's value, such as `self.loyalty`. */; member?: MemberValue }
  | { type: 'boolean'; fn: ConditionFn /** Set when this is a condition on members' values that compiles to one closure. */; tests?: MemberTests }
  | { type: 'status'; fn: (world: World) => string };

export type TypeOf<T extends ValueType> = Extract<Typed, { type: T }>;
