export default definePageConfig({ navigationBarTitleText: '四个一口清', enablePullDownRefresh: true });
