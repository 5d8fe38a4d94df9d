import { LETTER_LIMITS, type MyLetter } from '@chuangxing/shared';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { FieldProblem } from '../../../../components/field-problem';
import { useMutation } from '../../../../hooks/use-mutation';
import { api } from '../../../../services/api';
import { fieldErrorsOf } from '../../../../services/api-failure';
import { PhotoPicker } from '../../../../shared-ui/photo-picker';
import { newLetterKey } from '../../services/letter-key';
import { type PreparedLetterPhotos, pickLetterPhotosWeapp, prepareLetterPhotosFromFiles } from '../../services/letter-photo-files';
import { useLetterPhotos } from '../../services/use-letter-photos';

const ignore = () => undefined;

interface MoveProps {
  letter: MyLetter;
  onDone: (letter: MyLetter) => void;
  /** The letter moved meanwhile (a 409): read the list again. */
  onStale: () => void;
}

/** 撤回: only while nobody has accepted the letter; asked once more before it goes. */
export function WithdrawButton({ letter, onDone, onStale }: MoveProps) {
  const [problem, setProblem] = useState('');
  const { busy, run } = useMutation({
    onConflict: (failure) => {
      Taro.showToast({ title: failure.message, icon: 'none' }).catch(ignore);
      onStale();
    },
    onError: (failure) => setProblem(failure.message),
  });
  const withdraw = async () => {
    if (busy) return;
    const { confirm } = await Taro.showModal({
      title: '撤回这封信？',
      content: '撤回后社区不再办理这封信。如果还有话要说，可以重新写信。',
      confirmText: '撤回',
      cancelText: '不撤回',
    });
    if (!confirm) return;
    setProblem('');
    const res = await run(() => api.withdrawLetter({ params: { letterId: letter.id }, body: { version: letter.version } }));
    if (!res) return;
    Taro.showToast({ title: '已撤回', icon: 'success' }).catch(ignore);
    onDone(res.body.letter);
  };
  return (
    <View className="mailbox-move">
      <Button className={`cx-btn cx-letter-withdraw${busy ? ' cx-btn--disabled' : ''}`} disabled={busy || undefined} onClick={withdraw}>
        {busy ? '正在撤回…' : '撤回这封信'}
      </Button>
      <Text className="mailbox-field__note">社区受理之前可以撤回。</Text>
      <FieldProblem text={problem} />
    </View>
  );
}

/** 补充: more words and photos while the letter is open; the handler sees them on the letter's timeline. */
export function SupplementForm({ letter, onDone, onStale }: MoveProps) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<{ text?: string; photos?: string; form?: string }>({});
  const [key, setKey] = useState<string>();
  const photos = useLetterPhotos(open ? letter.branchId : undefined);
  const { busy, run } = useMutation({
    onConflict: (failure) => {
      setProblems({ form: `${failure.message}。您写的内容还在，刷新后可以再补充。` });
      onStale();
    },
    onError: (failure, body) => {
      const fields = fieldErrorsOf(body);
      setProblems({ text: fields.text, photos: Object.entries(fields).find(([p]) => p.startsWith('photos'))?.[1], form: failure.message });
    },
  });

  if (!open) {
    return (
      <Button className="cx-btn cx-letter-supplement-open" onClick={() => setOpen(true)}>
        补充情况
      </Button>
    );
  }

  const addPhotos = ({ photos: prepared, refused }: PreparedLetterPhotos) => {
    photos.add(prepared);
    setProblems((p) => ({ ...p, photos: undefined }));
    if (refused) Taro.showToast({ title: `有 ${refused} 张照片无法处理，请换一张`, icon: 'none' }).catch(ignore);
  };

  const send = async () => {
    if (busy) return;
    const trimmed = text.trim();
    if (trimmed.length < 2) {
      setProblems({ text: '请至少写 2 个字' });
      return;
    }
    const idempotencyKey = key ?? newLetterKey();
    setKey(idempotencyKey);
    setProblems({});
    const res = await run(async () => {
      const keys = photos.photos.length ? await photos.uploadAll(letter.branchId) : [];
      if (!keys) {
        setProblems({ photos: '有照片没有上传成功：点该照片重试，或删除后再补充' });
        return undefined;
      }
      return api.supplementLetter({
        params: { letterId: letter.id },
        body: { version: letter.version, text: trimmed, photos: keys, idempotencyKey },
      });
    });
    if (!res) return;
    Taro.showToast({ title: '已补充', icon: 'success' }).catch(ignore);
    setOpen(false);
    setText('');
    setKey(undefined);
    photos.reset();
    onDone(res.body.letter);
  };

  return (
    <View className="mailbox-supplement cx-letter-supplement">
      <Text className="mailbox-rating__title">补充情况</Text>
      <View className="mailbox-textarea mailbox-textarea--short cx-supplement-text">
        <Textarea
          className="mailbox-textarea__input"
          value={text}
          maxlength={LETTER_LIMITS.comment}
          placeholder="有新的情况，写在这里（办理的同志会看到）"
          aria-label="补充的内容"
          onInput={(e) => {
            setText(e.detail.value);
            setProblems((p) => ({ ...p, text: undefined, form: undefined }));
          }}
        />
      </View>
      <FieldProblem text={problems.text} />
      <PhotoPicker
        photos={photos.photos.map((p) => ({ id: p.id, src: p.localPath, state: p.state, progress: p.progress }))}
        max={LETTER_LIMITS.photos}
        tileClassName="cx-supplement-photo"
        inputClassName="cx-supplement-photo-input"
        hint={`${photos.photos.length}/${LETTER_LIMITS.photos} 张（可以不加）`}
        error={problems.photos}
        onPick={async (count) => addPhotos(await pickLetterPhotosWeapp(count))}
        onFiles={async (files) => addPhotos(await prepareLetterPhotosFromFiles(files))}
        onRemove={photos.remove}
        onRetry={photos.retry}
      />
      <FieldProblem text={problems.form} className="cx-supplement-problem" />
      <Button
        className={`cx-btn cx-btn--primary cx-supplement-submit${busy ? ' cx-btn--disabled' : ''}`}
        disabled={busy || undefined}
        onClick={send}
      >
        {busy ? '正在补充…' : '提交补充'}
      </Button>
      <Button className="cx-btn" onClick={() => setOpen(false)}>
        取消
      </Button>
    </View>
  );
}
