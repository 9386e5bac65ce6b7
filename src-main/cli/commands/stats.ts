/** `mqp stats --data DIR [--json]`: counts per table, the outbox, the cursor and a content checksum. */
import { readIndividualRecords } from '../../backend/store/read-individual-records';
import { openStore } from '../../backend/store/open-store';
import { contentChecksum } from '../../backend/sync/content-checksum';
import { outboxCounts } from '../../backend/sync/outbox';
import { readCursor, readLastSyncAt } from '../../backend/sync/sync-state';
import { parse, UsageError, withUsage } from '../args';
import type { CliIo } from '../io';
import { defaultDataDir } from '../paths';

const USAGE = 'mqp stats [--data DIR] [--json] [--no-checksum]';

export function run(args: string[], io: CliIo): Promise<number> {
  return withUsage(io, async () => {
    const { values, positionals } = parse(args, { data: { type: 'string' }, json: { type: 'boolean', default: false }, 'no-checksum': { type: 'boolean', default: false } }, USAGE);
    if (positionals.length > 0) throw new UsageError(`Usage: ${USAGE}`);
    const store = await openStore(values.data ?? defaultDataDir());
    try {
      const count = (table: string) => store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
      const outbox = outboxCounts(store.db);
      const stats = {
        individuals: count('individual'),
        registrations: count('registration'),
        disqualifications: count('disqualification'),
        enrollments: count('enrollment'),
        learningPlanItems: count('learning_plan_item'),
        agreementVersions: count('agreement_version'),
        auditEvents: count('audit_event'),
        reviewFlagsOpen: store.db.prepare(`SELECT count(*) FROM review_flag WHERE resolved_at IS NULL`).pluck().get() as number,
        outboxPending: outbox.pending,
        outboxFailed: outbox.failed,
        outboxConflict: outbox.conflict,
        cursor: readCursor(store.db),
        lastSyncAt: readLastSyncAt(store.db),
        individualsChecksum: values['no-checksum'] ? null : contentChecksum(readIndividualRecords(store.db)).sha256,
      };
      io.stdout.write(values.json ? `${JSON.stringify(stats)}\n` : Object.entries(stats).map(([k, v]) => `${k.padEnd(20)} ${v ?? '—'}`).join('\n') + '\n');
      return 0;
    } finally {
      await store.close();
    }
  });
}
