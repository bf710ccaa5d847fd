import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/node/scenario-folder.ts';
import { startClassServer } from '../support/class-server.ts';
import { createClass, threeTeams } from './live-client.ts';

/** `npm run class` as a command: its flags, what it prints, and closing its database on SIGTERM. */
const server = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 30_000 });

describe('the class server as a command', () => {
  it.each([
    [['--port', 'eighty'], /--port is a whole number from 0 to 65535, not 'eighty'/],
    [['--port', '70000'], /--port is a whole number/],
    [['--data'], /--data needs a value/],
    [['--verbose'], /'--verbose' is not an option of the class server/],
    [['dist'], /'dist' is not an option/],
  ])('should refuse %j with a sentence and exit 2', (args, sentence) => {
    const run = server(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(sentence);
    expect(run.stderr).toContain('npm run class --');
  });

  it('should print where students go, a QR code and the port it got, and close its database cleanly on SIGTERM', async () => {
    const running = await startClassServer();
    await createClass(running.url, threeTeams(), 1);
    const printed = running.output();
    expect(printed).toContain(`http://127.0.0.1:${running.port}/#/live`);
    // The QR code is drawn with block characters.
    expect(printed).toMatch(/[▀▄█]{5}/);
    expect(existsSync(`${running.dataFile}-wal`)).toBe(true);
    await running.stop();
    // SQLite removes the write-ahead log when the last connection closes cleanly.
    expect(existsSync(`${running.dataFile}-wal`)).toBe(false);
    expect(existsSync(running.dataFile)).toBe(true);
  });

  it('should leave the log behind when killed, as a crash would (which the next start reads back)', async () => {
    const running = await startClassServer();
    await createClass(running.url, threeTeams(), 1);
    await running.kill();
    expect(existsSync(`${running.dataFile}-wal`)).toBe(true);
  });
});
