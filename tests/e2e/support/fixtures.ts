/**
 * One fresh station per spec file: `startConsole` in beforeAll, stopped (and its data folder removed) in afterAll.
 * Tests in the file share the station but each gets its own browser context, so nobody starts signed in.
 */
import { test } from '@playwright/test';
import { startConsole, type ConsoleServer } from './console-server';

export function useStation(options: Parameters<typeof startConsole>[0]): { readonly current: ConsoleServer } {
  let server: ConsoleServer | null = null;
  test.beforeAll(async () => {
    server = await startConsole(options);
  });
  test.afterAll(async () => {
    await server?.stop();
    server = null;
  });
  return {
    get current(): ConsoleServer {
      if (!server) throw new Error('The station is not running (beforeAll failed?).');
      return server;
    },
  };
}
