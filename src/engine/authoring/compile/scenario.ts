import { fail, ok, type Result } from '../../core/result.ts';
import type { Scenario } from '../../core/scenario.ts';
import type { Problem } from '../format/problem.ts';
import type { RulesFile, ScenarioFile } from '../format/schema.ts';
import { developmentsAt } from './developments.ts';
import { effectsAt } from './effects.ts';
import { endingsAt } from './endings.ts';
import { checkIds } from './ids.ts';
import { baselineWorld, checkMembers, memberFacts, membersOf } from './members.ts';
import { atValueStart, dedupe, type Places } from './places.ts';
import { scenarioReactions, standingDrift } from './reactions.ts';
import { parameters } from './rules.ts';
import { report, type Scope } from './scope.ts';
import { checkSourcesIn } from './sources.ts';
import { fileVocabulary, scenarioBinding } from './vocabulary.ts';

/** A run that has not ended by then is ended: every run is bounded even if a scenario loops. */
const DEFAULT_MAX_TURNS = 60;

/** A scenario file and the standing rules, both already checked against their schemas, with where their paths were written. */
export interface ScenarioSource {
  file: ScenarioFile;
  places: Places;
  rules: RulesFile;
  rulesPlaces: Places;
  /** Named in problems about the rules, e.g. `scenarios/rules.yaml`. */
  rulesFile: string;
  contentHash: string;
}

/** Checks every reference of a scenario and compiles every expression in it: the Scenario that play trusts, or every problem found. */
export function compileScenario(source: ScenarioSource): Result<Scenario, Problem[]> {
  const { file, rules } = source;
  const params = parameters(rules);
  const members = membersOf(file.members);
  const scope: Scope = {
    places: source.places,
    problems: [],
    members,
    variables: file.variables ?? [],
    vocabulary: fileVocabulary(file, rules, members),
    binding: scenarioBinding(params),
  };
  checkReferences(scope, file, rules, source.rulesFile);
  if (scope.problems.length) return fail(scope.problems);

  // Rules that apply to every member are reported where they are written, in the rules file.
  const standingScope: Scope = { ...scope, places: atValueStart(source.rulesPlaces) };
  const drift = standingDrift(standingScope, rules);
  const reactions = scenarioReactions(scope, standingScope, file.reactions, rules);
  const adversary = adversaryOf(file);
  const developments = developmentsAt(scope, file.developments, adversary);
  checkStartAndVariables(scope, file);
  const { endings, expectations } = endingsAt(scope, file);
  const setup = effectsAt(scope, file.setup, ['setup'], 'setup.');
  if (scope.problems.length) return fail(dedupe(scope.problems));

  const { names, leaders, faces, precedentFear } = memberFacts(rules, members, file.era);
  return ok({
    kind: 'scenario',
    id: file.id,
    title: file.title,
    era: file.era,
    premise: file.premise,
    objective: file.objective,
    length: file.length,
    members: [...members],
    names,
    leaders,
    faces,
    sources: file.sources,
    adversary,
    precedentFear,
    params,
    variables: [...scope.variables],
    start: file.start,
    developments,
    order: scope.vocabulary.developments.slice(),
    setup,
    drift,
    reactions,
    endings,
    expectations,
    debrief: file.debrief,
    baseline: baselineWorld({ members, era: file.era, start: file.start }, rules, scope.variables),
    contentHash: source.contentHash,
    maxTurns: DEFAULT_MAX_TURNS,
    chapters: [],
    rules,
  });
}

/** What must hold before anything is compiled: sources that exist, unique ids, members with rules and baselines. */
function checkReferences(scope: Scope, file: ScenarioFile, rules: RulesFile, rulesFile: string): void {
  checkSourcesIn(
    file,
    [],
    rules.sources.map((s) => s.file),
    scope.places,
    scope.problems,
  );
  file.sources.forEach((s, i) => {
    if (!rules.sources.some((known) => known.file === s)) report(scope, ['sources', i], `unknown source file '${s}'`);
  });
  checkIds(scope, file, rules);
  checkMembers(scope, file, rules, rulesFile);
}

/** The crisis's adversary and the members who back it, with their reasons; null when there is none. */
function adversaryOf(file: ScenarioFile): Scenario['adversary'] {
  if (!file.adversary) return null;
  const backers = Object.entries(file.adversary.backers ?? {}).flatMap(([code, b]) => (b ? [[code, b.reason]] : []));
  return { name: file.adversary.name, backers: Object.fromEntries(backers) };
}

function checkStartAndVariables(scope: Scope, file: ScenarioFile): void {
  if (!scope.vocabulary.developments.includes(file.start)) report(scope, ['start'], `no development '${file.start}'`);
  scope.variables.forEach((v, i) => {
    if (v.min > v.max || v.initial < v.min || v.initial > v.max) report(scope, ['variables', i], 'needs min <= initial <= max');
  });
}
