import { DEFAULT_DISPLAY_NAME } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { useMutation } from '../../../../hooks/use-mutation';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { displayMessage } from '../../../../services/api-failure';
import { isOfficial } from '../../../../services/me-helpers';
import { serverProblems } from '../../../../services/server-problems';
import { sessionStore } from '../../../../services/session-store';
import { PersonFields } from '../../components/person-fields';
import { type PersonProblems, personBody } from '../../services/person-form';
import '../../identity.css';

const FIELDS = ['displayName', 'workPhone'] as const;

/**
 * 我的 → 修改姓名. Officials: the name on their reports, comments, findings and everything else they do (every
 * record shows the current one), and a work phone for their supervisors. Residents: the name their 署名 letters
 * carry, or 居民; an anonymous letter never shows it.
 */
export default function ProfilePage() {
  const session = useSession();
  const me = session.me;
  const official = isOfficial(me);
  const [name, setName] = useState(() => (me?.user.nameSetAt ? me.user.displayName : ''));
  const [phone, setPhone] = useState(() => me?.user.workPhone ?? '');
  const [problems, setProblems] = useState<PersonProblems>({});
  const [saved, setSaved] = useState(false);
  const { busy, run } = useMutation({
    onError: (failure, body) => setProblems(serverProblems(body, FIELDS, displayMessage(failure))),
  });

  if (!session.token || !me) {
    return (
      <PageRoot className="profile">
        <SignInNeeded text="请先登录，再修改姓名" />
      </PageRoot>
    );
  }

  const save = async () => {
    if (busy) return;
    const { body, problems: local } = personBody(
      { displayName: name, workPhone: phone },
      { withPhone: official, emptyIsResident: !official },
    );
    setProblems(local);
    setSaved(false);
    if (!body) return;
    const res = await run(() => api.updateMyProfile({ body }));
    if (!res) return;
    sessionStore.setMe(res.body);
    setSaved(true);
    Taro.showToast({ title: '已保存', icon: 'success' }).catch(() => undefined);
  };

  return (
    <PageRoot className="profile">
      <View className="cx-card">
        <PersonFields
          name={name}
          phone={phone}
          withPhone={official}
          nameLabel={official ? '姓名' : '署名来信时的名字'}
          nameHelp={
            official
              ? '您填报的日报、批注、整改和评分等都会显示这个名字，改名后所有记录同时更新。'
              : `署名来信时，处理来信的同志会看到这个名字；不填则显示为「${DEFAULT_DISPLAY_NAME}」。匿名来信永远不会显示您的名字。`
          }
          namePlaceholder={official ? '请填写真实姓名' : DEFAULT_DISPLAY_NAME}
          problems={problems}
          onName={(v) => {
            setName(v);
            setProblems((p) => ({ ...p, displayName: undefined, form: undefined }));
          }}
          onPhone={(v) => {
            setPhone(v);
            setProblems((p) => ({ ...p, workPhone: undefined, form: undefined }));
          }}
        />
        {problems.form ? <Text className="person-problem cx-profile-problem">{problems.form}</Text> : null}
        {saved ? <Text className="profile-saved cx-profile-saved">已保存，现在显示为「{me.user.displayName}」</Text> : null}
        <Button
          className={`cx-btn cx-btn--primary cx-profile-save${busy ? ' cx-btn--disabled' : ''}`}
          disabled={busy || undefined}
          onClick={save}
        >
          {busy ? '正在保存…' : '保存'}
        </Button>
      </View>
    </PageRoot>
  );
}
