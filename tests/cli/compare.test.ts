import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const fixture = 'tests/fixtures/scenarios/request_for_help.yaml';
const dir = mkdtempSync(join(tmpdir(), 'article-four-compare-'));

describe('compare on the command line', () => {
  it('should print the identical table twice for the same seeds and policies', () => {
    const args = ['compare', fixture, '--policy', 'historical', '--policy', 'random', '--runs', '200', '--seed', 's'];
    const first = runCli(args);
    const second = runCli(args);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    expect(first.stdout).toMatch(/historical \(95% interval\)/);
    expect(first.stdout).toMatch(/Armenia loyalty/);
  });

  it('should write one CSV row per run and an SVG chart', () => {
    const csv = join(dir, 'runs.csv');
    const svg = join(dir, 'chart.svg');
    const result = runCli(['compare', fixture, '--policy', 'historical', '--policy', 'greedy', '--runs', '50', '--csv', csv, '--svg', svg, '--json']);
    expect(result.code).toBe(0);
    const rows = readFileSync(csv, 'utf8').trim().split('\n');
    expect(rows).toHaveLength(1 + 2 * 50);
    expect(rows[0].split(',').slice(0, 4)).toEqual(['policy', 'run', 'seed', 'ending']);
    expect(rows.filter((r) => r.startsWith('greedy,'))).toHaveLength(50);
    const chart = readFileSync(svg, 'utf8');
    expect(chart).toMatch(/^<\?xml/);
    expect(chart).toContain('<svg');
    expect(chart).toContain('Final cohesion over 50 runs per policy');
    const report = JSON.parse(result.stdout);
    expect(report.policies).toEqual(['historical', 'greedy']);
    expect(report.runs).toBe(50);
  });

  it('should point a broken policy file to its line and exit 2', () => {
    const policy = join(dir, 'broken.yaml');
    writeFileSync(policy, 'name: broken\nchoose:\n  the_call: send_tanks\n');
    const result = runCli(['compare', fixture, '--policy', 'historical', '--policy', policy, '--runs', '10']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/broken\.yaml:3:13: choose\.the_call: no option 'send_tanks'/);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('should refuse an unknown policy name with exit 2', () => {
    const result = runCli(['compare', fixture, '--policy', 'cautious', '--runs', '10']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown policy 'cautious'");
  });
});

describe('fork on the command line', () => {
  it('should fork a recorded run and a share link of the same run alike', () => {
    const record = join(dir, 'run.json');
    expect(runCli(['run', fixture, '--seed', '7', '--historical', '--record', record]).code).toBe(0);
    const saved = JSON.parse(readFileSync(record, 'utf8'));
    const link = `https://example.org/play#v=1&s=${saved.scenario}&seed=${saved.seed}&d=${saved.decisions.join(',')}&h=${saved.contentHash}`;
    const fromFile = runCli(['fork', record, '--scenario', fixture, '--at', '1', '--options', 'stay_silent', '--runs', '40', '--json']);
    const fromLink = runCli(['fork', link, '--scenario', fixture, '--at', '1', '--options', 'stay_silent', '--runs', '40', '--json']);
    expect(fromFile.code).toBe(0);
    expect(fromLink.stdout).toBe(fromFile.stdout);
    expect(JSON.parse(fromFile.stdout).policies).toEqual(['fact_finding', 'stay_silent']);
  });

  it('should explain a damaged link instead of failing', () => {
    const result = runCli(['fork', 'https://example.org/play#v=1&s=request_for_help&d=%E0%A4%A', '--at', '1', '--options', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/damaged|incomplete/);
  });
});

describe('sensitivity on the command line', () => {
  it('should rank parameters by swing and draw a tornado chart', () => {
    const svg = join(dir, 'tornado.svg');
    const result = runCli(['sensitivity', fixture, '--outcome', 'AM.loyalty', '--runs', '20', '--top', '5', '--json', '--svg', svg]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.kind).toBe('mean');
    expect(report.rows.length).toBeGreaterThan(20);
    const swings = report.rows.map((r: { swing: number }) => r.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    // Armenia's own starting loyalty must matter to Armenia's final loyalty.
    const top = report.rows.slice(0, 5).map((r: { label: string }) => r.label);
    expect(top.some((l: string) => /AM .*loyalty/.test(l))).toBe(true);
    expect(readFileSync(svg, 'utf8')).toContain('sensitivity');
  });

  it('should reject an outcome that names an unknown value', () => {
    const result = runCli(['sensitivity', fixture, '--outcome', 'AM.morale', '--runs', '5']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown member value 'morale'");
  });
});
