import { announce } from './kit/announce.ts';
import { autosave, NOT_SAVED_CHANGED_ELSEWHERE, NOT_SAVED_DELETED_ELSEWHERE, savedAfter } from './app/autosave.ts';
import { CHANGED_ELSEWHERE_TEXT, changedElsewhereNotice, DELETED_ELSEWHERE_TEXT, deletedElsewhereNotice } from './app/changed-elsewhere.ts';
import { CurrentSession } from './app/current-session.ts';
import { layOutChoose, present } from './app/page-layout.ts';
import { Router } from './app/router.ts';
import { showRunPage } from './app/run-page.ts';
import { branchAt, keepApart, openLink, openSaved, startExercise, startScenario } from './app/run-opening.ts';
import { runScreen, type OutlookModule } from './app/run-screen.ts';
import { markScreen } from './app/test-markers.ts';
import { classBar, type ClassBar } from './class-play/class-bar.ts';
import { classPhaseOf, decisionOfPhase, phaseMinutes } from './class-play/class-phase.ts';
import { forecastsHidden } from './class-play/class-screens.ts';
import { returnToCouncil } from './class-play/council-reached.ts';
import { nextHistoryStep } from './class-play/history-steps.ts';
import { chooseScreen, type Notice, UNDO_SECONDS } from './choose/choose-screen.ts';
import { notFoundScreen } from './not-found/not-found-screen.ts';
import { type ClassPage, type LivePage, runHash, type RunView } from './kit/route.ts';
import type { Exercise } from '../engine/play/exercise.ts';
import type { LivePages } from './live/live-app.ts';
import type { Screen } from './kit/screen.ts';
import { MapFigure } from './map/map-figure.ts';
import type { SaveStatus } from './run-bar/run-bar.ts';
import type { Library } from './state/library.ts';
import { storedPrecedes, watchOtherTabs } from './state/other-tabs.ts';
import { deleteSlot, listSlots, MAX_NAME_LENGTH, nameOf, readSlot, renameSlot, restoreSlot, slotText } from './state/saves.ts';
import type { Phase, Reopened, Session } from './state/session.ts';

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
    classroom: (page, hash, ticket) => (page.kind === 'results' ? void this.showClassResults(ticket) : void this.openClassroom(page, hash, ticket)),
    live: (page, ticket) => void this.openLive(page, ticket),
    notFound: (hash) => this.showNotFound(hash),
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
  /** The phase of the run's screen last shown, to save once more on leaving an aftermath. */
  private shownPhase: Phase | null = null;
  /** Which screen of the run: playing it, comparing it, or what tends to happen at one of its decisions. */
  private view: RunView = { kind: 'play' };
  private current: Screen | null = null;
  /** "What tends to happen" is loaded only when first opened. */
  private outlook: OutlookModule | null = null;
  /** A class's run: the bar with its timer, which ticks until the screen is left. */
  private classBar: ClassBar | null = null;
  /** Decisions left to history are being played through: the screens in between are not shown. */
  private playingHistory = false;
  /** Where history's choice was refused (never expected): the class is shown the Council there instead. */
  private historyStuckAt = '';
  /** A live class's pages and their connection to the class server, while a live address is open. */
  private live: LivePages | null = null;

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
    const opened = keepApart(this.library, current);
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
      onDelete: (slot, name) => this.deleteSaved(slot, name),
      onRename: (slot, name) => this.renameSaved(slot, name),
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

  /** A class's runs side by side: loaded only when first opened, so the first screen's JavaScript does not carry it. */
  private async showClassResults(ticket: number) {
    this.detach();
    this.view = { kind: 'play' };
    let module: typeof import('./class-results/class-results-screen.ts');
    try {
      module = await import('./class-results/class-results-screen.ts');
    } catch (error) {
      return this.fail(`Class results could not be loaded (${(error as Error).message}).`);
    }
    if (!this.router.isCurrent(ticket)) return;
    const screen = module.classResultsScreen({ library: this.library });
    this.current = screen;
    layOutChoose(this.root, screen);
    markScreen('class-results', null);
    present(screen);
  }

  /** A live class's pages: loaded, with their connection to the class server, only when one is opened. */
  private async openLive(page: LivePage, ticket: number) {
    let module: typeof import('./live/live-app.ts');
    try {
      module = await import('./live/live-app.ts');
    } catch (error) {
      return this.fail(`The live class could not be loaded (${(error as Error).message}).`);
    }
    if (!this.router.isCurrent(ticket)) return;
    const live = this.live ?? new module.LivePages(this.root, this.library, (hash, replaceEntry) => this.go(hash, replaceEntry));
    // Kept through the run's detaching: the dashboard and "take over" share one connection.
    this.live = null;
    this.detach();
    this.view = { kind: 'play' };
    this.live = live;
    live.show(page);
  }

  /** The classroom: setting up an exercise and its printables, loaded when a teacher first opens them. */
  private async openClassroom(page: ClassPage, hash: string, ticket: number) {
    let pages: typeof import('./app/classroom-pages.ts');
    try {
      pages = await import('./app/classroom-pages.ts');
    } catch (error) {
      return this.fail(`The classroom could not be loaded (${(error as Error).message}).`);
    }
    if (!this.router.isCurrent(ticket)) return;
    const isCurrent = () => this.router.isCurrent(ticket);
    const screen = await pages.classroomPage(
      this.library,
      page,
      hash,
      { start: (e) => this.startClass(e), go: (h) => this.go(h), more: (ready) => this.liveSetup(ready) },
      isCurrent,
    );
    if (!screen || !isCurrent()) return;
    this.detach();
    this.view = { kind: 'play' };
    this.current = screen;
    layOutChoose(this.root, screen);
    markScreen(screen.el.dataset.screen ?? 'class-setup', null);
    present(screen);
  }

  /** "Run it live" on the setup screen, fetched after it: it shows only when the page is served by a class server. */
  private liveSetup(ready: () => Exercise | null): HTMLElement {
    const slot = document.createElement('div');
    import('./live/live-setup.ts').then(
      (module) => slot.replaceWith(module.liveSetupSection(ready, (hash) => this.go(hash))),
      () => slot.remove(),
    );
    return slot;
  }

  /** The class's run begins, in a save of its own; the sentence why not, for the setup screen to show. */
  private async startClass(exercise: Exercise): Promise<string | null> {
    const ticket = this.router.ticket();
    const started = await startExercise(this.library, exercise, () => this.router.isCurrent(ticket));
    if (!started) return null;
    if (!started.ok) return started.error;
    this.attach(started.value);
    this.persist();
    this.go(runHash(started.value.slot));
    return null;
  }

  private showNotFound(hash: string) {
    const slot = this.session.value?.slot ?? null;
    this.detach();
    this.view = { kind: 'play' };
    const screen = notFoundScreen(hash, slot === null ? null : runHash(slot));
    layOutChoose(this.root, screen);
    markScreen('not-found', null);
    present(screen);
  }

  /** Deleted at once, with an Undo offered for a few seconds that puts the save back exactly as it was. */
  private deleteSaved(slot: string, name: string) {
    const text = slotText(slot);
    deleteSlot(slot);
    const undo =
      text === null
        ? undefined
        : {
            label: 'Undo',
            run: () => {
              const back = readSlot(slot) === null && restoreSlot(slot, text);
              this.notices.push({ kind: back ? 'info' : 'error', text: back ? `“${name}” is back.` : `“${name}” could not be put back.` });
              this.showChoose();
            },
          };
    this.notices.push({ kind: 'info', text: `“${name}” is deleted.${undo ? ` You can undo this for ${UNDO_SECONDS} seconds.` : ''}`, undo });
    this.showChoose();
  }

  /** A run's new name: not empty, and not the name of another saved run, so that every run can be told apart. */
  private renameSaved(slot: string, wanted: string): string | null {
    const name = wanted.trim().replace(/\s+/g, ' ');
    if (!name) return 'A name cannot be empty.';
    if (name.length > MAX_NAME_LENGTH) return `A name can be at most ${MAX_NAME_LENGTH} characters long.`;
    const taken = listSlots().some(
      (read) => read.ok && read.value.slot !== slot && nameOf(read.value, this.library.entry(read.value.record.scenario)?.title ?? '') === name,
    );
    if (taken) return `Another saved run is called “${name}”: choose a name of its own.`;
    const renamed = renameSlot(slot, name);
    if (!renamed.ok) return renamed.error;
    this.notices.push({ kind: 'info', text: `The run is now called “${name}”.` });
    this.showChoose();
    return null;
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
    returnToCouncil(opened.value.session);
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
    if ('saved' in opened.value) return this.go(runHash(opened.value.saved), true);
    this.attach(opened.value.session);
    this.persist();
    this.noteWarnings(opened.value);
    this.go(runHash(opened.value.session.slot), true);
  }

  private rewind(k: number) {
    const current = this.session.value;
    if (!current) return;
    const opened = branchAt(this.library, current, k);
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
    this.live?.leave();
    this.live = null;
    this.current?.dispose?.();
    this.current = null;
    this.classBar?.stop();
    this.classBar = null;
  }

  /**
   * A class's run at a decision the class leaves to history: played through as history did, step by step
   * through the session, and saved; the class meets the run again at its next decision (or the debrief).
   * Played after the turn machine has finished the event that led here: an event sent while it still
   * notifies its listeners waits in its queue, and the phase would not have moved yet.
   */
  private playHistoryLater(s: Session): boolean {
    if (this.playingHistory || nextHistoryStep(s) === null || this.historyStuckAt === this.key(s)) return false;
    this.playingHistory = true;
    queueMicrotask(() => {
      try {
        for (let step = nextHistoryStep(s); step !== null && this.session.value === s; step = nextHistoryStep(s)) {
          const was = `${s.phase}:${s.run.world.decisions.length}`;
          s.send(step);
          // A step the machine refused would be asked again for ever: stop and show the run where it is.
          if (`${s.phase}:${s.run.world.decisions.length}` === was) {
            this.historyStuckAt = this.key(s);
            break;
          }
        }
      } finally {
        this.playingHistory = false;
      }
      if (this.session.value !== s) return;
      this.persist();
      this.render(true);
    });
    return true;
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
    if (!s || this.playingHistory) return;
    // Saved on the aftermath (a reload comes back to it), and again on leaving it (a reload then goes on).
    const moved = this.rendered !== this.key(s);
    const noticed = moved && (s.phase === 'aftermath' || this.shownPhase === 'aftermath') && this.persist();
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
    if (this.playHistoryLater(s)) return;
    const key = this.key(s);
    if (!force && key === this.rendered) return;
    // What the page said on arriving at a run (a new branch, a note on its replay) belongs to that first
    // screen: once the player moves on, it would describe a moment that has passed.
    if (this.rendered !== '' && key !== this.rendered) this.runNotices = [];
    this.rendered = key;
    this.shownPhase = s.phase;
    this.leave();
    const screen = runScreen(s, this.view, {
      library: this.library,
      outlook: this.outlook,
      rewind: (k) => this.rewind(k),
      playAgain: (id) => void this.startNew(id, ''),
      go: (hash) => this.go(hash),
      refresh: () => this.render(true),
    });
    this.current = screen;
    const exercise = s.meta.exercise;
    const classPhase = exercise ? classPhaseOf(s) : null;
    if (exercise && classPhase) {
      const decision = decisionOfPhase(s, classPhase);
      this.classBar = classBar(exercise, s.slot, classPhase, decision, phaseMinutes(exercise, classPhase));
    }
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
      classBar: this.classBar?.el ?? null,
      forecastsHidden: forecastsHidden(exercise, s),
      rewind: (k) => this.rewind(k),
    });
    markScreen(this.view.kind !== 'play' ? this.view.kind : classPhase === 'reveal' ? 'reveal' : s.phase, s);
    void this.map.load();
    present(screen);
  }
}
