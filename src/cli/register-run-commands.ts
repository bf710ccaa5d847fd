import { Option, type Command } from 'commander';
import { processOutput } from './io/output.ts';
import { baseSeedOption } from './io/base-seed.ts';
import { workersOption } from './io/workers-option.ts';

type SetExit = (code: number) => void;

/** The commands that play scenarios. Each is imported when used: charts and their DOM load only for the commands that draw. */
export function registerRunCommands(program: Command, setExit: SetExit): void {
  for (const register of [registerRun, registerCheck, registerFidelity, registerBalance, registerCompare, registerFork, registerSensitivity, registerPlay])
    register(program, setExit);
}

const rulesOption = () => new Option('--rules <file>', 'standing rules (default: rules.yaml beside the scenario, else scenarios/rules.yaml)');

function registerRun(program: Command, setExit: SetExit): void {
  program
    .command('run')
    .description('play one deterministic run and print it (readable, or --json)')
    .argument('<scenario>', 'scenario id or file')
    .option('--seed <seed>', 'the seed (a record given with --from carries its own)')
    .option('--decisions <ids>', "option ids in order, comma-separated (append +leverage to spend Moscow's leverage)")
    .option('--from <record>', 'replay a run record (a file, as --record writes) or a share link, with any stances a class declared')
    .option('--historical', 'choose what the alliance actually did')
    .option('--policy <policy>', 'historical, random, greedy, fixed:development=option,..., or a policy file (.yaml)')
    .option('--json', 'print the result as JSON')
    .option('--record <file>', 'also write the run record (the save) to this file')
    .addOption(rulesOption())
    .action(async (scenario: string, options) => setExit(await (await import('./commands/run.ts')).runCommand(scenario, options, processOutput)));
}

function registerCheck(program: Command, setExit: SetExit): void {
  program
    .command('check')
    .description('walk every development and option; count what seeded random plays reach; exit 1 if anything is unreachable or dead')
    .argument('[scenarios...]', 'scenario ids or files (default: the whole library)')
    .option('--plays <n>', 'random plays per scenario', '1000')
    .addOption(baseSeedOption('base seed', 'check'))
    .option('--json', 'print the reports as JSON')
    .addOption(workersOption())
    .addOption(rulesOption())
    .action(async (scenarios: string[], options) => setExit(await (await import('./commands/check.ts')).checkCommand(scenarios, options, processOutput)));
}

function registerFidelity(program: Command, setExit: SetExit): void {
  program
    .command('fidelity')
    .description('play the historical decisions over many seeds; print how often each documented outcome follows')
    .argument('[scenarios...]', 'scenario ids or files (default: the whole library)')
    .option('--runs <n>', 'seeds per scenario', '1000')
    .addOption(baseSeedOption('base seed', 'fidelity'))
    .option('--min <share>', 'exit 1 if any expectation is met less often than this', '0.8')
    .option('--json', 'print the reports as JSON')
    .addOption(workersOption())
    .addOption(rulesOption())
    .action(async (scenarios: string[], options) => setExit(await (await import('./commands/fidelity.ts')).fidelityCommand(scenarios, options, processOutput)));
}

function registerBalance(program: Command, setExit: SetExit): void {
  program
    .command('balance')
    .description(
      "measure whether scenarios play themselves: endings by policy, the best fixed plan, dominant and idle options, the dice, pinned values, Russia's objections",
    )
    .argument('[scenarios...]', 'scenario ids or files (default: the whole library)')
    .option('--runs <n>', 'seeds per scenario', '1000')
    .addOption(baseSeedOption('base seed: run i uses <seed>-i', 'balance'))
    .option('--plan-seeds <n>', 'seeds each plan is scored on in the search (default: 100)')
    .option('--json', 'print the reports as JSON')
    .addOption(workersOption())
    .addOption(rulesOption())
    .action(async (scenarios: string[], options) => setExit(await (await import('./commands/balance.ts')).balanceCommand(scenarios, options, processOutput)));
}

function registerCompare(program: Command, setExit: SetExit): void {
  program
    .command('compare')
    .description('play policies on the same seeds and compare the distributions of outcomes')
    .argument('<scenario>', 'scenario id or file')
    .option(
      '--policy <policy>',
      'historical, random, greedy, fixed:development=option,..., or a policy file (.yaml); repeat for each policy',
      (v: string, all: string[] = []) => [...all, v],
    )
    .option('--runs <n>', 'runs per policy', '1000')
    .addOption(baseSeedOption('base seed: run i uses <seed>-i for every policy', 'compare'))
    .option('--json', 'print the comparison as JSON')
    .option('--csv <file>', 'write one row per run to this file')
    .option('--svg <file>', 'write a chart of the distributions and trajectories to this file')
    .addOption(workersOption())
    .addOption(rulesOption())
    .action(async (scenario: string, options) => setExit(await (await import('./commands/compare.ts')).compareCommand(scenario, options, processOutput)));
}

function registerFork(program: Command, setExit: SetExit): void {
  program
    .command('fork')
    .description('from decision K of an actual run, play each alternative over many seeds against what was chosen')
    .argument('<run>', 'a run record file (from run --record or a save) or a share link')
    .requiredOption('--at <k>', 'the decision to fork at (1 = the first)')
    .requiredOption('--options <ids>', 'the alternatives, comma-separated (append +leverage to spend it)')
    .option('--runs <n>', 'runs per alternative', '1000')
    .addOption(baseSeedOption('base seed for the futures', 'fork'))
    .option('--then <policy>', 'how the rest of each run is played', 'historical')
    .option('--json', 'print the comparison as JSON')
    .option('--svg <file>', 'write a chart to this file')
    .option('--scenario <file>', 'the scenario file, when it is not in the scenarios folder')
    .addOption(workersOption())
    .addOption(rulesOption())
    .action(async (run: string, options) => setExit(await (await import('./commands/fork.ts')).forkCommand(run, options, processOutput)));
}

function registerSensitivity(program: Command, setExit: SetExit): void {
  program
    .command('sensitivity')
    .description('move each sourced number and assumption down and up; rank them by how far they move an outcome')
    .argument('<scenario>', 'scenario id or file')
    .option('--policy <policy>', 'the policy to play (name or policy file)', 'historical')
    .option('--outcome <expression>', 'a number (its mean) or a condition (its probability), e.g. "AM.loyalty" or "reacted(AM, boycott_exercise)"', 'cohesion')
    .option('--runs <n>', 'seeds per setting', '200')
    .addOption(baseSeedOption('base seed', 'sensitivity'))
    .option('--top <n>', 'how many parameters to list', '15')
    .option('--json', 'print the report as JSON')
    .option('--svg <file>', 'write a tornado chart to this file')
    .addOption(workersOption())
    .addOption(rulesOption())
    .action(async (scenario: string, options) =>
      setExit(await (await import('./commands/sensitivity.ts')).sensitivityCommand(scenario, options, processOutput)),
    );
}

function registerPlay(program: Command, setExit: SetExit): void {
  program
    .command('play')
    .description('play a scenario in the terminal')
    .argument('<scenario>', 'scenario id or file')
    .option('--seed <seed>', 'the seed (default: a new one each time)')
    .addOption(rulesOption())
    .action(async (scenario: string, options) => setExit(await (await import('./commands/play.ts')).playCommand(scenario, options)));
}
