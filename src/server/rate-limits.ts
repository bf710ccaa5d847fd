import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Limits against guessing and flooding, kept in memory (a restart forgets them, which costs a guesser
 * nothing it did not have). Class codes are short for typing, so wrong ones are counted per address: after
 * `WRONG_CODES` in ten minutes, that address may not try even the right one until the window has passed.
 */
export const WRONG_CODES = 10;
const WRONG_CODE_WINDOW_S = 10 * 60;
export const CLASSES_PER_HOUR = 30;
/** Messages one socket may send in ten seconds: far more than any player clicks, far fewer than a script. */
const MESSAGES_PER_10_S = 200;

export class RateLimits {
  private readonly wrongCodes = new RateLimiterMemory({ points: WRONG_CODES, duration: WRONG_CODE_WINDOW_S });
  private readonly creations = new RateLimiterMemory({ points: CLASSES_PER_HOUR, duration: 60 * 60 });
  private readonly messages = new RateLimiterMemory({ points: MESSAGES_PER_10_S, duration: 10 });

  /** Why this address may not try a code now, or null when it may. */
  async codeBlocked(address: string): Promise<string | null> {
    const used = await this.wrongCodes.get(address);
    if (!used || used.consumedPoints < WRONG_CODES) return null;
    return `Too many wrong codes: try again in ${minutes(used.msBeforeNext)}.`;
  }

  /** Counts one wrong code (or wrong secret) from this address. */
  async wrongCode(address: string): Promise<void> {
    await this.wrongCodes.penalty(address, 1);
  }

  /** Counts a class created from this address: why not, or null when allowed. */
  async createClass(address: string): Promise<string | null> {
    try {
      await this.creations.consume(address);
      return null;
    } catch (refused) {
      if (!(refused instanceof RateLimiterRes)) throw refused;
      return `Too many classes created from this computer: try again in ${minutes(refused.msBeforeNext)}.`;
    }
  }

  /** Counts one message on a socket: why not, or null when allowed. */
  async message(socketId: string): Promise<string | null> {
    try {
      await this.messages.consume(socketId);
      return null;
    } catch (refused) {
      if (!(refused instanceof RateLimiterRes)) throw refused;
      return 'Too many messages at once: wait a moment and try again.';
    }
  }
}

function minutes(ms: number): string {
  const n = Math.max(1, Math.ceil(ms / 60_000));
  return n === 1 ? '1 minute' : `${n} minutes`;
}
