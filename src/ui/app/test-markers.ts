import { summarize } from '../../engine/play/batch.ts';
import type { Session } from '../state/session.ts';

/** State for tests and tools: which screen, and the engine's hash of the World on it. */
export function markScreen(screen: string, s: Session | null) {
  const body = document.body.dataset;
  body.screen = screen;
  if (s) {
    body.worldHash = summarize(s.run).hash;
    body.decisions = String(s.run.world.decisions.length);
    body.slot = s.slot;
    body.seed = s.run.seed;
    body.scenario = s.scenario.id;
  } else {
    for (const k of ['worldHash', 'decisions', 'slot', 'seed', 'scenario']) delete body[k];
  }
}
