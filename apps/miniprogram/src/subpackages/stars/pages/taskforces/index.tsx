import { STAR_LABELS, STAR_TASKFORCE_LIMITS, type Star, type StarTaskforces } from '@chuangxing/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { FieldProblem } from '../../../../components/field-problem';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, failureError, fieldErrorsOf } from '../../../../services/api-failure';
import { hasRole } from '../../services/star-access';
import '../../stars.css';

/** The form over the loaded assignment: a department per star, saved all at once naming the version read. */
function TaskforceForm({ loaded, onConflict }: { loaded: StarTaskforces; onConflict: (message: string) => void }) {
  const [departments, setDepartments] = useState<Record<string, string>>(
    Object.fromEntries(loaded.taskforces.map((t) => [t.star, t.department])),
  );
  const [version, setVersion] = useState(loaded.version);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string>();
  const { busy, run } = useMutation({
    onConflict: (failure) => onConflict(`${failure.message}。页面已刷新为最新设置。`),
    onError: (failure, body) => {
      setFields(fieldErrorsOf(body));
      setProblem(failure.message);
    },
  });
  const stars = loaded.taskforces.map((t) => t.star);
  const save = async () => {
    const body = { version, taskforces: stars.map((star) => ({ star, department: departments[star] ?? '' })) };
    const res = await run(() => api.putStarTaskforces({ body }));
    if (!res) return;
    setVersion(res.body.version);
    setFields({});
    setProblem(undefined);
    Taro.showToast({ title: '已保存', icon: 'success' }).catch(() => undefined);
  };
  return (
    <View className="cx-card cx-tf-form">
      <Text className="stars-hint">一颗星一个专班：专班负责全区该星的复审和进度跟踪。</Text>
      {stars.map((star: Star, i) => (
        <View key={star} className="cx-tf-field" data-star={star}>
          <Text className="cx-tf-field__label">{STAR_LABELS[star]}牵头部门</Text>
          <Input
            className="cx-tf-field__input"
            type="text"
            value={departments[star] ?? ''}
            maxlength={STAR_TASKFORCE_LIMITS.department}
            aria-label={`${STAR_LABELS[star]}牵头部门`}
            onInput={(e) => setDepartments((d) => ({ ...d, [star]: e.detail.value }))}
          />
          <FieldProblem text={fields[`taskforces.${i}.department`] ?? fields[`taskforces.${i}.star`]} path={`taskforces.${i}`} />
        </View>
      ))}
      {problem ? <Text className="stars-warn cx-tf-problem">{problem}</Text> : null}
      <Button className={`cx-btn cx-btn--primary cx-tf-save${busy ? ' cx-btn--disabled' : ''}`} disabled={busy || undefined} onClick={save}>
        {busy ? '正在保存…' : '保存专班设置'}
      </Button>
    </View>
  );
}

/** 专班设置: the district admin assigns each star its lead department (versioned; a 409 reloads). */
export default function TaskforcesPage() {
  const session = useSession();
  const signedIn = Boolean(session.token);
  const admin = hasRole(session.me, 'district_admin');
  const [notice, setNotice] = useState<string>();
  const { state, reload } = useResource(
    async () => {
      if (!admin) throw failureError({ message: '专班设置由区委组织部管理员办理' });
      return expectStatus(await api.getStarTaskforces({}), 200);
    },
    [admin, session.token],
    { enabled: signedIn },
  );

  if (!signedIn)
    return (
      <PageRoot className="stars">
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="stars">
      {notice ? <Text className="stars-warn cx-tf-notice">{notice}</Text> : null}
      <ResourceView state={state} onRetry={reload}>
        {(loaded) => (
          <TaskforceForm
            key={loaded.version}
            loaded={loaded}
            onConflict={(message) => {
              setNotice(message);
              reload();
            }}
          />
        )}
      </ResourceView>
    </PageRoot>
  );
}
