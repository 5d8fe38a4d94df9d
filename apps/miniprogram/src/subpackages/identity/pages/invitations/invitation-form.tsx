import {
  type CreateInvitationBody,
  type Invitation,
  type Me,
  type OfficialRole,
  type OrgTree,
  ROLE_LABELS,
  type Scope,
  type ScopeLevel,
  STAR_LABELS,
  STARS,
  type Star,
  type TownshipSummary,
} from '@chuangxing/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { FieldProblem } from '../../../../components/field-problem';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { serverProblems } from '../../../../services/server-problems';
import {
  allowsSeveralTownships,
  DEFAULT_EXPIRY_HOURS,
  EXPIRY_CHOICES,
  grantableRoles,
  grantableTownships,
  MAX_SCOPE_TOWNSHIPS,
  ROLE_HINTS,
  SCOPE_LEVEL_LABELS,
  scopeLevelsFor,
} from '../../services/binding-rules';

export interface CreatedInvitation {
  invitation: Invitation;
  code: string;
}

/** The form's fields, named as in the request body, so the server's field errors land next to them. */
const FIELDS = ['inviteeName', 'role', 'star', 'scope', 'expiresInHours'] as const;
type Field = (typeof FIELDS)[number];
type Problems = Partial<Record<Field | 'form', string>>;

interface Draft {
  name: string;
  role?: OfficialRole;
  /** A 专班 reviews one star: the invitation names it. */
  star?: Star;
  level?: ScopeLevel;
  /** Township-level scope. */
  townshipIds: string[];
  /** Branch-level scope: the township first, then one of its branches. */
  branchTownshipId?: string;
  branchId?: string;
  hours: number;
}

const NAME_MAX = 40;

function scopeOf(draft: Draft, districtId: string): Scope | undefined {
  switch (draft.level) {
    case 'district':
      return { level: 'district', districtId };
    case 'township':
      return draft.townshipIds.length ? { level: 'township', districtId, townshipIds: draft.townshipIds } : undefined;
    case 'branch':
      return draft.branchTownshipId && draft.branchId
        ? { level: 'branch', districtId, townshipId: draft.branchTownshipId, branchId: draft.branchId }
        : undefined;
    default:
      return undefined;
  }
}

/** Checks before asking the server; the server checks again. */
function localProblems(draft: Draft, scope: Scope | undefined): Problems {
  const problems: Problems = {};
  const name = draft.name.trim();
  if (!name) problems.inviteeName = '请输入受邀人姓名';
  else if (name.length > NAME_MAX) problems.inviteeName = `姓名不能超过 ${NAME_MAX} 个字`;
  if (!draft.role) problems.role = '请选择角色';
  else if (draft.role === 'taskforce' && !draft.star) problems.star = '请选择专班负责的星';
  if (draft.role && !scope) {
    if (draft.level === 'township') problems.scope = '请选择乡镇（街道）';
    else if (draft.level === 'branch') problems.scope = draft.branchTownshipId ? '请选择支部' : '请先选择乡镇（街道），再选择支部';
    else problems.scope = '请选择范围';
  }
  return problems;
}

function BranchChoices({ townshipId, selected, onPick }: { townshipId: string; selected?: string; onPick: (branchId: string) => void }) {
  const { state, reload } = useResource(
    async () => expectStatus(await api.listTownshipBranches({ params: { townshipId } }), 200),
    [townshipId],
  );
  return (
    <ResourceView state={state} onRetry={reload}>
      {({ branches }) =>
        branches.length === 0 ? (
          <EmptyView text="该乡镇（街道）暂无支部" />
        ) : (
          <ChoiceChips
            itemClassName="cx-scope-branch"
            choices={branches.map((b) => ({ key: b.id, label: b.name }))}
            isSelected={(id) => id === selected}
            onPick={onPick}
          />
        )
      }
    </ResourceView>
  );
}

function ScopeFields({
  draft,
  levels,
  tree,
  townships,
  onChange,
}: {
  draft: Draft;
  levels: ScopeLevel[];
  tree: OrgTree;
  townships: TownshipSummary[];
  onChange: (patch: Partial<Draft>) => void;
}) {
  const many = draft.role ? allowsSeveralTownships(draft.role) : false;
  const townshipChoices = townships.map((t) => ({ key: t.id, label: t.name }));

  const pickTownship = (id: string) => {
    if (!many) {
      onChange({ townshipIds: [id] });
      return;
    }
    const on = draft.townshipIds.includes(id);
    if (!on && draft.townshipIds.length >= MAX_SCOPE_TOWNSHIPS) return;
    onChange({ townshipIds: on ? draft.townshipIds.filter((t) => t !== id) : [...draft.townshipIds, id] });
  };

  return (
    <View>
      {levels.length > 1 ? (
        <ChoiceChips
          className="invite-levels"
          itemClassName="cx-scope-level"
          choices={levels.map((level) => ({ key: level, label: SCOPE_LEVEL_LABELS[level] }))}
          isSelected={(level) => level === draft.level}
          onPick={(level) => onChange({ level })}
        />
      ) : null}
      {draft.level === 'district' ? <Text className="identity-field__static">全区：{tree.district.name}</Text> : null}
      {draft.level !== 'district' && townships.length === 0 ? <EmptyView text="没有可选的乡镇（街道）" /> : null}
      {draft.level === 'township' && townships.length > 0 ? (
        <View>
          <Text className="manage-note">{many ? '可选择多个乡镇（街道）' : '选择一个乡镇（街道）'}</Text>
          <ChoiceChips
            itemClassName="cx-scope-township"
            choices={townshipChoices}
            isSelected={(id) => draft.townshipIds.includes(id)}
            onPick={pickTownship}
          />
        </View>
      ) : null}
      {draft.level === 'branch' && townships.length > 0 ? (
        <View>
          <Text className="manage-note">先选乡镇（街道），再选支部</Text>
          <ChoiceChips
            itemClassName="cx-scope-township"
            choices={townshipChoices}
            isSelected={(id) => id === draft.branchTownshipId}
            onPick={(id) => onChange({ branchTownshipId: id, branchId: id === draft.branchTownshipId ? draft.branchId : undefined })}
          />
          {draft.branchTownshipId ? (
            <View className="invite-branches">
              <Text className="manage-note">支部</Text>
              <BranchChoices townshipId={draft.branchTownshipId} selected={draft.branchId} onPick={(branchId) => onChange({ branchId })} />
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

/** 新建邀请: name, role, scope and validity; calls createInvitation and hands the one-time code up. */
export function InvitationForm({
  me,
  tree,
  onCreated,
}: {
  me: Me | undefined;
  tree: OrgTree;
  onCreated: (created: CreatedInvitation) => void;
}) {
  const roles = grantableRoles(me);
  const townships = grantableTownships(me, tree.townships);
  const onlyTownship = townships.length === 1 ? townships[0].id : undefined;
  const [draft, setDraft] = useState<Draft>({
    name: '',
    townshipIds: onlyTownship ? [onlyTownship] : [],
    branchTownshipId: onlyTownship,
    hours: DEFAULT_EXPIRY_HOURS,
  });
  const [problems, setProblems] = useState<Problems>({});
  const { busy: submitting, run } = useMutation({
    onError: (failure, body) => setProblems(serverProblems(body, FIELDS, failure.message)),
  });

  const change = (patch: Partial<Draft>, cleared: Field) => {
    setDraft((d) => ({ ...d, ...patch }));
    setProblems((p) => ({ ...p, [cleared]: undefined, form: undefined }));
  };

  const pickRole = (role: OfficialRole) => {
    const levels = scopeLevelsFor(role, me);
    const level = draft.level && levels.includes(draft.level) ? draft.level : levels[0];
    // Only 县级领导 keeps several townships.
    const townshipIds = allowsSeveralTownships(role) ? draft.townshipIds : draft.townshipIds.slice(0, 1);
    change({ role, level, townshipIds }, 'role');
    setProblems((p) => ({ ...p, scope: undefined }));
  };

  const submit = async () => {
    if (submitting) return;
    const scope = scopeOf(draft, tree.district.id);
    const local = localProblems(draft, scope);
    if (Object.keys(local).length > 0 || !draft.role || !scope) {
      setProblems(local);
      return;
    }
    const body: CreateInvitationBody = {
      inviteeName: draft.name.trim(),
      role: draft.role,
      scope,
      ...(draft.role === 'taskforce' && draft.star ? { star: draft.star } : {}),
      expiresInHours: draft.hours,
    };
    setProblems({});
    const res = await run(() => api.createInvitation({ body }));
    if (res) onCreated(res.body);
  };

  const levels = draft.role ? scopeLevelsFor(draft.role, me) : [];
  return (
    <View className="cx-card cx-invite-form">
      <View className="cx-field">
        <Text className="cx-field__label">姓名</Text>
        <Input
          className="cx-input cx-invite-name"
          type="text"
          value={draft.name}
          maxlength={NAME_MAX}
          placeholder="受邀人的真实姓名"
          onInput={(e) => change({ name: e.detail.value }, 'inviteeName')}
        />
        <FieldProblem text={problems.inviteeName} />
      </View>

      <View className="cx-field">
        <Text className="cx-field__label">角色</Text>
        <ChoiceChips
          className="cx-invite-role"
          itemClassName="cx-role-option"
          choices={roles.map((role) => ({ key: role, label: ROLE_LABELS[role] }))}
          isSelected={(role) => role === draft.role}
          onPick={pickRole}
        />
        {draft.role && ROLE_HINTS[draft.role] ? <Text className="invite-role-hint">{ROLE_HINTS[draft.role]}</Text> : null}
        <FieldProblem text={problems.role} />
      </View>

      {draft.role === 'taskforce' ? (
        <View className="cx-field invite-star">
          <Text className="cx-field__label">负责的星</Text>
          <ChoiceChips
            itemClassName="cx-invite-star"
            dataName="star"
            choices={STARS.map((s) => ({ key: s, label: STAR_LABELS[s] }))}
            isSelected={(s) => s === draft.star}
            onPick={(star) => change({ star }, 'star')}
          />
          <FieldProblem text={problems.star} />
        </View>
      ) : null}

      {draft.role ? (
        <View className="cx-field invite-scope">
          <Text className="cx-field__label">范围</Text>
          <ScopeFields draft={draft} levels={levels} tree={tree} townships={townships} onChange={(patch) => change(patch, 'scope')} />
          <FieldProblem text={problems.scope} />
        </View>
      ) : null}

      <View className="cx-field">
        <Text className="cx-field__label">有效期</Text>
        <ChoiceChips
          itemClassName="cx-invite-expiry"
          choices={EXPIRY_CHOICES.map((c) => ({ key: c.hours, label: c.label }))}
          isSelected={(hours) => hours === draft.hours}
          onPick={(hours) => change({ hours }, 'expiresInHours')}
        />
        <FieldProblem text={problems.expiresInHours} />
      </View>

      {problems.form ? <Text className="cx-form-problem invite-problem">{problems.form}</Text> : null}
      <Button
        className={`cx-btn cx-btn--primary cx-invite-submit invite-submit${submitting ? ' cx-btn--disabled' : ''}`}
        disabled={submitting || undefined}
        onClick={submit}
      >
        {submitting ? '正在生成…' : '生成邀请码'}
      </Button>
    </View>
  );
}
