/** `mqp audit verify --data DIR`: exit 0 when the chain holds, 1 naming the first broken event. */
import { verifyStoredChain } from '../../backend/audit/verify-stored-chain';
import { openStore } from '../../backend/store/open-store';
import { parse, UsageError, withUsage } from '../args';
import type { CliIo } from '../io';
import { defaultDataDir } from '../paths';

const USAGE = 'mqp audit verify [--data DIR]';

export function run(args: string[], io: CliIo): Promise<number> {
  return withUsage(io, async () => {
    const { values, positionals } = parse(args, { data: { type: 'string' } }, USAGE);
    if (positionals[0] !== 'verify' || positionals.length > 1) throw new UsageError(`Usage: ${USAGE}`);
    const store = await openStore(values.data ?? defaultDataDir());
    try {
      const report = verifyStoredChain(store.db, (n) => io.stderr.write(`checked ${n} events…\n`));
      if (report.ok) {
        io.stdout.write(`Audit chain intact: ${report.checked} events verified.\n`);
        return 0;
      }
      const broken = report.firstBroken!;
      io.stdout.write(`Audit chain BROKEN at event ${broken.seq}: ${broken.problem}. ${report.checked} events before it verified.\n`);
      return 1;
    } finally {
      await store.close();
    }
  });
}
