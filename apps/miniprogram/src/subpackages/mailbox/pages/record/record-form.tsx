import { LETTER_CHANNEL_LABELS, LETTER_CHANNELS, LETTER_LIMITS, type LetterSlip } from '@chuangxing/shared';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { FieldProblem } from '../../../../components/field-problem';
import { useMutation } from '../../../../hooks/use-mutation';
import { api } from '../../../../services/api';
import { serverProblems } from '../../../../services/server-problems';
import { PhotoPicker } from '../../../../shared-ui/photo-picker';
import { newLetterKey } from '../../services/letter-key';
import { CATEGORY_ORDER, LETTER_CATEGORY_LABELS } from '../../services/letter-labels';
import { type PreparedLetterPhotos, pickLetterPhotosWeapp, prepareLetterPhotosFromFiles } from '../../services/letter-photo-files';
import { useLetterPhotos } from '../../services/use-letter-photos';
import { type RecordDraft, type RecordProblems, recordBodyOf, recordFieldOf } from './record-draft';

const ignore = () => undefined;
const EMPTY: RecordDraft = { text: '', residentName: '', residentPhone: '' };

/** 代录: the station writes down what the resident said or brought, then hands over the 查询码 slip. */
export function RecordForm({
  branches,
  onRecorded,
}: {
  branches: { id: string; label: string }[];
  onRecorded: (slip: LetterSlip, replayed: boolean) => void;
}) {
  const [draft, setDraft] = useState<RecordDraft>({ ...EMPTY, branchId: branches.length === 1 ? branches[0].id : undefined });
  const [problems, setProblems] = useState<RecordProblems>({});
  const [key, setKey] = useState<string>();
  const photos = useLetterPhotos(draft.branchId);
  const { busy, run } = useMutation({
    onError: (failure, body) => setProblems(serverProblems(body, recordFieldOf, failure.message)),
  });
  const change = (patch: Partial<RecordDraft>, field: keyof RecordProblems) => {
    setDraft((d) => ({ ...d, ...patch }));
    setProblems((p) => ({ ...p, [field]: undefined, form: undefined }));
  };
  const addPhotos = ({ photos: prepared, refused }: PreparedLetterPhotos) => {
    photos.add(prepared);
    setProblems((p) => ({ ...p, photos: undefined }));
    if (refused) Taro.showToast({ title: `有 ${refused} 张照片无法处理，请换一张`, icon: 'none' }).catch(ignore);
  };

  const submit = async () => {
    if (busy) return;
    const idempotencyKey = key ?? newLetterKey();
    const { body, problems: local } = recordBodyOf(draft, idempotencyKey);
    if (!body) {
      setProblems({ ...local, form: '还有内容需要填写，请看上面标红的地方' });
      return;
    }
    setKey(idempotencyKey);
    setProblems({});
    const res = await run(async () => {
      const keys = photos.photos.length ? await photos.uploadAll(body.branchId) : [];
      if (!keys) {
        setProblems({ photos: '有照片没有上传成功：点该照片重试，或删除后再登记' });
        return undefined;
      }
      return api.recordLetter({ body: { ...body, photos: keys } });
    });
    if (!res) return;
    photos.reset();
    setKey(undefined);
    setDraft({ ...EMPTY, branchId: draft.branchId });
    onRecorded(res.body.slip, res.body.replayed);
  };

  return (
    <View className="mailbox-record__form">
      {branches.length > 1 ? (
        <View className="cx-card">
          <Text className="cx-field__label">哪个社区的来信</Text>
          <ChoiceChips
            itemClassName="cx-record-branch"
            choices={branches.map((b) => ({ key: b.id, label: b.label }))}
            isSelected={(id) => id === draft.branchId}
            onPick={(id) => change({ branchId: id }, 'branchId')}
          />
          <FieldProblem text={problems.branchId} />
        </View>
      ) : null}

      <View className="cx-section-title">1. 居民怎么反映的</View>
      <View className="cx-card">
        <ChoiceChips
          itemClassName="cx-record-channel"
          choices={LETTER_CHANNELS.map((c) => ({ key: c, label: LETTER_CHANNEL_LABELS[c] }))}
          isSelected={(c) => c === draft.channel}
          onPick={(c) => change({ channel: c }, 'channel')}
        />
        <FieldProblem text={problems.channel} />
      </View>

      <View className="cx-section-title">2. 反映什么事</View>
      <View className="cx-card">
        <ChoiceChips
          itemClassName="cx-record-category"
          choices={CATEGORY_ORDER.map((c) => ({ key: c, label: LETTER_CATEGORY_LABELS[c] }))}
          isSelected={(c) => c === draft.category}
          onPick={(c) => change({ category: c }, 'category')}
        />
        {draft.category === 'integrity' ? (
          <Text className="mailbox-field__note">廉情来信登记后直接交给街道（乡镇）纪检监督人员，本站不再经手。</Text>
        ) : null}
        <FieldProblem text={problems.category} />
      </View>

      <View className="cx-section-title">3. 居民说的事</View>
      <View className="cx-card">
        <View className="mailbox-textarea mailbox-textarea--letter cx-record-text">
          <Textarea
            className="mailbox-textarea__input"
            value={draft.text}
            maxlength={LETTER_LIMITS.text}
            placeholder="按居民的原话记下：什么时间、什么地方、什么事（至少 5 个字）"
            aria-label="来信内容"
            onInput={(e) => change({ text: e.detail.value }, 'text')}
          />
        </View>
        <FieldProblem text={problems.text} />
        <Text className="mailbox-subtitle">纸质信件请拍照附上（可以不加）</Text>
        <PhotoPicker
          photos={photos.photos.map((p) => ({ id: p.id, src: p.localPath, state: p.state, progress: p.progress }))}
          max={LETTER_LIMITS.photos}
          tileClassName="cx-record-photo"
          inputClassName="cx-record-photo-input"
          hint={`${photos.photos.length}/${LETTER_LIMITS.photos} 张`}
          error={problems.photos}
          onPick={async (count) => addPhotos(await pickLetterPhotosWeapp(count))}
          onFiles={async (files) => addPhotos(await prepareLetterPhotosFromFiles(files))}
          onRemove={photos.remove}
          onRetry={photos.retry}
        />
      </View>

      <View className="cx-section-title">4. 居民姓名和电话（可以不填）</View>
      <View className="cx-card">
        <Text className="mailbox-field__note">只有办理这封信的同志能看到，街道、区里的干部都看不到。不填就是匿名来信。</Text>
        <View className="cx-field">
          <Text className="cx-field__label">姓名</Text>
          <Input
            className="cx-input cx-record-name"
            value={draft.residentName}
            maxlength={20}
            placeholder="居民姓名"
            aria-label="居民姓名"
            onInput={(e) => change({ residentName: e.detail.value }, 'residentName')}
          />
          <FieldProblem text={problems.residentName} />
        </View>
        <View className="cx-field">
          <Text className="cx-field__label">手机号</Text>
          <Input
            className="cx-input cx-record-phone"
            type="number"
            value={draft.residentPhone}
            maxlength={11}
            placeholder="11 位手机号，用来回电"
            aria-label="居民手机号"
            onInput={(e) => change({ residentPhone: e.detail.value.replace(/\D/g, '') }, 'residentPhone')}
          />
          <FieldProblem text={problems.residentPhone} />
        </View>
      </View>

      <FieldProblem text={problems.form} className="cx-record-problem" />
      <Button
        className={`cx-btn cx-btn--primary cx-record-submit${busy ? ' cx-btn--disabled' : ''}`}
        disabled={busy || undefined}
        onClick={submit}
      >
        {busy ? '正在登记…' : '登记并出具查询码'}
      </Button>
    </View>
  );
}
