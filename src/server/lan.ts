import { networkInterfaces } from 'node:os';

/** The addresses students open: this computer's IPv4 addresses on its networks, or the host it listens on when that is one address. */
export function joinUrls(host: string, port: number): string[] {
  const wildcard = host === '0.0.0.0' || host === '::';
  const hosts = wildcard ? lanAddresses() : [host];
  const shown = hosts.length ? hosts : ['127.0.0.1'];
  return shown.map((h) => `http://${h.includes(':') ? `[${h}]` : h}:${port}/#/live`);
}

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((addresses) => addresses ?? [])
    .filter((a) => a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}
