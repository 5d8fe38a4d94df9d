import type { Wiring } from '../wiring';
import { createNotifier } from './create-notifier';
import type { Notifier } from './notifier';

/** The one notifier of a process: WeChat subscribe messages in AWS, the outbox locally. */
export const notifier = (w: Wiring): Notifier =>
  w.once('notifier', () => createNotifier(w.config, { doc: w.doc, clock: w.clock, appSecret: w.appSecret }));
