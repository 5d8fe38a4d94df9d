import { type BranchBoard, STAR_LABELS, TASK_STATUS_LABELS } from '@chuangxing/shared';
import { Button, Canvas, Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { ResourceView } from '../../../../components/state-views';
import { isH5 } from '../../../../config/runtime-config';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, failureError, toFailure } from '../../../../services/api-failure';
import { EVALUATION, RHYTHM } from '../../poster/poster-text';
import { POSTER_CANVAS_ID, renderPoster, sharePoster } from '../../poster/render-poster';
import { yearOf } from '../../services/board-access';
import '../../board.css';
import { PrivacyPopup } from '../../../../shared-ui/privacy-popup';

const ignore = () => undefined;

/** The same 一图一表一清单 as the image, as a page to read. */
function PosterPage({ data }: { data: BranchBoard }) {
  const { row } = data;
  return (
    <View className="board-poster cx-board-poster">
      <View className="board-poster__band">
        <Text className="board-poster__title">{row.branchName}创星作战图</Text>
        <Text className="board-poster__sub">
          {data.townshipName} · {data.year} 年 · 目标 {row.targetStars.length} 星
        </Text>
      </View>
      <View className="board-poster__part">
        <Text className="board-poster__heading">一图　作战图</Text>
        <View className="board-poster__stars">
          {row.stars.map((s) => (
            <View key={s.star} className={`board-poster__star${s.held ? ' is-held' : s.target ? ' is-target' : ''}`} data-star={s.star}>
              <Text className="board-poster__star-icon">{s.held ? '★' : s.target ? '☆' : '·'}</Text>
              <Text className="board-poster__star-name">{STAR_LABELS[s.star].replace('星', '')}</Text>
              <Text className="board-poster__star-count">{s.held ? '已有' : s.target ? `${s.done}/${s.tasks} 项` : '—'}</Text>
            </View>
          ))}
        </View>
      </View>
      <View className="board-poster__part">
        <Text className="board-poster__heading">一表　任务与时间表</Text>
        {data.tasks.map((t) => {
          const next = t.milestones.find((m) => !m.met);
          return (
            <View key={t.taskId} className="board-poster__task">
              <Text className="board-poster__task-title">{t.title}</Text>
              <Text className={`board-poster__task-meta${next?.overdue ? ' is-overdue' : ''}`}>
                {TASK_STATUS_LABELS[t.status]} {t.percent}% · {t.owner} ·{' '}
                {next ? `下一节点 ${next.due.slice(5)} ${next.title}${next.overdue ? '（已超期）' : ''}` : '节点均已完成'}
              </Text>
            </View>
          );
        })}
      </View>
      <View className="board-poster__part">
        <Text className="board-poster__heading">一清单　机制与评星办法</Text>
        {data.responsibles.map((r) => (
          <Text key={r.star} className="board-line">
            {STAR_LABELS[r.star]}：{r.responsible} 负责，{r.leadDepartment} 牵头
          </Text>
        ))}
        {RHYTHM.map((l) => (
          <Text key={l} className="board-line board-line--muted">
            {l}
          </Text>
        ))}
        <Text className="board-line">{EVALUATION}</Text>
      </View>
    </View>
  );
}

function Poster({ data }: { data: BranchBoard }) {
  const [image, setImage] = useState('');
  const [busy, setBusy] = useState(false);
  const generate = async () => {
    if (busy) return;
    setBusy(true);
    Taro.showLoading({ title: '正在生成图片' }).catch(ignore);
    try {
      setImage(await renderPoster(data));
    } catch (err) {
      Taro.showToast({ title: toFailure(err).message, icon: 'none' }).catch(ignore);
    } finally {
      Taro.hideLoading();
      setBusy(false);
    }
  };
  const fileName = `${data.row.branchName}-一图一表一清单-${data.year}.png`;
  return (
    <View>
      <PosterPage data={data} />
      {!isH5() ? <Canvas type="2d" id={POSTER_CANVAS_ID} className="board-poster-canvas" /> : null}
      {image ? (
        <View className="cx-card board-poster-result">
          <Text className="board-line board-line--muted">
            {isH5() ? '图片已生成，可下载后转发' : '图片已生成，可发送给朋友或保存到相册'}
          </Text>
          <Image className="board-poster-image cx-board-poster-image" src={image} mode="widthFix" showMenuByLongpress />
          <Button className="cx-btn cx-btn--primary cx-board-poster-share" onClick={() => void sharePoster(image, fileName)}>
            {isH5() ? '下载图片' : '分享或保存图片'}
          </Button>
        </View>
      ) : (
        <Button
          className={`cx-btn cx-btn--primary cx-board-poster-generate${busy ? ' cx-btn--disabled' : ''}`}
          disabled={busy || undefined}
          onClick={() => void generate()}
        >
          {busy ? '正在生成…' : '生成分享图片'}
        </Button>
      )}
    </View>
  );
}

/** 一图一表一清单: `?branchId=&year=` */
export default function PosterPageRoute() {
  const { params } = useRouter();
  const session = useSession();
  const [year] = useState(() => yearOf(params.year));
  const branchId = params.branchId ?? '';
  const { state, reload } = useResource(
    async () => {
      if (!branchId) throw failureError({ status: 404, message: '缺少支部编号' });
      return expectStatus(await api.getBranchBoard({ params: { branchId, year } }), 200);
    },
    [branchId, year],
    { enabled: Boolean(session.token) },
  );
  if (!session.token)
    return (
      <PageRoot>
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="board-page cx-board-poster-page">
      <ResourceView state={state} onRetry={reload}>
        {(data) => <Poster data={data} />}
      </ResourceView>
      {/* Copying a code and sharing an image are privacy APIs: our 隐私保护指引 popup answers them here. */}
      <PrivacyPopup />
    </PageRoot>
  );
}
