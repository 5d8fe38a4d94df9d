import { type BranchType, type CatalogueStar, type Plan, SavePlanBody, STAR_LABELS, STAR_SETS, type Star } from '@chuangxing/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { ChoiceChips } from '../../../../components/choice-chips';
import { FieldProblem } from '../../../../components/field-problem';
import { useMutation } from '../../../../hooks/use-mutation';
import { api } from '../../../../services/api';
import type { Failure } from '../../../../services/api-failure';
import { serverProblems } from '../../../../services/server-problems';
import { contentOf, type DraftTask, emptyMilestone, type PlanDraft, problemKey, toggleHeld, toggleTarget } from '../../plan-form';
import { TaskEditor } from './task-editor';

/** A row of star chips (the branch type's set); `className` is the chips' stable hook. */
function StarPicker({
  stars,
  selected,
  onPick,
  className,
}: {
  stars: readonly Star[];
  selected: readonly Star[];
  onPick: (s: Star) => void;
  className: string;
}) {
  return (
    <ChoiceChips
      itemClassName={className}
      dataName="star"
      choices={stars.map((star) => ({ key: star, label: STAR_LABELS[star] }))}
      isSelected={(star) => selected.includes(star)}
      onPick={onPick}
    />
  );
}

/**
 * 编辑创星计划 (the branch's own cadres, while draft or returned): 保星 and 目标 stars, each target star's 负责人 and
 * 牵头部门, and the key tasks of the target stars with 责任人 and milestones. 保存 sends the plan's version;
 * 提交审批 saves unsaved changes first. A 409 (stale, or frozen meanwhile) hands the server's message to the page.
 */
export function PlanEditor({
  plan,
  type,
  catalogue,
  initial,
  onSaved,
  onSubmitted,
  onStale,
}: {
  plan: Plan;
  type: BranchType;
  catalogue: readonly CatalogueStar[];
  initial: PlanDraft;
  onSaved: (plan: Plan) => void;
  onSubmitted: (plan: Plan) => void;
  onStale: (message: string) => void;
}) {
  const [draft, setDraft] = useState<PlanDraft>(initial);
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { pending: busy, run } = useMutation<'save' | 'submit'>({
    onConflict: (failure) => onStale(failure.message),
    onError: (failure) => setProblems({ form: failure.message }),
  });
  const set = STAR_SETS[type];

  const change = (next: PlanDraft) => {
    setDraft(next);
    setDirty(true);
    setProblems({});
  };
  const setStar = (star: Star, patch: Partial<{ responsible: string; leadDepartment: string }>) =>
    change({ ...draft, stars: { ...draft.stars, [star]: { responsible: '', leadDepartment: '', ...draft.stars[star], ...patch } } });
  const setTask = (taskId: string, next: DraftTask) =>
    change({ ...draft, tasks: draft.tasks.map((t) => (t.taskId === taskId ? next : t)) });
  const toggleTask = (taskId: string) =>
    change({
      ...draft,
      tasks: draft.tasks.some((t) => t.taskId === taskId)
        ? draft.tasks.filter((t) => t.taskId !== taskId)
        : [...draft.tasks, { taskId, owner: '', milestones: [emptyMilestone()] }],
    });

  /** The save request, or undefined when the local check fails (its problems are shown). */
  const saveRequest = () => {
    const content = contentOf(draft, type, catalogue);
    const parsed = SavePlanBody.safeParse({ content, version: plan.version });
    if (!parsed.success) {
      const local: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = problemKey(issue.path.join('.'), content);
        if (!(key in local)) local[key] = issue.message;
      }
      setProblems(local);
      return undefined;
    }
    return api.savePlan({ params: { branchId: plan.branchId, year: plan.year }, body: parsed.data });
  };
  /** A refused save: the server's field errors next to the same fields (content indexes → stars and task ids). */
  const saveRefused = (failure: Failure, body?: unknown) => {
    const content = contentOf(draft, type, catalogue);
    setProblems(serverProblems(body, (path) => problemKey(path, content), failure.message));
  };

  const onSave = async () => {
    if (busy) return;
    const saved = await run(async () => saveRequest(), { label: 'save', onError: saveRefused });
    if (!saved) return;
    setDirty(false);
    onSaved(saved.body);
  };

  const onSubmit = async () => {
    if (busy) return;
    const { confirm } = await Taro.showModal({
      title: '提交审批',
      content: '提交后由乡镇（街道）审批，审批期间不能修改。',
      confirmText: '提交',
    });
    if (!confirm) return;
    // Unsaved changes are saved first; a refused save is reported as one.
    let saving = false;
    const res = await run(
      async () => {
        let version = plan.version;
        if (dirty || plan.version === 0) {
          saving = true;
          const saved = await saveRequest();
          if (saved?.status !== 200) return saved;
          setDirty(false);
          saving = false;
          version = saved.body.version;
        }
        return api.actOnPlan({ params: { branchId: plan.branchId, year: plan.year }, body: { action: 'submit', version } });
      },
      { label: 'submit', onError: (failure, body) => (saving ? saveRefused(failure, body) : setProblems({ form: failure.message })) },
    );
    if (res) onSubmitted(res.body);
  };

  const targets = set.filter((s) => draft.targetStars.includes(s));
  return (
    <View className="plan-editor cx-plan-editor">
      <View className="cx-card">
        <Text className="cx-field__label">现有星级（保星）</Text>
        <StarPicker stars={set} selected={draft.heldStars} className="cx-plan-held-star" onPick={(s) => change(toggleHeld(draft, s))} />
        <Text className="cx-field__label plan-label--gap">目标星级（蹦一蹦够得着）</Text>
        <Text className="plan-hint">现有星级都在目标之内；取消目标会同时取消保星。</Text>
        <StarPicker
          stars={set}
          selected={draft.targetStars}
          className="cx-plan-target-star"
          onPick={(s) => change(toggleTarget(draft, s))}
        />
        <FieldProblem text={problems.targetStars} />
      </View>
      {targets.map((star) => {
        const catStar = catalogue.find((s) => s.star === star);
        const picked = draft.tasks.filter((t) => catStar?.tasks.some((c) => c.id === t.taskId));
        return (
          <View key={star} className="plan-star cx-plan-star" data-star={star}>
            <View className="cx-section-title">{STAR_LABELS[star]}</View>
            <View className="cx-card">
              <View className="cx-field">
                <Text className="cx-field__label">负责人</Text>
                <View className="cx-plan-responsible" data-star={star}>
                  <Input
                    className="cx-input"
                    type="text"
                    value={draft.stars[star]?.responsible ?? ''}
                    maxlength={20}
                    placeholder="一人负责一颗星"
                    onInput={(e) => setStar(star, { responsible: e.detail.value })}
                  />
                </View>
                <FieldProblem text={problems[`star.${star}.responsible`]} />
              </View>
              <View className="cx-field">
                <Text className="cx-field__label">牵头部门</Text>
                <View className="cx-plan-department" data-star={star}>
                  <Input
                    className="cx-input"
                    type="text"
                    value={draft.stars[star]?.leadDepartment ?? ''}
                    maxlength={30}
                    placeholder="一颗星一个专班"
                    onInput={(e) => setStar(star, { leadDepartment: e.detail.value })}
                  />
                </View>
                <FieldProblem text={problems[`star.${star}.leadDepartment`]} />
              </View>
              <Text className="cx-field__label">重点任务</Text>
              {catStar ? (
                <View className="plan-task-options">
                  {catStar.tasks.map((t, i) => {
                    const on = draft.tasks.some((x) => x.taskId === t.id);
                    return (
                      <View
                        key={t.id}
                        className={`plan-task-option cx-plan-task-option${on ? ' is-selected' : ''}`}
                        data-id={t.id}
                        hoverClass="cx-pressed"
                        {...accessibleControl({ onActivate: () => toggleTask(t.id) })}
                      >
                        <Text className="plan-task-option__check">{on ? '☑' : '☐'}</Text>
                        <Text>
                          {i + 1}.{t.title}
                        </Text>
                      </View>
                    );
                  })}
                </View>
              ) : (
                <Text className="plan-hint">创星标准中没有这颗星的重点任务</Text>
              )}
            </View>
            {picked.map((task) => (
              <TaskEditor
                key={task.taskId}
                task={task}
                title={catStar?.tasks.find((c) => c.id === task.taskId)?.title ?? task.taskId}
                problems={problems}
                onChange={(next) => setTask(task.taskId, next)}
                onRemove={() => toggleTask(task.taskId)}
              />
            ))}
          </View>
        );
      })}
      {problems.form ? <Text className="cx-form-problem cx-plan-problem">{problems.form}</Text> : null}
      <View className="plan-actions">
        <Button className={`cx-btn cx-plan-save${busy ? ' cx-btn--disabled' : ''}`} disabled={Boolean(busy) || undefined} onClick={onSave}>
          {busy === 'save' ? '正在保存…' : '保存'}
        </Button>
        <Button
          className={`cx-btn cx-btn--primary cx-plan-submit${busy ? ' cx-btn--disabled' : ''}`}
          disabled={Boolean(busy) || undefined}
          onClick={onSubmit}
        >
          {busy === 'submit' ? '正在提交…' : '提交审批'}
        </Button>
      </View>
    </View>
  );
}
