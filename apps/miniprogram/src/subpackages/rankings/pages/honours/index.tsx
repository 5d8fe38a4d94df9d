import { type Honours, type RankingRow, shanghaiDay } from '@chuangxing/shared';
import { Button, Canvas, Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { BindingNeeded, SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, LoadingView, ResourceView } from '../../../../components/state-views';
import { isH5 } from '../../../../config/runtime-config';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { toFailure } from '../../../../services/api-failure';
import { HONOURS_CANVAS_ID, renderHonours, shareImage } from '../../charts/share-image';
import { QuarterSwitcher, RankingNav, RankRow } from '../../components/bits';
import { UnpublishedView } from '../../components/unpublished-view';
import { useOpeningQuarter } from '../../hooks/use-opening-quarter';
import { quarterLabel } from '../../services/quarter';
import { readsRankings, runsRankings } from '../../services/ranking-access';
import { orUnpublished } from '../../services/unpublished';
import '../../ranking.css';
import { PageRoot } from '../../../../components/page-root';
import { PrivacyPopup } from '../../../../shared-ui/privacy-popup';

const ignore = () => undefined;
type ListKey = 'topTen' | 'topHundred' | 'mostImproved';
const LISTS: { key: ListKey; label: string; hint: string }[] = [
  { key: 'topTen', label: '十佳', hint: '全区总分前列的支部' },
  { key: 'topHundred', label: '百优', hint: '全区总分优秀的支部' },
  { key: 'mostImproved', label: '进步最快', hint: '不比基础比变化：比上季度基础分提高最多的支部' },
];

/** 生成分享图片: the list drawn on a canvas; WeChat's share sheet, a PNG download in H5. */
function ShareImage({ quarter, title, rows, showDelta }: { quarter: string; title: string; rows: RankingRow[]; showDelta: boolean }) {
  const [image, setImage] = useState('');
  const [busy, setBusy] = useState(false);
  const generate = async () => {
    if (busy) return;
    setBusy(true);
    Taro.showLoading({ title: '正在生成图片' }).catch(ignore);
    try {
      setImage(await renderHonours({ quarter, title, rows, showDelta, today: shanghaiDay() }));
    } catch (err) {
      Taro.showToast({ title: toFailure(err).message, icon: 'none' }).catch(ignore);
    } finally {
      Taro.hideLoading();
      setBusy(false);
    }
  };
  const fileName = `${quarterLabel(quarter)}${title}.png`;
  return (
    <View className="honours-share">
      {!isH5() ? <Canvas type="2d" id={HONOURS_CANVAS_ID} className="honours-share__canvas" /> : null}
      {image ? (
        <View className="cx-card honours-share__result">
          <Text className="ranking-muted">{isH5() ? '图片已生成，可下载后转发' : '图片已生成，可发送给朋友或保存到相册'}</Text>
          <Image className="honours-share__image cx-ranking-share-image" src={image} mode="widthFix" showMenuByLongpress />
          <Button className="cx-btn cx-btn--primary cx-ranking-share" onClick={() => void shareImage(image, fileName)}>
            {isH5() ? '下载图片' : '分享或保存图片'}
          </Button>
        </View>
      ) : (
        <Button
          className={`cx-btn cx-btn--primary cx-ranking-share-generate${busy ? ' cx-btn--disabled' : ''}`}
          disabled={busy || !rows.length || undefined}
          onClick={() => void generate()}
        >
          {busy ? '正在生成…' : '生成分享图片'}
        </Button>
      )}
    </View>
  );
}

function HonoursView({ data, quarter }: { data: Honours; quarter: string }) {
  const [list, setList] = useState<ListKey>('topTen');
  const meta = LISTS.find((l) => l.key === list) ?? LISTS[0];
  const rows = data[list];
  return (
    <View>
      <ChoiceChips
        className="ranking-chips"
        check={false}
        choices={LISTS.map((l) => ({ key: l.key, label: `${l.label}（${data[l.key].length}）` }))}
        isSelected={(k) => k === list}
        onPick={setList}
        itemClassName="cx-honours-tab"
      />
      <Text className="ranking-muted honours-hint">{meta.hint}</Text>
      {rows.length ? (
        <View className="cx-card ranking-list cx-honours-list" data-list={list}>
          {rows.map((row, i) => (
            <RankRow key={row.branchId} row={row} quarter={quarter} rank={list === 'mostImproved' ? i + 1 : row.districtRank} />
          ))}
        </View>
      ) : (
        <EmptyView text={list === 'mostImproved' ? '本季度没有比上季度进步的支部（或上季度未排名）' : '本榜单暂无您所辖的支部'} />
      )}
      <ShareImage key={list} quarter={quarter} title={meta.label} rows={rows} showDelta={list === 'mostImproved'} />
    </View>
  );
}

/** 十佳 / 百优 / 进步最快: `?quarter=` */
export default function HonoursPage() {
  const { params } = useRouter();
  const session = useSession();
  const reader = readsRankings(session.me);
  const [quarter, setQuarter] = useOpeningQuarter(params.quarter, Boolean(session.token) && reader);
  if (!session.token)
    return (
      <PageRoot>
        <SignInNeeded />
      </PageRoot>
    );
  if (!reader)
    return (
      <PageRoot>
        <BindingNeeded text="十佳百优供支部书记、村（社区）干部、乡镇（街道）工作人员、县级领导和区委组织部查看" />
      </PageRoot>
    );
  if (!quarter)
    return (
      <PageRoot>
        <LoadingView />
      </PageRoot>
    );
  const admin = runsRankings(session.me);
  return (
    <PageRoot className="ranking-page cx-honours-page">
      <QuarterSwitcher quarter={quarter} onChange={setQuarter} />
      <RankingNav quarter={quarter} current="honours" admin={admin} />
      <HonoursOf quarter={quarter} admin={admin} />
      {/* Copying a code and sharing an image are privacy APIs: our 隐私保护指引 popup answers them here. */}
      <PrivacyPopup />
    </PageRoot>
  );
}

function HonoursOf({ quarter, admin }: { quarter: string; admin: boolean }) {
  const { state, reload } = useResource(async () => orUnpublished(await api.getHonours({ params: { quarter } })), [quarter]);
  return (
    <ResourceView state={state} onRetry={reload}>
      {(data) => (data ? <HonoursView data={data} quarter={quarter} /> : <UnpublishedView quarter={quarter} admin={admin} />)}
    </ResourceView>
  );
}
