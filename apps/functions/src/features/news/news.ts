import type { Role } from '@chuangxing/shared';
import { bindingsFor, isDistrictAdmin, type Principal } from '../../platform/kernel/principal';

/** A 创星动态 post. */
export interface StoredNews {
  id: string;
  districtId: string;
  title: string;
  body: string;
  photos: string[];
  authorId: string;
  authorName: string;
  authorUnit: string;
  createdAt: string;
}

const EXCERPT = 80;

/** The feed shows the first characters of the body. */
export const excerptOf = (body: string) => (body.length > EXCERPT ? `${body.slice(0, EXCERPT)}…` : body);

/** The author, or a district admin. */
export const canDeleteNews = (districtId: string, principal: Principal, p: StoredNews) =>
  p.authorId === principal.user.id || isDistrictAdmin(principal.bindings, districtId);

/** The unit a post is signed with: the district for its admins, else the township of the staff binding. */
export function authorUnit(principal: Principal, allowed: readonly Role[], districtName: string): string {
  const bindings = bindingsFor(principal, allowed);
  if (bindings.some((b) => b.role === 'district_admin')) return districtName;
  return bindings.find((b) => b.role === 'township_staff')?.scopeLabel ?? districtName;
}
