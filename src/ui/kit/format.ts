import type { Scenario } from '../../engine/core/scenario.ts';

/** Numbers as the game shows them: values as whole points, changes to a tenth, with a real minus sign. */
export const whole = (x: number) => String(Math.round(x));
export const tenth = (x: number) => (Math.round(x * 10) / 10).toFixed(1);

export function signed(x: number, digits: 0 | 1 = 1): string {
  const v = digits === 0 ? Math.round(x) : Math.round(x * 10) / 10;
  if (v === 0) return '±0';
  const text = digits === 0 ? String(Math.abs(v)) : Math.abs(v).toFixed(1);
  return v > 0 ? `+${text}` : `−${text}`;
}

export type Direction = 'up' | 'down' | 'flat';

export function direction(delta: number, digits: 0 | 1 = 0): Direction {
  const v = digits === 0 ? Math.round(delta) : Math.round(delta * 10) / 10;
  return v > 0 ? 'up' : v < 0 ? 'down' : 'flat';
}

export const FIELD_LABELS: Record<string, string> = {
  loyalty: 'loyalty',
  publicSupport: 'public support',
  hedging: 'hedging',
  ties: 'ties',
  status: 'status',
  credibility: 'Credibility of the guarantee',
  moscowBandwidth: "Moscow's bandwidth",
  cohesion: 'Cohesion',
};

/** `AM.loyalty` -> "Armenia's loyalty"; `credibility` -> "Credibility of the guarantee"; a variable by its label. */
export function valueName(scenario: Scenario, key: string): string {
  const dot = key.indexOf('.');
  if (dot > 0) {
    const code = key.slice(0, dot);
    const field = key.slice(dot + 1);
    return `${possessive(scenario.names[code] ?? code)} ${FIELD_LABELS[field] ?? field}`;
  }
  if (FIELD_LABELS[key]) return FIELD_LABELS[key];
  return scenario.variables.find((v) => v.id === key)?.label ?? key;
}

export const possessive = (name: string) => (name.endsWith('s') ? `${name}'` : `${name}'s`);

export function listText(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
