import { ExpressionError } from '../language/ast.ts';
import { compileExpression, type Binding, type Vocabulary } from '../language/compile.ts';
import { parseExpression } from '../language/parse.ts';
import { hashText } from '../core/hash.ts';
import { cohesion } from '../rules/cohesion.ts';
import type { World } from '../core/world.ts';
import { baselineWorld, checkSourcesIn, dedupe, loadRules, loadScenario, memberFacts, parameters, readChecked, endingsAndExpectations, type TextFile } from './load.ts';
import { fail, ok, type Result } from '../core/result.ts';
import { fileProblem, type Problem } from './problem.ts';
import type { Condition, Development, Effect, Reaction, Scenario } from '../core/scenario.ts';
import { campaignSchema } from './schema.ts';

/**
 * A campaign chains scenarios: each chapter's `end` leads to the next chapter's start, and the World is
 * carried across. A chapter's own setup (a war that drains Moscow's attention) applies when the chapter
 * begins. The result is one Scenario, so everything that plays scenarios plays campaigns.
 */
export function loadCampaign(campaign: TextFile, chapterFiles: Record<string, TextFile>, rulesText: TextFile): Result<Scenario, Problem[]> {
  try {
    return loadCampaignUnsafe(campaign, chapterFiles, rulesText);
  } catch (error) {
    return fail([fileProblem(campaign.file, `internal error while loading: ${(error as Error).message}`)]);
  }
}

function loadCampaignUnsafe(campaign: TextFile, chapterFiles: Record<string, TextFile>, rulesText: TextFile): Result<Scenario, Problem[]> {
  const loadedRules = loadRules(rulesText);
  if (!loadedRules.ok) return loadedRules;
  const { rules } = loadedRules.value;
  const checked = readChecked(campaign, campaignSchema);
  if (!checked.ok) return checked;
  const { data: file, source } = checked.value;
  const problems: Problem[] = [];
  checkSourcesIn(file, [], rules.sources.map((s) => s.file), source, problems);

  const chapters: Scenario[] = [];
  file.chapters.forEach((c, i) => {
    const text = chapterFiles[c.scenario];
    if (!text) {
      problems.push(source.problem(['chapters', i, 'scenario'], `no scenario '${c.scenario}' (expected ${c.scenario}.yaml beside the campaign)`));
      return;
    }
    const loaded = loadScenario(text, rulesText);
    if (!loaded.ok) {
      problems.push(source.problem(['chapters', i, 'scenario'], `scenario '${c.scenario}' has problems (validate ${text.file})`), ...loaded.error);
      return;
    }
    const missing = loaded.value.members.filter((m) => !file.members.includes(m as never));
    if (missing.length) problems.push(source.problem(['chapters', i, 'scenario'], `'${c.scenario}' has members the campaign does not list: ${missing.join(', ')}`));
    chapters.push(loaded.value);
  });
  if (problems.length) return fail(dedupe(problems));

  // Ids must be unique across chapters: saves, links and conditions name them without a chapter.
  const owner = new Map<string, string>();
  const claim = (kind: string, id: string, chapter: string, index: number) => {
    const key = `${kind}:${id}`;
    const first = owner.get(key);
    if (first && first !== chapter) problems.push(source.problem(['chapters', index, 'scenario'], `${kind} id '${id}' is used in both '${first}' and '${chapter}'`));
    else owner.set(key, chapter);
  };
  chapters.forEach((s, i) => {
    for (const d of s.order) {
      claim('development', d, s.id, i);
      for (const o of s.developments[d].options) claim('option', o.id, s.id, i);
    }
    for (const id of new Set(s.reactions.filter((r) => !rules.reactions.some((x) => x.id === r.id)).map((r) => r.id))) claim('reaction', id, s.id, i);
  });
  if (problems.length) return fail(problems);

  const developments: Record<string, Development> = {};
  const order: string[] = [];
  chapters.forEach((s, i) => {
    const nextStart = chapters[i + 1]?.start ?? 'end';
    for (const id of s.order) {
      const d = s.developments[id];
      const options = d.options.map((o) => ({ ...o, next: o.next.map((b) => (b.goto === 'end' ? { ...b, goto: nextStart } : b)) }));
      const effects: Effect[] = i > 0 && id === s.start ? [...s.setup, ...d.effects] : d.effects;
      developments[id] = { ...d, options, effects };
      order.push(id);
    }
  });

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
    for (const e of s.drift) if (!seenDrift.has(`${e.id}:${e.target.member}`)) (seenDrift.add(`${e.id}:${e.target.member}`), drift.push(e));
  }
  const variables = chapters.flatMap((s) => s.variables).filter((v, i, all) => all.findIndex((w) => w.id === v.id) === i);

  const params = parameters(rules);
  const vocabulary: Vocabulary = {
    members: file.members,
    variables: variables.map((v) => v.id),
    reactions: [...new Set(reactions.map((r) => r.id))],
    options: order.flatMap((d) => developments[d].options.map((o) => o.id)),
    developments: order,
    allowSelf: false,
  };
  const binding: Binding = { cohesion: (w) => cohesion(w, params.cohesion) };
  const condition = (text: string | undefined, path: (string | number)[]): Condition | null => {
    if (text === undefined) return null;
    try {
      return compileExpression(parseExpression(text), vocabulary, binding, 'boolean') as Condition;
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      problems.push(source.problem(path, `${error.message} (in "${text}" at character ${error.at + 1})`));
      return () => false;
    }
  };
  const { endings, expectations } = endingsAndExpectations(file, condition, source, problems);
  if (problems.length) return fail(dedupe(problems));

  const first = chapters[0];
  const baseline: World = baselineWorld({ members: file.members, era: file.era, start: first.start }, rules, variables);
  const { names, leaders, precedentFear } = memberFacts(rules, file.members, file.era);
  return ok({
      kind: 'campaign',
      id: file.id,
      title: file.title,
      era: file.era,
      premise: file.premise,
      length: file.length,
      members: [...file.members],
      names,
      leaders,
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
      baseline,
      contentHash: hashText([rulesText.text, campaign.text, ...file.chapters.map((c) => chapterFiles[c.scenario].text)].join('\u0000')),
      maxTurns: chapters.reduce((n, s) => n + s.maxTurns, 0),
      chapters: chapters.map((s, i) => ({ scenario: s.id, title: file.chapters[i].title ?? s.title, start: s.start })),
      rules,
  });
}
