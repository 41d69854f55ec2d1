/** Staff sign-in, sessions, and people with their roles per municipality. */
export { staffActor, type Staff, type StaffEnv } from './env.ts';
export { People, type Member, type Membership, type Person } from './people.ts';
export { loadStaff, requireAbility, requireStaff } from './session.ts';
export { people } from './tables.ts';
