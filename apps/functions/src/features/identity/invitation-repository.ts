import type { Binding } from '../../platform/kernel/principal';
import type { Invitation } from './invitation';

/** The binding's id, user and time; role, scope and label come from the invitation. */
export type BindingDraft = Pick<Binding, 'bindingId' | 'userId' | 'createdAt'>;

/** The person redeeming: the name they confirmed (the invitation's when absent) and an optional work phone. */
export interface RedeemingPerson {
  name?: string;
  workPhone?: string;
}

export type RedeemResult = { outcome: 'redeemed'; binding: Binding } | { outcome: 'used' | 'expired' | 'invalid' };

export interface InvitationRepository {
  create(invitation: Invitation): Promise<void>;
  list(districtId: string, townshipKey?: string): Promise<Invitation[]>;
  /** The invitation a code names, whatever its state. */
  find(codeHash: string): Promise<Invitation | undefined>;
  /**
   * One transaction: the invitation flips open → redeemed and the binding is written, or nothing changes.
   * With `person`, the same transaction sets the redeemer's confirmed name (and work phone) on their profile.
   */
  redeem(codeHash: string, draft: BindingDraft, now: Date, person?: RedeemingPerson): Promise<RedeemResult>;
}
