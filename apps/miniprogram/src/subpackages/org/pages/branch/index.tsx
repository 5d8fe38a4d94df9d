import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { BRANCH_TYPE_LABELS, STAR_LABELS, STAR_SETS, type BranchDetail } from '@chuangxing/shared';
import { ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { api } from '../../../../services/api';
import { expectStatus, failureError } from '../../../../services/api-failure';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import './index.css';

function Detail({ detail }: { detail: BranchDetail }) {
  const { branch, township } = detail;
  const stars = STAR_SETS[branch.type];
  return (
    <View>
      <View className='cx-card branch-header'>
        <Text className='branch-header__name'>{branch.name}</Text>
        <View className='branch-header__meta'>
          <Text className={`cx-tag cx-tag--${branch.type}`}>{BRANCH_TYPE_LABELS[branch.type]}</Text>
          {branch.isDemo ? <Text className='cx-tag cx-tag--demo'>示例</Text> : null}
        </View>
        <View className='branch-header__township' hoverClass='cx-pressed' onClick={() => openPage(PAGES.township(township.id))}>
          <Text>所属：{township.name}</Text>
          <Text className='branch-header__arrow'>›</Text>
        </View>
      </View>
      <View className='cx-section-title'>{BRANCH_TYPE_LABELS[branch.type]}支部的五颗星</View>
      <View className='cx-card branch-stars'>
        {stars.map((star, i) => (
          <View key={star} className='branch-star cx-star-row'>
            <Text className='branch-star__index'>{i + 1}</Text>
            <Text className='branch-star__label'>{STAR_LABELS[star]}</Text>
          </View>
        ))}
      </View>
      <Text className='branch-note'>评星进度和每日报告即将上线。</Text>
    </View>
  );
}

export default function BranchPage() {
  const { params } = useRouter();
  const branchId = params.id ?? '';
  const { state, reload } = useResource(async () => {
    if (!branchId) throw failureError({ status: 404, message: '缺少支部编号' });
    const detail = expectStatus(await api.getBranch({ params: { branchId } }), 200);
    Taro.setNavigationBarTitle({ title: detail.branch.name }).catch(() => undefined);
    return detail;
  }, [branchId]);

  return (
    <View className='cx-page branch'>
      <ResourceView state={state} onRetry={reload}>
        {(detail) => <Detail detail={detail} />}
      </ResourceView>
    </View>
  );
}
