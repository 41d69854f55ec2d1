/** One interface for sending text messages; providers plug in behind it, like e-mail. */
export interface Sms {
  /** E.164, for example +4791234567. */
  to: string;
  text: string;
}

export interface SmsSender {
  send(sms: Sms): Promise<void>;
}
