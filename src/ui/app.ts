import { announce } from './kit/announce.ts';
import { autosave, NOT_SAVED_CHANGED_ELSEWHERE, NOT_SAVED_DELETED_ELSEWHERE, savedAfter } from './app/autosave.ts';
import { CHANGED_ELSEWHERE_TEXT, changedElsewhereNotice, DELETED_ELSEWHERE_TEXT, deletedElsewhereNotice } from './app/changed-elsewhere.ts';
import { CurrentSession } from './app/current-session.ts';
import { layOutChoose, present } from './app/page-layout.ts';
import { Router } from './app/router.ts';
import { showRunPage } from './app/run-page.ts';
import { branchAt, keepApart, openLink, openSaved, startScenario } from './app/run-opening.ts';
import { runScreen, type OutlookModule } from './app/run-screen.ts';
import { markScreen } from './app/test-markers.ts';
import { chooseScreen, type Notice } from './choose/choose-screen.ts';
import { runHash, type RunView } from './kit/route.ts';
import type { Screen } from './kit/screen.ts';
import { MapFigure } from './map/map-figure.ts';
import type { SaveStatus } from './run-bar/run-bar.ts';
import type { Library } from './state/library.ts';
import { storedPrecedes, watchOtherTabs } from './state/other-tabs.ts';
import { deleteSlot, listSlots, readSlot } from './state/saves.ts';
import type { Reopened, Session } from './state/session.ts';

/**
 * The page: routes, the session being played, and which screen shows. Rules live in the engine; this
 * only shows and sends.
 */
export class App {
  private readonly session = new CurrentSession(() => this.onChange());
  private readonly router = new Router({
    run: (slot, view, ticket) => void this.openSlot(slot, view, ticket),
    share: (hash, ticket) => void this.openShare(hash, ticket),
    choose: () => this.showChoose(),
    playing: () => this.session.value !== null,
  });
  private readonly map = new MapFigure();
  private rendered = '';
  private notices: Notice[] = [];
  private runNotices: Notice[] = [];
  private save: SaveStatus = { ok: true, text: '' };
  /** Another tab has saved this run differently: this one stops saving until the player chooses what to keep. */
  private changedElsewhere = false;
  /** Another tab deleted this run's save: nothing is written back until the player asks. */
  private deletedElsewhere = false;
  private chooseShown = false;
  /** Which screen of the run: playing it, comparing it, or what tends to happen at one of its decisions. */
  private view: RunView = { kind: 'play' };
  private current: Screen | null = null;
  /** "What tends to happen" is loaded only when first opened. */
  private outlook: OutlookModule | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly library: Library,
  ) {}

  start() {
    watchOtherTabs((slot) => this.onSavedElsewhere(slot));
    this.router.start();
  }

  private onSavedElsewhere(slot: string | null) {
    const s = this.session.value;
    if (!s || this.changedElsewhere || this.deletedElsewhere || (slot !== null && slot !== s.slot)) return;
    const stored = readSlot(s.slot);
    if (stored === null) {
      this.deletedElsewhere = true;
      this.save = NOT_SAVED_DELETED_ELSEWHERE;
      this.render(true);
      announce(DELETED_ELSEWHERE_TEXT);
      return;
    }
    if (storedPrecedes(stored, s.record)) return;
    this.noteChangedElsewhere();
    this.render(true);
    announce(CHANGED_ELSEWHERE_TEXT);
  }

  private noteChangedElsewhere() {
    this.changedElsewhere = true;
    this.save = NOT_SAVED_CHANGED_ELSEWHERE;
  }

  /** The player wants the deleted run kept after all: it is saved again where it was. */
  private saveAgain() {
    this.deletedElsewhere = false;
    this.persist();
    this.render(true);
  }

  /** The run as the other tab saved it, read again from its slot. */
  private openTheirs() {
    this.detach();
    this.router.route();
  }

  /** This tab's run, whole, in a new slot of its own; the other tab's stays in the old one. */
  private keepOurs() {
    const current = this.session.value;
    if (!current) return;
    const opened = keepApart(current);
    if (!opened.ok) {
      this.runNotices = [{ kind: 'error', text: opened.error }];
      return this.render(true);
    }
    this.attach(opened.value.session);
    this.persist();
    this.runNotices = [{ kind: 'info', text: 'This run is saved as a new branch, on its own. The other tab’s run is kept under "Continue a saved run".' }];
    this.go(runHash(opened.value.session.slot));
  }

  private go(hash: string, replaceEntry = false) {
    this.router.go(hash, replaceEntry);
  }

  private fail(text: string) {
    this.notices.push({ kind: 'error', text });
    this.go('#/', true);
  }

  private showChoose() {
    this.detach();
    this.view = { kind: 'play' };
    const screen = chooseScreen(this.library, listSlots(), this.notices, {
      onPlay: (id, seed) => void this.startNew(id, seed),
      onContinue: (slot) => this.go(runHash(slot)),
      onDelete: (slot) => {
        deleteSlot(slot);
        this.notices.push({ kind: 'info', text: 'The saved run is deleted.' });
        this.showChoose();
      },
    });
    const news = this.notices.length > 0;
    this.notices = [];
    layOutChoose(this.root, screen);
    markScreen('choose', null);
    // On arrival the page starts at the top, as any page does; after that (or with news), focus follows the screen.
    if (this.chooseShown || news) present(screen);
    if (!this.chooseShown) {
      this.chooseShown = true;
      performance.mark('choose-ready');
      // Phaser and the borders are fetched once the first screen answers, ready before the first briefing.
      const later = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 200));
      later(() => void this.map.load(), { timeout: 2000 });
    }
  }

  private async startNew(id: string, seed: string) {
    const ticket = this.router.ticket();
    const started = await startScenario(this.library, id, seed, () => this.router.isCurrent(ticket));
    if (!started) return;
    if (!started.ok) return this.fail(started.error);
    this.attach(started.value);
    this.persist();
    this.go(runHash(started.value.slot));
  }

  private async openSlot(slot: string, view: RunView, ticket: number) {
    if (view.kind === 'outlook' && !(await this.loadOutlook())) return;
    if (!this.router.isCurrent(ticket)) return;
    if (this.session.value?.slot === slot) {
      this.view = view;
      return this.render(true);
    }
    const opened = await openSaved(this.library, slot, () => this.router.isCurrent(ticket));
    if (!opened) return;
    if (!opened.ok) return this.fail(opened.error);
    this.attach(opened.value.session);
    this.view = view;
    this.save = savedAfter(opened.value.saved);
    this.noteWarnings(opened.value);
    this.render(true);
  }

  private async openShare(hash: string, ticket: number) {
    const opened = await openLink(this.library, hash, () => this.router.isCurrent(ticket));
    if (!opened) return;
    if (!opened.ok) return this.fail(opened.error);
    this.attach(opened.value.session);
    this.persist();
    this.noteWarnings(opened.value);
    this.go(runHash(opened.value.session.slot), true);
  }

  private rewind(k: number) {
    const current = this.session.value;
    if (!current) return;
    const opened = branchAt(current, k);
    if (!opened.ok) {
      this.runNotices = [{ kind: 'error', text: opened.error }];
      return this.render(true);
    }
    this.attach(opened.value.session);
    this.persist();
    this.runNotices = [
      { kind: 'info', text: `You are back at decision ${k + 1}, on a new branch saved on its own. The run you left is kept under "Continue a saved run".` },
    ];
    this.go(runHash(opened.value.session.slot));
  }

  private noteWarnings(opened: Reopened) {
    this.runNotices = opened.warnings.map((w) => ({ kind: 'info' as const, text: `Note: ${w}.` }));
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
    this.leave();
    this.session.attach(session);
    this.rendered = '';
    this.runNotices = [];
    this.changedElsewhere = false;
    this.deletedElsewhere = false;
  }

  /** The screen on show is leaving: it stops what it started (a worker) and frees what it holds. */
  private leave() {
    this.current?.dispose?.();
    this.current = null;
  }

  private detach() {
    this.leave();
    this.session.detach();
    this.rendered = '';
    this.changedElsewhere = false;
    this.deletedElsewhere = false;
  }

  private onChange() {
    const s = this.session.value;
    if (!s) return;
    const noticed = s.phase === 'aftermath' && this.rendered !== this.key(s) && this.persist();
    this.render(false);
    // After the screen's own announcement, which would otherwise replace it.
    if (noticed) announce(CHANGED_ELSEWHERE_TEXT);
  }

  /** Saves the run on show; true when that found the save changed by another tab (and so wrote nothing). */
  private persist(): boolean {
    const s = this.session.value;
    if (!s || this.changedElsewhere || this.deletedElsewhere) return false;
    const saved = autosave(s);
    this.save = saved.status;
    if (saved.changedElsewhere) this.noteChangedElsewhere();
    return saved.changedElsewhere;
  }

  private key(s: Session): string {
    return `${s.slot}:${s.phase}:${s.run.world.decisions.length}:${runHash(s.slot, this.view)}`;
  }

  private render(force: boolean) {
    const s = this.session.value;
    if (!s) return this.showChoose();
    const key = this.key(s);
    if (!force && key === this.rendered) return;
    this.rendered = key;
    this.leave();
    const screen = runScreen(s, this.view, {
      library: this.library,
      outlook: this.outlook,
      rewind: (k) => this.rewind(k),
      playAgain: (id) => void this.startNew(id, ''),
      go: (hash) => this.go(hash),
    });
    this.current = screen;
    showRunPage(this.root, {
      session: s,
      view: this.view,
      screen,
      save: this.save,
      notices: this.runNotices,
      alert: this.changedElsewhere
        ? changedElsewhereNotice({ openTheirs: () => this.openTheirs(), keepOurs: () => this.keepOurs() })
        : this.deletedElsewhere
          ? deletedElsewhereNotice({ saveAgain: () => this.saveAgain(), leave: () => this.go('#/') })
          : null,
      map: this.map,
      rewind: (k) => this.rewind(k),
    });
    markScreen(this.view.kind === 'play' ? s.phase : this.view.kind, s);
    void this.map.load();
    present(screen);
  }
}
