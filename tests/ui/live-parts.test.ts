import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TableState } from '../../src/engine/play/class-table.ts';
import { advanceAllLabel } from '../../src/ui/live/dashboard-screen.ts';
import { DeclarationSender, type Outgoing, UNANSWERED } from '../../src/ui/live/declaration-sender.ts';
import { codeProblem, fieldOfError } from '../../src/ui/live/join-problems.ts';
import { TOKEN_LENGTH, tokenFrom } from '../../src/ui/live/live-keys.ts';
import { qrPath } from '../../src/ui/live/qr-path.ts';
import { ServerClock } from '../../src/ui/live/server-clock.ts';
import { TableVersions } from '../../src/ui/live/table-versions.ts';

const state = (version: number, phase: TableState['phase'] = 'council'): TableState =>
  ({ phase, version, drafts: {}, paused: false, timer: { durationMs: null, elapsedMs: 0, runningSince: null }, record: {} }) as unknown as TableState;

describe('a live class on the page', () => {
  it('should make tokens of the wire alphabet and length from random bytes', () => {
    const token = tokenFrom(Uint8Array.from({ length: TOKEN_LENGTH }, (_, i) => i * 37));
    expect(token).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(token).toHaveLength(TOKEN_LENGTH);
    // Each byte's low six bits pick a letter: 64 is 0 again, 255 is 63.
    expect(tokenFrom(new Uint8Array([0, 63, 64, 255]))).toBe('A-A-');
  });

  it('should keep the newest state of each table and drop an older one', () => {
    const versions = new TableVersions();
    expect(versions.offer(1, state(3))).toBe(true);
    expect(versions.offer(1, state(2, 'briefing'))).toBe(false);
    expect(versions.offer(1, state(3, 'reveal'))).toBe(false);
    expect(versions.get(1)?.phase).toBe('council');
    expect(versions.offer(2, state(1))).toBe(true);
    expect(versions.offer(1, state(4, 'reveal'))).toBe(true);
    expect(versions.entries().map((e) => [e.table, e.state.version])).toEqual([
      [1, 4],
      [2, 1],
    ]);
    // A server restarted from its store is believed whatever the version.
    versions.reset(1, state(1, 'briefing'));
    expect(versions.get(1)?.phase).toBe('briefing');
  });

  it("should read the server's clock through the offset its last message gave", () => {
    let local = 1000;
    const clock = new ServerClock(() => local);
    clock.heard(5000);
    local = 1600;
    expect(clock.now()).toBe(5600);
  });

  it('should say what is wrong with a typed code before asking the server, and where a refusal goes', () => {
    expect(codeProblem('')).toMatch(/Type the class code/);
    expect(codeProblem('ABC23')).toMatch(/6 letters/);
    expect(codeProblem('ABC1O2')).toMatch(/no I, L, O, 0 or 1/);
    expect(codeProblem('ABC234')).toBeNull();
    // The class server's own sentences.
    expect(fieldOfError('Too many wrong codes: try again in 9 minutes.')).toBe('code');
    expect(fieldOfError('No class has that code: check it with your teacher.')).toBe('code');
    expect(fieldOfError('That message cannot be read (name: a name is needed).')).toBe('name');
    expect(fieldOfError('This class has no table 3.')).toBe('team');
    expect(fieldOfError('Too many messages at once: wait a moment and try again.')).toBe('form');
    expect(fieldOfError('This class is full: it has 300 students.')).toBe('form');
  });

  it("should name the teacher's move for every table by the phase, when the tables that can move on share one", () => {
    expect(advanceAllLabel([state(1, 'briefing'), state(1, 'briefing'), state(1, 'council')])).toBe('Open the Council at every table');
    expect(advanceAllLabel([state(1, 'reveal'), state(1, 'debrief')])).toBe('Reveal the consequences at every table');
    expect(advanceAllLabel([state(1, 'briefing'), state(1, 'reveal')])).toBe('Move every table on');
    expect(advanceAllLabel([state(1, 'aftermath')])).toBe('Move every table on');
  });

  it('should draw each run of dark modules on a row as one rectangle', () => {
    const dark = [
      [true, true, false],
      [false, false, false],
      [true, false, true],
    ];
    expect(qrPath(3, (r, c) => Boolean(dark[r]?.[c]))).toBe('M0 0h2v1h-2zM0 2h1v1h-1zM2 2h1v1h-1z');
  });
});

describe('declarations sent as they change', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const outgoing = (argument: string): Outgoing => ({ option: 'a', member: 'AM', declaration: { stance: 'objects', argument } });

  it('should send a change of stance at once and an argument being typed once typing pauses, the latest only', async () => {
    const sent: Outgoing[] = [];
    const sender = new DeclarationSender(
      async (o) => {
        sent.push(o);
        return null;
      },
      () => {},
      600,
    );
    sender.change(outgoing(''), false);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    sender.change(outgoing('N'), true);
    sender.change(outgoing('No'), true);
    expect(sender.busy('a', 'AM')).toBe(true);
    await vi.advanceTimersByTimeAsync(599);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent.map((o) => o.declaration?.argument)).toEqual(['', 'No']);
    expect(sender.busy('a', 'AM')).toBe(false);
  });

  it('should keep what could not be sent and send it again after a reconnection', async () => {
    let up = false;
    const sent: Outgoing[] = [];
    const kept: Outgoing[][] = [];
    const sender = new DeclarationSender(
      async (o) => {
        if (!up) return UNANSWERED;
        sent.push(o);
        return null;
      },
      () => {},
      600,
      (unsent) => kept.push(unsent),
    );
    sender.change(outgoing('Typed while the Wi-Fi was down'), true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toEqual([]);
    expect(sender.pending).toBe(1);
    expect(sender.busy('a', 'AM')).toBe(true);
    up = true;
    sender.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.map((o) => o.declaration?.argument)).toEqual(['Typed while the Wi-Fi was down']);
    expect(sender.pending).toBe(0);
    // What was unsent was given to be kept while it lasted, and nothing once it was sent.
    expect(kept[0]?.map((o) => o.declaration?.argument)).toEqual(['Typed while the Wi-Fi was down']);
    expect(kept.at(-1)).toEqual([]);
  });

  it('should say a refusal by the rules and not send it again', async () => {
    const refusals: string[] = [];
    let calls = 0;
    const sender = new DeclarationSender(
      async () => {
        calls++;
        return 'Your team does not speak for Armenia.';
      },
      (text) => refusals.push(text),
    );
    sender.change(outgoing(''), false);
    await vi.advanceTimersByTimeAsync(0);
    sender.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(refusals).toEqual(['Your team does not speak for Armenia.']);
    expect(calls).toBe(1);
    expect(sender.busy('a', 'AM')).toBe(false);
  });
});
