import Phaser from 'phaser';
import { loyaltyColor, MAP_COLORS } from './colors.ts';
import { hatchSegments } from './hatch.ts';
import type { MapState } from './map-state.ts';
import type { MapData } from '../../formats/map-data.ts';

/** How long loyalty's shading takes to move to its new values: long enough to see which way, short enough not to wait for. */
export const SHADING_MS = 400;

/** How the last change of shading was shown: moved over SHADING_MS, or at once (reduced motion, or the first drawing). */
export type ShadingMove = 'transition' | 'instant';

type Member = MapState['members'][number];

/**
 * The region from Natural Earth borders: each member shaded by loyalty, suspended and withdrawn members
 * hatched, the crisis ringed, the member under the pointer or the keyboard outlined. Words (names, values,
 * marks) are the page's DOM laid over the canvas, so they stay readable at any size; nothing here is read
 * by assistive technology.
 */
export class MapScene extends Phaser.Scene {
  private state: MapState | null = null;
  private ready = false;
  /** Drawn off the display list and baked into a texture: polygons are tessellated once, not every frame. */
  private painter!: Phaser.GameObjects.Graphics;
  private awakeUntil = 0;
  private crisisRing!: Phaser.GameObjects.Graphics;
  private outline!: Phaser.GameObjects.Graphics;
  private pulse: Phaser.Tweens.Tween | null = null;
  /** The loyalty each member is shaded with now, which a transition moves toward the state's. */
  private shaded = new Map<string, number>();
  private shading: Phaser.Tweens.Tween | null = null;
  private memberImages = new Map<string, Phaser.GameObjects.Image>();
  /** What each member's texture holds (its fill and hatching), so it is baked again only when that changes. */
  private memberDrawn = new Map<string, string>();
  /** Whether the renderer tints images (WebGL), so shading can change without redrawing. */
  private tinted = false;
  private hovered: string | null = null;
  private selected: string | null = null;

  constructor(
    private readonly region: MapData,
    private readonly reducedMotion: () => boolean,
    private readonly onShading: (move: ShadingMove) => void,
  ) {
    super('map');
  }

  create() {
    this.cameras.main.setBackgroundColor(MAP_COLORS.sea);
    this.painter = this.make.graphics({}, false);
    for (const f of this.region.features) this.drawRings(this.painter, f.rings, MAP_COLORS.land, MAP_COLORS.border, 1);
    this.bake('map-base');
    this.add.image(0, 0, 'map-base').setOrigin(0, 0);
    this.tinted = this.game.renderer.type === Phaser.WEBGL;
    this.outline = this.add.graphics().setDepth(4);
    this.crisisRing = this.add.graphics();
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

  /** Outlines the member under the pointer or the keyboard's focus, and, more strongly, the one selected. */
  highlight(hovered: string | null, selected: string | null) {
    this.hovered = hovered;
    this.selected = selected;
    if (!this.ready) return;
    this.drawOutline();
    this.wakeFor(200);
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

  private ringPoints(ring: number[]): Phaser.Math.Vector2[] {
    const points: Phaser.Math.Vector2[] = [];
    for (let i = 0; i < ring.length; i += 2) points.push(new Phaser.Math.Vector2(ring[i], ring[i + 1]));
    return points;
  }

  private drawRings(g: Phaser.GameObjects.Graphics, rings: number[][], fill: number, line: number, width: number) {
    g.fillStyle(fill, 1);
    g.lineStyle(width, line, 1);
    for (const ring of rings) {
      const points = this.ringPoints(ring);
      g.fillPoints(points, true);
      g.strokePoints(points, true);
    }
  }

  private draw(state: MapState) {
    this.moveShading(state.members);
    this.drawCrisis(state);
    this.drawOutline();
  }

  /**
   * Shades members by their new loyalty: at once the first time, when nothing moved, or when the player
   * asks for reduced motion; otherwise each member's colour moves from the old value to the new over SHADING_MS.
   */
  private moveShading(members: Member[]) {
    this.shading?.stop();
    this.shading = null;
    const from = new Map(this.shaded);
    const moved = members.some((m) => from.has(m.code) && from.get(m.code) !== m.loyalty);
    const settle = () => {
      this.shaded = new Map(members.map((m) => [m.code, m.loyalty]));
      this.paintMembers(members);
    };
    // Without WebGL there is no tint to move, and each step would redraw every border: the shading changes at once.
    if (!moved || this.reducedMotion() || !this.tinted) {
      settle();
      if (moved) this.onShading('instant');
      return;
    }
    this.onShading('transition');
    this.shading = this.tweens.addCounter({
      from: 0,
      to: 1,
      duration: SHADING_MS,
      ease: 'Sine.easeInOut',
      onUpdate: (tween) => {
        const t = tween.getValue() ?? 1;
        this.shaded = new Map(members.map((m) => [m.code, (from.get(m.code) ?? m.loyalty) * (1 - t) + m.loyalty * t]));
        this.paintMembers(members);
      },
      onComplete: settle,
    });
  }

  /**
   * Each member's territory as an image of its own, shaded by loyalty and hatched if it has suspended its
   * participation or withdrawn. With WebGL the territory is drawn once in white and shaded by a tint, so a
   * transition costs a tint a frame; the Canvas renderer has no tint, so there the colour is drawn in.
   */
  private paintMembers(members: Member[]) {
    const inPlay = new Set(members.map((m) => m.code));
    for (const [code, image] of this.memberImages) image.setVisible(inPlay.has(code));
    for (const m of members) {
      const fill = m.status === 'withdrawn' ? MAP_COLORS.absent : loyaltyColor(this.shaded.get(m.code) ?? m.loyalty);
      const image = this.memberImage(m.code, this.tinted ? 0xffffff : fill, m.status !== 'member');
      if (!image) continue;
      image.setVisible(true);
      if (this.tinted) image.setTint(fill);
    }
  }

  /** The member's territory baked into its own texture (again only when what is drawn in it changes). */
  private memberImage(code: string, fill: number, hatched: boolean): Phaser.GameObjects.Image | null {
    const features = this.region.features.filter((f) => f.member === code);
    if (!features.length) return null;
    const drawn = `${fill}:${hatched}`;
    let image = this.memberImages.get(code);
    if (image && this.memberDrawn.get(code) === drawn) return image;
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const f of features) {
      for (const r of f.rings) {
        for (let i = 0; i < r.length; i += 2) {
          x0 = Math.min(x0, r[i]);
          x1 = Math.max(x1, r[i]);
          y0 = Math.min(y0, r[i + 1]);
          y1 = Math.max(y1, r[i + 1]);
        }
      }
    }
    // A margin for the border's width; the texture is only as large as the member.
    const left = Math.floor(x0) - 2;
    const top = Math.floor(y0) - 2;
    const g = this.painter;
    for (const f of features) {
      const rings = f.rings.map((r) => r.map((v, i) => (i % 2 === 0 ? v - left : v - top)));
      this.drawRings(g, rings, fill, MAP_COLORS.memberBorder, 1.6);
      if (hatched) {
        g.lineStyle(1.4, MAP_COLORS.hatch, 0.85);
        for (const [hx1, hy1, hx2, hy2] of hatchSegments(rings, 9)) g.lineBetween(hx1, hy1, hx2, hy2);
      }
    }
    const key = `member-${code}`;
    const existing = this.textures.exists(key) ? (this.textures.get(key) as Phaser.Textures.CanvasTexture) : null;
    existing?.clear();
    g.generateTexture(key, Math.ceil(x1) - left + 3, Math.ceil(y1) - top + 3);
    g.clear();
    this.memberDrawn.set(code, drawn);
    if (!image) {
      image = this.add.image(left, top, key).setOrigin(0, 0).setDepth(1);
      this.memberImages.set(code, image);
    }
    return image;
  }

  private drawOutline() {
    const g = this.outline;
    g.clear();
    const inPlay = new Set(this.state?.members.map((m) => m.code) ?? []);
    const stroke = (code: string | null, width: number, color: number) => {
      if (!code || !inPlay.has(code)) return;
      g.lineStyle(width, color, 1);
      for (const f of this.region.features) if (f.member === code) for (const ring of f.rings) g.strokePoints(this.ringPoints(ring), true);
    };
    // A white line under a dark one: the outline shows on every shade of the loyalty scale.
    if (this.hovered !== this.selected) {
      stroke(this.hovered, 6, 0xffffff);
      stroke(this.hovered, 3, MAP_COLORS.highlight);
    }
    stroke(this.selected, 8, 0xffffff);
    stroke(this.selected, 4.5, MAP_COLORS.selected);
  }

  private drawCrisis(state: MapState) {
    this.pulse?.stop();
    this.pulse = null;
    this.crisisRing.clear();
    const spot = state.crisis ? this.region.members[state.crisis.code] : null;
    if (!spot) return;
    const [x, y] = spot.capital.at;
    this.crisisRing.setPosition(x, y).setScale(1).setAlpha(1).setDepth(6);
    this.crisisRing.lineStyle(4, MAP_COLORS.crisis, 1);
    this.crisisRing.strokeCircle(0, 0, 13);
    this.crisisRing.lineStyle(2, 0xffffff, 1);
    this.crisisRing.strokeCircle(0, 0, 17);
    this.crisisRing.fillStyle(MAP_COLORS.crisis, 1);
    this.crisisRing.fillCircle(0, 0, 4);
    if (!this.reducedMotion()) {
      // Two pulses to draw the eye, then still: a projected map should not keep moving.
      this.pulse = this.tweens.add({ targets: this.crisisRing, scale: 1.35, duration: 700, yoyo: true, repeat: 1, ease: 'Sine.easeInOut' });
    }
  }
}
