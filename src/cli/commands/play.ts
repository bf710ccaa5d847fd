import { createInterface } from 'node:readline/promises';
import { currentDevelopment, developmentById, recalledText } from '../../engine/core/development.ts';
import { reactionLabel } from '../../engine/core/labels.ts';
import type { Change } from '../../engine/core/world.ts';
import { type Choice, choicesOf } from '../../engine/play/choices.ts';
import { recordOf, seedProblem } from '../../engine/play/record.ts';
import { decide, isOver, type Run, startRun } from '../../engine/play/run.ts';
import { cohesion } from '../../engine/rules/cohesion.ts';
import { councilView, type OptionView } from '../../engine/rules/council.ts';
import { vetoNumbers } from '../../engine/rules/stance-numbers.ts';
import { describeChange } from '../../engine/rules/explain.ts';
import { EXIT } from '../io/output.ts';
import { InputError, loadScenarioFile } from '../io/scenario-files.ts';
import { endingReached } from '../../engine/core/ending.ts';

const fmt = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
const say = (line = '') => process.stdout.write(`${line}\n`);

/** `play <scenario>`: briefing, the Council with every member's stance, consequences and why, in the terminal. */
export async function playCommand(scenarioName: string, options: { seed?: string; rules?: string }): Promise<number> {
  const seedTooLong = options.seed === undefined ? null : seedProblem(options.seed);
  if (seedTooLong) throw new InputError(`--seed: ${seedTooLong}`);
  const scenario = loadScenarioFile(scenarioName, options.rules);
  // The command line may take a fresh seed from the clock; the engine never does.
  const seed = options.seed ?? String(Date.now() % 1_000_000);
  const run = startRun(scenario, seed);
  const answers = new Answers();
  say(`${scenario.title} — ${scenario.premise}`);
  say(`Seed ${seed}. Type the number of an option; "q" to stop.`);
  for (const c of (run.world.changes ?? []).filter((c) => c.cause.kind === 'setup')) say(`  At the start: ${changeText(run, c)}`);
  try {
    while (!isOver(run)) {
      showBriefing(run);
      // Every option is shown with where each member stands, even one that is blocked; then the ways to choose it.
      const views = councilView(scenario, run.world);
      const choices = choicesOf(run, views);
      for (const view of views) showOption(run, view, choices);
      const picked = await answers.pick(choices.length);
      if (picked === null) {
        say(`Stopped. Run record: ${JSON.stringify(recordOf(run))}`);
        return EXIT.ok;
      }
      decideAndShow(run, choices[picked]);
    }
    showDebrief(run);
    return EXIT.ok;
  } finally {
    answers.close();
  }
}

/** The player's answers, a line at a time, from a terminal or a pipe. */
class Answers {
  private readonly io = createInterface({ input: process.stdin, output: process.stdout, terminal: Boolean(process.stdin.isTTY) });
  private lines: AsyncIterableIterator<string> | null = null;

  /** The index of the chosen option, asking again until the answer is one; null when the player stops. */
  async pick(count: number): Promise<number | null> {
    for (;;) {
      const answer = await this.ask('> ');
      if (answer === null || answer === 'q') return null;
      const n = Number(answer);
      if (Number.isInteger(n) && n >= 1 && n <= count) return n - 1;
      say(`Type a number from 1 to ${count}.`);
    }
  }

  private async ask(prompt: string): Promise<string | null> {
    process.stdout.write(prompt);
    this.lines ??= this.io[Symbol.asyncIterator]();
    const next = await this.lines.next();
    return next.done ? null : next.value.trim();
  }

  close(): void {
    this.io.close();
  }
}

function showBriefing(run: Run): void {
  const development = currentDevelopment(run.scenario, run.world);
  say('');
  say(`== ${development.date}, ${development.place}: ${development.title}`);
  say(development.briefing.trim());
  for (const text of recalledText(development, run.world)) say(`  ${text.trim()}`);
  for (const q of development.quotes) say(`  "${q.text}" — ${q.who} (${q.source})`);
  say('');
}

function showOption(run: Run, view: OptionView, choices: Choice[]): void {
  const { scenario } = run;
  const o = view.option;
  const names = (codes: readonly string[]) => codes.map((m) => scenario.names[m]).join(', ');
  const state = !view.available ? ' [not on the table now]' : view.vetoedBy.length ? ` [vetoed by ${names(view.vetoedBy)}]` : '';
  say(`${o.label}${o.consensus ? ' (needs consensus)' : ''}${state}`);
  say(`   ${o.description.trim()}`);
  for (const s of view.stances) say(`   ${(scenario.names[s.member] ?? s.member).padEnd(11)} ${s.stance.padEnd(8)} ${s.reason}`);
  if (view.available) for (const line of vetoNumbers(scenario, view)) say(`   ${line}`);
  choices.forEach((c, i) => {
    if (c.view !== view) return;
    const lev = c.view.leverage;
    say(
      c.leverage
        ? `  ${i + 1}. ${o.label}, with Moscow's leverage (bandwidth −${lev.bandwidthCost} now; ${names(lev.buys)} lose ${lev.loyaltyCostEach} loyalty within ${run.scenario.params.leverage.dueMonths} months or by the end)`
        : `  ${i + 1}. ${o.label}`,
    );
  });
  say('');
}

/** Takes the decision, then says what it changed and why, who reacted, and where the meters stand. */
function decideAndShow(run: Run, choice: Choice): void {
  const { scenario } = run;
  const turn = run.world.turn;
  const seen = run.world.reactions.length;
  decide(run, choice);
  const world = run.world;
  say('');
  say('What changed, and why:');
  for (const c of (world.changes ?? []).filter((c) => c.turn === turn && c.cause.kind !== 'setup')) {
    const delta = changeDelta(c);
    if (delta !== null && Math.abs(delta) < 0.05) continue;
    say(`  ${changeText(run, c)}`);
  }
  for (const r of world.reactions.slice(seen)) say(`  ${scenario.names[r.member]} ${reactionLabel(scenario, r.reaction)}.`);
  say(`Cohesion ${fmt(cohesion(world, scenario.params.cohesion))}  credibility ${fmt(world.credibility)}  Moscow's bandwidth ${fmt(world.moscowBandwidth)}`);
}

function showDebrief(run: Run): void {
  const { scenario, world } = run;
  const ending = endingReached(scenario, world);
  say('');
  say(`== ${ending.title}`);
  say(ending.text.trim());
  say('');
  say('What really happened:');
  for (const d of world.decisions) {
    const development = developmentById(scenario, d.development);
    say(`  ${development.title}: ${development.history.trim()}`);
  }
  say('');
  say('To discuss:');
  for (const q of scenario.debrief.questions) say(`  - ${q}`);
  say(`Run record: ${JSON.stringify(recordOf(run))}`);
}

const changeDelta = (c: Change) => (typeof c.after === 'number' && typeof c.before === 'number' ? c.after - c.before : null);
const changeText = (run: Run, c: Change) => describeChange(run.scenario, { change: c, delta: changeDelta(c), because: [] });
