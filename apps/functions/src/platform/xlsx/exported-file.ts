/** A file an export route sends as bytes (XLSX or CSV). */
export interface ExportedFile {
  filename: string;
  contentType: string;
  bytes: Buffer;
}
