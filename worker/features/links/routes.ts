/** What the app mounts: the staff pages of links and the address a personal link opens. */
export { links } from './staff-routes.tsx';
export { personalLink } from './open-routes.tsx';
export { genuine } from './genuine-routes.tsx';
