/** A fresh store (real SQLite file, every migration) in a temporary folder for each test of the calling file. */
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openStore, type Store } from '../../src-main/backend/store/open-store';
import { tempDir } from './temp-dir';

/** Registers the vitest hooks; call the returned function inside a test for that test's store. */
export function storePerTest(): () => Store {
  let dir: ReturnType<typeof tempDir> | null = null;
  let store: Store | null = null;
  beforeEach(async () => {
    dir = tempDir();
    store = await openStore(join(dir.path, 'data'));
  });
  afterEach(async () => {
    await store?.close();
    dir?.cleanup();
    store = null;
  });
  return () => {
    if (!store) throw new Error('storePerTest: the store exists only inside a test');
    return store;
  };
}
