import { Column, Entity, PrimaryColumn } from 'typeorm';

/** R16: due dates come from the central service; the console shows them and never invents them. */
@Entity({ name: 'learning_plan_item' })
export class LearningPlanItemRow {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  crd: string;

  @Column({ type: 'text' })
  category: string;

  @Column({ type: 'text' })
  element: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', name: 'due_date' })
  dueDate: string;

  @Column({ type: 'text', name: 'completed_date', nullable: true })
  completedDate: string | null;
}
