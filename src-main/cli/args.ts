/** Argument parsing shared by the commands: node's parseArgs, with errors turned into exit code 2. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIo } from './io';

export class UsageError extends Error {}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nUsage: ${usage}`);
  }
}

/** Runs a command body; a UsageError becomes a message on stderr and exit code 2. */
export async function withUsage(io: CliIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
