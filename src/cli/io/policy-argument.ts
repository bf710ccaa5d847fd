import { PolicyError, policyFor, type Policy } from '../../engine/play/policies.ts';
import { loadPolicyFile } from '../../engine/play/policy-file.ts';
import type { Scenario } from '../../engine/core/scenario.ts';
import { InputError, ProblemsError, readText } from './scenario-files.ts';

/** A policy by name (historical, random, greedy, fixed:dev=option) or from a policy file (*.yaml), checked against the scenario. */
export function resolvePolicy(text: string, scenario: Scenario): Policy {
  if (/\.ya?ml$/.test(text)) {
    const loaded = loadPolicyFile(readText(text), scenario);
    if (!loaded.ok) throw new ProblemsError(loaded.error);
    return loaded.value;
  }
  try {
    return policyFor(text, scenario);
  } catch (error) {
    if (error instanceof PolicyError) throw new InputError(error.message);
    throw error;
  }
}
