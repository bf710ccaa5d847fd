import { parse } from 'yaml';
import { playOut } from '../play/batch.ts';
import type { Policy } from '../play/policies.ts';
import { compileScenarioData } from '../authoring/compile/from-data.ts';
import { loadScenario, type TextFile } from '../authoring/load.ts';
import { compileQuery, type Query } from '../authoring/query.ts';
import type { Scenario } from '../core/scenario.ts';
import { compareText } from '../core/text-order.ts';

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

function setAt(data: unknown, path: (string | number)[], value: number): unknown {
  // A JSON round trip: the data came from YAML, so it is plain JSON-like values.
  const copy = JSON.parse(JSON.stringify(data)) as Record<string | number, unknown>;
  let node = copy as Record<string | number, unknown>;
  for (const part of path.slice(0, -1)) node = node[part] as Record<string | number, unknown>;
  const last = path.at(-1);
  if (last !== undefined) node[last] = value;
  return copy;
}

function measure(scenario: Scenario, policy: Policy, query: Query, runs: number, seed: string): number {
  let total = 0;
  for (let i = 0; i < runs; i++) {
    const world = playOut(scenario, `${seed}-${i}`, policy).world;
    total += query.kind === 'mean' ? query.read(world) : query.test(world) ? 1 : 0;
  }
  return total / runs;
}

export class SensitivityError extends Error {}

export function sensitivity(
  files: { scenario: TextFile; rules: TextFile },
  policy: Policy,
  outcome: string,
  options: { runs: number; seed: string; onProgress?: (done: number, total: number) => void },
): SensitivityReport {
  const baseLoad = loadScenario(files.scenario, files.rules);
  if (!baseLoad.ok) throw new SensitivityError(`${files.scenario.file} does not load`);
  const scenario = baseLoad.value;
  const compiled = compileQuery(scenario, outcome);
  if (!compiled.ok) throw new SensitivityError(compiled.error);
  const query = compiled.value;
  const scenarioData = parse(files.scenario.text);
  const rulesData = parse(files.rules.text);
  const members = new Set<string>(scenario.members);
  const relevantRule = (path: (string | number)[]) => {
    if (path[0] === 'members') return members.has(String(path[1]));
    return path[0] !== 'sources';
  };
  const parameters = [...parametersOf(scenarioData, 'scenario', () => true), ...parametersOf(rulesData, 'rules', relevantRule)];
  const base = measure(scenario, policy, query, options.runs, options.seed);
  const rows: SensitivityRow[] = [];
  const names = { scenario: files.scenario.file, rules: files.rules.file };
  parameters.forEach((p, index) => {
    const outcomeAt = (value: number) => {
      const scenario = p.file === 'scenario' ? setAt(scenarioData, p.path, value) : scenarioData;
      const rules = p.file === 'rules' ? setAt(rulesData, p.path, value) : rulesData;
      const loaded = compileScenarioData({ scenario, rules, files: names });
      // A value moved out of its allowed range is not a setting the model accepts: no reading there.
      return loaded.ok ? measure(loaded.value, policy, query, options.runs, options.seed) : null;
    };
    const outcomeLow = outcomeAt(p.low);
    const outcomeHigh = outcomeAt(p.high);
    options.onProgress?.(index + 1, parameters.length);
    if (outcomeLow === null || outcomeHigh === null) return;
    rows.push({
      ...p,
      label: labelFor(p.file === 'scenario' ? scenarioData : rulesData, p),
      outcomeLow,
      outcomeHigh,
      swing: Math.abs(outcomeHigh - outcomeLow),
    });
  });
  rows.sort((a, b) => b.swing - a.swing || compareText(a.label, b.label));
  return { scenario: scenario.id, policy: policy.name, outcome, kind: query.kind, runs: options.runs, base, rows };
}
