/**
 * The layering rule of docs/adr/0005-one-folder-per-feature.md, checked by `npm run lint:deps` (part of
 * `npm test`). Only the project's own sources are walked; type-only imports count like any other.
 */
const FEATURES = '^apps/functions/src/features/([^/]+)/';
/** Files of a feature that are not its domain or use cases: adapters, wiring, routes, entities. */
const EDGE_FILES = '\\.(dynamodb|wiring|feature|routes|entities)\\.ts$';
/** Adapters and I/O of the platform; ports (interfaces) and the kernel stay importable. */
const PLATFORM_ADAPTERS = [
  '^apps/functions/src/platform/dynamodb/',
  '^apps/functions/src/platform/http/',
  '^apps/functions/src/platform/wiring\\.ts$',
  '^apps/functions/src/platform/config/',
  '^apps/functions/src/platform/observability/(logger|powertools-metrics|job-tracer)\\.ts$',
  '^apps/functions/src/platform/storage/(s3-object-storage|sigv4|create-object-storage)\\.ts$',
  '^apps/functions/src/platform/notify/(outbox-notifier|wechat-subscribe-notifier|create-notifier|openid-directory)\\.ts$',
  '^apps/functions/src/platform/sealing/(kms|local)-sealer\\.ts$',
  '^apps/functions/src/platform/tokens/jose-token-service\\.ts$',
  '^apps/functions/src/platform/wechat/(wechat-client|stable-token)\\.http\\.ts$',
  '^apps/functions/src/platform/xlsx/xlsx-writer\\.ts$',
];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make load order and layering unclear.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-imports-no-sdk',
      severity: 'error',
      comment: "A feature's domain rules and use cases never touch the AWS SDK or Lambda types (ADR 0005).",
      from: { path: FEATURES, pathNot: EDGE_FILES },
      to: { path: ['^@aws-sdk/', '^aws-lambda$', 'node_modules/@aws-sdk/', 'node_modules/@types/aws-lambda/'] },
    },
    {
      name: 'domain-imports-no-adapters',
      severity: 'error',
      comment: "A feature's domain rules and use cases take ports; adapters, HTTP and the DynamoDB kit are wired in at the edge.",
      from: { path: FEATURES, pathNot: EDGE_FILES },
      to: { path: [...PLATFORM_ADAPTERS, '\\.dynamodb\\.ts$', '\\.(wiring|feature|routes|entities)\\.ts$'] },
    },
    {
      name: 'features-meet-through-readers',
      severity: 'error',
      comment: "A feature reads another only through that feature's *.readers.ts (and, when wiring, its *.wiring.ts).",
      from: { path: FEATURES, pathNot: '\\.(wiring|feature)\\.ts$' },
      to: { path: '^apps/functions/src/features/', pathNot: ['^apps/functions/src/features/$1/', '\\.readers\\.ts$'] },
    },
    {
      name: 'wiring-meets-wiring',
      severity: 'error',
      comment: "A feature's wiring builds another feature's readers through that feature's wiring, never its adapters.",
      from: { path: `${FEATURES}.*\\.(wiring|feature)\\.ts$` },
      to: { path: '^apps/functions/src/features/', pathNot: ['^apps/functions/src/features/$1/', '\\.(readers|wiring)\\.ts$'] },
    },
    {
      name: 'platform-owns-no-feature',
      severity: 'error',
      comment: 'The platform is what every feature uses; it depends on none of them.',
      from: { path: '^apps/functions/src/platform/' },
      to: { path: '^apps/functions/src/(features|handlers|local)/' },
    },
    {
      name: 'contract-is-pure',
      severity: 'error',
      comment: 'The shared contract imports zod only: no Node, AWS or Taro.',
      from: { path: '^packages/shared/src/' },
      to: { path: ['^apps/', 'node_modules/(@aws-sdk|@tarojs|aws-lambda)/', '^(node:)?(fs|path|crypto|http)$'] },
    },
    {
      name: 'subpackages-stand-alone',
      severity: 'error',
      comment: 'A mini-program subpackage never imports another subpackage (WeChat loads them separately).',
      from: { path: '^apps/miniprogram/src/subpackages/([^/]+)/' },
      to: { path: '^apps/miniprogram/src/subpackages/', pathNot: '^apps/miniprogram/src/subpackages/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', 'dist', 'dist-h5', 'cdk\\.out'] },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
