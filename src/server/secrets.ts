import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH } from '../live/messages.ts';

/**
 * The class's code, the teacher's secret and the students' tokens. Codes are short for typing and guessable
 * in principle, so wrong ones are rate-limited; the secret is long and random. Only their SHA-256 is stored:
 * a copy of the data file does not let anyone take a class over or act as a student.
 */
export function newClassCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** 192 random bits. */
export function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Whether `text` is the one whose hash is kept, in a time that does not tell how much of it was right. */
export function matchesHash(text: string, hashHex: string): boolean {
  const given = Buffer.from(sha256(text), 'hex');
  const kept = Buffer.from(hashHex, 'hex');
  return given.length === kept.length && timingSafeEqual(given, kept);
}
