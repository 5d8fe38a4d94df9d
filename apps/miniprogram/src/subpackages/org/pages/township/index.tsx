import {
  BRANCH_TYPE_LABELS,
  type Branch,
  type BranchType,
  STAR_SETS,
  TOWNSHIP_KIND_LABELS,
  type TownshipBranches,
} from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { PageRoot } from '../../../../components/page-root';
import { StarChips } from '../../../../components/star-chips';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, failureError } from '../../../../services/api-failure';
import { managesTownship } from '../../../../services/me-helpers';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { NewBranchForm } from './new-branch-form';
import './index.css';

type Filter = 'all' | BranchType;
const FILTERS: { key: Filter; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'rural', label: BRANCH_TYPE_LABELS.rural },
  { key: 'community', label: BRANCH_TYPE_LABELS.community },
];

function BranchRow({ branch }: { branch: Branch }) {
  const stars = branch.stars.length ? branch.stars : STAR_SETS[branch.type];
  return (
    <View
      className="cx-card cx-branch-item"
      hoverClass="cx-pressed"
      {...accessibleControl({ onActivate: () => openPage(PAGES.branch(branch.id)) })}
    >
      <View className="township-branch__head">
        <Text className="township-branch__name">{branch.name}</Text>
        <Text className={`cx-tag cx-tag--${branch.type}`}>{BRANCH_TYPE_LABELS[branch.type]}</Text>
        {branch.isDemo ? <Text className="cx-tag cx-tag--demo">示例</Text> : null}
      </View>
      <StarChips stars={stars} />
    </View>
  );
}

function Township({ data, manager, onBranchAdded }: { data: TownshipBranches; manager: boolean; onBranchAdded: () => void }) {
  const [filter, setFilter] = useState<Filter>('all');
  const [adding, setAdding] = useState(false);
  const { township, branches } = data;
  const count = (f: Filter) => (f === 'all' ? branches.length : branches.filter((b) => b.type === f).length);
  const shown = filter === 'all' ? branches : branches.filter((b) => b.type === filter);

  return (
    <View>
      <View className="cx-card township-header">
        <View className="township-header__title">
          <Text className="township-header__name">{township.name}</Text>
          <Text className="cx-tag cx-tag--muted">{TOWNSHIP_KIND_LABELS[township.kind]}</Text>
          {township.isDemo ? <Text className="cx-tag cx-tag--demo">示例</Text> : null}
        </View>
        <Text className="township-header__counts">
          农村 {township.counts.rural} · 社区 {township.counts.community} · 合计 {township.counts.total}
        </Text>
      </View>
      {manager && adding ? <NewBranchForm townshipId={township.id} onCreated={onBranchAdded} onCancel={() => setAdding(false)} /> : null}
      {manager && !adding ? (
        <Button className="cx-btn cx-branch-add township-add" onClick={() => setAdding(true)}>
          新增支部
        </Button>
      ) : null}
      <View className="township-filter">
        {FILTERS.map((f) => (
          <View
            key={f.key}
            className={`township-filter__item${filter === f.key ? ' township-filter__item--active' : ''}`}
            {...accessibleControl({ onActivate: () => setFilter(f.key) })}
          >
            <Text>
              {f.label}（{count(f.key)}）
            </Text>
          </View>
        ))}
      </View>
      {branches.length === 0 ? (
        <EmptyView text="该乡镇（街道）暂无支部" />
      ) : shown.length === 0 ? (
        <EmptyView text="没有符合条件的支部" />
      ) : (
        shown.map((b) => <BranchRow key={b.id} branch={b} />)
      )}
    </View>
  );
}

export default function TownshipPage() {
  const { params } = useRouter();
  const session = useSession();
  const townshipId = params.id ?? '';
  const manager = managesTownship(session.me, townshipId);
  const { state, reload } = useResource(async () => {
    if (!townshipId) throw failureError({ status: 404, message: '缺少乡镇（街道）编号' });
    const data = expectStatus(await api.listTownshipBranches({ params: { townshipId } }), 200);
    Taro.setNavigationBarTitle({ title: data.township.name }).catch(() => undefined);
    return data;
  }, [townshipId]);

  return (
    <PageRoot className="township">
      <ResourceView state={state} onRetry={reload}>
        {(data) => (
          <Township
            data={data}
            manager={manager}
            onBranchAdded={() => {
              Taro.showToast({ title: '已新增支部', icon: 'success' }).catch(() => undefined);
              reload();
            }}
          />
        )}
      </ResourceView>
    </PageRoot>
  );
}
