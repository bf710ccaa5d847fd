import type { Command } from 'commander';

/** Commands that play scenarios: added as the engine grows. */
export function registerRunCommands(_program: Command, _setExit: (code: number) => void): void {}
