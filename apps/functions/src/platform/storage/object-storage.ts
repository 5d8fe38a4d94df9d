/** Where photos live: an S3 bucket in AWS, a folder served by the local stack locally. */
export interface ObjectStorage {
  /** A browser-style presigned POST that only accepts this key, this content type and up to maxBytes. */
  presignPost(
    key: string,
    opts: { contentType: string; maxBytes: number; expiresInSeconds: number },
  ): Promise<{ url: string; fields: Record<string, string> }>;
  /** Size and type of a stored object, or undefined if nothing was uploaded under the key. */
  head(key: string): Promise<{ size: number; contentType: string } | undefined>;
  /** A short-lived URL to read the object. */
  presignGet(key: string, expiresInSeconds: number): Promise<string>;
}
