import { createServer, type IncomingMessage, type Server } from 'node:http';
import { apiHandler } from './api.ts';
import type { Classes } from './classes.ts';
import type { RateLimits } from './rate-limits.ts';
import { wrongNameSentence } from './host-check.ts';
import { setSecurityHeaders } from './security-headers.ts';
import { plain, siteHandler } from './site.ts';

export interface HttpOptions {
  classes: Classes;
  limits: RateLimits;
  /** The built game's folder. */
  site: string;
  /** The address students open, for `GET /api/live`. */
  joinUrl: (req: IncomingMessage) => string;
  /** Whether the request calls this server by a name it answers to (host-check.ts). */
  ownName: (req: IncomingMessage) => boolean;
}

/** The class server's http server: the API under /api/, the built game everywhere else, every response with the security headers. Socket.IO attaches to it. */
export function createHttpServer(options: HttpOptions): Server {
  const api = apiHandler(options.classes, options.limits, options.joinUrl);
  const site = siteHandler(options.site);
  return createServer(async (req, res) => {
    try {
      await setSecurityHeaders(req, res);
      if (!options.ownName(req)) return plain(res, 421, wrongNameSentence(req.headers.host));
      const path = new URL(req.url ?? '/', 'http://server.invalid').pathname;
      if (path === '/api' || path.startsWith('/api/')) await api(req, res, path);
      else await site(req, res);
    } catch (error) {
      process.stderr.write(`${req.method} ${req.url} failed: ${(error as Error).stack ?? error}\n`);
      if (!res.headersSent) plain(res, 500, 'The server could not answer that.');
      else res.destroy();
    }
  });
}
