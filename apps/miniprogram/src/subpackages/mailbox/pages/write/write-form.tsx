import { LETTER_LIMITS, type MyLetter } from '@chuangxing/shared';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { accessibleControl, decorative } from '../../../../components/accessible-control';
import { FieldProblem } from '../../../../components/field-problem';
import { useMutation } from '../../../../hooks/use-mutation';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { rememberCommunity } from '../../../../services/my-community';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { serverProblems } from '../../../../services/server-problems';
import { askConsent, prefetchConsent } from '../../../../services/subscribe-consent';
import { PhotoPicker } from '../../../../shared-ui/photo-picker';
import { CommunityPicker, type PickedCommunity } from '../../components/community-picker';
import { newLetterKey } from '../../services/letter-key';
import { CATEGORY_HINTS, CATEGORY_ORDER, LETTER_CATEGORY_LABELS } from '../../services/letter-labels';
import { type PreparedLetterPhotos, pickLetterPhotosWeapp, prepareLetterPhotosFromFiles } from '../../services/letter-photo-files';
import { useLetterPhotos } from '../../services/use-letter-photos';
import { bodyOf, type Draft, type Field, fieldOfPath, type Problems } from './letter-draft';
import { Written } from './letter-written';
import { FIELD_ANCHORS, firstProblemField, ProblemSummary } from './problem-summary';
import { Toggle } from './toggle-row';
import { useLinkedCommunity } from './use-linked-community';

const ignore = () => undefined;

/** The letter in five steps (community, category, text and photos, 匿名 or 署名, the rest), then 寄出. */
export function WriteForm({ linkedBranchId }: { linkedBranchId?: string }) {
  const session = useSession();
  const me = session.me;
  const linked = useLinkedCommunity(linkedBranchId);
  const [draft, setDraft] = useState<Draft>({ text: '', allowPublication: false, callback: false, phone: '' });
  const [picking, setPicking] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  /** While sending: photos still going up, then the letter itself. */
  const [stage, setStage] = useState<'photos' | 'letter'>('letter');
  const { busy: sending, run } = useMutation({
    // 429 (5 letters a day), 401, 403 …: the server's own words.
    onError: (failure, body) => show(serverProblems(body, fieldOfPath, failure.message)),
  });
  /** Made once per letter on the first 寄出; a retry after a failure sends the same key. */
  const [key, setKey] = useState<string>();
  const [written, setWritten] = useState<{ letter: MyLetter; replayed: boolean }>();

  // A community from the link counts until the writer picks another one.
  const community = draft.community ?? (picking ? undefined : linked);
  // The templates must be known before the 寄出 tap (see services/subscribe-consent.ts).
  useEffect(() => void prefetchConsent(), []);
  // Photos go up as soon as the community is known: the presign files them under it.
  const photos = useLetterPhotos(community?.id);

  const change = (patch: Partial<Draft>, field: Field) => {
    setDraft((d) => ({ ...d, ...patch }));
    setProblems((p) => ({ ...p, [field]: undefined, form: undefined }));
  };

  /** Problems shown: the first one scrolled into view, all of them listed beside 寄出. */
  const show = (next: Problems) => {
    setProblems(next);
    const first = firstProblemField(next);
    if (first) setTimeout(() => Taro.pageScrollTo({ selector: `#${FIELD_ANCHORS[first]}`, duration: 200 }).catch(ignore), 0);
  };

  const submit = async () => {
    if (sending) return;
    const idempotencyKey = key ?? newLetterKey();
    const { body, problems: local } = bodyOf({ ...draft, community }, idempotencyKey);
    if (!body) {
      show(local);
      return;
    }
    // The writer will want to hear when it is accepted and answered: asked from this tap (WeChat's rule), in
    // H5 shown once the letter is sent. The letter goes out whatever the answer.
    void askConsent(['letter_accepted', 'letter_replied', 'letter_transferred']);
    setKey(idempotencyKey);
    setStage(photos.photos.length ? 'photos' : 'letter');
    setProblems({});
    const res = await run(async () => {
      let photoKeys: string[] = [];
      if (photos.photos.length) {
        const keys = await photos.uploadAll(body.branchId);
        if (!keys) {
          setProblems({ photos: '有照片没有上传成功：点该照片重试，或删除后再寄出', form: '照片没有上传成功，信还没有寄出' });
          return undefined;
        }
        photoKeys = keys;
        setStage('letter');
      }
      return api.writeLetter({ body: { ...body, photos: photoKeys } });
    });
    if (!res) return;
    // Home opens this community's 微权说廉 and 公开栏 from now on.
    rememberCommunity({ id: res.body.letter.branchId, name: res.body.letter.branchName });
    setWritten({ letter: res.body.letter, replayed: res.body.replayed });
    Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(ignore);
  };

  const addPhotos = ({ photos: prepared, refused }: PreparedLetterPhotos) => {
    photos.add(prepared);
    setProblems((p) => ({ ...p, photos: undefined }));
    if (refused) Taro.showToast({ title: `有 ${refused} 张照片无法处理，请换一张`, icon: 'none' }).catch(ignore);
  };
  const onPickPhotos = async (count: number) => addPhotos(await pickLetterPhotosWeapp(count));
  const onPhotoFiles = async (files: File[]) => {
    Taro.showLoading({ title: '正在压缩照片' }).catch(ignore);
    try {
      addPhotos(await prepareLetterPhotosFromFiles(files));
    } finally {
      Taro.hideLoading();
    }
  };

  if (written) {
    return (
      <Written
        letter={written.letter}
        replayed={written.replayed}
        onAgain={() => {
          setWritten(undefined);
          setKey(undefined);
          photos.reset();
          setDraft({ text: '', allowPublication: false, callback: false, phone: '', community: draft.community });
          setProblems({});
        }}
      />
    );
  }

  const failedOnce = Boolean(key) && Boolean(problems.form || problems.photos);
  return (
    <View className="mailbox-write__form">
      <View className="cx-card mailbox-intro">
        <Text className="mailbox-intro__title">有话请写信</Text>
        <Text className="mailbox-intro__text">一封信只写一件事。写好后会得到一个查询码，可以随时查看办理进度。</Text>
        <View
          className="mailbox-link"
          hoverClass="cx-pressed"
          {...accessibleControl({ role: 'link', onActivate: () => openPage(PAGES.myLetters) })}
        >
          <Text>我的信件</Text>
          <Text className="mailbox-link__arrow" {...decorative()}>
            ›
          </Text>
        </View>
      </View>

      <View className="cx-section-title" id={FIELD_ANCHORS.community}>
        1. 写给哪个社区
      </View>
      <View className="cx-card">
        {community && !picking ? (
          <View className="mailbox-to cx-letter-to">
            <Text className="mailbox-to__name">{community.name ?? '二维码指定的社区'}</Text>
            <View
              className="mailbox-to__change"
              hoverClass="cx-pressed"
              {...accessibleControl({ label: '换一个社区', onActivate: () => setPicking(true) })}
            >
              <Text>换一个</Text>
            </View>
          </View>
        ) : (
          <CommunityPicker
            selected={draft.community?.id}
            onPick={(c: PickedCommunity) => {
              change({ community: { id: c.id, name: c.name } }, 'community');
              rememberCommunity({ id: c.id, name: c.name });
              setPicking(false);
            }}
          />
        )}
        <FieldProblem text={problems.community} />
      </View>

      <View className="cx-section-title" id={FIELD_ANCHORS.category}>
        2. 反映什么事
      </View>
      <View className="mailbox-categories">
        {CATEGORY_ORDER.map((c) => (
          <View
            key={c}
            className={`cx-card mailbox-category-card cx-letter-category${draft.category === c ? ' is-selected' : ''}`}
            data-category={c}
            hoverClass="cx-pressed"
            {...accessibleControl({ role: 'checkbox', on: draft.category === c, onActivate: () => change({ category: c }, 'category') })}
          >
            <View className="mailbox-category-card__head">
              <Text className="mailbox-category-card__label">{LETTER_CATEGORY_LABELS[c]}</Text>
              {draft.category === c ? <Text className="mailbox-category-card__check">✓ 已选</Text> : null}
            </View>
            <Text className="mailbox-category-card__hint">{CATEGORY_HINTS[c]}</Text>
          </View>
        ))}
      </View>
      <FieldProblem text={problems.category} />

      <View className="cx-section-title" id={FIELD_ANCHORS.text}>
        3. 写下您的事
      </View>
      <View className="cx-card">
        <View className="mailbox-textarea mailbox-textarea--letter cx-letter-text">
          <Textarea
            className="mailbox-textarea__input"
            value={draft.text}
            maxlength={LETTER_LIMITS.text}
            placeholder="什么时间、什么地方、什么事，写清楚就好（至少 5 个字）"
            onInput={(e) => change({ text: e.detail.value }, 'text')}
          />
        </View>
        <Text className="mailbox-count">
          {draft.text.trim().length}/{LETTER_LIMITS.text}
        </Text>
        <FieldProblem text={problems.text} />
        <Text className="mailbox-subtitle">附上照片（可以不加）</Text>
        <PhotoPicker
          photos={photos.photos.map((p) => ({ id: p.id, src: p.localPath, state: p.state, progress: p.progress }))}
          max={LETTER_LIMITS.photos}
          tileClassName="cx-letter-photo"
          inputClassName="cx-letter-photo-input"
          hint={`${photos.photos.length}/${LETTER_LIMITS.photos} 张 · 上传前压缩，并去掉拍摄地点、手机型号等信息`}
          error={problems.photos}
          onPick={onPickPhotos}
          onFiles={onPhotoFiles}
          onRemove={(id) => {
            photos.remove(id);
            setProblems((p) => ({ ...p, photos: undefined }));
          }}
          onRetry={photos.retry}
        />
      </View>

      <View className="cx-section-title" id={FIELD_ANCHORS.anonymous}>
        4. 匿名还是署名
      </View>
      <View className="mailbox-identity">
        <View
          className={`cx-card mailbox-identity__choice cx-letter-anonymous${draft.anonymous === true ? ' is-selected' : ''}`}
          hoverClass="cx-pressed"
          {...accessibleControl({
            role: 'checkbox',
            on: draft.anonymous === true,
            onActivate: () => change({ anonymous: true }, 'anonymous'),
          })}
        >
          <Text className="mailbox-identity__title">{draft.anonymous === true ? '✓ ' : ''}匿名</Text>
          <Text className="mailbox-identity__hint">社区和街道干部都看不到您是谁</Text>
        </View>
        <View
          className={`cx-card mailbox-identity__choice cx-letter-named${draft.anonymous === false ? ' is-selected' : ''}`}
          hoverClass="cx-pressed"
          {...accessibleControl({
            role: 'checkbox',
            on: draft.anonymous === false,
            onActivate: () => change({ anonymous: false }, 'anonymous'),
          })}
        >
          <Text className="mailbox-identity__title">{draft.anonymous === false ? '✓ ' : ''}署名</Text>
          <Text className="mailbox-identity__hint">处理的同志能看到您的名字{me ? `「${me.user.displayName}」` : ''}，方便联系您</Text>
        </View>
      </View>
      {draft.anonymous === false && me ? (
        <View className="mailbox-signature cx-letter-signature">
          <Text>署名为「{me.user.displayName}」</Text>
          <Text
            className="mailbox-signature__edit cx-letter-signature-edit"
            {...accessibleControl({ role: 'link', onActivate: () => openPage(PAGES.profile) })}
          >
            {me.user.nameSetAt ? '修改名字' : '填写名字'}
          </Text>
        </View>
      ) : null}
      <FieldProblem text={problems.anonymous} />

      <View className="cx-section-title" id={FIELD_ANCHORS.phone}>
        5. 其他
      </View>
      <View className="cx-card">
        <Toggle
          className="cx-letter-publish"
          on={draft.allowPublication}
          title="同意公开（隐去个人信息）"
          hint="答复后，这封信可以出现在社区公开栏，不显示您的姓名和电话"
          onToggle={() => change({ allowPublication: !draft.allowPublication }, 'form')}
        />
        <Toggle
          className="cx-letter-callback"
          on={draft.callback}
          title="需要回电"
          hint="留下手机号，处理的同志会打电话给您"
          onToggle={() => change({ callback: !draft.callback }, 'phone')}
        />
        {draft.callback ? (
          <View className="cx-field mailbox-phone">
            <Text className="cx-field__label">手机号</Text>
            <Input
              className="cx-input cx-letter-phone"
              type="number"
              value={draft.phone}
              maxlength={11}
              placeholder="11 位手机号"
              onInput={(e) => change({ phone: e.detail.value.replace(/\D/g, '') }, 'phone')}
            />
            {draft.anonymous ? <Text className="mailbox-field__note">只有负责处理的同志能看到这个号码，用来给您回电。</Text> : null}
            <FieldProblem text={problems.phone} />
          </View>
        ) : null}
      </View>

      {problems.form ? <Text className="cx-form-problem mailbox-problem cx-letter-problem">{problems.form}</Text> : null}
      <ProblemSummary problems={problems} />
      <Button
        className={`cx-btn cx-btn--primary mailbox-submit cx-letter-submit${sending ? ' cx-btn--disabled' : ''}`}
        disabled={sending ? true : undefined}
        onClick={submit}
      >
        {sending && stage === 'photos' ? '正在上传照片…' : sending ? '正在寄出…' : failedOnce ? '重新寄出' : '寄出这封信'}
      </Button>
    </View>
  );
}
