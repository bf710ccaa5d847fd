import { posix } from 'node:path';

/**
 * The layering of src, as data, and a check of a tree of sources against it. The rule, in words:
 * the engine's layers import only downwards (core, language, rules, authoring, play, analysis); the
 * engine imports nothing outside itself and no Node, DOM or Phaser; src/formats holds the shapes of
 * files prepared for the page; src/node and src/build serve the command line and the site's build from Node; src/live holds the live class's messages, as pure as the engine, for the page and src/server alike; only ui imports ui and only cli imports cli; and no
 * folder anywhere in src imports a folder that imports it back.
 */
export const ENGINE_LAYERS = ['core', 'language', 'rules', 'authoring', 'play', 'analysis'] as const;

/** Packages each part of src may import by name (Node's own modules are `node:`). */
const ENGINE_PACKAGES = ['seedrandom', 'xstate', 'yaml', 'zod'];

/** What each top-level part of src may import, besides itself. */
const ALLOWED: Record<string, string[]> = {
  engine: [],
  formats: [],
  node: ['engine', 'formats'],
  build: ['engine', 'node', 'formats'],
  cli: ['engine', 'node', 'formats'],
  live: ['engine'],
  server: ['engine', 'node', 'formats', 'live'],
  ui: ['engine', 'formats', 'live'],
};

export interface Violation {
  file: string;
  imports: string;
  rule: string;
}

/** Static imports and re-exports (names, braces, `type`, `*`, `as` between the keyword and `from`), side-effect imports, `import()`, and workers. */
const IMPORT =
  /^\s*(?:import|export)\s[\w\s{},*$]*?\bfrom\s*(['"])([^'"]+)\1|^\s*import\s*(['"])([^'"]+)\3|\bimport\(\s*(['"])([^'"]+)\5|\bnew Worker\(\s*new URL\(\s*(['"])([^'"]+)\7/gm;

/** Every module a file names: `import`, `export ... from`, `import()`, and workers' `new URL(...)`. */
export function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(IMPORT)) found.push((match[2] ?? match[4] ?? match[6] ?? match[8])!);
  return found;
}

/** `src/engine/play/run.ts` -> `engine`; the part of src a file belongs to. */
const partOf = (file: string) => file.split('/')[1] ?? '';
/** `src/engine/play/run.ts` -> `play`; the engine layer, or null outside the engine. */
const layerOf = (file: string) => (partOf(file) === 'engine' ? (file.split('/')[2] ?? null) : null);

/** Checks sources (path relative to the project root -> text) against the layering; nothing found is an empty list. */
export function checkLayers(sources: Map<string, string>): Violation[] {
  const violations: Violation[] = [];
  const folderEdges = new Map<string, Set<string>>();
  for (const [file, text] of sources) {
    if (!file.startsWith('src/')) continue;
    const part = partOf(file);
    for (const spec of importsOf(text)) {
      if (!spec.startsWith('.')) {
        const rule = packageRule(part, spec);
        if (rule) violations.push({ file, imports: spec, rule });
        continue;
      }
      const target = posix.normalize(posix.join(posix.dirname(file), spec.replace(/\?.*$/, '')));
      const rule = partRule(file, target) ?? layerRule(file, target);
      if (rule) violations.push({ file, imports: target, rule });
      const from = posix.dirname(file);
      const to = posix.dirname(target);
      if (from !== to) {
        if (!folderEdges.has(from)) folderEdges.set(from, new Set());
        folderEdges.get(from)!.add(to);
      }
    }
  }
  for (const cycle of folderCycles(folderEdges)) {
    violations.push({ file: cycle[0]!, imports: cycle[1]!, rule: `folder cycle: ${[...cycle, cycle[0]].join(' -> ')}` });
  }
  return violations;
}

function packageRule(part: string, spec: string): string | null {
  // The live class's messages are read by the page and the server alike: as pure as the engine.
  if (part !== 'engine' && part !== 'live') return null;
  const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
  const who = part === 'engine' ? 'the engine' : 'src/live';
  return ENGINE_PACKAGES.includes(name) ? null : `${who} imports only ${ENGINE_PACKAGES.join(', ')} (no Node, DOM or Phaser)`;
}

function partRule(file: string, target: string): string | null {
  // Data files (the prepared map) are the one thing src reads from outside itself.
  if (target.startsWith('assets/')) return null;
  if (!target.startsWith('src/')) return `src imports nothing outside src and assets (${target})`;
  const from = partOf(file);
  const to = partOf(target);
  if (from === to) return null;
  const allowed = ALLOWED[from];
  if (!allowed) return `src/${from} is not a known part of src: add it to the layering`;
  return allowed.includes(to) ? null : `src/${from} may import only ${[from, ...allowed].map((p) => `src/${p}`).join(', ')}`;
}

function layerRule(file: string, target: string): string | null {
  const from = layerOf(file);
  const to = layerOf(target);
  if (from === null || to === null || from === to) return null;
  const fromRank = ENGINE_LAYERS.indexOf(from as (typeof ENGINE_LAYERS)[number]);
  const toRank = ENGINE_LAYERS.indexOf(to as (typeof ENGINE_LAYERS)[number]);
  if (fromRank < 0) return `engine/${from} is not a layer: the engine's files live in ${ENGINE_LAYERS.join(', ')}`;
  if (toRank < 0) return `engine/${to} is not a layer`;
  return toRank < fromRank ? null : `engine/${from} may import only the layers below it (${ENGINE_LAYERS.slice(0, fromRank).join(', ') || 'none'})`;
}

/** Each cycle among folders once, as the folders along it (Tarjan's strongly connected components). */
function folderCycles(edges: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const to of edges.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}
