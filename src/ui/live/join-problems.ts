import { CODE_ALPHABET, CODE_LENGTH } from '../../live/messages.ts';

/** A code's shape, before the server is asked: six of the code's letters and digits. */
export function codeProblem(code: string): string | null {
  if (code === '') return 'Type the class code the teacher gives you.';
  if (code.length !== CODE_LENGTH || [...code].some((c) => !CODE_ALPHABET.includes(c))) {
    return `A class code is ${CODE_LENGTH} letters and digits (there is no I, L, O, 0 or 1 in one).`;
  }
  return null;
}

/** Where a server's sentence belongs on the form: beside the code, the name, or above the Join button. */
export function fieldOfError(error: string): 'code' | 'name' | 'team' | 'form' {
  const e = error.toLowerCase();
  if (e.includes('wrong code') || e.includes('no class') || e.includes('class code') || e.includes('too many wrong codes')) return 'code';
  if (e.includes('name')) return 'name';
  if (e.includes('team') || e.includes('table')) return 'team';
  return 'form';
}
