import { readClassState, writeClassState } from './class-storage.ts';

/**
 * A phase's countdown: the teacher's minutes for the briefing, the Council or the aftermath. It runs on the
 * clock, not on the page, so a reload finds it where it was (or paused where it was paused). Time being up
 * is said, never enforced: the teacher decides when the class moves on.
 */
interface Kept {
  /** Which phase of which decision the timer belongs to: a new phase starts a new timer. */
  phase: string;
  minutes: number;
  /** When it runs: the clock time it ends. */
  endsAt: number | null;
  /** When paused: the milliseconds that were left. */
  left: number | null;
}

function isKept(x: unknown): x is Kept {
  if (!x || typeof x !== 'object') return false;
  const k = x as Record<string, unknown>;
  const numberOrNull = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));
  return (
    typeof k.phase === 'string' && typeof k.minutes === 'number' && numberOrNull(k.endsAt) && numberOrNull(k.left) && (k.endsAt === null) !== (k.left === null)
  );
}

export class PhaseTimer {
  private kept: Kept;
  /** True when this timer began now, not found running from before a reload: only then is its start announced. */
  readonly fresh: boolean;

  constructor(
    private readonly slot: string,
    phase: string,
    minutes: number,
    private readonly now: () => number = () => Date.now(),
  ) {
    const found = readClassState(slot, 'timer');
    if (isKept(found) && found.phase === phase && found.minutes === minutes) {
      this.kept = found;
      this.fresh = false;
    } else {
      this.kept = { phase, minutes, endsAt: now() + minutes * 60_000, left: null };
      this.fresh = true;
      this.save();
    }
  }

  get minutes(): number {
    return this.kept.minutes;
  }

  get paused(): boolean {
    return this.kept.left !== null;
  }

  /** Milliseconds left, never below 0. */
  remaining(): number {
    const left = this.kept.left ?? (this.kept.endsAt ?? 0) - this.now();
    return Math.max(0, left);
  }

  get up(): boolean {
    return this.remaining() === 0;
  }

  pause(): void {
    if (this.paused) return;
    this.kept = { ...this.kept, left: this.remaining(), endsAt: null };
    this.save();
  }

  resume(): void {
    if (!this.paused) return;
    this.kept = { ...this.kept, endsAt: this.now() + (this.kept.left ?? 0), left: null };
    this.save();
  }

  private save(): void {
    writeClassState(this.slot, 'timer', this.kept);
  }
}

/** "4:05": minutes and seconds, rounded up, so a timer shows 0:00 only when time is up. */
export function clockText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${s < 10 ? '0' : ''}${s}`;
}
