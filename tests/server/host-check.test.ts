import { describe, expect, it } from 'vitest';
import { readFlags } from '../../src/server/flags.ts';
import { hostAllowed } from '../../src/server/host-check.ts';

/** The names the class server answers to: any address, its own names, and those it was started with. */
describe('the class server’s own names', () => {
  const allowed = new Set(['localhost', 'teacher-laptop', 'class.school.example']);

  it.each([
    ['192.168.1.20:8080', true],
    ['10.0.0.5', true],
    ['[fe80::1]:8080', true],
    ['localhost:8080', true],
    ['Class.School.Example:8080', true],
    ['teacher-laptop', true],
    ['rebound.example:8080', false],
    ['192.168.1.20.rebound.example', false],
    ['', false],
    [undefined, false],
  ])('should answer to %j: %s', (host, answers) => {
    expect(hostAllowed(host, allowed)).toBe(answers);
  });

  it('should take the names it is reached by from --name, and refuse what is not a host name', () => {
    const read = readFlags(['--name', 'class.school.example,teacher-laptop']);
    expect(read.ok && read.value !== 'help' && read.value.names).toEqual(['class.school.example', 'teacher-laptop']);
    const bad = readFlags(['--name', 'class.school.example,not a name']);
    expect(bad.ok ? '' : bad.error).toBe("--name takes host names separated by commas, like class.school.example; 'not a name' is not one.");
  });
});
