import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ClassStore } from '../../src/server/store.ts';

/** The class data file: made with its folder, versioned, and never read by a server older than the one that wrote it. */
describe('the class data file', () => {
  it('should be made with its folder, in WAL mode, at the current schema version', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'class-store-')), 'deeper/still/classes.sqlite');
    new ClassStore(file).close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
      expect(tables.map((t) => t.name)).toEqual(['classes', 'events', 'students', 'tables']);
    } finally {
      db.close();
    }
  });

  it('should refuse a file written by a newer server, saying so, and leave it as it was', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'class-store-')), 'classes.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 7');
    db.close();
    expect(() => new ClassStore(file)).toThrow(/written by a newer version of the server \(schema 7; this one reads up to 1\)/);
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(7);
    after.close();
  });
});
