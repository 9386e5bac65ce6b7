/** Staff roles. The dispatcher checks them; the UI only mirrors them. */
export const ROLES = ['agent', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a procedure: 'public' needs no session, otherwise the listed roles. */
export type Access = 'public' | readonly Role[];

export const ANY_STAFF: readonly Role[] = ROLES;
export const SUPERVISION: readonly Role[] = ['supervisor', 'admin'];
export const ADMIN_ONLY: readonly Role[] = ['admin'];
