import { hostname } from 'node:os';
import type { IncomingMessage } from 'node:http';

/**
 * The names a request may call this server by. A page of another site whose name is made to resolve to the
 * class server's address (DNS rebinding) would pass the check that Origin matches Host, since both are its
 * own name: so the server answers only to an address (any IP literal: the one printed, whatever network
 * the laptop is on), to localhost, to this computer's own name, and to the names it was started with
 * (`--name`, for a school server reached by a name).
 */
export function hostCheck(names: readonly string[]): (req: IncomingMessage) => boolean {
  const own = hostname().toLowerCase();
  const allowed = new Set(['localhost', own, `${own}.local`, ...names.map((n) => n.toLowerCase())]);
  return (req) => hostAllowed(req.headers.host, allowed);
}

export function hostAllowed(header: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (!header) return false;
  const host = header.toLowerCase();
  // [IPv6]:port or [IPv6]
  if (/^\[[0-9a-f:.]+\](:\d{1,5})?$/.test(host)) return true;
  const name = host.replace(/:\d{1,5}$/, '');
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return true;
  return allowed.has(name);
}

/** What a browser that called the server by another name is told. */
export function wrongNameSentence(header: string | undefined): string {
  return `This class server answers to its addresses, to this computer's name and to the names it was started with (npm run class -- --name ${(header ?? '').replace(/:\d+$/, '') || 'NAME'}); it was asked for '${header ?? ''}'.`;
}
