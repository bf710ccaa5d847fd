import { cohesion } from '../rules/cohesion.ts';
import { MEMBER_FIELDS, VALUE_MAX, VALUE_MIN, type World } from '../core/world.ts';
import type { Scenario } from '../core/scenario.ts';
import type { OffPlan } from './plan-policy.ts';
import { wilson } from './stats.ts';
import { endingReached } from '../core/ending.ts';
import { compareText } from '../core/text-order.ts';
import { offHistory } from '../play/policies.ts';

/** What a policy's runs add up to for balance: how they end, what they pin at the edge of the scale, who stays loyal. */
export interface PolicyBalance {
  policy: string;
  runs: number;
  /** Every ending in the scenario's order, with its share of runs and that share's 95% (Wilson) interval. */
  endings: { id: string; tone: string; share: number; lo: number; hi: number }[];
  meanCohesion: number;
  /**
   * Runs that end with any member value or meter at exactly 0 or 100, and the values most often there;
   * `driven` counts only values that did not start there (a baseline of 100 is a choice, not a runaway).
   */
  pinned: {
    share: number;
    values: { key: string; share: number }[];
    driven: number;
    drivenValues: { key: string; share: number }[];
    /** Runs that end with a member's own value (loyalty, public support, hedging, ties) at exactly 0 or 100. */
    members: number;
  };
  /** Runs that reached a development with no historical option, where history cannot say what to choose. */
  offHistory: number;
  /** Mean final loyalty by member, most loyal first. */
  loyalty: { member: string; mean: number }[];
  /** For a plan: runs (and decisions) where its option was taken the other way, and where the greedy choice took over. */
  offPlan?: { otherWayRuns: number; otherWay: number; greedyRuns: number; greedy: number };
}

const PINNED_SHOWN = 3;

/** What a policy's tally keeps of one finished run, as plain data that can be sent between threads. */
export interface PolicyRunFacts {
  ending: string;
  cohesion: number;
  /** Every value that ends at 0 or 100, as `key=value`, and those of them that did not start there. */
  pinnedAt: string[];
  drivenAt: string[];
  /** Whether a member's own value (not a meter) is among them. */
  memberPinned: boolean;
  offHistory: boolean;
  /** Final loyalty by member, in the scenario's order. */
  loyalty: number[];
  offPlan?: OffPlan;
}

export function policyRunFacts(scenario: Scenario, world: World, offPlan?: OffPlan): PolicyRunFacts {
  const c = cohesion(world, scenario.params.cohesion);
  const pinnedAt: string[] = [];
  const drivenAt: string[] = [];
  const pin = (key: string, value: number) => {
    if (value !== VALUE_MIN && value !== VALUE_MAX) return;
    const at = `${key}=${value}`;
    pinnedAt.push(at);
    if (world.initial[key] !== value) drivenAt.push(at);
  };
  pin('cohesion', c);
  pin('credibility', world.credibility);
  pin('moscowBandwidth', world.moscowBandwidth);
  const meters = pinnedAt.length;
  const loyalty: number[] = [];
  for (const code of scenario.members) {
    const m = world.members[code];
    if (m === undefined) {
      loyalty.push(0);
      continue;
    }
    for (const field of MEMBER_FIELDS) pin(`${code}.${field}`, m[field]);
    loyalty.push(m.loyalty);
  }
  return {
    ending: endingReached(scenario, world).id,
    cohesion: c,
    pinnedAt,
    drivenAt,
    memberPinned: pinnedAt.length > meters,
    offHistory: world.decisions.some((d) => offHistory(scenario, d.development)),
    loyalty,
    ...(offPlan ? { offPlan } : {}),
  };
}

export class PolicyTally {
  private runs = 0;
  private readonly endings = new Map<string, number>();
  private cohesionSum = 0;
  private pinnedRuns = 0;
  private readonly pinnedBy = new Map<string, number>();
  private drivenRuns = 0;
  private memberPinnedRuns = 0;
  private offHistoryRuns = 0;
  private readonly drivenBy = new Map<string, number>();
  private readonly loyaltySum: Record<string, number> = {};
  private readonly off = { otherWayRuns: 0, otherWay: 0, greedyRuns: 0, greedy: 0 };

  constructor(
    private readonly scenario: Scenario,
    private readonly policy: string,
  ) {
    for (const code of scenario.members) this.loyaltySum[code] = 0;
  }

  /** One run, by what it gave (which may have been played in another thread). */
  addFacts(facts: PolicyRunFacts): void {
    this.runs++;
    this.endings.set(facts.ending, (this.endings.get(facts.ending) ?? 0) + 1);
    this.cohesionSum += facts.cohesion;
    for (const at of facts.pinnedAt) this.pinnedBy.set(at, (this.pinnedBy.get(at) ?? 0) + 1);
    for (const at of facts.drivenAt) this.drivenBy.set(at, (this.drivenBy.get(at) ?? 0) + 1);
    if (facts.memberPinned) this.memberPinnedRuns++;
    if (facts.offHistory) this.offHistoryRuns++;
    if (facts.pinnedAt.length) this.pinnedRuns++;
    if (facts.drivenAt.length) this.drivenRuns++;
    this.scenario.members.forEach((code, k) => {
      this.loyaltySum[code] = (this.loyaltySum[code] ?? 0) + (facts.loyalty[k] ?? 0);
    });
    if (facts.offPlan) {
      if (facts.offPlan.otherWay) this.off.otherWayRuns++;
      if (facts.offPlan.greedy) this.off.greedyRuns++;
      this.off.otherWay += facts.offPlan.otherWay;
      this.off.greedy += facts.offPlan.greedy;
    }
  }

  report(plan = false): PolicyBalance {
    const { runs, scenario } = this;
    const share = (n: number) => (runs ? n / runs : 0);
    return {
      policy: this.policy,
      runs,
      endings: scenario.endings.map((e) => {
        const { estimate, lo, hi } = wilson(this.endings.get(e.id) ?? 0, runs);
        return { id: e.id, tone: e.tone, share: estimate, lo, hi };
      }),
      meanCohesion: share(this.cohesionSum),
      pinned: {
        share: share(this.pinnedRuns),
        values: mostOften(this.pinnedBy, runs),
        driven: share(this.drivenRuns),
        drivenValues: mostOften(this.drivenBy, runs),
        members: share(this.memberPinnedRuns),
      },
      offHistory: share(this.offHistoryRuns),
      loyalty: scenario.members.map((member) => ({ member, mean: share(this.loyaltySum[member] ?? 0) })).sort((a, b) => b.mean - a.mean),
      ...(plan ? { offPlan: { ...this.off } } : {}),
    };
  }
}

function mostOften(counts: Map<string, number>, runs: number): { key: string; share: number }[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
    .slice(0, PINNED_SHOWN)
    .map(([key, n]) => ({ key, share: runs ? n / runs : 0 }));
}
