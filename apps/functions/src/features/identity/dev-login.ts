import type { DevUser, Session } from '@chuangxing/shared';
import type { Deps } from '../../platform/kernel/deps';
import { DomainError, notFound } from '../../platform/kernel/domain-error';
import { issueSession } from './login-with-wechat';

function assertDevLogin(deps: Pick<Deps, 'devLogin'>) {
  // Answer as if the route did not exist, so a deployed stack reveals nothing.
  if (!deps.devLogin) throw new DomainError('ROUTE_NOT_FOUND', '接口不存在');
}

export async function listDevUsers(deps: Deps): Promise<DevUser[]> {
  assertDevLogin(deps);
  const profiles = await deps.users.listDemoUsers();
  return profiles.flatMap((p) =>
    p.demo ? [{ userId: p.id, displayName: p.displayName, role: p.demo.role, scopeLabel: p.demo.scopeLabel }] : [],
  );
}

export async function devLogin(deps: Deps, userId: string): Promise<Session> {
  assertDevLogin(deps);
  const found = await deps.users.getUser(userId);
  if (!found || !found.profile.isDemo) throw notFound('演示用户');
  return issueSession(deps, userId);
}
