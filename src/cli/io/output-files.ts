import { accessSync, closeSync, constants, mkdirSync, openSync, type Stats, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from './scenario-files.ts';

/**
 * Files a command writes (`--record`, `--csv`, `--svg`, `schema --out`). A path that cannot be written is
 * bad input, not a failed check: it exits 2 with one line, and it is found before any long work starts,
 * so a typo in a folder name does not cost a ten-minute comparison.
 */
export function checkOutputFile(flag: string, path: string): void {
  if (statOrNothing(path)?.isDirectory()) throw new InputError(`${flag} ${path}: is a folder; give a file name`);
  checkWritableFolder(flag, path, dirname(resolve(path)));
}

/** A folder to write into: it may not exist yet, but then the nearest folder above it must be writable. */
export function checkOutputFolder(flag: string, path: string): void {
  let folder = resolve(path);
  for (;;) {
    const stat = statOrNothing(folder);
    if (stat?.isDirectory()) break;
    if (stat) throw new InputError(`${flag} ${path}: ${folder === resolve(path) ? 'is' : `${folder} is`} a file, not a folder`);
    const above = dirname(folder);
    if (above === folder) break;
    folder = above;
  }
  checkWritableFolder(flag, path, folder);
}

/** What is at a path, or nothing: a path through a file (ENOTDIR) leads nowhere, as a missing one does. */
function statOrNothing(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function checkWritableFolder(flag: string, path: string, folder: string): void {
  const stat = statOrNothing(folder);
  if (!stat) throw new InputError(`${flag} ${path}: no folder ${folder}`);
  if (!stat.isDirectory()) throw new InputError(`${flag} ${path}: ${folder} is not a folder`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new InputError(`${flag} ${path}: the folder ${folder} is not writable`);
  }
}

export function writeOutputFile(flag: string, path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw writeError(flag, path, error);
  }
}

export function makeOutputFolder(flag: string, path: string): void {
  try {
    mkdirSync(path, { recursive: true });
  } catch (error) {
    throw writeError(flag, path, error);
  }
}

/** A file written a piece at a time as the work goes. */
export interface OutputStream {
  write(text: string): void;
  close(): void;
}

export function openOutputFile(flag: string, path: string): OutputStream {
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (error) {
    throw writeError(flag, path, error);
  }
  return {
    write(text) {
      try {
        writeSync(fd, text);
      } catch (error) {
        throw writeError(flag, path, error);
      }
    },
    close() {
      try {
        closeSync(fd);
      } catch (error) {
        throw writeError(flag, path, error);
      }
    },
  };
}

function writeError(flag: string, path: string, error: unknown): InputError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new InputError(`${flag} ${path}: cannot write (${reason})`);
}
