import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareText } from '../../src/engine/core/text-order.ts';

/** Every TypeScript file under a folder. */
function sources(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(folder, f));
}

describe('the order of text', () => {
  it('should order by code units, the same in every locale', () => {
    const labels = ['aa', 'z', 'B', 'a', 'Z', 'å'];
    expect([...labels].sort(compareText)).toEqual(['B', 'Z', 'a', 'aa', 'z', 'å']);
    // Danish collation puts "aa" after "z"; the order must not follow it.
    expect(['z', 'aa'].sort((a, b) => a.localeCompare(b, 'da'))).toEqual(['z', 'aa']);
    expect(['z', 'aa'].sort(compareText)).toEqual(['aa', 'z']);
  });

  it.each(['src/engine', 'src/cli'])('should leave no locale-dependent comparison or formatting in %s', (folder) => {
    const found = sources(folder).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/localeCompare|toLocale\w*\(|Intl\./.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
