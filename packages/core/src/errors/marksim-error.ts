/** Codes for programmer mistakes in core (bad constructor arguments, bad config). Stable. */
export type CoreErrorCode =
  | 'INVALID_INSTRUMENT'
  | 'INVALID_DECIMAL'
  | 'INVALID_CONFIG'
  | 'INVALID_ARGUMENT'
  | 'ENGINE_STOPPED'
  | 'REENTRANT_PROCESS';

/**
 * The one error class of Marksim. `code` is a stable string per package; market outcomes are
 * never errors (they are `rejected` events), so a throw means a caller bug or bad config.
 */
export class MarksimError<Code extends string = CoreErrorCode> extends Error {
  readonly code: Code;

  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MarksimError';
    this.code = code;
  }
}
