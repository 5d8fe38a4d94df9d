import {
  type BranchDetail,
  type DailyRules,
  REPORT_LIMITS,
  REPORT_STATUS_LABELS,
  type ReportComment,
  type ReportDetail,
  STAR_SETS,
} from '@chuangxing/shared';
import { Button, Image, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { FieldProblem } from '../../../../components/field-problem';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, failureError, failureOf, fieldError, fieldErrorsOf } from '../../../../services/api-failure';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { ReportContentView } from '../../components/report-content';
import { StatusChip } from '../../components/status-chip';
import { DEVICE_DAY_LABELS, type DeviceDay, useDeviceDays, useOnSent } from '../../services/device-days';
import { taskTitle, useCatalogue } from '../../services/key-tasks';
import { canComment, canFile } from '../../services/report-access';
import { reportSync } from '../../services/report-sync';
import { dayLabel, daysBetween, formatDateTime, isDayKey, shanghaiDay } from '../../services/shanghai-day';
import '../../report.css';
import '../../components/report-content.css';
import './index.css';
import { previewImages } from '../../../../services/image-preview';

interface DetailData {
  branch: BranchDetail['branch'];
  township: BranchDetail['township'];
  detail?: ReportDetail;
  rules?: DailyRules;
}

const ignore = () => undefined;

function Photos({ detail }: { detail: ReportDetail }) {
  const urls = detail.photoUrls.map((p) => p.url);
  if (!urls.length) return null;
  return (
    <View>
      <View className="cx-section-title">现场照片（{urls.length}）</View>
      <View className="cx-card">
        <View className="report-photos">
          {detail.photoUrls.map((p) => (
            <View
              key={p.url}
              className="report-photo cx-report-detail-photo"
              {...accessibleControl({ onActivate: () => previewImages(urls, p.url).catch(ignore) })}
            >
              <Image className="report-photo__img" src={p.thumbUrl ?? p.url} mode="aspectFill" lazyLoad />
            </View>
          ))}
        </View>
      </View>
    </View>
  );
}

function CommentBox({ branchId, day, onAdded }: { branchId: string; day: string; onAdded: (c: ReportComment) => void }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState('');
  const { busy: sending, run } = useMutation({
    onError: (failure, body) => setProblem(fieldError(fieldErrorsOf(body), 'text') ?? failure.message),
  });
  const send = async () => {
    if (sending) return;
    const trimmed = text.trim();
    if (!trimmed) {
      setProblem('请填写批注');
      return;
    }
    setProblem('');
    const res = await run(() => api.addReportComment({ params: { branchId, day }, body: { text: trimmed } }));
    if (!res) return;
    setText('');
    onAdded(res.body);
    Taro.showToast({ title: '已批注', icon: 'success' }).catch(ignore);
  };
  return (
    <View className="report-comment-box">
      <Textarea
        className="report-detail__textarea cx-report-comment-input"
        value={text}
        maxlength={REPORT_LIMITS.comment}
        placeholder="写批注，支部干部都能看到"
        onInput={(e) => {
          setText(e.detail.value);
          setProblem('');
        }}
      />
      <FieldProblem text={problem} />
      <Button
        className={`cx-btn cx-btn--primary cx-report-comment-send${sending ? ' cx-btn--disabled' : ''}`}
        disabled={sending || undefined}
        onClick={send}
      >
        {sending ? '正在发送…' : '发送批注'}
      </Button>
    </View>
  );
}

/** A report of this day still on this device (待发送) or on the wire (发送中): the server's page is not the last word. */
function Queued({ device, branchId, day }: { device: DeviceDay; branchId: string; day: string }) {
  if (device.kind === 'sent') return null;
  return (
    <View className="cx-card report-notice cx-report-detail-queued">
      <View className="report-detail__meta">
        <Text className="report-notice__title">本机有一份日报{DEVICE_DAY_LABELS[device.kind]}</Text>
        <StatusChip chip="pending" />
      </View>
      <Text className="report-notice__text">
        {device.kind === 'sending' ? '正在发送，完成后这里自动更新' : '已保存在手机上，联网后自动发送，发送后这里自动更新'}
      </Text>
      <Button className="cx-btn" onClick={() => openPage(PAGES.reportEdit(branchId, day))}>
        查看待发送的日报
      </Button>
    </View>
  );
}

function Detail({ data, day, today, device }: { data: DetailData; day: string; today: string; device?: DeviceDay }) {
  const session = useSession();
  const { branch, detail } = data;
  const [added, setAdded] = useState<ReportComment[]>([]);
  // Only a report whose items name key tasks needs the catalogue (for their titles).
  const catalogue = useCatalogue(!!detail?.report.content.items.some((i) => i.taskId));
  const age = daysBetween(day, today);
  const editable = canFile(session.me, branch.id) && !!data.rules && age >= 0 && age <= data.rules.maxBackfillDays;

  const queued = device ? <Queued device={device} branchId={branch.id} day={day} /> : null;
  if (!detail && device && device.kind !== 'sent') return queued;
  if (!detail) {
    return (
      <EmptyView text={`${branch.name} ${dayLabel(day)} 未提交日报`}>
        {editable ? (
          <Button className="cx-btn cx-btn--primary" onClick={() => openPage(PAGES.reportEdit(branch.id, day))}>
            去填写
          </Button>
        ) : null}
      </EmptyView>
    );
  }
  const { report } = detail;
  const comments = [...detail.comments, ...added.filter((a) => !detail.comments.some((c) => c.id === a.id))];
  return (
    <View>
      {queued}
      <View className="cx-card report-detail__head">
        <Text className="report-detail__branch">{branch.name}</Text>
        <View className="report-detail__meta">
          <Text className="report-detail__day">{dayLabel(day)}</Text>
          <Text className={`report-chip report-status--${report.status} cx-report-detail-status`}>
            {REPORT_STATUS_LABELS[report.status]}
          </Text>
        </View>
        <Text className="report-muted">
          提交于 {formatDateTime(report.submittedAt)}
          {report.version > 1 ? ` · 第 ${report.version} 版` : ''}
        </Text>
      </View>

      <View className="cx-section-title">工作内容</View>
      <View className="cx-card">
        <ReportContentView
          content={report.content}
          stars={branch.stars.length ? branch.stars : STAR_SETS[branch.type]}
          taskTitle={(id) => taskTitle(catalogue, branch.type, id)}
        />
      </View>

      <Photos detail={detail} />

      <View className="cx-section-title">修改记录</View>
      <View className="cx-card report-detail__revisions">
        {detail.revisions.length ? (
          [...detail.revisions]
            .sort((a, b) => a.version - b.version)
            .map((r) => (
              <View key={r.version} className="report-detail__revision cx-report-revision">
                <Text className="report-detail__revision-who">
                  {r.editedByName} {r.version === 1 ? '提交' : '修改'}（第 {r.version} 版）
                </Text>
                <Text className="report-muted">{formatDateTime(r.editedAt)}</Text>
              </View>
            ))
        ) : (
          <Text className="report-muted">暂无记录</Text>
        )}
      </View>

      <View className="cx-section-title">批注（{comments.length}）</View>
      <View className="cx-card report-detail__comments">
        {comments.length ? (
          comments.map((c) => (
            <View key={c.id} className="report-detail__comment cx-report-comment">
              <View className="report-detail__comment-head">
                <Text className="report-detail__comment-author">
                  {c.authorName}
                  {c.authorRole && !c.authorName.includes(c.authorRole) ? `（${c.authorRole}）` : ''}
                </Text>
                <Text className="report-muted">{formatDateTime(c.createdAt)}</Text>
              </View>
              <Text className="report-detail__comment-text">{c.text}</Text>
            </View>
          ))
        ) : (
          <Text className="report-muted">暂无批注</Text>
        )}
        {canComment(session.me, branch) ? (
          <CommentBox branchId={branch.id} day={day} onAdded={(c) => setAdded((xs) => [...xs, c])} />
        ) : null}
      </View>

      {editable ? (
        <Button className="cx-btn report-detail__edit cx-report-edit" onClick={() => openPage(PAGES.reportEdit(branch.id, day))}>
          修改日报
        </Button>
      ) : null}
    </View>
  );
}

/** 日报详情: `?branchId=&day=`. */
export default function ReportDetailPage() {
  const { params } = useRouter();
  const session = useSession();
  const [today] = useState(() => shanghaiDay());
  const branchId = params.branchId ?? '';
  const day = isDayKey(params.day) ? params.day : today;
  const { state, reload } = useResource<DetailData>(
    async () => {
      if (!branchId) throw failureError({ status: 404, message: '缺少支部编号' });
      const [b, r, rules] = await Promise.all([
        api.getBranch({ params: { branchId } }),
        api.getReport({ params: { branchId, day } }),
        api.getDailyRules({}),
      ]);
      const { branch, township } = expectStatus(b, 200);
      if (r.status !== 200 && r.status !== 404) throw failureError(failureOf(r));
      Taro.setNavigationBarTitle({ title: `${branch.name} · 日报` }).catch(ignore);
      return { branch, township, detail: r.status === 200 ? r.body : undefined, rules: rules.status === 200 ? rules.body : undefined };
    },
    [branchId, day],
    { enabled: !!session.token },
  );
  // The device's queue for this day, live; a send that completes shows the server's new version.
  const device = useDeviceDays(branchId)[day];
  useEffect(() => reportSync().start(), []);
  useOnSent(
    branchId,
    useCallback(
      (sentDay: string) => {
        if (sentDay === day) reload();
      },
      [day, reload],
    ),
  );
  // Back from editing: show the new version.
  const [shown, setShown] = useState(false);
  useDidShow(() => {
    if (shown) reload();
    setShown(true);
  });

  return (
    <PageRoot className="report-detail">
      {session.token ? (
        <View>
          {state.kind === 'failed' && device ? <Queued device={device} branchId={branchId} day={day} /> : null}
          <ResourceView state={state} onRetry={reload}>
            {(data) => <Detail data={data} day={day} today={today} device={device} />}
          </ResourceView>
        </View>
      ) : (
        <SignInNeeded />
      )}
    </PageRoot>
  );
}
