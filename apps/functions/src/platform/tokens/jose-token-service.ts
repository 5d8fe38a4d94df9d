import { jwtVerify, SignJWT } from 'jose';
import type { Clock } from '../kernel/clock';
import { unauthenticated } from '../kernel/domain-error';
import type { TokenService } from './token-service';

const ISSUER = 'chuangxing';
const AUDIENCE = 'chuangxing-api';

/** Our own short-lived HS256 token. It carries only the user id; roles are read per request. */
export class JoseTokenService implements TokenService {
  private readonly key: Uint8Array;

  constructor(
    signingKey: string,
    private readonly ttlSeconds: number,
    private readonly clock: Clock,
  ) {
    if (signingKey.length < 32) throw new Error('token signing key must be at least 32 characters');
    this.key = new TextEncoder().encode(signingKey);
  }

  async issue(userId: string) {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const exp = now + this.ttlSeconds;
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }

  async verify(token: string) {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: this.clock.now(),
      });
      if (!payload.sub) throw new Error('no subject');
      return { userId: payload.sub };
    } catch {
      throw unauthenticated();
    }
  }
}
