/** The MQP section of an individual (MQP-RULES §3 step 7): learning plan, enrolled and eligible qualifications. */
import type { MqpSection } from '../../../contract';
import { readLastSyncAt } from '../../sync/sync-state';
import type { HandlerContext } from '../handler-context';
import { activeDraftFor, activeLock, draftView } from './draft-repository';
import { eligibilityToday, enrollmentsOf } from './enrollment-context';

export async function enrollmentSection(ctx: HandlerContext, crd: string): Promise<MqpSection> {
  const { qualifications } = await eligibilityToday(ctx, crd);
  const enrollments = enrollmentsOf(ctx, crd);
  const enrolled = new Set(enrollments.filter((e) => e.status === 'enrolled').flatMap((e) => e.categories));
  const pending = new Set(enrollments.filter((e) => e.status === 'payment_pending').flatMap((e) => e.categories));
  const draft = activeDraftFor(ctx.db, crd);
  const learningPlan = ctx.db
    .prepare(`SELECT category, element, title, due_date AS dueDate, completed_date AS completedDate FROM learning_plan_item WHERE crd = ? ORDER BY due_date, category`)
    .all(crd) as MqpSection['learningPlan'];
  return {
    crd,
    draft: draft ? draftView(ctx.db, draft, readLastSyncAt(ctx.db)) : null,
    lock: activeLock(ctx.db, crd, ctx.now),
    enrollments: enrollments.map(({ id, categories, status, statusReason, statusAt, confirmationNumber, feeUsd }) => ({ id, categories, status, statusReason, statusAt, confirmationNumber, feeUsd })),
    enrolledCategories: [...enrolled],
    eligibleToAdd: qualifications.filter((q) => q.eligible && !enrolled.has(q.category) && !pending.has(q.category)).map((q) => q.category),
    learningPlan,
    asOf: ctx.now.toISOString(),
  };
}
