import { cohesion } from '../../engine/rules/cohesion.ts';
import { explainCohesion, describeChange, explanationLines, type ExplainedChange } from '../../engine/rules/explain.ts';
import { isOver, type Run } from '../../engine/play/run.ts';
import { currentDevelopment } from '../../engine/core/development.ts';
import { optionLabel, reactionLabel } from '../../engine/core/labels.ts';
import { endingReached } from '../../engine/core/ending.ts';

const fmt = (x: number) => (Math.round(x * 10) / 10).toFixed(1);

/** A readable account of a run: each decision, what it changed and why, the reactions, the ending. */
export function runAccount(run: Run): string[] {
  const { scenario, world } = run;
  const lines: string[] = [`${scenario.title} (seed ${run.seed})`, `Objective: ${scenario.objective.trim()}`, ''];
  const changes = world.changes ?? [];
  world.decisions.forEach((d, turn) => {
    const development = scenario.developments[d.development];
    const historical = development.options.some((o) => o.id === d.option && o.historical);
    lines.push(`${turn + 1}. ${development.date}, ${development.place}: ${development.title}`);
    lines.push(`   The Council: ${optionLabel(scenario, d.option)}${d.leverage ? " (with Moscow's leverage)" : ''}${historical ? ' [what happened]' : ''}`);
    for (const c of changes.filter((c) => c.turn === turn && c.cause.kind !== 'drift')) {
      const delta = typeof c.after === 'number' && typeof c.before === 'number' ? c.after - c.before : null;
      lines.push(`   ${describeChange(scenario, { change: c, delta, because: [] } as ExplainedChange)}`);
    }
    for (const r of world.reactions.filter((r) => r.turn === turn)) {
      lines.push(`   Reaction: ${scenario.names[r.member]} ${reactionLabel(scenario, r.reaction)}`);
    }
    lines.push('');
  });
  if (!isOver(run)) {
    lines.push(`The run is not finished: next is "${currentDevelopment(scenario, world).title}".`);
  } else {
    const ending = endingReached(scenario, world);
    lines.push(`Ending: ${ending.title} (${ending.tone})`, `   ${ending.text.trim()}`, '');
  }
  lines.push(
    `Cohesion ${fmt(cohesion(world, scenario.params.cohesion))}, credibility ${fmt(world.credibility)}, Moscow's bandwidth ${fmt(world.moscowBandwidth)}`,
  );
  for (const code of scenario.members) {
    const m = world.members[code];
    lines.push(
      `   ${scenario.names[code].padEnd(11)} loyalty ${fmt(m.loyalty).padStart(5)}  public ${fmt(m.publicSupport).padStart(5)}  hedging ${fmt(m.hedging).padStart(5)}  ${m.status}`,
    );
  }
  const why = explainCohesion(scenario, world);
  lines.push('', `Why cohesion moved from ${fmt(why.start)} to ${fmt(why.end)}:`);
  for (const t of why.terms) if (Math.abs(t.to - t.from) >= 0.05) lines.push(`   ${t.label}: ${fmt(t.from)} → ${fmt(t.to)}`);
  for (const input of why.inputs) for (const line of explanationLines(scenario, input)) lines.push(`   ${line}`);
  return lines;
}
