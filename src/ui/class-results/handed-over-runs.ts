/**
 * Runs handed to the class results by another screen of this tab (a live class's dashboard hands over each
 * table's run): share links with the group's name on each line, as a teacher would paste them. Kept in
 * sessionStorage for the moment between the two screens, and taken once.
 */
const KEY = 'article-four.class-results.handed-over';

export function handOverRuns(lines: { name: string; link: string }[]): void {
  try {
    sessionStorage.setItem(KEY, lines.map((l) => `${l.name}: ${l.link}`).join('\n'));
  } catch {
    // Without sessionStorage the teacher pastes the links; nothing else is lost.
  }
}

/** The links handed over, as text to read like pasted links; null when none were. */
export function takeHandedOverRuns(): string | null {
  try {
    const text = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    return text;
  } catch {
    return null;
  }
}
