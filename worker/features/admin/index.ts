/** A municipality's admin pages: people and roles, units, settings, the audit log, API tokens. */
export { admin } from './routes.tsx';
