import type { GroupDecision, GroupRun } from '../../engine/analysis/class-set.ts';
import { armLabel } from '../../engine/analysis/outlook-plan.ts';
import type { Declarations } from '../../engine/core/declared.ts';
import { optionLabel } from '../../engine/core/labels.ts';
import type { Scenario } from '../../engine/core/scenario.ts';
import { h } from '../kit/dom.ts';

/**
 * The arguments given: at each decision, for each group whose teams declared, the stances they declared
 * on each option they spoke to (the option chosen first, since its stances had consequences) and the
 * sentences they gave for them.
 */
const STANCE_WORDS: Record<string, string> = { supports: 'supports', accepts: 'accepts', objects: 'objects', vetoes: 'vetoes' };

function stances(scenario: Scenario, on: Declarations): HTMLElement {
  return h(
    'ul',
    { class: 'declared-stances' },
    scenario.members
      .filter((code) => on[code] !== undefined)
      .map((code) => {
        const d = on[code];
        return h(
          'li',
          { 'data-member': code, 'data-stance': d?.stance ?? '' },
          h('strong', null, `${scenario.names[code] ?? code} ${STANCE_WORDS[d?.stance ?? ''] ?? d?.stance}`),
          d?.argument ? `: “${d.argument}”` : ' (no argument given)',
        );
      }),
  );
}

function groupAt(scenario: Scenario, g: GroupRun, d: GroupDecision): HTMLElement {
  const options = Object.keys(d.declared ?? {}).sort((a, b) => (a === d.option ? -1 : b === d.option ? 1 : 0));
  return h(
    'li',
    { 'data-group': g.name },
    h('strong', null, g.name),
    ` at ${scenario.developments[d.development]?.title ?? d.development}, chose ${armLabel(scenario, d.decision)}`,
    h(
      'ul',
      null,
      options.map((option) =>
        h(
          'li',
          { 'data-option': option },
          `On “${optionLabel(scenario, option)}”${option === d.option ? ' (chosen)' : ''}:`,
          stances(scenario, d.declared?.[option] ?? {}),
        ),
      ),
    ),
  );
}

export function classArguments(scenario: Scenario, groups: GroupRun[], headingId: string): HTMLElement {
  const n = Math.max(0, ...groups.map((g) => g.decisions.length));
  const spoken = Array.from({ length: n }, (_, i) => groups.filter((g) => g.decisions[i]?.declared));
  const any = spoken.some((at) => at.length > 0);
  return h(
    'section',
    { class: 'class-arguments', 'aria-labelledby': headingId },
    h('h3', { id: headingId }, 'The arguments given'),
    any
      ? spoken.map((at, i) =>
          at.length
            ? h(
                'div',
                { 'data-decision-number': String(i + 1) },
                h('h4', null, `Decision ${i + 1}`),
                h(
                  'ul',
                  { class: 'group-arguments' },
                  at.map((g) => groupAt(scenario, g, g.decisions[i] as GroupDecision)),
                ),
              )
            : null,
        )
      : h('p', { class: 'muted' }, 'No group declared its members’ stances: these runs were played without teams in the members’ roles.'),
  );
}
