import { parse } from 'yaml';
import { playOut } from '../play/batch.ts';
import type { Policy } from '../play/policies.ts';
import { compileScenarioData } from '../authoring/compile/from-data.ts';
import { loadScenario, type TextFile } from '../authoring/load.ts';
import { compileQuery, type Query } from '../authoring/query.ts';
import type { Scenario } from '../core/scenario.ts';
import { compareText } from '../core/text-order.ts';
import { hashText } from '../core/hash.ts';
import { seedChunks, type SeedRange } from './seed-chunks.ts';

/**
 * Which numbers the conclusions rest on: each sourced value and assumption of the scenario and of the
 * standing rules is moved down and up in turn, the policy is played on the same seeds each time, and
 * the parameters are ranked by how far they move the outcome. A historian reads the top of the list
 * as "these are the numbers to check first".
 */
export interface Parameter {
  file: 'rules' | 'scenario';
  path: (string | number)[];
  base: number;
  low: number;
  high: number;
  provenance: string;
}

export interface SensitivityRow extends Parameter {
  label: string;
  outcomeLow: number;
  outcomeHigh: number;
  swing: number;
}

export interface SensitivityReport {
  scenario: string;
  policy: string;
  outcome: string;
  kind: Query['kind'];
  runs: number;
  base: number;
  rows: SensitivityRow[];
}

const UNIT_KEYS = new Set(['intervention', 'confrontsAdversary', 'russianEffort', 'chance']);
const WEIGHT_PARENTS = new Set(['cohesion', 'stance', 'leverage']);

function bounds(path: (string | number)[], value: number): { low: number; high: number } {
  const key = String(path[path.length - 1]);
  const parent = String(path[path.length - 2] ?? '');
  if (UNIT_KEYS.has(key)) return { low: Math.max(0, value - 0.2), high: Math.min(1, value + 0.2) };
  if (WEIGHT_PARENTS.has(String(path[0])) && key === 'value') return { low: value * 0.75, high: value * 1.25 };
  if (key === 'value' || parent === 'baselines') return { low: Math.max(0, value - 10), high: Math.min(100, value + 10) };
  const delta = Math.max(Math.abs(value) * 0.25, 2);
  return { low: value - delta, high: value + delta };
}

/** Every number that carries a source or an assumption, and every number inside a sourced object. */
export function parametersOf(data: unknown, file: Parameter['file'], keep: (path: (string | number)[]) => boolean): Parameter[] {
  const found: Parameter[] = [];
  const walk = (node: unknown, path: (string | number)[], provenance: string | null) => {
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) walk(item, [...path, i], provenance);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const own = typeof record.source === 'string' ? record.source : record.assumption === true ? "designer's assumption" : null;
    const from = own ?? provenance;
    for (const [key, value] of Object.entries(record)) {
      const here = [...path, key];
      if (typeof value === 'number' && from && !['year', 'from', 'to', 'min', 'max', 'initial', 'era', 'spread'].includes(key) && keep(here)) {
        found.push({ file, path: here, base: value, ...bounds(here, value), provenance: from });
      } else walk(value, here, from);
    }
  };
  walk(data, [], null);
  return found.filter((p) => p.low !== p.high);
}

/** A path a person can read: ids instead of indexes, and what an effect changes. */
function labelFor(data: unknown, p: Parameter): string {
  const parts: string[] = [];
  let node = data as Record<string | number, unknown> | undefined;
  for (const part of p.path) {
    const next = node?.[part] as Record<string, unknown> | undefined;
    if (typeof part === 'number') {
      const name = next && typeof next === 'object' ? (next.id ?? next.change ?? next.year ?? next.kind) : undefined;
      parts.push(name !== undefined ? String(name) : `[${part}]`);
    } else if (!['value', 'developments', 'options', 'effects', 'members', 'reactions'].includes(part)) parts.push(part);
    node = next;
  }
  return `${p.file === 'rules' ? 'rules' : 'scenario'}: ${parts.join(' / ')}`;
}

/**
 * The data with one value changed: only the objects on the path to it are copied, the rest is shared
 * with the data as written, which compiling only reads. Copying it all for each of hundreds of
 * settings was a tenth of a sweep.
 */
function setAt(data: unknown, path: (string | number)[], value: number): unknown {
  const [part, ...rest] = path;
  if (part === undefined) return value;
  const node = data as Record<string | number, unknown>;
  const copy = (Array.isArray(node) ? [...node] : { ...node }) as Record<string | number, unknown>;
  copy[part] = setAt(node[part], rest, value);
  return copy;
}

export class SensitivityError extends Error {}

/** What a sensitivity analysis plays: the scenario as written, then each parameter at its low and at its high value. */
export interface SensitivityPlan {
  scenario: Scenario;
  query: Query;
  parameters: Parameter[];
  scenarioData: unknown;
  rulesData: unknown;
  names: { scenario: string; rules: string };
}

export function planSensitivity(files: { scenario: TextFile; rules: TextFile }, outcome: string): SensitivityPlan {
  const baseLoad = loadScenario(files.scenario, files.rules);
  if (!baseLoad.ok) throw new SensitivityError(`${files.scenario.file} does not load`);
  const scenario = baseLoad.value;
  const compiled = compileQuery(scenario, outcome);
  if (!compiled.ok) throw new SensitivityError(compiled.error);
  const scenarioData = parse(files.scenario.text);
  const rulesData = parse(files.rules.text);
  const members = new Set<string>(scenario.members);
  const relevantRule = (path: (string | number)[]) => {
    if (path[0] === 'members') return members.has(String(path[1]));
    return path[0] !== 'sources';
  };
  const parameters = [...parametersOf(scenarioData, 'scenario', () => true), ...parametersOf(rulesData, 'rules', relevantRule)];
  return { scenario, query: compiled.value, parameters, scenarioData, rulesData, names: { scenario: files.scenario.file, rules: files.rules.file } };
}

/** Setting 0 is the scenario as written; settings 2k+1 and 2k+2 are parameter k at its low and at its high value. */
export function settingCount(plan: SensitivityPlan): number {
  return 1 + 2 * plan.parameters.length;
}

/** The scenario at a setting, or null when the moved value is outside what the model accepts (no reading there). */
export function scenarioAtSetting(plan: SensitivityPlan, setting: number): Scenario | null {
  if (setting === 0) return plan.scenario;
  const p = plan.parameters[(setting - 1) >> 1];
  if (p === undefined) throw new RangeError(`no setting ${setting}`);
  const value = setting % 2 === 1 ? p.low : p.high;
  const scenario = p.file === 'scenario' ? setAt(plan.scenarioData, p.path, value) : plan.scenarioData;
  const rules = p.file === 'rules' ? setAt(plan.rulesData, p.path, value) : plan.rulesData;
  // Named by what moved rather than by hashing both files' data again: a setting's scenario is never recorded.
  const contentHash = hashText(`${plan.scenario.contentHash}\u0000${p.file}\u0000${p.path.join('\u0000')}\u0000${value}`);
  const loaded = compileScenarioData({ scenario, rules, files: plan.names, contentHash });
  return loaded.ok ? loaded.value : null;
}

/** The outcome of each run of a seed range at one setting, in seed order (1 or 0 for a condition). */
export function outcomeValues(scenario: Scenario, policy: Policy, query: Query, range: SeedRange, seed: string): number[] {
  const values: number[] = [];
  for (let i = range.from; i < range.to; i++) {
    const world = playOut(scenario, `${seed}-${i}`, policy).world;
    values.push(query.kind === 'mean' ? query.read(world) : query.test(world) ? 1 : 0);
  }
  return values;
}

/**
 * Each setting's outcome summed over its runs in seed order, as parts arrive in that order, so the sum is
 * the same float whether the runs were played in one pass or in chunks over threads.
 */
export class SensitivityTotals {
  private readonly totals: (number | null)[];

  constructor(private readonly plan: SensitivityPlan) {
    this.totals = new Array<number | null>(settingCount(plan)).fill(0);
  }

  /** The next part of a setting: its runs' values, or null when the setting does not load. */
  add(setting: number, values: number[] | null): void {
    let total = this.totals[setting] ?? null;
    if (values === null || total === null) {
      this.totals[setting] = null;
      return;
    }
    for (const v of values) total += v;
    this.totals[setting] = total;
  }

  report(policy: string, outcome: string, runs: number): SensitivityReport {
    const { plan } = this;
    const mean = (setting: number) => {
      const total = this.totals[setting];
      return total === null || total === undefined ? null : total / runs;
    };
    const rows: SensitivityRow[] = [];
    plan.parameters.forEach((p, k) => {
      const outcomeLow = mean(2 * k + 1);
      const outcomeHigh = mean(2 * k + 2);
      if (outcomeLow === null || outcomeHigh === null) return;
      rows.push({
        ...p,
        label: labelFor(p.file === 'scenario' ? plan.scenarioData : plan.rulesData, p),
        outcomeLow,
        outcomeHigh,
        swing: Math.abs(outcomeHigh - outcomeLow),
      });
    });
    rows.sort((a, b) => b.swing - a.swing || compareText(a.label, b.label));
    return { scenario: plan.scenario.id, policy, outcome, kind: plan.query.kind, runs, base: mean(0) ?? Number.NaN, rows };
  }
}

export function sensitivity(
  files: { scenario: TextFile; rules: TextFile },
  policy: Policy,
  outcome: string,
  options: { runs: number; seed: string; onProgress?: (done: number, total: number) => void },
): SensitivityReport {
  const plan = planSensitivity(files, outcome);
  const totals = new SensitivityTotals(plan);
  const settings = settingCount(plan);
  for (let setting = 0; setting < settings; setting++) {
    const scenario = scenarioAtSetting(plan, setting);
    for (const range of seedChunks(options.runs))
      totals.add(setting, scenario === null ? null : outcomeValues(scenario, policy, plan.query, range, options.seed));
    if (setting % 2 === 0 && setting > 0) options.onProgress?.(setting / 2, plan.parameters.length);
  }
  return totals.report(policy.name, outcome, options.runs);
}
