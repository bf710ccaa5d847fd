import { MAX_SEED_LENGTH, normaliseSeed, seedProblem } from '../../engine/play/record.ts';
import { h } from '../kit/dom.ts';

export interface SeedField {
  el: HTMLElement;
  /** The seed to play, or null when it cannot begin a run: the field then says why and takes focus. */
  read(): string | null;
}

/**
 * The optional seed. It takes no more than a run's record keeps, so a run begun here can always be saved,
 * reloaded and shared; at the limit it says so, rather than leaving a keyboard that seems to have stopped.
 */
export function seedField(): SeedField {
  const input = h('input', {
    id: 'seed',
    name: 'seed',
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    maxlength: MAX_SEED_LENGTH,
    'aria-describedby': 'seed-help seed-message',
  });
  const message = h('p', { id: 'seed-message', class: 'field-message', 'aria-live': 'polite' });
  const say = (text: string, invalid: boolean) => {
    message.textContent = text;
    message.classList.toggle('field-error', invalid);
    if (invalid) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };
  input.addEventListener('input', () => {
    say(input.value.length >= MAX_SEED_LENGTH ? `A seed is at most ${MAX_SEED_LENGTH} characters: this one is at the limit.` : '', false);
  });
  const el = h(
    'div',
    { class: 'seed-field' },
    h('label', { for: 'seed' }, 'Seed (optional)'),
    input,
    h(
      'p',
      { id: 'seed-help', class: 'muted' },
      `The same seed and the same decisions always give the same run: a class can play one seed in teams and compare. Capitals and extra spaces do not count ("Class 7B" is "class 7b"). Leave it empty for a new one; up to ${MAX_SEED_LENGTH} characters.`,
    ),
    message,
  );
  return {
    el,
    read() {
      // Typed as a class types it from the board: one seed however it was capitalised or spaced.
      const seed = normaliseSeed(input.value);
      const problem = seedProblem(seed);
      if (!problem) return seed;
      say(`This seed cannot be played: ${problem}. Shorten it, or leave it empty for a new one.`, true);
      input.focus();
      return null;
    },
  };
}
