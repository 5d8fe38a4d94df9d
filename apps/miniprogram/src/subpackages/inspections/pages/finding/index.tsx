import { FINDING_EVENT_LABELS, type FindingDetail, formatShanghaiDateTime } from '@chuangxing/shared';
import { Button, Image, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { ConsentSheet } from '../../../../components/consent-sheet';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, failureError } from '../../../../services/api-failure';
import { askConsent, prefetchConsent } from '../../../../services/subscribe-consent';
import { FindingCard } from '../../components/finding-card';
import { PhotoStrip } from '../../components/photo-strip';
import { useInspectPhotos } from '../../services/photos';
import '../../inspect.css';
import { previewImages } from '../../../../services/image-preview';

const preview = (urls: string[], current: string) => previewImages(urls, current).catch(() => undefined);

function Photos({ urls }: { urls?: string[] }) {
  if (!urls?.length) return null;
  return (
    <View className="inspect-photos__row">
      {urls.map((u) => (
        <Image key={u} className="inspect-photo" src={u} mode="aspectFill" {...accessibleControl({ onActivate: () => preview(urls, u) })} />
      ))}
    </View>
  );
}

type Act =
  | { action: 'submit_fix'; text: string; photos: string[] }
  | { action: 'close'; note: string }
  | { action: 'reject'; reason: string };

/** The branch's cadres: 提交整改 (what was done, with photos). */
function FixForm({ detail, busy, onAct }: { detail: FindingDetail; busy: boolean; onAct: (a: Act) => void }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const photos = useInspectPhotos('fix');
  // The templates must be known before the 提交整改 tap (see services/subscribe-consent.ts).
  useEffect(() => void prefetchConsent(), []);
  const submit = () => {
    const keys = photos.keys();
    if (!text.trim()) return setProblem('请写明整改情况');
    if (!keys) return setProblem('照片还在上传或上传失败，请稍候或移除失败的照片');
    setProblem(undefined);
    // The branch will want to hear whether the fix is closed or returned (WeChat asks only from a tap).
    void askConsent(['finding_closed', 'finding_returned', 'finding_assigned']);
    onAct({ action: 'submit_fix', text: text.trim(), photos: keys });
  };
  return (
    <View className="cx-card cx-finding-fix-form">
      <Text className="cx-section-title">提交整改</Text>
      <View className="inspect-textarea cx-finding-fix-text">
        <Textarea
          className="inspect-textarea__input"
          value={text}
          maxlength={500}
          placeholder="做了哪些整改，现在的情况"
          onInput={(e) => setText(e.detail.value)}
        />
      </View>
      <PhotoStrip photos={photos} branchId={detail.finding.branchId} hint="整改后的现场照片" />
      {problem ? <Text className="cx-form-problem">{problem}</Text> : null}
      <Button
        className={`cx-btn cx-btn--primary cx-finding-fix-submit${busy ? ' cx-btn--disabled' : ''}`}
        disabled={busy || undefined}
        onClick={submit}
      >
        {busy ? '正在提交…' : '提交整改'}
      </Button>
    </View>
  );
}

/** Inspectors in scope: 销号 after checking the fix, or 退回 with the reason. */
function VerifyForm({ busy, onAct }: { busy: boolean; onAct: (a: Act) => void }) {
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const act = (action: 'close' | 'reject') => {
    const text = note.trim();
    if (!text) return setProblem(action === 'close' ? '请填写销号意见' : '请填写退回原因');
    setProblem(undefined);
    onAct(action === 'close' ? { action, note: text } : { action, reason: text });
  };
  return (
    <View className="cx-card cx-finding-verify">
      <Text className="cx-section-title">核实整改</Text>
      <View className="inspect-textarea cx-finding-verify-note">
        <Textarea
          className="inspect-textarea__input"
          value={note}
          maxlength={200}
          placeholder="销号意见，或退回的原因"
          onInput={(e) => setNote(e.detail.value)}
        />
      </View>
      {problem ? <Text className="cx-form-problem">{problem}</Text> : null}
      <View className="inspect-actions">
        <Button
          className={`cx-btn cx-finding-reject${busy ? ' cx-btn--disabled' : ''}`}
          disabled={busy || undefined}
          onClick={() => act('reject')}
        >
          退回
        </Button>
        <Button
          className={`cx-btn cx-btn--primary cx-finding-close${busy ? ' cx-btn--disabled' : ''}`}
          disabled={busy || undefined}
          onClick={() => act('close')}
        >
          销号
        </Button>
      </View>
    </View>
  );
}

/** 整改详情 (`?id=`): the item, the visit it came from, its history, and the caller's move (整改 / 销号 / 退回). */
export default function FindingPage() {
  const { params } = useRouter();
  const session = useSession();
  const signedIn = Boolean(session.token);
  const id = params.id ?? '';
  const [latest, setLatest] = useState<FindingDetail>();
  const [problem, setProblem] = useState<string>();
  const { busy, run } = useMutation({
    onConflict: (failure) => {
      setProblem(`${failure.message}（页面已刷新）`);
      reload();
    },
    onError: (failure) => setProblem(failure.message),
  });
  const { state, reload } = useResource(
    async () => {
      if (!id) throw failureError({ status: 404, message: '缺少问题编号' });
      setLatest(undefined);
      return expectStatus(await api.getFinding({ params: { findingId: id } }), 200);
    },
    [id, session.token],
    { enabled: signedIn },
  );

  const onAct = async (detail: FindingDetail, a: Act) => {
    if (busy) return;
    const res = await run(() => api.actOnFinding({ params: { findingId: id }, body: { ...a, version: detail.finding.version } }));
    if (!res) return;
    setLatest(res.body);
    setProblem(undefined);
    Taro.showToast({ title: a.action === 'submit_fix' ? '已提交' : a.action === 'close' ? '已销号' : '已退回', icon: 'success' }).catch(
      () => undefined,
    );
  };

  if (!signedIn)
    return (
      <PageRoot className="inspect">
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="inspect">
      <ConsentSheet />
      <ResourceView state={state} onRetry={reload}>
        {(loaded) => {
          const d = latest ?? loaded;
          return (
            <View>
              <FindingCard finding={d.finding} showBranch />
              <View className="cx-card">
                <Text className="cx-section-title">督导走访</Text>
                <Text className="inspect-hint">
                  {formatShanghaiDateTime(d.inspection.visitedAt)} · {d.inspection.location} · {d.inspection.inspectorName}
                </Text>
                <Text className="inspect-finding__text">{d.inspection.summary}</Text>
                <Photos urls={d.inspection.photoUrls} />
              </View>
              <View className="cx-card cx-finding-history">
                <Text className="cx-section-title">整改记录</Text>
                {d.history.map((h) => (
                  <View key={`${h.at}-${h.kind}`} className={`inspect-event cx-finding-event inspect-event--${h.kind}`} data-kind={h.kind}>
                    <Text className="inspect-event__head">
                      {FINDING_EVENT_LABELS[h.kind]} · {h.actorName} · {formatShanghaiDateTime(h.at)}
                    </Text>
                    {h.text ? <Text className="inspect-event__text">{h.kind === 'rejected' ? `退回原因：${h.text}` : h.text}</Text> : null}
                    <Photos urls={h.photoUrls} />
                  </View>
                ))}
              </View>
              {problem ? <Text className="cx-form-problem cx-finding-problem">{problem}</Text> : null}
              {d.actions.includes('submit_fix') ? (
                <FixForm key={d.finding.version} detail={d} busy={busy} onAct={(a) => onAct(d, a)} />
              ) : null}
              {d.actions.includes('close') ? <VerifyForm key={d.finding.version} busy={busy} onAct={(a) => onAct(d, a)} /> : null}
            </View>
          );
        }}
      </ResourceView>
    </PageRoot>
  );
}
