// Simulation control over the socket, allowed only with the token the server was started with.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FeedControl, FeedStatus } from './market-feed.js';
import type { ControlAckMessage, ControlRequest, ErrorMessage } from './protocol/messages.js';

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Constant-time token check: both sides are hashed to equal-length digests first, so neither
 * the content nor the length of the expected token leaks through timing.
 */
export function tokenMatches(expected: string, presented: string): boolean {
  return timingSafeEqual(digest(expected), digest(presented));
}

function refusal(code: ErrorMessage['code'], message: string, reqId: string | number | undefined): ErrorMessage {
  return reqId === undefined ? { type: 'error', code, message } : { type: 'error', code, message, req_id: reqId };
}

/** Checks the token and runs the action; resolves to the reply for the client. */
export async function runControl(
  request: ControlRequest,
  controlToken: string | undefined,
  control: FeedControl | undefined,
  status: () => FeedStatus,
): Promise<ControlAckMessage | ErrorMessage> {
  const reqId = request.req_id;
  if (controlToken === undefined) {
    return refusal('CONTROL_REFUSED', 'control is disabled: the server was started without a control token', reqId);
  }
  if (!tokenMatches(controlToken, request.token)) {
    return refusal('CONTROL_REFUSED', 'token does not match the server control token', reqId);
  }
  if (control === undefined) return refusal('CONTROL_FAILED', 'this feed cannot be controlled (e.g. an archive replay)', reqId);
  try {
    switch (request.action) {
      case 'pause':
        await control.pause();
        break;
      case 'resume':
        await control.resume();
        break;
      case 'set_speed':
        await control.setSpeed(request.speed!);
        break;
      case 'reset':
        await control.reset();
        break;
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return refusal('CONTROL_FAILED', `${request.action} failed: ${reason}`, reqId);
  }
  const now = status();
  const ack: ControlAckMessage = { type: 'control_ack', action: request.action, speed: now.speed, paused: now.paused };
  if (reqId !== undefined) ack.req_id = reqId;
  return ack;
}
