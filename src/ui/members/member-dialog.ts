import type { Run } from '../../engine/play/run.ts';
import { memberViews } from '../../engine/play/member-view.ts';
import { h } from '../kit/dom.ts';
import { fullMemberCard, memberCards } from './member-card.ts';

/**
 * A member's full card in a modal dialog, opened by its code: from its compact card, or from anywhere
 * else that selects a member (the map). Escape or Close shuts it, and focus goes back where it was.
 */
export function openMemberCard(run: Run, code: string, opener: HTMLElement | null = null): HTMLDialogElement | null {
  const view = memberViews(run).find((v) => v.code === code);
  if (view === undefined) return null;
  document.querySelector('dialog.member-dialog')?.remove();
  const returnTo = opener ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
  const headingId = 'member-dialog-heading';
  const close = h('button', { type: 'button', class: 'dialog-close' }, 'Close');
  const dialog = h(
    'dialog',
    { class: `member-dialog mood-${view.mood.tone}`, 'aria-labelledby': headingId },
    fullMemberCard(run.scenario, view, headingId),
    h('div', { class: 'actions' }, close),
  );
  close.addEventListener('click', () => dialog.close());
  // Leaving the screen (a link, the browser's Back) closes the card with it.
  const closeOnLeave = () => dialog.close();
  window.addEventListener('hashchange', closeOnLeave);
  dialog.addEventListener('close', () => {
    window.removeEventListener('hashchange', closeOnLeave);
    dialog.remove();
    if (returnTo?.isConnected) returnTo.focus();
  });
  // A click on the backdrop (outside the card) closes it too.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  document.body.append(dialog);
  dialog.showModal();
  dialog.querySelector<HTMLElement>(`#${headingId}`)?.focus();
  return dialog;
}

/** The members' compact cards for a screen of the run, each opening its full card. */
export function membersAroundTheTable(run: Run): HTMLElement {
  return memberCards(memberViews(run), (code, opener) => openMemberCard(run, code, opener));
}
