/** Where things live. PII stays in the OS account's user-data directory (DESIGN §3), never under Documents. */
import { homedir, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PRODUCT_NAME = 'MQP Assist';

/** The same folder Electron's app.getPath('userData') gives for our product name. */
export function defaultDataDir(): string {
  const home = homedir();
  switch (platform()) {
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
    case 'darwin':
      return join(home, 'Library', 'Application Support', PRODUCT_NAME);
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
  }
}

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIR = join(PROJECT_ROOT, 'out', 'renderer');
export const RESOURCES_DIR = join(PROJECT_ROOT, 'resources');
