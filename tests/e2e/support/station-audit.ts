/** What the station's audit log holds, read the way an auditor would: the CLI verifier and a read-only database. */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `mqp audit verify --data DIR` (DESIGN §6): exit 0 when the hash chain holds. */
export function verifyAuditChain(dataDir: string): CliResult {
  const r = spawnSync(process.execPath, ['bin/mqp.js', 'audit', 'verify', '--data', dataDir], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface AuditRow {
  seq: number;
  action: string;
  entity: string;
  entityId: string | null;
  staffUsername: string | null;
}

/** Audit events with `action`, oldest first, with the username of the staff member who caused them. */
export function auditEvents(dataDir: string, action: string): AuditRow[] {
  const db = new Database(join(dataDir, 'mqp.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `SELECT a.seq, a.action, a.entity, a.entity_id AS entityId, s.username AS staffUsername
         FROM audit_event a LEFT JOIN staff s ON s.id = a.staff_id
         WHERE a.action = ? ORDER BY a.seq`,
      )
      .all(action) as AuditRow[];
  } finally {
    db.close();
  }
}
