import { expect, it } from 'vitest';
import { playOut } from '../../src/engine/play/batch.ts';
import { historicalPolicy } from '../../src/engine/play/policies.ts';
import { recordOf } from '../../src/engine/play/record.ts';
import { encodeRunParams } from '../../src/engine/play/share-link.ts';
import { readLinks, readRecordFile, runKey } from '../../src/ui/class-results/incoming-runs.ts';
import { fixture } from '../support/scenarios.ts';

const scenario = fixture();
const record = (seed: string) => recordOf(playOut(scenario, seed, historicalPolicy));
const link = (seed: string) => `https://example.org/article-four/#/share?${encodeRunParams(record(seed))}`;

it('should read links one per line or separated by spaces, each bad one in a sentence of its own and left to be mended', () => {
  const bad = 'https://example.org/#/share?v=1&s=request_for_help';
  const read = readLinks(`  ${link('a')}\r\n\n${link('b')} \t ${bad}   ${link('c')}\n`);
  expect(read.runs.map((r) => [r.source, r.record.seed, r.name])).toEqual([
    ['Link 1', 'a', undefined],
    ['Link 2', 'b', undefined],
    ['Link 4', 'c', undefined],
  ]);
  expect(read.problems).toEqual([`Link 3 (${bad}) cannot be used: this link is incomplete: it has no 'seed' (is it the whole link?).`]);
  expect(read.unread).toEqual([bad]);
  expect(readLinks('  \n ')).toEqual({ runs: [], problems: [], unread: [] });
});

it('should take the words beside a single link as its group’s name, and say what it cannot use', () => {
  const read = readLinks(`The Hawks: ${link('a')}\n${link('b')} — Doves\nnot a link at all\nA ${link('c')} ${link('d')}`);
  expect(read.runs.map((r) => [r.source, r.name])).toEqual([
    ['Link 1', 'The Hawks'],
    ['Link 2', 'Doves'],
    ['Link 3', undefined],
    ['Link 4', undefined],
  ]);
  expect(read.problems).toEqual([
    'Line 3 (“not a link at all”) has no link in it.',
    'Line 4 has several links, so “A” is not used as a name: put each group’s name on the line of its link.',
  ]);
  expect(read.unread).toEqual(['not a link at all']);
});

it('should read a record file, a save, a list of records and the class results’ own JSON, naming each run that cannot be used', () => {
  expect(readRecordFile('one.json', JSON.stringify(record('a'))).runs.map((r) => [r.source, r.record.seed, r.name])).toEqual([
    ['File one.json', 'a', undefined],
  ]);
  const save = { save: 1, slot: 's', label: 'New game', name: ' Period 3 ', record: record('b') };
  expect(readRecordFile('save.json', JSON.stringify(save)).runs.map((r) => r.name)).toEqual(['Period 3']);
  const listed = readRecordFile('many.json', JSON.stringify([record('a'), { scenario: 'x' }]));
  expect(listed.runs.map((r) => r.source)).toEqual(['File many.json, run 1']);
  expect(listed.problems).toEqual(['File many.json, run 2 cannot be used: not a run record: it has no format number.']);
  const exported = { kind: 'article-four class results', format: 1, groups: [{ name: 'The Hawks', record: record('c') }] };
  expect(readRecordFile('class.json', JSON.stringify(exported)).runs.map((r) => [r.name, r.record.seed])).toEqual([['The Hawks', 'c']]);
  expect(readRecordFile('notes.txt', 'hello').problems).toEqual(['File notes.txt cannot be used: it is not a run record (not JSON data).']);
  expect(readRecordFile('huge.json', JSON.stringify(Array.from({ length: 201 }, () => record('a')))).problems[0]).toMatch(/holds 201 runs/);
});

it('should tell the same run apart from another only by what it is, declared stances included', () => {
  const a = record('a');
  expect(runKey({ ...a, contentHash: 'other', engine: '9' })).toBe(runKey(a));
  expect(runKey({ ...a, seed: 'b' })).not.toBe(runKey(a));
  expect(runKey({ ...a, format: 2, declared: [{ fact_finding: { AM: { stance: 'vetoes' } } }] })).not.toBe(runKey(a));
});
