import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useRouter, useUnload } from '@tarojs/taro';
import { type ReactNode, useEffect, useState } from 'react';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { ErrorView, LoadingView } from '../../../../components/state-views';
import { useSession } from '../../../../hooks/use-session';
import { failureError } from '../../../../services/api-failure';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { filerBranchIds } from '../../services/report-access';
import { reportSync } from '../../services/report-sync';
import { isDayKey, shanghaiDay } from '../../services/shanghai-day';
import { useLoader } from '../../services/use-report-sync';
import { blockOf, loadContext } from './edit-context';
import { ReportForm } from './report-form';
import '../../report.css';
import '../../components/report-content.css';
import './index.css';

const ignore = () => undefined;

function Blocked({ title, text, branchId, day }: { title: string; text: string; branchId: string; day: string }) {
  return (
    <View className="cx-card report-notice cx-report-blocked">
      <Text className="report-notice__title">{title}</Text>
      <Text className="report-notice__text">{text}</Text>
      <Button className="cx-btn" onClick={() => openPage(PAGES.reportDetail(branchId, day))}>
        查看日报详情
      </Button>
    </View>
  );
}

/** 填写日报: `?branchId=&day=`; defaults to the caller's branch and today (Asia/Shanghai). */
export default function ReportEditPage() {
  const { params } = useRouter();
  const session = useSession();
  const [today] = useState(() => shanghaiDay());
  const branchId = params.branchId || filerBranchIds(session.me)[0] || '';
  const day = isDayKey(params.day) ? params.day : today;
  const { state, refresh, retry } = useLoader(() => {
    if (!branchId) return Promise.reject(failureError({ status: 404, message: '没有可填报的支部' }));
    return loadContext(branchId, day);
  }, [branchId, day]);

  useEffect(() => {
    reportSync().start();
    Taro.setNavigationBarTitle({ title: day === today ? '填写今日日报' : '补报日报' }).catch(ignore);
  }, [day, today]);
  useDidShow(() => reportSync().kick());
  useDidHide(() => reportSync().drafts.flush());
  useUnload(() => reportSync().drafts.flush());

  let body: ReactNode;
  if (!session.token) body = <SignInNeeded />;
  else if (state.kind === 'loading') body = <LoadingView />;
  else if (state.kind === 'failed') body = <ErrorView failure={state.failure} onRetry={retry} />;
  else {
    const block = blockOf(session.me, state.data, day, today);
    body = block ? (
      <Blocked title={block.title} text={block.text} branchId={state.data.branch.id} day={day} />
    ) : (
      <ReportForm ctx={state.data} day={day} today={today} onRefresh={refresh} />
    );
  }
  return <PageRoot className="report-edit">{body}</PageRoot>;
}
