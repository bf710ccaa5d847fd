import { h } from '../kit/dom.ts';

export const CHANGED_ELSEWHERE_TEXT =
  'This run was changed in another tab. This tab no longer saves it, so neither tab overwrites the other. Open the run as the other tab saved it, or save this one as a new branch: the other tab’s run is kept either way.';

export interface ChangedElsewhereActions {
  openTheirs: () => void;
  keepOurs: () => void;
}

/** What the page says when another tab has saved the same run differently, with the two ways on. */
export function changedElsewhereNotice(actions: ChangedElsewhereActions): HTMLElement {
  return otherTabNotice('changed-elsewhere', CHANGED_ELSEWHERE_TEXT, [
    { action: 'open-theirs', label: 'Open the other tab’s run', onclick: actions.openTheirs },
    { action: 'keep-ours', label: 'Save this run as a new branch', onclick: actions.keepOurs },
  ]);
}

export const DELETED_ELSEWHERE_TEXT =
  'This run’s save was deleted in another tab. This tab no longer saves it, so the deletion stands. Save it again to keep it, or go back to the list of runs.';

export interface DeletedElsewhereActions {
  saveAgain: () => void;
  leave: () => void;
}

/** What the page says when another tab has deleted this run's save: it is not written back without asking. */
export function deletedElsewhereNotice(actions: DeletedElsewhereActions): HTMLElement {
  return otherTabNotice('deleted-elsewhere', DELETED_ELSEWHERE_TEXT, [
    { action: 'save-again', label: 'Save it again', onclick: actions.saveAgain },
    { action: 'leave-deleted', label: 'Back to the list of runs', onclick: actions.leave },
  ]);
}

/** An alert about what another tab did to this run, with the way the page suggests first. */
function otherTabNotice(notice: string, text: string, ways: [Way, Way]): HTMLElement {
  const button = (way: Way, kind: string) => h('button', { type: 'button', class: kind, 'data-action': way.action, onclick: way.onclick }, way.label);
  return h(
    'div',
    { class: 'notice notice-error changed-elsewhere', role: 'alert', 'data-notice': notice },
    h('p', null, text),
    h('div', { class: 'actions' }, button(ways[0], 'primary'), button(ways[1], 'secondary')),
  );
}

interface Way {
  action: string;
  label: string;
  onclick: () => void;
}
