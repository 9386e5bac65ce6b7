/** `mqp import FILE.jsonl --data DIR`: validated, atomic, idempotent on CRD; progress on stderr. */
import { createReadStream, existsSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { todayInNewYork } from '../../backend/domain';
import { importIndividuals } from '../../backend/services/import/import-individuals';
import { ensureStationId } from '../../backend/station-id';
import { openStore } from '../../backend/store/open-store';
import { parse, UsageError, withUsage } from '../args';
import type { CliIo } from '../io';
import { defaultDataDir } from '../paths';

const USAGE = 'mqp import FILE.jsonl [--data DIR]';

export function run(args: string[], io: CliIo): Promise<number> {
  return withUsage(io, async () => {
    const { values, positionals } = parse(args, { data: { type: 'string' } }, USAGE);
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError(`Give exactly one file to import.\nUsage: ${USAGE}`);
    if (!existsSync(file)) throw new UsageError(`The file ${file} does not exist.`);

    const store = await openStore(values.data ?? defaultDataDir());
    try {
      const now = new Date();
      const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
      const report = await importIndividuals(store.db, lines, {
        asOf: todayInNewYork(now),
        now,
        stationId: ensureStationId(store.db),
        staffId: null,
        source: `mqp import ${basename(file)}`,
        onProgress: (done) => io.stderr.write(`imported ${done} lines…\n`),
      });
      if (!report.ok) {
        for (const p of report.problems) io.stderr.write(`line ${p.line}, ${p.field}: ${p.problem}\n`);
        io.stderr.write(`Nothing was imported: fix the ${report.problems.length === 1 ? 'problem' : 'problems'} above and import the file again.\n`);
        return 2;
      }
      io.stderr.write(`Imported ${report.inserted + report.updated} individuals (${report.inserted} new, ${report.updated} updated).\n`);
      return 0;
    } finally {
      await store.close();
    }
  });
}
