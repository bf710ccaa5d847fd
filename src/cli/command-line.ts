import { Command, CommanderError, Option } from 'commander';
import { formatProblem } from '../engine/authoring/format/problem.ts';
import { schemaCommand } from './commands/schema.ts';
import { validateCommand } from './commands/validate.ts';
import { endQuietlyWhenReaderLeaves, EXIT, processOutput } from './io/output.ts';
import { InputError, ProblemsError } from './io/scenario-files.ts';
import { registerRunCommands } from './register-run-commands.ts';
import { SCHEMA_FOLDER } from '../node/scenario-folder.ts';

/**
 * The command line: `npm run cli -- <command>`. Data goes to stdout, messages to stderr;
 * exit 0 ok, 1 failure (a check found something), 2 bad input or arguments.
 */
export async function runCommandLine(): Promise<number> {
  endQuietlyWhenReaderLeaves(process.stdout);
  endQuietlyWhenReaderLeaves(process.stderr);
  return main(buildProgram());
}

function buildProgram(): Command {
  const program = new Command()
    .name('article-four')
    .description('Article Four: validate, check, run, play and compare CSTO crisis scenarios.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('validate')
    .description('check scenario and rules files; print each problem as file:line:col: path: what is wrong')
    .argument('<files...>', 'scenario or rules YAML files')
    .option('--rules <file>', 'standing rules to check scenarios against (default: rules.yaml beside each, else scenarios/rules.yaml)')
    .option('--json', 'print the problems as JSON')
    .option('--sources <dir>', 'also find every quote in the source text it cites, in this folder (a miss is a problem)')
    .action((files: string[], options) => setExit(validateCommand(files, options, processOutput)));

  program
    .command('schema')
    .description('write the JSON Schemas for scenario and rules files (for editors)')
    .addOption(new Option('--out <dir>', 'folder to write into').default(SCHEMA_FOLDER))
    .action((options) => setExit(schemaCommand(options, processOutput)));

  registerRunCommands(program, setExit);
  return program;
}

let exitCode: number = EXIT.ok;
const setExit = (code: number) => {
  exitCode = code;
};

async function main(program: Command): Promise<number> {
  // No command at all is a mistake, not a request for help: the help goes to stderr and the exit is 2.
  if (process.argv.length <= 2) {
    program.outputHelp({ error: true });
    return EXIT.badInput;
  }
  try {
    await program.parseAsync(process.argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.badInput;
    }
    if (error instanceof ProblemsError) {
      for (const p of error.problems) process.stderr.write(`${formatProblem(p)}\n`);
      return EXIT.badInput;
    }
    if (error instanceof InputError) {
      process.stderr.write(`${error.message}\n`);
      return EXIT.badInput;
    }
    process.stderr.write(`internal error: ${(error as Error).message}\n`);
    if (process.env.DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return EXIT.failure;
  }
}
