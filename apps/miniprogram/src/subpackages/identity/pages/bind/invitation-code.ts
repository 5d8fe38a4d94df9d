/** Invitation codes are 8 characters; people type them in lowercase, with dashes or spaces. */
export const INVITATION_CODE_LENGTH = 8;

/** The same normalisation as the server's RedeemInvitationBody: trim, upper-case, drop dashes and spaces. */
export function normaliseInvitationCode(raw: string): string {
  return raw.trim().toUpperCase().replace(/[\s-]/g, '');
}

/** A Chinese hint when the code cannot be right, before asking the server. */
export function invitationCodeProblem(code: string): string | undefined {
  if (code.length === 0) return '请输入邀请码';
  if (code.length !== INVITATION_CODE_LENGTH) return `邀请码为 ${INVITATION_CODE_LENGTH} 位字母或数字，请核对`;
  return undefined;
}
