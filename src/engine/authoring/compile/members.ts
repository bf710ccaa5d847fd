import { MEMBER_CODES, newWorld, type MemberCode, type MemberState, type World } from '../../core/world.ts';
import type { Scenario } from '../../core/scenario.ts';
import type { RulesFile, ScenarioFile } from '../format/schema.ts';
import { leaderInYear } from '../../rules/member-face.ts';
import { canonical } from './canonical.ts';
import { checkUnique } from './ids.ts';
import { checkMember, report, type Scope } from './scope.ts';

/** The scenario's members as the constants of MEMBER_CODES, in the file's order. */
export function membersOf(codes: readonly string[]): MemberCode[] {
  return codes.flatMap((code) => canonical(MEMBER_CODES, code) ?? []);
}

/** Each member is listed once and has standing rules and a baseline for the era; so has the alliance; backers are members. */
export function checkMembers(scope: Scope, file: ScenarioFile, rules: RulesFile, rulesFile: string): void {
  checkUnique(
    scope,
    scope.members.map((id, i) => ({ id, path: ['members', i] })),
    'member',
  );
  scope.members.forEach((code, i) => {
    const r = rules.members[code];
    if (!r) report(scope, ['members', i], `no standing rules for ${code} in ${rulesFile}`);
    else if (!r.baselines.some((b) => b.year <= file.era)) report(scope, ['members', i], `${code} has no baseline at or before ${file.era}`);
  });
  if (!rules.alliance.some((a) => a.year <= file.era)) report(scope, ['era'], `no alliance baseline at or before ${file.era}`);
  for (const code of Object.keys(file.adversary?.backers ?? {})) checkMember(scope, code, ['adversary', 'backers'], code);
}

/** What the standing rules say of each member in a given year: its name, its leader, its fear of precedent. */
export function memberFacts(rules: RulesFile, members: readonly MemberCode[], era: number): Pick<Scenario, 'names' | 'leaders' | 'faces' | 'precedentFear'> {
  const names: Record<string, string> = {};
  const leaders: Scenario['leaders'] = {};
  const faces: Scenario['faces'] = {};
  const precedentFear: Record<string, number> = {};
  for (const code of members) {
    const r = standingRules(rules, code);
    names[code] = r.name;
    const terms = r.leaders.map((l) => ({ from: l.from, to: l.to, name: l.name, title: l.title }));
    const leader = leaderInYear(terms, era);
    leaders[code] = { name: leader.name, title: leader.title };
    const wants = r.wants ? { text: r.wants.text, source: r.wants.source, assumption: r.wants.assumption } : null;
    faces[code] = { terms, wants };
    precedentFear[code] = r.precedentFear.value;
  }
  return { names, leaders, faces, precedentFear };
}

/** A member's standing rules, which checkMembers has made sure of. */
function standingRules(rules: RulesFile, code: MemberCode): NonNullable<RulesFile['members'][MemberCode]> {
  const r = rules.members[code];
  if (!r) throw new Error(`no standing rules for ${code}`);
  return r;
}

/** The last of `items` from `era` or before; the first when all are later. */
function latest<T extends { year: number }>(items: readonly T[], era: number): T | undefined {
  let best = items[0];
  for (const item of items) if (item.year <= era) best = item;
  return best;
}

/** The World before setup effects: each member's and the alliance's baselines for the era, and the variables' initial values. */
export function baselineWorld(
  file: { members: readonly MemberCode[]; era: number; start: string },
  rules: RulesFile,
  variables: readonly { id: string; initial: number }[],
): World {
  const members: Record<string, MemberState> = {};
  for (const code of file.members) {
    const r = standingRules(rules, code);
    const b = latest(r.baselines, file.era);
    if (!b) throw new Error(`no baseline for ${code}`);
    members[code] = {
      loyalty: b.loyalty.value,
      publicSupport: b.publicSupport.value,
      hedging: b.hedging.value,
      ties: Math.min(
        100,
        r.holds.reduce((s, h) => s + h.weight, 0),
      ),
      status: 'member',
    };
  }
  const alliance = latest(rules.alliance, file.era);
  if (!alliance) throw new Error('no alliance baseline');
  return newWorld({
    development: file.start,
    members,
    credibility: alliance.credibility.value,
    moscowBandwidth: alliance.moscowBandwidth.value,
    vars: Object.fromEntries(variables.map((v) => [v.id, v.initial])),
  });
}
