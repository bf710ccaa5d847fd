import type { OutlookPlan } from '../../engine/analysis/outlook-plan.ts';
import type { Scenario } from '../../engine/core/scenario.ts';
import { h, replace } from '../kit/dom.ts';
import { chartTables, outlookChart } from './chart.ts';
import { type Downloads, fileStem, pngFile, svgFile } from './files.ts';
import { count } from './outlook-view.ts';
import type { OutlookResult } from './protocol.ts';
import { resultTables } from './results.ts';
import { summaryCsv } from './summary-csv.ts';

export interface ResultsContext {
  scenario: Scenario;
  plan: OutlookPlan;
  title: string;
  downloads: Downloads;
  /** Whether the player has left the screen: a PNG made after that is not added. */
  gone: () => boolean;
}

/** The files to take away; the PNG follows when the chart has been drawn onto a canvas. */
function downloadList(result: OutlookResult, chart: ReturnType<typeof outlookChart>, context: ResultsContext): HTMLElement {
  const { report } = result;
  const { plan, downloads } = context;
  const svgText = svgFile(chart.svg);
  const stem = fileStem(context.scenario.id, plan.at, plan.seed);
  const total = plan.runs * plan.arms.length;
  const files = h(
    'ul',
    { class: 'downloads' },
    h(
      'li',
      null,
      downloads.link(
        'runs-csv',
        `Every playthrough, one row each (CSV, ${count(total)} rows)`,
        `${stem}_runs.csv`,
        new Blob([result.csv], { type: 'text/csv' }),
      ),
    ),
    h('li', null, downloads.link('summary-csv', 'The tables (CSV)', `${stem}_summary.csv`, new Blob([summaryCsv(report)], { type: 'text/csv' }))),
    h(
      'li',
      null,
      downloads.link('json', 'The whole report (JSON)', `${stem}.json`, new Blob([`${JSON.stringify(report, null, 2)}\n`], { type: 'application/json' })),
    ),
    h('li', null, downloads.link('svg', 'The chart (SVG)', `${stem}.svg`, new Blob([svgText], { type: 'image/svg+xml' }))),
  );
  const width = Number(chart.svg.getAttribute('width'));
  const height = Number(chart.svg.getAttribute('height'));
  pngFile(svgText, width, height)
    .then((png) => {
      if (!context.gone()) files.append(h('li', null, downloads.link('png', 'The chart (PNG)', `${stem}.png`, png)));
    })
    .catch((error: unknown) => {
      if (!context.gone())
        files.append(h('li', { class: 'muted' }, `The chart could not be made into a PNG here (${(error as Error).message}); the SVG opens in any browser.`));
    });
  return files;
}

/** The distributions as tables, a chart with its table, and the files; its heading, where focus goes, is returned. */
export function fillResults(section: HTMLElement, result: OutlookResult, context: ResultsContext): HTMLElement {
  const { report } = result;
  const { scenario, plan } = context;
  const chart = outlookChart(report, plan.arms, context.title);
  const files = downloadList(result, chart, context);
  const heading = h('h3', { id: 'results-heading', tabindex: '-1' }, `What tends to happen: ${count(report.runs)} runs of each choice`);
  replace(
    section,
    heading,
    h(
      'p',
      { class: 'how-to-read' },
      `Shares are given with their 95% interval. Under choices 2 and after, in smaller type: the difference from choice 1, “${plan.arms[0].label}”, paired seed by seed, with its 95% interval. Played in ${(result.ms / 1000).toFixed(1)} s in the background${result.workers > 1 ? `, on ${result.workers} processor cores at once` : ''}.`,
    ),
    resultTables(scenario, report, plan.arms),
    chart.figure,
    h('details', { class: 'chart-details' }, h('summary', null, 'The chart as a table'), chartTables(report, plan.arms)),
    h('section', { class: 'no-print', 'aria-labelledby': 'downloads-heading' }, h('h4', { id: 'downloads-heading' }, 'Take the results away'), files),
  );
  section.dataset.elapsedMs = String(Math.round(result.ms));
  section.dataset.workers = String(result.workers);
  return heading;
}
