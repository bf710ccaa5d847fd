import './changes.css';
import type { Run } from '../../engine/play/run.ts';
import { causeText, explain, type ExplainedChange } from '../../engine/rules/explain.ts';
import type { Change } from '../../engine/core/world.ts';
import type { Scenario } from '../../engine/core/scenario.ts';
import { h, hidden, type Child } from './dom.ts';
import { signed, valueName } from './format.ts';
import { changeMeaning, statusMeaning, type ChangeMeaning } from '../../engine/rules/meter-meaning.ts';
import { sentence, sourceText } from './sources.ts';

/** What a change did, in words: "Armenia's loyalty −18.0". */
export function amountText(scenario: Scenario, c: Change): string {
  const name = valueName(scenario, c.target);
  if (typeof c.before === 'number' && typeof c.after === 'number') return `${name} ${signed(c.after - c.before)}`;
  return `${name}: ${c.before} → ${c.after}`;
}

/** Whether a change is good or bad for the alliance, as the engine reads it (not whether it went up). */
function meaningOf(scenario: Scenario, c: Change): ChangeMeaning {
  if (typeof c.before === 'number' && typeof c.after === 'number') return changeMeaning(scenario, c.target, c.after - c.before);
  return typeof c.after === 'string' && c.before !== c.after ? statusMeaning(c.after) : 'neutral';
}

/** Good and bad said in a word as well as a colour: a visible mark, and the words a screen reader reads. */
export function meaningMark(meaning: ChangeMeaning): Child {
  if (meaning === 'neutral') return null;
  return h('span', { class: `meaning meaning-${meaning}` }, ` ${meaning === 'good' ? '✓ good' : '✗ bad'}`, hidden(' for the alliance'));
}

/** One change as a line: amount, why, and on what authority. */
export function changeLine(scenario: Scenario, c: Change, withCause = true): HTMLElement {
  const source = sourceText(scenario, c.cause.source, c.cause.assumption);
  return h(
    'p',
    { class: 'change' },
    h('span', { class: `amount ${meaningOf(scenario, c)}` }, amountText(scenario, c), meaningMark(meaningOf(scenario, c))),
    withCause ? ` (${causeText(scenario, c.cause)})` : '',
    `: ${sentence(c.cause.why)}`,
    source ? h('span', { class: 'source' }, ` Source: ${sentence(source)}`) : '',
  );
}

function chainList(scenario: Scenario, items: ExplainedChange[]): HTMLElement {
  return h(
    'ul',
    { class: 'chain' },
    items.map((item) =>
      h(
        'li',
        null,
        changeLine(scenario, item.change),
        item.because.length ? [h('p', { class: 'because' }, 'because:'), chainList(scenario, item.because)] : null,
      ),
    ),
  );
}

/** The changes that made this one happen (a reaction fires because loyalty fell...), down the chain. */
export function chainOf(run: Run, c: Change): ExplainedChange[] {
  return explain(run.world, c.target).changes.find((e) => e.change.seq === c.seq)?.because ?? [];
}

/** A change with its chain open to follow: "because" lists what triggered it, and what triggered that. */
export function changeWithChain(run: Run, c: Change, summary: string): Child {
  const because = chainOf(run, c);
  return [
    changeLine(run.scenario, c),
    because.length
      ? h('details', { class: 'why' }, h('summary', null, summary), h('p', { class: 'because' }, 'Because:'), chainList(run.scenario, because))
      : null,
  ];
}

/** The changes of the decision just taken (turn t): everything but the arrival of developments. */
export function changesOfDecision(run: Run, t: number): Change[] {
  return (run.world.changes ?? []).filter(
    (c) => (c.turn === t && c.cause.kind !== 'development' && c.cause.kind !== 'setup') || (c.turn === t + 1 && c.cause.kind === 'debt'),
  );
}

/** The changes that came with the current development (and, at the very start, the scenario's setup). */
export function changesOfArrival(run: Run): Change[] {
  const { world } = run;
  return (world.changes ?? []).filter(
    (c) => c.turn === world.turn && ((c.cause.kind === 'development' && c.cause.id === world.development) || c.cause.kind === 'setup'),
  );
}
