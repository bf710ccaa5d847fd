import Phaser from 'phaser';
import { whole } from '../kit/format.ts';
import { loyaltyColor, MAP_COLORS } from './colors.ts';
import { hatchSegments } from './hatch.ts';
import type { MapState } from './map-state.ts';
import type { MapData, MapFeature } from '../../formats/map-data.ts';

const FONT = 'system-ui, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif';

/**
 * The region from Natural Earth borders: each member shaded by loyalty with its name and value written on
 * it, suspended and withdrawn members hatched and named so, the crisis ringed, reactions as events.
 * Nothing here is read by assistive technology: the page's DOM carries the same facts as text.
 */
export class MapScene extends Phaser.Scene {
  private state: MapState | null = null;
  private ready = false;
  /** Drawn off the display list and baked into a texture: polygons are tessellated once, not every frame. */
  private painter!: Phaser.GameObjects.Graphics;
  private labels = new Map<string, Phaser.GameObjects.Text>();
  private awakeUntil = 0;
  private crisisRing!: Phaser.GameObjects.Graphics;
  private crisisText!: Phaser.GameObjects.Text;
  private marks: Phaser.GameObjects.GameObject[] = [];
  private pulse: Phaser.Tweens.Tween | null = null;

  constructor(
    private readonly region: MapData,
    private readonly reducedMotion: () => boolean,
  ) {
    super('map');
  }

  create() {
    this.cameras.main.setBackgroundColor(MAP_COLORS.sea);
    this.painter = this.make.graphics({}, false);
    for (const f of this.region.features) this.drawFeature(this.painter, f, MAP_COLORS.land, MAP_COLORS.border, 1);
    this.bake('map-base');
    this.add.image(0, 0, 'map-base').setOrigin(0, 0);
    this.add.image(0, 0, this.bake('map-members')).setOrigin(0, 0);
    for (const p of this.region.places) {
      this.add
        .text(p.at[0], p.at[1], p.text, {
          fontFamily: FONT,
          fontSize: p.kind === 'sea' ? '17px' : '16px',
          fontStyle: p.kind === 'sea' ? 'italic' : 'normal',
          color: MAP_COLORS.muted,
        })
        .setOrigin(0.5);
    }
    this.crisisRing = this.add.graphics();
    this.crisisText = this.add
      .text(0, 0, 'CRISIS', { fontFamily: FONT, fontSize: '17px', fontStyle: 'bold', color: '#ffffff', backgroundColor: '#9b001b', padding: { x: 5, y: 2 } })
      .setOrigin(0, 0.5)
      .setVisible(false);
    this.ready = true;
    if (this.state) this.draw(this.state);
    this.wakeFor(500);
  }

  show(state: MapState) {
    this.state = state;
    if (this.ready) {
      this.draw(state);
      this.wakeFor(400);
    }
  }

  /** Renders for a while (a new state, a resize); the loop sleeps again once nothing moves. */
  wakeFor(ms: number) {
    if (!this.ready) return;
    this.awakeUntil = Math.max(this.awakeUntil, performance.now() + ms);
    this.game.loop.wake();
  }

  override update() {
    if (performance.now() > this.awakeUntil && this.tweens.getTweens().length === 0) this.game.loop.sleep();
  }

  /** Draws the painter's shapes into a canvas texture (replacing what it held) and clears the painter. */
  private bake(key: string): string {
    const existing = this.textures.exists(key) ? (this.textures.get(key) as Phaser.Textures.CanvasTexture) : null;
    existing?.clear();
    this.painter.generateTexture(key, this.region.width, this.region.height);
    this.painter.clear();
    return key;
  }

  private drawFeature(g: Phaser.GameObjects.Graphics, f: MapFeature, fill: number, line: number, width: number) {
    g.fillStyle(fill, 1);
    g.lineStyle(width, line, 1);
    for (const ring of f.rings) {
      const points: Phaser.Math.Vector2[] = [];
      for (let i = 0; i < ring.length; i += 2) points.push(new Phaser.Math.Vector2(ring[i], ring[i + 1]));
      g.fillPoints(points, true);
      g.strokePoints(points, true);
    }
  }

  private draw(state: MapState) {
    const inPlay = new Map(state.members.map((m) => [m.code, m]));
    this.drawMembers(inPlay);
    for (const [code, text] of this.labels) {
      if (!inPlay.has(code)) {
        text.destroy();
        this.labels.delete(code);
      }
    }
    for (const m of state.members) this.drawLabel(m);
    this.bake('map-members');
    this.drawCrisis(state);
    this.drawEvents(state);
  }

  /** Each member's territory, shaded by loyalty, hatched if it has suspended its participation or withdrawn. */
  private drawMembers(inPlay: Map<string, MapState['members'][number]>) {
    const g = this.painter;
    for (const f of this.region.features) {
      if (!f.member) continue;
      const m = inPlay.get(f.member);
      if (!m) continue;
      const fill = m.status === 'withdrawn' ? MAP_COLORS.absent : loyaltyColor(m.loyalty);
      this.drawFeature(g, f, fill, MAP_COLORS.memberBorder, 1.6);
      if (m.status !== 'member') {
        g.lineStyle(1.4, MAP_COLORS.hatch, 0.85);
        for (const [x1, y1, x2, y2] of hatchSegments(f.rings, 9)) g.lineBetween(x1, y1, x2, y2);
      }
    }
  }

  /** A member's name and loyalty, with a leader line to its territory when the label sits away from it. */
  private drawLabel(m: MapState['members'][number]) {
    const spot = this.region.members[m.code];
    if (!spot) return;
    const g = this.painter;
    const words = m.status === 'member' ? `${m.name}\n${whole(m.loyalty)}` : `${m.name}\n${whole(m.loyalty)} · ${m.status}`;
    let label = this.labels.get(m.code);
    if (!label) {
      label = this.add
        .text(0, 0, words, {
          fontFamily: FONT,
          fontSize: '25px',
          fontStyle: 'bold',
          color: MAP_COLORS.ink,
          stroke: MAP_COLORS.halo,
          strokeThickness: 6,
          align: 'center',
        })
        .setOrigin(0.5)
        .setDepth(5);
      this.labels.set(m.code, label);
    } else label.setText(words);
    // Kept inside the frame, whatever the name and status make its width.
    const lx = Math.min(Math.max(spot.label[0], label.width / 2 + 4), this.region.width - label.width / 2 - 4);
    const ly = Math.min(Math.max(spot.label[1], label.height / 2 + 4), this.region.height - label.height / 2 - 4);
    label.setPosition(lx, ly);
    const [ax, ay] = spot.anchor;
    if (spot.label[0] !== ax || spot.label[1] !== ay) {
      g.lineStyle(1.6, MAP_COLORS.memberBorder, 1);
      g.lineBetween(lx, ly, ax, ay);
      g.fillStyle(MAP_COLORS.memberBorder, 1);
      g.fillCircle(ax, ay, 3);
    }
  }

  private drawCrisis(state: MapState) {
    this.pulse?.stop();
    this.pulse = null;
    this.crisisRing.clear();
    const spot = state.crisis ? this.region.members[state.crisis.code] : null;
    if (!spot) {
      this.crisisText.setVisible(false);
      return;
    }
    const [x, y] = spot.capital.at;
    this.crisisRing.setPosition(x, y).setScale(1).setAlpha(1).setDepth(6);
    this.crisisRing.lineStyle(4, MAP_COLORS.crisis, 1);
    this.crisisRing.strokeCircle(0, 0, 13);
    this.crisisRing.lineStyle(2, 0xffffff, 1);
    this.crisisRing.strokeCircle(0, 0, 17);
    this.crisisRing.fillStyle(MAP_COLORS.crisis, 1);
    this.crisisRing.fillCircle(0, 0, 4);
    this.crisisText
      .setPosition(x + 20, y - 16)
      .setVisible(true)
      .setDepth(7);
    if (!this.reducedMotion()) {
      // Two pulses to draw the eye, then still: a projected map should not keep moving.
      this.pulse = this.tweens.add({ targets: this.crisisRing, scale: 1.35, duration: 700, yoyo: true, repeat: 1, ease: 'Sine.easeInOut' });
    }
  }

  private drawEvents(state: MapState) {
    for (const e of this.marks) e.destroy();
    this.marks = [];
    const stacked = new Map<string, number>();
    for (const event of state.events) {
      const spot = this.region.members[event.code];
      if (!spot) continue;
      const k = stacked.get(event.code) ?? 0;
      stacked.set(event.code, k + 1);
      const anchor = this.labels.get(event.code);
      const [lx, ly] = anchor ? [anchor.x, anchor.y + anchor.height / 2 - 30] : spot.label;
      const text = this.add
        .text(lx, ly + 30 + k * 34, `⚑ ${event.text}`, {
          fontFamily: FONT,
          fontSize: '18px',
          color: '#ffffff',
          backgroundColor: '#2a2a27',
          padding: { x: 6, y: 3 },
          wordWrap: { width: 230 },
          align: 'center',
        })
        .setOrigin(0.5, 0)
        .setDepth(8);
      // Kept inside the frame, so an event by the edge stays readable.
      const half = text.width / 2;
      text.x = Math.min(Math.max(text.x, half + 4), this.region.width - half - 4);
      text.y = Math.min(text.y, this.region.height - text.height - 4);
      this.marks.push(text);
      if (!this.reducedMotion()) {
        text.setAlpha(0);
        this.tweens.add({ targets: text, alpha: 1, duration: 450, delay: 200 + 250 * this.marks.length });
      }
    }
  }
}
