import type { RouteImplementations } from '../route-context';
import * as auth from './auth.routes';
import * as invitation from './invitation.routes';
import * as meta from './meta.routes';
import * as org from './org.routes';

export const implementations: RouteImplementations = { ...meta, ...auth, ...org, ...invitation };
