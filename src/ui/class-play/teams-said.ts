import type { CouncilDeclarations } from '../../engine/core/declared.ts';
import type { Option, Scenario } from '../../engine/core/scenario.ts';
import type { Exercise } from '../../engine/play/exercise.ts';
import { STANCE_MARKS } from '../council/stance-text.ts';
import { h } from '../kit/dom.ts';

/**
 * What each team declared at a Council, team by team, on the options given: "✖ Armenia objects to “Send a
 * fact-finding mission”: “We asked for troops, not observers.”". The reveal shows it for the option chosen,
 * the debrief for every option; a team that declared nothing there is left out.
 */
export function teamsSaid(scenario: Scenario, exercise: Exercise, declared: CouncilDeclarations, options: Option[]): HTMLElement[] {
  return exercise.teams.flatMap((team) => {
    const lines = options.flatMap((o) =>
      team.roles.flatMap((role) => {
        const said = declared[o.id]?.[role];
        if (!said) return [];
        return [
          h(
            'li',
            { 'data-member': role, 'data-option': o.id, 'data-stance': said.stance },
            h(
              'strong',
              { class: `stance-${said.stance}` },
              h('span', { 'aria-hidden': 'true' }, `${STANCE_MARKS[said.stance]} `),
              `${scenario.names[role]} ${said.stance}`,
            ),
            said.stance === 'objects' ? ' to' : '',
            ` “${o.label}”`,
            said.argument ? h('span', { class: 'argument' }, `: “${said.argument}”`) : null,
          ),
        ];
      }),
    );
    return lines.length ? [h('div', { class: 'team-said', 'data-team': team.name }, h('p', { class: 'team-name' }, team.name), h('ul', null, lines))] : [];
  });
}
