import { fail, ok, type Result } from '../engine/core/result.ts';
import { DEFAULT_DATA_FILE } from './store.ts';

export interface ServerFlags {
  port: number;
  host: string;
  data: string;
  site: string;
  /** Names besides its addresses that the server answers to (a school server reached by a name). */
  names: string[];
}

export const USAGE = `npm run class -- [--port 8080] [--host 0.0.0.0] [--data ${DEFAULT_DATA_FILE}] [--site dist] [--name NAME,...]

  --port N     the port to listen on (0: any free port, printed when it starts)
  --host H     the address to listen on (0.0.0.0: every network of this computer)
  --data FILE  the SQLite file the classes are kept in (made with its folder if missing)
  --site DIR   the built game to serve
  --name NAMES the names, comma-separated, it is reached by besides its addresses (e.g. class.school.example)`;

/** The command line's flags, each `--name value` or `--name=value`, or a sentence saying what is wrong. */
export function readFlags(args: string[]): Result<ServerFlags | 'help'> {
  const flags: ServerFlags = { port: 8080, host: '0.0.0.0', data: DEFAULT_DATA_FILE, site: 'dist', names: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--help' || arg === '-h') return ok('help');
    const match = /^--(port|host|data|site|name)(?:=(.*))?$/.exec(arg);
    if (!match) return fail(`'${arg}' is not an option of the class server.`);
    const name = match[1] as 'port' | 'host' | 'data' | 'site' | 'name';
    const value = match[2] ?? args[++i];
    if (value === undefined || value === '') return fail(`--${name} needs a value.`);
    if (name === 'port') {
      if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) return fail(`--port is a whole number from 0 to 65535, not '${value}'.`);
      flags.port = Number(value);
    } else if (name === 'name') {
      const names = value.split(',').map((n) => n.trim());
      const bad = names.find((n) => !/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(n));
      if (bad !== undefined) return fail(`--name takes host names separated by commas, like class.school.example; '${bad}' is not one.`);
      flags.names.push(...names);
    } else flags[name] = value;
  }
  return ok(flags);
}
