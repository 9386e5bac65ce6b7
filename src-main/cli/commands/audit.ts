/**
 * `mqp audit verify [--data DIR | --file export.jsonl]`: exit 0 when the chain holds, 1 naming the first broken
 * event (and, for a file, its line). `mqp audit export [--data DIR] [--from D] [--to D] --out FILE`: the audit
 * stream as JSON lines with the chain hashes.
 */
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { appendAuditEvent } from '../../backend/audit/append-audit-event';
import { auditJsonLines, verifyJsonLines } from '../../backend/audit/audit-jsonl';
import { verifyStoredChain } from '../../backend/audit/verify-stored-chain';
import { isValidDate } from '../../backend/domain';
import { ensureStationId } from '../../backend/station-id';
import { openStore } from '../../backend/store/open-store';
import { parse, UsageError, withUsage } from '../args';
import type { CliIo } from '../io';
import { defaultDataDir } from '../paths';

const USAGE = 'mqp audit verify [--data DIR | --file export.jsonl]\n       mqp audit export [--data DIR] [--from YYYY-MM-DD] [--to YYYY-MM-DD] --out FILE';

export function run(args: string[], io: CliIo): Promise<number> {
  return withUsage(io, async () => {
    const { values, positionals } = parse(
      args,
      { data: { type: 'string' }, file: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
      USAGE,
    );
    if (positionals.length !== 1) throw new UsageError(`Usage: ${USAGE}`);
    if (positionals[0] === 'verify') return values.file ? verifyFile(values.file, io) : verifyStation(values.data ?? defaultDataDir(), io);
    if (positionals[0] === 'export') return exportStream(values, io);
    throw new UsageError(`Unknown audit command "${positionals[0]}".\nUsage: ${USAGE}`);
  });
}

async function verifyStation(dataDir: string, io: CliIo): Promise<number> {
  const store = await openStore(dataDir);
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
}

function verifyFile(file: string, io: CliIo): number {
  if (!existsSync(file)) throw new UsageError(`The file ${file} does not exist.`);
  const report = verifyJsonLines(readFileSync(file, 'utf8').split(/\r?\n/));
  if (report.ok) {
    const anchor = report.anchor!;
    const from = anchor.genesis ? 'from the first event of the station' : `from event ${anchor.seq}, linked to the earlier event hash ${anchor.prevHash}`;
    io.stdout.write(`Audit export intact: ${report.checked} events verified, ${from}.\n`);
    return 0;
  }
  const broken = report.firstBroken!;
  const event = broken.seq >= 0 ? ` (event ${broken.seq})` : '';
  io.stdout.write(`Audit export BROKEN at line ${report.line ?? '?'}${event}: ${broken.problem}.\n`);
  return 1;
}

async function exportStream(values: { data?: string; from?: string; to?: string; out?: string }, io: CliIo): Promise<number> {
  if (!values.out) throw new UsageError(`--out FILE is required.\nUsage: ${USAGE}`);
  for (const flag of ['from', 'to'] as const) {
    if (values[flag] && !isValidDate(values[flag]!)) throw new UsageError(`--${flag} must be a date written YYYY-MM-DD, not "${values[flag]}".`);
  }
  const store = await openStore(values.data ?? defaultDataDir());
  try {
    const out = createWriteStream(values.out);
    let lines = 0;
    for (const line of auditJsonLines(store.db, values.from ?? null, values.to ?? null)) {
      if (!out.write(`${line}\n`)) await once(out, 'drain');
      lines += 1;
    }
    out.end();
    await once(out, 'finish');
    // An export is itself audited (issue 6).
    const now = new Date();
    store.db.transaction(() =>
      appendAuditEvent(store.db, { staffId: null, action: 'audit.exported', entity: 'audit', details: { via: 'cli', from: values.from ?? null, to: values.to ?? null, events: lines } }, now, ensureStationId(store.db)),
    ).immediate();
    io.stderr.write(`Exported ${lines} audit events to ${values.out}.\n`);
    return 0;
  } finally {
    await store.close();
  }
}
