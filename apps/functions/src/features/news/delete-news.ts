import { forbiddenScope } from '../../platform/kernel/domain-error';
import type { Principal } from '../../platform/kernel/principal';
import { canDeleteNews } from './news';
import type { NewsPorts } from './news.ports';
import { districtNews } from './read-news';

/** The author, or a district admin. Others who can see it get 403. */
export async function deleteNews(deps: NewsPorts, principal: Principal, id: string) {
  const p = await districtNews(deps, id);
  if (!canDeleteNews(deps.districtId, principal, p)) throw forbiddenScope();
  await deps.news.delete(id);
  return { deleted: true as const };
}
