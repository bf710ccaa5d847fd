import { CLASS_COLUMNS, classRows, type GroupRun } from '../../engine/analysis/class-set.ts';
import { csvLine } from '../../engine/analysis/run-rows.ts';
import { h } from '../kit/dom.ts';
import type { Downloads } from '../outlook/files.ts';

/**
 * The class's results to take away: CSV (a row per group per decision, and a summary row per group),
 * JSON (each group's name and record, which this screen reads back, with what the table shows), and print.
 */
export function classCsv(groups: GroupRun[]): string {
  return [CLASS_COLUMNS.join(','), ...classRows(groups).map((row) => csvLine(row))].map((line) => `${line}\n`).join('');
}

export function classJson(groups: GroupRun[]): string {
  const data = {
    kind: 'article-four class results',
    format: 1,
    groups: groups.map((g) => ({
      name: g.name,
      record: g.record,
      ending: g.ending?.id ?? null,
      verdict: g.verdict?.comparison ?? null,
      history: g.verdict?.history.id ?? null,
      cohesion: g.cohesion,
      credibility: g.credibility,
      decisions: g.decisions,
    })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

export function classExports(groups: GroupRun[], downloads: Downloads): HTMLElement {
  const print = h('button', { type: 'button', class: 'secondary', 'data-action': 'print' }, 'Print');
  print.addEventListener('click', () => window.print());
  return h(
    'section',
    { class: 'class-exports no-print', 'aria-labelledby': 'class-exports-heading' },
    h('h2', { id: 'class-exports-heading' }, 'Take the results away'),
    h(
      'p',
      { class: 'actions' },
      downloads.link('csv', 'The table (CSV)', 'article-four_class-results.csv', new Blob([classCsv(groups)], { type: 'text/csv' })),
      downloads.link('json', 'The runs and results (JSON)', 'article-four_class-results.json', new Blob([classJson(groups)], { type: 'application/json' })),
      print,
    ),
    h(
      'p',
      { class: 'muted' },
      'The CSV has a row for each group’s each decision and a summary row for each group. The JSON file can be brought back in here, under “Record files”, with the groups’ names.',
    ),
  );
}
