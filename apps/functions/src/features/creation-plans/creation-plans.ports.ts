import type { Kernel } from '../../platform/kernel/kernel';
import type { OrgReader } from '../org/org.readers';
import type { HeldStarsReader } from '../stars/stars.readers';
import type { CreationPlanRepository } from './creation-plan-repository';

/** What the 创建规划 use cases take. */
export interface CreationPlansPorts extends Kernel {
  plans: CreationPlanRepository;
  /** The district's townships (with their branch counts) and a township's branches. */
  org: OrgReader;
  /** A township's held and withdrawn stars, each with its basis: the baseline and today's levels. */
  heldStars: HeldStarsReader;
}
