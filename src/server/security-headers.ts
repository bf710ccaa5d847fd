import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/**
 * The security headers of every response, set with helmet. The Content-Security-Policy is the built page's
 * own (vite.config.ts, CONTENT_SECURITY_POLICY; a test keeps the two alike) with what only a server can add:
 * `frame-ancestors 'none'`, and the Socket.IO connection back to this same server over `ws:` (browsers that
 * predate CSP 3 do not count a WebSocket to the page's own host as 'self'). No HSTS: a class server on a
 * school network speaks plain http, and HSTS there would lock browsers out of it.
 */
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/** This server's own address for WebSockets, from the Host the browser used (checked: it goes into a header). */
function ownWebSocket(req: IncomingMessage): string {
  const host = req.headers.host ?? '';
  return HOST.test(host) ? `ws://${host}` : "'self'";
}

export const PAGE_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'", ownWebSocket],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

const headers = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: PAGE_DIRECTIVES },
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'no-referrer' },
  xFrameOptions: { action: 'deny' },
  crossOriginOpenerPolicy: { policy: 'same-origin' },
  crossOriginResourcePolicy: { policy: 'same-origin' },
});

export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse): Promise<void> {
  return new Promise((resolve, reject) => headers(req, res, (error?: unknown) => (error ? reject(error) : resolve())));
}
