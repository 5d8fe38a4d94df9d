// Placeholder replaced by the real entry in the next commit.
export const handler = async () => ({ statusCode: 503, body: '{"code":"INTERNAL","message":"starting"}' });
