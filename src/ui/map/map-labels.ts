import { h, hidden, replace, s } from '../kit/dom.ts';
import { whole } from '../kit/format.ts';
import type { MapData } from '../../formats/map-data.ts';
import { memberAtPoint } from './hit-test.ts';
import { placeLabels, type LabelRequest } from './label-layout.ts';
import type { MapState } from './map-state.ts';

export interface LabelEvents {
  /** A member chosen: by a click on its territory or its name, or Enter or Space on its name. */
  select(code: string): void;
  /** The member under the pointer or the keyboard's focus, to outline on the canvas; null for none. */
  highlight(code: string | null): void;
  /** Escape on the members' names: the selected member's details are put away. */
  dismiss(): void;
}

/** A label must not sit further than this from the point it names without a line to it, in pixels. */
const LEADER_AFTER = 6;

/**
 * The map's words, laid over the canvas as the page's own elements: each member's name and loyalty as a
 * button (the map's way in for the keyboard and screen readers: one Tab stop, arrow keys between members,
 * Enter or Space to select), the crisis, the marks of what happened where, and a few place names. Placed
 * at the map's current size in pixels, so they keep a readable size and never cover one another.
 * Without the borders (they failed to load) the members' buttons stand as a plain row.
 */
export class MapLabels {
  readonly el: HTMLElement;
  private readonly toolbar: HTMLElement;
  private readonly marks: HTMLElement;
  private readonly places: HTMLElement;
  private readonly leaders: SVGSVGElement;
  private region: MapData | null = null;
  private state: MapState | null = null;
  private buttons = new Map<string, HTMLButtonElement>();
  private selected: string | null = null;
  private pointed: string | null = null;
  private focused: string | null = null;
  /** The button that takes the one Tab stop into the map: the selected member, or the last one visited. */
  private current: string | null = null;

  constructor(
    private readonly frame: HTMLElement,
    private readonly events: LabelEvents,
  ) {
    this.toolbar = h('div', {
      role: 'toolbar',
      class: 'map-members',
      'aria-label': 'Members on the map',
      onkeydown: (e) => this.onKey(e as KeyboardEvent),
    });
    this.marks = h('div', { class: 'map-marks', 'aria-hidden': 'true' });
    this.places = h('div', { class: 'map-places', 'aria-hidden': 'true' });
    this.leaders = s('svg', { class: 'map-leaders', 'aria-hidden': 'true', focusable: 'false' });
    this.el = h('div', { class: 'map-overlay unplaced' }, this.leaders, this.places, this.marks, this.toolbar);
    frame.addEventListener('pointermove', (e) => this.onPointer(e));
    frame.addEventListener('pointerleave', () => this.point(null));
    frame.addEventListener('click', (e) => {
      // A click on a name is the button's own; one on the land selects the member under it.
      if ((e.target as Element).closest('button')) return;
      const code = this.memberUnder(e);
      if (code) this.events.select(code);
    });
    new ResizeObserver(() => this.layout()).observe(this.el);
  }

  setRegion(region: MapData) {
    this.region = region;
    this.render();
  }

  show(state: MapState) {
    this.state = state;
    this.render();
  }

  setSelected(code: string | null) {
    this.selected = code;
    if (code) this.current = code;
    for (const [c, b] of this.buttons) {
      b.setAttribute('aria-pressed', String(c === code));
      b.tabIndex = c === this.current ? 0 : -1;
    }
  }

  /** The member's button, to give focus back to when its details close. */
  button(code: string): HTMLButtonElement | null {
    return this.buttons.get(code) ?? null;
  }

  private render() {
    const state = this.state;
    if (!state) return;
    const hadFocus = [...this.buttons].find(([, b]) => b === document.activeElement)?.[0] ?? null;
    this.buttons = new Map();
    if (!this.current || !state.members.some((m) => m.code === this.current)) this.current = this.selected ?? state.members[0]?.code ?? null;
    replace(
      this.toolbar,
      state.members.map((m) => {
        const b = h(
          'button',
          {
            type: 'button',
            class: `map-member status-${m.status}`,
            'data-member': m.code,
            'aria-pressed': String(m.code === this.selected),
            tabindex: m.code === this.current ? '0' : '-1',
            onclick: () => this.events.select(m.code),
            onfocus: () => {
              this.focused = m.code;
              this.current = m.code;
              this.syncTabStop();
              this.sendHighlight();
            },
            onblur: () => {
              this.focused = null;
              this.sendHighlight();
            },
            onpointerenter: () => this.point(m.code),
          },
          h('span', { class: 'map-member-name' }, m.name),
          ' ',
          h('span', { class: 'map-member-value' }, hidden('loyalty '), whole(m.loyalty)),
          m.status === 'member' ? null : h('span', { class: 'map-member-status' }, ` ${m.status}`),
        );
        this.buttons.set(m.code, b);
        return b;
      }),
    );
    const crisis = state.crisis ? h('span', { class: 'map-crisis', 'data-label': 'crisis' }, 'Crisis') : null;
    replace(
      this.marks,
      crisis,
      state.marks.map((mark, i) =>
        h(
          'span',
          { class: `map-mark map-mark-${mark.kind}`, 'data-label': `mark-${i}`, 'data-mark': mark.code },
          h('span', { class: 'map-mark-icon' }, mark.icon),
          ' ',
          mark.word,
        ),
      ),
    );
    replace(
      this.places,
      (this.region?.places ?? []).map((p, i) => h('span', { class: `map-place map-place-${p.kind}`, 'data-label': `place-${i}` }, p.text)),
    );
    if (hadFocus) this.buttons.get(hadFocus)?.focus();
    this.layout();
  }

  private syncTabStop() {
    for (const [c, b] of this.buttons) b.tabIndex = c === this.current ? 0 : -1;
  }

  /** Places every label at the map's present size; until there is a size and borders, the buttons stand as a row. */
  private layout() {
    const region = this.region;
    const state = this.state;
    const width = this.el.clientWidth;
    const height = this.el.clientHeight;
    if (!region || !state || width === 0 || height === 0) {
      this.el.classList.add('unplaced');
      return;
    }
    this.el.classList.remove('unplaced');
    const scale = width / region.width;
    const px = (p: [number, number]): [number, number] => [p[0] * scale, p[1] * scale];
    const requests: LabelRequest[] = [];
    const anchors = new Map<string, [number, number]>();
    const elements = new Map<string, HTMLElement>();
    const ask = (id: string, el: HTMLElement, at: [number, number], anchor: [number, number] | null, optional = false) => {
      requests.push({ id, at, width: el.offsetWidth, height: el.offsetHeight, optional });
      elements.set(id, el);
      if (anchor) anchors.set(id, anchor);
    };
    for (const m of state.members) {
      const spot = region.members[m.code];
      const b = this.buttons.get(m.code);
      if (spot && b) ask(`member-${m.code}`, b, px(spot.label), px(spot.anchor));
    }
    const crisisSpot = state.crisis ? region.members[state.crisis.code] : null;
    const crisis = this.marks.querySelector<HTMLElement>('.map-crisis');
    if (crisisSpot && crisis) {
      const [cx, cy] = px(crisisSpot.capital.at);
      ask('crisis', crisis, [cx + 10 + crisis.offsetWidth / 2, cy - 10 - crisis.offsetHeight / 2], [cx, cy]);
    }
    this.marks.querySelectorAll<HTMLElement>('.map-mark').forEach((el) => {
      const spot = region.members[el.dataset.mark ?? ''];
      if (spot) ask(el.dataset.label ?? '', el, px(spot.anchor), px(spot.anchor));
    });
    this.places.querySelectorAll<HTMLElement>('.map-place').forEach((el, i) => {
      const place = region.places[i];
      if (place) ask(el.dataset.label ?? '', el, px(place.at), null, true);
    });
    const placed = placeLabels(requests, { width, height });
    const shown = new Set(placed.map((p) => p.id));
    for (const [id, el] of elements) el.classList.toggle('crowded-out', !shown.has(id));
    const lines: SVGElement[] = [];
    for (const p of placed) {
      const el = elements.get(p.id);
      if (!el) continue;
      el.style.left = `${p.x}px`;
      el.style.top = `${p.y}px`;
      const anchor = anchors.get(p.id);
      if (!anchor) continue;
      // The nearest point of the label to the point it names: a line only when the label has moved off it.
      const nx = Math.min(Math.max(anchor[0], p.x), p.x + p.width);
      const ny = Math.min(Math.max(anchor[1], p.y), p.y + p.height);
      if (Math.hypot(anchor[0] - nx, anchor[1] - ny) <= LEADER_AFTER) continue;
      lines.push(
        s('line', { class: 'leader', x1: nx, y1: ny, x2: anchor[0], y2: anchor[1] }),
        s('circle', { class: 'leader-end', cx: anchor[0], cy: anchor[1], r: 2.5 }),
      );
    }
    this.leaders.setAttribute('viewBox', `0 0 ${width} ${height}`);
    replace(this.leaders, lines);
  }

  private memberUnder(e: MouseEvent): string | null {
    // Names standing as a row (no borders yet, or no map drawn) lie over no land.
    if (!this.region || !this.state || getComputedStyle(this.el).position === 'static') return null;
    const box = this.el.getBoundingClientRect();
    if (box.width === 0) return null;
    const scale = this.region.width / box.width;
    const inPlay = new Set(this.state.members.map((m) => m.code));
    return memberAtPoint(this.region.features, inPlay, (e.clientX - box.left) * scale, (e.clientY - box.top) * scale);
  }

  private onPointer(e: PointerEvent) {
    const button = (e.target as Element).closest<HTMLElement>('button[data-member]');
    this.point(button ? (button.dataset.member ?? null) : this.memberUnder(e));
  }

  private point(code: string | null) {
    if (code === this.pointed) return;
    this.pointed = code;
    this.frame.classList.toggle('pointing', code !== null);
    this.sendHighlight();
  }

  /** The pointer wins over the keyboard's focus: the outline follows what the player is touching. */
  private sendHighlight() {
    const code = this.pointed ?? this.focused;
    for (const [c, b] of this.buttons) b.classList.toggle('lit', c === code);
    this.events.highlight(code);
  }

  private onKey(e: KeyboardEvent) {
    const codes = [...this.buttons.keys()];
    const at = codes.indexOf(this.focused ?? this.current ?? '');
    if (e.key === 'Escape' && this.selected) {
      e.preventDefault();
      this.events.dismiss();
      return;
    }
    let next = -1;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = (at + 1) % codes.length;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = (at - 1 + codes.length) % codes.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = codes.length - 1;
    if (next < 0) return;
    e.preventDefault();
    this.buttons.get(codes[next])?.focus();
  }
}
