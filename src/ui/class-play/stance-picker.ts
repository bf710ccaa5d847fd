import { MAX_ARGUMENT_LENGTH, STANCE_KINDS, type Declaration, type StanceKind } from '../../engine/core/declared.ts';
import type { MemberStance } from '../../engine/rules/council.ts';
import { h, uid } from '../kit/dom.ts';
import { STANCE_MARKS } from '../council/stance-text.ts';

export interface PickerContext {
  /** "Kazakhstan", "Tokayev": whose stance this is. */
  memberName: string;
  leaderName: string;
  optionLabel: string;
  /** The model's own stance, shown as advice when the teacher allows it; null when it is hidden. */
  advice: MemberStance['stance'] | null;
  declared: Declaration | undefined;
  onChange(declaration: Declaration | undefined): void;
}

const NOT_DECLARED = 'none';

/**
 * One member's declaration on one option: its stance as radio buttons (not declared, then the four
 * stances) and a sentence of argument, counted against its limit. Until a team declares, its member's
 * stance is the model's, as for a member no team holds.
 */
export function stancePicker(member: string, option: string, context: PickerContext): HTMLElement {
  const name = uid(`stance-${option}-${member}`);
  let stance: StanceKind | null = context.declared?.stance ?? null;
  let argument = context.declared?.argument ?? '';
  const changed = () => context.onChange(stance === null ? undefined : { stance, ...(argument.trim() ? { argument: argument.trim() } : {}) });
  const radio = (value: StanceKind | typeof NOT_DECLARED, label: HTMLElement | string) =>
    h(
      'label',
      { class: `stance-choice${value === NOT_DECLARED ? '' : ` stance-${value}`}` },
      h('input', {
        type: 'radio',
        name,
        value,
        checked: (stance ?? NOT_DECLARED) === value,
        'data-stance-choice': value,
        onchange: () => {
          stance = value === NOT_DECLARED ? null : value;
          changed();
        },
      }),
      ' ',
      label,
    );
  const choices = [
    radio(NOT_DECLARED, 'not declared'),
    ...STANCE_KINDS.map((k) => radio(k, h('span', null, h('span', { 'aria-hidden': 'true' }, `${STANCE_MARKS[k]} `), k))),
  ];
  const argumentId = `${name}-argument`;
  const countId = `${name}-count`;
  const count = h('p', { class: 'argument-count muted', id: countId }, countText(argument.length));
  const field = h('textarea', {
    id: argumentId,
    rows: '2',
    maxlength: String(MAX_ARGUMENT_LENGTH),
    'aria-describedby': countId,
    'data-argument': '',
    oninput: (event: Event) => {
      argument = (event.target as HTMLTextAreaElement).value;
      count.textContent = countText(argument.length);
      if (stance !== null) changed();
    },
  });
  field.value = argument;
  return h(
    'fieldset',
    { class: 'member-declaration', 'data-member': member, 'data-option': option },
    h('legend', null, `${context.memberName} `, h('span', { class: 'leader-name' }, `(${context.leaderName})`)),
    h('div', { class: 'stance-choices' }, choices),
    context.advice
      ? h(
          'p',
          { class: 'advice', 'data-advice': context.advice },
          'Advice, the model’s own stance: ',
          h('strong', { class: `stance-${context.advice}` }, h('span', { 'aria-hidden': 'true' }, `${STANCE_MARKS[context.advice]} `), context.advice),
        )
      : null,
    h('label', { for: argumentId, class: 'argument-label' }, `Argument for ${context.memberName} (optional)`),
    field,
    count,
  );
}

function countText(n: number): string {
  return `${n} of ${MAX_ARGUMENT_LENGTH} characters`;
}
