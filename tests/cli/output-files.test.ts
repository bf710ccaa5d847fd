import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';
import { FIXTURE_PATH } from '../support/scenarios.ts';

const dir = mkdtempSync(join(tmpdir(), 'article-four-output-'));
const missing = join(dir, 'no-such-folder', 'out.svg');
const aFile = join(dir, 'a-file.txt');
writeFileSync(aFile, 'not a folder\n');
const LINK = 'https://example.org/play#v=1&s=request_for_help&seed=7&d=fact_finding,vague_declaration';

function expectBadInput(result: ReturnType<typeof runCli>, message: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stderr.trim()).toMatch(message);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
}

describe('files the commands write', () => {
  it('should refuse an --svg in a missing folder before playing anything', () => {
    const csv = join(dir, 'never.csv');
    const result = runCli(['compare', FIXTURE_PATH, '--policy', 'historical', '--runs', '1000000', '--csv', csv, '--svg', missing]);
    expectBadInput(result, /^--svg .*no-such-folder.*: no folder /);
    expect(existsSync(csv)).toBe(false);
  });

  it.each([
    ['run --record to a folder', ['run', FIXTURE_PATH, '--seed', '1', '--historical', '--record', dir], /^--record .*: is a folder; give a file name$/],
    ['compare --csv to a folder', ['compare', FIXTURE_PATH, '--policy', 'historical', '--runs', '5', '--csv', dir], /^--csv .*: is a folder/],
    [
      'fork --svg in a missing folder',
      ['fork', LINK, '--scenario', FIXTURE_PATH, '--at', '1', '--options', 'stay_silent', '--runs', '5', '--svg', missing],
      /^--svg .*: no folder /,
    ],
    ['sensitivity --svg in a missing folder', ['sensitivity', FIXTURE_PATH, '--runs', '2', '--svg', missing], /^--svg .*: no folder /],
    ['schema --out under a file', ['schema', '--out', join(aFile, 'schemas')], /^--out .*: .*a-file\.txt is a file, not a folder$/],
    ['schema --out a file', ['schema', '--out', aFile], /^--out .*: is a file, not a folder$/],
  ])('should refuse %s with exit 2 and one line', (_, args, message) => {
    expectBadInput(runCli(args), message);
  });

  it.each([
    ['run --record', ['run', FIXTURE_PATH, '--seed', '1', '--historical', '--record', '/dev/full'], /^--record \/dev\/full: cannot write \(ENOSPC\)$/],
    ['compare --csv', ['compare', FIXTURE_PATH, '--policy', 'historical', '--runs', '5', '--csv', '/dev/full'], /^--csv \/dev\/full: cannot write \(ENOSPC\)$/],
  ])('should exit 2 with a message when %s fails while writing', (_, args, message) => {
    expect(existsSync('/dev/full')).toBe(true);
    expectBadInput(runCli(args), message);
  });

  it('should make a new folder for schema --out', () => {
    const out = join(dir, 'new', 'schemas');
    const result = runCli(['schema', '--out', out]);
    expect(result.code).toBe(0);
    expect(existsSync(join(out, 'scenario.schema.json'))).toBe(true);
  });
});
