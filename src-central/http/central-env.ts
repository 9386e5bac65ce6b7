/** The Hono environment of the central app: Node's request/response, plus a mark on internal replays. */
import type { HttpBindings } from '@hono/node-server';
import type { Clock } from '../../src-main/backend/clock';
import type { CentralDb } from '../store/central-db';
import type { ChangeFeed } from '../services/change-feed';
import type { Faults } from '../services/faults';
import type { CardVault } from '../services/payments/card-vault';
import type { Settlement } from '../services/payments/settlement';
import type { StationTokens } from '../services/station-tokens';

export type CentralEnv = {
  Bindings: HttpBindings & {
    /** Set when the fault injector replays a request (duplicateRate): no second round of faults. */
    replay?: true;
  };
};

/** Everything the routes need, built once at start-up. */
export interface CentralServices {
  centralDb: CentralDb;
  feed: ChangeFeed;
  tokens: StationTokens;
  faults: Faults;
  vault: CardVault;
  settlement: Settlement;
  clock: Clock;
  /** The server's date for the rules: America/New_York today, or `--today`. */
  today: () => string;
  settleMs: number;
  /** Admin endpoints exist only when this is set (`--admin-token`). */
  adminToken: string | null;
  tables: string[];
  logError: (message: string) => void;
}
