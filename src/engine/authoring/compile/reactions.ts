import { referencedKeys } from '../../language/compile.ts';
import type { MemberCode } from '../../core/world.ts';
import type { Effect, Reaction } from '../../core/scenario.ts';
import type { ReactionSpec, RulesFile } from '../format/schema.ts';
import { canonical } from './canonical.ts';
import { effectAt, effectsAt } from './effects.ts';
import { compileAt } from './expressions.ts';
import type { Path } from './places.ts';
import { checkMember, memberScope, type Scope } from './scope.ts';

/** The standing drift: each rule on a member's value (self.) bound to every member, each rule on an alliance value once. */
export function standingDrift(scope: Scope, rules: RulesFile): Effect[] {
  const all = (rules.drift ?? []).map((spec, i) => ({ spec, path: ['drift', i], id: `drift.${i + 1}`, onMember: spec.change.startsWith('self.') }));
  return [
    ...scope.members.flatMap((code) => all.flatMap((d) => (d.onMember ? (effectAt(memberScope(scope, code), d.spec, d.path, d.id) ?? []) : []))),
    ...all.flatMap((d) => (d.onMember ? [] : (effectAt(scope, d.spec, d.path, d.id) ?? []))),
  ];
}

/**
 * Every reaction of the scenario, bound to each member it applies to. The crisis's own reactions come
 * before the standing ones: the more specific rule speaks first.
 */
export function scenarioReactions(scope: Scope, standingScope: Scope, own: ReactionSpec[] | undefined, rules: RulesFile): Reaction[] {
  const standing = rules.reactions.flatMap((spec, i) => boundReactions(standingScope, spec, ['reactions', i]));
  const crisis = (own ?? []).flatMap((spec, i) => {
    for (const [j, code] of (spec.members ?? []).entries()) checkMember(scope, code, ['reactions', i, 'members', j]);
    return boundReactions(scope, spec, ['reactions', i]);
  });
  return [...crisis, ...standing];
}

function boundReactions(scope: Scope, spec: ReactionSpec, path: Path): Reaction[] {
  const members = (spec.members ?? scope.members).flatMap((m) => canonical(scope.members, m) ?? []);
  return members.flatMap((code) => reactionAt(memberScope(scope, code), spec, path, code) ?? []);
}

function reactionAt(scope: Scope, spec: ReactionSpec, path: Path, member: MemberCode): Reaction | null {
  const compiled = compileAt(scope, spec.when, [...path, 'when'], 'boolean');
  const effects = effectsAt(scope, spec.effects, [...path, 'effects'], `${spec.id}.`);
  if (!compiled) return null;
  return {
    id: spec.id,
    label: spec.label,
    kind: spec.kind,
    member,
    occasion: spec.occasion ?? null,
    when: compiled.fn,
    reads: [...referencedKeys(compiled.tree, scope.binding)],
    chance: spec.chance ?? 1,
    once: spec.once ?? true,
    effects,
    source: spec.source,
    assumption: spec.assumption,
  };
}
