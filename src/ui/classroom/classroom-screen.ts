import './classroom.css';
import type { Scenario } from '../../engine/core/scenario.ts';
import { historicalDecisions, type HistoricalDecision } from '../../engine/play/class-brief.ts';
import { type Exercise, exerciseProblems, MAX_TEAM_NAME, MAX_TEAMS, MAX_TITLE, normaliseSeed, type Role } from '../../engine/play/exercise.ts';
import { MAX_SEED_LENGTH, seedProblem } from '../../engine/play/record.ts';
import { h, replace } from '../kit/dom.ts';
import { exerciseHash, type Printable } from '../kit/route.ts';
import type { Screen } from '../kit/screen.ts';
import type { Library } from '../state/library.ts';
import { type Draft, exerciseOf, MIN_TEAMS, nextTeamName, removeTeam } from './exercise-draft.ts';
import { openExerciseFile, saveExerciseFile } from './exercise-files.ts';
import { type FieldProblem, problemSlot, showProblems } from './field-problems.ts';
import { scenarioChoices } from './scenario-choices.ts';

export interface ClassroomActions {
  /** Begins the class's run; the sentence why not, if it cannot. */
  start(exercise: Exercise): Promise<string | null>;
  /** Shows this screen again, filled in from an exercise (an opened file). */
  open(exercise: Exercise): void;
  /** A section of ways to run the exercise beyond this page (live, on the class server), given the exercise when it can be played. */
  more?(ready: () => Exercise | null): HTMLElement | null;
}

/** The longest timer the exercise keeps (its format's limit). */
const MAX_TIMER_MINUTES = 120;

const PRINTABLES: { kind: Printable; label: string }[] = [
  { kind: 'roles', label: 'Role cards' },
  { kind: 'handout', label: 'Briefing handout' },
  { kind: 'guide', label: 'Facilitator’s guide' },
];

/**
 * The teacher's setup of a classroom exercise: the scenario, a title and a seed, the teams and who holds each
 * role, the settings; then the ways out: start the class, copy its link, save it as a file, print its papers.
 * The address follows the form, so Back from a printable (or a reload) comes back to the exercise as written.
 */
export function classroomScreen(library: Library, first: Scenario, draft: Draft, actions: ClassroomActions): Screen {
  let scenario = first;
  let decisions: HistoricalDecision[] = historicalDecisions(scenario, normaliseSeed(draft.seed));
  const roles = (): Role[] => ['chair', ...scenario.members];
  const current = () => exerciseOf(draft, roles());

  const heading = h('h1', { tabindex: '-1', id: 'screen-heading' }, 'Set up a class');
  const summary = h('div', { id: 'class-problems', class: 'form-problems', role: 'alert', tabindex: '-1' });
  const fileMessage = h('p', { id: 'exercise-file-message', class: 'field-problem', role: 'alert' });

  // ---- The scenario, title and seed ----
  const scenarioSelect = h(
    'select',
    { id: 'class-scenario', name: 'scenario' },
    scenarioChoices(library).map((e) => h('option', { value: e.id, selected: e.id === draft.scenario }, e.label)),
  );
  scenarioSelect.addEventListener('change', () => void changeScenario(scenarioSelect.value));
  const scenarioNote = h('p', { class: 'muted', id: 'class-scenario-note', 'aria-live': 'polite' });
  const title = h('input', { id: 'class-title', type: 'text', value: draft.title, maxlength: MAX_TITLE, autocomplete: 'off', placeholder: scenario.title });
  title.addEventListener('input', () => {
    draft.title = title.value;
    sync();
  });
  const seed = h('input', {
    id: 'class-seed',
    type: 'text',
    value: draft.seed,
    maxlength: MAX_SEED_LENGTH,
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'class-seed-normalised',
  });
  const seedNote = h('p', { id: 'class-seed-normalised', class: 'muted', 'aria-live': 'polite' });
  const sayNormalised = () => {
    const n = normaliseSeed(seed.value);
    seedNote.replaceChildren(
      n ? h('span', null, 'The class plays the seed ', h('strong', { 'data-normalised-seed': n }, `“${n}”`), '. ') : h('span', null, 'A class needs a seed. '),
      'Capitals and extra spaces make no difference, so every group that types it, however it types it, lands in the same world.',
    );
  };
  seed.addEventListener('input', () => {
    draft.seed = seed.value;
    sayNormalised();
    sync();
  });
  // The historical path, and so the list of decisions, depends on the seed: read again once the seed is typed.
  seed.addEventListener('change', () => {
    decisions = historicalDecisions(scenario, normaliseSeed(draft.seed));
    renderDecisions();
    sync();
  });
  sayNormalised();

  // ---- Teams ----
  const teamList = h('ol', { class: 'team-list' });
  const addTeam = h('button', { type: 'button', class: 'secondary', 'data-action': 'add-team' }, 'Add a team');
  addTeam.addEventListener('click', () => {
    if (draft.teams.length >= MAX_TEAMS) return;
    draft.teams.push(nextTeamName(draft));
    renderTeams();
    renderRoles();
    sync();
    teamList.querySelector<HTMLInputElement>(`#team-name-${draft.teams.length - 1}`)?.focus();
  });
  const teamsNote = h('p', { class: 'muted', id: 'teams-note' });
  function renderTeams() {
    replace(
      teamList,
      draft.teams.map((name, i) => {
        const input = h('input', { id: `team-name-${i}`, type: 'text', value: name, maxlength: MAX_TEAM_NAME, autocomplete: 'off' });
        input.addEventListener('input', () => {
          draft.teams[i] = input.value;
          renameInRoles(i, input.value);
          sync();
        });
        const remove = h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            'data-action': 'remove-team',
            'aria-label': `Remove team ${i + 1} (${name})`,
            disabled: draft.teams.length <= MIN_TEAMS,
          },
          'Remove',
        );
        remove.addEventListener('click', () => {
          removeTeam(draft, i);
          renderTeams();
          renderRoles();
          sync();
          teamList.querySelector<HTMLInputElement>(`#team-name-${Math.min(i, draft.teams.length - 1)}`)?.focus();
        });
        return h('li', { class: 'team' }, h('label', { for: input.id }, `Team ${i + 1}`), input, remove, problemSlot(input));
      }),
    );
    addTeam.disabled = draft.teams.length >= MAX_TEAMS;
    teamsNote.textContent = `From ${MIN_TEAMS} to ${MAX_TEAMS} teams. A team may hold several roles; give each team at least one, or it only watches.`;
  }

  // ---- Roles ----
  const roleList = h('div', { class: 'role-list' });
  const teamLabel = (name: string, i: number) => name.trim() || `Team ${i + 1}`;
  function renameInRoles(i: number, name: string) {
    for (const option of roleList.querySelectorAll<HTMLOptionElement>(`option[value="${i}"]`)) option.textContent = teamLabel(name, i);
  }
  function renderRoles() {
    replace(
      roleList,
      roles().map((role) => {
        const id = `role-${role}`;
        const held = draft.holders.get(role);
        const select = h(
          'select',
          { id, 'data-role': role },
          role === 'chair'
            ? h('option', { value: '', selected: held === undefined }, 'Choose a team')
            : h('option', { value: '', selected: held === undefined }, 'Plays itself'),
          draft.teams.map((name, i) => h('option', { value: String(i), selected: held === i }, teamLabel(name, i))),
        );
        select.addEventListener('change', () => {
          if (select.value === '') draft.holders.delete(role);
          else draft.holders.set(role, Number(select.value));
          sync();
        });
        const label =
          role === 'chair'
            ? 'The chair (Secretary General)'
            : `${scenario.names[role] ?? role}${scenario.leaders[role] ? ` (${scenario.leaders[role]?.name})` : ''}`;
        return h('div', { class: 'role' }, h('label', { for: id }, label), select, problemSlot(select));
      }),
    );
  }

  // ---- Settings ----
  const settings = draft.settings;
  /** Timers whose field holds no whole number of minutes in range: the exercise keeps their last good value, and is not ready. */
  const badTimers = new Set<string>();
  const checkbox = (id: string, label: string, help: string, value: boolean, set: (v: boolean) => void) => {
    const input = h('input', { id, type: 'checkbox', checked: value, 'aria-describedby': `${id}-help` });
    input.addEventListener('change', () => {
      set(input.checked);
      sync();
    });
    return h('div', { class: 'check' }, input, h('label', { for: id }, label), h('p', { id: `${id}-help`, class: 'muted' }, help));
  };
  const timer = (phase: keyof Draft['settings']['timers'], label: string) => {
    const id = `timer-${phase}`;
    const input = h('input', { id, type: 'number', min: 0, max: MAX_TIMER_MINUTES, step: 1, inputmode: 'numeric', value: settings.timers[phase] });
    input.addEventListener('input', () => {
      const n = Number(input.value);
      const valid = input.value.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= MAX_TIMER_MINUTES;
      if (valid) {
        settings.timers[phase] = n;
        badTimers.delete(phase);
      } else badTimers.add(phase);
      sync();
    });
    return h('div', { class: 'timer' }, h('label', { for: id }, label), input, problemSlot(input));
  };
  const decisionList = h('div', { class: 'decision-list' });
  function renderDecisions() {
    const chosen = settings.classDecisions === 'all' ? null : new Set(settings.classDecisions);
    // Kept in the order of history's path, and only those on it (a scenario changed since may have lost one).
    if (chosen) settings.classDecisions = decisions.map((d) => d.development.id).filter((id) => chosen.has(id));
    const all = h('input', { id: 'decisions-all', type: 'radio', name: 'class-decisions', value: 'all', checked: chosen === null });
    const some = h('input', { id: 'decisions-chosen', type: 'radio', name: 'class-decisions', value: 'chosen', checked: chosen !== null });
    const boxes = decisions.map((d) => {
      const box = h('input', {
        id: `decision-${d.number}`,
        type: 'checkbox',
        value: d.development.id,
        checked: chosen?.has(d.development.id) ?? false,
        disabled: chosen === null,
      });
      box.addEventListener('change', () => {
        const ticked = boxes.filter((b) => b.checked).map((b) => b.value);
        settings.classDecisions = ticked;
        sync();
      });
      return box;
    });
    const pick = (takeAll: boolean) => {
      settings.classDecisions = takeAll ? 'all' : boxes.filter((b) => b.checked).map((b) => b.value);
      for (const b of boxes) b.disabled = takeAll;
      sync();
    };
    all.addEventListener('change', () => pick(true));
    some.addEventListener('change', () => pick(false));
    replace(
      decisionList,
      h(
        'fieldset',
        { id: 'class-decisions' },
        h('legend', null, 'Which decisions the class takes'),
        h(
          'p',
          { class: 'muted', id: 'class-decisions-help' },
          `On this seed, history's own choices meet ${decisions.length} decisions. Those the class does not take are played as history did.`,
        ),
        h('div', { class: 'check' }, all, h('label', { for: all.id }, `All ${decisions.length} decisions`)),
        h('div', { class: 'check' }, some, h('label', { for: some.id }, 'Only the decisions ticked below')),
        h(
          'ul',
          { class: 'decisions' },
          decisions.map((d, i) =>
            h(
              'li',
              { class: 'check' },
              boxes[i],
              h('label', { for: `decision-${d.number}` }, h('strong', null, `${d.number}. ${d.development.title}`), ` (${d.development.date})`),
            ),
          ),
        ),
        h('p', { id: 'decisions-chosen-problem', class: 'field-problem', 'data-problem-for': 'decisions-chosen' }),
      ),
    );
    some.setAttribute('aria-describedby', 'decisions-chosen-problem');
  }

  // ---- Out of it: start, link, file, printables ----
  const linkField = h('input', { id: 'class-link', type: 'text', readonly: true, 'aria-describedby': 'class-link-note' });
  const linkNote = h('p', { id: 'class-link-note', class: 'muted', 'aria-live': 'polite' });
  const linkBox = h('div', { class: 'link-box', hidden: true }, h('label', { for: linkField.id }, 'The exercise’s link'), linkField, linkNote);
  const copyLink = h('button', { type: 'button', class: 'secondary', 'data-action': 'copy-link' }, 'Copy link');
  copyLink.addEventListener('click', () => {
    const exercise = ready();
    if (!exercise) return;
    linkField.value = new URL(exerciseHash(exercise), location.href).href;
    linkBox.hidden = false;
    linkField.focus();
    linkField.select();
    const said = (copied: boolean) => {
      linkNote.textContent = copied
        ? 'Copied. Whoever opens this link gets this exercise, filled in as it is now.'
        : 'Select the link and copy it: whoever opens it gets this exercise, filled in as it is now.';
    };
    if (navigator.clipboard)
      navigator.clipboard.writeText(linkField.value).then(
        () => said(true),
        () => said(false),
      );
    else said(false);
  });
  const save = h('button', { type: 'button', class: 'secondary', 'data-action': 'save-exercise' }, 'Save exercise file');
  save.addEventListener('click', () => {
    const exercise = ready();
    if (exercise) saveExerciseFile(exercise);
  });
  const fileInput = h('input', { id: 'exercise-file', type: 'file', accept: '.json,application/json', 'aria-describedby': fileMessage.id });
  const opened = (file: File) =>
    void openExerciseFile(file).then((read) => {
      if (!read.ok) {
        fileMessage.textContent = `That file cannot be opened: ${read.error}. Nothing has changed.`;
        fileInput.value = '';
        return;
      }
      if (!library.entry(read.value.scenario)?.ok) {
        fileMessage.textContent = `That file cannot be opened: its scenario '${read.value.scenario}' is not in this version of the game. Nothing has changed.`;
        fileInput.value = '';
        return;
      }
      actions.open(read.value);
    });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) opened(file);
  });
  const printLinks = PRINTABLES.map((p) => h('a', { class: 'button secondary', 'data-printable': p.kind, href: '#/class' }, p.label));

  const form = h(
    'form',
    { class: 'class-form', novalidate: true },
    h(
      'section',
      { 'aria-labelledby': 'class-what-heading' },
      h('h2', { id: 'class-what-heading' }, 'The exercise'),
      h('div', { class: 'field' }, h('label', { for: scenarioSelect.id }, 'Scenario or campaign'), scenarioSelect, scenarioNote),
      h('div', { class: 'field' }, h('label', { for: title.id }, 'Title (optional)'), title),
      h('div', { class: 'field' }, h('label', { for: seed.id }, 'Seed'), seed, seedNote, problemSlot(seed)),
    ),
    h('section', { 'aria-labelledby': 'class-teams-heading' }, h('h2', { id: 'class-teams-heading' }, 'Teams'), teamsNote, teamList, addTeam),
    h(
      'section',
      { 'aria-labelledby': 'class-roles-heading' },
      h('h2', { id: 'class-roles-heading' }, 'Who holds each role'),
      h(
        'p',
        { class: 'muted' },
        'The chair’s team chooses the Council’s answer. A team holding a member declares that member’s stance at each Council; a member no team holds plays itself, as the model says.',
      ),
      roleList,
    ),
    h(
      'section',
      { 'aria-labelledby': 'class-settings-heading' },
      h('h2', { id: 'class-settings-heading' }, 'Settings'),
      checkbox(
        'hide-forecasts',
        'Hide forecasts and “as in history” marks until the debrief',
        'So that what history did, and what tends to happen, does not decide for the class.',
        settings.hideForecasts,
        (v) => {
          settings.hideForecasts = v;
        },
      ),
      checkbox(
        'show-advice',
        'Show each team the model’s own stance as advice',
        'Beside its declaration, what its member would say left to itself.',
        settings.showAdvice,
        (v) => {
          settings.showAdvice = v;
        },
      ),
      h(
        'fieldset',
        { class: 'timers' },
        h('legend', null, 'A timer per phase, in minutes (0 for none)'),
        timer('briefing', 'Briefing'),
        timer('council', 'Each Council'),
        timer('aftermath', 'Each aftermath'),
      ),
      decisionList,
    ),
    summary,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', 'data-action': 'start-class' }, 'Start the class'), copyLink, save),
    linkBox,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const exercise = ready();
    if (!exercise) return;
    void actions.start(exercise).then((why) => {
      if (why) showProblems(form, summary, [{ field: null, text: why }]);
    });
  });

  const el = h(
    'section',
    { class: 'screen classroom', 'aria-labelledby': 'screen-heading', 'data-screen': 'class-setup' },
    h('p', { class: 'kicker' }, h('a', { href: '#/' }, 'Article Four'), ' · Classroom'),
    heading,
    h(
      'p',
      { class: 'lede' },
      'Prepare an exercise once: every laptop and the projector that opens its link or its file plays the same crisis, on the same seed, with the same teams.',
    ),
    h(
      'section',
      { class: 'class-file', 'aria-labelledby': 'class-file-heading' },
      h('h2', { id: 'class-file-heading' }, 'Open an exercise file'),
      h('div', { class: 'drop' }, h('label', { for: fileInput.id }, 'An exercise file saved here before (or drop it on this page)'), fileInput, fileMessage),
    ),
    form,
    actions.more?.(() => ready()) ?? null,
    h(
      'section',
      { 'aria-labelledby': 'class-print-heading' },
      h('h2', { id: 'class-print-heading' }, 'Printables'),
      h('p', { class: 'muted' }, 'Papers for the class, for this exercise as it stands: a card for each role, a briefing for everyone, and a guide for you.'),
      h('div', { class: 'actions' }, printLinks),
    ),
  );
  el.addEventListener('dragover', (event) => event.preventDefault());
  el.addEventListener('drop', (event) => {
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    if (file) opened(file);
  });

  /** What is wrong with the exercise as written, each beside its field. */
  function problems(): FieldProblem[] {
    const found: FieldProblem[] = [];
    const n = normaliseSeed(draft.seed);
    if (!n) found.push({ field: 'class-seed', text: 'A class needs a seed, so that every group plays the same world.' });
    const tooLong = seedProblem(n);
    if (tooLong) found.push({ field: 'class-seed', text: `This seed cannot be played: ${tooLong}.` });
    draft.teams.forEach((name, i) => {
      if (!name.trim()) found.push({ field: `team-name-${i}`, text: `Team ${i + 1} needs a name.` });
    });
    for (const phase of badTimers) found.push({ field: `timer-${phase}`, text: `A timer is a whole number of minutes from 0 to ${MAX_TIMER_MINUTES}.` });
    if (settings.classDecisions !== 'all' && settings.classDecisions.length === 0) {
      found.push({ field: 'decisions-chosen', text: 'Tick at least one decision, or let the class take them all.' });
    }
    const exercise = current();
    for (const text of exerciseProblems(exercise, scenario)) {
      const twice = /^two teams are called "(.*)"$/.exec(text);
      const field = text.startsWith('no team holds the chair')
        ? 'role-chair'
        : twice
          ? `team-name-${draft.teams.findLastIndex((t) => t.trim().toLowerCase() === (twice[1] ?? '').toLowerCase())}`
          : null;
      found.push({ field, text: `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}.` });
    }
    return found;
  }

  /** The exercise, when it can be played; otherwise its problems are shown and null. */
  function ready(): Exercise | null {
    const found = problems();
    showProblems(form, summary, found);
    return found.length ? null : current();
  }

  /** The address and the printables follow the form: Back from a printable, or a reload, finds it as written. */
  function sync() {
    const exercise = current();
    history.replaceState(null, '', exerciseHash(exercise));
    for (const [i, p] of PRINTABLES.entries()) printLinks[i]?.setAttribute('href', exerciseHash(exercise, p.kind));
    linkBox.hidden = true;
  }

  async function changeScenario(id: string) {
    scenarioNote.textContent = 'Loading the scenario…';
    const loaded = await library.load(id);
    if (!loaded.ok) {
      scenarioNote.textContent = `That scenario cannot be used: ${loaded.error}.`;
      scenarioSelect.value = scenario.id;
      return;
    }
    scenario = loaded.value;
    draft.scenario = id;
    // Members of the old scenario that have no seat in the new one are let go; the chair stays.
    for (const role of [...draft.holders.keys()]) if (role !== 'chair' && !scenario.members.includes(role)) draft.holders.delete(role);
    decisions = historicalDecisions(scenario, normaliseSeed(draft.seed));
    title.placeholder = scenario.title;
    scenarioNote.textContent = `${scenario.premise}`;
    renderRoles();
    renderDecisions();
    sync();
  }

  scenarioNote.textContent = scenario.premise;
  renderTeams();
  renderRoles();
  renderDecisions();
  sync();
  return { el, heading, announcement: 'Set up a class: the scenario, the seed, the teams and their roles, the settings.' };
}
