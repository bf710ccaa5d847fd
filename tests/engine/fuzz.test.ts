import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { playOut } from '../../src/engine/play/batch.ts';
import { randomPolicy } from '../../src/engine/play/policies.ts';
import { MEMBER_FIELDS } from '../../src/engine/core/world.ts';
import { loadScenario } from '../../src/engine/authoring/load.ts';
import { formatProblem } from '../../src/engine/authoring/format/problem.ts';
import { FIXTURE, RULES } from '../support/scenarios.ts';
import { sized } from '../support/tier.ts';

/**
 * Thousands of broken scenario files (2,000 on every commit, 10,000 in the full tier), made the same way on every run from the fixture's text by a
 * seeded mutator: lines deleted, doubled, swapped and re-indented; values replaced by other types;
 * YAML's specials (aliases, anchors, tags, complex keys); very long strings; unicode; numbers that
 * JavaScript cannot hold. Loading must never throw nor fail inside (an "internal error" is a bug of
 * ours); every problem must point at a line and column; whatever still loads must still play.
 */
const FILES = sized(2_000, 10_000);
const FILE = 'tests/fixtures/scenarios/fuzzed.yaml';

const NUMBERS = [
  '1e309',
  '-1e309',
  'NaN',
  '.nan',
  '.inf',
  '-.inf',
  '.NaN',
  '0x1F',
  '0o17',
  '0b101',
  '1_000',
  '-0',
  '1e-400',
  '9007199254740993',
  '1.7976931348623157e308',
  '-1',
  '101',
  '0.5',
  '2022',
  '99999999999999999999',
  '1.',
  '+5',
];
const VALUES = [
  '',
  'null',
  '~',
  'true',
  'false',
  'yes',
  'no',
  '[]',
  '{}',
  '[1, 2]',
  '{a: 1}',
  '""',
  "''",
  'AM',
  'XX',
  'end',
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'hasOwnProperty',
  'the_call',
  'summit',
  'ceasefire',
  'send_troops',
  'AM.loyalty',
  'AM.status',
  'AM.loyalty < 40',
  'chose(send_troops)',
  'self.loyalty',
  'cohesion',
  'credibility',
  'suspended',
  '"AM.loyalty.x > 1"',
  '"constructor > 1"',
  '"((((((((((1))))))))))"',
  ...NUMBERS,
];
const SPECIALS = [
  '*a',
  '&a',
  '&a x',
  '*a ',
  '!!js/function "function () { return 1 }"',
  '!!js/undefined',
  '!!js/regexp /x/',
  '!!binary aGk=',
  '!!str',
  '!!int 3',
  '!!float .nan',
  '!!map {}',
  '!!set {a}',
  '!!omap [a: 1]',
  '!<tag:yaml.org,2002:js/function> x',
  ': :',
  '? x',
  '? [a, b]',
  '- - -',
  '---',
  '...',
  '%YAML 1.1',
  '%TAG ! tag:x,2000:',
  '<<: *a',
  '<<: {a: 1}',
  '|',
  '>-',
  '|+',
  '{',
  '}',
  '[',
  ']',
  '#',
  '@',
  '`',
  '"',
  "'",
  '\t',
  '!',
  '&',
  '*',
  ',',
  ': ',
  ' :',
  '- ',
  '\r',
  '\r\n',
  '\\',
  '\\u0000',
];
const UNICODE = [
  'é',
  'Ω',
  '💥',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\u0000',
  '\u2028',
  '\u2029',
  '\ud800',
  '\udfff',
  '𝔸',
  'ㄱ',
  'ا',
  '\u0085',
  '\u00a0',
  '\u000b',
  '\u001b[31m',
];
const EXPRESSION_TOKENS = [
  'AM.loyalty',
  'self.hedging',
  'cohesion',
  'turn',
  '40',
  '0.5',
  '-',
  '+',
  '*',
  '/',
  '<',
  '<=',
  '==',
  '!=',
  'and',
  'or',
  'not',
  '(',
  ')',
  ',',
  'min(',
  'max(',
  'abs(',
  'clamp(',
  'initial(',
  'chose(',
  'visited(',
  'reacted(',
  'count_reacted(',
  'send_troops',
  'summit',
  'AM',
  'boycott_exercise',
  '"member"',
  '"friend"',
  '.',
  'x',
  'constructor',
  '__proto__',
];

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const index = (random: Random, n: number) => Math.floor(random() * n);

/** One mutation: a name for the report and a change of the lines. */
const mutations: [string, (lines: string[], random: Random) => void][] = [
  ['delete a line', (lines, random) => void lines.splice(index(random, lines.length), 1)],
  [
    'duplicate a line',
    (lines, random) => {
      const i = index(random, lines.length);
      lines.splice(i, 0, lines[i]);
    },
  ],
  [
    'swap two lines',
    (lines, random) => {
      const i = index(random, lines.length);
      const j = index(random, lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
    },
  ],
  [
    'move a line',
    (lines, random) => {
      const [line] = lines.splice(index(random, lines.length), 1);
      lines.splice(index(random, lines.length + 1), 0, line);
    },
  ],
  [
    'indent a line',
    (lines, random) => {
      const i = index(random, lines.length);
      lines[i] = `${pick(random, [' ', '  ', '    ', '\t', ' \t'])}${lines[i]}`;
    },
  ],
  [
    'dedent a line',
    (lines, random) => {
      const i = index(random, lines.length);
      lines[i] = lines[i].replace(/^ {1,4}/, '');
    },
  ],
  [
    'replace a value',
    (lines, random) => {
      const i = index(random, lines.length);
      lines[i] = lines[i].replace(/^(\s*-?\s*[\w$]+:)\s.*$/, (_, key) => `${key} ${pick(random, VALUES)}`);
    },
  ],
  [
    'replace a value in a flow map',
    (lines, random) => {
      const i = index(random, lines.length);
      const matches = [...lines[i].matchAll(/(\w+): ([^,}]+)/g)];
      if (!matches.length) return;
      const m = pick(random, matches);
      lines[i] = `${lines[i].slice(0, m.index)}${m[1]}: ${pick(random, VALUES)}${lines[i].slice(m.index! + m[0].length)}`;
    },
  ],
  [
    'insert a YAML special',
    (lines, random) => {
      const i = index(random, lines.length);
      const at = index(random, lines[i].length + 1);
      lines[i] = `${lines[i].slice(0, at)}${pick(random, SPECIALS)}${lines[i].slice(at)}`;
    },
  ],
  [
    'insert a line of YAML specials',
    (lines, random) => {
      lines.splice(index(random, lines.length + 1), 0, `${pick(random, ['', '  ', '    '])}${pick(random, SPECIALS)} ${pick(random, SPECIALS)}`);
    },
  ],
  [
    'anchor a value and alias it elsewhere',
    (lines, random) => {
      const i = index(random, lines.length);
      const j = index(random, lines.length);
      lines[i] = lines[i].replace(/: (\S)/, ': &a $1');
      lines[j] = lines[j].replace(/: .*$/, ': *a');
    },
  ],
  [
    'a very long string',
    (lines, random) => {
      const i = index(random, lines.length);
      const long = pick(random, ['x', 'é', '💥', 'a b ', '(', 'AM.loyalty + ']).repeat(pick(random, [1000, 5000, 50_000]));
      lines[i] = lines[i].replace(/: .*$/, `: ${long}`);
    },
  ],
  [
    'insert unicode',
    (lines, random) => {
      const i = index(random, lines.length);
      const at = index(random, lines[i].length + 1);
      lines[i] = `${lines[i].slice(0, at)}${pick(random, UNICODE)}${lines[i].slice(at)}`;
    },
  ],
  [
    'replace a number',
    (lines, random) => {
      const i = index(random, lines.length);
      const numbers = [...lines[i].matchAll(/-?\d+(\.\d+)?/g)];
      if (!numbers.length) return;
      const m = pick(random, numbers);
      lines[i] = `${lines[i].slice(0, m.index)}${pick(random, NUMBERS)}${lines[i].slice(m.index! + m[0].length)}`;
    },
  ],
  [
    'garble an expression',
    (lines, random) => {
      const candidates = lines.map((l, i) => [l, i] as const).filter(([l]) => /(when|by|requires):/.test(l));
      if (!candidates.length) return;
      const [line, i] = pick(random, candidates);
      const tokens = Array.from({ length: 1 + index(random, 12) }, () => pick(random, EXPRESSION_TOKENS));
      lines[i] = line.replace(/(when|by|requires): ([^,}]+)/, (_, key) => `${key}: "${tokens.join(' ')}"`);
    },
  ],
  [
    'rename an id',
    (lines, random) => {
      const ids = lines.map((l, i) => [l, i] as const).filter(([l]) => /\bid: \w+/.test(l));
      if (!ids.length) return;
      const [line, i] = pick(random, ids);
      lines[i] = line.replace(
        /\bid: \w+/,
        `id: ${pick(random, ['the_call', 'summit', 'monitor', 'move_on', 'end', 'constructor', 'hollow', 'broken', 'x', 'Bad-Id'])}`,
      );
    },
  ],
  [
    'flip a flag',
    (lines, random) => {
      const i = index(random, lines.length);
      if (/consensus: true|historical: true/.test(lines[i])) lines[i] = lines[i].replace(/true/, 'false');
      else if (/^\s+- id: /.test(lines[i]) && /^ {6}/.test(lines[i]))
        lines.splice(
          i + 1,
          0,
          `        ${pick(random, ['consensus: true', 'historical: true', 'requires: AM.loyalty > 90', 'intervention: 1', 'russianEffort: 1'])}`,
        );
    },
  ],
  ['cut the file short', (lines, random) => void lines.splice(index(random, lines.length))],
];

function mutate(text: string, seed: number): { text: string; applied: string[] } {
  const random = seedrandom.alea(`fuzz-${seed}`);
  const lines = text.split('\n');
  const applied: string[] = [];
  const count = 1 + index(random, 3);
  for (let k = 0; k < count; k++) {
    if (lines.length === 0) lines.push('');
    const [name, apply] = pick(random, mutations);
    apply(lines, random);
    applied.push(name);
  }
  // Now and then, a file past the size limit.
  if (seed % 2500 === 1249) lines.push(`# ${'x'.repeat(2_000_001)}`);
  return { text: lines.join('\n'), applied };
}

describe(`${FILES.toLocaleString('en-US')} mutated scenario files`, () => {
  it('should be refused with problems that point somewhere, or loaded and played, without ever throwing', () => {
    const failures: string[] = [];
    const texts = new Set<string>();
    let loaded = 0;
    let played = 0;
    const messages = new Set<string>();
    for (let i = 0; i < FILES; i++) {
      const { text, applied } = mutate(FIXTURE.text, i);
      texts.add(text);
      const what = `file ${i} (${applied.join(', ')})`;
      let result: ReturnType<typeof loadScenario>;
      try {
        result = loadScenario({ file: FILE, text }, RULES);
      } catch (error) {
        failures.push(`${what}: loadScenario threw ${(error as Error).stack}`);
        continue;
      }
      if (!result.ok) {
        if (result.error.length === 0) failures.push(`${what}: refused with no problem`);
        for (const p of result.error) {
          const fine =
            p.file === FILE &&
            Number.isInteger(p.line) &&
            Number.isInteger(p.col) &&
            p.line >= 1 &&
            p.col >= 1 &&
            p.message.length > 0 &&
            !p.message.startsWith('internal error');
          if (!fine) failures.push(`${what}: ${formatProblem(p)}`);
          messages.add(p.message.replace(/'[^']*'|"[^"]*"|\d+/g, '_').slice(0, 40));
        }
        continue;
      }
      loaded++;
      const scenario = result.value;
      try {
        const run = playOut(scenario, `fuzz-${i}`, randomPolicy, { recordCauses: i % 2 === 0 });
        const w = run.world;
        const bounded =
          Object.values(w.members).every((m) => MEMBER_FIELDS.every((f) => m[f] >= 0 && m[f] <= 100)) &&
          w.credibility >= 0 &&
          w.credibility <= 100 &&
          w.moscowBandwidth >= 0 &&
          w.moscowBandwidth <= 100;
        if (w.development !== null || !scenario.endings.some((e) => e.id === w.ending) || !bounded)
          failures.push(`${what}: the run ended badly: ${JSON.stringify({ development: w.development, ending: w.ending })}`);
        else played++;
      } catch (error) {
        failures.push(`${what}: playing threw ${(error as Error).stack}`);
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
    // The mutator must really mutate and really vary: most files distinct, many refused in many ways, some still playable.
    expect(texts.size).toBeGreaterThan(FILES * 0.8);
    expect(loaded).toBeGreaterThan(FILES * 0.05);
    expect(loaded).toBeLessThan(FILES * 0.8);
    expect(played).toBe(loaded);
    expect(messages.size).toBeGreaterThan(50);
  }, 240_000); // Ten thousand loads take about a minute on two shared cores; the bound is for that, not for speed.
});
