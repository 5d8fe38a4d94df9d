import { type LiaisonAssignment, shanghaiDay } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, failureError } from '../../../../services/api-failure';
import { assignmentGaps, latestOf } from '../../assignment-gaps';
import { AssignmentEditor } from './assignment-editor';
import '../../liaison.css';

interface Township {
  id: string;
  name: string;
}

/** The gaps at a glance: townships no leader follows, leaders without a township. */
function GapSummary({ assignments, townships }: { assignments: LiaisonAssignment[]; townships: Township[] }) {
  const { uncovered, idle } = assignmentGaps(assignments, townships);
  return (
    <View className="cx-card cx-la-summary">
      <Text className="liaison-text">
        {assignments.length} 位县级领导，{townships.length} 个乡镇（街道）
      </Text>
      <View className="cx-la-gap cx-la-uncovered" data-count={uncovered.length}>
        {uncovered.length ? (
          <>
            <Text className="liaison-alert">{uncovered.length} 个乡镇（街道）还没有县级领导包联：</Text>
            <Text className="liaison-text">{uncovered.map((t) => t.name).join('、')}</Text>
          </>
        ) : (
          <Text className="liaison-text">每个乡镇（街道）都有县级领导包联</Text>
        )}
      </View>
      <View className="cx-la-gap cx-la-idle" data-count={idle.length}>
        {idle.length ? (
          <>
            <Text className="liaison-alert">{idle.length} 位县级领导还没有包联乡镇：</Text>
            <Text className="liaison-text">{idle.map((a) => a.leaderName).join('、')}</Text>
          </>
        ) : (
          <Text className="liaison-text">每位县级领导都已安排包联乡镇</Text>
        )}
      </View>
    </View>
  );
}

function LeaderRow({ assignment, onEdit }: { assignment: LiaisonAssignment; onEdit: () => void }) {
  return (
    <>
      <View className="liaison-row">
        <Text className="liaison-title">{assignment.leaderName}</Text>
      </View>
      {assignment.townships.length ? (
        <View className="liaison-row">
          {assignment.townships.map((t) => (
            <Text key={t.id} className="liaison-chip cx-la-township" data-id={t.id}>
              {t.name}
            </Text>
          ))}
        </View>
      ) : (
        <Text className="liaison-alert cx-la-none">尚未安排包联乡镇（街道）</Text>
      )}
      {assignment.updatedByName && assignment.updatedAt ? (
        <Text className="liaison-muted">
          {assignment.updatedByName} 于 {shanghaiDay(new Date(assignment.updatedAt))} 安排
        </Text>
      ) : null}
      <Button className="cx-btn cx-btn--compact cx-la-edit" aria-label={`修改包联乡镇：${assignment.leaderName}`} onClick={onEdit}>
        修改包联乡镇
      </Button>
    </>
  );
}

/**
 * 包联分工: the district admin gives each county-level leader the townships they 包联. Every leader is listed (one
 * never assigned has none); editing one saves on the version read, and a conflict reloads and reopens the editor.
 */
export default function LiaisonAssignmentsPage() {
  const session = useSession();
  const signedIn = Boolean(session.token);
  const admin = Boolean(
    session.me?.roles.includes('district_admin') || session.me?.bindings.some((b) => b.role === 'district_admin' && !b.revokedAt),
  );
  const [editing, setEditing] = useState<string>();
  const [saved, setSaved] = useState<ReadonlyMap<string, LiaisonAssignment>>(new Map());
  const [notice, setNotice] = useState<string>();
  const { state, reload } = useResource(
    async () => {
      if (!admin) throw failureError({ message: '包联分工由区委组织部管理员安排' });
      const [list, tree] = await Promise.all([api.listLiaisonAssignments({}), api.getOrgTree({})]);
      const townships = expectStatus(tree, 200).townships.map((t) => ({ id: t.id, name: t.name }));
      return { assignments: expectStatus(list, 200).assignments, townships };
    },
    [admin, session.token],
    { enabled: signedIn },
  );

  if (!signedIn)
    return (
      <PageRoot className="liaison">
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="liaison">
      {notice ? <Text className="liaison-alert cx-la-notice">{notice}</Text> : null}
      <ResourceView state={state} onRetry={reload}>
        {(loaded) => {
          const assignments = latestOf(loaded.assignments, saved);
          if (!assignments.length)
            return <EmptyView text="全区还没有县级领导。请先在「邀请绑定」中邀请县级领导，绑定后即可在这里安排包联乡镇（街道）。" />;
          return (
            <>
              <GapSummary assignments={assignments} townships={loaded.townships} />
              {assignments.map((a) => (
                <View key={a.leaderId} className="cx-card cx-la-leader" data-id={a.leaderId}>
                  {editing === a.leaderId ? (
                    <>
                      <Text className="liaison-title">{a.leaderName}</Text>
                      <AssignmentEditor
                        key={a.version}
                        assignment={a}
                        townships={loaded.townships}
                        onCancel={() => setEditing(undefined)}
                        onSaved={(next) => {
                          setSaved((m) => new Map(m).set(next.leaderId, next));
                          setEditing(undefined);
                          setNotice(undefined);
                        }}
                        onConflict={(message) => {
                          setNotice(`${message}。已刷新为最新安排，请重新选择后保存。`);
                          reload();
                        }}
                      />
                    </>
                  ) : (
                    <LeaderRow
                      assignment={a}
                      onEdit={() => {
                        setEditing(a.leaderId);
                        setNotice(undefined);
                      }}
                    />
                  )}
                </View>
              ))}
            </>
          );
        }}
      </ResourceView>
    </PageRoot>
  );
}
