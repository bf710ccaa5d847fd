import type { Run } from '../../engine/play/run.ts';
import type { Status } from '../../engine/core/world.ts';
import { currentDevelopment, developmentById } from '../../engine/core/development.ts';
import { optionLabel, reactionLabel } from '../../engine/core/labels.ts';
import { DECISION_ICON, OCCASION_ICON, reactionMark } from './mark-words.ts';

/** Something that happened on a member's territory, marked there: a symbol and a short word on the map, a sentence under it. */
export interface MapMark {
  code: string;
  kind: 'reaction' | 'occasion' | 'decision';
  icon: string;
  word: string;
  text: string;
}

/** What the map shows: a plain description the Phaser scene and the labels draw, built from the World. */
export interface MapState {
  members: { code: string; name: string; loyalty: number; status: Status }[];
  crisis: { code: string; place: string } | null;
  /** In the aftermath: where the decision was carried out and where the members' reactions happened. */
  marks: MapMark[];
}

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const lower = (word: string) => word.charAt(0).toLowerCase() + word.slice(1);

/** The last decision's marks: the decision at its crisis's member, each reaction at its member and at the occasion's host. */
function marksOf(run: Run): MapMark[] {
  const { scenario, world } = run;
  const t = world.decisions.length - 1;
  const decision = world.decisions[t];
  if (!decision) return [];
  const marks: MapMark[] = [];
  const decided = developmentById(scenario, decision.development);
  if (decided.location) {
    const label = optionLabel(scenario, decision.option);
    marks.push({ code: decided.location, kind: 'decision', icon: DECISION_ICON, word: label, text: `${decided.place}: the Council decided “${label}”.` });
  }
  for (const r of world.reactions) {
    if (r.turn !== t) continue;
    const rule = scenario.reactions.find((x) => x.id === r.reaction && x.member === r.member);
    const name = scenario.names[r.member] ?? r.member;
    const sentence = `${name} ${reactionLabel(scenario, r.reaction)}`;
    const { icon, word } = reactionMark(rule?.kind ?? '');
    marks.push({ code: r.member, kind: 'reaction', icon, word, text: `${sentence}.` });
    const at = developmentById(scenario, r.development);
    if (rule?.occasion && at.location && at.location !== r.member) {
      marks.push({
        code: at.location,
        kind: 'occasion',
        icon: OCCASION_ICON,
        word: `${capital(rule.occasion)}: ${name} ${lower(word)}`,
        text: `At the ${rule.occasion} in ${at.place}: ${sentence}.`,
      });
    }
  }
  return marks;
}

export function mapStateOf(run: Run | null, aftermath: boolean): MapState {
  if (!run) return { members: [], crisis: null, marks: [] };
  const { scenario, world } = run;
  const members = scenario.members.map((code) => ({
    code,
    name: scenario.names[code],
    loyalty: world.members[code].loyalty,
    status: world.members[code].status,
  }));
  const dev = world.development === null ? null : currentDevelopment(scenario, world);
  const crisis = dev?.location ? { code: dev.location, place: dev.place } : null;
  return { members, crisis, marks: aftermath ? marksOf(run) : [] };
}
