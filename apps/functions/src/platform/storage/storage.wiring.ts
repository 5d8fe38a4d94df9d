import type { Wiring } from '../wiring';
import type { ObjectStorage } from './object-storage';
import { S3ObjectStorage } from './s3-object-storage';

/** Where no photo store is configured (a job or a test that never touches photos): any use fails loudly. */
const unconfigured = () => Promise.reject(new Error('no photo store is configured (CX_PHOTO_BUCKET or the local stack)'));
const noPhotoStore: ObjectStorage = { presignPost: unconfigured, head: unconfigured, presignGet: unconfigured };

/**
 * The one photo store of a process: the S3 bucket when CX_PHOTO_BUCKET is set (AWS), else the local stack's
 * own (a folder it serves). A deployed stack without a bucket fails its cold start rather than writing
 * photos to a Lambda's /tmp.
 */
export const objectStorage = (w: Pick<Wiring, 'config' | 'local' | 'once'>): ObjectStorage =>
  w.once('storage', () => {
    if (w.config.photoBucket) return new S3ObjectStorage(w.config.photoBucket);
    if (w.local?.objectStorage) return w.local.objectStorage;
    if (w.config.stage === 'prod') throw new Error('CX_PHOTO_BUCKET is required in prod: photos must go to the S3 bucket');
    return noPhotoStore;
  });
