export default definePageConfig({ navigationBarTitleText: '挂图作战 · 全区', enablePullDownRefresh: true });
