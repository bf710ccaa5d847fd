import '../outlook/outlook.css';
import './class-results.css';
import { announce } from '../kit/announce.ts';
import { h, replace, uid } from '../kit/dom.ts';
import type { Screen } from '../kit/screen.ts';
import { Downloads } from '../outlook/files.ts';
import type { Library } from '../state/library.ts';
import { listSlots, nameOf } from '../state/saves.ts';
import { classArguments } from './class-arguments.ts';
import { classExports } from './class-exports.ts';
import { ClassRuns } from './class-runs.ts';
import { classSimulation, type Simulation } from './class-simulation.ts';
import { decisionsTable, replayNotes, summaryTable } from './class-tables.ts';
import { groupCharts } from './group-charts.ts';
import { takeHandedOverRuns } from './handed-over-runs.ts';
import { type Incoming, type IncomingRun, readLinks, readRecordFile } from './incoming-runs.ts';

/**
 * Class results: every group's run of an exercise side by side (decisions against history, endings,
 * meters over time, the arguments given), the class against simulated runs, and files to take away.
 * The runs come in as share links pasted many at once, record files, or this browser's saves; they stay
 * in this page only. This module is loaded when the screen is first opened.
 */
const kept = new ClassRuns();

export interface ClassResultsSpec {
  library: Library;
}

export function classResultsScreen(spec: ClassResultsSpec): Screen {
  const { library } = spec;
  const heading = h('h1', { tabindex: '-1', id: 'screen-heading' }, 'Class results');
  const problems = h('ul', { class: 'input-problems', 'data-problems': '' });
  const groupsList = h('div', { class: 'class-groups' });
  const resultsEl = h('div', { class: 'class-results-body' });
  let downloads = new Downloads();
  let simulations: Simulation[] = [];
  let gone = false;

  const showProblems = (found: string[]) => {
    replace(
      problems,
      found.map((p) => h('li', { class: 'notice notice-error' }, p)),
    );
  };

  const stopSimulations = () => {
    for (const s of simulations) s.stop();
    simulations = [];
  };

  const renderResults = () => {
    stopSimulations();
    downloads.dispose();
    downloads = new Downloads();
    const sets = kept.byScenario();
    if (sets.length === 0) {
      replace(resultsEl, h('p', { class: 'muted' }, 'No runs yet: bring in the class’s runs above, and their results appear here.'));
      return;
    }
    const all = sets.flatMap((s) => s.groups);
    replace(
      resultsEl,
      sets.length > 1
        ? h(
            'p',
            { class: 'notice notice-info', 'data-mixed': String(sets.length) },
            `These runs are of ${sets.length} different scenarios: each scenario’s groups are shown on their own, one after the other.`,
          )
        : null,
      sets.map(({ scenario, groups }) => {
        const id = uid('class-set');
        const simulation = classSimulation({ scenario, groups, sources: () => library.sources(scenario.id), gone: () => gone });
        simulations.push(simulation);
        return h(
          'section',
          { class: 'class-set', 'aria-labelledby': `${id}-heading`, 'data-scenario': scenario.id },
          h('h2', { id: `${id}-heading` }, `${scenario.title}: ${groups.length} ${groups.length === 1 ? 'group' : 'groups'}`),
          summaryTable(scenario, groups),
          replayNotes(groups),
          decisionsTable(scenario, groups),
          classArguments(scenario, groups, `${id}-arguments`),
          groupCharts(groups, `${id}-charts`),
          simulation.el,
        );
      }),
      classExports(all, downloads),
    );
  };

  const renderGroups = () => {
    const groups = kept.groups;
    replace(
      groupsList,
      groups.length
        ? h(
            'ol',
            { class: 'group-names' },
            groups.map((g, k) => {
              const inputId = `group-name-${k + 1}`;
              const input = h('input', { id: inputId, type: 'text', value: g.name, maxlength: '80', autocomplete: 'off', 'data-group-name': g.key });
              const problem = h('span', { class: 'field-problem', id: `${inputId}-problem` });
              input.addEventListener('change', () => {
                const refused = kept.rename(g.key, input.value);
                problem.textContent = refused ?? '';
                input.setAttribute('aria-invalid', refused ? 'true' : 'false');
                if (refused) return;
                input.value = kept.groups.find((x) => x.key === g.key)?.name ?? input.value;
                renderResults();
                announce(`The group is now called ${input.value}.`);
              });
              const remove = h('button', { type: 'button', class: 'secondary', 'data-action': 'remove-group', 'aria-label': `Remove ${g.name}` }, 'Remove');
              remove.addEventListener('click', () => {
                kept.remove(g.key);
                update();
                groupsHeading.focus();
                announce(`${g.name} is removed.`);
              });
              return h(
                'li',
                null,
                h('label', { for: inputId }, `Group ${k + 1} (${g.scenario.title}, seed ${g.group.run.seed})`),
                h('span', { class: 'group-row' }, input, remove),
                problem,
              );
            }),
          )
        : h('p', { class: 'muted' }, 'No runs brought in yet.'),
      groups.length
        ? h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              'data-action': 'clear-groups',
              onclick: () => {
                kept.clear();
                update();
                groupsHeading.focus();
                announce('Every run is removed from the class results.');
              },
            },
            'Remove them all',
          )
        : null,
    );
  };

  const update = () => {
    renderGroups();
    renderResults();
  };

  /** Adds what was read, then says what came in and what did not, each problem in a sentence of its own. */
  const bring = async (incoming: Incoming) => {
    const before = kept.groups.length;
    const refused = [...incoming.problems, ...(await kept.add(library, incoming.runs))];
    if (gone) return;
    const added = kept.groups.length - before;
    showProblems(refused);
    update();
    status.textContent = `${added} ${added === 1 ? 'run' : 'runs'} added${refused.length ? `; ${refused.length} could not be used (below)` : ''}.`;
    announce(`${status.textContent} ${refused.join(' ')}`);
  };

  const links = h('textarea', { id: 'class-links', rows: '5', spellcheck: 'false', 'aria-describedby': 'class-links-hint' });
  const addLinks = h('button', { type: 'button', class: 'primary', 'data-action': 'add-links' }, 'Add these runs');
  addLinks.addEventListener('click', () => {
    const read = readLinks(links.value);
    if (read.runs.length === 0 && read.problems.length === 0) {
      status.textContent = 'Paste the groups’ share links first.';
      announce(status.textContent);
      links.focus();
      return;
    }
    // What was read is taken out of the box; the links that could not be are left there to be mended.
    void bring(read).then(() => {
      links.value = (read.unread ?? []).join('\n');
    });
  });

  const files = h('input', { id: 'class-files', type: 'file', multiple: true, accept: '.json,application/json', 'aria-describedby': 'class-files-hint' });
  const readFiles = async (list: FileList | null) => {
    const incoming: Incoming = { runs: [], problems: [] };
    for (const file of Array.from(list ?? [])) {
      const read = readRecordFile(file.name, await file.text());
      incoming.runs.push(...read.runs);
      incoming.problems.push(...read.problems);
    }
    await bring(incoming);
    files.value = '';
  };
  files.addEventListener('change', () => void readFiles(files.files));
  const drop = h(
    'div',
    { class: 'drop-zone' },
    h('label', { for: 'class-files' }, 'Record files'),
    h(
      'p',
      { id: 'class-files-hint', class: 'muted' },
      'Choose the files, or drop them here: the JSON records the command line writes (run --record), saves, or this screen’s own JSON.',
    ),
    files,
  );
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('dragging');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('dragging');
    void readFiles((event as DragEvent).dataTransfer?.files ?? null);
  });

  const saved = listSlots().flatMap((read): IncomingRun[] =>
    read.ok
      ? [
          {
            source: `Your saved run “${nameOf(read.value, library.entry(read.value.record.scenario)?.title ?? '')}”`,
            record: read.value.record,
            name: nameOf(read.value, library.entry(read.value.record.scenario)?.title ?? ''),
          },
        ]
      : [],
  );
  const addSaved = saved.length
    ? h('button', { type: 'button', class: 'secondary', 'data-action': 'add-saved' }, `Add my saved runs (${saved.length})`)
    : h('span', { class: 'muted' }, 'No saved runs in this browser.');
  addSaved.addEventListener('click', () => void bring({ runs: saved, problems: [] }));

  const status = h('p', { class: 'input-status', 'data-status': '' });
  const groupsHeading = h('h2', { id: 'class-groups-heading', tabindex: '-1' }, 'The groups');

  const el = h(
    'section',
    { class: 'screen class-results', 'aria-labelledby': 'screen-heading' },
    h('p', { class: 'kicker no-print' }, h('a', { href: '#/' }, 'Article Four'), ' · Classroom'),
    heading,
    h(
      'p',
      { class: 'lede' },
      'Every group’s run side by side: its decisions against what history chose on the same seed, where it ended, the meters over time; then the class against a thousand simulated runs. Nothing leaves this computer.',
    ),
    h(
      'section',
      { class: 'class-input no-print', 'aria-labelledby': 'class-input-heading' },
      h('h2', { id: 'class-input-heading' }, 'Bring in the class’s runs'),
      h('label', { for: 'class-links' }, 'Share links'),
      h(
        'p',
        { id: 'class-links-hint', class: 'muted' },
        'Paste as many as you have, one per line or separated by spaces. A name written on a link’s line (“Hawks: https://…”) names its group.',
      ),
      links,
      h('p', { class: 'actions' }, addLinks, addSaved),
      drop,
      status,
      problems,
    ),
    h('section', { class: 'class-groups-section no-print', 'aria-labelledby': 'class-groups-heading' }, groupsHeading, groupsList),
    resultsEl,
  );
  update();
  // A live class's tables, handed over by its dashboard: brought in as if their links had been pasted.
  const handed = takeHandedOverRuns();
  if (handed) void bring(readLinks(handed));
  return {
    el,
    heading,
    announcement: `Class results. ${kept.groups.length ? `${kept.groups.length} runs brought in.` : 'Paste the groups’ share links, or choose their record files.'}`,
    dispose: () => {
      gone = true;
      stopSimulations();
      downloads.dispose();
    },
  };
}
