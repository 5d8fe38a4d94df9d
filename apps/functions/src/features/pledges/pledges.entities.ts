import { defineEntity } from '../../platform/dynamodb/entity';
import type { StoredPledgeProgress, StoredPledges } from './pledges';

/**
 * 亮赛比 in the single table. Access patterns (pk / sk, or index):
 * - a branch's commitments of a year:          BR#{b} / PLEDGE#{yyyy}
 * - its progress, month by month:              BR#{b} / PLEDGEPROG#{yyyy}#{yyyy-mm}#{itemId}
 * - the township's commitments of a year:      gsi1: TWN#{t}#PLEDGES#{yyyy} / {branchId}
 * - the township's progress of a year:         gsi1: TWN#{t}#PLEDGEPROG#{yyyy} / {yyyy-mm}#{branchId}#{itemId} (≤ a month)
 */
const townshipPledgesPk = (townshipId: string, year: number) => `TWN#${townshipId}#PLEDGES#${year}`;
const townshipProgressPk = (townshipId: string, year: number) => `TWN#${townshipId}#PLEDGEPROG#${year}`;
const progressPrefix = (year: number) => `PLEDGEPROG#${year}#`;

export const pledgesEntities = {
  townshipPledgesPk,
  townshipProgressPk,
  progressPrefix,
  pledges: defineEntity<StoredPledges, { branchId: string; year: number }>({
    name: 'pledges',
    key: ({ branchId, year }) => ({ pk: `BR#${branchId}`, sk: `PLEDGE#${year}` }),
    index: (p) => ({ gsi1pk: townshipPledgesPk(p.townshipId, p.year), gsi1sk: p.branchId }),
    fields: ['branchId', 'townshipId', 'branchName', 'year', 'items', 'version', 'publishedAt', 'publishedBy', 'publishedByName'],
  }),
  progress: defineEntity<StoredPledgeProgress, { branchId: string; year: number; month: string; itemId: string }>({
    name: 'pledge-progress',
    key: ({ branchId, year, month, itemId }) => ({ pk: `BR#${branchId}`, sk: `${progressPrefix(year)}${month}#${itemId}` }),
    index: (p) => ({ gsi1pk: townshipProgressPk(p.townshipId, p.year), gsi1sk: `${p.month}#${p.branchId}#${p.itemId}` }),
    fields: ['branchId', 'townshipId', 'year', 'month', 'itemId', 'percent', 'text', 'version', 'at', 'by', 'byName'],
  }),
};
