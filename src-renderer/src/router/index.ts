/**
 * Hash history: it works both under Electron's app:// protocol and on the web host without server routes.
 * The guard sends the console to set-up while no administrator exists, and to sign-in while nobody is signed in.
 */
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import { useSessionStore } from '../stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    /** Public screens (set-up, sign-in) need no session. */
    public?: boolean;
    /** i18n key of the page's title, for document.title and the route announcement. */
    titleKey?: string;
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: { name: 'lookup' } },
  { path: '/setup', name: 'setup', component: () => import('../views/SetupView.vue'), meta: { public: true, titleKey: 'setup.title' } },
  { path: '/sign-in', name: 'sign-in', component: () => import('../views/SignInView.vue'), meta: { public: true, titleKey: 'signIn.title' } },
  { path: '/lookup', name: 'lookup', component: () => import('../views/LookupView.vue'), meta: { titleKey: 'lookup.title' } },
  {
    path: '/individuals/:crd',
    name: 'individual',
    component: () => import('../views/IndividualView.vue'),
    props: true,
  },
  {
    // Without a draft id the journey opens (or resumes) the individual's draft, then shows its address.
    path: '/individuals/:crd/enroll/:draftId?',
    alias: '/individual/:crd/enroll/:draftId?',
    name: 'enroll',
    component: () => import('../views/EnrollmentView.vue'),
    props: true,
    meta: { titleKey: 'enrollment.title' },
  },
  { path: '/settings', name: 'settings', component: () => import('../views/SettingsView.vue'), meta: { titleKey: 'settings.title' } },
  // Issue 5: every signed-in role reviews records (import is offered to supervisors and administrators only).
  {
    path: '/review-workspace',
    name: 'workspace',
    component: () => import('../views/workspace/ReviewWorkspaceView.vue'),
    meta: { titleKey: 'workspace.title' },
  },
  // Supervisors and administrators (issue 6); other roles get a sentence instead, and the backend refuses them anyway.
  {
    path: '/supervision',
    name: 'dashboard',
    component: () => import('../views/supervision/DashboardView.vue'),
    meta: { titleKey: 'supervision.dashboard.title' },
  },
  {
    path: '/supervision/review',
    name: 'review',
    component: () => import('../views/supervision/ReviewQueueView.vue'),
    meta: { titleKey: 'supervision.review.title' },
  },
  {
    path: '/supervision/enrollments/:draftId',
    name: 'enrollment-audit',
    component: () => import('../views/supervision/EnrollmentAuditView.vue'),
    props: true,
    meta: { titleKey: 'supervision.audit.title' },
  },
  {
    path: '/supervision/integrity',
    name: 'integrity',
    component: () => import('../views/supervision/IntegrityView.vue'),
    meta: { titleKey: 'supervision.integrity.title' },
  },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('../views/NotFoundView.vue'), meta: { public: true, titleKey: 'notFound.title' } },
];

export const router = createRouter({ history: createWebHashHistory(), routes });

router.beforeEach(async (to) => {
  const session = useSessionStore();
  let needsAdmin = false;
  try {
    needsAdmin = (await session.loadSetupStatus()).needsAdmin;
  } catch {
    // The backend is unreachable: let the public screens show the error instead of looping.
    return to.meta.public ? true : { name: 'sign-in' };
  }
  if (needsAdmin) return to.name === 'setup' ? true : { name: 'setup' };
  if (to.name === 'setup') return { name: session.signedIn ? 'lookup' : 'sign-in' };
  if (session.signedIn && to.name === 'sign-in') return { name: 'lookup' };
  if (!session.signedIn && !to.meta.public) {
    return { name: 'sign-in', query: to.fullPath !== '/' && to.name !== 'lookup' ? { next: to.fullPath } : {} };
  }
  return true;
});
