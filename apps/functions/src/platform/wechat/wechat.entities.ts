import { defineEntity } from '../dynamodb/entity';
import type { StoredAccessToken } from './access-token';

/**
 * WeChat in the single table. Access pattern:
 * - the mini-program's access_token, shared by every function:  WECHAT#{appId} / ACCESS_TOKEN
 * The table is encrypted with the stack's KMS key; the token lives two hours at most.
 */
export const wechatEntities = {
  accessToken: defineEntity<StoredAccessToken, { appId: string }>({
    name: 'wechat-access-token',
    key: (k) => ({ pk: `WECHAT#${k.appId}`, sk: 'ACCESS_TOKEN' }),
    fields: ['appId', 'token', 'expiresAt', 'refreshAt', 'fetchedAt'],
  }),
};
