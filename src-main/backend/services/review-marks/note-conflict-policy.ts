/**
 * What a station does with a review note pulled from the central service (issue 5: user text is never silently
 * lost). A pure decision over the pulled version, what the station holds, and the edits it still has waiting.
 */
export interface PulledNote {
  version: number;
  stationId: string;
}

export interface HeldNote {
  /** The central version last seen for this note. */
  version: number;
  /** The version of another station's text kept next to ours, if any. */
  conflictVersion: number | null;
}

export type PulledNoteAction =
  /** Nothing of ours is waiting: the pulled text becomes the note. */
  | { kind: 'take' }
  /** Our own write came back while later edits of ours wait: only the version seen moves. */
  | { kind: 'version-only' }
  /** Another station changed the note under an edit of ours that is waiting: keep both texts for a person. */
  | { kind: 'conflict' }
  /** Nothing newer than what the station holds. */
  | { kind: 'ignore' };

/**
 * @param waitingBases the base versions of this note's edits still in the outbox (pending or parked)
 */
export function pulledNoteAction(pulled: PulledNote, held: HeldNote | null, waitingBases: number[], stationId: string): PulledNoteAction {
  if (held === null) return { kind: 'take' };
  if (waitingBases.length === 0) return pulled.version >= held.version ? { kind: 'take' } : { kind: 'ignore' };
  if (pulled.stationId === stationId) return pulled.version > held.version ? { kind: 'version-only' } : { kind: 'ignore' };
  // Our oldest waiting edit was made on top of its base; a newer version from elsewhere means both texts now exist.
  const builtOn = Math.min(...waitingBases);
  if (pulled.version <= builtOn) return { kind: 'ignore' };
  if (held.conflictVersion !== null && pulled.version <= held.conflictVersion) return { kind: 'ignore' };
  return { kind: 'conflict' };
}
