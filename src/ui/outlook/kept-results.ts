import type { OutlookResult } from './protocol.ts';

/** Results by what produced them: the same run, decision and seeds always give the same answer, so it is kept for the visit. */
const kept = new Map<string, OutlookResult>();
const KEEP = 6;

export function keptResult(key: string): OutlookResult | null {
  return kept.get(key) ?? null;
}

export function keepResult(key: string, result: OutlookResult) {
  kept.delete(key);
  kept.set(key, result);
  const oldest = kept.keys().next();
  if (kept.size > KEEP && !oldest.done) kept.delete(oldest.value);
}
