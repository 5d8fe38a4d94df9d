import { COUNT_KEYS, COUNT_LABELS, REPORT_LIMITS, STAR_SETS } from '@chuangxing/shared';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ConsentSheet } from '../../../../components/consent-sheet';
import { FieldProblem } from '../../../../components/field-problem';
import { askConsent, prefetchConsent } from '../../../../services/subscribe-consent';
import { PhotoPicker } from '../../../../shared-ui/photo-picker';
import { Stepper } from '../../../../shared-ui/stepper';
import { StatusChip } from '../../components/status-chip';
import type { DraftItem, ReportDraft } from '../../offline/draft-store';
import { chipOf, newestReport } from '../../offline/report-status';
import { tasksFor, useCatalogue } from '../../services/key-tasks';
import { type PreparedPhoto, pickPhotosWeapp, preparePhotosFromFiles } from '../../services/photo-files';
import { COUNT_MAX, differsFrom, draftFromReport, emptyDraft, formErrorsOf, newItem, validateDraft } from '../../services/report-form';
import { reportSync } from '../../services/report-sync';
import { dayLabel, formatDateTime, shanghaiInstant } from '../../services/shanghai-day';
import { useDraft, useOnline, useSubmission } from '../../services/use-report-sync';
import { ConflictCard } from './conflict-card';
import type { EditContext } from './edit-context';
import { ItemEditor } from './item-editor';

const ignore = () => undefined;

/** The day's report as a form: the items, counts, texts and photos, 提交, and the conflict and rejection notices. */
export function ReportForm({ ctx, day, today, onRefresh }: { ctx: EditContext; day: string; today: string; onRefresh: () => void }) {
  const { branch, rules, detail } = ctx;
  const sync = reportSync();
  const stored = useDraft(branch.id, day);
  const submission = useSubmission(branch.id, day);
  const online = useOnline();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const stars = STAR_SETS[branch.type];
  const catalogue = useCatalogue();
  // The templates must be known before the 提交 tap (see services/subscribe-consent.ts).
  useEffect(() => void prefetchConsent(), []);

  const serverReport = newestReport(detail?.report, submission?.state === 'sent' ? submission.result?.report : undefined);
  const fresh = useMemo(() => (detail ? draftFromReport(detail) : emptyDraft(branch.id, day)), [detail, branch.id, day]);
  const draft: ReportDraft = stored ?? { ...fresh, revision: 0, updatedAt: 0 };
  const chip = chipOf({ draft: stored, submission, report: serverReport });

  // Tell the user how a submission ended, and show the server's new version.
  const lastState = useRef(submission?.state);
  useEffect(() => {
    const previous = lastState.current;
    lastState.current = submission?.state;
    if (!submission || previous === submission.state) return;
    if (submission.state === 'sent' && (previous === 'pending' || previous === 'sending')) {
      const late = submission.result?.report.status === 'late';
      Taro.showToast({ title: late ? '已提交（迟交）' : '已提交', icon: 'success' }).catch(ignore);
      onRefresh();
    }
    if (submission.state === 'conflict') onRefresh();
  }, [submission, onRefresh]);

  const stale =
    !!stored &&
    !!serverReport &&
    !stored.submit &&
    submission?.state !== 'pending' &&
    submission?.state !== 'sending' &&
    (stored.baseVersion ?? 0) < serverReport.version;
  // A leftover draft that says what the server already has is simply dropped.
  const redundant = stale && !differsFrom(stored, serverReport);
  useEffect(() => {
    if (redundant) sync.discardDraft(branch.id, day);
  }, [redundant, sync, branch.id, day]);
  const conflict = submission?.state === 'conflict' || (stale && differsFrom(stored, serverReport));
  const rejected = submission?.state === 'rejected' ? submission : undefined;
  const shown = { ...(rejected ? formErrorsOf(rejected.lastError?.fields) : {}), ...errors };

  const edit = (next: Partial<ReportDraft>, field?: string) => {
    sync.edit({ ...draft, ...next });
    if (field && shown[field]) setErrors((e) => ({ ...e, [field]: '' }));
  };
  const ensureStored = () => {
    if (!sync.drafts.get(branch.id, day)) sync.edit(draft);
  };

  const addPrepared = (photos: PreparedPhoto[]) => {
    if (!photos.length) return;
    ensureStored();
    sync.addPhotos(branch.id, day, photos);
    setErrors((e) => ({ ...e, photos: '' }));
  };
  const onPick = async (count: number) => {
    const photos = await pickPhotosWeapp(count);
    addPrepared(photos);
  };
  const onFiles = async (files: File[]) => {
    Taro.showLoading({ title: '正在压缩照片' }).catch(ignore);
    try {
      addPrepared(await preparePhotosFromFiles(files));
    } finally {
      Taro.hideLoading();
    }
  };

  const submit = () => {
    if (chip === 'pending') {
      sync.kick();
      return;
    }
    ensureStored();
    // The cadre expects reminders and 督导问题 here. Only for a form that will actually go out: an invalid one
    // would pop WeChat's dialog on every tap. Never awaited: WeChat asks only from the tap itself.
    if (Object.keys(validateDraft(sync.drafts.get(branch.id, day) ?? draft)).length === 0)
      void askConsent(['daily_reminder', 'finding_assigned']);
    const out = sync.submit(branch.id, day);
    if (out.kind === 'invalid') {
      setErrors(out.errors);
      Taro.showToast({
        title: out.errors.photos && Object.keys(out.errors).length === 1 ? out.errors.photos : '请检查标红的内容',
        icon: 'none',
      }).catch(ignore);
      return;
    }
    setErrors({});
    // Say what actually happens: without a network nothing uploads; the report waits on the phone.
    if (!sync.online() && (out.kind === 'waiting' || out.kind === 'queued'))
      Taro.showToast({ title: '已保存在手机上，联网后自动发送', icon: 'none' }).catch(ignore);
    else if (out.kind === 'waiting') Taro.showToast({ title: '照片上传中，完成后自动提交', icon: 'none' }).catch(ignore);
  };

  // Yesterday's 明日计划 as today's starting point: offered on a fresh form, one tap puts it in the first item.
  const offerPlan = !!ctx.previousPlan && !serverReport && draft.items.every((i) => !i.text.trim());
  const takePlan = () => {
    const [first, ...rest] = draft.items;
    if (first) edit({ items: [{ ...first, text: (ctx.previousPlan ?? '').slice(0, REPORT_LIMITS.itemText) }, ...rest] }, 'items.0.text');
  };

  const keepMine = () => {
    if (!stored || !serverReport) return;
    sync.edit({ ...stored, baseVersion: serverReport.version });
    if (submission?.state === 'conflict') sync.queue.dismiss(submission.id);
  };
  const takeTheirs = () => {
    sync.discardDraft(branch.id, day);
    if (submission && submission.state !== 'sent') sync.queue.dismiss(submission.id);
    onRefresh();
  };

  const deadlineAt = shanghaiInstant(day, rules.deadline);
  const pastDeadline = Date.now() > deadlineAt;
  const unchanged = !!serverReport && !stored?.submit && !differsFrom(draft, serverReport);
  let pendingText = '';
  if (chip === 'pending') {
    if (stored?.submit) pendingText = online ? '照片上传中，完成后自动提交' : '当前无网络：已保存在本机，联网后自动上传照片并提交';
    else if (submission?.state === 'sending') pendingText = '正在提交…';
    // The server answered but could not take it now (503, 5xx, 429): not a network problem.
    else if (submission?.lastError?.status) pendingText = submission.lastError.message;
    else pendingText = '网络不可用：已保存在本机，联网后自动发送';
  }
  let buttonText = serverReport ? '提交修改' : '提交';
  if (chip === 'pending') buttonText = submission?.state === 'sending' ? '正在提交…' : '待发送 · 点此立即重试';
  else if (unchanged) buttonText = serverReport?.status === 'late' ? '已提交（迟交）' : '已提交';

  return (
    <View className="report-edit__body">
      <ConsentSheet />
      <View className="cx-card report-edit__head">
        <View className="report-edit__title-row">
          <View>
            <Text className="report-edit__branch">{branch.name}</Text>
            <Text className="report-edit__day">
              {dayLabel(day)}
              {day === today ? '（今天）' : ''}
            </Text>
          </View>
          <StatusChip chip={chip} />
        </View>
        <Text className="report-edit__deadline cx-report-deadline">
          {serverReport
            ? `已于 ${formatDateTime(serverReport.updatedAt)} 提交${serverReport.status === 'late' ? '（迟交）' : ''} · 第 ${serverReport.version} 版，可修改至补报期限结束`
            : pastDeadline
              ? `已过截止时间 ${rules.deadline}，现在首次提交将记为迟交`
              : `截止时间：今天 ${rules.deadline}，之后首次提交记为迟交`}
        </Text>
        {(ctx.offline || !online) && chip !== 'pending' ? (
          <Text className="report-edit__offline">当前无网络：填写的内容会保存在本机，联网后自动发送</Text>
        ) : null}
        {pendingText ? <Text className="report-edit__pending">{pendingText}</Text> : null}
      </View>

      {conflict ? <ConflictCard ctx={ctx} onKeepMine={keepMine} onTakeTheirs={takeTheirs} /> : null}
      {rejected ? (
        <View className="cx-card report-notice report-notice--error cx-report-rejected">
          <Text className="report-notice__title">提交未成功</Text>
          <Text className="report-notice__text">{shown['params.day'] || rejected.lastError?.message}</Text>
          {rejected.lastError?.status === 401 ? (
            <Button
              className="cx-btn cx-btn--primary"
              onClick={() => {
                sync.queue.retry(rejected.id);
                sync.kick();
              }}
            >
              重新提交
            </Button>
          ) : null}
        </View>
      ) : null}

      <View className="cx-section-title">工作内容</View>
      {offerPlan ? (
        <View className="cx-card report-yesterday cx-report-yesterday">
          <Text className="report-yesterday__label">昨天的明日计划</Text>
          <Text className="report-yesterday__text">{ctx.previousPlan}</Text>
          <Button className="cx-btn cx-report-use-plan" onClick={takePlan}>
            用作今天的工作内容
          </Button>
        </View>
      ) : null}
      <FieldProblem text={shown.items} className="report-edit__items-error" />
      {draft.items.map((item, i) => (
        <ItemEditor
          key={item.id}
          index={i}
          item={item}
          stars={stars}
          tasks={tasksFor(catalogue, branch.type, item.star)}
          errors={shown}
          canRemove={draft.items.length > 1}
          onChange={(next: DraftItem, field) => edit({ items: draft.items.map((x) => (x.id === item.id ? next : x)) }, field)}
          onRemove={() => edit({ items: draft.items.filter((x) => x.id !== item.id) })}
        />
      ))}
      {draft.items.length < REPORT_LIMITS.items ? (
        <Button
          className="cx-btn report-edit__add-item cx-report-add-item"
          onClick={() => edit({ items: [...draft.items, newItem(draft.items[draft.items.length - 1]?.star)] })}
        >
          ＋ 再加一项
        </Button>
      ) : null}

      <View className="cx-section-title">数据统计（选填）</View>
      <View className="cx-card report-counts">
        {COUNT_KEYS.map((k) => (
          <View key={k} className="report-count">
            <View className="report-count__row">
              <Text className="report-count__label">{COUNT_LABELS[k]}</Text>
              <Stepper
                editable
                value={draft.counts[k]}
                max={COUNT_MAX}
                lessClassName="cx-report-count-less"
                moreClassName="cx-report-count-more"
                valueClassName="cx-report-count"
                onChange={(v) => edit({ counts: { ...draft.counts, [k]: v } }, `counts.${k}`)}
              />
            </View>
            <FieldProblem text={shown[`counts.${k}`]} />
          </View>
        ))}
      </View>

      <View className="cx-section-title">存在问题和困难</View>
      <View className="cx-card">
        <Textarea
          className="report-textarea cx-report-problems"
          value={draft.problems}
          maxlength={REPORT_LIMITS.problems}
          placeholder="没有可不填"
          onInput={(e) => edit({ problems: e.detail.value }, 'problems')}
        />
        <FieldProblem text={shown.problems} />
      </View>

      <View className="cx-section-title">明日计划</View>
      <View className="cx-card">
        <Textarea
          className="report-textarea cx-report-plan"
          value={draft.tomorrowPlan}
          maxlength={REPORT_LIMITS.plan}
          placeholder="明天准备做什么"
          onInput={(e) => edit({ tomorrowPlan: e.detail.value }, 'tomorrowPlan')}
        />
        <FieldProblem text={shown.tomorrowPlan} />
      </View>

      <View className="cx-section-title">现场照片</View>
      <View className="cx-card">
        <PhotoPicker
          photos={draft.photos.map((p) => ({ id: p.id, src: p.previewUrl, fullSrc: p.fullUrl, state: p.state, progress: p.progress }))}
          max={REPORT_LIMITS.photos}
          tileClassName="cx-report-photo"
          inputClassName="cx-report-photo-input"
          hint={`${draft.photos.length}/${REPORT_LIMITS.photos} 张 · 自动压缩后上传，省流量`}
          error={shown.photos}
          onPick={onPick}
          onFiles={onFiles}
          onRemove={(id) => {
            ensureStored();
            sync.removePhoto(branch.id, day, id);
          }}
          onRetry={(id) => sync.retryPhoto(branch.id, day, id)}
        />
      </View>

      <View className="report-edit__bar">
        <Button
          className={`cx-btn cx-btn--primary cx-report-submit${unchanged || submission?.state === 'sending' ? ' cx-btn--disabled' : ''}`}
          disabled={unchanged || submission?.state === 'sending' || undefined}
          onClick={submit}
        >
          {buttonText}
        </Button>
      </View>
    </View>
  );
}
