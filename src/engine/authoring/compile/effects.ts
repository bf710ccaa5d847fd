import { referencedKeys } from '../../language/compile.ts';
import { STATUSES, type Status, type World } from '../../core/world.ts';
import type { Condition, Effect, Target } from '../../core/scenario.ts';
import type { EffectSpec } from '../format/schema.ts';
import { canonical } from './canonical.ts';
import { compileAt } from './expressions.ts';
import type { Path } from './places.ts';
import { report, type Scope } from './scope.ts';
import { targetAt } from './targets.ts';

/** Each effect of a list compiled; those with problems are reported and left out. `prefix` names those without an id. */
export function effectsAt(scope: Scope, specs: EffectSpec[] | undefined, path: Path, prefix: string): Effect[] {
  return (specs ?? []).flatMap((spec, i) => effectAt(scope, spec, [...path, i], `${prefix}${i + 1}`) ?? []);
}

export function effectAt(scope: Scope, spec: EffectSpec, path: Path, fallbackId: string): Effect | null {
  const target = targetAt(scope, spec.change, [...path, 'change']);
  if (!target) return null;
  const reads = new Set<string>();
  const change = changeAt(scope, spec, path, target, reads);
  if (!change) return null;
  let when: Condition | null = null;
  if (spec.when !== undefined) {
    const compiled = compileAt(scope, spec.when, [...path, 'when'], 'boolean');
    if (!compiled) return null;
    when = compiled.fn;
    referencedKeys(compiled.tree, scope.binding, reads);
  }
  return {
    id: spec.id ?? fallbackId,
    target,
    mode: change.mode,
    amount: change.amount,
    status: change.status,
    spread: spec.spread ?? 0,
    chance: spec.chance ?? null,
    when,
    why: spec.why,
    source: spec.source,
    assumption: spec.assumption,
    reads: [...reads],
  };
}

interface Change {
  mode: Effect['mode'];
  amount: (w: World) => number;
  status: Status | null;
}

/** What the effect does to its target: sets a status, or adds or sets an amount (whose reads go into `reads`). */
function changeAt(scope: Scope, spec: EffectSpec, path: Path, target: Target, reads: Set<string>): Change | null {
  const mode = spec.to !== undefined ? 'set' : 'add';
  const raw = spec.to ?? spec.by;
  const amountPath = [...path, mode === 'set' ? 'to' : 'by'];
  if (raw === undefined) return null;
  if (target.kind === 'status') {
    const status = mode === 'set' && typeof raw === 'string' ? canonical(STATUSES, raw) : undefined;
    if (!status) {
      report(scope, amountPath, `a status is set with to: one of ${STATUSES.join(', ')}`);
      return null;
    }
    return { mode, amount: () => 0, status };
  }
  const compiled = compileAt(scope, raw, amountPath, 'number');
  if (!compiled) return null;
  referencedKeys(compiled.tree, scope.binding, reads);
  return { mode, amount: compiled.fn, status: null };
}
