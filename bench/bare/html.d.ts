/** Wrangler's Text rule imports .html files as a string. */
declare module '*.html' {
  const text: string;
  export default text;
}
