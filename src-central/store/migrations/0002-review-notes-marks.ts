import { type MigrationInterface, type QueryRunner, Table, TableColumn, type TableColumnOptions } from 'typeorm';

/**
 * Offline review (issue 5): reviewers' notes carry the registration they are about and who wrote them, and the
 * flags reviewers set merge here (one row per crd × category × flag). Dialect-neutral Table API, like 0001.
 * Append-only: never edit after it has landed; add a new migration instead.
 */
export class ReviewNotesMarks1767225600002 implements MigrationInterface {
  static readonly migrationName = 'ReviewNotesMarks1767225600002';
  name = ReviewNotesMarks1767225600002.migrationName;

  async up(q: QueryRunner): Promise<void> {
    // Null category: a call note (not fed to stations); '' : a review note on the individual as a whole.
    await q.addColumns('note', [
      new TableColumn(col('category', 'varchar', { length: '12', isNullable: true })),
      new TableColumn(col('updated_by', 'varchar', { length: '100', isNullable: true })),
    ]);

    await q.createTable(new Table({
      name: 'review_mark',
      columns: [
        col('crd', 'varchar', { length: '8', isPrimary: true }),
        col('category', 'varchar', { length: '12', isPrimary: true }),
        col('flag', 'varchar', { length: '32', isPrimary: true }),
        col('station_id', 'varchar', { length: '100' }),
        col('set_by', 'varchar', { length: '100', isNullable: true }),
        col('set_at', 'varchar', { length: '32' }),
      ],
    }));
  }

  async down(): Promise<void> {
    throw new Error('The central schema cannot be reverted; restore a backup of the data directory instead.');
  }
}

function col(name: string, type: string, options: Partial<TableColumnOptions> = {}): TableColumnOptions {
  return { name, type, isNullable: false, ...options };
}
