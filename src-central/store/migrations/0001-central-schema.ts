import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex, type TableColumnOptions } from 'typeorm';

/**
 * The central service's whole first schema, written with TypeORM's dialect-neutral Table API (no SQL text), so the
 * same migration creates it on SQLite today and PostgreSQL later: portable column types only (varchar, text,
 * integer, bigint), dates and instants as ISO text, JSON as text, money as integer cents.
 * Append-only: never edit after it has landed; add a new migration instead.
 */
export class CentralSchema1767225600001 implements MigrationInterface {
  static readonly migrationName = 'CentralSchema1767225600001';
  name = CentralSchema1767225600001.migrationName;

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'individual',
      columns: [
        col('crd', 'varchar', { length: '8', isPrimary: true }),
        col('first_name', 'varchar', { length: '100' }),
        col('last_name', 'varchar', { length: '100' }),
        col('date_of_birth', 'varchar', { length: '10', isNullable: true }),
        col('email', 'varchar', { length: '254' }),
        col('phone', 'varchar', { length: '30', isNullable: true }),
        col('street', 'varchar', { length: '200' }),
        col('city', 'varchar', { length: '100' }),
        col('state', 'varchar', { length: '50' }),
        col('zip', 'varchar', { length: '20' }),
        col('country', 'varchar', { length: '2' }),
        col('finpro_last_login', 'varchar', { length: '10', isNullable: true }),
        col('firm_domains', 'text'),
        col('updated_at', 'varchar', { length: '32' }),
      ],
    }));

    for (const table of ['registration', 'disqualification'] as const) {
      const specific = table === 'registration'
        ? [
            col('category', 'varchar', { length: '4' }),
            col('series', 'varchar', { length: '8', isNullable: true }),
            col('level', 'varchar', { length: '16' }),
            col('start_date', 'varchar', { length: '10' }),
            col('termination_date', 'varchar', { length: '10', isNullable: true }),
            col('termination_type', 'varchar', { length: '8', isNullable: true }),
          ]
        : [col('kind', 'varchar', { length: '16' }), col('date', 'varchar', { length: '10' })];
      await q.createTable(new Table({
        name: table,
        columns: [id(), col('crd', 'varchar', { length: '8' }), col('position', 'integer'), ...specific],
        indices: [new TableIndex({ name: `${table}_crd_position`, columnNames: ['crd', 'position'], isUnique: true })],
        foreignKeys: [new TableForeignKey({
          name: `${table}_individual`, columnNames: ['crd'], referencedTableName: 'individual', referencedColumnNames: ['crd'], onDelete: 'CASCADE',
        })],
      }));
    }

    await q.createTable(new Table({
      name: 'enrollment',
      columns: [
        col('id', 'varchar', { length: '64', isPrimary: true }),
        col('crd', 'varchar', { length: '8' }),
        col('categories', 'text'),
        col('enroll_window', 'varchar', { length: '16' }),
        col('status', 'varchar', { length: '16' }),
        col('status_reason', 'varchar', { length: '32', isNullable: true }),
        col('status_at', 'varchar', { length: '32' }),
        col('confirmation_number', 'varchar', { length: '32', isNullable: true }),
        col('fee_cents', 'integer'),
        col('station_id', 'varchar', { length: '100', isNullable: true }),
        col('staff_id', 'integer', { isNullable: true }),
      ],
      indices: [new TableIndex({ name: 'enrollment_crd_status', columnNames: ['crd', 'status'] })],
    }));

    await q.createTable(new Table({
      name: 'payment',
      columns: [
        col('id', 'varchar', { length: '64', isPrimary: true }),
        col('idempotency_key', 'varchar', { length: '100' }),
        col('request_hash', 'varchar', { length: '64' }),
        col('crd', 'varchar', { length: '8' }),
        col('enrollment_id', 'varchar', { length: '64' }),
        col('amount_cents', 'integer'),
        col('method', 'varchar', { length: '16' }),
        col('card_brand', 'varchar', { length: '16', isNullable: true }),
        col('card_last4', 'varchar', { length: '4', isNullable: true }),
        col('outcome', 'varchar', { length: '16' }),
        col('status', 'varchar', { length: '16' }),
        col('created_at', 'varchar', { length: '32' }),
        col('settle_due_at', 'varchar', { length: '32', isNullable: true }),
        col('settled_at', 'varchar', { length: '32', isNullable: true }),
      ],
      indices: [
        new TableIndex({ name: 'payment_idempotency_key', columnNames: ['idempotency_key'], isUnique: true }),
        new TableIndex({ name: 'payment_status', columnNames: ['status'] }),
      ],
    }));

    await q.createTable(new Table({
      name: 'learning_plan_item',
      columns: [
        col('id', 'varchar', { length: '64', isPrimary: true }),
        col('crd', 'varchar', { length: '8' }),
        col('category', 'varchar', { length: '4' }),
        col('element', 'varchar', { length: '16' }),
        col('title', 'varchar', { length: '200' }),
        col('due_date', 'varchar', { length: '10' }),
        col('completed_date', 'varchar', { length: '10', isNullable: true }),
      ],
      indices: [new TableIndex({ name: 'learning_plan_item_crd', columnNames: ['crd'] })],
    }));

    await q.createTable(new Table({
      name: 'agreement_version',
      columns: [
        col('id', 'varchar', { length: '64', isPrimary: true }),
        col('kind', 'varchar', { length: '16' }),
        col('version', 'varchar', { length: '32' }),
        col('language', 'varchar', { length: '2' }),
        col('text', 'text'),
        col('effective_from', 'varchar', { length: '10' }),
      ],
    }));

    await q.createTable(new Table({
      name: 'change_log',
      columns: [
        col('seq', 'bigint', { isPrimary: true }),
        col('kind', 'varchar', { length: '32' }),
        col('entity_id', 'varchar', { length: '64' }),
        col('op', 'varchar', { length: '8' }),
        col('changed_at', 'varchar', { length: '32' }),
      ],
      // (entity_id, kind), not (kind, entity_id): a page query filters on `kind`, and an index led by kind would
      // tempt the planner away from the seq range (measured: 10× slower pages at 100,000 individuals).
      indices: [new TableIndex({ name: 'change_log_entity', columnNames: ['entity_id', 'kind'], isUnique: true })],
    }));
    await q.createTable(new Table({
      name: 'change_counter',
      columns: [col('id', 'integer', { isPrimary: true }), col('last_seq', 'bigint')],
    }));
    await q.query('INSERT INTO change_counter (id, last_seq) VALUES (1, 0)');

    await q.createTable(new Table({
      name: 'command_receipt',
      columns: [
        col('key', 'varchar', { length: '100', isPrimary: true }),
        col('type', 'varchar', { length: '64' }),
        col('station_id', 'varchar', { length: '100' }),
        col('applied_at', 'varchar', { length: '32' }),
      ],
    }));
    await q.createTable(new Table({
      name: 'command_arrival',
      columns: [
        id(),
        col('key', 'varchar', { length: '100' }),
        col('type', 'varchar', { length: '64' }),
        col('station_id', 'varchar', { length: '100' }),
        col('status', 'varchar', { length: '16' }),
        col('received_at', 'varchar', { length: '32' }),
      ],
      indices: [new TableIndex({ name: 'command_arrival_type_key', columnNames: ['type', 'key'] })],
    }));

    await q.createTable(new Table({
      name: 'station_audit_event',
      columns: [
        col('station_id', 'varchar', { length: '100', isPrimary: true }),
        col('seq', 'integer', { isPrimary: true }),
        col('at', 'varchar', { length: '32' }),
        col('staff_id', 'integer', { isNullable: true }),
        col('action', 'varchar', { length: '100' }),
        col('entity', 'varchar', { length: '100' }),
        col('entity_id', 'varchar', { length: '100', isNullable: true }),
        col('details', 'text'),
        col('prev_hash', 'varchar', { length: '64' }),
        col('hash', 'varchar', { length: '64' }),
        col('received_at', 'varchar', { length: '32' }),
      ],
    }));

    await q.createTable(new Table({
      name: 'note',
      columns: [
        col('id', 'varchar', { length: '100', isPrimary: true }),
        col('crd', 'varchar', { length: '8' }),
        col('text', 'text'),
        col('version', 'integer'),
        col('station_id', 'varchar', { length: '100' }),
        col('updated_at', 'varchar', { length: '32' }),
      ],
      indices: [new TableIndex({ name: 'note_crd', columnNames: ['crd'] })],
    }));
    await q.createTable(new Table({
      name: 'echo_message',
      columns: [
        id(),
        col('command_key', 'varchar', { length: '100' }),
        col('station_id', 'varchar', { length: '100' }),
        col('payload', 'text'),
        col('received_at', 'varchar', { length: '32' }),
      ],
      indices: [new TableIndex({ name: 'echo_message_command_key', columnNames: ['command_key'] })],
    }));

    await q.createTable(new Table({
      name: 'station_token',
      columns: [col('token_hash', 'varchar', { length: '64', isPrimary: true }), col('registered_at', 'varchar', { length: '32' })],
    }));
  }

  async down(): Promise<void> {
    throw new Error('The central schema cannot be reverted; restore a backup of the data directory instead.');
  }
}

function col(name: string, type: string, options: Partial<TableColumnOptions> = {}): TableColumnOptions {
  return { name, type, isNullable: false, ...options };
}

function id(): TableColumnOptions {
  return { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
}
