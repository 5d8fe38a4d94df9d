import type { Binding } from '../../platform/kernel/principal';
import type { Invitation } from './invitation';

/** The binding's id, user and time; role, scope and label come from the invitation. */
export type BindingDraft = Pick<Binding, 'bindingId' | 'userId' | 'createdAt'>;

export type RedeemResult = { outcome: 'redeemed'; binding: Binding } | { outcome: 'used' | 'expired' | 'invalid' };

export interface InvitationRepository {
  create(invitation: Invitation): Promise<void>;
  list(districtId: string, townshipKey?: string): Promise<Invitation[]>;
  /** One transaction: the invitation flips open → redeemed and the binding is written, or nothing changes. */
  redeem(codeHash: string, draft: BindingDraft, now: Date): Promise<RedeemResult>;
}
