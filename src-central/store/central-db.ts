/**
 * The single writer. TypeORM's better-sqlite3 driver has one connection and one query runner, so two async
 * transactions must never interleave on it — and a read must never run inside another task's open transaction
 * (it would see uncommitted rows, e.g. a change sequence number that may still roll back). Every database task,
 * read or write, therefore runs through one FIFO queue. This is also what makes the change sequence monotonic in
 * commit order (see services/change-log.ts).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { EntityManager } from 'typeorm';
import type { CentralStore } from './open-central-store';

export class CentralDb {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(readonly store: CentralStore) {}

  /** A TypeORM transaction: everything `work` writes commits together or not at all. */
  write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.enqueue(() => this.store.dataSource.transaction(work));
  }

  /** A synchronous read on the raw connection (hot paths), in a read transaction so it sees one snapshot. */
  read<T>(work: (db: BetterSqlite3.Database) => T): Promise<T> {
    return this.enqueue(async () => this.store.db.transaction(() => work(this.store.db)).deferred());
  }

  /** A synchronous bulk write on the raw connection in one IMMEDIATE transaction (seeding). */
  bulk<T>(work: (db: BetterSqlite3.Database) => T): Promise<T> {
    return this.enqueue(async () => this.store.db.transaction(() => work(this.store.db)).immediate());
  }

  /** Waits for queued tasks, then closes the database. */
  async close(): Promise<void> {
    await this.enqueue(() => this.store.close());
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
