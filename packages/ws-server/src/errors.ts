/** Codes of MarksimError thrown by @marksim/ws-server for programmer mistakes. Stable. */
export type WsServerErrorCode = 'INVALID_OPTIONS' | 'SERVER_CLOSED' | 'ALREADY_LISTENING';
