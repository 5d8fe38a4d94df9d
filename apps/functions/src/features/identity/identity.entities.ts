import { defineEntity, type Gsi1Key, pad, type TableKey } from '../../platform/dynamodb/entity';
import { type Binding, townshipKeyOf, type UserProfile } from '../../platform/kernel/principal';
import type { Invitation } from './invitation';

/**
 * People: a user's profile and role bindings, the WeChat openid that signs them in, and invitations.
 *
 * Access patterns (pk / sk, or index):
 * - user profile + bindings in one query:        USER#{u} / PROFILE, USER#{u} / BIND#{bindingId}
 * - user by WeChat openid (unique):              OPENID#{openid} / OPENID
 * - demo users (local dev login):                gsi1: DEMO#USERS / {order}
 * - invitation by code hash (unique, one-time):  INVCODE#{sha256} / INVITATION
 * - invitations in a scope, newest first:        gsi1: DIST#{d}#INVS / {townshipKey}#{createdAt}#{id}
 * - bindings in a scope:                         gsi1: DIST#{d}#BINDS / {townshipKey}#{createdAt}#{bindingId}
 */

const userPk = (userId: string) => `USER#${userId}`;
const PROFILE_SK = 'PROFILE';
const BINDING_PREFIX = 'BIND#';
const DEMO_USERS = 'DEMO#USERS';
const bindingsOf = (districtId: string) => `DIST#${districtId}#BINDS`;
const invitationsOf = (districtId: string) => `DIST#${districtId}#INVS`;

const openidKey = ({ openid }: { openid: string }): TableKey => ({ pk: `OPENID#${openid}`, sk: 'OPENID' });

export const identityEntities = {
  /** The profile. The WeChat openid is written beside it (never read back through here; see openid-directory.ts). */
  profile: defineEntity<UserProfile, { userId: string }>({
    name: 'user',
    key: ({ userId }) => ({ pk: userPk(userId), sk: PROFILE_SK }),
    index: (p): Gsi1Key | undefined => (p.demo ? { gsi1pk: DEMO_USERS, gsi1sk: pad(p.demo.order) } : undefined),
    fields: ['id', 'displayName', 'isDemo', 'createdAt', 'nameSetAt', 'workPhone', 'demo'],
  }),
  binding: defineEntity<Binding, { userId: string; bindingId: string }>({
    name: 'binding',
    key: ({ userId, bindingId }) => ({ pk: userPk(userId), sk: `${BINDING_PREFIX}${bindingId}` }),
    index: (b) => ({ gsi1pk: bindingsOf(b.scope.districtId), gsi1sk: `${townshipKeyOf(b.scope)}#${b.createdAt}#${b.bindingId}` }),
    fields: ['bindingId', 'userId', 'role', 'scope', 'scopeLabel', 'star', 'holderName', 'createdAt', 'createdBy', 'revokedAt'],
  }),
  /** The openid → user link that makes a first login unique. Stored as ever: keys, `userId`, `createdAt`, no `entity`. */
  openid: defineEntity<{ userId: string; createdAt: string }, { openid: string }>({
    name: 'openid',
    untagged: true,
    key: openidKey,
    fields: ['userId', 'createdAt'],
  }),
  invitation: defineEntity<Invitation, { codeHash: string }>({
    name: 'invitation',
    key: ({ codeHash }) => ({ pk: `INVCODE#${codeHash}`, sk: 'INVITATION' }),
    index: (inv) => ({ gsi1pk: invitationsOf(inv.scope.districtId), gsi1sk: `${townshipKeyOf(inv.scope)}#${inv.createdAt}#${inv.id}` }),
    fields: [
      'id',
      'codeHash',
      'inviteeName',
      'role',
      'scope',
      'scopeLabel',
      'star',
      'status',
      'expiresAt',
      'createdAt',
      'createdBy',
      'redeemedBy',
      'redeemedAt',
    ],
  }),
  /** A user's partition: the profile and every binding, in one query. */
  userPartition: (userId: string) => ({ pk: userPk(userId), profileSk: PROFILE_SK, bindingPrefix: BINDING_PREFIX }),
  /** gsi1 partition of the demo users, in their picker order. */
  demoUsers: DEMO_USERS,
  /** gsi1 partition of the district's bindings (sort key prefix: the township key). */
  bindingsOf,
  /** gsi1 partition of the district's invitations (sort key prefix: the township key). */
  invitationsOf,
};

/** Whole items, for the seed, the benches and tests that write people directly. */
export const profileItem = (p: UserProfile) => identityEntities.profile.item({ userId: p.id }, p);
export const bindingItem = (b: Binding) => identityEntities.binding.item({ userId: b.userId, bindingId: b.bindingId }, b);
