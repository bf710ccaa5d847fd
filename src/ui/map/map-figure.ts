import './map.css';
import type { Run } from '../../engine/play/run.ts';
import { announce } from '../kit/announce.ts';
import { h, replace } from '../kit/dom.ts';
import { whole } from '../kit/format.ts';
import { MapLabels } from './map-labels.ts';
import { mapStateOf, type MapState } from './map-state.ts';
import { MapView } from './map-view.ts';

/** What the run's page does when a member is selected on the map: opens its details. */
export type SelectMember = (code: string) => void;

/**
 * The map as a figure: the canvas (hidden from screen readers), the members' names over it as buttons to
 * select a member by, and a caption that says in words what the map shows. Made once and moved from screen
 * to screen, so Phaser is started only once; the selection stays from screen to screen with it.
 */
export class MapFigure {
  readonly el: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly view: MapView;
  private readonly labels: MapLabels;
  private state: MapState | null = null;
  private onSelectMember: SelectMember | null = null;
  private onCloseMember: (() => void) | null = null;
  private chosen: string | null = null;
  private lit: string | null = null;

  constructor() {
    const host = h('div', { class: 'map-canvas', 'aria-hidden': 'true' });
    const frame = h('div', { class: 'map-frame' }, host);
    this.labels = new MapLabels(frame, {
      select: (code) => this.select(code),
      highlight: (code) => {
        this.lit = code;
        this.view.highlight(code, this.chosen);
      },
      dismiss: () => this.onCloseMember?.(),
    });
    frame.append(this.labels.el);
    this.caption = h('figcaption', null);
    this.el = h('figure', { class: 'map' }, frame, this.caption);
    this.view = new MapView(host, (region) => this.labels.setRegion(region));
  }

  load(): Promise<void> {
    return this.view.load();
  }

  /** The member selected on the map, if any: its details stay open from screen to screen until closed. */
  get selected(): string | null {
    return this.chosen;
  }

  /** Shows the run; a member selected calls onSelectMember, and Escape on the map's names calls onCloseMember. */
  show(run: Run, aftermath: boolean, onSelectMember: SelectMember, onCloseMember: () => void) {
    this.onSelectMember = onSelectMember;
    this.onCloseMember = onCloseMember;
    const state = mapStateOf(run, aftermath);
    this.state = state;
    if (this.chosen && !state.members.some((m) => m.code === this.chosen)) this.chosen = null;
    this.labels.setSelected(this.chosen);
    this.labels.show(state);
    this.view.show(state);
    this.view.highlight(this.lit, this.chosen);
    replace(
      this.caption,
      h(
        'span',
        { class: 'legend', 'aria-hidden': 'true' },
        h('span', { class: 'legend-ramp' }),
        h('span', { class: 'legend-ends' }, h('span', null, '0'), h('span', null, 'loyalty'), h('span', null, '100')),
      ),
      h('span', null, captionText(run, state)),
      h('span', { class: 'map-hint' }, ' Select a member on the map, or Tab to its names and use the arrow keys, to see its details.'),
      state.marks.length
        ? h(
            'span',
            { class: 'map-marks-words' },
            h('span', { class: 'map-marks-heading' }, 'On the map after this decision:'),
            h(
              'ul',
              null,
              state.marks.map((m) => h('li', null, m.text)),
            ),
          )
        : null,
    );
  }

  /** Selects a member: outlined on the map, its name pressed, the choice announced, and the page's handler called. */
  select(code: string) {
    const member = this.state?.members.find((m) => m.code === code);
    if (!member) return;
    this.chosen = code;
    this.labels.setSelected(code);
    this.view.highlight(this.lit, code);
    announce(`${member.name} selected: loyalty ${whole(member.loyalty)}${member.status === 'member' ? '' : `, ${member.status}`}. Its details follow the map.`);
    this.onSelectMember?.(code);
  }

  /** Clears the selection (its details were closed), giving focus back to the member's name on the map. */
  deselect() {
    const was = this.chosen;
    this.chosen = null;
    this.labels.setSelected(null);
    this.view.highlight(this.lit, null);
    if (was) this.labels.button(was)?.focus();
  }
}

function captionText(run: Run, state: MapState): string {
  const { scenario } = run;
  const crisis = state.crisis ? `The crisis: ${placeWithMember(state.crisis.place, scenario.names[state.crisis.code] ?? state.crisis.code)}. ` : '';
  const absent = state.members
    .filter((m) => m.status !== 'member')
    .map((m) => `${m.name} ${m.status === 'suspended' ? 'has suspended its participation' : 'has withdrawn'}`);
  return `Map: members shaded and numbered by loyalty (0–100); hatched if suspended or withdrawn. ${crisis}${absent.length ? `${absent.join('; ')}.` : ''}`;
}

/** A place and the member it is in, the member named once: "Almaty (Kazakhstan)", but "Kazakhstan", not "Kazakhstan (Kazakhstan)". */
export function placeWithMember(place: string, member: string): string {
  return place.includes(member) ? place : `${place} (${member})`;
}
