import type { Binding, UserProfile } from '../../platform/kernel/principal';

/** What every read that names a person needs: their current name (and, for supervisors, work phone). */
export type PersonCard = Pick<UserProfile, 'displayName' | 'workPhone'>;

/** A change of name (and work phone: a new one, `null` to remove it, absent to keep it). */
export interface ProfileChange {
  displayName: string;
  workPhone?: string | null;
  at: string;
}

export interface UserRepository {
  /** Profile and every binding (revoked ones included) in one read. */
  getUser(userId: string): Promise<{ profile: UserProfile; bindings: Binding[] } | undefined>;
  /** Returns the existing user for this openid, or creates `candidate` for it. Safe under concurrent first logins. */
  findOrCreateByOpenid(openid: string, candidate: UserProfile): Promise<UserProfile>;
  listDemoUsers(): Promise<UserProfile[]>;
  /** Conditional on the profile existing (NOT_FOUND otherwise); returns the changed profile. */
  updateProfile(userId: string, change: ProfileChange): Promise<UserProfile>;
  /** Current names (and work phones) by user id, in one batch read; ids without a profile are absent. */
  peopleOf(userIds: Iterable<string>): Promise<Map<string, PersonCard>>;
  listBindings(districtId: string, townshipKey?: string): Promise<Binding[]>;
  getBinding(userId: string, bindingId: string): Promise<Binding | undefined>;
  /** Conditional: only an active binding can be revoked; otherwise CONFLICT / NOT_FOUND. */
  revokeBinding(userId: string, bindingId: string, revokedAt: string, revokedBy: string): Promise<Binding>;
}
