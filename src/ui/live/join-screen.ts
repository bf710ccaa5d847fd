import './live.css';
import type { Scenario } from '../../engine/core/scenario.ts';
import type { Exercise } from '../../engine/play/exercise.ts';
import { type ClassLook, MAX_NAME, MAX_TABLES, normaliseCode, type RosterEntry } from '../../live/messages.ts';
import { codeProblem, fieldOfError } from './join-problems.ts';
import { announce } from '../kit/announce.ts';
import { h, replace } from '../kit/dom.ts';
import type { Screen } from '../kit/screen.ts';

export interface JoinActions {
  /** The class behind a code, with its teams and who is where; or the sentence why not. */
  look(code: string): Promise<{ ok: true; value: ClassLook; scenario: Scenario | null } | { ok: false; error: string; unanswered: boolean }>;
  /** Joins; the sentence why not, or null once joined (the page then opens the table). */
  join(code: string, name: string, table: number, team: number): Promise<string | null>;
}

function field(id: string, label: string, control: HTMLElement, hint?: string): { box: HTMLElement; problem: HTMLElement } {
  const problem = h('p', { class: 'field-problem', id: `${id}-problem` });
  control.setAttribute('aria-describedby', [hint ? `${id}-hint` : '', problem.id].filter(Boolean).join(' '));
  const box = h('div', { class: 'field' }, h('label', { for: id }, label), hint ? h('p', { class: 'muted', id: `${id}-hint` }, hint) : null, control, problem);
  return { box, problem };
}

function say(problem: HTMLElement, control: HTMLElement, text: string | null) {
  problem.textContent = text ?? '';
  control.setAttribute('aria-invalid', text ? 'true' : 'false');
}

/** A team as the join screen offers it: its name, its member(s), and who is already there at the chosen table. */
function teamChoice(exercise: Exercise, scenario: Scenario | null, index: number, students: RosterEntry[], table: number, checked: boolean): HTMLElement {
  const team = exercise.teams[index];
  const roles = (team?.roles ?? []).map((r) => (r === 'chair' ? 'the chair' : (scenario?.names[r] ?? r)));
  const here = students.filter((s) => s.table === table && s.team === index);
  const id = `join-team-${index}`;
  return h(
    'li',
    { class: 'join-team', 'data-team': team?.name ?? String(index) },
    h('input', { type: 'radio', name: 'join-team', id, value: String(index), checked, 'aria-describedby': `${id}-who` }),
    h('label', { for: id }, h('strong', null, team?.name ?? `Team ${index + 1}`), roles.length ? ` · speaks for ${roles.join(', ')}` : ''),
    h('p', { class: 'muted join-who', id: `${id}-who` }, here.length ? `Already here: ${here.map((s) => s.name).join(', ')}` : 'Nobody here yet'),
  );
}

/**
 * Joining a live class: the code the teacher gives (any case, spaces ignored; filled in from the QR code),
 * then a name, a table and a team, each team saying whom it speaks for and who already sits in it. Each
 * problem is said beside its field.
 */
export function joinScreen(initialCode: string, actions: JoinActions): Screen {
  const heading = h('h1', { tabindex: '-1', id: 'screen-heading' }, 'Join a live class');
  const codeInput = h('input', {
    id: 'join-code',
    type: 'text',
    value: initialCode,
    maxlength: '20',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    class: 'join-code',
    'data-join-code': '',
  });
  const code = field('join-code', 'Class code', codeInput, 'Six letters and digits, as the teacher shows them. Capitals and spaces make no difference.');
  const next = h('button', { type: 'submit', class: 'primary', 'data-action': 'look' }, 'Continue');
  const codeForm = h('form', { class: 'join-step', novalidate: true, 'aria-label': 'The class code' }, code.box, h('div', { class: 'actions' }, next));
  const second = h('div', { class: 'join-second' });
  const el = h(
    'section',
    { class: 'screen live-join classroom', 'aria-labelledby': 'screen-heading', 'data-screen': 'live-join' },
    h('p', { class: 'kicker' }, h('a', { href: '#/' }, 'Article Four'), ' · Live class'),
    heading,
    h('p', { class: 'lede' }, 'Your teacher runs the class from their laptop. Type the code on the board, then say who you are and which team you sit in.'),
    codeForm,
    second,
  );

  let busy = false;
  codeForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    const typed = normaliseCode(codeInput.value);
    const wrong = codeProblem(typed);
    say(code.problem, codeInput, wrong);
    if (wrong) {
      codeInput.focus();
      return;
    }
    busy = true;
    next.textContent = 'Looking for the class…';
    void actions.look(typed).then((found) => {
      busy = false;
      next.textContent = 'Continue';
      if (!found.ok && !found.unanswered) {
        say(code.problem, codeInput, found.error);
        codeInput.focus();
        return;
      }
      codeInput.value = typed;
      showSecond(typed, found.ok ? found : null);
    });
  });

  function showSecond(classCode: string, found: { value: ClassLook; scenario: Scenario | null } | null) {
    // Looked up again (Continue pressed twice, or after the QR code's own look): what was typed stays.
    const before = second.querySelector<HTMLElement>(`[data-join-found="${classCode}"]`) ? second : null;
    const typedBefore = {
      name: before?.querySelector<HTMLInputElement>('#join-name')?.value ?? '',
      table: before?.querySelector<HTMLSelectElement>('#join-table')?.value ?? null,
      team: before?.querySelector<HTMLInputElement>('input[name="join-team"]:checked')?.value ?? null,
    };
    const nameInput = h('input', {
      id: 'join-name',
      type: 'text',
      maxlength: String(MAX_NAME),
      autocomplete: 'given-name',
      'data-join-name': '',
      value: typedBefore.name,
    });
    const name = field('join-name', 'Your name', nameInput, 'As your class knows you: the teacher and your team see it.');
    const formProblem = h('p', { class: 'field-problem', role: 'alert', 'data-join-problem': '' });
    const teamProblem = h('p', { class: 'field-problem', id: 'join-team-problem' });
    const look = found?.value ?? null;
    const tableCount = look?.tables ?? MAX_TABLES;
    const tableSelect = h(
      'select',
      { id: 'join-table', 'data-join-table': '' },
      Array.from({ length: tableCount }, (_, i) => h('option', { value: String(i + 1) }, `Table ${i + 1}`)),
    );
    if (typedBefore.table !== null && Number(typedBefore.table) <= tableCount) tableSelect.value = typedBefore.table;
    const table = field(
      'join-table',
      'Your table',
      tableSelect,
      look && look.tables > 1 ? `This class has ${look.tables} tables: sit at the one your teacher gave you.` : undefined,
    );
    let teamControl: HTMLElement;
    let chosenTeam: () => number | null;
    if (look) {
      const list = h('ul', { class: 'join-teams' });
      const render = () => {
        const checked = list.querySelector<HTMLInputElement>('input:checked')?.value ?? typedBefore.team ?? undefined;
        replace(
          list,
          look.exercise.teams.map((_, i) =>
            teamChoice(look.exercise, found?.scenario ?? null, i, look.students, Number(tableSelect.value), String(i) === checked),
          ),
        );
      };
      tableSelect.addEventListener('change', render);
      render();
      teamControl = h('fieldset', { class: 'join-team-set', 'aria-describedby': teamProblem.id }, h('legend', null, 'Your team'), list, teamProblem);
      chosenTeam = () => {
        const v = list.querySelector<HTMLInputElement>('input:checked')?.value;
        return v === undefined ? null : Number(v);
      };
    } else {
      // The server could not show the class's teams: the team's number, as the teacher gives it, does the same.
      const number = h('input', { id: 'join-team-number', type: 'number', min: '1', max: '12', value: '1', 'data-join-team-number': '' });
      teamControl = field('join-team-number', 'Your team’s number', number, 'The number of your team in the teacher’s list.').box;
      teamControl.append(teamProblem);
      chosenTeam = () => (Number.isInteger(Number(number.value)) && Number(number.value) >= 1 ? Number(number.value) - 1 : null);
    }
    const join = h('button', { type: 'submit', class: 'primary', 'data-action': 'join' }, 'Join the class');
    const form = h(
      'form',
      { class: 'join-step', novalidate: true, 'aria-label': 'Who you are' },
      look
        ? h(
            'p',
            { class: 'join-class' },
            'Class ',
            h('strong', { 'data-join-found': classCode }, classCode),
            look.exercise.title ? `: ${look.exercise.title}` : '',
          )
        : null,
      name.box,
      table.box,
      teamControl,
      formProblem,
      h('div', { class: 'actions' }, join),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (busy) return;
      const typedName = nameInput.value.trim().replace(/\s+/g, ' ');
      const team = chosenTeam();
      say(name.problem, nameInput, typedName ? null : 'Type your name, so that your team and the teacher know who is here.');
      teamProblem.textContent = team === null ? 'Choose your team.' : '';
      formProblem.textContent = '';
      if (!typedName) return nameInput.focus();
      if (team === null) return (form.querySelector<HTMLElement>('input[name="join-team"], #join-team-number') ?? form).focus();
      busy = true;
      join.textContent = 'Joining…';
      void actions.join(classCode, typedName, Number(tableSelect.value), team).then((refused) => {
        busy = false;
        join.textContent = 'Join the class';
        if (!refused) return;
        const where = fieldOfError(refused);
        if (where === 'code') {
          say(code.problem, codeInput, refused);
          codeInput.focus();
        } else if (where === 'name') {
          say(name.problem, nameInput, refused);
          nameInput.focus();
        } else if (where === 'team') teamProblem.textContent = refused;
        else formProblem.textContent = refused;
        announce(refused);
      });
    });
    replace(second, form);
    nameInput.focus();
  }

  // Opened from the QR code, the code is already there: the class is looked up at once.
  const given = normaliseCode(initialCode);
  if (given && codeProblem(given) === null) queueMicrotask(() => codeForm.requestSubmit());
  return {
    el,
    heading,
    announcement: given ? `Join the live class ${given}.` : 'Join a live class: type the class code your teacher gives you.',
  };
}
