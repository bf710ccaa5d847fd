import { describe, expect, it } from 'vitest';
import { certainExpectations } from '../../src/engine/analysis/certain-expectations.ts';
import { scenarioWarnings } from '../../src/engine/authoring/warnings.ts';
import { FIXTURE, mustLoad } from '../support/scenarios.ts';

/** The fixture with one more expectation: a condition of its own choosing. */
function withExpectation(when: string) {
  const text = FIXTURE.text.replace(
    /^expectations:\n/m,
    `expectations:\n  - { id: added, text: An added expectation, when: ${JSON.stringify(when)}, assumption: true }\n`,
  );
  if (text === FIXTURE.text) throw new Error('the fixture has no expectations list');
  return { file: FIXTURE.file, text };
}

describe('expectations certain by construction', () => {
  it('should flag one that holds from the start whatever the Council does, and not one the choices decide', () => {
    const always = withExpectation('credibility >= 0');
    expect(certainExpectations(mustLoad(always))).toContain('added');
    const chosen = withExpectation('chose(send_troops)');
    expect(certainExpectations(mustLoad(chosen))).not.toContain('added');
    const later = withExpectation('AM.loyalty < initial(AM.loyalty)');
    expect(certainExpectations(mustLoad(later))).not.toContain('added');
  });

  it('should point the warning at the expectation’s condition', () => {
    const always = withExpectation('credibility >= 0');
    const warnings = scenarioWarnings(always, certainExpectations(mustLoad(always)));
    const found = warnings.find((w) => w.message.includes("'added'"));
    expect(found).toMatchObject({
      path: 'expectations[0].when',
      message: expect.stringMatching(/^warning: 'added' holds before the first decision and after every random play/),
    });
  });
});
