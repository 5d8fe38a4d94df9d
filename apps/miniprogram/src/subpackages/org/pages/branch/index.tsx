import { BRANCH_TYPE_LABELS, type BranchDetail, STAR_LABELS, STAR_SETS } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { PageRoot } from '../../../../components/page-root';
import { ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, failureError } from '../../../../services/api-failure';
import { isOfficial, managesTownship } from '../../../../services/me-helpers';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { RenameForm } from './rename-form';
import './index.css';

const STALE_MESSAGE = '已被他人修改，请刷新后重试';

function Detail({
  detail,
  manager,
  official,
  onRenamed,
  onStale,
  onEdit,
}: {
  detail: BranchDetail;
  manager: boolean;
  /** Officials read (and the branch's cadres write, its township approves) the branch's 创星计划. */
  official: boolean;
  onRenamed: () => void;
  onStale: () => void;
  onEdit: () => void;
}) {
  const { branch, township } = detail;
  const stars = STAR_SETS[branch.type];
  const [renaming, setRenaming] = useState(false);
  return (
    <View>
      <View className="cx-card branch-header">
        <Text className="branch-header__name">{branch.name}</Text>
        <View className="branch-header__meta">
          <Text className={`cx-tag cx-tag--${branch.type}`}>{BRANCH_TYPE_LABELS[branch.type]}</Text>
          {branch.isDemo ? <Text className="cx-tag cx-tag--demo">示例</Text> : null}
        </View>
        <View
          className="branch-header__township"
          hoverClass="cx-pressed"
          {...accessibleControl({ onActivate: () => openPage(PAGES.township(township.id)) })}
        >
          <Text>所属：{township.name}</Text>
          <Text className="branch-header__arrow">›</Text>
        </View>
        {manager && !renaming ? (
          <Button
            className="cx-btn cx-branch-rename branch-header__rename"
            onClick={() => {
              onEdit();
              setRenaming(true);
            }}
          >
            修改名称
          </Button>
        ) : null}
      </View>
      {renaming ? <RenameForm branch={branch} onRenamed={onRenamed} onStale={onStale} onCancel={() => setRenaming(false)} /> : null}
      <View className="cx-section-title">{BRANCH_TYPE_LABELS[branch.type]}支部的五颗星</View>
      <View className="cx-card branch-stars">
        {stars.map((star, i) => (
          <View key={star} className="branch-star cx-star-row">
            <Text className="branch-star__index">{i + 1}</Text>
            <Text className="branch-star__label">{STAR_LABELS[star]}</Text>
          </View>
        ))}
      </View>
      {official ? (
        <View>
          <View className="cx-section-title">创星工作</View>
          {[
            ['plan', '创星计划', PAGES.planEdit(branch.id)],
            ['board', '四个一口清 · 作战图', PAGES.branchBoard(branch.id)],
            ['reports', '日报日历', PAGES.reportCalendar(branch.id)],
            ['findings', '问题清单（四不两直）', PAGES.findings(branch.id)],
            ['observations', '观摩结果', PAGES.branchObservations(branch.id)],
            ['review', '学讲评', PAGES.reviewBoard(branch.id)],
          ].map(([key, title, url]) => (
            <View
              key={key}
              className={`cx-card branch-link cx-branch-${key}`}
              hoverClass="cx-pressed"
              {...accessibleControl({ onActivate: () => openPage(url) })}
            >
              <Text>{title}</Text>
              <Text className="branch-header__arrow">›</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

export default function BranchPage() {
  const { params } = useRouter();
  const session = useSession();
  const branchId = params.id ?? '';
  /** Survives the reload after a 409, so the user learns why the form closed. */
  const [stale, setStale] = useState(false);
  const { state, reload } = useResource(async () => {
    if (!branchId) throw failureError({ status: 404, message: '缺少支部编号' });
    const detail = expectStatus(await api.getBranch({ params: { branchId } }), 200);
    Taro.setNavigationBarTitle({ title: detail.branch.name }).catch(() => undefined);
    return detail;
  }, [branchId]);

  return (
    <PageRoot className="branch">
      <ResourceView state={state} onRetry={reload}>
        {(detail) => (
          <View>
            {stale ? (
              <View className="cx-card branch-notice cx-branch-notice">
                <Text className="branch-notice__title">{STALE_MESSAGE}</Text>
                <Text className="branch-notice__sub">页面已刷新为最新内容，可以重新修改。</Text>
              </View>
            ) : null}
            <Detail
              detail={detail}
              manager={managesTownship(session.me, detail.branch.townshipId)}
              official={isOfficial(session.me)}
              onEdit={() => setStale(false)}
              onRenamed={() => {
                Taro.showToast({ title: '已修改', icon: 'success' }).catch(() => undefined);
                reload();
              }}
              onStale={() => {
                setStale(true);
                reload();
              }}
            />
          </View>
        )}
      </ResourceView>
    </PageRoot>
  );
}
