import { LocalObjectStorage } from '../../local/local-object-storage';
import type { AppConfig } from '../config/config';
import type { ObjectStorage } from './object-storage';
import { S3ObjectStorage } from './s3-object-storage';

/**
 * The photo store: the S3 bucket when CX_PHOTO_BUCKET is set (AWS), else a folder served by the local
 * stack (CX_LOCAL_STORAGE_DIR, or a fresh temporary folder). A deployed stack without a bucket fails
 * its cold start rather than writing photos to a Lambda's /tmp.
 */
export function createObjectStorage(config: AppConfig, local: { baseUrl: () => string; signingKey: string }): ObjectStorage {
  if (config.photoBucket) return new S3ObjectStorage(config.photoBucket);
  if (config.stage === 'prod') throw new Error('CX_PHOTO_BUCKET is required in prod: photos must go to the S3 bucket');
  return new LocalObjectStorage({
    dir: config.localStorageDir,
    baseUrl: local.baseUrl,
    signingKey: local.signingKey,
    corsOrigins: config.corsOrigins,
  });
}
