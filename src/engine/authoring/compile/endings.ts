import type { Scenario } from '../../core/scenario.ts';
import type { ScenarioFile } from '../format/schema.ts';
import { conditionAt } from './expressions.ts';
import { report, type Scope } from './scope.ts';

/** Endings (the last without a condition) and expectations, compiled: the same for a scenario and a campaign. */
export function endingsAt(scope: Scope, file: Pick<ScenarioFile, 'endings' | 'expectations'>): Pick<Scenario, 'endings' | 'expectations'> {
  const endings = file.endings.map((e, i) => ({
    id: e.id,
    title: e.title,
    tone: e.tone,
    text: e.text,
    when: conditionAt(scope, e.when, ['endings', i, 'when']),
  }));
  const last = file.endings.length - 1;
  if (file.endings[last]?.when !== undefined) {
    report(scope, ['endings', last, 'when'], 'the last ending must have no condition, so every run ends somewhere');
  }
  const expectations = (file.expectations ?? []).map((e, i) => ({
    id: e.id,
    text: e.text,
    when: conditionAt(scope, e.when, ['expectations', i, 'when']) ?? (() => false),
    source: e.source,
    assumption: e.assumption,
  }));
  return { endings, expectations };
}
