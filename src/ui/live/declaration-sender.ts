import type { Declaration } from '../../engine/core/declared.ts';

/** One member's declaration on one option, as the page sends it (null withdraws it). */
export interface Outgoing {
  option: string;
  member: string;
  declaration: Declaration | null;
}

export type Send = (outgoing: Outgoing) => Promise<string | null>;

const keyOf = (option: string, member: string) => `${option}/${member}`;

/**
 * Sends declarations as they change: a change of stance at once, an argument being typed after a pause
 * (`delayMs`), the latest only. What could not be sent (the line was down, the server did not answer) stays
 * pending and goes again with `flush`, after a reconnection: what a student typed is never lost. While a
 * declaration is pending or on its way, the page does not overwrite it with the server's older copy.
 */
export class DeclarationSender {
  private readonly waiting = new Map<string, { outgoing: Outgoing; timer: ReturnType<typeof setTimeout> | null }>();
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly send: Send,
    private readonly onRefused: (text: string, outgoing: Outgoing) => void,
    private readonly delayMs = 600,
    /** Told what is not yet confirmed whenever that changes: kept by the page, it outlives a reload. */
    private readonly onPending: (unsent: Outgoing[]) => void = () => {},
  ) {}

  /** A change to send: `typing` when it is only the argument that changed. */
  change(outgoing: Outgoing, typing: boolean): void {
    const key = keyOf(outgoing.option, outgoing.member);
    const before = this.waiting.get(key);
    if (before?.timer) clearTimeout(before.timer);
    const entry = { outgoing, timer: null as ReturnType<typeof setTimeout> | null };
    this.waiting.set(key, entry);
    this.pendingChanged();
    if (typing) entry.timer = setTimeout(() => void this.go(key), this.delayMs);
    else void this.go(key);
  }

  /** Whether this member's declaration on this option has a change the server has not confirmed. */
  busy(option: string, member: string): boolean {
    const key = keyOf(option, member);
    return this.waiting.has(key) || this.inFlight.has(key);
  }

  /** Sends again everything not yet confirmed (after a reconnection). */
  flush(): void {
    for (const [key, entry] of this.waiting) {
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = null;
      void this.go(key);
    }
  }

  get pending(): number {
    return this.waiting.size;
  }

  stop(): void {
    for (const entry of this.waiting.values()) if (entry.timer) clearTimeout(entry.timer);
  }

  private pendingChanged(): void {
    this.onPending([...this.waiting.values()].map((e) => e.outgoing));
  }

  private async go(key: string): Promise<void> {
    const entry = this.waiting.get(key);
    if (!entry || this.inFlight.has(key)) return;
    entry.timer = null;
    this.inFlight.add(key);
    const { outgoing } = entry;
    const refused = await this.send(outgoing);
    this.inFlight.delete(key);
    const latest = this.waiting.get(key);
    if (refused === null || latest?.outgoing !== outgoing) {
      // Sent (or overtaken by a newer change, which goes next).
      if (latest?.outgoing === outgoing) {
        this.waiting.delete(key);
        this.pendingChanged();
      } else if (latest && !latest.timer) void this.go(key);
      return;
    }
    if (refused !== UNANSWERED) {
      // Refused by the rules: sending it again would be refused again.
      this.waiting.delete(key);
      this.pendingChanged();
      this.onRefused(refused, outgoing);
    }
  }
}

/** What `send` answers when the server could not be reached: the change stays pending. */
export const UNANSWERED = 'unanswered';
