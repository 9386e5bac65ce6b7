/** Small helpers shared by the central service's integration tests. */
import type { Change, ChangesPage, CommandResult } from '../../../src-main/contract/central-api';
import { changesPage, commandResults } from '../../../src-main/contract/central-api';
import type { CentralProcess } from '../../support/central-process';

/** Pulls every change after `cursor`, page by page, checking each page against the contract. */
export async function pullAll(central: CentralProcess, cursor = '', limit = 1000): Promise<{ pages: ChangesPage[]; changes: Change[]; cursor: string }> {
  const pages: ChangesPage[] = [];
  for (;;) {
    const res = await central.v1(`changes?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    if (res.status !== 200) throw new Error(`GET /v1/changes answered ${res.status}: ${await res.text()}`);
    const page = changesPage.parse(await res.json());
    pages.push(page);
    cursor = page.nextCursor;
    if (!page.hasMore) return { pages, changes: pages.flatMap((p) => p.changes), cursor };
  }
}

export async function pushCommands(central: CentralProcess, commands: unknown[]): Promise<CommandResult[]> {
  const res = await central.v1('commands', { method: 'POST', body: JSON.stringify({ commands }) });
  if (res.status !== 200) throw new Error(`POST /v1/commands answered ${res.status}: ${await res.text()}`);
  return commandResults.parse(await res.json()).results;
}

/** Polls until `probe` returns a value (not undefined), every few milliseconds: no fixed sleeps. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function command(key: string, type: string, payload: Record<string, unknown>, stationId = 'station-test') {
  return { key, type, stationId, createdAt: new Date().toISOString(), payload };
}

export async function json<T = Record<string, unknown>>(res: Response | Promise<Response>): Promise<T> {
  return (await (await res).json()) as T;
}
