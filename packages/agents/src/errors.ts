import { MarksimError } from '@marksim/core';

/** Stable error codes of @marksim/agents (programmer mistakes and bad CLI input, never market outcomes). */
export type AgentsErrorCode = 'INVALID_ARGUMENT' | 'INVALID_CONFIG' | 'INVALID_AGENT_SPEC' | 'INVALID_RUN_DIR';

/** Builds the package's MarksimError with a typed code. */
export function agentsError(code: AgentsErrorCode, message: string, cause?: unknown): MarksimError<AgentsErrorCode> {
  return new MarksimError<AgentsErrorCode>(code, message, cause === undefined ? undefined : { cause });
}
