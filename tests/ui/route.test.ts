import { describe, expect, it } from 'vitest';
import { type LivePage, liveHash, parseRoute, runHash, type RunView } from '../../src/ui/kit/route.ts';

describe('routes', () => {
  it.each<[string, ReturnType<typeof parseRoute>]>([
    ['', { kind: 'choose' }],
    ['#/', { kind: 'choose' }],
    ['#/share?v=1&s=x&seed=a', { kind: 'share' }],
    ['#/run/abc', { kind: 'run', slot: 'abc', view: { kind: 'play' } }],
    ['#/run/abc/compare', { kind: 'run', slot: 'abc', view: { kind: 'compare', other: null } }],
    ['#/run/abc/compare/def', { kind: 'run', slot: 'abc', view: { kind: 'compare', other: 'def' } }],
    ['#/run/abc/outlook/3', { kind: 'run', slot: 'abc', view: { kind: 'outlook', at: 3 } }],
    ['#/run/abc/outlook/0', { kind: 'unknown' }],
    ['#/run/abc/outlook/x', { kind: 'unknown' }],
    ['#/run/abc/elsewhere', { kind: 'unknown' }],
    ['#/run/%E0%A4%A', { kind: 'unknown' }],
    ['#main', { kind: 'unknown' }],
    ['#/class', { kind: 'class', page: { kind: 'home' } }],
    ['#/class/', { kind: 'class', page: { kind: 'home' } }],
    ['#/class/exercise?e=%7B%7D', { kind: 'class', page: { kind: 'exercise' } }],
    ['#/class/results', { kind: 'class', page: { kind: 'results' } }],
    ['#/class/print/roles?e=%7B%7D', { kind: 'class', page: { kind: 'print', printable: 'roles' } }],
    ['#/class/print/guide', { kind: 'class', page: { kind: 'print', printable: 'guide' } }],
    ['#/class/print/poster', { kind: 'unknown' }],
    ['#/classes', { kind: 'unknown' }],
    ['#/live', { kind: 'live', page: { kind: 'join', code: '' } }],
    ['#/live/', { kind: 'live', page: { kind: 'join', code: '' } }],
    ['#/live?code=abc%20234', { kind: 'live', page: { kind: 'join', code: 'abc 234' } }],
    ['#/live/abc234', { kind: 'live', page: { kind: 'table', code: 'ABC234' } }],
    ['#/live/ABC234/teach', { kind: 'live', page: { kind: 'teach', code: 'ABC234' } }],
    ['#/live/ABC234/teach/12', { kind: 'live', page: { kind: 'take-over', code: 'ABC234', table: 12 } }],
    ['#/live/ABC234/teach/13', { kind: 'unknown' }],
    ['#/live/ABC234/teach/0', { kind: 'unknown' }],
    ['#/live/ABC234/elsewhere', { kind: 'unknown' }],
    ['#/live/AB<23', { kind: 'unknown' }],
    ['#/lively', { kind: 'unknown' }],
  ])('should read %s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('should read back every address it writes, slots with odd characters included', () => {
    const views: RunView[] = [{ kind: 'play' }, { kind: 'compare', other: null }, { kind: 'compare', other: 'a/b c' }, { kind: 'outlook', at: 12 }];
    for (const view of views) expect(parseRoute(runHash('x/y?z', view))).toEqual({ kind: 'run', slot: 'x/y?z', view });
  });

  it.each<LivePage>([
    { kind: 'join', code: '' },
    { kind: 'join', code: 'AB C234' },
    { kind: 'table', code: 'ABC234' },
    { kind: 'teach', code: 'ABC234' },
    { kind: 'take-over', code: 'ABC234', table: 3 },
  ])('should read back the live address it writes for %o', (page) => {
    expect(parseRoute(liveHash(page))).toEqual({ kind: 'live', page });
  });
});
