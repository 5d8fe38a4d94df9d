import {
  formatShanghaiDateTime,
  type PlanTask,
  STAR_LABELS,
  shanghaiDay,
  TASK_STATUS_LABELS,
  TASK_STATUSES,
  type TaskProgress,
  type TaskStatus,
  TaskUpdateBody,
} from '@chuangxing/shared';
import { Button, Image, Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { ChoiceChips } from '../../../../components/choice-chips';
import { FieldProblem } from '../../../../components/field-problem';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, failureError } from '../../../../services/api-failure';
import { keyedByContent } from '../../../../services/list-keys';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { serverProblems } from '../../../../services/server-problems';
import { PhotoPicker } from '../../../../shared-ui/photo-picker';
import { writesPlan } from '../../plan-form';
import { EVIDENCE_MAX, useEvidencePhotos } from '../../services/evidence-photos';
import './index.css';
import { previewImages } from '../../../../services/image-preview';

const ignore = () => undefined;

function yearOf(param: string | undefined): number {
  const n = Number(param);
  return Number.isInteger(n) && n >= 2020 && n <= 2100 ? n : Number(shanghaiDay().slice(0, 4));
}

/** The task as planned (owner, milestones), the plan's status, and its progress. */
async function loadTask(branchId: string, year: number, taskId: string) {
  if (!branchId || !taskId) throw failureError({ status: 404, message: '缺少任务编号' });
  const [plan, progress] = await Promise.all([
    api.getPlan({ params: { branchId, year } }).then((res) => expectStatus(res, 200)),
    api.getTaskProgress({ params: { branchId, year, taskId } }).then((res) => expectStatus(res, 200)),
  ]);
  const task = plan.content.tasks.find((t) => t.taskId === taskId);
  if (!task) throw failureError({ status: 404, message: '计划中没有这项任务' });
  Taro.setNavigationBarTitle({ title: `${plan.branchName} · 任务进展` }).catch(ignore);
  return { plan, task, progress };
}

function PercentBar({ percent, className = '' }: { percent: number; className?: string }) {
  return (
    <View className={`task-bar ${className}`}>
      <View className="task-bar__fill" style={{ width: `${Math.max(0, Math.min(100, percent))}%` }} />
    </View>
  );
}

function Milestones({ task, done }: { task: PlanTask; done: boolean }) {
  const today = shanghaiDay();
  return (
    <View className="cx-card">
      <Text className="cx-field__label">时间节点（倒排工期）</Text>
      {keyedByContent(task.milestones, (m) => `${m.due}:${m.title}`).map(({ item: m, key }) => {
        const overdue = !done && m.due < today;
        return (
          <View key={key} className={`task-milestone cx-task-milestone${overdue ? ' task-milestone--overdue is-overdue' : ''}`}>
            <Text className="task-milestone__due">{m.due}</Text>
            <Text className="task-milestone__title">{m.title}</Text>
            {overdue ? <Text className="cx-tag task-milestone__flag">已逾期</Text> : null}
          </View>
        );
      })}
    </View>
  );
}

function UpdateForm({
  branchId,
  year,
  taskId,
  current,
  onAdded,
}: {
  branchId: string;
  year: number;
  taskId: string;
  current: TaskProgress;
  onAdded: (p: TaskProgress) => void;
}) {
  const [status, setStatus] = useState<TaskStatus>(current.status === 'not_started' ? 'in_progress' : current.status);
  const [percent, setPercent] = useState(String(current.percent));
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { busy: sending, run } = useMutation({
    onError: (failure, body) => setProblems(serverProblems(body, (path) => path.split('.')[0], failure.message)),
  });
  const photos = useEvidencePhotos(branchId, year);

  const send = async () => {
    if (sending) return;
    if (photos.busy) return setProblems({ evidence: '照片还在上传，请稍候' });
    if (photos.failed) return setProblems({ evidence: '有照片上传失败，点击照片重试或删除' });
    const body = { status, percent: status === 'done' ? 100 : Number(percent), note: note.trim(), evidence: photos.keys() };
    const local = TaskUpdateBody.safeParse(body);
    if (!local.success) {
      const out: Record<string, string> = {};
      for (const issue of local.error.issues) {
        const field = String(issue.path[0]);
        if (!out[field]) out[field] = field === 'percent' ? '进度请填 0–100 的整数' : issue.message;
      }
      return setProblems(out);
    }
    setProblems({});
    const res = await run(() => api.addTaskUpdate({ params: { branchId, year, taskId }, body: local.data }));
    if (!res) return;
    setNote('');
    photos.reset();
    onAdded(res.body);
    Taro.showToast({ title: '已记录进展', icon: 'success' }).catch(ignore);
  };

  return (
    <View className="cx-card task-form cx-task-form">
      <Text className="task-form__title">报告进展</Text>
      <Text className="cx-field__label">当前状态</Text>
      <ChoiceChips
        itemClassName="cx-task-status-option"
        dataName="status"
        choices={TASK_STATUSES.map((s) => ({ key: s, label: TASK_STATUS_LABELS[s] }))}
        isSelected={(s) => s === status}
        onPick={setStatus}
      />
      <Text className="cx-field__label">完成进度（%）</Text>
      <View className="task-percent cx-task-percent">
        <Input
          className="cx-input"
          type="number"
          maxlength={3}
          value={status === 'done' ? '100' : percent}
          disabled={status === 'done'}
          placeholder="0–100"
          onInput={(e) => setPercent(e.detail.value)}
        />
      </View>
      <FieldProblem text={problems.percent} />
      <Text className="cx-field__label">进展说明</Text>
      <View className="cx-task-note">
        <Textarea
          className="task-textarea"
          value={note}
          maxlength={500}
          placeholder="这次做了什么、还差什么（可不填）"
          onInput={(e) => setNote(e.detail.value)}
        />
      </View>
      <FieldProblem text={problems.note} />
      <Text className="cx-field__label">佐证照片（最多 {EVIDENCE_MAX} 张）</Text>
      <PhotoPicker
        photos={photos.photos.map((p) => ({ id: p.id, src: p.localPath, state: p.state, progress: p.progress }))}
        max={EVIDENCE_MAX}
        tileClassName="cx-task-photo"
        inputClassName="cx-task-photo-input"
        error={problems.evidence}
        onPick={() => void photos.pick()}
        onFiles={(files) => void photos.addFiles(files)}
        onRemove={photos.remove}
        onRetry={photos.retry}
      />
      <FieldProblem text={problems.status} />
      <FieldProblem text={problems.form} className="cx-task-form-problem" />
      <Button
        className={`cx-btn cx-btn--primary cx-task-submit${sending ? ' cx-btn--disabled' : ''}`}
        disabled={sending || undefined}
        onClick={send}
      >
        {sending ? '正在提交…' : '提交进展'}
      </Button>
    </View>
  );
}

function Updates({ progress }: { progress: TaskProgress }) {
  if (!progress.updates.length) return <EmptyView text="还没有进展记录" />;
  return (
    <View className="task-updates">
      {progress.updates.map((u) => (
        <View key={u.id} className="cx-card task-update cx-task-update" data-id={u.id}>
          <View className="task-update__head">
            <Text className={`cx-tag task-status--${u.status} cx-task-update-status`}>{TASK_STATUS_LABELS[u.status]}</Text>
            <Text className="task-update__percent cx-task-update-percent">{u.percent}%</Text>
          </View>
          <PercentBar percent={u.percent} />
          {u.note ? <Text className="task-update__note cx-task-update-note">{u.note}</Text> : null}
          {u.evidenceUrls.length ? (
            <View className="task-photos">
              {u.evidenceUrls.map((url) => (
                <View
                  key={url}
                  className="task-photo cx-task-evidence"
                  {...accessibleControl({ onActivate: () => previewImages(u.evidenceUrls, url).catch(ignore) })}
                >
                  <Image className="task-photo__img" src={url} mode="aspectFill" lazyLoad />
                </View>
              ))}
            </View>
          ) : null}
          <Text className="task-update__meta">
            {u.byName} · {formatShanghaiDateTime(u.at)}
          </Text>
        </View>
      ))}
    </View>
  );
}

function Reports({ branchId, progress }: { branchId: string; progress: TaskProgress }) {
  if (!progress.reports.length) return <EmptyView text="还没有日报提到这项任务" />;
  return (
    <View className="cx-card">
      {keyedByContent(progress.reports, (r) => `${r.day}:${r.text}`).map(({ item: r, key }) => (
        <View
          key={key}
          className="task-report cx-task-report"
          hoverClass="cx-pressed"
          {...accessibleControl({ onActivate: () => openPage(PAGES.reportDetail(branchId, r.day)) })}
        >
          <Text className="task-report__day">{r.day}</Text>
          <Text className="task-report__text">{r.text}</Text>
          <Text className="task-report__more">查看日报 ›</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * 任务进展 (`?branchId=&year=&taskId=`): a key task of the approved 创星计划, its owner and milestones (overdue ones
 * marked), the progress updates newest first, and the daily report items that named it. The branch's own
 * cadres and secretary add updates; everyone else who may read the plan reads.
 */
export default function TaskProgressPage() {
  const { params } = useRouter();
  const session = useSession();
  const signedIn = Boolean(session.token);
  const branchId = params.branchId ?? '';
  const taskId = params.taskId ?? '';
  const year = yearOf(params.year);
  const [latest, setLatest] = useState<TaskProgress>();
  const { state, reload } = useResource(
    async () => {
      const loaded = await loadTask(branchId, year, taskId);
      setLatest(undefined);
      return loaded;
    },
    [branchId, year, taskId, session.token],
    { enabled: signedIn },
  );

  if (!signedIn)
    return (
      <PageRoot className="task">
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="task">
      <ResourceView state={state} onRetry={reload}>
        {({ plan, task, progress: loaded }) => {
          const progress = latest ?? loaded;
          const writer = writesPlan(session.me, branchId) && plan.status === 'approved';
          return (
            <View>
              <View className="cx-card task-head">
                <Text className="task-head__star">{STAR_LABELS[progress.star]}</Text>
                <Text className="task-head__title cx-task-title">{progress.title}</Text>
                <Text className="task-head__line cx-task-owner">责任人：{task.owner}</Text>
                <View className="task-head__row">
                  <Text className={`cx-tag task-status--${progress.status} cx-task-status`}>{TASK_STATUS_LABELS[progress.status]}</Text>
                  <Text className="task-head__percent cx-task-percent-now">{progress.percent}%</Text>
                </View>
                <PercentBar percent={progress.percent} />
                {plan.status !== 'approved' ? <Text className="task-head__hint">计划批准后才能报告进展</Text> : null}
              </View>
              <Milestones task={task} done={progress.status === 'done'} />
              {writer ? <UpdateForm branchId={branchId} year={year} taskId={taskId} current={progress} onAdded={setLatest} /> : null}
              <View className="cx-section-title">进展记录（{progress.updates.length}）</View>
              <Updates progress={progress} />
              <View className="cx-section-title">日报中的相关工作（{progress.reports.length}）</View>
              <Reports branchId={branchId} progress={progress} />
            </View>
          );
        }}
      </ResourceView>
    </PageRoot>
  );
}
