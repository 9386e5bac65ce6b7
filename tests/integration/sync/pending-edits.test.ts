/** A pulled record never silently overwrites a contact edit accepted here and still waiting to be sent. */
import { afterEach, expect, it } from 'vitest';
import { importIndividuals } from '../../../src-main/backend/services/import/import-individuals';
import { openStore } from '../../../src-main/backend/store/open-store';
import { applyChangesPage } from '../../../src-main/backend/sync/apply-changes';
import { enqueueCommand } from '../../../src-main/backend/sync/outbox';
import { person } from '../../support/records';
import { tempDir } from '../../support/temp-dir';

const dir = tempDir();
afterEach(() => dir.cleanup());

it('keeps a pending contact edit on top of a pulled change to the same individual', async () => {
  const store = await openStore(dir.path);
  const now = new Date('2024-09-01T15:00:00Z');
  await importIndividuals(store.db, [JSON.stringify(person('501'))], { asOf: '2024-09-01', now, stationId: 's', staffId: null, source: 'test' });
  const edit = { crd: '501', email: 'dana.new@gmail.com', phone: '518-555-0199', address: { street: '9 Elm St', city: 'Troy', state: 'NY', zip: '12180', country: 'US' } };
  store.db.transaction(() => enqueueCommand(store.db, { type: 'individual.updateContact', payload: edit }, now))();

  // The central service, not yet aware of the edit, sends a newer record (a corrected last name).
  const pulled = { ...person('501'), lastName: 'Corrected' };
  applyChangesPage(store.db, { changes: [{ kind: 'individual', op: 'upsert', id: '501', data: pulled }], nextCursor: '7', hasMore: false, remaining: 1 }, '2024-09-01', now, 's');

  const row = store.db.prepare(`SELECT last_name AS lastName, email, phone, street FROM individual WHERE crd = '501'`).get();
  expect(row).toEqual({ lastName: 'Corrected', email: 'dana.new@gmail.com', phone: '518-555-0199', street: '9 Elm St' });
  await store.close();
});
