import { describe, expect, it } from 'vitest';
import { normaliseQuote, quoteProblems } from '../../src/engine/authoring/quotes.ts';

const SOURCES = new Map([
  ['003_5a98e20ee2fbc50d.txt', 'Armenia’s prime minister “called for military aid” — and got a mission.\nIt was, in   short, a failure.'],
  ['004_609dedced30e65c3.txt', 'THE RUSSIAN FEDERATION STILL HAS A SUFFICIENT SET OF INSTRUMENTS\nMembers look elsewhere.'],
]);
const file = (text: string) => ({ file: 'x.yaml', text });

describe('quoteProblems', () => {
  it('should find quotes whatever their whitespace, quotation marks, apostrophes and dashes', () => {
    const text = `a: { source: "003_5a98e20ee2fbc50d.txt: 'Armenia's prime minister \\"called for military aid\\" - and' and 'in short, a failure.'" }\n`;
    expect(quoteProblems(file(text), SOURCES)).toEqual([]);
  });

  it('should find an elided quote piece by piece, in order', () => {
    expect(quoteProblems(file(`a: { source: "003_5a98e20ee2fbc50d.txt: 'prime minister ... a failure'" }\n`), SOURCES)).toEqual([]);
    expect(quoteProblems(file(`a: { source: "003_5a98e20ee2fbc50d.txt: 'a failure ... prime minister'" }\n`), SOURCES)).toHaveLength(1);
  });

  it('should report a changed word, and a source file that is not there', () => {
    const text =
      'quotes:\n  - { text: "It was, in short, a success.", who: X, source: 003_5a98e20ee2fbc50d.txt }\n  - { text: Anything., who: Y, source: 009_missing.txt }\n';
    const problems = quoteProblems(file(text), SOURCES);
    expect(problems.map((p) => `${p.line}:${p.path}: ${p.message}`)).toEqual([
      '2:quotes[0].text: quote not found in 003_5a98e20ee2fbc50d.txt: "It was, in short, a success."',
      '3:quotes[1].text: no source file 009_missing.txt in the sources folder',
    ]);
  });

  it('should read letter case as typography: a heading in capitals is the same words', () => {
    expect(quoteProblems(file(`a: { source: "004_609dedced30e65c3.txt: 'still has a sufficient set of instruments'" }\n`), SOURCES)).toEqual([]);
  });

  it('should check each quote against the file named before it, when a source cites several', () => {
    const both = `a: { source: "004_609dedced30e65c3.txt: 'Members look elsewhere'; 003_5a98e20ee2fbc50d.txt: 'got a mission'" }\n`;
    expect(quoteProblems(file(both), SOURCES)).toEqual([]);
    const swapped = `a: { source: "003_5a98e20ee2fbc50d.txt: 'Members look elsewhere'; 004_609dedced30e65c3.txt: 'got a mission'" }\n`;
    expect(quoteProblems(file(swapped), SOURCES).map((p) => p.message)).toEqual([
      'quote not found in 003_5a98e20ee2fbc50d.txt: "Members look elsewhere"',
      'quote not found in 004_609dedced30e65c3.txt: "got a mission"',
    ]);
  });

  it('should leave words alone', () => {
    expect(normaliseQuote('Organisation')).not.toBe(normaliseQuote('Organization'));
  });
});
