import { formatShanghaiDateTime } from '@chuangxing/shared';
import { Button, Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { accessibleControl } from '../../../../components/accessible-control';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { displayMessage, expectStatus } from '../../../../services/api-failure';
import '../../news.css';
import { previewImages } from '../../../../services/image-preview';

/** One post (`?id=`): title, unit and time, text, photos (tap to enlarge); the author or a district admin deletes it. */
export default function NewsDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const session = useSession();
  const { state, reload } = useResource(async () => expectStatus(await api.getNews({ params: { newsId: id } }), 200), [id, session.token], {
    enabled: Boolean(session.token),
  });
  const { run } = useMutation({
    onError: (failure) => Taro.showToast({ title: displayMessage(failure), icon: 'none' }).catch(() => undefined),
  });
  const remove = async () => {
    const ok = await Taro.showModal({ title: '删除动态', content: '删除后所有人都看不到这条动态。确定删除？', confirmText: '删除' }).catch(
      () => ({ confirm: false }),
    );
    if (!ok.confirm) return;
    if (!(await run(() => api.deleteNews({ params: { newsId: id } })))) return;
    Taro.showToast({ title: '已删除', icon: 'success' }).catch(() => undefined);
    Taro.navigateBack().catch(() => undefined);
  };
  if (!session.token)
    return (
      <PageRoot>
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="news">
      <ResourceView state={state} onRetry={reload}>
        {(p) => (
          <View className="cx-card cx-news-detail">
            <Text className="news-title cx-news-detail-title">{p.title}</Text>
            <Text className="news-meta">
              {p.authorUnit} · {formatShanghaiDateTime(p.createdAt)}
            </Text>
            <Text className="news-body cx-news-detail-body">{p.body}</Text>
            {p.photoUrls.length ? (
              <View className="news-photos">
                {p.photoUrls.map((u) => (
                  <Image
                    key={u}
                    className="news-photo cx-news-photo"
                    src={u}
                    mode="aspectFill"
                    {...accessibleControl({ onActivate: () => previewImages(p.photoUrls, u).catch(() => undefined) })}
                  />
                ))}
              </View>
            ) : null}
            {p.canDelete ? (
              <Button className="cx-btn cx-news-delete" style={{ marginTop: '32px' }} onClick={remove}>
                删除
              </Button>
            ) : null}
          </View>
        )}
      </ResourceView>
    </PageRoot>
  );
}
