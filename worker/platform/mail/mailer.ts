/** One interface for sending e-mail; providers plug in behind it. */
export interface Mail {
  to: string;
  /** Never personal data: subjects are shown in lists and notifications. */
  subject: string;
  text: string;
}

export interface Mailer {
  /** Rejects with a DeliveryError (worker/platform/outbox/errors.ts) when it can tell whether trying again may help. */
  send(mail: Mail): Promise<void>;
}
