import { fail, ok, type Result } from '../../engine/core/result.ts';
import { readRunRecord, type RunRecord } from '../../engine/play/record.ts';
import { compareText } from '../../engine/core/text-order.ts';
import { readExercise, type Exercise } from '../../engine/play/exercise.ts';

/**
 * Saved runs: one key per slot in localStorage, each holding the run record (the decision log), never a
 * snapshot of the machine. A slot that cannot be read is reported and left as it is; a write that fails
 * (a full quota) leaves the previous save in place, if there is one, because a key is only replaced by a
 * whole new value.
 */
export const SAVE_FORMAT = 1;
export const MAX_SLOTS = 12;
const PREFIX = 'article-four.run.';

export interface SaveData {
  save: number;
  slot: string;
  /** How the run began: a new game, a link, or a branch of another run. */
  label: string;
  /** What the player calls the run: given when it begins, and theirs to change. Empty in saves older than names. */
  name: string;
  /** The run this one branched from (by its name then) and at which decision; absent for a run begun afresh. */
  branch?: RunBranch;
  /** Where the run was left: on the aftermath of its last decision, or (absent) before its next one. */
  at?: 'aftermath';
  /** The classroom exercise this run plays, when a class began it. */
  exercise?: Exercise;
  savedAt: string;
  record: RunRecord;
}

export interface RunBranch {
  of: string;
  /** 1-based: the decision taken again on the branch. */
  decision: number;
}

/** What a save says about its run beside the record: its name, where it came from, where it was left. */
export interface RunMeta {
  label: string;
  name: string;
  branch?: RunBranch;
  at?: 'aftermath';
  exercise?: Exercise;
}

export const MAX_NAME_LENGTH = 80;

/** A save that cannot be read, kept as it is: its slot, so that it can still be listed and deleted, and why. */
export interface UnreadableSave {
  slot: string;
  reason: string;
}

export type SlotRead = Result<SaveData, UnreadableSave>;
export type WriteResult = Result<void>;

export const slotOf = (read: SlotRead): string => (read.ok ? read.value.slot : read.error.slot);

/** The slot a storage key holds, or null for a key that is not a saved run. */
export const slotOfKey = (key: string): string | null => (key.startsWith(PREFIX) ? key.slice(PREFIX.length) : null);

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function parseSave(slot: string, text: string): SlotRead {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail({ slot, reason: 'this save is damaged (it is not readable data)' });
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return fail({ slot, reason: 'this save is damaged (it is not a saved run)' });
  const d = data as Record<string, unknown>;
  if (typeof d.save !== 'number') return fail({ slot, reason: 'this save is damaged (it has no version)' });
  if (d.save > SAVE_FORMAT)
    return fail({ slot, reason: `this run was saved by a newer version of the game (save format ${d.save}; this version reads up to ${SAVE_FORMAT})` });
  const record = readRunRecord(d.record);
  if (!record.ok) return fail({ slot, reason: record.error.startsWith('this run') ? record.error : `this save is damaged (${record.error})` });
  const branch = d.branch as Record<string, unknown> | undefined;
  const exercise = d.exercise === undefined ? undefined : readExercise(d.exercise);
  if (exercise && !exercise.ok) return fail({ slot, reason: `this save's class exercise is damaged (${exercise.error})` });
  return ok({
    save: d.save,
    slot,
    label: typeof d.label === 'string' ? d.label.slice(0, 200) : '',
    name: typeof d.name === 'string' ? d.name.slice(0, MAX_NAME_LENGTH) : '',
    branch:
      branch && typeof branch.of === 'string' && typeof branch.decision === 'number' ? { of: branch.of.slice(0, 200), decision: branch.decision } : undefined,
    at: d.at === 'aftermath' && record.value.decisions.length > 0 ? 'aftermath' : undefined,
    ...(exercise?.ok ? { exercise: exercise.value } : {}),
    savedAt: typeof d.savedAt === 'string' ? d.savedAt : '',
    record: record.value,
  });
}

export function listSlots(): SlotRead[] {
  const store = storage();
  if (!store) return [];
  const slots: SlotRead[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    slots.push(parseSave(key.slice(PREFIX.length), store.getItem(key) ?? ''));
  }
  const time = (s: SlotRead) => (s.ok ? s.value.savedAt : '');
  return slots.sort((a, b) => compareText(time(b), time(a)) || compareText(slotOf(a), slotOf(b)));
}

export function readSlot(slot: string): SlotRead | null {
  const text = storage()?.getItem(PREFIX + slot);
  return text === null || text === undefined ? null : parseSave(slot, text);
}

export function writeSlot(slot: string, meta: RunMeta, record: RunRecord): WriteResult {
  const store = storage();
  if (!store) return fail('This browser does not allow the game to save: the run goes on, but will not survive a reload.');
  const isNew = store.getItem(PREFIX + slot) === null;
  // A save that cannot be read stays listed until the player deletes it, but holds no place a run needs.
  if (isNew && listSlots().filter((read) => read.ok).length >= MAX_SLOTS) {
    return fail(`All ${MAX_SLOTS} save slots are in use: delete a saved run on the Choose screen to keep this one.`);
  }
  const data: SaveData = { save: SAVE_FORMAT, slot, ...meta, savedAt: new Date().toISOString(), record };
  try {
    store.setItem(PREFIX + slot, JSON.stringify(data));
    return ok(undefined);
  } catch (error) {
    const name = (error as DOMException).name;
    const kept = isNew
      ? 'This run is not saved yet: it has no earlier save to fall back on, and will not survive a reload until a save succeeds.'
      : 'The previous save of this run is kept.';
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') {
      return fail(
        `Could not save: this browser's storage is full. ${kept} Delete saved runs you no longer need; the game tries again after the next decision.`,
      );
    }
    return fail(`Could not save (${(error as Error).message}). ${kept}`);
  }
}

export function deleteSlot(slot: string): void {
  storage()?.removeItem(PREFIX + slot);
}

/** A save exactly as stored, to put back if the player undoes its deletion; null when there is none. */
export function slotText(slot: string): string | null {
  return storage()?.getItem(PREFIX + slot) ?? null;
}

/** Puts a save back as it was stored (undoing its deletion); false if the browser refused. */
export function restoreSlot(slot: string, text: string): boolean {
  try {
    storage()?.setItem(PREFIX + slot, text);
    return true;
  } catch {
    return false;
  }
}

/** Gives a saved run a new name, leaving the rest of its save as it was. */
export function renameSlot(slot: string, name: string): WriteResult {
  const text = slotText(slot);
  const read = text === null ? null : parseSave(slot, text);
  if (!read?.ok) return fail('That saved run is no longer in this browser.');
  try {
    const stored = JSON.parse(text ?? '{}') as Record<string, unknown>;
    storage()?.setItem(PREFIX + slot, JSON.stringify({ ...stored, name: name.slice(0, MAX_NAME_LENGTH) }));
    return ok(undefined);
  } catch (error) {
    return fail(`Could not rename the run (${(error as Error).message}).`);
  }
}

/** The saved run whose record is this one, decision for decision: opening the same link again finds it. */
export function findSavedRun(record: RunRecord): string | null {
  const same = (r: RunRecord) =>
    r.scenario === record.scenario &&
    r.seed === record.seed &&
    r.contentHash === record.contentHash &&
    r.decisions.length === record.decisions.length &&
    r.decisions.every((d, i) => d === record.decisions[i]) &&
    JSON.stringify(r.declared ?? null) === JSON.stringify(record.declared ?? null);
  const found = listSlots().find((read) => read.ok && same(read.value.record));
  return found?.ok ? found.value.slot : null;
}

/** The names saved runs go by: a save older than names is called after its scenario, seed and day. */
export function nameOf(save: SaveData, scenarioTitle: string): string {
  return save.name || defaultRunName(scenarioTitle, save.record.seed, save.savedAt);
}

export function defaultRunName(scenarioTitle: string, seed: string, isoDate: string): string {
  return `${scenarioTitle}, seed ${seed}${isoDate ? `, ${isoDate.slice(0, 10)}` : ''}`.slice(0, MAX_NAME_LENGTH);
}

/** A name no saved run has yet: the one wanted, or it with a number after it. */
export function unusedName(wanted: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  if (!names.has(wanted)) return wanted;
  for (let i = 2; ; i++) {
    const numbered = `${wanted} (${i})`;
    if (!names.has(numbered)) return numbered;
  }
}

export function newSlotId(): string {
  const random = Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return `${Date.now().toString(36)}${random}`;
}

/** A fresh seed for a new run: short enough to read aloud to a class. */
export function newSeed(): string {
  const words = [
    'amber',
    'birch',
    'cedar',
    'delta',
    'ember',
    'flint',
    'granite',
    'harbor',
    'iris',
    'juniper',
    'kestrel',
    'linden',
    'maple',
    'north',
    'onyx',
    'pine',
    'quartz',
    'river',
    'steppe',
    'tundra',
    'upland',
    'valley',
    'willow',
    'yarrow',
  ];
  const pick = () => words[Math.floor(Math.random() * words.length)];
  return `${pick()}-${pick()}-${Math.floor(Math.random() * 100)}`;
}
