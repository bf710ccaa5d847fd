import { type LessonPlan, lessonPlan, type LessonRow, UNTIMED_MINUTES } from '../../engine/play/lesson-plan.ts';
import { roleName } from '../../engine/play/exercise.ts';
import { h } from '../kit/dom.ts';
import type { PrintContext } from './print-context.ts';

const LESSONS = [45, 90];

function rowLabel(c: PrintContext, row: LessonRow): string {
  const title = c.decisions[(row.decision ?? 0) - 1]?.development.title ?? '';
  switch (row.phase) {
    case 'briefing':
      return 'Briefing: read the handout, teams study their cards';
    case 'council':
      return `Decision ${row.decision}, the Council: ${title}`;
    case 'aftermath':
      return `Decision ${row.decision}, the aftermath`;
    case 'debrief':
      return 'Debrief';
  }
}

function timetable(c: PrintContext, plan: LessonPlan): HTMLElement {
  return h(
    'section',
    { class: 'doc-part timetable' },
    h('h3', null, `A ${plan.lesson}-minute lesson`),
    h(
      'table',
      { class: 'doc-table' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'From'), h('th', { scope: 'col' }, 'Minutes'), h('th', { scope: 'col' }, 'Phase'))),
      h(
        'tbody',
        null,
        plan.rows.map((r) => h('tr', null, h('td', null, `${r.start}′`), h('td', null, String(r.minutes)), h('td', null, rowLabel(c, r)))),
      ),
    ),
    plan.overrun
      ? h(
          'p',
          { class: 'warning' },
          `${c.classDecisions.length} decisions do not fit in ${plan.lesson} minutes even at a minute a phase: let the class take fewer.`,
        )
      : plan.scaled
        ? h('p', null, 'Your timers do not all fit: each phase is shortened by the same share.')
        : null,
  );
}

/** The teacher's guide: who holds what, the lesson's timings, the debrief's questions, and how to run the screen. */
export function guide(c: PrintContext): HTMLElement {
  const { exercise, scenario } = c;
  const { timers } = exercise.settings;
  const numbers = c.classDecisions.map((d) => d.number);
  const untimed = (['briefing', 'council', 'aftermath'] as const).filter((p) => timers[p] === 0);
  return h(
    'div',
    { class: 'printable guide' },
    h('p', { class: 'doc-kicker' }, `${exercise.title ? `${scenario.title} · ` : ''}seed “${exercise.seed}” · ${exercise.teams.length} teams`),
    h(
      'section',
      { class: 'doc-part' },
      h('h2', null, 'Teams and roles'),
      h(
        'table',
        { class: 'doc-table' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Team'), h('th', { scope: 'col' }, 'Holds'))),
        h(
          'tbody',
          null,
          exercise.teams.map((t) =>
            h(
              'tr',
              null,
              h('th', { scope: 'row' }, t.name),
              h('td', null, t.roles.length ? t.roles.map((r) => roleName(scenario, r)).join(', ') : 'nothing: it watches'),
            ),
          ),
        ),
      ),
      h(
        'p',
        null,
        `Settings: forecasts and “as in history” marks ${exercise.settings.hideForecasts ? 'hidden until the debrief' : 'shown'}; the model’s advice ${exercise.settings.showAdvice ? 'shown' : 'hidden'} to teams; timers of ${timers.briefing}, ${timers.council} and ${timers.aftermath} minutes (briefing, Council, aftermath; 0 is none). The class takes ${c.classDecisions.length === c.decisions.length ? `all ${c.decisions.length} decisions` : `decisions ${numbers.join(', ')} of ${c.decisions.length}`}; the others are played as history did.`,
      ),
    ),
    h(
      'section',
      { class: 'doc-part' },
      h('h2', null, 'Timings'),
      untimed.length
        ? h('p', null, `Phases without a timer are given their usual length here (${untimed.map((p) => `${p} ${UNTIMED_MINUTES[p]} minutes`).join(', ')}).`)
        : null,
      h(
        'div',
        { class: 'timetables' },
        LESSONS.map((minutes) => timetable(c, lessonPlan(timers, numbers, minutes))),
      ),
    ),
    h(
      'section',
      { class: 'doc-part' },
      h('h2', null, 'How to run it'),
      h(
        'ol',
        null,
        h(
          'li',
          null,
          'On the projector’s computer, open the exercise’s link (or its file, on the Classroom page) and press “Start the class”. Nothing leaves this computer.',
        ),
        h('li', null, 'Briefing: everyone reads the handout; each team reads its role cards. The chair’s team reads the chair’s card.'),
        h(
          'li',
          null,
          'At each Council, one screen for the class: each team tells you its member’s stance on each option (supports, accepts, objects, vetoes) with a sentence of argument, and you enter it for them. Members no team holds speak for themselves.',
        ),
        h('li', null, 'The chair’s team chooses the answer; you reveal what follows. Pause the timer when the class needs it.'),
        h('li', null, 'Decisions the class does not take are played as history did, and shown as such.'),
        h('li', null, 'At the end, the debrief sets the class’s run beside history: use the questions below.'),
      ),
    ),
    h(
      'section',
      { class: 'doc-part' },
      h('h2', null, 'Debrief'),
      h('h3', null, 'Questions for the whole class'),
      h(
        'ol',
        null,
        scenario.debrief.questions.map((q) => h('li', null, q)),
      ),
      h('h3', null, 'Decision by decision: what history did, and why'),
      c.classDecisions.map((d) =>
        h(
          'section',
          { class: 'debrief-decision' },
          h('h4', null, `Decision ${d.number}: ${d.development.title} (${d.development.date})`),
          h(
            'p',
            null,
            d.asInHistory
              ? h('span', null, h('strong', null, 'What the alliance did: '), `${d.option.label}.`)
              : h('span', null, h('strong', null, 'History gives no answer that passes here: '), `on this seed the historical path took “${d.option.label}”.`),
          ),
          d.development.history ? h('p', null, d.development.history) : null,
          h('p', { class: 'muted' }, 'Ask: what did your Council choose here, and who paid for it?'),
        ),
      ),
    ),
  );
}
