import type { Actor } from '../../core/policy.ts';
import type { WithVariables } from '../../platform/env.ts';
import type { Membership, People, Person } from './people.ts';

/** The signed-in person, their roles, and their session. */
export interface Staff {
  person: Person;
  memberships: Membership[];
  sessionHash: string;
}

/** The person as the policy sees them. */
export const staffActor = (staff: Staff): Actor => ({ id: staff.person.id, memberships: staff.memberships });

/** The staff pages' env: `loadStaff()` sets the people repository and the signed-in person, if any. */
export type StaffEnv = WithVariables<{ people: People; staff?: Staff }>;
