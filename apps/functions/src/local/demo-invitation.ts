import { createHash, randomBytes } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ADMIN_ROLES } from '@chuangxing/shared';
import { createInvitation } from '../features/identity/create-invitation';
import { profileItem } from '../features/identity/identity.entities';
import { DynamoInvitationRepository } from '../features/identity/invitation-repository.dynamodb';
import { redeemInvitation } from '../features/identity/redeem-invitation';
import { DynamoOrgRepository } from '../features/org/org-repository.dynamodb';
import { systemClock } from '../platform/kernel/clock';
import type { Principal, UserProfile } from '../platform/kernel/principal';
import { ulidIds } from '../platform/kernel/ulid-id-generator';
import { DEMO_DISTRICT } from './demo-data';

/** The demo's person who came in through an invitation, and one still waiting for a code (ids fixed for the docs). */
export const INVITED_DEMO = {
  /** Invited by 刘干事 as 民情气象站接待员 of a 五里堡街道 community; corrected the invitation's name and gave a phone. */
  invited: {
    userId: 'demo-invited-handler',
    invitedAs: '周小梅',
    confirmedAs: '周晓梅',
    workPhone: '13700001234',
    branchId: 'wulibao-b02',
  },
  /** Signed in, bound to nothing yet: redeem a code from 邀请绑定 as this person to try the flow. */
  newcomer: { userId: 'demo-newcomer', displayName: '新同志（待绑定）' },
} as const;

/**
 * Runs the invitation flow through the real use cases on the seeded table: 刘干事 (township staff of 五里堡街道)
 * invites a station handler, who signs in as a first WeChat login would (居民), confirms a corrected name and adds
 * a work phone in the one redemption. Also adds a signed-in newcomer with no binding yet.
 */
export async function seedInvitedPeople(doc: DynamoDBDocumentClient, table: string, order: number): Promise<void> {
  const at = systemClock.now().toISOString();
  const person = (p: Pick<UserProfile, 'id' | 'displayName'>, role: 'station_handler' | 'resident', label: string, n: number) =>
    profileItem({ ...p, isDemo: true, createdAt: at, demo: { role, scopeLabel: label, order: order + n } });
  const { invited, newcomer } = INVITED_DEMO;
  const deps = {
    districtId: DEMO_DISTRICT.id,
    clock: systemClock,
    ids: ulidIds,
    randomBytes: (n: number) => randomBytes(n),
    sha256: (text: string) => createHash('sha256').update(text).digest('hex'),
    org: new DynamoOrgRepository(doc, table),
    invitations: new DynamoInvitationRepository(doc, table),
  };
  const staff: Principal = {
    user: { id: 'demo-township-staff', displayName: '刘干事（街道）', isDemo: true, createdAt: at },
    bindings: [
      {
        bindingId: 'demo-township-staff-b1',
        userId: 'demo-township-staff',
        role: 'township_staff',
        scope: { level: 'township', districtId: DEMO_DISTRICT.id, townshipIds: ['wulibao'] },
        scopeLabel: '五里堡街道',
        createdAt: at,
        createdBy: 'seed',
      },
    ],
  };
  const { invitation, code } = await createInvitation(deps, staff, ADMIN_ROLES, {
    inviteeName: invited.invitedAs,
    role: 'station_handler',
    scope: { level: 'branch', districtId: DEMO_DISTRICT.id, townshipId: 'wulibao', branchId: invited.branchId },
  });
  await doc.send(
    new PutCommand({
      TableName: table,
      Item: person({ id: invited.userId, displayName: '居民' }, 'station_handler', `${invitation.scopeLabel}（受邀绑定）`, 0),
    }),
  );
  const me: Principal = { user: { id: invited.userId, displayName: '居民', isDemo: true, createdAt: at }, bindings: [] };
  await redeemInvitation(deps, me, code, { name: invited.confirmedAs, workPhone: invited.workPhone });
  await doc.send(
    new PutCommand({
      TableName: table,
      Item: person({ id: newcomer.userId, displayName: newcomer.displayName }, 'resident', '尚未绑定身份', 1),
    }),
  );
}
