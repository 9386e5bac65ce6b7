import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** R16: one element of a yearly learning plan, with FinPro's due date (stations show it, never invent it). */
@Index('learning_plan_item_crd', ['crd'])
@Entity({ name: 'learning_plan_item' })
export class LearningPlanItemRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 8 })
  crd: string;

  @Column({ type: 'varchar', length: 4 })
  category: string;

  @Column({ type: 'varchar', length: 16 })
  element: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 10, name: 'due_date' })
  dueDate: string;

  @Column({ type: 'varchar', length: 10, name: 'completed_date', nullable: true })
  completedDate: string | null;
}
