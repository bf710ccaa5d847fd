import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOAD_USAGE, readLoadFlags } from './load-flags.ts';
import { passed, reportLines } from './load-figures.ts';
import { runClassLoad } from './run-class-load.ts';

/**
 * `npm run load [-- --classes N --students N --tables N --deadline S]`: the class server under a school's
 * day at once (by default 50 classes of a teacher and 30 students at 5 tables), each class through a whole
 * decision. Prints the figures, writes them as JSON under TMPDIR, and exits 0 when every table finished,
 * every state reached every screen and every record replays to its chair's choice; 1 otherwise; 2 for bad flags.
 */
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${LOAD_USAGE}\n`);
  process.exit(0);
}
const flags = readLoadFlags(args);
if (!flags.ok) {
  process.stderr.write(`${flags.error}\n\n${LOAD_USAGE}\n`);
  process.exit(2);
}

const report = await runClassLoad(flags.size, (line) => process.stdout.write(`${line}\n`));
const folder = join(tmpdir(), 'class-load');
mkdirSync(folder, { recursive: true });
const file = join(folder, `class-load-${report.startedAt.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);

const lines = reportLines(report);
process.stdout.write(`${lines.join('\n')}\nFigures written to ${file}\n`);
if (!passed(report)) {
  const unfinished = `${report.unfinished.length} of ${report.tables.total} tables unfinished (above)`;
  process.stderr.write(
    report.endedBy === 'deadline'
      ? `Stopped at the deadline of ${flags.size.deadlineSeconds} s with ${unfinished}; the server was stopped.\n`
      : report.endedBy === 'server exited'
        ? `Stopped when the server exited, with ${unfinished}.\n`
        : 'The run finished with problems (above).\n',
  );
  process.exit(1);
}
process.exit(0);
