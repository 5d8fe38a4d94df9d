import { inboxRoutes } from '@chuangxing/shared';
import { defineFeature } from '../../platform/http/feature';
import { inboxImplementations } from './inbox.routes';
import { inboxPorts } from './inbox.wiring';

/** 消息中心: the caller's notices and their WeChat subscribe-message consents. */
export const inboxFeature = defineFeature({
  name: 'inbox',
  routes: inboxRoutes,
  implementations: inboxImplementations,
  ports: inboxPorts,
});
