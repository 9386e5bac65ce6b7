/**
 * One write transaction on the single SQLite connection. BEGIN IMMEDIATE takes the write lock up front, so a
 * second process (the CLI importing while the console runs) waits instead of forking the audit chain.
 */
import type { EntityManager, QueryRunner } from 'typeorm';
import type { Store } from '../store/open-store';

export async function inWriteTransaction<T>(store: Store, work: (em: EntityManager) => Promise<T> | T): Promise<T> {
  const runner = store.dataSource.createQueryRunner();
  await runner.query('BEGIN IMMEDIATE');
  markTransactionOpen(runner, true);
  try {
    const result = await work(runner.manager);
    await runner.query('COMMIT');
    return result;
  } catch (error) {
    if (store.db.inTransaction) await runner.query('ROLLBACK');
    throw error;
  } finally {
    markTransactionOpen(runner, false);
  }
}

/** TypeORM must see the open transaction so that `save()` nests (savepoints) instead of issuing its own BEGIN. */
function markTransactionOpen(runner: QueryRunner, open: boolean): void {
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  state.isTransactionActive = open;
  state.transactionDepth = open ? 1 : 0;
}
