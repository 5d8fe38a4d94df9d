import type { CatalogueContent } from '@chuangxing/shared';
import { versionedDocumentEntities } from '../../platform/dynamodb/versioned-document.dynamodb';

/**
 * The star catalogue (创星标准), one partition per district:
 * - published versions, newest first:  DIST#{d}#CATALOGUE / V#{0001}  (immutable; `counts` kept beside)
 * - the version in force:              DIST#{d}#CATALOGUE / LATEST    (pointer)
 * - the admin's draft:                 DIST#{d}#CATALOGUE / DRAFT     (revisioned)
 */
export const catalogueEntities = versionedDocumentEntities<CatalogueContent>('CATALOGUE', 'catalogue');
