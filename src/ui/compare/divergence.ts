import type { Decision } from '../../engine/core/world.ts';

/**
 * Where two runs on the same seed part: the index of the first decision they took differently, or
 * null while they agree on every decision both have taken (same seed and same decisions mean the
 * same World, so nothing can differ before it).
 */
export function firstDivergence(a: readonly Decision[], b: readonly Decision[]): number | null {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i].development !== b[i].development || a[i].option !== b[i].option || a[i].leverage !== b[i].leverage) return i;
  }
  return null;
}
