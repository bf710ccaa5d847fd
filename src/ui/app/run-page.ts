import { encodeRunParams } from '../../engine/play/share-link.ts';
import type { Notice } from '../choose/choose-screen.ts';
import { h, replace } from '../kit/dom.ts';
import { runHash, type RunView } from '../kit/route.ts';
import type { Screen } from '../kit/screen.ts';
import type { MapFigure } from '../map/map-figure.ts';
import { memberPanel } from '../members/member-panel.ts';
import { metersPanel } from '../meters/meters-panel.ts';
import { runBar, type SaveStatus } from '../run-bar/run-bar.ts';
import type { Session } from '../state/session.ts';
import { layOutRun } from './page-layout.ts';

export interface RunPage {
  session: Session;
  view: RunView;
  screen: Screen;
  save: SaveStatus;
  notices: Notice[];
  alert: HTMLElement | null;
  map: MapFigure;
  /** A class's run: the bar with the exercise, its phase and timer, above the screen; null for a solo run. */
  classBar: HTMLElement | null;
  /** Forecasts and what history did are out of sight (an exercise that hides them, before its debrief). */
  forecastsHidden: boolean;
  rewind(k: number): void;
}

/**
 * A run's screen in its page: the bar with its drawers above; beside it the map and meters, except on
 * the debrief, the comparison and the outlook, which take the page's whole width.
 */
export function showRunPage(root: HTMLElement, page: RunPage) {
  const s = page.session;
  const run = s.run;
  const { bar, drawers } = runBar(run, page.save, {
    onRewind: (k) => page.rewind(k),
    shareLink: () => `${location.href.split('#')[0]}#/share?${encodeRunParams(s.record)}`,
    compareHref: runHash(s.slot, { kind: 'compare', other: null }),
    outlookHref: (at) => runHash(s.slot, { kind: 'outlook', at }),
    here: page.view.kind,
    forecasts: !page.forecastsHidden,
  });
  const wide = s.phase === 'debrief' || page.view.kind !== 'play' || page.screen.wide === true;
  // A member selected on the map opens its details here, after the map; they stay open from screen to screen.
  const details = h('div', { class: 'member-details' });
  const stage = wide ? null : h('aside', { class: 'stage', 'aria-label': 'Map and meters', tabindex: '0' }, page.map.el, details, metersPanel(run));
  layOutRun(root, { bar, drawers, classBar: page.classBar, notices: page.notices, alert: page.alert, screen: page.screen, stage });
  if (wide) return;
  const closeDetails = () => {
    replace(details);
    page.map.deselect();
  };
  const onSelectMember = (code: string) => replace(details, memberPanel(run, code, closeDetails));
  page.map.show(run, s.phase === 'aftermath', onSelectMember, closeDetails);
  if (page.map.selected) onSelectMember(page.map.selected);
}
