/** Roles of the adult who helps a child answer; the response records the role, never the name. */
export const HELPER_ROLES = ['teacher', 'kindergarten', 'health-nurse', 'ppt', 'child-welfare', 'nav', 'coordinator', 'other'] as const;
export type HelperRole = (typeof HELPER_ROLES)[number];

export const isHelperRole = (value: string): value is HelperRole => (HELPER_ROLES as readonly string[]).includes(value);
