/** What the app mounts: the staff pages of consents and the address a signer's link opens. */
export { consentStaff } from './staff-routes.tsx';
export { signing } from './sign-routes.tsx';
export { receipts } from './receipt-routes.tsx';
export { consentDemo } from './dev-routes.ts';
