import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('the command line with no command', () => {
  it('should print the help to stderr and exit 2', () => {
    const result = runCli([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Usage: article-four/);
    expect(result.stderr).toMatch(/Commands:[\s\S]*validate[\s\S]*compare/);
  });

  it('should still exit 0 for --help', () => {
    const result = runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: article-four/);
  });
});
