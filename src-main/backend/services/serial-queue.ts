/**
 * Runs tasks one after another. TypeORM's better-sqlite3 driver has a single query runner, so two async
 * transactions must never interleave on it: every backend call goes through this queue.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
