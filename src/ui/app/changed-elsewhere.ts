import { h } from '../kit/dom.ts';

export const CHANGED_ELSEWHERE_TEXT =
  'This run was changed in another tab. This tab no longer saves it, so neither tab overwrites the other. Open the run as the other tab saved it, or save this one as a new branch: the other tab’s run is kept either way.';

export interface ChangedElsewhereActions {
  openTheirs: () => void;
  keepOurs: () => void;
}

/** What the page says when another tab has saved the same run differently, with the two ways on. */
export function changedElsewhereNotice(actions: ChangedElsewhereActions): HTMLElement {
  return h(
    'div',
    { class: 'notice notice-error changed-elsewhere', role: 'alert', 'data-notice': 'changed-elsewhere' },
    h('p', null, CHANGED_ELSEWHERE_TEXT),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'primary', 'data-action': 'open-theirs', onclick: actions.openTheirs }, 'Open the other tab’s run'),
      h('button', { type: 'button', class: 'secondary', 'data-action': 'keep-ours', onclick: actions.keepOurs }, 'Save this run as a new branch'),
    ),
  );
}

export const DELETED_ELSEWHERE_TEXT =
  'This run’s save was deleted in another tab. This tab no longer saves it, so the deletion stands. Save it again to keep it, or go back to the list of runs.';

export interface DeletedElsewhereActions {
  saveAgain: () => void;
  leave: () => void;
}

/** What the page says when another tab has deleted this run's save: it is not written back without asking. */
export function deletedElsewhereNotice(actions: DeletedElsewhereActions): HTMLElement {
  return h(
    'div',
    { class: 'notice notice-error changed-elsewhere', role: 'alert', 'data-notice': 'deleted-elsewhere' },
    h('p', null, DELETED_ELSEWHERE_TEXT),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'primary', 'data-action': 'save-again', onclick: actions.saveAgain }, 'Save it again'),
      h('button', { type: 'button', class: 'secondary', 'data-action': 'leave-deleted', onclick: actions.leave }, 'Back to the list of runs'),
    ),
  );
}
