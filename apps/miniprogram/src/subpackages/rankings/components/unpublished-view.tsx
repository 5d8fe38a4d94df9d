import { Button, View } from '@tarojs/components';
import { EmptyView } from '../../../components/state-views';
import { openPage } from '../../../services/navigation';
import { PAGES } from '../../../services/routes';
import { UNPUBLISHED_TEXT } from '../services/unpublished';

/** Nothing published for the quarter; a district admin can go and compute it. */
export function UnpublishedView({ quarter, admin }: { quarter: string; admin: boolean }) {
  return (
    <View className="cx-ranking-unpublished">
      <EmptyView text={admin ? `${UNPUBLISHED_TEXT}，可在评比管理中计算、审核后发布` : `${UNPUBLISHED_TEXT}，发布后即可查看`}>
        {admin ? (
          <Button className="cx-btn cx-btn--primary cx-ranking-go-review" onClick={() => openPage(PAGES.rankingReview(quarter))}>
            去评比管理
          </Button>
        ) : null}
      </EmptyView>
    </View>
  );
}
