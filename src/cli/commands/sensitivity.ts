import { planSensitivity, SensitivityError, type SensitivityReport, SensitivityTotals, settingCount } from '../../engine/analysis/sensitivity.ts';
import { fileKind } from '../../engine/authoring/library.ts';
import { sensitivityChart } from '../charts/sensitivity-chart.ts';
import { EXIT, type Output } from '../io/output.ts';
import { checkOutputFile, writeOutputFile } from '../io/output-files.ts';
import { progressBar } from '../io/progress.ts';
import { InputError, loadScenarioFile, readText, rulesFor, scenarioPath } from '../io/scenario-files.ts';
import { resolvePolicy } from '../io/policy-argument.ts';
import { parseCount, RUNS, TOP_ROWS } from '../io/numeric-options.ts';
import { parseWorkers } from '../io/workers-option.ts';
import { sensitivityChunks, type SensitivityTask, type SettingRange } from '../parallel/batch-tasks.ts';
import { playBatch } from '../parallel/play-batch.ts';

export interface SensitivityCommandOptions {
  policy: string;
  outcome: string;
  runs: string;
  seed: string;
  top: string;
  json?: boolean;
  svg?: string;
  rules?: string;
  workers?: string;
}

/** `sensitivity <scenario> --policy P`: which sourced numbers and assumptions move the outcome most. */
export async function sensitivityCommand(name: string, options: SensitivityCommandOptions, out: Output): Promise<number> {
  const path = scenarioPath(name);
  const scenarioFile = readText(path);
  if (fileKind(scenarioFile.text) === 'campaign') throw new InputError('sensitivity works on one scenario at a time; name a chapter of the campaign');
  const scenario = loadScenarioFile(path, options.rules);
  const policy = resolvePolicy(options.policy, scenario);
  const runs = parseCount('--runs', options.runs, RUNS);
  const top = parseCount('--top', options.top, TOP_ROWS);
  const workers = parseWorkers(options.workers, Number.POSITIVE_INFINITY);
  if (options.svg) checkOutputFile('--svg', options.svg);
  const task: SensitivityTask = {
    kind: 'sensitivity',
    scenarioFile: path,
    rulesFile: rulesFor(path, options.rules),
    seed: options.seed,
    policy: options.policy,
    outcome: options.outcome,
  };
  let report: SensitivityReport;
  try {
    const plan = planSensitivity({ scenario: scenarioFile, rules: readText(task.rulesFile) }, options.outcome);
    // A chunk per setting: a setting's scenario is compiled once, in the thread that plays all its seeds.
    const chunks: SettingRange[] = Array.from({ length: settingCount(plan) }, (_, setting) => ({ setting, from: 0, to: runs }));
    const totals = new SensitivityTotals(plan);
    const progress = progressBar(settingCount(plan) * runs, 'runs');
    let done = 0;
    try {
      await playBatch(task, workers, chunks, sensitivityChunks(task, plan), (values, chunk) => {
        totals.add(chunk.setting, values);
        done += chunk.to - chunk.from;
        progress.update(done);
      });
    } finally {
      progress.stop();
    }
    report = totals.report(policy.name, options.outcome, runs);
  } catch (error) {
    if (error instanceof SensitivityError) throw new InputError(error.message);
    throw error;
  }
  if (options.svg) writeOutputFile('--svg', options.svg, await sensitivityChart(report, top));
  if (options.json) {
    out.data(JSON.stringify(report, null, 2));
    return EXIT.ok;
  }
  const show = (x: number) => (report.kind === 'probability' ? `${(x * 100).toFixed(1)}%` : x.toFixed(1));
  out.data(
    `${report.scenario}, policy ${report.policy}: ${report.kind === 'probability' ? 'P' : 'mean'}(${report.outcome}) = ${show(report.base)} over ${report.runs} seeds`,
  );
  out.data(`${report.rows.length} parameters moved down and up in turn; the ${Math.min(top, report.rows.length)} that move the outcome most:`);
  out.data('');
  const rows = report.rows
    .slice(0, top)
    .map((r) => [
      r.label,
      `${fmtValue(r.low)} .. ${fmtValue(r.base)} .. ${fmtValue(r.high)}`,
      `${show(r.outcomeLow)} .. ${show(r.outcomeHigh)}`,
      show(r.swing),
      r.provenance.length > 60 ? `${r.provenance.slice(0, 57)}...` : r.provenance,
    ]);
  const header = ['parameter', 'low .. base .. high', 'outcome low .. high', 'swing', 'provenance'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  out.data(header.map((h, i) => h.padEnd(widths[i])).join('  '));
  for (const r of rows) out.data(r.map((c, i) => c.padEnd(widths[i])).join('  '));
  const flat = report.rows.filter((r) => r.swing === 0).length;
  out.data('');
  out.data(`${flat} parameters did not move the outcome at all over these seeds.`);
  return EXIT.ok;
}

const fmtValue = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
