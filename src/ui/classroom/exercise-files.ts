import { fail, type Result } from '../../engine/core/result.ts';
import { type Exercise, exerciseFile, readExerciseFile } from '../../engine/play/exercise.ts';

/** Larger than any exercise can be: a file this big is something else, and is not read whole. */
const MAX_FILE_BYTES = 100_000;

/** The exercise saved as a .json file, through an ordinary download link; its URL is let go once the download began. */
export function saveExerciseFile(exercise: Exercise) {
  const url = URL.createObjectURL(new Blob([exerciseFile(exercise)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${fileStem(exercise)}.exercise.json`;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function fileStem(exercise: Exercise): string {
  const name = (exercise.title || `${exercise.scenario} ${exercise.seed}`).replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return name.slice(0, 60) || 'exercise';
}

/** An exercise read from a file the teacher opened or dropped: the engine's sentence when it is not one. */
export async function openExerciseFile(file: File): Promise<Result<Exercise>> {
  if (file.size > MAX_FILE_BYTES) return fail('it is too large to be an exercise');
  try {
    return readExerciseFile(await file.text());
  } catch {
    return fail('it could not be read');
  }
}
