/** Page URLs in one place, so a moved page breaks the type check rather than a tap. */
export const PAGES = {
  home: '/pages/index/index',
  org: '/pages/org/index',
  me: '/pages/me/index',
  devLogin: '/subpackages/account/pages/dev-login/index',
  bind: '/subpackages/account/pages/bind/index',
  township: (townshipId: string) => `/subpackages/org/pages/township/index?id=${encodeURIComponent(townshipId)}`,
  branch: (branchId: string) => `/subpackages/org/pages/branch/index?id=${encodeURIComponent(branchId)}`,
  invitations: '/subpackages/admin/pages/invitations/index',
  bindings: '/subpackages/admin/pages/bindings/index',
} as const;

/** The tab pages; they can only be reached with switchTab. */
export const TAB_PAGES: readonly string[] = [PAGES.home, PAGES.org, PAGES.me];
