/**
 * The page's addresses, all in the fragment, so that any static web server serves the built site from any
 * folder with no rewrite rules (README, "Offline and installing"):
 * `#/` the scenarios; `#/share?...` a shared run; `#/run/<slot>` a saved run being played;
 * `#/run/<slot>/compare[/<other slot>]` that run beside the historical path or another saved run;
 * `#/run/<slot>/outlook/<k>` what tends to happen at its decision k (1-based); `#/class` the classroom (setting up
 * an exercise), `#/class/exercise?e=...` an exercise's link, `#/class/print/<roles|handout|guide>?e=...` its
 * printables, `#/class/results` the class's runs side by side. A class's run is a `#/run/<slot>` whose save
 * carries its exercise. A live class (served by the teacher's server): `#/live` joining a class by its code
 * (`#/live?code=...` from its QR code), `#/live/<CODE>` a student's table, `#/live/<CODE>/teach` the teacher's
 * dashboard, `#/live/<CODE>/teach/<table>` the teacher at one table's Council.
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
  | { kind: 'live'; page: LivePage }
  | { kind: 'unknown' };

export type LivePage =
  | { kind: 'join'; code: string }
  | { kind: 'table'; code: string }
  | { kind: 'teach'; code: string }
  | { kind: 'take-over'; code: string; table: number };

/** A class code in an address: its own letters and digits only, read in capitals (typed any case). */
const LIVE_CODE = /^[A-Za-z0-9]{6}$/;

/** `#/live...`: the join screen, a student's table, the dashboard, or the teacher at a table. */
function parseLiveRoute(hash: string): Route {
  const [path = '', query = ''] = hash.split('?');
  const parts = path
    .slice('#/live'.length)
    .split('/')
    .filter((p, i) => i > 0 || p !== '');
  if (parts.length === 0 || (parts.length === 1 && parts[0] === '')) {
    const code = new URLSearchParams(query).get('code') ?? '';
    return { kind: 'live', page: { kind: 'join', code: code.slice(0, 40) } };
  }
  const [code, teach, table, ...rest] = parts;
  if (!code || !LIVE_CODE.test(code) || rest.length) return { kind: 'unknown' };
  const upper = code.toUpperCase();
  if (teach === undefined) return { kind: 'live', page: { kind: 'table', code: upper } };
  if (teach !== 'teach') return { kind: 'unknown' };
  if (table === undefined) return { kind: 'live', page: { kind: 'teach', code: upper } };
  if (/^(?:[1-9]|1[0-2])$/.test(table)) return { kind: 'live', page: { kind: 'take-over', code: upper, table: Number(table) } };
  return { kind: 'unknown' };
}

/** The address of a live class's page. */
export function liveHash(page: LivePage): string {
  switch (page.kind) {
    case 'join':
      return page.code ? `#/live?code=${encodeURIComponent(page.code)}` : '#/live';
    case 'table':
      return `#/live/${page.code}`;
    case 'teach':
      return `#/live/${page.code}/teach`;
    case 'take-over':
      return `#/live/${page.code}/teach/${page.table}`;
  }
}

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
  if (hash === '#/live' || hash.startsWith('#/live/') || hash.startsWith('#/live?')) return parseLiveRoute(hash);
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
