/**
 * Development keys, used only when ENVIRONMENT is "development" and no DATA_KEYS secret is
 * set (`npm start`, the tests, the demo seed). They are public, so nothing sealed with them is secret.
 */
export const DEVELOPMENT_DATA_KEYS = 'dev1:ZGV2ZWxvcG1lbnQta2V5LW5vdC1hLXNlY3JldC0wMDE';
export const DEVELOPMENT_LOOKUP_KEY = 'ZGV2ZWxvcG1lbnQtbG9va3VwLWtleS1ub3QtYS1zZWNyZXQ';
