import type { ForkReport } from '../../engine/analysis/fork.ts';
import { csvLine, type Cell } from '../../engine/analysis/run-rows.ts';

/**
 * The report's tables as one long CSV, a row per quantity and option, for a spreadsheet: shares are
 * proportions (0 to 1) with their 95% interval; meters their percentiles and mean; every row the paired
 * difference from the first option (zero for the first itself).
 */
export const SUMMARY_COLUMNS = [
  'kind',
  'key',
  'label',
  'option',
  'estimate',
  'lo',
  'hi',
  'p10',
  'p50',
  'p90',
  'mean',
  'difference',
  'difference_lo',
  'difference_hi',
];

export function summaryCsv(report: ForkReport): string {
  const rows: Cell[][] = [];
  for (const o of report.outcomes) {
    report.policies.forEach((arm, k) => {
      const share = o.byPolicy[k];
      const d = o.difference[k];
      rows.push(['outcome', o.key, o.label, arm, share.estimate, share.lo, share.hi, '', '', '', '', d.estimate, d.lo, d.hi]);
    });
  }
  for (const m of report.metrics) {
    report.policies.forEach((arm, k) => {
      const q = m.byPolicy[k];
      const d = m.difference[k];
      rows.push(['metric', m.key, m.label, arm, '', '', '', q.p10, q.p50, q.p90, q.mean, d.estimate, d.lo, d.hi]);
    });
  }
  return `${[SUMMARY_COLUMNS.join(','), ...rows.map((r) => csvLine(r, 4))].join('\n')}\n`;
}
