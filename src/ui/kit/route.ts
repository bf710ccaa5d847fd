/**
 * The page's addresses, all in the fragment, so that any static web server serves the built site from any
 * folder with no rewrite rules (README, "Offline and installing"):
 * `#/` the scenarios; `#/share?...` a shared run; `#/run/<slot>` a saved run being played;
 * `#/run/<slot>/compare[/<other slot>]` that run beside the historical path or another saved run;
 * `#/run/<slot>/outlook/<k>` what tends to happen at its decision k (1-based); `#/class` the classroom (setting up
 * an exercise), `#/class/exercise?e=...` an exercise's link, `#/class/print/<roles|handout|guide>?e=...` its
 * printables, `#/class/results` the class's runs side by side. A class's run is a `#/run/<slot>` whose save
 * carries its exercise.
 */
import { encodeExerciseParams, type Exercise } from '../../engine/play/exercise.ts';

export type RunView = { kind: 'play' } | { kind: 'compare'; other: string | null } | { kind: 'outlook'; at: number };

export type Printable = 'roles' | 'handout' | 'guide';
export type ClassPage = { kind: 'home' } | { kind: 'exercise' } | { kind: 'print'; printable: Printable } | { kind: 'results' };

export type Route =
  | { kind: 'choose' }
  | { kind: 'share' }
  | { kind: 'run'; slot: string; view: RunView }
  | { kind: 'class'; page: ClassPage }
  | { kind: 'unknown' };

const PRINTABLES: readonly string[] = ['roles', 'handout', 'guide'] satisfies Printable[];

/** `#/class...`: the path before any '?' names the page; what follows the '?' is the page's to read. */
function parseClassRoute(hash: string): Route {
  const path = hash.split('?')[0] ?? '';
  if (path === '#/class' || path === '#/class/') return { kind: 'class', page: { kind: 'home' } };
  if (path === '#/class/exercise') return { kind: 'class', page: { kind: 'exercise' } };
  if (path === '#/class/results') return { kind: 'class', page: { kind: 'results' } };
  const printable = path.startsWith('#/class/print/') ? path.slice('#/class/print/'.length) : null;
  if (printable !== null && PRINTABLES.includes(printable)) return { kind: 'class', page: { kind: 'print', printable: printable as Printable } };
  return { kind: 'unknown' };
}

const PLAY: RunView = { kind: 'play' };

export const CLASS_RESULTS_HASH = '#/class/results';

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

export function parseRoute(hash: string): Route {
  if (!hash.startsWith('#') || hash === '#' || hash === '#/') return { kind: 'choose' };
  if (hash.startsWith('#/share')) return { kind: 'share' };
  if (hash === '#/class' || hash.startsWith('#/class/') || hash.startsWith('#/class?')) return parseClassRoute(hash);
  if (!hash.startsWith('#/run/')) return { kind: 'unknown' };
  const [slotPart, view, arg, ...rest] = hash.slice('#/run/'.length).split('/');
  const slot = decode(slotPart);
  if (!slot || rest.length) return { kind: 'unknown' };
  if (view === undefined) return { kind: 'run', slot, view: PLAY };
  if (view === 'compare') {
    const other = arg === undefined || arg === '' ? null : decode(arg);
    return other === null && arg ? { kind: 'unknown' } : { kind: 'run', slot, view: { kind: 'compare', other } };
  }
  if (view === 'outlook' && arg !== undefined && /^[1-9][0-9]{0,3}$/.test(arg)) return { kind: 'run', slot, view: { kind: 'outlook', at: Number(arg) } };
  return { kind: 'unknown' };
}

export function runHash(slot: string, view: RunView = PLAY): string {
  const base = `#/run/${encodeURIComponent(slot)}`;
  switch (view.kind) {
    case 'play':
      return base;
    case 'compare':
      return view.other ? `${base}/compare/${encodeURIComponent(view.other)}` : `${base}/compare`;
    case 'outlook':
      return `${base}/outlook/${view.at}`;
  }
}

/** The address of an exercise's page, or of one of its printables. */
export function exerciseHash(exercise: Exercise, printable?: Printable): string {
  return `${printable ? `#/class/print/${printable}` : '#/class/exercise'}?${encodeExerciseParams(exercise)}`;
}
