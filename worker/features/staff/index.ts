/** Staff sign-in, sessions, and people with their roles per municipality. */
export type { Staff, StaffEnv } from './env.ts';
export { People, type Membership, type Person } from './people.ts';
export { loadStaff, requireRole, requireStaff, rolesIn } from './session.ts';
export { people } from './tables.ts';
