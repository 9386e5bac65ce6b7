/** Before a run: empty the screenshot artifacts folder, so CI keeps only this run's screens. */
import { rmSync } from 'node:fs';
import { ARTIFACTS_DIR } from './screens';

export default function globalSetup(): void {
  rmSync(ARTIFACTS_DIR, { recursive: true, force: true });
}
