/**
 * The one way the engine and its callers say "this worked, here is the value" or "it did not, here is
 * why": a loaded scenario or its problems, a read record or a message. `E` is what a failure carries:
 * a list of problems with places for files, a sentence for a save, a link or a decision.
 */
export type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E>(error: E): Result<never, E> => ({ ok: false, error });
