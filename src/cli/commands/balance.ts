import { balanceChunks, BalanceMerge, balanceWork, PLAN_SEEDS, type BalanceReport, searchBalancePlan } from '../../engine/analysis/balance.ts';
import { fileTargets, libraryTargets, TARGETS } from '../../engine/analysis/balance-targets.ts';
import { DOMINANT_SHARE } from '../../engine/analysis/historical-sweep.ts';
import type { PlanSearch } from '../../engine/analysis/plan-search.ts';
import { EXIT, type Output } from '../io/output.ts';
import { progressBar } from '../io/progress.ts';
import { groupDigits, PLAN_SEED_COUNT, parseCount, RUNS } from '../io/numeric-options.ts';
import { libraryScenarioPaths, loadScenarioFile } from '../io/scenario-files.ts';
import { parseWorkers } from '../io/workers-option.ts';
import { type BalanceTask, balanceRuns } from '../parallel/batch-tasks.ts';
import { playBatch } from '../parallel/play-batch.ts';

export interface BalanceCommandOptions {
  runs: string;
  seed: string;
  planSeeds?: string;
  json?: boolean;
  rules?: string;
  workers?: string;
}

/** `balance [scenarios...]`: whether each scenario plays itself, measured over many seeds. */
export async function balanceCommand(names: string[], options: BalanceCommandOptions, out: Output): Promise<number> {
  const runs = parseCount('--runs', options.runs, RUNS);
  const planSeeds = options.planSeeds === undefined ? PLAN_SEEDS : parseCount('--plan-seeds', options.planSeeds, PLAN_SEED_COUNT);
  const workers = parseWorkers(options.workers, runs);
  // Every file is loaded before any is played, so a bad name fails at once rather than minutes in.
  const targets = names.length ? names : libraryScenarioPaths();
  const scenarios = targets.map((name) => loadScenarioFile(name, options.rules));
  const work = balanceWork(runs);
  const progress = progressBar(work * scenarios.length, 'steps');
  const reports: BalanceReport[] = [];
  try {
    for (const [k, scenario] of scenarios.entries()) {
      const balanceOptions = { runs, seed: options.seed, planSeeds, onProgress: (done: number) => progress.update(k * work + done) };
      // The plan search climbs from plan to plan, each step depending on the last: it stays in this thread.
      const plan = searchBalancePlan(scenario, balanceOptions);
      const task: BalanceTask = { kind: 'balance', scenario: targets[k] ?? '', rules: options.rules, seed: options.seed, best: plan.best };
      const merge = new BalanceMerge(scenario, balanceOptions, plan);
      let done = runs;
      await playBatch(task, workers, balanceChunks(runs), balanceRuns(task, scenario), (part, chunk) => {
        merge.add(part);
        done += (chunk.sweep ? 1 : 4) * (chunk.to - chunk.from);
        progress.update(k * work + done);
      });
      reports.push(merge.report());
    }
  } finally {
    progress.stop();
  }
  if (options.json) out.data(JSON.stringify(reports, null, 2));
  else for (const line of balanceTable(reports)) out.data(line);
  return EXIT.ok;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (x: number) => x.toFixed(1);

/** Each scenario's balance as plain text, then one line per scenario to read them side by side. */
export function balanceTable(reports: BalanceReport[]): string[] {
  const lines: string[] = [];
  for (const r of reports) lines.push(...scenarioLines(r), '');
  if (reports.length) {
    lines.push(`Summary (${reports[0].runs} seeds each)`);
    lines.push(...summary(reports));
    lines.push(
      '',
      'hist ending: share of seeds on which the historical path gives its most frequent ending; p10-p90: its final cohesion across seeds;',
      'pinned: the most, under any policy, of runs ending with a member value at 0 or 100; rank: the historical plan among the plans searched (1 = best); beaten by: the share of all plans, or of 100 drawn at random where the search climbs, that score better;',
      `dominant: decisions on the historical path with an option best on >= ${DOMINANT_SHARE * 100}% of seeds;`,
      'greedy/planning: mean final cohesion; Russia: options on the historical path it opposes without blocking / blocks (a veto, or an objection to what needs Russian effort) on any seed, of those on the table.',
    );
  }
  return lines;
}

function scenarioLines(r: BalanceReport): string[] {
  return [
    `${r.scenario}: ${r.title} (${r.runs} seeds, ${r.seed}-0 ... ${r.seed}-${r.runs - 1}; plans scored on ${r.plan.seeds} other seeds)`,
    ...policyTable(r).map((l) => `  ${l}`),
    ...planLines(r),
    ...historicalLines(r),
    ...dominanceLines(r),
    ...inertLines(r),
    ...russiaLines(r),
  ];
}

/** How each policy ends, its cohesion, what it leaves pinned at the edge of the scale and who ends most loyal, side by side. */
function policyTable(r: BalanceReport): string[] {
  const names = r.policies.map((p) => p.policy);
  const rows: string[][] = [['ending', ...names]];
  for (const [j, e] of r.policies[0].endings.entries()) rows.push([`${e.tone.padEnd(7)} ${e.id}`, ...r.policies.map((p) => pct(p.endings[j].share))]);
  rows.push(['mean final cohesion', ...r.policies.map((p) => num(p.meanCohesion))]);
  rows.push(['any value at 0 or 100', ...r.policies.map((p) => pct(p.pinned.share))]);
  rows.push(['  most often', ...r.policies.map((p) => p.pinned.values[0]?.key ?? '-')]);
  rows.push(['  not there at the start', ...r.policies.map((p) => pct(p.pinned.driven))]);
  rows.push(['  most often', ...r.policies.map((p) => p.pinned.drivenValues[0]?.key ?? '-')]);
  rows.push(['most loyal at the end', ...r.policies.map((p) => `${p.loyalty[0]?.member ?? '-'} ${num(p.loyalty[0]?.mean ?? NaN)}`)]);
  return table(rows);
}

/** How the best plan was searched, the plan itself, and how closely the planning policy could follow it. */
function planLines(r: BalanceReport): string[] {
  const plan = r.plan;
  const lines = [
    `  planning: the best of ${plan.method === 'exhaustive' ? `all ${groupDigits(plan.space)} plans` : `${plan.searched} of ${groupDigits(plan.space)} plans searched (coordinate ascent from the historical plan, and from the best of ${plan.randomPlans?.plans ?? 0} random plans where that did better)`}, ${num(plan.bestScore)} on the search seeds:`,
    `    ${Object.entries(plan.best)
      .map(([d, o]) => `${d}=${o}`)
      .join(', ')}`,
  ];
  const off = r.policies.find((p) => p.policy === 'planning')?.offPlan;
  if (off && off.otherWayRuns === 0 && off.greedyRuns === 0) lines.push('    followed to the letter on every seed');
  else if (off) {
    lines.push(
      `    its option taken the other way (with or without leverage) in ${pct(off.otherWayRuns / r.runs)} of runs (${off.otherWay} decisions); vetoed or off the table, so the greedy choice instead, in ${pct(off.greedyRuns / r.runs)} (${off.greedy} decisions)`,
    );
  }
  const drawn = plan.randomPlans ? `; ${plan.randomPlans.better} of ${plan.randomPlans.plans} plans drawn at random score better` : '';
  lines.push(`  historical plan: ${num(plan.historicalScore)} on the search seeds, rank ${plan.historicalRank} of ${plan.searched}${drawn}`);
  return lines;
}

function historicalLines(r: BalanceReport): string[] {
  const c = r.historical.cohesion;
  const off = r.policies.find((p) => p.policy === 'historical')?.offHistory ?? 0;
  return [
    `  historical path: final cohesion p10-p90 ${num(c.p10)}-${num(c.p90)} (median ${num(c.p50)}); '${r.historical.modalEnding.id}' on ${pct(r.historical.modalEnding.share)} of seeds`,
    ...(off > 0 ? [`    reaches a development history never reached on ${pct(off)} of seeds; the option there is drawn at random`] : []),
  ];
}

function dominanceLines(r: BalanceReport): string[] {
  const lines = [
    `  decisions with an option best on >= ${DOMINANT_SHARE * 100}% of seeds: ${r.dominance.withDominant} of ${r.dominance.decisions} (${pct(r.dominance.share)})`,
  ];
  for (const d of r.decisions) {
    for (const decision of d.dominant) {
      const best = d.choices.find((x) => x.decision === decision);
      if (!best) continue;
      lines.push(`    ${d.development}: ${decision} best on ${pct(best.best / d.visits)}`);
    }
  }
  return lines;
}

function inertLines(r: BalanceReport): string[] {
  const lines = [r.inert.length ? '  options that change nothing (the same final world as another on every seed):' : '  options that change nothing: none'];
  for (const i of r.inert) lines.push(`    ${i.development}: ${i.decision} ends as ${i.as} does (${i.visits} seeds)`);
  return lines;
}

function russiaLines(r: BalanceReport): string[] {
  const lines = [`  Russia on the historical path: objects to ${r.russia.objects} and vetoes ${r.russia.vetoes} of ${r.russia.options} options on the table`];
  for (const s of r.russia.stances) {
    const parts = [s.objects ? `objects on ${pct(s.objects / s.seen)}` : '', s.vetoes ? `vetoes on ${pct(s.vetoes / s.seen)}` : ''].filter(Boolean);
    lines.push(`    ${s.development}/${s.option}: ${parts.join(', ')} of ${s.seen} seeds`);
  }
  return lines;
}

function summary(reports: BalanceReport[]): string[] {
  const rows: string[][] = [
    [
      'scenario',
      'hist ending',
      'p10-p90',
      'rank',
      'beaten by',
      'dominant',
      'greedy',
      'greedy ending',
      'planning',
      'Russia',
      'most loyal (historical)',
      'pinned',
    ],
  ];
  for (const r of reports) {
    const by = (name: string) => r.policies.find((p) => p.policy === name);
    const c = r.historical.cohesion;
    const top = by('historical')?.loyalty[0];
    const t = fileTargets(r);
    rows.push([
      r.scenario,
      pct(r.historical.modalEnding.share),
      `${num(c.p10)}-${num(c.p90)}`,
      `${r.plan.historicalRank}/${r.plan.searched}`,
      beatenBy(r.plan),
      `${r.dominance.withDominant}/${r.dominance.decisions}`,
      num(by('greedy')?.meanCohesion ?? NaN),
      pct(t.greedyModal),
      num(by('planning')?.meanCohesion ?? NaN),
      `${r.russia.objects}/${r.russia.vetoes} of ${r.russia.options}`,
      `${top ? `${top.member} ${num(top.mean)}` : '-'}${t.russiaNotTop.length ? ` (not RU under ${t.russiaNotTop.join(', ')})` : ''}`,
      pct(t.pinned),
    ]);
  }
  return [...table(rows), '', ...targetLines(reports)];
}

/** The targets of design.md's "What makes it a game", file by file and for the library. */
function targetLines(reports: BalanceReport[]): string[] {
  const lib = libraryTargets(reports);
  const n = reports.length;
  const misses = lib.files.flatMap((f) => [
    ...(f.every.dominance ? [] : [`${f.scenario}: ${pct(f.dominance)} of decisions have a dominant option (at most ${pct(TARGETS.dominanceMax)})`]),
    ...(f.every.russiaTop ? [] : [`${f.scenario}: Russia is not the most loyal under ${f.russiaNotTop.join(', ')}`]),
    ...(f.every.pinned ? [] : [`${f.scenario}: ${pct(f.pinned)} of runs end with a member value at 0 or 100 (at most ${pct(TARGETS.pinnedMax)})`]),
  ]);
  return [
    `targets ${lib.met ? 'met' : 'not met'}: greedy's ending varies (<= ${pct(TARGETS.greedyModalMax)}) in ${lib.greedyVaried} of ${n} (need ${TARGETS.greedyFiles}); planning beats greedy by >= ${TARGETS.planningGainMin} in ${lib.planningPays} of ${n} (need ${TARGETS.greedyFiles}); the historical ending varies (<= ${pct(TARGETS.historicalModalMax)}) in ${lib.historicalVaried} of ${n} (need ${TARGETS.historicalFiles})`,
    ...misses.map((m) => `  ${m}`),
  ];
}

function beatenBy(plan: PlanSearch): string {
  if (plan.randomPlans) return `${pct(plan.randomPlans.better / plan.randomPlans.plans)} drawn`;
  return `${pct((plan.historicalRank - 1) / plan.space)} all`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
}
