import { h } from '../kit/dom.ts';

/** What is wrong with one field of the form, said beside it. */
export interface FieldProblem {
  /** The id of the control the problem belongs to; null for the exercise as a whole. */
  field: string | null;
  text: string;
}

/** The place beside a control where its problem is said; the control is described by it. */
export function problemSlot(control: HTMLElement): HTMLElement {
  const id = `${control.id}-problem`;
  const described = control.getAttribute('aria-describedby');
  control.setAttribute('aria-describedby', described ? `${described} ${id}` : id);
  return h('p', { id, class: 'field-problem', 'data-problem-for': control.id });
}

/** Clears the form's problems, then says each beside its field; focus goes to the first. */
export function showProblems(form: HTMLElement, summary: HTMLElement, problems: FieldProblem[]) {
  for (const slot of form.querySelectorAll<HTMLElement>('.field-problem')) slot.textContent = '';
  for (const invalid of form.querySelectorAll('[aria-invalid="true"]')) invalid.removeAttribute('aria-invalid');
  summary.replaceChildren();
  if (problems.length === 0) return;
  const general: string[] = [];
  let first: HTMLElement | null = null;
  for (const p of problems) {
    const control = p.field ? form.querySelector<HTMLElement>(`#${p.field}`) : null;
    const slot = p.field ? form.querySelector<HTMLElement>(`#${p.field}-problem`) : null;
    if (!control || !slot) {
      general.push(p.text);
      continue;
    }
    slot.textContent = slot.textContent ? `${slot.textContent} ${p.text}` : p.text;
    control.setAttribute('aria-invalid', 'true');
    first ??= control;
  }
  const count = problems.length === 1 ? 'one problem' : `${problems.length} problems`;
  summary.append(h('p', null, `This exercise is not ready: ${count}${general.length < problems.length ? ', said beside the fields' : ''}.`));
  if (general.length)
    summary.append(
      h(
        'ul',
        null,
        general.map((t) => h('li', null, t)),
      ),
    );
  (first ?? summary).focus();
}
