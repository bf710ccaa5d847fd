import type { z } from '../core/zod.ts';
import { ExpressionError, type Expr, type ValueType } from '../language/ast.ts';
import { compileExpression, referencedKeys, type Binding, type Vocabulary } from '../language/compile.ts';
import { parseExpression } from '../language/parse.ts';
import { hashText } from '../core/hash.ts';
import { cohesion } from '../rules/cohesion.ts';
import { ALLIANCE_FIELDS, MEMBER_CODES, MEMBER_FIELDS, newWorld, STATUSES, memberSlot, type MemberState, type Status, type World } from '../core/world.ts';
import { fail, ok, type Result } from '../core/result.ts';
import { fileProblem, formatPath, type Problem } from './problem.ts';
import { rulesSchema, scenarioSchema, type EffectSpec, type ReactionSpec, type RulesFile, type ScenarioFile } from './schema.ts';
import type { Branch, Condition, Effect, Option, Parameters, Reaction, Scenario, Target } from '../core/scenario.ts';
import { readYaml, type YamlSource } from './yaml-document.ts';

export interface TextFile {
  /** Shown in problems, e.g. `scenarios/armenia_2022.yaml`. */
  file: string;
  text: string;
}

type Path = (string | number)[];

/** A run that has not ended by then is ended: every run is bounded even if a scenario loops. */
const DEFAULT_MAX_TURNS = 60;

export function schemaProblems(source: YamlSource, error: z.ZodError): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push(source.problem(path, `unknown field '${key}'`, key));
    } else if (issue.code === 'invalid_union' && path[path.length - 1] === 'next') {
      problems.push(source.problem(path, 'must be a development id, "end", or a list of branches with goto'));
    } else {
      problems.push(source.problem(path, issue.message));
    }
  }
  return dedupe(problems);
}

export function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.col}:${p.path}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Reads a YAML file and checks it against a schema: the data, with the positions of its paths, or the problems. */
export function readChecked<T>(file: TextFile, schema: z.ZodType<T>): Result<{ data: T; source: YamlSource }, Problem[]> {
  const read = readYaml(file.text, file.file);
  if (!read.ok) return read;
  const parsed = schema.safeParse(read.value.data);
  if (!parsed.success) return fail(schemaProblems(read.value, parsed.error));
  return ok({ data: parsed.data, source: read.value });
}

/**
 * The rules last read, by file and text. A library, a campaign or a sensitivity sweep loads many
 * scenarios against the same rules, and reading the rules' YAML is most of the cost of loading one.
 * What is returned is only read, never changed, so sharing it is safe.
 */
let lastRules: { file: string; text: string; result: Result<{ rules: RulesFile; source: YamlSource }, Problem[]> } | null = null;

export function loadRules(rules: TextFile): Result<{ rules: RulesFile; source: YamlSource }, Problem[]> {
  if (lastRules !== null && lastRules.file === rules.file && lastRules.text === rules.text) return lastRules.result;
  const result = readRules(rules);
  lastRules = { file: rules.file, text: rules.text, result };
  return result;
}

function readRules(rules: TextFile): Result<{ rules: RulesFile; source: YamlSource }, Problem[]> {
  const checked = readChecked(rules, rulesSchema);
  if (!checked.ok) return checked;
  const { data: value, source } = checked.value;
  const problems: Problem[] = [];
  for (const [code, member] of Object.entries(value.members)) {
    const total = member!.holds.reduce((s, h) => s + h.weight, 0);
    if (total > 100) problems.push(source.problem(['members', code, 'holds'], `holds add up to ${total}; at most 100`));
    const years = member!.baselines.map((b) => b.year);
    if (years.some((y, i) => i > 0 && y <= years[i - 1])) {
      problems.push(source.problem(['members', code, 'baselines'], 'baselines must be in increasing year order'));
    }
  }
  const known = value.sources.map((s) => s.file);
  checkSourcesIn(value, [], known, source, problems);
  if (problems.length) return fail(problems);
  return ok({ rules: value, source });
}

/** Every `source:` must begin with a file the rules list, so a reviewer can find it. */
export function checkSourcesIn(node: unknown, path: Path, known: string[], source: YamlSource, problems: Problem[]) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => checkSourcesIn(item, [...path, i], known, source, problems));
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'source' && typeof value === 'string') {
        if (!known.some((file) => value.startsWith(file))) {
          problems.push(source.problem([...path, key], `source must start with one of the source files (${known.join(', ')})`));
        }
      } else checkSourcesIn(value, [...path, key], known, source, problems);
    }
  }
}

/** Reads, checks and compiles a scenario against the standing rules. Never throws on any input. */
export function loadScenario(scenario: TextFile, rules: TextFile): Result<Scenario, Problem[]> {
  try {
    return loadScenarioUnsafe(scenario, rules);
  } catch (error) {
    // A bug of ours, not of the file: still reported as a problem rather than a crash.
    return fail([fileProblem(scenario.file, `internal error while loading: ${(error as Error).message}`)]);
  }
}

function loadScenarioUnsafe(scenarioText: TextFile, rulesText: TextFile): Result<Scenario, Problem[]> {
  const loadedRules = loadRules(rulesText);
  if (!loadedRules.ok) return loadedRules;
  const { rules, source: rulesSource } = loadedRules.value;
  const checked = readChecked(scenarioText, scenarioSchema);
  if (!checked.ok) return checked;
  const { data: file, source } = checked.value;
  const problems: Problem[] = [];
  const report = (path: Path, message: string, key?: string) => problems.push(source.problem(path, message, key));

  checkSourcesIn(file, [], rules.sources.map((s) => s.file), source, problems);
  file.sources.forEach((s, i) => {
    if (!rules.sources.some((known) => known.file === s)) report(['sources', i], `unknown source file '${s}'`);
  });

  // Ids: unique where they are referred to.
  const developments = file.developments.map((d) => d.id);
  const options = file.developments.flatMap((d) => d.options.map((o) => o.id));
  const scenarioReactions = (file.reactions ?? []).map((r) => r.id);
  const reactionIds = [...rules.reactions.map((r) => r.id), ...scenarioReactions];
  const variables = (file.variables ?? []).map((v) => v.id);
  const duplicates = (ids: string[], label: string, pathOf: (i: number) => Path) => {
    const seen = new Map<string, number>();
    ids.forEach((value, i) => {
      if (seen.has(value)) report(pathOf(i), `duplicate ${label} id '${value}' (first used at ${formatPath(pathOf(seen.get(value)!))})`);
      else seen.set(value, i);
    });
  };
  duplicates(developments, 'development', (i) => ['developments', i, 'id']);
  const optionPaths: Path[] = file.developments.flatMap((d, di) => d.options.map((_, oi) => ['developments', di, 'options', oi, 'id']));
  duplicates(options, 'option', (i) => optionPaths[i]);
  duplicates(reactionIds, 'reaction', (i) => (i < rules.reactions.length ? ['(rules) reactions', i] : ['reactions', i - rules.reactions.length, 'id']));
  duplicates(variables, 'variable', (i) => ['variables', i, 'id']);
  duplicates(file.endings.map((e) => e.id), 'ending', (i) => ['endings', i, 'id']);
  duplicates((file.expectations ?? []).map((e) => e.id), 'expectation', (i) => ['expectations', i, 'id']);
  for (const reserved of ['end']) {
    developments.forEach((d, i) => d === reserved && report(['developments', i, 'id'], `'${reserved}' is reserved`));
  }

  // Members: each must have rules and a baseline for the era.
  const members = file.members.map((code) => canonical(MEMBER_CODES, code));
  duplicates(members, 'member', (i) => ['members', i]);
  members.forEach((code, i) => {
    const r = rules.members[code];
    if (!r) report(['members', i], `no standing rules for ${code} in ${rulesText.file}`);
    else if (!r.baselines.some((b) => b.year <= file.era)) report(['members', i], `${code} has no baseline at or before ${file.era}`);
  });
  if (!rules.alliance.some((a) => a.year <= file.era)) report(['era'], `no alliance baseline at or before ${file.era}`);
  const checkMember = (code: string, path: Path, key?: string) => {
    if (!members.includes(code as never)) report(path, `${code} is not a member in this scenario (${members.join(', ')})`, key);
  };
  for (const code of Object.keys(file.adversary?.backers ?? {})) checkMember(code, ['adversary', 'backers'], code);
  if (problems.length) return fail(problems);

  const vocabulary: Vocabulary = { members, variables, reactions: reactionIds, options, developments, allowSelf: false };
  const selfVocabulary: Vocabulary = { ...vocabulary, allowSelf: true };
  const variableSpecs = file.variables ?? [];
  const params = parameters(rules);
  const binding: Binding = { cohesion: (w) => cohesion(w, params.cohesion) };
  const bindingFor = (member: string): Binding => ({ self: member, cohesion: binding.cohesion });

  // Expressions: parsed and compiled with the names this scenario knows.
  function expression(text: string | number, path: Path, type: ValueType, vocab: Vocabulary, bind: Binding): { fn: (w: World) => unknown; tree: Expr } | null {
    if (typeof text === 'number') return { fn: () => text, tree: { kind: 'number', value: text, at: 0 } };
    try {
      const tree = parseExpression(text);
      return { fn: compileExpression(tree, vocab, bind, type), tree };
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      // On a one-line value the column points at the offending character itself.
      const at = source.locateWithin(path, error.at);
      problems.push({ ...source.problem(path, `${error.message} (in "${text}" at character ${error.at + 1})`), line: at.line, col: at.col });
      return null;
    }
  }
  const condition = (text: string | undefined, path: Path, vocab = vocabulary, bind = binding): Condition | null =>
    text === undefined ? null : ((expression(text, path, 'boolean', vocab, bind)?.fn as Condition) ?? (() => false));

  function target(change: string, path: Path, vocab: Vocabulary, bind: Binding): Target | null {
    const fail = (message: string) => (report(path, message), null);
    let tree: Expr;
    try {
      tree = parseExpression(change);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      return fail(`${error.message} (in "${change}")`);
    }
    if (tree.kind !== 'ref') return fail(`'${change}' is not a value that can change`);
    if (tree.scope !== null) {
      const scope = tree.scope === 'self' ? bind.self : tree.scope;
      if (tree.scope === 'self' && !vocab.allowSelf) return fail("'self' is only allowed in rules that apply to every member");
      if (!scope || !members.includes(scope as never)) return fail(`unknown member '${tree.scope}'`);
      const member = canonical(MEMBER_CODES, scope);
      const slot = memberSlot(member);
      if (tree.name === 'status') return { key: `${member}.status`, kind: 'status', member, slot, field: 'status', min: 0, max: 0 };
      if (!(MEMBER_FIELDS as readonly string[]).includes(tree.name)) return fail(`unknown member value '${tree.name}' (one of ${[...MEMBER_FIELDS, 'status'].join(', ')})`);
      return { key: `${member}.${tree.name}`, kind: 'member', member, slot, field: canonical(MEMBER_FIELDS, tree.name), min: 0, max: 100 };
    }
    if (tree.name === 'cohesion') return fail('cohesion is derived from loyalty and credibility, never changed directly');
    if ((ALLIANCE_FIELDS as readonly string[]).includes(tree.name)) {
      const field = canonical(ALLIANCE_FIELDS, tree.name);
      return { key: field, kind: 'alliance', field, min: 0, max: 100 };
    }
    const variable = variableSpecs.find((v) => v.id === tree.name);
    if (variable) return { key: variable.id, kind: 'variable', field: variable.id, min: variable.min, max: variable.max };
    return fail(`unknown value '${change}' (a member value like AM.loyalty, ${ALLIANCE_FIELDS.join(', ')}, or a declared variable)`);
  }

  function effect(spec: EffectSpec, path: Path, fallbackId: string, vocab = vocabulary, bind = binding): Effect | null {
    const t = target(spec.change, [...path, 'change'], vocab, bind);
    if (!t) return null;
    const reads = new Set<string>();
    let amount: (w: World) => number = () => 0;
    let status: Status | null = null;
    const mode = spec.to !== undefined ? 'set' : 'add';
    const raw = (spec.to ?? spec.by)!;
    const amountPath = [...path, mode === 'set' ? 'to' : 'by'];
    if (t.kind === 'status') {
      if (mode !== 'set' || typeof raw !== 'string' || !(STATUSES as readonly string[]).includes(raw)) {
        report(amountPath, `a status is set with to: one of ${STATUSES.join(', ')}`);
        return null;
      }
      status = canonical(STATUSES, raw);
    } else {
      const compiled = expression(raw, amountPath, 'number', vocab, bind);
      if (!compiled) return null;
      amount = compiled.fn as (w: World) => number;
      referencedKeys(compiled.tree, bind, reads);
    }
    let when: Condition | null = null;
    if (spec.when !== undefined) {
      const compiled = expression(spec.when, [...path, 'when'], 'boolean', vocab, bind);
      if (!compiled) return null;
      when = compiled.fn as Condition;
      referencedKeys(compiled.tree, bind, reads);
    }
    return {
      id: spec.id ?? fallbackId,
      target: t,
      mode,
      amount,
      status,
      spread: spec.spread ?? 0,
      chance: spec.chance ?? null,
      when,
      why: spec.why,
      source: spec.source,
      assumption: spec.assumption,
      reads: [...reads],
    };
  }
  const effects = (specs: EffectSpec[] | undefined, path: Path, prefix: string, vocab = vocabulary, bind = binding): Effect[] =>
    (specs ?? []).flatMap((spec, i) => effect(spec, [...path, i], `${prefix}${i + 1}`, vocab, bind) ?? []);

  function reaction(spec: ReactionSpec, path: Path, member: string): Reaction | null {
    const bind = bindingFor(member);
    const compiled = expression(spec.when, [...path, 'when'], 'boolean', selfVocabulary, bind);
    const bound = effects(spec.effects, [...path, 'effects'], `${spec.id}.`, selfVocabulary, bind);
    if (!compiled) return null;
    return {
      id: spec.id,
      label: spec.label,
      kind: spec.kind,
      member,
      occasion: spec.occasion ?? null,
      when: compiled.fn as Condition,
      reads: [...referencedKeys(compiled.tree, bind)],
      chance: spec.chance ?? 1,
      once: spec.once ?? true,
      effects: bound,
      source: spec.source,
      assumption: spec.assumption,
    };
  }

  // Rules that apply to every member are checked against the rules file's own positions only once.
  const rulesProblemsBefore = problems.length;
  const reactions: Reaction[] = [];
  const drift: Effect[] = [];
  const rulesDrift = rules.drift ?? [];
  const rulesBinding = (spec: ReactionSpec) => (spec.members ?? members).filter((m) => members.includes(m as never)).map((m) => canonical(MEMBER_CODES, m));
  for (const code of members) drift.push(...effects(rulesDrift, ['(rules) drift'], 'drift.', selfVocabulary, bindingFor(code)));
  rules.reactions.forEach((spec, i) => {
    for (const code of rulesBinding(spec)) {
      const r = reaction(spec, ['(rules) reactions', i], code);
      if (r) reactions.push(r);
    }
  });
  if (problems.length > rulesProblemsBefore) {
    // Point those problems at the rules file, where they were written.
    for (let i = rulesProblemsBefore; i < problems.length; i++) {
      const p = problems[i];
      const path = p.path.replace(/^\(rules\) /, '');
      const parts = path.split(/[.[\]]+/).filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      problems[i] = { ...rulesSource.problem(parts, p.message), path };
    }
  }
  // The crisis's own reactions come before the standing ones: the more specific rule speaks first.
  const own: Reaction[] = [];
  (file.reactions ?? []).forEach((spec, i) => {
    (spec.members ?? []).forEach((code, j) => checkMember(code, ['reactions', i, 'members', j]));
    for (const code of rulesBinding(spec)) {
      const r = reaction(spec, ['reactions', i], code);
      if (r) own.push(r);
    }
  });
  reactions.unshift(...own);

  // Developments and options.
  const adversary = file.adversary
    ? { name: file.adversary.name, backers: Object.fromEntries(Object.entries(file.adversary.backers ?? {}).map(([c, b]) => [c, b!.reason])) }
    : null;
  const compiledDevelopments: Scenario['developments'] = {};
  const hasDevelopment = (goto: string) => goto === 'end' || developments.includes(goto);
  file.developments.forEach((d, di) => {
    const path: Path = ['developments', di];
    if (d.location) checkMember(d.location, [...path, 'location']);
    const compiledOptions: Option[] = d.options.map((o, oi) => {
      const opath: Path = [...path, 'options', oi];
      for (const code of Object.keys(o.stances ?? {})) checkMember(code, [...opath, 'stances'], code);
      const next: Branch[] = [];
      if (typeof o.next === 'string') {
        if (!hasDevelopment(o.next)) report([...opath, 'next'], `no development '${o.next}' (known: ${[...developments, 'end'].join(', ')})`);
        next.push({ when: null, chance: null, goto: o.next });
      } else {
        o.next.forEach((b, bi) => {
          const bpath = [...opath, 'next', bi];
          if (!hasDevelopment(b.goto)) report([...bpath, 'goto'], `no development '${b.goto}' (known: ${[...developments, 'end'].join(', ')})`);
          next.push({ when: condition(b.when, [...bpath, 'when']), chance: b.chance ?? null, goto: b.goto });
        });
        const last = o.next[o.next.length - 1];
        if (last.when !== undefined || last.chance !== undefined) {
          report([...opath, 'next', o.next.length - 1], 'the last branch must have no when or chance, so there is always a way on');
        }
      }
      return {
        id: o.id,
        label: o.label,
        description: o.description,
        historical: o.historical ?? false,
        consensus: o.consensus ?? false,
        intervention: o.intervention ?? 0,
        confrontsAdversary: o.confrontsAdversary ?? 0,
        russianEffort: o.russianEffort ?? 0,
        requires: condition(o.requires, [...opath, 'requires']),
        adversary,
        stances: Object.fromEntries(Object.entries(o.stances ?? {}).map(([code, s]) => [code, { interest: s!.interest, reason: s!.reason, source: s!.source, assumption: s!.assumption }])),
        effects: effects(o.effects, [...opath, 'effects'], `${o.id}.`),
        next,
        source: o.source,
        assumption: o.assumption,
      };
    });
    // A way out: at least one option needs no consensus and has no precondition, so no development can trap a run.
    if (!d.options.some((o) => !o.consensus && o.requires === undefined)) {
      report([...path, 'options'], 'every development needs at least one option without consensus and without requires, so the Council can always act');
    }
    if (d.options.filter((o) => o.historical).length > 1) report([...path, 'options'], 'at most one option may be historical');
    compiledDevelopments[d.id] = {
      id: d.id,
      title: d.title,
      date: d.date,
      place: d.place,
      location: d.location ?? null,
      briefing: d.briefing,
      quotes: d.quotes ?? [],
      effects: effects(d.effects, [...path, 'effects'], `${d.id}.`),
      history: d.history,
      occasions: d.occasions ?? [],
      options: compiledOptions,
    };
  });
  if (!developments.includes(file.start)) report(['start'], `no development '${file.start}'`);
  variableSpecs.forEach((v, i) => {
    if (v.min > v.max || v.initial < v.min || v.initial > v.max) report(['variables', i], 'needs min <= initial <= max');
  });

  const { endings, expectations } = endingsAndExpectations(file, (text, path) => condition(text, path), source, problems);
  const setup = effects(file.setup, ['setup'], 'setup.');
  if (problems.length) return fail(dedupe(problems));

  const baseline = baselineWorld(file, rules, variableSpecs);
  const { names, leaders, precedentFear } = memberFacts(rules, members, file.era);
  return ok({
      kind: 'scenario',
      id: file.id,
      title: file.title,
      era: file.era,
      premise: file.premise,
      length: file.length,
      members: [...members],
      names,
      leaders,
      sources: file.sources,
      adversary,
      precedentFear,
      params,
      variables: variableSpecs,
      start: file.start,
      developments: compiledDevelopments,
      order: developments,
      setup,
      drift,
      reactions,
      endings,
      expectations,
      debrief: file.debrief,
      baseline,
      contentHash: hashText(`${rulesText.text}\u0000${scenarioText.text}`),
      maxTurns: DEFAULT_MAX_TURNS,
      chapters: [],
      rules,
  });
}

/** Endings (the last without a condition) and expectations, compiled: the same for a scenario and a campaign. */
export function endingsAndExpectations(
  file: Pick<ScenarioFile, 'endings' | 'expectations'>,
  condition: (text: string | undefined, path: Path) => Condition | null,
  source: YamlSource,
  problems: Problem[],
): Pick<Scenario, 'endings' | 'expectations'> {
  const endings = file.endings.map((e, i) => ({ id: e.id, title: e.title, tone: e.tone, text: e.text, when: condition(e.when, ['endings', i, 'when']) }));
  if (file.endings[file.endings.length - 1].when !== undefined) {
    problems.push(source.problem(['endings', file.endings.length - 1, 'when'], 'the last ending must have no condition, so every run ends somewhere'));
  }
  const expectations = (file.expectations ?? []).map((e, i) => ({
    id: e.id,
    text: e.text,
    when: condition(e.when, ['expectations', i, 'when']) ?? (() => false),
    source: e.source,
    assumption: e.assumption,
  }));
  return { endings, expectations };
}

/** What the standing rules say of each member in a given year: its name, its leader, its fear of precedent. */
export function memberFacts(rules: RulesFile, members: readonly string[], era: number): Pick<Scenario, 'names' | 'leaders' | 'precedentFear'> {
  const names: Record<string, string> = {};
  const leaders: Scenario['leaders'] = {};
  const precedentFear: Record<string, number> = {};
  for (const code of members) {
    const r = rules.members[code as keyof RulesFile['members']]!;
    names[code] = r.name;
    const leader = r.leaders.find((l) => l.from <= era && era <= l.to) ?? r.leaders[r.leaders.length - 1];
    leaders[code] = { name: leader.name, title: leader.title };
    precedentFear[code] = r.precedentFear.value;
  }
  return { names, leaders, precedentFear };
}

/**
 * The constant equal to `text`. The engine compares member codes, fields and statuses on every decision:
 * a constant written in the code compares by reference, a string read from a file character by character.
 */
function canonical<T extends string>(constants: readonly T[], text: string): T {
  return constants.find((c) => c === text) ?? (text as T);
}

export function parameters(rules: RulesFile): Parameters {
  const v = <T extends Record<string, { value: number }>>(o: T) =>
    Object.fromEntries(Object.entries(o).map(([k, x]) => [k, x.value])) as { [K in keyof T]: number };
  return { cohesion: v(rules.cohesion), stance: v(rules.stance), leverage: v(rules.leverage) };
}

function latest<T extends { year: number }>(items: T[], era: number): T {
  let best = items[0];
  for (const item of items) if (item.year <= era) best = item;
  return best;
}

export function baselineWorld(file: Pick<ScenarioFile, 'members' | 'era' | 'start'>, rules: RulesFile, variables: { id: string; initial: number }[]): World {
  const members: Record<string, MemberState> = {};
  for (const code of file.members) {
    const r = rules.members[code]!;
    const b = latest(r.baselines, file.era);
    members[code] = {
      loyalty: b.loyalty.value,
      publicSupport: b.publicSupport.value,
      hedging: b.hedging.value,
      ties: Math.min(100, r.holds.reduce((s, h) => s + h.weight, 0)),
      status: 'member',
    };
  }
  const alliance = latest(rules.alliance, file.era);
  return newWorld({
    development: file.start,
    members,
    credibility: alliance.credibility.value,
    moscowBandwidth: alliance.moscowBandwidth.value,
    vars: Object.fromEntries(variables.map((v) => [v.id, v.initial])),
  });
}
