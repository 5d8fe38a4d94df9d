export interface Notification {
  recipientUserId: string;
  recipientName: string;
  title: string;
  body: string;
  /** The mini-program page to open from the message. */
  page?: string;
  /** The notice kind (消息中心), when the message carries one. */
  kind?: string;
  /** The kind's own subscribe-message template; the notifier's default template when absent. */
  templateId?: string;
  /** The template's keyword values, already shaped and checked; the notifier's default mapping when absent. */
  data?: Record<string, string>;
}

/** WeChat subscribe messages (订阅消息) in production; an outbox you can read when running locally. */
export interface Notifier {
  /** `errors` counts failures by reason (a WeChat errcode such as 43101, or no_openid, token, network). */
  send(messages: Notification[]): Promise<{ sent: number; errors?: Record<string, number> }>;
}
