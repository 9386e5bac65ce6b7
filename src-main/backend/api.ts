/** What every transport (Electron worker, web host, CLI, tests) holds of the backend. */
import type { BackendEvent, Envelope, RpcRequest } from '../contract';
import type { Clock } from './clock';
import type { BackoffPolicy } from './sync/backoff';
import type { SyncEngine } from './sync/sync-engine';

export interface BackendOptions {
  /** Folder of the local database, its backups and logs (the OS user-data directory by default). */
  dataDir: string;
  /** Identifies this station in audit events. Defaults to a generated id stored with the database. */
  stationId?: string;
  clock?: Clock;
  /** Folder of the versioned scripts and agreement texts; `resources/` of the working directory by default. */
  resourcesDir?: string;
  /** Demo mode: seeds the documented demo accounts and demo individuals on first start. */
  demo?: { individuals: number; seed: number } | false;
  /**
   * The central service to sync with. Stored in the station's settings, so a later start without it keeps syncing
   * with the same service. autoStart (default true) runs the background sync loop.
   */
  central?: {
    url: string;
    token: string;
    autoStart?: boolean;
    intervalMs?: number;
    policy?: Partial<BackoffPolicy>;
    pullPageSize?: number;
    pushBatchSize?: number;
  };
}

export interface Backend {
  call(request: RpcRequest): Promise<Envelope<unknown>>;
  /** Subscribes to backend events; returns the unsubscribe function. */
  onEvent(listener: (event: BackendEvent) => void): () => void;
  /** The sync engine, when a central service is configured (tests and the CLI drive it directly). */
  sync?: SyncEngine | null;
  close(): Promise<void>;
}
