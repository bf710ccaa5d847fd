import type { Scenario } from './scenario.ts';

/**
 * What an option or a reaction is called, by its id: ids are unique across a scenario or a campaign
 * (the loader refuses duplicates), so the id alone finds it. An unknown id stands for itself.
 */
export function optionLabel(scenario: Scenario, id: string): string {
  for (const development of Object.values(scenario.developments)) {
    for (const option of development.options) if (option.id === id) return option.label;
  }
  return id;
}

export function reactionLabel(scenario: Scenario, id: string): string {
  return scenario.reactions.find((r) => r.id === id)?.label ?? id;
}
