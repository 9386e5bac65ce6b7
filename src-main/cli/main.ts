/**
 * `mqp` command line. Each command is a module exporting `run(args, io)` that returns the exit code.
 * Exit codes: 0 success, 1 a check failed (e.g. audit chain broken), 2 bad usage or malformed input.
 */
import type { CliIo } from './io';

type Command = { summary: string; load: () => Promise<{ run(args: string[], io: CliIo): Promise<number> }> };

const commands: Record<string, Command> = {
  eligibility: { summary: 'eligibility --as-of YYYY-MM-DD FILE|-   evaluate §4 input JSON', load: () => import('./commands/eligibility') },
  'demo-data': { summary: 'demo-data --count N --seed S --out FILE.jsonl   synthetic individuals', load: () => import('./commands/demo-data') },
  import: { summary: 'import FILE.jsonl --data DIR   validated, atomic import', load: () => import('./commands/import') },
  audit: { summary: 'audit verify --data DIR   verify the audit hash chain', load: () => import('./commands/audit') },
  central: { summary: 'central --port P --data DIR [--seed N] [--station-token T]   the reference central service', load: () => import('./commands/central') },
  sync: { summary: 'sync --data DIR --central URL --token T [--once]   sync this station with a central service', load: () => import('./commands/sync') },
  stats: { summary: 'stats --data DIR --json   counts per table, outbox and cursor', load: () => import('./commands/stats') },
  serve: { summary: 'serve [--data DIR] [--port P]   serve the console through the web host', load: () => import('./commands/serve') },
};

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    const lines = Object.values(commands).map((c) => `  mqp ${c.summary}`);
    io.stderr.write(`${name ? `Unknown command "${name}".\n` : ''}Usage:\n${lines.join('\n')}\n`);
    return name ? 2 : 0;
  }
  const mod = await command.load();
  return mod.run(rest, io);
}
