// The `marksim` command line: dispatches to `simulate` and `report`.
import { MarksimError } from '@marksim/core';
import type { CliIo } from './cli-io.js';
import { REPORT_HELP, reportCommand } from './report-command.js';
import { SIMULATE_HELP, simulateCommand } from './simulate-command.js';

/** Usage text of `marksim`. */
export const MARKSIM_HELP = `usage: marksim <command> [options]

commands:
  simulate   run the default market fast-forward and write the run to a directory
  report     print the stylized facts of a run beside real-market ranges

Run \`marksim <command> --help\` for a command's options.
`;

/** Runs the CLI with `argv` (without node and script); resolves with the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(command === 'help' && rest[0] === 'simulate' ? SIMULATE_HELP : command === 'help' && rest[0] === 'report' ? REPORT_HELP : MARKSIM_HELP);
      return command === undefined ? 2 : 0;
    }
    if (command === 'simulate') return await simulateCommand(rest, io);
    if (command === 'report') return await reportCommand(rest, io);
    io.stderr.write(`marksim: unknown command "${command}"\n\n${MARKSIM_HELP}`);
    return 2;
  } catch (error) {
    if (error instanceof MarksimError) {
      io.stderr.write(`marksim ${command}: ${error.message} [${error.code}]\n`);
      return 2;
    }
    throw error;
  }
}
