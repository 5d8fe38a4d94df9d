import type { Binding, UserProfile } from '../../platform/kernel/principal';

export interface UserRepository {
  /** Profile and every binding (revoked ones included) in one read. */
  getUser(userId: string): Promise<{ profile: UserProfile; bindings: Binding[] } | undefined>;
  /** Returns the existing user for this openid, or creates `candidate` for it. Safe under concurrent first logins. */
  findOrCreateByOpenid(openid: string, candidate: UserProfile): Promise<UserProfile>;
  listDemoUsers(): Promise<UserProfile[]>;
  listBindings(districtId: string, townshipKey?: string): Promise<Binding[]>;
  getBinding(userId: string, bindingId: string): Promise<Binding | undefined>;
  /** Conditional: only an active binding can be revoked; otherwise CONFLICT / NOT_FOUND. */
  revokeBinding(userId: string, bindingId: string, revokedAt: string, revokedBy: string): Promise<Binding>;
}
