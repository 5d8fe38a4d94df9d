import type { InspectionRepository } from './inspection-repository';

export type { FindingFact } from './inspection-repository';

/** The 问题清单 as other features read it: a township's findings (one query), one branch's, and one finding (撤星 names it). */
export type FindingsReader = Pick<InspectionRepository, 'listFindingsForTownship' | 'listBranchFindings' | 'getFinding'>;
