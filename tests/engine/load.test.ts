import { describe, expect, it } from 'vitest';
import { playOut } from '../../src/engine/play/batch.ts';
import { fixedPolicy } from '../../src/engine/play/policies.ts';
import { loadRules, loadScenario, type TextFile } from '../../src/engine/authoring/load.ts';
import { formatProblem, type Problem } from '../../src/engine/authoring/format/problem.ts';
import { loadEntry } from '../../src/engine/authoring/library.ts';
import { firstReference } from '../../src/engine/authoring/yaml-references.ts';
import { FIXTURE, RULES, mustLoad } from '../support/scenarios.ts';

const FILE = 'tests/fixtures/scenarios/broken.yaml';

/** The fixture with one piece of text replaced (which must be there, exactly once). */
function variant(find: string, replace: string, text = FIXTURE.text): string {
  const at = text.indexOf(find);
  if (at < 0 || text.indexOf(find, at + 1) >= 0) throw new Error(`'${find}' must occur exactly once in the fixture`);
  return text.slice(0, at) + replace + text.slice(at + find.length);
}

/** Line and column (1-based) of `column` within the `nth` line containing `line`. */
function where(text: string, line: string, column = line, nth = 1): { line: number; col: number } {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].includes(line)) continue;
    if (++seen < nth) continue;
    const col = lines[i].indexOf(column);
    if (col < 0) throw new Error(`'${column}' is not on the line with '${line}'`);
    return { line: i + 1, col: col + 1 };
  }
  throw new Error(`no line ${nth} with '${line}'`);
}

function problemsOf(text: string, rules: TextFile = RULES): Problem[] {
  const result = loadScenario({ file: FILE, text }, rules);
  if (result.ok) throw new Error('expected problems, but the file loaded');
  return result.error;
}

interface Broken {
  name: string;
  find: string;
  replace: string;
  path: string;
  message: RegExp;
  /** Where the problem must point: the line containing `line`, at the column where `col` starts on it. */
  line: string;
  col: string;
  nth?: number;
}

const broken: Broken[] = [
  {
    name: 'a value of the wrong type',
    find: 'era: 2022',
    replace: 'era: twenty',
    path: 'era',
    message: /expected number, received string/,
    line: 'era: twenty',
    col: 'twenty',
  },
  {
    name: 'a list where a number belongs',
    find: 'intervention: 0.3',
    replace: 'intervention: [0.3]',
    path: 'developments[0].options[0].intervention',
    message: /expected number/,
    line: 'intervention: [0.3]',
    col: '[',
  },
  {
    name: 'a number out of range',
    find: 'confrontsAdversary: 0.5',
    replace: 'confrontsAdversary: 1.5',
    path: 'developments[0].options[0].confrontsAdversary',
    message: /<=1/,
    line: 'confrontsAdversary: 1.5',
    col: '1.5',
  },
  {
    name: 'an unknown member in the list of members',
    find: 'members: [RU, BY, AM, KZ, KG, TJ]',
    replace: 'members: [RU, BY, AM, KZ, KG, XX]',
    path: 'members[5]',
    message: /expected one of "RU"\|"BY"/,
    line: 'members: [RU, BY, AM, KZ, KG, XX]',
    col: 'XX',
  },
  {
    name: 'an unknown member as a location',
    find: '    location: AM\n    briefing: Armenia is attacked',
    replace: '    location: XX\n    briefing: Armenia is attacked',
    path: 'developments[0].location',
    message: /Invalid option/,
    line: 'location: XX',
    col: 'XX',
  },
  {
    name: 'a member the scenario does not have',
    find: 'BY: { reason: Belarus',
    replace: 'UZ: { reason: Belarus',
    path: 'adversary.backers.UZ',
    message: /UZ is not a member in this scenario \(RU, BY, AM, KZ, KG, TJ\)/,
    line: 'UZ: { reason',
    col: 'UZ',
  },
  {
    name: 'an unknown member in a condition',
    find: 'when: chose(send_troops)',
    replace: 'when: XX.loyalty > 3',
    path: 'endings[0].when',
    message: /unknown member 'XX' .*at character 1\)/,
    line: 'when: XX.loyalty',
    col: 'XX.loyalty',
  },
  {
    name: 'an option leading to a development that does not exist',
    find: 'next: ceasefire',
    replace: 'next: nowhere',
    path: 'developments[0].options[0].next',
    message: /no development 'nowhere' \(known: the_call, ceasefire, summit, end\)/,
    line: 'next: nowhere',
    col: 'nowhere',
  },
  {
    name: 'a branch leading nowhere',
    find: '{ goto: summit }',
    replace: '{ goto: nowhere }',
    path: 'developments[0].options[1].next[1].goto',
    message: /no development 'nowhere'/,
    line: 'goto: nowhere',
    col: 'nowhere',
  },
  {
    name: 'a start that does not exist',
    find: 'start: the_call',
    replace: 'start: the_end',
    path: 'start',
    message: /no development 'the_end'/,
    line: 'start: the_end',
    col: 'the_end',
  },
  {
    name: 'a condition naming an unknown value',
    find: 'when: self.loyalty < 70 and visited(summit)',
    replace: 'when: self.loyalty < 70 and morale > 3',
    path: 'reactions[0].when',
    message: /unknown name 'morale' .*at character 23\)/,
    line: 'morale > 3',
    col: 'morale',
  },
  {
    name: 'a condition naming an unknown option',
    find: 'when: chose(send_troops)',
    replace: 'when: chose(send_tanks)',
    path: 'endings[0].when',
    message: /unknown option 'send_tanks'/,
    line: 'chose(send_tanks)',
    col: 'send_tanks',
  },
  {
    name: 'an effect on an unknown value',
    find: 'change: AM.publicSupport, by: 3',
    replace: 'change: AM.morale, by: 3',
    path: 'developments[1].effects[0].change',
    message: /unknown member value 'morale'/,
    line: 'AM.morale',
    col: 'AM.morale',
  },
  {
    name: 'an effect on cohesion',
    find: 'change: credibility, by: 15',
    replace: 'change: cohesion, by: 15',
    path: 'developments[0].options[0].effects[1].change',
    message: /cohesion is derived/,
    line: 'change: cohesion',
    col: 'cohesion',
  },
  {
    name: 'a syntax error in an expression',
    find: 'when: AM.loyalty < initial(AM.loyalty)',
    replace: 'when: AM.loyalty < < 3',
    path: 'expectations[0].when',
    message: /expected a value '<'/,
    line: 'AM.loyalty < < 3',
    col: '< 3',
  },
  {
    name: 'a duplicate option id',
    find: 'id: move_on',
    replace: 'id: monitor',
    path: 'developments[1].options[1].id',
    message: /duplicate option id 'monitor'/,
    line: 'id: monitor',
    col: 'monitor',
    nth: 2,
  },
  {
    name: 'a duplicate development id',
    find: '  - id: summit',
    replace: '  - id: ceasefire',
    path: 'developments[2].id',
    message: /duplicate development id 'ceasefire'/,
    line: '- id: ceasefire',
    col: 'ceasefire',
    nth: 2,
  },
  {
    name: 'a duplicate ending id',
    find: '{ id: hollow,',
    replace: '{ id: broken,',
    path: 'endings[2].id',
    message: /duplicate ending id 'broken'/,
    line: 'tone: hollows',
    col: 'broken',
  },
  { name: 'an alias', find: 'start: the_call', replace: 'start: *a', path: '', message: /aliases \(\*name\) are not allowed/, line: 'start: *a', col: '*a' },
  {
    name: 'an anchored value used through an alias',
    find: 'place: Yerevan\n    location: AM\n    briefing: Armenia',
    replace: 'place: &city Yerevan\n    location: AM\n    briefing: Armenia',
    path: '',
    message: /anchors \(&name\) are not allowed/,
    line: 'place: &city Yerevan',
    col: '&city',
  },
  {
    name: 'an unknown member among the stances',
    find: 'stances:\n          AM: { interest: 90,',
    replace: 'stances:\n          KY: { interest: 10, reason: No such member. }\n          AM: { interest: 90,',
    path: 'developments[0].options[0].stances.KY',
    message: /^unknown member 'KY' \(known: RU, BY, AM, KZ, KG, TJ, UZ, AZ, GE\)$/,
    line: 'KY: { interest',
    col: 'KY',
  },
  {
    name: 'an unknown field',
    find: '        historical: true\n        stances:',
    replace: '        historical: true\n        colour: red\n        stances:',
    path: 'developments[0].options[1].colour',
    message: /unknown field 'colour'/,
    line: 'colour: red',
    col: 'colour',
  },
  {
    name: 'an unknown field at the top',
    find: 'length: 5 minutes',
    replace: 'length: 5 minutes\nauthor: someone',
    path: 'author',
    message: /unknown field 'author'/,
    line: 'author: someone',
    col: 'author',
  },
  {
    name: 'a missing source or assumption',
    find: 'why: Article 4 answered, assumption: true',
    replace: 'why: Article 4 answered',
    path: 'developments[0].options[0].effects[1].source',
    message: /needs a source \(file and quote\) or assumption: true/,
    line: 'why: Article 4 answered',
    col: '{',
  },
  {
    name: 'a source that is not one of the sources',
    find: 'why: the public was outraged, source: "003_5a98e20ee2fbc50d.txt',
    replace: 'why: the public was outraged, source: "999_nowhere.txt',
    path: 'developments[0].options[1].effects[1].source',
    message: /source must start with one of the source files/,
    line: '999_nowhere.txt',
    col: '"999',
  },
  {
    name: 'a last ending with a condition',
    find: 'tone: hollows, text',
    replace: 'tone: hollows, when: turn > 0, text',
    path: 'endings[2].when',
    message: /the last ending must have no condition/,
    line: 'tone: hollows',
    col: 'turn > 0',
  },
  {
    name: 'a last branch with a chance',
    find: '{ goto: summit }',
    replace: '{ chance: 0.5, goto: summit }',
    path: 'developments[0].options[1].next[1]',
    message: /the last branch must have no when or chance/,
    line: '{ chance: 0.5, goto: summit }',
    col: '{',
  },
  {
    name: 'a development with no way out',
    find: '        next: summit\n      - id: move_on\n',
    replace: '        consensus: true\n        next: summit\n      - id: move_on\n        requires: AM.loyalty > 10\n',
    path: 'developments[1].options',
    message: /every development needs at least one option without consensus and without requires/,
    line: '- id: monitor',
    col: '-',
  },
  {
    name: 'two historical options',
    find: '        label: Say nothing',
    replace: '        label: Say nothing\n        historical: true',
    path: 'developments[0].options',
    message: /at most one option may be historical/,
    line: '- id: send_troops',
    col: '-',
  },
  {
    name: 'a variable starting above zero without provenance',
    find: 'initial: 0, min: 0, max: 10',
    replace: 'initial: 3, min: 0, max: 10',
    path: 'variables[0].source',
    message: /needs a source \(file and quote\) or assumption: true/,
    line: 'id: weeks_of_talks',
    col: '{',
  },
  {
    name: 'a variable outside its bounds',
    find: 'initial: 0, min: 0, max: 10',
    replace: 'initial: 11, min: 0, max: 10, assumption: true',
    path: 'variables[0]',
    message: /needs min <= initial <= max/,
    line: 'id: weeks_of_talks',
    col: '{',
  },
  {
    name: 'a status set by a number',
    find: 'change: AM.loyalty, by: -25',
    replace: 'change: AM.status, by: -25',
    path: 'developments[0].options[2].effects[0].by',
    message: /a status is set with to:/,
    line: 'change: AM.status',
    col: '-25',
  },
  {
    name: 'too few discussion questions',
    find: '    - Why did Armenia not leave?\n',
    replace: '',
    path: 'debrief.questions',
    message: /give at least three discussion questions/,
    line: '- Why did the Council not send troops?',
    col: '-',
  },
];

describe('loading the fixture', () => {
  it('should load the fixture with no problems', () => {
    const scenario = mustLoad();
    expect(scenario.id).toBe('request_for_help');
    expect(scenario.order).toEqual(['the_call', 'ceasefire', 'summit']);
    expect(scenario.members).toEqual(['RU', 'BY', 'AM', 'KZ', 'KG', 'TJ']);
    expect(scenario.developments.the_call.options.map((o) => o.id)).toEqual(['send_troops', 'fact_finding', 'stay_silent']);
    expect(scenario.endings.map((e) => e.id)).toEqual(['answered', 'broken', 'hollow']);
    expect(scenario.maxTurns).toBeGreaterThan(0);
  });

  it('should give a different content hash when the text changes, and the same for the same text', () => {
    const a = mustLoad();
    const b = mustLoad({ ...FIXTURE });
    const c = mustLoad({ ...FIXTURE, text: `${FIXTURE.text}\n# a comment\n` });
    expect(a.contentHash).toBe(b.contentHash);
    expect(a.contentHash).not.toBe(c.contentHash);
  });
});

describe('problems, each pointing at its place', () => {
  it.each(broken.map((b) => [b.name, b] as const))('should report %s where it is', (_, b) => {
    let text = variant(b.find, b.replace);
    if (b.name === 'an anchored value used through an alias') text = variant('    place: Armenian-Azerbaijani border', '    place: *city', text);
    const problems = problemsOf(text);
    const problem = problems.find((p) => p.path === b.path && b.message.test(p.message));
    expect(problem, `problems were:\n${problems.map(formatProblem).join('\n')}`).toBeDefined();
    expect(problem!.file).toBe(FILE);
    expect({ line: problem!.line, col: problem!.col }).toEqual(where(text, b.line, b.col, b.nth));
    expect(formatProblem(problem!)).toBe(`${FILE}:${problem!.line}:${problem!.col}: ${problem!.named || b.path || '(file)'}: ${problem!.message}`);
  });

  it.each([
    ['an option leading to a development that does not exist', 'developments[the_call].options[send_troops].next'],
    ['a status set by a number', 'developments[the_call].options[stay_silent].effects[0].by'],
    ['a variable outside its bounds', 'variables[weeks_of_talks]'],
    ['two historical options', 'developments[the_call].options'],
  ])('should name %s by the ids on its path, for people', (name, named) => {
    const b = broken.find((x) => x.name === name);
    if (!b) throw new Error(`no case '${name}'`);
    const problem = problemsOf(variant(b.find, b.replace)).find((p) => p.path === b.path && b.message.test(p.message));
    expect(problem?.named).toBe(named);
    expect(formatProblem(problem!)).toContain(`: ${named}: `);
  });

  it('should report each problem once, in file order for problems of the same kind', () => {
    let text = variant('next: ceasefire', 'next: nowhere');
    text = variant('next: summit\n  - id: summit', 'next: elsewhere\n  - id: summit', text);
    const problems = problemsOf(text).filter((p) => p.message.startsWith('no development'));
    expect(problems.map((p) => p.message.split(' (')[0])).toEqual(["no development 'nowhere'", "no development 'elsewhere'"]);
    expect(problems[0].line).toBeLessThan(problems[1].line);
  });

  it('should point at the rules file for a problem written there, once, not once per member', () => {
    const rules = {
      ...RULES,
      text: variant('change: self.loyalty\n    by: (self.publicSupport', 'change: self.morale\n    by: (self.publicSupport', RULES.text),
    };
    const problems = problemsOf(FIXTURE.text, rules);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: RULES.file, path: 'drift[0].change' });
    expect(problems[0].message).toMatch(/unknown member value 'morale'/);
    expect({ line: problems[0].line, col: problems[0].col }).toEqual(where(rules.text, 'change: self.morale', 'self.morale'));
  });

  it('should point at a broken condition in a standing reaction in the rules file', () => {
    const rules = { ...RULES, text: variant('when: self.loyalty < 45 and self.publicSupport < 35', 'when: self.loyalty < 45 and self.mood < 35', RULES.text) };
    const problems = problemsOf(FIXTURE.text, rules);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: RULES.file, path: 'reactions[0].when' });
    expect({ line: problems[0].line, col: problems[0].col }).toEqual(where(rules.text, 'self.mood < 35', 'self.loyalty'));
  });

  it('should report a broken rules file with its own positions, before the scenario', () => {
    const rules = { ...RULES, text: variant('kind: rules', 'kind: rules\nsurprise: true', RULES.text) };
    const problems = problemsOf(FIXTURE.text, rules);
    expect(problems[0]).toMatchObject({ file: RULES.file, path: 'surprise', ...where(rules.text, 'surprise: true', 'surprise') });
    expect(loadRules(rules).ok).toBe(false);
  });
});

describe('anchors, aliases and merge keys, refused before parsing', () => {
  it('should refuse 100,000 anchors at the first one, without parsing them', () => {
    const lines = ['kind: scenario'];
    for (let i = 0; i < 100_000; i++) lines.push(`k${i}: &a${i} 1`);
    const problems = problemsOf(lines.join('\n'));
    expect(problems).toEqual([{ file: FILE, line: 2, col: 5, path: '', message: expect.stringMatching(/anchors \(&name\) are not allowed/) }]);
  });

  it('should refuse a merge key at its place', () => {
    const text = variant('start: the_call', 'start: the_call\n<<: {x: 1}');
    expect(problemsOf(text)).toEqual([{ file: FILE, ...where(text, '<<: {x: 1}', '<<'), path: '', message: expect.stringMatching(/merge keys \(<<\)/) }]);
  });

  it('should leave & and * alone in quoted strings, comments and block scalars', () => {
    let text = variant('start: the_call', 'start: the_call # & *not an alias');
    text = variant('place: Yerevan\n    location: AM\n    briefing: Armenia', 'place: "Yerevan & *Gyumri"\n    location: AM\n    briefing: Armenia', text);
    expect(loadScenario({ file: FILE, text }, RULES).ok).toBe(true);
    const block = firstReference("a: |\n  &x *y\nb: 'it''s & *'\nc: a & b * c\n");
    expect(block).toBeNull();
  });
});

describe('problems per file', () => {
  it('should show the first 50 problems of a file, then how many more there were', () => {
    const extra = Array.from({ length: 80 }, (_, i) => `surprise${i}: true`).join('\n');
    const entry = loadEntry({ file: FILE, text: `${FIXTURE.text}\n${extra}\n` }, [], RULES);
    expect(entry.ok).toBe(false);
    if (entry.ok) return;
    expect(entry.error).toHaveLength(51);
    expect(entry.error[49]?.path).toBe('surprise49');
    expect(entry.error[50]).toEqual({ file: FILE, line: 1, col: 1, path: '', message: 'and 30 more' });
  });
});

describe('syntax errors, in words of what to do', () => {
  const block = 'place: Yerevan\n    location: AM\n    briefing: Armenia';

  it('should say to quote a value with a colon in it, once, where the value is', () => {
    const text = variant(block, 'place: Yerevan: the capital\n    location: AM\n    briefing: Armenia');
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/^a colon followed by a space inside a value starts a new key: put the whole value in quotes/);
    expect(problems[0]?.line).toBe(where(text, 'place: Yerevan: the capital').line);
  });

  it('should say to indent with spaces after a tab, and show nothing of what follows from it', () => {
    const text = variant(block, 'place: Yerevan\n\tlocation: AM\n\tbriefing: Armenia');
    const problems = problemsOf(text);
    expect(problems).toEqual([
      {
        file: FILE,
        ...where(text, '\tlocation: AM', '\t'),
        path: '',
        message: expect.stringMatching(/^tabs are not allowed for indentation: indent with spaces/),
      },
    ]);
  });
});

describe('nothing throws', () => {
  const inputs: [string, string][] = [
    ['an empty file', ''],
    ['null', 'null'],
    ['a list', '[]'],
    ['a number', '42'],
    ['a string', 'just words'],
    ['an unclosed map', '{'],
    ['the wrong kind', 'kind: rules'],
    ['an alias alone', '*a'],
    ['an anchor', '&a x'],
    ['a JavaScript tag', '!!js/function "function () { return 1 }"'],
    ['a binary tag', '!!binary aGVsbG8='],
    ['a NUL byte', '\u0000'],
    ['a nested compact map', 'a: b: c'],
    ['a complex key', '? [a, b]\n: c'],
    ['two documents', '--- a\n--- b'],
    ['a directive', '%YAML 1.1\n---\nkind: scenario'],
    ['a tab indentation', 'kind: scenario\n\tid: x'],
    ['a lone surrogate', 'kind: scenario\nid: "\\uD800"'],
    ['a merge key', 'base: &b {x: 1}\nkind: scenario\n<<: *b'],
    ['a huge number', `kind: scenario\nera: 1e309`],
    ['a NaN', 'kind: scenario\nera: .nan'],
    ['a file over the size limit', 'x'.repeat(2_000_001)],
    ['a deep nesting of lists', `${'['.repeat(5000)}${']'.repeat(5000)}`],
    ['a deep nesting of maps', `${'{a: '.repeat(3000)}1${'}'.repeat(3000)}`],
    ['a key repeated', 'kind: scenario\nkind: scenario'],
    ['a billion laughs', 'a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]'],
  ];

  it.each(inputs)('should report problems, not throw, for %s', (_, text) => {
    const result = loadScenario({ file: FILE, text }, RULES);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.length).toBeGreaterThan(0);
    for (const p of result.error) {
      expect(p.file).toBe(FILE);
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.col).toBeGreaterThanOrEqual(1);
      expect(p.message.length).toBeGreaterThan(0);
      expect(p.message).not.toMatch(/^internal error/);
    }
  });

  it('should report problems, not throw, for broken standing rules', () => {
    for (const text of ['', 'kind: rules', 'kind: scenario', RULES.text.slice(0, RULES.text.length / 2)]) {
      const result = loadScenario(FIXTURE, { file: RULES.file, text });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.every((p) => p.line >= 1 && p.col >= 1 && !p.message.startsWith('internal error'))).toBe(true);
    }
  });
});

describe('ids that are also names in JavaScript', () => {
  it('should play an option and a development named constructor like any other', () => {
    let text = FIXTURE.text.replace(/\bmonitor\b/g, 'constructor').replace(/\bceasefire\b/g, 'constructor');
    text = variant('when: chose(send_troops)', 'when: chose(constructor) and visited(constructor)', text);
    const scenario = mustLoad({ file: FILE, text });
    // No plan for the development named constructor: the policy must not find one on Object.prototype.
    const run = playOut(scenario, 'ids', fixedPolicy({ the_call: 'send_troops' }));
    expect(run.world.decisions.map((d) => d.option)).toEqual(['send_troops', 'constructor', 'vague_declaration']);
    expect(run.world.chosen.get('constructor')).toBe(1);
    expect(run.world.visited.get('constructor')).toBe(1);
    expect(run.world.ending).toBe('answered');
  });
});
