import type { RunRecord } from '../../engine/play/record.ts';
import { type SlotRead, slotOfKey } from './saves.ts';

/**
 * Whether a slot holds an earlier point of the run in memory (or nothing): only then may this run be
 * written over it. Anything else was written by another tab, and writing over it would lose that tab's run.
 */
export function storedPrecedes(stored: SlotRead | null, record: RunRecord): boolean {
  if (!stored) return true;
  if (!stored.ok) return false;
  const kept = stored.value.record;
  return (
    kept.scenario === record.scenario &&
    kept.seed === record.seed &&
    kept.decisions.length <= record.decisions.length &&
    kept.decisions.every((decision, i) => decision === record.decisions[i])
  );
}

/**
 * Calls back with each saved run another tab of this browser writes or removes (the browser tells every
 * tab but the writer); null when that tab cleared the whole storage.
 */
export function watchOtherTabs(onSlot: (slot: string | null) => void): () => void {
  const listener = (event: StorageEvent) => {
    if (event.key === null) onSlot(null);
    else {
      const slot = slotOfKey(event.key);
      if (slot !== null) onSlot(slot);
    }
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}
