import type { Kernel } from '../../platform/kernel/kernel';
import type { OrgRepository } from './org-repository';

/** What the organisation's use cases take. */
export interface OrgPorts extends Kernel {
  org: OrgRepository;
}
