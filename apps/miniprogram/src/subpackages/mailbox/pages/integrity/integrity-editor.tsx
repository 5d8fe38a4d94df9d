import { type IntegrityBoard, type IntegrityCommitment, PutIntegrityBoardBody } from '@chuangxing/shared';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { FieldProblem } from '../../../../components/field-problem';
import { useMutation } from '../../../../hooks/use-mutation';
import { api } from '../../../../services/api';
import { serverProblems } from '../../../../services/server-problems';

export interface DraftCommitment {
  /** Local row id (not sent). */
  key: string;
  position: string;
  name: string;
  powers: string[];
  /** A power typed but not yet added with 添加. */
  powerInput: string;
  commitment: string;
}

let rowSeq = 0;
const rowKey = () => `row-${++rowSeq}`;

export function draftOf(commitments: readonly IntegrityCommitment[]): DraftCommitment[] {
  return commitments.map((c) => ({
    key: rowKey(),
    position: c.position,
    name: c.name,
    powers: [...c.powers],
    powerInput: '',
    commitment: c.commitment,
  }));
}

const emptyRow = (): DraftCommitment => ({ key: rowKey(), position: '', name: '', powers: [], powerInput: '', commitment: '' });

function commitmentsOf(draft: readonly DraftCommitment[]): IntegrityCommitment[] {
  return draft.map((d) => {
    const extra = d.powerInput.trim();
    return {
      position: d.position.trim(),
      name: d.name.trim(),
      powers: extra && !d.powers.includes(extra) ? [...d.powers, extra] : d.powers,
      commitment: d.commitment.trim(),
    };
  });
}

/** "commitments.0.position" (ours or the server's, with or without "body.") → "0.position"; whole-list problems → "form". */
function problemKey(path: string): string {
  const m = /^(?:body\.)?commitments\.(\d+)\.(position|name|powers|commitment)/.exec(path);
  return m ? `${m[1]}.${m[2]}` : 'form';
}

/**
 * 编辑 微权说廉: add and remove commitments, each with its post, name, small powers and commitment text.
 * Saved whole with the version the page showed (0 before the first publication); 409 → the page reloads.
 */
export function IntegrityEditor({
  board,
  initial,
  onSaved,
  onStale,
  onCancel,
}: {
  board: IntegrityBoard;
  initial: DraftCommitment[];
  onSaved: (board: IntegrityBoard) => void;
  /** Someone else saved meanwhile; the draft is handed back so it is not lost. */
  onStale: (draft: DraftCommitment[]) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<DraftCommitment[]>(initial.length ? initial : [emptyRow()]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { busy: saving, run } = useMutation({
    // Someone else saved meanwhile: the page reloads and keeps this edit to continue from.
    onConflict: () => onStale(draft),
    onError: (failure, body) => setProblems(serverProblems(body, problemKey, failure.message)),
  });

  const update = (key: string, patch: Partial<DraftCommitment>) => {
    setDraft((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    setProblems({});
  };
  const addPower = (row: DraftCommitment) => {
    const p = row.powerInput.trim();
    if (!p) return;
    update(row.key, { powers: row.powers.includes(p) ? row.powers : [...row.powers, p], powerInput: '' });
  };

  const save = async () => {
    if (saving) return;
    const body = { commitments: commitmentsOf(draft), version: board.version };
    const parsed = PutIntegrityBoardBody.safeParse(body);
    if (!parsed.success) {
      const local: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = problemKey(issue.path.join('.'));
        if (!(key in local)) local[key] = issue.message;
      }
      setProblems(local);
      return;
    }
    setProblems({});
    const res = await run(() => api.putIntegrityBoard({ params: { branchId: board.branchId }, body: parsed.data }));
    if (res) onSaved(res.body);
  };

  return (
    <View className="mailbox-integrity-editor cx-integrity-editor">
      {draft.map((row, i) => (
        <View key={row.key} className="cx-card mailbox-integrity-edit cx-integrity-edit-item">
          <Text className="mailbox-integrity-edit__index">第 {i + 1} 项</Text>
          <View className="cx-field">
            <Text className="cx-field__label">职务</Text>
            <Input
              className="cx-input cx-integrity-position"
              type="text"
              value={row.position}
              maxlength={30}
              placeholder="例如 社区党委书记"
              onInput={(e) => update(row.key, { position: e.detail.value })}
            />
            <FieldProblem text={problems[`${i}.position`]} />
          </View>
          <View className="cx-field">
            <Text className="cx-field__label">姓名</Text>
            <Input
              className="cx-input cx-integrity-name"
              type="text"
              value={row.name}
              maxlength={20}
              placeholder="姓名"
              onInput={(e) => update(row.key, { name: e.detail.value })}
            />
            <FieldProblem text={problems[`${i}.name`]} />
          </View>
          <View className="cx-field">
            <Text className="cx-field__label">小微权力</Text>
            {row.powers.length ? (
              <View className="mailbox-powers">
                {row.powers.map((p) => (
                  <View
                    key={p}
                    className="mailbox-power mailbox-power--removable cx-integrity-power"
                    hoverClass="cx-pressed"
                    {...accessibleControl({
                      label: `删除「${p}」`,
                      onActivate: () => update(row.key, { powers: row.powers.filter((x) => x !== p) }),
                    })}
                  >
                    <Text>{p}</Text>
                    <Text className="mailbox-power__remove">×</Text>
                  </View>
                ))}
              </View>
            ) : null}
            <View className="mailbox-power-add">
              <Input
                className="cx-input mailbox-power-add__input cx-integrity-power-input"
                type="text"
                value={row.powerInput}
                maxlength={60}
                placeholder="例如 低保初审"
                onInput={(e) => update(row.key, { powerInput: e.detail.value })}
                onConfirm={() => addPower(row)}
              />
              <View
                className="mailbox-power-add__btn cx-integrity-power-add"
                hoverClass="cx-pressed"
                {...accessibleControl({ label: '添加权力事项', onActivate: () => addPower(row) })}
              >
                <Text>添加</Text>
              </View>
            </View>
            <FieldProblem text={problems[`${i}.powers`]} />
          </View>
          <View className="cx-field">
            <Text className="cx-field__label">廉洁承诺</Text>
            <View className="mailbox-textarea mailbox-textarea--short cx-integrity-commitment">
              <Textarea
                className="mailbox-textarea__input"
                value={row.commitment}
                maxlength={500}
                placeholder="承诺内容（至少 5 个字）"
                onInput={(e) => update(row.key, { commitment: e.detail.value })}
              />
            </View>
            <FieldProblem text={problems[`${i}.commitment`]} />
          </View>
          <Button
            className="cx-btn mailbox-integrity-edit__remove cx-integrity-remove"
            onClick={() => setDraft((rows) => rows.filter((r) => r.key !== row.key))}
          >
            删除这一项
          </Button>
        </View>
      ))}
      <Button className="cx-btn cx-integrity-add" onClick={() => setDraft((rows) => [...rows, emptyRow()])}>
        ＋ 添加一项承诺
      </Button>
      {problems.form ? <Text className="cx-form-problem cx-integrity-problem">{problems.form}</Text> : null}
      <Button
        className={`cx-btn cx-btn--primary cx-integrity-save${saving ? ' cx-btn--disabled' : ''}`}
        disabled={saving || undefined}
        onClick={save}
      >
        {saving ? '正在保存…' : '保存并公布'}
      </Button>
      <Button className="cx-btn cx-integrity-cancel" onClick={onCancel}>
        取消
      </Button>
    </View>
  );
}
