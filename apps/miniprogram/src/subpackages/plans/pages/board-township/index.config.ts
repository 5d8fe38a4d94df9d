export default definePageConfig({ navigationBarTitleText: '挂图作战', enablePullDownRefresh: true });
