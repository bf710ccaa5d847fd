import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clockText, PhaseTimer } from '../../src/ui/class-play/phase-timer.ts';

/** A browser's localStorage, as far as the class's run uses it. */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe("a class phase's timer", () => {
  let now = 1_000_000;
  const clock = () => now;
  beforeEach(() => {
    (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
    now = 1_000_000;
  });
  afterEach(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('should count down on the clock, stop when paused and go on from there when resumed', () => {
    const timer = new PhaseTimer('slot', '1:council', 10, clock);
    expect(timer.fresh).toBe(true);
    now += 4 * 60_000;
    expect(timer.remaining()).toBe(6 * 60_000);
    timer.pause();
    now += 30 * 60_000;
    expect(timer.remaining()).toBe(6 * 60_000);
    timer.resume();
    now += 60_000;
    expect(timer.remaining()).toBe(5 * 60_000);
    now += 6 * 60_000;
    expect(timer.remaining()).toBe(0);
    expect(timer.up).toBe(true);
  });

  it('should be found where it was after a reload, and start afresh for a new phase', () => {
    const first = new PhaseTimer('slot', '2:briefing', 5, clock);
    now += 60_000;
    first.pause();
    now += 10 * 60_000;
    const reloaded = new PhaseTimer('slot', '2:briefing', 5, clock);
    expect(reloaded.fresh).toBe(false);
    expect(reloaded.paused).toBe(true);
    expect(reloaded.remaining()).toBe(4 * 60_000);
    const next = new PhaseTimer('slot', '2:council', 5, clock);
    expect(next.fresh).toBe(true);
    expect(next.remaining()).toBe(5 * 60_000);
    expect(new PhaseTimer('other slot', '2:council', 5, clock).fresh).toBe(true);
  });

  it('should show minutes and seconds rounded up, so 0:00 means time is up', () => {
    expect(clockText(10 * 60_000)).toBe('10:00');
    expect(clockText(61_000)).toBe('1:01');
    expect(clockText(500)).toBe('0:01');
    expect(clockText(0)).toBe('0:00');
  });
});
