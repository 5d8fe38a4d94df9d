export interface TokenService {
  issue(userId: string): Promise<{ token: string; expiresAt: string }>;
  /** Resolves the user id, or rejects with UNAUTHENTICATED for a forged, expired or tampered token. */
  verify(token: string): Promise<{ userId: string }>;
}
