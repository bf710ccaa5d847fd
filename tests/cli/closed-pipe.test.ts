import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI } from './run-cli.ts';

describe('output into a pipe its reader closes', () => {
  it('should end quietly, with no EPIPE stack trace, when the reader has gone before the first line', () => {
    // `true` exits without reading: every line the command writes meets a closed pipe.
    const result = spawnSync('sh', ['-c', '"$0" "$1" run kazakhstan_2022 --historical --seed 1 | true', process.execPath, CLI], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
