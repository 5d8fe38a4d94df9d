import { mailboxFeature } from '../features/mailbox/mailbox.feature';
import { createApiHandler } from './api-function';

export const handler = createApiHandler('mailbox', { mailbox: mailboxFeature });
