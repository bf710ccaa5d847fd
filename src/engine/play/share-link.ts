import { fail, type Result } from '../core/result.ts';
import { ENGINE_VERSION, readRunRecord, seedProblem, type RunRecord } from './record.ts';

/**
 * A run as the parameters of a link, so the same run opens on another machine:
 * `v=2&s=armenia_2022&seed=42&d=fact_finding,vague_declaration&h=<content hash>`, and, where a class's teams
 * declared stances, `x=<the record's declared stances as JSON>`.
 * Links are untrusted: decoding checks everything and says what is wrong.
 */
export function encodeRunParams(record: RunRecord): string {
  const parts: [string, string][] = [
    ['v', String(record.format)],
    ['s', record.scenario],
    ['seed', record.seed],
    ['d', record.decisions.join(',')],
    ['h', record.contentHash],
  ];
  if (record.declared !== undefined) parts.push(['x', JSON.stringify(record.declared)]);
  return parts.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

/** Long enough for a class's arguments at every decision of a campaign, short enough to refuse junk at once. */
const MAX_LINK = 64_000;

/** Reads run parameters from a whole link or from its query or fragment part. */
export function decodeRunParams(link: string): Result<RunRecord> {
  if (link.length > MAX_LINK) return fail('this link is too long to be a run');
  const start = Math.max(link.lastIndexOf('?'), link.lastIndexOf('#'));
  const query = start >= 0 ? link.slice(start + 1) : link;
  const params: Record<string, string> = {};
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    let value = '';
    try {
      // '+' stays '+': links never encode a space that way, and decisions use it for leverage.
      value = decodeURIComponent(eq < 0 ? '' : pair.slice(eq + 1));
    } catch {
      return fail(`this link is damaged: '${key}' is not readable`);
    }
    params[key] = value;
  }
  for (const key of ['v', 's', 'seed']) {
    if (params[key] === undefined) return fail(`this link is incomplete: it has no '${key}' (is it the whole link?)`);
  }
  const seedTooLong = seedProblem(params.seed ?? '');
  if (seedTooLong) return fail(`this link's seed is too long: ${seedTooLong}`);
  const format = Number(params.v);
  if (!Number.isInteger(format)) return fail(`this link's version '${params.v}' is not a number`);
  let declared: unknown;
  if (params.x !== undefined) {
    try {
      declared = JSON.parse(params.x);
    } catch {
      return fail("this link is damaged: its declared stances ('x') are not readable");
    }
  }
  return readRunRecord({
    format,
    engine: ENGINE_VERSION,
    scenario: params.s,
    contentHash: params.h ?? '',
    seed: params.seed,
    decisions: params.d ? params.d.split(',') : [],
    ...(declared === undefined ? {} : { declared }),
  });
}
