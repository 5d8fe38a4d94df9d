import { orgRoutes } from '@chuangxing/shared';
import { defineFeature } from '../../platform/http/feature';
import { orgImplementations } from './org.routes';
import { orgPorts } from './org.wiring';

/** The district → townships → branches tree: the directory, a township's branches, creating and renaming branches. */
export const orgFeature = defineFeature({
  name: 'org',
  routes: orgRoutes,
  implementations: orgImplementations,
  ports: orgPorts,
});
