/**
 * How the map marks a member's reaction on its territory: a symbol and a word or two, by the reaction's
 * kind (the engine's vocabulary in rules.yaml). The full sentence, in the engine's words, is under the map.
 */
const BY_KIND: Record<string, { icon: string; word: string }> = {
  boycott_exercise: { icon: '⊘', word: 'Stays away' },
  cancel_hosted_exercise: { icon: '⊘', word: 'Calls off exercise' },
  protest: { icon: '!', word: 'Protests' },
  refuse_declaration: { icon: '✗', word: 'Will not sign' },
  western_exercise: { icon: '⇄', word: 'Drills with NATO' },
  turn_to_china: { icon: '⇄', word: 'Turns to China' },
  suspend: { icon: '‖', word: 'Suspends' },
  withdraw: { icon: '✕', word: 'Leaves' },
  return: { icon: '↩', word: 'Returns' },
};

export function reactionMark(kind: string): { icon: string; word: string } {
  return BY_KIND[kind] ?? { icon: '•', word: 'Reacts' };
}

/** The alliance's decision, marked where the crisis it answers takes place. */
export const DECISION_ICON = '⚑';
/** An occasion (an exercise, a summit) a member's reaction concerns, marked where it is held. */
export const OCCASION_ICON = '◎';
