import './class-play.css';
import type { Exercise } from '../../engine/play/exercise.ts';
import { h } from '../kit/dom.ts';
import { CLASS_PHASE_NAMES, type ClassPhase } from './class-phase.ts';
import { clockText, PhaseTimer } from './phase-timer.ts';
import { timerAnnouncer } from './timer-announcer.ts';

export interface ClassBar {
  el: HTMLElement;
  /** Stops the ticking when the page leaves the screen. */
  stop(): void;
}

const MINUTE = 60_000;

/**
 * The bar a class's run shows on every phase, for the whole room: the exercise's title, the phase, and the
 * phase's timer with Pause and Resume. The clock is shown, not read out: screen readers hear the timer
 * start, one minute left and time up, nothing in between.
 */
export function classBar(exercise: Exercise, slot: string, phase: ClassPhase, decision: number, minutes: number): ClassBar {
  const phaseName = CLASS_PHASE_NAMES[phase];
  const where = phase === 'debrief' ? phaseName : `${phaseName} · decision ${decision}`;
  const parts: HTMLElement[] = [
    h('p', { class: 'class-title' }, exercise.title || 'Class exercise'),
    h('p', { class: 'class-phase', 'data-class-phase': phase }, h('span', { class: 'visually-hidden' }, 'Phase: '), where),
  ];
  const el = h('section', { class: 'class-bar', 'aria-label': 'Class exercise' }, parts);
  if (minutes <= 0) return { el, stop: () => {} };

  const timer = new PhaseTimer(slot, `${decision}:${phase}`, minutes);
  const clock = h('span', { class: 'clock', 'data-clock': '' });
  const state = h('span', { class: 'timer-state' });
  const toggle = h('button', { type: 'button', class: 'secondary compact', 'data-action': 'timer-toggle' });
  const box = h('p', { class: 'class-timer' }, h('span', { class: 'visually-hidden' }, `${phaseName} timer: `), clock, ' ', state);
  el.append(box, toggle);
  const say = timerAnnouncer();
  let last = timer.remaining();
  const show = () => {
    const left = timer.remaining();
    clock.textContent = clockText(left);
    box.dataset.timer = timer.up ? 'up' : timer.paused ? 'paused' : 'running';
    state.textContent = timer.up ? 'Time is up' : timer.paused ? 'paused' : 'left';
    toggle.textContent = timer.paused ? 'Resume timer' : 'Pause timer';
    toggle.hidden = timer.up;
    if (last > MINUTE && left <= MINUTE && left > 0) say(`One minute left for the ${phaseName.toLowerCase()}.`);
    if (last > 0 && left === 0) say(`Time is up for the ${phaseName.toLowerCase()}.`);
    last = left;
  };
  toggle.addEventListener('click', () => {
    if (timer.paused) timer.resume();
    else timer.pause();
    say(timer.paused ? `Timer paused with ${clockText(timer.remaining())} left.` : 'Timer running again.');
    show();
  });
  show();
  if (timer.fresh) say(`The ${phaseName.toLowerCase()} has ${minutes} minute${minutes === 1 ? '' : 's'} on the timer.`);
  const ticking = window.setInterval(show, 1000);
  return { el, stop: () => window.clearInterval(ticking) };
}
