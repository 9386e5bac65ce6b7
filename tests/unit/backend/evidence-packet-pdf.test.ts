/**
 * Issue 6: an enrollment's evidence packet as PDF. The packet is rendered from a hand-built trail and read back
 * with pdf.js, so every assertion is about text a regulator can actually see in the file.
 */
import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EnrollmentTrail, TrailEvent } from '../../../src-main/contract/supervision';
import { renderEvidencePacketPdf } from '../../../src-main/backend/audit/evidence-packet-pdf';
import { toWinAnsi, wrapLine } from '../../../src-main/backend/audit/pdf-layout';
import { TEST_CARD_NUMBERS } from '../../support/card-scan';
import { extractPdfText, type PdfText } from '../../support/pdf-text';

const DECLINED_CARD = TEST_CARD_NUMBERS[1];
const TERMS_END = 'These Terms and Conditions end here, and nothing outside them binds either party.';
const PAYMENT_END = 'Este Acuerdo de Pago termina aquí y se rige por las leyes del Distrito de Columbia.';
const META = { stationId: 'ST-0042', generatedAt: '2024-09-02T14:30:00.000Z', generatedBy: 'Mei 名 Lin' };

/** Many paragraphs, so the agreement texts alone run over more than one page. */
function longText(sentence: (paragraph: number, line: number) => string, end: string): string {
  const paragraphs = Array.from({ length: 14 }, (_, p) => Array.from({ length: 5 }, (_, l) => sentence(p + 1, l + 1)).join(' '));
  return [...paragraphs, end].join('\n\n');
}

const termsText = longText(
  (p, l) => `Section ${p}.${l}: the participant agrees to complete the “continuing education” content assigned in the learning plan – on time, and in full.`,
  TERMS_END,
);
const paymentText = longText(
  (p, l) => `Cláusula ${p}.${l}: el participante autoriza el cargo de la cuota anual del programa — no reembolsable — a la tarjeta indicada.`,
  PAYMENT_END,
);

const ACTIONS = ['enrollment.stepShown', 'individual.viewed', 'call.noteAdded', 'enrollment.resumed', 'individual.contactUpdated'];

/** ~40 events chained with real SHA-256 hashes; one of them (#37) is shown as a broken link. */
function chainedEvents(): TrailEvent[] {
  let prevHash = '0'.repeat(64);
  return Array.from({ length: 40 }, (_, i) => {
    const seq = 101 + i;
    const at = new Date(Date.UTC(2024, 8, 1, 15, i, 7)).toISOString();
    const action = i === 30 ? 'payment.refused' : i === 34 ? 'payment.submitted' : ACTIONS[i % ACTIONS.length];
    const details = i === 30 ? { reason: `card ${DECLINED_CARD} declined`, last4: DECLINED_CARD.slice(-4) } : { step: i % 6 };
    const changes = action === 'individual.contactUpdated' ? [{ field: 'email', before: 'jose@example.com', after: 'jose.munoz@example.net' }] : [];
    const hash = createHash('sha256').update(JSON.stringify({ seq, at, action, details, prevHash })).digest('hex');
    const event: TrailEvent = { seq, at, staff: i === 0 ? null : 'Ana Ruiz', stationId: META.stationId, action, details, changes, prevHash, hash, chain: seq === 137 ? 'broken' : 'ok' };
    prevHash = hash;
    return event;
  });
}

const events = chainedEvents();
const trail: EnrollmentTrail = {
  item: {
    draftId: 'draft-7f3a',
    crd: '5123456',
    name: 'José Łukasz Muñoz-Ñúñez',
    categories: ['GS', 'IR'],
    agent: 'Ana Ruiz',
    submittedAt: '2024-09-01T15:34:07.000Z',
    status: 'Enrolled',
    confirmationNumber: 'MQP-2024-000317',
    flags: [],
    decision: null,
    own: false,
  },
  feeUsd: 100,
  consent: [
    { kind: 'terms', version: 'terms-2024.2', language: 'en', acceptedAt: '2024-09-01T15:12:07.000Z', acceptedBy: 'Ana Ruiz', scriptVersion: 'script-3.1', title: 'Terms and Conditions', text: termsText },
    { kind: 'payment', version: 'payment-2024.1-es', language: 'es', acceptedAt: '2024-09-01T15:13:07.000Z', acceptedBy: 'Ana Ruiz', scriptVersion: 'script-3.1-es', title: 'Acuerdo de Pago', text: paymentText },
  ],
  scripts: [
    { step: 'program', version: 'script-3.1', at: '2024-09-01T15:01:07.000Z' },
    { step: 'qualifications', version: 'script-3.1', at: '2024-09-01T15:10:07.000Z' },
    { step: 'payment', version: 'script-3.1-es', at: '2024-09-01T15:20:07.000Z' },
  ],
  attempts: [
    { key: 'idem-1', method: 'card', status: 'declined', token: 'tok_decl_Xq', brand: 'visa', last4: '0002', amountUsd: 100, startedAt: '2024-09-01T15:28:07.000Z', submittedAt: '2024-09-01T15:30:07.000Z', failureReason: `card ${DECLINED_CARD} was declined`, staff: 'Ana Ruiz' },
    { key: 'idem-2', method: 'card', status: 'succeeded', token: 'tok_ok_Lm', brand: 'mastercard', last4: '4444', amountUsd: 100, startedAt: '2024-09-01T15:32:07.000Z', submittedAt: '2024-09-01T15:34:07.000Z', failureReason: null, staff: 'Ana Ruiz' },
  ],
  decisions: [{ decision: 'approved', note: 'Consent read in Spanish; caller confirmed “sí” twice.', by: 'Sofía Tanaka', at: '2024-09-02T10:00:00.000Z' }],
  events,
  chain: { ok: false, checked: 5120, firstBroken: { seq: 137, problem: 'its hash does not match its content' } },
  asOf: '2024-09-02T14:29:58.000Z',
};

let bytes: Uint8Array;
let pdf: PdfText;
/** Line breaks and runs of spaces made single spaces: wrapped sentences read as written. */
let flowing: string;

beforeAll(async () => {
  bytes = await renderEvidencePacketPdf(trail, META);
  pdf = await extractPdfText(bytes);
  flowing = pdf.text.replace(/\s+/g, ' ');
});

describe('the enrollment evidence packet (issue 6)', () => {
  it('opens with its title and names the enrollment, also in the PDF metadata', async () => {
    const lines = pdf.pages[0].split('\n').map((l) => l.trim());
    expect(lines[0]).toBe('MQP enrollment evidence packet');
    expect(flowing).toContain('CRD 5123456');
    expect(flowing).toContain('Confirmation number MQP-2024-000317');
    expect(flowing).toContain('Fee $100.00');
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect([doc.getTitle(), doc.getSubject(), doc.getCreator()]).toEqual(['MQP enrollment evidence packet', '5123456', 'MQP Assist']);
  });

  it('has its sections in the order of the issue', () => {
    const lines = pdf.text.split('\n').map((l) => l.trim());
    const order = ['Enrollment', 'Review decisions', 'Consent evidence', 'Scripts shown', 'Payment attempts', 'Timeline', 'Chain summary', 'Event hashes'].map((h) => lines.indexOf(h));
    expect(order.every((at) => at > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('holds the consent evidence with the full text of each accepted agreement version', () => {
    expect(flowing).toContain('Version terms-2024.2');
    expect(flowing).toContain('Version payment-2024.1-es');
    expect(flowing).toContain('Script version script-3.1-es');
    expect(flowing).toContain(TERMS_END);
    expect(flowing).toContain(PAYMENT_END);
    expect(flowing.indexOf(TERMS_END)).toBeLessThan(flowing.indexOf('Version payment-2024.1-es'));
  });

  it('prints every event with its changes, and its prevHash and hash in full', () => {
    const compact = pdf.text.replace(/\s+/g, '');
    for (const e of events) {
      expect(flowing).toContain(`#${e.seq} ${e.at} ${e.action}`);
      expect(compact).toContain(e.prevHash);
      expect(compact).toContain(e.hash);
    }
    expect(flowing).toContain('email: "jose@example.com" -> "jose.munoz@example.net"');
  });

  it('names the broken link in the timeline and in the chain summary', () => {
    expect(flowing).toContain('by Ana Ruiz on station ST-0042 · chain BROKEN');
    expect(flowing.match(/chain BROKEN/g)).toHaveLength(1);
    expect(flowing).toContain('Chain holds no');
    expect(flowing).toContain('Events checked 5120');
    expect(flowing).toContain('First broken link #137: its hash does not match its content');
  });

  it('shows the payment attempts by brand, last four and token, and never a card number', () => {
    expect(flowing).toContain('Status declined Brand visa Last four 0002 Token tok_decl_Xq Amount $100.00');
    expect(flowing).toContain('Status succeeded Brand mastercard Last four 4444 Token tok_ok_Lm');
    let withoutHashes = pdf.text;
    for (const h of events.flatMap((e) => [e.prevHash, e.hash])) withoutHashes = withoutHashes.replace(new RegExp(h.split('').join('\\s*')), '');
    expect(withoutHashes).not.toMatch(/\d{12,19}/);
    expect(pdf.text.replace(/\s+/g, '')).not.toContain(DECLINED_CARD);
  });

  it('keeps Spanish accents, curly quotes and dashes, and draws "?" for what the standard fonts cannot', () => {
    expect(flowing).toContain('Name José ?ukasz Muñoz-Ñúñez');
    expect(flowing).toContain('caller confirmed “sí” twice');
    expect(flowing).toContain('“continuing education” content assigned in the learning plan – on time');
    expect(flowing).toContain('cuota anual del programa — no reembolsable —');
  });

  it('runs over several pages, each with its footer', () => {
    expect(pdf.pageCount).toBeGreaterThan(1);
    pdf.pages.forEach((page, i) => {
      expect(page.replace(/\s+/g, ' ')).toContain(`page ${i + 1} of ${pdf.pageCount} · generated 2024-09-02T14:30:00.000Z by Mei ? Lin on station ST-0042`);
    });
  });
});

describe('the PDF text helpers', () => {
  it('never throw on text the standard fonts cannot encode: it becomes "?"', async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const encodable = new Set(font.getCharacterSet());
    // A decomposed "é" (e + combining accent) is composed first, so it is kept.
    expect(toWinAnsi('Ñúñez\tJose\u0301 “ok” – Ł 名 😀 \ud800 \u0007', encodable)).toBe('Ñúñez José “ok” – ? ? ? ? ?');
    expect(() => font.widthOfTextAtSize(toWinAnsi('名前 😀 \ud800', encodable), 10)).not.toThrow();
  });

  it('cut a word wider than the line where the line is full, and keep an indent', async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Courier);
    const token = 'f'.repeat(100);
    // Courier is 0.6 em wide: 10 characters at 10 pt are 60 pt.
    expect(wrapLine(`ab ${token}`, font, 10, 60)).toEqual(['ab', ...Array.from({ length: 10 }, () => 'ffffffffff')]);
    expect(wrapLine('    hash 12', font, 10, 600)).toEqual(['    hash 12']);
  });
});
