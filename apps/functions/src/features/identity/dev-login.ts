import type { DevUser, Session } from '@chuangxing/shared';
import { DomainError, notFound } from '../../platform/kernel/domain-error';
import type { IdentityPorts } from './identity.ports';
import { issueSession } from './login-with-wechat';

function assertDevLogin(deps: Pick<IdentityPorts, 'devLogin'>) {
  // Answer as if the route did not exist, so a deployed stack reveals nothing.
  if (!deps.devLogin) throw new DomainError('ROUTE_NOT_FOUND', '接口不存在');
}

export async function listDevUsers(deps: Pick<IdentityPorts, 'devLogin' | 'users'>): Promise<DevUser[]> {
  assertDevLogin(deps);
  const profiles = await deps.users.listDemoUsers();
  return profiles.flatMap((p) =>
    p.demo ? [{ userId: p.id, displayName: p.displayName, role: p.demo.role, scopeLabel: p.demo.scopeLabel }] : [],
  );
}

export async function devLogin(deps: Pick<IdentityPorts, 'devLogin' | 'users' | 'tokens'>, userId: string): Promise<Session> {
  assertDevLogin(deps);
  const found = await deps.users.getUser(userId);
  if (!found?.profile.isDemo) throw notFound('演示用户');
  return issueSession(deps, userId);
}
