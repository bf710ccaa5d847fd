import { CompareMerge, type CompareReport } from '../../engine/analysis/compare.ts';
import { runHeader } from '../../engine/analysis/run-rows.ts';
import { seedChunks } from '../../engine/analysis/seed-chunks.ts';
import { compareChart } from '../charts/compare-chart.ts';
import { EXIT, type Output } from '../io/output.ts';
import { parseCount, RUNS } from '../io/numeric-options.ts';
import { checkOutputFile, openOutputFile, writeOutputFile } from '../io/output-files.ts';
import { progressBar } from '../io/progress.ts';
import { InputError, loadScenarioFile } from '../io/scenario-files.ts';
import { resolvePolicy } from '../io/policy-argument.ts';
import { parseWorkers } from '../io/workers-option.ts';
import { compareChunks, type CompareTask } from '../parallel/batch-tasks.ts';
import { playBatch } from '../parallel/play-batch.ts';

export interface CompareCommandOptions {
  policy: string[];
  runs: string;
  seed: string;
  json?: boolean;
  csv?: string;
  svg?: string;
  rules?: string;
  workers?: string;
}

/** `compare <scenario> --policy A --policy B --runs N --seed S`: distributions of outcomes, side by side. */
export async function compareCommand(scenarioName: string, options: CompareCommandOptions, out: Output): Promise<number> {
  const scenario = loadScenarioFile(scenarioName, options.rules);
  if (!options.policy?.length) throw new InputError('give at least one --policy');
  const policies = options.policy.map((p) => resolvePolicy(p, scenario));
  const runs = parseCount('--runs', options.runs, RUNS);
  const workers = parseWorkers(options.workers, runs);
  if (options.csv) checkOutputFile('--csv', options.csv);
  if (options.svg) checkOutputFile('--svg', options.svg);
  const csv = options.csv ? openOutputFile('--csv', options.csv) : null;
  csv?.write(`${runHeader(scenario, 'policy').join(',')}\n`);
  const task: CompareTask = { kind: 'compare', scenario: scenarioName, rules: options.rules, seed: options.seed, policies: options.policy, csv: csv !== null };
  const merge = new CompareMerge(
    scenario,
    policies.map((p) => p.name),
    options.seed,
  );
  const progress = progressBar(runs * policies.length, 'runs');
  try {
    await playBatch(task, workers, seedChunks(runs), compareChunks(task, scenario), ({ part, rows }, chunk) => {
      merge.add(part);
      for (const row of rows) csv?.write(`${row}\n`);
      progress.update(chunk.to * policies.length);
    });
  } finally {
    progress.stop();
    csv?.close();
  }
  const report: CompareReport = merge.report();
  if (options.svg) writeOutputFile('--svg', options.svg, await compareChart(report));
  if (options.json) out.data(JSON.stringify(report, null, 2));
  else for (const line of compareTable(report)) out.data(line);
  return EXIT.ok;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (x: number) => x.toFixed(1);

/** The comparison as a plain-text table: probabilities with 95% intervals, percentiles, paired differences. */
export function compareTable(report: CompareReport): string[] {
  const lines: string[] = [];
  const names = report.policies;
  lines.push(`${report.scenario}: ${report.runs} runs per policy on the same seeds (${report.seed}-0 ... ${report.seed}-${report.runs - 1})`);
  lines.push('');
  const rows: string[][] = [['outcome', ...names.map((n) => `${n} (95% interval)`), ...names.slice(1).map((n) => `${n} − ${names[0]}`)]];
  for (const o of report.outcomes) {
    if (o.byPolicy.every((i) => i.estimate === 0)) continue;
    rows.push([
      o.label,
      ...o.byPolicy.map((i) => `${pct(i.estimate)} (${pct(i.lo)}–${pct(i.hi)})`),
      ...o.difference.slice(1).map((d) => `${d.estimate >= 0 ? '+' : ''}${pct(d.estimate)} (${pct(d.lo)}–${pct(d.hi)})`),
    ]);
  }
  lines.push(...table(rows), '');
  const metricRows: string[][] = [['at the end', ...names.map((n) => `${n} p10 / p50 / p90`), ...names.slice(1).map((n) => `${n} − ${names[0]} (mean)`)]];
  for (const m of report.metrics) {
    metricRows.push([
      m.label,
      ...m.byPolicy.map((q) => `${num(q.p10)} / ${num(q.p50)} / ${num(q.p90)}`),
      ...m.difference.slice(1).map((d) => `${d.estimate >= 0 ? '+' : ''}${num(d.estimate)} (${num(d.lo)}–${num(d.hi)})`),
    ]);
  }
  lines.push(...table(metricRows));
  lines.push('', 'Outcomes that never happened under any policy are left out. Intervals: Wilson for probabilities; paired normal for differences.');
  for (const note of report.notes) lines.push(`Note: ${note}`);
  return lines;
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r, j) => {
    const line = r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
    return j === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
  });
}
