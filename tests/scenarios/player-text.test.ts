import { expect, it } from 'vitest';
import { library } from './library.ts';

/** The fields of a scenario that players read: briefings, dates and places, quotes, options, reasons, the debrief. */
const PLAYER_FIELDS = new Set(['title', 'date', 'place', 'briefing', 'history', 'text', 'who', 'label', 'description', 'summary', 'reason', 'premise']);

/** Every string under a field players read, with where it is. */
function playerTexts(value: unknown, path: string, out: { path: string; text: string }[]): void {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) playerTexts(v, `${path}[${i}]`, out);
  } else if (value && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) {
      if (typeof v === 'string' && PLAYER_FIELDS.has(key)) out.push({ path: `${path}.${key}`, text: v });
      else if (key !== 'rules' && typeof v === 'object') playerTexts(v, `${path}.${key}`, out);
    }
}

it("should keep editors' marks out of what players read: no source codes, file names, rules.yaml or notes in dates", () => {
  const found: string[] = [];
  for (const entry of library()) {
    if (!entry.ok) continue;
    const texts: { path: string; text: string }[] = [];
    playerTexts(entry.value, entry.id, texts);
    expect(texts.length).toBeGreaterThan(10);
    for (const { path, text } of texts) {
      if (/[([]0\d\d[)\]:,]/.test(text)) found.push(`${path}: a source code in "${text.slice(0, 120)}"`);
      if (/\b0\d\d_[0-9a-f]+\.txt/.test(text)) found.push(`${path}: a file name in "${text.slice(0, 120)}"`);
      if (text.includes('rules.yaml')) found.push(`${path}: rules.yaml in "${text.slice(0, 120)}"`);
      if ((path.endsWith('.date') || path.endsWith('.place')) && /outside the sources|the sources give/.test(text))
        found.push(`${path}: an editor's note in "${text}"`);
    }
  }
  expect(found).toEqual([]);
});
