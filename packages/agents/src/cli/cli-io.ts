import type { ProgressOutput } from './progress-bar.js';

/** The outside world of a CLI run: output streams and the working directory (tests pass their own). */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: ProgressOutput;
  readonly cwd: string;
}
