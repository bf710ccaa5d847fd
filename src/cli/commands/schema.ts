import { join } from 'node:path';
import { jsonSchemas } from '../../engine/authoring/json-schema.ts';
import { EXIT, type Output } from '../io/output.ts';
import { checkOutputFolder, makeOutputFolder, writeOutputFile } from '../io/output-files.ts';

/** `schema --out DIR`: writes the JSON Schemas editors use while a historian types. */
export function schemaCommand(options: { out: string }, out: Output): number {
  checkOutputFolder('--out', options.out);
  makeOutputFolder('--out', options.out);
  for (const [name, schema] of Object.entries(jsonSchemas())) {
    const path = join(options.out, `${name}.schema.json`);
    writeOutputFile('--out', path, `${JSON.stringify(schema, null, 2)}\n`);
    out.message(`wrote ${path}`);
  }
  return EXIT.ok;
}
