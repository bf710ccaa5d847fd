import { hashText } from '../core/hash.ts';
import { fail, ok, type Result } from '../core/result.ts';
import type { Development, Effect, Reaction, Scenario } from '../core/scenario.ts';
import { errorMessage, fileProblem, type Problem } from './format/problem.ts';
import { campaignSchema, type CampaignFile, type RulesFile } from './format/schema.ts';
import { endingsAt } from './compile/endings.ts';
import { baselineWorld, memberFacts, membersOf } from './compile/members.ts';
import { atValueStart, dedupe, type Places } from './compile/places.ts';
import { parameters } from './compile/rules.ts';
import { report, type Scope } from './compile/scope.ts';
import { conditionAt } from './compile/expressions.ts';
import { checkSourcesIn } from './compile/sources.ts';
import { scenarioBinding, vocabularyOf } from './compile/vocabulary.ts';
import { loadRules, loadScenario, readChecked, type TextFile } from './load.ts';

/**
 * A campaign chains scenarios: each chapter's `end` leads to the next chapter's start, and the World is
 * carried across. A chapter's own setup (a war that drains Moscow's attention) applies when the chapter
 * begins. The result is one Scenario, so everything that plays scenarios plays campaigns.
 */
export function loadCampaign(campaign: TextFile, chapterFile: ChapterFile, rulesText: TextFile): Result<Scenario, Problem[]> {
  try {
    return loadCampaignUnsafe(campaign, chapterFile, rulesText);
  } catch (error) {
    return fail([fileProblem(campaign.file, `internal error while loading: ${errorMessage(error)}`)]);
  }
}

/** The file of the scenario with this id beside the campaign, read only when a chapter names it. */
export type ChapterFile = (id: string) => TextFile | undefined;

interface Chapter {
  scenario: Scenario;
  text: TextFile;
  title: string | undefined;
}

function loadCampaignUnsafe(campaign: TextFile, chapterFile: ChapterFile, rulesText: TextFile): Result<Scenario, Problem[]> {
  const loadedRules = loadRules(rulesText);
  if (!loadedRules.ok) return loadedRules;
  const { rules } = loadedRules.value;
  const checked = readChecked(campaign, campaignSchema);
  if (!checked.ok) return checked;
  const { data: file, source } = checked.value;
  const problems: Problem[] = [];
  checkSourcesIn(
    file,
    [],
    rules.sources.map((s) => s.file),
    source,
    problems,
  );
  const chapters = loadChapters(file, source, chapterFile, rulesText, problems);
  if (problems.length) return fail(dedupe(problems));
  checkUniqueAcrossChapters(chapters, rules, source, problems);
  if (problems.length) return fail(problems);
  return joinChapters(file, chapters, rules, source, [rulesText.text, campaign.text, ...chapters.map((c) => c.text.text)].join('\u0000'));
}

/** Each chapter loaded as a scenario of its own; a missing or broken one is reported on the campaign. */
function loadChapters(file: CampaignFile, places: Places, chapterFile: ChapterFile, rulesText: TextFile, problems: Problem[]): Chapter[] {
  return file.chapters.flatMap((c, i) => {
    const text = chapterFile(c.scenario);
    if (!text) {
      problems.push(places.problem(['chapters', i, 'scenario'], `no scenario '${c.scenario}' (expected ${c.scenario}.yaml beside the campaign)`));
      return [];
    }
    const loaded = loadScenario(text, rulesText);
    if (!loaded.ok) {
      problems.push(places.problem(['chapters', i, 'scenario'], `scenario '${c.scenario}' has problems (validate ${text.file})`), ...loaded.error);
      return [];
    }
    const missing = loaded.value.members.filter((m) => !file.members.includes(m));
    if (missing.length)
      problems.push(places.problem(['chapters', i, 'scenario'], `'${c.scenario}' has members the campaign does not list: ${missing.join(', ')}`));
    return [{ scenario: loaded.value, text, title: c.title }];
  });
}

/** Ids must be unique across chapters: saves, links and conditions name them without a chapter. */
function checkUniqueAcrossChapters(chapters: Chapter[], rules: RulesFile, places: Places, problems: Problem[]): void {
  const owner = new Map<string, string>();
  const claim = (kind: string, id: string, chapter: string, index: number) => {
    const key = `${kind}:${id}`;
    const first = owner.get(key);
    if (first && first !== chapter)
      problems.push(places.problem(['chapters', index, 'scenario'], `${kind} id '${id}' is used in both '${first}' and '${chapter}'`));
    else owner.set(key, chapter);
  };
  chapters.forEach(({ scenario: s }, i) => {
    for (const d of s.order) {
      claim('development', d, s.id, i);
      for (const o of s.developments[d]?.options ?? []) claim('option', o.id, s.id, i);
    }
    for (const id of new Set(s.reactions.filter((r) => !rules.reactions.some((x) => x.id === r.id)).map((r) => r.id))) claim('reaction', id, s.id, i);
  });
}

/** Every chapter's developments in one graph: a chapter's `end` leads to the next chapter's start, whose setup it then applies. */
function joinDevelopments(chapters: Scenario[]): { developments: Record<string, Development>; order: string[] } {
  const developments: Record<string, Development> = {};
  const order: string[] = [];
  chapters.forEach((s, i) => {
    const nextStart = chapters[i + 1]?.start ?? 'end';
    for (const id of s.order) {
      const d = s.developments[id];
      if (!d) continue;
      const options = d.options.map((o) => ({ ...o, next: o.next.map((b) => (b.goto === 'end' ? { ...b, goto: nextStart } : b)) }));
      const effects: Effect[] = i > 0 && id === s.start ? [...s.setup, ...d.effects] : d.effects;
      developments[id] = { ...d, options, effects };
      order.push(id);
    }
  });
  return { developments, order };
}

/** Every chapter's reactions and drift, each once per member; a crisis's own reactions only during its chapter. */
function joinReactions(chapters: Scenario[], rules: RulesFile): { reactions: Reaction[]; drift: Effect[] } {
  const reactions: Reaction[] = [];
  const drift: Effect[] = [];
  const seenReaction = new Set<string>();
  const seenDrift = new Set<string>();
  const standing = new Set(rules.reactions.map((r) => r.id));
  for (const s of chapters) {
    // A crisis's own reactions belong to its chapter: Kyrgyzstan cancels the exercise it hosts in 2022, not at every later exercise.
    const inChapter = new Set(s.order);
    for (const r of s.reactions) {
      if (seenReaction.has(`${r.id}:${r.member}`)) continue;
      seenReaction.add(`${r.id}:${r.member}`);
      const when = r.when;
      reactions.push(standing.has(r.id) ? r : { ...r, when: (w) => w.development !== null && inChapter.has(w.development) && when(w) });
    }
    for (const e of s.drift) {
      const key = `${e.id}:${e.target.member}`;
      if (seenDrift.has(key)) continue;
      seenDrift.add(key);
      drift.push(e);
    }
  }
  return { reactions, drift };
}

/** The campaign's own recalls, compiled where every chapter's names are known, joined to their developments' briefings. */
function addRecalls(scope: Scope, file: CampaignFile, developments: Record<string, Development>): void {
  (file.recalls ?? []).forEach((r, i) => {
    const development = developments[r.development];
    if (development === undefined) {
      report(scope, ['recalls', i, 'development'], `no development '${r.development}' in any chapter`);
      return;
    }
    const when = conditionAt(scope, r.when, ['recalls', i, 'when']);
    if (when) developments[r.development] = { ...development, recalls: [...development.recalls, { when, text: r.text, fromCampaign: true }] };
  });
}

function joinChapters(file: CampaignFile, chapters: Chapter[], rules: RulesFile, places: Places, texts: string): Result<Scenario, Problem[]> {
  const scenarios = chapters.map((c) => c.scenario);
  const first = scenarios[0];
  if (!first) return fail([places.problem(['chapters'], 'a campaign needs chapters')]);
  const { developments, order } = joinDevelopments(scenarios);
  const undated = scenarios.filter((s) => s.order.some((id) => s.developments[id]?.month === null));
  if (undated.length > 0 && undated.length < scenarios.length)
    return fail([
      places.problem(
        ['chapters'],
        `date every chapter's developments or none (${undated.map((s) => s.id).join(', ')} ${undated.length === 1 ? 'is' : 'are'} undated): drift runs by the gaps between dates`,
      ),
    ]);
  const { reactions, drift } = joinReactions(scenarios, rules);
  const variables = scenarios.flatMap((s) => s.variables).filter((v, i, all) => all.findIndex((w) => w.id === v.id) === i);
  const params = parameters(rules);
  const members = membersOf(file.members);
  const scope: Scope = {
    // Campaign conditions have always been reported at the start of their value.
    places: atValueStart(places),
    problems: [],
    members,
    variables,
    vocabulary: vocabularyOf({ members: file.members, variables, reactions, order, developments }),
    binding: scenarioBinding(params),
  };
  const { endings, expectations } = endingsAt(scope, file);
  addRecalls(scope, file, developments);
  if (scope.problems.length) return fail(dedupe(scope.problems));
  const { names, leaders, faces, precedentFear } = memberFacts(rules, members, file.era);
  return ok({
    kind: 'campaign',
    id: file.id,
    title: file.title,
    era: file.era,
    premise: file.premise,
    objective: file.objective,
    length: file.length,
    members: [...file.members],
    names,
    leaders,
    faces,
    sources: file.sources,
    // Each chapter's options carry their own adversary; this is the first chapter's, for display.
    adversary: first.adversary,
    precedentFear,
    params,
    variables,
    start: first.start,
    developments,
    order,
    setup: first.setup,
    drift,
    reactions,
    endings,
    expectations,
    debrief: file.debrief,
    baseline: baselineWorld({ members, era: file.era, start: first.start }, rules, variables),
    contentHash: hashText(texts),
    maxTurns: scenarios.reduce((n, s) => n + s.maxTurns, 0),
    chapters: chapters.map((c) => ({ scenario: c.scenario.id, title: c.title ?? c.scenario.title, start: c.scenario.start })),
    rules,
  });
}
