/**
 * Issue 6: the review queue flags what deserves a second look, supervisors decide, nobody reviews their own
 * enrollment, and every decision is an audit event.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewItem } from '../../../src-main/contract';
import { DATABASE_FILE } from '../../../src-main/backend/store/open-store';
import { call, callOk } from '../../support/test-backend';
import { supervisionStation } from './supervision-station';

let s: Awaited<ReturnType<typeof supervisionStation>>;
beforeAll(async () => {
  s = await supervisionStation();
});
afterAll(() => s.close());

const queue = async (state: 'open' | 'decided' | 'all', token = s.super1) => (await callOk<{ items: ReviewItem[] }>(s.backend, 'review.queue', { state }, token)).items;

describe('review queue', () => {
  it('lists every submitted enrollment with its automatic flags, flagged ones first', async () => {
    const items = await queue('all');
    const db = new Database(join(s.dataDir, DATABASE_FILE), { readonly: true });
    const submittedDrafts = db.prepare(`SELECT count(DISTINCT draft_id) FROM payment_attempt WHERE status = 'submitted'`).pluck().get();
    db.close();
    expect(items).toHaveLength(submittedDrafts as number);
    const kinds = new Set(items.flatMap((i) => i.flags.map((f) => f.kind)));
    // The demo history holds each situation the issue names.
    expect([...kinds].sort()).toEqual(['contact-after-consent', 'firm-email', 'late-in-window', 'pending-overdue', 'repeated-abandonment']);
    const firstUnflagged = items.findIndex((i) => i.flags.length === 0);
    expect(items.slice(firstUnflagged).every((i) => i.flags.length === 0)).toBe(true);
    for (const item of items.filter((i) => i.flags.some((f) => f.kind === 'late-in-window'))) {
      expect(item.flags.find((f) => f.kind === 'late-in-window')!.message).toMatch(/[012] day\(s\) before its enroll-by date/);
    }
  });

  it('refuses a decision on one’s own enrollment, in the backend', async () => {
    const own = (await queue('all')).find((i) => i.own);
    expect(own?.agent).toBe('Sam Supervisor');
    const refused = await call(s.backend, 'review.decide', { draftId: own!.draftId, decision: 'approved' }, s.super1);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/another supervisor/) } });
    // Another supervisor (the admin) may review it.
    const approved = await callOk<ReviewItem>(s.backend, 'review.decide', { draftId: own!.draftId, decision: 'approved' }, s.admin);
    expect(approved.decision).toMatchObject({ decision: 'approved', by: 'Ada Admin' });
  });

  it('needs a note for follow-up, keeps every decision, and audits each one', async () => {
    const item = (await queue('open')).find((i) => !i.own && i.flags.length > 0)!;
    const noNote = await call(s.backend, 'review.decide', { draftId: item.draftId, decision: 'follow-up', note: '  ' }, s.super1);
    expect(noNote).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { issues: [{ path: ['note'] }] } } });

    const followUp = await callOk<ReviewItem>(s.backend, 'review.decide', { draftId: item.draftId, decision: 'follow-up', note: 'Ask for a personal e-mail.' }, s.super1);
    expect(followUp.decision).toMatchObject({ decision: 'follow-up', note: 'Ask for a personal e-mail.', by: 'Sam Supervisor' });
    expect((await queue('open')).some((i) => i.draftId === item.draftId)).toBe(true); // follow-up stays open
    await callOk(s.backend, 'review.decide', { draftId: item.draftId, decision: 'approved' }, s.super1);
    expect((await queue('open')).some((i) => i.draftId === item.draftId)).toBe(false);
    expect((await queue('decided')).find((i) => i.draftId === item.draftId)?.decision?.decision).toBe('approved');

    const db = new Database(join(s.dataDir, DATABASE_FILE), { readonly: true });
    const events = db
      .prepare(`SELECT details FROM audit_event WHERE action = 'review.decided' AND json_extract(details, '$.draftId') = ? ORDER BY seq`)
      .pluck()
      .all(item.draftId) as string[];
    db.close();
    expect(events.map((d) => JSON.parse(d) as { decision: string; previous: string | null })).toMatchObject([
      { decision: 'follow-up', previous: null, note: 'Ask for a personal e-mail.', flags: item.flags.map((f) => f.kind) },
      { decision: 'approved', previous: 'follow-up', note: null },
    ]);
  });

  it('answers NOT_FOUND for an enrollment that was never submitted', async () => {
    expect(await call(s.backend, 'review.decide', { draftId: 'no-such-draft', decision: 'approved' }, s.super1)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
