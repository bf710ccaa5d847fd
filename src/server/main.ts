import { existsSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { startServer } from './class-server.ts';
import { readFlags, USAGE } from './flags.ts';
import { whyNotStarted } from './start-problems.ts';

/**
 * `npm run class`: the teacher's server. Prints where students open the game (and a QR code of it), then
 * `listening on http://HOST:PORT`; Ctrl-C (or SIGTERM) closes the database cleanly. Bad flags, a site not
 * built, a port taken or a data file that is not one exit 2 with a sentence.
 */
const flags = readFlags(process.argv.slice(2));
if (!flags.ok) {
  process.stderr.write(`${flags.error}\n\n${USAGE}\n`);
  process.exit(2);
}
if (flags.value === 'help') {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const options = flags.value;
if (!existsSync(join(options.site, 'index.html'))) {
  process.stderr.write(
    `the class server cannot start: ${options.site} has no index.html: build the game first (npm run build), or give the built folder with --site\n`,
  );
  process.exit(2);
}

let server: Awaited<ReturnType<typeof startServer>>;
try {
  server = await startServer(options);
} catch (error) {
  const why = whyNotStarted(error, options);
  process.stderr.write(`the class server cannot start: ${why.sentence}\n`);
  process.exit(why.badInput ? 2 : 1);
}

const out = process.stdout;
out.write(`Article Four, live class: classes kept in ${options.data}\n`);
out.write('Students open:\n');
for (const url of server.joinUrls) out.write(`  ${url}\n`);
const first = server.joinUrls[0];
if (first) out.write(await QRCode.toString(first, { type: 'terminal', small: true }));
out.write('Teachers open the same address to make a class and follow its tables.\n');
out.write(`listening on http://${options.host}:${server.port}\n`);

let closing = false;
const shutDown = (signal: string) => {
  if (closing) return;
  closing = true;
  process.stderr.write(`${signal}: closing the class server\n`);
  // Sockets that will not close are not waited for past a few seconds: the data is already safe on disk.
  setTimeout(() => process.exit(0), 3000).unref();
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', () => shutDown('SIGINT'));
process.on('SIGTERM', () => shutDown('SIGTERM'));
