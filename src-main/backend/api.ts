/** What every transport (Electron worker, web host, CLI, tests) holds of the backend. */
import type { BackendEvent, Envelope, RpcRequest } from '../contract';
import type { Clock } from './clock';

export interface BackendOptions {
  /** Folder of the local database, its backups and logs (the OS user-data directory by default). */
  dataDir: string;
  /** Identifies this station in audit events. Defaults to a generated id stored with the database. */
  stationId?: string;
  clock?: Clock;
  /** Demo mode: seeds the documented demo accounts and demo individuals on first start. */
  demo?: { individuals: number; seed: number } | false;
}

export interface Backend {
  call(request: RpcRequest): Promise<Envelope<unknown>>;
  /** Subscribes to backend events; returns the unsubscribe function. */
  onEvent(listener: (event: BackendEvent) => void): () => void;
  close(): Promise<void>;
}
