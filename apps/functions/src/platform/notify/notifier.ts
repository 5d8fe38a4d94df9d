export interface Notification {
  recipientUserId: string;
  recipientName: string;
  title: string;
  body: string;
  /** The mini-program page to open from the message. */
  page?: string;
}

/** WeChat subscribe messages (订阅消息) in production; an outbox you can read when running locally. */
export interface Notifier {
  send(messages: Notification[]): Promise<{ sent: number }>;
}
