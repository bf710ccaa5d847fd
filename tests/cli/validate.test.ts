import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';
import { FIXTURE, FIXTURE_PATH, RULES_PATH } from '../support/scenarios.ts';
import { FIXTURES_FOLDER, PROJECT_ROOT } from '../../src/node/scenario-folder.ts';

const dir = mkdtempSync(join(tmpdir(), 'article-four-validate-'));

/** A broken copy of the fixture in a folder of its own (a scenario's file is named after its id), and where its problem is. */
function brokenCopy(folder: string, find: string, replace: string): { path: string; shown: string; line: number; col: number } {
  const text = FIXTURE.text.replace(find, replace);
  if (text === FIXTURE.text) throw new Error(`'${find}' is not in the fixture`);
  mkdirSync(join(dir, folder));
  const path = join(dir, folder, 'request_for_help.yaml');
  writeFileSync(path, text);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(replace)) + 1;
  return { path, shown: relative(process.cwd(), path), line, col: lines[line - 1].indexOf(replace.split(': ')[1]) + 1 };
}

describe('validate', () => {
  it('should exit 0 on the fixture and on the standing rules, saying so on stderr', () => {
    const result = runCli(['validate', FIXTURE_PATH, RULES_PATH]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/2 files valid/);
  });

  it('should warn, on stderr and without failing, of too few options, none historical, a variable never read and an expectation certain by construction', () => {
    const result = runCli(['validate', FIXTURE_PATH]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const warnings = result.stderr.split('\n').filter((l) => l.includes(': warning: '));
    expect(warnings).toEqual([
      expect.stringMatching(
        /^tests\/fixtures\/scenarios\/request_for_help\.yaml:\d+:\d+: developments\[ceasefire\]\.options: warning: 2 options; a decision worth playing has at least 3/,
      ),
      expect.stringMatching(/developments\[ceasefire\]\.options: warning: no option is historical/),
      expect.stringMatching(/developments\[summit\]\.options: warning: 2 options/),
      expect.stringMatching(/variables\[weeks_of_talks\]\.id: warning: 'weeks_of_talks' is changed or declared but never read/),
      expect.stringMatching(/expectations\[am_stays\]\.when: warning: 'am_stays' holds before the first decision and after every random play/),
    ]);
    expect(result.stderr).toMatch(/1 file valid, 5 warnings/);
    // Read once, in a condition, the variable is no longer idle.
    const read = brokenCopy('reads', 'when: self.loyalty < 70 and visited(summit)', 'when: self.loyalty < 70 and visited(summit) and weeks_of_talks < 5');
    const again = runCli(['validate', read.path]);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toMatch(/weeks_of_talks/);
    expect(again.stderr).toMatch(/1 file valid, 4 warnings/);
  });

  it('should exit 2 and print file:line:col: path: message for a broken copy', () => {
    const broken = brokenCopy('next', 'next: ceasefire', 'next: nowhere');
    const result = runCli(['validate', broken.path]);
    expect(result.code).toBe(2);
    expect(result.stdout.trim().split('\n')).toEqual([
      `${broken.shown}:${broken.line}:${broken.col}: developments[the_call].options[send_troops].next: no development 'nowhere' (known: the_call, ceasefire, summit, end)`,
    ]);
    expect(result.stderr).toMatch(/1 problem in 1 of 1 files/);
  });

  it('should report every broken file given, with its problems, as JSON when asked', () => {
    const a = brokenCopy('era', 'era: 2022', 'era: twenty');
    const b = brokenCopy('alias', 'start: the_call', 'start: *a');
    const result = runCli(['validate', a.path, FIXTURE_PATH, b.path, '--json']);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout) as { file: string; problems: { file: string; line: number; col: number; path: string; message: string }[] }[];
    expect(report.map((r) => r.problems.length > 0)).toEqual([true, false, true]);
    expect(report[0].problems[0]).toMatchObject({ file: a.shown, line: a.line, col: a.col, path: 'era' });
    expect(report[2].problems[0]).toMatchObject({ file: b.shown, line: b.line, col: b.col, message: expect.stringMatching(/aliases/) });
  });

  it('should exit 2 with a message, not a stack trace, for a file that does not exist', () => {
    const result = runCli(['validate', join(dir, 'missing.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/missing\.yaml: cannot read: ENOENT/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('should load a scenario and a campaign beside a folder named like a scenario and a link to an endless device', () => {
    const folder = join(dir, 'odd-siblings');
    mkdirSync(folder);
    for (const id of ['request_for_help', 'border_clash', 'two_crises']) {
      copyFileSync(join(PROJECT_ROOT, FIXTURES_FOLDER, `${id}.yaml`), join(folder, `${id}.yaml`));
    }
    mkdirSync(join(folder, 'z.yaml'));
    symlinkSync('/dev/zero', join(folder, 'endless.yaml'));
    const result = runCli(['validate', join(folder, 'request_for_help.yaml'), join(folder, 'two_crises.yaml'), '--rules', RULES_PATH]);
    expect(result.stderr).toMatch(/2 files valid/);
    expect(result.code).toBe(0);
  });

  it('should exit 2 with a message for a scenario that is a folder or an endless device', () => {
    const folder = join(dir, 'odd-targets');
    mkdirSync(folder);
    mkdirSync(join(folder, 'z.yaml'));
    symlinkSync('/dev/zero', join(folder, 'endless.yaml'));
    for (const name of ['z.yaml', 'endless.yaml']) {
      const result = runCli(['validate', join(folder, name)]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/cannot read: not a regular file/);
    }
  });

  describe('--sources', () => {
    const SOURCES = 'tests/fixtures/sources';

    it('should exit 0 when every quote of the fixture is in the source it cites', () => {
      const result = runCli(['validate', FIXTURE_PATH, '--sources', SOURCES]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('');
    });

    it("should catch one changed word in a development's quote, at the quote's text", () => {
      const broken = brokenCopy('quote-text', 'text: There is no more hope for CSTO.', 'text: There is no more hope for NATO.');
      const result = runCli(['validate', broken.path, '--sources', SOURCES]);
      expect(result.code).toBe(2);
      expect(result.stdout.trim().split('\n')).toEqual([
        `${broken.shown}:${broken.line}:${broken.col}: developments[the_call].quotes[0].text: quote not found in 003_5a98e20ee2fbc50d.txt: "There is no more hope for NATO."`,
      ]);
    });

    it("should catch one changed word in a number's source, pointing at the quote", () => {
      const broken = brokenCopy(
        'quote-source',
        'source: "003_5a98e20ee2fbc50d.txt: \'Of course, they are distracted by Ukraine.\'"',
        'source: "003_5a98e20ee2fbc50d.txt: \'Of course, they are distracted by Syria.\'"',
      );
      const result = runCli(['validate', broken.path, '--sources', SOURCES]);
      expect(result.code).toBe(2);
      const line = broken.line;
      const col = FIXTURE.text.replace('by Ukraine.', 'by Syria.').split('\n')[line - 1].indexOf('Of course') + 1;
      expect(result.stdout.trim().split('\n')).toEqual([
        `${broken.shown}:${line}:${col}: setup[0].source: quote not found in 003_5a98e20ee2fbc50d.txt: "Of course, they are distracted by Syria."`,
      ]);
    });

    it('should exit 2 with a clear message when the folder does not exist', () => {
      const result = runCli(['validate', FIXTURE_PATH, '--sources', join(dir, 'no-such-folder')]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/no-such-folder: no such folder of source texts/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  });
});
