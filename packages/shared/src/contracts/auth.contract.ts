import '../zod-config';
import * as z from 'zod/mini';
import { Role } from '../enums';
import { Id, IsoDateTime, RoleBinding } from './common.contract';

export const WechatLoginBody = z.strictObject({
  /** The one-time code from wx.login. */
  code: z.string().check(z.minLength(1, '缺少登录凭证'), z.maxLength(128)),
});

export const UserProfile = z.object({
  id: Id,
  displayName: z.string(),
  isDemo: z.boolean(),
  createdAt: IsoDateTime,
});
export type UserProfile = z.infer<typeof UserProfile>;

/** Who the caller is: the profile and every active binding. Resident is implicit for everyone. */
export const Me = z.object({
  user: UserProfile,
  roles: z.array(Role),
  bindings: z.array(RoleBinding),
});
export type Me = z.infer<typeof Me>;

export const Session = z.object({
  token: z.string(),
  expiresAt: IsoDateTime,
  me: Me,
});
export type Session = z.infer<typeof Session>;

export const DevUser = z.object({
  userId: Id,
  displayName: z.string(),
  role: Role,
  scopeLabel: z.string(),
});
export type DevUser = z.infer<typeof DevUser>;

export const DevUserList = z.object({ users: z.array(DevUser) });
export const DevLoginBody = z.strictObject({ userId: Id });
