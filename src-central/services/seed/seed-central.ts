/**
 * `--seed N`: N demo individuals from the shared generator, the agreement texts, and learning plans for a sample —
 * with their changes — in ONE transaction on raw prepared statements (the measured hot path: 100,000 individuals in
 * a few seconds). Seeds only an empty database, so restarting with the same arguments keeps the data as it is.
 */
import { generateDemoIndividuals } from '../../../src-main/backend/domain';
import type { CentralDb } from '../../store/central-db';
import { bulkChangeRecorder } from '../change-log';
import { seedAgreementVersions } from './agreement-texts';
import { sampleLearningPlan } from './sample-learning-plans';

export interface SeedReport {
  seeded: boolean;
  individuals: number;
  learningPlanItems: number;
  agreementVersions: number;
  ms: number;
}

export async function seedCentral(centralDb: CentralDb, options: { count: number; seed: string; now: Date }): Promise<SeedReport> {
  const started = performance.now();
  const report = await centralDb.bulk((db) => {
    const existing = db.prepare(`SELECT (SELECT COUNT(*) FROM individual) + (SELECT COUNT(*) FROM agreement_version)`).pluck().get() as number;
    if (existing > 0) return { seeded: false, individuals: 0, learningPlanItems: 0, agreementVersions: 0 };

    const changes = bulkChangeRecorder(db, options.now);
    const updatedAt = options.now.toISOString();
    const insertAgreement = db.prepare(`INSERT INTO agreement_version (id, kind, version, language, text, effective_from) VALUES (?, ?, ?, ?, ?, ?)`);
    const agreements = seedAgreementVersions();
    for (const a of agreements) {
      insertAgreement.run(a.id, a.kind, a.version, a.language, a.text, a.effectiveFrom);
      changes.record('agreementVersion', a.id);
    }

    const insertIndividual = db.prepare(`INSERT INTO individual (crd, first_name, last_name, date_of_birth, email, phone, street, city,
      state, zip, country, finpro_last_login, firm_domains, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertRegistration = db.prepare(`INSERT INTO registration (crd, position, category, series, level, start_date, termination_date,
      termination_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertDisqualification = db.prepare(`INSERT INTO disqualification (crd, position, kind, date) VALUES (?, ?, ?, ?)`);
    const insertItem = db.prepare(`INSERT INTO learning_plan_item (id, crd, category, element, title, due_date, completed_date)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);

    let individuals = 0;
    let learningPlanItems = 0;
    for (const p of generateDemoIndividuals(options.count, options.seed)) {
      const a = p.address;
      insertIndividual.run(p.crd, p.firstName, p.lastName, p.dateOfBirth ?? null, p.email, p.phone ?? null, a.street, a.city, a.state, a.zip,
        a.country, p.finproLastLogin ?? null, JSON.stringify(p.firmDomains), updatedAt);
      p.registrations.forEach((r, i) =>
        insertRegistration.run(p.crd, i, r.category, r.series ?? null, r.level, r.startDate, r.terminationDate ?? null, r.terminationType ?? null));
      p.disqualifications.forEach((d, i) => insertDisqualification.run(p.crd, i, d.kind, d.date));
      changes.record('individual', p.crd);
      for (const item of sampleLearningPlan(p, individuals)) {
        insertItem.run(item.id, item.crd, item.category, item.element, item.title, item.dueDate, item.completedDate);
        changes.record('learningPlanItem', item.id);
        learningPlanItems++;
      }
      individuals++;
    }
    changes.finish();
    return { seeded: true, individuals, learningPlanItems, agreementVersions: agreements.length };
  });
  return { ...report, ms: Math.round(performance.now() - started) };
}
