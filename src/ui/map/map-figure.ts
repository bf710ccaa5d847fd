import './map.css';
import type { Run } from '../../engine/play/run.ts';
import { h, replace } from '../kit/dom.ts';
import { mapStateOf, type MapState } from './map-state.ts';
import { MapView } from './map-view.ts';

/**
 * The map as a figure: the canvas, hidden from screen readers, and a caption that says in words what it
 * shows. Made once and moved from screen to screen, so Phaser is started only once.
 */
export class MapFigure {
  readonly el: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly view: MapView;

  constructor() {
    const host = h('div', { class: 'map-canvas', 'aria-hidden': 'true' });
    this.caption = h('figcaption', null);
    this.el = h('figure', { class: 'map' }, host, this.caption);
    this.view = new MapView(host);
  }

  load(): Promise<void> {
    return this.view.load();
  }

  show(run: Run, aftermath: boolean) {
    const state = mapStateOf(run, aftermath);
    this.view.show(state);
    replace(
      this.caption,
      h(
        'span',
        { class: 'legend', 'aria-hidden': 'true' },
        h('span', { class: 'legend-ramp' }),
        h('span', { class: 'legend-ends' }, h('span', null, '0'), h('span', null, 'loyalty'), h('span', null, '100')),
      ),
      h('span', null, captionText(run, state)),
    );
  }
}

function captionText(run: Run, state: MapState): string {
  const { scenario } = run;
  const crisis = state.crisis ? `The crisis: ${placeWithMember(state.crisis.place, scenario.names[state.crisis.code] ?? state.crisis.code)}. ` : '';
  const absent = state.members
    .filter((m) => m.status !== 'member')
    .map((m) => `${m.name} ${m.status === 'suspended' ? 'has suspended its participation' : 'has withdrawn'}`);
  const events = state.events.map((e) => `${scenario.names[e.code]} ${e.text}`);
  return `Map: members shaded and numbered by loyalty (0–100); hatched if suspended or withdrawn. ${crisis}${absent.length ? `${absent.join('; ')}. ` : ''}${events.length ? `Reactions: ${events.join('; ')}.` : ''}`;
}

/** A place and the member it is in, the member named once: "Almaty (Kazakhstan)", but "Kazakhstan", not "Kazakhstan (Kazakhstan)". */
export function placeWithMember(place: string, member: string): string {
  return place.includes(member) ? place : `${place} (${member})`;
}
