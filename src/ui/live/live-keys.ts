/**
 * What a browser keeps of a live class, per class code, in localStorage: a student's token (its identity at
 * the class, made once, so that a reload, a sleep or a dropped Wi-Fi rejoins the same team) and, on the
 * teacher's browser, the secret that controls the class. Neither is ever shown to anyone else.
 */
const keyOf = (code: string, who: 'student' | 'teacher') => `article-four.live.${code}.${who}`;

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
export const TOKEN_LENGTH = 32;

/** A random token of the wire's alphabet, from the bytes given (crypto.getRandomValues in the page). */
export function tokenFrom(bytes: Uint8Array): string {
  // 64 letters: each byte's low six bits pick one, evenly.
  return Array.from(bytes, (b) => TOKEN_ALPHABET[b & 63]).join('');
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // A refused storage: the page still works, but a reload would join as someone new.
  }
}

/** This browser's token for the class: the one kept, or a new one, kept from now on. */
export function studentToken(code: string): string {
  const kept = read(keyOf(code, 'student'));
  if (kept && /^[A-Za-z0-9_-]{16,64}$/.test(kept)) return kept;
  const made = tokenFrom(crypto.getRandomValues(new Uint8Array(TOKEN_LENGTH)));
  write(keyOf(code, 'student'), made);
  return made;
}

/** Whether this browser has joined the class before (it has a token for it). */
export function hasJoined(code: string): boolean {
  return read(keyOf(code, 'student')) !== null;
}

export function teacherSecret(code: string): string | null {
  return read(keyOf(code, 'teacher'));
}

/** The codes of the classes this browser holds the secret of, so the teacher can go back to their dashboards. */
export function taughtClasses(): string[] {
  const codes: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const found = /^article-four\.live\.([A-Z0-9]+)\.teacher$/.exec(localStorage.key(i) ?? '');
      if (found?.[1]) codes.push(found[1]);
    }
  } catch {
    // A refused storage keeps nothing to list.
  }
  return codes.sort();
}

export function keepTeacherSecret(code: string, secret: string): void {
  write(keyOf(code, 'teacher'), secret);
}

/** A removed student's token is dropped: joining again makes a new one. */
export function forgetStudent(code: string): void {
  try {
    localStorage.removeItem(keyOf(code, 'student'));
  } catch {
    // Nothing kept, nothing to forget.
  }
}
