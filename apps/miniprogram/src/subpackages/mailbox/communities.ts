/**
 * STOP-GAP from before the public community directory route (`getDirectory`) existed.
 *
 * The pickers now read the directory (services/directory.ts); this short, hard-coded list of 五里堡街道's demo
 * communities (ids as the local stack seeds them) is only the fallback when the directory does not answer, and
 * names a `?branchId=` community (a community's QR code or link to its mailbox) without a request. Delete it
 * once every deployed API serves the directory.
 */
export interface DirectoryCommunity {
  id: string;
  name: string;
}

export interface DirectoryTownship {
  id: string;
  name: string;
  communities: DirectoryCommunity[];
}

export const STATIC_TOWNSHIPS: readonly DirectoryTownship[] = [
  {
    id: 'wulibao',
    name: '五里堡街道',
    communities: [
      { id: 'jianxinnanjie', name: '建新南街社区' },
      { id: 'wulibao-b02', name: '和平社区' },
      { id: 'wulibao-b03', name: '幸福社区' },
      { id: 'wulibao-b04', name: '光明社区' },
      { id: 'wulibao-b05', name: '建设社区' },
      { id: 'wulibao-b06', name: '长江社区' },
      { id: 'wulibao-b07', name: '嵩山社区' },
      { id: 'wulibao-b08', name: '兴华社区' },
      { id: 'wulibao-b09', name: '康桥社区' },
    ],
  },
];

/** 建新南街社区: the community the resident's 微权说廉 shortcut opens by default. */
export const DEFAULT_COMMUNITY_ID = 'jianxinnanjie';

/** A community of the static list with its township, if listed. */
export function findStaticCommunity(branchId: string): (DirectoryCommunity & { townshipId: string; townshipName: string }) | undefined {
  for (const t of STATIC_TOWNSHIPS) {
    const c = t.communities.find((x) => x.id === branchId);
    if (c) return { ...c, townshipId: t.id, townshipName: t.name };
  }
  return undefined;
}
