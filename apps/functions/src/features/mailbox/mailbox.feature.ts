import { mailboxRoutes } from '@chuangxing/shared';
import { defineFeature } from '../../platform/http/feature';
import { mailboxImplementations } from './mailbox.routes';
import { mailboxPorts } from './mailbox.wiring';

/** 清风邮局: letters and their cases, 社区半月谈, the public and 微权说廉 boards, the 三率 and the mailbox rules. */
export const mailboxFeature = defineFeature({
  name: 'mailbox',
  routes: mailboxRoutes,
  implementations: mailboxImplementations,
  ports: mailboxPorts,
});
