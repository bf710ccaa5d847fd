import '../class-play/class-play.css';
import { timeLeft, type TableState } from '../../engine/play/class-table.ts';
import { h } from '../kit/dom.ts';
import { clockText } from '../class-play/phase-timer.ts';
import { timerAnnouncer } from '../class-play/timer-announcer.ts';
import type { ServerClock } from './server-clock.ts';

export interface LiveBarSpec {
  title: string;
  table: number;
  /** The student's team, or null on the teacher's screens. */
  team: string | null;
  phase: string;
  state: TableState;
  clock: ServerClock;
}

export interface LiveBar {
  el: HTMLElement;
  stop(): void;
}

const MINUTE = 60_000;

/**
 * The bar on every screen of a live table, in the class bar's look: the class's title, the table, the team,
 * the phase, and the phase's clock as the server keeps it (the teacher pauses and resumes it on the
 * dashboard). The clock is shown, not read out: screen readers hear one minute left, time up and "Paused".
 */
export function liveBar(spec: LiveBarSpec, said: { last: number | null }): LiveBar {
  const { state, clock } = spec;
  const parts: HTMLElement[] = [
    // The page's first heading: the table's screens head their own parts below it.
    h('h1', { class: 'class-title' }, spec.title),
    h('p', { class: 'live-where' }, `Table ${spec.table}`, spec.team ? ` · ${spec.team}` : ''),
    h('p', { class: 'class-phase', 'data-class-phase': state.phase }, h('span', { class: 'visually-hidden' }, 'Phase: '), spec.phase),
  ];
  const el = h('section', { class: 'class-bar live-bar', 'aria-label': 'Live class' }, parts);
  if (state.paused) el.append(h('p', { class: 'live-paused', 'data-paused': '' }, 'Paused'));
  if (state.timer.durationMs === null) return { el, stop: () => {} };
  const clockEl = h('span', { class: 'clock', 'data-clock': '' });
  const stateEl = h('span', { class: 'timer-state' });
  const box = h('p', { class: 'class-timer' }, h('span', { class: 'visually-hidden' }, 'Time left: '), clockEl, ' ', stateEl);
  el.append(box);
  const say = timerAnnouncer();
  const show = () => {
    const left = timeLeft(state.timer, clock.now()) ?? 0;
    const shown = Math.max(0, left);
    clockEl.textContent = clockText(shown);
    const up = shown === 0;
    box.dataset.timer = up ? 'up' : state.paused ? 'paused' : 'running';
    // While paused, the bar's own "Paused" says so once.
    stateEl.textContent = up ? 'Time is up' : 'left';
    const last = said.last;
    if (last !== null && last > MINUTE && shown <= MINUTE && shown > 0) say('One minute left.');
    if (last !== null && last > 0 && up) say('Time is up.');
    said.last = shown;
  };
  show();
  const ticking = state.paused ? 0 : window.setInterval(show, 1000);
  return { el, stop: () => window.clearInterval(ticking) };
}
