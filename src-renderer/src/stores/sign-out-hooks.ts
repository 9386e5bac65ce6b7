/**
 * Work that must reach the backend while the session still exists, just before it ends here: e.g. R22's
 * abandonment of an open payment page when the agent signs out or the console locks for inactivity. A module of
 * its own so that the session store does not import the domain stores (which import nothing of the session).
 */
export type SignOutCause = 'signed-out' | 'idle-lock';
type Hook = (cause: SignOutCause) => Promise<void>;

const hooks = new Set<Hook>();

export function onBeforeSignOut(hook: Hook): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

/** Runs every hook; a failing hook never keeps the agent signed in. */
export async function runBeforeSignOut(cause: SignOutCause): Promise<void> {
  await Promise.allSettled([...hooks].map((hook) => hook(cause)));
}
