import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Classes } from './classes.ts';
import { hostCheck } from './host-check.ts';
import { createHttpServer } from './http.ts';
import { joinUrls } from './lan.ts';
import { RateLimits } from './rate-limits.ts';
import { ScenarioShelf } from './scenario-shelf.ts';
import { attachSockets } from './sockets.ts';
import { ClassStore } from './store.ts';

export interface RunningServer {
  http: HttpServer;
  port: number;
  /** Where students open the game, one per network address. */
  joinUrls: string[];
  classes: Classes;
  close(): Promise<void>;
}

/** The teacher's server, listening: the store read back, the page, the API and the sockets on one port. */
export async function startServer(options: { port: number; host: string; data: string; site: string; names: string[] }): Promise<RunningServer> {
  const store = new ClassStore(options.data);
  const classes = new Classes(store, new ScenarioShelf());
  const limits = new RateLimits();
  let urls: string[] = [];
  const ownName = hostCheck(options.names);
  const http = createHttpServer({ classes, limits, site: options.site, joinUrl: (req) => urls[0] ?? `http://${req.headers.host}/#/live`, ownName });
  const io = attachSockets(http, classes, limits, ownName);
  const sweeping = setInterval(() => classes.sweep(), 60_000);
  sweeping.unref();
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  urls = joinUrls(options.host, port);
  return {
    http,
    port,
    joinUrls: urls,
    classes,
    close: async () => {
      clearInterval(sweeping);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      store.close();
    },
  };
}
