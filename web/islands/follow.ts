/**
 * Moves through the journey in one round trip a step instead of two. Without this, a page's
 * POST answers with a redirect and the browser then asks for the next page; on a slow phone
 * line each of those waits a full round trip. Here the form is sent with fetch and the
 * FOLLOW_HEADER, the server answers with the next page itself (its address in
 * Content-Location), and the page is swapped in and put in the history. The browser's back
 * button loads the earlier address afresh. Anything unexpected falls back to a normal submit,
 * which the server answers as it always does.
 */
import { FOLLOW_HEADER } from '../../worker/engine/paths.ts';

const HTML = 'text/html';

/** The submit the browser would have made, for when fetch did not get a page to show. */
function submitNatively(form: HTMLFormElement, submitter: HTMLButtonElement | HTMLInputElement | null): void {
  if (submitter?.name) {
    const carried = document.createElement('input');
    carried.type = 'hidden';
    carried.name = submitter.name;
    carried.value = submitter.value;
    form.appendChild(carried);
  }
  form.submit();
}

/** The new page in place of this one, read as a fresh page load would be: title first, focus at the top. */
function show(html: string, restart: () => void): void {
  const next = new DOMParser().parseFromString(html, HTML);
  document.title = next.title;
  document.documentElement.lang = next.documentElement.lang;
  document.documentElement.dir = next.documentElement.dir;
  // A page left behind is not read aloud any further, as on a real page load.
  window.speechSynthesis?.cancel();
  // Parsed scripts never run; the one already running starts the new page's enhancements.
  document.body.replaceWith(next.body);
  window.scrollTo(0, 0);
  restart();
  // The error summary takes focus itself; otherwise the heading does, so a screen reader reads the new page from its start.
  if (document.activeElement && document.activeElement !== document.body) return;
  const heading = document.querySelector<HTMLElement>('main h1') ?? document.getElementById('main');
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus();
}

export function startFollow(restart: () => void): void {
  if (typeof fetch !== 'function' || typeof DOMParser !== 'function' || !history.pushState) return;
  let sending = false;
  // The address whose page is shown: a history step to another one loads that afresh (one to a #fragment does not).
  let shown = location.pathname + location.search;

  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-follow') || event.defaultPrevented) return;
    const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | HTMLInputElement | null | undefined;
    // Browsers too old to say which button was pressed cannot send its value: leave them to submit.
    if (submitter === undefined) return;
    event.preventDefault();
    if (sending) return;
    sending = true;
    // The cast: TypeScript's URLSearchParams does not list FormData, which browsers accept.
    const body = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
    if (submitter?.name) body.append(submitter.name, submitter.value);
    fetch(form.action, { method: 'POST', body, headers: { [FOLLOW_HEADER]: '1' }, credentials: 'same-origin' })
      .then(async (response) => {
        if (!(response.headers.get('content-type') ?? '').startsWith(HTML)) throw new Error('not a page');
        const html = await response.text();
        // The page's own address; a page shown again with its errors stays where it is.
        const located = response.headers.get('content-location');
        const address = located ? new URL(located, location.href).href : response.redirected ? response.url : undefined;
        show(html, restart);
        if (address && address !== location.href) history.pushState(null, '', address);
        shown = location.pathname + location.search;
      })
      .catch(() => submitNatively(form, submitter))
      .then(() => {
        sending = false;
      });
  });

  window.addEventListener('popstate', () => {
    if (location.pathname + location.search !== shown) location.reload();
  });
}
