import { reportsRoutes } from '@chuangxing/shared';
import { defineFeature } from '../../platform/http/feature';
import { reportsImplementations } from './reports.routes';
import { reportsPorts } from './reports.wiring';

/** 每日一报告: daily reports, compliance and its export, the rules and exemptions, reminders and report photos. */
export const reportsFeature = defineFeature({
  name: 'reports',
  routes: reportsRoutes,
  implementations: reportsImplementations,
  ports: reportsPorts,
});
