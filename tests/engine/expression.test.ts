import { describe, expect, it } from 'vitest';
import { ExpressionError, type Expr, type ValueType } from '../../src/engine/language/ast.ts';
import { compileExpression, referencedKeys, type Binding, type Vocabulary } from '../../src/engine/language/compile.ts';
import { parseExpression } from '../../src/engine/language/parse.ts';
import { newWorld, type MemberCode, type MemberState, type Status, type World } from '../../src/engine/core/world.ts';

/** The tree as a fully parenthesised prefix form, so precedence shows at a glance. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return String(e.value);
    case 'string':
      return JSON.stringify(e.value);
    case 'ref':
      return e.scope ? `${e.scope}.${e.name}` : e.name;
    case 'unary':
      return `(${e.op === '-' ? 'neg' : 'not'} ${show(e.operand)})`;
    case 'binary':
      return `(${e.op} ${show(e.left)} ${show(e.right)})`;
    case 'call':
      return `${e.fn}(${e.args.map(show).join(', ')})`;
  }
}

const vocabulary: Vocabulary = {
  members: ['RU', 'AM', 'KZ'],
  variables: ['weeks'],
  reactions: ['boycott', 'protest'],
  options: ['send', 'wait'],
  developments: ['call', 'summit'],
  allowSelf: false,
};
const selfVocabulary: Vocabulary = { ...vocabulary, allowSelf: true };
const binding: Binding = { cohesion: () => 61.5 };

const member = (loyalty: number, publicSupport: number, hedging: number, ties: number, status: Status = 'member'): MemberState => ({
  loyalty,
  publicSupport,
  hedging,
  ties,
  status,
});

function world(): World {
  const w = newWorld({
    development: 'summit',
    members: { RU: member(90, 60, 5, 100), AM: member(40, 20, 60, 30), KZ: member(64, 45, 48, 60, 'suspended') },
    credibility: 30,
    moscowBandwidth: 40,
    vars: { weeks: 2 },
  });
  w.turn = 3;
  w.chosen = new Map([['send', 1]]);
  w.visited = new Map([['call', 1]]);
  w.reacted = new Map([
    ['AM:boycott', 1],
    ['KZ:boycott', 2],
    ['AM:protest', 1],
  ]);
  w.initial = { 'AM.loyalty': 52, cohesion: 58, credibility: 35 };
  return w;
}

function evaluate(text: string, type: ValueType, vocab = vocabulary, bind = binding, w = world()) {
  return compileExpression(parseExpression(text), vocab, bind, type)(w);
}

/** The error an expression gives, from parsing or compiling, with its offset. */
function failure(text: string, type: ValueType = 'boolean', vocab = vocabulary): { message: string; at: number } {
  try {
    compileExpression(parseExpression(text), vocab, binding, type);
  } catch (error) {
    if (error instanceof ExpressionError) return { message: error.message, at: error.at };
    throw error;
  }
  throw new Error(`"${text}" compiled without an error`);
}

describe('parsing', () => {
  it.each([
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['(1 + 2) * 3', '(* (+ 1 2) 3)'],
    ['1 - 2 - 3', '(- (- 1 2) 3)'],
    ['8 / 4 / 2', '(/ (/ 8 4) 2)'],
    ['1 + 2 - 3 * 4 / 5', '(- (+ 1 2) (/ (* 3 4) 5))'],
    ['-2 * 3', '(* (neg 2) 3)'],
    ['- -1', '(neg (neg 1))'],
    ['2 - -1', '(- 2 (neg 1))'],
    ['a or b and c', '(or a (and b c))'],
    ['a and b or c and d', '(or (and a b) (and c d))'],
    ['a or b or c', '(or (or a b) c)'],
    ['not a and b', '(and (not a) b)'],
    ['not not a', '(not (not a))'],
    ['not (a or b)', '(not (or a b))'],
    ['not AM.loyalty < 3', '(not (< AM.loyalty 3))'],
    ['AM.loyalty + 1 < 2 * 3', '(< (+ AM.loyalty 1) (* 2 3))'],
    ['AM.loyalty < 40 and credibility >= 30 or turn == 2', '(or (and (< AM.loyalty 40) (>= credibility 30)) (== turn 2))'],
    ['x <= 1 and y > 2 and z != 3', '(and (and (<= x 1) (> y 2)) (!= z 3))'],
    ['max(1, 2 + 3, min(4, 5))', 'max(1, (+ 2 3), min(4, 5))'],
    ['reacted(AM, boycott)', 'reacted(AM, boycott)'],
    ['f()', 'f()'],
    ['AM.status == "member"', '(== AM.status "member")'],
    ["AM.status != 'suspended'", '(!= AM.status "suspended")'],
    ['1.5 * self.hedging', '(* 1.5 self.hedging)'],
    ['\n  AM.loyalty\t<\r\n40 ', '(< AM.loyalty 40)'],
    ['((((1))))', '1'],
  ])('should parse %j as %s', (text, tree) => {
    expect(show(parseExpression(text))).toBe(tree);
  });

  it('should record where each node starts', () => {
    const tree = parseExpression('AM.loyalty < 40 and max(1, x) > 0');
    expect(tree).toMatchObject({ kind: 'binary', op: 'and', at: 16 });
    if (tree.kind !== 'binary' || tree.left.kind !== 'binary' || tree.right.kind !== 'binary') throw new Error('unexpected shape');
    expect(tree.left).toMatchObject({
      op: '<',
      at: 11,
      left: { kind: 'ref', scope: 'AM', name: 'loyalty', at: 0 },
      right: { kind: 'number', value: 40, at: 13 },
    });
    expect(tree.right).toMatchObject({ op: '>', at: 30, left: { kind: 'call', fn: 'max', at: 20 } });
  });

  it('should accept an expression of exactly the longest allowed length', () => {
    const text = `1${' + 1'.repeat(333)}`.padEnd(2000, ' ');
    expect(text.length).toBe(2000);
    expect(evaluate(text, 'number')).toBe(334);
  });

  it('should accept nesting a person would write', () => {
    const text = `${'('.repeat(12)}1${')'.repeat(12)} + ${'-'.repeat(12)}2 + ${'max(1, '.repeat(8)}3${')'.repeat(8)}`;
    expect(evaluate(text, 'number')).toBe(1 + 2 + 3);
    expect(evaluate(`${'not '.repeat(12)}chose(send)`, 'boolean')).toBe(true);
  });
});

describe('compiling and evaluating', () => {
  it.each<[string, ValueType, number | boolean | string]>([
    ['1 + 2 * 3', 'number', 7],
    ['(1 + 2) * 3', 'number', 9],
    ['10 - 4 - 3', 'number', 3],
    ['12 / 3 / 2', 'number', 2],
    ['-AM.loyalty + 50', 'number', 10],
    ['AM.loyalty - RU.loyalty', 'number', -50],
    ['abs(AM.loyalty - RU.loyalty)', 'number', 50],
    ['min(AM.loyalty, credibility, 35)', 'number', 30],
    ['max(AM.loyalty, credibility, 35)', 'number', 40],
    ['clamp(AM.hedging, 0, 50)', 'number', 50],
    ['clamp(0 - 5, 0, 50)', 'number', 0],
    ['clamp(7, 0, 50)', 'number', 7],
    ['AM.publicSupport + AM.hedging + AM.ties', 'number', 110],
    ['credibility + moscowBandwidth', 'number', 70],
    ['cohesion', 'number', 61.5],
    ['weeks * 2', 'number', 4],
    ['turn', 'number', 3],
    ['activeMembers', 'number', 2],
    ['suspendedMembers', 'number', 1],
    ['withdrawnMembers', 'number', 0],
    ['initial(AM.loyalty)', 'number', 52],
    ['initial(cohesion)', 'number', 58],
    ['initial(credibility) - credibility', 'number', 5],
    ['count_reacted(boycott)', 'number', 2],
    ['count_reacted(protest)', 'number', 1],
    ['AM.loyalty / 0', 'number', 0],
    ['AM.loyalty < initial(AM.loyalty)', 'boolean', true],
    ['reacted(AM, boycott)', 'boolean', true],
    ['reacted(RU, boycott)', 'boolean', false],
    ['chose(send)', 'boolean', true],
    ['chose(wait)', 'boolean', false],
    ['visited(call)', 'boolean', true],
    ['visited(summit)', 'boolean', false],
    ['at(summit)', 'boolean', true],
    ['at(call)', 'boolean', false],
    ['AM.status == "member"', 'boolean', true],
    ['KZ.status == "suspended"', 'boolean', true],
    ["KZ.status != 'member'", 'boolean', true],
    ['RU.status == "withdrawn"', 'boolean', false],
    ['AM.status', 'status', 'member'],
    ['not (AM.loyalty > 50) and credibility >= 30', 'boolean', true],
    ['AM.loyalty > 50 or chose(send)', 'boolean', true],
    ['AM.loyalty > 50 or chose(wait)', 'boolean', false],
    ['AM.loyalty > 50 and chose(send)', 'boolean', false],
    ['not chose(wait) and not not visited(call)', 'boolean', true],
    ['AM.loyalty == 40 and AM.loyalty != 41 and AM.loyalty <= 40 and AM.loyalty >= 40', 'boolean', true],
    ['AM.loyalty < 40 or AM.loyalty > 40', 'boolean', false],
    ['1 + 2 * 3 == 7', 'boolean', true],
  ])('should evaluate %j to %j', (text, type, value) => {
    expect(evaluate(text, type)).toBe(value);
  });

  it("should read 'self' as the member the rule is bound to", () => {
    expect(evaluate('self.loyalty * 2', 'number', selfVocabulary, { self: 'AM', cohesion: binding.cohesion })).toBe(80);
    expect(evaluate('self.status == "suspended"', 'boolean', selfVocabulary, { self: 'KZ', cohesion: binding.cohesion })).toBe(true);
  });

  it('should compile once and read each world it is given', () => {
    const fn = compileExpression(parseExpression('AM.loyalty < 45 and chose(send)'), vocabulary, binding, 'boolean');
    const a = world();
    const b = world();
    b.members.AM.loyalty = 80;
    const c = world();
    c.chosen = new Map();
    expect([fn(a), fn(b), fn(c)]).toEqual([true, false, false]);
  });

  it('should name the values an expression reads, for explanations', () => {
    const keys = (text: string, self?: MemberCode) => [...referencedKeys(parseExpression(text), { self, cohesion: binding.cohesion })].sort();
    expect(keys('self.loyalty < self.ties * 0.6', 'AM')).toEqual(['AM.loyalty', 'AM.ties']);
    expect(keys('min(AM.loyalty, credibility) > abs(weeks)')).toEqual(['AM.loyalty', 'credibility', 'weeks']);
    expect(keys('not (KZ.hedging > 3) or RU.status == "member"')).toEqual(['KZ.hedging', 'RU.status']);
    expect(keys('chose(send) and initial(AM.loyalty) > 3')).toEqual([]);
  });
});

describe('errors, with the offset of what is wrong', () => {
  it.each<[string, string, RegExp, number, ValueType?]>([
    ['unknown member value', 'AM.happiness > 1', /unknown member value 'happiness'/, 0],
    ['unknown member', 'credibility > 1 and XX.loyalty > 1', /unknown member 'XX' \(this scenario has RU, AM, KZ\)/, 20],
    ['member not in this scenario', 'BY.loyalty > 1', /unknown member 'BY'/, 0],
    ['unknown value', '1 < 2 and morale > 1', /unknown name 'morale' \(known: cohesion, credibility, moscowBandwidth, turn/, 10],
    ['a member named without a value', 'AM > 1', /'AM' is a member: name one of its values, as in AM.loyalty/, 0],
    [
      'unknown function',
      'credibility > frobnicate(1)',
      /unknown function 'frobnicate' \(known: min, max, abs, clamp, initial, reacted, count_reacted, chose, visited\b/,
      14,
    ],
    ['abs with two arguments', 'abs(1, 2) > 0', /abs\(\) takes 1 argument$/, 0],
    ['clamp with two arguments', '1 < clamp(1, 2)', /clamp\(\) takes 3 arguments/, 4],
    ['min with one argument', 'min(1) > 0', /min\(\) takes at least 2 arguments/, 0],
    ['max with none', 'max() > 0', /max\(\) takes at least 2 arguments/, 0],
    ['reacted with one argument', 'reacted(AM)', /reacted\(\) takes 2 arguments/, 0],
    ['chose with two arguments', 'chose(send, wait)', /chose\(\) takes 1 argument/, 0],
    ['unknown reaction', 'reacted(AM, nope)', /unknown reaction 'nope'/, 12],
    ['unknown option', 'chose(nope)', /unknown option 'nope'/, 6],
    ['unknown development', 'visited(nowhere)', /unknown development 'nowhere'/, 8],
    ['unknown development for at', 'at(nowhere)', /unknown development 'nowhere'/, 3],
    ['at with two arguments', 'at(call, summit)', /at\(\) takes 1 argument/, 0],
    ['unknown reaction to count', 'count_reacted(nope) > 1', /unknown reaction 'nope'/, 14],
    ['a value where an option belongs', 'chose(AM.loyalty)', /chose\(\) takes option as argument 1/, 6],
    ['a value where a member belongs', 'reacted(AM.loyalty, boycott)', /reacted\(\) takes a member code first/, 8],
    ['initial of a sum', 'initial(1 + 2) > 0', /initial\(\) takes a value name/, 10],
    ['initial of a status', 'initial(AM.status) == "member"', /initial\(\) takes a numeric value/, 8],
    ['and on numbers', 'AM.loyalty and chose(send)', /'and' joins two conditions/, 11],
    ['or on numbers', 'chose(send) or 1', /'or' joins two conditions/, 12],
    ['arithmetic on a condition', 'AM.loyalty + chose(send) > 1', /'\+' needs numbers on both sides/, 11],
    ['ordering a status', 'AM.status < 3', /'<' needs numbers on both sides/, 10],
    ['a status compared with a number', 'AM.status == 3', /cannot compare a status with a number/, 10],
    ['conditions compared', 'chose(send) == chose(wait)', /compare numbers or statuses, not conditions/, 12],
    ['not on a number', 'not AM.loyalty', /'not' needs a condition/, 0],
    ['minus on a condition', '-chose(send) > 1', /'-' needs a number/, 0],
    ['a string that is not a status', 'AM.status == "friend"', /the only strings are statuses: member, suspended, withdrawn/, 13],
    ['a number where a condition belongs', 'AM.loyalty + 1', /expected a condition but this is a number/, 11],
    ['a condition where a number belongs', 'AM.loyalty > 1', /expected a number but this is a boolean/, 11, 'number'],
    ['chained comparison', 'AM.loyalty < 3 < 4', /comparisons cannot be chained: use "and"/, 15],
    ['chained equality', '1 == 1 == 1', /comparisons cannot be chained/, 7],
    ['a property of a value', 'AM.loyalty.x > 1', /only one level of names is allowed, as in AM.loyalty/, 10],
    ['constructor', 'constructor > 1', /unknown name 'constructor'/, 0],
    ['constructor alone', 'constructor', /unknown name 'constructor'/, 0, 'number'],
    ['toString', 'toString > 1', /unknown name 'toString'/, 0],
    ['valueOf', 'valueOf > 1', /unknown name 'valueOf'/, 0],
    ['__proto__', '__proto__ > 1', /unknown name '__proto__'/, 0],
    ['hasOwnProperty', 'hasOwnProperty > 1', /unknown name 'hasOwnProperty'/, 0],
    ['a member constructor', 'AM.constructor > 1', /unknown member value 'constructor'/, 0],
    ['a member __proto__', 'AM.__proto__ > 1', /unknown member value '__proto__'/, 0],
    ['constructor as a member', 'constructor.loyalty > 1', /unknown member 'constructor'/, 0],
    ['__proto__ as a member', '__proto__.loyalty > 1', /unknown member '__proto__'/, 0],
    ['a call on a function name of JavaScript', 'hasOwnProperty(AM)', /unknown function 'hasOwnProperty'/, 0],
    ['a constructor call', 'constructor(1) > 1', /unknown function 'constructor'/, 0],
    ['a method call', 'process.exit(1)', /unexpected '\('/, 12],
    ['indexing', 'AM["loyalty"] > 1', /unexpected character '\['/, 2],
    ['assignment', 'AM.loyalty = 3', /unexpected character '='/, 11],
    ['a statement separator', 'chose(send); chose(wait)', /unexpected character ';'/, 11],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a JavaScript template is the input the parser must refuse
    ['a template', '`${1}` > 0', /unexpected character '`'/, 0],
    ['nullish', 'a ?? b', /unexpected character '\?'/, 2],
    ['unicode', 'AM.loyalty < λ', /unexpected character 'λ'/, 13],
    ['exponent notation', '1e309 > 1', /unexpected 'e309'/, 1],
    ['a bare dot', '.5 > 0', /expected a value '\.'/, 0],
    ['self outside standing rules', 'self.loyalty > 1', /'self' is only allowed in rules that apply to every member/, 0],
    ['an unterminated string', 'AM.status == "member', /unterminated string/, 13],
    ['empty', '', /empty expression/, 0],
    ['blank', '   ', /empty expression/, 0],
    ['a dangling operator', '1 +', /expected a value at the end/, 3],
    ['an open parenthesis', '(1 + 2', /expected '\)' at the end/, 6],
    ['an unclosed call', 'max(1, 2', /expected '\)' at the end/, 8],
    ['a stray word', 'and', /unexpected 'and'/, 0],
    ['two values', '1 2', /unexpected number 2/, 2],
    ['a name without a field', 'AM. > 1', /expected a name after 'AM.'/, 4],
  ])('should refuse %s', (_, text, message, at, type) => {
    const error = failure(text, type ?? 'boolean');
    expect(error.message).toMatch(message);
    expect(error.at).toBe(at);
  });

  it('should refuse nesting too deep to be meant, at an opening it cannot follow', () => {
    for (const text of [
      `${'('.repeat(100)}1${')'.repeat(100)} > 0`,
      `${'-'.repeat(200)}1 > 0`,
      `${'not '.repeat(100)}chose(send)`,
      `${'max(1, '.repeat(60)}1${')'.repeat(60)} > 0`,
    ]) {
      const error = failure(text);
      expect(error.message).toBe('expression nested too deeply');
      expect(error.at).toBeGreaterThan(0);
      expect(error.at).toBeLessThan(text.length);
    }
  });

  it('should refuse nesting deep enough to overflow the stack without overflowing it', () => {
    const error = failure(`${'('.repeat(100_000)}1`);
    expect(error.message).toMatch(/longer than 2000 characters/);
    const deep = failure(`${'('.repeat(1999)}1`);
    expect(deep.message).toBe('expression nested too deeply');
  });

  it('should refuse an expression longer than 2000 characters, at its start', () => {
    const text = `1${' + 1'.repeat(500)}`;
    expect(text.length).toBe(2001);
    expect(failure(text, 'number')).toEqual({ message: 'expression longer than 2000 characters', at: 0 });
  });

  it('should throw nothing but ExpressionError for any of these inputs', () => {
    const inputs = [
      '',
      ')',
      '(',
      ',',
      '"',
      "'",
      '..',
      'a.b.c',
      '1..2',
      '!x',
      '&&',
      '||',
      '=>',
      'x[0]',
      'new X',
      'this',
      'self',
      'self.',
      '0x10',
      '1_000',
      'NaN',
      'Infinity',
      '\u0000',
      '\u2028',
      '😀',
    ];
    for (const text of inputs) {
      try {
        compileExpression(parseExpression(text), selfVocabulary, { self: 'AM', cohesion: binding.cohesion }, 'boolean');
      } catch (error) {
        expect(error, text).toBeInstanceOf(ExpressionError);
      }
    }
  });
});
