import './run-bar.css';
import type { Run } from '../../engine/play/run.ts';
import { optionLabel } from '../../engine/core/labels.ts';
import { h, uid } from '../kit/dom.ts';
import { sourceRef } from '../kit/sources.ts';

export interface RunBarActions {
  onRewind: (k: number) => void;
  shareLink: () => string;
  compareHref: string;
  /** "What tends to happen" at decision `at` (1-based). */
  outlookHref: (at: number) => string;
  /** Which of the run's screens is on show, so its link in the bar is marked as the current page. */
  here: 'play' | 'compare' | 'outlook';
  /** False while a class's exercise hides forecasts and the historical path: no "What tends to happen", no Compare. */
  forecasts: boolean;
}

export interface SaveStatus {
  ok: boolean;
  text: string;
}

/**
 * A button that shows and hides its panel. Escape, on the button or anywhere in the open panel, closes
 * it and puts focus back on the button, as a keyboard user expects of anything that opens.
 */
function disclosure(label: string, panel: HTMLElement, onOpen?: () => void): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false', 'aria-controls': panel.id }, label);
  const set = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
    if (open) onOpen?.();
  };
  button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'));
  const closeOnEscape = (event: Event) => {
    if ((event as KeyboardEvent).key !== 'Escape' || panel.hidden) return;
    event.preventDefault();
    set(false);
    button.focus();
  };
  button.addEventListener('keydown', closeOnEscape);
  panel.addEventListener('keydown', closeOnEscape);
  return button;
}

function pathPanel(run: Run, actions: RunBarActions): HTMLElement {
  const { scenario, world } = run;
  const id = uid('panel-path');
  return h(
    'section',
    { id, class: 'drawer', hidden: true, 'aria-labelledby': `${id}-heading` },
    h('h2', { id: `${id}-heading` }, 'Decisions so far'),
    world.decisions.length
      ? h(
          'ol',
          { class: 'path-list' },
          world.decisions.map((d, i) => {
            const dev = scenario.developments[d.development];
            return h(
              'li',
              null,
              h('span', null, `${dev.title}: `, h('strong', null, optionLabel(scenario, d.option)), d.leverage ? " (with Moscow's leverage)" : ''),
              ' ',
              h(
                'button',
                { type: 'button', class: 'link-button', 'data-rewind': String(i), onclick: () => actions.onRewind(i) },
                `Go back to decision ${i + 1}`,
              ),
              actions.forecasts ? ' ' : null,
              actions.forecasts
                ? h(
                    'a',
                    {
                      class: 'link-action',
                      href: actions.outlookHref(i + 1),
                      'data-outlook': String(i + 1),
                      'aria-label': `What tends to happen at decision ${i + 1}, ${dev.title}`,
                    },
                    'What tends to happen',
                  )
                : null,
            );
          }),
        )
      : h('p', null, 'No decision yet.'),
    h(
      'p',
      { class: 'muted' },
      actions.forecasts
        ? 'Going back starts a new branch from that decision, saved on its own: this run stays as it is. “What tends to happen” plays every choice of that decision a thousand times.'
        : 'Going back starts a new branch from that decision, saved on its own: this run stays as it is.',
    ),
  );
}

function sharePanel(actions: RunBarActions): { panel: HTMLElement; refresh: () => void } {
  const id = uid('panel-share');
  const input = h('input', { id: `${id}-link`, type: 'text', readonly: true, class: 'share-link', spellcheck: 'false' });
  const status = h('p', { class: 'muted' }, 'Anyone who opens this link gets this run, decision for decision, on their own machine.');
  const copy = h('button', { type: 'button', class: 'secondary', 'data-action': 'copy-link' }, 'Copy the link');
  copy.addEventListener('click', async () => {
    input.select();
    try {
      await navigator.clipboard.writeText(input.value);
      status.textContent = 'The link is copied.';
    } catch {
      status.textContent = 'The link is selected: copy it with Ctrl+C (Cmd+C on a Mac).';
    }
  });
  const panel = h(
    'section',
    { id, class: 'drawer', hidden: true, 'aria-labelledby': `${id}-heading` },
    h('h2', { id: `${id}-heading` }, 'Share this run'),
    h('label', { for: `${id}-link` }, 'Link to this run'),
    h('div', { class: 'share-row' }, input, copy),
    status,
  );
  return { panel, refresh: () => (input.value = actions.shareLink()) };
}

/**
 * The texts the scenario draws on, by title: every "Source:" line in the game names one of these, and the
 * player can open the list from any screen of the run.
 */
function sourcesPanel(run: Run): HTMLElement {
  const { scenario } = run;
  const id = uid('panel-sources');
  return h(
    'section',
    { id, class: 'drawer', hidden: true, 'aria-labelledby': `${id}-heading` },
    h('h2', { id: `${id}-heading` }, 'Sources of this scenario'),
    h(
      'ul',
      { class: 'source-list' },
      scenario.sources.map((file) => h('li', null, sourceRef(scenario, file).title)),
    ),
    h(
      'p',
      { class: 'muted' },
      'Every number and quote in the game cites one of these texts, by its title and the words it rests on; anything else is marked as the designer’s assumption.',
    ),
  );
}

/** The bar above a run: where you are, the decisions so far (to go back), the share link, the save state. */
export function runBar(run: Run, save: SaveStatus, actions: RunBarActions): { bar: HTMLElement; drawers: HTMLElement } {
  const path = pathPanel(run, actions);
  const share = sharePanel(actions);
  const sources = sourcesPanel(run);
  const n = run.world.decisions.length;
  const bar = h(
    'header',
    { class: 'bar' },
    h('p', { class: 'brand' }, h('a', { href: '#/' }, 'Article Four')),
    h('p', { class: 'run-info' }, h('span', { class: 'run-title' }, run.scenario.title), h('span', { class: 'muted' }, ` · seed ${run.seed}`)),
    h('p', { class: `save-status ${save.ok ? 'saved' : 'unsaved'}`, 'data-save-status': save.ok ? 'ok' : 'error' }, save.text),
    h(
      'nav',
      { 'aria-label': 'This run' },
      disclosure(`Decisions (${n})`, path),
      disclosure('Share link', share.panel, share.refresh),
      disclosure(`Sources (${run.scenario.sources.length})`, sources),
      actions.forecasts
        ? h(
            'a',
            { href: actions.compareHref, class: 'button secondary', 'data-action': 'compare', 'aria-current': actions.here === 'compare' ? 'page' : null },
            'Compare',
          )
        : null,
      h('a', { href: '#/', class: 'button secondary' }, 'All scenarios'),
    ),
  );
  return { bar, drawers: h('div', { class: 'drawers' }, path, share.panel, sources) };
}
