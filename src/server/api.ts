import type { IncomingMessage, ServerResponse } from 'node:http';
import { createClassSchema } from '../live/messages.ts';
import type { Classes } from './classes.ts';
import type { RateLimits } from './rate-limits.ts';

/** A class's exercise is a few kilobytes; its creation's body may be no more than this. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The class server's HTTP API, JSON in and out: `GET /api/live` tells the page it is served by a class
 * server (and the address students open); `POST /api/classes` makes a class from an exercise.
 */
export function apiHandler(classes: Classes, limits: RateLimits, joinUrl: (req: IncomingMessage) => string, clock: () => number = Date.now) {
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    if (path === '/api/live') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'Use GET.' }, { Allow: 'GET, HEAD' });
      return json(res, 200, { live: true, joinUrl: joinUrl(req) });
    }
    if (path === '/api/classes') {
      if (req.method !== 'POST') return json(res, 405, { error: 'Use POST.' }, { Allow: 'POST' });
      return createClass(req, res);
    }
    return json(res, 404, { error: 'No such address.' });
  };

  async function createClass(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return json(res, 415, { error: 'Send the class as JSON.' });
    const body = await readBody(req);
    if (body === null) return json(res, 413, { error: `That is too large to be a class (at most ${MAX_BODY_BYTES / 1024} KB).` }, { Connection: 'close' });
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch {
      return json(res, 400, { error: 'That is not readable JSON.' });
    }
    const parsed = createClassSchema.safeParse(data);
    if (!parsed.success) return json(res, 400, { error: 'Send { exercise, tables } with 1 to 12 tables.' });
    const refused = await limits.createClass(req.socket.remoteAddress ?? 'unknown');
    if (refused) return json(res, 429, { error: refused });
    const created = classes.create(parsed.data.exercise, parsed.data.tables, clock());
    if (!created.ok) return json(res, 400, { error: created.error });
    return json(res, 201, created.value);
  }
}

/** The body as text, or null once it passes the limit (the rest is not read). */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > MAX_BODY_BYTES) return resolve(null);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}
