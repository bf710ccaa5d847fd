import { existsSync, readFileSync } from 'node:fs';
import { fail, type Result } from '../../engine/core/result.ts';
import { readRunRecord, type RunRecord } from '../../engine/play/record.ts';
import { decodeRunParams } from '../../engine/play/share-link.ts';

/** A run record from a file (JSON, as `run --record` writes) or from a share link. */
export function readRecordArgument(argument: string): Result<RunRecord> {
  if (existsSync(argument)) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(argument, 'utf8'));
    } catch (error) {
      return fail(`${argument}: not a run record (not JSON: ${(error as Error).message})`);
    }
    const check = readRunRecord(data);
    return check.ok ? check : fail(`${argument}: ${check.error}`);
  }
  if (/[?#&]?(v|s|seed)=/.test(argument)) return decodeRunParams(argument);
  return fail(`${argument}: no such file, and not a share link`);
}
