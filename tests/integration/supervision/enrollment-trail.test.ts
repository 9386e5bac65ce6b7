/**
 * Issue 6: an enrollment's audit view shows every event in order with what it changed and its chain status, the
 * consent with the agreement texts of the versions accepted, and payment attempts with token, brand and last four
 * only; its PDF evidence packet says the same; a JSONL export re-verifies without the app.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollmentTrail, ExportFile, ReviewItem } from '../../../src-main/contract';
import { DATABASE_FILE } from '../../../src-main/backend/store/open-store';
import { extractPdfText } from '../../support/pdf-text';
import { call, callOk } from '../../support/test-backend';
import { tempDir } from '../../support/temp-dir';
import { RANGE, supervisionStation } from './supervision-station';

let s: Awaited<ReturnType<typeof supervisionStation>>;
let item: ReviewItem;
beforeAll(async () => {
  s = await supervisionStation();
  const { items } = await callOk<{ items: ReviewItem[] }>(s.backend, 'review.queue', { state: 'all' }, s.super1);
  // A declined payment followed by a paid one: the richest trail of the demo history.
  for (const candidate of items) {
    const trail = await callOk<EnrollmentTrail>(s.backend, 'audit.enrollment', { draftId: candidate.draftId }, s.super1);
    if (trail.events.some((e) => e.action === 'payment.retried')) {
      item = candidate;
      break;
    }
  }
});
afterAll(() => s.close());

const trailOf = () => callOk<EnrollmentTrail>(s.backend, 'audit.enrollment', { draftId: item.draftId }, s.super1);

describe('enrollment audit view', () => {
  it('shows the events in order with before → after, the consent texts and the attempts', async () => {
    const trail = await trailOf();
    const seqs = trail.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(trail.events.every((e) => e.chain === 'ok')).toBe(true);
    expect(trail.chain).toMatchObject({ ok: true, firstBroken: null });
    expect(trail.chain.checked).toBeGreaterThanOrEqual(trail.events.length);

    const steps = trail.events.flatMap((e) => e.changes.filter((c) => c.field === 'step'));
    expect(steps.slice(0, 3)).toEqual([
      { field: 'step', before: null, after: 'program' },
      { field: 'step', before: 'program', after: 'contact' },
      { field: 'step', before: 'contact', after: 'qualifications' },
    ]);
    const payments = trail.events.flatMap((e) => e.changes.filter((c) => c.field === 'payment').map((c) => `${String(c.before)}→${String(c.after)}`));
    expect(payments).toEqual(['null→started', 'started→tokenized', 'tokenized→submitted', 'submitted→retrying', 'retrying→started', 'started→tokenized', 'tokenized→submitted']);

    expect(trail.consent.map((c) => [c.kind, c.version])).toEqual([['terms', '2024-01'], ['payment', '2024-01']]);
    for (const c of trail.consent) expect(c.text.length).toBeGreaterThan(100);
    expect(trail.scripts.map((x) => x.step)).toContain('qualifications');
    expect(trail.attempts).toHaveLength(2);
    for (const a of trail.attempts) expect(Object.keys(a).sort()).toEqual(['amountUsd', 'brand', 'failureReason', 'key', 'last4', 'method', 'staff', 'startedAt', 'status', 'submittedAt', 'token']);
  });

  it('marks an event altered with raw SQL as broken, and names it', async () => {
    const before = await trailOf();
    const target = before.events.find((e) => e.action === 'enrollment.consentRecorded')!;
    const db = new Database(join(s.dataDir, DATABASE_FILE));
    db.exec('DROP TRIGGER audit_event_no_update');
    db.prepare(`UPDATE audit_event SET details = json_set(details, '$.feeUsd', 0) WHERE seq = ?`).run(target.seq);
    db.close();
    const after = await trailOf();
    expect(after.events.filter((e) => e.chain === 'broken').map((e) => e.seq)).toEqual([target.seq]);
    expect(after.chain).toMatchObject({ ok: false, firstBroken: { seq: target.seq, problem: expect.stringMatching(/altered/) } });
    // Put it back so the other tests see a sound chain.
    const fix = new Database(join(s.dataDir, DATABASE_FILE));
    fix.prepare(`UPDATE audit_event SET details = json_set(details, '$.feeUsd', ?) WHERE seq = ?`).run((target.details as { feeUsd: number }).feeUsd, target.seq);
    fix.close();
    expect((await trailOf()).chain.ok).toBe(true);
  });

  it('exports the evidence packet as a PDF a person can read, and audits the export with its hash', async () => {
    const file = await callOk<ExportFile>(s.backend, 'audit.exportPdf', { draftId: item.draftId }, s.super1);
    expect(file).toMatchObject({ mediaType: 'application/pdf', encoding: 'base64', fileName: expect.stringMatching(new RegExp(`^mqp-evidence-${item.crd}-.+\\.pdf$`)) });
    const pdf = await extractPdfText(Buffer.from(file.content, 'base64'));
    const text = pdf.text.replace(/\s+/g, '');
    const trail = await trailOf();
    expect(pdf.text).toContain('MQP enrollment evidence packet');
    expect(pdf.text).toContain(item.crd);
    for (const e of trail.events.filter((x) => x.action !== 'audit.enrollmentViewed' && x.action !== 'audit.exported')) expect(text).toContain(e.hash);
    expect(text).toContain(trail.consent[0].text.replace(/\s+/g, '').slice(-60));
    const db = new Database(join(s.dataDir, DATABASE_FILE), { readonly: true });
    const exported = JSON.parse(db.prepare(`SELECT details FROM audit_event WHERE action = 'audit.exported' ORDER BY seq DESC LIMIT 1`).pluck().get() as string) as { sha256: string };
    db.close();
    const { createHash } = await import('node:crypto');
    expect(exported.sha256).toBe(createHash('sha256').update(Buffer.from(file.content, 'base64')).digest('hex'));
  });

  it('exports a date range as JSON lines that `mqp audit verify --file` accepts, and names an altered line', async () => {
    const file = await callOk<ExportFile>(s.backend, 'audit.exportJsonl', RANGE, s.super1);
    expect(file.events).toBeGreaterThan(100);
    const dir = tempDir();
    try {
      const path = join(dir.path, file.fileName);
      writeFileSync(path, file.content);
      const ok = spawnSync(process.execPath, ['bin/mqp.js', 'audit', 'verify', '--file', path], { encoding: 'utf8' });
      expect(ok.status, ok.stderr).toBe(0);
      const lines = file.content.split('\n');
      lines[9] = lines[9].replace('"action":"', '"action":"x');
      writeFileSync(path, lines.join('\n'));
      const bad = spawnSync(process.execPath, ['bin/mqp.js', 'audit', 'verify', '--file', path], { encoding: 'utf8' });
      expect(bad.status).not.toBe(0);
      expect(bad.stdout + bad.stderr).toMatch(/line 10\b/);
    } finally {
      dir.cleanup();
    }
  });

  it('answers NOT_FOUND for an unknown enrollment, and FORBIDDEN for agents', async () => {
    expect(await call(s.backend, 'audit.enrollment', { draftId: 'nope' }, s.super1)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(s.backend, 'audit.exportPdf', { draftId: item.draftId }, s.agent1)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
