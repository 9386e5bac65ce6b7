/**
 * Every IPC call is checked before it reaches the backend: the sending frame must still exist, be the top frame
 * (no iframe can talk to the backend) and be showing our own origin `app://mqp`.
 */
import { APP_ORIGIN, isAppUrl } from './app-origin';

/** The parts of Electron's WebFrameMain this check reads (`parent === null` means top frame). */
export interface SenderFrameLike {
  url: string;
  parent: unknown;
}

export type SenderDecision = { trusted: true } | { trusted: false; reason: string };

export function validateIpcSender(frame: SenderFrameLike | null | undefined): SenderDecision {
  if (frame === null || frame === undefined) return { trusted: false, reason: 'no sender frame (destroyed or navigated)' };
  if (frame.parent !== null) return { trusted: false, reason: 'sender is not the top frame' };
  if (!isAppUrl(frame.url)) return { trusted: false, reason: `sender URL ${JSON.stringify(String(frame.url).slice(0, 200))} is not ${APP_ORIGIN}` };
  return { trusted: true };
}
