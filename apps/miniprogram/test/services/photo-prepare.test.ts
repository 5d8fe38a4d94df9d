import { UPLOAD_LIMITS } from '@chuangxing/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type PreparedPhoto, pickPhotosWeapp, releasePhoto, uploadPreparedPhoto } from '../../src/services/photo-prepare';
import { localFiles, taroMock } from '../mocks/taro';

/** Two pictures picked: a JPEG of 3 MB and a PNG of 1 MB (the mock's compressImage writes `<name>-<width>.jpg`). */
function pickTwo() {
  taroMock.chooseMedia.mockResolvedValueOnce({
    tempFiles: [
      { tempFilePath: 'tmp://a.jpg', size: 3_000_000, width: 4000, height: 3000, fileType: 'image', duration: 0, thumbTempFilePath: '' },
      { tempFilePath: 'tmp://b.png', size: 1_000_000, width: 800, height: 600, fileType: 'image', duration: 0, thumbTempFilePath: '' },
    ],
    type: 'image',
    errMsg: 'chooseMedia:ok',
  });
}
const compressFailsFor = (src: string) =>
  taroMock.compressImage.mockImplementation(async (o: { src: string; quality?: number; compressedWidth?: number }) => {
    if (o.src === src) throw new Error('compressImage:fail');
    return { tempFilePath: `${o.src.replace(/\.\w+$/, '')}-${o.compressedWidth ?? 'q'}.jpg`, errMsg: 'compressImage:ok' };
  });

afterEach(() => {
  taroMock.compressImage.mockReset().mockImplementation(async (o: { src: string; compressedWidth?: number }) => ({
    tempFilePath: `${o.src.replace('.jpg', '')}-${o.compressedWidth ?? 'q'}.jpg`,
    errMsg: 'compressImage:ok',
  }));
  vi.restoreAllMocks();
});

describe('pickPhotosWeapp', () => {
  it('re-encodes each picked picture (long side ≤ 1280) and labels it by its new file', async () => {
    pickTwo();
    compressFailsFor('none');
    const picked = await pickPhotosWeapp(9, { maxBytes: UPLOAD_LIMITS.photo, original: 'refuse' });
    expect(taroMock.chooseMedia).toHaveBeenCalledWith(expect.objectContaining({ count: 9, mediaType: ['image'] }));
    expect(picked).toEqual({
      photos: [
        { localPath: 'tmp://a-1280.jpg', size: 150_000, contentType: 'image/jpeg' },
        { localPath: 'tmp://b-q.jpg', size: 150_000, contentType: 'image/jpeg' },
      ],
      refused: 0,
    });
  });

  it('a picture compressImage cannot re-encode is refused, or sent as the original when that is allowed', async () => {
    pickTwo();
    compressFailsFor('tmp://b.png');
    expect(await pickPhotosWeapp(9, { original: 'refuse' })).toEqual({
      photos: [{ localPath: 'tmp://a-1280.jpg', size: 150_000, contentType: 'image/jpeg' }],
      refused: 1,
    });
    pickTwo();
    expect((await pickPhotosWeapp(9, { original: 'send' })).photos[1]).toEqual({
      localPath: 'tmp://b.png',
      size: 1_000_000,
      contentType: 'image/png',
    });
  });

  it('leaves out what stays over maxBytes, even at the lower quality; without maxBytes it goes', async () => {
    pickTwo();
    compressFailsFor('tmp://b.png');
    localFiles.set('tmp://a-1280.jpg', 2_500_000);
    expect(await pickPhotosWeapp(9, { maxBytes: 2_000_000, original: 'send' })).toEqual({
      photos: [{ localPath: 'tmp://b.png', size: 1_000_000, contentType: 'image/png' }],
      refused: 1,
    });
    pickTwo();
    expect((await pickPhotosWeapp(9, { original: 'send' })).photos.map((p) => p.size)).toEqual([2_500_000, 1_000_000]);
  });

  it('a cancelled pick answers nothing', async () => {
    taroMock.chooseMedia.mockRejectedValueOnce(new Error('chooseMedia:fail cancel'));
    expect(await pickPhotosWeapp(3, { original: 'refuse' })).toEqual({ photos: [], refused: 0 });
  });
});

describe('uploadPreparedPhoto', () => {
  const photo: PreparedPhoto = { localPath: 'tmp://a-1280.jpg', size: 150_000, contentType: 'image/jpeg' };
  const presigned = {
    status: 200,
    body: { key: 'inspection/b1/photo1.jpg', url: 'https://storage.test/upload', fields: { key: 'inspection/b1/photo1.jpg' } },
  };

  it('POSTs the file to the presigned target with its fields and answers the key', async () => {
    const progress: number[] = [];
    taroMock.uploadFile.mockImplementationOnce((o: { success?: (r: { statusCode: number; data: string }) => void }) => {
      setTimeout(() => o.success?.({ statusCode: 204, data: '' }), 0);
      return { onProgressUpdate: vi.fn((cb: (p: { progress: number }) => void) => cb({ progress: 40 })), abort: vi.fn() };
    });
    await expect(uploadPreparedPhoto(presigned, photo, (p) => progress.push(p))).resolves.toBe('inspection/b1/photo1.jpg');
    expect(taroMock.uploadFile).toHaveBeenCalledWith(
      expect.objectContaining({
        url: 'https://storage.test/upload',
        filePath: 'tmp://a-1280.jpg',
        name: 'file',
        formData: { key: 'inspection/b1/photo1.jpg' },
      }),
    );
    expect(progress).toEqual([40]);
  });

  it("rejects with the API's refusal without uploading, and with the storage's", async () => {
    await expect(
      uploadPreparedPhoto({ status: 400, body: { code: 'VALIDATION_FAILED', message: '照片太大，请换一张' } }, photo),
    ).rejects.toMatchObject({
      status: 400,
      message: '照片太大，请换一张',
    });
    expect(taroMock.uploadFile).not.toHaveBeenCalled();
    taroMock.uploadFile.mockImplementationOnce((o: { success?: (r: { statusCode: number; data: string }) => void }) => {
      setTimeout(() => o.success?.({ statusCode: 403, data: '' }), 0);
      return { onProgressUpdate: vi.fn(), abort: vi.fn() };
    });
    await expect(uploadPreparedPhoto(presigned, photo)).rejects.toMatchObject({
      status: 403,
      message: '照片不符合要求（类型或大小），请换一张',
    });
  });
});

describe('releasePhoto', () => {
  it('frees an H5 object URL; a weapp temp file is left alone', () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    releasePhoto({ localPath: 'blob:http://localhost/1' });
    releasePhoto({ localPath: 'tmp://a.jpg' });
    expect(revoke.mock.calls).toEqual([['blob:http://localhost/1']]);
  });
});
