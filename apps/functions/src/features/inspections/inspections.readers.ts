import type { InspectionRepository } from './inspection-repository';

export type { FindingFact } from './inspection-repository';

/** The 问题清单 as other features read it: a township's findings (one query) and one branch's. */
export type FindingsReader = Pick<InspectionRepository, 'listFindingsForTownship' | 'listBranchFindings'>;
