/**
 * What a class's run keeps beside its save, per slot: the phase's timer, whether the chair's choice has been
 * revealed, the stances declared so far at the Council. Kept in localStorage so a reload, or the projector's
 * laptop restarting, comes back to the same moment; under a prefix of its own, apart from the saves.
 */
const PREFIX = 'article-four.class.';

export type ClassKey = 'timer' | 'revealed' | 'drafts' | 'council';

const keyOf = (slot: string, what: ClassKey) => `${PREFIX}${slot}.${what}`;

/** What was kept, as data to be checked by the reader; null when nothing was, or it cannot be read. */
export function readClassState(slot: string, what: ClassKey): unknown {
  try {
    const text = localStorage.getItem(keyOf(slot, what));
    return text === null ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

/** Kept if the browser lets it be; a full or refused storage only loses this convenience, never the run. */
export function writeClassState(slot: string, what: ClassKey, value: unknown): void {
  try {
    localStorage.setItem(keyOf(slot, what), JSON.stringify(value));
  } catch {
    // The run itself is in its save; the timer or a draft is not worth an error on the projector.
  }
}
