/**
 * Why a provider did not take a message. `transient` failures (the network, 429, 5xx) are
 * tried again later; any other refusal is final. The code is short and never holds personal
 * data, because it is stored and shown to staff.
 */
export class DeliveryError extends Error {
  constructor(
    readonly code: string,
    readonly transient: boolean,
  ) {
    super(code);
    this.name = 'DeliveryError';
  }
}

/** A provider's HTTP refusal: `<provider>-<status>`, with the provider's own error name if it is a plain word. */
export function httpRefusal(provider: string, status: number, errorName?: string | null) {
  const name = errorName && /^[A-Za-z]{1,64}$/.test(errorName) ? `-${errorName}` : '';
  return new DeliveryError(`${provider}-${status}${name}`, status === 429 || status >= 500);
}

/** What sending failed with: a provider's own refusal, or else (the network, a timeout) something worth retrying. */
export const asDeliveryError = (error: unknown, code: string) => (error instanceof DeliveryError ? error : new DeliveryError(code, true));
