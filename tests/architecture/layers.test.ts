import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLayers, importsOf } from './layers.ts';

/** Every TypeScript file under src, by its path from the project root. */
function sourceTree(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|mts)$/.test(entry.name)) files.set(path.split('\\').join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk('src');
  return files;
}

describe('the layers of src', () => {
  it('should hold in the tree as it is: no folder cycle, no upward or sideways import', () => {
    const tree = sourceTree();
    expect(tree.size).toBeGreaterThan(50);
    expect(checkLayers(tree)).toEqual([]);
  });

  it('should read every form of import a file can use', () => {
    const text = `import a from './a.ts';\nimport type { B } from "../b.ts";\nexport { c } from './c.ts';\nimport './d.css';\nconst e = await import('./e.ts');\nnew Worker(new URL('./f.ts', import.meta.url));\nexport const g = 'not an import';\nconst h = new URL('../../scenarios', import.meta.url);\nexport interface I {\n  from: string;\n}`;
    expect(importsOf(text)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.css', './e.ts', './f.ts']);
  });

  // Planted violations: each tree is the real one with one import added, and the check must name it.
  const planted = (file: string, line: string) => {
    const tree = sourceTree();
    tree.set(file, `${line}\n${tree.get(file) ?? ''}`);
    return checkLayers(tree);
  };

  it.each([
    [
      'a lower engine layer importing a higher one',
      'src/engine/core/world.ts',
      "import { startRun } from '../play/run.ts';",
      /engine\/core may import only the layers below it/,
    ],
    ['the engine importing the page', 'src/engine/rules/council.ts', "import { h } from '../../ui/dom.ts';", /src\/engine may import only src\/engine/],
    ['the engine importing Node', 'src/engine/play/record.ts', "import { readFileSync } from 'node:fs';", /the engine imports only/],
    ['the engine importing Phaser', 'src/engine/play/run.ts', "import Phaser from 'phaser';", /the engine imports only/],
    ['the command line importing the page', 'src/cli/main.ts', "import { h } from '../ui/dom.ts';", /src\/cli may import only/],
    ['the live messages importing Node', 'src/live/messages.ts', "import { createServer } from 'node:http';", /src\/live imports only/],
    ['the page importing the server', 'src/ui/main.ts', "import { x } from '../server/main.ts';", /src\/ui may import only/],
    ['the page importing Node helpers', 'src/ui/main.ts', "import { x } from '../node/scenario-folder.ts';", /src\/ui may import only/],
    ['the server importing the page', 'src/server/sockets.ts', "import { h } from '../ui/kit/dom.ts';", /src\/server may import only/],
    ['the server importing the command line', 'src/server/main.ts', "import { x } from '../cli/main.ts';", /src\/server may import only/],
    [
      'the live messages importing the server',
      'src/live/messages.ts',
      "import { ClassStore } from '../server/store.ts';",
      /src\/live may import only src\/live, src\/engine/,
    ],
    ['the live messages importing Node helpers', 'src/live/messages.ts', "import { x } from '../node/scenario-folder.ts';", /src\/live may import only/],
    ['the live messages importing Socket.IO', 'src/live/messages.ts', "import { io } from 'socket.io-client';", /src\/live imports only/],
    [
      'the engine importing the live messages',
      'src/engine/play/class-table.ts',
      "import { x } from '../../live/messages.ts';",
      /src\/engine may import only src\/engine/,
    ],
  ])('should fail on %s', (_, file, line, rule) => {
    const found = planted(file, line);
    expect(
      found.some((v) => v.file === file && rule.test(v.rule)),
      JSON.stringify(found),
    ).toBe(true);
  });

  it('should fail on a cycle between two folders of the same layer, naming the folders', () => {
    const tree = new Map([
      ['src/ui/map/view.ts', "import { x } from '../screens/label.ts';"],
      ['src/ui/screens/label.ts', "import { y } from '../map/view.ts';"],
    ]);
    expect(checkLayers(tree)).toEqual([{ file: 'src/ui/map', imports: 'src/ui/screens', rule: 'folder cycle: src/ui/map -> src/ui/screens -> src/ui/map' }]);
  });
});
