/** One interface for sending text messages; providers plug in behind it, like e-mail. */
export interface Sms {
  /** E.164, for example +4791234567. */
  to: string;
  text: string;
}

export interface SmsSender {
  /** Rejects with a DeliveryError (worker/platform/outbox/errors.ts) when it can tell whether trying again may help. */
  send(sms: Sms): Promise<void>;
}
