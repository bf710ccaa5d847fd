import type { Exercise } from '../../engine/play/exercise.ts';
import { MAX_TABLES } from '../../live/messages.ts';
import { h } from '../kit/dom.ts';
import { liveHash } from '../kit/route.ts';
import { keepTeacherSecret, taughtClasses } from './live-keys.ts';

/**
 * The class server's answer to `GET /api/live`: the address students open, or null when the page is not
 * served by a class server (`npm start`, a static copy), which is the sign that no class can run live.
 */
export async function askClassServer(): Promise<{ joinUrl: string | null } | null> {
  try {
    const response = await fetch('/api/live', { headers: { accept: 'application/json' } });
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return null;
    const body = (await response.json()) as { live?: unknown; joinUrl?: unknown };
    if (body.live !== true) return null;
    return { joinUrl: typeof body.joinUrl === 'string' ? body.joinUrl : null };
  } catch {
    return null;
  }
}

/** The class server's answer to a new class: its code and the teacher's secret, or the sentence why not. */
async function createClass(exercise: Exercise, tables: number): Promise<{ code: string; secret: string } | string> {
  try {
    const response = await fetch('/api/classes', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ exercise, tables }),
    });
    const body = (await response.json()) as { code?: unknown; secret?: unknown; error?: unknown };
    if (response.ok && typeof body.code === 'string' && typeof body.secret === 'string') return { code: body.code, secret: body.secret };
    return typeof body.error === 'string' ? body.error : `The class server refused the class (${response.status}).`;
  } catch {
    return 'The class server did not answer. Check that it is still running, then try again.';
  }
}

/** The live classes this browser created (it keeps their secrets): a teacher who closed the dashboard finds it again here. */
function yourClasses(): HTMLElement | null {
  const codes = taughtClasses();
  if (!codes.length) return null;
  return h(
    'section',
    { class: 'live-yours', 'aria-labelledby': 'live-yours-heading', 'data-live-yours': '' },
    h('h3', { id: 'live-yours-heading' }, 'Your live classes on this browser'),
    h(
      'ul',
      null,
      codes.map((code) => h('li', null, h('a', { href: liveHash({ kind: 'teach', code }), 'data-live-class': code }, `The dashboard of class ${code}`))),
    ),
  );
}

/**
 * "Run it live", on the setup screen, shown only when the page is served by a class server: the number of
 * tables (each its own run of the exercise), then the class is created on the server, the teacher's secret
 * kept in this browser, and the dashboard opened.
 */
export function liveSetupSection(ready: () => Exercise | null, go: (hash: string) => void): HTMLElement {
  const tables = h('input', {
    id: 'live-tables',
    type: 'number',
    min: '1',
    max: String(MAX_TABLES),
    value: '1',
    'aria-describedby': 'live-tables-hint live-tables-problem',
  });
  const problem = h('p', { class: 'field-problem', id: 'live-tables-problem', role: 'alert' });
  const start = h('button', { type: 'button', class: 'primary', 'data-action': 'start-live' }, 'Start the live class');
  const section = h(
    'section',
    { class: 'live-setup', 'aria-labelledby': 'live-setup-heading', hidden: true, 'data-live-setup': '' },
    h('h2', { id: 'live-setup-heading' }, 'Run it live'),
    h(
      'p',
      { class: 'muted' },
      'Each team at its own laptop, joining with a code: you move every table through the phases from a dashboard. Several tables each play their own run of this exercise.',
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: tables.id }, 'Number of tables'),
      h('p', { class: 'muted', id: 'live-tables-hint' }, `From 1 to ${MAX_TABLES}: one table a group of teams.`),
      tables,
      problem,
    ),
    h('div', { class: 'actions' }, start),
    yourClasses(),
  );
  let busy = false;
  start.addEventListener('click', () => {
    if (busy) return;
    const n = Number(tables.value);
    if (!Number.isInteger(n) || n < 1 || n > MAX_TABLES) {
      problem.textContent = `The number of tables is a whole number from 1 to ${MAX_TABLES}.`;
      tables.setAttribute('aria-invalid', 'true');
      return tables.focus();
    }
    tables.setAttribute('aria-invalid', 'false');
    problem.textContent = '';
    const exercise = ready();
    if (!exercise) return;
    busy = true;
    start.textContent = 'Starting…';
    void createClass(exercise, n).then((made) => {
      busy = false;
      start.textContent = 'Start the live class';
      if (typeof made === 'string') {
        problem.textContent = made;
        return;
      }
      keepTeacherSecret(made.code, made.secret);
      go(liveHash({ kind: 'teach', code: made.code }));
    });
  });
  void askClassServer().then((server) => {
    section.hidden = server === null;
  });
  return section;
}
