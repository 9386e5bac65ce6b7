/**
 * The Electron shell's own command-line flags. Chromium and Electron switches share argv, so unknown
 * arguments are ignored rather than refused.
 *   --kiosk          full screen, single window, no dev tools (DESIGN §7)
 *   --data DIR       data folder instead of the OS user-data directory (also --data=DIR)
 */
export interface ShellArgs {
  kiosk: boolean;
  /** null: use app.getPath('userData'). */
  dataDir: string | null;
}

export class ShellArgsError extends Error {
  override name = 'ShellArgsError';
}

export function parseShellArgs(argv: readonly string[]): ShellArgs {
  const args: ShellArgs = { kiosk: false, dataDir: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--kiosk') args.kiosk = true;
    else if (arg === '--data' || arg.startsWith('--data=')) {
      const value = arg === '--data' ? argv[++i] : arg.slice('--data='.length);
      if (value === undefined || value === '' || value.startsWith('--')) {
        throw new ShellArgsError('--data needs a folder, e.g. --data /path/to/folder');
      }
      args.dataDir = value;
    }
  }
  return args;
}
