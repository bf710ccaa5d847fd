import { createInterface } from 'node:readline/promises';
import { choicesOf } from '../../engine/play/choices.ts';
import { councilView } from '../../engine/rules/council.ts';
import { recordOf } from '../../engine/play/record.ts';
import { decide, isOver, startRun } from '../../engine/play/run.ts';
import { describeChange } from '../../engine/rules/explain.ts';
import { cohesion } from '../../engine/rules/cohesion.ts';
import { currentDevelopment } from '../../engine/core/development.ts';
import { reactionLabel } from '../../engine/core/labels.ts';
import { EXIT } from '../io/output.ts';
import { loadScenarioFile } from '../io/scenario-files.ts';

const fmt = (x: number) => (Math.round(x * 10) / 10).toFixed(1);

/** `play <scenario>`: briefing, the Council with every member's stance, consequences and why, in the terminal. */
export async function playCommand(scenarioName: string, options: { seed?: string; rules?: string }): Promise<number> {
  const scenario = loadScenarioFile(scenarioName, options.rules);
  // The command line may take a fresh seed from the clock; the engine never does.
  const seed = options.seed ?? String(Date.now() % 1_000_000);
  const run = startRun(scenario, seed);
  const io = createInterface({ input: process.stdin, output: process.stdout, terminal: Boolean(process.stdin.isTTY) });
  const say = (line = '') => process.stdout.write(`${line}\n`);
  let lines: AsyncIterableIterator<string> | null = null;
  const ask = async (prompt: string): Promise<string | null> => {
    process.stdout.write(prompt);
    lines ??= io[Symbol.asyncIterator]();
    const next = await lines.next();
    return next.done ? null : next.value.trim();
  };

  say(`${scenario.title} — ${scenario.premise}`);
  say(`Seed ${seed}. Type the number of an option; "q" to stop.`);
  for (const c of (run.world.changes ?? []).filter((c) => c.cause.kind === 'setup')) {
    const delta = typeof c.after === 'number' && typeof c.before === 'number' ? c.after - c.before : null;
    say(`  At the start: ${describeChange(scenario, { change: c, delta, because: [] })}`);
  }
  try {
    while (!isOver(run)) {
      const development = currentDevelopment(scenario, run.world);
      say('');
      say(`== ${development.date}, ${development.place}: ${development.title}`);
      say(development.briefing.trim());
      for (const q of development.quotes) say(`  "${q.text}" — ${q.who} (${q.source})`);
      say('');
      // Every option is shown with where each member stands, even one that is blocked; then the ways to choose it.
      const views = councilView(scenario, run.world);
      const choices = choicesOf(run, views);
      for (const view of views) {
        const o = view.option;
        say(`${o.label}${o.consensus ? ' (needs consensus)' : ''}${!view.available ? ' [not on the table now]' : view.vetoedBy.length ? ` [vetoed by ${view.vetoedBy.map((m) => scenario.names[m]).join(', ')}]` : ''}`);
        say(`   ${o.description.trim()}`);
        for (const s of view.stances) say(`   ${scenario.names[s.member].padEnd(11)} ${s.stance.padEnd(8)} ${s.reason}`);
        choices.forEach((c, i) => {
          if (c.view !== view) return;
          const lev = c.view.leverage;
          say(c.leverage
            ? `  ${i + 1}. ${o.label}, with Moscow's leverage (bandwidth −${lev.bandwidthCost} now; ${lev.buys.map((m) => scenario.names[m]).join(', ')} lose ${lev.loyaltyCostEach} loyalty after the next decision)`
            : `  ${i + 1}. ${o.label}`);
        });
        say('');
      }
      let picked: number | null = null;
      while (picked === null) {
        const answer = await ask('> ');
        if (answer === null || answer === 'q') {
          say(`Stopped. Run record: ${JSON.stringify(recordOf(run))}`);
          return EXIT.ok;
        }
        const n = Number(answer);
        if (Number.isInteger(n) && n >= 1 && n <= choices.length) picked = n - 1;
        else say(`Type a number from 1 to ${choices.length}.`);
      }
      const turn = run.world.turn;
      const seen = run.world.reactions.length;
      decide(run, choices[picked]);
      say('');
      say('What changed, and why:');
      for (const c of (run.world.changes ?? []).filter((c) => c.turn === turn && c.cause.kind !== 'setup')) {
        const delta = typeof c.after === 'number' && typeof c.before === 'number' ? c.after - c.before : null;
        if (delta !== null && Math.abs(delta) < 0.05) continue;
        say(`  ${describeChange(scenario, { change: c, delta, because: [] })}`);
      }
      for (const r of run.world.reactions.slice(seen)) say(`  ${scenario.names[r.member]} ${reactionLabel(scenario, r.reaction)}.`);
      say(`Cohesion ${fmt(cohesion(run.world, scenario.params.cohesion))}  credibility ${fmt(run.world.credibility)}  Moscow's bandwidth ${fmt(run.world.moscowBandwidth)}`);
    }
    const ending = scenario.endings.find((e) => e.id === run.world.ending)!;
    say('');
    say(`== ${ending.title}`);
    say(ending.text.trim());
    say('');
    say('What really happened:');
    for (const d of run.world.decisions) say(`  ${scenario.developments[d.development].title}: ${scenario.developments[d.development].history.trim()}`);
    say('');
    say('To discuss:');
    for (const q of scenario.debrief.questions) say(`  - ${q}`);
    say(`Run record: ${JSON.stringify(recordOf(run))}`);
    return EXIT.ok;
  } finally {
    io.close();
  }
}
