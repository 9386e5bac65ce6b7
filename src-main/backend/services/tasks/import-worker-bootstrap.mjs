// Starts the import worker from the TypeScript sources (tests, `mqp serve`, tsx): registers tsx in this thread
// first, as bin/mqp.js does for the CLI. The built app starts the bundled import-worker.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./import-worker.ts');
