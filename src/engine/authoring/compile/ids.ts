import type { RulesFile, ScenarioFile } from '../format/schema.ts';
import { formatPath } from '../format/problem.ts';
import type { Path } from './places.ts';
import { report, type Scope } from './scope.ts';

interface IdAt {
  id: string;
  path: Path;
}

/** Reports every id used a second time, pointing back at its first use. */
export function checkUnique(scope: Scope, ids: readonly IdAt[], label: string): void {
  const seen = new Map<string, Path>();
  for (const { id, path } of ids) {
    const first = seen.get(id);
    if (first !== undefined) report(scope, path, `duplicate ${label} id '${id}' (first used at ${formatPath(first)})`);
    else seen.set(id, path);
  }
}

const numbered = (ids: readonly string[], pathOf: (i: number) => Path): IdAt[] => ids.map((id, i) => ({ id, path: pathOf(i) }));

/** Ids are unique where they are referred to; `end` is reserved for the end of a run. */
export function checkIds(scope: Scope, file: ScenarioFile, rules: RulesFile): void {
  const developments = file.developments.map((d) => d.id);
  const options = file.developments.flatMap((d, di) => d.options.map((o, oi): IdAt => ({ id: o.id, path: ['developments', di, 'options', oi, 'id'] })));
  const standing = rules.reactions.length;
  checkUnique(
    scope,
    numbered(developments, (i) => ['developments', i, 'id']),
    'development',
  );
  checkUnique(scope, options, 'option');
  checkUnique(
    scope,
    numbered(scope.vocabulary.reactions, (i) => (i < standing ? ['(rules) reactions', i] : ['reactions', i - standing, 'id'])),
    'reaction',
  );
  checkUnique(
    scope,
    numbered(scope.vocabulary.variables, (i) => ['variables', i, 'id']),
    'variable',
  );
  checkUnique(
    scope,
    numbered(
      file.endings.map((e) => e.id),
      (i) => ['endings', i, 'id'],
    ),
    'ending',
  );
  checkUnique(
    scope,
    numbered(
      (file.expectations ?? []).map((e) => e.id),
      (i) => ['expectations', i, 'id'],
    ),
    'expectation',
  );
  for (const reserved of ['end']) {
    for (const [i, d] of developments.entries()) if (d === reserved) report(scope, ['developments', i, 'id'], `'${reserved}' is reserved`);
  }
}
