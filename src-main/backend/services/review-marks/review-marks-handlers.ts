/** Issue 5: reviewers' flags and notes, written offline and synced through the outbox. */
import type { HandlerMap } from '../handler-context';
import { flagHandlers } from './flag-handlers';
import { noteHandlers } from './note-handlers';

export const reviewMarksHandlers: HandlerMap<'flag.set' | 'note.list' | 'note.save' | 'note.resolve'> = {
  ...flagHandlers,
  ...noteHandlers,
};
