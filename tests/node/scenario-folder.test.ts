import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_BYTES } from '../../src/engine/authoring/yaml-document.ts';
import { fixtureFiles, libraryFiles, PROJECT_ROOT, readProjectFile, RULES_FILE, rulesFile, yamlPathsIn } from '../../src/node/scenario-folder.ts';

describe('the scenario folders', () => {
  it('should find the project root from the module, wherever the tests run from', () => {
    expect(existsSync(join(PROJECT_ROOT, 'package.json'))).toBe(true);
    expect(existsSync(join(PROJECT_ROOT, RULES_FILE))).toBe(true);
  });

  it('should name files by their path from the root, as problems show them', () => {
    expect(rulesFile().file).toBe('scenarios/rules.yaml');
    expect(rulesFile().text).toMatch(/^kind: rules/m);
    expect(readProjectFile('tests/fixtures/scenarios/request_for_help.yaml').file).toBe('tests/fixtures/scenarios/request_for_help.yaml');
  });

  it('should list the library sorted, without the standing rules, and the fixtures apart from it', () => {
    const library = libraryFiles().map((f) => f.file);
    expect(library).toEqual([...library].sort());
    expect(library).toContain('scenarios/armenia_2022.yaml');
    expect(library).not.toContain(RULES_FILE);
    expect(library.every((f) => /^scenarios\/[^/]+\.yaml$/.test(f))).toBe(true);
    expect(fixtureFiles().map((f) => f.file)).toContain('tests/fixtures/scenarios/request_for_help.yaml');
  });

  it('should list nothing in a folder that is not there', () => {
    expect(yamlPathsIn('no/such/folder')).toEqual([]);
  });

  it('should list only regular files, and read no more of a file than a scenario may hold', () => {
    const root = mkdtempSync(join(tmpdir(), 'folder-'));
    try {
      mkdirSync(join(root, 'lib'));
      writeFileSync(join(root, 'lib', 'a.yaml'), 'kind: scenario\n');
      mkdirSync(join(root, 'lib', 'folder.yaml'));
      symlinkSync('/dev/zero', join(root, 'lib', 'endless.yaml'));
      writeFileSync(join(root, 'lib', 'huge.yaml'), 'x'.repeat(MAX_BYTES + 5000));
      expect(yamlPathsIn('lib', root)).toEqual(['lib/a.yaml', 'lib/huge.yaml']);
      expect(readProjectFile('lib/huge.yaml', root).text.length).toBe(MAX_BYTES + 1);
      expect(readProjectFile('lib/a.yaml', root).text).toBe('kind: scenario\n');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
