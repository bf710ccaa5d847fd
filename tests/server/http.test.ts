import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/node/scenario-folder.ts';
import { CONTENT_SECURITY_POLICY } from '../../vite.config.ts';
import { type ClassServer, startClassServer } from '../support/class-server.ts';
import { createClass, threeTeams } from './live-client.ts';

/** The class server's pages and API over plain HTTP: the game's files, the headers that protect them, and making a class. */
describe('the class server over HTTP', () => {
  let server: ClassServer;
  beforeAll(async () => {
    server = await startClassServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** A raw GET, so that paths reach the server exactly as written (fetch would resolve `..`). */
  const get = (path: string) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
      const req = request(`${server.url}${path}`, { method: 'GET' }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.path = path;
      req.on('error', reject);
      req.end();
    });

  const directives = (policy: string) =>
    new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name!, values]),
    );

  it.each(['/', '/assets/index.js'])('should send %s with its content type and the security headers', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(path === '/' ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    // The page's own policy, as strict, with frame-ancestors and the socket back to this server.
    const served = directives(String(res.headers['content-security-policy']));
    for (const [name, values] of directives(CONTENT_SECURITY_POLICY)) {
      if (name === 'connect-src') expect(served.get(name)).toEqual([...values, `ws://127.0.0.1:${server.port}`]);
      else expect(served.get(name)).toEqual(values);
    }
    expect(served.get('frame-ancestors')).toEqual(["'none'"]);
    expect([...served.keys()].sort()).toEqual([...directives(CONTENT_SECURITY_POLICY).keys(), 'frame-ancestors'].sort());
  });

  it('should serve index.html at / and refuse directories, missing files and every way out of the site folder', async () => {
    expect((await get('/')).body).toContain('<title>Article Four</title>');
    for (const path of [
      '/assets/',
      '/assets',
      '/nothing.js',
      '/../package.json',
      '/%2e%2e/package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/%00',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain('article-four');
    }
  });

  it('should not follow a link out of the site folder', async () => {
    const site = mkdtempSync(join(tmpdir(), 'class-site-'));
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>linked</title>\n');
    symlinkSync(join(PROJECT_ROOT, 'package.json'), join(site, 'package.json'));
    const linked = await startClassServer({ site });
    try {
      expect((await fetch(`${linked.url}/`)).status).toBe(200);
      expect((await fetch(`${linked.url}/package.json`)).status).toBe(404);
    } finally {
      await linked.stop();
    }
  });

  it('should say it is a class server and where students go', async () => {
    const res = await fetch(`${server.url}/api/live`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ live: true, joinUrl: `http://127.0.0.1:${server.port}/#/live` });
  });

  it('should make a class from a good exercise, and refuse a bad one, a broken body and an oversized one with a sentence', async () => {
    const made = await createClass(server.url, threeTeams(), 3);
    expect(made.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(made.secret.length).toBeGreaterThanOrEqual(32);

    const post = (body: string, type = 'application/json') => fetch(`${server.url}/api/classes`, { method: 'POST', headers: { 'Content-Type': type }, body });
    const refused = async (body: string, status: number, sentence: RegExp, type?: string) => {
      const res = await post(body, type);
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: string }).error).toMatch(sentence);
    };
    const noChair = { ...threeTeams(), teams: [{ name: 'Yerevan', roles: ['AM'] }] };
    await refused(JSON.stringify({ exercise: noChair, tables: 1 }), 400, /no team holds the chair/);
    await refused(JSON.stringify({ exercise: { ...threeTeams(), scenario: 'atlantis_2030' }, tables: 1 }), 400, /no scenario 'atlantis_2030'/);
    await refused(JSON.stringify({ exercise: { title: 'x' }, tables: 1 }), 400, /The exercise cannot be used: not an exercise/);
    await refused(JSON.stringify({ exercise: threeTeams(), tables: 13 }), 400, /1 to 12 tables/);
    await refused('{"exercise":', 400, /not readable JSON/);
    await refused(JSON.stringify({ exercise: threeTeams(), tables: 1, padding: 'x'.repeat(70_000) }), 413, /too large/);
    await refused('exercise=1', 415, /as JSON/, 'application/x-www-form-urlencoded');
  });

  it('should make a class on the campaign too', async () => {
    const campaign = { ...threeTeams(), scenario: 'campaign_2020_2023' };
    const made = await createClass(server.url, campaign, 1);
    expect(made.code).toHaveLength(6);
  });
});
