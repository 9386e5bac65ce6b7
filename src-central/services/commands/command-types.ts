/** Every command type the central service applies (POST /v1/commands). Unknown types are rejected by name. */
import { auditAppend } from './audit-append';
import type { CommandHandler } from './command-handler';
import { flagSet } from './flag-set';
import { notePut } from './note-put';
import { testEcho } from './test-echo';
import { updateContact } from './update-contact';

export const COMMAND_TYPES: Readonly<Record<string, CommandHandler<unknown>>> = {
  'audit.append': auditAppend,
  'flag.set': flagSet,
  'individual.updateContact': updateContact,
  'note.put': notePut,
  'test.echo': testEcho,
};
