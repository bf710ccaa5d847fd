import { councilDeclarationsSchema, type CouncilDeclarations } from '../../engine/core/declared.ts';
import { readClassState, writeClassState } from './class-storage.ts';

/**
 * The stances the teams have declared so far at a Council, kept as they are made: a reload (or a laptop
 * that goes to sleep) mid-Council keeps them. They belong to one decision; the next Council starts blank.
 */
export function readDrafts(slot: string, decision: number): CouncilDeclarations {
  const kept = readClassState(slot, 'drafts');
  if (!kept || typeof kept !== 'object' || (kept as { decision?: unknown }).decision !== decision) return {};
  const parsed = councilDeclarationsSchema.safeParse((kept as { declared?: unknown }).declared);
  return parsed.success ? parsed.data : {};
}

export function writeDrafts(slot: string, decision: number, declared: CouncilDeclarations): void {
  writeClassState(slot, 'drafts', { decision, declared });
}
