import { type BranchType, type Catalogue, formatShanghaiDate } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { type ReactNode, useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { isDistrictAdmin, isOfficial } from '../../../../services/me-helpers';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { CatalogueEditor } from './catalogue-editor';
import { CatalogueTabs, StarSection } from './catalogue-view';
import '../../../../shared-ui/manage.css';
import './index.css';

/** The standards of one version: version, date and note, then the chosen set's five stars. */
function CatalogueView({ catalogue, current }: { catalogue: Catalogue; current: boolean }) {
  const [type, setType] = useState<BranchType>('rural');
  return (
    <View className="cx-catalogue-view">
      <View className="cx-card catalogue-head">
        <View className="manage-item__head">
          <Text className="manage-item__title cx-catalogue-version">第 {catalogue.version} 版</Text>
          <Text className={`cx-tag${current ? '' : ' cx-tag--muted'}`}>{current ? '现行标准' : '历史版本'}</Text>
        </View>
        <Text className="manage-item__line cx-catalogue-published">发布于 {formatShanghaiDate(catalogue.publishedAt)}</Text>
        {catalogue.note ? <Text className="manage-item__line catalogue-head__note cx-catalogue-note-text">{catalogue.note}</Text> : null}
      </View>
      <CatalogueTabs type={type} counts={catalogue.counts} onPick={setType} />
      {catalogue.content[type].map((star) => (
        <StarSection key={star.star} star={star} />
      ))}
    </View>
  );
}

/** 历史版本 (officials): every published version, newest first; tap → read it. */
function VersionList({ shown }: { shown: number }) {
  const { state, reload } = useResource(async () => expectStatus(await api.listCatalogueVersions({}), 200), []);
  return (
    <View>
      <View className="cx-section-title">历史版本</View>
      <ResourceView state={state} onRetry={reload}>
        {({ versions }) =>
          versions.length ? (
            <View className="cx-card catalogue-versions">
              {versions.map((v) => (
                <View
                  key={v.version}
                  className={`catalogue-version cx-catalogue-version-item${v.version === shown ? ' is-current' : ''}`}
                  data-version={v.version}
                  hoverClass="cx-pressed"
                  {...accessibleControl({ onActivate: () => v.version !== shown && openPage(PAGES.catalogue(v.version)) })}
                >
                  <View className="catalogue-version__main">
                    <Text className="catalogue-version__title">
                      第 {v.version} 版 · {formatShanghaiDate(v.publishedAt)}
                    </Text>
                    <Text className="catalogue-version__line">
                      农村 {v.counts.rural} 项 · 社区 {v.counts.community} 项{v.note ? ` · ${v.note}` : ''}
                    </Text>
                  </View>
                  <Text className="catalogue-version__go">{v.version === shown ? '当前查看' : '查看 ›'}</Text>
                </View>
              ))}
            </View>
          ) : (
            <EmptyView text="还没有发布过版本" />
          )
        }
      </ResourceView>
    </View>
  );
}

/**
 * 创星标准 (`?version=` for a published one): everyone reads the standards in force; officials get 历史版本;
 * district admins 编辑草稿 and 发布新版本 here.
 */
export default function CataloguePage() {
  const { params } = useRouter();
  const session = useSession();
  const signedIn = Boolean(session.token);
  const version = Number(params.version) > 0 ? Math.floor(Number(params.version)) : undefined;
  const admin = isDistrictAdmin(session.me) && version === undefined;
  const [editing, setEditing] = useState(false);
  const { state, reload } = useResource(
    async () =>
      version === undefined
        ? expectStatus(await api.getCatalogue({}), 200)
        : expectStatus(await api.getCatalogueVersion({ params: { version } }), 200),
    [session.token, version],
    { enabled: signedIn },
  );

  const published = (catalogue: Catalogue) => {
    setEditing(false);
    reload();
    Taro.showToast({ title: `已发布第 ${catalogue.version} 版`, icon: 'success' }).catch(() => undefined);
  };

  let body: ReactNode;
  if (!signedIn) body = <SignInNeeded />;
  else if (editing && admin) body = <CatalogueEditor onPublished={published} onClose={() => setEditing(false)} />;
  else
    body = (
      <ResourceView state={state} onRetry={reload}>
        {(catalogue) => (
          <View>
            {admin ? (
              <Button className="cx-btn cx-btn--primary catalogue-edit-btn cx-catalogue-edit" onClick={() => setEditing(true)}>
                编辑草稿
              </Button>
            ) : null}
            <CatalogueView key={`view-${catalogue.version}`} catalogue={catalogue} current={version === undefined} />
            {isOfficial(session.me) ? <VersionList key={`versions-${catalogue.version}`} shown={catalogue.version} /> : null}
          </View>
        )}
      </ResourceView>
    );
  return <PageRoot className="catalogue-page">{body}</PageRoot>;
}
