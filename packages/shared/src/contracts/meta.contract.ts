import '../zod-config';
import * as z from 'zod/mini';
import { ErrorBody } from '../errors';
import { defineRoute, publicAccess } from '../route';

const Health = z.object({ status: z.literal('ok'), time: z.string() });
const OpenApiDocument = z.record(z.string(), z.unknown());
const Outbox = z.object({
  messages: z.array(
    z.object({
      id: z.string(),
      channel: z.string(),
      recipientUserId: z.string(),
      recipientName: z.string(),
      title: z.string(),
      body: z.string(),
      page: z.optional(z.string()),
      /** The notice kind, and the template and values WeChat would have received. */
      kind: z.optional(z.string()),
      templateId: z.optional(z.string()),
      data: z.optional(z.record(z.string(), z.string())),
      createdAt: z.string(),
    }),
  ),
});

/** Liveness, this API described as OpenAPI, and the local stack's notification outbox. */
export const metaRoutes = {
  health: defineRoute({
    method: 'GET',
    path: '/health',
    summary: 'Liveness probe',
    access: publicAccess,
    responses: { 200: Health, 400: ErrorBody },
  }),
  getOpenApi: defineRoute({
    method: 'GET',
    path: '/v1/openapi.json',
    summary: 'This API as an OpenAPI 3.1 document',
    access: publicAccess,
    responses: { 200: OpenApiDocument, 400: ErrorBody },
  }),
  listOutbox: defineRoute({
    method: 'GET',
    path: '/v1/dev/outbox',
    summary: 'Local mode only: notifications the local notifier would have sent',
    access: publicAccess,
    localOnly: true,
    responses: { 200: Outbox, 400: ErrorBody, 404: ErrorBody },
  }),
} as const;
