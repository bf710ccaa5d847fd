import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('should refuse, saying what to do, a site not built, a data file that is not one (leaving it as it was), and a port in use', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'class-command-'));
    const site = join(dir, 'site');
    const unbuilt = server('--site', join(dir, 'nothing-built'), '--port', '0', '--data', join(dir, 'a.sqlite'));
    expect(unbuilt.status).toBe(2);
    expect(unbuilt.stderr).toMatch(/has no index.html: build the game first \(npm run build\), or give the built folder with --site/);

    mkdirSync(site);
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>Article Four</title>');
    const running = await startClassServer();
    try {
      writeFileSync(join(dir, 'notes.sqlite'), 'a teacher’s notes, not a database');
      const damaged = server('--site', site, '--port', '0', '--data', join(dir, 'notes.sqlite'));
      expect(damaged.status).toBe(2);
      expect(damaged.stderr).toMatch(/notes.sqlite is not a class server's data file .*it is left as it was; give another file with --data/);
      expect(readFileSync(join(dir, 'notes.sqlite'), 'utf8')).toBe('a teacher’s notes, not a database');

      const taken = server('--site', site, '--host', '127.0.0.1', '--port', String(running.port), '--data', join(dir, 'b.sqlite'));
      expect(taken.status).toBe(2);
      expect(taken.stderr).toMatch(new RegExp(`port ${running.port} on 127.0.0.1 is already in use .*choose another port with --port`));
    } finally {
      await running.stop();
    }
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
