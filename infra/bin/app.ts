import { App } from 'aws-cdk-lib';
import { createStacks } from '../lib/chuangxing-app';
import { readSettings } from '../lib/context';

// Context (cdk.json or `-c key=value`): stackPrefix, corsOrigins, wechatAppId, districtId, region.
// Without `-c region=...` the region of the CLI's AWS profile is used (CDK_DEFAULT_REGION).
const app = new App();
createStacks(app, readSettings(app.node, process.env.CDK_DEFAULT_REGION));
