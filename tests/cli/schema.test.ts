import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../src/engine/authoring/json-schema.ts';
import { SCHEMA_FOLDER } from '../../src/node/scenario-folder.ts';
import { runCli } from './run-cli.ts';

const committed = SCHEMA_FOLDER;

describe('schema', () => {
  it('should write exactly the JSON Schemas that are committed, so they cannot drift from the code', () => {
    const out = mkdtempSync(join(tmpdir(), 'article-four-schema-'));
    const result = runCli(['schema', '--out', out]);
    expect(result.code).toBe(0);
    const written = readdirSync(out).sort();
    expect(written).toEqual(
      readdirSync(committed)
        .filter((f) => f.endsWith('.schema.json'))
        .sort(),
    );
    for (const file of written) {
      expect(readFileSync(join(out, file), 'utf8'), `${committed}/${file} is out of date: run npm run schema`).toBe(
        readFileSync(join(committed, file), 'utf8'),
      );
    }
  });

  it('should commit one schema for each kind of file, each what the engine generates', () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      expect(JSON.parse(readFileSync(join(committed, `${name}.schema.json`), 'utf8'))).toEqual(schema);
    }
  });
});
