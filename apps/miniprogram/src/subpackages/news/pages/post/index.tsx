import { MAX_NEWS_PHOTOS } from '@chuangxing/shared';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { FieldProblem } from '../../../../components/field-problem';
import { PageRoot } from '../../../../components/page-root';
import { BindingNeeded, SignInNeeded } from '../../../../components/sign-in-needed';
import { useMutation } from '../../../../hooks/use-mutation';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { displayMessage, failureOf } from '../../../../services/api-failure';
import { type PreparedPhoto, reencodeFilesH5 } from '../../../../services/photo-prepare';
import {
  chooseImagesWeapp,
  compressPickedWeapp,
  contentTypeOfPath,
  UPLOADED_STATUSES,
  uploadRefusal,
  uploadToPresigned,
} from '../../../../services/photo-upload';
import { PAGES } from '../../../../services/routes';
import { type Problems, serverProblems } from '../../../../services/server-problems';
import { PhotoPicker } from '../../../../shared-ui/photo-picker';
import '../../news.css';

/** The post's fields that the server's problems land on. */
const NEWS_FIELDS = ['title', 'body', 'photos'] as const;

interface Photo {
  preview: string;
  key: string;
}

/**
 * Picked pictures re-encoded on the device (no EXIF), then uploaded one by one to presigned POSTs. In weapp the
 * original goes when compressImage could not; a re-encoded one is labelled JPEG.
 */
async function prepare(): Promise<PreparedPhoto[]> {
  const files = await chooseImagesWeapp(MAX_NEWS_PHOTOS);
  const out: PreparedPhoto[] = [];
  for (const f of files) {
    const c = await compressPickedWeapp(f);
    out.push({
      localPath: c?.path ?? f.tempFilePath,
      size: c?.size ?? f.size,
      contentType: c ? 'image/jpeg' : contentTypeOfPath(f.tempFilePath),
    });
  }
  return out;
}

/** 发布动态: title, text and up to 9 photos; the district signs as 二七区, staff as their township. */
export default function NewsPostPage() {
  const session = useSession();
  const allowed = Boolean(session.me?.bindings.some((b) => !b.revokedAt && (b.role === 'district_admin' || b.role === 'township_staff')));
  const [key] = useState(() => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<Problems<(typeof NEWS_FIELDS)[number]>>({});
  const [problem, setProblem] = useState<string>();
  const { busy, run } = useMutation({
    onError: (failure, body) => {
      const found = serverProblems(body, NEWS_FIELDS, displayMessage(failure));
      setErrors(found);
      setProblem(found.form);
    },
  });

  const upload = async (picked: PreparedPhoto[]) => {
    setUploading(true);
    setProblem(undefined);
    const added: Photo[] = [];
    for (const p of picked.slice(0, MAX_NEWS_PHOTOS - photos.length)) {
      const res = await api.presignNewsPhoto({ body: { contentType: p.contentType, size: p.size } });
      if (res.status !== 200) {
        setProblem(displayMessage(failureOf(res)));
        break;
      }
      try {
        const status = await uploadToPresigned(res.body, p.localPath, p.contentType, () => undefined);
        if (!UPLOADED_STATUSES.includes(status)) {
          setProblem(uploadRefusal(status));
          break;
        }
        added.push({ preview: p.localPath, key: res.body.key });
      } catch {
        setProblem('照片上传失败，请检查网络后重试');
        break;
      }
    }
    setPhotos((prev) => [...prev, ...added]);
    setUploading(false);
  };
  const pick = async () => upload(await prepare());
  const onFiles = async (files: File[]) => upload((await reencodeFilesH5(files)).photos);

  const send = async () => {
    if (busy) return;
    setErrors({});
    setProblem(undefined);
    const res = await run(() => api.createNews({ body: { key, title, body, photos: photos.map((p) => p.key) } }));
    if (!res) return;
    Taro.showToast({ title: '已发布', icon: 'success' }).catch(() => undefined);
    Taro.redirectTo({ url: PAGES.newsDetail(res.body.id) }).catch(() => undefined);
  };

  if (!session.token)
    return (
      <PageRoot>
        <SignInNeeded />
      </PageRoot>
    );
  if (!allowed)
    return (
      <PageRoot>
        <BindingNeeded text="区委组织部和乡镇（街道）工作人员可以发布动态" />
      </PageRoot>
    );
  return (
    <PageRoot className="news">
      <View className="cx-card">
        <View className="cx-field">
          <Text className="cx-field__label">标题</Text>
          <Input
            className="cx-input cx-news-post-title"
            value={title}
            maxlength={60}
            placeholder="例如：樱桃沟社区开展创星观摩"
            onInput={(e) => setTitle(e.detail.value)}
          />
          <FieldProblem text={errors.title} />
        </View>
        <View className="cx-field">
          <Text className="cx-field__label">正文</Text>
          <Textarea
            className="news-textarea cx-news-post-body"
            value={body}
            maxlength={5000}
            placeholder="写清时间、地点、做了什么、取得什么成效"
            onInput={(e) => setBody(e.detail.value)}
          />
          <FieldProblem text={errors.body} />
        </View>
        <View className="cx-field">
          <Text className="cx-field__label">
            照片（{photos.length}/{MAX_NEWS_PHOTOS}）
          </Text>
          <PhotoPicker
            photos={photos.map((p) => ({ id: p.key, src: p.preview, state: 'uploaded' as const }))}
            max={MAX_NEWS_PHOTOS}
            tileClassName="cx-news-post-photo"
            inputClassName="cx-news-photo-input"
            addClassName="cx-news-photo-add"
            adding={uploading}
            error={errors.photos}
            onPick={() => void pick()}
            onFiles={(files) => void onFiles(files)}
            onRemove={(key) => setPhotos((list) => list.filter((p) => p.key !== key))}
          />
        </View>
        {problem ? <Text className="cx-form-problem cx-news-post-problem">{problem}</Text> : null}
        <Button
          className={`cx-btn cx-btn--primary cx-news-post-submit${busy || uploading ? ' cx-btn--disabled' : ''}`}
          disabled={busy || uploading || undefined}
          onClick={send}
        >
          发布
        </Button>
      </View>
    </PageRoot>
  );
}
