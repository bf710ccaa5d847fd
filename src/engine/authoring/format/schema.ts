import { z } from '../../core/zod.ts';
import { MEMBER_CODES } from '../../core/world.ts';
import { daysInMonth } from '../../core/calendar.ts';

/**
 * The shape of scenario and rules files. The JSON Schema that editors use is generated from these
 * (`npm run schema`), so the two never disagree. Cross-references (an option pointing at a
 * development, a condition naming a member) are checked afterwards, by the compiler in `../compile/`.
 */

export const REACTION_KINDS = [
  'protest',
  'boycott_exercise',
  'cancel_hosted_exercise',
  'refuse_declaration',
  'western_exercise',
  'turn_to_china',
  'suspend',
  'withdraw',
  'return',
] as const;

/** Things that take place at a development, which some reactions need: one skips an exercise, refuses to sign at a summit. */
export const OCCASIONS = ['exercise', 'summit', 'vote'] as const;

export const ENDING_TONES = ['holds', 'hollows', 'breaks'] as const;

const id = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'ids are lower_snake_case: a letter, then letters, digits or _')
  .describe('A stable id in lower_snake_case. Saves and links refer to it: do not rename once published.');
const memberCode = z.enum(MEMBER_CODES).describe('A member state by ISO code.');
const text = z.string().min(1, 'must not be empty');
const expression = z
  .string()
  .min(1, 'must not be empty')
  .describe('An expression, e.g. "AM.loyalty < 40 and reacted(AM, boycott_exercise)". See README: Writing a scenario.');
const year = z.number().int().min(1991).max(2030);

/** Where a number comes from: a source file (quoted or paraphrased), or an admitted assumption. */
const provenance = {
  source: z.string().min(1).optional().describe('The source file, then a quote or paraphrase: "003_5a98e20ee2fbc50d.txt: \'There is no more hope for CSTO.\'"'),
  assumption: z.literal(true).optional().describe("true when the number is the designer's assumption, not the sources'"),
  note: z.string().optional().describe('Why this number, when it is an assumption or needs a word of explanation.'),
};

function requireProvenance(value: { source?: string; assumption?: true }, ctx: z.RefinementCtx) {
  if (!value.source && !value.assumption) {
    ctx.addIssue({ code: 'custom', message: 'needs a source (file and quote) or assumption: true', path: ['source'] });
  }
}

const sourcedNumber = (min: number, max: number) => z.strictObject({ value: z.number().min(min).max(max), ...provenance }).superRefine(requireProvenance);

const effect = z
  .strictObject({
    id: id.optional().describe('Names this effect in explanations; defaults to its position.'),
    change: z.string().min(1).describe('What changes: AM.loyalty, self.hedging, credibility, moscowBandwidth, AM.status, or a declared variable.'),
    by: z.union([z.number(), expression]).optional().describe('Add this (negative to subtract): a number or an expression.'),
    to: z.union([z.number(), expression]).optional().describe('Set to this: a number, an expression, or a status for .status.'),
    spread: z.number().min(0).max(50).optional().describe('Seeded uncertainty: the amount varies uniformly by up to this much either way.'),
    chance: z.number().min(0).max(1).optional().describe('Probability that the effect happens at all (seeded).'),
    when: expression.optional().describe('The effect applies only while this holds.'),
    why: text.describe('One sentence the game shows as the reason.'),
    ...provenance,
  })
  .superRefine(requireProvenance)
  .superRefine((value, ctx) => {
    if ((value.by === undefined) === (value.to === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give exactly one of by (add) or to (set)', path: ['change'] });
    }
  });

const quote = z.strictObject({
  text: text.describe('Copied exactly from the source.'),
  who: text.describe('Who said or wrote it, with their role.'),
  source: text.describe('The source file.'),
});

const stance = z
  .strictObject({
    interest: z.number().min(-100).max(100).describe('How much this member wants the option, before loyalty, precedent and siding are counted.'),
    reason: text.describe('One sentence: why this member stands where it does.'),
    ...provenance,
  })
  .superRefine(requireProvenance);

const branch = z.strictObject({
  when: expression.optional(),
  chance: z.number().min(0).max(1).optional().describe('Seeded probability of taking this branch when it is reached.'),
  goto: id.describe('The next development, or "end" for the endings and the debrief.'),
});

const option = z
  .strictObject({
    id,
    label: text.describe('What the Council would do, as a short imperative.'),
    description: text.describe('What it means in practice, for the player.'),
    historical: z.boolean().optional().describe('true for what the alliance actually did.'),
    consensus: z.boolean().optional().describe('true if the Council must agree unanimously: one veto blocks it.'),
    intervention: z.number().min(0).max(1).optional().describe('How far this sends forces into a state: members who fear the precedent object.'),
    confrontsAdversary: z.number().min(0).max(1).optional().describe("How far this opposes the crisis's adversary: members who side with it object."),
    russianEffort: z.number().min(0).max(1).optional().describe("How much of Moscow's attention this takes: Russia objects when its bandwidth is low."),
    requires: expression.optional().describe('The option is on the table only while this holds.'),
    stances: z.partialRecord(memberCode, stance).optional(),
    effects: z.array(effect).optional(),
    next: z.union([id, z.array(branch).min(1)]).describe('The development that follows, or a list of branches tried in order.'),
    ...provenance,
  })
  .superRefine((value, ctx) => {
    const tuned = value.intervention !== undefined || value.confrontsAdversary !== undefined || value.russianEffort !== undefined;
    if (tuned) requireProvenance(value, ctx);
  });

/** A day as historians write it in ISO order; kept as text so that 2022-01 is not read as a subtraction. */
const calendarDay = z
  .union([z.string(), z.number().int()])
  .transform(String)
  .refine((t) => /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(t), 'a date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2020-09-27')
  .refine((t) => {
    const [year = 0, month = 1, day = 1] = t.split('-').map(Number);
    return day <= daysInMonth(year, month);
  }, 'no such day in that month');

const recall = z.strictObject({
  when: expression.describe('When the sentence is true of the run so far, e.g. chose(assistance_in_tavush).'),
  text: text.describe('One or two sentences for the briefing.'),
});

const development = z.strictObject({
  id,
  title: text,
  // A bare year (date: 2017) is read as text, as a historian would mean it.
  date: z
    .union([text, z.number().int()])
    .transform(String)
    .describe('The date line players read, as the sources give it (e.g. "August 2020"); where it comes from goes in dateNote.'),
  dateNote: text.optional().describe('For editors: where the date comes from, what lies outside the sources, where they disagree. Not shown in the date line.'),
  time: calendarDay
    .optional()
    .describe(
      'Its place on the calendar, for drift and debts: YYYY, YYYY-MM or YYYY-MM-DD (a missing month or day counts as the first). Undated, it comes a month after the development before it.',
    ),
  place: text,
  placeNote: text.optional().describe('For editors: where the place comes from, or that it lies outside the sources. Not shown to players.'),
  location: memberCode.optional().describe('The member where it happens, to mark on the map.'),
  briefing: text.describe('Plain language for a 16-year-old: what happened, who asks for what.'),
  quotes: z.array(quote).optional(),
  effects: z.array(effect).optional().describe('What the development itself does to the world when it arrives.'),
  history: text.describe('What really happened at this decision, for the debrief, with sources.'),
  occasions: z.array(z.enum(OCCASIONS)).optional().describe('What takes place here: an exercise, a summit, a vote. Reactions with an occasion fire only here.'),
  counterfactual: z
    .literal(true)
    .optional()
    .describe(
      'History never reached this development (it follows a choice the alliance did not make): no option is historical, and the historical policy draws among them.',
    ),
  recalls: z
    .array(recall)
    .optional()
    .describe('Sentences added to the briefing where the run so far makes them true: what the alliance did earlier, as the members remember it.'),
  options: z.array(option).min(1),
});

export const reactionRule = z
  .strictObject({
    id,
    label: text.describe('What the member does, completing "Armenia ...": "skips the alliance\'s exercise".'),
    kind: z.enum(REACTION_KINDS),
    members: z.array(memberCode).optional().describe('Who may react this way (default: every member).'),
    occasion: z.enum(OCCASIONS).optional().describe('Fires only at a development with this occasion (a boycott needs an exercise).'),
    when: expression.describe('Use self.loyalty etc. for the reacting member.'),
    chance: z.number().min(0).max(1).optional(),
    once: z.boolean().optional().describe('false if it can happen again in the same run (default true).'),
    effects: z.array(effect).optional(),
    ...provenance,
  })
  .superRefine(requireProvenance);

const ending = z.strictObject({
  id,
  title: text,
  tone: z.enum(ENDING_TONES),
  when: expression.optional().describe('Endings are tried in order; the last must have no condition.'),
  text: text,
});

const expectation = z
  .strictObject({
    id,
    text: text.describe('The documented outcome, in words.'),
    when: expression.describe('The same outcome as a condition on the final world.'),
    ...provenance,
  })
  .superRefine(requireProvenance);

const variable = z
  .strictObject({
    id,
    label: text,
    initial: z.number(),
    min: z.number(),
    max: z.number(),
    good: z
      .enum(['up', 'down'])
      .optional()
      .describe('Which way is good for the alliance, read from the endings: the game colours its changes by it. Leave out for a fact that is neither.'),
    ...provenance,
  })
  // A counter that starts at zero needs no authority; a starting level does.
  .superRefine((value, ctx) => {
    if (value.initial !== 0) requireProvenance(value, ctx);
  });

const adversary = z.strictObject({
  name: text,
  backers: z
    .partialRecord(memberCode, z.strictObject({ reason: text, ...provenance }).superRefine(requireProvenance))
    .optional()
    .describe('Members who side with the adversary: they object to options that confront it.'),
});

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  kind: z.literal('scenario'),
  id,
  title: text,
  era: year.describe("The year whose baselines (members' values, leaders) apply at the start."),
  premise: text.describe('One line for the scenario list.'),
  objective: text.describe("The player's objective in one sentence, grounded in the history and the endings: what a good ending for the alliance means here."),
  length: text.describe('How long a play takes, e.g. "20 minutes".'),
  members: z.array(memberCode).min(2),
  sources: z.array(text).min(1),
  adversary: adversary.optional(),
  variables: z.array(variable).optional(),
  setup: z.array(effect).optional().describe('Adjustments to the era baselines at the start, each sourced.'),
  start: id,
  developments: z.array(development).min(1),
  reactions: z.array(reactionRule).optional().describe('Reactions that belong to this crisis, beside the standing ones.'),
  endings: z.array(ending).min(1),
  debrief: z.strictObject({
    summary: text,
    questions: z.array(text).min(3, 'give at least three discussion questions'),
  }),
  expectations: z.array(expectation).optional(),
});

export const campaignSchema = z.strictObject({
  $schema: z.string().optional(),
  kind: z.literal('campaign'),
  id,
  title: text,
  era: year.describe('The year whose baselines apply at the start of the first chapter.'),
  premise: text,
  objective: text.describe("The player's objective in one sentence, grounded in the history and the endings: what a good ending for the alliance means here."),
  length: text,
  members: z.array(memberCode).min(2).describe('Every member that appears in any chapter.'),
  sources: z.array(text).min(1),
  chapters: z
    .array(z.strictObject({ scenario: id.describe('The id (and file name) of a scenario in the same folder.'), title: text.optional() }))
    .min(2)
    .describe("Scenarios played in order, the world carried from one to the next; each chapter's setup applies when it begins."),
  recalls: z
    .array(
      z.strictObject({
        development: id.describe('A development of a later chapter, whose briefing the sentence joins.'),
        when: expression.describe('What the run did in an earlier chapter, e.g. chose(assistance_in_tavush).'),
        text: text.describe('One or two sentences for the briefing.'),
      }),
    )
    .optional()
    .describe('What members remember from earlier chapters: sentences added to a later briefing when the run so far makes them true.'),
  endings: z.array(ending).min(1),
  debrief: z.strictObject({
    summary: text,
    questions: z.array(text).min(3, 'give at least three discussion questions'),
  }),
  expectations: z.array(expectation).optional(),
});

const holdKinds = ['arms', 'training', 'bases', 'migrants', 'market', 'legitimacy', 'security'] as const;

const memberRules = z.strictObject({
  name: text,
  leaders: z.array(z.strictObject({ from: year, to: year, name: text, title: text })).min(1),
  wants: z
    .strictObject({ text, ...provenance })
    .superRefine(requireProvenance)
    .optional()
    .describe("What the member wants from the alliance, in one line for the player: its card's interests."),
  baselines: z
    .array(
      z.strictObject({
        year,
        loyalty: sourcedNumber(0, 100),
        publicSupport: sourcedNumber(0, 100),
        hedging: sourcedNumber(0, 100),
      }),
    )
    .min(1)
    .describe('Values at the start of a scenario: the latest baseline at or before its era is used.'),
  holds: z
    .array(z.strictObject({ kind: z.enum(holdKinds), weight: z.number().min(0).max(100), what: text, ...provenance }).superRefine(requireProvenance))
    .describe('What holds the member in; their weights add up to its ties (at most 100).'),
  precedentFear: sourcedNumber(0, 100).describe('How much the member fears the precedent of intervention in a state.'),
});

export const rulesSchema = z.strictObject({
  $schema: z.string().optional(),
  kind: z.literal('rules'),
  sources: z.array(z.strictObject({ file: text, title: text })).min(1),
  members: z.partialRecord(memberCode, memberRules),
  alliance: z.array(z.strictObject({ year, credibility: sourcedNumber(0, 100), moscowBandwidth: sourcedNumber(0, 100) })).min(1),
  cohesion: z.strictObject({
    loyaltyMean: sourcedNumber(0, 2),
    loyaltySpread: sourcedNumber(0, 2),
    credibility: sourcedNumber(0, 2),
    absence: sourcedNumber(0, 50).describe('Cohesion lost for each suspended or withdrawn member.'),
  }),
  stance: z.strictObject({
    loyalty: sourcedNumber(0, 5).describe('Stance points per point of loyalty above or below 50.'),
    precedent: sourcedNumber(0, 5).describe("Stance points lost per point of precedent fear, times the option's intervention."),
    adversary: sourcedNumber(0, 200).describe('Stance points lost by a member who sides with the adversary, times confrontsAdversary.'),
    bandwidth: sourcedNumber(0, 5).describe("Russia's stance points lost per point of bandwidth below 100, times russianEffort."),
    supports: sourcedNumber(-100, 100).describe('At or above: supports.'),
    accepts: sourcedNumber(-100, 100).describe('At or above: accepts.'),
    objects: sourcedNumber(-100, 100).describe('At or above: objects; below: vetoes.'),
    overruled: sourcedNumber(0, 30).describe('Loyalty a member loses when the Council acts over its objection (twice this over its veto).'),
  }),
  leverage: z.strictObject({
    reach: sourcedNumber(0, 200).describe('How far below "accepts" Moscow\'s leverage can lift a member.'),
    bandwidthCost: sourcedNumber(0, 50).describe("Moscow's bandwidth spent per member bought."),
    loyaltyCost: sourcedNumber(0, 50).describe('Loyalty the bought member loses when the debt falls due.'),
    dueMonths: sourcedNumber(0, 120).describe(
      'Months after the decision when the bought member makes Moscow pay; every debt still open falls due when the run ends.',
    ),
  }),
  drift: z
    .array(effect)
    .optional()
    .describe(
      'Standing rules applied for each month between one development and the next, by their dates: those that change self. apply to every member, the others once to the alliance.',
    ),
  reactions: z.array(reactionRule),
});

export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type CampaignFile = z.infer<typeof campaignSchema>;
export type RulesFile = z.infer<typeof rulesSchema>;
export type EffectSpec = z.infer<typeof effect>;
export type OptionSpec = z.infer<typeof option>;
export type DevelopmentSpec = z.infer<typeof development>;
export type ReactionSpec = z.infer<typeof reactionRule>;
export type BranchSpec = z.infer<typeof branch>;
export type StanceSpec = z.infer<typeof stance>;
export type EndingSpec = z.infer<typeof ending>;
