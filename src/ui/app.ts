import { summarize } from '../engine/play/batch.ts';
import { encodeRunParams, decodeRunParams } from '../engine/play/share-link.ts';
import { announce } from './kit/announce.ts';
import { compareWith } from './compare/compare-with.ts';
import { h, replace } from './kit/dom.ts';
import { mapStateOf } from './map/map-state.ts';
import { MapView } from './map/map-view.ts';
import { parseRoute, runHash, type RunView } from './kit/route.ts';
import { aftermathScreen } from './aftermath/aftermath-screen.ts';
import { briefingScreen } from './briefing/briefing-screen.ts';
import { chooseScreen, type Notice } from './choose/choose-screen.ts';
import { councilScreen } from './council/council-screen.ts';
import { debriefScreen } from './debrief/debrief-screen.ts';
import { metersPanel } from './meters/meters-panel.ts';
import { runBar, type SaveStatus } from './run-bar/run-bar.ts';
import type { Screen } from './kit/screen.ts';
import type { Library } from './state/library.ts';
import { deleteSlot, listSlots, newSeed, newSlotId, readSlot, writeSlot } from './state/saves.ts';
import { Session } from './state/session.ts';

type OutlookModule = typeof import('./outlook/outlook-screen.ts');

const BACK: Record<Session['phase'], string> = { briefing: 'Back to the briefing', council: 'Back to the Council', aftermath: 'Back to the aftermath', debrief: 'Back to the debrief' };

/**
 * The page: routes (see route.ts), the session being played, and which screen shows. Rules live in the
 * engine; this only shows and sends.
 */
export class App {
  private session: Session | null = null;
  private unsubscribe: (() => void) | null = null;
  private rendered = '';
  private notices: Notice[] = [];
  private runNotices: Notice[] = [];
  private save: SaveStatus = { ok: true, text: '' };
  private readonly mapFigure: HTMLElement;
  private readonly mapCaption: HTMLElement;
  private readonly map: MapView;
  private chooseShown = false;
  /** Which screen of the run: playing it, comparing it, or what tends to happen at one of its decisions. */
  private view: RunView = { kind: 'play' };
  private current: Screen | null = null;
  /** "What tends to happen" is loaded only when first opened. */
  private outlook: OutlookModule | null = null;
  /** Bumped on every route: a scenario that finishes loading after the player has moved on is dropped. */
  private routed = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly library: Library,
  ) {
    const host = h('div', { class: 'map-canvas', 'aria-hidden': 'true' });
    this.mapCaption = h('figcaption', null);
    this.mapFigure = h('figure', { class: 'map' }, host, this.mapCaption);
    this.map = new MapView(host);
  }

  start() {
    window.addEventListener('hashchange', () => this.route());
    this.route();
  }

  private route() {
    const hash = location.hash;
    const ticket = ++this.routed;
    const route = parseRoute(hash);
    if (route.kind === 'run') void this.openSlot(route.slot, route.view, ticket);
    else if (route.kind === 'share') void this.openShare(hash, ticket);
    else if (route.kind === 'choose' || !this.session) this.showChoose();
  }

  private go(hash: string, replaceEntry = false) {
    if (location.hash === hash) this.route();
    else if (replaceEntry) {
      history.replaceState(null, '', hash);
      this.route();
    } else location.hash = hash;
  }

  private fail(text: string) {
    this.notices.push({ kind: 'error', text });
    this.go('#/', true);
  }

  // ---- Choose -------------------------------------------------------------------------------------

  private showChoose() {
    this.detach();
    this.view = { kind: 'play' };
    const screen = chooseScreen(this.library, listSlots(), this.notices, {
      onPlay: (id, seed) => this.startNew(id, seed),
      onContinue: (slot) => this.go(runHash(slot)),
      onDelete: (slot) => {
        deleteSlot(slot);
        this.notices.push({ kind: 'info', text: 'The saved run is deleted.' });
        this.showChoose();
      },
    });
    const news = this.notices.length > 0;
    this.notices = [];
    replace(this.root, skipLink(), h('header', { class: 'bar' }, h('p', { class: 'brand' }, 'Article Four')), h('main', { id: 'main', class: 'single' }, screen.el));
    this.mark('choose', null);
    // On arrival the page starts at the top, as any page does; after that (or with news), focus follows the screen.
    if (this.chooseShown || news) this.present(screen);
    if (!this.chooseShown) {
      this.chooseShown = true;
      performance.mark('choose-ready');
      // Phaser and the borders are fetched once the first screen answers, ready before the first briefing.
      const later = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 200));
      later(() => void this.map.load(), { timeout: 2000 });
    }
  }

  private async startNew(id: string, seed: string) {
    const ticket = ++this.routed;
    const loaded = await this.library.load(id);
    if (ticket !== this.routed) return;
    if (!loaded.ok) return this.fail(`That scenario cannot be played: ${loaded.error}.`);
    const slot = newSlotId();
    const session = Session.start(loaded.value, seed || newSeed(), slot, 'new run');
    this.attach(session);
    this.persist();
    this.go(runHash(slot));
  }

  // ---- Opening runs -------------------------------------------------------------------------------

  private async openSlot(slot: string, view: RunView, ticket: number) {
    if (view.kind === 'outlook' && !(await this.loadOutlook())) return;
    if (ticket !== this.routed) return;
    if (this.session?.slot === slot) {
      this.view = view;
      return this.render(true);
    }
    const read = readSlot(slot);
    if (!read) return this.fail('That saved run is no longer in this browser.');
    if (!read.ok) return this.fail(`That saved run cannot be opened: ${read.error.reason}. It is kept as it is.`);
    const { record, label } = read.value;
    const loaded = await this.library.load(record.scenario);
    if (ticket !== this.routed) return;
    if (!loaded.ok) return this.fail(`That saved run cannot be opened: ${loaded.error}. It is kept as it is.`);
    const opened = Session.fromRecord(loaded.value, record, slot, label);
    if (!opened.ok) return this.fail(`That saved run cannot be opened: ${opened.error}. It is kept as it is.`);
    this.attach(opened.value.session);
    this.view = view;
    this.save = { ok: true, text: `Saved after decision ${record.decisions.length}` };
    this.runNotices = opened.value.warnings.map((w) => ({ kind: 'info' as const, text: `Note: ${w}.` }));
    this.render(true);
  }

  private async openShare(hash: string, ticket: number) {
    const decoded = decodeRunParams(hash);
    if (!decoded.ok) return this.fail(`This link cannot be opened: ${decoded.error}.`);
    const record = decoded.record;
    const loaded = await this.library.load(record.scenario);
    if (ticket !== this.routed) return;
    if (!loaded.ok) return this.fail(`This link cannot be opened: ${loaded.error}.`);
    const slot = newSlotId();
    const opened = Session.fromRecord(loaded.value, record, slot, 'opened from a link');
    if (!opened.ok) return this.fail(`This link cannot be opened: ${opened.error}.`);
    this.attach(opened.value.session);
    this.persist();
    this.runNotices = opened.value.warnings.map((w) => ({ kind: 'info' as const, text: `Note: ${w}.` }));
    this.go(runHash(slot), true);
  }

  private rewind(k: number) {
    const current = this.session;
    if (!current) return;
    const slot = newSlotId();
    const opened = Session.fromRecord(current.scenario, current.record, slot, `branch at decision ${k + 1}`, k);
    if (!opened.ok) {
      this.runNotices = [{ kind: 'error', text: `Cannot go back: ${opened.error}.` }];
      return this.render(true);
    }
    this.attach(opened.value.session);
    this.persist();
    this.runNotices = [{ kind: 'info', text: `You are back at decision ${k + 1}, on a new branch saved on its own. The run you left is kept under "Continue a saved run".` }];
    this.go(runHash(slot));
  }

  private async loadOutlook(): Promise<boolean> {
    if (this.outlook) return true;
    try {
      this.outlook = await import('./outlook/outlook-screen.ts');
      return true;
    } catch (error) {
      this.fail(`"What tends to happen" could not be loaded (${(error as Error).message}).`);
      return false;
    }
  }

  private attach(session: Session) {
    this.detach();
    this.session = session;
    this.rendered = '';
    this.runNotices = [];
    this.unsubscribe = session.subscribe(() => this.onChange());
  }

  /** The screen on show is leaving: it stops what it started (a worker) and frees what it holds. */
  private leave() {
    this.current?.dispose?.();
    this.current = null;
  }

  private detach() {
    this.leave();
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.session?.stop();
    this.session = null;
    this.rendered = '';
  }

  private onChange() {
    const s = this.session;
    if (!s) return;
    if (s.phase === 'aftermath' && this.rendered !== this.key()) this.persist();
    this.render(false);
  }

  /** Autosave: the run record, after every decision, into the run's own slot. */
  private persist() {
    const s = this.session;
    if (!s) return;
    const record = s.record;
    const written = writeSlot(s.slot, s.label, record);
    this.save = written.ok ? { ok: true, text: record.decisions.length ? `Saved after decision ${record.decisions.length}` : 'Saved' } : { ok: false, text: written.error };
    if (!written.ok) announce(written.error);
  }

  private key(): string {
    const s = this.session!;
    return `${s.slot}:${s.phase}:${s.run.world.decisions.length}:${runHash(s.slot, this.view)}`;
  }

  // ---- Playing ------------------------------------------------------------------------------------

  private render(force: boolean) {
    const s = this.session;
    if (!s) return this.showChoose();
    const key = this.key();
    if (!force && key === this.rendered) return;
    this.rendered = key;
    const run = s.run;
    this.leave();
    const screen = this.screenFor(s);
    this.current = screen;
    const { bar, drawers } = runBar(run, this.save, {
      onRewind: (k) => this.rewind(k),
      shareLink: () => `${location.href.split('#')[0]}#/share?${encodeRunParams(s.record)}`,
      compareHref: runHash(s.slot, { kind: 'compare', other: null }),
      outlookHref: (at) => runHash(s.slot, { kind: 'outlook', at }),
      here: this.view.kind,
    });
    const notices = this.runNotices.length ? h('div', { class: 'notices' }, this.runNotices.map((n) => h('p', { class: `notice notice-${n.kind}`, 'data-notice': n.kind }, n.text))) : null;
    const wide = s.phase === 'debrief' || this.view.kind !== 'play';
    const panel = h('main', { id: 'main', class: 'panel' }, notices, screen.el);
    const stage = wide ? null : h('aside', { class: 'stage', 'aria-label': 'Map and meters', tabindex: '0' }, this.mapFigure, metersPanel(run));
    replace(this.root, skipLink(), bar, drawers, h('div', { class: `play ${wide ? 'wide' : ''}` }, stage, panel));
    if (!wide) this.showMap(s);
    this.mark(this.view.kind === 'play' ? s.phase : this.view.kind, s);
    void this.map.load();
    this.present(screen);
  }

  private screenFor(s: Session): Screen {
    const run = s.run;
    if (this.view.kind === 'compare') return compareWith(s, this.view.other, BACK[s.phase]);
    if (this.view.kind === 'outlook' && this.outlook) {
      return this.outlook.outlookScreen({
        run,
        record: s.record,
        at: this.view.at,
        sources: () => this.library.sources(s.scenario.id),
        backHref: runHash(s.slot),
        backLabel: BACK[s.phase],
        compareHref: runHash(s.slot, { kind: 'compare', other: null }),
      });
    }
    switch (s.phase) {
      case 'briefing':
        return briefingScreen(run, () => s.send({ type: 'briefing.done' }));
      case 'council':
        return councilScreen(run, (option, leverage) => s.send({ type: 'council.decide', option, leverage }), runHash(s.slot, { kind: 'outlook', at: run.world.decisions.length + 1 }));
      case 'aftermath':
        return aftermathScreen(run, s.before, () => s.send({ type: 'aftermath.done' }));
      case 'debrief':
        return debriefScreen(run, s.historicalRun(), {
          onBranch: (k) => this.rewind(k),
          onAgain: () => this.startNew(s.scenario.id, ''),
          onChoose: () => this.go('#/'),
          compareHref: runHash(s.slot, { kind: 'compare', other: null }),
        });
    }
  }

  private showMap(s: Session) {
    const state = mapStateOf(s.run, s.phase === 'aftermath');
    this.map.show(state);
    const { scenario } = s.run;
    const crisis = state.crisis ? `The crisis: ${state.crisis.place} (${scenario.names[state.crisis.code] ?? state.crisis.code}). ` : '';
    const absent = state.members.filter((m) => m.status !== 'member').map((m) => `${m.name} ${m.status === 'suspended' ? 'has suspended its participation' : 'has withdrawn'}`);
    const events = state.events.map((e) => `${scenario.names[e.code]} ${e.text}`);
    replace(
      this.mapCaption,
      h('span', { class: 'legend', 'aria-hidden': 'true' }, h('span', { class: 'legend-ramp' }), h('span', { class: 'legend-ends' }, h('span', null, '0'), h('span', null, 'loyalty'), h('span', null, '100'))),
      h('span', null, `Map: members shaded and numbered by loyalty (0–100); hatched if suspended or withdrawn. ${crisis}${absent.length ? `${absent.join('; ')}. ` : ''}${events.length ? `Reactions: ${events.join('; ')}.` : ''}`),
    );
  }

  /** Focus moves to the new screen's heading, and the live region reads what it says. */
  private present(screen: Screen) {
    window.scrollTo(0, 0);
    screen.heading.focus({ preventScroll: true });
    announce(screen.announcement);
  }

  /** State for tests and tools: which screen, and the engine's hash of the World on it. */
  private mark(screen: string, s: Session | null) {
    const body = document.body.dataset;
    body.screen = screen;
    if (s) {
      body.worldHash = summarize(s.run).hash;
      body.decisions = String(s.run.world.decisions.length);
      body.slot = s.slot;
      body.seed = s.run.seed;
      body.scenario = s.scenario.id;
    } else {
      for (const k of ['worldHash', 'decisions', 'slot', 'seed', 'scenario']) delete body[k];
    }
  }
}

function skipLink(): HTMLElement {
  const link = h('a', { class: 'skip-link', href: '#main' }, 'Skip to the game');
  link.addEventListener('click', (event) => {
    // The fragment belongs to the router: move focus by hand instead of following the link.
    event.preventDefault();
    (document.getElementById('screen-heading') ?? document.getElementById('main'))?.focus();
  });
  return link;
}
