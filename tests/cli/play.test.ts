import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';
import { FIXTURE_PATH } from '../support/scenarios.ts';

const OBSERVERS = 'Yerevan remembers asking for troops and getting observers.';
const CAME = 'Yerevan remembers the allies who came.';

describe('play', () => {
  it("should print a briefing's recollection of an earlier choice where it holds, and no other", () => {
    // Fact-finding at the call; monitors if the ceasefire comes; then the first choice at the summit.
    const observers = runCli(['play', FIXTURE_PATH, '--seed', '3'], '2\n1\n1\n');
    expect(observers.code).toBe(0);
    expect(observers.stdout).toContain('Send a fact-finding mission');
    expect(observers.stdout.split(OBSERVERS).length - 1).toBe(1);
    expect(observers.stdout).not.toContain(CAME);
    // Troops with Moscow's leverage, whose price falls due within months or by the end.
    const troops = runCli(['play', FIXTURE_PATH, '--seed', '3'], '1\n2\n1\n');
    expect(troops.code).toBe(0);
    expect(troops.stdout).toMatch(/1\. Send troops, with Moscow's leverage \(.* lose 5 loyalty within 3 months or by the end\)/);
    expect(troops.stdout.split(CAME).length - 1).toBe(1);
    expect(troops.stdout).not.toContain(OBSERVERS);
  });
});
