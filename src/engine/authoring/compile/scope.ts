import type { Binding, Vocabulary } from '../../language/compile.ts';
import type { MemberCode } from '../../core/world.ts';
import type { Problem } from '../format/problem.ts';
import type { Path, Places } from './places.ts';

/** A declared scenario variable, as effects bound to it need it: its id and its bounds. */
export interface VariableSpec {
  id: string;
  label: string;
  initial: number;
  min: number;
  max: number;
}

/**
 * What compiling one scenario's parts needs: where problems point and where they are collected, the
 * names expressions may use, and what they are bound to. Each part reports what is wrong and goes on,
 * so a file's problems are found in one pass.
 */
export interface Scope {
  places: Places;
  problems: Problem[];
  members: readonly MemberCode[];
  variables: readonly VariableSpec[];
  vocabulary: Vocabulary;
  binding: Binding;
}

export function report(scope: Scope, path: Path, message: string, key?: string): void {
  scope.problems.push(scope.places.problem(path, message, key));
}

/** The scope of a standing rule applied to one member: `self` is allowed and stands for that member. */
export function memberScope(scope: Scope, member: MemberCode): Scope {
  return { ...scope, vocabulary: { ...scope.vocabulary, allowSelf: true }, binding: { self: member, cohesion: scope.binding.cohesion } };
}

function isMember(scope: Scope, code: string): code is MemberCode {
  return scope.members.some((m) => m === code);
}

export function checkMember(scope: Scope, code: string, path: Path, key?: string): void {
  if (!isMember(scope, code)) report(scope, path, `${code} is not a member in this scenario (${scope.members.join(', ')})`, key);
}
