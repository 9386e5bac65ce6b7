/**
 * An enrollment's evidence packet as PDF (issue 6): what was enrolled, the review decisions, the consent evidence
 * with the full agreement text of each accepted version, the scripts shown, the payment attempts, the audit timeline
 * with the chain status of every event, and the hashes a regulator needs to re-verify the chain (DESIGN §6).
 * Card data never appears: only method, brand, last four and the token the central service issued (DESIGN §5).
 */
import { PDFDocument } from 'pdf-lib';
import type { EnrollmentTrail, TrailEvent } from '../../contract/supervision';
import { PdfLayout } from './pdf-layout';

export interface EvidencePacketMeta {
  stationId: string;
  generatedAt: string;
  generatedBy: string;
}

const TITLE = 'MQP enrollment evidence packet';
const NONE = '—';

export async function renderEvidencePacketPdf(trail: EnrollmentTrail, meta: EvidencePacketMeta): Promise<Uint8Array> {
  // No automatic metadata: the packet carries the time it was generated, not pdf-lib's clock.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(TITLE);
  doc.setSubject(trail.item.crd);
  doc.setCreator('MQP Assist');
  doc.setAuthor(meta.generatedBy);
  const generated = new Date(meta.generatedAt);
  if (!Number.isNaN(generated.getTime())) doc.setCreationDate(generated);

  const out = await PdfLayout.create(doc);
  out.text(TITLE, { font: 'bold', size: 18 });
  out.space(6);
  writeEnrollment(out, trail);
  writeDecisions(out, trail);
  writeConsent(out, trail);
  writeScripts(out, trail);
  writeAttempts(out, trail);
  writeTimeline(out, trail.events);
  writeChainSummary(out, trail);
  writeHashes(out, trail.events);
  out.addFooters((n, total) => `page ${n} of ${total} · generated ${meta.generatedAt} by ${meta.generatedBy} on station ${meta.stationId}`);
  return doc.save();
}

function writeEnrollment(out: PdfLayout, { item, feeUsd }: EnrollmentTrail): void {
  out.heading('Enrollment');
  out.field('CRD', item.crd);
  out.field('Name', item.name);
  out.field('Categories', item.categories.join(', ') || NONE);
  out.field('Agent', item.agent);
  out.field('Submitted at', item.submittedAt);
  out.field('Status', item.status ?? NONE);
  out.field('Confirmation number', item.confirmationNumber ?? NONE);
  out.field('Fee', feeUsd === null ? NONE : usd(feeUsd));
}

function writeDecisions(out: PdfLayout, { decisions }: EnrollmentTrail): void {
  out.heading('Review decisions');
  if (decisions.length === 0) out.text('No review decision yet.');
  for (const d of decisions) {
    out.field(d.decision, `by ${d.by} at ${d.at}`);
    if (d.note) out.field('Note', d.note, { indent: 12 });
  }
}

function writeConsent(out: PdfLayout, { consent }: EnrollmentTrail): void {
  out.heading('Consent evidence');
  if (consent.length === 0) out.text('No agreement was accepted.');
  for (const a of consent) {
    out.heading(`${a.title}, version ${a.version}`, 11);
    out.field('Kind', a.kind);
    out.field('Version', a.version);
    out.field('Language', a.language);
    out.field('Accepted at', a.acceptedAt);
    out.field('Accepted by', a.acceptedBy);
    out.field('Script version', a.scriptVersion);
    out.space(4);
    out.text(`Text of version ${a.version}, as the caller heard it:`, { font: 'bold', size: 9 });
    out.text(a.text, { size: 9 });
  }
}

function writeScripts(out: PdfLayout, { scripts }: EnrollmentTrail): void {
  out.heading('Scripts shown');
  if (scripts.length === 0) out.text('No script was recorded.');
  for (const s of scripts) out.field(s.step, `version ${s.version}, shown at ${s.at}`);
}

/** Only what the station may keep about a card: brand, last four and the token (DESIGN §5). */
function writeAttempts(out: PdfLayout, { attempts }: EnrollmentTrail): void {
  out.heading('Payment attempts');
  if (attempts.length === 0) out.text('No payment was attempted.');
  attempts.forEach((a, i) => {
    out.text(`Attempt ${i + 1}`, { font: 'bold' });
    out.field('Method', a.method ?? NONE);
    out.field('Status', a.status);
    out.field('Brand', a.brand ?? NONE);
    out.field('Last four', a.last4 ?? NONE);
    out.field('Token', a.token ?? NONE);
    out.field('Amount', usd(a.amountUsd));
    out.field('Started at', a.startedAt);
    out.field('Submitted at', a.submittedAt ?? NONE);
    out.space(4);
  });
}

function writeTimeline(out: PdfLayout, events: TrailEvent[]): void {
  out.heading('Timeline');
  if (events.length === 0) out.text('No audit event was found for this enrollment.');
  for (const e of events) {
    out.text(`#${e.seq}  ${e.at}  ${e.action}`, { font: 'bold', size: 9 });
    const by = `by ${e.staff ?? 'the system'} on station ${e.stationId}`;
    if (e.chain === 'ok') out.text(`${by} · chain ok`, { size: 9, indent: 12 });
    else out.text(`${by} · chain BROKEN`, { font: 'bold', size: 9, indent: 12 });
    for (const c of e.changes) out.text(`${c.field}: ${shown(c.before)} -> ${shown(c.after)}`, { size: 9, indent: 12 });
    out.space(3);
  }
}

function writeChainSummary(out: PdfLayout, { chain, asOf }: EnrollmentTrail): void {
  out.heading('Chain summary');
  out.field('Chain holds', chain.ok ? 'yes' : 'no');
  out.field('Events checked', String(chain.checked));
  out.field('First broken link', chain.firstBroken ? `#${chain.firstBroken.seq}: ${chain.firstBroken.problem}` : 'none');
  out.field('Checked as of', asOf);
}

/** DESIGN §6: hash = SHA-256 of the event including prevHash; printed in full so the chain can be recomputed. */
function writeHashes(out: PdfLayout, events: TrailEvent[]): void {
  out.heading('Event hashes');
  for (const e of events) {
    const seq = `#${e.seq}`.padEnd(8);
    out.text(`${seq}prevHash ${e.prevHash}\n${' '.repeat(8)}hash     ${e.hash}`, { font: 'mono', size: 8, keepTogether: true });
  }
}

function usd(amount: number): string {
  return `$${amount.toFixed(2)}`;
}

function shown(value: unknown): string {
  return value === undefined ? NONE : (JSON.stringify(value) ?? String(value));
}
