/** What the app mounts: the planner's pages and the public open links of rounds. */
export { insight } from './staff-routes.tsx';
export { openLinks } from './open-routes.tsx';
